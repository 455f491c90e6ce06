/* fuzz_tagger_model.c: libFuzzer target for the tagger's model loader.
 * The input is loaded twice: as it is (the checksum rejects almost every
 * change) and with its header checksum recomputed over the payload, so that
 * the structural checks behind the checksum (sizes, table indices, labels,
 * label strings) are reached too. A model that loads must tag a sentence,
 * giving a non-empty tag to every word. Seed: a small trained model, e.g.
 *   build/fuzz/fuzz_tagger_model -max_total_time=180 corpus_dir/
 * with corpus_dir holding a file written by dyad_tagger_train. */
#include "parse/tagger.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define CHECK(x) do { if (!(x)) __builtin_trap(); } while (0)

static void try_load(const uint8_t *data, size_t size)
{
    dyad_tagger *t = NULL;
    if (dyad_tagger_load_buffer(&t, data, size, "fuzz") != 0) {
        CHECK(t == NULL);
        return;
    }
    CHECK(dyad_tagger_nlabels(t) > 0);
    const char *words[] = {"The", "dog", "barks", "loudly", ".", "", "\xff", "x-1"};
    const int n = (int)(sizeof words / sizeof *words);
    const char *upos[8], *xpos[8];
    CHECK(dyad_tagger_tag(t, words, n, upos, xpos) == 0);
    for (int i = 0; i < n; i++)
        CHECK(upos[i] && xpos[i] && upos[i][0] && xpos[i][0]);
    dyad_tagger_free(t);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    try_load(data, size);
    if (size < DYAD_TAGGER__HEADER)
        return 0;
    uint8_t *copy = malloc(size);
    if (!copy)
        return 0;
    memcpy(copy, data, size);
    uint64_t sum = dyad_tagger__checksum(copy + DYAD_TAGGER__HEADER, size - DYAD_TAGGER__HEADER);
    memcpy(copy + DYAD_TAGGER__HEADER - 8, &sum, 8);
    try_load(copy, size);
    free(copy);
    return 0;
}
