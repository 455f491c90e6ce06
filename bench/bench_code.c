/* bench_code.c: in-process benchmark of dictionary loading and sentence coding.
 *
 *   bench_code [--min-sentences N] [--rounds R] [--loads L] [--only MODE]
 *              DICT_DIR XML [BIG_XML]
 *
 * 1. Loads the dictionaries of DICT_DIR L times (dyad_dict_load_dir, one copy in
 *    memory at a time); reports the best load time and the peak RSS after the
 *    first load (nothing else has been read yet, so that peak is the
 *    dictionaries' own). The last copy is kept for coding.
 * 2. Reads XML once, parses and aligns each record's tree once, then codes the
 *    trees over and over (one arena reset per sentence) until at least N
 *    sentences were coded; only that loop is timed (best of R rounds, default 5).
 * 3. Times the full per-sentence path the same way: tree parse + align + code,
 *    and tree parse + align + code + event records (dyad_run_parse, a no-op
 *    callback; this is what `dyad code` does per record before writing JSON).
 * 4. With BIG_XML: times reading it (dyad_petrxml_open + iterating the records).
 * --only code|parse|run runs just that loop of 2-3 (for profilers: perf, callgrind).
 *
 * Output: one row per figure, "figure | value | unit | target | verdict"; run.sh
 * prints the table around it. Exit status 0 unless something could not be read.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "code/coder.h"
#include "code/run.h"
#include "dict/dict_dir.h"
#include "ingest/petrxml.h"
#include "parse/tree.h"

typedef struct sent {
    const dyad_record *rec;
    size_t parse_len;
    dyad_tree *tree; /* parsed and aligned once, in the trees arena */
} sent;

typedef struct bench {
    const char *dict_dir, *xml, *big_xml;
    long min_sentences;
    int rounds, loads;
    int only; /* -1: every loop; else the one mode of time_loop */
    dyad_dict *dict;
    dyad_coder *coder;
    dyad_petrxml *px;
    dyad_arena *trees, *scratch;
    sent *s;
    int ns;
    dyad_diag diag; /* counts input warnings/errors without printing them */
} bench;

static double clock_s(clockid_t c)
{
    struct timespec ts;
    clock_gettime(c, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double now(void) { return clock_s(CLOCK_MONOTONIC); }

/* Peak resident set size so far, in MB (10^6 bytes; ru_maxrss is in KiB on Linux). */
static double peak_rss_mb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_maxrss * 1024.0 / 1e6;
}

static void quiet(void *user, dyad_diag_level lvl, const char *file, long line, const char *msg)
{
    (void)user, (void)lvl, (void)file, (void)line, (void)msg;
}

/* One table row; target/verdict are "" for informational figures. */
static void row(const char *fig, double v, const char *fmt, const char *unit, const char *target,
                int ok)
{
    char val[64];
    snprintf(val, sizeof val, fmt, v);
    printf("%-44s %14s  %-12s %-12s %s\n", fig, val, unit, target,
           *target ? (ok ? "ok" : "MISSED") : "");
}

static int load_dicts(bench *b)
{
    double best = 1e30;
    for (int i = 0; i < b->loads; i++) {
        dyad_dict *d = NULL;
        b->diag.warnings = b->diag.errors = 0;
        double t0 = now();
        if (dyad_dict_load_dir(&d, b->dict_dir, &b->diag)) {
            fprintf(stderr, "bench_code: %s\n", dyad_last_error());
            return -1;
        }
        double t = now() - t0;
        best = t < best ? t : best;
        if (i == 0) /* nothing else has been read yet: this peak is the dictionaries' */
            row("dictionary load: peak RSS after first load", peak_rss_mb(), "%.1f", "MB",
                "<= 150", peak_rss_mb() <= 150.0);
        if (i + 1 < b->loads)
            dyad_dict_free(d); /* one dictionary in memory at a time */
        else
            b->dict = d;       /* the last one is used for coding */
    }
    dyad_dict_stats st;
    dyad_dict_get_stats(b->dict, &st);
    char fig[64];
    snprintf(fig, sizeof fig, "dictionary load: best of %d", b->loads);
    row(fig, best, "%.3f", "s", "<= 0.2", best <= 0.2);
    row("dictionary: memory held (dict stats)", (double)st.bytes / 1e6, "%.1f", "MB", "", 0);
    row("dictionary: malformed lines skipped", (double)b->diag.warnings, "%.0f", "lines", "", 0);
    return 0;
}

/* Reads the XML once and parses + aligns every record's tree once. */
static int read_sentences(bench *b)
{
    if (dyad_petrxml_open(&b->px, b->xml, &b->diag)) {
        fprintf(stderr, "bench_code: %s\n", dyad_last_error());
        return -1;
    }
    int n = dyad_petrxml_count(b->px);
    b->s = calloc((size_t)n + 1, sizeof *b->s);
    b->trees = dyad_arena_new();
    b->scratch = dyad_arena_new();
    if (!b->s || !b->trees || !b->scratch)
        return -1;
    const dyad_record *rec;
    while (dyad_petrxml_next(b->px, &rec) == 1) {
        if (!rec->parse)
            continue;
        sent *s = &b->s[b->ns];
        s->rec = rec;
        s->parse_len = strlen(rec->parse);
        if (dyad_ptb_parse(&s->tree, b->trees, rec->parse, s->parse_len, &b->diag, b->xml,
                           rec->parse_line))
            continue;
        dyad_tree_align(s->tree, b->trees, rec->text);
        b->ns++;
    }
    if (!b->ns) {
        fprintf(stderr, "bench_code: %s: no sentence with a usable parse\n", b->xml);
        return -1;
    }
    row("sample: sentences with a usable parse", b->ns, "%.0f", "sentences", "", 0);
    return 0;
}

static int code_one(bench *b, const sent *s, int parse, long *events)
{
    dyad_arena_reset(b->scratch);
    const dyad_tree *t = s->tree;
    if (parse) {
        dyad_tree *pt = NULL;
        if (dyad_ptb_parse(&pt, b->scratch, s->rec->parse, s->parse_len, &b->diag, b->xml,
                           s->rec->parse_line))
            return 0;
        dyad_tree_align(pt, b->scratch, s->rec->text);
        t = pt;
    }
    dyad_coded_list l;
    if (dyad_code_tree(&l, b->coder, t, s->rec->text, s->rec->date, b->scratch))
        return -1;
    *events += l.n;
    return 0;
}

static int no_event(void *user, const dyad_event *e)
{
    (void)user, (void)e;
    return 0;
}

static int run_one(bench *b, const sent *s, long *events)
{
    dyad_arena_reset(b->scratch);
    int discard = 0;
    const dyad_record *r = s->rec;
    int rc = dyad_run_parse(b->coder, r->id, r->id, r->date, r->text, r->parse,
                            s->parse_len, b->xml, r->parse_line, no_event, NULL, &discard,
                            events, b->scratch, &b->diag);
    return rc == DYAD_ENOMEM ? -1 : 0;
}

/* mode 0: code only; 1: parse + align + code; 2: dyad_run_parse (adds event records).
 * b->rounds rounds of >= b->min_sentences sentences: returns the best wall time;
 * *cpu is the best process CPU time (the two may come from different rounds);
 * *events and *sentences are per round. */
static double time_loop(bench *b, int mode, long *events, long *sentences, double *cpu)
{
    double best = 1e30, best_cpu = 1e30;
    for (int r = 0; r < b->rounds; r++) {
        long n = 0, ev = 0;
        double c0 = clock_s(CLOCK_PROCESS_CPUTIME_ID);
        double t0 = now();
        while (n < b->min_sentences) {
            for (int i = 0; i < b->ns; i++, n++) {
                int rc = mode == 2 ? run_one(b, &b->s[i], &ev)
                                   : code_one(b, &b->s[i], mode == 1, &ev);
                if (rc)
                    return -1;
            }
        }
        double t = now() - t0, c = clock_s(CLOCK_PROCESS_CPUTIME_ID) - c0;
        best = t < best ? t : best;
        best_cpu = c < best_cpu ? c : best_cpu;
        *events = ev;
        *sentences = n;
    }
    *cpu = best_cpu;
    return best;
}

static int bench_coding(bench *b)
{
    static const char *names[] = {"code only (pre-parsed trees)", "parse+align+code",
                                  "parse+align+code+event records"};
    for (int mode = 0; mode < 3; mode++) {
        if (b->only >= 0 && mode != b->only)
            continue;
        long ev = 0, n = 0;
        double cpu = 0;
        double t = time_loop(b, mode, &ev, &n, &cpu);
        if (t < 0) {
            fprintf(stderr, "bench_code: %s\n", dyad_last_error());
            return -1;
        }
        char fig[96];
        snprintf(fig, sizeof fig, "%s: sentences/s", names[mode]);
        if (mode == 0)
            row(fig, (double)n / t, "%.0f", "sent/s", ">= 50000", (double)n / t >= 50000.0);
        else
            row(fig, (double)n / t, "%.0f", "sent/s", "", 0);
        if (mode == 0) {
            row("code only: sentences/s by CPU time", (double)n / cpu, "%.0f", "sent/s", "", 0);
            row("code only: sentences coded per round", (double)n, "%.0f", "sentences", "", 0);
            row("code only: events produced per round", (double)ev, "%.0f", "events", "", 0);
            row("code only: time per sentence", t / (double)n * 1e6, "%.2f", "us", "", 0);
        }
    }
    return 0;
}

/* Reading a big PETRARCH XML file (libxml2 + record extraction), records/s. */
static int bench_read(bench *b)
{
    dyad_diag d = {quiet, NULL, 0, 0};
    double t0 = now();
    dyad_petrxml *x = NULL;
    if (dyad_petrxml_open(&x, b->big_xml, &d)) {
        fprintf(stderr, "bench_code: %s\n", dyad_last_error());
        return -1;
    }
    const dyad_record *rec;
    long n = 0;
    while (dyad_petrxml_next(x, &rec) == 1)
        n++;
    double t = now() - t0;
    dyad_petrxml_free(x);
    row("read XML (petrxml_open+next): records/s", (double)n / t, "%.0f", "records/s", "", 0);
    return 0;
}

static int parse_mode(const char *s, int *mode)
{
    static const char *modes[] = {"code", "parse", "run"};
    for (int i = 0; i < 3; i++)
        if (!strcmp(s, modes[i]))
            return *mode = i, 0;
    return -1;
}

static int parse_args(bench *b, int argc, char **argv)
{
    int pos = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--min-sentences") && i + 1 < argc)
            b->min_sentences = atol(argv[++i]);
        else if (!strcmp(argv[i], "--rounds") && i + 1 < argc)
            b->rounds = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--loads") && i + 1 < argc)
            b->loads = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--only") && i + 1 < argc) {
            if (parse_mode(argv[++i], &b->only))
                return -1;
        }
        else if (pos == 0 && argv[i][0] != '-')
            b->dict_dir = argv[i], pos++;
        else if (pos == 1 && argv[i][0] != '-')
            b->xml = argv[i], pos++;
        else if (pos == 2 && argv[i][0] != '-')
            b->big_xml = argv[i], pos++;
        else
            return -1;
    }
    if (pos < 2 || b->min_sentences < 1 || b->rounds < 1 || b->loads < 1)
        return -1;
    return 0;
}

int main(int argc, char **argv)
{
    bench b = {.min_sentences = 20000, .rounds = 5, .loads = 5, .only = -1};
    b.diag.fn = quiet;
    if (parse_args(&b, argc, argv)) {
        fprintf(stderr, "usage: bench_code [--min-sentences N] [--rounds R] [--loads L] "
                        "[--only code|parse|run] DICT_DIR XML [BIG_XML]\n");
        return 2;
    }
    int rc = 1;
    if (load_dicts(&b) || dyad_coder_new(&b.coder, b.dict, NULL) || read_sentences(&b))
        goto cleanup;
    printf("coder: %s (the dictionaries' format decides)\n", dyad_coder_engine(b.coder));
    if (bench_coding(&b))
        goto cleanup;
    /* before reading BIG_XML, which holds a whole file in memory */
    row("in-process: peak RSS after coding", peak_rss_mb(), "%.1f", "MB", "", 0);
    if (b.big_xml && bench_read(&b))
        goto cleanup;
    rc = 0;
cleanup:
    dyad_arena_free(b.scratch);
    dyad_arena_free(b.trees);
    free(b.s);
    dyad_petrxml_free(b.px);
    dyad_coder_free(b.coder);
    dyad_dict_free(b.dict);
    return rc;
}
