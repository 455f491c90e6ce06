/* fuzz_jsonl.c: libFuzzer target for the JSON Lines article reader: every
 * line, good or bad, then sentences and tokens of each article. */
#include "fuzz_text_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_read_all(data, size, DYAD_INPUT_JSONL);
    return 0;
}
