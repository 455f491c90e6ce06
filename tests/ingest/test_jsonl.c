/* test_jsonl.c: JSON Lines articles: good lines, bad lines reported with
 * file:line and skipped, streaming from a file. */
#include "testutil.h"
#include "ingest/article.h"

static const char *feed =
    "{\"id\":\"a1\",\"date\":\"2024-05-10\",\"title\":\"Talks\",\"text\":\"Iran and Iraq met.\"}\n"
    "\n"
    "{\"id\":\"a2\",\"text\":\"No date here.\\n\\nAdvertisement\\n\\nSecond para.\"}\r\n"
    "not json at all\n"
    "[1,2,3]\n"
    "{\"id\":\"a3\",\"title\":\"no text\"}\n"
    "{\"id\":\"a4\",\"title\":7,\"text\":\"x\"}\n"
    "{\"id\":42,\"date\":\"2024-05-10T10:00:00Z\",\"text\":\"Numeric id.\"}\n"
    "{\"date\":\"yesterday\",\"text\":\"No id, bad date.\",\"extra\":{\"k\":[1]}}\n"
    "{\"id\":\"a5\",\"text\":\"Truncated\n"
    "{\"id\":\"a6\",\"text\":\"Dup\",\"text\":\"Dup\"}\n"
    "   {\"id\":\"a7\",\"text\":\"Last, without a newline.\",\"date\":null}";

static void check_feed(dyad_article_reader *r, diag_capture *cap, const char *base)
{
    const dyad_article *a;
    assert_int_equal(dyad_article_reader_format(r), DYAD_INPUT_JSONL);
    assert_int_equal(dyad_article_reader_next(r, &a), 1);
    assert_string_equal(a->id, "a1");
    assert_string_equal(a->date, "2024-05-10");
    assert_string_equal(a->title, "Talks");
    assert_string_equal(a->text, "Iran and Iraq met.");
    assert_int_equal(a->line, 1);
    assert_int_equal(dyad_article_reader_next(r, &a), 1);
    assert_string_equal(a->id, "a2");
    assert_string_equal(a->date, "");
    assert_string_equal(a->title, "");
    assert_string_equal(a->text, "No date here.\n\nSecond para.");
    assert_int_equal(a->boilerplate, 1);
    assert_int_equal(a->line, 3);
    assert_int_equal(dyad_article_reader_next(r, &a), 1);
    assert_string_equal(a->id, "42");
    assert_string_equal(a->date, "2024-05-10");
    assert_int_equal(a->line, 8);
    assert_int_equal(dyad_article_reader_next(r, &a), 1);
    char id[64];
    snprintf(id, sizeof id, "%s:9", base);
    assert_string_equal(a->id, id);
    assert_string_equal(a->date, "");
    assert_int_equal(dyad_article_reader_next(r, &a), 1);
    assert_string_equal(a->id, "a7");
    assert_int_equal(a->line, 12);
    assert_int_equal(dyad_article_reader_next(r, &a), 0);
    assert_null(a);
    assert_int_equal(dyad_article_reader_next(r, &a), 0);
    /* the bad lines, in order, with their line numbers */
    long want[] = {4, 5, 6, 7, 9, 10, 11};
    int lv[] = {DYAD_DIAG_ERROR, DYAD_DIAG_ERROR, DYAD_DIAG_ERROR, DYAD_DIAG_ERROR,
                DYAD_DIAG_WARNING, DYAD_DIAG_ERROR, DYAD_DIAG_ERROR};
    const char *why[] = {"bad JSON", "not a JSON object", "no \"text\" string",
                         "\"title\" is not a string", "is not a date", "bad JSON", "bad JSON"};
    assert_int_equal(cap->n, 7);
    for (int i = 0; i < 7; i++) {
        assert_int_equal(cap->lines[i], want[i]);
        assert_int_equal(cap->levels[i], lv[i]);
        if (!strstr(cap->msgs[i], why[i]))
            fail_msg("line %ld: '%s' lacks '%s'", want[i], cap->msgs[i], why[i]);
    }
    assert_non_null(strstr(cap->msgs[0], "line skipped"));
    dyad_article_stats st;
    dyad_article_reader_stats(r, &st);
    assert_int_equal(st.articles, 5);
    assert_int_equal(st.skipped, 6);
    assert_int_equal(st.boilerplate, 1);
}

static void feed_from_memory(void **state)
{
    (void)state;
    diag_capture cap = {0};
    dyad_diag d = {.fn = diag_capture_fn, .user = &cap};
    dyad_article_reader *r;
    assert_int_equal(dyad_article_reader_open_mem(&r, "in/feed.jsonl", feed, strlen(feed),
                                                  DYAD_INPUT_AUTO, &d), 0);
    check_feed(r, &cap, "feed.jsonl");
    assert_int_equal(d.errors, 6);
    assert_int_equal(d.warnings, 1);
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

static void feed_from_file(void **state)
{
    (void)state;
    diag_capture cap = {0};
    dyad_diag d = {.fn = diag_capture_fn, .user = &cap};
    char *path = write_temp("feed", feed, strlen(feed)); /* no extension: by content */
    dyad_article_reader *r;
    assert_int_equal(dyad_article_reader_open(&r, path, DYAD_INPUT_AUTO, &d), 0);
    check_feed(r, &cap, strrchr(path, '/') + 1);
    dyad_article_reader_free(r);
    unlink(path);
}

/* Many records, some longer than the read buffer, through the file reader. */
static void long_lines_stream(void **state)
{
    (void)state;
    dyad_buf b;
    dyad_buf_init(&b);
    int n = 3000;
    for (int i = 0; i < n; i++) {
        dyad_buf_printf(&b, "{\"id\":\"r%d\",\"text\":\"", i);
        int words = i % 100 == 0 ? 3000 : 5; /* every 100th about 20 KB */
        for (int k = 0; k < words; k++)
            dyad_buf_puts(&b, "Iran met Iraq. ");
        dyad_buf_puts(&b, "\"}\n");
    }
    char *path = write_temp("many.jsonl", b.data, b.len);
    dyad_article_reader *r;
    assert_int_equal(dyad_article_reader_open(&r, path, DYAD_INPUT_AUTO, NULL), 0);
    const dyad_article *a;
    int got = 0;
    while (dyad_article_reader_next(r, &a) == 1) {
        char id[16];
        snprintf(id, sizeof id, "r%d", got);
        assert_string_equal(a->id, id);
        assert_int_equal(a->line, got + 1);
        assert_int_equal(a->text_len, (got % 100 == 0 ? 3000 : 5) * 15 - 1);
        got++;
    }
    assert_int_equal(got, n);
    dyad_article_reader_free(r);
    unlink(path);
    dyad_buf_free(&b);
}

static void one_line(void **state)
{
    (void)state;
    dyad_arena *a = dyad_arena_new();
    diag_capture cap = {0};
    dyad_diag d = {.fn = diag_capture_fn, .user = &cap};
    dyad_article art;
    /* invalid UTF-8 inside a string: replaced, a warning, the record kept */
    const char bad[] = "{\"id\":\"u\",\"text\":\"Caf\xE9 talks.\"}";
    assert_int_equal(dyad_article_from_jsonl(&art, a, "f.jsonl", 3, bad, sizeof bad - 1, &d), 0);
    assert_string_equal(art.text, "Caf\xEF\xBF\xBD talks.");
    assert_int_equal(art.bad_utf8, 1);
    assert_int_equal(cap.warnings, 1);
    assert_int_equal(cap.lines[0], 3);
    /* escapes, unicode, a NUL escape (read as a space, counted, a warning) */
    const char *esc = "{\"text\":\"\\u201cQuoted\\u201d \\\"x\\\" \\ud83d\\ude00\"}";
    assert_int_equal(dyad_article_from_jsonl(&art, a, "f", 1, esc, strlen(esc), &d), 0);
    assert_string_equal(art.text, "\xE2\x80\x9CQuoted\xE2\x80\x9D \"x\" \xF0\x9F\x98\x80");
    const char *nul = "{\"text\":\"a\\u0000b\"}";
    assert_int_equal(dyad_article_from_jsonl(&art, a, "f", 2, nul, strlen(nul), &d), 0);
    assert_string_equal(art.text, "a b");
    assert_int_equal(art.nul_bytes, 1);
    assert_int_equal(art.bad_utf8, 0);
    assert_int_equal(cap.warnings, 2);
    assert_int_equal(cap.lines[1], 2);
    /* empty and whitespace-only lines are bad JSON when given alone */
    assert_int_equal(dyad_article_from_jsonl(&art, a, "f", 5, "", 0, &d), DYAD_EPARSE);
    assert_int_equal(dyad_article_from_jsonl(&art, a, "f", 5, "{}", 2, &d), DYAD_EPARSE);
    /* an empty text is an article */
    assert_int_equal(dyad_article_from_jsonl(&art, a, "f", 6, "{\"text\":\"\"}", 11, &d), 0);
    assert_string_equal(art.text, "");
    dyad_arena_free(a);
}

static void empty_and_blank(void **state)
{
    (void)state;
    dyad_article_reader *r;
    const dyad_article *a;
    assert_int_equal(dyad_article_reader_open_mem(&r, "e.jsonl", "", 0, DYAD_INPUT_AUTO, NULL),
                     0);
    assert_int_equal(dyad_article_reader_next(r, &a), 0);
    dyad_article_reader_free(r);
    const char *blank = "\n  \n\t\r\n";
    assert_int_equal(dyad_article_reader_open_mem(&r, "e", blank, strlen(blank),
                                                  DYAD_INPUT_JSONL, NULL), 0);
    assert_int_equal(dyad_article_reader_next(r, &a), 0);
    dyad_article_reader_free(r);
    /* a BOM before the first record */
    const char *bom = "\xEF\xBB\xBF{\"id\":\"b\",\"text\":\"x\"}\n";
    assert_int_equal(dyad_article_reader_open_mem(&r, "b", bom, strlen(bom), DYAD_INPUT_AUTO,
                                                  NULL), 0);
    assert_int_equal(dyad_article_reader_format(r), DYAD_INPUT_JSONL);
    assert_int_equal(dyad_article_reader_next(r, &a), 1);
    assert_string_equal(a->id, "b");
    dyad_article_reader_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(feed_from_memory),
        cmocka_unit_test(feed_from_file),
        cmocka_unit_test(long_lines_stream),
        cmocka_unit_test(one_line),
        cmocka_unit_test(empty_and_blank),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
