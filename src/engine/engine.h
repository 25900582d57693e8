/* engine.h — the inside of vg_engine: what the engine owns, for the modules that read it. */
#ifndef VG_ENGINE_H
#define VG_ENGINE_H

#include "core.h"
#include "dict.h"
#include "text.h"

struct vg_engine {
    vg_mem mem;
    char *data_dir;
    char *dict_dir;
    vg_langdata lang[2]; /* [0] French, [1] English */
    vg_lexicon lex[2];   /* dictionaries, same order; absent with VG_OPT_TEXT_ONLY */
    int has_dict;
    struct vg_syngram *syn[2]; /* the clause layer's grammar (src/syntax/), same order; with the dictionaries */
    void (*on_diag)(void *ctx, const vg_diag *d);
    void *diag_ctx;
    char errmsg[512];
};

static inline const vg_lexicon *vg_engine_lexicon(const vg_engine *e, vg_lang l)
{
    return !e->has_dict ? NULL : l == VG_LANG_FR ? &e->lex[0] : l == VG_LANG_EN ? &e->lex[1] : NULL;
}

/* The clause layer's grammar for l, or NULL (no dictionaries opened, or no data for l). */
static inline const struct vg_syngram *vg_engine_syngram(const vg_engine *e, vg_lang l)
{
    return !e->has_dict ? NULL : l == VG_LANG_FR ? e->syn[0] : l == VG_LANG_EN ? e->syn[1] : NULL;
}

#endif
