/* sqlite.c: the SQLite backend (libsqlite3).
 *
 * The database is one file in WAL mode with synchronous=NORMAL: a commit is
 * durable against a crash of the process (kill -9) and readers (dyad query)
 * never block the loader. A disk that fills up (SQLITE_FULL, or an I/O error
 * whose errno is ENOSPC) and the size cap of "?max_size=BYTES" are reported
 * as DYAD_ESTORE_FULL. */
#include <errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/store.h"
#include "util/util.h"

typedef struct sq_store {
    dyad_store base;
    sqlite3 *db;
    char *path;
    const char *context; /* article being written (not owned) */
    dyad_stmt **stmts;   /* every statement, finalized at close */
    size_t nstmts, capstmts;
} sq_store;

struct dyad_stmt {
    sq_store *s;
    sqlite3_stmt *st;
    int nparams;
};

static const char schema_sql[] =
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
    "CREATE TABLE IF NOT EXISTS articles (id TEXT PRIMARY KEY, date TEXT NOT NULL,"
    " source_file TEXT NOT NULL, dict_version TEXT NOT NULL, coded_at TEXT NOT NULL,"
    " nsentences INTEGER NOT NULL, nevents INTEGER NOT NULL);"
    "CREATE TABLE IF NOT EXISTS sentences (article TEXT NOT NULL REFERENCES articles(id),"
    " id TEXT NOT NULL, seq INTEGER NOT NULL, text TEXT NOT NULL, PRIMARY KEY (article, id));"
    "CREATE TABLE IF NOT EXISTS events (id INTEGER PRIMARY KEY,"
    " article TEXT NOT NULL REFERENCES articles(id), sentence TEXT NOT NULL,"
    " date TEXT NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL, cameo TEXT NOT NULL,"
    " plover TEXT NOT NULL, quad_class INTEGER NOT NULL, goldstein REAL NOT NULL,"
    " source_start INTEGER, source_end INTEGER, source_text TEXT,"
    " target_start INTEGER, target_end INTEGER, target_text TEXT,"
    " verb_start INTEGER, verb_end INTEGER, verb_text TEXT, issues TEXT NOT NULL,"
    " dict_version TEXT NOT NULL, mentions INTEGER NOT NULL);"
    "CREATE INDEX IF NOT EXISTS events_article ON events (article);"
    "CREATE INDEX IF NOT EXISTS events_dyad ON events (source, target, date, quad_class, plover,"
    " goldstein);"
    "CREATE INDEX IF NOT EXISTS events_date ON events (date);"
    "CREATE TABLE IF NOT EXISTS actors (code TEXT PRIMARY KEY, first_seen TEXT NOT NULL,"
    " last_seen TEXT NOT NULL);"
    "CREATE TABLE IF NOT EXISTS quotes (id INTEGER PRIMARY KEY,"
    " article TEXT NOT NULL REFERENCES articles(id), sentence TEXT NOT NULL,"
    " speaker TEXT NOT NULL, role TEXT NOT NULL, actor TEXT NOT NULL, quote TEXT NOT NULL,"
    " cue TEXT NOT NULL, kind TEXT NOT NULL, quote_start INTEGER, quote_end INTEGER,"
    " speaker_start INTEGER, speaker_end INTEGER);"
    "CREATE INDEX IF NOT EXISTS quotes_article ON quotes (article);"
    "INSERT INTO meta (key, value) VALUES ('schema_version', '1')"
    " ON CONFLICT (key) DO NOTHING;";

/* The dyad error for SQLite result code rc. */
static int sq_code(sq_store *s, int rc)
{
    int prim = rc & 0xff;
    if (prim == SQLITE_FULL)
        return DYAD_ESTORE_FULL;
    if (prim == SQLITE_IOERR && s->db && sqlite3_system_errno(s->db) == ENOSPC)
        return DYAD_ESTORE_FULL;
    return DYAD_ESTORE;
}

static int sq_fail(sq_store *s, int rc, const char *what)
{
    char detail[600];
    const char *msg = s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc);
    if (s->context)
        snprintf(detail, sizeof detail, "%s (while writing article %s)", msg, s->context);
    else
        snprintf(detail, sizeof detail, "%s", msg);
    return dyad_store__error(&s->base, sq_code(s, rc), what, detail);
}

static int sq_exec(sq_store *s, const char *sql, const char *what)
{
    int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
    return rc == SQLITE_OK ? 0 : sq_fail(s, rc, what);
}

static void sq_close(dyad_store *base)
{
    sq_store *s = (sq_store *)base;
    for (size_t i = 0; i < s->nstmts; i++) {
        sqlite3_finalize(s->stmts[i]->st);
        free(s->stmts[i]);
    }
    free(s->stmts);
    sqlite3_close(s->db);
    free(s->path);
    dyad_store__fini(&s->base);
    free(s);
}

static int sq_prepare(dyad_store *base, dyad_stmt **out, const char *sql, int nparams)
{
    sq_store *s = (sq_store *)base;
    *out = NULL;
    if (s->nstmts == s->capstmts) {
        size_t cap = s->capstmts ? s->capstmts * 2 : 16;
        dyad_stmt **v = realloc(s->stmts, cap * sizeof *v);
        if (!v)
            return dyad_set_error(DYAD_ENOMEM, "out of memory");
        s->stmts = v;
        s->capstmts = cap;
    }
    dyad_stmt *st = calloc(1, sizeof *st);
    if (!st)
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    int rc = sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st->st, NULL);
    if (rc != SQLITE_OK) {
        free(st);
        return sq_fail(s, rc, "cannot prepare a statement");
    }
    st->s = s;
    st->nparams = nparams;
    s->stmts[s->nstmts++] = st;
    *out = st;
    return 0;
}

static int sq_bind(dyad_stmt *st, const dyad_param *p)
{
    for (int i = 0; i < st->nparams; i++) {
        int rc;
        switch (p[i].kind) {
        case DYAD_P_TEXT: rc = sqlite3_bind_text(st->st, i + 1, p[i].s, -1, SQLITE_STATIC); break;
        case DYAD_P_INT: rc = sqlite3_bind_int64(st->st, i + 1, p[i].i); break;
        case DYAD_P_REAL: rc = sqlite3_bind_double(st->st, i + 1, p[i].d); break;
        default: rc = sqlite3_bind_null(st->st, i + 1); break;
        }
        if (rc != SQLITE_OK)
            return sq_fail(st->s, rc, "cannot bind a parameter");
    }
    return 0;
}

static int sq_run(dyad_stmt *st, const dyad_param *p)
{
    int rc = sq_bind(st, p);
    if (rc)
        return rc;
    int r = sqlite3_step(st->st);
    sqlite3_reset(st->st);
    sqlite3_clear_bindings(st->st);
    if (r == SQLITE_DONE || r == SQLITE_ROW)
        return 0;
    return sq_fail(st->s, r, "cannot write");
}

static int sq_query(dyad_stmt *st, const dyad_param *p)
{
    sqlite3_reset(st->st);
    return sq_bind(st, p);
}

static int sq_next(dyad_stmt *st)
{
    int r = sqlite3_step(st->st);
    if (r == SQLITE_ROW)
        return 1;
    sqlite3_reset(st->st);
    sqlite3_clear_bindings(st->st);
    if (r == SQLITE_DONE)
        return 0;
    return sq_fail(st->s, r, "query failed");
}

static void sq_reset(dyad_stmt *st)
{
    sqlite3_reset(st->st);
    sqlite3_clear_bindings(st->st);
}

static void sq_finalize(dyad_stmt *st)
{
    if (!st)
        return;
    sq_store *s = st->s;
    for (size_t i = 0; i < s->nstmts; i++) {
        if (s->stmts[i] != st)
            continue;
        s->stmts[i] = s->stmts[--s->nstmts];
        break;
    }
    sqlite3_finalize(st->st);
    free(st);
}

static const char *sq_text(dyad_stmt *st, int col)
{
    const unsigned char *t = sqlite3_column_text(st->st, col);
    return t ? (const char *)t : "";
}
static long long sq_int(dyad_stmt *st, int col) { return sqlite3_column_int64(st->st, col); }
static double sq_real(dyad_stmt *st, int col) { return sqlite3_column_double(st->st, col); }
static int sq_is_null(dyad_stmt *st, int col)
{
    return sqlite3_column_type(st->st, col) == SQLITE_NULL;
}

static void sq_set_context(dyad_store *base, const char *article)
{
    ((sq_store *)base)->context = article;
}

static int sq_begin(dyad_store *base)
{
    sq_store *s = (sq_store *)base;
    /* IMMEDIATE: take the write lock now rather than fail to upgrade later. */
    return sq_exec(s, "BEGIN IMMEDIATE", "cannot begin a transaction");
}

static int sq_commit(dyad_store *base)
{
    sq_store *s = (sq_store *)base;
    s->context = NULL;
    return sq_exec(s, "COMMIT", "cannot commit");
}

static void sq_rollback(dyad_store *base)
{
    sq_store *s = (sq_store *)base;
    s->context = NULL;
    /* After SQLITE_FULL SQLite may already have rolled back by itself. */
    if (!sqlite3_get_autocommit(s->db))
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

/* Runs a one-row query with one text parameter; *out = its first column
 * (copied into buf), or "" when there is no row. */
static int sq_scalar(sq_store *s, const char *sql, const char *param, char *buf, size_t n)
{
    dyad_stmt *st = NULL;
    dyad_param p = dyad_p_text(param);
    buf[0] = 0;
    int rc = sq_prepare(&s->base, &st, sql, 1);
    if (!rc)
        rc = sq_query(st, &p);
    if (!rc && (rc = sq_next(st)) == 1) {
        snprintf(buf, n, "%s", sq_text(st, 0));
        rc = 0;
    }
    sq_finalize(st);
    return rc;
}

/* Checks that the schema is there and that we know its version. */
static int sq_check_schema(sq_store *s, int flags)
{
    char v[32];
    int rc = sq_scalar(s, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?",
                       "meta", v, sizeof v);
    if (rc)
        return rc;
    if (atoi(v) == 0)
        return dyad_set_error(flags & DYAD_STORE_WRITE ? DYAD_ESTORE : DYAD_ENOTFOUND,
                              "%s: not a dyad store (no meta table; run dyad load first)",
                              s->base.url);
    if ((rc = sq_scalar(s, "SELECT value FROM meta WHERE key = ?", "schema_version", v, sizeof v)))
        return rc;
    if (!v[0])
        return dyad_set_error(DYAD_ESTORE, "%s: no schema version", s->base.url);
    if (atol(v) > DYAD_STORE_SCHEMA_VERSION)
        return dyad_set_error(DYAD_ESTORE, "%s: schema version %ld is newer than this dyad's (%d)",
                              s->base.url, atol(v), DYAD_STORE_SCHEMA_VERSION);
    return 0;
}

/* "PATH?max_size=BYTES" -> PATH and the cap (0 = none); -1 in *max_size when
 * BYTES is not a positive whole number. */
static char *split_path(const char *url, long long *max_size)
{
    *max_size = 0;
    const char *q = strstr(url, "?max_size=");
    if (!q)
        return strdup(url);
    char *end = NULL;
    errno = 0;
    *max_size = q[10] >= '0' && q[10] <= '9' ? strtoll(q + 10, &end, 10) : -1;
    if (!end || *end || errno || *max_size <= 0)
        *max_size = -1;
    return strndup(url, (size_t)(q - url));
}

/* Opens the database for reading only: queries and exports never write, so a
 * store on read-only media or owned by another user can be read. A database
 * in WAL mode needs its -shm file; when that cannot be created (no write
 * access to the folder) the file is opened as immutable, which is safe as long
 * as nobody writes it meanwhile — and nobody can be: the folder is not
 * writable by us, and a writer would have left the -shm file we lack. */
static int sq_open_read(sq_store *s)
{
    int r = sqlite3_open_v2(s->path, &s->db, SQLITE_OPEN_READONLY, NULL);
    if (r == SQLITE_OK)
        r = sqlite3_exec(s->db, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL);
    if ((r & 0xff) != SQLITE_READONLY && (r & 0xff) != SQLITE_CANTOPEN)
        return r == SQLITE_OK ? 0 : sq_fail(s, r, "cannot open the database");
    sqlite3_close(s->db);
    s->db = NULL;
    dyad_buf uri;
    dyad_buf_init(&uri);
    int rc = dyad_buf_puts(&uri, "file:");
    for (const char *p = s->path; !rc && *p; p++)
        rc = (*p == '?' || *p == '#' || *p == '%') ? dyad_buf_printf(&uri, "%%%02X", (unsigned char)*p)
                                                   : dyad_buf_putc(&uri, *p);
    if (!rc)
        rc = dyad_buf_puts(&uri, "?immutable=1");
    if (rc) {
        dyad_buf_free(&uri);
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    }
    r = sqlite3_open_v2(uri.data, &s->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
    dyad_buf_free(&uri);
    return r == SQLITE_OK ? 0 : sq_fail(s, r, "cannot open the database");
}

static int sq_settings(sq_store *s, int flags, long long max_size)
{
    sqlite3_busy_timeout(s->db, 10000);
    int rc = 0;
    if (flags & DYAD_STORE_WRITE) {
        rc = sq_exec(s, "PRAGMA journal_mode=WAL", "cannot switch to WAL mode");
        if (!rc)
            rc = sq_exec(s, "PRAGMA synchronous=NORMAL", "cannot set synchronous");
        /* 32 MB of page cache: a load touches the event indexes all over. The
         * statement journal of a multi-row insert stays in memory (in a file
         * it cost 9 writes for each page written). */
        if (!rc)
            rc = sq_exec(s, "PRAGMA cache_size=-32768", "cannot set the cache size");
        if (!rc)
            rc = sq_exec(s, "PRAGMA temp_store=MEMORY", "cannot set temp_store");
    }
    if (!rc && max_size > 0) {
        /* A PRAGMA takes no parameters; the value is a number we format. */
        char sql[64];
        long long pages = max_size / 4096 > 1 ? max_size / 4096 : 2;
        snprintf(sql, sizeof sql, "PRAGMA max_page_count=%lld", pages);
        rc = sq_exec(s, "PRAGMA page_size=4096", "cannot set the page size");
        if (!rc)
            rc = sq_exec(s, sql, "cannot cap the size");
    }
    if (!rc && (flags & DYAD_STORE_WRITE))
        rc = sq_exec(s, schema_sql, "cannot create the schema");
    return rc;
}

static int sq_open(dyad_store **out, const char *url, int flags)
{
    *out = NULL;
    sq_store *s = calloc(1, sizeof *s);
    if (!s)
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    char shown[4200];
    snprintf(shown, sizeof shown, "sqlite:%s", url);
    long long max_size = 0;
    int rc = dyad_store__init(&s->base, &dyad_store_sqlite_backend, shown);
    if (!rc && !(s->path = split_path(url, &max_size)))
        rc = dyad_set_error(DYAD_ENOMEM, "out of memory");
    if (!rc && max_size < 0)
        rc = dyad_set_error(DYAD_EINVAL, "%s: max_size takes a positive number of bytes",
                            s->base.url);
    if (!rc && !(flags & DYAD_STORE_WRITE) && access(s->path, F_OK) != 0)
        rc = dyad_set_error(DYAD_ENOTFOUND, "%s: no such database (run dyad load first)",
                            s->base.url);
    if (!rc && (flags & DYAD_STORE_WRITE)) {
        int r = sqlite3_open_v2(s->path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
        if (r != SQLITE_OK)
            rc = sq_fail(s, r, "cannot open the database");
    } else if (!rc) {
        rc = sq_open_read(s);
    }
    if (!rc)
        rc = sq_settings(s, flags, max_size);
    if (!rc)
        rc = sq_check_schema(s, flags);
    if (rc) {
        sq_close(&s->base);
        return rc;
    }
    *out = &s->base;
    return 0;
}

const dyad_store_vtable dyad_store_sqlite_backend = {
    .version = DYAD_STORE_BACKEND_VERSION,
    .name = "sqlite",
    .open = sq_open,
    .close = sq_close,
    .begin = sq_begin,
    .commit = sq_commit,
    .rollback = sq_rollback,
    .prepare = sq_prepare,
    .run = sq_run,
    .query = sq_query,
    .next = sq_next,
    .reset = sq_reset,
    .finalize = sq_finalize,
    .text = sq_text,
    .integer = sq_int,
    .real = sq_real,
    .is_null = sq_is_null,
    .set_context = sq_set_context,
};
