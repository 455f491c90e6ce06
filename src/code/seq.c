/* seq.c: sequences around a verb and verb-pattern matching.
 *
 * A pattern "- upper * lower [code]" matches when its lower elements occur in
 * order in the lower sequence (other words may come between) and its upper
 * elements occur, read backwards from the verb, in the upper sequence. '+' and
 * '$' bind the noun phrase holding the current word as target / source and
 * consume nothing; '^' skips to the end of that noun phrase; '%' binds a compound
 * as both. Function words and numbers never match pattern words.
 *
 * Words joined by '_' must be adjacent (only markup may come between). When
 * several patterns match, the longest wins (TABARI's rule), then file order.
 * Search is capped per pattern so that no sentence can make it explode.
 */
#include "code/seq.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MATCH_STEP_CAP 20000
#define MAX_PAT_ELEMS 64
#define SYN_MAX_WORDS 8

/* ---- sequences ------------------------------------------------------------ */

static int is_skip_word(const char *w)
{
    static const char *const stop[] = {"THE", "A", "AN", "IT", "HE", "THEY", "HER", "HAS", "HAD",
                                       "HAVE", "SOME", "FEW", "THAT", "HUNDRED", "THOUSAND",
                                       "MILLION", "BILLION", "TRILLION", "DOZEN", "ONE", "TWO",
                                       "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE",
                                       "DOLLAR", "DUCAT"};
    for (size_t i = 0; i < sizeof stop / sizeof *stop; i++)
        if (!strcmp(w, stop[i]))
            return 1;
    const char *p = w;
    if (*p == '-' || *p == '+')
        p++;
    if (!*p)
        return 0;
    for (; *p; p++)
        if (!isdigit((unsigned char)*p))
            return 0;
    return 1;
}

static int classify(const char *s)
{
    if (!strcmp(s, "(NE"))
        return SQ_NE_OPEN;
    if (!strcmp(s, "~NE"))
        return SQ_NE_CLOSE;
    if (!strncmp(s, "(NEC", 4))
        return SQ_NEC_OPEN;
    if (!strncmp(s, "~NEC", 4))
        return SQ_NEC_CLOSE;
    if (dyad_pl_is_open(s) || dyad_pl_is_close(s))
        return -1;
    return SQ_WORD;
}

static int seq_alloc(dyad_seq *out, int cap, dyad_arena *a)
{
    out->n = 0;
    out->it = dyad_arena_alloc(a, (size_t)(cap > 0 ? cap : 1) * sizeof *out->it);
    return out->it ? 0 : DYAD_ENOMEM;
}

static void seq_add(dyad_seq *q, const char *s, int pl, int kind)
{
    dyad_seq_item *it = &q->it[q->n++];
    it->s = s;
    it->pl = pl;
    it->kind = (unsigned char)kind;
    it->skip = kind != SQ_WORD || is_skip_word(s);
    it->ne = it->nec = it->ne_end = -1;
}

/* Fills ne/nec/ne_end. `text_order` is 1 when the array is in text order (lower)
 * and 0 when it runs backwards from the verb (upper). */
static void seq_owners(dyad_seq *q, int text_order)
{
    int ne = -1, nec = -1;
    int dir = text_order ? 1 : -1;
    for (int i = text_order ? 0 : q->n - 1; i >= 0 && i < q->n; i += dir) {
        dyad_seq_item *it = &q->it[i];
        if (it->kind == SQ_NE_OPEN)
            ne = it->pl;
        else if (it->kind == SQ_NEC_OPEN)
            nec = it->pl;
        it->ne = ne;
        it->nec = nec;
        if (it->kind == SQ_NE_CLOSE)
            ne = -1;
        else if (it->kind == SQ_NEC_CLOSE)
            nec = -1;
    }
    /* ne_end: array index just past the phrase's last item in array order */
    int last_kind = text_order ? SQ_NE_CLOSE : SQ_NE_OPEN;
    int start = 0;
    for (int i = 0; i < q->n; i++) {
        if (q->it[i].ne < 0) {
            start = i + 1;
            continue;
        }
        if (q->it[i].kind == last_kind) {
            for (int k = start; k <= i; k++)
                if (q->it[k].ne == q->it[i].ne)
                    q->it[k].ne_end = i + 1;
            start = i + 1;
        }
    }
}

int dyad_seq_upper(dyad_seq *out, const dyad_plist *pl, int from, int stop, dyad_arena *a)
{
    if (seq_alloc(out, from - stop + 1, a))
        return DYAD_ENOMEM;
    for (int k = from; k >= stop && k >= 0; k--) {
        const char *s = pl->items[k].s;
        if (!strcmp(s, "~,"))
            break;
        if (k > 0 && !strcmp(pl->items[k - 1].s, "(NE"))
            continue; /* the code slot */
        if (!strncmp(s, "~VP", 3)) {
            /* a verb phrase that ended before this verb (a conjoined or relative
             * clause): its words are not this verb's subject */
            char open[32];
            snprintf(open, sizeof open, "(%s", s + 1);
            while (k > stop && strcmp(pl->items[k].s, open))
                k--;
            continue;
        }
        int kind = classify(s);
        if (kind >= 0)
            seq_add(out, s, k, kind);
    }
    seq_owners(out, 0);
    return 0;
}

int dyad_seq_lower(dyad_seq *out, const dyad_plist *pl, int from, const char *endtag,
                   dyad_arena *a)
{
    if (seq_alloc(out, pl->n - from + 1, a))
        return DYAD_ENOMEM;
    for (int k = from; k < pl->n && strcmp(pl->items[k].s, endtag); k++) {
        const char *s = pl->items[k].s;
        int kind = classify(s);
        if (kind >= 0)
            seq_add(out, s, k, kind);
        if (kind == SQ_NE_OPEN)
            k++; /* skip the code slot */
    }
    seq_owners(out, 1);
    return 0;
}

/* ---- matching --------------------------------------------------------- */

typedef struct mctx {
    const dyad_dict *d;
    const dyad_pattern *p;
    const dyad_seq *upper, *lower;
    const dyad_pat_elem *el[MAX_PAT_ELEMS]; /* matchable elements: lower, then upper reversed */
    int nlow, nup;
    int src, tgt;
    long steps;
} mctx;

static int dfs(mctx *c, int j, int i);

/* Synset member at array position i; returns the array index after it, or -1.
 * In the upper sequence (backwards from the verb) the member must read in text
 * order when the words are reversed. */
static int synset_at(mctx *c, const dyad_seq *q, int text_order, int syn, int i)
{
    const char *w[SYN_MAX_WORDS];
    int idx[SYN_MAX_WORDS], n = 0;
    for (int k = i; k < q->n && n < SYN_MAX_WORDS; k++) {
        if (q->it[k].kind != SQ_WORD)
            break;
        w[n] = q->it[k].s;
        idx[n++] = k;
    }
    if (text_order) {
        int len = 0;
        if (n && dyad_dict_synset_match(c->d, syn, w, n, &len) && len > 0)
            return idx[len - 1] + 1;
        return -1;
    }
    for (int L = n; L >= 1; L--) {
        const char *rev[SYN_MAX_WORDS];
        for (int k = 0; k < L; k++)
            rev[k] = w[L - 1 - k];
        int len = 0;
        if (dyad_dict_synset_match(c->d, syn, rev, L, &len) && len == L)
            return idx[L - 1] + 1;
    }
    return -1;
}

/* Matches element j+1 onwards after element j ended before array position next. */
static int advance(mctx *c, int j, int next)
{
    return dfs(c, j + 1, j + 1 == c->nlow ? 0 : next);
}

static int try_elem(mctx *c, int j, int i)
{
    const dyad_seq *q = j < c->nlow ? c->lower : c->upper;
    const dyad_seq_item *it = &q->it[i];
    const dyad_pat_elem *e = c->el[j];
    int save_src = c->src, save_tgt = c->tgt;
    switch (e->kind) {
    case DYAD_PAT_WORD:
        if (strcmp(it->s, e->word))
            return 0;
        return advance(c, j, i + 1);
    case DYAD_PAT_SYNSET: {
        int next = synset_at(c, q, j < c->nlow, e->synset, i);
        if (next < 0)
            return 0;
        return advance(c, j, next);
    }
    case DYAD_PAT_TARGET:
    case DYAD_PAT_SOURCE:
        if (it->ne < 0)
            return 0;
        if (e->kind == DYAD_PAT_TARGET)
            c->tgt = it->ne;
        else
            c->src = it->ne;
        if (advance(c, j, i))
            return 1;
        break;
    case DYAD_PAT_SKIP:
        if (it->ne < 0 || it->ne_end < 0)
            return 0;
        return advance(c, j, it->ne_end);
    case DYAD_PAT_COMPOUND:
        if (it->nec < 0)
            return 0;
        c->src = c->tgt = it->nec;
        if (advance(c, j, i))
            return 1;
        break;
    default:
        return 0;
    }
    c->src = save_src;
    c->tgt = save_tgt;
    return 0;
}

/* Must element j stand right after what matched before it? In the lower part
 * that is the previous element's '_' (or "*_" for the first); in the upper part
 * (matched from the verb backwards) it is the element's own '_'. */
static int needs_adjacent(const mctx *c, int j)
{
    if (j < c->nlow)
        return j == 0 ? c->p->verb_adj : c->el[j - 1]->adj;
    return c->el[j]->adj;
}

/* Element j, searched from array position i onwards in its sequence. Markup
 * never matches; function words and numbers match only pattern words. */
static int dfs(mctx *c, int j, int i)
{
    if (++c->steps > MATCH_STEP_CAP)
        return 0;
    if (j == c->nlow + c->nup)
        return 1;
    const dyad_seq *q = j < c->nlow ? c->lower : c->upper;
    int adjacent = needs_adjacent(c, j);
    int word_elem = c->el[j]->kind == DYAD_PAT_WORD || c->el[j]->kind == DYAD_PAT_SYNSET;
    for (int k = i; k < q->n; k++) {
        const dyad_seq_item *it = &q->it[k];
        if (it->kind != SQ_WORD)
            continue;
        if (!it->skip || word_elem) {
            if (try_elem(c, j, k))
                return 1;
            if (c->steps > MATCH_STEP_CAP)
                return 0;
        }
        if (adjacent)
            return 0;
    }
    return 0;
}

static int matchable(const dyad_pat_elem *e)
{
    return e->kind != DYAD_PAT_PP_OPEN && e->kind != DYAD_PAT_PP_CLOSE &&
           e->kind != DYAD_PAT_NP_OPEN && e->kind != DYAD_PAT_NP_CLOSE;
}

static int seq_has_word(const dyad_seq *q, const char *w)
{
    for (int i = 0; i < q->n; i++)
        if (q->it[i].kind == SQ_WORD && !strcmp(q->it[i].s, w))
            return 1;
    return 0;
}

static int setup(mctx *c, const dyad_pattern *p)
{
    c->p = p;
    c->nlow = c->nup = 0;
    c->src = c->tgt = -1;
    c->steps = 0;
    for (int k = 0; k < p->nlower; k++) {
        const dyad_pat_elem *e = &p->lower[k];
        if (!matchable(e))
            continue;
        if (c->nlow >= MAX_PAT_ELEMS / 2)
            return 0;
        if (e->kind == DYAD_PAT_WORD && !seq_has_word(c->lower, e->word))
            return 0;
        c->el[c->nlow++] = e;
    }
    for (int k = p->nupper - 1; k >= 0; k--) {
        const dyad_pat_elem *e = &p->upper[k];
        if (!matchable(e))
            continue;
        if (c->nup >= MAX_PAT_ELEMS / 2)
            return 0;
        if (e->kind == DYAD_PAT_WORD && !seq_has_word(c->upper, e->word))
            return 0;
        c->el[c->nlow + c->nup++] = e;
    }
    return 1;
}

/* Patterns are tried longest first (most elements), then in file order, and the
 * first that matches wins — the TABARI rule the validation dictionaries assume. */
typedef struct cand {
    const dyad_pattern *p;
    int len, order;
} cand;

static int cand_cmp(const void *x, const void *y)
{
    const cand *a = x, *b = y;
    if (a->len != b->len)
        return b->len - a->len;
    return a->order - b->order;
}

static int pattern_len(const dyad_pattern *p)
{
    int n = 0;
    for (int k = 0; k < p->nlower; k++)
        n += matchable(&p->lower[k]);
    for (int k = 0; k < p->nupper; k++)
        n += matchable(&p->upper[k]);
    return n;
}

void dyad_match_blocks(dyad_match *m, const dyad_dict *d, const dyad_verb_block *const *blocks,
                       int nblocks, const dyad_seq *upper, const dyad_seq *lower, dyad_arena *a)
{
    m->pat = NULL;
    m->src = m->tgt = -1;
    int total = 0;
    for (int b = 0; b < nblocks; b++)
        total += blocks[b]->npatterns;
    if (!total)
        return;
    cand *cs = dyad_arena_alloc(a, (size_t)total * sizeof *cs);
    if (!cs)
        return;
    int n = 0;
    for (int b = 0; b < nblocks; b++)
        for (int k = 0; k < blocks[b]->npatterns; k++) {
            const dyad_pattern *p = &blocks[b]->patterns[k];
            cs[n] = (cand){p, pattern_len(p), n};
            n++;
        }
    qsort(cs, (size_t)n, sizeof *cs, cand_cmp);
    mctx c = {.d = d, .upper = upper, .lower = lower};
    for (int k = 0; k < n; k++) {
        if (!setup(&c, cs[k].p) || !dfs(&c, 0, 0))
            continue;
        m->pat = cs[k].p;
        m->src = c.src;
        m->tgt = c.tgt;
        return;
    }
}
