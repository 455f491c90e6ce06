/* cli.h: one function per subcommand; each takes argv from the subcommand name on
 * and returns the exit status. Plus the pieces several subcommands share. */
#ifndef DYAD_CLI_H
#define DYAD_CLI_H
#include "dyad.h"

int dyad_cmd_validate(int argc, char **argv);
int dyad_cmd_code(int argc, char **argv);
int dyad_cmd_load(int argc, char **argv);
int dyad_cmd_query(int argc, char **argv);
int dyad_cmd_export(int argc, char **argv);
int dyad_cmd_dict(int argc, char **argv);
int dyad_cmd_quotes(int argc, char **argv);
int dyad_cmd_eval(int argc, char **argv);
int dyad_cmd_train(int argc, char **argv); /* train-parser */
int dyad_cmd_parse(int argc, char **argv);
int dyad_cmd_places(int argc, char **argv);

/* The dictionary folder: given (--dict-dir) if not NULL, else $DYAD_DICT_DIR,
 * else data/dict (dyad's own) in the working directory, else data/dict beside
 * the folder the program is in (build/dyad -> data/dict). The result is a
 * static string or one of the arguments. */
const char *dyad_cli_dict_dir(const char *given);
/* Loads that folder's dictionaries into *out (free with dyad_dict_free). Malformed
 * lines: the first ten are printed as file:line warnings, then a count — all of
 * them when verbose, which also prints the dictionary counts. Errors are printed
 * as "cmd: reason". Returns 0, or 3 (the exit status for unreadable dictionaries). */
int dyad_cli_load_dict(dyad_dict **out, const char *cmd, const char *dict_dir, int verbose);
/* The options of the commands that read articles (code, quotes). */
typedef struct dyad_cli_input {
    const char *cmd;                      /* "dyad code": names the command in messages */
    const char *dict_dir, *date, *format; /* --dict-dir, --date, --input; NULL = not given */
    const char *parser, *model_dir;       /* --parser builtin|link-grammar, --model DIR */
    int verbose;                          /* -v, --verbose */
    char **files;                         /* the files named ("-" = stdin), nfiles of them */
    int nfiles;
} dyad_cli_input;
/* Prepares *in for argc arguments; 0, or 3 when out of memory. Free with
 * dyad_cli_input_free. */
int dyad_cli_input_init(dyad_cli_input *in, int argc);
void dyad_cli_input_free(dyad_cli_input *in);
/* Takes argv[*i] when it is --dict-dir DIR, --date D, --input FORMAT,
 * --parser NAME, --model DIR, -v, --verbose or a file name (not an option; "-"
 * is standard input), moving *i past the option's value: returns 1. Returns 0
 * for anything else (another option, or one of these without its value), -1
 * for a --date that is not a calendar date or a --parser that is neither
 * builtin nor link-grammar (the message is printed: exit with status 2). */
int dyad_cli_input_arg(dyad_cli_input *in, int argc, char **argv, int *i);

/* --shard K/N: K from 0 to N-1, N from 1 to 1000000, both whole decimal
 * numbers. 0 with *k and *n set; else prints "cmd: --shard takes K/N ..."
 * and returns 2 (the usage exit status). */
int dyad_cli_shard(int *k, int *n, const char *cmd, const char *v);

/* The inputs named on the command line with every folder replaced by the
 * files under it: recursively, hidden files and folders (names starting with
 * '.') skipped, each folder's entries in byte order of their names, symbolic
 * links to files followed but not those to folders (no cycles). Names that
 * are not folders ("-", files, names that do not exist) are kept as given,
 * for the readers to open or report. A folder without files is a warning. */
typedef struct dyad_cli_paths {
    char **path; /* malloc'd, npath of them */
    int npath, cap;
} dyad_cli_paths;
/* Fills *out from names[0..n); a folder that cannot be read is reported as
 * "cmd: FOLDER: cannot read the folder: reason" and counted in *unreadable.
 * 0, or 3 when out of memory (message printed). Free with
 * dyad_cli_paths_free, also after a failure. */
int dyad_cli_expand(dyad_cli_paths *out, const char *cmd, char *const *names, int n,
                    int *unreadable);
void dyad_cli_paths_free(dyad_cli_paths *p);

/* Opens the store at db (NULL: $DYAD_DB, else the default); on failure prints
 * "cmd: reason" and returns NULL. Close with dyad_store_close. */
dyad_store *dyad_cli_open_store(const char *cmd, const char *db, int flags);

/* Strict option values: the whole of v must be the value. On a bad value each
 * prints "cmd: OPT takes ..., not 'v'" and returns 2 (the usage exit status);
 * 0 when v is good. */
/* A whole decimal number from min to max into *out. */
/* Checks a --parser value: 0 for "builtin" or "link-grammar", else prints
 * "cmd: --parser takes builtin or link-grammar, not 'v'" and returns 2. */
int dyad_cli_parser(const char *cmd, const char *v);

int dyad_cli_long(long *out, const char *cmd, const char *opt, const char *v, long min, long max);
/* A decimal number from min to max into *out ("0.5", ".5", "1"; no
 * exponent, no sign other than a leading '-', no "nan" or "inf"). */
int dyad_cli_real(double *out, const char *cmd, const char *opt, const char *v, double min,
                  double max);
/* A calendar date, YYYY-MM-DD or YYYYMMDD; with partial also YYYY-MM and YYYY. */
int dyad_cli_date(const char *cmd, const char *opt, const char *v, int partial);
#endif
