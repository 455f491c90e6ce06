/* html.c: the article in an HTML page, through libxml2's HTML parser.
 *
 * The passes over the DOM (all iterative: no recursion on the page's depth):
 *  1. one walk gives every element an info record (text bytes below it, a
 *     paragraph-density score, whether it is or sits inside a boilerplate
 *     block) and collects the title, the date and the marked-up body
 *     (itemprop=articleBody, <article>, <main>);
 *  2. the content root: the marked-up body unless the densest block outside it
 *     holds more than twice its text, else the densest block, else <body>;
 *  3. boilerplate blocks (scripts, navigation, headers, footers, asides, forms,
 *     figures, hidden elements, class/id/role hints) are removed, except the
 *     root and its ancestors (a page wrapped in one <form> keeps its text);
 *  4. the root's text: block elements become paragraphs separated by a blank
 *     line, <br> a line break, other whitespace runs one space; <h1> is the
 *     title and is left out.
 * Hostile pages: the tree is built by libxml2's own SAX2 callbacks behind
 * filters (ht_sax_start), so that time and memory stay linear in the page:
 *  - an element deeper than HT_MAX_DEPTH, or past the first HT_MAX_NODES, is
 *    not put in the tree: its text goes to the element around it, with a
 *    '\f' ('\v') for the paragraph (line) break a block (<br>) makes, and
 *    boilerplate (scripts, navigation...) is left out whole; one warning with
 *    the line (libxml2's tree builder alone stops at 256 levels, silently);
 *  - script and style bodies are not kept (JSON-LD ones up to HT_MAX_JSONLD
 *    bytes, for the date), nor comments, processing instructions, or the
 *    attributes html.c does not read;
 *  - libxml2's own size limits are off (XML_PARSE_HUGE: a text over 10 MB
 *    stopped the parse, silently): the page is at most DYAD_ARTICLE_MAX_BYTES
 *    and HTML declares no entities;
 *  - two quadratic paths in libxml2 2.9 are bounded: attributes of one start
 *    tag past HT_MAX_TAG_ATTRS are blanked before the parse (ht_cap_attrs),
 *    and recovering from misplaced tags under thousands of open elements stops
 *    after HT_MAX_RECOVERY_SCAN steps (ht_parse_error); both reported.
 * No DTD, entity or other external resource is ever read (no network, no DTD
 * loading; HTML has no entity declarations).
 * Broken markup is recovered from silently: the web is like that. What stops
 * the parse early (out of memory, the bound above) is reported with file and
 * line; the text before it is kept. */
#include "ingest/article.h"

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define HT_OPTIONS (HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | \
                    HTML_PARSE_NOWARNING | HTML_PARSE_COMPACT | XML_PARSE_HUGE)
#define HT_MIN_PARA 25       /* bytes of text for a paragraph to count in the density */
#define HT_MAX_TITLE 1000    /* bytes kept of a title */
#define HT_MAX_DEPTH 200     /* tree depth kept; deeper elements become flat text (libxml2's
                              * tree builder stops the parse past 256 levels) */
#define HT_MAX_NODES 100000 /* elements kept in the tree; later ones become flat text
                              * (a tree node costs ~300 bytes) */
#define HT_MAX_JSONLD (1u << 20) /* bytes of a JSON-LD script kept (read for its date) */
#define HT_MAX_TAG_ATTRS 256 /* attributes of a start tag given to libxml2 (ht_cap_attrs) */
#define HT_MAX_RECOVERY_SCAN 200000000L /* open elements libxml2 may look through to recover
                                          * from misplaced tags (~2 s), see ht_parse_error */

typedef struct ht_info {
    size_t text;   /* non-blank text bytes below the element (scripts excluded) */
    size_t score;  /* paragraph text directly below (full) or two levels below (half) */
    size_t score_all; /* the same, counting paragraphs inside boilerplate blocks too */
    int junk;      /* the element is a boilerplate block (tag, hint, role, hidden) */
    int in_junk;   /* it, or an ancestor, is one */
    int in_para;   /* it, or an ancestor, is a paragraph, list item, cell or heading */
    int keep;      /* the content root or one of its ancestors */
} ht_info;

typedef struct ht_state {
    dyad_arena *tmp;              /* info records */
    xmlNodePtr body;
    xmlNodePtr marked;            /* itemprop=articleBody, else the largest <article>/<main> */
    int marked_rank;              /* 3 articleBody, 2 article, 1 main */
    xmlNodePtr densest;
    xmlNodePtr title_tag;         /* <title> */
    xmlNodePtr h1_clean, h1_any;  /* the first <h1> outside boilerplate blocks; the first */
    const char *og_title;
    char date[11];
    int date_rank;                /* 4 meta published_time .. 1 <time> */
    int oom;
} ht_state;

static ht_info *ht_get(xmlNodePtr n) { return n && n->type == XML_ELEMENT_NODE ? n->_private : NULL; }

static int ht_is(xmlNodePtr n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->name && !strcmp((const char *)n->name, name);
}

/* The value of attribute name (ASCII case-insensitive), NULL when absent. */
static const char *ht_attr(xmlNodePtr n, const char *name)
{
    for (xmlAttrPtr a = n->properties; a; a = a->next)
        if (a->name && !strcasecmp((const char *)a->name, name))
            return a->children && a->children->content ? (const char *)a->children->content : "";
    return NULL;
}

/* ---- boilerplate blocks ---------------------------------------------------- */

static int ht_in_list(const char *s, const char *const *list)
{
    for (int i = 0; list[i]; i++)
        if (!strcmp(s, list[i]))
            return 1;
    return 0;
}

/* Tags that never hold article text: dropped wherever they are. */
static int ht_dead_tag(const char *t)
{
    static const char *const dead[] = {
        "script", "style", "noscript", "template", "iframe", "svg", "canvas", "object", "embed",
        "video", "audio", "button", "input", "select", "textarea", "option", "link", "meta",
        "head", "title", "figure", "figcaption", "picture", "img", "map", "dialog", "frame",
        "frameset", "applet", "math", NULL};
    return ht_in_list(t, dead);
}

static int ht_junk_tag(const char *t)
{
    static const char *const junk[] = {"nav", "header", "footer", "aside", "form", "menu",
                                       "fieldset", NULL};
    return ht_in_list(t, junk);
}

/* One class/id word (lower-case, split at space, '-', '_') that marks a block.
 * Not here, because content wrappers carry them: "tag" (WordPress puts
 * tag-NAME on the <article>), "hidden" (Tailwind's overflow-hidden), "widget"
 * (Elementor wraps every block in one). */
static int ht_hint_word(const char *w)
{
    static const char *const words[] = {
        "ad", "ads", "adv", "nav", "navbar", "navigation", "menu", "tags", "footer", "header",
        "share", "shares", "sharing", "social", "comment", "comments", "related", "newsletter",
        "promo", "sponsored", "sponsor", "subscribe", "subscription", "cookie", "cookies",
        "consent", "gdpr", "popup", "modal", "overlay", "sidebar", "breadcrumb", "breadcrumbs",
        "byline", "author", "toolbar", "banner", "masthead", "recommended", "recommendations",
        "trending", "popular", "caption", "credit", "credits", "signup", "paywall", "outbrain",
        "taboola", "disqus", "skip", "sr", "readmore", "also", NULL};
    return ht_in_list(w, words);
}

/* Substrings that mark a block even inside a longer word ("socialShare",
 * "commentList", "adsbygoogle"). */
static int ht_hint_sub(const char *s)
{
    static const char *const subs[] = {
        "advert", "newsletter", "social", "outbrain", "taboola", "disqus", "cookie", "sidebar",
        "breadcrumb", "related", "sharing", "sharebar", "share-", "subscribe", "sponsor",
        "popup", "byline", "recommend", "trending", "mostread", "most-read", "most_read",
        "paywall", "adsbygoogle", "adslot", "ad-slot", "ad_slot", "ad-container",
        "visually-hidden", "screen-reader", NULL};
    for (int i = 0; subs[i]; i++)
        if (strstr(s, subs[i]))
            return 1;
    if (strstr(s, "comment") && !strstr(s, "commentary"))
        return 1;
    return 0;
}

static int ht_hint(const char *v)
{
    char buf[256];
    size_t n = 0;
    if (!v || !*v)
        return 0;
    for (; v[n] && n < sizeof buf - 1; n++)
        buf[n] = (char)tolower((unsigned char)v[n]);
    buf[n] = 0;
    if (ht_hint_sub(buf))
        return 1;
    for (char *w = buf; *w;) {
        size_t k = strcspn(w, " \t\n-_");
        char save = w[k];
        w[k] = 0;
        int hit = k && ht_hint_word(w);
        w[k] = save;
        if (hit)
            return 1;
        w += k + (save != 0);
    }
    return 0;
}

/* The value of an attribute of an element, from the tree or from the parser. */
typedef const char *(*ht_attr_fn)(const void *el, const char *name);

static const char *ht_node_attr(const void *n, const char *name)
{
    return ht_attr((xmlNodePtr)n, name);
}

/* The same over the parser's name/value array (NULL when there are none). */
static const char *ht_sax_attr(const void *atts, const char *name)
{
    const xmlChar *const *a = atts;
    for (; a && a[0]; a += 2)
        if (!strcasecmp((const char *)a[0], name))
            return a[1] ? (const char *)a[1] : "";
    return NULL;
}

static int ht_hidden(ht_attr_fn get, const void *el)
{
    const char *style = get(el, "style");
    const char *aria = get(el, "aria-hidden");
    if (get(el, "hidden") || (aria && !strcasecmp(aria, "true")))
        return 1;
    if (!style)
        return 0;
    char buf[256];
    size_t k = 0;
    for (const char *p = style; *p && k < sizeof buf - 1; p++)
        if (!isspace((unsigned char)*p))
            buf[k++] = (char)tolower((unsigned char)*p);
    buf[k] = 0;
    return strstr(buf, "display:none") || strstr(buf, "visibility:hidden");
}

static int ht_junk_role(const char *role)
{
    static const char *const roles[] = {"navigation", "banner", "complementary", "contentinfo",
                                        "search", "dialog", "alertdialog", "menu", "menubar",
                                        "toolbar", NULL};
    return role && ht_in_list(role, roles);
}

/* The element (tag t, attributes through get) is boilerplate (tag, hint,
 * role, hidden). <body>, <html> and marked-up bodies never are. */
static int ht_junk_el(const char *t, ht_attr_fn get, const void *el)
{
    if (!strcmp(t, "body") || !strcmp(t, "html") || !strcmp(t, "main"))
        return 0;
    const char *ip = get(el, "itemprop");
    if (ip && strstr(ip, "articleBody"))
        return 0;
    if (ht_dead_tag(t) || ht_junk_tag(t) || ht_hidden(get, el) || ht_junk_role(get(el, "role")))
        return 1;
    return ht_hint(get(el, "class")) || ht_hint(get(el, "id"));
}

static int ht_junk(xmlNodePtr n)
{
    return ht_junk_el((const char *)n->name, ht_node_attr, n);
}

/* ---- metadata --------------------------------------------------------------- */

static void ht_set_date(ht_state *st, const char *v, int rank)
{
    char d[11];
    if (rank > st->date_rank && v && !dyad_article_parse_date(d, v, strlen(v))) {
        memcpy(st->date, d, 11);
        st->date_rank = rank;
    }
}

static void ht_meta(ht_state *st, xmlNodePtr n)
{
    static const char *const published[] = {"article:published_time", "og:published_time",
                                            "article:published", "og:article:published_time",
                                            NULL};
    static const char *const named[] = {
        "pubdate", "publishdate", "publish-date", "publish_date", "date", "dc.date",
        "dc.date.issued", "dcterms.date", "dcterms.created", "sailthru.date",
        "parsely-pub-date", "article.published", "published_time", "datepublished",
        "original-publish-date", "article_date_original", NULL};
    const char *content = ht_attr(n, "content");
    const char *key = ht_attr(n, "property");
    if (!key)
        key = ht_attr(n, "name");
    if (!key)
        key = ht_attr(n, "itemprop");
    if (!key || !content)
        return;
    char k[64];
    size_t i = 0;
    for (; key[i] && i < sizeof k - 1; i++)
        k[i] = (char)tolower((unsigned char)key[i]);
    k[i] = 0;
    if (ht_in_list(k, published))
        ht_set_date(st, content, 4);
    else if (ht_in_list(k, named))
        ht_set_date(st, content, 3);
    else if (!strcmp(k, "og:title") && !st->og_title)
        st->og_title = content;
}

/* "datePublished": "2024-05-10T..." in a JSON-LD script. */
static void ht_jsonld(ht_state *st, xmlNodePtr n)
{
    const char *type = ht_attr(n, "type");
    if (!type || !strstr(type, "ld+json"))
        return;
    for (xmlNodePtr c = n->children; c; c = c->next) {
        const char *s = (const char *)c->content;
        const char *p = s ? strstr(s, "\"datePublished\"") : NULL;
        if (!p)
            continue;
        p += 15;
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == ':')
            p++;
        if (*p++ != '"')
            continue;
        const char *q = strchr(p, '"');
        char d[11];
        if (q && !dyad_article_parse_date(d, p, (size_t)(q - p)))
            ht_set_date(st, d, 2);
    }
}

/* Metadata, and the marked-up body, from one element on the first walk. */
static void ht_collect(ht_state *st, xmlNodePtr n, const ht_info *in)
{
    const char *t = (const char *)n->name;
    if (!strcmp(t, "meta"))
        ht_meta(st, n);
    else if (!strcmp(t, "script"))
        ht_jsonld(st, n);
    else if (!strcmp(t, "time"))
        ht_set_date(st, ht_attr(n, "datetime"), 1);
    else if (!strcmp(t, "body") && !st->body)
        st->body = n;
    else if (!strcmp(t, "title") && !st->title_tag)
        st->title_tag = n;
    else if (!strcmp(t, "h1")) {
        if (!st->h1_any)
            st->h1_any = n;
        if (!st->h1_clean && !in->in_junk)
            st->h1_clean = n;
    }
    const char *ip = ht_attr(n, "itemprop");
    if (ip && strstr(ip, "datePublished"))
        ht_set_date(st, ht_attr(n, "content") ? ht_attr(n, "content") : ht_attr(n, "datetime"), 3);
}

/* ---- pass 1: info records ------------------------------------------------------ */

static int ht_block_name(const char *t)
{
    static const char *const blocks[] = {
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li",
        "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "table", "tr", "td", "th",
        "thead", "tbody", "tfoot", "caption", "header", "footer", "address", "hr", "center",
        "details", "summary", "body", "html", "aside", "nav", "form", "fieldset", "legend",
        "hgroup", NULL};
    return ht_in_list(t, blocks);
}

static int ht_block(xmlNodePtr n)
{
    return n->type == XML_ELEMENT_NODE && ht_block_name((const char *)n->name);
}

static size_t ht_text_bytes(const xmlChar *s)
{
    size_t k = 0;
    for (; s && *s; s++)
        k += !isspace(*s);
    return k;
}

/* Elements whose text is running text: dates inside them stay. */
static int ht_text_block(xmlNodePtr n)
{
    static const char *const t[] = {"p", "li", "td", "th", "dd", "dt", "blockquote", "pre",
                                    "h2", "h3", "h4", "h5", "h6", "span", "a", "b", "i",
                                    "em", "strong", NULL};
    return n->type == XML_ELEMENT_NODE && ht_in_list((const char *)n->name, t);
}

static int ht_para_tag(xmlNodePtr n)
{
    return ht_is(n, "p") || ht_is(n, "pre") || ht_is(n, "blockquote");
}

/* Adds a paragraph's text to the density of a block: to score when the
 * paragraph is outside boilerplate blocks (comments do not make their page
 * wrapper dense), to score_all always. */
static void ht_add_score(ht_info *in, size_t text, int junk)
{
    if (!in)
        return;
    in->score_all += text;
    if (!junk)
        in->score += text;
}

/* The _private of a text node holding the text of elements left out of the
 * tree (see ht_sax_start): whether that text sat in paragraphs or in inline
 * elements is not known, so it does not count in the density. */
static const char ht_flat_text = 1;

/* A node's walk is over: its text goes to the parent; a paragraph's text, or
 * a text node's, to the density of the blocks above. */
static void ht_finish(xmlNodePtr n)
{
    ht_info *p = ht_get(n->parent), *me = ht_get(n);
    size_t text = me ? me->text : 0;
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        text = ht_text_bytes(n->content);
        if (p && text >= HT_MIN_PARA && ht_block(n->parent) && !ht_para_tag(n->parent) &&
            n->_private != &ht_flat_text)
            ht_add_score(p, text, p->in_junk); /* text straight in a <div>, between <br>s */
    }
    if (!p)
        return;
    p->text += text;
    if (me && ht_para_tag(n) && text >= HT_MIN_PARA) {
        ht_add_score(p, text, me->in_junk);
        ht_add_score(ht_get(n->parent->parent), text / 2, me->in_junk);
    }
}

/* On entering an element: its info record, and whether to look inside. */
static int ht_enter(ht_state *st, xmlNodePtr n)
{
    ht_info *in = dyad_arena_alloc(st->tmp, sizeof *in);
    if (!in) {
        st->oom = 1;
        return 0;
    }
    n->_private = in;
    ht_info *p = ht_get(n->parent);
    in->in_para = (p && p->in_para) || ht_text_block(n);
    /* a date line of its own (<time> outside a paragraph) is page furniture */
    in->junk = ht_junk(n) || (ht_is(n, "time") && !(p && p->in_para));
    /* a <form> may wrap a whole page (ASP.NET): the blocks in it still compete */
    in->in_junk = (in->junk && !ht_is(n, "form")) || (p && p->in_junk);
    ht_collect(st, n, in);
    const char *t = (const char *)n->name;
    return !(!strcmp(t, "script") || !strcmp(t, "style") || !strcmp(t, "noscript") ||
             !strcmp(t, "template"));
}

static void ht_walk_info(ht_state *st, xmlNodePtr root)
{
    xmlNodePtr n = root;
    while (n && !st->oom) {
        int inside = n->type == XML_ELEMENT_NODE ? ht_enter(st, n) : 0;
        if (inside && n->children) {
            n = n->children;
            continue;
        }
        for (;;) {
            ht_finish(n);
            if (n == root) {
                n = NULL;
                break;
            }
            if (n->next) {
                n = n->next;
                break;
            }
            n = n->parent;
        }
    }
}

/* ---- pass 2: the content root ------------------------------------------------- */

/* Pre-order successor of n inside root; skip = do not enter n. */
static xmlNodePtr ht_next(xmlNodePtr n, xmlNodePtr root, int skip)
{
    if (!skip && n->type == XML_ELEMENT_NODE && n->children)
        return n->children;
    while (n && n != root) {
        if (n->next)
            return n->next;
        n = n->parent;
    }
    return NULL;
}

/* The densest block and the marked-up body; with_junk: also inside
 * boilerplate blocks (when nothing is found outside them). */
static void ht_candidates(ht_state *st, xmlNodePtr root, int with_junk)
{
    size_t best_score = 0;
    for (xmlNodePtr n = root; n; n = ht_next(n, root, 0)) {
        ht_info *in = ht_get(n);
        if (!in || (in->in_junk && !(with_junk && !in->junk)))
            continue;
        size_t score = with_junk ? in->score_all : in->score;
        if (score > best_score) {
            best_score = score;
            st->densest = n;
        }
        const char *ip = ht_attr(n, "itemprop");
        int rank = ip && strstr(ip, "articleBody") ? 3
                 : ht_is(n, "article") ? 2
                 : ht_is(n, "main") || (ht_attr(n, "role") && !strcmp(ht_attr(n, "role"), "main")) ? 1
                 : 0;
        if (!rank || in->text == 0)
            continue;
        ht_info *cur = ht_get(st->marked);
        if (rank > st->marked_rank || (rank == st->marked_rank && in->text > cur->text)) {
            st->marked = n;
            st->marked_rank = rank;
        }
    }
}

static int ht_is_ancestor(xmlNodePtr a, xmlNodePtr n)
{
    for (; n; n = n->parent)
        if (n == a)
            return 1;
    return 0;
}

static xmlNodePtr ht_choose_root(ht_state *st, xmlNodePtr docroot)
{
    xmlNodePtr m = st->marked, d = st->densest;
    if (m && d && st->marked_rank < 3 && !ht_is_ancestor(m, d) && !ht_is_ancestor(d, m) &&
        ht_get(d)->text > 2 * ht_get(m)->text)
        m = NULL; /* a teaser <article>; the story is elsewhere */
    if (m)
        return m;
    if (d)
        return d;
    return st->body ? st->body : docroot;
}

/* ---- pass 3: remove boilerplate ------------------------------------------------ */

static void ht_remove_junk(xmlNodePtr root)
{
    for (xmlNodePtr n = root; n;) {
        ht_info *in = ht_get(n);
        if (in && in->junk && !in->keep) {
            xmlNodePtr next = ht_next(n, root, 1);
            xmlUnlinkNode(n);
            xmlFreeNode(n);
            n = next;
            continue;
        }
        n = ht_next(n, root, 0);
    }
}

/* ---- pass 4: text ------------------------------------------------------------- */

enum { HT_NONE, HT_SPACE, HT_LINE, HT_PARA };

typedef struct ht_out {
    dyad_buf b;
    int pending;
    int breaks;   /* '\f' and '\v' in the text are a paragraph and a line break */
    int oom;
} ht_out;

static void ht_put_text(ht_out *o, const char *s)
{
    for (; *s; s++) {
        if (isspace((unsigned char)*s)) {
            int kind = !o->breaks ? HT_SPACE : *s == '\f' ? HT_PARA : *s == '\v' ? HT_LINE
                                                                              : HT_SPACE;
            if (o->pending < kind)
                o->pending = kind;
            continue;
        }
        if (o->b.len && o->pending) {
            const char *sep = o->pending == HT_PARA ? "\n\n" : o->pending == HT_LINE ? "\n" : " ";
            o->oom |= dyad_buf_puts(&o->b, sep) != 0;
        }
        o->pending = HT_NONE;
        size_t k = strcspn(s, " \t\n\r\f\v");
        o->oom |= dyad_buf_append(&o->b, s, k) != 0;
        s += k - 1;
    }
}

static void ht_break(ht_out *o, int kind)
{
    if (o->pending < kind)
        o->pending = kind;
}

static void ht_extract(ht_out *o, xmlNodePtr root)
{
    for (xmlNodePtr n = root; n;) {
        int skip = 0;
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            ht_put_text(o, (const char *)n->content);
        } else if (n->type == XML_ELEMENT_NODE) {
            skip = ht_is(n, "h1") || ht_dead_tag((const char *)n->name);
            if (ht_is(n, "br"))
                ht_break(o, HT_LINE);
            else if (ht_block(n))
                ht_break(o, HT_PARA);
        } else {
            skip = 1;
        }
        /* leaving blocks on the way up also ends their paragraph */
        if (!skip && n->type == XML_ELEMENT_NODE && n->children) {
            n = n->children;
            continue;
        }
        while (n && n != root) {
            if (ht_block(n))
                ht_break(o, HT_PARA);
            if (n->next) {
                n = n->next;
                break;
            }
            n = n->parent;
        }
        if (n == root)
            break;
    }
}

/* ---- title ---------------------------------------------------------------------- */

/* The text of an element, whitespace collapsed, at most HT_MAX_TITLE bytes. */
static char *ht_node_text(dyad_arena *a, xmlNodePtr el)
{
    ht_out o = {.pending = HT_NONE};
    dyad_buf_init(&o.b);
    for (xmlNodePtr n = el->children; n && o.b.len < HT_MAX_TITLE; n = ht_next(n, el, 0))
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
            ht_put_text(&o, (const char *)n->content);
    char *s = dyad_arena_strndup(a, o.b.data ? o.b.data : "", o.b.len);
    dyad_buf_free(&o.b);
    return s;
}

/* "Story title | Site" or "Story title - Site" -> "Story title". */
static void ht_cut_site(char *t)
{
    char *p = strstr(t, " | ");
    if (p && p - t >= 10) {
        *p = 0;
        return;
    }
    p = strstr(t, " - ");
    if (p && p - t >= 10 && strlen(p + 3) <= 30)
        *p = 0;
}

/* The first <h1> under root (the walk stops there). */
static xmlNodePtr ht_find_h1(xmlNodePtr root)
{
    for (xmlNodePtr n = root; n; n = ht_next(n, root, 0))
        if (ht_is(n, "h1"))
            return n;
    return NULL;
}

/* <h1> of the content, og:title, another <h1>, <title>: the first not empty. */
static const char *ht_title(ht_state *st, dyad_arena *a, xmlNodePtr root)
{
    xmlNodePtr h[3] = {ht_find_h1(root), st->h1_clean, st->h1_any};
    for (int i = 0; i < 3; i++) {
        char *t = h[i] ? ht_node_text(a, h[i]) : NULL;
        if (t && *t)
            return t;
        if (i == 0 && st->og_title && *st->og_title) {
            char *o = dyad_arena_strndup(a, st->og_title, strnlen(st->og_title, HT_MAX_TITLE));
            if (o)
                ht_cut_site(o);
            if (o && *o)
                return o;
        }
    }
    char *t = st->title_tag ? ht_node_text(a, st->title_tag) : NULL;
    if (t)
        ht_cut_site(t);
    return t;
}

/* ---- encoding and parsing --------------------------------------------------------- */

/* The charset a page declares in its first bytes, when it is not UTF-8. */
static const char *ht_charset(const char *s, size_t n, char *out, size_t cap)
{
    size_t lim = n < 2048 ? n : 2048;
    for (size_t i = 0; i + 8 < lim; i++) {
        if (strncasecmp(s + i, "charset=", 8) != 0)
            continue;
        size_t j = i + 8, k = 0;
        if (j < lim && (s[j] == '"' || s[j] == '\''))
            j++;
        while (j < lim && k < cap - 1 && (isalnum((unsigned char)s[j]) || s[j] == '-' || s[j] == '_'))
            out[k++] = s[j++];
        out[k] = 0;
        if (k && strcasecmp(out, "utf-8") && strcasecmp(out, "utf8"))
            return out;
        return NULL;
    }
    return NULL;
}

/* ---- the parse: libxml2's tree builder behind filters --------------------------- */

enum { HT_SCRIPT_NONE, HT_SCRIPT_DROP, HT_SCRIPT_KEEP };

#define HT_MAX_ATTRS 12 /* attributes html.c reads (ht_sax_attrs) */

typedef struct ht_parse_state {
    htmlSAXHandler sax2;  /* libxml2's tree-building callbacks, called through */
    const char *file;
    dyad_diag *diag;
    long depth;           /* elements open in the parse */
    long tree_depth;      /* of them, those in the tree: always the outermost ones */
    long nodes;           /* elements put in the tree */
    long drop_at;         /* depth of the element left out with its content (boilerplate
                           * outside the tree); 0 when none */
    int script;           /* inside a <script>/<style> of the tree: HT_SCRIPT_* */
    long script_depth;
    size_t script_kept;   /* bytes of the JSON-LD script kept so far */
    char mark;            /* break last written for elements outside the tree; 0 after text */
    int warned_depth, warned_nodes;
    int stopped;          /* a fatal parser error was reported */
    htmlParserCtxtPtr ctxt;
    long scan;            /* open elements looked through for misplaced tags so far */
    const xmlChar *atts[2 * HT_MAX_ATTRS + 1];
} ht_parse_state;

static ht_parse_state *ht_ps(void *ctx) { return ((htmlParserCtxtPtr)ctx)->_private; }

/* The attributes html.c reads, in a NULL-terminated name/value array (the
 * others would only cost memory). */
static const xmlChar **ht_sax_attrs(ht_parse_state *ps, const xmlChar **atts)
{
    static const char *const used[] = {"class", "id", "role", "style", "hidden",
                                       "aria-hidden", "itemprop", "type", "content",
                                       "property", "name", "datetime", NULL};
    int k = 0;
    for (const xmlChar **a = atts; a && a[0] && k < 2 * HT_MAX_ATTRS; a += 2) {
        for (int i = 0; used[i]; i++)
            if (!strcasecmp((const char *)a[0], used[i])) {
                ps->atts[k++] = a[0];
                ps->atts[k++] = a[1];
                break;
            }
    }
    ps->atts[k] = NULL;
    return k ? ps->atts : NULL;
}

/* The paragraph break ('\f') or line break ('\v') an element outside the
 * tree stands for, written into the text around it (ht_put_text reads them
 * back); repeated breaks are written once. */
static void ht_sax_break(void *ctx, ht_parse_state *ps, const char *t)
{
    char m = !strcmp(t, "br") ? '\v' : ht_block_name(t) ? '\f' : 0;
    if (!m || ps->mark == '\f' || ps->mark == m)
        return;
    ps->mark = m;
    ps->sax2.characters(ctx, (const xmlChar *)&m, 1);
}

/* Reports the first element left out of the tree, and why. */
static void ht_sax_flat_warning(void *ctx, ht_parse_state *ps)
{
    long line = ((htmlParserCtxtPtr)ctx)->input->line;
    if (ps->tree_depth >= HT_MAX_DEPTH && !ps->warned_depth) {
        ps->warned_depth = 1;
        dyad_diag_report(ps->diag, DYAD_DIAG_WARNING, ps->file, line,
                         "HTML nested deeper than %d elements: the deeper ones are read as "
                         "plain text of the element around them",
                         HT_MAX_DEPTH);
    } else if (ps->nodes >= HT_MAX_NODES && !ps->warned_nodes) {
        ps->warned_nodes = 1;
        dyad_diag_report(ps->diag, DYAD_DIAG_WARNING, ps->file, line,
                         "HTML page with more than %d elements: from here on they are read "
                         "as plain text of the element around them",
                         HT_MAX_NODES);
    }
}

/* Start tags: into the tree while it is at most HT_MAX_DEPTH deep and holds
 * at most HT_MAX_NODES elements. Past that, an element is left out of the
 * tree and its text goes to the element around it, or it is left out with its
 * whole content when it is boilerplate (a script, a navigation block...). */
static void ht_sax_start(void *ctx, const xmlChar *name, const xmlChar **atts)
{
    ht_parse_state *ps = ht_ps(ctx);
    const char *t = (const char *)name;
    ps->depth++;
    if (ps->drop_at)
        return;
    if (ps->depth - 1 == ps->tree_depth && ps->tree_depth < HT_MAX_DEPTH &&
        ps->nodes < HT_MAX_NODES) {
        ps->tree_depth++;
        ps->nodes++;
        ps->mark = 0;
        if (!strcmp(t, "script") || !strcmp(t, "style")) {
            const char *type = ht_sax_attr(atts, "type");
            ps->script = type && strstr(type, "ld+json") ? HT_SCRIPT_KEEP : HT_SCRIPT_DROP;
            ps->script_depth = ps->depth;
            ps->script_kept = 0;
        }
        ps->sax2.startElement(ctx, name, ht_sax_attrs(ps, atts));
        return;
    }
    ht_sax_flat_warning(ctx, ps);
    if (ht_junk_el(t, ht_sax_attr, atts) && strcmp(t, "form") != 0)
        ps->drop_at = ps->depth;
    else
        ht_sax_break(ctx, ps, t);
}

static void ht_sax_end(void *ctx, const xmlChar *name)
{
    ht_parse_state *ps = ht_ps(ctx);
    long d = ps->depth;
    if (d <= 0)
        return; /* not opened through ht_sax_start: nothing to close */
    ps->depth--;
    if (ps->drop_at) {
        if (d == ps->drop_at)
            ps->drop_at = 0;
        return;
    }
    if (d > ps->tree_depth) {
        ht_sax_break(ctx, ps, (const char *)name);
        return;
    }
    ps->tree_depth--;
    ps->mark = 0;
    if (ps->script && d == ps->script_depth)
        ps->script = HT_SCRIPT_NONE;
    ps->sax2.endElement(ctx, name);
}

/* Whether text of len bytes at the current place goes into the tree. */
static int ht_sax_keep(ht_parse_state *ps, int len)
{
    if (ps->drop_at || ps->script == HT_SCRIPT_DROP || len <= 0)
        return 0;
    if (ps->script == HT_SCRIPT_KEEP) {
        if (ps->script_kept + (size_t)len > HT_MAX_JSONLD)
            return 0;
        ps->script_kept += (size_t)len;
    }
    ps->mark = 0;
    return 1;
}

/* Text of elements left out of the tree was just added: its node is marked. */
static void ht_sax_flat(void *ctx, ht_parse_state *ps)
{
    xmlNodePtr node = ((htmlParserCtxtPtr)ctx)->node;
    if (ps->depth > ps->tree_depth && node && node->last && node->last->type == XML_TEXT_NODE)
        node->last->_private = (void *)&ht_flat_text;
}

static void ht_sax_chars(void *ctx, const xmlChar *ch, int len)
{
    ht_parse_state *ps = ht_ps(ctx);
    if (ht_sax_keep(ps, len)) {
        ps->sax2.characters(ctx, ch, len);
        ht_sax_flat(ctx, ps);
    }
}

static void ht_sax_cdata(void *ctx, const xmlChar *ch, int len)
{
    ht_parse_state *ps = ht_ps(ctx);
    if (ht_sax_keep(ps, len))
        ps->sax2.cdataBlock(ctx, ch, len);
}

static void ht_sax_blank(void *ctx, const xmlChar *ch, int len)
{
    ht_parse_state *ps = ht_ps(ctx);
    if (ht_sax_keep(ps, len)) {
        ps->sax2.ignorableWhitespace(ctx, ch, len);
        ht_sax_flat(ctx, ps);
    }
}

static void ht_quiet(void *ctx, const char *msg, ...) { (void)ctx, (void)msg; }

/* Recoverable markup errors are the web's normal state: not reported. But to
 * recover from a misplaced end tag or <body>, libxml2 looks through every open
 * element: a page with thousands of unclosed elements followed by thousands of
 * stray end tags would take hours. That work is counted, and past
 * HT_MAX_RECOVERY_SCAN the parse stops (reported; the text before is kept).
 * A fatal error (out of memory) stops the parse too: reported once, with its
 * line. */
static void ht_parse_error(void *ctx, xmlErrorPtr e)
{
    ht_parse_state *ps = ctx;
    if (!e || ps->stopped)
        return;
    if ((e->code == XML_ERR_TAG_NAME_MISMATCH || e->code == XML_HTML_STRUCURE_ERROR) &&
        ps->ctxt) {
        ps->scan += ps->ctxt->nameNr;
        if (ps->scan > HT_MAX_RECOVERY_SCAN) {
            ps->stopped = 1;
            dyad_diag_report(ps->diag, DYAD_DIAG_WARNING, ps->file, e->line,
                             "HTML too badly nested (%d elements open, misplaced tags): the "
                             "rest of the page is not read",
                             ps->ctxt->nameNr);
            xmlStopParser(ps->ctxt);
        }
        return;
    }
    if (e->level < XML_ERR_FATAL)
        return;
    ps->stopped = 1;
    size_t len = e->message ? strlen(e->message) : 0;
    while (len && (e->message[len - 1] == '\n' || e->message[len - 1] == ' '))
        len--;
    dyad_diag_report(ps->diag, DYAD_DIAG_WARNING, ps->file, e->line,
                     "HTML parser stopped (%.*s): the rest of the page is not read", (int)len,
                     e->message ? e->message : "");
}

/* ---- start tags with too many attributes ------------------------------------------ */

static int ht_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

/* The end of the attribute (name, optional '=' and value) at s[i]: a quoted
 * value runs to its closing quote, as libxml2 reads it. */
static size_t ht_skip_attr(const char *s, size_t n, size_t i)
{
    while (i < n && !ht_blank(s[i]) && s[i] != '=' && s[i] != '>')
        i++;
    size_t j = i;
    while (j < n && ht_blank(s[j]))
        j++;
    if (j >= n || s[j] != '=')
        return i;
    for (j++; j < n && ht_blank(s[j]);)
        j++;
    if (j < n && (s[j] == '"' || s[j] == '\'')) {
        const char *q = memchr(s + j + 1, s[j], n - j - 1);
        return q ? (size_t)(q - s) + 1 : n;
    }
    while (j < n && !ht_blank(s[j]) && s[j] != '>')
        j++;
    return j;
}

/* The index after the first pat (ASCII case-insensitive; its first byte not a
 * letter) in s[i..n), or n. */
static size_t ht_skip_to(const char *s, size_t n, size_t i, const char *pat)
{
    size_t k = strlen(pat);
    while (i + k <= n) {
        const char *p = memchr(s + i, pat[0], n - i - k + 1);
        if (!p)
            break;
        i = (size_t)(p - s);
        if (!strncasecmp(s + i, pat, k))
            return i + k;
        i++;
    }
    return n;
}

/* libxml2 compares each attribute of a start tag with all the earlier ones:
 * a tag with a million attributes takes hours. The attributes of a start tag
 * ('<', a letter) after the first HT_MAX_TAG_ATTRS become spaces (line ends
 * kept, so lines do not move); html.c reads a dozen attributes at most.
 * Comments and the raw text of scripts and styles are skipped, as libxml2
 * reads them. Returns a malloc'd copy of s[0..n) with the cuts, or NULL when
 * no tag has that many (or out of memory: *oom). *line: the line of the first
 * cut tag. */
static char *ht_cap_attrs(const char *s, size_t n, long *line, long *ncut, int *oom)
{
    char *w = NULL;
    long ln = 1;
    size_t done = 0; /* lines counted up to here */
    size_t i = 0;
    *ncut = 0;
    while (i < n) {
        const char *lt = memchr(s + i, '<', n - i);
        if (!lt)
            break;
        i = (size_t)(lt - s) + 1;
        if (n - i >= 3 && !memcmp(s + i, "!--", 3)) {
            i = ht_skip_to(s, n, i + 3, "-->");
            continue;
        }
        if (i >= n || !isalpha((unsigned char)s[i]))
            continue;
        size_t name = i;
        while (i < n && !ht_blank(s[i]) && s[i] != '>' && s[i] != '/')
            i++;
        size_t name_len = i - name;
        long k = 0;
        size_t cut = 0;
        while (i < n && s[i] != '>') {
            if (ht_blank(s[i]) || s[i] == '/') {
                i++;
                continue;
            }
            if (++k > HT_MAX_TAG_ATTRS && !cut)
                cut = i;
            i = ht_skip_attr(s, n, i);
        }
        if (cut) {
            if (!w && !(w = malloc(n))) {
                *oom = 1;
                return NULL;
            }
            if (!*ncut) {
                memcpy(w, s, n);
                for (; done < cut; done++)
                    ln += s[done] == '\n';
                *line = ln;
            }
            (*ncut)++;
            for (size_t j = cut; j < i; j++)
                if (w[j] != '\n')
                    w[j] = ' ';
        }
        if (name_len == 6 && !strncasecmp(s + name, "script", 6))
            i = ht_skip_to(s, n, i, "</script");
        else if (name_len == 5 && !strncasecmp(s + name, "style", 5))
            i = ht_skip_to(s, n, i, "</style");
    }
    return w;
}

/* s[0..n) as a tree (NULL when libxml2 gives none). enc: the encoding to
 * decode from, NULL to let the page say. *oom set on out of memory. */
static htmlDocPtr ht_parse(const char *file, dyad_diag *d, const char *s, size_t n,
                           const char *enc, int extra, int *oom)
{
    ht_parse_state ps = {.file = file, .diag = d};
    xmlInitParser();
    htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(s, (int)n);
    if (!ctxt) {
        *oom = 1;
        return NULL;
    }
    ps.sax2 = *ctxt->sax;
    ctxt->sax->startElement = ht_sax_start;
    ctxt->sax->endElement = ht_sax_end;
    ctxt->sax->characters = ht_sax_chars;
    ctxt->sax->cdataBlock = ht_sax_cdata;
    ctxt->sax->ignorableWhitespace = ht_sax_blank;
    ctxt->sax->comment = NULL; /* comments and processing instructions are never read */
    ctxt->sax->processingInstruction = NULL;
    ctxt->_private = &ps;
    ps.ctxt = ctxt;
    if (enc) { /* as htmlReadMemory does with its encoding argument */
        /* UTF-8 needs no decoder (which would copy the input once more): naming
         * the encoding is enough for a <meta charset> not to switch to another */
        xmlCharEncodingHandlerPtr h =
            strcasecmp(enc, "UTF-8") ? xmlFindCharEncodingHandler(enc) : NULL;
        if (h)
            xmlSwitchToEncoding(ctxt, h);
        if (h || !strcasecmp(enc, "UTF-8")) {
            xmlFree((xmlChar *)ctxt->input->encoding);
            ctxt->input->encoding = xmlStrdup((const xmlChar *)enc);
            ctxt->charset = XML_CHAR_ENCODING_UTF8;
        }
    }
    htmlCtxtUseOptions(ctxt, HT_OPTIONS | extra);
    xmlStructuredErrorFunc old_s = xmlStructuredError;
    void *old_sctx = xmlStructuredErrorContext;
    xmlGenericErrorFunc old_g = xmlGenericError;
    void *old_gctx = xmlGenericErrorContext;
    xmlSetStructuredErrorFunc(&ps, ht_parse_error);
    xmlSetGenericErrorFunc(NULL, ht_quiet);
    htmlParseDocument(ctxt);
    xmlSetStructuredErrorFunc(old_sctx, old_s);
    xmlSetGenericErrorFunc(old_gctx, old_g);
    htmlDocPtr doc = ctxt->myDoc;
    ctxt->myDoc = NULL;
    htmlFreeParserCtxt(ctxt);
    return doc;
}

/* ht_parse after ht_cap_attrs. */
static htmlDocPtr ht_parse_capped(const char *file, dyad_diag *d, const char *s, size_t n,
                                  const char *enc, int extra, int *oom)
{
    long line = 0, ncut = 0;
    char *capped = ht_cap_attrs(s, n, &line, &ncut, oom);
    if (*oom)
        return NULL;
    if (ncut)
        dyad_diag_report(d, DYAD_DIAG_WARNING, file, line,
                         "%ld start tag%s with more than %d attributes: the further attributes "
                         "are not read",
                         ncut, ncut == 1 ? "" : "s", HT_MAX_TAG_ATTRS);
    htmlDocPtr doc = ht_parse(file, d, capped ? capped : s, n, enc, extra, oom);
    free(capped);
    return doc;
}

/* 1 when s[0..n) is ASCII without NUL: valid UTF-8, read without a copy. */
static int ht_plain_ascii(const char *s, size_t n)
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

static htmlDocPtr ht_load(dyad_article *out, const char *buf, size_t n, dyad_diag *d, int *oom)
{
    size_t len;
    long bad = 0;
    *oom = 0;
    if (ht_plain_ascii(buf, n))
        return n ? ht_parse_capped(out->file, d, buf, n, "UTF-8", HTML_PARSE_IGNORE_ENC, oom) : NULL;
    char *clean = dyad_utf8_sanitize(buf, n, &len, &bad);
    char cs[40];
    *oom = !clean;
    if (!clean)
        return NULL;
    htmlDocPtr doc = NULL;
    const char *enc = bad ? ht_charset(buf, n, cs, sizeof cs) : NULL;
    if (enc)
        doc = ht_parse_capped(out->file, d, buf, n, enc, 0, oom);
    if (!doc && bad) {
        out->bad_utf8 = bad;
        dyad_diag_report(d, DYAD_DIAG_WARNING, out->file, 0,
                         "%ld invalid UTF-8 sequence%s replaced with U+FFFD", bad,
                         bad == 1 ? "" : "s");
    }
    if (!doc && len && !*oom)
        doc = ht_parse_capped(out->file, d, clean, len, "UTF-8", HTML_PARSE_IGNORE_ENC, oom);
    free(clean);
    return doc;
}

/* ---- API ---------------------------------------------------------------------- */

static int ht_article(dyad_article *out, dyad_arena *a, htmlDocPtr doc, dyad_diag *d)
{
    ht_state st = {.tmp = dyad_arena_new()};
    ht_out o = {.pending = HT_NONE, .breaks = 1};
    int rc = 0;
    dyad_buf_init(&o.b);
    xmlNodePtr docroot = xmlDocGetRootElement(doc);
    if (!st.tmp)
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    if (docroot) {
        ht_walk_info(&st, docroot);
        ht_candidates(&st, docroot, 0);
        if (!st.densest && !st.marked) /* a misleading class on the story's wrapper */
            ht_candidates(&st, docroot, 1);
        xmlNodePtr root = ht_choose_root(&st, docroot);
        for (xmlNodePtr k = root; k; k = k->parent)
            if (ht_get(k))
                ht_get(k)->keep = 1;
        const char *title = ht_title(&st, a, root);
        out->title = title ? title : "";
        ht_remove_junk(docroot);
        ht_extract(&o, root);
    }
    char *date = dyad_arena_strdup(a, st.date);
    char *text = o.b.data ? dyad_ingest__utf8(a, o.b.data, o.b.len, &o.b.len, NULL, d, out->file, 0)
                          : dyad_arena_strdup(a, "");
    if (st.oom || o.oom || !date || !text)
        rc = dyad_set_error(DYAD_ENOMEM, "out of memory");
    else {
        out->date = date;
        rc = dyad_ingest__set_text(out, a, text, o.b.len);
    }
    dyad_buf_free(&o.b);
    dyad_arena_free(st.tmp);
    return rc;
}

int dyad_article_from_html(dyad_article *out, dyad_arena *a, const char *name, const char *id,
                           const char *buf, size_t n, dyad_diag *d)
{
    memset(out, 0, sizeof *out);
    out->file = name ? name : "<memory>";
    out->line = 1;
    out->id = dyad_arena_strdup(a, id ? id : "");
    out->title = out->date = out->text = "";
    if (!out->id)
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    if (n > DYAD_ARTICLE_MAX_BYTES)
        return dyad_set_error(DYAD_ELIMIT, "%s: larger than %u MB", out->file,
                              DYAD_ARTICLE_MAX_BYTES >> 20);
    int oom;
    htmlDocPtr doc = ht_load(out, buf, n, d, &oom);
    if (oom) {
        xmlFreeDoc(doc);
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    }
    if (!doc)
        return 0; /* nothing to read: an empty article */
    int rc = ht_article(out, a, doc, d);
    xmlFreeDoc(doc);
    return rc;
}
