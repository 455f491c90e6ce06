/* tc_internal.h: what the parts of the tree coder (tcoder.c, tc_*.c) share.
 *
 * Private to src/code/tc*.c. The stages, in the order a sentence meets them:
 *   tc_patterns.c  pattern trees built from the verb dictionary; transformations
 *   tc_tree.c      the sentence tree (tctx, pnode), lists, heads and phrase text
 *   tc_np.c        noun phrases: their actor and agent codes
 *   tc_match.c     matching the pattern trees against a verb phrase; its code
 *   tc_vp.c        verb phrases: passives, subjects, targets, their meaning
 *   tc_nested.c    nested events: transformations, relative and absolutive clauses
 *   tc_nouns.c     events written as nouns (the dictionary's event nouns)
 *   tcoder.c       the public entry points (tcoder.h) and the top-level walk
 * Functions shared between the files are named dyad_tc__*; the rest are static.
 * Everything a tctx points to lives in its arena (c->a) or in the dictionary.
 */
#ifndef DYAD_CODE_TC_INTERNAL_H
#define DYAD_CODE_TC_INTERNAL_H

#include <stdio.h>

#include "code/pico.h"
#include "code/tcoder.h"

#define STEP_CAP 200000 /* pattern matching steps per sentence */

/* ---- pattern trees (tc_patterns.c) -------------------------------------- */
typedef struct trie trie;
typedef struct tkv {
    const char *key;
    trie *node;
    struct tkv *next;
} tkv;
struct trie {
    tkv *kids;               /* words */
    tkv **htab;              /* the same, hashed (power-of-two size hmask + 1) when many */
    unsigned hmask;
    trie *dash, *comma, *bar, *star, *caret; /* the structural keys "-" "," "|" "*" "^" */
    const dyad_pattern *pat; /* '#': the pattern ending here */
};
typedef struct xform {
    int outer, inner;        /* PICO codes of the verbs; inner -1 = any (Q) */
    char x, y;               /* inner source / target variables ('a', 'b', '_', '.') */
    char r1, r2;             /* result source / target variables */
    int code;                /* result PICO code; -1 = the inner code (Q) */
} xform;

struct dyad_tcoder {
    const dyad_dict *d;
    dyad_arena *a;
    trie **roots; /* per verb block */
    int nblocks;
    xform *xf;
    int nxf;
};
/* Adds the patterns of verb block b to tc->roots[b->index]. Returns 0 or DYAD_ENOMEM. */
int dyad_tc__build_block(dyad_tcoder *tc, const dyad_verb_block *b);
/* Compiles transformation t ("~ a (b c VERB) OUTER = r1 r2 CODE") into *x;
 * returns 0 when the line has another shape or names an unknown verb. */
int dyad_tc__compile_xform(dyad_tcoder *tc, const dyad_transform *t, xform *x);
/* The child of t under word or structural key, or NULL. */
trie *dyad_tc__trie_get(const trie *t, const char *key);

/* ---- the sentence tree (tc_tree.c) --------------------------------------- */

typedef struct clist {
    const char **v;
    int n;
} clist;

enum { K_OTHER, K_NP, K_VP, K_PP };
enum { EV_TUPLE, EV_STR, EV_LIST };
enum { TG_NONE, TG_STR, TG_EV, TG_PASSIVE };

typedef struct ev ev;
struct ev {
    int kind;
    const char *str; /* EV_STR */
    clist list;      /* EV_LIST */
    clist src;       /* EV_TUPLE */
    int tk;
    const char *tstr;
    const ev *tev;
    int code;
    const char *cameo; /* the dictionary's code when code is still its value, else NULL */
    int vtok;
};

typedef struct evl {
    const ev **v;
    int n;
} evl;

typedef struct pnode {
    const char *label, *text;
    int tok, parent, index, nk, *kids;
    int kind;
    unsigned char color, m_np, m_vp, m_code, m_head, m_S, m_pass, m_upper, m_lower, forced_pass;
    clist np;
    evl vp;
    int code, pcode;
    const char *cameo; /* the CAMEO code behind code (verb or pattern) */
    const dyad_verb_block *block;
    const char *head;
    int head_phrase; /* -1: not set (PETRARCH-2 sets it only for phrases) */
    int S, passive;
    clist upper;
    evl low_ev;
    clist low_codes;
    int low_is_ev, neg;
    clist isubj;             /* a clause's implied subject (relative clauses) */
    int isubj_np;            /* or the noun phrase giving it (absolutives), -1 */
    int gap;                 /* a verb phrase's object moved out: its antecedent, -1 none */
    unsigned char has_isubj;
    unsigned char tgt_pp;    /* a noun phrase whose actor is only in an "on/against" phrase */
    unsigned char place_only; /* ... only in a phrase of place (place_pp) */
    signed char pat_words;   /* a verb phrase's matched pattern: its words besides the
                                verb; -1 none matched (set with m_code) */
} pnode;

typedef struct tctx {
    const dyad_tcoder *tc;
    const dyad_dict *d;
    const dyad_code_opts *o;
    const char *date;
    dyad_arena *a;
    pnode *n;
    int nn;
    long steps;
    int err;
    const char **orig; /* the words as written */
    /* which noun phrase gave a code (for evidence) */
    const char **span_code;
    int *span_node, nspan, capspan;
    int strict; /* emit only events between two named actors (no bare agents) */
} tctx;

typedef struct head {
    const char *text;
    int phrase;
} head;

/* Copies t (below ROOT) into c->n. Returns the root index or -1. */
int dyad_tc__build_nodes(tctx *c, const dyad_tree *t);
/* "There were 10 soldiers killed": makes "10 soldiers" the subject. */
void dyad_tc__convert_existentials(tctx *c);
/* Puts a noun the parser took for the verb ("U.S. forces battled") back
 * into the subject. */
void dyad_tc__repair_noun_verbs(tctx *c);

/* Lists are values over arena buffers (see tc_tree.c): appending to a list
 * may reuse its buffer or copy it; on allocation failure c->err is set. */
/* Appends s to l. */
void dyad_tc__cl_add(tctx *c, clist *l, const char *s);
/* Appends the items of m to l. */
void dyad_tc__cl_cat(tctx *c, clist *l, clist m);
/* Appends event e to l. */
void dyad_tc__el_add(tctx *c, evl *l, const ev *e);
/* A new zeroed event in the arena (NULL and c->err set when out of memory). */
ev *dyad_tc__ev_new(tctx *c);
/* Does l mean "no actor" (PETRARCH-2: '', [], [""], ["~"], ["~~"])? */
int dyad_tc__cl_blank(clist l);
/* Splits codes into actor codes and agent codes ("~..." ones). */
void dyad_tc__split_codes(clist codes, clist *actors, clist *agents, tctx *c);
/* Is w a word for members of a group ("leaders", "officials")? */
int dyad_tc__is_member_word(const char *w);
/* Actor codes combined with agent codes: ["IRN"] + ["~GOV"] -> ["IRNGOV"]. */
clist dyad_tc__mix_codes(tctx *c, clist agents, clist actors);
/* Does l hold an actor code (not only agents)? */
int dyad_tc__has_actor(clist l);
/* PETRARCH-2's get_head: the rightmost word-level child of the same type. */
head dyad_tc__get_head(tctx *c, int x);
/* Is l an adjective, noun or determiner label? */
int dyad_tc__is_jnd(const char *l);
/* Is pp an "according to X" phrase (X is never the target)? */
int dyad_tc__attribution_pp(tctx *c, int pp);
/* Is w a preposition of place ("in", "near")? */
int dyad_tc__is_place_prep(const char *w);
/* Is x a phrase of place inside noun phrase np ("talks in Abuja")? */
int dyad_tc__place_pp(tctx *c, int np, int x);
/* NounPhrase.get_text: the words of noun phrase x into w, codes of its
 * prepositional phrases holding an actor into ppcodes, of its phrases of place into plc. */
void dyad_tc__np_words(tctx *c, int x, clist *w, clist *ppcodes, clist *plc);
/* Phrase.get_text: the words below x (none for a matched, "coloured" phrase). */
void dyad_tc__phrase_words(tctx *c, int x, clist *w);
/* The codes of prepositional phrase x (its noun phrase's meaning). */
clist dyad_tc__pp_meaning(tctx *c, int x);
/* Remembers that node gave code (for the evidence of an event). */
void dyad_tc__note_span(tctx *c, const char *code, int node);

/* ---- noun phrases (tc_np.c) ---------------------------------------------- */

/* The code of "each other", "one another": the other members of a
 * coordinated subject (dyad_tc__collect). */
extern const char dyad_tc__RECIP[];
/* The meaning of noun phrase x: its actor and agent codes (memoised). */
clist dyad_tc__np_meaning(tctx *c, int x);
/* Is x a word tagged as a pronoun but written in capitals and known as an
 * actor ("US")? */
int dyad_tc__is_caps_actor(tctx *c, int x);
/* Is there a conjunction in noun phrase x or the noun phrases inside it? */
int dyad_tc__has_cc(tctx *c, int x);
/* Collects up to max leaf words below x into w[n..]; returns how many there are. */
int dyad_tc__leaves(tctx *c, int x, const char **w, int n, int max, int depth);
/* The last child of x, or -1. */
int dyad_tc__last_child(tctx *c, int x);
/* A plural demonym the dictionary lists in the singular ("the Iranians"):
 * 1 with *code the singular word's actor code (*len 1, words matched), else 0. */
int dyad_tc__plural_actor(tctx *c, const char *word, const char **code, int *len);

/* ---- pattern matching (tc_match.c) --------------------------------------- */

/* PETRARCH-2's get_code: the code of verb phrase x, replaced by a matching
 * pattern's; returns the active PICO code, *pcode the passive one (memoised). */
int dyad_tc__get_code(tctx *c, int x, int *pcode);

/* ---- verb phrases (tc_vp.c) ---------------------------------------------- */

/* The text of the first leaf below x ("" if none). */
const char *dyad_tc__first_word(tctx *c, int x);
/* Is w a form of "be"? */
int dyad_tc__is_be(const char *w);
/* Is verb phrase x passive (a past participle under a form of "be", or a
 * reduced relative in a noun phrase)? */
int dyad_tc__check_passive(tctx *c, int x);
/* The clause whose subject verb phrase x takes, or -1. */
int dyad_tc__get_S(tctx *c, int x);
/* The subject's codes of verb phrase x (memoised). */
clist dyad_tc__get_upper(tctx *c, int x);
/* Is the head noun of noun phrase x an agent word ("police", "troops")? */
int dyad_tc__head_is_agent(tctx *c, int x);
/* A new event (source src, target tk/tstr/tev, PICO code, its CAMEO code
 * cameo or NULL, verb token vtok); NULL when out of memory. */
ev *dyad_tc__tuple_h(tctx *c, clist src, int tk, const char *tstr, const ev *tev, int code,
                   const char *cameo, int vtok);
/* The CAMEO code to remember for a combined value: the one whose value it kept. */
const char *dyad_tc__hint(int code, int a, const char *ca, int b, const char *cb);
/* A list of the single code s. */
clist dyad_tc__one(tctx *c, const char *s);
/* An upper verb's PICO code combined with a nested one. */
int dyad_tc__combine(int upper, int lower);
/* The meaning of verb phrase x: its events (memoised). */
evl dyad_tc__vp_meaning(tctx *c, int x);
/* The meaning of a clause: the events of its clauses and verb phrases. */
evl dyad_tc__phrase_meaning(tctx *c, int x);
/* The theme of verb phrase x, for a noun phrase it modifies: the target of
 * its first event (the source of a passive one, or the event's own code). */
clist dyad_tc__vp_theme(tctx *c, int x);

/* Modality of an event, from the verb group of its verb (tc_vp.c); the
 * larger value wins when several words say something. */
enum {
    DYAD_TC_ASSERTED,
    DYAD_TC_FUTURE,
    DYAD_TC_INTENT,
    DYAD_TC_CLAIMED,
    DYAD_TC_ATTEMPTED,
    DYAD_TC_HYPOTHETICAL,
    DYAD_TC_NEGATED
};
/* The modality of the event whose verb is token vtok (-1: asserted) and
 * whose code is cameo (a refusal's 12x code makes "refused to" asserted):
 * modals ("will", "would"), negations not reversed by the dictionary,
 * "allegedly", the verb over a "to" clause ("plans / tried / refused / is
 * set to"), "likely / ready to", an "if" clause, "claimed that", "accused X
 * of". */
int dyad_tc__modality(tctx *c, int vtok, const char *cameo);
/* "asserted", "future", ... (static strings). */
const char *dyad_tc__modality_name(int m);
/* The CAMEO intent code (03x, 13x) of an act announced or intended ("meet"
 * 04x -> 036, violence -> 138 / 1383 / 1385), NULL when the codebook has none. */
const char *dyad_tc__intent_code(const char *cameo);

/* ---- nested events and clauses (tc_nested.c) ------------------------------ */

/* Appends to out the events e means after the dictionary's transformations. */
void dyad_tc__transform(tctx *c, const ev *e, evl *out);
/* Is w "be", "become", "remain": a verb saying what its subject is? */
int dyad_tc__is_copula(const char *w);
/* Is x a relative clause (or a reduced one) modifying a noun phrase? */
int dyad_tc__is_relative(tctx *c, int x);
/* The clause under relative x: SBAR -> S (the S itself for a reduced one). */
int dyad_tc__rel_clause(tctx *c, int x);
/* Has x a noun phrase child? */
int dyad_tc__has_np_kid(tctx *c, int x);
/* Codes into out the relative clauses inside noun phrases below x, which
 * the clause walk never reaches. Returns nothing; errors go to c->err. */
void dyad_tc__relative_clauses(tctx *c, int x, dyad_coded_list *out, int depth);
/* Before the clause walk: records the subjects absolutive clauses imply and
 * the gaps of relative clauses below x. */
void dyad_tc__mark_absolutives(tctx *c, int x, int depth);

/* ---- events written as nouns (tc_nouns.c) -------------------------------- */

/* Codes into out the event nouns of the tree below root ("an attack on Y",
 * "talks between X and Y") that the clause around them does not code already;
 * run after the clause walk (out's events are the walk's). Errors go to c->err. */
void dyad_tc__event_nouns(tctx *c, int root, dyad_coded_list *out);

/* ---- the sentence (tcoder.c) --------------------------------------------- */

/* Emits into out the coded events of e (PETRARCH-2's get_events). Returns 0
 * or a negative dyad error code. */
int dyad_tc__collect(tctx *c, dyad_coded_list *out, const ev *e);

#endif
