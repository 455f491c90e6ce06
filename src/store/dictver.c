/* dictver.c: the dictionary version stored with every article and event.
 *
 * It is a SHA-256 over the bytes of the dictionary files a folder names (the
 * files dyad_dict_load_dir loads, in the same order), each preceded by its
 * role and length, so that changing, adding or reordering a file changes the
 * version while renaming the folder does not. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dict/dict_dir.h"
#include "store/store.h"
#include "util/util.h"

static int hash_file(dyad_sha256 *c, const char *role, const char *path)
{
    if (!path)
        return 0;
    char *data = NULL;
    size_t n = 0;
    int rc = dyad_read_file(path, &data, &n);
    if (rc)
        return rc;
    char head[64];
    int k = snprintf(head, sizeof head, "%s %zu\n", role, n);
    dyad_sha256_update(c, head, (size_t)k);
    dyad_sha256_update(c, data, n);
    free(data);
    return 0;
}

int dyad_store_dict_version(char *out, const char *dir)
{
    out[0] = 0;
    dyad_arena *a = dyad_arena_new();
    if (!a)
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    dyad_dict_files f;
    memset(&f, 0, sizeof f);
    int rc = dyad_dict_files_from_dir(&f, dir, a);
    dyad_sha256 c;
    dyad_sha256_init(&c);
    if (!rc)
        rc = hash_file(&c, "verbs", f.verbs);
    for (int i = 0; !rc && i < f.nactors; i++)
        rc = hash_file(&c, "actors", f.actors[i]);
    if (!rc)
        rc = hash_file(&c, "agents", f.agents);
    if (!rc)
        rc = hash_file(&c, "discards", f.discards);
    if (!rc)
        rc = hash_file(&c, "issues", f.issues);
    dyad_arena_free(a);
    if (rc)
        return rc;
    unsigned char h[32];
    dyad_sha256_final(&c, h);
    for (int i = 0; i < 8; i++)
        snprintf(out + 2 * i, 3, "%02x", h[i]);
    return 0;
}
