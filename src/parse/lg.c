/* lg.c: the built-in parser's API (see lg.h): a sentence's datelines and
 * pieces, each piece prepared (lg_prep.c), parsed and ranked (lg_rank.c) and
 * built into a tree through UD (lg_ud.c); the statistics.
 * DYAD_LG_TRACE=1 (or 2) in the environment prints the candidates, their
 * penalties and the chosen dependency tree (and its UD form) on stderr.
 */
#include "parse/lg_internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>


static double lg__now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

int lg__nomem(void) { return dyad_set_error(DYAD_ENOMEM, "out of memory"); }

/* ==== API ==================================================================== */

static void lg__quiet(lg_errinfo *ei, void *data)
{
    (void)ei;
    (void)data;
}

void dyad_lg_opts_default(dyad_lg_opts *o)
{
    o->max_parse_time = DYAD_LG_EMERGENCY_SECONDS;
    o->linkage_limit = 300;
    o->short_length = 10;
    o->rank = 10;
    o->merge_names = 1;
    o->null_links = 1;
    o->cheap_cost = 1.2f;
}

int dyad_lg_new(dyad_lg **out, const dyad_lg_opts *opts)
{
    *out = NULL;
    dyad_lg *p = calloc(1, sizeof *p);
    if (!p)
        return lg__nomem();
    if (opts)
        p->o = *opts;
    else
        dyad_lg_opts_default(&p->o);
    lg_error_set_handler(lg__quiet, NULL);
    p->dict = dictionary_create_lang("en");
    if (!p->dict) {
        free(p);
        return dyad_set_error(DYAD_ENOTFOUND, "link-grammar: no English dictionary "
                                              "(install link-grammar-dictionaries-en)");
    }
    p->po = parse_options_create();
    p->scratch = dyad_arena_new();
    if (!p->po || !p->scratch) {
        if (p->po)
            parse_options_delete(p->po);
        dyad_arena_free(p->scratch);
        dictionary_delete(p->dict);
        free(p);
        return lg__nomem();
    }
    parse_options_set_verbosity(p->po, 0);
    parse_options_set_max_parse_time(p->po, p->o.max_parse_time > 0 ? p->o.max_parse_time
                                                                     : DYAD_LG_EMERGENCY_SECONDS);
    parse_options_set_linkage_limit(p->po, p->o.linkage_limit > 0 ? p->o.linkage_limit : 300);
    if (p->o.short_length > 0)
        parse_options_set_short_length(p->po, p->o.short_length);

    *out = p;
    return 0;
}

void dyad_lg_free(dyad_lg *p)
{
    if (!p)
        return;
    parse_options_delete(p->po);
    dictionary_delete(p->dict);
    dyad_arena_free(p->scratch);
    free(p);
}

void dyad_lg_get_stats(const dyad_lg *p, dyad_lg_stats *st) { *st = p->st; }

static int has_alnum(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (isalnum((unsigned char)s[i]) || (unsigned char)s[i] >= 0xC0)
            return 1;
    return 0;
}

static int lg_parse(dyad_tree **out, dyad_lg_result *res, dyad_lg *p, const char *text,
                    size_t n, dyad_arena *a)
{
    if (!text || !has_alnum(text, n))
        return dyad_set_error(DYAD_EPARSE, "nothing to parse (no word)");
    if (n > DYAD_LG_MAX_BYTES)
        return dyad_set_error(DYAD_ELIMIT, "sentence of %zu bytes: longer than %d", n,
                              DYAD_LG_MAX_BYTES);
    prep pp;
    int rc = lg__prep_build(&pp, p, text, (int)n, a);
    if (rc)
        return lg__nomem();
    /* far too many words: refused before link-grammar splits them (which,
     * with its spelling guesses, takes time); it splits further, so this
     * count is a floor and new_sentence checks again */
    int words = 0;
    for (int i = 0; i < pp.n; i++)
        words += pp.s[i] != ' ' && (i == 0 || pp.s[i - 1] == ' ');
    if (words > DYAD_LG_MAX_WORDS)
        return dyad_set_error(DYAD_ELIMIT, "sentence of %d words or more: longer than %d",
                              words, DYAD_LG_MAX_WORDS);
    const char *orig = dyad_arena_strndup(a, text, n);
    if (!orig)
        return lg__nomem();
    graph g;
    rc = lg__parse_best(p, &pp, orig, &g, res, a);
    if (rc)
        return rc;
    if (getenv("DYAD_LG_TRACE"))
        lg__trace_graph(&g);
    rc = lg__tree(out, &g, a);
    if (rc)
        return rc;
    res->status = res->null_count > 0 ? DYAD_LG_PARTIAL : DYAD_LG_FULL;
    return 0;
}

/* One sentence's UD form, as lg_parse builds its tree from it (no pieces,
 * no dateline): for tests and tracing. */
int lg__parse_ud(dyad_conllu_sent **out, dyad_lg *p, const char *text, size_t n, dyad_arena *a)
{
    dyad_lg_result res = {0};
    prep pp;
    *out = NULL;
    if (!text || !has_alnum(text, n))
        return dyad_set_error(DYAD_EPARSE, "nothing to parse (no word)");
    if (n > DYAD_LG_MAX_BYTES || lg__prep_build(&pp, p, text, (int)n, a))
        return n > DYAD_LG_MAX_BYTES ? dyad_set_error(DYAD_ELIMIT, "sentence too long")
                                     : lg__nomem();
    const char *orig = dyad_arena_strndup(a, text, n);
    if (!orig)
        return lg__nomem();
    p->max_null = -1;
    graph g;
    int rc = lg__parse_best(p, &pp, orig, &g, &res, a);
    if (rc)
        return rc;
    int *os, *oe;
    rc = lg__to_ud(out, &os, &oe, &g, a);
    return rc == DYAD_ENOMEM ? lg__nomem() : rc;
}

int dyad_lg_parse_dep(dyad_conllu_sent **out, dyad_lg *p, const char *text, size_t n,
                      dyad_arena *a)
{
    *out = NULL;
    int words = 0;
    for (size_t i = 0; i < n; i++)
        words += (i == 0 || isspace((unsigned char)text[i - 1])) && !isspace((unsigned char)text[i]);
    if (words > DYAD_LG_PIECE_WORDS)
        return dyad_set_error(DYAD_ELIMIT,
                              "%d words: link-grammar parses more than %d only in pieces, which "
                              "have no single dependency tree",
                              words, DYAD_LG_PIECE_WORDS);
    return lg__parse_ud(out, p, text, n, a);
}

/* ==== long sentences: pieces ============================================== */

/* Link-grammar's work grows steeply with the length of what it is given
 * (null links most of all), and its only bound is a timer, which would make
 * the output depend on the machine's load. So the work is bounded by the
 * input instead: a sentence of more than DYAD_LG_PIECE_WORDS words (after name
 * merging) is cut at a safe point and its pieces parsed one by one; null links
 * are tried only on pieces of at most DYAD_LG_NULL_WORDS words, and a longer
 * piece without a full linkage is cut again. The pieces' trees are joined
 * under one ROOT with the separators (";", ",", "and", a dash) as leaves
 * between them: (ROOT (S ...) (: ;) (S ...)). */

typedef struct lgpart {
    dyad_tree *t;       /* a parsed piece (spans relative to off), or NULL: a leaf */
    int off;            /* piece: where it starts in the sentence */
    int s, e;           /* leaf: its span in the sentence */
    const char *tag;    /* leaf: its Penn tag */
} lgpart;

typedef struct lgparts {
    lgpart *v;
    int n, cap;
} lgparts;

static int parts_add(lgparts *ps, lgpart x, dyad_arena *a)
{
    if (ps->n == ps->cap) {
        int cap = ps->cap ? 2 * ps->cap : 8;
        lgpart *v = dyad_arena_alloc(a, (size_t)cap * sizeof *v);
        if (!v)
            return lg__nomem();
        if (ps->n)
            memcpy(v, ps->v, (size_t)ps->n * sizeof *v);
        ps->v = v;
        ps->cap = cap;
    }
    ps->v[ps->n++] = x;
    return 0;
}

static void merge_result(dyad_lg_result *res, const dyad_lg_result *r, int first, int kept)
{
    if (kept)
        res->words += r->words;
    res->null_count += r->null_count;
    res->linkages += r->linkages;
    res->timed_out |= r->timed_out;
    if (first)
        res->chosen = r->chosen;
}

/* Parses text[s..e) (of the sentence text) into parts, cut as needed. */
static int parse_piece(lgparts *ps, dyad_lg_result *res, dyad_lg *p, const char *text, int s,
                       int e, int depth, dyad_arena *a)
{
    while (s < e && lg__is_space_byte((unsigned char)text[s]))
        s++;
    while (e > s && lg__is_space_byte((unsigned char)text[e - 1]))
        e--;
    if (!has_alnum(text + s, (size_t)(e - s))) { /* punctuation between cuts: leaves */
        for (int i = s; i < e; i++)
            if (!lg__is_space_byte((unsigned char)text[i])) {
                int j = i;
                while (j < e && !lg__is_space_byte((unsigned char)text[j]))
                    j++;
                int rc = parts_add(ps, (lgpart){.s = i, .e = j, .tag = ":"}, a);
                if (rc)
                    return rc;
                i = j;
            }
        return 0;
    }
    int commas, words = lg__piece_words(p, text + s, e - s, &commas, a);
    if (words < 0)
        return lg__nomem();
    int rc = DYAD_EPARSE;
    if (words <= DYAD_LG_PIECE_WORDS && commas <= DYAD_LG_PIECE_COMMAS &&
        e - s <= DYAD_LG_MAX_BYTES) {
        dyad_lg_result r;
        memset(&r, 0, sizeof r);
        p->max_null = words <= DYAD_LG_NULL_WORDS ? -1 : 0;
        dyad_tree *t = NULL;
        rc = lg_parse(&t, &r, p, text + s, (size_t)(e - s), a);
        merge_result(res, &r, ps->n == 0, rc == 0);
        if (!rc)
            return parts_add(ps, (lgpart){.t = t, .off = s}, a);
        /* a piece too long for null links without a full linkage is cut again */
        if (rc != DYAD_EPARSE || p->max_null < 0 || depth >= 32)
            return rc;
    }
    lgcut c;
    int got = lg__find_cut(text + s, e - s, &c, a);
    if (got < 0)
        return got;
    if (!got)
        return rc == DYAD_EPARSE && words > DYAD_LG_PIECE_WORDS
                   ? dyad_set_error(DYAD_ELIMIT, "a word of %d bytes", e - s)
                   : rc;
    if ((rc = parse_piece(ps, res, p, text, s, s + c.le, depth + 1, a)))
        return rc;
    for (int k = 0; k < c.nsep; k++)
        if ((rc = parts_add(ps, (lgpart){.s = s + c.ss[k], .e = s + c.se[k], .tag = c.tag[k]}, a)))
            return rc;
    return parse_piece(ps, res, p, text, s + c.rs, e, depth + 1, a);
}

/* One tree from the parts: ROOT over each piece's root's children and the
 * separator leaves, in order; spans in the sentence. */
static int join_parts(dyad_tree **out, const lgparts *ps, const char *text, dyad_arena *a)
{
    int nn = 1, nt = 0;
    for (int i = 0; i < ps->n; i++) {
        nn += ps->v[i].t ? ps->v[i].t->nnodes - 1 : 1;
        nt += ps->v[i].t ? ps->v[i].t->ntok : 1;
    }
    dyad_tree *t = dyad_arena_alloc(a, sizeof *t);
    dyad_tnode *nd = dyad_arena_alloc(a, (size_t)nn * sizeof *nd);
    int *tn = dyad_arena_alloc(a, (size_t)(nt + 1) * sizeof *tn);
    int *ts = dyad_arena_alloc(a, (size_t)(nt + 1) * sizeof *ts);
    int *te = dyad_arena_alloc(a, (size_t)(nt + 1) * sizeof *te);
    if (!t || !nd || !tn || !ts || !te)
        return lg__nomem();
    nd[0] = (dyad_tnode){.label = "ROOT", .parent = -1, .first_child = -1, .next_sibling = -1,
                         .last_child = -1, .tok = -1};
    int k = 1, tk = 0;
#define LG_ADD_CHILD(c)                                                                        \
    do {                                                                                       \
        nd[c].parent = 0;                                                                      \
        nd[c].next_sibling = -1;                                                               \
        if (nd[0].last_child >= 0)                                                             \
            nd[nd[0].last_child].next_sibling = (c);                                           \
        else                                                                                   \
            nd[0].first_child = (c);                                                           \
        nd[0].last_child = (c);                                                                \
        nd[0].nchildren++;                                                                     \
    } while (0)
    for (int i = 0; i < ps->n; i++) {
        const lgpart *x = &ps->v[i];
        if (!x->t) {
            int dash = (unsigned char)text[x->s] == 0xE2;
            const char *w = dash ? "--" : dyad_arena_strndup(a, text + x->s, (size_t)(x->e - x->s));
            if (!w)
                return lg__nomem();
            nd[k] = (dyad_tnode){.label = x->tag, .word = w, .first_child = -1, .last_child = -1,
                                 .tok = tk};
            LG_ADD_CHILD(k);
            tn[tk] = k;
            ts[tk] = x->s;
            te[tk] = x->e;
            k++, tk++;
            continue;
        }
        const dyad_tree *pt = x->t;
        int base = k - 1;
        for (int j = 1; j < pt->nnodes; j++) {
            dyad_tnode o = pt->nodes[j];
            o.parent = o.parent <= 0 ? 0 : o.parent + base;
            o.first_child = o.first_child < 0 ? -1 : o.first_child + base;
            o.last_child = o.last_child < 0 ? -1 : o.last_child + base;
            o.next_sibling = o.next_sibling < 0 ? -1 : o.next_sibling + base;
            if (o.tok >= 0)
                o.tok += tk;
            nd[base + j] = o;
        }
        for (int c = pt->nodes[0].first_child; c >= 0; c = pt->nodes[c].next_sibling)
            LG_ADD_CHILD(base + c);
        for (int j = 0; j < pt->ntok; j++) {
            tn[tk + j] = pt->tok_node[j] + base;
            ts[tk + j] = pt->tok_start[j] < 0 ? -1 : pt->tok_start[j] + x->off;
            te[tk + j] = pt->tok_end[j] < 0 ? -1 : pt->tok_end[j] + x->off;
        }
        k += pt->nnodes - 1;
        tk += pt->ntok;
    }
#undef LG_ADD_CHILD
    *t = (dyad_tree){.nodes = nd, .nnodes = k, .root = 0, .ntok = tk, .tok_node = tn,
                     .tok_start = ts, .tok_end = te};
    *out = t;
    return 0;
}

/* The sentence text[0..n), in pieces when it is long (see above). */
static int parse_long(dyad_tree **out, dyad_lg_result *res, dyad_lg *p, const char *text,
                      size_t n, dyad_arena *a)
{
    if (!text || !has_alnum(text, n))
        return dyad_set_error(DYAD_EPARSE, "nothing to parse (no word)");
    if (n > DYAD_LG_MAX_BYTES)
        return dyad_set_error(DYAD_ELIMIT, "sentence of %zu bytes: longer than %d", n,
                              DYAD_LG_MAX_BYTES);
    int commas, words = lg__piece_words(p, text, (int)n, &commas, a);
    if (words < 0)
        return lg__nomem();
    if (words > DYAD_LG_MAX_WORDS + commas)
        return dyad_set_error(DYAD_ELIMIT, "sentence of %d words or more: longer than %d",
                              words, DYAD_LG_MAX_WORDS);
    lgparts ps = {0};
    int rc = parse_piece(&ps, res, p, text, 0, (int)n, 0, a);
    if (rc)
        return rc;
    res->pieces = 0;
    for (int i = 0; i < ps.n; i++)
        res->pieces += ps.v[i].t != NULL;
    res->status = res->null_count > 0 ? DYAD_LG_PARTIAL : DYAD_LG_FULL;
    if (ps.n == 1 && ps.v[0].t && ps.v[0].off == 0) {
        *out = ps.v[0].t;
        return 0;
    }
    return join_parts(out, &ps, text, a);
}

/* ==== datelines ============================================================ */

/* A dateline before the story's first sentence: "LOURDES, France - A frail
 * Pope ...", "BEIJING (Reuters) - Beijing on Monday ...", "AFP - The United
 * Nations ...". Link-grammar has no reading for it, so the whole sentence went
 * to the slow partial parse. Returns the end of the dash (the sentence proper
 * starts after it) and the dash's span in *ds / *de; 0 when there is none. A
 * dateline: at most 8 words before the first " - ", " -- " or a spaced dash
 * (en or em) in the first 80 bytes, every word capitalised, a number, or in
 * parentheses, and with a comma, a parenthesis or a word in capitals (not
 * "Israel - Gaza talks"); then a sentence of 3 words or more that starts with a
 * capital, a digit or a quote. */
static int dateline_end(const char *t, int n, int *ds, int *de)
{
    int lim = n < 80 ? n : 80;
    for (int i = 1; i + 2 < lim; i++) {
        if (t[i] != ' ')
            continue;
        int j = i + 1, dl = 0;
        if (t[j] == '-')
            dl = t[j + 1] == '-' ? 2 : 1;
        else if (j + 2 < n && (unsigned char)t[j] == 0xE2 && (unsigned char)t[j + 1] == 0x80 &&
                 ((unsigned char)t[j + 2] == 0x93 || (unsigned char)t[j + 2] == 0x94))
            dl = 3;
        if (!dl || j + dl >= n || t[j + dl] != ' ')
            continue;
        /* the prefix t[0..i) */
        int words = 0, marked = 0, k = 0;
        while (k < i) {
            while (k < i && t[k] == ' ')
                k++;
            if (k >= i)
                break;
            int st = k;
            while (k < i && t[k] != ' ')
                k++;
            unsigned char c0 = (unsigned char)t[st];
            if (!(isupper(c0) || isdigit(c0) || c0 == '('))
                return 0;
            int caps = 0, lower = 0;
            for (int q = st; q < k; q++) {
                caps += isupper((unsigned char)t[q]) != 0;
                lower += islower((unsigned char)t[q]) != 0;
                marked |= t[q] == ',' || t[q] == '(';
            }
            marked |= caps >= 2 && !lower;
            words++;
        }
        if (words < 1 || words > 8 || !marked)
            return 0;
        /* the sentence after it */
        int r = j + dl;
        while (r < n && t[r] == ' ')
            r++;
        if (r >= n || !(isupper((unsigned char)t[r]) || isdigit((unsigned char)t[r]) ||
                        t[r] == '"' || (unsigned char)t[r] == 0xE2))
            return 0;
        int rw = 0;
        for (int q = r; q < n; q++)
            rw += t[q] != ' ' && (q == r || t[q - 1] == ' ');
        if (rw < 3)
            return 0;
        *ds = j;
        *de = j + dl;
        return j + dl;
    }
    return 0;
}

static void lg__quiet_diag(void *user, dyad_diag_level lvl, const char *file, long line,
                           const char *msg)
{
    (void)user, (void)lvl, (void)file, (void)line, (void)msg;
}

/* The dateline's words as a flat NP of Penn leaves ("(NNP LOURDES) (, ,)"),
 * appended to b with their spans; the number of words, -1 when a word cannot
 * be written. */
static int dateline_leaves(dyad_buf *b, const char *t, int end, int *ts, int *te, int cap)
{
    int nt = 0, k = 0;
    while (k < end) {
        while (k < end && t[k] == ' ')
            k++;
        int st = k;
        while (k < end && t[k] != ' ')
            k++;
        int e = k;
        while (st < e && nt + 3 < cap) {
            int ws = st, we;
            const char *tag;
            if (t[st] == '(' || t[st] == ')' || t[st] == ',') {
                we = st + 1;
                tag = t[st] == '(' ? "-LRB-" : t[st] == ')' ? "-RRB-" : ",";
            } else {
                we = st;
                while (we < e && t[we] != '(' && t[we] != ')' && t[we] != ',')
                    we++;
                tag = isdigit((unsigned char)t[ws]) ? "CD" : "NNP";
            }
            if (t[ws] == '(' || t[ws] == ')')
                dyad_buf_printf(b, " (%s %s)", tag, tag);
            else
                dyad_buf_printf(b, " (%s %.*s)", tag, we - ws, t + ws);
            ts[nt] = ws;
            te[nt] = we;
            nt++;
            st = we;
        }
        if (st < e)
            return -1;
    }
    return nt;
}

/* Parses the sentence after a dateline on its own (the text with the dateline
 * blanked, so the spans stay the text's) and puts the dateline before it:
 * (ROOT (NP dateline) (: --) <the sentence's phrases>). 1 done, 0 not done
 * (no dateline, or the sentence could not be parsed: the caller parses the
 * whole), < 0 out of memory. */
static int parse_dateline(dyad_tree **out, dyad_lg_result *res, dyad_lg *p, const char *text,
                          size_t n, dyad_arena *a)
{
    int ds, de;
    int end = dateline_end(text, (int)n, &ds, &de);
    if (!end)
        return 0;
    char *rest = dyad_arena_strndup(a, text, n);
    if (!rest)
        return DYAD_ENOMEM;
    memset(rest, ' ', (size_t)end);
    dyad_tree *rt = NULL;
    if (parse_long(&rt, res, p, rest, n, a) || !rt || rt->ntok < 1 || rt->nnodes < 2)
        return 0;
    char *rs = dyad_tree_to_string(rt, a);
    if (!rs || strncmp(rs, "(ROOT ", 6))
        return 0;
    int cap = 64;
    int *ts = dyad_arena_alloc(a, (size_t)(cap + rt->ntok + 1) * sizeof *ts);
    int *te = dyad_arena_alloc(a, (size_t)(cap + rt->ntok + 1) * sizeof *te);
    if (!ts || !te)
        return DYAD_ENOMEM;
    dyad_buf b;
    dyad_buf_init(&b);
    dyad_buf_puts(&b, "(ROOT (NP");
    int nt = dateline_leaves(&b, text, ds - 1, ts, te, cap);
    if (nt < 1) {
        dyad_buf_free(&b);
        return 0;
    }
    /* then the dash as written (an en or em dash as "--") and the sentence's
     * root's phrases with the root's ')' */
    dyad_buf_printf(&b, ") (: %.*s) %s", text[ds] == '-' ? de - ds : 2, text[ds] == '-' ? text + ds : "--",
                    rs + 6);
    ts[nt] = ds;
    te[nt] = de;
    nt++;
    for (int i = 0; i < rt->ntok; i++, nt++) {
        ts[nt] = rt->tok_start[i];
        te[nt] = rt->tok_end[i];
    }
    dyad_tree *t = NULL;
    dyad_diag quiet = {.fn = lg__quiet_diag};
    int rc = b.data ? dyad_ptb_parse(&t, a, b.data, b.len, &quiet, NULL, 0) : DYAD_ENOMEM;
    dyad_buf_free(&b);
    if (rc == DYAD_ENOMEM)
        return rc;
    if (rc || !t || t->ntok != nt)
        return 0;
    t->tok_start = ts;
    t->tok_end = te;
    *out = t;
    return 1;
}

/* A copy of t (its arrays and strings) in a. */
static dyad_tree *tree_copy(const dyad_tree *t, dyad_arena *a)
{
    dyad_tree *c = dyad_arena_alloc(a, sizeof *c);
    dyad_tnode *nd = dyad_arena_alloc(a, (size_t)(t->nnodes + 1) * sizeof *nd);
    int *tn = dyad_arena_alloc(a, (size_t)(t->ntok + 1) * sizeof *tn);
    int *ts = dyad_arena_alloc(a, (size_t)(t->ntok + 1) * sizeof *ts);
    int *te = dyad_arena_alloc(a, (size_t)(t->ntok + 1) * sizeof *te);
    if (!c || !nd || !tn || !ts || !te)
        return NULL;
    *c = *t;
    for (int i = 0; i < t->nnodes; i++) {
        nd[i] = t->nodes[i];
        nd[i].label = t->nodes[i].label ? dyad_arena_strdup(a, t->nodes[i].label) : NULL;
        nd[i].word = t->nodes[i].word ? dyad_arena_strdup(a, t->nodes[i].word) : NULL;
        if ((t->nodes[i].label && !nd[i].label) || (t->nodes[i].word && !nd[i].word))
            return NULL;
    }
    for (int i = 0; i < t->ntok; i++) {
        tn[i] = t->tok_node[i];
        ts[i] = t->tok_start ? t->tok_start[i] : -1;
        te[i] = t->tok_end ? t->tok_end[i] : -1;
    }
    c->nodes = nd, c->tok_node = tn, c->tok_start = ts, c->tok_end = te;
    return c;
}

int dyad_lg_parse(dyad_tree **out, dyad_lg_result *res, dyad_lg *p, const char *text, size_t n,
                  dyad_arena *a)
{
    dyad_lg_result local;
    if (!res)
        res = &local;
    memset(res, 0, sizeof *res);
    if (!out || !p || !a)
        return dyad_set_error(DYAD_EINVAL, "dyad_lg_parse: NULL argument");
    *out = NULL;
    lg_error_set_handler(lg__quiet, NULL);
    double t0 = lg__now();
    /* the parse's working memory (every ranked linkage's graph) lives in the
     * parser's scratch arena; only the tree is copied to a */
    dyad_arena *w = p->scratch;
    dyad_arena_reset(w);
    int rc = text && n <= DYAD_LG_MAX_BYTES ? parse_dateline(out, res, p, text, n, w) : 0;
    if (rc == 1)
        rc = 0;
    else if (rc == 0) {
        memset(res, 0, sizeof *res);
        rc = parse_long(out, res, p, text, n, w);
    }
    if (!rc && !(*out = tree_copy(*out, a)))
        rc = lg__nomem();
    dyad_arena_reset(w);
    res->ms = lg__now() - t0;
    if (rc) {
        *out = NULL;
        res->status = DYAD_LG_NONE;
    }
    p->st.sentences++;
    p->st.ms += res->ms;
    p->st.timeouts += res->timed_out;
    p->st.split += res->pieces > 1;
    if (res->status == DYAD_LG_FULL)
        p->st.full++;
    else if (res->status == DYAD_LG_PARTIAL)
        p->st.partial++;
    else
        p->st.none++;
    return rc;
}

int dyad_lg_parse_tokens(dyad_tree **out, dyad_lg_result *res, dyad_lg *p,
                         const char *const *toks, int ntok, const char **joined, dyad_arena *a)
{
    dyad_buf b;
    dyad_buf_init(&b);
    for (int i = 0; i < ntok; i++)
        if (toks[i] && (dyad_buf_puts(&b, i ? " " : "") || dyad_buf_puts(&b, toks[i]))) {
            dyad_buf_free(&b);
            return lg__nomem();
        }
    const char *s = dyad_arena_strndup(a, b.data ? b.data : "", b.len);
    dyad_buf_free(&b);
    if (!s)
        return lg__nomem();
    if (joined)
        *joined = s;
    return dyad_lg_parse(out, res, p, s, strlen(s), a);
}

