/* fuzz_main.c — a main() for the fuzz targets when built without libFuzzer (as utf8proc's
** test/fuzz_main.c): replays every file named on the command line, or every file of the
** directories named, through LLVMFuzzerTestOneInput. `make check` replays fuzz/corpus/ this way,
** so every input a fuzzer ever found stays a regression test. */
#include <dirent.h>
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

int main(int argc, char **argv)
{
    int files = 0, errors = 0;
    for (int i = 1; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) {
            DIR *d = opendir(argv[i]);
            struct dirent *de;
            char p[4096];
            while (d && (de = readdir(d))) {
                if (de->d_name[0] == '.')
                    continue;
                snprintf(p, sizeof p, "%s/%s", argv[i], de->d_name);
                errors += replay(p);
                files++;
            }
            if (d)
                closedir(d);
        } else {
            errors += replay(argv[i]);
            files++;
        }
    }
    printf("replayed %d inputs\n", files);
    return errors ? 1 : 0;
}
