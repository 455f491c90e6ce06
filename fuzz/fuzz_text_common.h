/* fuzz_text_common.h: checks shared by the article and text fuzz targets. */
#ifndef FUZZ_TEXT_COMMON_H
#define FUZZ_TEXT_COMMON_H
#include "ingest/article.h"
#include "text/text.h"

#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

#include <stdio.h>
#define CHECK(x) do { if (!(x)) { fprintf(stderr, "CHECK failed: %s:%d: %s\n", __FILE__, __LINE__, #x); __builtin_trap(); } } while (0)

static inline void fuzz_quiet(void *u, dyad_diag_level l, const char *f, long line, const char *m)
{
    (void)u, (void)l, (void)f, (void)line, (void)m;
}

/* s[0..n) is valid UTF-8 without NUL. */
static inline int fuzz_valid_utf8(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                              (utf8proc_ssize_t)(n - i), &cp);
        if (k <= 0 || cp == 0)
            return 0;
        i += (size_t)k;
    }
    return 1;
}

/* What the splitter and tokenizer treat as whitespace. */
static inline int fuzz_space(int32_t cp)
{
    if (cp < 0)
        return 0;
    if (cp <= ' ' || cp == 0x7F || cp == 0x200B || cp == 0x2060 || cp == 0xFEFF)
        return 1;
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL || c == UTF8PROC_CATEGORY_ZP ||
           c == UTF8PROC_CATEGORY_CC;
}

static inline int fuzz_alnum(int32_t cp)
{
    if (cp < 0)
        return 0;
    utf8proc_category_t c = utf8proc_category(cp);
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
           (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO);
}

/* The code point at s[i] as the library reads it (-1, length 1 when invalid). */
static inline int32_t fuzz_cp(const char *s, size_t n, size_t i, size_t *len)
{
    utf8proc_int32_t cp;
    size_t lim = n - i < 4 ? n - i : 4;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                          (utf8proc_ssize_t)lim, &cp);
    if (k <= 0) {
        *len = 1;
        return -1;
    }
    *len = (size_t)k;
    return cp;
}

/* Sentences of s[0..n): in order, inside, trimmed, every letter and digit in
 * one; tokens of each: in order, inside the sentence, covering every
 * non-space byte exactly once; at most DYAD_SENT_MAX_TOKENS. */
static inline void fuzz_check_text(const char *s, size_t n, dyad_arena *a)
{
    dyad_sentence *v;
    int nv;
    if (dyad_text_sentences(&v, &nv, a, s, n) != 0)
        return;
    size_t prev = 0, len;
    for (int i = 0; i < nv; i++) {
        size_t st = (size_t)v[i].start, en = (size_t)v[i].end;
        CHECK(st >= prev && st < en && en <= n);
        CHECK(!fuzz_space(fuzz_cp(s, n, st, &len)));
        for (size_t x = prev; x < st; x += len) /* nothing alphanumeric between sentences */
            CHECK(!fuzz_alnum(fuzz_cp(s, n, x, &len)));
        prev = en;
        dyad_token *t;
        int nt;
        CHECK(dyad_text_tokenize(&t, &nt, a, s, st, en) == 0);
        CHECK(nt > 0 && nt <= DYAD_SENT_MAX_TOKENS);
        size_t x = st;
        for (int k = 0; k < nt; k++) {
            for (; x < (size_t)t[k].start; x += len)
                CHECK(fuzz_space(fuzz_cp(s, n, x, &len)));
            CHECK(x == (size_t)t[k].start && t[k].end > t[k].start && (size_t)t[k].end <= en);
            CHECK(strlen(t[k].form) == (size_t)(t[k].end - t[k].start));
            CHECK(!memcmp(t[k].form, s + t[k].start, strlen(t[k].form)));
            CHECK(t[k].norm && *t[k].norm);
            x = (size_t)t[k].end;
        }
        for (; x < en; x += len)
            CHECK(fuzz_space(fuzz_cp(s, n, x, &len)));
    }
    for (size_t x = prev; x < n; x += len)
        CHECK(!fuzz_alnum(fuzz_cp(s, n, x, &len)));
}

/* An article the readers hand out. */
static inline void fuzz_check_article(const dyad_article *art, dyad_arena *a)
{
    CHECK(art->id && art->date && art->title && art->text && art->file);
    CHECK(strlen(art->text) == art->text_len);
    CHECK(fuzz_valid_utf8(art->text, art->text_len));
    CHECK(fuzz_valid_utf8(art->title, strlen(art->title)));
    size_t dl = strlen(art->date);
    CHECK(dl == 0 || (dl == 10 && art->date[4] == '-' && art->date[7] == '-'));
    CHECK(art->bad_utf8 >= 0 && art->boilerplate >= 0);
    fuzz_check_text(art->text, art->text_len, a);
}

/* Reads every article of data as fmt. */
static inline void fuzz_read_all(const uint8_t *data, size_t size, dyad_input_format fmt)
{
    dyad_diag d = {.fn = fuzz_quiet};
    dyad_article_reader *r = NULL;
    if (dyad_article_reader_open_mem(&r, "fuzz/in.x", (const char *)data, size, fmt, &d) == 0) {
        dyad_arena *a = dyad_arena_new();
        const dyad_article *art;
        long n = 0;
        while (dyad_article_reader_next(r, &art) == 1) {
            fuzz_check_article(art, a);
            dyad_arena_reset(a);
            n++;
        }
        dyad_article_stats st;
        dyad_article_reader_stats(r, &st);
        CHECK(st.articles == n);
        dyad_arena_free(a);
    }
    dyad_article_reader_free(r);
}
#endif
