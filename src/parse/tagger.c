/* tagger.c: the part-of-speech tagger's features, model file and tagging (see
 * tagger.h); training is in tagger_train.c.
 *
 * Tagging a sentence:
 *   1. every word gets its token record: hashes of its form, lower-cased form,
 *      suffixes (1-4 bytes), prefixes (1-3), shape ("Xxx-dd" with runs
 *      collapsed), a few flags (capitalised, digits, hyphen, length, first
 *      word), its ambiguity classes (of the form and of the lower-cased form)
 *      from the model's lexicon (the set of labels seen with the word in
 *      training; "unknown" for rare words) and the casing of the sentence
 *      (how many of its words are capitalised: titles, all lower case);
 *   2. words the lexicon marks as unambiguous (frequent, one label at least
 *      97% of the time) take that label directly;
 *   3. the others are tagged left to right: the score of each label is the
 *      sum of the weights of about 42 features (the word and its affixes and
 *      shape, the two words on each side, the ambiguity classes of the word
 *      and the next two words, the two labels already chosen, combinations);
 *      the best label is taken and becomes the history of the next word.
 *
 * Model layout (all integers native little-endian, sections 8-byte aligned):
 *   header (64 bytes): "DYADTAG\0", u32 version, u32 nlabels, u32 lex_cap,
 *     u32 feat_cap, u32 nentries, u32 strings_len, u32 reserved[2] (0),
 *     f64 scale, u64 payload length, u64 checksum of the payload (FNV-1a over
 *     8-byte words, see dyad_tagger__checksum);
 *   payload: u64 lex_keys[lex_cap], u64 lex_amb[lex_cap], u32 lex_info[lex_cap],
 *     {u64 key, u32 start, u16 len, u16 zero} feats[feat_cap],
 *     {u16 label, i16 weight} entries[nentries], then the label strings
 *     ("UPOS\0XPOS\0" per label).
 *   Both tables are open-addressed with linear probing from slot
 *   tg_slot(key, cap) (any cap); key 0 marks an empty slot and each table
 *   keeps at least one empty slot.
 */
#include "parse/tagger.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "parse/model_mem.h"
#include "util/util.h"

/* ---- hashing --------------------------------------------------------- */

uint64_t dyad_tagger__checksum(const void *p, size_t n)
{
    /* FNV-1a over 8-byte little-endian words, then the tail bytes. */
    const unsigned char *s = p;
    uint64_t h = 0xcbf29ce484222325ULL ^ (uint64_t)n;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        h ^= w;
        h *= 0x100000001b3ULL;
        h ^= h >> 29;
    }
    for (; i < n; i++) {
        h ^= s[i];
        h *= 0x100000001b3ULL;
    }
    return tg_mix(h);
}

static uint64_t hash_bytes(const char *s, size_t n, uint64_t seed)
{
    uint64_t h = 0xcbf29ce484222325ULL ^ seed;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3ULL;
    }
    return tg_mix(h);
}

static inline unsigned char lower_ascii(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
}

static uint64_t hash_lower(const char *s, size_t n, uint64_t seed)
{
    uint64_t h = 0xcbf29ce484222325ULL ^ seed;
    for (size_t i = 0; i < n; i++) {
        h ^= lower_ascii((unsigned char)s[i]);
        h *= 0x100000001b3ULL;
    }
    return tg_mix(h);
}

/* ---- token records ---------------------------------------------------- */

const uint32_t *dyad_tagger__lex_find(const dyad_tagger_lex *lex, uint64_t key, uint64_t *amb)
{
    if (!lex->keys)
        return NULL;
    uint32_t i = tg_slot(key, lex->cap);
    for (;;) {
        uint64_t k = lex->keys[i];
        if (k == key) {
            *amb = lex->amb[i];
            return &lex->info[i];
        }
        if (k == 0)
            return NULL;
        if (++i == lex->cap)
            i = 0;
    }
}

void dyad_tagger__word_keys(const char *w, uint64_t *form_key, uint64_t *lower_key)
{
    size_t n = strlen(w);
    *form_key = tg_nz(hash_bytes(w, n, 0x1111));
    *lower_key = tg_nz(hash_lower(w, n, 0x2222));
}

void dyad_tagger__token(const dyad_tagger_lex *lex, const char *w, int first,
                        dyad_tagger_tok *t)
{
    size_t n = strlen(w);
    t->form = hash_bytes(w, n, 0x1111);
    t->lower = hash_lower(w, n, 0x2222);
    for (int k = 0; k < 4; k++) {
        size_t m = (size_t)(k + 1) < n ? (size_t)(k + 1) : n;
        t->suf[k] = hash_lower(w + n - m, m, 0x3333 + (uint64_t)k);
    }
    for (int k = 0; k < 3; k++) {
        size_t m = (size_t)(k + 1) < n ? (size_t)(k + 1) : n;
        t->pre[k] = hash_lower(w, m, 0x4444 + (uint64_t)k);
    }
    /* Shape: X upper, x lower, d digit, u a non-ASCII character, other bytes as
     * they are; runs of the same class collapsed. */
    uint64_t h = 0xcbf29ce484222325ULL;
    unsigned char last = 0;
    int upper = 0, lower = 0, digit = 0, hyphen = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)w[i], s;
        if (c >= 'A' && c <= 'Z')
            s = 'X', upper++;
        else if (c >= 'a' && c <= 'z')
            s = 'x', lower++;
        else if (c >= '0' && c <= '9')
            s = 'd', digit++;
        else if (c >= 0x80) {
            if (c < 0xC0)
                continue; /* UTF-8 continuation byte */
            s = 'u', lower++;
        } else {
            s = c;
            if (c == '-')
                hyphen = 1;
        }
        if (s != last) {
            h ^= s;
            h *= 0x100000001b3ULL;
            last = s;
        }
    }
    t->shape = tg_mix(h ^ 0x5555);
    uint32_t f = 0;
    if (n && w[0] >= 'A' && w[0] <= 'Z')
        f |= 1;
    if (upper && !lower)
        f |= 2;
    if (digit)
        f |= 4;
    if (hyphen)
        f |= 8;
    if (first)
        f |= 16;
    if (!upper && !lower && !digit)
        f |= 32;
    f |= (uint32_t)(n >= 7 ? 4 : n >= 4 ? 3 : n) << 6;
    t->flags = f;
    t->dict = -1;
    uint64_t amb;
    const uint32_t *info = dyad_tagger__lex_find(lex, tg_nz(t->lower), &amb);
    t->lamb = info ? amb : 0x7777; /* 0x7777: unknown word */
    info = dyad_tagger__lex_find(lex, tg_nz(t->form), &amb);
    if (info) {
        t->amb = amb;
        if (*info & TG_LEX_UNAMBIGUOUS)
            t->dict = (int)(*info & 0xFFFF);
    } else {
        t->amb = t->lamb;
    }
    t->sent = 0;
}

void dyad_tagger__tokens(const dyad_tagger_lex *lex, const char *const *words, int n,
                         dyad_tagger_tok *toks)
{
    /* The sentence's casing: how many of its words (after the first) that
     * start with a letter start with a capital (titles, all-lower-case
     * writing). */
    int letters = 0, caps = 0;
    for (int i = 0; i < n; i++) {
        dyad_tagger__token(lex, words[i], i == 0, &toks[i]);
        unsigned char c = (unsigned char)words[i][0];
        if (i > 0 && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
            letters++;
            caps += c <= 'Z';
        }
    }
    uint32_t b = letters == 0 ? 0 : caps == 0 ? 1 : caps * 10 < letters * 3 ? 2
               : caps * 10 < letters * 7 ? 3 : 4;
    for (int i = 0; i < n; i++)
        toks[i].sent = b;
}

/* The records used for positions before the first / after the last word. */
#define BOUNDARY(v)                                                                    \
    {                                                                                  \
        .form = (v), .lower = (v), .suf = {(v), (v) + 1, (v) + 2, (v) + 3},            \
        .pre = {(v) + 8, (v) + 9, (v) + 10}, .shape = (v), .amb = (v), .lamb = (v),     \
        .flags = 0xFFFF,                                                               \
        .dict = -1                                                                     \
    }
static const dyad_tagger_tok bos = BOUNDARY(0xB0B0B0B0ULL), eos = BOUNDARY(0xE0E0E0E0ULL);

static const dyad_tagger_tok *tok_at(const dyad_tagger_tok *toks, int n, int i,
                                     const dyad_tagger_tok *bos, const dyad_tagger_tok *eos)
{
    return i < 0 ? bos : i >= n ? eos : &toks[i];
}

int dyad_tagger__static_feats(const dyad_tagger_tok *toks, int n, int i, uint64_t *out)
{
    const dyad_tagger_tok *w = &toks[i];
    const dyad_tagger_tok *m1 = tok_at(toks, n, i - 1, &bos, &eos);
    const dyad_tagger_tok *m2 = tok_at(toks, n, i - 2, &bos, &eos);
    const dyad_tagger_tok *p1 = tok_at(toks, n, i + 1, &bos, &eos);
    const dyad_tagger_tok *p2 = tok_at(toks, n, i + 2, &bos, &eos);
    int k = 0;
    out[k++] = tg_f1(1, 0);
    out[k++] = tg_f1(2, w->form);
    out[k++] = tg_f1(3, w->lower);
    for (int j = 0; j < 4; j++)
        out[k++] = tg_f1(4 + j, w->suf[j]);
    for (int j = 0; j < 3; j++)
        out[k++] = tg_f1(8 + j, w->pre[j]);
    out[k++] = tg_f1(11, w->shape);
    out[k++] = tg_f1(12, w->flags);
    out[k++] = tg_f1(13, m1->lower);
    out[k++] = tg_f1(14, m2->lower);
    out[k++] = tg_f1(15, p1->lower);
    out[k++] = tg_f1(16, p2->lower);
    out[k++] = tg_f1(17, m1->suf[2]);
    out[k++] = tg_f1(18, p1->suf[2]);
    out[k++] = tg_f1(19, p1->shape);
    out[k++] = tg_f1(20, m1->shape);
    out[k++] = tg_f2(21, m1->lower, w->lower);
    out[k++] = tg_f2(22, w->lower, p1->lower);
    out[k++] = tg_f2(23, m1->lower, p1->lower);
    out[k++] = tg_f1(24, w->amb);
    out[k++] = tg_f1(25, p1->amb);
    out[k++] = tg_f1(26, p2->amb);
    out[k++] = tg_f2(27, w->amb, p1->amb);
    out[k++] = tg_f2(28, p1->amb, p2->amb);
    out[k++] = tg_f1(29, m1->amb);
    out[k++] = tg_f2(30, w->suf[2], w->flags);
    out[k++] = tg_f2(31, m1->flags, w->flags);
    out[k++] = tg_f2(32, w->flags, p1->flags);
    out[k++] = tg_f1(33, w->lamb);
    out[k++] = tg_f2(34, w->sent, w->flags);
    out[k++] = tg_f2(35, w->sent, w->amb);
    return k;
}

int dyad_tagger__dyn_feats(const dyad_tagger_tok *toks, int n, int i, int pp1, int pp2,
                           uint64_t *out)
{
    /* Labels enter as label + 2 (0: before the sentence). */
    uint64_t a = (uint64_t)(pp1 + 2), b = (uint64_t)(pp2 + 2);
    const dyad_tagger_tok *w = &toks[i];
    const dyad_tagger_tok *nx = i + 1 < n ? &toks[i + 1] : NULL;
    int k = 0;
    out[k++] = tg_f1(40, a);
    out[k++] = tg_f1(41, b);
    out[k++] = tg_f2(42, a, b);
    out[k++] = tg_f2(43, a, w->lower);
    out[k++] = tg_f2(44, a, w->amb);
    out[k++] = tg_f2(45, a, nx ? nx->amb : 0xE0E0E0E0ULL);
    out[k++] = tg_f2(46, a, w->suf[2]);
    return k;
}

/* ---- model ------------------------------------------------------------ */

struct dyad_tagger {
    unsigned char *buf; /* the whole file; everything below points into it */
    size_t len;
    int huge;           /* buf from dyad_model_mem_read (else malloc'd) */
    uint32_t nlabels, feat_cap;
    dyad_tagger_lex lex;
    const dyad_tagger_slot *feats;
    const dyad_tagger_entry *entries;
    const char **upos, **xpos; /* nlabels each, one malloc'd block */
};

typedef struct header {
    char magic[8];
    uint32_t version, nlabels, lex_cap, feat_cap, nentries, strings_len, reserved[2];
    double scale;
    uint64_t payload, checksum;
} header;

_Static_assert(sizeof(header) == DYAD_TAGGER__HEADER, "header layout");
_Static_assert(sizeof(dyad_tagger_entry) == 4, "entry layout");
_Static_assert(sizeof(dyad_tagger_slot) == 16, "slot layout");

static size_t align8(size_t n) { return (n + 7) & ~(size_t)7; }

size_t dyad_tagger__payload_size(uint32_t lex_cap, uint32_t feat_cap, uint32_t nentries,
                                 uint32_t strings_len, size_t off[5])
{
    size_t o = 0;
    off[0] = o, o = align8(o + (size_t)lex_cap * 8);      /* lex_keys */
    off[1] = o, o = align8(o + (size_t)lex_cap * 8);      /* lex_amb */
    off[2] = o, o = align8(o + (size_t)lex_cap * 4);      /* lex_info */
    off[3] = o, o = align8(o + (size_t)feat_cap * 16);    /* feats */
    off[4] = o, o = align8(o + (size_t)nentries * 4);     /* entries */
    return o + strings_len;                               /* label strings */
}

void dyad_tagger__write_header(void *dst, uint32_t nlabels, uint32_t lex_cap, uint32_t feat_cap,
                               uint32_t nentries, uint32_t strings_len, double scale, const void *payload, size_t payload_len)
{
    header h;
    memset(&h, 0, sizeof h);
    memcpy(h.magic, "DYADTAG", 8);
    h.version = DYAD_TAGGER_VERSION;
    h.nlabels = nlabels;
    h.lex_cap = lex_cap;
    h.feat_cap = feat_cap;
    h.nentries = nentries;
    h.strings_len = strings_len;
    h.scale = scale;
    h.payload = payload_len;
    h.checksum = dyad_tagger__checksum(payload, payload_len);
    memcpy(dst, &h, sizeof h);
}

static int bad(const char *name, const char *why)
{
    return dyad_set_error(DYAD_EPARSE, "%s: not a valid tagger model: %s", name, why);
}

/* Checks the image t->buf[0..len) and sets the pointers. */
static int validate(dyad_tagger *t, const char *name)
{
    header h;
    if (t->len < sizeof h)
        return bad(name, "shorter than the header (truncated?)");
    memcpy(&h, t->buf, sizeof h);
    if (memcmp(h.magic, "DYADTAG", 8) != 0)
        return bad(name, "wrong magic (not a dyad tagger model)");
    if (h.version != DYAD_TAGGER_VERSION)
        return dyad_set_error(DYAD_EPARSE, "%s: tagger model version %u, this program reads %u",
                              name, h.version, DYAD_TAGGER_VERSION);
    if (h.nlabels < 1 || h.nlabels > DYAD_TAGGER_MAX_LABELS)
        return bad(name, "bad label count");
    if (h.reserved[0] != 0 || h.reserved[1] != 0)
        return bad(name, "reserved header field set");
    if (h.lex_cap > (1u << 26) || h.feat_cap < 1 ||
        h.feat_cap > (1u << 28) || h.nentries > (1u << 30) || h.strings_len > (1u << 20))
        return bad(name, "bad section sizes");
    size_t off[5];
    size_t want = dyad_tagger__payload_size(h.lex_cap, h.feat_cap, h.nentries, h.strings_len, off);
    if (h.payload != want)
        return bad(name, "section sizes do not add up");
    if (t->len - sizeof h < want)
        return bad(name, "truncated");
    if (t->len - sizeof h > want)
        return bad(name, "trailing bytes after the model");
    const unsigned char *p = t->buf + sizeof h;
    if (dyad_tagger__checksum(p, want) != h.checksum)
        return bad(name, "checksum mismatch (damaged file)");

    t->nlabels = h.nlabels;
    t->lex.keys = h.lex_cap ? (const uint64_t *)(p + off[0]) : NULL;
    t->lex.amb = (const uint64_t *)(p + off[1]);
    t->lex.info = (const uint32_t *)(p + off[2]);
    t->lex.cap = h.lex_cap;
    t->feats = (const dyad_tagger_slot *)(p + off[3]);
    t->entries = (const dyad_tagger_entry *)(p + off[4]);
    t->feat_cap = h.feat_cap;

    /* Indices and the empty slots that end every probe. */
    uint32_t empty = 0;
    for (uint32_t i = 0; i < h.lex_cap; i++) {
        if (t->lex.keys[i] == 0) {
            empty++;
            continue;
        }
        if ((t->lex.info[i] & 0xFFFF) >= h.nlabels)
            return bad(name, "lexicon label out of range");
    }
    if (h.lex_cap && !empty)
        return bad(name, "lexicon table full");
    empty = 0;
    for (uint32_t i = 0; i < h.feat_cap; i++) {
        if (t->feats[i].key == 0) {
            empty++;
            continue;
        }
        uint64_t s = t->feats[i].start, l = t->feats[i].len;
        if (s + l > h.nentries || l > h.nlabels)
            return bad(name, "feature entries out of range");
    }
    if (!empty)
        return bad(name, "feature table full");
    for (uint32_t i = 0; i < h.nentries; i++)
        if (t->entries[i].label >= h.nlabels)
            return bad(name, "weight label out of range");

    const char *s = (const char *)(p + off[4] + align8((size_t)h.nentries * 4));
    const char *end = s + h.strings_len;
    t->upos = malloc(sizeof(char *) * 2 * h.nlabels);
    if (!t->upos)
        return dyad_set_error(DYAD_ENOMEM, "%s: out of memory", name);
    t->xpos = t->upos + h.nlabels;
    for (uint32_t i = 0; i < 2 * h.nlabels; i++) {
        const char *z = memchr(s, '\0', (size_t)(end - s));
        if (!z || z == s)
            return bad(name, "bad label strings");
        if (i % 2 == 0)
            t->upos[i / 2] = s;
        else
            t->xpos[i / 2] = s;
        s = z + 1;
    }
    if (s != end)
        return bad(name, "bad label strings");
    return 0;
}

int dyad_tagger_load_buffer(dyad_tagger **out, const void *buf, size_t len, const char *name)
{
    if (!out)
        return dyad_set_error(DYAD_EINVAL, "dyad_tagger_load_buffer: NULL argument");
    *out = NULL;
    if (!buf && len)
        return dyad_set_error(DYAD_EINVAL, "dyad_tagger_load_buffer: NULL buffer");
    if (!name)
        name = "tagger model";
    dyad_tagger *t = calloc(1, sizeof *t);
    if (!t)
        return dyad_set_error(DYAD_ENOMEM, "%s: out of memory", name);
    t->buf = malloc(len ? len : 1);
    if (!t->buf) {
        free(t);
        return dyad_set_error(DYAD_ENOMEM, "%s: out of memory", name);
    }
    if (len)
        memcpy(t->buf, buf, len);
    t->len = len;
    int rc = validate(t, name);
    if (rc) {
        dyad_tagger_free(t);
        return rc;
    }
    *out = t;
    return 0;
}

int dyad_tagger_load(dyad_tagger **out, const char *path)
{
    if (!out || !path)
        return dyad_set_error(DYAD_EINVAL, "dyad_tagger_load: NULL argument");
    *out = NULL;
    dyad_tagger *t = calloc(1, sizeof *t);
    if (!t)
        return dyad_set_error(DYAD_ENOMEM, "%s: out of memory", path);
    void *buf = NULL;
    int rc = dyad_model_mem_read(path, "tagger model", 1, (size_t)1 << 32, &buf, &t->len);
    if (rc) {
        free(t);
        return rc;
    }
    t->buf = buf;
    t->huge = 1;
    if ((rc = validate(t, path))) {
        dyad_tagger_free(t);
        return rc;
    }
    *out = t;
    return 0;
}

void dyad_tagger_free(dyad_tagger *t)
{
    if (!t)
        return;
    free(t->upos);
    if (t->huge)
        dyad_model_mem_free(t->buf, t->len);
    else
        free(t->buf);
    free(t);
}

int dyad_tagger_nlabels(const dyad_tagger *t) { return t ? (int)t->nlabels : 0; }

/* ---- tagging ---------------------------------------------------------- */

/* Adds the weights of the keys to scores. Three passes, so that the memory
 * reads of all the keys overlap instead of waiting for one another: the
 * slots are prefetched, then probed (their weights prefetched), then the
 * weights added. */
static void add_scores(const dyad_tagger *t, const uint64_t *keys, int nk, int32_t *scores)
{
    uint32_t idx[DYAD_TAGGER_MAX_FEATS];
    const dyad_tagger_slot *hit[DYAD_TAGGER_MAX_FEATS];
    int nh = 0;
    for (int j = 0; j < nk; j++) {
        idx[j] = tg_slot(keys[j], t->feat_cap);
        __builtin_prefetch(&t->feats[idx[j]]);
    }
    for (int j = 0; j < nk; j++) {
        uint64_t key = keys[j];
        uint32_t i = idx[j];
        for (;;) {
            const dyad_tagger_slot *sl = &t->feats[i];
            uint64_t k = sl->key;
            if (k == key) {
                __builtin_prefetch(t->entries + sl->start);
                hit[nh++] = sl;
                break;
            }
            if (k == 0)
                break;
            if (++i == t->feat_cap)
                i = 0;
        }
    }
    for (int j = 0; j < nh; j++) {
        const dyad_tagger_entry *e = t->entries + hit[j]->start;
        for (uint32_t m = hit[j]->len; m; m--, e++)
            scores[e->label] += e->weight;
    }
}

static int best(const int32_t *scores, uint32_t n)
{
    uint32_t b = 0;
    for (uint32_t i = 1; i < n; i++)
        if (scores[i] > scores[b])
            b = i;
    return (int)b;
}

int dyad_tagger__tag_ids(const dyad_tagger *t, const char *const *words, int n, int *labels)
{
    dyad_tagger_tok stoks[256];
    dyad_tagger_tok *toks = stoks;
    if (n > 256 && !(toks = malloc(sizeof *toks * (size_t)n)))
        return dyad_set_error(DYAD_ENOMEM, "tagger: out of memory (%d words)", n);
    dyad_tagger__tokens(&t->lex, words, n, toks);
    uint64_t keys[DYAD_TAGGER_MAX_FEATS];
    int32_t scores[DYAD_TAGGER_MAX_LABELS];
    int p1 = -2, p2 = -2;
    for (int i = 0; i < n; i++) {
        int lab = toks[i].dict;
        if (lab < 0) {
            int nk = dyad_tagger__static_feats(toks, n, i, keys);
            nk += dyad_tagger__dyn_feats(toks, n, i, p1, p2, keys + nk);
            memset(scores, 0, sizeof(int32_t) * t->nlabels);
            add_scores(t, keys, nk, scores);
            lab = best(scores, t->nlabels);
        }
        labels[i] = lab;
        p2 = p1;
        p1 = lab;
    }
    if (toks != stoks)
        free(toks);
    return 0;
}

int dyad_tagger_tag(const dyad_tagger *t, const char *const *words, int n, const char **upos,
                    const char **xpos)
{
    if (!t || n < 0 || (n > 0 && (!words || !upos || !xpos)))
        return dyad_set_error(DYAD_EINVAL, "dyad_tagger_tag: bad arguments");
    for (int i = 0; i < n; i++)
        if (!words[i])
            return dyad_set_error(DYAD_EINVAL, "dyad_tagger_tag: word %d is NULL", i);
    int slab[256];
    int *labels = n > 256 ? malloc(sizeof *labels * (size_t)n) : slab;
    if (!labels)
        return dyad_set_error(DYAD_ENOMEM, "tagger: out of memory (%d words)", n);
    int rc = dyad_tagger__tag_ids(t, words, n, labels);
    if (!rc)
        for (int i = 0; i < n; i++) {
            upos[i] = t->upos[labels[i]];
            xpos[i] = t->xpos[labels[i]];
        }
    if (labels != slab)
        free(labels);
    return rc;
}
