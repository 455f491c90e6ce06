/* testutil.h: shared helpers for the cmocka unit tests. */
#ifndef DYAD_TESTUTIL_H
#define DYAD_TESTUTIL_H
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <dyad.h>

/* Path of a file in ../shared/corpora (relative to the repo root, where tests run),
 * or NULL when the shared folder is absent: tests that need it call skip(). */
static inline const char *shared_corpus(const char *rel)
{
    static char buf[4][512];
    static int k;
    char *p = buf[k++ & 3];
    snprintf(p, 512, "../shared/corpora/%s", rel);
    if (access(p, R_OK) != 0) {
        fprintf(stderr, "skip: %s not found (../shared absent)\n", p);
        return NULL;
    }
    return p;
}

/* Collects diagnostics (a sink {diag_capture_fn, &cap}): how many in all and by
 * level, the last message and its line, and the first CAPTURE_MAX messages
 * with their lines and levels. */
#define CAPTURE_MAX 64
typedef struct diag_capture {
    int n, errors, warnings; /* messages in all; errors; warnings */
    long line;               /* line of the last message */
    char msg[512];           /* the last message */
    long lines[CAPTURE_MAX];
    int levels[CAPTURE_MAX];
    char msgs[CAPTURE_MAX][256];
} diag_capture;

static inline void diag_capture_fn(void *user, dyad_diag_level lvl, const char *file, long line,
                                   const char *msg)
{
    diag_capture *c = user;
    (void)file;
    if (lvl == DYAD_DIAG_ERROR)
        c->errors++;
    else
        c->warnings++;
    c->line = line;
    snprintf(c->msg, sizeof c->msg, "%s", msg);
    if (c->n < CAPTURE_MAX) {
        c->lines[c->n] = line;
        c->levels[c->n] = lvl;
        snprintf(c->msgs[c->n], sizeof c->msgs[0], "%s", msg);
    }
    c->n++;
}
#endif
