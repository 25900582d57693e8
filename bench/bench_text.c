/* bench_text.c — throughput of the text pipeline alone (UTF-8, langid, tokens with keys,
** sentences), reading JSON Lines as `vigie segment` does but writing nothing.
** Reports MB/s of document text, sentences/s, tokens/s and peak RSS.
** Usage: bench_text [--identify] FILE.jsonl   (--identify: ignore "lang", run language id) */
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "ingest.h"
#include "vigie.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    int identify = argc > 2 && !strcmp(argv[1], "--identify");
    const char *path = argv[argc - 1];
    vg_engine *e;
    vg_doc *d;
    vg_reader *r;
    vg_mem mem;
    vg_mem_init(&mem, NULL);
    vg_options opt = { 0 };
    opt.flags = VG_OPT_TEXT_ONLY;
    if (argc < 2 || vg_engine_open(&opt, &e) != VG_OK || vg_doc_new(e, &d) != VG_OK ||
        vg_reader_new(&mem, VG_IN_JSONL, &r) != VG_OK || vg_reader_add(r, path) != VG_OK) {
        fprintf(stderr, "usage: bench_text [--identify] FILE.jsonl\n");
        return 2;
    }
    vg_input_doc in;
    vg_skip why;
    char msg[256];
    unsigned long long bytes = 0, sents = 0, toks = 0, docs = 0;
    double t_read = 0, t_an = 0, t0 = now();
    for (;;) {
        double a = now();
        int got = vg_reader_next(r, &in, &why, msg, sizeof msg);
        double b = now();
        t_read += b - a;
        if (got == 0)
            break;
        if (got < 0)
            continue;
        vg_docinfo info = { in.id, identify ? VG_LANG_UNKNOWN : in.lang, in.date };
        if (vg_doc_analyze(d, in.text, in.len, &info) != VG_OK)
            continue;
        t_an += now() - b;
        bytes += in.len;
        sents += vg_doc_nsentences(d);
        toks += vg_doc_ntokens(d);
        docs++;
    }
    double total = now() - t0;
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    double mb = (double)bytes / (1 << 20);
    printf("text pipeline%s: %llu docs, %.1f MB, %llu sentences, %llu tokens\n",
           identify ? " (with language id)" : "", docs, mb, sents, toks);
    printf("  analyse only : %7.1f MB/s  %10.0f sentences/s  %10.0f tokens/s  (%.2f s)\n",
           mb / t_an, (double)sents / t_an, (double)toks / t_an, t_an);
    printf("  with reading : %7.1f MB/s  %10.0f sentences/s  (JSON Lines parse %.2f s, total %.2f s)\n",
           mb / total, (double)sents / total, t_read, total);
    printf("  peak RSS     : %ld MB\n", ru.ru_maxrss / 1024);
    vg_reader_free(r);
    vg_doc_free(d);
    vg_engine_close(e);
    return 0;
}
