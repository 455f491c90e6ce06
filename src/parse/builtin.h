/* builtin.h: dyad's own parser for the coding path: a sentence of text is
 * tokenized (text.h), tagged (tagger.h), dependency-parsed (depparse.h) and
 * turned into the Penn-style tree the coders read by the one dependency
 * builder (dyad_conllu_to_tree, conllu.h).
 *
 * Tokens are text.h's (Penn style), given to the models with curly quotes
 * and apostrophes straight and an all-capitals headline re-cased (first
 * letter kept, the rest lower case except short words that are not common
 * English words: US, UN) so that the tagger sees news casing; an underscore
 * between two words ("Dol_Amroth", as PETRARCH dictionaries write a phrase)
 * separates them. Hyphenated
 * words stay whole ("U.S.-led", "government-held"): UD English splits them,
 * but the parser attaches the parts of a split word to different phrases
 * often enough that coding loses more than the models gain (PETR2 gold 45
 * vs 48 of 74 coded right); `dyad parse` splits as UD does. After tagging, a
 * sentence without a finite verb gets one where the tagger read a past tense
 * after its subject as a participle (see builtin.c).
 * The tree's words are the sentence's own and its spans (tok_start/tok_end)
 * are byte offsets in the text given.
 *
 * Linear time in the sentence length, no clock, no length limit below the
 * sentence splitter's (text.h: DYAD_SENT_MAX_TOKENS): every sentence gets a
 * tree.
 *
 * Threads: a dyad_builtin is read-only after loading; any number of threads
 * may parse with it at once.
 *
 * Ownership: dyad_builtin_load returns a parser released with
 * dyad_builtin_free (it owns both models); trees come from the caller's arena.
 */
#ifndef DYAD_PARSE_BUILTIN_H
#define DYAD_PARSE_BUILTIN_H

#include <stddef.h>
#include "parse/conllu.h"
#include "parse/tree.h"
#include "util/util.h"

/* The folder of tagger.bin and parser.bin when none is given. */
#define DYAD_BUILTIN_MODEL_DIR "data/parser"

typedef struct dyad_builtin dyad_builtin;

/* Finds the model folder: dir when not NULL, else DYAD_BUILTIN_MODEL_DIR in
 * the working folder, else data/parser beside the program's folder
 * (../data/parser from the binary, as in a build tree). buf holds the result
 * when it is built. Returns the folder (never NULL). */
const char *dyad_builtin_model_dir(const char *dir, char *buf, size_t size);

/* Loads dir/tagger.bin and dir/parser.bin (dir NULL: dyad_builtin_model_dir).
 * 0, DYAD_EIO (missing or unreadable: the message names the file),
 * DYAD_EPARSE (damaged model), DYAD_ENOMEM. *out is NULL on error. */
int dyad_builtin_load(dyad_builtin **out, const char *dir);
void dyad_builtin_free(dyad_builtin *p); /* accepts NULL */

/* Names the caller knows (an actor dictionary's phrases, say): given the
 * sentence's words in upper case, how many words a name starting at word i
 * has (0: none). The parser tags the capitalised words of such a name as
 * proper nouns where the tagger read them as verbs, adverbs, pronouns, common
 * nouns or unknown words ("Pyongyang" is no -ing verb, "US" no pronoun); in a
 * headline in title case, the capitalised words that are no known name reach
 * the models in lower case ("Philippine Rebels Free Troops" is tagged as
 * "Philippine rebels free troops"). */
typedef struct dyad_builtin_names {
    int (*name_at)(void *user, const char *const *upper, int n, int i);
    void *user;
} dyad_builtin_names;

/* Parses one sentence, text[0..n), into *out (from a). names may be NULL.
 * When dep is not NULL
 * it receives the dependency analysis the tree was built from (words as given
 * to the models). 0; DYAD_EPARSE for a sentence without tokens; DYAD_ELIMIT
 * beyond the builder's caps (conllu.h); DYAD_ENOMEM. */
int dyad_builtin_parse(dyad_tree **out, dyad_conllu_sent **dep, const dyad_builtin *p,
                       const dyad_builtin_names *names, const char *text, size_t n,
                       dyad_arena *a);

#endif
