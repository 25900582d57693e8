/* doc_int.h — the inside of vg_doc, for the modules that fill it (text pipeline, coder) and the
** engine that makes it. The text layer knows nothing above it: the engine hands a doc its allocator
** and language data (vg_doc_make), and a layer above keeps its own state on the doc (the coder's
** events) in one opaque slot, with the hooks that reset and free it. */
#ifndef VG_DOC_INT_H
#define VG_DOC_INT_H

#include "text.h"

/* What the doc does with the state of the layer above when a document starts and when it is freed. */
typedef struct {
    void (*reset)(void *state);                 /* a new document: the previous one's results are gone */
    void (*free)(void *state, const vg_mem *m); /* vg_doc_free */
} vg_doc_hooks;

struct vg_doc {
    const vg_engine *e;        /* the engine that made the doc: opaque here, read by the layers above */
    const vg_mem *mem;         /* the engine's allocator */
    const vg_langdata *ld[2];  /* the engine's language data: [0] French, [1] English */
    vg_tokvec toks;
    vg_buf keys;
    vg_sentvec sents;
    vg_lang lang;
    char lang_code[8];
    size_t invalid, ncut;
    void *upper;               /* the state of a layer above (the coder's, by the first vg_code()) */
    const vg_doc_hooks *upper_hooks; /* its reset and free; set with upper by that layer */
};

/* The language data of d for l, or NULL for a language vigie has no data for. */
static inline const vg_langdata *vg_doc_langdata(const vg_doc *d, vg_lang l)
{
    return l == VG_LANG_FR ? d->ld[0] : l == VG_LANG_EN ? d->ld[1] : NULL;
}

/* A new doc (vg_doc_new in src/engine/ passes its engine's allocator and language data). */
vg_status vg_doc_make(const vg_engine *e, const vg_mem *m, const vg_langdata *fr, const vg_langdata *en,
                      vg_doc **out);

#endif
