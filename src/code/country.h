/* country.h: the country of actors named without one.
 *
 * The coder gives an everyday actor named without a country ("police",
 * "gunmen", "protesters", "a man") its sector only: "---COP". This fills the
 * country from the nearest evidence, in this order:
 *   "phrase"   the noun phrase names it ("Iraqi police": the coder did it);
 *   "sentence" a country or known place (a capital, city or region the actor
 *              dictionaries code as a bare country code: "in Baghdad", "near
 *              the Afghan border") in the same sentence: a phrase of place
 *              ("in", "near", "the capital" ... X) first, then another
 *              country word that is not the country of the other side when
 *              that side is armed forces or the country itself ("US troops
 *              killed gunmen", "gunmen attacked the U.S. embassy" say nothing
 *              of the gunmen); the nearest to the actor wins; a word the
 *              parser split from its full stop ("U.S") is read whole;
 *   "article"  the most recent country or known place named in the article's
 *              title or its earlier sentences;
 *   "dateline" the country of the article's dateline ("BAGHDAD (Reuters) -").
 * An actor left without a country keeps "---" and its sector. Only codes of
 * exactly three letters that name a country count (not regions like "MEA",
 * nor organisations, nor people: "Bush" says nothing of where gunmen are).
 *
 * Ownership: a dyad_country_ctx is a small value owned by whoever reads the
 * article (the pipeline's job, the PETRARCH XML loop); its strings point into
 * the dictionary or into the arena given to the call that set them, which
 * must live as long as the context is used. The coder never reads articles:
 * the caller passes the title and dateline that ingest found.
 */
#ifndef DYAD_CODE_COUNTRY_H
#define DYAD_CODE_COUNTRY_H

#include "dict/dict.h"
#include "dyad.h"
#include "parse/tree.h"
#include "util/util.h"

typedef struct dyad_country_ctx {
    const char *last;     /* most recent country named in the title or earlier
                             sentences; "" when none */
    const char *dateline; /* the country of the dateline; "" when none */
} dyad_country_ctx;

/* Starts the context of an article from its title and dateline (either may
 * be NULL or ""): dateline = the dateline's country, last = the title's last
 * country. date is the coding day (NULL = undated codes). Strings from a. */
void dyad_country_ctx_init(dyad_country_ctx *x, const dyad_dict *d, const char *title,
                           const char *dateline, const char *date, dyad_arena *a);

/* The last country or known place named in text (a title, a dateline, a
 * sentence not parsed), "" when none. Words are split at blanks and
 * punctuation; "U.S.-led" gives USA. Never NULL. */
const char *dyad_country_in_text(const dyad_dict *d, const char *text, const char *date,
                                 dyad_arena *a);

/* After a sentence: when it names a country (its tree t, or its text when t
 * is NULL), that one becomes x->last. */
void dyad_country_note_sentence(dyad_country_ctx *x, const dyad_dict *d, const dyad_tree *t,
                                const char *text, const char *date, dyad_arena *a);

/* Fills the countries of the events ev[0..n) of one sentence (tree t, the
 * tree the events' spans point into; may be NULL) from the evidence above,
 * and sets source_country_from / target_country_from. x may be NULL (then
 * only the sentence counts). Returns 0 or DYAD_ENOMEM. */
int dyad_country_fill(dyad_event *ev, int n, const dyad_tree *t, const dyad_country_ctx *x,
                      const dyad_dict *d, const char *date, dyad_arena *a);

/* Is code exactly a country's code ("IRQ"; not "MEA", "IGOUNO", "---")? */
int dyad_country_is_country_code(const char *code);

/* The country code a hyphenated word names ("U.S.-LED" -> USA, "SAUDI-LED"
 * -> SAU, "LEBANESE-AMERICAN" -> USA, "IRAQI-BORN" -> IRQ; not "ANTI-
 * AMERICAN", "ISRAELI-OCCUPIED"), from the actor dictionary: its last part
 * when that is a country word, else its first part when the second says
 * whose the actor is (-led, -backed, -born, -based, -funded, ...). w is
 * upper case. NULL when none. */
const char *dyad_country_hyphen_actor(const dyad_dict *d, const char *w, const char *date,
                                      dyad_arena *a);

#endif
