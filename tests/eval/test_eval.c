/* test_eval.c: the gold-set reader (each kind of malformed line, with its
 * line) and the scorer on hand-built event lists, figures worked out by hand
 * in the comments. */
#include "testutil.h"

#include "eval/gold.h"

/* ---- a diag sink that keeps the messages ------------------------------------ */

typedef struct msgs {
    int n;
    long line[64];
    char text[64][300];
} msgs;

static void keep(void *user, dyad_diag_level lvl, const char *file, long line, const char *msg)
{
    msgs *m = user;
    (void)lvl;
    if (m->n < 64) {
        m->line[m->n] = line;
        snprintf(m->text[m->n], sizeof m->text[0], "%s:%ld: %s", file ? file : "", line, msg);
        m->n++;
    }
}

/* The message reported for line, or NULL. */
static const char *at(const msgs *m, long line)
{
    for (int i = 0; i < m->n; i++)
        if (m->line[i] == line)
            return m->text[i];
    return NULL;
}

static void expect(const msgs *m, long line, const char *words)
{
    const char *t = at(m, line);
    if (!t)
        fail_msg("no error reported for line %ld", line);
    if (!strstr(t, words))
        fail_msg("line %ld: '%s' does not say '%s'", line, t, words);
}

static int parse(dyad_gold_set *s, msgs *m, dyad_diag *d, const char *name, const char *text)
{
    d->fn = keep;
    d->user = m;
    return dyad_gold_parse(s, name, text, strlen(text), d);
}

/* ---- reader ------------------------------------------------------------------ */

static void test_read_good(void **state)
{
    (void)state;
    const char *g = "# a comment\n"
                    "\n"
                    "doc\tagnews:12\n"
                    "date\t2004-09-01\n"
                    "event\tUSAGOV\tIRQ\t042\tasserted\tvisited\n"
                    "event\t---CVL\t-\t141\tnegated\n"
                    "  # indented comment\n"
                    "doc\tel:0\r\n"
                    "text\tFrance condemned Russia on Monday.\r\n"
                    "event\tFRA\tRUS\t111\tasserted\tcondemned\twith\ttabs\r\n"
                    "doc\tagnews:13\n";
    dyad_gold_set s;
    msgs m = {0};
    dyad_diag d = {0};
    assert_int_equal(dyad_gold_set_init(&s), 0);
    assert_int_equal(parse(&s, &m, &d, "g.gold", g), 0);
    assert_int_equal(m.n, 0);
    assert_int_equal(s.errors, 0);
    assert_int_equal(s.ndocs, 3);
    dyad_gold_doc *a = &s.doc[0], *b = &s.doc[1], *c = &s.doc[2];
    assert_string_equal(a->id, "agnews:12");
    assert_int_equal(a->kind, DYAD_GOLD_AGNEWS);
    assert_int_equal(a->index, 12);
    assert_int_equal(a->line, 3);
    assert_string_equal(a->date, "2004-09-01");
    assert_null(a->text);
    assert_int_equal(a->nev, 2);
    assert_string_equal(a->ev[0].source, "USAGOV");
    assert_string_equal(a->ev[0].target, "IRQ");
    assert_string_equal(a->ev[0].code, "042");
    assert_int_equal(a->ev[0].modality, DYAD_GOLD_ASSERTED);
    assert_string_equal(a->ev[0].note, "visited");
    assert_int_equal(a->ev[0].line, 5);
    assert_string_equal(a->ev[1].source, "---CVL");
    assert_string_equal(a->ev[1].target, ""); /* "-": no actor */
    assert_int_equal(a->ev[1].modality, DYAD_GOLD_NEGATED);
    assert_string_equal(a->ev[1].note, "");
    assert_int_equal(b->kind, DYAD_GOLD_EL);
    assert_int_equal(b->index, 0);
    assert_string_equal(b->text, "France condemned Russia on Monday."); /* no \r */
    assert_string_equal(b->date, "");
    assert_string_equal(b->ev[0].note, "condemned\twith\ttabs"); /* the note takes the rest */
    assert_int_equal(c->nev, 0);
    assert_string_equal(c->file, "g.gold");
    dyad_gold_set_free(&s);
}

static void test_read_errors(void **state)
{
    (void)state;
    const char *g =
        /*  1 */ "event\tFRA\tRUS\t111\tasserted\n"        /* before any doc */
        /*  2 */ "doc\tagnews:5\n"
        /*  3 */ "event\tFRA\tRUS\t111\n"                   /* no modality */
        /*  4 */ "event\tFRA\tRUS\n"                        /* no code */
        /*  5 */ "event\tFRA\tRUS\t19\tasserted\n"          /* 2 digits */
        /*  6 */ "event\tFRA\tRUS\t1999\tasserted\n"        /* not in the table */
        /*  7 */ "event\tFRA\tRUS\t111\tmaybe\n"            /* modality */
        /*  8 */ "event\tfra\tRUS\t111\tasserted\n"         /* lower case */
        /*  9 */ "event\tFRA\tRUSS\t111\tasserted\n"        /* 4 letters */
        /* 10 */ "evnet\tFRA\tRUS\t111\tasserted\n"         /* unknown kind */
        /* 11 */ "text\tSome text.\n"                       /* text in AG News */
        /* 12 */ "date\t2004-13-01\n"                       /* month 13 */
        /* 13 */ "event\tFRA\tRUS\t111\tasserted\n"         /* good: kept */
        /* 14 */ "date\t2004-08-01\n"                       /* after the events */
        /* 15 */ "doc\tagnews:5\n"                          /* duplicate of line 2 */
        /* 16 */ "event\tDEU\tRUS\t111\tasserted\n"         /* of the duplicate: left out */
        /* 17 */ "doc\tel:3\n"                              /* no text line: at line 17 */
        /* 18 */ "event\tDEU\tRUS\t111\tasserted\n"
        /* 19 */ "doc\tnyt:4\n"                             /* unknown document */
        /* 20 */ "doc\tagnews:0\n"                          /* rows start at 1 */
        /* 21 */ "doc el:4\n"                               /* spaces */
        /* 22 */ "doc\tel:5\n"
        /* 23 */ "text\tOne.\n"
        /* 24 */ "text\tTwo.\n"                             /* second text */
        /* 25 */ "event\tFRA\tRUS\t111\n";                  /* no modality, at the end */
    dyad_gold_set s;
    msgs m = {0};
    dyad_diag d = {0};
    assert_int_equal(dyad_gold_set_init(&s), 0);
    assert_int_equal(parse(&s, &m, &d, "bad.gold", g), 0);
    expect(&m, 1, "before any doc");
    expect(&m, 3, "modality");
    expect(&m, 4, "code");
    expect(&m, 5, "bad CAMEO code '19'");
    expect(&m, 6, "'1999' is not a CAMEO event code");
    expect(&m, 7, "bad modality 'maybe'");
    expect(&m, 8, "bad source actor code 'fra'");
    expect(&m, 9, "bad target actor code 'RUSS'");
    expect(&m, 10, "unknown line kind 'evnet'");
    expect(&m, 11, "text line in an AG News document");
    expect(&m, 12, "bad date '2004-13-01'");
    assert_null(at(&m, 13));
    expect(&m, 14, "after the document's events");
    expect(&m, 15, "duplicate document agnews:5 (first at bad.gold:2)");
    assert_null(at(&m, 16));
    expect(&m, 17, "el:3 has no text line");
    assert_null(at(&m, 18));
    expect(&m, 19, "unknown document id 'nyt:4'");
    expect(&m, 20, "bad document number");
    expect(&m, 21, "separated by a TAB");
    expect(&m, 24, "second text line");
    expect(&m, 25, "modality");
    assert_int_equal(m.n, 19);
    assert_int_equal(s.errors, 19);
    assert_int_equal(d.errors, 19);
    /* every message names the file */
    for (int i = 0; i < m.n; i++)
        assert_non_null(strstr(m.text[i], "bad.gold:"));
    /* kept: agnews:5 with the event of line 13; el:3 (marked bad); el:5 */
    assert_int_equal(s.ndocs, 3);
    assert_int_equal(s.doc[0].nev, 1);
    assert_int_equal(s.doc[0].ev[0].line, 13);
    assert_string_equal(s.doc[0].date, "");
    assert_int_equal(s.doc[1].bad, 1);
    assert_int_equal(s.doc[2].bad, 0);
    assert_string_equal(s.doc[2].text, "One.");
    assert_int_equal(s.doc[2].nev, 0);
    dyad_gold_set_free(&s);
}

/* A document in two files is a duplicate too; invalid UTF-8 in a text line. */
static void test_read_two_files(void **state)
{
    (void)state;
    dyad_gold_set s;
    msgs m = {0};
    dyad_diag d = {0};
    assert_int_equal(dyad_gold_set_init(&s), 0);
    assert_int_equal(parse(&s, &m, &d, "dev.gold", "doc\tel:7\ntext\tA b.\n"), 0);
    assert_int_equal(parse(&s, &m, &d, "test.gold", "doc\tel:8\ntext\tA \xff b.\n\ndoc\tel:7\n"), 0);
    assert_int_equal(m.n, 3);
    expect(&m, 2, "test.gold:2: text line is not valid UTF-8");
    expect(&m, 4, "test.gold:4: duplicate document el:7 (first at dev.gold:1)");
    /* el:8 lost its text: reported at its doc line when it ends */
    expect(&m, 1, "test.gold:1: document el:8 has no text line");
    dyad_gold_set_free(&s);
}

/* Many documents: the duplicate check's table grows and still finds them. */
static void test_read_many(void **state)
{
    (void)state;
    dyad_buf b;
    dyad_buf_init(&b);
    for (int i = 1; i <= 500; i++)
        assert_int_equal(dyad_buf_printf(&b, "doc\tagnews:%d\n", i), 0);
    assert_int_equal(dyad_buf_puts(&b, "doc\tagnews:250\n"), 0);
    dyad_gold_set s;
    msgs m = {0};
    dyad_diag d = {0};
    assert_int_equal(dyad_gold_set_init(&s), 0);
    assert_int_equal(parse(&s, &m, &d, "many.gold", b.data), 0);
    assert_int_equal(s.ndocs, 500);
    assert_int_equal(m.n, 1);
    expect(&m, 501, "first at many.gold:250");
    dyad_gold_set_free(&s);
    dyad_buf_free(&b);
}

static void test_agnews_csv(void **state)
{
    (void)state;
    /* rows: 1 plain; 2 quoted with a doubled quote, a comma and a line break;
     * 3 escapes; 4 has two fields */
    const char *csv = "label,title,description\r\n"
                      "1,Plain title,Plain text.\r\n"
                      "1,\"Says \"\"no\"\", again\",\"Line one\nline two\"\r\n"
                      "1,It #39;s A  amp; B,\"Cost #36;5 quot;ok quot; &lt;b&gt; &amp;lt; a\\b\"\n"
                      "1,only two\n";
    dyad_gold_set s;
    msgs m = {0};
    dyad_diag d = {0};
    assert_int_equal(dyad_gold_set_init(&s), 0);
    assert_int_equal(parse(&s, &m, &d, "g.gold",
                           "doc\tagnews:3\ndoc\tagnews:1\ndoc\tagnews:2\ndoc\tagnews:4\n"
                           "doc\tagnews:5\ndoc\tel:1\ntext\tX.\n"),
                     0);
    assert_int_equal(dyad_gold_agnews_texts_mem(&s, "test.csv", csv, strlen(csv), &d), 0);
    assert_string_equal(s.doc[1].text, "Plain title.\n\nPlain text.");
    assert_string_equal(s.doc[2].text, "Says \"no\", again.\n\nLine one\nline two");
    /* "&amp;lt;" -> "&lt;" in one pass; " amp;" is not in the list */
    assert_string_equal(s.doc[0].text,
                        "It 's A  amp; B.\n\nCost $5 \"ok \" <b> &lt; a b");
    assert_int_equal(m.n, 2);
    expect(&m, 4, "row 4 of test.csv has 2 fields");
    expect(&m, 5, "test.csv has no row 5 (4 rows)");
    assert_int_equal(s.doc[3].bad, 1);
    assert_int_equal(s.doc[4].bad, 1);
    assert_string_equal(s.doc[5].text, "X.");
    dyad_gold_set_free(&s);
}

/* ---- scorer ------------------------------------------------------------------ */

static dyad_gold_event G(const char *s, const char *t, const char *code, dyad_gold_modality m)
{
    return (dyad_gold_event){s, t, code, m, "", 0};
}

static dyad_eval_ev E(const char *s, const char *t, const char *code)
{
    return (dyad_eval_ev){s, t, code, NULL};
}

static const dyad_eval_counts *cat(const dyad_score *s, const char *name)
{
    for (int k = 0; k < s->ncat; k++)
        if (!strcmp(s->cat[k], name))
            return &s->per_cat[k];
    fail_msg("no category %s", name);
    return NULL;
}

static void test_score_categories(void **state)
{
    (void)state;
    dyad_score s;
    assert_int_equal(dyad_score_init(&s), 0);
    assert_int_equal(s.ncat, 16); /* PLOVER's 16 categories */
    assert_string_equal(s.cat[0], "AGREE");
    double p, r, f;
    dyad_eval_counts z = {0, 0, 0};
    dyad_score_prf(&z, &p, &r, &f); /* nothing: all 0, never NaN */
    assert_true(p == 0 && r == 0 && f == 0);
    dyad_eval_counts c = {4, 2, 1}; /* P 1/2, R 1/4, F1 2*(1/8)/(3/4) = 1/3 */
    dyad_score_prf(&c, &p, &r, &f);
    assert_true(p == 0.5 && r == 0.25);
    assert_true(f > 0.3333 && f < 0.3334);
}

/* The greedy order prefers pairs that agree on actors. */
static void test_score_greedy_actors(void **state)
{
    (void)state;
    dyad_score s;
    assert_int_equal(dyad_score_init(&s), 0);
    /* gold g0 USA->RUS 190, g1 FRA->DEU 190; dyad s0 FRA->DEU 193, s1 USA->RUS 190.
     * All four are ASSAULT and root 19, so any pairing is allowed. Tiers:
     * (g0,s0) 0, (g0,s1) 3, (g1,s0) 3, (g1,s1) 0. Greedy takes the two tier-3
     * pairs: g0-s1, g1-s0. In list order it would have paired g0-s0 and
     * g1-s1 with no actor right. Figures: PLOVER and root 2 gold, 2 dyad, 2
     * matched; actors 2/2 on every count. */
    dyad_gold_event g[] = {G("USA", "RUS", "190", DYAD_GOLD_ASSERTED),
                           G("FRA", "DEU", "190", DYAD_GOLD_ASSERTED)};
    dyad_eval_ev e[] = {E("FRA", "DEU", "193"), E("USA", "RUS", "190")};
    int gm[2], sm[2], differs = -1;
    assert_int_equal(dyad_score_doc(&s, g, 2, e, 2, 0, gm, sm, &differs), 0);
    assert_int_equal(gm[0], 1);
    assert_int_equal(gm[1], 0);
    assert_int_equal(sm[0], 1);
    assert_int_equal(sm[1], 0);
    assert_int_equal(differs, 0);
    assert_int_equal(s.plover.gold, 2);
    assert_int_equal(s.plover.sys, 2);
    assert_int_equal(s.plover.matched, 2);
    assert_int_equal(s.root.matched, 2);
    assert_int_equal(cat(&s, "ASSAULT")->matched, 2);
    assert_int_equal(s.pairs, 2);
    assert_int_equal(s.src_whole, 2);
    assert_int_equal(s.tgt_whole, 2);

    /* Tier 2 beats tier 1: gold USAGOV->RUSMIL 190; dyad s0 USA->FRA 190
     * (source country only: tier 1), s1 USAMIL->RUS 190 (both countries: tier
     * 2). g0-s1 is taken, s0 stays extra. Added: PLOVER gold 1, dyad 2,
     * matched 1; one pair whose whole codes differ on both sides, countries
     * agree. */
    dyad_gold_event g2[] = {G("USAGOV", "RUSMIL", "190", DYAD_GOLD_ASSERTED)};
    dyad_eval_ev e2[] = {E("USA", "FRA", "190"), E("USAMIL", "RUS", "190")};
    assert_int_equal(dyad_score_doc(&s, g2, 1, e2, 2, 0, gm, sm, &differs), 0);
    assert_int_equal(gm[0], 1);
    assert_int_equal(sm[0], -1);
    assert_int_equal(differs, 1);
    assert_int_equal(s.plover.gold, 3);
    assert_int_equal(s.plover.sys, 4);
    assert_int_equal(s.plover.matched, 3);
    assert_int_equal(s.pairs, 3);
    assert_int_equal(s.src_whole, 2);   /* USAGOV vs USAMIL */
    assert_int_equal(s.src_country, 3); /* USA = USA */
    assert_int_equal(s.tgt_whole, 2);
    assert_int_equal(s.tgt_country, 3);

    /* Tier 1 beats tier 0: gold IRN->ISR 112; dyad s0 SYR->LBN 112 (none),
     * s1 SYR->ISR 112 (target country). g0-s1. */
    dyad_gold_event g3[] = {G("IRN", "ISR", "112", DYAD_GOLD_ASSERTED)};
    dyad_eval_ev e3[] = {E("SYR", "LBN", "112"), E("SYR", "ISR", "112")};
    assert_int_equal(dyad_score_doc(&s, g3, 1, e3, 2, 0, gm, sm, &differs), 0);
    assert_int_equal(gm[0], 1);
    assert_int_equal(s.docs, 3);
}

/* Negated and hypothetical gold events are not scored (hypothetical ones are
 * with keep_hyp); a dyad event that matches only them is wrong. */
static void test_score_modality(void **state)
{
    (void)state;
    dyad_gold_event g[] = {G("FRA", "RUS", "111", DYAD_GOLD_NEGATED),
                           G("FRA", "RUS", "112", DYAD_GOLD_HYPOTHETICAL),
                           G("FRA", "RUS", "042", DYAD_GOLD_ASSERTED),
                           G("FRA", "RUS", "036", DYAD_GOLD_FUTURE)};
    dyad_eval_ev e[] = {E("FRA", "RUS", "111"), E("FRA", "RUS", "042")};
    int gm[4], sm[2], differs;
    dyad_score s;
    assert_int_equal(dyad_score_init(&s), 0);
    /* Default: scored gold = 042 (CONSULT, root 04) and 036 (AGREE, root 03).
     * dyad 111 (ACCUSE) can only meet the unscored 111/112: wrong. dyad 042
     * matches gold 042. PLOVER: gold 2, dyad 2, matched 1 -> P 0.5 R 0.5.
     * Root: the same. ACCUSE: gold 0, dyad 1, matched 0. */
    assert_int_equal(dyad_score_doc(&s, g, 4, e, 2, 0, gm, sm, &differs), 0);
    assert_int_equal(s.plover.gold, 2);
    assert_int_equal(s.plover.sys, 2);
    assert_int_equal(s.plover.matched, 1);
    assert_int_equal(s.root.gold, 2);
    assert_int_equal(s.root.matched, 1);
    assert_int_equal(cat(&s, "ACCUSE")->gold, 0);
    assert_int_equal(cat(&s, "ACCUSE")->sys, 1);
    assert_int_equal(cat(&s, "AGREE")->gold, 1);
    assert_int_equal(gm[0], -1);
    assert_int_equal(gm[1], -1);
    assert_int_equal(gm[2], 1);
    assert_int_equal(gm[3], -1);
    assert_int_equal(sm[0], -1);
    assert_int_equal(differs, 1);
    /* keep_hyp: the hypothetical 112 (ACCUSE, root 11) is scored and dyad's
     * 111 matches it at both levels. Gold 3, dyad 2, matched 2: P 1, R 2/3. */
    assert_int_equal(dyad_score_init(&s), 0);
    assert_int_equal(dyad_score_doc(&s, g, 4, e, 2, 1, gm, sm, &differs), 0);
    assert_int_equal(s.plover.gold, 3);
    assert_int_equal(s.plover.matched, 2);
    assert_int_equal(s.root.matched, 2);
    assert_int_equal(gm[1], 0);
    assert_int_equal(cat(&s, "ACCUSE")->matched, 1);
}

/* Codes without a PLOVER category count at root level only. */
static void test_score_no_category(void **state)
{
    (void)state;
    /* gold 020 (appeal, no category) and 010 (statement, none); dyad 023
     * (none) and 111 (ACCUSE). PLOVER: gold 0, dyad 1 (the 111), matched 0
     * -> P 0 R 0. Root: gold 2 (02, 01), dyad 2 (02, 11); 020-023 share root
     * 02: matched 1 -> P 0.5 R 0.5. */
    dyad_gold_event g[] = {G("USA", "IRN", "020", DYAD_GOLD_ASSERTED),
                           G("USA", "IRN", "010", DYAD_GOLD_ASSERTED)};
    dyad_eval_ev e[] = {E("USA", "IRN", "023"), E("USA", "IRN", "111")};
    int gm[2], sm[2], differs;
    dyad_score s;
    assert_int_equal(dyad_score_init(&s), 0);
    assert_int_equal(dyad_score_doc(&s, g, 2, e, 2, 0, gm, sm, &differs), 0);
    assert_int_equal(s.plover.gold, 0);
    assert_int_equal(s.plover.sys, 1);
    assert_int_equal(s.plover.matched, 0);
    assert_int_equal(s.root.gold, 2);
    assert_int_equal(s.root.sys, 2);
    assert_int_equal(s.root.matched, 1);
    assert_int_equal(gm[0], 0);
    assert_int_equal(gm[1], -1);
    double p, r, f;
    dyad_score_prf(&s.root, &p, &r, &f);
    assert_true(p == 0.5 && r == 0.5 && f == 0.5);
    dyad_score_prf(&s.plover, &p, &r, &f);
    assert_true(p == 0 && r == 0 && f == 0);
}

/* "-" and "" are the same (no actor); a missing actor is no country. */
static void test_score_empty_targets(void **state)
{
    (void)state;
    /* g0 IRQMIL->(none) 190, g1 (none)->(none) 180; dyad s0 IRQMIL->"-" 190,
     * s1 ""->USA 180, s2 IRQMIL->"" 190. g0-s0 is tier 3 (as is g0-s2: the
     * earlier dyad event wins; s2 is the same event as s0 — "-" and "" are
     * both no actor — and counts once). g1-s1: sources agree (both none:
     * tier 1). Root: gold 2, dyad 2, matched 2. Actors: source 2/2 whole; target: g0
     * equal, g1 none vs USA differ: 1/2 whole, 1/2 country. */
    dyad_gold_event g[] = {G("IRQMIL", "", "190", DYAD_GOLD_ASSERTED),
                           G("", "", "180", DYAD_GOLD_ASSERTED)};
    dyad_eval_ev e[] = {E("IRQMIL", "-", "190"), E("", "USA", "180"), E("IRQMIL", "", "190")};
    int gm[2], sm[3], differs;
    dyad_score s;
    assert_int_equal(dyad_score_init(&s), 0);
    assert_int_equal(dyad_score_doc(&s, g, 2, e, 3, 0, gm, sm, &differs), 0);
    assert_int_equal(gm[0], 0);
    assert_int_equal(gm[1], 1);
    assert_int_equal(sm[2], -1);
    assert_int_equal(s.root.gold, 2);
    assert_int_equal(s.root.sys, 2);
    assert_int_equal(s.root.matched, 2);
    assert_int_equal(s.pairs, 2);
    assert_int_equal(s.src_whole, 2);
    assert_int_equal(s.tgt_whole, 1);
    assert_int_equal(s.tgt_country, 1);
    /* nothing on either side, or only one side */
    assert_int_equal(dyad_score_doc(&s, NULL, 0, NULL, 0, 0, NULL, NULL, &differs), 0);
    assert_int_equal(differs, 0);
    assert_int_equal(dyad_score_doc(&s, NULL, 0, e, 1, 0, NULL, NULL, &differs), 0);
    assert_int_equal(differs, 1);
    assert_int_equal(s.root.sys, 3);
    assert_int_equal(s.docs, 3);
    /* identical gold events of a document count once: two ISR->PSE 190 and one
     * dyad ISR->PSE 190 are one match, nothing missed */
    dyad_gold_event g9[] = {G("ISR", "PSE", "190", DYAD_GOLD_ASSERTED),
                            G("ISR", "PSE", "190", DYAD_GOLD_ASSERTED)};
    dyad_eval_ev e9[] = {E("ISR", "PSE", "190")};
    dyad_score t;
    assert_int_equal(dyad_score_init(&t), 0);
    assert_int_equal(dyad_score_doc(&t, g9, 2, e9, 1, 0, NULL, NULL, &differs), 0);
    assert_int_equal(t.plover.gold, 1);
    assert_int_equal(t.plover.matched, 1);
    assert_int_equal(t.root.gold, 1);
    assert_int_equal(differs, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_read_good),         cmocka_unit_test(test_read_errors),
        cmocka_unit_test(test_read_two_files),    cmocka_unit_test(test_read_many),
        cmocka_unit_test(test_agnews_csv),        cmocka_unit_test(test_score_categories),
        cmocka_unit_test(test_score_greedy_actors), cmocka_unit_test(test_score_modality),
        cmocka_unit_test(test_score_no_category), cmocka_unit_test(test_score_empty_targets),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
