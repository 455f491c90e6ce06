/* dateline.c: wire datelines and credits, which name a place or an agency that
 * is not part of the story ("SEOUL (Reuters) - North Korea said ..." is not
 * about South Korea or Reuters). */
#include <string.h>

#include "ingest/article.h"

enum { DL_HEAD_MAX = 80, DL_WORDS_MAX = 6 };

/* Wire services and agencies seen in credits; matched case-sensitively. */
static const char *const dl_agencies[] = {
    "AFP", "AP", "Reuters", "REUTERS", "UPI", "dpa", "DPA", "Xinhua", "XINHUA", "ANSA", "EFE",
    "Bloomberg", "CNN", "BBC", "TASS", "Itar-Tass", "ITAR-TASS", "IANS", "PTI", "Kyodo",
    "KYODO", "Yonhap", "YONHAP", "Anadolu", "Sputnik", "CP", "AAP", "ANI", "Bernama", "RIA",
    "Interfax", "AP Photo", NULL};

static int dl_is_agency(const char *s, size_t n)
{
    for (int i = 0; dl_agencies[i]; i++)
        if (strlen(dl_agencies[i]) == n && !memcmp(dl_agencies[i], s, n))
            return 1;
    return 0;
}

static int dl_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static int dl_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
static int dl_digit(unsigned char c) { return c >= '0' && c <= '9'; }

/* The separator after a dateline: " - ", " -- ", " — " or " – " at s[i];
 * returns its length (with the blanks around it), 0 if none. */
static size_t dl_separator(const char *s, size_t n, size_t i)
{
    if (i >= n || s[i] != ' ')
        return 0;
    size_t j = i;
    while (j < n && s[j] == ' ')
        j++;
    size_t k = j;
    if (k + 1 < n && s[k] == '-' && s[k + 1] == '-')
        k += 2;
    else if (k < n && s[k] == '-')
        k++;
    else if (k + 2 < n && (unsigned char)s[k] == 0xE2 && (unsigned char)s[k + 1] == 0x80 &&
             ((unsigned char)s[k + 2] == 0x94 || (unsigned char)s[k + 2] == 0x93))
        k += 3; /* em or en dash */
    else
        return 0;
    if (k >= n || s[k] != ' ')
        return 0;
    while (k < n && s[k] == ' ')
        k++;
    return k - i;
}

/* Is s[0..n) a place or date part of a dateline: words in capitals ("SEOUL",
 * "NEW YORK", "U.N.", "PORT-AU-PRINCE"), then optionally ", Iraq" / ", Aug 15" /
 * ", Aug. 15" parts. */
static int dl_place(const char *s, size_t n)
{
    size_t i = 0, letters = 0;
    int words = 0, caps_done = 0;
    while (i < n) {
        while (i < n && s[i] == ' ')
            i++;
        if (i < n && s[i] == ',') {
            caps_done = 1;
            i++;
            continue;
        }
        size_t w = i;
        int upper = 0, lower = 0, other = 0;
        while (i < n && s[i] != ' ' && s[i] != ',') {
            unsigned char c = (unsigned char)s[i];
            if (dl_upper(c))
                upper++;
            else if (dl_lower(c))
                lower++;
            else if (!(c == '.' || c == '-' || c == '\'' || dl_digit(c) || c >= 0x80))
                other++;
            i++;
        }
        if (i == w)
            continue;
        if (other || ++words > DL_WORDS_MAX)
            return 0;
        if (!caps_done) { /* the place itself: capitals only */
            if (lower || !upper)
                return 0;
            letters += (size_t)upper;
        } else if (!dl_upper((unsigned char)s[w]) && !dl_digit((unsigned char)s[w])) {
            return 0; /* ", Iraq", ", Aug 15", not ", said" */
        }
    }
    return words > 0 && letters >= 3;
}

size_t dyad_article_dateline_len(const char *s, size_t n)
{
    size_t lim = n < DL_HEAD_MAX ? n : DL_HEAD_MAX;
    for (size_t i = 1; i < lim; i++) {
        size_t sep = dl_separator(s, n, i);
        if (!sep)
            continue;
        size_t e = i; /* the head is s[0..e) */
        if (e && s[e - 1] == ')') { /* "(Reuters)" at the end of the head */
            size_t o = e - 1;
            while (o > 0 && s[o] != '(')
                o--;
            if (s[o] != '(' || !dl_is_agency(s + o + 1, e - 1 - (o + 1)))
                return 0;
            size_t p = o;
            while (p > 0 && s[p - 1] == ' ')
                p--;
            return p == 0 || dl_place(s, p) ? i + sep : 0;
        }
        if (dl_is_agency(s, e) || dl_place(s, e))
            return i + sep;
        return 0; /* only the first separator counts */
    }
    return 0;
}

size_t dyad_article_credit_len(const char *s, size_t n)
{
    while (n && s[n - 1] == ' ')
        n--;
    if (n > 4 && s[n - 1] == '.' && s[n - 2] == ')') /* "... (AFP).": the credit before the stop */
        return dyad_article_credit_len(s, n - 1);
    if (n < 4 || s[n - 1] != ')')
        return 0;
    size_t o = n - 1;
    while (o > 0 && s[o] != '(' && n - o < 24)
        o--;
    if (s[o] != '(' || o == 0 || s[o - 1] != ' ' || !dl_is_agency(s + o + 1, n - 1 - (o + 1)))
        return 0;
    size_t b = o;
    while (b > 0 && s[b - 1] == ' ')
        b--;
    return b ? n - b : 0; /* never the whole line */
}
