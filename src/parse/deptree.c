/* deptree.c: the dependency-to-constituency converter, dyad_conllu_to_tree
 * (see conllu.h): a sentence of dependencies, read from CoNLL-U or built by
 * a parser, into the Penn-style tree CoreNLP would print for it.
 *
 * The converter works head by head. A word's phrase is made from its
 * dependents according to their relations:
 *   - markers first: `case` words wrap the phrase in PPs (one per word, nested,
 *     as CoreNLP prints "out of"), `mark` words in an SBAR (a single
 *     preposition before a subjectless -ing clause gives CoreNLP's
 *     (PP (IN by) (S (VP (VBG ...))))); "to" joins the verb chain instead;
 *   - a verb (or a predicate with `cop`) makes a clause: the subject and what
 *     stands before it sit in S; auxiliaries, "to" and the copula each open a
 *     VP level, and every other dependent joins the level of the auxiliary it
 *     follows (so "not" lands right after the first auxiliary); the clause's
 *     last punctuation stays in S; coordinated verbs without a subject of their
 *     own make a VP coordination, those with one an S coordination; a
 *     parataxis to the right ("..., officials said") gives CoreNLP's
 *     (S (S ...) (, ,) (NP officials) (VP (VBD said)) (. .));
 *   - a noun makes an NP of its left modifiers, itself and its flat name parts;
 *     when it has modifiers to the right (PPs, relative and participial
 *     clauses, appositions) that NP is wrapped in another; possessors are
 *     (NP ... (POS 's)); coordination gives (NP (NP a) (CC and) (NP b));
 *     simple modifier chains stay flat in the base NP, as CoreNLP prints them
 *     ("(NP (DT the) (JJ northern) (NNP West) (NNP Bank) (NN city))");
 *   - adjectives and adverbs make ADJP and ADVP; relative clauses
 *     (SBAR (WHNP (WDT which)) (S ...)).
 * Before that, the dependency tree is prepared:
 *   - words split at hyphens ("al - Shabab") are joined again, as CoreNLP's
 *     tokenizer and the dictionaries have them;
 *   - non-projective arcs (mostly punctuation) are moved so that every phrase
 *     covers a contiguous run of words;
 *   - a few frequent parser errors that would hide a sentence's event from
 *     the coder are repaired (deptree_repair.c: a verb read as a noun's
 *     modifier, a finite adverbial clause without its subject, ...).
 * The children of every phrase are finally put in word order.
 */
#include "parse/deptree_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- relations and tags ------------------------------------------------ */

/* UD v2 names, their UD v1 / Stanford predecessors, and the subtypes that
 * change the role; other subtypes fall back to their base relation. */
static const struct {
    const char *name;
    int rel;
} rel_names[] = {
    {"root", R_ROOT}, {"nsubj", R_NSUBJ}, {"nsubj:pass", R_NSUBJPASS}, {"nsubjpass", R_NSUBJPASS},
    {"csubj", R_CSUBJ}, {"csubjpass", R_CSUBJ}, {"expl", R_EXPL}, {"obj", R_OBJ},
    {"dobj", R_OBJ}, {"iobj", R_IOBJ}, {"obl", R_OBL}, {"nmod", R_NMOD}, {"nmod:poss", R_POSS},
    {"det:poss", R_POSS}, {"poss", R_POSS}, {"nmod:tmod", R_TMOD}, {"nmod:npmod", R_TMOD},
    {"obl:tmod", R_TMOD}, {"obl:npmod", R_TMOD}, {"tmod", R_TMOD}, {"npadvmod", R_TMOD},
    {"advmod", R_ADVMOD}, {"neg", R_NEG}, {"amod", R_AMOD}, {"det", R_DET},
    {"det:predet", R_PREDET}, {"predet", R_PREDET}, {"nummod", R_NUMMOD}, {"num", R_NUMMOD},
    {"compound", R_COMPOUND}, {"nn", R_COMPOUND}, {"compound:prt", R_PRT}, {"prt", R_PRT},
    {"flat", R_FLAT}, {"name", R_FLAT}, {"goeswith", R_FLAT}, {"fixed", R_FIXED},
    {"mwe", R_FIXED}, {"appos", R_APPOS}, {"acl", R_ACL}, {"acl:relcl", R_RELCL},
    {"relcl", R_RELCL}, {"rcmod", R_RELCL}, {"advcl", R_ADVCL}, {"ccomp", R_CCOMP},
    {"xcomp", R_XCOMP}, {"aux", R_AUX}, {"aux:pass", R_AUXPASS}, {"auxpass", R_AUXPASS},
    {"cop", R_COP}, {"mark", R_MARK}, {"case", R_CASE}, {"cc", R_CC}, {"cc:preconj", R_PRECONJ},
    {"preconj", R_PRECONJ}, {"conj", R_CONJ}, {"punct", R_PUNCT}, {"parataxis", R_PARATAXIS},
    {"list", R_LIST}, {"dep", R_DEP},
    /* UD English since 2.14: a title before a name ("President Bush") and bare
     * noun phrases of measure and time ("three years ago", "today") */
    {"nmod:desc", R_COMPOUND}, {"nmod:unmarked", R_TMOD}, {"obl:unmarked", R_TMOD},
};

static int rel_lookup(const char *s, size_t n)
{
    for (size_t i = 0; i < sizeof rel_names / sizeof *rel_names; i++)
        if (strlen(rel_names[i].name) == n && !strncasecmp(rel_names[i].name, s, n))
            return rel_names[i].rel;
    return -1;
}

static int rel_of(const char *deprel)
{
    int r = rel_lookup(deprel, strlen(deprel));
    if (r >= 0)
        return r;
    const char *colon = strchr(deprel, ':');
    r = colon ? rel_lookup(deprel, (size_t)(colon - deprel)) : -1;
    return r >= 0 ? r : R_DEP;
}

/* The Penn Treebank tag set (with OntoNotes' additions); labels come only
 * from here, so that no tag can break the bracketed form. */
static const char *const ptb_tags[] = {
    "CC", "CD", "DT", "EX", "FW", "IN", "JJ", "JJR", "JJS", "LS", "MD", "NN", "NNS", "NNP",
    "NNPS", "PDT", "POS", "PRP", "PRP$", "RB", "RBR", "RBS", "RP", "SYM", "TO", "UH", "VB",
    "VBD", "VBG", "VBN", "VBP", "VBZ", "WDT", "WP", "WP$", "WRB", "$", "#", ".", ",", ":",
    "``", "''", "-LRB-", "-RRB-", "HYPH", "NFP", "ADD", "AFX", "GW", "XX",
};

static const char *ptb_tag(const char *x)
{
    for (size_t i = 0; i < sizeof ptb_tags / sizeof *ptb_tags; i++)
        if (!strcmp(ptb_tags[i], x))
            return ptb_tags[i];
    if (!strcmp(x, "("))
        return "-LRB-";
    if (!strcmp(x, ")"))
        return "-RRB-";
    return NULL;
}

/* Is "Key=Value" one of the |-separated FEATS? */
static int feat(const char *feats, const char *kv)
{
    size_t n = strlen(kv);
    for (const char *p = feats; p && *p;) {
        if (!strncmp(p, kv, n) && (p[n] == '|' || !p[n]))
            return 1;
        p = strchr(p, '|');
        if (p)
            p++;
    }
    return 0;
}

static const char *const modals[] = {"will", "would", "can", "could", "may", "might", "shall",
                                     "should", "must", "ought", "'ll", "'d", "wo", "ca", NULL};
static const char *const negations[] = {"not", "n't", "n\xE2\x80\x99t", "nt", NULL};

static const char *punct_tag(const char *f)
{
    static const char *const stop[] = {".", "!", "?", "...", "\xE2\x80\xA6", NULL};
    static const char *const open[] = {"(", "[", "{", NULL}, *const close[] = {")", "]", "}", NULL};
    static const char *const lq[] = {"``", "\xE2\x80\x9C", "\xE2\x80\x98", "\xC2\xAB", "`", NULL};
    static const char *const rq[] = {"''", "\xE2\x80\x9D", "\xE2\x80\x99", "\xC2\xBB", "\"", "'",
                                     NULL};
    if (!strcmp(f, ","))
        return ",";
    if (one_of(f, stop))
        return ".";
    if (one_of(f, open))
        return "-LRB-";
    if (one_of(f, close))
        return "-RRB-";
    if (one_of(f, lq))
        return "``";
    if (one_of(f, rq))
        return "''";
    return ":";
}

static const char *verb_tag(const dyad_conllu_word *w)
{
    const char *f = w->feats;
    if (!strcasecmp(w->upos, "AUX") && (one_of(w->form, modals) || one_of(w->lemma, modals)))
        return "MD";
    if (feat(f, "VerbForm=Inf"))
        return "VB";
    if (feat(f, "VerbForm=Ger"))
        return "VBG";
    if (feat(f, "VerbForm=Part"))
        return feat(f, "Tense=Past") ? "VBN" : "VBG";
    if (feat(f, "Tense=Past"))
        return "VBD";
    if (feat(f, "Tense=Pres"))
        return feat(f, "Person=3") && feat(f, "Number=Sing") ? "VBZ" : "VBP";
    return "VB";
}

/* A PTB tag from UPOS and FEATS, for XPOS columns that are not PTB tags. */
static const char *map_upos(const dyad_conllu_word *w, int rel)
{
    const char *u = w->upos, *f = w->feats, *x = w->form;
    int wh = feat(f, "PronType=Int") || feat(f, "PronType=Rel");
    if (!strcasecmp(u, "NOUN"))
        return feat(f, "Number=Plur") ? "NNS" : "NN";
    if (!strcasecmp(u, "PROPN"))
        return feat(f, "Number=Plur") ? "NNPS" : "NNP";
    if (!strcasecmp(u, "VERB") || !strcasecmp(u, "AUX"))
        return verb_tag(w);
    if (!strcasecmp(u, "ADJ"))
        return feat(f, "Degree=Cmp") ? "JJR" : feat(f, "Degree=Sup") ? "JJS" : "JJ";
    if (!strcasecmp(u, "ADV"))
        return wh ? "WRB" : feat(f, "Degree=Cmp") ? "RBR" : feat(f, "Degree=Sup") ? "RBS" : "RB";
    if (!strcasecmp(u, "ADP"))
        return !strcasecmp(x, "to") ? "TO" : "IN";
    if (!strcasecmp(u, "DET"))
        return rel == R_PREDET ? "PDT" : wh ? "WDT" : "DT";
    if (!strcasecmp(u, "PRON")) {
        if (feat(f, "Poss=Yes"))
            return wh ? "WP$" : "PRP$";
        return wh ? "WP" : rel == R_EXPL ? "EX" : "PRP";
    }
    if (!strcasecmp(u, "NUM"))
        return "CD";
    if (!strcasecmp(u, "CCONJ") || !strcasecmp(u, "CONJ"))
        return "CC";
    if (!strcasecmp(u, "SCONJ"))
        return "IN";
    if (!strcasecmp(u, "PART")) {
        static const char *const poss[] = {"'s", "'", "\xE2\x80\x99s", "\xE2\x80\x99", NULL};
        return !strcasecmp(x, "to") ? "TO" : one_of(x, negations) ? "RB"
               : one_of(x, poss)    ? "POS" : "RP";
    }
    if (!strcasecmp(u, "PUNCT") || !strcmp(x, "\"") || !strcmp(x, "``") || !strcmp(x, "''"))
        return punct_tag(x);
    if (!strcasecmp(u, "SYM"))
        return !strcmp(x, "$") ? "$" : !strcmp(x, "#") ? "#" : !strcmp(x, "%") ? "NN" : "SYM";
    if (!strcasecmp(u, "INTJ"))
        return "UH";
    return "FW";
}

/* The word as the tree shows it: Penn escapes for brackets; blanks and the
 * characters that would break the bracketed form replaced. */
static const char *tree_word(dyad_arena *a, const char *form)
{
    static const char *const esc[][2] = {{"(", "-LRB-"}, {")", "-RRB-"}, {"[", "-LSB-"},
                                         {"]", "-RSB-"}, {"{", "-LCB-"}, {"}", "-RCB-"}};
    for (size_t i = 0; i < sizeof esc / sizeof *esc; i++)
        if (!strcmp(form, esc[i][0]))
            return esc[i][1];
    if (!form[0])
        return "_";
    char *w = dyad_arena_strdup(a, form);
    for (char *p = w; p && *p; p++)
        if ((unsigned char)*p <= ' ' || *p == '(' || *p == ')')
            *p = *p == '(' ? '{' : *p == ')' ? '}' : '_';
    return w;
}

/* ---- the conversion context ---------------------------------------------- */

static int cx_fail(cx *c, int code, const char *msg)
{
    if (!c->err)
        c->err = dyad_set_error(code, "CoNLL-U conversion: %s", msg);
    return -1;
}

static int node_new(cx *c, const char *label, int word)
{
    if (c->err)
        return -1;
    if (c->nn >= c->capn)
        return cx_fail(c, DYAD_ELIMIT, "too many phrases");
    cn *p = &c->nd[c->nn];
    memset(p, 0, sizeof *p);
    p->label = label;
    p->word = word;
    p->lo = word;
    return c->nn++;
}

static int phrase(cx *c, const char *label) { return node_new(c, label, -1); }
static int leaf(cx *c, int w) { return node_new(c, c->w[w].tag, w); }

static void add(cx *c, int parent, int child)
{
    if (parent < 0 || child < 0 || c->err)
        return;
    cn *p = &c->nd[parent];
    if (p->nk == p->cap) {
        int cap = p->cap ? p->cap * 2 : 4;
        int *k = dyad_arena_alloc(c->a, sizeof(int) * (size_t)cap);
        if (!k) {
            cx_fail(c, DYAD_ENOMEM, "out of memory");
            return;
        }
        if (p->nk)
            memcpy(k, p->kid, sizeof(int) * (size_t)p->nk);
        p->kid = k;
        p->cap = cap;
    }
    p->kid[p->nk++] = child;
}

static int wrap(cx *c, const char *label, int child)
{
    if (child < 0)
        return -1;
    int p = phrase(c, label);
    add(c, p, child);
    return p;
}

static const char *label_of(const cx *c, int node) { return node >= 0 ? c->nd[node].label : ""; }

static int as_s(cx *c, int node)
{
    return strcmp(label_of(c, node), "VP") ? node : wrap(c, "S", node);
}

static dl dl_new(cx *c, int cap)
{
    dl l = {dyad_arena_alloc(c->a, sizeof(int) * (size_t)(cap + 1)), 0};
    if (!l.v)
        cx_fail(c, DYAD_ENOMEM, "out of memory");
    return l;
}

static void dl_add(dl *l, int x)
{
    if (l->v)
        l->v[l->n++] = x;
}

static dl deps_of(cx *c, int h)
{
    dl l = dl_new(c, c->w[h].ndep);
    for (int i = 0; l.v && i < c->w[h].ndep; i++)
        dl_add(&l, c->w[h].dep[i]);
    return l;
}

static void dl_remove(dl *l, int x)
{
    int k = 0;
    for (int i = 0; i < l->n; i++)
        if (l->v[i] != x)
            l->v[k++] = l->v[i];
    l->n = k;
}

static int dl_has(dl l, int x)
{
    for (int i = 0; i < l.n; i++)
        if (l.v[i] == x)
            return 1;
    return 0;
}

/* ---- word classes ------------------------------------------------------- */

static int is_adj_tag(const char *t) { return !strncmp(t, "JJ", 2); }
static int is_adv_tag(const char *t) { return !strncmp(t, "RB", 2) || !strcmp(t, "WRB"); }
static int is_wh_tag(const char *t) { return t[0] == 'W'; }

static int is_not(const cx *c, int x) { return one_of(c->w[x].form, negations); }

/* Dependents that are single words in the tree whatever their relation. */
static int is_leafy(const cx *c, int x)
{
    switch (rel(c, x)) {
    case R_PUNCT: case R_CC: case R_PRECONJ: case R_DET: case R_PREDET: case R_CASE:
    case R_MARK: case R_AUX: case R_AUXPASS: case R_COP: case R_NEG: case R_FIXED:
    case R_FLAT:
        return 1;
    case R_ADVMOD:
        return is_not(c, x);
    default:
        break;
    }
    const char *t = tag(c, x);
    return ptb_tag(t) && (!strcmp(t, ",") || !strcmp(t, ".") || !strcmp(t, ":") ||
                          !strcmp(t, "``") || !strcmp(t, "''") || !strcmp(t, "CC") ||
                          !strcmp(t, "POS") || !strcmp(t, "TO") || !strcmp(t, "-LRB-") ||
                          !strcmp(t, "-RRB-") || !strcmp(t, "HYPH"));
}

/* ---- phrases ------------------------------------------------------------- */

static int make(cx *c, int d, int parent);
static int make_from(cx *c, int d, dl deps, int parent, int role);
static int core(cx *c, int h, dl deps, int parent);

/* A dependent inside a small phrase: a word alone stays a preterminal. */
static int modifier(cx *c, int x, int parent)
{
    return c->w[x].ndep ? make(c, x, parent) : leaf(c, x);
}

/* x as a single word under parent, in a place that takes a word (an
 * auxiliary, a possessive 's); dependents a parser gave it stand beside it. */
static void attach_leaf(cx *c, int parent, int x)
{
    add(c, parent, leaf(c, x));
    for (int i = 0; i < c->w[x].ndep; i++)
        add(c, parent, make(c, c->w[x].dep[i], parent));
}

/* The words of x's subtree as preterminals under node (relative pronouns,
 * markers with their fixed parts). */
static void add_words(cx *c, int node, int x, int skip_case)
{
    add(c, node, leaf(c, x));
    for (int i = 0; i < c->w[x].ndep; i++) {
        int y = c->w[x].dep[i];
        if (!(skip_case && rel(c, y) == R_CASE))
            add_words(c, node, y, 0);
    }
}

/* Coordinators and commas at the left edge of d's phrase belong beside it
 * ("... (CC and) (NP the United States)"): they go to parent. */
static void lift_leading(cx *c, int d, dl *deps, int parent)
{
    while (deps->n && deps->v[0] < d) {
        int x = deps->v[0], r = rel(c, x);
        if ((r != R_CC && r != R_PUNCT) || c->w[x].ndep)
            break;
        add(c, parent, leaf(c, x));
        dl_remove(deps, x);
    }
}

/* An NP, ADJP, ADVP, ... of h: left dependents, h, right dependents. */
static int small_phrase(cx *c, const char *label, int h, dl deps)
{
    int p = phrase(c, label);
    add(c, p, leaf(c, h));
    for (int i = 0; i < deps.n; i++)
        add(c, p, modifier(c, deps.v[i], p));
    return p;
}

/* Relations that stay in the base NP when they follow the noun as one word
 * ("Jeffrey Kupfer", "flight MH17"). */
static int base_right(const cx *c, int x)
{
    int r = rel(c, x);
    return !c->w[x].ndep && (r == R_FLAT || r == R_FIXED || r == R_COMPOUND || r == R_NUMMOD);
}

/* A modifier before a noun that CoreNLP keeps flat in the base NP: a chain of
 * compounds, adjectives, numbers and determiners ("the northern West Bank
 * city", "Palestinian security officials"). */
static int flat_modifier(const cx *c, int x)
{
    switch (rel(c, x)) {
    case R_COMPOUND: case R_FLAT: case R_FIXED: case R_AMOD: case R_NUMMOD: case R_DET:
    case R_PREDET:
        break;
    case R_PUNCT: /* "complete, full diplomatic ties" */
        return !c->w[x].ndep;
    default:
        return 0;
    }
    if (is_verb_tag(tag(c, x)) && c->w[x].ndep)
        return 0;
    for (int i = 0; i < c->w[x].ndep; i++) {
        int y = c->w[x].dep[i];
        if (!flat_modifier(c, y))
            return 0;
    }
    return 1;
}

/* The noun phrase of h: (NP left-modifiers h) and, when modifiers follow,
 * (NP (NP ...) (PP ...) (SBAR ...)); CoreNLP keeps what precedes an apposition
 * in an inner NP: (NP (NP (NP the commander) (PP in Iraq)) (, ,) (NP Petraeus)). */
static int nominal(cx *c, int h, dl deps)
{
    int base = phrase(c, "NP");
    dl post = dl_new(c, deps.n);
    for (int i = 0; i < deps.n; i++) {
        int x = deps.v[i];
        if (x < h) {
            int one = !c->w[x].ndep || (rel(c, x) == R_POSS && !strncmp(tag(c, x), "PRP", 3)) ||
                      (rel(c, x) == R_POSS && !strcmp(tag(c, x), "WP$"));
            if (one)
                attach_leaf(c, base, x);
            else if (flat_modifier(c, x))
                add_words(c, base, x, 0);
            else
                add(c, base, make(c, x, base));
        } else if (is_poss_case(c, x) || base_right(c, x)) {
            attach_leaf(c, base, x);
        } else if ((rel(c, x) == R_FLAT || rel(c, x) == R_COMPOUND) && flat_modifier(c, x) &&
                   !strncmp(tag(c, x), "NNP", 3)) {
            add_words(c, base, x, 0); /* a name's parts: "Bree Prime Minister Romendacil" */
        } else {
            dl_add(&post, x);
        }
    }
    add(c, base, leaf(c, h));
    int only_punct = 1;
    for (int i = 0; i < post.n; i++)
        only_punct = only_punct && rel(c, post.v[i]) == R_PUNCT && !c->w[post.v[i]].ndep;
    if (only_punct) { /* "(NP (NNP Hamas) (-RRB- -RRB-))": no phrase follows */
        for (int i = 0; i < post.n; i++)
            add(c, base, leaf(c, post.v[i]));
        return base;
    }
    int inner = base, outer = phrase(c, "NP"), from = 0;
    for (int i = 1; i < post.n; i++) {
        if (rel(c, post.v[i]) != R_APPOS)
            continue;
        int j = i;
        while (j > 0 && rel(c, post.v[j - 1]) == R_PUNCT)
            j--;
        if (j > 0) {
            inner = phrase(c, "NP");
            add(c, inner, base);
            for (; from < j; from++)
                add(c, inner, make(c, post.v[from], inner));
        }
        break;
    }
    add(c, outer, inner);
    for (; from < post.n; from++)
        add(c, outer, make(c, post.v[from], outer));
    return outer;
}

/* An adjective standing for a noun ("from the Syrian to the ...", "the poor"):
 * with a determiner or a preposition of its own, or in a nominal relation. */
static int nominal_adj(const cx *c, int h)
{
    switch (rel(c, h)) {
    case R_NSUBJ: case R_NSUBJPASS: case R_OBJ: case R_IOBJ: case R_OBL: case R_NMOD:
    case R_POSS: case R_APPOS:
        return 1;
    default:
        return has_rel(c, h, R_DET) || has_rel(c, h, R_CASE);
    }
}

static const char *phrase_label(const cx *c, int h)
{
    const char *t = tag(c, h);
    if (is_adj_tag(t))
        return nominal_adj(c, h) ? "NP" : "ADJP";
    if (is_adv_tag(t))
        return "ADVP";
    if (rel(c, h) == R_PRT || !strcmp(t, "RP"))
        return "PRT";
    if (!strcmp(t, "CD") && rel(c, h) == R_NUMMOD)
        return "QP";
    if (!strcmp(t, "IN") || !strcmp(t, "TO"))
        return "PP";
    if (!strcmp(t, "UH"))
        return "INTJ";
    return "NP";
}

/* A phrase with no coordination and no clause. */
static int simple(cx *c, int h, dl deps)
{
    const char *label = phrase_label(c, h);
    if (!strcmp(label, "NP"))
        return nominal(c, h, deps);
    return small_phrase(c, label, h, deps);
}

/* A conjunct with nothing but its coordinator stays a single word in a flat
 * coordination ("(NNS airstrikes) (CC or) (NNS airdrops)"). */
static int bare_conj(const cx *c, int x)
{
    for (int i = 0; i < c->w[x].ndep; i++) {
        int y = c->w[x].dep[i], r = rel(c, y);
        if (y > x || (r != R_CC && r != R_PUNCT) || c->w[y].ndep)
            return 0;
    }
    return 1;
}

/* The last word of the first conjunct: h and its dependents before the first
 * other conjunct, less the commas and coordinators that follow them. */
static int first_end(const cx *c, int h, dl deps, int lo_first)
{
    int hi = h;
    for (int i = 0; i < deps.n; i++) {
        int x = deps.v[i], r = rel(c, x);
        if (x < lo_first && r != R_CONJ && r != R_CC && r != R_PUNCT && c->w[x].hi > hi)
            hi = c->w[x].hi;
    }
    return hi;
}

/* Coordination of non-clausal phrases: (NP (NP a) (, ,) (NP b) (CC and) (NP c));
 * dependents after the last conjunct modify the whole (another NP around it). */
static int coord(cx *c, int h, dl deps)
{
    dl conj = dl_new(c, deps.n), first = dl_new(c, deps.n), mid = dl_new(c, deps.n),
       shared = dl_new(c, deps.n);
    for (int i = 0; i < deps.n; i++)
        if (rel(c, deps.v[i]) == R_CONJ)
            dl_add(&conj, deps.v[i]);
    if (c->err || !conj.n)
        return -1;
    int lo_first = c->w[conj.v[0]].lo, hi_last = c->w[conj.v[conj.n - 1]].hi;
    int first_hi = first_end(c, h, deps, lo_first);
    for (int i = 0; i < deps.n; i++) {
        int x = deps.v[i], r = rel(c, x);
        if (r == R_CONJ)
            continue;
        if (x > first_hi && x < hi_last && (r == R_CC || r == R_PUNCT))
            dl_add(&mid, x);
        else if (x > hi_last)
            dl_add(&shared, x);
        else if (x > lo_first)
            dl_add(&mid, x);
        else
            dl_add(&first, x);
    }
    /* single words with simple modifiers before the first: CoreNLP's flat
     * "(NP (JJ Danish) (NNS media) (CC and) (NN government))"; a first conjunct
     * with a determiner or a name of several words is a phrase of its own, as
     * CoreNLP has it: "(NP (NP (DT the) (NNPS Philippines)) (CC and) (NP (NNP
     * France)))", "(NP (NP (NNP Minas) (NNP Tirith)) (CC and) (NNP Osgiliath))" */
    const char *label = phrase_label(c, h);
    int bare = 1;
    for (int i = 0; i < first.n; i++)
        bare = bare && first.v[i] < h && flat_modifier(c, first.v[i]) &&
               !(rel(c, first.v[i]) == R_COMPOUND && !strncmp(tag(c, first.v[i]), "NNP", 3)) &&
               rel(c, first.v[i]) != R_DET && rel(c, first.v[i]) != R_PREDET;
    for (int i = 0; i < conj.n; i++)
        bare = bare && bare_conj(c, conj.v[i]);
    int node = phrase(c, label);
    for (int i = 0; bare && i < first.n; i++)
        add_words(c, node, first.v[i], 0);
    add(c, node, bare ? leaf(c, h) : simple(c, h, first));
    for (int i = 0; i < mid.n; i++)
        add(c, node, modifier(c, mid.v[i], node));
    for (int i = 0; i < conj.n; i++) {
        int x = conj.v[i];
        if (bare) {
            dl own = deps_of(c, x);
            lift_leading(c, x, &own, node);
            add(c, node, leaf(c, x));
        } else {
            add(c, node, make(c, x, node));
        }
    }
    if (!shared.n)
        return node;
    int outer = wrap(c, label, node);
    for (int i = 0; i < shared.n; i++)
        add(c, outer, make(c, shared.v[i], outer));
    return outer;
}

/* ---- clauses ---------------------------------------------------------------- */

enum { ROLE_NONE, ROLE_DEP };

/* What a dependent's phrase becomes in its relation: a subjectless clause is
 * (S (VP ...)) except as a conjunct or a participle modifying a noun; a
 * complement clause with a subject and no complementizer is (SBAR (S ...)). */
static int role_wrap(cx *c, int d, int node)
{
    const char *l = label_of(c, node);
    int r = rel(c, d);
    if (!strcmp(l, "VP")) {
        if (r == R_CONJ)
            return node;
        if (r == R_ACL) {
            const cn *p = &c->nd[node];
            if (!(p->nk && p->kid[0] >= 0 && c->nd[p->kid[0]].word >= 0 &&
                  !strcmp(c->nd[p->kid[0]].label, "TO")))
                return node;
        }
        return wrap(c, "S", node);
    }
    if (!strcmp(l, "S") && r == R_CCOMP)
        return wrap(c, "SBAR", node);
    return node;
}

/* Dependents of a copular predicate that make the predicate phrase ("the
 * leader (PP of ...)", "aware (PP of ...)") rather than the clause. */
static dl pred_deps(cx *c, int v, dl deps, int cop)
{
    dl sel = dl_new(c, deps.n), out = dl_new(c, deps.n);
    int adj = is_adj_tag(tag(c, v)), nconj = 0;
    for (int i = 0; i < deps.n; i++)
        nconj += rel(c, deps.v[i]) == R_CONJ && !is_clausal_word(c, deps.v[i]);
    for (int i = 0; i < deps.n; i++) {
        int x = deps.v[i], ok = 0;
        switch (rel(c, x)) {
        case R_DET: case R_PREDET: case R_AMOD: case R_NUMMOD: case R_COMPOUND: case R_POSS:
        case R_CASE: case R_FLAT: case R_FIXED: case R_ACL: case R_RELCL: case R_APPOS:
        case R_NMOD:
            ok = 1;
            break;
        case R_CONJ: ok = !is_clausal_word(c, x); break;
        case R_CC: case R_PRECONJ: ok = nconj > 0; break;
        case R_ADVMOD: ok = adj && x < v && x > cop; break;
        case R_XCOMP: case R_CCOMP: ok = adj; break;
        default: break;
        }
        if (ok)
            dl_add(&sel, x);
    }
    int lo = v, hi = v;
    for (int i = 0; i < sel.n; i++) {
        lo = c->w[sel.v[i]].lo < lo ? c->w[sel.v[i]].lo : lo;
        hi = c->w[sel.v[i]].hi > hi ? c->w[sel.v[i]].hi : hi;
    }
    for (int i = 0; i < deps.n; i++) {
        int x = deps.v[i];
        if (dl_has(sel, x) || (x > lo && x < hi && !is_chain_rel(c, x) && !is_subj(c, x) &&
                               rel(c, x) != R_MARK))
            dl_add(&out, x);
    }
    return out;
}

static int phrase_of(cx *c, int h, dl deps)
{
    for (int i = 0; i < deps.n; i++)
        if (rel(c, deps.v[i]) == R_CONJ)
            return coord(c, h, deps);
    return simple(c, h, deps);
}

typedef struct clause_parts {
    int subj, inv, fin, k, lv, co, hi_last, lo_first, first_hi;
    dl chain, pred, conj;
    int *vp;
} clause_parts;

/* Subject, verb chain, predicate, coordinated verbs, final punctuation. */
static void clause_split(cx *c, int v, dl deps, clause_parts *p)
{
    int verb = is_verb_tag(tag(c, v));
    p->subj = p->inv = p->fin = -1;
    for (int i = 0; i < deps.n && p->subj < 0; i++)
        if (deps.v[i] < v && rel(c, deps.v[i]) == R_EXPL)
            p->subj = deps.v[i];
    for (int i = 0; i < deps.n && p->subj < 0; i++)
        if (deps.v[i] < v && is_subj(c, deps.v[i]))
            p->subj = deps.v[i];
    for (int i = 0; i < deps.n && p->subj < 0 && p->inv < 0; i++)
        if (deps.v[i] > v && is_subj(c, deps.v[i]))
            p->inv = deps.v[i];
    p->chain = dl_new(c, deps.n + 1);
    for (int i = 0; i < deps.n; i++)
        if (deps.v[i] < v && deps.v[i] > p->subj && is_chain_rel(c, deps.v[i]))
            dl_add(&p->chain, deps.v[i]);
    if (verb)
        dl_add(&p->chain, v);
    p->k = p->chain.n;
    p->pred = verb || !p->k ? dl_new(c, 0) : pred_deps(c, v, deps, p->chain.v[p->k - 1]);
    p->conj = dl_new(c, deps.n);
    int span_hi = v;
    for (int i = 0; i < deps.n; i++) {
        int x = deps.v[i];
        if (rel(c, x) == R_CONJ && !dl_has(p->pred, x))
            dl_add(&p->conj, x);
        span_hi = c->w[x].hi > span_hi ? c->w[x].hi : span_hi;
    }
    for (int i = 0; i < deps.n; i++)
        if (rel(c, deps.v[i]) == R_PUNCT && deps.v[i] == span_hi && deps.v[i] > v &&
            !dl_has(p->pred, deps.v[i]))
            p->fin = deps.v[i];
    p->hi_last = p->conj.n ? c->w[p->conj.v[p->conj.n - 1]].hi : -1;
    p->lo_first = p->conj.n ? c->w[p->conj.v[0]].lo : -1;
    p->first_hi = p->conj.n ? first_end(c, v, deps, p->lo_first) : -1;
}

/* The VP level a dependent joins: that of the last chain word before it; -1
 * before the chain (the clause level); -2 the coordination of verbs. */
static int clause_level(cx *c, const clause_parts *p, int v, int x)
{
    int r = rel(c, x);
    if (p->co >= 0 && x > v &&
        (x > p->lo_first || ((r == R_CC || r == R_PUNCT) && x > p->first_hi && x < p->hi_last)))
        return -2;
    if (x < p->chain.v[0])
        return -1;
    int j = p->k - 1;
    while (j > 0 && p->chain.v[j] > x)
        j--;
    return j;
}

/* "wants Putin to attack": CoreNLP makes the object the subject of the
 * infinitive, (S (NP Putin) (VP (TO to) ...)). y is the dependent after x. */
static int object_clause(cx *c, int x, int y)
{
    if ((rel(c, x) != R_OBJ && rel(c, x) != R_IOBJ) || y < 0 || rel(c, y) != R_XCOMP)
        return 0;
    return c->w[y].lo == c->w[x].hi + 1 && is_clausal_word(c, y) && !has_subject(c, y);
}

static void clause_deps(cx *c, int v, dl deps, clause_parts *p, int s)
{
    for (int i = 0; i < deps.n; i++) {
        int x = deps.v[i];
        if (dl_has(p->chain, x) || dl_has(p->pred, x) || dl_has(p->conj, x))
            continue;
        if (x == p->subj || x == p->inv) {
            add(c, s, make(c, x, s));
            continue;
        }
        if (x == p->fin) {
            attach_leaf(c, s >= 0 ? s : p->vp[0], x);
            continue;
        }
        int lv = clause_level(c, p, v, x);
        int target = lv == -2 ? p->co : lv == -1 ? (s >= 0 ? s : p->vp[0]) : p->vp[lv];
        if (object_clause(c, x, i + 1 < deps.n ? deps.v[i + 1] : -1)) {
            int y = deps.v[++i], sc = phrase(c, "S");
            add(c, sc, make(c, x, sc));
            add(c, sc, make_from(c, y, deps_of(c, y), sc, ROLE_NONE));
            add(c, target, sc);
            continue;
        }
        add(c, target, make(c, x, target));
    }
}

/* A clause without parataxis or coordinated clauses: see the file comment. */
static int clause_simple(cx *c, int v, dl deps)
{
    clause_parts p;
    clause_split(c, v, deps, &p);
    if (c->err)
        return -1;
    if (!p.k) /* only an auxiliary before the subject: not a clause after all */
        return phrase_of(c, v, deps);
    int s = p.subj >= 0 || p.inv >= 0 ? phrase(c, p.subj < 0 ? "SINV" : "S") : -1;
    p.vp = dyad_arena_alloc(c->a, sizeof(int) * (size_t)p.k);
    if (!p.vp)
        return cx_fail(c, DYAD_ENOMEM, "out of memory");
    for (int j = 0; j < p.k; j++) {
        p.vp[j] = phrase(c, "VP");
        if (p.chain.v[j] == v)
            add(c, p.vp[j], leaf(c, v));
        else
            attach_leaf(c, p.vp[j], p.chain.v[j]);
    }
    if (!is_verb_tag(tag(c, v)))
        add(c, p.vp[p.k - 1], make_from(c, v, p.pred, p.vp[p.k - 1], ROLE_NONE));
    p.co = p.lv = -1;
    if (p.conj.n) {
        p.co = phrase(c, "VP");
        p.lv = p.k - 1;
        for (int i = 0; i < p.conj.n; i++)
            if (has_chain(c, p.conj.v[i]))
                p.lv = 0;
    }
    clause_deps(c, v, deps, &p, s);
    for (int j = 1; j < p.k; j++)
        add(c, p.vp[j - 1], j == p.lv ? p.co : p.vp[j]);
    if (p.co >= 0) {
        add(c, p.co, p.vp[p.lv]);
        for (int i = 0; i < p.conj.n; i++)
            add(c, p.co, make(c, p.conj.v[i], p.co));
    }
    int top = p.lv == 0 ? p.co : p.vp[0];
    if (s < 0)
        return top;
    add(c, s, top);
    return s;
}

/* Parataxis, lists and coordinated clauses with their own subject, to the
 * right of the head: they stand beside the clause in an S around it. */
static int is_outer(cx *c, int v, int x)
{
    if (x < v)
        return 0;
    int r = rel(c, x);
    return r == R_PARATAXIS || r == R_LIST || (r == R_CONJ && has_subject(c, x));
}

/* Clausal dependents of a nominal root: the sentence is a fragment
 * "(FRAG (NP LYON) (: :) (S ...))". */
static int is_frag_part(cx *c, int v, int x)
{
    if (x < v)
        return 0;
    switch (rel(c, x)) {
    case R_PARATAXIS: case R_LIST: case R_DEP: case R_ADVCL: case R_CCOMP: case R_CONJ:
    case R_APPOS:
        return is_clausal_word(c, x);
    default:
        return 0;
    }
}

/* Splits deps at the first outer dependent: *core gets what precedes it, less
 * the commas and coordinators that end that run; *rest the others. */
static void split_outer(cx *c, int h, dl deps, int first, int (*outer)(cx *, int, int),
                        dl *core, dl *rest)
{
    int cut = c->w[first].lo, last = h;
    *core = dl_new(c, deps.n);
    *rest = dl_new(c, deps.n);
    for (int i = 0; i < deps.n; i++) {
        int x = deps.v[i], r = rel(c, x);
        if (x < cut && !outer(c, h, x) && r != R_PUNCT && r != R_CC && c->w[x].hi > last)
            last = c->w[x].hi;
    }
    for (int i = 0; i < deps.n; i++) {
        int x = deps.v[i], r = rel(c, x);
        if (x < cut && !outer(c, h, x) && !((r == R_PUNCT || r == R_CC) && x > last))
            dl_add(core, x);
        else
            dl_add(rest, x);
    }
}

/* A reporting verb in parataxis ("..., officials said"): CoreNLP puts its
 * subject and verb phrase straight into the sentence's S. */
static int is_reporting(cx *c, int x)
{
    return rel(c, x) == R_PARATAXIS && has_subject(c, x) && !has_rel(c, x, R_OBJ) &&
           !has_rel(c, x, R_IOBJ) && !has_rel(c, x, R_CCOMP) && !has_rel(c, x, R_XCOMP);
}

static int clause(cx *c, int v, dl deps)
{
    int first = -1;
    for (int i = 0; i < deps.n && first < 0; i++)
        if (is_outer(c, v, deps.v[i]))
            first = deps.v[i];
    if (first < 0)
        return clause_simple(c, v, deps);
    dl in, rest;
    split_outer(c, v, deps, first, is_outer, &in, &rest);
    int s = phrase(c, "S");
    add(c, s, as_s(c, clause_simple(c, v, in)));
    for (int i = 0; i < rest.n && !c->err; i++) {
        int x = rest.v[i], node = make(c, x, s);
        if (is_reporting(c, x) && !strcmp(label_of(c, node), "S")) {
            for (int k = 0; k < c->nd[node].nk; k++)
                add(c, s, c->nd[node].kid[k]);
        } else {
            add(c, s, node);
        }
    }
    return s;
}

static int core(cx *c, int h, dl deps, int parent)
{
    (void)parent;
    if (is_clausal(c, h, deps))
        return clause(c, h, deps);
    return phrase_of(c, h, deps);
}

/* ---- markers and relative clauses ---------------------------------------- */

static int wh_phrase(cx *c, int x)
{
    int wh = phrase(c, strcmp(tag(c, x), "WRB") ? "WHNP" : "WHADVP"), pp = -1;
    add_words(c, wh, x, 1);
    for (int i = 0; i < c->w[x].ndep; i++) {
        int y = c->w[x].dep[i];
        if (rel(c, y) != R_CASE)
            continue;
        if (pp < 0)
            pp = phrase(c, "WHPP");
        add_words(c, pp, y, 0);
    }
    if (pp < 0)
        return wh;
    add(c, pp, wh);
    return pp;
}

/* (SBAR (WHNP (WDT which)) (S (VP ...))): the relative word is the dependent
 * that opens the clause, when it holds a wh-word or is "that". */
static int relative(cx *c, int d, dl deps)
{
    int sb = phrase(c, "SBAR");
    if (deps.n && deps.v[0] < d && !is_chain_rel(c, deps.v[0])) {
        int x = deps.v[0], wh = !strcasecmp(c->w[x].form, "that");
        for (int k = c->w[x].lo; k <= c->w[x].hi && !wh; k++)
            wh = is_wh_tag(tag(c, k));
        if (wh) {
            add(c, sb, wh_phrase(c, x));
            dl_remove(&deps, x);
        }
    }
    add(c, sb, as_s(c, core(c, d, deps, sb)));
    return sb;
}

/* A `case` or `mark` word that introduces the phrase; the preposition of a
 * copular predicate ("are among the most dangerous") belongs to the
 * predicate instead (pred set). */
static int is_marker(const cx *c, int x, int pred)
{
    int r = rel(c, x);
    return (r == R_CASE && !pred && !is_poss_case(c, x)) || (r == R_MARK && !is_inf_to(c, x));
}

/* Collects the words of x's subtree in word order. */
static void subtree_words(cx *c, int x, dl *out)
{
    int i = 0;
    for (; i < c->w[x].ndep && c->w[x].dep[i] < x; i++)
        subtree_words(c, c->w[x].dep[i], out);
    dl_add(out, x);
    for (; i < c->w[x].ndep; i++)
        subtree_words(c, c->w[x].dep[i], out);
}

/* One PP per preposition, nested as CoreNLP prints "out of" and "according
 * to": (PP (IN out) (PP (IN of) (NP ...))). */
static int pp_nest(cx *c, dl mk, int inner)
{
    dl words = dl_new(c, c->n);
    for (int i = 0; i < mk.n; i++)
        subtree_words(c, mk.v[i], &words);
    int node = inner;
    for (int j = words.n - 1; j >= 0; j--) {
        int pp = phrase(c, "PP");
        add(c, pp, leaf(c, words.v[j]));
        add(c, pp, node);
        node = pp;
    }
    return node;
}

/* (SBAR (IN that) (S ...)); a single preposition before a subjectless -ing
 * clause is a PP: (PP (IN by) (S (VP (VBG promoting) ...))). */
static int subordinate(cx *c, int d, dl mk, int inner)
{
    if (mk.n == 1 && !c->w[mk.v[0]].ndep &&
        (!strcmp(tag(c, mk.v[0]), "IN") || !strcmp(tag(c, mk.v[0]), "TO")) &&
        !strcmp(label_of(c, inner), "VP") && !strcmp(tag(c, d), "VBG")) {
        int pp = phrase(c, "PP");
        add(c, pp, leaf(c, mk.v[0]));
        add(c, pp, wrap(c, "S", inner));
        return pp;
    }
    int sb = phrase(c, "SBAR");
    for (int i = 0; i < mk.n; i++)
        add_words(c, sb, mk.v[i], 0);
    add(c, sb, as_s(c, inner));
    return sb;
}

static int make(cx *c, int d, int parent)
{
    return make_from(c, d, deps_of(c, d), parent, ROLE_DEP);
}

/* A coordinated clause with a complementizer of its own ("that ..., and that
 * ..."). */
static int is_marked_conj(cx *c, int v, int x)
{
    if (x < v || rel(c, x) != R_CONJ)
        return 0;
    for (int i = 0; i < c->w[x].ndep; i++) {
        int y = c->w[x].dep[i];
        if (rel(c, y) == R_MARK && !is_inf_to(c, y))
            return 1;
    }
    return 0;
}

/* "alleged that France was aware ..., and that the military helped ...":
 * CoreNLP coordinates the SBARs, (SBAR (SBAR (IN that) (S ...)) (, ,) (CC and)
 * (SBAR (IN that) (S ...))). -1 when d has no such conjunct. */
static int sbar_coordination(cx *c, int d, dl deps)
{
    int first = -1, marked = 0;
    for (int i = 0; i < deps.n; i++) {
        int x = deps.v[i];
        marked |= x < d && rel(c, x) == R_MARK && !is_inf_to(c, x);
        if (first < 0 && is_marked_conj(c, d, x))
            first = x;
    }
    if (!marked || first < 0)
        return -1;
    dl in, rest;
    split_outer(c, d, deps, first, is_marked_conj, &in, &rest);
    int sb = phrase(c, "SBAR");
    add(c, sb, make_from(c, d, in, sb, ROLE_DEP));
    for (int i = 0; i < rest.n; i++)
        add(c, sb, make(c, rest.v[i], sb));
    return sb;
}

/* The phrase of d over deps. Words that belong beside it go to parent. */
static int make_from(cx *c, int d, dl deps, int parent, int role)
{
    if (c->err)
        return -1;
    if (!deps.n && is_leafy(c, d))
        return leaf(c, d);
    if (parent >= 0)
        lift_leading(c, d, &deps, parent);
    if (role == ROLE_DEP && rel(c, d) == R_RELCL)
        return relative(c, d, deps);
    int sbc = role == ROLE_DEP && is_clausal(c, d, deps) ? sbar_coordination(c, d, deps) : -1;
    if (sbc >= 0)
        return sbc;
    /* the markers: the first run of them; what precedes them stands beside
     * the phrase ("(ADVP especially) (PP (IN by) ...)"); later ones, which a
     * parser may misplace, stay words inside it */
    dl mk = dl_new(c, deps.n), rest = dl_new(c, deps.n);
    int i0 = 0, has_case = 0, pred = !is_verb_tag(tag(c, d)) && is_clausal(c, d, deps);
    while (i0 < deps.n && !is_marker(c, deps.v[i0], pred))
        i0++;
    for (int i = i0; i < deps.n && is_marker(c, deps.v[i], pred); i++) {
        dl_add(&mk, deps.v[i]);
        has_case |= rel(c, deps.v[i]) == R_CASE;
    }
    if (!mk.n) {
        int node = core(c, d, deps, parent);
        return role == ROLE_DEP ? role_wrap(c, d, node) : node;
    }
    for (int i = 0; i < deps.n; i++) {
        int x = deps.v[i];
        if (dl_has(mk, x))
            continue;
        if (i < i0 && parent >= 0)
            add(c, parent, make(c, x, parent));
        else
            dl_add(&rest, x);
    }
    int inner = core(c, d, rest, parent);
    if (has_case)
        return pp_nest(c, mk, as_s(c, inner));
    return subordinate(c, d, mk, inner);
}

/* ---- the sentence ---------------------------------------------------------- */

static int convert_root(cx *c, int r)
{
    int top = phrase(c, "ROOT");
    dl deps = deps_of(c, r);
    if (c->err)
        return -1;
    if (!is_clausal(c, r, deps)) {
        for (int i = 0; i < deps.n; i++) {
            if (!is_frag_part(c, r, deps.v[i]))
                continue;
            dl in, rest;
            split_outer(c, r, deps, deps.v[i], is_frag_part, &in, &rest);
            int f = phrase(c, "FRAG");
            add(c, f, make_from(c, r, in, f, ROLE_NONE));
            for (int k = 0; k < rest.n; k++)
                add(c, f, make(c, rest.v[k], f));
            add(c, top, f);
            return top;
        }
        /* a noun phrase at the top is a dateline; a sentence with a verb is not */
        if (c->has_verb) {
            add(c, top, wrap(c, "FRAG", make(c, r, -1)));
            return top;
        }
    }
    add(c, top, make(c, r, -1)); /* ROOT has one child */
    return top;
}

/* Dependents lists (in word order) and subtree spans from the heads. */
static int link_words(cx *c, int *depth, int *order)
{
    int n = c->n, maxd = 0;
    for (int i = 0; i < n; i++)
        c->w[i].ndep = 0;
    for (int i = 0; i < n; i++)
        if (c->w[i].head >= 0 && !c->w[i].gone)
            c->w[c->w[i].head].ndep++;
    for (int i = 0; i < n; i++) {
        c->w[i].dep = dyad_arena_alloc(c->a, sizeof(int) * (size_t)(c->w[i].ndep + 1));
        if (!c->w[i].dep)
            return cx_fail(c, DYAD_ENOMEM, "out of memory");
        c->w[i].ndep = 0;
        c->w[i].lo = c->w[i].hi = i;
        depth[i] = -1;
    }
    for (int i = 0; i < n; i++)
        if (c->w[i].head >= 0 && !c->w[i].gone) {
            wd *h = &c->w[c->w[i].head];
            h->dep[h->ndep++] = i;
        }
    for (int i = 0; i < n; i++) {
        int k = i, steps = 0;
        while (k >= 0 && depth[k] < 0) {
            k = c->w[k].head;
            if (++steps > n) /* never on a checked input; a guard against a repair's bug */
                return cx_fail(c, DYAD_EPARSE, "dependency heads form a cycle");
        }
        int d = (k < 0 ? -1 : depth[k]) + steps;
        maxd = d > maxd ? d : maxd;
        for (k = i; k >= 0 && depth[k] < 0; k = c->w[k].head)
            depth[k] = d--;
    }
    /* deepest first, so that every subtree is complete before its head */
    int m = 0;
    for (int d = maxd; d > 0; d--)
        for (int i = 0; i < n; i++)
            if (depth[i] == d)
                order[m++] = i;
    for (int j = 0; j < m; j++) {
        wd *x = &c->w[order[j]], *h = &c->w[x->head];
        h->lo = x->lo < h->lo ? x->lo : h->lo;
        h->hi = x->hi > h->hi ? x->hi : h->hi;
    }
    return 0;
}

static int is_desc(const cx *c, int k, int h, long *budget)
{
    while (k >= 0 && k != h) {
        k = c->w[k].head;
        (*budget)--;
    }
    return k == h;
}

static int non_projective(const cx *c, int d, long *budget)
{
    int h = c->w[d].head, a = d < h ? d : h, b = d < h ? h : d;
    for (int k = a + 1; k < b && *budget > 0; k++)
        if (!is_desc(c, k, h, budget))
            return 1;
    return 0;
}

/* Makes the dependency tree projective, so that every phrase covers a
 * contiguous run of words: punctuation first goes down into the innermost
 * subtree around it, then a dependent whose arc crosses others is lifted to
 * its head's head. The work is capped (a very tangled input keeps some crossing
 * arcs; its words then come out in another order). */
static int projectivize(cx *c, int *depth, int *order)
{
    int changed = 0;
    for (int p = 0; p < c->n; p++) {
        if (c->w[p].rel != R_PUNCT || c->w[p].ndep || c->w[p].head < 0)
            continue;
        int h = c->w[p].head, found = 1;
        while (found) {
            found = 0;
            for (int i = 0; i < c->w[h].ndep && !found; i++) {
                int x = c->w[h].dep[i];
                if (x != p && c->w[x].lo < p && p < c->w[x].hi) {
                    h = x;
                    found = 1;
                }
            }
        }
        if (h != c->w[p].head) {
            c->w[p].head = h;
            changed = 1;
        }
    }
    if (changed && link_words(c, depth, order))
        return -1;
    long budget = 2000000;
    for (int pass = 0; pass < 8 && budget > 0; pass++) {
        changed = 0;
        for (int d = 0; d < c->n; d++) {
            int h = c->w[d].head;
            if (h >= 0 && c->w[h].head >= 0 && non_projective(c, d, &budget)) {
                c->w[d].head = c->w[h].head;
                changed = 1;
            }
        }
        if (!changed)
            break;
        if (link_words(c, depth, order))
            return -1;
    }
    return 0;
}

/* Word order of the children: each phrase's first word, empty phrases dropped. */
static int order_children(cx *c, int top, int *stack, int *seen)
{
    int sp = 0, m = 0;
    int *pre = stack + c->capn;
    stack[sp++] = top;
    while (sp) {
        int x = stack[--sp];
        if (seen[x]++)
            return cx_fail(c, DYAD_EPARSE, "internal error: a phrase used twice");
        pre[m++] = x;
        if (sp + c->nd[x].nk > c->capn)
            return cx_fail(c, DYAD_EPARSE, "internal error: phrase stack");
        for (int k = 0; k < c->nd[x].nk; k++)
            stack[sp++] = c->nd[x].kid[k];
    }
    for (int j = m - 1; j >= 0; j--) {
        cn *p = &c->nd[pre[j]];
        if (p->word >= 0)
            continue;
        int k = 0;
        p->lo = c->n;
        for (int i = 0; i < p->nk; i++) {
            int ch = p->kid[i];
            if (c->nd[ch].lo >= c->n)
                continue; /* an empty phrase */
            int q = k++;
            while (q > 0 && c->nd[p->kid[q - 1]].lo > c->nd[ch].lo) {
                p->kid[q] = p->kid[q - 1];
                q--;
            }
            p->kid[q] = ch;
            p->lo = c->nd[ch].lo < p->lo ? c->nd[ch].lo : p->lo;
        }
        p->nk = k;
    }
    return 0;
}

/* The phrases in pre-order as a dyad_tree; checks depth and that every word
 * is there once. */
static int emit_tree(cx *c, int top, int *stack, dyad_tree **out)
{
    dyad_tree *t = dyad_arena_alloc(c->a, sizeof *t);
    dyad_tnode *nodes = dyad_arena_alloc(c->a, sizeof *nodes * (size_t)c->nn);
    int *tok_node = dyad_arena_alloc(c->a, sizeof(int) * 3 * (size_t)c->n);
    if (!t || !nodes || !tok_node)
        return cx_fail(c, DYAD_ENOMEM, "out of memory");
    int *par = stack + c->capn, *dep = par + c->capn, sp = 0, nn = 0, ntok = 0;
    stack[sp] = top, par[sp] = -1, dep[sp++] = 1;
    while (sp) {
        sp--;
        int x = stack[sp], p = par[sp], d = dep[sp], k = nn++;
        if (d > DYAD_TREE_MAX_DEPTH)
            return cx_fail(c, DYAD_ELIMIT, "tree deeper than the tree reader's cap");
        dyad_tnode *nd = &nodes[k];
        nd->label = c->nd[x].label;
        nd->word = c->nd[x].word >= 0 ? c->w[c->nd[x].word].word : NULL;
        nd->parent = p;
        nd->first_child = nd->last_child = nd->next_sibling = -1;
        nd->tok = -1;
        if (nd->word) {
            if (ntok >= c->n - c->ngone)
                return cx_fail(c, DYAD_EPARSE, "internal error: a word used twice");
            tok_node[ntok] = k;
            nd->tok = ntok++;
        }
        if (p >= 0) {
            if (nodes[p].last_child >= 0)
                nodes[nodes[p].last_child].next_sibling = k;
            else
                nodes[p].first_child = k;
            nodes[p].last_child = k;
            nodes[p].nchildren++;
        }
        if (sp + c->nd[x].nk > c->capn)
            return cx_fail(c, DYAD_EPARSE, "internal error: phrase stack");
        for (int i = c->nd[x].nk - 1; i >= 0; i--)
            stack[sp] = c->nd[x].kid[i], par[sp] = k, dep[sp++] = d + 1;
    }
    if (ntok != c->n - c->ngone)
        return cx_fail(c, DYAD_EPARSE, "internal error: a word was lost");
    t->nodes = nodes;
    t->nnodes = nn;
    t->root = 0;
    t->ntok = ntok;
    t->tok_node = tok_node;
    t->tok_start = tok_node + c->n;
    t->tok_end = tok_node + 2 * c->n;
    for (int i = 0; i < ntok; i++)
        t->tok_start[i] = t->tok_end[i] = -1;
    *out = t;
    return 0;
}

/* Words with their PTB tags, tree forms and relations; heads checked. */
static int load_words(cx *c, const dyad_conllu_sent *s, int *depth, int *root)
{
    int extra = 0, *heads = depth + c->n;
    for (int i = 0; i < c->n; i++)
        heads[i] = s->words[i].head;
    int rc = dyad_conllu__check_heads(s->words, c->n, heads, depth, &extra);
    if (rc)
        return c->err = rc;
    for (int i = 0; i < c->n; i++) {
        const dyad_conllu_word *w = &s->words[i];
        wd *x = &c->w[i];
        x->form = w->form && w->form[0] ? w->form : "_";
        x->lemma = w->lemma ? w->lemma : "_";
        x->word = tree_word(c->a, x->form);
        x->rel = rel_of(w->deprel ? w->deprel : "dep");
        if (w->head < 0 && heads[i] >= 0)
            x->rel = R_PARATAXIS; /* a second root */
        x->head = heads[i];
        if (x->head < 0) {
            x->rel = R_ROOT;
            *root = i;
        }
        const char *t = w->xpos ? ptb_tag(w->xpos) : NULL;
        if (!strcmp(x->form, "\"") || !strcmp(x->form, "``") || !strcmp(x->form, "''"))
            t = NULL; /* quotes: by form, whatever a tagger said */
        dyad_conllu_word u = *w;
        u.upos = u.upos ? u.upos : "X";
        u.feats = u.feats ? u.feats : "_";
        u.lemma = u.lemma ? u.lemma : "_";
        u.form = x->form;
        x->tag = t ? t : map_upos(&u, x->rel);
        if (!strcmp(x->form, "\""))
            x->tag = heads[i] > i ? "``" : "''"; /* opening before what it quotes */
        if (!x->word)
            return cx_fail(c, DYAD_ENOMEM, "out of memory");
    }
    return 0;
}

/* ---- hyphenated words ---------------------------------------------------- */

static int no_space_after(const dyad_conllu_sent *s, int k)
{
    return k >= 0 && k < s->nwords && s->words[k].misc && strstr(s->words[k].misc, "SpaceAfter=No");
}

/* An intra-word hyphen: "-" written without spaces, or tagged HYPH unless the
 * sentence's spaces are known exactly and say otherwise ("an anti- Gondor
 * parade" keeps Gondor a word of its own). */
static int is_hyphen(const cx *c, const dyad_conllu_sent *s, int k)
{
    if (k <= 0 || k + 1 >= c->n)
        return 0;
    int glued = no_space_after(s, k - 1) && no_space_after(s, k);
    if (!strcmp(c->w[k].tag, "HYPH"))
        return glued || !s->spacing_exact;
    return !strcmp(c->w[k].form, "-") && glued;
}

static int is_punct_word(const cx *c, int k)
{
    const char *t = c->w[k].tag;
    return c->w[k].rel == R_PUNCT || !strcmp(t, ",") || !strcmp(t, ".") || !strcmp(t, ":") ||
           !strcmp(t, "HYPH") || !strcmp(t, "``") || !strcmp(t, "''");
}

/* Merges words a..b into the one of them whose head lies outside (the last
 * one when several share that head: "surface - to - air missile"). */
static int merge_words(cx *c, int a, int b)
{
    int m = -1;
    for (int k = a; k <= b; k++) {
        int h = c->w[k].head;
        if (h < a || h > b) {
            if (m >= 0 && h != c->w[m].head)
                return 0; /* parts of different phrases: not one word */
            m = k;
        }
    }
    dyad_buf buf;
    dyad_buf_init(&buf);
    for (int k = a; k <= b; k++)
        dyad_buf_puts(&buf, c->w[k].form);
    const char *w = buf.data ? tree_word(c->a, buf.data) : NULL;
    dyad_buf_free(&buf);
    if (!w)
        return cx_fail(c, DYAD_ENOMEM, "out of memory");
    c->w[m].word = w;
    for (int k = a; k <= b; k++)
        if (k != m) {
            c->w[k].gone = 1;
            c->w[k].head = m;
            c->ngone++;
        }
    for (int k = 0; k < c->n; k++)
        if ((k < a || k > b) && c->w[k].head >= a && c->w[k].head <= b)
            c->w[k].head = m;
    return 0;
}

/* A word split off with its hyphen ("military -ruled"); not "-LRB-". */
static int is_hyphen_suffix(const cx *c, int k)
{
    static const char *const escapes[] = {"-LRB-", "-RRB-", "-LSB-", "-RSB-", "-LCB-", "-RCB-",
                                          NULL};
    const char *f = c->w[k].form;
    unsigned char ch = (unsigned char)f[1];
    return f[0] == '-' && !one_of(f, escapes) &&
           (ch >= 0x80 || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
            (ch >= '0' && ch <= '9'));
}

/* "al - Shabab", "Qaeda - linked", "military -ruled": UD tokenizers split
 * hyphenated words, CoreNLP's keeps them whole ("al-Shabab"), as the
 * dictionaries do. */
static int merge_hyphens(cx *c, const dyad_conllu_sent *s)
{
    for (int a = 0; a < c->n; a++) {
        if (is_punct_word(c, a))
            continue;
        int b = a;
        for (;;) {
            if (is_hyphen(c, s, b + 1) && !is_punct_word(c, b + 2))
                b += 2;
            else if (b + 1 < c->n && is_hyphen_suffix(c, b + 1))
                b += 1;
            else
                break;
        }
        if (b > a && merge_words(c, a, b))
            return -1;
        a = b;
    }
    return 0;
}

/* A participle with nothing a verb phrase would have ("clearly inebriated",
 * "Al-Qaeda-linked"). */
static int adjectival(const cx *c, int x)
{
    for (int i = 0; i < c->w[x].ndep; i++)
        switch (rel(c, c->w[x].dep[i])) {
        case R_ADVMOD: case R_NEG: case R_CC: case R_CONJ: case R_PUNCT: case R_COMPOUND:
        case R_TMOD: case R_AMOD:
            break;
        default:
            return 0;
        }
    return 1;
}

/* A verb with a passive auxiliary is a participle, whatever a coarse tag said,
 * and so is a past-tense verb modifying a noun; a participle before a noun is
 * an adjective ("exiled leaders"), as the dictionaries' agent phrases expect.
 * A "that" marking a clause is a complementizer (IN), not a relative
 * pronoun; the "neither" of "neither ... nor" a determiner, as CoreNLP tags
 * them. */
static void fix_tags(cx *c, const dyad_conllu_sent *s)
{
    for (int i = 0; i < c->n; i++) {
        const char *x = s->words[i].xpos, *t = c->w[i].tag;
        if (rel(c, i) == R_ACL && !strcmp(t, "VBD")) { /* "a report released Tuesday" */
            c->w[i].tag = "VBN";
            continue;
        }
        if (rel(c, i) == R_AMOD && i < c->w[i].head && adjectival(c, i) &&
            (!strcmp(t, "VBN") || !strcmp(t, "VBG"))) {
            c->w[i].tag = "JJ";
            continue;
        }
        if (rel(c, i) == R_MARK && !strcmp(t, "WDT")) { /* "hopes that/WDT Gondor could" */
            c->w[i].tag = "IN";
            continue;
        }
        if (rel(c, i) == R_PRECONJ && !strcmp(t, "CC")) { /* "(NP (DT Neither) (NNP Fornost))" */
            c->w[i].tag = "DT";
            continue;
        }
        if ((x && ptb_tag(x)) || !is_verb_tag(c->w[i].tag) || !strcmp(c->w[i].tag, "MD"))
            continue;
        if (has_rel(c, i, R_AUXPASS))
            c->w[i].tag = "VBN";
    }
}

int dyad_conllu_to_tree(dyad_tree **out, dyad_arena *a, const dyad_conllu_sent *s)
{
    if (!out || !a || !s)
        return dyad_set_error(DYAD_EINVAL, "dyad_conllu_to_tree: NULL argument");
    *out = NULL;
    if (s->nwords <= 0 || !s->words)
        return dyad_set_error(DYAD_EPARSE, "CoNLL-U conversion: no words");
    if (s->nwords > DYAD_CONLLU_MAX_WORDS)
        return dyad_set_error(DYAD_ELIMIT, "CoNLL-U conversion: more than %d words",
                              DYAD_CONLLU_MAX_WORDS);
    cx c = {.a = a, .n = s->nwords};
    for (int i = 0; i < s->nwords; i++)
        c.has_verb |= s->words[i].upos && (!strcasecmp(s->words[i].upos, "VERB") ||
                                           (s->words[i].xpos && !strncmp(s->words[i].xpos, "VB", 2)));
    c.capn = 16 * c.n + 64;
    c.w = dyad_arena_alloc(a, sizeof *c.w * (size_t)c.n);
    c.nd = dyad_arena_alloc(a, sizeof *c.nd * (size_t)c.capn);
    int *ints = dyad_arena_alloc(a, sizeof(int) * (size_t)(4 * c.n + 4 * c.capn));
    if (!c.w || !c.nd || !ints)
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    int root = -1, *depth = ints, *order = ints + 2 * c.n, *work = ints + 4 * c.n;
    if (load_words(&c, s, depth, &root) || merge_hyphens(&c, s) ||
        link_words(&c, depth, order) || projectivize(&c, depth, order))
        return c.err;
    /* the repairs (deptree_repair.c); the lists are rebuilt after each change.
     * One repair can make another's pattern appear ("said" made a parataxis
     * leaves a noun root with a participle), so the table runs again while
     * something changes, a bounded number of times. */
    int repaired = 0, again = 1;
    for (int pass = 0; pass < 3 && again; pass++) {
        again = 0;
        for (size_t i = 0; i < dyad_deptree__nrepairs; i++)
            if (dyad_deptree__repairs[i](&c, &root)) {
                repaired = again = 1;
                if (link_words(&c, depth, order))
                    return c.err;
            }
    }
    if (repaired && projectivize(&c, depth, order))
        return c.err;
    fix_tags(&c, s);
    int top = convert_root(&c, root);
    if (c.err)
        return c.err;
    memset(work, 0, sizeof(int) * (size_t)c.capn);
    int *seen = work, *stack = work + c.capn;
    if (order_children(&c, top, stack, seen) || emit_tree(&c, top, stack, out))
        return c.err;
    return 0;
}
