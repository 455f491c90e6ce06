/* test_lg.c: the built-in parser (link-grammar -> Penn-style tree).
 *
 * The expected trees were checked by hand against Penn Treebank conventions
 * (CoreNLP's bracketing), construction by construction. The two validation
 * figures run the PETRARCH files with validate --reparse (about 10 s);
 * they are skipped without ../shared. DYAD_ASAN (set by `make test` for the
 * sanitizer build) relaxes the time bounds and leaves the larger figure (284
 * records) to the normal build: the gold figure (74 records) runs the same
 * code under the sanitizers. */
#include "testutil.h"

#include <time.h>

#include "dyad.h"
#include "parse/lg.h"
#include "parse/lg_internal.h"

static dyad_lg *lg;

static int group_setup(void **state)
{
    (void)state;
    return dyad_lg_new(&lg, NULL);
}

static int group_teardown(void **state)
{
    (void)state;
    dyad_lg_free(lg);
    return 0;
}

/* Parses s and returns its bracketed tree (from a), or NULL with rc set. */
static const char *tree_of(dyad_arena *a, const char *s, dyad_lg_result *res, int *rc)
{
    dyad_tree *t = NULL;
    *rc = dyad_lg_parse(&t, res, lg, s, strlen(s), a);
    return *rc ? NULL : dyad_tree_to_string(t, a);
}

static const struct {
    const char *text, *tree;
} constructions[] = {
    /* subject S, object O */
    {"Israel attacked Gaza.",
     "(ROOT (S (NP (NNP Israel)) (VP (VBD attacked) (NP (NNP Gaza))) (. .)))"},
    /* passive Pv with the agent "by" MVp J */
    {"The embassy was attacked by rebels.",
     "(ROOT (S (NP (DT The) (NN embassy)) (VP (VBD was) (VP (VBN attacked) (PP (IN by) "
     "(NP (NNS rebels))))) (. .)))"},
    /* a reporting clause CP: the main clause is an S of its own */
    {"North Korea supplied missiles to Iran, officials said.",
     "(ROOT (S (S (NP (NNP North) (NNP Korea)) (VP (VBD supplied) (NP (NNS missiles)) "
     "(PP (TO to) (NP (NNP Iran))))) (, ,) (NP (NNS officials)) (VP (VBD said)) (. .)))"},
    /* clause complement CV, modal I, negation N */
    {"Obama said he would not help Israel.",
     "(ROOT (S (NP (NNP Obama)) (VP (VBD said) (SBAR (S (NP (PRP he)) (VP (MD would) (RB not) "
     "(VP (VB help) (NP (NNP Israel))))))) (. .)))"},
    /* object + TOo infinitive: (S (NP X) (VP (TO to) ...)) */
    {"Congress asked Obama to help Iran.",
     "(ROOT (S (NP (NN Congress)) (VP (VBD asked) (S (NP (NNP Obama)) (VP (TO to) "
     "(VP (VB help) (NP (NNP Iran)))))) (. .)))"},
    /* a long capitalised title and name, merged for the parser, "of" kept as a PP */
    {"US Deputy Secretary of Energy Jeffrey Kupfer met Iranian officials.",
     "(ROOT (S (NP (NP (NNP US) (NNP Deputy) (NNP Secretary)) (PP (IN of) (NP (NNP Energy) "
     "(NNP Jeffrey) (NNP Kupfer)))) (VP (VBD met) (NP (NNP Iranian) (NNS officials))) (. .)))"},
    /* an initial inside a name keeps its full stop (not read as the sentence's end) */
    {"President George W. Bush visited Russia.",
     "(ROOT (S (NP (NNP President) (NNP George) (NNP W.) (NNP Bush)) (VP (VBD visited) "
     "(NP (NNP Russia))) (. .)))"},
    /* noun coordination SJ, determiner D */
    {"Gondor and Osgiliath welcomed the talks.",
     "(ROOT (S (NP (NNP Gondor) (CC and) (NNP Osgiliath)) (VP (VBD welcomed) (NP (DT the) "
     "(NNS talks))) (. .)))"},
    /* relative clause R/RS/B */
    {"The men who attacked the embassy were arrested.",
     "(ROOT (S (NP (NP (DT The) (NNS men)) (SBAR (WHNP (WP who)) (S (VP (VBD attacked) "
     "(NP (DT the) (NN embassy)))))) (VP (VBD were) (VP (VBN arrested))) (. .)))"},
    /* P after "be" */
    {"Russia was behind the attacks.",
     "(ROOT (S (NP (NNP Russia)) (VP (VBD was) (PP (IN behind) (NP (DT the) (NNS attacks)))) "
     "(. .)))"},
    /* perfect PP, G name compound, a participle clause after a comma */
    {"The Syrian army has shelled the Gaza Strip, killing three people.",
     "(ROOT (S (NP (DT The) (NNP Syrian) (NN army)) (VP (VBZ has) (VP (VBN shelled) (NP (DT the) "
     "(NNP Gaza) (NNP Strip)) (, ,) (S (VP (VBG killing) (NP (CD three) (NNS people)))))) "
     "(. .)))"},
    /* possessive YS, "did not" */
    {"Israel's prime minister did not meet the Palestinian leaders in Cairo on Tuesday.",
     "(ROOT (S (NP (NP (NNP Israel) (POS 's)) (NN prime) (NN minister)) (VP (VBD did) (RB not) "
     "(VP (VB meet) (NP (DT the) (NNP Palestinian) (NNS leaders)) (PP (IN in) (NP (NNP Cairo))) "
     "(PP (IN on) (NP (NNP Tuesday))))) (. .)))"},
    /* TH "that" clause after a verb modifier */
    {"France said on Tuesday that it would attack Iraq.",
     "(ROOT (S (NP (NNP France)) (VP (VBD said) (PP (IN on) (NP (NNP Tuesday))) (SBAR (IN that) "
     "(S (NP (PRP it)) (VP (MD would) (VP (VB attack) (NP (NNP Iraq))))))) (. .)))"},
    /* a verb without a "that" clause in link-grammar's dictionary ("allow"):
     * parsed again with a reporting verb standing in; the word stays */
    {"The minister allowed that Iran had a point.",
     "(ROOT (S (NP (DT The) (NN minister)) (VP (VBD allowed) (SBAR (IN that) (S (NP (NNP Iran)) "
     "(VP (VBD had) (NP (DT a) (NN point)))))) (. .)))"},
    /* ... but "that" before a noun with no verb after it stays a determiner */
    {"The minister allowed that house.",
     "(ROOT (S (NP (DT The) (NN minister)) (VP (VBD allowed) (NP (DT that) (NN house))) (. .)))"},
    /* a noun modifier after a coordination goes to the last conjunct */
    {"Iraq and the government of Syria condemned the attack.",
     "(ROOT (S (NP (NP (NNP Iraq)) (CC and) (NP (NP (DT the) (NN government)) (PP (IN of) "
     "(NP (NNP Syria))))) (VP (VBD condemned) (NP (DT the) (NN attack))) (. .)))"},
    /* an underscore joins the words of a dictionary phrase: two words */
    {"Rebels attacked Dol_Amroth on Monday.",
     "(ROOT (S (NP (NNS Rebels)) (VP (VBD attacked) (NP (NNP Dol) (NNP Amroth)) (PP (IN on) "
     "(NP (NNP Monday)))) (. .)))"},
    /* a dateline: the sentence after it parsed alone, the dateline a flat NP */
    {"BEIJING (Reuters) - China accused Taiwan on Monday.",
     "(ROOT (NP (NNP BEIJING) (-LRB- -LRB-) (NNP Reuters) (-RRB- -RRB-)) (: -) (S (NP (NNP China)) "
     "(VP (VBD accused) (NP (NNP Taiwan)) (PP (IN on) (NP (NNP Monday)))) (. .)))"},
    /* ... not a dash between two names; a name ending in a roman numeral */
    {"Israel - Gaza talks resumed on Monday.",
     "(ROOT (S (NP (NNP Israel)) (: -) (NP (NNP Gaza) (NNS talks)) (VP (VBD resumed) (PP (IN on) "
     "(NP (NNP Monday)))) (. .)))"},
    {"LOURDES, France -- A frail Pope John Paul II arrived.",
     "(ROOT (NP (NNP LOURDES) (, ,) (NNP France)) (: --) (S (NP (DT A) (JJ frail) (NNP Pope) "
     "(NNP John) (NNP Paul) (NNP II)) (VP (VBD arrived)) (. .)))"},
    /* "Hundreds of X": the quantity noun heads the phrase */
    {"Hundreds of UN troops withdrew from the Golan.",
     "(ROOT (S (NP (NP (NNP Hundreds)) (PP (IN of) (NP (NNP UN) (NNS troops)))) (VP (VBD withdrew) "
     "(PP (IN from) (NP (DT the) (NNP Golan)))) (. .)))"},
};

static void parses_constructions(void **state)
{
    (void)state;
    dyad_arena *a = dyad_arena_new();
    for (size_t i = 0; i < sizeof constructions / sizeof *constructions; i++) {
        dyad_lg_result res;
        int rc;
        const char *t = tree_of(a, constructions[i].text, &res, &rc);
        if (rc)
            fail_msg("%s: %s", constructions[i].text, dyad_last_error());
        if (strcmp(t, constructions[i].tree))
            fail_msg("%s\n  got      %s\n  expected %s", constructions[i].text, t,
                     constructions[i].tree);
        assert_int_equal(res.status, DYAD_LG_FULL);
    }
    dyad_arena_free(a);
}

static int tok_of(const dyad_tree *t, const char *w)
{
    for (int i = 0; i < t->ntok; i++)
        if (!strcmp(t->nodes[t->tok_node[i]].word, w))
            return i;
    return -1;
}

/* Byte spans come from the text, also through normalised quotes, a split
 * possessive and a merged name. */
static void spans_map_to_text(void **state)
{
    (void)state;
    dyad_arena *a = dyad_arena_new();
    const char *s = "Pyongyang\xE2\x80\x99s \xE2\x80\x9Cred\xE2\x80\x9D zone angered "
                    "US Deputy Secretary Jeffrey Kupfer.";
    dyad_tree *t = NULL;
    assert_int_equal(dyad_lg_parse(&t, NULL, lg, s, strlen(s), a), 0);
    for (int i = 0; i < t->ntok; i++) {
        const char *w = t->nodes[t->tok_node[i]].word;
        int b = t->tok_start[i], e = t->tok_end[i];
        assert_true(b >= 0 && e > b && e <= (int)strlen(s));
        assert_memory_equal(s + b, w, (size_t)(e - b)); /* the word is the text's */
        if (i)
            assert_true(b >= t->tok_end[i - 1]);
    }
    int k = tok_of(t, "Pyongyang");
    assert_true(k >= 0);
    assert_int_equal(t->tok_start[k], 0);
    assert_int_equal(t->tok_end[k], 9);
    k = tok_of(t, "Kupfer");
    assert_true(k >= 0);
    assert_int_equal(t->tok_start[k], (int)(strstr(s, "Kupfer") - s));
    assert_true(tok_of(t, "Jeffrey") == k - 1 && tok_of(t, "Deputy") >= 0);
    /* a dateline's words and the sentence after it keep the text's spans */
    s = "WASHINGTON (AP) \xE2\x80\x94 Russia attacked Georgia.";
    assert_int_equal(dyad_lg_parse(&t, NULL, lg, s, strlen(s), a), 0);
    assert_int_equal(t->ntok, 9);
    assert_int_equal(t->tok_start[0], 0);
    assert_int_equal(t->tok_end[0], 10);
    assert_string_equal(t->nodes[t->tok_node[5]].word, "Russia");
    assert_int_equal(t->tok_start[5], (int)(strstr(s, "Russia") - s));
    assert_int_equal(t->tok_start[4], 16); /* the em dash */
    assert_int_equal(t->tok_end[4], 19);
    /* words joined by an underscore: each its own span */
    s = "Rebels attacked Dol_Amroth.";
    assert_int_equal(dyad_lg_parse(&t, NULL, lg, s, strlen(s), a), 0);
    k = tok_of(t, "Amroth");
    assert_true(k >= 1 && tok_of(t, "Dol") == k - 1);
    assert_int_equal(t->tok_start[k - 1], 16);
    assert_int_equal(t->tok_end[k - 1], 19);
    assert_int_equal(t->tok_start[k], 20);
    assert_int_equal(t->tok_end[k], 26);
    dyad_arena_free(a);
}

/* An all-capitals headline still gets a verb; the words stay as written. */
static void headline_in_capitals(void **state)
{
    (void)state;
    dyad_arena *a = dyad_arena_new();
    dyad_lg_result res;
    int rc;
    const char *t = tree_of(a, "OBAMA AIRDROPS AID TO IRAQ", &res, &rc);
    assert_int_equal(rc, 0);
    assert_non_null(strstr(t, "(NP (NNP OBAMA)) (VP (VBZ AIRDROPS)"));
    dyad_arena_free(a);
}

/* A sentence without a complete linkage gets a partial one with every word. */
static void partial_parse_keeps_words(void **state)
{
    (void)state;
    dyad_arena *a = dyad_arena_new();
    const char *s = "Zorbl are seeking to deepen ties with Gondor.";
    dyad_tree *t = NULL;
    dyad_lg_result res;
    assert_int_equal(dyad_lg_parse(&t, &res, lg, s, strlen(s), a), 0);
    assert_int_equal(res.status, DYAD_LG_PARTIAL);
    assert_true(res.null_count >= 1);
    assert_int_equal(t->ntok, 9);
    assert_true(tok_of(t, "Zorbl") == 0 && tok_of(t, "Gondor") == 7);
    dyad_arena_free(a);
}

static double thread_cpu_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Nothing to parse, or far too much: an error with a reason, counted. */
static void unparseable_inputs(void **state)
{
    (void)state;
    dyad_arena *a = dyad_arena_new();
    dyad_lg_stats before, after;
    dyad_lg_get_stats(lg, &before);
    const char *empty[] = {"", " \t\n ", "!!! ... ???"};
    for (size_t i = 0; i < 3; i++) {
        dyad_tree *t = (dyad_tree *)1;
        dyad_lg_result res;
        assert_int_equal(dyad_lg_parse(&t, &res, lg, empty[i], strlen(empty[i]), a), DYAD_EPARSE);
        assert_null(t);
        assert_int_equal(res.status, DYAD_LG_NONE);
        assert_true(strlen(dyad_last_error()) > 0);
    }
    /* 500 words of noise: refused by the length cap, at once */
    static const char *const noise[] = {"the", "of", "attack", "zz", "qq", "12", ",",
                                        "blue", "runs", "said", "xyz", "bomb"};
    dyad_buf b;
    dyad_buf_init(&b);
    for (int i = 0; i < 500; i++)
        dyad_buf_printf(&b, "%s%s", i ? " " : "", noise[(i * 7 + i / 3) % 12]);
    dyad_tree *t = NULL;
    dyad_lg_result res;
    int rc = dyad_lg_parse(&t, &res, lg, b.data, b.len, a);
    assert_true(rc == DYAD_ELIMIT || rc == DYAD_EPARSE);
    assert_null(t);
    assert_true(res.ms < 5000);
    /* 60 words of noise: within the length cap; parsed partly or refused in time */
    b.data[0] = 0;
    b.len = 0;
    for (int i = 0; i < 60; i++)
        dyad_buf_printf(&b, "%s%s", i ? " " : "", noise[(i * 5 + i / 2) % 12]);
    double cpu0 = thread_cpu_ms();
    rc = dyad_lg_parse(&t, &res, lg, b.data, b.len, a);
    double cpu = thread_cpu_ms() - cpu0;
    assert_true(rc == 0 || rc == DYAD_EPARSE);
    /* the 3 s budget (link-grammar counts it in CPU time: on a loaded machine
     * the wall time is longer), with slack (more under ASan) */
    if (cpu >= (getenv("DYAD_ASAN") ? 10000 : 5000))
        fail_msg("60 words of noise: %.0f ms of CPU (%.0f ms wall)", cpu, res.ms);
    dyad_buf_free(&b);
    dyad_lg_get_stats(lg, &after);
    assert_int_equal(after.sentences - before.sentences, 5);
    assert_true(after.none - before.none >= 4);
    dyad_arena_free(a);
}

/* Checks that every token's span holds its word, in order, and returns how
 * many tokens there are. */
static int check_spans(const dyad_tree *t, const char *s)
{
    for (int i = 0; i < t->ntok; i++) {
        const char *w = t->nodes[t->tok_node[i]].word;
        int b = t->tok_start[i], e = t->tok_end[i];
        assert_true(b >= 0 && e > b && e <= (int)strlen(s));
        if (strcmp(w, "--") && strcmp(w, "``") && strcmp(w, "''"))
            assert_memory_equal(s + b, w, (size_t)(e - b));
        if (i)
            assert_true(b >= t->tok_end[i - 1]);
    }
    return t->ntok;
}

/* A sentence over DYAD_LG_PIECE_WORDS words (50: here 53 and 51) is cut at its safe points (here
 * the semicolon and ", but"), the pieces parsed apart and joined under one
 * ROOT with the separators as leaves; every word is kept with its span, and
 * the result does not depend on anything but the text. */
static void long_sentence_in_pieces(void **state)
{
    (void)state;
    dyad_arena *a = dyad_arena_new();
    const char *s =
        "The army attacked the town near the northern border early on Monday morning after "
        "the rebels fired rockets at a police station; officials in the capital said that the government "
        "would send more troops to the region within a week, but the rebels denied that "
        "they had fired at the police.";
    dyad_tree *t = NULL;
    dyad_lg_result res;
    assert_int_equal(dyad_lg_parse(&t, &res, lg, s, strlen(s), a), 0);
    assert_int_equal(res.pieces, 2); /* cut at the ';': the rest is within the cap */
    const char *str = dyad_tree_to_string(t, a);
    assert_non_null(strstr(str, "(NN station))))))))))) (: ;) (S (S (NP (NP (NNS officials))"));
    assert_int_equal(strncmp(str, "(ROOT (S (NP (DT The) (NN army))", 32), 0);
    int words = 1;
    for (const char *q = s; *q; q++)
        words += *q == ' ';
    assert_int_equal(check_spans(t, s), words + 3); /* and ';' ',' '.' split off */
    assert_int_equal(t->tok_start[t->ntok - 1], (int)strlen(s) - 1); /* the full stop */
    /* the same text gives the same tree */
    dyad_tree *t2 = NULL;
    assert_int_equal(dyad_lg_parse(&t2, NULL, lg, s, strlen(s), a), 0);
    assert_string_equal(dyad_tree_to_string(t2, a), str);
    /* ", but" between two clauses, no other point to cut at */
    s = "Officials in the capital of the country said on Monday that the government would "
        "send more troops to the northern region within a week or two, but the rebels in the "
        "mountains of the north denied that they had fired rockets at the police station near the border "
        "on Sunday night.";
    assert_int_equal(dyad_lg_parse(&t, &res, lg, s, strlen(s), a), 0);
    assert_int_equal(res.pieces, 2);
    str = dyad_tree_to_string(t, a);
    assert_non_null(strstr(str, "(, ,) (CC but) (S (NP (NP (DT the) (NNS rebels))"));
    check_spans(t, s);
    /* a dash between clauses */
    s = "Washington said such a step enjoyed the support of every member of the council "
        "and of the other nations in the region -- which have resisted taking a harder line "
        "on the republic for many years and months -- while China remained silent about the "
        "plan today.";
    assert_int_equal(dyad_lg_parse(&t, &res, lg, s, strlen(s), a), 0);
    assert_true(res.pieces >= 2);
    assert_non_null(strstr(dyad_tree_to_string(t, a), "(: --)"));
    check_spans(t, s);
    /* no punctuation at all: cut between words, nothing lost */
    dyad_buf b;
    dyad_buf_init(&b);
    static const char *const w[] = {"police", "arrested", "the", "rebels", "in", "the",
                                    "capital", "and", "troops", "attacked", "the", "town"};
    for (int i = 0; i < 120; i++)
        dyad_buf_printf(&b, "%s%s", i ? " " : "", w[i % 12]);
    assert_int_equal(dyad_lg_parse(&t, &res, lg, b.data, b.len, a), 0);
    assert_true(res.pieces >= 3);
    assert_int_equal(check_spans(t, b.data), 120);
    dyad_buf_free(&b);
    /* a sentence within the cap is parsed whole */
    s = "North Korea supplied missiles to Iran, officials said.";
    assert_int_equal(dyad_lg_parse(&t, &res, lg, s, strlen(s), a), 0);
    assert_int_equal(res.pieces, 1);
    dyad_arena_free(a);
}

static void parses_tokens(void **state)
{
    (void)state;
    dyad_arena *a = dyad_arena_new();
    const char *toks[] = {"Israel", "attacked", "Gaza", "."};
    const char *joined = NULL;
    dyad_tree *t = NULL;
    assert_int_equal(dyad_lg_parse_tokens(&t, NULL, lg, toks, 4, &joined, a), 0);
    assert_string_equal(joined, "Israel attacked Gaza .");
    assert_string_equal(dyad_tree_to_string(t, a),
                        "(ROOT (S (NP (NNP Israel)) (VP (VBD attacked) (NP (NNP Gaza))) (. .)))");
    assert_int_equal(t->tok_start[2], 16);
    dyad_arena_free(a);
}

/* ---- the UD form the tree is built from ---------------------------------- */

/* Is `word` (its first occurrence) attached to `head` ("" for the root) with
 * relation rel in s? */
static int ud_has(const dyad_conllu_sent *s, const char *word, const char *rel, const char *head)
{
    for (int i = 0; i < s->nwords; i++) {
        const dyad_conllu_word *w = &s->words[i];
        if (strcmp(w->form, word))
            continue;
        const char *h = w->head < 0 ? "" : s->words[w->head].form;
        if (!strcmp(w->deprel, rel) && !strcmp(h, head))
            return 1;
        fprintf(stderr, "%s: %s of '%s', expected %s of '%s'\n", word, w->deprel, h, rel, head);
        return 0;
    }
    fprintf(stderr, "%s: not a word\n", word);
    return 0;
}

/* Link-grammar's links as UD relations, content words heading function
 * words: the structure supplied CoNLL-U has, which the one builder turns into
 * the trees above. */
static void links_as_ud(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        const char *rels[8][3]; /* word, relation, head */
    } cases[] = {
        {"The embassy was attacked by rebels.",
         {{"embassy", "nsubj:pass", "attacked"}, {"was", "aux:pass", "attacked"},
          {"attacked", "root", ""}, {"by", "case", "rebels"}, {"rebels", "obl", "attacked"},
          {".", "punct", "attacked"}}},
        {"Obama said he would not help Israel.",
         {{"said", "root", ""}, {"help", "ccomp", "said"}, {"he", "nsubj", "help"},
          {"would", "aux", "help"}, {"not", "advmod", "help"}, {"Israel", "obj", "help"}}},
        {"North Korea supplied missiles to Iran, officials said.",
         {{"supplied", "root", ""}, {"Korea", "nsubj", "supplied"}, {"North", "compound", "Korea"},
          {"to", "case", "Iran"}, {"Iran", "obl", "supplied"}, {"said", "parataxis", "supplied"},
          {"officials", "nsubj", "said"}, {",", "punct", "said"}}},
        {"Congress asked Obama to help Iran.",
         {{"Obama", "obj", "asked"}, {"help", "xcomp", "asked"}, {"to", "mark", "help"}}},
        {"Gondor and Osgiliath welcomed the talks.",
         {{"Gondor", "nsubj", "welcomed"}, {"Osgiliath", "conj", "Gondor"},
          {"and", "cc", "Osgiliath"}, {"the", "det", "talks"}, {"talks", "obj", "welcomed"}}},
        {"The men who attacked the embassy were arrested.",
         {{"men", "nsubj:pass", "arrested"}, {"attacked", "acl:relcl", "men"},
          {"who", "nsubj", "attacked"}, {"were", "aux:pass", "arrested"}}},
        {"Israel's prime minister did not meet the leaders.",
         {{"Israel", "nmod:poss", "minister"}, {"'s", "case", "Israel"},
          {"did", "aux", "meet"}, {"not", "advmod", "meet"}, {"minister", "nsubj", "meet"}}},
        {"France said on Tuesday that it would attack Iraq.",
         {{"Tuesday", "obl", "said"}, {"attack", "ccomp", "said"}, {"that", "mark", "attack"}}},
        {"Russia was behind the attacks.",
         {{"attacks", "root", ""}, {"was", "cop", "attacks"}, {"behind", "case", "attacks"},
          {"Russia", "nsubj", "attacks"}}},
        {"US Deputy Secretary of Energy Jeffrey Kupfer met Iranian officials.",
         {{"Secretary", "nsubj", "met"}, {"Deputy", "compound", "Secretary"},
          {"Kupfer", "nmod", "Secretary"}, {"of", "case", "Kupfer"}}},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        dyad_arena *a = dyad_arena_new();
        dyad_conllu_sent *s = NULL;
        const char *t = cases[i].text;
        if (lg__parse_ud(&s, lg, t, strlen(t), a))
            fail_msg("%s: %s", t, dyad_last_error());
        for (int k = 0; k < 8 && cases[i].rels[k][0]; k++)
            if (!ud_has(s, cases[i].rels[k][0], cases[i].rels[k][1], cases[i].rels[k][2]))
                fail_msg("%s", t);
        int roots = 0;
        for (int k = 0; k < s->nwords; k++)
            roots += s->words[k].head < 0;
        assert_int_equal(roots, 1);
        dyad_arena_free(a);
    }
}

/* ---- the validation figures ----------------------------------------- */

static void ignore_diag(void *user, dyad_diag_level lvl, const char *file, long line,
                        const char *msg)
{
    (void)user, (void)lvl, (void)file, (void)line, (void)msg;
}

/* validate --reparse on one file: the "reparse:" line and the counts. */
static void reparse_figure(const char *rel, int total, int floor, int reached)
{
    const char *path = shared_corpus(rel);
    if (!path)
        skip();
    FILE *rep = tmpfile();
    assert_non_null(rep);
    dyad_validate_opts o = {.report = rep, .reparse = 1};
    dyad_validate_result r;
    dyad_diag quiet = {.fn = ignore_diag}; /* the dictionaries' warnings are not ours */
    assert_int_equal(dyad_validate_file(&r, path, &o, &quiet), 0);
    rewind(rep);
    char line[1024];
    int found = 0;
    long n, full, partial, none, timeouts;
    double med, p99;
    while (fgets(line, sizeof line, rep))
        if (!strncmp(line, "reparse: ", 9)) {
            found = sscanf(line,
                           "reparse: %ld sentences: %ld full parses, %ld partial, %ld none (%ld "
                           "hit the time limit); %lf ms median, %lf ms p99",
                           &n, &full, &partial, &none, &timeouts, &med, &p99) == 7;
        }
    fclose(rep);
    assert_true(found);
    assert_int_equal(n, total);
    assert_int_equal(full + partial + none, n);
    assert_int_equal(r.scored, total);
    printf("figure: validate --reparse %s: %d of %d records correct (floor %d); "
           "%ld full, %ld partial, %ld none; %.1f ms median, %.1f ms p99\n",
           rel, r.correct, r.scored, floor, full, partial, none, med, p99);
    if (reached)
        assert_true(r.correct >= floor);
}

static void figure_gold_records(void **state)
{
    (void)state;
    reparse_figure("petrarch2/PETR2_GSR_validation.ptb.xml", 74, 51, 1);
}

static void figure_unit_records(void **state)
{
    (void)state;
    if (getenv("DYAD_ASAN")) {
        print_message("skip: the unit-records figure runs in the normal build only\n");
        skip();
    }
    reparse_figure("petrarch2/PETR.UnitTest.records.xml", 284, 229, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(parses_constructions),
        cmocka_unit_test(links_as_ud),
        cmocka_unit_test(spans_map_to_text),
        cmocka_unit_test(headline_in_capitals),
        cmocka_unit_test(partial_parse_keeps_words),
        cmocka_unit_test(unparseable_inputs),
        cmocka_unit_test(parses_tokens),
        cmocka_unit_test(long_sentence_in_pieces),
        cmocka_unit_test(figure_gold_records),
        cmocka_unit_test(figure_unit_records),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
