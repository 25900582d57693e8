/* sanitize.c — control characters and ill-formed bytes on the way out (sanitize.h says the rule
** and why). Plain runs are written with one fwrite: the common case, text without a control, costs
** a scan. */
#include <stdlib.h>
#include <string.h>

#include "sanitize.h"

#define REPLACEMENT "\xEF\xBF\xBD" /* U+FFFD */

/* Calls out(ctx, bytes, n) for each piece of the sanitised text. */
typedef void (*sink)(void *ctx, const char *p, size_t n);

static void sanitize(const char *s, size_t n, unsigned flags, sink out, void *ctx)
{
    size_t a = 0, i = 0, len;
    uint32_t cp;
    while (i < n) {
        vg_ch k = vg_ch_class(s + i, n - i, &len, &cp);
        if (k == VG_CH_PLAIN || (k == VG_CH_SPACE && (flags & VG_SAN_LINES))) {
            i += len;
            continue;
        }
        out(ctx, s + a, i - a);
        if (k == VG_CH_SPACE)
            out(ctx, " ", 1);
        else
            out(ctx, REPLACEMENT, 3);
        a = i += len;
    }
    out(ctx, s + a, i - a);
}

static void to_file(void *ctx, const char *p, size_t n)
{
    if (n)
        fwrite(p, 1, n, ctx);
}

void vg_san_write(FILE *f, const char *s, size_t n, unsigned flags) { sanitize(s, n, flags, to_file, f); }

typedef struct {
    char *p;
    size_t n;
} strbuf;

static void to_buf(void *ctx, const char *p, size_t n)
{
    strbuf *b = ctx;
    memcpy(b->p + b->n, p, n);
    b->n += n;
}

char *vg_san_dup(const char *s, size_t n, unsigned flags)
{
    /* a replaced character is at most 3 bytes for every byte it replaces */
    if (n > (SIZE_MAX - 1) / 3)
        return NULL;
    strbuf b = { malloc(3 * n + 1), 0 };
    if (!b.p)
        return NULL;
    sanitize(s, n, flags, to_buf, &b);
    b.p[b.n] = 0;
    return b.p;
}
