/* lg_internal.h: what the files of the built-in parser (lg.h) share.
 *
 * The parser is split by job, in the order a sentence goes through it:
 *   lg_prep.c   the text as link-grammar will see it: quotes and dashes
 *               normalised, headlines re-cased, capitalised runs merged into
 *               one proper noun, with a map from every byte back to the
 *               original text; and where a long sentence is cut into pieces;
 *   lg_links.c  one linkage as a dependency graph: its words and links, one
 *               head per word chosen among its links, Penn part-of-speech tags
 *               from the subscripts;
 *   lg_rank.c   the parse attempts (cheap readings, all readings, null links)
 *               and the ranking of their linkages by what the coders need;
 *   lg_ud.c     the chosen graph as Universal Dependencies (a
 *               dyad_conllu_sent), made into the coders' tree by the one
 *               dependency-to-constituency builder, dyad_conllu_to_tree;
 *   lg.c        the API: pieces of long sentences, datelines, statistics.
 *
 * Ownership: everything here is allocated from the arena the caller passes
 * (the parser's scratch arena during a parse); nothing is freed on its own.
 */
#ifndef DYAD_PARSE_LG_INTERNAL_H
#define DYAD_PARSE_LG_INTERNAL_H

#include <string.h>

#include <link-grammar/link-includes.h>

#include "parse/conllu.h"
#include "parse/lg.h"

struct dyad_lg {
    Dictionary dict;
    Parse_Options po;
    dyad_lg_opts o;
    dyad_lg_stats st;
    int max_null;       /* null links allowed in the piece being parsed: -1 any number,
                         * 0 none, else at most that many (by its length) */
    dyad_arena *scratch; /* one sentence's working memory, reset for each */
};

static inline int lg__eq(const char *a, const char *b) { return strcmp(a, b) == 0; }

/* Is w (lower case) one of the NULL-terminated list? */
static inline int lg__in(const char *w, const char *const *list)
{
    for (; *list; list++)
        if (lg__eq(w, *list))
            return 1;
    return 0;
}

static inline int lg__ends_with(const char *s, const char *suf)
{
    size_t n = strlen(s), k = strlen(suf);
    return n >= k && !strcmp(s + n - k, suf);
}

int lg__nomem(void); /* sets and returns DYAD_ENOMEM */

/* ---- lg_prep.c ------------------------------------------------------------ */

/* The parser's input: s[0..n) and, for every byte of it, the span of the
 * original text it stands for and the merged run it belongs to (-1 none). */
typedef struct lgrun {
    int s, e;         /* original span of the whole run */
} lgrun;

typedef struct prep {
    char *s;
    int n, cap;
    int *os, *oe, *run;
    lgrun *runs;
    int nruns, runcap;
    dyad_arena *a;
    int err;
} prep;

/* A whitespace-separated chunk of the original text and its core: the chunk
 * without leading and trailing punctuation and possessive 's. */
typedef struct chunk {
    int s, e;        /* chunk */
    int cs, ce;      /* core */
    int name;        /* the core may be part of a capitalised name */
    int connector;   /* "of" between two name words */
} chunk;

/* A cut of text[0..n): the left piece is [0, le), the right [rs, n), with up
 * to two separator leaves in between. */
typedef struct lgcut {
    int le, rs;
    int nsep;
    int ss[2], se[2];
    const char *tag[2];
    int prio;           /* 5 ';'  4 ':'  3 a dash  2 ", and" / ", but"  1 ','  0 none */
} lgcut;

extern const char *const lg__months_days[];

/* Builds p from text[0..n) (arena a); 0 or DYAD_ENOMEM. */
int lg__prep_build(prep *p, const dyad_lg *lg, const char *text, int n, dyad_arena *a);
/* Appends s[0..len) standing for the original span [os, oe) of run run. */
void lg__prep_put(prep *p, const char *s, int len, int os, int oe, int run);
int lg__is_space_byte(unsigned char c);
/* Length of a UTF-8 quote or dash at t (0 if none); *kind as in lg_prep.c. */
int lg__utf8_punct(const char *t, int n, char *kind);
/* Lower-case copy of s[0..n) into dst (truncated to cap). */
void lg__lower_copy(char *dst, size_t cap, const char *s, int n);
/* Length of the blank (ASCII or UTF-8) at t[i] before n, 0 when none. */
int lg__space_len(const char *t, int n, int i);
/* Words link-grammar would get for text[0..n) and the commas among them; -1
 * out of memory. */
int lg__piece_words(const dyad_lg *p, const char *text, int n, int *commas, dyad_arena *a);
/* Where to cut text[0..n): 1 done, 0 fewer than two chunks, < 0 out of memory. */
int lg__find_cut(const char *t, int n, lgcut *c, dyad_arena *a);

/* ---- lg_links.c ----------------------------------------------------------- */

/* Word categories and the relations of the chosen heads (link-grammar's view:
 * prepositions head their objects, auxiliaries their verbs, conjunctions their
 * conjuncts; lg_ud.c turns that into UD). */
enum { C_NONE, C_WALL, C_NOUN, C_PRON, C_VERB, C_ADJ, C_ADV, C_PREP, C_DET, C_CONJ, C_TO,
       C_NUM, C_PUNCT, C_POS, C_COMP, C_WH, C_PART, C_OTHER };

enum { R_NONE, R_ROOT, R_SUBJ, R_OBJ, R_POBJ, R_DET, R_MOD, R_POSS, R_NMOD, R_APPOS, R_ADV,
       R_VCH, R_PRED, R_INF, R_COMP, R_REPORT, R_RELCL, R_RELPRO, R_NEG, R_PRT, R_CONJ,
       R_PUNCT, R_IDIOM, R_OPENER, R_FLAT, R_DEP, R_NREL };

typedef struct gword {
    const char *lg;     /* link-grammar's word, e.g. "said.q-d" */
    char base[48];      /* lower-case surface (truncated) */
    char sub[16];       /* subscript ("v-d"), "" when none */
    char guess[32];     /* the regex class of a guessed word ("CAPITALIZED-WORDS"), "" */
    int unknown, nul, wall;
    int os, oe;         /* original span */
    int run;            /* merged run, -1 */
    const char *text;   /* surface text */
    int head, rel, prio, hlink; /* the chosen head, relation, its priority, the link */
    int cat;
    const char *tag;
    int first;          /* first real word of the sentence */
} gword;

typedef struct glink {
    int l, r;
    char lab[24];       /* full label, e.g. "Ss*s" */
    char type[8];       /* the upper-case prefix ("Ss*s" -> "S"), "_I" for idioms */
} glink;

/* One linkage: word 0 is the left wall (the root); every other word has a
 * head (-2 for the right wall). */
typedef struct graph {
    gword *w;
    int nw;
    glink *k;
    int nk;
    const char *text;   /* the original text */
    const prep *pp;
    dyad_arena *a;
    float dcost;
    int lcost, unused, violation;
} graph;

extern const char *const lg__modals[], *const lg__be_forms[], *const lg__possessives[];

/* Imports linkage lk into g (arena a) and chooses heads and tags. */
int lg__graph_from_linkage(graph *g, Linkage lk, const prep *pp, const char *text,
                           dyad_arena *a);
int lg__tis(const glink *k, const char *t);        /* is k of link type t? */
int lg__child_rel(const graph *g, int w, int rel); /* w's first child with rel, -1 */
int lg__is_verb_sub(const char *sub);
int lg__verb_like(const gword *x);
int lg__ends_with_ing(const char *s);
void lg__trace_graph(const graph *g);

/* ---- lg_rank.c ------------------------------------------------------------ */

/* Parses the prepared text and keeps the best linkage's graph in *best. 0,
 * DYAD_EPARSE (no linkage), DYAD_ELIMIT, DYAD_ENOMEM. */
int lg__parse_best(dyad_lg *p, const prep *pp, const char *text, graph *best,
                   dyad_lg_result *res, dyad_arena *a);

/* ---- lg_ud.c -------------------------------------------------------------- */

/* The graph as a UD sentence: words in text order (merged names expanded,
 * "didn't" split), with their original spans in *os / *oe (arrays of
 * (*out)->nwords, from a). 0 or DYAD_ENOMEM. */
int lg__to_ud(dyad_conllu_sent **out, int **os, int **oe, const graph *g, dyad_arena *a);

/* One sentence of text[0..n) parsed and ranked, as UD (no pieces, no
 * dateline): what lg.c builds the tree from. For tests and tracing. */
int lg__parse_ud(dyad_conllu_sent **out, dyad_lg *p, const char *text, size_t n, dyad_arena *a);

/* The graph's tree: lg__to_ud, then dyad_conllu_to_tree, with the words'
 * byte spans in the original text. */
int lg__tree(dyad_tree **out, const graph *g, dyad_arena *a);

#endif
