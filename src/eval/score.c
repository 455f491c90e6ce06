/* score.c: `dyad eval` — match dyad's events with the gold events of each
 * document (dyad_score_doc) and run the whole evaluation (dyad_eval_gold):
 * read the gold files, fetch the AG News texts, code every document with the
 * same entry point as `dyad code` (dyad_code_input on JSON Lines), score,
 * report. See gold.h and tests/gold/README.md. */
#include "eval/gold.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "dict/cameo.h"

/* ---- matching ------------------------------------------------------------- */

int dyad_score_init(dyad_score *s)
{
    memset(s, 0, sizeof *s);
    for (size_t i = 0; i < dyad_cameo_count(); i++) {
        const char *p = dyad_cameo_at(i)->plover;
        if (!p || !*p)
            continue;
        int k = 0;
        while (k < s->ncat && strcmp(s->cat[k], p))
            k++;
        if (k < s->ncat)
            continue;
        if (s->ncat == DYAD_SCORE_MAX_CATS)
            return dyad_set_error(DYAD_ELIMIT, "more than %d PLOVER categories",
                                  DYAD_SCORE_MAX_CATS);
        s->cat[s->ncat++] = p;
    }
    return 0;
}

void dyad_score_prf(const dyad_eval_counts *c, double *p, double *r, double *f1)
{
    *p = c->sys ? (double)c->matched / (double)c->sys : 0.0;
    *r = c->gold ? (double)c->matched / (double)c->gold : 0.0;
    *f1 = *p + *r > 0 ? 2 * *p * *r / (*p + *r) : 0.0;
}

/* "-" and NULL are "" (no actor). */
static const char *actor(const char *a)
{
    return !a || !strcmp(a, "-") ? "" : a;
}

static int same_country(const char *a, const char *b)
{
    return !strncmp(a, b, 3);
}

static int tier(const dyad_gold_event *g, const dyad_eval_ev *e)
{
    const char *gs = actor(g->source), *gt = actor(g->target);
    const char *es = actor(e->source), *et = actor(e->target);
    if (!strcmp(gs, es) && !strcmp(gt, et))
        return 3;
    int cs = same_country(gs, es), ct = same_country(gt, et);
    return cs && ct ? 2 : cs || ct ? 1 : 0;
}

static int scored(const dyad_gold_event *g, int keep_hyp)
{
    return g->modality != DYAD_GOLD_NEGATED &&
           (keep_hyp || g->modality != DYAD_GOLD_HYPOTHETICAL);
}

/* The PLOVER category of a code ("" for none or an unknown code). */
static const char *plover_of(const char *code)
{
    const dyad_cameo_info *c = dyad_cameo_lookup(code);
    return c && c->plover ? c->plover : "";
}

typedef struct pair {
    int g, s, tier;
} pair;

static int pair_cmp(const void *x, const void *y)
{
    const pair *a = x, *b = y;
    if (a->tier != b->tier)
        return b->tier - a->tier;
    if (a->g != b->g)
        return a->g - b->g;
    return a->s - b->s;
}

/* One level's one-to-one matching: gkey[i] / ekey[j] NULL = not at this
 * level; a pair needs equal keys (the first klen characters, 0 = whole).
 * gm[i] / em[j] receive the partner or -1. Returns the matched count, or
 * DYAD_ENOMEM. */
static long match_level(const dyad_gold_event *g, int ng, const dyad_eval_ev *e, int ne,
                        const char *const *gkey, const char *const *ekey, size_t klen, int *gm,
                        int *em)
{
    for (int i = 0; i < ng; i++)
        gm[i] = -1;
    for (int j = 0; j < ne; j++)
        em[j] = -1;
    size_t np = 0;
    for (int i = 0; i < ng; i++)
        for (int j = 0; j < ne; j++)
            np += gkey[i] && ekey[j];
    if (!np)
        return 0;
    pair *p = malloc(np * sizeof *p);
    if (!p)
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    np = 0;
    for (int i = 0; i < ng; i++) {
        if (!gkey[i])
            continue;
        for (int j = 0; j < ne; j++) {
            if (!ekey[j])
                continue;
            if (klen ? strncmp(gkey[i], ekey[j], klen) : strcmp(gkey[i], ekey[j]))
                continue;
            p[np++] = (pair){i, j, tier(&g[i], &e[j])};
        }
    }
    qsort(p, np, sizeof *p, pair_cmp);
    long matched = 0;
    for (size_t k = 0; k < np; k++) {
        if (gm[p[k].g] >= 0 || em[p[k].s] >= 0)
            continue;
        gm[p[k].g] = p[k].s;
        em[p[k].s] = p[k].g;
        matched++;
    }
    free(p);
    return matched;
}

/* Is event i the same (source, target, code) as an earlier one of its side?
 * dyad writes identical events of an article as one record (with mentions),
 * so identical events of a document count once on both sides. */
static int same_event(const char *s1, const char *t1, const char *c1, const char *s2,
                      const char *t2, const char *c2)
{
    return !strcmp(actor(s1), actor(s2)) && !strcmp(actor(t1), actor(t2)) &&
           !strcmp(c1 ? c1 : "", c2 ? c2 : "");
}

static int gold_repeat(const dyad_gold_event *g, int i)
{
    for (int k = 0; k < i; k++)
        if (same_event(g[k].source, g[k].target, g[k].code, g[i].source, g[i].target, g[i].code))
            return 1;
    return 0;
}

static int sys_repeat(const dyad_eval_ev *e, int j)
{
    for (int k = 0; k < j; k++)
        if (same_event(e[k].source, e[k].target, e[k].code, e[j].source, e[j].target, e[j].code))
            return 1;
    return 0;
}

static int cat_index(dyad_score *s, const char *cat)
{
    for (int k = 0; k < s->ncat; k++)
        if (!strcmp(s->cat[k], cat))
            return k;
    return -1;
}

int dyad_score_doc(dyad_score *s, const dyad_gold_event *g, int ng, const dyad_eval_ev *e, int ne,
                   int keep_hyp, int *gmatch, int *smatch, int *differs)
{
    if (ng < 0)
        ng = 0;
    if (ne < 0)
        ne = 0;
    size_t n1 = (size_t)ng + 1, n2 = (size_t)ne + 1;
    const char **gk = malloc(n1 * sizeof *gk), **ek = malloc(n2 * sizeof *ek);
    int *gm = malloc(n1 * sizeof *gm), *em = malloc(n2 * sizeof *em);
    int rc = 0;
    if (!gk || !ek || !gm || !em) {
        rc = dyad_set_error(DYAD_ENOMEM, "out of memory");
        goto out;
    }
    s->docs++;
    /* PLOVER level */
    for (int i = 0; i < ng; i++) {
        const char *c = plover_of(g[i].code);
        gk[i] = scored(&g[i], keep_hyp) && *c && !gold_repeat(g, i) ? c : NULL;
    }
    for (int j = 0; j < ne; j++) {
        const char *c = plover_of(e[j].code);
        ek[j] = *c && !sys_repeat(e, j) ? c : NULL;
    }
    long m = match_level(g, ng, e, ne, gk, ek, 0, gm, em);
    if (m < 0) {
        rc = (int)m;
        goto out;
    }
    s->plover.matched += m;
    for (int i = 0; i < ng; i++) {
        int k = gk[i] ? cat_index(s, gk[i]) : -1;
        s->plover.gold += gk[i] != NULL;
        if (k >= 0) {
            s->per_cat[k].gold++;
            s->per_cat[k].matched += gm[i] >= 0;
        }
    }
    for (int j = 0; j < ne; j++) {
        int k = ek[j] ? cat_index(s, ek[j]) : -1;
        s->plover.sys += ek[j] != NULL;
        if (k >= 0)
            s->per_cat[k].sys++;
    }
    /* root level */
    for (int i = 0; i < ng; i++)
        gk[i] = scored(&g[i], keep_hyp) && !gold_repeat(g, i) ? g[i].code : NULL;
    for (int j = 0; j < ne; j++)
        ek[j] = e[j].code && strlen(e[j].code) >= 2 && !sys_repeat(e, j) ? e[j].code : NULL;
    m = match_level(g, ng, e, ne, gk, ek, 2, gm, em);
    if (m < 0) {
        rc = (int)m;
        goto out;
    }
    s->root.matched += m;
    for (int j = 0; j < ne; j++)
        s->root.sys += ek[j] != NULL;
    int diff = 0;
    for (int i = 0; i < ng; i++) {
        if (!gk[i])
            continue;
        s->root.gold++;
        if (gm[i] < 0) {
            diff = 1;
            continue;
        }
        const dyad_eval_ev *x = &e[gm[i]];
        const char *gs = actor(g[i].source), *gt = actor(g[i].target);
        const char *es = actor(x->source), *et = actor(x->target);
        s->pairs++;
        s->src_whole += !strcmp(gs, es);
        s->src_country += same_country(gs, es);
        s->tgt_whole += !strcmp(gt, et);
        s->tgt_country += same_country(gt, et);
        diff |= strcmp(gs, es) || strcmp(gt, et);
    }
    for (int j = 0; j < ne; j++)
        diff |= ek[j] && em[j] < 0;
    if (gmatch)
        memcpy(gmatch, gm, (size_t)ng * sizeof *gm);
    if (smatch)
        memcpy(smatch, em, (size_t)ne * sizeof *em);
    if (differs)
        *differs = diff;
out:
    free(gk);
    free(ek);
    free(gm);
    free(em);
    return rc;
}

/* ---- the evaluation --------------------------------------------------------- */

/* dyad's events of one document (strings in the run's arena). */
typedef struct doc_events {
    dyad_eval_ev *ev;
    int n, cap;
} doc_events;

typedef struct run {
    dyad_gold_set *set;
    dyad_arena *a;
    doc_events *sys;  /* per document */
    int *line_doc;    /* JSON Lines line (1-based) -> document */
    int nlines;
    const char *tmp;  /* the JSON Lines file, for messages */
    dyad_diag *d;
    double min_confidence; /* dyad's events below it are left out */
    int rc;
} run;

static int take_event(void *user, const dyad_event *e)
{
    run *r = user;
    char *end;
    long i = strtol(e->article, &end, 10);
    if (*end || i < 0 || i >= r->set->ndocs)
        return 0; /* not one of ours: cannot happen */
    doc_events *de = &r->sys[i];
    if (e->confidence < r->min_confidence)
        return 0;
    if (de->n == de->cap) {
        int cap = de->cap ? de->cap * 2 : 8;
        dyad_eval_ev *v = dyad_arena_alloc(r->a, (size_t)cap * sizeof *v);
        if (!v)
            return r->rc = dyad_set_error(DYAD_ENOMEM, "out of memory"), 1;
        if (de->n)
            memcpy(v, de->ev, (size_t)de->n * sizeof *v);
        de->ev = v;
        de->cap = cap;
    }
    dyad_eval_ev *x = &de->ev[de->n];
    x->source = dyad_arena_strdup(r->a, e->source ? e->source : "");
    x->target = dyad_arena_strdup(r->a, e->target ? e->target : "");
    x->code = dyad_arena_strdup(r->a, e->cameo ? e->cameo : "");
    x->words = dyad_arena_strdup(r->a, e->verb_text ? e->verb_text : "");
    x->confidence = e->confidence;
    dyad_confidence_features(e, x->feat);
    if (!x->source || !x->target || !x->code || !x->words)
        return r->rc = dyad_set_error(DYAD_ENOMEM, "out of memory"), 1;
    de->n++;
    return 0;
}

/* Coding messages name the temporary JSON Lines file: they are passed on
 * naming the gold document instead. */
static void relay(void *user, dyad_diag_level lvl, const char *file, long line, const char *msg)
{
    run *r = user;
    if (file && !strcmp(file, r->tmp) && line >= 1 && line <= r->nlines) {
        const dyad_gold_doc *doc = &r->set->doc[r->line_doc[line - 1]];
        dyad_diag_report(r->d, lvl, doc->file, doc->line, "document %s: %s", doc->id, msg);
    } else {
        dyad_diag_report(r->d, lvl, file, line, "%s", msg);
    }
}

/* Writes the documents to code as JSON Lines (id = document index). */
static int write_jsonl(FILE *f, run *r, const char *skip)
{
    for (int i = 0; i < r->set->ndocs; i++) {
        const dyad_gold_doc *doc = &r->set->doc[i];
        if (doc->bad || skip[i] || !doc->text)
            continue;
        const char *date = *doc->date                    ? doc->date
                           : doc->kind == DYAD_GOLD_AGNEWS ? DYAD_GOLD_AGNEWS_DATE
                                                           : NULL;
        char id[24];
        snprintf(id, sizeof id, "%d", i);
        json_t *o = json_object();
        int bad = !o || json_object_set_new(o, "id", json_string(id)) ||
                  json_object_set_new(o, "text", json_string(doc->text)) ||
                  (date && json_object_set_new(o, "date", json_string(date)));
        char *s = bad ? NULL : json_dumps(o, JSON_COMPACT);
        json_decref(o);
        if (!s)
            return dyad_set_error(DYAD_ENOMEM, "document %s: cannot write it as JSON", doc->id);
        int w = fputs(s, f) < 0 || fputc('\n', f) == EOF;
        free(s);
        if (w)
            return dyad_set_error(DYAD_EIO, "cannot write the temporary file");
        r->line_doc[r->nlines++] = i;
    }
    return 0;
}

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Prints at most max bytes of s on one line (whole UTF-8 characters; line
 * breaks as " / "). */
static void print_cut(FILE *f, const char *s, size_t max)
{
    size_t n = strlen(s);
    size_t cut = n > max ? max : n;
    while (cut < n && cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
        cut--;
    for (size_t i = 0; i < cut; i++) {
        if (s[i] == '\n') {
            fputs(" / ", f);
            while (i + 1 < cut && s[i + 1] == '\n')
                i++;
        } else {
            fputc(s[i], f);
        }
    }
    if (cut < n)
        fputs("...", f);
    fputc('\n', f);
}

static const char *show(const char *a)
{
    return *actor(a) ? a : "-";
}

static void print_doc(FILE *f, const dyad_gold_doc *doc, const dyad_eval_ev *e, int ne,
                      const int *gm, const int *sm, int keep_hyp)
{
    fprintf(f, "--- %s (%s:%ld)\n  text: ", doc->id, doc->file, doc->line);
    print_cut(f, doc->text, 200);
    for (int i = 0; i < doc->nev; i++) {
        const dyad_gold_event *g = &doc->ev[i];
        const char *mark = !scored(g, keep_hyp) ? " " : gm[i] < 0 ? "-" : "=";
        if (gm[i] >= 0 && (strcmp(actor(g->source), actor(e[gm[i]].source)) ||
                           strcmp(actor(g->target), actor(e[gm[i]].target))))
            mark = "~";
        fprintf(f, "  gold %s %s %s %s %s%s%s\n", mark, show(g->source), show(g->target), g->code,
                dyad_gold_modality_name(g->modality), *g->note ? "  # " : "", g->note);
    }
    for (int j = 0; j < ne; j++) {
        const char *mark = sm[j] < 0 ? "+" : "=";
        if (sm[j] >= 0 && (strcmp(actor(e[j].source), actor(doc->ev[sm[j]].source)) ||
                           strcmp(actor(e[j].target), actor(doc->ev[sm[j]].target))))
            mark = "~";
        fprintf(f, "  dyad %s %s %s %s%s%s\n", mark, show(e[j].source), show(e[j].target),
                e[j].code, e[j].words && *e[j].words ? "  # " : "", e[j].words ? e[j].words : "");
    }
}

static double ratio(long a, long b)
{
    return b ? (double)a / (double)b : 0.0;
}

/* ---- calibration ----------------------------------------------------------- */

#define NBANDS 5 /* [0, .2) [.2, .4) [.4, .6) [.6, .8) [.8, 1] */

/* dyad's scored events per confidence band: how many, how many match a gold
 * event (root level, as scored), how many of those with both actors right,
 * and the sum of their confidences. */
typedef struct calib {
    long n[NBANDS], right[NBANDS], actors[NBANDS];
    double sum[NBANDS];
} calib;

static int band_of(double c)
{
    int b = (int)(c * NBANDS);
    return b < 0 ? 0 : b >= NBANDS ? NBANDS - 1 : b;
}

/* Adds the scored events of one document (sm: their gold partners) to k and
 * writes their features to feat when it is set. */
static void calib_doc(calib *k, FILE *feat, const dyad_gold_doc *doc, const dyad_eval_ev *e,
                      int ne, const int *sm)
{
    for (int j = 0; j < ne; j++) {
        if (!e[j].code || strlen(e[j].code) < 2 || sys_repeat(e, j))
            continue; /* not scored (dyad_score_doc) */
        int b = band_of(e[j].confidence), right = sm[j] >= 0;
        k->n[b]++;
        k->right[b] += right;
        k->actors[b] += right && !strcmp(actor(e[j].source), actor(doc->ev[sm[j]].source)) &&
                        !strcmp(actor(e[j].target), actor(doc->ev[sm[j]].target));
        k->sum[b] += e[j].confidence;
        if (feat) {
            fprintf(feat, "%d", right);
            for (int i = 0; i < DYAD_CONF_NFEAT; i++)
                fprintf(feat, "\t%.6g", e[j].feat[i]);
            fputc('\n', feat);
        }
    }
}

static void print_calib(FILE *f, const calib *k)
{
    fprintf(f, "%-12s %6s %8s %6s %11s %9s\n", "confidence", "dyad", "matched", "share",
            "actors too", "mean conf");
    long n = 0, right = 0, actors = 0;
    for (int b = 0; b < NBANDS; b++) {
        fprintf(f, "[%.1f, %.1f%c   %6ld %8ld %6.2f %11.2f %9.2f\n", b / (double)NBANDS,
                (b + 1) / (double)NBANDS, b == NBANDS - 1 ? ']' : ')', k->n[b], k->right[b],
                k->n[b] ? (double)k->right[b] / (double)k->n[b] : 0.0,
                k->n[b] ? (double)k->actors[b] / (double)k->n[b] : 0.0,
                k->n[b] ? k->sum[b] / (double)k->n[b] : 0.0);
        n += k->n[b];
        right += k->right[b];
        actors += k->actors[b];
    }
    fprintf(f, "%-12s %6ld %8ld %6.2f %11.2f\n", "all", n, right, n ? (double)right / (double)n : 0.0,
            n ? (double)actors / (double)n : 0.0);
}

static void print_table(FILE *f, const dyad_score *s)
{
    fprintf(f, "%-12s %6s %6s %8s %6s %6s %6s\n", "category", "gold", "dyad", "matched", "P", "R",
            "F1");
    for (int k = 0; k < s->ncat; k++) {
        const dyad_eval_counts *c = &s->per_cat[k];
        double p, r, f1;
        dyad_score_prf(c, &p, &r, &f1);
        fprintf(f, "%-12s %6ld %6ld %8ld %6.2f %6.2f %6.2f\n", s->cat[k], c->gold, c->sys,
                c->matched, p, r, f1);
    }
    const dyad_eval_counts *lv[2] = {&s->plover, &s->root};
    const char *name[2] = {"all PLOVER", "all root"};
    for (int k = 0; k < 2; k++) {
        double p, r, f1;
        dyad_score_prf(lv[k], &p, &r, &f1);
        fprintf(f, "%-12s %6ld %6ld %8ld %6.2f %6.2f %6.2f\n", name[k], lv[k]->gold, lv[k]->sys,
                lv[k]->matched, p, r, f1);
    }
    fprintf(f,
            "actors over %ld matched pairs (root level): source %.2f (country %.2f), "
            "target %.2f (country %.2f)\n",
            s->pairs, ratio(s->src_whole, s->pairs), ratio(s->src_country, s->pairs),
            ratio(s->tgt_whole, s->pairs), ratio(s->tgt_country, s->pairs));
}

int dyad_eval_gold(dyad_eval_result *res, dyad_coder *c, const char *const *paths, int npaths,
                   const dyad_eval_opts *o, dyad_diag *d)
{
    memset(res, 0, sizeof *res);
    dyad_eval_opts defaults = {0};
    if (!o)
        o = &defaults;
    FILE *rep = o->report;
    dyad_gold_set set;
    run r = {.set = &set, .d = d};
    char *skip = NULL;
    char tmp[4096] = "";
    int rc = dyad_gold_set_init(&set);
    for (int i = 0; !rc && i < npaths; i++)
        rc = dyad_gold_read(&set, paths[i], d);
    if (rc)
        goto out;
    int nag = 0, sag = 0, sel = 0; /* AG News documents; scored AG News, el */
    for (int i = 0; i < set.ndocs; i++)
        nag += !set.doc[i].bad && set.doc[i].kind == DYAD_GOLD_AGNEWS;
    skip = calloc((size_t)set.ndocs + 1, sizeof *skip);
    r.sys = calloc((size_t)set.ndocs + 1, sizeof *r.sys);
    r.line_doc = calloc((size_t)set.ndocs + 1, sizeof *r.line_doc);
    r.a = dyad_arena_new();
    if (!skip || !r.sys || !r.line_doc || !r.a) {
        rc = dyad_set_error(DYAD_ENOMEM, "out of memory");
        goto out;
    }
    if (nag) {
        const char *shared = o->shared ? o->shared : "../shared";
        char csv[4096];
        snprintf(csv, sizeof csv, "%s/corpora/agnews/test.csv", shared);
        if (access(csv, F_OK) != 0) {
            for (int i = 0; i < set.ndocs; i++)
                if (set.doc[i].kind == DYAD_GOLD_AGNEWS && !set.doc[i].bad)
                    skip[i] = 1;
            res->skipped = nag;
            if (rep)
                fprintf(rep, "eval: skipped %d AG News documents: %s not found\n", nag, csv);
        } else if ((rc = dyad_gold_agnews_texts(&set, csv, d))) {
            goto out;
        }
    }
    /* code every document */
    const char *tdir = getenv("TMPDIR");
    snprintf(tmp, sizeof tmp, "%s/dyad-eval-XXXXXX.jsonl", tdir && *tdir ? tdir : "/tmp");
    int fd = mkstemps(tmp, 6);
    if (fd < 0) {
        tmp[0] = '\0';
        rc = dyad_set_error(DYAD_EIO, "cannot create a temporary file in %s",
                            tdir && *tdir ? tdir : "/tmp");
        goto out;
    }
    FILE *f = fdopen(fd, "w");
    if (!f) {
        close(fd);
        rc = dyad_set_error(DYAD_EIO, "cannot write the temporary file %s", tmp);
        goto out;
    }
    rc = write_jsonl(f, &r, skip);
    if (fclose(f) && !rc)
        rc = dyad_set_error(DYAD_EIO, "cannot write the temporary file %s", tmp);
    if (rc)
        goto out;
    r.tmp = tmp;
    r.min_confidence = o->min_confidence;
    dyad_diag relay_d = {.fn = relay, .user = &r};
    dyad_input_opts io = {.format = "jsonl", .threads = o->threads, .progress = o->progress,
                          .parser = o->parser, .model_dir = o->model_dir};
    dyad_run_stats st = {0};
    double t0 = now();
    if (r.nlines)
        rc = dyad_code_input(&st, c, tmp, &io, take_event, &r, &relay_d);
    res->code_seconds = now() - t0;
    if (r.rc)
        rc = r.rc;
    if (rc)
        goto out;
    /* score */
    dyad_score sc;
    if ((rc = dyad_score_init(&sc)))
        goto out;
    long unscored = 0;
    calib cal = {0};
    if (o->features) {
        fputs("# matched", o->features);
        for (int i = 0; i < DYAD_CONF_NFEAT; i++)
            fprintf(o->features, "\t%s", dyad_confidence_names[i]);
        fputc('\n', o->features);
    }
    for (int k = 0; k < r.nlines && !rc; k++) {
        int i = r.line_doc[k];
        const dyad_gold_doc *doc = &set.doc[i];
        const doc_events *de = &r.sys[i];
        int *gm = malloc(((size_t)doc->nev + 1) * sizeof *gm);
        int *sm = malloc(((size_t)de->n + 1) * sizeof *sm);
        int differs = 0;
        if (!gm || !sm)
            rc = dyad_set_error(DYAD_ENOMEM, "out of memory");
        else
            rc = dyad_score_doc(&sc, doc->ev, doc->nev, de->ev, de->n, o->keep_hypothetical, gm,
                                sm, &differs);
        if (!rc && differs && o->verbose && rep)
            print_doc(rep, doc, de->ev, de->n, gm, sm, o->keep_hypothetical);
        if (!rc)
            calib_doc(&cal, o->features, doc, de->ev, de->n, sm);
        if (doc->kind == DYAD_GOLD_AGNEWS)
            sag++;
        else
            sel++;
        for (int j = 0; j < doc->nev; j++)
            unscored += !scored(&doc->ev[j], o->keep_hypothetical);
        free(gm);
        free(sm);
    }
    if (rc)
        goto out;
    res->docs = (int)sc.docs;
    res->gold = sc.root.gold;
    res->events = sc.root.sys;
    dyad_score_prf(&sc.plover, &res->plover_p, &res->plover_r, &res->plover_f1);
    dyad_score_prf(&sc.root, &res->root_p, &res->root_r, &res->root_f1);
    res->pairs = sc.pairs;
    res->source = ratio(sc.src_whole, sc.pairs);
    res->source_country = ratio(sc.src_country, sc.pairs);
    res->target = ratio(sc.tgt_whole, sc.pairs);
    res->target_country = ratio(sc.tgt_country, sc.pairs);
    if (rep) {
        fprintf(rep,
                "eval: %d documents scored (%d AG News, %d event_location), %ld gold events "
                "scored, %ld left out (negated%s), coding %.1f s\n",
                res->docs, sag, sel, res->gold, unscored,
                o->keep_hypothetical ? "" : " or hypothetical", res->code_seconds);
        print_table(rep, &sc);
        if (o->calibration)
            print_calib(rep, &cal);
        fprintf(rep,
                "eval: PLOVER P %.2f R %.2f F1 %.2f; root P %.2f R %.2f F1 %.2f; "
                "source %.2f target %.2f (%d docs, %ld gold, %ld dyad)\n",
                res->plover_p, res->plover_r, res->plover_f1, res->root_p, res->root_r,
                res->root_f1, res->source, res->target, res->docs, res->gold, res->events);
    }
out:
    res->gold_errors = set.errors;
    if (*tmp)
        unlink(tmp);
    free(skip);
    free(r.sys);
    free(r.line_doc);
    dyad_arena_free(r.a);
    dyad_gold_set_free(&set);
    return rc;
}
