/* fuzz_code.c — libFuzzer target for the event coder: any text, in French, English or identified,
** with or without a publication date, must code without crashing, and every event must point
** inside its sentence and the text. The dictionaries are compiled once for the whole run. */
#include <stdint.h>
#include <stdlib.h>

#include "vigie.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static vg_engine *engine;
static vg_doc *doc;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!doc && (vg_engine_open(NULL, &engine) != VG_OK || vg_doc_new(engine, &doc) != VG_OK))
        abort();
    if (size < 1)
        return 0;
    static const vg_lang langs[3] = { VG_LANG_FR, VG_LANG_EN, VG_LANG_UNKNOWN };
    vg_docinfo info = { "fuzz", langs[data[0] % 3], data[0] & 4 ? "2016-07-15" : NULL };
    const char *text = (const char *)data + 1;
    size_t n = size - 1;
    if (vg_code(doc, text, n, &info) != VG_OK)
        return 0;
    for (size_t i = 0; i < vg_doc_nevents(doc); i++) {
        const vg_event *e = vg_doc_event(doc, i);
        const vg_sentence *s = vg_doc_sentence(doc, e->sentence);
        if (!s || !e->source[0] || !e->target[0] || !e->code || !e->date || !e->rule)
            abort();
        const vg_span sp[3] = { e->source_span, e->target_span, e->trigger_span };
        for (int k = 0; k < 3; k++)
            if (sp[k].start > sp[k].end || sp[k].end > n)
                abort();
        if (e->trigger_span.start < s->start || e->trigger_span.end > s->end)
            abort();
    }
    return 0;
}
