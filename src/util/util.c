/* util.c: diagnostics, the per-thread error message, string buffers, files, UTF-8. */
#include "util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- per-thread error ---------------------------------------------- */
static _Thread_local char last_error[1024];

const char *dyad_last_error(void) { return last_error; }

int dyad_set_error(int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(last_error, sizeof last_error, fmt, ap);
    va_end(ap);
    return code;
}

/* ---- diagnostics ----------------------------------------------------- */
void dyad_diag_report(dyad_diag *d, dyad_diag_level lvl, const char *file, long line,
                      const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (d) {
        if (lvl == DYAD_DIAG_ERROR)
            d->errors++;
        else
            d->warnings++;
        if (d->fn) {
            d->fn(d->user, lvl, file, line, msg);
            return;
        }
    }
    const char *what = lvl == DYAD_DIAG_ERROR ? "error" : "warning";
    if (file && line > 0)
        fprintf(stderr, "%s:%ld: %s: %s\n", file, line, what, msg);
    else if (file)
        fprintf(stderr, "%s: %s: %s\n", file, what, msg);
    else
        fprintf(stderr, "dyad: %s: %s\n", what, msg);
}

/* ---- buffers --------------------------------------------------------- */
void dyad_buf_init(dyad_buf *b) { memset(b, 0, sizeof *b); }

void dyad_buf_free(dyad_buf *b)
{
    if (!b)
        return;
    free(b->data);
    memset(b, 0, sizeof *b);
}

static int buf_grow(dyad_buf *b, size_t need)
{
    if (b->len + need + 1 <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + need + 1)
        cap *= 2;
    char *p = realloc(b->data, cap);
    if (!p)
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    b->data = p;
    b->cap = cap;
    return 0;
}

int dyad_buf_append(dyad_buf *b, const char *s, size_t n)
{
    if (buf_grow(b, n))
        return DYAD_ENOMEM;
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = 0;
    return 0;
}

int dyad_buf_puts(dyad_buf *b, const char *s) { return dyad_buf_append(b, s, strlen(s)); }

int dyad_buf_putc(dyad_buf *b, char c) { return dyad_buf_append(b, &c, 1); }

int dyad_buf_printf(dyad_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return dyad_set_error(DYAD_EINVAL, "bad format");
    if (buf_grow(b, (size_t)n))
        return DYAD_ENOMEM;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return 0;
}

/* ---- files ----------------------------------------------------------- */
int dyad_read_file(const char *path, char **out, size_t *len)
{
    *out = NULL;
    if (len)
        *len = 0;
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f)
        return dyad_set_error(DYAD_EIO, "%s: cannot open: %s", path, strerror(errno));
    dyad_buf b;
    dyad_buf_init(&b);
    int rc = 0;
    /* A regular file is read straight into a buffer of its size. */
    struct stat st;
    if (f != stdin && fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
        (uint64_t)st.st_size < SIZE_MAX / 2) {
        if (buf_grow(&b, (size_t)st.st_size))
            rc = DYAD_ENOMEM;
        else
            b.len = fread(b.data, 1, (size_t)st.st_size, f);
        if (b.data)
            b.data[b.len] = 0;
    }
    char chunk[65536];
    size_t n;
    while (!rc && (n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (dyad_buf_append(&b, chunk, n)) {
            rc = DYAD_ENOMEM;
            break;
        }
    }
    if (!rc && ferror(f))
        rc = dyad_set_error(DYAD_EIO, "%s: read error: %s", path, strerror(errno));
    if (f != stdin)
        fclose(f);
    if (rc) {
        dyad_buf_free(&b);
        return rc;
    }
    if (!b.data && dyad_buf_append(&b, "", 0))
        return DYAD_ENOMEM;
    *out = b.data;
    if (len)
        *len = b.len;
    return 0;
}

/* ---- UTF-8 ----------------------------------------------------------- */
/* Length of the valid UTF-8 sequence at s (max n bytes), or 0 if invalid. */
static size_t utf8_valid_len(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    if (c < 0x80)
        return 1;
    size_t need;
    unsigned min;
    if (c >= 0xC2 && c <= 0xDF) {
        need = 2;
        min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 3;
        min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 4;
        min = 0x10000;
    } else {
        return 0;
    }
    if (n < need)
        return 0;
    unsigned cp = c & (0x7F >> need);
    for (size_t i = 1; i < need; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return need;
}

char *dyad_utf8_sanitize(const char *s, size_t n, size_t *out_len, long *nbad)
{
    return dyad_utf8_clean(s, n, out_len, nbad, NULL);
}

char *dyad_utf8_clean(const char *s, size_t n, size_t *out_len, long *nbad, long *nnul)
{
    long bad = 0, nul = 0;
    dyad_buf b;
    dyad_buf_init(&b);
    size_t i = 0, run = 0;
    while (i < n) {
        size_t k = utf8_valid_len((const unsigned char *)s + i, n - i);
        if (k && !(k == 1 && s[i] == 0)) {
            i += k;
            continue;
        }
        int is_nul = k == 1 && nnul;
        if (dyad_buf_append(&b, s + run, i - run) ||
            dyad_buf_append(&b, is_nul ? " " : "\xEF\xBF\xBD", is_nul ? 1 : 3))
            goto oom;
        if (is_nul)
            nul++;
        else
            bad++;
        i++;
        run = i;
    }
    if (dyad_buf_append(&b, s + run, n - run))
        goto oom;
    if (nnul)
        *nnul = nul;
    if (out_len)
        *out_len = b.len;
    if (nbad)
        *nbad = bad;
    return b.data;
oom:
    dyad_buf_free(&b);
    return NULL;
}

const char *dyad_data_path(const char *rel, char *buf, size_t size)
{
    struct stat st;
    snprintf(buf, size, "%s", rel);
    if (stat(rel, &st) == 0)
        return buf;
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return buf;
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (!slash)
        return buf;
    *slash = '\0';
    char path[PATH_MAX + 256];
    snprintf(path, sizeof path, "%s/../%s", exe, rel);
    if (stat(path, &st) == 0)
        snprintf(buf, size, "%s", path);
    return buf;
}
