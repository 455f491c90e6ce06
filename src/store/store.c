/* store.c: opening a store by URL, transactions, and writing articles.
 *
 * Writing an article is: upsert its row in articles (which also locks it
 * against a concurrent writer on PostgreSQL), delete what the store held for
 * it, insert its sentences and events. All of it happens in the caller's
 * transaction, so a transaction holds whole articles or nothing. Actors seen
 * in a transaction are collected in memory and upserted, in code order (one
 * lock order for concurrent loads), just before the commit. */
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util/util.h"

/* ---- SQL of the writes (both backends) ------------------------------- */

static const char *const write_sql[DYAD_W_COUNT] = {
    [DYAD_W_ARTICLE_REPLACE] =
        "INSERT INTO articles (id, date, source_file, dict_version, coded_at, nsentences, nevents)"
        " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET date = excluded.date,"
        " source_file = excluded.source_file, dict_version = excluded.dict_version,"
        " coded_at = excluded.coded_at, nsentences = excluded.nsentences,"
        " nevents = excluded.nevents",
    [DYAD_W_ARTICLE_APPEND] =
        "INSERT INTO articles (id, date, source_file, dict_version, coded_at, nsentences, nevents)"
        " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
        " coded_at = excluded.coded_at, nsentences = articles.nsentences + excluded.nsentences,"
        " nevents = articles.nevents + excluded.nevents",
    [DYAD_W_DEL_EVENTS] = "DELETE FROM events WHERE article = ?",
    [DYAD_W_DEL_SENTENCES] = "DELETE FROM sentences WHERE article = ?",
    [DYAD_W_DEL_QUOTES] = "DELETE FROM quotes WHERE article = ?",
    /* Appended sentences go after those the store holds. */
    [DYAD_W_SENTENCE_APPEND] =
        "INSERT INTO sentences (article, id, seq, text)"
        " SELECT CAST(? AS TEXT), CAST(? AS TEXT), COALESCE(max(seq), 0) + 1, CAST(? AS TEXT)"
        " FROM sentences WHERE article = ? ON CONFLICT DO NOTHING",
    [DYAD_W_ACTOR] =
        "INSERT INTO actors (code, first_seen, last_seen) VALUES (?, ?, ?)"
        " ON CONFLICT (code) DO UPDATE SET"
        " first_seen = CASE WHEN excluded.first_seen < actors.first_seen"
        " THEN excluded.first_seen ELSE actors.first_seen END,"
        " last_seen = CASE WHEN excluded.last_seen > actors.last_seen"
        " THEN excluded.last_seen ELSE actors.last_seen END",
};

static const int write_nparams[DYAD_W_COUNT] = {
    [DYAD_W_ARTICLE_REPLACE] = 7, [DYAD_W_ARTICLE_APPEND] = 7, [DYAD_W_DEL_EVENTS] = 1,
    [DYAD_W_DEL_SENTENCES] = 1,   [DYAD_W_DEL_QUOTES] = 1,     [DYAD_W_SENTENCE_APPEND] = 4,
    [DYAD_W_ACTOR] = 3,
};

#define EVENT_COLS 21
static const char events_head[] =
    "INSERT INTO events (article, sentence, date, source, target, cameo, plover, quad_class,"
    " goldstein, source_start, source_end, source_text, target_start, target_end,"
    " target_text, verb_start, verb_end, verb_text, issues, dict_version, mentions) VALUES ";
static const char sentences_head[] = "INSERT INTO sentences (article, id, seq, text) VALUES ";

/* Prepares head followed by k tuples of n placeholders (and tail). */
static int prepare_rows(dyad_store *s, dyad_stmt **out, const char *head, int n, int k,
                        const char *tail)
{
    dyad_buf b;
    dyad_buf_init(&b);
    dyad_buf_puts(&b, head);
    for (int r = 0; r < k; r++) {
        dyad_buf_puts(&b, r ? ", (" : "(");
        for (int c = 0; c < n; c++)
            dyad_buf_puts(&b, c ? ", ?" : "?");
        dyad_buf_putc(&b, ')');
    }
    dyad_buf_puts(&b, tail);
    int rc = b.data ? s->be->prepare(s, out, b.data, n * k)
                    : dyad_set_error(DYAD_ENOMEM, "out of memory");
    dyad_buf_free(&b);
    return rc;
}

static int prepare_writes(dyad_store *s)
{
    int rc = 0;
    for (int i = 0; !rc && i < DYAD_W_COUNT; i++)
        if (!s->w[i])
            rc = s->be->prepare(s, &s->w[i], write_sql[i], write_nparams[i]);
    for (int k = 1; !rc && k <= DYAD_STORE_ROWS; k++) {
        if (!s->w_events[k])
            rc = prepare_rows(s, &s->w_events[k], events_head, EVENT_COLS, k, "");
        if (!rc && !s->w_sentences[k])
            rc = prepare_rows(s, &s->w_sentences[k], sentences_head, 4, k,
                              " ON CONFLICT DO NOTHING");
    }
    return rc;
}

/* ---- actors of the open transaction ---------------------------------- */

typedef struct actor_ent {
    char *code;
    char first[11], last[11];
} actor_ent;

struct dyad_actor_set {
    actor_ent *slot; /* open addressing; code == NULL = empty */
    size_t cap, n;
};

static size_t hash_str(const char *s)
{
    size_t h = 1469598103934665603ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

static void actors_clear(dyad_actor_set *a)
{
    if (!a)
        return;
    for (size_t i = 0; i < a->cap; i++)
        free(a->slot[i].code);
    free(a->slot);
    a->slot = NULL;
    a->cap = a->n = 0;
}

static int actors_grow(dyad_actor_set *a)
{
    size_t cap = a->cap ? a->cap * 2 : 256;
    actor_ent *slot = calloc(cap, sizeof *slot);
    if (!slot)
        return DYAD_ENOMEM;
    for (size_t i = 0; i < a->cap; i++) {
        if (!a->slot[i].code)
            continue;
        size_t j = hash_str(a->slot[i].code) & (cap - 1);
        while (slot[j].code)
            j = (j + 1) & (cap - 1);
        slot[j] = a->slot[i];
    }
    free(a->slot);
    a->slot = slot;
    a->cap = cap;
    return 0;
}

/* Notes that code was seen on date (YYYY-MM-DD). "---" and "" are not actors. */
static int actors_add(dyad_actor_set *a, const char *code, const char *date)
{
    if (!code || !*code || !strcmp(code, "---"))
        return 0;
    if ((a->n + 1) * 2 > a->cap && actors_grow(a))
        return DYAD_ENOMEM;
    size_t j = hash_str(code) & (a->cap - 1);
    while (a->slot[j].code && strcmp(a->slot[j].code, code))
        j = (j + 1) & (a->cap - 1);
    actor_ent *e = &a->slot[j];
    if (!e->code) {
        if (!(e->code = strdup(code)))
            return DYAD_ENOMEM;
        snprintf(e->first, sizeof e->first, "%s", date);
        snprintf(e->last, sizeof e->last, "%s", date);
        a->n++;
        return 0;
    }
    if (strcmp(date, e->first) < 0)
        snprintf(e->first, sizeof e->first, "%s", date);
    if (strcmp(date, e->last) > 0)
        snprintf(e->last, sizeof e->last, "%s", date);
    return 0;
}

static int cmp_actor(const void *x, const void *y)
{
    const actor_ent *a = *(const actor_ent *const *)x, *b = *(const actor_ent *const *)y;
    return strcmp(a->code, b->code);
}

/* Upserts the actors of the transaction, in code order. */
static int actors_write(dyad_store *s)
{
    dyad_actor_set *a = s->actors;
    if (!a->n)
        return 0;
    actor_ent **v = malloc(a->n * sizeof *v);
    if (!v)
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    size_t k = 0;
    for (size_t i = 0; i < a->cap; i++)
        if (a->slot[i].code)
            v[k++] = &a->slot[i];
    qsort(v, k, sizeof *v, cmp_actor);
    int rc = 0;
    s->be->set_context(s, NULL);
    for (size_t i = 0; i < k && !rc; i++) {
        dyad_param p[3] = {dyad_p_text(v[i]->code), dyad_p_text(v[i]->first),
                           dyad_p_text(v[i]->last)};
        rc = s->be->run(s->w[DYAD_W_ACTOR], p);
    }
    free(v);
    return rc;
}

/* ---- common part ----------------------------------------------------- */

/* Copies url with the password of a URI ("//user:secret@") or a
 * "password=" parameter replaced by "***". */
static char *hide_password(const char *url)
{
    dyad_buf b;
    dyad_buf_init(&b);
    const char *p = url;
    const char *sl = strstr(url, "://");
    if (sl) {
        const char *auth = sl + 3;
        const char *at = strpbrk(auth, "@/?");
        const char *colon = at && *at == '@' ? memchr(auth, ':', (size_t)(at - auth)) : NULL;
        if (colon) {
            dyad_buf_append(&b, url, (size_t)(colon + 1 - url));
            dyad_buf_puts(&b, "***");
            p = at;
        }
    }
    for (;;) {
        const char *pw = strstr(p, "password=");
        if (!pw) {
            dyad_buf_puts(&b, p);
            break;
        }
        dyad_buf_append(&b, p, (size_t)(pw + 9 - p));
        dyad_buf_puts(&b, "***");
        p = pw + 9 + strcspn(pw + 9, "&");
    }
    return b.data ? b.data : strdup("");
}

int dyad_store__init(dyad_store *s, const dyad_store_vtable *be, const char *url)
{
    s->be = be;
    s->url = hide_password(url);
    s->actors = calloc(1, sizeof *s->actors);
    if (!s->url || !s->actors)
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    return 0;
}

void dyad_store__fini(dyad_store *s)
{
    actors_clear(s->actors);
    free(s->actors);
    free(s->url);
}

int dyad_store__error(const dyad_store *s, int code, const char *what, const char *detail)
{
    char d[700];
    snprintf(d, sizeof d, "%s", detail ? detail : "");
    size_t n = strlen(d);
    while (n && (d[n - 1] == '\n' || d[n - 1] == ' '))
        d[--n] = 0;
    for (char *c = d; *c; c++)
        if (*c == '\n')
            *c = ' ';
    return dyad_set_error(code, "%s: %s%s%s", s && s->url ? s->url : "database", what,
                          *d ? ": " : "", d);
}

void dyad_store__norm_date(char out[11], const char *in)
{
    if (!in)
        in = "";
    size_t n = strlen(in);
    int digits8 = n == 8;
    for (size_t i = 0; digits8 && i < 8; i++)
        digits8 = in[i] >= '0' && in[i] <= '9';
    if (digits8)
        snprintf(out, 11, "%.4s-%.2s-%.2s", in, in + 4, in + 6);
    else
        snprintf(out, 11, "%s", in);
}

void dyad_store__event_date(char out[11], const char *in)
{
    char start[11];
    size_t n = in ? strcspn(in, "/") : 0;
    snprintf(start, sizeof start, "%.*s", (int)(n < 10 ? n : 10), in ? in : "");
    dyad_store__norm_date(out, start);
    n = strlen(out);
    int digits = 1;
    for (size_t i = 0; i < n; i++)
        digits &= (out[i] >= '0' && out[i] <= '9') || ((i == 4 || i == 7) && out[i] == '-');
    if (digits && (n == 4 || n == 7))
        memcpy(out + n, n == 4 ? "-01-01" : "-01", n == 4 ? 7 : 4);
}

int dyad_store_open(dyad_store **out, const char *url, int flags)
{
    *out = NULL;
    if (!url || !*url)
        url = DYAD_STORE_DEFAULT_URL;
    if (!strncmp(url, "postgresql://", 13) || !strncmp(url, "postgres://", 11))
        return dyad_store_pg_backend.open(out, url, flags);
    const char *path = url;
    if (!strncmp(url, "sqlite:", 7)) {
        path = url + 7;
        if (!strncmp(path, "//", 2))
            path += 2;
    } else if (strstr(url, "://")) {
        return dyad_set_error(DYAD_EINVAL,
                              "%s: unknown kind of database URL (use sqlite:PATH or "
                              "postgresql://...)",
                              url);
    }
    if (!*path)
        return dyad_set_error(DYAD_EINVAL, "%s: no database file named", url);
    return dyad_store_sqlite_backend.open(out, path, flags);
}

void dyad_store_close(dyad_store *s)
{
    if (!s)
        return;
    if (s->in_tx)
        dyad_store_rollback(s);
    s->be->close(s);
}

const char *dyad_store_backend(const dyad_store *s) { return s->be->name; }
const char *dyad_store_url(const dyad_store *s) { return s->url; }

/* ---- transactions ---------------------------------------------------- */

int dyad_store_begin(dyad_store *s)
{
    if (s->in_tx)
        return dyad_set_error(DYAD_EINVAL, "%s: a transaction is already open", s->url);
    int rc = prepare_writes(s);
    if (rc)
        return rc;
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(s->coded_at, sizeof s->coded_at, "%Y-%m-%dT%H:%M:%SZ", &tm);
    actors_clear(s->actors);
    rc = s->be->begin(s);
    if (!rc)
        s->in_tx = 1;
    return rc;
}

int dyad_store_commit(dyad_store *s)
{
    if (!s->in_tx)
        return dyad_set_error(DYAD_EINVAL, "%s: no transaction to commit", s->url);
    int rc = actors_write(s);
    if (!rc)
        rc = s->be->commit(s);
    if (!rc) {
        s->in_tx = 0;
        actors_clear(s->actors);
    }
    return rc;
}

void dyad_store_rollback(dyad_store *s)
{
    if (!s->in_tx)
        return;
    s->be->rollback(s);
    s->in_tx = 0;
    actors_clear(s->actors);
}

/* ---- writing an article ---------------------------------------------- */

static int cmp_triple(const dyad_event *a, const dyad_event *b)
{
    int c = strcmp(a->source ? a->source : "", b->source ? b->source : "");
    if (!c)
        c = strcmp(a->target ? a->target : "", b->target ? b->target : "");
    if (!c)
        c = strcmp(a->cameo ? a->cameo : "", b->cameo ? b->cameo : "");
    return c;
}

static _Thread_local const dyad_event *sort_base; /* qsort has no user pointer */
static int cmp_index(const void *x, const void *y)
{
    size_t i = *(const size_t *)x, j = *(const size_t *)y;
    int c = cmp_triple(&sort_base[i], &sort_base[j]);
    return c ? c : (i > j) - (i < j);
}

/* mentions[i] = events of the article with the same source, target and code
 * as event i; an event that merged n identical ones counts n. */
static int count_mentions(const dyad_event *ev, size_t n, long *mentions)
{
    size_t *ix = malloc((n ? n : 1) * sizeof *ix);
    if (!ix)
        return DYAD_ENOMEM;
    for (size_t i = 0; i < n; i++)
        ix[i] = i;
    sort_base = ev;
    qsort(ix, n, sizeof *ix, cmp_index);
    for (size_t i = 0; i < n;) {
        size_t j = i;
        long sum = 0;
        for (; j < n && !cmp_triple(&ev[ix[i]], &ev[ix[j]]); j++)
            sum += ev[ix[j]].mentions > 1 ? ev[ix[j]].mentions : 1;
        for (size_t k = i; k < j; k++)
            mentions[ix[k]] = sum;
        i = j;
    }
    free(ix);
    return 0;
}

static void span_params(dyad_param *p, dyad_span sp, const char *text)
{
    if (sp.start < 0) {
        p[0] = p[1] = p[2] = dyad_p_null();
        return;
    }
    p[0] = dyad_p_int(sp.start);
    p[1] = dyad_p_int(sp.end);
    p[2] = dyad_p_text(text);
}

/* The parameters of one event row. */
static void event_params(dyad_param *p, const dyad_store_article *a, const dyad_event *e,
                         const char *date, long mentions)
{
    p[0] = dyad_p_text(a->id);
    p[1] = dyad_p_text(e->sentence);
    p[2] = dyad_p_text(date);
    p[3] = dyad_p_text(e->source);
    p[4] = dyad_p_text(e->target);
    p[5] = dyad_p_text(e->cameo);
    p[6] = dyad_p_text(e->plover);
    p[7] = dyad_p_int(e->quad_class);
    p[8] = dyad_p_real(e->goldstein);
    span_params(p + 9, e->source_span, e->source_text);
    span_params(p + 12, e->target_span, e->target_text);
    span_params(p + 15, e->verb_span, e->verb_text);
    p[18] = dyad_p_text(e->issues);
    p[19] = dyad_p_text(a->dict_version);
    p[20] = dyad_p_int(mentions);
}

/* Inserts the events, DYAD_STORE_ROWS per statement, and notes their actors. */
static int put_events(dyad_store *s, const dyad_store_article *a, const long *mentions)
{
    dyad_param p[DYAD_STORE_ROWS * EVENT_COLS];
    char date[DYAD_STORE_ROWS][11];
    int rc = 0;
    for (size_t i = 0; !rc && i < a->nevents; i += DYAD_STORE_ROWS) {
        size_t k = a->nevents - i < DYAD_STORE_ROWS ? a->nevents - i : DYAD_STORE_ROWS;
        for (size_t j = 0; !rc && j < k; j++) {
            const dyad_event *e = &a->events[i + j];
            dyad_store__event_date(date[j], e->date && *e->date ? e->date : a->date);
            event_params(p + j * EVENT_COLS, a, e, date[j], mentions[i + j]);
            rc = actors_add(s->actors, e->source, date[j]);
            if (!rc)
                rc = actors_add(s->actors, e->target, date[j]);
        }
        if (!rc)
            rc = s->be->run(s->w_events[k], p);
    }
    return rc;
}

/* Inserts the sentences: numbered from 1, or (append) after those stored. */
static int put_sentences(dyad_store *s, const dyad_store_article *a, int append)
{
    dyad_param p[DYAD_STORE_ROWS * 4];
    int rc = 0;
    for (size_t i = 0; !rc && append && i < a->nsentences; i++) {
        dyad_param q[4] = {dyad_p_text(a->id), dyad_p_text(a->sentences[i].id),
                           dyad_p_text(a->sentences[i].text), dyad_p_text(a->id)};
        rc = s->be->run(s->w[DYAD_W_SENTENCE_APPEND], q);
    }
    for (size_t i = 0; !rc && !append && i < a->nsentences; i += DYAD_STORE_ROWS) {
        size_t k = a->nsentences - i < DYAD_STORE_ROWS ? a->nsentences - i : DYAD_STORE_ROWS;
        for (size_t j = 0; j < k; j++) {
            p[4 * j] = dyad_p_text(a->id);
            p[4 * j + 1] = dyad_p_text(a->sentences[i + j].id);
            p[4 * j + 2] = dyad_p_int((long long)(i + j) + 1);
            p[4 * j + 3] = dyad_p_text(a->sentences[i + j].text);
        }
        rc = s->be->run(s->w_sentences[k], p);
    }
    return rc;
}

static int put_rows(dyad_store *s, const dyad_store_article *a, int append, const char *date)
{
    dyad_param p[7] = {dyad_p_text(a->id),
                       dyad_p_text(date),
                       dyad_p_text(a->source_file),
                       dyad_p_text(a->dict_version),
                       dyad_p_text(s->coded_at),
                       dyad_p_int((long long)a->nsentences),
                       dyad_p_int((long long)a->nevents)};
    int rc = s->be->run(s->w[append ? DYAD_W_ARTICLE_APPEND : DYAD_W_ARTICLE_REPLACE], p);
    for (int w = DYAD_W_DEL_EVENTS; !rc && !append && w <= DYAD_W_DEL_QUOTES; w++)
        rc = s->be->run(s->w[w], p);
    if (!rc)
        rc = put_sentences(s, a, append);
    return rc;
}

int dyad_store_put_article(dyad_store *s, const dyad_store_article *a, int append)
{
    if (!s->in_tx)
        return dyad_set_error(DYAD_EINVAL, "%s: put_article outside a transaction", s->url);
    if (!a->id)
        return dyad_set_error(DYAD_EINVAL, "%s: an article without an id", s->url);
    char date[11];
    const char *d = a->date;
    if ((!d || !*d) && a->nevents)
        d = a->events[0].article_date && *a->events[0].article_date ? a->events[0].article_date
                                                                    : a->events[0].date;
    dyad_store__event_date(date, d);
    s->be->set_context(s, a->id);
    long *mentions = malloc((a->nevents ? a->nevents : 1) * sizeof *mentions);
    if (!mentions || count_mentions(a->events, a->nevents, mentions)) {
        free(mentions);
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    }
    dyad_store_article art = *a;
    art.date = date;
    int rc = put_rows(s, &art, append, date);
    if (!rc)
        rc = put_events(s, &art, mentions);
    free(mentions);
    if (rc == DYAD_ENOMEM)
        dyad_set_error(DYAD_ENOMEM, "out of memory");
    return rc;
}
