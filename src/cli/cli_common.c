/* cli_common.c: what several subcommands share — the dictionary folder and its
 * warnings, opening the store, strict option values. */
#include <dirent.h>
#include <errno.h>
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
                         : !strcmp(a, "--parser") ? &in->parser
                         : !strcmp(a, "--model")  ? &in->model_dir
                                                  : NULL;
    if (value) {
        if (!more)
            return 0;
        *value = argv[++*i];
        if (value == &in->date && dyad_cli_date(in->cmd ? in->cmd : "dyad", a, *value, 0))
            return -1;
        if (value == &in->parser && dyad_cli_parser(in->cmd ? in->cmd : "dyad", *value))
            return -1;
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

int dyad_cli_parser(const char *cmd, const char *v)
{
    if (v && (!strcmp(v, "builtin") || !strcmp(v, "link-grammar")))
        return 0;
    fprintf(stderr, "%s: --parser takes builtin or link-grammar, not '%s'\n", cmd, v ? v : "");
    return 2;
}

int dyad_cli_long(long *out, const char *cmd, const char *opt, const char *v, long min, long max)
{
    char *end = NULL;
    errno = 0;
    long x = v && *v && !(*v == ' ' || *v == '\t') ? strtol(v, &end, 10) : 0;
    if (!v || !*v || !end || *end || errno || x < min || x > max) {
        fprintf(stderr, "%s: %s takes a whole number from %ld to %ld, not '%s'\n", cmd, opt, min,
                max, v ? v : "");
        return 2;
    }
    *out = x;
    return 0;
}

int dyad_cli_real(double *out, const char *cmd, const char *opt, const char *v, double min,
                  double max)
{
    /* digits with at most one '.', at least one digit: strtod alone would take
     * " 1", "1e0", "0x1", "inf" and "nan" */
    int digits = 0, dots = 0, ok = v && *v;
    for (const char *p = v && *v == '-' ? v + 1 : v; ok && *p; p++) {
        if (*p >= '0' && *p <= '9')
            digits++;
        else if (*p == '.' && !dots)
            dots++;
        else
            ok = 0;
    }
    double x = ok && digits ? strtod(v, NULL) : 0.0;
    if (!ok || !digits || !(x >= min && x <= max)) {
        fprintf(stderr, "%s: %s takes a number from %g to %g, not '%s'\n", cmd, opt, min, max,
                v ? v : "");
        return 2;
    }
    *out = x;
    return 0;
}

/* Is y-m-d a day of the Gregorian calendar? */
static int real_day(int y, int m, int d)
{
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1 || m < 1 || m > 12 || d < 1)
        return 0;
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= mdays[m - 1] + (m == 2 && leap);
}

/* n digits at s: their value, or -1. */
static int digits(const char *s, int n)
{
    int x = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        x = x * 10 + (s[i] - '0');
    }
    return x;
}

int dyad_cli_date(const char *cmd, const char *opt, const char *v, int partial)
{
    size_t n = v ? strlen(v) : 0;
    int y = n >= 4 ? digits(v, 4) : -1, m = 1, d = 1;
    if (n == 8) {
        m = digits(v + 4, 2);
        d = digits(v + 6, 2);
    } else if (n == 10 && v[4] == '-' && v[7] == '-') {
        m = digits(v + 5, 2);
        d = digits(v + 8, 2);
    } else if (n == 7 && partial && v[4] == '-') {
        m = digits(v + 5, 2);
    } else if (!(n == 4 && partial)) {
        y = -1;
    }
    if (real_day(y, m, d))
        return 0;
    fprintf(stderr, "%s: %s takes a date (%s), not '%s'\n", cmd, opt,
            partial ? "YYYY-MM-DD, YYYYMMDD, YYYY-MM or YYYY" : "YYYY-MM-DD or YYYYMMDD",
            v ? v : "");
    return 2;
}

int dyad_cli_shard(int *k, int *n, const char *cmd, const char *v)
{
    const char *slash = v ? strchr(v, '/') : NULL;
    char *end = NULL;
    long kk = -1, nn = 0;
    int ok = slash && slash > v && v[0] >= '0' && v[0] <= '9' && slash[1] >= '0' && slash[1] <= '9';
    if (ok) {
        errno = 0;
        kk = strtol(v, &end, 10);
        ok = end == slash && !errno;
    }
    if (ok) {
        nn = strtol(slash + 1, &end, 10);
        ok = !*end && !errno && nn >= 1 && nn <= 1000000 && kk >= 0 && kk < nn;
    }
    if (!ok) {
        fprintf(stderr,
                "%s: --shard takes K/N, N from 1 to 1000000 workers and K from 0 to N-1 "
                "(this worker), not '%s'\n",
                cmd, v ? v : "");
        return 2;
    }
    *k = (int)kk;
    *n = (int)nn;
    return 0;
}

static int paths_add(dyad_cli_paths *p, const char *s)
{
    if (p->npath == p->cap) {
        int cap = p->cap ? p->cap * 2 : 64;
        char **v = realloc(p->path, (size_t)cap * sizeof *v);
        if (!v)
            return 3;
        p->path = v;
        p->cap = cap;
    }
    if (!(p->path[p->npath] = strdup(s)))
        return 3;
    p->npath++;
    return 0;
}

static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The entries of folder dir that are not hidden, sorted: *names (malloc'd
 * strings in a malloc'd array), *n. 0, -1 (cannot read: errno set) or 3. */
static int list_dir(const char *dir, char ***names, int *n)
{
    *names = NULL;
    *n = 0;
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    dyad_cli_paths v = {0};
    struct dirent *e;
    int rc = 0;
    errno = 0;
    while (!rc && (e = readdir(d)))
        if (e->d_name[0] != '.')
            rc = paths_add(&v, e->d_name);
    int err = errno;
    closedir(d);
    if (!rc && err) {
        dyad_cli_paths_free(&v);
        errno = err;
        return -1;
    }
    if (v.npath)
        qsort(v.path, (size_t)v.npath, sizeof *v.path, cmp_name);
    *names = v.path;
    *n = v.npath;
    return rc;
}

static int walk(dyad_cli_paths *out, const char *cmd, const char *dir, int *unreadable)
{
    char **names = NULL;
    int n = 0, rc = list_dir(dir, &names, &n);
    if (rc < 0) {
        fprintf(stderr, "%s: %s: cannot read the folder: %s\n", cmd, dir, strerror(errno));
        ++*unreadable;
        return 0;
    }
    size_t dl = strlen(dir);
    for (int i = 0; i < n && !rc; i++) {
        size_t len = dl + strlen(names[i]) + 2;
        char *path = malloc(len);
        if (!path) {
            rc = 3;
            break;
        }
        snprintf(path, len, "%s%s%s", dir, dl && dir[dl - 1] == '/' ? "" : "/", names[i]);
        struct stat st;
        if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode))
            rc = walk(out, cmd, path, unreadable);
        else if (!(stat(path, &st) == 0 && S_ISDIR(st.st_mode))) /* not a link to a folder */
            rc = paths_add(out, path);
        free(path);
    }
    for (int i = 0; i < n; i++)
        free(names[i]);
    free(names);
    return rc;
}

int dyad_cli_expand(dyad_cli_paths *out, const char *cmd, char *const *names, int n,
                    int *unreadable)
{
    memset(out, 0, sizeof *out);
    int rc = 0;
    for (int i = 0; i < n && !rc; i++) {
        if (!strcmp(names[i], "-") || !is_dir(names[i])) {
            rc = paths_add(out, names[i]);
            continue;
        }
        int before = out->npath, bad = *unreadable;
        rc = walk(out, cmd, names[i], unreadable);
        if (!rc && out->npath == before && *unreadable == bad)
            fprintf(stderr, "%s: %s: warning: no files in the folder (hidden ones are left out)\n",
                    cmd, names[i]);
    }
    if (rc)
        fprintf(stderr, "%s: out of memory\n", cmd);
    return rc;
}

void dyad_cli_paths_free(dyad_cli_paths *p)
{
    for (int i = 0; i < p->npath; i++)
        free(p->path[i]);
    free(p->path);
    memset(p, 0, sizeof *p);
}
