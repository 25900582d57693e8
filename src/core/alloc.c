/* alloc.c — the allocator as a value (as cmark's cmark_mem): the C library's by default, the
** caller's through vg_options.alloc, which is how tests fail the Nth allocation. */
#include <stdlib.h>
#include <string.h>

#include "core.h"

static void *std_malloc(void *ctx, size_t n) { (void)ctx; return malloc(n); }
static void *std_realloc(void *ctx, void *p, size_t n) { (void)ctx; return realloc(p, n); }
static void std_free(void *ctx, void *p) { (void)ctx; free(p); }

void vg_mem_init(vg_mem *m, const vg_allocator *a)
{
    m->a.malloc = a && a->malloc ? a->malloc : std_malloc;
    m->a.realloc = a && a->realloc ? a->realloc : std_realloc;
    m->a.free = a && a->free ? a->free : std_free;
    m->a.ctx = a ? a->ctx : NULL;
}

void *vg_malloc(const vg_mem *m, size_t n) { return m->a.malloc(m->a.ctx, n ? n : 1); }
void *vg_realloc(const vg_mem *m, void *p, size_t n) { return m->a.realloc(m->a.ctx, p, n ? n : 1); }
void vg_free(const vg_mem *m, void *p)
{
    if (p)
        m->a.free(m->a.ctx, p);
}

char *vg_strndup(const vg_mem *m, const char *s, size_t n)
{
    char *d = vg_malloc(m, n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = 0;
    }
    return d;
}
