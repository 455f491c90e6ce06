/* dyad.h: the public API of libdyad, an event-data coder.
 *
 * Conventions (the whole API):
 * - Functions that can fail return 0 or a negative dyad_err; the per-thread
 *   message dyad_last_error() then names the file, line and reason.
 * - Out-parameters come first. What a function returns through **out belongs
 *   to the caller and is released by the matching _free function; every _free
 *   accepts NULL.
 * - Input problems that do not stop the work (a malformed dictionary line, a
 *   record without a parse) are reported through a dyad_diag sink and counted;
 *   the rest of the input is still processed.
 */
#ifndef DYAD_H
#define DYAD_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define DYAD_VERSION "0.1.0"

typedef enum dyad_err {
    DYAD_OK = 0,
    DYAD_ENOMEM = -1,   /* out of memory */
    DYAD_EIO = -2,      /* a file could not be opened or read */
    DYAD_EPARSE = -3,   /* malformed input */
    DYAD_EINVAL = -4,   /* bad argument */
    DYAD_ENOTFOUND = -5,/* a named thing (file, code) does not exist */
    DYAD_ELIMIT = -6    /* input exceeds a hard cap (depth, length) */
} dyad_err;

/* The message of the last error on this thread (never NULL; "" if none). */
const char *dyad_last_error(void);


/* ---- events --------------------------------------------------------- */

/* A character span [start, end) in the sentence text; start < 0 when unknown. */
typedef struct dyad_span {
    int start, end;
} dyad_span;

/* One coded event. All strings are owned by the structure that holds the event
 * (a dyad_events list); copy what you keep. */
typedef struct dyad_event {
    const char *article;   /* article id ("" if none) */
    const char *sentence;  /* sentence id */
    const char *date;      /* YYYYMMDD as given, or YYYY-MM-DD */
    const char *source;    /* actor code, e.g. "IRNGOV"; "---" when unknown */
    const char *target;    /* actor code or "---" */
    const char *cameo;     /* CAMEO event code, e.g. "042" */
    const char *plover;    /* PLOVER category, e.g. "CONSULT"; "" if none */
    int quad_class;        /* 0 neutral, 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict */
    double goldstein;      /* Goldstein score of the code */
    const char *text;      /* the sentence text */
    dyad_span source_span, target_span, verb_span; /* evidence */
    const char *source_text, *target_text, *verb_text; /* the matched words (may be "") */
    const char *issues;    /* ";"-separated issue codes, "" if none */
} dyad_event;

#include <stdio.h>

/* ---- diagnostics ------------------------------------------------------ */

typedef enum { DYAD_DIAG_WARNING = 1, DYAD_DIAG_ERROR = 2 } dyad_diag_level;

/* Where input warnings and errors go. A NULL sink, or fn == NULL, prints
 * "file:line: warning|error: message" to stderr. The counters are updated for
 * every message. */
typedef struct dyad_diag {
    void (*fn)(void *user, dyad_diag_level lvl, const char *file, long line, const char *msg);
    void *user;
    long warnings;
    long errors;
} dyad_diag;

/* ---- dictionaries (PETRARCH/TABARI formats) --------------------------- */

typedef struct dyad_dict dyad_dict;

/* File names; NULL (or nactors == 0) = that dictionary is absent. */
typedef struct dyad_dict_files {
    const char *verbs;             /* PETRARCH-1 (.verbs) or PETRARCH-2 (CAMEO.2.0) format */
    const char *const *actors;     /* nactors actor files, loaded in this order */
    int nactors;
    const char *agents, *discards, *issues;
} dyad_dict_files;

typedef struct dyad_dict_stats {
    long synsets, verb_blocks, verb_forms, patterns;
    long actors;       /* actor entries (a name line with its '+' synonyms and codes;
                          name lines before the entry's first code join it) */
    long actor_codes;  /* [CODE ...] items, dated or not */
    long agents;       /* agent lines stored (before plurals/substitutions) */
    long discards, issues; /* discard lines, issue lines (before expansions) */
    long warnings;     /* malformed lines reported during this load */
    double seconds;    /* wall time of the load */
    size_t bytes;      /* memory held by the dictionary */
    /* more detail */
    long synset_phrases;  /* after nested-synset expansion and plurals */
    long actor_phrases;   /* primary names + '+' synonyms */
    long agent_phrases;   /* incl. plurals and !X! substitutions */
    long issue_phrases;   /* incl. n:/v:/+ expansions */
    long transforms;      /* PETRARCH-2 '~' transformation lines */
} dyad_dict_stats;

/* Loads the files named in *f. Returns 0, DYAD_EIO (a file is missing or
 * unreadable), DYAD_ENOMEM or DYAD_EINVAL. Malformed lines are warnings through
 * d with file:line and are skipped. *out is freed with dyad_dict_free. */
int dyad_dict_load(dyad_dict **out, const dyad_dict_files *f, dyad_diag *d);
/* Loads the dictionaries a folder names: dyad.dicts or PETR_config.ini
 * ([Dictionaries] verbfile_name, actorfile_list, agentfile_name,
 * discardfile_name, issuefile_name), else by file name (*verbs*.txt,
 * *actors*.txt, ...). DYAD_ENOTFOUND when the folder has none. */
int dyad_dict_load_dir(dyad_dict **out, const char *dir, dyad_diag *d);
void dyad_dict_free(dyad_dict *dict); /* accepts NULL */
void dyad_dict_get_stats(const dyad_dict *dict, dyad_dict_stats *st);

/* ---- coding ------------------------------------------------------------ */

/* Coding options; the names follow PETRARCH's <Config> options. */
typedef struct dyad_code_opts {
    int require_dyad;     /* drop events whose source or target is "---" (default 1) */
    int new_actor_length; /* >0: uncoded noun phrases of fewer words become "\"PHRASE\"" actors */
    int comma_min, comma_max;   /* internal comma clauses of this many words are removed */
    int comma_bmin, comma_bmax; /* initial clause */
    int comma_emin, comma_emax; /* terminal clause */
} dyad_code_opts;

void dyad_code_opts_default(dyad_code_opts *o);
/* Applies a PETRARCH <Config option= value=>. 0, or DYAD_EINVAL for an unknown
 * option or a bad value. */
int dyad_code_opts_set(dyad_code_opts *o, const char *option, const char *value);

/* A coder: dictionaries plus options. PETRARCH-2 format dictionaries (patterns
 * with (PP) and {NP} groups, transformations) are coded on the parse tree the way
 * PETRARCH-2 does; PETRARCH-1 format ones with the linear TABARI/PETRARCH-1
 * patterns. The dictionary must outlive the coder. A coder is not shared
 * between threads while its options change. */
typedef struct dyad_coder dyad_coder;
int dyad_coder_new(dyad_coder **out, const dyad_dict *dict, const dyad_code_opts *opts);
void dyad_coder_free(dyad_coder *c); /* accepts NULL */
/* Changes an option (as dyad_code_opts_set). */
int dyad_coder_set_option(dyad_coder *c, const char *option, const char *value);
/* "tree" (PETRARCH-2 style) or "linear" (PETRARCH-1 style). */
const char *dyad_coder_engine(const dyad_coder *c);

/* Receives each coded event; a non-zero return stops the run and is returned. */
typedef int (*dyad_event_fn)(void *user, const dyad_event *e);

typedef struct dyad_run_stats {
    long records, sentences_coded, events, discarded;
    long input_errors; /* records that could not be coded (no parse, a broken parse) */
    long xml_errors;   /* errors the XML reader reported (a truncated file, bad markup) */
} dyad_run_stats;

/* Codes every record of a PETRARCH XML file ("-" = stdin) with Penn parses.
 * <Config> elements between records change the coder's options from there on.
 * Records that cannot be read are reported through d with file:line and
 * counted; the others are still coded. date (YYYYMMDD or YYYY-MM-DD, NULL =
 * the records' own) overrides every record's date. Returns 0, the callback's
 * value, or a negative dyad_err when the file cannot be read. Statistics are
 * added to *st. */
int dyad_code_petrxml(dyad_run_stats *st, dyad_coder *c, const char *path, const char *date,
                      dyad_event_fn fn, void *user, dyad_diag *d);

/* ---- output ------------------------------------------------------------ */

/* One event as a compact JSON object and a newline (fields: type, article,
 * sentence, date, source, target, cameo, quad_class, goldstein, plover, text,
 * evidence {source, target, verb: {start, end, text}}, issues when any).
 * 0, DYAD_ENOMEM or DYAD_EIO. */
int dyad_event_write_json(FILE *f, const dyad_event *e);

/* ---- validation --------------------------------------------------------- */

typedef struct dyad_validate_opts {
    const char *dict_dir;  /* where the <Environment> files are; NULL = the file's folder */
    FILE *report;          /* differing records are described here (NULL: silent) */
    int verbose;           /* 1: every record and the dictionary counts; 2: also parse lists */
} dyad_validate_opts;

typedef struct dyad_validate_result {
    int records;       /* records read */
    int scored;        /* records compared with an expectation */
    int correct;
    int input_errors;  /* records that could not be read, other than those expecting it */
    double dict_seconds, code_seconds;
    const char *engine; /* "tree" or "linear" */
} dyad_validate_result;

/* Codes every record of a PETRARCH validation file with the dictionaries its
 * <Environment> names and compares with its <EventCoding> expectations: a
 * record is correct when the set of (source, target, code) triples equals the
 * expected set (none for noevents or no EventCoding), or when a record that
 * expects an error (error="bad_input_parse", "dateline", "sentencediscard",
 * "storydiscard") is rejected for that reason. Returns 0 when the file and its
 * dictionaries could be read, whatever the accuracy. */
int dyad_validate_file(dyad_validate_result *res, const char *path, const dyad_validate_opts *o,
                       dyad_diag *diag);

#ifdef __cplusplus
}
#endif
#endif
