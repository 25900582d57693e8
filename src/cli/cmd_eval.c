/* cmd_eval.c — `vigie eval GOLD.jsonl…`: code the gold passages and score the events exactly as
** ../shared/eval/score.py does (src/eval/score.c), then show what a dictionary writer needs: scores
** by language, level and CAMEO root, the roots confused for one another, and with --errors every
** false and missed event with its sentence, its words and the dictionary line that fired.
**
** The passages go through the same document loop as `vigie code` (cli_run): the same reading, the
** same coding, on as many threads. Workers write each passage's events as tab-separated lines; the
** main thread, in input order, reads them back with the gold events and scores the passage. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "eval.h"
#include "store.h"

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
    const char *file; /* the gold file being scored */
    char *file_copy;
    vg_scores s;
    FILE *out;
    int failed;
    char dict[17];    /* the dictionaries' version (vg_dict_version), as the store records it */
} eval_ctx;

/* ---- workers: a passage's events as lines ---- */

static long eval_render(void *ctx, FILE *f, const vg_input_doc *in, const vg_doc *d, uint64_t ordinal)
{
    (void)ctx, (void)in, (void)ordinal;
    for (size_t i = 0; i < vg_doc_nevents(d); i++) {
        const vg_event *e = vg_doc_event(d, i);
        const vg_sentence *s = vg_doc_sentence(d, e->sentence);
        fprintf(f, "%s\t%s\t%s\t%zu\t%zu\t%zu\t%zu\t%zu\t%zu\t%zu\t%zu\t%s\n", e->source, e->target, e->code,
                s->start, s->end, e->source_span.start, e->source_span.end, e->target_span.start,
                e->target_span.end, e->trigger_span.start, e->trigger_span.end, e->rule);
    }
    return ferror(f) ? -1 : (long)vg_doc_nevents(d);
}

/* ---- main thread: score, list, print ---- */

typedef struct {
    vg_ev ev;
    size_t sent[2], src[2], tgt[2], trig[2];
    const char *rule;
} sys_event;

typedef struct {
    vg_ev *ev;
    size_t n, cap;
    vg_buf strs; /* the gold strings, NUL-separated; ev[] holds offsets until the array is full */
} gold_list;

static void add_gold(void *ctx, const vg_gold_event *g)
{
    gold_list *l = ctx;
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 8;
        vg_ev *p = realloc(l->ev, cap * sizeof *p);
        if (!p)
            return;
        l->ev = p, l->cap = cap;
    }
    /* offsets now, pointers once every string is in (strs may move as it grows) */
    size_t o[3];
    const char *v[3] = { g->source, g->target, g->code };
    for (int k = 0; k < 3; k++) {
        o[k] = l->strs.n;
        vg_buf_append(&l->strs, v[k], strlen(v[k]) + 1);
    }
    l->ev[l->n++] = (vg_ev){ (const char *)o[0], (const char *)o[1], (const char *)o[2], g->optional };
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
                        const sys_event *sys, const vg_match *sm, size_t ns)
{
    for (size_t i = 0; i < ns; i++) {
        if (sm[i] != VG_MATCH_FP)
            continue;
        const sys_event *e = &sys[i];
        fprintf(f, "FP %s  %s %s %s  who ", in->id, e->ev.source, e->ev.target, e->ev.code);
        quote(f, in->text, e->src[0], e->src[1], in->len);
        fputs(" did ", f);
        quote(f, in->text, e->trig[0], e->trig[1], in->len);
        fputs(" to ", f);
        quote(f, in->text, e->tgt[0], e->tgt[1], in->len);
        fprintf(f, "  fired: %s\n   sentence: ", e->rule);
        quote(f, in->text, e->sent[0], e->sent[1], in->len);
        fputc('\n', f);
    }
    for (size_t g = 0; g < ng; g++) {
        if (gm[g] != VG_MATCH_FN)
            continue;
        fprintf(f, "FN %s  %s %s %s  (gold; vigie's other events of the dyad %.3s-%.3s:", in->id, gold[g].source,
                gold[g].target, gold[g].code, gold[g].source, gold[g].target);
        int any = 0;
        for (size_t i = 0; i < ns; i++)
            if (!strncmp(sys[i].ev.source, gold[g].source, 3) && !strncmp(sys[i].ev.target, gold[g].target, 3) &&
                sm[i] != VG_MATCH_TP)
                fprintf(f, "%s %s %s %s", any++ ? "," : "", sys[i].ev.source, sys[i].ev.target, sys[i].ev.code);
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
    vg_prf(&s->by[VG_EVAL_MAX_LANGS][VG_LV_DYAD_ROOT], &p, &r, &f1);
    fprintf(f, "F1 dyad+root %.3f\n", f1);
}

static void next_file(eval_ctx *c, const char *file)
{
    if (c->file && c->s.passages)
        print_report(c);
    free(c->file_copy);
    c->file_copy = file ? strdup(file) : NULL;
    c->file = c->file_copy;
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
    gold_list gl = { NULL, 0, 0, { 0 } };
    vg_mem mem;
    vg_mem_init(&mem, NULL);
    vg_buf_init(&gl.strs, &mem);
    char err[256];
    if (in->events && vg_json_events(in->events, strlen(in->events), add_gold, &gl, err, sizeof err) != VG_OK)
        fprintf(stderr, "vigie eval: %s:%llu: record \"%s\": events not read: %s\n", in->file,
                (unsigned long long)in->line, in->id, err);
    for (size_t i = 0; i < gl.n; i++) {
        gl.ev[i].source = gl.strs.p + (size_t)gl.ev[i].source;
        gl.ev[i].target = gl.strs.p + (size_t)gl.ev[i].target;
        gl.ev[i].code = gl.strs.p + (size_t)gl.ev[i].code;
    }
    /* the system's events, back from the worker's lines */
    size_t ns = 0;
    for (size_t i = 0; i < n; i++)
        ns += out[i] == '\n';
    sys_event *se = calloc(ns + 1, sizeof *se);
    vg_ev *sv = calloc(ns + 1, sizeof *sv);
    vg_match *sm = calloc(ns + 1, sizeof *sm), *gm = calloc(gl.n + 1, sizeof *gm);
    char *copy = malloc(n + 1);
    if (!se || !sv || !sm || !gm || !copy) {
        free(se), free(sv), free(sm), free(gm), free(copy), free(gl.ev), vg_buf_release(&gl.strs);
        return -1;
    }
    memcpy(copy, out, n);
    copy[n] = 0;
    size_t k = 0;
    for (char *line = copy, *nl; k < ns && (nl = strchr(line, '\n')); line = nl + 1, k++) {
        *nl = 0;
        char *fld[12];
        int nf = 0;
        for (char *p = line; nf < 12; nf++) {
            fld[nf] = p;
            char *t = strchr(p, '\t');
            if (!t) {
                nf++;
                break;
            }
            *t = 0;
            p = t + 1;
        }
        if (nf < 12)
            continue;
        sys_event *e = &se[k];
        e->ev = (vg_ev){ fld[0], fld[1], fld[2], false };
        size_t *v[] = { &e->sent[0], &e->sent[1], &e->src[0], &e->src[1], &e->tgt[0], &e->tgt[1], &e->trig[0], &e->trig[1] };
        for (int q = 0; q < 8; q++)
            *v[q] = (size_t)strtoull(fld[3 + q], NULL, 10);
        e->rule = fld[11];
        sv[k] = e->ev;
    }
    vg_score_passage(&c->s, lang, gl.ev, gl.n, sv, k, gm, sm);
    if (c->errors)
        list_errors(c->out, in, gl.ev, gm, gl.n, se, sm, k);
    free(se), free(sv), free(sm), free(gm), free(copy), free(gl.ev);
    vg_buf_release(&gl.strs);
    return (long)k;
}

static int eval_open(void *ctx, const vg_engine *e)
{
    eval_ctx *c = ctx;
    if (vg_dict_version(vg_engine_data_dir(e), c->dict) != VG_OK)
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
    cli_job job = { .c = &c, .code = 1, .verb = "scored", .unit = "events", .fn = eval_render, .ctx = &x,
                    .sink = eval_sink, .finish = eval_finish, .on_open = eval_open, .any_lang = 1 };
    int rc = cli_run(&job, argv + optind, argc - optind);
    free(x.file_copy);
    return rc;
}
