/* depparse_beam.c: beam search over the arc-hybrid transitions, shared by
 * parsing (depparse.c) and the globally trained parser (depparse_train.c).
 * Every path of a sentence of n words takes 2n transitions, so the items of
 * a beam always have made the same number of steps and their scores compare
 * directly. See depparse_internal.h. */
#include <stdlib.h>
#include <string.h>

#include "dyad.h"
#include "parse/depparse_internal.h"
#include "util/util.h"

void dp_state_copy(dp_state *d, const dp_state *s)
{
    size_t m = (size_t)s->n + 1;
    d->n = s->n;
    d->sp = s->sp;
    d->b = s->b;
    memcpy(d->stack, s->stack, sizeof(int) * (size_t)s->sp);
    memcpy(d->head, s->head, sizeof(int) * m);
    memcpy(d->label, s->label, sizeof(int) * m);
    memcpy(d->lc1, s->lc1, sizeof(int) * m);
    memcpy(d->lc2, s->lc2, sizeof(int) * m);
    memcpy(d->rc1, s->rc1, sizeof(int) * m);
    memcpy(d->rc2, s->rc2, sizeof(int) * m);
    memcpy(d->nl, s->nl, sizeof(int) * m);
    memcpy(d->nr, s->nr, sizeof(int) * m);
    memcpy(d->lset, s->lset, sizeof(uint64_t) * m);
    memcpy(d->rset, s->rset, sizeof(uint64_t) * m);
}

int dp_beam_init(dp_beam *b, int k, int n, int nlabels, int root_label, int hist)
{
    memset(b, 0, sizeof *b);
    if (k < 1)
        k = 1;
    b->k = k;
    b->cap = n;
    b->nclass = 1 + 2 * nlabels;
    size_t K = (size_t)k;
    b->st[0] = calloc(2 * K, sizeof(dp_state));
    b->sc[0] = calloc(2 * K, sizeof(double));
    b->ok[0] = calloc(2 * K, 1);
    if (!b->st[0] || !b->sc[0] || !b->ok[0])
        goto nomem;
    b->st[1] = b->st[0] + K;
    b->sc[1] = b->sc[0] + K;
    b->ok[1] = b->ok[0] + K;
    for (size_t i = 0; i < 2 * K; i++)
        if (dp_state_init(&b->st[0][i], n, nlabels, root_label))
            goto nomem;
    if (hist) {
        size_t steps = 2 * (size_t)n + 1;
        b->hist = 1;
        b->parent = malloc(sizeof(int) * steps * K * 3);
        b->feat = malloc(sizeof(uint64_t) * steps * K * DP_MAX_FEATS);
        if (!b->parent || !b->feat)
            goto nomem;
        b->cls = b->parent + steps * K;
        b->nf = b->cls + steps * K;
    }
    return 0;
nomem:
    dp_beam_free(b);
    return dyad_set_error(DYAD_ENOMEM, "out of memory");
}

void dp_beam_free(dp_beam *b)
{
    if (b->st[0])
        for (int i = 0; i < 2 * b->k; i++)
            dp_state_free(&b->st[0][i]);
    free(b->st[0]);
    free(b->sc[0]);
    free(b->ok[0]);
    free(b->parent);
    free(b->feat);
    memset(b, 0, sizeof *b);
}

void dp_beam_start(dp_beam *b, int n)
{
    b->cur = 0;
    b->size = 1;
    b->t = 0;
    dp_state_reset(&b->st[0][0], n);
    b->sc[0][0] = 0;
    b->ok[0][0] = 1;
}

/* Inserts a candidate into the best-first list of at most k (ties keep the
 * earlier candidate first, so the search is deterministic). */
static void cand_insert(dp_cand *c, int *nc, int k, double score, int parent, int cls, int ok)
{
    int i = *nc;
    if (i == k) {
        if (!(score > c[k - 1].score))
            return;
        i = k - 1;
    } else
        (*nc)++;
    while (i > 0 && score > c[i - 1].score) {
        c[i] = c[i - 1];
        i--;
    }
    c[i].score = score;
    c[i].parent = parent;
    c[i].cls = cls;
    c[i].ok = (unsigned char)ok;
}

int dp_beam_step(dp_beam *b, const dp_tok *toks, dp_score_fn score, const void *ctx,
                 dp_cost_fn costs, const void *gold, dp_cand *best_ok)
{
    dp_cand cand[DP_MAX_BEAM];
    uint64_t fbuf[DP_MAX_FEATS];
    float sc[2 * DP_MAX_LABELS + 8];
    int cost[1 + 2 * DP_MAX_LABELS];
    unsigned char valid[1 + 2 * DP_MAX_LABELS];
    int nc = 0, k = b->k, cur = b->cur, nclass = b->nclass;
    size_t row = (size_t)b->t * (size_t)k;
    if (best_ok)
        best_ok->parent = -1;
    for (int j = 0; j < b->size; j++) {
        const dp_state *s = &b->st[cur][j];
        uint64_t *f = b->hist ? b->feat + (row + (size_t)j) * DP_MAX_FEATS : fbuf;
        int nf = dp_features(s, toks, f);
        if (b->hist)
            b->nf[row + (size_t)j] = nf;
        score(ctx, s, f, nf, sc);
        dp_state_valid(s, valid);
        int mincost = 0, ok = costs && b->ok[cur][j];
        if (ok) {
            costs(s, gold, cost);
            mincost = 1 << 30;
            for (int c = 0; c < nclass; c++)
                if (valid[c] && cost[c] < mincost)
                    mincost = cost[c];
        }
        double base = b->sc[cur][j];
        for (int c = 0; c < nclass; c++) {
            if (!valid[c])
                continue;
            double v = base + sc[c];
            int cok = ok && cost[c] == mincost;
            if (cok && best_ok && (best_ok->parent < 0 || v > best_ok->score)) {
                best_ok->score = v;
                best_ok->parent = j;
                best_ok->cls = c;
                best_ok->ok = 1;
            }
            cand_insert(cand, &nc, k, v, j, c, cok);
        }
    }
    int nxt = !cur;
    size_t next_row = row + (size_t)k;
    for (int i = 0; i < nc; i++) {
        dp_state *d = &b->st[nxt][i];
        dp_state_copy(d, &b->st[cur][cand[i].parent]);
        dp_state_apply(d, cand[i].cls);
        b->sc[nxt][i] = cand[i].score;
        b->ok[nxt][i] = cand[i].ok;
        if (b->hist) {
            b->parent[next_row + (size_t)i] = cand[i].parent;
            b->cls[next_row + (size_t)i] = cand[i].cls;
        }
    }
    return nc;
}

void dp_beam_commit(dp_beam *b, int size)
{
    b->cur = !b->cur;
    b->size = size;
    b->t++;
}

void dp_beam_parse(dp_beam *b, dp_score_fn score, const void *ctx, const dp_tok *toks, int n,
                   int *head, int *label)
{
    dp_beam_start(b, n);
    for (int t = 0; t < 2 * n; t++)
        dp_beam_commit(b, dp_beam_step(b, toks, score, ctx, NULL, NULL, NULL));
    const dp_state *s = &b->st[b->cur][0];
    for (int i = 0; i < n; i++) {
        head[i] = s->head[i] == n ? -1 : s->head[i];
        label[i] = s->label[i];
    }
}
