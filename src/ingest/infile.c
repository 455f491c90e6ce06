/* infile.c: plain and gzip input behind one FILE * (see infile.h).
 *
 * A gzip file becomes a stdio stream through glibc's fopencookie over zlib's
 * gzFile, so the readers keep their fread/getline loops. zlib reports a
 * truncated stream as the end of the data with an error set (Z_BUF_ERROR,
 * "unexpected end of file"), not as a failed read: the cookie checks
 * gzerror at the end and turns it into a read error. */
#define _GNU_SOURCE
#include "ingest/infile.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <fcntl.h>
#include <sys/types.h>
#include <unistd.h>
#include <zlib.h>

#include "util/util.h"

typedef struct gz_cookie {
    gzFile gz;
    FILE *self;
    long long total; /* decompressed bytes handed out */
} gz_cookie;

/* The last gzip read error on this thread and the stream it came from. */
static _Thread_local struct {
    FILE *f;
    char msg[320];
} last_gz;

int dyad_infile_is_gz(const char *path)
{
    size_t n = path ? strlen(path) : 0;
    return n > 3 && !strcasecmp(path + n - 3, ".gz");
}

size_t dyad_infile_name_len(const char *path)
{
    size_t n = path ? strlen(path) : 0;
    return dyad_infile_is_gz(path) ? n - 3 : n;
}

static ssize_t gz_read(void *cookie, char *buf, size_t n)
{
    gz_cookie *g = cookie;
    if (n > INT_MAX / 2)
        n = INT_MAX / 2;
    int k = gzread(g->gz, buf, (unsigned)n);
    int zerr = Z_OK;
    const char *why = gzerror(g->gz, &zerr);
    if (k > 0) {
        g->total += k;
        return k;
    }
    if (k == 0 && zerr == Z_OK)
        return 0; /* the end */
    last_gz.f = g->self;
    /* zlib puts the file's name first: "<fd:3>: unexpected end of file" */
    const char *sep = why && !strncmp(why, "<fd:", 4) ? strstr(why, ": ") : NULL;
    if (sep)
        why = sep + 2;
    snprintf(last_gz.msg, sizeof last_gz.msg, "damaged gzip data after %lld bytes: %s",
             g->total, why && *why ? why : "zlib error");
    errno = EIO;
    return -1;
}

static int gz_close(void *cookie)
{
    gz_cookie *g = cookie;
    if (last_gz.f == g->self)
        last_gz.f = NULL;
    gzclose(g->gz);
    free(g);
    return 0;
}

FILE *dyad_infile_open(const char *path)
{
    if (!strcmp(path, "-"))
        return stdin;
    if (!dyad_infile_is_gz(path)) {
        FILE *f = fopen(path, "rb");
        if (!f)
            dyad_set_error(DYAD_EIO, "%s: cannot open: %s", path, strerror(errno));
        return f;
    }
    int fd = open(path, O_RDONLY); /* gzopen's errors say less than open's */
    if (fd < 0) {
        dyad_set_error(DYAD_EIO, "%s: cannot open: %s", path, strerror(errno));
        return NULL;
    }
    gz_cookie *g = calloc(1, sizeof *g);
    if (!g || !(g->gz = gzdopen(fd, "rb"))) { /* gzdopen owns fd from here on */
        if (g)
            free(g);
        close(fd);
        dyad_set_error(DYAD_ENOMEM, "%s: out of memory", path);
        return NULL;
    }
    gzbuffer(g->gz, 1 << 16);
    cookie_io_functions_t io = {.read = gz_read, .close = gz_close};
    FILE *f = fopencookie(g, "rb", io);
    if (!f) {
        gzclose(g->gz);
        free(g);
        dyad_set_error(DYAD_ENOMEM, "%s: out of memory", path);
        return NULL;
    }
    g->self = f;
    return f;
}

void dyad_infile_close(FILE *f)
{
    if (f && f != stdin)
        fclose(f);
}

const char *dyad_infile_error(FILE *f)
{
    if (f && last_gz.f == f)
        return last_gz.msg;
    return strerror(errno ? errno : EIO);
}

int dyad_infile_read_all(const char *path, char **out, size_t *len)
{
    *out = NULL;
    if (len)
        *len = 0;
    FILE *f = dyad_infile_open(path);
    if (!f)
        return DYAD_EIO;
    dyad_buf b;
    dyad_buf_init(&b);
    char chunk[65536];
    size_t n;
    int rc = 0;
    while (!rc && (n = fread(chunk, 1, sizeof chunk, f)) > 0)
        rc = dyad_buf_append(&b, chunk, n);
    if (!rc && ferror(f))
        rc = dyad_set_error(DYAD_EIO, "%s: read error: %s; the file is left out", path,
                            dyad_infile_error(f));
    dyad_infile_close(f);
    if (!rc && !b.data)
        rc = dyad_buf_append(&b, "", 0);
    if (rc) {
        dyad_buf_free(&b);
        return rc == DYAD_ENOMEM ? dyad_set_error(rc, "out of memory") : rc;
    }
    *out = b.data;
    if (len)
        *len = b.len;
    return 0;
}
