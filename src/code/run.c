/* run.c: code files of records. */
#include "code/run.h"

#include <stdio.h>
#include <string.h>

#include "code/confidence.h"
#include "code/country.h"
#include "code/event.h"
#include "ingest/petrxml.h"
#include "parse/conllu.h"
#include "parse/tree.h"

int dyad_run_parse(const dyad_coder *c, const char *article, const char *sentence,
                   const char *date, const char *text, const char *parse, size_t parse_len,
                   const char *file, long line, dyad_event_fn fn, void *user, int *discard,
                   long *nevents, dyad_country_ctx *countries, dyad_arena *a, dyad_diag *d)
{
    *discard = 0;
    dyad_tree *t = NULL;
    /* CoNLL-U dispatch: UD parses go to the CoNLL-U converter */
    int rc = dyad_conllu_detect(parse, parse_len)
                 ? dyad_conllu_parse(&t, a, parse, parse_len, d, file, line)
                 : dyad_ptb_parse(&t, a, parse, parse_len, d, file, line);
    if (rc)
        return rc;
    dyad_tree_align(t, a, text);
    /* the countries of earlier sentences for this one's actors; then its own */
    dyad_country_ctx before = {"", ""};
    if (countries) {
        before = *countries;
        dyad_country_note_sentence(countries, c->dict, t, text, date, a);
    }
    dyad_coded_list l;
    rc = dyad_code_tree(&l, c, t, text, date, a);
    if (rc) {
        if (rc != DYAD_ENOMEM)
            dyad_diag_report(d, DYAD_DIAG_ERROR, file, line, "sentence %s: %s", sentence,
                             dyad_last_error());
        return rc;
    }
    *discard = l.discard;
    if (!l.n)
        return 0;
    dyad_event *ev = dyad_arena_alloc(a, (size_t)l.n * sizeof *ev);
    if (!ev)
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    dyad_sentence_meta m = {article, sentence, date, text};
    if ((rc = dyad_events_fill(ev, &l, t, &m, a)))
        return rc;
    if (countries && (rc = dyad_country_fill(ev, l.n, t, &before, c->dict, date, a)))
        return rc;
    dyad_confidence_set(ev, l.n); /* again: the actors may have got a country */
    for (int i = 0; i < l.n; i++) {
        int r = fn(user, &ev[i]);
        if (r)
            return r;
    }
    *nevents += l.n;
    return 0;
}

/* "AFP0808020625_4" -> article "AFP0808020625"; other ids are their own article. */
static const char *article_of(const char *id, dyad_arena *a)
{
    const char *us = strrchr(id, '_');
    if (!us || !us[1] || us == id)
        return id;
    for (const char *p = us + 1; *p; p++)
        if (*p < '0' || *p > '9')
            return id;
    return dyad_arena_strndup(a, id, (size_t)(us - id));
}

int dyad_code_petrxml(dyad_run_stats *st, dyad_coder *c, const char *path, const char *date,
                      dyad_event_fn fn, void *user, dyad_diag *d)
{
    dyad_petrxml *x = NULL;
    int rc = dyad_petrxml_open(&x, path, d);
    if (rc)
        return rc;
    dyad_arena *a = dyad_arena_new();
    if (!a) {
        dyad_petrxml_free(x);
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    }
    const dyad_record *rec;
    char skip_article[512] = "";
    /* the article's countries so far (country.h): its codes are kept here,
     * as the arena is reset for each record */
    char cur_article[512] = "", last_country[8] = "";
    dyad_country_ctx countries = {"", ""};
    while (dyad_petrxml_next(x, &rec) == 1) {
        dyad_arena_reset(a);
        st->records++;
        for (int i = 0; i < rec->nconfig; i++)
            if (dyad_coder_set_option(c, rec->config[i].option, rec->config[i].value))
                dyad_diag_report(d, DYAD_DIAG_WARNING, path, rec->line, "<Config>: %s",
                                 dyad_last_error());
        const char *article = article_of(rec->id, a);
        if (skip_article[0] && !strcmp(skip_article, article))
            continue;
        if (!rec->parse) {
            dyad_diag_report(d, DYAD_DIAG_ERROR, path, rec->line,
                             "record %s has no <Parse>; skipped", rec->id);
            st->input_errors++;
            continue;
        }
        int discard = 0;
        if (strcmp(cur_article, article)) {
            snprintf(cur_article, sizeof cur_article, "%s", article);
            last_country[0] = 0;
        }
        countries.last = last_country;
        rc = dyad_run_parse(c, article, rec->id, date ? date : rec->date, rec->text, rec->parse,
                            strlen(rec->parse), path, rec->parse_line, fn, user, &discard,
                            &st->events, &countries, a, d);
        snprintf(last_country, sizeof last_country, "%s", countries.last ? countries.last : "");
        if (rc == DYAD_EPARSE || rc == DYAD_ELIMIT) {
            st->input_errors++;
            rc = 0;
            continue;
        }
        if (rc)
            break;
        st->sentences_coded++;
        if (discard)
            st->discarded++;
        if (discard == 2)
            snprintf(skip_article, sizeof skip_article, "%s", article);
        else
            skip_article[0] = 0;
    }
    st->xml_errors += dyad_petrxml_errors(x);
    dyad_arena_free(a);
    dyad_petrxml_free(x);
    return rc;
}
