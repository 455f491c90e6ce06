/* fuzz_dict_actors.c: libFuzzer target for the actor dictionary reader. */
#include "fuzz_dict_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    dyad_diag diag = {fuzz_dict_quiet, NULL, 0, 0};
    dyad_dict_text act = {"fuzz.actors", (const char *)data, size};
    dyad_dict_mem m = {{0}, &act, 1, {0}, {0}, {0}};
    dyad_dict *d = NULL;
    if (dyad_dict_load_mem(&d, &m, &diag) != 0)
        return 0;
    for (int i = 0; i < dyad_dict_nactors(d); i++) {
        const dyad_actor *a = dyad_dict_actor(d, i);
        assert(a && a->id == i && a->root);
        assert(dyad_dict_actor_code(a, "19991231") != NULL);
    }
    fuzz_words fw;
    fuzz_split(&fw, data, size);
    fuzz_lookups(d, &fw);
    dyad_dict_free(d);
    return 0;
}
