/* tagger.h: part-of-speech tagger (UPOS and Penn XPOS) for dependency parsing.
 *
 * A greedy left-to-right averaged perceptron (Collins 2002; the feature set of
 * Honnibal's "A good part-of-speech tagger in about 200 lines of Python",
 * extended with ambiguity classes of the word and the next two words and the
 * sentence's casing). Each word gets one joint label, a (UPOS, XPOS) pair
 * seen in training, so the two tags always agree. Features are 64-bit hashes
 * of their template and values; the model stores only the hashes and 16-bit
 * weights. Frequent words seen with one label at least 97% of the time get it
 * without scoring.
 *
 * Model file (native little-endian; see tagger.c for the layout): magic
 * "DYADTAG\0", version, section sizes and a checksum of everything after the
 * header. dyad_tagger_load reads it into memory advised as huge pages
 * (model_mem.h) and checks all of
 * that plus every index inside it, so a damaged or truncated file gives
 * DYAD_EPARSE with a message naming the file and the reason, never a crash.
 *
 * Ownership: a dyad_tagger owns its whole memory (one buffer); tag strings
 * returned by dyad_tagger_tag point into it and live until dyad_tagger_free.
 * A model is never modified after loading: one model may be used by several
 * threads at once.
 */
#ifndef DYAD_PARSE_TAGGER_H
#define DYAD_PARSE_TAGGER_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef struct dyad_tagger dyad_tagger;

/* Trains a tagger on train_conllu (plain CoNLL-U, FORM, UPOS and XPOS columns
 * used) for `iterations` passes (<= 0: the default, 10) with sentences shuffled
 * by `seed`, and writes the model to out_path. dev_conllu (may be NULL) is
 * tagged after each pass and its accuracy logged. Progress lines go to log
 * (NULL: silent). Deterministic for a given seed and input. Sentences the
 * CoNLL-U reader rejects are reported (file:line: reason) to log, or stderr
 * when log is NULL, and skipped.
 * Returns 0, DYAD_EIO (a file cannot be read or written), DYAD_EPARSE (no
 * usable sentence), DYAD_ELIMIT (too many distinct tag pairs), DYAD_ENOMEM. */
int dyad_tagger_train(const char *train_conllu, const char *dev_conllu, const char *out_path,
                      int iterations, unsigned seed, FILE *log);

/* Loads and validates a model file. *out is NULL on error. Returns 0, DYAD_EIO
 * (cannot read), DYAD_EPARSE (not a tagger model, wrong version, truncated or
 * damaged), DYAD_ENOMEM. */
int dyad_tagger_load(dyad_tagger **out, const char *path);

/* Same from a memory image of the file (copied; buf may be freed afterwards).
 * name is used in error messages (NULL: "tagger model"). */
int dyad_tagger_load_buffer(dyad_tagger **out, const void *buf, size_t len, const char *name);

/* Releases the model. Accepts NULL. */
void dyad_tagger_free(dyad_tagger *t);

/* Tags n words (UTF-8 forms, any length, n >= 0): upos[i] and xpos[i] are set
 * to strings owned by the model. Reentrant; allocates only for sentences over
 * 256 words. Returns 0, DYAD_EINVAL (NULL arguments, n < 0, a NULL word) or
 * DYAD_ENOMEM. */
int dyad_tagger_tag(const dyad_tagger *t, const char *const *words, int n, const char **upos,
                    const char **xpos);

/* Number of distinct (UPOS, XPOS) pairs the model predicts. */
int dyad_tagger_nlabels(const dyad_tagger *t);

/* ---- internal: shared by tagger.c, tagger_train.c and the tests -------- */

#define DYAD_TAGGER_VERSION 2
#define DYAD_TAGGER_MAX_LABELS 1024 /* distinct (UPOS, XPOS) pairs */
#define DYAD_TAGGER_MAX_FEATS 64    /* feature keys per word */
#define TG_LEX_UNAMBIGUOUS 0x10000u /* lexicon info: tag the word with its label */

/* Size of the fixed header that precedes the checksummed payload. */
#define DYAD_TAGGER__HEADER 64

/* The lexicon: open-addressed table of word keys (0 = empty slot) with each
 * word's ambiguity-class hash and info (bits 0-15 its most frequent label,
 * TG_LEX_UNAMBIGUOUS). keys == NULL: empty lexicon. */
typedef struct dyad_tagger_lex {
    const uint64_t *keys, *amb;
    const uint32_t *info;
    uint32_t cap;
} dyad_tagger_lex;

/* What the features need of one word (hashes). dict: its label when the
 * lexicon marks it unambiguous, else -1. */
typedef struct dyad_tagger_tok {
    uint64_t form, lower, suf[4], pre[3], shape, amb, lamb; /* lamb: of the lower case */
    uint32_t flags, sent; /* sent: the sentence's casing */
    int dict;
} dyad_tagger_tok;

/* One weight of a feature for one label (the model file's entry). */
typedef struct dyad_tagger_entry {
    uint16_t label;
    int16_t weight;
} dyad_tagger_entry;

/* One slot of the feature table: its key (0: empty) and its entries. */
typedef struct dyad_tagger_slot {
    uint64_t key;
    uint32_t start;
    uint16_t len, zero;
} dyad_tagger_slot;

static inline uint64_t tg_mix(uint64_t x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}
/* First probe slot of key in a table of cap slots. */
static inline uint32_t tg_slot(uint64_t key, uint32_t cap)
{
    return (uint32_t)(((key >> 32) * (uint64_t)cap) >> 32);
}
static inline uint64_t tg_nz(uint64_t x) { return x ? x : 1; }
static inline uint64_t tg_f1(uint64_t t, uint64_t a)
{
    return tg_nz(tg_mix(a ^ (t * 0x9E3779B97F4A7C15ULL)));
}
static inline uint64_t tg_f2(uint64_t t, uint64_t a, uint64_t b)
{
    return tg_nz(tg_mix(tg_mix(a ^ (t * 0x9E3779B97F4A7C15ULL)) + b));
}
static inline uint64_t tg_f3(uint64_t t, uint64_t a, uint64_t b, uint64_t c)
{
    return tg_nz(tg_mix(tg_mix(tg_mix(a ^ (t * 0x9E3779B97F4A7C15ULL)) + b) ^ c));
}

/* Checksum used in the model header: FNV-1a 64 over 8-byte words of p[0..n). */
uint64_t dyad_tagger__checksum(const void *p, size_t n);
/* Lexicon lookup: the info of key (NULL if absent), *amb set when found. */
const uint32_t *dyad_tagger__lex_find(const dyad_tagger_lex *lex, uint64_t key, uint64_t *amb);
/* Lexicon keys of a word: exact form and lower-cased form. */
void dyad_tagger__word_keys(const char *w, uint64_t *form_key, uint64_t *lower_key);
/* Fills the record of word w (first: it starts the sentence). */
void dyad_tagger__token(const dyad_tagger_lex *lex, const char *w, int first, dyad_tagger_tok *t);
/* Fills the records of a sentence's words. */
void dyad_tagger__tokens(const dyad_tagger_lex *lex, const char *const *words, int n,
                         dyad_tagger_tok *toks);
/* Static (label-independent) feature keys of word i of toks[0..n); returns
 * their number (at most DYAD_TAGGER_MAX_FEATS / 2). */
int dyad_tagger__static_feats(const dyad_tagger_tok *toks, int n, int i, uint64_t *out);
/* Label-dependent keys of word i: p1/p2 the labels chosen for words i-1, i-2
 * (-2 before the sentence). Returns their number. */
int dyad_tagger__dyn_feats(const dyad_tagger_tok *toks, int n, int i, int p1, int p2,
                           uint64_t *out);
/* Payload size for the given section sizes, and the offsets of the five
 * array sections (label strings follow the last). */
size_t dyad_tagger__payload_size(uint32_t lex_cap, uint32_t feat_cap, uint32_t nentries,
                                 uint32_t strings_len, size_t off[5]);
/* Writes the 64-byte header for a payload to dst. */
void dyad_tagger__write_header(void *dst, uint32_t nlabels, uint32_t lex_cap, uint32_t feat_cap,
                               uint32_t nentries, uint32_t strings_len, double scale,
                               const void *payload, size_t payload_len);
/* Tags words[0..n) into label ids. 0 or DYAD_ENOMEM. */
int dyad_tagger__tag_ids(const dyad_tagger *t, const char *const *words, int n, int *labels);

#endif
