/* engine.h — the inside of vg_engine: what the engine owns, for the modules that read it. */
#ifndef VG_ENGINE_H
#define VG_ENGINE_H

#include <pthread.h>

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
    struct vg_syngram *syn[2]; /* the clause layer's grammar (src/syntax/), same order: loaded on the
                                ** first document of its language (vg_engine_syngram), for the
                                ** French one reads 360,000 verb forms */
    vg_status syn_rc[2];       /* that load's outcome, once tried */
    int syn_tried[2];
    pthread_mutex_t syn_lock;
    void (*on_diag)(void *ctx, const vg_diag *d);
    void *diag_ctx;
    char errmsg[512];
};

static inline const vg_lexicon *vg_engine_lexicon(const vg_engine *e, vg_lang l)
{
    return !e->has_dict ? NULL : l == VG_LANG_FR ? &e->lex[0] : l == VG_LANG_EN ? &e->lex[1] : NULL;
}

/* The clause layer's grammar for l, loaded on first use (thread-safe), or NULL: no dictionaries
** opened, no data for l, or the load failed (its message in vg_engine_errmsg). */
const struct vg_syngram *vg_engine_syngram(const vg_engine *e, vg_lang l);
/* The same as a status for callers that must report a failed load: VG_OK with *out NULL when the
** engine has no grammar for l. */
vg_status vg_engine_syngram_get(void *engine, vg_lang l, const struct vg_syngram **out);

#endif
