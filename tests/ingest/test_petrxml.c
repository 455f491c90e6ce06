/* test_petrxml.c: PETRARCH XML reader. Fixtures are written here as arrays of
 * lines, so that expected line numbers are computed, not counted by hand. */
#include "testutil.h"
#include "ingest/petrxml.h"
#include <time.h>
#include "parse/tree.h"

/* Index of the first message containing s, -1 if none. */
static int find_msg(const diag_capture *c, const char *s)
{
    for (int i = 0; i < c->n; i++)
        if (strstr(c->msgs[i], s))
            return i;
    return -1;
}

/* ---- fixtures ------------------------------------------------------------- */
static char *join(const char *const *lines)
{
    dyad_buf b;
    dyad_buf_init(&b);
    for (int i = 0; lines[i]; i++) {
        dyad_buf_puts(&b, lines[i]);
        dyad_buf_putc(&b, '\n');
    }
    return b.data;
}

/* 1-based line of the first line starting with prefix. */
static long line_of(const char *const *lines, const char *prefix)
{
    for (int i = 0; lines[i]; i++)
        if (!strncmp(lines[i], prefix, strlen(prefix)))
            return i + 1;
    fail_msg("no line starts with %s", prefix);
    return -1;
}

static const char *const basic[] = {
    "<Validation>",
    "<!--",
    "# a banner inside a comment <Sentence id=\"not-me\">",
    "-->",
    "<Environment>",
    "    <Verbfile>verbs.txt</Verbfile>",
    "    <Actorfile>a.actors.txt, b.actors.txt,c.actors.txt</Actorfile>",
    "    <Agentfile>agents.txt</Agentfile>",
    "    <Discardfile> discards.txt </Discardfile>",
    "    <Issuefile>issues.txt</Issuefile>",
    "    <Include>valid DEMO ACTOR</Include>",
    "    <Exclude>DATE ERROR</Exclude>",
    "    <Errorfile>errors.txt</Errorfile>",
    "    <Config option=\"stop_on_error\" value=\"True\"></Config>",
    "</Environment>",
    "<Sentences>",
    "<Sentence date=\"19950101\" id=\"DEMO-00\" category=\"DEMO\" sentence=\"true\">",
    "<!-- a comment -->",
    "<EventCoding sourcecode=\"ARN\" targetcode=\"GON\" eventcode=\"064\"></EventCoding>",
    "<EventCoding sourcecode = 'ARN' targetcode= '\"INJURY TOLL\"' eventcode =\"223\"/>",
    "<Text>",
    "Arnor is about to   restore",
    "ties with Gondor &amp; Rohan.",
    "</Text>",
    "<Parse>",
    "(ROOT (S (NP (NNP Arnor))",
    "  (VP (VBZ is))))",
    "</Parse>",
    "</Sentence>",
    "",
    "<Config option=\"new_actor_length\" value=\"4\"></Config>",
    "<Config option='require_dyad' value = 'false'/>",
    "<Sentence date=\"19950102\" id=\"DEMO-01\" category=\"DEMO\">",
    "<EventCoding noevents = \"True\"></EventCoding>",
    "<Text>Nothing happened.</Text>",
    "</Sentence>",
    "<Sentence id=\"X-2\">",
    "<EventCoding error=\"dateline\"></EventCoding>",
    "<Text>Last.</Text>",
    "<Parse>(S (NN x))</Parse>",
    "</Sentence>",
    "<Config option=\"trailing\" value=\"1\"/>",
    "</Sentences>",
    "</Validation>",
    NULL,
};

typedef struct fixture {
    diag_capture cap;
    dyad_diag d;
    dyad_petrxml *r;
    char *text;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    f->d.fn = diag_capture_fn;
    f->d.user = &f->cap;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    dyad_petrxml_free(f->r);
    free(f->text);
    free(f);
    return 0;
}

/* Opens the joined lines (or the first n bytes of them when n >= 0). */
static void open_lines(fixture *f, const char *const *lines, long n)
{
    dyad_petrxml_free(f->r);
    free(f->text);
    memset(&f->cap, 0, sizeof f->cap);
    f->text = join(lines);
    size_t len = n >= 0 ? (size_t)n : strlen(f->text);
    assert_int_equal(dyad_petrxml_open_mem(&f->r, "fix.xml", f->text, len, &f->d), 0);
    assert_non_null(f->r);
}

static void open_text(fixture *f, const char *text, size_t n)
{
    dyad_petrxml_free(f->r);
    memset(&f->cap, 0, sizeof f->cap);
    assert_int_equal(dyad_petrxml_open_mem(&f->r, "fix.xml", text, n, &f->d), 0);
}

static const dyad_record *next(fixture *f)
{
    const dyad_record *rec = NULL;
    assert_int_equal(dyad_petrxml_next(f->r, &rec), 1);
    assert_non_null(rec);
    return rec;
}

static void at_end(fixture *f)
{
    const dyad_record *rec = (const dyad_record *)1;
    assert_int_equal(dyad_petrxml_next(f->r, &rec), 0);
    assert_null(rec);
    assert_int_equal(dyad_petrxml_next(f->r, &rec), 0);
}

/* ---- tests ------------------------------------------------------------------ */

static void environment_fields(void **state)
{
    fixture *f = *state;
    open_lines(f, basic, -1);
    const dyad_environment *e = dyad_petrxml_env(f->r);
    assert_string_equal(e->verbfile, "verbs.txt");
    assert_string_equal(e->agentfile, "agents.txt");
    assert_string_equal(e->discardfile, "discards.txt");
    assert_string_equal(e->issuefile, "issues.txt");
    assert_int_equal(e->nactorfiles, 3);
    assert_string_equal(e->actorfiles[0], "a.actors.txt");
    assert_string_equal(e->actorfiles[1], "b.actors.txt");
    assert_string_equal(e->actorfiles[2], "c.actors.txt");
    assert_int_equal(e->valid_only, 1);
    assert_int_equal(e->ninclude, 2);
    assert_string_equal(e->include[0], "DEMO");
    assert_string_equal(e->include[1], "ACTOR");
    assert_int_equal(e->nexclude, 2);
    assert_string_equal(e->exclude[1], "ERROR");
    assert_int_equal(e->nconfig, 1);
    assert_string_equal(e->config[0].option, "stop_on_error");
    assert_string_equal(e->config[0].value, "True");
    assert_int_equal(f->cap.errors, 0);
    assert_int_equal(f->cap.warnings, 0);
    assert_int_equal(dyad_petrxml_errors(f->r), 0);
}

static void record_fields(void **state)
{
    fixture *f = *state;
    open_lines(f, basic, -1);
    assert_int_equal(dyad_petrxml_count(f->r), 3);
    const dyad_record *r0 = next(f);
    assert_string_equal(r0->id, "DEMO-00");
    assert_string_equal(r0->date, "19950101");
    assert_string_equal(r0->category, "DEMO");
    assert_int_equal(r0->line, line_of(basic, "<Sentence date=\"19950101\""));
    assert_string_equal(r0->text, "Arnor is about to restore ties with Gondor & Rohan.");
    assert_string_equal(r0->parse, "\n(ROOT (S (NP (NNP Arnor))\n  (VP (VBZ is))))\n");
    assert_int_equal(r0->parse_line, line_of(basic, "<Parse>"));
    assert_int_equal(r0->ncodings, 2);
    assert_string_equal(r0->codings[0].source, "ARN");
    assert_string_equal(r0->codings[0].target, "GON");
    assert_string_equal(r0->codings[0].event, "064");
    assert_string_equal(r0->codings[1].source, "ARN");
    assert_string_equal(r0->codings[1].target, "\"INJURY TOLL\""); /* single-quoted */
    assert_string_equal(r0->codings[1].event, "223");
    assert_int_equal(r0->noevents, 0);
    assert_null(r0->error);
    assert_int_equal(r0->nconfig, 0);

    /* the parse reads, and a parse error would name the file's line */
    dyad_arena *a = dyad_arena_new();
    dyad_tree *t;
    assert_int_equal(dyad_ptb_parse(&t, a, r0->parse, strlen(r0->parse), &f->d, "fix.xml",
                                    r0->parse_line), 0);
    assert_int_equal(t->ntok, 2);
    dyad_arena_free(a);

    const dyad_record *r1 = next(f);
    assert_string_equal(r1->id, "DEMO-01");
    assert_int_equal(r1->noevents, 1);
    assert_int_equal(r1->ncodings, 0);
    assert_null(r1->parse); /* missing <Parse>: still returned */
    assert_int_equal(r1->parse_line, 0);
    assert_string_equal(r1->text, "Nothing happened.");

    const dyad_record *r2 = next(f);
    assert_string_equal(r2->id, "X-2");
    assert_string_equal(r2->date, "");
    assert_string_equal(r2->category, "");
    assert_string_equal(r2->error, "dateline");
    assert_int_equal(r2->ncodings, 0);
    assert_string_equal(r2->parse, "(S (NN x))");
    at_end(f);
    /* records stay valid after the end */
    assert_string_equal(r0->codings[1].event, "223");
    assert_int_equal(dyad_petrxml_errors(f->r), 0);
    assert_int_equal(f->cap.errors, 0);
}

static void config_between_records(void **state)
{
    fixture *f = *state;
    open_lines(f, basic, -1);
    const dyad_record *r0 = next(f), *r1 = next(f), *r2 = next(f);
    assert_int_equal(r0->nconfig, 0); /* the <Environment> Config is not a record's */
    assert_int_equal(r1->nconfig, 2);
    assert_string_equal(r1->config[0].option, "new_actor_length");
    assert_string_equal(r1->config[0].value, "4");
    assert_string_equal(r1->config[1].option, "require_dyad");
    assert_string_equal(r1->config[1].value, "false");
    assert_int_equal(r2->nconfig, 0); /* and the trailing one has no record */
}

static const char *const detached[] = {
    "<?xml version='1.0' encoding='utf-8'?>",
    "<Validation>",
    "",
    "###########################",
    "#   then the addition of <EventCoding...> records from AT&T",
    "###########################",
    "<Environment>",
    "    <Include>valid AFP TEST </Include>",
    "</Environment>",
    "<Sentences>",
    "<Sentence category=\"AFP\" date=\"20080804\" id=\"A1\" evaluate=\"true\"/>",
    "<EventCoding eventcode=\"042\" sourcecode=\"USA\" targetcode=\"CHN\" />",
    "<Text>",
    "One two.",
    "</Text>",
    "<Parse>",
    "# text = AT&amp;T <b>x</b>",
    "1\tOne\tone",
    "</Parse>",
    "</Sentence>",
    "",
    "<Sentence category=\"AFP\" date=\"20080806\" id=\"A2\" evaluate=\"true\"/>",
    "<EventCoding eventcode=\"031\" sourcecode=\"BRA\" targetcode=\"USA\" />",
    "<EventCoding eventcode=\"031\" sourcecode=\"USA\" targetcode=\"BRA\" />",
    "<Text>Three.</Text>",
    "<Parse>(S (CD Three))</Parse></Sentence>",
    "<Sentence id=\"A3\"/>",
    "<EventCoding noevents=\"True\"/>",
    "<Text>Four.</Text>",
    "<Config option=\"x\" value=\"y\"/>",
    "<Sentence id=\"A4\"/>",
    "<Text>Five.</Text>",
    "</Sentences>",
    "<EventCoding sourcecode=\"LOST\" targetcode=\"LOST\" eventcode=\"000\"/>",
    "</Validation>",
    NULL,
};

static void self_closed_sentence_layout(void **state)
{
    fixture *f = *state;
    open_lines(f, detached, -1);
    const dyad_environment *e = dyad_petrxml_env(f->r);
    assert_int_equal(e->valid_only, 1);
    assert_int_equal(e->ninclude, 2);
    assert_string_equal(e->include[1], "TEST");
    assert_null(e->verbfile);
    const dyad_record *r = next(f);
    assert_string_equal(r->id, "A1");
    assert_int_equal(r->line, line_of(detached, "<Sentence category=\"AFP\" date=\"20080804\""));
    assert_int_equal(r->ncodings, 1);
    assert_string_equal(r->codings[0].event, "042");
    assert_string_equal(r->codings[0].source, "USA");
    assert_string_equal(r->codings[0].target, "CHN");
    assert_string_equal(r->text, "One two.");
    /* '#' lines inside <Parse> are content, not banners; markup inside keeps its text */
    assert_string_equal(r->parse, "\n# text = AT&T x\n1\tOne\tone\n");
    r = next(f);
    assert_string_equal(r->id, "A2");
    assert_int_equal(r->ncodings, 2);
    assert_string_equal(r->codings[1].source, "USA");
    assert_string_equal(r->parse, "(S (CD Three))");
    r = next(f);
    assert_string_equal(r->id, "A3"); /* no </Sentence>: ends at the next <Sentence> */
    assert_int_equal(r->noevents, 1);
    assert_string_equal(r->text, "Four.");
    assert_null(r->parse);
    r = next(f);
    assert_string_equal(r->id, "A4"); /* ends with its parent */
    assert_string_equal(r->text, "Five.");
    assert_int_equal(r->nconfig, 1);
    at_end(f);
    /* the banner's "<EventCoding...>" is not an element: no XML error */
    assert_int_equal(dyad_petrxml_errors(f->r), 0);
    assert_int_equal(f->cap.errors, 0);
    int w = find_msg(&f->cap, "outside a <Sentence>");
    assert_true(w >= 0);
    assert_int_equal(f->cap.lines[w], line_of(detached, "<EventCoding sourcecode=\"LOST\""));
}

static void truncated_document(void **state)
{
    fixture *f = *state;
    char *whole = join(basic);
    const char *cut = strstr(whole, "(S (NN x))"); /* inside the third record's Parse */
    open_lines(f, basic, (long)(cut - whole) + 4);
    free(whole);
    assert_int_equal(dyad_petrxml_count(f->r), 2);
    assert_string_equal(next(f)->id, "DEMO-00");
    assert_string_equal(next(f)->id, "DEMO-01");
    at_end(f);
    assert_true(dyad_petrxml_errors(f->r) > 0);
    assert_true(f->cap.errors > 0);
    int i = find_msg(&f->cap, "record 'X-2' is incomplete");
    assert_true(i >= 0);
    assert_int_equal(f->cap.levels[i], DYAD_DIAG_ERROR);
    assert_int_equal(f->cap.lines[i], line_of(basic, "<Sentence id=\"X-2\""));
    assert_true(find_msg(&f->cap, "XML: ") >= 0);
}

static void truncated_between_records(void **state)
{
    fixture *f = *state;
    char *whole = join(basic);
    const char *cut = strstr(whole, "<Sentence id=\"X-2\">"); /* just before the third */
    open_lines(f, basic, (long)(cut - whole));
    free(whole);
    assert_int_equal(dyad_petrxml_count(f->r), 2);
    assert_true(dyad_petrxml_errors(f->r) > 0);
    int i = find_msg(&f->cap, "<Sentences> (line ");
    assert_true(i >= 0);
    assert_int_equal(f->cap.levels[i], DYAD_DIAG_ERROR);
}

/* Every prefix of the document: no crash (ASan), never a record that the
 * prefix does not hold completely, every complete one returned. */
static void truncated_at_every_byte(void **state)
{
    fixture *f = *state;
    char *whole = join(basic);
    size_t n = strlen(whole);
    for (size_t k = 0; k <= n; k++) {
        char *buf = malloc(k ? k : 1);
        memcpy(buf, whole, k);
        open_text(f, buf, k);
        int complete = 0;
        for (const char *p = whole; (p = strstr(p, "</Sentence>")) && (size_t)(p - whole) + 11 <= k; p++)
            complete++;
        int count = dyad_petrxml_count(f->r);
        assert_true(count >= complete);
        assert_true(count <= complete + 1); /* "</Sentence" without its '>' */
        free(buf);
    }
    free(whole);
}

static void invalid_utf8(void **state)
{
    fixture *f = *state;
    const char doc[] = "<Sentences>\n"
                       "<Sentence id=\"U\">\n"
                       "<Text>Caf\xe9 and \xff\xfe here</Text>\n"
                       "<Parse>(S (NN ok))\n"
                       "(X \xc3)</Parse>\n"
                       "</Sentence>\n"
                       "</Sentences>\n";
    open_text(f, doc, sizeof doc - 1);
    const dyad_record *r = next(f);
    assert_string_equal(r->text, "Caf\xEF\xBF\xBD and \xEF\xBF\xBD\xEF\xBF\xBD here");
    assert_non_null(strstr(r->parse, "(X \xEF\xBF\xBD)"));
    assert_int_equal(f->cap.warnings, 2); /* one per line */
    assert_int_equal(f->cap.lines[0], 3);
    assert_int_equal(f->cap.lines[1], 5);
    assert_non_null(strstr(f->cap.msgs[0], "UTF-8"));
    assert_int_equal(f->cap.errors, 0);
    assert_int_equal(dyad_petrxml_errors(f->r), 0);
    /* a NUL byte is invalid too */
    const char nul[] = "<Sentence id=\"N\"><Text>a\0b</Text></Sentence>";
    open_text(f, nul, sizeof nul - 1);
    assert_string_equal(next(f)->text, "a\xEF\xBF\xBD" "b");
    assert_int_equal(f->cap.warnings, 1);
}

static void crlf_line_endings(void **state)
{
    fixture *f = *state;
    char *unix_text = join(basic);
    dyad_buf b;
    dyad_buf_init(&b);
    for (const char *p = unix_text; *p; p++)
        dyad_buf_puts(&b, *p == '\n' ? "\r\n" : (char[]){*p, 0});
    open_text(f, b.data, b.len);
    const dyad_record *r0 = next(f);
    assert_int_equal(r0->line, line_of(basic, "<Sentence date=\"19950101\""));
    assert_int_equal(r0->parse_line, line_of(basic, "<Parse>"));
    assert_string_equal(r0->text, "Arnor is about to restore ties with Gondor & Rohan.");
    assert_string_equal(r0->parse, "\n(ROOT (S (NP (NNP Arnor))\n  (VP (VBZ is))))\n");
    assert_int_equal(dyad_petrxml_count(f->r), 3);
    assert_int_equal(dyad_petrxml_errors(f->r), 0);
    dyad_buf_free(&b);
    free(unix_text);
}

static void concatenated_and_rootless(void **state)
{
    fixture *f = *state;
    const char doc[] = "<!-- one -->\n<Sentences><Sentence id=\"a\"><Text>A</Text></Sentence></Sentences>\n"
                       "<!-- two -->\n<Sentences><Sentence id=\"b\"><Text>B</Text></Sentence></Sentences>\n"
                       "<Sentence id=\"c\"/>\n";
    open_text(f, doc, sizeof doc - 1);
    assert_int_equal(dyad_petrxml_count(f->r), 3);
    assert_string_equal(next(f)->id, "a");
    assert_string_equal(next(f)->id, "b");
    const dyad_record *c = next(f);
    assert_string_equal(c->id, "c");
    assert_null(c->text);
    assert_int_equal(c->line, 5);
    assert_int_equal(dyad_petrxml_errors(f->r), 0);
    const dyad_environment *e = dyad_petrxml_env(f->r);
    assert_null(e->verbfile);
    assert_null(e->agentfile);
    assert_int_equal(e->nactorfiles, 0);
    assert_int_equal(e->ninclude, 0);
    assert_int_equal(e->nconfig, 0);
}

static void empty_and_garbage(void **state)
{
    fixture *f = *state;
    open_text(f, "", 0);
    assert_int_equal(dyad_petrxml_count(f->r), 0);
    at_end(f);
    assert_int_equal(dyad_petrxml_errors(f->r), 0);
    assert_true(find_msg(&f->cap, "no <Sentence>") >= 0);
    open_text(f, NULL, 0);
    assert_int_equal(dyad_petrxml_count(f->r), 0);
    const char junk[] = "<<<>>>&&& </Sentence></a></b> <Sentence <Text>";
    open_text(f, junk, sizeof junk - 1);
    assert_true(dyad_petrxml_errors(f->r) > 0);
    assert_non_null(dyad_petrxml_env(NULL));
    assert_null(dyad_petrxml_env(NULL)->verbfile);
    assert_int_equal(dyad_petrxml_errors(NULL), 0);
    dyad_petrxml_free(NULL);
}

static void open_from_file(void **state)
{
    fixture *f = *state;
    dyad_petrxml *r = (dyad_petrxml *)1;
    assert_int_equal(dyad_petrxml_open(&r, "/nonexistent/dir/x.xml", &f->d), DYAD_EIO);
    assert_null(r);
    assert_non_null(strstr(dyad_last_error(), "/nonexistent/dir/x.xml"));
    char path[] = "/tmp/dyad_petrxml_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    char *text = join(basic);
    assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);
    free(text);
    assert_int_equal(dyad_petrxml_open(&r, path, &f->d), 0);
    assert_int_equal(dyad_petrxml_count(r), 3);
    dyad_petrxml_free(r);
    unlink(path);
}

/* ---- the shared PETRARCH files -------------------------------------------- */

typedef struct totals {
    int records, codings, noevents, configs, parses, parsed;
    long errors;
} totals;

/* Reads every record and parses each Penn tree; failures listed in failed. */
static totals read_all(fixture *f, const char *path, char *failed, size_t cap)
{
    totals t = {0};
    dyad_arena *a = dyad_arena_new();
    dyad_diag quiet = {.fn = diag_capture_fn, .user = &(diag_capture){0}};
    assert_int_equal(dyad_petrxml_open(&f->r, path, &f->d), 0);
    const dyad_record *rec;
    while (dyad_petrxml_next(f->r, &rec) == 1) {
        t.records++;
        t.codings += rec->ncodings;
        t.noevents += rec->noevents;
        t.configs += rec->nconfig;
        if (!rec->parse)
            continue;
        t.parses++;
        ((diag_capture *)quiet.user)->n = 0;
        dyad_tree *tree;
        int rc = dyad_ptb_parse(&tree, a, rec->parse, strlen(rec->parse), &quiet, path,
                                rec->parse_line);
        if (rc == 0) {
            t.parsed++;
            dyad_tree_align(tree, a, rec->text);
        } else if (failed) {
            size_t k = strlen(failed);
            snprintf(failed + k, cap - k, "%s:%ld ", rec->id,
                     ((diag_capture *)quiet.user)->lines[0]);
        }
        dyad_arena_reset(a);
    }
    t.errors = dyad_petrxml_errors(f->r);
    dyad_arena_free(a);
    return t;
}

static void shared_unit_test_records(void **state)
{
    fixture *f = *state;
    const char *path = shared_corpus("petrarch2/PETR.UnitTest.records.xml");
    if (!path)
        skip();
    char failed[256] = "";
    /* counted by hand: grep -c '<Sentence ' = 284 (none inside comments); 359
     * EventCodings with codes, 19 noevents, 29 <Config> of which 1 in <Environment> */
    totals t = read_all(f, path, failed, sizeof failed);
    assert_int_equal(t.records, 284);
    assert_int_equal(t.codings, 359);
    assert_int_equal(t.noevents, 19);
    assert_int_equal(t.configs, 28);
    assert_int_equal(t.parses, 284);
    assert_int_equal(t.errors, 0);
    assert_int_equal(f->cap.errors, 0);
    /* every parse reads except the two deliberately unbalanced ones
     * (error="bad_input_parse"): an extra ')' and two missing */
    assert_int_equal(t.parsed, 282);
    assert_string_equal(failed, "ERROR-02:11359 ERROR-03:11403 ");
    const dyad_environment *e = dyad_petrxml_env(f->r);
    assert_string_equal(e->verbfile, "PETR.Validate.verbs.txt");
    assert_int_equal(e->nactorfiles, 1);
    assert_string_equal(e->actorfiles[0], "PETR.Validate.actors.txt");
    assert_int_equal(e->valid_only, 1);
    assert_int_equal(e->ninclude, 11);
    assert_string_equal(e->include[0], "DEMO");
    assert_int_equal(e->nconfig, 1);
}

static void shared_unit_test_first_records(void **state)
{
    fixture *f = *state;
    const char *path = shared_corpus("petrarch2/PETR.UnitTest.records.xml");
    if (!path)
        skip();
    assert_int_equal(dyad_petrxml_open(&f->r, path, &f->d), 0);
    const dyad_record *r = next(f);
    assert_string_equal(r->id, "DEMO-00");
    assert_int_equal(r->line, 61);
    assert_int_equal(r->parse_line, 70);
    assert_string_equal(r->text, "Arnor is about to restore full diplomatic ties with Gondor "
                                 "almost five years after crowds trashed its embassy.");
    const dyad_record *rec;
    while (dyad_petrxml_next(f->r, &rec) == 1 && strcmp(rec->id, "DEMO-22") != 0)
        ;
    assert_non_null(rec);
    assert_int_equal(rec->line, 1009);
    assert_int_equal(rec->ncodings, 2);
    assert_string_equal(rec->codings[1].source, "\"INJURY TOLL\"");
    assert_int_equal(rec->nconfig, 1);
    assert_string_equal(rec->config[0].option, "new_actor_length");
    assert_string_equal(rec->config[0].value, "4");
}

static void shared_gigaword_sample(void **state)
{
    fixture *f = *state;
    const char *path = shared_corpus("petrarch2/GigaWord.sample.PETR.xml");
    if (!path)
        skip();
    totals t = read_all(f, path, NULL, 0);
    assert_int_equal(t.records, 76); /* grep -c '<Sentence ' */
    assert_int_equal(t.parsed, 76);
    assert_int_equal(t.errors, 0);
}

static void shared_gsr_ptb(void **state)
{
    fixture *f = *state;
    const char *path = shared_corpus("petrarch2/PETR2_GSR_validation.ptb.xml");
    if (!path)
        skip();
    totals t = read_all(f, path, NULL, 0);
    assert_int_equal(t.records, 74);
    assert_int_equal(t.codings, 75);
    assert_int_equal(t.noevents, 12);
    assert_int_equal(t.parsed, 74);
    assert_int_equal(t.errors, 0);
    assert_int_equal(dyad_petrxml_env(f->r)->nactorfiles, 3);
}

static void shared_universal_gsr(void **state)
{
    fixture *f = *state;
    const char *path = shared_corpus("universalpetrarch/PETR2_GSR_validation.xml");
    if (!path)
        skip();
    totals t = read_all(f, path, NULL, 0);
    assert_int_equal(t.records, 78);
    assert_int_equal(t.codings, 80);
    assert_int_equal(t.noevents, 12);
    assert_int_equal(t.parses, 78); /* CoNLL-U, not Penn: none parses as a tree */
    assert_int_equal(t.parsed, 0);
    assert_int_equal(t.errors, 0);
    dyad_petrxml_free(f->r);
    assert_int_equal(dyad_petrxml_open(&f->r, path, &f->d), 0);
    const dyad_record *r = next(f);
    assert_string_equal(r->id, "AFP0808020625_4");
    assert_string_equal(r->date, "20080804");
    assert_string_equal(r->category, "AFP");
    assert_int_equal(r->line, 32);
    assert_int_equal(r->parse_line, 38);
    assert_int_equal(r->ncodings, 1);
    assert_string_equal(r->codings[0].event, "042");
    assert_string_equal(r->codings[0].source, "USA");
    assert_string_equal(r->codings[0].target, "CHN");
    r = next(f);
    assert_string_equal(r->id, "AFP0808020675_1");
    assert_int_equal(r->ncodings, 2);
    assert_int_equal(dyad_petrxml_env(f->r)->valid_only, 1);
    assert_int_equal(dyad_petrxml_env(f->r)->ninclude, 6);
}

/* ---- entities, DTDs, XInclude: nothing outside the file is read ----------- */

/* Temporary files a hostile document points at; each holds MARKER. */
#define MARKER "dyad-never-read-7f3a"
typedef struct targets {
    char secret[64]; /* a text file with MARKER */
    char dtd[64];    /* a DTD: an entity whose text is MARKER, and one naming secret */
} targets;

static void write_file(char *path, const char *text)
{
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);
}

static void targets_make(targets *t)
{
    char dtd[512];
    snprintf(t->secret, sizeof t->secret, "/tmp/dyad_secret_XXXXXX");
    write_file(t->secret, MARKER " from the secret file\n");
    snprintf(dtd, sizeof dtd,
             "<!ENTITY leak \"" MARKER " from the DTD\">\n"
             "<!ENTITY leak2 SYSTEM \"file://%s\">\n",
             t->secret);
    snprintf(t->dtd, sizeof t->dtd, "/tmp/dyad_dtd_XXXXXX");
    write_file(t->dtd, dtd);
}

static void targets_free(targets *t)
{
    unlink(t->secret);
    unlink(t->dtd);
}

/* A document: prolog, then two records; the first one's id, text and parse
 * carry ref (the id as id="a&ref;"), or only its text when !everywhere. */
static char *hostile_doc_in(const char *prolog, const char *ref, int everywhere)
{
    dyad_buf b;
    dyad_buf_init(&b);
    dyad_buf_puts(&b, prolog);
    dyad_buf_puts(&b, "\n<Sentences>\n<Sentence date=\"20240510\" id=\"a");
    dyad_buf_puts(&b, everywhere ? ref : "");
    dyad_buf_puts(&b, "\">\n<Text>France condemned Russia ");
    dyad_buf_puts(&b, ref);
    dyad_buf_puts(&b, " on Monday.</Text>\n<Parse>(ROOT (S (NP (NNP France)) (VP (VBD "
                      "condemned) (NP (NNP Russia) (NN x");
    dyad_buf_puts(&b, everywhere ? ref : "");
    dyad_buf_puts(&b, "))) (. .)))</Parse>\n</Sentence>\n"
                      "<Sentence date=\"20240510\" id=\"b-1_1\">\n"
                      "<Text>Egypt urged Israel to halt the offensive.</Text>\n"
                      "<Parse>(ROOT (S (NP (NNP Egypt)) (VP (VBD urged) (NP (NNP Israel))) "
                      "(. .)))</Parse>\n</Sentence>\n</Sentences>\n");
    return b.data;
}

static char *hostile_doc(const char *prolog, const char *ref)
{
    return hostile_doc_in(prolog, ref, 1);
}

/* Opens doc; MARKER is nowhere in the records; both records are there and
 * the second one is whole. Returns the first record. */
static const dyad_record *open_hostile(fixture *f, char *doc)
{
    free(f->text);
    f->text = doc;
    open_text(f, doc, strlen(doc));
    assert_int_equal(dyad_petrxml_count(f->r), 2);
    const dyad_record *r = next(f);
    const dyad_record *r2 = next(f);
    const char *fields[] = {r->id, r->text, r->parse, r->date, r2->id, r2->text, r2->parse};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        if (fields[i] && strstr(fields[i], MARKER))
            fail_msg("the referenced file was read: %s", fields[i]);
    assert_string_equal(r2->text, "Egypt urged Israel to halt the offensive.");
    return r;
}

static void external_entities_not_read(void **state)
{
    fixture *f = *state;
    targets t;
    targets_make(&t);
    char decl[6][256];
    snprintf(decl[0], 256, "<!ENTITY xxe SYSTEM \"file://%s\">", t.secret);
    snprintf(decl[1], 256, "<!ENTITY xxe SYSTEM \"%s\">", t.secret);
    snprintf(decl[2], 256, "<!ENTITY xxe SYSTEM \"http://127.0.0.1:9/x\">");
    snprintf(decl[3], 256, "<!ENTITY xxe PUBLIC \"-//X//Y\" \"file://%s\">", t.secret);
    snprintf(decl[4], 256, "<!ENTITY xxe SYSTEM \"file://%s\" NDATA txt>", t.secret);
    snprintf(decl[5], 256, "<!ENTITY xxe SYSTEM \"file:///nonexistent/x\">");
    for (int i = 0; i < 6; i++) {
        char prolog[320];
        snprintf(prolog, sizeof prolog, "<?xml version=\"1.0\"?>\n<!DOCTYPE Sentences [%.256s]>",
                 decl[i]);
        const dyad_record *r = open_hostile(f, hostile_doc(prolog, "&xxe;"));
        /* the reference is left out; the text around it stays */
        assert_string_equal(r->text, "France condemned Russia on Monday.");
        assert_string_equal(r->id, "a");
        assert_non_null(strstr(r->parse, "(NN x)"));
        /* reported with the line of each reference: id (4), text (5), parse (6) */
        int k = find_msg(&f->cap, "external entity &xxe; not read");
        assert_true(k >= 0);
        assert_int_equal(f->cap.lines[k], 4);
        assert_int_equal(f->cap.levels[k], DYAD_DIAG_ERROR);
        assert_int_equal(f->cap.lines[k + 1], 5);
        assert_int_equal(f->cap.lines[k + 2], 6);
        assert_true(dyad_petrxml_errors(f->r) >= 3);
    }
    targets_free(&t);
}

static void parameter_entities_not_read(void **state)
{
    fixture *f = *state;
    targets t;
    targets_make(&t);
    char prolog[512];
    snprintf(prolog, sizeof prolog,
             "<!DOCTYPE Sentences [<!ENTITY %% p SYSTEM \"file://%s\"> %%p;\n"
             "<!ENTITY %% q \"<!ENTITY leak3 '" MARKER "'>\"> %%q;]>",
             t.dtd);
    const dyad_record *r = open_hostile(f, hostile_doc(prolog, "&leak;&leak2;&leak3;"));
    assert_string_equal(r->text, "France condemned Russia on Monday.");
    int k = find_msg(&f->cap, "parameter entity %p; not read");
    assert_true(k >= 0);
    assert_int_equal(f->cap.lines[k], 1);
    k = find_msg(&f->cap, "parameter entity %q; not read");
    assert_true(k >= 0);
    assert_int_equal(f->cap.lines[k], 2);
    assert_true(find_msg(&f->cap, "'leak' not defined") >= 0);
    targets_free(&t);
}

static void external_dtd_not_read(void **state)
{
    fixture *f = *state;
    targets t;
    targets_make(&t);
    char prolog[512];
    snprintf(prolog, sizeof prolog, "<!DOCTYPE Sentences SYSTEM \"file://%s\">", t.dtd);
    const dyad_record *r = open_hostile(f, hostile_doc(prolog, "&leak;&leak2;"));
    assert_string_equal(r->text, "France condemned Russia on Monday.");
    int k = find_msg(&f->cap, "external DTD");
    assert_true(k >= 0);
    assert_int_equal(f->cap.lines[k], 1);
    assert_int_equal(f->cap.levels[k], DYAD_DIAG_WARNING);
    /* with an internal subset too; and the secret file itself as the DTD */
    snprintf(prolog, sizeof prolog,
             "<!DOCTYPE Sentences SYSTEM \"file://%s\" [<!ENTITY ok \"fine\">]>", t.secret);
    r = open_hostile(f, hostile_doc(prolog, "&ok;&leak;"));
    assert_string_equal(r->text, "France condemned Russia fine on Monday.");
    targets_free(&t);
}

static void xinclude_not_processed(void **state)
{
    fixture *f = *state;
    targets t;
    targets_make(&t);
    char inc[512];
    snprintf(inc, sizeof inc,
             "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"file://%s\" "
             "parse=\"text\"/>",
             t.secret);
    char *doc = hostile_doc("", "");
    /* in <Text>, and between the records */
    dyad_buf b;
    dyad_buf_init(&b);
    const char *at = strstr(doc, " on Monday.");
    dyad_buf_append(&b, doc, (size_t)(at - doc));
    dyad_buf_puts(&b, inc);
    const char *between = strstr(at, "<Sentence date");
    dyad_buf_append(&b, at, (size_t)(between - at));
    dyad_buf_puts(&b, inc);
    dyad_buf_puts(&b, between);
    free(doc);
    const dyad_record *r = open_hostile(f, b.data);
    assert_string_equal(r->text, "France condemned Russia on Monday.");
    assert_int_equal(dyad_petrxml_errors(f->r), 0);
    targets_free(&t);
}

static double seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void billion_laughs(void **state)
{
    fixture *f = *state;
    /* ten levels of ten: 10^9 "lol" if expanded */
    dyad_buf p;
    dyad_buf_init(&p);
    dyad_buf_puts(&p, "<!DOCTYPE Sentences [<!ENTITY lol0 \"lol\">");
    for (int i = 1; i <= 9; i++) {
        char e[160];
        int k = snprintf(e, sizeof e, "<!ENTITY lol%d \"", i);
        for (int j = 0; j < 10; j++)
            k += snprintf(e + k, sizeof e - (size_t)k, "&lol%d;", i - 1);
        snprintf(e + k, sizeof e - (size_t)k, "\">");
        dyad_buf_puts(&p, e);
    }
    dyad_buf_puts(&p, "]>");
    double t0 = seconds();
    const dyad_record *r = open_hostile(f, hostile_doc(p.data, "&lol9;"));
    assert_true(seconds() - t0 < 5);
    /* &lol9; is expanded; the entities inside its text are not */
    assert_string_equal(r->text, "France condemned Russia on Monday.");
    assert_string_equal(r->id, "a");
    int k = find_msg(&f->cap, "inside another entity's text not expanded");
    assert_true(k >= 0);
    assert_int_equal(f->cap.lines[k], 3); /* in the id attribute, the first reference */
    assert_int_equal(f->cap.n, 1);        /* said once */
    dyad_buf_free(&p);

    /* one large entity referenced many times: PX_MAX_ENTITY_BYTES (1 MB) in all */
    dyad_buf_init(&p);
    dyad_buf_puts(&p, "<!DOCTYPE Sentences [<!ENTITY big \"");
    for (int i = 0; i < 10000; i++)
        dyad_buf_puts(&p, "0123456789");
    dyad_buf_puts(&p, "\">]>");
    dyad_buf refs;
    dyad_buf_init(&refs);
    for (int i = 0; i < 1000; i++)
        dyad_buf_puts(&refs, "&big;");
    t0 = seconds();
    r = open_hostile(f, hostile_doc_in(p.data, refs.data, 0));
    assert_true(seconds() - t0 < 5);
    size_t n = strlen(r->text);
    assert_true(n > 900000 && n < (1u << 20) + 100);
    assert_true(!strncmp(r->text, "France condemned Russia 0123456789", 34));
    assert_non_null(strstr(r->text, "9 on Monday."));
    assert_true(find_msg(&f->cap, "entities expand to over") >= 0);
    dyad_buf_free(&p);
    dyad_buf_free(&refs);
}

static void internal_entities(void **state)
{
    fixture *f = *state;
    /* expanded in text, parse and attributes */
    const dyad_record *r = open_hostile(
        f, hostile_doc("<!DOCTYPE Sentences [<!ENTITY un \"the United Nations\">]>", "&un;"));
    assert_string_equal(r->text, "France condemned Russia the United Nations on Monday.");
    assert_string_equal(r->id, "athe United Nations");
    assert_non_null(strstr(r->parse, "(NN xthe United Nations)"));
    assert_int_equal(f->cap.n, 0);
    /* markup in an entity: read as such in text; an error in an attribute */
    r = open_hostile(
        f, hostile_doc("<!DOCTYPE Sentences [<!ENTITY un \"the <b>United</b> Nations\">]>",
                       "&un;"));
    assert_string_equal(r->text, "France condemned Russia the United Nations on Monday.");
    assert_int_equal(f->cap.n, 1);
    assert_non_null(strstr(f->cap.msgs[0], "'<' in entity 'un' is not allowed in attributes"));
    assert_int_equal(f->cap.lines[0], 3);
    /* after an error (an undeclared entity) the references that follow are
     * still read, predefined ones too: libxml2 alone drops them in silence */
    r = open_hostile(f, hostile_doc("<!DOCTYPE Sentences [<!ENTITY un \"UN\">]>",
                                    "&nbsp;AT&amp;T &#65;&un;&lt;"));
    assert_string_equal(r->text, "France condemned Russia AT&T AUN< on Monday.");
    assert_string_equal(r->id, "aAT&T AUN<");
    int k = find_msg(&f->cap, "'nbsp' not defined");
    assert_true(k >= 0);
    assert_int_equal(f->cap.lines[k], 3); /* the id, then the text and the parse */
    assert_int_equal(f->cap.lines[k + 1], 4);
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(environment_fields),
        T(record_fields),
        T(config_between_records),
        T(self_closed_sentence_layout),
        T(truncated_document),
        T(truncated_between_records),
        T(truncated_at_every_byte),
        T(invalid_utf8),
        T(crlf_line_endings),
        T(concatenated_and_rootless),
        T(empty_and_garbage),
        T(open_from_file),
        T(external_entities_not_read),
        T(parameter_entities_not_read),
        T(external_dtd_not_read),
        T(xinclude_not_processed),
        T(billion_laughs),
        T(internal_entities),
        T(shared_unit_test_records),
        T(shared_unit_test_first_records),
        T(shared_gigaword_sample),
        T(shared_gsr_ptb),
        T(shared_universal_gsr),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
