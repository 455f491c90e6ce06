/* fuzz_conllu.c: libFuzzer target for the CoNLL-U reader and the converter.
 * Whatever the input, reading it either fails cleanly or gives a tree whose
 * links are sound, whose printed form reads back with the Penn reader to the
 * same tree, and which holds every word of the sentence (less the hyphens of
 * merged words) once. */
#include "parse/conllu.h"
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
    CHECK(t->nodes[0].parent == -1 && !strcmp(t->nodes[0].label, "ROOT"));
    CHECK(t->nodes[0].nchildren == 1);
    for (int i = 0; i < t->nnodes; i++) {
        const dyad_tnode *nd = &t->nodes[i];
        int k = 0, last = -1;
        for (int c = nd->first_child; c >= 0; c = t->nodes[c].next_sibling, k++) {
            CHECK(c > i && c < t->nnodes && t->nodes[c].parent == i);
            last = c;
        }
        CHECK(k == nd->nchildren && last == nd->last_child);
        CHECK((nd->word != NULL) == (nd->tok >= 0));
        CHECK(!nd->word || (nd->nchildren == 0 && nd->word[0]));
        CHECK(nd->word || nd->nchildren > 0);
        CHECK(nd->label && nd->label[0]);
    }
    for (int i = 0; i < t->ntok; i++)
        CHECK(t->nodes[t->tok_node[i]].tok == i);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    dyad_arena *a = dyad_arena_new();
    dyad_diag d = {.fn = quiet};
    dyad_conllu_sent *sent = NULL;
    dyad_tree *t = NULL, *t2 = NULL;
    if (a && dyad_conllu_read(&sent, a, s, size, &d, "fuzz", 1) == 0) {
        CHECK(sent->nwords > 0 && sent->nwords <= DYAD_CONLLU_MAX_WORDS);
        int rc = dyad_conllu_to_tree(&t, a, sent);
        CHECK(rc == 0 || rc == DYAD_ELIMIT);
        if (rc == 0) {
            check_links(t);
            CHECK(t->ntok > 0 && t->ntok <= sent->nwords);
            char *p = dyad_tree_to_string(t, a);
            CHECK(p != NULL);
            CHECK(dyad_ptb_parse(&t2, a, p, strlen(p), &d, "fuzz", 1) == 0);
            CHECK(t2->nnodes == t->nnodes && t2->ntok == t->ntok);
            CHECK(strcmp(dyad_tree_to_string(t2, a), p) == 0);
        }
        /* the one-call form agrees */
        dyad_tree *t3 = NULL;
        CHECK(dyad_conllu_parse(&t3, a, s, size, &d, "fuzz", 1) == rc);
    }
    dyad_arena_free(a);
    return 0;
}
