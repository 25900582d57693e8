/* fuzz_common.h — what the fuzz targets share: one engine for the whole run, and the invariants
** every analysed document must satisfy (a violation aborts, which the fuzzer reports). */
#ifndef VG_FUZZ_COMMON_H
#define VG_FUZZ_COMMON_H

#include <stdlib.h>

#include "vigie.h"

static const vg_options text_only = { .flags = VG_OPT_TEXT_ONLY };

static vg_engine *fz_engine;
static vg_doc *fz_doc;

static void fz_init(void)
{
    if (fz_doc)
        return;
    if (vg_engine_open(&text_only, &fz_engine) != VG_OK || vg_doc_new(fz_engine, &fz_doc) != VG_OK)
        abort();
}

/* Tokens in order, inside the text and non-empty; sentences cover tokens in order, each once. */
static void fz_check(const char *text, size_t len)
{
    (void)text;
    size_t nt = vg_doc_ntokens(fz_doc), ns = vg_doc_nsentences(fz_doc), prev = 0, next_tok = 0;
    for (size_t i = 0; i < nt; i++) {
        const vg_token *t = vg_doc_token(fz_doc, i);
        if (t->start < prev || t->end <= t->start || t->end > len || !t->key || t->key[t->keylen])
            abort();
        prev = t->end;
    }
    for (size_t i = 0; i < ns; i++) {
        const vg_sentence *s = vg_doc_sentence(fz_doc, i);
        if (s->tok != next_tok || s->ntok == 0 || s->tok + s->ntok > nt)
            abort();
        if (s->start != vg_doc_token(fz_doc, s->tok)->start ||
            s->end != vg_doc_token(fz_doc, s->tok + s->ntok - 1)->end)
            abort();
        next_tok = s->tok + s->ntok;
    }
    if (next_tok != nt)
        abort();
}

#endif
