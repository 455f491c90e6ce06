/* test_quotes.c: attributed quotes.
 *
 * corpus: every tests/data/quotes/NAME.txt (quote patterns written for dyad)
 * is read with the text ingest and its quotes compared, field by field, with
 * NAME.tsv (kind, speaker, role, actor, cue, quote; "-" = null), written and
 * checked by hand. The other tests are inline: offsets, straight and curly
 * marks, unclosed marks that must not swallow the article, the paragraph cap,
 * no dictionary, JSON output, and linear time on a large pathological input. */
#include "testutil.h"

#include <dirent.h>
#include <time.h>

#include "dict/dict.h"
#include "ingest/article.h"
#include "quote/quote.h"

#define DATA "tests/data/quotes"

static dyad_dict *dict;

static int setup(void **state)
{
    (void)state;
    dyad_diag quiet = {.fn = NULL};
    return dyad_dict_load_dir(&dict, "data/dict", &quiet);
}

static int teardown(void **state)
{
    (void)state;
    dyad_dict_free(dict);
    return 0;
}

/* Quotes of a string (no ingest), into a. */
static int find(dyad_quote **q, dyad_arena *a, const char *text)
{
    int n = -1;
    assert_int_equal(dyad_quotes_find(q, &n, a, dict, "t", "2024-05-10", text, strlen(text)), 0);
    return n;
}

static const char *orz(const char *s) { return s ? s : "-"; }

/* Compares the quotes of one corpus file with its .tsv; returns the count. */
static int check_file(const char *txt)
{
    char tsv[512];
    snprintf(tsv, sizeof tsv, "%.*s.tsv", (int)(strlen(txt) - 4), txt);
    FILE *f = fopen(tsv, "r");
    if (!f)
        fail_msg("%s: no expected output %s", txt, tsv);
    dyad_article_reader *r = NULL;
    assert_int_equal(dyad_article_reader_open(&r, txt, DYAD_INPUT_TEXT, NULL), 0);
    const dyad_article *art;
    assert_int_equal(dyad_article_reader_next(r, &art), 1);
    dyad_arena *a = dyad_arena_new();
    dyad_quote *q = NULL;
    int n = 0, k = 0;
    assert_int_equal(dyad_quotes_find(&q, &n, a, dict, art->id, art->date, art->text,
                                      art->text_len), 0);
    char line[4096];
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#' || line[0] == '\n')
            continue;
        line[strcspn(line, "\n")] = 0;
        const char *want[6] = {0};
        char *p = line;
        for (int i = 0; i < 6; i++) {
            want[i] = p;
            p = strchr(p, '\t');
            if (i < 5 && !p)
                fail_msg("%s: a line without 6 fields", tsv);
            if (p)
                *p++ = 0;
        }
        if (k >= n)
            fail_msg("%s: quote %d (%s) not found", txt, k + 1, want[5]);
        const char *got[6] = {q[k].kind,        q[k].speaker, orz(q[k].role),
                              orz(q[k].actor), orz(q[k].cue), q[k].quote};
        for (int i = 0; i < 6; i++)
            if (strcmp(got[i], want[i]))
                fail_msg("%s: quote %d field %d: got '%s', want '%s'", txt, k + 1, i + 1, got[i],
                         want[i]);
        /* offsets: the quote's own words are where the span says */
        assert_true(q[k].quote_span.start >= 0 && q[k].quote_span.end <= (int)art->text_len);
        if (!memchr(art->text + q[k].quote_span.start, '\n',
                    (size_t)(q[k].quote_span.end - q[k].quote_span.start)))
            assert_memory_equal(art->text + q[k].quote_span.start, q[k].quote,
                                strlen(q[k].quote));
        assert_true(q[k].speaker_span.start >= 0 &&
                    q[k].speaker_span.end <= (int)art->text_len);
        assert_string_equal(q[k].article, art->id);
        k++;
    }
    if (k != n)
        fail_msg("%s: %d quotes expected, %d found (extra: %s)", txt, k, n, q[k].quote);
    fclose(f);
    dyad_arena_free(a);
    dyad_article_reader_free(r);
    return k;
}

static void corpus(void **state)
{
    (void)state;
    DIR *d = opendir(DATA);
    assert_non_null(d);
    int files = 0, quotes = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t l = strlen(e->d_name);
        if (l < 5 || strcmp(e->d_name + l - 4, ".txt"))
            continue;
        char path[512];
        snprintf(path, sizeof path, "%s/%s", DATA, e->d_name);
        quotes += check_file(path);
        files++;
    }
    closedir(d);
    assert_true(files >= 8);
    assert_true(quotes >= 30);
    printf("corpus: %d files, %d quotes\n", files, quotes);
}

/* Speaker spans point at the name as written; a pronoun's at the pronoun. */
static void offsets(void **state)
{
    (void)state;
    dyad_arena *a = dyad_arena_new();
    dyad_quote *q;
    const char *t = "“We will go,” said Ann Lee, a nurse. “Soon,” she said.";
    assert_int_equal(find(&q, a, t), 2);
    assert_int_equal(q[0].quote_span.start, 3);
    assert_int_equal(q[0].quote_span.end, 13);
    assert_memory_equal(t + q[0].speaker_span.start, "Ann Lee", 7);
    assert_int_equal(q[0].speaker_span.end - q[0].speaker_span.start, 7);
    assert_string_equal(q[0].role, "nurse");
    assert_string_equal(q[1].speaker, "Ann Lee");
    assert_memory_equal(t + q[1].speaker_span.start, "she", 3);
    dyad_arena_free(a);
}

/* An unclosed mark ends with its paragraph: the quotes after it survive. */
static void unclosed_keeps_rest(void **state)
{
    (void)state;
    dyad_arena *a = dyad_arena_new();
    dyad_quote *q;
    const char *t = "He began: “This never closes and goes on\n\n"
                    "The rest of the story.\n\n"
                    "“Second,” said Bo Kim.\n\n"
                    "“Third,” said Al Ray.";
    int n = find(&q, a, t);
    assert_int_equal(n, 2);
    assert_string_equal(q[0].quote, "Second");
    assert_string_equal(q[1].speaker, "Al Ray");
    dyad_arena_free(a);
}

/* A quote continued over more paragraphs than DYAD_QUOTE_MAX_PARAS is cut. */
static void paragraph_cap(void **state)
{
    (void)state;
    dyad_arena *a = dyad_arena_new();
    dyad_buf b;
    dyad_buf_init(&b);
    dyad_buf_puts(&b, "“Start,” said Bo Kim. “Open");
    for (int i = 0; i < DYAD_QUOTE_MAX_PARAS + 4; i++)
        dyad_buf_puts(&b, "\n\n“more words");
    dyad_buf_puts(&b, "\n\n“Last,” said Al Ray.");
    dyad_quote *q;
    int n = find(&q, a, b.data);
    assert_true(n >= 2);
    assert_string_equal(q[0].quote, "Start");
    /* the open chain (Bo Kim's, continuing his first quote) is cut after
     * DYAD_QUOTE_MAX_PARAS paragraphs; the next paragraph starts a new quote
     * that runs to Al Ray's closing mark: the 5 paragraphs after the cut */
    assert_int_equal(n, 3);
    assert_string_equal(q[1].speaker, "Bo Kim");
    assert_null(q[1].cue);
    assert_int_equal(strlen(q[1].quote), strlen("Open") + 7 * strlen(" more words"));
    assert_string_equal(q[2].speaker, "Al Ray");
    assert_string_equal(q[2].quote, "more words more words more words more words more words Last");
    dyad_buf_free(&b);
    dyad_arena_free(a);
}

/* Straight marks, nested single quotes, a glued curly closer, no dictionary. */
static void marks(void **state)
{
    (void)state;
    dyad_arena *a = dyad_arena_new();
    dyad_quote *q = NULL;
    const char *t = "\"It is 'fine' now,\" said Eva Stone. Then Li Wu said “yes“ to all.";
    int n = -1;
    assert_int_equal(dyad_quotes_find(&q, &n, a, NULL, "x", NULL, t, strlen(t)), 0);
    assert_int_equal(n, 2);
    assert_string_equal(q[0].quote, "It is 'fine' now");
    assert_string_equal(q[0].kind, "direct");
    assert_null(q[0].actor);
    assert_string_equal(q[1].speaker, "Li Wu");
    assert_string_equal(q[1].quote, "yes");
    assert_string_equal(q[1].kind, "partial");
    assert_string_equal(q[1].date, "");
    dyad_arena_free(a);
}

/* Scare quotes with no cue are not quotes; a pronoun with no one before it
 * gives nothing; empty and mark-only texts give nothing. */
static void not_quotes(void **state)
{
    (void)state;
    dyad_arena *a = dyad_arena_new();
    dyad_quote *q;
    assert_int_equal(find(&q, a, "The so-called “axis of evil” was named in 2002."), 0);
    assert_int_equal(find(&q, a, "“Hello,” he said."), 0);
    assert_int_equal(find(&q, a, ""), 0);
    assert_int_equal(find(&q, a, "“”“ ” \" \" ”"), 0);
    dyad_arena_free(a);
}

static void json(void **state)
{
    (void)state;
    dyad_quote q = {.article = "a1", .date = "2024-05-10", .speaker = "Ann \"A\" Lee",
                    .quote = "line\nbreak", .cue = "said", .kind = "direct",
                    .quote_span = {3, 13}, .speaker_span = {-1, -1}};
    FILE *f = tmpfile();
    assert_int_equal(dyad_quote_write_json(f, &q), 0);
    rewind(f);
    char buf[512] = {0};
    assert_non_null(fgets(buf, sizeof buf, f));
    fclose(f);
    assert_string_equal(buf, "{\"type\":\"quote\",\"article\":\"a1\",\"date\":\"2024-05-10\","
                             "\"speaker\":\"Ann \\\"A\\\" Lee\",\"role\":null,\"actor\":null,"
                             "\"quote\":\"line\\nbreak\",\"cue\":\"said\",\"kind\":\"direct\","
                             "\"start\":3,\"end\":13,\"speaker_start\":null,\"speaker_end\":null}\n");
}

static double cpu_find(const char *unit, int reps)
{
    dyad_buf b;
    dyad_buf_init(&b);
    for (int i = 0; i < reps; i++)
        dyad_buf_puts(&b, unit);
    dyad_arena *a = dyad_arena_new();
    dyad_quote *q;
    int n = -1;
    clock_t t0 = clock();
    assert_int_equal(dyad_quotes_find(&q, &n, a, dict, "big", NULL, b.data, b.len), 0);
    double s = (double)(clock() - t0) / CLOCKS_PER_SEC;
    assert_true(n > 0);
    dyad_arena_free(a);
    dyad_buf_free(&b);
    return s;
}

/* Unclosed marks, long paragraphs and many speakers: 4x the input takes about
 * 4x the CPU time, not 16x. */
static void linear(void **state)
{
    (void)state;
    const char *unit = "“Open and never closed, said no one at all in this paragraph "
                       "“but another mark, and a third “ here, said Bo Kim, a clerk. "
                       "“Fine,” he said. Officials said that the talks “went well.” "
                       "According to Al Ray, it rained, Ray said. ";
    double t1 = cpu_find(unit, 2000);
    double t4 = cpu_find(unit, 8000);
    printf("linear: %.3f s CPU for 2000 units, %.3f s for 8000\n", t1, t4);
    assert_true(t4 < 10 * t1 + 0.5);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(corpus),       cmocka_unit_test(offsets),
        cmocka_unit_test(unclosed_keeps_rest), cmocka_unit_test(paragraph_cap),
        cmocka_unit_test(marks),        cmocka_unit_test(not_quotes),
        cmocka_unit_test(json),         cmocka_unit_test(linear),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
