/* fuzz_main.c — a main() for the fuzz targets when built without libFuzzer (as utf8proc's
** test/fuzz_main.c): replays every file named on the command line, or every file of the
** directories named, through LLVMFuzzerTestOneInput. `make check` replays fuzz/corpus/ this way,
** so every input a fuzzer ever found stays a regression test. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int replay(const char *path)
{
    size_t n;
    char *b = vg_read_file(path, &n);
    if (!b) {
        fprintf(stderr, "cannot open %s\n", path);
        return 1;
    }
    LLVMFuzzerTestOneInput((const uint8_t *)b, n);
    free(b);
    return 0;
}

static int files, errors;

static vg_status replay_walked(void *ctx, const char *path)
{
    (void)ctx;
    errors += replay(path);
    files++;
    return VG_OK;
}

int main(int argc, char **argv)
{
    vg_mem mem;
    vg_mem_init(&mem, NULL);
    for (int i = 1; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode))
            vg_walk(&mem, argv[i], replay_walked, NULL);
        else
            replay_walked(NULL, argv[i]);
    }
    printf("replayed %d inputs\n", files);
    return errors ? 1 : 0;
}
