/* cli.h: one function per subcommand; each takes argv from the subcommand name on. */
#ifndef DYAD_CLI_H
#define DYAD_CLI_H
int dyad_cmd_validate(int argc, char **argv);
int dyad_cmd_code(int argc, char **argv);
int dyad_cmd_load(int argc, char **argv);
int dyad_cmd_query(int argc, char **argv);
int dyad_cmd_export(int argc, char **argv);
#endif
