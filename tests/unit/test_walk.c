/* test_walk.c — the directory walk (src/core/walk.c) on trees built to trap it: links back up the
** tree, a second name for a file and for a directory, a FIFO. Each directory walked once, each file
** handed out once, everything else reported with what it is (issue 17). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core.h"
#include "harness.h"

static vg_mem mem;
static char got[4096]; /* one line per entry: "WHAT path [detail]" */

static vg_status record(void *ctx, const char *path, vg_walk_what what, const char *detail)
{
    static const char *names[] = { "FILE", "ERROR", "SPECIAL", "AGAIN", "LOOP" };
    const char *root = ctx;
    size_t n = strlen(got), r = strlen(root) + 1; /* paths shown below the root */
    snprintf(got + n, sizeof got - n, "%s %s%s%s\n", names[what], strlen(path) >= r ? path + r : path,
             what == VG_WALK_FILE || what == VG_WALK_ERROR ? "" : " ",
             what == VG_WALK_FILE || what == VG_WALK_ERROR ? ""
             : what == VG_WALK_SPECIAL || strlen(detail) < r ? detail : detail + r);
    return VG_OK;
}

static void put(const char *path)
{
    FILE *f = fopen(path, "w");
    CHECKF(f != NULL, "cannot create %s", path);
    if (f)
        fclose(f);
}

static char dir[] = "/tmp/vigie-walk-XXXXXX";

static void tree_with_links(void)
{
    char p[512], q[512];
    snprintf(p, sizeof p, "%s/d", dir);
    CHECK(mkdir(p, 0700) == 0);
    snprintf(p, sizeof p, "%s/d/sub", dir);
    CHECK(mkdir(p, 0700) == 0);
    snprintf(p, sizeof p, "%s/d/a.txt", dir), put(p);
    snprintf(p, sizeof p, "%s/d/sub/b.txt", dir), put(p);
    snprintf(p, sizeof p, "%s/d/s1", dir), CHECK(symlink(".", p) == 0);
    snprintf(p, sizeof p, "%s/d/sub/up", dir), CHECK(symlink("..", p) == 0);
    snprintf(p, sizeof p, "%s/d/c.txt", dir), CHECK(symlink("a.txt", p) == 0);
    snprintf(p, sizeof p, "%s/d/t", dir), CHECK(symlink("sub", p) == 0);
    snprintf(p, sizeof p, "%s/d/p", dir), CHECK(mkfifo(p, 0600) == 0);
    snprintf(p, sizeof p, "%s/d/gone", dir), CHECK(symlink("nowhere", p) == 0);
    snprintf(p, sizeof p, "%s/d/.hidden", dir), put(p);

    vg_visited *v;
    CHECK_EQ_INT(vg_visited_new(&mem, &v), VG_OK);
    got[0] = 0;
    snprintf(p, sizeof p, "%s/d", dir);
    CHECK_EQ_INT(vg_walk_each(&mem, p, v, record, dir), VG_OK);
    CHECK_EQ_STR(got, "FILE d/a.txt\n"
                      "AGAIN d/c.txt d/a.txt\n"
                      "ERROR d/gone\n"
                      "SPECIAL d/p a FIFO\n"
                      "LOOP d/s1 d\n"
                      "FILE d/sub/b.txt\n"
                      "LOOP d/sub/up d\n"
                      "AGAIN d/t d/sub\n");
    /* the set outlives a walk: the same tree again, or a file in it, is met already */
    got[0] = 0;
    CHECK_EQ_INT(vg_walk_each(&mem, p, v, record, dir), VG_OK);
    CHECK_EQ_STR(got, "AGAIN d d\n");
    const char *first = NULL;
    snprintf(q, sizeof q, "%s/d/t/b.txt", dir);
    CHECK_EQ_INT(vg_visited_add(v, q, &first), 0);
    CHECK(first && strstr(first, "/d/sub/b.txt") != NULL);
    snprintf(q, sizeof q, "%s/d/nothing", dir);
    CHECK_EQ_INT(vg_visited_add(v, q, &first), -1);
    vg_visited_free(v);
}

static int nfiles;
static vg_status count(void *ctx, const char *path)
{
    (void)ctx, (void)path;
    nfiles++;
    return VG_OK;
}

/* the loaders' form: regular files and what cannot be read, nothing else */
static void simple_walk(void)
{
    char p[512];
    snprintf(p, sizeof p, "%s/d", dir);
    nfiles = 0;
    CHECK_EQ_INT(vg_walk(&mem, p, count, NULL), VG_OK);
    CHECK_EQ_INT(nfiles, 3); /* a.txt, sub/b.txt, and the dangling link to report */
}

/* many files: the set grows past its first table */
static void many_files(void)
{
    char p[512];
    snprintf(p, sizeof p, "%s/m", dir);
    CHECK(mkdir(p, 0700) == 0);
    for (int i = 0; i < 300; i++) {
        snprintf(p, sizeof p, "%s/m/f%03d", dir, i);
        put(p);
    }
    snprintf(p, sizeof p, "%s/m", dir);
    nfiles = 0;
    CHECK_EQ_INT(vg_walk(&mem, p, count, NULL), VG_OK);
    CHECK_EQ_INT(nfiles, 300);
}

int main(int argc, char **argv)
{
    h_init(argc, argv);
    vg_mem_init(&mem, NULL);
    if (!mkdtemp(dir)) {
        h_skip("walk", "cannot create a temporary directory");
        return h_report();
    }
    RUN(tree_with_links);
    RUN(simple_walk);
    RUN(many_files);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
    return h_report();
}
