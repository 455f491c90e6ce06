/* json.c: one JSON object per event. Field order is fixed (JSON_PRESERVE_ORDER)
 * so output is stable and diffable. */
#include "out/json.h"

#include <jansson.h>

#include "util/util.h"

static json_t *span_obj(dyad_span s, const char *text)
{
    if (s.start < 0)
        return json_null();
    return json_pack("{s:i, s:i, s:s}", "start", s.start, "end", s.end, "text", text ? text : "");
}

int dyad_event_write_json(FILE *f, const dyad_event *e)
{
    json_t *ev = json_pack("{s:o, s:o, s:o}", "source", span_obj(e->source_span, e->source_text),
                           "target", span_obj(e->target_span, e->target_text), "verb",
                           span_obj(e->verb_span, e->verb_text));
    json_t *o = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:i, s:f, s:s, s:s, s:o}",
                          "type", "event", "article", e->article, "sentence", e->sentence, "date",
                          e->date, "source", e->source, "target", e->target, "cameo", e->cameo,
                          "quad_class", e->quad_class, "goldstein", e->goldstein, "plover",
                          e->plover ? e->plover : "", "text", e->text, "evidence",
                          ev ? ev : json_null());
    if (!o)
        return dyad_set_error(DYAD_ENOMEM, "cannot build JSON for an event");
    if (e->issues && e->issues[0])
        json_object_set_new(o, "issues", json_string(e->issues));
    int rc = json_dumpf(o, f, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6));
    json_decref(o);
    if (rc || fputc('\n', f) == EOF)
        return dyad_set_error(DYAD_EIO, "cannot write output");
    return 0;
}
