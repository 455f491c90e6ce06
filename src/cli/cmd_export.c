/* cmd_export.c: `dyad export [--db URL] --format jsonl|phoenix|gdelt|graphml`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "dyad.h"

static void usage(FILE *f)
{
    fprintf(f,
            "usage: dyad export [--db URL] --format jsonl|phoenix|gdelt|graphml\n"
            "                   [--from DATE] [--to DATE] [--dyad A-B [--both]]\n"
            "                   [--no-header] [--output FILE]\n"
            "Writes the stored events for other tools:\n"
            "  jsonl     one JSON object per event (dyad code's fields, dict_version,\n"
            "            mentions); pandas.read_json(lines=True), jsonlite::stream_in,\n"
            "            and dyad load read it\n"
            "  phoenix   the Phoenix data set's 26 tab-separated columns, one row per date,\n"
            "            source, target and code\n"
            "  gdelt     the GDELT 2.0 event table's 61 tab-separated columns (what dyad\n"
            "            does not know is left empty)\n"
            "  graphml   the actor network for Gephi: nodes = actors, edges = dyads with\n"
            "            weight = events and the mean Goldstein score\n"
            "Options:\n"
            "  --from, --to     dates, inclusive: YYYY-MM-DD, YYYYMMDD, YYYY-MM or YYYY\n"
            "  --dyad A-B       only this dyad (actor code prefixes); --both: both ways\n"
            "  --no-header      no line of column names in the TSV formats (as in the\n"
            "                   Phoenix and GDELT files themselves)\n"
            "  --output FILE    write to FILE instead of standard output\n"
            "  --db URL         sqlite:PATH or postgresql://...; default $DYAD_DB, else\n"
            "                   sqlite:dyad.db\n"
            "Exit status: 0 success; 2 usage error; 3 the database could not be opened;\n"
            "4 the export failed.\n");
}

static int parse_format(const char *v, dyad_export_format *out)
{
    static const struct {
        const char *name;
        dyad_export_format fmt;
    } names[] = {{"jsonl", DYAD_EXPORT_JSONL},
                 {"phoenix", DYAD_EXPORT_PHOENIX},
                 {"gdelt", DYAD_EXPORT_GDELT},
                 {"graphml", DYAD_EXPORT_GRAPHML}};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (!strcmp(v, names[i].name)) {
            *out = names[i].fmt;
            return 0;
        }
    return -1;
}

typedef struct export_cli {
    const char *db, *output;
    int have_format, header;
    dyad_export_format fmt;
    dyad_query q;
    char dyad[256];
} export_cli;

/* 0, 2 (usage) or -1 (--help done). */
static int parse_args(export_cli *c, int argc, char **argv)
{
    c->header = 1;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int more = i + 1 < argc;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            return -1;
        } else if (!strcmp(a, "--db") && more) {
            c->db = argv[++i];
        } else if (!strcmp(a, "--format") && more) {
            if (parse_format(argv[++i], &c->fmt)) {
                fprintf(stderr, "dyad export: unknown format '%s' (jsonl, phoenix, gdelt, "
                                "graphml)\n", argv[i]);
                return 2;
            }
            c->have_format = 1;
        } else if ((!strcmp(a, "--from") || !strcmp(a, "--to")) && more) {
            const char **bound = !strcmp(a, "--from") ? &c->q.from : &c->q.to;
            *bound = argv[++i];
            if (dyad_cli_date("dyad export", a, *bound, 1))
                return 2;
        } else if (!strcmp(a, "--dyad") && more) {
            snprintf(c->dyad, sizeof c->dyad, "%s", argv[++i]);
            char *dash = strchr(c->dyad, '-');
            c->q.source = c->dyad;
            if (dash) {
                *dash = 0;
                c->q.target = dash + 1;
            }
        } else if (!strcmp(a, "--both")) {
            c->q.both = 1;
        } else if (!strcmp(a, "--no-header")) {
            c->header = 0;
        } else if ((!strcmp(a, "--output") || !strcmp(a, "-o")) && more) {
            c->output = argv[++i];
        } else {
            fprintf(stderr, "dyad export: unknown option or missing value '%s'\n", a);
            usage(stderr);
            return 2;
        }
    }
    if (!c->have_format) {
        fprintf(stderr, "dyad export: --format is required\n");
        usage(stderr);
        return 2;
    }
    return 0;
}

int dyad_cmd_export(int argc, char **argv)
{
    export_cli c;
    memset(&c, 0, sizeof c);
    int status = parse_args(&c, argc, argv);
    if (status)
        return status < 0 ? 0 : status;
    dyad_store *s = dyad_cli_open_store("dyad export", c.db, DYAD_STORE_READ);
    if (!s)
        return 3;
    FILE *f = c.output ? fopen(c.output, "wb") : stdout;
    if (!f) {
        fprintf(stderr, "dyad export: %s: cannot create\n", c.output);
        dyad_store_close(s);
        return 3;
    }
    long n = 0;
    int rc = dyad_store_export(s, f, c.fmt, &c.q, c.header, &n);
    if (c.output && fclose(f) && !rc)
        rc = DYAD_EIO;
    if (rc) {
        fprintf(stderr, "dyad export: %s\n", rc == DYAD_EIO && c.output ? "cannot write the output"
                                                                         : dyad_last_error());
        status = rc == DYAD_EINVAL ? 2 : 4;
    }
    dyad_store_close(s);
    return status;
}
