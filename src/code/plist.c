/* plist.c: constituency tree -> PETRARCH-style linear parse list.
 *
 * The conversion follows the rules PETRARCH-1 applies to CoreNLP trees, because
 * the field's dictionaries and unit tests were written against them:
 *  1. a CC inside a phrase that holds a VP or S is clause coordination (CCP);
 *     a CC in an NP with at least three noun-ish nodes makes that NP a compound (NEC);
 *  2. an NP with a possessive, or with no nested NP, becomes one named-entity
 *     phrase (NE) of its words; an NP of the form (NP (NP x) (PP (IN p) (NP y)))
 *     becomes the NE "x p y"; any other NP is kept (indexed) and its parts converted;
 *  3. an SBAR inside an NP is flattened to its words (SBR);
 *  4. a top-level compound becomes (NEC (NE ..) (NE ..) ~NEC, initial adjectives
 *     copied into each single-noun member ("Old foes Gondor and Osgiliath").
 */
#include "code/plist.h"

#include <ctype.h>
#include <string.h>

typedef struct conv {
    const dyad_tree *t;
    dyad_plist *pl;
    dyad_arena *a;
    const char **lab;  /* working label per node (compound marking changes some) */
    unsigned char *flat; /* 1: SBAR flattened to SBR */
    const char **word; /* upper-cased word per node (preterminals) */
    int vpindex, npindex, ncindex;
    int err;
} conv;

/* ---- list primitives ---------------------------------------------------- */

static int reserve(dyad_plist *pl, int need)
{
    if (need <= pl->cap)
        return 0;
    int cap = pl->cap ? pl->cap : 128;
    while (cap < need)
        cap *= 2;
    dyad_pl_item *it = dyad_arena_alloc(pl->arena, (size_t)cap * sizeof *it);
    if (!it)
        return DYAD_ENOMEM;
    if (pl->n)
        memcpy(it, pl->items, (size_t)pl->n * sizeof *it);
    pl->items = it;
    pl->cap = cap;
    return 0;
}

int dyad_plist_push(dyad_plist *pl, const char *s, int tok)
{
    if (reserve(pl, pl->n + 1))
        return DYAD_ENOMEM;
    pl->items[pl->n].s = s;
    pl->items[pl->n].tok = tok;
    pl->n++;
    return 0;
}

void dyad_plist_remove(dyad_plist *pl, int from, int to)
{
    if (from < 0)
        from = 0;
    if (to > pl->n)
        to = pl->n;
    if (from >= to)
        return;
    memmove(pl->items + from, pl->items + to, (size_t)(pl->n - to) * sizeof *pl->items);
    pl->n -= to - from;
}

int dyad_plist_splice(dyad_plist *pl, int from, int to, const dyad_pl_item *repl, int m)
{
    int grow = m - (to - from);
    if (reserve(pl, pl->n + grow))
        return DYAD_ENOMEM;
    memmove(pl->items + from + m, pl->items + to, (size_t)(pl->n - to) * sizeof *pl->items);
    memcpy(pl->items + from, repl, (size_t)m * sizeof *repl);
    pl->n += grow;
    return 0;
}

int dyad_plist_find(const dyad_plist *pl, const char *s, int from, int to)
{
    if (to > pl->n)
        to = pl->n;
    for (int i = from < 0 ? 0 : from; i < to; i++)
        if (!strcmp(pl->items[i].s, s))
            return i;
    return -1;
}

char *dyad_plist_to_string(const dyad_plist *pl, dyad_arena *a)
{
    size_t len = 1;
    for (int i = 0; i < pl->n; i++)
        len += strlen(pl->items[i].s) + 1;
    char *out = dyad_arena_alloc(a, len);
    if (!out)
        return NULL;
    char *p = out;
    for (int i = 0; i < pl->n; i++) {
        size_t k = strlen(pl->items[i].s);
        memcpy(p, pl->items[i].s, k);
        p += k;
        *p++ = ' ';
    }
    if (p > out)
        p--;
    *p = 0;
    return out;
}

/* ---- tree helpers --------------------------------------------------------- */

static int starts(const char *s, const char *prefix) { return strncmp(s, prefix, strlen(prefix)) == 0; }

static int is_pre(const conv *c, int x) { return c->t->nodes[x].word != NULL; }

/* Next node in preorder after x's whole subtree, bounded by root r (-1 at end). */
static int skip_subtree(const dyad_tree *t, int x, int r)
{
    while (x != r && x >= 0) {
        if (t->nodes[x].next_sibling >= 0)
            return t->nodes[x].next_sibling;
        x = t->nodes[x].parent;
    }
    return -1;
}

/* Next node in preorder within r's subtree, descending into x. */
static int next_pre(const dyad_tree *t, int x, int r)
{
    if (t->nodes[x].first_child >= 0)
        return t->nodes[x].first_child;
    return skip_subtree(t, x, r);
}

/* Next visible node: flattened SBR nodes are visible but their insides are not. */
static int next_vis(const conv *c, int x, int r)
{
    if (c->flat[x])
        return skip_subtree(c->t, x, r);
    return next_pre(c->t, x, r);
}

/* Does r's visible subtree (r included) contain a label with this prefix? */
static int sub_has(const conv *c, int r, const char *prefix, int exact)
{
    for (int x = r; x >= 0; x = next_vis(c, x, r)) {
        if (exact ? !strcmp(c->lab[x], prefix) : starts(c->lab[x], prefix))
            return 1;
    }
    return 0;
}

static int sub_count(const conv *c, int r, const char *prefix)
{
    int k = 0;
    for (int x = r; x >= 0; x = next_vis(c, x, r))
        if (starts(c->lab[x], prefix))
            k++;
    return k;
}

/* ---- emission --------------------------------------------------------- */

static void push(conv *c, const char *s, int tok)
{
    if (!c->err && dyad_plist_push(c->pl, s, tok))
        c->err = DYAD_ENOMEM;
}

static const char *open_tag(conv *c, const char *lab) { return dyad_arena_printf(c->a, "(%s", lab); }
static const char *close_tag(conv *c, const char *lab) { return dyad_arena_printf(c->a, "~%s", lab); }

static void emit_pre(conv *c, int x)
{
    push(c, open_tag(c, c->lab[x]), -1);
    push(c, c->word[x], c->t->nodes[x].tok);
    push(c, close_tag(c, c->lab[x]), -1);
}

/* Copies a compound (NEC) subtree with its markup, as get_NE() keeps it. */
static void emit_markup(conv *c, int x)
{
    if (is_pre(c, x)) {
        emit_pre(c, x);
        return;
    }
    push(c, open_tag(c, c->lab[x]), -1);
    for (int k = c->t->nodes[x].first_child; k >= 0; k = c->t->nodes[k].next_sibling)
        emit_markup(c, k);
    push(c, close_tag(c, c->lab[x]), -1);
}

/* Words of x's subtree (NEC parts with markup), skipping preterminal `omit`. */
static void emit_words(conv *c, int x, int omit)
{
    for (int y = x; y >= 0;) {
        if (y != x && !strcmp(c->lab[y], "NEC")) {
            emit_markup(c, y);
            y = skip_subtree(c->t, y, x);
            continue;
        }
        if (is_pre(c, y) && y != omit)
            push(c, c->word[y], c->t->nodes[y].tok);
        y = next_pre(c->t, y, x);
    }
}

static void ne_open(conv *c)
{
    push(c, "(NE", -1);
    push(c, "---", -1);
}

static void emit_node(conv *c, int x);

static void emit_children(conv *c, int x)
{
    for (int k = c->t->nodes[x].first_child; k >= 0; k = c->t->nodes[k].next_sibling)
        emit_node(c, k);
}

/* First node in r's visible subtree after position `after` (preorder) whose label
 * satisfies pred; -1 if none. */
static int find_after(const conv *c, int r, int after, int (*pred)(const char *))
{
    int x = after < 0 ? r : skip_subtree(c->t, after, r);
    for (; x >= 0; x = next_vis(c, x, r))
        if (pred(c->lab[x]))
            return x;
    return -1;
}

static int is_in(const char *l) { return !strcmp(l, "IN"); }
static int is_np_or_nec(const char *l) { return !strcmp(l, "NP") || !strcmp(l, "NEC"); }
static int is_sbr_lab(const char *l) { return !strcmp(l, "SBR"); }

/* (NP (NP x) (PP (IN p) (NP y))) -> NE "x p y"; returns 0 when the phrase is not
 * of that simple shape (then the caller keeps the NP and converts its parts). */
static int emit_prep_ne(conv *c, int x, int pp)
{
    int q = c->t->nodes[pp].parent;
    if (q < 0 || strcmp(c->lab[q], "NP"))
        return 0;
    int first = c->t->nodes[q].first_child;
    if (first < 0 || (strcmp(c->lab[first], "NP") && strcmp(c->lab[first], "NEC")))
        return 0;
    int in = find_after(c, q, first, is_in);
    if (in < 0 || !is_pre(c, in)) /* "(IN (CC and) ...)": a phrase, no word */
        return 0;
    int obj = find_after(c, q, in, is_np_or_nec);
    if (obj < 0 || sub_has(c, obj, "PP", 0))
        return 0;
    int sbr = find_after(c, x, obj, is_sbr_lab);
    ne_open(c);
    if (!strcmp(c->lab[first], "NEC"))
        emit_markup(c, first);
    else
        emit_words(c, first, -1);
    push(c, c->word[in], c->t->nodes[in].tok);
    if (!strcmp(c->lab[obj], "NEC"))
        emit_markup(c, obj);
    else
        emit_words(c, obj, -1);
    if (sbr >= 0)
        emit_words(c, sbr, -1);
    push(c, "~NE", -1);
    return 1;
}

static void flatten_sbars(conv *c, int x)
{
    for (int y = x; y >= 0; y = next_vis(c, y, x))
        if (y != x && !strcmp(c->lab[y], "SBAR")) {
            c->flat[y] = 1;
            c->lab[y] = "SBR";
        }
}

static void emit_np(conv *c, int x)
{
    flatten_sbars(c, x);
    int pos = -1, pp = -1, nested = 0;
    for (int y = next_vis(c, x, x); y >= 0; y = next_vis(c, y, x)) {
        const char *l = c->lab[y];
        if (pos < 0 && starts(l, "POS") && is_pre(c, y))
            pos = y;
        if (pp < 0 && starts(l, "PP"))
            pp = y;
        if (starts(l, "NP") || starts(l, "NEC"))
            nested = 1;
    }
    if (pos >= 0 || !nested) {
        ne_open(c);
        emit_words(c, x, pos);
        push(c, "~NE", -1);
        return;
    }
    if (pp >= 0 && emit_prep_ne(c, x, pp))
        return;
    const char *tag = dyad_arena_printf(c->a, "NP%d", c->npindex++);
    push(c, open_tag(c, tag), -1);
    emit_children(c, x);
    push(c, close_tag(c, tag), -1);
}

/* Top-level compound: each noun or NP member becomes its own NE. */
static void emit_nec(conv *c, int x)
{
    const char *tag = dyad_arena_printf(c->a, "NEC%d", c->ncindex++);
    push(c, open_tag(c, tag), -1);
    int adj[16], nadj = 0;
    for (int y = x; y >= 0; y = next_pre(c->t, y, x)) {
        const char *l = c->lab[y];
        if (y != x && (starts(l, "NP") || starts(l, "NN")))
            break;
        if (starts(l, "JJ") && is_pre(c, y) && nadj < 16)
            adj[nadj++] = y;
    }
    for (int y = next_pre(c->t, x, x); y >= 0;) {
        const char *l = c->lab[y];
        if (starts(l, "NN") && is_pre(c, y)) {
            ne_open(c);
            for (int k = 0; k < nadj; k++)
                emit_pre(c, adj[k]);
            push(c, c->word[y], c->t->nodes[y].tok);
            push(c, "~NE", -1);
            y = skip_subtree(c->t, y, x);
        } else if (starts(l, "NP")) {
            ne_open(c);
            emit_words(c, y, -1);
            push(c, "~NE", -1);
            y = skip_subtree(c->t, y, x);
        } else {
            y = next_pre(c->t, y, x);
        }
    }
    push(c, close_tag(c, tag), -1);
}

static void emit_node(conv *c, int x)
{
    if (c->err)
        return;
    const char *l = c->lab[x];
    if (is_pre(c, x)) {
        emit_pre(c, x);
    } else if (c->flat[x]) {
        push(c, "(SBR", -1);
        emit_words(c, x, -1);
        push(c, "~SBR", -1);
    } else if (!strcmp(l, "NP")) {
        emit_np(c, x);
    } else if (!strcmp(l, "NEC")) {
        emit_nec(c, x);
    } else if (!strcmp(l, "VP")) {
        const char *tag = dyad_arena_printf(c->a, "VP%d", c->vpindex++);
        push(c, open_tag(c, tag), -1);
        emit_children(c, x);
        push(c, close_tag(c, tag), -1);
    } else {
        push(c, open_tag(c, l[0] ? l : "X"), -1);
        emit_children(c, x);
        push(c, close_tag(c, l[0] ? l : "X"), -1);
    }
}

/* ---- compound marking ------------------------------------------------- */

static void mark_compounds(conv *c)
{
    const dyad_tree *t = c->t;
    for (int i = 0; i < t->ntok; i++) {
        int x = t->tok_node[i];
        if (strcmp(c->lab[x], "CC"))
            continue;
        int p = t->nodes[x].parent;
        if (p < 0)
            continue;
        if (sub_has(c, p, "VP", 0) || sub_has(c, p, "S", 0))
            c->lab[x] = "CCP";
        else if (sub_count(c, p, "CC") > 1)
            continue;
        else if (!strcmp(c->lab[p], "NP") && sub_count(c, p, "N") >= 3)
            c->lab[p] = "NEC";
    }
}

static const char *upper_word(dyad_arena *a, const char *w)
{
    size_t n = strlen(w);
    char *u = dyad_arena_alloc(a, n + 1);
    if (!u)
        return NULL;
    for (size_t i = 0; i < n; i++)
        u[i] = (char)toupper((unsigned char)w[i]);
    /* a word must not look like markup */
    if (u[0] == '(' || u[0] == '~')
        u[0] = '-';
    return u;
}

int dyad_plist_build(dyad_plist *pl, const dyad_tree *t, dyad_arena *a)
{
    memset(pl, 0, sizeof *pl);
    pl->arena = a;
    if (!t || t->nnodes <= 0)
        return dyad_set_error(DYAD_EPARSE, "empty tree");
    conv c = {.t = t, .pl = pl, .a = a, .vpindex = 1, .npindex = 1, .ncindex = 1};
    c.lab = dyad_arena_alloc(a, (size_t)t->nnodes * sizeof *c.lab);
    c.word = dyad_arena_alloc(a, (size_t)t->nnodes * sizeof *c.word);
    c.flat = dyad_arena_alloc(a, (size_t)t->nnodes);
    if (!c.lab || !c.word || !c.flat)
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    for (int i = 0; i < t->nnodes; i++) {
        c.lab[i] = t->nodes[i].label ? t->nodes[i].label : "";
        if (t->nodes[i].word && !(c.word[i] = upper_word(a, t->nodes[i].word)))
            return dyad_set_error(DYAD_ENOMEM, "out of memory");
    }
    mark_compounds(&c);
    int top = t->root;
    const dyad_tnode *r = &t->nodes[top];
    if ((!strcmp(c.lab[top], "ROOT") || !c.lab[top][0]) && r->nchildren == 1 && !r->word)
        top = r->first_child;
    emit_node(&c, top);
    if (c.err)
        return dyad_set_error(c.err, "out of memory");
    return 0;
}
