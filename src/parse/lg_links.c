/* lg_links.c: one link-grammar linkage as a dependency graph (see
 * lg_internal.h).
 *
 *   import: the words (subscripts, spans in the original text) and links;
 *   heads:  one head per word chosen among its links by the kind of link,
 *           clause links moved from the subject noun to its verb, cycles
 *           broken, crossing arcs lifted: a projective dependency tree; a few
 *           repairs of readings link-grammar gets wrong on news text;
 *   tags:   Penn part-of-speech tags from subscripts, closed word lists and
 *           the chosen relations.
 * The heads are link-grammar's: prepositions head their objects, auxiliaries
 * their verbs, conjunctions their conjuncts. lg_rank.c scores graphs in that
 * form; lg_ud.c turns the chosen one into UD.
 */
#include "parse/lg_internal.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>

/* ---- import: one linkage as words and links ------------------------------ */


static void split_lgword(gword *g, const char *s)
{
    size_t n = strlen(s);
    if (n > 2 && s[0] == '[' && s[n - 1] == ']') {
        g->nul = 1;
        return;
    }
    const char *br = strchr(s, '[');
    if (br && br != s) {
        g->unknown = 1;
        const char *lt = strchr(br, '<');
        const char *gt = lt ? strchr(lt, '>') : NULL;
        if (lt && gt && gt - lt - 1 < (long)sizeof g->guess)
            memcpy(g->guess, lt + 1, (size_t)(gt - lt - 1));
    }
    /* the subscript: after the last '.', when that is followed by lower-case
     * letters, digits, '-' or '#' only, and something precedes it */
    const char *dot = strrchr(s, '.');
    if (!dot || dot == s || !dot[1])
        return;
    const char *q = dot + 1;
    for (; *q; q++)
        if (!(islower((unsigned char)*q) || isdigit((unsigned char)*q) || *q == '-' || *q == '#'))
            return;
    if (q - dot - 1 < (long)sizeof g->sub)
        memcpy(g->sub, dot + 1, (size_t)(q - dot - 1));
}

static void link_type(glink *k)
{
    const char *l = k->lab;
    int i = 0;
    if (l[0] == '_') {
        memcpy(k->type, "_I", 3);
        return;
    }
    while (l[i] && isupper((unsigned char)l[i]) && i < (int)sizeof k->type - 1) {
        k->type[i] = l[i];
        i++;
    }
    k->type[i] = 0;
}

/* The original span of link-grammar's bytes [bs, be) of the prepared text. */
static void orig_span(const prep *pp, int bs, int be, int *os, int *oe, int *run)
{
    *os = *oe = -1;
    *run = -1;
    if (bs < 0 || be > pp->n || bs >= be)
        return;
    *os = pp->os[bs];
    *oe = pp->oe[be - 1];
    *run = pp->run[bs];
}

static int import_words(graph *g, Linkage lk)
{
    g->nw = (int)linkage_get_num_words(lk);
    g->w = dyad_arena_alloc(g->a, (size_t)(g->nw + 1) * sizeof *g->w);
    if (!g->w)
        return DYAD_ENOMEM;
    int seen_first = 0;
    for (int i = 0; i < g->nw; i++) {
        gword *w = &g->w[i];
        w->lg = linkage_get_word(lk, (WordIdx)i);
        w->head = -1;
        w->hlink = -1;
        if (!w->lg)
            w->lg = "";
        if (lg__eq(w->lg, "LEFT-WALL") || lg__eq(w->lg, "RIGHT-WALL")) {
            w->wall = 1;
            w->os = w->oe = -1;
            w->run = -1;
            w->text = "";
            continue;
        }
        split_lgword(w, w->lg);
        int bs = (int)linkage_get_word_byte_start(lk, (WordIdx)i);
        int be = (int)linkage_get_word_byte_end(lk, (WordIdx)i);
        orig_span(g->pp, bs, be, &w->os, &w->oe, &w->run);
        if (w->os < 0 || w->oe <= w->os) {
            w->text = "";
            continue;
        }
        w->text = dyad_arena_strndup(g->a, g->text + w->os, (size_t)(w->oe - w->os));
        if (!w->text)
            return DYAD_ENOMEM;
        lg__lower_copy(w->base, sizeof w->base, w->text, w->oe - w->os);
        w->first = !seen_first;
        seen_first = 1;
    }
    return 0;
}

static int import_links(graph *g, Linkage lk)
{
    g->nk = (int)linkage_get_num_links(lk);
    g->k = dyad_arena_alloc(g->a, (size_t)(g->nk + 1) * sizeof *g->k);
    if (!g->k)
        return DYAD_ENOMEM;
    int m = 0;
    for (int i = 0; i < g->nk; i++) {
        glink *k = &g->k[m];
        k->l = (int)linkage_get_link_lword(lk, (LinkIdx)i);
        k->r = (int)linkage_get_link_rword(lk, (LinkIdx)i);
        const char *lab = linkage_get_link_label(lk, (LinkIdx)i);
        if (k->l < 0 || k->r < 0 || k->l >= g->nw || k->r >= g->nw || !lab)
            continue;
        snprintf(k->lab, sizeof k->lab, "%s", lab);
        link_type(k);
        m++;
    }
    g->nk = m;
    return 0;
}

/* ---- heads ----------------------------------------------------------------- */

/* Words that start a phrase of their own kind, by their lower-case form. */
const char *const lg__modals[] = {"can", "could", "will", "would", "shall", "should",
                                        "may", "might", "must", "ca", "wo", NULL};
const char *const lg__be_forms[] = {"be", "is", "are", "was", "were", "been", "being",
                                          "am", "'s", "'re", "'m", NULL};

static const char *const lg_pronouns[] = {
    "i", "you", "he", "she", "it", "we", "they", "me", "him", "her", "us", "them", "myself",
    "yourself", "himself", "herself", "itself", "ourselves", "themselves", "one", NULL};
const char *const lg__possessives[] = {"my", "your", "his", "her", "its", "our", "their",
                                             NULL};
static const char *const lg__wh[] = {"which", "who", "whom", "whose", "what", "where", "when",
                                    "why", "how", NULL};
static const char *const lg_dets[] = {
    "the", "a", "an", "this", "that", "these", "those", "every", "each", "some", "any", "no",
    "another", "all", "both", "either", "neither", "such", "what", "whatever", "many", "much",
    "few", "several", "more", "most", "less", "least", "other", "half", NULL};
static const char *const lg__preps[] = {
    "of", "in", "on", "at", "by", "for", "with", "from", "to", "into", "onto", "over", "under",
    "about", "against", "between", "among", "through", "during", "without", "within", "after",
    "before", "since", "until", "till", "across", "along", "around", "behind", "beyond",
    "despite", "near", "off", "out", "toward", "towards", "upon", "via", "amid", "amidst",
    "throughout", "above", "below", "beneath", "beside", "besides", "inside", "outside", "per",
    "like", "unlike", "as", "than", "because", "while", "although", "though", "if", "unless",
    "whether", "whereas", "once", "following", "including", "regarding", "concerning", NULL};
static const char *const lg_adverbs[] = {
    "almost", "nearly", "just", "only", "also", "again", "still", "already", "even", "soon",
    "now", "then", "here", "later", "earlier", "ago", "very", "too", "so", "well", "once",
    "never", "always", "often", "recently", "currently", "reportedly", "allegedly", "together",
    "away", "back", "further", "instead", "meanwhile", "however", "yet", "ever", "rather",
    "quite", "especially", "particularly", "mainly", "mostly", "largely", "roughly",
    "approximately", "some", "about", "around", "over", "under", "up", "down", NULL};
static const char *const lg__conjs[] = {"and", "or", "but", "nor", "&", "plus", "yet", NULL};
static const char *const lg_numbers[] = {
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred",
    "thousand", "million", "billion", "trillion", "dozen", "hundreds", "thousands", "millions",
    "billions", "dozens", NULL};

/* The rule for one link: which end is the head, the relation, the priority
 * (higher wins when a word has several candidate heads). */
typedef struct lrule {
    int head_left; /* 1: the left word is the head */
    int rel, prio;
} lrule;

int lg__tis(const glink *k, const char *t) { return lg__eq(k->type, t); }

/* The coordination links (SJ, VJ, MJ, AJ, RJ, IJ, CJ, ...): "SJls" joins the
 * left conjunct to the conjunction, "SJrs" the conjunction to the right one. */
static int conj_link(const glink *k, lrule *r)
{
    size_t n = strlen(k->type);
    if (n != 2 || k->type[1] != 'J' || k->type[0] == 'X' || k->type[0] == 'O')
        return 0;
    char side = k->lab[2];
    if (side != 'l' && side != 'r')
        return 0;
    *r = (lrule){side == 'r', R_CONJ, 80};
    return 1;
}

static lrule rule_for(const glink *k)
{
    lrule r = {1, R_DEP, 15};
    const char *t = k->type;
    if (conj_link(k, &r))
        return r;
    if (lg__tis(k, "_I"))
        return (lrule){0, R_IDIOM, 90};
    if (lg__tis(k, "S") || lg__tis(k, "SF") || lg__tis(k, "SX") || lg__tis(k, "SFI") || lg__tis(k, "SXI"))
        return (lrule){t[2] == 'I' ? 1 : 0, R_SUBJ, 70};
    if (lg__tis(k, "SI"))
        return (lrule){1, R_SUBJ, 70};
    if (lg__tis(k, "D") || lg__tis(k, "DD") || lg__tis(k, "DG") || lg__tis(k, "DT") || lg__tis(k, "DP") ||
        lg__tis(k, "DTn") || lg__tis(k, "DTi"))
        return (lrule){0, R_DET, 65};
    if (lg__tis(k, "A") || lg__tis(k, "AN") || lg__tis(k, "AA") || lg__tis(k, "G") || lg__tis(k, "GN") ||
        lg__tis(k, "ND") || lg__tis(k, "NN") || lg__tis(k, "NA") || lg__tis(k, "NIf") || lg__tis(k, "NS"))
        return (lrule){0, R_MOD, 65};
    if (lg__tis(k, "YS") || lg__tis(k, "YP"))
        return (lrule){0, R_POSS, 65};
    if (t[0] == 'J' || lg__tis(k, "ON"))
        return (lrule){1, R_POBJ, 65};
    if (lg__tis(k, "O") || lg__tis(k, "OT") || lg__tis(k, "OD") || lg__tis(k, "OX"))
        return (lrule){1, R_OBJ, 60};
    if (lg__tis(k, "OF"))
        return (lrule){1, R_ADV, 60};
    if (lg__tis(k, "I") || lg__tis(k, "PP") || lg__tis(k, "IN"))
        return (lrule){1, R_VCH, 60};
    if (lg__tis(k, "P"))
        return (lrule){1, (k->lab[1] == 'v' || k->lab[1] == 'g') ? R_VCH : R_PRED, 60};
    if (lg__tis(k, "TO"))
        return (lrule){1, R_INF, 60};
    if (lg__tis(k, "N"))
        return (lrule){1, R_NEG, 60};
    if (lg__tis(k, "K"))
        return (lrule){1, R_PRT, 60};
    if (lg__tis(k, "RS"))
        return (lrule){0, R_RELPRO, 60};
    if (lg__tis(k, "CV") || lg__tis(k, "TH") || lg__tis(k, "TS"))
        return (lrule){1, R_COMP, 55};
    if (lg__tis(k, "CP") || lg__tis(k, "CQ"))
        return (lrule){1, R_REPORT, 55};
    if (lg__tis(k, "WV"))
        return (lrule){1, R_ROOT, 55};
    if (t[0] == 'W')
        return (lrule){1, R_ROOT, k->lab[1] == 'd' ? 50 : 52};
    if (t[0] == 'C' && !t[1])
        return (lrule){1, R_COMP, 50};
    if (lg__tis(k, "CO"))
        return (lrule){0, R_OPENER, 40};
    if (lg__tis(k, "B"))
        return (lrule){1, R_RELCL, 45};
    if (lg__tis(k, "E") || lg__tis(k, "EA") || lg__tis(k, "EE") || lg__tis(k, "EN") || lg__tis(k, "EC") ||
        lg__tis(k, "EZ") || lg__tis(k, "EI") || lg__tis(k, "EL"))
        return (lrule){0, R_ADV, 45};
    if (lg__tis(k, "MV"))
        return (lrule){1, R_ADV, 40};
    if (lg__tis(k, "MX"))
        return (lrule){1, R_APPOS, 38};
    if (t[0] == 'M' && !(t[1] && t[1] != 'X' && isupper((unsigned char)t[1])))
        return (lrule){1, R_NMOD, 38};
    if (lg__tis(k, "Y") || lg__tis(k, "L"))
        return (lrule){0, R_MOD, 50};
    if (lg__tis(k, "TM") || lg__tis(k, "TD") || lg__tis(k, "TY") || lg__tis(k, "TW") || lg__tis(k, "TA") ||
        lg__tis(k, "NM") || lg__tis(k, "NI"))
        return (lrule){1, R_FLAT, 50};
    if (lg__tis(k, "X")) {
        if (k->lab[1] == 'd')
            return (lrule){0, R_PUNCT, 30};
        return (lrule){1, R_PUNCT, 30};
    }
    if (lg__tis(k, "EB"))
        return (lrule){1, R_ADV, 30};
    if (lg__tis(k, "R"))
        return (lrule){1, R_RELPRO, 20};
    if (lg__tis(k, "IV"))
        return (lrule){1, R_VCH, 5};
    if (lg__tis(k, "PH") || lg__tis(k, "RW") || lg__tis(k, "LI"))
        return (lrule){1, R_NONE, 0};
    return r;
}

/* Does word w have a link of this type (any side)? Returns the link or NULL. */
static const glink *link_of(const graph *g, int w, const char *type, int as_left)
{
    for (int i = 0; i < g->nk; i++) {
        const glink *k = &g->k[i];
        if ((as_left ? k->l : k->r) == w && lg__tis(k, type))
            return k;
    }
    return NULL;
}

/* Is w linked as the subject of a verb? Returns the verb, else -1. */
static int subject_of(const graph *g, int w)
{
    for (int i = 0; i < g->nk; i++) {
        const glink *k = &g->k[i];
        lrule r = rule_for(k);
        if (r.rel != R_SUBJ)
            continue;
        int dep = r.head_left ? k->r : k->l, head = r.head_left ? k->l : k->r;
        if (dep == w)
            return head;
    }
    return -1;
}

static int lg__is_noun_sub(const char *sub);
int lg__is_verb_sub(const char *sub);

/* Can this word govern a verb chain (an auxiliary, a modal, "to")? */
int lg__verb_like(const gword *x)
{
    return (x->sub[0] == 'v' || x->sub[0] == 'q' || x->sub[0] == 'w') ||
           lg__in(x->base, lg__modals) || lg__eq(x->base, "to") || lg__eq(x->base, "not");
}

/* A verb or a modal: a word that can carry a clause's tense. */
static int finite_like(const gword *x)
{
    return (x->sub[0] == 'v' || x->sub[0] == 'q' || x->sub[0] == 'w') ||
           lg__in(x->base, lg__modals);
}

/* The top of a verb chain: from a content verb up through the auxiliaries
 * that govern it ("has been attacked" -> "has"). */
static int chain_top(const graph *g, int v)
{
    for (int guard = 0; guard < 8; guard++) {
        int up = -1;
        for (int i = 0; i < g->nk && up < 0; i++) {
            const glink *k = &g->k[i];
            if (k->r != v || k->l >= v || g->w[k->l].wall || !finite_like(&g->w[k->l]))
                continue;
            lrule r = rule_for(k);
            if (r.rel == R_VCH && r.prio >= 60)
                up = k->l;
        }
        if (up < 0)
            return v;
        v = up;
    }
    return v;
}

/* Candidate heads of one word. */
typedef struct cand {
    int head, rel, prio, link;
} cand;

typedef struct cands {
    cand c[12];
    int n, pick;
} cands;

static void add_cand(cands *cs, int head, int rel, int prio, int link)
{
    for (int i = 0; i < cs->n; i++)
        if (cs->c[i].head == head) {
            if (prio > cs->c[i].prio)
                cs->c[i] = (cand){head, rel, prio, link};
            return;
        }
    if (cs->n < 12)
        cs->c[cs->n++] = (cand){head, rel, prio, link};
}

/* Where a link that points at a clause through its subject (C, Wd, CO) or
 * at a content verb (CV, WV, CP, B, VJ) really lands: the clause's finite verb. */
static int clause_target(const graph *g, int w, int rel)
{
    if (g->w[w].wall)
        return w;
    int v = subject_of(g, w);
    if (v >= 0 && (rel == R_ROOT || rel == R_COMP || rel == R_OPENER || rel == R_REPORT))
        return v;
    return chain_top(g, w);
}

static void collect_cands(const graph *g, cands *cs)
{
    for (int i = 0; i < g->nk; i++) {
        const glink *k = &g->k[i];
        lrule r = rule_for(k);
        if (r.rel == R_NONE)
            continue;
        int head = r.head_left ? k->l : k->r, dep = r.head_left ? k->r : k->l;
        if (lg__tis(k, "L")) {
            /* "the state's fiercest foe": the superlative modifies the noun the
             * determiner belongs to */
            const glink *d = link_of(g, k->l, "D", 1);
            if (!d)
                continue;
            head = d->r;
            dep = k->r;
        }
        if (r.rel == R_ROOT || r.rel == R_COMP || r.rel == R_REPORT || r.rel == R_RELCL ||
            (r.rel == R_CONJ && r.head_left))
            dep = clause_target(g, dep, r.rel);
        if (r.rel == R_OPENER)
            head = clause_target(g, head, r.rel);
        if (dep == head || g->w[dep].wall)
            continue;
        if (r.rel == R_ROOT && !g->w[head].wall)
            r.rel = R_CONJ; /* "and.ij -WV- said": a clause joined by a conjunction */
        add_cand(&cs[dep], head, r.rel, r.prio, i);
    }
    for (int w = 0; w < g->nw; w++) {
        cands *c = &cs[w];
        /* best first; equal priority: the nearer head */
        for (int i = 1; i < c->n; i++)
            for (int j = i; j > 0; j--) {
                cand *x = &c->c[j - 1], *y = &c->c[j];
                int dx = abs(x->head - w), dy = abs(y->head - w);
                if (y->prio > x->prio || (y->prio == x->prio && dy < dx)) {
                    cand t = *x;
                    *x = *y;
                    *y = t;
                } else {
                    break;
                }
            }
        c->pick = 0;
    }
}

static int cur_head(const cands *cs, int w)
{
    const cands *c = &cs[w];
    return c->pick < c->n ? c->c[c->pick].head : -1;
}

/* Breaks cycles: the member of a cycle whose current link is weakest moves to
 * its next candidate. */
static void break_cycles(const graph *g, cands *cs)
{
    for (int round = 0; round < g->nw * 4; round++) {
        int changed = 0;
        for (int w = 0; w < g->nw && !changed; w++) {
            int x = w, steps = 0;
            while (x >= 0 && steps <= g->nw) {
                x = cur_head(cs, x);
                steps++;
                if (x == w)
                    break;
            }
            if (x != w)
                continue;
            int weakest = w, wp = 1000;
            x = w;
            do {
                const cands *c = &cs[x];
                if (c->c[c->pick].prio < wp) {
                    wp = c->c[c->pick].prio;
                    weakest = x;
                }
                x = cur_head(cs, x);
            } while (x != w);
            cs[weakest].pick++;
            changed = 1;
        }
        if (!changed)
            return;
    }
}

static int dominated(const gword *w, int x, int h, int nw)
{
    for (int guard = 0; x >= 0 && guard <= nw; guard++) {
        if (x == h)
            return 1;
        x = w[x].head;
    }
    return 0;
}

/* Attaches words without a head: to the head of the innermost arc that covers
 * them (which keeps the tree projective), else to the left wall. */
static void attach_orphans(graph *g)
{
    for (int w = 1; w < g->nw; w++) {
        gword *x = &g->w[w];
        if (x->head >= 0 || x->wall)
            continue;
        int best = 0, span = 1 << 30;
        for (int d = 1; d < g->nw; d++) {
            int h = g->w[d].head;
            if (h < 0 || d == w)
                continue;
            int lo = h < d ? h : d, hi = h < d ? d : h;
            if (lo < w && w < hi && hi - lo < span && !dominated(g->w, h, w, g->nw)) {
                span = hi - lo;
                best = h;
            }
        }
        x->head = best;
        x->rel = R_DEP;
        x->prio = 1;
    }
}

/* Lifts arcs that cover a word their head does not dominate (only the arcs
 * made by moving clause links can do that) until the tree is projective. */
static void make_projective(graph *g)
{
    for (int round = 0; round < g->nw * 2; round++) {
        int changed = 0;
        for (int d = 1; d < g->nw; d++) {
            int h = g->w[d].head;
            if (h < 0)
                continue;
            int lo = h < d ? h : d, hi = h < d ? d : h;
            for (int x = lo + 1; x < hi; x++)
                if (!dominated(g->w, x, h, g->nw)) {
                    g->w[d].head = g->w[h].head >= 0 ? g->w[h].head : 0;
                    changed = 1;
                    break;
                }
        }
        if (!changed)
            return;
    }
}

int lg__ends_with_ing(const char *s)
{
    size_t n = strlen(s);
    return n > 4 && !strcmp(s + n - 3, "ing");
}

/* The last word of w's subtree. */
static int subtree_end(const graph *g, int w)
{
    int end = w;
    for (int x = w + 1; x < g->nw; x++) {
        int a = g->w[x].head, guard = 0;
        while (a >= 0 && a != w && guard++ <= g->nw)
            a = g->w[a].head;
        if (a == w)
            end = x;
    }
    return end;
}

/* A verb modifier that link-grammar hung on an auxiliary or a governing verb
 * although it follows a verb complement ("is about to restore ties | with
 * Gondor") goes to the lowest verb of that complement whose words end right
 * before it, as CoreNLP attaches it. Projective: that verb's subtree ends where
 * the modifier starts. */
static void lower_modifiers(graph *g)
{
    int *maxd = dyad_arena_alloc(g->a, (size_t)(g->nw + 1) * sizeof *maxd);
    if (!maxd)
        return;
    for (int d = 1; d < g->nw; d++) {
        gword *x = &g->w[d];
        int v = x->head;
        if (x->rel != R_ADV || v <= 0 || v >= d || x->hlink < 0 ||
            !lg__tis(&g->k[x->hlink], "MV"))
            continue;
        for (int w = 0; w < g->nw; w++)
            maxd[w] = w;
        for (int w = 0; w < g->nw; w++)
            for (int a = g->w[w].head, guard = 0; a >= 0 && guard <= g->nw; a = g->w[a].head, guard++)
                if (maxd[a] < w)
                    maxd[a] = w;
        int best = -1;
        for (int a = d - 1, guard = 0; a > v && a >= 0 && guard <= g->nw; guard++) {
            int r = g->w[a].rel;
            if (maxd[a] != d - 1)
                break;
            if (best < 0 && g->w[a].sub[0] == 'v' && !lg__in(g->w[a].base, lg__modals))
                best = a;
            int up = g->w[a].head;
            if (up == v) {
                if (best >= 0 && (r == R_VCH || r == R_INF || r == R_PRED || r == R_COMP))
                    x->head = best;
                break;
            }
            if (best >= 0 && !(r == R_VCH || r == R_INF || r == R_PRED || r == R_COMP ||
                               r == R_OBJ || r == R_POBJ || r == R_NMOD || r == R_ADV))
                break;
            a = up;
        }
    }
}

/* Does the preposition p take a day or a month ("on Tuesday")? */
static int temporal_object(const graph *g, int p)
{
    for (int i = 0; i < g->nk; i++) {
        const glink *k = &g->k[i];
        if (k->l == p && (k->type[0] == 'J' || lg__tis(k, "ON")) &&
            (lg__in(g->w[k->r].base, lg__months_days) || lg__eq(g->w[k->r].sub, "i") ||
             lg__eq(g->w[k->r].base, "today") || lg__eq(g->w[k->r].base, "yesterday")))
            return 1;
    }
    return 0;
}

/* A prepositional phrase that link-grammar hangs both on a verb (MV) and on a
 * noun (M): CoreNLP-style, it stays on the verb when the noun is the verb's
 * object ("faces pressure | from Congress"); a place ("in", "of", "near") goes
 * to the noun when that is itself inside a prepositional phrase ("a summit on
 * the unrest | in Iran"), unless it is a date ("in Cairo | on Tuesday");
 * the agent "by" of a participle stays on the verb. */
static void choose_pp_attachment(graph *g, const cands *cs)
{
    for (int d = 1; d < g->nw; d++) {
        gword *x = &g->w[d];
        const cands *c = &cs[d];
        if (x->head < 0 || c->pick >= c->n)
            continue;
        for (int i = 0; i < c->n; i++) {
            const cand *o = &c->c[i];
            if (i == c->pick || o->head <= 0 || o->head >= d)
                continue;
            int by = lg__eq(x->base, "by");
            static const char *const low_preps[] = {"in", "of", "near", NULL};
            if (x->rel == R_ADV && o->rel == R_NMOD && lg__in(x->base, low_preps) &&
                g->w[o->head].rel == R_POBJ && o->head > x->head && !temporal_object(g, d)) {
                x->head = o->head, x->rel = o->rel, x->prio = o->prio, x->hlink = o->link;
                break;
            }
            if (x->rel == R_NMOD && o->rel == R_ADV && by && strstr(g->w[o->head].sub, "-d")) {
                x->head = o->head, x->rel = o->rel, x->prio = o->prio, x->hlink = o->link;
                break;
            }
        }
    }
}

/* A participle clause after a comma at the end of a clause ("..., offering
 * support to Lebanon") modifies the clause, not the noun before the comma. */
static void raise_participles(graph *g)
{
    for (int p = 2; p < g->nw; p++) {
        gword *x = &g->w[p];
        int n = x->head;
        if (n <= 0 || n >= p || (x->rel != R_APPOS && x->rel != R_NMOD) ||
            !(x->sub[0] == 'g' || x->sub[0] == 'v') || !(lg__eq(g->w[p - 1].base, ",")))
            continue;
        if (!lg__ends_with_ing(x->base) && !strstr(x->sub, "-d"))
            continue;
        int v = g->w[n].head;
        for (int guard = 0; v > 0 && guard < g->nw && g->w[v].sub[0] != 'v'; guard++)
            v = g->w[v].head;
        if (v <= 0 || v >= n)
            continue;
        /* p's phrase must end where v's does */
        int endp = subtree_end(g, p), endv = subtree_end(g, v);
        if (endp != endv)
            continue;
        x->head = v;
        x->rel = R_ADV;
    }
}

/* "Hundreds of UN troops", "a part of Syria": link-grammar reads the first noun
 * as a determiner of the last (N -D- Y, N -OF- of -J- Y) and hangs the phrase
 * from Y. CoreNLP's (NP (NP Hundreds) (PP of (NP UN troops))) has N as the head:
 * the D link is dropped and Y's links to the rest of the sentence move to N. */
static void fix_of_determiners(graph *g)
{
    for (int i = 0; i < g->nk; i++) {
        glink *of = &g->k[i];
        if (!lg__tis(of, "OF") || !lg__eq(g->w[of->r].base, "of"))
            continue;
        int n = of->l, o = of->r, y = -1, d = -1;
        for (int j = 0; j < g->nk; j++) {
            glink *k = &g->k[j];
            if (k->l == o && k->type[0] == 'J')
                y = k->r;
        }
        for (int j = 0; j < g->nk && y > o; j++)
            if (g->k[j].l == n && g->k[j].r == y && g->k[j].type[0] == 'D')
                d = j;
        if (d < 0 || link_of(g, y, "YS", 1) || link_of(g, y, "YP", 1))
            continue; /* "part of Syria's city": left as link-grammar has it */
        snprintf(g->k[d].lab, sizeof g->k[d].lab, "PH");
        link_type(&g->k[d]); /* ignored from now on */
        for (int j = 0; j < g->nk; j++) {
            glink *k = &g->k[j];
            if (k->l != y && k->r != y)
                continue;
            lrule r = rule_for(k);
            int head = r.head_left ? k->l : k->r;
            if (head == y || k->l == o || r.rel == R_NONE)
                continue; /* y's own dependents stay */
            if (k->l == y && k->r > y)
                k->l = n;
            else if (k->r == y && k->l < n)
                k->r = n;
        }
        /* a right link moved to n now starts left of y: planar, as n..y is one phrase */
    }
}

/* "has issued arrest warrants", "is claiming responsibility": link-grammar
 * sometimes reads the participle after an auxiliary as an adjective of the
 * noun that follows. The participle becomes the auxiliary's verb again and the
 * noun its object. */
static void repair_aux_participles(graph *g)
{
    static const char *const have[] = {"has", "have", "had", "having", NULL};
    for (int a = 1; a + 2 < g->nw; a++) {
        gword *aux = &g->w[a];
        int is_have = lg__in(aux->base, have), is_be = lg__in(aux->base, lg__be_forms);
        if (!(is_have || is_be) || aux->sub[0] != 'v')
            continue;
        int x = a + 1;
        while (x < g->nw && (lg__eq(g->w[x].sub, "e") || lg__eq(g->w[x].base, "not")))
            x++;
        if (x >= g->nw)
            continue;
        gword *v = &g->w[x];
        int form = is_have ? (strstr(v->sub, "-d") != NULL || lg__ends_with(v->base, "ed"))
                           : (lg__ends_with_ing(v->base) && (v->sub[0] == 'g' || v->sub[0] == 'v'));
        int n = v->head;
        if (!form || v->rel != R_MOD || n <= x || g->w[n].head != a ||
            (g->w[n].rel != R_OBJ && g->w[n].rel != R_PRED))
            continue;
        v->head = a;
        v->rel = R_VCH;
        g->w[n].head = x;
        g->w[n].rel = R_OBJ;
        for (int k = n + 1; k < g->nw; k++) { /* the auxiliary's modifiers are the verb's */
            gword *y = &g->w[k];
            if (y->head != a || y->rel == R_PUNCT || y->rel == R_REPORT)
                continue;
            y->head = x;
            /* a second participle right after a noun ("men sought in ...") is a
             * reduced relative of that noun */
            const gword *prev = &g->w[k - 1];
            int noun = lg__is_noun_sub(prev->sub) ||
                       (lg__eq(prev->sub, "p") && !lg__in(prev->base, lg__preps) &&
                        !lg__in(prev->base, lg__possessives)) ||
                       (prev->unknown && isupper((unsigned char)prev->text[0]));
            if (y->rel == R_VCH && strstr(y->sub, "-d") && noun &&
                g->w[k - 1].head > x) {
                y->head = k - 1;
                y->rel = R_NMOD;
            }
        }
    }
}

/* "Ithilen and the government | of Gondor": link-grammar hangs a noun
 * modifier that follows a coordination on the conjunction (shared by all the
 * conjuncts); Penn treebanks and CoreNLP attach it to the last conjunct. */
static void lower_coord_modifiers(graph *g)
{
    for (int d = 2; d < g->nw; d++) {
        gword *x = &g->w[d];
        int c = x->head;
        if (x->rel != R_NMOD || c <= 0 || c >= d || !lg__in(g->w[c].base, lg__conjs))
            continue;
        int last = -1;
        for (int i = c + 1; i < d; i++)
            if (g->w[i].head == c && g->w[i].rel == R_CONJ)
                last = i;
        if (last < 0)
            continue;
        const gword *l = &g->w[last];
        if (!(lg__is_noun_sub(l->sub) || (!l->sub[0] && isupper((unsigned char)l->text[0]))))
            continue;
        /* projective: nothing between the conjunct's phrase and d hangs elsewhere */
        if (subtree_end(g, last) != d - 1)
            continue;
        x->head = last;
    }
}

static void choose_heads(graph *g, cands *cs)
{
    fix_of_determiners(g);
    collect_cands(g, cs);
    break_cycles(g, cs);
    for (int w = 0; w < g->nw; w++) {
        gword *x = &g->w[w];
        const cands *c = &cs[w];
        if (x->wall && w == 0)
            continue;
        if (x->wall || c->pick >= c->n) {
            x->head = x->wall ? -2 : -1;
            continue;
        }
        x->head = c->c[c->pick].head;
        x->rel = c->c[c->pick].rel;
        x->prio = c->c[c->pick].prio;
        x->hlink = c->c[c->pick].link;
    }
    choose_pp_attachment(g, cs);
    lower_coord_modifiers(g);
    attach_orphans(g);
    make_projective(g);
    lower_modifiers(g);
    raise_participles(g);
    repair_aux_participles(g);
    make_projective(g);
}

/* ---- tags ------------------------------------------------------------------ */

static int all_punct(const char *s)
{
    if (!*s)
        return 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (isalnum(*p) || *p >= 0x80) {
            char k;
            if (*p >= 0x80 && lg__utf8_punct((const char *)p, 3, &k) == 3 && k != ' ') {
                p += 2;
                continue;
            }
            return 0;
        }
    return 1;
}

static int is_number(const char *base)
{
    if (lg__in(base, lg_numbers))
        return 1;
    int digits = 0;
    for (const char *p = base; *p; p++) {
        if (isdigit((unsigned char)*p))
            digits++;
        else if (!strchr(",.-/:%$", *p) && !(p[0] == 's' && !p[1]) &&
                 !(p > base && (lg__eq(p, "th") || lg__eq(p, "st") || lg__eq(p, "nd") ||
                                lg__eq(p, "rd"))))
            return 0;
    }
    return digits > 0;
}

static const char *punct_tag(const char *s, int *quotes)
{
    if (lg__eq(s, ","))
        return ",";
    if (lg__eq(s, ".") || lg__eq(s, "!") || lg__eq(s, "?"))
        return ".";
    if (lg__eq(s, "(") || lg__eq(s, "[") || lg__eq(s, "{"))
        return "-LRB-";
    if (lg__eq(s, ")") || lg__eq(s, "]") || lg__eq(s, "}"))
        return "-RRB-";
    if (lg__eq(s, "$"))
        return "$";
    if (lg__eq(s, "#"))
        return "#";
    if (lg__eq(s, "%"))
        return "NN";
    if (lg__eq(s, "&"))
        return "CC";
    char k;
    if (s[0] == '"' || s[0] == '`' || (lg__utf8_punct(s, (int)strlen(s), &k) && k == '"') ||
        lg__eq(s, "''"))
        return (*quotes)++ % 2 ? "''" : "``";
    if (s[0] == '\'' || (lg__utf8_punct(s, (int)strlen(s), &k) && k == '\''))
        return "''";
    return ":";
}

/* A plural noun: a link says so (Sp, Op, Jp, Dmc, SJlp ...) or the guesser did. */
static int noun_plural(const graph *g, int w)
{
    const gword *x = &g->w[w];
    if (strstr(x->guess, "PL-"))
        return 1;
    if (lg__eq(x->sub, "p"))
        return 1;
    for (int i = 0; i < g->nk; i++) {
        const glink *k = &g->k[i];
        if (k->l != w && k->r != w)
            continue;
        size_t tl = strlen(k->type);
        const char *rest = k->lab + tl;
        if ((lg__tis(k, "S") && k->l == w) || (lg__tis(k, "O") && k->r == w) ||
            (lg__tis(k, "J") && k->r == w) || (lg__tis(k, "SJ") && rest[1] == 'p'))
            if (rest[0] == 'p' || (lg__tis(k, "SJ") && rest[1] == 'p'))
                return 1;
        if (lg__tis(k, "D") && k->r == w && !strncmp(rest, "mc", 2))
            return 1;
        if (lg__tis(k, "SI") && k->r == w && rest[0] == 'p')
            return 1;
    }
    return 0;
}

static int has_child_rel(const graph *g, int w, int rel)
{
    for (int i = 0; i < g->nw; i++)
        if (g->w[i].head == w && g->w[i].rel == rel)
            return 1;
    return 0;
}

int lg__child_rel(const graph *g, int w, int rel)
{
    for (int i = 0; i < g->nw; i++)
        if (g->w[i].head == w && g->w[i].rel == rel)
            return i;
    return -1;
}

int lg__is_verb_sub(const char *sub)
{
    return (sub[0] == 'v' || sub[0] == 'q' || sub[0] == 'w') && (!sub[1] || sub[1] == '-');
}

static int lg__is_noun_sub(const char *sub)
{
    static const char *const subs[] = {"n", "n-u", "s", "u", "c", "t", "i", "d", "l", "m",
                                       "f", "b", "x", "y", "cnt", "n-c", "o", "k", NULL};
    return lg__in(sub, subs);
}

/* The category of a word. */
static int word_cat(const graph *g, int w)
{
    const gword *x = &g->w[w];
    const char *b = x->base, *sub = x->sub;
    if (x->wall)
        return C_WALL;
    if (x->run >= 0)
        return C_NOUN;
    if ((lg__eq(b, "'") || lg__eq(b, "\xE2\x80\x99")) && link_of(g, w, "YP", 0))
        return C_POS; /* "countries' representation" */
    if (all_punct(x->text) && !lg__eq(b, "'s") && strcmp(b, "\xE2\x80\x99s"))
        return sub[0] == 'j' && has_child_rel(g, w, R_CONJ) ? C_CONJ : C_PUNCT;
    if (!strncmp(sub, "j-", 2) || lg__eq(sub, "ij") || !strncmp(sub, "misc-ex", 7)) {
        if (lg__eq(b, "that"))
            return lg__eq(sub, "j-c") ? C_COMP : lg__eq(sub, "j-r") ? C_WH
                   : lg__eq(sub, "j-d")                            ? C_DET
                                                                   : C_PRON;
        return C_CONJ;
    }
    if (x->rel == R_PRT)
        return C_PART;
    if (lg__eq(b, "there") && x->rel == R_SUBJ)
        return C_PRON; /* existential "there" */
    if (lg__is_verb_sub(sub))
        return C_VERB;
    if (sub[0] == 'a' && (!sub[1] || sub[1] == '-'))
        return C_ADJ;
    if (lg__eq(sub, "e"))
        return lg__eq(b, "as") && has_child_rel(g, w, R_COMP) ? C_COMP : C_ADV;
    if (lg__eq(b, "'s") || lg__eq(b, "'") || lg__eq(b, "\xE2\x80\x99s"))
        return C_POS;
    if (lg__in(b, lg__possessives) && x->rel == R_DET)
        return C_DET;
    if (lg__eq(sub, "r") && !lg__in(b, lg__preps) && !lg__eq(b, "to"))
        return C_NOUN; /* "next month.r" */
    if (lg__eq(sub, "r") || lg__eq(sub, "z") || lg__eq(sub, "#that") ||
        (lg__eq(sub, "p") && lg__in(b, lg__preps)))
        return lg__eq(b, "to") && has_child_rel(g, w, R_VCH) ? C_TO : C_PREP;
    if (lg__eq(sub, "g"))
        /* a gerund: a verb unless determiners or adjectives make it a noun */
        return has_child_rel(g, w, R_DET) || has_child_rel(g, w, R_MOD) || x->rel == R_POSS
                   ? C_NOUN
                   : C_VERB;
    if (lg__eq(sub, "misc-d"))
        return C_DET;
    if (lg__is_noun_sub(sub) || lg__eq(sub, "p"))
        return is_number(b) ? C_NUM : C_NOUN;
    if (lg__in(b, lg__modals))
        return C_VERB;
    if (lg__eq(b, "not") || lg__eq(b, "n't"))
        return C_ADV;
    if (lg__eq(b, "there") && x->rel == R_SUBJ)
        return C_PRON; /* existential "there" */
    if (lg__in(b, lg_adverbs) && !has_child_rel(g, w, R_POBJ) &&
        (x->rel == R_ADV || x->rel == R_MOD || (link_of(g, w, "E", 1) != NULL) ||
         (!lg__in(b, lg__preps) && !lg__in(b, lg_dets))))
        return C_ADV;
    if (lg__in(b, lg_pronouns))
        return C_PRON;
    if (lg__in(b, lg__wh))
        return x->rel == R_DET ? C_DET : C_WH;
    if (lg__eq(b, "to"))
        return has_child_rel(g, w, R_VCH) ? C_TO : C_PREP;
    if (lg__in(b, lg__conjs))
        return C_CONJ;
    if (is_number(b))
        return C_NUM;
    if (lg__in(b, lg_dets) && (x->rel == R_DET || x->rel == R_MOD || x->rel == R_IDIOM))
        return C_DET;
    if (has_child_rel(g, w, R_POBJ) || (lg__in(b, lg__preps) && !x->unknown))
        return C_PREP;
    if (lg__in(b, lg_dets))
        return C_DET;
    if (has_child_rel(g, w, R_SUBJ) || has_child_rel(g, w, R_OBJ))
        return C_VERB;
    if (x->rel == R_ADV && !x->unknown && link_of(g, w, "E", 1))
        return C_ADV;
    return C_NOUN;
}

static const char *verb_tag(const graph *g, int w)
{
    const gword *x = &g->w[w];
    const char *b = x->base;
    static const struct { const char *w, *tag; } fixed[] = {
        {"am", "VBP"}, {"is", "VBZ"}, {"are", "VBP"}, {"was", "VBD"}, {"were", "VBD"},
        {"been", "VBN"}, {"being", "VBG"}, {"be", "VB"}, {"has", "VBZ"}, {"does", "VBZ"},
        {"did", "VBD"}, {"having", "VBG"}, {"done", "VBN"}, {"'s", "VBZ"}, {"'re", "VBP"},
        {"'m", "VBP"}, {"'ve", "VBP"}, {"'d", "MD"}, {"'ll", "MD"}};
    char stem[48];
    snprintf(stem, sizeof stem, "%s", b);
    if (lg__ends_with(stem, "n't") || lg__ends_with(stem, "n\xE2\x80\x99t"))
        stem[strlen(stem) - (lg__ends_with(stem, "n't") ? 3 : 5)] = 0; /* "didn't" -> "did" */
    if (lg__in(stem, lg__modals))
        return "MD";
    for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++)
        if (lg__eq(stem, fixed[i].w))
            return fixed[i].tag;
    if (lg__ends_with(b, "ing") && strlen(b) > 4)
        return "VBG";
    const char *hl = x->hlink >= 0 ? g->k[x->hlink].lab : "";
    if (x->rel == R_VCH && (!strncmp(hl, "PP", 2) || !strncmp(hl, "Pv", 2)))
        return "VBN"; /* "has risen", "was fired" */
    int sub_d = strstr(x->sub, "-d") != NULL;
    int from_aux = x->rel == R_VCH || x->rel == R_INF;
    int head_noun = x->head > 0 && (g->w[x->head].cat == C_NOUN || g->w[x->head].cat == C_PRON);
    int has_subj = has_child_rel(g, w, R_SUBJ) || has_child_rel(g, w, R_RELPRO);
    if (sub_d || lg__ends_with(b, "ed")) {
        if (x->rel == R_VCH || x->rel == R_PRED || x->rel == R_NMOD || (head_noun && !has_subj))
            return "VBN";
        if (!has_subj && (x->rel == R_ADV || x->rel == R_OPENER))
            return "VBN";
        return "VBD";
    }
    if (from_aux)
        return "VB";
    int s = lg__child_rel(g, w, R_SUBJ), sv = w;
    if (s < 0 && x->rel == R_CONJ && x->head > 0) {
        sv = x->head; /* "the president puts ... and supports": the subject is shared */
        s = lg__child_rel(g, sv, R_SUBJ);
    }
    if (s >= 0) {
        for (int i = 0; i < g->nk; i++) {
            const glink *l = &g->k[i];
            if (l->l == s && l->r == sv && lg__tis(l, "S"))
                return l->lab[1] == 's' && strcmp(g->w[s].base, "i") && strcmp(g->w[s].base, "you")
                           ? "VBZ"
                           : "VBP";
        }
        return lg__ends_with(b, "s") ? "VBZ" : "VBP";
    }
    if (x->rel == R_ROOT)
        return lg__ends_with(b, "s") && !lg__ends_with(b, "ss") ? "VBZ" : "VB";
    return "VB";
}

static int capitalised(const char *s) { return isupper((unsigned char)s[0]) != 0; }

static const char *noun_tag(const graph *g, int w)
{
    const gword *x = &g->w[w];
    static const char *const proper_subs[] = {"l", "m", "f", "b", "x", "y", NULL};
    int proper = x->run >= 0 || lg__in(x->sub, proper_subs) ||
                 (capitalised(x->text) && (!x->first || x->unknown ||
                                           (lg__eq(x->sub, "s") || lg__eq(x->sub, "i") ||
                                            !x->sub[0])));
    if (!capitalised(x->text) && x->run < 0)
        proper = 0;
    int plural = noun_plural(g, w) && (lg__ends_with(x->base, "s") || lg__eq(x->sub, "p"));
    if (!proper && !plural && lg__ends_with(x->base, "s") && !lg__ends_with(x->base, "ss") &&
        !lg__ends_with(x->base, "us") && !lg__ends_with(x->base, "is") && strlen(x->base) > 3)
        plural = 1; /* "years", "talks": the form says it */
    if (proper)
        return plural ? "NNPS" : "NNP";
    return plural ? "NNS" : "NN";
}

static const char *word_tag(graph *g, int w, int *quotes)
{
    gword *x = &g->w[w];
    const char *b = x->base;
    switch (x->cat) {
    case C_PUNCT: return punct_tag(x->text, quotes);
    case C_VERB: return verb_tag(g, w);
    case C_NOUN: return noun_tag(g, w);
    case C_NUM: return "CD";
    case C_PRON:
        if (strlen(x->text) >= 2 && isupper((unsigned char)x->text[0]) &&
            isupper((unsigned char)x->text[1]))
            return "NNP"; /* "US", "IT" in capitals */
        if (lg__eq(b, "that") || lg__eq(b, "this") || lg__eq(b, "these") || lg__eq(b, "those"))
            return "DT";
        if (lg__eq(b, "there") && x->rel == R_SUBJ)
            return "EX";
        return "PRP";
    case C_DET:
        if (lg__in(b, lg__possessives))
            return "PRP$";
        if (lg__eq(b, "which") || lg__eq(b, "what") || lg__eq(b, "whatever"))
            return "WDT";
        if (is_number(b))
            return "CD";
        return "DT";
    case C_PREP: return lg__eq(b, "to") ? "TO" : "IN";
    case C_TO: return "TO";
    case C_ADV:
        if (lg__in(b, lg__wh))
            return "WRB";
        return "RB";
    case C_ADJ:
        if (x->rel == R_PRED && (lg__ends_with(b, "ed") || lg__eq(x->sub, "v-d"))) {
            x->cat = C_VERB;
            return "VBN";
        }
        return lg__eq(x->sub, "a-c") ? "JJR" : lg__eq(x->sub, "a-s") ? "JJS" : "JJ";
    case C_CONJ: return all_punct(x->text) ? punct_tag(x->text, quotes) : "CC";
    case C_COMP: return "IN";
    case C_WH:
        if (lg__eq(b, "whose"))
            return "WP$";
        if (lg__eq(b, "who") || lg__eq(b, "whom") || lg__eq(b, "what"))
            return "WP";
        if (lg__eq(b, "where") || lg__eq(b, "when") || lg__eq(b, "why") || lg__eq(b, "how"))
            return "WRB";
        return "WDT";
    case C_POS: return "POS";
    case C_PART: return "RP";
    default: return "NN";
    }
}

static void tag_words(graph *g)
{
    for (int w = 0; w < g->nw; w++)
        g->w[w].cat = word_cat(g, w);
    int quotes = 0;
    for (int w = 0; w < g->nw; w++)
        if (!g->w[w].wall)
            g->w[w].tag = word_tag(g, w, &quotes);
}

/* Imports linkage lk into g and chooses heads and tags. */
int lg__graph_from_linkage(graph *g, Linkage lk, const prep *pp, const char *text,
                              dyad_arena *a)
{
    memset(g, 0, sizeof *g);
    g->pp = pp;
    g->text = text;
    g->a = a;
    int rc = import_words(g, lk);
    if (!rc)
        rc = import_links(g, lk);
    if (rc)
        return rc;
    for (int i = 0; i < g->nw; i++)
        g->w[i].lg = NULL; /* owned by the linkage */
    g->dcost = linkage_disjunct_cost(lk);
    g->lcost = linkage_link_cost(lk);
    g->unused = linkage_unused_word_cost(lk);
    g->violation = linkage_get_violation_name(lk) != NULL;
    cands *cs = dyad_arena_alloc(a, (size_t)(g->nw + 1) * sizeof *cs);
    if (!cs)
        return DYAD_ENOMEM;
    choose_heads(g, cs);
    tag_words(g);
    return 0;
}

static const char *const lg__rel_names[] = {
    "none", "root", "subj", "obj", "pobj", "det", "mod", "poss", "nmod", "appos", "adv",
    "vch", "pred", "inf", "comp", "report", "relcl", "relpro", "neg", "prt", "conj",
    "punct", "idiom", "opener", "flat", "dep"};

/* DYAD_LG_TRACE: the chosen words, tags, heads and links on stderr. */
void lg__trace_graph(const graph *g)
{
    for (int w = 0; w < g->nw; w++) {
        const gword *x = &g->w[w];
        const char *lab = x->hlink >= 0 ? g->k[x->hlink].lab : "-";
        fprintf(stderr, "  %2d %-14s .%-5s %-5s <-%-7s %2d %s%s\n", w, x->wall ? "WALL" : x->text,
                x->sub, x->tag ? x->tag : "", lg__rel_names[x->rel], x->head, lab,
                x->nul ? " (null)" : "");
    }
    for (int i = 0; i < g->nk; i++)
        fprintf(stderr, "%s%d-%s-%d", i ? " " : "  links: ", g->k[i].l, g->k[i].lab, g->k[i].r);
    fprintf(stderr, "\n");
}

