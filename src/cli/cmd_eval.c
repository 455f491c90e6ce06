/* cmd_eval.c: `dyad eval [options] GOLD...`: scores dyad against its
 * hand-coded gold set (tests/gold/README.md) with dyad_eval_gold. */
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "dyad.h"

static void usage(FILE *f)
{
    fprintf(f,
            "usage: dyad eval [--dict-dir DIR] [--shared DIR] [--keep-hypothetical]\n"
            "                 [--min-confidence X] [--calibration] [--verbose]\n"
            "                 [--threads N] [--parser NAME] [--model DIR] GOLD...\n"
            "Codes every document of the gold files as 'dyad code' codes raw text and\n"
            "scores the events against the hand-coded ones (tests/gold/README.md): a table\n"
            "per PLOVER category, actor accuracy, and as the last line\n"
            "  eval: PLOVER P .. R .. F1 ..; root P .. R .. F1 ..; source .. target .. (...)\n"
            "Options:\n"
            "  --dict-dir DIR       dictionaries (default: as dyad code)\n"
            "  --shared DIR         folder holding corpora/agnews/test.csv (default ../shared,\n"
            "                       else the one beside dyad's source folder); without it the\n"
            "                       AG News documents are skipped, saying so\n"
            "  --keep-hypothetical  also score gold events of modality hypothetical\n"
            "  --threads N          parser threads (default: one per core)\n"
            "  --parser NAME        link-grammar (default) or builtin, as dyad code\n"
            "  --model DIR          the built-in parser's models (default: data/parser)\n"
            "  --min-confidence X   score only dyad's events of confidence X (0 to 1) or more\n"
            "  --calibration        also print, for the confidence bands [0,.2) [.2,.4)\n"
            "                       [.4,.6) [.6,.8) [.8,1], dyad's events, how many match a\n"
            "                       gold event (root level, as scored), the share, the share\n"
            "                       with both actors right too, and the mean confidence\n"
            "  --confidence-features FILE  write each scored event of dyad's confidence\n"
            "                       features and whether it matched, for\n"
            "                       tools/fit_confidence.py\n"
            "  -v, --verbose        print each document whose coding differs: its text,\n"
            "                       gold events and dyad's (= matched, ~ other actors,\n"
            "                       - missed, + extra)\n"
            "Exit status: 0 scored; 2 usage error; 3 a file or the dictionaries could not\n"
            "be read; 4 a gold file is malformed (each bad line is reported as file:line;\n"
            "the rest is still scored).\n");
}

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* ../shared, else shared beside the folder above the program's folder
 * (build/dyad -> build/../../shared), as data/dict is found. */
static const char *shared_dir(void)
{
    static char path[PATH_MAX + 32];
    if (is_dir("../shared"))
        return "../shared";
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return "../shared";
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (!slash)
        return "../shared";
    *slash = '\0';
    snprintf(path, sizeof path, "%s/../../shared", exe);
    return is_dir(path) ? path : "../shared";
}

int dyad_cmd_eval(int argc, char **argv)
{
    const char *dict_dir = NULL, *features = NULL;
    dyad_eval_opts o = {.report = stdout, .progress = 1};
    const char **files = (const char **)argv; /* file names are moved to the front */
    int nfiles = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            return 0;
        } else if (!strcmp(a, "--dict-dir") && i + 1 < argc) {
            dict_dir = argv[++i];
        } else if (!strcmp(a, "--shared") && i + 1 < argc) {
            o.shared = argv[++i];
        } else if (!strcmp(a, "--keep-hypothetical")) {
            o.keep_hypothetical = 1;
        } else if (!strcmp(a, "-v") || !strcmp(a, "--verbose")) {
            o.verbose = 1;
        } else if (!strcmp(a, "--threads") && i + 1 < argc) {
            long n;
            if (dyad_cli_long(&n, "dyad eval", a, argv[++i], 1, 64))
                return 2;
            o.threads = (int)n;
        } else if (!strcmp(a, "--parser") && i + 1 < argc) {
            o.parser = argv[++i];
            if (dyad_cli_parser("dyad eval", o.parser))
                return 2;
        } else if (!strcmp(a, "--model") && i + 1 < argc) {
            o.model_dir = argv[++i];
        } else if (!strcmp(a, "--min-confidence") && i + 1 < argc) {
            if (dyad_cli_real(&o.min_confidence, "dyad eval", a, argv[++i], 0.0, 1.0))
                return 2;
        } else if (!strcmp(a, "--calibration")) {
            o.calibration = 1;
        } else if (!strcmp(a, "--confidence-features") && i + 1 < argc) {
            features = argv[++i];
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "dyad eval: unknown option '%s' (or its value is missing)\n", a);
            usage(stderr);
            return 2;
        } else {
            files[nfiles++] = a;
        }
    }
    if (!nfiles) {
        usage(stderr);
        return 2;
    }
    if (!o.shared)
        o.shared = shared_dir();
    if (features && !(o.features = fopen(features, "w"))) {
        fprintf(stderr, "dyad eval: cannot write %s\n", features);
        return 3;
    }
    dyad_dict *dict = NULL;
    if (dyad_cli_load_dict(&dict, "dyad eval", dict_dir, 0)) {
        if (o.features)
            fclose(o.features);
        return 3;
    }
    dyad_coder *coder = NULL;
    dyad_code_opts copts; /* dyad code's defaults; hypothetical events kept when scored */
    dyad_code_opts_default(&copts);
    copts.keep_hypothetical = o.keep_hypothetical;
    if (dyad_coder_new(&coder, dict, &copts)) {
        fprintf(stderr, "dyad eval: %s\n", dyad_last_error());
        dyad_dict_free(dict);
        if (o.features)
            fclose(o.features);
        return 3;
    }
    dyad_eval_result r;
    int rc = dyad_eval_gold(&r, coder, files, nfiles, &o, NULL);
    int status = 0;
    if (rc) {
        fprintf(stderr, "dyad eval: %s\n", dyad_last_error());
        status = 3;
    } else if (r.gold_errors) {
        fprintf(stderr, "dyad eval: %ld malformed gold lines (reported above) left out\n",
                r.gold_errors);
        status = 4;
    }
    fflush(stdout);
    if (o.features && fclose(o.features) && !status) {
        fprintf(stderr, "dyad eval: cannot write %s\n", features);
        status = 3;
    }
    dyad_coder_free(coder);
    dyad_dict_free(dict);
    return status;
}
