/* text.c: plain-text articles, web boilerplate removal, format detection and
 * the article reader (which hands HTML to html.c and JSON lines to jsonl.c).
 *
 * The reader keeps one article in a per-reader arena that is reset before the
 * next one, and reads JSON Lines through a line buffer that grows only to the
 * longest line (capped): memory does not grow with the number of articles. */
#include "ingest/article.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include <libxml/HTMLparser.h>
#include "ingest/infile.h"

#define RD_PEEK 4096          /* bytes read before the format is chosen */
#define BP_WEAK_MAX 200       /* a weak-marker line longer than this is kept */

/* ---- dates ---------------------------------------------------------------- */

static int dt_digits(const char *s, int k)
{
    for (int i = 0; i < k; i++)
        if (!isdigit((unsigned char)s[i]))
            return 0;
    return 1;
}

static int dt_num(const char *s, int k)
{
    int v = 0;
    for (int i = 0; i < k; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

/* Length of the date at s[0..n) (10 or 8), writing "YYYY-MM-DD"; 0 if none.
 * The date must not run on into more digits. */
static size_t dt_scan(char out[11], const char *s, size_t n)
{
    size_t len = 0;
    char y[5], m[3], d[3];
    if (n >= 10 && dt_digits(s, 4) && (s[4] == '-' || s[4] == '/') && s[7] == s[4] &&
        dt_digits(s + 5, 2) && dt_digits(s + 8, 2)) {
        len = 10;
        memcpy(m, s + 5, 2), memcpy(d, s + 8, 2);
    } else if (n >= 8 && dt_digits(s, 8)) {
        len = 8;
        memcpy(m, s + 4, 2), memcpy(d, s + 6, 2);
    } else {
        return 0;
    }
    if (len < n && isdigit((unsigned char)s[len]))
        return 0;
    memcpy(y, s, 4);
    y[4] = m[2] = d[2] = 0;
    int yy = dt_num(y, 4), mm = dt_num(m, 2), dd = dt_num(d, 2);
    if (yy < 1000 || yy > 2999 || mm < 1 || mm > 12 || dd < 1 || dd > 31)
        return 0;
    snprintf(out, 11, "%04d-%02d-%02d", yy, mm, dd);
    return len;
}

static int is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

int dyad_article_parse_date(char out[11], const char *s, size_t n)
{
    while (n && is_blank(*s))
        s++, n--;
    while (n && is_blank(s[n - 1]))
        n--;
    char tmp[11];
    size_t len = dt_scan(tmp, s, n);
    /* after the date: nothing, or an ISO time ("T08:00", " 08:00:00") */
    if (!len || (len < n && s[len] != 'T' && s[len] != ' '))
        return DYAD_EINVAL;
    memcpy(out, tmp, 11);
    return 0;
}

size_t dyad_article_take_date(char out[11], const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && is_blank(s[i]))
        i++;
    if (n - i < 5 || strncasecmp(s + i, "date", 4) != 0)
        return 0;
    i += 4;
    if (i < n && s[i] == ':')
        i++;
    size_t k = i;
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    if (i == k && s[k - 1] != ':')
        return 0; /* "dated", "date2024" */
    size_t len = dt_scan(out, s + i, n - i);
    if (!len || (i + len < n && !is_blank(s[i + len]))) {
        out[0] = 0;
        return 0;
    }
    i += len;
    while (i < n && is_blank(s[i]))
        i++;
    return i;
}

/* ---- boilerplate ---------------------------------------------------------- */

/* s starts with the ASCII phrase p, case-insensitively, and p is not followed
 * by more letters when it ends with one. */
static int bp_prefix(const char *s, size_t n, const char *p)
{
    size_t k = strlen(p);
    if (n < k || strncasecmp(s, p, k) != 0)
        return 0;
    return k == n || !isalpha((unsigned char)p[k - 1]) || !isalnum((unsigned char)s[k]);
}

/* The line ends like a sentence: '.', '?', '!' or '…', maybe before closing
 * quotes or brackets. */
static int bp_sentence_end(const char *s, size_t n)
{
    while (n) {
        unsigned char c = (unsigned char)s[n - 1];
        if (c == '"' || c == '\'' || c == ')' || c == ']')
            n--;
        else if (n >= 3 && (!memcmp(s + n - 3, "\xE2\x80\x9D", 3) || !memcmp(s + n - 3, "\xE2\x80\x99", 3)))
            n -= 3; /* ” ’ */
        else
            break;
    }
    if (!n)
        return 0;
    char c = s[n - 1];
    return c == '.' || c == '?' || c == '!' || (n >= 3 && !memcmp(s + n - 3, "\xE2\x80\xA6", 3));
}

static const char *const bp_strong[] = {
    "also read:", "read also:", "read more:", "see also:", "related:", "also see:",
    "your email address will not be published", "required fields are marked",
    "click here", "tap here", "we use cookies", "this site uses cookies",
    "this website uses cookies", "our site uses cookies", "our website uses cookies",
    "by continuing to use this", "by using this site", "by using this website",
    "by using our site", "sign up for our", "subscribe to our", "follow us on",
    "copyright \xC2\xA9", "copyright (c)", "\xC2\xA9", "all rights reserved", "leave a reply",
    "leave a comment", "share this:", "share on facebook", "share on twitter", "share via",
    "story continues below", "scroll to continue", "skip to content", "skip to main content",
    "photo:", "image:", "photo credit", "file photo:", "(photo:", NULL};

static const char *const bp_weak[] = {
    "also read", "read also", "read more", "see also", "related", "recommended", "more from",
    "advertisement", "continue reading", "share this", "reporting by", "(reporting by",
    "additional reporting by", "(additional reporting by", "editing by", "writing by",
    "compiled by", "sponsored", "trending", "most read", "most popular", "newsletter",
    "subscribe", "sign up", "log in", "cookie", "accept all", "accept cookies", "watch:",
    "listen:", NULL};

static const char *const bp_exact[] = {
    "advertisement", "supported by", "share", "tweet", "email", "print", "comments", "comment",
    "related", "related articles", "related stories", "related content", "related posts",
    "related news", "read more", "continue reading", "cancel reply", "leave a reply", "reply",
    "more", "menu", "search", "home", "subscribe", "sign up", "log in", "login", "newsletter",
    "trending", "most read", "most popular", "recommended", "tags", "topics", "share this",
    "share this article", "share this story", "share article", "reuters", "afp", "ap",
    "associated press", "agence france-presse", "ads", "ad", "sponsored", "sponsored content",
    "back to top", "next", "previous", "next article", "previous article", "loading",
    "whatsapp", "facebook", "twitter", "linkedin", "telegram", "copy link", "reddit",
    "pinterest", "cookie policy", "cookie settings", "privacy policy", "terms of use", NULL};

static int bp_in(const char *s, size_t n, const char *const *list)
{
    for (int i = 0; list[i]; i++)
        if (bp_prefix(s, n, list[i]))
            return 1;
    return 0;
}

static int bp_is_exact(const char *s, size_t n)
{
    while (n && (s[n - 1] == ':' || s[n - 1] == '.' || s[n - 1] == '!' || s[n - 1] == ' '))
        n--;
    for (int i = 0; bp_exact[i]; i++)
        if (strlen(bp_exact[i]) == n && !strncasecmp(s, bp_exact[i], n))
            return 1;
    return 0;
}

/* "#North #Korea #Iran". */
static int bp_hashtags(const char *s, size_t n)
{
    int words = 0;
    for (size_t i = 0; i < n;) {
        if (s[i] == ' ' || s[i] == '\t') {
            i++;
            continue;
        }
        if (s[i] != '#' || i + 1 >= n || s[i + 1] == ' ' || s[i + 1] == '#')
            return 0;
        while (i < n && s[i] != ' ' && s[i] != '\t')
            i++;
        words++;
    }
    return words > 0;
}

/* "12 Comments", "1 comment". */
static int bp_comment_count(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && isdigit((unsigned char)s[i]))
        i++;
    if (!i || i >= n || s[i] != ' ')
        return 0;
    return bp_is_exact(s + i + 1, n - i - 1) &&
           (!strncasecmp(s + i + 1, "comment", 7) || !strncasecmp(s + i + 1, "repl", 4));
}

static int bp_upper_start(const char *w)
{
    utf8proc_int32_t cp;
    if (utf8proc_iterate((const utf8proc_uint8_t *)w, -1, &cp) <= 0)
        return 0;
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

static int bp_connector(const char *w)
{
    static const char *const c[] = {"and", "&", "|", "-", "\xE2\x80\x93", "\xE2\x80\x94", "in",
                                    "at", "of", "the", "for", "de", "der", "van", "von", "al",
                                    "bin", "da", "di", "du", "la", "le", "el", "y", NULL};
    for (int i = 0; c[i]; i++)
        if (!strcmp(w, c[i]))
            return 1;
    return 0;
}

/* "By NAME", "By NAME and NAME, Reuters": after "By", capitalised words (or
 * numbers, or connectors after the first name), no sentence end. */
static int bp_byline(const char *s, size_t n)
{
    if (n < 4 || n > 120 || !(s[0] == 'B') || !(s[1] == 'y' || s[1] == 'Y') || s[2] != ' ')
        return 0;
    if (bp_sentence_end(s, n) && !(n >= 3 && s[n - 3] == ' ' && isupper((unsigned char)s[n - 2])))
        return 0;
    char w[64];
    int words = 0;
    for (size_t i = 3; i < n;) {
        while (i < n && (s[i] == ' ' || s[i] == ','))
            i++;
        size_t k = 0;
        while (i < n && s[i] != ' ' && s[i] != ',') {
            if (k < sizeof w - 1)
                w[k++] = s[i];
            i++;
        }
        w[k] = 0;
        if (!k)
            break;
        char *p = w;
        if (*p == '(')
            p++;
        if (!*p)
            continue;
        int ok = bp_upper_start(p) || (words && (bp_connector(p) || isdigit((unsigned char)*p)));
        if (!ok || ++words > 12)
            return 0;
    }
    return words > 0;
}

/* "John Smith | Reuters", "World | Asia": short '|'-separated parts. */
static int bp_pipes(const char *s, size_t n)
{
    if (n > 160 || !memchr(s, '|', n) || bp_sentence_end(s, n))
        return 0;
    int words = 0;
    size_t part = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i == n || s[i] == '|') {
            if (part > 60 || words > 8)
                return 0;
            words = 0, part = 0;
        } else {
            part++;
            if (s[i] != ' ' && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '|'))
                words++;
        }
    }
    return 1;
}

int dyad_article_is_boilerplate(const char *s, size_t n)
{
    while (n && is_blank(*s))
        s++, n--;
    while (n && is_blank(s[n - 1]))
        n--;
    if (!n)
        return 0;
    if (bp_in(s, n, bp_strong) || bp_is_exact(s, n) || bp_hashtags(s, n) ||
        bp_comment_count(s, n) || bp_byline(s, n) || bp_pipes(s, n))
        return 1;
    return n <= BP_WEAK_MAX && !bp_sentence_end(s, n) && bp_in(s, n, bp_weak);
}

int dyad_article_strip_boilerplate(char **out, size_t *out_len, long *dropped, dyad_arena *a,
                                   const char *s, size_t n)
{
    char *o = dyad_arena_alloc(a, n + 1);
    size_t k = 0;
    long nd = 0;
    int blank = 0;
    if (!o)
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    for (size_t i = 0; i < n;) {
        size_t e = i;
        while (e < n && s[e] != '\n' && s[e] != '\r')
            e++;
        size_t next = e < n && s[e] == '\r' && e + 1 < n && s[e + 1] == '\n' ? e + 2 : e + 1;
        size_t t = e;
        while (t > i && is_blank(s[t - 1]))
            t--;
        size_t lead = i;
        while (lead < t && is_blank(s[lead]))
            lead++;
        if (lead == t) {
            blank = 1;
        } else if (dyad_article_is_boilerplate(s + i, t - i)) {
            nd++;
            blank = 1; /* never glue the lines around a dropped one */
        } else {
            if (k)
                o[k++] = '\n';
            if (k && blank)
                o[k++] = '\n';
            /* a wire dateline ("SEOUL (Reuters) - ") or credit ("(AFP)") goes */
            size_t dl = dyad_article_dateline_len(s + lead, t - lead);
            size_t body = t - lead - dl;
            size_t cr = dyad_article_credit_len(s + lead + dl, body);
            int stop = cr && s[t - 1] == '.'; /* "(AFP)." keeps the full stop */
            memcpy(o + k, s + i, lead - i);
            k += lead - i;
            memcpy(o + k, s + lead + dl, body - cr - (size_t)stop);
            k += body - cr - (size_t)stop;
            if (stop)
                o[k++] = '.';
            blank = 0;
        }
        i = next;
    }
    o[k] = 0;
    *out = o;
    if (out_len)
        *out_len = k;
    if (dropped)
        *dropped = nd;
    return 0;
}

/* ---- shared by the readers ------------------------------------------------ */

char *dyad_ingest__utf8_nul(dyad_arena *a, const char *s, size_t n, size_t *out_len, long *nbad,
                            long *nnul, dyad_diag *d, const char *name, long line)
{
    size_t len;
    long bad = 0, nul = 0;
    char *clean = dyad_utf8_clean(s, n, &len, &bad, &nul);
    if (!clean)
        return NULL;
    char *r = dyad_arena_strndup(a, clean, len);
    free(clean);
    if (bad)
        dyad_diag_report(d, DYAD_DIAG_WARNING, name, line,
                         "%ld invalid UTF-8 sequence%s replaced with U+FFFD", bad,
                         bad == 1 ? "" : "s");
    if (nul)
        dyad_diag_report(d, DYAD_DIAG_WARNING, name, line, "%ld NUL byte%s read as spaces", nul,
                         nul == 1 ? "" : "s");
    if (out_len)
        *out_len = len;
    if (nbad)
        *nbad = bad;
    if (nnul)
        *nnul = nul;
    return r;
}

char *dyad_ingest__utf8(dyad_arena *a, const char *s, size_t n, size_t *out_len, long *nbad,
                        dyad_diag *d, const char *name, long line)
{
    return dyad_ingest__utf8_nul(a, s, n, out_len, nbad, NULL, d, name, line);
}

/* The first dateline of s[0..n), in its first three lines that are kept (not
 * blank, not boilerplate: a headline may come before it), without its
 * separator ("BAGHDAD (Reuters)"), from a; "" when none; NULL on out of
 * memory. */
static const char *first_dateline(dyad_arena *a, const char *s, size_t n)
{
    int kept = 0;
    for (size_t i = 0; i < n && kept < 3;) {
        size_t e = i;
        while (e < n && s[e] != '\n' && s[e] != '\r')
            e++;
        size_t lead = i, t = e;
        while (lead < t && is_blank(s[lead]))
            lead++;
        while (t > lead && is_blank(s[t - 1]))
            t--;
        if (lead < t && !dyad_article_is_boilerplate(s + i, t - i)) {
            kept++;
            size_t dl = dyad_article_dateline_len(s + lead, t - lead);
            if (!dl) {
                i = e + 1;
                continue;
            }
            while (dl && (is_blank(s[lead + dl - 1]) || s[lead + dl - 1] == '-' ||
                          (unsigned char)s[lead + dl - 1] >= 0x80))
                dl--; /* the separator: " - ", " -- ", an em dash */
            return dyad_arena_strndup(a, s + lead, dl);
        }
        i = e + 1;
    }
    return "";
}

/* ---- character references (AG News, feeds that escape their text) -------- */

static size_t put_utf8(char *o, unsigned long cp)
{
    if (cp < 0x80) {
        o[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (char)(0xC0 | (cp >> 6));
        o[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | (cp >> 12));
        o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | (cp >> 18));
    o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* The reference at s[i..n) ("&#39;", "&quot;", or without the '&' when bare):
 * its length and *cp, 0 when there is none. */
static size_t entity_at(const char *s, size_t n, size_t i, int bare, unsigned long *cp)
{
    size_t k = i + (bare ? 0 : 1);
    if (k < n && s[k] == '#') {
        int hex = k + 1 < n && (s[k + 1] == 'x' || s[k + 1] == 'X') && !bare;
        size_t d = k + 1 + (size_t)hex, e = d;
        unsigned long v = 0;
        while (e < n && e - d < 7 &&
               (hex ? isxdigit((unsigned char)s[e]) : isdigit((unsigned char)s[e]))) {
            int c = (unsigned char)s[e];
            v = v * (hex ? 16 : 10) + (unsigned long)(isdigit(c) ? c - '0' : (tolower(c) - 'a' + 10));
            e++;
        }
        if (e == d || e >= n || s[e] != ';' || (bare && e - d < 2))
            return 0;
        if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
            return 0;
        *cp = v;
        return e + 1 - i;
    }
    size_t e = k;
    while (e < n && e - k < 12 && isalnum((unsigned char)s[e]))
        e++;
    if (e == k || e >= n || s[e] != ';')
        return 0;
    char name[16];
    memcpy(name, s + k, e - k);
    name[e - k] = 0;
    const htmlEntityDesc *ent = htmlEntityLookup((const xmlChar *)name);
    if (!ent || !ent->value || (bare && ent->value >= 0x80))
        return 0;
    *cp = ent->value;
    return e + 1 - i;
}

char *dyad_ingest__entities(dyad_arena *a, const char *s, size_t n, size_t *out_len)
{
    /* a reference is never shorter than what it gives ("&lt;" -> 1 byte,
     * "&#x10FFFF;" -> 4) */
    char *o = dyad_arena_alloc(a, n + 1);
    if (!o)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        unsigned long cp = 0;
        size_t len = 0;
        if (s[i] == '&')
            len = entity_at(s, n, i, 0, &cp);
        else if ((s[i] == '#' || isalpha((unsigned char)s[i])) &&
                 (i == 0 || isspace((unsigned char)s[i - 1]) || strchr("([{\"'", s[i - 1])))
            len = entity_at(s, n, i, 1, &cp);
        if (!len) {
            o[k++] = s[i++];
            continue;
        }
        /* "Iraq #39;s" (AG News): the apostrophe joins the word before */
        if (cp == '\'' && k >= 2 && o[k - 1] == ' ' &&
            isalpha((unsigned char)o[k - 2]) && i + len < n &&
            (s[i + len] == 's' || s[i + len] == 't') &&
            (i + len + 1 >= n || !isalpha((unsigned char)s[i + len + 1])))
            k--;
        k += put_utf8(o + k, cp);
        i += len;
    }
    o[k] = 0;
    if (out_len)
        *out_len = k;
    return o;
}

int dyad_ingest__set_text(dyad_article *out, dyad_arena *a, const char *text, size_t n)
{
    if (!(out->dateline = first_dateline(a, text, n)))
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    char *t;
    size_t len;
    long dropped;
    int rc = dyad_article_strip_boilerplate(&t, &len, &dropped, a, text, n);
    if (rc)
        return rc;
    out->text = t;
    out->text_len = len;
    out->boilerplate = dropped;
    return 0;
}

/* ---- plain text ----------------------------------------------------------- */

int dyad_article_from_text(dyad_article *out, dyad_arena *a, const char *name, const char *id,
                           const char *buf, size_t n, dyad_diag *d)
{
    memset(out, 0, sizeof *out);
    out->file = name ? name : "<memory>";
    out->line = 1;
    out->id = dyad_arena_strdup(a, id ? id : "");
    out->title = "";
    size_t len;
    char *s = dyad_ingest__utf8_nul(a, buf, n, &len, &out->bad_utf8, &out->nul_bytes, d,
                                    out->file, 0);
    char *date = dyad_arena_alloc(a, 11);
    if (!s || !date || !out->id)
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    if (len >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3))
        s += 3, len -= 3;
    size_t skip = dyad_article_take_date(date, s, len);
    out->date = date;
    char *dec = dyad_ingest__entities(a, s + skip, len - skip, &len);
    if (!dec)
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    return dyad_ingest__set_text(out, a, dec, len);
}

/* ---- format detection ----------------------------------------------------- */

static const char *const fmt_names[] = {"auto", "text", "html", "jsonl", "petrarch-xml", "conllu"};

const char *dyad_input_format_name(dyad_input_format f)
{
    return (unsigned)f < sizeof fmt_names / sizeof *fmt_names ? fmt_names[f] : "?";
}

int dyad_input_format_parse(dyad_input_format *out, const char *name)
{
    static const struct { const char *name; dyad_input_format f; } alias[] = {
        {"auto", DYAD_INPUT_AUTO}, {"text", DYAD_INPUT_TEXT}, {"txt", DYAD_INPUT_TEXT},
        {"html", DYAD_INPUT_HTML}, {"jsonl", DYAD_INPUT_JSONL}, {"json", DYAD_INPUT_JSONL},
        {"ndjson", DYAD_INPUT_JSONL}, {"petrarch-xml", DYAD_INPUT_PETRXML},
        {"petrxml", DYAD_INPUT_PETRXML}, {"xml", DYAD_INPUT_PETRXML},
        {"conllu", DYAD_INPUT_CONLLU}, {"conll", DYAD_INPUT_CONLLU}};
    for (size_t i = 0; name && i < sizeof alias / sizeof *alias; i++)
        if (!strcasecmp(name, alias[i].name)) {
            *out = alias[i].f;
            return 0;
        }
    return dyad_set_error(DYAD_EINVAL, "unknown input format '%s' (auto, text, html, jsonl, "
                          "petrarch-xml, conllu)", name ? name : "");
}

static const char *fmt_find(const char *s, size_t n, const char *pat)
{
    size_t k = strlen(pat);
    for (size_t i = 0; i + k <= n; i++)
        if (s[i] == pat[0] && !memcmp(s + i, pat, k))
            return s + i;
    return NULL;
}

/* A CoNLL-U token line: an integer id and at least nine tabs. */
static int fmt_conllu_line(const char *s, size_t n)
{
    size_t i = 0, tabs = 0;
    while (i < n && isdigit((unsigned char)s[i]))
        i++;
    if (!i || i >= n || (s[i] != '\t' && s[i] != '-' && s[i] != '.'))
        return 0;
    for (; i < n && s[i] != '\n'; i++)
        tabs += s[i] == '\t';
    return tabs >= 9;
}

static dyad_input_format fmt_content(const char *s, size_t n)
{
    size_t i = 0;
    if (n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3))
        i = 3;
    while (i < n && is_blank(s[i]))
        i++;
    if (i == n)
        return DYAD_INPUT_TEXT;
    int petr = fmt_find(s, n, "<Sentence") || fmt_find(s, n, "<Validation");
    const char *p = s + i;
    size_t m = n - i;
    if (*p == '<')
        return petr ? DYAD_INPUT_PETRXML : DYAD_INPUT_HTML;
    if (*p == '{')
        return DYAD_INPUT_JSONL;
    if (*p == '#') {
        static const char *const c[] = {"# sent_id", "# text", "# newdoc", "# newpar", NULL};
        for (int k = 0; c[k]; k++)
            if (m >= strlen(c[k]) && !memcmp(p, c[k], strlen(c[k])))
                return DYAD_INPUT_CONLLU;
        if (petr)
            return DYAD_INPUT_PETRXML;
    }
    return fmt_conllu_line(p, m) ? DYAD_INPUT_CONLLU : DYAD_INPUT_TEXT;
}

static dyad_input_format fmt_extension(const char *path)
{
    static const struct { const char *ext; dyad_input_format f; } ext[] = {
        {"txt", DYAD_INPUT_TEXT}, {"text", DYAD_INPUT_TEXT}, {"html", DYAD_INPUT_HTML},
        {"htm", DYAD_INPUT_HTML}, {"xhtml", DYAD_INPUT_HTML}, {"shtml", DYAD_INPUT_HTML},
        {"jsonl", DYAD_INPUT_JSONL}, {"ndjson", DYAD_INPUT_JSONL}, {"json", DYAD_INPUT_JSONL},
        {"conllu", DYAD_INPUT_CONLLU}, {"conll", DYAD_INPUT_CONLLU},
        {"xml", DYAD_INPUT_PETRXML}};
    if (!path || !strcmp(path, "-"))
        return DYAD_INPUT_AUTO;
    /* "a.jsonl.gz" is JSON Lines: the extension under ".gz" */
    size_t n = dyad_infile_name_len(path);
    const char *base = path + n;
    while (base > path && base[-1] != '/')
        base--;
    const char *dot = NULL;
    for (const char *p = base; p < path + n; p++)
        if (*p == '.')
            dot = p;
    if (!dot || dot == base)
        return DYAD_INPUT_AUTO;
    size_t elen = (size_t)(path + n - dot - 1);
    for (size_t i = 0; i < sizeof ext / sizeof *ext; i++)
        if (strlen(ext[i].ext) == elen && !strncasecmp(dot + 1, ext[i].ext, elen))
            return ext[i].f;
    return DYAD_INPUT_AUTO;
}

dyad_input_format dyad_input_detect(const char *path, const char *head, size_t n)
{
    dyad_input_format byext = fmt_extension(path);
    dyad_input_format byct = fmt_content(head, n);
    if (byext == DYAD_INPUT_PETRXML)
        return byct == DYAD_INPUT_HTML ? DYAD_INPUT_HTML : DYAD_INPUT_PETRXML;
    return byext != DYAD_INPUT_AUTO ? byext : byct;
}

/* ---- the reader ------------------------------------------------------------ */

struct dyad_article_reader {
    char *name, *id;         /* malloc'd */
    dyad_input_format fmt;
    dyad_diag *diag;
    dyad_arena *arena;       /* the current article */
    dyad_article cur;
    dyad_article_stats st;
    FILE *f;                 /* file input (NULL: memory) */
    int own_f, eof, done;
    char *buf;               /* file: read buffer; memory: a copy of the input */
    size_t cap, start, scan, end; /* file: pending bytes buf[start..end), searched to scan */
    size_t pos;              /* memory: next line */
    long lineno;
};

static char *rd_base_id(const char *path)
{
    if (!path || !strcmp(path, "-"))
        return strdup("stdin");
    /* "a.txt.gz" is article "a" */
    size_t len = dyad_infile_name_len(path);
    const char *base = path + len;
    while (base > path && base[-1] != '/')
        base--;
    if (base == path + len) /* a name ending in '/' */
        base = path;
    const char *dot = NULL;
    for (const char *p = base; p < path + len; p++)
        if (*p == '.')
            dot = p;
    size_t n = dot && dot != base ? (size_t)(dot - base) : (size_t)(path + len - base);
    char *id = malloc(n + 1);
    if (id) {
        memcpy(id, base, n);
        id[n] = 0;
    }
    return id;
}

static int rd_new(dyad_article_reader **out, const char *name, dyad_diag *d)
{
    dyad_article_reader *r = calloc(1, sizeof *r);
    *out = r;
    if (!r)
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    r->name = strdup(name ? name : "<memory>");
    r->id = rd_base_id(name ? name : "<memory>");
    r->arena = dyad_arena_new();
    r->diag = d;
    if (!r->name || !r->id || !r->arena)
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    return 0;
}

/* Reads more of the file into buf[end..); grows buf when it is full and
 * holds fewer than limit bytes. 0, or DYAD_EIO / DYAD_ENOMEM. */
static int rd_fill(dyad_article_reader *r, size_t limit)
{
    if (r->end == r->cap) {
        size_t nc = r->cap ? r->cap * 2 : RD_PEEK;
        if (nc > limit)
            nc = limit;
        if (nc <= r->cap)
            return dyad_set_error(DYAD_ELIMIT, "%s: input too large", r->name);
        char *p = realloc(r->buf, nc + 1);
        if (!p)
            return dyad_set_error(DYAD_ENOMEM, "out of memory");
        r->buf = p;
        r->cap = nc;
    }
    size_t k = fread(r->buf + r->end, 1, r->cap - r->end, r->f);
    r->end += k;
    if (k == 0) {
        if (ferror(r->f))
            return dyad_set_error(DYAD_EIO, "%s: read error: %s", r->name,
                                  dyad_infile_error(r->f));
        r->eof = 1;
    }
    return 0;
}

/* The whole (rest of the) file into buf[0..end). */
static int rd_slurp(dyad_article_reader *r)
{
    while (!r->eof) {
        if (r->end > DYAD_ARTICLE_MAX_BYTES)
            return dyad_set_error(DYAD_ELIMIT, "%s: larger than %u MB", r->name,
                                  DYAD_ARTICLE_MAX_BYTES >> 20);
        int rc = rd_fill(r, DYAD_ARTICLE_MAX_BYTES + (size_t)RD_PEEK);
        if (rc)
            return rc;
    }
    return 0;
}

static int rd_choose(dyad_article_reader *r, dyad_input_format fmt, const char *path,
                     const char *head, size_t n)
{
    r->fmt = fmt == DYAD_INPUT_AUTO ? dyad_input_detect(path, head, n) : fmt;
    if (r->fmt == DYAD_INPUT_PETRXML || r->fmt == DYAD_INPUT_CONLLU)
        return dyad_set_error(DYAD_EINVAL, "%s: %s input is not read by the article reader",
                              r->name, dyad_input_format_name(r->fmt));
    if ((unsigned)r->fmt > DYAD_INPUT_CONLLU)
        return dyad_set_error(DYAD_EINVAL, "%s: bad input format", r->name);
    return 0;
}

int dyad_article_reader_open(dyad_article_reader **out, const char *path, dyad_input_format fmt,
                             dyad_diag *d)
{
    int rc = rd_new(out, path, d);
    dyad_article_reader *r = *out;
    if (rc)
        return rc;
    if (!(r->f = dyad_infile_open(path)))
        return DYAD_EIO;
    r->own_f = r->f != stdin;
    while (!rc && !r->eof && r->end < RD_PEEK)
        rc = rd_fill(r, RD_PEEK);
    if (!rc && (rc = rd_choose(r, fmt, path, r->buf, r->end)) != 0)
        return rc;
    if (!rc && r->fmt != DYAD_INPUT_JSONL)
        rc = rd_slurp(r);
    if (rc == DYAD_EIO) { /* a damaged .gz: nothing of the file has been handed out */
        char msg[512];
        snprintf(msg, sizeof msg, "%s", dyad_last_error());
        return dyad_set_error(rc, "%s; the file is left out", msg);
    }
    if (rc)
        return rc;
    if (r->fmt != DYAD_INPUT_JSONL) {
        if (r->own_f)
            dyad_infile_close(r->f);
        r->f = NULL;
        r->own_f = 0;
    }
    return rc;
}

int dyad_article_reader_open_mem(dyad_article_reader **out, const char *name, const char *buf,
                                 size_t n, dyad_input_format fmt, dyad_diag *d)
{
    int rc = rd_new(out, name, d);
    dyad_article_reader *r = *out;
    if (rc)
        return rc;
    if ((rc = rd_choose(r, fmt, name, buf, n < RD_PEEK ? n : RD_PEEK)) != 0)
        return rc;
    if (r->fmt != DYAD_INPUT_JSONL && n > DYAD_ARTICLE_MAX_BYTES)
        return dyad_set_error(DYAD_ELIMIT, "%s: larger than %u MB", r->name,
                              DYAD_ARTICLE_MAX_BYTES >> 20);
    r->buf = malloc(n + 1);
    if (!r->buf)
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    if (n)
        memcpy(r->buf, buf, n);
    r->end = n;
    return 0;
}

dyad_input_format dyad_article_reader_format(const dyad_article_reader *r) { return r->fmt; }

/* Next line of a file: *too_long set (and the line dropped) when it exceeds
 * DYAD_ARTICLE_MAX_BYTES. 1, 0 at the end, or a negative dyad_err. */
static int rd_file_line(dyad_article_reader *r, const char **line, size_t *len, int *too_long)
{
    *too_long = 0;
    for (;;) {
        char *nl = memchr(r->buf + r->scan, '\n', r->end - r->scan);
        if (nl || (r->eof && r->start < r->end)) {
            size_t e = nl ? (size_t)(nl - r->buf) : r->end;
            *line = r->buf + r->start;
            *len = e - r->start;
            r->start = r->scan = nl ? e + 1 : e;
            return 1;
        }
        if (r->eof)
            return 0;
        r->scan = r->end;
        if (r->start > 0) { /* keep only the pending line */
            memmove(r->buf, r->buf + r->start, r->end - r->start);
            r->end -= r->start, r->scan -= r->start, r->start = 0;
        }
        if (r->end > DYAD_ARTICLE_MAX_BYTES) { /* drop it, keep looking for its end */
            *too_long = 1;
            r->end = r->scan = 0;
        }
        int rc = rd_fill(r, DYAD_ARTICLE_MAX_BYTES + (size_t)RD_PEEK);
        if (rc)
            return rc;
    }
}

static int rd_mem_line(dyad_article_reader *r, const char **line, size_t *len, int *too_long)
{
    if (r->pos >= r->end)
        return 0;
    const char *s = r->buf + r->pos;
    const char *nl = memchr(s, '\n', r->end - r->pos);
    *len = nl ? (size_t)(nl - s) : r->end - r->pos;
    *line = s;
    r->pos += *len + (nl != NULL);
    *too_long = *len > DYAD_ARTICLE_MAX_BYTES;
    return 1;
}

static int rd_next_jsonl(dyad_article_reader *r)
{
    for (;;) {
        const char *line = NULL;
        size_t len = 0;
        int too_long = 0;
        int rc = r->f ? rd_file_line(r, &line, &len, &too_long)
                      : rd_mem_line(r, &line, &len, &too_long);
        if (rc == DYAD_EIO && r->lineno > 0) {
            char msg[512];
            snprintf(msg, sizeof msg, "%s", dyad_last_error());
            return dyad_set_error(rc, "%s (after line %ld: the articles before it were read)",
                                  msg, r->lineno);
        }
        if (rc <= 0)
            return rc;
        r->lineno++;
        if (r->lineno == 1 && len >= 3 && !memcmp(line, "\xEF\xBB\xBF", 3))
            line += 3, len -= 3;
        if (too_long) {
            dyad_diag_report(r->diag, DYAD_DIAG_ERROR, r->name, r->lineno,
                             "line longer than %u MB; skipped", DYAD_ARTICLE_MAX_BYTES >> 20);
            r->st.skipped++;
            continue;
        }
        size_t i = 0;
        while (i < len && is_blank(line[i]))
            i++;
        if (i == len)
            continue;
        rc = dyad_article_from_jsonl(&r->cur, r->arena, r->name, r->lineno, line, len, r->diag);
        if (rc == DYAD_EPARSE) {
            r->st.skipped++;
            dyad_arena_reset(r->arena);
            continue;
        }
        return rc ? rc : 1;
    }
}

int dyad_article_reader_next(dyad_article_reader *r, const dyad_article **a)
{
    int rc;
    *a = NULL;
    dyad_arena_reset(r->arena);
    if (r->fmt == DYAD_INPUT_JSONL) {
        rc = rd_next_jsonl(r);
    } else {
        if (r->done)
            return 0;
        r->done = 1;
        rc = r->fmt == DYAD_INPUT_HTML
                 ? dyad_article_from_html(&r->cur, r->arena, r->name, r->id, r->buf, r->end, r->diag)
                 : dyad_article_from_text(&r->cur, r->arena, r->name, r->id, r->buf, r->end, r->diag);
        rc = rc ? rc : 1;
    }
    if (rc != 1)
        return rc;
    r->st.articles++;
    r->st.boilerplate += r->cur.boilerplate;
    r->st.bad_utf8 += r->cur.bad_utf8;
    r->st.nul_bytes += r->cur.nul_bytes;
    *a = &r->cur;
    return 1;
}

void dyad_article_reader_stats(const dyad_article_reader *r, dyad_article_stats *st)
{
    *st = r->st;
}

void dyad_article_reader_free(dyad_article_reader *r)
{
    if (!r)
        return;
    if (r->own_f && r->f)
        dyad_infile_close(r->f);
    free(r->buf);
    free(r->name);
    free(r->id);
    dyad_arena_free(r->arena);
    free(r);
}
