/* harness.c — see harness.h. */
#include <stdarg.h>
#include <stdlib.h>

#include "harness.h"

int h_failed_now;
const char *h_shared;
const char *h_root = ".";
static int npassed, nfailed, nskipped;

void h_init(int argc, char **argv)
{
    h_shared = argc > 1 ? argv[1] : getenv("SHARED");
    const char *r = getenv("VG_ROOT");
    if (r && *r)
        h_root = r;
}

void h_fail(const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    fprintf(stdout, "    %s:%d: ", file, line);
    va_start(ap, fmt);
    vfprintf(stdout, fmt, ap);
    va_end(ap);
    fputc('\n', stdout);
    h_failed_now++;
}

void h_run(const char *name, void (*fn)(void))
{
    h_failed_now = 0;
    fn();
    if (h_failed_now) {
        nfailed++;
        printf("FAIL %s\n", name);
    } else {
        npassed++;
        printf("ok   %s\n", name);
    }
    fflush(stdout);
}

void h_skip(const char *name, const char *why)
{
    nskipped++;
    printf("skip %s: %s\n", name, why);
}

int h_report(void)
{
    printf("%d passed, %d failed, %d skipped\n", npassed, nfailed, nskipped);
    return nfailed ? 1 : 0;
}
