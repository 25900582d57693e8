/* fuzz_petrarch.c — libFuzzer target for `vigie dict import --from petrarch` (src/dict/petrarch.c):
** the input, after a first byte that picks the file kind (actors, agents, verbs, discards, or none:
** told by content), is imported, and the engine is opened on what the import wrote. A damaged
** PETRARCH file must be converted or reported, never crash; what is written must load. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dict.h"
#include "text.h"
#include "vigie.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[64];

/* The import's output directory and input file live in a directory of their own, removed at exit. */
static void cleanup(void)
{
    char cmd[200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "fuzz_petrarch: could not remove %s\n", dir);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const names[] = { "x.actors.txt", "x.agents.txt", "x.verbs.txt", "x.discards.txt", "x.txt" };
    if (!dir[0]) {
        snprintf(dir, sizeof dir, "/tmp/vigie-fuzz-petrarch-XXXXXX");
        if (!mkdtemp(dir))
            abort();
        atexit(cleanup);
    }
    if (size < 1)
        return 0;
    char in[160], out[160];
    snprintf(in, sizeof in, "%s/%s", dir, names[data[0] % 5]);
    snprintf(out, sizeof out, "%s/out", dir);
    FILE *f = fopen(in, "wb");
    if (!f || fwrite(data + 1, 1, size - 1, f) != size - 1 || fclose(f) != 0)
        abort();
    char *files[1] = { in };
    vg_import_counts c;
    char err[256];
    FILE *devnull = fopen("/dev/null", "w");
    vg_status rc = vg_import_petrarch(files, 1, out, devnull, &c, err, sizeof err);
    if (devnull)
        fclose(devnull);
    unlink(in);
    if (rc != VG_OK)
        return 0;
    if (c.read != c.converted + c.skipped)
        abort(); /* every entry read is accounted for */
    /* the English dictionary only (the import writes no French): the engine's own loader */
    static vg_langdata text;
    static vg_mem mem;
    if (!mem.a.malloc) {
        vg_mem_init(&mem, NULL);
        if (vg_langdata_load(&text, &mem, VG_DATADIR, "en", err, sizeof err) != VG_OK)
            abort();
    }
    vg_lexicon lx;
    rc = vg_lexicon_load(&lx, &mem, VG_DATADIR, out, "en", &text, err, sizeof err);
    if (rc != VG_OK && rc != VG_ENOMEM) {
        fprintf(stderr, "import wrote a dictionary that does not load: %s\n", err);
        abort();
    }
    vg_lexicon_free(&lx);
    return 0;
}
