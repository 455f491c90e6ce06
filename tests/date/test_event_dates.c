/* test_event_dates.c: dates and merged records through the raw-text pipeline
 * (dyad_code_input on a small text article, dyad's own dictionaries in
 * data/dict): each event dated by the words of its sentence or by the
 * article; identical events of an article are one record with every mention;
 * a date that is no date loses nothing. The article is dated 2024-05-10, a
 * Friday. */
#include "testutil.h"
#include "dyad.h"

typedef struct got {
    char line[64][512];
    int n;
} got;

/* The sentence's number (the article id is the temporary file's name). */
static const char *num(const char *sentence)
{
    const char *u = strrchr(sentence, '_');
    return u ? u + 1 : sentence;
}

/* "sentence date source target cameo date_source mentions [sentence,...]" */
static int collect(void *user, const dyad_event *e)
{
    got *g = user;
    if (g->n == 64)
        return 0;
    char *p = g->line[g->n++];
    int k = snprintf(p, 512, "t_%s %s %s %s %s %s %d", num(e->sentence), e->date, e->source,
                     e->target, e->cameo, e->date_source ? e->date_source : "-", e->mentions);
    for (int i = 0; e->mention && i < e->mentions && k < 400; i++)
        k += snprintf(p + k, 512 - (size_t)k, "%st_%s", i ? "," : " ", num(e->mention[i].sentence));
    return 0;
}

static void run(got *g, const char *text, const char *date, int threads)
{
    char path[] = "/tmp/dyad-dates-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs(text, f);
    fclose(f);
    dyad_dict *dict = NULL;
    dyad_coder *coder = NULL;
    assert_int_equal(dyad_dict_load_dir(&dict, "data/dict", NULL), 0);
    assert_int_equal(dyad_coder_new(&coder, dict, NULL), 0);
    dyad_input_opts o = {.format = "text", .date = date, .threads = threads};
    dyad_run_stats st = {0};
    memset(g, 0, sizeof *g);
    assert_int_equal(dyad_code_input(&st, coder, path, &o, collect, g, NULL), 0);
    assert_int_equal(st.events, g->n);
    dyad_coder_free(coder);
    dyad_dict_free(dict);
    unlink(path);
}

static const char article[] =
    "date 2024-05-10 Russia shelled Ukraine on April 13. Brazil criticized Argentina the "
    "following day. India met Pakistan in 1989. Turkey detained Israeli journalists on "
    "Saturday. Russia shelled Ukraine. Brazil criticized Argentina. Russia shelled Ukraine "
    "on April 13. Russia shelled Ukraine.\n";

static void dated_and_merged(void **state)
{
    (void)state;
    got g;
    run(&g, article, NULL, 1);
    assert_int_equal(g.n, 7);
    /* first mention's place; identical events (same date too) merged */
    assert_string_equal(g.line[0], "t_1 2024-04-13 RUS UKR 194 text 2 t_1,t_7");
    assert_string_equal(g.line[1], "t_2 2024-04-14 BRA ARG 111 text 1");
    /* a meeting is coded both ways (CAMEO), both dated by "in 1989" */
    assert_string_equal(g.line[2], "t_3 1989 IND PAK 040 text 1");
    assert_string_equal(g.line[3], "t_3 1989 PAK IND 040 text 1");
    assert_string_equal(g.line[4], "t_4 2024-05-04 TUR ISRMED 173 text 1");
    /* the same triple on the article's date is another record */
    assert_string_equal(g.line[5], "t_5 2024-05-10 RUS UKR 194 article 2 t_5,t_8");
    assert_string_equal(g.line[6], "t_6 2024-05-10 BRA ARG 111 article 1");
    /* two threads: the same records in the same order */
    got g2;
    run(&g2, article, NULL, 2);
    assert_int_equal(g2.n, g.n);
    for (int i = 0; i < g.n; i++)
        assert_string_equal(g2.line[i], g.line[i]);
}

static void bad_article_date(void **state)
{
    (void)state;
    got g;
    /* not a calendar day: relative dates stay unresolved, nothing is lost */
    run(&g, article, "2024-02-30", 1);
    assert_int_equal(g.n, 5);
    assert_string_equal(g.line[0], "t_1 2024-02-30 RUS UKR 194 article 4 t_1,t_5,t_7,t_8");
    assert_string_equal(g.line[1], "t_2 2024-02-30 BRA ARG 111 article 2 t_2,t_6");
    assert_string_equal(g.line[2], "t_3 1989 IND PAK 040 text 1");
    assert_string_equal(g.line[3], "t_3 1989 PAK IND 040 text 1");
    assert_string_equal(g.line[4], "t_4 2024-02-30 TUR ISRMED 173 article 1");
}

/* Date-restricted actor codes follow each event's own date, also for two
 * events of one sentence with two dates (data/dict: Antonio Guterres is
 * PRTGOV 1995-2002, IGOUNOREFHCR 2005-2015, IGOUNO from 2017). */
static void actor_codes_by_event_date(void **state)
{
    (void)state;
    got g;
    run(&g,
        "date 2024-05-10 Antonio Guterres criticized Russia in 1999. Antonio Guterres "
        "criticized Russia. Antonio Guterres criticized Russia in 2010 and praised China on "
        "Monday.\n",
        NULL, 1);
    assert_int_equal(g.n, 4);
    assert_string_equal(g.line[0], "t_1 1999 PRTGOV RUS 111 text 1");
    assert_string_equal(g.line[1], "t_2 2024-05-10 IGOUNO RUS 111 article 1");
    assert_string_equal(g.line[2], "t_3 2010 IGOUNOREFHCR RUS 111 text 1");
    assert_string_equal(g.line[3], "t_3 2024-05-06 IGOUNO CHN 051 text 1");
}

int main(void)
{
    if (access("data/dict", R_OK) != 0) {
        fprintf(stderr, "skip: data/dict not found (run from the repository root)\n");
        return 0;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(dated_and_merged),
        cmocka_unit_test(bad_article_date),
        cmocka_unit_test(actor_codes_by_event_date),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
