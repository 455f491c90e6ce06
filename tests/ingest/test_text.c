/* test_text.c: plain-text articles, dates, boilerplate lines, format
 * detection and the article reader; the two seed articles (skipped when
 * ../shared is absent). */
#include "testutil.h"
#include "ingest/article.h"
#include "text/text.h"

#define DIAG(cap) {.fn = diag_capture_fn, .user = &(cap)}

/* ---- dates -------------------------------------------------------------- */

static void parse_date_forms(void **state)
{
    (void)state;
    char d[11];
    assert_int_equal(dyad_article_parse_date(d, "2024-05-10", 10), 0);
    assert_string_equal(d, "2024-05-10");
    assert_int_equal(dyad_article_parse_date(d, "20240510", 8), 0);
    assert_string_equal(d, "2024-05-10");
    assert_int_equal(dyad_article_parse_date(d, " 2024/05/10 ", 12), 0);
    assert_string_equal(d, "2024-05-10");
    const char *iso = "2024-05-10T08:30:00+02:00";
    assert_int_equal(dyad_article_parse_date(d, iso, strlen(iso)), 0);
    assert_string_equal(d, "2024-05-10");
    const char *bad[] = {"2024-13-01", "2024-00-10", "2024-05-32", "0999-01-01", "2024-5-10",
                         "202405101", "May 10, 2024", "", "2024-05-10x", "2024-05/10"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        assert_int_equal(dyad_article_parse_date(d, bad[i], strlen(bad[i])), DYAD_EINVAL);
}

static void take_date_line(void **state)
{
    (void)state;
    char d[11];
    const char *s = " date 2024-05-10 North Korea-Iran relations";
    size_t k = dyad_article_take_date(d, s, strlen(s));
    assert_string_equal(d, "2024-05-10");
    assert_string_equal(s + k, "North Korea-Iran relations");
    s = "Date: 20240102\n\nText.";
    k = dyad_article_take_date(d, s, strlen(s));
    assert_string_equal(d, "2024-01-02");
    assert_string_equal(s + k, "Text.");
    s = "DATE 2024-05-10";
    k = dyad_article_take_date(d, s, strlen(s));
    assert_int_equal(k, strlen(s));
    /* not a date line */
    const char *no[] = {"dated 2024-05-10 text", "date 2024-05-10x text", "date: soon",
                        "Dates 2024-05-10", "The date 2024-05-10 was set.", "date2024-05-10 x",
                        "date 2024-05-1099 x", ""};
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        assert_int_equal(dyad_article_take_date(d, no[i], strlen(no[i])), 0);
}

/* ---- boilerplate ---------------------------------------------------------- */

static int bp(const char *s) { return dyad_article_is_boilerplate(s, strlen(s)); }

static void boilerplate_lines(void **state)
{
    (void)state;
    const char *yes[] = {
        "Also Read:  We will pay. All. Serious consequences of an attack on Israel",
        "Also read \xE2\x80\x98Seconds North Korea Tests New Missile Warhead\xE2\x80\x99:",
        "Leave a Reply", "  Leave a Reply  ",
        "Your email address will not be published. Required fields are marked *",
        "#North #Korea #Iran #Alliance", "#Iran",
        "Advertisement", "ADVERTISEMENT", "Supported by", "Share this:", "Share this article",
        "Click here to subscribe to our newsletter.", "By John Smith",
        "By JOHN SMITH and JANE DOE, Associated Press", "By Howard LaFranchi",
        "John Smith | Reuters", "World | Asia | North Korea",
        "We use cookies to give you the best experience. By continuing you agree.",
        "This website uses cookies.", "Accept all cookies", "Cookie Policy",
        "12 Comments", "1 comment", "Comments", "Read more", "Related Articles",
        "Related: Iran launches drones", "See also: the 1994 agreement",
        "(Reporting by Parisa Hafezi; Editing by William Maclean)",
        "Copyright \xC2\xA9 2024 Example News", "All rights reserved.",
        "\xC2\xA9 2024 Reuters", "Sign up for our daily newsletter", "Follow us on Twitter",
        "Photo: Reuters", "Story continues below advertisement", "Reuters", "AP",
    };
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++) {
        if (!bp(yes[i]))
            fail_msg("not boilerplate: %s", yes[i]);
    }
    const char *no[] = {
        "", "   ",
        "By Tuesday, the army had withdrawn from the city.",
        "By the time the talks began, Iran had left.",
        "By NATO standards the budget is small.",
        "Advertisements for the drug were banned in 2019.",
        "Advertisement spending rose 5 percent last year.",
        "Related talks continued on Monday.",
        "Subscribers to the service rose by 5 percent.",
        "Share prices fell sharply on Monday.",
        "Iran denies talk of a nuclear program",
        "A relationship mostly about missiles",
        "North Korea and Iran, What is the New Alliance?",
        "The regulator said sites that use cookies must ask consent.",
        "Reporting by the BBC showed the strikes continued.",
        "Comments by the minister angered Tehran.",
        "\xE2\x80\x9CThe cooperation is based on pragmatism,\xE2\x80\x9D John Feffer told TRT World.",
        "The vote was 5 | 4 in favour of the motion.",
        "#1 priority is security, the minister said.",
    };
    for (size_t i = 0; i < sizeof no / sizeof *no; i++) {
        if (bp(no[i]))
            fail_msg("boilerplate: %s", no[i]);
    }
}

static void strip_boilerplate_layout(void **state)
{
    (void)state;
    dyad_arena *a = dyad_arena_new();
    const char *in = "\n\nFirst para.\r\nStill first.   \r\n\r\n\r\n\r\nAdvertisement\n\n"
                     "Second para.\nAlso Read: More news\nThird line.\n\n\n";
    char *out;
    size_t len;
    long dropped;
    assert_int_equal(dyad_article_strip_boilerplate(&out, &len, &dropped, a, in, strlen(in)), 0);
    /* a dropped line never glues the lines around it */
    assert_string_equal(out, "First para.\nStill first.\n\nSecond para.\n\nThird line.");
    assert_int_equal(len, strlen(out));
    assert_int_equal(dropped, 2);
    assert_int_equal(dyad_article_strip_boilerplate(&out, &len, NULL, a, "", 0), 0);
    assert_string_equal(out, "");
    dyad_arena_free(a);
}

/* Wire datelines and credits name places and agencies the story is not about. */
static void datelines_and_credits(void **state)
{
    (void)state;
    struct { const char *line; size_t len; } dl[] = {
        {"SEOUL (Reuters) - North Korea said", 18},
        {"WASHINGTON, Aug 15 (AFP) -- The US said", 28},
        {"BAGHDAD, Iraq - A bomb exploded", 16},
        {"AFP - Democratic White House hopeful", 6},
        {"UNITED NATIONS (Reuters) - The UN", 27},
        {"PORT-AU-PRINCE, Haiti \xE2\x80\x94 Gunmen", 26},
        {"Iran - Iraq talks resumed", 0},          /* not capitals, not an agency */
        {"The talks - which began in May - went on", 0},
        {"US - China talks", 0},                   /* too short to be a place */
        {"SEOUL (Yesterday) - x", 0},              /* not an agency */
        {"Seoul, Aug 15 - talks", 0},
        {"NATO", 0},
    };
    for (size_t i = 0; i < sizeof dl / sizeof dl[0]; i++)
        assert_int_equal(dyad_article_dateline_len(dl[i].line, strlen(dl[i].line)), dl[i].len);
    const char *t = "Kerry assails Bush plan (AFP)";
    assert_int_equal(dyad_article_credit_len(t, strlen(t)), 6);
    t = "Kerry assails Bush plan (AFP).";
    assert_int_equal(dyad_article_credit_len(t, strlen(t)), 6);
    t = "(AFP)";
    assert_int_equal(dyad_article_credit_len(t, strlen(t)), 0);
    t = "He met the (UN) envoy";
    assert_int_equal(dyad_article_credit_len(t, strlen(t)), 0);
    dyad_arena *a = dyad_arena_new();
    const char *in = "Kerry assails plan (AFP)\n\nTEHRAN (Reuters) - Iran said it would strike back.\n"
                     "Troops deployed (AFP).";
    char *out;
    assert_int_equal(dyad_article_strip_boilerplate(&out, NULL, NULL, a, in, strlen(in)), 0);
    assert_string_equal(out, "Kerry assails plan\n\nIran said it would strike back.\nTroops deployed.");
    dyad_arena_free(a);
}

/* ---- plain-text articles ------------------------------------------------------ */

static void text_article(void **state)
{
    (void)state;
    dyad_arena *a = dyad_arena_new();
    diag_capture cap = {0};
    dyad_diag d = DIAG(cap);
    dyad_article art;
    const char *in = "\xEF\xBB\xBF date 2024-05-10 Iran and Iraq met.\r\n\r\nLeave a Reply\r\n";
    assert_int_equal(dyad_article_from_text(&art, a, "x.txt", "x", in, strlen(in), &d), 0);
    assert_string_equal(art.id, "x");
    assert_string_equal(art.date, "2024-05-10");
    assert_string_equal(art.title, "");
    assert_string_equal(art.text, "Iran and Iraq met.");
    assert_int_equal(art.text_len, strlen(art.text));
    assert_int_equal(art.boilerplate, 1);
    assert_int_equal(art.bad_utf8, 0);
    assert_int_equal(art.line, 1);
    assert_int_equal(cap.warnings + cap.errors, 0);
    /* no date line */
    in = "Iran and Iraq met on 2024-05-10.";
    assert_int_equal(dyad_article_from_text(&art, a, "x.txt", NULL, in, strlen(in), &d), 0);
    assert_string_equal(art.date, "");
    assert_string_equal(art.id, "");
    assert_string_equal(art.text, in);
    dyad_arena_free(a);
}

static void text_invalid_utf8(void **state)
{
    (void)state;
    dyad_arena *a = dyad_arena_new();
    diag_capture cap = {0};
    dyad_diag d = DIAG(cap);
    dyad_article art;
    const char in[] = "Caf\xE9 talks in Gen\xC3\xA8ve\xFF. Nul\0byte.";
    assert_int_equal(dyad_article_from_text(&art, a, "bad.txt", "bad", in, sizeof in - 1, &d), 0);
    /* the NUL byte is a space, counted apart from the invalid UTF-8 */
    assert_string_equal(art.text, "Caf\xEF\xBF\xBD talks in Gen\xC3\xA8ve\xEF\xBF\xBD. "
                                  "Nul byte.");
    assert_int_equal(art.bad_utf8, 2);
    assert_int_equal(art.nul_bytes, 1);
    assert_int_equal(cap.warnings, 2);
    assert_non_null(strstr(cap.msgs[0], "2 invalid UTF-8 sequences replaced with U+FFFD"));
    assert_non_null(strstr(cap.msgs[1], "1 NUL byte read as spaces"));
    dyad_arena_free(a);
}

static void text_empty(void **state)
{
    (void)state;
    dyad_arena *a = dyad_arena_new();
    dyad_article art;
    assert_int_equal(dyad_article_from_text(&art, a, "e.txt", "e", "", 0, NULL), 0);
    assert_string_equal(art.text, "");
    assert_int_equal(art.text_len, 0);
    assert_string_equal(art.date, "");
    dyad_sentence *s;
    int n;
    assert_int_equal(dyad_text_sentences(&s, &n, a, art.text, art.text_len), 0);
    assert_int_equal(n, 0);
    dyad_arena_free(a);
}

/* ---- formats ------------------------------------------------------------------ */

static void detect_formats(void **state)
{
    (void)state;
    struct { const char *path, *head; dyad_input_format f; } c[] = {
        {"a.txt", "<html>", DYAD_INPUT_TEXT},
        {"a.HTML", "plain", DYAD_INPUT_HTML},
        {"a.htm", "", DYAD_INPUT_HTML},
        {"feed.jsonl", "", DYAD_INPUT_JSONL},
        {"feed.ndjson", "", DYAD_INPUT_JSONL},
        {"x.conllu", "", DYAD_INPUT_CONLLU},
        {"v.xml", "<Validation>", DYAD_INPUT_PETRXML},
        {"v.xml", "<!DOCTYPE html><html>", DYAD_INPUT_HTML},
        {"-", "  \n<Sentences>\n<Sentence id='1'>", DYAD_INPUT_PETRXML},
        {NULL, "<?xml version='1.0'?>\n<Validation>", DYAD_INPUT_PETRXML},
        {NULL, "\xEF\xBB\xBF<!DOCTYPE html><p>Hi", DYAD_INPUT_HTML},
        {"page", "<div>text</div>", DYAD_INPUT_HTML},
        {"data", "{\"id\":1,\"text\":\"x\"}\n", DYAD_INPUT_JSONL},
        {"data", "# sent_id = 1\n# text = Hi\n", DYAD_INPUT_CONLLU},
        {"data", "1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n", DYAD_INPUT_CONLLU},
        {"data", "#North #Korea\nText.", DYAD_INPUT_TEXT},
        {"data", "date 2024-05-10 Text.", DYAD_INPUT_TEXT},
        {"data.unknown", "", DYAD_INPUT_TEXT},
        {".hidden", "{}", DYAD_INPUT_JSONL},
    };
    for (size_t i = 0; i < sizeof c / sizeof *c; i++) {
        dyad_input_format f = dyad_input_detect(c[i].path, c[i].head, strlen(c[i].head));
        if (f != c[i].f)
            fail_msg("%s / %s: %s", c[i].path ? c[i].path : "NULL", c[i].head,
                     dyad_input_format_name(f));
    }
    dyad_input_format f;
    assert_int_equal(dyad_input_format_parse(&f, "petrarch-xml"), 0);
    assert_int_equal(f, DYAD_INPUT_PETRXML);
    assert_int_equal(dyad_input_format_parse(&f, "JSON"), 0);
    assert_int_equal(f, DYAD_INPUT_JSONL);
    assert_int_equal(dyad_input_format_parse(&f, "pdf"), DYAD_EINVAL);
    assert_non_null(strstr(dyad_last_error(), "pdf"));
    assert_string_equal(dyad_input_format_name(DYAD_INPUT_CONLLU), "conllu");
}

/* ---- the reader --------------------------------------------------------------- */

static void reader_text_mem(void **state)
{
    (void)state;
    dyad_article_reader *r;
    const char *in = "date 2024-05-10\nIran and Iraq met.\n\nBy John Smith\n";
    assert_int_equal(dyad_article_reader_open_mem(&r, "dir/story.one.txt", in, strlen(in),
                                                  DYAD_INPUT_AUTO, NULL), 0);
    assert_int_equal(dyad_article_reader_format(r), DYAD_INPUT_TEXT);
    const dyad_article *a;
    assert_int_equal(dyad_article_reader_next(r, &a), 1);
    assert_string_equal(a->id, "story.one");
    assert_string_equal(a->date, "2024-05-10");
    assert_string_equal(a->text, "Iran and Iraq met.");
    assert_string_equal(a->file, "dir/story.one.txt");
    assert_int_equal(dyad_article_reader_next(r, &a), 0);
    assert_null(a);
    dyad_article_stats st;
    dyad_article_reader_stats(r, &st);
    assert_int_equal(st.articles, 1);
    assert_int_equal(st.boilerplate, 1);
    dyad_article_reader_free(r);
    /* empty input: one empty article */
    assert_int_equal(dyad_article_reader_open_mem(&r, NULL, "", 0, DYAD_INPUT_AUTO, NULL), 0);
    assert_int_equal(dyad_article_reader_next(r, &a), 1);
    assert_string_equal(a->text, "");
    assert_string_equal(a->id, "<memory>");
    assert_int_equal(dyad_article_reader_next(r, &a), 0);
    dyad_article_reader_free(r);
    dyad_article_reader_free(NULL);
}

static void reader_other_formats(void **state)
{
    (void)state;
    dyad_article_reader *r;
    const char *x = "<Sentences><Sentence id='1'></Sentence></Sentences>";
    assert_int_equal(dyad_article_reader_open_mem(&r, "v", x, strlen(x), DYAD_INPUT_AUTO, NULL),
                     DYAD_EINVAL);
    assert_non_null(strstr(dyad_last_error(), "petrarch-xml"));
    dyad_article_reader_free(r);
    assert_int_equal(dyad_article_reader_open_mem(&r, "v", x, strlen(x), DYAD_INPUT_CONLLU,
                                                  NULL), DYAD_EINVAL);
    dyad_article_reader_free(r);
    /* a text over the cap is refused before it is copied */
    static char big[8192];
    memset(big, 'a', sizeof big);
    assert_int_equal(dyad_article_reader_open_mem(&r, "big", big, DYAD_ARTICLE_MAX_BYTES + 1u,
                                                  DYAD_INPUT_TEXT, NULL), DYAD_ELIMIT);
    dyad_article_reader_free(r);
}

static char *write_temp(const char *name, const char *data, size_t n)
{
    static char path[256];
    snprintf(path, sizeof path, "/tmp/dyad_test_%d_%s", (int)getpid(), name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, n, f), n);
    fclose(f);
    return path;
}

static void reader_text_file(void **state)
{
    (void)state;
    /* longer than the first read, so the rest is read after the format is chosen */
    dyad_buf b;
    dyad_buf_init(&b);
    dyad_buf_puts(&b, "date 20240102 ");
    for (int i = 0; i < 500; i++)
        dyad_buf_printf(&b, "Sentence number %d is here.\n\n", i);
    char *path = write_temp("story.txt", b.data, b.len);
    dyad_article_reader *r;
    assert_int_equal(dyad_article_reader_open(&r, path, DYAD_INPUT_AUTO, NULL), 0);
    const dyad_article *a;
    assert_int_equal(dyad_article_reader_next(r, &a), 1);
    assert_string_equal(a->date, "2024-01-02");
    assert_true(!strncmp(a->id, "dyad_test_", 10));
    assert_int_equal(a->text_len, b.len - strlen("date 20240102 ") - 2);
    dyad_arena *ar = dyad_arena_new();
    dyad_sentence *s;
    int n;
    assert_int_equal(dyad_text_sentences(&s, &n, ar, a->text, a->text_len), 0);
    assert_int_equal(n, 500);
    dyad_arena_free(ar);
    dyad_article_reader_free(r);
    unlink(path);
    dyad_buf_free(&b);
    assert_int_equal(dyad_article_reader_open(&r, "/nonexistent/x.txt", DYAD_INPUT_AUTO, NULL),
                     DYAD_EIO);
    assert_non_null(strstr(dyad_last_error(), "/nonexistent/x.txt"));
    dyad_article_reader_free(r);
}

/* ---- the seed articles -------------------------------------------------------- */

static const char *seed(const char *name)
{
    static char p[2][256];
    static int k;
    char *s = p[k++ & 1];
    snprintf(s, 256, "../shared/seeds/%s", name);
    if (access(s, R_OK) != 0) {
        fprintf(stderr, "skip: %s not found (../shared absent)\n", s);
        return NULL;
    }
    return s;
}

/* The sentences of a seed, as strings in one buffer ("\n" between). */
static char *seed_sentences(const char *path, char *date, int *n)
{
    dyad_article_reader *r;
    const dyad_article *a;
    assert_int_equal(dyad_article_reader_open(&r, path, DYAD_INPUT_AUTO, NULL), 0);
    assert_int_equal(dyad_article_reader_next(r, &a), 1);
    strcpy(date, a->date);
    dyad_arena *ar = dyad_arena_new();
    dyad_sentence *s;
    assert_int_equal(dyad_text_sentences(&s, n, ar, a->text, a->text_len), 0);
    dyad_buf b;
    dyad_buf_init(&b);
    for (int i = 0; i < *n; i++)
        dyad_buf_printf(&b, "%.*s\n", s[i].end - s[i].start, a->text + s[i].start);
    dyad_arena_free(ar);
    dyad_article_reader_free(r);
    return b.data;
}

static int has_line(const char *all, const char *line)
{
    size_t k = strlen(line);
    for (const char *p = all; (p = strstr(p, line)) != NULL; p++)
        if ((p == all || p[-1] == '\n') && p[k] == '\n')
            return 1;
    return 0;
}

static void seeds_whole_sentences(void **state)
{
    (void)state;
    const char *p0 = seed("000_8456275a89f45fb0.txt"), *p1 = seed("001_938ddf950460c247.txt");
    if (!p0 || !p1)
        skip();
    char date[11];
    int n0, n1;
    char *s0 = seed_sentences(p0, date, &n0);
    assert_string_equal(date, "2024-05-10");
    char *s1 = seed_sentences(p1, date, &n1);
    assert_string_equal(date, "");
    assert_int_equal(n0, 24);
    assert_int_equal(n1, 35);
    /* whole sentences across abbreviations, initials, numbers, quotes */
    const char *whole[] = {
        "North Korea-Iran relations are a growing source of concern for Western governments.",
        "Understanding this bilateral relationship\xE2\x80\x99s history brings us back to the "
        "Iran-Iraq War (1980-88).",
        "Iran made its decision to sort of stop at 2,000-km ranges, which encompasses the region "
        "but not beyond the region.",
        "Some 22 years after then-US President George W. Bush coined the phrase \xE2\x80\x9C"
        "axis of evil\xE2\x80\x9D in reference to North Korea, Iran and Iraq, analysts warn that "
        "a much more powerful bloc is emerging.",
        "The following day, North Korean state media condemned the new round of sanctions "
        "Washington imposed on Iran as \xE2\x80\x9Cunfair.\xE2\x80\x9D",
        "A relationship mostly about missiles",
        "Iran denies talk of a nuclear program",
    };
    for (size_t i = 0; i < sizeof whole / sizeof *whole; i++)
        if (!has_line(s0, whole[i]) && !has_line(s1, whole[i]))
            fail_msg("not a whole sentence: %s", whole[i]);
    /* no boilerplate, nothing glued across paragraphs */
    const char *junk[] = {"Also Read", "Also read", "Leave a Reply", "Your email address",
                          "#North", "Required fields"};
    for (size_t i = 0; i < sizeof junk / sizeof *junk; i++)
        assert_null(strstr(s1, junk[i]));
    assert_null(strstr(s0, "\n\n")); /* a sentence holding a blank line */
    assert_null(strstr(s1, "\n\n"));
    free(s0);
    free(s1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(parse_date_forms),
        cmocka_unit_test(take_date_line),
        cmocka_unit_test(boilerplate_lines),
        cmocka_unit_test(strip_boilerplate_layout),
        cmocka_unit_test(datelines_and_credits),
        cmocka_unit_test(text_article),
        cmocka_unit_test(text_invalid_utf8),
        cmocka_unit_test(text_empty),
        cmocka_unit_test(detect_formats),
        cmocka_unit_test(reader_text_mem),
        cmocka_unit_test(reader_other_formats),
        cmocka_unit_test(reader_text_file),
        cmocka_unit_test(seeds_whole_sentences),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
