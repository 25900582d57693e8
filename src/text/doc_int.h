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

void vg_coder_free(struct vg_coder *c, const vg_mem *m);
void vg_coder_reset(struct vg_coder *c); /* NULL: no-op */

#endif
