/* tcoder.h: the tree coder, for PETRARCH-2 format verb dictionaries.
 *
 * PETRARCH-2 dictionaries (CAMEO.2.0.txt and dyad's own) write patterns in terms
 * of syntax: the heads of the subject and object noun phrases, prepositional
 * phrases "(IN COURT)", longer noun phrases "{ARMS SHIPMENT}". This coder reads
 * them on the constituency tree: each verb phrase takes its source from the
 * subject of its clause and its target from its objects, nested verbs combine
 * ("said it attacked" becomes a claim of responsibility), "not" reverses, passive
 * verbs take their source from "by"/"from" phrases, and the dictionary's
 * transformation lines rewrite nested events.
 *
 * A dyad_tcoder holds the pattern trees built from a dictionary; it is
 * read-only after dyad_tcoder_new and may be shared by threads.
 */
#ifndef DYAD_CODE_TCODER_H
#define DYAD_CODE_TCODER_H

#include "code/coder.h"

typedef struct dyad_tcoder dyad_tcoder;

/* Builds the pattern trees for dict (which must outlive the coder). */
int dyad_tcoder_new(dyad_tcoder **out, const dyad_dict *dict);
void dyad_tcoder_free(dyad_tcoder *tc);

/* Does this dictionary call for the tree coder (PETRARCH-2 format: it has
 * transformation lines or patterns with (PP) / {NP} groups)? */
int dyad_dict_is_petr2(const dyad_dict *dict);

/* Codes one sentence, like dyad_code_tree(). */
int dyad_tcode_tree(dyad_coded_list *out, const dyad_tcoder *tc, const dyad_code_opts *o,
                    const dyad_tree *t, const char *date, dyad_arena *a);

#endif
