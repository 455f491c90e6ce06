/* test_ptb.c: Penn Treebank reader, aligner, printer. */
#include "testutil.h"
#include "parse/tree.h"

typedef struct fixture {
    dyad_arena *a;
    diag_capture cap;
    dyad_diag d;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    f->a = dyad_arena_new();
    f->d.fn = diag_capture_fn;
    f->d.user = &f->cap;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    dyad_arena_free(f->a);
    free(f);
    return 0;
}

static int parse(fixture *f, dyad_tree **t, const char *s, long first_line)
{
    return dyad_ptb_parse(t, f->a, s, strlen(s), &f->d, "t.xml", first_line);
}

static const char *word(const dyad_tree *t, int tok)
{
    return t->nodes[t->tok_node[tok]].word;
}

static void simple_tree_shape(void **state)
{
    fixture *f = *state;
    dyad_tree *t;
    assert_int_equal(parse(f, &t, "(ROOT (S (NP (NNP Arnor)) (VP (VBZ is) (ADJP (JJ big))) (. .)))", 1), 0);
    assert_int_equal(t->nnodes, 9);
    assert_int_equal(t->ntok, 4);
    assert_int_equal(t->root, 0);
    const dyad_tnode *root = &t->nodes[0];
    assert_string_equal(root->label, "ROOT");
    assert_null(root->word);
    assert_int_equal(root->parent, -1);
    assert_int_equal(root->nchildren, 1);
    const dyad_tnode *s = &t->nodes[root->first_child];
    assert_string_equal(s->label, "S");
    assert_int_equal(s->nchildren, 3);
    const dyad_tnode *np = &t->nodes[s->first_child];
    const dyad_tnode *vp = &t->nodes[np->next_sibling];
    const dyad_tnode *dot = &t->nodes[s->last_child];
    assert_string_equal(np->label, "NP");
    assert_string_equal(vp->label, "VP");
    assert_string_equal(dot->label, ".");
    assert_string_equal(dot->word, ".");
    assert_int_equal(dot->next_sibling, -1);
    assert_int_equal(dot->tok, 3);
    const dyad_tnode *nnp = &t->nodes[np->first_child];
    assert_string_equal(nnp->label, "NNP");
    assert_string_equal(nnp->word, "Arnor");
    assert_int_equal(nnp->tok, 0);
    assert_int_equal(nnp->nchildren, 0);
    assert_int_equal(nnp->first_child, -1);
    assert_int_equal(t->nodes[nnp->parent].parent, root->first_child);
    assert_string_equal(word(t, 1), "is");
    assert_string_equal(word(t, 2), "big");
    assert_string_equal(t->nodes[t->tok_node[2]].label, "JJ");
    int vpi = np->next_sibling;
    assert_int_equal(dyad_tree_leftmost_tok(t, vpi), 1);
    assert_int_equal(dyad_tree_rightmost_tok(t, vpi), 2);
    assert_int_equal(dyad_tree_leftmost_tok(t, 0), 0);
    assert_int_equal(dyad_tree_rightmost_tok(t, 0), 3);
    assert_int_equal(dyad_tree_leftmost_tok(t, 99), -1);
    assert_int_equal(dyad_tree_rightmost_tok(t, -1), -1);
    for (int i = 0; i < t->ntok; i++)
        assert_int_equal(t->tok_start[i], -1);
    assert_int_equal(f->cap.n, 0);
}

static void whitespace_and_printing(void **state)
{
    fixture *f = *state;
    dyad_tree *t;
    const char *in = "\n  (ROOT\t(S  \n (NP\n  (DT The)\r\n (NN stopover)\n )\n(VP (VBD came) ) ) )  \n\n";
    assert_int_equal(parse(f, &t, in, 5), 0);
    assert_string_equal(dyad_tree_to_string(t, f->a),
                        "(ROOT (S (NP (DT The) (NN stopover)) (VP (VBD came))))");
    assert_int_equal(t->ntok, 3);
    assert_int_equal(f->cap.n, 0);
}

static void unlabelled_root(void **state)
{
    fixture *f = *state;
    dyad_tree *t;
    assert_int_equal(parse(f, &t, "( (S (NP (PRP It)) (VP (VBZ works)) (. .)) )", 1), 0);
    assert_string_equal(t->nodes[0].label, "");
    assert_null(t->nodes[0].word);
    assert_int_equal(t->nodes[0].nchildren, 1);
    assert_string_equal(t->nodes[t->nodes[0].first_child].label, "S");
    assert_string_equal(dyad_tree_to_string(t, f->a),
                        "( (S (NP (PRP It)) (VP (VBZ works)) (. .)))");
    /* the printed form reads back to the same tree */
    dyad_tree *t2;
    char *s = dyad_tree_to_string(t, f->a);
    assert_int_equal(parse(f, &t2, s, 1), 0);
    assert_string_equal(dyad_tree_to_string(t2, f->a), s);
}

static void span_is(const dyad_tree *t, const char *text, int tok, const char *expect)
{
    assert_true(t->tok_start[tok] >= 0);
    int len = t->tok_end[tok] - t->tok_start[tok];
    char got[64];
    snprintf(got, sizeof got, "%.*s", len, text + t->tok_start[tok]);
    assert_string_equal(got, expect);
}

static void align_penn_escapes(void **state)
{
    fixture *f = *state;
    dyad_tree *t;
    const char *tree = "(S (NP (NNP Iran) (-LRB- -LRB-) (NNP IRN) (-RRB- -RRB-)) "
                       "(VP (VBD did) (RB n't) (VB say) (`` ``) (NN peace) ('' '') (: --) "
                       "(NP (NNP Korea) (POS 's) (NN plan)) (: ...)) (. .))";
    const char *text = "IRAN (irn) didn't say \xE2\x80\x9Cpeace\xE2\x80\x9D \xE2\x80\x94 "
                       "Korea\xE2\x80\x99s plan\xE2\x80\xA6.";
    assert_int_equal(parse(f, &t, tree, 1), 0);
    dyad_tree_align(t, f->a, text);
    assert_int_equal(t->ntok, 16);
    span_is(t, text, 0, "IRAN");
    span_is(t, text, 1, "(");
    span_is(t, text, 2, "irn");
    span_is(t, text, 3, ")");
    span_is(t, text, 4, "did");
    span_is(t, text, 5, "n't");
    span_is(t, text, 6, "say");
    span_is(t, text, 7, "\xE2\x80\x9C");
    span_is(t, text, 8, "peace");
    span_is(t, text, 9, "\xE2\x80\x9D");
    span_is(t, text, 10, "\xE2\x80\x94");
    span_is(t, text, 11, "Korea");
    span_is(t, text, 12, "\xE2\x80\x99s");
    span_is(t, text, 13, "plan");
    span_is(t, text, 14, "\xE2\x80\xA6");
    span_is(t, text, 15, ".");
    assert_int_equal(t->tok_start[1], 5);
    assert_int_equal(t->tok_end[1], 6);
}

static void align_missing_token_carries_on(void **state)
{
    fixture *f = *state;
    dyad_tree *t;
    const char *text = "Gondor (again) attacked Arnor.";
    assert_int_equal(parse(f, &t, "(S (NP (NNP Gondor)) (VP (VBD attacked) (NP (NNP Rohan) "
                                  "(NNP Arnor))) (. .))", 1), 0);
    dyad_tree_align(t, f->a, text);
    span_is(t, text, 0, "Gondor");
    span_is(t, text, 1, "attacked"); /* "(again)" skipped within the window */
    assert_int_equal(t->tok_start[2], -1); /* Rohan is not there */
    assert_int_equal(t->tok_end[2], -1);
    span_is(t, text, 3, "Arnor");
    span_is(t, text, 4, ".");
    dyad_tree_align(t, f->a, NULL);
    assert_int_equal(t->tok_start[0], -1);
}

static void align_window_is_bounded(void **state)
{
    fixture *f = *state;
    dyad_tree *t;
    /* the word is 300 bytes away: beyond the window, so not found */
    char text[400];
    memset(text, 'x', 300);
    strcpy(text + 300, " Arnor");
    assert_int_equal(parse(f, &t, "(S (NNP Arnor))", 1), 0);
    dyad_tree_align(t, f->a, text);
    assert_int_equal(t->tok_start[0], -1);
}

/* Tokens that never match a long text: the search stays within its window
 * (an unbounded search would take about 10^11 steps here). */
static void align_pathological_is_bounded(void **state)
{
    fixture *f = *state;
    dyad_tree *t;
    dyad_buf tree, text;
    dyad_buf_init(&tree);
    dyad_buf_init(&text);
    char tok[101];
    memset(tok, 'a', 100);
    tok[100] = 0;
    dyad_buf_puts(&tree, "(S");
    for (int i = 0; i < 1000; i++)
        dyad_buf_printf(&tree, " (NN %s)", tok);
    dyad_buf_puts(&tree, ")");
    for (int i = 0; i < 10000; i++) {
        dyad_buf_append(&text, tok, 99);
        dyad_buf_putc(&text, 'b');
    }
    assert_int_equal(dyad_ptb_parse(&t, f->a, tree.data, tree.len, &f->d, "t", 1), 0);
    dyad_tree_align(t, f->a, text.data);
    for (int i = 0; i < t->ntok; i++)
        assert_int_equal(t->tok_start[i], -1);
    dyad_buf_free(&tree);
    dyad_buf_free(&text);
}

static void missing_close_is_error_with_line(void **state)
{
    fixture *f = *state;
    dyad_tree *t = (dyad_tree *)1;
    const char *in = "(ROOT (S\n  (NP (NNP Arnor))\n  (VP (VBZ is)\n";
    assert_int_equal(parse(f, &t, in, 10), DYAD_EPARSE);
    assert_null(t);
    assert_int_equal(f->cap.errors, 1);
    assert_int_equal(f->cap.line, 13); /* ends after 3 newlines */
    assert_non_null(strstr(f->cap.msg, "missing ')'"));
    assert_non_null(strstr(dyad_last_error(), "t.xml:13:"));
}

static void extra_close_is_error_with_line(void **state)
{
    fixture *f = *state;
    dyad_tree *t;
    const char *in = "(ROOT (S (NP (NNP Arnor))\n (VP (VBZ is)))\n)\n)\n";
    assert_int_equal(parse(f, &t, in, 100), DYAD_EPARSE);
    assert_null(t);
    assert_int_equal(f->cap.errors, 1);
    assert_int_equal(f->cap.line, 103);
    assert_non_null(strstr(f->cap.msg, "extra ')'"));
}

static void malformed_inputs(void **state)
{
    fixture *f = *state;
    dyad_tree *t;
    assert_int_equal(parse(f, &t, "", 1), DYAD_EPARSE);
    assert_non_null(strstr(f->cap.msg, "empty"));
    assert_int_equal(parse(f, &t, "  \n\t ", 1), DYAD_EPARSE);
    assert_int_equal(parse(f, &t, "(S (NP (NNP)) (VP (VBZ is)))", 1), DYAD_EPARSE);
    assert_non_null(strstr(f->cap.msg, "(NNP) has no word"));
    assert_int_equal(parse(f, &t, "(S ())", 1), DYAD_EPARSE);
    assert_int_equal(parse(f, &t, "ROOT (S x)", 1), DYAD_EPARSE);
    assert_int_equal(parse(f, &t, "(S (NN a b))", 1), DYAD_EPARSE);
    assert_int_equal(parse(f, &t, "(S (NN a) b)", 1), DYAD_EPARSE);
    assert_int_equal(parse(f, &t, "(S (NN a (X b)))", 1), DYAD_EPARSE);
    assert_int_equal(parse(f, &t, ")", 1), DYAD_EPARSE);
    /* a NUL byte separates like a blank: no word may hold one */
    assert_int_equal(dyad_ptb_parse(&t, f->a, "(S (NN \0))", 10, &f->d, "t", 1), DYAD_EPARSE);
    assert_int_equal(dyad_ptb_parse(&t, f->a, "(S (NN a\0b))", 12, &f->d, "t", 1), DYAD_EPARSE);
    assert_int_equal(dyad_ptb_parse(&t, f->a, NULL, 0, &f->d, NULL, 0), DYAD_EPARSE);
    assert_int_equal(f->cap.line, 0); /* first_line 0: no line */
    assert_int_equal(f->cap.warnings, 0);
}

static void trailing_text_is_a_warning(void **state)
{
    fixture *f = *state;
    dyad_tree *t;
    assert_int_equal(parse(f, &t, "(S (NN a))\n\n  junk here\n", 7), 0);
    assert_non_null(t);
    assert_int_equal(f->cap.warnings, 1);
    assert_int_equal(f->cap.errors, 0);
    assert_int_equal(f->cap.line, 9);
    /* a second tree after the first is also just ignored text */
    assert_int_equal(parse(f, &t, "(S (NN a)) (S (NN b))", 1), 0);
    assert_int_equal(t->ntok, 1);
    assert_int_equal(f->cap.warnings, 2);
}

static void never_reads_past_n(void **state)
{
    fixture *f = *state;
    dyad_tree *t;
    const char *src = "(S (NP (NN dog)) (VP (VBZ barks)))";
    size_t n = strlen(src);
    /* exact-size heap copies without NUL: ASan catches any over-read */
    for (size_t k = 0; k <= n; k++) {
        char *buf = malloc(k ? k : 1);
        memcpy(buf, src, k);
        int rc = dyad_ptb_parse(&t, f->a, buf, k, &f->d, "t", 1);
        assert_int_equal(rc, k == n ? 0 : DYAD_EPARSE);
        free(buf);
    }
}

static void depth_bomb_is_limited(void **state)
{
    fixture *f = *state;
    dyad_tree *t;
    size_t depth = 100000;
    char *s = malloc(2 * depth + 16);
    memset(s, '(', depth);
    strcpy(s + depth, "X y");
    memset(s + depth + 3, ')', depth);
    s[2 * depth + 3] = 0;
    assert_int_equal(parse(f, &t, s, 1), DYAD_ELIMIT);
    assert_null(t);
    assert_non_null(strstr(f->cap.msg, "deeper"));
    /* exactly at the cap is fine */
    depth = DYAD_TREE_MAX_DEPTH;
    memset(s, '(', depth);
    strcpy(s + depth, "X y");
    memset(s + depth + 3, ')', depth);
    s[2 * depth + 3] = 0;
    assert_int_equal(parse(f, &t, s, 1), 0);
    assert_int_equal(t->nnodes, DYAD_TREE_MAX_DEPTH);
    assert_int_equal(t->ntok, 1);
    assert_non_null(dyad_tree_to_string(t, f->a));
    free(s);
}

static void node_cap_is_limited(void **state)
{
    fixture *f = *state;
    dyad_tree *t;
    dyad_buf b;
    dyad_buf_init(&b);
    dyad_buf_puts(&b, "(S");
    for (int i = 0; i < DYAD_TREE_MAX_NODES; i++)
        dyad_buf_puts(&b, " (N w)");
    dyad_buf_puts(&b, ")");
    assert_int_equal(dyad_ptb_parse(&t, f->a, b.data, b.len, &f->d, "t", 1), DYAD_ELIMIT);
    assert_non_null(strstr(f->cap.msg, "nodes"));
    dyad_buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(simple_tree_shape, setup, teardown),
        cmocka_unit_test_setup_teardown(whitespace_and_printing, setup, teardown),
        cmocka_unit_test_setup_teardown(unlabelled_root, setup, teardown),
        cmocka_unit_test_setup_teardown(align_penn_escapes, setup, teardown),
        cmocka_unit_test_setup_teardown(align_missing_token_carries_on, setup, teardown),
        cmocka_unit_test_setup_teardown(align_window_is_bounded, setup, teardown),
        cmocka_unit_test_setup_teardown(align_pathological_is_bounded, setup, teardown),
        cmocka_unit_test_setup_teardown(missing_close_is_error_with_line, setup, teardown),
        cmocka_unit_test_setup_teardown(extra_close_is_error_with_line, setup, teardown),
        cmocka_unit_test_setup_teardown(malformed_inputs, setup, teardown),
        cmocka_unit_test_setup_teardown(trailing_text_is_a_warning, setup, teardown),
        cmocka_unit_test_setup_teardown(never_reads_past_n, setup, teardown),
        cmocka_unit_test_setup_teardown(depth_bomb_is_limited, setup, teardown),
        cmocka_unit_test_setup_teardown(node_cap_is_limited, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
