/* depparse.h: a transition-based dependency parser (labeled arc-hybrid with
 * the root at the end of the buffer) scored by an averaged perceptron over
 * hashed feature templates: greedy, trained with a dynamic oracle, or with a
 * beam, trained globally (max-violation updates, Huang et al. 2012).
 *
 * Transitions (s0, s1 = stack top and the word below it, b0 = buffer front):
 * SHIFT pushes b0; LEFT-l makes s0 a dependent of b0 with relation l and pops
 * it; RIGHT-l makes s0 a dependent of s1 and pops it. The root is a pseudo-word
 * after the last word that is never shifted, and only one word may hang from
 * it (relation "root"), so the result is always one projective tree.
 * Features: the words, XPOS and UPOS tags of s0..s2, b0..b2 and the two
 * outermost children of s0, s1 and b0, relations of the children, valencies,
 * distances and the relation sets of s0 and b0's children (Zhang & Nivre 2011,
 * adapted to arc-hybrid). Training (Goldberg & Nivre 2012/2013) follows the
 * model's own predictions after the first iteration and updates towards the
 * best-scoring zero-cost transition. A beam model keeps the k best
 * transition sequences at every step (all of a sentence's sequences have 2n
 * transitions) and is trained on whole sequences: the beam is decoded with
 * the current weights beside the best-scoring least-cost sequence, and the
 * weights move towards that sequence and away from the beam's best at the
 * step where the beam's best outscores it most. Sentences over 250 words are
 * parsed greedily by beam models too (the beam's cost grows with the square
 * of the length).
 *
 * Model file (data/parser/parser.bin): a 64-byte header (magic "DYADDEP\0",
 * version, sizes, the file size, a checksum of everything after the header
 * and, from version 5, the beam width; version 4 files are greedy models),
 * a hash table from 32-bit feature fingerprints to their weight lists (class
 * byte + int16, scaled), a small second table for the frequent features
 * whose weights are dense rows (one int16 per transition), and the
 * relation names. The file is read into memory advised as huge pages
 * (model_mem.h) and every size, offset, class and string is checked before
 * use: a damaged or truncated file is DYAD_EPARSE naming the file and reason.
 *
 * Ownership: a dyad_depparser is created by dyad_depparser_load and released
 * with dyad_depparser_free; it is never modified after loading, so one model may
 * be used by several threads at once. Relation strings given back are owned by
 * the model.
 */
#ifndef DYAD_PARSE_DEPPARSE_H
#define DYAD_PARSE_DEPPARSE_H

#include <stddef.h>
#include <stdio.h>

typedef struct dyad_tagger dyad_tagger;
typedef struct dyad_depparser dyad_depparser;

/* Trains on train_conllu (gold heads and relations; the tags are the gold
 * ones when tagger is NULL, else the tagger's predictions) for iterations
 * passes (<= 0: 15), evaluating on dev_conllu (may be NULL) after each pass and
 * keeping the best pass's averaged weights; writes the model to out_path.
 * Deterministic for a given seed. Progress lines go to log (may be NULL).
 * Malformed sentences are reported to log (file:line: reason) and skipped.
 * 0, DYAD_EIO, DYAD_EPARSE (no usable sentence), DYAD_ENOMEM. */
int dyad_depparser_train(const char *train_conllu, const char *dev_conllu, const char *out_path,
                         const dyad_tagger *tagger, int iterations, unsigned seed, FILE *log);

/* The same with the tags of the training sentences from train_tagger (NULL:
 * the file's own, e.g. jackknifed predictions written there) and those of the
 * dev sentences from dev_tagger (NULL: the file's own), and a beam width
 * (1..32): above 1 the parser is trained globally with a beam of that width
 * (max-violation updates) and parses with it. */
int dyad_depparser_train2(const char *train_conllu, const char *dev_conllu, const char *out_path,
                          const dyad_tagger *train_tagger, const dyad_tagger *dev_tagger,
                          int iterations, int beam, unsigned seed, FILE *log);

/* Loads and validates a model file. 0, DYAD_EIO, DYAD_EPARSE (not a parser
 * model, wrong version, truncated, damaged), DYAD_ENOMEM. *out is NULL on
 * error. */
int dyad_depparser_load(dyad_depparser **out, const char *path);
/* The same from memory (the bytes are copied); name is used in messages. */
int dyad_depparser_load_mem(dyad_depparser **out, const void *data, size_t len, const char *name);
void dyad_depparser_free(dyad_depparser *p); /* accepts NULL */

/* Parses n words (n >= 0, any length; linear time) with their tags (upos or
 * xpos may be NULL, or hold NULL entries: unknown). Fills head[i] (0-based index
 * of the head, -1 for the root word) and deprel[i] (owned by the model). 0,
 * DYAD_EINVAL (NULL arguments with n > 0) or DYAD_ENOMEM. */
int dyad_depparser_parse(const dyad_depparser *p, const char *const *words,
                         const char *const *upos, const char *const *xpos, int n, int *head,
                         const char **deprel);

/* Model facts for messages: relations and features kept, file size. */
typedef struct dyad_depparser_info {
    int nlabels;
    long nfeatures, nweights;
    size_t bytes;
} dyad_depparser_info;
void dyad_depparser_get_info(const dyad_depparser *p, dyad_depparser_info *info);

#endif
