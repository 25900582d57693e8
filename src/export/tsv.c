/* tsv.c — events as tab-separated values with a header row: what R's read.delim and pandas'
** read_csv(sep="\t") read as they are. Text fields have their tabs and newlines turned to spaces. */
#include <string.h>

#include "export.h"

void vg_tsv_str(FILE *f, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        putc(s[i] == '\t' || s[i] == '\n' || s[i] == '\r' ? ' ' : s[i], f);
}

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
        fprintf(f, "\t%zu\t%s\t%s\t%s\t%s\t%d\t%.1f\t%s\t", e->sentence, e->source, e->target, e->code, e->root,
                e->quad, (double)e->goldstein, e->date);
        vg_tsv_str(f, x->text + e->place_span.start, e->place_span.end - e->place_span.start);
        fprintf(f, "\t%s\t", e->place);
        if (e->has_geo)
            fprintf(f, "%.4f\t%.4f", e->lat, e->lon);
        else
            fputs("\t", f);
        const vg_span sp[3] = { e->source_span, e->target_span, e->trigger_span };
        for (int k = 0; k < 3; k++) {
            putc('\t', f);
            vg_tsv_str(f, x->text + sp[k].start, sp[k].end - sp[k].start);
        }
        fprintf(f, "\t%.2f\t%s\t", (double)e->confidence, e->rule);
        vg_tsv_str(f, x->text + s->start, s->end - s->start);
        putc('\n', f);
    }
    return ferror(f) ? -1 : 0;
}
