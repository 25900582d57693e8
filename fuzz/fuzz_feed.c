/* fuzz_feed.c — libFuzzer target for the feed reader and the timestamp parser: the whole input as a
** feed (sniffed, then parsed), and each of its lines as a date. Whatever the bytes, the feed's
** strings are valid UTF-8 and NUL-terminated at their length, a refusal says why, and a date read
** is a real calendar day. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ingest.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_string(const char *s)
{
    if (s && vg_utf8_invalid(s, strlen(s)))
        abort(); /* the reader promised valid UTF-8 */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    vg_mem mem;
    vg_mem_init(&mem, NULL);
    const char *s = (const char *)data;
    bool sniffed = vg_is_feed(s, size);
    vg_feed *f = NULL;
    char err[256];
    vg_status rc = vg_feed_parse(&mem, s, size, &f, err, sizeof err);
    if (rc == VG_OK) {
        size_t n = vg_feed_count(f);
        for (size_t i = 0; i < n; i++) {
            const vg_feed_item *it = vg_feed_item_at(f, i);
            if (!it)
                abort();
            check_string(it->title);
            check_string(it->link);
            check_string(it->id);
            check_string(it->body);
            if (it->date && !vg_date_valid(it->date, strlen(it->date)))
                abort();
            if (it->body ? strlen(it->body) != it->body_len : it->body_len != 0)
                abort();
        }
        if (vg_feed_item_at(f, n) != NULL)
            abort();
        check_string(vg_feed_title(f));
    } else {
        if (f || !err[0])
            abort(); /* no half-built feed, and every refusal says why */
        if (sniffed && rc != VG_EFORMAT)
            abort(); /* a sniffed feed is read, or refused as damaged, never anything else */
    }
    vg_feed_free(f);

    for (const char *p = s, *end = s + size; p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        char out[11] = "";
        if (vg_date_parse(p, n, out) && !vg_date_valid(out, 10))
            abort();
        p += n + 1;
    }
    return 0;
}
