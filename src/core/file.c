/* file.c — a whole file in memory, for the loaders that parse a file at once (Verbiste's XML,
** WordNet's verb.exc) and for the tests and fuzz replays that read one; and the walk of a directory
** tree in a fixed order, for the input reader and the dictionary version. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

#define WALK_MAX_DEPTH 32 /* a symbolic link back up the tree must not recurse for ever */

static vg_status walk(const vg_mem *mem, const char *dir, vg_walk_fn fn, void *ctx, int depth)
{
    DIR *d = depth < WALK_MAX_DEPTH ? opendir(dir) : NULL;
    if (!d)
        return fn(ctx, dir); /* the caller reports it as unreadable */
    char **names = NULL;
    size_t n = 0, cap = 0;
    vg_status rc = VG_OK;
    struct dirent *de;
    while (rc == VG_OK && (de = readdir(d))) {
        if (de->d_name[0] == '.')
            continue;
        if ((rc = vg_grow(mem, (void **)&names, &cap, n + 1, sizeof *names)) == VG_OK &&
            !(names[n++] = vg_strndup(mem, de->d_name, strlen(de->d_name))))
            rc = VG_ENOMEM, n--;
    }
    closedir(d);
    /* sorted, so the same tree gives the same order; subdirectories expanded in place */
    qsort(names, n, sizeof *names, cmp_str);
    char path[4096];
    size_t dl = strlen(dir);
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        snprintf(path, sizeof path, "%s%s%s", dir, dl && dir[dl - 1] == '/' ? "" : "/", names[i]);
        if (rc == VG_OK)
            rc = stat(path, &st) == 0 && S_ISDIR(st.st_mode) ? walk(mem, path, fn, ctx, depth + 1) : fn(ctx, path);
        vg_free(mem, names[i]);
    }
    vg_free(mem, names);
    return rc;
}

vg_status vg_walk(const vg_mem *mem, const char *dir, vg_walk_fn fn, void *ctx)
{
    return walk(mem, dir, fn, ctx, 0);
}
