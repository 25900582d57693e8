/* bench_code.c — the coder's speed with the full dictionaries: engine start-up (dictionaries
** compiled from their text files), then sentences/s coding JSON Lines as `vigie code` does but
** writing nothing, and peak RSS; then the clause layer (src/syntax/) alone over the same sentences,
** which the coder does not call yet: its own sentences/s, to add to the coder's cost.
** Usage: bench_code FILE.jsonl [lang]   (lang forces fr or en; default: the records' own) */
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "engine.h"
#include "ingest.h"
#include "syntax.h"
#include "vigie.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_code FILE.jsonl [fr|en]\n");
        return 2;
    }
    vg_lang force = argc > 2 ? vg_lang_parse(argv[2], strlen(argv[2])) : VG_LANG_UNKNOWN;
    double t0 = now();
    vg_engine *e;
    vg_doc *d;
    if (vg_engine_open(NULL, &e) != VG_OK) {
        fprintf(stderr, "%s\n", vg_engine_errmsg(e));
        return 1;
    }
    double t_start = now() - t0;
    vg_reader *r;
    vg_mem mem;
    vg_mem_init(&mem, NULL);
    if (vg_doc_new(e, &d) != VG_OK || vg_reader_new(&mem, VG_IN_JSONL, &r) != VG_OK || vg_reader_add(r, argv[1]) != VG_OK)
        return 1;
    vg_input_doc in;
    vg_skip why;
    char msg[256];
    unsigned long long bytes = 0, sents = 0, events = 0, docs = 0;
    double t_code = 0, t_syn = 0;
    unsigned long long syn_sents = 0, syn_verbs = 0;
    vg_syntax *syn;
    if (vg_syntax_new(&mem, &syn) != VG_OK)
        return 1;
    int got;
    while ((got = vg_reader_next(r, &in, &why, msg, sizeof msg)) != 0) {
        if (got < 0)
            continue;
        vg_docinfo info = { in.id, force != VG_LANG_UNKNOWN ? force : in.lang, in.date };
        double a = now();
        if (vg_code(d, in.text, in.len, &info) != VG_OK)
            continue;
        t_code += now() - a;
        const struct vg_syngram *g = vg_engine_syngram(e, vg_doc_lang(d));
        a = now();
        for (size_t k = 0; g && k < vg_doc_nsentences(d); k++) {
            const vg_sentence *sn = vg_doc_sentence(d, k);
            if (vg_syntax_parse(syn, g, in.text, vg_doc_token(d, sn->tok), sn->ntok) == VG_OK)
                syn_verbs += vg_syn_nverbs(syn), syn_sents++;
        }
        t_syn += now() - a;
        bytes += in.len;
        sents += vg_doc_nsentences(d);
        events += vg_doc_nevents(d);
        docs++;
    }
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("coder: %s: %llu docs, %llu sentences, %.1f MB, %llu events\n", argv[1], docs, sents,
           (double)bytes / (1 << 20), events);
    printf("  start-up (dictionaries compiled) : %6.1f ms\n", t_start * 1000);
    printf("  coding                           : %8.0f sentences/s  (%.2f s, %.1f MB/s)\n", (double)sents / t_code,
           t_code, (double)bytes / (1 << 20) / t_code);
    printf("  clause layer alone               : %8.0f sentences/s  (%.2f s, %.1f verb groups a sentence)\n",
           (double)syn_sents / t_syn, t_syn, syn_sents ? (double)syn_verbs / (double)syn_sents : 0.0);
    printf("  coding + clause layer            : %8.0f sentences/s\n", (double)sents / (t_code + t_syn));
    printf("  peak RSS                         : %ld MB\n", ru.ru_maxrss / 1024);
    vg_syntax_free(syn);
    vg_reader_free(r);
    vg_doc_free(d);
    vg_engine_close(e);
    return 0;
}
