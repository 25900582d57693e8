/* main.c — the vigie command: a table of subcommands (git's git.c), one cmd_<name>.c each.
** `vigie --help` prints this table, so the help cannot drift from what exists. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const struct vg_cmd {
    const char *name;
    int (*run)(int, char **);
    const char *summary;
} commands[] = {
    { "dict", cmd_dict, "dict stats: what the dictionaries hold per language, and the CAMEO codes without a pattern" },
    { "eval", cmd_eval, "code gold passages and score them as score.py does; --errors lists each error" },
    { "extract", cmd_extract, "find the article in web pages, WARC archives and feeds (JSON Lines)" },
    { "segment", cmd_segment, "split documents into sentences and tokens (JSON Lines)" },
    { "code", cmd_code, "code events: who did what to whom, when, where" },
    { "ingest", cmd_ingest, "code documents into the event store (SQLite), deduplicated" },
    { "query", cmd_query, "ask the store: filters, counts by week, dyad, code… (table, CSV, JSONL)" },
    { "export", cmd_export, "write the store's events: GDELT 2.0 table, JSON Lines or CSV" },
    { "syntax", cmd_syntax, "clauses, subjects, objects of each verb; --ud scores them on UD treebanks" },
    { "codes", cmd_codes, "list the CAMEO event codes (TSV)" },
};

static void help(FILE *f)
{
    fprintf(f, "Usage: vigie COMMAND [options] [FILE|DIR|-]...\n"
               "vigie codes political events (CAMEO) in French and English news.\n\nCommands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(f, "  %-9s %s\n", commands[i].name, commands[i].summary);
    fprintf(f, "\n'vigie COMMAND --help' tells more. 'vigie --version' prints the version.\n"
               "Data goes to stdout, diagnostics to stderr.\n"
               "Exit status: 0 ok, 1 some records skipped, 2 usage error, 3 could not run.\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        help(stderr);
        return EXIT_USAGE;
    }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
        help(stdout);
        return EXIT_ALL_OK;
    }
    if (!strcmp(argv[1], "--version")) {
        printf("vigie %s\n", VG_VERSION);
        return EXIT_ALL_OK;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (!strcmp(argv[1], commands[i].name))
            return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "vigie: unknown command '%s'\nTry 'vigie --help'.\n", argv[1]);
    return EXIT_USAGE;
}
