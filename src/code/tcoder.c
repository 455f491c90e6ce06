/* tcoder.c: the tree coder for PETRARCH-2 format dictionaries (see tcoder.h).
 *
 * The behaviour follows PETRARCH-2 (openeventdata/petrarch2, PETRtree.py), whose
 * hand-corrected output on AFP sentences is the field's gold standard for these
 * dictionaries: meanings are computed bottom-up and memoised per phrase; a noun
 * phrase means the actor and agent codes in it; a verb phrase means events
 * (source, target, code) where the target may itself be an event of a nested
 * verb; codes are PICO values (pico.h) so that nested verbs can combine.
 *
 * Beyond PETRARCH-2, for news parsed by the built-in parser: the subject is the
 * noun phrase nearest before the verb phrase (not a fronted time phrase);
 * relative clauses are coded with their antecedent as subject ("X and Y are
 * among the countries that helped Z") and fill their object gap from it ("the
 * sanctions W imposed on Z"); participles with an object after a noun ("forces
 * shelling Z"), absolutive "with X doing" clauses, adverbial clauses with their
 * own subject ("..., while Y shelled Z"), raising passives and adjectives ("X
 * is expected / likely to visit Y"; not "urged", "unlikely"), "to" clauses of
 * intent, "provide X with Y", "thousands of Y", plural demonyms ("the
 * Iranians") and "each other" are understood; actors in phrases of time and
 * cause are targets only when nothing else is, agents in a modifier of the
 * thing given ("military support") do not combine with them; a reported act
 * whose combination with the reporting verb has no CAMEO code is coded as
 * itself. A phrase of place ("talks in Abuja", "in the West Bank") gives a
 * target only to verbs whose CAMEO target is the place (visits, aid, force,
 * coercion, violence: place_is_target) and no subject; "attack on X" as a
 * subject is X's attack suffered, not made; headline passives ("Journalist
 * kidnapped by militants", "CIA accused over ...") are passives, and "in X"
 * names a passive's source only when X is no place (or the act is violent);
 * prepositional phrases the parser hung on the object still match patterns
 * ("accused Y of war crimes"); refusals, offers and appeals combine with the
 * act the CAMEO way (dyad_pico_combine_act); "not" on an uncoded verb is no
 * 120; members of a group with a role ("Hezbollah's leader") are the group;
 * coordinated noun phrases keep their own agents; a noun the parser took for
 * the verb ("U.S. forces battled") is put back into the subject.
 * DYAD_TRACE=1 prints the tree and each verb phrase's meaning.
 */
#include "code/tcoder.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "code/pico.h"

#define MAX_EXPAND 256 /* synset expansions of one pattern */
#define MAX_TOKS 96
#define STEP_CAP 200000

/* ---- pattern trees ------------------------------------------------------ */

typedef struct trie trie;
typedef struct tkv {
    const char *key;
    trie *node;
    struct tkv *next;
} tkv;
struct trie {
    tkv *kids;               /* words */
    tkv **htab;              /* the same, hashed (power-of-two size hmask + 1) when many */
    unsigned hmask;
    trie *dash, *comma, *bar, *star, *caret; /* the structural keys "-" "," "|" "*" "^" */
    const dyad_pattern *pat; /* '#': the pattern ending here */
};

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

typedef struct xform {
    int outer, inner;        /* PICO codes of the verbs; inner -1 = any (Q) */
    char x, y;               /* inner source / target variables ('a', 'b', '_', '.') */
    char r1, r2;             /* result source / target variables */
    int code;                /* result PICO code; -1 = the inner code (Q) */
} xform;

struct dyad_tcoder {
    const dyad_dict *d;
    dyad_arena *a;
    trie **roots; /* per verb block */
    int nblocks;
    xform *xf;
    int nxf;
};

static unsigned word_hash(const char *s)
{
    unsigned h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

static trie *trie_get(const trie *t, const char *key)
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
    trie *c = trie_get(t, key);
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

static int build_block(dyad_tcoder *tc, const dyad_verb_block *b)
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
static int compile_xform(dyad_tcoder *tc, const dyad_transform *t, xform *x)
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

int dyad_dict_is_petr2(const dyad_dict *d)
{
    if (dyad_dict_ntransforms(d) > 0)
        return 1;
    int nb = dyad_dict_verb_nblocks(d);
    for (int b = 0; b < nb; b++) {
        const dyad_verb_block *blk = dyad_dict_verb_block(d, b);
        for (int k = 0; blk && k < blk->npatterns; k++) {
            const dyad_pattern *p = &blk->patterns[k];
            for (int i = 0; i < p->nlower; i++)
                if (p->lower[i].kind >= DYAD_PAT_PP_OPEN)
                    return 1;
        }
    }
    return 0;
}

int dyad_tcoder_new(dyad_tcoder **out, const dyad_dict *d)
{
    *out = NULL;
    dyad_tcoder *tc = calloc(1, sizeof *tc);
    if (!tc || !(tc->a = dyad_arena_new())) {
        free(tc);
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    }
    tc->d = d;
    tc->nblocks = dyad_dict_verb_nblocks(d);
    tc->roots = dyad_arena_alloc(tc->a, (size_t)(tc->nblocks + 1) * sizeof *tc->roots);
    int nt = dyad_dict_ntransforms(d);
    tc->xf = dyad_arena_alloc(tc->a, (size_t)(nt + 1) * sizeof *tc->xf);
    int rc = (!tc->roots || !tc->xf) ? DYAD_ENOMEM : 0;
    for (int b = 0; !rc && b < tc->nblocks; b++)
        rc = build_block(tc, dyad_dict_verb_block(d, b));
    for (int i = 0; !rc && i < nt; i++)
        if (compile_xform(tc, dyad_dict_transform(d, i), &tc->xf[tc->nxf]))
            tc->nxf++;
    if (rc) {
        dyad_tcoder_free(tc);
        return dyad_set_error(rc, "out of memory");
    }
    *out = tc;
    return 0;
}

void dyad_tcoder_free(dyad_tcoder *tc)
{
    if (!tc)
        return;
    dyad_arena_free(tc->a);
    free(tc);
}

/* ---- sentence tree -------------------------------------------------------- */

typedef struct clist {
    const char **v;
    int n;
} clist;

enum { K_OTHER, K_NP, K_VP, K_PP };
enum { EV_TUPLE, EV_STR, EV_LIST };
enum { TG_NONE, TG_STR, TG_EV, TG_PASSIVE };

typedef struct ev ev;
struct ev {
    int kind;
    const char *str; /* EV_STR */
    clist list;      /* EV_LIST */
    clist src;       /* EV_TUPLE */
    int tk;
    const char *tstr;
    const ev *tev;
    int code;
    const char *cameo; /* the dictionary's code when code is still its value, else NULL */
    int vtok;
};

typedef struct evl {
    const ev **v;
    int n;
} evl;

typedef struct pnode {
    const char *label, *text;
    int tok, parent, index, nk, *kids;
    int kind;
    unsigned char color, m_np, m_vp, m_code, m_head, m_S, m_pass, m_upper, m_lower, forced_pass;
    clist np;
    evl vp;
    int code, pcode;
    const char *cameo; /* the CAMEO code behind code (verb or pattern) */
    const dyad_verb_block *block;
    const char *head;
    int head_phrase; /* -1: not set (PETRARCH-2 sets it only for phrases) */
    int S, passive;
    clist upper;
    evl low_ev;
    clist low_codes;
    int low_is_ev, neg;
    clist isubj;             /* a clause's implied subject (relative clauses) */
    int isubj_np;            /* or the noun phrase giving it (absolutives), -1 */
    int gap;                 /* a verb phrase's object moved out: its antecedent, -1 none */
    unsigned char has_isubj;
    unsigned char tgt_pp;    /* a noun phrase whose actor is only in an "on/against" phrase */
    unsigned char place_only; /* ... only in a phrase of place (place_pp) */
} pnode;

typedef struct tctx {
    const dyad_tcoder *tc;
    const dyad_dict *d;
    const dyad_code_opts *o;
    const char *date;
    dyad_arena *a;
    pnode *n;
    int nn;
    long steps;
    int err;
    const char **orig; /* the words as written */
    /* which noun phrase gave a code (for evidence) */
    const char **span_code;
    int *span_node, nspan, capspan;
    int strict; /* emit only events between two named actors (no bare agents) */
} tctx;

static int kind_of(const char *label)
{
    if (!strcmp(label, "NP"))
        return K_NP;
    if (!strcmp(label, "VP"))
        return K_VP;
    if (!strcmp(label, "PP"))
        return K_PP;
    return K_OTHER;
}

static char *upcase(dyad_arena *a, const char *s)
{
    size_t n = strlen(s);
    char *u = dyad_arena_alloc(a, n + 1);
    if (!u)
        return NULL;
    for (size_t i = 0; i < n; i++)
        u[i] = (s[i] >= 'a' && s[i] <= 'z') ? (char)(s[i] - 32) : s[i];
    return u;
}

/* Copies t (below ROOT) into c->n. Returns the root index or -1. */
static int build_nodes(tctx *c, const dyad_tree *t)
{
    c->n = dyad_arena_alloc(c->a, (size_t)t->nnodes * sizeof *c->n);
    c->orig = dyad_arena_alloc(c->a, (size_t)t->nnodes * sizeof *c->orig);
    if (!c->n || !c->orig)
        return -1;
    c->nn = t->nnodes;
    for (int i = 0; i < t->nnodes; i++) {
        const dyad_tnode *s = &t->nodes[i];
        pnode *p = &c->n[i];
        p->label = s->label && s->label[0] ? s->label : "X";
        if (!strcmp(p->label, "MD"))
            p->label = "VB";
        p->text = s->word ? upcase(c->a, s->word) : "";
        c->orig[i] = s->word;
        p->tok = s->tok;
        p->parent = s->parent;
        p->kind = s->word ? K_OTHER : kind_of(p->label);
        p->head_phrase = p->S = p->gap = p->isubj_np = -1;
        p->nk = s->nchildren;
        p->kids = dyad_arena_alloc(c->a, (size_t)(p->nk + 1) * sizeof *p->kids);
        if (!p->text || !p->kids)
            return -1;
        int k = 0;
        for (int ch = s->first_child; ch >= 0 && k < p->nk; ch = t->nodes[ch].next_sibling) {
            p->kids[k] = ch;
            c->n[ch].index = k;
            k++;
        }
        p->nk = k;
    }
    int root = t->root;
    if ((!strcmp(c->n[root].label, "ROOT") || !strcmp(c->n[root].label, "X")) &&
        c->n[root].nk == 1)
        root = c->n[root].kids[0];
    c->n[root].parent = -1;
    return root;
}

/* "There were 10 soldiers killed": make "10 soldiers" the subject. */
static void convert_existentials(tctx *c)
{
    for (int i = 0; i < c->nn; i++) {
        if (strcmp(c->n[i].label, "EX") || !c->n[i].text[0])
            continue;
        int np = c->n[i].parent;
        int s = np >= 0 ? c->n[np].parent : -1;
        if (s < 0 || c->n[s].nk < 2)
            continue;
        int sister = c->n[s].kids[1];
        if (c->n[sister].nk < 2)
            continue;
        int niece = c->n[sister].kids[1];
        if (c->n[niece].nk < 2)
            continue;
        int subject = c->n[niece].kids[0], pred = c->n[niece].kids[1];
        c->n[s].kids[0] = subject;
        c->n[subject].parent = s;
        c->n[subject].index = 0;
        c->n[sister].kids[1] = pred;
        c->n[pred].parent = sister;
        c->n[pred].index = 1;
        c->n[np].parent = -1;
    }
}

/* "(NP U.S.) (VP (VBZ forces) (NP (VBN battled) (NNS insurgents)))": the
 * parser took the noun "forces" for the verb and the verb for a modifier of
 * the object. When the would-be verb is an agent noun and the object starts
 * with a past tense, move the noun into the subject and make the past tense
 * the verb. */
static void repair_noun_verbs(tctx *c)
{
    for (int i = 0; i < c->nn; i++) {
        pnode *v = &c->n[i];
        if ((strcmp(v->label, "VBZ") && strcmp(v->label, "VBP")) || !v->text[0] || v->parent < 0)
            continue;
        int vp = v->parent, s = c->n[vp].parent;
        if (c->n[vp].kind != K_VP || c->n[vp].nk < 2 || c->n[vp].kids[0] != i || s < 0 ||
            c->n[vp].index < 1)
            continue;
        int subj = c->n[s].kids[c->n[vp].index - 1];
        int obj = c->n[vp].kids[1];
        if (c->n[subj].kind != K_NP || c->n[obj].kind != K_NP)
            continue;
        int j = obj, depth = 0;
        while (c->n[j].kind == K_NP && c->n[j].nk && depth++ < 8)
            j = c->n[j].kids[0];
        int pj = c->n[j].parent;
        if ((strcmp(c->n[j].label, "VBD") && strcmp(c->n[j].label, "VBN")) || c->n[pj].nk < 2)
            continue;
        const char *w[1] = {v->text}, *code = NULL;
        int len = 0, prefix = 0;
        if (!dyad_dict_agent_match(c->d, w, 1, &code, &len, &prefix) || len != 1)
            continue;
        int *kids = dyad_arena_alloc(c->a, (size_t)(c->n[subj].nk + 2) * sizeof *kids);
        if (!kids) {
            c->err = DYAD_ENOMEM;
            return;
        }
        memcpy(kids, c->n[subj].kids, (size_t)c->n[subj].nk * sizeof *kids);
        kids[c->n[subj].nk] = i;
        v->parent = subj;
        v->index = c->n[subj].nk;
        v->label = "NNS";
        c->n[subj].kids = kids;
        c->n[subj].nk++;
        for (int k = 1; k < c->n[pj].nk; k++) {
            c->n[pj].kids[k - 1] = c->n[pj].kids[k];
            c->n[c->n[pj].kids[k - 1]].index = k - 1;
        }
        c->n[pj].nk--;
        c->n[vp].kids[0] = j;
        c->n[j].parent = vp;
        c->n[j].index = 0;
        c->n[j].label = "VBD";
    }
}

/* ---- lists ---------------------------------------------------------------- */

/* Lists are values (copied freely, memoised in the nodes) over arena buffers.
 * A buffer starts with a header holding its capacity and how many slots are in
 * use; a list whose length equals the slots in use owns the end of the buffer
 * and appends in place, any other view of it (a copy that is shorter, or was
 * truncated) appends to a fresh copy. Appending is amortised O(1); copying the
 * whole list on every append made long lists quadratic in time and memory. */
typedef struct lhdr {
    int used, cap;
} lhdr;
#define LHDR 16 /* header size, keeping the slots 16-aligned */

static void *list_slot(tctx *c, void *v, int n, size_t elem)
{
    lhdr *h = v ? (lhdr *)((char *)v - LHDR) : NULL;
    if (h && n > 0 && h->used == n && n < h->cap) {
        h->used++;
        return v;
    }
    int cap = n < 4 ? 4 : n * 2;
    char *b = dyad_arena_alloc(c->a, LHDR + (size_t)cap * elem);
    if (!b) {
        c->err = DYAD_ENOMEM;
        return NULL;
    }
    h = (lhdr *)b;
    h->used = n + 1;
    h->cap = cap;
    if (n)
        memcpy(b + LHDR, v, (size_t)n * elem);
    return b + LHDR;
}

static void cl_add(tctx *c, clist *l, const char *s)
{
    const char **v = list_slot(c, (void *)l->v, l->n, sizeof *v);
    if (!v)
        return;
    v[l->n++] = s;
    l->v = v;
}

static void cl_cat(tctx *c, clist *l, clist m)
{
    for (int i = 0; i < m.n; i++)
        cl_add(c, l, m.v[i]);
}

static void el_add(tctx *c, evl *l, const ev *e)
{
    const ev **v = list_slot(c, (void *)l->v, l->n, sizeof *v);
    if (!v)
        return;
    v[l->n++] = e;
    l->v = v;
}

static ev *ev_new(tctx *c)
{
    ev *e = dyad_arena_alloc(c->a, sizeof *e);
    if (!e)
        c->err = DYAD_ENOMEM;
    return e;
}

/* PETRARCH-2 treats '', [], [""], ["~"], ["~~"] as "no actor". */
static int cl_blank(clist l)
{
    if (l.n == 0)
        return 1;
    if (l.n == 1 && (!l.v[0][0] || !strcmp(l.v[0], "~") || !strcmp(l.v[0], "~~")))
        return 1;
    return 0;
}

static void split_codes(clist codes, clist *actors, clist *agents, tctx *c)
{
    for (int i = 0; i < codes.n; i++) {
        if (!codes.v[i] || !codes.v[i][0])
            continue;
        cl_add(c, codes.v[i][0] == '~' ? agents : actors, codes.v[i]);
    }
}

/* Does an actor code already name a role ("LBNUAF", "IGOMEAARL") rather than
 * a country or region ("IRN", "PSEGZA")? */
static int has_role(const char *code)
{
    static const char *const roles[] = {"GOV", "MIL", "REB", "UAF", "OPP", "COP", "SPY", "JUD",
                                        "LEG", "BUS", "MED", "CVL", "REF", "NGO", "IGO", "PTY",
                                        "ELI", "LAB", "EDU", "HLH", "REL", "AGR", "CRM", "INS",
                                        "RAD", "SEP", "MOD", "ARL", "UNO"};
    size_t n = strlen(code);
    if (n < 6)
        return 0;
    if (!strncmp(code, "IGO", 3) || !strncmp(code, "NGO", 3) || !strncmp(code, "IMG", 3))
        return 1;
    for (size_t i = 0; i < sizeof roles / sizeof *roles; i++)
        if (!strcmp(code + n - 3, roles[i]))
            return 1;
    return 0;
}

/* Words for members of a group ("leaders", "officials", "spokesman"): their
 * agent code adds nothing to a group with a role of its own (mix_codes). */
static int is_member_word(const char *w)
{
    static const char *const m[] = {"LEADER", "LEADERS", "OFFICIAL", "OFFICIALS", "CHIEF",
                                    "CHIEFS", "HEAD", "HEADS", "SPOKESMAN", "SPOKESWOMAN",
                                    "SPOKESPERSON", "SPOKESMEN", "MEMBER", "MEMBERS",
                                    "REPRESENTATIVE", "REPRESENTATIVES", "LEADERSHIP"};
    for (size_t i = 0; i < sizeof m / sizeof *m; i++)
        if (!strcmp(w, m[i]))
            return 1;
    return 0;
}

/* Actor codes combined with agent codes: ["IRN"] + ["~GOV"] -> ["IRNGOV"];
 * "~+GOV" is a member word's agent (is_member_word). */
static clist mix_codes(tctx *c, clist agents, clist actors)
{
    clist cur = {0};
    if (actors.n)
        cl_cat(c, &cur, actors);
    else
        cl_add(c, &cur, "~");
    int had = cur.n;
    const char **roled = had ? dyad_arena_alloc(c->a, (size_t)had * sizeof *roled) : NULL;
    for (int k = 0; k < had && roled; k++)
        roled[k] = has_role(cur.v[k]) ? cur.v[k] : NULL;
    for (int i = 0; i < agents.n; i++) {
        if (!strcmp(agents.v[i], "~PPL") && agents.n > 1)
            continue;
        const char *ag = agents.v[i] + 1;
        int member = ag[0] == '+';
        ag += member;
        for (int k = 0; k < cur.n; k++)
            if (member && roled && roled[k]) {
                /* "Arab League leaders", "the leader of Hezbollah": a member of
                 * a group with a role of its own is coded as the group */
            } else if (!strstr(cur.v[k], ag)) {
                const char *m = dyad_arena_printf(c->a, "%s%s", cur.v[k], ag);
                cur.v[k] = m ? m : cur.v[k];
            }
    }
    clist out = {0};
    for (int k = 0; k < cur.n; k++)
        if (cur.v[k][0] && strcmp(cur.v[k], "~") && strcmp(cur.v[k], "~~"))
            cl_add(c, &out, cur.v[k]);
    return out;
}

static int has_actor(clist l)
{
    for (int i = 0; i < l.n; i++)
        if (l.v[i][0] && l.v[i][0] != '~')
            return 1;
    return 0;
}

/* ---- heads and text --------------------------------------------------------- */

typedef struct head {
    const char *text;
    int phrase;
} head;

/* PETRARCH-2's get_head: the rightmost word-level child of the same type. */
static head get_head(tctx *c, int x)
{
    head none = {NULL, -1};
    if (x < 0)
        return none;
    pnode *p = &c->n[x];
    if (p->m_head)
        return (head){p->head, p->head_phrase};
    p->m_head = 1;
    const char *l = p->label;
    if (!strcmp(l, "S")) {
        for (int k = 0; k < p->nk; k++)
            if (!strcmp(c->n[p->kids[k]].label, "VP")) {
                head h = get_head(c, p->kids[k]);
                p->head = h.text;
                p->head_phrase = h.phrase;
                return h;
            }
        return none;
    }
    if (!strcmp(l, "ADVP")) {
        p->head = p->nk ? c->n[p->kids[0]].text : NULL;
        p->head_phrase = x;
        return (head){p->head, x};
    }
    if (strlen(l) < 2)
        return none;
    if (l[1] != 'P') {
        p->head = p->text;
        return (head){p->text, p->parent}; /* head_phrase stays unset */
    }
    head best = none;
    int found = 0;
    for (int pass = 0; pass < 2 && !found; pass++)
        for (int k = 0; k < p->nk; k++) {
            const char *cl = c->n[p->kids[k]].label;
            if (cl[0] != l[0] || (pass == 0 && cl[1] == 'P'))
                continue;
            best = get_head(c, p->kids[k]);
            found = 1;
        }
    if (!found)
        return none;
    p->head = best.text;
    p->head_phrase = best.phrase;
    return best;
}

static int is_jnd(const char *l)
{
    return !strncmp(l, "JJ", 2) || !strncmp(l, "NN", 2) || !strncmp(l, "DT", 2);
}

static clist pp_meaning(tctx *c, int x);
static clist np_meaning(tctx *c, int x);
static int is_caps_actor(tctx *c, int x);
static int head_is_agent(tctx *c, int x);
static const char *first_word(tctx *c, int x);

/* "according to X" (also when the parser cut "according" off its "to"
 * phrase) says where a report comes from: X is never the target. */
static int attribution_pp(tctx *c, int pp)
{
    if (!c->n[pp].nk)
        return 0;
    int k0 = c->n[pp].kids[0];
    if (!strcmp(c->n[k0].text, "ACCORDING"))
        return 1;
    int t = c->n[k0].tok;
    for (int i = 0; t > 0 && i < c->nn; i++) /* the word before the preposition */
        if (c->n[i].tok == t - 1)
            return !strcmp(c->n[i].text, "ACCORDING");
    return 0;
}

/* Prepositions of place: "in the West Bank", "near Tokyo". */
static int is_place_prep(const char *w)
{
    static const char *const place[] = {"IN", "AT", "NEAR", "INSIDE", "OUTSIDE", "ACROSS",
                                        "AROUND", "THROUGHOUT", "WITHIN", "OFF", "BEYOND",
                                        "ALONG", "NEARBY"};
    for (size_t i = 0; i < sizeof place / sizeof *place; i++)
        if (!strcmp(w, place[i]))
            return 1;
    return 0;
}

/* A phrase of place x inside noun phrase np says where the thing is ("plans
 * for houses in the West Bank", "talks in Abuja"; also a phrase whose noun is
 * itself such a thing): unless the noun is a group of people ("police in
 * Kenya"), its actor is only the place (pnode.place_only), which is the
 * target of few verbs (place_is_target). */
static int place_pp(tctx *c, int np, int x)
{
    if (c->n[x].kind != K_PP || head_is_agent(c, np))
        return 0;
    if (is_place_prep(first_word(c, x)))
        return 1;
    return c->n[x].nk >= 2 && c->n[c->n[x].kids[1]].place_only;
}

/* Phrase.get_text: the words below x (none for a matched, "coloured" phrase). */
static void phrase_words(tctx *c, int x, clist *w);

/* NounPhrase.get_text: words of determiners, adjectives, nouns and nested noun
 * phrases; prepositional phrases holding an actor give codes instead. */
static void np_words(tctx *c, int x, clist *w, clist *ppcodes, clist *plc)
{
    pnode *p = &c->n[x];
    for (int k = 0; k < p->nk && c->steps++ < STEP_CAP; k++) {
        int ch = p->kids[k];
        pnode *q = &c->n[ch];
        if (q->kind == K_PP) {
            clist m = pp_meaning(c, ch);
            if (has_actor(m))
                cl_cat(c, place_pp(c, x, ch) ? plc : ppcodes, m);
            else
                phrase_words(c, ch, w);
        }
        if (q->kind == K_NP)
            np_words(c, ch, w, ppcodes, plc);
        if ((is_jnd(q->label) || is_caps_actor(c, ch)) && q->text[0])
            cl_add(c, w, q->text);
    }
}

static void phrase_words(tctx *c, int x, clist *w)
{
    pnode *p = &c->n[x];
    if (p->color || c->steps++ > STEP_CAP)
        return;
    if (p->text[0])
        cl_add(c, w, p->text);
    for (int k = 0; k < p->nk; k++) {
        int ch = p->kids[k];
        if (c->n[ch].kind == K_NP) {
            clist dummy = {0};
            np_words(c, ch, w, &dummy, &dummy);
        } else {
            phrase_words(c, ch, w);
        }
    }
}

static clist pp_meaning(tctx *c, int x)
{
    clist none = {0};
    pnode *p = &c->n[x];
    if (p->nk < 2 || c->n[p->kids[1]].color)
        return none;
    int obj = p->kids[1];
    get_head(c, obj);
    if (c->n[obj].kind != K_NP)
        return none;
    clist w = {0}, pc = {0};
    np_words(c, obj, &w, &pc, &pc);
    if (!w.n && !(c->n[obj].nk && !strcmp(c->n[c->n[obj].kids[0]].label, "PRP")))
        return none; /* (a pronoun object, "fired at it", stands for its antecedent) */
    return np_meaning(c, obj);
}

static void note_span(tctx *c, const char *code, int node)
{
    if (c->nspan == c->capspan) {
        int cap = c->capspan ? c->capspan * 2 : 16;
        const char **sc = dyad_arena_alloc(c->a, (size_t)cap * sizeof *sc);
        int *sn = dyad_arena_alloc(c->a, (size_t)cap * sizeof *sn);
        if (!sc || !sn)
            return;
        if (c->nspan) {
            memcpy(sc, c->span_code, (size_t)c->nspan * sizeof *sc);
            memcpy(sn, c->span_node, (size_t)c->nspan * sizeof *sn);
        }
        c->span_code = sc;
        c->span_node = sn;
        c->capspan = cap;
    }
    c->span_code[c->nspan] = code;
    c->span_node[c->nspan++] = node;
}

/* ---- noun phrases ------------------------------------------------------------ */

static evl vp_meaning(tctx *c, int x);
static clist vp_theme(tctx *c, int x);

/* Codes of a pronoun's antecedent: the first coded noun phrase beside an
 * enclosing clause (PETRARCH-2's simple rule). */
static void pronoun_codes(tctx *c, int x, int prp, clist *codes)
{
    const char *w = c->n[prp].text;
    size_t n = strlen(w);
    int reflexive = (n >= 4 && !strcmp(w + n - 4, "SELF")) || (n >= 6 && !strcmp(w + n - 6, "SELVES"));
    int local = 1;
    int level = c->n[x].parent;
    while (level >= 0 && c->n[level].parent >= 0) {
        pnode *lv = &c->n[level];
        if (!strncmp(lv->label, "NP", 2) && reflexive)
            break;
        if (local && (!strcmp(lv->label, "S") || !strcmp(lv->label, "SBAR"))) {
            local = 0;
            level = lv->parent;
            continue;
        }
        if (!local || reflexive) {
            pnode *up = &c->n[lv->parent];
            for (int k = 0; k < up->nk; k++) {
                int ch = up->kids[k];
                if (c->n[ch].kind != K_NP || ch == x)
                    continue;
                clist m = np_meaning(c, ch);
                if (m.n == 1 && !strcmp(m.v[0], "~"))
                    continue;
                cl_cat(c, codes, m);
                return;
            }
        }
        level = lv->parent;
    }
}

/* A plural demonym the dictionary lists in the singular ("the Iranians":
 * IRANIAN): the actor of the singular word. */
static int plural_actor(tctx *c, const char *word, const char **code, int *len)
{
    size_t n = strlen(word);
    if (n < 5 || word[n - 1] != 'S' || (word[n - 2] != 'N' && word[n - 2] != 'I'))
        return 0;
    char buf[64];
    if (n >= sizeof buf)
        return 0;
    memcpy(buf, word, n - 1);
    buf[n - 1] = 0;
    const char *one[1] = {buf};
    return dyad_dict_actor_match(c->d, one, 1, c->date, code, len) && *len == 1;
}

/* Actors and agents in a run of words: the longest actor at each position
 * (or a plural demonym), else the longest agent. */
static void scan_words(tctx *c, clist w, clist *codes, int node)
{
    int i = 0;
    while (i < w.n) {
        const char *code = NULL;
        int len = 0, prefix = 0;
        if ((dyad_dict_actor_match(c->d, w.v + i, w.n - i, c->date, &code, &len) && len > 0) ||
            plural_actor(c, w.v[i], &code, &len)) {
            /* an actor with no code valid on this date names nobody (PETRARCH-2) */
            /* "AAA/BBB" names several actors at once, as in the linear coder */
            for (const char *p = code; p && *p && strcmp(code, "---");) {
                const char *slash = strchr(p, '/');
                size_t n = slash ? (size_t)(slash - p) : strlen(p);
                const char *one = n ? dyad_arena_strndup(c->a, p, n) : NULL;
                if (one) {
                    cl_add(c, codes, one);
                    note_span(c, one, node);
                }
                p = slash ? slash + 1 : NULL;
            }
            i += len;
            continue;
        }
        if (dyad_dict_agent_match(c->d, w.v + i, w.n - i, &code, &len, &prefix) && len > 0) {
            int member = len == 1 && is_member_word(w.v[i]);
            const char *ag = code ? dyad_arena_printf(c->a, "~%s%s", member ? "+" : "", code) : NULL;
            if (ag)
                cl_add(c, codes, ag);
            i += len;
            continue;
        }
        i++;
    }
}

/* A word the parser took for a pronoun but written in capitals and known as an
 * actor ("US"). */
static int is_caps_actor(tctx *c, int x)
{
    if (strcmp(c->n[x].label, "PRP"))
        return 0;
    const char *orig = c->orig[x];
    if (!orig || strlen(orig) < 2)
        return 0;
    for (const char *p = orig; *p; p++)
        if (*p < 'A' || *p > 'Z')
            return 0;
    const char *w[1] = {c->n[x].text};
    const char *code = NULL;
    int len = 0;
    return dyad_dict_actor_match(c->d, w, 1, c->date, &code, &len) && code && len == 1;
}

/* A conjunction in the noun phrase or the noun phrases inside it. */
static int has_cc(tctx *c, int x)
{
    for (int k = 0; k < c->n[x].nk; k++) {
        int ch = c->n[x].kids[k];
        if (!strcmp(c->n[ch].label, "CC") || (c->n[ch].kind == K_NP && has_cc(c, ch)))
            return 1;
    }
    return 0;
}

static int is_relative(tctx *c, int x);
static int rel_clause(tctx *c, int x);

/* The subject noun phrase of a relative clause child x of a noun phrase with
 * its own subject ("the sanctions (Washington imposed)"), else -1. */
static int rel_subject(tctx *c, int x)
{
    if (!is_relative(c, x))
        return -1;
    int s = rel_clause(c, x);
    if (s < 0)
        return -1;
    int np = -1, vp = -1;
    for (int k = 0; k < c->n[s].nk; k++) {
        int ch = c->n[s].kids[k];
        if (c->n[ch].kind == K_NP && np < 0 && vp < 0)
            np = ch;
        if (c->n[ch].kind == K_VP)
            vp = ch;
    }
    if (np < 0 || vp < 0)
        return -1;
    /* only a clause that says what the subject did to someone: not a
     * misparsed "(sector) an AFP correspondent said" */
    evl m = vp_meaning(c, vp);
    for (int i = 0; i < m.n; i++)
        if (m.v[i]->kind == EV_TUPLE && m.v[i]->code > 0 && (m.v[i]->code & 0xF000) != 0x1000)
            return np;
    return -1;
}

/* The code of "each other", "one another": the other members of a
 * coordinated subject (collect). */
static const char RECIP[] = "=RECIP";
static clist one(tctx *c, const char *s);

/* Collects up to max leaf words below x; returns how many there are. */
static int leaves(tctx *c, int x, const char **w, int n, int max, int depth)
{
    if (depth > 32)
        return n;
    if (c->n[x].text[0]) {
        if (n < max)
            w[n] = c->n[x].text;
        return n + 1;
    }
    for (int k = 0; k < c->n[x].nk; k++)
        n = leaves(c, c->n[x].kids[k], w, n, max, depth + 1);
    return n;
}

/* "each other", "one another" */
static int is_reciprocal(tctx *c, int x)
{
    const char *w[3];
    if (leaves(c, x, w, 0, 3, 0) != 2)
        return 0;
    return (!strcmp(w[0], "EACH") && !strcmp(w[1], "OTHER")) ||
           (!strcmp(w[0], "ONE") && !strcmp(w[1], "ANOTHER"));
}

static int last_child(tctx *c, int x) { return x >= 0 && c->n[x].nk ? c->n[x].kids[c->n[x].nk - 1] : -1; }

/* Is the head noun of noun phrase x also a verb of the dictionary ("attack",
 * "sanctions")? Then it names an act, and an "on" phrase its target. */
static int head_is_act(tctx *c, int x)
{
    head h = get_head(c, x);
    return h.text && dyad_dict_verb_lookup(c->d, h.text) != NULL;
}

/* "Palestinian gunmen and Israeli troops": noun phrases coordinated, each
 * naming an actor, are each their own (PSEUAF, ISRMIL; not the agents of
 * both on each). Returns 1 with their codes in *out when x is such. */
static int coordinated_meaning(tctx *c, int x, clist *out)
{
    pnode *p = &c->n[x];
    int nconj = 0, others = 0, cc = 0;
    for (int k = 0; k < p->nk; k++) {
        const char *l = c->n[p->kids[k]].label;
        if (c->n[p->kids[k]].kind == K_NP)
            nconj++;
        else if (!strcmp(l, "CC"))
            cc++;
        else if (strcmp(l, ",") && strcmp(l, ":"))
            others++;
    }
    if (!cc || nconj < 2 || others)
        return 0;
    clist all = {0};
    int seen = 0;
    for (int k = 0; k < p->nk; k++) {
        int ch = p->kids[k];
        if (c->n[ch].kind != K_NP)
            continue;
        /* (not "US and British activists": a name before the last conjunct
         * shares its noun) */
        int lc = last_child(c, ch);
        if (++seen < nconj &&
            (lc < 0 || strncmp(c->n[lc].label, "NN", 2) || !strncmp(c->n[lc].label, "NNP", 3)))
            return 0;
        clist m = np_meaning(c, ch);
        if (!has_actor(m))
            return 0;
        for (int i = 0; i < m.n; i++)
            if (m.v[i][0] == '~')
                return 0;
        cl_cat(c, &all, m);
    }
    *out = all;
    return 1;
}

static clist np_meaning(tctx *c, int x)
{
    pnode *p = &c->n[x];
    if (p->m_np)
        return p->np;
    p->m_np = 1;
    if (coordinated_meaning(c, x, &p->np))
        return p->np;
    clist text = {0}, pp = {0}, vp = {0}, npc = {0}, codes = {0}, pron = {0}, rel = {0};
    clist plc = {0}; /* actors of phrases of place */
    int ontgt = -1;  /* -1: no phrase gave an actor; 1: only "on/against" ones */
    for (int k = 0; k < p->nk && c->steps++ < STEP_CAP; k++) {
        int ch = p->kids[k];
        pnode *q = &c->n[ch];
        int rs = rel_subject(c, ch);
        if (rs >= 0) {
            /* "the sanctions Washington imposed": the relative clause's subject
             * stands for the thing it made */
            cl_cat(c, &rel, np_meaning(c, rs));
        } else if (q->kind == K_NP) {
            np_words(c, ch, &text, &npc, &plc);
        } else if (is_jnd(q->label)) {
            phrase_words(c, ch, &text);
        } else if (q->kind == K_PP) {
            clist m = pp_meaning(c, ch);
            const char *w = first_word(c, ch);
            if (has_actor(m) && place_pp(c, x, ch)) {
                cl_cat(c, &plc, m);
            } else if (has_actor(m)) {
                cl_cat(c, &pp, m);
                ontgt = ontgt != 0 &&
                        (!strcmp(w, "ON") || !strcmp(w, "AGAINST") || !strcmp(w, "UPON"));
            }
            else
                phrase_words(c, ch, &text);
        } else if (q->kind == K_VP) {
            evl m = vp_meaning(c, ch);
            /* PETRARCH-2 takes the verb phrase's target when its first event has a
             * code-string target (e.g. "soldiers killed in Ukraine") */
            const char *t = NULL;
            if (m.n && m.v[0]->kind == EV_TUPLE && m.v[0]->tk == TG_STR)
                t = m.v[0]->tstr;
            else if (m.n && m.v[0]->kind == EV_TUPLE && m.v[0]->tk == TG_PASSIVE)
                t = "passive"; /* then the theme is the passive verb's source */
            else if (m.n && m.v[0]->kind == EV_STR && m.v[0]->str[0])
                t = m.v[0]->str + 1;
            if (t && t[strspn(t, "~")])
                cl_cat(c, &vp, vp_theme(c, ch));
        } else if (!strcmp(q->label, "PRP")) {
            if (is_caps_actor(c, ch))
                cl_add(c, &text, q->text); /* "US" tagged as the pronoun "us" */
            else
                pronoun_codes(c, x, ch, &pron);
        }
    }
    scan_words(c, text, &codes, x);
    clist act = {0}, agt = {0}, pa = {0}, pg = {0}, na = {0}, ng = {0}, va = {0}, vg = {0};
    clist ra = {0}, rg = {0};
    split_codes(codes, &act, &agt, c);
    /* Several actors named in one noun phrase are several actors only when it
     * is a coordination ("US and British activists"); otherwise the first names
     * the actor and the rest describe it ("Malaysia Airlines Boeing 777"). */
    if (act.n > 1 && !has_cc(c, x))
        act.n = 1;
    split_codes(pron, &act, &agt, c);
    split_codes(pp, &pa, &pg, c);
    split_codes(npc, &na, &ng, c);
    split_codes(vp, &va, &vg, c);
    split_codes(rel, &ra, &rg, c);
    if (!act.n && !agt.n && ra.n) {
        act = ra;
        agt = rg;
    }
    /* "Attack on UN vehicle kills one": the actor of an "on" phrase is what
     * the noun was done to (tgt_pp: not the noun phrase's actor as subject) */
    p->tgt_pp = !act.n && !na.n && pa.n && ontgt == 1 && head_is_act(c, x);
    clist la = {0}, lg = {0};
    split_codes(plc, &la, &lg, c);
    p->place_only = !act.n && !na.n && !pa.n && !va.n && la.n;
    if (!act.n)
        act = na.n ? na : pa.n ? pa : va.n ? va : la;
    if (!agt.n)
        agt = ng.n ? ng : pg.n ? pg : vg.n ? vg : p->place_only ? lg : agt;
    p->np = mix_codes(c, agt, act);
    if (!p->np.n && is_reciprocal(c, x))
        p->np = one(c, RECIP);
    for (int i = 0; i < p->np.n; i++)
        note_span(c, p->np.v[i], x);
    return p->np;
}

/* ---- verb phrases: structure ----------------------------------------------- */

static clist np_meaning(tctx *c, int x);

static const char *first_word(tctx *c, int x)
{
    return c->n[x].nk ? c->n[c->n[x].kids[0]].text : "";
}

static int is_be(const char *w)
{
    static const char *const be[] = {"AM", "IS", "ARE", "WAS", "WERE", "BE", "BEEN", "BEING"};
    for (size_t i = 0; i < sizeof be / sizeof *be; i++)
        if (!strcmp(w, be[i]))
            return 1;
    return 0;
}

/* The object of the "by" phrase, kid k of verb phrase x: in it, or the noun
 * phrase after it when the parser left the preposition alone; -1 none. */
static int by_object(tctx *c, int x, int k)
{
    int pp = c->n[x].kids[k];
    if (c->n[pp].nk >= 2)
        return c->n[c->n[pp].kids[1]].kind == K_NP ? c->n[pp].kids[1] : -1;
    if (c->n[pp].nk == 1 && k + 1 < c->n[x].nk && c->n[c->n[x].kids[k + 1]].kind == K_NP)
        return c->n[x].kids[k + 1];
    return -1;
}

/* Past forms of verbs that always take an object ("accused", "arrested"):
 * without one, a headline passive. */
static int transitive_only(const char *w)
{
    static const char *const v[] = {
        "ACCUSED", "ARRESTED", "KIDNAPPED", "ABDUCTED", "DETAINED", "CHARGED", "JAILED",
        "IMPRISONED", "CONDEMNED", "CRITICIZED", "CRITICISED", "BLAMED", "EXPELLED", "DEPORTED",
        "EXECUTED", "SENTENCED", "CAPTURED", "SEIZED", "INJURED", "WOUNDED", "SANCTIONED",
        "INDICTED", "CONVICTED", "EXTRADITED", "BEHEADED", "ASSASSINATED", "TARGETED",
        "DENOUNCED", "REBUKED", "SUMMONED", "ACQUITTED", "PARDONED", "HANGED", "TORTURED"};
    for (size_t i = 0; i < sizeof v / sizeof *v; i++)
        if (!strcmp(w, v[i]))
            return 1;
    return 0;
}

/* Past participle under a form of "be" (or a reduced relative in a noun phrase). */
static int check_passive(tctx *c, int x)
{
    pnode *p = &c->n[x];
    if (p->m_pass)
        return p->passive;
    p->m_pass = 1;
    p->passive = 0;
    if (!p->nk)
        return 0;
    const char *l0 = c->n[p->kids[0]].label;
    if (strcmp(l0, "VBD") && strcmp(l0, "VBN"))
        return 0;
    int level = p->parent;
    if (level >= 0 && !strcmp(c->n[level].label, "NP"))
        return p->passive = 1;
    for (int i = 0; i < 2 && level >= 0; i++) {
        if (c->n[level].kind == K_VP && is_be(first_word(c, level)))
            return p->passive = 1;
        level = c->n[level].parent;
    }
    /* a headline passive without "be": "Journalist kidnapped by militants" (a
     * participle with no object before an agent "by" phrase) */
    for (int k = 1; k < p->nk; k++) {
        int ch = p->kids[k];
        if (!strcmp(c->n[ch].label, "ADVP") || !strncmp(c->n[ch].label, "RB", 2))
            continue; /* "kidnapped (purportedly) by" */
        if (c->n[ch].kind != K_PP || strcmp(first_word(c, ch), "BY"))
            break; /* (the "by" phrase must come first: not "called for X by Y") */
        int obj = by_object(c, x, k);
        return p->passive = obj >= 0 && np_meaning(c, obj).n > 0;
    }
    /* "CIA accused over Iraq detainees": a verb that always takes an object,
     * in a clause of its own, without one */
    if (!transitive_only(c->n[p->kids[0]].text) || p->parent < 0 ||
        strcmp(c->n[p->parent].label, "S"))
        return 0;
    for (int k = 1; k < p->nk; k++) {
        const char *l = c->n[p->kids[k]].label;
        int prev_pp = c->n[p->kids[k - 1]].kind == K_PP;
        /* (a noun phrase after a prepositional phrase is the parser's piece of
         * it: "(PP over Iraq) (NP detainees)", not an object) */
        if ((c->n[p->kids[k]].kind == K_NP && !prev_pp) || l[0] == 'S' ||
            c->n[p->kids[k]].kind == K_VP)
            return 0;
    }
    return p->passive = 1;
}

/* The clause whose subject this verb phrase takes: climb through verb phrases
 * and subjectless "to" clauses. Returns -1 when there is none. */
static int get_S(tctx *c, int x)
{
    pnode *p = &c->n[x];
    if (p->m_S)
        return p->S;
    p->m_S = 1;
    int level = x;
    while (c->n[level].parent >= 0) {
        int par = c->n[level].parent;
        if (c->n[par].kind == K_VP) {
            level = par;
        } else if (!strcmp(c->n[par].label, "S")) {
            if (c->n[level].nk && !strcmp(c->n[c->n[level].kids[0]].label, "TO") &&
                c->n[level].index == 0) {
                level = par;
                continue;
            }
            return p->S = par;
        } else {
            return p->S = level;
        }
    }
    return p->S = -1;
}

/* ---- pattern matching on the tree (PETRARCH-2's match_pattern) ------------- */

enum { F_NULL, F_FALSE, F_NOUN, F_NOUN_DEFAULT, F_PREP, F_PREP_SELF, F_PHRASE };
typedef struct fn {
    int kind, arg;
} fn;

typedef struct mctx {
    tctx *c;
    int self;   /* the verb phrase */
    int dnoun;  /* the default phrase for nouns: the verb phrase, or its clause if passive */
} mctx;

static const dyad_pattern *reroute(mctx *m, const trie *t, fn o1, fn o2, fn o3, fn o4, int exit);
static const dyad_pattern *match_noun(mctx *m, const trie *t, int phrase, int preplimit);
static const dyad_pattern *match_prep(mctx *m, const trie *t, int phrase);
static const dyad_pattern *match_phrase(mctx *m, const trie *t, int phrase);

static const fn FN_NOUN = {F_NOUN_DEFAULT, -1}, FN_PREP = {F_PREP_SELF, -1},
                FN_SKIP = {F_FALSE, -1};

static const dyad_pattern *call(mctx *m, fn f, const trie *t)
{
    switch (f.kind) {
    case F_NOUN: return match_noun(m, t, f.arg, 0);
    case F_NOUN_DEFAULT: return match_noun(m, t, m->dnoun, 0);
    case F_PREP: return match_prep(m, t, f.arg);
    case F_PREP_SELF: return match_prep(m, t, m->self);
    case F_PHRASE: return match_phrase(m, t, f.arg);
    default: return NULL;
    }
}

static const dyad_pattern *reroute(mctx *m, const trie *t, fn o1, fn o2, fn o3, fn o4, int exit)
{
    if (!t || o1.kind == F_NULL || m->c->steps++ > STEP_CAP)
        return NULL;
    const dyad_pattern *r;
    const trie *s;
    if ((s = trie_get(t, "-")) && (r = call(m, o1, s)))
        return r;
    if ((s = trie_get(t, ",")) && (r = call(m, o2, s)))
        return r;
    if ((s = trie_get(t, "|")) && (r = call(m, o3, s)))
        return r;
    if ((s = trie_get(t, "*")) && (r = call(m, o4, s)))
        return r;
    return exit ? t->pat : NULL;
}

static const dyad_pattern *reroute1(mctx *m, const trie *t, fn o1)
{
    return reroute(m, t, o1, FN_NOUN, FN_PREP, FN_NOUN, 1);
}


static int leaves(tctx *c, int x, const char **w, int n, int max, int depth);
static int plural_actor(tctx *c, const char *word, const char **code, int *len);

/* Does a word of x name an actor? (Without computing x's meaning: that is
 * memoised, and must wait until the pattern match has marked its words.) */
static int mentions_actor(tctx *c, int x)
{
    const char *w[24];
    int n = leaves(c, x, w, 0, 24, 0);
    if (n > 24)
        n = 24;
    for (int i = 0; i < n; i++) {
        const char *code = NULL;
        int len = 0;
        if ((dyad_dict_actor_match(c->d, w + i, n - i, c->date, &code, &len) && len > 0) ||
            plural_actor(c, w[i], &code, &len))
            return 1;
    }
    return 0;
}

/* A quantity noun phrase, "thousands of drones", "dozens of missiles": the
 * noun phrase of what is counted, else -1. */
static int quantity_of(tctx *c, int x)
{
    static const char *const q[] = {"THOUSANDS", "HUNDREDS", "DOZENS", "MILLIONS", "TENS",
                                    "SCORES", "TONS", "TONNES", "NUMBER", "LOT", "LOTS",
                                    "BATCH", "SHIPMENT", "SHIPMENTS", "CONSIGNMENT"};
    pnode *p = &c->n[x];
    if (p->kind != K_NP || p->nk != 2)
        return -1;
    int a = p->kids[0], b = p->kids[1];
    if (c->n[b].kind != K_PP || c->n[b].nk != 2 || strcmp(first_word(c, b), "OF") ||
        c->n[c->n[b].kids[1]].kind != K_NP)
        return -1;
    if (c->n[a].kind == K_NP) {
        if (c->n[a].nk < 1 || c->n[a].nk > 2)
            return -1;
        a = c->n[a].kids[c->n[a].nk - 1];
    }
    for (size_t i = 0; i < sizeof q / sizeof *q; i++)
        if (!strcmp(c->n[a].text, q[i]))
            return c->n[b].kids[1];
    return -1;
}

static const dyad_pattern *match_noun(mctx *m, const trie *t, int phrase, int preplimit)
{
    tctx *c = m->c;
    if (phrase < 0)
        return NULL;
    pnode *p = &c->n[phrase];
    int items[64], ni = 0;
    for (int k = 0; k < p->nk && ni < 60; k++) {
        int ch = p->kids[k];
        if (preplimit) {
            const char *prep = c->n[ch].nk ? first_word(c, ch) : "";
            if (c->n[ch].kind == K_PP && c->n[ch].nk > 1 && (!strcmp(prep, "BY") || !strcmp(prep, "FROM")))
                items[ni++] = c->n[ch].kids[1];
        } else if (!strcmp(c->n[ch].label, "NP") || !strcmp(c->n[ch].label, "ADVP")) {
            int in = p->kind == K_VP || p->kind == K_NP ? quantity_of(c, ch) : -1;
            if (in >= 0)
                items[ni++] = in; /* "(sent) thousands of drones": drones */
            items[ni++] = ch;
        }
    }
    if (!preplimit && p->kind == K_NP) {
        int in = quantity_of(c, phrase);
        if (in >= 0)
            items[ni++] = in;
        items[ni++] = phrase;
    }
    if (!preplimit && p->kind == K_VP && ni < 60) {
        /* "provided Russia with drones": the thing given, when the object is
         * the one who receives it */
        int actor_obj = 0;
        for (int i = 0; i < ni && !actor_obj; i++)
            actor_obj = c->n[items[i]].kind == K_NP && mentions_actor(c, items[i]);
        int with[8], nw = 0;
        for (int k = 0; actor_obj && k < p->nk && nw < 8; k++) {
            int ch = p->kids[k];
            if (c->n[ch].kind == K_PP)
                with[nw++] = ch;
            /* (the parser may attach it to the object: (NP (NP Russia) (PP with ...))) */
            for (int j = 0; c->n[ch].kind == K_NP && j < c->n[ch].nk && nw < 8; j++)
                if (c->n[c->n[ch].kids[j]].kind == K_PP)
                    with[nw++] = c->n[ch].kids[j];
        }
        for (int w = 0; w < nw && ni < 56; w++) {
            int pp = with[w], obj = c->n[pp].nk == 2 ? c->n[pp].kids[1] : -1;
            if (obj < 0 || strcmp(first_word(c, pp), "WITH") || c->n[obj].kind != K_NP)
                continue;
            /* each member of "missiles, conventional arms and advisers" */
            int cc = has_cc(c, obj) || c->n[obj].nk > 2;
            for (int j = 0; cc && j < c->n[obj].nk && ni < 56; j++) {
                int m = c->n[obj].kids[j];
                if (c->n[m].kind != K_NP)
                    continue;
                int in = quantity_of(c, m);
                if (in >= 0)
                    items[ni++] = in;
                items[ni++] = m;
            }
            int in = quantity_of(c, obj);
            if (in >= 0)
                items[ni++] = in;
            items[ni++] = obj;
        }
    }
    if (!preplimit && p->kind == K_VP && p->gap >= 0 && ni < 64)
        items[ni++] = p->gap; /* "the sanctions (Washington imposed _)" */
    for (int i = 0; i < ni; i++) {
        head h = get_head(c, items[i]);
        const trie *sub = h.text ? trie_get(t, h.text) : NULL;
        if (!sub)
            continue;
        const dyad_pattern *r = reroute(m, sub, FN_SKIP, FN_SKIP, (fn){F_PREP, items[i]}, FN_SKIP, 0);
        if (!r) {
            fn o1 = c->n[items[i]].kind == K_NP ? (fn){F_PHRASE, c->n[items[i]].head_phrase}
                                                : (fn){F_NULL, -1};
            r = reroute1(m, sub, o1);
        }
        if (r) {
            int lc = last_child(c, h.phrase);
            if (lc >= 0)
                c->n[lc].color = 1;
            return r;
        }
    }
    const trie *caret = trie_get(t, "^");
    if (caret) {
        p->color = 1;
        return reroute1(m, caret, (fn){F_PHRASE, p->head_phrase});
    }
    return reroute1(m, t, (fn){F_PHRASE, p->head_phrase});
}

static const dyad_pattern *match_prep(mctx *m, const trie *t, int phrase)
{
    tctx *c = m->c;
    if (phrase < 0)
        return NULL;
    pnode *p = &c->n[phrase];
    /* the verb phrase's prepositional phrases, then those the parser attached
     * to its object ("accused (NP (NP Ukraine) (PP of war crimes))") */
    int pps[32], np = 0;
    for (int k = 0; k < p->nk && np < 32; k++)
        if (c->n[p->kids[k]].kind == K_PP)
            pps[np++] = p->kids[k];
    for (int k = 0; p->kind == K_VP && k < p->nk; k++) {
        int ob = p->kids[k];
        for (int j = 0; c->n[ob].kind == K_NP && j < c->n[ob].nk && np < 32; j++)
            if (c->n[c->n[ob].kids[j]].kind == K_PP)
                pps[np++] = c->n[ob].kids[j];
    }
    for (int k = 0; k < np; k++) {
        int ch = pps[k];
        if (!c->n[ch].nk)
            continue;
        const trie *sub = trie_get(t, first_word(c, ch));
        if (!sub)
            continue;
        fn o1 = c->n[ch].nk > 1 ? (fn){F_NOUN, c->n[ch].kids[1]} : FN_SKIP;
        const dyad_pattern *r = reroute(m, sub, o1, FN_PREP, FN_PREP, FN_NOUN, 1);
        if (r)
            return r;
    }
    return reroute(m, t, FN_NOUN, FN_PREP, FN_PREP, FN_NOUN, 1);
}

static const dyad_pattern *match_phrase(mctx *m, const trie *t, int phrase)
{
    tctx *c = m->c;
    if (phrase < 0)
        return NULL;
    pnode *p = &c->n[phrase];
    for (int k = 0; k < p->nk; k++) {
        int ch = p->kids[k];
        const trie *sub = c->n[ch].text[0] ? trie_get(t, c->n[ch].text) : NULL;
        if (!sub)
            continue;
        const dyad_pattern *r = reroute1(m, sub, (fn){F_PHRASE, c->n[ch].head_phrase});
        if (r) {
            c->n[ch].color = 1;
            return r;
        }
    }
    return reroute1(m, t, (fn){F_PHRASE, p->head_phrase});
}

static const dyad_pattern *match_pattern(tctx *c, int x)
{
    pnode *p = &c->n[x];
    if (!p->block || !c->tc->roots[p->block->index])
        return NULL;
    const trie *root = c->tc->roots[p->block->index];
    int passive = check_passive(c, x);
    mctx m = {c, x, passive ? get_S(c, x) : x};
    if (passive)
        return match_noun(&m, root, x, 1);
    return match_noun(&m, root, get_S(c, x), 0);
}

/* ---- verb phrases: codes ------------------------------------------------------ */

/* The verb's form: with a particle ("cordon off") when a PRT/ADVP child gives
 * one, else the plain verb. */
static const dyad_verb_form *verb_form(tctx *c, int x, const char *verb)
{
    const dyad_verb_form *plain = NULL;
    for (const dyad_verb_form *f = dyad_dict_verb_lookup(c->d, verb); f; f = f->next) {
        if (f->nbefore)
            continue;
        if (!f->nafter) {
            if (!plain)
                plain = f;
            continue;
        }
        int ok = 0;
        for (int k = 0, a = 0; k < c->n[x].nk && a < f->nafter; k++) {
            int ch = c->n[x].kids[k];
            const char *l = c->n[ch].label;
            if ((!strcmp(l, "PRT") || !strcmp(l, "ADVP")) && !strcmp(first_word(c, ch), f->after[a]))
                ok = ++a == f->nafter;
        }
        if (ok)
            return f;
    }
    return plain;
}

/* PETRARCH-2's get_code: the verb's code, replaced by a matching pattern's;
 * returns the active PICO code, *pcode the passive one. */
static int get_code(tctx *c, int x, int *pcode)
{
    pnode *p = &c->n[x];
    if (p->m_code) {
        *pcode = p->pcode;
        return p->code;
    }
    p->m_code = 1;
    p->code = p->pcode = 0;
    *pcode = 0;
    for (int k = 0; k < p->nk; k++)
        if (!strcmp(c->n[p->kids[k]].text, "AND"))
            return 0; /* coordinated verb phrases: the parts are coded */
    const char *verb = p->nk && !strcmp(c->n[p->kids[0]].label, "TO") ? "TO" : get_head(c, x).text;
    const dyad_verb_form *f = verb ? verb_form(c, x, verb) : NULL;
    int active = 0, passive = 0;
    if (f) {
        p->block = f->block;
        const char *code = f->code ? f->code : f->block->code;
        char buf[32];
        if (f->code ? f->code2 : f->block->code2) {
            snprintf(buf, sizeof buf, "%s:%s", code, f->code ? f->code2 : f->block->code2);
            code = buf;
        }
        active = dyad_pico_from_cameo(code, &passive);
        p->code = active;
        p->cameo = f->code ? f->code : f->block->code;
    }
    const dyad_pattern *m = match_pattern(c, x);
    if (m) {
        char buf[32];
        snprintf(buf, sizeof buf, "%s%s%s", m->code, m->code2 ? ":" : "", m->code2 ? m->code2 : "");
        active = dyad_pico_from_cameo(buf, &passive);
        p->code = active;
        p->cameo = m->code;
    }
    if (passive && !active) {
        p->m_pass = 1;
        p->passive = 1;
        p->code = passive;
        p->cameo = m ? m->code2 : NULL;
    }
    p->pcode = passive;
    *pcode = passive;
    return p->code;
}

/* The subject: the noun phrase before this verb phrase, nearest first ("The
 * following day, North Korean media condemned": a fronted time phrase is not
 * the subject), else PETRARCH-2's first noun phrase beside it; a clause
 * without one takes its implied subject (relative clauses). */
static clist get_upper(tctx *c, int x)
{
    pnode *p = &c->n[x];
    if (p->m_upper)
        return p->upper;
    p->m_upper = 1;
    int par = p->parent;
    if (par < 0)
        return p->upper;
    pnode *pp = &c->n[par];
    for (int k = p->index - 1; k >= 0 && pp->kids[p->index] == x; k--) {
        int ch = pp->kids[k];
        if (c->n[ch].kind != K_NP)
            continue;
        clist m = np_meaning(c, ch);
        if (c->n[ch].tgt_pp || c->n[ch].place_only)
            return p->upper; /* the subject names only what was acted on, or
                              * where it happened ("car bombings in Baghdad") */
        if (!m.n || (m.n == 1 && !strcmp(m.v[0], "~")))
            continue;
        int prev = k > 0 ? pp->kids[k - 1] : -1;
        if (!has_actor(m) && prev >= 0 && c->n[prev].kind == K_NP) {
            /* "(NP US) (NP troops)": the parser split one noun phrase */
            clist pm = np_meaning(c, prev), act = {0}, agt = {0};
            split_codes(pm, &act, &agt, c);
            if (act.n) {
                split_codes(m, &agt, &agt, c);
                m = mix_codes(c, agt, act);
            }
        }
        p->upper = m;
        return m;
    }
    for (int k = 0; k < pp->nk; k++) {
        int ch = pp->kids[k];
        if (c->n[ch].kind != K_NP)
            continue;
        clist m = np_meaning(c, ch);
        if (m.n == 1 && !strcmp(m.v[0], "~"))
            continue;
        p->upper = m;
        return m;
    }
    if (pp->has_isubj)
        p->upper = pp->isubj_np >= 0 ? np_meaning(c, pp->isubj_np) : pp->isubj;
    return p->upper;
}

/* A "verb phrase" headed by a bare participle ("exiled dissidents") is a noun
 * phrase in disguise: turn it into one. */
static int is_valid(tctx *c, int x)
{
    pnode *p = &c->n[x];
    if (!p->nk || strcmp(c->n[p->kids[0]].label, "VBN") || p->parent < 0)
        return 1;
    int par = p->parent;
    head h = get_head(c, par);
    const char *hw = h.text ? h.text : "", *fw = first_word(c, par);
    static const char *const helping[] = {"HAVE", "HAD", "HAVING", "HAS"};
    for (int i = 0; i < 4; i++)
        if (!strcmp(hw, helping[i]) || !strcmp(fw, helping[i]))
            return 1;
    int nvp = 0;
    for (int k = 0; k < c->n[par].nk; k++)
        nvp += c->n[c->n[par].kids[k]].kind == K_VP;
    if (nvp > 1 || check_passive(c, x))
        return 1;
    p->kind = K_NP;
    p->label = "NP";
    return 0;
}

/* Prepositions of time, cause, manner and place: their objects are rarely the
 * target of the verb. */
static int is_adjunct_prep(const char *w)
{
    static const char *const adj[] = {"FOR", "IN", "DURING", "AFTER", "BEFORE", "SINCE", "AMID",
                                      "DESPITE", "UNTIL", "LIKE", "AS", "BECAUSE", "WITHIN",
                                      "THROUGHOUT", "FOLLOWING", "INCLUDING", "AMONG", "WHILE"};
    for (size_t i = 0; i < sizeof adj / sizeof *adj; i++)
        if (!strcmp(w, adj[i]))
            return 1;
    return 0;
}

/* A noun phrase of words only ("direct military support"), no phrases in it
 * ("talks with President X" names a person). */
static int is_flat(tctx *c, int x)
{
    for (int k = 0; k < c->n[x].nk; k++)
        if (!c->n[c->n[x].kids[k]].text[0])
            return 0;
    return 1;
}

/* Is the head noun of noun phrase x an agent word ("police", "troops")? */
static int head_is_agent(tctx *c, int x)
{
    head h = get_head(c, x);
    if (!h.text)
        return 0;
    const char *w[1] = {h.text}, *code = NULL;
    int len = 0, prefix = 0;
    return dyad_dict_agent_match(c->d, w, 1, &code, &len, &prefix) && len == 1;
}

/* Does the verb of verb phrase x take the place where it happens as its
 * target? CAMEO codes a visit, a summit there (042-044), aid (07x), yielding
 * (08x), investigation (09x), protest (14x), a show of force (15x), reduced
 * relations (16x: "closed its embassy in X"), coercion (17x) and violence
 * (18x-20x) as toward the place; a statement, appeal, intention, meeting,
 * accusation or refusal made somewhere (01x-06x, 10x-13x) is not addressed
 * to it. */
static int place_is_target(tctx *c, int x)
{
    const char *cm = c->n[x].cameo;
    int code = c->n[x].code;
    if (!cm || dyad_pico_from_cameo(cm, NULL) != code)
        cm = code > 0 ? dyad_pico_to_cameo(code) : NULL;
    if (!cm || strlen(cm) < 3)
        return 0;
    if (!strncmp(cm, "042", 3) || !strncmp(cm, "043", 3) || !strncmp(cm, "044", 3))
        return 1;
    static const char *const roots[] = {"07", "08", "09", "14", "15", "16", "17", "18", "19", "20"};
    for (size_t i = 0; i < sizeof roots / sizeof *roots; i++)
        if (!strncmp(cm, roots[i], 2))
            return 1;
    return 0;
}

static void get_lower(tctx *c, int x)
{
    pnode *p = &c->n[x];
    if (p->m_lower)
        return;
    p->m_lower = 1;
    evl events = {0};
    int any = 0;
    for (int k = 0; k < p->nk; k++) {
        int ch = p->kids[k];
        if (c->n[ch].kind != K_VP || !is_valid(c, ch))
            continue;
        any = 1;
        evl m = vp_meaning(c, ch);
        for (int i = 0; i < m.n; i++)
            el_add(c, &events, m.v[i]);
    }
    p->neg = any && p->nk > 1 && !strcmp(c->n[p->kids[1]].text, "NOT");
    if (p->neg) {
        for (int i = 0; i < events.n; i++) {
            /* (negating a verb without a code says nothing: no 120) */
            if (events.v[i]->kind != EV_TUPLE || events.v[i]->code <= 0)
                continue;
            ev *e = ev_new(c);
            if (!e)
                return;
            *e = *events.v[i];
            e->code -= 0xFFFF;
            e->cameo = NULL;
            events.v[i] = e;
        }
    }
    if (events.n) {
        p->low_is_ev = 1;
        p->low_ev = events;
        return;
    }
    clist np = {0}, pp = {0}, modag = {0}, adj = {0}, place = {0};
    for (int k = 0; k < p->nk; k++) {
        int ch = p->kids[k];
        if (c->n[ch].kind == K_NP && (np_meaning(c, ch), c->n[ch].place_only)) {
            cl_cat(c, &place, np_meaning(c, ch));
        } else if (c->n[ch].kind == K_NP) {
            clist m = np_meaning(c, ch);
            /* agents only, from a modifier ("military support"): they describe
             * the thing given, not an actor of a phrase beside it */
            if (m.n && !has_actor(m) && is_flat(c, ch) && !head_is_agent(c, ch))
                cl_cat(c, &modag, m);
            else
                cl_cat(c, &np, m);
        } else if (c->n[ch].kind == K_PP && attribution_pp(c, ch)) {
            continue;
        } else if (c->n[ch].kind == K_PP) {
            const char *w = first_word(c, ch);
            int at = !strcmp(w, "AT") || !strcmp(w, "OFF") || !strcmp(w, "ALONG");
            clist m = pp_meaning(c, ch);
            int obj = c->n[ch].nk >= 2 ? c->n[ch].kids[1] : -1;
            int plc = (is_place_prep(w) && !at) || (obj >= 0 && c->n[obj].place_only);
            cl_cat(c, plc ? &place : is_adjunct_prep(w) ? &adj : &pp, m);
        } else if (!strcmp(c->n[ch].label, "S")) {
            /* a small clause without a verb ("helped (S two dissidents from
             * Egypt)"): its noun phrases are objects of this verb */
            int has_vp = 0;
            for (int j = 0; j < c->n[ch].nk; j++)
                has_vp |= c->n[c->n[ch].kids[j]].kind == K_VP;
            for (int j = 0; !has_vp && j < c->n[ch].nk; j++)
                if (c->n[c->n[ch].kids[j]].kind == K_NP)
                    cl_cat(c, &np, np_meaning(c, c->n[ch].kids[j]));
        }
    }
    clist na = {0}, ng = {0}, pa = {0}, pg = {0};
    /* actors in phrases of time, cause and place ("in retaliation for the
     * attack on the Iranian embassy in Syria") are targets only when no object
     * or phrase of direction names one */
    if (!has_actor(np) && !has_actor(pp))
        cl_cat(c, &pp, adj);
    if (!has_actor(np) && !has_actor(pp) && place_is_target(c, x))
        cl_cat(c, &pp, place);
    if (!has_actor(pp))
        cl_cat(c, &np, modag);
    split_codes(np, &na, &ng, c);
    split_codes(pp, &pa, &pg, c);
    p->low_codes = mix_codes(c, ng.n ? ng : pg, na.n ? na : pa);
}

/* ---- verb phrases: meaning -------------------------------------------------- */

static ev *tuple_h(tctx *c, clist src, int tk, const char *tstr, const ev *tev, int code,
                   const char *cameo, int vtok)
{
    ev *e = ev_new(c);
    if (!e)
        return NULL;
    e->kind = EV_TUPLE;
    e->src = src;
    e->tk = tk;
    e->tstr = tstr ? tstr : "";
    e->tev = tev;
    e->code = code;
    e->cameo = cameo;
    e->vtok = vtok;
    return e;
}

/* The CAMEO code to remember for a combined value: the one whose value it kept. */
static const char *hint(int code, int a, const char *ca, int b, const char *cb)
{
    if (ca && code == a)
        return ca;
    if (cb && code == b)
        return cb;
    return NULL;
}

#define tuple(c, src, tk, tstr, tev, code, vtok) tuple_h(c, src, tk, tstr, tev, code, NULL, vtok)

static clist one(tctx *c, const char *s)
{
    clist l = {0};
    cl_add(c, &l, s);
    return l;
}

typedef struct vstate {
    clist up;
    int c, passive, vtok;
    const char *cameo;
} vstate;

/* An upper verb's code with a nested one: appeals, intentions and refusals
 * the CAMEO way (dyad_pico_combine_act), else PETRARCH-2's rule. */
static int combine(int upper, int lower)
{
    int v = dyad_pico_combine_act(upper, lower);
    return v ? v : dyad_pico_combine(upper, lower);
}

/* PETRARCH-2's resolve_events: attach this verb's subject and code to an event
 * (or code) coming from below. */
static void resolve_event(tctx *c, const vstate *v, const ev *e, evl *out)
{
    if (!v->up.n && !v->c) {
        el_add(c, out, e);
        return;
    }
    if (e->kind != EV_TUPLE) {
        const char *second = e->kind == EV_STR ? e->str : (e->list.n ? e->list.v[0] : "");
        if (v->passive)
            for (int i = 0; i < v->up.n; i++)
                el_add(c, out, tuple(c, one(c, second), TG_STR, v->up.v[i], NULL, v->passive, v->vtok));
        el_add(c, out, tuple_h(c, v->up, TG_STR, second, NULL, v->c, v->cameo, v->vtok));
        return;
    }
    if (e->tk == TG_PASSIVE) {
        int code = combine(v->c, e->code);
        const char *h = hint(code, e->code, e->cameo, v->c, v->cameo);
        if (v->up.n) {
            for (int i = 0; i < v->up.n; i++)
                el_add(c, out, tuple_h(c, e->src, TG_STR, v->up.v[i], NULL, code, h, e->vtok));
            return;
        }
        el_add(c, out, tuple_h(c, e->src, TG_PASSIVE, NULL, NULL, code, h, e->vtok));
        return;
    }
    if (!cl_blank(e->src)) {
        el_add(c, out, tuple_h(c, v->up, TG_EV, NULL, e, v->c, v->cameo, v->vtok));
        return;
    }
    int code = combine(v->c, e->code);
    el_add(c, out, tuple_h(c, v->up, e->tk, e->tstr, e->tev, code,
                           hint(code, e->code, e->cameo, v->c, v->cameo), e->vtok));
}

static int verb_tok(tctx *c, int x)
{
    head h = get_head(c, x);
    (void)h;
    for (int k = 0; k < c->n[x].nk; k++)
        if (c->n[c->n[x].kids[k]].tok >= 0 && !strncmp(c->n[c->n[x].kids[k]].label, "VB", 2))
            return c->n[c->n[x].kids[k]].tok;
    return -1;
}

static evl phrase_meaning(tctx *c, int x);
static void transform(tctx *c, const ev *e, evl *out);

/* "in South Korea": a phrase whose noun is itself a name (a place), not "in
 * an Israeli air strike" (the strike's actor made it). */
static int names_place(tctx *c, int pp)
{
    if (c->n[pp].nk < 2)
        return 0;
    head h = get_head(c, c->n[pp].kids[1]);
    if (!h.text)
        return 0;
    for (int i = 0; i < c->nn; i++)
        if (c->n[i].text == h.text)
            return !strncmp(c->n[i].label, "NNP", 3);
    return 0;
}

/* A verb of violence (18x-20x): "soldiers killed in Ukraine" are, in
 * PETRARCH-2's convention, killed by the place's side. */
static int violent(tctx *c, int x)
{
    int code = c->n[x].code ? c->n[x].code : c->n[x].pcode;
    const char *cm = code > 0 ? dyad_pico_to_cameo(code) : NULL;
    return cm && (!strncmp(cm, "18", 2) || !strncmp(cm, "19", 2) || !strncmp(cm, "20", 2));
}

/* Passive verb: the source comes from "by/from/in" phrases, the target is the
 * subject (or an "at/against/into/towards" phrase). Returns 1 when it coded. */
static int passive_meaning(tctx *c, int x, vstate *v, int pcode, evl *out)
{
    pnode *p = &c->n[x];
    clist src = {0}, tgt = {0};
    cl_cat(c, &tgt, v->up);
    for (int k = 0; k < p->nk; k++) {
        int ch = p->kids[k];
        if (c->n[ch].kind != K_PP || !c->n[ch].nk)
            continue;
        const char *prep = first_word(c, ch);
        if ((!strcmp(prep, "BY") || !strcmp(prep, "FROM")) && c->n[ch].nk == 1) {
            int obj = by_object(c, x, k);
            if (obj >= 0)
                cl_cat(c, &src, np_meaning(c, obj));
        } else if (!strcmp(prep, "BY") || !strcmp(prep, "FROM") ||
                   (!strcmp(prep, "IN") && (!names_place(c, ch) || violent(c, x))))
            cl_cat(c, &src, pp_meaning(c, ch));
        else if (!strcmp(prep, "AT") || !strcmp(prep, "AGAINST") || !strcmp(prep, "INTO") ||
                 !strcmp(prep, "TOWARDS"))
            cl_cat(c, &tgt, pp_meaning(c, ch));
    }
    if (!src.n && !v->c)
        return 0;
    int code = check_passive(c, x) ? v->c : pcode;
    const char *h = code == v->c ? v->cameo : NULL;
    if (tgt.n)
        el_add(c, out, tuple_h(c, src, TG_STR, tgt.v[0], NULL, code, h, v->vtok));
    else
        el_add(c, out, tuple_h(c, src, TG_PASSIVE, NULL, NULL, code, h, v->vtok));
    return 1;
}

static void trace_ev(const ev *e, FILE *f)
{
    if (e->kind == EV_STR) {
        fprintf(f, "'%s'", e->str);
        return;
    }
    if (e->kind == EV_LIST) {
        fprintf(f, "list");
        return;
    }
    fprintf(f, "([");
    for (int i = 0; i < e->src.n; i++)
        fprintf(f, "%s%s", i ? "," : "", e->src.v[i]);
    fprintf(f, "] ");
    if (e->tk == TG_STR)
        fprintf(f, "'%s'", e->tstr);
    else if (e->tk == TG_PASSIVE)
        fprintf(f, "passive");
    else if (e->tk == TG_EV)
        trace_ev(e->tev, f);
    fprintf(f, " 0x%x)", (unsigned)e->code);
}

static void trace_vp(tctx *c, int x, const vstate *v, const evl *m)
{
    head h = get_head(c, x);
    fprintf(stderr, "trace: VP %d head %s block %s code 0x%x up [", x, h.text ? h.text : "-",
            c->n[x].block ? c->n[x].block->name : "-", (unsigned)v->c);
    for (int i = 0; i < v->up.n; i++)
        fprintf(stderr, "%s%s", i ? "," : "", v->up.v[i]);
    fprintf(stderr, "] ->");
    for (int i = 0; i < m->n; i++) {
        fputc(' ', stderr);
        trace_ev(m->v[i], stderr);
    }
    fputc('\n', stderr);
}

static int has_np_kid(tctx *c, int x);

/* (SBAR (IN while) (S subject (VP ...))): the clause of a subordinating
 * conjunction of time, cause or contrast (not "that", "if", "whether"), with
 * its own subject; -1 if x is none. */
static int adverbial_clause(tctx *c, int x)
{
    static const char *const conj[] = {"WHILE", "AS", "AFTER", "BEFORE", "WHEN", "BECAUSE",
                                       "ALTHOUGH", "THOUGH", "WHEREAS", "SINCE", "UNTIL"};
    pnode *p = &c->n[x];
    if (strcmp(p->label, "SBAR") || p->nk != 2 || strcmp(c->n[p->kids[0]].label, "IN"))
        return -1;
    const char *w = c->n[p->kids[0]].text;
    int ok = 0;
    for (size_t i = 0; i < sizeof conj / sizeof *conj; i++)
        ok |= !strcmp(w, conj[i]);
    int s = p->kids[1];
    if (!ok || strcmp(c->n[s].label, "S") || !has_np_kid(c, s))
        return -1;
    /* (a pronoun subject, "as he approached", is too often resolved to the
     * wrong actor by the simple antecedent rule) */
    for (int k = 0; k < c->n[s].nk; k++) {
        int np = c->n[s].kids[k];
        if (c->n[np].kind == K_NP && c->n[np].nk && !strcmp(c->n[c->n[np].kids[0]].label, "PRP"))
            return -1;
    }
    return s;
}

/* A subjectless "to" clause: (S (VP (TO to) ...)). */
static int to_clause(tctx *c, int s)
{
    if (strcmp(c->n[s].label, "S") || has_np_kid(c, s) || !c->n[s].nk)
        return 0;
    int v = c->n[s].kids[0];
    return c->n[v].kind == K_VP && c->n[v].nk && !strcmp(c->n[c->n[v].kids[0]].label, "TO");
}

static int is_copula(const char *w);

/* "unlikely / unable / unwilling to": the adjective denies the clause. */
static int negative_adj(tctx *c, int adjp)
{
    static const char *const neg[] = {"UNLIKELY", "UNABLE", "UNWILLING", "RELUCTANT", "LOATH",
                                      "HESITANT", "UNPREPARED", "UNREADY"};
    const char *w = first_word(c, adjp);
    for (size_t i = 0; i < sizeof neg / sizeof *neg; i++)
        if (!strcmp(w, neg[i]))
            return 1;
    return 0;
}

/* "to be ...": the "to" clause of a copula (its predicate is no target). */
static int to_be(tctx *c, int s)
{
    int v = c->n[s].kids[0];
    for (int k = 0; k < c->n[v].nk; k++)
        if (c->n[c->n[v].kids[k]].kind == K_VP)
            return is_copula(first_word(c, c->n[v].kids[k]));
    return 0;
}

/* A passive verb of saying, believing or expecting (code: none, 01x or 03x)
 * with a "to" clause and no "by" phrase: "X is expected to visit Y", "X is
 * believed to have provided Y with Z". ("X was urged to help Y" is not: X
 * was appealed to, and has not helped.) */
static int raising(tctx *c, int x, int code)
{
    pnode *p = &c->n[x];
    int top = code > 0 ? code & 0xF000 : code ? -1 : 0;
    if (top != 0 && top != 0x1000 && top != 0x3000)
        return 0;
    if (!check_passive(c, x) || p->parent < 0 || c->n[p->parent].kind != K_VP)
        return 0; /* (a participle in a noun phrase is not a raising verb) */
    int inf = 0;
    for (int k = 0; k < p->nk; k++) {
        int ch = p->kids[k];
        if (c->n[ch].kind == K_PP && !strcmp(first_word(c, ch), "BY"))
            return 0;
        if (!strcmp(c->n[ch].label, "S") && c->n[ch].nk) {
            int v = c->n[ch].kids[0];
            if (c->n[v].kind == K_VP && c->n[v].nk && !strcmp(c->n[c->n[v].kids[0]].label, "TO"))
                inf = 1;
        }
    }
    return inf;
}

static evl vp_meaning(tctx *c, int x)
{
    pnode *p = &c->n[x];
    if (p->m_vp || c->err || c->steps++ > STEP_CAP)
        return p->vp;
    p->m_vp = 1;
    get_S(c, x);
    int pcode = 0;
    vstate v = {.c = get_code(c, x, &pcode), .vtok = verb_tok(c, x)};
    v.cameo = p->cameo;
    v.passive = pcode;
    v.up = get_upper(c, x);
    evl events = {0};
    if (raising(c, x, v.c ? v.c : pcode)) {
        /* "X is believed / expected / said to have done": what X did is the
         * event; the belief is nobody's act */
        v.c = 0;
        v.cameo = NULL;
        v.passive = 0;
    } else if (check_passive(c, x) || (pcode && !v.c)) {
        if (passive_meaning(c, x, &v, pcode, &events)) {
            p->vp = events;
            return p->vp;
        }
    }
    if (cl_blank(v.up))
        v.up = (clist){0};
    get_lower(c, x);
    if (p->neg) {
        v.c = 0;
        v.cameo = NULL;
    }
    int s_options = 0, clauses[16], nclauses = 0;
    for (int k = 0; k < p->nk; k++) {
        int ch = p->kids[k];
        const char *l = c->n[ch].label;
        if (!strcmp(l, "S") || !strcmp(l, "SBAR")) {
            s_options++;
            if (nclauses < 16)
                clauses[nclauses++] = ch;
        } else if (!strcmp(l, "ADJP") && is_copula(first_word(c, x)) && !negative_adj(c, ch)) {
            /* "X is likely / ready / due to sign Y": the adjective's clause */
            for (int j = 0; j < c->n[ch].nk && nclauses < 16; j++)
                if (to_clause(c, c->n[ch].kids[j])) {
                    s_options++;
                    clauses[nclauses++] = c->n[ch].kids[j];
                }
        }
    }
    if (p->low_is_ev) {
        for (int i = 0; i < p->low_ev.n; i++)
            resolve_event(c, &v, p->low_ev.v[i], &events);
    } else if (p->low_codes.n) {
        for (int i = 0; i < p->low_codes.n; i++) {
            ev *e = ev_new(c);
            if (!e)
                break;
            e->kind = EV_STR;
            e->str = p->low_codes.v[i];
            resolve_event(c, &v, e, &events);
        }
    } else if (!s_options && (v.up.n || v.c)) {
        el_add(c, &events, tuple_h(c, v.up, TG_STR, "", NULL, v.c, v.cameo, v.vtok));
    }
    if (!events.n) {
        for (int k = 0; k < nclauses; k++) {
            evl sm = phrase_meaning(c, clauses[k]);
            for (int i = 0; i < sm.n; i++) {
                const ev *e = sm.v[i];
                /* PETRARCH-2 takes clause events with a target or a code; dyad also
                 * takes one with only a subject, which the reporting verb is about
                 * ("the report alleged that France was aware") */
                if (e->kind == EV_STR && e->str[0] && e->str[0] != '~' && v.c &&
                    to_clause(c, clauses[k]) && !to_be(c, clauses[k])) {
                    /* "Germany plans to send tanks to Ukraine": the verb's
                     * subject intends toward the target of the "to" clause */
                    resolve_event(c, &v, e, &events);
                    continue;
                }
                if (e->kind != EV_TUPLE ||
                    !((e->tk == TG_STR && e->tstr[0]) || e->tk == TG_EV || e->tk == TG_PASSIVE ||
                      e->code || !cl_blank(e->src)))
                    continue;
                resolve_event(c, &v, e, &events);
            }
        }
    } else {
        /* an adverbial clause with its own subject ("..., while Ukraine
         * shelled Russian positions") is an event of its own; PETRARCH-2
         * dropped it when the verb phrase had events */
        for (int k = 0; k < p->nk; k++) {
            int s = adverbial_clause(c, p->kids[k]);
            if (s < 0)
                continue;
            evl sm = phrase_meaning(c, s);
            for (int i = 0; i < sm.n; i++)
                if (sm.v[i]->kind == EV_TUPLE && !cl_blank(sm.v[i]->src) && sm.v[i]->code &&
                    sm.v[i]->tk == TG_STR && sm.v[i]->tstr[0])
                    el_add(c, &events, sm.v[i]); /* (a complete event only) */
        }
    }
    evl maps = {0};
    for (int i = 0; i < events.n; i++)
        transform(c, events.v[i], &maps);
    p->vp = maps;
    if (getenv("DYAD_TRACE"))
        trace_vp(c, x, &v, &maps);
    return p->vp;
}

/* The meaning of a clause: the events of its clauses and verb phrases. */
static evl phrase_meaning(tctx *c, int x)
{
    pnode *p = &c->n[x];
    if (p->kind == K_VP)
        return vp_meaning(c, x);
    evl out = {0};
    if (strcmp(p->label, "S") && strcmp(p->label, "SBAR") && strcmp(p->label, "SINV") &&
        strcmp(p->label, "SQ"))
        return out;
    for (int k = 0; k < p->nk; k++) {
        int ch = p->kids[k];
        const char *l = c->n[ch].label;
        if (c->n[ch].kind != K_VP && strcmp(l, "S") && strcmp(l, "SBAR"))
            continue;
        evl m = phrase_meaning(c, ch);
        for (int i = 0; i < m.n; i++)
            el_add(c, &out, m.v[i]);
    }
    return out;
}

static clist vp_theme(tctx *c, int x)
{
    evl m = vp_meaning(c, x);
    clist out = {0};
    if (!m.n)
        return out;
    const ev *e = m.v[0];
    if (e->kind == EV_STR)
        return one(c, e->str);
    if (e->kind != EV_TUPLE)
        return out;
    if (e->tk == TG_PASSIVE)
        return e->src;
    if (e->tk == TG_STR)
        return one(c, e->tstr);
    return out;
}

/* ---- transformations and nested events ---------------------------------- */

static int mask_match(int code, int want)
{
    if (code == want)
        return 1;
    return code - code % 0x10 == want || code - code % 0x100 == want ||
           code - code % 0x1000 == want;
}

static int same_list(clist a, clist b)
{
    if (a.n != b.n)
        return 0;
    for (int i = 0; i < a.n; i++)
        if (strcmp(a.v[i], b.v[i]))
            return 0;
    return 1;
}

/* Finds the dictionary transformation for an event whose target is a nested
 * event: "A said (A attacked B)" -> A B 015. */
static const xform *find_xform(tctx *c, const ev *e)
{
    const ev *in = e->tev;
    const xform *best = NULL;
    int best_rank = 99;
    for (int i = 0; i < c->tc->nxf; i++) {
        const xform *x = &c->tc->xf[i];
        if (!mask_match(e->code, x->outer))
            continue;
        int rank = x->inner == -1 ? 2 : 0;
        if (x->inner != -1 && !mask_match(in->code, x->inner))
            continue;
        int src_same = !cl_blank(in->src) && same_list(in->src, e->src);
        if (x->x == 'a' && !src_same)
            continue;
        if (x->x == '_' && !cl_blank(in->src))
            continue;
        if (x->x != 'a' && x->x != '_' && (cl_blank(in->src) || src_same))
            rank += 1;
        if (x->x != 'a' && x->x != '_' && cl_blank(in->src))
            continue;
        if (in->tk != TG_STR || !in->tstr[0])
            continue;
        if (x->y == '.')
            rank += 1;
        if (rank < best_rank) {
            best = x;
            best_rank = rank;
        }
    }
    return best;
}

static void apply_xform(tctx *c, const ev *e, const xform *x, evl *out)
{
    const ev *in = e->tev;
    int code = x->code == -1 ? in->code : x->code;
    const char *h = x->code == -1 ? in->cameo : NULL;
    clist src = x->r1 == 'a' ? e->src : in->src;
    clist tgt = {0};
    if (x->r2 == x->y)
        tgt = one(c, in->tstr);
    else if (x->r2 == x->x)
        tgt = in->src;
    else if (x->r2 == 'a')
        tgt = e->src;
    for (int i = 0; i < tgt.n; i++)
        el_add(c, out, tuple_h(c, src, TG_STR, tgt.v[i], NULL, code, h, in->vtok));
}

static void transform(tctx *c, const ev *e, evl *out)
{
    if (e->kind == EV_TUPLE && e->tk == TG_EV) {
        const xform *x = find_xform(c, e);
        if (x) {
            apply_xform(c, e, x, out);
            return;
        }
        const ev *in = e->tev;
        int act = dyad_pico_combine_act(e->code, in->code);
        if (act && !cl_blank(e->src) && !cl_blank(in->src) && in->code >= 0x1000) {
            /* "urged China to begin talks": the appeal to China (026) */
            for (int i = 0; i < in->src.n; i++)
                el_add(c, out, tuple_h(c, e->src, TG_STR, in->src.v[i], NULL, act, NULL, e->vtok));
            return;
        }
        /* a material action reported by a speaker: speaker -> actor, combined code */
        if (!cl_blank(e->src) && e->code && !cl_blank(in->src) && in->code >= 0 &&
            in->code < 0x1000) {
            /* (PETRARCH-2 passes the codes the other way round here, so the
             * nested code was lost: "pressed X to help Y" stayed 020) */
            int code = combine(e->code, in->code);
            const char *h = hint(code, in->code, in->cameo, e->code, e->cameo);
            if (!dyad_pico_to_cameo(code) && in->tk == TG_STR && in->tstr[0] &&
                dyad_pico_to_cameo(in->code)) {
                /* "KCNA claimed the US had imposed sanctions on Iran": the
                 * combination has no CAMEO code; the act reported is the event */
                el_add(c, out, in);
                return;
            }
            for (int i = 0; i < in->src.n; i++)
                /* (the verb is the nested one only when it has a code: not
                 * the auxiliary "had" of "confirmed he had been seized") */
                el_add(c, out, tuple_h(c, e->src, TG_STR, in->src.v[i], NULL, code, h,
                                       in->code ? in->vtok : e->vtok));
            return;
        }
    }
    el_add(c, out, e);
}

/* ---- sentence --------------------------------------------------------- */

static const char *dashes(tctx *c, const char *code)
{
    if (!strchr(code, '~'))
        return code;
    dyad_buf b;
    dyad_buf_init(&b);
    for (const char *p = code; *p; p++)
        if (*p == '~')
            dyad_buf_puts(&b, "---");
        else
            dyad_buf_putc(&b, *p);
    const char *r = b.data ? dyad_arena_strdup(c->a, b.data) : code;
    dyad_buf_free(&b);
    return r;
}

static void node_span(tctx *c, const char *code, int *t0, int *t1)
{
    *t0 = *t1 = -1;
    for (int i = 0; i < c->nspan; i++) {
        if (strcmp(c->span_code[i], code))
            continue;
        int x = c->span_node[i];
        /* token range of the phrase */
        int lo = -1, hi = -1, stack[256], sp = 0;
        stack[sp++] = x;
        while (sp) {
            int y = stack[--sp];
            if (c->n[y].tok >= 0) {
                if (lo < 0 || c->n[y].tok < lo)
                    lo = c->n[y].tok;
                if (c->n[y].tok > hi)
                    hi = c->n[y].tok;
            }
            for (int k = 0; k < c->n[y].nk && sp < 255; k++)
                stack[sp++] = c->n[y].kids[k];
        }
        *t0 = lo;
        *t1 = hi;
        return;
    }
}

static int emit(tctx *c, dyad_coded_list *out, const char *s, const char *t, const char *code, int vtok)
{
    if (!strcmp(s, t) || s[0] == '=' || t[0] == '=')
        return 0; /* an actor acting on itself is not a dyad; RECIP is no actor */
    if (c->strict && (s[0] == '~' || s[0] == '-' || t[0] == '~' || t[0] == '-'))
        return 0;
    for (int i = 0; i < out->n; i++)
        if (!strcmp(out->ev[i].source, s) && !strcmp(out->ev[i].target, t) &&
            !strcmp(out->ev[i].code, code))
            return 0;
    if (out->n == out->cap) {
        int cap = out->cap ? out->cap * 2 : 8;
        dyad_coded *e = dyad_arena_alloc(c->a, (size_t)cap * sizeof *e);
        if (!e)
            return DYAD_ENOMEM;
        if (out->n)
            memcpy(e, out->ev, (size_t)out->n * sizeof *e);
        out->ev = e;
        out->cap = cap;
    }
    dyad_coded *d = &out->ev[out->n++];
    d->code = code;
    d->verb_tok0 = d->verb_tok1 = vtok;
    node_span(c, s, &d->src_tok0, &d->src_tok1);
    node_span(c, t, &d->tgt_tok0, &d->tgt_tok1);
    d->source = dashes(c, s);
    d->target = dashes(c, t);
    return 0;
}

/* PETRARCH-2's get_events: events with a source, a target and a CAMEO code;
 * several sources of a cooperative act with no target cooperate with each other. */
static int collect(tctx *c, dyad_coded_list *out, const ev *e)
{
    if (e->kind != EV_TUPLE || (e->tk != TG_STR && e->tk != TG_PASSIVE))
        return 0;
    const char *code = dyad_pico_to_cameo(e->code);
    if (!code || e->tk != TG_STR)
        return 0;
    if (e->cameo && dyad_pico_from_cameo(e->cameo, NULL) == e->code)
        code = e->cameo; /* the dictionary's own code, finer than the table's */
    int rc = 0;
    if (!strcmp(e->tstr, RECIP)) {
        /* "X and Y accused each other": each of the others */
        for (int i = 0; i < e->src.n && !rc; i++)
            for (int j = 0; j < e->src.n && !rc; j++)
                if (i != j && strcmp(e->src.v[i], e->src.v[j]))
                    rc = emit(c, out, e->src.v[i], e->src.v[j], code, e->vtok);
        return rc;
    }
    if (e->src.n && e->tstr[0]) {
        for (int i = 0; i < e->src.n && !rc; i++)
            rc = emit(c, out, e->src.v[i], e->tstr, code, e->vtok);
    } else if (!c->o->require_dyad && e->src.n) {
        for (int i = 0; i < e->src.n && !rc; i++)
            rc = emit(c, out, e->src.v[i], "---", code, e->vtok);
    } else if (!c->o->require_dyad && e->tstr[0]) {
        rc = emit(c, out, "---", e->tstr, code, e->vtok);
    }
    if (e->src.n > 1 && !e->tstr[0] && (!strncmp(code, "03", 2) || !strncmp(code, "04", 2) ||
                                        !strncmp(code, "05", 2) || !strncmp(code, "06", 2)))
        for (int i = 0; i < e->src.n && !rc; i++)
            for (int j = 0; j < e->src.n && !rc; j++)
                if (i != j && strcmp(e->src.v[i], e->src.v[j]))
                    rc = emit(c, out, e->src.v[i], e->src.v[j], code, e->vtok);
    return rc;
}

/* ---- clauses inside noun phrases ---------------------------------------- */

/* "be", "become", "remain": the verbs that say what their subject is. */
static int is_copula(const char *w)
{
    static const char *const cop[] = {"BECOME", "BECOMES", "BECAME", "BECOMING", "REMAIN",
                                      "REMAINS", "REMAINED", "REMAINING"};
    if (is_be(w))
        return 1;
    for (size_t i = 0; i < sizeof cop / sizeof *cop; i++)
        if (!strcmp(w, cop[i]))
            return 1;
    return 0;
}

/* The subject a relative clause without one stands for: its antecedent, the
 * noun phrase before it ("countries that have provided"); when that names no
 * actor and the noun phrase is what a copula says of its subject ("X are among
 * very few countries that...", "X is one of the countries that...", "X is a
 * country that..."), the copula's subject. */
static clist antecedent(tctx *c, int np, int rel)
{
    clist none = {0};
    pnode *p = &c->n[np];
    int ante = -1;
    for (int k = 0; k < p->nk && p->kids[k] != rel; k++)
        if (c->n[p->kids[k]].kind == K_NP)
            ante = p->kids[k];
    if (ante < 0)
        return none;
    clist m = np_meaning(c, ante);
    if (has_actor(m))
        return m;
    /* climb noun phrases and "among"/"of" phrases to the copula */
    int y = np;
    for (int depth = 0; depth < 8; depth++) {
        int par = c->n[y].parent;
        if (par < 0)
            return m;
        pnode *q = &c->n[par];
        if (q->kind == K_NP) {
            y = par;
            continue;
        }
        if (q->kind == K_PP) {
            const char *prep = first_word(c, par);
            if (strcmp(prep, "AMONG") && strcmp(prep, "OF"))
                return m;
            y = par;
            continue;
        }
        if (q->kind == K_VP && is_copula(first_word(c, par))) {
            clist up = get_upper(c, par);
            return has_actor(up) ? up : m;
        }
        return m;
    }
    return m;
}

/* Is x a relative clause (or a reduced one) modifying a noun phrase? A clause
 * opened by "that" as a preposition or conjunction ("the claim that...") is a
 * complement, not a relative clause. */
static int is_relative(tctx *c, int x)
{
    pnode *p = &c->n[x];
    if (!strcmp(p->label, "WHNP")) { /* the parser's (WHNP that (SBAR (S ...))) */
        for (int k = 0; k < p->nk; k++)
            if (!strcmp(c->n[p->kids[k]].label, "SBAR"))
                return is_relative(c, p->kids[k]);
        return 0;
    }
    if (!strcmp(p->label, "S"))
        return 1;
    if (strcmp(p->label, "SBAR") || !p->nk)
        return 0;
    const char *l0 = c->n[p->kids[0]].label;
    return strcmp(l0, "IN") != 0;
}

/* The clause under a relative: SBAR -> S (the S itself for a reduced one). */
static int rel_clause(tctx *c, int x)
{
    if (!strcmp(c->n[x].label, "S"))
        return x;
    if (!strcmp(c->n[x].label, "WHNP")) {
        for (int k = 0; k < c->n[x].nk; k++)
            if (!strcmp(c->n[c->n[x].kids[k]].label, "SBAR"))
                return rel_clause(c, c->n[x].kids[k]);
        return -1;
    }
    for (int k = 0; k < c->n[x].nk; k++)
        if (!strcmp(c->n[c->n[x].kids[k]].label, "S"))
            return c->n[x].kids[k];
    return -1;
}

static int has_np_kid(tctx *c, int x)
{
    for (int k = 0; k < c->n[x].nk; k++)
        if (c->n[c->n[x].kids[k]].kind == K_NP)
            return 1;
    return 0;
}

static int absolutive(tctx *c, int x, int *subj);
static int has_np_kid(tctx *c, int x);

/* Does the relative x open with a wh-word ("which", "that", "who")? */
static int has_wh(tctx *c, int x)
{
    if (!strncmp(c->n[x].label, "WH", 2))
        return 1;
    return c->n[x].nk && !strncmp(c->n[c->n[x].kids[0]].label, "WH", 2);
}

/* Is the object of the clause's lowest verb phrase missing (mark_gap)? */
static int has_gap(tctx *c, int vp)
{
    for (int depth = 0; vp >= 0 && depth < 8; depth++) {
        if (c->n[vp].gap >= 0)
            return 1;
        int next = -1;
        for (int k = 0; k < c->n[vp].nk; k++)
            if (c->n[c->n[vp].kids[k]].kind == K_VP)
                next = c->n[vp].kids[k];
        vp = next;
    }
    return 0;
}

/* Events of the relative clauses inside noun phrases, which the clause walk
 * (PETRARCH-2's) never reaches: "the sanctions Washington imposed on Iran"
 * (USA IRN 163); "countries that have provided support to Russia" with the
 * antecedent as subject. The parser sometimes puts the clause under its WHNP. */
static void relative_clauses(tctx *c, int x, dyad_coded_list *out, int depth)
{
    pnode *p = &c->n[x];
    if (depth > 200 || c->err)
        return;
    for (int k = 0; k < p->nk; k++)
        relative_clauses(c, p->kids[k], out, depth + 1);
    int subj, abs = absolutive(c, x, &subj);
    if (abs >= 0 && c->n[abs].parent == x) {
        /* the clause inside "with": the clause walk does not enter phrases */
        evl m = phrase_meaning(c, abs);
        c->strict = 1;
        for (int i = 0; i < m.n && !c->err; i++)
            if (collect(c, out, m.v[i]))
                c->err = DYAD_ENOMEM;
        c->strict = 0;
        return;
    }
    if (p->kind != K_NP)
        return;
    for (int k = 0; k < p->nk; k++) {
        int rel = p->kids[k];
        if (c->n[rel].kind == K_VP && c->n[rel].nk && !strcmp(c->n[c->n[rel].kids[0]].label, "VBG") &&
            has_np_kid(c, rel)) {
            /* a participle after a noun, with its object: "Russian forces
             * shelling Kharkiv" (not "Israeli tank shelling in Gaza", a noun) */
            evl m = vp_meaning(c, rel);
            c->strict = 1;
            for (int i = 0; i < m.n && !c->err; i++)
                if (collect(c, out, m.v[i]))
                    c->err = DYAD_ENOMEM;
            c->strict = 0;
            continue;
        }
        if (!strcmp(c->n[rel].label, "WHNP")) {
            for (int j = 0; j < c->n[rel].nk; j++)
                if (!strcmp(c->n[c->n[rel].kids[j]].label, "SBAR"))
                    rel = c->n[rel].kids[j];
        }
        if (!is_relative(c, rel))
            continue;
        int s = rel_clause(c, rel);
        if (s < 0)
            continue;
        int vp = -1;
        for (int j = 0; j < c->n[s].nk; j++)
            if (c->n[c->n[s].kids[j]].kind == K_VP)
                vp = c->n[s].kids[j];
        if (vp < 0)
            continue;
        if (!has_np_kid(c, s) && !c->n[vp].m_vp) {
            c->n[s].isubj = antecedent(c, x, p->kids[k]);
            c->n[s].has_isubj = 1;
        } else if (has_np_kid(c, s) && !has_wh(c, rel) && !has_gap(c, vp)) {
            continue; /* "reports (Iran attacked Israel)": a claim, not a relative */
        }
        evl m = phrase_meaning(c, s);
        c->strict = 1; /* a clause about a "group" is description, not news */
        for (int i = 0; i < m.n && !c->err; i++)
            if (collect(c, out, m.v[i]))
                c->err = DYAD_ENOMEM;
        c->strict = 0;
    }
}

/* The clause of an absolutive "with" phrase: "With Pyongyang providing Iran
 * with missiles, ..." parsed (PP with (S (NP Pyongyang) (VP providing ...))),
 * or, by the built-in parser, (PP with (NP Pyongyang)) (S (VP providing ...)).
 * Returns the clause, -1 if none; *subj the subject noun phrase. */
static int absolutive(tctx *c, int x, int *subj)
{
    pnode *p = &c->n[x];
    *subj = -1;
    if (p->kind != K_PP || p->nk != 2 || strcmp(first_word(c, x), "WITH"))
        return -1;
    int obj = p->kids[1];
    if (!strcmp(c->n[obj].label, "S")) {
        int np = -1, vp = -1;
        for (int k = 0; k < c->n[obj].nk; k++) {
            int ch = c->n[obj].kids[k];
            if (c->n[ch].kind == K_NP && vp < 0)
                np = ch;
            else if (c->n[ch].kind == K_VP)
                vp = ch;
        }
        *subj = np;
        return np >= 0 && vp >= 0 ? obj : -1;
    }
    int par = p->parent;
    if (c->n[obj].kind != K_NP || par < 0 || p->index + 1 >= c->n[par].nk)
        return -1;
    int s = c->n[par].kids[p->index + 1];
    if (strcmp(c->n[s].label, "S") || !c->n[s].nk || has_np_kid(c, s))
        return -1;
    int vp = c->n[s].kids[0];
    if (c->n[vp].kind != K_VP || !c->n[vp].nk || strcmp(c->n[c->n[vp].kids[0]].label, "VBG"))
        return -1;
    *subj = obj;
    return s;
}

/* The object gap of a relative clause with its own subject: "the sanctions
 * (Washington imposed _ on Iran)": the lowest verb phrase of the clause, when
 * it has no object, matches its patterns with the antecedent as object. */
static void mark_gap(tctx *c, int np, int rel)
{
    int s = rel_clause(c, rel);
    if (s < 0 || !has_np_kid(c, s))
        return;
    int ante = -1, vp = -1;
    for (int k = 0; k < c->n[np].nk && c->n[np].kids[k] != rel; k++)
        if (c->n[c->n[np].kids[k]].kind == K_NP)
            ante = c->n[np].kids[k];
    for (int k = 0; k < c->n[s].nk; k++)
        if (c->n[c->n[s].kids[k]].kind == K_VP)
            vp = c->n[s].kids[k];
    if (ante < 0)
        return;
    for (int depth = 0; vp >= 0 && depth < 8; depth++) {
        int next = -1;
        for (int k = 0; k < c->n[vp].nk; k++) {
            int ch = c->n[vp].kids[k];
            if (c->n[ch].kind == K_NP || !strcmp(c->n[ch].label, "S") ||
                !strcmp(c->n[ch].label, "SBAR"))
                return; /* it has an object (or a clause): no gap */
            if (c->n[ch].kind == K_VP)
                next = ch;
        }
        if (next < 0) {
            c->n[vp].gap = ante;
            return;
        }
        vp = next;
    }
}

/* Before the clause walk: the subjects absolutive clauses imply, the gaps of
 * relative clauses. */
static void mark_absolutives(tctx *c, int x, int depth)
{
    if (depth > 200)
        return;
    for (int k = 0; k < c->n[x].nk; k++)
        mark_absolutives(c, c->n[x].kids[k], depth + 1);
    if (c->n[x].kind == K_NP)
        for (int k = 0; k < c->n[x].nk; k++)
            if (is_relative(c, c->n[x].kids[k]))
                mark_gap(c, x, c->n[x].kids[k]);
    int subj, s = absolutive(c, x, &subj);
    if (s >= 0 && c->n[s].parent != x) {
        c->n[s].isubj_np = subj; /* (its meaning when asked: after the patterns) */
        c->n[s].has_isubj = 1;
    }
}

/* DYAD_TRACE: the tree as the coder sees it, one line, node ids after labels. */
static void trace_tree(tctx *c, int x)
{
    pnode *p = &c->n[x];
    if (p->text[0] && !p->nk) {
        fprintf(stderr, "(%s %s)", p->label, p->text);
        return;
    }
    fprintf(stderr, "(%s#%d", p->label, x);
    for (int k = 0; k < p->nk; k++) {
        fputc(' ', stderr);
        trace_tree(c, p->kids[k]);
    }
    fputc(')', stderr);
}

int dyad_tcode_tree(dyad_coded_list *out, const dyad_tcoder *tc, const dyad_code_opts *o,
                    const dyad_tree *t, const char *date, dyad_arena *a)
{
    memset(out, 0, sizeof *out);
    out->issues = "";
    tctx c = {.tc = tc, .d = tc->d, .o = o, .date = date, .a = a};
    int root = build_nodes(&c, t);
    if (root < 0)
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    convert_existentials(&c);
    repair_noun_verbs(&c);
    mark_absolutives(&c, root, 0);
    if (getenv("DYAD_TRACE")) {
        fputs("trace: tree ", stderr);
        trace_tree(&c, root);
        fputc('\n', stderr);
    }
    pnode *r = &c.n[root];
    for (int k = 0; k < r->nk && !c.err; k++) {
        int ch = r->kids[k];
        const char *l = c.n[ch].label;
        if (strcmp(l, "S") && strcmp(l, "VP") && strcmp(l, "V") && strcmp(l, "P"))
            continue;
        evl m = phrase_meaning(&c, ch);
        for (int i = 0; i < m.n && !c.err; i++)
            if (collect(&c, out, m.v[i]))
                c.err = DYAD_ENOMEM;
    }
    relative_clauses(&c, root, out, 0);
    if (c.err)
        return dyad_set_error(c.err, "out of memory");
    return 0;
}
