/* fuzz_html.c: libFuzzer target for the HTML article reader (libxml2's HTML
 * parser, content root, boilerplate blocks), then sentences and tokens. Any
 * attempt to load an external resource (a DTD, an entity, a URL) traps. */
#include "fuzz_text_common.h"

#include <libxml/parserInternals.h>

static xmlParserInputPtr never_load(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
    (void)id, (void)ctxt;
    fprintf(stderr, "external resource requested: %s\n", url ? url : "(null)");
    __builtin_trap();
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    xmlSetExternalEntityLoader(never_load);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_read_all(data, size, DYAD_INPUT_HTML);
    return 0;
}
