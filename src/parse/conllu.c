/* conllu.c: the CoNLL-U reader (see conllu.h): one sentence's lines into a
 * dyad_conllu_sent, with its checks; the head checks the converter shares
 * (deptree.c); block splitting for CoNLL-U files; and dyad_conllu_parse, the
 * reader followed by the converter.
 */
#include "parse/conllu.h"
#include "parse/deptree_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- reader ----------------------------------------------------------- */

typedef struct rd {
    const char *s;
    size_t n;
    dyad_diag *d;
    const char *file;
    long first_line;
} rd;

static long rd_line(const rd *r, long off)
{
    return r->first_line > 0 ? r->first_line + off : 0;
}

/* Reports msg at input line offset off (0-based); sets the thread's error for
 * a non-zero code and returns it. */
static int rd_report(const rd *r, int code, long off, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static int rd_report(const rd *r, int code, long off, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    long line = rd_line(r, off);
    dyad_diag_report(r->d, code ? DYAD_DIAG_ERROR : DYAD_DIAG_WARNING, r->file, line, "%s", msg);
    if (!code)
        return 0;
    const char *file = r->file ? r->file : "parse";
    if (line > 0)
        return dyad_set_error(code, "%s:%ld: %s", file, line, msg);
    return dyad_set_error(code, "%s: %s", file, msg);
}

static int is_blank_char(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

/* The line starting at pos: [*b, *e) without the '\r\n'; returns the position
 * after it. */
static size_t next_line(const char *s, size_t n, size_t pos, size_t *b, size_t *e)
{
    const char *nl = memchr(s + pos, '\n', n - pos);
    size_t end = nl ? (size_t)(nl - s) : n;
    *b = pos;
    *e = end;
    while (*e > *b && s[*e - 1] == '\r')
        (*e)--;
    return nl ? end + 1 : n;
}

static int line_blank(const char *s, size_t b, size_t e)
{
    for (size_t i = b; i < e; i++)
        if (!is_blank_char(s[i]))
            return 0;
    return 1;
}

int dyad_conllu_detect(const char *s, size_t n)
{
    size_t pos = 0, b, e;
    if (!s)
        return 0;
    while (pos < n) {
        pos = next_line(s, n, pos, &b, &e);
        while (b < e && (s[b] == ' ' || s[b] == '\t'))
            b++;
        if (b == e || s[b] == '#')
            continue;
        if (s[b] < '0' || s[b] > '9')
            return 0;
        return memchr(s + b, '\t', e - b) != NULL;
    }
    return 0;
}

int dyad_conllu_next_block(const char *s, size_t n, size_t *pos, long *line, size_t *start,
                           size_t *len, long *first_line)
{
    size_t p = *pos, b, e;
    while (p < n) {
        size_t q = next_line(s, n, p, &b, &e);
        if (!line_blank(s, b, e))
            break;
        p = q;
        (*line)++;
    }
    if (p >= n) {
        *pos = n;
        return 0;
    }
    *start = p;
    *first_line = *line;
    while (p < n) {
        size_t q = next_line(s, n, p, &b, &e);
        if (line_blank(s, b, e))
            break;
        p = q;
        (*line)++;
    }
    *len = p - *start;
    *pos = p;
    return 1;
}

static const char *const column_names[10] = {"ID", "FORM", "LEMMA", "UPOS", "XPOS",
                                              "FEATS", "HEAD", "DEPREL", "DEPS", "MISC"};

/* Reads a decimal number s[0..n) into *v (capped); 0 if it is not one. */
static int read_num(const char *s, size_t n, long *v)
{
    if (!n || n > 9)
        return 0;
    long x = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        x = x * 10 + (s[i] - '0');
    }
    *v = x;
    return 1;
}

typedef struct rstate {
    rd r;
    dyad_arena *a;
    dyad_conllu_sent *sent;
    int cap;
} rstate;

static int rd_nomem(void) { return dyad_set_error(DYAD_ENOMEM, "out of memory"); }

/* "# text = ..." and "# sent_id = ...". */
static int read_comment(rstate *st, const char *s, size_t n)
{
    static const char *const keys[2] = {"text", "sent_id"};
    size_t i = 1;
    while (i < n && s[i] == ' ')
        i++;
    for (int k = 0; k < 2; k++) {
        size_t kl = strlen(keys[k]);
        if (n - i < kl || memcmp(s + i, keys[k], kl))
            continue;
        size_t j = i + kl;
        while (j < n && s[j] == ' ')
            j++;
        if (j >= n || s[j] != '=')
            continue;
        j++;
        while (j < n && s[j] == ' ')
            j++;
        char *v = dyad_arena_strndup(st->a, s + j, n - j);
        if (!v)
            return rd_nomem();
        if (k == 0)
            st->sent->text = v;
        else
            st->sent->sent_id = v;
    }
    return 0;
}

/* Splits a word line into its 10 columns. */
static int split_columns(const rstate *st, const char *s, size_t n, long off, const char *f[10],
                         size_t fl[10])
{
    int k = 0;
    size_t b = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && s[i] != '\t')
            continue;
        if (k < 10) {
            f[k] = s + b;
            fl[k] = i - b;
        }
        k++;
        b = i + 1;
    }
    if (k != 10)
        return rd_report(&st->r, DYAD_EPARSE, off,
                         "%d column%s, CoNLL-U has 10 tab-separated columns", k, k == 1 ? "" : "s");
    for (k = 0; k < 10; k++)
        if (!fl[k])
            return rd_report(&st->r, DYAD_EPARSE, off, "empty %s column (write '_')",
                             column_names[k]);
    return 0;
}

/* A multi-word token "a-b" or an empty node "a.b": checked, not kept. */
static int read_range(rstate *st, const char *id, size_t n, long off)
{
    const char *sep = id;
    while (sep < id + n && *sep >= '0' && *sep <= '9')
        sep++;
    long a, b;
    int nw = st->sent->nwords;
    if (sep == id + n || !read_num(id, (size_t)(sep - id), &a) ||
        !read_num(sep + 1, (size_t)(id + n - sep - 1), &b))
        return rd_report(&st->r, DYAD_EPARSE, off, "bad ID '%.*s'", (int)(n > 20 ? 20 : n), id);
    if (*sep == '-') {
        if (a != nw + 1 || b < a)
            return rd_report(&st->r, DYAD_EPARSE, off,
                             "multi-word token %ld-%ld: expected a range starting at word %d", a,
                             b, nw + 1);
        return 0;
    }
    if (*sep == '.') {
        if (a != nw || b < 1)
            return rd_report(&st->r, DYAD_EPARSE, off, "empty node %ld.%ld after word %d", a, b,
                             nw);
        return 0;
    }
    return rd_report(&st->r, DYAD_EPARSE, off, "bad ID '%.*s'", (int)(n > 20 ? 20 : n), id);
}

static int add_word(rstate *st, const char *f[10], const size_t fl[10], long off)
{
    dyad_conllu_sent *s = st->sent;
    long head;
    if (s->nwords >= DYAD_CONLLU_MAX_WORDS)
        return rd_report(&st->r, DYAD_ELIMIT, off, "sentence has more than %d words",
                         DYAD_CONLLU_MAX_WORDS);
    if (!read_num(f[6], fl[6], &head) || head > DYAD_CONLLU_MAX_WORDS)
        return rd_report(&st->r, DYAD_EPARSE, off, "bad HEAD '%.*s' (a word number or 0)",
                         (int)(fl[6] > 20 ? 20 : fl[6]), f[6]);
    if (s->nwords == st->cap) {
        int cap = st->cap ? st->cap * 2 : 32;
        dyad_conllu_word *w = dyad_arena_alloc(st->a, (size_t)cap * sizeof *w);
        if (!w)
            return rd_nomem();
        if (s->nwords)
            memcpy(w, s->words, (size_t)s->nwords * sizeof *w);
        s->words = w;
        st->cap = cap;
    }
    dyad_conllu_word *w = &s->words[s->nwords];
    const char **dst[7] = {&w->form, &w->lemma, &w->upos, &w->xpos, &w->feats, &w->deprel, &w->misc};
    const int col[7] = {1, 2, 3, 4, 5, 7, 9};
    for (int k = 0; k < 7; k++)
        if (!(*dst[k] = dyad_arena_strndup(st->a, f[col[k]], fl[col[k]])))
            return rd_nomem();
    w->head = (int)head - 1;
    w->line = rd_line(&st->r, off);
    s->nwords++;
    return 0;
}

static int read_word_line(rstate *st, const char *s, size_t n, long off)
{
    const char *f[10];
    size_t fl[10];
    int rc = split_columns(st, s, n, off, f, fl);
    if (rc)
        return rc;
    long id;
    if (!read_num(f[0], fl[0], &id))
        return read_range(st, f[0], fl[0], off);
    if (id != st->sent->nwords + 1)
        return rd_report(&st->r, DYAD_EPARSE, off, "word ID %ld out of sequence (expected %d)",
                         id, st->sent->nwords + 1);
    return add_word(st, f, fl, off);
}

const char *dyad_conllu_text(const dyad_conllu_sent *s, dyad_arena *a)
{
    if (!s)
        return NULL;
    if (s->text)
        return s->text;
    dyad_buf b;
    dyad_buf_init(&b);
    for (int i = 0; i < s->nwords; i++) {
        const dyad_conllu_word *w = &s->words[i];
        dyad_buf_puts(&b, w->form ? w->form : "_");
        if (i + 1 < s->nwords && !(w->misc && strstr(w->misc, "SpaceAfter=No")))
            dyad_buf_putc(&b, ' ');
    }
    const char *t = b.data ? dyad_arena_strdup(a, b.data) : dyad_arena_strdup(a, "");
    dyad_buf_free(&b);
    return t;
}

/* ---- head checks (shared by the reader and the converter) ------------- */

/* The message for a word: its input line when known. */
static int head_error(const rd *r, const dyad_conllu_word *w, int code, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static int head_error(const rd *r, const dyad_conllu_word *w, int code, const char *fmt, ...)
{
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    long off = (w && w->line > 0 && r->first_line > 0) ? w->line - r->first_line : 0;
    return rd_report(r, code, off, "%s", msg);
}

/* Checks that heads[0..n) form one tree below one root: bad indices and
 * cycles are errors; extra roots hang from the first (*extra counts them).
 * depth[] receives each word's depth (root 0). */
static int check_heads(const rd *r, const dyad_conllu_word *w, int n, int *heads, int *depth,
                       int *extra)
{
    int root = -1;
    *extra = 0;
    if (n <= 0)
        return head_error(r, NULL, DYAD_EPARSE, "no words");
    for (int i = 0; i < n; i++) {
        if (heads[i] < -1 || heads[i] >= n || heads[i] == i)
            return head_error(r, &w[i], DYAD_EPARSE,
                              "HEAD %d of word %d is not another word of the sentence (1..%d) or 0",
                              heads[i] + 1, i + 1, n);
        if (heads[i] == -1 && root < 0)
            root = i;
    }
    if (root < 0)
        return head_error(r, &w[0], DYAD_EPARSE, "no root: no word has HEAD 0");
    for (int i = 0; i < n; i++)
        if (heads[i] == -1 && i != root) {
            heads[i] = root;
            (*extra)++;
        }
    for (int i = 0; i < n; i++)
        depth[i] = -1;
    depth[root] = 0;
    for (int i = 0; i < n; i++) {
        /* walk up to a word of known depth; more than n steps is a cycle */
        int k = i, steps = 0;
        while (depth[k] < 0 && steps <= n) {
            k = heads[k];
            steps++;
        }
        if (depth[k] < 0)
            return head_error(r, &w[i], DYAD_EPARSE, "cycle in the HEAD column through word %d",
                              i + 1);
        int d = depth[k] + steps;
        if (d > DYAD_CONLLU_MAX_DEPTH)
            return head_error(r, &w[i], DYAD_ELIMIT, "dependency tree deeper than %d levels",
                              DYAD_CONLLU_MAX_DEPTH);
        for (k = i; depth[k] < 0; k = heads[k])
            depth[k] = d--;
    }
    return 0;
}

static void diag_quiet(void *user, dyad_diag_level lvl, const char *file, long line,
                       const char *msg)
{
    (void)user, (void)lvl, (void)file, (void)line, (void)msg;
}

/* The converter's head check (deptree_internal.h): nothing is reported, the
 * error is only set. */
int dyad_conllu__check_heads(const dyad_conllu_word *w, int n, int *heads, int *depth, int *extra)
{
    dyad_diag quiet = {.fn = diag_quiet};
    rd r = {.d = &quiet};
    return check_heads(&r, w, n, heads, depth, extra);
}

static int finish_sentence(rstate *st)
{
    dyad_conllu_sent *s = st->sent;
    int n = s->nwords;
    if (!n)
        return rd_report(&st->r, DYAD_EPARSE, 0, "no words in the CoNLL-U sentence");
    int *heads = malloc(sizeof(int) * (size_t)n), *depth = malloc(sizeof(int) * (size_t)n);
    int rc = (!heads || !depth) ? rd_nomem() : 0, extra = 0;
    for (int i = 0; !rc && i < n; i++)
        heads[i] = s->words[i].head;
    if (!rc)
        rc = check_heads(&st->r, s->words, n, heads, depth, &extra);
    if (!rc && extra) {
        int first = -1;
        for (int i = 0; i < n; i++) {
            if (s->words[i].head >= 0)
                continue;
            if (first < 0) {
                first = i;
                continue;
            }
            s->words[i].head = first;
            s->words[i].deprel = "parataxis";
        }
        head_error(&st->r, &s->words[0], 0, "%d words with HEAD 0; the later ones hang from word %d",
                   extra + 1, first + 1);
    }
    free(heads);
    free(depth);
    return rc;
}

int dyad_conllu_read(dyad_conllu_sent **out, dyad_arena *a, const char *s, size_t n,
                     dyad_diag *d, const char *file, long first_line)
{
    if (!out || !a)
        return dyad_set_error(DYAD_EINVAL, "dyad_conllu_read: NULL argument");
    *out = NULL;
    rstate st = {.r = {.s = s, .n = s ? n : 0, .d = d, .file = file, .first_line = first_line},
                 .a = a};
    if (!(st.sent = dyad_arena_alloc(a, sizeof *st.sent)))
        return rd_nomem();
    size_t pos = 0, b, e;
    long off = 0;
    int rc = 0, ended = 0;
    for (; pos < st.r.n && !rc; off++) {
        pos = next_line(s, st.r.n, pos, &b, &e);
        while (b < e && s[b] == ' ')
            b++;
        if (line_blank(s, b, e)) {
            ended = st.sent->nwords > 0;
        } else if (ended) {
            rd_report(&st.r, 0, off, "text after the CoNLL-U sentence ignored");
            break;
        } else if (s[b] == '#') {
            rc = read_comment(&st, s + b, e - b);
        } else {
            rc = read_word_line(&st, s + b, e - b, off);
        }
    }
    if (!rc)
        rc = finish_sentence(&st);
    if (!rc)
        *out = st.sent;
    return rc;
}

int dyad_conllu_parse(dyad_tree **out, dyad_arena *a, const char *s, size_t n, dyad_diag *d,
                      const char *file, long first_line)
{
    dyad_conllu_sent *sent = NULL;
    if (!out || !a)
        return dyad_set_error(DYAD_EINVAL, "dyad_conllu_parse: NULL argument");
    *out = NULL;
    int rc = dyad_conllu_read(&sent, a, s, n, d, file, first_line);
    if (rc)
        return rc;
    rc = dyad_conllu_to_tree(out, a, sent);
    if (rc && rc != DYAD_ENOMEM) {
        rd r = {.d = d, .file = file, .first_line = first_line};
        char msg[512];
        snprintf(msg, sizeof msg, "%s", dyad_last_error());
        rd_report(&r, rc, 0, "%s", msg);
    }
    return rc;
}
