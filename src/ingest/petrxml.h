/* petrxml.h: reader for PETRARCH validation / input XML files.
 *
 * The layout (PETRARCH, PETRARCH2 and UniversalPetrarch files):
 *   <Validation>                       (or <Sentences> as the root, or none)
 *     <Environment> <Verbfile>..</Verbfile> <Actorfile>a,b</Actorfile> <Agentfile>
 *       <Discardfile> <Issuefile> <Include>valid DEMO ..</Include> <Exclude>
 *       <Config option="x" value="y"/> </Environment>
 *     <Sentences>
 *       <Config option= value=>        changes an option from here on
 *       <Sentence date="19950101" id="DEMO-00" category="DEMO">
 *         <EventCoding sourcecode= targetcode= eventcode=/> ...  or noevents="True"
 *         <Text>..</Text> <Parse>(ROOT ...)</Parse>
 *       </Sentence> ...
 * Also read: several documents concatenated; '#' banner lines outside comments
 * (markup on them is ignored); the UniversalPetrarch layout where <Sentence .../>
 * is self-closed and its EventCoding/Text/Parse follow as siblings up to a
 * </Sentence> (or the next <Sentence>); single-quoted attributes, spaces around '='.
 *
 * Input problems never stop the reader: invalid UTF-8 becomes U+FFFD (one
 * warning per line), XML errors are recovered from (libxml2 recovery mode) and
 * reported to the dyad_diag sink as "file:line: ...". A record the input ends
 * inside (a truncated file) is reported as an error and not returned; every
 * complete record before it is.
 *
 * Nothing but the file is read: an external DTD, an external entity (SYSTEM or
 * PUBLIC, file or URL), a parameter entity or an XInclude is never loaded; a
 * reference to such an entity is reported as an error at its line and left
 * out, the text around it kept. Entities declared in the file's internal
 * subset are expanded, except references inside another entity's text and
 * past 1 MB of expansion in all (a "billion laughs" ends at once; reported).
 *
 * Ownership: the reader owns the environment and every record and string it
 * hands out; they stay valid until dyad_petrxml_free() (the API promises only
 * "until the next dyad_petrxml_next() or free"; copy what you keep longer).
 * The diag sink passed to open is used during open only; it must outlive it.
 */
#ifndef DYAD_INGEST_PETRXML_H
#define DYAD_INGEST_PETRXML_H

#include <stddef.h>
#include "util/util.h"

typedef struct dyad_coding {
    const char *source, *target, *event; /* as written ("" when an attribute is absent) */
} dyad_coding;

typedef struct dyad_option {
    const char *option, *value;          /* value "" when absent */
} dyad_option;

typedef struct dyad_record {
    const char *id, *date, *category;    /* "" when absent */
    long line;                           /* line of <Sentence> */
    const char *text;                    /* <Text>, whitespace runs (incl. newlines) collapsed
                                          * to one space, trimmed; NULL if absent */
    const char *parse;                   /* raw <Parse> content (entities decoded); NULL if absent */
    long parse_line;                     /* line where the <Parse> content starts (the line of
                                          * "<Parse>"): pass as first_line to dyad_ptb_parse */
    dyad_coding *codings;                /* expected codings, in file order */
    int ncodings;
    int noevents;                        /* <EventCoding noevents="True"> present */
    const char *error;                   /* <EventCoding error="...">: the coder is expected
                                          * to reject the record ("bad_input_parse",
                                          * "dateline", "sentencediscard", ...); NULL if none */
    dyad_option *config;                 /* <Config> seen since the previous record (outside
                                          * <Environment>), in order */
    int nconfig;
} dyad_record;

typedef struct dyad_environment {
    const char *verbfile, *agentfile, *discardfile, *issuefile; /* NULL when absent */
    const char **actorfiles;             /* <Actorfile> split at commas, trimmed */
    int nactorfiles;
    const char **include;                /* <Include> split at spaces, without "valid" */
    int ninclude;
    int valid_only;                      /* "valid" was in <Include> */
    const char **exclude;
    int nexclude;
    dyad_option *config;                 /* <Config> inside <Environment> */
    int nconfig;
} dyad_environment;

typedef struct dyad_petrxml dyad_petrxml;

/* Reads the whole file ("-" = stdin) and its records. Returns 0, DYAD_EIO when
 * the file cannot be read, DYAD_ELIMIT for a file over 2 GB, DYAD_ENOMEM;
 * malformed content is not a failure (see dyad_petrxml_errors). d may be NULL
 * (stderr). *out is freed with dyad_petrxml_free. */
int dyad_petrxml_open(dyad_petrxml **out, const char *path, dyad_diag *d);

/* The same over buf[0..n) (copied; need not be NUL-terminated); name is used in
 * messages. */
int dyad_petrxml_open_mem(dyad_petrxml **out, const char *name, const char *buf, size_t n,
                          dyad_diag *d);

/* The <Environment> settings; never NULL (fields NULL/0 when there is none). */
const dyad_environment *dyad_petrxml_env(const dyad_petrxml *r);

/* *rec = the next record: returns 1, or 0 at the end (*rec = NULL). Cheap: the
 * records are read at open. */
int dyad_petrxml_next(dyad_petrxml *r, const dyad_record **rec);

/* Number of records in the file (complete ones, as next() returns them). */
int dyad_petrxml_count(const dyad_petrxml *r);

/* Input errors reported so far (XML errors, truncated records); warnings
 * (invalid UTF-8, stray elements, text after a record) are not counted. */
long dyad_petrxml_errors(const dyad_petrxml *r);

/* 1 when the input ends inside an element (a cut-off file): a record was
 * left incomplete (and not returned), or an element is still open at the
 * end; else 0. Errors inside complete records (a refused entity, a
 * malformed tag) do not count. */
int dyad_petrxml_cut_off(const dyad_petrxml *r);

/* Releases the reader, its records and strings. Accepts NULL. */
void dyad_petrxml_free(dyad_petrxml *r);

#endif
