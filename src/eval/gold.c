/* gold.c: the gold-set reader (tests/gold/README.md) and the AG News CSV
 * texts its documents point to. See gold.h. */
#include "eval/gold.h"

#include <stdlib.h>
#include <string.h>

#include "dict/cameo.h"
#include "ingest/article.h"

static const char *const modality_names[] = {"asserted",     "negated",   "future", "intent",
                                             "hypothetical", "attempted", "claimed"};

const char *dyad_gold_modality_name(dyad_gold_modality m)
{
    return (unsigned)m < sizeof modality_names / sizeof *modality_names ? modality_names[m] : "?";
}

int dyad_gold_set_init(dyad_gold_set *s)
{
    memset(s, 0, sizeof *s);
    s->a = dyad_arena_new();
    return s->a ? 0 : dyad_set_error(DYAD_ENOMEM, "out of memory");
}

void dyad_gold_set_free(dyad_gold_set *s)
{
    dyad_arena_free(s->a);
    free(s->keys);
    free(s->slot_doc);
    memset(s, 0, sizeof *s);
}

/* ---- duplicate check: doc key -> doc index ------------------------------ */

static long doc_key(dyad_gold_kind kind, long index)
{
    return index * 4 + (long)kind;
}

static size_t key_hash(long k, size_t cap)
{
    unsigned long long h = (unsigned long long)k * 0x9E3779B97F4A7C15ull;
    return (size_t)(h >> 32) & (cap - 1);
}

/* The doc index already holding key, or -1. */
static int key_find(const dyad_gold_set *s, long key)
{
    if (!s->keycap)
        return -1;
    for (size_t i = key_hash(key, s->keycap);; i = (i + 1) & (s->keycap - 1)) {
        if (s->slot_doc[i] < 0)
            return -1;
        if (s->keys[i] == key)
            return s->slot_doc[i];
    }
}

static void key_put_raw(dyad_gold_set *s, long key, int doc)
{
    size_t i = key_hash(key, s->keycap);
    while (s->slot_doc[i] >= 0)
        i = (i + 1) & (s->keycap - 1);
    s->keys[i] = key;
    s->slot_doc[i] = doc;
    s->nkeys++;
}

static int key_add(dyad_gold_set *s, long key, int doc)
{
    if ((s->nkeys + 1) * 2 > s->keycap) {
        size_t cap = s->keycap ? s->keycap * 2 : 64;
        long *keys = malloc(cap * sizeof *keys);
        int *slot = malloc(cap * sizeof *slot);
        if (!keys || !slot) {
            free(keys);
            free(slot);
            return dyad_set_error(DYAD_ENOMEM, "out of memory");
        }
        for (size_t i = 0; i < cap; i++)
            slot[i] = -1;
        long *okeys = s->keys;
        int *oslot = s->slot_doc;
        size_t ocap = s->keycap;
        s->keys = keys;
        s->slot_doc = slot;
        s->keycap = cap;
        s->nkeys = 0;
        for (size_t i = 0; i < ocap; i++)
            if (oslot[i] >= 0)
                key_put_raw(s, okeys[i], oslot[i]);
        free(okeys);
        free(oslot);
    }
    key_put_raw(s, key, doc);
    return 0;
}

/* ---- line checks ----------------------------------------------------------- */

/* A decimal number of 1 to 9 digits in s[0..n): its value, or -1. */
static long parse_index(const char *s, size_t n)
{
    if (n < 1 || n > 9)
        return -1;
    long v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

/* An actor code: "-" or "" (no actor), else groups of three characters, each
 * A-Z or 0-9, the first group possibly "---" (country unknown). */
static int actor_ok(const char *s, size_t n)
{
    if (n == 0 || (n == 1 && s[0] == '-'))
        return 1;
    if (n % 3)
        return 0;
    int unknown = !memcmp(s, "---", 3);
    for (size_t i = unknown ? 3 : 0; i < n; i++)
        if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9')))
            return 0;
    return 1;
}

static int modality_parse(dyad_gold_modality *m, const char *s, size_t n)
{
    for (size_t i = 0; i < sizeof modality_names / sizeof *modality_names; i++)
        if (strlen(modality_names[i]) == n && !memcmp(modality_names[i], s, n)) {
            *m = (dyad_gold_modality)i;
            return 0;
        }
    return -1;
}

/* A strict YYYY-MM-DD date (month 1-12, day 1-31). */
static int date_ok(const char *s, size_t n)
{
    if (n != 10 || s[4] != '-' || s[7] != '-')
        return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return 0;
    int mo = (s[5] - '0') * 10 + (s[6] - '0'), d = (s[8] - '0') * 10 + (s[9] - '0');
    return mo >= 1 && mo <= 12 && d >= 1 && d <= 31;
}

/* Up to max TAB-separated fields of line[0..n); the last one takes the rest
 * of the line (TABs included). Returns the number of fields. */
static int split_fields(const char *line, size_t n, int max, const char **f, size_t *flen)
{
    int k = 0;
    size_t start = 0;
    for (size_t i = 0; i <= n && k < max; i++) {
        if (i == n || (line[i] == '\t' && k < max - 1)) {
            f[k] = line + start;
            flen[k] = i - start;
            k++;
            start = i + 1;
        }
    }
    return k;
}

/* ---- the reader ------------------------------------------------------------ */

typedef struct reader {
    dyad_gold_set *s;
    dyad_diag *d;
    const char *name; /* arena copy */
    long line;
    int cur;          /* the current document, -1 before the first (or after a bad doc line) */
    int skip_items;   /* 1: the current doc line was rejected; its items are left out quietly */
} reader;

static void bad(reader *r, const char *fmt, const char *what, size_t n)
{
    r->s->errors++;
    dyad_diag_report(r->d, DYAD_DIAG_ERROR, r->name, r->line, fmt, (int)(n > 60 ? 60 : n), what);
}

static void bad0(reader *r, const char *msg)
{
    r->s->errors++;
    dyad_diag_report(r->d, DYAD_DIAG_ERROR, r->name, r->line, "%s", msg);
}

/* Closes the current document: an el document needs its text. */
static void end_doc(reader *r)
{
    if (r->cur < 0)
        return;
    dyad_gold_doc *doc = &r->s->doc[r->cur];
    if (doc->kind == DYAD_GOLD_EL && !doc->text) {
        doc->bad = 1;
        r->s->errors++;
        dyad_diag_report(r->d, DYAD_DIAG_ERROR, doc->file, doc->line,
                         "document %s has no text line; left out", doc->id);
    }
    r->cur = -1;
}

static int doc_line(reader *r, int nf, const char **f, const size_t *fl)
{
    end_doc(r);
    r->skip_items = 1;
    if (nf < 2 || fl[1] == 0)
        return bad0(r, "doc line without a document id (doc<TAB>agnews:ROW or el:INDEX)"), 0;
    if (nf > 2)
        return bad0(r, "doc line with more than one field after 'doc'"), 0;
    dyad_gold_kind kind;
    long index;
    if (fl[1] > 7 && !memcmp(f[1], "agnews:", 7)) {
        kind = DYAD_GOLD_AGNEWS;
        index = parse_index(f[1] + 7, fl[1] - 7);
        if (index == 0)
            index = -1;
    } else if (fl[1] > 3 && !memcmp(f[1], "el:", 3)) {
        kind = DYAD_GOLD_EL;
        index = parse_index(f[1] + 3, fl[1] - 3);
    } else {
        return bad(r, "unknown document id '%.*s' (agnews:ROW or el:INDEX)", f[1], fl[1]), 0;
    }
    if (index < 0)
        return bad(r, "bad document number in '%.*s' (agnews rows start at 1, el at 0)", f[1],
                   fl[1]),
               0;
    dyad_gold_set *s = r->s;
    long key = doc_key(kind, index);
    int prev = key_find(s, key);
    if (prev >= 0) {
        s->errors++;
        dyad_diag_report(r->d, DYAD_DIAG_ERROR, r->name, r->line,
                         "duplicate document %s (first at %s:%ld); this one is left out",
                         s->doc[prev].id, s->doc[prev].file, s->doc[prev].line);
        return 0;
    }
    if (s->ndocs == s->cap) {
        int cap = s->cap ? s->cap * 2 : 64;
        dyad_gold_doc *v = dyad_arena_alloc(s->a, (size_t)cap * sizeof *v);
        if (!v)
            return dyad_set_error(DYAD_ENOMEM, "out of memory");
        if (s->ndocs)
            memcpy(v, s->doc, (size_t)s->ndocs * sizeof *v);
        s->doc = v;
        s->cap = cap;
    }
    dyad_gold_doc *doc = &s->doc[s->ndocs];
    memset(doc, 0, sizeof *doc);
    doc->id = dyad_arena_strndup(s->a, f[1], fl[1]);
    if (!doc->id || key_add(s, key, s->ndocs))
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    doc->kind = kind;
    doc->index = index;
    doc->date = "";
    doc->file = r->name;
    doc->line = r->line;
    r->cur = s->ndocs++;
    r->skip_items = 0;
    return 0;
}

/* The document an item line belongs to, or NULL (reported when there is none). */
static dyad_gold_doc *item_doc(reader *r, const char *kind)
{
    if (r->cur >= 0)
        return &r->s->doc[r->cur];
    if (!r->skip_items)
        bad(r, "%.*s line before any doc line", kind, strlen(kind));
    return NULL;
}

static int text_line(reader *r, int nf, const char **f, const size_t *fl)
{
    dyad_gold_doc *doc = item_doc(r, "text");
    if (!doc)
        return 0;
    if (doc->kind != DYAD_GOLD_EL)
        return bad0(r, "text line in an AG News document (its text comes from the CSV)"), 0;
    if (doc->text)
        return bad0(r, "second text line for one document"), 0;
    size_t n = nf > 1 ? fl[1] : 0;
    const char *t = nf > 1 ? f[1] : "";
    while (n && (t[n - 1] == ' ' || t[n - 1] == '\t'))
        n--;
    if (!n)
        return bad0(r, "empty text line"), 0;
    long nbad = 0;
    size_t len;
    char *clean = dyad_utf8_sanitize(t, n, &len, &nbad);
    if (!clean)
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    free(clean);
    if (nbad)
        return bad0(r, "text line is not valid UTF-8 (or holds a NUL byte)"), 0;
    doc->text = dyad_arena_strndup(r->s->a, t, n);
    return doc->text ? 0 : dyad_set_error(DYAD_ENOMEM, "out of memory");
}

static int date_line(reader *r, int nf, const char **f, const size_t *fl)
{
    dyad_gold_doc *doc = item_doc(r, "date");
    if (!doc)
        return 0;
    if (*doc->date)
        return bad0(r, "second date line for one document"), 0;
    if (doc->nev)
        return bad0(r, "date line after the document's events (it follows the doc line)"), 0;
    if (nf < 2 || fl[1] == 0)
        return bad0(r, "date line without a date (date<TAB>YYYY-MM-DD)"), 0;
    if (nf > 2)
        return bad0(r, "date line with more than one field after 'date'"), 0;
    if (!date_ok(f[1], fl[1]))
        return bad(r, "bad date '%.*s' (YYYY-MM-DD)", f[1], fl[1]), 0;
    doc->date = dyad_arena_strndup(r->s->a, f[1], fl[1]);
    return doc->date ? 0 : dyad_set_error(DYAD_ENOMEM, "out of memory");
}

static int event_line(reader *r, int nf, const char **f, const size_t *fl)
{
    dyad_gold_doc *doc = item_doc(r, "event");
    if (!doc)
        return 0;
    static const char *const what[] = {"", "source", "target", "code", "modality"};
    if (nf < 5)
        return bad(r, "event line without its %.*s field (event<TAB>SOURCE<TAB>TARGET<TAB>CODE"
                      "<TAB>MODALITY[<TAB>NOTE])",
                   what[nf], strlen(what[nf])),
               0;
    if (!actor_ok(f[1], fl[1]))
        return bad(r, "bad source actor code '%.*s'", f[1], fl[1]), 0;
    if (!actor_ok(f[2], fl[2]))
        return bad(r, "bad target actor code '%.*s'", f[2], fl[2]), 0;
    char code[8];
    if (fl[3] < 3 || fl[3] > 4 || parse_index(f[3], fl[3]) < 0)
        return bad(r, "bad CAMEO code '%.*s' (3 or 4 digits)", f[3], fl[3]), 0;
    memcpy(code, f[3], fl[3]);
    code[fl[3]] = '\0';
    if (!dyad_cameo_valid(code))
        return bad(r, "'%.*s' is not a CAMEO event code", f[3], fl[3]), 0;
    dyad_gold_modality m;
    if (modality_parse(&m, f[4], fl[4]))
        return bad(r,
                   "bad modality '%.*s' (asserted, negated, future, intent, hypothetical, "
                   "attempted or claimed)",
                   f[4], fl[4]),
               0;
    dyad_gold_set *s = r->s;
    if (doc->nev == doc->cap) {
        int cap = doc->cap ? doc->cap * 2 : 8;
        dyad_gold_event *v = dyad_arena_alloc(s->a, (size_t)cap * sizeof *v);
        if (!v)
            return dyad_set_error(DYAD_ENOMEM, "out of memory");
        if (doc->nev)
            memcpy(v, doc->ev, (size_t)doc->nev * sizeof *v);
        doc->ev = v;
        doc->cap = cap;
    }
    dyad_gold_event *e = &doc->ev[doc->nev];
    int none_s = fl[1] == 1, none_t = fl[2] == 1; /* "-" (a 1-character code is only "-") */
    e->source = dyad_arena_strndup(s->a, f[1], none_s ? 0 : fl[1]);
    e->target = dyad_arena_strndup(s->a, f[2], none_t ? 0 : fl[2]);
    e->code = dyad_arena_strdup(s->a, code);
    e->note = dyad_arena_strndup(s->a, nf > 5 ? f[5] : "", nf > 5 ? fl[5] : 0);
    e->modality = m;
    e->line = r->line;
    if (!e->source || !e->target || !e->code || !e->note)
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    doc->nev++;
    return 0;
}

static int one_line(reader *r, const char *line, size_t n)
{
    if (n && line[n - 1] == '\r')
        n--;
    size_t i = 0;
    while (i < n && (line[i] == ' ' || line[i] == '\t'))
        i++;
    if (i == n || line[i] == '#')
        return 0; /* blank or comment */
    const char *f[6];
    size_t fl[6];
    int nf = split_fields(line, n, 6, f, fl);
    const char *k = f[0];
    size_t kl = fl[0];
#define IS(w) (kl == sizeof w - 1 && !memcmp(k, w, sizeof w - 1))
    if (IS("doc"))
        return doc_line(r, nf, f, fl);
    if (IS("text")) {
        nf = split_fields(line, n, 2, f, fl);
        return text_line(r, nf, f, fl);
    }
    if (IS("date"))
        return date_line(r, nf, f, fl);
    if (IS("event"))
        return event_line(r, nf, f, fl);
#undef IS
    /* "doc agnews:1" written with spaces */
    static const char *const kinds[] = {"doc ", "text ", "date ", "event "};
    for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++) {
        size_t l = strlen(kinds[i]);
        if (kl > l && !memcmp(k, kinds[i], l))
            return bad(r, "'%.*s' line: fields must be separated by a TAB, not spaces", k, l - 1), 0;
    }
    return bad(r, "unknown line kind '%.*s' (doc, text, date, event or a # comment)", k, kl), 0;
}

int dyad_gold_parse(dyad_gold_set *s, const char *name, const char *buf, size_t n, dyad_diag *d)
{
    reader r = {.s = s, .d = d, .cur = -1};
    r.name = dyad_arena_strdup(s->a, name ? name : "<memory>");
    if (!r.name)
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    size_t pos = 0;
    if (n >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3))
        pos = 3;
    int rc = 0;
    while (!rc && pos < n) {
        const char *nl = memchr(buf + pos, '\n', n - pos);
        size_t len = nl ? (size_t)(nl - (buf + pos)) : n - pos;
        r.line++;
        rc = one_line(&r, buf + pos, len);
        pos += len + (nl ? 1 : 0);
    }
    if (!rc)
        end_doc(&r);
    return rc;
}

int dyad_gold_read(dyad_gold_set *s, const char *path, dyad_diag *d)
{
    char *buf = NULL;
    size_t n = 0;
    int rc = dyad_read_file(path, &buf, &n);
    if (rc)
        return rc;
    rc = dyad_gold_parse(s, path, buf, n, d);
    free(buf);
    return rc;
}

/* ---- AG News ----------------------------------------------------------------- */

char *dyad_gold_agnews_unescape(dyad_arena *a, const char *s, size_t n)
{
    static const struct {
        const char *from, *to;
    } esc[] = {{"#39;", "'"},  {"quot;", "\""}, {"#36;", "$"}, {"&lt;", "<"},
               {"&gt;", ">"},  {"&amp;", "&"},  {"\\", " "}};
    char *out = dyad_arena_alloc(a, n + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        size_t k = 0;
        for (; k < sizeof esc / sizeof *esc; k++) {
            size_t l = strlen(esc[k].from);
            if (l <= n - i && !memcmp(s + i, esc[k].from, l)) {
                out[o++] = esc[k].to[0];
                i += l;
                break;
            }
        }
        if (k == sizeof esc / sizeof *esc)
            out[o++] = s[i++];
    }
    out[o] = '\0';
    return out;
}

/* One RFC 4180 field starting at *pos: appended to out (when not NULL);
 * *pos moves past its separator. Returns 1 when the field ends its record (a
 * line break or the end of the input), else 0. A quoted field may hold
 * separators, line breaks and doubled quotes; characters between its closing
 * quote and the separator are kept as they are. */
static int csv_field(const char *b, size_t n, size_t *pos, dyad_buf *out, int *oom)
{
    size_t i = *pos;
    int quoted = i < n && b[i] == '"';
    if (quoted) {
        i++;
        for (;;) {
            if (i >= n)
                break;
            if (b[i] == '"') {
                if (i + 1 < n && b[i + 1] == '"') {
                    if (out && dyad_buf_putc(out, '"'))
                        *oom = 1;
                    i += 2;
                    continue;
                }
                i++;
                break;
            }
            size_t j = i;
            while (j < n && b[j] != '"')
                j++;
            if (out && dyad_buf_append(out, b + i, j - i))
                *oom = 1;
            i = j;
        }
    }
    size_t j = i;
    while (j < n && b[j] != ',' && b[j] != '\n')
        j++;
    size_t end = j;
    if (end > i && j < n && b[j] == '\n' && b[end - 1] == '\r')
        end--;
    if (out && end > i && dyad_buf_append(out, b + i, end - i))
        *oom = 1;
    if (j >= n) {
        *pos = n;
        return 1;
    }
    *pos = j + 1;
    return b[j] == '\n';
}

int dyad_gold_agnews_texts_mem(dyad_gold_set *s, const char *name, const char *buf, size_t n,
                               dyad_diag *d)
{
    /* Record start offsets: record 0 is the header. */
    size_t *start = NULL, nrec = 0, cap = 0;
    size_t pos = 0;
    int oom = 0;
    while (pos < n) {
        if (nrec == cap) {
            size_t c2 = cap ? cap * 2 : 1024;
            size_t *v = realloc(start, c2 * sizeof *v);
            if (!v) {
                free(start);
                return dyad_set_error(DYAD_ENOMEM, "out of memory");
            }
            start = v;
            cap = c2;
        }
        start[nrec++] = pos;
        while (!csv_field(buf, n, &pos, NULL, &oom))
            ;
    }
    dyad_buf field[3];
    for (int k = 0; k < 3; k++)
        dyad_buf_init(&field[k]);
    int rc = 0;
    for (int i = 0; i < s->ndocs && !rc; i++) {
        dyad_gold_doc *doc = &s->doc[i];
        if (doc->kind != DYAD_GOLD_AGNEWS || doc->bad)
            continue;
        if (doc->index < 1 || (size_t)doc->index >= nrec) {
            doc->bad = 1;
            s->errors++;
            dyad_diag_report(d, DYAD_DIAG_ERROR, doc->file, doc->line,
                             "document %s: %s has no row %ld (%zu rows); left out", doc->id, name,
                             doc->index, nrec ? nrec - 1 : 0);
            continue;
        }
        size_t p = start[doc->index];
        int nf = 0, end = 0;
        for (int k = 0; k < 3; k++)
            field[k].len = 0;
        while (!end) {
            end = csv_field(buf, n, &p, nf < 3 ? &field[nf] : NULL, &oom);
            nf++;
        }
        if (oom) {
            rc = dyad_set_error(DYAD_ENOMEM, "out of memory");
            break;
        }
        if (nf < 3) {
            doc->bad = 1;
            s->errors++;
            dyad_diag_report(d, DYAD_DIAG_ERROR, doc->file, doc->line,
                             "document %s: row %ld of %s has %d fields, not 3 "
                             "(label,title,description); left out",
                             doc->id, doc->index, name, nf);
            continue;
        }
        char *title = dyad_gold_agnews_unescape(s->a, field[1].data ? field[1].data : "",
                                                field[1].len);
        char *desc = dyad_gold_agnews_unescape(s->a, field[2].data ? field[2].data : "",
                                               field[2].len);
        char *text = title && desc ? dyad_arena_printf(s->a, "%s.\n\n%s", title, desc) : NULL;
        if (!text) {
            rc = dyad_set_error(DYAD_ENOMEM, "out of memory");
            break;
        }
        /* The corpus is UTF-8; a stray invalid byte must not stop the JSON
         * writer: it becomes U+FFFD, as dyad's readers do. */
        long nbad = 0;
        size_t len;
        char *clean = dyad_utf8_sanitize(text, strlen(text), &len, &nbad);
        if (!clean) {
            rc = dyad_set_error(DYAD_ENOMEM, "out of memory");
            break;
        }
        doc->text = nbad ? dyad_arena_strndup(s->a, clean, len) : text;
        free(clean);
        if (!doc->text)
            rc = dyad_set_error(DYAD_ENOMEM, "out of memory");
    }
    for (int k = 0; k < 3; k++)
        dyad_buf_free(&field[k]);
    free(start);
    return rc;
}

int dyad_gold_agnews_texts(dyad_gold_set *s, const char *csv_path, dyad_diag *d)
{
    char *buf = NULL;
    size_t n = 0;
    int rc = dyad_read_file(csv_path, &buf, &n);
    if (rc)
        return rc;
    rc = dyad_gold_agnews_texts_mem(s, csv_path, buf, n, d);
    free(buf);
    return rc;
}
