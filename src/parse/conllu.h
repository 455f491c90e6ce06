/* conllu.h: Universal Dependencies parses (CoNLL-U) read and converted into the
 * constituency trees (tree.h) that the coders read.
 *
 * The reader takes one sentence in the CoNLL-U format: one word per line with
 * ten tab-separated columns (ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS
 * MISC), comment lines starting with '#', a blank line or the end of the input
 * ending the sentence. Multi-word token lines ("3-4") and empty nodes ("5.1")
 * are checked and skipped: the tree is built over the syntactic words. Both
 * UD v1 (dobj, nsubjpass, auxpass, name, mwe, neg) and UD v2 relation names
 * are understood.
 *
 * The converter builds the Penn-style tree Stanford CoreNLP would print for the
 * sentence, because that is what PETRARCH-style coders were written for:
 * PTB tags on the words (XPOS when it is a PTB tag, else mapped from UPOS and
 * FEATS), NPs around nominal heads, PPs from `case`, VP chains through the
 * auxiliaries ("has not attacked" = (VP (VBZ has) (RB not) (VP (VBN attacked)))),
 * S around clauses with their subject, SBAR for `mark`ed and relative clauses,
 * coordination of NPs, VPs and clauses, possessives, and CoreNLP's layout of a
 * trailing "..., officials said." Words a UD tokenizer split at hyphens are
 * joined again ("al-Shabab"), and a few frequent parser errors that would
 * hide a sentence's event are repaired (a verb taken for a noun's modifier, a
 * finite adverbial clause left without its subject, ...). See deptree.c and
 * deptree_repair.c for the rules.
 *
 * Ownership: everything returned is allocated from the caller's arena and is
 * released with it; the input text is copied where kept.
 */
#ifndef DYAD_PARSE_CONLLU_H
#define DYAD_PARSE_CONLLU_H

#include <stddef.h>
#include "parse/tree.h"
#include "util/util.h"

/* Hard caps: a longer sentence or a deeper dependency tree gives DYAD_ELIMIT. */
#define DYAD_CONLLU_MAX_WORDS 1000
#define DYAD_CONLLU_MAX_DEPTH 200

/* One syntactic word. Strings are "_" when the column is "_". */
typedef struct dyad_conllu_word {
    const char *form, *lemma, *upos, *xpos, *feats, *deprel, *misc;
    int head;  /* index (0-based) of the head word, -1 for the root */
    long line; /* input line (0 when unknown) */
} dyad_conllu_word;

/* One sentence: its words in order and two comment fields. */
typedef struct dyad_conllu_sent {
    dyad_conllu_word *words;
    int nwords;
    const char *text;    /* "# text = ..." or NULL */
    const char *sent_id; /* "# sent_id = ..." or NULL */
    int spacing_exact;   /* 1: MISC SpaceAfter=No is set exactly where the text has no
                          * space (a tokenizer's output); 0: unknown (files) */
} dyad_conllu_sent;

/* Does s[0..n) look like CoNLL-U (its first line that is neither blank nor a
 * '#' comment starts with digits and has a tab)? 1 or 0. Cheap: used to tell a
 * CoNLL-U <Parse> from a bracketed one. */
int dyad_conllu_detect(const char *s, size_t n);

/* Reads one sentence from s[0..n) (need not be NUL-terminated). Text after the
 * blank line that ends the sentence is reported to d as a warning and ignored.
 * Several words with HEAD 0: a warning, and the later ones hang from the first
 * as "parataxis".
 * Errors (DYAD_EPARSE): no words, a line without exactly 10 tab-separated
 * columns, an empty column, a bad or out-of-sequence ID, a HEAD that is not a
 * word of the sentence (or the word itself), no root, a cycle. DYAD_ELIMIT over
 * DYAD_CONLLU_MAX_WORDS words or DYAD_CONLLU_MAX_DEPTH levels; DYAD_ENOMEM.
 * Every error is reported to d (NULL: stderr) as "file:line: reason" with line
 * = first_line + the input line's offset (no line when first_line <= 0), and
 * becomes dyad_last_error(). *out is NULL on error. file may be NULL. */
int dyad_conllu_read(dyad_conllu_sent **out, dyad_arena *a, const char *s, size_t n,
                     dyad_diag *d, const char *file, long first_line);

/* The sentence's text: its "# text =" comment, else the forms joined by
 * spaces except where MISC says SpaceAfter=No. Allocated from a (NULL on out
 * of memory). */
const char *dyad_conllu_text(const dyad_conllu_sent *s, dyad_arena *a);

/* Converts a sentence (from dyad_conllu_read, or built by another dependency
 * parser: words with forms, any of the tags, heads forming one tree and
 * relations) into a constituency tree whose tokens are its words in order.
 * 0, DYAD_EPARSE (heads that do not form a tree), DYAD_ELIMIT (caps above, or a
 * result deeper than DYAD_TREE_MAX_DEPTH), DYAD_ENOMEM. */
int dyad_conllu_to_tree(dyad_tree **out, dyad_arena *a, const dyad_conllu_sent *s);

/* dyad_conllu_read then dyad_conllu_to_tree: the CoNLL-U counterpart of
 * dyad_ptb_parse, with the same arguments and error reporting. */
int dyad_conllu_parse(dyad_tree **out, dyad_arena *a, const char *s, size_t n, dyad_diag *d,
                      const char *file, long first_line);

/* Finds the next sentence block of a CoNLL-U file (for --input conllu): skips
 * blank lines from *pos, sets *start / *len to the block (up to the next blank
 * line or the end) and *first_line to its first line, and advances *pos past
 * it. *line is the line number of s[*pos], kept up to date. 1 when a block was
 * found, 0 at the end. */
int dyad_conllu_next_block(const char *s, size_t n, size_t *pos, long *line, size_t *start,
                           size_t *len, long *first_line);

#endif
