/* tc_nested.c: nested events and clauses inside noun phrases in the tree
 * coder (see tc_internal.h).
 *
 * The dictionary's transformations and the CAMEO combinations of a reporting,
 * refusing or appealing verb with the event nested under it (and, in dyad's
 * own mode, the act a statement reports as itself); relative, participial
 * and absolutive clauses and the act of an accusation ("accused X of
 * killing Y"), coded with the subject they imply.
 */
#include "code/tc_internal.h"

#include <string.h>

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
        int src_same = !dyad_tc__cl_blank(in->src) && same_list(in->src, e->src);
        if (x->x == 'a' && !src_same)
            continue;
        if (x->x == '_' && !dyad_tc__cl_blank(in->src))
            continue;
        if (x->x != 'a' && x->x != '_' && (dyad_tc__cl_blank(in->src) || src_same))
            rank += 1;
        if (x->x != 'a' && x->x != '_' && dyad_tc__cl_blank(in->src))
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
        tgt = dyad_tc__one(c, in->tstr);
    else if (x->r2 == x->x)
        tgt = in->src;
    else if (x->r2 == 'a')
        tgt = e->src;
    for (int i = 0; i < tgt.n; i++)
        dyad_tc__el_add(c, out, dyad_tc__tuple_h(c, src, TG_STR, tgt.v[i], NULL, code, h, in->vtok));
}

/* dyad's own coding (modality on, one-sided events coded), not the
 * PETRARCH-style one of validation runs. */
static int dyad_own(const tctx *c)
{
    return c->o->modality && !c->o->require_dyad && c->o->one_sided;
}

/* Does the reported event in stand as an event of its own (a code, and a
 * side to code: an actor or, for a one-sided event, its target)? */
static int reportable(const ev *in)
{
    if (in->kind != EV_TUPLE || in->code < 0 || !dyad_pico_to_cameo(in->code))
        return 0;
    if (in->tk == TG_EV)
        return 1;
    return in->tk == TG_STR && (!dyad_tc__cl_blank(in->src) || in->tstr[0]);
}

/* dyad's reporting frames (modality on, one-sided events coded: not the
 * PETRARCH-style validation runs): the act a statement reports is coded as
 * itself. A plain statement (CAMEO 01x: "said", "claimed", "reported") gives
 * only the act ("police said gunmen killed two villagers": the killing, not
 * an accusation by the police); an accusation (11x: "accused", "alleged")
 * keeps its own event and adds the act, whose modality (claimed) the
 * reporting verb gives (dyad_tc__modality). Returns 1 when it handled e. */
static int report_frame(tctx *c, const ev *e, evl *out)
{
    if (!dyad_own(c))
        return 0;
    const ev *in = e->tev;
    if (!in || !reportable(in))
        return 0;
    const char *oc = dyad_pico_to_cameo(e->code);
    if (e->code >= 0x1000 && e->code < 0x2000) {
        dyad_tc__transform(c, in, out);
        return 1;
    }
    if (oc && !strncmp(oc, "11", 2) && in->code >= 0 && in->code < 0x1000) {
        dyad_tc__transform(c, in, out);
        return 0; /* and the accusation itself */
    }
    return 0;
}

void dyad_tc__transform(tctx *c, const ev *e, evl *out)
{
    if (e->kind == EV_TUPLE && e->tk == TG_EV && report_frame(c, e, out))
        return;
    if (e->kind == EV_TUPLE && e->tk == TG_EV) {
        const xform *x = find_xform(c, e);
        if (x) {
            apply_xform(c, e, x, out);
            return;
        }
        const ev *in = e->tev;
        int act = dyad_pico_combine_act(e->code, in->code);
        if (act && !dyad_tc__cl_blank(e->src) && !dyad_tc__cl_blank(in->src) && in->code >= 0x1000) {
            /* "urged China to begin talks": the appeal to China (026) */
            for (int i = 0; i < in->src.n; i++)
                dyad_tc__el_add(c, out, dyad_tc__tuple_h(c, e->src, TG_STR, in->src.v[i], NULL, act, NULL, e->vtok));
            return;
        }
        /* a material action reported by a speaker: speaker -> actor, combined code */
        if (!dyad_tc__cl_blank(e->src) && e->code && !dyad_tc__cl_blank(in->src) && in->code >= 0 &&
            in->code < 0x1000) {
            /* (PETRARCH-2 passes the codes the other way round here, so the
             * nested code was lost: "pressed X to help Y" stayed 020) */
            int code = dyad_tc__combine(e->code, in->code);
            const char *h = dyad_tc__hint(code, in->code, in->cameo, e->code, e->cameo);
            if (!dyad_pico_to_cameo(code) && in->tk == TG_STR && in->tstr[0] &&
                dyad_pico_to_cameo(in->code)) {
                /* "KCNA claimed the US had imposed sanctions on Iran": the
                 * combination has no CAMEO code; the act reported is the event */
                dyad_tc__el_add(c, out, in);
                return;
            }
            for (int i = 0; i < in->src.n; i++)
                /* (the verb is the nested one only when it has a code: not
                 * the auxiliary "had" of "confirmed he had been seized") */
                dyad_tc__el_add(c, out, dyad_tc__tuple_h(c, e->src, TG_STR, in->src.v[i], NULL, code, h,
                                       in->code ? in->vtok : e->vtok));
            return;
        }
    }
    dyad_tc__el_add(c, out, e);
}

/* ---- clauses inside noun phrases ---------------------------------------- */

/* "be", "become", "remain": the verbs that say what their subject is. */
int dyad_tc__is_copula(const char *w)
{
    static const char *const cop[] = {"BECOME", "BECOMES", "BECAME", "BECOMING", "REMAIN",
                                      "REMAINS", "REMAINED", "REMAINING"};
    if (dyad_tc__is_be(w))
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
    clist m = dyad_tc__np_meaning(c, ante);
    if (dyad_tc__has_actor(m))
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
            const char *prep = dyad_tc__first_word(c, par);
            if (strcmp(prep, "AMONG") && strcmp(prep, "OF"))
                return m;
            y = par;
            continue;
        }
        if (q->kind == K_VP && dyad_tc__is_copula(dyad_tc__first_word(c, par))) {
            clist up = dyad_tc__get_upper(c, par);
            return dyad_tc__has_actor(up) ? up : m;
        }
        return m;
    }
    return m;
}

/* Is x a relative clause (or a reduced one) modifying a noun phrase? A clause
 * opened by "that" as a preposition or conjunction ("the claim that...") is a
 * complement, not a relative clause. */
int dyad_tc__is_relative(tctx *c, int x)
{
    pnode *p = &c->n[x];
    if (!strcmp(p->label, "WHNP")) { /* the parser's (WHNP that (SBAR (S ...))) */
        for (int k = 0; k < p->nk; k++)
            if (!strcmp(c->n[p->kids[k]].label, "SBAR"))
                return dyad_tc__is_relative(c, p->kids[k]);
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
int dyad_tc__rel_clause(tctx *c, int x)
{
    if (!strcmp(c->n[x].label, "S"))
        return x;
    if (!strcmp(c->n[x].label, "WHNP")) {
        for (int k = 0; k < c->n[x].nk; k++)
            if (!strcmp(c->n[c->n[x].kids[k]].label, "SBAR"))
                return dyad_tc__rel_clause(c, c->n[x].kids[k]);
        return -1;
    }
    for (int k = 0; k < c->n[x].nk; k++)
        if (!strcmp(c->n[c->n[x].kids[k]].label, "S"))
            return c->n[x].kids[k];
    return -1;
}

int dyad_tc__has_np_kid(tctx *c, int x)
{
    for (int k = 0; k < c->n[x].nk; k++)
        if (c->n[c->n[x].kids[k]].kind == K_NP)
            return 1;
    return 0;
}

static int absolutive(tctx *c, int x, int *subj);

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

/* Verbs whose "of"/"for" phrase tells what their object is said to have done
 * ("accused Israel of killing", "blamed the rebels for attacking"). */
static int accusing_verb(const char *w)
{
    static const char *const stems[] = {"ACCUS", "BLAM", "CHARG", "SUSPECT", "CONVICT", "INDICT"};
    for (size_t i = 0; i < sizeof stems / sizeof *stems; i++)
        if (!strncmp(w, stems[i], strlen(stems[i])))
            return 1;
    return 0;
}

/* The act an accusation reports (dyad's own coding): "accused (NP Israel)
 * (PP of (S (VP killing ...)))" or "accused (NP (NP Israel) (PP of (S (VP
 * killing ...))))": pp is the "of" phrase; returns its clause (no subject of
 * its own, a participle) and *subj the object accused, or -1. */
static int accused_act(tctx *c, int pp, int *subj)
{
    pnode *p = &c->n[pp];
    *subj = -1;
    if (!dyad_own(c) || p->kind != K_PP || p->nk != 2 || p->parent < 0)
        return -1;
    const char *prep = dyad_tc__first_word(c, pp);
    if (strcmp(prep, "OF") && strcmp(prep, "FOR"))
        return -1;
    int s = p->kids[1];
    if (strcmp(c->n[s].label, "S") || !c->n[s].nk || dyad_tc__has_np_kid(c, s))
        return -1;
    int vp = c->n[s].kids[0];
    if (c->n[vp].kind != K_VP || !c->n[vp].nk || strcmp(c->n[c->n[vp].kids[0]].label, "VBG"))
        return -1;
    int par = p->parent, verb_phrase = par, obj = -1;
    if (c->n[par].kind == K_NP) {
        verb_phrase = c->n[par].parent;
        for (int k = 0; k < p->index && obj < 0; k++)
            if (c->n[c->n[par].kids[k]].kind == K_NP)
                obj = c->n[par].kids[k];
    } else {
        for (int k = 0; k < p->index; k++)
            if (c->n[c->n[par].kids[k]].kind == K_NP)
                obj = c->n[par].kids[k];
    }
    if (obj < 0 || verb_phrase < 0 || c->n[verb_phrase].kind != K_VP ||
        !accusing_verb(dyad_tc__first_word(c, verb_phrase)))
        return -1;
    *subj = obj;
    return s;
}

/* Events of the relative clauses inside noun phrases, which the clause walk
 * (PETRARCH-2's) never reaches: "the sanctions Washington imposed on Iran"
 * (USA IRN 163); "countries that have provided support to Russia" with the
 * antecedent as subject. The parser sometimes puts the clause under its WHNP. */
void dyad_tc__relative_clauses(tctx *c, int x, dyad_coded_list *out, int depth)
{
    pnode *p = &c->n[x];
    if (depth > 200 || c->err)
        return;
    for (int k = 0; k < p->nk; k++)
        dyad_tc__relative_clauses(c, p->kids[k], out, depth + 1);
    int subj, act = accused_act(c, x, &subj);
    if (act >= 0) {
        /* the act an accusation reports, with the accused as its subject
         * (its modality, claimed, from dyad_tc__modality) */
        evl m = dyad_tc__phrase_meaning(c, act);
        for (int i = 0; i < m.n && !c->err; i++)
            if (dyad_tc__collect(c, out, m.v[i]))
                c->err = DYAD_ENOMEM;
        return;
    }
    int abs = absolutive(c, x, &subj);
    if (abs >= 0 && c->n[abs].parent == x) {
        /* the clause inside "with": the clause walk does not enter phrases */
        evl m = dyad_tc__phrase_meaning(c, abs);
        c->strict = 1;
        for (int i = 0; i < m.n && !c->err; i++)
            if (dyad_tc__collect(c, out, m.v[i]))
                c->err = DYAD_ENOMEM;
        c->strict = 0;
        return;
    }
    if (p->kind != K_NP)
        return;
    for (int k = 0; k < p->nk; k++) {
        int rel = p->kids[k];
        if (c->n[rel].kind == K_VP && c->n[rel].nk && !strcmp(c->n[c->n[rel].kids[0]].label, "VBG") &&
            dyad_tc__has_np_kid(c, rel)) {
            /* a participle after a noun, with its object: "Russian forces
             * shelling Kharkiv" (not "Israeli tank shelling in Gaza", a noun) */
            evl m = dyad_tc__vp_meaning(c, rel);
            c->strict = 1;
            for (int i = 0; i < m.n && !c->err; i++)
                if (dyad_tc__collect(c, out, m.v[i]))
                    c->err = DYAD_ENOMEM;
            c->strict = 0;
            continue;
        }
        if (!strcmp(c->n[rel].label, "WHNP")) {
            for (int j = 0; j < c->n[rel].nk; j++)
                if (!strcmp(c->n[c->n[rel].kids[j]].label, "SBAR"))
                    rel = c->n[rel].kids[j];
        }
        if (!dyad_tc__is_relative(c, rel))
            continue;
        int s = dyad_tc__rel_clause(c, rel);
        if (s < 0)
            continue;
        int vp = -1;
        for (int j = 0; j < c->n[s].nk; j++)
            if (c->n[c->n[s].kids[j]].kind == K_VP)
                vp = c->n[s].kids[j];
        if (vp < 0)
            continue;
        if (!dyad_tc__has_np_kid(c, s) && !c->n[vp].m_vp) {
            c->n[s].isubj = antecedent(c, x, p->kids[k]);
            c->n[s].has_isubj = 1;
        } else if (dyad_tc__has_np_kid(c, s) && !has_wh(c, rel) && !has_gap(c, vp)) {
            continue; /* "reports (Iran attacked Israel)": a claim, not a relative */
        }
        evl m = dyad_tc__phrase_meaning(c, s);
        c->strict = 1; /* a clause about a "group" is description, not news */
        for (int i = 0; i < m.n && !c->err; i++)
            if (dyad_tc__collect(c, out, m.v[i]))
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
    if (p->kind != K_PP || p->nk != 2 || strcmp(dyad_tc__first_word(c, x), "WITH"))
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
    if (strcmp(c->n[s].label, "S") || !c->n[s].nk || dyad_tc__has_np_kid(c, s))
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
    int s = dyad_tc__rel_clause(c, rel);
    if (s < 0 || !dyad_tc__has_np_kid(c, s))
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
void dyad_tc__mark_absolutives(tctx *c, int x, int depth)
{
    if (depth > 200)
        return;
    for (int k = 0; k < c->n[x].nk; k++)
        dyad_tc__mark_absolutives(c, c->n[x].kids[k], depth + 1);
    if (c->n[x].kind == K_NP)
        for (int k = 0; k < c->n[x].nk; k++)
            if (dyad_tc__is_relative(c, c->n[x].kids[k]))
                mark_gap(c, x, c->n[x].kids[k]);
    int subj, s = accused_act(c, x, &subj);
    if (s >= 0) {
        c->n[s].isubj_np = subj; /* "accused Israel of killing ...": Israel */
        c->n[s].has_isubj = 1;
        return;
    }
    s = absolutive(c, x, &subj);
    if (s >= 0 && c->n[s].parent != x) {
        c->n[s].isubj_np = subj; /* (its meaning when asked: after the patterns) */
        c->n[s].has_isubj = 1;
    }
}
