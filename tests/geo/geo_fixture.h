/* geo_fixture.h: the fixture the locator tests share: a gazetteer from the
 * test's own text GAZ (defined before this header is included), the shipped
 * built-in parser and an arena. */
#ifndef DYAD_TESTS_GEO_FIXTURE_H
#define DYAD_TESTS_GEO_FIXTURE_H

#include "geo/gazetteer.h"
#include "parse/builtin.h"

typedef struct fixture {
    dyad_gazetteer *g;
    dyad_builtin *p;
    dyad_arena *a;
} fixture;

static int setup(void **state)
{
    static fixture f;
    if (dyad_gazetteer_load_mem(&f.g, "test.tsv", GAZ, strlen(GAZ), NULL) ||
        dyad_builtin_load(&f.p, "data/parser"))
        return -1;
    f.a = dyad_arena_new();
    *state = &f;
    return f.a ? 0 : -1;
}

static int teardown(void **state)
{
    fixture *f = *state;
    dyad_gazetteer_free(f->g);
    dyad_builtin_free(f->p);
    dyad_arena_free(f->a);
    return 0;
}

#endif
