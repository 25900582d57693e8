/* cmd_code.c — `vigie code`: documents in, CAMEO events out, as JSON Lines (default), TSV, the
** GDELT 2.0 event table, or text for people. The coding itself is vg_code() (src/coder/). */
#include <getopt.h>
#include <string.h>

#include "cli.h"
#include "sanitize.h"

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

/* Text for people goes to a terminal: every piece of it taken from the input or the dictionaries
** (ids, words, sentences, codes, the rule's file name) through the output rule of sanitize.h, so an
** escape sequence in a document is shown as U+FFFD instead of driving the terminal, and a line
** break inside a sentence cannot fake another event's line. */
static void text(FILE *f, const char *s, size_t n) { vg_san_write(f, s, n, 0); }
static void text_str(FILE *f, const char *s) { vg_san_write(f, s, strlen(s), 0); }
static void text_span(FILE *f, const vg_export_doc *x, vg_span sp) { text(f, x->text + sp.start, sp.end - sp.start); }

/* s, then blanks up to w code points (the columns of the first line) */
static void text_col(FILE *f, const char *s, int w)
{
    text_str(f, s);
    for (int n = (int)strlen(s); n < w; n++)
        putc(' ', f);
}

static long write_text(FILE *f, const vg_export_doc *x, const vg_doc *d)
{
    for (size_t i = 0; i < vg_doc_nevents(d); i++) {
        const vg_event *e = vg_doc_event(d, i);
        const vg_sentence *s = vg_doc_sentence(d, e->sentence);
        const vg_code_info *ci = NULL;
        for (size_t k = 0; (ci = vg_codebook(k)) && strcmp(ci->code, e->code); k++)
            ;
        text_col(f, e->date[0] ? e->date : "(no date)", 10);
        fputs("  ", f);
        text_col(f, e->source, 9);
        putc(' ', f);
        text_col(f, e->code, 4);
        putc(' ', f);
        text_col(f, e->target, 9);
        fputs("  ", f);
        text_str(f, ci ? ci->name : "");
        if (e->place[0]) {
            fputs("  [", f);
            text_str(f, e->place);
            fputs(": ", f);
            text_span(f, x, e->place_span);
            putc(']', f);
        }
        fputs("\n            ", f);
        text_str(f, x->id);
        fprintf(f, " #%zu: ", e->sentence);
        text_span(f, x, (vg_span){ s->start, s->end });
        fputs("\n            who \"", f);
        text_span(f, x, e->source_span);
        fputs("\"  did \"", f);
        text_span(f, x, e->trigger_span);
        fputs("\"  to \"", f);
        text_span(f, x, e->target_span);
        fputs("\"   (", f);
        text_str(f, e->rule);
        fputs(")\n", f);
        if (e->implied && e->implied[0]) { /* an actor named without a country: where it got one */
            fputs("            country: ", f);
            text_str(f, e->implied);
            putc('\n', f);
        }
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
