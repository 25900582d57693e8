/* fuzz_dict.c — libFuzzer target for the dictionary compiler (src/dict/lexicon.c): the input
** replaces one dictionary file of a private copy of data/ (the first byte picks which; optional files
** such as codes.txt or discards.txt are created for the run), and the lexicon is loaded from it by
** vg_lexicon_load, the loader vg_engine_open calls. A malformed file must be refused with a
** message, never crash or leak.
**
** Speed: loading the whole of data/ takes a second a run under the sanitizers, and the fuzzer then
** makes a few dozen runs a minute. So the private copy keeps the first BASE_LINES lines of each
** dictionary file (every kind of line still appears, and every parser still runs), the language
** data and verb morphology (Verbiste, WordNet) every load needs are read once, and a run loads one
** language: the file's own, or for a file both languages read, the one the input's second byte
** picks. The copy is removed at exit. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dict.h"
#include "text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Lines kept of each file of the copy: enough for each file's kinds of entries (comments, roles,
** dated roles, alternatives, patterns with every slot) to be in the base the fuzzed file joins. */
#define BASE_LINES 120

static char dir[64], ddir[128], dictdir[160];
static vg_mem mem;
static vg_langdata text[2]; /* fr, en */
static vg_morph *morph[2];

static void cleanup(void)
{
    char cmd[200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "fuzz_dict: could not remove %s\n", dir);
}

static void setup(void)
{
    if (dir[0])
        return;
    snprintf(dir, sizeof dir, "/tmp/vigie-fuzz-dict-XXXXXX");
    if (!mkdtemp(dir))
        abort();
    atexit(cleanup);
    snprintf(ddir, sizeof ddir, "%s/data", dir);
    snprintf(dictdir, sizeof dictdir, "%s/dict", ddir);
    char cmd[4096];
    snprintf(cmd, sizeof cmd,
             "cp -r '%s' '%s' && find '%s/dict' -name '*.txt' | while read -r f; do "
             "head -n %d \"$f\" > \"$f.head\" && mv \"$f.head\" \"$f\"; done",
             VG_DATADIR, ddir, ddir, BASE_LINES);
    if (system(cmd) != 0)
        abort();
    vg_mem_init(&mem, NULL);
    char err[512];
    static const char *const langs[2] = { "fr", "en" };
    for (int i = 0; i < 2; i++) {
        vg_lexicon lx;
        if (vg_langdata_load(&text[i], &mem, ddir, langs[i], err, sizeof err) != VG_OK ||
            vg_morph_open(&mem, langs[i], &morph[i], err, sizeof err) != VG_OK ||
            vg_lexicon_load_with(&lx, &mem, ddir, dictdir, langs[i], &text[i], morph[i], err, sizeof err) != VG_OK) {
            fprintf(stderr, "fuzz_dict: the base copy does not load: %s\n", err);
            abort();
        }
        vg_lexicon_free(&lx);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* lang: 0 French, 1 English, 2 both read it (the input's second byte picks which is loaded).
    ** The last five are optional files a dictionary may have (absent from data/: created, then
    ** removed). */
    static const struct {
        const char *path;
        int lang;
    } files[] = { { "dict/actors.txt", 2 },          { "dict/fr/triggers.txt", 0 }, { "dict/en/triggers.txt", 1 },
                  { "dict/fr/countries.txt", 0 },    { "dict/en/agents.txt", 1 },   { "text/fr/grammar.txt", 0 },
                  { "text/en/dates.txt", 1 },        { "text/fr/inflect.txt", 0 },  { "dict/codes.txt", 2 },
                  { "dict/options.txt", 2 },         { "dict/en/discards.txt", 1 }, { "dict/actors/fuzz.txt", 2 },
                  { "dict/fr/triggers/fuzz.txt", 0 } };
    enum { NFILES = sizeof files / sizeof files[0] };
    setup();
    if (size < 1)
        return 0;
    unsigned which = data[0] % NFILES;
    int lang = files[which].lang == 2 ? (size > 1 ? data[1] & 1 : 0) : files[which].lang;
    char path[256], save[300];
    snprintf(path, sizeof path, "%s/%s", ddir, files[which].path);
    snprintf(save, sizeof save, "%s.orig", path);
    int existed = rename(path, save) == 0;
    if (!existed && errno != ENOENT)
        abort();
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data + 1, 1, size - 1, f) != size - 1 || fclose(f) != 0)
        abort();
    vg_lexicon lx;
    char err[512] = "";
    vg_status rc =
        vg_lexicon_load_with(&lx, &mem, ddir, dictdir, lang ? "en" : "fr", &text[lang], morph[lang], err, sizeof err);
    if (rc != VG_OK && rc != VG_ENOMEM && !err[0])
        abort(); /* every refusal says why */
    vg_lexicon_free(&lx);
    if (existed ? rename(save, path) != 0 : unlink(path) != 0)
        abort();
    return 0;
}
