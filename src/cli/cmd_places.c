/* cmd_places.c: `dyad places [--model DIR] [--gazetteer FILE]... FILE|-`:
 * the place names of sentences (geo/locate.h), resolved with the gazetteer,
 * and the place of the event whose verb a line marks. One JSON object a line
 * in, one out. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "dyad.h"
#include "geo/gazetteer.h"
#include "geo/locate.h"
#include "geo/place.h"
#include "parse/builtin.h"
#include "util/util.h"

#define MAX_GAZ 8

static void usage(FILE *f)
{
    fprintf(f,
            "usage: dyad places [--model DIR] [--gazetteer FILE]... [--features] FILE|-\n"
            "Reads JSON Lines, one sentence an object: {\"text\": \"...\"} and, to ask for\n"
            "an event's place, the byte span of its verb: \"verb_start\", \"verb_end\".\n"
            "Parses each sentence with the built-in parser, finds its place names and\n"
            "resolves them with the gazetteer, and writes one object a line:\n"
            "{\"line\": N, \"mentions\": [{\"text\", \"start\", \"end\" (bytes), \"name\", \"iso3\",\n"
            "\"kind\", \"admin1\", \"lat\", \"lon\", \"geonames_id\", \"locative\", \"actor\"}],\n"
            "\"event_place\": index into mentions or null}. A name the gazetteer lacks\n"
            "(\"the village of X\") is a mention without a place (name null). The\n"
            "countries named clearly carry over to the next lines as the article's\n"
            "unless a line has \"article\" different from the line before.\n"
            "Options:\n"
            "  --model DIR      the built-in parser's models (default: data/parser)\n"
            "  --gazetteer FILE a gazetteer file; give it several times to add a user's\n"
            "                   file to the shipped one (default: data/geo/gazetteer.tsv)\n"
            "  --features       also write each mention's features (the numbers the\n"
            "                   event's place is chosen from; tools/fit_location.py)\n"
            "Exit status: 0 success; 1 some lines were malformed (reported with their\n"
            "line number, the rest was read); 2 usage error; 3 the gazetteer or the\n"
            "models could not be loaded.\n");
}

static const char *kind_name(dyad_geo_kind k)
{
    switch (k) {
    case DYAD_GEO_COUNTRY: return "country";
    case DYAD_GEO_ADMIN1: return "admin1";
    case DYAD_GEO_REGION: return "region";
    case DYAD_GEO_PLACE: return "place";
    }
    return "place";
}

static json_t *mention_json(const char *text, const long *ws, const long *we, const dyad_geo_mention *m,
                            const double *features)
{
    long b = ws[m->start], e = we[m->end - 1];
    json_t *o = json_object();
    if (b >= 0 && e >= b)
        json_object_set_new(o, "text", json_stringn(text + b, (size_t)(e - b)));
    json_object_set_new(o, "start", json_integer(b));
    json_object_set_new(o, "end", json_integer(e));
    const dyad_place *p = m->place;
    json_object_set_new(o, "name", p ? json_string(p->name) : json_null());
    json_object_set_new(o, "iso3", p ? json_string(p->iso3) : json_null());
    json_object_set_new(o, "kind", p ? json_string(kind_name(p->kind)) : json_null());
    json_object_set_new(o, "admin1", p && p->admin1[0] ? json_string(p->admin1) : json_null());
    json_object_set_new(o, "lat", p ? json_real(p->lat) : json_null());
    json_object_set_new(o, "lon", p ? json_real(p->lon) : json_null());
    json_object_set_new(o, "geonames_id", p && p->id ? json_integer(p->id) : json_null());
    json_object_set_new(o, "locative", json_boolean(m->locative));
    json_object_set_new(o, "actor", json_boolean(m->actor));
    json_object_set_new(o, "reference", json_boolean(m->reference));
    if (features) {
        json_t *f = json_array();
        for (int k = 0; k < DYAD_GEO_NFEAT; k++)
            json_array_append_new(f, json_real(features[k]));
        json_object_set_new(o, "features", f);
    }
    return o;
}

int dyad_cmd_places(int argc, char **argv)
{
    const char *model = NULL, *gaz[MAX_GAZ];
    int ngaz = 0;
    const char *file = NULL;
    int features = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            return 0;
        } else if (!strcmp(a, "--features")) {
            features = 1;
        } else if (!strcmp(a, "--model") && i + 1 < argc) {
            model = argv[++i];
        } else if (!strcmp(a, "--gazetteer") && i + 1 < argc) {
            if (ngaz == MAX_GAZ) {
                fprintf(stderr, "dyad places: at most %d --gazetteer files\n", MAX_GAZ);
                return 2;
            }
            gaz[ngaz++] = argv[++i];
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "dyad places: unknown option or missing value: %s\n", a);
            usage(stderr);
            return 2;
        } else if (file) {
            fprintf(stderr, "dyad places: one input file\n");
            return 2;
        } else {
            file = a;
        }
    }
    if (!file) {
        usage(stderr);
        return 2;
    }
    char gbuf[4096];
    if (ngaz == 0)
        gaz[ngaz++] = dyad_data_path("data/geo/gazetteer.tsv", gbuf, sizeof gbuf);
    dyad_gazetteer *g = NULL;
    int rc = dyad_gazetteer_load(&g, gaz, ngaz, NULL);
    if (rc) {
        fprintf(stderr, "dyad places: %s\n", dyad_last_error());
        return 3;
    }
    dyad_builtin *parser = NULL;
    if (dyad_builtin_load(&parser, model)) {
        fprintf(stderr, "dyad places: %s\n", dyad_last_error());
        dyad_gazetteer_free(g);
        return 3;
    }
    FILE *in = strcmp(file, "-") ? fopen(file, "r") : stdin;
    if (!in) {
        fprintf(stderr, "dyad places: %s: cannot open\n", file);
        dyad_builtin_free(parser);
        dyad_gazetteer_free(g);
        return 3;
    }
    dyad_arena *arena = dyad_arena_new();
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    long ln = 0, bad = 0;
    dyad_geo_context ctx = {.n = 0};
    char *article = NULL;
    while (arena && (len = getline(&line, &cap, in)) >= 0) {
        ln++;
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (len == 0)
            continue;
        json_error_t err;
        json_t *o = json_loadb(line, (size_t)len, 0, &err);
        const char *text = o ? json_string_value(json_object_get(o, "text")) : NULL;
        if (!text) {
            fprintf(stderr, "dyad places: %s:%ld: %s; line skipped\n", file, ln,
                    o ? "no \"text\" string" : err.text);
            bad++;
            json_decref(o);
            continue;
        }
        const char *art = json_string_value(json_object_get(o, "article"));
        if (!art || !article || strcmp(art, article)) {
            ctx.n = 0;
            free(article);
            article = art ? strdup(art) : NULL;
        }
        dyad_arena_reset(arena);
        dyad_tree *t = NULL;
        dyad_conllu_sent *dep = NULL;
        json_t *res = json_object();
        json_object_set_new(res, "line", json_integer(ln));
        json_t *ms = json_array();
        json_t *chosen = json_null();
        long *ws = NULL, *we = NULL;
        if (dyad_builtin_parse(&t, &dep, parser, NULL, text, strlen(text), arena) == 0 && dep &&
            (ws = dyad_arena_alloc(arena, sizeof *ws * (size_t)dep->nwords)) &&
            (we = dyad_arena_alloc(arena, sizeof *we * (size_t)dep->nwords))) {
            dyad_geo_word_spans(dep, text, ws, we);
            dyad_geo_mention m[DYAD_GEO_MAX_MENTIONS];
            int n = dyad_geo_mentions(g, dep, &ctx, m, DYAD_GEO_MAX_MENTIONS);
            json_t *vs = json_object_get(o, "verb_start"), *ve = json_object_get(o, "verb_end");
            int verb = -1;
            if (json_is_integer(vs) && json_is_integer(ve))
                verb = dyad_geo_word_at(dep->nwords, ws, we, (long)json_integer_value(vs),
                               (long)json_integer_value(ve));
            double x[DYAD_GEO_NFEAT];
            for (int i = 0; i < n; i++) {
                if (features)
                    dyad_geo_features(dep, m, n, i, verb, x);
                json_array_append_new(ms, mention_json(text, ws, we, &m[i], features ? x : NULL));
            }
            int k = dyad_geo_event_place(dep, m, n, verb);
            if (k >= 0) {
                json_decref(chosen);
                chosen = json_integer(k);
            }
        } else {
            fprintf(stderr, "dyad places: %s:%ld: the sentence could not be parsed\n", file, ln);
            bad++;
        }
        json_object_set_new(res, "mentions", ms);
        json_object_set_new(res, "event_place", chosen);
        char *s = json_dumps(res, JSON_COMPACT);
        if (s)
            puts(s);
        free(s);
        json_decref(res);
        json_decref(o);
    }
    free(article);
    free(line);
    if (in != stdin)
        fclose(in);
    dyad_arena_free(arena);
    dyad_builtin_free(parser);
    dyad_gazetteer_free(g);
    return bad ? 1 : 0;
}
