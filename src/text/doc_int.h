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

/* A document a window at a time (vg_code over VG_WINDOW_BYTES): vg_doc_begin resets d, identifies
** the language and sets the document's memory bounds (limits.h); vg_doc_window tokenizes and
** segments text[a..b) with offsets into the whole text, its tokens replacing the previous window's
** and its sentences appended (their tok indices are into this window's tokens). */
vg_status vg_doc_begin(vg_doc *d, const char *text, size_t len, const vg_docinfo *info);
vg_status vg_doc_window(vg_doc *d, const char *text, size_t a, size_t b);
/* Where the window starting at a ends: len if the rest fits in w bytes, else the last paragraph
** break, else line break, else blank, in the second half of the window, else a character boundary. */
size_t vg_doc_window_end(const char *text, size_t len, size_t a, size_t w);
/* Bytes of memory a document of len bytes may take (VG_DOC_MEM_RATIO, VG_DOC_MEM_FLOOR). */
size_t vg_doc_budget(size_t len);

#endif
