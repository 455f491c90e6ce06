/* tc_np.c: the meaning of noun phrases in the tree coder (see tc_internal.h).
 *
 * A noun phrase means the actor and agent codes in it: pronouns, demonyms,
 * possessives, coordination, "each other", relative clauses' subjects.
 */
#include "code/tc_internal.h"

#include "code/country.h"

#include <string.h>

/* ---- noun phrases ------------------------------------------------------------ */

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
                clist m = dyad_tc__np_meaning(c, ch);
                if (m.n == 1 && !strcmp(m.v[0], "~"))
                    continue;
                dyad_tc__cl_cat(c, codes, m);
                return;
            }
        }
        level = lv->parent;
    }
}

/* A plural demonym the dictionary lists in the singular ("the Iranians":
 * IRANIAN): the actor of the singular word. */
int dyad_tc__plural_actor(tctx *c, const char *word, const char **code, int *len)
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

/* "U.S" where the parser split "U.S." from a full stop it took for the end
 * of the sentence: the actor of "U.S." (one word). */
static int abbrev_actor(tctx *c, const char *word, const char **code, int *len)
{
    size_t n = strlen(word);
    char buf[32];
    if (n < 2 || n + 2 > sizeof buf || !strchr(word, '.') || word[n - 1] == '.')
        return 0;
    memcpy(buf, word, n);
    buf[n] = '.';
    buf[n + 1] = 0;
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
            dyad_tc__plural_actor(c, w.v[i], &code, &len) || abbrev_actor(c, w.v[i], &code, &len)) {
            /* an actor with no code valid on this date names nobody (PETRARCH-2) */
            /* "AAA/BBB" names several actors at once, as in the linear coder */
            for (const char *p = code; p && *p && strcmp(code, "---");) {
                const char *slash = strchr(p, '/');
                size_t n = slash ? (size_t)(slash - p) : strlen(p);
                const char *one = n ? dyad_arena_strndup(c->a, p, n) : NULL;
                if (one) {
                    dyad_tc__cl_add(c, codes, one);
                    dyad_tc__note_span(c, one, node);
                }
                p = slash ? slash + 1 : NULL;
            }
            i += len;
            continue;
        }
        /* "U.S.-led", "Saudi-led", "Lebanese-American", "Iraqi-born": the
         * country of the hyphenated word (country.h) */
        if (strchr(w.v[i], '-') && (code = dyad_country_hyphen_actor(c->d, w.v[i], c->date, c->a))) {
            dyad_tc__cl_add(c, codes, code);
            dyad_tc__note_span(c, code, node);
            i++;
            continue;
        }
        if (dyad_dict_agent_match(c->d, w.v + i, w.n - i, &code, &len, &prefix) && len > 0) {
            int member = len == 1 && dyad_tc__is_member_word(w.v[i]);
            const char *ag = code ? dyad_arena_printf(c->a, "~%s%s", member ? "+" : "", code) : NULL;
            if (ag)
                dyad_tc__cl_add(c, codes, ag);
            i += len;
            continue;
        }
        i++;
    }
}

/* A word the parser took for a pronoun but written in capitals and known as an
 * actor ("US"). */
int dyad_tc__is_caps_actor(tctx *c, int x)
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
int dyad_tc__has_cc(tctx *c, int x)
{
    for (int k = 0; k < c->n[x].nk; k++) {
        int ch = c->n[x].kids[k];
        if (!strcmp(c->n[ch].label, "CC") || (c->n[ch].kind == K_NP && dyad_tc__has_cc(c, ch)))
            return 1;
    }
    return 0;
}

/* The subject noun phrase of a relative clause child x of a noun phrase with
 * its own subject ("the sanctions (Washington imposed)"), else -1. */
static int rel_subject(tctx *c, int x)
{
    if (!dyad_tc__is_relative(c, x))
        return -1;
    int s = dyad_tc__rel_clause(c, x);
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
    evl m = dyad_tc__vp_meaning(c, vp);
    for (int i = 0; i < m.n; i++)
        if (m.v[i]->kind == EV_TUPLE && m.v[i]->code > 0 && (m.v[i]->code & 0xF000) != 0x1000)
            return np;
    return -1;
}

/* The code of "each other", "one another": the other members of a
 * coordinated subject (collect). */
const char dyad_tc__RECIP[] = "=RECIP";

/* Collects up to max leaf words below x; returns how many there are. */
int dyad_tc__leaves(tctx *c, int x, const char **w, int n, int max, int depth)
{
    if (depth > 32)
        return n;
    if (c->n[x].text[0]) {
        if (n < max)
            w[n] = c->n[x].text;
        return n + 1;
    }
    for (int k = 0; k < c->n[x].nk; k++)
        n = dyad_tc__leaves(c, c->n[x].kids[k], w, n, max, depth + 1);
    return n;
}

/* "each other", "one another" */
static int is_reciprocal(tctx *c, int x)
{
    const char *w[3];
    if (dyad_tc__leaves(c, x, w, 0, 3, 0) != 2)
        return 0;
    return (!strcmp(w[0], "EACH") && !strcmp(w[1], "OTHER")) ||
           (!strcmp(w[0], "ONE") && !strcmp(w[1], "ANOTHER"));
}

int dyad_tc__last_child(tctx *c, int x) { return x >= 0 && c->n[x].nk ? c->n[x].kids[c->n[x].nk - 1] : -1; }

/* Is the head noun of noun phrase x also a verb of the dictionary ("attack",
 * "sanctions")? Then it names an act, and an "on" phrase its target. */
static int head_is_act(tctx *c, int x)
{
    head h = dyad_tc__get_head(c, x);
    return h.text && dyad_dict_verb_lookup(c->d, h.text) != NULL;
}

/* "police and protesters", "Israeli police and soldiers": a noun phrase of
 * words only, with a conjunction, naming several agents and at most one
 * actor. The agents are several actors (---COP and ---OPP; ISRCOP and
 * ISRMIL), not one with the roles of all. */
static int flat_agent_coordination(tctx *c, int x, clist agt, clist act)
{
    if (agt.n < 2 || act.n > 1 || !dyad_tc__has_cc(c, x))
        return 0;
    for (int k = 0; k < c->n[x].nk; k++)
        if (!c->n[c->n[x].kids[k]].text[0])
            return 0;
    for (int i = 0; i < agt.n; i++)
        if (agt.v[i][0] != '~' || agt.v[i][1] == '+' || !strcmp(agt.v[i], "~PPL"))
            return 0;
    return 1;
}

/* Each agent of agt with the actor of act (or none). */
static clist each_agent(tctx *c, clist agt, clist act)
{
    clist out = {0};
    for (int i = 0; i < agt.n; i++) {
        clist m = dyad_tc__mix_codes(c, dyad_tc__one(c, agt.v[i]), act);
        for (int j = 0; j < m.n; j++) {
            int dup = 0;
            for (int k = 0; k < out.n && !dup; k++)
                dup = !strcmp(out.v[k], m.v[j]);
            if (!dup)
                dyad_tc__cl_add(c, &out, m.v[j]);
        }
    }
    return out;
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
    int own = c->o->modality && !c->o->require_dyad && c->o->one_sided;
    clist all = {0};
    int seen = 0;
    for (int k = 0; k < p->nk; k++) {
        int ch = p->kids[k];
        if (c->n[ch].kind != K_NP)
            continue;
        /* (not "US and British activists": a name before the last conjunct
         * shares its noun) */
        int lc = dyad_tc__last_child(c, ch);
        if (++seen < nconj &&
            (lc < 0 || strncmp(c->n[lc].label, "NN", 2) || !strncmp(c->n[lc].label, "NNP", 3)))
            return 0;
        clist m = dyad_tc__np_meaning(c, ch);
        if (own && !dyad_tc__cl_blank(m) && m.n == 1) {
            /* dyad's own coding: "the army and rebels", "police and
             * protesters in Dhaka": each conjunct its own actor, agents
             * too (their country comes later) */
            dyad_tc__cl_cat(c, &all, m);
            continue;
        }
        if (!dyad_tc__has_actor(m))
            return 0;
        for (int i = 0; i < m.n; i++)
            if (m.v[i][0] == '~')
                return 0;
        dyad_tc__cl_cat(c, &all, m);
    }
    *out = all;
    return 1;
}

/* Is the word a number of people ("40,000", "12", "thousands")? Not a year
 * ("1994": four digits) nor a clock time or decimal ("2.30"). */
static int people_number(const char *w)
{
    static const char *const q[] = {"THOUSANDS", "HUNDREDS", "DOZENS", "SCORES", "TENS", NULL};
    for (int i = 0; q[i]; i++)
        if (!strcmp(w, q[i]))
            return 1;
    size_t n = strlen(w), digits = 0;
    if (!n)
        return 0;
    for (size_t i = 0; i < n; i++) {
        if (w[i] >= '0' && w[i] <= '9')
            digits++;
        else if (w[i] != ',')
            return 0;
    }
    return digits && !(n == 4 && digits == 4);
}

/* Is noun phrase x the subject of a clause (a child of S before its verb
 * phrase)? An object number ("wounded 16") is the count of an act's victims,
 * left to the act. */
static int subject_np(tctx *c, int x)
{
    int par = c->n[x].parent;
    if (par < 0 || strcmp(c->n[par].label, "S"))
        return 0;
    for (int k = c->n[x].index + 1; k < c->n[par].nk; k++)
        if (c->n[c->n[par].kids[k]].kind == K_VP)
            return 1;
    return 0;
}

/* "seven people were killed and 50 wounded": a number followed by a verb
 * phrase of casualties with no object is a passive with its "were" left
 * out, the number its victims, not its source. */
static int elliptic_casualty(tctx *c, int x)
{
    static const char *const v[] = {"KILLED", "WOUNDED", "INJURED", "HURT", "ARRESTED",
                                    "DETAINED", "ABDUCTED", "KIDNAPPED", "CAPTURED", "HELD",
                                    "EXECUTED", "SHOT", "MISSING", "DEAD", NULL};
    int par = c->n[x].parent;
    if (par < 0)
        return 0;
    const pnode *P = &c->n[par];
    int k = 0;
    while (k < P->nk && P->kids[k] != x)
        k++;
    if (k + 1 >= P->nk || c->n[P->kids[k + 1]].kind != K_VP)
        return 0;
    const pnode *vp = &c->n[P->kids[k + 1]];
    int verb = 0;
    for (int i = 0; i < vp->nk; i++) {
        const pnode *q = &c->n[vp->kids[i]];
        if (q->kind == K_NP)
            return 0; /* "50 attacked the post": an object, so active */
        for (int j = 0; !verb && !q->nk && v[j]; j++)
            verb = !strcmp(q->text, v[j]);
    }
    return verb;
}

/* A noun phrase that is only a number of people, in dyad's own coding,
 * as a subject ("about 40,000 protested", "thousands marched"): a number
 * with at most quantifying words before it ("about", "at least", "some"),
 * no noun after it. Such a phrase names ordinary people (CVL). */
static int people_quantity(tctx *c, int x)
{
    if (!c->o->modality || c->o->require_dyad || !c->o->one_sided)
        return 0;
    const pnode *p = &c->n[x];
    if (!p->nk || !subject_np(c, x) || elliptic_casualty(c, x))
        return 0;
    for (int k = 0; k < p->nk; k++) {
        const pnode *q = &c->n[p->kids[k]];
        if (q->nk)
            return 0;
        int last = k == p->nk - 1;
        if (last)
            return (!strcmp(q->label, "CD") || !strcmp(q->label, "NNS")) && people_number(q->text);
        if (strcmp(q->label, "RB") && strcmp(q->label, "IN") && strcmp(q->label, "JJS") &&
            strcmp(q->label, "JJR") && strcmp(q->label, "DT") && strcmp(q->label, "QP"))
            return 0;
    }
    return 0;
}

clist dyad_tc__np_meaning(tctx *c, int x)
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
            dyad_tc__cl_cat(c, &rel, dyad_tc__np_meaning(c, rs));
        } else if (q->kind == K_NP) {
            dyad_tc__np_words(c, ch, &text, &npc, &plc);
        } else if (dyad_tc__is_jnd(q->label)) {
            dyad_tc__phrase_words(c, ch, &text);
        } else if (q->kind == K_PP) {
            clist m = dyad_tc__pp_meaning(c, ch);
            const char *w = dyad_tc__first_word(c, ch);
            if (dyad_tc__has_actor(m) && dyad_tc__place_pp(c, x, ch)) {
                dyad_tc__cl_cat(c, &plc, m);
            } else if (dyad_tc__has_actor(m)) {
                dyad_tc__cl_cat(c, &pp, m);
                ontgt = ontgt != 0 &&
                        (!strcmp(w, "ON") || !strcmp(w, "AGAINST") || !strcmp(w, "UPON"));
            }
            else
                dyad_tc__phrase_words(c, ch, &text);
        } else if (q->kind == K_VP) {
            evl m = dyad_tc__vp_meaning(c, ch);
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
                dyad_tc__cl_cat(c, &vp, dyad_tc__vp_theme(c, ch));
        } else if (!strcmp(q->label, "PRP")) {
            if (dyad_tc__is_caps_actor(c, ch))
                dyad_tc__cl_add(c, &text, q->text); /* "US" tagged as the pronoun "us" */
            else
                pronoun_codes(c, x, ch, &pron);
        }
    }
    scan_words(c, text, &codes, x);
    clist act = {0}, agt = {0}, pa = {0}, pg = {0}, na = {0}, ng = {0}, va = {0}, vg = {0};
    clist ra = {0}, rg = {0};
    dyad_tc__split_codes(codes, &act, &agt, c);
    /* Several actors named in one noun phrase are several actors only when it
     * is a coordination ("US and British activists"); otherwise the first names
     * the actor and the rest describe it ("Malaysia Airlines Boeing 777"). */
    if (act.n > 1 && !dyad_tc__has_cc(c, x))
        act.n = 1;
    dyad_tc__split_codes(pron, &act, &agt, c);
    dyad_tc__split_codes(pp, &pa, &pg, c);
    dyad_tc__split_codes(npc, &na, &ng, c);
    dyad_tc__split_codes(vp, &va, &vg, c);
    dyad_tc__split_codes(rel, &ra, &rg, c);
    if (!act.n && !agt.n && ra.n) {
        act = ra;
        agt = rg;
    }
    /* "Attack on UN vehicle kills one": the actor of an "on" phrase is what
     * the noun was done to (tgt_pp: not the noun phrase's actor as subject) */
    p->tgt_pp = !act.n && !na.n && pa.n && ontgt == 1 && head_is_act(c, x);
    clist la = {0}, lg = {0};
    dyad_tc__split_codes(plc, &la, &lg, c);
    p->place_only = !act.n && !na.n && !pa.n && !va.n && la.n;
    if (!act.n)
        act = na.n ? na : pa.n ? pa : va.n ? va : la;
    if (!agt.n)
        agt = ng.n ? ng : pg.n ? pg : vg.n ? vg : p->place_only ? lg : agt;
    if (flat_agent_coordination(c, x, agt, act))
        p->np = each_agent(c, agt, act);
    else
        p->np = dyad_tc__mix_codes(c, agt, act);
    if (!p->np.n && is_reciprocal(c, x))
        p->np = dyad_tc__one(c, dyad_tc__RECIP);
    else if (!p->np.n && people_quantity(c, x))
        p->np = dyad_tc__one(c, "~CVL");
    for (int i = 0; i < p->np.n; i++)
        dyad_tc__note_span(c, p->np.v[i], x);
    return p->np;
}
