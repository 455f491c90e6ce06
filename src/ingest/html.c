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
 * Broken markup is recovered from silently: the web is like that. */
#include "ingest/article.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define HT_OPTIONS (HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | \
                    HTML_PARSE_NOWARNING | HTML_PARSE_COMPACT)
#define HT_MIN_PARA 25       /* bytes of text for a paragraph to count in the density */
#define HT_MAX_TITLE 1000    /* bytes kept of a title */

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

static int ht_hidden(xmlNodePtr n)
{
    const char *style = ht_attr(n, "style");
    const char *aria = ht_attr(n, "aria-hidden");
    if (ht_attr(n, "hidden") || (aria && !strcasecmp(aria, "true")))
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

/* The element itself is boilerplate (tag, hint, role, hidden). <body>,
 * <html> and marked-up bodies never are. */
static int ht_junk(xmlNodePtr n)
{
    const char *t = (const char *)n->name;
    if (!strcmp(t, "body") || !strcmp(t, "html") || !strcmp(t, "main"))
        return 0;
    const char *ip = ht_attr(n, "itemprop");
    if (ip && strstr(ip, "articleBody"))
        return 0;
    if (ht_dead_tag(t) || ht_junk_tag(t) || ht_hidden(n) || ht_junk_role(ht_attr(n, "role")))
        return 1;
    return ht_hint(ht_attr(n, "class")) || ht_hint(ht_attr(n, "id"));
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

static int ht_block(xmlNodePtr n)
{
    static const char *const blocks[] = {
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li",
        "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "table", "tr", "td", "th",
        "thead", "tbody", "tfoot", "caption", "header", "footer", "address", "hr", "center",
        "details", "summary", "body", "html", "aside", "nav", "form", "fieldset", "legend",
        "hgroup", NULL};
    return n->type == XML_ELEMENT_NODE && ht_in_list((const char *)n->name, blocks);
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

/* A node's walk is over: its text goes to the parent; a paragraph's text, or
 * a text node's, to the density of the blocks above. */
static void ht_finish(xmlNodePtr n)
{
    ht_info *p = ht_get(n->parent), *me = ht_get(n);
    size_t text = me ? me->text : 0;
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        text = ht_text_bytes(n->content);
        if (p && text >= HT_MIN_PARA && ht_block(n->parent) && !ht_para_tag(n->parent))
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
    int oom;
} ht_out;

static void ht_put_text(ht_out *o, const char *s)
{
    for (; *s; s++) {
        if (isspace((unsigned char)*s)) {
            if (o->pending < HT_SPACE)
                o->pending = HT_SPACE;
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

static void ht_quiet(void *ctx, const char *msg, ...) { (void)ctx, (void)msg; }
static void ht_quiet_s(void *ctx, xmlErrorPtr e) { (void)ctx, (void)e; }

static htmlDocPtr ht_parse(const char *s, size_t n, const char *enc, int extra)
{
    xmlInitParser();
    xmlStructuredErrorFunc old_s = xmlStructuredError;
    void *old_sctx = xmlStructuredErrorContext;
    xmlGenericErrorFunc old_g = xmlGenericError;
    void *old_gctx = xmlGenericErrorContext;
    xmlSetStructuredErrorFunc(NULL, ht_quiet_s);
    xmlSetGenericErrorFunc(NULL, ht_quiet);
    htmlDocPtr doc = htmlReadMemory(s, (int)n, NULL, enc, HT_OPTIONS | extra);
    xmlSetStructuredErrorFunc(old_sctx, old_s);
    xmlSetGenericErrorFunc(old_gctx, old_g);
    return doc;
}

/* The page as a document: UTF-8 (invalid bytes replaced, a warning) unless it
 * is not UTF-8 and declares another charset, which libxml2 then decodes. */
static htmlDocPtr ht_load(dyad_article *out, const char *buf, size_t n, dyad_diag *d, int *oom)
{
    size_t len;
    long bad = 0;
    char *clean = dyad_utf8_sanitize(buf, n, &len, &bad);
    char cs[40];
    *oom = !clean;
    if (!clean)
        return NULL;
    htmlDocPtr doc = NULL;
    const char *enc = bad ? ht_charset(buf, n, cs, sizeof cs) : NULL;
    if (enc)
        doc = ht_parse(buf, n, enc, 0);
    if (!doc && bad) {
        out->bad_utf8 = bad;
        dyad_diag_report(d, DYAD_DIAG_WARNING, out->file, 0,
                         "%ld invalid UTF-8 sequence%s replaced with U+FFFD", bad,
                         bad == 1 ? "" : "s");
    }
    if (!doc && len)
        doc = ht_parse(clean, len, "UTF-8", HTML_PARSE_IGNORE_ENC);
    free(clean);
    return doc;
}

/* ---- API ---------------------------------------------------------------------- */

static int ht_article(dyad_article *out, dyad_arena *a, htmlDocPtr doc, dyad_diag *d)
{
    ht_state st = {.tmp = dyad_arena_new()};
    ht_out o = {.pending = HT_NONE};
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
