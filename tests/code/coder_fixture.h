/* coder_fixture.h: the fixture the coder tests share (test_coder.c,
 * test_tcoder.c, test_tc_*.c): small dictionaries given as text, a coder made
 * afresh with the current options for every sentence, hand-written Penn trees
 * coded, and their events compared with a written list.
 *
 * Ownership: fx_setup allocates the fixture and everything it points to;
 * fx_teardown frees all of it (and removes the file named in path). The tree
 * and events of the last sentence live in the fixture's arena until the next
 * sentence is coded. */
#ifndef DYAD_TESTS_CODER_FIXTURE_H
#define DYAD_TESTS_CODER_FIXTURE_H

#include "testutil.h"
#include "code/coder.h"
#include "dict/dict.h"
#include "parse/tree.h"

#include <dyad.h>

/* The dictionaries of a test file, as text; NULL: that dictionary is empty. */
typedef struct fx_dicts {
    const char *verbs, *actors, *agents, *discards, *nouns;
} fx_dicts;

typedef struct fx {
    dyad_dict *d;
    dyad_coder *c;
    dyad_arena *a;
    dyad_tree *t;      /* the last tree coded */
    dyad_coded_list l; /* its events */
    dyad_code_opts o;  /* options of the next coder: dyad's defaults after fx_setup */
    const char *engine; /* the engine every coder must be ("tree", "linear"); NULL: any */
    char path[64];      /* a temporary file of the test, removed by fx_teardown; "" if none */
} fx;

static inline dyad_dict_text fx__text(const char *name, const char *s)
{
    dyad_dict_text t = {s ? name : NULL, s, s ? strlen(s) : 0};
    return t;
}

/* (Re)loads f->d from the texts of src. -1 (the reason on stderr) when the
 * load fails or reports any warning or error: the dictionaries of the tests
 * are meant to be clean. */
static inline int fx_load(fx *f, const fx_dicts *src)
{
    dyad_dict_text act = fx__text("t.actors", src->actors);
    dyad_dict_mem m = {fx__text("t.verbs", src->verbs),   &act, src->actors ? 1 : 0,
                       fx__text("t.agents", src->agents), fx__text("t.discards", src->discards),
                       {NULL, NULL, 0},                   fx__text("t.nouns", src->nouns)};
    dyad_diag quiet = {0};
    dyad_dict_free(f->d);
    f->d = NULL;
    if (dyad_dict_load_mem(&f->d, &m, &quiet) || quiet.warnings || quiet.errors) {
        fprintf(stderr, "dictionary load failed: %s (%ld warnings, %ld errors)\n",
                dyad_last_error(), quiet.warnings, quiet.errors);
        return -1;
    }
    return 0;
}

static inline int fx_teardown(void **state)
{
    fx *f = *state;
    if (!f)
        return 0;
    if (f->path[0])
        unlink(f->path);
    dyad_coder_free(f->c);
    dyad_dict_free(f->d);
    dyad_arena_free(f->a);
    free(f);
    *state = NULL;
    return 0;
}

/* A fixture with the dictionaries of src, dyad's default options and an
 * arena, in *state; engine as in fx. 0, or -1 with nothing left allocated. */
static inline int fx_setup(void **state, const fx_dicts *src, const char *engine)
{
    fx *f = calloc(1, sizeof *f);
    *state = f;
    if (!f)
        return -1;
    f->engine = engine;
    dyad_code_opts_default(&f->o);
    f->a = dyad_arena_new();
    if (!f->a || fx_load(f, src)) {
        fx_teardown(state);
        return -1;
    }
    return 0;
}

/* Makes the coder afresh with the current options (f->o). */
static inline void new_coder(fx *f)
{
    dyad_coder_free(f->c);
    f->c = NULL;
    assert_int_equal(dyad_coder_new(&f->c, f->d, &f->o), 0);
    if (f->engine)
        assert_string_equal(dyad_coder_engine(f->c), f->engine);
}

/* Codes one sentence (Penn tree ptb, text or NULL, date "YYYYMMDD") with a
 * new coder; DYAD_TEST_SHOW in the environment prints the events (and the
 * linear coder's parse list). */
static inline const dyad_coded_list *code_tree(fx *f, const char *ptb, const char *text,
                                               const char *date)
{
    new_coder(f);
    dyad_arena_reset(f->a);
    f->t = NULL;
    dyad_diag quiet = {0};
    assert_int_equal(dyad_ptb_parse(&f->t, f->a, ptb, strlen(ptb), &quiet, "test", 1), 0);
    assert_int_equal(dyad_code_tree(&f->l, f->c, f->t, text, date, f->a), 0);
    if (getenv("DYAD_TEST_SHOW")) {
        if (!strcmp(dyad_coder_engine(f->c), "linear"))
            fprintf(stderr, "plist: %s\n", dyad_code_debug_plist(f->c, f->t, date, f->a));
        for (int i = 0; i < f->l.n; i++)
            fprintf(stderr, "  '%s' '%s' %s %s  src %d-%d tgt %d-%d verb %d-%d\n",
                    f->l.ev[i].source, f->l.ev[i].target, f->l.ev[i].code,
                    f->l.ev[i].modality ? f->l.ev[i].modality : "(null)", f->l.ev[i].src_tok0,
                    f->l.ev[i].src_tok1, f->l.ev[i].tgt_tok0, f->l.ev[i].tgt_tok1,
                    f->l.ev[i].verb_tok0, f->l.ev[i].verb_tok1);
    }
    return &f->l;
}

/* The event (source, target, code), or NULL; "-" stands for the empty side. */
static inline const dyad_coded *find(const dyad_coded_list *l, const char *s, const char *t,
                                     const char *c)
{
    if (!strcmp(s, "-"))
        s = "";
    if (!strcmp(t, "-"))
        t = "";
    for (int i = 0; i < l->n; i++)
        if (!strcmp(l->ev[i].source, s) && !strcmp(l->ev[i].target, t) &&
            !strcmp(l->ev[i].code, c))
            return &l->ev[i];
    return NULL;
}

/* Asserts that the events are exactly the set written in spec, "SRC TGT CODE;
 * SRC TGT CODE MODALITY; ..." ("" = no events; "-" = the empty side; a
 * MODALITY, when written, must be the event's, "asserted" for none). */
static inline void expect(const dyad_coded_list *l, const char *spec)
{
    char buf[512];
    snprintf(buf, sizeof buf, "%s", spec);
    int n = 0, bad = 0;
    for (char *save = NULL, *item = strtok_r(buf, ";", &save); item;
         item = strtok_r(NULL, ";", &save)) {
        char s[64], t[64], c[16], m[16];
        int k = sscanf(item, "%63s %63s %15s %15s", s, t, c, m);
        if (k != 3 && k != 4)
            fail_msg("bad spec item '%s'", item);
        n++;
        const dyad_coded *e = find(l, s, t, c);
        if (!e || (k == 4 && strcmp(e->modality ? e->modality : "asserted", m))) {
            print_error("missing event %s %s %s %s\n", s, t, c, k == 4 ? m : "");
            bad++;
        }
    }
    if (l->n != n || bad) {
        print_error("expected {%s}, got %d event(s):\n", spec, l->n);
        for (int i = 0; i < l->n; i++)
            print_error("  '%s' '%s' %s %s\n", l->ev[i].source, l->ev[i].target, l->ev[i].code,
                        l->ev[i].modality ? l->ev[i].modality : "(null)");
        fail();
    }
}

/* The first 8 events of a run (dyad_code_petrxml and the like), as
 * "article|sentence|date|source target code|source words|target words|verb
 * words|text" lines and copies whose strings must not be read: they live only
 * during the callback; the spans stay valid. */
typedef struct seen {
    int n;
    char line[8][256];
    dyad_event ev[8];
} seen;

/* A dyad_event_fn filling the seen in user; 1 (stop) after 8 events. */
static inline int on_event(void *user, const dyad_event *e)
{
    seen *s = user;
    if (s->n >= 8)
        return 1;
    snprintf(s->line[s->n], sizeof s->line[0], "%s|%s|%s|%s %s %s|%s|%s|%s|%s", e->article,
             e->sentence, e->date, e->source, e->target, e->cameo, e->source_text, e->target_text,
             e->verb_text, e->text);
    s->ev[s->n] = *e;
    s->n++;
    return 0;
}

#endif
