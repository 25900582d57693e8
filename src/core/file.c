/* file.c — a whole file in memory, for the loaders that parse a file at once (Verbiste's XML,
** WordNet's verb.exc) and for the tests and fuzz replays that read one. The walk of a directory
** tree is in walk.c. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"

char *vg_read_file(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *b = NULL;
    long sz = -1;
    if (fseek(f, 0, SEEK_END) == 0 && (sz = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
        (b = malloc((size_t)sz + 1)) != NULL) {
        *n = fread(b, 1, (size_t)sz, f);
        b[*n] = 0;
    } else if (sz < 0) {
        errno = EIO; /* not a seekable regular file */
    }
    fclose(f);
    return b;
}
