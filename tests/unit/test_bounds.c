/* test_bounds.c — what one document may make vigie hold (src/core/limits.h): tokens and keys within
** VG_DOC_MEM_RATIO times its size (plus VG_DOC_MEM_FLOOR), sentences and events within their share,
** else VG_ELIMIT; and vg_code on a document over VG_WINDOW_BYTES, read a window at a time, finds
** what it finds in each paragraph alone. The inputs are a few MB: what is asserted is the status and
** the counts, not the memory (bench/memory.sh measures that). */
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "harness.h"

static const vg_options text_only = { .flags = VG_OPT_TEXT_ONLY };
static vg_engine *E, *EC; /* text only; with the dictionaries */
static vg_doc *D, *DC;

/* n bytes: unit repeated (the last copy cut) */
static char *repeat(const char *unit, size_t n)
{
    size_t k = strlen(unit);
    char *s = malloc(n + 1);
    for (size_t i = 0; i < n; i += k)
        memcpy(s + i, unit, i + k <= n ? k : n - i);
    s[n] = 0;
    return s;
}

static void tokens_past_the_bound_are_refused(void)
{
    vg_docinfo info = { "words", VG_LANG_EN, NULL };
    /* 1 MiB of one-letter words: 512 Ki tokens, 17 MB with their keys, under the floor */
    char *s = repeat("a ", (size_t)1 << 20);
    CHECK_EQ_INT(vg_doc_analyze(D, s, (size_t)1 << 20, &info), VG_OK);
    CHECK_EQ_INT(vg_doc_ntokens(D), (size_t)1 << 19);
    free(s);
    /* 16 MiB of them would take 270 MB of tokens, over 2 x 16 MiB + 32 MiB */
    size_t n = (size_t)16 << 20;
    s = repeat("a ", n);
    CHECK_EQ_INT(vg_doc_analyze(D, s, n, &info), VG_ELIMIT);
    CHECK(vg_doc_ntokens(D) * sizeof(vg_token) <= 2 * n + ((size_t)32 << 20));
    /* the doc is usable afterwards */
    CHECK_EQ_INT(vg_doc_analyze(D, "Short text.", 11, &info), VG_OK);
    CHECK_EQ_INT(vg_doc_nsentences(D), 1);
    free(s);
}

static void sentences_past_the_bound_are_refused(void)
{
    /* 2 MiB of one-word paragraphs: 700 Ki sentences (22 MB), over a quarter of the bound (9 MB),
    ** whole or a window at a time */
    vg_docinfo info = { "lines", VG_LANG_EN, NULL };
    size_t n = (size_t)2 << 20;
    char *s = repeat("a\n\n", n);
    CHECK_EQ_INT(vg_doc_analyze(D, s, n, &info), VG_ELIMIT);
    CHECK(vg_doc_nsentences(D) <= (2 * n + ((size_t)32 << 20)) / 4 / sizeof(vg_sentence));
    CHECK_EQ_INT(vg_code(DC, s, n, &info), VG_ELIMIT);
    free(s);
}

/* One paragraph, then the same paragraph k times over VG_WINDOW_BYTES: k times its events, each
** pointing at its own copy's sentence. */
static void long_document_is_coded_by_window(void)
{
    static const char para[] = "Algeria accused Morocco of closing the border. Russia and Iran condemned Turkey.\n\n";
    size_t pn = sizeof para - 1;
    vg_docinfo info = { "para", VG_LANG_EN, "2019-03-12" };
    CHECK_EQ_INT(vg_code(DC, para, pn, &info), VG_OK);
    size_t ev1 = vg_doc_nevents(DC), ns1 = vg_doc_nsentences(DC);
    CHECKF(ev1 == 3 && ns1 == 2, "one paragraph: %zu events, %zu sentences", ev1, ns1);
    char first[3][8];
    for (size_t i = 0; i < ev1 && i < 3; i++)
        vg_copy(first[i], sizeof first[i], vg_doc_event(DC, i)->code, SIZE_MAX);

    size_t k = ((size_t)3 << 20) / pn, n = k * pn; /* 3 MiB: three windows and more */
    char *s = repeat(para, n);
    CHECK_EQ_INT(vg_code(DC, s, n, &info), VG_OK);
    CHECK_EQ_INT(vg_doc_nsentences(DC), k * ns1);
    CHECK_EQ_INT(vg_doc_nevents(DC), k * ev1);
    CHECK_EQ_INT(vg_doc_ntokens(DC), 0); /* a window's tokens are not kept past it */
    size_t bad = 0;
    for (size_t i = 0; i < vg_doc_nevents(DC); i++) {
        const vg_event *e = vg_doc_event(DC, i);
        const vg_sentence *st = vg_doc_sentence(DC, e->sentence);
        size_t copy = i / ev1, in_para = st ? st->start - copy * pn : 0;
        /* the event's sentence is its copy's, at the same place in the paragraph */
        if (!st || st->start < copy * pn || st->end > (copy + 1) * pn ||
            memcmp(s + st->start, para + in_para, st->end - st->start) || strcmp(e->code, first[i % ev1]) ||
            e->trigger_span.start < st->start || e->trigger_span.end > st->end)
            bad++;
    }
    CHECKF(bad == 0, "%zu events out of place", bad);
    free(s);
}

static void events_past_the_bound_are_refused(void)
{
    /* 12 MiB of a two-event sentence: some 740 Ki events at 200 bytes and more each, over the
    ** bound (2 x 12 MiB + 32 MiB) */
    static const char unit[] = "Russia and Iran condemned Turkey.\n";
    vg_docinfo info = { "events", VG_LANG_EN, "2019-03-12" };
    CHECK_EQ_INT(vg_code(DC, unit, sizeof unit - 1, &info), VG_OK);
    CHECK_EQ_INT(vg_doc_nevents(DC), 2);
    size_t n = (size_t)12 << 20;
    char *s = repeat(unit, n);
    CHECK_EQ_INT(vg_code(DC, s, n, &info), VG_ELIMIT);
    free(s);
}

int main(int argc, char **argv)
{
    h_init(argc, argv);
    if (vg_engine_open(&text_only, &E) != VG_OK || vg_doc_new(E, &D) != VG_OK ||
        vg_engine_open(NULL, &EC) != VG_OK || vg_doc_new(EC, &DC) != VG_OK) {
        printf("cannot open the engine: %s\n", vg_engine_errmsg(EC ? EC : E));
        return 1;
    }
    RUN(tokens_past_the_bound_are_refused);
    RUN(sentences_past_the_bound_are_refused);
    RUN(long_document_is_coded_by_window);
    RUN(events_past_the_bound_are_refused);
    vg_doc_free(D);
    vg_engine_close(E);
    vg_doc_free(DC);
    vg_engine_close(EC);
    return h_report();
}
