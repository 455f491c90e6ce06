/* tc_match.c: matching the pattern trees against a verb phrase, and the
 * verb phrase's code from its verb or the pattern matched (see tc_internal.h).
 */
#include "code/tc_internal.h"

#include <string.h>

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
    if ((s = dyad_tc__trie_get(t, "-")) && (r = call(m, o1, s)))
        return r;
    if ((s = dyad_tc__trie_get(t, ",")) && (r = call(m, o2, s)))
        return r;
    if ((s = dyad_tc__trie_get(t, "|")) && (r = call(m, o3, s)))
        return r;
    if ((s = dyad_tc__trie_get(t, "*")) && (r = call(m, o4, s)))
        return r;
    return exit ? t->pat : NULL;
}

static const dyad_pattern *reroute1(mctx *m, const trie *t, fn o1)
{
    return reroute(m, t, o1, FN_NOUN, FN_PREP, FN_NOUN, 1);
}

/* Does a word of x name an actor? (Without computing x's meaning: that is
 * memoised, and must wait until the pattern match has marked its words.) */
static int mentions_actor(tctx *c, int x)
{
    const char *w[24];
    int n = dyad_tc__leaves(c, x, w, 0, 24, 0);
    if (n > 24)
        n = 24;
    for (int i = 0; i < n; i++) {
        const char *code = NULL;
        int len = 0;
        if ((dyad_dict_actor_match(c->d, w + i, n - i, c->date, &code, &len) && len > 0) ||
            dyad_tc__plural_actor(c, w[i], &code, &len))
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
    if (c->n[b].kind != K_PP || c->n[b].nk != 2 || strcmp(dyad_tc__first_word(c, b), "OF") ||
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
            const char *prep = c->n[ch].nk ? dyad_tc__first_word(c, ch) : "";
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
            if (obj < 0 || strcmp(dyad_tc__first_word(c, pp), "WITH") || c->n[obj].kind != K_NP)
                continue;
            /* each member of "missiles, conventional arms and advisers" */
            int cc = dyad_tc__has_cc(c, obj) || c->n[obj].nk > 2;
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
        head h = dyad_tc__get_head(c, items[i]);
        const trie *sub = h.text ? dyad_tc__trie_get(t, h.text) : NULL;
        if (!sub)
            continue;
        const dyad_pattern *r = reroute(m, sub, FN_SKIP, FN_SKIP, (fn){F_PREP, items[i]}, FN_SKIP, 0);
        if (!r) {
            fn o1 = c->n[items[i]].kind == K_NP ? (fn){F_PHRASE, c->n[items[i]].head_phrase}
                                                : (fn){F_NULL, -1};
            r = reroute1(m, sub, o1);
        }
        if (r) {
            int lc = dyad_tc__last_child(c, h.phrase);
            if (lc >= 0)
                c->n[lc].color = 1;
            return r;
        }
    }
    const trie *caret = dyad_tc__trie_get(t, "^");
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
        const trie *sub = dyad_tc__trie_get(t, dyad_tc__first_word(c, ch));
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
        const trie *sub = c->n[ch].text[0] ? dyad_tc__trie_get(t, c->n[ch].text) : NULL;
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
    int passive = dyad_tc__check_passive(c, x);
    mctx m = {c, x, passive ? dyad_tc__get_S(c, x) : x};
    if (passive)
        return match_noun(&m, root, x, 1);
    return match_noun(&m, root, dyad_tc__get_S(c, x), 0);
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
            if ((!strcmp(l, "PRT") || !strcmp(l, "ADVP")) && !strcmp(dyad_tc__first_word(c, ch), f->after[a]))
                ok = ++a == f->nafter;
        }
        if (ok)
            return f;
    }
    return plain;
}

/* The words of pattern m besides the verb (for the event's confidence): its
 * word and synonym-set elements, actor slots and brackets left out; at most 100. */
static int pattern_words(const dyad_pattern *m)
{
    int n = 0;
    for (int i = 0; i < m->nupper; i++)
        n += m->upper[i].kind == DYAD_PAT_WORD || m->upper[i].kind == DYAD_PAT_SYNSET;
    for (int i = 0; i < m->nlower; i++)
        n += m->lower[i].kind == DYAD_PAT_WORD || m->lower[i].kind == DYAD_PAT_SYNSET;
    return n < 100 ? n : 100;
}

/* PETRARCH-2's get_code: the verb's code, replaced by a matching pattern's;
 * returns the active PICO code, *pcode the passive one. */
int dyad_tc__get_code(tctx *c, int x, int *pcode)
{
    pnode *p = &c->n[x];
    if (p->m_code) {
        *pcode = p->pcode;
        return p->code;
    }
    p->m_code = 1;
    p->pat_words = -1;
    p->code = p->pcode = 0;
    *pcode = 0;
    for (int k = 0; k < p->nk; k++)
        if (!strcmp(c->n[p->kids[k]].text, "AND"))
            return 0; /* coordinated verb phrases: the parts are coded */
    const char *verb = p->nk && !strcmp(c->n[p->kids[0]].label, "TO") ? "TO" : dyad_tc__get_head(c, x).text;
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
    if (m)
        p->pat_words = (signed char)pattern_words(m);
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
