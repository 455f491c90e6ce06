/* json.h: events and quotes as JSON Lines, written directly (json.c, quote_json.c). */
#ifndef DYAD_OUT_JSON_H
#define DYAD_OUT_JSON_H

#include <stdio.h>
#include "dyad.h"
#include "util/util.h"

/* dyad_event_write_json is public: see dyad.h. */

/* Appends s to b as a JSON string (RFC 8259 escapes: quote, backslash, control
 * characters; s must be valid UTF-8, as every string is after ingest), or
 * null when s is NULL. */
void dyad_json_put_str(dyad_buf *b, const char *s);

#endif
