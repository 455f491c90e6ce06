/* fuzz_dates.c: libFuzzer target for the date expressions (src/date). The
 * first line is the article's date (often garbage), every further line a
 * sentence of one article. Checks: expressions in order and inside the
 * sentence; every resolved value a real calendar date that writes and reads
 * back unchanged (ranges whose end is not before their start); the coder's
 * day a real day; dyad_date_pick returns one of the sentence's expressions.
 * Also dyad_date_parse on the raw first line. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date/date.h"

#define CHECK(c)                                                                  \
    do {                                                                          \
        if (!(c)) {                                                               \
            fprintf(stderr, "check failed: %s (%s:%d)\n", #c, __FILE__, __LINE__); \
            abort();                                                              \
        }                                                                         \
    } while (0)

static void check_value(const dyad_date *v, const dyad_date *article)
{
    if (v->prec == DYAD_PREC_NONE)
        return;
    if (v->prec == DYAD_PREC_DAY)
        CHECK(dyad_date_valid_day(v->y, v->m, v->d));
    if (v->prec == DYAD_PREC_MONTH)
        CHECK(v->m >= 1 && v->m <= 12);
    char buf[48], day[16];
    dyad_date_format(buf, sizeof buf, v);
    dyad_date back;
    CHECK(dyad_date_parse(&back, buf) == 0);
    char again[48];
    CHECK(!strcmp(dyad_date_format(again, sizeof again, &back), buf));
    dyad_date_coder_day(day, sizeof day, v, article);
    dyad_date d;
    CHECK(dyad_date_parse(&d, day) == 0 && d.prec == DYAD_PREC_DAY);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    const char *nl = memchr(s, '\n', size);
    size_t n0 = nl ? (size_t)(nl - s) : size;
    char *first = strndup(s, n0 < 64 ? n0 : 64);
    if (!first)
        return 0;
    dyad_date parsed;
    if (dyad_date_parse(&parsed, first) == 0)
        check_value(&parsed, NULL);
    dyad_date_ctx c;
    dyad_date_ctx_init(&c, first);
    free(first);
    dyad_arena *a = dyad_arena_new();
    for (size_t i = nl ? n0 + 1 : size; i < size;) {
        const char *e = memchr(s + i, '\n', size - i);
        size_t len = e ? (size_t)(e - (s + i)) : size - i;
        char *text = strndup(s + i, len);
        CHECK(text);
        len = strlen(text); /* stops at a NUL byte */
        dyad_date_sent ds;
        CHECK(dyad_date_sentence(&ds, &c, text, len, NULL, a) == 0);
        int prev = -1;
        for (int k = 0; k < ds.nexpr; k++) {
            const dyad_date_expr *x = &ds.expr[k];
            CHECK(x->start >= 0 && x->start < x->end && (size_t)x->end <= len);
            CHECK(x->start >= prev);
            prev = x->end;
            check_value(&x->value, &c.article);
        }
        check_value(&c.anchor, &c.article);
        for (int pos = -1; pos <= (int)len; pos += 1 + (int)len / 16) {
            const dyad_date_expr *p = dyad_date_pick(&ds, pos);
            CHECK(!p || (p >= ds.expr && p < ds.expr + ds.nexpr));
            CHECK(!p || p->value.prec != DYAD_PREC_NONE);
        }
        free(text);
        dyad_arena_reset(a);
        i += len + 1;
        if (e)
            i = (size_t)(e - s) + 1;
    }
    dyad_arena_free(a);
    return 0;
}
