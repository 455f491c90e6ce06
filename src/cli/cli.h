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
/* Opens the store at db (NULL: $DYAD_DB, else the default); on failure prints
 * "cmd: reason" and returns NULL. Close with dyad_store_close. */
dyad_store *dyad_cli_open_store(const char *cmd, const char *db, int flags);
#endif
