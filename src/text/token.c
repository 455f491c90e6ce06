/* token.c: Penn-Treebank-style tokens with byte spans.
 *
 * The text is cut at whitespace into chunks; in a chunk, a word is a run of
 * letters, digits and marks, which a joiner ('.', ',', ':', '-', '\'', '’',
 * '/', '&', '@', '·') continues when the characters on both sides allow it
 * (see tk_joins); any other character is a token of its own, except runs of
 * dots, hyphens and backquotes. A full stop after a word stays with it when
 * the word is an abbreviation. Then the clitics n't, 's, 're, 've, 'll, 'd, 'm
 * are split off the word. */
#include "text/text.h"
#include "text/text_internal.h"

#include <limits.h>
#include <string.h>

typedef struct tk {
    const char *s;
    size_t lo, hi;     /* the range being tokenized */
    text__tok_fn fn;
    void *user;
    int stop;
} tk;

static void tk_emit(tk *t, size_t a, size_t b)
{
    if (!t->stop && b > a)
        t->stop = t->fn(t->user, a, b);
}

static text__class tk_class_at(const tk *t, size_t i, size_t end, int *len)
{
    return text__classify(text__cp(t->s, end, i, len));
}

/* May joiner j continue a word between prev and next? */
static int tk_joins(int32_t j, text__class prev, text__class next)
{
    int wp = text__is_word(prev), wn = text__is_word(next);
    switch (j) {
    case '.': case '-': case '/': case '@': case 0x2010: case 0x2011: case 0x2013:
        return wp && wn;
    case ',': case ':':
        return prev == TEXT_DIGIT && next == TEXT_DIGIT;
    case '\'': case 0x2019:
        return (text__is_letter(prev) || prev == TEXT_DIGIT) && text__is_letter(next);
    case '&': case 0x00B7:
        return text__is_letter(prev) && text__is_letter(next);
    default:
        return 0;
    }
}

/* End of the word that starts at i (its first character is consumed as is). */
static size_t tk_word_end(const tk *t, size_t i, size_t ce)
{
    int len;
    text__class prev = tk_class_at(t, i, ce, &len);
    i += (size_t)len;
    while (i < ce) {
        int32_t cp = text__cp(t->s, ce, i, &len);
        text__class c = text__classify(cp);
        if (text__is_word(c)) {
            prev = c;
            i += (size_t)len;
            continue;
        }
        size_t k = i + (size_t)len;
        int nlen;
        if (k < ce && tk_joins(cp, prev, tk_class_at(t, k, ce, &nlen))) {
            prev = tk_class_at(t, k, ce, &nlen); /* the joiner and the word character after it */
            i = k + (size_t)nlen;
            continue;
        }
        break;
    }
    return i;
}

/* The first non-space character at or after i in the range is a digit. */
static int tk_digit_follows(const tk *t, size_t i)
{
    int len;
    for (int k = 0; i < t->hi && k < 64; k++) {
        text__class c = tk_class_at(t, i, t->hi, &len);
        if (c != TEXT_SPACE)
            return c == TEXT_DIGIT;
        i += (size_t)len;
    }
    return 0;
}

/* Does the full stop at s[q] belong to the word s[p..q)? */
static int tk_keep_stop(const tk *t, size_t p, size_t q)
{
    switch (text__abbrev(t->s + p, q - p)) {
    case TEXT_ABBR_NONE:
        return 0;
    case TEXT_ABBR_NUMBER:
        return tk_digit_follows(t, q + 1);
    default:
        return 1;
    }
}

static int tk_lower_eq(const char *s, const char *lit, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        if (c != lit[i])
            return 0;
    }
    return 1;
}

/* Length of the apostrophe (' or ’) that ends at s[i] (exclusive), 0 if none. */
static size_t tk_apos_before(const char *s, size_t lo, size_t i)
{
    if (i > lo && s[i - 1] == '\'')
        return 1;
    if (i >= lo + 3 && !memcmp(s + i - 3, "\xE2\x80\x99", 3))
        return 3;
    return 0;
}

/* Where the clitic of the word s[a..b) starts, or b when it has none. */
static size_t tk_clitic(const char *s, size_t a, size_t b)
{
    static const char *const sfx[] = {"s", "re", "ve", "ll", "d", "m"};
    if (b - a >= 4 && tk_lower_eq(s + b - 1, "t", 1)) { /* n't */
        size_t ap = tk_apos_before(s, a, b - 1);
        size_t np = b - 1 - ap;
        if (ap && np > a + 1 && tk_lower_eq(s + np - 1, "n", 1))
            return np - 1;
    }
    for (int k = 0; k < 6; k++) {
        size_t n = strlen(sfx[k]);
        if (b - a < n + 2 || !tk_lower_eq(s + b - n, sfx[k], n))
            continue;
        size_t ap = tk_apos_before(s, a, b - n);
        if (ap && b - n - ap > a)
            return b - n - ap;
    }
    return b;
}

static void tk_word(tk *t, size_t a, size_t b)
{
    size_t c = tk_clitic(t->s, a, b);
    tk_emit(t, a, c);
    tk_emit(t, c, b);
}

/* End of the punctuation token at i: runs of '.', '-', '`'; "''"; else one
 * character. */
static size_t tk_punct_end(const tk *t, size_t i, size_t ce)
{
    char c = t->s[i];
    if (c == '.' || c == '-' || c == '`') {
        size_t j = i;
        while (j < ce && t->s[j] == c)
            j++;
        return j;
    }
    if (c == '\'' && i + 1 < ce && t->s[i + 1] == '\'')
        return i + 2;
    int len;
    text__cp(t->s, ce, i, &len);
    return i + (size_t)len;
}

static const char *tk_find(const char *s, size_t n, const char *pat)
{
    size_t k = strlen(pat);
    for (size_t i = 0; i + k <= n; i++)
        if (s[i] == pat[0] && !memcmp(s + i, pat, k))
            return s + i;
    return NULL;
}

/* A web address: one token without its surrounding punctuation. */
static int tk_url(tk *t, size_t cs, size_t ce)
{
    const char *s = t->s;
    if (!tk_find(s + cs, ce - cs, "://") && !tk_find(s + cs, ce - cs, "www."))
        return 0;
    int len;
    while (cs < ce && text__is_opener(text__cp(s, ce, cs, &len))) {
        tk_emit(t, cs, cs + (size_t)len);
        cs += (size_t)len;
    }
    size_t e = ce;
    while (e > cs) {
        int32_t cp = text__cp_before(s, cs, e, &len);
        if (!(text__is_closer(cp) || cp == '.' || cp == ',' || cp == ';' || cp == ':' ||
              cp == '!' || cp == '?'))
            break;
        e -= (size_t)len;
    }
    tk_emit(t, cs, e);
    for (size_t i = e; i < ce; i = tk_punct_end(t, i, ce))
        tk_emit(t, i, tk_punct_end(t, i, ce));
    return 1;
}

/* An apostrophe and a clitic after something that is not a space, ending
 * the word ("Inc.'s", "U.S.’s"): its end, else p. */
static size_t tk_lone_clitic(const tk *t, size_t p, size_t ce, text__class prev)
{
    static const char *const sfx[] = {"s", "re", "ve", "ll", "d", "m"};
    size_t ap = t->s[p] == '\'' ? 1 : ce - p >= 3 && !memcmp(t->s + p, "\xE2\x80\x99", 3) ? 3 : 0;
    if (!ap || prev == TEXT_SPACE)
        return p;
    size_t a = p + ap, e = a;
    int len;
    while (e < ce && e - a < 3 && text__is_letter(tk_class_at(t, e, ce, &len)))
        e += (size_t)len;
    if (e < ce && text__is_word(tk_class_at(t, e, ce, &len)))
        return p;
    for (int k = 0; k < 6; k++)
        if (strlen(sfx[k]) == e - a && tk_lower_eq(t->s + a, sfx[k], e - a))
            return e;
    return p;
}

static void tk_chunk(tk *t, size_t cs, size_t ce)
{
    if (tk_url(t, cs, ce))
        return;
    size_t p = cs;
    int len;
    text__class prev = TEXT_SPACE;
    while (p < ce && !t->stop) {
        int32_t cp = text__cp(t->s, ce, p, &len);
        text__class c = text__classify(cp);
        int nlen;
        int lead_dot = cp == '.' && !text__is_word(prev) && p + 1 < ce &&
                       tk_class_at(t, p + 1, ce, &nlen) == TEXT_DIGIT; /* ".5" */
        size_t q;
        if (text__is_word(c) || lead_dot) {
            q = tk_word_end(t, p, ce);
            if (q < ce && t->s[q] == '.' && !(q + 1 < ce && t->s[q + 1] == '.') &&
                tk_keep_stop(t, p, q))
                q++;
            tk_word(t, p, q);
        } else if ((q = tk_lone_clitic(t, p, ce, prev)) > p) {
            tk_emit(t, p, q); /* "Inc.'s" */
        } else {
            q = tk_punct_end(t, p, ce);
            tk_emit(t, p, q);
        }
        prev = text__classify(text__cp_before(t->s, p, q, &len));
        p = q;
    }
}

int text__tokens(const char *s, size_t start, size_t end, text__tok_fn fn, void *user)
{
    tk t = {.s = s, .lo = start, .hi = end, .fn = fn, .user = user};
    size_t i = start;
    int len;
    while (i < end && !t.stop) {
        if (tk_class_at(&t, i, end, &len) == TEXT_SPACE) {
            i += (size_t)len;
            continue;
        }
        size_t j = i;
        while (j < end && tk_class_at(&t, j, end, &len) != TEXT_SPACE)
            j += (size_t)len;
        tk_chunk(&t, i, j);
        i = j;
    }
    return t.stop;
}

/* ---- dyad_text_tokenize ---------------------------------------------------------- */

typedef struct tk_fill {
    dyad_token *v;
    int n, cap;
} tk_fill;

static int tk_count(void *user, size_t a, size_t b)
{
    (void)a, (void)b;
    tk_fill *f = user;
    if (f->n == INT_MAX)
        return 1;
    f->n++;
    return 0;
}

static int tk_store(void *user, size_t a, size_t b)
{
    tk_fill *f = user;
    if (f->n >= f->cap)
        return 1;
    f->v[f->n].start = (int)a;
    f->v[f->n].end = (int)b;
    f->n++;
    return 0;
}

/* The Penn form of a one-character token, or NULL. opening: the token follows
 * whitespace, the start or an opening bracket. */
static const char *tk_penn_punct(const char *s, size_t n, int opening)
{
    static const struct { const char *from, *to; } map[] = {
        {"\xE2\x80\x9C", "``"}, {"\xE2\x80\x9D", "''"}, {"\xE2\x80\x9E", "``"},
        {"\xC2\xAB", "``"}, {"\xC2\xBB", "''"}, {"\xE2\x80\x98", "`"}, {"\xE2\x80\x99", "'"},
        {"\xE2\x80\x9A", "`"}, {"(", "-LRB-"}, {")", "-RRB-"}, {"[", "-LSB-"}, {"]", "-RSB-"},
        {"{", "-LCB-"}, {"}", "-RCB-"}, {"\xE2\x80\x94", "--"}, {"\xE2\x80\x93", "--"},
        {"\xE2\x80\x95", "--"}, {"\xE2\x80\xA6", "..."}};
    if (n == 1 && s[0] == '"')
        return opening ? "``" : "''";
    if (n == 1 && s[0] == '\'')
        return opening ? "`" : "'";
    for (size_t i = 0; i < sizeof map / sizeof *map; i++)
        if (strlen(map[i].from) == n && !memcmp(s, map[i].from, n))
            return map[i].to;
    return NULL;
}

/* form with every ’ as ' (NULL when it has none). */
static char *tk_ascii_apos(dyad_arena *a, const char *form, size_t n)
{
    if (!tk_find(form, n, "\xE2\x80\x99"))
        return NULL;
    char *o = dyad_arena_alloc(a, n + 1);
    if (!o)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (i + 3 <= n && !memcmp(form + i, "\xE2\x80\x99", 3)) {
            o[k++] = '\'';
            i += 2;
        } else {
            o[k++] = form[i];
        }
    }
    o[k] = 0;
    return o;
}

static int tk_strings(dyad_token *v, int n, dyad_arena *a, const char *text, size_t start)
{
    for (int i = 0; i < n; i++) {
        size_t s = (size_t)v[i].start, len = (size_t)(v[i].end - v[i].start);
        char *form = dyad_arena_strndup(a, text + s, len);
        if (!form)
            return dyad_set_error(DYAD_ENOMEM, "out of memory");
        v[i].form = form;
        int lenb;
        int opening = s == start ||
                      text__classify(text__cp_before(text, start, s, &lenb)) == TEXT_SPACE ||
                      text__is_opener(text__cp_before(text, start, s, &lenb));
        const char *norm = tk_penn_punct(form, len, opening);
        if (!norm)
            norm = tk_ascii_apos(a, form, len);
        v[i].norm = norm ? norm : form;
    }
    return 0;
}

int dyad_text_tokenize(dyad_token **out, int *nout, dyad_arena *a, const char *text,
                       size_t start, size_t end)
{
    *out = NULL;
    *nout = 0;
    if (start > end || (!text && end))
        return dyad_set_error(DYAD_EINVAL, "bad text range");
    if (end > INT_MAX)
        return dyad_set_error(DYAD_ELIMIT, "text longer than %d bytes", INT_MAX);
    tk_fill f = {0};
    text__tokens(text, start, end, tk_count, &f);
    if (!f.n)
        return 0;
    f.v = dyad_arena_alloc(a, (size_t)f.n * sizeof *f.v);
    if (!f.v)
        return dyad_set_error(DYAD_ENOMEM, "out of memory");
    f.cap = f.n;
    f.n = 0;
    text__tokens(text, start, end, tk_store, &f);
    int rc = tk_strings(f.v, f.n, a, text, start);
    if (rc)
        return rc;
    *out = f.v;
    *nout = f.n;
    return 0;
}
