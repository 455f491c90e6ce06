/* cmd_quotes.c: `dyad quotes [--date D] [--dict-dir DIR] [--input FORMAT] FILE...|-`:
 * the attributed quotes of articles as JSON Lines. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "dyad.h"

static void usage(FILE *f)
{
    fprintf(f,
            "usage: dyad quotes [--dict-dir DIR] [--input FORMAT] [--date YYYY-MM-DD]\n"
            "                   [--verbose] FILE...|-\n"
            "Writes one JSON object per attributed quote (JSON Lines): type \"quote\",\n"
            "article, date, speaker, role, actor, quote, cue, kind (direct, partial,\n"
            "indirect), start, end, speaker_start, speaker_end (byte offsets of the\n"
            "article text).\n"
            "Options:\n"
            "  --dict-dir DIR   dictionaries that code the speakers (default: $DYAD_DICT_DIR,\n"
            "                   else data/dict)\n"
            "  --input FORMAT   auto (default), text, html, jsonl\n"
            "  --date DATE      the date of every article (chooses dated actor codes)\n"
            "  -v, --verbose    dictionary counts and totals on standard error\n"
            "Exit status: 0 success; 1 some input could not be read (the rest was read);\n"
            "2 usage error; 3 a file or the dictionaries could not be read.\n");
}

static int print_quote(void *user, const dyad_quote *q)
{
    long *n = user;
    ++*n;
    return dyad_quote_write_json(stdout, q) ? 1 : 0;
}

int dyad_cmd_quotes(int argc, char **argv)
{
    int status = 0;
    dyad_cli_input in;
    if (dyad_cli_input_init(&in, argc))
        return 3;
    in.cmd = "dyad quotes";
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int took = 0;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            dyad_cli_input_free(&in);
            return 0;
        } else if ((took = dyad_cli_input_arg(&in, argc, argv, &i)) < 0) {
            dyad_cli_input_free(&in);
            return 2;
        } else if (!took) {
            fprintf(stderr, "dyad quotes: unknown option '%s'\n", a);
            usage(stderr);
            dyad_cli_input_free(&in);
            return 2;
        }
    }
    if (!in.nfiles) {
        usage(stderr);
        dyad_cli_input_free(&in);
        return 2;
    }
    dyad_dict *dict = NULL;
    if (dyad_cli_load_dict(&dict, "dyad quotes", in.dict_dir, in.verbose)) {
        dyad_cli_input_free(&in);
        return 3;
    }
    dyad_run_stats st = {0};
    long nq = 0;
    for (int i = 0; i < in.nfiles; i++) {
        dyad_input_opts io = {.format = in.format, .date = in.date, .parser = in.parser,
                              .model_dir = in.model_dir};
        int rc = dyad_quotes_input(&st, dict, in.files[i], &io, print_quote, &nq, NULL);
        if (rc < 0) {
            fprintf(stderr, "dyad quotes: %s\n", dyad_last_error());
            status = 3;
        } else if (rc > 0) {
            fprintf(stderr, "dyad quotes: cannot write output\n");
            status = 3;
            break;
        }
    }
    fflush(stdout);
    if (in.verbose || st.input_errors)
        fprintf(stderr, "dyad quotes: %ld articles, %ld quotes, %ld input errors\n", st.records,
                nq, st.input_errors);
    if (!status && st.input_errors)
        status = 1;
    dyad_dict_free(dict);
    dyad_cli_input_free(&in);
    return status;
}
