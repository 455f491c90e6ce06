/* cmd_load.c: `dyad load [--db URL] [--dict-dir DIR] [--input FORMAT] FILE...|-`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "dyad.h"

static void usage(FILE *f)
{
    fprintf(f,
            "usage: dyad load [--db URL] [--dict-dir DIR] [--input petrarch-xml|jsonl]\n"
            "                 [--date YYYY-MM-DD] [--dict-version V] [--batch N] [--quiet]\n"
            "                 [--shard K/N] FILE|DIR...|-\n"
            "Codes PETRARCH XML files, or reads dyad's JSON Lines events (the output of\n"
            "dyad code or dyad export --format jsonl), and stores them article by article.\n"
            "Loading an article again replaces what the store held for it, also when\n"
            "several dyad load processes write to one PostgreSQL database at once.\n"
            "A folder stands for the files under it (recursively, in byte order of their\n"
            "names, hidden files left out); a FILE.gz is read through zlib.\n"
            "On a cluster: dyad code ... | dyad load --db URL [--shard K/N] --input jsonl -\n"
            "Options:\n"
            "  --db URL         sqlite:PATH or postgresql://USER@HOST/DB (any libpq URI).\n"
            "                   Default: $DYAD_DB, else sqlite:dyad.db\n"
            "  --dict-dir DIR   dictionaries for XML input. Default: $DYAD_DICT_DIR, else\n"
            "                   data/dict\n"
            "  --input FORMAT   petrarch-xml or jsonl; default: by the first character\n"
            "  --date DATE      XML: use this date for every sentence\n"
            "  --dict-version V the dictionary version to record for JSONL events that\n"
            "                   carry none. Default: the version of --dict-dir if given\n"
            "  --batch N        articles per transaction (default 1000; a batch is also\n"
            "                   committed after one second)\n"
            "  -q, --quiet      no progress line and no closing summary\n"
            "  --shard K/N      store only the articles of shard K of N (K from 0 to N-1):\n"
            "                   those whose id has FNV-1a-64(id) mod N = K (see dyad code\n"
            "                   --help); JSONL events go by their \"article\", so an\n"
            "                   article's events stay together\n"
            "Exit status: 0 success; 1 some input was skipped (malformed lines or records,\n"
            "an article the input ends inside); 2 usage error; 3 a file, the dictionaries\n"
            "or the database could not be opened; 4 a write to the database failed (the\n"
            "open transaction was rolled back; articles committed before it are kept).\n");
}

typedef struct load_cli {
    const char *db, *dict_dir, *input, *date, *dict_version;
    int batch, quiet, tty, nfiles, shard, nshards;
    char **files;
    dyad_store *store;
    dyad_dict *dict;
    dyad_coder *coder;
    char version[DYAD_DICT_VERSION_SIZE];
    dyad_load_stats total;
    int progress_shown;
} load_cli;

static void show_progress(void *user, const dyad_load_stats *st)
{
    load_cli *c = user;
    if (!c->tty)
        return;
    long articles = c->total.articles + st->articles, events = c->total.events + st->events;
    double secs = c->total.seconds + st->seconds;
    fprintf(stderr, "\r\033[Kdyad load: %ld articles, %ld events committed (%.0f events/s)",
            articles, events, secs > 0 ? (double)events / secs : 0.0);
    fflush(stderr);
    c->progress_shown = 1;
}

/* Input messages: clear the progress line first. */
static void on_diag(void *user, dyad_diag_level lvl, const char *file, long line, const char *msg)
{
    load_cli *c = user;
    if (c->progress_shown) {
        fputs("\r\033[K", stderr);
        c->progress_shown = 0;
    }
    const char *what = lvl == DYAD_DIAG_ERROR ? "error" : "warning";
    if (file && line > 0)
        fprintf(stderr, "%s:%ld: %s: %s\n", file, line, what, msg);
    else
        fprintf(stderr, "%s: %s: %s\n", file ? file : "dyad load", what, msg);
}

/* "petrarch-xml" or "jsonl" from the first non-blank byte; NULL if unknown. */
static const char *sniff(const char *path)
{
    int is_stdin = !strcmp(path, "-");
    FILE *f = dyad_input_open(path);
    if (!f)
        return "petrarch-xml"; /* let the loader report the error */
    int ch;
    while ((ch = getc(f)) == ' ' || ch == '\t' || ch == '\r' || ch == '\n')
        ;
    if (is_stdin && ch != EOF)
        ungetc(ch, f);
    if (!is_stdin)
        dyad_input_close(f);
    return ch == '{' ? "jsonl" : ch == '<' || ch == EOF ? "petrarch-xml" : NULL;
}

/* Loads the dictionaries and the coder on the first XML file. 0 or 3. */
static int need_coder(load_cli *c)
{
    if (c->coder)
        return 0;
    const char *dir = dyad_cli_dict_dir(c->dict_dir);
    if (dyad_cli_load_dict(&c->dict, "dyad load", dir, 0))
        return 3;
    if (dyad_store_dict_version(c->version, dir) || dyad_coder_new(&c->coder, c->dict, NULL)) {
        fprintf(stderr, "dyad load: %s\n", dyad_last_error());
        return 3;
    }
    return 0;
}

/* Loads one file; returns the exit status it calls for. */
static int load_one(load_cli *c, const char *path, dyad_diag *diag)
{
    const char *fmt = c->input ? c->input : sniff(path);
    if (!fmt) {
        fprintf(stderr, "dyad load: %s: neither PETRARCH XML nor JSON Lines (use --input)\n",
                path);
        return 3;
    }
    dyad_load_opts o = {.date = c->date, .batch_articles = c->batch, .progress = show_progress,
                        .user = c, .shard = c->shard, .nshards = c->nshards};
    dyad_load_stats st;
    memset(&st, 0, sizeof st);
    int rc;
    if (!strcmp(fmt, "jsonl")) {
        o.dict_version = c->dict_version ? c->dict_version : c->version;
        rc = dyad_store_load_jsonl(c->store, path, &o, &st, diag);
    } else {
        if ((rc = need_coder(c)))
            return rc;
        o.dict_version = c->version;
        rc = dyad_store_load_petrxml(c->store, c->coder, path, &o, &st, diag);
    }
    c->total.articles += st.articles;
    c->total.sentences += st.sentences;
    c->total.events += st.events;
    c->total.bad_lines += st.bad_lines;
    c->total.incomplete += st.incomplete;
    c->total.seconds += st.seconds;
    c->total.run.input_errors += st.run.input_errors;
    c->total.run.xml_errors += st.run.xml_errors;
    if (rc) {
        on_diag(c, DYAD_DIAG_ERROR, NULL, 0, dyad_last_error());
        return rc == DYAD_ESTORE || rc == DYAD_ESTORE_FULL ? 4 : 3;
    }
    return 0;
}

/* Parses the options; 0, or the exit status (2 usage, -1 = --help done). */
static int parse_args(load_cli *c, int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int more = i + 1 < argc;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            return -1;
        } else if (!strcmp(a, "--db") && more) {
            c->db = argv[++i];
        } else if (!strcmp(a, "--dict-dir") && more) {
            c->dict_dir = argv[++i];
        } else if (!strcmp(a, "--date") && more) {
            c->date = argv[++i];
            if (dyad_cli_date("dyad load", a, c->date, 0))
                return 2;
        } else if (!strcmp(a, "--dict-version") && more) {
            c->dict_version = argv[++i];
        } else if (!strcmp(a, "--batch") && more) {
            long n = 0;
            if (dyad_cli_long(&n, "dyad load", a, argv[++i], 1, 100000000))
                return 2;
            c->batch = (int)n;
        } else if (!strcmp(a, "--input") && more) {
            c->input = argv[++i];
            if (strcmp(c->input, "petrarch-xml") && strcmp(c->input, "jsonl")) {
                fprintf(stderr, "dyad load: unknown input format '%s' (petrarch-xml, jsonl)\n",
                        c->input);
                return 2;
            }
        } else if (!strcmp(a, "--shard") && more) {
            if (dyad_cli_shard(&c->shard, &c->nshards, "dyad load", argv[++i]))
                return 2;
        } else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
            c->quiet = 1;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "dyad load: unknown option '%s'\n", a);
            usage(stderr);
            return 2;
        } else {
            c->files[c->nfiles++] = argv[i];
        }
    }
    if (!c->nfiles) {
        usage(stderr);
        return 2;
    }
    return 0;
}

int dyad_cmd_load(int argc, char **argv)
{
    load_cli c;
    memset(&c, 0, sizeof c);
    if (!(c.files = calloc((size_t)argc, sizeof *c.files)))
        return 3;
    int status = parse_args(&c, argc, argv);
    if (status) {
        free(c.files);
        return status < 0 ? 0 : status;
    }
    c.tty = !c.quiet && isatty(2);
    if (c.dict_dir && dyad_store_dict_version(c.version, c.dict_dir)) {
        fprintf(stderr, "dyad load: %s\n", dyad_last_error());
        free(c.files);
        return 3;
    }
    if (!(c.store = dyad_cli_open_store("dyad load", c.db, DYAD_STORE_WRITE))) {
        free(c.files);
        return 3;
    }
    dyad_diag diag = {on_diag, &c, 0, 0};
    dyad_cli_paths files;
    int unreadable = 0;
    if (dyad_cli_expand(&files, "dyad load", c.files, c.nfiles, &unreadable) || unreadable)
        status = 3;
    for (int i = 0; i < files.npath && status != 4; i++) {
        int s = load_one(&c, files.path[i], &diag);
        if (s > status)
            status = s;
    }
    dyad_cli_paths_free(&files);
    if (c.progress_shown)
        fputs("\r\033[K", stderr);
    if (!c.quiet)
        fprintf(stderr,
                "dyad load: %ld articles, %ld sentences, %ld events stored in %s "
                "(dictionaries %s, %.2f s)\n",
                c.total.articles, c.total.sentences, c.total.events, dyad_store_url(c.store),
                c.version[0] ? c.version : "-", c.total.seconds);
    if (!status && (diag.errors || c.total.bad_lines || c.total.incomplete))
        status = 1;
    dyad_store_close(c.store);
    dyad_coder_free(c.coder);
    dyad_dict_free(c.dict);
    free(c.files);
    return status;
}
