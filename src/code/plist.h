/* plist.h: the coder's linear view of a parsed sentence (internal to src/code).
 *
 * The PETRARCH/TABARI dictionaries are written for linear pattern matching, so
 * the coder first turns the constituency tree into a flat list of items in the
 * style of PETRARCH-1's "ParseList":
 *
 *   (S (NE --- ARNOR ~NE (VP1 (VBZ IS ~VBZ (VP2 ... ~VP2 ~VP1 ~S
 *
 * - Phrase openers are "(TAG", closers "~TAG". Verb phrases and complex noun
 *   phrases carry an index ("(VP3" / "~VP3") so the end of a phrase can be found.
 * - Simple noun phrases become named-entity phrases "(NE CODE words ~NE": the item
 *   after "(NE" is the actor code slot ("---" until actors are assigned).
 * - Compound noun phrases ("Gondor and Osgiliath") become "(NECn (NE ...) (NE ...) ~NECn".
 * - Words are upper-cased; each word item keeps the index of its token in the tree
 *   so that events can point back at character spans.
 *
 * All memory comes from the caller's arena.
 */
#ifndef DYAD_CODE_PLIST_H
#define DYAD_CODE_PLIST_H

#include "parse/tree.h"
#include "util/util.h"

typedef struct dyad_pl_item {
    const char *s; /* "(NE", "~VP2", "ARNOR", or a code in the slot after "(NE" */
    int tok;       /* token index of a word item, -1 otherwise */
} dyad_pl_item;

typedef struct dyad_plist {
    dyad_pl_item *items;
    int n, cap;
    dyad_arena *arena;
} dyad_plist;

/* Builds the list for tree t. Returns 0, DYAD_ENOMEM, or DYAD_EPARSE for a tree
 * the conversion cannot handle (message set). */
int dyad_plist_build(dyad_plist *pl, const dyad_tree *t, dyad_arena *a);

/* Item kinds. */
static inline int dyad_pl_is_open(const char *s) { return s[0] == '(' && s[1]; }
static inline int dyad_pl_is_close(const char *s) { return s[0] == '~' && s[1]; }
static inline int dyad_pl_is_word(const char *s) { return !dyad_pl_is_open(s) && !dyad_pl_is_close(s); }

/* Removes items [from, to). */
void dyad_plist_remove(dyad_plist *pl, int from, int to);
/* Replaces items [from, to) with the m items of repl. Returns 0 or DYAD_ENOMEM. */
int dyad_plist_splice(dyad_plist *pl, int from, int to, const dyad_pl_item *repl, int m);
/* Appends one item. */
int dyad_plist_push(dyad_plist *pl, const char *s, int tok);
/* Index of the first item equal to s in [from, to), or -1. */
int dyad_plist_find(const dyad_plist *pl, const char *s, int from, int to);
/* One-line rendering for debugging/tests (arena string). */
char *dyad_plist_to_string(const dyad_plist *pl, dyad_arena *a);

#endif
