/* run.h: code whole inputs and hand each event to a callback (internal side of
 * dyad_code_petrxml in dyad.h). */
#ifndef DYAD_CODE_RUN_H
#define DYAD_CODE_RUN_H

#include "code/coder.h"
#include "code/country.h"
#include "dyad.h"

/* Codes one sentence given its Penn parse. article/sentence/date/text are copied
 * into the events. Returns 0, DYAD_EPARSE / DYAD_ELIMIT (bad tree, reported
 * through d), DYAD_ENOMEM, or the callback's non-zero value; *discard is set to
 * 1/2 for a sentence/story discard and *nevents counts the events. countries
 * (may be NULL: actors keep "---") is the article's country context
 * (country.h): the events' actors take their countries from it and the
 * sentence is noted in it. */
int dyad_run_parse(const dyad_coder *c, const char *article, const char *sentence,
                   const char *date, const char *text, const char *parse, size_t parse_len,
                   const char *file, long line, dyad_event_fn fn, void *user, int *discard,
                   long *nevents, dyad_country_ctx *countries, dyad_arena *scratch,
                   dyad_diag *d);

#endif
