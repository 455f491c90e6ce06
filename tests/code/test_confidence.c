/* test_confidence.c: the confidence of coded events (src/code/confidence.h):
 * always in [0, 1], whatever the evidence; the evidence the tree coder
 * records for each event (its basis: pattern words, clause depth, origin);
 * the features read from how the actors were resolved and the modality; and
 * the order the fitted model must give: a two-sided asserted event between
 * dictionary actors on a full parse is more likely right than a one-sided
 * agentless passive of an agent word on a partial parse. The expected bases
 * were worked out by hand from the trees and the dictionary below. */
#include "testutil.h"
#include "code/coder.h"
#include "code/confidence.h"
#include "code/event.h"
#include "code/tcoder.h"
#include "dict/dict.h"
#include "parse/tree.h"

#include <dyad.h>

/* PETRARCH-2 format (a "(PP)" pattern), so that the tree coder is chosen. */
static const char *VERBS = "---  ATTACK   [190]  ---\n"
                           "ATTACK {ATTACKS ATTACKED ATTACKING}\n"
                           "KILL {KILLS KILLED KILLING}\n"
                           "\n"
                           "---  TAKE   [---]  ---\n"
                           "TAKE {TAKES TOOK TAKEN TAKING}\n"
                           "- * (TO COURT)                 [115]\n"
                           "\n"
                           "---  SAY   [010]  ---\n"
                           "SAY {SAYS SAID SAYING}\n"
                           "\n"
                           "---  CONDEMN   [111]  ---\n"
                           "CONDEMN {CONDEMNS CONDEMNED CONDEMNING}\n";

static const char *ACTORS = "ARNOR_ [ARN]\n"
                            "GONDOR_ [GON]\n"
                            "ROHAN_ [ROH]\n";

static const char *AGENTS = "SOLDIER [~MIL]\n";

typedef struct fx {
    dyad_dict *d;
    dyad_coder *c;
    dyad_arena *a;
    dyad_event ev[8];
    int n;
} fx;

static int setup(void **state)
{
    fx *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    dyad_dict_text act = {"t.actors", ACTORS, strlen(ACTORS)};
    dyad_dict_mem m = {{"t.verbs", VERBS, strlen(VERBS)}, &act, 1,
                       {"t.agents", AGENTS, strlen(AGENTS)}, {NULL, NULL, 0}, {NULL, NULL, 0}};
    dyad_diag quiet = {0};
    dyad_code_opts o;
    dyad_code_opts_default(&o);
    if (dyad_dict_load_mem(&f->d, &m, &quiet) || quiet.errors ||
        dyad_coder_new(&f->c, f->d, &o)) {
        fprintf(stderr, "setup failed: %s\n", dyad_last_error());
        dyad_coder_free(f->c);
        dyad_dict_free(f->d);
        free(f);
        return -1;
    }
    f->a = dyad_arena_new();
    *state = f;
    return f->a ? 0 : -1;
}

static int teardown(void **state)
{
    fx *f = *state;
    dyad_coder_free(f->c);
    dyad_dict_free(f->d);
    dyad_arena_free(f->a);
    free(f);
    return 0;
}

/* Codes the sentence text (tree ptb) as the pipeline does, the parse full or
 * partial; the events go to f->ev[0..f->n). */
static void code(fx *f, const char *ptb, const char *text, int partial)
{
    dyad_arena_reset(f->a);
    dyad_tree *t = NULL;
    dyad_diag quiet = {0};
    assert_int_equal(dyad_ptb_parse(&t, f->a, ptb, strlen(ptb), &quiet, "test", 1), 0);
    dyad_tree_align(t, f->a, text);
    dyad_coded_list l;
    assert_int_equal(dyad_code_tree(&l, f->c, t, text, "20150615", f->a), 0);
    assert_true(l.n <= 8);
    dyad_sentence_meta m = {"a", "a_1", "20150615", text, partial};
    assert_int_equal(dyad_events_fill(f->ev, &l, t, &m, f->a), 0);
    f->n = l.n;
}

/* The event from src to tgt ("" = none) with code, or fail. */
static const dyad_event *find(fx *f, const char *src, const char *tgt, const char *cameo)
{
    for (int i = 0; i < f->n; i++)
        if (!strcmp(f->ev[i].source, src) && !strcmp(f->ev[i].target, tgt) &&
            !strcmp(f->ev[i].cameo, cameo))
            return &f->ev[i];
    for (int i = 0; i < f->n; i++)
        print_error("  got '%s' '%s' %s\n", f->ev[i].source, f->ev[i].target, f->ev[i].cameo);
    fail_msg("no event '%s' '%s' %s", src, tgt, cameo);
    return NULL;
}

/* Whatever the basis, actors and modality, the confidence is in [0, 1]. */
static void always_in_range(void **state)
{
    (void)state;
    static const int pw[] = {-1, 0, 1, 3, 100, -1000};
    static const int tok[] = {0, 1, 20, 60, 100000, -5};
    static const char *const act[] = {"", "---", "---COP", "ARN", "ARNMIL", NULL};
    static const char *const from[] = {NULL, "", "phrase", "sentence", "article", "dateline"};
    static const char *const mod[] = {NULL, "asserted", "future", "intent", "claimed",
                                      "attempted", "hypothetical", "negated"};
    long n = 0;
    for (int p = 0; p < 2; p++)
        for (int o = 0; o < 3; o++)
            for (size_t w = 0; w < sizeof pw / sizeof *pw; w++)
                for (size_t k = 0; k < sizeof tok / sizeof *tok; k++)
                    for (size_t s = 0; s < sizeof act / sizeof *act; s++)
                        for (size_t fr = 0; fr < sizeof from / sizeof *from; fr++)
                            for (size_t m = 0; m < sizeof mod / sizeof *mod; m++) {
                                dyad_event e;
                                memset(&e, 0, sizeof e);
                                e.basis = (dyad_event_basis){p, o, pw[w], (int)k, tok[k]};
                                e.source = act[s];
                                e.target = act[(s + 1) % (sizeof act / sizeof *act)];
                                e.source_country_from = from[fr];
                                e.target_country_from = from[(fr + 2) % 6];
                                e.modality = mod[m];
                                double c = dyad_confidence_of(&e);
                                assert_true(c >= 0.0 && c <= 1.0);
                                double x[DYAD_CONF_NFEAT];
                                dyad_confidence_features(&e, x);
                                assert_true(x[0] == 1.0);
                                for (int i = 1; i < DYAD_CONF_NFEAT; i++)
                                    assert_true(x[i] >= 0.0 && x[i] <= 2.0);
                                n++;
                            }
    assert_true(n > 10000);
}

/* What the coder records: "took Gondor to court" matched the pattern
 * "- * (TO COURT)" (two words besides the verb); "condemned" matched none (-1); a verb in a
 * clause under "said" is one clause down. */
static void basis_from_the_coder(void **state)
{
    fx *f = *state;
    code(f, "(ROOT (S (NP (NNP Arnor)) (VP (VBD took) (NP (NNP Gondor)) (PP (TO to) (NP (NN "
            "court)))) (. .)))",
         "Arnor took Gondor to court .", 0);
    const dyad_event *e = find(f, "ARN", "GON", "115");
    assert_int_equal(e->basis.pattern_words, 2);
    assert_int_equal(e->basis.clause_depth, 0);
    assert_int_equal(e->basis.origin, 0);
    assert_int_equal(e->basis.partial_parse, 0);
    assert_int_equal(e->basis.tokens, 6);
    assert_true(e->confidence > 0.0 && e->confidence < 1.0);

    code(f, "(ROOT (S (NP (NNP Arnor)) (VP (VBD condemned) (NP (NNP Gondor))) (. .)))",
         "Arnor condemned Gondor .", 1);
    e = find(f, "ARN", "GON", "111");
    assert_int_equal(e->basis.pattern_words, -1);
    assert_int_equal(e->basis.clause_depth, 0);
    assert_int_equal(e->basis.partial_parse, 1);

    code(f, "(ROOT (S (NP (NNP Rohan)) (VP (VBD said) (SBAR (S (NP (NNP Arnor)) (VP (VBD "
            "attacked) (NP (NNP Gondor)))))) (. .)))",
         "Rohan said Arnor attacked Gondor .", 0);
    e = find(f, "ARN", "GON", "190");
    assert_int_equal(e->basis.clause_depth, 1);
}

/* The features read from the actors and the modality. */
static void features_of_actors(void **state)
{
    (void)state;
    dyad_event e;
    memset(&e, 0, sizeof e);
    e.source = "ARNMIL";
    e.target = "GONCOP";
    e.source_country_from = "phrase";
    e.target_country_from = "sentence"; /* "police" placed by "in Minas Tirith" */
    e.modality = "future";
    e.basis.tokens = 40;
    double x[DYAD_CONF_NFEAT];
    dyad_confidence_features(&e, x);
    assert_true(x[7] == 0.0);  /* both sides */
    assert_true(x[8] == 0.0);  /* no agent left without a country */
    assert_true(x[9] == 1.0);  /* one country from elsewhere */
    assert_true(x[10] == 1.0); /* future */
    assert_true(x[11] == 0.0);
    assert_true(x[12] == 0.5); /* 20 words over 20, of 40 */
    e.source = "";
    e.target = "---MIL";
    e.target_country_from = "";
    e.modality = "claimed";
    dyad_confidence_features(&e, x);
    assert_true(x[7] == 1.0 && x[8] == 1.0 && x[9] == 0.0 && x[10] == 0.0 && x[11] == 1.0);
    assert_string_equal(dyad_confidence_names[0], "const");
}

/* "Arnor attacked Gondor" on a full parse outranks "Soldiers were killed"
 * (no source, an agent word without a country) on a partial parse. */
static void strong_beats_weak(void **state)
{
    fx *f = *state;
    code(f, "(ROOT (S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NNP Gondor))) (. .)))",
         "Arnor attacked Gondor .", 0);
    const dyad_event *e = find(f, "ARN", "GON", "190");
    assert_string_equal(e->modality, "asserted");
    double strong = e->confidence;
    code(f, "(ROOT (S (NP (NNS Soldiers)) (VP (VBD were) (VP (VBN killed))) (. .)))",
         "Soldiers were killed .", 1);
    e = find(f, "", "---MIL", "190");
    assert_string_equal(e->modality, "asserted");
    double weak = e->confidence;
    print_message("confidence: strong %.3f, weak %.3f\n", strong, weak);
    assert_true(strong > weak);
    assert_true(strong >= 0.0 && strong <= 1.0 && weak >= 0.0 && weak <= 1.0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(always_in_range),
        cmocka_unit_test(basis_from_the_coder),
        cmocka_unit_test(features_of_actors),
        cmocka_unit_test(strong_beats_weak),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
