/* tc_vp.c: the meaning of verb phrases in the tree coder (see tc_internal.h).
 *
 * Passives and the clause whose subject a verb phrase takes, its subject
 * (get_upper) and objects (get_lower), and its events: source, target (codes
 * or a nested event) and PICO code, with raising verbs, "to" clauses and
 * adverbial clauses.
 */
#include "code/tc_internal.h"

#include <stdlib.h>
#include <string.h>

/* ---- verb phrases: structure ----------------------------------------------- */

static int dyad_own_mode(const tctx *c);

const char *dyad_tc__first_word(tctx *c, int x)
{
    return c->n[x].nk ? c->n[c->n[x].kids[0]].text : "";
}

int dyad_tc__is_be(const char *w)
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
        "DENOUNCED", "REBUKED", "SUMMONED", "ACQUITTED", "PARDONED", "HANGED", "TORTURED",
        "KILLED", "MURDERED", "SLAIN", "AMBUSHED", "STABBED", "LYNCHED", "MASSACRED"};
    for (size_t i = 0; i < sizeof v / sizeof *v; i++)
        if (!strcmp(w, v[i]))
            return 1;
    return 0;
}

/* "were killed or wounded", "was captured and tortured": verb phrase x (a
 * participle) is a conjunct after a passive verb phrase "be + participle" of
 * the same coordination, and shares its "be". */
static int coordinated_passive(tctx *c, int x)
{
    int par = c->n[x].parent, cc = 0;
    if (par < 0 || c->n[par].kind != K_VP)
        return 0;
    for (int k = c->n[x].index - 1; k >= 0; k--) {
        int sib = c->n[par].kids[k];
        if (!strcmp(c->n[sib].label, "CC") || !strcmp(c->n[sib].label, ","))
            cc = 1;
        if (c->n[sib].kind != K_VP || !cc)
            continue;
        if (!dyad_tc__is_be(dyad_tc__first_word(c, sib)))
            return 0;
        for (int j = 0; j < c->n[sib].nk; j++) {
            int v = c->n[sib].kids[j];
            if (c->n[v].kind == K_VP && c->n[v].nk &&
                !strcmp(c->n[c->n[v].kids[0]].label, "VBN"))
                return 1;
        }
        return 0;
    }
    return 0;
}

/* Past participle under a form of "be" (or a reduced relative in a noun phrase). */
int dyad_tc__check_passive(tctx *c, int x)
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
        if (c->n[level].kind == K_VP && dyad_tc__is_be(dyad_tc__first_word(c, level)))
            return p->passive = 1;
        level = c->n[level].parent;
    }
    if (dyad_own_mode(c) && coordinated_passive(c, x))
        return p->passive = 1;
    /* a headline passive without "be": "Journalist kidnapped by militants" (a
     * participle with no object before an agent "by" phrase) */
    for (int k = 1; k < p->nk; k++) {
        int ch = p->kids[k];
        if (!strcmp(c->n[ch].label, "ADVP") || !strncmp(c->n[ch].label, "RB", 2))
            continue; /* "kidnapped (purportedly) by" */
        if (c->n[ch].kind != K_PP || strcmp(dyad_tc__first_word(c, ch), "BY"))
            break; /* (the "by" phrase must come first: not "called for X by Y") */
        int obj = by_object(c, x, k);
        return p->passive = obj >= 0 && dyad_tc__np_meaning(c, obj).n > 0;
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
int dyad_tc__get_S(tctx *c, int x)
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

/* Is verb phrase x a coordination of verb phrases ("(VP (VP opened fire)
 * and (VP killed three soldiers))")? */
static int vp_conjunct(tctx *c, int x)
{
    int cc = 0, vps = 0;
    for (int k = 0; k < c->n[x].nk; k++) {
        int ch = c->n[x].kids[k];
        cc |= !strcmp(c->n[ch].label, "CC");
        vps += c->n[ch].kind == K_VP;
    }
    return cc && vps >= 2;
}

/* The subject: the noun phrase before this verb phrase, nearest first ("The
 * following day, North Korean media condemned": a fronted time phrase is not
 * the subject), else PETRARCH-2's first noun phrase beside it; a clause
 * without one takes its implied subject (relative clauses). */
clist dyad_tc__get_upper(tctx *c, int x)
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
        clist m = dyad_tc__np_meaning(c, ch);
        if (c->n[ch].tgt_pp || c->n[ch].place_only)
            return p->upper; /* the subject names only what was acted on, or
                              * where it happened ("car bombings in Baghdad") */
        if (!m.n || (m.n == 1 && !strcmp(m.v[0], "~")))
            continue;
        int prev = k > 0 ? pp->kids[k - 1] : -1;
        if (!dyad_tc__has_actor(m) && prev >= 0 && c->n[prev].kind == K_NP) {
            /* "(NP US) (NP troops)": the parser split one noun phrase */
            clist pm = dyad_tc__np_meaning(c, prev), act = {0}, agt = {0};
            dyad_tc__split_codes(pm, &act, &agt, c);
            if (act.n) {
                dyad_tc__split_codes(m, &agt, &agt, c);
                m = dyad_tc__mix_codes(c, agt, act);
            }
        }
        /* "(S (NP the army) (CC and) (NP rebels) (VP clashed))": the parser
         * left the compound subject flat; each conjunct is a source */
        for (int j = k - 1; dyad_own_mode(c) && j >= 1; j -= 2) {
            int cc = pp->kids[j], np = pp->kids[j - 1];
            if ((strcmp(c->n[cc].label, "CC") && strcmp(c->n[cc].label, ",")) ||
                c->n[np].kind != K_NP)
                break;
            clist mm = dyad_tc__np_meaning(c, np);
            if (dyad_tc__cl_blank(mm))
                break;
            clist both = {0};
            dyad_tc__cl_cat(c, &both, mm);
            dyad_tc__cl_cat(c, &both, m);
            m = both;
        }
        p->upper = m;
        return m;
    }
    if (dyad_own_mode(c) && p->kind == K_VP && pp->kind == K_VP && vp_conjunct(c, par))
        return p->upper; /* a conjunct: the subject of the coordination, when it
                          * resolves this one's events (not a noun phrase the
                          * parser hung beside it) */
    for (int k = 0; k < pp->nk; k++) {
        int ch = pp->kids[k];
        if (c->n[ch].kind != K_NP)
            continue;
        clist m = dyad_tc__np_meaning(c, ch);
        if (m.n == 1 && !strcmp(m.v[0], "~"))
            continue;
        p->upper = m;
        return m;
    }
    if (pp->has_isubj) {
        p->upper = pp->isubj_np >= 0 ? dyad_tc__np_meaning(c, pp->isubj_np) : pp->isubj;
    } else if (!strcmp(pp->label, "S") && p->index == 0 && p->nk &&
               !strcmp(c->n[p->kids[0]].label, "TO") && pp->parent >= 0 &&
               !strcmp(c->n[pp->parent].label, "S")) {
        /* a headline "(S (NP Iraq PM) (S (VP to address Congress)))": the
         * subject of the clause around the "to" clause */
        p->upper = dyad_tc__get_upper(c, par);
    }
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
    head h = dyad_tc__get_head(c, par);
    const char *hw = h.text ? h.text : "", *fw = dyad_tc__first_word(c, par);
    static const char *const helping[] = {"HAVE", "HAD", "HAVING", "HAS"};
    for (int i = 0; i < 4; i++)
        if (!strcmp(hw, helping[i]) || !strcmp(fw, helping[i]))
            return 1;
    int nvp = 0;
    for (int k = 0; k < c->n[par].nk; k++)
        nvp += c->n[c->n[par].kids[k]].kind == K_VP;
    if (nvp > 1 || dyad_tc__check_passive(c, x))
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
int dyad_tc__head_is_agent(tctx *c, int x)
{
    head h = dyad_tc__get_head(c, x);
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
        evl m = dyad_tc__vp_meaning(c, ch);
        for (int i = 0; i < m.n; i++)
            dyad_tc__el_add(c, &events, m.v[i]);
    }
    p->neg = any && p->nk > 1 && !strcmp(c->n[p->kids[1]].text, "NOT");
    if (p->neg) {
        for (int i = 0; i < events.n; i++) {
            /* (negating a verb without a code says nothing: no 120) */
            if (events.v[i]->kind != EV_TUPLE || events.v[i]->code <= 0)
                continue;
            ev *e = dyad_tc__ev_new(c);
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
        if (c->n[ch].kind == K_NP && (dyad_tc__np_meaning(c, ch), c->n[ch].place_only)) {
            dyad_tc__cl_cat(c, &place, dyad_tc__np_meaning(c, ch));
        } else if (c->n[ch].kind == K_NP) {
            clist m = dyad_tc__np_meaning(c, ch);
            /* agents only, from a modifier ("military support"): they describe
             * the thing given, not an actor of a phrase beside it */
            if (m.n && !dyad_tc__has_actor(m) && is_flat(c, ch) && !dyad_tc__head_is_agent(c, ch))
                dyad_tc__cl_cat(c, &modag, m);
            else
                dyad_tc__cl_cat(c, &np, m);
        } else if (c->n[ch].kind == K_PP && dyad_tc__attribution_pp(c, ch)) {
            continue;
        } else if (c->n[ch].kind == K_PP) {
            const char *w = dyad_tc__first_word(c, ch);
            int at = !strcmp(w, "AT") || !strcmp(w, "OFF") || !strcmp(w, "ALONG");
            clist m = dyad_tc__pp_meaning(c, ch);
            int obj = c->n[ch].nk >= 2 ? c->n[ch].kids[1] : -1;
            int plc = (dyad_tc__is_place_prep(w) && !at) || (obj >= 0 && c->n[obj].place_only);
            dyad_tc__cl_cat(c, plc ? &place : is_adjunct_prep(w) ? &adj : &pp, m);
        } else if (!strcmp(c->n[ch].label, "S")) {
            /* a small clause without a verb ("helped (S two dissidents from
             * Egypt)"): its noun phrases are objects of this verb */
            int has_vp = 0;
            for (int j = 0; j < c->n[ch].nk; j++)
                has_vp |= c->n[c->n[ch].kids[j]].kind == K_VP;
            for (int j = 0; !has_vp && j < c->n[ch].nk; j++)
                if (c->n[c->n[ch].kids[j]].kind == K_NP)
                    dyad_tc__cl_cat(c, &np, dyad_tc__np_meaning(c, c->n[ch].kids[j]));
        }
    }
    clist na = {0}, ng = {0}, pa = {0}, pg = {0};
    /* actors in phrases of time, cause and place ("in retaliation for the
     * attack on the Iranian embassy in Syria") are targets only when no object
     * or phrase of direction names one */
    if (!dyad_tc__has_actor(np) && !dyad_tc__has_actor(pp))
        dyad_tc__cl_cat(c, &pp, adj);
    if (!dyad_tc__has_actor(np) && !dyad_tc__has_actor(pp) && place_is_target(c, x))
        dyad_tc__cl_cat(c, &pp, place);
    if (!dyad_tc__has_actor(pp))
        dyad_tc__cl_cat(c, &np, modag);
    dyad_tc__split_codes(np, &na, &ng, c);
    dyad_tc__split_codes(pp, &pa, &pg, c);
    p->low_codes = dyad_tc__mix_codes(c, ng.n ? ng : pg, na.n ? na : pa);
}

/* ---- verb phrases: meaning -------------------------------------------------- */

ev *dyad_tc__tuple_h(tctx *c, clist src, int tk, const char *tstr, const ev *tev, int code,
                   const char *cameo, int vtok)
{
    ev *e = dyad_tc__ev_new(c);
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
const char *dyad_tc__hint(int code, int a, const char *ca, int b, const char *cb)
{
    if (ca && code == a)
        return ca;
    if (cb && code == b)
        return cb;
    return NULL;
}

#define tuple(c, src, tk, tstr, tev, code, vtok) dyad_tc__tuple_h(c, src, tk, tstr, tev, code, NULL, vtok)

clist dyad_tc__one(tctx *c, const char *s)
{
    clist l = {0};
    dyad_tc__cl_add(c, &l, s);
    return l;
}

/* dyad's own coding (modality on, one-sided events coded), not the
 * PETRARCH-style one of validation runs. */
static int dyad_own_mode(const tctx *c)
{
    return c->o->modality && !c->o->require_dyad && c->o->one_sided;
}

typedef struct vstate {
    clist up;
    int c, passive, vtok;
    const char *cameo;
} vstate;

/* An upper verb's code with a nested one: appeals, intentions and refusals
 * the CAMEO way (dyad_pico_combine_act), else PETRARCH-2's rule. */
int dyad_tc__combine(int upper, int lower)
{
    int v = dyad_pico_combine_act(upper, lower);
    return v ? v : dyad_pico_combine(upper, lower);
}

/* Is the verb at token vtok in a "to" clause without a subject of its own
 * ("claimed to have killed": the speaker's own act, not an agentless one)? */
static int in_to_clause(tctx *c, int vtok)
{
    int x = -1;
    for (int i = 0; vtok >= 0 && i < c->nn && x < 0; i++)
        if (c->n[i].tok == vtok && !c->n[i].nk)
            x = i;
    for (int d = 0; x >= 0 && d < 64; d++, x = c->n[x].parent) {
        const pnode *p = &c->n[x];
        if (p->kind == K_VP && p->nk && !strcmp(c->n[p->kids[0]].label, "TO"))
            return 1;
        if (!strcmp(p->label, "S") && dyad_tc__has_np_kid(c, x))
            return 0;
    }
    return 0;
}

/* In dyad's own coding, is e an act without an agent ("seven people were
 * killed", "the convoy was attacked by rebels", "the blast killed 20") that a
 * plain statement (01x: "police said ...") reports? It is the act itself:
 * PETRARCH-2's combination would make the speaker its source and the code a
 * claim of responsibility. */
static int reported_agentless(tctx *c, const vstate *v, const ev *e)
{
    if (!dyad_own_mode(c))
        return 0;
    if (v->c < 0x1000 || v->c >= 0x2000 || e->kind != EV_TUPLE || e->code <= 0 ||
        e->code >= 0x1000 || !dyad_pico_to_cameo(e->code))
        return 0;
    if (e->tk == TG_PASSIVE)
        return 1;
    return e->tk == TG_STR && e->tstr[0] && dyad_tc__cl_blank(e->src) && !in_to_clause(c, e->vtok);
}

/* In dyad's own coding, is e a passive with no agent whose own clause has a
 * subject that names no actor ("the office believes Hassan had been
 * murdered")? The upper verb's subject is not its target: PETRARCH-2's rule
 * for "X continued to be attacked" holds only when the passive's clause has
 * no subject of its own. */
static int passive_own_subject(tctx *c, const vstate *v, const ev *e)
{
    if (!dyad_own_mode(c) || e->kind != EV_TUPLE || e->tk != TG_PASSIVE)
        return 0;
    int x = -1;
    for (int i = 0; e->vtok >= 0 && i < c->nn && x < 0; i++)
        if (c->n[i].tok == e->vtok && !c->n[i].nk)
            x = i;
    for (int d = 0; x >= 0 && d < 64; d++, x = c->n[x].parent) {
        const pnode *p = &c->n[x];
        for (int k = 0; p->kind == K_VP && k < p->nk; k++)
            if (v->vtok >= 0 && c->n[p->kids[k]].tok == v->vtok && !c->n[p->kids[k]].nk)
                return 0; /* the upper verb's own phrase: no clause between */
        if (!strcmp(p->label, "S") && dyad_tc__has_np_kid(c, x))
            return 1;
    }
    return 0;
}

/* In dyad's own coding, is e an event of the same subject that a verb phrase
 * without a code of its own only holds ("(VP (VP detonated explosives) and
 * (VP blew herself up))")? It stays as it is: nesting it under a verb with no
 * meaning would lose it. */
static int own_subject_event(tctx *c, const vstate *v, const ev *e)
{
    if (!dyad_own_mode(c) || v->c || e->kind != EV_TUPLE || e->tk == TG_PASSIVE ||
        e->src.n != v->up.n || dyad_tc__cl_blank(e->src))
        return 0;
    for (int i = 0; i < e->src.n; i++)
        if (strcmp(e->src.v[i], v->up.v[i]))
            return 0;
    return 1;
}

/* In dyad's own coding, is e the act of a "to" clause under a plain
 * statement (01x) of the same subject: "X claimed to have shot down a jet"?
 * The act is X's (its modality from the statement); PETRARCH-2 would make it
 * a claim of responsibility (015), which has no PLOVER category. */
static int claimed_own_act(tctx *c, const vstate *v, const ev *e)
{
    return dyad_own_mode(c) && v->c >= 0x1000 && v->c < 0x2000 && !dyad_tc__cl_blank(v->up) &&
           e->kind == EV_TUPLE && e->tk == TG_STR && dyad_tc__cl_blank(e->src) && e->code > 0 &&
           e->code < 0x1000 && dyad_pico_to_cameo(e->code) && in_to_clause(c, e->vtok);
}

/* PETRARCH-2's resolve_events: attach this verb's subject and code to an event
 * (or code) coming from below. */
static void resolve_event(tctx *c, const vstate *v, const ev *e, evl *out)
{
    if ((!v->up.n && !v->c) || reported_agentless(c, v, e) || own_subject_event(c, v, e) ||
        passive_own_subject(c, v, e)) {
        dyad_tc__el_add(c, out, e);
        return;
    }
    if (claimed_own_act(c, v, e)) {
        /* "X claimed to have shot down a jet": X's act, as X claims it */
        dyad_tc__el_add(c, out, dyad_tc__tuple_h(c, v->up, TG_STR, e->tstr, NULL, e->code, e->cameo, e->vtok));
        return;
    }
    if (e->kind != EV_TUPLE) {
        const char *second = e->kind == EV_STR ? e->str : (e->list.n ? e->list.v[0] : "");
        if (v->passive)
            for (int i = 0; i < v->up.n; i++)
                dyad_tc__el_add(c, out, tuple(c, dyad_tc__one(c, second), TG_STR, v->up.v[i], NULL, v->passive, v->vtok));
        dyad_tc__el_add(c, out, dyad_tc__tuple_h(c, v->up, TG_STR, second, NULL, v->c, v->cameo, v->vtok));
        return;
    }
    if (e->tk == TG_PASSIVE) {
        int code = dyad_tc__combine(v->c, e->code);
        const char *h = dyad_tc__hint(code, e->code, e->cameo, v->c, v->cameo);
        if (v->up.n) {
            for (int i = 0; i < v->up.n; i++)
                dyad_tc__el_add(c, out, dyad_tc__tuple_h(c, e->src, TG_STR, v->up.v[i], NULL, code, h, e->vtok));
            return;
        }
        dyad_tc__el_add(c, out, dyad_tc__tuple_h(c, e->src, TG_PASSIVE, NULL, NULL, code, h, e->vtok));
        return;
    }
    if (!dyad_tc__cl_blank(e->src)) {
        dyad_tc__el_add(c, out, dyad_tc__tuple_h(c, v->up, TG_EV, NULL, e, v->c, v->cameo, v->vtok));
        return;
    }
    int code = dyad_tc__combine(v->c, e->code);
    dyad_tc__el_add(c, out, dyad_tc__tuple_h(c, v->up, e->tk, e->tstr, e->tev, code,
                           dyad_tc__hint(code, e->code, e->cameo, v->c, v->cameo), e->vtok));
}

static int verb_tok(tctx *c, int x)
{
    head h = dyad_tc__get_head(c, x);
    (void)h;
    for (int k = 0; k < c->n[x].nk; k++)
        if (c->n[c->n[x].kids[k]].tok >= 0 && !strncmp(c->n[c->n[x].kids[k]].label, "VB", 2))
            return c->n[c->n[x].kids[k]].tok;
    return -1;
}

/* "in South Korea": a phrase whose noun is itself a name (a place), not "in
 * an Israeli air strike" (the strike's actor made it). */
static int names_place(tctx *c, int pp)
{
    if (c->n[pp].nk < 2)
        return 0;
    head h = dyad_tc__get_head(c, c->n[pp].kids[1]);
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
    dyad_tc__cl_cat(c, &tgt, v->up);
    for (int k = 0; k < p->nk; k++) {
        int ch = p->kids[k];
        if (c->n[ch].kind != K_PP || !c->n[ch].nk)
            continue;
        const char *prep = dyad_tc__first_word(c, ch);
        if ((!strcmp(prep, "BY") || !strcmp(prep, "FROM")) && c->n[ch].nk == 1) {
            int obj = by_object(c, x, k);
            if (obj >= 0)
                dyad_tc__cl_cat(c, &src, dyad_tc__np_meaning(c, obj));
        } else if (!strcmp(prep, "BY") || !strcmp(prep, "FROM") ||
                   (!strcmp(prep, "IN") && (!names_place(c, ch) || violent(c, x))))
            dyad_tc__cl_cat(c, &src, dyad_tc__pp_meaning(c, ch));
        else if (!strcmp(prep, "AT") || !strcmp(prep, "AGAINST") || !strcmp(prep, "INTO") ||
                 !strcmp(prep, "TOWARDS"))
            dyad_tc__cl_cat(c, &tgt, dyad_tc__pp_meaning(c, ch));
    }
    if (!src.n && !v->c)
        return 0;
    int code = dyad_tc__check_passive(c, x) ? v->c : pcode;
    const char *h = code == v->c ? v->cameo : NULL;
    if (tgt.n)
        dyad_tc__el_add(c, out, dyad_tc__tuple_h(c, src, TG_STR, tgt.v[0], NULL, code, h, v->vtok));
    else
        dyad_tc__el_add(c, out, dyad_tc__tuple_h(c, src, TG_PASSIVE, NULL, NULL, code, h, v->vtok));
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
    head h = dyad_tc__get_head(c, x);
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
    if (!ok || strcmp(c->n[s].label, "S") || !dyad_tc__has_np_kid(c, s))
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
    if (strcmp(c->n[s].label, "S") || dyad_tc__has_np_kid(c, s) || !c->n[s].nk)
        return 0;
    int v = c->n[s].kids[0];
    return c->n[v].kind == K_VP && c->n[v].nk && !strcmp(c->n[c->n[v].kids[0]].label, "TO");
}

static int to_clause(tctx *c, int s);
static int purpose_code(int v);

/* "went on strike to oppose the bill", "attacked the town to free the
 * hostages": kid k of verb phrase x is a "to" clause of an act that takes
 * none as its object (PICO code v: protest, force, coercion, violence), so
 * it says what the act was for. Both are events of the verb's subject. */
static int purpose_clause(tctx *c, int x, int k, int v)
{
    return purpose_code(v) && to_clause(c, c->n[x].kids[k]);
}

/* ", killing three people": kid k of verb phrase x is a participle clause
 * set off by a comma, without a subject of its own. Its act is a second event
 * of the verb's subject ("Gunmen stormed the village, killing the district
 * head"), not an object of the verb to combine with. */
static int participle_adjunct(tctx *c, int x, int k)
{
    int s = c->n[x].kids[k];
    if (k == 0 || strcmp(c->n[c->n[x].kids[k - 1]].label, ",") || strcmp(c->n[s].label, "S") ||
        !c->n[s].nk || dyad_tc__has_np_kid(c, s))
        return 0;
    int v = c->n[s].kids[0];
    return c->n[v].kind == K_VP && c->n[v].nk && !strcmp(c->n[c->n[v].kids[0]].label, "VBG");
}

/* Is PICO code v one of violence (18x-20x)? */
static int violent_code(int v)
{
    const char *cm = v > 0 ? dyad_pico_to_cameo(v) : NULL;
    return cm && (!strncmp(cm, "18", 2) || !strncmp(cm, "19", 2) || !strncmp(cm, "20", 2));
}

/* Verbs of accidents and disasters ("the plane crashed, killing 53"), whatever
 * their subject names ("a China Eastern Airlines plane"). */
static int accident_verb(const char *w)
{
    static const char *const stems[] = {"CRASH", "COLLAPS", "CAPSIZ", "SANK", "SINK", "SUNK",
                                        "DERAIL", "SHOOK", "SHAK", "SWEPT", "SWEEP", "FLOOD"};
    for (size_t i = 0; i < sizeof stems / sizeof *stems; i++)
        if (!strncmp(w, stems[i], strlen(stems[i])))
            return 1;
    return 0;
}

/* The events of the participle and purpose clauses of verb phrase x, with the
 * verb's subject (its own code is not combined with theirs). A killing after a verb
 * that is no act of violence, whose subject names no actor ("the plane
 * crashed, killing 53", "an earthquake shook the island, killing six"), is an
 * accident, not an event. (A verb phrase the parser left without a subject
 * keeps it: "..., another bomb went off, killing three".) */
static void adjunct_events(tctx *c, int x, const vstate *v, evl *out)
{
    vstate pv = *v;
    pv.c = 0;
    pv.cameo = NULL;
    pv.passive = 0;
    int S = dyad_tc__get_S(c, x);
    int agentless = !violent_code(v->c) &&
                    ((dyad_tc__cl_blank(v->up) && S >= 0 && dyad_tc__has_np_kid(c, S)) ||
                     accident_verb(dyad_tc__first_word(c, x)));
    for (int k = 0; k < c->n[x].nk; k++) {
        if (!participle_adjunct(c, x, k) && !purpose_clause(c, x, k, v->c))
            continue;
        evl sm = dyad_tc__phrase_meaning(c, c->n[x].kids[k]);
        for (int i = 0; i < sm.n; i++) {
            const ev *e = sm.v[i];
            if (e->kind != EV_TUPLE || (!e->code && e->tk != TG_EV))
                continue;
            if (agentless && dyad_tc__cl_blank(e->src) && violent_code(e->code))
                continue;
            resolve_event(c, &pv, e, out);
        }
    }
}

/* Does PICO code v name an act (protest, force, reduced relations, coercion,
 * violence: 14x-20x) whose "to" clause says what it was for, not what it is? */
static int purpose_code(int v)
{
    const char *cm = v > 0 ? dyad_pico_to_cameo(v) : NULL;
    return cm && strncmp(cm, "14", 2) >= 0 && strncmp(cm, "20", 2) <= 0 && cm[0] != '0';
}

/* "unlikely / unable / unwilling to": the adjective denies the clause. */
static int negative_adj(tctx *c, int adjp)
{
    static const char *const neg[] = {"UNLIKELY", "UNABLE", "UNWILLING", "RELUCTANT", "LOATH",
                                      "HESITANT", "UNPREPARED", "UNREADY"};
    const char *w = dyad_tc__first_word(c, adjp);
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
            return dyad_tc__is_copula(dyad_tc__first_word(c, c->n[v].kids[k]));
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
    if (!dyad_tc__check_passive(c, x) || p->parent < 0 || c->n[p->parent].kind != K_VP)
        return 0; /* (a participle in a noun phrase is not a raising verb) */
    int inf = 0;
    for (int k = 0; k < p->nk; k++) {
        int ch = p->kids[k];
        if (c->n[ch].kind == K_PP && !strcmp(dyad_tc__first_word(c, ch), "BY"))
            return 0;
        if (!strcmp(c->n[ch].label, "S") && c->n[ch].nk) {
            int v = c->n[ch].kids[0];
            if (c->n[v].kind == K_VP && c->n[v].nk && !strcmp(c->n[c->n[v].kids[0]].label, "TO"))
                inf = 1;
        }
    }
    return inf;
}

evl dyad_tc__vp_meaning(tctx *c, int x)
{
    pnode *p = &c->n[x];
    if (p->m_vp || c->err || c->steps++ > STEP_CAP)
        return p->vp;
    p->m_vp = 1;
    dyad_tc__get_S(c, x);
    int pcode = 0;
    vstate v = {.c = dyad_tc__get_code(c, x, &pcode), .vtok = verb_tok(c, x)};
    v.cameo = p->cameo;
    v.passive = pcode;
    v.up = dyad_tc__get_upper(c, x);
    evl events = {0};
    if (raising(c, x, v.c ? v.c : pcode)) {
        /* "X is believed / expected / said to have done": what X did is the
         * event; the belief is nobody's act */
        v.c = 0;
        v.cameo = NULL;
        v.passive = 0;
    } else if (dyad_tc__check_passive(c, x) || (pcode && !v.c)) {
        if (passive_meaning(c, x, &v, pcode, &events)) {
            p->vp = events;
            return p->vp;
        }
    }
    if (dyad_tc__cl_blank(v.up))
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
        if (dyad_own_mode(c) && participle_adjunct(c, x, k)) {
            continue; /* (adjunct_events) */
        } else if (dyad_own_mode(c) && purpose_clause(c, x, k, v.c)) {
            continue; /* (adjunct_events) */
        } else if (!strcmp(l, "S") || !strcmp(l, "SBAR")) {
            s_options++;
            if (nclauses < 16)
                clauses[nclauses++] = ch;
        } else if (!strcmp(l, "ADJP") && dyad_tc__is_copula(dyad_tc__first_word(c, x)) && !negative_adj(c, ch)) {
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
            ev *e = dyad_tc__ev_new(c);
            if (!e)
                break;
            e->kind = EV_STR;
            e->str = p->low_codes.v[i];
            resolve_event(c, &v, e, &events);
        }
    } else if (!s_options && (v.up.n || v.c)) {
        dyad_tc__el_add(c, &events, dyad_tc__tuple_h(c, v.up, TG_STR, "", NULL, v.c, v.cameo, v.vtok));
    }
    if (!events.n) {
        for (int k = 0; k < nclauses; k++) {
            evl sm = dyad_tc__phrase_meaning(c, clauses[k]);
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
                      e->code || !dyad_tc__cl_blank(e->src)))
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
            evl sm = dyad_tc__phrase_meaning(c, s);
            for (int i = 0; i < sm.n; i++)
                if (sm.v[i]->kind == EV_TUPLE && !dyad_tc__cl_blank(sm.v[i]->src) && sm.v[i]->code &&
                    sm.v[i]->tk == TG_STR && sm.v[i]->tstr[0])
                    dyad_tc__el_add(c, &events, sm.v[i]); /* (a complete event only) */
        }
    }
    if (dyad_own_mode(c) && !p->neg)
        adjunct_events(c, x, &v, &events);
    evl maps = {0};
    for (int i = 0; i < events.n; i++)
        dyad_tc__transform(c, events.v[i], &maps);
    p->vp = maps;
    if (getenv("DYAD_TRACE"))
        trace_vp(c, x, &v, &maps);
    return p->vp;
}

/* The meaning of a clause: the events of its clauses and verb phrases. */
evl dyad_tc__phrase_meaning(tctx *c, int x)
{
    pnode *p = &c->n[x];
    if (p->kind == K_VP)
        return dyad_tc__vp_meaning(c, x);
    evl out = {0};
    if (strcmp(p->label, "S") && strcmp(p->label, "SBAR") && strcmp(p->label, "SINV") &&
        strcmp(p->label, "SQ"))
        return out;
    for (int k = 0; k < p->nk; k++) {
        int ch = p->kids[k];
        const char *l = c->n[ch].label;
        if (c->n[ch].kind != K_VP && strcmp(l, "S") && strcmp(l, "SBAR"))
            continue;
        evl m = dyad_tc__phrase_meaning(c, ch);
        for (int i = 0; i < m.n; i++)
            dyad_tc__el_add(c, &out, m.v[i]);
    }
    return out;
}

clist dyad_tc__vp_theme(tctx *c, int x)
{
    evl m = dyad_tc__vp_meaning(c, x);
    clist out = {0};
    if (!m.n)
        return out;
    const ev *e = m.v[0];
    if (e->kind == EV_STR)
        return dyad_tc__one(c, e->str);
    if (e->kind != EV_TUPLE)
        return out;
    if (e->tk == TG_PASSIVE)
        return e->src;
    if (e->tk == TG_STR)
        return dyad_tc__one(c, e->tstr);
    return out;
}

/* ---- modality ---------------------------------------------------------------- */

static const char *const modality_names[] = {"asserted", "future",   "intent",      "claimed",
                                             "attempted", "hypothetical", "negated"};

const char *dyad_tc__modality_name(int m)
{
    return m >= 0 && m < (int)(sizeof modality_names / sizeof *modality_names) ? modality_names[m]
                                                                               : "asserted";
}

/* Is w one of the words of list (a word ending in '*' is a prefix)? */
static int word_in(const char *w, const char *const *list)
{
    for (; *list; list++) {
        size_t n = strlen(*list);
        if ((*list)[n - 1] == '*' ? !strncmp(w, *list, n - 1) : !strcmp(w, *list))
            return 1;
    }
    return 0;
}

static const char *const MOD_FUTURE[] = {"WILL", "'LL", "SHALL", NULL};
static int reported_future(tctx *c, int vp);
/* the modal of reported speech ("said it would") */
static const char *const MOD_REPORTED[] = {"WOULD", "'D", NULL};
/* verbs reporting what someone said, announced or decided */
static const char *const REPORT_VERBS[] = {
    "SAID",      "SAYS",     "SAY",      "TOLD",     "ANNOUNCED", "ANNOUNCES", "STATED",
    "DECLARED",  "INDICATED", "CONFIRMED", "ADDED",  "INSISTED",  "PROMISED",  "PLEDGED",
    "VOWED",     "DECIDED",  "AGREED",   "REPORTED", "WROTE",     "REVEALED",  "EXPLAINED",
    "ASSURED",   "NOTED",    "STRESSED", NULL};
static const char *const MOD_HYPO[] = {"WOULD", "COULD", "MIGHT", "MAY", "SHOULD", "CAN",
                                       "MUST",  "'D",    "OUGHT", NULL};
static const char *const ADV_NEG[] = {"NOT", "N'T", "NEVER", "CANNOT", NULL};
static const char *const ADV_CLAIM[] = {"ALLEGEDLY", "PURPORTEDLY", "SUPPOSEDLY", NULL};
/* verbs with a "to" clause */
static const char *const TO_INTENT[] = {
    "PLAN",    "PLANS",  "PLANNED", "PLANNING", "INTEND*", "WANT*",   "VOW*",    "THREATEN*",
    "PLEDG*",  "PROMIS*", "AIM*",   "HOPE*",    "SEEK*",   "SOUGHT",  "DECID*",  "PREPAR*",
    "AGRE*",   "OFFER*", "WISH*",   "RESOLV*",  "VOTE*",   "UNDERT*", "PROPOS*", NULL};
static const char *const TO_ATTEMPT[] = {"TRY", "TRIES", "TRIED", "TRYING", "ATTEMPT*", "STRIV*",
                                         "STROVE", NULL};
static const char *const TO_NEG[] = {"REFUS*", "DECLIN*", "FAIL*", NULL};
static const char *const TO_FUTURE[] = {"EXPECT*", "SET", "DUE", "SCHEDUL*", "POISED", "SLATED",
                                        NULL};
static const char *const ADJ_FUTURE[] = {"DUE", "SET", "POISED", "SLATED", NULL};
static const char *const ADJ_INTENT[] = {"READY", "PREPARED", "WILLING", "DETERMINED", "EAGER",
                                         "KEEN", NULL};
static const char *const ADJ_HYPO[] = {"LIKELY", "UNLIKELY", "POSSIBLE", NULL};
/* verbs over a clause or an "of" phrase reporting an allegation */
static const char *const CLAIM_VERBS[] = {"CLAIM*", "ALLEG*", "SUSPECT*", "BELIEV*", "ACCUS*",
                                          NULL};

/* The first word-level verb (or modal) child of verb phrase x, "" none. */
static const char *vp_verb(tctx *c, int x)
{
    for (int k = 0; k < c->n[x].nk; k++) {
        const pnode *q = &c->n[c->n[x].kids[k]];
        if (!q->nk && (!strncmp(q->label, "VB", 2) || !strcmp(q->label, "MD")))
            return q->text;
    }
    return "";
}

/* The word of an adverb child ((RB not), (ADVP (RB never))), "" otherwise. */
static const char *adverb(tctx *c, int x)
{
    const pnode *q = &c->n[x];
    if (!q->nk && !strncmp(q->label, "RB", 2))
        return q->text;
    if (!strcmp(q->label, "ADVP") && q->nk == 1)
        return adverb(c, q->kids[0]);
    return "";
}

static void raise_to(int *m, int v)
{
    if (v > *m)
        *m = v;
}

/* Is there, among the leaves below x, "tomorrow" or "next" before a
 * week, month, year or weekday? */
static int future_time_words(tctx *c, int x, const char **prev, int depth)
{
    static const char *const unit[] = {"WEEK", "MONTH", "YEAR", "WEEKEND", "MONDAY", "TUESDAY",
                                       "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY",
                                       NULL};
    const pnode *p = &c->n[x];
    if (!p->nk) {
        int hit = !strcmp(p->text, "TOMORROW") || (!strcmp(*prev, "NEXT") && word_in(p->text, unit));
        *prev = p->text;
        return hit;
    }
    for (int k = 0; depth < 32 && k < p->nk; k++)
        if (future_time_words(c, p->kids[k], prev, depth + 1))
            return 1;
    return 0;
}

/* "Bush visits Canada next week": a verb in the present tense whose clause
 * names a time to come tells a future act. */
static int present_with_future_time(tctx *c, int leaf)
{
    if (strcmp(c->n[leaf].label, "VBZ") && strcmp(c->n[leaf].label, "VBP"))
        return 0;
    int s = c->n[leaf].parent;
    while (s >= 0 && !(!strcmp(c->n[s].label, "S") && dyad_tc__has_np_kid(c, s)))
        s = c->n[s].parent;
    const char *prev = "";
    return s >= 0 && future_time_words(c, s, &prev, 0);
}

int dyad_tc__modality(tctx *c, int vtok, const char *cameo)
{
    int leaf = -1;
    for (int i = 0; vtok >= 0 && i < c->nn && leaf < 0; i++)
        if (c->n[i].tok == vtok && !c->n[i].nk)
            leaf = i;
    if (leaf < 0)
        return DYAD_TC_ASSERTED;
    int m = DYAD_TC_ASSERTED, x = leaf, clause = 0;
    const int reject = cameo && !strncmp(cameo, "12", 2);
    /* a verbal act (01x-05x, 10x-13x) */
    const int verbal = cameo && ((cameo[0] == '0' && cameo[1] >= '1' && cameo[1] <= '5') ||
                                 (cameo[0] == '1' && cameo[1] >= '0' && cameo[1] <= '3'));
    for (int depth = 0; c->n[x].parent >= 0 && depth < 64; depth++) {
        int par = c->n[x].parent;
        const pnode *P = &c->n[par];
        const char *pl = P->label;
        int is_vp = P->kind == K_VP, is_s = !strcmp(pl, "S") || !strcmp(pl, "SINV") ||
                                                    !strcmp(pl, "SQ");
        if (!clause && (is_vp || is_s)) {
            /* the verb group: modals, negations and adverbs before x */
            for (int k = 0; k < P->nk && P->kids[k] != x; k++) {
                int ch = P->kids[k];
                const pnode *q = &c->n[ch];
                if (is_vp && !q->nk && (!strncmp(q->label, "VB", 2) || !strcmp(q->label, "MD"))) {
                    if (word_in(q->text, MOD_FUTURE) ||
                        (word_in(q->text, MOD_REPORTED) && reported_future(c, par)))
                        raise_to(&m, DYAD_TC_FUTURE);
                    else if (word_in(q->text, MOD_HYPO))
                        raise_to(&m, DYAD_TC_HYPOTHETICAL);
                    else if (!strcmp(q->text, "CANNOT"))
                        raise_to(&m, DYAD_TC_NEGATED);
                }
                /* a headline's "X to meet Y": (S (NP X) (VP (TO to) (VP meet
                 * Y))), or the parser's (S (NP X) (S (VP (TO to) ...))) */
                int ps = P->parent, pps = ps >= 0 ? c->n[ps].parent : -1;
                if (is_vp && !strcmp(q->label, "TO") && ps >= 0 && !strcmp(c->n[ps].label, "S") &&
                    (dyad_tc__has_np_kid(c, ps) ||
                     (pps >= 0 && !strcmp(c->n[pps].label, "S") && dyad_tc__has_np_kid(c, pps))))
                    raise_to(&m, DYAD_TC_FUTURE);
                const char *a = adverb(c, ch);
                /* ("did not attack": the dictionary's reversal, get_lower) */
                if (word_in(a, ADV_NEG) && !(is_vp && P->m_lower && P->neg && k == 1))
                    raise_to(&m, DYAD_TC_NEGATED);
                else if (word_in(a, ADV_CLAIM))
                    raise_to(&m, DYAD_TC_CLAIMED);
            }
        }
        if (is_vp && !strcmp(c->n[x].label, "S") && !clause) {
            /* "plans / tried / refused / is set to attack" */
            const char *v = vp_verb(c, par);
            if (word_in(v, TO_ATTEMPT))
                raise_to(&m, DYAD_TC_ATTEMPTED);
            else if (word_in(v, TO_NEG))
                raise_to(&m, reject ? DYAD_TC_ASSERTED : DYAD_TC_NEGATED);
            else if (word_in(v, TO_INTENT))
                raise_to(&m, DYAD_TC_INTENT);
            else if (word_in(v, TO_FUTURE) || dyad_tc__is_be(v))
                raise_to(&m, DYAD_TC_FUTURE);
            else if (purpose_clause(c, par, c->n[x].index, c->n[par].code))
                raise_to(&m, DYAD_TC_INTENT); /* "attacked the town to free the hostages" */
        } else if (!strcmp(pl, "ADJP") && !clause) {
            const char *w = dyad_tc__first_word(c, par);
            if (word_in(w, ADJ_FUTURE))
                raise_to(&m, DYAD_TC_FUTURE);
            else if (word_in(w, ADJ_INTENT))
                raise_to(&m, DYAD_TC_INTENT);
            else if (word_in(w, ADJ_HYPO))
                raise_to(&m, DYAD_TC_HYPOTHETICAL);
        } else if (!strcmp(pl, "SBAR")) {
            const char *w = dyad_tc__first_word(c, par);
            if (!strcmp(w, "IF") || !strcmp(w, "UNLESS"))
                raise_to(&m, DYAD_TC_HYPOTHETICAL);
        } else if (is_vp && (!strcmp(c->n[x].label, "SBAR") || c->n[x].kind == K_NP) &&
                   word_in(vp_verb(c, par), CLAIM_VERBS)) {
            /* "claimed that X attacked", "accused X of attacking" (not when
             * the event is the verbal act itself: a claim combined with the
             * act it reports, "accused ... of" coded 112) */
            if (!verbal)
                raise_to(&m, DYAD_TC_CLAIMED);
        }
        if (is_s && dyad_tc__has_np_kid(c, par))
            clause = 1; /* past the event's own clause: only "if" and claims count */
        if (clause && is_vp)
            break;
        x = par;
    }
    if (m == DYAD_TC_ASSERTED && present_with_future_time(c, leaf))
        m = DYAD_TC_FUTURE;
    return m;
}

/* Does the clause x hold a condition ("if", "unless", wherever the parser
 * put the word)? */
static int has_condition(tctx *c, int x, int depth)
{
    const pnode *p = &c->n[x];
    if (!p->nk)
        return !strcmp(p->text, "IF") || !strcmp(p->text, "UNLESS");
    for (int k = 0; depth < 32 && k < p->nk; k++)
        if (has_condition(c, p->kids[k], depth + 1))
            return 1;
    return 0;
}

/* "X said it would attack", "announced they would meet": "would" in a
 * clause that a verb of saying or announcing reports, with no condition in
 * it, is the future seen from the past (reported speech), not a
 * hypothesis. vp is the verb phrase holding "would". */
static int reported_future(tctx *c, int vp)
{
    int s = c->n[vp].parent;
    while (s >= 0 && c->n[s].kind == K_VP)
        s = c->n[s].parent;
    if (s < 0 || strcmp(c->n[s].label, "S") || has_condition(c, s, 0))
        return 0;
    int up = c->n[s].parent;
    if (up >= 0 && !strcmp(c->n[up].label, "SBAR")) {
        const char *w = dyad_tc__first_word(c, up);
        if (strcmp(w, "THAT") && c->n[up].nk > 1)
            return 0; /* "said [that] ...", not "because", "when" ... */
        up = c->n[up].parent;
    }
    return up >= 0 && c->n[up].kind == K_VP && word_in(vp_verb(c, up), REPORT_VERBS);
}

/* CAMEO's intent codes (03x, 13x) for an act announced or intended. */
const char *dyad_tc__intent_code(const char *cameo)
{
    static const struct {
        const char *act, *intent;
    } map[] = {
        {"040", "036"},  {"041", "036"},  {"042", "036"},  {"043", "036"},  {"044", "036"},  {"045", "039"},
        {"046", "036"},  {"061", "0311"}, {"062", "0312"}, {"063", "0313"}, {"064", "0314"},
        {"06", "031"},   {"071", "0331"}, {"072", "0332"}, {"073", "0333"}, {"074", "0334"},
        {"081", "0351"}, {"082", "0352"}, {"083", "035"},  {"084", "0353"}, {"085", "0354"},
        {"086", "0355"}, {"087", "0356"}, {"161", "1313"}, {"162", "1311"}, {"163", "1312"},
        {"164", "134"},  {"165", "135"},  {"166", "136"},  {"172", "132"},  {"175", "137"},
        {"18", "1383"},  {"19", "138"},   {"20", "1385"},
    };
    if (!cameo)
        return NULL;
    for (size_t i = 0; i < sizeof map / sizeof *map; i++)
        if (!strncmp(cameo, map[i].act, strlen(map[i].act)))
            return map[i].intent;
    return NULL;
}
