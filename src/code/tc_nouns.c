/* tc_nouns.c: events written as nouns in the tree coder (see tc_internal.h).
 *
 * "clashes between X and Y", "talks with Y", "an attack on Y", "X's attack on
 * Y", "the bombing of Y", "US sanctions against Y", "X's visit to Y", "the
 * arrest of Y", "the massacre of Y by X": the nouns come from the dictionary's
 * event nouns (dyad_dict_noun, dict.h), which say the CAMEO code and which
 * prepositions give the source and the target. Their arguments:
 *   - a "by" phrase (the noun's source prepositions) is the source;
 *   - a phrase of a target preposition ("on", "against", "of", "to", "with")
 *     is the target; "between X and Y" and "with Y" of a mutual noun go both
 *     ways;
 *   - a possessive or an actor word before the noun ("Israel's attack",
 *     "Israeli attacks") is the source, or the target of a "patient" noun
 *     ("the journalist's abduction");
 *   - a noun naming those who act ("protesters", "rioters") is itself the
 *     source, when it is a subject and its phrase names an actor or an agent;
 *   - the subject of a light verb whose object the noun is ("X launched an
 *     attack on Y", "X held talks with Y") is the source when nothing else is.
 * A noun adds nothing when a verb phrase above it is negated ("did not
 * launch an attack") or only threatens, plans, calls for or prevents it
 * ("threatened an attack", "called for talks", "a threat of air strikes"),
 * when the clause around it already codes an event of the
 * same PLOVER category or when a verb pattern used the noun ("launched an
 * attack on Y" is one event); a noun that is the subject of such a clause ("a
 * blast in Baghdad killed ...") likewise leaves the event to the clause.
 */
#include "code/tc_internal.h"

#include <string.h>

#include "dict/cameo.h"

/* The token range below x. */
static void span(tctx *c, int x, int *lo, int *hi)
{
    int stack[256], sp = 0;
    *lo = *hi = -1;
    stack[sp++] = x;
    while (sp) {
        int y = stack[--sp];
        if (c->n[y].tok >= 0) {
            if (*lo < 0 || c->n[y].tok < *lo)
                *lo = c->n[y].tok;
            if (c->n[y].tok > *hi)
                *hi = c->n[y].tok;
        }
        for (int k = 0; k < c->n[y].nk && sp < 255; k++)
            stack[sp++] = c->n[y].kids[k];
    }
}

static int is_leaf(tctx *c, int x)
{
    return c->n[x].nk == 0 && c->n[x].text[0];
}

/* The event noun heading base noun phrase x (its last noun, with the words
 * before it for a compound), or NULL; *head the noun's node. */
static const dyad_event_noun *noun_of(tctx *c, int x, int *head)
{
    pnode *p = &c->n[x];
    int h = p->nk - 1; /* the noun ends its phrase (its arguments follow it) */
    while (h > 0 && is_leaf(c, p->kids[h]) && !strcmp(c->n[p->kids[h]].label, "."))
        h--; /* a headline parsed as one noun phrase keeps its full stop */
    if (h < 0 || !is_leaf(c, p->kids[h]) || strncmp(c->n[p->kids[h]].label, "NN", 2))
        return NULL;
    const dyad_event_noun *best = NULL;
    int nn = dyad_dict_nnouns(c->d);
    for (int i = 0; i < nn; i++) {
        const dyad_event_noun *e = dyad_dict_noun(c->d, i);
        if (!e || e->nwords > h + 1 || (best && e->nwords <= best->nwords))
            continue;
        int ok = 1;
        for (int j = 0; j < e->nwords && ok; j++) {
            int ch = p->kids[h - (e->nwords - 1 - j)];
            ok = is_leaf(c, ch) && !strcmp(c->n[ch].text, e->words[j]);
        }
        if (ok)
            best = e;
    }
    *head = p->kids[h];
    return best;
}

static int in_list(const char *w, const char *const *v, int n)
{
    for (int i = 0; i < n; i++)
        if (!strcmp(w, v[i]))
            return 1;
    return 0;
}

/* Verbs whose object noun is their subject's act: "launched an attack",
 * "held talks", "imposed sanctions", "paid a visit". */
static int light_verb(const char *w)
{
    static const char *const stems[] = {"LAUNCH", "CARRY", "CARRIE", "CONDUCT", "HOLD", "HELD",
                                        "STAGE", "STAGING", "MOUNT", "IMPOS", "PAY", "PAID",
                                        "SIGN", "REACH", "BEGIN", "BEGAN", "BEGUN", "START",
                                        "RESUM", "OPEN", "STEP", "INTENSIF", "ESCALAT", "ORDER",
                                        "LED", "LEAD", "MAKE", "MADE", "MAKING", "UNLEASH"};
    for (size_t i = 0; i < sizeof stems / sizeof *stems; i++)
        if (!strncmp(w, stems[i], strlen(stems[i])))
            return 1;
    return 0;
}

/* Does l hold an actor code or an agent one (anything to code)? */
static int has_code(clist l)
{
    return l.n > 0 && !dyad_tc__cl_blank(l);
}

/* Is a verb phrase above x, up to its clause, negated ("did not launch an
 * attack")? */
static int negated(tctx *c, int x)
{
    for (int y = c->n[x].parent, d = 0; y >= 0 && d < 12; y = c->n[y].parent, d++) {
        if (!strcmp(c->n[y].label, "S") || !strcmp(c->n[y].label, "SBAR"))
            return 0;
        if (c->n[y].kind != K_VP)
            continue;
        for (int k = 0; k < c->n[y].nk; k++) {
            const pnode *q = &c->n[c->n[y].kids[k]];
            if (!q->nk && !strncmp(q->label, "RB", 2) &&
                (!strcmp(q->text, "NOT") || !strcmp(q->text, "N'T") || !strcmp(q->text, "NEVER")))
                return 1;
        }
    }
    return 0;
}

static int stem_in(const char *w, const char *const *stems)
{
    for (; *stems; stems++)
        if (!strncmp(w, *stems, strlen(*stems)))
            return 1;
    return 0;
}

/* Is the event of noun phrase x only threatened, planned, called for or
 * prevented ("threatened an attack on Y", "called for talks", "a threat of
 * air strikes", "plans for a visit")? The verb phrases and noun phrases above
 * it up to its clause say. */
/* Is the subject child sub of clause s "cancelled", "postponed", "called
 * off" ... by the clause's verb phrase ("Blair's visit to Washington was
 * cancelled")? */
static int called_off(tctx *c, int s, int sub)
{
    static const char *const stems[] = {"CANCEL", "POSTPON", "DELAY", "SCRAP", "SUSPEND",
                                        "ABANDON", "CALLED", NULL};
    if (c->n[sub].kind != K_NP)
        return 0;
    for (int k = c->n[sub].index + 1; k < c->n[s].nk; k++) {
        int vp = c->n[s].kids[k];
        if (c->n[vp].kind != K_VP)
            continue;
        const char *w[4];
        int n = dyad_tc__leaves(c, vp, w, 0, 4, 0);
        for (int i = 0; i < n && i < 4; i++)
            if (stem_in(w[i], stems))
                return 1;
        return 0;
    }
    return 0;
}

static int unreal(tctx *c, int x)
{
    static const char *const verbs[] = {"THREAT", "PLAN", "PREPAR", "PREVENT", "THWART", "FOIL",
                                        "DENY", "DENIE", "DENIED", "WARN", "CALL", "URGE", "URGING",
                                        "PROPOS", "SEEK", "SOUGHT", "WANT", "CONSIDER", "AVOID",
                                        "REJECT", "REFUS", "OFFER", "DEMAND", "FEAR", "POSTPON",
                                        "CANCEL", "DELAY", "CALLED", "ASK", "REQUEST", NULL};
    static const char *const nouns[] = {"THREAT", "PLAN", "PLOT", "CALL", "PROPOSAL", "OFFER",
                                        "FEAR", "RISK", "POSSIBILITY", "PROSPECT", "DEMAND",
                                        "REQUEST", "APPEAL", NULL};
    for (int y = c->n[x].parent, d = 0, below = x; y >= 0 && d < 12;
         below = y, y = c->n[y].parent, d++) {
        const pnode *p = &c->n[y];
        if (!strcmp(p->label, "S"))
            return called_off(c, y, below);
        if (!strcmp(p->label, "SBAR"))
            return 0;
        if (p->kind == K_VP && stem_in(dyad_tc__first_word(c, y), verbs))
            return 1;
        if (p->kind == K_NP && p->nk) {
            /* the head noun of the noun phrase the noun's phrase hangs on */
            int first = p->kids[0];
            if (first == x || c->n[first].kind != K_NP || !c->n[first].nk)
                continue;
            const pnode *h = &c->n[c->n[first].kids[c->n[first].nk - 1]];
            if (!h->nk && !strncmp(h->label, "NN", 2) && stem_in(h->text, nouns))
                return 1;
        }
    }
    return 0;
}

/* Has the clause around x already an event of category cat (or one whose
 * verb is the noun's token)? events[0..n0) are the clause walk's. */
static int already_coded(tctx *c, int x, int head, const char *cat, const dyad_coded_list *out,
                         int n0)
{
    int s = c->n[x].parent;
    while (s >= 0 && strcmp(c->n[s].label, "S") && c->n[s].parent >= 0)
        s = c->n[s].parent;
    int lo, hi;
    span(c, s >= 0 ? s : x, &lo, &hi);
    for (int i = 0; i < n0; i++) {
        const dyad_coded *e = &out->ev[i];
        if (e->verb_tok0 == c->n[head].tok)
            return 1;
        if (e->verb_tok0 < lo || e->verb_tok0 > hi)
            continue;
        const dyad_cameo_info *ci = dyad_cameo_lookup(e->code);
        if (ci && ci->plover && !strcmp(ci->plover, cat))
            return 1;
    }
    return 0;
}

/* The phrases after base noun phrase b that may carry its arguments: its
 * siblings in a noun phrase ("attack (PP on Y)") or in a verb phrase the
 * parser hung them on ("launched (NP an attack) (PP on Y)"). */
static void pp_args(tctx *c, int par, int from, const dyad_event_noun *e, clist *src, clist *tgt,
                    clist *between)
{
    pnode *p = &c->n[par];
    for (int k = from; k < p->nk; k++) {
        int pp = p->kids[k];
        if (c->n[pp].kind != K_PP) {
            if (c->n[pp].kind == K_NP || c->n[pp].kind == K_VP || !strcmp(c->n[pp].label, "S") ||
                !strcmp(c->n[pp].label, "SBAR"))
                break;
            continue;
        }
        if (dyad_tc__attribution_pp(c, pp))
            continue;
        const char *prep = dyad_tc__first_word(c, pp);
        clist m = dyad_tc__pp_meaning(c, pp);
        if (!has_code(m))
            continue;
        if (e->mutual && !strcmp(prep, "BETWEEN")) {
            if (!between->n)
                dyad_tc__cl_cat(c, between, m);
        } else if (in_list(prep, e->src_preps, e->nsrc)) {
            if (!src->n)
                dyad_tc__cl_cat(c, src, m);
        } else if (in_list(prep, e->tgt_preps, e->ntgt) && !tgt->n) {
            dyad_tc__cl_cat(c, tgt, m);
            /* "the massacre of (Y by X)": the "by" phrase inside the object */
            int obj = c->n[pp].nk >= 2 ? c->n[pp].kids[1] : -1;
            if (obj >= 0 && c->n[obj].kind == K_NP && c->n[obj].nk && !src->n)
                pp_args(c, obj, 1, e, src, tgt, between);
        }
    }
}

/* The phrases after base noun phrase b that may carry its arguments: its
 * siblings in a noun phrase ("attack (PP on Y)") or in a verb phrase the
 * parser hung them on ("launched (NP an attack) (PP on Y)"), and those after
 * the noun phrase it heads ("condemned (NP (NP the massacre) (PP of Y)) (PP by X)"). */
static void arguments(tctx *c, int b, const dyad_event_noun *e, clist *src, clist *tgt,
                      clist *between)
{
    int par = c->n[b].parent;
    if (par < 0)
        return;
    pp_args(c, par, c->n[b].index + 1, e, src, tgt, between);
    if (c->n[par].kind == K_NP && c->n[b].index == 0 && c->n[par].parent >= 0)
        pp_args(c, c->n[par].parent, c->n[par].index + 1, e, src, tgt, between);
}

/* Emits src -> each of tgt with the noun's code. */
static void emit_all(tctx *c, dyad_coded_list *out, clist src, clist tgt, const dyad_event_noun *e,
                     int vtok)
{
    int code = dyad_pico_from_cameo(e->code, NULL);
    if (code < 0)
        return;
    if (!tgt.n) {
        ev *t = dyad_tc__tuple_h(c, src, TG_STR, "", NULL, code, e->code, vtok);
        if (!t || dyad_tc__collect(c, out, t))
            c->err = DYAD_ENOMEM;
        return;
    }
    for (int i = 0; i < tgt.n && !c->err; i++) {
        ev *t = dyad_tc__tuple_h(c, src, TG_STR, tgt.v[i], NULL, code, e->code, vtok);
        if (!t || dyad_tc__collect(c, out, t))
            c->err = DYAD_ENOMEM;
    }
}

static void code_noun(tctx *c, int b, dyad_coded_list *out, int n0)
{
    int head;
    const dyad_event_noun *e = noun_of(c, b, &head);
    if (!e)
        return;
    const dyad_cameo_info *ci = dyad_cameo_lookup(e->code);
    const char *cat = ci && ci->plover ? ci->plover : "";
    if (already_coded(c, b, head, cat, out, n0) || negated(c, b) || unreal(c, b))
        return;
    clist src = {0}, tgt = {0}, between = {0};
    arguments(c, b, e, &src, &tgt, &between);
    /* the possessive or the actor words before the noun; for a noun naming
     * those who act ("Iraqi protesters"), the whole phrase */
    clist own = dyad_tc__np_meaning(c, b);
    if (e->actor) {
        /* only as a subject ("Protesters in Kathmandu expressed ..."), not
         * those acted on ("police arrested Turkish protesters") */
        int y = b;
        while (c->n[y].parent >= 0 && c->n[c->n[y].parent].kind == K_NP)
            y = c->n[y].parent;
        int up = c->n[y].parent;
        if (!has_code(own) || (up >= 0 && strcmp(c->n[up].label, "S")))
            return;
        src = own;
    } else if (has_code(own)) {
        if (e->patient && !tgt.n)
            tgt = own;
        else if (!e->patient && !src.n)
            src = own;
    }
    /* the subject of a light verb whose object the noun is; the verb's
     * modality is the event's ("Sharon to hold a meeting with settlers") */
    int vtok = c->n[head].tok;
    int par = c->n[b].parent;
    if (par >= 0 && c->n[par].kind == K_NP && c->n[b].index == 0)
        par = c->n[par].parent; /* (NP (NP an attack) (PP on Y)) */
    if (par >= 0 && c->n[par].kind == K_VP && light_verb(dyad_tc__first_word(c, par))) {
        int verb = c->n[par].kids[0];
        if (c->n[verb].tok >= 0)
            vtok = c->n[verb].tok; /* (also "did not launch an attack": negated) */
        /* the subject, of this verb phrase or of those above it ("did not
         * launch", "will hold") */
        for (int vp = par, d = 0;
             !src.n && !e->patient && vp >= 0 && c->n[vp].kind == K_VP && d < 4;
             vp = c->n[vp].parent, d++) {
            clist up = dyad_tc__get_upper(c, vp);
            if (has_code(up))
                src = up;
        }
    }
    if (between.n >= 2) {
        /* "clashes between X and Y": each on the other */
        for (int i = 0; i < between.n && !c->err; i++)
            for (int j = 0; j < between.n && !c->err; j++)
                if (i != j)
                    emit_all(c, out, dyad_tc__one(c, between.v[i]),
                             dyad_tc__one(c, between.v[j]), e, vtok);
        return;
    }
    if (between.n == 1 && !tgt.n)
        tgt = between;
    if (e->mutual && src.n >= 2 && !tgt.n) {
        /* "Israeli-Palestinian talks" */
        for (int i = 0; i < src.n && !c->err; i++)
            for (int j = 0; j < src.n && !c->err; j++)
                if (i != j)
                    emit_all(c, out, dyad_tc__one(c, src.v[i]), dyad_tc__one(c, src.v[j]), e, vtok);
        return;
    }
    if (!src.n && !tgt.n)
        return;
    emit_all(c, out, src, tgt, e, vtok);
    if (e->mutual && src.n && tgt.n)
        for (int i = 0; i < tgt.n && !c->err; i++)
            emit_all(c, out, dyad_tc__one(c, tgt.v[i]), src, e, vtok);
}

static void walk(tctx *c, int x, dyad_coded_list *out, int n0, int depth)
{
    if (depth > 200 || c->err)
        return;
    pnode *p = &c->n[x];
    for (int k = 0; k < p->nk; k++)
        walk(c, p->kids[k], out, n0, depth + 1);
    if (p->kind == K_NP)
        code_noun(c, x, out, n0);
}

void dyad_tc__event_nouns(tctx *c, int root, dyad_coded_list *out)
{
    if (!dyad_dict_nnouns(c->d))
        return;
    walk(c, root, out, out->n, 0);
}
