/* fuzz_dict.c — libFuzzer target for the dictionary compiler (src/dict/lexicon.c): the input
** replaces one dictionary file of a private copy of data/ (the first byte picks which; optional files
** such as codes.txt or discards.txt are created for the run), and the
** engine is opened on it. A malformed file must be refused with a message, never crash or leak.
** Slow by nature (each run compiles both languages' dictionaries); `make fuzz` runs it like the others. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "vigie.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[64];

static void setup(void)
{
    if (dir[0])
        return;
    snprintf(dir, sizeof dir, "/tmp/vigie-fuzz-dict-%d", (int)getpid());
    char cmd[4096];
    snprintf(cmd, sizeof cmd, "rm -rf '%s' && mkdir -p '%s' && cp -r '%s' '%s/data'", dir, dir, VG_DATADIR, dir);
    if (system(cmd) != 0)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* the last four are optional files a dictionary may have (absent from data/: created, then removed) */
    static const char *const files[] = { "dict/actors.txt", "dict/fr/triggers.txt", "dict/en/triggers.txt",
                                         "dict/fr/countries.txt", "dict/en/agents.txt", "text/fr/grammar.txt",
                                         "text/en/dates.txt", "text/fr/inflect.txt", "dict/codes.txt",
                                         "dict/options.txt", "dict/en/discards.txt", "dict/actors/fuzz.txt" };
    enum { NFILES = sizeof files / sizeof files[0] };
    setup();
    if (size < 1)
        return 0;
    char path[256], save[300], ddir[128];
    snprintf(path, sizeof path, "%s/data/%s", dir, files[data[0] % NFILES]);
    snprintf(save, sizeof save, "%s.orig", path);
    snprintf(ddir, sizeof ddir, "%s/data", dir);
    int existed = rename(path, save) == 0;
    if (!existed && errno != ENOENT)
        abort();
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data + 1, 1, size - 1, f) != size - 1 || fclose(f) != 0)
        abort();
    vg_options o = { 0 };
    o.data_dir = ddir;
    vg_engine *e = NULL;
    vg_status rc = vg_engine_open(&o, &e);
    if (rc != VG_OK && (!e || !vg_engine_errmsg(e)[0]) && rc != VG_ENOMEM)
        abort(); /* every refusal says why */
    vg_engine_close(e);
    if (existed ? rename(save, path) != 0 : unlink(path) != 0)
        abort();
    return 0;
}
