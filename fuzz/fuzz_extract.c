/* fuzz_extract.c — libFuzzer target for the article extractor: any bytes as a page (charset
** detection, conversion, libxml2's parser, the page model, metadata, scoring) and as a feed-item
** fragment. What comes out must be valid UTF-8, sized as said, and every date a real day. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static vg_mem mem;
static vg_extractor *x;

static void check(const vg_article *a)
{
    if (!a->text || strlen(a->text) != a->len || vg_utf8_invalid(a->text, a->len))
        abort();
    const char *f[] = { a->title, a->url, a->site, a->lang };
    for (size_t i = 0; i < sizeof f / sizeof *f; i++)
        if (f[i] && vg_utf8_invalid(f[i], strlen(f[i])))
            abort();
    if (a->date && (strlen(a->date) != 10 || !vg_date_valid(a->date, 10) || !a->date_from))
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!x) {
        vg_mem_init(&mem, NULL);
        if (vg_extractor_new(&mem, &x) != VG_OK)
            abort();
    }
    vg_article a;
    char err[256];
    /* the first byte picks a declared charset, as a WARC response header would give one */
    static const char *const cs[] = { NULL, "utf-8", "windows-1252", "iso-8859-15", "shift_jis", "bogus" };
    const char *declared = size ? cs[data[0] % (sizeof cs / sizeof *cs)] : NULL;
    if (vg_extract(x, (const char *)data, size, declared, "https://example.org/2016/07/15/x", 0, &a, err, sizeof err) == VG_OK)
        check(&a);
    else if (!err[0])
        abort();
    if (vg_extract(x, (const char *)data, size, NULL, NULL, VG_EX_FRAGMENT, &a, err, sizeof err) == VG_OK)
        check(&a);
    return 0;
}
