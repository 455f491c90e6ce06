/* quote.h: attributed quotes of an article, without a parser.
 *
 * The text is tokenized once (src/text, Penn style: “ and an opening " are
 * ``, ” and a closing " are ''); double quotation marks (curly, straight,
 * „ « ») delimit quotes, single ones (‘harmed’, apostrophes) never do, so
 * nested single quotes stay inside the quote. A quote left open at the end of
 * a paragraph continues when the next paragraph opens with a quotation mark
 * (the news convention for a quote over several paragraphs), for at most
 * DYAD_QUOTE_MAX_PARAS paragraphs; otherwise it ends with its paragraph, so an
 * unclosed mark never swallows the rest of the article.
 *
 * Attribution, tried in this order for each quote:
 *  1. after the closing mark, in the same sentence: “…,” X said / said X, ROLE /
 *     X, ROLE, told Y / he said / according to X;
 *  2. before the opening mark, in the same sentence: X said: “…” (direct), or
 *     the subject of the last cue verb of the sentence (partial quotes:
 *     "X criticized Y for “…”", "X said that Washington “will …”");
 *  3. a quote that opens its sentence with no cue of its own, right after a
 *     quote of X in the same or the previous paragraph, is X's.
 * Sentences without quotation marks give indirect quotes: "X told Y that …",
 * "X said (that) …", "…, X said." and "according to X".
 * Speakers: "he"/"she" is the most recent person speaker, "it"/"they" the most
 * recent organisation; a surname alone is the earlier speaker it ends. Titles
 * before the name and appositives after it become the role. Actor codes come
 * from the dictionaries: the first actor of the speaker or the role's head
 * (the words before "of", "at", "in", ...) plus the agents found there; no
 * actor, no code.
 *
 * Cost: linear in the text; every look-back and look-ahead is bounded.
 */
#ifndef DYAD_QUOTE_QUOTE_H
#define DYAD_QUOTE_QUOTE_H

#include <stddef.h>
#include "dict/dict.h"
#include "util/util.h"

/* A quote with no closing mark continues over at most this many paragraphs. */
#define DYAD_QUOTE_MAX_PARAS 8

/* The attributed quotes of text[0..n) (an article body as ingest gives it), in
 * text order. *out is an array of *nout quotes whose strings, like the array,
 * come from a (NULL/0 when none). dict may be NULL (actors all NULL); date
 * (YYYY-MM-DD or YYYYMMDD, may be NULL) chooses date-restricted actor codes.
 * article and date are copied into each quote. 0, DYAD_ENOMEM, DYAD_ELIMIT. */
int dyad_quotes_find(dyad_quote **out, int *nout, dyad_arena *a, const dyad_dict *dict,
                     const char *article, const char *date, const char *text, size_t n);

#endif
