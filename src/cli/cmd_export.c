/* cmd_export.c — `vigie export`: the store's events, each with its counts and its root mention's
** evidence, as the GDELT 2.0 event table, JSON Lines or CSV. The filters are query's. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "sanitize.h"
#include "store_opts.h"

static const char usage[] =
    "Usage: vigie export [options]\n"
    "Write the events of the store (made by 'vigie ingest'), one a line, with their counts of\n"
    "mentions, sources and articles and the evidence of their first (root) mention.\n\n"
    "  -f, --format FMT       jsonl (default; docs/store.md lists the fields), csv (the same fields,\n"
    "                         with a header), gdelt (the 61 columns of the GDELT 2.0 event table),\n"
    "                         plover (each event's PLOVER type, mode and context; docs/output.md)\n"
    "  -q, --quiet            no summary line on stderr\n" CLI_FILTER_HELP
    "  -h, --help             this help\n"
    "\nExit status: 0 ok, 2 usage error, 3 could not run (store, output).\n";

enum { X_JSONL, X_CSV, X_GDELT, X_PLOVER };

/* The fields of the jsonl and csv exports, in order. */
typedef enum { F_INT, F_REAL, F_TEXT, F_DATE, F_ROOT, F_SPAN, F_CONF, F_ADDED } fkind;
static const struct {
    const char *name;
    fkind kind;
    int col; /* VG_X_*; for F_SPAN, which span (0 source … 4 place) */
} fields[] = {
    { "id", F_INT, VG_X_ID }, { "date", F_DATE, VG_X_DAY }, { "source", F_TEXT, VG_X_SOURCE },
    { "target", F_TEXT, VG_X_TARGET }, { "code", F_TEXT, VG_X_CODE }, { "action", F_TEXT, VG_X_NAME },
    { "root", F_ROOT, VG_X_ROOT }, { "quad", F_INT, VG_X_QUAD }, { "goldstein", F_REAL, VG_X_GOLDSTEIN },
    { "country", F_TEXT, VG_X_COUNTRY }, { "place", F_SPAN, 4 }, { "lat", F_REAL, VG_X_LAT },
    { "lon", F_REAL, VG_X_LON }, { "mentions", F_INT, VG_X_MENTIONS }, { "sources", F_INT, VG_X_SOURCES },
    { "articles", F_INT, VG_X_ARTICLES }, { "is_root", F_INT, VG_X_LEAD }, { "doc", F_TEXT, VG_X_DOC },
    { "url", F_TEXT, VG_X_URL }, { "lang", F_TEXT, VG_X_LANG }, { "sentence", F_INT, VG_X_SENTENCE },
    { "source_text", F_SPAN, 0 }, { "target_text", F_SPAN, 1 }, { "trigger_text", F_SPAN, 2 },
    { "date_text", F_SPAN, 3 }, { "source_start", F_INT, VG_X_SPANS + 0 }, { "source_end", F_INT, VG_X_SPANS + 1 },
    { "target_start", F_INT, VG_X_SPANS + 2 }, { "target_end", F_INT, VG_X_SPANS + 3 },
    { "trigger_start", F_INT, VG_X_SPANS + 4 }, { "trigger_end", F_INT, VG_X_SPANS + 5 },
    { "confidence", F_CONF, VG_X_CONFIDENCE }, { "rule", F_TEXT, VG_X_RULE }, { "added", F_ADDED, VG_X_ADDED },
    { "evidence", F_TEXT, VG_X_SENT_TEXT },
};
#define NFIELDS (sizeof fields / sizeof fields[0])

/* The words of span k of the root mention, cut from its evidence sentence; "" when either is absent. */
static const char *span_text(sqlite3_stmt *st, int k, size_t *n)
{
    const char *s = (const char *)sqlite3_column_text(st, VG_X_SENT_TEXT);
    size_t len = (size_t)sqlite3_column_bytes(st, VG_X_SENT_TEXT);
    *n = 0;
    if (!s || sqlite3_column_type(st, VG_X_SPANS + 2 * k) == SQLITE_NULL)
        return "";
    int64_t at = sqlite3_column_int64(st, VG_X_SENT_START);
    int64_t a = sqlite3_column_int64(st, VG_X_SPANS + 2 * k) - at, b = sqlite3_column_int64(st, VG_X_SPANS + 2 * k + 1) - at;
    if (a < 0 || b < a || (size_t)b > len)
        return "";
    *n = (size_t)(b - a);
    return s + a;
}

static void added_text(sqlite3_stmt *st, char *out, size_t cap)
{
    time_t t = (time_t)sqlite3_column_int64(st, VG_X_ADDED);
    struct tm tm;
    if (!gmtime_r(&t, &tm) || !strftime(out, cap, "%Y%m%d%H%M%S", &tm))
        out[0] = 0;
}

/* One field as text, with whether it is a number (unquoted in JSON) or absent (null). */
static const char *field(sqlite3_stmt *st, size_t i, char *tmp, size_t cap, size_t *n, int *num)
{
    int c = fields[i].col;
    *num = 0;
    switch (fields[i].kind) {
    case F_SPAN: return span_text(st, c, n);
    case F_DATE:
    case F_ROOT:
    case F_CONF:
    case F_ADDED:
        if (sqlite3_column_type(st, c) == SQLITE_NULL)
            return NULL;
        if (fields[i].kind == F_DATE) {
            int y, m, d;
            vg_civil_from_days((int32_t)sqlite3_column_int64(st, c), &y, &m, &d);
            snprintf(tmp, cap, "%04d-%02d-%02d", y, m, d);
        } else if (fields[i].kind == F_ROOT) {
            snprintf(tmp, cap, "%02d", sqlite3_column_int(st, c));
        } else if (fields[i].kind == F_CONF) {
            snprintf(tmp, cap, "%.2f", sqlite3_column_int(st, c) / 100.0);
            *num = 1;
        } else {
            added_text(st, tmp, cap);
        }
        *n = strlen(tmp);
        return tmp;
    default:
        if (sqlite3_column_type(st, c) == SQLITE_NULL)
            return NULL;
        *num = fields[i].kind != F_TEXT;
        *n = (size_t)sqlite3_column_bytes(st, c);
        return (const char *)sqlite3_column_text(st, c);
    }
}

static void write_row(FILE *f, sqlite3_stmt *st, int fmt)
{
    char tmp[64];
    if (fmt == X_JSONL)
        putc('{', f);
    for (size_t i = 0; i < NFIELDS; i++) {
        size_t n = 0;
        int num;
        const char *v = field(st, i, tmp, sizeof tmp, &n, &num);
        if (fmt == X_CSV) {
            fputs(i ? "," : "", f);
            if (v)
                vg_csv_str(f, v, n, !num);
            continue;
        }
        fprintf(f, "%s\"%s\":", i ? "," : "", fields[i].name);
        if (!v)
            fputs("null", f);
        else if (num)
            fwrite(v, 1, n, f);
        else
            vg_json_str(f, v, n);
    }
    fputs(fmt == X_JSONL ? "}\n" : "\n", f);
}

static void write_gdelt(FILE *f, sqlite3_stmt *st)
{
    vg_gdelt_event g = { 0 };
    char added[32];
    g.id = (uint64_t)sqlite3_column_int64(st, VG_X_ID);
    if (sqlite3_column_type(st, VG_X_DAY) != SQLITE_NULL)
        vg_civil_from_days((int32_t)sqlite3_column_int64(st, VG_X_DAY), &g.y, &g.m, &g.d);
    g.source = (const char *)sqlite3_column_text(st, VG_X_SOURCE);
    g.target = (const char *)sqlite3_column_text(st, VG_X_TARGET);
    g.source_name = span_text(st, 0, &g.source_nlen);
    g.target_name = span_text(st, 1, &g.target_nlen);
    g.code = (const char *)sqlite3_column_text(st, VG_X_CODE);
    g.quad = sqlite3_column_int(st, VG_X_QUAD);
    g.goldstein = sqlite3_column_double(st, VG_X_GOLDSTEIN);
    g.mentions = (long)sqlite3_column_int64(st, VG_X_MENTIONS);
    g.sources = (long)sqlite3_column_int64(st, VG_X_SOURCES);
    g.articles = (long)sqlite3_column_int64(st, VG_X_ARTICLES);
    g.is_root = sqlite3_column_int(st, VG_X_LEAD);
    g.country = (const char *)sqlite3_column_text(st, VG_X_COUNTRY);
    g.place = span_text(st, 4, &g.place_len);
    if ((g.has_geo = sqlite3_column_type(st, VG_X_LAT) != SQLITE_NULL)) {
        g.lat = sqlite3_column_double(st, VG_X_LAT);
        g.lon = sqlite3_column_double(st, VG_X_LON);
    }
    added_text(st, added, sizeof added);
    g.added = added;
    g.url = (const char *)sqlite3_column_text(st, VG_X_URL);
    vg_gdelt_write(f, &g);
}

static void write_plover(FILE *f, sqlite3_stmt *st)
{
    vg_plover_event p = { 0 };
    char id[32], day[16];
    snprintf(id, sizeof id, "%lld", (long long)sqlite3_column_int64(st, VG_X_ID));
    p.id = id;
    if (sqlite3_column_type(st, VG_X_DAY) != SQLITE_NULL) {
        int y, m, d;
        vg_civil_from_days((int32_t)sqlite3_column_int64(st, VG_X_DAY), &y, &m, &d);
        snprintf(day, sizeof day, "%04d-%02d-%02d", y, m, d);
        p.date = day;
    }
    p.code = (const char *)sqlite3_column_text(st, VG_X_CODE);
    p.quad = sqlite3_column_int(st, VG_X_QUAD);
    p.goldstein = sqlite3_column_double(st, VG_X_GOLDSTEIN);
    p.source = (const char *)sqlite3_column_text(st, VG_X_SOURCE);
    p.target = (const char *)sqlite3_column_text(st, VG_X_TARGET);
    p.source_text = span_text(st, 0, &p.source_tlen);
    p.target_text = span_text(st, 1, &p.target_tlen);
    p.country = (const char *)sqlite3_column_text(st, VG_X_COUNTRY);
    p.place = span_text(st, 4, &p.place_len);
    if ((p.has_geo = sqlite3_column_type(st, VG_X_LAT) != SQLITE_NULL)) {
        p.lat = sqlite3_column_double(st, VG_X_LAT);
        p.lon = sqlite3_column_double(st, VG_X_LON);
    }
    p.doc = (const char *)sqlite3_column_text(st, VG_X_DOC);
    p.url = (const char *)sqlite3_column_text(st, VG_X_URL);
    p.text = (const char *)sqlite3_column_text(st, VG_X_SENT_TEXT);
    p.text_len = (size_t)sqlite3_column_bytes(st, VG_X_SENT_TEXT);
    vg_plover_write(f, &p);
}

int cmd_export(int argc, char **argv)
{
    static const struct option longopts[] = { { "format", required_argument, 0, 'f' },
                                              { "quiet", no_argument, 0, 'q' },
                                              CLI_FILTER_LONGOPTS,
                                              { 0, 0, 0, 0 } };
    cli_store_opts o = { 0 };
    o.db = "vigie.db";
    o.q.kind = VG_SEL_EXPORT;
    int fmt = X_JSONL, opt, r, status = EXIT_USAGE, quiet = 0;
    optind = 1;
    while ((opt = getopt_long(argc, argv, "f:qh", longopts, NULL)) != -1) {
        if ((r = cli_filter_opt(&o, opt, optarg, "export")) != 0) {
            if (r < 0)
                goto out;
            continue;
        }
        switch (opt) {
        case 'f':
            if (!strcmp(optarg, "jsonl")) fmt = X_JSONL;
            else if (!strcmp(optarg, "csv")) fmt = X_CSV;
            else if (!strcmp(optarg, "gdelt")) fmt = X_GDELT;
            else if (!strcmp(optarg, "plover")) fmt = X_PLOVER;
            else {
                cli_usage_error("export", "unknown format '%s' (jsonl, csv, gdelt, plover)", optarg);
                goto out;
            }
            break;
        case 'q':
            quiet = 1;
            break;
        case 'h':
            fputs(usage, stdout);
            status = EXIT_ALL_OK;
            goto out;
        default:
            cli_usage_error("export", "%s", "bad option");
            goto out;
        }
    }
    if (optind < argc) {
        cli_usage_error("export", "unexpected argument '%s' (filters are options: see --help)", argv[optind]);
        goto out;
    }
    if (cli_select_check(&o, "export") < 0)
        goto out;
    status = EXIT_FAILED;
    vg_store *s = NULL;
    sqlite3_stmt *st = NULL;
    if (vg_store_open(o.db, VG_STORE_READONLY, &s) != VG_OK || vg_store_select(s, &o.f, &o.q, &st) != VG_OK) {
        fprintf(stderr, "vigie export: %s\n", vg_store_errmsg(s));
    } else {
        if (fmt == X_CSV) {
            for (size_t i = 0; i < NFIELDS; i++)
                fprintf(stdout, "%s%s", i ? "," : "", fields[i].name);
            putchar('\n');
        }
        long n = 0;
        int rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            if (fmt == X_GDELT)
                write_gdelt(stdout, st);
            else if (fmt == X_PLOVER)
                write_plover(stdout, st);
            else
                write_row(stdout, st, fmt);
            n++;
        }
        if (rc != SQLITE_DONE)
            fprintf(stderr, "vigie export: %s: %s\n", o.db, sqlite3_errmsg(vg_store_db(s)));
        else if (fflush(stdout) != 0 || ferror(stdout))
            fprintf(stderr, "vigie export: writing output failed\n");
        else
            status = EXIT_ALL_OK;
        if (!quiet && status == EXIT_ALL_OK)
            fprintf(stderr, "vigie: %ld events exported from %s\n", n, o.db);
    }
    sqlite3_finalize(st);
    vg_store_close(s);
out:
    cli_store_opts_free(&o);
    return status;
}
