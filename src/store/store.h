/* store.h: the storage layer's inside (not installed).
 *
 * Every SQL statement of the store is written once, in store.c, query.c and
 * export.c, with '?' placeholders, and runs on either backend through the
 * versioned table of functions below: a backend opens a connection, runs
 * statements with bound parameters and hands rows back. Values always travel
 * as bound parameters; the SQL text holds none. The backends differ only in
 * their schema DDL (types) and in how they batch work (PostgreSQL queues the
 * writes of a transaction in libpq's pipeline mode).
 *
 * Ownership: a backend's open allocates the whole connection object, whose
 * first member is struct dyad_store; close frees it. Statements belong to the
 * store and are finalized by close (or by stmt_free).
 */
#ifndef DYAD_STORE_STORE_H
#define DYAD_STORE_STORE_H

#include <stddef.h>

#include "dyad.h"

#define DYAD_STORE_BACKEND_VERSION 1
#define DYAD_STORE_SCHEMA_VERSION 1

/* A bound parameter. */
typedef enum { DYAD_P_NULL = 0, DYAD_P_TEXT, DYAD_P_INT, DYAD_P_REAL } dyad_param_kind;
typedef struct dyad_param {
    dyad_param_kind kind;
    const char *s;
    long long i;
    double d;
} dyad_param;

static inline dyad_param dyad_p_text(const char *s)
{
    dyad_param p = {DYAD_P_TEXT, s ? s : "", 0, 0};
    return p;
}
static inline dyad_param dyad_p_int(long long i)
{
    dyad_param p = {DYAD_P_INT, NULL, i, 0};
    return p;
}
static inline dyad_param dyad_p_real(double d)
{
    dyad_param p = {DYAD_P_REAL, NULL, 0, d};
    return p;
}
static inline dyad_param dyad_p_null(void)
{
    dyad_param p = {DYAD_P_NULL, NULL, 0, 0};
    return p;
}

typedef struct dyad_stmt dyad_stmt; /* a backend's prepared statement */

/* The backend interface. Functions return 0 or DYAD_ESTORE / DYAD_ESTORE_FULL
 * (message set, naming the database) unless said otherwise. */
typedef struct dyad_store_vtable {
    int version; /* DYAD_STORE_BACKEND_VERSION */
    const char *name;
    /* Connects to url (the part after the scheme for SQLite, the whole URI for
     * PostgreSQL); with DYAD_STORE_WRITE creates the schema when missing.
     * Checks the schema version. */
    int (*open)(dyad_store **out, const char *url, int flags);
    void (*close)(dyad_store *s);
    int (*begin)(dyad_store *s);
    int (*commit)(dyad_store *s);
    void (*rollback)(dyad_store *s);
    /* Prepares sql ('?' placeholders, nparams of them). */
    int (*prepare)(dyad_store *s, dyad_stmt **out, const char *sql, int nparams);
    /* Runs a statement that returns no rows. Inside a transaction a backend may
     * queue it; its error then comes from a later call (commit at the latest),
     * with the article that was current (set_context) when it was queued. */
    int (*run)(dyad_stmt *st, const dyad_param *p);
    /* Starts a statement that returns rows; next() gives 1 per row, 0 at the
     * end, < 0 on error. A query must be read to its end or reset. */
    int (*query)(dyad_stmt *st, const dyad_param *p);
    int (*next)(dyad_stmt *st);
    void (*reset)(dyad_stmt *st);
    /* Releases a statement before close (close releases the rest). */
    void (*finalize)(dyad_stmt *st);
    /* Columns of the current row. text never returns NULL ("" for NULL). */
    const char *(*text)(dyad_stmt *st, int col);
    long long (*integer)(dyad_stmt *st, int col);
    double (*real)(dyad_stmt *st, int col);
    int (*is_null)(dyad_stmt *st, int col);
    /* The article being written, for error messages (NULL = none). */
    void (*set_context)(dyad_store *s, const char *article);
} dyad_store_vtable;

extern const dyad_store_vtable dyad_store_sqlite_backend;
extern const dyad_store_vtable dyad_store_pg_backend;

/* The write statements, prepared on the first begin. Events and sentences
 * are inserted DYAD_STORE_ROWS rows per statement (fewer for the rest): one
 * statement per article rather than one per row. */
#define DYAD_STORE_ROWS 16
enum {
    DYAD_W_ARTICLE_REPLACE,
    DYAD_W_ARTICLE_APPEND,
    DYAD_W_DEL_EVENTS,
    DYAD_W_DEL_SENTENCES,
    DYAD_W_DEL_QUOTES,
    DYAD_W_SENTENCE_APPEND,
    DYAD_W_ACTOR,
    DYAD_W_COUNT
};

typedef struct dyad_actor_set dyad_actor_set;

/* The part every backend's connection starts with. */
struct dyad_store {
    const dyad_store_vtable *be;
    char *url;             /* as shown in messages (password hidden) */
    int in_tx;
    dyad_stmt *w[DYAD_W_COUNT];
    dyad_stmt *w_events[DYAD_STORE_ROWS + 1];    /* [k]: k events */
    dyad_stmt *w_sentences[DYAD_STORE_ROWS + 1]; /* [k]: k sentences */
    dyad_actor_set *actors; /* actors seen in the open transaction */
    char coded_at[32];      /* timestamp of the open transaction */
};

/* Called by a backend's open once its struct is allocated: fills the common
 * part. 0 or DYAD_ENOMEM. */
int dyad_store__init(dyad_store *s, const dyad_store_vtable *be, const char *url);
/* Frees what dyad_store__init allocated (not s). */
void dyad_store__fini(dyad_store *s);

/* Sets the error message "DATABASE: what: detail" and returns code. */
int dyad_store__error(const dyad_store *s, int code, const char *what, const char *detail);

/* "YYYYMMDD" -> "YYYY-MM-DD" into out[11]; other forms are copied (cut to 10). */
void dyad_store__norm_date(char out[11], const char *in);
/* The day an event is stored under: the start of a range
 * ("1980/1988" -> 1980), partial dates padded ("1989" -> "1989-01-01",
 * "2024-04" -> "2024-04-01"), YYYYMMDD as YYYY-MM-DD; so that date filters,
 * timelines and first/last seen order them by their start. */
void dyad_store__event_date(char out[11], const char *in);

/* ---- Phoenix-style actor codes (actor.c) ---- */

/* Splits an actor code as the Phoenix pipeline does: root = the first three
 * letters when they are a country (ISO 3166 alpha-3) or IGO/NGO/IMG/MNC, else "";
 * agent = letters 4-6 when they are a primary agent (GOV, MIL, REB, ...), else "";
 * others = the remaining three-letter groups joined by ';'. */
void dyad_store__actor_split(const char *code, char root[4], char agent[4], char *others,
                      size_t others_size);
int dyad_store__is_country(const char *code3);

/* ---- SHA-256 (sha256.c) ---- */
typedef struct dyad_sha256 {
    unsigned int h[8];
    unsigned char buf[64];
    unsigned long long len;
    size_t n;
} dyad_sha256;
void dyad_sha256_init(dyad_sha256 *c);
void dyad_sha256_update(dyad_sha256 *c, const void *data, size_t n);
void dyad_sha256_final(dyad_sha256 *c, unsigned char out[32]);

#endif
