/* place.h: the place of each event of an article (the pipeline's last stage
 * before output): the place phrase of the event's clause, else a place of its
 * sentence, else the article's dateline, else the place the article names
 * most (locate.h finds and resolves the names).
 *
 * Ownership: a dyad_geo_article holds pointers into the gazetteer and into
 * the arena given to dyad_geo_place_events (the article's); it owns nothing
 * and needs no freeing. Strings set in events come from that arena.
 */
#ifndef DYAD_GEO_PLACE_H
#define DYAD_GEO_PLACE_H

#include "dyad.h"
#include "geo/gazetteer.h"
#include "geo/locate.h"
#include "parse/conllu.h"
#include "util/util.h"

#define DYAD_GEO_SEEN 16 /* places counted per article for its main place */

typedef struct dyad_geo_article {
    dyad_geo_context ctx;       /* countries named so far */
    const dyad_place *dateline; /* the dateline's place, NULL: none */
    const char *dateline_text;
    struct {
        const dyad_place *place;
        const char *text;
        int count;
    } seen[DYAD_GEO_SEEN];      /* resolved places named so far, with counts */
    int nseen;
} dyad_geo_article;

/* Starts an article: its dateline ("SEOUL", "TEGUCIGALPA, Honduras"; NULL
 * or "" when none) gives the first place and country. */
void dyad_geo_article_init(dyad_geo_article *art, const dyad_gazetteer *g, const char *dateline);

/* The byte spans in text of the parser's words (-1 where a word is not found
 * within a short distance of the previous one): start[0..nwords), end. */
void dyad_geo_word_spans(const dyad_conllu_sent *s, const char *text, long *start, long *end);

/* The word whose span (from dyad_geo_word_spans) holds the bytes [start,
 * end), else the first word that starts within them, or -1. */
int dyad_geo_word_at(int n, const long *ws, const long *we, long start, long end);

/* Finds the places of one sentence (text, its parse s; s NULL when the
 * sentence was not parsed: only the article's places are used) and sets the
 * location of each event ev[0..n) from its verb's span; notes the sentence's
 * places in art. 0 or DYAD_ENOMEM. */
int dyad_geo_place_events(const dyad_gazetteer *g, dyad_geo_article *art, const dyad_conllu_sent *s,
                          const char *text, dyad_event *ev, int n, dyad_arena *a);

#endif
