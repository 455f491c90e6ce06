/* test_coder.c: the linear (PETRARCH-1 style) coder on hand-written trees.
 *
 * Every expectation below was derived by hand from the rules in coder.c / seq.c
 * and PETRARCH-1's documentation (the TABARI/PETRARCH verb-pattern rules), not
 * copied from the coder's output. The dictionaries are tiny and inline; the
 * actors and codes are invented (Arnor, Gondor, Rohan) so that nothing depends
 * on the shared dictionaries. */
#include "coder_fixture.h"

/* ---- dictionaries ------------------------------------------------------- */

static const char VERBS[] =
    "<!-- linear coder test verbs -->\n"
    "--- ATTACK [190] ---\n"
    "ATTACK\n"
    "BOMB\n"
    "\n"
    "--- ARREST [173] ---\n"
    "ARREST\n"
    "\n"
    "--- CRITICIZE [111] ---\n"
    "CRITICIZE {CRITICIZES CRITICIZED CRITICIZING}\n"
    "\n"
    "--- SEND [070] ---\n"
    "SEND {SENDS SENT SENDING}\n"
    "- * AID [073]\n"
    "- * MILITARY_AID [072]\n"           /* two elements, after the one-element pattern */
    "- * ECONOMIC ASSISTANCE [071]\n"    /* blank: other words may come between */
    "\n"
    "--- VISIT [042:043] ---\n"
    "VISIT\n";

static const char ACTORS[] =
    "ARNOR_ [ARN]\n"
    "ARNORIAN_ [ARN]\n"
    "GONDOR_ [GON]\n"
    "ROHAN_ [ROH]\n"
    "ARAGORN_\n"
    "+KING_ELESSAR\n"
    "\t[ARNREB 19900101-20001231]\n"
    "\t[ARNGOV >20010101]\n"
    "\t[ARN]\n"
    "FARAMIR_\n"
    "\t[GONGOV >20010101]\n";

static const char AGENTS[] =
    "POLICE {} [~COP]\n"
    "REBEL [~REB]\n"
    "GOVERNMENT [~GOV]\n"
    "SOLDIER [~MIL]\n";

static const char DISCARDS[] =
    "FOOTBALL\n"
    "+TYPHOON\n";

/* ---- fixture -------------------------------------------------------------- */

static const fx_dicts DICTS = {VERBS, ACTORS, AGENTS, DISCARDS, NULL};

/* dyad's default options */
static int setup(void **state)
{
    return fx_setup(state, &DICTS, "linear");
}

static void set_opt(fx *f, const char *option, const char *value)
{
    assert_int_equal(dyad_code_opts_set(&f->o, option, value), 0);
}

/* Codes one sentence with the current options. text may be NULL. */
static const dyad_coded_list *code(fx *f, const char *ptb, const char *text, const char *date)
{
    return code_tree(f, ptb, text, date);
}

static void expect_span(const dyad_coded *e, int s0, int s1, int t0, int t1, int v0, int v1)
{
    assert_non_null(e);
    assert_int_equal(e->src_tok0, s0);
    assert_int_equal(e->src_tok1, s1);
    assert_int_equal(e->tgt_tok0, t0);
    assert_int_equal(e->tgt_tok1, t1);
    assert_int_equal(e->verb_tok0, v0);
    assert_int_equal(e->verb_tok1, v1);
}

#define DATE "20150615"

/* ---- tests ------------------------------------------------------------------ */

/* Subject before the verb is the source, the object in the verb phrase the target. */
static void simple_svo(void **state)
{
    fx *f = *state;
    const dyad_coded_list *l =
        code(f, "(ROOT (S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NNP Gondor))) (. .)))",
             "Arnor attacked Gondor.", DATE);
    expect(l, "ARN GON 190");
    /* tokens: 0 Arnor, 1 attacked, 2 Gondor, 3 . */
    expect_span(find(l, "ARN", "GON", "190"), 0, 0, 2, 2, 1, 1);
    assert_int_equal(l->discard, 0);

    /* a second verb of the same block */
    l = code(f, "(ROOT (S (NP (NNP Gondor)) (VP (VBD bombed) (NP (NNP Rohan))) (. .)))", NULL,
             DATE);
    expect(l, "GON ROH 190");
}

/* An actor and the agents in its noun phrase make one code: actor + agent
 * ("Israeli police" -> ISRCOP); an agent without an actor gets "---". */
static void agent_composition(void **state)
{
    fx *f = *state;
    const dyad_coded_list *l = code(f,
        "(ROOT (S (NP (JJ Arnorian) (NNS police)) (VP (VBD arrested) "
        "(NP (NNP Gondor) (NNS rebels))) (. .)))",
        "Arnorian police arrested Gondor rebels.", DATE);
    expect(l, "ARNCOP GONREB 173");
    /* 0 Arnorian 1 police 2 arrested 3 Gondor 4 rebels */
    expect_span(find(l, "ARNCOP", "GONREB", "173"), 0, 1, 3, 4, 2, 2);

    /* agent only: PETRARCH-1 writes "---" for the missing actor, and
     * require_dyad only drops a bare "---" */
    l = code(f,
        "(ROOT (S (NP (DT The) (NN government)) (VP (VBD arrested) "
        "(NP (NNP Gondor) (NNS soldiers))) (. .)))", NULL, DATE);
    expect(l, "---GOV GONMIL 173");
}

/* Dated codes: the first date restriction that holds, else the undated code. */
static void dated_actor_codes(void **state)
{
    fx *f = *state;
    const char *tree =
        "(ROOT (S (NP (NNP Aragorn)) (VP (VBD criticized) (NP (NNP Gondor))) (. .)))";
    expect(code(f, tree, NULL, "19950101"), "ARNREB GON 111");
    expect(code(f, tree, NULL, "20001231"), "ARNREB GON 111"); /* range is inclusive */
    expect(code(f, tree, NULL, "20010101"), "ARNGOV GON 111");
    expect(code(f, tree, NULL, "2016-03-01"), "ARNGOV GON 111");
    expect(code(f, tree, NULL, "19850101"), "ARN GON 111");
    /* a synonym line shares the entry's codes */
    expect(code(f,
                "(ROOT (S (NP (NNP King) (NNP Elessar)) (VP (VBD criticized) "
                "(NP (NNP Gondor))) (. .)))", NULL, "19950101"),
           "ARNREB GON 111");
    /* only dated codes and none applies: "---", which require_dyad drops */
    const char *faramir =
        "(ROOT (S (NP (NNP Faramir)) (VP (VBD criticized) (NP (NNP Arnor))) (. .)))";
    expect(code(f, faramir, NULL, "20050101"), "GONGOV ARN 111");
    expect(code(f, faramir, NULL, "19950101"), "");
    set_opt(f, "require_dyad", "false");
    expect(code(f, faramir, NULL, "19950101"), "--- ARN 111");
}

/* A matching pattern's code replaces the verb's default code. */
static void pattern_beats_default(void **state)
{
    fx *f = *state;
    expect(code(f,
                "(ROOT (S (NP (NNP Arnor)) (VP (VBD sent) (NP (NNS envoys)) "
                "(PP (TO to) (NP (NNP Gondor)))) (. .)))", NULL, DATE),
           "ARN GON 070");
    expect(code(f,
                "(ROOT (S (NP (NNP Arnor)) (VP (VBD sent) (NP (NN aid)) "
                "(PP (TO to) (NP (NNP Gondor)))) (. .)))", NULL, DATE),
           "ARN GON 073");
}

/* '_' joins words that must be adjacent: MILITARY_AID does not match
 * "military medical aid", so the shorter "* AID" applies. */
static void underscore_adjacency(void **state)
{
    fx *f = *state;
    const dyad_coded_list *l = code(f,
        "(ROOT (S (NP (NNP Arnor)) (VP (VBD sent) (NP (JJ military) (JJ medical) (NN aid)) "
        "(PP (TO to) (NP (NNP Gondor)))) (. .)))", NULL, DATE);
    expect(l, "ARN GON 073");
    /* a blank lets words come between: ECONOMIC ASSISTANCE matches
     * "economic development assistance" */
    l = code(f,
        "(ROOT (S (NP (NNP Arnor)) (VP (VBD sent) (NP (JJ economic) (NN development) "
        "(NN assistance)) (PP (TO to) (NP (NNP Gondor)))) (. .)))", NULL, DATE);
    expect(l, "ARN GON 071");
}

/* Several patterns match "military aid": the longest (MILITARY_AID, listed
 * after "* AID") wins. */
static void longest_pattern_wins(void **state)
{
    fx *f = *state;
    expect(code(f,
                "(ROOT (S (NP (NNP Arnor)) (VP (VBD sent) (NP (JJ military) (NN aid)) "
                "(PP (TO to) (NP (NNP Gondor)))) (. .)))", NULL, DATE),
           "ARN GON 072");
}

/* [042:043]: "X visited Y" is also "Y received X". */
static void paired_code(void **state)
{
    fx *f = *state;
    const dyad_coded_list *l =
        code(f, "(ROOT (S (NP (NNP Arnor)) (VP (VBD visited) (NP (NNP Gondor))) (. .)))", NULL,
             DATE);
    expect(l, "ARN GON 042; GON ARN 043");
    expect_span(find(l, "GON", "ARN", "043"), 2, 2, 0, 0, 1, 1);
}

/* "X was attacked by Y": Y is the source. */
static void passive_by(void **state)
{
    fx *f = *state;
    const dyad_coded_list *l = code(f,
        "(ROOT (S (NP (NNP Gondor)) (VP (VBD was) (VP (VBN attacked) "
        "(PP (IN by) (NP (NNP Arnor))))) (. .)))", "Gondor was attacked by Arnor.", DATE);
    expect(l, "ARN GON 190");
    /* 0 Gondor 1 was 2 attacked 3 by 4 Arnor */
    expect_span(find(l, "ARN", "GON", "190"), 4, 4, 0, 0, 2, 2);
}

/* "X and Y attacked Z": one event per member of the compound. */
static void compound_subject(void **state)
{
    fx *f = *state;
    const dyad_coded_list *l = code(f,
        "(ROOT (S (NP (NNP Arnor) (CC and) (NNP Gondor)) (VP (VBD attacked) "
        "(NP (NNP Rohan))) (. .)))", NULL, DATE);
    expect(l, "ARN ROH 190; GON ROH 190");
    expect_span(find(l, "ARN", "ROH", "190"), 0, 0, 4, 4, 3, 3);
    expect_span(find(l, "GON", "ROH", "190"), 2, 2, 4, 4, 3, 3);
}

/* "X criticized Y , Z attacked Y , an official said": the internal clause
 * "Rohan attacked Gondor" (3 words, within comma_min..comma_max) is removed with
 * its verb, so only the main clause codes; the terminal clause "an official
 * said" (comma_emin..comma_emax) goes too. With comma_max 0 the internal
 * clause stays and codes (its subject is cut at the comma before it). */
static void comma_clause_removed(void **state)
{
    fx *f = *state;
    const char *tree =
        "(ROOT (S (S (NP (NNP Arnor)) (VP (VBD criticized) (NP (NNP Gondor)))) (, ,) "
        "(S (NP (NNP Rohan)) (VP (VBD attacked) (NP (NNP Gondor)))) (, ,) "
        "(S (NP (DT an) (NN official)) (VP (VBD said))) (. .)))";
    const char *text = "Arnor criticized Gondor, Rohan attacked Gondor, an official said.";
    expect(code(f, tree, text, DATE), "ARN GON 111");
    set_opt(f, "comma_max", "0");
    expect(code(f, tree, text, DATE), "ARN GON 111; ROH GON 190");
}

/* require_dyad: "Arnor attacked the village" has no coded target. */
static void require_dyad(void **state)
{
    fx *f = *state;
    const char *tree =
        "(ROOT (S (NP (NNP Arnor)) (VP (VBD attacked) (NP (DT the) (NN village))) (. .)))";
    expect(code(f, tree, NULL, DATE), "");
    set_opt(f, "require_dyad", "False");
    const dyad_coded_list *l = code(f, tree, NULL, DATE);
    expect(l, "ARN --- 190");
    expect_span(find(l, "ARN", "---", "190"), 0, 0, 2, 3, 1, 1);
    set_opt(f, "require_dyad", "True");
    expect(code(f, tree, NULL, DATE), "");
}

/* A discard phrase in the text drops the sentence (1) or the story ('+', 2). */
static void sentence_discard(void **state)
{
    fx *f = *state;
    const char *tree =
        "(ROOT (S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NNP Gondor)) (PP (IN after) "
        "(NP (DT the) (NN football) (NN match)))) (. .)))";
    const dyad_coded_list *l =
        code(f, tree, "Arnor attacked Gondor after the football match.", DATE);
    expect(l, "");
    assert_int_equal(l->discard, 1);
    assert_string_equal(l->discard_phrase, "FOOTBALL");
    /* the last word of a discard is a stem: FOOTBALLERS matches FOOTBALL */
    l = code(f, tree, "Arnor attacked Gondor after the footballers match.", DATE);
    assert_int_equal(l->discard, 1);
    l = code(f, tree, "Arnor attacked Gondor after the typhoon match.", DATE);
    assert_int_equal(l->discard, 2);
    expect(l, "");
    /* without a discard word the same tree codes */
    l = code(f, tree, "Arnor attacked Gondor after the rugby match.", DATE);
    assert_int_equal(l->discard, 0);
    expect(l, "ARN GON 190");
}

/* ---- dyad_code_petrxml --------------------------------------------------- */

static void expect_spans(const dyad_event *e, int s0, int s1, int t0, int t1, int v0, int v1)
{
    assert_int_equal(e->source_span.start, s0);
    assert_int_equal(e->source_span.end, s1);
    assert_int_equal(e->target_span.start, t0);
    assert_int_equal(e->target_span.end, t1);
    assert_int_equal(e->verb_span.start, v0);
    assert_int_equal(e->verb_span.end, v1);
}

/* Two records of one article in a temporary XML file, coded through the public
 * API: the callback gets article, sentence, date, text and character spans of
 * the source, target and verb words. */
static void petrxml_events(void **state)
{
    fx *f = *state;
    static const char xml[] =
        "<Sentences>\n"
        "<Sentence date=\"20150102\" id=\"ART1_1\" sentence=\"true\">\n"
        "<Text>\n  Arnorian police arrested Gondor rebels on Monday.\n</Text>\n"
        "<Parse>\n(ROOT (S (NP (JJ Arnorian) (NNS police)) (VP (VBD arrested)\n"
        "  (NP (NNP Gondor) (NNS rebels)) (PP (IN on) (NP (NNP Monday)))) (. .)))\n</Parse>\n"
        "</Sentence>\n"
        "<Sentence date=\"20150102\" id=\"ART1_2\" sentence=\"true\">\n"
        "<Text>Arnor visited Gondor.</Text>\n"
        "<Parse>(ROOT (S (NP (NNP Arnor)) (VP (VBD visited) (NP (NNP Gondor))) (. .)))</Parse>\n"
        "</Sentence>\n"
        "</Sentences>\n";
    char path[] = "/tmp/dyad_coder_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    ssize_t w = write(fd, xml, sizeof xml - 1);
    close(fd);
    new_coder(f);
    seen s = {0};
    dyad_run_stats st = {0};
    dyad_diag quiet = {0};
    int rc = dyad_code_petrxml(&st, f->c, path, NULL, on_event, &s, &quiet);
    seen s2 = {0};
    dyad_run_stats st2 = {0};
    int rc2 = dyad_code_petrxml(&st2, f->c, path, "2016-03-01", on_event, &s2, &quiet);
    unlink(path);
    assert_int_equal(w, (ssize_t)(sizeof xml - 1));
    assert_int_equal(rc, 0);
    assert_int_equal(st.records, 2);
    assert_int_equal(st.sentences_coded, 2);
    assert_int_equal(st.events, 3);
    assert_int_equal(st.input_errors, 0);
    assert_int_equal(quiet.errors + quiet.warnings, 0);
    assert_int_equal(s.n, 3);
    /* "Arnorian police arrested Gondor rebels on Monday."
     *  0        9      16       25     32     39 42     49 */
    assert_string_equal(s.line[0], "ART1|ART1_1|20150102|ARNCOP GONREB 173|Arnorian police|"
                                   "Gondor rebels|arrested|"
                                   "Arnorian police arrested Gondor rebels on Monday.");
    expect_spans(&s.ev[0], 0, 15, 25, 38, 16, 24);
    /* "Arnor visited Gondor." 0 Arnor 6 visited 14 Gondor 20 . */
    assert_string_equal(s.line[1], "ART1|ART1_2|20150102|ARN GON 042|Arnor|Gondor|visited|"
                                   "Arnor visited Gondor.");
    expect_spans(&s.ev[1], 0, 5, 14, 20, 6, 13);
    assert_string_equal(s.line[2], "ART1|ART1_2|20150102|GON ARN 043|Gondor|Arnor|visited|"
                                   "Arnor visited Gondor.");
    expect_spans(&s.ev[2], 14, 20, 0, 5, 6, 13);
    assert_string_equal(s.ev[1].plover, "CONSULT");
    assert_int_equal(s.ev[1].quad_class, 1);
    /* a date given to the run replaces the records' own */
    assert_int_equal(rc2, 0);
    assert_int_equal(s2.n, 3);
    assert_non_null(strstr(s2.line[0], "|2016-03-01|"));
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, fx_teardown)
    const struct CMUnitTest tests[] = {
        T(simple_svo),
        T(agent_composition),
        T(dated_actor_codes),
        T(pattern_beats_default),
        T(underscore_adjacency),
        T(longest_pattern_wins),
        T(paired_code),
        T(passive_by),
        T(compound_subject),
        T(comma_clause_removed),
        T(require_dyad),
        T(sentence_discard),
        T(petrxml_events),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
