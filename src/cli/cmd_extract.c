/* cmd_extract.c — `vigie extract`: web pages, WARC archives, feeds (or any input) in, the
** documents vigie would code out, as JSON Lines: the article text found in each page, with its
** metadata. It shows what the extractor keeps, and lets it be scored on its own. */
#include <getopt.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
    "Usage: vigie extract [options] [FILE|DIR|-]...\n"
    "Find the article in web pages (HTML files, WARC archives, RSS and Atom feeds, JSON Lines with an\n"
    "\"html\" field; gzip or not) and print one document a line:\n"
    "  {\"id\", \"url\", \"title\", \"date\", \"lang\", \"text\"}\n"
    "text holds the article's paragraphs separated by a blank line; date is YYYY-MM-DD (from the\n"
    "page's JSON-LD, <meta>, <time> or URL, else the WARC record's date); lang is the language\n"
    "identified in the text (any language: extraction does not depend on it). Missing values are\n"
    "null. Plain text inputs pass through unchanged.\n\n"
    CLI_COMMON_HELP
    "\nExit status: 0 all records done, 1 some skipped (see the summary on stderr),\n"
    "2 usage error, 3 could not run (language data, output).\n";

static void field(FILE *f, const char *name, const char *v)
{
    fprintf(f, ", \"%s\": ", name);
    if (v)
        vg_json_str(f, v, strlen(v));
    else
        fputs("null", f);
}

static long extract_write(void *ctx, FILE *f, const vg_input_doc *in, const vg_doc *d, uint64_t ordinal)
{
    (void)ctx;
    (void)ordinal;
    fputs("{\"id\": ", f);
    vg_json_str(f, in->id, strlen(in->id));
    field(f, "url", in->url);
    field(f, "title", in->title);
    field(f, "date", in->date);
    field(f, "lang", vg_doc_lang_code(d));
    fputs(", \"text\": ", f);
    vg_json_str(f, in->text, in->len);
    fputs("}\n", f);
    return ferror(f) ? -1 : 1;
}

int cmd_extract(int argc, char **argv)
{
    static const struct option longopts[] = { CLI_COMMON_LONGOPTS, { 0, 0, 0, 0 } };
    cli_common c = { 0 };
    int opt, r;
    optind = 1;
    while ((opt = getopt_long(argc, argv, "i:l:D:qhj:", longopts, NULL)) != -1) {
        if ((r = cli_common_opt(&c, opt, optarg, "extract")) != 0) {
            if (r < 0)
                return EXIT_USAGE;
            continue;
        }
        if (opt == 'h') {
            fputs(usage, stdout);
            return EXIT_ALL_OK;
        }
        cli_usage_error("extract", "%s", "bad option");
        return EXIT_USAGE;
    }
    cli_job job = { .c = &c, .code = 0, .verb = "extracted", .unit = "documents", .fn = extract_write, .any_lang = 1,
                    .lang_only = 1 };
    return cli_run(&job, argv + optind, argc - optind);
}
