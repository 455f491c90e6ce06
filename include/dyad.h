/* dyad.h: the public API of libdyad, an event-data coder.
 *
 * Conventions (the whole API):
 * - Functions that can fail return 0 or a negative dyad_err; the per-thread
 *   message dyad_last_error() then names the file, line and reason.
 * - Out-parameters come first. What a function returns through **out belongs
 *   to the caller and is released by the matching _free function; every _free
 *   accepts NULL.
 * - Input problems that do not stop the work (a malformed dictionary line, a
 *   record without a parse) are reported through a dyad_diag sink and counted;
 *   the rest of the input is still processed.
 */
#ifndef DYAD_H
#define DYAD_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define DYAD_VERSION "0.1.0"

typedef enum dyad_err {
    DYAD_OK = 0,
    DYAD_ENOMEM = -1,   /* out of memory */
    DYAD_EIO = -2,      /* a file could not be opened or read */
    DYAD_EPARSE = -3,   /* malformed input */
    DYAD_EINVAL = -4,   /* bad argument */
    DYAD_ENOTFOUND = -5,/* a named thing (file, code) does not exist */
    DYAD_ELIMIT = -6    /* input exceeds a hard cap (depth, length) */
} dyad_err;

/* The message of the last error on this thread (never NULL; "" if none). */
const char *dyad_last_error(void);


/* ---- events --------------------------------------------------------- */

/* A character span [start, end) in the sentence text; start < 0 when unknown. */
typedef struct dyad_span {
    int start, end;
} dyad_span;

/* One coded event. All strings are owned by the structure that holds the event
 * (a dyad_events list); copy what you keep. */
typedef struct dyad_event {
    const char *article;   /* article id ("" if none) */
    const char *sentence;  /* sentence id */
    const char *date;      /* YYYYMMDD as given, or YYYY-MM-DD */
    const char *source;    /* actor code, e.g. "IRNGOV"; "---" when unknown */
    const char *target;    /* actor code or "---" */
    const char *cameo;     /* CAMEO event code, e.g. "042" */
    const char *plover;    /* PLOVER category, e.g. "CONSULT"; "" if none */
    int quad_class;        /* 0 neutral, 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict */
    double goldstein;      /* Goldstein score of the code */
    const char *text;      /* the sentence text */
    dyad_span source_span, target_span, verb_span; /* evidence */
    const char *source_text, *target_text, *verb_text; /* the matched words (may be "") */
    const char *issues;    /* ";"-separated issue codes, "" if none */
} dyad_event;

#ifdef __cplusplus
}
#endif
#endif
