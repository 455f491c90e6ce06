/* test_tc_adjuncts.c: the tree coder's own coding (one-sided events,
 * modality on) of participle and purpose clauses, agentless acts under a
 * statement, agent-only passives, coordinated passives and coordinated
 * agents (tc_vp.c, tc_np.c, tcoder.c), on hand-written trees.
 *
 * Every expectation was worked out by hand from the rules in tc_vp.c and the
 * small dictionaries below, not copied from the coder. */
#include "testutil.h"
#include "code/coder.h"
#include "code/tcoder.h"
#include "dict/dict.h"
#include "parse/tree.h"

#include <dyad.h>

static const char VERBS[] =
    "---  SAY   [010]  ---\n"
    "SAY {SAYS SAID SAYING}\n"
    "\n"
    "---  ATTACK   [190]  ---\n"
    "ATTACK {ATTACKS ATTACKED ATTACKING}\n"
    "STORM {STORMS STORMED STORMING}\n"
    "\n"
    "---  KILL   [190]  ---\n"
    "KILL {KILLS KILLED KILLING}\n"
    "\n"
    "---  KIDNAP   [181]  ---\n"
    "KIDNAP {KIDNAPS KIDNAPPED KIDNAPPING}\n"
    "\n"
    "---  PROTEST   [141]  ---\n"
    "MARCH {MARCHES MARCHED MARCHING}\n"
    "\n"
    "######## TRANSFORMATIONS ##########\n" /* (the PETRARCH-2 format: the tree coder) */
    "~ a (a b ATTACK) SAY = a b 015\n";

static const char ACTORS[] = "ARNOR_ [ARN]\n"
                             "GONDOR_ [GON]\n"
                             "ARAGORN_ [ARNGOV]\n";

static const char AGENTS[] = "POLICE [~COP]\n"
                             "SOLDIER [~MIL]\n"
                             "GUNMAN {GUNMEN} [~UAF]\n"
                             "VILLAGER [~CVL]\n";

typedef struct fx {
    dyad_dict *d;
    dyad_coder *c;
    dyad_arena *a;
    dyad_coded_list l;
    dyad_code_opts o;
} fx;

static int setup(void **state)
{
    fx *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    dyad_dict_text act = {"t.actors", ACTORS, strlen(ACTORS)};
    dyad_dict_mem m = {{"t.verbs", VERBS, strlen(VERBS)}, &act, 1,
                       {"t.agents", AGENTS, strlen(AGENTS)}, {NULL, NULL, 0}, {NULL, NULL, 0},
                       {NULL, NULL, 0}};
    dyad_diag quiet = {0};
    if (dyad_dict_load_mem(&f->d, &m, &quiet) || quiet.warnings || quiet.errors) {
        fprintf(stderr, "dictionary load failed: %s\n", dyad_last_error());
        dyad_dict_free(f->d);
        free(f);
        return -1;
    }
    dyad_code_opts_default(&f->o);
    /* dyad's own behaviour: one-sided events, modality */
    f->o.require_dyad = 0;
    f->o.one_sided = 1;
    f->o.modality = 1;
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

static const dyad_coded_list *code(fx *f, const char *ptb)
{
    dyad_coder_free(f->c);
    f->c = NULL;
    assert_int_equal(dyad_coder_new(&f->c, f->d, &f->o), 0);
    assert_string_equal(dyad_coder_engine(f->c), "tree");
    dyad_arena_reset(f->a);
    dyad_tree *t = NULL;
    dyad_diag quiet = {0};
    assert_int_equal(dyad_ptb_parse(&t, f->a, ptb, strlen(ptb), &quiet, "test", 1), 0);
    assert_int_equal(dyad_code_tree(&f->l, f->c, t, NULL, "20150615", f->a), 0);
    return &f->l;
}

/* Asserts that the events are exactly the set "SRC TGT CODE; ..." ("" = none;
 * "-" = a missing side). */
static void expect(const dyad_coded_list *l, const char *spec)
{
    char buf[512];
    snprintf(buf, sizeof buf, "%s", spec);
    int n = 0, bad = 0;
    for (char *save = NULL, *item = strtok_r(buf, ";", &save); item;
         item = strtok_r(NULL, ";", &save)) {
        char s[64], t[64], c[16];
        if (sscanf(item, "%63s %63s %15s", s, t, c) != 3)
            fail_msg("bad spec item '%s'", item);
        n++;
        const char *ws = strcmp(s, "-") ? s : "", *wt = strcmp(t, "-") ? t : "";
        int found = 0;
        for (int i = 0; i < l->n && !found; i++)
            found = !strcmp(l->ev[i].source, ws) && !strcmp(l->ev[i].target, wt) &&
                    !strcmp(l->ev[i].code, c);
        if (!found) {
            print_error("missing event %s %s %s\n", s, t, c);
            bad++;
        }
    }
    if (l->n != n || bad) {
        print_error("expected {%s}, got %d event(s):\n", spec, l->n);
        for (int i = 0; i < l->n; i++)
            print_error("  '%s' '%s' %s\n", l->ev[i].source, l->ev[i].target, l->ev[i].code);
        fail();
    }
}

/* "Arnor stormed Gondor, kidnapping Aragorn": the participle's act is a
 * second event of the subject, not a code combined with "stormed". */
static void participle_second_event(void **state)
{
    fx *f = *state;
    expect(code(f, "(ROOT (S (NP (NNP Arnor)) (VP (VBD stormed) (NP (NNP Gondor)) (, ,) (S (VP "
                   "(VBG kidnapping) (NP (NNP Aragorn))))) (. .)))"),
           "ARN GON 190; ARN ARNGOV 181");
    /* the subject's act without an object of its own: one-sided, and the
     * participle's event with both sides */
    expect(code(f, "(ROOT (S (NP (NNS Gunmen)) (VP (VBD stormed) (NP (DT the) (NN village)) (, ,) "
                   "(S (VP (VBG killing) (NP (NNS villagers))))) (. .)))"),
           "---UAF ---CVL 190");
}

/* "The plane crashed, killing soldiers": an accident, not an attack; "the
 * bomb went off, killing soldiers" with no subject the parser found keeps
 * the killing, one-sided. */
static void participle_accident(void **state)
{
    fx *f = *state;
    expect(code(f, "(ROOT (S (NP (DT The) (NN plane)) (VP (VBD crashed) (, ,) (S (VP (VBG killing) "
                   "(NP (NNS soldiers))))) (. .)))"),
           "");
    expect(code(f, "(ROOT (S (VP (VBD exploded) (, ,) (S (VP (VBG killing) (NP (NNS soldiers))))) "
                   "(. .)))"),
           "- ---MIL 190");
}

/* "Police said Gondor was attacked": the attack, not a claim of
 * responsibility by the police (PETRARCH-2's 015). */
static void statement_of_agentless_act(void **state)
{
    fx *f = *state;
    expect(code(f, "(ROOT (S (NP (NNS Police)) (VP (VBD said) (SBAR (S (NP (NNP Gondor)) (VP (VBD "
                   "was) (VP (VBN attacked)))))) (. .)))"),
           "- GON 190");
    /* an act with its agent stays the speaker's report of it */
    expect(code(f, "(ROOT (S (NP (NNS Police)) (VP (VBD said) (SBAR (S (NP (NNS gunmen)) (VP (VBD "
                   "attacked) (NP (NNP Gondor)))))) (. .)))"),
           "---UAF GON 190");
}

/* "Arnor claimed to have attacked Gondor": Arnor's attack (as claimed), not
 * a claim of responsibility (015, no PLOVER category). */
static void statement_of_own_act(void **state)
{
    fx *f = *state;
    expect(code(f, "(ROOT (S (NP (NNP Arnor)) (VP (VBD said) (S (VP (TO to) (VP (VB have) (VP (VBN "
                   "attacked) (NP (NNP Gondor))))))) (. .)))"),
           "ARN GON 190");
}

/* "The convoy was attacked by Arnor": the agent's act, one-sided, when the
 * subject names no actor. */
static void passive_agent_only(void **state)
{
    fx *f = *state;
    expect(code(f, "(ROOT (S (NP (DT The) (NN convoy)) (VP (VBD was) (VP (VBN attacked) (PP (IN by) "
                   "(NP (NNP Arnor))))) (. .)))"),
           "ARN - 190");
}

/* "Gondor was attacked and kidnapped ...": the second participle shares
 * "was" and is passive too (Gondor suffered both). */
static void coordinated_passive(void **state)
{
    fx *f = *state;
    expect(code(f, "(ROOT (S (NP (NNS Villagers)) (VP (VP (VBD were) (VP (VBN attacked))) (CC and) "
                   "(VP (VBN kidnapped))) (. .)))"),
           "- ---CVL 190; - ---CVL 181");
}

/* "Police and soldiers attacked Gondor": two actors, not one with both roles. */
static void coordinated_agents(void **state)
{
    fx *f = *state;
    expect(code(f, "(ROOT (S (NP (NN Police) (CC and) (NNS soldiers)) (VP (VBD attacked) (NP (NNP "
                   "Gondor))) (. .)))"),
           "---COP GON 190; ---MIL GON 190");
}

/* "Villagers marched to protest ...": a protest and what it was for are both
 * the subject's; the "to" clause of an act of force is no complement. */
static void purpose_clause(void **state)
{
    fx *f = *state;
    expect(code(f, "(ROOT (S (NP (NNS Villagers)) (VP (VBD marched) (S (VP (TO to) (VP (VB attack) "
                   "(NP (NNP Gondor)))))) (. .)))"),
           "---CVL - 141; ---CVL GON 138");
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(participle_second_event),
        T(participle_accident),
        T(statement_of_agentless_act),
        T(statement_of_own_act),
        T(passive_agent_only),
        T(coordinated_passive),
        T(coordinated_agents),
        T(purpose_clause),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
