/* test_tc_clauses.c: the tree coder's events written as nouns (tc_nouns.c,
 * the event noun dictionary of dict_nouns.c) and its clauses (reporting
 * frames, coordinated verb phrases, complement clauses), on hand-written trees.
 *
 * Every expectation was worked out by hand from the rules in tc_nouns.c and
 * tc_nested.c and the small dictionaries below, not copied from the coder. */
#include "coder_fixture.h"
#include "code/tcoder.h"

static const char VERBS[] =
    "---  SAY   [010]  ---\n"
    "SAY {SAYS SAID SAYING}\n"
    "\n"
    "---  ATTACK   [190]  ---\n"
    "ATTACK {ATTACKS ATTACKED ATTACKING}\n"
    "\n"
    "---  KIDNAP   [181]  ---\n"
    "KIDNAP {KIDNAPS KIDNAPPED KIDNAPPING}\n"
    "\n"
    "---  ACCUSE   [112]  ---\n"
    "ACCUSE {ACCUSES ACCUSED ACCUSING}\n"
    "\n"
    "######## TRANSFORMATIONS ##########\n"
    "~ a (a b ATTACK) SAY = a b 015\n"
    "~ a (b . ATTACK) SAY = a b 112\n";

static const char ACTORS[] = "ARNOR_ [ARN]\n"
                             "GONDOR_ [GON]\n"
                             "ROHAN_ [ROH]\n"
                             "ARAGORN_ [ARNGOV]\n";

static const char AGENTS[] = "POLICE [~COP]\n";

static const char NOUNS[] =
    "# test nouns\n"
    "ATTACK,ATTACKS   190  BY  ON,AGAINST\n"
    "CLASH,CLASHES    190  -   WITH,BETWEEN  mutual\n"
    "TALKS            046  -   WITH,BETWEEN  mutual\n"
    "ARREST           173  BY  OF  patient\n"
    "AIR_STRIKE       195  BY  ON\n"
    "VISIT            042  BY  TO\n"
    "PROTESTERS       141  -   AGAINST  actor\n";

static const fx_dicts DICTS = {VERBS, ACTORS, AGENTS, NULL, NOUNS};

static int setup(void **state)
{
    if (fx_setup(state, &DICTS, "tree"))
        return -1;
    fx *f = *state;
    /* dyad's own behaviour: one-sided events, modality */
    f->o.require_dyad = 0;
    f->o.one_sided = 1;
    f->o.modality = 1;
    return 0;
}

static const dyad_coded_list *code(fx *f, const char *ptb)
{
    return code_tree(f, ptb, NULL, "20150615");
}

/* ---- the noun dictionary -------------------------------------------------- */

static void noun_dictionary_format(void **state)
{
    fx *f = *state;
    /* 7 lines, AIR_STRIKE one form of two words, ATTACK,ATTACKS two forms ... */
    assert_int_equal(dyad_dict_nnouns(f->d), 9);
    const dyad_event_noun *e = NULL;
    for (int i = 0; i < dyad_dict_nnouns(f->d); i++)
        if (dyad_dict_noun(f->d, i)->nwords == 2)
            e = dyad_dict_noun(f->d, i);
    assert_non_null(e);
    assert_string_equal(e->words[0], "AIR");
    assert_string_equal(e->words[1], "STRIKE");
    assert_string_equal(e->code, "195");
    assert_int_equal(e->nsrc, 1);
    assert_string_equal(e->src_preps[0], "BY");
    assert_null(dyad_dict_noun(f->d, 9));
    assert_true(dyad_dict_noun(f->d, 8)->actor);
    assert_false(dyad_dict_noun(f->d, 8)->patient);
    /* malformed lines are warned about and skipped, the rest kept */
    static const char *bad = "ATTACK 190 BY\n"          /* a field missing */
                             "ATTACK 999 BY ON\n"       /* no such CAMEO code */
                             "ATTACK 190 BY ON oddly\n" /* unknown flag */
                             "ATTACK,,X 190 BY ON\n"    /* an empty form */
                             "ATTACK 190 BY ON mutual patient actor mutual x\n" /* 9 fields */
                             "RAID 190 BY ON\n";
    dyad_dict_text act = {"t.actors", ACTORS, strlen(ACTORS)};
    dyad_dict_mem m = {{"t.verbs", VERBS, strlen(VERBS)}, &act, 1,
                       {NULL, NULL, 0}, {NULL, NULL, 0}, {NULL, NULL, 0},
                       {"t.nouns", bad, strlen(bad)}};
    dyad_diag quiet = {0};
    dyad_dict *d = NULL;
    assert_int_equal(dyad_dict_load_mem(&d, &m, &quiet), 0);
    assert_int_equal(quiet.warnings, 5);
    assert_int_equal(dyad_dict_nnouns(d), 1);
    assert_string_equal(dyad_dict_noun(d, 0)->words[0], "RAID");
    dyad_dict_free(d);
}

/* ---- events written as nouns ---------------------------------------------- */

/* "Clashes between Arnor and Gondor erupted": each side on the other. */
static void noun_between_both_ways(void **state)
{
    fx *f = *state;
    expect(code(f, "(ROOT (S (NP (NP (NNS Clashes)) (PP (IN between) (NP (NNP Arnor) (CC and) "
                   "(NNP Gondor)))) (VP (VBD erupted)) (. .)))"),
           "ARN GON 190; GON ARN 190");
}

/* "Arnor's attack on Gondor failed": the possessive is the source. */
static void noun_possessive_source(void **state)
{
    fx *f = *state;
    expect(code(f, "(ROOT (S (NP (NP (NP (NNP Arnor) (POS 's)) (NN attack)) (PP (IN on) (NP "
                   "(NNP Gondor)))) (VP (VBD failed)) (. .)))"),
           "ARN GON 190");
    /* the compound "air strike" (not the head noun alone) */
    expect(code(f, "(ROOT (S (NP (NP (DT An) (NN air) (NN strike)) (PP (IN on) (NP (NNP Gondor)))) "
                   "(VP (VBD failed)) (. .)))"),
           "- GON 195");
}

/* "Arnor's visit to Gondor was cancelled": a noun event its clause calls
 * off did not happen; "... went ahead" did. */
static void noun_called_off(void **state)
{
    fx *f = *state;
    expect(code(f, "(ROOT (S (NP (NP (NP (NNP Arnor) (POS 's)) (NN visit)) (PP (TO to) (NP "
                   "(NNP Gondor)))) (VP (VBD was) (VP (VBN cancelled))) (. .)))"),
           "");
    expect(code(f, "(ROOT (S (NP (NP (NP (NNP Arnor) (POS 's)) (NN visit)) (PP (TO to) (NP "
                   "(NNP Gondor)))) (VP (VBD went) (ADVP (RB ahead))) (. .)))"),
           "ARN GON 042");
}

/* "Arnor held talks with Gondor": the subject of the light verb, both ways;
 * "Arnor paid a visit to Gondor" likewise one way. */
static void noun_light_verb_subject(void **state)
{
    fx *f = *state;
    expect(code(f, "(ROOT (S (NP (NNP Arnor)) (VP (VBD held) (NP (NP (NNS talks)) (PP (IN with) "
                   "(NP (NNP Gondor))))) (. .)))"),
           "ARN GON 046; GON ARN 046");
    expect(code(f, "(ROOT (S (NP (NNP Arnor)) (VP (VBD paid) (NP (DT a) (NN visit)) (PP (TO to) "
                   "(NP (NNP Gondor)))) (. .)))"),
           "ARN GON 042");
    /* not a light verb: the subject is not the one who visits */
    expect(code(f, "(ROOT (S (NP (NNP Rohan)) (VP (VBD welcomed) (NP (NP (DT the) (NN visit)) "
                   "(PP (TO to) (NP (NNP Gondor))))) (. .)))"),
           "");
}

/* A noun naming those who act: "Gondor protesters against Arnor" protest
 * (GON ARN 141); "the protesters" alone name no actor: nothing. */
static void noun_names_actors(void **state)
{
    fx *f = *state;
    expect(code(f, "(ROOT (S (NP (NP (NNP Gondor) (NNS protesters)) (PP (IN against) (NP (NNP "
                   "Arnor)))) (VP (VBD gathered)) (. .)))"),
           "GON ARN 141");
    expect(code(f, "(ROOT (S (NP (DT The) (NNS protesters)) (VP (VBD gathered)) (. .)))"), "");
    /* those acted on do not protest: "Arnor kidnapped Gondor protesters" */
    expect(code(f, "(ROOT (S (NP (NNP Arnor)) (VP (VBD kidnapped) (NP (NNP Gondor) (NNS "
                   "protesters))) (. .)))"),
           "ARN GON 181");
}

/* The light verb's group gives the subject and the modality: "Arnor did not
 * launch an attack on Gondor" is no event; "Arnor will hold talks with
 * Gondor" is an intent to meet (036), both ways. */
static void noun_light_verb_modality(void **state)
{
    fx *f = *state;
    expect(code(f, "(ROOT (S (NP (NNP Arnor)) (VP (VBD did) (RB not) (VP (VB launch) (NP (DT an) "
                   "(NN attack)) (PP (IN on) (NP (NNP Gondor))))) (. .)))"),
           "");
    const dyad_coded_list *l =
        code(f, "(ROOT (S (NP (NNP Arnor)) (VP (MD will) (VP (VB hold) (NP (NP (NNS talks)) (PP "
                "(IN with) (NP (NNP Gondor)))))) (. .)))");
    expect(l, "ARN GON 036; GON ARN 036");
    assert_string_equal(l->ev[0].modality, "future");
    /* only threatened, only called for: no event of the noun */
    expect(code(f, "(ROOT (S (NP (NNP Rohan)) (VP (VBD threatened) (NP (NP (DT an) (NN attack)) "
                   "(PP (IN on) (NP (NNP Gondor))))) (. .)))"),
           "");
    expect(code(f, "(ROOT (S (NP (NNP Rohan)) (VP (VBD called) (PP (IN for) (NP (NP (NNS talks)) "
                   "(PP (IN between) (NP (NNP Arnor) (CC and) (NNP Gondor)))))) (. .)))"),
           "");
}

/* "the arrest of Aragorn by Gondor": a patient noun, the "by" phrase inside
 * the object of "of". */
static void noun_patient_and_by(void **state)
{
    fx *f = *state;
    expect(code(f, "(ROOT (S (NP (NP (DT The) (NN arrest)) (PP (IN of) (NP (NP (NNP Aragorn)) "
                   "(PP (IN by) (NP (NNP Gondor)))))) (VP (VBD shocked) (NP (NNP Rohan))) (. .)))"),
           "GON ARNGOV 173");
}

/* A noun inside a clause that codes the same kind of event adds nothing:
 * "Arnor attacked Gondor in an attack on Gondor" is one event. */
static void noun_not_doubled(void **state)
{
    fx *f = *state;
    expect(code(f, "(ROOT (S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NNP Gondor)) (PP (IN in) "
                   "(NP (NP (DT an) (NN attack)) (PP (IN on) (NP (NNP Gondor)))))) (. .)))"),
           "ARN GON 190");
}

/* Without a noun dictionary (PETRARCH's dictionaries) no noun is coded. */
static void no_noun_dictionary(void **state)
{
    fx *f = *state;
    fx_dicts no_nouns = DICTS;
    no_nouns.nouns = NULL;
    assert_int_equal(fx_load(f, &no_nouns), 0);
    expect(code(f, "(ROOT (S (NP (NP (NNS Clashes)) (PP (IN between) (NP (NNP Arnor) (CC and) "
                   "(NNP Gondor)))) (VP (VBD erupted)) (. .)))"),
           "");
}

/* ---- clauses ----------------------------------------------------------------- */

/* "Rohan said Arnor attacked Gondor": dyad codes the act reported, not an
 * accusation by the speaker; PETRARCH's way (the transformation "a (b .
 * ATTACK) SAY = a b 112") stays for validation runs (modality off). */
static void reported_act_itself(void **state)
{
    fx *f = *state;
    static const char *T = "(ROOT (S (NP (NNP Rohan)) (VP (VBD said) (SBAR (S (NP (NNP Arnor)) "
                           "(VP (VBD attacked) (NP (NNP Gondor)))))) (. .)))";
    expect(code(f, T), "ARN GON 190");
    f->o.modality = 0;
    f->o.require_dyad = 1;
    f->o.one_sided = 0;
    expect(code(f, T), "ROH ARN 112");
}

/* "Police said Arnor kidnapped Aragorn" reports the kidnapping: ARN ARNGOV
 * 181, plain "said" keeps it asserted. */
static void reported_act_asserted(void **state)
{
    fx *f = *state;
    const dyad_coded_list *l =
        code(f, "(ROOT (S (NP (NNS Police)) (VP (VBD said) (SBAR (S (NP (NNP Arnor)) (VP (VBD "
                "kidnapped) (NP (NNP Aragorn)))))) (. .)))");
    expect(l, "ARN ARNGOV 181");
    assert_true(l->ev[0].modality == NULL || !strcmp(l->ev[0].modality, "asserted"));
}

/* "Rohan accused Arnor of attacking Gondor": besides the accusation, the act
 * it reports with the accused as subject, modality claimed. */
static void accused_act_claimed(void **state)
{
    fx *f = *state;
    const dyad_coded_list *l =
        code(f, "(ROOT (S (NP (NNP Rohan)) (VP (VBD accused) (NP (NP (NNP Arnor)) (PP (IN of) "
                "(S (VP (VBG attacking) (NP (NNP Gondor))))))) (. .)))");
    int acts = 0, accusations = 0;
    for (int i = 0; i < l->n; i++) {
        const dyad_coded *e = &l->ev[i];
        if (!strcmp(e->source, "ARN") && !strcmp(e->target, "GON") && !strcmp(e->code, "190")) {
            acts++;
            assert_non_null(e->modality);
            assert_string_equal(e->modality, "claimed");
        }
        accusations += !strcmp(e->source, "ROH") && !strcmp(e->code, "112");
    }
    assert_int_equal(acts, 1);
    assert_true(accusations >= 1);
    /* not after a verb that accuses nobody: "Rohan warned Arnor of attacking" */
    l = code(f, "(ROOT (S (NP (NNP Rohan)) (VP (VBD warned) (NP (NP (NNP Arnor)) (PP (IN of) "
                "(S (VP (VBG attacking) (NP (NNP Gondor))))))) (. .)))");
    for (int i = 0; i < l->n; i++)
        assert_false(!strcmp(l->ev[i].source, "ARN") && !strcmp(l->ev[i].code, "190"));
    /* PETRARCH's way (validation runs): the accusation only */
    f->o.modality = 0;
    f->o.require_dyad = 1;
    f->o.one_sided = 0;
    l = code(f, "(ROOT (S (NP (NNP Rohan)) (VP (VBD accused) (NP (NP (NNP Arnor)) (PP (IN of) "
                "(S (VP (VBG attacking) (NP (NNP Gondor))))))) (. .)))");
    for (int i = 0; i < l->n; i++)
        assert_false(!strcmp(l->ev[i].source, "ARN") && !strcmp(l->ev[i].code, "190"));
}

/* Coordinated verb phrases share the subject: "Arnor attacked Gondor and
 * kidnapped Aragorn". */
static void coordinated_verb_phrases(void **state)
{
    fx *f = *state;
    expect(code(f, "(ROOT (S (NP (NNP Arnor)) (VP (VP (VBD attacked) (NP (NNP Gondor))) (CC and) "
                   "(VP (VBD kidnapped) (NP (NNP Aragorn)))) (. .)))"),
           "ARN GON 190; ARN ARNGOV 181");
}

/* A complement clause of an uncoded verb: "An inquiry found that Arnor
 * attacked Gondor". */
static void complement_clause(void **state)
{
    fx *f = *state;
    expect(code(f, "(ROOT (S (NP (DT An) (NN inquiry)) (VP (VBD found) (SBAR (IN that) (S (NP "
                   "(NNP Arnor)) (VP (VBD attacked) (NP (NNP Gondor)))))) (. .)))"),
           "ARN GON 190");
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, fx_teardown)
    const struct CMUnitTest tests[] = {
        T(noun_dictionary_format),
        T(noun_between_both_ways),
        T(noun_possessive_source),
        T(noun_called_off),
        T(noun_light_verb_subject),
        T(noun_patient_and_by),
        T(noun_light_verb_modality),
        T(noun_names_actors),
        T(noun_not_doubled),
        T(no_noun_dictionary),
        T(reported_act_itself),
        T(reported_act_asserted),
        T(accused_act_claimed),
        T(coordinated_verb_phrases),
        T(complement_clause),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
