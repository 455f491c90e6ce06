/* cameo.h: the CAMEO event-code table (internal, not installed).
 *
 * Names, Goldstein scores, quad classes and PLOVER categories for every
 * CAMEO 1.1b3 event code. The data lives in data/cameo.tsv (its header comment
 * gives the sources and the rules, e.g. the quad-class convention);
 * tools/gen_cameo_table.py turns it into cameo_table.c.
 *
 * Ownership: everything returned here is static, read-only data. Never free
 * it; it is valid for the life of the program and safe to share across threads.
 */
#ifndef DYAD_DICT_CAMEO_H
#define DYAD_DICT_CAMEO_H

#include <stddef.h>

typedef struct dyad_cameo_info {
    const char *code;        /* "042" */
    const char *name;        /* "Make a visit" */
    const char *plover;      /* PLOVER category, e.g. "CONSULT"; "" if none (01x, 02x) */
    const char *plover_mode; /* PLOVER mode, e.g. "visit"; "" if none */
    double goldstein;        /* -10.0 .. +10.0 */
    int quad_class;          /* 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict */
} dyad_cameo_info;

/* Looks up a CAMEO code: the exact code if it is in the table, else its
 * longest known prefix ("0431" unknown -> "043"; "049" unknown -> "04").
 * Only the first four digits count ("04311" -> "043"). Returns NULL when code
 * is NULL, shorter than two characters, contains anything but ASCII digits, or
 * its root is not 01-20. */
const dyad_cameo_info *dyad_cameo_lookup(const char *code);

/* 1 if code is exactly a code of the table ("042"), else 0 (NULL -> 0). */
int dyad_cameo_valid(const char *code);

/* Number of codes in the table. */
size_t dyad_cameo_count(void);

/* The i-th entry in code order (strcmp order: "01" < "010" < ... < "2042"),
 * or NULL when i >= dyad_cameo_count(). For listing and tests. */
const dyad_cameo_info *dyad_cameo_at(size_t i);

/* The generated table (cameo_table.c); use the functions above instead. */
extern const dyad_cameo_info dyad_cameo__table[];
extern const size_t dyad_cameo__table_len;

#endif
