/* depparse.c: the arc-hybrid transition system, the feature templates, the
 * model file (building, validating, loading) and parsing. Training is in
 * depparse_train.c. See depparse.h. */
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "dyad.h"
#include "parse/depparse_internal.h"
#include "parse/model_mem.h"
#include "util/util.h"

/* ---- hashing --------------------------------------------------------- */

uint64_t dp_fnv1a(const void *p, size_t n)
{
    const unsigned char *s = p;
    uint64_t h = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < n; i++) {
        h ^= s[i];
        h *= 0x100000001b3ull;
    }
    return h;
}

/* The model checksum: four FNV-style multiply lanes over 8-byte words (so that
 * a large model is checked in a few milliseconds), the tail bytewise, the
 * lanes folded. Every step is a bijection of the state, so any change of one
 * word changes the result. */
uint64_t dp_checksum(const void *p, size_t n)
{
    const unsigned char *s = p;
    const uint64_t P = 0x100000001b3ull;
    uint64_t h[4] = {0xcbf29ce484222325ull, 0x84222325cbf29ce4ull, 0x9e3779b97f4a7c15ull,
                     0x2545f4914f6cdd1dull};
    size_t i = 0;
    for (; i + 32 <= n; i += 32)
        for (int k = 0; k < 4; k++) {
            uint64_t w;
            memcpy(&w, s + i + 8 * k, 8);
            h[k] = (h[k] ^ w) * P;
        }
    uint64_t r = dp_fnv1a(s + i, n - i);
    for (int k = 0; k < 4; k++)
        r = (r ^ h[k]) * P;
    return r ^ (r >> 29) ^ n;
}

static inline uint64_t mix(uint64_t x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ull;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebull;
    x ^= x >> 31;
    return x;
}

uint64_t dp_hash_str(const char *s)
{
    if (!s)
        s = "_";
    return mix(dp_fnv1a(s, strlen(s)));
}

/* Hash of a word's normalised form: ASCII lower case, digits as '0'; the
 * hash of its last three bytes goes to *sfx. */
static uint64_t hash_word(const char *s, uint64_t *sfx)
{
    if (!s)
        s = "_";
    uint64_t h = 0xcbf29ce484222325ull;
    size_t n = strlen(s);
    unsigned char last[3] = {0, 0, 0};
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c - 'A' + 'a');
        else if (c >= '0' && c <= '9')
            c = '0';
        h ^= c;
        h *= 0x100000001b3ull;
        last[0] = last[1];
        last[1] = last[2];
        last[2] = c;
    }
    *sfx = mix(dp_fnv1a(last, 3) ^ 0x5f5f5f);
    return mix(h);
}

static int punct_tag(const char *upos, const char *xpos)
{
    static const char *const x[] = {",", ".", ":", "``", "''", "-LRB-", "-RRB-", "HYPH", "NFP"};
    if (upos)
        return !strcmp(upos, "PUNCT");
    for (size_t i = 0; xpos && i < sizeof x / sizeof *x; i++)
        if (!strcmp(xpos, x[i]))
            return 1;
    return 0;
}

void dp_tok_fill(dp_tok *t, const char *word, const char *upos, const char *xpos)
{
    t->w = hash_word(word, &t->sfx);
    t->u = dp_hash_str(upos) ^ 0x1111;
    t->t = dp_hash_str(xpos) ^ 0x2222;
    t->ispunct = punct_tag(upos, xpos);
}

void dp_tok_finish(dp_tok *toks, int n)
{
    dp_tok *t = &toks[n];
    t->w = dp_hash_str("<ROOT>");
    t->u = t->t = t->sfx = t->w ^ 0x3333;
    t->ispunct = 0;
    int c = 0;
    for (int i = 0; i <= n; i++) {
        toks[i].punct = c;
        c += toks[i].ispunct;
    }
}

/* ---- the transition system ------------------------------------------- */

int dp_state_init(dp_state *s, int n, int nlabels, int root_label)
{
    memset(s, 0, sizeof *s);
    size_t m = (size_t)n + 1;
    s->stack = malloc(m * sizeof(int) * 9 + m * sizeof(uint64_t) * 2);
    if (!s->stack)
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    s->lset = (uint64_t *)(void *)s->stack;
    s->rset = s->lset + m;
    int *p = (int *)(void *)(s->rset + m);
    s->stack = p;
    s->head = p + m;
    s->label = p + 2 * m;
    s->lc1 = p + 3 * m;
    s->lc2 = p + 4 * m;
    s->rc1 = p + 5 * m;
    s->rc2 = p + 6 * m;
    s->nl = p + 7 * m;
    s->nr = p + 8 * m;
    s->nlabels = nlabels;
    s->root_label = root_label;
    return 0;
}

void dp_state_free(dp_state *s)
{
    free(s->lset); /* the block starts at lset */
    memset(s, 0, sizeof *s);
}

void dp_state_reset(dp_state *s, int n)
{
    s->n = n;
    s->sp = 0;
    s->b = 0;
    for (int i = 0; i <= n; i++) {
        s->head[i] = -1;
        s->label[i] = -1;
        s->lc1[i] = s->lc2[i] = s->rc1[i] = s->rc2[i] = -1;
        s->nl[i] = s->nr[i] = 0;
        s->lset[i] = s->rset[i] = 0;
    }
}

void dp_state_valid(const dp_state *s, unsigned char *valid)
{
    int L = s->nlabels, rl = s->root_label;
    valid[DP_SHIFT] = s->b < s->n;
    for (int l = 0; l < L; l++) {
        int left;
        if (s->b < s->n)
            left = s->sp >= 1 && l != rl;
        else
            left = s->sp == 1 && (rl < 0 || l == rl);
        valid[1 + l] = (unsigned char)left;
        valid[1 + L + l] = s->sp >= 2 && l != rl;
    }
}

void dp_state_apply(dp_state *s, int cls)
{
    int L = s->nlabels;
    if (cls == DP_SHIFT) {
        s->stack[s->sp++] = s->b++;
        return;
    }
    int d = s->stack[--s->sp], l, h;
    if (cls <= L) {
        l = cls - 1;
        h = s->b;
        s->lc2[h] = s->lc1[h];
        s->lc1[h] = d;
        s->nl[h]++;
        s->lset[h] |= 1ull << (l & 63);
    } else {
        l = cls - 1 - L;
        h = s->stack[s->sp - 1];
        s->rc2[h] = s->rc1[h];
        s->rc1[h] = d;
        s->nr[h]++;
        s->rset[h] |= 1ull << (l & 63);
    }
    s->head[d] = h;
    s->label[d] = l;
}

/* ---- features -------------------------------------------------------- */

#define NONE 0x9e3779b97f4a7c15ull

static inline uint64_t fk(uint64_t id, uint64_t a, uint64_t b, uint64_t c, uint64_t d)
{
    uint64_t h = mix(id * 0xd6e8feb86659fd93ull + a);
    h = mix(h ^ b);
    if (c | d)
        h = mix(h ^ c ^ mix(d + 0x1234567));
    return h | 1; /* never 0 */
}

/* Distance buckets: 1, 2, 3, 4, 5-6, 7-10, 11+. */
static inline uint64_t dist(int a, int b)
{
    if (a < 0 || b < 0)
        return 99;
    int d = b > a ? b - a : a - b;
    return d <= 4 ? (uint64_t)d : d <= 6 ? 5 : d <= 10 ? 6 : 7;
}

int dp_features(const dp_state *s, const dp_tok *t, uint64_t *f)
{
    int k = 0, sp = s->sp, n = s->n;
    int S0 = sp >= 1 ? s->stack[sp - 1] : -1;
    int S1 = sp >= 2 ? s->stack[sp - 2] : -1;
    int S2 = sp >= 3 ? s->stack[sp - 3] : -1;
    int B0 = s->b <= n ? s->b : -1;
    int B1 = s->b + 1 <= n ? s->b + 1 : -1;
    int B2 = s->b + 2 <= n ? s->b + 2 : -1;
#define CH(x, arr) ((x) >= 0 ? s->arr[x] : -1)
    int S0L1 = CH(S0, lc1), S0L2 = CH(S0, lc2), S0R1 = CH(S0, rc1), S0R2 = CH(S0, rc2);
    int S1L1 = CH(S1, lc1), S1R1 = CH(S1, rc1);
    int B0L1 = CH(B0, lc1), B0L2 = CH(B0, lc2);
#define W(x) ((x) >= 0 ? t[x].w : NONE)
#define T(x) ((x) >= 0 ? t[x].t : NONE)
#define U(x) ((x) >= 0 ? t[x].u : NONE)
#define X(x) ((x) >= 0 ? t[x].sfx : NONE)
#define LB(x) ((x) >= 0 ? (uint64_t)(s->label[x] + 2) : 1)
#define VL(x) ((x) >= 0 ? (uint64_t)s->nl[x] + 1 : 0)
#define VR(x) ((x) >= 0 ? (uint64_t)s->nr[x] + 1 : 0)
#define LS(x) ((x) >= 0 ? s->lset[x] + 7 : 1)
#define RS(x) ((x) >= 0 ? s->rset[x] + 7 : 1)
#define F(a, b, c, d) (f[k] = fk((uint64_t)k + 1, a, b, c, d), k++)
    uint64_t s0w = W(S0), s0t = T(S0), s1w = W(S1), s1t = T(S1), b0w = W(B0), b0t = T(B0);
    uint64_t b1w = W(B1), b1t = T(B1), d1 = dist(S0, B0), d2 = dist(S1, S0);
    /* punctuation words between s0 and b0, between s1 and s0 (0-3) */
    int p1 = S0 >= 0 && B0 >= 0 ? t[B0].punct - t[S0 + 1].punct : 0;
    int p2 = S1 >= 0 && S0 >= 0 ? t[S0].punct - t[S1 + 1].punct : 0;
    uint64_t pc1 = (uint64_t)(p1 < 3 ? p1 : 3), pc2 = (uint64_t)(p2 < 3 ? p2 : 3);
    /* single words */
    F(s0w, 0, 0, 0); F(s0t, 0, 0, 0); F(s0w, s0t, 0, 0); F(U(S0), 0, 0, 0);
    F(s1w, 0, 0, 0); F(s1t, 0, 0, 0); F(s1w, s1t, 0, 0); F(U(S1), 0, 0, 0);
    F(T(S2), 0, 0, 0); F(W(S2), 0, 0, 0);
    F(b0w, 0, 0, 0); F(b0t, 0, 0, 0); F(b0w, b0t, 0, 0); F(U(B0), 0, 0, 0); F(X(B0), 0, 0, 0);
    F(b1w, 0, 0, 0); F(b1t, 0, 0, 0); F(b1w, b1t, 0, 0); F(U(B1), 0, 0, 0);
    F(W(B2), 0, 0, 0); F(T(B2), 0, 0, 0);
    F(X(S0), 0, 0, 0);
    /* pairs */
    F(s0w, s0t, b0w, b0t); F(s0w, s0t, b0w, 0); F(s0w, b0w, b0t, 0); F(s0w, s0t, b0t, 0);
    F(s0t, b0w, b0t, 0); F(s0w, b0w, 0, 0); F(s0t, b0t, 0, 0); F(b0t, b1t, 0, 0);
    F(s1w, s1t, s0w, s0t); F(s1t, s0t, 0, 0); F(s1w, s0w, 0, 0); F(s1t, s0w, 0, 0);
    F(s1w, s0t, 0, 0); F(b0w, b1w, 0, 0); F(U(S0), U(B0), 0, 0); F(U(S1), U(S0), 0, 0);
    F(s1t, b0t, 0, 0); F(s1w, b0w, 0, 0);
    /* three tags */
    F(b0t, b1t, T(B2), 0); F(s0t, b0t, b1t, 0); F(s1t, s0t, b0t, 0);
    F(s0t, T(S0L1), b0t, 0); F(s0t, T(S0R1), b0t, 0); F(s0t, b0t, T(B0L1), 0);
    F(T(S2), s1t, s0t, 0); F(s1t, T(S1R1), s0t, 0); F(s1t, T(S1L1), s0t, 0);
    F(s0w, b0t, b1t, 0); F(s1t, s0t, b0w, 0); F(s1t, s0w, b0t, 0);
    /* distances */
    F(s0w, d1, 0, 0); F(s0t, d1, 0, 0); F(b0w, d1, 0, 0); F(b0t, d1, 0, 0);
    F(s0w, b0w, d1, 0); F(s0t, b0t, d1, 0); F(s1t, s0t, d2, 0); F(s1w, s0w, d2, 0);
    F(s1w, d2, 0, 0); F(s0w, d2, 0, 0); F(s1t, s0t, b0t, d1 * 16 + d2);
    /* valencies */
    F(s0w, VR(S0), 0, 0); F(s0t, VR(S0), 0, 0); F(s0w, VL(S0), 0, 0); F(s0t, VL(S0), 0, 0);
    F(b0w, VL(B0), 0, 0); F(b0t, VL(B0), 0, 0); F(s1w, VR(S1), 0, 0); F(s1t, VR(S1), 0, 0);
    F(s1t, VL(S1), 0, 0);
    /* children */
    F(W(S0L1), 0, 0, 0); F(T(S0L1), 0, 0, 0); F(LB(S0L1), 0, 0, 0);
    F(W(S0R1), 0, 0, 0); F(T(S0R1), 0, 0, 0); F(LB(S0R1), 0, 0, 0);
    F(W(B0L1), 0, 0, 0); F(T(B0L1), 0, 0, 0); F(LB(B0L1), 0, 0, 0);
    F(W(S1L1), 0, 0, 0); F(T(S1L1), 0, 0, 0); F(LB(S1L1), 0, 0, 0);
    F(W(S1R1), 0, 0, 0); F(T(S1R1), 0, 0, 0); F(LB(S1R1), 0, 0, 0);
    /* second children */
    F(W(S0L2), 0, 0, 0); F(T(S0L2), 0, 0, 0); F(LB(S0L2), 0, 0, 0);
    F(W(S0R2), 0, 0, 0); F(T(S0R2), 0, 0, 0); F(LB(S0R2), 0, 0, 0);
    F(W(B0L2), 0, 0, 0); F(T(B0L2), 0, 0, 0); F(LB(B0L2), 0, 0, 0);
    F(s0t, T(S0L1), T(S0L2), 0); F(s0t, T(S0R1), T(S0R2), 0); F(b0t, T(B0L1), T(B0L2), 0);
    /* relation sets */
    F(s0w, LS(S0), 0, 0); F(s0t, LS(S0), 0, 0); F(s0w, RS(S0), 0, 0); F(s0t, RS(S0), 0, 0);
    F(b0w, LS(B0), 0, 0); F(b0t, LS(B0), 0, 0); F(s1t, RS(S1), 0, 0);
    F(s0t, LB(S0L1), LB(S0R1), 0); F(s1t, LB(S1R1), s0t, 0);
    /* coarse tags, punctuation, suffixes */
    F(U(S0), U(B0), U(B1), 0); F(U(S1), U(S0), U(B0), 0); F(s0w, b0w, b1t, 0);
    F(s0t, b0t, pc1, 0); F(s1t, s0t, pc2, 0); F(s0t, b0t, d1 * 4 + pc1, 0);
    F(X(S1), 0, 0, 0); F(X(B1), 0, 0, 0);
    /* bias */
    F(1, 0, 0, 0);
#undef CH
#undef W
#undef T
#undef U
#undef X
#undef LB
#undef VL
#undef VR
#undef LS
#undef RS
#undef F
    return k;
}

/* ---- the compact model ----------------------------------------------- */

static inline uint32_t fp_of(uint64_t key) { return (uint32_t)(key >> 32) | 1u; }
static inline uint32_t slot_of(uint64_t key, uint32_t nslots)
{
    return (uint32_t)(((uint64_t)(uint32_t)key * nslots) >> 32);
}

/* scores[0..n) += the sum of the rows (n a multiple of 8). The scores of a
 * block of 32 classes stay in registers while every row is added. */
static void add_rows(int32_t *scores, const int16_t *const *rows, int nrows, uint32_t n)
{
#ifdef __SSE2__
    uint32_t c = 0;
    for (; c + 32 <= n; c += 32) {
        __m128i a[8];
        for (int k = 0; k < 8; k++)
            a[k] = _mm_loadu_si128((const __m128i *)(const void *)(scores + c) + k);
        for (int r = 0; r < nrows; r++)
            for (int k = 0; k < 4; k++) {
                __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(rows[r] + c) + k);
                a[2 * k] = _mm_add_epi32(a[2 * k], _mm_srai_epi32(_mm_unpacklo_epi16(x, x), 16));
                a[2 * k + 1] =
                    _mm_add_epi32(a[2 * k + 1], _mm_srai_epi32(_mm_unpackhi_epi16(x, x), 16));
            }
        for (int k = 0; k < 8; k++)
            _mm_storeu_si128((__m128i *)(void *)(scores + c) + k, a[k]);
    }
    for (; c < n; c += 8) {
        __m128i lo = _mm_loadu_si128((const __m128i *)(const void *)(scores + c));
        __m128i hi = _mm_loadu_si128((const __m128i *)(const void *)(scores + c) + 1);
        for (int r = 0; r < nrows; r++) {
            __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(rows[r] + c));
            lo = _mm_add_epi32(lo, _mm_srai_epi32(_mm_unpacklo_epi16(x, x), 16));
            hi = _mm_add_epi32(hi, _mm_srai_epi32(_mm_unpackhi_epi16(x, x), 16));
        }
        _mm_storeu_si128((__m128i *)(void *)(scores + c), lo);
        _mm_storeu_si128((__m128i *)(void *)(scores + c) + 1, hi);
    }
#else
    for (int r = 0; r < nrows; r++)
        for (uint32_t c = 0; c < n; c++)
            scores[c] += rows[r][c];
#endif
}

/* The dense row of a key, or NULL. */
static inline const int16_t *dense_row(const dyad_depparser *m, uint64_t key)
{
    uint32_t fp = fp_of(key), i = slot_of(key, m->ndslots);
    if (!(m->dfilter[fp >> 22] >> (fp >> 16 & 63) & 1))
        return NULL;
    for (uint32_t probes = 0; probes <= m->dmaxprobe; probes++) {
        uint32_t v = m->dslot[2 * i];
        if (!v)
            return NULL;
        if (v == fp)
            return m->dense + (size_t)m->dslot[2 * i + 1] * m->rowlen;
        if (++i == m->ndslots)
            i = 0;
    }
    return NULL;
}

void dp_model_score(const dyad_depparser *m, const uint64_t *f, int nf, int32_t *scores)
{
    uint32_t idx[DP_MAX_FEATS], beg[DP_MAX_FEATS], end[DP_MAX_FEATS];
    const int16_t *rows[DP_MAX_FEATS];
    const uint64_t *sp[DP_MAX_FEATS];
    const uint32_t *slot = m->slot;
    uint32_t ns = m->nslots;
    int nrows = 0, nsp = 0;
    memset(scores, 0, sizeof(int32_t) * (size_t)m->rowlen);
    /* dense rows first (their table is small); the other keys' slots are
     * prefetched, then read (their weights prefetched), then their weights
     * added, so that the memory reads overlap */
    for (int j = 0; j < nf; j++) {
        const int16_t *row = dense_row(m, f[j]);
        if (row) {
            __builtin_prefetch(row);
            __builtin_prefetch(row + 32);
            __builtin_prefetch(row + 64);
            __builtin_prefetch(row + 96);
            rows[nrows++] = row;
            continue;
        }
        idx[nsp] = slot_of(f[j], ns);
        __builtin_prefetch(&slot[2 * idx[nsp]]);
        sp[nsp++] = &f[j];
    }
    /* the rows are added while the slots arrive */
    add_rows(scores, rows, nrows, m->rowlen);
    for (int j = 0; j < nsp; j++) {
        uint32_t fp = fp_of(*sp[j]), i = idx[j];
        beg[j] = end[j] = 0;
        for (uint32_t probes = 0; probes <= m->maxprobe; probes++) {
            uint32_t v = slot[2 * i];
            if (!v)
                break;
            if (v == fp) {
                beg[j] = slot[2 * i + 1];
                end[j] = slot[2 * i + 3];
                __builtin_prefetch(m->ent + 3 * (size_t)beg[j]);
                break;
            }
            if (++i == ns)
                i = 0;
        }
    }
    for (int j = 0; j < nsp; j++) {
        const uint8_t *p = m->ent + 3 * (size_t)beg[j];
        for (uint32_t e = beg[j]; e < end[j]; e++, p += 3) {
            int16_t w;
            memcpy(&w, p + 1, 2);
            scores[p[0]] += w;
        }
    }
}

void dp_model_score_fn(const void *ctx, const dp_state *s, const uint64_t *f, int nf,
                       float *scores)
{
    const dyad_depparser *m = ctx;
    int32_t sc[2 * DP_MAX_LABELS + 8];
    (void)s;
    dp_model_score(m, f, nf, sc);
    for (int c = 0; c < m->nclass; c++)
        scores[c] = (float)sc[c];
}

void dp_model_parse(const dyad_depparser *m, dp_state *s, const dp_tok *toks, int n, int *head,
                    int *label)
{
    uint64_t f[DP_MAX_FEATS];
    int32_t scores[2 * DP_MAX_LABELS + 8];
    unsigned char valid[1 + 2 * DP_MAX_LABELS];
    dp_state_reset(s, n);
    while (!dp_state_final(s)) {
        int nf = dp_features(s, toks, f);
        dp_model_score(m, f, nf, scores);
        dp_state_valid(s, valid);
        int best = -1;
        for (int c = 0; c < m->nclass; c++)
            if (valid[c] && (best < 0 || scores[c] > scores[best]))
                best = c;
        dp_state_apply(s, best);
    }
    for (int i = 0; i < n; i++) {
        head[i] = s->head[i] == n ? -1 : s->head[i];
        label[i] = s->label[i];
    }
}

/* ---- the file image -------------------------------------------------- */

/* Header (64 bytes, native order): magic "DYADDEP\0"; u32 version, nlabels,
 * nslots, nfeat (sparse and dense), nentry, names_len; u64 file size, u64
 * checksum of the rest; u32 root relation (UINT32_MAX: none), ndense,
 * ndslots, beam width (version 5; version 4 has 0 there and is greedy).
 * Then, each 8-byte aligned: the sparse slots (nslots + 1 pairs of u32),
 * the weights (3 bytes each), the dense slots (ndslots pairs of u32), the
 * dense rows (int16), the relation names. */
typedef struct dp_layout {
    uint64_t slot, ent, dslot, dense, names, size;
} dp_layout;

static uint64_t align8(uint64_t x) { return (x + 7) & ~(uint64_t)7; }

static uint32_t row_len(uint32_t nclass) { return (nclass + 7) & ~7u; }

static void layout(dp_layout *l, uint64_t nslots, uint64_t nentry, uint64_t ndslots,
                   uint64_t ndense, uint64_t rowlen, uint64_t names_len)
{
    l->slot = DP_HEADER_SIZE;
    l->ent = align8(l->slot + 8 * (nslots + 1));
    l->dslot = align8(l->ent + 3 * nentry);
    l->dense = align8(l->dslot + 8 * ndslots);
    l->names = align8(l->dense + 2 * rowlen * ndense);
    l->size = align8(l->names + names_len);
}

static void put32(unsigned char *p, uint32_t v) { memcpy(p, &v, 4); }
static void put64(unsigned char *p, uint64_t v) { memcpy(p, &v, 8); }
static uint32_t get32(const unsigned char *p)
{
    uint32_t v;
    memcpy(&v, p, 4);
    return v;
}
static uint64_t get64(const unsigned char *p)
{
    uint64_t v;
    memcpy(&v, p, 8);
    return v;
}

/* Places key x + 1 into the open-addressed owner table (linear probing). */
static void place(uint32_t *owner, uint32_t nslots, uint64_t key, uint32_t x)
{
    uint32_t i = slot_of(key, nslots);
    while (owner[i])
        i = i + 1 == nslots ? 0 : i + 1;
    owner[i] = x + 1;
}

int dp_image_build(void **out, size_t *len, const char *const *labels, int nlabels,
                   int root_label, int beam, uint32_t nfeat, const uint64_t *keys,
                   const uint32_t *offs, const uint8_t *cls, const int16_t *wts)
{
    *out = NULL;
    *len = 0;
    if (nlabels < 1 || nlabels > DP_MAX_LABELS || nfeat > (1u << 28) || beam < 1 ||
        beam > DP_MAX_BEAM)
        return dyad_set_error(DYAD_ELIMIT,
                              "parser model: too many relations or features, or bad beam width");
    uint32_t rowlen = row_len(1 + 2 * (uint32_t)nlabels), nentry = 0, ndense = 0;
    for (uint32_t x = 0; x < nfeat; x++) {
        uint32_t k = offs[x + 1] - offs[x];
        if (dp_is_dense(k, rowlen))
            ndense++;
        else
            nentry += k;
    }
    uint32_t nsparse = nfeat - ndense;
    uint32_t nslots = nsparse + nsparse / 3 + 1, ndslots = ndense + ndense / 2 + 1;
    uint64_t names_len = 0;
    for (int i = 0; i < nlabels; i++)
        names_len += strlen(labels[i]) + 1;
    dp_layout l;
    layout(&l, nslots, nentry, ndslots, ndense, rowlen, names_len);
    unsigned char *b = calloc(1, l.size);
    uint32_t *owner = calloc((size_t)nslots + ndslots, sizeof *owner);
    if (!b || !owner) {
        free(b);
        free(owner);
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    }
    uint32_t *downer = owner + nslots;
    memcpy(b, DP_MAGIC, 8);
    put32(b + 8, DP_VERSION);
    put32(b + 12, (uint32_t)nlabels);
    put32(b + 16, nslots);
    put32(b + 20, nfeat);
    put32(b + 24, nentry);
    put32(b + 28, (uint32_t)names_len);
    put64(b + 32, l.size);
    put32(b + 48, (uint32_t)root_label);
    put32(b + 52, ndense);
    put32(b + 56, ndslots);
    put32(b + 60, (uint32_t)beam);
    for (uint32_t x = 0; x < nfeat; x++) {
        if (dp_is_dense(offs[x + 1] - offs[x], rowlen))
            place(downer, ndslots, keys[x], x);
        else
            place(owner, nslots, keys[x], x);
    }
    /* sparse weights in slot order */
    uint32_t *slot = (uint32_t *)(void *)(b + l.slot), e = 0;
    unsigned char *ent = b + l.ent;
    for (uint32_t i = 0; i < nslots; i++) {
        slot[2 * i + 1] = e;
        if (!owner[i])
            continue;
        uint32_t x = owner[i] - 1;
        slot[2 * i] = fp_of(keys[x]);
        for (uint32_t k = offs[x]; k < offs[x + 1]; k++, e++) {
            ent[3 * (size_t)e] = cls[k];
            memcpy(ent + 3 * (size_t)e + 1, &wts[k], 2);
        }
    }
    slot[2 * nslots + 1] = e;
    /* dense rows in dense slot order */
    uint32_t *dslot = (uint32_t *)(void *)(b + l.dslot), row = 0;
    int16_t *dense = (int16_t *)(void *)(b + l.dense);
    for (uint32_t i = 0; i < ndslots; i++) {
        if (!downer[i])
            continue;
        uint32_t x = downer[i] - 1;
        dslot[2 * i] = fp_of(keys[x]);
        dslot[2 * i + 1] = row;
        for (uint32_t k = offs[x]; k < offs[x + 1]; k++)
            dense[(size_t)row * rowlen + cls[k]] = wts[k];
        row++;
    }
    free(owner);
    char *p = (char *)b + l.names;
    for (int i = 0; i < nlabels; i++) {
        size_t k = strlen(labels[i]) + 1;
        memcpy(p, labels[i], k);
        p += k;
    }
    put64(b + 40, dp_checksum(b + DP_HEADER_SIZE, l.size - DP_HEADER_SIZE));
    *out = b;
    *len = l.size;
    return 0;
}

/* Releases a file image: from dyad_model_mem_read (mapped) or malloc'd. */
static void release(void *buf, size_t len, int mapped)
{
    if (mapped)
        dyad_model_mem_free(buf, len);
    else
        free(buf);
}

static int bad(void *buf, size_t len, int mapped, const char *name, const char *why)
{
    release(buf, len, mapped);
    return dyad_set_error(DYAD_EPARSE, "%s: not a valid parser model: %s", name, why);
}

/* The longest run of full slots of a pair table (key 0 = empty), counting
 * the wrap around from the end to the start; -1 if no slot is empty. One
 * pass: the run at the start is joined to the run at the end. */
static int64_t longest_run(const uint32_t *slot, uint32_t n, uint32_t *used)
{
    uint32_t run = 0, maxrun = 0, lead = 0, u = 0;
    int empty = 0;
    for (uint32_t i = 0; i < n; i++) {
        if (slot[2 * i]) {
            run++;
            u++;
            continue;
        }
        if (!empty)
            lead = run;
        empty = 1;
        if (run > maxrun)
            maxrun = run;
        run = 0;
    }
    *used = u;
    if (!empty)
        return -1;
    return run + lead > maxrun ? run + lead : maxrun;
}

/* Checks the sections behind the header and sets the probe bounds; NULL or
 * the reason. */
static const char *check_tables(dyad_depparser *m, uint32_t nsparse)
{
    const uint32_t *slot = m->slot;
    uint32_t used = 0;
    if (slot[1] != 0 || slot[2 * m->nslots + 1] != m->nentry || slot[2 * m->nslots] != 0)
        return "bad weight offsets";
    for (uint32_t i = 0; i < m->nslots; i++) {
        uint32_t a = slot[2 * i + 1], z = slot[2 * i + 3];
        if (a > z || (!slot[2 * i] && a != z))
            return "bad weight offsets";
    }
    unsigned badcls = 0;
    for (uint32_t e = 0; e < m->nentry; e++)
        badcls |= m->ent[3 * (size_t)e] >= (uint32_t)m->nclass;
    if (badcls)
        return "bad class number";
    int64_t run = longest_run(slot, m->nslots, &used);
    if (run < 0 || used != nsparse)
        return "feature table does not match the feature count";
    m->maxprobe = (uint32_t)run;
    run = longest_run(m->dslot, m->ndslots, &used);
    if (run < 0 || used != m->ndense)
        return "dense table does not match the dense row count";
    m->dmaxprobe = (uint32_t)run;
    for (uint32_t i = 0; i < m->ndslots; i++)
        if (m->dslot[2 * i] && m->dslot[2 * i + 1] >= m->ndense)
            return "bad dense row reference";
    for (uint32_t r = 0; r < m->ndense; r++)
        for (uint32_t c = (uint32_t)m->nclass; c < m->rowlen; c++)
            if (m->dense[(size_t)r * m->rowlen + c])
                return "bad dense row padding";
    return NULL;
}

/* Points the relation names into the image; NULL or the reason. */
static const char *read_names(const char **labels, const char *p, const char *end,
                              uint32_t nlabels, uint32_t root)
{
    for (uint32_t i = 0; i < nlabels; i++) {
        const char *z = p < end ? memchr(p, '\0', (size_t)(end - p)) : NULL;
        if (!z || z == p)
            return "bad relation names";
        labels[i] = p;
        p = z + 1;
    }
    if (p != end || (root != UINT32_MAX && strcmp(labels[root], "root")))
        return "bad relation names";
    return NULL;
}

static int from_image(dyad_depparser **out, void *buf, size_t len, const char *name, int mapped)
{
    *out = NULL;
    const unsigned char *b = buf;
    if (!name)
        name = "parser model";
    if (len < DP_HEADER_SIZE || memcmp(b, DP_MAGIC, 8))
        return bad(buf, len, mapped, name, len < DP_HEADER_SIZE ? "too short" : "bad magic number");
    uint32_t version = get32(b + 8), beam = get32(b + 60);
    if (version != DP_VERSION && version != 4)
        return bad(buf, len, mapped, name, "unsupported version (a model of another dyad?)");
    if (version == 4 ? beam != 0 : beam < 1 || beam > DP_MAX_BEAM)
        return bad(buf, len, mapped, name, "bad header (beam width)");
    uint32_t nlabels = get32(b + 12), nslots = get32(b + 16), nfeat = get32(b + 20);
    uint32_t nentry = get32(b + 24), names_len = get32(b + 28), root = get32(b + 48);
    uint32_t ndense = get32(b + 52), ndslots = get32(b + 56);
    if (get64(b + 32) != len)
        return bad(buf, len, mapped, name, "truncated or wrong size");
    if (get64(b + 40) != dp_checksum(b + DP_HEADER_SIZE, len - DP_HEADER_SIZE))
        return bad(buf, len, mapped, name, "checksum mismatch (damaged file)");
    if (nlabels < 1 || nlabels > DP_MAX_LABELS || !nslots || nslots > (1u << 30) ||
        ndense > nfeat || nfeat - ndense >= nslots || !ndslots || ndslots > (1u << 30) ||
        ndense >= ndslots || nentry > (1u << 30) || (root != UINT32_MAX && root >= nlabels))
        return bad(buf, len, mapped, name, "bad sizes in header");
    uint32_t nclass = 1 + 2 * nlabels, rowlen = row_len(nclass);
    dp_layout l;
    layout(&l, nslots, nentry, ndslots, ndense, rowlen, names_len);
    if (l.size != len)
        return bad(buf, len, mapped, name, "sizes do not match the file length");
    dyad_depparser *m = calloc(1, sizeof *m);
    const char **labels = calloc(nlabels, sizeof *labels);
    if (!m || !labels) {
        free(m);
        free(labels);
        release(buf, len, mapped);
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    }
    m->buf = buf;
    m->mapped = mapped;
    m->bytes = len;
    m->nlabels = (int)nlabels;
    m->nclass = (int)nclass;
    m->root_label = root == UINT32_MAX ? -1 : (int)root;
    m->labels = labels;
    m->nslots = nslots;
    m->slot = (const uint32_t *)(const void *)(b + l.slot);
    m->ent = b + l.ent;
    m->ndslots = ndslots;
    m->dslot = (const uint32_t *)(const void *)(b + l.dslot);
    m->dense = (const int16_t *)(const void *)(b + l.dense);
    m->ndense = ndense;
    m->rowlen = rowlen;
    m->nfeat = nfeat;
    m->nentry = nentry;
    m->beam = version == 4 ? 1 : (int)beam;
    const char *why = check_tables(m, nfeat - ndense);
    if (!why)
        why = read_names(labels, (const char *)b + l.names, (const char *)b + l.names + names_len,
                         nlabels, root);
    if (why) {
        m->buf = NULL;
        dyad_depparser_free(m);
        return bad(buf, len, mapped, name, why);
    }
    if (!(m->dfilter = calloc(DP_DFILTER_BITS / 64, sizeof *m->dfilter))) {
        dyad_depparser_free(m); /* releases buf */
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    }
    for (uint32_t i = 0; i < ndslots; i++) {
        uint32_t fp = m->dslot[2 * i];
        if (fp)
            m->dfilter[fp >> 22] |= 1ull << (fp >> 16 & 63);
    }
    *out = m;
    return 0;
}

int dp_model_from_image(dyad_depparser **out, void *buf, size_t len, const char *name)
{
    return from_image(out, buf, len, name, 0);
}

int dyad_depparser_load_mem(dyad_depparser **out, const void *data, size_t len, const char *name)
{
    *out = NULL;
    void *buf = malloc(len ? len : 1);
    if (!buf)
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    if (len)
        memcpy(buf, data, len);
    return dp_model_from_image(out, buf, len, name);
}

int dyad_depparser_load(dyad_depparser **out, const char *path)
{
    *out = NULL;
    void *buf = NULL;
    size_t len = 0;
    int rc = dyad_model_mem_read(path, "parser model", DP_HEADER_SIZE, (size_t)1 << 32, &buf,
                                 &len);
    return rc ? rc : from_image(out, buf, len, path, 1);
}

void dyad_depparser_free(dyad_depparser *p)
{
    if (!p)
        return;
    release(p->buf, p->bytes, p->mapped);
    free(p->labels);
    free(p->dfilter);
    free(p);
}

void dyad_depparser_get_info(const dyad_depparser *p, dyad_depparser_info *info)
{
    info->nlabels = p->nlabels;
    info->nfeatures = (long)p->nfeat;
    info->nweights = (long)p->nentry;
    info->bytes = p->bytes;
}

int dyad_depparser_parse(const dyad_depparser *p, const char *const *words,
                         const char *const *upos, const char *const *xpos, int n, int *head,
                         const char **deprel)
{
    if (n <= 0)
        return 0;
    if (!p || !words || !head || !deprel)
        return dyad_set_error(DYAD_EINVAL, "dyad_depparser_parse: NULL argument");
    dp_state s = {0};
    dp_beam b = {0};
    int use_beam = dp_use_beam(p, n);
    dp_tok *toks = malloc(sizeof *toks * ((size_t)n + 1));
    int *label = malloc(sizeof *label * (size_t)n);
    if (!toks || !label ||
        (use_beam ? dp_beam_init(&b, p->beam, n, p->nlabels, p->root_label, 0)
                  : dp_state_init(&s, n, p->nlabels, p->root_label))) {
        free(toks);
        free(label);
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    }
    for (int i = 0; i < n; i++)
        dp_tok_fill(&toks[i], words[i], upos ? upos[i] : NULL, xpos ? xpos[i] : NULL);
    dp_tok_finish(toks, n);
    if (use_beam)
        dp_beam_parse(&b, dp_model_score_fn, p, toks, n, head, label);
    else
        dp_model_parse(p, &s, toks, n, head, label);
    for (int i = 0; i < n; i++)
        deprel[i] = label[i] >= 0 ? p->labels[label[i]] : "dep";
    dp_state_free(&s);
    dp_beam_free(&b);
    free(toks);
    free(label);
    return 0;
}
