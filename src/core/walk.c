/* walk.c — the walk of a directory tree in a fixed order, for the input reader and the dictionary
** version; and the set of (device, inode) pairs it has met.
** Why the set: a tree is not a tree once symbolic links are in it. `ln -s . d/s1` makes d/s1/s1/…
** endless, and two such links make the walk exponential; a link to a file gives it a second name.
** Recognising a directory or a file by its (device, inode), not its name, is what makes every
** directory walked once and every file read once whatever the links. Only regular files are handed
** out to be read: a FIFO would block the run for ever, a device never ends.
** Not here: the reading of the files (src/ingest/reader.c), which also records the files named on
** the command line in the same set. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core.h"

/* ---- (device, inode) set ---- */

typedef struct {
    uint64_t dev, ino;
    char *name; /* NULL: an empty slot */
} visit;

struct vg_visited {
    const vg_mem *mem;
    visit *t;
    size_t cap, n; /* cap a power of two, n < cap / 2 */
};

vg_status vg_visited_new(const vg_mem *mem, vg_visited **out)
{
    vg_visited *v = vg_malloc(mem, sizeof *v);
    *out = v;
    if (!v)
        return VG_ENOMEM;
    memset(v, 0, sizeof *v);
    v->mem = mem;
    return VG_OK;
}

void vg_visited_free(vg_visited *v)
{
    if (!v)
        return;
    for (size_t i = 0; i < v->cap; i++)
        vg_free(v->mem, v->t[i].name);
    vg_free(v->mem, v->t);
    vg_free(v->mem, v);
}

static size_t slot_of(const visit *t, size_t cap, uint64_t dev, uint64_t ino)
{
    uint64_t k[2] = { dev, ino };
    size_t i = (size_t)vg_hash64(k, sizeof k, 0) & (cap - 1);
    while (t[i].name && (t[i].dev != dev || t[i].ino != ino))
        i = (i + 1) & (cap - 1);
    return i;
}

/* 1 new (recorded under path), 0 met before (*first its first name), -1 out of memory. */
static int add(vg_visited *v, uint64_t dev, uint64_t ino, const char *path, const char **first)
{
    if (2 * (v->n + 1) > v->cap) {
        size_t cap = v->cap ? 2 * v->cap : 64;
        visit *t = vg_malloc(v->mem, cap * sizeof *t);
        if (!t) {
            errno = ENOMEM;
            return -1;
        }
        memset(t, 0, cap * sizeof *t);
        for (size_t i = 0; i < v->cap; i++)
            if (v->t[i].name)
                t[slot_of(t, cap, v->t[i].dev, v->t[i].ino)] = v->t[i];
        vg_free(v->mem, v->t);
        v->t = t;
        v->cap = cap;
    }
    size_t i = slot_of(v->t, v->cap, dev, ino);
    if (v->t[i].name) {
        *first = v->t[i].name;
        return 0;
    }
    if (!(v->t[i].name = vg_strndup(v->mem, path, strlen(path)))) {
        errno = ENOMEM;
        return -1;
    }
    v->t[i].dev = dev;
    v->t[i].ino = ino;
    v->n++;
    return 1;
}

int vg_visited_add(vg_visited *v, const char *path, const char **first)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return -1;
    return add(v, (uint64_t)st.st_dev, (uint64_t)st.st_ino, path, first);
}

/* ---- the walk ---- */

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Deeper than this is not a news collection; the bound also keeps the stack of ancestors fixed. */
#define WALK_MAX_DEPTH 64

typedef struct { /* a directory being walked: its children's links back to it are loops */
    uint64_t dev, ino;
    const char *path;
} ancestor;

typedef struct {
    const vg_mem *mem;
    vg_visited *v;
    vg_walk_each_fn fn;
    void *ctx;
    ancestor up[WALK_MAX_DEPTH];
} walker;

static const char *special_kind(mode_t m)
{
    return S_ISFIFO(m) ? "a FIFO" : S_ISSOCK(m) ? "a socket" : S_ISCHR(m) ? "a character device"
         : S_ISBLK(m) ? "a block device" : "not a regular file";
}

static vg_status walk(walker *w, const char *dir, const struct stat *dst, int depth);

/* One entry of a directory: what it is decides what fn is told. */
static vg_status entry(walker *w, const char *path, int depth)
{
    struct stat st;
    const char *first = NULL;
    if (stat(path, &st) != 0)
        return w->fn(w->ctx, path, VG_WALK_ERROR, strerror(errno));
    if (S_ISDIR(st.st_mode)) {
        for (int i = 0; i < depth; i++)
            if (w->up[i].dev == (uint64_t)st.st_dev && w->up[i].ino == (uint64_t)st.st_ino)
                return w->fn(w->ctx, path, VG_WALK_LOOP, w->up[i].path);
        int k = add(w->v, (uint64_t)st.st_dev, (uint64_t)st.st_ino, path, &first);
        if (k < 0)
            return VG_ENOMEM;
        return k ? walk(w, path, &st, depth) : w->fn(w->ctx, path, VG_WALK_AGAIN, first);
    }
    if (!S_ISREG(st.st_mode))
        return w->fn(w->ctx, path, VG_WALK_SPECIAL, special_kind(st.st_mode));
    int k = add(w->v, (uint64_t)st.st_dev, (uint64_t)st.st_ino, path, &first);
    if (k < 0)
        return VG_ENOMEM;
    return w->fn(w->ctx, path, k ? VG_WALK_FILE : VG_WALK_AGAIN, first);
}

/* The entries of dir, which has been recorded as visited; depth is how many directories hold it. */
static vg_status walk(walker *w, const char *dir, const struct stat *dst, int depth)
{
    if (depth >= WALK_MAX_DEPTH)
        return w->fn(w->ctx, dir, VG_WALK_ERROR, "directories nested too deep (64 levels)");
    DIR *d = opendir(dir);
    if (!d)
        return w->fn(w->ctx, dir, VG_WALK_ERROR, strerror(errno));
    w->up[depth] = (ancestor){ (uint64_t)dst->st_dev, (uint64_t)dst->st_ino, dir };
    char **names = NULL;
    size_t n = 0, cap = 0;
    vg_status rc = VG_OK;
    struct dirent *de;
    while (rc == VG_OK && (de = readdir(d))) {
        if (de->d_name[0] == '.')
            continue;
        if ((rc = vg_grow(w->mem, (void **)&names, &cap, n + 1, sizeof *names)) == VG_OK &&
            !(names[n++] = vg_strndup(w->mem, de->d_name, strlen(de->d_name))))
            rc = VG_ENOMEM, n--;
    }
    closedir(d);
    /* sorted, so the same tree gives the same order; subdirectories expanded in place */
    if (n)
        qsort(names, n, sizeof *names, cmp_str);
    char path[4096];
    size_t dl = strlen(dir);
    for (size_t i = 0; i < n; i++) {
        int k = snprintf(path, sizeof path, "%s%s%s", dir, dl && dir[dl - 1] == '/' ? "" : "/", names[i]);
        if (rc == VG_OK)
            rc = k >= 0 && (size_t)k < sizeof path ? entry(w, path, depth + 1)
                                                   : w->fn(w->ctx, dir, VG_WALK_ERROR, "a path over 4096 bytes in it");
        vg_free(w->mem, names[i]);
    }
    vg_free(w->mem, names);
    return rc;
}

vg_status vg_walk_each(const vg_mem *mem, const char *dir, vg_visited *v, vg_walk_each_fn fn, void *ctx)
{
    walker w = { mem, v, fn, ctx, { { 0, 0, NULL } } };
    struct stat st;
    const char *first = NULL;
    if (stat(dir, &st) != 0)
        return fn(ctx, dir, VG_WALK_ERROR, strerror(errno));
    int k = add(v, (uint64_t)st.st_dev, (uint64_t)st.st_ino, dir, &first);
    if (k < 0)
        return VG_ENOMEM;
    return k ? walk(&w, dir, &st, 0) : fn(ctx, dir, VG_WALK_AGAIN, first);
}

typedef struct {
    vg_walk_fn fn;
    void *ctx;
} simple;

static vg_status simple_each(void *ctx, const char *path, vg_walk_what what, const char *detail)
{
    (void)detail;
    const simple *s = ctx;
    return what == VG_WALK_FILE || what == VG_WALK_ERROR ? s->fn(s->ctx, path) : VG_OK;
}

vg_status vg_walk(const vg_mem *mem, const char *dir, vg_walk_fn fn, void *ctx)
{
    vg_visited *v;
    if (vg_visited_new(mem, &v) != VG_OK)
        return VG_ENOMEM;
    simple s = { fn, ctx };
    vg_status rc = vg_walk_each(mem, dir, v, simple_each, &s);
    vg_visited_free(v);
    return rc;
}
