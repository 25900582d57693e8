/* eval.h — scoring coded events against gold records, exactly as ../shared/eval/score.py does.
**
** Per passage, events are compared as multisets of keys at four levels:
**   dyad+root  source[:3], target[:3], code[:2]
**   dyad+code  source[:3], target[:3], code[:3]
**   full       source, target, code
**   root-only  code[:2]
** Consult (040), negotiate (046) and sign an agreement (057) are symmetric: their dyad is put in
** byte order first. A gold event marked optional earns nothing and costs nothing: a system event
** beyond the required ones that an optional one covers is not a false positive.
** Internal to libvigie; `vigie eval` (src/cli/cmd_eval.c) prints what it counts. */
#ifndef VG_EVAL_H
#define VG_EVAL_H

#include "core.h"

enum { VG_LV_DYAD_ROOT, VG_LV_DYAD_CODE, VG_LV_FULL, VG_LV_ROOT, VG_LV_COUNT };
extern const char *const vg_level_names[VG_LV_COUNT]; /* "dyad+root", … as score.py prints them */

/* An event as the scorer sees it. */
typedef struct {
    const char *source, *target, *code;
    bool optional;      /* gold only */
} vg_ev;

typedef struct {
    uint64_t tp, fp, fn;
} vg_counts3;

/* What one passage's comparison found at the dyad+root level, for error listings: which system
** events are false positives and which required gold events were missed. */
typedef enum { VG_MATCH_TP, VG_MATCH_FP, VG_MATCH_FN, VG_MATCH_EXCUSED, VG_MATCH_OPTIONAL } vg_match;

#define VG_EVAL_MAX_LANGS 8

typedef struct {
    char langs[VG_EVAL_MAX_LANGS][8]; /* languages seen, in order of first appearance */
    int nlangs;
    vg_counts3 by[VG_EVAL_MAX_LANGS + 1][VG_LV_COUNT]; /* [nlangs] is "all" */
    vg_counts3 root[VG_EVAL_MAX_LANGS + 1][21];        /* dyad+root counts by CAMEO root 01..20 (0: other) */
    uint64_t confusion[21][21]; /* [gold root][system root]: a missed and a false event of one dyad */
    uint64_t passages, gold_events, sys_events;
    uint64_t exact[VG_LV_COUNT]; /* passages with no false and no missed event at each level */
    int err_level;              /* the level gold_match and sys_match report (VG_LV_DYAD_ROOT default) */
} vg_scores;

void vg_scores_init(vg_scores *s);
/* Score one passage in language lang (as the gold record writes it; "" if none). distinct: the gold
** record says "distinct": true (a whole article), and events are compared as sets at each level.
** gold_match (ng entries) and sys_match (ns entries), when not NULL, receive each event's fate at
** s->err_level (a repeat set aside under distinct: VG_MATCH_EXCUSED, VG_MATCH_OPTIONAL). */
void vg_score_passage(vg_scores *s, const char *lang, const vg_ev *gold, size_t ng, const vg_ev *sys, size_t ns,
                      int distinct, vg_match *gold_match, vg_match *sys_match);
/* Precision, recall, F1 of counts, as score.py computes them (0 when undefined). */
void vg_prf(const vg_counts3 *c, double *p, double *r, double *f);

/* ---- the clause layer against a UD treebank (ud.c) ---- */
typedef struct {
    uint64_t sentences, words, verbs; /* scored */
    uint64_t unaligned;               /* sentences whose words could not be found in their text */
    vg_counts3 subj, obj;             /* (verb, nsubj|nsubj:pass, dependent) and (verb, obj, dependent) */
} vg_ud_scores;
/* Called for each false (what "FP") and missed ("FN") triple, with the sentence's text. */
typedef void (*vg_ud_listing)(void *ctx, const char *text, size_t n, const char *what, const char *rel,
                              const char *head, const char *dep);
/* Score the clause layer of engine e (opened with its dictionaries) in language lang on the CoNLL-U
** text conllu[0..n). VG_EMISUSE when e has no clause grammar for lang. */
vg_status vg_ud_score(const vg_engine *e, vg_lang lang, const char *conllu, size_t n, vg_ud_scores *sc,
                      vg_ud_listing list, void *ctx);

#endif
