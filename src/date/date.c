/* date.c: date values: the calendar, parsing and writing "YYYY-MM-DD/..."
 * forms, and the day handed to the coder for date-restricted actor codes. */
#include "date/date.h"
#include "date/date_internal.h"

#include <stdio.h>
#include <string.h>

/* ---- calendar -------------------------------------------------------- */

static int leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int dyad_date__days_in(int y, int m)
{
    static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12)
        return 0;
    return m == 2 && leap(y) ? 29 : dm[m - 1];
}

int dyad_date_valid_day(int y, int m, int d)
{
    return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= dyad_date__days_in(y, m);
}

/* Days since 1970-01-01 of a (proleptic Gregorian) day; H. Hinnant's algorithm. */
long dyad_date__to_days(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void dyad_date__from_days(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

/* 0 = Monday ... 6 = Sunday. */
int dyad_date__weekday(long days) { return (int)(((days % 7) + 7 + 3) % 7); }

dyad_date dyad_date__day(long days)
{
    dyad_date r = {0};
    dyad_date__from_days(days, &r.y, &r.m, &r.d);
    r.prec = DYAD_PREC_DAY;
    if (r.y < 1 || r.y > 9999)
        r = (dyad_date){0};
    return r;
}

/* ---- parsing and writing --------------------------------------------- */

static int digits(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

/* One date of s[0..n): YYYY, YYYY-MM, YYYY-MM-DD, YYYYMMDD. */
static int parse_one(const char *s, size_t n, int *y, int *m, int *d, dyad_date_prec *p)
{
    *m = *d = 0;
    if (n == 4 || n == 7 || n == 10 || n == 8) {
        if ((*y = digits(s, 4)) < 1)
            return -1;
        if (n == 4) {
            *p = DYAD_PREC_YEAR;
            return 0;
        }
        if (n == 8) {
            *m = digits(s + 4, 2);
            *d = digits(s + 6, 2);
        } else {
            if (s[4] != '-' || (*m = digits(s + 5, 2)) < 1 || *m > 12)
                return -1;
            if (n == 7) {
                *p = DYAD_PREC_MONTH;
                return 0;
            }
            if (s[7] != '-')
                return -1;
            *d = digits(s + 8, 2);
        }
        *p = DYAD_PREC_DAY;
        return dyad_date_valid_day(*y, *m, *d) ? 0 : -1;
    }
    return -1;
}

/* Compares the starts of two dates at the coarser of their precisions. */
static long key(int y, int m, int d) { return (long)y * 10000 + m * 100 + d; }

int dyad_date_parse(dyad_date *out, const char *s)
{
    dyad_date r = {0};
    *out = r;
    if (!s)
        return DYAD_EPARSE;
    const char *slash = strchr(s, '/');
    size_t n1 = slash ? (size_t)(slash - s) : strlen(s);
    if (parse_one(s, n1, &r.y, &r.m, &r.d, &r.prec))
        return DYAD_EPARSE;
    if (slash) {
        if (parse_one(slash + 1, strlen(slash + 1), &r.y2, &r.m2, &r.d2, &r.prec2))
            return DYAD_EPARSE;
        if (key(r.y2, r.m2 ? r.m2 : 12, r.d2 ? r.d2 : 31) < key(r.y, r.m, r.d))
            return DYAD_EPARSE;
    }
    *out = r;
    return 0;
}

static int put_one(char *buf, size_t n, int y, int m, int d, dyad_date_prec p)
{
    switch (p) {
    case DYAD_PREC_YEAR: return snprintf(buf, n, "%04d", y);
    case DYAD_PREC_MONTH: return snprintf(buf, n, "%04d-%02d", y, m);
    case DYAD_PREC_DAY: return snprintf(buf, n, "%04d-%02d-%02d", y, m, d);
    default: return snprintf(buf, n, "%s", "");
    }
}

char *dyad_date_format(char *buf, size_t n, const dyad_date *d)
{
    if (!n)
        return buf;
    buf[0] = 0;
    if (!d || d->prec == DYAD_PREC_NONE)
        return buf;
    int k = put_one(buf, n, d->y, d->m, d->d, d->prec);
    if (d->prec2 != DYAD_PREC_NONE && k > 0 && (size_t)k + 1 < n) {
        buf[k] = '/';
        put_one(buf + k + 1, n - (size_t)k - 1, d->y2, d->m2, d->d2, d->prec2);
    }
    return buf;
}

/* First and last day of a date (of its range when it is one). */
void dyad_date__bounds(const dyad_date *d, long *first, long *last)
{
    int m0 = d->m ? d->m : 1, d0 = d->d ? d->d : 1;
    *first = dyad_date__to_days(d->y, m0, d0);
    int y = d->y, m = d->m, dd = d->d;
    dyad_date_prec p = d->prec;
    if (d->prec2 != DYAD_PREC_NONE) {
        y = d->y2, m = d->m2, dd = d->d2;
        p = d->prec2;
    }
    if (p == DYAD_PREC_YEAR)
        m = 12, dd = 31;
    else if (p == DYAD_PREC_MONTH)
        dd = dyad_date__days_in(y, m);
    *last = dyad_date__to_days(y, m, dd);
}

char *dyad_date_coder_day(char *buf, size_t n, const dyad_date *d, const dyad_date *article)
{
    if (!n)
        return buf;
    buf[0] = 0;
    if (!d || d->prec == DYAD_PREC_NONE)
        return buf;
    long first, last, pick;
    dyad_date__bounds(d, &first, &last);
    long art = article && article->prec == DYAD_PREC_DAY
                   ? dyad_date__to_days(article->y, article->m, article->d)
                   : first - 1;
    if (art >= first && art <= last)
        pick = art;
    else if (d->prec == DYAD_PREC_DAY && d->prec2 == DYAD_PREC_NONE)
        pick = first;
    else if (d->prec == DYAD_PREC_MONTH && d->prec2 == DYAD_PREC_NONE)
        pick = first + 14;
    else if (d->prec == DYAD_PREC_YEAR && d->prec2 == DYAD_PREC_NONE)
        pick = dyad_date__to_days(d->y, 7, 1);
    else
        pick = first + (last - first) / 2;
    dyad_date p = dyad_date__day(pick);
    return dyad_date_format(buf, n, &p);
}

void dyad_date_ctx_init(dyad_date_ctx *c, const char *article_date)
{
    memset(c, 0, sizeof *c);
    dyad_date a;
    if (article_date && !dyad_date_parse(&a, article_date) && a.prec == DYAD_PREC_DAY &&
        a.prec2 == DYAD_PREC_NONE)
        c->article = a;
}
