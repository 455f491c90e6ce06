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
#endif
