/* test_dict.c: the PETRARCH/TABARI dictionary readers and lookups. */
#include "testutil.h"
#include "dict/dict.h"

/* ---- helpers ---------------------------------------------------------- */

typedef struct diag_log {
    char text[8192];
    int n;
} diag_log;

static void log_fn(void *user, dyad_diag_level lvl, const char *file, long line, const char *msg)
{
    diag_log *l = user;
    (void)lvl;
    size_t used = strlen(l->text);
    snprintf(l->text + used, sizeof l->text - used, "%s:%ld: %s\n", file, line, msg);
    l->n++;
}

static diag_log g_log;
static dyad_diag g_diag;

static dyad_dict_text txt(const char *name, const char *s)
{
    dyad_dict_text t = {name, s, s ? strlen(s) : 0};
    return t;
}

static dyad_dict *load_kind(const char *verbs, const char *actors, const char *agents,
                            const char *discards, const char *issues)
{
    dyad_dict_text act = txt("a.actors", actors);
    dyad_dict_mem m = {txt("t.verbs", verbs), &act, actors ? 1 : 0, txt("t.agents", agents),
                       txt("t.discards", discards), txt("t.issues", issues)};
    memset(&g_log, 0, sizeof g_log);
    g_diag = (dyad_diag){log_fn, &g_log, 0, 0};
    dyad_dict *d = NULL;
    assert_int_equal(dyad_dict_load_mem(&d, &m, &g_diag), 0);
    assert_non_null(d);
    return d;
}

/* Splits a sentence into words (static storage, one sentence at a time). */
static int words(const char *s, const char *w[64])
{
    static char buf[1024];
    snprintf(buf, sizeof buf, "%s", s);
    int n = 0;
    for (char *t = strtok(buf, " "); t && n < 64; t = strtok(NULL, " "))
        w[n++] = t;
    return n;
}

static const char *actor_code(dyad_dict *d, const char *sent, const char *date, int *len)
{
    const char *w[64], *code = NULL;
    int n = words(sent, w);
    if (!dyad_dict_actor_match(d, w, n, date, &code, len))
        return NULL;
    return code;
}

static int has_warning(const char *needle)
{
    return strstr(g_log.text, needle) != NULL;
}

/* ---- verbs ------------------------------------------------------------ */

static const char *VERBS =
    "<!-- test verbs -->\n"
    "&TIETYPES\n"
    "+MILITARY\n"
    "+ECONOMIC\n"
    "\n"
    "&ACCORDSYN  # nested synsets\n"
    "+&TIETYPES\n"
    "+CLOSER\n"
    "+&LATER_\n"
    "\n"
    "&LATER_\n"                       /* defined after use; no plurals */
    "+POLICY\n"
    "+PRIME_MINISTER\n"
    "\n"
    "--- ABANDON  [345]  ---\n"
    "ABANDON    # pas 15 Jul 2003\n"
    "KLM_NOP_+RST [002]\n"
    "+ABC_DEF\n"
    "- * NEW_&TIETYPES_RELATIONS [903] #  -PAS\n"
    "- SUGGESTED_+ * DEMAND_&ACCORDSYN [111]\n"
    "- IN_*_OUT_AGAIN NOW [074]\n"
    "- % * [030:030]\n"
    "\n"
    "--- BAN [191]  ---\n"
    "BAN {BANS BANNED}  # tony\n"
    "RESTORE\n"
    "AGREE [081]\n"
    "HURRY\n"
    "FIX\n"
    "PLAY\n"
    "- * (TO {BANNED PARTIES}) $   [1722]\n"
    "- * (BEFORE COURT)  [:173]\n"
    "- * OFF (FROM ^) [042]\n"
    "\n"
    "---  ANGER   [---]  ---\n"
    "+ANGERED_BY {}\n"
    "ASK [020]\n"
    "+ASK_FOR {+ASKED_FOR +ASKING_FOR +ASKS_FOR} [021]\n"
    "~ a (a b ATTACK) SAY = a b 015\n";

static int has_phrase(const dyad_synset *s, const char *text)
{
    for (int i = 0; i < s->nphrases; i++) {
        char buf[256] = "";
        for (int k = 0; k < s->phrases[i].nwords; k++) {
            strcat(buf, k ? " " : "");
            strcat(buf, s->phrases[i].words[k]);
        }
        if (strcmp(buf, text) == 0)
            return 1;
    }
    return 0;
}

static void test_synsets(void **state)
{
    (void)state;
    dyad_dict *d = load_kind(VERBS, NULL, NULL, NULL, NULL);
    assert_int_equal(g_log.n, 0);
    int acc = dyad_dict_synset_find(d, "&ACCORDSYN");
    assert_true(acc >= 0);
    const dyad_synset *s = dyad_dict_synset(d, acc);
    assert_string_equal(s->name, "&ACCORDSYN");
    assert_true(has_phrase(s, "MILITARY"));
    assert_true(has_phrase(s, "MILITARYS") == 0);
    assert_true(has_phrase(s, "ECONOMICS")); /* plural from the nested synset */
    assert_true(has_phrase(s, "CLOSERS"));
    assert_true(has_phrase(s, "PRIME MINISTER")); /* nested, defined later */
    assert_false(has_phrase(s, "POLICIES"));       /* &LATER_: no plurals */
    const dyad_synset *t = dyad_dict_synset(d, dyad_dict_synset_find(d, "&TIETYPES"));
    assert_int_equal(t->nphrases, 4); /* MILITARY(S) ECONOMIC(S) */
    const char *w[64];
    int n = words("PRIME MINISTER SAID", w), len = 0;
    assert_true(dyad_dict_synset_match(d, acc, w, n, &len));
    assert_int_equal(len, 2);
    n = words("PRIME SAID", w);
    assert_false(dyad_dict_synset_match(d, acc, w, n, &len));
    assert_int_equal(dyad_dict_synset_find(d, "&NOPE"), -1);
    dyad_dict_free(d);
}

static void test_verb_forms(void **state)
{
    (void)state;
    dyad_dict *d = load_kind(VERBS, NULL, NULL, NULL, NULL);
    const char *yes[] = {"BAN", "BANS", "BANNED", "RESTORE", "RESTORES", "RESTORED", "RESTORING",
                         "AGREEING", "AGREED", "HURRIES", "HURRIED", "FIXES", "PLAYS", "PLAYED"};
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
        assert_non_null(dyad_dict_verb_lookup(d, yes[i]));
    const char *no[] = {"BANNING", "BANED", "AGREING", "PLAIES", "ANGEREDS", "restored"};
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        assert_null(dyad_dict_verb_lookup(d, no[i]));
    const dyad_verb_form *v = dyad_dict_verb_lookup(d, "RESTORED");
    assert_string_equal(v->block->name, "BAN");
    assert_string_equal(v->block->code, "191");
    assert_null(v->code);
    assert_string_equal(v->root, "RESTORE");
    v = dyad_dict_verb_lookup(d, "AGREES");
    assert_string_equal(v->code, "081");
    assert_null(v->next);
    dyad_dict_free(d);
}

static void test_multiword_verbs(void **state)
{
    (void)state;
    dyad_dict *d = load_kind(VERBS, NULL, NULL, NULL, NULL);
    const dyad_verb_form *v = dyad_dict_verb_lookup(d, "RSTED");
    assert_non_null(v);
    assert_int_equal(v->nbefore, 2);
    assert_string_equal(v->before[0], "KLM");
    assert_string_equal(v->before[1], "NOP");
    assert_int_equal(v->nafter, 0);
    assert_string_equal(v->code, "002");
    v = dyad_dict_verb_lookup(d, "ABCING");
    assert_non_null(v);
    assert_int_equal(v->nafter, 1);
    assert_string_equal(v->after[0], "DEF");
    v = dyad_dict_verb_lookup(d, "ANGERED");
    assert_non_null(v);
    assert_string_equal(v->after[0], "BY");
    assert_null(v->code);
    /* multi-word entries come before the single word */
    v = dyad_dict_verb_lookup(d, "ASKED");
    assert_non_null(v);
    assert_int_equal(v->nafter, 1);
    assert_string_equal(v->code, "021");
    assert_non_null(v->next);
    assert_int_equal(v->next->nafter, 0);
    assert_string_equal(v->next->code, "020");
    dyad_dict_free(d);
}

static void test_patterns(void **state)
{
    (void)state;
    dyad_dict *d = load_kind(VERBS, NULL, NULL, NULL, NULL);
    assert_int_equal(dyad_dict_verb_nblocks(d), 3);
    const dyad_verb_block *b = dyad_dict_verb_block(d, 0);
    assert_string_equal(b->name, "ABANDON");
    assert_string_equal(b->code, "345");
    assert_int_equal(b->npatterns, 4);
    const dyad_pattern *p = &b->patterns[0];
    assert_string_equal(p->code, "903");
    assert_null(p->code2);
    assert_int_equal(p->line, 19);
    assert_int_equal(p->nupper, 0);
    assert_int_equal(p->nlower, 3);
    assert_int_equal(p->lower[0].kind, DYAD_PAT_WORD);
    assert_string_equal(p->lower[0].word, "NEW");
    assert_int_equal(p->lower[0].adj, 1);
    assert_int_equal(p->lower[1].kind, DYAD_PAT_SYNSET);
    assert_int_equal(p->lower[1].synset, dyad_dict_synset_find(d, "&TIETYPES"));
    assert_int_equal(p->lower[1].adj, 1);
    assert_string_equal(p->lower[2].word, "RELATIONS");
    assert_int_equal(p->verb_adj, 0);
    p = &b->patterns[1]; /* - SUGGESTED_+ * DEMAND_&ACCORDSYN */
    assert_int_equal(p->nupper, 2);
    assert_string_equal(p->upper[0].word, "SUGGESTED");
    assert_int_equal(p->upper[0].adj, 1);
    assert_int_equal(p->upper[1].kind, DYAD_PAT_TARGET);
    assert_int_equal(p->upper[1].adj, 0);
    p = &b->patterns[2]; /* - IN_*_OUT_AGAIN NOW */
    assert_int_equal(p->upper[0].adj, 1);
    assert_int_equal(p->verb_adj, 1);
    assert_int_equal(p->nlower, 3);
    assert_int_equal(p->lower[0].adj, 1);
    assert_int_equal(p->lower[1].adj, 0);
    p = &b->patterns[3]; /* - % * [030:030] */
    assert_int_equal(p->upper[0].kind, DYAD_PAT_COMPOUND);
    assert_string_equal(p->code, "030");
    assert_string_equal(p->code2, "030");
    b = dyad_dict_verb_block(d, 1);
    p = &b->patterns[0]; /* - * (TO {BANNED PARTIES}) $ */
    int kinds[] = {DYAD_PAT_PP_OPEN, DYAD_PAT_WORD, DYAD_PAT_NP_OPEN, DYAD_PAT_WORD, DYAD_PAT_WORD,
                   DYAD_PAT_NP_CLOSE, DYAD_PAT_PP_CLOSE, DYAD_PAT_SOURCE};
    assert_int_equal(p->nlower, 8);
    for (int i = 0; i < 8; i++)
        assert_int_equal(p->lower[i].kind, kinds[i]);
    assert_string_equal(p->lower[4].word, "PARTIES");
    assert_string_equal(p->text, "- * (TO {BANNED PARTIES}) $   [1722]");
    p = &b->patterns[1]; /* [:173] */
    assert_string_equal(p->code, "");
    assert_string_equal(p->code2, "173");
    p = &b->patterns[2]; /* - * OFF (FROM ^) */
    assert_int_equal(p->nlower, 5);
    assert_int_equal(p->lower[3].kind, DYAD_PAT_SKIP);
    assert_int_equal(dyad_dict_ntransforms(d), 1);
    const dyad_transform *tr = dyad_dict_transform(d, 0);
    assert_int_equal(tr->nlhs, 7);
    assert_string_equal(tr->lhs[1], "(");
    assert_string_equal(tr->rhs[2], "015");
    dyad_dict_stats st;
    dyad_dict_get_stats(d, &st);
    assert_int_equal(st.synsets, 3);
    assert_int_equal(st.verb_blocks, 3);
    assert_int_equal(st.patterns, 7);
    assert_int_equal(st.warnings, 0);
    dyad_dict_free(d);
}

/* ---- actors ------------------------------------------------------------ */

static const char *ACTORS =
    "# actors\n"
    "IRAN_  [IRN]\n"
    "+PERSIA_\n"
    "NORTH_KOREA_  [PRK]\n"
    "+NORTH_KOREAN\n"
    "KOREA [KOR]\n"
    "ALI_KHAMENEI_  ; CountryInfo.txt\n"
    "+AYATOLLAH_KHAMENEI\n"
    "\t[IRNGOV 811013-890803]\n"
    "\t[IRNGOV >19890604] # Supreme Leader\n"
    "\t[IRNELI]\n"
    "OLD_GUARD [XXXOLD <650101]\n"
    "ENT  \n"
    "\t[ENT]\n"
    "HAMAS WING [PSEHMSBRD]\n"
    "UNITED_NATIONS [IGOUNO]\n"
    "UNITED_NATIONS_SECURITY_COUNCIL [IGOUNOSEC]\n"
    "BROKEN [IRNGOV >1989\n"
    "BADDATE [IRNGOV 19891340-20000101]\n"
    "NOCODE_ACTOR\n"
    "IVO_JOSIPOVIC_\n"
    "PRESIDENT_JOSIPOVIC_\n"
    "\t[HRVGOV >20120219]\n"
    "---STOP---\n"
    "AFTER_STOP [ZZZ]\n";

static void test_actor_dates(void **state)
{
    (void)state;
    dyad_dict *d = load_kind(NULL, ACTORS, NULL, NULL, NULL);
    int len = 0;
    assert_string_equal(actor_code(d, "AYATOLLAH KHAMENEI SAID", "19850101", &len), "IRNGOV");
    assert_int_equal(len, 2);
    assert_string_equal(actor_code(d, "ALI KHAMENEI", "19950101", &len), "IRNGOV");
    assert_string_equal(actor_code(d, "ALI KHAMENEI", "1970-01-01", &len), "IRNELI");
    assert_string_equal(actor_code(d, "ALI KHAMENEI", NULL, &len), "IRNELI");
    assert_string_equal(actor_code(d, "ALI KHAMENEI", "19890803", &len), "IRNGOV"); /* inclusive */
    assert_string_equal(actor_code(d, "OLD GUARD", "19650101", &len), "XXXOLD");
    assert_string_equal(actor_code(d, "OLD GUARD", "19650102", &len), "---");
    assert_string_equal(actor_code(d, "ENT", "20000101", &len), "ENT");
    /* name lines before the first code of an entry share its codes */
    assert_string_equal(actor_code(d, "NOCODE ACTOR", "20150101", &len), "HRVGOV");
    assert_string_equal(actor_code(d, "IVO JOSIPOVIC", "20150101", &len), "HRVGOV");
    assert_string_equal(actor_code(d, "PRESIDENT JOSIPOVIC", "20000101", &len), "---");
    assert_null(actor_code(d, "AFTER STOP", "20000101", &len));
    const dyad_actor *a;
    const char *w[64], *code;
    int n = words("PERSIA", w);
    assert_true(dyad_dict_actor_match_ex(d, w, n, "20000101", &a, &code, &len));
    assert_string_equal(a->root, "IRAN_");
    assert_string_equal(code, "IRN");
    assert_int_equal(a->ncodes, 1);
    dyad_dict_free(d);
}

static void test_actor_matching(void **state)
{
    (void)state;
    dyad_dict *d = load_kind(NULL, ACTORS, NULL, NULL, NULL);
    int len = 0;
    /* exact words: no stemming in PETRARCH */
    assert_null(actor_code(d, "IRANIAN TROOPS", "20000101", &len));
    assert_null(actor_code(d, "IRA", "20000101", &len));
    assert_string_equal(actor_code(d, "IRAN 'S TROOPS", "20000101", &len), "IRN");
    assert_int_equal(len, 1);
    /* longest match wins */
    assert_string_equal(actor_code(d, "NORTH KOREA", "20000101", &len), "PRK");
    assert_int_equal(len, 2);
    assert_string_equal(actor_code(d, "KOREA", "20000101", &len), "KOR");
    assert_string_equal(actor_code(d, "UNITED NATIONS SECURITY COUNCIL", NULL, &len), "IGOUNOSEC");
    assert_int_equal(len, 4);
    assert_string_equal(actor_code(d, "UNITED NATIONS SECURITY FORCES", NULL, &len), "IGOUNO");
    assert_int_equal(len, 2);
    /* '_' = adjacent, blank = words may intervene */
    assert_null(actor_code(d, "NORTH OF KOREA", "20000101", &len));
    assert_string_equal(actor_code(d, "HAMAS MILITARY WING", NULL, &len), "PSEHMSBRD");
    assert_int_equal(len, 3);
    assert_null(actor_code(d, "HAMAS", NULL, &len));
    assert_int_equal(len, 0);
    dyad_dict_free(d);
}

static void test_actor_warnings(void **state)
{
    (void)state;
    dyad_dict *d = load_kind(NULL, ACTORS, NULL, NULL, NULL);
    assert_true(has_warning("a.actors:18: unterminated code '[IRNGOV >1989'"));
    assert_true(has_warning("a.actors:19: bad date in '[IRNGOV 19891340-20000101]'"));
    assert_int_equal(g_log.n, 2);
    dyad_dict_stats st;
    dyad_dict_get_stats(d, &st);
    assert_int_equal(st.actors, 12); /* BROKEN had a (bad) code: NOCODE starts an entry */
    assert_int_equal(st.actor_phrases, 17);
    assert_int_equal(st.actor_codes, 12);
    assert_int_equal(st.warnings, 2);
    int len;
    assert_string_equal(actor_code(d, "BROKEN", NULL, &len), "---");
    dyad_dict_free(d);
}

/* ---- agents -------------------------------------------------------------- */

static const char *AGENTS =
    "!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON\n"
    "!MINST! = MINISTER, MINISTERS\n"
    "PRESIDENT [~GOVPRS] # ns\n"
    "AUTHORITY  [~GOV]\n"
    "POLICE {} [ ~COP]\n"
    "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]\n"
    "HUMAN_RIGHTS_BODY  [NGO~]\n"
    "CONGRESS!PERSON! {} [~LEG]\n"
    "!MINST!_OF_SILLY_WALKS [~GOV]\n"
    "DEPARMENT_OF_ENVIRONMENT [~ENV}\n"
    "ISLAMIC_EXTREMIST\n"
    "BAD_CODE [GOV]\n"
    "X!NOPE! [~A]\n";

static const char *agent(dyad_dict *d, const char *sent, int *len, int *pre)
{
    const char *w[64], *code = NULL;
    int n = words(sent, w);
    return dyad_dict_agent_match(d, w, n, &code, len, pre) ? code : NULL;
}

static void test_agents(void **state)
{
    (void)state;
    dyad_dict *d = load_kind(NULL, NULL, AGENTS, NULL, NULL);
    int len, pre;
    assert_string_equal(agent(d, "PRESIDENT", &len, &pre), "GOVPRS");
    assert_int_equal(pre, 0);
    assert_string_equal(agent(d, "PRESIDENTS", &len, &pre), "GOVPRS");
    assert_string_equal(agent(d, "AUTHORITIES", &len, &pre), "GOV");
    assert_string_equal(agent(d, "POLICE", &len, &pre), "COP");
    assert_null(agent(d, "POLICES", &len, &pre));
    assert_string_equal(agent(d, "ATTORNEYS GENERAL", &len, &pre), "GOVATG");
    assert_int_equal(len, 2);
    assert_null(agent(d, "ATTORNEY GENERALS", &len, &pre));
    assert_string_equal(agent(d, "HUMAN RIGHTS BODY", &len, &pre), "NGO");
    assert_int_equal(pre, 1);
    assert_string_equal(agent(d, "CONGRESSWOMEN", &len, &pre), "LEG");
    assert_null(agent(d, "CONGRESSWOMENS", &len, &pre)); /* no plurals for substitutions */
    assert_string_equal(agent(d, "MINISTERS OF SILLY WALKS", &len, &pre), "GOV");
    assert_int_equal(len, 4);
    assert_true(has_warning("t.agents:10: unterminated code '[~ENV}'"));
    assert_true(has_warning("t.agents:11: agent without a code"));
    assert_true(has_warning("t.agents:12: agent code '[GOV]' needs one '~'"));
    assert_true(has_warning("t.agents:13: substitution marker !NOPE! is not defined"));
    assert_int_equal(g_log.n, 4);
    dyad_dict_free(d);
}

/* ---- discards and issues ---------------------------------------------------- */

static const char *DISCARDS =
    "# Story-level discards are indicated with a '+'.\n"
    "MONTHS LATER\n"
    "+World Golf Championships   # pas\n"
    "BASEBALL\n"
    "GROUP A_\n"
    "+TYPHOON\n";

static void test_discards(void **state)
{
    (void)state;
    dyad_dict *d = load_kind(NULL, NULL, NULL, DISCARDS, NULL);
    const char *w[64];
    int len, story;
    int n = words("WORLD GOLF CHAMPIONSHIPS OPEN", w);
    assert_true(dyad_dict_discard_match(d, w, n, &len, &story));
    assert_int_equal(len, 3);
    assert_int_equal(story, 1);
    n = words("MONTHS LATER", w);
    assert_true(dyad_dict_discard_match(d, w, n, &len, &story));
    assert_int_equal(story, 0);
    n = words("BASEBALLS", w); /* stem */
    assert_true(dyad_dict_discard_match(d, w, n, &len, &story));
    n = words("GROUP A", w);
    assert_true(dyad_dict_discard_match(d, w, n, &len, &story));
    n = words("GROUP AB", w); /* exact */
    assert_false(dyad_dict_discard_match(d, w, n, &len, &story));
    n = words("BASE", w);
    assert_false(dyad_dict_discard_match(d, w, n, &len, &story));
    n = words("TYPHOONS", w);
    assert_true(dyad_dict_discard_match(d, w, n, &len, &story));
    assert_int_equal(story, 1);
    dyad_dict_free(d);
}

static const char *ISSUES =
    "# issues\n"
    "<ISSUE CATEGORY=\"EDUCATION\" TYPE=\"ALL\">\n"
    "n:preschool [EARLY_CHILDHOOD_EDUCATION]\n"
    "pre+n:school [EARLY_CHILDHOOD_EDUCATION]\n"
    "ethnic v:purge [ID_ATROCITY]\n"
    "n:city council [LOCAL]\n"
    "~a head start\n"
    "~~Armenian genocide  # historical\n"
    "eurozone\n"
    "</ISSUE>\n"
    "tourism [TOURISM]\n";

static const char *issue(dyad_dict *d, const char *sent, int *len, const char **cat)
{
    const char *w[64], *code = NULL;
    int n = words(sent, w);
    return dyad_dict_issue_match_ex(d, w, n, &code, cat, len) ? code : NULL;
}

static void test_issues(void **state)
{
    (void)state;
    dyad_dict *d = load_kind(NULL, NULL, NULL, NULL, ISSUES);
    int len;
    const char *cat;
    assert_string_equal(issue(d, "PRESCHOOLS", &len, &cat), "EARLY_CHILDHOOD_EDUCATION");
    assert_string_equal(cat, "EDUCATION");
    assert_string_equal(issue(d, "PRE-SCHOOLS", &len, &cat), "EARLY_CHILDHOOD_EDUCATION");
    assert_string_equal(issue(d, "PRE SCHOOL", &len, &cat), "EARLY_CHILDHOOD_EDUCATION");
    assert_int_equal(len, 2);
    assert_string_equal(issue(d, "ETHNIC PURGING", &len, &cat), "ID_ATROCITY");
    assert_string_equal(issue(d, "ETHNIC PURGED", &len, &cat), "ID_ATROCITY");
    assert_string_equal(issue(d, "CITIES COUNCIL", &len, &cat), "LOCAL");
    assert_string_equal(issue(d, "A HEAD START", &len, &cat), "~");
    assert_string_equal(issue(d, "ARMENIAN GENOCIDE", &len, &cat), "~~");
    assert_string_equal(issue(d, "TOURISM", &len, &cat), "TOURISM");
    assert_string_equal(cat, "");
    assert_null(issue(d, "EUROZONE", &len, &cat));
    assert_true(has_warning("t.issues:9: issue without a code"));
    assert_int_equal(g_log.n, 1);
    dyad_dict_free(d);
}

/* ---- malformed lines ---------------------------------------------------------- */

static void test_verb_warnings(void **state)
{
    (void)state;
    const char *bad =
        "&\n"                                 /* 1 empty synset name */
        "+ORPHAN\n"                           /* 2 skipped with it */
        "- * FOO [010]\n"                     /* 3 pattern outside a block */
        "--- X [010] ---\n"                   /* 4 */
        "SAY {SAID SAYING\n"                  /* 5 unterminated { */
        "- * ABOUT\n"                         /* 6 pattern without a code */
        "- * (TO [010]\n"                     /* 7 unterminated ( */
        "- * {TO [010]\n"                     /* 8 unterminated { */
        "- * &NOPE [010]\n"                   /* 9 undefined synset */
        "- FOO [010]\n"                       /* 10 no '*' */
        "- * FOO [01\n"                       /* 11 unterminated code */
        "CORDON_OFF\n"                        /* 12 multi-word without '+' */
        "LASH OUT\n"                          /* 13 text after the verb */
        "- * * [010]\n"                       /* 14 two '*' */
        "~ a b c\n"                           /* 15 transformation without '=' */
        "TELL\n";                             /* 16 fine */
    dyad_dict *d = load_kind(bad, NULL, NULL, NULL, NULL);
    const char *want[] = {"t.verbs:1: empty synset name",
                          "t.verbs:3: pattern outside a verb block",
                          "t.verbs:5: unterminated '{'",
                          "t.verbs:6: pattern without a code",
                          "t.verbs:7: unterminated '('",
                          "t.verbs:8: unterminated '{'",
                          "t.verbs:9: undefined synset",
                          "t.verbs:10: pattern without '*'",
                          "t.verbs:11: unterminated code",
                          "t.verbs:12: multi-word verb without '+'",
                          "t.verbs:13: unexpected text after the verb",
                          "t.verbs:14: more than one '*'",
                          "t.verbs:15: transformation without '='"};
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        if (!has_warning(want[i]))
            fail_msg("missing warning \"%s\" in:\n%s", want[i], g_log.text);
    }
    assert_int_equal(g_log.n, (int)(sizeof want / sizeof *want));
    assert_non_null(dyad_dict_verb_lookup(d, "TELLS"));
    assert_null(dyad_dict_verb_lookup(d, "ORPHAN"));
    dyad_dict_free(d);
}

/* ---- files ---------------------------------------------------------------------- */

static void test_files(void **state)
{
    (void)state;
    char path[] = "/tmp/dyad_dict_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_true(write(fd, ACTORS, strlen(ACTORS)) == (ssize_t)strlen(ACTORS));
    close(fd);
    const char *acts[] = {path};
    dyad_dict_files f = {NULL, acts, 1, NULL, NULL, NULL};
    dyad_diag quiet = {log_fn, &g_log, 0, 0};
    memset(&g_log, 0, sizeof g_log);
    dyad_dict *d = NULL;
    assert_int_equal(dyad_dict_load(&d, &f, &quiet), 0);
    int len;
    assert_string_equal(actor_code(d, "IRAN", NULL, &len), "IRN");
    dyad_dict_free(d);
    unlink(path);
    d = (dyad_dict *)1;
    assert_int_equal(dyad_dict_load(&d, &f, &quiet), DYAD_EIO);
    assert_null(d);
    assert_true(strstr(dyad_last_error(), path) != NULL);
    dyad_dict_free(NULL);
}

/* A pathological gap pattern against a long sentence stays bounded. */
static void test_pathological(void **state)
{
    (void)state;
    dyad_dict *d = load_kind(NULL, "A A A A A A A A A A A A B [X]\n", NULL, NULL, NULL);
    const char *w[64];
    for (int i = 0; i < 64; i++)
        w[i] = "A";
    int len;
    const char *code;
    assert_false(dyad_dict_actor_match(d, w, 64, NULL, &code, &len));
    dyad_dict_free(d);
}

/* ---- the shared PETRARCH dictionaries -------------------------------------------- */

/* shared_corpus() rotates four buffers: copy each path. */
static const char *corpus_copy(char buf[512], const char *rel)
{
    const char *p = shared_corpus(rel);
    if (!p)
        return NULL;
    snprintf(buf, 512, "%s", p);
    return buf;
}

static dyad_dict *load_phoenix(void)
{
    static char b[7][512];
    const char *v = corpus_copy(b[0], "petrarch2/CAMEO.2.0.txt");
    const char *ap[] = {corpus_copy(b[1], "petrarch2/Phoenix.Countries.actors.txt"),
                        corpus_copy(b[2], "petrarch2/Phoenix.International.actors.txt"),
                        corpus_copy(b[3], "petrarch2/Phoenix.MilNonState.actors.txt")};
    const char *ag = corpus_copy(b[4], "petrarch2/Phoenix.agents.txt");
    const char *di = corpus_copy(b[5], "petrarch2/Phoenix.discards.txt");
    const char *is = corpus_copy(b[6], "petrarch2/Phoenix.IssueCoding.txt");
    if (!v || !ap[0] || !ap[1] || !ap[2] || !ag || !di || !is)
        return NULL;
    dyad_dict_files f = {v, ap, 3, ag, di, is};
    memset(&g_log, 0, sizeof g_log);
    dyad_diag dg = {log_fn, &g_log, 0, 0};
    dyad_dict *d = NULL;
    assert_int_equal(dyad_dict_load(&d, &f, &dg), 0);
    return d;
}

static void test_phoenix(void **state)
{
    (void)state;
    dyad_dict *d = load_phoenix();
    if (!d)
        skip();
    int len;
    assert_string_equal(actor_code(d, "NORTH KOREA", "20140101", &len), "PRK");
    assert_string_equal(actor_code(d, "NORTH KOREAN TROOPS", "20140101", &len), "PRK");
    assert_string_equal(actor_code(d, "IRAN", "20140101", &len), "IRN");
    /* Phoenix.Countries.actors.txt:150 HAMID_KARZAI_ [AFGELI 750101-000101] [AFGGOV >011222] [AFGELI] */
    assert_string_equal(actor_code(d, "KARZAI", "19800101", &len), "AFGELI");
    assert_string_equal(actor_code(d, "PRESIDENT KARZAI", "20050101", &len), "AFGGOV");
    assert_int_equal(len, 2);
    assert_string_equal(actor_code(d, "KARZAI", "20011001", &len), "AFGELI");
    /* :22082 ALI KHAMENEI [IRNGOV 811013-890803] [IRNGOV >19890604] [IRNELI] */
    assert_string_equal(actor_code(d, "AYATOLLAH KHAMENEI", "19700101", &len), "IRNELI");
    assert_string_equal(actor_code(d, "AYATOLLAH KHAMENEI", "20100101", &len), "IRNGOV");
    const dyad_verb_form *v = dyad_dict_verb_lookup(d, "RUSHED");
    assert_non_null(v);
    assert_string_equal(v->block->name, "ACCELERATE");
    assert_string_equal(v->block->patterns[0].code, "042");
    assert_string_equal(v->block->patterns[0].code2, "043");
    const char *w[64], *code;
    int pre, n = words("FOREIGN MINISTERS", w);
    assert_true(dyad_dict_agent_match(d, w, n, &code, &len, &pre));
    dyad_dict_stats st;
    dyad_dict_get_stats(d, &st);
    /* independent counts (grep): 397 "---" headers, 4668 pattern lines (5 bad),
     * 27252 actor entries, 35617 actor phrases, 3157 issue lines */
    assert_int_equal(st.verb_blocks, 397);
    assert_int_equal(st.patterns, 4663);
    assert_int_equal(st.synsets, 40);
    assert_int_equal(st.actors, 27212); /* 27252 name lines, 40 join the entry before */
    assert_int_equal(st.actor_phrases, 35617);
    assert_int_equal(st.issues, 3157);
    assert_true(st.seconds < 2.0);
    dyad_dict_free(d);
}

static void test_validate_set(void **state)
{
    (void)state;
    static char b[2][512];
    const char *v = corpus_copy(b[0], "petrarch2/PETR.Validate.verbs.txt");
    const char *a = corpus_copy(b[1], "petrarch2/PETR.Validate.actors.txt");
    if (!v || !a)
        skip();
    const char *ap[] = {a};
    dyad_dict_files f = {v, ap, 1, NULL, NULL, NULL};
    memset(&g_log, 0, sizeof g_log);
    dyad_diag dg = {log_fn, &g_log, 0, 0};
    dyad_dict *d = NULL;
    assert_int_equal(dyad_dict_load(&d, &f, &dg), 0);
    const dyad_verb_form *vf = dyad_dict_verb_lookup(d, "RST");
    assert_non_null(vf);
    assert_int_equal(vf->nbefore, 2);
    assert_string_equal(vf->code, "002");
    int acc = dyad_dict_synset_find(d, "&ACCORDSYN");
    assert_true(acc >= 0);
    assert_true(has_phrase(dyad_dict_synset(d, acc), "SWISS FRANCS"));
    int len;
    assert_string_equal(actor_code(d, "ENT", NULL, &len), "ENT");
    assert_string_equal(actor_code(d, "AUSTRALIAN", NULL, &len), "AUS");
    dyad_dict_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_synsets),        cmocka_unit_test(test_verb_forms),
        cmocka_unit_test(test_multiword_verbs), cmocka_unit_test(test_patterns),
        cmocka_unit_test(test_actor_dates),    cmocka_unit_test(test_actor_matching),
        cmocka_unit_test(test_actor_warnings), cmocka_unit_test(test_agents),
        cmocka_unit_test(test_discards),       cmocka_unit_test(test_issues),
        cmocka_unit_test(test_verb_warnings),  cmocka_unit_test(test_files),
        cmocka_unit_test(test_pathological),   cmocka_unit_test(test_phoenix),
        cmocka_unit_test(test_validate_set),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
