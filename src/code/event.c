/* event.c: CAMEO facts and evidence spans for coded triples. */
#include "code/event.h"

#include <string.h>

#include "dict/cameo.h"
#include "code/confidence.h"
#include "date/date.h"

static dyad_span tok_span(const dyad_tree *t, int t0, int t1)
{
    dyad_span s = {-1, -1};
    if (!t || !t->tok_start || t0 < 0 || t1 < t0 || t1 >= t->ntok)
        return s;
    /* first and last aligned tokens of the range */
    for (int k = t0; k <= t1 && s.start < 0; k++)
        s.start = t->tok_start[k];
    for (int k = t1; k >= t0 && s.end < 0; k--)
        s.end = t->tok_end[k];
    if (s.start < 0 || s.end < s.start)
        s.start = s.end = -1;
    return s;
}

static const char *span_text(const char *text, dyad_span s, dyad_arena *a)
{
    if (!text || s.start < 0)
        return "";
    size_t n = strlen(text);
    if ((size_t)s.end > n)
        return "";
    return dyad_arena_strndup(a, text + s.start, (size_t)(s.end - s.start));
}

int dyad_events_fill(dyad_event *ev, const dyad_coded_list *l, const dyad_tree *t,
                     const dyad_sentence_meta *m, dyad_arena *a)
{
    for (int i = 0; i < l->n; i++) {
        const dyad_coded *c = &l->ev[i];
        dyad_event *e = &ev[i];
        memset(e, 0, sizeof *e);
        e->article = m->article ? m->article : "";
        e->sentence = m->sentence ? m->sentence : "";
        e->date = m->date ? m->date : "";
        e->text = m->text ? m->text : "";
        e->source = c->source;
        e->target = c->target;
        e->cameo = c->code;
        const dyad_cameo_info *ci = dyad_cameo_lookup(c->code);
        e->plover = ci ? ci->plover : "";
        e->quad_class = ci ? ci->quad_class : 0;
        e->goldstein = ci ? ci->goldstein : 0.0;
        e->source_span = tok_span(t, c->src_tok0, c->src_tok1);
        e->target_span = tok_span(t, c->tgt_tok0, c->tgt_tok1);
        e->verb_span = tok_span(t, c->verb_tok0, c->verb_tok1 >= c->verb_tok0 ? c->verb_tok1 : c->verb_tok0);
        e->source_text = span_text(m->text, e->source_span, a);
        e->target_text = span_text(m->text, e->target_span, a);
        e->verb_text = span_text(m->text, e->verb_span, a);
        e->issues = l->issues ? l->issues : "";
        e->modality = c->modality ? c->modality : "asserted";
        e->date_span.start = e->date_span.end = -1;
        e->date_text = "";
        e->basis = (dyad_event_basis){m->partial_parse != 0, c->origin, c->pattern_words,
                                      c->clause_depth, t ? t->ntok : 0};
        e->confidence = dyad_confidence_of(e);
        if (!e->source_text || !e->target_text || !e->verb_text)
            return dyad_set_error(DYAD_ENOMEM, "out of memory");
    }
    return 0;
}

/* Where the event sits in its sentence: the verb, else the source,
 * else the target; -1 when none is known. */
static int event_pos(const dyad_event *e)
{
    if (e->verb_span.start >= 0)
        return e->verb_span.start;
    if (e->source_span.start >= 0)
        return e->source_span.start;
    return e->target_span.start;
}

int dyad_events_date(dyad_event *ev, int n, const dyad_date_sent *ds, const dyad_date *article,
                     const char *article_date, const char **day, dyad_arena *a)
{
    if (!article_date)
        article_date = "";
    for (int i = 0; i < n; i++) {
        dyad_event *e = &ev[i];
        const dyad_date_expr *x = ds ? dyad_date_pick(ds, event_pos(e)) : NULL;
        e->article_date = article_date;
        e->mentions = 1;
        if (!x) {
            e->date = article_date;
            e->date_source = "article";
            e->date_span.start = e->date_span.end = -1;
            e->date_text = "";
            if (day)
                day[i] = article_date;
            continue;
        }
        char buf[48], cd[16];
        e->date = dyad_arena_strdup(a, dyad_date_format(buf, sizeof buf, &x->value));
        e->date_source = "text";
        e->date_span.start = x->start;
        e->date_span.end = x->end;
        e->date_text = span_text(e->text, e->date_span, a);
        if (day)
            day[i] = dyad_arena_strdup(a, dyad_date_coder_day(cd, sizeof cd, &x->value, article));
        if (!e->date || !e->date_text || (day && !day[i]))
            return dyad_set_error(DYAD_ENOMEM, "out of memory");
    }
    return 0;
}

static size_t key_hash(const dyad_event *e)
{
    const char *f[4] = {e->date, e->source, e->target, e->cameo};
    size_t h = 1469598103934665603ull;
    for (int i = 0; i < 4; i++) {
        for (const char *s = f[i] ? f[i] : ""; *s; s++)
            h = (h ^ (unsigned char)*s) * 1099511628211ull;
        h = (h ^ 0xff) * 1099511628211ull; /* field separator */
    }
    return h;
}

static int same_key(const dyad_event *a, const dyad_event *b)
{
    const char *x[4] = {a->date, a->source, a->target, a->cameo};
    const char *y[4] = {b->date, b->source, b->target, b->cameo};
    for (int i = 0; i < 4; i++)
        if (strcmp(x[i] ? x[i] : "", y[i] ? y[i] : ""))
            return 0;
    return 1;
}

static dyad_mention mention_of(const dyad_event *e)
{
    dyad_mention m = {e->sentence, e->text, e->source_span, e->target_span, e->verb_span,
                      e->date_span, e->source_text, e->target_text, e->verb_text,
                      e->date_text ? e->date_text : ""};
    return m;
}

/* Do CAMEO codes a and b share their root and their PLOVER category? */
static int same_kind(const char *a, const char *b)
{
    if (!a || !b || strncmp(a, b, 2))
        return 0;
    const dyad_cameo_info *ia = dyad_cameo_lookup(a), *ib = dyad_cameo_lookup(b);
    const char *pa = ia && ia->plover ? ia->plover : "", *pb = ib && ib->plover ? ib->plover : "";
    return !strcmp(pa, pb);
}

/* Drops, in place, each one-sided event (source or target "") that an event
 * of the article with both sides already tells: the same side and the same
 * kind of act ("Israeli attacks" in the title, "Israeli attacks on
 * Palestinians" in the text are one event). Returns the new count. */
static int drop_told_one_sided(dyad_event *ev, int n)
{
    int m = 0;
    for (int i = 0; i < n; i++) {
        const dyad_event *e = &ev[i];
        const char *s = e->source ? e->source : "", *t = e->target ? e->target : "";
        int drop = 0;
        for (int j = 0; j < n && !drop && (!s[0] != !t[0]); j++) {
            const dyad_event *f = &ev[j];
            if (j == i || !f->source || !f->target || !f->source[0] || !f->target[0] ||
                !same_kind(e->cameo, f->cameo))
                continue;
            drop = s[0] ? !strcmp(s, f->source) : !strcmp(t, f->target);
        }
        if (!drop)
            ev[m++] = *e;
    }
    return m;
}

int dyad_events_merge(dyad_event *ev, int *n, dyad_arena *a)
{
    *n = drop_told_one_sided(ev, *n);
    int cnt = *n;
    if (cnt < 2)
        return 0;
    /* first[i]: the index of the first event with i's key (open addressing) */
    size_t cap = 16;
    while (cap < (size_t)cnt * 2)
        cap *= 2;
    int *slot = dyad_arena_alloc(a, cap * sizeof *slot);
    int *first = dyad_arena_alloc(a, (size_t)cnt * sizeof *first);
    int *fill = dyad_arena_alloc(a, (size_t)cnt * sizeof *fill);
    if (!slot || !first || !fill)
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    for (size_t i = 0; i < cap; i++)
        slot[i] = -1;
    for (int i = 0; i < cnt; i++) {
        size_t h = key_hash(&ev[i]) & (cap - 1);
        while (slot[h] >= 0 && !same_key(&ev[slot[h]], &ev[i]))
            h = (h + 1) & (cap - 1);
        if (slot[h] < 0)
            slot[h] = i;
        first[i] = slot[h];
        if (first[i] != i) {
            ev[first[i]].mentions = (ev[first[i]].mentions > 0 ? ev[first[i]].mentions : 1) + 1;
            if (ev[i].confidence > ev[first[i]].confidence) { /* the best-told mention's */
                ev[first[i]].confidence = ev[i].confidence;
                ev[first[i]].basis = ev[i].basis;
            }
        }
    }
    /* the evidence of every mention, in text order */
    for (int i = 0; i < cnt; i++) {
        dyad_event *r = &ev[first[i]];
        if (r->mentions < 2)
            continue;
        if (first[i] == i) {
            dyad_mention *m = dyad_arena_alloc(a, (size_t)r->mentions * sizeof *m);
            if (!m)
                return dyad_set_error(DYAD_ENOMEM, "out of memory");
            r->mention = m;
            fill[i] = 0;
        }
        ((dyad_mention *)r->mention)[fill[first[i]]++] = mention_of(&ev[i]);
    }
    int k = 0;
    for (int i = 0; i < cnt; i++)
        if (first[i] == i)
            ev[k++] = ev[i];
    *n = k;
    return 0;
}
