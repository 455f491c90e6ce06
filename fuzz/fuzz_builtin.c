/* fuzz_builtin.c: libFuzzer target for the built-in parser on the coding
 * path (parse/builtin.h): any text (cleaned as ingest cleans it: valid UTF-8,
 * no NUL) is tokenized, tagged, parsed and built into a tree with the shipped
 * models (data/parser, or the folder in $DYAD_MODEL_DIR); words starting with
 * 'Q' count as known names. Checks: 0 or a clean error; a tree whose tokens
 * are in order and whose spans lie in the text; the dependency analysis one
 * tree (every head in range, one root). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dyad.h"
#include "parse/builtin.h"
#include "util/util.h"

#define CHECK(x) do { if (!(x)) { fprintf(stderr, "CHECK failed: %s:%d: %s\n", __FILE__, __LINE__, #x); __builtin_trap(); } } while (0)

static dyad_builtin *parser;

static int names_q(void *user, const char *const *w, int n, int i)
{
    (void)user;
    return i < n && w[i][0] == 'Q' ? 1 + (i + 1 < n && w[i + 1][0] == 'Q') : 0;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    if (dyad_builtin_load(&parser, getenv("DYAD_MODEL_DIR"))) {
        fprintf(stderr, "fuzz_builtin: %s (run from the repository, or set DYAD_MODEL_DIR)\n",
                dyad_last_error());
        exit(1);
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t n = 0;
    long bad = 0, nul = 0;
    char *text = dyad_utf8_clean((const char *)data, size, &n, &bad, &nul);
    if (!text)
        return 0;
    dyad_arena *a = dyad_arena_new();
    dyad_tree *t = NULL;
    dyad_conllu_sent *dep = NULL;
    dyad_builtin_names names = {names_q, NULL};
    int rc = dyad_builtin_parse(&t, &dep, parser, size % 2 ? &names : NULL, text, n, a);
    CHECK(rc == 0 || rc == DYAD_EPARSE || rc == DYAD_ELIMIT || rc == DYAD_ENOMEM);
    if (!rc) {
        CHECK(t && dep && t->ntok > 0 && dep->nwords > 0);
        int prev = -1, roots = 0;
        for (int i = 0; i < t->ntok; i++) {
            int s = t->tok_start[i], e = t->tok_end[i];
            CHECK(s == -1 || (s >= 0 && s <= e && (size_t)e <= n && s >= prev));
            if (s >= 0)
                prev = s;
        }
        for (int i = 0; i < dep->nwords; i++) {
            CHECK(dep->words[i].head >= -1 && dep->words[i].head < dep->nwords);
            CHECK(dep->words[i].head != i);
            roots += dep->words[i].head < 0;
        }
        CHECK(roots == 1);
    } else {
        CHECK(!t);
    }
    dyad_arena_free(a);
    free(text);
    return 0;
}
