/* cmd_query.c — `vigie query`: questions to the event store, answered as a table, TSV, CSV or JSON
** Lines. Filters and grouping become SQL in src/store/select.c, with bound parameters only;
** --sql runs the user's own statement on a connection opened read-only. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "store_opts.h"

static const char usage[] =
    "Usage: vigie query [options]\n"
    "Ask the event store (made by 'vigie ingest'): which events, or how many by day, week, month,\n"
    "dyad, code, root, country… Without --by, one row an event (its root mention's document).\n\n"
    "      --by LIST          group: day, week, month, year, dyad, source, target, code, root,\n"
    "                         quad, country (columns events, mentions, articles, goldstein follow)\n"
    "  -f, --format FMT       table (the default on a terminal), tsv (the default elsewhere),\n"
    "                         csv, jsonl\n"
    "      --sql STATEMENT    run one read-only SQL statement on the store (docs/store.md: schema)\n"
    "      --timeout SECONDS  stop a query still running after SECONDS (default 60; 0: no limit)\n" CLI_FILTER_HELP
    "  -h, --help             this help\n\n"
    "Examples:\n"
    "  vigie query --code 196 --country SYR --from 2016-07 --to 2016-07 --by week\n"
    "  vigie query --between USAGOV,RUSGOV --from 2016 --to 2016\n"
    "  vigie query --by root --order -events\n"
    "\nExit status: 0 ok, 2 usage error, 3 could not run (store, SQL) or stopped by --timeout.\n";

/* The default of --timeout, in seconds: far longer than any question of the filters takes on a
** large store (docs/store.md §6), short enough that a runaway --sql statement gives the shell back. */
#define QUERY_TIMEOUT 60

/* --by LIST: each key known, none empty (',' or 'week,' would otherwise group by nothing). */
static int group_by(vg_select *q, const char *arg)
{
    const char *p = arg;
    for (;;) {
        size_t n = strcspn(p, ",");
        char key[64];
        snprintf(key, sizeof key, "%.*s", (int)(n < sizeof key - 1 ? n : sizeof key - 1), p);
        vg_by by = n < sizeof key - 1 ? vg_by_parse(key) : VG_BY_COUNT;
        if (n == 0)
            return cli_usage_error("query", "--by: an empty value in the list: '%s'", arg), -1;
        if (by == VG_BY_COUNT)
            return cli_usage_error("query", "cannot group by '%s' (day, week, month, year, dyad, source, target,"
                                            " code, root, quad, country)", key), -1;
        if (q->nby == VG_BY_COUNT)
            return cli_usage_error("query", "--by: too many keys: '%s'", arg), -1;
        q->by[q->nby++] = by;
        q->kind = VG_SEL_GROUPS;
        if (!p[n])
            return 0;
        p += n + 1;
    }
}

int cmd_query(int argc, char **argv)
{
    enum { OPT_BY = 3000, OPT_SQL, OPT_TIMEOUT };
    static const struct option longopts[] = { { "by", required_argument, 0, OPT_BY },
                                              { "format", required_argument, 0, 'f' },
                                              { "sql", required_argument, 0, OPT_SQL },
                                              { "timeout", required_argument, 0, OPT_TIMEOUT },
                                              CLI_FILTER_LONGOPTS,
                                              { 0, 0, 0, 0 } };
    cli_store_opts o = { 0 };
    o.db = "vigie.db";
    o.q.kind = VG_SEL_EVENTS;
    int fmt = isatty(1) ? OUT_TABLE : OUT_TSV, opt, r, status = EXIT_USAGE, filters = 0;
    const char *sql = NULL;
    double timeout = QUERY_TIMEOUT;
    optind = 1;
    while ((opt = getopt_long(argc, argv, "f:h", longopts, NULL)) != -1) {
        if ((r = cli_filter_opt(&o, opt, optarg, "query")) != 0) {
            if (r < 0)
                goto out;
            filters += opt != OPT_DB;
            continue;
        }
        switch (opt) {
        case OPT_BY:
            if (group_by(&o.q, optarg) < 0)
                goto out;
            break;
        case OPT_TIMEOUT: {
            char *end;
            timeout = strtod(optarg, &end);
            if (!*optarg || *end || !(timeout >= 0 && timeout <= 1e6)) { /* also refuses nan */
                cli_usage_error("query", "--timeout needs a number of seconds (0: no limit), not '%s'", optarg);
                goto out;
            }
            break;
        }
        case 'f':
            if (cli_format_opt(optarg, &fmt, "query") < 0)
                goto out;
            break;
        case OPT_SQL:
            sql = optarg;
            break;
        case 'h':
            fputs(usage, stdout);
            status = EXIT_ALL_OK;
            goto out;
        default:
            cli_usage_error("query", "%s", "bad option");
            goto out;
        }
    }
    if (optind < argc) {
        cli_usage_error("query", "unexpected argument '%s' (filters are options: see --help)", argv[optind]);
        goto out;
    }
    if (sql && (filters || o.q.nby)) {
        cli_usage_error("query", "%s", "--sql cannot be combined with filters or --by");
        goto out;
    }
    if (cli_select_check(&o, "query") < 0)
        goto out;
    status = EXIT_FAILED;
    vg_store *s = NULL;
    sqlite3_stmt *st = NULL;
    char err[512];
    if (vg_store_open(o.db, VG_STORE_READONLY, &s) != VG_OK) {
        fprintf(stderr, "vigie query: %s\n", vg_store_errmsg(s));
        vg_store_close(s);
        goto out;
    }
    vg_store_set_timeout(s, timeout);
    if (sql) {
        const char *tail = NULL;
        if (sqlite3_prepare_v2(vg_store_db(s), sql, -1, &st, &tail) != SQLITE_OK) {
            fprintf(stderr, "vigie query: --sql: %s\n", sqlite3_errmsg(vg_store_db(s)));
        } else if (!st) {
            fprintf(stderr, "vigie query: --sql: no statement\n");
        } else if (tail && tail[strspn(tail, " \t\r\n;")]) {
            fprintf(stderr, "vigie query: --sql: one statement at a time\n");
        } else if (!sqlite3_stmt_readonly(st)) {
            fprintf(stderr, "vigie query: --sql: only statements that read (the store is opened read-only)\n");
        } else {
            status = EXIT_ALL_OK;
        }
    } else if (vg_store_select(s, &o.f, &o.q, &st) != VG_OK) {
        fprintf(stderr, "vigie query: %s\n", vg_store_errmsg(s));
    } else {
        status = EXIT_ALL_OK;
    }
    if (status == EXIT_ALL_OK && cli_write_rows(st, fmt, stdout, err, sizeof err) < 0) {
        if (vg_store_timed_out(s))
            fprintf(stderr, "vigie query: stopped: the query ran longer than --timeout %g s\n", timeout);
        else
            fprintf(stderr, "vigie query: %s\n", err);
        status = EXIT_FAILED;
    }
    if (status == EXIT_ALL_OK && (fflush(stdout) != 0 || ferror(stdout))) {
        fprintf(stderr, "vigie query: writing output failed\n");
        status = EXIT_FAILED;
    }
    sqlite3_finalize(st);
    vg_store_close(s);
out:
    cli_store_opts_free(&o);
    return status;
}
