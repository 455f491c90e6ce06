/* lg_rank.c: the parse attempts and the ranking of their linkages (see
 * lg_internal.h and lg.h).
 *
 * The sentence is parsed with link-grammar's cheap disjuncts first; when that
 * finds no complete linkage, a parse with all disjuncts and one with null
 * links are ranked together. The first K linkages of each attempt become
 * graphs (lg_links.c) and are scored by what the coders need: every word
 * attached, finite verbs attached as clauses, a main verb with its subject, no
 * reading news text rarely has, then link-grammar's own costs. A verb that
 * link-grammar's dictionary gives no "that" clause is parsed again with a
 * reporting verb standing in.
 */
#include "parse/lg_internal.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>

static int nchild(const graph *g, int w)
{
    int n = 0;
    for (int i = 1; i < g->nw; i++)
        n += g->w[i].head == w && g->w[i].cat != C_PUNCT;
    return n;
}

static int conj_kind_g(const graph *g, int w)
{
    for (int guard = 0; guard < 8; guard++) {
        int next = -1;
        for (int i = 1; i < g->nw && next < 0; i++)
            if (g->w[i].head == w && g->w[i].rel == R_CONJ)
                next = i;
        if (next < 0)
            return C_NONE;
        if (g->w[next].cat != C_CONJ)
            return g->w[next].cat;
        w = next;
    }
    return C_NONE;
}

/* The penalties of one linkage, for ranking (and, with DYAD_LG_TRACE, shown). */
typedef struct penalty {
    double sum;
    char why[256];
    size_t len;
} penalty;

static void pen(penalty *p, double pts, const char *what, const gword *x)
{
    p->sum += pts;
    if (p->len + 40 < sizeof p->why)
        p->len += (size_t)snprintf(p->why + p->len, sizeof p->why - p->len, " %s(%s)+%g", what,
                                   x ? x->base : "", pts);
}

/* Verbs that take a predicate adjective ("remained mum"). */
static const char *const lg_copulas[] = {
    "be", "is", "are", "was", "were", "been", "being", "am", "'s", "'re", "'m", "remain",
    "remains", "remained", "remaining", "stay", "stays", "stayed", "become", "becomes",
    "became", "seem", "seems", "seemed", "appear", "appears", "appeared", "look", "looks",
    "looked", "feel", "feels", "felt", "sound", "sounds", "sounded", "grow", "grows", "grew",
    "grown", "prove", "proves", "proved", "proven", "turn", "turns", "turned", "get", "gets",
    "got", "gotten", "keep", "keeps", "kept", "go", "goes", "went", "gone", "fall", "falls",
    "fell", "make", "makes", "made", "find", "finds", "found", "consider", "considered",
    "deem", "deemed", "declare", "declared", NULL};

static int is_aux_word(const char *b)
{
    return lg__eq(b, "had") || lg__eq(b, "has") || lg__eq(b, "have") || lg__in(b, lg__modals);
}

/* A coordination of a name with a bare singular common noun (no determiner,
 * lower case): rarely what the text means. */
static int mixed_conjuncts(const graph *g, int c)
{
    int name = 0, bare = 0;
    for (int i = 1; i < g->nw; i++) {
        const gword *x = &g->w[i];
        if (x->head != c || x->rel != R_CONJ || x->cat != C_NOUN || !x->tag)
            continue;
        if (!strncmp(x->tag, "NNP", 3))
            name = 1;
        else if (lg__eq(x->tag, "NN") && islower((unsigned char)x->text[0]) &&
                 lg__child_rel(g, i, R_DET) < 0 && lg__child_rel(g, i, R_MOD) < 0)
            bare = 1;
    }
    return name && bare;
}

/* Penalties of one word. */
static void word_penalties(const graph *g, int w, penalty *p)
{
    const gword *x = &g->w[w];
    int has_subj = lg__child_rel(g, w, R_SUBJ) >= 0, verb = x->cat == C_VERB;
    if (x->prio == 1 && x->cat != C_PUNCT)
        pen(p, 10, "orphan", x); /* no link gave it a head */
    if (verb && (x->rel == R_REPORT || (x->rel == R_ROOT && x->head == 0)) && !has_subj &&
        !lg__eq(x->tag, "VB"))
        pen(p, 4, "nosubj", x); /* a reporting or main verb without its subject */
    if ((x->rel == R_VCH || x->rel == R_PRED) && x->head > 0 && !lg__verb_like(&g->w[x->head]))
        pen(p, 4, "vch", x); /* "with -Pv- said" */
    if (lg__eq(x->base, "that") && (lg__eq(x->sub, "j-d") || lg__eq(x->sub, "j-p")) && w > 1 &&
        lg__is_verb_sub(g->w[w - 1].sub))
        pen(p, 3, "that", x); /* "noted that Y": the complementizer, not a determiner */
    if (lg__in(x->base, lg__possessives) && !lg__eq(x->base, "her") && x->rel != R_DET)
        pen(p, 4, "poss", x); /* "his" as a subject */
    if ((lg__eq(x->base, "'s") || !strcmp(x->base, "\xE2\x80\x99s")) && verb)
        pen(p, w + 1 < g->nw && (g->w[w + 1].cat == C_NOUN || g->w[w + 1].cat == C_ADJ) ? 6 : 2,
            "'s", x); /* "Kenya's capital" read as "Kenya is capital" */
    if (verb && x->rel == R_NMOD && lg__eq(x->tag, "VBN") && !nchild(g, w))
        pen(p, 2, "bare-vbn", x); /* "The US claimed that ...": a bare participle */
    if (verb && is_aux_word(x->base) && has_subj && nchild(g, w) == 1)
        pen(p, 2, "aux", x); /* "that ISIL had": an auxiliary with nothing to help */
    if (x->rel == R_PRED && x->hlink >= 0 && !strncmp(g->k[x->hlink].lab, "Pa", 2) &&
        !lg__in(g->w[x->head].base, lg_copulas))
        pen(p, 3, "pa", x); /* "came prepared": a predicate adjective after a non-copula */
    if (lg__eq(x->sub, "g") && x->hlink >= 0 && lg__tis(&g->k[x->hlink], "O") && x->head > 0 &&
        lg__in(g->w[x->head].base, lg_copulas))
        pen(p, 2, "be-gerund", x); /* "are seeking" read as "are (the) seeking" */
    if (verb && (lg__eq(x->base, "has") || lg__eq(x->base, "have") || lg__eq(x->base, "had"))) {
        int y = w + 1;
        while (y < g->nw && g->w[y].cat == C_ADV)
            y++;
        if (y < g->nw && strstr(g->w[y].sub, "-d") && g->w[y].rel != R_VCH)
            pen(p, 4, "perfect", x); /* "has issued arrest warrants": issued is no adjective */
    }
    if (verb && lg__in(x->base, lg__be_forms)) {
        int y = w + 1;
        while (y < g->nw && g->w[y].cat == C_ADV)
            y++;
        if (y < g->nw && lg__ends_with_ing(g->w[y].base) &&
            (g->w[y].sub[0] == 'v' || g->w[y].sub[0] == 'g') && g->w[y].rel != R_VCH &&
            g->w[y].rel != R_PRED)
            pen(p, 4, "progressive", x); /* "is claiming responsibility" */
    }
    if (x->cat == C_CONJ && x->rel != R_NONE && mixed_conjuncts(g, w))
        pen(p, 3, "mixed-conj", x); /* "relations with Asia and meet with ...": a verb read
                                     * as a bare noun beside a name */
    if (verb && lg__in(x->base, lg__modals) && lg__child_rel(g, w, R_VCH) < 0)
        pen(p, 3, "modal", x); /* "will" without a verb */
    if (verb && has_subj &&
        (x->rel == R_NMOD || x->rel == R_DEP || x->rel == R_POBJ || x->rel == R_OBJ))
        pen(p, 3, "clause", x); /* a clause hanging where a phrase should */
}

/* How well a linkage suits the coders (lower is better): words that had to be
 * attached by hand, finite verbs not attached as clauses, no main verb, readings
 * that news text rarely has, then link-grammar's own disjunct and link costs. */
static double rank_score(const graph *g, penalty *p)
{
    int main_verb = 0;
    memset(p, 0, sizeof *p);
    for (int w = 1; w < g->nw; w++) {
        const gword *x = &g->w[w];
        if (x->wall || x->nul)
            continue;
        word_penalties(g, w, p);
        if (x->head == 0 && x->rel == R_ROOT &&
            (x->cat == C_VERB || (x->cat == C_CONJ && conj_kind_g(g, w) == C_VERB)))
            main_verb = 1;
    }
    if (!main_verb)
        pen(p, 5, "nomain", NULL);
    if (g->violation)
        pen(p, 100, "violation", NULL);
    return p->sum + g->dcost + 0.05 * g->lcost;
}

static int run_parse(dyad_lg *p, Sentence s, int nullmin, int nullmax, dyad_lg_result *res)
{
    parse_options_set_min_null_count(p->po, nullmin);
    parse_options_set_max_null_count(p->po, nullmax);
    parse_options_reset_resources(p->po);
    int n = sentence_parse(s, p->po);
    if (parse_options_resources_exhausted(p->po))
        res->timed_out = 1;
    return n;
}


/* DYAD_LG_TRACE: each ranked linkage; with DYAD_LG_TRACE=2 also its tree. */
static void trace_linkage(graph *g, int i, double sc, const char *why)
{
    fprintf(stderr, "lg: linkage %d score %.2f (dcost %.2f lcost %d)%s\n", i, sc, g->dcost,
            g->lcost, why);
    if (atoi(getenv("DYAD_LG_TRACE")) < 2)
        return;
    dyad_tree *tr = NULL;
    if (!lg__tree(&tr, g, g->a))
        fprintf(stderr, "   %s\n", dyad_tree_to_string(tr, g->a));
}

/* Parses the prepared text; *best is the chosen linkage's graph. */
/* A new sentence for the prepared text, split into words, within the caps. */
static int new_sentence(Sentence *out, dyad_lg *p, const prep *pp, dyad_lg_result *res)
{
    *out = sentence_create(pp->s, p->dict);
    if (!*out)
        return dyad_set_error(DYAD_EPARSE, "link-grammar could not take the sentence");
    if (sentence_split(*out, p->po) < 0)
        return dyad_set_error(DYAD_EPARSE, "link-grammar could not split the sentence into words");
    int len = sentence_length(*out);
    res->words = len > 2 ? len - 2 : len;
    if (len > DYAD_LG_MAX_WORDS + 2)
        return dyad_set_error(DYAD_ELIMIT, "sentence of %d words: longer than %d", len - 2,
                              DYAD_LG_MAX_WORDS);
    return 0;
}

/* Parses s with one set of options (cost cap, null links): the number of
 * linkages, 0 when none. */
static int parse_with(Sentence *out, dyad_lg *p, const prep *pp, float cost, int nulls,
                      dyad_lg_result *res)
{
    /* no clock decides the result: the work is bounded by the length of the
     * piece (DYAD_LG_PIECE_WORDS, DYAD_LG_NULL_WORDS); link-grammar's own
     * timer (max_parse_time, set once) is only an emergency guard */
    parse_options_set_disjunct_cost(p->po, cost);
    /* a new Sentence for each attempt: reusing one across costs changes what
     * link-grammar finds */
    if (*out)
        sentence_delete(*out);
    *out = NULL;
    int rc = new_sentence(out, p, pp, res);
    if (rc)
        return rc;
    int mx = !nulls ? 0 : p->max_null < 0 || p->max_null > sentence_length(*out)
                              ? sentence_length(*out)
                              : p->max_null;
    int n = run_parse(p, *out, nulls, mx, res);
    return n > 0 ? n : 0;
}

/* Ranks the first K linkages of s; keeps the best in *best. extra is added to
 * every score (null words). */
static int rank_linkages(dyad_lg *p, Sentence s, const prep *pp, const char *text, graph *best,
                         double *best_sc, double extra, dyad_lg_result *res, dyad_arena *a)
{
    int avail = sentence_num_valid_linkages(s);
    if (avail <= 0)
        avail = sentence_num_linkages_post_processed(s);
    if (avail <= 0)
        avail = 1;
    int k = p->o.rank < 1 ? 1 : p->o.rank;
    if (k > avail)
        k = avail;
    for (int i = 0; i < k; i++) {
        Linkage lk = linkage_create((LinkageIdx)i, s, p->po);
        if (!lk)
            break;
        graph g;
        int rc = lg__graph_from_linkage(&g, lk, pp, text, a);
        linkage_delete(lk);
        if (rc)
            return rc;
        penalty pe;
        double sc = rank_score(&g, &pe) + extra;
        if (getenv("DYAD_LG_TRACE"))
            trace_linkage(&g, i, sc, pe.why);
        if (sc < *best_sc) {
            *best_sc = sc;
            *best = g;
            res->chosen = i;
            res->null_count = sentence_null_count(s);
        }
    }
    return 0;
}

/* What a word left out (a null link) costs in the ranking. */
#define LG_NULL_PENALTY 3.0

/* The parse: only cheap disjuncts first (link-grammar's rarer readings left
 * out); when that finds nothing, a parse with all disjuncts and one with null
 * links are ranked together (a null word costs extra), so that a sentence that
 * can only be parsed whole with a strange reading may leave out one word
 * instead. */
static int parse_attempts(dyad_lg *p, const prep *pp, const char *text, graph *best,
                          double *best_scp, dyad_lg_result *res, dyad_arena *a)
{
    float full = linkgrammar_get_dict_max_disjunct_cost(p->dict);
    float cheap = p->o.cheap_cost > 0 && p->o.cheap_cost < full ? p->o.cheap_cost : full;
    double best_sc = *best_scp;
    Sentence s = NULL;
    int n = parse_with(&s, p, pp, cheap, 0, res), rc = n < 0 ? n : 0;
    if (n > 0) {
        res->linkages = n;
        rc = rank_linkages(p, s, pp, text, best, &best_sc, 0, res, a);
    } else if (!rc) {
        for (int st = 0; st < 2 && !rc; st++) {
            if ((st == 0 && cheap >= full) || (st == 1 && (!p->o.null_links || !p->max_null)))
                continue;
            /* a partial parse scores at least LG_NULL_PENALTY: it cannot beat
             * a full one that scores less */
            if (st == 1 && best_sc <= LG_NULL_PENALTY)
                continue;
            n = parse_with(&s, p, pp, full, st, res);
            if (n < 0) {
                rc = n;
                break;
            }
            if (n == 0)
                continue;
            res->linkages += n;
            double extra = st ? LG_NULL_PENALTY * sentence_null_count(s) : 0;
            rc = rank_linkages(p, s, pp, text, best, &best_sc, extra, res, a);
        }
    }
    if (s)
        sentence_delete(s);
    *best_scp = best_sc;
    return rc;
}

/* "Gollum allowed that Mordor isn't ...": a verb that link-grammar's
 * dictionary does not give a "that" clause reads "that" as a determiner of the
 * next noun however the rest goes. When the chosen linkage does that and a
 * finite verb follows, the verb index (else -1): the sentence is parsed again
 * with a reporting verb standing in for it. */
static int that_clause_verb(const graph *g)
{
    for (int w = 2; w + 2 < g->nw; w++) {
        const gword *x = &g->w[w], *v = &g->w[w - 1];
        if (!lg__eq(x->base, "that") || !(lg__eq(x->sub, "j-d") || lg__eq(x->sub, "j-p")) ||
            !lg__is_verb_sub(v->sub) || v->run >= 0 || v->os < 0)
            continue;
        for (int y = w + 2; y < g->nw; y++) {
            const gword *f = &g->w[y];
            if (f->tag && (lg__eq(f->tag, "VBD") || lg__eq(f->tag, "VBZ") ||
                           lg__eq(f->tag, "VBP") || lg__eq(f->tag, "MD")))
                return w - 1;
        }
    }
    return -1;
}

/* A copy of pp with the word at original span [os, oe) replaced by stand. */
static int prep_substitute(prep *out, const prep *pp, int os, int oe, const char *stand)
{
    memset(out, 0, sizeof *out);
    out->a = pp->a;
    int done = 0;
    for (int i = 0; i < pp->n; i++) {
        if (pp->os[i] >= os && pp->oe[i] <= oe && pp->oe[i] > pp->os[i] && pp->s[i] != ' ') {
            if (!done)
                lg__prep_put(out, stand, (int)strlen(stand), os, oe, -1);
            done = 1;
            continue;
        }
        lg__prep_put(out, pp->s + i, 1, pp->os[i], pp->oe[i], pp->run[i]);
    }
    out->runs = pp->runs;
    out->nruns = pp->nruns;
    out->runcap = pp->runcap;
    if (!out->s)
        lg__prep_put(out, "", 0, 0, 0, -1);
    return out->err;
}

int lg__parse_best(dyad_lg *p, const prep *pp, const char *text, graph *best,
                      dyad_lg_result *res, dyad_arena *a)
{
    double best_sc = 1e30;
    int rc = parse_attempts(p, pp, text, best, &best_sc, res, a);
    int v = !rc && best_sc < 1e30 ? that_clause_verb(best) : -1;
    if (v > 0) {
        const gword *x = &best->w[v];
        const char *stand = strstr(x->sub, "-d") || lg__ends_with(x->base, "ed") ? "noted"
                            : lg__ends_with_ing(x->base)                         ? "noting"
                            : lg__ends_with(x->base, "s")                        ? "notes"
                                                                             : "note";
        prep *sub = dyad_arena_alloc(a, sizeof *sub); /* the chosen graph points at it */
        if (!sub || prep_substitute(sub, pp, x->os, x->oe, stand))
            return lg__nomem();
        if (getenv("DYAD_LG_TRACE"))
            fprintf(stderr, "lg: '%s that' again with '%s'\n", x->base, stand);
        rc = parse_attempts(p, sub, text, best, &best_sc, res, a);
    }
    if (!rc && best_sc >= 1e30)
        rc = dyad_set_error(DYAD_EPARSE, "no linkage%s",
                            res->timed_out ? " within link-grammar's emergency time limit" : "");
    return rc;
}

