/* bench_store.c — the event store alone: events already coded go in through vg_store_put(), as
** `vigie ingest` puts them, then a grouped query runs over the result.
**
** The events are synthetic but shaped like news: countries and event codes drawn from skewed
** (Zipf-like) distributions, actors a country plus a role, documents arriving in date order over
** 2010–2020 (a feed) and reporting events of the last days, and one event in three a report of an
** event already seen (same day, dyad, code and place), so that the dedup path
** is exercised as it is on real feeds. Evidence text is not stored (the figure asked for is the
** store's size before evidence).
**
** Usage: bench_store DB EVENTS [EVENTS_PER_DOC [DOCS_PER_TRANSACTION]]
** Reports: documents/s and events/s of the insert path, bytes per event, and the time of
** "--country <busiest> --from Y --to Y --by week,root" (first run and best of 5). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core.h"
#include "store.h"

static uint64_t rng = 0x2545F4914F6CDD1Dull;
static uint64_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}
/* 0..n-1, small values far more likely: rank k drawn with weight ~ 1/(k+1). */
static unsigned zipf(unsigned n)
{
    double u = (double)(next() >> 11) / 9007199254740992.0;
    return (unsigned)(pow((double)n + 1, u) - 1) % n;
}

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static const char *countries[] = {
    "SYR", "USA", "RUS", "UKR", "IRQ", "ISR", "PSE", "AFG", "FRA", "GBR", "CHN", "IRN", "TUR", "YEM", "LBY",
    "MLI", "NGA", "SOM", "SDN", "SSD", "COD", "CAF", "EGY", "SAU", "DEU", "IND", "PAK", "PRK", "KOR", "JPN",
    "VEN", "COL", "MEX", "BRA", "ETH", "KEN", "LBN", "JOR", "QAT", "ARE", "DZA", "MAR", "TUN", "NER", "BFA",
    "TCD", "CMR", "MMR", "PHL", "IDN", "THA", "BLR", "GEO", "ARM", "AZE", "SRB", "POL", "ITA", "ESP", "BEL",
};
static const char *roles[] = { "GOV", "MIL", "", "REB", "OPP", "COP", "CVL", "BUS", "MED", "JUD" };
#define NC (sizeof countries / sizeof countries[0])
#define NR (sizeof roles / sizeof roles[0])

static void random_event(vg_store_event *e, const char **codes, const uint8_t *quads, unsigned ncodes, int32_t today)
{
    memset(e, 0, sizeof *e);
    const char *c1 = countries[zipf(NC)], *c2 = countries[zipf(NC)];
    snprintf(e->source, sizeof e->source, "%s%s", c1, roles[zipf(NR)]);
    snprintf(e->target, sizeof e->target, "%s%s", c2, roles[zipf(NR)]);
    unsigned ci = zipf(ncodes);
    snprintf(e->code, sizeof e->code, "%s", codes[ci]);
    e->quad = quads[ci];
    snprintf(e->country, sizeof e->country, "%s", next() % 4 ? c1 : next() % 2 ? c2 : "");
    e->has_day = 1;
    e->day = today - (int32_t)zipf(30); /* mostly today or yesterday; sometimes weeks back */
    e->confidence = 0.7f;
    for (int k = 0; k < 6; k++)
        e->span[k] = (uint32_t)(100 + 10 * k + next() % 900);
    snprintf(e->rule, sizeof e->rule, "data/dict/%s/triggers.txt:%u", next() % 2 ? "fr" : "en",
             (unsigned)(1 + zipf(1500)));
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: bench_store DB EVENTS [EVENTS_PER_DOC]\n");
        return 2;
    }
    const char *path = argv[1];
    long total = atol(argv[2]), per = argc > 3 ? atol(argv[3]) : 5, batch = argc > 4 ? atol(argv[4]) : 10000;
    vg_store_remove(path);
    vg_store *s;
    if (vg_store_open(path, VG_STORE_NO_EVIDENCE, &s) != VG_OK) {
        fprintf(stderr, "bench_store: %s\n", vg_store_errmsg(s));
        return 1;
    }
    const char *codes[400];
    uint8_t quads[400];
    unsigned ncodes = 0;
    const vg_code_info *ci;
    for (size_t i = 0; (ci = vg_codebook(i)) && ncodes < 400; i++)
        if (strlen(ci->code) >= 3) {
            quads[ncodes] = (uint8_t)ci->quad;
            codes[ncodes++] = ci->code;
        }
    /* shuffle, so that the busy codes are not all of root 01 */
    for (unsigned i = ncodes - 1; i > 0; i--) {
        unsigned j = (unsigned)(next() % (i + 1));
        const char *t = codes[i];
        uint8_t qt = quads[i];
        codes[i] = codes[j];
        quads[i] = quads[j];
        codes[j] = t;
        quads[j] = qt;
    }
    vg_store_event *ev = calloc((size_t)per, sizeof *ev);
    static vg_store_event recent[1024];
    long nrecent = 0, done = 0, docs = 0;
    char id[64], url[128];
    static const char text[] = "(synthetic document)";
    vg_store_set_dict(s, "bench");
    double t0 = now(), tlast = t0;
    vg_store_begin(s);
    int32_t day0 = vg_days_from_civil(2010, 1, 1);
    while (done < total) {
        /* documents arrive in date order, as a feed does: 11 years over the run */
        int32_t today = day0 + (int32_t)((double)done / (double)total * 4018);
        long n = per;
        if (n > total - done)
            n = total - done;
        for (long k = 0; k < n; k++) {
            if (nrecent && next() % 3 == 0) { /* another report of an event seen lately */
                ev[k] = recent[next() % (nrecent < 1024 ? (unsigned long)nrecent : 1024)];
            } else {
                random_event(&ev[k], codes, quads, ncodes, today);
                recent[nrecent++ % 1024] = ev[k];
            }
            ev[k].sentence = (uint32_t)k;
        }
        snprintf(id, sizeof id, "bench-%ld", docs);
        snprintf(url, sizeof url, "https://site%u.example/%ld", zipf(500), docs);
        vg_store_doc d = { id, url, NULL, NULL, NULL, docs % 2 ? "fr" : "en", text, sizeof text - 1, 20, 0 };
        d.hash = vg_hash64(id, strlen(id), 1);
        vg_doc_state st;
        if (vg_store_put(s, &d, ev, (size_t)n, &st) != VG_OK) {
            fprintf(stderr, "bench_store: %s\n", vg_store_errmsg(s));
            return 1;
        }
        done += n;
        if (++docs % batch == 0) {
            vg_store_commit(s);
            vg_store_begin(s);
        }
        if (done % 1000000 < per && now() - tlast > 5) {
            tlast = now();
            fprintf(stderr, "  … %ld events, %.0f events/s\n", done, done / (tlast - t0));
        }
    }
    vg_store_commit(s);
    double t1 = now();
    sqlite3_exec(vg_store_db(s), "PRAGMA analysis_limit = 1000; ANALYZE; PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL,
                 NULL);
    vg_store_counts c;
    vg_store_count(s, &c);
    struct stat sb;
    stat(path, &sb);
    printf("  insert path: %ld documents, %ld events coded -> %lld event rows, %lld mentions (dedup merged %.0f%%)\n",
           docs, done, (long long)c.events, (long long)c.mentions, 100.0 * (1.0 - (double)c.events / (double)done));
    printf("  %.1f s: %.0f documents/s, %.0f events/s\n", t1 - t0, docs / (t1 - t0), done / (t1 - t0));
    printf("  store: %.1f MB, %.0f bytes per event row (%.0f per coded event), evidence text not stored\n",
           (double)sb.st_size / 1e6, (double)sb.st_size / (double)c.events, (double)sb.st_size / (double)done);

    /* the grouped query: the busiest country, one year, by week and root */
    vg_filter f;
    memset(&f, 0, sizeof f);
    f.country[f.ncountry++] = countries[0];
    f.has_from = f.has_to = true;
    f.from = vg_days_from_civil(2016, 1, 1);
    f.to = vg_days_from_civil(2016, 12, 31);
    vg_select q = { VG_SEL_GROUPS, { VG_BY_WEEK, VG_BY_ROOT }, 2, NULL, 0 };
    double best = 1e9, first = 0;
    long groups = 0, events = 0;
    for (int run = 0; run < 5; run++) {
        double a = now();
        sqlite3_stmt *st;
        if (vg_store_select(s, &f, &q, &st) != VG_OK) {
            fprintf(stderr, "bench_store: %s\n", vg_store_errmsg(s));
            return 1;
        }
        groups = events = 0;
        while (sqlite3_step(st) == SQLITE_ROW) {
            groups++;
            events += sqlite3_column_int64(st, 2);
        }
        sqlite3_finalize(st);
        double t = now() - a;
        if (!run)
            first = t;
        if (t < best)
            best = t;
    }
    printf("  query --country %s --from 2016 --to 2016 --by week,root over %lld events: %ld groups of %ld events,"
           " %.3f s first run, %.3f s best of 5\n",
           countries[0], (long long)c.events, groups, events, first, best);
    vg_store_close(s);
    free(ev);
    return 0;
}
