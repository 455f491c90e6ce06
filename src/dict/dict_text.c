/* dict_text.c: text-level helpers shared by the dictionary readers: the
 * comment-stripping line reader, interning, phrase splitting (with Penn
 * Treebank style clitic splitting so dictionary words look like parser
 * tokens), English inflections, dates and codes. */
#include "dict_internal.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- diagnostics and interning --------------------------------------- */

void dict__warn(dict_ctx *c, long line, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    c->d->st.warnings++;
    dyad_diag_report(c->diag, DYAD_DIAG_WARNING, c->file, line, "%s", msg);
}

const char *dict__intern(dyad_dict *d, const char *s, size_t n)
{
    uint32_t h = dict__hash(s, n);
    dmap_slot *sl = dict__map_find(&d->strings, s, n, h);
    if (sl)
        return sl->key;
    char *k = dyad_arena_strndup(d->arena, s, n);
    if (!k || dict__map_put(&d->strings, k, n, h, k) != 0)
        return NULL;
    return k;
}

const char *dict__intern_upper(dyad_dict *d, const char *s, size_t n)
{
    char tmp[DICT_MAX_WORD];
    if (n >= sizeof tmp) {
        char *big = dyad_arena_strndup(d->arena, s, n);
        if (!big)
            return NULL;
        for (size_t i = 0; i < n; i++)
            big[i] = (char)toupper((unsigned char)big[i]);
        return dict__intern(d, big, n);
    }
    for (size_t i = 0; i < n; i++)
        tmp[i] = (char)toupper((unsigned char)s[i]);
    return dict__intern(d, tmp, n);
}

const char *dict__skip_ws(const char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    return s;
}

size_t dict__trim_len(const char *s, size_t n)
{
    while (n > 0 && isspace((unsigned char)s[n - 1]))
        n--;
    return n;
}

/* ---- line reader --------------------------------------------------------- */

void dict__lines_init(dlines *it, const char *data, size_t len, int semicolon)
{
    memset(it, 0, sizeof *it);
    it->p = data ? data : "";
    it->end = it->p + (data ? len : 0);
    it->semicolon = semicolon;
    if (it->end - it->p >= 3 && memcmp(it->p, "\xEF\xBB\xBF", 3) == 0)
        it->p += 3;
}

void dict__lines_free(dlines *it)
{
    free(it->buf);
    it->buf = NULL;
    it->cap = 0;
}

static const char *find_close(const char *q, const char *e)
{
    for (; e - q >= 3; q++)
        if (q[0] == '-' && q[1] == '-' && q[2] == '>')
            return q;
    return NULL;
}

/* Copies s..e to it->buf without comments; returns the length kept. */
static size_t strip_comments(dlines *it, const char *s, const char *e)
{
    size_t o = 0;
    const char *q = s;
    if (!it->in_comment) {
        const char *f = s;
        while (f < e && (*f == ' ' || *f == '\t'))
            f++;
        if (e - f >= 2 && f[0] == '<' && f[1] == '!' && !(e - f >= 4 && f[2] == '-' && f[3] == '-'))
            return 0; /* "<!DOCTYPE ..." and the like */
    }
    while (q < e) {
        if (it->in_comment) {
            const char *c = find_close(q, e);
            if (!c)
                break;
            q = c + 3;
            it->in_comment = 0;
            continue;
        }
        char ch = *q;
        if (ch == '<' && e - q >= 4 && memcmp(q, "<!--", 4) == 0) {
            it->in_comment = 1;
            q += 4;
            continue;
        }
        if (ch == '#' || (ch == ';' && it->semicolon))
            break;
        if (ch == '\r' || ch == '\0')
            ch = ' ';
        it->buf[o++] = ch;
        q++;
    }
    return o;
}

int dict__lines_next(dlines *it, char **line, size_t *len, long *lineno)
{
    while (it->p < it->end) {
        const char *s = it->p;
        const char *e = memchr(s, '\n', (size_t)(it->end - s));
        if (!e)
            e = it->end;
        it->p = e < it->end ? e + 1 : it->end;
        it->lineno++;
        size_t need = (size_t)(e - s) + 1;
        if (need > it->cap) {
            char *nb = realloc(it->buf, need);
            if (!nb)
                return DYAD_ENOMEM;
            it->buf = nb;
            it->cap = need;
        }
        size_t n = dict__trim_len(it->buf, strip_comments(it, s, e));
        it->buf[n] = '\0';
        if (*dict__skip_ws(it->buf) == '\0')
            continue;
        *line = it->buf;
        *len = n;
        *lineno = it->lineno;
        return 1;
    }
    return 0;
}

/* ---- phrases -------------------------------------------------------------- */

static int push_word(dyad_dict *d, dphrase *p, const char *s, size_t n, int conn)
{
    if (n == 0)
        return 0;
    if (p->n >= DICT_MAX_WORDS)
        return DYAD_ELIMIT;
    const char *w = dict__intern_upper(d, s, n);
    if (!w)
        return DYAD_ENOMEM;
    p->w[p->n] = w;
    p->conn[p->n] = (unsigned char)conn;
    p->n++;
    return 0;
}

static int ends_with(const char *s, size_t n, const char *suf)
{
    size_t k = strlen(suf);
    if (n <= k)
        return 0;
    for (size_t i = 0; i < k; i++)
        if (toupper((unsigned char)s[n - k + i]) != suf[i])
            return 0;
    return 1;
}

/* Length of the clitic a Penn tokenizer would split off the end of s[0..n). */
static size_t clitic_len(const char *s, size_t n)
{
    static const char *const sfx[] = {"N'T", "'LL", "'RE", "'VE", "'S", "'D", "'M"};
    for (size_t i = 0; i < sizeof sfx / sizeof *sfx; i++)
        if (ends_with(s, n, sfx[i]))
            return strlen(sfx[i]);
    if (n > 1 && s[n - 1] == '\'' && toupper((unsigned char)s[n - 2]) == 'S')
        return 1; /* plural possessive: PARTIES' */
    return 0;
}

int dict__phrase_word(dyad_dict *d, dphrase *p, const char *s, size_t n, int conn)
{
    if (n >= DICT_MAX_WORD)
        return DYAD_ELIMIT;
    size_t np = 0; /* trailing , ; : split off as tokens of their own */
    while (np + 1 < n && strchr(",;:", s[n - 1 - np]))
        np++;
    size_t base = n - np;
    size_t cl = clitic_len(s, base);
    int rc = push_word(d, p, s, base - cl, conn);
    if (rc == 0 && cl)
        rc = push_word(d, p, s + base - cl, cl, p->n ? DICT_CONN_ADJ : conn);
    for (size_t i = 0; rc == 0 && i < np; i++)
        rc = push_word(d, p, s + base + i, 1, p->n ? DICT_CONN_ADJ : conn);
    return rc;
}

int dict__phrase_add(dyad_dict *d, dphrase *p, const char *s, size_t n, int all_adj)
{
    size_t i = 0;
    while (i < n) {
        int saw_ws = 0;
        while (i < n && (isspace((unsigned char)s[i]) || s[i] == '_')) {
            saw_ws |= s[i] != '_';
            i++;
        }
        if (i >= n)
            break;
        size_t j = i;
        while (j < n && !isspace((unsigned char)s[j]) && s[j] != '_')
            j++;
        int conn = saw_ws && !all_adj ? DICT_CONN_GAP : DICT_CONN_ADJ;
        int rc = dict__phrase_word(d, p, s + i, j - i, conn);
        if (rc)
            return rc;
        i = j;
    }
    return 0;
}

/* ---- inflections ----------------------------------------------------------- */

static int is_vowel(char c)
{
    return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U';
}

static int put_form(char *out, size_t cap, const char *w, size_t keep, const char *suffix)
{
    size_t sl = strlen(suffix);
    if (keep + sl + 1 > cap)
        return DYAD_ELIMIT;
    memcpy(out, w, keep);
    memcpy(out + keep, suffix, sl + 1);
    return 0;
}

/* consonant+Y -> IES, S/X/Z/CH/SH -> ES, else S. (PETRARCH turns every Y into
 * IES and S into ES; the difference only removes non-words like "PLAIES".) */
int dict__plural(const char *w, char *out, size_t cap)
{
    size_t n = strlen(w);
    if (n == 0)
        return put_form(out, cap, w, 0, "");
    char last = w[n - 1];
    if (last == 'Y' && n > 1 && !is_vowel(w[n - 2]))
        return put_form(out, cap, w, n - 1, "IES");
    if (last == 'S' || last == 'X' || last == 'Z' || ends_with(w, n, "CH") || ends_with(w, n, "SH"))
        return put_form(out, cap, w, n, "ES");
    return put_form(out, cap, w, n, "S");
}

/* PETRARCH-2's regular forms: -S as the plural, -ED (E -> D), -ING (a final E
 * after a consonant is dropped); consonant+Y gives -IED rather than -YED. */
int dict__verb_regular(const char *w, char out[3][DICT_MAX_WORD])
{
    size_t n = strlen(w);
    if (n == 0 || n + 4 >= DICT_MAX_WORD)
        return DYAD_ELIMIT;
    char last = w[n - 1];
    int rc = dict__plural(w, out[0], DICT_MAX_WORD);
    if (last == 'E')
        rc |= put_form(out[1], DICT_MAX_WORD, w, n, "D");
    else if (last == 'Y' && n > 1 && !is_vowel(w[n - 2]))
        rc |= put_form(out[1], DICT_MAX_WORD, w, n - 1, "IED");
    else
        rc |= put_form(out[1], DICT_MAX_WORD, w, n, "ED");
    if (last == 'E' && n > 2 && !is_vowel(w[n - 2]))
        rc |= put_form(out[2], DICT_MAX_WORD, w, n - 1, "ING");
    else
        rc |= put_form(out[2], DICT_MAX_WORD, w, n, "ING");
    return rc ? DYAD_ELIMIT : 0;
}

/* ---- dates and codes ---------------------------------------------------------- */

static int days_in(long y, long m)
{
    static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return dm[m - 1];
}

int dict__parse_date(const char *s, size_t n, long *ymd)
{
    if (n != 6 && n != 8)
        return DYAD_EPARSE;
    long v = 0;
    for (size_t i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i]))
            return DYAD_EPARSE;
        v = v * 10 + (s[i] - '0');
    }
    long y = v / 10000, m = v / 100 % 100, dd = v % 100;
    if (n == 6)
        y += y <= 30 ? 2000 : 1900;
    if (m < 1 || m > 12 || dd < 1 || dd > days_in(y, m))
        return DYAD_EPARSE;
    *ymd = y * 10000 + m * 100 + dd;
    return 0;
}

long dict__query_date(const char *s)
{
    if (!s)
        return -1;
    char dig[9];
    size_t k = 0;
    for (; *s && k < sizeof dig - 1; s++) {
        if (isdigit((unsigned char)*s))
            dig[k++] = *s;
        else if (*s != '-' && *s != '/')
            break;
    }
    long ymd;
    return dict__parse_date(dig, k, &ymd) == 0 ? ymd : -1;
}

static int code_chars_ok(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isalnum((unsigned char)s[i]) && s[i] != '-' && s[i] != '_')
            return 0;
    return 1;
}

int dict__split_code(dyad_dict *d, const char *s, size_t n, const char **code, const char **code2)
{
    while (n && isspace((unsigned char)*s)) {
        s++;
        n--;
    }
    n = dict__trim_len(s, n);
    const char *colon = memchr(s, ':', n);
    size_t n1 = colon ? (size_t)(colon - s) : n;
    if ((n1 == 0 && !colon) || !code_chars_ok(s, n1))
        return DYAD_EPARSE;
    *code = dict__intern(d, s, n1);
    *code2 = NULL;
    if (colon) {
        size_t n2 = n - n1 - 1;
        if (n2 == 0 || !code_chars_ok(colon + 1, n2))
            return DYAD_EPARSE;
        *code2 = dict__intern(d, colon + 1, n2);
    }
    if (!*code || (colon && !*code2))
        return DYAD_ENOMEM;
    return 0;
}
