/* fuzz_quotes.c: libFuzzer target for quote attribution (src/quote) on raw
 * bytes and on the same bytes read as a text article: quote and speaker spans
 * in bounds and in text order, every field set, kinds and cues from their
 * sets, the JSON writer on every quote. A small in-memory dictionary gives
 * actor codes. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dict/dict.h"
#include "ingest/article.h"
#include "quote/quote.h"

#define CHECK(x) do { if (!(x)) { fprintf(stderr, "CHECK failed: %s:%d: %s\n", __FILE__, __LINE__, #x); __builtin_trap(); } } while (0)

static dyad_dict *dict;
static FILE *devnull;

static void quiet(void *u, dyad_diag_level l, const char *f, long line, const char *m)
{
    (void)u, (void)l, (void)f, (void)line, (void)m;
}

static void init(void)
{
    static const char actors[] = "IRAN [IRN]\n+IRANIAN\nSOFIA [BGR]\nFRANCE [FRA]\n+FRENCH\n"
                                 "STATE_DEPARTMENT [USAGOV]\nUNITED_STATES [USA]\n+US\n";
    static const char agents[] = "SPOKESMAN [~GOV]\nFOREIGN_MINISTRY [~GOV]\nMEDIA [~MED]\n"
                                 "PRESIDENT [~GOV]\n";
    dyad_dict_text act = {"<actors>", actors, sizeof actors - 1};
    dyad_dict_mem m = {.actors = &act, .nactors = 1, .agents = {"<agents>", agents, sizeof agents - 1}};
    dyad_diag d = {.fn = quiet};
    CHECK(dyad_dict_load_mem(&dict, &m, &d) == 0);
    devnull = fopen("/dev/null", "w");
    CHECK(devnull);
}

static int one_of(const char *s, const char *const *set)
{
    for (; *set; set++)
        if (!strcmp(s, *set))
            return 1;
    return 0;
}

static void check(const char *text, size_t n)
{
    static const char *const kinds[] = {"direct", "partial", "indirect", NULL};
    dyad_arena *a = dyad_arena_new();
    CHECK(a);
    dyad_quote *q = NULL;
    int nq = -1;
    int rc = dyad_quotes_find(&q, &nq, a, dict, "fuzz", "2024-05-10", text, n);
    CHECK(rc == 0);
    CHECK(nq >= 0 && (nq == 0 || q));
    for (int i = 0; i < nq; i++) {
        CHECK(q[i].speaker && *q[i].speaker && q[i].quote && *q[i].quote && q[i].kind);
        CHECK(one_of(q[i].kind, kinds));
        CHECK(!q[i].cue || *q[i].cue);
        CHECK(!q[i].role || *q[i].role);
        CHECK(q[i].quote_span.start >= 0 && q[i].quote_span.start < q[i].quote_span.end &&
              (size_t)q[i].quote_span.end <= n);
        CHECK(q[i].speaker_span.start >= 0 &&
              q[i].speaker_span.start < q[i].speaker_span.end &&
              (size_t)q[i].speaker_span.end <= n);
        CHECK(strlen(q[i].quote) <= (size_t)(q[i].quote_span.end - q[i].quote_span.start));
        if (i > 0)
            CHECK(q[i].quote_span.start >= q[i - 1].quote_span.start);
        CHECK(!strcmp(q[i].article, "fuzz"));
        CHECK(dyad_quote_write_json(devnull, &q[i]) == 0);
    }
    dyad_arena_free(a);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!dict)
        init();
    /* raw bytes (invalid UTF-8 and NUL included), not NUL-terminated */
    char *raw = malloc(size ? size : 1);
    CHECK(raw);
    memcpy(raw, data, size);
    check(raw, size);
    free(raw);
    /* as dyad quotes reads them: a text article */
    dyad_arena *a = dyad_arena_new();
    dyad_article art;
    dyad_diag d = {.fn = quiet};
    if (!dyad_article_from_text(&art, a, "fuzz", "fuzz", (const char *)data, size, &d))
        check(art.text, art.text_len);
    dyad_arena_free(a);
    return 0;
}
