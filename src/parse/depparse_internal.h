/* depparse_internal.h: what the parser (depparse.c) and its trainer
 * (depparse_train.c) share: the transition system, the feature templates, the
 * compact model and its file layout. Not part of the library's API. */
#ifndef DYAD_PARSE_DEPPARSE_INTERNAL_H
#define DYAD_PARSE_DEPPARSE_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "parse/depparse.h"

#define DP_MAGIC "DYADDEP"   /* 8 bytes with its NUL */
#define DP_VERSION 4u
#define DP_HEADER_SIZE 64
#define DP_MAX_LABELS 120    /* classes = 1 + 2 * labels must fit a byte */
#define DP_DEFAULT_MAX_BYTES 24e6 /* model size budget ($DYAD_PARSER_MAX_MB overrides) */
#define DP_MAX_FEATS 128     /* feature keys per parser state (at most) */
#define DP_DFILTER_BITS 65536 /* the dense keys' filter (8 KiB: stays in L1) */

/* Transition classes: 0 = SHIFT, 1 + l = LEFT-l, 1 + L + l = RIGHT-l. */
#define DP_SHIFT 0

/* One word as the features see it (hashes of its normalised form and tags). */
typedef struct dp_tok {
    uint64_t w, t, u, sfx;
    int ispunct;  /* tagged as punctuation */
    int punct;    /* punctuation words before this one */
} dp_tok;

/* A parser configuration over n words plus the root pseudo-word n. */
typedef struct dp_state {
    int n, nlabels;
    int *stack, sp; /* stack[0..sp) */
    int b;          /* buffer front: b..n (n = the root) */
    int *head, *label;
    int *lc1, *lc2, *rc1, *rc2, *nl, *nr; /* outermost children, valencies */
    uint64_t *lset, *rset;                /* relation sets of left / right children */
    int root_label;                        /* label id of "root" (-1 if none) */
} dp_state;

/* Allocates the arrays of a state for up to n words (one block). 0 or DYAD_ENOMEM. */
int dp_state_init(dp_state *s, int n, int nlabels, int root_label);
void dp_state_free(dp_state *s);
/* Starts parsing n words (n <= the capacity given to dp_state_init). */
void dp_state_reset(dp_state *s, int n);
static inline int dp_state_final(const dp_state *s) { return s->b == s->n && s->sp == 0; }
/* Marks the valid classes in valid[0..1+2L). */
void dp_state_valid(const dp_state *s, unsigned char *valid);
/* Applies a valid class. */
void dp_state_apply(dp_state *s, int cls);

/* Hash of a string (NUL-terminated; NULL = "_"); the normalised form of a word. */
uint64_t dp_hash_str(const char *s);
void dp_tok_fill(dp_tok *t, const char *word, const char *upos, const char *xpos);
/* Sets toks[n] to the root pseudo-word and the punctuation counts of toks[0..n]. */
void dp_tok_finish(dp_tok *toks, int n);
/* The feature keys of a state into f (at most DP_MAX_FEATS); returns their count. */
int dp_features(const dp_state *s, const dp_tok *toks, uint64_t *f);

/* The compact (averaged, quantised) model; the arrays point into buf. */
struct dyad_depparser {
    void *buf;                 /* the whole file image (owned: malloc'd, or mapped) */
    int mapped;
    size_t bytes;
    int nlabels, nclass, root_label;
    const char **labels;       /* owned array; the strings point into buf */
    uint32_t nslots;           /* sparse feature hash table size (any) */
    uint32_t maxprobe;         /* longest run of full slots (bounds the probing) */
    const uint32_t *slot;      /* nslots + 1 pairs: key fingerprint (0 = empty), first
                                * weight; slot i's weights are [slot[2i+1], slot[2i+3]) */
    const uint8_t *ent;        /* nentry weights of 3 bytes: class, int16 (native order) */
    /* Features with many weights (the frequent ones) are instead dense rows,
     * found through a small table of their own that stays in cache. */
    uint32_t ndslots, dmaxprobe;
    const uint32_t *dslot;     /* ndslots pairs: key fingerprint (0 = empty), row */
    const int16_t *dense;      /* ndense rows of rowlen weights (classes, then zeros) */
    uint32_t ndense, rowlen;
    uint64_t *dfilter;         /* owned, DP_DFILTER_BITS bits: bit (fp >> 16) set for
                                * every dense key, so most other keys skip the probe */
    uint32_t nfeat, nentry;
};

/* A feature with at least rowlen / 6 weights is stored as a dense row: adding
 * a row with vector instructions is as quick as walking that many sparse
 * weights, and its lookup stays in the small dense table. */
static inline int dp_is_dense(uint32_t nweights, uint32_t rowlen) { return 6 * nweights >= rowlen; }

/* Scores every class of a state: scores[c] = sum of the weights of its features. */
void dp_model_score(const dyad_depparser *m, const uint64_t *f, int nf, int32_t *scores);
/* Parses with an initialised state (capacity >= n) and prepared tokens (n + 1
 * of them, toks[n] the root); fills head[] (-1 = root) and label[]. */
void dp_model_parse(const dyad_depparser *m, dp_state *s, const dp_tok *toks, int n, int *head,
                    int *label);

/* Builds a model file image (malloc'd, *out) from its parts: nlabels names,
 * the root relation's id, nfeat feature keys (distinct, even in their high 32
 * bits) with their weight lists cls/wts[offs[i] .. offs[i+1]). 0 or
 * DYAD_ENOMEM / DYAD_ELIMIT. */
int dp_image_build(void **out, size_t *len, const char *const *labels, int nlabels,
                   int root_label, uint32_t nfeat, const uint64_t *keys, const uint32_t *offs,
                   const uint8_t *cls, const int16_t *wts);
/* Validates a file image and makes a model of it; the model takes buf (freed
 * on error too). name is used in messages. */
int dp_model_from_image(dyad_depparser **out, void *buf, size_t len, const char *name);
uint64_t dp_fnv1a(const void *p, size_t n);
/* The checksum in the header: of bytes 64.. to the end. */
uint64_t dp_checksum(const void *p, size_t n);

#endif
