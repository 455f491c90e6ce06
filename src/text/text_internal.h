/* text_internal.h: what the sentence splitter and the tokenizer share
 * (character classes, abbreviations, the token scanner). Not API. */
#ifndef DYAD_TEXT_INTERNAL_H
#define DYAD_TEXT_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

/* ---- characters ------------------------------------------------------- */
typedef enum {
    TEXT_SPACE,   /* Z*, control characters, zero-width space, BOM */
    TEXT_UPPER,   /* Lu, Lt */
    TEXT_LOWER,   /* Ll */
    TEXT_LETTER,  /* Lm, Lo (no case) */
    TEXT_DIGIT,   /* N* */
    TEXT_MARK,    /* M*, Pc ('_'), other Cf (soft hyphen, joiners): inside words */
    TEXT_PUNCT,   /* P* */
    TEXT_SYMBOL   /* S*, unassigned, private use, and invalid bytes */
} text__class;

/* The code point at s[i] (i < n) and its length in *len; an invalid byte is
 * -1 with length 1. */
int32_t text__cp(const char *s, size_t n, size_t i, int *len);
/* The code point that ends at s[i] (exclusive; 0 < i), never looking before
 * s[lo]; *len its length. */
int32_t text__cp_before(const char *s, size_t lo, size_t i, int *len);
text__class text__classify(int32_t cp);

static inline int text__is_word(text__class c)
{
    return c == TEXT_UPPER || c == TEXT_LOWER || c == TEXT_LETTER || c == TEXT_DIGIT ||
           c == TEXT_MARK;
}
static inline int text__is_letter(text__class c)
{
    return c == TEXT_UPPER || c == TEXT_LOWER || c == TEXT_LETTER;
}

/* Opening quotes and brackets: ( [ { “ ‘ « „ ‚ and ASCII " ' `. */
int text__is_opener(int32_t cp);
/* What may follow a full stop and still belong to its sentence: ) ] } ” ’ » " '. */
int text__is_closer(int32_t cp);

/* ---- abbreviations ----------------------------------------------------- */
typedef enum {
    TEXT_ABBR_NONE = 0,
    TEXT_ABBR_TITLE,    /* Mr Dr Gen Sen St vs e.g: never ends a sentence */
    TEXT_ABBR_NUMBER,   /* No Art Fig pp: an abbreviation before a number only */
    TEXT_ABBR_MONTH,    /* Jan Sept: does not end a sentence before a number */
    TEXT_ABBR_SUFFIX,   /* Inc Co Corp Ltd Jr: ends one before a sentence opener */
    TEXT_ABBR_ACRONYM,  /* U.S U.N p.m D.C Ph.D: likewise */
    TEXT_ABBR_INITIAL,  /* one capital letter: likewise */
    TEXT_ABBR_ETC       /* etc al: ends one before any capital */
} text__abbr;

/* The kind of w[0..n), the word before a full stop (without it). Matches the
 * listed spelling or its all-capitals form; after a hyphen the last part is
 * tried too ("Lt.-Gen"). */
text__abbr text__abbrev(const char *w, size_t n);

/* w[0..n) is a word that often opens a sentence ("The", "He", "But"). */
int text__is_opener_word(const char *w, size_t n);

/* ---- tokens -------------------------------------------------------------- */
/* Called with each token's span; a non-zero return stops the scan. */
typedef int (*text__tok_fn)(void *user, size_t start, size_t end);

/* The tokens of s[start..end) in order (see text.h for the rules). Returns
 * the callback's non-zero value or 0. */
int text__tokens(const char *s, size_t start, size_t end, text__tok_fn fn, void *user);

#endif
