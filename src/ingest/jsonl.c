/* jsonl.c: one JSON Lines record {"id","date","title","text"} with jansson.
 *
 * The line is made valid UTF-8 first (jansson rejects invalid bytes, and one
 * bad byte in a scraped article should not lose the article). Unknown fields
 * are ignored. */
#include "ingest/article.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

/* Reports a bad line; always DYAD_EPARSE. */
static int jl_bad(dyad_diag *d, const char *name, long line, const char *why)
{
    dyad_diag_report(d, DYAD_DIAG_ERROR, name, line, "%s; line skipped", why);
    dyad_set_error(DYAD_EPARSE, "%s:%ld: %s", name, line, why);
    return DYAD_EPARSE;
}

/* A copy of a JSON string in a, its NUL characters ("\u0000") as spaces,
 * counted in *nnul. NULL on out of memory. */
static char *jl_string(dyad_arena *a, json_t *v, long *nnul)
{
    size_t n = json_string_length(v);
    char *s = dyad_arena_alloc(a, n + 1);
    if (!s)
        return NULL;
    memcpy(s, json_string_value(v), n);
    s[n] = '\0';
    for (size_t i = 0; i < n; i++)
        if (!s[i]) {
            s[i] = ' ';
            ++*nnul;
        }
    return s;
}

/* A string field: 0 and *out (arena copy; NULL when absent or null), or
 * DYAD_EPARSE (the reason in why) for another type. Numbers are accepted
 * when numeric_ok (ids). NUL characters become spaces, counted in *nnul. */
static int jl_field(const char **out, dyad_arena *a, json_t *obj, const char *key,
                    int numeric_ok, long *nnul, char *why, size_t whylen)
{
    json_t *v = json_object_get(obj, key);
    *out = NULL;
    if (!v || json_is_null(v))
        return 0;
    if (json_is_string(v))
        *out = jl_string(a, v, nnul);
    else if (numeric_ok && json_is_integer(v))
        *out = dyad_arena_printf(a, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
    else {
        snprintf(why, whylen, "\"%s\" is not a string", key);
        return DYAD_EPARSE;
    }
    if (!*out) {
        snprintf(why, whylen, "out of memory");
        return DYAD_ENOMEM;
    }
    return 0;
}

/* The four fields; "text" is required. NUL characters ("\u0000") in them
 * become spaces, counted in out->nul_bytes. */
static int jl_fields(dyad_article *out, dyad_arena *a, json_t *obj, char *why, size_t whylen)
{
    const char *id, *date, *title, *text;
    long *nul = &out->nul_bytes;
    int rc;
    if ((rc = jl_field(&id, a, obj, "id", 1, nul, why, whylen)) ||
        (rc = jl_field(&date, a, obj, "date", 0, nul, why, whylen)) ||
        (rc = jl_field(&title, a, obj, "title", 0, nul, why, whylen)) ||
        (rc = jl_field(&text, a, obj, "text", 0, nul, why, whylen)))
        return rc;
    if (!text) {
        snprintf(why, whylen, "no \"text\" string");
        return DYAD_EPARSE;
    }
    out->id = id;
    out->date = date;
    out->title = title ? title : "";
    out->text = text;
    return 0;
}

static int jl_date(dyad_article *out, dyad_arena *a, dyad_diag *d)
{
    char day[11];
    const char *given = out->date;
    out->date = "";
    if (!given || !*given)
        return 0;
    if (dyad_article_parse_date(day, given, strlen(given)) != 0) {
        dyad_diag_report(d, DYAD_DIAG_WARNING, out->file, out->line,
                         "\"date\" '%.40s' is not a date (YYYY-MM-DD); ignored", given);
        return 0;
    }
    char *s = dyad_arena_strdup(a, day);
    if (!s)
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    out->date = s;
    return 0;
}

int dyad_article_from_jsonl(dyad_article *out, dyad_arena *a, const char *name, long line,
                            const char *buf, size_t n, dyad_diag *d)
{
    memset(out, 0, sizeof *out);
    out->file = name ? name : "<memory>";
    out->line = line;
    out->id = out->date = out->title = out->text = "";
    size_t len;
    char *s = dyad_ingest__utf8_nul(a, buf, n, &len, &out->bad_utf8, &out->nul_bytes, d,
                                    out->file, line);
    if (!s)
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    json_error_t err;
    long raw_nul = out->nul_bytes;
    json_t *obj = json_loadb(s, len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &err);
    char why[256];
    if (!obj) {
        snprintf(why, sizeof why, "bad JSON at column %d: %s", err.column, err.text);
        return jl_bad(d, out->file, line, why);
    }
    int rc;
    if (!json_is_object(obj)) {
        snprintf(why, sizeof why, "not a JSON object");
        rc = DYAD_EPARSE;
    } else {
        rc = jl_fields(out, a, obj, why, sizeof why);
    }
    json_decref(obj);
    if (rc == DYAD_EPARSE)
        return jl_bad(d, out->file, line, why);
    if (rc)
        return dyad_set_error(rc, "out of memory");
    if (out->nul_bytes > raw_nul)
        dyad_diag_report(d, DYAD_DIAG_WARNING, out->file, line, "%ld NUL character%s (\\u0000) read as spaces",
                         out->nul_bytes - raw_nul, out->nul_bytes - raw_nul == 1 ? "" : "s");
    if (!out->id || !*out->id) {
        const char *base = strrchr(out->file, '/');
        out->id = dyad_arena_printf(a, "%s:%ld", base && base[1] ? base + 1 : out->file, line);
    }
    if (!out->id)
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    if ((rc = jl_date(out, a, d)) != 0)
        return rc;
    size_t tl = 0; /* character references left in the text ("Iraq #39;s") */
    char *text = dyad_ingest__entities(a, out->text, strlen(out->text), &tl);
    const char *title = dyad_ingest__entities(a, out->title, strlen(out->title), NULL);
    if (!text || !title)
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    out->title = title;
    return dyad_ingest__set_text(out, a, text, tl);
}
