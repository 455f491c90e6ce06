/* cmd_validate.c: `dyad validate FILE.xml [--dict-dir DIR] [-v]`. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "dyad.h"

static void usage(FILE *f)
{
    fprintf(f,
            "usage: dyad validate [--dict-dir DIR | --dicts DIR] [--reparse [--parser NAME]] [--verbose]\n"
            "                     FILE.xml\n"
            "Codes every record of a PETRARCH validation file with the dictionaries its\n"
            "<Environment> names (looked up in DIR, default the file's folder), prints each\n"
            "record whose coding differs from the expected one, and ends with\n"
            "  validate: P of T records correct\n"
            "Options:\n"
            "  --dict-dir DIR   folder holding the dictionaries the file names\n"
            "  --dicts DIR      code with the dictionaries DIR names instead (dyad.dicts,\n"
            "                   PETR_config.ini or by file name), e.g. data/dict\n"
            "  --reparse        ignore each record's <Parse>: parse its <Text> with one of\n"
            "                   dyad's parsers and code that; a record without text has\n"
            "                   the words of its <Parse> parsed; a 'reparse:' line gives\n"
            "                   full/partial/failed parses and speed\n"
            "  --parser NAME    link-grammar (the default) or builtin (dyad's tagger and\n"
            "                   dependency parser)\n"
            "  --model DIR      the built-in parser's models (default data/parser)\n"
            "  -v, --verbose    print every record and the dictionary counts\n"
            "Exit status: 0 all records correct, 1 some differ, 2 usage error,\n"
            "3 the file or its dictionaries could not be read, 4 some records could not be read.\n");
}

int dyad_cmd_validate(int argc, char **argv)
{
    dyad_validate_opts o = {.report = stdout};
    const char *file = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            return 0;
        } else if (!strcmp(a, "--dict-dir") && i + 1 < argc) {
            o.dict_dir = argv[++i];
        } else if (!strncmp(a, "--dict-dir=", 11)) {
            o.dict_dir = a + 11;
        } else if (!strcmp(a, "--dicts") && i + 1 < argc) {
            o.dicts = argv[++i];
        } else if (!strcmp(a, "-v") || !strcmp(a, "--verbose")) {
            o.verbose = 1;
        } else if (!strcmp(a, "--reparse")) {
            o.reparse = 1;
        } else if (!strcmp(a, "--parser") && i + 1 < argc) {
            o.parser = argv[++i];
            if (dyad_cli_parser("dyad validate", o.parser))
                return 2;
        } else if (!strcmp(a, "--model") && i + 1 < argc) {
            o.model_dir = argv[++i];
        } else if (!strcmp(a, "--debug")) {
            o.verbose = 2; /* also the parse list of each differing record */
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "dyad validate: unknown option '%s'\n", a);
            usage(stderr);
            return 2;
        } else if (!file) {
            file = a;
        } else {
            fprintf(stderr, "dyad validate: one file at a time\n");
            return 2;
        }
    }
    if (!file) {
        usage(stderr);
        return 2;
    }
    dyad_validate_result r;
    int rc = dyad_validate_file(&r, file, &o, NULL);
    if (rc) {
        fprintf(stderr, "dyad validate: %s\n", dyad_last_error());
        return 3;
    }
    if (o.verbose)
        fprintf(stderr, "dyad validate: %d records, %s coder, dictionaries %.3f s, coding %.3f s\n",
                r.records, r.engine, r.dict_seconds, r.code_seconds);
    if (r.input_errors)
        fprintf(stderr, "dyad validate: %d records could not be read\n", r.input_errors);
    printf("validate: %d of %d records correct\n", r.correct, r.scored);
    if (r.input_errors)
        return 4;
    return r.correct == r.scored ? 0 : 1;
}
