/* gold.h: dyad's hand-coded gold set (tests/gold/README.md) and its scoring
 * (internal, not installed; the public entry point is dyad_eval_gold in
 * dyad.h).
 *
 * - gold.c reads gold files strictly: every malformed line (an unknown line
 *   kind, a missing field, a bad CAMEO code, actor code, modality or date, an
 *   item before any doc, a duplicate doc) is reported through a dyad_diag as
 *   "file:line: reason", counted, and left out; the other lines are still
 *   read. It also reads AG News items from the corpus CSV (RFC 4180).
 * - score.c matches dyad's events with the gold events of one document and
 *   adds up the figures (see dyad_score_doc).
 *
 * Ownership: a dyad_gold_set owns every string and array it hands out (one
 * arena), released by dyad_gold_set_free. dyad_score holds no pointers to
 * caller data except the static PLOVER names of the CAMEO table.
 */
#ifndef DYAD_EVAL_GOLD_H
#define DYAD_EVAL_GOLD_H

#include <stddef.h>

#include "code/confidence.h"
#include "dyad.h"
#include "util/util.h"

/* ---- gold files ------------------------------------------------------- */

typedef enum dyad_gold_modality {
    DYAD_GOLD_ASSERTED = 0,
    DYAD_GOLD_NEGATED,
    DYAD_GOLD_FUTURE,
    DYAD_GOLD_INTENT,
    DYAD_GOLD_HYPOTHETICAL,
    DYAD_GOLD_ATTEMPTED,
    DYAD_GOLD_CLAIMED
} dyad_gold_modality;

/* "asserted", "negated", ... */
const char *dyad_gold_modality_name(dyad_gold_modality m);

typedef enum dyad_gold_kind { DYAD_GOLD_AGNEWS = 1, DYAD_GOLD_EL = 2 } dyad_gold_kind;

/* AG News documents without a date line are dated this day. */
#define DYAD_GOLD_AGNEWS_DATE "2004-08-15"

typedef struct dyad_gold_event {
    const char *source, *target; /* actor codes; "" = no actor ("-" or empty in the file) */
    const char *code;            /* CAMEO code of the table ("190", "0874") */
    dyad_gold_modality modality;
    const char *note;            /* "" when none */
    long line;                   /* line of the event in its file */
} dyad_gold_event;

typedef struct dyad_gold_doc {
    const char *id;       /* as written: "agnews:12", "el:5" */
    dyad_gold_kind kind;
    long index;           /* AG News row (1-based) or event_location index (0-based) */
    const char *text;     /* el: the text line; AG News: NULL until dyad_gold_agnews_texts */
    const char *date;     /* "YYYY-MM-DD" from a date line, else "" */
    const char *file;     /* the gold file, for messages */
    long line;            /* line of the doc line */
    dyad_gold_event *ev;  /* the document's well-formed event lines, in file order */
    int nev, cap;
    int bad;              /* 1: left out (an el document without its text line) */
} dyad_gold_doc;

typedef struct dyad_gold_set {
    dyad_arena *a;        /* owns everything below */
    dyad_gold_doc *doc;   /* documents in reading order (doc[i].bad ones included) */
    int ndocs, cap;
    long errors;          /* malformed lines reported */
    long *keys;           /* duplicate check: open-addressing table of doc keys */
    int *slot_doc;
    size_t nkeys, keycap;
} dyad_gold_set;

/* An empty set. 0 or DYAD_ENOMEM. Free with dyad_gold_set_free (also after a
 * failure). */
int dyad_gold_set_init(dyad_gold_set *s);
void dyad_gold_set_free(dyad_gold_set *s); /* accepts a zeroed set */

/* Adds the documents of one gold file held in buf[0..n) (need not be
 * NUL-terminated); name is used in messages and kept in each doc. Malformed
 * lines are reported through d (NULL: stderr) as errors and counted in
 * s->errors and d->errors. A doc line of a document already in the set (from
 * any file) is an error naming the first one; that doc's lines are left out.
 * Returns 0, or DYAD_ENOMEM. */
int dyad_gold_parse(dyad_gold_set *s, const char *name, const char *buf, size_t n, dyad_diag *d);
/* The same for a file: also DYAD_EIO when it cannot be read. */
int dyad_gold_read(dyad_gold_set *s, const char *path, dyad_diag *d);

/* Sets the text of every AG News document of s from the AG News CSV at
 * csv_path (label,title,description; a header line): record N after the
 * header (1-based, quoted fields, doubled quotes, line breaks inside quotes)
 * gives title + ".\n\n" + description with the corpus escapes undone (see
 * dyad_gold_agnews_unescape). A row the CSV does not have, or a record of
 * fewer than three fields, is reported through d as an error naming the doc's
 * file:line, counted in s->errors and the doc marked bad. Returns 0,
 * DYAD_EIO (the CSV cannot be read: nothing set) or DYAD_ENOMEM. */
int dyad_gold_agnews_texts(dyad_gold_set *s, const char *csv_path, dyad_diag *d);

/* The same from a CSV held in buf[0..n); name for messages. */
int dyad_gold_agnews_texts_mem(dyad_gold_set *s, const char *name, const char *buf, size_t n,
                               dyad_diag *d);

/* s[0..n) with the AG News escapes undone in one left-to-right pass: "#39;"
 * -> "'", "quot;" -> '"', "#36;" -> "$", "&lt;" -> "<", "&gt;" -> ">",
 * "&amp;" -> "&", "\" -> " ". A new string in a; NULL on out of memory. */
char *dyad_gold_agnews_unescape(dyad_arena *a, const char *s, size_t n);

/* ---- scoring ---------------------------------------------------------- */

/* One of dyad's events, as the scorer sees it. */
typedef struct dyad_eval_ev {
    const char *source, *target; /* actor codes; "" or "-" = no actor */
    const char *code;            /* CAMEO code */
    const char *words;           /* the verb's words, for reports; may be NULL */
    double confidence;           /* dyad_event.confidence */
    double feat[DYAD_CONF_NFEAT]; /* its confidence features (confidence.h) */
} dyad_eval_ev;

typedef struct dyad_eval_counts {
    long gold, sys, matched;
} dyad_eval_counts;

#define DYAD_SCORE_MAX_CATS 32

/* Figures summed over documents. Zero it with dyad_score_init. */
typedef struct dyad_score {
    int ncat;                                /* PLOVER categories, in CAMEO table order */
    const char *cat[DYAD_SCORE_MAX_CATS];    /* their names (static) */
    dyad_eval_counts per_cat[DYAD_SCORE_MAX_CATS];
    dyad_eval_counts plover, root;           /* the two levels, all categories */
    long pairs;                              /* matched pairs at root level */
    long src_whole, src_country, tgt_whole, tgt_country; /* of those, agreeing */
    long docs;
} dyad_score;

/* Zeroes *s and lists the PLOVER categories of the CAMEO table. 0 or
 * DYAD_ELIMIT (more categories than DYAD_SCORE_MAX_CATS). */
int dyad_score_init(dyad_score *s);

/* Scores one document and adds its figures to *s.
 *
 * Scored gold events: modality asserted, future, intent, attempted or claimed,
 * also hypothetical when keep_hyp; the others (negated, hypothetical) are not
 * matched, so a dyad event that only they would match counts as wrong.
 * Two levels, each its own one-to-one matching:
 *  - PLOVER: gold and dyad events whose code has a PLOVER category (the 01 and
 *    02 roots have none and are left out at this level); a pair needs the same
 *    category;
 *  - root: every event; a pair needs the same first two digits.
 * At each level the candidate pairs are taken greedily in this order: both
 * actors equal as whole codes (tier 3), else both equal as countries (the
 * first three letters; tier 2), else one side's country equal (tier 1), else
 * neither (tier 0); within a tier by gold event, then dyad event, in list
 * order. "-" and "" are the same (no actor; its country is "").
 * Actor accuracy counts the root-level pairs.
 *
 * gmatch (ng entries) and smatch (ne entries), when not NULL, receive the
 * root-level partner of each event (-1: none, also for unscored gold events);
 * *differs (may be NULL) = 1 when a scored gold or a dyad event is left
 * unmatched at root level or a root-level pair differs in an actor code.
 * Returns 0 or DYAD_ENOMEM. */
int dyad_score_doc(dyad_score *s, const dyad_gold_event *g, int ng, const dyad_eval_ev *e, int ne,
                   int keep_hyp, int *gmatch, int *smatch, int *differs);

/* The three ratios of a count: P = matched/sys, R = matched/gold, F1 their
 * harmonic mean; 0 when a denominator is 0. */
void dyad_score_prf(const dyad_eval_counts *c, double *p, double *r, double *f1);

#endif
