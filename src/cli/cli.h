/* cli.h — what the vigie subcommands share: option parsing helpers, the document loop with its
** diagnostics and summary, and JSON output. */
#ifndef VG_CLI_H
#define VG_CLI_H

#include <stdio.h>

#include "vigie.h"
#include "ingest.h"
#include "export.h"
#include "extract.h"

/* Exit statuses (docs/CLI.md). */
enum { EXIT_ALL_OK = 0, EXIT_SKIPPED = 1, EXIT_USAGE = 2, EXIT_FAILED = 3 };

int cmd_segment(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_eval(int argc, char **argv);
int cmd_dict(int argc, char **argv);
int cmd_code(int argc, char **argv);
int cmd_codes(int argc, char **argv);
int cmd_ingest(int argc, char **argv);
int cmd_query(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_syntax(int argc, char **argv);

/* Options every document-reading command takes. */
typedef struct {
    vg_input_kind input;
    vg_lang lang;          /* --lang: force a language */
    const char *data_dir;  /* --data */
    const char *dict_dir;  /* --dict */
    int quiet;             /* -q: no summary */
    int jobs;              /* -j: threads */
} cli_common;

/* Parse a common option; returns 1 if opt was one, 0 if not, -1 on a bad value. */
int cli_common_opt(cli_common *c, int opt, const char *arg, const char *cmd);
/* getopt_long entries for the common options, to splice into a command's table. */
#define CLI_COMMON_LONGOPTS                                                                     \
    { "input", required_argument, 0, 'i' }, { "lang", required_argument, 0, 'l' },              \
        { "data", required_argument, 0, 'D' }, { "dict", required_argument, 0, 'K' },             \
        { "quiet", no_argument, 0, 'q' },                                                         \
        { "jobs", required_argument, 0, 'j' }, { "help", no_argument, 0, 'h' }
#define CLI_COMMON_HELP                                                                         \
    "  -i, --input KIND   auto (default: what the content is, gzip looked into), text (one\n"      \
    "                     document a file), jsonl, html (a web page), warc or feed (RSS, Atom)\n" \
    "  -l, --lang LANG    fr or en: skip language identification\n"                            \
    "  -D, --data DIR     language data directory (default: $VIGIE_DATA, else the built-in one)\n" \
    "      --dict DIR     dictionary directory (default: DIR/dict of the data directory), e.g.\n"   \
    "                     one written by `vigie dict import`\n"                                  \
    "  -q, --quiet        no summary line on stderr\n"                                           \
    "  -j, --jobs N       N threads (output is the same, in input order)\n"                     \
    "  -h, --help         this help\n"

int cli_usage_error(const char *cmd, const char *fmt, const char *arg);

/* The loop every document command runs: open the engine, read every input, analyse (or code)
** each document, call fn to render it, report skipped records on stderr and a summary at the end.
** fn writes to out and returns the number of items written (sentences, events), or -1 when it
** could not write (the run stops with EXIT_FAILED). It runs on worker threads: ctx is shared and
** read-only. ordinal counts the records read, from 0. */
typedef long (*cli_doc_fn)(void *ctx, FILE *out, const vg_input_doc *in, const vg_doc *d, uint64_t ordinal);
typedef struct {
    const cli_common *c;
    int code;             /* vg_code() the documents, not only vg_doc_analyze() */
    const char *verb;     /* "segmented", "coded" */
    const char *unit;     /* "sentences", "events" */
    cli_doc_fn fn;
    void *ctx;
    /* Optional, for commands that keep what they make (ingest) rather than print it; all run on the
    ** main thread. on_open: the engine is loaded (-1 stops the run). want: 0 leaves a document
    ** uncoded, counted as "unchanged"; *tag is handed to sink. sink: takes fn's output in place of
    ** stdout; returns fn's item count, or -1 to stop the run. finish: the run is over; returns -1
    ** if it failed. */
    int (*on_open)(void *ctx, const vg_engine *e);
    int (*want)(void *ctx, const vg_input_doc *in, uint64_t *tag);
    long (*sink)(void *ctx, const vg_input_doc *in, uint64_t tag, const char *out, size_t n);
    int (*finish)(void *ctx);
    int progress;         /* a progress line on stderr when the run is long */
    int any_lang;         /* keep documents in any language (extract), not only French and English */
    int lang_only;        /* fn reads only the language (extract): the text is analysed no further than
                          ** language identification reads (VG_LANGID_BYTES), not tokenized whole */
} cli_job;
int cli_run(const cli_job *job, char **paths, int npaths);

#endif
