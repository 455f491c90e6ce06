/* coder.h: the event coder (internal to the library; the public face is in dyad.h).
 *
 * dyad_code_tree() codes one parsed sentence: it linearises the tree (plist.h),
 * removes comma-delimited asides, assigns actor codes to noun phrases, then for
 * each verb phrase whose verb is in the dictionary matches the verb's patterns
 * and emits source-target-event triples. Everything it returns lives in the
 * caller's arena.
 */
#ifndef DYAD_CODE_CODER_H
#define DYAD_CODE_CODER_H

#include "dict/dict.h"
#include "parse/tree.h"
#include "util/util.h"

/* dyad_code_opts, dyad_code_opts_default and dyad_code_opts_set are public. */

/* The coder object behind dyad_coder (dyad.h). */
struct dyad_coder {
    const dyad_dict *dict;
    dyad_code_opts opts;
    struct dyad_tcoder *tc; /* PETRARCH-2 format dictionaries: the tree coder; else NULL */
};

/* One coded triple, with evidence as token ranges (inclusive; -1 when unknown). */
typedef struct dyad_coded {
    const char *source, *target, *code;
    int src_tok0, src_tok1, tgt_tok0, tgt_tok1, verb_tok0, verb_tok1;
    const char *modality; /* static string (dyad_event.modality); NULL = asserted */
    /* the evidence behind the event (dyad_event_basis; the tree coder sets
     * them, other coders leave 0) */
    int pattern_words, origin, clause_depth;
} dyad_coded;

typedef struct dyad_coded_list {
    dyad_coded *ev;
    int n, cap;
    int discard;      /* 0 none, 1 sentence discarded, 2 story discarded */
    const char *discard_phrase;
    const char *issues; /* ";"-joined issue codes, "" if none */
} dyad_coded_list;

/* Codes one sentence. text (may be NULL) is used for discards and issues; date is
 * "YYYYMMDD" (or YYYY-MM-DD). Returns 0 (even when nothing was coded), DYAD_ENOMEM,
 * or DYAD_EPARSE when the tree cannot be linearised (message set). */
int dyad_code_tree(dyad_coded_list *out, const dyad_coder *c, const dyad_tree *t,
                   const char *text, const char *date, dyad_arena *a);

/* For debugging: the linear parse list after comma removal and actor assignment. */
char *dyad_code_debug_plist(const dyad_coder *c, const dyad_tree *t, const char *date,
                            dyad_arena *a);

#endif
