/* json.h: events as JSON Lines (through jansson). */
#ifndef DYAD_OUT_JSON_H
#define DYAD_OUT_JSON_H

#include <stdio.h>
#include "dyad.h"

/* dyad_event_write_json is public: see dyad.h. */

#endif
