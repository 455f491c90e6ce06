/* query.c: the questions an analyst asks of a store, as result tables.
 *
 * A dyad filter is an actor-code prefix on each side: "PRK" matches PRK,
 * PRKGOV, PRKMIL. It becomes a range (source >= 'PRK' AND source < 'PRL'),
 * which both backends answer from the (source, target, date) index and which
 * compares bytes alike on both (PostgreSQL columns are COLLATE "C"). Sums of
 * Goldstein scores are taken over integer hundredths, so the means are exact
 * and identical on SQLite and PostgreSQL. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store/query.h"
#include "store/store.h"
#include "store/table.h"
#include "util/util.h"

/* ---- filters ---------------------------------------------------------- */

static int is_any(const char *prefix) { return !prefix || !*prefix || !strcmp(prefix, "*"); }

/* Range condition for an actor prefix on column col. */
static int add_prefix(dyad_store_filter *f, const char *col, const char *prefix)
{
    if (is_any(prefix)) {
        dyad_buf_puts(&f->sql, "1 = 1");
        return 0;
    }
    if (f->nbounds >= 8 || strlen(prefix) >= sizeof f->bound[0])
        return dyad_set_error(DYAD_EINVAL, "actor code '%s' is too long", prefix);
    char *lo = f->bound[f->nbounds++];
    snprintf(lo, sizeof f->bound[0], "%s", prefix);
    char *hi = f->bound[f->nbounds++];
    snprintf(hi, sizeof f->bound[0], "%s", prefix);
    size_t n = strlen(hi);
    while (n && (unsigned char)hi[n - 1] == 0xFF)
        hi[--n] = 0;
    f->p[f->np++] = dyad_p_text(lo);
    if (!n) {
        dyad_buf_printf(&f->sql, "%s >= ?", col);
        return 0;
    }
    hi[n - 1]++;
    f->p[f->np++] = dyad_p_text(hi);
    dyad_buf_printf(&f->sql, "(%s >= ? AND %s < ?)", col, col);
    return 0;
}

/* A date bound: YYYYMMDD, YYYY-MM-DD, YYYY-MM or YYYY. An upper bound given
 * as a month or a year covers all of it ("2024-05" -> "2024-05-99"). */
static int date_bound(char out[16], const char *in, int upper)
{
    char d[11];
    size_t len = strlen(in);
    dyad_store__norm_date(d, in);
    size_t n = strlen(d);
    /* the whole of the input must be the date (norm_date keeps 10 characters) */
    int ok = (n == 4 || n == 7 || n == 10) && (len == n || (len == 8 && n == 10));
    for (size_t i = 0; ok && i < n; i++)
        ok = (i == 4 || i == 7) ? d[i] == '-' : (d[i] >= '0' && d[i] <= '9');
    int m = n >= 7 ? atoi(d + 5) : 1, day = n == 10 ? atoi(d + 8) : 1;
    ok = ok && m >= 1 && m <= 12 && day >= 1 && day <= 31;
    if (!ok)
        return dyad_set_error(DYAD_EINVAL, "'%s' is not a date (YYYY-MM-DD, YYYYMMDD, YYYY-MM or YYYY)",
                              in);
    memcpy(out, d, n + 1);
    if (upper)
        strcat(out, n == 4 ? "-99-99" : n == 7 ? "-99" : "");
    return 0;
}

int dyad_store__filter_init(dyad_store_filter *f, const dyad_query *q, const char *alias, int dyad)
{
    memset(f, 0, sizeof *f);
    dyad_buf_init(&f->sql);
    char col_s[32], col_t[32], col_d[32];
    snprintf(col_s, sizeof col_s, "%ssource", alias);
    snprintf(col_t, sizeof col_t, "%starget", alias);
    snprintf(col_d, sizeof col_d, "%sdate", alias);
    int rc = 0;
    dyad_buf_puts(&f->sql, "(");
    if (dyad && (!is_any(q->source) || !is_any(q->target))) {
        dyad_buf_puts(&f->sql, "(");
        rc = add_prefix(f, col_s, q->source);
        dyad_buf_puts(&f->sql, " AND ");
        if (!rc)
            rc = add_prefix(f, col_t, q->target);
        dyad_buf_puts(&f->sql, ")");
        if (!rc && q->both) {
            dyad_buf_puts(&f->sql, " OR (");
            rc = add_prefix(f, col_s, q->target);
            dyad_buf_puts(&f->sql, " AND ");
            if (!rc)
                rc = add_prefix(f, col_t, q->source);
            dyad_buf_puts(&f->sql, ")");
        }
    } else {
        dyad_buf_puts(&f->sql, "1 = 1");
    }
    dyad_buf_puts(&f->sql, ")");
    if (!rc && q->from) {
        rc = date_bound(f->from, q->from, 0);
        dyad_buf_printf(&f->sql, " AND %s >= ?", col_d);
        f->p[f->np++] = dyad_p_text(f->from);
    }
    if (!rc && q->to) {
        rc = date_bound(f->to, q->to, 1);
        dyad_buf_printf(&f->sql, " AND %s <= ?", col_d);
        f->p[f->np++] = dyad_p_text(f->to);
    }
    if (!rc && !f->sql.data)
        rc = dyad_set_error(DYAD_ENOMEM, "out of memory");
    if (rc)
        dyad_buf_free(&f->sql);
    return rc;
}

void dyad_store__filter_free(dyad_store_filter *f) { dyad_buf_free(&f->sql); }

int dyad_store__select(dyad_store *s, dyad_stmt **out, const char *sql, const dyad_param *p,
                       int np)
{
    int rc = s->be->prepare(s, out, sql, np);
    if (!rc && (rc = s->be->query(*out, p))) {
        s->be->finalize(*out);
        *out = NULL;
    }
    return rc;
}

/* Formats a Goldstein score or mean: up to 6 significant digits, ".0" kept. */
void dyad_store__fmt_real(char *buf, size_t n, double v)
{
    snprintf(buf, n, "%.6g", v);
    if (!strpbrk(buf, ".eEn"))
        snprintf(buf + strlen(buf), n - strlen(buf), ".0");
}

static int set_mean(dyad_table *t, size_t row, int col, long long sum100, long long count)
{
    if (!count)
        return dyad_table__set(t, row, col, NULL);
    return dyad_table__setf(t, row, col, "%.2f", (double)sum100 / 100.0 / (double)count);
}

/* ---- timeline --------------------------------------------------------- */

static const char *const plover_cats[] = {
    "AGREE",   "CONSULT",  "SUPPORT", "CONCEDE",  "COOPERATE", "AID",
    "RETREAT", "REQUEST",  "ACCUSE",  "REJECT",   "THREATEN",  "PROTEST",
    "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
};
#define NPLOVER 16
#define TL_QUAD 2   /* first quad-class column */
#define TL_MEAN 7
#define TL_PLOVER 8 /* first PLOVER column; then none, other */
#define TL_NCOLS (TL_PLOVER + NPLOVER + 2)

static dyad_table *timeline_table(void)
{
    static const char *const fixed[] = {"period",        "events",          "neutral",
                                        "verbal_coop",   "material_coop",   "verbal_conflict",
                                        "material_conflict", "goldstein_mean"};
    const char *names[TL_NCOLS];
    dyad_col_kind kinds[TL_NCOLS];
    char lower[NPLOVER][16];
    for (int i = 0; i < TL_NCOLS; i++)
        kinds[i] = DYAD_COL_INT;
    for (int i = 0; i < TL_PLOVER; i++)
        names[i] = fixed[i];
    kinds[0] = DYAD_COL_TEXT;
    kinds[TL_MEAN] = DYAD_COL_REAL;
    for (int i = 0; i < NPLOVER; i++) {
        size_t k = 0;
        for (; plover_cats[i][k]; k++)
            lower[i][k] = (char)(plover_cats[i][k] - 'A' + 'a');
        lower[i][k] = 0;
        names[TL_PLOVER + i] = lower[i];
    }
    names[TL_PLOVER + NPLOVER] = "none";
    names[TL_PLOVER + NPLOVER + 1] = "other";
    return dyad_table__new(TL_NCOLS, names, kinds);
}

typedef struct period_acc {
    char period[16];
    long long n[TL_NCOLS]; /* counts by column (events, quads, PLOVER) */
    long long sum100;
} period_acc;

static int plover_col(const char *p)
{
    if (!*p || !strcmp(p, "-"))
        return TL_PLOVER + NPLOVER;
    for (int i = 0; i < NPLOVER; i++)
        if (!strcmp(p, plover_cats[i]))
            return TL_PLOVER + i;
    return TL_PLOVER + NPLOVER + 1;
}

static int emit_period(dyad_table *t, const period_acc *a)
{
    int rc = dyad_table__add_row(t);
    size_t r = dyad_table_nrows(t) - 1;
    if (!rc)
        rc = dyad_table__set(t, r, 0, a->period);
    for (int c = 1; !rc && c < TL_NCOLS; c++)
        rc = c == TL_MEAN ? set_mean(t, r, c, a->sum100, a->n[1])
                          : dyad_table__setf(t, r, c, "%lld", a->n[c]);
    return rc;
}

/* The period after p (YYYY, YYYY-MM or YYYY-MM-DD) into next; 0 if p is not
 * one of those. */
static int next_period(char next[16], const char *p, dyad_period by)
{
    int y = 0, m = 1, d = 1;
    int n = by == DYAD_PERIOD_YEAR ? sscanf(p, "%4d", &y)
            : by == DYAD_PERIOD_MONTH ? sscanf(p, "%4d-%2d", &y, &m)
                                      : sscanf(p, "%4d-%2d-%2d", &y, &m, &d);
    int want = by == DYAD_PERIOD_YEAR ? 1 : by == DYAD_PERIOD_MONTH ? 2 : 3;
    if (n != want || m < 1 || m > 12 || d < 1 || d > 31)
        return 0;
    if (by == DYAD_PERIOD_YEAR)
        snprintf(next, 16, "%04d", (y + 1) % 10000);
    else if (by == DYAD_PERIOD_MONTH)
        snprintf(next, 16, "%04d-%02d", (m == 12 ? y + 1 : y) % 10000, m == 12 ? 1 : m + 1);
    else {
        struct tm tm = {.tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = d + 1, .tm_hour = 12};
        time_t tt = timegm(&tm);
        struct tm out;
        gmtime_r(&tt, &out);
        snprintf(next, 16, "%04d-%02d-%02d", (out.tm_year + 1900) % 10000, (out.tm_mon + 1) % 100,
                 out.tm_mday % 100);
    }
    return 1;
}

/* Adds the empty periods after prev and before p (at most 100,000). */
static int fill_gap(dyad_table *t, const char *prev, const char *p, dyad_period by)
{
    char cur[16];
    int rc = 0;
    if (!next_period(cur, prev, by))
        return 0;
    for (int k = 0; !rc && k < 100000 && strcmp(cur, p) < 0; k++) {
        period_acc empty;
        memset(&empty, 0, sizeof empty);
        snprintf(empty.period, sizeof empty.period, "%s", cur);
        rc = emit_period(t, &empty);
        if (!next_period(cur, cur, by))
            break;
    }
    return rc;
}

static int timeline_rows(dyad_table *t, dyad_store *s, dyad_stmt *st, dyad_period by)
{
    period_acc a;
    memset(&a, 0, sizeof a);
    int have = 0, rc = 0, more;
    while (!rc && (more = s->be->next(st)) == 1) {
        const char *p = s->be->text(st, 0);
        if (!have || strcmp(p, a.period)) {
            if (have && !(rc = emit_period(t, &a)))
                rc = fill_gap(t, a.period, p, by);
            memset(&a, 0, sizeof a);
            snprintf(a.period, sizeof a.period, "%s", p);
            have = 1;
        }
        long long quad = s->be->integer(st, 1), n = s->be->integer(st, 3);
        a.n[1] += n;
        if (quad >= 0 && quad <= 4)
            a.n[TL_QUAD + quad] += n;
        a.n[plover_col(s->be->text(st, 2))] += n;
        a.sum100 += s->be->integer(st, 4);
    }
    if (!rc && more < 0)
        rc = more;
    if (!rc && have)
        rc = emit_period(t, &a);
    if (rc)
        s->be->reset(st);
    return rc;
}

int dyad_store_timeline(dyad_table **out, dyad_store *s, const dyad_query *q)
{
    *out = NULL;
    static const char *const substr_of[] = {"substr(date, 1, 7)", "substr(date, 1, 4)",
                                            "substr(date, 1, 10)"};
    const char *per = substr_of[q->by <= DYAD_PERIOD_DAY ? q->by : 0];
    dyad_store_filter f;
    int rc = dyad_store__filter_init(&f, q, "", 1);
    if (rc)
        return rc;
    dyad_buf sql;
    dyad_buf_init(&sql);
    dyad_buf_printf(&sql,
                    "SELECT %s, quad_class, plover, count(*),"
                    " sum(CAST(round(goldstein * 100) AS BIGINT)) FROM events WHERE %s"
                    " GROUP BY %s, quad_class, plover ORDER BY 1, 2, 3",
                    per, f.sql.data, per);
    dyad_table *t = timeline_table();
    dyad_stmt *st = NULL;
    if (!t || !sql.data)
        rc = dyad_set_error(DYAD_ENOMEM, "out of memory");
    if (!rc)
        rc = dyad_store__select(s, &st, sql.data, f.p, f.np);
    if (!rc)
        rc = timeline_rows(t, s, st, q->by);
    if (st)
        s->be->finalize(st);
    dyad_buf_free(&sql);
    dyad_store__filter_free(&f);
    if (rc) {
        dyad_table_free(t);
        return rc;
    }
    *out = t;
    return 0;
}

/* ---- top lists ------------------------------------------------------- */

static long top_limit(const dyad_query *q) { return q->limit > 0 ? q->limit : 10; }

/* Copies the rows of st into t: columns of kinds TEXT/INT as they come,
 * except mean_col (a sum of hundredths) divided by the count in count_col. */
static int copy_rows(dyad_table *t, dyad_store *s, dyad_stmt *st, int mean_col, int count_col)
{
    int rc = 0, more;
    while (!rc && (more = s->be->next(st)) == 1) {
        if ((rc = dyad_table__add_row(t)))
            break;
        size_t r = dyad_table_nrows(t) - 1;
        for (int c = 0; !rc && c < dyad_table_ncols(t); c++) {
            if (c == mean_col)
                rc = set_mean(t, r, c, s->be->integer(st, c), s->be->integer(st, count_col));
            else if (dyad_table_colkind(t, c) == DYAD_COL_REAL && !s->be->is_null(st, c)) {
                char buf[64];
                dyad_store__fmt_real(buf, sizeof buf, s->be->real(st, c));
                rc = dyad_table__set(t, r, c, buf);
            } else
                rc = dyad_table__set(t, r, c, s->be->is_null(st, c) ? NULL : s->be->text(st, c));
        }
    }
    if (rc)
        s->be->reset(st);
    return rc ? rc : more < 0 ? more : 0;
}

/* Runs sql with parameters p into a new table. */
static int run_table(dyad_table **out, dyad_store *s, const char *sql, const dyad_param *p,
                     int np, int ncols, const char *const *names, const dyad_col_kind *kinds,
                     int mean_col, int count_col)
{
    *out = NULL;
    dyad_table *t = dyad_table__new(ncols, names, kinds);
    if (!t)
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    dyad_stmt *st = NULL;
    int rc = dyad_store__select(s, &st, sql, p, np);
    if (!rc)
        rc = copy_rows(t, s, st, mean_col, count_col);
    if (st)
        s->be->finalize(st);
    if (rc) {
        dyad_table_free(t);
        return rc;
    }
    *out = t;
    return 0;
}

/* The filter's parameters followed by n more. */
static int with_params(dyad_param *out, const dyad_store_filter *f, const dyad_param *more, int n)
{
    int k = 0;
    for (int i = 0; i < f->np; i++)
        out[k++] = f->p[i];
    for (int i = 0; i < n; i++)
        out[k++] = more[i];
    return k;
}

#define G100 "CAST(round(goldstein * 100) AS BIGINT)"

int dyad_store_top_actors(dyad_table **out, dyad_store *s, const dyad_query *q)
{
    static const char *const names[] = {"actor",          "events",     "as_source", "as_target",
                                        "goldstein_mean", "first_seen", "last_seen"};
    static const dyad_col_kind kinds[] = {DYAD_COL_TEXT, DYAD_COL_INT,  DYAD_COL_INT, DYAD_COL_INT,
                                          DYAD_COL_REAL, DYAD_COL_TEXT, DYAD_COL_TEXT};
    *out = NULL;
    dyad_query dates = {.from = q->from, .to = q->to};
    dyad_store_filter f, fa;
    dyad_query actor = {.source = q->actor};
    int rc = dyad_store__filter_init(&f, &dates, "", 0);
    if (rc)
        return rc;
    /* The actor prefix reuses the dyad filter on a column named "source" of u. */
    if ((rc = dyad_store__filter_init(&fa, &actor, "u.", 1))) {
        dyad_store__filter_free(&f);
        return rc;
    }
    dyad_buf sql;
    dyad_buf_init(&sql);
    dyad_buf_printf(&sql,
                    "SELECT u.source, count(*), sum(CASE WHEN role = 1 THEN 1 ELSE 0 END),"
                    " sum(CASE WHEN role = 2 THEN 1 ELSE 0 END), sum(g), min(date), max(date)"
                    " FROM (SELECT source, 1 AS role, " G100 " AS g, date FROM events WHERE %s"
                    " UNION ALL SELECT target, 2, " G100 ", date FROM events WHERE %s) u"
                    " WHERE u.source <> '---' AND %s"
                    " GROUP BY u.source ORDER BY count(*) DESC, u.source LIMIT ?",
                    f.sql.data, f.sql.data, fa.sql.data);
    /* Parameters: the date filter twice, the actor filter, the limit. */
    dyad_param p[32], lim = dyad_p_int(top_limit(q));
    int np = with_params(p, &f, f.p, f.np);
    np += with_params(p + np, &fa, &lim, 1);
    rc = sql.data ? run_table(out, s, sql.data, p, np, 7, names, kinds, 4, 1)
                  : dyad_set_error(DYAD_ENOMEM, "out of memory");
    dyad_buf_free(&sql);
    dyad_store__filter_free(&f);
    dyad_store__filter_free(&fa);
    return rc;
}

int dyad_store_top_dyads(dyad_table **out, dyad_store *s, const dyad_query *q)
{
    static const char *const names[] = {
        "source",    "target",      "events",        "goldstein_mean",  "first_seen",
        "last_seen", "verbal_coop", "material_coop", "verbal_conflict", "material_conflict"};
    static const dyad_col_kind kinds[] = {DYAD_COL_TEXT, DYAD_COL_TEXT, DYAD_COL_INT, DYAD_COL_REAL,
                                          DYAD_COL_TEXT, DYAD_COL_TEXT, DYAD_COL_INT, DYAD_COL_INT,
                                          DYAD_COL_INT,  DYAD_COL_INT};
    *out = NULL;
    dyad_store_filter f;
    int rc = dyad_store__filter_init(&f, q, "", 1);
    if (rc)
        return rc;
    dyad_buf sql;
    dyad_buf_init(&sql);
    dyad_buf_printf(&sql,
                    "SELECT source, target, count(*), sum(" G100 "), min(date), max(date),"
                    " sum(CASE WHEN quad_class = 1 THEN 1 ELSE 0 END),"
                    " sum(CASE WHEN quad_class = 2 THEN 1 ELSE 0 END),"
                    " sum(CASE WHEN quad_class = 3 THEN 1 ELSE 0 END),"
                    " sum(CASE WHEN quad_class = 4 THEN 1 ELSE 0 END)"
                    " FROM events WHERE source <> '---' AND target <> '---' AND %s"
                    " GROUP BY source, target ORDER BY count(*) DESC, source, target LIMIT ?",
                    f.sql.data);
    dyad_param p[32], lim = dyad_p_int(top_limit(q));
    int np = with_params(p, &f, &lim, 1);
    rc = sql.data ? run_table(out, s, sql.data, p, np, 10, names, kinds, 3, 2)
                  : dyad_set_error(DYAD_ENOMEM, "out of memory");
    dyad_buf_free(&sql);
    dyad_store__filter_free(&f);
    return rc;
}

int dyad_store_events(dyad_table **out, dyad_store *s, const dyad_query *q)
{
    static const char *const names[] = {
        "date",       "article",    "sentence",    "source",      "target",
        "cameo",      "plover",     "quad_class",  "goldstein",   "source_text",
        "target_text", "verb_text", "text",        "dict_version"};
    static const dyad_col_kind kinds[] = {
        DYAD_COL_TEXT, DYAD_COL_TEXT, DYAD_COL_TEXT, DYAD_COL_TEXT, DYAD_COL_TEXT,
        DYAD_COL_TEXT, DYAD_COL_TEXT, DYAD_COL_INT,  DYAD_COL_REAL, DYAD_COL_TEXT,
        DYAD_COL_TEXT, DYAD_COL_TEXT, DYAD_COL_TEXT, DYAD_COL_TEXT};
    *out = NULL;
    dyad_store_filter f;
    int rc = dyad_store__filter_init(&f, q, "e.", 1);
    if (rc)
        return rc;
    dyad_buf sql;
    dyad_buf_init(&sql);
    dyad_buf_printf(&sql,
                    "SELECT e.date, e.article, e.sentence, e.source, e.target, e.cameo, e.plover,"
                    " e.quad_class, e.goldstein, e.source_text, e.target_text, e.verb_text,"
                    " s.text, e.dict_version FROM events e LEFT JOIN sentences s"
                    " ON s.article = e.article AND s.id = e.sentence WHERE %s"
                    " ORDER BY e.date, e.article, e.id%s",
                    f.sql.data, q->limit > 0 ? " LIMIT ?" : "");
    dyad_param p[32], lim = dyad_p_int(q->limit);
    int np = with_params(p, &f, &lim, q->limit > 0);
    rc = sql.data ? run_table(out, s, sql.data, p, np, 14, names, kinds, -1, -1)
                  : dyad_set_error(DYAD_ENOMEM, "out of memory");
    dyad_buf_free(&sql);
    dyad_store__filter_free(&f);
    return rc;
}

/* ---- summary --------------------------------------------------------- */

/* Adds (name, value) rows from a query whose rows are (value) or (name, value). */
static int summary_query(dyad_table *t, dyad_store *s, const char *name, const char *sql)
{
    dyad_stmt *st = NULL;
    int rc = dyad_store__select(s, &st, sql, NULL, 0), more = 0;
    while (!rc && (more = s->be->next(st)) == 1) {
        char label[256];
        if (name)
            snprintf(label, sizeof label, "%s", name);
        else
            snprintf(label, sizeof label, "dict_version %s", s->be->text(st, 0));
        rc = dyad_table__add_row(t);
        size_t r = dyad_table_nrows(t) - 1;
        if (!rc)
            rc = dyad_table__set(t, r, 0, label);
        if (!rc)
            rc = dyad_table__set(t, r, 1, s->be->is_null(st, name ? 0 : 1)
                                              ? NULL
                                              : s->be->text(st, name ? 0 : 1));
    }
    if (st)
        s->be->finalize(st);
    return rc ? rc : more < 0 ? more : 0;
}

int dyad_store_summary(dyad_table **out, dyad_store *s)
{
    static const char *const names[] = {"name", "value"};
    static const struct {
        const char *name, *sql;
    } rows[] = {
        {"articles", "SELECT count(*) FROM articles"},
        {"sentences", "SELECT count(*) FROM sentences"},
        {"events", "SELECT count(*) FROM events"},
        {"actors", "SELECT count(*) FROM actors"},
        {"quotes", "SELECT count(*) FROM quotes"},
        {"first_date", "SELECT min(date) FROM events"},
        {"last_date", "SELECT max(date) FROM events"},
        {"last_coded_at", "SELECT max(coded_at) FROM articles"},
        {NULL, "SELECT dict_version, count(*) FROM events GROUP BY dict_version"
               " ORDER BY dict_version"},
    };
    *out = NULL;
    dyad_table *t = dyad_table__new(2, names, NULL);
    if (!t)
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    int rc = dyad_table__add_row(t);
    if (!rc)
        rc = dyad_table__set(t, 0, 0, "database");
    if (!rc)
        rc = dyad_table__set(t, 0, 1, s->url);
    for (size_t i = 0; !rc && i < sizeof rows / sizeof rows[0]; i++)
        rc = summary_query(t, s, rows[i].name, rows[i].sql);
    if (rc) {
        dyad_table_free(t);
        return rc;
    }
    *out = t;
    return 0;
}
