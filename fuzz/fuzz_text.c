/* fuzz_text.c: libFuzzer target for the plain-text article reader (date line,
 * boilerplate removal, invalid UTF-8), then sentences and tokens of the text. */
#include "fuzz_text_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_read_all(data, size, DYAD_INPUT_TEXT);
    /* the format detector on the same bytes */
    dyad_input_format f = dyad_input_detect("fuzz", (const char *)data, size < 4096 ? size : 4096);
    CHECK(f != DYAD_INPUT_AUTO);
    return 0;
}
