/* cmd_code.c: `dyad code [--dict-dir DIR] [--input petrarch-xml] FILE...|-`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "dyad.h"

static void usage(FILE *f)
{
    fprintf(f,
            "usage: dyad code [--dict-dir DIR] [--input FORMAT] [--date YYYY-MM-DD]\n"
            "                 [--threads N] [--quotes] [--require-dyad] [--keep-hypothetical]\n"
            "                 [--min-confidence X] [--parser NAME] [--model DIR] [--verbose]\n"
            "                 [--shard K/N] FILE|DIR...|-\n"
            "Codes events and writes one JSON object per event per line to standard output.\n"
            "A folder stands for the files under it (recursively, in byte order of their\n"
            "names, hidden files left out); a FILE.gz is read through zlib, its format\n"
            "taken from the name under .gz (a.txt.gz is text, a.jsonl.gz JSON Lines).\n"
            "On a cluster: dyad code [--shard K/N] [--threads T] FILE|DIR... > out.jsonl\n"
            "Options:\n"
            "  --dict-dir DIR   dictionaries (PETRARCH formats) to use; DIR names them in\n"
            "                   dyad.dicts or PETR_config.ini, or by file name.\n"
            "                   Default: $DYAD_DICT_DIR, else data/dict (dyad's own)\n"
            "  --input FORMAT   auto (default: by extension and content), text, html, jsonl,\n"
            "                   petrarch-xml (records with Penn parses), conllu\n"
            "  --date DATE      use this date for every article (text: overrides a leading\n"
            "                   'date YYYY-MM-DD' line)\n"
            "  --threads N      parser threads for raw text (default: one per core)\n"
            "  --quotes         also write each article's attributed quotes, after its\n"
            "                   events, as records of type \"quote\" (see dyad quotes)\n"
            "  --require-dyad   code only events with both sides (PETRARCH's behaviour);\n"
            "                   default: protests, strikes, violence, arrests... with one\n"
            "                   side named are coded with the other side \"\"\n"
            "  --keep-hypothetical  also write events of modality hypothetical (would,\n"
            "                   could, if ...), dropped by default\n"
            "  --min-confidence X  write only events of confidence X (0 to 1) or more\n"
            "                   (each event's \"confidence\": README.md, Confidence)\n"
            "  --parser NAME    the parser for raw text, HTML and JSON Lines: link-grammar\n"
            "                   (the default) or builtin (dyad's own tagger and dependency\n"
            "                   parser, trained on UD English: 100x faster, codes less well)\n"
            "  --model DIR      the built-in parser's models (default: data/parser)\n"
            "  -v, --verbose    report dictionary counts and totals on standard error\n"
            "  --shard K/N      code only the articles of shard K of N (K from 0 to N-1):\n"
            "                   those whose id has FNV-1a-64(id) mod N = K, the 64-bit FNV-1a\n"
            "                   hash of the id's UTF-8 bytes (offset 14695981039346656037,\n"
            "                   prime 1099511628211). N workers with K = 0..N-1 over the\n"
            "                   same inputs code every article once\n"
            "Raw text, HTML and JSON Lines are split into sentences and parsed; a sentence\n"
            "the parser cannot parse is reported.\n"
            "Limits per article (each cut is reported as a warning naming the file, line\n"
            "and article, and counted in the -v summary): only the first 100 KiB of its\n"
            "text and its first 500 sentences are coded; a sentence over 200 words is cut\n"
            "into pieces, of which an article's first 10 are coded. Link-grammar takes at\n"
            "most 50 words at a time (a longer sentence is parsed in pieces cut at ';',\n"
            "':', dashes, ', and', commas) and leaves words out (a partial parse) only\n"
            "in pieces of at most 30 words; the built-in parser takes any sentence whole,\n"
            "in linear time. No limit depends on the clock: the output is the same for\n"
            "any --threads and machine load.\n"
            "A damaged .gz file is an error naming it: the JSON Lines articles before\n"
            "the damage are coded, a text, HTML, XML or CoNLL-U file is left out whole.\n"
            "Exit status: 0 success; 1 some input could not be read (the rest was coded);\n"
            "2 usage error; 3 a file, a folder or the dictionaries could not be read.\n");
}

/* user: the lowest confidence written (a double). */
static int print_event(void *user, const dyad_event *e)
{
    if (e->confidence < *(const double *)user)
        return 0;
    return dyad_event_write_json(stdout, e) ? 1 : 0;
}

static int print_quote(void *user, const dyad_quote *q)
{
    (void)user;
    return dyad_quote_write_json(stdout, q) ? 1 : 0;
}

int dyad_cmd_code(int argc, char **argv)
{
    int threads = 0, quotes = 0, require_dyad = 0, keep_hyp = 0, shard = 0, nshards = 1;
    double min_conf = 0.0;
    dyad_cli_input in;
    if (dyad_cli_input_init(&in, argc))
        return 3;
    in.cmd = "dyad code";
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int took = 0;
        long n = 0;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            dyad_cli_input_free(&in);
            return 0;
        } else if ((took = dyad_cli_input_arg(&in, argc, argv, &i)) != 0) {
            if (took > 0)
                continue;
            dyad_cli_input_free(&in);
            return 2;
        } else if (!strcmp(a, "--threads") && i + 1 < argc) {
            if (dyad_cli_long(&n, "dyad code", a, argv[++i], 1, 64)) {
                dyad_cli_input_free(&in);
                return 2;
            }
            threads = (int)n;
        } else if (!strcmp(a, "--min-confidence") && i + 1 < argc) {
            if (dyad_cli_real(&min_conf, "dyad code", a, argv[++i], 0.0, 1.0)) {
                dyad_cli_input_free(&in);
                return 2;
            }
        } else if (!strcmp(a, "--shard") && i + 1 < argc) {
            if (dyad_cli_shard(&shard, &nshards, "dyad code", argv[++i])) {
                dyad_cli_input_free(&in);
                return 2;
            }
        } else if (!strcmp(a, "--quotes")) {
            quotes = 1;
        } else if (!strcmp(a, "--require-dyad")) {
            require_dyad = 1;
        } else if (!strcmp(a, "--keep-hypothetical")) {
            keep_hyp = 1;
        } else {
            fprintf(stderr, "dyad code: unknown option '%s'\n", a);
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
    if (dyad_cli_load_dict(&dict, "dyad code", in.dict_dir, in.verbose)) {
        dyad_cli_input_free(&in);
        return 3;
    }
    dyad_coder *coder = NULL;
    dyad_code_opts copts;
    dyad_code_opts_default(&copts);
    if (require_dyad)
        dyad_code_opts_set(&copts, "require_dyad", "true");
    copts.keep_hypothetical = keep_hyp;
    if (dyad_coder_new(&coder, dict, &copts)) {
        fprintf(stderr, "dyad code: %s\n", dyad_last_error());
        dyad_dict_free(dict);
        dyad_cli_input_free(&in);
        return 3;
    }
    dyad_run_stats st = {0};
    int status = 0, unreadable = 0;
    dyad_cli_paths files;
    if (dyad_cli_expand(&files, "dyad code", in.files, in.nfiles, &unreadable) || unreadable)
        status = 3;
    for (int i = 0; i < files.npath; i++) {
        dyad_input_opts io = {.format = in.format, .date = in.date, .threads = threads, .progress = 1,
                              .quotes = quotes ? print_quote : NULL, .parser = in.parser,
                              .model_dir = in.model_dir, .shard = shard, .nshards = nshards};
        int rc = dyad_code_input(&st, coder, files.path[i], &io, print_event, &min_conf, NULL);
        if (rc < 0) {
            fprintf(stderr, "dyad code: %s\n", dyad_last_error());
            status = 3;
        } else if (rc > 0) {
            fprintf(stderr, "dyad code: cannot write output\n");
            status = 3;
            break;
        }
    }
    fflush(stdout);
    if (in.verbose && (st.parsed_full || st.parsed_partial || st.parse_failed || st.skipped_no_actor))
        fprintf(stderr,
                "dyad code: parser %s: %ld full parses, %ld partial, %ld failed, %ld "
                "skipped (no actor)\n",
                in.parser ? in.parser : "link-grammar", st.parsed_full, st.parsed_partial, st.parse_failed, st.skipped_no_actor);
    if (in.verbose && (st.articles_cut || st.parse_timeouts))
        fprintf(stderr,
                "dyad code: %ld articles cut by the per-article limits, %ld sentences stopped "
                "by the parser's emergency time limit (see the warnings)\n",
                st.articles_cut, st.parse_timeouts);
    if (in.verbose || st.input_errors || st.xml_errors)
        fprintf(stderr,
                "dyad code: %ld records, %ld events, %ld discarded, %ld records could not be "
                "coded, %ld input errors\n",
                st.records, st.events, st.discarded, st.input_errors, st.xml_errors);
    if (!status && (st.input_errors || st.xml_errors))
        status = 1;
    dyad_cli_paths_free(&files);
    dyad_coder_free(coder);
    dyad_dict_free(dict);
    dyad_cli_input_free(&in);
    return status;
}
