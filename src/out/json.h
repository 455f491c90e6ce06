/* json.h: events as JSON Lines (through jansson). */
#ifndef DYAD_OUT_JSON_H
#define DYAD_OUT_JSON_H

#include <stdio.h>
#include "dyad.h"

/* Writes e as one compact JSON object and a newline. Returns 0, DYAD_ENOMEM or
 * DYAD_EIO (message set). */
int dyad_event_write_json(FILE *f, const dyad_event *e);

#endif
