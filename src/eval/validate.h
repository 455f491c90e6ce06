/* validate.h: code a PETRARCH validation file and compare with its expectations.
 *
 * A record is correct when the set of (source, target, event) triples coded for
 * it equals the set of its <EventCoding> elements (none for noevents="True"),
 * or, for a record that expects an error (error="bad_input_parse", "dateline",
 * "sentencediscard", "storydiscard"), when coding rejects it for that reason.
 */
#ifndef DYAD_EVAL_VALIDATE_H
#define DYAD_EVAL_VALIDATE_H

#include <stdio.h>
#include "dyad.h"
#include "util/util.h"

typedef struct dyad_validate_opts {
    const char *dict_dir;  /* where the <Environment> files are; NULL = the file's folder */
    FILE *report;          /* differing records are described here (NULL: silent) */
    int verbose;           /* also print every record and dictionary counts */
    int reparse;           /* ignore <Parse>, parse <Text> with the built-in parser */
} dyad_validate_opts;

typedef struct dyad_validate_result {
    int records;       /* records read */
    int scored;        /* records with an expectation */
    int correct;
    int input_errors;  /* records that could not be read (missing or broken parse), unexpected */
    double dict_seconds, code_seconds;
} dyad_validate_result;

/* Returns 0 when the file and its dictionaries could be read (whatever the
 * accuracy), else a negative dyad_err with the message set. diag receives
 * input warnings and errors (NULL: stderr). */
int dyad_validate_file(dyad_validate_result *res, const char *path, const dyad_validate_opts *o,
                       dyad_diag *diag);

#endif
