/* test_eval.c — the scorer on passages worked out by hand: levels, symmetric codes, optional gold
** events, multisets, counts by root and the confusion table; and gold "events" arrays read. */
#include <string.h>

#include "eval.h"
#include "harness.h"
#include "ingest.h"

#define EV(s, t, c) { s, t, c, false }
#define OPT(s, t, c) { s, t, c, true }

static void levels(void)
{
    vg_scores s;
    vg_scores_init(&s);
    vg_ev gold[] = { EV("USAGOV", "RUSGOV", "042"), EV("RUSGOV", "USAGOV", "112") };
    vg_ev sys[] = { EV("USA", "RUSGOV", "043"), EV("RUSMIL", "USAGOV", "1121") };
    vg_match gm[2], sm[2];
    vg_score_passage(&s, "en", gold, 2, sys, 2, 0, gm, sm);
    const vg_counts3 *all = s.by[VG_EVAL_MAX_LANGS];
    /* dyad+root: USA/RUS 04 and RUS/USA 11 both match */
    CHECK_EQ_INT(all[VG_LV_DYAD_ROOT].tp, 2);
    CHECK_EQ_INT(all[VG_LV_DYAD_ROOT].fp, 0);
    /* dyad+code: 042 vs 043 differ; 112 vs 112(1) match */
    CHECK_EQ_INT(all[VG_LV_DYAD_CODE].tp, 1);
    CHECK_EQ_INT(all[VG_LV_DYAD_CODE].fp, 1);
    CHECK_EQ_INT(all[VG_LV_DYAD_CODE].fn, 1);
    /* full: nothing is exact */
    CHECK_EQ_INT(all[VG_LV_FULL].tp, 0);
    CHECK_EQ_INT(all[VG_LV_FULL].fn, 2);
    CHECK_EQ_INT(all[VG_LV_ROOT].tp, 2);
    CHECK(gm[0] == VG_MATCH_TP && sm[1] == VG_MATCH_TP);
    CHECK_EQ_STR(s.langs[0], "en");
    CHECK_EQ_INT(s.by[0][VG_LV_FULL].fn, 2); /* the language's row is the same as all's */
}

static void symmetric_optional_multiset(void)
{
    vg_scores s;
    vg_scores_init(&s);
    /* consult is symmetric: RUS->USA matches USA->RUS; accuse is not */
    vg_ev gold[] = { EV("USAGOV", "RUSGOV", "040"), EV("FRA", "DEU", "112"), OPT("FRA", "DEU", "042") };
    vg_ev sys[] = { EV("RUSGOV", "USAGOV", "040"), EV("DEU", "FRA", "112"), EV("FRA", "DEU", "042"),
                    EV("FRA", "DEU", "042") };
    vg_match gm[3], sm[4];
    vg_score_passage(&s, "fr", gold, 3, sys, 4, 0, gm, sm);
    const vg_counts3 *c = &s.by[VG_EVAL_MAX_LANGS][VG_LV_DYAD_ROOT];
    CHECK_EQ_INT(c->tp, 1); /* the consult */
    CHECK_EQ_INT(c->fn, 1); /* FRA->DEU 112 missed (DEU->FRA is another event) */
    CHECK_EQ_INT(c->fp, 2); /* DEU->FRA 112, and the second 042: one optional excuses one */
    CHECK(sm[0] == VG_MATCH_TP && sm[1] == VG_MATCH_FP && sm[2] == VG_MATCH_EXCUSED && sm[3] == VG_MATCH_FP);
    CHECK(gm[1] == VG_MATCH_FN && gm[2] == VG_MATCH_OPTIONAL);
    CHECK_EQ_INT(s.gold_events, 2);
    double p, r, f;
    vg_prf(c, &p, &r, &f);
    CHECK(p > 0.333 && p < 0.334 && r == 0.5 && f > 0.399 && f < 0.401);
    /* counts by root; the missed FRA->DEU 112 and the false FRA->DEU 042 are one dyad's two roots
    ** (DEU->FRA 112 is another dyad: no confusion) */
    CHECK_EQ_INT(s.root[VG_EVAL_MAX_LANGS][11].fn, 1);
    CHECK_EQ_INT(s.root[VG_EVAL_MAX_LANGS][11].fp, 1);
    CHECK_EQ_INT(s.root[VG_EVAL_MAX_LANGS][4].tp, 1);
    CHECK_EQ_INT(s.root[VG_EVAL_MAX_LANGS][4].fp, 1);
    for (int g = 0; g <= 20; g++)
        for (int y = 0; y <= 20; y++)
            CHECK_EQ_INT(s.confusion[g][y], g == 11 && y == 4);
}

static void confusion(void)
{
    vg_scores s;
    vg_scores_init(&s);
    vg_ev gold[] = { EV("ISR", "PSE", "195"), EV("EGY", "ISR", "036") };
    vg_ev sys[] = { EV("ISRMIL", "PSEREB", "173"), EV("EGYGOV", "ISRGOV", "036") };
    vg_score_passage(&s, "en", gold, 2, sys, 2, 0, NULL, NULL);
    CHECK_EQ_INT(s.confusion[19][17], 1);
    CHECK_EQ_INT(s.by[VG_EVAL_MAX_LANGS][VG_LV_DYAD_ROOT].tp, 1);
    /* an empty passage: nothing counted but the passage */
    vg_score_passage(&s, "en", NULL, 0, NULL, 0, 0, NULL, NULL);
    CHECK_EQ_INT(s.passages, 2);
}

/* "distinct": true (a whole article): events are sets, as score.py compares them */
static void distinct_sets(void)
{
    vg_scores a, b;
    vg_scores_init(&a);
    vg_scores_init(&b);
    vg_ev gold[] = { EV("SEN", "MLI", "111"), EV("SEN", "MLI", "111"), { "GMB", "MLI", "040", true },
                     EV("GMB", "MLI", "040") };
    /* the title and the lead code the same condemnation; a false event twice */
    vg_ev sys[] = { EV("SENGOV", "MLIGOV", "111"), EV("SEN", "MLI", "112"), EV("SEN", "MLI", "111"),
                    EV("GIN", "MLI", "190"), EV("GIN", "MLI", "190") };
    vg_match gm[4], sm[5];
    vg_score_passage(&a, "fr", gold, 4, sys, 5, 1, gm, sm);
    const vg_counts3 *c = &a.by[VG_EVAL_MAX_LANGS][VG_LV_DYAD_ROOT];
    CHECK_EQ_INT(c->tp, 1); /* SEN-MLI-11 once */
    CHECK_EQ_INT(c->fp, 1); /* GIN-MLI-19 once */
    CHECK_EQ_INT(c->fn, 1); /* GMB-MLI-04, the optional twin set aside */
    CHECK_EQ_INT(sm[2], VG_MATCH_EXCUSED);
    CHECK_EQ_INT(sm[4], VG_MATCH_EXCUSED);
    CHECK_EQ_INT(gm[2], VG_MATCH_OPTIONAL);
    /* the same passage as multisets: the repeats count (three SEN-MLI-11 for two gold ones) */
    vg_score_passage(&b, "fr", gold, 4, sys, 5, 0, NULL, NULL);
    c = &b.by[VG_EVAL_MAX_LANGS][VG_LV_DYAD_ROOT];
    CHECK_EQ_INT(c->tp, 2);
    CHECK_EQ_INT(c->fp, 3);
    CHECK_EQ_INT(c->fn, 1);
}

static vg_gold_event got[8];
static char strs[8][3][16];
static int ngot;
static void collect(void *ctx, const vg_gold_event *e)
{
    (void)ctx;
    if (ngot < 8) {
        snprintf(strs[ngot][0], 16, "%s", e->source);
        snprintf(strs[ngot][1], 16, "%s", e->target);
        snprintf(strs[ngot][2], 16, "%s", e->code);
        got[ngot] = (vg_gold_event){ strs[ngot][0], strs[ngot][1], strs[ngot][2], e->optional };
    }
    ngot++;
}

static void gold_arrays(void)
{
    char err[128];
    const char *a = "[{\"source\": \"FRA\", \"target\": null, \"code\": 112, \"note\": [1, {\"x\": 2}]},"
                    " {\"code\": \"040\", \"optional\": true, \"source\": \"\\u0055SA\"}, {}]";
    ngot = 0;
    CHECK_EQ_INT(vg_json_events(a, strlen(a), collect, NULL, err, sizeof err), VG_OK);
    CHECK_EQ_INT(ngot, 3);
    CHECK_EQ_STR(got[0].source, "FRA");
    CHECK_EQ_STR(got[0].target, ""); /* null is absent */
    CHECK_EQ_STR(got[0].code, "112"); /* a number as written, as score.py's str() */
    CHECK(!got[0].optional && got[1].optional);
    CHECK_EQ_STR(got[1].source, "USA");
    CHECK_EQ_STR(got[2].code, "");
    ngot = 0;
    CHECK_EQ_INT(vg_json_events("[1]", 3, collect, NULL, err, sizeof err), VG_EFORMAT);
    CHECK(err[0]);
    CHECK_EQ_INT(vg_json_events("{}", 2, collect, NULL, err, sizeof err), VG_EFORMAT);
    CHECK_EQ_INT(vg_json_events("[{\"code\": \"04", 13, collect, NULL, err, sizeof err), VG_EFORMAT);
    CHECK_EQ_INT(ngot, 0);
}

int main(int argc, char **argv)
{
    h_init(argc, argv);
    RUN(levels);
    RUN(symmetric_optional_multiset);
    RUN(confusion);
    RUN(distinct_sets);
    RUN(gold_arrays);
    return h_report();
}
