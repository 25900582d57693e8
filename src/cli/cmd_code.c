/* cmd_code.c — `vigie code`: documents in, events out.
** The event coder is issue 5's work; until it lands, `code` runs the whole input side (every input
** kind, diagnostics, summary, exit status) and writes what the pipeline found: sentences with
** their tokens. It does not pretend to code events. */
#include <getopt.h>

#include "cli.h"
#include "seg_out.h"

static const char usage[] =
    "Usage: vigie code [options] [FILE|DIR|-]...\n"
    "Code events in documents: text files (one document each), directories of them, JSON Lines\n"
    "({\"id\", \"text\", \"lang\", \"date\", \"title\", \"url\"}; other fields ignored), standard input.\n"
    "The event coder is not built yet: for now this writes the analysed sentences and their\n"
    "tokens, as `vigie segment --tokens` does.\n\n"
    "  -f, --format FMT   jsonl (default) or text (for people)\n" CLI_COMMON_HELP
    "\nExit status: 0 all records done, 1 some skipped (see the summary on stderr),\n"
    "2 usage error, 3 could not run (language data, output).\n";

int cmd_code(int argc, char **argv)
{
    cli_common c = { 0 };
    seg_out o = { 0, 1 };
    int r = seg_parse(argc, argv, "code", usage, &c, &o);
    if (r)
        return r > 0 ? EXIT_ALL_OK : EXIT_USAGE;
    o.tokens = 1;
    return cli_run(&c, argv + optind, argc - optind, "analysed", seg_write, &o);
}
