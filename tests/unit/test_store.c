/* test_store.c — the event store through its API: deduplication counts on a crafted corpus whose
** NumMentions / NumSources / NumArticles are known by hand, idempotent and replacing puts, every
** filter and grouping of select, schema versions. Stores are temporary files. */
#include <stdlib.h>
#include <unistd.h>

#include "core.h"
#include "harness.h"
#include "store.h"

static char path[256];

static vg_store *fresh(void)
{
    snprintf(path, sizeof path, "/tmp/vigie-test-store-%d.db", (int)getpid());
    vg_store_remove(path);
    vg_store *s = NULL;
    vg_status rc = vg_store_open(path, 0, &s);
    CHECKF(rc == VG_OK, "open: %s", vg_store_errmsg(s));
    return s;
}

static void drop(vg_store *s)
{
    vg_store_close(s);
    vg_store_remove(path);
}

/* An event of sentence sent; date "" for undated. */
static vg_store_event ev(const char *src, const char *tgt, const char *code, const char *country, const char *date,
                         unsigned sent)
{
    vg_store_event e;
    memset(&e, 0, sizeof e);
    snprintf(e.source, sizeof e.source, "%s", src);
    snprintf(e.target, sizeof e.target, "%s", tgt);
    snprintf(e.code, sizeof e.code, "%s", code);
    snprintf(e.country, sizeof e.country, "%s", country);
    if (*date) {
        e.has_day = 1;
        e.day = vg_days_from_civil(atoi(date), atoi(date + 5), atoi(date + 8));
    }
    const vg_code_info *ci;
    for (size_t i = 0; (ci = vg_codebook(i)); i++)
        if (!strcmp(ci->code, code))
            e.quad = (uint8_t)ci->quad;
    e.sentence = sent;
    e.confidence = 0.8f;
    snprintf(e.rule, sizeof e.rule, "test:%u", sent);
    return e;
}

static vg_doc_state put(vg_store *s, const char *id, const char *url, const char *source, const char *text,
                        const vg_store_event *e, size_t n)
{
    vg_store_doc d = { id, url, NULL, source, "2016-07-14", "en", text, strlen(text), 3, 0 };
    d.hash = vg_store_doc_hash(text, strlen(text), d.date, d.lang, url, NULL, source);
    vg_doc_state st = VG_DOC_NEW;
    vg_status rc = vg_store_put(s, &d, e, n, &st);
    CHECKF(rc == VG_OK, "put %s: %s", id, vg_store_errmsg(s));
    return st;
}

/* One integer from a query. */
static long long one(vg_store *s, const char *sql)
{
    sqlite3_stmt *st;
    long long v = -1;
    if (sqlite3_prepare_v2(vg_store_db(s), sql, -1, &st, NULL) != SQLITE_OK) {
        CHECKF(0, "%s: %s", sql, sqlite3_errmsg(vg_store_db(s)));
        return -1;
    }
    if (sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

#define KEY "SELECT %s FROM events WHERE source='USAGOV' AND target='RUSGOV' AND code='040' AND country='RUS'"
static long long kerry(vg_store *s, const char *col)
{
    char sql[256];
    snprintf(sql, sizeof sql, KEY, col);
    return one(s, sql);
}

/* The crafted corpus:
**   a1  site a.example  the consultation twice (sentences 0 and 2)        → 2 mentions, 1 article, 1 site
**   a2  site a.example  once                                              → 3, 2, 1
**   b1  site b.example  once ("www." and case do not make a new site)     → 4, 3, 2
**   n1  no site         once: a document of unknown origin is its own site → 5, 4, 3
**   n2  no site         once                                              → 6, 5, 4
** plus the same dyad and code in another country (another event), and two undated mentions (never
** merged: two events). */
static void build(vg_store *s)
{
    vg_store_event a1[2] = { ev("USAGOV", "RUSGOV", "040", "RUS", "2016-07-15", 0),
                             ev("USAGOV", "RUSGOV", "040", "RUS", "2016-07-15", 2) };
    vg_store_event one_ev[1] = { ev("USAGOV", "RUSGOV", "040", "RUS", "2016-07-15", 4) };
    vg_store_event other[1] = { ev("USAGOV", "RUSGOV", "040", "FRA", "2016-07-15", 1) };
    vg_store_event undated[2] = { ev("SYRREB", "SYRGOV", "196", "SYR", "", 0), ev("SYRREB", "SYRGOV", "196", "SYR", "", 1) };
    CHECK(vg_store_begin(s) == VG_OK);
    CHECK(put(s, "a1", "https://a.example/1", NULL, "text a1", a1, 2) == VG_DOC_NEW);
    CHECK(put(s, "a2", "http://user@A.example:8080/2?x", NULL, "text a2", one_ev, 1) == VG_DOC_NEW);
    CHECK(put(s, "b1", "https://www.B.example/x", NULL, "text b1", one_ev, 1) == VG_DOC_NEW);
    CHECK(put(s, "n1", NULL, NULL, "text n1", one_ev, 1) == VG_DOC_NEW);
    CHECK(put(s, "n2", NULL, NULL, "text n2", one_ev, 1) == VG_DOC_NEW);
    CHECK(put(s, "f1", NULL, "a.example", "text f1", other, 1) == VG_DOC_NEW);
    CHECK(put(s, "u1", NULL, NULL, "text u1", undated, 2) == VG_DOC_NEW);
    CHECK(vg_store_commit(s) == VG_OK);
}

static void dedup_counts(void)
{
    vg_store *s = fresh();
    build(s);
    CHECK_EQ_INT(kerry(s, "mentions"), 6);
    CHECK_EQ_INT(kerry(s, "articles"), 5);
    CHECK_EQ_INT(kerry(s, "sources"), 4);
    CHECK_EQ_INT(kerry(s, "lead"), 1);
    CHECK_EQ_INT(one(s, "SELECT count(*) FROM events"), 4);
    CHECK_EQ_INT(one(s, "SELECT count(*) FROM events WHERE day IS NULL"), 2);
    CHECK_EQ_INT(one(s, "SELECT count(*) FROM sites"), 2);
    /* the root mention is a1's first sentence */
    CHECK_EQ_INT(one(s, "SELECT m.sentence FROM events e JOIN mentions m ON m.id = e.first_mention"
                        " JOIN documents d ON d.id = m.doc WHERE e.country = 'RUS' AND d.ext_id = 'a1'"), 0);
    /* the counts agree with the mentions they summarise */
    CHECK_EQ_INT(one(s, "SELECT count(*) FROM events e WHERE mentions != (SELECT count(*) FROM mentions WHERE event = e.id)"
                        " OR articles != (SELECT count(DISTINCT doc) FROM mentions WHERE event = e.id)"
                        " OR sources != (SELECT count(DISTINCT site) FROM mentions WHERE event = e.id)"), 0);
    drop(s);
}

static void idempotent_and_replacing(void)
{
    vg_store *s = fresh();
    build(s);
    vg_store_counts before, after;
    vg_store_count(s, &before);
    /* the same document again: nothing changes */
    vg_store_event a1[2] = { ev("USAGOV", "RUSGOV", "040", "RUS", "2016-07-15", 0),
                             ev("USAGOV", "RUSGOV", "040", "RUS", "2016-07-15", 2) };
    CHECK(vg_store_begin(s) == VG_OK);
    CHECK(put(s, "a1", "https://a.example/1", NULL, "text a1", a1, 2) == VG_DOC_SAME);
    vg_doc_state st;
    uint64_t h = vg_store_doc_hash("text a1", 7, "2016-07-14", "en", "https://a.example/1", NULL, NULL);
    CHECK(vg_store_doc_state(s, "a1", h, &st) == VG_OK && st == VG_DOC_SAME);
    CHECK(vg_store_doc_state(s, "a1", h + 1, &st) == VG_OK && st == VG_DOC_CHANGED);
    CHECK(vg_store_doc_state(s, "zz", h, &st) == VG_OK && st == VG_DOC_NEW);
    CHECK(vg_store_commit(s) == VG_OK);
    vg_store_count(s, &after);
    CHECK(!memcmp(&before, &after, sizeof before));
    CHECK_EQ_INT(kerry(s, "mentions"), 6);

    /* a1 changed: now it reports a threat instead. Its two mentions go, the root moves to a2's, the
    ** new event is counted; u1 changed to nothing: its undated events go with it */
    vg_store_event threat[1] = { ev("USAGOV", "RUSGOV", "130", "RUS", "2016-07-15", 5) };
    CHECK(vg_store_begin(s) == VG_OK);
    CHECK(put(s, "a1", "https://a.example/1", NULL, "text a1, corrected", threat, 1) == VG_DOC_CHANGED);
    CHECK(put(s, "u1", NULL, NULL, "text u1, emptied", NULL, 0) == VG_DOC_CHANGED);
    CHECK(vg_store_commit(s) == VG_OK);
    CHECK_EQ_INT(kerry(s, "mentions"), 4);
    CHECK_EQ_INT(kerry(s, "articles"), 4);
    CHECK_EQ_INT(kerry(s, "sources"), 4); /* a.example still has a2 */
    CHECK_EQ_INT(kerry(s, "lead"), 0);    /* a2's mention is in sentence 4 */
    CHECK_EQ_INT(one(s, "SELECT d.ext_id = 'a2' FROM events e JOIN mentions m ON m.id = e.first_mention"
                        " JOIN documents d ON d.id = m.doc WHERE e.code = '040' AND e.country = 'RUS'"), 1);
    CHECK_EQ_INT(one(s, "SELECT mentions FROM events WHERE code = '130'"), 1);
    CHECK_EQ_INT(one(s, "SELECT count(*) FROM events WHERE day IS NULL"), 0);
    CHECK_EQ_INT(one(s, "SELECT count(*) FROM documents"), 7);
    CHECK_EQ_INT(one(s, "SELECT count(*) FROM mentions m LEFT JOIN events e ON e.id = m.event WHERE e.id IS NULL"), 0);
    drop(s);
}

/* Rows a select returns. */
static long rows(vg_store *s, const vg_filter *f, const vg_select *q)
{
    sqlite3_stmt *st;
    if (vg_store_select(s, f, q, &st) != VG_OK) {
        CHECKF(0, "select: %s", vg_store_errmsg(s));
        return -1;
    }
    long n = 0;
    while (sqlite3_step(st) == SQLITE_ROW)
        n++;
    sqlite3_finalize(st);
    return n;
}

static void filters(void)
{
    vg_store *s = fresh();
    build(s);
    vg_store_event more[4] = { ev("SYRGOV", "SYRREB", "195", "SYR", "2016-07-20", 0),
                               ev("SYRREB", "SYRGOV", "196", "SYR", "2016-07-27", 1),
                               ev("RUSGOV", "USAGOV", "112", "SYR", "2016-08-02", 2),
                               ev("FRAGOV", "USAGOV", "040", "FRA", "2017-01-10", 3) };
    CHECK(vg_store_begin(s) == VG_OK);
    vg_store_doc d = { "fr1", NULL, NULL, NULL, "2016-07-20", "fr", "texte", 5, 4, 42 };
    vg_doc_state st;
    CHECK(vg_store_put(s, &d, more, 4, &st) == VG_OK);
    CHECK(vg_store_commit(s) == VG_OK);
    /* 8 events: 040 RUS, 040 FRA, 2 undated 196, 195, 196, 112, 040 FRA 2017 */
    vg_select q = { VG_SEL_EVENTS, { 0 }, 0, NULL, 0 };
    vg_filter f;
    memset(&f, 0, sizeof f);
    CHECK_EQ_INT(rows(s, &f, &q), 8);
    f.has_from = true, f.from = vg_days_from_civil(2016, 7, 16);
    f.has_to = true, f.to = vg_days_from_civil(2016, 7, 31);
    CHECK_EQ_INT(rows(s, &f, &q), 2);
    memset(&f, 0, sizeof f);
    f.source[f.nsource++] = "SYR"; /* a prefix: SYRGOV and SYRREB */
    CHECK_EQ_INT(rows(s, &f, &q), 4);
    f.source[0] = "syrreb"; /* codes are upper case whatever the user typed */
    CHECK_EQ_INT(rows(s, &f, &q), 3);
    memset(&f, 0, sizeof f);
    f.target[f.ntarget++] = "USAGOV";
    CHECK_EQ_INT(rows(s, &f, &q), 2);
    memset(&f, 0, sizeof f);
    f.actor[f.nactor++] = "RUS";
    CHECK_EQ_INT(rows(s, &f, &q), 3);
    memset(&f, 0, sizeof f);
    f.between[0] = "USAGOV", f.between[1] = "RUSGOV"; /* either way: 040 ×2 and 112 */
    CHECK_EQ_INT(rows(s, &f, &q), 3);
    memset(&f, 0, sizeof f);
    f.code[f.ncode++] = "19"; /* a root */
    CHECK_EQ_INT(rows(s, &f, &q), 4);
    f.code[0] = "196";
    CHECK_EQ_INT(rows(s, &f, &q), 3);
    f.code[f.ncode++] = "04";
    CHECK_EQ_INT(rows(s, &f, &q), 6);
    memset(&f, 0, sizeof f);
    f.country[f.ncountry++] = "SYR";
    CHECK_EQ_INT(rows(s, &f, &q), 5);
    memset(&f, 0, sizeof f);
    f.quad = 1u << 4;
    CHECK_EQ_INT(rows(s, &f, &q), 4);
    f.quad |= 1u << 1;
    CHECK_EQ_INT(rows(s, &f, &q), 7);
    memset(&f, 0, sizeof f);
    f.langs = 1; /* French */
    CHECK_EQ_INT(rows(s, &f, &q), 4);
    memset(&f, 0, sizeof f);
    f.min_mentions = 2;
    CHECK_EQ_INT(rows(s, &f, &q), 1);
    memset(&f, 0, sizeof f);
    f.doc = "fr1";
    CHECK_EQ_INT(rows(s, &f, &q), 4);
    f.doc = "fr1' OR 1=1 --"; /* a value is a value, never SQL */
    CHECK_EQ_INT(rows(s, &f, &q), 0);
    memset(&f, 0, sizeof f);
    f.source[f.nsource++] = "X' OR '1'='1";
    CHECK_EQ_INT(rows(s, &f, &q), 0);
    memset(&f, 0, sizeof f);
    q.limit = 3;
    CHECK_EQ_INT(rows(s, &f, &q), 3);
    q.limit = 0;
    q.order = "-mentions";
    sqlite3_stmt *stt;
    CHECK(vg_store_select(s, &f, &q, &stt) == VG_OK);
    CHECK(sqlite3_step(stt) == SQLITE_ROW && sqlite3_column_int(stt, 8) == 6);
    sqlite3_finalize(stt);
    q.order = "nonsense; DROP TABLE events";
    CHECK(vg_store_select(s, &f, &q, &stt) == VG_EMISUSE && !stt);
    drop(s);
}

static void grouping(void)
{
    vg_store *s = fresh();
    vg_store_event e[6] = { ev("SYRREB", "SYRGOV", "196", "SYR", "2016-07-04", 0),  /* Mon, week 07-04 */
                            ev("SYRGOV", "SYRREB", "196", "SYR", "2016-07-10", 1),  /* Sun, same week */
                            ev("SYRREB", "SYRGOV", "196", "SYR", "2016-07-11", 2),  /* Mon, next week */
                            ev("SYRREB", "SYRGOV", "195", "SYR", "2016-07-11", 3),
                            ev("SYRREB", "SYRGOV", "196", "TUR", "2016-07-12", 4),
                            ev("SYRREB", "SYRGOV", "196", "SYR", "2016-08-01", 5) };
    vg_store_doc d = { "g", NULL, NULL, NULL, NULL, "en", "x", 1, 6, 1 };
    vg_doc_state st;
    CHECK(vg_store_begin(s) == VG_OK && vg_store_put(s, &d, e, 6, &st) == VG_OK && vg_store_commit(s) == VG_OK);
    vg_filter f;
    memset(&f, 0, sizeof f);
    f.code[f.ncode++] = "196";
    f.country[f.ncountry++] = "SYR";
    vg_select q = { VG_SEL_GROUPS, { VG_BY_WEEK }, 1, NULL, 0 };
    sqlite3_stmt *stt;
    CHECK(vg_store_select(s, &f, &q, &stt) == VG_OK);
    const char *want[3][2] = { { "2016-07-04", "2" }, { "2016-07-11", "1" }, { "2016-08-01", "1" } };
    int n = 0;
    while (sqlite3_step(stt) == SQLITE_ROW && n < 3) {
        CHECK_EQ_STR((const char *)sqlite3_column_text(stt, 0), want[n][0]);
        CHECK_EQ_STR((const char *)sqlite3_column_text(stt, 1), want[n][1]);
        n++;
    }
    CHECK_EQ_INT(n, 3);
    sqlite3_finalize(stt);
    memset(&f, 0, sizeof f);
    struct {
        vg_by by[2];
        int nby;
        long groups;
        const char *first;
    } cases[] = {
        { { VG_BY_DAY }, 1, 5, "2016-07-04" },   { { VG_BY_MONTH }, 1, 2, "2016-07" },
        { { VG_BY_YEAR }, 1, 1, "2016" },        { { VG_BY_DYAD }, 1, 2, "SYRGOV" },
        { { VG_BY_SOURCE }, 1, 2, "SYRGOV" },    { { VG_BY_TARGET }, 1, 2, "SYRGOV" },
        { { VG_BY_CODE }, 1, 2, "195" },         { { VG_BY_ROOT }, 1, 1, "19" },
        { { VG_BY_QUAD }, 1, 1, "4" },           { { VG_BY_COUNTRY }, 1, 2, "SYR" },
        { { VG_BY_MONTH, VG_BY_CODE }, 2, 3, "2016-07" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        vg_select g = { VG_SEL_GROUPS, { cases[i].by[0], cases[i].by[1] }, cases[i].nby, NULL, 0 };
        CHECK(vg_store_select(s, &f, &g, &stt) == VG_OK);
        long k = 0;
        while (sqlite3_step(stt) == SQLITE_ROW) {
            if (!k)
                CHECKF(!strcmp((const char *)sqlite3_column_text(stt, 0), cases[i].first), "group %zu: first %s",
                       i, sqlite3_column_text(stt, 0));
            k++;
        }
        CHECKF(k == cases[i].groups, "group %zu: %ld groups, expected %ld", i, k, cases[i].groups);
        sqlite3_finalize(stt);
    }
    /* order by count, descending: the dyad SYRREB→SYRGOV (5 events) first */
    vg_select g = { VG_SEL_GROUPS, { VG_BY_DYAD }, 1, "-events", 0 };
    CHECK(vg_store_select(s, &f, &g, &stt) == VG_OK);
    CHECK(sqlite3_step(stt) == SQLITE_ROW && !strcmp((const char *)sqlite3_column_text(stt, 0), "SYRREB") &&
          sqlite3_column_int(stt, 2) == 5);
    sqlite3_finalize(stt);
    CHECK_EQ_INT(vg_by_parse("week"), VG_BY_WEEK);
    CHECK_EQ_INT(vg_by_parse("fortnight"), VG_BY_COUNT);
    drop(s);
}

static void versions_and_modes(void)
{
    vg_store *s = fresh();
    CHECK_EQ_INT(one(s, "PRAGMA user_version"), VG_STORE_SCHEMA);
    CHECK_EQ_INT(one(s, "SELECT count(*) FROM codes WHERE code = '196' AND quad = 4"), 1);
    CHECK(vg_store_set_dict(s, "0123456789abcdef") == VG_OK);
    CHECK(vg_store_set_dict(s, "0123456789abcdef") == VG_OK); /* once only */
    CHECK_EQ_INT(one(s, "SELECT count(*) FROM dictionaries"), 1);
    sqlite3_exec(vg_store_db(s), "PRAGMA user_version = 99", NULL, NULL, NULL);
    vg_store_close(s);
    vg_store *t = NULL;
    CHECK(vg_store_open(path, 0, &t) == VG_EFORMAT && strstr(vg_store_errmsg(t), "newer"));
    vg_store_close(t);
    CHECK(vg_store_open(path, VG_STORE_READONLY, &t) == VG_EFORMAT);
    vg_store_close(t);
    /* an SQLite file that is not a store is refused, and left alone */
    unlink(path);
    sqlite3 *db;
    sqlite3_open(path, &db);
    sqlite3_exec(db, "CREATE TABLE mine (x); INSERT INTO mine VALUES (1)", NULL, NULL, NULL);
    sqlite3_close(db);
    CHECK(vg_store_open(path, 0, &t) == VG_EFORMAT && strstr(vg_store_errmsg(t), "not a vigie store"));
    vg_store_close(t);
    /* read-only: no writing */
    drop(fresh());
    s = fresh();
    vg_store_close(s);
    CHECK(vg_store_open(path, VG_STORE_READONLY, &t) == VG_OK);
    vg_store_doc d = { "x", NULL, NULL, NULL, NULL, "en", "x", 1, 1, 1 };
    vg_doc_state st;
    CHECK(vg_store_put(t, &d, NULL, 0, &st) != VG_OK);
    CHECK(sqlite3_exec(vg_store_db(t), "DELETE FROM codes", NULL, NULL, NULL) != SQLITE_OK);
    drop(t);
    CHECK(vg_store_open("/nonexistent/dir/x.db", 0, &t) == VG_EIO && strstr(vg_store_errmsg(t), "/nonexistent"));
    vg_store_close(t);
}

int main(int argc, char **argv)
{
    h_init(argc, argv);
    RUN(dedup_counts);
    RUN(idempotent_and_replacing);
    RUN(filters);
    RUN(grouping);
    RUN(versions_and_modes);
    return h_report();
}
