/* cmd_dict.c: `dyad dict check DIR`: the problems of a dictionary folder. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "dyad.h"

static void usage(FILE *f)
{
    fprintf(f,
            "usage: dyad dict check [--errors-only] DIR\n"
            "Checks the dictionaries of a folder (named in DIR/dyad.dicts or\n"
            "DIR/PETR_config.ini, else found by file name, as 'dyad code --dict-dir' does)\n"
            "and prints each finding on standard output as\n"
            "  file:line: error|warning: reason\n"
            "then the line\n"
            "  dict check: N errors, M warnings in K files\n"
            "Errors: lines the loaders cannot read (bad syntax, undefined synsets, date\n"
            "ranges that end before they start); an actor or agent phrase listed again\n"
            "with other codes; a pattern repeated in its verb block with another code;\n"
            "event codes outside the CAMEO table (\"---\" and \"0\" are the null codes);\n"
            "actor and agent codes that are not 3+ upper-case letters or digits.\n"
            "Warnings: the same repetitions with the same codes, a repeated discard\n"
            "phrase, a verb listed in two blocks, a synset that is never used.\n"
            "Options:\n"
            "  --errors-only    print errors only (the summary still counts warnings)\n"
            "Exit status: 0 no errors (warnings allowed), 1 errors found, 2 usage error,\n"
            "3 the folder or one of its dictionaries could not be read.\n");
}

static void print_finding(void *user, dyad_diag_level lvl, const char *file, long line, const char *msg)
{
    int errors_only = *(const int *)user;
    if (errors_only && lvl != DYAD_DIAG_ERROR)
        return;
    const char *what = lvl == DYAD_DIAG_ERROR ? "error" : "warning";
    if (line > 0)
        printf("%s:%ld: %s: %s\n", file, line, what, msg);
    else
        printf("%s: %s: %s\n", file, what, msg);
}

static int cmd_check(int argc, char **argv)
{
    const char *dir = NULL;
    int errors_only = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            return 0;
        } else if (!strcmp(a, "--errors-only")) {
            errors_only = 1;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "dyad dict check: unknown option '%s'\n", a);
            usage(stderr);
            return 2;
        } else if (!dir) {
            dir = a;
        } else {
            fprintf(stderr, "dyad dict check: one folder at a time\n");
            return 2;
        }
    }
    if (!dir) {
        usage(stderr);
        return 2;
    }
    dyad_diag diag = {print_finding, &errors_only, 0, 0};
    dyad_dict_check_result r;
    int rc = dyad_dict_check_dir(&r, dir, &diag);
    if (rc) {
        fprintf(stderr, "dyad dict check: %s\n", dyad_last_error());
        return rc == DYAD_ENOMEM ? 1 : 3;
    }
    printf("dict check: %ld errors, %ld warnings in %d files\n", r.errors, r.warnings, r.files);
    return r.errors ? 1 : 0;
}

int dyad_cmd_dict(int argc, char **argv)
{
    if (argc >= 2 && (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help"))) {
        usage(stdout);
        return 0;
    }
    if (argc >= 2 && !strcmp(argv[1], "check"))
        return cmd_check(argc - 1, argv + 1);
    if (argc >= 2)
        fprintf(stderr, "dyad dict: unknown subcommand '%s'\n", argv[1]);
    usage(stderr);
    return 2;
}
