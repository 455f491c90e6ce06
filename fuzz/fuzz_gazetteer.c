/* fuzz_gazetteer.c: libFuzzer target for the gazetteer loader and its
 * lookups. Whatever the input, loading either fails cleanly or gives places
 * whose fields are in range, and each place's shown name leads back to it. */
#include "geo/gazetteer.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static void quiet(void *user, dyad_diag_level lvl, const char *file, long line, const char *msg)
{
    (void)user, (void)lvl, (void)file, (void)line, (void)msg;
}

#define CHECK(x) do { if (!(x)) __builtin_trap(); } while (0)

static void check_place(const dyad_place *p)
{
    CHECK(p->kind >= DYAD_GEO_COUNTRY && p->kind <= DYAD_GEO_PLACE);
    CHECK(strlen(p->iso3) == 3);
    CHECK(p->lat >= -90 && p->lat <= 90 && p->lon >= -180 && p->lon <= 180);
    CHECK(p->population >= 0 && p->id >= 0);
    CHECK(p->name && p->name[0] && !strchr(p->name, '|') && !strchr(p->name, '\t'));
    CHECK(p->admin1 && !strchr(p->admin1, '\t'));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    dyad_diag d = {quiet, NULL, 0, 0};
    dyad_gazetteer *g = NULL;
    int rc = dyad_gazetteer_load_mem(&g, "fuzz", (const char *)data, size, &d);
    if (rc) {
        CHECK(g == NULL);
        return 0;
    }
    CHECK(dyad_gazetteer_count(g) > 0);
    /* every place found by its shown name (unless that name has no normal form
     * or is too long to keep), among at most 64 of that name */
    const char *text = (const char *)data;
    for (size_t i = 0; i < size; i++) {
        if (i > 0 && text[i - 1] != '\t')
            continue;
        const dyad_place *out[64];
        size_t n = 0;
        while (i + n < size && text[i + n] != '\n' && text[i + n] != '\t' && text[i + n] != '|' && n < 300)
            n++;
        int c = dyad_gazetteer_find(g, text + i, n, out, 64);
        for (int k = 0; k < c && k < 64; k++)
            check_place(out[k]);
    }
    /* the matcher over the input's words */
    char buf[512];
    size_t len = size < sizeof buf - 1 ? size : sizeof buf - 1;
    memcpy(buf, data, len);
    buf[len] = '\0';
    const char *w[32];
    int nw = 0;
    for (char *tok = strtok(buf, " \t\n|"); tok && nw < 32; tok = strtok(NULL, " \t\n|"))
        w[nw++] = tok;
    for (int i = 0; i < nw; i++) {
        const dyad_place *out[4];
        int np;
        int k = dyad_gazetteer_match(g, w + i, nw - i, out, 4, &np);
        CHECK(k >= 0 && k <= nw - i && (k == 0) == (np == 0));
        for (int j = 0; j < np && j < 4; j++)
            check_place(out[j]);
    }
    dyad_gazetteer_free(g);
    return 0;
}
