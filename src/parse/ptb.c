/* ptb.c: Penn Treebank bracketed trees: reader, aligner to the sentence text,
 * printer.
 *
 * The reader is a loop over an explicit cursor (the open node) rather than a
 * recursive descent, so a depth bomb costs one counter, never stack. Each
 * node is one '(' of the input, so the node array is sized by counting '('
 * first (capped at DYAD_TREE_MAX_NODES). */
#include "parse/tree.h"

#include <stdio.h>
#include <string.h>

typedef struct ptb_ctx {
    const char *s;
    size_t n, pos;
    long nl; /* newlines in s[0..pos) */
    dyad_arena *a;
    dyad_diag *d;
    const char *file;
    long first_line;
    dyad_tnode *nodes;
    int nnodes, cap, cur, depth, ntok;
} ptb_ctx;

/* Separators: blanks, and NUL so that no label or word holds one. */
static int is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || !c;
}

static long ptb_line(const ptb_ctx *c, long nl)
{
    return c->first_line > 0 ? c->first_line + nl : 0;
}

/* Reports msg at the line of the nl-th newline, sets the thread's error
 * message, returns code. */
static int ptb_report(ptb_ctx *c, int code, long nl, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static int ptb_report(ptb_ctx *c, int code, long nl, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    long line = ptb_line(c, nl);
    dyad_diag_report(c->d, code ? DYAD_DIAG_ERROR : DYAD_DIAG_WARNING, c->file, line, "%s", msg);
    if (!code)
        return 0;
    const char *file = c->file ? c->file : "parse";
    if (line > 0)
        return dyad_set_error(code, "%s:%ld: %s", file, line, msg);
    return dyad_set_error(code, "%s: %s", file, msg);
}

static void ptb_skip_ws(ptb_ctx *c)
{
    while (c->pos < c->n && is_ws(c->s[c->pos])) {
        if (c->s[c->pos] == '\n')
            c->nl++;
        c->pos++;
    }
}

/* Length of the label or word starting at pos. */
static size_t ptb_atom_len(const ptb_ctx *c)
{
    size_t i = c->pos;
    while (i < c->n && !is_ws(c->s[i]) && c->s[i] != '(' && c->s[i] != ')')
        i++;
    return i - c->pos;
}

static int ptb_nomem(void) { return dyad_set_error(DYAD_ENOMEM, "out of memory"); }

/* Appends a node under the cursor (the caller checked the caps). */
static int ptb_new_node(ptb_ctx *c)
{
    int k = c->nnodes++;
    dyad_tnode *nd = &c->nodes[k];
    nd->parent = c->cur;
    nd->first_child = nd->last_child = nd->next_sibling = -1;
    nd->tok = -1;
    if (c->cur >= 0) {
        dyad_tnode *p = &c->nodes[c->cur];
        if (p->last_child >= 0)
            c->nodes[p->last_child].next_sibling = k;
        else
            p->first_child = k;
        p->last_child = k;
        p->nchildren++;
    }
    return k;
}

/* '(' [label]: opens a node and makes it the cursor. */
static int ptb_open(ptb_ctx *c)
{
    if (c->cur >= 0 && c->nodes[c->cur].word)
        return ptb_report(c, DYAD_EPARSE, c->nl, "'(' inside the preterminal (%.40s %.40s ...)",
                          c->nodes[c->cur].label, c->nodes[c->cur].word);
    if (c->depth >= DYAD_TREE_MAX_DEPTH)
        return ptb_report(c, DYAD_ELIMIT, c->nl, "tree deeper than %d levels",
                          DYAD_TREE_MAX_DEPTH);
    if (c->nnodes >= c->cap)
        return ptb_report(c, DYAD_ELIMIT, c->nl, "tree has more than %d nodes",
                          DYAD_TREE_MAX_NODES);
    int k = ptb_new_node(c);
    c->pos++;
    c->depth++;
    ptb_skip_ws(c);
    size_t len = ptb_atom_len(c);
    c->nodes[k].label = dyad_arena_strndup(c->a, c->s + c->pos, len);
    if (!c->nodes[k].label)
        return ptb_nomem();
    c->pos += len;
    c->cur = k;
    return 0;
}

/* ')': closes the cursor node. */
static int ptb_close(ptb_ctx *c)
{
    dyad_tnode *nd = &c->nodes[c->cur];
    if (!nd->word && nd->nchildren == 0) {
        if (nd->label[0])
            return ptb_report(c, DYAD_EPARSE, c->nl, "preterminal (%.40s) has no word", nd->label);
        return ptb_report(c, DYAD_EPARSE, c->nl, "empty brackets ()");
    }
    c->pos++;
    c->depth--;
    c->cur = nd->parent;
    return 0;
}

/* A word: makes the cursor node a preterminal. */
static int ptb_word(ptb_ctx *c)
{
    dyad_tnode *nd = &c->nodes[c->cur];
    size_t len = ptb_atom_len(c);
    int shown = len > 40 ? 40 : (int)len;
    if (nd->nchildren)
        return ptb_report(c, DYAD_EPARSE, c->nl, "word '%.*s' beside phrases in (%.40s ...)",
                          shown, c->s + c->pos, nd->label);
    if (nd->word)
        return ptb_report(c, DYAD_EPARSE, c->nl, "second word '%.*s' in (%.40s %.40s ...)",
                          shown, c->s + c->pos, nd->label, nd->word);
    nd->word = dyad_arena_strndup(c->a, c->s + c->pos, len);
    if (!nd->word)
        return ptb_nomem();
    nd->tok = c->ntok++;
    c->pos += len;
    return 0;
}

/* The whole bracketed tree, from the first '(' to its matching ')'. */
static int ptb_body(ptb_ctx *c)
{
    int rc = ptb_open(c);
    while (!rc && c->cur >= 0) {
        ptb_skip_ws(c);
        if (c->pos >= c->n)
            return ptb_report(c, DYAD_EPARSE, c->nl,
                              "missing ')': the parse ends with %d bracket(s) open "
                              "(innermost '(%.40s')", c->depth, c->nodes[c->cur].label);
        char ch = c->s[c->pos];
        if (ch == '(')
            rc = ptb_open(c);
        else if (ch == ')')
            rc = ptb_close(c);
        else
            rc = ptb_word(c);
    }
    return rc;
}

/* After the tree: an unmatched ')' is an error, other text a warning. */
static int ptb_trailing(ptb_ctx *c)
{
    ptb_skip_ws(c);
    if (c->pos >= c->n)
        return 0;
    size_t first = c->pos;
    long first_nl = c->nl, open = 0;
    for (; c->pos < c->n; c->pos++) {
        char ch = c->s[c->pos];
        if (ch == '\n')
            c->nl++;
        else if (ch == '(')
            open++;
        else if (ch == ')' && --open < 0)
            return ptb_report(c, DYAD_EPARSE, c->nl, "extra ')' after the end of the tree");
    }
    size_t len = 0;
    while (first + len < c->n && len < 30 && c->s[first + len] != '\n')
        len++;
    return ptb_report(c, 0, first_nl, "text after the tree ignored: '%.*s'", (int)len,
                      c->s + first);
}

/* Number of '(' in s[0..n), at most cap + 1. */
static int ptb_count_open(const char *s, size_t n, int cap)
{
    int k = 0;
    const char *p = s, *end = s + n;
    while (k <= cap && (p = memchr(p, '(', (size_t)(end - p))) != NULL) {
        k++;
        p++;
    }
    return k;
}

/* Token arrays: node of each token, spans unknown (-1). */
static int ptb_tokens(dyad_tree *t, dyad_arena *a)
{
    size_t sz = sizeof(int) * (size_t)(t->ntok ? t->ntok : 1);
    t->tok_node = dyad_arena_alloc(a, sz);
    t->tok_start = dyad_arena_alloc(a, sz);
    t->tok_end = dyad_arena_alloc(a, sz);
    if (!t->tok_node || !t->tok_start || !t->tok_end)
        return ptb_nomem();
    for (int i = 0; i < t->nnodes; i++)
        if (t->nodes[i].tok >= 0)
            t->tok_node[t->nodes[i].tok] = i;
    for (int i = 0; i < t->ntok; i++)
        t->tok_start[i] = t->tok_end[i] = -1;
    return 0;
}

int dyad_ptb_parse(dyad_tree **out, dyad_arena *a, const char *s, size_t n, dyad_diag *d,
                   const char *file, long first_line)
{
    ptb_ctx c = {.s = s, .n = s ? n : 0, .a = a, .d = d, .file = file,
                 .first_line = first_line, .cur = -1};
    dyad_tree *t = NULL;
    int rc;
    if (!out || !a)
        return dyad_set_error(DYAD_EINVAL, "dyad_ptb_parse: NULL argument");
    *out = NULL;
    ptb_skip_ws(&c);
    if (c.pos >= c.n) {
        rc = ptb_report(&c, DYAD_EPARSE, c.nl, "empty parse");
        goto cleanup;
    }
    if (s[c.pos] != '(') {
        rc = ptb_report(&c, DYAD_EPARSE, c.nl, "parse does not start with '('");
        goto cleanup;
    }
    int cnt = ptb_count_open(s + c.pos, c.n - c.pos, DYAD_TREE_MAX_NODES);
    c.cap = cnt > DYAD_TREE_MAX_NODES ? DYAD_TREE_MAX_NODES : cnt;
    c.nodes = dyad_arena_alloc(a, sizeof(dyad_tnode) * (size_t)c.cap);
    t = dyad_arena_alloc(a, sizeof *t);
    if (!c.nodes || !t) {
        rc = ptb_nomem();
        goto cleanup;
    }
    if ((rc = ptb_body(&c)) != 0 || (rc = ptb_trailing(&c)) != 0)
        goto cleanup;
    t->nodes = c.nodes;
    t->nnodes = c.nnodes;
    t->root = 0;
    t->ntok = c.ntok;
    if ((rc = ptb_tokens(t, a)) != 0)
        goto cleanup;
    *out = t;
cleanup:
    return rc;
}

/* ---- alignment ------------------------------------------------------- */

/* How far past the previous token a token is looked for (bytes). */
#define ALIGN_WINDOW 100

static char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c; }

static int is_alnum(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Penn escapes and normalised tokens, with what the text may have instead. */
static const struct {
    const char *tok;
    const char *alt[6];
} align_escapes[] = {
    {"-LRB-", {"(", "[", "{", NULL}},
    {"-RRB-", {")", "]", "}", NULL}},
    {"-LCB-", {"{", NULL}},
    {"-RCB-", {"}", NULL}},
    {"-LSB-", {"[", NULL}},
    {"-RSB-", {"]", NULL}},
    {"``", {"\"", "\xE2\x80\x9C", "``", "\xE2\x80\x9E", "''", "\xE2\x80\x9D"}},
    {"''", {"\"", "\xE2\x80\x9D", "''", "\xE2\x80\x9C", "\xE2\x80\x99\xE2\x80\x99", NULL}},
    {"`", {"'", "\xE2\x80\x98", "`", "\xE2\x80\x99", NULL}},
    {"--", {"--", "\xE2\x80\x94", "\xE2\x80\x93", "-", NULL}},
    {"...", {"...", "\xE2\x80\xA6", ". . .", NULL}},
};

static int starts_with(const char *t, size_t tn, const char *p)
{
    size_t k = strlen(p);
    return k <= tn && memcmp(t, p, k) == 0;
}

/* Bytes of t that match the token character c (0 if none). */
static size_t align_char(const char *t, size_t tn, char c)
{
    if (!tn)
        return 0;
    if (ascii_lower(t[0]) == ascii_lower(c))
        return 1;
    if (c == '\'' && t[0] == '`')
        return 1;
    if (c == '\'' && (starts_with(t, tn, "\xE2\x80\x99") || starts_with(t, tn, "\xE2\x80\x98")))
        return 3;
    if (c == '"' && (starts_with(t, tn, "\xE2\x80\x9C") || starts_with(t, tn, "\xE2\x80\x9D")))
        return 3;
    if (c == '-' && (starts_with(t, tn, "\xE2\x80\x93") || starts_with(t, tn, "\xE2\x80\x94")))
        return 3;
    return 0;
}

static size_t align_generic(const char *t, size_t tn, const char *w)
{
    size_t i = 0;
    for (const char *p = w; *p; p++) {
        char c = *p;
        if (c == '\\' && p[1])
            c = *++p; /* \/ and \* */
        size_t k = align_char(t + i, tn - i, c);
        if (!k)
            return 0;
        i += k;
    }
    return i;
}

static int eq_nocase(const char *x, const char *y)
{
    for (; *x && *y; x++, y++)
        if (ascii_lower(*x) != ascii_lower(*y))
            return 0;
    return *x == *y;
}

/* Index of w in align_escapes, -1 if it is not an escape. */
static int align_escape(const char *w)
{
    for (int i = 0; i < (int)(sizeof align_escapes / sizeof align_escapes[0]); i++)
        if (eq_nocase(w, align_escapes[i].tok))
            return i;
    return -1;
}

/* Bytes of t (tn available) that match the token w (escape index esc) at its
 * start; 0 if none. */
static size_t align_match(const char *t, size_t tn, const char *w, int esc)
{
    for (int j = 0; esc >= 0 && j < 6 && align_escapes[esc].alt[j]; j++)
        if (starts_with(t, tn, align_escapes[esc].alt[j]))
            return strlen(align_escapes[esc].alt[j]);
    return *w ? align_generic(t, tn, w) : 0;
}

/* Longer tokens are only tried right after the previous one, so that the
 * window search costs at most ALIGN_WINDOW * ALIGN_LONG_TOKEN per token. */
#define ALIGN_LONG_TOKEN 128

/* Looks for w in text[from..], first right after the whitespace, then at word
 * boundaries within the window, then anywhere within it. */
static int align_find(const char *text, size_t len, size_t from, const char *w, size_t *start,
                      size_t *end)
{
    int esc = align_escape(w);
    while (from < len && is_ws(text[from]))
        from++;
    size_t lim = from + ALIGN_WINDOW < len ? from + ALIGN_WINDOW : len;
    int passes = strlen(w) > ALIGN_LONG_TOKEN ? 1 : 3;
    for (int pass = 0; pass < passes; pass++) {
        for (size_t q = from; q < (pass ? lim : from + 1) && q < len; q++) {
            int boundary = q == 0 || !is_alnum(text[q - 1]) || !is_alnum(text[q]);
            if (pass == 1 && !boundary)
                continue;
            size_t k = align_match(text + q, len - q, w, esc);
            if (k) {
                *start = q;
                *end = q + k;
                return 1;
            }
        }
    }
    return 0;
}

void dyad_tree_align(dyad_tree *t, dyad_arena *a, const char *text)
{
    if (!t || t->ntok <= 0)
        return;
    if (!t->tok_start || !t->tok_end) {
        t->tok_start = dyad_arena_alloc(a, sizeof(int) * (size_t)t->ntok);
        t->tok_end = dyad_arena_alloc(a, sizeof(int) * (size_t)t->ntok);
        if (!t->tok_start || !t->tok_end)
            return;
    }
    size_t len = text ? strlen(text) : 0, pos = 0, s, e;
    for (int i = 0; i < t->ntok; i++) {
        t->tok_start[i] = t->tok_end[i] = -1;
        const char *w = t->nodes[t->tok_node[i]].word;
        if (!text || len > (size_t)0x7fffffff || !align_find(text, len, pos, w, &s, &e))
            continue;
        t->tok_start[i] = (int)s;
        t->tok_end[i] = (int)e;
        pos = e;
    }
}

/* ---- printing and helpers ------------------------------------------- */

static int print_open(dyad_buf *b, const dyad_tnode *nd)
{
    if (dyad_buf_putc(b, '(') || dyad_buf_puts(b, nd->label))
        return DYAD_ENOMEM;
    if (nd->word && (dyad_buf_putc(b, ' ') || dyad_buf_puts(b, nd->word)))
        return DYAD_ENOMEM;
    return 0;
}

/* Pre-order walk over the index links (no recursion). */
static int print_tree(dyad_buf *b, const dyad_tree *t)
{
    int k = t->root;
    for (;;) {
        const dyad_tnode *nd = &t->nodes[k];
        if (print_open(b, nd))
            return DYAD_ENOMEM;
        if (nd->first_child >= 0) {
            if (dyad_buf_putc(b, ' '))
                return DYAD_ENOMEM;
            k = nd->first_child;
            continue;
        }
        if (dyad_buf_putc(b, ')'))
            return DYAD_ENOMEM;
        while (k != t->root && t->nodes[k].next_sibling < 0) {
            k = t->nodes[k].parent;
            if (dyad_buf_putc(b, ')'))
                return DYAD_ENOMEM;
        }
        if (k == t->root)
            return 0;
        if (dyad_buf_putc(b, ' '))
            return DYAD_ENOMEM;
        k = t->nodes[k].next_sibling;
    }
}

char *dyad_tree_to_string(const dyad_tree *t, dyad_arena *a)
{
    dyad_buf b;
    char *s = NULL;
    if (!t || t->nnodes <= 0)
        return dyad_arena_strdup(a, "");
    dyad_buf_init(&b);
    if (print_tree(&b, t) == 0)
        s = dyad_arena_strndup(a, b.data, b.len);
    dyad_buf_free(&b);
    return s;
}

int dyad_tree_leftmost_tok(const dyad_tree *t, int node)
{
    if (!t || node < 0 || node >= t->nnodes)
        return -1;
    while (t->nodes[node].tok < 0 && t->nodes[node].first_child >= 0)
        node = t->nodes[node].first_child;
    return t->nodes[node].tok;
}

int dyad_tree_rightmost_tok(const dyad_tree *t, int node)
{
    if (!t || node < 0 || node >= t->nnodes)
        return -1;
    while (t->nodes[node].tok < 0 && t->nodes[node].last_child >= 0)
        node = t->nodes[node].last_child;
    return t->nodes[node].tok;
}
