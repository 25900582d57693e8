/* test_seed.c — the seed article (../shared/seeds/) segmented as its gold file says: every gold
** passage text comes out as exactly one sentence, and no sentence crosses a line of the file, so
** the title, byline, subheading and page furniture are units of their own. Reads ../shared at run
** time; skips with a message when it is absent (its text is never copied into the project). */
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "harness.h"
#include "ingest.h"
#include "vigie.h"

static const vg_options text_only = { .flags = VG_OPT_TEXT_ONLY };

static char seed_path[4096], gold_path[4096];
static vg_engine *E;
static vg_doc *D;
static char *seed;
static size_t seedn;

static int is_sentence(const char *s, size_t n)
{
    for (size_t i = 0; i < vg_doc_nsentences(D); i++) {
        const vg_sentence *x = vg_doc_sentence(D, i);
        if (x->end - x->start == n && !memcmp(seed + x->start, s, n))
            return 1;
    }
    return 0;
}

static void seed_is_french(void) { CHECK_EQ_INT(vg_doc_lang(D), VG_LANG_FR); }

static void gold_passages_are_sentences(void)
{
    FILE *f = fopen(gold_path, "rb");
    CHECK(f != NULL);
    if (!f)
        return;
    vg_mem mem;
    vg_mem_init(&mem, NULL);
    vg_jrec rec;
    vg_jrec_init(&rec, &mem);
    char line[1 << 16], err[256];
    int n = 0;
    while (fgets(line, sizeof line, f)) {
        size_t len = strlen(line);
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = 0;
        if (!len)
            continue;
        CHECK_EQ_INT(vg_json_record(line, len, &rec, err, sizeof err), VG_OK);
        const vg_buf *t = &rec.f[VG_JF_TEXT];
        n++;
        CHECKF(is_sentence(t->p, t->n), "gold passage %s is not one sentence", rec.f[VG_JF_ID].p);
    }
    CHECKF(n >= 10, "only %d gold passages read", n);
    vg_jrec_release(&rec);
    fclose(f);
}

static void no_sentence_crosses_a_line(void)
{
    for (size_t i = 0; i < vg_doc_nsentences(D); i++) {
        const vg_sentence *x = vg_doc_sentence(D, i);
        CHECKF(!memchr(seed + x->start, '\n', x->end - x->start), "sentence %zu spans lines", i);
    }
}

/* . ? or ! followed by a space or a no-break space, inside a line */
static int has_inner_terminal(const char *a, const char *b)
{
    for (const char *p = a; p + 1 < b; p++)
        if ((*p == '.' || *p == '?' || *p == '!') &&
            (p[1] == ' ' || (p + 2 < b && (unsigned char)p[1] == 0xC2 && (unsigned char)p[2] == 0xA0)))
            return 1;
    return 0;
}

/* A line with no sentence punctuation inside (a title, byline, subheading, furniture) is exactly
** one unit. */
static void short_lines_are_units(void)
{
    int lines = 0;
    for (char *p = seed, *e; p < seed + seedn; p = e + 1) {
        e = memchr(p, '\n', (size_t)(seed + seedn - p));
        if (!e)
            e = seed + seedn;
        char *a = p, *b = e;
        while (a < b && (*a == ' ' || *a == '\r'))
            a++;
        while (b > a && (b[-1] == ' ' || b[-1] == '\r'))
            b--;
        if (a == b || has_inner_terminal(a, b))
            continue;
        lines++;
        CHECKF(is_sentence(a, (size_t)(b - a)), "line \"%.*s\" is not a unit of its own", (int)(b - a), a);
    }
    CHECKF(lines >= 5, "only %d short lines", lines);
}

int main(int argc, char **argv)
{
    h_init(argc, argv);
    const char *sh = h_shared ? h_shared : "../shared";
    snprintf(seed_path, sizeof seed_path, "%s/seeds/000_d0a2cd9d53e88c14.txt", sh);
    snprintf(gold_path, sizeof gold_path, "%s/eval/seed-gold.jsonl", sh);
    if (!(seed = vg_read_file(seed_path, &seedn))) {
        h_skip("seed", "../shared absent: seed segmentation not checked");
        return h_report();
    }
    if (vg_engine_open(&text_only, &E) != VG_OK || vg_doc_new(E, &D) != VG_OK ||
        vg_doc_analyze(D, seed, seedn, NULL) != VG_OK) {
        printf("cannot analyse the seed: %s\n", vg_engine_errmsg(E));
        return 1;
    }
    RUN(seed_is_french);
    RUN(gold_passages_are_sentences);
    RUN(no_sentence_crosses_a_line);
    RUN(short_lines_are_units);
    vg_doc_free(D);
    vg_engine_close(E);
    free(seed);
    return h_report();
}
