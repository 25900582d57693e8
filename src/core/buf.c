/* buf.c — a growable byte buffer and array growth. Buffers keep their storage across documents
** (vg_buf_clear), so the pipeline stops allocating once it has seen its largest document. */
#include <string.h>

#include "core.h"

void vg_buf_init(vg_buf *b, const vg_mem *mem)
{
    b->p = NULL;
    b->n = b->cap = 0;
    b->mem = mem;
}

void vg_buf_release(vg_buf *b)
{
    vg_free(b->mem, b->p);
    b->p = NULL;
    b->n = b->cap = 0;
}

vg_status vg_grow(const vg_mem *mem, void **pp, size_t *cap, size_t need, size_t sz)
{
    if (need <= *cap)
        return VG_OK;
    size_t c = *cap ? *cap : 16;
    while (c < need) {
        if (c > SIZE_MAX / 2 / sz)
            return VG_ENOMEM;
        c *= 2;
    }
    void *p = vg_realloc(mem, *pp, c * sz);
    if (!p)
        return VG_ENOMEM;
    *pp = p;
    *cap = c;
    return VG_OK;
}

vg_status vg_buf_reserve(vg_buf *b, size_t extra)
{
    if (extra > SIZE_MAX - b->n - 1)
        return VG_ENOMEM;
    return vg_grow(b->mem, (void **)&b->p, &b->cap, b->n + extra + 1, 1);
}

vg_status vg_buf_append(vg_buf *b, const void *s, size_t n)
{
    vg_status rc = vg_buf_reserve(b, n);
    if (rc != VG_OK)
        return rc;
    if (n)
        memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = 0;
    return VG_OK;
}

vg_status vg_buf_putc(vg_buf *b, char c) { return vg_buf_append(b, &c, 1); }
