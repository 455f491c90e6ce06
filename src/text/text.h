/* text.h: sentences and tokens of an article's text, as byte spans.
 *
 * Both work on UTF-8 (invalid bytes are treated as one-byte symbols; the
 * ingest readers have already replaced them) and use utf8proc for Unicode
 * categories. Everything is linear in the text length: every look-back and
 * look-ahead is bounded, and a sentence of more than DYAD_SENT_MAX_TOKENS
 * tokens is cut.
 *
 * Sentences. A sentence ends at '.', '?', '!', '…' (and a few non-Latin full
 * stops) followed by whitespace, with the closing quotes and brackets right
 * after the stop (“... in turn.” ) belonging to it; at a paragraph break (a
 * blank line); at a line break after a line without a full stop (headings),
 * unless the text is hard-wrapped (then only after a short line) or the next
 * line starts in lower case. A full stop does not end a sentence:
 *  - before a lower-case word, or inside a number or word (3.5, U.S., e-mail);
 *  - after a title (Mr. Mrs. Ms. Dr. Gen. Col. Sen. Gov. Rev. Prof. vs. e.g.
 *    i.e. ...);
 *  - after No. Art. Fig. p. pp. and month abbreviations (Jan. Sept.) before a
 *    number;
 *  - after an initial ("George W. Bush"), a dotted acronym (U.S. U.N. p.m.
 *    a.m. D.C.), a company or name suffix (Inc. Co. Corp. Ltd. Jr. St.) or a
 *    dateline state (Calif. Fla.), unless the next word is a common sentence
 *    opener ("The", "He", "But", ...) or an opening quote;
 *  - after a list number at the start of a sentence ("1. The ...").
 * An ellipsis ends a sentence only before a capitalised word or a quote ("in
 * turn...You"). A stop (or a quote) followed by a lower-case word never ends
 * one ("p.m. \"watershed\""). Text without letters or digits between
 * sentences ("Done. . .") joins the sentence before it in the same segment,
 * or is dropped.
 * A full stop glued to a capitalised word ("said Katzman.North Korea", a
 * scraping artefact) ends a sentence when the word before it is an ordinary
 * lower-case word and the chunk is not a web address.
 *
 * Tokens (Penn Treebank style): whitespace separates; punctuation is split
 * off, except inside numbers (2,000 3.5 10:30 1980-88), words (e-mail,
 * then-President, O'Brien, AT&T, and/or), dotted abbreviations (U.S. p.m.) and
 * the abbreviations above with their full stop (Gen. Inc. etc.); a run of
 * dots (...) or hyphens (--) is one token; clitics are split: does|n't,
 * ca|n't, Pyongyang|’s, they|'re, I|'m, we|'ve, you|'ll, he|'d; web and e-mail
 * addresses stay whole.
 */
#ifndef DYAD_TEXT_TEXT_H
#define DYAD_TEXT_TEXT_H

#include <stddef.h>
#include "util/util.h"

/* No sentence has more tokens than this (dyad_text_tokenize on its span): a
 * longer one is cut into pieces of at most DYAD_SENT_MAX_TOKENS - 2 tokens
 * (a margin for tokens that split differently without their context), after
 * the last ';', else ':', ',' or dash in the second half of the piece when
 * there is one. */
#define DYAD_SENT_MAX_TOKENS 200

enum {
    DYAD_SENT_NOSTOP = 1,  /* ended by a line or paragraph break, not a full stop */
    DYAD_SENT_CUT = 2      /* a piece of a sentence cut by DYAD_SENT_MAX_TOKENS */
};

typedef struct dyad_sentence {
    int start, end;        /* bytes [start, end) of the text: no leading or trailing
                            * whitespace; at least one letter or digit inside */
    int flags;             /* DYAD_SENT_* */
} dyad_sentence;

/* Splits text[0..n) into sentences, in order and without overlap. *out is an
 * array of *nout sentences allocated from a (NULL when there are none).
 * 0, DYAD_ELIMIT when n > INT_MAX, DYAD_ENOMEM. */
int dyad_text_sentences(dyad_sentence **out, int *nout, dyad_arena *a, const char *text, size_t n);

typedef struct dyad_token {
    int start, end;        /* bytes [start, end) of the text */
    const char *form;      /* the bytes as written, NUL-terminated */
    const char *norm;      /* the Penn form: “ and opening " -> ``, ” and closing " -> '',
                            * ‘ -> `, ’ -> ' (also inside words: n’t -> n't), ( ) [ ] { }
                            * -> -LRB- -RRB- -LSB- -RSB- -LCB- -RCB-, — – -> --, … -> ...;
                            * otherwise the same pointer as form */
} dyad_token;

/* Tokens of text[start..end) (usually one sentence), with spans in the whole
 * text. *out is an array of *nout tokens from a (NULL when none); the strings
 * are from a too. 0, DYAD_EINVAL for a bad range, DYAD_ELIMIT when end >
 * INT_MAX, DYAD_ENOMEM. */
int dyad_text_tokenize(dyad_token **out, int *nout, dyad_arena *a, const char *text,
                       size_t start, size_t end);

#endif
