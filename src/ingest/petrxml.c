/* petrxml.c: PETRARCH XML records, read with libxml2's SAX2 parser.
 *
 * The whole file is read at open and turned into a list of records, so next()
 * is an index increment. The steps:
 *  1. invalid UTF-8 -> U+FFFD (dyad_utf8_sanitize), one warning per line;
 *  2. layout fix-ups that keep every byte offset and line number (see
 *     px_fix_layout) and a wrapper element around the whole text, so that
 *     concatenated documents and a stray second root do not stop the parser;
 *  3. one SAX2 pass in recovery mode. The handler reads the document as a
 *     flat sequence of elements: <Sentence> starts a record, EventCoding/Text/
 *     Parse add to the current one, whether they are its children or (the
 *     UniversalPetrarch layout) its following siblings. libxml2 errors go to
 *     the dyad_diag sink through a structured error handler.
 * Nothing outside the file is ever read: no external DTD (no externalSubset
 * callback, no DTD loading option), no external entity and no parameter
 * entity (px_entity_decl declares internal general entities only: a reference
 * to another is reported with its line and left out, the text around it
 * kept), no XInclude (nothing processes it in SAX), no network (NONET).
 * Internal entities are expanded (without XML_PARSE_NOENT, which would make
 * libxml2 load external ones, SAX still delivers their text), but not the
 * references inside an entity's text (a "billion laughs" nests them), and at
 * most PX_MAX_ENTITY_BYTES in all per file (see px_get_entity); within
 * libxml2's own amplification limits too (no XML_PARSE_HUGE). What is left
 * out is reported with the line of the reference; the text around it stays.
 * No DOM is built. A record whose <Sentence> (or <Text>/<Parse>) is still
 * open when the parser stops is incomplete: reported as an error, dropped. */
#include "ingest/petrxml.h"
#include "ingest/infile.h"

#include <libxml/SAX2.h>
#include <libxml/entities.h>
#include <libxml/hash.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define PX_WRAP "dyad-petrxml-wrapper"
#define PX_MAX_XML_MSGS 50  /* libxml2 messages shown per file (all are counted) */
#define PX_MAX_UTF8_MSGS 20 /* lines with invalid UTF-8 shown per file */
#define PX_MAX_ENTITY_BYTES (1u << 20) /* text from internal entities kept per file */
/* Not XML_PARSE_NOENT (libxml2 then loads external entities), DTDLOAD,
 * DTDATTR, DTDVALID, XINCLUDE or HUGE. OLDSAX: see px_get_entity. */
#define PX_OPTIONS (XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR | \
                    XML_PARSE_NOWARNING | XML_PARSE_NOCDATA | XML_PARSE_IGNORE_ENC | \
                    XML_PARSE_OLDSAX)

struct dyad_petrxml {
    char *name;          /* for messages; malloc'd */
    dyad_arena *arena;   /* records, environment, strings */
    dyad_diag *diag;
    dyad_environment env;
    dyad_record *recs;   /* malloc'd */
    int nrecs, caprecs, next;
    long errors;
    int cut_off;         /* the input ends inside an element (see dyad_petrxml_cut_off) */
};

typedef enum { PX_NONE, PX_TEXT, PX_PARSE, PX_ENV } px_field;

/* A growable list of arena strings (malloc'd array, copied to the arena at the end). */
typedef struct px_list {
    const char **v;
    int n, cap;
} px_list;

/* State of the SAX pass (lives during open only). */
typedef struct px_state {
    dyad_petrxml *r;
    xmlParserCtxtPtr ctxt;
    int depth;          /* depth of the element being handled */
    int env_depth;      /* depth of <Environment>; 0 outside */
    int have_cur;       /* a record is being built in cur */
    dyad_record cur;
    int sent_depth;     /* depth of the open <Sentence>; 0 once closed */
    int sent_level;     /* depth the current record's <Sentence> had */
    int sent_children;  /* elements seen inside the open <Sentence> */
    dyad_coding *codings;
    int ncodings, capcodings;
    dyad_option *pending; /* <Config> for the next record */
    int npending, cappending;
    dyad_option *envcfg;
    int nenvcfg, capenvcfg;
    px_list actors, include, exclude; /* <Environment> lists */
    px_field field;     /* element whose text is being collected */
    int field_depth;
    const char *field_name;
    dyad_buf text;
    long nxml;          /* libxml2 messages seen */
    xmlHashTablePtr unread; /* entities declared and never read: (name, "&" or "%") */
    size_t entity_bytes;    /* text of the internal entities expanded so far */
    int entity_nested, entity_cut, entity_loop; /* refusals reported (once each) */
    int oom;
} px_state;

/* ---- small helpers --------------------------------------------------- */

static int px_is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/* First occurrence of the short string pat in s[0..n), or NULL (memmem is GNU). */
static const char *px_find(const char *s, size_t n, const char *pat)
{
    size_t k = strlen(pat);
    const char *end = s + n, *p = s;
    while (k && (size_t)(end - p) >= k) {
        p = memchr(p, pat[0], (size_t)(end - p) - k + 1);
        if (!p)
            return NULL;
        if (!memcmp(p, pat, k))
            return p;
        p++;
    }
    return NULL;
}

/* data (an array of *cap items, n used) with room for one more: the same or a
 * moved array, NULL on out of memory (data is then still valid). */
static void *px_grow(void *data, int *cap, int n, size_t elem)
{
    if (n < *cap)
        return data;
    if (*cap > INT_MAX / 2)
        return NULL;
    int nc = *cap ? *cap * 2 : 8;
    void *p = realloc(data, (size_t)nc * elem);
    if (p)
        *cap = nc;
    return p;
}

static void px_oom(px_state *st)
{
    st->oom = 1;
    xmlStopParser(st->ctxt);
}

static void px_report(px_state *st, dyad_diag_level lvl, long line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void px_report(px_state *st, dyad_diag_level lvl, long line, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (lvl == DYAD_DIAG_ERROR)
        st->r->errors++;
    dyad_diag_report(st->r->diag, lvl, st->r->name, line, "%s", msg);
}

/* Line of the '<' of the start tag being reported (the parser is at its end). */
static long px_tag_line(xmlParserCtxtPtr ctxt)
{
    xmlParserInputPtr in = ctxt->input;
    long line = in->line;
    for (const xmlChar *p = in->cur; p > in->base;) {
        p--;
        if (*p == '<')
            break;
        if (*p == '\n')
            line--;
    }
    return line;
}

/* Value of attribute name (arena copy), NULL when absent. Without
 * XML_PARSE_NOENT libxml2 leaves references in attribute values ("&i;", and
 * "&#38;" for "&amp;"): they are decoded here as libxml2's tree builder does
 * (entities through px_get_entity). */
static const char *px_attr(px_state *st, const xmlChar **attrs, int nattr, const char *name)
{
    for (int i = 0; i < nattr; i++) {
        const xmlChar **a = attrs + 5 * i;
        if (strcmp((const char *)a[0], name) != 0)
            continue;
        const char *s = (const char *)a[3];
        size_t n = (size_t)(a[4] - a[3]);
        xmlChar *dec = NULL;
        if (memchr(s, '&', n) && n <= INT_MAX &&
            (dec = xmlStringLenDecodeEntities(st->ctxt, a[3], (int)n, XML_SUBSTITUTE_REF, 0, 0,
                                              0))) {
            s = (const char *)dec;
            n = strlen(s);
        }
        const char *v = dyad_arena_strndup(st->r->arena, s, n);
        xmlFree(dec);
        if (!v)
            px_oom(st);
        return v;
    }
    return NULL;
}

static const char *px_or_empty(const char *s) { return s ? s : ""; }

static int px_truthy(const char *v)
{
    return v && (!strcasecmp(v, "true") || !strcmp(v, "1") || !strcasecmp(v, "yes"));
}

/* s[0..n) with runs of whitespace collapsed to one space, trimmed. */
static char *px_collapse(dyad_arena *a, const char *s, size_t n)
{
    char *out = dyad_arena_alloc(a, n + 1);
    size_t k = 0;
    int space = 0;
    if (!out)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        if (px_is_ws(s[i])) {
            space = k > 0;
            continue;
        }
        if (space)
            out[k++] = ' ';
        space = 0;
        out[k++] = s[i];
    }
    out[k] = 0;
    return out;
}

/* ---- environment ----------------------------------------------------- */

static void *px_keep(px_state *st, const void *items, int n, size_t elem);

/* Appends the seps-separated, trimmed, non-empty items of s to l. */
static int px_split(dyad_arena *a, const char *s, const char *seps, px_list *l)
{
    for (const char *p = s; *p;) {
        size_t len = strcspn(p, seps);
        char *item = px_collapse(a, p, len);
        if (!item)
            return DYAD_ENOMEM;
        if (*item) {
            const char **v = px_grow(l->v, &l->cap, l->n, sizeof(char *));
            if (!v)
                return DYAD_ENOMEM;
            l->v = v;
            l->v[l->n++] = item;
        }
        p += len + (p[len] != 0);
    }
    return 0;
}

static void px_env_set(px_state *st, const char *name, const char *s, size_t n)
{
    dyad_environment *e = &st->r->env;
    dyad_arena *a = st->r->arena;
    char *v = px_collapse(a, s, n);
    int rc = 0;
    if (!v) {
        px_oom(st);
        return;
    }
    const char *val = *v ? v : NULL; /* empty element = absent */
    if (!strcmp(name, "Verbfile"))
        e->verbfile = val;
    else if (!strcmp(name, "Agentfile"))
        e->agentfile = val;
    else if (!strcmp(name, "Discardfile"))
        e->discardfile = val;
    else if (!strcmp(name, "Issuefile"))
        e->issuefile = val;
    else if (!strcmp(name, "Actorfile"))
        rc = px_split(a, v, ",", &st->actors);
    else if (!strcmp(name, "Include"))
        rc = px_split(a, v, " ,", &st->include);
    else if (!strcmp(name, "Exclude"))
        rc = px_split(a, v, " ,", &st->exclude);
    if (rc)
        px_oom(st);
}

/* The environment's lists into the arena; "valid" taken out of Include. */
static void px_env_finish(px_state *st)
{
    dyad_environment *e = &st->r->env;
    int k = 0;
    for (int i = 0; i < st->include.n; i++) {
        if (!strcasecmp(st->include.v[i], "valid"))
            e->valid_only = 1;
        else
            st->include.v[k++] = st->include.v[i];
    }
    st->include.n = k;
    e->actorfiles = px_keep(st, st->actors.v, st->actors.n, sizeof(char *));
    e->nactorfiles = e->actorfiles ? st->actors.n : 0;
    e->include = px_keep(st, st->include.v, st->include.n, sizeof(char *));
    e->ninclude = e->include ? st->include.n : 0;
    e->exclude = px_keep(st, st->exclude.v, st->exclude.n, sizeof(char *));
    e->nexclude = e->exclude ? st->exclude.n : 0;
    e->config = px_keep(st, st->envcfg, st->nenvcfg, sizeof(dyad_option));
    e->nconfig = e->config ? st->nenvcfg : 0;
}

static int px_env_key(const char *name)
{
    static const char *const keys[] = {"Verbfile", "Actorfile", "Agentfile", "Discardfile",
                                       "Issuefile", "Include", "Exclude"};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        if (!strcmp(name, keys[i]))
            return 1;
    return 0;
}

/* ---- records ----------------------------------------------------------- */

static void px_field_start(px_state *st, px_field f, const char *name)
{
    st->field = f;
    st->field_depth = st->depth;
    st->field_name = name;
    st->text.len = 0;
    if (st->text.data)
        st->text.data[0] = 0;
}

static void px_field_end(px_state *st)
{
    const char *s = st->text.data ? st->text.data : "";
    size_t n = st->text.len;
    dyad_arena *a = st->r->arena;
    px_field f = st->field;
    st->field = PX_NONE;
    if (f == PX_ENV) {
        px_env_set(st, st->field_name, s, n);
        return;
    }
    char *v = f == PX_TEXT ? px_collapse(a, s, n) : dyad_arena_strndup(a, s, n);
    if (!v)
        px_oom(st);
    else if (f == PX_TEXT)
        st->cur.text = v;
    else
        st->cur.parse = v;
}

/* <Config option= value=>: for the environment or the next record. */
static void px_config(px_state *st, const xmlChar **attrs, int nattr, int in_env)
{
    const char *opt = px_attr(st, attrs, nattr, "option");
    const char *val = px_attr(st, attrs, nattr, "value");
    if (!opt) {
        px_report(st, DYAD_DIAG_WARNING, px_tag_line(st->ctxt), "<Config> without option= ignored");
        return;
    }
    dyad_option **arr = in_env ? &st->envcfg : &st->pending;
    int *n = in_env ? &st->nenvcfg : &st->npending;
    int *cap = in_env ? &st->capenvcfg : &st->cappending;
    dyad_option *v = px_grow(*arr, cap, *n, sizeof(dyad_option));
    if (!v) {
        px_oom(st);
        return;
    }
    *arr = v;
    v[(*n)++] = (dyad_option){opt, px_or_empty(val)};
}

/* Copy of n items into the arena (NULL for none). */
static void *px_keep(px_state *st, const void *items, int n, size_t elem)
{
    if (n <= 0)
        return NULL;
    void *p = dyad_arena_alloc(st->r->arena, elem * (size_t)n);
    if (!p)
        px_oom(st);
    else
        memcpy(p, items, elem * (size_t)n);
    return p;
}

static void px_record_finish(px_state *st)
{
    dyad_petrxml *r = st->r;
    st->have_cur = 0;
    st->sent_depth = 0;
    if (st->field == PX_TEXT || st->field == PX_PARSE)
        px_field_end(st);
    st->cur.codings = px_keep(st, st->codings, st->ncodings, sizeof(dyad_coding));
    st->cur.ncodings = st->cur.codings ? st->ncodings : 0;
    dyad_record *recs = px_grow(r->recs, &r->caprecs, r->nrecs, sizeof(dyad_record));
    if (!recs) {
        px_oom(st);
        return;
    }
    r->recs = recs;
    r->recs[r->nrecs++] = st->cur;
}

static void px_sentence_start(px_state *st, const xmlChar **attrs, int nattr)
{
    if (st->have_cur)
        px_record_finish(st);
    memset(&st->cur, 0, sizeof st->cur);
    st->have_cur = 1;
    st->cur.id = px_or_empty(px_attr(st, attrs, nattr, "id"));
    st->cur.date = px_or_empty(px_attr(st, attrs, nattr, "date"));
    st->cur.category = px_or_empty(px_attr(st, attrs, nattr, "category"));
    st->cur.line = px_tag_line(st->ctxt);
    st->sent_depth = st->sent_level = st->depth;
    st->sent_children = 0;
    st->ncodings = 0;
    st->cur.config = px_keep(st, st->pending, st->npending, sizeof(dyad_option));
    st->cur.nconfig = st->cur.config ? st->npending : 0;
    st->npending = 0;
}

/* </Sentence>: a record with content is done; an empty <Sentence/> takes the
 * elements that follow it (UniversalPetrarch layout). */
static void px_sentence_end(px_state *st)
{
    st->sent_depth = 0;
    if (st->sent_children > 0)
        px_record_finish(st);
}

static void px_coding(px_state *st, const xmlChar **attrs, int nattr)
{
    const char *noev = px_attr(st, attrs, nattr, "noevents");
    const char *src = px_attr(st, attrs, nattr, "sourcecode");
    const char *tgt = px_attr(st, attrs, nattr, "targetcode");
    const char *ev = px_attr(st, attrs, nattr, "eventcode");
    const char *error = px_attr(st, attrs, nattr, "error");
    if (px_truthy(noev))
        st->cur.noevents = 1;
    if (error)
        st->cur.error = error;
    if (!src && !tgt && !ev) {
        if (!noev && !error)
            px_report(st, DYAD_DIAG_WARNING, px_tag_line(st->ctxt),
                      "<EventCoding> without codes ignored (record '%s')", st->cur.id);
        return;
    }
    dyad_coding *c = px_grow(st->codings, &st->capcodings, st->ncodings, sizeof(dyad_coding));
    if (!c) {
        px_oom(st);
        return;
    }
    st->codings = c;
    st->codings[st->ncodings++] = (dyad_coding){px_or_empty(src), px_or_empty(tgt),
                                                px_or_empty(ev)};
}

/* EventCoding, Text or Parse: part of the current record. */
static void px_record_part(px_state *st, const char *name, const xmlChar **attrs, int nattr)
{
    if (!st->have_cur) {
        px_report(st, DYAD_DIAG_WARNING, px_tag_line(st->ctxt),
                  "<%s> outside a <Sentence> ignored", name);
        return;
    }
    if (name[0] == 'E') {
        px_coding(st, attrs, nattr);
        return;
    }
    int text = name[0] == 'T';
    if (text ? st->cur.text != NULL : st->cur.parse != NULL)
        px_report(st, DYAD_DIAG_WARNING, px_tag_line(st->ctxt),
                  "record '%s' has a second <%s>; the last one is used", st->cur.id, name);
    if (!text)
        st->cur.parse_line = st->ctxt->input->line;
    px_field_start(st, text ? PX_TEXT : PX_PARSE, name);
}

/* ---- SAX callbacks ----------------------------------------------------- */

static void px_start(void *ctx, const xmlChar *localname, const xmlChar *prefix,
                     const xmlChar *uri, int nns, const xmlChar **ns, int nattr, int ndef,
                     const xmlChar **attrs)
{
    px_state *st = ctx;
    const char *name = (const char *)localname;
    (void)prefix, (void)uri, (void)nns, (void)ns, (void)ndef;
    st->depth++;
    if (st->sent_depth)
        st->sent_children++;
    if (st->field != PX_NONE || st->oom)
        return; /* markup inside <Text>/<Parse>: only its text counts */
    if (st->env_depth) {
        if (!strcmp(name, "Config"))
            px_config(st, attrs, nattr, 1);
        else if (px_env_key(name))
            px_field_start(st, PX_ENV, name);
    } else if (!strcmp(name, "Environment")) {
        st->env_depth = st->depth;
    } else if (!strcmp(name, "Sentence")) {
        px_sentence_start(st, attrs, nattr);
    } else if (!strcmp(name, "Config")) {
        px_config(st, attrs, nattr, 0);
    } else if (!strcmp(name, "EventCoding") || !strcmp(name, "Text") || !strcmp(name, "Parse")) {
        px_record_part(st, name, attrs, nattr);
    }
}

static void px_end(void *ctx, const xmlChar *localname, const xmlChar *prefix,
                   const xmlChar *uri)
{
    px_state *st = ctx;
    (void)localname, (void)prefix, (void)uri;
    if (st->field != PX_NONE && st->depth == st->field_depth)
        px_field_end(st);
    if (st->env_depth == st->depth)
        st->env_depth = 0;
    if (st->have_cur && st->sent_depth == st->depth)
        px_sentence_end(st);
    else if (st->have_cur && !st->sent_depth && st->depth < st->sent_level)
        px_record_finish(st); /* the parent of a <Sentence/> closes */
    st->depth--;
}

static void px_chars(void *ctx, const xmlChar *ch, int len)
{
    px_state *st = ctx;
    if (st->field != PX_NONE && !st->oom && dyad_buf_append(&st->text, (const char *)ch, (size_t)len))
        px_oom(st);
}

/* ---- entities ------------------------------------------------------------ */

/* Only internal general entities are declared (libxml2 keeps them in the
 * document st->ctxt->myDoc, made for that in px_parse); external entities
 * (SYSTEM, PUBLIC) and parameter entities are remembered, so that a reference
 * to one is reported as such, and never read. */
static void px_entity_decl(void *ctx, const xmlChar *name, int type, const xmlChar *pub,
                           const xmlChar *sys, xmlChar *content)
{
    px_state *st = ctx;
    if (type == XML_INTERNAL_GENERAL_ENTITY) {
        xmlSAX2EntityDecl(st->ctxt, name, type, pub, sys, content);
        return;
    }
    int pe = type == XML_INTERNAL_PARAMETER_ENTITY || type == XML_EXTERNAL_PARAMETER_ENTITY;
    if (!st->unread)
        st->unread = xmlHashCreate(16);
    if (st->unread)
        xmlHashAddEntry2(st->unread, name, (const xmlChar *)(pe ? "%" : "&"), (void *)1);
}

static long px_line(const px_state *st);

/* The entity a reference names: a predefined one (&amp; ...), an internal one
 * declared in the file, or NULL. NULL too (refused, reported once per file)
 * for a reference inside another entity's text, which is how a "billion
 * laughs" grows (the document's parser counts the entities it is inside in
 * depth), and once PX_MAX_ENTITY_BYTES have been expanded in all. libxml2
 * falls back to its own lookup when this gives NULL, unless the parser's
 * userData is not the parser itself: px_parse sees to that.
 * After any error in the document (reported, and recovered from), libxml2
 * drops every reference it meets, even &amp;, without a word: the document's
 * parser is told here that all is well (XML_PARSE_OLDSAX brings the
 * predefined entities here too), so that the entity's text is read. */
static xmlEntityPtr px_get_entity(void *ctx, const xmlChar *name)
{
    px_state *st = ctx;
    xmlEntityPtr ent = xmlGetPredefinedEntity(name);
    if (ent) {
        st->ctxt->wellFormed = 1;
        return ent;
    }
    ent = st->ctxt->myDoc ? xmlGetDocEntity(st->ctxt->myDoc, name) : NULL;
    if (!ent || ent->etype != XML_INTERNAL_GENERAL_ENTITY)
        return NULL;
    if (st->ctxt->depth > 0) {
        if (!st->entity_nested++)
            px_report(st, DYAD_DIAG_ERROR, px_line(st),
                      "XML: entity &%.60s; inside another entity's text not expanded (nested "
                      "entities are not read): left out",
                      (const char *)name);
        return NULL;
    }
    if (st->entity_bytes + (size_t)ent->length > PX_MAX_ENTITY_BYTES) {
        if (!st->entity_cut++)
            px_report(st, DYAD_DIAG_ERROR, px_line(st),
                      "XML: entities expand to over %u bytes in all: &%.60s; and the later "
                      "references are left out",
                      PX_MAX_ENTITY_BYTES, (const char *)name);
        return NULL;
    }
    st->entity_bytes += (size_t)ent->length;
    st->ctxt->wellFormed = 1;
    return ent;
}

/* <!DOCTYPE root SYSTEM "uri" [...]>: the external DTD is not read; said. */
static void px_internal_subset(void *ctx, const xmlChar *name, const xmlChar *ext,
                               const xmlChar *sys)
{
    px_state *st = ctx;
    (void)name;
    if (ext || sys)
        px_report(st, DYAD_DIAG_WARNING, px_line(st),
                  "XML: the external DTD \"%.200s\" is not read (dyad reads no DTD, file or "
                  "URL named in its input)",
                  (const char *)(sys ? sys : ext));
}

/* <!ENTITY name SYSTEM "uri" NDATA type>: remembered, never read. */
static void px_unparsed_entity_decl(void *ctx, const xmlChar *name, const xmlChar *pub,
                                    const xmlChar *sys, const xmlChar *notation)
{
    (void)pub, (void)sys, (void)notation;
    px_entity_decl(ctx, name, XML_EXTERNAL_GENERAL_UNPARSED_ENTITY, NULL, NULL, NULL);
}

/* Not called (nothing external is declared): refuses all the same. */
static xmlParserInputPtr px_resolve_entity(void *ctx, const xmlChar *pub, const xmlChar *sys)
{
    (void)ctx, (void)pub, (void)sys;
    return NULL;
}

/* The line the document's parser is at (an entity's text has lines of its own). */
static long px_line(const px_state *st) { return st->ctxt ? st->ctxt->input->line : 0; }

/* libxml2's messages about entities, said in dyad's terms with the line of
 * the reference in the file: 1 if handled. */
static int px_entity_message(px_state *st, xmlErrorPtr e)
{
    if (e->code == XML_ERR_ENTITY_LOOP) { /* libxml2's amplification limit */
        if (!st->entity_loop++)
            px_report(st, DYAD_DIAG_ERROR, px_line(st),
                      "XML: too many entity references (libxml2's limit): left out");
        return 1;
    }
    if (e->code != XML_ERR_UNDECLARED_ENTITY && e->code != XML_WAR_UNDECLARED_ENTITY)
        return 0;
    const xmlChar *name = (const xmlChar *)e->str1;
    if (!name)
        return 0;
    int pe = strstr(e->message, "PEReference") != NULL;
    if (st->unread && xmlHashLookup2(st->unread, name, (const xmlChar *)(pe ? "%" : "&"))) {
        px_report(st, DYAD_DIAG_ERROR, px_line(st),
                  "XML: %s %s%.60s; not read (dyad reads no DTD, file or URL named in its "
                  "input): left out",
                  pe ? "parameter entity" : "external entity", pe ? "%" : "&",
                  (const char *)name);
        return 1;
    }
    /* declared, but refused by px_get_entity: already reported */
    return !pe && st->ctxt->myDoc && xmlGetDocEntity(st->ctxt->myDoc, name);
}

/* A message about the wrapper element, which is not in the file, said in
 * the file's terms: 1 if handled (reported or dropped). */
static int px_wrapper_message(px_state *st, xmlErrorPtr e)
{
    if (!strstr(e->message, PX_WRAP))
        return 0;
    int open_wrap = e->str1 && !strcmp(e->str1, PX_WRAP);
    int close_wrap = e->str2 && !strcmp(e->str2, PX_WRAP);
    if (e->code != XML_ERR_TAG_NAME_MISMATCH || (!open_wrap && !close_wrap))
        return 1; /* e.g. the end of data inside the wrapper: nothing missing */
    if (close_wrap) {
        st->r->cut_off = 1;
        px_report(st, DYAD_DIAG_ERROR, e->line,
                  "XML: <%.60s> (line %d) is not closed at the end of the file", e->str1,
                  e->int1);
    } else {
        px_report(st, DYAD_DIAG_ERROR, e->line, "XML: </%.60s> closes no open element",
                  e->str2 ? e->str2 : "?");
    }
    return 1;
}

static void px_xml_message(px_state *st, xmlErrorPtr e)
{
    if (!e || !e->message || px_wrapper_message(st, e) || px_entity_message(st, e))
        return;
    int err = e->level >= XML_ERR_ERROR;
    if (err)
        st->r->errors++;
    if (st->nxml++ == PX_MAX_XML_MSGS)
        dyad_diag_report(st->r->diag, DYAD_DIAG_WARNING, st->r->name, e->line,
                         "further XML problems not shown");
    if (st->nxml > PX_MAX_XML_MSGS)
        return;
    size_t len = strlen(e->message);
    while (len && (e->message[len - 1] == '\n' || e->message[len - 1] == ' '))
        len--;
    dyad_diag_report(st->r->diag, err ? DYAD_DIAG_ERROR : DYAD_DIAG_WARNING, st->r->name,
                     e->line, "XML: %.*s", (int)len, e->message);
}

static void px_sax_error(void *ctx, xmlErrorPtr e)
{
    px_xml_message(ctx, e);
}

static void px_global_error(void *st, xmlErrorPtr e) { px_xml_message(st, e); }

static void px_quiet(void *ctx, const char *msg, ...)
{
    (void)ctx, (void)msg;
}

/* ---- input preparation ------------------------------------------------- */

/* One warning per line that had invalid UTF-8: walks the input and its
 * sanitized copy side by side (each bad byte became the 3 bytes of U+FFFD). */
static void px_utf8_warnings(dyad_petrxml *r, const char *raw, size_t n, const char *clean,
                             size_t cn)
{
    static const char fffd[] = "\xEF\xBF\xBD";
    size_t i = 0, j = 0;
    long line = 1, last = 0, lines = 0;
    while (i < n && j < cn) {
        int repl = j + 3 <= cn && !memcmp(clean + j, fffd, 3);
        if (repl && !(i + 3 <= n && !memcmp(raw + i, fffd, 3))) {
            if (line != last && ++lines <= PX_MAX_UTF8_MSGS)
                dyad_diag_report(r->diag, DYAD_DIAG_WARNING, r->name, line,
                                 "invalid UTF-8 replaced by U+FFFD");
            last = line;
            i++;
            j += 3;
            continue;
        }
        size_t k = repl ? 3 : 1;
        line += raw[i] == '\n';
        i += k;
        j += k;
    }
    if (lines > PX_MAX_UTF8_MSGS)
        dyad_diag_report(r->diag, DYAD_DIAG_WARNING, r->name, 0,
                         "invalid UTF-8 on %ld more lines", lines - PX_MAX_UTF8_MSGS);
}

/* 1 when s[0..n) is ASCII without NUL (valid UTF-8: no sanitizing needed). */
static int px_plain_ascii(const char *s, size_t n)
{
    uint64_t acc = 0, w;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) { /* a word at a time */
        memcpy(&w, s + i, 8);
        acc |= w;
    }
    for (; i < n; i++)
        acc |= (unsigned char)s[i];
    return !(acc & 0x8080808080808080ull) && !memchr(s, 0, n);
}

/* Bytes before the wrapper: a BOM, the XML declaration, a DOCTYPE. */
static size_t px_prolog_len(const char *s, size_t n)
{
    size_t i = 0;
    if (n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3))
        i = 3;
    if (n - i >= 6 && !memcmp(s + i, "<?xml", 5) && px_is_ws(s[i + 5])) {
        const char *e = px_find(s + i, n - i, "?>");
        if (!e)
            return i;
        i = (size_t)(e - s) + 2;
    }
    size_t k = i;
    while (k < n && px_is_ws(s[k]))
        k++;
    if (n - k < 9 || memcmp(s + k, "<!DOCTYPE", 9) != 0)
        return i;
    for (int sub = 0; k < n; k++) {
        sub += (s[k] == '[') - (s[k] == ']');
        if (s[k] == '>' && sub <= 0)
            return k + 1;
    }
    return i;
}

typedef struct px_fix {
    char *s;
    size_t n, i;
    char *slash; /* '/' of the last <Sentence .../>, until </Sentence> or <Sentence> */
    int field;   /* inside <Text> or <Parse> */
} px_fix;

/* s+i starts with tag followed by a space, '/', '>' or the end. */
static int px_tag_is(const px_fix *f, const char *tag)
{
    size_t k = strlen(tag);
    if (f->n - f->i < k || memcmp(f->s + f->i, tag, k) != 0)
        return 0;
    return f->i + k == f->n || px_is_ws(f->s[f->i + k]) || f->s[f->i + k] == '/' ||
           f->s[f->i + k] == '>';
}

/* Index of the '>' closing the tag that starts at i (quotes respected), or n. */
static size_t px_tag_end(const char *s, size_t n, size_t i)
{
    char q = 0;
    for (; i < n; i++) {
        if (q) {
            q = s[i] == q ? 0 : q;
        } else if (s[i] == '"' || s[i] == '\'') {
            q = s[i];
        } else if (s[i] == '>') {
            return i;
        }
    }
    return n;
}

static void px_skip_past(px_fix *f, const char *end)
{
    const char *p = px_find(f->s + f->i, f->n - f->i, end);
    f->i = p ? (size_t)(p - f->s) + strlen(end) : f->n;
}

/* <Sentence ...>, <Text ...>, <Parse ...>: remembers a self-closed
 * <Sentence/>'s slash and whether a Text/Parse is open. */
static void px_fix_open_tag(px_fix *f, int sent)
{
    size_t gt = px_tag_end(f->s, f->n, f->i);
    int empty = gt < f->n && f->s[gt - 1] == '/';
    if (sent)
        f->slash = empty ? f->s + gt - 1 : NULL;
    else
        f->field = !empty;
    f->i = gt < f->n ? gt + 1 : f->n;
}

/* At a '<' outside comments and banners; advances past what it handled. */
static void px_fix_markup(px_fix *f)
{
    char c = f->i + 1 < f->n ? f->s[f->i + 1] : 0;
    if (c == '!' && px_tag_is(f, "<!--")) {
        px_skip_past(f, "-->");
    } else if (c == '!' && f->n - f->i >= 9 && !memcmp(f->s + f->i, "<![CDATA[", 9)) {
        px_skip_past(f, "]]>");
    } else if (c == 'S' && px_tag_is(f, "<Sentence")) {
        px_fix_open_tag(f, 1);
    } else if ((c == 'T' && px_tag_is(f, "<Text")) || (c == 'P' && px_tag_is(f, "<Parse"))) {
        px_fix_open_tag(f, 0);
    } else if (c == '/' && px_tag_is(f, "</Sentence")) {
        if (f->slash)
            *f->slash = ' '; /* <Sentence .../> ... </Sentence> becomes one element */
        f->slash = NULL;
        f->i++;
    } else if (c == '/' && (px_tag_is(f, "</Text") || px_tag_is(f, "</Parse"))) {
        f->field = 0;
        f->i++;
    } else {
        f->i++;
    }
}

/* A line whose first non-blank byte is '#': its '<' and '&' become '[' and '+'.
 * Returns the index after the line. */
static size_t px_fix_banner(char *s, size_t i, size_t end)
{
    for (; i < end; i++)
        if (s[i] == '<' || s[i] == '&')
            s[i] = s[i] == '<' ? '[' : '+';
    return end;
}

/* Layout fix-ups, each byte for byte (offsets and lines do not move):
 * - "<Sentence .../>" followed by "</Sentence>" before the next <Sentence>:
 *   the '/' becomes a space, so the record is one element again;
 * - lines starting with '#' outside comments, <Text> and <Parse> are banner
 *   text: their '<' and '&' become '[' and '+', so that "<EventCoding...>" in a
 *   banner does not open an element.
 * memchr-driven and linear: the end of the current line is found once. */
static void px_fix_layout(char *s, size_t n)
{
    px_fix f = {.s = s, .n = n};
    size_t eol = 0; /* end of the line holding f.i ('\n' or n); valid when > f.i */
    int bol = 1;
    while (f.i < n) {
        int start = bol;
        while (bol && f.i < n && (s[f.i] == ' ' || s[f.i] == '\t' || s[f.i] == '\r'))
            f.i++;
        bol = 0;
        if (eol <= f.i) {
            const char *nl = memchr(s + f.i, '\n', n - f.i);
            eol = nl ? (size_t)(nl - s) : n;
        }
        if (start && f.i < n && s[f.i] == '#' && !f.field) {
            f.i = px_fix_banner(s, f.i, eol);
        } else {
            const char *lt = memchr(s + f.i, '<', eol - f.i);
            if (lt) {
                f.i = (size_t)(lt - s);
                px_fix_markup(&f);
                continue;
            }
            f.i = eol;
        }
        f.i += f.i < n; /* past the '\n' */
        bol = 1;
    }
}

/* The text handed to libxml2: prolog, <wrapper>, fixed body, </wrapper>. */
static int px_prepare(dyad_buf *doc, const char *s, size_t n)
{
    size_t head = px_prolog_len(s, n);
    if (dyad_buf_append(doc, s, head) || dyad_buf_puts(doc, "<" PX_WRAP ">"))
        return DYAD_ENOMEM;
    size_t body = doc->len;
    if (dyad_buf_append(doc, s + head, n - head))
        return DYAD_ENOMEM;
    px_fix_layout(doc->data + body, n - head);
    if (dyad_buf_puts(doc, "</" PX_WRAP ">\n"))
        return DYAD_ENOMEM;
    return 0;
}

/* ---- the pass ------------------------------------------------------------ */

static void px_sax_init(xmlSAXHandler *h)
{
    memset(h, 0, sizeof *h);
    h->initialized = XML_SAX2_MAGIC;
    h->startElementNs = px_start;
    h->endElementNs = px_end;
    h->characters = px_chars;
    h->ignorableWhitespace = px_chars;
    h->cdataBlock = px_chars;
    h->serror = px_sax_error;
    h->internalSubset = px_internal_subset;
    h->entityDecl = px_entity_decl;
    h->unparsedEntityDecl = px_unparsed_entity_decl;
    h->getEntity = px_get_entity;
    h->resolveEntity = px_resolve_entity;
}

/* After the parser stops: the last record (dropped if the input ends inside
 * it), the environment's lists. */
static void px_finish(px_state *st)
{
    dyad_petrxml *r = st->r;
    if (st->have_cur && (st->sent_depth || st->field == PX_TEXT || st->field == PX_PARSE)) {
        r->cut_off = 1;
        px_report(st, DYAD_DIAG_ERROR, st->cur.line,
                  "record '%s' is incomplete (the XML ends inside it); skipped", st->cur.id);
        st->have_cur = 0;
    } else if (st->have_cur) {
        px_record_finish(st);
    }
    px_env_finish(st);
    if (r->nrecs == 0 && !st->oom)
        dyad_diag_report(r->diag, DYAD_DIAG_WARNING, r->name, 0, "no <Sentence> records");
}

static void px_run(px_state *st, xmlParserCtxtPtr ctxt)
{
    xmlStructuredErrorFunc old_s = xmlStructuredError;
    void *old_sctx = xmlStructuredErrorContext;
    xmlGenericErrorFunc old_g = xmlGenericError;
    void *old_gctx = xmlGenericErrorContext;
    xmlSetStructuredErrorFunc(st, px_global_error);
    xmlSetGenericErrorFunc(NULL, px_quiet);
    xmlParseDocument(ctxt);
    xmlSetStructuredErrorFunc(old_sctx, old_s);
    xmlSetGenericErrorFunc(old_gctx, old_g);
}

/* Parses doc, which is freed as soon as libxml2 has its copy. */
static int px_parse(dyad_petrxml *r, dyad_buf *doc)
{
    px_state st = {.r = r};
    int rc = 0;
    dyad_buf_init(&st.text);
    xmlInitParser();
    /* libxml2 copies doc: a static (uncopied) input is never shrunk and fails
     * past 10 MB without XML_PARSE_HUGE. */
    xmlParserCtxtPtr ctxt = xmlCreateMemoryParserCtxt(doc->data, (int)doc->len);
    dyad_buf_free(doc);
    if (!ctxt)
        return dyad_set_error(DYAD_ENOMEM, "%s: cannot create an XML parser", r->name);
    px_sax_init(ctxt->sax);
    /* the callbacks get &st, also those from the parsers libxml2 makes for an
     * entity's text (and libxml2 does not go around px_get_entity) */
    ctxt->userData = &st;
    st.ctxt = ctxt;
    xmlCtxtUseOptions(ctxt, PX_OPTIONS);
    /* the document px_entity_decl declares internal entities in; given one,
     * libxml2 does not make its own, where it would declare every kind */
    ctxt->myDoc = xmlNewDoc((const xmlChar *)"1.0");
    if (!ctxt->myDoc || !xmlCreateIntSubset(ctxt->myDoc, (const xmlChar *)PX_WRAP, NULL, NULL)) {
        xmlFreeDoc(ctxt->myDoc);
        xmlFreeParserCtxt(ctxt);
        dyad_buf_free(&st.text);
        return dyad_set_error(DYAD_ENOMEM, "%s: out of memory", r->name);
    }
    px_run(&st, ctxt);
    px_finish(&st);
    if (st.oom)
        rc = dyad_set_error(DYAD_ENOMEM, "%s: out of memory", r->name);
    if (ctxt->myDoc)
        xmlFreeDoc(ctxt->myDoc);
    xmlFreeParserCtxt(ctxt);
    free(st.codings);
    free(st.pending);
    free(st.envcfg);
    free(st.actors.v);
    free(st.include.v);
    free(st.exclude.v);
    xmlHashFree(st.unread, NULL);
    dyad_buf_free(&st.text);
    return rc;
}

/* ---- API ------------------------------------------------------------------ */

static int px_new(dyad_petrxml **out, const char *name, dyad_diag *d)
{
    dyad_petrxml *r = calloc(1, sizeof *r);
    if (!r)
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    r->name = strdup(name ? name : "<memory>");
    r->arena = dyad_arena_new();
    r->diag = d;
    *out = r;
    if (!r->name || !r->arena)
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    return 0;
}

/* Reads buf[0..n). owned (buf itself, or NULL) is freed as soon as it is no
 * longer needed, so that the peak stays near two copies of the file plus the
 * records. */
static int px_open(dyad_petrxml **out, const char *name, const char *buf, size_t n,
                   char *owned, dyad_diag *d)
{
    dyad_petrxml *r = NULL;
    char *clean = NULL;
    size_t cn = 0;
    long nbad = 0;
    dyad_buf doc;
    int rc;
    dyad_buf_init(&doc);
    *out = NULL;
    if (n > (size_t)INT_MAX - 128) {
        rc = dyad_set_error(DYAD_ELIMIT, "%s: file larger than 2 GB", name ? name : "<memory>");
        goto cleanup;
    }
    if ((rc = px_new(&r, name, d)) != 0)
        goto cleanup;
    if (!px_plain_ascii(buf, n)) {
        clean = dyad_utf8_sanitize(buf, n, &cn, &nbad);
        if (!clean) {
            rc = dyad_set_error(DYAD_ENOMEM, "out of memory");
            goto cleanup;
        }
        if (nbad)
            px_utf8_warnings(r, buf, n, clean, cn);
    }
    if ((rc = px_prepare(&doc, clean ? clean : buf, clean ? cn : n)) != 0)
        goto cleanup;
    free(clean);
    free(owned);
    clean = owned = NULL;
    if ((rc = px_parse(r, &doc)) != 0)
        goto cleanup;
    *out = r;
    r = NULL;
cleanup:
    free(clean);
    free(owned);
    dyad_buf_free(&doc);
    dyad_petrxml_free(r);
    return rc;
}

int dyad_petrxml_open_mem(dyad_petrxml **out, const char *name, const char *buf, size_t n,
                          dyad_diag *d)
{
    if (!out || (!buf && n))
        return dyad_set_error(DYAD_EINVAL, "dyad_petrxml_open_mem: NULL argument");
    return px_open(out, name, buf ? buf : "", n, NULL, d);
}

int dyad_petrxml_open(dyad_petrxml **out, const char *path, dyad_diag *d)
{
    char *buf = NULL;
    size_t n = 0;
    if (!out || !path)
        return dyad_set_error(DYAD_EINVAL, "dyad_petrxml_open: NULL argument");
    *out = NULL;
    int rc = dyad_infile_read_all(path, &buf, &n);
    if (rc)
        return rc;
    return px_open(out, strcmp(path, "-") ? path : "<stdin>", buf, n, buf, d);
}

const dyad_environment *dyad_petrxml_env(const dyad_petrxml *r)
{
    static const dyad_environment none;
    return r ? &r->env : &none;
}

int dyad_petrxml_next(dyad_petrxml *r, const dyad_record **rec)
{
    if (!rec)
        return dyad_set_error(DYAD_EINVAL, "dyad_petrxml_next: NULL argument");
    *rec = NULL;
    if (!r)
        return dyad_set_error(DYAD_EINVAL, "dyad_petrxml_next: NULL argument");
    if (r->next >= r->nrecs)
        return 0;
    *rec = &r->recs[r->next++];
    return 1;
}

int dyad_petrxml_count(const dyad_petrxml *r) { return r ? r->nrecs : 0; }

long dyad_petrxml_errors(const dyad_petrxml *r) { return r ? r->errors : 0; }

int dyad_petrxml_cut_off(const dyad_petrxml *r) { return r ? r->cut_off : 0; }

void dyad_petrxml_free(dyad_petrxml *r)
{
    if (!r)
        return;
    free(r->name);
    free(r->recs);
    dyad_arena_free(r->arena);
    free(r);
}
