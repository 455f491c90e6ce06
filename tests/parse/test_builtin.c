/* test_builtin.c: the built-in parser on the coding path (builtin.h) with the
 * models shipped in data/parser: text in, the coders' tree out, with byte
 * spans into the text; hyphenated words whole; names the caller knows tagged
 * as proper nouns; any length; errors. Expectations are checked by hand
 * against the sentences. */
#include "testutil.h"
#include "dyad.h"
#include "parse/builtin.h"
#include "util/util.h"

typedef struct fixture {
    dyad_builtin *p;
    dyad_arena *a;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f || dyad_builtin_load(&f->p, NULL)) {
        fprintf(stderr, "cannot load data/parser: %s\n", dyad_last_error());
        free(f);
        return -1;
    }
    f->a = dyad_arena_new();
    *state = f;
    return f->a ? 0 : -1;
}

static int teardown(void **state)
{
    fixture *f = *state;
    dyad_builtin_free(f->p);
    dyad_arena_free(f->a);
    free(f);
    return 0;
}

/* The token whose word is w, or -1. */
static int find_tok(const dyad_tree *t, const char *w)
{
    for (int i = 0; i < t->ntok; i++)
        if (!strcmp(t->nodes[t->tok_node[i]].word, w))
            return i;
    return -1;
}

/* Every token's span holds the token's word. */
static void spans_hold_words(const dyad_tree *t, const char *text)
{
    for (int i = 0; i < t->ntok; i++) {
        const char *w = t->nodes[t->tok_node[i]].word;
        assert_true(t->tok_start[i] >= 0);
        assert_int_equal(t->tok_end[i] - t->tok_start[i], (int)strlen(w));
        assert_memory_equal(text + t->tok_start[i], w, strlen(w));
    }
}

static void sentence_to_tree(void **state)
{
    fixture *f = *state;
    const char *s = "North Korea's leader visited Iran on Tuesday.";
    dyad_tree *t = NULL;
    dyad_conllu_sent *dep = NULL;
    assert_int_equal(dyad_builtin_parse(&t, &dep, f->p, NULL, s, strlen(s), f->a), 0);
    assert_non_null(dep);
    assert_int_equal(t->ntok, 9); /* North Korea 's leader visited Iran on Tuesday . */
    spans_hold_words(t, s);
    int v = find_tok(t, "visited");
    assert_true(v >= 0);
    assert_string_equal(t->nodes[t->tok_node[v]].label, "VBD");
    /* "visited" heads the sentence; "leader" is its subject, Iran its object */
    int root = -1;
    for (int i = 0; i < dep->nwords; i++)
        if (dep->words[i].head < 0)
            root = i;
    assert_string_equal(dep->words[root].form, "visited");
    assert_string_equal(dep->words[3].deprel, "nsubj");
    assert_int_equal(dep->words[3].head, root);
    assert_string_equal(dep->words[5].deprel, "obj");
    char *str = dyad_tree_to_string(t, f->a);
    assert_non_null(strstr(str, "(VP (VBD visited) (NP (NNP Iran))"));
}

/* "U.S.-led" is one word of the tree (the tokenizer splits off the hyphen
 * after a dotted abbreviation; the builder joins the parts written without
 * spaces), spanning the bytes it was written in. */
static void hyphenated_word_one_token(void **state)
{
    fixture *f = *state;
    const char *s = "The U.S.-led coalition bombed Mosul.";
    dyad_tree *t = NULL;
    dyad_conllu_sent *dep = NULL;
    assert_int_equal(dyad_builtin_parse(&t, &dep, f->p, NULL, s, strlen(s), f->a), 0);
    assert_int_equal(t->ntok, 6); /* The U.S.-led coalition bombed Mosul . */
    int k = find_tok(t, "U.S.-led");
    assert_true(k >= 0);
    assert_int_equal(t->tok_start[k], 4);
    assert_int_equal(t->tok_end[k], 12);
    spans_hold_words(t, s);
}

/* A name the caller knows: its capitalised words are tagged NNP where the
 * tagger read them as a verb, adverb or pronoun. */
static int names_us(void *user, const char *const *w, int n, int i)
{
    (void)user;
    (void)n;
    return !strcmp(w[i], "US") ? 1 : 0;
}

static void known_names(void **state)
{
    fixture *f = *state;
    const char *s = "Rebels attacked US troops.";
    dyad_builtin_names names = {names_us, NULL};
    dyad_tree *t = NULL;
    dyad_conllu_sent *dep = NULL;
    assert_int_equal(dyad_builtin_parse(&t, &dep, f->p, &names, s, strlen(s), f->a), 0);
    int k = find_tok(t, "US");
    assert_true(k >= 0);
    assert_string_equal(t->nodes[t->tok_node[k]].label, "NNP");
    assert_string_equal(dep->words[2].upos, "PROPN");
}

/* Curly quotes and dashes reach the models straight; the tree keeps the
 * text's own words and spans. */
static void curly_quotes(void **state)
{
    fixture *f = *state;
    const char *s = "Iran\xe2\x80\x99s envoy said \xe2\x80\x9cno\xe2\x80\x9d to talks.";
    dyad_tree *t = NULL;
    assert_int_equal(dyad_builtin_parse(&t, NULL, f->p, NULL, s, strlen(s), f->a), 0);
    int k = find_tok(t, "said");
    assert_true(k >= 0);
    assert_true(!strncmp(t->nodes[t->tok_node[k]].label, "VB", 2));
    for (int i = 0; i < t->ntok; i++)
        assert_true(t->tok_start[i] >= 0);
}

/* News sentences whose verb a tagger trained on web text misreads: each gets
 * its verb as the clause's head, checked by hand. */
static void news_verbs(void **state)
{
    fixture *f = *state;
    static const struct {
        const char *text, *want;
    } cases[] = {
        {"Israeli troops attacked Palestinian protesters in Hebron.", "(VP (VBD attacked) (NP"},
        {"Russian-led peacekeeping troops patrolled the border.", "(JJ Russian-led)"},
        {"Philippine Rebels Free Troops, Talks in Doubt.", "(NNS Rebels)"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        dyad_tree *t = NULL;
        const char *s = cases[i].text;
        assert_int_equal(dyad_builtin_parse(&t, NULL, f->p, NULL, s, strlen(s), f->a), 0);
        char *str = dyad_tree_to_string(t, f->a);
        if (!strstr(str, cases[i].want))
            fail_msg("%s\n  got %s\n  want %s", s, str, cases[i].want);
        spans_hold_words(t, s);
    }
}

/* The xpos the built-in parser gave the word w of dep (the first one). */
static const char *xpos_of(const dyad_conllu_sent *dep, const char *w)
{
    for (int i = 0; i < dep->nwords; i++)
        if (!strcmp(dep->words[i].form, w))
            return dep->words[i].xpos;
    return "(missing)";
}

/* Tags the tagger gets wrong in these news sentences (each checked against
 * the model without the fixes) and the tags the fixes give: a verb read as
 * an interjection between subject and object, a verb after a modal read as
 * an adverb (and the participle after it then an adjective), a past tense
 * after "and" read as an adjective, a participle before an object and "and
 * blew" read as a participle, a present tense after "before" and a name read
 * as a plural noun, a participle before a "when" clause with its own
 * subject, an irregular past after a noun read as a noun, a verb after a
 * name opening the sentence read as a noun, "to" and a verb before
 * "whether" read as a preposition and a noun. */
static void news_tag_fixes(void **state)
{
    fixture *f = *state;
    static const struct {
        const char *text, *word, *xpos, *in_tree;
    } cases[] = {
        {"Rohan and Gondor welcome a resumption of talks with Arnor.", "welcome", "VBP",
         "(VP (VBP welcome) (NP"},
        {"Rohan will abandon improved economic ties with Gondor.", "abandon", "VB",
         "(VP (VB abandon) (NP (JJ improved)"},
        {"Two gunmen killed three guards and wounded 12 near the gate.", "wounded", "VBD",
         "(CC and) (VP (VBD wounded)"},
        {"On Tuesday, a female bomber detonated explosives and blew herself up in a village "
         "near Edoras.", "detonated", "VBD", "(VP (VP (VBD detonated) (NP (NNS explosives)))"},
        {"The vote comes a day before Calimehtar heads to Rohan for talks.", "heads", "VBZ",
         "(VBZ heads)"},
        {"A roadside bomb detonated near the bridge when a convoy was passing.", "detonated",
         "VBD", "(S (NP (DT A) (NN roadside) (NN bomb)) (VP (VBD detonated)"},
        {"Rohan's new mayor left yesterday for Minas Tirith.", "left", "VBD",
         "(VP (VBD left)"},
        {"Gondor act on a resolution with Rohan.", "act", "VBP", "(VP (VBP act)"},
        {"Arnor has begun to question whether the talks can go on.", "question", "VB",
         "(S (VP (TO to) (VP (VB question)"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        dyad_tree *t = NULL;
        dyad_conllu_sent *dep = NULL;
        const char *s = cases[i].text;
        assert_int_equal(dyad_builtin_parse(&t, &dep, f->p, NULL, s, strlen(s), f->a), 0);
        if (strcmp(xpos_of(dep, cases[i].word), cases[i].xpos))
            fail_msg("%s: %s tagged %s, want %s", s, cases[i].word, xpos_of(dep, cases[i].word),
                     cases[i].xpos);
        char *str = dyad_tree_to_string(t, f->a);
        if (!strstr(str, cases[i].in_tree))
            fail_msg("%s\n  got %s\n  want %s", s, str, cases[i].in_tree);
        spans_hold_words(t, s);
    }
}

/* "Rohan 's" with the possessive spaced off is the word "'s" (one token,
 * spanning both bytes), as UD English writes it. */
static void spaced_possessive(void **state)
{
    fixture *f = *state;
    const char *s = "Protesters storm Rohan 's embassy in Minas.";
    dyad_tree *t = NULL;
    dyad_conllu_sent *dep = NULL;
    assert_int_equal(dyad_builtin_parse(&t, &dep, f->p, NULL, s, strlen(s), f->a), 0);
    assert_int_equal(t->ntok, 8); /* Protesters storm Rohan 's embassy in Minas . */
    int k = find_tok(t, "'s");
    assert_true(k >= 0);
    assert_int_equal(t->tok_start[k], 23);
    assert_int_equal(t->tok_end[k], 25);
    assert_string_equal(t->nodes[t->tok_node[k]].label, "POS");
    spans_hold_words(t, s);
}

/* A very long sentence is parsed whole, in linear time; no words is an error. */
static void any_length_and_empty(void **state)
{
    fixture *f = *state;
    dyad_buf b;
    dyad_buf_init(&b);
    for (int i = 0; i < 400; i++)
        dyad_buf_printf(&b, "%s", i % 2 ? "and soldiers " : "rebels ");
    dyad_buf_printf(&b, "fought.");
    dyad_tree *t = NULL;
    assert_int_equal(dyad_builtin_parse(&t, NULL, f->p, NULL, b.data, b.len, f->a), 0);
    assert_int_equal(t->ntok, 602); /* 200 x "rebels", 200 x "and soldiers", fought . */
    dyad_buf_free(&b);
    assert_int_equal(dyad_builtin_parse(&t, NULL, f->p, NULL, "  ", 2, f->a), DYAD_EPARSE);
    assert_null(t);
}

static void missing_models(void **state)
{
    (void)state;
    dyad_builtin *p = (dyad_builtin *)1;
    assert_int_equal(dyad_builtin_load(&p, "/nonexistent-dyad-models"), DYAD_EIO);
    assert_null(p);
    assert_non_null(strstr(dyad_last_error(), "tagger.bin"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(sentence_to_tree, setup, teardown),
        cmocka_unit_test_setup_teardown(hyphenated_word_one_token, setup, teardown),
        cmocka_unit_test_setup_teardown(known_names, setup, teardown),
        cmocka_unit_test_setup_teardown(curly_quotes, setup, teardown),
        cmocka_unit_test_setup_teardown(news_verbs, setup, teardown),
        cmocka_unit_test_setup_teardown(news_tag_fixes, setup, teardown),
        cmocka_unit_test_setup_teardown(spaced_possessive, setup, teardown),
        cmocka_unit_test_setup_teardown(any_length_and_empty, setup, teardown),
        cmocka_unit_test(missing_models),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
