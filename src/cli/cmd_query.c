/* cmd_query.c: `dyad query [--db URL] [--format table|csv|json] ...`: timelines,
 * top lists and event lists from a store. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "dyad.h"

static void usage(FILE *f)
{
    fprintf(f,
            "usage: dyad query [--db URL] [--format table|csv|json] [--from DATE] [--to DATE]\n"
            "                  [--dyad A-B [--both] [--by month|year|day]\n"
            "                   | --top actors|dyads [--actor A] [--dyad A-B] [--limit N]\n"
            "                   | --events --dyad A-B [--both] [--limit N]\n"
            "                   | --summary]\n"
            "Answers questions from a store (see dyad load):\n"
            "  --dyad A-B       a dyad timeline: per period, events, counts per quad class\n"
            "                   and PLOVER category, mean Goldstein score. A and B are actor\n"
            "                   code prefixes (PRK matches PRKGOV); '*' or nothing = any\n"
            "  --both           also count B -> A\n"
            "  --by PERIOD      month (default), year or day\n"
            "  --top actors     the most frequent actors (--actor A: codes starting with A)\n"
            "  --top dyads      the most frequent directed dyads (--dyad narrows them)\n"
            "  --events         the events of the dyad with their evidence sentences\n"
            "  --summary        what the store holds (the default without a question)\n"
            "  --from, --to     dates, inclusive: YYYY-MM-DD, YYYYMMDD, YYYY-MM or YYYY\n"
            "  --limit N        rows of a top list (default 10) or event list (default all)\n"
            "  --format F       table (default; long text is cut), csv or json (full text)\n"
            "  --db URL         sqlite:PATH or postgresql://...; default $DYAD_DB, else\n"
            "                   sqlite:dyad.db\n"
            "Exit status: 0 success; 2 usage error; 3 the database could not be opened;\n"
            "4 the query failed.\n");
}

/* "A-B" -> A, B in buf ("" = any). */
static void split_dyad(const char *arg, char *buf, size_t n, const char **a, const char **b)
{
    snprintf(buf, n, "%s", arg);
    char *dash = strchr(buf, '-');
    *a = buf;
    *b = "";
    if (dash) {
        *dash = 0;
        *b = dash + 1;
    }
}

typedef struct query_cli {
    const char *db, *dyad, *top, *format;
    int events, summary;
    dyad_query q;
    char dyadbuf[256];
} query_cli;

static int parse_period(dyad_query *q, const char *v)
{
    if (!strcmp(v, "month"))
        q->by = DYAD_PERIOD_MONTH;
    else if (!strcmp(v, "year"))
        q->by = DYAD_PERIOD_YEAR;
    else if (!strcmp(v, "day"))
        q->by = DYAD_PERIOD_DAY;
    else
        return -1;
    return 0;
}

/* 0, 2 (usage) or -1 (--help done). */
static int parse_args(query_cli *c, int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int more = i + 1 < argc;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            return -1;
        } else if (!strcmp(a, "--db") && more) {
            c->db = argv[++i];
        } else if (!strcmp(a, "--format") && more) {
            c->format = argv[++i];
        } else if (!strcmp(a, "--dyad") && more) {
            c->dyad = argv[++i];
        } else if (!strcmp(a, "--both")) {
            c->q.both = 1;
        } else if (!strcmp(a, "--by") && more) {
            if (parse_period(&c->q, argv[++i])) {
                fprintf(stderr, "dyad query: --by takes month, year or day\n");
                return 2;
            }
        } else if (!strcmp(a, "--top") && more) {
            c->top = argv[++i];
        } else if (!strcmp(a, "--actor") && more) {
            c->q.actor = argv[++i];
        } else if (!strcmp(a, "--events")) {
            c->events = 1;
        } else if (!strcmp(a, "--summary")) {
            c->summary = 1;
        } else if ((!strcmp(a, "--from") || !strcmp(a, "--to")) && more) {
            const char **bound = !strcmp(a, "--from") ? &c->q.from : &c->q.to;
            *bound = argv[++i];
            if (dyad_cli_date("dyad query", a, *bound, 1))
                return 2;
        } else if (!strcmp(a, "--limit") && more) {
            if (dyad_cli_long(&c->q.limit, "dyad query", a, argv[++i], 1, 1000000000L))
                return 2;
        } else {
            fprintf(stderr, "dyad query: unknown option or missing value '%s'\n", a);
            usage(stderr);
            return 2;
        }
    }
    if (c->top && strcmp(c->top, "actors") && strcmp(c->top, "dyads")) {
        fprintf(stderr, "dyad query: --top takes actors or dyads\n");
        return 2;
    }
    if (c->format && strcmp(c->format, "table") && strcmp(c->format, "csv") &&
        strcmp(c->format, "json")) {
        fprintf(stderr, "dyad query: --format takes table, csv or json\n");
        return 2;
    }
    if (c->events && !c->dyad) {
        fprintf(stderr, "dyad query: --events needs --dyad A-B\n");
        return 2;
    }
    if ((c->top != NULL) + c->events + c->summary > 1) {
        fprintf(stderr, "dyad query: ask one question: --dyad, --top, --events or --summary\n");
        return 2;
    }
    if (c->dyad)
        split_dyad(c->dyad, c->dyadbuf, sizeof c->dyadbuf, &c->q.source, &c->q.target);
    return 0;
}

int dyad_cmd_query(int argc, char **argv)
{
    query_cli c;
    memset(&c, 0, sizeof c);
    int status = parse_args(&c, argc, argv);
    if (status)
        return status < 0 ? 0 : status;
    dyad_store *s = dyad_cli_open_store("dyad query", c.db, DYAD_STORE_READ);
    if (!s)
        return 3;
    dyad_table *t = NULL;
    int rc;
    if (c.top && !strcmp(c.top, "actors"))
        rc = dyad_store_top_actors(&t, s, &c.q);
    else if (c.top)
        rc = dyad_store_top_dyads(&t, s, &c.q);
    else if (c.events)
        rc = dyad_store_events(&t, s, &c.q);
    else if (c.dyad && !c.summary)
        rc = dyad_store_timeline(&t, s, &c.q);
    else
        rc = dyad_store_summary(&t, s);
    dyad_table_format fmt = !c.format || !strcmp(c.format, "table") ? DYAD_TABLE_TEXT
                            : !strcmp(c.format, "csv")               ? DYAD_TABLE_CSV
                                                                      : DYAD_TABLE_JSON;
    if (!rc)
        rc = dyad_table_write(stdout, t, fmt);
    if (rc) {
        fprintf(stderr, "dyad query: %s\n", dyad_last_error());
        status = rc == DYAD_EINVAL ? 2 : 4;
    }
    dyad_table_free(t);
    dyad_store_close(s);
    return status;
}
