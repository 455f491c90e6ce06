/* bench_parse.c: the built-in parser alone (src/parse/lg.c), one sentence per
 * line of each file given (or stdin). Prints, per file: sentences, full /
 * partial / failed parses, time per sentence (median, p90, p99, max) and
 * sentences per second on this one thread. Built and run by bench/bench_parse.sh.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parse/lg.h"

static int cmp(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return a < b ? -1 : a > b;
}

static int run(dyad_lg *lg, FILE *in, const char *name)
{
    dyad_arena *a = dyad_arena_new();
    double *ms = NULL, total = 0;
    long n = 0, cap = 0, full = 0, partial = 0, none = 0;
    char *line = NULL;
    size_t len = 0;
    ssize_t got;
    while ((got = getline(&line, &len, in)) > 0) {
        line[strcspn(line, "\r\n")] = 0;
        if (!line[0])
            continue;
        dyad_arena_reset(a);
        dyad_tree *t;
        dyad_lg_result r;
        int rc = dyad_lg_parse(&t, &r, lg, line, strlen(line), a);
        if (n == cap) {
            cap = cap ? cap * 2 : 1024;
            double *m = realloc(ms, (size_t)cap * sizeof *ms);
            if (!m)
                return 1;
            ms = m;
        }
        ms[n++] = r.ms;
        total += r.ms;
        if (rc)
            none++;
        else if (r.status == DYAD_LG_FULL)
            full++;
        else
            partial++;
    }
    if (n) {
        qsort(ms, (size_t)n, sizeof *ms, cmp);
        printf("%-28s %6ld sentences  full %5.1f%%  partial %5.1f%%  none %4.1f%%  "
               "ms median %6.1f  p90 %6.1f  p99 %7.1f  max %7.1f  %6.1f sentences/s\n",
               name, n, 100.0 * full / n, 100.0 * partial / n, 100.0 * none / n, ms[n / 2],
               ms[n * 9 / 10], ms[n * 99 / 100], ms[n - 1], 1000.0 * n / total);
    }
    free(line);
    free(ms);
    dyad_arena_free(a);
    return 0;
}

int main(int argc, char **argv)
{
    dyad_lg *lg;
    if (dyad_lg_new(&lg, NULL)) {
        fprintf(stderr, "bench_parse: %s\n", dyad_last_error());
        return 1;
    }
    int rc = 0;
    if (argc < 2)
        rc = run(lg, stdin, "stdin");
    for (int i = 1; i < argc && !rc; i++) {
        FILE *f = fopen(argv[i], "r");
        if (!f) {
            fprintf(stderr, "bench_parse: cannot open %s\n", argv[i]);
            rc = 1;
            break;
        }
        const char *base = strrchr(argv[i], '/');
        rc = run(lg, f, base ? base + 1 : argv[i]);
        fclose(f);
    }
    dyad_lg_free(lg);
    return rc;
}
