/* seq.h: the word sequences around a verb, and pattern matching on them
 * (internal to src/code).
 *
 * For each verb the coder builds the "lower" sequence (the rest of its verb
 * phrase, in text order) and the "upper" sequence (the clause before the verb,
 * read backwards from the verb). A sequence keeps words and noun-phrase
 * boundaries; all other markup is dropped. Locations of noun phrases are the
 * plist indices of their "(NE" or "(NECn" items.
 */
#ifndef DYAD_CODE_SEQ_H
#define DYAD_CODE_SEQ_H

#include "code/plist.h"
#include "dict/dict.h"

enum { SQ_WORD, SQ_NE_OPEN, SQ_NE_CLOSE, SQ_NEC_OPEN, SQ_NEC_CLOSE };

typedef struct dyad_seq_item {
    const char *s;   /* the word (SQ_WORD) or the plist item */
    int pl;          /* plist index of the item */
    unsigned char kind;
    unsigned char skip; /* markup, a function word or a number: never matches a word */
    int ne;          /* plist index of the "(NE" of the noun phrase holding it, or -1 */
    int nec;         /* plist index of the "(NECn" of the compound holding it, or -1 */
    int ne_end;      /* for an item inside a noun phrase: the sequence index just past
                        that phrase in this sequence's reading direction */
} dyad_seq_item;

typedef struct dyad_seq {
    dyad_seq_item *it;
    int n;
} dyad_seq;

/* Builds the upper sequence from plist index `from` backwards to `stop` (inclusive),
 * ending early at a comma close "~,". Allocated from a. */
int dyad_seq_upper(dyad_seq *out, const dyad_plist *pl, int from, int stop, dyad_arena *a);
/* Builds the lower sequence from `from` forwards up to the item equal to endtag. */
int dyad_seq_lower(dyad_seq *out, const dyad_plist *pl, int from, const char *endtag,
                   dyad_arena *a);

/* Result of matching one verb's patterns. */
typedef struct dyad_match {
    const dyad_pattern *pat; /* NULL when no pattern matched */
    int src, tgt;            /* plist locations bound by '$' / '+' / '%', -1 if none */
} dyad_match;

/* Finds the pattern of the given blocks that matches (longest first, then file
 * order), or m->pat = NULL. Scratch memory from a. */
void dyad_match_blocks(dyad_match *m, const dyad_dict *d, const dyad_verb_block *const *blocks,
                       int nblocks, const dyad_seq *upper, const dyad_seq *lower, dyad_arena *a);

#endif
