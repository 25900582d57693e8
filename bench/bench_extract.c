/* bench_extract.c — article extraction speed, and its output for the extraction benchmark.
**
**   bench_extract [-o OUT.json] [-r ROUNDS] FILE.html[.gz]…
**
** Every page is read (and gunzipped) first, so the timing is extraction alone: charset, parse,
** scoring and metadata. Prints pages/s and MB/s (of HTML) per core, and peak RSS. With -o, writes
** {"KEY": {"articleBody": "…"}, …} — KEY being the file name without .html.gz — the form the
** benchmark's evaluate.py reads (bench/extract.sh runs it). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "extract.h"
#include "ingest.h"
#include "export.h"

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    const char *outpath = NULL;
    int rounds = 3, first = 1;
    while (first < argc && argv[first][0] == '-') {
        if (!strcmp(argv[first], "-o") && first + 1 < argc)
            outpath = argv[first + 1], first += 2;
        else if (!strcmp(argv[first], "-r") && first + 1 < argc)
            rounds = atoi(argv[first + 1]), first += 2;
        else {
            fprintf(stderr, "usage: bench_extract [-o OUT.json] [-r ROUNDS] FILE.html[.gz]…\n");
            return 2;
        }
    }
    int npages = argc - first;
    if (npages <= 0) {
        fprintf(stderr, "usage: bench_extract [-o OUT.json] [-r ROUNDS] FILE.html[.gz]…\n");
        return 2;
    }
    vg_mem mem;
    vg_mem_init(&mem, NULL);
    vg_buf *pages = calloc((size_t)npages, sizeof *pages);
    size_t total = 0;
    char err[256];
    for (int i = 0; i < npages; i++) {
        size_t n;
        char *raw = vg_read_file(argv[first + i], &n);
        vg_buf_init(&pages[i], &mem);
        if (!raw) {
            fprintf(stderr, "bench_extract: cannot read %s\n", argv[first + i]);
            return 1;
        }
        if (vg_is_gzip(raw, n)) {
            if (vg_gunzip(raw, n, VG_MAX_DOC_BYTES, &pages[i], err, sizeof err) != VG_OK)
                fprintf(stderr, "bench_extract: %s: %s\n", argv[first + i], err);
        } else {
            vg_buf_append(&pages[i], raw, n);
        }
        free(raw);
        total += pages[i].n;
    }
    vg_extractor *x;
    if (vg_extractor_new(&mem, &x) != VG_OK)
        return 1;
    FILE *out = outpath ? fopen(outpath, "w") : NULL;
    if (outpath && !out) {
        fprintf(stderr, "bench_extract: cannot write %s\n", outpath);
        return 1;
    }
    double best = 1e30;
    size_t chars = 0;
    for (int r = 0; r < rounds; r++) {
        double t0 = now();
        chars = 0;
        for (int i = 0; i < npages; i++) {
            vg_article a;
            if (vg_extract(x, pages[i].p ? pages[i].p : "", pages[i].n, NULL, NULL, 0, &a, err, sizeof err) != VG_OK)
                fprintf(stderr, "bench_extract: %s: %s\n", argv[first + i], err);
            chars += a.len;
            if (out && r == 0) {
                const char *base = strrchr(argv[first + i], '/');
                base = base ? base + 1 : argv[first + i];
                size_t bn = strcspn(base, ".");
                fputs(i ? ",\n" : "{\n", out);
                vg_json_str(out, base, bn);
                fputs(": {\"articleBody\": ", out);
                vg_json_str(out, a.text ? a.text : "", a.len);
                fputs("}", out);
            }
        }
        double dt = now() - t0;
        if (dt < best)
            best = dt;
    }
    if (out) {
        fputs("\n}\n", out);
        fclose(out);
    }
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("  %d pages, %.1f MB of HTML, best of %d rounds: %.3f s = %.0f pages/s, %.1f MB/s (one core); "
           "%zu bytes of article text; peak RSS %ld MB\n",
           npages, (double)total / 1e6, rounds, best, npages / best, (double)total / 1e6 / best, chars,
           ru.ru_maxrss / 1024);
    vg_extractor_free(x);
    for (int i = 0; i < npages; i++)
        vg_buf_release(&pages[i]);
    free(pages);
    return 0;
}
