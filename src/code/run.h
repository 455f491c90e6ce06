/* run.h: code whole inputs (files of records) and hand each event to a callback. */
#ifndef DYAD_CODE_RUN_H
#define DYAD_CODE_RUN_H

#include "code/coder.h"
#include "dyad.h"

/* Called for each coded event; return non-zero to stop (that value is returned). */
typedef int (*dyad_event_fn)(void *user, const dyad_event *e);

typedef struct dyad_run_stats {
    long records, sentences_coded, events, discarded;
    long input_errors; /* records that could not be coded (no parse, broken parse) */
    long xml_errors;   /* errors the XML reader reported (a truncated file, bad markup) */
} dyad_run_stats;

/* Codes every record of a PETRARCH XML file. Records that cannot be read (no
 * parse, a broken parse) are reported through d with file:line and counted in
 * st->input_errors; the others are still coded. Returns 0, the callback's
 * non-zero value, or a negative dyad_err (file unreadable, out of memory). */
int dyad_run_petrxml(dyad_run_stats *st, const char *path, const dyad_dict *dict,
                     const dyad_code_opts *o, const char *date_override, dyad_event_fn fn,
                     void *user, dyad_diag *d);

/* Codes one sentence given its Penn parse. article/sentence/date/text are copied
 * into the events. Returns 0, DYAD_EPARSE (bad tree, reported through d), or
 * DYAD_ENOMEM; *discard is set to 1/2 for a sentence/story discard. */
int dyad_run_parse(const dyad_dict *dict, const dyad_code_opts *o, const char *article,
                   const char *sentence, const char *date, const char *text, const char *parse,
                   size_t parse_len, const char *file, long line, dyad_event_fn fn, void *user,
                   int *discard, long *nevents, dyad_arena *scratch, dyad_diag *d);

#endif
