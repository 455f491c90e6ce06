/* fuzz_dict_agents.c: libFuzzer target for the agents, discards and issues
 * readers. The first byte selects the reader (0 agents, 1 discards, 2 issues). */
#include "fuzz_dict_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    dyad_diag diag = {fuzz_dict_quiet, NULL, 0, 0};
    dyad_dict_text t = {"fuzz.txt", (const char *)data + 1, size - 1};
    dyad_dict_mem m;
    memset(&m, 0, sizeof m);
    switch (data[0] % 3) {
    case 0: m.agents = t; break;
    case 1: m.discards = t; break;
    default: m.issues = t; break;
    }
    dyad_dict *d = NULL;
    if (dyad_dict_load_mem(&d, &m, &diag) != 0)
        return 0;
    fuzz_words fw;
    fuzz_split(&fw, data + 1, size - 1);
    fuzz_lookups(d, &fw);
    dyad_dict_free(d);
    return 0;
}
