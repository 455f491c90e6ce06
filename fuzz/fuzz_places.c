/* fuzz_places.c: libFuzzer target for place mentions and the event's place
 * (geo/locate.h): any text (cleaned as ingest cleans it: valid UTF-8, no NUL)
 * is parsed with the shipped models (data/parser, or $DYAD_MODEL_DIR) and its
 * place names found with the shipped gazetteer (data/geo/gazetteer.tsv, or
 * $DYAD_GAZETTEER); every word is tried as the event's verb. Checks: mentions
 * in order, inside the sentence, not overlapping, and an event place that is
 * one of them or none. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dyad.h"
#include "geo/gazetteer.h"
#include "geo/locate.h"
#include "parse/builtin.h"
#include "util/util.h"

#define CHECK(x) do { if (!(x)) { fprintf(stderr, "CHECK failed: %s:%d: %s\n", __FILE__, __LINE__, #x); __builtin_trap(); } } while (0)

static dyad_builtin *parser;
static dyad_gazetteer *gaz;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    const char *g = getenv("DYAD_GAZETTEER") ? getenv("DYAD_GAZETTEER") : "data/geo/gazetteer.tsv";
    if (dyad_builtin_load(&parser, getenv("DYAD_MODEL_DIR")) || dyad_gazetteer_load(&gaz, &g, 1, NULL)) {
        fprintf(stderr, "fuzz_places: %s (run from the repository)\n", dyad_last_error());
        exit(1);
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 4096)
        return 0;
    size_t n = 0;
    long bad = 0, nul = 0;
    char *text = dyad_utf8_clean((const char *)data, size, &n, &bad, &nul);
    if (!text)
        return 0;
    dyad_arena *a = dyad_arena_new();
    dyad_tree *t = NULL;
    dyad_conllu_sent *s = NULL;
    if (a && dyad_builtin_parse(&t, &s, parser, NULL, text, n, a) == 0) {
        CHECK(s && s->nwords > 0);
        dyad_geo_mention m[DYAD_GEO_MAX_MENTIONS];
        dyad_geo_context ctx = {.n = 0};
        int k = dyad_geo_mentions(gaz, s, &ctx, m, DYAD_GEO_MAX_MENTIONS);
        CHECK(k >= 0 && k <= DYAD_GEO_MAX_MENTIONS && ctx.n <= 8);
        for (int i = 0; i < k; i++) {
            CHECK(m[i].start >= 0 && m[i].start < m[i].end && m[i].end <= s->nwords);
            CHECK(m[i].head >= m[i].start && m[i].head < m[i].end);
            CHECK(i == 0 || m[i - 1].end <= m[i].start);
            CHECK(!m[i].place || (m[i].place->lat >= -90 && m[i].place->lat <= 90));
        }
        for (int v = -1; v < s->nwords && v < 64; v++) {
            int c = dyad_geo_event_place(s, m, k, v);
            CHECK(c >= -1 && c < k);
        }
    }
    dyad_arena_free(a);
    free(text);
    return 0;
}
