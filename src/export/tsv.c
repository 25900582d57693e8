/* tsv.c — events as tab-separated values with a header row: what R's read.delim and pandas'
** read_csv(sep="\t") read as they are. Every text field goes through the output rule of
** sanitize.h: its tabs and line breaks become spaces (a field never splits a row), other control
** characters U+FFFD. */
#include <string.h>

#include "export.h"
#include "sanitize.h"

void vg_tsv_str(FILE *f, const char *s, size_t n) { vg_san_write(f, s, n, 0); }

/* A field that is a NUL-terminated string (codes, the rule's file:line). */
static void field(FILE *f, const char *s) { vg_tsv_str(f, s, strlen(s)); }

void vg_export_tsv_header(FILE *f)
{
    fputs("doc\tsentence\tsource\ttarget\tcode\troot\tquad\tgoldstein\tdate\tplace\tcountry\tlat\tlon\t"
          "source_text\ttarget_text\ttrigger_text\tconfidence\trule\tsentence_text\n", f);
}

int vg_export_tsv(FILE *f, const vg_export_doc *x, const vg_doc *d)
{
    for (size_t i = 0; i < vg_doc_nevents(d); i++) {
        const vg_event *e = vg_doc_event(d, i);
        const vg_sentence *s = vg_doc_sentence(d, e->sentence);
        vg_tsv_str(f, x->id, strlen(x->id));
        fprintf(f, "\t%zu\t", e->sentence);
        const char *codes[] = { e->source, e->target, e->code, e->root };
        for (int k = 0; k < 4; k++) {
            field(f, codes[k]);
            putc('\t', f);
        }
        fprintf(f, "%d\t%.1f\t", e->quad, (double)e->goldstein);
        field(f, e->date);
        putc('\t', f);
        vg_tsv_str(f, x->text + e->place_span.start, e->place_span.end - e->place_span.start);
        putc('\t', f);
        field(f, e->place);
        putc('\t', f);
        if (e->has_geo)
            fprintf(f, "%.4f\t%.4f", e->lat, e->lon);
        else
            fputs("\t", f);
        const vg_span sp[3] = { e->source_span, e->target_span, e->trigger_span };
        for (int k = 0; k < 3; k++) {
            putc('\t', f);
            vg_tsv_str(f, x->text + sp[k].start, sp[k].end - sp[k].start);
        }
        fprintf(f, "\t%.2f\t", (double)e->confidence);
        field(f, e->rule);
        putc('\t', f);
        vg_tsv_str(f, x->text + s->start, s->end - s->start);
        putc('\n', f);
    }
    return ferror(f) ? -1 : 0;
}
