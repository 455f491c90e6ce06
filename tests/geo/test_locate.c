/* test_locate.c: place mentions and the event's place (geo/locate.h) on
 * sentences written for this test, parsed with the shipped built-in parser,
 * and a small gazetteer written here (coordinates of the real places,
 * rounded). */
#include "testutil.h"
#include "geo/gazetteer.h"
#include "geo/locate.h"
#include "parse/builtin.h"

static const char *GAZ =
    "2331447\tplace\tNGA\t27\t11.85\t13.16\t758700\tMaiduguri\n"
    "2565340\tadmin1\tNGA\t27\t11.50\t13.00\t4171104\tBorno\n"
    "170654\tplace\tSYR\t13\t33.51\t36.29\t1569394\tDamascus\n"
    "130758\tcountry\tIRN\t\t32.00\t53.00\t81800269\tIran\n"
    "294640\tcountry\tISR\t\t31.50\t34.75\t8883800\tIsrael\n"
    "6252001\tcountry\tUSA\t\t39.76\t-98.50\t327167434\tUnited States|U.S.|US\n"
    "98182\tplace\tIRQ\t07\t33.34\t44.40\t7216000\tBaghdad\n"
    "2988507\tplace\tFRA\t11\t48.85\t2.35\t2138551\tParis\n"
    "4717560\tplace\tUSA\tTX\t33.66\t-95.56\t24782\tParis\n"
    "4736286\tadmin1\tUSA\tTX\t31.25\t-99.25\t28304596\tTexas\n"
    "1169825\tplace\tPAK\t04\t30.20\t71.48\t1437230\tMultan\n"
    "3024222\tplace\tFRA\tB5\t42.53\t9.42\t5700\tLucciana\n"
    "0\tregion\tFRA\t\t42.15\t9.10\t0\tCorsica\n";

#include "geo_fixture.h"

typedef struct result {
    int n, chosen;
    dyad_geo_mention m[DYAD_GEO_MAX_MENTIONS];
    dyad_conllu_sent *s;
} result;

/* Parses text, finds its places and the place of the event whose verb is
 * the first word equal to verb (NULL: none). */
static result locate(fixture *f, const char *text, const char *verb, dyad_geo_context *ctx)
{
    result r;
    memset(&r, 0, sizeof r);
    dyad_arena_reset(f->a);
    dyad_tree *t = NULL;
    assert_int_equal(dyad_builtin_parse(&t, &r.s, f->p, NULL, text, strlen(text), f->a), 0);
    r.n = dyad_geo_mentions(f->g, r.s, ctx, r.m, DYAD_GEO_MAX_MENTIONS);
    int v = -1;
    for (int i = 0; verb && i < r.s->nwords && v < 0; i++)
        if (!strcmp(r.s->words[i].form, verb))
            v = i;
    if (verb)
        assert_true(v >= 0);
    r.chosen = dyad_geo_event_place(r.s, r.m, r.n, v);
    return r;
}

/* The words of mention k joined by spaces. */
static const char *words_of(const result *r, int k)
{
    static char buf[256];
    buf[0] = '\0';
    if (k < 0)
        return "(none)";
    for (int i = r->m[k].start; i < r->m[k].end; i++) {
        if (i > r->m[k].start)
            strcat(buf, " ");
        strncat(buf, r->s->words[i].form, sizeof buf - strlen(buf) - 2);
    }
    return buf;
}

static void the_place_of_the_verb(void **state)
{
    fixture *f = *state;
    result r = locate(f, "Gunmen killed five villagers in Maiduguri on Monday.", "killed", NULL);
    assert_int_equal(r.n, 1);
    assert_string_equal(words_of(&r, r.chosen), "Maiduguri");
    assert_non_null(r.m[r.chosen].place);
    assert_string_equal(r.m[r.chosen].place->iso3, "NGA");
    assert_true(r.m[r.chosen].locative);
}

static void actors_are_not_places(void **state)
{
    fixture *f = *state;
    /* Iran speaks and Israel is a side: the strike happened in Damascus */
    result r = locate(f, "Iran said Israeli jets struck a convoy in Damascus on Sunday.", "struck", NULL);
    assert_string_equal(words_of(&r, r.chosen), "Damascus");
    for (int i = 0; i < r.n; i++)
        if (!strcmp(words_of(&r, i), "Iran"))
            assert_true(r.m[i].actor);
    /* "U.S. troops": a side; Baghdad, the object patrolled, the place */
    r = locate(f, "U.S. troops patrolled Baghdad.", "patrolled", NULL);
    assert_string_equal(words_of(&r, r.chosen), "Baghdad");
    /* a sentence whose only place name is its subject gives no place */
    r = locate(f, "Iran rejected the proposal.", "rejected", NULL);
    assert_int_equal(r.chosen, -1);
}

static void names_the_gazetteer_lacks(void **state)
{
    fixture *f = *state;
    result r = locate(f, "Police arrested twelve protesters near the village of Wi Toke.", "arrested", NULL);
    assert_string_equal(words_of(&r, r.chosen), "Wi Toke");
    assert_null(r.m[r.chosen].place);
    r = locate(f, "The minister resigned on Tuesday.", "resigned", NULL);
    assert_int_equal(r.n, 0);
    assert_int_equal(r.chosen, -1);
}

static void the_more_precise_place(void **state)
{
    fixture *f = *state;
    result r = locate(f, "A bomb exploded in Lucciana, in upper Corsica.", "exploded", NULL);
    assert_string_equal(words_of(&r, r.chosen), "Lucciana");
    /* a point of reference is not the place */
    r = locate(f, "Soldiers raided a house in Dunya Pur, a town 100 kilometers northeast of Multan.",
               "raided", NULL);
    assert_string_equal(words_of(&r, r.chosen), "Dunya Pur");
}

static void ambiguous_names(void **state)
{
    fixture *f = *state;
    /* the qualifier decides */
    result r = locate(f, "Protesters marched in Paris, Texas, on Saturday.", "marched", NULL);
    assert_string_equal(words_of(&r, r.chosen), "Paris");
    assert_string_equal(r.m[r.chosen].place->iso3, "USA");
    /* alone, the larger Paris */
    r = locate(f, "Protesters marched in Paris on Saturday.", "marched", NULL);
    assert_string_equal(r.m[r.chosen].place->iso3, "FRA");
    /* the article's country tips it */
    dyad_geo_context ctx = {.n = 0};
    dyad_geo_context_add(&ctx, "USA");
    r = locate(f, "Protesters marched in Paris on Saturday.", "marched", &ctx);
    assert_string_equal(r.m[r.chosen].place->iso3, "USA");
    /* the sentence's clear countries join the article's */
    ctx.n = 0;
    locate(f, "Israeli jets struck Damascus.", "struck", &ctx);
    int found = 0;
    for (int i = 0; i < ctx.n; i++)
        found |= !strcmp(ctx.iso3[i], "SYR");
    assert_true(found);
}

int main(void)
{
    if (access("data/parser/parser.bin", R_OK) != 0) {
        fprintf(stderr, "skip: data/parser/parser.bin not found (run from the repository)\n");
        return 0;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_place_of_the_verb),
        cmocka_unit_test(actors_are_not_places),
        cmocka_unit_test(names_the_gazetteer_lacks),
        cmocka_unit_test(the_more_precise_place),
        cmocka_unit_test(ambiguous_names),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
