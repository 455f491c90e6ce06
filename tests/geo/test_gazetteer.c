/* test_gazetteer.c: the gazetteer's loader and name lookups (geo/gazetteer.h),
 * on a small file written here and on the shipped data/geo/gazetteer.tsv. */
#include "testutil.h"
#include "geo/gazetteer.h"

/* Places written for this test; the coordinates are those of the real places,
 * rounded. */
static const char *SMALL =
    "# a comment\n"
    "2988507\tplace\tFRA\t11\t48.85\t2.35\t2138551\tParis|Lutetia\n"
    "4717560\tplace\tUSA\tTX\t33.66\t-95.56\t24782\tParis\n"
    "703448\tplace\tUKR\t12\t50.45\t30.52\t2797553\tKyiv|Kiev|Kyiv\n"
    "0\tregion\tPSE\t\t31.42\t34.36\t0\tGaza Strip|the Gaza Strip\n"
    "0\tregion\tAZE\t\t39.82\t46.75\t0\tNagorno-Karabakh\n"
    "3448439\tplace\tBRA\t27\t-23.55\t-46.64\t12400232\tSão Paulo\n"
    "5128581\tplace\tUSA\tNY\t40.71\t-74.01\t8804190\tNew York City|New York\n"
    "5128638\tadmin1\tUSA\tNY\t42.00\t-75.50\t19000000\tNew York\n"
    "6252001\tcountry\tUSA\t\t39.76\t-98.50\t327167434\tUnited States|U.S.|US\n"
    "2331447\tplace\tNGA\t27\t11.85\t13.16\t758700\tMaiduguri\n"
    "2565340\tadmin1\tNGA\t27\t11.50\t13.00\t4171104\tBorno\n"
    /* malformed lines: each is reported and skipped */
    "12\tplace\tFRA\t11\t95.0\t2.35\t100\tNowhere\n"      /* latitude out of range */
    "13\ttown\tFRA\t11\t48.0\t2.35\t100\tNowhere\n"       /* unknown kind */
    "14\tplace\tfr\t11\t48.0\t2.35\t100\tNowhere\n"       /* country code */
    "15\tplace\tFRA\t11\t48.0\t2.35\t-3\tNowhere\n"       /* population */
    "16\tplace\tFRA\t11\t48.0\t2.35\t100\n"               /* 7 fields */
    "17\tplace\tFRA\t11\t48.0\t2.35\t100\tA\tB\n"         /* 9 fields */
    "18\tplace\tFRA\t11\t48.0\t2.35\t100\t\n";            /* no name */

typedef struct seen {
    int warnings;
    long last_line;
} seen;

static void sink(void *user, dyad_diag_level lvl, const char *file, long line, const char *msg)
{
    seen *s = user;
    (void)lvl;
    (void)msg;
    assert_string_equal(file, "small.tsv");
    s->warnings++;
    s->last_line = line;
}

static dyad_gazetteer *small(seen *s)
{
    dyad_diag d = {sink, s, 0, 0};
    dyad_gazetteer *g = NULL;
    assert_int_equal(dyad_gazetteer_load_mem(&g, "small.tsv", SMALL, strlen(SMALL), &d), 0);
    return g;
}

static void loads_and_reports_bad_lines(void **state)
{
    (void)state;
    seen s = {0, 0};
    dyad_gazetteer *g = small(&s);
    assert_int_equal(dyad_gazetteer_count(g), 11);
    assert_int_equal(s.warnings, 7);
    assert_int_equal(s.last_line, 19); /* the comment is line 1 */
    assert_int_equal(dyad_gazetteer_max_words(g), 3); /* "new york city", "the gaza strip" */
    dyad_gazetteer_free(g);
}

static void finds_names_in_any_form(void **state)
{
    (void)state;
    seen s = {0, 0};
    dyad_gazetteer *g = small(&s);
    const dyad_place *out[4];
    /* two places called Paris, the more populous first */
    assert_int_equal(dyad_gazetteer_find(g, "Paris", 5, out, 4), 2);
    assert_string_equal(out[0]->iso3, "FRA");
    assert_string_equal(out[1]->iso3, "USA");
    assert_string_equal(out[1]->admin1, "TX");
    assert_int_equal(out[0]->id, 2988507);
    assert_true(out[0]->lat > 48.8 && out[0]->lat < 48.9);
    /* max smaller than the count: the best only, the count still right */
    assert_int_equal(dyad_gazetteer_find(g, "PARIS", 5, out, 1), 2);
    assert_string_equal(out[0]->iso3, "FRA");
    /* an alternate name leads to the place and its shown name; a name listed
     * twice for one place gives it once */
    assert_int_equal(dyad_gazetteer_find(g, "kiev", 4, out, 4), 1);
    assert_string_equal(out[0]->name, "Kyiv");
    assert_int_equal(dyad_gazetteer_find(g, "Kyiv", 4, out, 4), 1);
    /* accents, hyphens and dots */
    assert_int_equal(dyad_gazetteer_find(g, "Sao Paulo", 9, out, 4), 1);
    assert_string_equal(out[0]->name, "São Paulo");
    assert_int_equal(dyad_gazetteer_find(g, "Nagorno Karabakh", 16, out, 4), 1);
    assert_int_equal(out[0]->kind, DYAD_GEO_REGION);
    assert_int_equal(dyad_gazetteer_find(g, "US", 2, out, 4), 1);
    assert_int_equal(out[0]->kind, DYAD_GEO_COUNTRY);
    /* New York: the city before the state, whose people (19 million) count a
     * quarter against the city's 8.8 million */
    assert_int_equal(dyad_gazetteer_find(g, "New York", 8, out, 4), 2);
    assert_int_equal(out[0]->kind, DYAD_GEO_PLACE);
    assert_int_equal(out[1]->kind, DYAD_GEO_ADMIN1);
    assert_int_equal(dyad_gazetteer_find(g, "Nowhere", 7, out, 4), 0);
    assert_int_equal(dyad_gazetteer_find(g, "", 0, out, 4), 0);
    assert_int_equal(dyad_gazetteer_find(g, "\xff\xfe", 2, out, 4), 0); /* not UTF-8 */
    dyad_gazetteer_free(g);
}

static void matches_the_longest_name(void **state)
{
    (void)state;
    seen s = {0, 0};
    dyad_gazetteer *g = small(&s);
    const dyad_place *out[2];
    int n;
    const char *w1[] = {"New", "York", "City", "police", "said"};
    assert_int_equal(dyad_gazetteer_match(g, w1, 5, out, 2, &n), 3);
    assert_int_equal(n, 1);
    assert_string_equal(out[0]->name, "New York City");
    const char *w2[] = {"New", "York", "state"};
    assert_int_equal(dyad_gazetteer_match(g, w2, 3, out, 2, &n), 2);
    assert_int_equal(n, 2);
    const char *w3[] = {"the", "Gaza", "Strip", "."};
    assert_int_equal(dyad_gazetteer_match(g, w3, 4, out, 2, &n), 3);
    const char *w4[] = {"Maiduguri", "(", "Borno", ")"};
    assert_int_equal(dyad_gazetteer_match(g, w4, 4, out, 2, &n), 1);
    assert_string_equal(out[0]->name, "Maiduguri");
    const char *w5[] = {"Paris", "."}; /* the full stop is not part of the name */
    assert_int_equal(dyad_gazetteer_match(g, w5, 2, out, 2, &n), 1);
    const char *w6[] = {"Nagorno-Karabakh"};
    assert_int_equal(dyad_gazetteer_match(g, w6, 1, out, 2, &n), 1);
    const char *w7[] = {"York"};
    assert_int_equal(dyad_gazetteer_match(g, w7, 1, out, 2, &n), 0);
    assert_int_equal(n, 0);
    dyad_gazetteer_free(g);
}

static void codes_lead_to_countries_and_divisions(void **state)
{
    (void)state;
    seen s = {0, 0};
    dyad_gazetteer *g = small(&s);
    const dyad_place *p = dyad_gazetteer_admin1(g, "NGA", "27");
    assert_non_null(p);
    assert_string_equal(p->name, "Borno");
    assert_null(dyad_gazetteer_admin1(g, "NGA", "28"));
    assert_null(dyad_gazetteer_admin1(g, "NGA", ""));
    p = dyad_gazetteer_country(g, "USA");
    assert_non_null(p);
    assert_string_equal(p->name, "United States");
    assert_null(dyad_gazetteer_country(g, "FRA")); /* no country line for France here */
    dyad_gazetteer_free(g);
}

static void refuses_what_is_not_a_gazetteer(void **state)
{
    (void)state;
    dyad_gazetteer *g = (dyad_gazetteer *)1;
    seen s = {0, 0};
    dyad_diag d = {sink, &s, 0, 0};
    const char *bad = "hello\tworld\n";
    assert_int_equal(dyad_gazetteer_load_mem(&g, "small.tsv", bad, strlen(bad), &d), DYAD_EPARSE);
    assert_null(g);
    assert_int_equal(s.warnings, 1);
    const char *paths[] = {"tests/geo/no-such-file.tsv"};
    assert_int_equal(dyad_gazetteer_load(&g, paths, 1, NULL), DYAD_EIO);
    assert_null(g);
}

/* The shipped gazetteer: names a news story uses lead to the right places. */
static void shipped_gazetteer(void **state)
{
    (void)state;
    const char *paths[] = {"data/geo/gazetteer.tsv"};
    dyad_gazetteer *g = NULL;
    seen s = {0, 0};
    dyad_diag d = {sink, &s, 0, 0};
    assert_int_equal(dyad_gazetteer_load(&g, paths, 1, &d), 0);
    assert_int_equal(s.warnings, 0);
    assert_true(dyad_gazetteer_count(g) > 200000);
    const dyad_place *out[3];
    struct {
        const char *name, *iso3;
        dyad_geo_kind kind;
    } want[] = {
        {"Paris", "FRA", DYAD_GEO_PLACE},       {"Kiev", "UKR", DYAD_GEO_PLACE},
        {"New York", "USA", DYAD_GEO_PLACE},    {"Georgia", "GEO", DYAD_GEO_COUNTRY},
        {"Bombay", "IND", DYAD_GEO_PLACE},      {"Maiduguri", "NGA", DYAD_GEO_PLACE},
        {"Gaza Strip", "PSE", DYAD_GEO_REGION}, {"West Bank", "PSE", DYAD_GEO_REGION},
        {"Donbas", "UKR", DYAD_GEO_REGION},     {"Darfur", "SDN", DYAD_GEO_REGION},
        {"Borno", "NGA", DYAD_GEO_ADMIN1},      {"Iran", "IRN", DYAD_GEO_COUNTRY},
        {"Britain", "GBR", DYAD_GEO_COUNTRY},   {"Pyongyang", "PRK", DYAD_GEO_PLACE},
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        int n = dyad_gazetteer_find(g, want[i].name, strlen(want[i].name), out, 3);
        assert_true(n >= 1);
        /* a region GeoNames also lists as a division ("Gaza Strip") may come as either */
        int kind_ok = out[0]->kind == want[i].kind ||
                      (want[i].kind == DYAD_GEO_REGION && out[0]->kind == DYAD_GEO_ADMIN1);
        if (strcmp(out[0]->iso3, want[i].iso3) || !kind_ok)
            fail_msg("%s: %s kind %d, want %s kind %d", want[i].name, out[0]->iso3, out[0]->kind,
                     want[i].iso3, want[i].kind);
    }
    dyad_gazetteer_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(loads_and_reports_bad_lines),
        cmocka_unit_test(finds_names_in_any_form),
        cmocka_unit_test(matches_the_longest_name),
        cmocka_unit_test(codes_lead_to_countries_and_divisions),
        cmocka_unit_test(refuses_what_is_not_a_gazetteer),
        cmocka_unit_test(shipped_gazetteer),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
