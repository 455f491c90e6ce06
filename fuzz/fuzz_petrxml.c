/* fuzz_petrxml.c: libFuzzer target for the PETRARCH XML reader: opens the
 * input, walks the environment and every record, parses and aligns each
 * record's tree. Any attempt to load an external resource (a DTD, an entity,
 * a URL) traps. */
#include "ingest/petrxml.h"
#include "parse/tree.h"

#include <libxml/parserInternals.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static xmlParserInputPtr never_load(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
    (void)id, (void)ctxt;
    fprintf(stderr, "external resource requested: %s\n", url ? url : "(null)");
    __builtin_trap();
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    xmlSetExternalEntityLoader(never_load);
    return 0;
}

static void quiet(void *user, dyad_diag_level lvl, const char *file, long line, const char *msg)
{
    (void)user, (void)lvl, (void)file, (void)line, (void)msg;
}

#define CHECK(x) do { if (!(x)) __builtin_trap(); } while (0)

static size_t touch_list(const char **v, int n)
{
    size_t k = 0;
    for (int i = 0; i < n; i++)
        k += strlen(v[i]);
    return k;
}

static size_t touch_env(const dyad_environment *e)
{
    size_t k = 0;
    const char *s[] = {e->verbfile, e->agentfile, e->discardfile, e->issuefile};
    for (int i = 0; i < 4; i++)
        k += s[i] ? strlen(s[i]) : 0;
    k += touch_list(e->actorfiles, e->nactorfiles) + touch_list(e->include, e->ninclude);
    k += touch_list(e->exclude, e->nexclude);
    for (int i = 0; i < e->nconfig; i++)
        k += strlen(e->config[i].option) + strlen(e->config[i].value);
    return k;
}

static size_t touch_record(const dyad_record *r, dyad_arena *a, dyad_diag *d)
{
    size_t k = strlen(r->id) + strlen(r->date) + strlen(r->category);
    CHECK(r->line > 0);
    k += r->text ? strlen(r->text) : 0;
    k += r->error ? strlen(r->error) : 0;
    for (int i = 0; i < r->ncodings; i++)
        k += strlen(r->codings[i].source) + strlen(r->codings[i].target) +
             strlen(r->codings[i].event);
    for (int i = 0; i < r->nconfig; i++)
        k += strlen(r->config[i].option) + strlen(r->config[i].value);
    if (!r->parse)
        return k;
    CHECK(r->parse_line >= r->line);
    dyad_tree *t;
    if (dyad_ptb_parse(&t, a, r->parse, strlen(r->parse), d, "fuzz", r->parse_line) == 0) {
        dyad_tree_align(t, a, r->text);
        CHECK(dyad_tree_to_string(t, a) != NULL);
    }
    dyad_arena_reset(a);
    return k;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    dyad_diag d = {.fn = quiet};
    dyad_petrxml *r = NULL;
    if (dyad_petrxml_open_mem(&r, "fuzz", (const char *)data, size, &d) != 0)
        return 0;
    dyad_arena *a = dyad_arena_new();
    volatile size_t k = touch_env(dyad_petrxml_env(r));
    const dyad_record *rec;
    int n = 0;
    while (dyad_petrxml_next(r, &rec) == 1) {
        k += touch_record(rec, a, &d);
        n++;
    }
    CHECK(n == dyad_petrxml_count(r));
    (void)k;
    dyad_arena_free(a);
    dyad_petrxml_free(r);
    return 0;
}
