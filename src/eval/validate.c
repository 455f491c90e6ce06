/* validate.c: PETRARCH validation files — code every record with the
 * dictionaries its <Environment> names and compare with the expected codings. */
#include "eval/validate.h"

#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "code/coder.h"
#include "dict/dict.h"
#include "dict/dict_dir.h"
#include "ingest/petrxml.h"
#include "parse/conllu.h"
#include "parse/builtin.h"
#include "parse/lg.h"
#include "parse/tree.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static const char *join(dyad_arena *a, const char *dir, const char *name)
{
    if (!name || !*name)
        return NULL;
    if (name[0] == '/' || !dir)
        return name;
    return dyad_arena_printf(a, "%s/%s", dir, name);
}

static int load_env_dict(dyad_dict **out, const dyad_environment *env, const char *dir,
                         dyad_arena *a, dyad_diag *diag)
{
    if (!env->verbfile && !env->nactorfiles) /* no <Environment>: the folder's own set */
        return dyad_dict_load_dir(out, dir, diag);
    const char **actors = dyad_arena_alloc(a, (size_t)(env->nactorfiles + 1) * sizeof *actors);
    if (!actors)
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    for (int i = 0; i < env->nactorfiles; i++)
        actors[i] = join(a, dir, env->actorfiles[i]);
    dyad_dict_files f = {
        .verbs = join(a, dir, env->verbfile),
        .actors = actors,
        .nactors = env->nactorfiles,
        .agents = join(a, dir, env->agentfile),
        .discards = join(a, dir, env->discardfile),
        .issues = join(a, dir, env->issuefile),
    };
    return dyad_dict_load(out, &f, diag);
}

/* CoNLL-U dispatch: a <Parse> holding CoNLL-U (UniversalPetrarch's files)
 * goes to the CoNLL-U converter, a bracketed one to the Penn reader. */
static int parse_any(dyad_tree **t, dyad_arena *a, const char *s, dyad_diag *d,
                     const char *file, long line)
{
    size_t n = strlen(s);
    if (dyad_conllu_detect(s, n))
        return dyad_conllu_parse(t, a, s, n, d, file, line);
    return dyad_ptb_parse(t, a, s, n, d, file, line);
}

/* The reason coding rejected a record, or NULL when it was coded. */
typedef struct outcome {
    const char *error;
    dyad_coded_list ev;
    dyad_tree *tree; /* the tree coded (NULL if none) */
} outcome;

/* ---- validate --reparse: one of dyad's parsers instead of <Parse> --------- */

typedef struct reparse_ctx {
    dyad_lg *lg;          /* link-grammar, or */
    dyad_builtin *bp;     /* the built-in parser */
    const dyad_dict *dict; /* its names (actors tagged as proper nouns) */
    long sentences, failed;
    double *ms;        /* wall time of each sentence parsed */
    int n, cap;
    int parse_words;   /* records without <Text>: the words of <Parse> were parsed */
} reparse_ctx;

/* The text of a record without <Text>: the words of its <Parse>, without the
 * brackets and tags, Penn escapes undone. NULL when there is none. */
static const char *words_of_parse(const dyad_record *rec, const char *file, dyad_arena *a)
{
    static const struct { const char *esc, *plain; } undo[] = {
        {"-LRB-", "("}, {"-RRB-", ")"}, {"-LSB-", "["}, {"-RSB-", "]"}, {"-LCB-", "{"},
        {"-RCB-", "}"}, {"``", "\""}, {"''", "\""}};
    dyad_tree *t = NULL;
    dyad_diag quiet = {0};
    if (!rec->parse || dyad_ptb_parse(&t, a, rec->parse, strlen(rec->parse), &quiet, file, 0))
        return NULL;
    const char **w = dyad_arena_alloc(a, (size_t)(t->ntok + 1) * sizeof *w);
    if (!w)
        return NULL;
    for (int i = 0; i < t->ntok; i++) {
        w[i] = t->nodes[t->tok_node[i]].word;
        for (size_t k = 0; k < sizeof undo / sizeof *undo; k++)
            if (!strcmp(w[i], undo[k].esc))
                w[i] = undo[k].plain;
    }
    /* detokenised: "Kenya 's capital ." -> "Kenya's capital." */
    static const char *const glue_left[] = {",", ".", ";", ":", "?", "!", ")", "]", "}", "%",
                                            "'s", "'S", "'re", "'ve", "'ll", "'d", "'m",
                                            "n't", "'", NULL};
    static const char *const glue_right[] = {"(", "[", "{", "$", NULL};
    dyad_buf b;
    dyad_buf_init(&b);
    for (int i = 0; i < t->ntok; i++) {
        int space = i > 0;
        for (int k = 0; space && glue_left[k]; k++)
            space = strcmp(w[i], glue_left[k]) != 0;
        for (int k = 0; space && glue_right[k]; k++)
            space = strcmp(w[i - 1], glue_right[k]) != 0;
        dyad_buf_printf(&b, "%s%s", space ? " " : "", w[i]);
    }
    const char *s = b.data ? dyad_arena_strdup(a, b.data) : NULL;
    dyad_buf_free(&b);
    return s;
}

/* Parses the record's text with the built-in parser: 0 with *t set, 1 when it
 * could not be parsed (reported), DYAD_ENOMEM. *text is the text the tree's
 * spans refer to. */
static int reparse_record(dyad_tree **t, const char **text, const dyad_record *rec,
                          reparse_ctx *rp, const char *file, dyad_arena *a, dyad_diag *diag)
{
    const char *s = rec->text;
    if (!s || !*s) {
        s = words_of_parse(rec, file, a);
        if (s) {
            rp->parse_words++;
            dyad_diag_report(diag, DYAD_DIAG_WARNING, file, rec->line,
                             "record %s has no <Text>: parsing the words of its <Parse>",
                             rec->id);
        }
    }
    *text = s;
    dyad_lg_result res = {0};
    int r;
    if (rp->bp) {
        double t0 = now();
        dyad_builtin_names nm = {dyad_dict_name_at, (void *)rp->dict};
        r = dyad_builtin_parse(t, NULL, rp->bp, &nm, s ? s : "", s ? strlen(s) : 0, a);
        res.ms = (now() - t0) * 1000.0;
    } else {
        r = dyad_lg_parse(t, &res, rp->lg, s ? s : "", s ? strlen(s) : 0, a);
    }
    rp->sentences++;
    rp->failed += r != 0;
    if (rp->n == rp->cap) {
        int cap = rp->cap ? rp->cap * 2 : 512;
        double *ms = realloc(rp->ms, (size_t)cap * sizeof *ms);
        if (!ms)
            return dyad_set_error(DYAD_ENOMEM, "out of memory");
        rp->ms = ms;
        rp->cap = cap;
    }
    rp->ms[rp->n++] = res.ms;
    if (r == DYAD_ENOMEM)
        return r;
    if (r) {
        dyad_diag_report(diag, DYAD_DIAG_ERROR, file, rec->line,
                         "record %s: the built-in parser could not parse it: %s", rec->id,
                         dyad_last_error());
        return 1;
    }
    return 0;
}

static int cmp_double(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return a < b ? -1 : a > b;
}

static void reparse_summary(FILE *f, reparse_ctx *rp)
{
    dyad_lg_stats st = {0};
    if (rp->lg)
        dyad_lg_get_stats(rp->lg, &st);
    else {
        st.sentences = rp->sentences;
        st.full = rp->sentences - rp->failed;
        st.none = rp->failed;
    }
    double med = 0, p99 = 0;
    if (rp->n) {
        qsort(rp->ms, (size_t)rp->n, sizeof *rp->ms, cmp_double);
        med = rp->ms[rp->n / 2];
        p99 = rp->ms[(rp->n * 99) / 100 < rp->n ? (rp->n * 99) / 100 : rp->n - 1];
    }
    fprintf(f,
            "reparse: %ld sentences: %ld full parses, %ld partial, %ld none (%ld hit the time "
            "limit); %.1f ms median, %.1f ms p99 per sentence; %d records without <Text>\n",
            st.sentences, st.full, st.partial, st.none, st.timeouts, med, p99, rp->parse_words);
}

static int is_dateline(const dyad_tree *t)
{
    int top = t->root;
    const dyad_tnode *r = &t->nodes[top];
    if ((!strcmp(r->label, "ROOT") || !r->label[0]) && r->nchildren == 1)
        top = r->first_child;
    return !strcmp(t->nodes[top].label, "NP");
}

static int code_record(outcome *oc, const dyad_record *rec, const dyad_coder *coder,
                       const char *file, dyad_arena *a, dyad_diag *diag, reparse_ctx *rp)
{
    memset(oc, 0, sizeof *oc);
    if (rp) { /* --reparse: a parser of dyad's instead of <Parse> */
        const char *text = NULL;
        int r = reparse_record(&oc->tree, &text, rec, rp, file, a, diag);
        if (r < 0)
            return r;
        if (r) {
            oc->error = "no_parse";
            return 0;
        }
        if (is_dateline(oc->tree)) {
            oc->error = "dateline";
            return 0;
        }
        r = dyad_code_tree(&oc->ev, coder, oc->tree, text, rec->date, a);
        if (r == DYAD_ENOMEM)
            return r;
        if (r)
            oc->error = "bad_input_parse";
        else if (oc->ev.discard)
            oc->error = oc->ev.discard == 2 ? "storydiscard" : "sentencediscard";
        return 0;
    }
    if (!rec->parse) {
        dyad_diag_report(diag, DYAD_DIAG_ERROR, file, rec->line, "record %s has no <Parse>",
                         rec->id);
        oc->error = "missing_parse";
        return 0;
    }
    dyad_diag quiet = {.fn = NULL};
    int expect_bad = rec->error && !strcmp(rec->error, "bad_input_parse");
    dyad_tree *t = NULL;
    int r = parse_any(&t, a, rec->parse, expect_bad ? &quiet : diag, file, rec->parse_line);
    if (r == DYAD_ENOMEM)
        return r;
    if (r) {
        oc->error = "bad_input_parse";
        return 0;
    }
    if (is_dateline(t)) {
        oc->error = "dateline";
        return 0;
    }
    dyad_tree_align(t, a, rec->text);
    oc->tree = t;
    r = dyad_code_tree(&oc->ev, coder, t, rec->text, rec->date, a);
    if (r == DYAD_ENOMEM)
        return r;
    if (r) {
        oc->error = "bad_input_parse";
        return 0;
    }
    if (oc->ev.discard)
        oc->error = oc->ev.discard == 2 ? "storydiscard" : "sentencediscard";
    return 0;
}

static int has_triple(const dyad_coded_list *l, const char *s, const char *t, const char *e)
{
    for (int i = 0; i < l->n; i++)
        if (!strcmp(l->ev[i].source, s) && !strcmp(l->ev[i].target, t) &&
            !strcmp(l->ev[i].code, e))
            return 1;
    return 0;
}

static int record_correct(const dyad_record *rec, const outcome *oc)
{
    if (rec->error)
        return oc->error && !strcmp(oc->error, rec->error);
    /* a discarded sentence codes no events */
    if (oc->error && strcmp(oc->error, "sentencediscard") && strcmp(oc->error, "storydiscard"))
        return 0;
    if (oc->error)
        return rec->ncodings == 0;
    for (int i = 0; i < rec->ncodings; i++)
        if (!has_triple(&oc->ev, rec->codings[i].source, rec->codings[i].target,
                        rec->codings[i].event))
            return 0;
    for (int i = 0; i < oc->ev.n; i++) {
        int found = 0;
        for (int k = 0; k < rec->ncodings && !found; k++)
            found = !strcmp(oc->ev.ev[i].source, rec->codings[k].source) &&
                    !strcmp(oc->ev.ev[i].target, rec->codings[k].target) &&
                    !strcmp(oc->ev.ev[i].code, rec->codings[k].event);
        if (!found)
            return 0;
    }
    return 1;
}

static void describe(FILE *f, const dyad_record *rec, const outcome *oc, int ok)
{
    fprintf(f, "%s %s: %s\n", ok ? "ok  " : "DIFF", rec->id, rec->text ? rec->text : "");
    fprintf(f, "    expected:");
    if (rec->error)
        fprintf(f, " error=%s", rec->error);
    for (int i = 0; i < rec->ncodings; i++)
        fprintf(f, " [%s %s %s]", rec->codings[i].source, rec->codings[i].target,
                rec->codings[i].event);
    if (!rec->error && !rec->ncodings)
        fprintf(f, " (no events)");
    fprintf(f, "\n    got:     ");
    if (oc->error)
        fprintf(f, " error=%s", oc->error);
    for (int i = 0; i < oc->ev.n; i++)
        fprintf(f, " [%s %s %s]", oc->ev.ev[i].source, oc->ev.ev[i].target, oc->ev.ev[i].code);
    if (!oc->error && !oc->ev.n)
        fprintf(f, " (no events)");
    fprintf(f, "\n");
}

static int apply_options(dyad_coder *co, const dyad_option *opt, int n, const char *file,
                         long line, dyad_diag *diag)
{
    for (int i = 0; i < n; i++)
        if (dyad_coder_set_option(co, opt[i].option, opt[i].value))
            dyad_diag_report(diag, DYAD_DIAG_WARNING, file, line, "<Config>: %s",
                             dyad_last_error());
    return 0;
}

int dyad_validate_file(dyad_validate_result *res, const char *path, const dyad_validate_opts *o,
                       dyad_diag *diag)
{
    memset(res, 0, sizeof *res);
    dyad_petrxml *x = NULL;
    dyad_dict *dict = NULL;
    dyad_coder *coder = NULL;
    reparse_ctx rpc = {0}, *rp = NULL;
    dyad_arena *a = dyad_arena_new(), *scratch = dyad_arena_new();
    int rc = (!a || !scratch) ? dyad_set_error(DYAD_ENOMEM, "out of memory") : 0;
    if (!rc)
        rc = dyad_petrxml_open(&x, path, diag);
    if (rc)
        goto cleanup;
    const char *dir = o->dict_dir;
    if (!dir) {
        char *copy = dyad_arena_strdup(a, path);
        dir = copy ? dyad_arena_strdup(a, dirname(copy)) : ".";
    }
    double t0 = now();
    rc = o->dicts ? dyad_dict_load_dir(&dict, o->dicts, diag)
                  : load_env_dict(&dict, dyad_petrxml_env(x), dir, a, diag);
    res->dict_seconds = now() - t0;
    if (rc)
        goto cleanup;
    if (o->verbose && o->report) {
        dyad_dict_stats st;
        dyad_dict_get_stats(dict, &st);
        fprintf(o->report,
                "dictionaries: %ld verb blocks, %ld verb forms, %ld patterns, %ld synsets, "
                "%ld actors (%ld codes), %ld agents, %ld discards, %ld issues, %ld warnings, "
                "%.3f s\n",
                st.verb_blocks, st.verb_forms, st.patterns, st.synsets, st.actors,
                st.actor_codes, st.agents, st.discards, st.issues, st.warnings, st.seconds);
    }
    dyad_code_opts copts; /* PETRARCH's behaviour, as the records expect it */
    dyad_code_opts_default(&copts);
    copts.require_dyad = 1;
    copts.one_sided = 0;
    copts.modality = 0;
    copts.keep_hypothetical = 1;
    rc = dyad_coder_new(&coder, dict, &copts);
    if (rc)
        goto cleanup;
    res->engine = dyad_coder_engine(coder);
    const dyad_environment *env = dyad_petrxml_env(x);
    apply_options(coder, env->config, env->nconfig, path, 0, diag);
    if (o->reparse) {
        if (!o->parser || !strcmp(o->parser, "link-grammar"))
            rc = dyad_lg_new(&rpc.lg, NULL);
        else
            rc = dyad_builtin_load(&rpc.bp, o->model_dir);
        rpc.dict = dict;
        if (rc)
            goto cleanup;
        rp = &rpc;
    }
    const dyad_record *rec;
    t0 = now();
    while (dyad_petrxml_next(x, &rec) == 1) {
        dyad_arena_reset(scratch);
        res->records++;
        apply_options(coder, rec->config, rec->nconfig, path, rec->line, diag);
        outcome oc;
        rc = code_record(&oc, rec, coder, path, scratch, diag, rp);
        if (rc)
            goto cleanup;
        /* a record without <EventCoding> expects no events, as in PETRARCH */
        int expects = 1;
        if (oc.error && (!rec->error || strcmp(rec->error, oc.error)) &&
            (!strcmp(oc.error, "bad_input_parse") || !strcmp(oc.error, "missing_parse") ||
             !strcmp(oc.error, "no_parse")))
            res->input_errors++;
        if (!expects)
            continue;
        res->scored++;
        int ok = record_correct(rec, &oc);
        res->correct += ok;
        if (o->report && (!ok || o->verbose))
            describe(o->report, rec, &oc, ok);
        if (o->report && !ok && o->verbose > 1 && rp && oc.tree) {
            char *tr = dyad_tree_to_string(oc.tree, scratch);
            char *dbg = dyad_code_debug_plist(coder, oc.tree, rec->date, scratch);
            fprintf(o->report, "    tree: %s\n    plist: %s\n", tr ? tr : "", dbg ? dbg : "(none)");
            dyad_tree *given = NULL;
            dyad_diag quiet = {0};
            if (rec->parse && !dyad_ptb_parse(&given, scratch, rec->parse, strlen(rec->parse),
                                              &quiet, path, 0))
                fprintf(o->report, "    given: %s\n", dyad_tree_to_string(given, scratch));
        } else if (o->report && !ok && o->verbose > 1 && rec->parse) {
            dyad_tree *t = NULL;
            dyad_diag quiet = {0};
            if (!parse_any(&t, scratch, rec->parse, &quiet, path, 0)) {
                char *dbg = dyad_code_debug_plist(coder, t, rec->date, scratch);
                fprintf(o->report, "    plist: %s\n", dbg ? dbg : "(none)");
            }
        }
    }
    res->code_seconds = now() - t0;
    res->input_errors += (int)dyad_petrxml_errors(x);
    if (rp && o->report)
        reparse_summary(o->report, rp);
cleanup:
    dyad_lg_free(rpc.lg);
    dyad_builtin_free(rpc.bp);
    free(rpc.ms);
    dyad_coder_free(coder);
    dyad_dict_free(dict);
    dyad_petrxml_free(x);
    dyad_arena_free(scratch);
    dyad_arena_free(a);
    return rc;
}
