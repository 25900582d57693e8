/* doc.c — vg_doc: one document's analysis (language, tokens, sentences), reusable across documents.
** Its vectors and key buffer keep their storage between vg_doc_analyze() calls: once the largest
** document has been seen, analysing another allocates nothing. vg_doc_new, which binds a doc to an
** engine, is in src/engine/; what the layers above keep on a doc is theirs (doc_int.h). */
#include <string.h>

#include "doc_int.h"

vg_status vg_doc_make(const vg_engine *e, const vg_mem *m, const vg_langdata *fr, const vg_langdata *en,
                      vg_doc **out)
{
    vg_doc *d = vg_malloc(m, sizeof *d);
    if (!d)
        return VG_ENOMEM;
    memset(d, 0, sizeof *d);
    d->e = e;
    d->mem = m;
    d->ld[0] = fr;
    d->ld[1] = en;
    vg_buf_init(&d->keys, m);
    *out = d;
    return VG_OK;
}

void vg_doc_free(vg_doc *d)
{
    if (!d)
        return;
    const vg_mem *m = d->mem;
    vg_free(m, d->toks.v);
    vg_free(m, d->sents.v);
    vg_buf_release(&d->keys);
    if (d->upper_hooks)
        d->upper_hooks->free(d->upper, m);
    vg_free(m, d);
}

size_t vg_doc_budget(size_t len) { return VG_DOC_MEM_RATIO * len + VG_DOC_MEM_FLOOR; }

vg_status vg_doc_begin(vg_doc *d, const char *text, size_t len, const vg_docinfo *info)
{
    if (!d || (!text && len))
        return VG_EMISUSE;
    d->toks.n = d->sents.n = 0;
    if (d->upper_hooks)
        d->upper_hooks->reset(d->upper); /* events of the previous document are gone */
    d->invalid = d->ncut = 0;
    vg_buf_clear(&d->keys);
    d->lang = VG_LANG_UNKNOWN;
    strcpy(d->lang_code, "und");
    if (len > VG_MAX_DOC_BYTES)
        return VG_ELIMIT;
    size_t budget = vg_doc_budget(len);
    d->toks.max_bytes = budget;
    d->sents.max = budget / 4 / sizeof(vg_sentence);
    vg_lang lang = info ? info->lang : VG_LANG_UNKNOWN;
    if (lang == VG_LANG_UNKNOWN)
        lang = vg_langid(d->ld[0], d->ld[1], text, len, d->lang_code);
    else
        strcpy(d->lang_code, vg_lang_name(lang));
    d->lang = lang;
    return VG_OK;
}

vg_status vg_doc_window(vg_doc *d, const char *text, size_t a, size_t b)
{
    const vg_langdata *ld = vg_doc_langdata(d, d->lang);
    d->toks.n = 0;
    vg_buf_clear(&d->keys);
    vg_status rc = vg_tokenize(d->mem, ld, text + a, b - a, &d->toks, &d->keys, &d->invalid);
    if (rc != VG_OK)
        return rc;
    vg_tok_fix_keys(&d->toks, &d->keys);
    size_t s0 = d->sents.n;
    rc = vg_segment(d->mem, ld, text + a, b - a, d->toks.v, d->toks.n, &d->sents, &d->ncut);
    if (a) { /* offsets into the whole text, not the window */
        for (size_t i = 0; i < d->toks.n; i++)
            d->toks.v[i].start += a, d->toks.v[i].end += a;
        for (size_t i = s0; i < d->sents.n; i++)
            d->sents.v[i].start += a, d->sents.v[i].end += a;
    }
    return rc;
}

size_t vg_doc_window_end(const char *text, size_t len, size_t a, size_t w)
{
    if (len - a <= w)
        return len;
    size_t b = a + w, lo = a + w / 2;
    /* the cut is before a blank, so the next window starts with it and its first token is marked
    ** as following white space, as it would be in the whole text */
    for (size_t i = b; i > lo + 1; i--)
        if (text[i - 1] == '\n' && text[i - 2] == '\n')
            return i - 2;
    for (size_t i = b; i > lo; i--)
        if (text[i - 1] == '\n')
            return i - 1;
    for (size_t i = b; i > lo; i--)
        if (text[i - 1] == ' ' || text[i - 1] == '\t' || text[i - 1] == '\r')
            return i - 1;
    while (b > lo && ((unsigned char)text[b] & 0xC0) == 0x80)
        b--;
    return b;
}

vg_status vg_doc_analyze(vg_doc *d, const char *text, size_t len, const vg_docinfo *info)
{
    vg_status rc = vg_doc_begin(d, text, len, info);
    return rc != VG_OK ? rc : vg_doc_window(d, text, 0, len);
}

vg_lang vg_doc_lang(const vg_doc *d) { return d->lang; }
const char *vg_doc_lang_code(const vg_doc *d) { return d->lang_code; }
size_t vg_doc_nsentences(const vg_doc *d) { return d->sents.n; }
const vg_sentence *vg_doc_sentence(const vg_doc *d, size_t i)
{
    return i < d->sents.n ? &d->sents.v[i] : NULL;
}
size_t vg_doc_ntokens(const vg_doc *d) { return d->toks.n; }
const vg_token *vg_doc_token(const vg_doc *d, size_t i)
{
    return i < d->toks.n ? &d->toks.v[i] : NULL;
}
size_t vg_doc_invalid_bytes(const vg_doc *d) { return d->invalid; }
