/* store_opts.c — the filter options of query and export, and rows written as a table (people), TSV,
** CSV (R's read.csv, pandas' read_csv) or JSON Lines. Every cell goes through the output rule of
** src/export/sanitize.h: whatever a document id or a --sql statement holds, no control character
** reaches the terminal or spreadsheet raw. */
#include <ctype.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "sanitize.h"
#include "store_opts.h"

static int bad(const char *cmd, const char *what, const char *arg)
{
    fprintf(stderr, "vigie %s: %s: '%s'\nTry 'vigie %s --help'.\n", cmd, what, arg, cmd);
    return -1;
}

/* The option's name for messages: "--source". */
static const char *opt_name(int opt)
{
    static const struct option names[] = { CLI_FILTER_LONGOPTS };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (names[i].val == opt)
            return names[i].name;
    return "?";
}

/* Split a comma-separated list into v[*n…]; the copy is owned by o. An empty value ('', 'SYR,',
** 'SYR,,IRQ') is refused: read as "no value" it would drop the filter and answer for everything
** (docs/store.md §4). Blanks around a value are not part of it. */
static int list(cli_store_opts *o, int opt, const char *arg, const char **v, int *n, const char *cmd)
{
    char what[64];
    if (o->nowned == (int)(sizeof o->owned / sizeof o->owned[0]))
        return bad(cmd, "too many list options", arg);
    char *copy = strdup(arg);
    if (!copy)
        return bad(cmd, "out of memory", arg);
    o->owned[o->nowned++] = copy;
    for (char *p = copy, *next; p; p = next) {
        next = strchr(p, ',');
        if (next)
            *next++ = 0;
        while (*p == ' ')
            p++;
        for (char *e = p + strlen(p); e > p && e[-1] == ' ';)
            *--e = 0;
        if (!*p) {
            snprintf(what, sizeof what, "--%s: an empty value in the list", opt_name(opt));
            return bad(cmd, what, arg);
        }
        if (*n == VG_FILTER_MAX)
            return bad(cmd, "too many values (16 at most)", arg);
        v[(*n)++] = p;
    }
    return 1;
}

/* YYYY, YYYY-MM or YYYY-MM-DD: its first day, or its last (end). */
static int parse_day(const char *s, int end, int32_t *day)
{
    int y = 0, m = 0, d = 0, k = 0;
    size_t n = strlen(s);
    if (n == 4 && sscanf(s, "%4d%n", &y, &k) == 1 && k == 4) {
        *day = end ? vg_days_from_civil(y, 12, 31) : vg_days_from_civil(y, 1, 1);
        return 0;
    }
    if (n == 7 && sscanf(s, "%4d-%2d%n", &y, &m, &k) == 2 && k == 7 && m >= 1 && m <= 12) {
        *day = end ? vg_days_from_civil(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1) - 1 : vg_days_from_civil(y, m, 1);
        return 0;
    }
    if (vg_date_valid(s, n)) {
        sscanf(s, "%4d-%2d-%2d", &y, &m, &d);
        *day = vg_days_from_civil(y, m, d);
        return 0;
    }
    return -1;
}

static int number(const char *arg, int64_t min, int64_t *out)
{
    char *end;
    long long v = strtoll(arg, &end, 10);
    if (!*arg || *end || v < min)
        return -1;
    *out = v;
    return 0;
}

int cli_filter_opt(cli_store_opts *o, int opt, const char *arg, const char *cmd)
{
    vg_filter *f = &o->f;
    switch (opt) {
    case OPT_DB:
        if (!*arg) /* SQLite would open a private temporary database: nothing to read, all lost */
            return bad(cmd, "--db: an empty file name", arg);
        o->db = arg;
        return 1;
    case OPT_FROM:
    case OPT_TO: {
        int32_t day;
        if (parse_day(arg, opt == OPT_TO, &day) < 0)
            return bad(cmd, "a date is YYYY, YYYY-MM or YYYY-MM-DD", arg);
        if (opt == OPT_FROM)
            f->from = day, f->has_from = true;
        else
            f->to = day, f->has_to = true;
        return 1;
    }
    case OPT_SOURCE: return list(o, opt, arg, f->source, &f->nsource, cmd);
    case OPT_TARGET: return list(o, opt, arg, f->target, &f->ntarget, cmd);
    case OPT_ACTOR: return list(o, opt, arg, f->actor, &f->nactor, cmd);
    case OPT_BETWEEN: {
        const char *v[VG_FILTER_MAX];
        int n = 0;
        if (list(o, opt, arg, v, &n, cmd) < 0)
            return -1;
        if (n != 2)
            return bad(cmd, "--between takes two actors, A,B", arg);
        f->between[0] = v[0];
        f->between[1] = v[1];
        return 1;
    }
    case OPT_CODE:
    case OPT_ROOT: {
        int from = f->ncode;
        if (list(o, opt, arg, f->code, &f->ncode, cmd) < 0)
            return -1;
        for (int i = from; i < f->ncode; i++) {
            const char *c = f->code[i];
            size_t n = strlen(c);
            int digits = 1;
            for (size_t k = 0; k < n; k++)
                digits &= isdigit((unsigned char)c[k]) != 0;
            if (!digits || n > 4 || (opt == OPT_ROOT && n != 2))
                return bad(cmd, opt == OPT_ROOT ? "a root is two digits, 01 to 20" : "an event code is 2 to 4 digits", c);
        }
        return 1;
    }
    case OPT_COUNTRY: return list(o, opt, arg, f->country, &f->ncountry, cmd);
    case OPT_QUAD:
    case OPT_LANG: {
        const char *v[VG_FILTER_MAX];
        int n = 0;
        if (list(o, opt, arg, v, &n, cmd) < 0)
            return -1;
        for (int i = 0; i < n; i++) {
            if (opt == OPT_QUAD) {
                if (strlen(v[i]) != 1 || v[i][0] < '1' || v[i][0] > '4')
                    return bad(cmd, "a QuadClass is 1, 2, 3 or 4", v[i]);
                f->quad |= 1u << (v[i][0] - '0');
            } else if (!strcmp(v[i], "fr") || !strcmp(v[i], "en")) {
                f->langs |= v[i][0] == 'f' ? 1u : 2u;
            } else {
                return bad(cmd, "a language is fr or en", v[i]);
            }
        }
        return 1;
    }
    case OPT_MIN_MENTIONS:
        if (number(arg, 1, &f->min_mentions) < 0)
            return bad(cmd, "--min-mentions needs a number", arg);
        return 1;
    case OPT_DOC:
        if (!*arg)
            return bad(cmd, "--doc: an empty document id", arg);
        f->doc = arg;
        return 1;
    case OPT_ORDER: /* the name is checked against the columns once --by is known: cli_select_check() */
        o->q.order = arg;
        return 1;
    case OPT_LIMIT:
        if (number(arg, 1, &o->q.limit) < 0)
            return bad(cmd, "--limit needs a number of rows", arg);
        return 1;
    }
    return 0;
}

int cli_select_check(const cli_store_opts *o, const char *cmd)
{
    char err[512];
    if (vg_select_check(&o->q, err, sizeof err) == VG_OK)
        return 0;
    return cli_usage_error(cmd, "%s", err), -1;
}

void cli_store_opts_free(cli_store_opts *o)
{
    for (int i = 0; i < o->nowned; i++)
        free(o->owned[i]);
    o->nowned = 0;
}

/* ---- rows ---- */

int cli_format_opt(const char *arg, int *fmt, const char *cmd)
{
    if (!strcmp(arg, "table")) *fmt = OUT_TABLE;
    else if (!strcmp(arg, "tsv")) *fmt = OUT_TSV;
    else if (!strcmp(arg, "csv")) *fmt = OUT_CSV;
    else if (!strcmp(arg, "jsonl")) *fmt = OUT_JSONL;
    else return cli_usage_error(cmd, "unknown format '%s' (table, tsv, csv, jsonl)", arg), -1;
    return 0;
}

/* Display width of UTF-8 text: code points, not bytes (the store's text is all UTF-8). */
static size_t width(const char *s, size_t n)
{
    size_t w = 0;
    for (size_t i = 0; i < n; i++)
        w += ((unsigned char)s[i] & 0xC0) != 0x80;
    return w;
}

/* n bytes of s that hold at most max code points. */
static size_t clip(const char *s, size_t n, size_t max)
{
    size_t w = 0, i = 0;
    for (; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80 && w++ == max)
            break;
    return i;
}

#define TABLE_MAX_COL 60 /* a table column wider than this is cut, with "…" */
/* A table is measured before it is written, so its rows are held in memory: a --sql statement
** with endless rows would fill it before --timeout stops it. Past this many rows, far more than
** anyone reads as a table, the query stops and says which formats stream. */
#define TABLE_MAX_ROWS 1000000

/* One cell of a column w wide: numbers to the right, text to the left (no trailing blanks at the
** end of a line), cut to max code points with "…", one line whatever it holds. */
static void cell(FILE *f, const char *v, size_t max, size_t w, int num, int first, int last)
{
    size_t n = strlen(v), cw = width(v, n), cut = n;
    if (cw > max) {
        cut = clip(v, n, max - 1);
        cw = max;
    }
    size_t pad = w - cw;
    fputs(first ? "" : "  ", f);
    if (num)
        fprintf(f, "%*s", (int)pad, "");
    for (size_t i = 0; i < cut; i++)
        putc(v[i] == '\n' || v[i] == '\t' ? ' ' : v[i], f);
    if (cut < n)
        fputs("…", f);
    if (!num && !last)
        fprintf(f, "%*s", (int)pad, "");
}

typedef struct {
    char **cell; /* rows × cols, NULL for SQL NULL */
    size_t nrows, cap;
    int ncols;
} grid;

static long table(sqlite3_stmt *st, FILE *f, char *err, size_t errcap)
{
    int nc = sqlite3_column_count(st), rc;
    grid g = { NULL, 0, 0, nc };
    size_t *w = calloc((size_t)nc, sizeof *w);
    int *num = calloc((size_t)nc, sizeof *num);
    char **names = NULL;
    size_t filled = 0; /* cells set, which out: frees */
    long rows = -1;
    if (!w || !num)
        goto out;
    if (!(names = calloc((size_t)nc, sizeof *names)))
        goto out;
    for (int c = 0; c < nc; c++) {
        const char *name = sqlite3_column_name(st, c); /* --sql chooses them: sanitised too */
        if (!(names[c] = vg_san_dup(name, strlen(name), 0)))
            goto out;
        w[c] = width(names[c], strlen(names[c]));
        num[c] = 1;
    }
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (g.nrows == TABLE_MAX_ROWS) {
            snprintf(err, errcap, "more than %d rows for a table: use -f tsv, csv or jsonl (they stream), or --limit",
                     TABLE_MAX_ROWS);
            goto out;
        }
        if ((g.nrows + 1) * (size_t)nc > g.cap) {
            size_t cap = g.cap ? g.cap * 2 : (size_t)nc * 64;
            char **t = realloc(g.cell, cap * sizeof *t);
            if (!t)
                goto out;
            g.cell = t;
            g.cap = cap;
        }
        for (int c = 0; c < nc; c++) {
            int type = sqlite3_column_type(st, c);
            const char *v = (const char *)sqlite3_column_text(st, c);
            char **cell = &g.cell[g.nrows * (size_t)nc + (size_t)c];
            /* a sanitised copy (sanitize.h): the width is measured on what is written */
            *cell = NULL;
            if (v && !(*cell = vg_san_dup(v, (size_t)sqlite3_column_bytes(st, c), 0)))
                goto out;
            filled++;
            v = *cell;
            if (type == SQLITE_TEXT || type == SQLITE_BLOB)
                num[c] = 0;
            size_t cw = v ? width(v, strlen(v)) : 0;
            if (cw > TABLE_MAX_COL)
                cw = TABLE_MAX_COL;
            if (cw > w[c])
                w[c] = cw;
        }
        g.nrows++;
    }
    if (rc != SQLITE_DONE) {
        snprintf(err, errcap, "%s", sqlite3_errmsg(sqlite3_db_handle(st)));
        goto out;
    }
    for (int c = 0; c < nc; c++)
        cell(f, names[c], (size_t)-1, w[c], num[c], c == 0, c + 1 == nc);
    putc('\n', f);
    for (size_t r = 0; r < g.nrows; r++) {
        for (int c = 0; c < nc; c++) {
            const char *v = g.cell[r * (size_t)nc + (size_t)c];
            cell(f, v ? v : "", TABLE_MAX_COL, w[c], num[c], c == 0, c + 1 == nc);
        }
        putc('\n', f);
    }
    rows = (long)g.nrows;
out:
    for (size_t i = 0; i < filled; i++)
        free(g.cell[i]);
    free(g.cell);
    for (int c = 0; names && c < nc; c++)
        free(names[c]);
    free(names);
    free(w);
    free(num);
    if (rows < 0 && !err[0])
        snprintf(err, errcap, "out of memory");
    return rows;
}

long cli_write_rows(sqlite3_stmt *st, int fmt, FILE *f, char *err, size_t errcap)
{
    err[0] = 0;
    if (fmt == OUT_TABLE)
        return table(st, f, err, errcap);
    int nc = sqlite3_column_count(st), rc;
    if (fmt != OUT_JSONL) {
        for (int c = 0; c < nc; c++) {
            const char *name = sqlite3_column_name(st, c);
            fputs(c ? (fmt == OUT_CSV ? "," : "\t") : "", f);
            if (fmt == OUT_CSV)
                vg_csv_str(f, name, strlen(name), 1);
            else
                vg_tsv_str(f, name, strlen(name));
        }
        putc('\n', f);
    }
    long rows = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (fmt == OUT_JSONL)
            putc('{', f);
        for (int c = 0; c < nc; c++) {
            int type = sqlite3_column_type(st, c);
            const char *v = (const char *)sqlite3_column_text(st, c);
            size_t n = (size_t)sqlite3_column_bytes(st, c);
            if (fmt == OUT_JSONL) {
                const char *name = sqlite3_column_name(st, c);
                fputs(c ? "," : "", f);
                vg_json_str(f, name, strlen(name));
                putc(':', f);
                if (type == SQLITE_NULL)
                    fputs("null", f);
                else if (type == SQLITE_INTEGER || type == SQLITE_FLOAT)
                    fwrite(v, 1, n, f);
                else
                    vg_json_str(f, v, n);
                continue;
            }
            fputs(c ? (fmt == OUT_CSV ? "," : "\t") : "", f);
            if (fmt == OUT_CSV)
                vg_csv_str(f, v, n, type == SQLITE_TEXT || type == SQLITE_BLOB);
            else if (v)
                vg_tsv_str(f, v, n);
        }
        fputs(fmt == OUT_JSONL ? "}\n" : "\n", f);
        rows++;
    }
    if (rc != SQLITE_DONE) {
        snprintf(err, errcap, "%s", sqlite3_errmsg(sqlite3_db_handle(st)));
        return -1;
    }
    return rows;
}
