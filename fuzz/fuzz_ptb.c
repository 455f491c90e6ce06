/* fuzz_ptb.c: libFuzzer target for the Penn Treebank reader.
 * Input: a bracketed tree, optionally followed by a NUL byte and the sentence
 * text to align it to. Checks the tree's links, the spans, and that the
 * printed form reads back to the same string. */
#include "parse/tree.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static void quiet(void *user, dyad_diag_level lvl, const char *file, long line, const char *msg)
{
    (void)user, (void)lvl, (void)file, (void)line, (void)msg;
}

#define CHECK(x) do { if (!(x)) __builtin_trap(); } while (0)

static void check_links(const dyad_tree *t)
{
    CHECK(t->nnodes > 0 && t->nnodes <= DYAD_TREE_MAX_NODES && t->root == 0);
    CHECK(t->nodes[0].parent == -1);
    for (int i = 0; i < t->nnodes; i++) {
        const dyad_tnode *nd = &t->nodes[i];
        int k = 0, last = -1;
        for (int c = nd->first_child; c >= 0; c = t->nodes[c].next_sibling, k++) {
            CHECK(c > i && c < t->nnodes && t->nodes[c].parent == i);
            last = c;
        }
        CHECK(k == nd->nchildren && last == nd->last_child);
        CHECK((nd->word != NULL) == (nd->tok >= 0));
        CHECK(!nd->word || nd->nchildren == 0);
        CHECK(nd->word || nd->nchildren > 0);
    }
    for (int i = 0; i < t->ntok; i++) {
        CHECK(t->nodes[t->tok_node[i]].tok == i);
        CHECK(dyad_tree_leftmost_tok(t, t->tok_node[i]) == i);
    }
    CHECK(dyad_tree_leftmost_tok(t, 0) == 0);
    CHECK(dyad_tree_rightmost_tok(t, 0) == t->ntok - 1);
}

static void check_spans(const dyad_tree *t, const char *text)
{
    int len = (int)strlen(text), prev = 0;
    for (int i = 0; i < t->ntok; i++) {
        if (t->tok_start[i] < 0) {
            CHECK(t->tok_end[i] < 0);
            continue;
        }
        CHECK(t->tok_start[i] >= prev && t->tok_end[i] > t->tok_start[i] && t->tok_end[i] <= len);
        prev = t->tok_end[i];
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    const char *sep = memchr(s, 0, size);
    size_t n = sep ? (size_t)(sep - s) : size;
    char *text = sep ? strndup(sep + 1, size - n - 1) : strndup(s, n);
    dyad_arena *a = dyad_arena_new();
    dyad_diag d = {.fn = quiet};
    dyad_tree *t = NULL, *t2 = NULL;
    if (text && a && dyad_ptb_parse(&t, a, s, n, &d, "fuzz", 1) == 0) {
        check_links(t);
        dyad_tree_align(t, a, text);
        check_spans(t, text);
        char *p = dyad_tree_to_string(t, a);
        CHECK(p != NULL);
        CHECK(dyad_ptb_parse(&t2, a, p, strlen(p), &d, "fuzz", 1) == 0);
        CHECK(t2->nnodes == t->nnodes && t2->ntok == t->ntok);
        CHECK(strcmp(dyad_tree_to_string(t2, a), p) == 0);
    }
    dyad_arena_free(a);
    free(text);
    return 0;
}
