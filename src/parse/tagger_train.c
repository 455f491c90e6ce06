/* tagger_train.c: training of the part-of-speech tagger (see tagger.h and the
 * feature description in tagger.c).
 *
 * 1. The training file is read with the CoNLL-U reader; every distinct
 *    (UPOS, XPOS) pair becomes a label, numbered in order of first appearance.
 * 2. The lexicon: for every form and lower-cased form seen at least LEX_MIN
 *    times, its ambiguity class (the labels it has at least 5% of the time)
 *    and most frequent label; forms seen at least DICT_MIN times with one label
 *    DICT_SHARE of the time are tagged from the lexicon without scoring.
 *    Rarer words get the "unknown" class, in training as in use, so the
 *    weights learnt for that class fit unseen words.
 * 3. Averaged perceptron: each sentence (in an order shuffled per iteration
 *    by the seed) is tagged greedily with the current weights, the labels
 *    chosen (right or wrong) becoming the next words' history as they will
 *    when tagging, and every wrong label updates the weights. Weights are
 *    integers and averaged lazily (sum of weight x time, with the time of the
 *    last change), so training is exact and deterministic. Static features
 *    seen fewer than FEAT_MIN times in the training data are left out (rare
 *    words then train the weights that unseen words need).
 *    MIX_RUNS such runs, each with its own shuffles, are made and their
 *    averaged weights averaged again (parameter mixing, McDonald et al. 2010):
 *    about +0.1 point over one run on EWT dev, at a third more features.
 * 4. The averaged weights are scaled to 16-bit integers (one scale for the
 *    model), zero weights and features left without weights dropped, and the
 *    model image is built (layout in tagger.c). The dev file, if given, is
 *    tagged with the model of each iteration of each run, and with the
 *    mixed one.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "parse/conllu.h"
#include "parse/tagger.h"
#include "util/util.h"

#define LEX_MIN 3
#define AMB_SHARE 20 /* a label is in the class when it has 1/AMB_SHARE of the uses */
#define DICT_MIN 20
#define DICT_SHARE 0.97
#define FEAT_MIN 2
#define MIX_RUNS 3 /* training runs (shuffles) whose averaged weights are averaged */
#define MIX_SCALE 1024.0

/* ---- corpus ------------------------------------------------------------ */

typedef struct corpus {
    dyad_buf text;              /* NUL-terminated strings */
    uint32_t *form, *upos, *xpos; /* offsets into text, per token */
    int *label;                 /* per token; -1: a pair unknown to the model */
    size_t ntok, tcap;
    uint32_t *sent; /* first token of each sentence; sent[nsent] = ntok */
    size_t nsent, scap;
} corpus;

static void corpus_free(corpus *c)
{
    dyad_buf_free(&c->text);
    free(c->form);
    free(c->upos);
    free(c->xpos);
    free(c->label);
    free(c->sent);
    memset(c, 0, sizeof *c);
}

static int put_string(corpus *c, const char *s, uint32_t *off)
{
    if (c->text.len > 0xF0000000u)
        return dyad_set_error(DYAD_ELIMIT, "tagger: training text too large");
    *off = (uint32_t)c->text.len;
    return dyad_buf_append(&c->text, s, strlen(s) + 1) ? DYAD_ENOMEM : 0;
}

typedef struct logsink {
    FILE *log;
} logsink;

static void diag_to_log(void *user, dyad_diag_level lvl, const char *file, long line,
                        const char *msg)
{
    logsink *l = user;
    FILE *f = l->log ? l->log : stderr;
    const char *what = lvl == DYAD_DIAG_ERROR ? "error" : "warning";
    if (line > 0)
        fprintf(f, "%s:%ld: %s: %s\n", file ? file : "-", line, what, msg);
    else
        fprintf(f, "%s: %s: %s\n", file ? file : "-", what, msg);
}

static int read_corpus(corpus *c, const char *path, FILE *log)
{
    char *s;
    size_t n;
    int rc = dyad_read_file(path, &s, &n);
    if (rc)
        return rc;
    dyad_arena *a = dyad_arena_new();
    c->sent = malloc(sizeof *c->sent * 1024);
    c->scap = 1024;
    if (!a || !c->sent) {
        free(s);
        dyad_arena_free(a);
        return dyad_set_error(DYAD_ENOMEM, "tagger: out of memory");
    }
    logsink ls = {log};
    dyad_diag d = {diag_to_log, &ls, 0, 0};
    size_t pos = 0, start, len;
    long line = 1, first;
    while (!rc && dyad_conllu_next_block(s, n, &pos, &line, &start, &len, &first)) {
        dyad_conllu_sent *st;
        dyad_arena_reset(a);
        if (dyad_conllu_read(&st, a, s + start, len, &d, path, first) != 0)
            continue; /* reported through d */
        if (c->nsent + 2 > c->scap) {
            uint32_t *p = realloc(c->sent, sizeof *p * c->scap * 2);
            if (!p) {
                rc = DYAD_ENOMEM;
                break;
            }
            c->sent = p, c->scap *= 2;
        }
        if (c->ntok + (size_t)st->nwords > c->tcap) {
            size_t cap = c->tcap ? c->tcap * 2 : 65536;
            while (cap < c->ntok + (size_t)st->nwords)
                cap *= 2;
            uint32_t *f = realloc(c->form, sizeof *f * cap);
            if (f)
                c->form = f;
            uint32_t *u = realloc(c->upos, sizeof *u * cap);
            if (u)
                c->upos = u;
            uint32_t *x = realloc(c->xpos, sizeof *x * cap);
            if (x)
                c->xpos = x;
            int *l = realloc(c->label, sizeof *l * cap);
            if (l)
                c->label = l;
            if (!f || !u || !x || !l) {
                rc = DYAD_ENOMEM;
                break;
            }
            c->tcap = cap;
        }
        c->sent[c->nsent++] = (uint32_t)c->ntok;
        for (int i = 0; i < st->nwords && !rc; i++) {
            size_t k = c->ntok++;
            c->label[k] = -1;
            rc = put_string(c, st->words[i].form, &c->form[k]);
            if (!rc)
                rc = put_string(c, st->words[i].upos, &c->upos[k]);
            if (!rc)
                rc = put_string(c, st->words[i].xpos, &c->xpos[k]);
        }
    }
    free(s);
    dyad_arena_free(a);
    if (rc == DYAD_ENOMEM)
        return dyad_set_error(DYAD_ENOMEM, "tagger: out of memory reading %s", path);
    if (rc)
        return rc;
    c->sent[c->nsent] = (uint32_t)c->ntok;
    return 0;
}

/* ---- labels ------------------------------------------------------------- */

typedef struct labels {
    int n;
    uint64_t hash[DYAD_TAGGER_MAX_LABELS];
    const char *upos[DYAD_TAGGER_MAX_LABELS], *xpos[DYAD_TAGGER_MAX_LABELS];
} labels;

static uint64_t pair_hash(const char *u, const char *x)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (const char *p = u; *p; p++)
        h = (h ^ (unsigned char)*p) * 0x100000001b3ULL;
    h = (h ^ 0xFF) * 0x100000001b3ULL;
    for (const char *p = x; *p; p++)
        h = (h ^ (unsigned char)*p) * 0x100000001b3ULL;
    return h;
}

/* The label of (u, x); adds it when add is set. -1 when absent (or full). */
static int label_of(labels *L, const char *u, const char *x, int add)
{
    uint64_t h = pair_hash(u, x);
    for (int i = 0; i < L->n; i++)
        if (L->hash[i] == h && strcmp(L->upos[i], u) == 0 && strcmp(L->xpos[i], x) == 0)
            return i;
    if (!add || L->n >= DYAD_TAGGER_MAX_LABELS)
        return -1;
    L->hash[L->n] = h;
    L->upos[L->n] = u;
    L->xpos[L->n] = x;
    return L->n++;
}

/* ---- lexicon ------------------------------------------------------------ */

typedef struct lexpair {
    uint64_t key;
    uint32_t label, exact;
} lexpair;

static int cmp_lexpair(const void *a, const void *b)
{
    const lexpair *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return (x->label > y->label) - (x->label < y->label);
}

typedef struct lexbuild {
    uint64_t *keys, *amb;
    uint32_t *info;
    uint32_t cap;
} lexbuild;

static int build_lexicon(lexbuild *lb, const corpus *c, int nlabels)
{
    lexpair *p = malloc(sizeof *p * (c->ntok * 2 + 1));
    uint32_t *cnt = calloc((size_t)nlabels, sizeof *cnt);
    if (!p || !cnt) {
        free(p);
        free(cnt);
        return DYAD_ENOMEM;
    }
    size_t np = 0;
    for (size_t i = 0; i < c->ntok; i++) {
        uint64_t fk, lk;
        dyad_tagger__word_keys(c->text.data + c->form[i], &fk, &lk);
        p[np++] = (lexpair){fk, (uint32_t)c->label[i], 1};
        p[np++] = (lexpair){lk, (uint32_t)c->label[i], 0};
    }
    qsort(p, np, sizeof *p, cmp_lexpair);
    size_t nkeys = 0;
    for (size_t i = 0, j; i < np; i = j) {
        for (j = i; j < np && p[j].key == p[i].key; j++)
            ;
        if (j - i >= LEX_MIN)
            nkeys++;
    }
    uint32_t cap = (uint32_t)(nkeys * 4 / 3 + 16);
    lb->cap = cap;
    lb->keys = calloc(cap, sizeof *lb->keys);
    lb->amb = calloc(cap, sizeof *lb->amb);
    lb->info = calloc(cap, sizeof *lb->info);
    if (!lb->keys || !lb->amb || !lb->info) {
        free(p);
        free(cnt);
        return DYAD_ENOMEM;
    }
    for (size_t i = 0, j; i < np; i = j) {
        for (j = i; j < np && p[j].key == p[i].key; j++)
            ;
        size_t total = j - i;
        if (total < LEX_MIN)
            continue;
        memset(cnt, 0, sizeof *cnt * (size_t)nlabels);
        for (size_t k = i; k < j; k++)
            cnt[p[k].label]++;
        uint64_t amb = 0x3C3C3C3CULL;
        int mft = 0;
        for (int l = 0; l < nlabels; l++) {
            if (cnt[l] > cnt[mft])
                mft = l;
            if (cnt[l] * AMB_SHARE >= total)
                amb = tg_mix(amb ^ (uint64_t)(l + 1));
        }
        uint32_t info = (uint32_t)mft;
        if (p[i].exact && total >= DICT_MIN && cnt[mft] >= DICT_SHARE * (double)total)
            info |= TG_LEX_UNAMBIGUOUS;
        uint32_t s = tg_slot(p[i].key, cap);
        while (lb->keys[s])
            s = s + 1 == cap ? 0 : s + 1;
        lb->keys[s] = p[i].key;
        lb->amb[s] = amb;
        lb->info[s] = info;
    }
    free(p);
    free(cnt);
    return 0;
}

static void lexbuild_free(lexbuild *lb)
{
    free(lb->keys);
    free(lb->amb);
    free(lb->info);
}

/* ---- weights ------------------------------------------------------------ */

typedef struct tentry {
    int64_t tot;  /* sum of weight x time up to ts */
    int32_t w;
    uint32_t ts;
    uint32_t label;
} tentry;

typedef struct trainer {
    uint64_t *keys; /* open-addressed, 0 empty */
    uint32_t *fid;
    uint32_t cap, nfeat, fcap;
    uint32_t *start;
    uint16_t *len, *ecap;
    tentry *pool;
    size_t npool, pcap;
    uint32_t now;
} trainer;

static void trainer_free(trainer *t)
{
    free(t->keys);
    free(t->fid);
    free(t->start);
    free(t->len);
    free(t->ecap);
    free(t->pool);
}

static int64_t find_feat(const trainer *t, uint64_t key)
{
    uint32_t i = (uint32_t)key & (t->cap - 1);
    for (;;) {
        if (t->keys[i] == key)
            return t->fid[i];
        if (t->keys[i] == 0)
            return -1;
        i = (i + 1) & (t->cap - 1);
    }
}

static int grow_table(trainer *t)
{
    uint32_t cap = t->cap ? t->cap * 2 : 1u << 16;
    uint64_t *k = calloc(cap, sizeof *k);
    uint32_t *f = malloc(sizeof *f * cap);
    if (!k || !f) {
        free(k);
        free(f);
        return DYAD_ENOMEM;
    }
    for (uint32_t i = 0; i < t->cap; i++) {
        if (!t->keys[i])
            continue;
        uint32_t s = (uint32_t)t->keys[i] & (cap - 1);
        while (k[s])
            s = (s + 1) & (cap - 1);
        k[s] = t->keys[i];
        f[s] = t->fid[i];
    }
    free(t->keys);
    free(t->fid);
    t->keys = k, t->fid = f, t->cap = cap;
    return 0;
}

/* The feature id of key, created when absent; -1 on out of memory. */
static int64_t add_feat(trainer *t, uint64_t key)
{
    int64_t id = t->cap ? find_feat(t, key) : -1;
    if (id >= 0)
        return id;
    if ((uint64_t)(t->nfeat + 1) * 2 > t->cap && grow_table(t))
        return -1;
    if (t->nfeat == t->fcap) {
        uint32_t fc = t->fcap ? t->fcap * 2 : 1u << 15;
        uint32_t *s = realloc(t->start, sizeof *s * fc);
        if (s)
            t->start = s;
        uint16_t *l = realloc(t->len, sizeof *l * fc);
        if (l)
            t->len = l;
        uint16_t *e = realloc(t->ecap, sizeof *e * fc);
        if (e)
            t->ecap = e;
        if (!s || !l || !e)
            return -1;
        t->fcap = fc;
    }
    uint32_t i = (uint32_t)key & (t->cap - 1);
    while (t->keys[i])
        i = (i + 1) & (t->cap - 1);
    t->keys[i] = key;
    t->fid[i] = t->nfeat;
    t->start[t->nfeat] = 0;
    t->len[t->nfeat] = 0;
    t->ecap[t->nfeat] = 0;
    return t->nfeat++;
}

static void score_train(const trainer *t, const uint64_t *keys, int nk, int64_t *scores, int nl)
{
    memset(scores, 0, sizeof *scores * (size_t)nl);
    if (!t->cap)
        return;
    for (int j = 0; j < nk; j++) {
        if (!keys[j])
            continue;
        int64_t id = find_feat(t, keys[j]);
        if (id < 0)
            continue;
        const tentry *e = t->pool + t->start[id];
        for (uint32_t m = t->len[id]; m; m--, e++)
            scores[e->label] += e->w;
    }
}

/* The entry of (key, label), created (weight 0, time now) when absent; NULL
 * on out of memory. */
static tentry *entry_of(trainer *t, uint64_t key, int label)
{
    int64_t id = add_feat(t, key);
    if (id < 0)
        return NULL;
    tentry *e = t->pool + t->start[id];
    uint32_t m = 0, n = t->len[id];
    while (m < n && e[m].label != (uint32_t)label)
        m++;
    if (m < n)
        return &e[m];
    if (n == t->ecap[id]) { /* move the feature's entries to a larger block */
        size_t c = n ? (size_t)n * 2 : 2;
        if (c > DYAD_TAGGER_MAX_LABELS)
            c = DYAD_TAGGER_MAX_LABELS;
        if (t->npool + c > t->pcap) {
            size_t pc = t->pcap ? t->pcap * 2 : 1u << 20;
            while (pc < t->npool + c)
                pc *= 2;
            tentry *p = realloc(t->pool, sizeof *p * pc);
            if (!p)
                return NULL;
            t->pool = p, t->pcap = pc;
        }
        memcpy(t->pool + t->npool, t->pool + t->start[id], sizeof(tentry) * n);
        t->start[id] = (uint32_t)t->npool;
        t->npool += c;
        t->ecap[id] = (uint16_t)c;
    }
    e = t->pool + t->start[id];
    e[m] = (tentry){0, 0, t->now, (uint32_t)label};
    t->len[id]++;
    return &e[m];
}

static int update(trainer *t, const uint64_t *keys, int nk, int label, int delta)
{
    for (int j = 0; j < nk; j++) {
        if (!keys[j])
            continue;
        tentry *e = entry_of(t, keys[j], label);
        if (!e)
            return DYAD_ENOMEM;
        e->tot += (int64_t)(t->now - e->ts) * e->w;
        e->ts = t->now;
        e->w += delta;
    }
    return 0;
}

static double avg_weight(const trainer *t, const tentry *e)
{
    double now = t->now ? (double)t->now : 1.0;
    return ((double)e->tot + (double)(t->now - e->ts) * e->w) / now;
}

/* Adds the averaged weights of t, times MIX_SCALE / MIX_RUNS, to the plain
 * weights of m (whose time stays 0: see mix_done). */
static int mix_into(trainer *m, const trainer *t)
{
    for (uint32_t i = 0; i < t->cap; i++) {
        if (!t->keys[i])
            continue;
        uint32_t f = t->fid[i];
        const tentry *e = t->pool + t->start[f];
        for (uint32_t k = 0; k < t->len[f]; k++) {
            long w = lrint(avg_weight(t, &e[k]) * MIX_SCALE / MIX_RUNS);
            if (!w)
                continue;
            tentry *me = entry_of(m, t->keys[i], (int)e[k].label);
            if (!me)
                return DYAD_ENOMEM;
            me->w += (int32_t)w;
        }
    }
    return 0;
}

/* After mixing: time 1 with every entry last changed at 0, so that the
 * averaged weight of each entry is its plain weight. */
static void mix_done(trainer *m)
{
    m->now = 1;
    for (size_t i = 0; i < m->npool; i++)
        m->pool[i].ts = 0, m->pool[i].tot = 0;
}

/* ---- model image -------------------------------------------------------- */

/* Builds the model file image from the averaged weights: *out (malloc'd) of
 * *outlen bytes, *nfeat_out features kept (those with a non-zero weight). */
static int build_image(const trainer *t, const lexbuild *lb, const labels *L,
                       unsigned char **out, size_t *outlen, uint32_t *nfeat_out)
{
    double maxabs = 0;
    for (uint32_t f = 0; f < t->nfeat; f++) {
        const tentry *e = t->pool + t->start[f];
        for (uint32_t m = 0; m < t->len[f]; m++)
            if (fabs(avg_weight(t, &e[m])) > maxabs)
                maxabs = fabs(avg_weight(t, &e[m]));
    }
    double scale = maxabs > 0 ? maxabs / 32767.0 : 1.0;
    /* Count what survives quantisation. */
    uint32_t nkept = 0;
    size_t nent = 0;
    for (uint32_t f = 0; f < t->nfeat; f++) {
        const tentry *e = t->pool + t->start[f];
        uint32_t k = 0;
        for (uint32_t m = 0; m < t->len[f]; m++)
            if (lrint(avg_weight(t, &e[m]) / scale) != 0)
                k++;
        if (k) {
            nkept++;
            nent += k;
        }
    }
    uint32_t fcap = (uint32_t)((uint64_t)nkept * 4 / 3 + 16);
    uint32_t slen = 0;
    for (int i = 0; i < L->n; i++)
        slen += (uint32_t)(strlen(L->upos[i]) + strlen(L->xpos[i]) + 2);
    size_t off[5];
    size_t plen = dyad_tagger__payload_size(lb->cap, fcap, (uint32_t)nent, slen, off);
    unsigned char *img = calloc(1, DYAD_TAGGER__HEADER + plen);
    uint64_t *keyof = malloc(sizeof *keyof * (t->nfeat ? t->nfeat : 1));
    if (!img || !keyof) {
        free(img);
        free(keyof);
        return DYAD_ENOMEM;
    }
    unsigned char *p = img + DYAD_TAGGER__HEADER;
    memcpy(p + off[0], lb->keys, (size_t)lb->cap * 8);
    memcpy(p + off[1], lb->amb, (size_t)lb->cap * 8);
    memcpy(p + off[2], lb->info, (size_t)lb->cap * 4);
    dyad_tagger_slot *fk = (dyad_tagger_slot *)(p + off[3]);
    dyad_tagger_entry *ent = (dyad_tagger_entry *)(p + off[4]);
    for (uint32_t i = 0; i < t->cap; i++)
        if (t->keys[i])
            keyof[t->fid[i]] = t->keys[i];
    uint32_t ne = 0;
    for (uint32_t f = 0; f < t->nfeat; f++) {
        const tentry *e = t->pool + t->start[f];
        uint32_t first = ne;
        for (uint32_t m = 0; m < t->len[f]; m++) {
            long q = lrint(avg_weight(t, &e[m]) / scale);
            if (q != 0)
                ent[ne++] = (dyad_tagger_entry){(uint16_t)e[m].label, (int16_t)q};
        }
        if (ne == first)
            continue;
        uint32_t s = tg_slot(keyof[f], fcap);
        while (fk[s].key)
            s = s + 1 == fcap ? 0 : s + 1;
        fk[s].key = keyof[f];
        fk[s].start = first;
        fk[s].len = (uint16_t)(ne - first);
    }
    free(keyof);
    char *str = (char *)(p + off[4] + (((size_t)nent * 4 + 7) & ~(size_t)7));
    for (int i = 0; i < L->n; i++) {
        size_t a = strlen(L->upos[i]) + 1, b = strlen(L->xpos[i]) + 1;
        memcpy(str, L->upos[i], a);
        memcpy(str + a, L->xpos[i], b);
        str += a + b;
    }
    dyad_tagger__write_header(img, (uint32_t)L->n, lb->cap, fcap, (uint32_t)nent, slen, scale, p,
                              plen);
    *out = img;
    *outlen = DYAD_TAGGER__HEADER + plen;
    *nfeat_out = nkept;
    return 0;
}

/* ---- evaluation ---------------------------------------------------------- */

static int evaluate(const dyad_tagger *m, const corpus *c, double *upos_acc, double *xpos_acc)
{
    size_t maxn = 0;
    for (size_t s = 0; s < c->nsent; s++)
        if (c->sent[s + 1] - c->sent[s] > maxn)
            maxn = c->sent[s + 1] - c->sent[s];
    const char **w = malloc(sizeof *w * (maxn + 1) * 3);
    if (!w)
        return DYAD_ENOMEM;
    const char **u = w + maxn + 1, **x = u + maxn + 1;
    size_t ok_u = 0, ok_x = 0;
    for (size_t s = 0; s < c->nsent; s++) {
        uint32_t a = c->sent[s], n = c->sent[s + 1] - a;
        for (uint32_t i = 0; i < n; i++)
            w[i] = c->text.data + c->form[a + i];
        int rc = dyad_tagger_tag(m, w, (int)n, u, x);
        if (rc) {
            free(w);
            return rc;
        }
        for (uint32_t i = 0; i < n; i++) {
            ok_u += strcmp(u[i], c->text.data + c->upos[a + i]) == 0;
            ok_x += strcmp(x[i], c->text.data + c->xpos[a + i]) == 0;
        }
    }
    free(w);
    *upos_acc = c->ntok ? 100.0 * (double)ok_u / (double)c->ntok : 0;
    *xpos_acc = c->ntok ? 100.0 * (double)ok_x / (double)c->ntok : 0;
    return 0;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* Sets the keys that occur fewer than FEAT_MIN times to 0 (not a feature). */
static int prune_rare(uint64_t *keys, size_t n)
{
    if (FEAT_MIN <= 1)
        return 0;
    uint64_t *s = malloc(sizeof *s * (n ? n : 1));
    if (!s)
        return DYAD_ENOMEM;
    memcpy(s, keys, sizeof *s * n);
    qsort(s, n, sizeof *s, cmp_u64);
    /* Keep the frequent keys in s[0..m). */
    size_t m = 0;
    for (size_t i = 0, j; i < n; i = j) {
        for (j = i; j < n && s[j] == s[i]; j++)
            ;
        if (j - i >= (size_t)FEAT_MIN)
            s[m++] = s[i];
    }
    for (size_t i = 0; i < n; i++)
        if (!bsearch(&keys[i], s, m, sizeof *s, cmp_u64))
            keys[i] = 0;
    free(s);
    return 0;
}

/* ---- training ------------------------------------------------------------ */

static uint64_t rng_next(uint64_t *s)
{
    uint64_t x = *s;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    *s = x;
    return x * 0x2545F4914F6CDD1DULL;
}

static int write_file(const char *path, const void *p, size_t n)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return dyad_set_error(DYAD_EIO, "%s: cannot create: %s", path, strerror(errno));
    size_t w = fwrite(p, 1, n, f);
    int bad = w != n || ferror(f);
    if (fclose(f) != 0)
        bad = 1;
    if (bad) {
        remove(path);
        return dyad_set_error(DYAD_EIO, "%s: write error", path);
    }
    return 0;
}

/* What the training iterations share. */
typedef struct tctx {
    const corpus *tr;
    const labels *L;
    const lexbuild *lb;
    const dyad_tagger_tok *toks;
    const uint64_t *statf; /* ns static keys per token (0: left out) */
    int ns;
    uint64_t rng;
    FILE *log;
    const corpus *dev; /* NULL: none */
} tctx;

/* One iteration over the training sentences (order shuffled): each sentence
 * is tagged greedily left to right with the current weights, the labels
 * chosen (right or wrong) becoming the next words' history as they will when
 * tagging, and every wrong label updates the weights. */
static int train_epoch(trainer *t, tctx *c, uint32_t *sents, size_t nsents, double *acc)
{
    for (size_t s = nsents; s > 1; s--) {
        size_t j = (size_t)(rng_next(&c->rng) % s);
        uint32_t tmp = sents[s - 1];
        sents[s - 1] = sents[j];
        sents[j] = tmp;
    }
    uint64_t keys[DYAD_TAGGER_MAX_FEATS];
    int64_t scores[DYAD_TAGGER_MAX_LABELS];
    size_t correct = 0, seen = 0;
    const int nl = c->L->n, ns = c->ns;
    for (size_t oi = 0; oi < nsents; oi++) {
        uint32_t a = c->tr->sent[sents[oi]], n = c->tr->sent[sents[oi] + 1] - a;
        int p1 = -2, p2 = -2;
        for (uint32_t i = 0; i < n; i++) {
            int gold = c->tr->label[a + i], guess = c->toks[a + i].dict;
            if (guess < 0) {
                memcpy(keys, c->statf + (size_t)(a + i) * ns, sizeof *keys * (size_t)ns);
                int nk = ns + dyad_tagger__dyn_feats(c->toks + a, (int)n, (int)i, p1, p2,
                                                     keys + ns);
                score_train(t, keys, nk, scores, nl);
                guess = 0;
                for (int l = 1; l < nl; l++)
                    if (scores[l] > scores[guess])
                        guess = l;
                t->now++;
                if (guess != gold) {
                    int rc = update(t, keys, nk, gold, 1);
                    if (!rc)
                        rc = update(t, keys, nk, guess, -1);
                    if (rc)
                        return rc;
                }
                correct += guess == gold;
                seen++;
            }
            p2 = p1;
            p1 = guess;
        }
    }
    *acc = seen ? 100.0 * (double)correct / (double)seen : 0;
    return 0;
}

/* Logs a line "tagger: <what>[: train <acc>%]" with the dev accuracy of the
 * model t when there is a dev set (acc < 0: no training accuracy). */
static int log_iteration(const trainer *t, const tctx *c, const char *what, double acc)
{
    fprintf(c->log, "tagger: %s", what);
    if (acc >= 0)
        fprintf(c->log, ": train %.2f%%", acc);
    if (c->dev && c->dev->ntok) {
        unsigned char *img;
        size_t len;
        uint32_t nf;
        dyad_tagger *m;
        double ua, xa;
        int rc = build_image(t, c->lb, c->L, &img, &len, &nf);
        if (rc)
            return rc;
        rc = dyad_tagger_load_buffer(&m, img, len, "trained tagger");
        free(img);
        if (!rc) {
            rc = evaluate(m, c->dev, &ua, &xa);
            dyad_tagger_free(m);
        }
        if (rc)
            return rc;
        fprintf(c->log, ", %u features, %.1f MB, dev UPOS %.2f XPOS %.2f", nf,
                (double)len / 1e6, ua, xa);
    }
    fprintf(c->log, "\n");
    fflush(c->log);
    return 0;
}

int dyad_tagger_train(const char *train_conllu, const char *dev_conllu, const char *out_path,
                      int iterations, unsigned seed, FILE *log)
{
    if (!train_conllu || !out_path)
        return dyad_set_error(DYAD_EINVAL, "dyad_tagger_train: NULL file name");
    if (iterations <= 0)
        iterations = 10;
    corpus tr = {0}, dev = {0};
    labels *L = calloc(1, sizeof *L);
    lexbuild lb = {0};
    trainer t = {0};
    dyad_tagger_tok *toks = NULL;
    uint64_t *statf = NULL;
    uint32_t *order = NULL;
    const char **w = NULL;
    unsigned char *img = NULL;
    size_t imglen = 0;
    int rc = L ? 0 : DYAD_ENOMEM;
    if (!rc)
        rc = read_corpus(&tr, train_conllu, log);
    if (!rc && dev_conllu)
        rc = read_corpus(&dev, dev_conllu, log);
    if (rc)
        goto done;
    if (tr.ntok == 0) {
        rc = dyad_set_error(DYAD_EPARSE, "%s: no usable sentence for training the tagger",
                            train_conllu);
        goto done;
    }
    for (size_t i = 0; i < tr.ntok; i++) {
        tr.label[i] = label_of(L, tr.text.data + tr.upos[i], tr.text.data + tr.xpos[i], 1);
        if (tr.label[i] < 0) {
            rc = dyad_set_error(DYAD_ELIMIT, "%s: more than %d distinct UPOS/XPOS pairs",
                                train_conllu, DYAD_TAGGER_MAX_LABELS);
            goto done;
        }
    }
    rc = build_lexicon(&lb, &tr, L->n);
    if (rc)
        goto done;
    dyad_tagger_lex lex = {lb.keys, lb.amb, lb.info, lb.cap};

    /* Token records and static features of every training word. */
    toks = malloc(sizeof *toks * tr.ntok);
    order = malloc(sizeof *order * (tr.nsent + 1));
    w = malloc(sizeof *w * (tr.ntok + 1));
    int ns = 0;
    if (toks && order && w) {
        for (size_t i = 0; i < tr.ntok; i++)
            w[i] = tr.text.data + tr.form[i];
        for (size_t s = 0; s < tr.nsent; s++)
            dyad_tagger__tokens(&lex, w + tr.sent[s], (int)(tr.sent[s + 1] - tr.sent[s]),
                                toks + tr.sent[s]);
        uint64_t tmp[DYAD_TAGGER_MAX_FEATS];
        ns = dyad_tagger__static_feats(toks, 1, 0, tmp);
        statf = malloc(sizeof *statf * tr.ntok * (size_t)ns);
    }
    if (!statf) {
        rc = DYAD_ENOMEM;
        goto done;
    }
    for (size_t s = 0; s < tr.nsent; s++) {
        uint32_t a = tr.sent[s], n = tr.sent[s + 1] - a;
        for (uint32_t i = 0; i < n; i++)
            dyad_tagger__static_feats(toks + a, (int)n, (int)i, statf + (size_t)(a + i) * ns);
    }
    rc = prune_rare(statf, tr.ntok * (size_t)ns);
    if (rc)
        goto done;
    for (size_t s = 0; s < tr.nsent; s++)
        order[s] = (uint32_t)s;
    if (log)
        fprintf(log, "tagger: %zu sentences, %zu words, %d labels, lexicon %u slots\n",
                tr.nsent, tr.ntok, L->n, lb.cap);
    tctx c = {&tr, L, &lb, toks, statf, ns, 0, log, dev_conllu ? &dev : NULL};
    for (int r = 0; r < MIX_RUNS && !rc; r++) {
        trainer tr1 = {0};
        for (size_t s = 0; s < tr.nsent; s++)
            order[s] = (uint32_t)s;
        c.rng = (((uint64_t)seed * MIX_RUNS + (uint64_t)r + 1) * 0x9E3779B97F4A7C15ULL) | 1;
        for (int it = 1; it <= iterations && !rc; it++) {
            double acc;
            rc = train_epoch(&tr1, &c, order, tr.nsent, &acc);
            if (!rc && log && (c.dev || it == iterations)) {
                char what[64];
                snprintf(what, sizeof what, "run %d, iteration %d", r + 1, it);
                rc = log_iteration(&tr1, &c, what, acc);
            }
        }
        if (!rc)
            rc = mix_into(&t, &tr1);
        trainer_free(&tr1);
    }
    mix_done(&t);
    if (!rc && log && MIX_RUNS > 1)
        rc = log_iteration(&t, &c, "mean of the runs", -1);
    uint32_t nfeat;
    if (!rc)
        rc = build_image(&t, &lb, L, &img, &imglen, &nfeat);
    if (!rc && log)
        fprintf(log, "tagger: %u features, model %zu bytes\n", nfeat, imglen);
    if (!rc)
        rc = write_file(out_path, img, imglen);
done:
    if (rc == DYAD_ENOMEM)
        dyad_set_error(DYAD_ENOMEM, "tagger training: out of memory");
    free(img);
    free(statf);
    free(order);
    free(w);
    free(toks);
    trainer_free(&t);
    lexbuild_free(&lb);
    free(L);
    corpus_free(&tr);
    corpus_free(&dev);
    return rc;
}
