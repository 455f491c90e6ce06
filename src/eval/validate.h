/* validate.h: code a PETRARCH validation file and compare with its expectations.
 *
 * A record is correct when the set of (source, target, event) triples coded for
 * it equals the set of its <EventCoding> elements (none for noevents="True"),
 * or, for a record that expects an error (error="bad_input_parse", "dateline",
 * "sentencediscard", "storydiscard"), when coding rejects it for that reason.
 */
#ifndef DYAD_EVAL_VALIDATE_H
#define DYAD_EVAL_VALIDATE_H

#include <stdio.h>
#include "dyad.h"
#include "util/util.h"

/* The API is public: see dyad.h (dyad_validate_file). */

#endif
