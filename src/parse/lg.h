/* lg.h: the built-in parser: link-grammar (Debian liblink-grammar, English
 * dictionary), its links turned into Universal Dependencies and those into the
 * Penn-style constituency tree the coders read by the one dependency-to-tree
 * builder, dyad_conllu_to_tree (conllu.h), the same that reads supplied
 * CoNLL-U.
 *
 * Each word gets one head chosen among its links (subject S, object O, verb
 * modifiers MV, prepositional objects J, determiners D, adjectives A/AN, name
 * compounds G/GN, infinitives I/TO, "be" predicates P/Pv, clauses C/CV/TH,
 * reporting clauses CP/CQ, relatives R/RS/B, negation N, coordination SJ/VJ);
 * the resulting dependency tree is projective (links never cross). It is then
 * made UD: content words head their function words (the noun its preposition
 * as `case`, the verb its auxiliaries, "to" and complementizer as `aux` /
 * `mark`, the predicate its copula, the first conjunct the others), and the
 * relations are named from the links (nsubj, nsubj:pass, obj, obl, nmod, det,
 * amod, compound, xcomp, ccomp, advcl, acl:relcl, parataxis for a trailing
 * "..., officials said", conj, cc, punct). Link-grammar's constituent printer is
 * not used: it does not give Penn structure (see ../shared/PARSING.md). Penn
 * part-of-speech tags (the UD words' XPOS) come from the word subscripts
 * (.v .n .a .e .p ...) and the links.
 *
 * Before parsing, runs of capitalised words ("US Deputy Secretary of Energy
 * Jeffrey Kupfer") are handed to link-grammar as one proper noun and expanded
 * again into their words; all-capitals headlines are re-cased word by word;
 * curly quotes and dashes are normalised; an underscore between two words (how
 * PETRARCH dictionaries write "Dol_Amroth") separates them. A dateline
 * ("BEIJING (Reuters) - ...") is not given to link-grammar: the sentence after
 * it is parsed alone and the dateline put before it as a flat NP,
 * (ROOT (NP BEIJING (Reuters)) (: -) (S ...)). The sentence is parsed first with
 * link-grammar's cheap disjuncts only (its rare readings - "his" as a subject,
 * "Kenya's" as "Kenya is" - left out); when that finds no complete linkage, a
 * parse with all disjuncts and one with null links (a partial parse: words left
 * out) are ranked together. The first K linkages of an attempt are ranked by
 * what the coders need (every word attached, finite verbs attached as clauses,
 * a main verb with its subject, no reading news text rarely has, then
 * link-grammar's own costs) instead of taking the first. When the chosen
 * linkage reads "that" after a verb as a determiner although a finite verb
 * follows ("Gollum allowed that Mordor isn't ...": link-grammar's dictionary
 * has no "that" clause for "allow"), the sentence is parsed again with a
 * reporting verb standing in for that verb (the tree keeps the word) and both
 * are ranked together. A sentence that still
 * has no linkage (length cap, empty input) is an error, reported and counted,
 * never a silent empty tree. Long sentences are parsed in pieces (see
 * DYAD_LG_PIECE_WORDS below).
 *
 * Token spans (tok_start / tok_end) are byte offsets in the text that was
 * parsed; no dyad_tree_align() is needed.
 *
 * Threads: a dyad_lg is used by one thread at a time; create one per thread
 * (each loads the dictionary, about 0.1 s). Link-grammar's messages go to a
 * per-thread handler installed by dyad_lg_new and are not printed.
 *
 * The code: lg.c (this API, pieces, datelines), lg_prep.c (the text as
 * link-grammar sees it), lg_links.c (a linkage as a dependency graph),
 * lg_rank.c (parse attempts, ranking), lg_ud.c (the graph as UD, then the
 * tree); lg_internal.h says what they share.
 *
 * Ownership: the trees come from the caller's arena (see tree.h); the parser
 * owns its dictionary and options until dyad_lg_free.
 */
#ifndef DYAD_PARSE_LG_H
#define DYAD_PARSE_LG_H

#include "parse/conllu.h"
#include "parse/tree.h"
#include "util/util.h"

/* Hard caps. Longer sentences are not parsed (DYAD_ELIMIT). */
#define DYAD_LG_MAX_WORDS 200
#define DYAD_LG_MAX_BYTES 4000

/* Work bounds (no clock decides what is parsed: the output is the same on
 * any machine and under any load). Link-grammar is given at most
 * DYAD_LG_PIECE_WORDS words (after name merging; the punctuation it splits
 * off counts as words) and DYAD_LG_PIECE_COMMAS commas (lists of names make
 * its work explode) at a time: a longer sentence
 * is cut at safe points (';', ':', a spaced dash, ", and" / ", but" between
 * clauses, ',', else between two words near the middle), its pieces parsed
 * one by one and joined under one ROOT with the separators as leaves:
 * (ROOT (S ...) (: ;) (S ...)). Null links (partial parses, the expensive
 * part) are tried only on pieces of at most DYAD_LG_NULL_WORDS words; a longer
 * piece without a full linkage is cut again. Link-grammar's own timer is kept
 * only as an emergency guard (DYAD_LG_EMERGENCY_SECONDS of CPU) that no real
 * sentence reaches; when it fires, dyad_lg_result.timed_out says so. */
#define DYAD_LG_PIECE_WORDS 50
#define DYAD_LG_NULL_WORDS 30
#define DYAD_LG_PIECE_COMMAS 8
#define DYAD_LG_EMERGENCY_SECONDS 60

typedef struct dyad_lg dyad_lg;

typedef struct dyad_lg_opts {
    int max_parse_time;  /* link-grammar's emergency timer, seconds for one attempt (it
                          * counts CPU time); default DYAD_LG_EMERGENCY_SECONDS. Never a
                          * normal bound: see DYAD_LG_PIECE_WORDS */
    int linkage_limit;   /* linkages link-grammar enumerates (a sample of them when it finds
                          * more, so a larger limit finds the cheap ones more often); default 300 */
    int short_length;    /* link-grammar's short_length: the longest link (in words) for
                          * most link types (subjects, objects, verb modifiers, clauses
                          * are unlimited); default 10 (link-grammar's own: 16): less
                          * time on long sentences, the same validation figures */
    int rank;            /* the first K linkages of each attempt are ranked; 1 = take the
                          * first; default 10 */
    int merge_names;     /* 1: capitalised runs become one proper noun for the parser (default) */
    int null_links;      /* 1: partial parses with null links when no full one exists (default) */
    float cheap_cost;    /* first try with disjuncts up to this cost only (link-grammar's rarer
                          * readings left out), then with all; <= 0: all at once. Default 1.2 */
} dyad_lg_opts;

void dyad_lg_opts_default(dyad_lg_opts *o);

/* How a sentence was parsed. */
typedef enum {
    DYAD_LG_NONE = 0,    /* no parse (error returned) */
    DYAD_LG_FULL = 1,    /* every word linked */
    DYAD_LG_PARTIAL = 2  /* some words left out (null links); they hang where they fit */
} dyad_lg_status;

typedef struct dyad_lg_result {
    dyad_lg_status status;
    int words;           /* words link-grammar saw (after merging names) */
    int null_count;      /* words left unlinked */
    int linkages;        /* linkages found */
    int chosen;          /* index of the linkage used */
    int timed_out;       /* the emergency timer stopped a parse attempt (the result may
                          * then depend on the machine: report it) */
    int pieces;          /* pieces parsed apart (1: the sentence whole) */
    double ms;           /* wall time of the whole parse and conversion */
} dyad_lg_result;

/* Running totals of one parser. */
typedef struct dyad_lg_stats {
    long sentences, full, partial, none;
    long timeouts;       /* sentences the emergency timer stopped */
    long split;          /* sentences parsed in pieces */
    double ms;           /* total */
} dyad_lg_stats;

/* Loads the English dictionary (dictionary_create_lang("en")). opts NULL =
 * defaults. Returns 0, DYAD_ENOTFOUND (no dictionary), DYAD_ENOMEM. */
int dyad_lg_new(dyad_lg **out, const dyad_lg_opts *opts);
void dyad_lg_free(dyad_lg *p); /* accepts NULL */

/* Parses one sentence of text[0..n) into *out (from arena a; ROOT over S, or
 * over the phrase dyad_conllu_to_tree makes of a verbless fragment; ROOT over
 * the pieces' phrases for a long sentence). res (may be NULL) says how. Returns 0;
 * DYAD_EPARSE when nothing could be parsed (empty input, no linkage), DYAD_ELIMIT beyond DYAD_LG_MAX_WORDS / DYAD_LG_MAX_BYTES,
 * DYAD_ENOMEM; the message names the reason. Every call is counted in the
 * parser's statistics, failures included. */
int dyad_lg_parse(dyad_tree **out, dyad_lg_result *res, dyad_lg *p, const char *text, size_t n,
                  dyad_arena *a);

/* The same for pre-split tokens: they are joined with single spaces and the
 * spans refer to that joined string (returned in *joined when not NULL). */
int dyad_lg_parse_tokens(dyad_tree **out, dyad_lg_result *res, dyad_lg *p,
                         const char *const *toks, int ntok, const char **joined, dyad_arena *a);

/* The dependency analysis a sentence's tree is built from (links mapped to UD
 * relations, words in text order), for `dyad parse --parser link-grammar`.
 * One attempt on the whole sentence: none of dyad_lg_parse's cutting into
 * pieces, so a sentence of more than DYAD_LG_PIECE_WORDS words is refused
 * (DYAD_ELIMIT) rather than given to link-grammar whole. Returns 0,
 * DYAD_EPARSE (no word, no linkage), DYAD_ELIMIT, DYAD_ENOMEM; *out from a. */
int dyad_lg_parse_dep(dyad_conllu_sent **out, dyad_lg *p, const char *text, size_t n,
                      dyad_arena *a);

void dyad_lg_get_stats(const dyad_lg *p, dyad_lg_stats *st);

#endif
