/* gazetteer.h: dyad's offline gazetteer (data/geo/gazetteer.tsv, built from
 * GeoNames by tools/gen_gazetteer.py) held in memory, and the name lookups that
 * find place mentions in a sentence.
 *
 * File format: UTF-8 text, one place per line, '#' lines are comments, eight
 * tab-separated fields:
 *
 *     id kind iso3 admin1 lat lon population names
 *
 * id: GeoNames id (0 = none); kind: country, admin1, region or place; iso3:
 * ISO 3166-1 alpha-3 country code (three capitals); admin1: the GeoNames
 * first-level division code within the country (may be empty); lat in
 * [-90, 90], lon in [-180, 180]; population >= 0; names: '|'-separated, the
 * first is the name shown. A user's additions file has the same format.
 * A malformed line is reported as "file:line: reason" through the dyad_diag
 * sink and skipped; the rest still loads.
 *
 * Names are compared in a normal form (dyad_geo_norm): case folded, accents
 * removed, '-' and '_' read as a space, '.' dropped, curly apostrophes
 * straightened, runs of spaces as one: "Nagorno-Karabakh" = "nagorno karabakh",
 * "Kyiv" and "Kiev" both lead to the same place, "U.S." = "us".
 *
 * Ownership: dyad_gazetteer_load* return a gazetteer through *out that the
 * caller releases with dyad_gazetteer_free (accepts NULL). Places and strings
 * handed out are owned by it and valid until then. A loaded gazetteer is
 * immutable: any number of threads may look names up concurrently.
 */
#ifndef DYAD_GEO_GAZETTEER_H
#define DYAD_GEO_GAZETTEER_H

#include <stddef.h>

#include "util/util.h"

typedef enum dyad_geo_kind {
    DYAD_GEO_COUNTRY,
    DYAD_GEO_ADMIN1,
    DYAD_GEO_REGION,  /* a region that is not a populated place ("the Gaza Strip") */
    DYAD_GEO_PLACE    /* a city, town or village */
} dyad_geo_kind;

typedef struct dyad_place {
    long id;              /* GeoNames id, 0 = none */
    dyad_geo_kind kind;
    char iso3[4];         /* "UKR" */
    const char *admin1;   /* first-level code ("12"), "" when none */
    const char *name;     /* the name shown ("Kyiv") */
    double lat, lon;
    long population;
} dyad_place;

typedef struct dyad_gazetteer dyad_gazetteer;

/* Loads the gazetteer files paths[0..n) (the shipped file, then a user's
 * additions), in this order. Returns 0; DYAD_EIO (a file is missing or
 * unreadable: nothing is returned), DYAD_ENOMEM; DYAD_EPARSE when no valid
 * line was read at all. Malformed lines go to d (NULL: stderr). */
int dyad_gazetteer_load(dyad_gazetteer **out, const char *const *paths, int n, dyad_diag *d);
/* The same from memory (for tests and fuzzing): data[0..len) named name. */
int dyad_gazetteer_load_mem(dyad_gazetteer **out, const char *name, const char *data, size_t len,
                            dyad_diag *d);
void dyad_gazetteer_free(dyad_gazetteer *g);

/* Number of places loaded. */
long dyad_gazetteer_count(const dyad_gazetteer *g);
/* The most words of any name (after dyad_geo_norm), for n-gram matching. */
int dyad_gazetteer_max_words(const dyad_gazetteer *g);

/* The places called by the name s[0..n) (any case and accents). Writes up to max
 * of them into out, most populous first (countries before regions and admin1
 * before places of the same population), and returns how many places have that
 * name (may exceed max); 0 when none. */
int dyad_gazetteer_find(const dyad_gazetteer *g, const char *s, size_t n, const dyad_place **out,
                        int max);
/* The longest name that the words w[0..nw) start with: returns its number of
 * words (0 when none) and writes its places as dyad_gazetteer_find does into
 * out[0..max), their count into *nplaces. Words are joined by one space before
 * the lookup; a word may itself hold a hyphen ("Nagorno-Karabakh"). */
int dyad_gazetteer_match(const dyad_gazetteer *g, const char *const *w, int nw,
                         const dyad_place **out, int max, int *nplaces);
/* The country entry of iso3, or NULL. */
const dyad_place *dyad_gazetteer_country(const dyad_gazetteer *g, const char *iso3);
/* The first-level division (iso3, admin1 code), or NULL. */
const dyad_place *dyad_gazetteer_admin1(const dyad_gazetteer *g, const char *iso3,
                                        const char *admin1);

/* Writes the normal form of s[0..n) into out (at most cap bytes with its NUL)
 * and returns its length, or -1 when it does not fit or s is not valid UTF-8. */
int dyad_geo_norm(const char *s, size_t n, char *out, size_t cap);

#endif
