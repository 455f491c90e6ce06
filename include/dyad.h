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

#ifdef __cplusplus
}
#endif
#endif
