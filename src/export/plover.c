/* plover.c — events in the PLOVER ontology (Political Language Ontology for Verifiable Event
** Records), one JSON object a line: the CAMEO code's PLOVER event type, mode and context from
** data/cameo/plover.tsv (compiled in, src/dict/codebook.c), the actors with their country and
** type, the place, and the evidence. Shared by `vigie code -f plover` (from a coded document) and
** `vigie export -f plover` (from the store). docs/output.md § PLOVER lists the fields. */
#include <string.h>

#include "dict.h"
#include "export.h"

/* CAMEO codes that open with a kind of actor rather than a country (IGOEUREEC, NGOHRW, IMGMUSISI). */
static int group_code(const char *c)
{
    static const char *const kinds[] = { "IGO", "NGO", "IMG", "MNC", "NGM", "UIS" };
    for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
        if (!strncmp(c, kinds[i], 3))
            return 1;
    return 0;
}

/* PLOVER's actor country and type: "USAGOV" is USA and GOV, "SYRREB" SYR and REB, "IGOEUREEC" no
** country and IGO (the kind of actor comes first in a group's code); null when the code has none. */
static void actor(FILE *f, const char *k, const char *code, const char *text, size_t tn)
{
    size_t n = code ? strlen(code) : 0;
    if (n >= 3 && group_code(code)) {
        fprintf(f, ",\"%s\":", k);
        vg_json_str(f, code, n);
        fprintf(f, ",\"%s_country\":null,\"%s_type\":", k, k);
        vg_json_str(f, code, 3);
        fprintf(f, ",\"%s_text\":", k);
        vg_json_str(f, text ? text : "", text ? tn : 0);
        return;
    }
    fprintf(f, ",\"%s\":", k);
    vg_json_str(f, code ? code : "", n);
    fprintf(f, ",\"%s_country\":", k);
    if (n >= 3)
        vg_json_str(f, code, 3);
    else
        fputs("null", f);
    fprintf(f, ",\"%s_type\":", k);
    if (n >= 6)
        vg_json_str(f, code + 3, 3);
    else
        fputs("null", f);
    fprintf(f, ",\"%s_text\":", k);
    vg_json_str(f, text ? text : "", text ? tn : 0);
}

static void str_or_null(FILE *f, const char *k, const char *v)
{
    fprintf(f, ",\"%s\":", k);
    if (v && *v)
        vg_json_str(f, v, strlen(v));
    else
        fputs("null", f);
}

void vg_plover_write(FILE *f, const vg_plover_event *e)
{
    const vg_plover *p = vg_plover_find(e->code ? e->code : "");
    fputs("{\"id\":", f);
    vg_json_str(f, e->id, strlen(e->id));
    str_or_null(f, "date", e->date);
    str_or_null(f, "event", p ? p->event : NULL);
    str_or_null(f, "mode", p ? p->mode : NULL);
    str_or_null(f, "context", p ? p->context : NULL);
    str_or_null(f, "cameo", e->code);
    fprintf(f, ",\"quad\":%d,\"goldstein\":%.1f", e->quad, e->goldstein);
    actor(f, "actor1", e->source, e->source_text, e->source_tlen);
    actor(f, "actor2", e->target, e->target_text, e->target_tlen);
    str_or_null(f, "country", e->country);
    fputs(",\"place\":", f);
    vg_json_str(f, e->place ? e->place : "", e->place ? e->place_len : 0);
    if (e->has_geo)
        fprintf(f, ",\"lat\":%.4f,\"lon\":%.4f", e->lat, e->lon);
    else
        fputs(",\"lat\":null,\"lon\":null", f);
    str_or_null(f, "doc", e->doc);
    str_or_null(f, "url", e->url);
    fputs(",\"text\":", f);
    vg_json_str(f, e->text ? e->text : "", e->text ? e->text_len : 0);
    fputs("}\n", f);
}

int vg_export_plover(FILE *f, const vg_export_doc *x, const vg_doc *d)
{
    for (size_t i = 0; i < vg_doc_nevents(d); i++) {
        const vg_event *e = vg_doc_event(d, i);
        const vg_sentence *s = vg_doc_sentence(d, e->sentence);
        char id[600];
        snprintf(id, sizeof id, "%s-%zu", x->id, i);
        vg_plover_event p = { id, e->date, e->code, e->quad, e->goldstein,
                              e->source, x->text + e->source_span.start, e->source_span.end - e->source_span.start,
                              e->target, x->text + e->target_span.start, e->target_span.end - e->target_span.start,
                              e->place, x->text + e->place_span.start, e->place_span.end - e->place_span.start,
                              e->has_geo, e->lat, e->lon, x->id, x->url, x->text + s->start, s->end - s->start };
        vg_plover_write(f, &p);
    }
    return ferror(f) ? -1 : 0;
}
