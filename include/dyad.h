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
#include <stdint.h>
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

/* One mention of an event that an article gives more than once:
 * the sentence and the evidence there (spans in that sentence's text). */
typedef struct dyad_mention {
    const char *sentence, *text;   /* sentence id and text */
    dyad_span source_span, target_span, verb_span, date_span;
    const char *source_text, *target_text, *verb_text, *date_text; /* "" when unknown */
} dyad_mention;

/* The evidence behind an event, as the coder saw it (dyad_event.basis). */
typedef struct dyad_event_basis {
    int partial_parse;  /* 1: the parser left words out; 0: a full or supplied parse */
    int origin;         /* 0 a verb's clause, 1 a relative clause, 2 an event noun */
    int pattern_words;  /* words of the matched verb pattern besides the verb; -1 when
                           no pattern matched (the verb's own code) */
    int clause_depth;   /* clauses above the verb's own (0: the main clause) */
    int tokens;         /* words in the sentence (0 unknown) */
} dyad_event_basis;

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
    /* How the text reports the event: "asserted", "negated", "future",
     * "intent", "hypothetical", "attempted" or "claimed" (the tree coder reads
     * it from the verb group; NULL from other coders, written as "asserted"). */
    const char *modality;
    /* Dates from the text and merged mentions: set by the raw-text
     * pipeline (text, HTML, JSON Lines); PETRARCH XML and CoNLL-U events leave
     * them NULL/0 and date is the record's. With date_source set, date is
     * "YYYY", "YYYY-MM", "YYYY-MM-DD" or a range "START/END" of those. */
    const char *date_source;  /* "text" (words of the sentence dated it) or "article" */
    const char *article_date; /* the article's date as given ("" if none) */
    dyad_span date_span;      /* the date expression in text; start < 0 when none */
    const char *date_text;    /* its words ("" when none) */
    int mentions;             /* identical events (same date, source, target, code) of
                                 the article merged into this one; 0 = not counted */
    const dyad_mention *mention; /* mentions > 1: each mention, in text order; else NULL */
    /* Where the country of the source / target came from (src/code/country.h):
     * "phrase" (its own words), "sentence", "article", "dateline", or "" (no
     * country, or no actor). NULL when the input's reader does not fill them. */
    const char *source_country_from, *target_country_from;
    /* How the coder found the event: what its confidence is computed from. */
    dyad_event_basis basis;
    /* How likely the event is to be right, in [0, 1]: a logistic model over
     * basis, the actors' resolution and the modality, fitted on the gold set's
     * dev half (README.md, "Confidence"; src/code/confidence.h). Set by every
     * coding entry point; 0 in events built elsewhere. */
    double confidence;
    /* Where the event happened (src/geo/locate.h): set by the raw-text
     * pipeline when a gazetteer is loaded; from == NULL elsewhere (PETRARCH
     * XML, CoNLL-U). */
    struct dyad_location {
        const char *from;      /* "clause" (a place phrase of the event's clause),
                                * "sentence", "dateline", "article"; "" = none found */
        const char *text;      /* the words as written ("" for none) */
        const char *name;      /* the gazetteer's name; NULL: a name it lacks */
        const char *country;   /* ISO 3166-1 alpha-3, "" when unknown */
        const char *admin1;    /* GeoNames first-level code, "" when none */
        const char *precision; /* "place", "admin1" or "country" */
        double lat, lon;       /* valid when precision is set */
        long geonames_id;      /* 0 when none */
    } location;
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
    const char *nouns;             /* dyad's event nouns (dict.h), NULL: none */
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

/* ---- checking dictionaries (`dyad dict check`) ------------------------- */

typedef struct dyad_dict_check_result {
    long errors, warnings; /* findings reported */
    int files;             /* dictionary files checked */
} dyad_dict_check_result;

/* Checks a set of dictionaries and reports each finding through d as
 * "file:line: error|warning: reason", sorted by file (verbs, actors, agents,
 * discards, issues) and line. Errors: every line a loader rejects (including
 * date ranges that end before they start and undefined synsets); an actor or
 * agent phrase listed again with other codes; the same pattern twice in a verb
 * block with another code; event codes outside dyad's CAMEO table (except the
 * null forms "---", "--", "0" and the empty code of "[:173]"); actor and agent
 * codes that are not 3+ upper-case letters or digits. Warnings: the same
 * repetitions with the same codes, a discard phrase listed twice, a verb in two
 * blocks, a synset defined but never used.
 * Returns 0 when the files could be read (whatever was found: see *res),
 * DYAD_EIO (a file is unreadable), DYAD_ELIMIT (more than 64 files) or
 * DYAD_ENOMEM. */
int dyad_dict_check(dyad_dict_check_result *res, const dyad_dict_files *f, dyad_diag *d);
/* Same for the dictionaries a folder names (as dyad_dict_load_dir finds them);
 * also DYAD_ENOTFOUND / DYAD_EINVAL when the folder names none or is ambiguous. */
int dyad_dict_check_dir(dyad_dict_check_result *res, const char *dir, dyad_diag *d);

/* ---- coding ------------------------------------------------------------ */

/* Coding options; the names follow PETRARCH's <Config> options. */
typedef struct dyad_code_opts {
    int require_dyad;     /* drop events with a side missing: PETRARCH's behaviour (default 0;
                             `dyad code --require-dyad`, validation runs) */
    /* With require_dyad 0: 1 (default) codes one-sided events only for the
     * CAMEO families that stand alone (protests, force posture, coercion,
     * violence, withdrawals: see README.md) and writes the missing side as "";
     * 0 is PETRARCH's require_dyad = false: any code, the missing side "---".
     * Setting the PETRARCH option require_dyad through dyad_code_opts_set
     * sets it to 0. Option name "one_sided". */
    int one_sided;
    /* Keep events of modality "hypothetical" (would, could, if ...): default 0,
     * dropped. Option name "keep_hypothetical". */
    int keep_hypothetical;
    /* Modality from the verb group (dyad_event.modality): negated events the
     * dictionary does not reverse are dropped, hypothetical ones unless
     * keep_hypothetical, future and intent ones get CAMEO's intent codes.
     * Default 1; 0 codes as PETRARCH does (validation runs). Option "modality". */
    int modality;
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
    long parsed_full, parsed_partial, parse_failed; /* raw text: the built-in parser */
    long skipped_no_actor; /* raw text: sentences not parsed, no actor or agent named */
    long articles_cut;     /* raw text: articles a per-article limit cut (see ingest/article.h) */
    long parse_timeouts;   /* raw text: sentences link-grammar's emergency timer stopped */
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

struct dyad_quote; /* see "quotes" below */

/* Input of dyad_code_input. */
typedef struct dyad_input_opts {
    const char *format; /* "auto" (NULL), "text", "html", "jsonl", "petrarch-xml", "conllu" */
    const char *date;   /* YYYY-MM-DD for every article (NULL: the article's own) */
    int threads;        /* worker threads for raw text; 0 = one per core */
    int progress;       /* a progress line on stderr when it is a terminal */
    /* When set, the attributed quotes of each text, HTML or
     * JSON Lines article (see "quotes" below) reach this callback after the
     * article's events, in input order; a non-zero return stops the run. A
     * story the discards drop gives none; other formats give none. */
    int (*quotes)(void *user, const struct dyad_quote *q);
    void *quotes_user;
    /* The parser for raw text, HTML and JSON Lines: "link-grammar" (the default
     * when NULL) or "builtin" (dyad's own tagger and dependency parser). */
    const char *parser;
    const char *model_dir; /* the built-in parser's models (NULL: data/parser) */
    /* Sharding: with nshards > 1 only the articles whose id is in shard
     * `shard` (dyad_shard_of) are coded; the others are skipped unread (text,
     * HTML, JSON Lines, CoNLL-U) or left out after coding (PETRARCH XML). */
    int shard, nshards;
} dyad_input_opts;

/* The stable hash that splits articles into shards: 64-bit FNV-1a over the
 * bytes of id (UTF-8, no terminating NUL): h = 14695981039346656037; for each
 * byte b: h = (h XOR b) * 1099511628211 mod 2^64. */
uint64_t dyad_shard_hash(const char *id);
/* The shard of article id among n (n >= 1): dyad_shard_hash(id) % n. */
int dyad_shard_of(const char *id, int n);

/* Opens an input as dyad's readers do: "-" is standard input, a name ending
 * in ".gz" is decompressed with zlib (a damaged file then gives a read error,
 * ferror, after the bytes before the damage). NULL with dyad_last_error() set
 * when it cannot be opened. Close with dyad_input_close (which leaves stdin
 * open). */
FILE *dyad_input_open(const char *path);
void dyad_input_close(FILE *f);

/* Codes one input file ("-" = stdin) of any supported format. Raw text, HTML
 * and JSON Lines articles are split into sentences and parsed with the
 * built-in parser (link-grammar) by worker threads; events reach fn in input
 * order. PETRARCH XML goes to dyad_code_petrxml; CoNLL-U sentences are
 * converted to trees. A sentence the parser cannot read is reported and
 * counted (parse_failed); memory does not grow with the input. Returns 0, the
 * callback's value, or a negative dyad_err. Statistics are added to *st. */
int dyad_code_input(dyad_run_stats *st, dyad_coder *c, const char *path,
                    const dyad_input_opts *o, dyad_event_fn fn, void *user, dyad_diag *d);

/* ---- output ------------------------------------------------------------ */

/* One event as a compact JSON object and a newline (fields: type, article,
 * sentence, date, [date_source, article_date when set,] source, target, cameo,
 * quad_class, goldstein, plover, modality, confidence, text, evidence {source, target, verb[, date]:
 * {start, end, text}}, issues when any, [mentions when counted, and
 * mentions_evidence: [{sentence, text, source, target, verb, date}, ...] when
 * more than one]). 0, DYAD_ENOMEM or DYAD_EIO. */
int dyad_event_write_json(FILE *f, const dyad_event *e);

/* ---- quotes ----------------------------------------------------------- */

/* One attributed quote of an article. Offsets are bytes of the article text
 * (UTF-8, after ingest: boilerplate and the date line removed), as the event
 * evidence spans. All strings belong to whoever hands the quote out (valid
 * during the callback); copy what you keep. */
typedef struct dyad_quote {
    const char *article;  /* article id, as dyad code gives it */
    const char *date;     /* the article's date ("" if none) */
    const char *speaker;  /* as written; a pronoun or surname is replaced by the
                             full name of the speaker it refers to */
    const char *role;     /* title or affiliation ("senior fellow at the Soufan
                             Center", "Iranian Foreign Ministry spokesman"); NULL */
    const char *actor;    /* actor code of speaker and role ("IRNGOV"); NULL */
    const char *quote;    /* the quoted words (paragraph breaks and the marks that
                             reopen a continued quote removed) */
    const char *cue;      /* "said", "told", "according to", ...; NULL for a
                             quote that continues the previous speaker's */
    const char *kind;     /* "direct", "partial" (inside a sentence) or "indirect" */
    dyad_span quote_span;   /* the quoted words in the article text */
    dyad_span speaker_span; /* where the attribution names the speaker (the
                               pronoun or surname itself); start < 0: unknown */
} dyad_quote;

typedef int (*dyad_quote_fn)(void *user, const dyad_quote *q);

/* Reads the text, HTML or JSON Lines articles of path ("-" = stdin; o->format,
 * o->date as for dyad_code_input, threads unused) and hands each attributed
 * quote to fn in input order. dict (may be NULL: no actor codes) codes the
 * speakers. Counts articles in st->records. Returns 0, fn's non-zero value, or
 * a negative dyad_err (DYAD_EINVAL for PETRARCH XML and CoNLL-U input). */
int dyad_quotes_input(dyad_run_stats *st, const dyad_dict *dict, const char *path,
                      const dyad_input_opts *o, dyad_quote_fn fn, void *user, dyad_diag *d);

/* One quote as a compact JSON object and a newline: type "quote", article,
 * date, speaker, role, actor, quote, cue, kind, start, end (the quote),
 * speaker_start, speaker_end (null when unknown). 0, DYAD_ENOMEM or DYAD_EIO. */
int dyad_quote_write_json(FILE *f, const dyad_quote *q);

/* ---- validation --------------------------------------------------------- */

typedef struct dyad_validate_opts {
    const char *dict_dir;  /* where the <Environment> files are; NULL = the file's folder */
    FILE *report;          /* differing records are described here (NULL: silent) */
    int verbose;           /* 1: every record and the dictionary counts; 2: also parse lists */
    /* 1: ignore each record's <Parse> and parse its <Text> with one of dyad's
     * parsers (a record without text: the words of its <Parse>, without their
     * brackets). A sentence the parser cannot parse is reported and counted as
     * an input error. With a report, one "reparse:" line gives the parser's
     * counts and speed. */
    int reparse;
    const char *parser;    /* for reparse: "link-grammar" (NULL: the default) or "builtin" */
    const char *model_dir; /* the built-in parser's models (NULL: data/parser) */
    /* Not NULL: code with the dictionaries this folder names (dyad.dicts,
     * PETR_config.ini or by file name), not those of the file's <Environment>:
     * e.g. dyad's own data/dict on a validation file written for Phoenix. */
    const char *dicts;
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

/* ---- gold-set evaluation (`dyad eval`) ---------------------------------- */

typedef struct dyad_eval_opts {
    const char *shared;    /* folder holding corpora/agnews/test.csv; NULL = "../shared" */
    int keep_hypothetical; /* also score gold events of modality hypothetical */
    int threads;           /* coding threads (0 = one per core), as dyad_input_opts */
    const char *parser, *model_dir; /* as dyad_input_opts */
    int progress;          /* a progress line on stderr when it is a terminal */
    int verbose;           /* describe each document whose coding differs */
    FILE *report;          /* messages, the table and the closing "eval:" line; NULL: none */
    double min_confidence; /* leave out dyad's events of lower confidence (0: none) */
    int calibration;       /* print, per confidence band, dyad's events and the share
                              that match a gold event */
    FILE *features;        /* when set: one line per scored event of dyad, "matched
                              x1 x2 ..." (its confidence features, dyad_confidence_*),
                              for tools/fit_confidence.py */
} dyad_eval_opts;

typedef struct dyad_eval_result {
    int docs;              /* documents scored */
    int skipped;           /* AG News documents skipped: the CSV is absent */
    long gold, events;     /* scored gold events, dyad's events, in those documents */
    long gold_errors;      /* malformed gold lines reported (left out) */
    double plover_p, plover_r, plover_f1; /* PLOVER-category level */
    double root_p, root_r, root_f1;       /* CAMEO-root level */
    long pairs;            /* matched pairs (root level) the actor figures count */
    double source, source_country, target, target_country; /* actor accuracy */
    double code_seconds;   /* wall time of the coding */
} dyad_eval_result;

/* Scores c against the hand-coded gold files paths[0..npaths) (format and
 * rules: tests/gold/README.md). Each document is coded as `dyad code` codes a
 * raw-text article: event_location documents from their text line, AG News
 * documents from the corpus CSV (skipped, with a message on o->report, when
 * it is absent), dated by their date line, AG News ones by default
 * 2004-08-15. Malformed gold lines are reported through d as file:line
 * errors, counted in res->gold_errors and left out; the rest is scored.
 * Returns 0, DYAD_EIO (a gold file or the CSV cannot be read) or another
 * negative dyad_err. Nothing is kept: the caller owns c, paths and *res (a
 * plain structure filled in). */
int dyad_eval_gold(dyad_eval_result *res, dyad_coder *c, const char *const *paths, int npaths,
                   const dyad_eval_opts *o, dyad_diag *d);

/* ---- storage ------------------------------------------------------------
 *
 * A store keeps coded events in a database: SQLite ("sqlite:PATH", WAL mode;
 * the default "sqlite:dyad.db") or PostgreSQL ("postgresql://..." or
 * "postgres://...", any libpq connection URI). Both backends hold the same
 * schema and answer every query the same way:
 *   articles  (id, date, source_file, dict_version, coded_at, nsentences, nevents)
 *   sentences (article, id, seq, text)
 *   events    (id, article, sentence, date, source, target, cameo, plover,
 *              quad_class, goldstein, evidence spans and words, issues,
 *              dict_version, mentions)
 *   actors    (code, first_seen, last_seen)
 *   quotes    (id, article, sentence, speaker, role, actor, quote, cue, kind,
 *              quote_start, quote_end, speaker_start, speaker_end)
 *   meta      (key, value): schema_version
 * Dates are stored as YYYY-MM-DD. Writing an article replaces what the store
 * held for that id (its sentences, events and quotes) inside the current
 * transaction, so a transaction never holds half an article and re-loading is
 * idempotent. */

/* Store errors, beside the dyad_err codes: the database refused the
 * connection or a statement failed; the database or its disk is full. */
enum { DYAD_ESTORE = -20, DYAD_ESTORE_FULL = -21 };

#define DYAD_STORE_DEFAULT_URL "sqlite:dyad.db"

typedef struct dyad_store dyad_store;

/* Open flags: DYAD_STORE_WRITE creates the database file (SQLite) and the
 * schema when missing; without it the store must already exist. */
enum { DYAD_STORE_READ = 0, DYAD_STORE_WRITE = 1 };

/* Opens the store at url: "sqlite:PATH" (also "sqlite://PATH" or a bare PATH;
 * "sqlite:PATH?max_size=BYTES" caps the file size), "postgresql://..." or
 * "postgres://...". NULL = DYAD_STORE_DEFAULT_URL. Returns 0, DYAD_EINVAL (a URL
 * of no known kind), DYAD_ENOTFOUND (READ and no such database), DYAD_ESTORE
 * (the database cannot be opened, refuses the connection, or has a schema
 * this version does not know), DYAD_ENOMEM. *out is closed with
 * dyad_store_close. A store is used by one thread at a time. */
int dyad_store_open(dyad_store **out, const char *url, int flags);
/* Closes the store; an open transaction is rolled back. Accepts NULL. */
void dyad_store_close(dyad_store *s);
/* "sqlite" or "postgresql". */
const char *dyad_store_backend(const dyad_store *s);
/* The URL as given, with any password replaced by "***" (for messages). */
const char *dyad_store_url(const dyad_store *s);

/* One sentence of an article. */
typedef struct dyad_store_sentence {
    const char *id;   /* sentence id */
    const char *text; /* NULL = "" */
} dyad_store_sentence;

/* An article to write: its sentences (in order) and events. Nothing is kept
 * after dyad_store_put_article returns. */
typedef struct dyad_store_article {
    const char *id;           /* required */
    const char *date;         /* YYYYMMDD or YYYY-MM-DD; NULL = the first event's */
    const char *source_file;  /* NULL = "" */
    const char *dict_version; /* dictionary version that coded it (see
                                 dyad_store_dict_version); NULL = "" */
    const dyad_store_sentence *sentences;
    size_t nsentences;
    const dyad_event *events; /* their article fields are ignored */
    size_t nevents;
} dyad_store_article;

/* Transactions. put_article needs one; dyad_store_commit also writes the
 * actors seen in the transaction. A failed put or commit leaves the
 * transaction to be rolled back (dyad_store_rollback). 0 or DYAD_ESTORE /
 * DYAD_ESTORE_FULL with a message naming the database and the article. */
int dyad_store_begin(dyad_store *s);
int dyad_store_commit(dyad_store *s);
void dyad_store_rollback(dyad_store *s);
/* Writes one article. append = 0 replaces what the store holds for a->id;
 * append = 1 adds sentences and events to it (for an article whose events
 * arrive in several pieces within one load). */
int dyad_store_put_article(dyad_store *s, const dyad_store_article *a, int append);

/* The version of the dictionaries in dir (the files dyad_dict_load_dir would
 * load): the first 16 hex digits of a SHA-256 over their bytes, in load order.
 * out must hold DYAD_DICT_VERSION_SIZE bytes. 0, DYAD_ENOTFOUND, DYAD_EIO,
 * DYAD_ENOMEM. */
#define DYAD_DICT_VERSION_SIZE 17
int dyad_store_dict_version(char *out, const char *dir);

/* ---- loading ---------------------------------------------------------- */

typedef struct dyad_load_stats {
    long articles, sentences, events; /* committed */
    long batches;                     /* transactions committed */
    long lines, bad_lines;            /* JSONL lines read / skipped as malformed */
    long incomplete;                  /* articles not stored: the input ends inside them */
    dyad_run_stats run;               /* coding statistics (PETRARCH XML) */
    double seconds;                   /* wall time so far */
} dyad_load_stats;

typedef struct dyad_load_opts {
    const char *dict_version;  /* stored with each article and event; NULL = "" */
    const char *date;          /* PETRARCH XML: replaces every record's date; NULL = theirs */
    int batch_articles;        /* articles per transaction; <= 0: 1000 */
    double batch_seconds;      /* also commit a batch this old (s); <= 0: 1.0 */
    /* Called after each commit and at most every 0.2 s while loading. */
    void (*progress)(void *user, const dyad_load_stats *st);
    void *user;
    /* Sharding: with nshards > 1 only the articles in shard `shard`
     * (dyad_shard_of of the article id: a JSONL event's "article", else its
     * sentence id without the _N suffix) are stored; the others are skipped. */
    int shard, nshards;
} dyad_load_opts;

/* Codes the PETRARCH XML file at path ("-" = stdin) with c and stores it,
 * article by article: every article of the file is replaced, also one that
 * now gives no event, and its sentences are kept. An article the input ends
 * inside (a truncated file) is reported through d and not stored. Returns 0
 * (input problems are reported through d and counted in st), a negative
 * dyad_err when the file cannot be read, or DYAD_ESTORE / DYAD_ESTORE_FULL
 * when a write fails: then the current batch is rolled back, the message names
 * the database and the article, and st counts what was committed before. */
int dyad_store_load_petrxml(dyad_store *s, dyad_coder *c, const char *path,
                            const dyad_load_opts *o, dyad_load_stats *st, dyad_diag *d);
/* Stores dyad's own JSON Lines events (the output of dyad code or of
 * dyad_store_export with DYAD_EXPORT_JSONL) from path ("-" = stdin). An
 * article's lines are expected together; a malformed line is reported through
 * d as file:line, counted in st->bad_lines and skipped. Lines whose "type" is
 * not "event" are skipped. Returns as dyad_store_load_petrxml. */
int dyad_store_load_jsonl(dyad_store *s, const char *path, const dyad_load_opts *o,
                          dyad_load_stats *st, dyad_diag *d);

/* ---- queries ---------------------------------------------------------- */

typedef enum { DYAD_PERIOD_MONTH = 0, DYAD_PERIOD_YEAR, DYAD_PERIOD_DAY } dyad_period;

/* What to select. An actor filter is a code prefix: "PRK" matches PRK, PRKGOV
 * and PRKMIL; NULL, "" or "*" matches any actor. */
typedef struct dyad_query {
    const char *source, *target; /* the dyad */
    int both;                    /* also the reverse direction (target -> source) */
    const char *actor;           /* top actors: only codes with this prefix */
    const char *from, *to;       /* dates, inclusive, YYYY-MM-DD or YYYYMMDD; NULL = open */
    dyad_period by;              /* timeline period */
    long limit;                  /* rows of top lists (<= 0: 10) and event lists (<= 0: all) */
} dyad_query;

/* A result table: named columns, rows of text cells (numbers formatted, NULL =
 * empty). Owned by the caller; free with dyad_table_free. */
typedef struct dyad_table dyad_table;
typedef enum { DYAD_COL_TEXT = 0, DYAD_COL_INT, DYAD_COL_REAL } dyad_col_kind;
typedef enum { DYAD_TABLE_TEXT = 0, DYAD_TABLE_CSV, DYAD_TABLE_JSON } dyad_table_format;

size_t dyad_table_nrows(const dyad_table *t);
int dyad_table_ncols(const dyad_table *t);
const char *dyad_table_colname(const dyad_table *t, int col);
dyad_col_kind dyad_table_colkind(const dyad_table *t, int col);
/* The cell as text; NULL for an empty (SQL NULL) cell. */
const char *dyad_table_get(const dyad_table *t, size_t row, int col);
/* Writes the table: aligned text (columns of counts that are all zero are left
 * out, long text is cut), CSV (RFC 4180, a header line) or JSON (an array of
 * objects, numbers as numbers). 0 or DYAD_EIO / DYAD_ENOMEM. */
int dyad_table_write(FILE *f, const dyad_table *t, dyad_table_format fmt);
void dyad_table_free(dyad_table *t); /* accepts NULL */

/* Timeline of a dyad: one row per period from the first to the last with
 * events (empty periods included): period, events, the counts per quad class
 * (neutral, verbal_coop, material_coop, verbal_conflict, material_conflict),
 * goldstein_mean, and the counts per PLOVER category (agree ... assault;
 * none for codes without one, other for a category dyad does not know). */
int dyad_store_timeline(dyad_table **out, dyad_store *s, const dyad_query *q);
/* Most frequent actors (as source or target; "---" left out): actor, events,
 * as_source, as_target, goldstein_mean, first_seen, last_seen. */
int dyad_store_top_actors(dyad_table **out, dyad_store *s, const dyad_query *q);
/* Most frequent directed dyads: source, target, events, goldstein_mean,
 * first_seen, last_seen, then the counts per quad class. */
int dyad_store_top_dyads(dyad_table **out, dyad_store *s, const dyad_query *q);
/* The events of a dyad with their evidence, by date: date, article, sentence,
 * source, target, cameo, plover, quad_class, goldstein, source_text,
 * target_text, verb_text, text (the sentence), dict_version. */
int dyad_store_events(dyad_table **out, dyad_store *s, const dyad_query *q);
/* What the store holds: one row per figure (name, value). */
int dyad_store_summary(dyad_table **out, dyad_store *s);

/* ---- exports ---------------------------------------------------------- */

typedef enum {
    DYAD_EXPORT_JSONL = 0, /* one event per line, dyad code's fields plus dict_version and mentions */
    DYAD_EXPORT_PHOENIX,   /* Phoenix dataset TSV: one row per date, source, target and code */
    DYAD_EXPORT_GDELT,     /* GDELT 2.0 event-table TSV (61 columns): one row per article and event */
    DYAD_EXPORT_GRAPHML    /* actor network: nodes = actors, edges = directed dyads */
} dyad_export_format;

/* Writes the events q selects (its dyad and dates) in format fmt. header = 1
 * puts a line of column names first in the TSV formats (the Phoenix and GDELT
 * files themselves have none). *nrows (may be NULL) = rows, lines or edges
 * written. 0, DYAD_EIO, DYAD_ENOMEM or DYAD_ESTORE. */
int dyad_store_export(dyad_store *s, FILE *f, dyad_export_format fmt, const dyad_query *q,
                      int header, long *nrows);

#ifdef __cplusplus
}
#endif
#endif
