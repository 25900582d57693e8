/* cmd_eval.c — `vigie eval GOLD.jsonl…`: code the gold passages and score the events exactly as
** ../shared/eval/score.py does (src/eval/score.c), then show what a dictionary writer needs: scores
** by language, level and CAMEO root, the roots confused for one another, and with --errors every
** false and missed event with its sentence, its words and the dictionary line that fired.
**
** The passages go through the same document loop as `vigie code` (cli_run): the same reading, the
** same coding, on as many threads. Workers hand each passage's events over as ingest's workers do
** (handover.h); the main thread, in input order, scores them against the gold events. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "eval.h"
#include "handover.h"

static const char usage[] =
    "Usage: vigie eval [options] GOLD.jsonl...\n"
    "Code the passages of gold files ({\"id\", \"lang\", \"date\", \"text\", \"events\": [{\"source\",\n"
    "\"target\", \"code\", \"optional\"}]} a line) and score the events as ../shared/eval/score.py does:\n"
    "precision, recall and F1 at four levels (dyad+root, dyad+code, full, root-only) per language,\n"
    "then by CAMEO root, and the roots confused for one another. The last line of each file's report\n"
    "is 'F1 dyad+root X', as score.py's.\n\n"
    "  -e, --errors       list every false event (FP) and missed gold event (FN) with its sentence,\n"
    "                     actor and trigger words and the dictionary line that fired\n"
    "      --level LEVEL  the level --errors compares at: dyad+root (default), dyad+code, full,\n"
    "                     root-only (full shows actor codes that are wrong in their detail)\n"
    "      --json         one JSON object per gold file on stdout instead of the tables\n"
    "      --only LANG    score only the passages whose gold lang is LANG (score.py's third argument)\n"
    CLI_COMMON_HELP
    "\nExit status: 0 all passages scored, 1 some records skipped, 2 usage error, 3 could not run.\n";

typedef struct {
    int errors, json, level;
    const char *only;
    char *file;       /* the gold file being scored (a copy) */
    vg_scores s;
    FILE *out;
    char dict[17];    /* the dictionaries' version (vg_dict_version), as the store records it */
} eval_ctx;

/* ---- main thread: score, list, print ---- */

/* A passage's gold events: strings in one buffer, NUL-separated, at offsets (strs may move as it
** grows); gold_events() turns them into vg_ev once all are in. */
typedef struct {
    struct gold_at {
        size_t s, t, c;
        bool optional;
    } *at;
    size_t n, cap;
    vg_buf strs;
} gold_list;

static void add_gold(void *ctx, const vg_gold_event *g)
{
    gold_list *l = ctx;
    if (vg_grow(l->strs.mem, (void **)&l->at, &l->cap, l->n + 1, sizeof *l->at) != VG_OK)
        return;
    struct gold_at *a = &l->at[l->n++];
    a->s = l->strs.n;
    vg_buf_append(&l->strs, g->source, strlen(g->source) + 1);
    a->t = l->strs.n;
    vg_buf_append(&l->strs, g->target, strlen(g->target) + 1);
    a->c = l->strs.n;
    vg_buf_append(&l->strs, g->code, strlen(g->code) + 1);
    a->optional = g->optional;
}

static void quote(FILE *f, const char *text, size_t a, size_t b, size_t len)
{
    if (a > b || b > len)
        a = b = 0;
    fputc('"', f);
    for (size_t i = a; i < b; i++)
        fputc(text[i] == '\n' ? ' ' : text[i], f);
    fputc('"', f);
}

static void list_errors(FILE *f, const vg_input_doc *in, const vg_ev *gold, const vg_match *gm, size_t ng,
                        const vg_store_event *sys, const vg_match *sm, size_t ns)
{
    for (size_t i = 0; i < ns; i++) {
        if (sm[i] != VG_MATCH_FP)
            continue;
        const vg_store_event *e = &sys[i]; /* spans: source, target, trigger (store.h) */
        fprintf(f, "FP %s  %s %s %s  who ", in->id, e->source, e->target, e->code);
        quote(f, in->text, e->span[0], e->span[1], in->len);
        fputs(" did ", f);
        quote(f, in->text, e->span[4], e->span[5], in->len);
        fputs(" to ", f);
        quote(f, in->text, e->span[2], e->span[3], in->len);
        fprintf(f, "  fired: %s\n   sentence: ", e->rule);
        quote(f, in->text, e->sent_start, e->sent_end, in->len);
        fputc('\n', f);
    }
    for (size_t g = 0; g < ng; g++) {
        if (gm[g] != VG_MATCH_FN)
            continue;
        fprintf(f, "FN %s  %s %s %s  (gold; vigie's other events of the dyad %.3s-%.3s:", in->id, gold[g].source,
                gold[g].target, gold[g].code, gold[g].source, gold[g].target);
        int any = 0;
        for (size_t i = 0; i < ns; i++)
            if (!strncmp(sys[i].source, gold[g].source, 3) && !strncmp(sys[i].target, gold[g].target, 3) &&
                sm[i] != VG_MATCH_TP)
                fprintf(f, "%s %s %s %s", any++ ? "," : "", sys[i].source, sys[i].target, sys[i].code);
        fprintf(f, "%s)\n   passage: ", any ? "" : " none");
        size_t n = in->len < 300 ? in->len : 300;
        while (n < in->len && n > 0 && ((unsigned char)in->text[n] & 0xC0) == 0x80)
            n--; /* do not cut a character */
        quote(f, in->text, 0, n, in->len);
        fputs(n < in->len ? "…\n" : "\n", f);
    }
}

static long eval_sink(void *ctx, const vg_input_doc *in, uint64_t tag, const char *out, size_t n);

static int cmp_lang(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }

static const char *root_name(int r)
{
    char code[3] = { (char)('0' + r / 10), (char)('0' + r % 10), 0 };
    for (size_t i = 0; vg_codebook(i); i++)
        if (!strcmp(vg_codebook(i)->code, code))
            return vg_codebook(i)->name;
    return "";
}

static void print_report(eval_ctx *c)
{
    FILE *f = c->out;
    vg_scores *s = &c->s;
    /* languages in byte order, as score.py sorts them, then "all" */
    const char *order[VG_EVAL_MAX_LANGS];
    int idx[VG_EVAL_MAX_LANGS + 1];
    for (int i = 0; i < s->nlangs; i++)
        order[i] = s->langs[i];
    qsort(order, (size_t)s->nlangs, sizeof *order, cmp_lang);
    for (int i = 0; i < s->nlangs; i++)
        for (int k = 0; k < s->nlangs; k++)
            if (order[i] == s->langs[k])
                idx[i] = k;
    idx[s->nlangs] = VG_EVAL_MAX_LANGS;
    double p, r, f1;
    if (c->json) {
        fputs("{\"file\": ", f);
        vg_json_str(f, c->file, strlen(c->file));
        fprintf(f, ", \"dict\": \"%s\"", c->dict);
        fprintf(f, ", \"passages\": %llu, \"gold_events\": %llu, \"system_events\": %llu, \"scores\": {",
                (unsigned long long)s->passages, (unsigned long long)s->gold_events, (unsigned long long)s->sys_events);
        for (int i = 0; i <= s->nlangs; i++) {
            fprintf(f, "%s\"%s\": {", i ? ", " : "", i < s->nlangs ? s->langs[idx[i]] : "all");
            for (int lv = 0; lv < VG_LV_COUNT; lv++) {
                const vg_counts3 *k = &s->by[idx[i]][lv];
                vg_prf(k, &p, &r, &f1);
                fprintf(f, "%s\"%s\": {\"p\": %.6f, \"r\": %.6f, \"f1\": %.6f, \"tp\": %llu, \"fp\": %llu, \"fn\": %llu}",
                        lv ? ", " : "", vg_level_names[lv], p, r, f1, (unsigned long long)k->tp,
                        (unsigned long long)k->fp, (unsigned long long)k->fn);
            }
            fputc('}', f);
        }
        fputs("}, \"exact\": {", f);
        for (int lv = 0; lv < VG_LV_COUNT; lv++)
            fprintf(f, "%s\"%s\": %llu", lv ? ", " : "", vg_level_names[lv], (unsigned long long)s->exact[lv]);
        fputs("}, \"roots\": {", f);
        int first = 1;
        for (int rt = 0; rt <= 20; rt++) {
            const vg_counts3 *k = &s->root[VG_EVAL_MAX_LANGS][rt];
            if (!k->tp && !k->fp && !k->fn)
                continue;
            vg_prf(k, &p, &r, &f1);
            fprintf(f, "%s\"%02d\": {\"p\": %.6f, \"r\": %.6f, \"f1\": %.6f, \"tp\": %llu, \"fp\": %llu, \"fn\": %llu}",
                    first ? "" : ", ", rt, p, r, f1, (unsigned long long)k->tp, (unsigned long long)k->fp,
                    (unsigned long long)k->fn);
            first = 0;
        }
        fputs("}, \"confusion\": [", f);
        first = 1;
        for (int g = 0; g <= 20; g++)
            for (int y = 0; y <= 20; y++)
                if (s->confusion[g][y]) {
                    fprintf(f, "%s{\"gold\": \"%02d\", \"system\": \"%02d\", \"n\": %llu}", first ? "" : ", ", g, y,
                            (unsigned long long)s->confusion[g][y]);
                    first = 0;
                }
        fputs("]}\n", f);
        return;
    }
    fprintf(f, "== %s (dictionaries %s): %llu passages, %llu gold events (optional ones aside), %llu coded\n", c->file, c->dict,
            (unsigned long long)s->passages, (unsigned long long)s->gold_events, (unsigned long long)s->sys_events);
    fprintf(f, "%-5s %-10s %6s %6s %6s %5s %5s %5s\n", "lang", "level", "P", "R", "F1", "tp", "fp", "fn");
    for (int i = 0; i <= s->nlangs; i++)
        for (int lv = 0; lv < VG_LV_COUNT; lv++) {
            const vg_counts3 *k = &s->by[idx[i]][lv];
            vg_prf(k, &p, &r, &f1);
            fprintf(f, "%-5s %-10s %6.3f %6.3f %6.3f %5llu %5llu %5llu\n", i < s->nlangs ? s->langs[idx[i]] : "all",
                    vg_level_names[lv], p, r, f1, (unsigned long long)k->tp, (unsigned long long)k->fp,
                    (unsigned long long)k->fn);
        }
    fprintf(f, "\nby CAMEO root (dyad+root, all languages)\n%-4s %-44s %6s %6s %6s %5s %5s %5s\n", "root", "",
            "P", "R", "F1", "tp", "fp", "fn");
    for (int rt = 0; rt <= 20; rt++) {
        const vg_counts3 *k = &s->root[VG_EVAL_MAX_LANGS][rt];
        if (!k->tp && !k->fp && !k->fn)
            continue;
        vg_prf(k, &p, &r, &f1);
        fprintf(f, "%-4s %-44.44s %6.3f %6.3f %6.3f %5llu %5llu %5llu\n", rt ? (char[3]){ (char)('0' + rt / 10), (char)('0' + rt % 10), 0 } : "??",
                rt ? root_name(rt) : "(no valid code)", p, r, f1, (unsigned long long)k->tp,
                (unsigned long long)k->fp, (unsigned long long)k->fn);
    }
    int any = 0;
    for (int g = 0; g <= 20; g++)
        for (int y = 0; y <= 20; y++)
            if (s->confusion[g][y]) {
                if (!any++)
                    fputs("\nroots confused (a missed gold event and a false one of the same dyad)\n", f);
                fprintf(f, "  gold %02d %-32.32s coded %02d %-32.32s %llu\n", g, root_name(g), y, root_name(y),
                        (unsigned long long)s->confusion[g][y]);
            }
    fputs("\npassages exactly right (every event found, none false):", f);
    for (int lv = 0; lv < VG_LV_COUNT; lv++)
        fprintf(f, "%s %s %llu (%.1f%%)", lv ? "," : "", vg_level_names[lv], (unsigned long long)s->exact[lv],
                s->passages ? 100.0 * (double)s->exact[lv] / (double)s->passages : 0.0);
    fputc('\n', f);
    vg_prf(&s->by[VG_EVAL_MAX_LANGS][VG_LV_DYAD_ROOT], &p, &r, &f1);
    fprintf(f, "F1 dyad+root %.3f\n", f1);
}

static void next_file(eval_ctx *c, const char *file)
{
    if (c->file && c->s.passages)
        print_report(c);
    free(c->file);
    c->file = file ? strdup(file) : NULL;
    vg_scores_init(&c->s);
    c->s.err_level = c->level;
}

static long eval_sink(void *ctx, const vg_input_doc *in, uint64_t tag, const char *out, size_t n)
{
    eval_ctx *c = ctx;
    (void)tag;
    if (!c->file || strcmp(c->file, in->file))
        next_file(c, in->file);
    /* the gold record's language, as score.py reads it ("" when absent) */
    const char *lang = in->lang_tag ? in->lang_tag : "";
    if (c->only && strcmp(lang, c->only))
        return 0;
    vg_mem mem;
    vg_mem_init(&mem, NULL);
    gold_list gl = { NULL, 0, 0, { 0 } };
    vg_buf_init(&gl.strs, &mem);
    char err[256];
    if (in->events && vg_json_events(in->events, strlen(in->events), add_gold, &gl, err, sizeof err) != VG_OK)
        fprintf(stderr, "vigie eval: %s:%llu: record \"%s\": events not read: %s\n", in->file,
                (unsigned long long)in->line, in->id, err);
    /* the system's events, as the worker handed them over */
    cli_handover h;
    const vg_store_event *se = cli_handover_read(out, n, "eval", in->id, &h);
    size_t k = se ? h.n : 0;
    vg_ev *gv = calloc(gl.n + 1, sizeof *gv), *sv = calloc(k + 1, sizeof *sv);
    vg_match *sm = calloc(k + 1, sizeof *sm), *gm = calloc(gl.n + 1, sizeof *gm);
    long rc = -1;
    if (se && gv && sv && sm && gm) {
        for (size_t i = 0; i < gl.n; i++)
            gv[i] = (vg_ev){ gl.strs.p + gl.at[i].s, gl.strs.p + gl.at[i].t, gl.strs.p + gl.at[i].c, gl.at[i].optional };
        for (size_t i = 0; i < k; i++)
            sv[i] = (vg_ev){ se[i].source, se[i].target, se[i].code, false };
        vg_score_passage(&c->s, lang, gv, gl.n, sv, k, in->distinct, gm, sm);
        if (c->errors)
            list_errors(c->out, in, gv, gm, gl.n, se, sm, k);
        rc = (long)k;
    }
    free(gv), free(sv), free(sm), free(gm), free(gl.at);
    vg_buf_release(&gl.strs);
    return rc;
}

static int eval_open(void *ctx, const vg_engine *e)
{
    eval_ctx *c = ctx;
    if (vg_dict_version(vg_engine_data_dir(e), vg_engine_dict_dir(e), c->dict) != VG_OK)
        snprintf(c->dict, sizeof c->dict, "unknown");
    return 0;
}

static int eval_finish(void *ctx)
{
    eval_ctx *c = ctx;
    next_file(c, NULL);
    return fflush(c->out) == 0 ? 0 : -1;
}

int cmd_eval(int argc, char **argv)
{
    static const struct option longopts[] = { { "errors", no_argument, 0, 'e' },
                                              { "json", no_argument, 0, 'J' },
                                              { "only", required_argument, 0, 'O' },
                                              { "level", required_argument, 0, 'L' },
                                              CLI_COMMON_LONGOPTS,
                                              { 0, 0, 0, 0 } };
    cli_common c = { 0 };
    eval_ctx x = { 0 };
    x.out = stdout;
    int opt, r;
    optind = 1;
    while ((opt = getopt_long(argc, argv, "ei:l:D:qhj:", longopts, NULL)) != -1) {
        if ((r = cli_common_opt(&c, opt, optarg, "eval")) != 0) {
            if (r < 0)
                return EXIT_USAGE;
            continue;
        }
        switch (opt) {
        case 'e': x.errors = 1; break;
        case 'J': x.json = 1; break;
        case 'O': x.only = optarg; break;
        case 'L':
            x.level = -1;
            for (int k = 0; k < VG_LV_COUNT; k++)
                if (!strcmp(optarg, vg_level_names[k]))
                    x.level = k;
            if (x.level < 0)
                return cli_usage_error("eval", "unknown level '%s'", optarg), EXIT_USAGE;
            break;
        case 'h': fputs(usage, stdout); return EXIT_ALL_OK;
        default: cli_usage_error("eval", "%s", "bad option"); return EXIT_USAGE;
        }
    }
    if (optind >= argc) {
        cli_usage_error("eval", "%s", "no gold file");
        return EXIT_USAGE;
    }
    if (c.input == VG_IN_AUTO)
        c.input = VG_IN_JSONL;
    cli_job job = { .c = &c, .code = 1, .verb = "scored", .unit = "events", .fn = cli_handover_write, .ctx = &x,
                    .sink = eval_sink, .finish = eval_finish, .on_open = eval_open, .any_lang = 1 };
    int rc = cli_run(&job, argv + optind, argc - optind);
    free(x.file);
    return rc;
}
