/* event.c: CAMEO facts and evidence spans for coded triples. */
#include "code/event.h"

#include <string.h>

#include "code/cameo.h"

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
        if (!e->source_text || !e->target_text || !e->verb_text)
            return dyad_set_error(DYAD_ENOMEM, "out of memory");
    }
    return 0;
}
