/* jsonl.c — events as JSON Lines, one object a line, keys in a fixed order (docs/output.md).
** Offsets are bytes of the document's text; *_text fields are the evidence cut from it. */
#include <string.h>

#include "export.h"
#include "sanitize.h"

/* Everything vigie writes is valid UTF-8 JSON, even when the input was not: ill-formed bytes are
** written as U+FFFD (docs/text.md §1). Control characters are escaped, never written raw: the C0
** ones JSON requires, and DEL and the C1 controls too (sanitize.h), so that JSON Lines read on a
** terminal cannot drive it. The escapes lose nothing: a JSON reader gets the characters back. */
void vg_json_str(FILE *f, const char *s, size_t n)
{
    putc_unlocked('"', f);
    size_t a = 0, i = 0, l;
    uint32_t cp;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') { /* the common case, without a call */
            i++;
            continue;
        }
        vg_ch k = vg_ch_class(s + i, n - i, &l, &cp);
        if (k == VG_CH_PLAIN && c >= 0x80) {
            i += l;
            continue;
        }
        fwrite(s + a, 1, i - a, f);
        if (k == VG_CH_BAD) {
            fputs("\xEF\xBF\xBD", f);
        } else if (c == '"' || c == '\\') {
            putc_unlocked('\\', f);
            putc_unlocked((char)c, f);
        } else if (c == '\n') {
            fputs("\\n", f);
        } else if (c == '\t') {
            fputs("\\t", f);
        } else if (c == '\r') {
            fputs("\\r", f);
        } else {
            fprintf(f, "\\u%04x", (unsigned)cp);
        }
        a = i += l;
    }
    fwrite(s + a, 1, i - a, f);
    putc_unlocked('"', f);
}

static void span_text(FILE *f, const char *key, const vg_export_doc *x, vg_span s)
{
    fprintf(f, ",\"%s\":", key);
    vg_json_str(f, x->text + s.start, s.end - s.start);
}

int vg_export_jsonl(FILE *f, const vg_export_doc *x, const vg_doc *d)
{
    const char *lang = vg_lang_name(vg_doc_lang(d));
    for (size_t i = 0; i < vg_doc_nevents(d); i++) {
        const vg_event *e = vg_doc_event(d, i);
        const vg_sentence *s = vg_doc_sentence(d, e->sentence);
        fputs("{\"doc\":", f);
        vg_json_str(f, x->id, strlen(x->id));
        fprintf(f, ",\"sentence\":%zu,\"source\":\"%s\",\"target\":\"%s\",\"code\":\"%s\",\"root\":\"%s\","
                   "\"quad\":%d,\"goldstein\":%.1f,\"date\":\"%s\",\"place\":",
                e->sentence, e->source, e->target, e->code, e->root, e->quad, (double)e->goldstein, e->date);
        vg_json_str(f, x->text + e->place_span.start, e->place_span.end - e->place_span.start);
        fprintf(f, ",\"country\":\"%s\",", e->place);
        if (e->has_geo)
            fprintf(f, "\"lat\":%.4f,\"lon\":%.4f", e->lat, e->lon);
        else
            fputs("\"lat\":null,\"lon\":null", f);
        span_text(f, "source_text", x, e->source_span);
        span_text(f, "target_text", x, e->target_span);
        span_text(f, "trigger_text", x, e->trigger_span);
        fprintf(f, ",\"source_start\":%zu,\"source_end\":%zu,\"target_start\":%zu,\"target_end\":%zu,"
                   "\"trigger_start\":%zu,\"trigger_end\":%zu",
                e->source_span.start, e->source_span.end, e->target_span.start, e->target_span.end,
                e->trigger_span.start, e->trigger_span.end);
        span_text(f, "date_text", x, e->date_span);
        fprintf(f, ",\"lang\":\"%s\",\"confidence\":%.2f,\"rule\":", lang, (double)e->confidence);
        vg_json_str(f, e->rule, strlen(e->rule));
        fputs(",\"implied\":", f);
        vg_json_str(f, e->implied ? e->implied : "", e->implied ? strlen(e->implied) : 0);
        span_text(f, "sentence_text", x, (vg_span){ s->start, s->end });
        fputs("}\n", f);
    }
    return ferror(f) ? -1 : 0;
}
