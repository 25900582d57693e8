/* fuzz_store.c — libFuzzer target for the event store. The input is read as a little program: each
** step puts a document (its id, site, language and events drawn from a few bytes, so that ids,
** dedup keys and sites collide often) or replaces one, or rolls a transaction back; then a query
** with filters and grouping drawn from the bytes. After every input the store must hold what the
** rule says (docs/store.md §2): each event's counts equal what its mentions give, its root is its
** first mention, no mention without an event, no event without a mention. A violation aborts.
** The store is in memory (":memory:"), new for every input. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "store.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct {
    const uint8_t *p;
    size_t n;
} input;

static unsigned byte(input *in)
{
    if (!in->n)
        return 0;
    in->n--;
    return *in->p++;
}

static const char *actors[] = { "USAGOV", "RUSGOV", "SYR", "SYRREB", "FRA", "IGOUNO", "UKRMIL", "X" };
static const char *codes[] = { "040", "112", "1123", "195", "196", "0871", "190", "020" };
static const char *countries[] = { "", "SYR", "RUS", "UKR" };

static long long one(vg_store *s, const char *sql)
{
    sqlite3_stmt *st;
    long long v = -1;
    if (sqlite3_prepare_v2(vg_store_db(s), sql, -1, &st, NULL) != SQLITE_OK)
        abort();
    if (sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

static void invariants(vg_store *s)
{
    static const char *const bad[] = {
        ("SELECT count(*) FROM events e WHERE mentions != (SELECT count(*) FROM mentions WHERE event = e.id)"
        " OR articles != (SELECT count(DISTINCT doc) FROM mentions WHERE event = e.id)"
        " OR sources != (SELECT count(DISTINCT site) FROM mentions WHERE event = e.id)"
        " OR first_mention != (SELECT min(id) FROM mentions WHERE event = e.id)"),
        "SELECT count(*) FROM mentions m LEFT JOIN events e ON e.id = m.event WHERE e.id IS NULL",
        "SELECT count(*) FROM mentions m LEFT JOIN documents d ON d.id = m.doc WHERE d.id IS NULL",
        ("SELECT count(*) FROM documents d WHERE events != (SELECT count(*) FROM mentions WHERE doc = d.id)"
        " OR (events > 0 AND (SELECT min(id) FROM mentions WHERE doc = d.id) != first_mention)"
        " OR (events > 0 AND (SELECT max(id) FROM mentions WHERE doc = d.id) != first_mention + events - 1)"),
        ("SELECT count(*) FROM (SELECT day, source, target, code, country FROM events WHERE day IS NOT NULL"
         " GROUP BY 1, 2, 3, 4, 5 HAVING count(*) > 1)"),
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        if (one(s, bad[i]) != 0) {
            fprintf(stderr, "invariant %zu broken\n", i);
            abort();
        }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    input in = { data, size };
    vg_store *s = NULL;
    if (vg_store_open(":memory:", 0, &s) != VG_OK)
        abort();
    vg_store_event ev[8];
    char id[16], text[32];
    int open = 0;
    for (int step = 0; step < 64 && in.n; step++) {
        unsigned op = byte(&in);
        if (!open) {
            if (vg_store_begin(s) != VG_OK)
                abort();
            open = 1;
        }
        if (op % 16 == 0) { /* the batch is lost: as if the run were killed */
            vg_store_rollback(s);
            open = 0;
            continue;
        }
        if (op % 16 == 1) {
            if (vg_store_commit(s) != VG_OK)
                abort();
            open = 0;
            continue;
        }
        unsigned n = byte(&in) % 8, meta = byte(&in);
        for (unsigned k = 0; k < n; k++) {
            unsigned a = byte(&in), b = byte(&in);
            memset(&ev[k], 0, sizeof ev[k]);
            snprintf(ev[k].source, sizeof ev[k].source, "%s", actors[a % 8]);
            snprintf(ev[k].target, sizeof ev[k].target, "%s", actors[(a >> 3) % 8]);
            snprintf(ev[k].code, sizeof ev[k].code, "%s", codes[b % 8]);
            snprintf(ev[k].country, sizeof ev[k].country, "%s", countries[(b >> 3) % 4]);
            ev[k].has_day = (b >> 5) != 0;
            ev[k].day = 17000 + (int32_t)(b >> 5);
            ev[k].quad = (uint8_t)(1 + a % 4);
            ev[k].sentence = k + (a >> 6);
            ev[k].sent_start = 0;
            ev[k].sent_end = 4;
            ev[k].span[0] = 0;
            ev[k].span[1] = 2;
            ev[k].confidence = (float)(b % 100) / 100.0f;
            snprintf(ev[k].rule, sizeof ev[k].rule, "fuzz:%u", a % 5);
        }
        snprintf(id, sizeof id, "d%u", op % 7);                /* few ids: replacements */
        snprintf(text, sizeof text, "text %u %u", op % 3, meta); /* a changed hash, or the same */
        const char *url = meta % 3 == 0 ? NULL : meta % 3 == 1 ? "https://a.example/x" : "http://www.b.example/y";
        vg_store_doc d = { id, url, NULL, meta % 5 == 0 ? "Agency" : NULL, "2016-07-14", meta % 2 ? "fr" : "en",
                           text, strlen(text), 8, 0 };
        d.hash = vg_store_doc_hash(text, d.len, d.date, d.lang, url, NULL, d.source);
        vg_doc_state st;
        if (vg_store_put(s, &d, ev, n, &st) != VG_OK)
            abort();
    }
    if (open && vg_store_commit(s) != VG_OK)
        abort();
    invariants(s);
    /* a query drawn from what is left */
    vg_filter f;
    memset(&f, 0, sizeof f);
    unsigned q = byte(&in), r = byte(&in);
    if (q & 1)
        f.source[f.nsource++] = actors[r % 8];
    if (q & 2)
        f.code[f.ncode++] = codes[(r >> 3) % 8];
    if (q & 4)
        f.country[f.ncountry++] = countries[(r >> 5) % 4];
    if (q & 8)
        f.between[0] = actors[r % 8], f.between[1] = actors[(r >> 4) % 8];
    f.quad = (q >> 4) & 0x1E;
    f.min_mentions = r >> 6;
    vg_select sel = { (vg_sel_kind)(q % 3), { (vg_by)(r % VG_BY_COUNT), (vg_by)((r >> 4) % VG_BY_COUNT) },
                      (int)(1 + (q >> 7)), NULL, (int64_t)(r % 4) };
    sqlite3_stmt *st;
    if (vg_store_select(s, &f, &sel, &st) != VG_OK)
        abort();
    while (sqlite3_step(st) == SQLITE_ROW)
        ;
    sqlite3_finalize(st);
    vg_store_close(s);
    return 0;
}
