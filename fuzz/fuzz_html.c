/* fuzz_html.c: libFuzzer target for the HTML article reader (libxml2's HTML
 * parser, content root, boilerplate blocks), then sentences and tokens. */
#include "fuzz_text_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_read_all(data, size, DYAD_INPUT_HTML);
    return 0;
}
