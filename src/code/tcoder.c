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
 * With dyad's default options (dyad_code_opts: one_sided, modality) events
 * with one side named are coded for the CAMEO families that stand alone, the
 * missing side "" (one_sided_code), each event gets the modality of its verb
 * group (dyad_tc__modality: negated and hypothetical ones are dropped, future
 * and intended acts take CAMEO's intent codes), meetings, agreements and
 * clashes are coded both ways, and a one-sided event that an event with both
 * sides already tells is dropped; PETRARCH's behaviour (validation) turns all
 * of this off.
 * DYAD_TRACE=1 prints the tree and each verb phrase's meaning.
 *
 * The stages are in their own files (tc_internal.h lists them): this one
 * holds the public entry points of tcoder.h and the walk over the clauses of
 * a sentence.
 */
#include "code/tcoder.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dict/cameo.h"
#include "code/tc_internal.h"

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
        rc = dyad_tc__build_block(tc, dyad_dict_verb_block(d, b));
    for (int i = 0; !rc && i < nt; i++)
        if (dyad_tc__compile_xform(tc, dyad_dict_transform(d, i), &tc->xf[tc->nxf]))
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

/* The evidence of the verb at token vtok, for the event's confidence: the
 * words of the pattern its verb phrase matched (-1: none matched, or no verb
 * phrase above it) and the clauses (S) above the one it heads. */
static void verb_basis(tctx *c, int vtok, int *pat_words, int *depth)
{
    *pat_words = -1;
    *depth = 0;
    int leaf = -1;
    for (int i = 0; vtok >= 0 && i < c->nn && leaf < 0; i++)
        if (c->n[i].tok == vtok && !c->n[i].nk)
            leaf = i;
    int clauses = 0, found = 0;
    for (int x = leaf, steps = 0; x >= 0 && steps < c->nn; x = c->n[x].parent, steps++) {
        if (!found && c->n[x].m_code && c->n[x].kind == K_VP) {
            *pat_words = c->n[x].pat_words;
            found = 1;
        }
        clauses += !strcmp(c->n[x].label, "S");
    }
    *depth = clauses > 1 ? clauses - 1 : 0;
}

static int emit(tctx *c, dyad_coded_list *out, const char *s, const char *t, const char *code,
                int vtok, const char *modality)
{
    if (!strcmp(s, t) || s[0] == '=' || t[0] == '=')
        return 0; /* an actor acting on itself is not a dyad; RECIP is no actor */
    if (c->strict && (s[0] == '~' || s[0] == '-' || t[0] == '~' || t[0] == '-' || !s[0] || !t[0]))
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
    d->modality = modality;
    verb_basis(c, vtok, &d->pattern_words, &d->clause_depth);
    d->origin = 0; /* set for relative clauses and nouns by dyad_tcode_tree */
    return 0;
}

/* May an event of this CAMEO code stand with one side only? By family:
 * protests (14x), force posture (15x), coercion (17x: arrests, seizures),
 * violence (18x-20x), de-escalation and withdrawals (087x) and the intent to
 * withdraw (0356), threats of force or protest (133, 137, 138x); verbal and
 * cooperative acts need their target. */
static int one_sided_code(const char *code)
{
    static const char *const fam[] = {"14", "15", "17", "18", "19", "20", "087", "0356",
                                      "133", "137", "138"};
    for (size_t i = 0; i < sizeof fam / sizeof *fam; i++)
        if (!strncmp(code, fam[i], strlen(fam[i])))
            return 1;
    return 0;
}

/* Is the code an act of harm done to people (assaults 18x, violence 19x
 * but blockades and occupations, 20x, arrests 173): "X was shot" with X no
 * actor of the dictionaries is an ordinary person shot. */
static int harm_code(const char *code)
{
    return (!strncmp(code, "18", 2) || !strncmp(code, "20", 2) || !strcmp(code, "173") ||
            (!strncmp(code, "19", 2) && strncmp(code, "191", 3) && strncmp(code, "192", 3)));
}

/* Does the verb at token vtok take a "that" clause and no object
 * ("Venezuela charged that the United States was plotting")? */
static int that_clause_verb(tctx *c, int vtok)
{
    for (int i = 0; vtok >= 0 && i < c->nn; i++) {
        const pnode *p = &c->n[i];
        int head = 0, that = 0, obj = 0;
        for (int k = 0; p->kind == K_VP && k < p->nk; k++) {
            int ch = p->kids[k];
            head |= c->n[ch].tok == vtok && !c->n[ch].nk;
            obj |= c->n[ch].kind == K_NP;
            that |= !strcmp(c->n[ch].label, "SBAR") && !strcmp(dyad_tc__first_word(c, ch), "THAT");
        }
        if (head)
            return that && !obj;
    }
    return 0;
}

/* Is verb token vtok a word of fighting between two sides ("clashed",
 * "fought", "battled", "skirmished")? */
static int fight_word(tctx *c, int vtok)
{
    static const char *const w[] = {"CLASH", "FOUGHT", "FIGHT", "BATTL", "SKIRMISH", "SPAR"};
    for (int i = 0; vtok >= 0 && i < c->nn; i++) {
        if (c->n[i].tok != vtok || c->n[i].nk)
            continue;
        for (size_t k = 0; k < sizeof w / sizeof *w; k++)
            if (!strncmp(c->n[i].text, w[k], strlen(w[k])))
                return 1;
        return 0;
    }
    return 0;
}

/* Is the event coded both ways, as CAMEO codes meetings, negotiations,
 * agreements and clashes between two parties ("X met (with) Y")? */
static int reciprocal_code(tctx *c, const char *code, int vtok)
{
    static const char *const sym[] = {"036", "040", "041", "044", "046", "057"};
    for (size_t i = 0; i < sizeof sym / sizeof *sym; i++)
        if (!strcmp(code, sym[i]))
            return 1;
    return (!strncmp(code, "19", 2) || !strncmp(code, "18", 2)) && fight_word(c, vtok);
}

/* PETRARCH-2's get_events: events with a source, a target and a CAMEO code;
 * several sources of a cooperative act with no target cooperate with each
 * other. dyad's own options (dyad_code_opts): the modality of the verb group
 * (negated and hypothetical events dropped, intent codes for future and
 * intended acts), one-sided events of the families that stand alone (the
 * missing side ""), meetings, agreements and clashes coded both ways. */
int dyad_tc__collect(tctx *c, dyad_coded_list *out, const ev *e)
{
    if (e->kind != EV_TUPLE || (e->tk != TG_STR && e->tk != TG_PASSIVE))
        return 0;
    const char *code = dyad_pico_to_cameo(e->code);
    const dyad_code_opts *o = c->o;
    int dyad_mode = !o->require_dyad && o->one_sided;
    if (!code && dyad_mode && o->modality && e->code >= 0x4000 && e->code < 0x5000)
        code = "100"; /* "demanded that Britain apologize": a demand with no finer code */
    /* a passive with an agent and no actor as its subject ("Noriega was
     * captured by US forces"): in dyad's own coding, the agent's one-sided act */
    int agent_only = e->tk == TG_PASSIVE && dyad_mode && o->modality && !dyad_tc__cl_blank(e->src);
    /* an agentless passive whose subject names no actor ("Jean Guth was
     * captured", "the czar was shot"): in dyad's own coding, an ordinary
     * person harmed, by no one named */
    int victim_only = e->tk == TG_PASSIVE && dyad_mode && o->modality && !agent_only;
    if (!code || (e->tk != TG_STR && !agent_only && !victim_only))
        return 0;
    if (e->cameo && dyad_pico_from_cameo(e->cameo, NULL) == e->code)
        code = e->cameo; /* the dictionary's own code, finer than the table's */
    if (dyad_mode && o->modality && !strncmp(code, "17", 2) && that_clause_verb(c, e->vtok))
        code = "112"; /* "charged that ...": an accusation, not an arrest or a charge in court */
    const char *mod = NULL;
    if (o->modality) {
        int m = dyad_tc__modality(c, e->vtok, code);
        if (m == DYAD_TC_NEGATED || (m == DYAD_TC_HYPOTHETICAL && !o->keep_hypothetical))
            return 0;
        if ((m == DYAD_TC_FUTURE || m == DYAD_TC_INTENT) && strncmp(code, "03", 2) &&
            strncmp(code, "13", 2)) {
            const char *ic = dyad_tc__intent_code(code);
            if (ic)
                code = ic;
        }
        if (m == DYAD_TC_ASSERTED && (!strncmp(code, "03", 2) || !strncmp(code, "13", 2)))
            m = DYAD_TC_INTENT; /* "threatened X with", "offered": the code says so */
        mod = dyad_tc__modality_name(m);
    }
    const char *none = dyad_mode ? "" : "---";
    const char *e_tstr = e->tstr;
    int lone = !o->require_dyad && (!o->one_sided || one_sided_code(code));
    int rc = 0;
    if (agent_only) {
        for (int i = 0; i < e->src.n && !rc && one_sided_code(code); i++)
            rc = emit(c, out, e->src.v[i], none, code, e->vtok, mod);
        return rc;
    }
    if (victim_only)
        return harm_code(code) ? emit(c, out, none, "~CVL", code, e->vtok, mod) : 0;
    if (!strcmp(e->tstr, dyad_tc__RECIP)) {
        /* "X and Y accused each other": each of the others */
        for (int i = 0; i < e->src.n && !rc; i++)
            for (int j = 0; j < e->src.n && !rc; j++)
                if (i != j && strcmp(e->src.v[i], e->src.v[j]))
                    rc = emit(c, out, e->src.v[i], e->src.v[j], code, e->vtok, mod);
        return rc;
    }
    /* "police and peddlers clashed in Caracas": the sides of a clash are
     * each other's target, not the place (a bare country code) */
    int fight_place = dyad_mode && e->src.n > 1 && strlen(e->tstr) == 3 &&
                      reciprocal_code(c, code, e->vtok) && strncmp(code, "0", 1);
    if (fight_place)
        e_tstr = "";
    int mutual = e->src.n > 1 && !e_tstr[0] &&
                 (!strncmp(code, "03", 2) || !strncmp(code, "04", 2) ||
                  !strncmp(code, "05", 2) || !strncmp(code, "06", 2) ||
                  (dyad_mode && reciprocal_code(c, code, e->vtok)));
    int both = dyad_mode && o->modality && e_tstr[0] && reciprocal_code(c, code, e->vtok);
    if (e->src.n && e_tstr[0]) {
        for (int i = 0; i < e->src.n && !rc; i++) {
            /* a target that is the source itself ("taxi drivers protest with a
             * strike they call ..."): the act stands alone when it may */
            if (dyad_mode && lone && !strcmp(e->src.v[i], e_tstr)) {
                rc = emit(c, out, e->src.v[i], none, code, e->vtok, mod);
                continue;
            }
            rc = emit(c, out, e->src.v[i], e_tstr, code, e->vtok, mod);
            if (!rc && both && e->src.v[i][0] != '~')
                rc = emit(c, out, e_tstr, e->src.v[i], code, e->vtok, mod);
        }
    } else if (lone && e->src.n && !(dyad_mode && mutual)) {
        for (int i = 0; i < e->src.n && !rc; i++)
            rc = emit(c, out, e->src.v[i], none, code, e->vtok, mod);
    } else if (lone && e_tstr[0]) {
        rc = emit(c, out, none, e_tstr, code, e->vtok, mod);
    }
    if (mutual)
        for (int i = 0; i < e->src.n && !rc; i++)
            for (int j = 0; j < e->src.n && !rc; j++)
                if (i != j && strcmp(e->src.v[i], e->src.v[j]))
                    rc = emit(c, out, e->src.v[i], e->src.v[j], code, e->vtok, mod);
    return rc;
}

/* Do CAMEO codes a and b share their root and their PLOVER category (190 and
 * 193 do; 190 "assault" and 192 "occupy territory" do not)? */
static int same_kind(const char *a, const char *b)
{
    if (strncmp(a, b, 2))
        return 0;
    const dyad_cameo_info *ia = dyad_cameo_lookup(a), *ib = dyad_cameo_lookup(b);
    const char *pa = ia && ia->plover ? ia->plover : "", *pb = ib && ib->plover ? ib->plover : "";
    return !strcmp(pa, pb);
}

/* Drops a one-sided event that an event of the sentence with both sides
 * already tells: the same source (or target) and kind of act ("killed eight
 * recruits and wounded 16": the wounding adds nothing without its target). */
static void prune_one_sided(dyad_coded_list *out)
{
    int m = 0;
    for (int i = 0; i < out->n; i++) {
        const dyad_coded *e = &out->ev[i];
        int drop = 0;
        for (int j = 0; j < out->n && !drop && (!e->source[0] || !e->target[0]); j++) {
            const dyad_coded *f = &out->ev[j];
            if (j == i || !f->source[0] || !f->target[0] || !same_kind(e->code, f->code))
                continue;
            drop = e->source[0] ? !strcmp(e->source, f->source) : !strcmp(e->target, f->target);
        }
        if (!drop)
            out->ev[m++] = *e;
    }
    out->n = m;
}

/* Is verb token vtok the head of a verb phrase of the ERUPT block ("broke
 * out", "erupted", "flared": the subject says what broke out)? */
static int erupt_verb(tctx *c, int vtok)
{
    for (int i = 0; vtok >= 0 && i < c->nn; i++) {
        const pnode *p = &c->n[i];
        if (p->kind != K_VP || !p->block || !p->block->name || strcmp(p->block->name, "ERUPT"))
            continue;
        for (int k = 0; k < p->nk; k++)
            if (c->n[p->kids[k]].tok == vtok && !c->n[p->kids[k]].nk)
                return 1;
    }
    return 0;
}

/* "Clashes erupted between Indian and Pakistani troops": the verb gives one
 * event per side with no source; in dyad's own coding the sides are each
 * other's source and target, as CAMEO codes a clash. Rewrites out->ev[from..]
 * in place when a verb of the ERUPT block has two or more such sides. */
static int erupt_sides(tctx *c, dyad_coded_list *out, int from)
{
    for (int i = from; i < out->n; i++) {
        const dyad_coded *e = &out->ev[i];
        if (e->source[0] || !e->target[0] || !erupt_verb(c, e->verb_tok0))
            continue;
        int side[8], ns = 0;
        for (int j = i; j < out->n && ns < 8; j++)
            if (!out->ev[j].source[0] && out->ev[j].verb_tok0 == e->verb_tok0 &&
                !strcmp(out->ev[j].code, e->code))
                side[ns++] = j;
        if (ns < 2)
            continue;
        dyad_coded *pairs = dyad_arena_alloc(c->a, (size_t)(ns * ns) * sizeof *pairs);
        if (!pairs)
            return DYAD_ENOMEM;
        int np = 0;
        for (int a = 0; a < ns; a++)
            for (int b = 0; b < ns; b++) {
                if (a == b || !strcmp(out->ev[side[a]].target, out->ev[side[b]].target))
                    continue;
                pairs[np] = out->ev[side[b]];
                pairs[np].source = out->ev[side[a]].target;
                pairs[np].src_tok0 = out->ev[side[a]].tgt_tok0;
                pairs[np].src_tok1 = out->ev[side[a]].tgt_tok1;
                np++;
            }
        /* drop the one-sided events, then append the pairs */
        int m = from;
        for (int j = from; j < out->n; j++) {
            int drop = 0;
            for (int k = 0; k < ns && !drop; k++)
                drop = side[k] == j;
            if (!drop)
                out->ev[m++] = out->ev[j];
        }
        out->n = m;
        for (int k = 0; k < np; k++) {
            if (out->n == out->cap) {
                int cap = out->cap ? out->cap * 2 : 8;
                dyad_coded *ev = dyad_arena_alloc(c->a, (size_t)cap * sizeof *ev);
                if (!ev)
                    return DYAD_ENOMEM;
                memcpy(ev, out->ev, (size_t)out->n * sizeof *ev);
                out->ev = ev;
                out->cap = cap;
            }
            out->ev[out->n++] = pairs[k];
        }
        return 0; /* one such verb a sentence is enough in news */
    }
    return 0;
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
    int root = dyad_tc__build_nodes(&c, t);
    if (root < 0)
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    dyad_tc__convert_existentials(&c);
    dyad_tc__repair_noun_verbs(&c);
    dyad_tc__mark_absolutives(&c, root, 0);
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
        evl m = dyad_tc__phrase_meaning(&c, ch);
        for (int i = 0; i < m.n && !c.err; i++)
            if (dyad_tc__collect(&c, out, m.v[i]))
                c.err = DYAD_ENOMEM;
    }
    if (!c.err && !o->require_dyad && o->one_sided && o->modality && erupt_sides(&c, out, 0))
        c.err = DYAD_ENOMEM;
    int nclause = out->n;
    dyad_tc__relative_clauses(&c, root, out, 0);
    int nrel = out->n;
    if (!c.err)
        dyad_tc__event_nouns(&c, root, out);
    for (int i = nclause; i < out->n; i++) /* where the events came from */
        out->ev[i].origin = i < nrel ? 1 : 2;
    if (!o->require_dyad && o->one_sided)
        prune_one_sided(out);
    if (c.err)
        return dyad_set_error(c.err, "out of memory");
    return 0;
}
