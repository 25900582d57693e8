/* doc_int.h — the inside of vg_doc, for the modules that fill it (text pipeline, coder). */
#ifndef VG_DOC_INT_H
#define VG_DOC_INT_H

#include "text.h"

struct vg_coder;

struct vg_doc {
    const vg_engine *e;
    vg_tokvec toks;
    vg_buf keys;
    vg_sentvec sents;
    vg_lang lang;
    char lang_code[8];
    size_t invalid, ncut;
    struct vg_coder *coder; /* created by the first vg_code() */
};

void vg_coder_free(struct vg_coder *c, const vg_mem *m);
void vg_coder_reset(struct vg_coder *c); /* NULL: no-op */

#endif
