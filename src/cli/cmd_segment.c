/* cmd_segment.c — `vigie segment`: documents in, one sentence a line out (JSON Lines or text),
** with byte offsets into the original input; --tokens adds each sentence's tokens. */
#include <getopt.h>
#include <string.h>

#include "cli.h"
#include "seg_out.h"

static const char usage[] =
    "Usage: vigie segment [options] [FILE|DIR|-]...\n"
    "Split documents into sentences. No FILE, or -, reads standard input.\n"
    "Output, one sentence a line: {\"doc\", \"sentence\", \"start\", \"end\", \"text\", \"lang\"}\n"
    "(offsets in bytes of the document's text; sentence numbers start at 0).\n\n"
    "  -f, --format FMT   jsonl (default) or text (for people)\n"
    "  -t, --tokens       add \"tokens\": [[start, end, key, kind], ...]\n" CLI_COMMON_HELP
    "\nExit status: 0 all records done, 1 some skipped (see the summary on stderr),\n"
    "2 usage error, 3 could not run (language data, output).\n";

int seg_parse(int argc, char **argv, const char *cmd, const char *help, cli_common *c, seg_out *o)
{
    static const struct option longopts[] = { { "format", required_argument, 0, 'f' },
                                              { "tokens", no_argument, 0, 't' },
                                              CLI_COMMON_LONGOPTS,
                                              { 0, 0, 0, 0 } };
    int opt, r;
    optind = 1;
    while ((opt = getopt_long(argc, argv, "f:ti:l:D:qhj:", longopts, NULL)) != -1) {
        if ((r = cli_common_opt(c, opt, optarg, cmd)) != 0) {
            if (r < 0)
                return -1;
            continue;
        }
        switch (opt) {
        case 'f':
            if (!strcmp(optarg, "jsonl")) o->text = 0;
            else if (!strcmp(optarg, "text")) o->text = 1;
            else return cli_usage_error(cmd, "unknown format '%s'", optarg), -1;
            break;
        case 't':
            o->tokens = 1;
            break;
        case 'h':
            fputs(help, stdout);
            return 1;
        default:
            cli_usage_error(cmd, "%s", "bad option");
            return -1;
        }
    }
    return 0;
}

int cmd_segment(int argc, char **argv)
{
    cli_common c = { 0 };
    seg_out o = { 0 };
    int r = seg_parse(argc, argv, "segment", usage, &c, &o);
    if (r)
        return r > 0 ? EXIT_ALL_OK : EXIT_USAGE;
    cli_job job = { .c = &c, .code = 0, .verb = "segmented", .unit = "sentences", .fn = seg_write, .ctx = &o };
    return cli_run(&job, argv + optind, argc - optind);
}
