/* quote_json.c: one JSON object per quote (dyad_quote_write_json), with the
 * direct writer of json.c; field order is fixed. */
#include <stdio.h>

#include "dyad.h"
#include "out/json.h"
#include "util/util.h"

static void put_field(dyad_buf *b, const char *name, const char *v)
{
    dyad_buf_printf(b, ",\"%s\":", name);
    dyad_json_put_str(b, v);
}

int dyad_quote_write_json(FILE *f, const dyad_quote *q)
{
    dyad_buf b;
    dyad_buf_init(&b);
    dyad_buf_puts(&b, "{\"type\":\"quote\"");
    put_field(&b, "article", q->article ? q->article : "");
    put_field(&b, "date", q->date ? q->date : "");
    put_field(&b, "speaker", q->speaker ? q->speaker : "");
    put_field(&b, "role", q->role);
    put_field(&b, "actor", q->actor);
    put_field(&b, "quote", q->quote ? q->quote : "");
    put_field(&b, "cue", q->cue);
    put_field(&b, "kind", q->kind ? q->kind : "direct");
    dyad_buf_printf(&b, ",\"start\":%d,\"end\":%d", q->quote_span.start, q->quote_span.end);
    if (q->speaker_span.start >= 0)
        dyad_buf_printf(&b, ",\"speaker_start\":%d,\"speaker_end\":%d}\n", q->speaker_span.start,
                        q->speaker_span.end);
    else
        dyad_buf_puts(&b, ",\"speaker_start\":null,\"speaker_end\":null}\n");
    int rc = 0;
    if (!b.data)
        rc = dyad_set_error(DYAD_ENOMEM, "out of memory");
    else if (fwrite(b.data, 1, b.len, f) != b.len)
        rc = dyad_set_error(DYAD_EIO, "cannot write output");
    dyad_buf_free(&b);
    return rc;
}
