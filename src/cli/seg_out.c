/* seg_out.c — sentences and tokens as JSON Lines (keys in a fixed order) or as text for people. */
#include <string.h>

#include "sanitize.h"
#include "seg_out.h"

static const char *const kinds[] = { "word", "num", "date", "punct", "sym" };

static void write_tokens_json(FILE *f, const vg_doc *d, const vg_sentence *s)
{
    fputs(",\"tokens\":[", f);
    for (size_t k = 0; k < s->ntok; k++) {
        const vg_token *t = vg_doc_token(d, s->tok + k);
        fprintf(f, "%s[%zu,%zu,", k ? "," : "", t->start, t->end);
        vg_json_str(f, t->key, t->keylen);
        fprintf(f, ",\"%s\"]", kinds[t->kind]);
    }
    putc(']', f);
}

long seg_write(void *ctx, FILE *f, const vg_input_doc *in, const vg_doc *d, uint64_t ordinal)
{
    const seg_out *o = ctx;
    (void)ordinal;
    const char *lang = vg_lang_name(vg_doc_lang(d));
    for (size_t i = 0; i < vg_doc_nsentences(d); i++) {
        const vg_sentence *s = vg_doc_sentence(d, i);
        if (o->text) {
            /* for a terminal: the id and the text through the output rule (sanitize.h), so that
            ** escape sequences in a document show as U+FFFD instead of driving the terminal */
            vg_san_write(f, in->id, strlen(in->id), 0);
            fprintf(f, " #%zu %s [%zu,%zu)\n  ", i, lang, s->start, s->end);
            vg_san_write(f, in->text + s->start, s->end - s->start, 0);
            if (o->tokens) {
                fputs("\n  ", f);
                for (size_t k = 0; k < s->ntok; k++) {
                    const vg_token *t = vg_doc_token(d, s->tok + k);
                    fputs(k ? " | " : "", f);
                    vg_san_write(f, in->text + t->start, t->end - t->start, 0);
                }
            }
            fputs("\n", f);
            continue;
        }
        fputs("{\"doc\":", f);
        vg_json_str(f, in->id, strlen(in->id));
        fprintf(f, ",\"sentence\":%zu,\"start\":%zu,\"end\":%zu,\"text\":", i, s->start, s->end);
        vg_json_str(f, in->text + s->start, s->end - s->start);
        fprintf(f, ",\"lang\":\"%s\"", lang);
        if (o->tokens)
            write_tokens_json(f, d, s);
        fputs("}\n", f);
    }
    return ferror(f) ? -1 : (long)vg_doc_nsentences(d);
}
