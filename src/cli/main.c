/* main.c: the dyad command: dispatches to one file per subcommand (cmd_*.c). */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "dyad.h"


static void usage(FILE *f)
{
    fprintf(f, "usage: dyad <command> [options]\n"
               "commands:\n"
               "  code       code events from articles or parsed sentences\n"
               "  validate   code a PETRARCH validation file and compare with its expectations\n"
               "  eval       score dyad against hand-coded gold files (tests/gold)\n"
               "  load       code articles (or read dyad JSONL) into a store: SQLite or PostgreSQL\n"
               "  query      dyad timelines, top actors and dyads, events from a store\n"
               "  export     a store's events as JSONL, Phoenix or GDELT TSV, or GraphML\n"
               "  quotes     attributed quotes of articles (speaker, role, actor, cue)\n"
               "  dict       dict check DIR: errors and warnings of a dictionary folder\n"
               "  parse      tag and dependency-parse CoNLL-U or text (CoNLL-U out), --eval\n"
               "  train-parser  train the tagger and the dependency parser on a treebank\n"
               "  places     place names of sentences, resolved with the gazetteer\n"
               "  version    print the version\n"
               "Run 'dyad <command> --help' for a command's options.\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
        usage(stdout);
        return 0;
    }
    if (!strcmp(cmd, "version") || !strcmp(cmd, "--version")) {
        printf("dyad %s\n", DYAD_VERSION);
        return 0;
    }
    if (!strcmp(cmd, "code"))
        return dyad_cmd_code(argc - 1, argv + 1);
    if (!strcmp(cmd, "validate"))
        return dyad_cmd_validate(argc - 1, argv + 1);
    if (!strcmp(cmd, "eval"))
        return dyad_cmd_eval(argc - 1, argv + 1);
    if (!strcmp(cmd, "load"))
        return dyad_cmd_load(argc - 1, argv + 1);
    if (!strcmp(cmd, "query"))
        return dyad_cmd_query(argc - 1, argv + 1);
    if (!strcmp(cmd, "export"))
        return dyad_cmd_export(argc - 1, argv + 1);
    if (!strcmp(cmd, "quotes"))
        return dyad_cmd_quotes(argc - 1, argv + 1);
    if (!strcmp(cmd, "dict"))
        return dyad_cmd_dict(argc - 1, argv + 1);
    if (!strcmp(cmd, "parse"))
        return dyad_cmd_parse(argc - 1, argv + 1);
    if (!strcmp(cmd, "places"))
        return dyad_cmd_places(argc - 1, argv + 1);
    if (!strcmp(cmd, "train-parser"))
        return dyad_cmd_train(argc - 1, argv + 1);
    fprintf(stderr, "dyad: unknown command '%s'\n", cmd);
    usage(stderr);
    return 2;
}
