/* quote_input.c: quotes of whole inputs (dyad_quotes_input): every article of
 * a file, read by the ingest readers, cut at the coding limit, quotes handed
 * to a callback. */
#include <stdio.h>
#include <string.h>

#include "dyad.h"
#include "ingest/article.h"
#include "quote/quote.h"
#include "util/util.h"

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
