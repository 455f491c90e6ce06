/* fuzz_sentences.c: libFuzzer target for the sentence splitter and the
 * tokenizer on raw bytes (invalid UTF-8 included): spans in order and in
 * bounds, every letter and digit in a sentence, every non-space byte in
 * exactly one token, at most DYAD_SENT_MAX_TOKENS tokens a sentence. Also
 * the boilerplate line test on every line. */
#include "fuzz_text_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    dyad_arena *a = dyad_arena_new();
    fuzz_check_text(s, size, a);
    for (size_t i = 0; i < size;) {
        const char *nl = memchr(s + i, '\n', size - i);
        size_t e = nl ? (size_t)(nl - s) : size;
        (void)dyad_article_is_boilerplate(s + i, e - i);
        i = e + 1;
    }
    char d[11];
    size_t k = dyad_article_take_date(d, s, size);
    CHECK(k <= size);
    dyad_arena_free(a);
    return 0;
}
