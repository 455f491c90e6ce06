/* place.c: the place of each event of an article (place.h). */
#include "geo/place.h"

#include <string.h>

#define NCAND 8

/* The place a dateline names: its words before "(" or " -", the part before
 * a comma the place, the part after it (a country or division) deciding
 * between places of that name ("TEGUCIGALPA, Honduras"). */
static const dyad_place *dateline_place(const dyad_gazetteer *g, const char *d, const char **text)
{
    *text = NULL;
    if (!d || !*d)
        return NULL;
    size_t n = strcspn(d, "(\xe2"); /* "(" or a dash (U+2013/U+2014 start with 0xE2) */
    const char *dash = strstr(d, " -");
    if (dash && (size_t)(dash - d) < n)
        n = (size_t)(dash - d);
    while (n > 0 && (d[n - 1] == ' ' || d[n - 1] == ','))
        n--;
    if (n == 0 || n > 120)
        return NULL;
    const char *comma = memchr(d, ',', n);
    size_t n1 = comma ? (size_t)(comma - d) : n;
    const dyad_place *c[NCAND];
    int k = dyad_gazetteer_find(g, d, n1, c, NCAND);
    if (k <= 0)
        return NULL;
    const dyad_place *best = c[0];
    if (comma) {
        const char *q = comma + 1;
        while (*q == ' ')
            q++;
        const dyad_place *qc[NCAND];
        int kq = dyad_gazetteer_find(g, q, n - (size_t)(q - d), qc, NCAND);
        for (int i = 0; i < (k < NCAND ? k : NCAND) && kq > 0; i++) {
            int fits = 0;
            for (int j = 0; j < (kq < NCAND ? kq : NCAND); j++)
                fits |= !strcmp(qc[j]->iso3, c[i]->iso3);
            if (fits) {
                best = c[i];
                break;
            }
        }
    }
    *text = d;
    return best;
}

void dyad_geo_article_init(dyad_geo_article *art, const dyad_gazetteer *g, const char *dateline)
{
    memset(art, 0, sizeof *art);
    const char *text;
    art->dateline = g ? dateline_place(g, dateline, &text) : NULL;
    if (art->dateline) {
        art->dateline_text = text;
        dyad_geo_context_add(&art->ctx, art->dateline->iso3);
    }
}

void dyad_geo_word_spans(const dyad_conllu_sent *s, const char *text, long *start, long *end)
{
    size_t pos = 0, len = strlen(text);
    for (int i = 0; i < s->nwords; i++) {
        const char *f = s->words[i].form;
        const char *p = pos < len && *f ? strstr(text + pos, f) : NULL;
        if (p && p - (text + pos) <= 40) {
            start[i] = p - text;
            end[i] = start[i] + (long)strlen(f);
            pos = (size_t)end[i];
        } else {
            start[i] = end[i] = -1;
        }
    }
}

int dyad_geo_word_at(int n, const long *ws, const long *we, long start, long end)
{
    for (int i = 0; i < n; i++)
        if (ws[i] >= 0 && ws[i] <= start && we[i] >= end)
            return i;
    for (int i = 0; i < n; i++)
        if (ws[i] >= start && ws[i] < end)
            return i;
    return -1;
}

static const char *precision_of(const dyad_place *p)
{
    switch (p->kind) {
    case DYAD_GEO_PLACE: return "place";
    case DYAD_GEO_ADMIN1:
    case DYAD_GEO_REGION: return "admin1";
    case DYAD_GEO_COUNTRY: return "country";
    }
    return "place";
}

/* Sets l from a resolved place p (NULL: a name the gazetteer lacks, placed
 * in the article's country when it has one). */
static void set_location(struct dyad_location *l, const dyad_gazetteer *g, const dyad_geo_article *art,
                         const dyad_place *p, const char *text, const char *from)
{
    memset(l, 0, sizeof *l);
    l->from = from;
    l->text = text ? text : "";
    l->country = "";
    l->admin1 = "";
    if (!p && art->ctx.n > 0) {
        const dyad_place *c = dyad_gazetteer_country(g, art->ctx.iso3[art->ctx.n - 1]);
        if (c) {
            l->country = c->iso3;
            l->precision = "country";
            l->lat = c->lat;
            l->lon = c->lon;
        }
        return;
    }
    if (!p)
        return;
    l->name = p->name;
    l->country = p->iso3;
    l->admin1 = p->admin1;
    l->precision = precision_of(p);
    l->lat = p->lat;
    l->lon = p->lon;
    l->geonames_id = p->id;
}

/* The place the article names most so far (the first of equals), or NULL. */
static int main_place(const dyad_geo_article *art)
{
    int best = -1;
    for (int i = 0; i < art->nseen; i++)
        if (best < 0 || art->seen[i].count > art->seen[best].count)
            best = i;
    return best;
}

static void note_place(dyad_geo_article *art, const dyad_place *p, const char *text)
{
    for (int i = 0; i < art->nseen; i++)
        if (art->seen[i].place == p) {
            art->seen[i].count++;
            return;
        }
    if (art->nseen < DYAD_GEO_SEEN) {
        art->seen[art->nseen].place = p;
        art->seen[art->nseen].text = text;
        art->seen[art->nseen].count = 1;
        art->nseen++;
    }
}

int dyad_geo_place_events(const dyad_gazetteer *g, dyad_geo_article *art, const dyad_conllu_sent *s,
                          const char *text, dyad_event *ev, int n, dyad_arena *a)
{
    if (!g)
        return 0;
    dyad_geo_mention m[DYAD_GEO_MAX_MENTIONS];
    int nm = 0;
    long *ws = NULL, *we = NULL;
    const char **mtext = NULL;
    if (s && s->nwords > 0) {
        ws = dyad_arena_alloc(a, sizeof *ws * (size_t)s->nwords);
        we = dyad_arena_alloc(a, sizeof *we * (size_t)s->nwords);
        if (!ws || !we)
            return DYAD_ENOMEM;
        dyad_geo_word_spans(s, text, ws, we);
        nm = dyad_geo_mentions(g, s, &art->ctx, m, DYAD_GEO_MAX_MENTIONS);
        mtext = dyad_arena_alloc(a, sizeof *mtext * (size_t)(nm ? nm : 1));
        if (!mtext)
            return DYAD_ENOMEM;
        for (int i = 0; i < nm; i++) {
            long b = ws[m[i].start], e = we[m[i].end - 1];
            mtext[i] = b >= 0 && e > b ? dyad_arena_strndup(a, text + b, (size_t)(e - b)) : "";
            if (!mtext[i])
                return DYAD_ENOMEM;
        }
    }
    /* a sentence place for events whose clause gives none: its locative
     * place names, the first */
    int sentence_place = -1;
    for (int i = 0; i < nm && sentence_place < 0; i++)
        if (m[i].locative && !m[i].reference)
            sentence_place = i;
    int main = main_place(art);
    for (int e = 0; e < n; e++) {
        struct dyad_location *l = &ev[e].location;
        int verb = nm > 0 ? dyad_geo_word_at(s->nwords, ws, we, ev[e].verb_span.start, ev[e].verb_span.end) : -1;
        int k = nm > 0 ? dyad_geo_event_place(s, m, nm, verb) : -1;
        if (k >= 0)
            set_location(l, g, art, m[k].place, mtext[k], "clause");
        else if (sentence_place >= 0)
            set_location(l, g, art, m[sentence_place].place, mtext[sentence_place], "sentence");
        else if (art->dateline)
            set_location(l, g, art, art->dateline, art->dateline_text, "dateline");
        else if (main >= 0)
            set_location(l, g, art, art->seen[main].place, art->seen[main].text, "article");
        else
            *l = (struct dyad_location){.from = "", .text = "", .country = "", .admin1 = ""};
    }
    for (int i = 0; i < nm; i++)
        if (m[i].place && !m[i].actor && !m[i].reference)
            note_place(art, m[i].place, mtext[i]);
    return 0;
}
