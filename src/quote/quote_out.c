/* quote_out.c: quotes of whole inputs (dyad_quotes_input) and as JSON Lines
 * (dyad_quote_write_json). */
#include <stdio.h>
#include <string.h>

#include "dyad.h"
#include "ingest/article.h"
#include "out/json.h"
#include "quote/quote.h"
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

int dyad_quotes_input(dyad_run_stats *st, const dyad_dict *dict, const char *path,
                      const dyad_input_opts *o, dyad_quote_fn fn, void *user, dyad_diag *d)
{
    dyad_input_format fmt = DYAD_INPUT_AUTO;
    if (o && o->format && dyad_input_format_parse(&fmt, o->format))
        return dyad_set_error(DYAD_EINVAL, "unknown input format '%s'", o->format);
    if (fmt == DYAD_INPUT_AUTO && !strcmp(path, "-"))
        fmt = DYAD_INPUT_TEXT;
    dyad_article_reader *r = NULL;
    dyad_arena *a = dyad_arena_new();
    int rc = a ? dyad_article_reader_open(&r, path, fmt, d)
               : dyad_set_error(DYAD_ENOMEM, "out of memory");
    const dyad_article *art;
    while (!rc && (rc = dyad_article_reader_next(r, &art)) > 0) {
        rc = 0;
        dyad_arena_reset(a);
        dyad_quote *q = NULL;
        int nq = 0;
        const char *date = o && o->date ? o->date : art->date;
        st->records++;
        /* the coding limit of dyad code (DYAD_ARTICLE_CODE_BYTES), at a space
         * or line break before it, reported */
        size_t n = art->text_len;
        if (n > DYAD_ARTICLE_CODE_BYTES) {
            n = DYAD_ARTICLE_CODE_BYTES;
            while (n > DYAD_ARTICLE_CODE_BYTES - 4096 && art->text[n - 1] != ' ' &&
                   art->text[n - 1] != '\n')
                n--;
            if (n == DYAD_ARTICLE_CODE_BYTES - 4096)
                n = DYAD_ARTICLE_CODE_BYTES;
            while (n > 0 && ((unsigned char)art->text[n] & 0xC0) == 0x80)
                n--;
            dyad_diag_report(d, DYAD_DIAG_WARNING, art->file, art->line,
                             "article %s: %zu bytes of text: only the first %zu read for quotes "
                             "(limit %u bytes)",
                             art->id, art->text_len, n, DYAD_ARTICLE_CODE_BYTES);
        }
        rc = dyad_quotes_find(&q, &nq, a, dict, art->id, date, art->text, n);
        if (rc == DYAD_ELIMIT) { /* too long to tokenize: reported, skipped */
            dyad_diag_report(d, DYAD_DIAG_WARNING, art->file, art->line, "article %s: %s",
                             art->id, dyad_last_error());
            st->input_errors++;
            rc = 0;
        }
        for (int i = 0; i < nq && !rc; i++)
            rc = fn(user, &q[i]);
    }
    if (r) {
        dyad_article_stats as;
        dyad_article_reader_stats(r, &as);
        st->input_errors += as.skipped;
    }
    dyad_article_reader_free(r);
    dyad_arena_free(a);
    return rc;
}
