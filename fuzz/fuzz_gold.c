/* fuzz_gold.c: libFuzzer target for the gold-set reader (src/eval/gold.c).
 * The input is read as a gold file, then as the AG News CSV the set's
 * documents point into. Checks: every error is counted once (set and sink
 * agree); every kept document has a known kind and id, an el one its text;
 * every kept event a CAMEO code of the table, a known modality and actor
 * codes of the allowed shape; an AG News text, when set, holds the ".\n\n"
 * between title and description. Then each document's gold events are scored
 * against themselves (negated ones left out, hypothetical ones kept): every
 * scored event must be matched, with the same actors, at both levels. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dict/cameo.h"
#include "eval/gold.h"

#define CHECK(c)                                                                  \
    do {                                                                          \
        if (!(c)) {                                                               \
            fprintf(stderr, "check failed: %s (%s:%d)\n", #c, __FILE__, __LINE__); \
            abort();                                                              \
        }                                                                         \
    } while (0)

static void quiet(void *user, dyad_diag_level lvl, const char *file, long line, const char *msg)
{
    (void)user;
    (void)file;
    (void)msg;
    CHECK(lvl == DYAD_DIAG_ERROR);
    CHECK(line >= 1);
}

static void check_actor(const char *a)
{
    size_t n = strlen(a);
    CHECK(n % 3 == 0);
    for (size_t i = 0; i < n; i++)
        CHECK((a[i] >= 'A' && a[i] <= 'Z') || (a[i] >= '0' && a[i] <= '9') ||
              (i < 3 && a[i] == '-'));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    dyad_gold_set s;
    dyad_diag d = {.fn = quiet};
    if (dyad_gold_set_init(&s))
        return 0;
    int rc = dyad_gold_parse(&s, "fuzz.gold", (const char *)data, size, &d);
    CHECK(rc == 0 || rc == DYAD_ENOMEM);
    CHECK(d.errors == s.errors);
    if (!rc) {
        rc = dyad_gold_agnews_texts_mem(&s, "fuzz.csv", (const char *)data, size, &d);
        CHECK(rc == 0 || rc == DYAD_ENOMEM);
        CHECK(d.errors == s.errors);
    }
    for (int i = 0; i < s.ndocs; i++) {
        const dyad_gold_doc *doc = &s.doc[i];
        CHECK(doc->kind == DYAD_GOLD_AGNEWS || doc->kind == DYAD_GOLD_EL);
        CHECK(!strncmp(doc->id, doc->kind == DYAD_GOLD_AGNEWS ? "agnews:" : "el:",
                       doc->kind == DYAD_GOLD_AGNEWS ? 7 : 3));
        CHECK(doc->index >= (doc->kind == DYAD_GOLD_AGNEWS ? 1 : 0));
        CHECK(doc->date && (!*doc->date || strlen(doc->date) == 10));
        if (doc->kind == DYAD_GOLD_EL && !doc->bad)
            CHECK(doc->text && *doc->text);
        if (doc->kind == DYAD_GOLD_AGNEWS && doc->text && !rc)
            CHECK(strstr(doc->text, ".\n\n") != NULL);
        for (int k = 0; k < doc->nev; k++) {
            const dyad_gold_event *g = &doc->ev[k];
            CHECK(dyad_cameo_valid(g->code));
            CHECK((unsigned)g->modality <= DYAD_GOLD_CLAIMED);
            check_actor(g->source);
            check_actor(g->target);
        }
    }
    dyad_score sc;
    CHECK(dyad_score_init(&sc) == 0);
    for (int i = 0; i < s.ndocs && !rc; i++) {
        const dyad_gold_doc *doc = &s.doc[i];
        dyad_eval_ev *e = malloc(((size_t)doc->nev + 1) * sizeof *e);
        if (!e)
            break;
        int ne = 0;
        for (int k = 0; k < doc->nev; k++)
            if (doc->ev[k].modality != DYAD_GOLD_NEGATED)
                e[ne++] = (dyad_eval_ev){doc->ev[k].source, doc->ev[k].target, doc->ev[k].code,
                                         NULL};
        dyad_score one;
        CHECK(dyad_score_init(&one) == 0);
        int differs = -1;
        if (dyad_score_doc(&one, doc->ev, doc->nev, e, ne, 1, NULL, NULL, &differs) == 0) {
            CHECK(differs == 0);
            CHECK(one.root.gold == ne && one.root.sys == ne && one.root.matched == ne);
            CHECK(one.plover.gold == one.plover.sys && one.plover.matched == one.plover.gold);
            CHECK(one.pairs == ne && one.src_whole == ne && one.tgt_whole == ne);
        }
        free(e);
    }
    dyad_gold_set_free(&s);
    return 0;
}
