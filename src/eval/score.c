/* score.c — the counts of ../shared/eval/score.py, computed the same way, plus what it does not
** show: counts by CAMEO root and a confusion table between roots.
**
** score.py matches multisets of keys; here each system event looks for an unused required gold
** event with the same key, then (if none) for an unused optional one. Taking any equal key first
** gives the same counts as the multiset arithmetic (min of the two counts per key), and it tells
** which events are the false and the missed ones, which the error listing needs. A passage holds a
** few events, so the quadratic search costs nothing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eval.h"

const char *const vg_level_names[VG_LV_COUNT] = { "dyad+root", "dyad+code", "full", "root-only" };

void vg_scores_init(vg_scores *s) { memset(s, 0, sizeof *s); }

/* An event's dyad with the symmetric codes put in order, as score.py's keys() does. */
typedef struct {
    const char *s, *t, *c;
} key;

static key key_of(const vg_ev *e)
{
    key k = { e->source ? e->source : "", e->target ? e->target : "", e->code ? e->code : "" };
    if ((!strncmp(k.c, "040", 3) || !strncmp(k.c, "046", 3) || !strncmp(k.c, "057", 3)) && strcmp(k.t, k.s) < 0) {
        const char *x = k.s;
        k.s = k.t;
        k.t = x;
    }
    return k;
}

/* Python's a[:n] == b[:n]; n 0 compares whole strings. */
static int prefix_eq(const char *a, const char *b, size_t n) { return n ? !strncmp(a, b, n) : !strcmp(a, b); }

static int same(const key *a, const key *b, int level)
{
    switch (level) {
    case VG_LV_DYAD_ROOT: return prefix_eq(a->s, b->s, 3) && prefix_eq(a->t, b->t, 3) && prefix_eq(a->c, b->c, 2);
    case VG_LV_DYAD_CODE: return prefix_eq(a->s, b->s, 3) && prefix_eq(a->t, b->t, 3) && prefix_eq(a->c, b->c, 3);
    case VG_LV_FULL: return !strcmp(a->s, b->s) && !strcmp(a->t, b->t) && !strcmp(a->c, b->c);
    default: return prefix_eq(a->c, b->c, 2);
    }
}

static int root_index(const char *code)
{
    if (!code || code[0] < '0' || code[0] > '9' || code[1] < '0' || code[1] > '9')
        return 0;
    int r = (code[0] - '0') * 10 + code[1] - '0';
    return r >= 1 && r <= 20 ? r : 0;
}

static int lang_slot(vg_scores *s, const char *lang)
{
    for (int i = 0; i < s->nlangs; i++)
        if (!strcmp(s->langs[i], lang))
            return i;
    if (s->nlangs == VG_EVAL_MAX_LANGS)
        return VG_EVAL_MAX_LANGS - 1; /* more languages than slots: the last one takes the rest */
    snprintf(s->langs[s->nlangs], sizeof s->langs[0], "%s", lang);
    return s->nlangs++;
}

void vg_score_passage(vg_scores *s, const char *lang, const vg_ev *gold, size_t ng, const vg_ev *sys, size_t ns,
                      int distinct, vg_match *gold_match, vg_match *sys_match)
{
    int li = lang_slot(s, lang ? lang : ""), all = VG_EVAL_MAX_LANGS;
    s->passages++;
    for (size_t i = 0; i < ng; i++)
        s->gold_events += !gold[i].optional;
    s->sys_events += ns;
    key *gk = malloc((ng + ns + 1) * sizeof *gk), *sk = gk + ng;
    unsigned char *gused = calloc(ng + ns + 1, 1), *sfate = gused + ng;
    if (!gk || !gused) {
        free(gk);
        free(gused);
        return;
    }
    for (size_t i = 0; i < ng; i++)
        gk[i] = key_of(&gold[i]);
    for (size_t i = 0; i < ns; i++)
        sk[i] = key_of(&sys[i]);
    for (int level = 0; level < VG_LV_COUNT; level++) {
        memset(gused, 0, ng + ns);
        vg_counts3 c = { 0, 0, 0 };
        if (distinct) {
            /* a whole article lists each distinct event once: events are sets at this level (score.py's
            ** "distinct"). A repeat is set aside: a system event coded again counts neither way, a
            ** gold event again is not missed twice, an optional one that a required one covers is gone */
            for (size_t i = 0; i < ns; i++)
                for (size_t k = 0; k < i && !sfate[i]; k++)
                    if (same(&sk[i], &sk[k], level))
                        sfate[i] = VG_MATCH_EXCUSED + 1;
            for (size_t g = 0; g < ng; g++)
                for (size_t k = 0; k < ng && !gused[g]; k++)
                    if (k != g && same(&gk[g], &gk[k], level) &&
                        ((gold[k].optional == gold[g].optional && k < g) || (gold[g].optional && !gold[k].optional)))
                        gused[g] = 2;
        }
        for (int optional = 0; optional < 2; optional++) /* required gold first, then optional */
            for (size_t i = 0; i < ns; i++) {
                if (sfate[i])
                    continue;
                for (size_t g = 0; g < ng; g++)
                    if (!gused[g] && gold[g].optional == optional && same(&sk[i], &gk[g], level)) {
                        gused[g] = 1;
                        sfate[i] = optional ? VG_MATCH_EXCUSED + 1 : VG_MATCH_TP + 1;
                        break;
                    }
            }
        for (size_t i = 0; i < ns; i++) {
            if (!sfate[i])
                sfate[i] = VG_MATCH_FP + 1;
            c.tp += sfate[i] == VG_MATCH_TP + 1;
            c.fp += sfate[i] == VG_MATCH_FP + 1;
        }
        for (size_t g = 0; g < ng; g++)
            c.fn += !gold[g].optional && !gused[g];
        s->exact[level] += !c.fp && !c.fn;
        for (int k = 0; k < 2; k++) {
            vg_counts3 *t = &s->by[k ? all : li][level];
            t->tp += c.tp, t->fp += c.fp, t->fn += c.fn;
        }
        if (level == s->err_level) { /* the fates, for the error listing */
            for (size_t i = 0; i < ns; i++)
                if (sys_match)
                    sys_match[i] = (vg_match)(sfate[i] - 1);
            for (size_t g = 0; g < ng && gold_match; g++)
                gold_match[g] = gold[g].optional || gused[g] == 2 ? VG_MATCH_OPTIONAL : gused[g] ? VG_MATCH_TP : VG_MATCH_FN;
        }
        if (level != VG_LV_DYAD_ROOT)
            continue;
        /* the dyad+root fates: counts by root and the confusion table */
        for (size_t i = 0; i < ns; i++) {
            vg_match m = (vg_match)(sfate[i] - 1);
            int r = root_index(sk[i].c);
            for (int k = 0; k < 2; k++) {
                vg_counts3 *t = &s->root[k ? all : li][r];
                t->tp += m == VG_MATCH_TP, t->fp += m == VG_MATCH_FP;
            }
        }
        for (size_t g = 0; g < ng; g++) {
            if (!gold[g].optional && !gused[g])
                for (int k = 0; k < 2; k++)
                    s->root[k ? all : li][root_index(gk[g].c)].fn++;
        }
        /* a missed gold event and a false system event of the same dyad: the coder saw the pair
        ** and chose another root */
        for (size_t g = 0; g < ng; g++) {
            if (gold[g].optional || gused[g])
                continue;
            for (size_t i = 0; i < ns; i++)
                if (sfate[i] == VG_MATCH_FP + 1 && prefix_eq(sk[i].s, gk[g].s, 3) && prefix_eq(sk[i].t, gk[g].t, 3)) {
                    s->confusion[root_index(gk[g].c)][root_index(sk[i].c)]++;
                    sfate[i] = 0xFF; /* paired once */
                    break;
                }
        }
        for (size_t i = 0; i < ns; i++)
            if (sfate[i] == 0xFF)
                sfate[i] = VG_MATCH_FP + 1;
    }
    free(gk);
    free(gused);
}

void vg_prf(const vg_counts3 *c, double *p, double *r, double *f)
{
    *p = c->tp + c->fp ? (double)c->tp / (double)(c->tp + c->fp) : 0.0;
    *r = c->tp + c->fn ? (double)c->tp / (double)(c->tp + c->fn) : 0.0;
    *f = *p + *r > 0 ? 2 * *p * *r / (*p + *r) : 0.0;
}
