/* shard.c: which shard an article belongs to (dyad_shard_hash, dyad.h), and
 * the public face of infile.h. The hash is FNV-1a 64 over the id's bytes:
 * stable across machines, builds and versions, so that N workers reading the
 * same input split it without talking to each other. */
#include <string.h>

#include "dyad.h"
#include "ingest/infile.h"

uint64_t dyad_shard_hash(const char *id)
{
    uint64_t h = 14695981039346656037ull;
    for (const unsigned char *p = (const unsigned char *)(id ? id : ""); *p; p++)
        h = (h ^ *p) * 1099511628211ull;
    return h;
}

int dyad_shard_of(const char *id, int n)
{
    return n > 1 ? (int)(dyad_shard_hash(id) % (uint64_t)n) : 0;
}

FILE *dyad_input_open(const char *path) { return dyad_infile_open(path); }

void dyad_input_close(FILE *f) { dyad_infile_close(f); }
