/* dict.h: the PETRARCH/TABARI dictionaries (verbs, actors, agents, discards,
 * issues) loaded into memory, and the fast lookups the coder needs.
 *
 * Ownership: dyad_dict_load* returns a dictionary through **out that the caller
 * releases with dyad_dict_free (accepts NULL). Every pointer handed out by the
 * lookups below (entries, strings, arrays) is owned by the dictionary and stays
 * valid until dyad_dict_free. A loaded dictionary is immutable: any number of
 * threads may call the lookups concurrently.
 *
 * Words: the dictionary stores upper-case words, split the way a Penn Treebank
 * tokenizer splits text ("CHINA'S" -> "CHINA" "'S", "CAN'T" -> "CA" "N'T",
 * "GOVERNMENT," -> "GOVERNMENT" ","). Lookups take an array of upper-case
 * sentence tokens `w[0..n)` and compare words exactly (no stemming), except for
 * discards (see below).
 *
 * Connectors: in a phrase, words joined by '_' must be adjacent in the sentence;
 * words separated by a blank may have other words between them (PETRARCH-1
 * semantics; both are adjacent in PETRARCH-2, and almost every Phoenix entry uses
 * '_'). A match that starts at w[0] therefore consumes *len >= number of phrase
 * words. The coder bounds intervening words by what it passes as n (pass the
 * words of the noun phrase, not the rest of the sentence).
 *
 * Malformed lines never stop a load: each is reported as a warning
 * "file:line: reason" through the dyad_diag sink and skipped.
 */
#ifndef DYAD_DICT_H
#define DYAD_DICT_H

#include <stddef.h>
#include "util/util.h"


/* ---- loading ---------------------------------------------------------- */

/* One dictionary held in memory (for tests and fuzzing). data == NULL: absent.
 * name is used in diagnostics ("<verbs>" when NULL). data need not be
 * NUL-terminated; it may contain any bytes. */
typedef struct dyad_dict_text {
    const char *name;
    const char *data;
    size_t len;
} dyad_dict_text;

typedef struct dyad_dict_mem {
    dyad_dict_text verbs;
    const dyad_dict_text *actors;
    int nactors;
    dyad_dict_text agents, discards, issues;
    dyad_dict_text nouns; /* event nouns (see below); data NULL: none */
} dyad_dict_mem;

/* dyad_dict, dyad_dict_files, dyad_dict_stats, dyad_dict_load, dyad_dict_free and
 * dyad_dict_get_stats are public: see dyad.h. */

/* Same from memory. */
int dyad_dict_load_mem(dyad_dict **out, const dyad_dict_mem *m, dyad_diag *d);

/* ---- verbs ------------------------------------------------------------ */

typedef enum dyad_pat_kind {
    DYAD_PAT_WORD = 1,   /* .word: an upper-case word */
    DYAD_PAT_SYNSET,     /* .synset: index for dyad_dict_synset ("&NAME") */
    DYAD_PAT_SOURCE,     /* '$' */
    DYAD_PAT_TARGET,     /* '+' */
    DYAD_PAT_COMPOUND,   /* '%' */
    DYAD_PAT_SKIP,       /* '^' skip to the end of the noun phrase */
    DYAD_PAT_PP_OPEN,    /* '(' prepositional phrase: first word = the preposition */
    DYAD_PAT_PP_CLOSE,   /* ')' */
    DYAD_PAT_NP_OPEN,    /* '{' noun phrase: last word = the head */
    DYAD_PAT_NP_CLOSE    /* '}' */
} dyad_pat_kind;

typedef struct dyad_pat_elem {
    unsigned char kind; /* dyad_pat_kind */
    unsigned char adj;  /* 1: joined to the NEXT element by '_' (must be adjacent).
                           For the last upper element, "next" is the verb. */
    int synset;         /* DYAD_PAT_SYNSET: synset index; else -1 */
    const char *word;   /* DYAD_PAT_WORD: the word; else NULL */
} dyad_pat_elem;

typedef struct dyad_pattern {
    const char *code;   /* event code as written: "042", "---" (null code), "" for [:173] */
    const char *code2;  /* second code of [a:b] ("043", "173"), NULL if no ':' */
    const char *text;   /* the pattern as written, without the comment */
    long line;          /* line in the verb file */
    const dyad_pat_elem *upper; /* elements before '*', in text order */
    int nupper;
    const dyad_pat_elem *lower; /* elements after '*', in text order */
    int nlower;
    int verb_adj;       /* 1: "*_X": the verb must be followed directly by lower[0] */
    int block;          /* index of the owning verb block */
} dyad_pattern;

typedef struct dyad_verb_block {
    const char *name;   /* from "--- NAME [code] ---" */
    const char *code;   /* default code of the block; "---" when none/null */
    const char *code2;  /* second code of [a:b], NULL if none */
    const dyad_pattern *patterns; /* in file order */
    int npatterns;
    int index;
    long line;
} dyad_verb_block;

/* One inflected form of a verb line ("RESTORED" of RESTORE). A multi-word verb
 * ("+CORDON_OFF", "KLM_NOP_+RST") is keyed on the word marked '+': before[] must
 * come directly before it and after[] directly after it (text order). */
typedef struct dyad_verb_form {
    const char *word;   /* the upper-case inflected form */
    const dyad_verb_block *block;
    const char *code;   /* the verb line's own code, NULL if none (use block->code) */
    const char *code2;  /* second code of [a:b] on the verb line, else NULL */
    const char *const *before; int nbefore;
    const char *const *after;  int nafter;
    const char *root;   /* the verb line's first token as written ("+ASK_FOR", "BAN") */
    long line;
    /* Next entry for the same word: multi-word forms first (most words first),
     * then single-word ones; equal lengths in file order. NULL at the end. */
    const struct dyad_verb_form *next;
} dyad_verb_form;

/* First entry for an upper-case inflected form, or NULL. Follow ->next. */
const dyad_verb_form *dyad_dict_verb_lookup(const dyad_dict *d, const char *word);
int dyad_dict_verb_nblocks(const dyad_dict *d);
const dyad_verb_block *dyad_dict_verb_block(const dyad_dict *d, int i); /* NULL if out of range */

/* ---- synsets ---------------------------------------------------------- */

/* A phrase: consecutive words. Nested synset references are already expanded. */
typedef struct dyad_phrase {
    const char *const *words;
    int nwords;
} dyad_phrase;

typedef struct dyad_synset {
    const char *name;        /* "&CURRENCY" (a trailing '_' of the definition removed) */
    const dyad_phrase *phrases; /* members incl. generated plurals, flat word lists */
    int nphrases;
    int index;
    long line;               /* line of the definition */
    int member_refs;         /* members of other synsets that use this one */
} dyad_synset;

int dyad_dict_nsynsets(const dyad_dict *d);
const dyad_synset *dyad_dict_synset(const dyad_dict *d, int idx); /* NULL if out of range */
int dyad_dict_synset_find(const dyad_dict *d, const char *name);   /* "&NAME" -> idx, or -1 */
/* Longest phrase of synset idx starting at w[0]: 1 and *len words, or 0. */
int dyad_dict_synset_match(const dyad_dict *d, int idx, const char *const *w, int n, int *len);

/* PETRARCH-2 transformations "~ a (a b ATTACK) SAY = a b 015", tokenized
 * ('(' and ')' are tokens of their own). */
typedef struct dyad_transform {
    const char *const *lhs; int nlhs;
    const char *const *rhs; int nrhs;
    const char *text;
    long line;
} dyad_transform;
int dyad_dict_ntransforms(const dyad_dict *d);
const dyad_transform *dyad_dict_transform(const dyad_dict *d, int i);

/* ---- actors ----------------------------------------------------------- */

typedef enum dyad_date_kind {
    DYAD_DATE_NONE = 0,  /* undated: the fallback */
    DYAD_DATE_BEFORE,    /* [CODE <d]  : date <= d */
    DYAD_DATE_AFTER,     /* [CODE >d]  : date >= d  (also "[CODE d]") */
    DYAD_DATE_RANGE      /* [CODE d1-d2]: d1 <= date <= d2 */
} dyad_date_kind;

typedef struct dyad_actor_code {
    const char *code;
    int kind;            /* dyad_date_kind */
    long from, to;       /* YYYYMMDD (YYMMDD in the file: 00-30 -> 20YY, else 19YY) */
    long line;           /* line of the [...] in the actor file */
} dyad_actor_code;

/* An actor entry: a name line, its '+' synonym lines, and the codes that follow
 * (on the name line or on lines of their own starting with '['). As in
 * PETRARCH-1, further name lines read while an entry has no code yet belong to
 * it ("IVO_JOSIPOVIC_\nPRESIDENT_JOSIPOVIC_\n\t[HRVGOV >20120219]"). */
typedef struct dyad_actor {
    int id;
    const char *root;    /* the entry's first name as written, e.g. "AFGHANISTAN_" */
    const dyad_actor_code *codes; /* file order */
    int ncodes;
    const char *file;
    long line;
} dyad_actor;

/* Longest actor phrase starting at w[0]. Returns 1 with *len words consumed and
 * *code the code valid on date ("YYYYMMDD" or "YYYY-MM-DD"; NULL = unknown):
 * the first date-restricted code that applies, else the last undated code, else
 * "---". Returns 0 when nothing matches (*code NULL, *len 0). code/len may be NULL. */
int dyad_dict_actor_match(const dyad_dict *d, const char *const *w, int n, const char *date,
                          const char **code, int *len);
/* Same, also giving the entry. */
int dyad_dict_actor_match_ex(const dyad_dict *d, const char *const *w, int n, const char *date,
                             const dyad_actor **actor, const char **code, int *len);
/* The code of an entry on a date (rules above). */
const char *dyad_dict_actor_code(const dyad_actor *a, const char *date);
int dyad_dict_nactors(const dyad_dict *d);
const dyad_actor *dyad_dict_actor(const dyad_dict *d, int id);

/* ---- agents ----------------------------------------------------------- */

/* Longest agent phrase at w[0] (singulars, plurals, !X! substitutions).
 * *code is the code without '~' ("GOV"); *is_prefix 1 for "[NGO~]" (goes before
 * the actor code), 0 for "[~GOV]" (goes after). Returns 1 or 0. Out-params may be NULL. */
int dyad_dict_agent_match(const dyad_dict *d, const char *const *w, int n, const char **code,
                          int *len, int *is_prefix);

/* ---- discards --------------------------------------------------------- */

/* Discard phrase at w[0]. Words must be adjacent; the last word is a stem
 * (matches any word starting with it) unless the file wrote it with a trailing
 * '_' (then exact), as the PETRARCH docs specify. *story_level 1 for '+' lines
 * (drop the story), 0 for the sentence. Longest match; returns 1 or 0. */
int dyad_dict_discard_match(const dyad_dict *d, const char *const *w, int n, int *len,
                            int *story_level);

/* ---- issues ----------------------------------------------------------- */

/* Longest issue phrase at w[0] (exact adjacent words; n:, v: and '+'
 * expansions generated at load). *code is the issue code, or "~" / "~~" for
 * exclusion phrases (sentence / story). Returns 1 or 0. */
int dyad_dict_issue_match(const dyad_dict *d, const char *const *w, int n, const char **code,
                          int *len);
/* Same, also giving the <ISSUE CATEGORY="..."> of the phrase ("" if none). */
int dyad_dict_issue_match_ex(const dyad_dict *d, const char *const *w, int n, const char **code,
                             const char **category, int *len);

/* ---- event nouns (dict_nouns.c) ------------------------------------------ */

/* A noun that names an event ("attack", "talks", "air strike"), from dyad's
 * noun file (nounfile_name in dyad.dicts; format in data/dict/dyad.nouns.txt):
 * one line per noun,
 *     WORDS  CODE  SOURCE-PREPS  TARGET-PREPS  [FLAG ...]
 * WORDS: the upper-case noun, several forms separated by ',' ("ATTACK,ATTACKS"),
 * words of one form joined by '_' ("AIR_STRIKE"; the last is the head noun);
 * CODE: the CAMEO code; SOURCE-PREPS, TARGET-PREPS: prepositions (',' between
 * them, '-' for none) whose object is the source ("BY") or the target ("ON");
 * FLAGS: "mutual" ("between X and Y", "with Y": each side acts on the
 * other), "patient" (a possessive or modifier is the one the event befalls:
 * "the journalist's abduction"; else it is the source: "Israel's attack"),
 * "actor" (the noun names those who act, and its phrase is the source:
 * "Iraqi protesters" protest, "rioters" riot).
 * Malformed lines are warned about and skipped. */
typedef struct dyad_event_noun {
    const char *const *words; /* the words of one form, upper case */
    int nwords;
    const char *code;         /* CAMEO code */
    const char *const *src_preps, *const *tgt_preps; /* upper case */
    int nsrc, ntgt;
    unsigned char mutual, patient, actor;
    long line;
} dyad_event_noun;

/* How many event nouns (one per form) the dictionary holds. */
int dyad_dict_nnouns(const dyad_dict *d);
/* Event noun i (NULL if out of range). */
const dyad_event_noun *dyad_dict_noun(const dyad_dict *d, int i);

/* ---- raw sentences, before parsing (dict_scan.c) ------------------------ */

/* Does the raw sentence text[0..n) name an actor or an agent anywhere? The text
 * is split leniently (white space; edge punctuation dropped; possessive 's
 * split off; a second pass also splits at '-' and '/') and every actor and
 * agent phrase is tried at every word, ignoring dates, plus the singular of a
 * plural word ("IRANIANS" -> IRANIAN), and a number that can count people
 * ("40,000", "thousands": the tree coder's ordinary people) or a verb form coded
 * as violence (18x-20x: "X was shot", X an ordinary person). This is a superset of what the coders
 * match on the parse tree's words, so 0 means no event can be coded from the
 * sentence (unless new actors are allowed: new_actor_length > 0). Scratch
 * memory from a. Returns 1, 0, or DYAD_ENOMEM (< 0). */
int dyad_dict_text_names_actor(const dyad_dict *d, const char *text, size_t n, dyad_arena *a);

/* The discard check dyad_code_tree makes on the text, without a tree: 0 none,
 * 1 the sentence is discarded, 2 the story; DYAD_ENOMEM (< 0). */
int dyad_dict_text_discard(const dyad_dict *d, const char *text, size_t n, dyad_arena *a);

/* How many of the words w[i..n) (upper case) an actor phrase of the dictionary
 * user (a const dyad_dict *) starting at w[i] covers; 0 when none. The
 * signature is that of dyad_builtin_names (parse/builtin.h): the parser tags
 * those words as names. */
int dyad_dict_name_at(void *user, const char *const *w, int n, int i);

#endif
