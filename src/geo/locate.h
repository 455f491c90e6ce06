/* locate.h: where an event happened. Finds the place names of a parsed
 * sentence (gazetteer names and "the village of X"-style names the gazetteer
 * lacks), resolves each to one place of the gazetteer using the sentence's
 * and the article's other places, and chooses the place of the event whose
 * verb is a given word: a place phrase attached to that verb's clause ("in
 * Maiduguri", "near the border town of X"), else any locative place phrase
 * of the sentence. Place names that name an actor ("Iran said", "U.S.
 * troops") are mentions but never the event's place on their own.
 *
 * The sentence comes as the one dependency form the parsers give
 * (dyad_conllu_sent: words, tags, heads, relations). Without heads (all -1
 * but one root), the choice falls back to the word order: the locative place
 * phrase nearest the verb.
 *
 * Ownership: mentions point into the sentence (word indices) and into the
 * gazetteer (places); nothing is allocated here. Thread-safe (reads only).
 */
#ifndef DYAD_GEO_LOCATE_H
#define DYAD_GEO_LOCATE_H

#include "geo/gazetteer.h"
#include "parse/conllu.h"

#define DYAD_GEO_MAX_MENTIONS 32 /* place mentions kept per sentence */

typedef struct dyad_geo_mention {
    int start, end;           /* words [start, end) of the name */
    int head;                 /* the word of the span its phrase hangs from */
    const dyad_place *place;  /* the resolved place; NULL for a name the
                               * gazetteer lacks ("the village of Wi Toke") */
    int ncand;                /* places of that name in the gazetteer */
    int locative;             /* introduced by in, at, near, outside... */
    int actor;                /* reads as an actor: a subject, or a modifier of
                               * a noun ("U.S. forces", "Iran's") */
    int reference;            /* a point of reference: "30 km south of X" */
} dyad_geo_mention;

/* Countries known from the article so far (its dateline, earlier sentences):
 * they tip ambiguous names their way. */
typedef struct dyad_geo_context {
    char iso3[8][4];
    int n;
} dyad_geo_context;

/* Finds and resolves the place names of s into out[0..max) (at most
 * DYAD_GEO_MAX_MENTIONS), left to right; returns their number. ctx may be
 * NULL; the countries the sentence names clearly are added to it. */
int dyad_geo_mentions(const dyad_gazetteer *g, const dyad_conllu_sent *s, dyad_geo_context *ctx,
                      dyad_geo_mention *out, int max);

/* The mention (index into m[0..n)) that is the place of the event whose verb
 * is word verb (-1: unknown, any locative place of the sentence), or -1 when
 * the sentence gives none. */
int dyad_geo_event_place(const dyad_conllu_sent *s, const dyad_geo_mention *m, int n, int verb);

/* The features the choice of the event's place is scored from, for mention
 * i of m[0..n) and the event's verb: x[0..DYAD_GEO_NFEAT), named by
 * dyad_geo_feature_names. The weights are fitted by tools/fit_location.py on
 * the event-location data (src/geo/locate_weights.c). */
#define DYAD_GEO_NFEAT 44
extern const char *const dyad_geo_feature_names[DYAD_GEO_NFEAT];
void dyad_geo_features(const dyad_conllu_sent *s, const dyad_geo_mention *m, int n, int i, int verb,
                       double *x);

/* Adds iso3 to ctx (kept once; the oldest goes when ctx is full). */
void dyad_geo_context_add(dyad_geo_context *ctx, const char *iso3);

#endif
