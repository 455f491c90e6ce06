/* validate.c: PETRARCH validation files — code every record with the
 * dictionaries its <Environment> names and compare with the expected codings. */
#include "eval/validate.h"

#include <libgen.h>
#include <string.h>
#include <time.h>

#include "code/coder.h"
#include "dict/dict.h"
#include "dict/dict_dir.h"
#include "ingest/petrxml.h"
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

/* The reason coding rejected a record, or NULL when it was coded. */
typedef struct outcome {
    const char *error;
    dyad_coded_list ev;
} outcome;

static int is_dateline(const dyad_tree *t)
{
    int top = t->root;
    const dyad_tnode *r = &t->nodes[top];
    if ((!strcmp(r->label, "ROOT") || !r->label[0]) && r->nchildren == 1)
        top = r->first_child;
    return !strcmp(t->nodes[top].label, "NP");
}

static int code_record(outcome *oc, const dyad_record *rec, const dyad_coder *coder,
                       const char *file, dyad_arena *a, dyad_diag *diag)
{
    memset(oc, 0, sizeof *oc);
    if (!rec->parse) {
        dyad_diag_report(diag, DYAD_DIAG_ERROR, file, rec->line, "record %s has no <Parse>",
                         rec->id);
        oc->error = "missing_parse";
        return 0;
    }
    dyad_diag quiet = {.fn = NULL};
    int expect_bad = rec->error && !strcmp(rec->error, "bad_input_parse");
    dyad_tree *t = NULL;
    int r = dyad_ptb_parse(&t, a, rec->parse, strlen(rec->parse), expect_bad ? &quiet : diag,
                           file, rec->parse_line);
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
    rc = load_env_dict(&dict, dyad_petrxml_env(x), dir, a, diag);
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
    rc = dyad_coder_new(&coder, dict, NULL);
    if (rc)
        goto cleanup;
    res->engine = dyad_coder_engine(coder);
    const dyad_environment *env = dyad_petrxml_env(x);
    apply_options(coder, env->config, env->nconfig, path, 0, diag);
    const dyad_record *rec;
    t0 = now();
    while (dyad_petrxml_next(x, &rec) == 1) {
        dyad_arena_reset(scratch);
        res->records++;
        apply_options(coder, rec->config, rec->nconfig, path, rec->line, diag);
        outcome oc;
        rc = code_record(&oc, rec, coder, path, scratch, diag);
        if (rc)
            goto cleanup;
        /* a record without <EventCoding> expects no events, as in PETRARCH */
        int expects = 1;
        if (oc.error && (!rec->error || strcmp(rec->error, oc.error)) &&
            (!strcmp(oc.error, "bad_input_parse") || !strcmp(oc.error, "missing_parse")))
            res->input_errors++;
        if (!expects)
            continue;
        res->scored++;
        int ok = record_correct(rec, &oc);
        res->correct += ok;
        if (o->report && (!ok || o->verbose))
            describe(o->report, rec, &oc, ok);
        if (o->report && !ok && o->verbose > 1 && rec->parse) {
            dyad_tree *t = NULL;
            dyad_diag quiet = {0};
            if (!dyad_ptb_parse(&t, scratch, rec->parse, strlen(rec->parse), &quiet, path, 0)) {
                char *dbg = dyad_code_debug_plist(coder, t, rec->date, scratch);
                fprintf(o->report, "    plist: %s\n", dbg ? dbg : "(none)");
            }
        }
    }
    res->code_seconds = now() - t0;
    res->input_errors += (int)dyad_petrxml_errors(x);
cleanup:
    dyad_coder_free(coder);
    dyad_dict_free(dict);
    dyad_petrxml_free(x);
    dyad_arena_free(scratch);
    dyad_arena_free(a);
    return rc;
}
