/* depparse_internal.h: what the parser (depparse.c) and its trainer
 * (depparse_train.c) share: the transition system, the feature templates, the
 * compact model and its file layout. Not part of the library's API. */
#ifndef DYAD_PARSE_DEPPARSE_INTERNAL_H
#define DYAD_PARSE_DEPPARSE_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "parse/depparse.h"

#define DP_MAGIC "DYADDEP"   /* 8 bytes with its NUL */
#define DP_VERSION 5u        /* 4 (greedy, beam 1) is still read */
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

/* ---- beam search (depparse_beam.c) ---- */

#define DP_MAX_BEAM 32

/* Copies the configuration of s into d (same capacity). */
void dp_state_copy(dp_state *d, const dp_state *s);

/* Scores every class of a state's features into scores[0..nclass). */
typedef void (*dp_score_fn)(const void *ctx, const dp_state *s, const uint64_t *f, int nf,
                            float *scores);
/* The dynamic oracle: cost[c] of every class in a state (training). */
typedef void (*dp_cost_fn)(const dp_state *s, const void *gold, int *cost);

/* A candidate of a beam step: its total score, the item it extends, the
 * transition, and whether every transition of its path is of least cost. */
typedef struct dp_cand {
    double score;
    int parent, cls;
    unsigned char ok;
} dp_cand;

/* A beam of k items (two sets of k states: the current and the next).
 * With hist, the features of every item at every step and the backpointers
 * are kept (for the update of global training). */
typedef struct dp_beam {
    int k, cap, nclass;
    dp_state *st[2];
    double *sc[2];
    unsigned char *ok[2];
    int cur, size, t;
    int hist;
    int *parent, *cls, *nf;  /* [t * k + slot]: the item's parent slot at t - 1 and
                              * the transition that made it; its feature count */
    uint64_t *feat;          /* [(t * k + slot) * DP_MAX_FEATS] */
} dp_beam;

/* Allocates a beam of width k (1..DP_MAX_BEAM) for sentences of up to n
 * words. 0 or DYAD_ENOMEM (the beam is then freed). */
int dp_beam_init(dp_beam *b, int k, int n, int nlabels, int root_label, int hist);
void dp_beam_free(dp_beam *b); /* accepts a zeroed beam */
/* Starts a sentence of n words: one item, the initial state. */
void dp_beam_start(dp_beam *b, int n);
/* Expands every item by every valid transition into the next beam (the best
 * k, best first) and returns its size; dp_beam_commit(b, size) then makes it
 * current. With costs, items whose paths are of least cost stay marked ok,
 * and *best_ok (may be NULL) gets the best such candidate (parent -1: none). */
int dp_beam_step(dp_beam *b, const dp_tok *toks, dp_score_fn score, const void *ctx,
                 dp_cost_fn costs, const void *gold, dp_cand *best_ok);
void dp_beam_commit(dp_beam *b, int size);
/* Parses n words (<= the capacity) with the beam: head[] (-1 = root), label[]. */
void dp_beam_parse(dp_beam *b, dp_score_fn score, const void *ctx, const dp_tok *toks, int n,
                   int *head, int *label);

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
    int beam;                  /* beam width the model was trained for (1: greedy) */
};

/* A feature with at least rowlen / 6 weights is stored as a dense row: adding
 * a row with vector instructions is as quick as walking that many sparse
 * weights, and its lookup stays in the small dense table. */
static inline int dp_is_dense(uint32_t nweights, uint32_t rowlen) { return 6 * nweights >= rowlen; }

/* Scores every class of a state: scores[c] = sum of the weights of its features. */
void dp_model_score(const dyad_depparser *m, const uint64_t *f, int nf, int32_t *scores);
/* Parses greedily with an initialised state (capacity >= n) and prepared
 * tokens (n + 1 of them, toks[n] the root); fills head[] (-1 = root) and
 * label[]. */
void dp_model_parse(const dyad_depparser *m, dp_state *s, const dp_tok *toks, int n, int *head,
                    int *label);
/* Sentences longer than this are parsed greedily even by a beam model: the
 * beam copies its states at every step, which is quadratic in the length. */
#define DP_BEAM_MAX_WORDS 250
static inline int dp_use_beam(const dyad_depparser *m, int n)
{
    return m->beam > 1 && n <= DP_BEAM_MAX_WORDS;
}
/* dp_score_fn of a compact model (ctx: the dyad_depparser). */
void dp_model_score_fn(const void *ctx, const dp_state *s, const uint64_t *f, int nf,
                       float *scores);

/* Builds a model file image (malloc'd, *out) from its parts: nlabels names,
 * the root relation's id, the beam width it was trained for (1..DP_MAX_BEAM),
 * nfeat feature keys (distinct, even in their high 32 bits) with their weight
 * lists cls/wts[offs[i] .. offs[i+1]). 0 or
 * DYAD_ENOMEM / DYAD_ELIMIT. */
int dp_image_build(void **out, size_t *len, const char *const *labels, int nlabels,
                   int root_label, int beam, uint32_t nfeat, const uint64_t *keys,
                   const uint32_t *offs, const uint8_t *cls, const int16_t *wts);
/* Validates a file image and makes a model of it; the model takes buf (freed
 * on error too). name is used in messages. */
int dp_model_from_image(dyad_depparser **out, void *buf, size_t len, const char *name);
uint64_t dp_fnv1a(const void *p, size_t n);
/* The checksum in the header: of bytes 64.. to the end. */
uint64_t dp_checksum(const void *p, size_t n);

#endif
