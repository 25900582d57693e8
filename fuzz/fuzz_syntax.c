/* fuzz_syntax.c — libFuzzer target for the clause layer (src/syntax/): any text, French or English,
** must parse sentence by sentence without crashing, and every index the layer gives (chunk heads,
** subjects, objects, predicates, antecedents, controllers, obliques, governing verbs) must point
** inside the sentence. The grammar is loaded once for the whole run. */
#include <stdint.h>
#include <stdlib.h>

#include "engine.h"
#include "syntax.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static vg_engine *engine;
static vg_doc *doc;
static vg_syntax *syn;

static void in(int32_t i, size_t n)
{
    if (i < -1 || i >= (int32_t)n)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!syn && (vg_engine_open(NULL, &engine) != VG_OK || vg_doc_new(engine, &doc) != VG_OK ||
                 vg_syntax_new(&engine->mem, &syn) != VG_OK))
        abort();
    if (size < 1)
        return 0;
    vg_lang lang = data[0] & 1 ? VG_LANG_EN : VG_LANG_FR;
    vg_docinfo info = { "fuzz", lang, NULL };
    const char *text = (const char *)data + 1;
    if (vg_doc_analyze(doc, text, size - 1, &info) != VG_OK)
        return 0;
    const vg_syngram *g = vg_engine_syngram(engine, lang);
    for (size_t k = 0; k < vg_doc_nsentences(doc); k++) {
        const vg_sentence *sn = vg_doc_sentence(doc, k);
        if (vg_syntax_parse(syn, g, text, vg_doc_token(doc, sn->tok), sn->ntok) != VG_OK)
            abort();
        size_t n = sn->ntok;
        for (size_t c = 0; c < vg_syn_nchunks(syn); c++) {
            const vg_chunk *ch = vg_syn_chunk(syn, c);
            if (ch->a >= ch->b || ch->b > n)
                abort();
            in(ch->head, n), in(ch->prep, n), in(ch->appos, n), in(ch->conj, n);
        }
        for (size_t v = 0; v < vg_syn_nverbs(syn); v++) {
            const vg_vgroup *g2 = vg_syn_verb(syn, v);
            if (g2->head < (int32_t)g2->a || g2->head >= (int32_t)g2->b || g2->b > n)
                abort();
            in(g2->subj, n), in(g2->obj, n), in(g2->pred, n), in(g2->ante, n), in(g2->ctrl, n), in(g2->cstart, n);
            in(g2->gov, vg_syn_nverbs(syn)), in(g2->coord, vg_syn_nverbs(syn));
            size_t no;
            const vg_oblique *o = vg_syn_obliques(syn, (uint32_t)g2->head, &no);
            for (size_t j = 0; j < no; j++)
                in(o[j].tok, n), in(o[j].prep, n);
            in(vg_syn_subject(syn, (uint32_t)g2->head), n), in(vg_syn_object(syn, (uint32_t)g2->head), n);
        }
    }
    return 0;
}
