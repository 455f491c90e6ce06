/* test_store.c: the store on SQLite and on a real PostgreSQL server, with the
 * same tests and the same expected results (checked by hand below).
 *
 * The PostgreSQL group starts its own server with tests/store/pg_server.sh
 * (a cluster in a temporary folder, on a Unix socket) and stops it at the
 * end; each test gets a fresh database. When no server can be started the
 * group's tests are skipped and the reason is printed. */
#include "testutil.h"

#include <libpq-fe.h>
#include <sys/stat.h>

#include "dyad.h"
#include "store/store.h"

/* ---- fixtures ----------------------------------------------------------- */

typedef struct fixture {
    int pg;          /* 1: the PostgreSQL group */
    int skip;        /* no server: skip */
    char dir[256];   /* temporary folder */
    char base[512];  /* PostgreSQL: the server's URL */
    char url[640];   /* the current test's database */
    int n;
} fixture;

static fixture F;

static int rm_rf(const char *dir)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd);
}

static int group_setup_sqlite(void **state)
{
    (void)state;
    memset(&F, 0, sizeof F);
    snprintf(F.dir, sizeof F.dir, "%s", "/tmp/dyad-test-store-XXXXXX");
    return mkdtemp(F.dir) ? 0 : -1;
}

static int group_setup_pg(void **state)
{
    (void)state;
    memset(&F, 0, sizeof F);
    F.pg = 1;
    snprintf(F.dir, sizeof F.dir, "%s", "/tmp/dyad-test-pg-XXXXXX");
    if (!mkdtemp(F.dir))
        return -1;
    char cmd[600];
    snprintf(cmd, sizeof cmd, "sh tests/store/pg_server.sh start '%s'", F.dir);
    FILE *p = popen(cmd, "r");
    if (!p || !fgets(F.base, sizeof F.base, p))
        F.skip = 1;
    int st = p ? pclose(p) : -1;
    if (st != 0)
        F.skip = 1;
    F.base[strcspn(F.base, "\n")] = 0;
    if (F.skip)
        fprintf(stderr, "skip: PostgreSQL tests: no server could be started (see above)\n");
    return 0;
}

static int group_teardown(void **state)
{
    (void)state;
    if (F.pg && !F.skip) {
        char cmd[600];
        snprintf(cmd, sizeof cmd, "sh tests/store/pg_server.sh stop '%s'", F.dir);
        if (system(cmd) != 0)
            fprintf(stderr, "warning: could not stop the PostgreSQL server in %s\n", F.dir);
    }
    rm_rf(F.dir);
    return 0;
}

/* A URL for a new, empty database. */
static const char *fresh_url(void)
{
    F.n++;
    if (!F.pg) {
        snprintf(F.url, sizeof F.url, "sqlite:%s/t%d.db", F.dir, F.n);
        return F.url;
    }
    PGconn *c = PQconnectdb(F.base);
    assert_int_equal(PQstatus(c), CONNECTION_OK);
    char sql[64];
    snprintf(sql, sizeof sql, "CREATE DATABASE dyad_t%d", F.n);
    PGresult *r = PQexec(c, sql);
    assert_int_equal(PQresultStatus(r), PGRES_COMMAND_OK);
    PQclear(r);
    PQfinish(c);
    const char *q = strchr(F.base, '?');
    snprintf(F.url, sizeof F.url, "postgresql:///dyad_t%d%s", F.n, q ? q : "");
    return F.url;
}

static dyad_store *open_fresh(void)
{
    if (F.skip)
        skip();
    dyad_store *s = NULL;
    int rc = dyad_store_open(&s, fresh_url(), DYAD_STORE_WRITE);
    if (rc)
        fail_msg("open %s: %s", F.url, dyad_last_error());
    return s;
}

/* ---- data ------------------------------------------------------------- */

static dyad_event ev(const char *sent, const char *src, const char *tgt, const char *cameo,
                     const char *plover, int quad, double g, const char *issues)
{
    dyad_event e;
    memset(&e, 0, sizeof e);
    e.article = "";
    e.sentence = sent;
    e.date = "";
    e.source = src;
    e.target = tgt;
    e.cameo = cameo;
    e.plover = plover;
    e.quad_class = quad;
    e.goldstein = g;
    e.text = "";
    e.source_span = (dyad_span){0, 5};
    e.target_span = (dyad_span){10, 15};
    e.verb_span = (dyad_span){-1, -1};
    e.source_text = "the source";
    e.target_text = "the target";
    e.verb_text = "";
    e.issues = issues;
    return e;
}

/* The three articles the query and export tests use:
 *   A1 2024-01-15  A1_1 PRKGOV -> IRN 042 CONSULT q1 +1.9
 *                  A1_2 IRNGOV -> PRK 051 SUPPORT q1 +3.4
 *   A2 2024-03-02  A2_1 PRK -> IRNMIL 190 ASSAULT q4 -10.0
 *                  A2_2 USAGOVLEG -> PRK 112 ACCUSE q3 -2.0 (issues SANCTIONS;NUCLEAR)
 *   A3 2025-01-10  A3_1 PRKMIL -> IRN 042 CONSULT q1 +1.9
 *                  A3_2 PRKMIL -> IRN 042 CONSULT q1 +1.9 (same triple: mentions 2) */
static void put_dataset(dyad_store *s)
{
    dyad_event a1[] = {ev("A1_1", "PRKGOV", "IRN", "042", "CONSULT", 1, 1.9, ""),
                       ev("A1_2", "IRNGOV", "PRK", "051", "SUPPORT", 1, 3.4, "")};
    dyad_event a2[] = {ev("A2_1", "PRK", "IRNMIL", "190", "ASSAULT", 4, -10.0, ""),
                       ev("A2_2", "USAGOVLEG", "PRK", "112", "ACCUSE", 3, -2.0,
                          "SANCTIONS;NUCLEAR")};
    dyad_event a3[] = {ev("A3_1", "PRKMIL", "IRN", "042", "CONSULT", 1, 1.9, ""),
                       ev("A3_2", "PRKMIL", "IRN", "042", "CONSULT", 1, 1.9, "")};
    dyad_store_sentence s1[] = {{"A1_1", "Pyongyang consulted Tehran."},
                                {"A1_2", "Iran praised North Korea."}};
    dyad_store_sentence s2[] = {{"A2_1", "North Korea attacked Iranian troops."},
                                {"A2_2", "US lawmakers accused, \"tab\"\there."}};
    dyad_store_sentence s3[] = {{"A3_1", "Talks."}, {"A3_2", "More talks."}};
    dyad_store_article arts[] = {
        {"A1", "20240115", "a.xml", "v1", s1, 2, a1, 2},
        {"A2", "2024-03-02", "a.xml", "v1", s2, 2, a2, 2},
        {"A3", "20250110", "b.xml", "v2", s3, 2, a3, 2},
    };
    assert_int_equal(dyad_store_begin(s), 0);
    for (int i = 0; i < 3; i++)
        assert_int_equal(dyad_store_put_article(s, &arts[i], 0), 0);
    assert_int_equal(dyad_store_commit(s), 0);
}

/* The table as CSV without the \r of the line ends. */
static char *csv_of(const dyad_table *t)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    assert_non_null(f);
    assert_int_equal(dyad_table_write(f, t, DYAD_TABLE_CSV), 0);
    fclose(f);
    char *w = buf;
    for (char *r = buf; *r; r++)
        if (*r != '\r')
            *w++ = *r;
    *w = 0;
    return buf;
}

static void assert_csv(const dyad_table *t, const char *expected)
{
    char *got = csv_of(t);
    if (strcmp(got, expected))
        fail_msg("table differs.\n--- expected\n%s--- got\n%s", expected, got);
    free(got);
}

/* A figure of dyad_store_summary. */
static long summary(dyad_store *s, const char *name)
{
    dyad_table *t = NULL;
    assert_int_equal(dyad_store_summary(&t, s), 0);
    long v = -1;
    for (size_t r = 0; r < dyad_table_nrows(t); r++)
        if (!strcmp(dyad_table_get(t, r, 0), name))
            v = atol(dyad_table_get(t, r, 1) ? dyad_table_get(t, r, 1) : "0");
    dyad_table_free(t);
    return v;
}

static char *export_of(dyad_store *s, dyad_export_format fmt, const dyad_query *q, int header)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    assert_non_null(f);
    long rows = 0;
    if (dyad_store_export(s, f, fmt, q, header, &rows))
        fail_msg("export: %s", dyad_last_error());
    fclose(f);
    return buf;
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* ---- schema and writes ---------------------------------------------------- */

static void schema_and_summary(void **state)
{
    (void)state;
    dyad_store *s = open_fresh();
    assert_string_equal(dyad_store_backend(s), F.pg ? "postgresql" : "sqlite");
    assert_int_equal(summary(s, "articles"), 0);
    assert_int_equal(summary(s, "events"), 0);
    assert_int_equal(summary(s, "quotes"), 0);
    dyad_store_close(s);
    /* Opening again (read only) finds the schema; a second WRITE open is fine. */
    assert_int_equal(dyad_store_open(&s, F.url, DYAD_STORE_READ), 0);
    dyad_store_close(s);
    assert_int_equal(dyad_store_open(&s, F.url, DYAD_STORE_WRITE), 0);
    dyad_store_close(s);
}

static void open_missing_store(void **state)
{
    (void)state;
    if (F.skip)
        skip();
    dyad_store *s = NULL;
    if (!F.pg) {
        char url[400];
        snprintf(url, sizeof url, "sqlite:%s/none.db", F.dir);
        assert_int_equal(dyad_store_open(&s, url, DYAD_STORE_READ), DYAD_ENOTFOUND);
        assert_non_null(strstr(dyad_last_error(), "none.db"));
        assert_int_equal(dyad_store_open(&s, "sqlite:/nonexistent-dir/x/y.db", DYAD_STORE_WRITE),
                         DYAD_ESTORE);
        assert_non_null(strstr(dyad_last_error(), "/nonexistent-dir/x/y.db"));
    } else {
        /* An empty database is not a store. */
        assert_int_equal(dyad_store_open(&s, fresh_url(), DYAD_STORE_READ), DYAD_ENOTFOUND);
        assert_non_null(strstr(dyad_last_error(), "not a dyad store"));
    }
    assert_null(s);
    assert_int_equal(dyad_store_open(&s, "mysql://x/y", DYAD_STORE_READ), DYAD_EINVAL);
}

static void refused_connection(void **state)
{
    (void)state;
    dyad_store *s = NULL;
    /* Nothing listens on port 1 of the loopback address. */
    const char *url = "postgresql://dyad:secret@127.0.0.1:1/dyad?connect_timeout=5";
    assert_int_equal(dyad_store_open(&s, url, DYAD_STORE_WRITE), DYAD_ESTORE);
    const char *msg = dyad_last_error();
    assert_non_null(strstr(msg, "postgresql://dyad:***@127.0.0.1:1/dyad"));
    assert_non_null(strstr(msg, "cannot connect"));
    assert_null(strstr(msg, "secret"));
    assert_null(s);
}

static void reload_is_idempotent(void **state)
{
    (void)state;
    dyad_store *s = open_fresh();
    put_dataset(s);
    put_dataset(s);
    assert_int_equal(summary(s, "articles"), 3);
    assert_int_equal(summary(s, "sentences"), 6);
    assert_int_equal(summary(s, "events"), 6);
    assert_int_equal(summary(s, "actors"), 7);
    /* Re-coding A1 gives one event now: it replaces the two. */
    dyad_event e = ev("A1_1", "PRK", "IRN", "043", "CONSULT", 1, 2.8, "");
    dyad_store_sentence sent[] = {{"A1_1", "x"}};
    dyad_store_article a = {"A1", "20240115", "a.xml", "v3", sent, 1, &e, 1};
    assert_int_equal(dyad_store_begin(s), 0);
    assert_int_equal(dyad_store_put_article(s, &a, 0), 0);
    assert_int_equal(dyad_store_commit(s), 0);
    assert_int_equal(summary(s, "events"), 5);
    assert_int_equal(summary(s, "sentences"), 5);
    assert_int_equal(summary(s, "dict_version v3"), 1);
    /* An article that now has no event keeps its row and loses its events. */
    a.nevents = 0;
    assert_int_equal(dyad_store_begin(s), 0);
    assert_int_equal(dyad_store_put_article(s, &a, 0), 0);
    assert_int_equal(dyad_store_commit(s), 0);
    assert_int_equal(summary(s, "events"), 4);
    assert_int_equal(summary(s, "articles"), 3);
    dyad_store_close(s);
}

static void append_adds(void **state)
{
    (void)state;
    dyad_store *s = open_fresh();
    put_dataset(s);
    dyad_event e = ev("A3_3", "PRK", "IRN", "043", "CONSULT", 1, 2.8, "");
    dyad_store_sentence sent[] = {{"A3_3", "Later."}, {"A3_1", "dup"}};
    dyad_store_article a = {"A3", NULL, "b.xml", "v2", sent, 2, &e, 1};
    assert_int_equal(dyad_store_begin(s), 0);
    assert_int_equal(dyad_store_put_article(s, &a, 1), 0);
    assert_int_equal(dyad_store_commit(s), 0);
    assert_int_equal(summary(s, "events"), 7);
    assert_int_equal(summary(s, "sentences"), 7); /* A3_1 was there already */
    dyad_store_close(s);
}

static void rollback_leaves_nothing(void **state)
{
    (void)state;
    dyad_store *s = open_fresh();
    dyad_event e = ev("Z_1", "FRA", "DEU", "040", "CONSULT", 1, 1.0, "");
    dyad_store_article a = {"Z", "20240101", "z", "", NULL, 0, &e, 1};
    assert_int_equal(dyad_store_begin(s), 0);
    assert_int_equal(dyad_store_put_article(s, &a, 0), 0);
    dyad_store_rollback(s);
    assert_int_equal(summary(s, "events"), 0);
    assert_int_equal(summary(s, "articles"), 0);
    assert_int_equal(summary(s, "actors"), 0);
    /* Outside a transaction put_article refuses. */
    assert_int_equal(dyad_store_put_article(s, &a, 0), DYAD_EINVAL);
    dyad_store_close(s);
}

/* ---- loading ---------------------------------------------------------- */

static int progress_calls;
static void count_progress(void *user, const dyad_load_stats *st)
{
    (void)user;
    (void)st;
    progress_calls++;
}

/* n articles of two events each as dyad code JSON lines. */
static void write_jsonl(const char *path, int n)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    for (int i = 0; i < n; i++)
        for (int k = 1; k <= 2; k++)
            fprintf(f,
                    "{\"type\":\"event\",\"article\":\"art%d\",\"sentence\":\"art%d_%d\","
                    "\"date\":\"202401%02d\",\"source\":\"FRA\",\"target\":\"DEU\","
                    "\"cameo\":\"040\",\"quad_class\":1,\"goldstein\":1.0,\"plover\":"
                    "\"CONSULT\",\"text\":\"S %d.\",\"evidence\":{\"source\":{\"start\":0,"
                    "\"end\":6,\"text\":\"France\"},\"target\":null,\"verb\":null}}\n",
                    i, i, k, i % 28 + 1, k);
    fclose(f);
}

static void batches_and_progress(void **state)
{
    (void)state;
    dyad_store *s = open_fresh();
    char path[400];
    snprintf(path, sizeof path, "%s/b%d.jsonl", F.dir, F.n);
    write_jsonl(path, 25);
    dyad_load_opts o = {.dict_version = "dv", .batch_articles = 10,
                        .progress = count_progress};
    dyad_load_stats st;
    memset(&st, 0, sizeof st);
    progress_calls = 0;
    assert_int_equal(dyad_store_load_jsonl(s, path, &o, &st, NULL), 0);
    assert_int_equal(st.articles, 25);
    assert_int_equal(st.events, 50);
    assert_int_equal(st.sentences, 50);
    assert_int_equal(st.batches, 3); /* 10 + 10 + 5 */
    assert_int_equal(st.bad_lines, 0);
    assert_true(progress_calls >= 3);
    /* Loading again changes nothing. */
    memset(&st, 0, sizeof st);
    assert_int_equal(dyad_store_load_jsonl(s, path, &o, &st, NULL), 0);
    assert_int_equal(summary(s, "events"), 50);
    assert_int_equal(summary(s, "articles"), 25);
    assert_int_equal(summary(s, "dict_version dv"), 50);
    dyad_store_close(s);
}

typedef struct diag_log {
    char text[2048];
} diag_log;

static void log_diag(void *user, dyad_diag_level lvl, const char *file, long line,
                     const char *msg)
{
    diag_log *l = user;
    size_t n = strlen(l->text);
    snprintf(l->text + n, sizeof l->text - n, "%s:%ld: %s: %s\n", file, line,
             lvl == DYAD_DIAG_ERROR ? "error" : "warning", msg);
}

static void malformed_jsonl(void **state)
{
    (void)state;
    dyad_store *s = open_fresh();
    char path[400];
    snprintf(path, sizeof path, "%s/bad%d.jsonl", F.dir, F.n);
    write_jsonl(path, 2);
    FILE *f = fopen(path, "a");
    fputs("{\"type\":\"event\", oops\n", f);                       /* line 5: not JSON */
    fputs("[1,2]\n", f);                                             /* line 6 */
    fputs("{\"type\":\"event\",\"article\":\"x\",\"sentence\":\"x_1\"}\n", f); /* 7: no date */
    fputs("{\"type\":\"quote\",\"text\":\"skipped quietly\"}\n", f); /* 8 */
    fputs("\n", f);
    fputs("{\"type\":\"event\",\"article\":\"cut\",\"sentence\":\"cut_1\",\"date\":\"2024", f);
    fclose(f);
    diag_log log = {""};
    dyad_diag d = {log_diag, &log, 0, 0};
    dyad_load_stats st;
    memset(&st, 0, sizeof st);
    assert_int_equal(dyad_store_load_jsonl(s, path, NULL, &st, &d), 0);
    assert_int_equal(st.bad_lines, 4);
    assert_int_equal(st.articles, 2);
    assert_int_equal(st.events, 4);
    assert_int_equal(d.errors, 4);
    assert_non_null(strstr(log.text, ":5: error: "));
    assert_non_null(strstr(log.text, ":6: error: not a JSON object"));
    assert_non_null(strstr(log.text, ":7: error: missing or mistyped field 'date'"));
    assert_non_null(strstr(log.text, ":10: error: "));
    assert_non_null(strstr(log.text, "the input ends inside this line"));
    assert_int_equal(summary(s, "events"), 4);

    /* Cut inside a line of the article being read: that article is not stored. */
    snprintf(path, sizeof path, "%s/cut%d.jsonl", F.dir, F.n);
    write_jsonl(path, 3);
    f = fopen(path, "a");
    fputs("{\"type\":\"event\",\"article\":\"art2\",\"sentence\":\"art2_3\",\"da", f);
    fclose(f);
    memset(&st, 0, sizeof st);
    log.text[0] = 0;
    assert_int_equal(dyad_store_load_jsonl(s, path, NULL, &st, &d), 0);
    assert_int_equal(st.articles, 2);
    assert_int_equal(st.incomplete, 1);
    assert_non_null(strstr(log.text, ":7: error: the input ends inside article art2; not stored"));
    dyad_store_close(s);
}

/* Codes the example article, then a copy whose first sentence is gone and
 * another whose end is cut off. */
static void xml_reload_and_truncation(void **state)
{
    (void)state;
    dyad_store *s = open_fresh();
    dyad_dict *dict = NULL;
    dyad_coder *coder = NULL;
    assert_int_equal(dyad_dict_load_dir(&dict, "tests/data/dict_v1", NULL), 0);
    assert_int_equal(dyad_coder_new(&coder, dict, NULL), 0);
    dyad_load_opts o = {.dict_version = "xml1"};
    dyad_load_stats st;
    memset(&st, 0, sizeof st);
    assert_int_equal(dyad_store_load_petrxml(s, coder, "data/examples/article.xml", &o, &st, NULL),
                     0);
    assert_int_equal(st.articles, 1);
    assert_int_equal(st.sentences, 10);
    assert_int_equal(st.events, 10);
    assert_int_equal(summary(s, "sentences"), 10); /* also example-1_3, which has no event */

    /* The same article with no parse that gives an event: its events go. */
    char path[400];
    snprintf(path, sizeof path, "%s/empty%d.xml", F.dir, F.n);
    write_file(path, "<Sentences>\n<Sentence date=\"20240510\" id=\"example-1_1\">\n"
                     "<Text>Nothing happened.</Text>\n<Parse>(ROOT (S (NP (NN Nothing)) "
                     "(VP (VBD happened)) (. .)))</Parse>\n</Sentence>\n"
                     "<Sentence date=\"20240511\" id=\"other_1\">\n<Text>France condemned "
                     "Russia.</Text>\n<Parse>(ROOT (S (NP (NNP France)) (VP (VBD condemned) "
                     "(NP (NNP Russia))) (. .)))</Parse>\n</Sentence>\n</Sentences>\n");
    memset(&st, 0, sizeof st);
    assert_int_equal(dyad_store_load_petrxml(s, coder, path, &o, &st, NULL), 0);
    assert_int_equal(st.articles, 2);
    assert_int_equal(summary(s, "events"), 1);
    assert_int_equal(summary(s, "sentences"), 2);

    /* A file cut inside its second article: the first is stored, the second not. */
    snprintf(path, sizeof path, "%s/cut%d.xml", F.dir, F.n);
    write_file(path, "<Sentences>\n<Sentence date=\"20240601\" id=\"a_1\">\n"
                     "<Text>Egypt urged Israel.</Text>\n<Parse>(ROOT (S (NP (NNP Egypt)) "
                     "(VP (VBD urged) (NP (NNP Israel))) (. .)))</Parse>\n</Sentence>\n"
                     "<Sentence date=\"20240601\" id=\"b_1\">\n<Text>France condemned "
                     "Russia.</Text>\n<Parse>(ROOT (S (NP (NNP France)) (VP (VBD condemned) "
                     "(NP (NNP Russia))) (. .)))</Parse>\n</Sentence>\n"
                     "<Sentence date=\"20240601\" id=\"b_2\">\n<Text>Egypt urged");
    diag_log log = {""};
    dyad_diag d = {log_diag, &log, 0, 0};
    memset(&st, 0, sizeof st);
    assert_int_equal(dyad_store_load_petrxml(s, coder, path, &o, &st, &d), 0);
    assert_int_equal(st.articles, 1);
    assert_int_equal(st.incomplete, 1);
    assert_non_null(strstr(log.text, "the input ends inside article b; not stored"));
    assert_int_equal(summary(s, "articles"), 3); /* example-1, other, a */
    dyad_coder_free(coder);
    dyad_dict_free(dict);
    dyad_store_close(s);
}

/* ---- queries ---------------------------------------------------------- */

static void timeline_by_month(void **state)
{
    (void)state;
    dyad_store *s = open_fresh();
    put_dataset(s);
    dyad_query q = {.source = "PRK", .target = "IRN"};
    dyad_table *t = NULL;
    assert_int_equal(dyad_store_timeline(&t, s, &q), 0);
    const char *head = "period,events,neutral,verbal_coop,material_coop,verbal_conflict,"
                       "material_conflict,goldstein_mean,agree,consult,support,concede,"
                       "cooperate,aid,retreat,request,accuse,reject,threaten,protest,sanction,"
                       "mobilize,coerce,assault,none,other\n";
    char expected[4096];
    const char *zero = ",0,0,0,0,0,0,,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0\n";
    size_t n = (size_t)snprintf(expected, sizeof expected, "%s", head);
    n += (size_t)snprintf(expected + n, sizeof expected - n,
                          "2024-01,1,0,1,0,0,0,1.90,0,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0\n"
                          "2024-02%s"
                          "2024-03,1,0,0,0,0,1,-10.00,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,0,0\n",
                          zero);
    for (int m = 4; m <= 12; m++)
        n += (size_t)snprintf(expected + n, sizeof expected - n, "2024-%02d%s", m, zero);
    snprintf(expected + n, sizeof expected - n,
             "2025-01,2,0,2,0,0,0,1.90,0,2,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0\n");
    assert_csv(t, expected);
    dyad_table_free(t);

    /* PRKGOV alone matches only A1_1; a code is a prefix, not a substring. */
    q.source = "PRKGOV";
    assert_int_equal(dyad_store_timeline(&t, s, &q), 0);
    assert_int_equal(dyad_table_nrows(t), 1);
    dyad_table_free(t);
    q.source = "RK";
    assert_int_equal(dyad_store_timeline(&t, s, &q), 0);
    assert_int_equal(dyad_table_nrows(t), 0);
    dyad_table_free(t);
    dyad_store_close(s);
}

static void timeline_both_by_year(void **state)
{
    (void)state;
    dyad_store *s = open_fresh();
    put_dataset(s);
    dyad_query q = {.source = "PRK", .target = "IRN", .both = 1, .by = DYAD_PERIOD_YEAR};
    dyad_table *t = NULL;
    assert_int_equal(dyad_store_timeline(&t, s, &q), 0);
    /* 2024: A1_1 (+1.9), A1_2 (+3.4, IRN -> PRK), A2_1 (-10): mean -4.7 / 3. */
    assert_int_equal(dyad_table_nrows(t), 2);
    assert_string_equal(dyad_table_get(t, 0, 0), "2024");
    assert_string_equal(dyad_table_get(t, 0, 1), "3");
    assert_string_equal(dyad_table_get(t, 0, 3), "2");  /* verbal_coop */
    assert_string_equal(dyad_table_get(t, 0, 6), "1");  /* material_conflict */
    assert_string_equal(dyad_table_get(t, 0, 7), "-1.57");
    assert_string_equal(dyad_table_get(t, 0, 10), "1"); /* support */
    assert_string_equal(dyad_table_get(t, 1, 0), "2025");
    assert_string_equal(dyad_table_get(t, 1, 7), "1.90");
    dyad_table_free(t);
    /* By day, from a date to a date (months and years as bounds). */
    dyad_query d = {.source = "*", .target = "PRK", .by = DYAD_PERIOD_DAY, .from = "2024-02",
                    .to = "2024"};
    assert_int_equal(dyad_store_timeline(&t, s, &d), 0);
    assert_csv(t, "period,events,neutral,verbal_coop,material_coop,verbal_conflict,"
                  "material_conflict,goldstein_mean,agree,consult,support,concede,cooperate,"
                  "aid,retreat,request,accuse,reject,threaten,protest,sanction,mobilize,"
                  "coerce,assault,none,other\n"
                  "2024-03-02,1,0,0,0,1,0,-2.00,0,0,0,0,0,0,0,0,1,0,0,0,0,0,0,0,0,0\n");
    dyad_table_free(t);
    d.from = "2024-13-01";
    assert_int_equal(dyad_store_timeline(&t, s, &d), DYAD_EINVAL);
    assert_null(t);
    dyad_store_close(s);
}

static void top_actors_and_dyads(void **state)
{
    (void)state;
    dyad_store *s = open_fresh();
    put_dataset(s);
    dyad_query q = {0};
    dyad_table *t = NULL;
    assert_int_equal(dyad_store_top_actors(&t, s, &q), 0);
    /* PRK: +3.4, -10, -2 -> -2.87. */
    assert_csv(t, "actor,events,as_source,as_target,goldstein_mean,first_seen,last_seen\n"
                  "IRN,3,0,3,1.90,2024-01-15,2025-01-10\n"
                  "PRK,3,1,2,-2.87,2024-01-15,2024-03-02\n"
                  "PRKMIL,2,2,0,1.90,2025-01-10,2025-01-10\n"
                  "IRNGOV,1,1,0,3.40,2024-01-15,2024-01-15\n"
                  "IRNMIL,1,0,1,-10.00,2024-03-02,2024-03-02\n"
                  "PRKGOV,1,1,0,1.90,2024-01-15,2024-01-15\n"
                  "USAGOVLEG,1,1,0,-2.00,2024-03-02,2024-03-02\n");
    dyad_table_free(t);
    dyad_query qa = {.actor = "PRK", .limit = 2};
    assert_int_equal(dyad_store_top_actors(&t, s, &qa), 0);
    assert_csv(t, "actor,events,as_source,as_target,goldstein_mean,first_seen,last_seen\n"
                  "PRK,3,1,2,-2.87,2024-01-15,2024-03-02\n"
                  "PRKMIL,2,2,0,1.90,2025-01-10,2025-01-10\n");
    dyad_table_free(t);
    dyad_query qd = {.to = "2024-12-31"};
    assert_int_equal(dyad_store_top_dyads(&t, s, &qd), 0);
    assert_csv(t, "source,target,events,goldstein_mean,first_seen,last_seen,verbal_coop,"
                  "material_coop,verbal_conflict,material_conflict\n"
                  "IRNGOV,PRK,1,3.40,2024-01-15,2024-01-15,1,0,0,0\n"
                  "PRK,IRNMIL,1,-10.00,2024-03-02,2024-03-02,0,0,0,1\n"
                  "PRKGOV,IRN,1,1.90,2024-01-15,2024-01-15,1,0,0,0\n"
                  "USAGOVLEG,PRK,1,-2.00,2024-03-02,2024-03-02,0,0,1,0\n");
    dyad_table_free(t);
    assert_int_equal(dyad_store_top_dyads(&t, s, &q), 0);
    assert_string_equal(dyad_table_get(t, 0, 0), "PRKMIL");
    assert_string_equal(dyad_table_get(t, 0, 2), "2");
    dyad_table_free(t);
    dyad_store_close(s);
}

static void events_with_evidence(void **state)
{
    (void)state;
    dyad_store *s = open_fresh();
    put_dataset(s);
    dyad_query q = {.source = "PRK", .target = "IRN", .both = 1};
    dyad_table *t = NULL;
    assert_int_equal(dyad_store_events(&t, s, &q), 0);
    assert_csv(t,
               "date,article,sentence,source,target,cameo,plover,quad_class,goldstein,"
               "source_text,target_text,verb_text,text,dict_version\n"
               "2024-01-15,A1,A1_1,PRKGOV,IRN,042,CONSULT,1,1.9,the source,the target,,"
               "Pyongyang consulted Tehran.,v1\n"
               "2024-01-15,A1,A1_2,IRNGOV,PRK,051,SUPPORT,1,3.4,the source,the target,,"
               "Iran praised North Korea.,v1\n"
               "2024-03-02,A2,A2_1,PRK,IRNMIL,190,ASSAULT,4,-10.0,the source,the target,,"
               "North Korea attacked Iranian troops.,v1\n"
               "2025-01-10,A3,A3_1,PRKMIL,IRN,042,CONSULT,1,1.9,the source,the target,,"
               "Talks.,v2\n"
               "2025-01-10,A3,A3_2,PRKMIL,IRN,042,CONSULT,1,1.9,the source,the target,,"
               "More talks.,v2\n");
    dyad_table_free(t);
    q.limit = 1;
    q.both = 0;
    q.from = "20250101";
    assert_int_equal(dyad_store_events(&t, s, &q), 0);
    assert_int_equal(dyad_table_nrows(t), 1);
    assert_string_equal(dyad_table_get(t, 0, 2), "A3_1");
    dyad_table_free(t);
    dyad_store_close(s);
}

/* ---- exports ---------------------------------------------------------- */

static void export_phoenix(void **state)
{
    (void)state;
    dyad_store *s = open_fresh();
    put_dataset(s);
    char *got = export_of(s, DYAD_EXPORT_PHOENIX, NULL, 1);
    /* One row per date, source, target and code; PentaClass from the root
     * (05 -> 1, 04 -> 1, 19 -> 4, 11 -> 3); USAGOVLEG = USA, GOV, LEG. */
    const char *expected =
        "EventID\tDate\tYear\tMonth\tDay\tSourceActorFull\tSourceActorEntity\tSourceActorRole\t"
        "SourceActorAttribute\tTargetActorFull\tTargetActorEntity\tTargetActorRole\t"
        "TargetActorAttribute\tEventCode\tEventRootCode\tPentaClass\tGoldsteinScore\tIssues\t"
        "Lat\tLon\tLocationName\tStateName\tCountryCode\tSentenceID\tURLs\tNewsSources\n"
        "1\t20240115\t2024\t01\t15\tIRNGOV\tIRN\tGOV\t\tPRK\tPRK\t\t\t051\t05\t1\t3.4\t"
        "\t\t\t\t\t\tA1_2\t\t\n"
        "2\t20240115\t2024\t01\t15\tPRKGOV\tPRK\tGOV\t\tIRN\tIRN\t\t\t042\t04\t1\t1.9\t"
        "\t\t\t\t\t\tA1_1\t\t\n"
        "3\t20240302\t2024\t03\t02\tPRK\tPRK\t\t\tIRNMIL\tIRN\tMIL\t\t190\t19\t4\t-10.0\t"
        "\t\t\t\t\t\tA2_1\t\t\n"
        "4\t20240302\t2024\t03\t02\tUSAGOVLEG\tUSA\tGOV\tLEG\tPRK\tPRK\t\t\t112\t11\t3\t-2.0\t"
        "SANCTIONS,1;NUCLEAR,1\t\t\t\t\t\tA2_2\t\t\n"
        "5\t20250110\t2025\t01\t10\tPRKMIL\tPRK\tMIL\t\tIRN\tIRN\t\t\t042\t04\t1\t1.9\t"
        "\t\t\t\t\t\tA3_1;A3_2\t\t\n";
    assert_string_equal(got, expected);
    free(got);
    dyad_query q = {.source = "USA"};
    got = export_of(s, DYAD_EXPORT_PHOENIX, &q, 0);
    assert_int_equal(strncmp(got, "1\t20240302\t", 11), 0);
    assert_null(strchr(strchr(got, '\n') + 1, '\n'));
    free(got);
    dyad_store_close(s);
}

static int count_char(const char *s, char c)
{
    int n = 0;
    for (; *s; s++)
        n += *s == c;
    return n;
}

static void export_gdelt(void **state)
{
    (void)state;
    dyad_store *s = open_fresh();
    put_dataset(s);
    char *got = export_of(s, DYAD_EXPORT_GDELT, NULL, 1);
    /* Header and 5 rows (A3's two events are one row with NumMentions 2), 61
     * columns each. */
    assert_int_equal(count_char(got, '\n'), 6);
    assert_int_equal(count_char(got, '\t'), 6 * 60);
    assert_int_equal(strncmp(got, "GLOBALEVENTID\tSQLDATE\tMonthYear\tYear\tFractionDate\t", 50), 0);
    char *last = got + strlen(got) - 1;
    while (last > got && last[-1] != '\n')
        last--;
    /* Fields of the last row, by GDELT column number (1-based). */
    char *f[62] = {0};
    int k = 1;
    f[1] = last;
    for (char *p = last; *p; p++)
        if (*p == '\t' || *p == '\n') {
            *p = 0;
            if (k == 61)
                break;
            f[++k] = p + 1;
        }
    assert_int_equal(k, 61);
    assert_string_equal(f[1], "5");
    assert_string_equal(f[2], "20250110");
    assert_string_equal(f[3], "202501");
    assert_string_equal(f[4], "2025");
    assert_string_equal(f[5], "2025.1096"); /* (1 * 30 + 10) / 365 */
    assert_string_equal(f[6], "PRKMIL");
    assert_string_equal(f[7], "THE SOURCE");
    assert_string_equal(f[8], "PRK");
    assert_string_equal(f[13], "MIL");
    assert_string_equal(f[16], "IRN");
    assert_string_equal(f[18], "IRN");
    assert_string_equal(f[27], "042");
    assert_string_equal(f[28], "042");
    assert_string_equal(f[29], "04");
    assert_string_equal(f[30], "1");
    assert_string_equal(f[31], "1.9");
    assert_string_equal(f[32], "2"); /* NumMentions */
    assert_string_equal(f[34], "1"); /* NumArticles */
    assert_int_equal(strlen(f[60]), 14); /* DATEADDED YYYYMMDDHHMMSS */
    assert_string_equal(f[61], "A3");
    free(got);
    dyad_store_close(s);
}

static void export_graphml(void **state)
{
    (void)state;
    dyad_store *s = open_fresh();
    put_dataset(s);
    char *got = export_of(s, DYAD_EXPORT_GRAPHML, NULL, 1);
    assert_non_null(strstr(got, "<graph id=\"dyad\" edgedefault=\"directed\">"));
    assert_int_equal(count_char(got, '\n') > 10, 1);
    int nodes = 0, edges = 0;
    for (const char *p = got; (p = strstr(p, "<node id=")); p++)
        nodes++;
    for (const char *p = got; (p = strstr(p, "<edge id=")); p++)
        edges++;
    assert_int_equal(nodes, 7);
    assert_int_equal(edges, 5);
    assert_non_null(strstr(got, "    <edge id=\"e4\" source=\"PRKMIL\" target=\"IRN\">\n"
                                "      <data key=\"weight\">2</data>\n"
                                "      <data key=\"e_events\">2</data>\n"
                                "      <data key=\"e_goldstein\">1.90</data>\n"));
    assert_non_null(strstr(got, "    <node id=\"PRK\">\n"
                                "      <data key=\"label\">PRK</data>\n"
                                "      <data key=\"entity\">PRK</data>\n"
                                "      <data key=\"role\"></data>\n"
                                "      <data key=\"n_events\">3</data>\n"
                                "      <data key=\"n_source\">1</data>\n"
                                "      <data key=\"n_target\">2</data>\n"
                                "      <data key=\"n_goldstein\">-2.87</data>\n"));
    free(got);
    dyad_store_close(s);
}

static void export_jsonl_roundtrip(void **state)
{
    (void)state;
    dyad_store *s = open_fresh();
    put_dataset(s);
    char *first = export_of(s, DYAD_EXPORT_JSONL, NULL, 1);
    assert_int_equal(count_char(first, '\n'), 6);
    assert_non_null(strstr(first, "{\"type\":\"event\",\"article\":\"A1\",\"sentence\":\"A1_1\","
                                  "\"date\":\"2024-01-15\",\"source\":\"PRKGOV\",\"target\":"
                                  "\"IRN\",\"cameo\":\"042\",\"quad_class\":1,\"goldstein\":1.9,"
                                  "\"plover\":\"CONSULT\",\"text\":\"Pyongyang consulted "
                                  "Tehran.\",\"evidence\":{\"source\":{\"start\":0,\"end\":5,"
                                  "\"text\":\"the source\"},\"target\":{\"start\":10,\"end\":15,"
                                  "\"text\":\"the target\"},\"verb\":null},\"dict_version\":"
                                  "\"v1\",\"mentions\":1}\n"));
    assert_non_null(strstr(first, "\"issues\":\"SANCTIONS;NUCLEAR\""));
    assert_non_null(strstr(first, "\"mentions\":2}"));
    char path[400];
    snprintf(path, sizeof path, "%s/rt%d.jsonl", F.dir, F.n);
    write_file(path, first);
    dyad_store_close(s);
    /* Into a new store and out again: the same lines. */
    s = open_fresh();
    dyad_load_stats st;
    memset(&st, 0, sizeof st);
    assert_int_equal(dyad_store_load_jsonl(s, path, NULL, &st, NULL), 0);
    assert_int_equal(st.articles, 3);
    char *second = export_of(s, DYAD_EXPORT_JSONL, NULL, 1);
    assert_string_equal(first, second);
    free(first);
    free(second);
    dyad_store_close(s);
}

/* ---- a full database -------------------------------------------------- */

/* SQLite with a size cap: the load stops with DYAD_ESTORE_FULL, the message
 * names the database, and every committed article is whole. */
static void full_database(void **state)
{
    (void)state;
    char url[400], path[400];
    snprintf(url, sizeof url, "sqlite:%s/full.db?max_size=300000", F.dir);
    snprintf(path, sizeof path, "%s/big.jsonl", F.dir);
    write_jsonl(path, 3000);
    dyad_store *s = NULL;
    assert_int_equal(dyad_store_open(&s, url, DYAD_STORE_WRITE), 0);
    dyad_load_opts o = {.batch_articles = 50};
    dyad_load_stats st;
    memset(&st, 0, sizeof st);
    int rc = dyad_store_load_jsonl(s, path, &o, &st, NULL);
    assert_int_equal(rc, DYAD_ESTORE_FULL);
    const char *msg = dyad_last_error();
    assert_non_null(strstr(msg, "full.db"));
    assert_non_null(strstr(msg, "rolled back: its "));
    assert_non_null(strstr(msg, " are not stored;"));
    assert_true(st.articles > 0 && st.articles < 3000);
    assert_int_equal(st.articles % 50, 0);
    assert_int_equal(summary(s, "articles"), st.articles);
    assert_int_equal(summary(s, "events"), 2 * st.articles);
    dyad_store_close(s);
}

/* ---- small parts ------------------------------------------------------- */

static void sha256_vectors(void **state)
{
    (void)state;
    static const struct {
        const char *in, *hex;
    } v[] = {
        {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
        {"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
        {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
    };
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        dyad_sha256 c;
        unsigned char h[32];
        char hex[65];
        dyad_sha256_init(&c);
        /* In two pieces, to cross the block buffer. */
        size_t n = strlen(v[i].in);
        dyad_sha256_update(&c, v[i].in, n / 2);
        dyad_sha256_update(&c, v[i].in + n / 2, n - n / 2);
        dyad_sha256_final(&c, h);
        for (int k = 0; k < 32; k++)
            snprintf(hex + 2 * k, 3, "%02x", h[k]);
        assert_string_equal(hex, v[i].hex);
    }
}

static void dict_version_follows_the_files(void **state)
{
    (void)state;
    char a[DYAD_DICT_VERSION_SIZE], b[DYAD_DICT_VERSION_SIZE], dir[400], cmd[900];
    assert_int_equal(dyad_store_dict_version(a, "data/dict"), 0);
    assert_int_equal(strlen(a), 16);
    snprintf(dir, sizeof dir, "%s/dict", F.dir);
    snprintf(cmd, sizeof cmd, "cp -r data/dict '%s'", dir);
    assert_int_equal(system(cmd), 0);
    assert_int_equal(dyad_store_dict_version(b, dir), 0);
    assert_string_equal(a, b); /* same bytes, another folder */
    snprintf(cmd, sizeof cmd, "echo '# changed' >> '%s/dyad.actors.txt'", dir);
    assert_int_equal(system(cmd), 0);
    assert_int_equal(dyad_store_dict_version(b, dir), 0);
    assert_string_not_equal(a, b);
    assert_int_equal(dyad_store_dict_version(b, "/nonexistent-dict-dir"), DYAD_ENOTFOUND);
}

static void phoenix_actor_split(void **state)
{
    (void)state;
    char root[4], agent[4], others[64];
    dyad_store__actor_split("USAGOVLEGMIL", root, agent, others, sizeof others);
    assert_string_equal(root, "USA");
    assert_string_equal(agent, "GOV");
    assert_string_equal(others, "LEG;MIL");
    dyad_store__actor_split("IGOUNO", root, agent, others, sizeof others);
    assert_string_equal(root, "IGO");
    assert_string_equal(agent, "");
    assert_string_equal(others, "UNO");
    dyad_store__actor_split("XYZREB", root, agent, others, sizeof others);
    assert_string_equal(root, "");
    assert_string_equal(agent, "REB");
    assert_string_equal(others, "");
    dyad_store__actor_split("---", root, agent, others, sizeof others);
    assert_string_equal(root, "");
    assert_string_equal(others, "");
}

#define BOTH(f) cmocka_unit_test(f)

int main(void)
{
    const struct CMUnitTest common[] = {
        BOTH(schema_and_summary),   BOTH(open_missing_store),  BOTH(reload_is_idempotent),
        BOTH(append_adds),          BOTH(rollback_leaves_nothing), BOTH(batches_and_progress),
        BOTH(malformed_jsonl),      BOTH(xml_reload_and_truncation), BOTH(timeline_by_month),
        BOTH(timeline_both_by_year), BOTH(top_actors_and_dyads), BOTH(events_with_evidence),
        BOTH(export_phoenix),       BOTH(export_gdelt),        BOTH(export_graphml),
        BOTH(export_jsonl_roundtrip),
    };
    const struct CMUnitTest sqlite_only[] = {
        cmocka_unit_test(full_database),
        cmocka_unit_test(refused_connection),
        cmocka_unit_test(sha256_vectors),
        cmocka_unit_test(dict_version_follows_the_files),
        cmocka_unit_test(phoenix_actor_split),
    };
    int failed = 0;
    failed += cmocka_run_group_tests_name("store_sqlite", common, group_setup_sqlite,
                                          group_teardown);
    failed += cmocka_run_group_tests_name("store_sqlite_only", sqlite_only, group_setup_sqlite,
                                          group_teardown);
    failed += cmocka_run_group_tests_name("store_postgresql", common, group_setup_pg,
                                          group_teardown);
    return failed;
}
