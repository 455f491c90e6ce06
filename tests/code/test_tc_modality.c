/* test_tc_modality.c: dyad's defaults of the tree coder beyond PETRARCH-2 on
 * hand-written trees: one-sided events (the missing side ""), the modality of
 * the verb group (future and intent codes, hypothetical and negated events
 * dropped, attempted and claimed ones marked), and reciprocal and compound
 * actors. Every expectation was worked out by hand from the rules in
 * tcoder.c / tc_vp.c and the CAMEO codebook, not copied from the output. */
#include "coder_fixture.h"
#include "code/tcoder.h"

/* PETRARCH-2 format (a "(PP)" pattern), so that the tree coder is chosen. */
static const char VERBS[] = "---  ATTACK   [190]  ---\n"
                            "ATTACK {ATTACKS ATTACKED ATTACKING}\n"
                            "KILL {KILLS KILLED KILLING}\n"
                            "WOUND {WOUNDS WOUNDED WOUNDING}\n"
                            "\n"
                            "---  CLASH   [190]  ---\n"
                            "CLASH {CLASHES CLASHED CLASHING}\n"
                            "\n"
                            "---  MEET   [040]  ---\n"
                            "MEET {MEETS MET MEETING}\n"
                            "- * (WITH +)                   [040]\n"
                            "\n"
                            "---  COOPERATE   [060]  ---\n"
                            "COOPERATE\n"
                            "\n"
                            "---  PROTEST   [141]  ---\n"
                            "PROTEST {PROTESTS PROTESTED PROTESTING}\n"
                            "\n"
                            "---  CONDEMN   [111]  ---\n"
                            "CONDEMN {CONDEMNS CONDEMNED CONDEMNING}\n"
                            "\n"
                            "---  RELEASE   [0841]  ---\n"
                            "RELEASE {RELEASES RELEASED RELEASING}\n";

static const char ACTORS[] = "ARNOR_ [ARN]\n"
                             "GONDOR_ [GON]\n"
                             "ROHAN_ [ROH]\n";

static const char AGENTS[] = "REBEL [~REB]\n"
                             "SOLDIER [~MIL]\n"
                             "PROTESTER [~OPP]\n";

static const fx_dicts DICTS = {VERBS, ACTORS, AGENTS, NULL, NULL};

/* dyad's default options */
static int setup(void **state)
{
    return fx_setup(state, &DICTS, "tree");
}

static const dyad_coded_list *code(fx *f, const char *ptb)
{
    return code_tree(f, ptb, NULL, "20150615");
}

#define S(np, vp) "(ROOT (S " np " " vp " (. .)))"
#define ARN "(NP (NNP Arnor))"
#define GON "(NP (NNP Gondor))"

/* Violence, protest and agentless passives stand with one side; a verbal act
 * (condemn) needs its target. */
static void one_sided_families(void **state)
{
    fx *f = *state;
    expect(code(f, S("(NP (NNP Arnor) (NNS soldiers))",
                     "(VP (VBD were) (VP (VBN killed)))")),
           "- ARNMIL 190 asserted");
    expect(code(f, S("(NP (NNP Arnor) (NNS protesters))", "(VP (VBD protested))")),
           "ARNOPP - 141 asserted");
    expect(code(f, S("(NP (NNP Arnor) (NNS rebels))",
                     "(VP (VBD attacked) (NP (DT the) (NN village)))")),
           "ARNREB - 190 asserted");
    expect(code(f, S(ARN, "(VP (VBD condemned) (NP (DT the) (NN decision)))")), "");
    /* a headline's passive without "be": "Arnor soldiers killed" */
    expect(code(f, S("(NP (NNP Arnor) (NNS soldiers))", "(VP (VBN killed))")),
           "- ARNMIL 190 asserted");
}

/* A one-sided event that an event with both sides of the sentence already
 * tells (same source, same CAMEO root) is dropped: "Arnor killed Gondor
 * soldiers and wounded 16" is one event, not also "Arnor -> nobody". */
static void one_sided_told_by_dyad(void **state)
{
    fx *f = *state;
    expect(code(f, S(ARN, "(VP (VP (VBD killed) (NP (NNP Gondor) (NNS soldiers))) (CC and) "
                          "(VP (VBD wounded) (NP (CD 16))))")),
           "ARN GONMIL 190 asserted");
    /* alone, the wounding is coded */
    expect(code(f, S(ARN, "(VP (VBD wounded) (NP (CD 16)))")), "ARN - 190 asserted");
}

/* --require-dyad (PETRARCH's behaviour): both sides or nothing; PETRARCH's
 * own option require_dyad = false writes the missing side "---" for any code. */
static void require_dyad_options(void **state)
{
    fx *f = *state;
    const char *killed = S("(NP (NNP Arnor) (NNS soldiers))", "(VP (VBD were) (VP (VBN killed)))");
    const char *condemned = S(ARN, "(VP (VBD condemned) (NP (DT the) (NN decision)))");
    assert_int_equal(dyad_code_opts_set(&f->o, "require_dyad", "true"), 0);
    expect(code(f, killed), "");
    assert_int_equal(dyad_code_opts_set(&f->o, "require_dyad", "false"), 0);
    expect(code(f, killed), "--- ARNMIL 190 asserted");
    expect(code(f, condemned), "ARN --- 111 asserted");
    /* dyad's one-sided events again */
    assert_int_equal(dyad_code_opts_set(&f->o, "one_sided", "true"), 0);
    expect(code(f, condemned), "");
    assert_int_not_equal(dyad_code_opts_set(&f->o, "one_sided", "maybe"), 0);
}

/* Modals: "will" is future, and a meeting announced is CAMEO's 036 (coded
 * both ways, a meeting); "would" is hypothetical: dropped unless kept. */
static void modals(void **state)
{
    fx *f = *state;
    expect(code(f, S(ARN, "(VP (MD will) (VP (VB meet) " GON "))")),
           "ARN GON 036 future; GON ARN 036 future");
    expect(code(f, S(ARN, "(VP (MD will) (VP (VB attack) " GON "))")), "ARN GON 138 future");
    /* 0841 release -> 0353 intent to release */
    expect(code(f, S(ARN, "(VP (MD will) (VP (VB release) (NP (NNP Gondor) (NNS rebels))))")),
           "ARN GONREB 0353 future");
    const char *would = S(ARN, "(VP (MD would) (VP (VB attack) " GON "))");
    expect(code(f, would), "");
    assert_int_equal(dyad_code_opts_set(&f->o, "keep_hypothetical", "true"), 0);
    expect(code(f, would), "ARN GON 190 hypothetical");
}

/* The verb over a "to" clause: intent (13x for violence), attempted; an "if"
 * clause is hypothetical; "is set to" future. */
static void to_clauses(void **state)
{
    fx *f = *state;
    expect(code(f, S(ARN, "(VP (VBZ wants) (S (VP (TO to) (VP (VB attack) " GON "))))")),
           "ARN GON 138 intent");
    expect(code(f, S(ARN, "(VP (VBD vowed) (S (VP (TO to) (VP (VB attack) " GON "))))")),
           "ARN GON 138 intent");
    expect(code(f, S(ARN, "(VP (VBD tried) (S (VP (TO to) (VP (VB attack) " GON "))))")),
           "ARN GON 190 attempted");
    expect(code(f, S(ARN, "(VP (VBZ is) (VP (VBN set) (S (VP (TO to) (VP (VB meet) " GON
                          ")))))")),
           "ARN GON 036 future; GON ARN 036 future");
    expect(code(f, "(ROOT (S (SBAR (IN If) (S " ARN " (VP (VBZ attacks) " GON "))) (, ,) "
                   "(NP (NNP Rohan)) (VP (VBZ protests)) (. .)))"),
           "ROH - 141 asserted");
    /* a headline: "Arnor to meet Gondor" */
    expect(code(f, S(ARN, "(VP (TO to) (VP (VB meet) " GON "))")),
           "ARN GON 036 future; GON ARN 036 future");
}

/* Negation: "never" and "refused to" drop the event; "did not" stays the
 * dictionary's reversal (060 cooperate -> 121 reject cooperation). */
static void negation(void **state)
{
    fx *f = *state;
    expect(code(f, S(ARN, "(ADVP (RB never)) (VP (VBD attacked) " GON ")")), "");
    expect(code(f, S(ARN, "(VP (VBD refused) (S (VP (TO to) (VP (VB attack) " GON "))))")),
           "");
    expect(code(f, S(ARN, "(VP (VBD did) (RB not) (VP (VB cooperate) (PP (IN with) " GON ")))")),
           "ARN GON 121 asserted");
}

/* "allegedly" and "accused X of" mark a claim. */
static void claimed(void **state)
{
    fx *f = *state;
    expect(code(f, S(ARN, "(ADVP (RB allegedly)) (VP (VBD attacked) " GON ")")),
           "ARN GON 190 claimed");
}

/* "X and Y clashed" and "X met with Y" are coded both ways; "X attacked Y"
 * one way; a compound source of a targeted act gives one event per member. */
static void reciprocal_and_compound(void **state)
{
    fx *f = *state;
    expect(code(f, S("(NP (NNP Arnor) (CC and) (NNP Gondor))", "(VP (VBD clashed))")),
           "ARN GON 190 asserted; GON ARN 190 asserted");
    expect(code(f, S(ARN, "(VP (VBD clashed) (PP (IN with) " GON "))")),
           "ARN GON 190 asserted; GON ARN 190 asserted");
    expect(code(f, S(ARN, "(VP (VBD met) (PP (IN with) " GON "))")),
           "ARN GON 040 asserted; GON ARN 040 asserted");
    expect(code(f, S(ARN, "(VP (VBD attacked) " GON ")")), "ARN GON 190 asserted");
    expect(code(f, S("(NP (NNP Arnor) (CC and) (NNP Gondor))",
                     "(VP (VBD condemned) (NP (NNP Rohan)))")),
           "ARN ROH 111 asserted; GON ROH 111 asserted");
}

/* The JSON record carries the modality. */
static void json_modality(void **state)
{
    (void)state;
    dyad_event e = {.article = "a", .sentence = "s", .date = "", .source = "", .target = "GON",
                    .cameo = "190", .plover = "ASSAULT", .text = "t", .issues = "",
                    .source_text = "", .target_text = "", .verb_text = "",
                    .modality = "attempted"};
    e.source_span.start = e.target_span.start = e.verb_span.start = -1;
    e.source_span.end = e.target_span.end = e.verb_span.end = -1;
    e.date_span.start = e.date_span.end = -1;
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    assert_non_null(m);
    assert_int_equal(dyad_event_write_json(m, &e), 0);
    fclose(m);
    assert_non_null(strstr(buf, "\"source\":\"\""));
    assert_non_null(strstr(buf, "\"modality\":\"attempted\""));
    free(buf);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, fx_teardown)
    const struct CMUnitTest tests[] = {
        T(one_sided_families), T(one_sided_told_by_dyad), T(require_dyad_options), T(modals),  T(to_clauses),
        T(negation),           T(claimed),              T(reciprocal_and_compound),
        cmocka_unit_test(json_modality),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
