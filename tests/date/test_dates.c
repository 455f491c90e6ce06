/* test_dates.c: date expressions found, resolved against the article's date,
 * and picked for an event by its clause (src/date). Expected values were
 * worked out by hand with a calendar: 2024-05-20 is a Monday. */
#include "testutil.h"
#include "date/date.h"

/* Every expression of the sentence as "words=value" (+ "!n" nominal, "!f"
 * fronted), joined by "; ". */
static const char *found(dyad_date_ctx *c, const char *text)
{
    static char out[2048];
    dyad_arena *a = dyad_arena_new();
    dyad_date_sent s;
    assert_int_equal(dyad_date_sentence(&s, c, text, strlen(text), NULL, a), 0);
    out[0] = 0;
    for (int i = 0; i < s.nexpr; i++) {
        char v[48];
        const dyad_date_expr *e = &s.expr[i];
        dyad_date_format(v, sizeof v, &e->value);
        size_t n = strlen(out);
        snprintf(out + n, sizeof out - n, "%s%.*s=%s%s%s", i ? "; " : "", e->end - e->start,
                 text + e->start, v, e->flags & DYAD_DATE_NOMINAL ? "!n" : "",
                 e->flags & DYAD_DATE_FRONTED ? "!f" : "");
    }
    dyad_arena_free(a);
    return out;
}

/* The date picked for an event whose verb is the first occurrence of verb. */
static const char *picked(dyad_date_ctx *c, const char *text, const char *verb)
{
    static char out[48];
    dyad_arena *a = dyad_arena_new();
    dyad_date_sent s;
    assert_int_equal(dyad_date_sentence(&s, c, text, strlen(text), NULL, a), 0);
    const char *v = strstr(text, verb);
    assert_non_null(v);
    const dyad_date_expr *e = dyad_date_pick(&s, (int)(v - text));
    snprintf(out, sizeof out, "%s", "article");
    if (e)
        dyad_date_format(out, sizeof out, &e->value);
    dyad_arena_free(a);
    return out;
}

static const char *one(const char *article, const char *text)
{
    dyad_date_ctx c;
    dyad_date_ctx_init(&c, article);
    return found(&c, text);
}

static void values(void **state)
{
    (void)state;
    dyad_date d;
    char b[48];
    assert_int_equal(dyad_date_parse(&d, "2024-04-13"), 0);
    assert_string_equal(dyad_date_format(b, sizeof b, &d), "2024-04-13");
    assert_int_equal(dyad_date_parse(&d, "20240413"), 0);
    assert_string_equal(dyad_date_format(b, sizeof b, &d), "2024-04-13");
    assert_int_equal(dyad_date_parse(&d, "1980/1988"), 0);
    assert_int_equal(d.prec, DYAD_PREC_YEAR);
    assert_int_equal(d.prec2, DYAD_PREC_YEAR);
    assert_string_equal(dyad_date_format(b, sizeof b, &d), "1980/1988");
    assert_int_equal(dyad_date_parse(&d, "2024-05"), 0);
    assert_int_equal(d.prec, DYAD_PREC_MONTH);
    assert_int_equal(dyad_date_parse(&d, "2024-05-13/2024-05-19"), 0);
    assert_string_equal(dyad_date_format(b, sizeof b, &d), "2024-05-13/2024-05-19");
    /* not dates */
    assert_int_equal(dyad_date_parse(&d, "2023-02-29"), DYAD_EPARSE);
    assert_int_equal(dyad_date_parse(&d, "2024-02-30"), DYAD_EPARSE);
    assert_int_equal(dyad_date_parse(&d, "2024-13"), DYAD_EPARSE);
    assert_int_equal(dyad_date_parse(&d, "1988/1980"), DYAD_EPARSE);
    assert_int_equal(dyad_date_parse(&d, "May 5"), DYAD_EPARSE);
    assert_int_equal(dyad_date_parse(&d, ""), DYAD_EPARSE);
    assert_int_equal(d.prec, DYAD_PREC_NONE);
    assert_int_equal(dyad_date_parse(&d, "2024-02-29"), 0);
    assert_true(dyad_date_valid_day(2000, 2, 29));
    assert_false(dyad_date_valid_day(1900, 2, 29));
}

static void coder_day(void **state)
{
    (void)state;
    dyad_date art, d;
    char b[16];
    dyad_date_parse(&art, "2024-05-20");
    dyad_date_parse(&d, "2024-04-13");
    assert_string_equal(dyad_date_coder_day(b, sizeof b, &d, &art), "2024-04-13");
    dyad_date_parse(&d, "2024-04");
    assert_string_equal(dyad_date_coder_day(b, sizeof b, &d, &art), "2024-04-15");
    dyad_date_parse(&d, "2024-05");
    assert_string_equal(dyad_date_coder_day(b, sizeof b, &d, &art), "2024-05-20");
    dyad_date_parse(&d, "1989");
    assert_string_equal(dyad_date_coder_day(b, sizeof b, &d, &art), "1989-07-01");
    dyad_date_parse(&d, "2024");
    assert_string_equal(dyad_date_coder_day(b, sizeof b, &d, &art), "2024-05-20");
    dyad_date_parse(&d, "2019/2024"); /* "since 2019": the relation holds today */
    assert_string_equal(dyad_date_coder_day(b, sizeof b, &d, &art), "2024-05-20");
    dyad_date_parse(&d, "1980/1988"); /* a closed period: its middle */
    assert_string_equal(dyad_date_coder_day(b, sizeof b, &d, &art), "1984-07-01");
}

static void absolute(void **state)
{
    (void)state;
    const char *A = "2024-05-20";
    assert_string_equal(one(A, "Iran launched attacks against Israel on April 13."),
                        "on April 13=2024-04-13");
    /* a month after the article's month: the year before */
    assert_string_equal(one(A, "Talks were held on June 2."), "on June 2=2023-06-02");
    assert_string_equal(one(A, "Talks were held on May 25."), "on May 25=2023-05-25");
    assert_string_equal(one(A, "They will meet on June 2."), "on June 2=2024-06-02");
    assert_string_equal(one(A, "In late April, North Korea sent a delegation."),
                        "In late April=2024-04!f");
    assert_string_equal(one(A, "They met in mid-April."), "in mid-April=2024-04");
    assert_string_equal(one(A, "They met in December."), "in December=2023-12");
    assert_string_equal(one(A, "In 1989, Khamenei visited North Korea."), "In 1989=1989!f");
    assert_string_equal(one(A, "It happened in March 2022."), "in March 2022=2022-03");
    assert_string_equal(one(A, "It happened in March of 2022."), "in March of 2022=2022-03");
    assert_string_equal(one(A, "It happened on 3 March 2022."), "on 3 March 2022=2022-03-03");
    assert_string_equal(one(A, "It happened March 3, 2022, in Rome."), "March 3, 2022=2022-03-03");
    assert_string_equal(one(A, "It happened on Apr. 3rd."), "on Apr. 3rd=2024-04-03");
    assert_string_equal(one(A, "It happened on 2022-03-03."), "on 2022-03-03=2022-03-03");
    assert_string_equal(one(A, "It happened on Monday, April 1."), "on Monday, April 1=2024-04-01");
    assert_string_equal(one(A, "It happened in early 2023."), "in early 2023=2023");
    assert_string_equal(one(A, "It happened in the 1990s."), "in the 1990s=1990/1999");
    assert_string_equal(one(A, "It happened at the end of April."), "at the end of April=2024-04");
    /* no year known: a month and day cannot be placed */
    assert_string_equal(one(NULL, "Iran attacked on April 13."), "on April 13=");
    assert_string_equal(one("not a date", "Iran attacked on April 13, 2024."),
                        "on April 13, 2024=2024-04-13");
}

static void ranges(void **state)
{
    (void)state;
    const char *A = "2024-05-20";
    assert_string_equal(one(A, "They fought in 1980-1988."), "in 1980-1988=1980/1988");
    assert_string_equal(one(A, "They fought in 1980\xe2\x80\x93" "88."),
                        "in 1980\xe2\x80\x93" "88=1980/1988");
    assert_string_equal(one(A, "They fought from 1980 to 1988."), "from 1980 to 1988=1980/1988");
    assert_string_equal(one(A, "They fought between 1980 and 1988."),
                        "between 1980 and 1988=1980/1988");
    assert_string_equal(one(A, "They have cooperated since 2019."), "since 2019=2019/2024");
    assert_string_equal(one(A, "They have cooperated since April."), "since April=2024-04/2024-05");
    /* the end before the start: no range */
    assert_string_equal(one(A, "They fought from 1988 to 1980."), "from 1988 to 1980=");
    assert_string_equal(one(A, "It was the Iran-Iraq War (1980-88)."),
                        "(1980-88)=1980/1988!n");
}

static void relative(void **state)
{
    (void)state;
    const char *A = "2024-05-20"; /* a Monday */
    assert_string_equal(one(A, "Last year, they closed missions in Spain."), "Last year=2023!f");
    assert_string_equal(one(A, "They met yesterday."), "yesterday=2024-05-19");
    assert_string_equal(one(A, "They met today."), "today=2024-05-20");
    assert_string_equal(one(A, "They will meet tomorrow."), "tomorrow=2024-05-21");
    assert_string_equal(one(A, "They met last week."), "last week=2024-05-13/2024-05-19");
    assert_string_equal(one(A, "They met last month."), "last month=2024-04");
    assert_string_equal(one(A, "They met earlier this month."), "earlier this month=2024-05");
    assert_string_equal(one(A, "They met earlier this year."), "earlier this year=2024");
    assert_string_equal(one(A, "They met two years ago."), "two years ago=2022");
    assert_string_equal(one(A, "They met three days ago."), "three days ago=2024-05-17");
    /* weekdays: the most recent one (the article's own day counts) */
    assert_string_equal(one(A, "Iran attacked on Saturday."), "on Saturday=2024-05-18");
    assert_string_equal(one(A, "Iran attacked on Monday."), "on Monday=2024-05-20");
    assert_string_equal(one(A, "Iran attacked last Monday."), "last Monday=2024-05-13");
    assert_string_equal(one(A, "Iran said Sunday it would retaliate."), "Sunday=2024-05-19");
    assert_string_equal(one(A, "Iran will vote on Saturday."), "on Saturday=2024-05-25");
    /* the tense is the nearest verb's: said (past), not the later will */
    assert_string_equal(one(A, "Iran said Monday it will retaliate."), "Monday=2024-05-20");
    assert_string_equal(one(A, "Iran said it will retaliate on Monday."), "on Monday=2024-05-27");
    assert_string_equal(one(A, "Iran attacked on Saturday night."), "on Saturday night=2024-05-18");
    /* no article date: nothing relative resolves */
    assert_string_equal(one(NULL, "They met yesterday."), "yesterday=");
    /* the article on a Wednesday: earlier this week = Monday and Tuesday */
    assert_string_equal(one("2024-05-22", "They met earlier this week."),
                        "earlier this week=2024-05-20/2024-05-21");
}

static void anchors(void **state)
{
    (void)state;
    dyad_date_ctx c;
    dyad_date_ctx_init(&c, "2024-05-20");
    /* nothing established yet: "the following day" stays unresolved */
    assert_string_equal(found(&c, "The following day, Iran protested."), "The following day=!f");
    assert_string_equal(found(&c, "On April 13, Iran launched drones."), "On April 13=2024-04-13!f");
    assert_string_equal(found(&c, "The following day, Israel protested."),
                        "The following day=2024-04-14!f");
    assert_string_equal(found(&c, "The next day, Israel struck."), "The next day=2024-04-15!f");
    assert_string_equal(found(&c, "Two days later, talks began."), "Two days later=2024-04-17!f");
    assert_string_equal(found(&c, "On that day the UN met."), "On that day=2024-04-17!f");
    /* a month established: the day after a day of April is still April */
    dyad_date_ctx_init(&c, "2024-05-20");
    found(&c, "In late April, North Korea sent a delegation to Tehran.");
    assert_string_equal(found(&c, "The following day, state media condemned the sanctions."),
                        "The following day=2024-04!f");
    /* future without an anchor: the day after the article */
    dyad_date_ctx_init(&c, "2024-05-20");
    assert_string_equal(found(&c, "Talks will resume the next day."), "the next day=2024-05-21");
}

static void nominal(void **state)
{
    (void)state;
    const char *A = "2024-05-20";
    assert_string_equal(one(A, "North Korea sent a delegation to Tehran, its first such mission since 2019."),
                        "since 2019=2019/2024!n");
    assert_string_equal(one(A, "Leaders discussed the 2019 summit."), "");
    assert_string_equal(one(A, "Leaders recalled the April 13 attack."), "April 13=2024-04-13!n");
    assert_string_equal(one(A, "Leaders recalled Saturday's attack."), "Saturday's=2024-05-18!n");
    assert_string_equal(one(A, "Leaders recalled last year's attack."), "last year's=2023!n");
    assert_string_equal(one(A, "Iran must answer by April 13."), "April 13=2024-04-13!n");
    assert_string_equal(one(A, "It was the highest level since 2019."), "since 2019=2019/2024!n");
    /* counts and other numbers are no years */
    assert_string_equal(one(A, "Missiles with 2,000-km ranges hit 1989 targets in 2000 cases."), "");
    assert_string_equal(one(A, "May the talks succeed."), "");
}

static void invalid(void **state)
{
    (void)state;
    const char *A = "2024-05-20";
    assert_string_equal(one(A, "Iran attacked on February 30 and on April 13."),
                        "on April 13=2024-04-13");
    assert_string_equal(one(A, "It happened on 2023-02-29."), "");
    assert_string_equal(one(A, "It happened on February 29."), "on February 29=2024-02-29");
    assert_string_equal(one("2023-05-20", "It happened on February 29."), "on February 29=");
    assert_string_equal(one(A, "It happened on 31 April 2022 and in 2021."), "in 2021=2021");
    assert_string_equal(one(A, ""), "");
    assert_string_equal(one(A, "((((;;--\xff\xfe 13 ,,, 1980-1979"), "");
}

static void periods(void **state)
{
    (void)state;
    dyad_date_ctx c;
    dyad_date_ctx_init(&c, "2024-05-10");
    assert_string_equal(found(&c, "This brings us back to the Iran-Iraq War (1980-88)."),
                        "(1980-88)=1980/1988!n");
    assert_string_equal(found(&c, "Tehran sought allies amid that gruesome conflict."),
                        "amid that gruesome conflict=1980/1988");
    const char *s = "With Pyongyang providing Iran with SCUD B ballistic missiles, conventional "
                    "arms, training, and military advisers, North Korea was one of very few "
                    "countries worldwide to directly help Iran during that war.";
    assert_string_equal(picked(&c, s, "providing"), "1980/1988");
    assert_string_equal(picked(&c, s, "help"), "1980/1988");
    assert_string_equal(found(&c, "Trade grew during the Iran-Iraq War."),
                        "during the Iran-Iraq War=1980/1988");
    assert_string_equal(found(&c, "Since the Iran-Iraq War ended, they have cooperated."),
                        "Since the Iran-Iraq War ended=1988/2024!f");
    /* another named period: the general mechanism */
    assert_string_equal(found(&c, "Iraq invaded Kuwait before the Gulf War (1990\xe2\x80\x93" "1991)."),
                        "(1990\xe2\x80\x93" "1991)=1990/1991!n");
    assert_string_equal(found(&c, "Prices rose during the war."), "during the war=1990/1991");
    assert_string_equal(found(&c, "It recalled the Suez Crisis (1956)."), "(1956)=1956!n");
    assert_string_equal(found(&c, "Oil prices rose during the crisis."), "during the crisis=1956");
    /* unknown heads stay unresolved and date nothing */
    assert_string_equal(found(&c, "Prices rose during the uprising."), "");
}

static void clauses(void **state)
{
    (void)state;
    dyad_date_ctx c;
    dyad_date_ctx_init(&c, "2024-05-20");
    const char *s = "Tehran is believed to have provided Russia with thousands of drones for use "
                    "in Moscow's war against Ukraine, and Iran also launched drone and missile "
                    "attacks against Israel on April 13 in retaliation.";
    assert_string_equal(picked(&c, s, "provided"), "article");
    assert_string_equal(picked(&c, s, "launched"), "2024-04-13");
    s = "In 1989, Iran's then-President (and current Supreme Leader) Ali Khamenei visited "
        "North Korea and declared that it was a friend.";
    assert_string_equal(picked(&c, s, "visited"), "1989");
    assert_string_equal(picked(&c, s, "declared"), "1989");
    s = "In late April, North Korea sent a high-level delegation of economic and trade experts "
        "on a nine-day visit to Tehran, its first such mission since 2019.";
    assert_string_equal(picked(&c, s, "sent"), "2024-04");
    /* a date in a subordinate clause dates that clause only */
    s = "The US imposed sanctions after Iran attacked Israel on April 13.";
    assert_string_equal(picked(&c, s, "imposed"), "article");
    assert_string_equal(picked(&c, s, "attacked"), "2024-04-13");
    s = "After Iran attacked Israel on April 13, the US imposed sanctions.";
    assert_string_equal(picked(&c, s, "imposed"), "article");
    assert_string_equal(picked(&c, s, "attacked"), "2024-04-13");
    /* the nearest date in the verb's clause */
    s = "Iran met Iraq on Saturday and signed a deal with Syria on Sunday.";
    assert_string_equal(picked(&c, s, "met"), "2024-05-18");
    assert_string_equal(picked(&c, s, "signed"), "2024-05-19");
    /* a fronted date covers the clauses without a date of their own */
    s = "Last year, Pyongyang closed its embassy in Spain, and Seoul opened one in Peru in 2019.";
    assert_string_equal(picked(&c, s, "closed"), "2023");
    assert_string_equal(picked(&c, s, "opened"), "2019");
    s = "Last year, Pyongyang closed its embassy in Spain, and Seoul protested.";
    assert_string_equal(picked(&c, s, "protested"), "2023");
    /* coordinated clauses with irregular past tenses (no parse: the word list) */
    s = "On Saturday, Iran struck Israel, and on Sunday Israel hit back.";
    assert_string_equal(picked(&c, s, "struck"), "2024-05-18");
    assert_string_equal(picked(&c, s, "hit"), "2024-05-19");
    /* relative clause and parentheses */
    s = "Kim, who visited Tehran in 2019, met Raisi on Saturday.";
    assert_string_equal(picked(&c, s, "visited"), "2019");
    assert_string_equal(picked(&c, s, "met"), "2024-05-18");
    s = "Kim (in power since 2011) met Raisi.";
    assert_string_equal(picked(&c, s, "met"), "article");
    /* no date at all */
    assert_string_equal(picked(&c, "Iran condemned Israel.", "condemned"), "article");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(values),   cmocka_unit_test(coder_day), cmocka_unit_test(absolute),
        cmocka_unit_test(ranges),   cmocka_unit_test(relative),  cmocka_unit_test(anchors),
        cmocka_unit_test(nominal),  cmocka_unit_test(invalid),   cmocka_unit_test(periods),
        cmocka_unit_test(clauses),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
