/* load.c: from PETRARCH XML or dyad JSON Lines into a store, article by
 * article, in batched transactions.
 *
 * The unit of work is the article: its sentences and events are written
 * together by dyad_store_put_article, and a transaction commits after
 * batch_articles articles or batch_seconds, whichever comes first, never in
 * the middle of an article. A killed load therefore leaves whole articles,
 * and a second load replaces them (idempotent). An article written twice in
 * one load (its lines not together in a JSONL file) is appended to the
 * second time rather than replaced.
 *
 * PETRARCH XML is read twice: once here, for every record's id, date and
 * text (so that an article that now gives no event still replaces what the
 * store held, and every sentence is kept), and once by dyad_code_petrxml,
 * whose events arrive in record order. An article is written as soon as the
 * coder has gone past its last record. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "ingest/infile.h"
#include "ingest/petrxml.h"
#include "store/store.h"
#include "util/util.h"

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- a map from strings to indices ------------------------------------
 * (articles written by this load; articles of an XML file) */

typedef struct strmap {
    char **key;
    size_t *val;
    size_t cap, n;
} strmap;

static size_t str_hash(const char *s, size_t n)
{
    size_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

/* The slot of s[0..n) (its key, or the empty slot where it would go). */
static size_t strmap_slot(const strmap *m, const char *s, size_t n)
{
    size_t j = str_hash(s, n) & (m->cap - 1);
    while (m->key[j] && (strlen(m->key[j]) != n || memcmp(m->key[j], s, n)))
        j = (j + 1) & (m->cap - 1);
    return j;
}

/* The value of s[0..n), or (size_t)-1. */
static size_t strmap_get(const strmap *m, const char *s, size_t n)
{
    if (!m->cap)
        return (size_t)-1;
    size_t j = strmap_slot(m, s, n);
    return m->key[j] ? m->val[j] : (size_t)-1;
}

static int strmap_put(strmap *m, const char *s, size_t n, size_t val)
{
    if ((m->n + 1) * 2 > m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 1024;
        strmap big = {calloc(cap, sizeof(char *)), calloc(cap, sizeof(size_t)), cap, m->n};
        if (!big.key || !big.val) {
            free(big.key);
            free(big.val);
            return DYAD_ENOMEM;
        }
        for (size_t i = 0; i < m->cap; i++) {
            if (!m->key[i])
                continue;
            size_t j = strmap_slot(&big, m->key[i], strlen(m->key[i]));
            big.key[j] = m->key[i];
            big.val[j] = m->val[i];
        }
        free(m->key);
        free(m->val);
        *m = big;
    }
    size_t j = strmap_slot(m, s, n);
    if (!m->key[j]) {
        if (!(m->key[j] = strndup(s, n)))
            return DYAD_ENOMEM;
        m->n++;
    }
    m->val[j] = val;
    return 0;
}

static void strmap_free(strmap *m)
{
    for (size_t i = 0; i < m->cap; i++)
        free(m->key[i]);
    free(m->key);
    free(m->val);
    memset(m, 0, sizeof *m);
}

/* ---- batching --------------------------------------------------------- */

typedef struct loader {
    dyad_store *s;
    dyad_load_opts o;
    dyad_load_stats *st;
    dyad_diag *d;
    const char *file; /* as stored in articles.source_file */
    int in_tx;
    long tx_articles, tx_sentences, tx_events;
    char tx_first[256], tx_last[256]; /* articles of the open transaction */
    double t0, tx_start, last_progress;
    strmap seen;
} loader;

static void loader_init(loader *L, dyad_store *s, const char *file, const dyad_load_opts *o,
                        dyad_load_stats *st, dyad_diag *d)
{
    memset(L, 0, sizeof *L);
    L->s = s;
    if (o)
        L->o = *o;
    if (L->o.batch_articles <= 0)
        L->o.batch_articles = 1000;
    if (L->o.batch_seconds <= 0)
        L->o.batch_seconds = 1.0;
    L->st = st;
    L->d = d;
    L->file = file;
    L->t0 = L->last_progress = now_s();
}

/* Whether article id is in this load's shard (all are without sharding). */
static int in_shard(const loader *L, const char *id)
{
    return L->o.nshards <= 1 || dyad_shard_of(id, L->o.nshards) == L->o.shard;
}

static void progress(loader *L, int force)
{
    double t = now_s();
    L->st->seconds += t - L->t0;
    L->t0 = t;
    if (L->o.progress && (force || t - L->last_progress >= 0.2)) {
        L->last_progress = t;
        L->o.progress(L->o.user, L->st);
    }
}

/* Notes article id as part of the open transaction (its first and last). */
static void tx_note(loader *L, const char *id)
{
    if (!L->tx_first[0])
        snprintf(L->tx_first, sizeof L->tx_first, "%s", id);
    snprintf(L->tx_last, sizeof L->tx_last, "%s", id);
}

/* Rolls the transaction back and rewrites the error message to say what was
 * lost: the articles of the transaction (the one being written included). */
static int loader_fail(loader *L, int rc, int writing)
{
    char msg[1024];
    snprintf(msg, sizeof msg, "%s", dyad_last_error());
    long lost = L->tx_articles + writing;
    if (L->in_tx)
        dyad_store_rollback(L->s);
    L->in_tx = 0;
    if (rc == DYAD_ESTORE || rc == DYAD_ESTORE_FULL)
        dyad_set_error(rc,
                       "%s; the transaction was rolled back: its %ld article%s (%s%s%s) %s not "
                       "stored; %ld articles were committed before",
                       msg, lost, lost == 1 ? "" : "s", L->tx_first, lost > 1 ? " ... " : "",
                       lost > 1 ? L->tx_last : "", lost == 1 ? "is" : "are", L->st->articles);
    L->tx_articles = L->tx_sentences = L->tx_events = 0;
    L->tx_first[0] = L->tx_last[0] = 0;
    return rc;
}

static int loader_commit(loader *L)
{
    if (!L->in_tx)
        return 0;
    int rc = dyad_store_commit(L->s);
    if (rc)
        return loader_fail(L, rc, 0);
    L->in_tx = 0;
    L->st->articles += L->tx_articles;
    L->st->sentences += L->tx_sentences;
    L->st->events += L->tx_events;
    L->st->batches++;
    L->tx_articles = L->tx_sentences = L->tx_events = 0;
    L->tx_first[0] = L->tx_last[0] = 0;
    progress(L, 1);
    return 0;
}

static int loader_put(loader *L, const dyad_store_article *a)
{
    int rc = 0;
    if (!L->in_tx) {
        if ((rc = dyad_store_begin(L->s)))
            return rc;
        L->in_tx = 1;
        L->tx_start = now_s();
    }
    int append = strmap_get(&L->seen, a->id, strlen(a->id)) != (size_t)-1;
    tx_note(L, a->id);
    if ((rc = dyad_store_put_article(L->s, a, append)))
        return loader_fail(L, rc, 1);
    if (strmap_put(&L->seen, a->id, strlen(a->id), 1))
        return loader_fail(L, dyad_set_error(DYAD_ENOMEM, "out of memory"), 1);
    L->tx_articles++;
    L->tx_sentences += (long)a->nsentences;
    L->tx_events += (long)a->nevents;
    if (L->tx_articles >= L->o.batch_articles || now_s() - L->tx_start >= L->o.batch_seconds)
        return loader_commit(L);
    progress(L, 0);
    return 0;
}

static int loader_finish(loader *L, int rc)
{
    if (!rc)
        rc = loader_commit(L);
    else if (L->in_tx)
        dyad_store_rollback(L->s);
    L->in_tx = 0;
    strmap_free(&L->seen);
    progress(L, 0);
    return rc;
}

/* ---- an article being collected -------------------------------------- */

typedef struct article {
    char *id;
    char date[11];
    size_t first_rec, last_rec; /* XML records of the article */
    dyad_event *ev;
    size_t nev, capev;
    dyad_store_sentence *sent;
    size_t nsent, capsent;
    dyad_arena *mem; /* copies of the events' strings */
    int written;
} article;

static void article_clear(article *a)
{
    dyad_arena_free(a->mem);
    free(a->ev);
    free(a->sent);
    free(a->id);
    memset(a, 0, sizeof *a);
}

/* Empties a for the next article, keeping its buffers and arena. */
static void article_reuse(article *a)
{
    dyad_arena_reset(a->mem);
    free(a->id);
    a->id = NULL;
    a->nev = a->nsent = 0;
    a->date[0] = 0;
    a->written = 0;
}

static char *keep(article *a, const char *s)
{
    return dyad_arena_strdup(a->mem, s ? s : "");
}

/* Copies e (its strings into the article's arena). */
static int article_add_event(article *a, const dyad_event *e)
{
    if (!a->mem && !(a->mem = dyad_arena_new()))
        return DYAD_ENOMEM;
    if (a->nev == a->capev) {
        size_t cap = a->capev ? a->capev * 2 : 8;
        dyad_event *v = realloc(a->ev, cap * sizeof *v);
        if (!v)
            return DYAD_ENOMEM;
        a->ev = v;
        a->capev = cap;
    }
    dyad_event *c = &a->ev[a->nev];
    *c = *e;
    c->article = a->id;
    c->sentence = keep(a, e->sentence);
    c->date = keep(a, e->date);
    c->source = keep(a, e->source);
    c->target = keep(a, e->target);
    c->cameo = keep(a, e->cameo);
    c->plover = keep(a, e->plover);
    c->text = keep(a, e->text);
    c->source_text = keep(a, e->source_text);
    c->target_text = keep(a, e->target_text);
    c->verb_text = keep(a, e->verb_text);
    c->issues = keep(a, e->issues);
    /* not stored: only the date (its start) and the mention count */
    c->date_source = c->article_date = NULL;
    c->date_text = "";
    c->mention = NULL;
    if (!c->sentence || !c->date || !c->source || !c->target || !c->cameo || !c->plover ||
        !c->text || !c->source_text || !c->target_text || !c->verb_text || !c->issues)
        return DYAD_ENOMEM;
    a->nev++;
    return 0;
}

static int article_add_sentence(article *a, const char *id, const char *text)
{
    if (a->nsent == a->capsent) {
        size_t cap = a->capsent ? a->capsent * 2 : 8;
        dyad_store_sentence *v = realloc(a->sent, cap * sizeof *v);
        if (!v)
            return DYAD_ENOMEM;
        a->sent = v;
        a->capsent = cap;
    }
    a->sent[a->nsent].id = id;
    a->sent[a->nsent].text = text;
    a->nsent++;
    return 0;
}

static int article_write(loader *L, article *a, const char *dict_version)
{
    dyad_store_article art = {
        .id = a->id,
        .date = a->date[0] ? a->date : NULL,
        .source_file = L->file,
        .dict_version = dict_version ? dict_version : L->o.dict_version,
        .sentences = a->sent,
        .nsentences = a->nsent,
        .events = a->ev,
        .nevents = a->nev,
    };
    a->written = 1;
    return loader_put(L, &art);
}

/* ---- PETRARCH XML ----------------------------------------------------- */

/* "AFP0808020625_4" -> "AFP0808020625"; other ids are their own article (the
 * rule dyad_code_petrxml applies to event.article). */
static size_t article_len(const char *id)
{
    const char *us = strrchr(id, '_');
    if (!us || !us[1] || us == id)
        return strlen(id);
    for (const char *p = us + 1; *p; p++)
        if (*p < '0' || *p > '9')
            return strlen(id);
    return (size_t)(us - id);
}


typedef struct xml_load {
    loader *L;
    dyad_arena *mem;  /* record ids and texts */
    article *art;     /* in order of first record */
    size_t nart, capart;
    strmap index;     /* article id -> index in art */
    size_t *by_last;  /* article indices in order of their last record */
    size_t nby_last, nflushed; /* articles in by_last; those of them written */
    const char **rec_id; /* id of each record */
    size_t nrec;
    size_t cursor;    /* record of the latest event */
    long last_error_line; /* line of the last error the scan met */
    int cut_off;      /* the input ends inside an element (dyad_petrxml_cut_off) */
    int failed;       /* a write failed: stop */
} xml_load;

static size_t xml_article(xml_load *x, const char *id, size_t len)
{
    if (x->nart && strlen(x->art[x->nart - 1].id) == len &&
        !memcmp(x->art[x->nart - 1].id, id, len))
        return x->nart - 1;
    size_t k = strmap_get(&x->index, id, len);
    if (k != (size_t)-1)
        return k;
    if (x->nart == x->capart) {
        size_t cap = x->capart ? x->capart * 2 : 64;
        article *v = realloc(x->art, cap * sizeof *v);
        if (!v)
            return (size_t)-1;
        x->art = v;
        x->capart = cap;
    }
    article *a = &x->art[x->nart];
    memset(a, 0, sizeof *a);
    a->last_rec = (size_t)-1; /* an article met only through events: written last */
    if (!(a->id = strndup(id, len)) || strmap_put(&x->index, id, len, x->nart))
        return (size_t)-1;
    return x->nart++;
}

static void scan_diag(void *user, dyad_diag_level lvl, const char *file, long line,
                      const char *msg)
{
    (void)file;
    (void)msg;
    xml_load *x = user;
    if (lvl == DYAD_DIAG_ERROR && line > x->last_error_line)
        x->last_error_line = line;
}

static int xml_scan_record(xml_load *x, const dyad_record *rec, const char *date)
{
    const char *id = dyad_arena_strdup(x->mem, rec->id);
    const char *text = dyad_arena_strdup(x->mem, rec->text ? rec->text : "");
    size_t k = xml_article(x, rec->id, article_len(rec->id));
    if (!id || !text || k == (size_t)-1)
        return DYAD_ENOMEM;
    article *a = &x->art[k];
    if (a->last_rec == (size_t)-1) {
        a->first_rec = x->nrec;
        dyad_store__norm_date(a->date, date ? date : rec->date);
    }
    a->last_rec = x->nrec;
    x->rec_id[x->nrec++] = id;
    return article_add_sentence(a, id, text);
}

/* Reads every record's id, date and text; groups the records into articles. */
static int xml_scan(xml_load *x, const char *path, const char *date)
{
    dyad_diag quiet = {scan_diag, x, 0, 0};
    dyad_petrxml *r = NULL;
    int rc = dyad_petrxml_open(&r, path, &quiet);
    if (rc)
        return rc;
    size_t n = (size_t)dyad_petrxml_count(r);
    x->rec_id = calloc(n + 1, sizeof *x->rec_id);
    if (!x->rec_id || !(x->mem = dyad_arena_new()))
        rc = DYAD_ENOMEM;
    const dyad_record *rec;
    while (!rc && dyad_petrxml_next(r, &rec) == 1)
        rc = xml_scan_record(x, rec, date);
    x->cut_off = dyad_petrxml_cut_off(r);
    dyad_petrxml_free(r);
    if (!rc && !(x->by_last = calloc(x->nart + 1, sizeof *x->by_last)))
        rc = DYAD_ENOMEM;
    if (rc)
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    /* Records come in order, so listing each article at its last record sorts
     * them by last record. */
    size_t k = 0;
    for (size_t r2 = 0; r2 < x->nrec; r2++) {
        size_t a = strmap_get(&x->index, x->rec_id[r2], article_len(x->rec_id[r2]));
        if (a != (size_t)-1 && x->art[a].last_rec == r2)
            x->by_last[k++] = a;
    }
    x->nby_last = k;
    return 0;
}

/* Writes article k, or reports it when it is the last one and the input is
 * cut off (its later records may be missing). An error inside a complete
 * record, such as a refused entity, does not keep the record out. */
static int xml_write(xml_load *x, size_t k, int last)
{
    article *a = &x->art[k];
    loader *L = x->L;
    if (!in_shard(L, a->id)) { /* another worker's article */
        article_clear(a);
        a->written = 1;
        return 0;
    }
    if (last && x->cut_off) {
        dyad_diag_report(L->d, DYAD_DIAG_ERROR, L->file, x->last_error_line,
                         "the input ends inside article %s; not stored", a->id);
        L->st->incomplete++;
        a->written = 1;
        return 0;
    }
    int rc = article_write(L, a, NULL);
    article_clear(a);
    a->written = 1;
    return rc;
}

/* Writes the articles whose last record is before the cursor. */
static int xml_flush(xml_load *x, int all)
{
    int rc = 0;
    while (!rc && x->nflushed < x->nby_last) {
        size_t k = x->by_last[x->nflushed];
        if (!all && x->art[k].last_rec >= x->cursor)
            break;
        x->nflushed++;
        if (!x->art[k].written)
            rc = xml_write(x, k, x->art[k].last_rec == x->nrec - 1);
    }
    for (size_t k = 0; all && !rc && k < x->nart; k++)
        if (!x->art[k].written)
            rc = xml_write(x, k, 0);
    return rc;
}

static int xml_event(void *user, const dyad_event *e)
{
    xml_load *x = user;
    size_t at = x->cursor;
    while (at < x->nrec && strcmp(x->rec_id[at], e->sentence))
        at++;
    if (at < x->nrec) /* not found (cannot happen): stay put, flush nothing */
        x->cursor = at;
    const char *aid = e->article && *e->article ? e->article : e->sentence;
    size_t k = xml_article(x, aid, strlen(aid));
    int rc = k == (size_t)-1 ? DYAD_ENOMEM : article_add_event(&x->art[k], e);
    if (rc == DYAD_ENOMEM)
        rc = dyad_set_error(rc, "out of memory");
    if (!rc)
        rc = xml_flush(x, 0);
    if (rc) {
        x->failed = rc;
        return 1;
    }
    return 0;
}

static void xml_free(xml_load *x)
{
    for (size_t i = 0; i < x->nart; i++)
        article_clear(&x->art[i]);
    free(x->art);
    free(x->by_last);
    free(x->rec_id);
    strmap_free(&x->index);
    dyad_arena_free(x->mem);
}

/* Copies standard input to a temporary file (the XML is read twice). */
static int spool_stdin(char *path, size_t n)
{
    const char *dir = getenv("TMPDIR");
    snprintf(path, n, "%s/dyad-load-XXXXXX", dir && *dir ? dir : "/tmp");
    int fd = mkstemp(path);
    if (fd < 0)
        return dyad_set_error(DYAD_EIO, "%s: cannot create a temporary file", path);
    FILE *out = fdopen(fd, "wb");
    char buf[65536];
    size_t k;
    int rc = out ? 0 : DYAD_EIO;
    while (!rc && (k = fread(buf, 1, sizeof buf, stdin)) > 0)
        if (fwrite(buf, 1, k, out) != k)
            rc = DYAD_EIO;
    if (ferror(stdin))
        rc = DYAD_EIO;
    if (out ? fclose(out) : close(fd))
        rc = DYAD_EIO;
    if (rc) {
        unlink(path);
        return dyad_set_error(rc, "cannot copy standard input to %s", path);
    }
    return 0;
}

int dyad_store_load_petrxml(dyad_store *s, dyad_coder *c, const char *path,
                            const dyad_load_opts *o, dyad_load_stats *st, dyad_diag *d)
{
    char tmp[4096] = "";
    if (!strcmp(path, "-")) {
        int rc = spool_stdin(tmp, sizeof tmp);
        if (rc)
            return rc;
    }
    const char *file = tmp[0] ? tmp : path;
    loader L;
    loader_init(&L, s, path, o, st, d);
    xml_load x;
    memset(&x, 0, sizeof x);
    x.L = &L;
    int rc = xml_scan(&x, file, L.o.date);
    if (!rc) {
        int r = dyad_code_petrxml(&st->run, c, file, L.o.date, xml_event, &x, d);
        rc = x.failed ? x.failed : r < 0 ? r : 0;
    }
    if (!rc) {
        x.cursor = x.nrec;
        rc = xml_flush(&x, 1);
    }
    rc = loader_finish(&L, rc);
    xml_free(&x);
    if (tmp[0])
        unlink(tmp);
    return rc;
}

/* ---- JSON Lines ------------------------------------------------------- */

typedef struct jsonl_load {
    loader *L;
    const char *file;
    article cur;         /* the article being collected */
    char *dict_version;  /* of its first event */
} jsonl_load;

static int jl_flush(jsonl_load *j)
{
    if (!j->cur.id)
        return 0;
    int rc = article_write(j->L, &j->cur, j->dict_version);
    article_reuse(&j->cur);
    free(j->dict_version);
    j->dict_version = NULL;
    return rc;
}

/* A string member: *out = its value, or def when absent. -1 if it is there
 * but not a string. */
static int get_str(json_t *o, const char *key, const char **out, const char *def)
{
    json_t *v = json_object_get(o, key);
    *out = def;
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_string(v))
        return -1;
    *out = json_string_value(v);
    return 0;
}

static int get_span(json_t *ev, const char *key, dyad_span *sp, const char **text)
{
    json_t *v = ev ? json_object_get(ev, key) : NULL;
    sp->start = sp->end = -1;
    *text = "";
    if (!v || json_is_null(v))
        return 0;
    json_t *a = json_object_get(v, "start"), *b = json_object_get(v, "end");
    if (!json_is_object(v) || !json_is_integer(a) || !json_is_integer(b))
        return -1;
    sp->start = (int)json_integer_value(a);
    sp->end = (int)json_integer_value(b);
    return get_str(v, "text", text, "");
}

/* Fills *e from a parsed line; the name of a missing or mistyped field, or NULL. */
static const char *jl_event(json_t *o, dyad_event *e)
{
    memset(e, 0, sizeof *e);
    static const char *const req[] = {"sentence", "date", "source", "target", "cameo"};
    const char **dst[] = {&e->sentence, &e->date, &e->source, &e->target, &e->cameo};
    for (int i = 0; i < 5; i++)
        if (get_str(o, req[i], dst[i], NULL) || !*dst[i])
            return req[i];
    if (get_str(o, "article", &e->article, "") || get_str(o, "plover", &e->plover, "") ||
        get_str(o, "text", &e->text, "") || get_str(o, "issues", &e->issues, ""))
        return "article, plover, text or issues";
    json_t *q = json_object_get(o, "quad_class"), *g = json_object_get(o, "goldstein");
    if (!json_is_integer(q))
        return "quad_class";
    if (!json_is_number(g))
        return "goldstein";
    e->quad_class = (int)json_integer_value(q);
    e->goldstein = json_number_value(g);
    /* dyad code's raw-text events: the article's date, and the
     * identical events merged into this one (export's "mentions" counts
     * something else, and comes without date_source) */
    if (get_str(o, "date_source", &e->date_source, NULL) ||
        get_str(o, "article_date", &e->article_date, NULL))
        return "date_source or article_date";
    json_t *mn = json_object_get(o, "mentions");
    if (e->date_source && mn && !json_is_null(mn)) {
        if (!json_is_integer(mn) || json_integer_value(mn) < 1 || json_integer_value(mn) > 1000000)
            return "mentions";
        e->mentions = (int)json_integer_value(mn);
    }
    json_t *ev = json_object_get(o, "evidence");
    if (ev && !json_is_null(ev) && !json_is_object(ev))
        return "evidence";
    if (get_span(ev, "source", &e->source_span, &e->source_text) ||
        get_span(ev, "target", &e->target_span, &e->target_text) ||
        get_span(ev, "verb", &e->verb_span, &e->verb_text))
        return "evidence";
    return NULL;
}

static int jl_add(jsonl_load *j, json_t *o, const dyad_event *e)
{
    char aid[1024];
    if (*e->article)
        snprintf(aid, sizeof aid, "%s", e->article);
    else
        snprintf(aid, sizeof aid, "%.*s", (int)article_len(e->sentence), e->sentence);
    if (!in_shard(j->L, aid))
        return 0; /* another worker's article: its events stay together there */
    int rc = 0;
    if (j->cur.id && strcmp(j->cur.id, aid))
        rc = jl_flush(j);
    if (rc)
        return rc;
    if (!j->cur.id) {
        const char *dv = NULL;
        get_str(o, "dict_version", &dv, NULL);
        if (!(j->cur.id = strdup(aid)) || (dv && !(j->dict_version = strdup(dv))))
            return DYAD_ENOMEM;
        dyad_store__event_date(j->cur.date, e->article_date && *e->article_date ? e->article_date
                                                                               : e->date);
    }
    if ((rc = article_add_event(&j->cur, e)))
        return rc;
    /* A sentence is listed once, with the text of its first event; an
     * article's events come sentence by sentence, so look from the end. */
    const dyad_event *c = &j->cur.ev[j->cur.nev - 1];
    for (size_t i = j->cur.nsent; i-- > 0;)
        if (!strcmp(j->cur.sent[i].id, c->sentence))
            return 0;
    return article_add_sentence(&j->cur, c->sentence, c->text);
}

/* Whether a cut-off line may belong to the current article: it names it, or
 * names no article we can read. */
static int cut_line_is_current(const jsonl_load *j, const char *line, size_t len)
{
    static const char key[] = "\"article\":\"";
    char *copy = strndup(line, len);
    if (!copy)
        return 1;
    const char *p = strstr(copy, key);
    int current = 1;
    if (p) {
        p += sizeof key - 1;
        size_t n = strcspn(p, "\"\\");
        if (p[n] == '"')
            current = strlen(j->cur.id) == n && !strncmp(p, j->cur.id, n);
    }
    free(copy);
    return current;
}

/* One line: 0 (stored or skipped as malformed), or a store error. */
static int jl_line(jsonl_load *j, const char *line, size_t len, long lineno, int last_unended)
{
    loader *L = j->L;
    L->st->lines++;
    json_error_t err;
    json_t *o = json_loadb(line, len, 0, &err);
    const char *bad = NULL;
    dyad_event e;
    if (!o)
        bad = err.text;
    else if (!json_is_object(o))
        bad = "not a JSON object";
    else {
        const char *type = NULL;
        if (get_str(o, "type", &type, "event") || strcmp(type, "event")) {
            json_decref(o);
            return 0;
        }
        const char *field = jl_event(o, &e);
        if (field) {
            snprintf(err.text, sizeof err.text, "missing or mistyped field '%s'", field);
            bad = err.text;
        }
    }
    if (bad) {
        dyad_diag_report(L->d, DYAD_DIAG_ERROR, j->file, lineno, "%s%s; line skipped", bad,
                         last_unended ? " (the input ends inside this line)" : "");
        L->st->bad_lines++;
        json_decref(o);
        if (last_unended && j->cur.id && cut_line_is_current(j, line, len)) {
            /* A cut-off last line of the current article: it is incomplete. */
            dyad_diag_report(L->d, DYAD_DIAG_ERROR, j->file, lineno,
                             "the input ends inside article %s; not stored", j->cur.id);
            L->st->incomplete++;
            article_reuse(&j->cur);
        }
        return 0;
    }
    int rc = jl_add(j, o, &e);
    json_decref(o);
    return rc == DYAD_ENOMEM ? dyad_set_error(rc, "out of memory") : rc;
}

/* A read error (a damaged .gz): the article being read may have lost lines,
 * so it is reported and not stored; the complete articles before it are
 * committed. Returns DYAD_EIO with a message that says so, or a store error. */
static int jl_read_error(jsonl_load *j, FILE *f, const char *path, long lineno)
{
    char why[400];
    snprintf(why, sizeof why, "%s", dyad_infile_error(f));
    if (j->cur.id) {
        dyad_diag_report(j->L->d, DYAD_DIAG_ERROR, j->file, lineno,
                         "the input is damaged inside article %s; not stored", j->cur.id);
        j->L->st->incomplete++;
        article_reuse(&j->cur);
    }
    int rc = loader_commit(j->L);
    if (rc)
        return rc;
    return dyad_set_error(DYAD_EIO, "%s: read error after line %ld: %s (the %ld articles before "
                          "it were stored)", path, lineno, why, j->L->st->articles);
}

static int blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
            return 0;
    return 1;
}

int dyad_store_load_jsonl(dyad_store *s, const char *path, const dyad_load_opts *o,
                          dyad_load_stats *st, dyad_diag *d)
{
    int is_stdin = !strcmp(path, "-");
    FILE *f = dyad_infile_open(path);
    if (!f)
        return DYAD_EIO;
    loader L;
    loader_init(&L, s, path, o, st, d);
    jsonl_load j;
    memset(&j, 0, sizeof j);
    j.L = &L;
    j.file = is_stdin ? "<stdin>" : path;
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    long lineno = 0;
    int rc = 0;
    while (!rc && (n = getline(&line, &cap, f)) >= 0) {
        lineno++;
        if (blank(line, (size_t)n))
            continue;
        int unended = line[n - 1] != '\n';
        rc = jl_line(&j, line, (size_t)n, lineno, unended);
    }
    if (!rc && ferror(f))
        rc = jl_read_error(&j, f, path, lineno);
    else if (!rc)
        rc = jl_flush(&j);
    rc = loader_finish(&L, rc);
    article_clear(&j.cur);
    free(j.dict_version);
    free(line);
    if (!is_stdin)
        dyad_infile_close(f);
    return rc;
}
