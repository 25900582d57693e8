/* cmd_code.c — `vigie code`: documents in, CAMEO events out, as JSON Lines (default), TSV, the
** GDELT 2.0 event table, or text for people. The coding itself is vg_code() (src/coder/). */
#include <getopt.h>
#include <string.h>

#include "cli.h"

enum { FMT_JSONL, FMT_TSV, FMT_GDELT, FMT_TEXT, FMT_PLOVER };

static const char usage[] =
    "Usage: vigie code [options] [FILE|DIR|-]...\n"
    "Code political events (CAMEO): who did what to whom, when and where, with the evidence.\n"
    "Inputs: text files (one document each; a name starting YYYY-MM-DD gives the date),\n"
    "directories of them, JSON Lines ({\"id\", \"text\", \"lang\", \"date\", \"title\", \"url\"}; other\n"
    "fields ignored), standard input.\n\n"
    "  -f, --format FMT   jsonl (default: one event a line, docs/output.md), tsv (with a header),\n"
    "                     gdelt (the 61 columns of the GDELT 2.0 event table), plover (the PLOVER\n"
    "                     event type, mode and context of each event, JSON Lines), text (for people)\n" CLI_COMMON_HELP
    "\nExit status: 0 all records coded, 1 some skipped (see the summary on stderr),\n"
    "2 usage error, 3 could not run (dictionaries, output).\n";

typedef struct {
    int fmt;
} code_out;

static long write_text(FILE *f, const vg_export_doc *x, const vg_doc *d)
{
    for (size_t i = 0; i < vg_doc_nevents(d); i++) {
        const vg_event *e = vg_doc_event(d, i);
        const vg_sentence *s = vg_doc_sentence(d, e->sentence);
        const vg_code_info *ci = NULL;
        for (size_t k = 0; (ci = vg_codebook(k)) && strcmp(ci->code, e->code); k++)
            ;
        fprintf(f, "%-10s  %-9s %-4s %-9s  %s", e->date[0] ? e->date : "(no date)", e->source, e->code, e->target,
                ci ? ci->name : "");
        if (e->place[0])
            fprintf(f, "  [%s: %.*s]", e->place, (int)(e->place_span.end - e->place_span.start),
                    x->text + e->place_span.start);
        fprintf(f, "\n            %s #%zu: %.*s\n", x->id, e->sentence, (int)(s->end - s->start), x->text + s->start);
        fprintf(f, "            who \"%.*s\"  did \"%.*s\"  to \"%.*s\"   (%s)\n",
                (int)(e->source_span.end - e->source_span.start), x->text + e->source_span.start,
                (int)(e->trigger_span.end - e->trigger_span.start), x->text + e->trigger_span.start,
                (int)(e->target_span.end - e->target_span.start), x->text + e->target_span.start, e->rule);
        if (e->implied && e->implied[0]) /* an actor named without a country: where it got one */
            fprintf(f, "            country: %s\n", e->implied);
    }
    return ferror(f) ? -1 : 0;
}

static long code_write(void *ctx, FILE *f, const vg_input_doc *in, const vg_doc *d, uint64_t ordinal)
{
    const code_out *o = ctx;
    /* GDELT event ids: the record's ordinal * 1000 + the event's index (docs/output.md) */
    vg_export_doc x = { in->id, in->url, in->date, in->text, in->len, (ordinal + 1) * 1000 };
    int rc;
    switch (o->fmt) {
    case FMT_TSV: rc = vg_export_tsv(f, &x, d); break;
    case FMT_GDELT: rc = vg_export_gdelt(f, &x, d); break;
    case FMT_PLOVER: rc = vg_export_plover(f, &x, d); break;
    case FMT_TEXT: rc = (int)write_text(f, &x, d); break;
    default: rc = vg_export_jsonl(f, &x, d); break;
    }
    return rc < 0 ? -1 : (long)vg_doc_nevents(d);
}

int cmd_code(int argc, char **argv)
{
    static const struct option longopts[] = { { "format", required_argument, 0, 'f' }, CLI_COMMON_LONGOPTS,
                                              { 0, 0, 0, 0 } };
    cli_common c = { 0 };
    code_out o = { FMT_JSONL };
    int opt, r;
    optind = 1;
    while ((opt = getopt_long(argc, argv, "f:i:l:D:qhj:", longopts, NULL)) != -1) {
        if ((r = cli_common_opt(&c, opt, optarg, "code")) != 0) {
            if (r < 0)
                return EXIT_USAGE;
            continue;
        }
        switch (opt) {
        case 'f':
            if (!strcmp(optarg, "jsonl")) o.fmt = FMT_JSONL;
            else if (!strcmp(optarg, "tsv")) o.fmt = FMT_TSV;
            else if (!strcmp(optarg, "gdelt")) o.fmt = FMT_GDELT;
            else if (!strcmp(optarg, "plover")) o.fmt = FMT_PLOVER;
            else if (!strcmp(optarg, "text")) o.fmt = FMT_TEXT;
            else return cli_usage_error("code", "unknown format '%s' (jsonl, tsv, gdelt, text)", optarg);
            break;
        case 'h':
            fputs(usage, stdout);
            return EXIT_ALL_OK;
        default:
            return cli_usage_error("code", "%s", "bad option");
        }
    }
    if (o.fmt == FMT_TSV)
        vg_export_tsv_header(stdout);
    cli_job job = { .c = &c, .code = 1, .verb = "coded", .unit = "events", .fn = code_write, .ctx = &o };
    return cli_run(&job, argv + optind, argc - optind);
}
