/* fuzz_parser_model.c: libFuzzer target for the dependency parser's model
 * loader (depparse.h). The input is a model file; when its first byte is odd
 * the size and checksum fields are set to match the data first, so that the
 * checks behind the checksum are reached too. Whatever the input, loading
 * either fails cleanly with DYAD_EPARSE or gives a model that parses
 * sentences of several lengths into trees with one root.
 * Seed: a model trained on a few sentences, e.g. the one tests/parse/
 * test_depparse.c writes (dyad train-parser --gold-tags on its treebank). */
#include "parse/depparse.h"
#include "parse/depparse_internal.h"
#include "dyad.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define CHECK(x) do { if (!(x)) __builtin_trap(); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    unsigned char *buf = malloc(size ? size : 1);
    if (!buf)
        return 0;
    if (size)
        memcpy(buf, data, size);
    if (size >= 64 && (buf[0] & 1)) {
        buf[0] = 'D';
        uint64_t len = size, sum = dp_checksum(buf + 64, size - 64);
        memcpy(buf + 32, &len, 8);
        memcpy(buf + 40, &sum, 8);
    }
    dyad_depparser *p = NULL;
    int rc = dyad_depparser_load_mem(&p, buf, size, "fuzz");
    free(buf);
    if (rc) {
        CHECK(rc == DYAD_EPARSE && p == NULL);
        return 0;
    }
    static const char *words[] = {"The", "dog", "saw", "a", "cat", "in", "the", "park", ".",
                                  "and", "left", "!"};
    static const char *tags[] = {"DT", "NN", "VBD", "DT", "NN", "IN", "DT", "NN", ".",
                                 "CC", "VBD", "."};
    int head[12];
    const char *rel[12];
    for (int n = 0; n <= 12; n += 3) {
        CHECK(dyad_depparser_parse(p, words, NULL, tags, n, head, rel) == 0);
        int roots = 0;
        for (int i = 0; i < n; i++) {
            CHECK(head[i] >= -1 && head[i] < n && head[i] != i && rel[i] && rel[i][0]);
            roots += head[i] == -1;
        }
        CHECK(roots == (n > 0));
    }
    dyad_depparser_free(p);
    return 0;
}
