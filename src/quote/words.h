/* words.h: word classes for quote attribution (internal to src/quote). Each
 * takes a word as written and compares it ASCII case-insensitively. */
#ifndef DYAD_QUOTE_WORDS_H
#define DYAD_QUOTE_WORDS_H

enum { Q_TAIL = 1, Q_IND = 2, Q_LEAD = 4 }; /* quote__cue flags */
enum { Q_PERSON = 1, Q_ORG = 2 };           /* kinds of speaker */

int quote__cue(const char *w);      /* cue verb flags, 0 if not a cue */
int quote__title(const char *w);    /* title word (never part of a name) */
int quote__org(const char *w);      /* makes a speaker an organisation */
int quote__nounish(const char *w);  /* a lower-case word a speaker phrase may hold */
int quote__function(const char *w); /* a capitalised function word (not a name) */
int quote__adverb(const char *w);   /* may stand between a subject and its cue */
int quote__pronoun(const char *w);  /* Q_PERSON (he, she, I), Q_ORG (it, they, we), 0 */
int quote__det(const char *w);      /* the, a, an */
int quote__particle(const char *w); /* al, bin, de, van, ... inside a name */
int quote__role_cut(const char *w); /* ends the head of a role (of, at, in, ...) */
int quote__not_role(const char *w); /* a comma clause that is not a role (who, adding) */
int quote__weekday(const char *w);  /* Monday ... Sunday, yesterday, today */
int quote__adjective(const char *w); /* top, senior, former: name nobody alone */

#endif
