/* query.h: pieces shared by the queries and the exports (internal). */
#ifndef DYAD_STORE_QUERY_H
#define DYAD_STORE_QUERY_H

#include "store/store.h"
#include "util/util.h"

/* The WHERE condition for a query's dyad (dyad = 1) and dates, over columns
 * prefixed by alias ("" or "e."), with its parameters. The parameters point
 * into the filter and into q: both must outlive the statement's run. */
typedef struct dyad_store_filter {
    dyad_buf sql; /* "(dyad condition) AND date >= ? AND date <= ?" */
    dyad_param p[12];
    int np;
    char bound[8][128]; /* prefix ranges */
    int nbounds;
    char from[16], to[16];
} dyad_store_filter;

/* 0, DYAD_EINVAL (a bad date or code) or DYAD_ENOMEM. */
int dyad_store__filter_init(dyad_store_filter *f, const dyad_query *q, const char *alias, int dyad);
void dyad_store__filter_free(dyad_store_filter *f);

/* Prepares sql and starts it with p; *out is finalized by the caller
 * (s->be->finalize). */
int dyad_store__select(dyad_store *s, dyad_stmt **out, const char *sql, const dyad_param *p,
                       int np);

/* A score as text: up to 6 significant digits, ".0" kept for whole numbers. */
void dyad_store__fmt_real(char *buf, size_t n, double v);

#endif
