/* handover.c — a document's events from a worker to the main thread, as bytes (handover.h). */
#include <stdlib.h>
#include <string.h>

#include "handover.h"

/* The buffer is malloc'd (by open_memstream) and the header's size keeps the events aligned, so
** the sink reads them in place. */
_Static_assert(sizeof(cli_handover) % _Alignof(vg_store_event) == 0, "events after the header are aligned");

long cli_handover_write(void *ctx, FILE *f, const vg_input_doc *in, const vg_doc *d, uint64_t ordinal)
{
    (void)ctx, (void)in, (void)ordinal;
    cli_handover h = { (uint32_t)vg_doc_nevents(d), (uint32_t)vg_doc_nsentences(d), { 0 } };
    snprintf(h.lang, sizeof h.lang, "%s", vg_lang_name(vg_doc_lang(d)));
    fwrite(&h, sizeof h, 1, f);
    for (size_t i = 0; i < h.n; i++) {
        const vg_event *e = vg_doc_event(d, i);
        const vg_sentence *s = vg_doc_sentence(d, e->sentence);
        vg_store_event x;
        memset(&x, 0, sizeof x);
        vg_copy(x.source, sizeof x.source, e->source, strlen(e->source));
        vg_copy(x.target, sizeof x.target, e->target, strlen(e->target));
        vg_copy(x.code, sizeof x.code, e->code, strlen(e->code));
        vg_copy(x.country, sizeof x.country, e->place, strlen(e->place));
        if (vg_date_valid(e->date, strlen(e->date))) {
            x.has_day = 1;
            x.day = vg_days_from_civil(atoi(e->date), atoi(e->date + 5), atoi(e->date + 8));
        }
        x.quad = (uint8_t)e->quad;
        x.sentence = (uint32_t)e->sentence;
        x.sent_start = (uint32_t)s->start;
        x.sent_end = (uint32_t)s->end;
        const vg_span sp[5] = { e->source_span, e->target_span, e->trigger_span, e->date_span, e->place_span };
        for (int k = 0; k < 5; k++) {
            x.span[2 * k] = (uint32_t)sp[k].start;
            x.span[2 * k + 1] = (uint32_t)sp[k].end;
        }
        x.confidence = e->confidence;
        x.has_geo = (uint8_t)e->has_geo;
        x.lat = e->lat;
        x.lon = e->lon;
        vg_copy(x.rule, sizeof x.rule, e->rule, strlen(e->rule));
        fwrite(&x, sizeof x, 1, f);
    }
    return ferror(f) ? -1 : (long)h.n;
}

const vg_store_event *cli_handover_read(const char *out, size_t n, const char *cmd, const char *id, cli_handover *h)
{
    if (n < sizeof *h) {
        fprintf(stderr, "vigie %s: %s: internal error: no events handed over\n", cmd, id);
        return NULL;
    }
    memcpy(h, out, sizeof *h);
    if (n != sizeof *h + (size_t)h->n * sizeof(vg_store_event)) {
        fprintf(stderr, "vigie %s: %s: internal error: %zu bytes handed over\n", cmd, id, n);
        return NULL;
    }
    return (const vg_store_event *)(const void *)(out + sizeof *h);
}
