/* tc_patterns.c: the pattern trees of the tree coder (see tc_internal.h).
 *
 * Each verb block's patterns become a trie keyed by the pattern's words and
 * structural keys (struct trie in tc_internal.h), with their synonym sets
 * expanded; the dictionary's transformation lines are compiled to PICO codes.
 */
#include "code/tc_internal.h"

#include <string.h>

#define MAX_EXPAND 256 /* synset expansions of one pattern */
#define MAX_TOKS 96

/* ---- pattern trees ------------------------------------------------------ */

static trie **special_slot(trie *t, const char *key)
{
    if (!key[0] || key[1])
        return NULL;
    switch (key[0]) {
    case '-': return &t->dash;
    case ',': return &t->comma;
    case '|': return &t->bar;
    case '*': return &t->star;
    case '^': return &t->caret;
    default: return NULL;
    }
}

static unsigned word_hash(const char *s)
{
    unsigned h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

trie *dyad_tc__trie_get(const trie *t, const char *key)
{
    if (!t)
        return NULL;
    trie **slot = special_slot((trie *)t, key);
    if (slot)
        return *slot;
    if (t->htab) {
        for (unsigned h = word_hash(key) & t->hmask;; h = (h + 1) & t->hmask) {
            tkv *k = t->htab[h];
            if (!k)
                return NULL;
            if (!strcmp(k->key, key))
                return k->node;
        }
    }
    for (tkv *k = t->kids; k; k = k->next)
        if (!strcmp(k->key, key))
            return k->node;
    return NULL;
}

/* After building: nodes with many words get a hash table (the root of a block
 * can have hundreds of head nouns). */
static int trie_index(dyad_arena *a, trie *t, int depth)
{
    if (!t || depth > 64)
        return 0;
    unsigned n = 0;
    for (tkv *k = t->kids; k; k = k->next)
        n++;
    if (n > 6) {
        unsigned size = 16;
        while (size < n * 2)
            size *= 2;
        t->htab = dyad_arena_alloc(a, size * sizeof *t->htab);
        if (!t->htab)
            return DYAD_ENOMEM;
        t->hmask = size - 1;
        for (tkv *k = t->kids; k; k = k->next) {
            unsigned h = word_hash(k->key) & t->hmask;
            while (t->htab[h])
                h = (h + 1) & t->hmask;
            t->htab[h] = k;
        }
    }
    int rc = 0;
    for (tkv *k = t->kids; k && !rc; k = k->next)
        rc = trie_index(a, k->node, depth + 1);
    trie *special[] = {t->dash, t->comma, t->bar, t->star, t->caret};
    for (int i = 0; i < 5 && !rc; i++)
        rc = trie_index(a, special[i], depth + 1);
    return rc;
}

static trie *trie_child(dyad_arena *a, trie *t, const char *key)
{
    trie *c = dyad_tc__trie_get(t, key);
    if (c)
        return c;
    trie **slot = special_slot(t, key);
    if (slot) {
        *slot = dyad_arena_alloc(a, sizeof **slot);
        return *slot;
    }
    tkv *k = dyad_arena_alloc(a, sizeof *k);
    c = dyad_arena_alloc(a, sizeof *c);
    if (!k || !c)
        return NULL;
    k->key = key;
    k->node = c;
    k->next = t->kids;
    t->kids = k;
    return c;
}

/* A pattern token after synset expansion. */
enum { T_WORD, T_PP_OPEN, T_PP_CLOSE, T_NP_OPEN, T_NP_CLOSE, T_VERB };
typedef struct tok {
    int kind;
    const char *w;
} tok;

typedef struct pnoun {
    const char *head;
    const char *mods[8];
    int nmods, tuple;
} pnoun;
typedef struct pprep {
    const char *prep;
    pnoun nouns[8];
    int nn;
} pprep;
typedef struct pseg {
    pnoun nps[8];
    int nnp;
    pprep preps[8];
    int npp;
} pseg;

static const char *special_word(int kind)
{
    switch (kind) {
    case DYAD_PAT_SOURCE: return "$";
    case DYAD_PAT_TARGET: return "+";
    case DYAD_PAT_COMPOUND: return "%";
    case DYAD_PAT_SKIP: return "^";
    default: return NULL;
    }
}

/* Parses nouns (plain heads or {modifiers head}) from toks[i..end). */
static int parse_nouns(const tok *t, int i, int end, pnoun *out, int max, int *n)
{
    while (i < end) {
        if (t[i].kind == T_NP_OPEN) {
            pnoun np = {.tuple = 1};
            int k = i + 1;
            const char *words[9];
            int nw = 0;
            while (k < end && t[k].kind != T_NP_CLOSE) {
                if (t[k].kind == T_WORD && nw < 9)
                    words[nw++] = t[k].w;
                k++;
            }
            if (nw > 0 && *n < max) {
                np.head = words[nw - 1];
                for (int m = 0; m < nw - 1 && m < 8; m++)
                    np.mods[np.nmods++] = words[m];
                out[(*n)++] = np;
            }
            i = k + 1;
        } else if (t[i].kind == T_WORD) {
            if (*n < max)
                out[(*n)++] = (pnoun){.head = t[i].w};
            i++;
        } else {
            i++;
        }
    }
    return 0;
}

/* PETRARCH-2's resolve_patseg: noun heads and prepositional phrases of one side. */
static void parse_seg(const tok *t, int n, pseg *s)
{
    memset(s, 0, sizeof *s);
    int i = 0;
    while (i < n) {
        if (t[i].kind == T_PP_OPEN) {
            int k = i + 1;
            while (k < n && t[k].kind != T_PP_CLOSE)
                k++;
            if (s->npp < 8 && i + 1 < k && t[i + 1].kind == T_WORD) {
                pprep *p = &s->preps[s->npp++];
                p->prep = t[i + 1].w;
                parse_nouns(t, i + 2, k, p->nouns, 8, &p->nn);
            }
            i = k + 1;
            continue;
        }
        int k = i;
        while (k < n && t[k].kind != T_PP_OPEN)
            k++;
        parse_nouns(t, i, k, s->nps, 8, &s->nnp);
        i = k;
    }
}

static trie *add_noun(dyad_arena *a, trie *p, const pnoun *nn, int dash_head)
{
    if (p && dash_head)
        p = trie_child(a, p, "-");
    if (p)
        p = trie_child(a, p, nn->head);
    for (int m = 0; p && m < nn->nmods; m++) {
        p = trie_child(a, p, "-");
        if (p)
            p = trie_child(a, p, nn->mods[m]);
    }
    return p;
}

/* The storage sequence of PETRARCH-2's reader: upper nouns, '|' upper preps,
 * '*', lower nouns, '|' lower preps, '#'. */
static trie *insert_side(dyad_arena *a, trie *p, const pseg *s, int lower)
{
    for (int i = 0; p && i < s->nnp; i++) {
        p = add_noun(a, p, &s->nps[i], 0);
        /* the reader separates nouns with ','; on the lower side it also puts one
         * after the last noun when there are several */
        int last = i == s->nnp - 1;
        if (p && (lower ? s->nnp > 1 : !last))
            p = trie_child(a, p, ",");
    }
    if (p && !lower && s->npp)
        p = trie_child(a, p, "|");
    for (int i = 0; p && i < s->npp; i++) {
        const pprep *pp = &s->preps[i];
        if (lower)
            p = trie_child(a, p, "|");
        if (p)
            p = trie_child(a, p, pp->prep);
        for (int k = 0; p && k < pp->nn; k++) {
            const pnoun *nn = &pp->nouns[k];
            p = add_noun(a, p, nn, lower || !nn->tuple);
            if (p && k != pp->nn - 1)
                p = trie_child(a, p, ",");
        }
    }
    return p;
}

static int insert_tokens(dyad_arena *a, trie *root, const tok *t, int n, const dyad_pattern *pat)
{
    int star = 0;
    while (star < n && t[star].kind != T_VERB)
        star++;
    pseg up, low;
    parse_seg(t, star, &up);
    parse_seg(t + star + 1, star < n ? n - star - 1 : 0, &low);
    trie *p = root;
    if (up.nnp || up.npp)
        p = insert_side(a, p, &up, 0);
    if (p && (low.nnp || low.npp)) {
        p = trie_child(a, p, "*");
        if (p)
            p = insert_side(a, p, &low, 1);
    }
    if (!p)
        return DYAD_ENOMEM;
    p->pat = pat; /* a later pattern with the same path wins, as in the reader */
    return 0;
}

typedef struct expander {
    const dyad_dict *d;
    dyad_arena *a;
    trie *root;
    const dyad_pattern *pat;
    int count;
    int err;
} expander;

/* Replaces the first synset token with each member, recursively. */
static void expand(expander *x, tok *t, int n, const int *syn)
{
    if (x->err || x->count >= MAX_EXPAND)
        return;
    int s = -1;
    for (int i = 0; i < n; i++)
        if (syn[i] >= 0) {
            s = i;
            break;
        }
    if (s < 0) {
        x->count++;
        if (insert_tokens(x->a, x->root, t, n, x->pat))
            x->err = DYAD_ENOMEM;
        return;
    }
    const dyad_synset *set = dyad_dict_synset(x->d, syn[s]);
    int in_group = 0;
    for (int i = 0; i < s; i++)
        if (t[i].kind == T_NP_OPEN)
            in_group = 1;
        else if (t[i].kind == T_NP_CLOSE)
            in_group = 0;
    for (int m = 0; set && m < set->nphrases; m++) {
        const dyad_phrase *ph = &set->phrases[m];
        tok nt[MAX_TOKS];
        int nsyn[MAX_TOKS], k = 0;
        int wrap = ph->nwords > 1 && !in_group;
        if (n + ph->nwords + 2 > MAX_TOKS)
            continue;
        for (int i = 0; i < s; i++, k++)
            nt[k] = t[i], nsyn[k] = syn[i];
        if (wrap)
            nt[k] = (tok){T_NP_OPEN, NULL}, nsyn[k++] = -1;
        for (int w = 0; w < ph->nwords; w++)
            nt[k] = (tok){T_WORD, ph->words[w]}, nsyn[k++] = -1;
        if (wrap)
            nt[k] = (tok){T_NP_CLOSE, NULL}, nsyn[k++] = -1;
        for (int i = s + 1; i < n; i++, k++)
            nt[k] = t[i], nsyn[k] = syn[i];
        expand(x, nt, k, nsyn);
    }
}

static int elem_tok(const dyad_pat_elem *e, tok *t, int *syn)
{
    *syn = -1;
    switch (e->kind) {
    case DYAD_PAT_WORD: *t = (tok){T_WORD, e->word}; return 1;
    case DYAD_PAT_SYNSET: *t = (tok){T_WORD, NULL}; *syn = e->synset; return 1;
    case DYAD_PAT_PP_OPEN: *t = (tok){T_PP_OPEN, NULL}; return 1;
    case DYAD_PAT_PP_CLOSE: *t = (tok){T_PP_CLOSE, NULL}; return 1;
    case DYAD_PAT_NP_OPEN: *t = (tok){T_NP_OPEN, NULL}; return 1;
    case DYAD_PAT_NP_CLOSE: *t = (tok){T_NP_CLOSE, NULL}; return 1;
    default: {
        const char *w = special_word(e->kind);
        if (!w)
            return 0;
        *t = (tok){T_WORD, w};
        return 1;
    }
    }
}

int dyad_tc__build_block(dyad_tcoder *tc, const dyad_verb_block *b)
{
    trie *root = dyad_arena_alloc(tc->a, sizeof *root);
    if (!root)
        return DYAD_ENOMEM;
    tc->roots[b->index] = root;
    for (int k = 0; k < b->npatterns; k++) {
        const dyad_pattern *p = &b->patterns[k];
        if (p->nupper + p->nlower + 1 > MAX_TOKS)
            continue;
        tok t[MAX_TOKS];
        int syn[MAX_TOKS], n = 0;
        for (int i = 0; i < p->nupper; i++)
            n += elem_tok(&p->upper[i], &t[n], &syn[n]);
        t[n] = (tok){T_VERB, NULL};
        syn[n++] = -1;
        for (int i = 0; i < p->nlower; i++)
            n += elem_tok(&p->lower[i], &t[n], &syn[n]);
        expander x = {.d = tc->d, .a = tc->a, .root = root, .pat = p};
        expand(&x, t, n, syn);
        if (x.err)
            return x.err;
    }
    return trie_index(tc->a, root, 0);
}

/* ---- transformations --------------------------------------------------- */

static int verb_pico(const dyad_dict *d, const char *word)
{
    if (!strcmp(word, "Q"))
        return -1;
    for (const dyad_verb_form *f = dyad_dict_verb_lookup(d, word); f; f = f->next) {
        if (f->nbefore || f->nafter)
            continue;
        const char *c = f->code ? f->code : f->block->code;
        return dyad_pico_from_cameo(c, NULL);
    }
    return 0;
}

/* "~ a (b c VERB) OUTER = r1 r2 CODE" */
int dyad_tc__compile_xform(dyad_tcoder *tc, const dyad_transform *t, xform *x)
{
    const char *l[8];
    int nl = 0;
    for (int i = 0; i < t->nlhs && nl < 8; i++)
        if (strcmp(t->lhs[i], "(") && strcmp(t->lhs[i], ")"))
            l[nl++] = t->lhs[i];
    if (nl != 5 || t->nrhs != 3)
        return 0;
    x->outer = verb_pico(tc->d, l[4]);
    x->inner = verb_pico(tc->d, l[3]);
    x->x = l[1][0];
    x->y = l[2][0];
    x->r1 = t->rhs[0][0];
    x->r2 = t->rhs[1][0];
    x->code = !strcmp(t->rhs[2], "Q") ? -1 : dyad_pico_from_cameo(t->rhs[2], NULL);
    return x->outer != 0 && x->inner != 0;
}
