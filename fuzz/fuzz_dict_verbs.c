/* fuzz_dict_verbs.c: libFuzzer target for the verb dictionary reader. */
#include "fuzz_dict_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    dyad_diag diag = {fuzz_dict_quiet, NULL, 0, 0};
    dyad_dict_mem m = {{"fuzz.verbs", (const char *)data, size}, NULL, 0, {0}, {0}, {0}};
    dyad_dict *d = NULL;
    if (dyad_dict_load_mem(&d, &m, &diag) != 0)
        return 0;
    fuzz_check_verbs(d);
    fuzz_words fw;
    fuzz_split(&fw, data, size);
    fuzz_lookups(d, &fw);
    dyad_dict_free(d);
    return 0;
}
