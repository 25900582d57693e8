/* select.c — questions to the store, turned into SQL.
**
** Every piece of SQL comes from the fixed fragments of this file; every value a user typed (a date,
** an actor prefix, a code, a document id) is a bound parameter. The order column is looked up in a
** table of names, never pasted. That is what makes `vigie query` safe to put behind a web form.
**
** Prefixes are ranges, so that the indexes serve them: source "SYR" is source >= 'SYR' AND
** source < 'SYS' (events_source), and code "19" is code >= '19' AND code < '1:'. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"

#define MAX_BINDS 256

typedef struct {
    vg_buf sql;
    struct qb_bind {
        const char *s; /* NULL: the integer i */
        int64_t i;
        char own[VG_STORE_ACTOR]; /* for computed strings: an upper bound, an upper-cased prefix */
    } bind[MAX_BINDS];
    int nbind;
    int where; /* a WHERE has been written */
    int overflow;
} qb;

static void put(qb *b, const char *s)
{
    if (vg_buf_append(&b->sql, s, strlen(s)) != VG_OK)
        b->overflow = 1;
}

static void cond(qb *b, const char *s)
{
    put(b, b->where ? " AND " : " WHERE ");
    b->where = 1;
    put(b, s);
}

/* The next parameter, or NULL (and the query refused) past MAX_BINDS. */
static struct qb_bind *next_bind(qb *b)
{
    if (b->nbind == MAX_BINDS) {
        b->overflow = 1;
        return NULL;
    }
    return &b->bind[b->nbind++];
}

static void bind_int(qb *b, int64_t v)
{
    struct qb_bind *x = next_bind(b);
    if (x)
        x->s = NULL, x->i = v;
}

/* An upper-cased copy of s (codes are upper case), or with the last byte raised: the first string
** after every string starting with s. */
static void bind_code(qb *b, const char *s, int upper_bound)
{
    struct qb_bind *x = next_bind(b);
    if (!x)
        return;
    size_t n = 0;
    for (; s[n] && n + 1 < VG_STORE_ACTOR; n++)
        x->own[n] = (char)toupper((unsigned char)s[n]);
    x->own[n] = 0;
    if (upper_bound && n)
        x->own[n - 1]++;
    x->s = x->own;
}

static void bind_text(qb *b, const char *s)
{
    struct qb_bind *x = next_bind(b);
    if (x)
        x->s = s;
}

/* (col >= ? AND col < ?) OR … for every prefix; an empty prefix matches every value. */
static void prefixes(qb *b, const char *col, const char *const *v, int n)
{
    put(b, "(");
    for (int i = 0; i < n; i++) {
        if (i)
            put(b, " OR ");
        if (!v[i][0]) {
            put(b, "1");
            continue;
        }
        put(b, "(");
        put(b, col);
        put(b, " >= ? AND ");
        put(b, col);
        put(b, " < ?)");
        bind_code(b, v[i], 0);
        bind_code(b, v[i], 1);
    }
    put(b, ")");
}

static void where(qb *b, const vg_filter *f)
{
    if (f->has_from) {
        cond(b, "e.day >= ?");
        bind_int(b, f->from);
    }
    if (f->has_to) {
        cond(b, "e.day <= ?");
        bind_int(b, f->to);
    }
    if (f->nsource) {
        cond(b, "");
        prefixes(b, "e.source", f->source, f->nsource);
    }
    if (f->ntarget) {
        cond(b, "");
        prefixes(b, "e.target", f->target, f->ntarget);
    }
    if (f->nactor) {
        cond(b, "(");
        prefixes(b, "e.source", f->actor, f->nactor);
        put(b, " OR ");
        prefixes(b, "e.target", f->actor, f->nactor);
        put(b, ")");
    }
    if (f->between[0] && f->between[1]) {
        cond(b, "((");
        prefixes(b, "e.source", &f->between[0], 1);
        put(b, " AND ");
        prefixes(b, "e.target", &f->between[1], 1);
        put(b, ") OR (");
        prefixes(b, "e.source", &f->between[1], 1);
        put(b, " AND ");
        prefixes(b, "e.target", &f->between[0], 1);
        put(b, "))");
    }
    if (f->ncode) {
        cond(b, "");
        prefixes(b, "e.code", f->code, f->ncode);
    }
    if (f->ncountry) {
        cond(b, "e.country IN (");
        for (int i = 0; i < f->ncountry; i++) {
            put(b, i ? ", ?" : "?");
            bind_code(b, f->country[i], 0);
        }
        put(b, ")");
    }
    if (f->quad) {
        cond(b, "e.quad IN (");
        int first = 1;
        for (int q = 1; q <= 4; q++)
            if (f->quad & (1u << q)) {
                put(b, first ? "?" : ", ?");
                bind_int(b, q);
                first = 0;
            }
        put(b, ")");
    }
    if (f->langs) {
        cond(b, "(e.langs & ?) != 0");
        bind_int(b, f->langs);
    }
    if (f->min_mentions > 1) {
        cond(b, "e.mentions >= ?");
        bind_int(b, f->min_mentions);
    }
    if (f->doc) {
        cond(b, "e.id IN (SELECT m2.event FROM documents d2 JOIN mentions m2 ON m2.id >= d2.first_mention"
                " AND m2.id < d2.first_mention + d2.events WHERE d2.ext_id = ?)");
        bind_text(b, f->doc);
    }
}

/* ---- grouping ---- */

static const struct {
    const char *name;
    const char *key;    /* GROUP BY expression */
    const char *show;   /* SELECT expression (of the key), with its column name */
} bys[VG_BY_COUNT] = {
    [VG_BY_DAY] = { "day", "e.day", "date(e.day * 86400, 'unixepoch') AS day" },
    [VG_BY_WEEK] = { "week", "e.day - ((e.day + 3) % 7 + 7) % 7", /* Monday: 1970-01-01 was a Thursday */
                     "date((e.day - ((e.day + 3) % 7 + 7) % 7) * 86400, 'unixepoch') AS week" },
    [VG_BY_MONTH] = { "month", "vg_month(e.day)", "printf('%04d-%02d', vg_month(e.day) / 100, vg_month(e.day) % 100) AS month" },
    [VG_BY_YEAR] = { "year", "vg_month(e.day) / 100", "vg_month(e.day) / 100 AS year" },
    [VG_BY_DYAD] = { "dyad", "e.source, e.target", "e.source AS source, e.target AS target" },
    [VG_BY_SOURCE] = { "source", "e.source", "e.source AS source" },
    [VG_BY_TARGET] = { "target", "e.target", "e.target AS target" },
    [VG_BY_CODE] = { "code", "e.code", "e.code AS code" },
    [VG_BY_ROOT] = { "root", "e.root", "printf('%02d', e.root) AS root" },
    [VG_BY_QUAD] = { "quad", "e.quad", "e.quad AS quad" },
    [VG_BY_COUNTRY] = { "country", "e.country", "e.country AS country" },
};

vg_by vg_by_parse(const char *name)
{
    for (int i = 0; i < VG_BY_COUNT; i++)
        if (!strcmp(name, bys[i].name))
            return (vg_by)i;
    return VG_BY_COUNT;
}

/* Columns a user may order by: name → SQL. */
typedef struct {
    const char *name, *sql;
} col;
static const col event_cols[] = {
    { "date", "e.day" }, { "id", "e.id" }, { "source", "e.source" }, { "target", "e.target" },
    { "code", "e.code" }, { "root", "e.root" }, { "quad", "e.quad" }, { "goldstein", "c.goldstein" },
    { "country", "e.country" }, { "mentions", "e.mentions" }, { "sources", "e.sources" },
    { "articles", "e.articles" }, { 0, 0 },
};
static const col group_cols[] = {
    { "events", "events" }, { "mentions", "mentions" }, { "articles", "articles" },
    { "goldstein", "goldstein" }, { 0, 0 },
};

static const char *find_col(const col *t, const char *name)
{
    for (; t->name; t++)
        if (!strcmp(t->name, name))
            return t->sql;
    return NULL;
}

static const char select_events[] =
    "SELECT e.id, date(e.day * 86400, 'unixepoch') AS date, e.source, e.target, e.code, e.quad,"
    " c.goldstein, e.country, e.mentions, e.sources, e.articles, d.ext_id AS doc"
    " FROM events e JOIN codes c ON c.code = e.code JOIN mentions m ON m.id = e.first_mention"
    " JOIN documents d ON d.id = m.doc";

/* The columns of an export row, by position: VG_X_* in store.h. */
static const char select_export[] =
    "SELECT e.id, e.day, e.source, e.target, e.code, e.root, e.quad, c.goldstein, c.name, e.country,"
    " e.mentions, e.sources, e.articles, e.lead, m.sentence,"
    " m.source_start, m.source_end, m.target_start, m.target_end, m.trigger_start, m.trigger_end,"
    " m.date_start, m.date_end, m.place_start, m.place_end, m.lat, m.lon, m.confidence, r.rule,"
    " d.ext_id, d.url, d.lang, d.added, s.start, s.text"
    " FROM events e JOIN codes c ON c.code = e.code JOIN mentions m ON m.id = e.first_mention"
    " JOIN documents d ON d.id = m.doc LEFT JOIN rules r ON r.id = m.rule"
    " LEFT JOIN sentences s ON s.doc = m.doc AND s.idx = m.sentence";

/* The SQL of q's order column (NULL: q has none), or VG_EMISUSE with the names a user may give. */
static vg_status order_col(const vg_select *q, const char **sql, char *err, size_t cap)
{
    const char *order = q->order;
    *sql = NULL;
    if (!order)
        return VG_OK;
    if (order[0] == '-')
        order++;
    if (q->kind == VG_SEL_GROUPS) {
        if ((*sql = find_col(group_cols, order)))
            return VG_OK;
        for (int i = 0; i < q->nby; i++)
            if (!strcmp(order, bys[q->by[i]].name))
                return *sql = bys[q->by[i]].key, VG_OK;
        snprintf(err, cap, "cannot order by '%s' (one of: events, mentions, articles, goldstein, or a --by key;"
                           " '-' before it for descending)", q->order);
        return VG_EMISUSE;
    }
    if ((*sql = find_col(event_cols, order)))
        return VG_OK;
    snprintf(err, cap, "cannot order by '%s' (one of: date, id, source, target, code, root, quad, goldstein, country,"
                       " mentions, sources, articles; '-' before it for descending)", q->order);
    return VG_EMISUSE;
}

vg_status vg_select_check(const vg_select *q, char *err, size_t cap)
{
    const char *sql;
    if (q->kind == VG_SEL_GROUPS && q->nby == 0) {
        snprintf(err, cap, "nothing to group by");
        return VG_EMISUSE;
    }
    return order_col(q, &sql, err, cap);
}

vg_status vg_store_select(vg_store *s, const vg_filter *f, const vg_select *q, sqlite3_stmt **out)
{
    *out = NULL;
    vg_mem mem;
    vg_mem_init(&mem, NULL);
    qb *b = calloc(1, sizeof *b);
    if (!b)
        return VG_ENOMEM;
    vg_buf_init(&b->sql, &mem);
    const char *ocol;
    vg_status rc = vg_select_check(q, s->err, sizeof s->err);
    if (rc != VG_OK || (rc = order_col(q, &ocol, s->err, sizeof s->err)) != VG_OK)
        goto out;
    int desc = q->order && q->order[0] == '-';
    if (q->kind == VG_SEL_GROUPS) {
        put(b, "SELECT ");
        for (int i = 0; i < q->nby; i++) {
            put(b, bys[q->by[i]].show);
            put(b, ", ");
        }
        put(b, "count(*) AS events, sum(e.mentions) AS mentions, sum(e.articles) AS articles,"
               " round(avg(c.goldstein), 2) AS goldstein FROM events e JOIN codes c ON c.code = e.code");
        where(b, f);
        put(b, " GROUP BY ");
        for (int i = 0; i < q->nby; i++) {
            put(b, i ? ", " : "");
            put(b, bys[q->by[i]].key);
        }
        put(b, " ORDER BY ");
        if (ocol) {
            put(b, ocol);
            put(b, desc ? " DESC, " : ", ");
        }
        for (int i = 0; i < q->nby; i++) {
            put(b, i ? ", " : "");
            put(b, bys[q->by[i]].key);
        }
    } else {
        put(b, q->kind == VG_SEL_EXPORT ? select_export : select_events);
        where(b, f);
        put(b, " ORDER BY ");
        if (ocol) {
            put(b, ocol);
            put(b, desc ? " DESC, " : ", ");
        }
        put(b, "e.day IS NULL, e.day, e.id");
    }
    if (q->limit > 0) {
        put(b, " LIMIT ?");
        bind_int(b, q->limit);
    }
    if (b->overflow) {
        snprintf(s->err, sizeof s->err, "query too long (too many filter values)");
        rc = VG_ELIMIT;
        goto out;
    }
    if (sqlite3_prepare_v2(s->db, b->sql.p, (int)b->sql.n, out, NULL) != SQLITE_OK) {
        rc = vg_store_fail(s, "preparing the query");
        goto out;
    }
    for (int i = 0; i < b->nbind; i++)
        if (b->bind[i].s)
            sqlite3_bind_text(*out, i + 1, b->bind[i].s, -1, SQLITE_TRANSIENT);
        else
            sqlite3_bind_int64(*out, i + 1, b->bind[i].i);
out:
    vg_buf_release(&b->sql);
    free(b);
    return rc;
}
