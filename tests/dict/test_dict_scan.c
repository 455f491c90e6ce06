/* test_dict_scan.c: the questions asked of a raw sentence before it is parsed
 * (dyad_dict_text_names_actor, dyad_dict_text_discard): a sentence that names
 * no actor or agent is not parsed by the raw-text pipeline, so the check must
 * find every actor the coders would (a superset) and miss nothing. */
#include "testutil.h"
#include "dict/dict.h"

static dyad_dict_text txt(const char *name, const char *s)
{
    dyad_dict_text t = {name, s, s ? strlen(s) : 0};
    return t;
}

static const char *ACTORS = "IRAN_  [IRN]\n"
                            "NORTH_KOREA_  [PRK]\n"
                            "IRANIAN_ [IRN]\n"
                            "AL_QAEDA_ [IMGMOSALQ]\n"
                            "UNITED_NATIONS [IGOUNO]\n"
                            "OLD_GUARD [XXXOLD <650101]\n";
static const char *AGENTS = "POLICE {} [ ~COP]\n"
                            "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]\n";
static const char *DISCARDS = "MONTHS LATER\n"
                              "+TYPHOON\n";

static dyad_dict *load(void)
{
    dyad_dict_text act = txt("a.actors", ACTORS);
    dyad_dict_mem m = {txt("t.verbs", NULL), &act, 1, txt("t.agents", AGENTS),
                       txt("t.discards", DISCARDS), txt("t.issues", NULL)};
    dyad_dict *d = NULL;
    assert_int_equal(dyad_dict_load_mem(&d, &m, NULL), 0);
    return d;
}

static int names(dyad_dict *d, dyad_arena *a, const char *s)
{
    return dyad_dict_text_names_actor(d, s, strlen(s), a);
}

static void finds_actors_and_agents(void **state)
{
    (void)state;
    dyad_dict *d = load();
    dyad_arena *a = dyad_arena_new();
    /* an actor, in any case, with punctuation and possessives around it */
    assert_int_equal(names(d, a, "Talks with Iran resumed."), 1);
    assert_int_equal(names(d, a, "\"IRAN,\" he said."), 1);
    assert_int_equal(names(d, a, "Iran's navy sailed."), 1);
    assert_int_equal(names(d, a, "Iran\xE2\x80\x99s navy sailed."), 1);
    assert_int_equal(names(d, a, "(North Korea) fired."), 1);
    /* a phrase split by a hyphen or joined by a slash */
    assert_int_equal(names(d, a, "The al-Qaeda cell struck."), 1);
    assert_int_equal(names(d, a, "Iran/Iraq border talks."), 1);
    /* a plural of a singular demonym: the coders' "IRANIANS" */
    assert_int_equal(names(d, a, "Iranians protested."), 1);
    /* an agent alone makes an actor ("---COP") */
    assert_int_equal(names(d, a, "Police fired tear gas."), 1);
    assert_int_equal(names(d, a, "Attorneys general met."), 1);
    /* a date-restricted actor counts whatever the date */
    assert_int_equal(names(d, a, "The old guard left."), 1);
    /* nothing: the sentence cannot give an event */
    assert_int_equal(names(d, a, "The weather was fine on Sunday."), 0);
    assert_int_equal(names(d, a, "North winds blew."), 0); /* half a phrase */
    assert_int_equal(names(d, a, ""), 0);
    assert_int_equal(dyad_dict_text_names_actor(d, NULL, 0, a), 0);
    dyad_arena_free(a);
    dyad_dict_free(d);
}

/* A number that can count people ("40,000 protested": the tree coder's
 * ordinary people) and a verb coded as violence ("Jean Guth was shot": an
 * ordinary person harmed) let a sentence with no actor word be parsed; a
 * year, a decimal and a verb of another family do not. */
static void finds_numbers_and_violence(void **state)
{
    (void)state;
    dyad_dict_text act = txt("a.actors", ACTORS);
    dyad_dict_mem m = {txt("t.verbs", "---  SHOOT   [193]  ---\n"
                                      "SHOOT {SHOOTS SHOT SHOOTING}\n"
                                      "\n"
                                      "---  PRAISE   [051]  ---\n"
                                      "PRAISE {PRAISES PRAISED PRAISING}\n"),
                       &act, 1, txt("t.agents", AGENTS), txt("t.discards", NULL),
                       txt("t.issues", NULL)};
    dyad_dict *d = NULL;
    assert_int_equal(dyad_dict_load_mem(&d, &m, NULL), 0);
    dyad_arena *a = dyad_arena_new();
    assert_int_equal(names(d, a, "In Berlin, about 40,000 protested."), 1);
    assert_int_equal(names(d, a, "Thousands marched."), 1);
    assert_int_equal(names(d, a, "Jean Guth was shot."), 1);
    assert_int_equal(names(d, a, "In 1994 it rained 2.5 inches."), 0);
    assert_int_equal(names(d, a, "The critics praised the film."), 0);
    dyad_arena_free(a);
    dyad_dict_free(d);
}

static void finds_discards(void **state)
{
    (void)state;
    dyad_dict *d = load();
    dyad_arena *a = dyad_arena_new();
    const char *s = "Six months later the typhoon hit.";
    assert_int_equal(dyad_dict_text_discard(d, s, strlen(s), a), 1); /* the first match */
    s = "A typhoon hit, months later.";
    assert_int_equal(dyad_dict_text_discard(d, s, strlen(s), a), 2);
    s = "It came months later,"; /* punctuation on the last word: no match, as in the coder */
    assert_int_equal(dyad_dict_text_discard(d, s, strlen(s), a), 0);
    s = "Nothing here.";
    assert_int_equal(dyad_dict_text_discard(d, s, strlen(s), a), 0);
    dyad_arena_free(a);
    dyad_dict_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(finds_actors_and_agents),
        cmocka_unit_test(finds_discards),
        cmocka_unit_test(finds_numbers_and_violence),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
