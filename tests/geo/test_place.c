/* test_place.c: the place of each event of an article (geo/place.h): the
 * place phrase of the event's clause, else a place of its sentence, else the
 * dateline's, else the place the article names most; on sentences written
 * for this test, parsed with the shipped built-in parser, and a small
 * gazetteer written here (coordinates of the real places, rounded). */
#include "testutil.h"
#include "geo/place.h"
#include "parse/builtin.h"

static const char *GAZ =
    "2331447\tplace\tNGA\t27\t11.85\t13.16\t758700\tMaiduguri\n"
    "2565340\tadmin1\tNGA\t27\t11.50\t13.00\t4171104\tBorno\n"
    "2352778\tplace\tNGA\t11\t9.06\t7.49\t590400\tAbuja\n"
    "2328926\tcountry\tNGA\t\t9.08\t8.68\t195874740\tNigeria\n"
    "1835848\tplace\tKOR\t11\t37.57\t126.98\t10349312\tSeoul\n"
    "1835841\tcountry\tKOR\t\t36.50\t127.75\t51635256\tSouth Korea\n";

#include "geo_fixture.h"

/* One event of the sentence text whose verb is the word verb; its location. */
static struct dyad_location place(fixture *f, dyad_geo_article *art, const char *text, const char *verb)
{
    dyad_tree *t = NULL;
    dyad_conllu_sent *s = NULL;
    assert_int_equal(dyad_builtin_parse(&t, &s, f->p, NULL, text, strlen(text), f->a), 0);
    dyad_event ev;
    memset(&ev, 0, sizeof ev);
    const char *v = strstr(text, verb);
    assert_non_null(v);
    ev.verb_span.start = (int)(v - text);
    ev.verb_span.end = ev.verb_span.start + (int)strlen(verb);
    assert_int_equal(dyad_geo_place_events(f->g, art, s, text, &ev, 1, f->a), 0);
    return ev.location;
}

static void from_clause_sentence_dateline_article(void **state)
{
    fixture *f = *state;
    dyad_arena_reset(f->a);
    dyad_geo_article art;
    dyad_geo_article_init(&art, f->g, "MAIDUGURI, Nigeria (Reuters) -");
    assert_non_null(art.dateline);
    assert_string_equal(art.dateline->name, "Maiduguri");

    /* the clause's own place */
    struct dyad_location l = place(f, &art, "Gunmen attacked a market in Abuja on Monday.", "attacked");
    assert_string_equal(l.from, "clause");
    assert_string_equal(l.text, "Abuja");
    assert_string_equal(l.name, "Abuja");
    assert_string_equal(l.country, "NGA");
    assert_string_equal(l.precision, "place");
    assert_int_equal(l.geonames_id, 2352778);
    assert_true(l.lat > 9.0 && l.lat < 9.1 && l.lon > 7.4 && l.lon < 7.6);

    /* no place in the sentence: the dateline's */
    l = place(f, &art, "Soldiers arrested three men.", "arrested");
    assert_string_equal(l.from, "dateline");
    assert_string_equal(l.name, "Maiduguri");

    /* a division is placed at its precision */
    l = place(f, &art, "Police arrested ten protesters in Borno.", "arrested");
    assert_string_equal(l.from, "clause");
    assert_string_equal(l.precision, "admin1");
    assert_string_equal(l.admin1, "27");
}

static void article_place_without_dateline(void **state)
{
    fixture *f = *state;
    dyad_arena_reset(f->a);
    dyad_geo_article art;
    dyad_geo_article_init(&art, f->g, NULL);
    assert_null(art.dateline);
    /* nothing known yet: no place */
    struct dyad_location l = place(f, &art, "Soldiers arrested three men.", "arrested");
    assert_string_equal(l.from, "");
    /* the article names Seoul twice: later events without a place get it */
    place(f, &art, "Students marched in Seoul on Friday.", "marched");
    place(f, &art, "Police blocked roads in Seoul.", "blocked");
    l = place(f, &art, "Officers detained two leaders.", "detained");
    assert_string_equal(l.from, "article");
    assert_string_equal(l.name, "Seoul");
    /* a name the gazetteer lacks: its words, the article's country */
    l = place(f, &art, "Riot police raided the village of Wi Toke.", "raided");
    assert_string_equal(l.from, "clause");
    assert_string_equal(l.text, "Wi Toke");
    assert_null(l.name);
    assert_string_equal(l.country, "KOR");
    assert_string_equal(l.precision, "country");
}

int main(void)
{
    if (access("data/parser/parser.bin", R_OK) != 0) {
        fprintf(stderr, "skip: data/parser/parser.bin not found (run from the repository)\n");
        return 0;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(from_clause_sentence_dateline_article),
        cmocka_unit_test(article_place_without_dateline),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
