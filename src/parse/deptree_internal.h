/* deptree_internal.h: what the dependency-to-constituency converter's files
 * share: deptree.c (dyad_conllu_to_tree, declared in conllu.h) and
 * deptree_repair.c (the repairs of parser errors it runs). Not a public
 * header; the short type names are for these files only.
 *
 * Ownership: everything the context points to is allocated from its arena
 * (cx.a) and is released with it.
 */
#ifndef DYAD_PARSE_DEPTREE_INTERNAL_H
#define DYAD_PARSE_DEPTREE_INTERNAL_H

#include <stddef.h>
#include <string.h>
#include <strings.h>
#include "parse/conllu.h"

/* ---- relations ---------------------------------------------------------- */

/* The relations the converter tells apart (UD v1 and v2 names map to these). */
enum {
    R_DEP, R_ROOT, R_NSUBJ, R_NSUBJPASS, R_CSUBJ, R_EXPL, R_OBJ, R_IOBJ, R_OBL, R_NMOD, R_POSS,
    R_TMOD, R_ADVMOD, R_NEG, R_AMOD, R_DET, R_PREDET, R_NUMMOD, R_COMPOUND, R_PRT, R_FLAT,
    R_FIXED, R_APPOS, R_ACL, R_RELCL, R_ADVCL, R_CCOMP, R_XCOMP, R_AUX, R_AUXPASS, R_COP,
    R_MARK, R_CASE, R_CC, R_PRECONJ, R_CONJ, R_PUNCT, R_PARATAXIS, R_LIST
};

/* ---- the conversion context ---------------------------------------------- */

/* A word as the converter sees it: PTB tag, form in the tree, relation,
 * head (-1: the root) and dependents. */
typedef struct dyad_deptree_word {
    const char *tag, *word, *form, *lemma;
    int rel, head;
    int gone;       /* merged into a hyphenated word */
    int *dep, ndep; /* dependents, in word order */
    int lo, hi;     /* first and last word of the subtree */
} wd;

/* A phrase or preterminal of the tree being built. */
typedef struct dyad_deptree_node {
    const char *label;
    int word;       /* >= 0: the preterminal of this word */
    int *kid, nk, cap;
    int lo;         /* first word below (for ordering) */
} cn;

/* The conversion context of one sentence: its words and the phrases built so
 * far; the first error stays in err. */
typedef struct dyad_deptree_cx {
    dyad_arena *a;
    wd *w;
    int n;
    cn *nd;
    int nn, capn;
    int err;
    int has_verb; /* the sentence has a word tagged as a verb */
    int ngone;    /* words merged into hyphenated words */
} cx;

/* A list of word indices (dependents), in word order. */
typedef struct dyad_deptree_list {
    int *v;
    int n;
} dl;

/* ---- word classes (used by the converter and the repairs) ---------------- */

/* Is w one of the NULL-terminated list (case ignored)? */
static inline int one_of(const char *w, const char *const *list)
{
    for (; *list; list++)
        if (!strcasecmp(w, *list))
            return 1;
    return 0;
}

static inline int rel(const cx *c, int x) { return c->w[x].rel; }

static inline const char *tag(const cx *c, int x) { return c->w[x].tag; }

static inline int is_verb_tag(const char *t) { return !strncmp(t, "VB", 2) || !strcmp(t, "MD"); }

static inline int is_subj(const cx *c, int x)
{
    int r = rel(c, x);
    return r == R_NSUBJ || r == R_NSUBJPASS || r == R_CSUBJ;
}

/* The "to" of an infinitive (a preposition before a gerund: "contributed to
 * planning"). */
static inline int is_inf_to(const cx *c, int x)
{
    int h = c->w[x].head;
    return rel(c, x) == R_MARK && (!strcmp(tag(c, x), "TO") || !strcasecmp(c->w[x].form, "to")) &&
           !(h >= 0 && !strcmp(tag(c, h), "VBG"));
}

static inline int is_poss_case(const cx *c, int x)
{
    return rel(c, x) == R_CASE && !strcmp(tag(c, x), "POS");
}

static inline int is_chain_rel(const cx *c, int x)
{
    int r = rel(c, x);
    return r == R_AUX || r == R_AUXPASS || r == R_COP || is_inf_to(c, x);
}

/* A clause: a verb, or a predicate with a copula, an auxiliary or "to". */
static inline int is_clausal(const cx *c, int h, dl deps)
{
    if (is_verb_tag(tag(c, h)))
        return 1;
    for (int i = 0; i < deps.n; i++)
        if (is_chain_rel(c, deps.v[i]))
            return 1;
    return 0;
}

static inline int is_clausal_word(cx *c, int h)
{
    dl all = {c->w[h].dep, c->w[h].ndep};
    return is_clausal(c, h, all);
}

static inline int has_subject(const cx *c, int h)
{
    for (int i = 0; i < c->w[h].ndep; i++) {
        int x = c->w[h].dep[i];
        if (is_subj(c, x) || rel(c, x) == R_EXPL)
            return 1;
    }
    return 0;
}

static inline int has_rel(const cx *c, int h, int r)
{
    for (int i = 0; i < c->w[h].ndep; i++)
        if (rel(c, c->w[h].dep[i]) == r)
            return 1;
    return 0;
}

/* Does the dependent carry its own auxiliary or "to"? Then a coordination
 * joins whole verb phrases ("will meet and will discuss"). */
static inline int has_chain(const cx *c, int x)
{
    for (int i = 0; i < c->w[x].ndep; i++)
        if (is_chain_rel(c, c->w[x].dep[i]))
            return 1;
    return 0;
}

/* ---- between the files ------------------------------------------------------ */

/* The repairs of common parser errors (deptree_repair.c), in the order they
 * run: each takes the context after the dependents lists are built and the
 * root's index, changes heads and relations (and the root) in place, and
 * returns 1 when it changed something (the caller then rebuilds the lists). */
extern int (*const dyad_deptree__repairs[])(cx *, int *);
extern const size_t dyad_deptree__nrepairs;

/* conllu.c: checks that heads[0..n) (a copy of the words' heads) form one
 * tree below one root, as dyad_conllu_read does, without reporting to a
 * diagnostics sink: an error only sets dyad_last_error() and is returned.
 * Extra roots are hung from the first in heads[] (*extra counts them);
 * depth[] receives each word's depth. */
int dyad_conllu__check_heads(const dyad_conllu_word *w, int n, int *heads, int *depth, int *extra);

#endif
