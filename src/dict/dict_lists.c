/* dict_lists.c: the discard list and the issues file.
 *
 * Discards: one phrase per line; '+' first = the whole story is discarded.
 * Words are adjacent; the last word is a stem unless written with a final '_'.
 *
 * Issues (PETRARCH read_issue_list):
 *   <ISSUE CATEGORY="EDUCATION" TYPE="ALL"> ... </ISSUE>   sections
 *   n:school reform [SCHOOLS]    n: adds the plural of the next word
 *   v:massacre [ATROCITY]        v: adds the -S/-ED/-ING forms
 *   pre+k [EDUCATION]            '+' gives "PRE K" and "PRE-K"
 *   ~phrase / ~~phrase           exclusion in the sentence / story
 */
#include "dict_internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define ISSUE_MAX_TEXT 512
#define ISSUE_MAX_FORMS 256 /* rewrites of one issue line (real lines need < 20) */

/* ---- discards ------------------------------------------------------------------ */

static int discard_line(dict_ctx *c, const char *t, long ln)
{
    dyad_dict *d = c->d;
    int story = *t == '+';
    if (story)
        t = dict__skip_ws(t + 1);
    size_t n = strlen(t);
    dphrase p;
    p.n = 0;
    p.stem_last = n > 0 && t[n - 1] != '_';
    int rc = dict__phrase_add(d, &p, t, n, 1);
    if (rc == DYAD_ELIMIT || (rc == 0 && p.n == 0)) {
        dict__warn(c, ln, rc ? "discard phrase too long" : "empty discard phrase");
        return 0;
    }
    int node;
    if (rc || (rc = dict__trie_insert(&d->distrie, 0, &p, &node)) != 0)
        return rc;
    dtrie_node *nd = &d->distrie.nodes[node];
    dict__hook_phrase(c, DICT_HOOK_DISCARD, &p, node, nd->term, d->discards.n, ln);
    if (nd->term >= 0) {
        dict_discard *old = d->discards.v[nd->term];
        old->story |= story; /* a story-level duplicate wins */
        return 0;
    }
    dict_discard *dc = dyad_arena_alloc(d->arena, sizeof *dc);
    if (!dc)
        return DYAD_ENOMEM;
    dc->story = story;
    dc->line = ln;
    nd->term = d->discards.n;
    d->st.discards++;
    return dict__vec_push(&d->discards, dc);
}

int dict__load_discards(dict_ctx *c, const char *data, size_t len)
{
    dlines it;
    dict__lines_init(&it, data, len, 0);
    char *line;
    size_t n;
    long ln;
    int rc;
    while ((rc = dict__lines_next(&it, &line, &n, &ln)) == 1) {
        const char *t = dict__skip_ws(line);
        if (*t != '<' && (rc = discard_line(c, t, ln)) != 0)
            break;
    }
    dict__lines_free(&it);
    return rc < 0 ? rc : 0;
}

int dyad_dict_discard_match(const dyad_dict *d, const char *const *w, int n, int *len,
                            int *story_level)
{
    dtrie_hit hit;
    const dict_discard *dc = NULL;
    if (d && dict__trie_match(&d->distrie, 0, w, n, &hit))
        dc = d->discards.v[hit.term];
    if (len)
        *len = dc ? hit.len : 0;
    if (story_level)
        *story_level = dc ? dc->story : 0;
    return dc != NULL;
}

/* ---- issues --------------------------------------------------------------------- */

typedef struct ictx {
    dict_ctx *c;
    dyad_dict *d;
    const char *category;
    dict_issue *cur;
    int count;   /* forms generated from the current line */
} ictx;

/* Stores one fully expanded form. */
static int issue_store(ictx *x, const char *s, long ln)
{
    dphrase p;
    p.n = 0;
    p.stem_last = 0;
    int rc = dict__phrase_add(x->d, &p, s, strlen(s), 1);
    if (rc == DYAD_ELIMIT) {
        dict__warn(x->c, ln, "issue phrase too long");
        return 0;
    }
    int node;
    if (rc || p.n == 0 || (rc = dict__trie_insert(&x->d->istrie, 0, &p, &node)) != 0)
        return rc;
    dtrie_node *nd = &x->d->istrie.nodes[node];
    if (nd->term < 0) {
        nd->term = x->d->issues.n - 1;
        x->d->st.issue_phrases++;
    }
    return 0;
}

static int expand(ictx *x, char *s, long ln);

/* s with s[at..at+cut) replaced by rep, expanded further. */
static int expand_with(ictx *x, const char *s, size_t at, size_t cut, const char *rep, long ln)
{
    char buf[ISSUE_MAX_TEXT];
    size_t rl = strlen(rep), tail = strlen(s + at + cut);
    if (at + rl + tail >= sizeof buf) {
        dict__warn(x->c, ln, "issue phrase too long");
        return 1;
    }
    memcpy(buf, s, at);
    memcpy(buf + at, rep, rl);
    memcpy(buf + at + rl, s + at + cut, tail + 1);
    return expand(x, buf, ln);
}

/* "N:WORD" / "V:WORD" at m: the word without marker, and its inflections. */
static int expand_marker(ictx *x, char *s, char *m, long ln)
{
    size_t at = (size_t)(m - s), wl = 0;
    while (m[2 + wl] && !isspace((unsigned char)m[2 + wl]))
        wl++;
    char word[DICT_MAX_WORD], forms[3][DICT_MAX_WORD];
    int nf = 0;
    if (wl == 0 || wl >= sizeof word)
        return expand_with(x, s, at, 2, "", ln);
    memcpy(word, m + 2, wl);
    word[wl] = '\0';
    if (m[0] == 'N')
        nf = dict__plural(word, forms[0], sizeof forms[0]) == 0;
    else
        nf = dict__verb_regular(word, forms) == 0 ? 3 : 0;
    int rc = expand_with(x, s, at, 2 + wl, word, ln);
    for (int i = 0; rc == 0 && i < nf; i++)
        rc = expand_with(x, s, at, 2 + wl, forms[i], ln);
    return rc;
}

/* PETRARCH's rewriting: '+' -> ' ' and '-', N: and V: markers. */
static int expand(ictx *x, char *s, long ln)
{
    char *plus = strchr(s, '+');
    char *n = strstr(s, "N:"), *v = strstr(s, "V:");
    if (++x->count > ISSUE_MAX_FORMS) {
        if (x->count == ISSUE_MAX_FORMS + 1)
            dict__warn(x->c, ln, "issue line expands to too many phrases; truncated");
        return 1;
    }
    if (plus) {
        int rc = expand_with(x, s, (size_t)(plus - s), 1, " ", ln);
        return rc ? rc : expand_with(x, s, (size_t)(plus - s), 1, "-", ln);
    }
    if (n && (!v || n < v))
        return expand_marker(x, s, n, ln);
    if (v)
        return expand_marker(x, s, v, ln);
    return issue_store(x, s, ln);
}

static int issue_record(ictx *x, const char *code, size_t cn, long ln)
{
    dict_issue *is = dyad_arena_alloc(x->d->arena, sizeof *is);
    if (!is || !(is->code = dict__intern(x->d, code, cn)))
        return DYAD_ENOMEM;
    is->category = x->category;
    is->line = ln;
    x->d->st.issues++;
    return dict__vec_push(&x->d->issues, is);
}

/* "<ISSUE CATEGORY="X" ...>" and "</ISSUE>". */
static int issue_tag(ictx *x, const char *t)
{
    const char *q = strstr(t, "CATEGORY=\"");
    if (strncmp(t, "<ISSUE", 6) != 0 || !q) {
        x->category = "";
        return 0;
    }
    q += 10;
    const char *e = strchr(q, '"');
    x->category = dict__intern(x->d, q, e ? (size_t)(e - q) : strlen(q));
    return x->category ? 0 : DYAD_ENOMEM;
}

static int issue_line(ictx *x, const char *t, long ln)
{
    const char *text = t, *code = t, *end;
    size_t cn;
    if (*t == '~') {
        cn = t[1] == '~' ? 2 : 1;
        text = t + cn;
        end = text + strlen(text);
    } else {
        const char *lb = strchr(t, '['), *rb = lb ? strchr(lb, ']') : NULL;
        if (!lb || !rb) {
            dict__warn(x->c, ln, lb ? "unterminated issue code" : "issue without a code");
            return 0;
        }
        code = dict__skip_ws(lb + 1);
        cn = dict__trim_len(code, (size_t)(rb - code));
        end = lb;
        if (cn == 0 || memchr(code, '[', cn)) {
            dict__warn(x->c, ln, "bad issue code");
            return 0;
        }
    }
    char buf[ISSUE_MAX_TEXT];
    size_t n = (size_t)(end - text);
    if (n >= sizeof buf) {
        dict__warn(x->c, ln, "issue phrase too long");
        return 0;
    }
    for (size_t i = 0; i < n; i++)
        buf[i] = (char)toupper((unsigned char)text[i]);
    buf[n] = '\0';
    int rc = issue_record(x, code, cn, ln);
    x->count = 0;
    if (rc == 0)
        rc = expand(x, buf, ln);
    return rc < 0 ? rc : 0;
}

int dict__load_issues(dict_ctx *c, const char *data, size_t len)
{
    ictx x;
    memset(&x, 0, sizeof x);
    x.c = c;
    x.d = c->d;
    x.category = "";
    dlines it;
    dict__lines_init(&it, data, len, 0);
    char *line;
    size_t n;
    long ln;
    int rc;
    while ((rc = dict__lines_next(&it, &line, &n, &ln)) == 1) {
        const char *t = dict__skip_ws(line);
        rc = *t == '<' ? issue_tag(&x, t) : issue_line(&x, t, ln);
        if (rc)
            break;
    }
    dict__lines_free(&it);
    return rc < 0 ? rc : 0;
}

int dyad_dict_issue_match_ex(const dyad_dict *d, const char *const *w, int n, const char **code,
                             const char **category, int *len)
{
    dtrie_hit hit;
    const dict_issue *is = NULL;
    if (d && dict__trie_match(&d->istrie, 0, w, n, &hit))
        is = d->issues.v[hit.term];
    if (code)
        *code = is ? is->code : NULL;
    if (category)
        *category = is ? is->category : NULL;
    if (len)
        *len = is ? hit.len : 0;
    return is != NULL;
}

int dyad_dict_issue_match(const dyad_dict *d, const char *const *w, int n, const char **code,
                          int *len)
{
    return dyad_dict_issue_match_ex(d, w, n, code, NULL, len);
}
