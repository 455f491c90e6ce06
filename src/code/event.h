/* event.h: turn the coder's triples into full dyad_event records (CAMEO facts,
 * evidence spans). Internal to the library. */
#ifndef DYAD_CODE_EVENT_H
#define DYAD_CODE_EVENT_H

#include "code/coder.h"
#include "dyad.h"

typedef struct dyad_sentence_meta {
    const char *article, *sentence, *date, *text; /* text may be NULL */
    int partial_parse; /* 1: the parser left words out (dyad_event_basis) */
} dyad_sentence_meta;

/* Fills ev[0..l->n) (caller-provided array) from the triples of one sentence,
 * with their basis and confidence (confidence.h; set it again when the actors
 * change). Strings point into the arena a or into the inputs. */
int dyad_events_fill(dyad_event *ev, const dyad_coded_list *l, const dyad_tree *t,
                     const dyad_sentence_meta *m, dyad_arena *a);

/* Dates the events ev[0..n) of one sentence: the date expression
 * that dyad_date_pick gives for the event's verb (else its source, its
 * target) sets date ("YYYY", "YYYY-MM", ... or a range), date_source "text"
 * and date_span; without one, date is article_date and date_source
 * "article". Also sets article_date and mentions = 1. When day is not NULL,
 * day[i] receives the day to code event i's date-restricted actors with
 * ("YYYY-MM-DD", or article_date). Strings come from a. ds may be NULL. */
struct dyad_date_sent;
struct dyad_date;
int dyad_events_date(dyad_event *ev, int n, const struct dyad_date_sent *ds,
                     const struct dyad_date *article, const char *article_date,
                     const char **day, dyad_arena *a);

/* Merges identical events of one article (same date, source, target
 * and code) into the first one, in place, after dropping each one-sided
 * event that an event of the article with both sides tells (the same side,
 * the same CAMEO root and PLOVER category): it keeps the first one's place and
 * evidence, the highest confidence (and its basis), counts them in mentions and lists every mention's evidence in
 * mention (from a). *n becomes the number of records. 0 or DYAD_ENOMEM. */
int dyad_events_merge(dyad_event *ev, int *n, dyad_arena *a);

#endif
