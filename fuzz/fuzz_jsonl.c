/* fuzz_jsonl.c — libFuzzer target for the JSON Lines record reader: each line of the input is a
** record; a record that parses has its text analysed, as `vigie code` would. */
#include <stdint.h>
#include <string.h>

#include "fuzz_common.h"
#include "ingest.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* every gold event handed over has its three strings */
static void on_event(void *ctx, const vg_gold_event *ev)
{
    (void)ctx;
    if (!ev->source || !ev->target || !ev->code)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_init();
    vg_mem mem;
    vg_mem_init(&mem, NULL);
    vg_jrec rec;
    vg_jrec_init(&rec, &mem);
    char err[256];
    const char *s = (const char *)data, *end = s + size;
    while (s < end) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        size_t n = nl ? (size_t)(nl - s) : (size_t)(end - s);
        if (vg_json_record(s, n, &rec, err, sizeof err) == VG_OK) {
            if ((rec.has >> VG_JF_EVENTS) & 1) {
                const vg_buf *ev = &rec.f[VG_JF_EVENTS];
                if (vg_json_events(ev->p, ev->n, on_event, NULL, err, sizeof err) != VG_OK && !err[0])
                    abort(); /* a refusal says why */
            }
            if ((rec.has >> VG_JF_TEXT) & 1) {
                const vg_buf *t = &rec.f[VG_JF_TEXT];
                if (vg_utf8_invalid(t->p, t->n))
                    abort(); /* the reader promised valid UTF-8 */
                vg_docinfo info = { "fuzz", VG_LANG_UNKNOWN, NULL };
                if (vg_doc_analyze(fz_doc, t->p, t->n, &info) == VG_OK)
                    fz_check(t->p, t->n);
            }
        } else if (!err[0]) {
            abort(); /* every refusal says why */
        }
        s += n + 1;
    }
    vg_jrec_release(&rec);
    return 0;
}
