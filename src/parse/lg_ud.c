/* lg_ud.c: a linkage's dependency graph (lg_links.c) as Universal
 * Dependencies, and through dyad_conllu_to_tree the tree the coders read (see
 * lg_internal.h).
 *
 * The graph's heads are link-grammar's: a preposition heads its object (J), an
 * auxiliary or "to" its verb (I, PP, Pv, TO), "be" its predicate (P), a
 * conjunction its conjuncts (SJ, VJ), a complementizer its clause (C, TH), the
 * possessive 's its possessor (YS). UD makes the content word the head, so
 * each such function word gives its place to its content child and hangs
 * from it (case, aux, aux:pass, mark, cop, cc), its other dependents moving
 * with it; the words are inverted deepest first, so chains ("has been
 * attacked", "in Cairo and Damascus") come out right. The relations are then
 * named from the link that chose the head and the categories of the words:
 * S -> nsubj (nsubj:pass beside aux:pass, expl for "there"), O -> obj (iobj
 * before a second one), D -> det / nmod:poss / nummod, A AN G GN -> amod /
 * compound, MV -> obl / advcl / advmod, M -> nmod / acl / acl:relcl,
 * I TO -> xcomp, C CV TH -> ccomp (advcl after a subordinator), CP CQ ->
 * parataxis of the main clause, B R RS -> acl:relcl with the relative word as
 * its subject or object, N -> advmod, SJ VJ -> conj, punctuation -> punct.
 * Merged names become their words again (compounds of the last one; "of"
 * inside a name opens an nmod: "Secretary of Energy", "Hundreds of UN
 * troops"), and "didn't" becomes "did" + "n't". XPOS are the graph's Penn
 * tags.
 */
#include "parse/lg_internal.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>

/* Relations UD adds to the graph's (the function words' own). */
enum { U_CASE = R_NREL, U_MARK, U_AUX, U_AUXPASS, U_COP, U_CC, U_POSS };

typedef struct ud {
    const graph *g;
    int n;
    int *h, *r; /* head (graph word, 0 the root) and relation of every word; -1: not a word */
} ud;

static int is_tag(const gword *x, const char *prefix)
{
    return x->tag && !strncmp(x->tag, prefix, strlen(prefix));
}

static int verbal(const ud *u, int w)
{
    const gword *x = &u->g->w[w];
    return x->cat == C_VERB || is_tag(x, "VB") || is_tag(x, "MD");
}

static int nominal(const ud *u, int w)
{
    const gword *x = &u->g->w[w];
    return x->cat == C_NOUN || x->cat == C_PRON || x->cat == C_NUM || is_tag(x, "NN") ||
           is_tag(x, "PRP") || is_tag(x, "CD") || is_tag(x, "WP");
}

/* The base form without a final "n't" ("didn't" -> "did"). */
static void stem_of(const gword *x, char *out, size_t cap)
{
    snprintf(out, cap, "%s", x->base);
    size_t n = strlen(out);
    if (n > 3 && lg__ends_with(out, "n't"))
        out[n - 3] = 0;
    else if (n > 5 && lg__ends_with(out, "n\xE2\x80\x99t"))
        out[n - 5] = 0;
}

/* An auxiliary: a form of be, have, do or a modal. */
static int aux_word(const gword *x)
{
    static const char *const aux[] = {"has", "have", "had", "having", "'ve", "do", "does", "did",
                                      "'d", "'ll", "get", "gets", "got", "getting", NULL};
    char s[48];
    stem_of(x, s, sizeof s);
    return lg__in(s, lg__be_forms) || lg__in(s, lg__modals) || lg__in(s, aux);
}

static int be_word(const gword *x)
{
    char s[48];
    stem_of(x, s, sizeof s);
    return lg__in(s, lg__be_forms);
}

static int first_child(const ud *u, int w, int rel)
{
    for (int i = 1; i < u->n; i++)
        if (u->h[i] == w && u->r[i] == rel)
            return i;
    return -1;
}

/* c takes x's place; x hangs from c with relation frel; x's other dependents
 * move to c. */
static void invert(ud *u, int x, int c, int frel)
{
    u->h[c] = u->h[x];
    u->r[c] = u->r[x];
    for (int i = 1; i < u->n; i++)
        if (u->h[i] == x && i != c)
            u->h[i] = c;
    u->h[x] = c;
    u->r[x] = frel;
}

/* "A and B": A takes the conjunction's place, B is A's conj and the
 * conjunction B's cc. */
static void invert_coord(ud *u, int x)
{
    int c1 = first_child(u, x, R_CONJ);
    if (c1 < 0)
        return;
    int punct = u->g->w[x].cat == C_PUNCT || lg__is_space_byte((unsigned char)u->g->w[x].text[0]) ||
                ispunct((unsigned char)u->g->w[x].text[0]);
    int xrel = u->r[x];
    invert(u, x, c1, punct ? R_PUNCT : U_CC);
    if (xrel == R_PUNCT) /* a comma joining two clauses: the second is a clause of its own */
        u->r[c1] = u->h[c1] == 0 ? R_ROOT : R_CONJ;
    for (int i = x + 1; i < u->n; i++)
        if (u->h[i] == c1 && u->r[i] == R_CONJ) {
            u->h[x] = i; /* the conjunction goes with the conjunct after it */
            break;
        }
}

/* The clause a complementizer or "to" introduces: its first clause or verb
 * chain child that is a verb or has a subject ("that France was aware"). */
static int clause_child(const ud *u, int x)
{
    for (int i = 1; i < u->n; i++)
        if (u->h[i] == x && (u->r[i] == R_COMP || u->r[i] == R_VCH) &&
            (verbal(u, i) || first_child(u, i, R_SUBJ) >= 0))
            return i;
    return -1;
}

/* The function word x's inversion, if it is one. */
static void invert_word(ud *u, int x)
{
    const gword *w = &u->g->w[x];
    int c;
    if (w->cat == C_CONJ || first_child(u, x, R_CONJ) >= 0) {
        if (w->cat == C_CONJ || w->cat == C_PUNCT)
            invert_coord(u, x);
        return;
    }
    if (w->cat == C_POS && (c = first_child(u, x, R_POSS)) >= 0) {
        invert(u, x, c, U_CASE);
        if (u->r[c] == R_DET || u->r[c] == R_MOD)
            u->r[c] = U_POSS;
        return;
    }
    if ((c = first_child(u, x, R_POBJ)) >= 0 && !verbal(u, x)) {
        invert(u, x, c, verbal(u, c) ? U_MARK : U_CASE);
        return;
    }
    if ((w->cat == C_PREP || w->cat == C_COMP || w->cat == C_TO) &&
        (c = clause_child(u, x)) >= 0) {
        invert(u, x, c, U_MARK);
        return;
    }
    if (verbal(u, x) && aux_word(w) && (c = first_child(u, x, R_VCH)) >= 0) {
        const gword *y = &u->g->w[c];
        const char *lab = y->hlink >= 0 ? u->g->k[y->hlink].lab : "";
        int pass = !strncmp(lab, "Pv", 2) && !is_tag(y, "VBG");
        invert(u, x, c, pass ? U_AUXPASS : U_AUX);
        return;
    }
    if (verbal(u, x) && be_word(w) && (c = first_child(u, x, R_PRED)) >= 0 &&
        !(u->g->w[c].cat == C_PREP && first_child(u, c, U_CASE) < 0)) {
        /* not "is about to": a preposition without its object stays under "be" */
        const gword *y = &u->g->w[c];
        int rel = is_tag(y, "VBN") ? U_AUXPASS : is_tag(y, "VBG") ? U_AUX : U_COP;
        invert(u, x, c, rel);
    }
}

static int depth_of(const ud *u, int w)
{
    int d = 0;
    for (int x = w; x > 0 && d <= u->n; x = u->h[x])
        d++;
    return d;
}

/* Every function word inverted, deepest first. */
static int invert_all(ud *u, dyad_arena *a)
{
    int *order = dyad_arena_alloc(a, (size_t)(u->n + 1) * sizeof *order);
    int *depth = dyad_arena_alloc(a, (size_t)(u->n + 1) * sizeof *depth);
    if (!order || !depth)
        return DYAD_ENOMEM;
    int k = 0;
    for (int w = 1; w < u->n; w++)
        if (u->h[w] >= 0) {
            depth[w] = depth_of(u, w);
            order[k++] = w;
        }
    for (int i = 1; i < k; i++) /* insertion sort: deepest first, then left to right */
        for (int j = i; j > 0 && depth[order[j]] > depth[order[j - 1]]; j--) {
            int t = order[j];
            order[j] = order[j - 1];
            order[j - 1] = t;
        }
    for (int i = 0; i < k; i++)
        invert_word(u, order[i]);
    return 0;
}

/* A relative word hung on the noun (R) goes into its clause. */
static void relative_words(ud *u)
{
    for (int w = 1; w < u->n; w++) {
        if (u->r[w] != R_RELPRO || u->h[w] <= 0 || verbal(u, u->h[w]))
            continue;
        int v = -1;
        for (int i = w + 1; i < u->n && v < 0; i++)
            if (u->h[i] == u->h[w] && u->r[i] == R_RELCL)
                v = i;
        if (v > 0)
            u->h[w] = v;
    }
}

/* "Dagolath's first Deputy Prime Minister": a possessor hung on a modifier
 * of the noun goes to the noun, as the phrase's possessor. */
static void lift_possessors(ud *u)
{
    for (int w = 1; w < u->n; w++) {
        if (u->r[w] != U_POSS)
            continue;
        for (int guard = 0; guard < 8; guard++) {
            int h = u->h[w], hr = h > 0 ? u->r[h] : R_NONE;
            if (h <= w || u->h[h] <= h || !(hr == R_MOD || hr == R_IDIOM || hr == R_DET))
                break;
            u->h[w] = u->h[h];
        }
    }
}

/* A word link-grammar left out (or that no link attached) right before a verb
 * without a subject, and nominal: the verb's subject ("Ethiopia act on ..."). */
static void orphan_subjects(ud *u)
{
    for (int w = 1; w + 1 < u->n; w++) {
        const gword *x = &u->g->w[w];
        int v = u->h[w];
        if (!(x->nul || x->prio == 1) || !nominal(u, w) || v <= w || !verbal(u, v) ||
            first_child(u, v, R_SUBJ) >= 0)
            continue;
        int between = 0;
        for (int i = w + 1; i < v; i++)
            between |= u->h[i] != v && u->h[i] >= 0 && u->r[i] != U_AUX && u->r[i] != U_AUXPASS;
        if (!between)
            u->r[w] = R_SUBJ;
    }
}

/* One root: the first clause on the wall (else its first word); the other
 * words on the wall hang from it (reporting clauses as parataxis). */
static int choose_root(ud *u)
{
    int root = -1;
    for (int pass = 0; pass < 3 && root < 0; pass++)
        for (int w = 1; w < u->n && root < 0; w++)
            if (u->h[w] == 0 &&
                (pass == 2 || (u->r[w] == R_ROOT && (pass == 1 || verbal(u, w)))) &&
                (pass < 2 || u->g->w[w].cat != C_PUNCT))
                root = w;
    for (int w = 1; w < u->n && root < 0; w++)
        if (u->h[w] == 0)
            root = w;
    if (root < 0)
        return -1;
    for (int w = 1; w < u->n; w++)
        if (u->h[w] == 0 && w != root) {
            u->h[w] = root;
            if (u->r[w] == R_ROOT)
                u->r[w] = R_REPORT;
        }
    u->h[root] = 0;
    u->r[root] = R_ROOT;
    return root;
}

static int has_child(const ud *u, int w, int rel) { return first_child(u, w, rel) >= 0; }

static const char *mod_rel(const ud *u, int w, int head_verbal)
{
    const gword *x = &u->g->w[w];
    if (is_tag(x, "PRP$") || is_tag(x, "WP$"))
        return "nmod:poss";
    if (is_tag(x, "CD"))
        return "nummod";
    if (is_tag(x, "DT") || is_tag(x, "PDT") || is_tag(x, "WDT"))
        return "det";
    if (head_verbal)
        return is_tag(x, "NN") ? "obl:npmod" : "advmod"; /* "a day before ..." */
    if (is_tag(x, "RB") || x->cat == C_ADV)
        return "advmod";
    if (is_tag(x, "NN"))
        return "compound";
    return "amod";
}

/* A subordinator that makes an adverbial clause ("because", "after"). */
static int adverbial_mark(const ud *u, int w)
{
    for (int i = 1; i < u->n; i++)
        if (u->h[i] == w && u->r[i] == U_MARK) {
            const char *b = u->g->w[i].base;
            return !lg__eq(b, "that") && !lg__eq(b, "whether") && !lg__eq(b, "if") &&
                   !lg__eq(b, "to");
        }
    return 0;
}

/* The UD name of w's relation. */
static const char *deprel(const ud *u, int w)
{
    const gword *x = &u->g->w[w];
    int h = u->h[w], hv = h > 0 && verbal(u, h), hn = h > 0 && nominal(u, h);
    int v = verbal(u, w), n = nominal(u, w);
    if (x->cat == C_PUNCT && u->r[w] != U_CC)
        return "punct";
    switch (u->r[w]) {
    case R_ROOT: return h == 0 ? "root" : "parataxis";
    case R_SUBJ:
        if (lg__eq(x->base, "there"))
            return "expl";
        if (v && !n)
            return "csubj";
        return h > 0 && has_child(u, h, U_AUXPASS) ? "nsubj:pass" : "nsubj";
    case R_OBJ:
        for (int i = w + 1; i < u->n; i++)
            if (u->h[i] == h && u->r[i] == R_OBJ)
                return "iobj";
        return v && !n ? "xcomp" : "obj";
    case R_POBJ: return hv ? "obl" : "nmod";
    case R_DET:
        if (is_tag(x, "NN"))
            return "compound";
        return mod_rel(u, w, 0);
    case R_MOD: return v && !n && !hn ? "advcl" : mod_rel(u, w, hv);
    case U_POSS:
    case R_POSS: return "nmod:poss";
    case R_NMOD:
    case R_APPOS:
        if (v)
            return has_child(u, w, R_SUBJ) || has_child(u, w, R_RELPRO) ? "acl:relcl" : "acl";
        if (n)
            return u->r[w] == R_APPOS && !has_child(u, w, U_CASE) ? "appos" : "nmod";
        return x->cat == C_ADJ ? "amod" : "advmod";
    case R_ADV:
    case R_OPENER:
        if (v)
            return hn ? "acl" : "advcl";
        if (n)
            return hn ? "nmod" : "obl";
        return "advmod";
    case R_VCH:
    case R_PRED: return "xcomp";
    case R_INF: return hn ? "acl" : "xcomp";
    case R_COMP:
        if (hn)
            return "acl";
        return adverbial_mark(u, w) ? "advcl" : "ccomp";
    case R_REPORT: return h > 0 && u->r[h] == R_ROOT ? "parataxis" : "ccomp";
    case R_RELCL: return hn || !hv ? "acl:relcl" : "advcl";
    case R_RELPRO:
        if (!hv)
            return "dep";
        return has_child(u, h, R_SUBJ) && first_child(u, h, R_SUBJ) != w ? "obj" : "nsubj";
    case R_NEG: return "advmod";
    case R_PRT: return "compound:prt";
    case R_CONJ: return "conj";
    case R_PUNCT: return "punct";
    case R_IDIOM: return w < h ? "compound" : "fixed";
    case R_FLAT: return is_tag(x, "CD") ? "nummod" : "flat";
    case U_CASE: return "case";
    case U_MARK: return "mark";
    case U_AUX: return "aux";
    case U_AUXPASS: return "aux:pass";
    case U_COP: return "cop";
    case U_CC: return "cc";
    default: return "dep";
    }
}

static const char *upos_of(const char *tag, const char *rel)
{
    static const struct { const char *tag, *upos; } map[] = {
        {"NNP", "PROPN"}, {"NN", "NOUN"}, {"VB", "VERB"}, {"MD", "AUX"}, {"JJ", "ADJ"},
        {"RB", "ADV"}, {"WRB", "ADV"}, {"IN", "ADP"}, {"TO", "PART"}, {"DT", "DET"},
        {"PDT", "DET"}, {"WDT", "DET"}, {"PRP", "PRON"}, {"WP", "PRON"}, {"EX", "PRON"},
        {"CD", "NUM"}, {"CC", "CCONJ"}, {"POS", "PART"}, {"RP", "ADP"}, {"UH", "INTJ"},
        {"$", "SYM"}, {"#", "SYM"}};
    if (!strncmp(tag, "VB", 2) &&
        (!strcmp(rel, "aux") || !strcmp(rel, "aux:pass") || !strcmp(rel, "cop")))
        return "AUX";
    if (!strcmp(tag, "IN") && !strcmp(rel, "mark"))
        return "SCONJ";
    for (size_t i = 0; i < sizeof map / sizeof *map; i++)
        if (!strncmp(tag, map[i].tag, strlen(map[i].tag)))
            return map[i].upos;
    return isalnum((unsigned char)tag[0]) ? "X" : "PUNCT";
}

/* The UD words under construction. */
typedef struct uw {
    int os, oe;       /* span in the original text */
    const char *tag;
    const char *rel;
    int head;         /* output word, -1 root; or, until resolved, -2 - graph word */
} uw;

typedef struct uout {
    uw *v;
    int n, cap;
    int *main_of;     /* graph word -> its output word (-1 none) */
} uout;

static int out_add(uout *o, int os, int oe, const char *tag, const char *rel, int head)
{
    if (o->n == o->cap)
        return -1;
    o->v[o->n] = (uw){os, oe, tag, rel, head};
    return o->n++;
}

/* The words of a merged name, compounds of the last one; "of" with a name word
 * on each side opens an nmod ("Secretary of Energy Jeffrey Kupfer"). Returns
 * the word that stands for the name and, in *of_head, the head of the part
 * after "of" (-1 when none). */
static int expand_run(uout *o, const graph *g, const gword *x, int *of_head, int *of_word)
{
    const char *t = g->text;
    int ws[64], we[64], k = 0, i = x->os;
    while (i < x->oe && k < 64) {
        int m;
        while (i < x->oe && (m = lg__space_len(t, x->oe, i)) > 0)
            i += m;
        int s = i;
        while (i < x->oe && !lg__space_len(t, x->oe, i))
            i++;
        if (i == s)
            break;
        ws[k] = s, we[k] = i, k++;
    }
    int of = -1;
    for (int j = 1; j + 1 < k && of < 0; j++)
        if (we[j] - ws[j] == 2 && !strncmp(t + ws[j], "of", 2))
            of = j;
    int lend = of < 0 ? k : of, first = o->n;
    const char *last_tag = lg__eq(x->tag, "NNPS") ? "NNPS" : "NNP";
    for (int j = 0; j < k; j++) {
        int is_of = j == of;
        int head_j = j < lend ? lend - 1 : k - 1;
        const char *rel = is_of ? "case" : j == lend - 1 ? "" : j == k - 1 ? "nmod" : "compound";
        int idx = out_add(o, ws[j], we[j], is_of ? "IN" : j == k - 1 ? last_tag : "NNP", rel,
                          j == lend - 1 ? -1 : first + head_j);
        if (idx < 0)
            return -1;
    }
    *of_head = of < 0 ? -1 : first + k - 1;
    *of_word = of < 0 ? -1 : first + of;
    if (of >= 0)
        o->v[first + k - 1].head = first + lend - 1;
    return first + lend - 1;
}

/* "Hundreds of UN troops": a name with "of" that modifies the noun after it
 * takes the noun's place; the noun, with the rest of the name, is its nmod. */
static void lift_of_name(uout *o, int name, int of_head, int noun)
{
    uw *nm = &o->v[name], *nn = &o->v[noun];
    nm->head = nn->head;
    nm->rel = nn->rel;
    nn->head = name;
    nn->rel = "nmod";
    for (int i = name + 1; i < noun; i++)
        if (o->v[i].head == of_head && !strcmp(o->v[i].rel, "compound"))
            o->v[i].head = noun;
        else if (o->v[i].head == name && !strcmp(o->v[i].rel, "nmod"))
            o->v[i].head = noun, o->v[i].rel = "compound";
        else if (!strcmp(o->v[i].rel, "case") && o->v[i].head == of_head)
            o->v[i].head = noun;
    for (int i = 0; i < o->n; i++)
        if (i < name && o->v[i].head == noun)
            o->v[i].head = name; /* the determiner before the name */
}

static int build_words(uout *o, const ud *u, int *name_of, int *ofh, dyad_arena *a)
{
    const graph *g = u->g;
    unsigned char *done_run = dyad_arena_alloc(a, (size_t)g->pp->nruns + 1);
    if (!done_run)
        return DYAD_ENOMEM;
    memset(done_run, 0, (size_t)g->pp->nruns + 1);
    for (int w = 1; w < u->n; w++) {
        const gword *x = &g->w[w];
        o->main_of[w] = -1;
        ofh[w] = -1;
        name_of[w] = -1;
        if (u->h[w] < 0)
            continue;
        const char *rel = deprel(u, w);
        if (x->run >= 0) {
            if (x->run >= g->pp->nruns || done_run[x->run])
                continue;
            done_run[x->run] = 1;
            int ofw = -1, m = expand_run(o, g, x, &ofh[w], &ofw);
            if (m < 0)
                return DYAD_ENOMEM;
            o->main_of[w] = m;
            o->v[m].rel = rel;
            o->v[m].head = -2 - u->h[w];
            name_of[w] = m;
            continue;
        }
        int n = x->oe - x->os, nt = 0;
        const char *t = g->text;
        if (n > 3 && !strncmp(t + x->oe - 3, "n't", 3))
            nt = 3;
        else if (n > 5 && !strncmp(t + x->oe - 5, "n\xE2\x80\x99t", 5))
            nt = 5;
        if (nt && x->cat != C_VERB)
            nt = 0;
        int m = out_add(o, x->os, x->oe - nt, x->tag ? x->tag : "NN", rel, -2 - u->h[w]);
        if (m < 0)
            return DYAD_ENOMEM;
        o->main_of[w] = m;
        if (nt) {
            /* "n't" goes with the clause's verb, as "not" does */
            int v = !strcmp(rel, "aux") || !strcmp(rel, "aux:pass") || !strcmp(rel, "cop")
                        ? -2 - u->h[w]
                        : m;
            if (out_add(o, x->oe - nt, x->oe, "RB", "advmod", v) < 0)
                return DYAD_ENOMEM;
        }
    }
    return 0;
}

/* Graph heads become output words. */
static void resolve_heads(uout *o, const ud *u)
{
    for (int i = 0; i < o->n; i++) {
        int h = o->v[i].head;
        if (h > -2)
            continue;
        int gw = -2 - h;
        o->v[i].head = gw == 0 ? -1 : gw < u->n ? o->main_of[gw] : -1;
        if (gw != 0 && o->v[i].head < 0)
            o->v[i].head = -1; /* a head that is no word: the root (fixed below) */
    }
}

/* Exactly one root: the others hang from it. */
static void one_root(uout *o)
{
    int root = -1;
    for (int i = 0; i < o->n; i++)
        if (o->v[i].head < 0 && !strcmp(o->v[i].rel, "root")) {
            root = i;
            break;
        }
    for (int i = 0; i < o->n && root < 0; i++)
        if (o->v[i].head < 0)
            root = i;
    for (int i = 0; i < o->n; i++)
        if (o->v[i].head < 0 && i != root) {
            o->v[i].head = root;
            if (!strcmp(o->v[i].rel, "root"))
                o->v[i].rel = "parataxis";
        }
    if (root >= 0)
        o->v[root].rel = "root";
}

static int is_punct_tag(const char *t)
{
    return !strcmp(t, ",") || !strcmp(t, ":") || !strcmp(t, ".") || !strcmp(t, "``") ||
           !strcmp(t, "''") || !strcmp(t, "-LRB-") || !strcmp(t, "-RRB-");
}

static int descends(const uout *o, int i, int h)
{
    for (int guard = 0; i >= 0 && guard <= o->n; guard++, i = o->v[i].head)
        if (i == h)
            return 1;
    return 0;
}

/* The first and last word of h's subtree, not counting word skip. */
static void span_of(const uout *o, int h, int skip, int *lo, int *hi)
{
    *lo = *hi = h;
    for (int i = 0; i < o->n; i++)
        if (i != skip && descends(o, i, h)) {
            if (i < *lo)
                *lo = i;
            if (i > *hi)
                *hi = i;
        }
}

/* "The US Secretary of state": a preposition that link-grammar left inside a
 * noun phrase, between two of its nouns, opens an nmod as in a PP: the noun
 * before it heads the phrase. */
static void stray_prepositions(uout *o)
{
    for (int p = 1; p + 1 < o->n; p++) {
        uw *x = &o->v[p];
        int h = x->head, n = p - 1;
        if (strcmp(x->tag, "IN") || !strcmp(x->rel, "case") || !strcmp(x->rel, "mark") ||
            h <= p || strncmp(o->v[h].tag, "NN", 2) || o->v[n].head != h ||
            strncmp(o->v[n].tag, "NN", 2))
            continue;
        o->v[n].head = o->v[h].head;
        o->v[n].rel = o->v[h].rel;
        o->v[h].head = n;
        o->v[h].rel = "nmod";
        x->rel = "case";
        for (int i = 0; i < n; i++)
            if (o->v[i].head == h)
                o->v[i].head = n;
    }
}

/* Punctuation where UD puts it: the sentence's final stop on the root; a
 * comma before a reporting clause ("..., officials said") on that clause; a
 * comma or dash closing a phrase that opens the clause ("In Cairo, he said")
 * on the clause; the commas around a phrase set off by commas (", the state's
 * fiercest foe,") on the phrase's head. */
static void place_punct(uout *o)
{
    int root = -1, last = o->n - 1;
    for (int i = 0; i < o->n; i++)
        if (o->v[i].head < 0)
            root = i;
    while (last > 0 && (!strcmp(o->v[last].tag, "''") || !strcmp(o->v[last].tag, "-RRB-")))
        last--;
    if (root >= 0 && last >= 0 && last != root && !strcmp(o->v[last].tag, "."))
        o->v[last].head = root;
    for (int v = 0; v < o->n; v++) {
        int lo, hi;
        if (strcmp(o->v[v].rel, "parataxis"))
            continue;
        span_of(o, v, -1, &lo, &hi);
        if (lo > 0 && is_punct_tag(o->v[lo - 1].tag) && strcmp(o->v[lo - 1].tag, "``"))
            o->v[lo - 1].head = v;
    }
    for (int p = 1; p < o->n; p++) {
        uw *x = &o->v[p];
        if (strcmp(x->tag, ",") && strcmp(x->tag, ":"))
            continue;
        for (int guard = 0; guard < 8; guard++) {
            int h = x->head, lo, hi;
            if (h < 0 || h >= p || o->v[h].head <= p)
                break;
            span_of(o, h, p, &lo, &hi);
            if (hi != p - 1)
                break;
            x->head = o->v[h].head;
        }
    }
    for (int p = 1; p < o->n; p++) {
        uw *x = &o->v[p];
        int h = x->head, lo, hi;
        if (strcmp(x->tag, ",") || h < 0 || h >= p || o->v[h].head < 0 || o->v[h].head >= h)
            continue;
        span_of(o, h, p, &lo, &hi);
        if (hi != p - 1)
            continue;
        if (!strcmp(o->v[lo].tag, ",") && o->v[lo].head == h) /* the opening comma */
            o->v[lo].head = o->v[h].head;
        else if (!(lo > 0 && !strcmp(o->v[lo - 1].tag, ",")))
            continue;
        x->head = o->v[h].head; /* the comma closing ", the state's fiercest foe," */
    }
}

static const char *lemma_of(const char *form, const char *tag, dyad_arena *a)
{
    char low[48];
    size_t n = strlen(form);
    if (n >= sizeof low)
        return form;
    for (size_t i = 0; i <= n; i++)
        low[i] = (char)tolower((unsigned char)form[i]);
    if ((!strncmp(tag, "VB", 2) || !strcmp(tag, "MD")) && lg__in(low, lg__be_forms))
        return "be";
    return dyad_arena_strdup(a, low);
}

int lg__to_ud(dyad_conllu_sent **out, int **osp, int **oep, const graph *g, dyad_arena *a)
{
    *out = NULL;
    ud u = {.g = g, .n = g->nw};
    u.h = dyad_arena_alloc(a, (size_t)(g->nw + 1) * sizeof *u.h);
    u.r = dyad_arena_alloc(a, (size_t)(g->nw + 1) * sizeof *u.r);
    if (!u.h || !u.r)
        return DYAD_ENOMEM;
    /* the words: not the walls, nor a word without text; a merged run that
     * link-grammar split is one word */
    int first_of_run[64];
    for (int i = 0; i < 64; i++)
        first_of_run[i] = -1;
    for (int w = 0; w < g->nw; w++) {
        const gword *x = &g->w[w];
        u.h[w] = x->head;
        u.r[w] = x->rel;
        if (w == 0 || x->wall || x->os < 0 || x->oe <= x->os)
            u.h[w] = -1;
        if (x->run >= 0 && x->run < 64 && u.h[w] >= 0 && first_of_run[x->run] < 0)
            first_of_run[x->run] = w;
    }
    for (int w = 1; w < g->nw; w++) /* dependents of a non-word go to its head */
        for (int guard = 0; u.h[w] > 0 && u.h[u.h[w]] < 0 && guard < g->nw; guard++)
            u.h[w] = g->w[u.h[w]].head > 0 ? g->w[u.h[w]].head : 0;
    for (int w = 1; w < g->nw; w++) {
        const gword *x = &g->w[w];
        if (x->run < 0 || x->run >= 64 || u.h[w] < 0 || first_of_run[x->run] == w)
            continue;
        for (int y = 1; y < g->nw; y++)
            if (u.h[y] == w)
                u.h[y] = first_of_run[x->run];
        u.h[w] = -1;
    }
    if (invert_all(&u, a))
        return DYAD_ENOMEM;
    relative_words(&u);
    lift_possessors(&u);
    choose_root(&u);
    orphan_subjects(&u);

    int cap = 2 * g->nw + 8;
    for (int w = 1; w < g->nw; w++)
        if (g->w[w].run >= 0)
            cap += (g->w[w].oe - g->w[w].os) / 2 + 2;
    uout o = {.cap = cap};
    o.v = dyad_arena_alloc(a, (size_t)cap * sizeof *o.v);
    o.main_of = dyad_arena_alloc(a, (size_t)(g->nw + 1) * sizeof *o.main_of);
    int *name_of = dyad_arena_alloc(a, (size_t)(g->nw + 1) * sizeof *name_of);
    int *ofh = dyad_arena_alloc(a, (size_t)(g->nw + 1) * sizeof *ofh);
    if (!o.v || !o.main_of || !name_of || !ofh)
        return DYAD_ENOMEM;
    o.main_of[0] = -1;
    int rc = build_words(&o, &u, name_of, ofh, a);
    if (rc)
        return rc;
    resolve_heads(&o, &u);
    /* a name with "of" before its noun */
    for (int w = 1; w < g->nw; w++) {
        if (name_of[w] < 0 || ofh[w] < 0 || u.h[w] <= w)
            continue;
        const char *r = o.v[name_of[w]].rel;
        int noun = o.main_of[u.h[w]];
        if (noun > name_of[w] &&
            (!strcmp(r, "compound") || !strcmp(r, "amod") || !strcmp(r, "det")))
            lift_of_name(&o, name_of[w], ofh[w], noun);
    }
    one_root(&o);
    stray_prepositions(&o);
    place_punct(&o);

    dyad_conllu_sent *s = dyad_arena_alloc(a, sizeof *s);
    dyad_conllu_word *ws = dyad_arena_alloc(a, (size_t)(o.n + 1) * sizeof *ws);
    int *os = dyad_arena_alloc(a, (size_t)(o.n + 1) * sizeof *os);
    int *oe = dyad_arena_alloc(a, (size_t)(o.n + 1) * sizeof *oe);
    if (!s || !ws || !os || !oe)
        return DYAD_ENOMEM;
    for (int i = 0; i < o.n; i++) {
        const uw *x = &o.v[i];
        const char *form = dyad_arena_strndup(a, g->text + x->os, (size_t)(x->oe - x->os));
        if (!form)
            return DYAD_ENOMEM;
        for (char *p = (char *)form; *p; p++)
            if (lg__is_space_byte((unsigned char)*p))
                *p = '_';
        const char *lemma = lemma_of(form, x->tag, a);
        if (!lemma)
            return DYAD_ENOMEM;
        ws[i] = (dyad_conllu_word){.form = form, .lemma = lemma, .upos = upos_of(x->tag, x->rel),
                                   .xpos = x->tag, .feats = "_", .deprel = x->rel, .misc = "_",
                                   .head = x->head};
        os[i] = x->os;
        oe[i] = x->oe;
    }
    *s = (dyad_conllu_sent){.words = ws, .nwords = o.n};
    *out = s;
    *osp = os;
    *oep = oe;
    return 0;
}

/* DYAD_LG_TRACE: the UD sentence in CoNLL-U. */
static void trace_ud(const dyad_conllu_sent *s)
{
    for (int i = 0; i < s->nwords; i++) {
        const dyad_conllu_word *w = &s->words[i];
        fprintf(stderr, "  %d\t%s\t%s\t%s\t%s\t_\t%d\t%s\n", i + 1, w->form, w->lemma, w->upos,
                w->xpos, w->head + 1, w->deprel);
    }
}

int lg__tree(dyad_tree **out, const graph *g, dyad_arena *a)
{
    dyad_conllu_sent *s = NULL;
    int *os = NULL, *oe = NULL;
    int rc = lg__to_ud(&s, &os, &oe, g, a);
    if (rc)
        return rc == DYAD_ENOMEM ? lg__nomem() : rc;
    if (getenv("DYAD_LG_TRACE"))
        trace_ud(s);
    if (s->nwords == 0)
        return dyad_set_error(DYAD_EPARSE, "nothing to parse (no word)");
    rc = dyad_conllu_to_tree(out, a, s);
    if (rc)
        return rc;
    dyad_tree *t = *out;
    if (t->ntok == s->nwords) {
        for (int i = 0; i < t->ntok; i++) {
            t->tok_start[i] = os[i];
            t->tok_end[i] = oe[i];
        }
    } else {
        dyad_tree_align(t, a, g->text); /* words the builder joined ("al-Shabab") */
    }
    return 0;
}
