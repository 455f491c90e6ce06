/* pipeline.c: raw news in, events out: articles (ingest) -> sentences (text) ->
 * trees (the built-in link-grammar parser, or the CoNLL-U converter) -> events
 * (code), with worker threads and output in input order.
 *
 * Threads: the reading thread fills a ring of at most RING article jobs;
 * workers take the next unparsed job, code it into the job's own arena, and
 * mark it done; the reading thread hands the events of finished jobs to the
 * callback strictly in input order. Memory is bounded by the ring, not by the
 * input. Each worker has its own parser (link-grammar state is per thread); the
 * coder and dictionaries are shared read-only.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "code/coder.h"
#include "code/confidence.h"
#include "code/country.h"
#include "code/event.h"
#include "code/run.h"
#include "date/date.h"
#include "dyad.h"
#include "ingest/article.h"
#include "ingest/infile.h"
#include "parse/conllu.h"
#include "parse/builtin.h"
#include "parse/lg.h"
#include "quote/quote.h"
#include "text/text.h"

/* Articles in flight per worker. Output is in input order, so one slow sentence
 * (link-grammar's p99 is about 1 s) holds back everything after it; a deep
 * ring keeps the other workers busy meanwhile (4 per worker gave 1.6x with 2
 * threads on agnews, 32 gives 2.0x). Memory: one article each. */
#define RING_PER_THREAD 32

enum { SLOT_FREE, SLOT_READY, SLOT_WORKING, SLOT_DONE };

typedef struct job {
    int state;
    long seq;
    dyad_arena *a;
    const char *id, *date, *text, *file;
    long line;
    /* results */
    dyad_event *ev;
    int nev, cap;
    long sentences, full, partial, failed, discarded, events;
    long skipped; /* sentences not parsed: no actor or agent in them */
    /* what the per-article limits cut (see article.h), reported at emit time */
    size_t text_len;      /* the article's whole text (j->text may be shorter) */
    int sent_total;       /* sentences found (only DYAD_ARTICLE_MAX_SENTENCES coded) */
    int sent_long;        /* sentences cut into pieces (DYAD_SENT_MAX_TOKENS) */
    int first_long;       /* the first of them (1-based) */
    long timeouts;        /* sentences link-grammar's emergency timer stopped */
    int story_discard;
    dyad_quote *quotes; /* attributed quotes, when asked for */
    int nquotes;
    dyad_date_ctx dates; /* what the article's text established about dates */
    const char *title, *dateline; /* from ingest ("" when none), in a */
    dyad_country_ctx countries;   /* countries named so far (country.h); strings in a */
} job;

typedef struct pipe {
    dyad_coder *coder;
    const char *date_override;
    dyad_diag *diag;
    pthread_mutex_t mu;
    pthread_cond_t work, done;
    job *ring;
    int nring;
    long next_read, next_emit;
    int stop;
    int (*quote_fn)(void *user, const dyad_quote *q); /* dyad_input_opts.quotes */
    void *quote_user;
    dyad_run_stats *st;
} pipe_t;

/* The parser a worker thread uses: the built-in one (shared by all threads)
 * or its own link-grammar. */
typedef struct sparser {
    const dyad_builtin *bp;
    dyad_lg *lg;
} sparser;

/* ---- one article ---------------------------------------------------------- */

static int keep_event(job *j, const dyad_event *e)
{
    if (j->nev == j->cap) {
        int cap = j->cap ? j->cap * 2 : 16;
        dyad_event *v = dyad_arena_alloc(j->a, (size_t)cap * sizeof *v);
        if (!v)
            return DYAD_ENOMEM;
        if (j->nev)
            memcpy(v, j->ev, (size_t)j->nev * sizeof *v);
        j->ev = v;
        j->cap = cap;
    }
    j->ev[j->nev++] = *e; /* its strings live in j->a already */
    return 0;
}

static const char *compact_date(dyad_arena *a, const char *d)
{
    return d && *d ? dyad_arena_strdup(a, d) : "";
}

/* The day to code a sentence with first: the coder day of its one
 * date expression that can date an event, else the article's date. */
static const char *first_day(const job *j, const dyad_date_sent *ds)
{
    const dyad_date_expr *one = NULL;
    for (int i = 0; i < ds->nexpr; i++) {
        const dyad_date_expr *x = &ds->expr[i];
        if ((x->flags & DYAD_DATE_NOMINAL) || x->value.prec == DYAD_PREC_NONE)
            continue;
        if (one)
            return j->date;
        one = x;
    }
    if (!one)
        return j->date;
    char cd[16];
    const char *d = dyad_arena_strdup(j->a, dyad_date_coder_day(cd, sizeof cd, &one->value,
                                                                &j->dates.article));
    return d ? d : j->date;
}

/* Dates the events of one sentence from its text; an event whose
 * day differs from the one the sentence was coded with (cdate) is coded again
 * on its own day, so that date-restricted actor codes ("President X" from a
 * date on) follow the event's date: its source and target are taken from the
 * triple of the new coding with the same evidence tokens. */
static int date_events(job *j, dyad_coder *c, const dyad_tree *t, const char *sent,
                       const dyad_date_sent *ds, dyad_event *ev, const dyad_coded_list *l,
                       const char *cdate)
{
    const char **day = dyad_arena_alloc(j->a, (size_t)l->n * sizeof *day);
    char *done = dyad_arena_alloc(j->a, (size_t)l->n);
    if (!day || !done ||
        dyad_events_date(ev, l->n, ds, &j->dates.article, j->date, day, j->a))
        return DYAD_ENOMEM;
    for (int i = 0; i < l->n; i++) {
        if (done[i] || !*day[i] || !strcmp(day[i], cdate))
            continue;
        dyad_coded_list l2;
        int rc = dyad_code_tree(&l2, c, t, sent, day[i], j->a);
        if (rc == DYAD_ENOMEM)
            return rc;
        for (int k = i; k < l->n && !rc; k++) {
            if (done[k] || strcmp(day[k], day[i]))
                continue;
            done[k] = 1;
            const dyad_coded *a = &l->ev[k];
            for (int m = 0; m < l2.n; m++) {
                const dyad_coded *b = &l2.ev[m];
                if (b->verb_tok0 == a->verb_tok0 && b->verb_tok1 == a->verb_tok1 &&
                    b->src_tok0 == a->src_tok0 && b->src_tok1 == a->src_tok1 &&
                    b->tgt_tok0 == a->tgt_tok0 && b->tgt_tok1 == a->tgt_tok1 &&
                    !strcmp(b->code, a->code)) {
                    ev[k].source = b->source;
                    ev[k].target = b->target;
                    break;
                }
            }
        }
    }
    return 0;
}

/* Codes one sentence [s0, s1) of the article text. */
static int code_sentence(job *j, dyad_coder *c, sparser *sp, int k, int s0, int s1,
                         dyad_diag *d)
{
    const char *sent = dyad_arena_strndup(j->a, j->text + s0, (size_t)(s1 - s0));
    const char *sid = dyad_arena_printf(j->a, "%s_%d", j->id, k + 1);
    if (!sent || !sid)
        return DYAD_ENOMEM;
    j->sentences++;
    /* every sentence, coded or not, feeds the article's dates (the
     * last date given, named periods); with a parse it is read again below
     * with the parse's POS tags, from the same starting point. */
    dyad_date_ctx dates_before = j->dates;
    dyad_date_sent ds;
    if (dyad_date_sentence(&ds, &j->dates, sent, strlen(sent), NULL, j->a))
        return DYAD_ENOMEM;
    /* a sentence that names no actor or agent cannot give an event
     * (the coders take every code from the actor and agent dictionaries): it
     * is not parsed, only checked for discard phrases. DYAD_PARSE_ALL=1 parses
     * everything (to compare). */
    const char *all = getenv("DYAD_PARSE_ALL");
    if (c->opts.new_actor_length <= 0 && !(all && *all && *all != '0')) {
        int has = dyad_dict_text_names_actor(c->dict, sent, strlen(sent), j->a);
        if (has < 0)
            return has;
        if (!has) {
            int dis = dyad_dict_text_discard(c->dict, sent, strlen(sent), j->a);
            if (dis < 0)
                return dis;
            j->skipped++;
            j->discarded += dis > 0;
            j->story_discard |= dis == 2;
            return 0;
        }
    }
    dyad_tree *t = NULL;
    dyad_lg_result res = {.status = DYAD_LG_FULL};
    int rc;
    if (sp->bp) {
        dyad_builtin_names names = {dyad_dict_name_at, (void *)c->dict};
        rc = dyad_builtin_parse(&t, NULL, sp->bp, &names, sent, strlen(sent), j->a);
    } else {
        rc = dyad_lg_parse(&t, &res, sp->lg, sent, strlen(sent), j->a);
    }
    if (rc == DYAD_ENOMEM)
        return rc;
    if (res.timed_out) {
        /* never on real text (see DYAD_LG_EMERGENCY_SECONDS): the result may
         * now depend on the machine's load */
        j->timeouts++;
        dyad_diag_report(d, DYAD_DIAG_ERROR, j->file, j->line,
                         "article %s, sentence %d: link-grammar's emergency time limit (%d s) "
                         "stopped the parse: this output may differ between runs",
                         j->id, k + 1, DYAD_LG_EMERGENCY_SECONDS);
    }
    if (rc) {
        j->failed++;
        dyad_diag_report(d, DYAD_DIAG_WARNING, j->file, j->line,
                         "article %s, sentence %d: not parsed: %s", j->id, k + 1,
                         dyad_last_error());
        return 0;
    }
    if (res.status == DYAD_LG_FULL)
        j->full++;
    else
        j->partial++;
    j->dates = dates_before;
    /* the countries of earlier sentences for this one's actors; then its own */
    dyad_country_ctx countries_before = j->countries;
    dyad_country_note_sentence(&j->countries, c->dict, t, sent, j->date, j->a);
    if (dyad_date_sentence(&ds, &j->dates, sent, strlen(sent), t, j->a))
        return DYAD_ENOMEM;
    const char *cdate = first_day(j, &ds);
    dyad_coded_list l;
    rc = dyad_code_tree(&l, c, t, sent, cdate, j->a);
    if (rc)
        return rc == DYAD_ENOMEM ? rc : 0;
    if (l.discard) {
        j->discarded++;
        j->story_discard |= l.discard == 2;
        return 0;
    }
    if (!l.n)
        return 0;
    dyad_event *ev = dyad_arena_alloc(j->a, (size_t)l.n * sizeof *ev);
    dyad_sentence_meta m = {j->id, sid, j->date, sent};
    m.partial_parse = res.status == DYAD_LG_PARTIAL; /* for the events' confidence */
    if (!ev || dyad_events_fill(ev, &l, t, &m, j->a))
        return DYAD_ENOMEM;
    if ((rc = date_events(j, c, t, sent, &ds, ev, &l, cdate)))
        return rc;
    if (dyad_country_fill(ev, l.n, t, &countries_before, c->dict, j->date, j->a))
        return DYAD_ENOMEM;
    dyad_confidence_set(ev, l.n); /* again: the actors may have got a country */
    for (int i = 0; i < l.n; i++)
        if ((rc = keep_event(j, &ev[i])))
            return rc;
    j->events += l.n;
    return 0;
}

static int code_article(job *j, dyad_coder *c, sparser *sp, dyad_diag *d)
{
    dyad_sentence *s = NULL;
    int ns = 0;
    dyad_date_ctx_init(&j->dates, j->date);
    dyad_country_ctx_init(&j->countries, c->dict, j->title, j->dateline, j->date, j->a);
    int rc = dyad_text_sentences(&s, &ns, j->a, j->text, strlen(j->text));
    j->sent_total = ns;
    if (ns > DYAD_ARTICLE_MAX_SENTENCES)
        ns = DYAD_ARTICLE_MAX_SENTENCES;
    for (int k = 0; !rc && k < ns && !j->story_discard; k++) {
        if (s[k].flags & DYAD_SENT_CUT) { /* a piece of a sentence over the limit */
            if (!j->sent_long)
                j->first_long = k + 1;
            if (++j->sent_long > DYAD_ARTICLE_MAX_LONG_PIECES)
                continue;
        }
        rc = code_sentence(j, c, sp, k, s[k].start, s[k].end, d);
    }
    if (j->story_discard)
        j->nev = 0; /* a story discard drops the whole article */
    /* one record per event: same date, source, target and code */
    if (!rc && j->nev > 1)
        rc = dyad_events_merge(j->ev, &j->nev, j->a);
    return rc;
}

/* ---- threads ------------------------------------------------------------ */

typedef struct worker {
    pipe_t *p;
    sparser sp;
    int rc;
} worker;

static void *work(void *arg)
{
    worker *w = arg;
    pipe_t *p = w->p;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        job *j = NULL;
        while (!p->stop) {
            for (int i = 0; i < p->nring && !j; i++)
                if (p->ring[i].state == SLOT_READY)
                    j = &p->ring[i];
            if (j)
                break;
            pthread_cond_wait(&p->work, &p->mu);
        }
        if (!j)
            break;
        j->state = SLOT_WORKING;
        pthread_mutex_unlock(&p->mu);
        int rc = code_article(j, p->coder, &w->sp, p->diag);
        if (!rc && p->quote_fn && !j->story_discard)
            rc = dyad_quotes_find(&j->quotes, &j->nquotes, j->a, p->coder->dict, j->id, j->date,
                                  j->text, strlen(j->text));
        pthread_mutex_lock(&p->mu);
        if (rc && !w->rc)
            w->rc = rc;
        j->state = SLOT_DONE;
        pthread_cond_broadcast(&p->done);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

/* One warning per limit that cut something in the article, and one line that
 * sums up what was cut or not parsed; in input order (emit time). */
static void report_cuts(pipe_t *p, const job *j)
{
    int cut = 0;
    if (j->text_len > strlen(j->text)) {
        cut = 1;
        dyad_diag_report(p->diag, DYAD_DIAG_WARNING, j->file, j->line,
                         "article %s: %zu bytes of text: only the first %zu coded (limit %u bytes)",
                         j->id, j->text_len, strlen(j->text), DYAD_ARTICLE_CODE_BYTES);
    }
    if (j->sent_total > DYAD_ARTICLE_MAX_SENTENCES) {
        cut = 1;
        dyad_diag_report(p->diag, DYAD_DIAG_WARNING, j->file, j->line,
                         "article %s: %d sentences: only the first %d coded (limit)", j->id,
                         j->sent_total, DYAD_ARTICLE_MAX_SENTENCES);
    }
    if (j->sent_long) {
        cut = 1;
        dyad_diag_report(p->diag, DYAD_DIAG_WARNING, j->file, j->line,
                         "article %s: %d sentence pieces (from sentence %d on) cut from sentences "
                         "over %d words (limit); %d of them coded (limit %d)",
                         j->id, j->sent_long, j->first_long, DYAD_SENT_MAX_TOKENS,
                         j->sent_long < DYAD_ARTICLE_MAX_LONG_PIECES ? j->sent_long
                                                                     : DYAD_ARTICLE_MAX_LONG_PIECES,
                         DYAD_ARTICLE_MAX_LONG_PIECES);
    }
    if (cut || j->failed || j->timeouts)
        dyad_diag_report(p->diag, DYAD_DIAG_WARNING, j->file, j->line,
                         "article %s: %s; %ld of %ld sentences not parsed%s", j->id,
                         cut ? "cut by the limits above" : "not cut", j->failed, j->sentences,
                         j->timeouts ? " (emergency time limit hit)" : "");
    if (p->st) {
        p->st->articles_cut += cut;
        p->st->parse_timeouts += j->timeouts;
    }
}

static void add_stats(dyad_run_stats *st, const job *j)
{
    st->records++;
    st->sentences_coded += j->sentences;
    st->events += j->nev;
    st->discarded += j->discarded;
    st->parsed_full += j->full;
    st->parsed_partial += j->partial;
    st->parse_failed += j->failed;
    st->skipped_no_actor += j->skipped;
}

enum { EMIT_READY, EMIT_ONE, EMIT_ALL };

/* Hands the finished jobs at the head of the ring to the callback, in order.
 * EMIT_READY: only those already done; EMIT_ONE: waits until at least the
 * oldest is done; EMIT_ALL: waits for every job in the ring. Called with the
 * mutex held. */
static int emit_ready(pipe_t *p, dyad_run_stats *st, dyad_event_fn fn, void *user, int mode)
{
    int wait = mode != EMIT_READY;
    while (p->next_emit < p->next_read) {
        job *j = &p->ring[p->next_emit % p->nring];
        if (j->state != SLOT_DONE) {
            if (!wait)
                return 0;
            pthread_cond_wait(&p->done, &p->mu);
            continue;
        }
        pthread_mutex_unlock(&p->mu);
        int rc = 0;
        for (int i = 0; i < j->nev && !rc; i++)
            rc = fn(user, &j->ev[i]);
        for (int i = 0; i < j->nquotes && !rc; i++)
            rc = p->quote_fn(p->quote_user, &j->quotes[i]);
        pthread_mutex_lock(&p->mu);
        p->st = st;
        report_cuts(p, j);
        add_stats(st, j);
        dyad_arena_reset(j->a);
        j->state = SLOT_FREE;
        p->next_emit++;
        wait = mode == EMIT_ALL;
        if (rc)
            return rc;
    }
    return 0;
}

/* How much of text[0..n) is coded: all of it up to DYAD_ARTICLE_CODE_BYTES,
 * else up to the last line break in the last 4 KB before the limit, else the
 * last space, else the limit (on a UTF-8 character boundary). */
static size_t code_bytes(const char *text, size_t n)
{
    if (n <= DYAD_ARTICLE_CODE_BYTES)
        return n;
    size_t lim = DYAD_ARTICLE_CODE_BYTES, lo = lim - 4096;
    for (size_t i = lim; i > lo; i--)
        if (text[i - 1] == '\n')
            return i;
    for (size_t i = lim; i > lo; i--)
        if (text[i - 1] == ' ')
            return i;
    while (lim > lo && ((unsigned char)text[lim] & 0xC0) == 0x80)
        lim--;
    return lim;
}

/* Copies an article into a free slot and marks it ready. Mutex held. */
static int enqueue(pipe_t *p, const dyad_article *art, dyad_run_stats *st, dyad_event_fn fn,
                   void *user)
{
    int rc;
    while (p->next_read - p->next_emit >= p->nring)
        if ((rc = emit_ready(p, st, fn, user, EMIT_ONE)))
            return rc;
    job *j = &p->ring[p->next_read % p->nring];
    dyad_arena *a = j->a;
    memset(j, 0, sizeof *j);
    j->a = a;
    j->seq = p->next_read;
    j->id = dyad_arena_strdup(a, art->id);
    j->date = compact_date(a, p->date_override ? p->date_override : art->date);
    j->text_len = art->text_len;
    j->text = dyad_arena_strndup(a, art->text, code_bytes(art->text, art->text_len));
    j->file = dyad_arena_strdup(a, art->file ? art->file : "");
    j->line = art->line;
    j->title = dyad_arena_strdup(a, art->title ? art->title : "");
    j->dateline = dyad_arena_strdup(a, art->dateline ? art->dateline : "");
    if (!j->id || !j->date || !j->text || !j->file || !j->title || !j->dateline)
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    j->state = SLOT_READY;
    p->next_read++;
    pthread_cond_signal(&p->work);
    return 0;
}

static int ncores(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)n : 1;
}

static void progress(const dyad_run_stats *st, long articles, int force)
{
    static time_t last;
    time_t now = time(NULL);
    if (!force && now == last)
        return;
    last = now;
    fprintf(stderr, "\rdyad: %ld articles, %ld sentences, %ld events", articles,
            st->sentences_coded, st->events);
    if (force)
        fputc('\n', stderr);
}

static int run_articles(dyad_run_stats *st, dyad_coder *c, dyad_article_reader *r,
                        const dyad_input_opts *o, dyad_event_fn fn, void *user, dyad_diag *d)
{
    int nt = o && o->threads > 0 ? o->threads : ncores();
    if (nt > 64)
        nt = 64;
    pipe_t p = {.coder = c, .date_override = o ? o->date : NULL, .diag = d,
                .quote_fn = o ? o->quotes : NULL, .quote_user = o ? o->quotes_user : NULL};
    worker w[64];
    pthread_t th[64];
    int started = 0, rc = 0, read_rc = 0;
    p.nring = nt * RING_PER_THREAD;
    p.ring = calloc((size_t)p.nring, sizeof *p.ring);
    if (!p.ring)
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    pthread_mutex_init(&p.mu, NULL);
    pthread_cond_init(&p.work, NULL);
    pthread_cond_init(&p.done, NULL);
    for (int i = 0; i < p.nring && !rc; i++)
        if (!(p.ring[i].a = dyad_arena_new()))
            rc = dyad_set_error(DYAD_ENOMEM, "out of memory");
    dyad_builtin *bp = NULL;
    /* link-grammar stays the default until the built-in parser codes as well
     * (README.md, Parsers) */
    int use_lg = !(o && o->parser && !strcmp(o->parser, "builtin"));
    if (!rc && !use_lg)
        rc = dyad_builtin_load(&bp, o ? o->model_dir : NULL);
    for (int i = 0; i < nt && !rc; i++) {
        w[i] = (worker){.p = &p, .sp = {.bp = bp}};
        if (use_lg && (rc = dyad_lg_new(&w[i].sp.lg, NULL)))
            break;
        if (pthread_create(&th[i], NULL, work, &w[i])) {
            dyad_lg_free(w[i].sp.lg);
            rc = dyad_set_error(DYAD_ENOMEM, "cannot start a thread");
            break;
        }
        started++;
    }
    int tty = o && o->progress && isatty(2);
    const dyad_article *art;
    pthread_mutex_lock(&p.mu);
    while (!rc) {
        pthread_mutex_unlock(&p.mu);
        int got = dyad_article_reader_next(r, &art);
        pthread_mutex_lock(&p.mu);
        if (got <= 0) {
            read_rc = got;
            break;
        }
        if (o && o->nshards > 1 && dyad_shard_of(art->id, o->nshards) != o->shard)
            continue; /* another worker's article */
        rc = enqueue(&p, art, st, fn, user);
        if (!rc)
            rc = emit_ready(&p, st, fn, user, EMIT_READY);
        if (tty)
            progress(st, p.next_emit, 0);
    }
    /* a read error (a damaged .gz) still lets the articles read before it
     * out, then ends the run with the error */
    if (!rc)
        rc = emit_ready(&p, st, fn, user, EMIT_ALL);
    if (!rc)
        rc = read_rc;
    p.stop = 1;
    pthread_cond_broadcast(&p.work);
    pthread_mutex_unlock(&p.mu);
    for (int i = 0; i < started; i++) {
        pthread_join(th[i], NULL);
        if (!rc && w[i].rc)
            rc = w[i].rc;
        dyad_lg_free(w[i].sp.lg);
    }
    dyad_builtin_free(bp);
    if (tty)
        progress(st, p.next_emit, 1);
    for (int i = 0; i < p.nring; i++)
        dyad_arena_free(p.ring[i].a);
    free(p.ring);
    pthread_mutex_destroy(&p.mu);
    pthread_cond_destroy(&p.work);
    pthread_cond_destroy(&p.done);
    return rc;
}

/* ---- CoNLL-U files ------------------------------------------------------ */

/* The article id of a CoNLL-U file: its base name without the extension
 * (and without ".gz": "a.conllu.gz" is "a"). */
static const char *base_id(dyad_arena *a, const char *path)
{
    size_t n = dyad_infile_name_len(path);
    const char *b = path + n;
    while (b > path && b[-1] != '/')
        b--;
    const char *dot = NULL;
    for (const char *q = b; q < path + n; q++)
        if (*q == '.')
            dot = q;
    return dyad_arena_strndup(a, b, dot && dot != b ? (size_t)(dot - b) : (size_t)(path + n - b));
}

static int run_conllu(dyad_run_stats *st, dyad_coder *c, const char *path,
                      const dyad_input_opts *o, dyad_event_fn fn, void *user, dyad_diag *d)
{
    const char *date = o ? o->date : NULL;
    dyad_arena *a = dyad_arena_new();
    const char *article = a ? base_id(a, path) : NULL;
    if (!a || !article) {
        dyad_arena_free(a);
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    }
    /* the file is one article: another worker's shard is not even read */
    if (o && o->nshards > 1 && dyad_shard_of(article, o->nshards) != o->shard) {
        dyad_arena_free(a);
        return 0;
    }
    char *buf = NULL;
    size_t n = 0;
    int rc = dyad_infile_read_all(path, &buf, &n);
    if (rc) {
        dyad_arena_free(a);
        return rc;
    }
    char id[256];
    snprintf(id, sizeof id, "%s", article);
    size_t pos = 0, start = 0, len = 0;
    long line = 1, first = 1;
    int k = 0;
    while (!rc && dyad_conllu_next_block(buf, n, &pos, &line, &start, &len, &first)) {
        dyad_arena_reset(a);
        k++;
        dyad_conllu_sent *s = NULL;
        dyad_tree *t = NULL;
        st->records++;
        if (dyad_conllu_read(&s, a, buf + start, len, d, path, first) ||
            dyad_conllu_to_tree(&t, a, s)) {
            st->input_errors++;
            continue;
        }
        const char *sid = s->sent_id ? s->sent_id : dyad_arena_printf(a, "%s_%d", id, k);
        const char *text = dyad_conllu_text(s, a);
        if (!text) {
            rc = dyad_set_error(DYAD_ENOMEM, "out of memory");
            break;
        }
        dyad_tree_align(t, a, text);
        dyad_coded_list l;
        if ((rc = dyad_code_tree(&l, c, t, text, date ? date : "", a)))
            break;
        st->sentences_coded++;
        if (l.discard) {
            st->discarded++;
            continue;
        }
        dyad_event *ev = l.n ? dyad_arena_alloc(a, (size_t)l.n * sizeof *ev) : NULL;
        dyad_sentence_meta m = {id, sid, date ? date : "", text};
        if (l.n && (!ev || dyad_events_fill(ev, &l, t, &m, a))) {
            rc = DYAD_ENOMEM;
            break;
        }
        for (int i = 0; i < l.n && !rc; i++)
            rc = fn(user, &ev[i]);
        st->events += l.n;
    }
    dyad_arena_free(a);
    free(buf);
    return rc;
}

/* ---- entry point ---------------------------------------------------------- */

/* PETRARCH XML is coded whole (its parses are given, so coding is cheap) and
 * the events of other shards' articles are left out here. */
typedef struct shard_filter {
    dyad_event_fn fn;
    void *user;
    int shard, nshards;
} shard_filter;

static int shard_event(void *user, const dyad_event *e)
{
    shard_filter *sf = user;
    const char *id = e->article && *e->article ? e->article : e->sentence;
    return dyad_shard_of(id, sf->nshards) == sf->shard ? sf->fn(sf->user, e) : 0;
}

int dyad_code_input(dyad_run_stats *st, dyad_coder *c, const char *path,
                    const dyad_input_opts *o, dyad_event_fn fn, void *user, dyad_diag *d)
{
    dyad_input_format fmt = DYAD_INPUT_AUTO;
    if (o && o->format && dyad_input_format_parse(&fmt, o->format))
        return dyad_set_error(DYAD_EINVAL, "unknown input format '%s'", o->format);
    const char *date = o ? o->date : NULL;
    if (fmt == DYAD_INPUT_AUTO && strcmp(path, "-")) {
        char head[4096];
        size_t n = 0;
        FILE *f = dyad_infile_open(path);
        if (!f)
            return DYAD_EIO;
        n = fread(head, 1, sizeof head, f); /* a read error shows again when read */
        dyad_infile_close(f);
        fmt = dyad_input_detect(path, head, n);
    } else if (fmt == DYAD_INPUT_AUTO) {
        fmt = DYAD_INPUT_TEXT;
    }
    if (fmt == DYAD_INPUT_PETRXML && o && o->nshards > 1) {
        shard_filter sf = {fn, user, o->shard, o->nshards};
        return dyad_code_petrxml(st, c, path, date, shard_event, &sf, d);
    }
    if (fmt == DYAD_INPUT_PETRXML)
        return dyad_code_petrxml(st, c, path, date, fn, user, d);
    if (fmt == DYAD_INPUT_CONLLU)
        return run_conllu(st, c, path, o, fn, user, d);
    dyad_article_reader *r = NULL;
    int rc = dyad_article_reader_open(&r, path, fmt, d);
    if (!rc)
        rc = run_articles(st, c, r, o, fn, user, d);
    if (r) {
        dyad_article_stats as;
        dyad_article_reader_stats(r, &as);
        st->input_errors += as.skipped;
    }
    dyad_article_reader_free(r);
    return rc;
}
