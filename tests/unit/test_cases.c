/* test_cases.c — run the spec-style cases of tests/cases/<name>.txt (format: docs/text.md, "Test case
** format") through the library: segment-*.txt compare sentence texts, tokenize-*.txt compare
** tokens (surface, and key and kind where the case gives them), code-*.txt compare the events coded
** (docs/coder.md). Each case is one test. */
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "harness.h"
#include "vigie.h"

static const vg_options text_only = { .flags = VG_OPT_TEXT_ONLY };

static vg_engine *E, *EC; /* text only; with the dictionaries (code-*.txt) */
static vg_doc *D, *DC;

static const char *const kinds[] = { "word", "num", "date", "punct", "sym" };

typedef struct {
    char title[256];
    char date[16];  /* "@date YYYY-MM-DD" before the input */
    char *input;    /* input lines joined with \n */
    char **expect;  /* expected lines */
    size_t nexpect;
    int line;       /* line of "example" in the file */
} tcase;

static char *h_strdup(const char *s, size_t n)
{
    char *d = malloc(n + 1);
    memcpy(d, s, n);
    d[n] = 0;
    return d;
}

static const char *cur_file;
static vg_lang cur_lang;
static int cur_tokenize, cur_code;
static tcase *cur;

/* code-*.txt: expected lines "SOURCE TARGET CODE [date=YYYY-MM-DD] [place=CCC]" (spaces or tabs);
** the events coded must be exactly those, in any order. */
static void run_code_case(void)
{
    tcase *c = cur;
    vg_docinfo info = { c->title, cur_lang, c->date[0] ? c->date : NULL };
    vg_status rc = vg_code(DC, c->input, strlen(c->input), &info);
    CHECK_EQ_INT(rc, VG_OK);
    size_t n = vg_doc_nevents(DC);
    int used[64] = { 0 };
    for (size_t k = 0; k < c->nexpect; k++) {
        char src[32] = "", tgt[32] = "", code[8] = "", a1[64] = "", a2[64] = "";
        sscanf(c->expect[k], "%31s %31s %7s %63s %63s", src, tgt, code, a1, a2);
        int found = 0;
        for (size_t i = 0; i < n && i < 64 && !found; i++) {
            const vg_event *e = vg_doc_event(DC, i);
            if (used[i] || strcmp(e->source, src) || strcmp(e->target, tgt) || strcmp(e->code, code))
                continue;
            const char *attrs[2] = { a1, a2 };
            int ok = 1;
            for (int a = 0; a < 2; a++) {
                if (!strncmp(attrs[a], "date=", 5) && strcmp(e->date, attrs[a] + 5))
                    ok = 0;
                if (!strncmp(attrs[a], "place=", 6) && strcmp(e->place, attrs[a] + 6))
                    ok = 0;
            }
            if (ok)
                used[i] = found = 1;
        }
        if (!found)
            h_fail(cur_file, c->line, "missing event %s", c->expect[k]);
    }
    for (size_t i = 0; i < n && i < 64; i++)
        if (!used[i]) {
            const vg_event *e = vg_doc_event(DC, i);
            h_fail(cur_file, c->line, "extra event %s %s %s date=%s place=%s (%s: \"%.*s\")", e->source,
                   e->target, e->code, e->date, e->place, e->rule,
                   (int)(e->trigger_span.end - e->trigger_span.start), c->input + e->trigger_span.start);
        }
}

static void run_case(void)
{
    tcase *c = cur;
    if (cur_code) {
        run_code_case();
        return;
    }
    vg_docinfo info = { c->title, cur_lang, NULL };
    vg_status rc = vg_doc_analyze(D, c->input, strlen(c->input), &info);
    CHECK_EQ_INT(rc, VG_OK);
    if (!cur_tokenize) {
        size_t n = vg_doc_nsentences(D);
        CHECKF(n == c->nexpect, "%s:%d: %zu sentences, expected %zu", cur_file, c->line, n, c->nexpect);
        for (size_t i = 0; i < n; i++) {
            const vg_sentence *s = vg_doc_sentence(D, i);
            size_t len = s->end - s->start;
            const char *got = c->input + s->start;
            if (i < c->nexpect && (strlen(c->expect[i]) != len || memcmp(got, c->expect[i], len)))
                h_fail(cur_file, c->line, "sentence %zu is \"%.*s\", expected \"%s\"", i, (int)len, got,
                       c->expect[i]);
            else if (i >= c->nexpect)
                h_fail(cur_file, c->line, "extra sentence \"%.*s\"", (int)len, got);
        }
        return;
    }
    size_t n = vg_doc_ntokens(D);
    CHECKF(n == c->nexpect, "%s:%d: %zu tokens, expected %zu", cur_file, c->line, n, c->nexpect);
    for (size_t i = 0; i < n && i < c->nexpect; i++) {
        const vg_token *t = vg_doc_token(D, i);
        char *f[3] = { c->expect[i], NULL, NULL }, *p = c->expect[i];
        for (int k = 1; k < 3 && (p = strchr(p, '\t')); k++) {
            *p++ = 0;
            f[k] = p;
        }
        size_t len = t->end - t->start;
        if (strlen(f[0]) != len || memcmp(c->input + t->start, f[0], len))
            h_fail(cur_file, c->line, "token %zu is \"%.*s\", expected \"%s\"", i, (int)len,
                   c->input + t->start, f[0]);
        if (f[1] && *f[1] && strcmp(t->key, f[1]))
            h_fail(cur_file, c->line, "token %zu \"%s\": key \"%s\", expected \"%s\"", i, f[0], t->key, f[1]);
        if (f[2] && *f[2] && strcmp(kinds[t->kind], f[2]))
            h_fail(cur_file, c->line, "token %zu \"%s\": kind %s, expected %s", i, f[0], kinds[t->kind], f[2]);
        for (int k = 1; k < 3; k++) /* restore for error messages of later tokens */
            if (f[k])
                f[k][-1] = '\t';
    }
    if (n != c->nexpect)
        for (size_t i = 0; i < n; i++) {
            const vg_token *t = vg_doc_token(D, i);
            printf("      got %zu: %.*s\t%s\t%s\n", i, (int)(t->end - t->start), c->input + t->start,
                   t->key, kinds[t->kind]);
        }
}

static void run_file(const char *path, const char *name)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        h_skip(name, "cannot open");
        return;
    }
    cur_file = name;
    cur_tokenize = !strncmp(name, "tokenize", 8);
    cur_code = !strncmp(name, "code", 4);
    if (cur_code && !DC) {
        h_skip(name, "no dictionaries");
        fclose(f);
        return;
    }
    cur_lang = strstr(name, "-fr.") || strstr(name, "-fr-") ? VG_LANG_FR : VG_LANG_EN; /* code-roots-fr.txt, code-vocab-fr-10-20.txt */
    char line[8192];
    int lineno = 0, state = 0; /* 0 outside, 1 input, 2 expected */
    tcase c = { 0 };
    size_t inlen = 0, cap = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        size_t n = strlen(line);
        if (n && line[n - 1] == '\n')
            line[--n] = 0;
        if (state == 0) {
            if (!strncmp(line, "example", 7)) {
                memset(&c, 0, sizeof c);
                snprintf(c.title, sizeof c.title, "%s:%d %.180s", name, lineno, line[7] ? line + 8 : "");
                c.line = lineno;
                c.input = calloc(1, 1);
                inlen = 0;
                state = 1;
            }
            continue;
        }
        if (state == 1) {
            if (!strncmp(line, "@date ", 6) && !inlen) {
                snprintf(c.date, sizeof c.date, "%.10s", line + 6);
                continue;
            }
            if (!strcmp(line, ".")) {
                state = 2;
                continue;
            }
            c.input = realloc(c.input, inlen + n + 2);
            if (inlen)
                c.input[inlen++] = '\n';
            memcpy(c.input + inlen, line, n + 1);
            inlen += n;
            continue;
        }
        if (!strcmp(line, "end")) {
            cur = &c;
            h_run(c.title, run_case);
            for (size_t i = 0; i < c.nexpect; i++)
                free(c.expect[i]);
            free(c.expect);
            free(c.input);
            state = 0;
            cap = 0;
            continue;
        }
        if (c.nexpect == cap)
            c.expect = realloc(c.expect, (cap = cap ? cap * 2 : 8) * sizeof(char *));
        c.expect[c.nexpect++] = h_strdup(line, n);
    }
    if (state != 0) {
        h_fail(name, lineno, "case at line %d has no end", c.line);
        free(c.input);
    }
    fclose(f);
}

/* The case files of tests/cases/: segment-*, tokenize-*, code-*.txt, in name order. */
static vg_status case_file(void *ctx, const char *path)
{
    (void)ctx;
    const char *name = strrchr(path, '/');
    name = name ? name + 1 : path;
    if (strstr(name, ".txt") && (!strncmp(name, "segment", 7) || !strncmp(name, "tokenize", 8) || !strncmp(name, "code", 4)))
        run_file(path, name);
    return VG_OK;
}

int main(int argc, char **argv)
{
    h_init(argc, argv);
    if (vg_engine_open(&text_only, &E) != VG_OK || vg_doc_new(E, &D) != VG_OK) {
        printf("cannot open engine: %s\n", vg_engine_errmsg(E));
        return 1;
    }
    if (vg_engine_open(NULL, &EC) != VG_OK || vg_doc_new(EC, &DC) != VG_OK) {
        printf("cannot open the dictionaries: %s\n", vg_engine_errmsg(EC));
        return 1;
    }
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/tests/cases", h_root);
    vg_mem mem;
    vg_mem_init(&mem, NULL);
    vg_walk(&mem, dir, case_file, NULL);
    vg_doc_free(D);
    vg_engine_close(E);
    vg_doc_free(DC);
    vg_engine_close(EC);
    return h_report();
}
