/* store_opts.h — what `vigie query` and `vigie export` share: the store's path, the filters, and
** writing rows of a statement as a table, TSV, CSV or JSON Lines. */
#ifndef VG_STORE_OPTS_H
#define VG_STORE_OPTS_H

#include <stdio.h>

#include "store.h"

enum {
    OPT_DB = 2000, OPT_FROM, OPT_TO, OPT_SOURCE, OPT_TARGET, OPT_ACTOR, OPT_BETWEEN, OPT_CODE, OPT_ROOT,
    OPT_COUNTRY, OPT_QUAD, OPT_LANG, OPT_MIN_MENTIONS, OPT_DOC, OPT_ORDER, OPT_LIMIT
};

typedef struct {
    const char *db;
    vg_filter f;
    vg_select q;
    char *owned[64]; /* copies of list arguments, split in place */
    int nowned;
} cli_store_opts;

#define CLI_FILTER_LONGOPTS                                                                                 \
    { "db", required_argument, 0, OPT_DB }, { "from", required_argument, 0, OPT_FROM },                    \
        { "to", required_argument, 0, OPT_TO }, { "source", required_argument, 0, OPT_SOURCE },             \
        { "target", required_argument, 0, OPT_TARGET }, { "actor", required_argument, 0, OPT_ACTOR },       \
        { "between", required_argument, 0, OPT_BETWEEN }, { "code", required_argument, 0, OPT_CODE },       \
        { "root", required_argument, 0, OPT_ROOT }, { "country", required_argument, 0, OPT_COUNTRY },       \
        { "quad", required_argument, 0, OPT_QUAD }, { "lang", required_argument, 0, OPT_LANG },             \
        { "min-mentions", required_argument, 0, OPT_MIN_MENTIONS }, { "doc", required_argument, 0, OPT_DOC }, \
        { "order", required_argument, 0, OPT_ORDER }, { "limit", required_argument, 0, OPT_LIMIT },         \
        { "help", no_argument, 0, 'h' }

#define CLI_FILTER_HELP                                                                                  \
    "      --db FILE          the store (default: vigie.db)\n"                                           \
    "Filters (a list is comma-separated; an event must pass every filter given):\n"                     \
    "      --from DATE        events on or after DATE: YYYY, YYYY-MM or YYYY-MM-DD\n"                    \
    "      --to DATE          events on or before DATE (2016-07: to the end of July)\n"                  \
    "      --source LIST      source actor codes, by prefix: SYR matches SYR, SYRGOV, SYRREB…\n"         \
    "      --target LIST      target actor codes, by prefix\n"                                          \
    "      --actor LIST       either side, by prefix\n"                                                 \
    "      --between A,B      interactions between A and B, either way (prefixes)\n"                    \
    "      --code LIST        event codes, by prefix: 19 is the root, 190 also matches 1901…\n"        \
    "      --root LIST        event roots: 14,19 (as --code)\n"                                        \
    "      --country LIST     the place's country code: SYR,IRQ\n"                                      \
    "      --quad LIST        QuadClass 1..4 (1 verbal coop., 2 material coop., 3 verbal conflict,\n"  \
    "                         4 material conflict)\n"                                                   \
    "      --lang LIST        reported in fr, en\n"                                                     \
    "      --min-mentions N   events mentioned at least N times\n"                                      \
    "      --doc ID           events mentioned in the document ID\n"                                    \
    "      --order COL        order by COL; -COL for descending\n"                                      \
    "      --limit N          at most N rows\n"

/* Parse a filter option; 1 if opt was one, 0 if not, -1 on a bad value (message printed). */
int cli_filter_opt(cli_store_opts *o, int opt, const char *arg, const char *cmd);
void cli_store_opts_free(cli_store_opts *o);
/* After the options: is the query one the store can answer (--order names a column)? -1 (usage
** message printed) if not. */
int cli_select_check(const cli_store_opts *o, const char *cmd);

/* Row formats. */
enum { OUT_TABLE, OUT_TSV, OUT_CSV, OUT_JSONL };
/* Step st to the end, writing each row to f: a header first (table, TSV, CSV). Returns the number of
** rows, or -1 with SQLite's message in err. */
long cli_write_rows(sqlite3_stmt *st, int fmt, FILE *f, char *err, size_t errcap);

/* --format for rows: table, tsv, csv, jsonl; -1 (message printed) for another. */
int cli_format_opt(const char *arg, int *fmt, const char *cmd);

#endif
