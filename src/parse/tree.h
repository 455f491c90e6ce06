/* tree.h: constituency trees (Penn Treebank bracketed form) in an arena.
 *
 * A tree is a flat array of nodes linked by indices. A preterminal (a POS tag
 * over one word, "(NNP Korea)") carries the token; every other node is a
 * phrase ("NP", "VP", "S", "ROOT", or "" for the unlabelled root of
 * "( (S ...) )"). Tokens are numbered 0.. left to right.
 *
 * Ownership: everything a function here returns (the tree, its arrays, its
 * strings, printed strings) is allocated from the caller's dyad_arena and is
 * released with it; there is no separate _free. The input text is never kept.
 */
#ifndef DYAD_PARSE_TREE_H
#define DYAD_PARSE_TREE_H

#include <stddef.h>
#include "util/util.h"

/* Hard caps: deeper or bigger input gives DYAD_ELIMIT (never a stack overflow). */
#define DYAD_TREE_MAX_DEPTH 1000
#define DYAD_TREE_MAX_NODES 200000

typedef struct dyad_tnode {
    const char *label;  /* phrase label ("NP", "VP", "S", "ROOT", "" for an unlabelled
                         * root) or, for a preterminal, its POS tag ("NNP") */
    const char *word;   /* preterminal only: the token as written in the parse
                         * ("Korea", "-LRB-", "n't"); NULL otherwise */
    int parent, first_child, next_sibling, last_child; /* node indices, -1 for none */
    int nchildren;
    int tok;            /* preterminal: token index (0-based, left to right); -1 otherwise */
} dyad_tnode;

typedef struct dyad_tree {
    dyad_tnode *nodes;
    int nnodes;
    int root;           /* always 0 */
    int ntok;
    int *tok_node;      /* preterminal node index of each token */
    int *tok_start, *tok_end; /* char (byte) span [start,end) of each token in the sentence
                               * text after dyad_tree_align(); -1 until then or if not found */
} dyad_tree;

/* Reads one bracketed tree from s[0..n) (s need not be NUL-terminated; nothing
 * past n is read), e.g. "(ROOT (S (NP (NNP Arnor)) (VP ...) (. .)))" or the
 * unlabelled "( (S ...) )". Whitespace and newlines may appear anywhere.
 *
 * On success *out is a tree allocated from a. Text after the tree (other than
 * whitespace) is reported to d as a warning and ignored.
 * Errors: DYAD_EPARSE for empty input, unbalanced brackets (missing or extra
 * ')'), a preterminal without a word, a word in a phrase, and the like;
 * DYAD_ELIMIT beyond DYAD_TREE_MAX_DEPTH / DYAD_TREE_MAX_NODES; DYAD_ENOMEM.
 * Every error is reported to d (NULL: stderr) as "file:line: reason", with
 * line = first_line + the newlines before the problem (no line when
 * first_line <= 0), and becomes dyad_last_error(). *out is NULL on error;
 * partial allocations stay in the arena. file may be NULL. */
int dyad_ptb_parse(dyad_tree **out, dyad_arena *a, const char *s, size_t n,
                   dyad_diag *d, const char *file, long first_line);

/* Finds each token's byte span in the sentence text, left to right, and fills
 * t->tok_start / t->tok_end. Tolerant: ASCII case-insensitive; understands the
 * Penn escapes (-LRB- -RRB- -LCB- -RCB- -LSB- -RSB-, `` '' for straight or curly
 * quotes, ' for ’, -- for dashes, \/ and \*, ... for …). A token not found within
 * a short window after the previous one keeps -1 and the next token is searched
 * from the same place; the cost is linear in the text. text NULL: all -1.
 * a is used only if the span arrays are missing. */
void dyad_tree_align(dyad_tree *t, dyad_arena *a, const char *text);

/* The tree in one-line bracket form, "(ROOT (S (NP (NNP Arnor)) ...))", or
 * "( (S ...))" for an unlabelled root. Allocated from a; NULL on out of memory. */
char *dyad_tree_to_string(const dyad_tree *t, dyad_arena *a);

/* Index of the first / last token under node (the node's own token for a
 * preterminal); -1 for a bad node index. */
int dyad_tree_leftmost_tok(const dyad_tree *t, int node);
int dyad_tree_rightmost_tok(const dyad_tree *t, int node);

#endif
