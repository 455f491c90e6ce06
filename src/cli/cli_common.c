/* cli_common.c: what several subcommands share — the dictionary folder and its
 * warnings, opening the store. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"

#ifndef DYAD_DEFAULT_DICT_DIR
#define DYAD_DEFAULT_DICT_DIR "data/dict"
#endif

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* data/dict next to the build folder the program runs from (build/dyad ->
 * build/../data/dict), so that dyad finds its dictionaries from any folder. */
static const char *beside_program(void)
{
    static char path[PATH_MAX + 32];
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return NULL;
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (!slash)
        return NULL;
    *slash = '\0';
    snprintf(path, sizeof path, "%s/../%s", exe, DYAD_DEFAULT_DICT_DIR);
    return is_dir(path) ? path : NULL;
}

const char *dyad_cli_dict_dir(const char *given)
{
    if (given)
        return given;
    const char *env = getenv("DYAD_DICT_DIR");
    if (env && *env)
        return env;
    if (is_dir(DYAD_DEFAULT_DICT_DIR))
        return DYAD_DEFAULT_DICT_DIR;
    const char *p = beside_program();
    return p ? p : DYAD_DEFAULT_DICT_DIR;
}

typedef struct shown_ctx {
    const char *cmd;
    int shown;
} shown_ctx;

static void first_ten(void *user, dyad_diag_level lvl, const char *file, long line,
                      const char *msg)
{
    shown_ctx *s = user;
    if (lvl == DYAD_DIAG_WARNING && s->shown >= 10)
        return;
    if (lvl == DYAD_DIAG_WARNING)
        s->shown++;
    fprintf(stderr, "%s:%ld: %s: %s\n", file ? file : s->cmd, line,
            lvl == DYAD_DIAG_ERROR ? "error" : "warning", msg);
}

int dyad_cli_load_dict(dyad_dict **out, const char *cmd, const char *dict_dir, int verbose)
{
    *out = NULL;
    const char *dir = dyad_cli_dict_dir(dict_dir);
    shown_ctx s = {cmd, 0};
    dyad_diag d = {.fn = verbose ? NULL : first_ten, .user = &s};
    int rc = dyad_dict_load_dir(out, dir, &d);
    if (!verbose && d.warnings > s.shown)
        fprintf(stderr, "%s: %s: %ld malformed dictionary lines skipped in all (-v lists them)\n",
                cmd, dir, d.warnings);
    if (rc) {
        fprintf(stderr, "%s: %s\n", cmd, dyad_last_error());
        return 3;
    }
    if (verbose) {
        dyad_dict_stats st;
        dyad_dict_get_stats(*out, &st);
        fprintf(stderr,
                "%s: dictionaries from %s: %ld verb blocks, %ld verb forms, %ld patterns, "
                "%ld actors, %ld agents, %ld discards, %ld issues (%.3f s)\n",
                cmd, dir, st.verb_blocks, st.verb_forms, st.patterns, st.actors, st.agents,
                st.discards, st.issues, st.seconds);
    }
    return 0;
}

dyad_store *dyad_cli_open_store(const char *cmd, const char *db, int flags)
{
    if (!db)
        db = getenv("DYAD_DB");
    dyad_store *s = NULL;
    if (dyad_store_open(&s, db, flags)) {
        fprintf(stderr, "%s: %s\n", cmd, dyad_last_error());
        return NULL;
    }
    return s;
}

int dyad_cli_input_init(dyad_cli_input *in, int argc)
{
    memset(in, 0, sizeof *in);
    in->files = calloc((size_t)(argc > 0 ? argc : 1), sizeof *in->files);
    return in->files ? 0 : 3;
}

void dyad_cli_input_free(dyad_cli_input *in)
{
    free(in->files);
    in->files = NULL;
    in->nfiles = 0;
}

int dyad_cli_input_arg(dyad_cli_input *in, int argc, char **argv, int *i)
{
    const char *a = argv[*i];
    int more = *i + 1 < argc;
    const char **value = !strcmp(a, "--dict-dir") ? &in->dict_dir
                         : !strcmp(a, "--date")   ? &in->date
                         : !strcmp(a, "--input")  ? &in->format
                                                  : NULL;
    if (value) {
        if (!more)
            return 0;
        *value = argv[++*i];
        return 1;
    }
    if (!strcmp(a, "-v") || !strcmp(a, "--verbose")) {
        in->verbose = 1;
        return 1;
    }
    if (a[0] == '-' && a[1])
        return 0;
    in->files[in->nfiles++] = argv[*i];
    return 1;
}
