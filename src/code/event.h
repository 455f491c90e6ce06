/* event.h: turn the coder's triples into full dyad_event records (CAMEO facts,
 * evidence spans). Internal to the library. */
#ifndef DYAD_CODE_EVENT_H
#define DYAD_CODE_EVENT_H

#include "code/coder.h"
#include "dyad.h"

typedef struct dyad_sentence_meta {
    const char *article, *sentence, *date, *text; /* text may be NULL */
} dyad_sentence_meta;

/* Fills ev[0..l->n) (caller-provided array) from the triples of one sentence.
 * Strings point into the arena a or into the inputs. */
int dyad_events_fill(dyad_event *ev, const dyad_coded_list *l, const dyad_tree *t,
                     const dyad_sentence_meta *m, dyad_arena *a);

#endif
