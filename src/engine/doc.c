/* doc.c — the engine's side of vg_doc: vg_doc_new binds a doc to an engine's allocator and language
** data, vg_code runs the coder on it with the engine's dictionaries. Here because only the engine
** knows what it holds: the text layer below makes and analyses docs (src/text/doc.c) and the coder
** codes them (src/coder/coder.c) without reaching up into it. */
#include "coder.h"
#include "doc_int.h"
#include "engine.h"

vg_status vg_doc_new(const vg_engine *e, vg_doc **out)
{
    if (!out)
        return VG_EMISUSE;
    *out = NULL;
    if (!e)
        return VG_EMISUSE;
    return vg_doc_make(e, &e->mem, &e->lang[0], &e->lang[1], out);
}

vg_status vg_code(vg_doc *d, const char *text, size_t len, const vg_docinfo *info)
{
    if (!d)
        return VG_EMISUSE; /* as vg_doc_analyze */
    const vg_engine *e = d->e;
    return vg_coder_run(d, e->has_dict ? e->lex : NULL, vg_engine_syngram_get, (void *)e, text, len, info);
}
