/* date.h: event dates from the text (internal to the library).
 *
 * News dates its events in words: "on April 13", "in late April", "last year",
 * "the following day", "during that war". This module finds such expressions
 * in a sentence, resolves them against the article's date (and what earlier
 * sentences of the article established: the last date the text gave, the
 * named periods it introduced, "the Iran-Iraq War (1980-88)"), splits the
 * sentence into clauses, and tells the pipeline which expression dates an
 * event whose verb sits at a given byte offset.
 *
 * Values have a precision: a year, a month, a day, or a range of two of those
 * ("1980/1988", "2019/2024", "2024-05-13/2024-05-19"). Everything is lexical:
 * no tree is needed, but when the sentence's parse is given its POS tags
 * improve the clause split (a finite verb after "and" starts a clause).
 *
 * Ownership: dyad_date_ctx is a plain value (no allocation); the arrays of
 * dyad_date_sent come from the caller's arena and go with it.
 */
#ifndef DYAD_DATE_DATE_H
#define DYAD_DATE_DATE_H

#include <stddef.h>

#include "parse/tree.h"
#include "util/util.h"

typedef enum {
    DYAD_PREC_NONE = 0, /* unknown / unresolved */
    DYAD_PREC_YEAR,
    DYAD_PREC_MONTH,
    DYAD_PREC_DAY
} dyad_date_prec;

/* A date of some precision, or a range [start, end] (end.prec != NONE). */
typedef struct dyad_date {
    int y, m, d;         /* start; m and d are 0 below their precision */
    dyad_date_prec prec; /* precision of the start; NONE = no date */
    int y2, m2, d2;      /* end of a range */
    dyad_date_prec prec2; /* NONE = not a range */
} dyad_date;

/* ---- values ------------------------------------------------------------ */

/* Parses "YYYY", "YYYY-MM", "YYYY-MM-DD", "YYYYMMDD", or two of them joined by
 * '/' (a range whose end is not before its start). Checks the calendar
 * ("2024-02-30" is not a date). 0 or DYAD_EPARSE (*out is then NONE). */
int dyad_date_parse(dyad_date *out, const char *s);

/* Writes d as "YYYY", "YYYY-MM", "YYYY-MM-DD" or "START/END" into buf (at least
 * 24 bytes); "" for NONE. Returns buf. */
char *dyad_date_format(char *buf, size_t n, const dyad_date *d);

/* The day the coder should use for date-restricted actor codes, "YYYY-MM-DD"
 * in buf (at least 11 bytes): a day itself; a month or year: the article's
 * date when it falls inside, else the 15th / July 1st; a range: the article
 * date when inside, else its middle day. "" when d is NONE. */
char *dyad_date_coder_day(char *buf, size_t n, const dyad_date *d, const dyad_date *article);

/* 1 when y-m-d is a real calendar day (years 1..9999). */
int dyad_date_valid_day(int y, int m, int d);

/* ---- one article ------------------------------------------------------ */

#define DYAD_DATE_MAX_PERIODS 16
#define DYAD_DATE_PERIOD_NAME 64

/* What the article established so far. Initialise with dyad_date_ctx_init and
 * pass every sentence, in order, to dyad_date_sentence. */
typedef struct dyad_date_ctx {
    dyad_date article;  /* the article's date (DAY) or NONE when unknown */
    dyad_date anchor;   /* the last date the text gave (for "the following day") */
    int nperiods;       /* named periods, oldest first (a ring when full) */
    struct {
        char name[DYAD_DATE_PERIOD_NAME]; /* lower case, e.g. "iran-iraq war" */
        char head[32];                    /* its last word, e.g. "war" */
        dyad_date when;
    } period[DYAD_DATE_MAX_PERIODS];
    int period_next;
} dyad_date_ctx;

/* article_date: "YYYY-MM-DD" or "YYYYMMDD"; NULL or unparseable = unknown
 * (expressions relative to the article then stay unresolved). */
void dyad_date_ctx_init(dyad_date_ctx *c, const char *article_date);

/* Flags of an expression. */
enum {
    DYAD_DATE_NOMINAL = 1, /* about a noun ("the 2019 summit", "its first mission since 2019"):
                            * never dates an event */
    DYAD_DATE_FRONTED = 2, /* opens the sentence ("In 1989, ..."): dates every clause
                            * that has no date of its own */
    DYAD_DATE_PERIOD_DEF = 4 /* "(1980-88)" after a name: defines a period (also NOMINAL) */
};

typedef struct dyad_date_expr {
    int start, end;    /* byte span in the sentence */
    int flags;
    int seg;           /* clause segment */
    dyad_date value;   /* resolved value; prec NONE when it could not be resolved */
} dyad_date_expr;

/* One analysed sentence. */
typedef struct dyad_date_sent {
    dyad_date_expr *expr; /* in text order */
    int nexpr;
    int *seg_start;       /* clause segments as runs: run i starts at byte seg_start[i] */
    int *seg_id;          /* and belongs to segment seg_id[i] */
    int nruns;
    int *verb_start;      /* byte starts of the verbs, in order */
    int nverbs;
} dyad_date_sent;

/* Finds and resolves the date expressions of text[0..n) and splits it into
 * clauses; updates c (anchor, periods). t (may be NULL): the sentence's parse,
 * aligned to text (dyad_tree_align), for POS tags. Arrays come from a.
 * 0 or DYAD_ENOMEM. Never fails on odd input. */
int dyad_date_sentence(dyad_date_sent *out, dyad_date_ctx *c, const char *text, size_t n,
                       const dyad_tree *t, dyad_arena *a);

/* The expression that dates an event whose verb starts at byte pos (-1 if
 * unknown): in the verb's clause, the first non-nominal resolved expression
 * after the verb and before the next verb, else the nearest one; else a
 * fronted one; NULL when none (the event keeps the article's date). */
const dyad_date_expr *dyad_date_pick(const dyad_date_sent *s, int pos);

#endif
