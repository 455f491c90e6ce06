/* depparse_train.c: training the dependency parser (depparse.h): an averaged
 * perceptron over the arc-hybrid transitions with the dynamic oracle of
 * Goldberg & Nivre (2013), followed by averaging, quantisation and the model
 * file. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dyad.h"
#include "parse/conllu.h"
#include "parse/depparse_internal.h"
#include "parse/tagger.h"
#include "util/util.h"

/* ---- corpus ------------------------------------------------------------ */

typedef struct tr_sent {
    int n;
    const char **form, **upos, **xpos;
    const char **rel;  /* gold relation names */
    int *head;         /* gold heads, the root as n */
    int *label;        /* gold relation ids (-1: not in the training relations) */
    dp_tok *toks;      /* n + 1 */
} tr_sent;

typedef struct tr_corpus {
    dyad_arena *a;
    tr_sent *s;
    int n, cap;
    long words, skipped;
} tr_corpus;

typedef struct tr_labels {
    char *names[DP_MAX_LABELS];
    int n;
} tr_labels;

static void log_diag(void *user, dyad_diag_level lvl, const char *file, long line,
                     const char *msg)
{
    FILE *log = user;
    if (log)
        fprintf(log, "%s:%ld: %s: %s\n", file ? file : "", line,
                lvl == DYAD_DIAG_ERROR ? "error" : "warning", msg);
}

static int label_id(tr_labels *L, const char *name, int add)
{
    for (int i = 0; i < L->n; i++)
        if (!strcmp(L->names[i], name))
            return i;
    if (!add)
        return -1;
    if (L->n >= DP_MAX_LABELS)
        return dyad_set_error(DYAD_ELIMIT, "more than %d dependency relations", DP_MAX_LABELS);
    L->names[L->n] = strdup(name);
    if (!L->names[L->n])
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    return L->n++;
}

static void corpus_free(tr_corpus *c)
{
    dyad_arena_free(c->a);
    free(c->s);
    memset(c, 0, sizeof *c);
}

/* Reads a CoNLL-U file; relations are added to L when add_labels. Tags come
 * from the tagger when it is given. */
static int corpus_read(tr_corpus *c, const char *path, tr_labels *L, int add_labels,
                       const dyad_tagger *tagger, FILE *log)
{
    memset(c, 0, sizeof *c);
    char *text = NULL;
    size_t len = 0;
    int rc = dyad_read_file(path, &text, &len);
    if (rc)
        return rc;
    c->a = dyad_arena_new();
    if (!c->a) {
        free(text);
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    }
    dyad_diag d = {.fn = log_diag, .user = log};
    size_t pos = 0, start, blen;
    long line = 1, first;
    while (!rc && dyad_conllu_next_block(text, len, &pos, &line, &start, &blen, &first)) {
        dyad_conllu_sent *cs = NULL;
        if (dyad_conllu_read(&cs, c->a, text + start, blen, &d, path, first)) {
            c->skipped++;
            continue;
        }
        if (c->n == c->cap) {
            int cap = c->cap ? c->cap * 2 : 1024;
            tr_sent *s = realloc(c->s, sizeof *s * (size_t)cap);
            if (!s) {
                rc = dyad_set_error(DYAD_ENOMEM, "out of memory");
                break;
            }
            c->s = s;
            c->cap = cap;
        }
        int n = cs->nwords;
        tr_sent *s = &c->s[c->n];
        s->n = n;
        s->form = dyad_arena_alloc(c->a, sizeof(char *) * (size_t)n * 4);
        s->head = dyad_arena_alloc(c->a, sizeof(int) * (size_t)n * 2);
        s->toks = dyad_arena_alloc(c->a, sizeof(dp_tok) * ((size_t)n + 1));
        if (!s->form || !s->head || !s->toks) {
            rc = dyad_set_error(DYAD_ENOMEM, "out of memory");
            break;
        }
        s->upos = s->form + n;
        s->xpos = s->form + 2 * n;
        s->rel = s->form + 3 * n;
        s->label = s->head + n;
        for (int i = 0; i < n; i++) {
            const dyad_conllu_word *w = &cs->words[i];
            s->form[i] = w->form;
            s->upos[i] = w->upos;
            s->xpos[i] = w->xpos;
            s->rel[i] = w->deprel;
            s->head[i] = w->head < 0 ? n : w->head;
            int id = label_id(L, w->deprel, add_labels);
            if (id < -1) {
                rc = id;
                break;
            }
            s->label[i] = id;
        }
        if (!rc && tagger && n > 0 && (rc = dyad_tagger_tag(tagger, s->form, n, s->upos, s->xpos)))
            break;
        for (int i = 0; i < n; i++)
            dp_tok_fill(&s->toks[i], s->form[i], s->upos[i], s->xpos[i]);
        dp_tok_finish(s->toks, n);
        c->words += n;
        c->n++;
    }
    free(text);
    if (!rc && c->skipped && log)
        fprintf(log, "%s: %ld malformed sentences skipped\n", path, c->skipped);
    return rc;
}

/* ---- the weights being trained ------------------------------------------ */

typedef struct tr_ent {
    double tot;    /* sum of the weight over the steps before ts */
    float w;
    int32_t ts;    /* step of the last change */
    int32_t cls;
} tr_ent;

typedef struct tr_feat {
    uint64_t key; /* 0 = empty slot */
    tr_ent *e;
    uint32_t n, cap;
} tr_feat;

typedef struct tr_weights {
    tr_feat *t;
    size_t cap, used; /* cap a power of two */
    int32_t step;
} tr_weights;

static int wt_grow(tr_weights *W)
{
    size_t cap = W->cap ? W->cap * 2 : (size_t)1 << 20;
    tr_feat *t = calloc(cap, sizeof *t);
    if (!t)
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    for (size_t i = 0; i < W->cap; i++) {
        if (!W->t[i].key)
            continue;
        size_t j = (size_t)(W->t[i].key >> 32) & (cap - 1);
        while (t[j].key)
            j = (j + 1) & (cap - 1);
        t[j] = W->t[i];
    }
    free(W->t);
    W->t = t;
    W->cap = cap;
    return 0;
}

static tr_feat *wt_find(const tr_weights *W, uint64_t key)
{
    size_t i = (size_t)(key >> 32) & (W->cap - 1);
    while (W->t[i].key) {
        if (W->t[i].key == key)
            return &W->t[i];
        i = (i + 1) & (W->cap - 1);
    }
    return NULL;
}

static tr_feat *wt_add(tr_weights *W, uint64_t key)
{
    if ((W->used + 1) * 2 > W->cap && wt_grow(W))
        return NULL;
    size_t i = (size_t)(key >> 32) & (W->cap - 1);
    while (W->t[i].key) {
        if (W->t[i].key == key)
            return &W->t[i];
        i = (i + 1) & (W->cap - 1);
    }
    W->t[i].key = key;
    W->used++;
    return &W->t[i];
}

static void wt_free(tr_weights *W)
{
    for (size_t i = 0; i < W->cap; i++)
        free(W->t[i].e);
    free(W->t);
    memset(W, 0, sizeof *W);
}

static int wt_update(tr_weights *W, uint64_t key, int cls, float delta)
{
    tr_feat *f = wt_add(W, key);
    if (!f)
        return DYAD_ENOMEM;
    tr_ent *e = NULL;
    for (uint32_t i = 0; i < f->n; i++)
        if (f->e[i].cls == cls) {
            e = &f->e[i];
            break;
        }
    if (!e) {
        if (f->n == f->cap) {
            uint32_t cap = f->cap ? f->cap * 2 : 2;
            tr_ent *ne = realloc(f->e, sizeof *ne * cap);
            if (!ne)
                return dyad_set_error(DYAD_ENOMEM, "out of memory");
            f->e = ne;
            f->cap = cap;
        }
        e = &f->e[f->n++];
        memset(e, 0, sizeof *e);
        e->cls = cls;
        e->ts = W->step;
    }
    e->tot += (double)e->w * (W->step - e->ts);
    e->ts = W->step;
    e->w += delta;
    return 0;
}

static void wt_score(const tr_weights *W, const uint64_t *f, int nf, float *scores, int nclass)
{
    memset(scores, 0, sizeof(float) * (size_t)nclass);
    for (int j = 0; j < nf; j++) {
        const tr_feat *x = wt_find(W, f[j]);
        if (!x)
            continue;
        for (uint32_t i = 0; i < x->n; i++)
            scores[x->e[i].cls] += x->e[i].w;
    }
}

/* The averaged weight of an entry, times scale, rounded. */
static long quantised(const tr_weights *W, const tr_ent *e, double T, double scale)
{
    return lround((e->tot + (double)e->w * (W->step - e->ts)) / T * scale);
}

/* The size of the model file (dp_image_build's layout, to a few bytes) when
 * the weights under thr in absolute value are dropped. */
static double image_bytes(const tr_weights *W, long thr, double T, double scale, uint32_t rowlen)
{
    double bytes = 0;
    for (size_t i = 0; i < W->cap; i++) {
        const tr_feat *f = &W->t[i];
        uint32_t k = 0;
        for (uint32_t j = 0; f->key && j < f->n; j++)
            k += labs(quantised(W, &f->e[j], T, scale)) >= thr;
        if (!k)
            continue;
        bytes += dp_is_dense(k, rowlen) ? 2.0 * rowlen + 12 : 8.0 * 4 / 3 + 3.0 * k;
    }
    return bytes;
}

/* The averaged weights, quantised, as a model file image: the smallest
 * weights are dropped, as many as needed to keep the file under max_bytes. */
static int wt_image(const tr_weights *W, const tr_labels *L, int root_label, int beam,
                    double max_bytes, void **img, size_t *len, long *nfeat_out, long *nent_out)
{
    double maxabs = 0, T = W->step > 0 ? W->step : 1;
    size_t nent = 0;
    for (size_t i = 0; i < W->cap; i++) {
        const tr_feat *f = &W->t[i];
        for (uint32_t j = 0; f->key && j < f->n; j++) {
            double a = fabs((f->e[j].tot + (double)f->e[j].w * (W->step - f->e[j].ts)) / T);
            if (a > maxabs)
                maxabs = a;
        }
        nent += f->key ? f->n : 0;
    }
    double scale = maxabs > 0 ? 32767.0 / maxabs : 1.0;
    uint32_t rowlen = ((uint32_t)(1 + 2 * L->n) + 7) & ~7u;
    uint64_t *keys = malloc(sizeof *keys * (W->used + 1));
    uint32_t *offs = malloc(sizeof *offs * (W->used + 1));
    uint8_t *cls = malloc(nent + 1);
    int16_t *wts = malloc(sizeof *wts * (nent + 1));
    int rc = 0;
    if (!keys || !offs || !cls || !wts) {
        rc = dyad_set_error(DYAD_ENOMEM, "out of memory");
        goto done;
    }
    /* the smallest threshold (1 or more) that fits the budget */
    long lo = 1, hi = 32768;
    while (lo < hi) {
        long mid = lo + (hi - lo) / 2;
        if (image_bytes(W, mid, T, scale, rowlen) + 4096 <= max_bytes)
            hi = mid;
        else
            lo = mid + 1;
    }
    long thr = lo;
    uint32_t nf = 0, ne = 0;
    for (size_t i = 0; i < W->cap; i++) {
        const tr_feat *f = &W->t[i];
        if (!f->key)
            continue;
        uint32_t start = ne;
        for (uint32_t j = 0; j < f->n; j++) {
            long q = quantised(W, &f->e[j], T, scale);
            if (labs(q) < thr)
                continue;
            cls[ne] = (uint8_t)f->e[j].cls;
            wts[ne] = (int16_t)q;
            ne++;
        }
        if (ne == start)
            continue;
        keys[nf] = f->key;
        offs[nf] = start;
        nf++;
    }
    offs[nf] = ne;
    rc = dp_image_build(img, len, (const char *const *)L->names, L->n, root_label, beam, nf, keys,
                        offs, cls, wts);
    *nfeat_out = nf;
    *nent_out = ne;
done:
    free(keys);
    free(offs);
    free(cls);
    free(wts);
    return rc;
}

/* ---- the dynamic oracle ------------------------------------------------- */

/* cost[c] for every class: gold arcs made unreachable by c (projective
 * approximation for non-projective trees), plus 1 for a wrong relation. */
static void oracle_costs(const dp_state *s, const void *gold, int *cost)
{
    const tr_sent *g = gold;
    int L = s->nlabels, n = s->n, sp = s->sp, b = s->b;
    int s0 = sp >= 1 ? s->stack[sp - 1] : -1, s1 = sp >= 2 ? s->stack[sp - 2] : -1;
    int c_shift = 0, c_left = 0, c_right = 0;
    if (b < n) {
        for (int i = 0; i < sp; i++) {
            int k = s->stack[i];
            if (i < sp - 1 && g->head[b] == k)
                c_shift++;
            if (g->head[k] == b)
                c_shift++;
        }
    }
    if (s0 >= 0) {
        int deps = 0;
        for (int d = b; d < n; d++)
            deps += g->head[d] == s0;
        int h = g->head[s0];
        c_left = deps + (h != b && (h == s1 || h > b));
        c_right = deps + (h >= b);
    }
    cost[DP_SHIFT] = c_shift;
    for (int l = 0; l < L; l++) {
        cost[1 + l] = c_left + (s0 >= 0 && g->head[s0] == b && g->label[s0] != l);
        cost[1 + L + l] = c_right + (s0 >= 0 && s1 >= 0 && g->head[s0] == s1 && g->label[s0] != l);
    }
}

/* ---- global training with a beam ------------------------------------------ */

/* What a beam-trained sentence needs besides the beam: the gold path once it
 * has left the beam (its state, and per step its features and transition)
 * and gold's slot in the beam per step (-1: off the beam). */
typedef struct tr_beam {
    dp_beam B;
    dp_state gs;
    uint64_t *gfeat;
    int *gnf, *gcls, *gslot;
} tr_beam;

static void tb_free(tr_beam *T)
{
    dp_beam_free(&T->B);
    dp_state_free(&T->gs);
    free(T->gfeat);
    free(T->gnf);
    memset(T, 0, sizeof *T);
}

static int tb_init(tr_beam *T, int k, int maxn, int nlabels, int root_label)
{
    memset(T, 0, sizeof *T);
    size_t steps = 2 * (size_t)maxn + 1;
    int rc = dp_beam_init(&T->B, k, maxn, nlabels, root_label, 1);
    if (!rc)
        rc = dp_state_init(&T->gs, maxn, nlabels, root_label);
    if (!rc) {
        T->gfeat = malloc(sizeof(uint64_t) * steps * DP_MAX_FEATS);
        T->gnf = malloc(sizeof(int) * steps * 3);
        if (!T->gfeat || !T->gnf)
            rc = dyad_set_error(DYAD_ENOMEM, "out of memory");
        else {
            T->gcls = T->gnf + steps;
            T->gslot = T->gcls + steps;
        }
    }
    if (rc)
        tb_free(T);
    return rc;
}

typedef struct wt_ctx {
    const tr_weights *W;
    int nclass;
} wt_ctx;

static void wt_score_fn(const void *ctx, const dp_state *s, const uint64_t *f, int nf,
                        float *scores)
{
    (void)s;
    const wt_ctx *c = ctx;
    wt_score(c->W, f, nf, scores, c->nclass);
}

static void oracle_fn(const dp_state *s, const void *gold, int *cost)
{
    oracle_costs(s, gold, cost);
}

/* Moves the gold path that has left the beam one transition on: the
 * best-scoring least-cost one; returns its score. */
static float tb_gold_step(tr_beam *T, const tr_weights *W, const tr_sent *g, int t, int nclass)
{
    float sc[2 * DP_MAX_LABELS + 8];
    int cost[1 + 2 * DP_MAX_LABELS];
    unsigned char valid[1 + 2 * DP_MAX_LABELS];
    uint64_t *f = T->gfeat + (size_t)t * DP_MAX_FEATS;
    int nf = dp_features(&T->gs, g->toks, f), best = -1, mincost = 1 << 30;
    T->gnf[t] = nf;
    wt_score(W, f, nf, sc, nclass);
    dp_state_valid(&T->gs, valid);
    oracle_costs(&T->gs, g, cost);
    for (int c = 0; c < nclass; c++)
        if (valid[c] && cost[c] < mincost)
            mincost = cost[c];
    for (int c = 0; c < nclass; c++)
        if (valid[c] && cost[c] == mincost && (best < 0 || sc[c] > sc[best]))
            best = c;
    T->gcls[t] = best;
    dp_state_apply(&T->gs, best);
    return sc[best];
}

/* Adds delta to the weights of class cls of nf features. */
static int wt_update_all(tr_weights *W, const uint64_t *f, int nf, int cls, float delta)
{
    int rc = 0;
    for (int j = 0; j < nf && !rc; j++)
        rc = wt_update(W, f[j], cls, delta);
    return rc;
}

/* The max-violation update (Huang et al. 2012) at step tstar: towards the
 * gold path, away from the beam's best item, from tstar back to where the
 * two paths meet. */
static int tb_update(tr_beam *T, tr_weights *W, int tstar, int off_t, int off_parent,
                     int off_cls)
{
    const dp_beam *B = &T->B;
    size_t k = (size_t)B->k;
    int p = 0, q = T->gslot[tstar], rc = 0;
    for (int s = tstar - 1; s >= 0 && !rc; s--) {
        if (q >= 0 && p == q)
            break; /* the same item: the paths are one from here back */
        size_t pr = (size_t)(s + 1) * k + (size_t)p;
        int pp = B->parent[pr], pc = B->cls[pr], qq = -1, qc;
        const uint64_t *qf;
        int qnf;
        if (q >= 0 || s + 1 == off_t) {
            qq = q >= 0 ? B->parent[(size_t)(s + 1) * k + (size_t)q] : off_parent;
            qc = q >= 0 ? B->cls[(size_t)(s + 1) * k + (size_t)q] : off_cls;
            qf = B->feat + ((size_t)s * k + (size_t)qq) * DP_MAX_FEATS;
            qnf = B->nf[(size_t)s * k + (size_t)qq];
        } else {
            qc = T->gcls[s];
            qf = T->gfeat + (size_t)s * DP_MAX_FEATS;
            qnf = T->gnf[s];
        }
        if (qq == pp && qc == pc) {
            p = pp;
            q = qq;
            continue;
        }
        rc = wt_update_all(W, qf, qnf, qc, 1.0f);
        if (!rc)
            rc = wt_update_all(W, B->feat + ((size_t)s * k + (size_t)pp) * DP_MAX_FEATS,
                               B->nf[(size_t)s * k + (size_t)pp], pc, -1.0f);
        p = pp;
        q = qq;
    }
    return rc;
}

/* Trains on one sentence with the beam: decodes it with the current
 * weights, following the gold path (the best-scoring least-cost one) beside
 * the beam, and updates at the step of largest violation (the beam's best
 * item scoring over gold) if there is one. *errors counts updates. */
static int tb_sentence(tr_beam *T, tr_weights *W, const tr_sent *g, int nclass, long *errors)
{
    dp_beam *B = &T->B;
    wt_ctx ctx = {W, nclass};
    int steps = 2 * g->n, gon = 1, off_t = -1, off_parent = -1, off_cls = -1, tstar = -1;
    double gscore = 0, best_v = 0;
    dp_beam_start(B, g->n);
    T->gslot[0] = 0;
    for (int t = 0; t < steps; t++) {
        dp_cand bo = {0};
        int size = dp_beam_step(B, g->toks, wt_score_fn, &ctx, gon ? oracle_fn : NULL, g,
                                gon ? &bo : NULL);
        int nx = !B->cur, slot = -1;
        for (int i = 0; gon && i < size && slot < 0; i++)
            if (B->ok[nx][i])
                slot = i;
        if (slot >= 0)
            gscore = B->sc[nx][slot];
        else if (gon) {
            gon = 0;
            off_t = t + 1;
            off_parent = bo.parent;
            off_cls = bo.cls;
            gscore = bo.score;
            dp_state_copy(&T->gs, &B->st[B->cur][bo.parent]);
            dp_state_apply(&T->gs, bo.cls);
        } else
            gscore += tb_gold_step(T, W, g, t, nclass);
        T->gslot[t + 1] = slot;
        dp_beam_commit(B, size);
        if (!B->ok[B->cur][0] || !gon) {
            double v = B->sc[B->cur][0] - gscore;
            if (tstar < 0 || v > best_v) {
                tstar = t + 1;
                best_v = v;
            }
        }
    }
    W->step += steps;
    if (tstar < 0)
        return 0;
    (*errors)++;
    return tb_update(T, W, tstar, off_t, off_parent, off_cls);
}

/* ---- training ------------------------------------------------------------- */

static uint64_t rng_next(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

static int universal_eq(const char *a, const char *b)
{
    size_t la = strcspn(a, ":"), lb = strcspn(b, ":");
    return la == lb && !memcmp(a, b, la);
}

/* UAS / LAS (universal relations, every word) of a model on a corpus. */
static int evaluate(const dyad_depparser *m, const tr_corpus *c, double *uas, double *las)
{
    int maxn = 1;
    for (int i = 0; i < c->n; i++)
        if (c->s[i].n > maxn)
            maxn = c->s[i].n;
    dp_state st = {0};
    dp_beam b = {0};
    int *head = malloc(sizeof(int) * (size_t)maxn * 2);
    if (!head || dp_state_init(&st, maxn, m->nlabels, m->root_label) ||
        (m->beam > 1 && dp_beam_init(&b, m->beam, maxn, m->nlabels, m->root_label, 0))) {
        free(head);
        dp_state_free(&st);
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    }
    int *label = head + maxn;
    long ok_u = 0, ok_l = 0, total = 0;
    for (int i = 0; i < c->n; i++) {
        const tr_sent *s = &c->s[i];
        if (dp_use_beam(m, s->n))
            dp_beam_parse(&b, dp_model_score_fn, m, s->toks, s->n, head, label);
        else
            dp_model_parse(m, &st, s->toks, s->n, head, label);
        for (int j = 0; j < s->n; j++) {
            int gh = s->head[j] == s->n ? -1 : s->head[j];
            if (head[j] == gh) {
                ok_u++;
                ok_l += label[j] >= 0 && universal_eq(m->labels[label[j]], s->rel[j]);
            }
        }
        total += s->n;
    }
    dp_state_free(&st);
    dp_beam_free(&b);
    free(head);
    *uas = total ? 100.0 * (double)ok_u / (double)total : 0;
    *las = total ? 100.0 * (double)ok_l / (double)total : 0;
    return 0;
}

/* With $DYAD_PARSER_EVAL_BUDGETS (sizes in MB separated by commas, 0 = no
 * pruning), the dev figures of the current averaged weights under each of
 * those size budgets go to log: what the pruning costs. */
static int eval_budgets(const tr_weights *W, const tr_labels *L, int root_label, int beam,
                        const tr_corpus *dev, int it, FILE *log)
{
    const char *env = getenv("DYAD_PARSER_EVAL_BUDGETS");
    while (env && *env) {
        char *end;
        double mb = strtod(env, &end);
        if (end == env)
            break;
        env = *end == ',' ? end + 1 : end;
        void *img = NULL;
        size_t len = 0;
        long nf = 0, ne = 0;
        int rc = wt_image(W, L, root_label, beam, mb > 0 ? mb * 1e6 : 1e15, &img, &len, &nf, &ne);
        dyad_depparser *m = NULL;
        if (!rc)
            rc = dp_model_from_image(&m, img, len, "trained model");
        double uas = 0, las = 0;
        if (!rc) {
            rc = evaluate(m, dev, &uas, &las);
            dyad_depparser_free(m);
        }
        if (rc)
            return rc;
        fprintf(log, "train-parser: iteration %d, budget %g MB: dev UAS %.2f LAS %.2f, %.1f MB\n",
                it, mb, uas, las, (double)len / 1e6);
    }
    return 0;
}

static int write_file(const char *path, const void *data, size_t len)
{
    size_t plen = strlen(path) + 8;
    char *tmp = malloc(plen);
    if (!tmp)
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    snprintf(tmp, plen, "%s.tmp", path);
    FILE *f = fopen(tmp, "wb");
    int rc = 0;
    if (!f)
        rc = dyad_set_error(DYAD_EIO, "%s: cannot create: %s", tmp, strerror(errno));
    else {
        int bad = fwrite(data, 1, len, f) != len;
        bad |= fclose(f) != 0;
        if (bad || rename(tmp, path)) {
            rc = dyad_set_error(DYAD_EIO, "%s: cannot write: %s", path, strerror(errno));
            remove(tmp);
        }
    }
    free(tmp);
    return rc;
}

int dyad_depparser_train(const char *train_conllu, const char *dev_conllu, const char *out_path,
                         const dyad_tagger *tagger, int iterations, unsigned seed, FILE *log)
{
    return dyad_depparser_train2(train_conllu, dev_conllu, out_path, tagger, tagger, iterations,
                                 1, seed, log);
}

int dyad_depparser_train2(const char *train_conllu, const char *dev_conllu, const char *out_path,
                          const dyad_tagger *tagger, const dyad_tagger *dev_tagger,
                          int iterations, int beam, unsigned seed, FILE *log)
{
    if (!train_conllu || !out_path)
        return dyad_set_error(DYAD_EINVAL, "dyad_depparser_train: NULL argument");
    if (iterations <= 0)
        iterations = 15;
    if (beam < 1 || beam > DP_MAX_BEAM)
        return dyad_set_error(DYAD_EINVAL, "dyad_depparser_train: beam width %d not in 1..%d",
                              beam, DP_MAX_BEAM);
    tr_labels L = {{0}, 0};
    tr_corpus train = {0}, dev = {0};
    tr_weights W = {0};
    dp_state st = {0};
    tr_beam tb = {0};
    void *best_img = NULL;
    size_t best_len = 0;
    int *order = NULL, rc;
    clock_t t0 = clock();
    double max_bytes = DP_DEFAULT_MAX_BYTES;
    const char *env = getenv("DYAD_PARSER_MAX_MB");
    if (env && atof(env) > 0)
        max_bytes = atof(env) * 1e6;
    if ((rc = corpus_read(&train, train_conllu, &L, 1, tagger, log)))
        goto done;
    if (!train.n) {
        rc = dyad_set_error(DYAD_EPARSE, "%s: no usable sentence", train_conllu);
        goto done;
    }
    if (dev_conllu && (rc = corpus_read(&dev, dev_conllu, &L, 0, dev_tagger, log)))
        goto done;
    int root_label = label_id(&L, "root", 0), maxn = 1, nclass = 1 + 2 * L.n;
    for (int i = 0; i < train.n; i++)
        if (train.s[i].n > maxn)
            maxn = train.s[i].n;
    order = malloc(sizeof *order * (size_t)train.n);
    if (!order || (rc = dp_state_init(&st, maxn, L.n, root_label)) || (rc = wt_grow(&W)) ||
        (beam > 1 && (rc = tb_init(&tb, beam, maxn, L.n, root_label)))) {
        rc = rc ? rc : dyad_set_error(DYAD_ENOMEM, "out of memory");
        goto done;
    }
    if (log)
        fprintf(log, "train-parser: %d sentences, %ld words, %d relations; dev %d sentences\n",
                train.n, train.words, L.n, dev.n);
    for (int i = 0; i < train.n; i++)
        order[i] = i;
    uint64_t rng = seed * 0x2545F4914F6CDD1Dull + 1;
    double best_las = -1;
    int best_it = 0;
    for (int it = 0; it < iterations && !rc; it++) {
        for (int i = train.n - 1; i > 0; i--) {
            int j = (int)(rng_next(&rng) % (uint64_t)(i + 1)), t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        long states = 0, errors = 0;
        uint64_t f[DP_MAX_FEATS];
        float scores[1 + 2 * DP_MAX_LABELS];
        int cost[1 + 2 * DP_MAX_LABELS];
        unsigned char valid[1 + 2 * DP_MAX_LABELS];
        for (int k = 0; beam > 1 && k < train.n && !rc; k++) {
            rc = tb_sentence(&tb, &W, &train.s[order[k]], nclass, &errors);
            states++;
        }
        for (int k = 0; beam <= 1 && k < train.n && !rc; k++) {
            const tr_sent *g = &train.s[order[k]];
            dp_state_reset(&st, g->n);
            while (!dp_state_final(&st) && !rc) {
                int nf = dp_features(&st, g->toks, f);
                wt_score(&W, f, nf, scores, nclass);
                dp_state_valid(&st, valid);
                oracle_costs(&st, g, cost);
                int pred = -1, gold = -1, mincost = 1 << 30;
                for (int c = 0; c < nclass; c++)
                    if (valid[c] && cost[c] < mincost)
                        mincost = cost[c];
                for (int c = 0; c < nclass; c++) {
                    if (!valid[c])
                        continue;
                    if (pred < 0 || scores[c] > scores[pred])
                        pred = c;
                    if (cost[c] == mincost && (gold < 0 || scores[c] > scores[gold]))
                        gold = c;
                }
                W.step++;
                states++;
                if (cost[pred] > mincost) {
                    errors++;
                    for (int j = 0; j < nf && !rc; j++) {
                        rc = wt_update(&W, f[j], gold, 1.0f);
                        if (!rc)
                            rc = wt_update(&W, f[j], pred, -1.0f);
                    }
                }
                int follow = gold;
                if (it > 0 && (rng_next(&rng) % 10) != 0)
                    follow = pred;
                dp_state_apply(&st, follow);
            }
        }
        if (rc)
            break;
        long nfeat = 0, nent = 0;
        void *img = NULL;
        size_t len = 0;
        if ((rc = wt_image(&W, &L, root_label, beam, max_bytes, &img, &len, &nfeat, &nent)))
            break;
        double uas = 0, las = 0;
        if (dev.n) {
            dyad_depparser *m = NULL;
            if ((rc = dp_model_from_image(&m, img, len, "trained model")))
                break;
            rc = evaluate(m, &dev, &uas, &las);
            m->buf = NULL; /* img stays ours */
            dyad_depparser_free(m);
            if (rc) {
                free(img);
                break;
            }
        }
        if (dev.n && log && (rc = eval_budgets(&W, &L, root_label, beam, &dev, it + 1, log))) {
            free(img);
            break;
        }
        if (log)
            fprintf(log,
                    "train-parser: iteration %d: train error %.2f%% (%s), dev UAS %.2f LAS %.2f, "
                    "%ld features, %ld weights, %.1f MB, %.0f s\n",
                    it + 1, 100.0 * (double)errors / (double)(states ? states : 1),
                    beam > 1 ? "sentences updated" : "transitions", uas, las,
                    nfeat, nent, (double)len / 1e6, (double)(clock() - t0) / CLOCKS_PER_SEC);
        if (!dev.n || las > best_las) {
            free(best_img);
            best_img = img;
            best_len = len;
            best_las = las;
            best_it = it + 1;
        } else
            free(img);
    }
    if (!rc) {
        rc = write_file(out_path, best_img, best_len);
        if (!rc && log)
            fprintf(log, "train-parser: wrote %s (iteration %d, %.1f MB)\n", out_path, best_it,
                    (double)best_len / 1e6);
    }
done:
    free(best_img);
    free(order);
    dp_state_free(&st);
    tb_free(&tb);
    wt_free(&W);
    corpus_free(&train);
    corpus_free(&dev);
    for (int i = 0; i < L.n; i++)
        free(L.names[i]);
    return rc;
}
