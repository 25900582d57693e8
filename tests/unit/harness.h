/* harness.h — the unit-test harness: CHECK records a failure with file and line and goes on;
** each TEST is counted passed or failed; the binary ends with "N passed, N failed" (tests/run.sh
** adds the binaries up). Tests that need ../shared call SKIP() with a reason when it is absent. */
#ifndef VG_HARNESS_H
#define VG_HARNESS_H

#include <stdio.h>
#include <string.h>

extern int h_failed_now;
extern const char *h_shared; /* ../shared, from argv[1] or $SHARED */
extern const char *h_root;   /* the repository, from $VG_ROOT or "." */

void h_fail(const char *file, int line, const char *fmt, ...);
void h_run(const char *name, void (*fn)(void));
void h_skip(const char *name, const char *why);
int h_report(void);
void h_init(int argc, char **argv);

#define CHECK(c) ((c) ? (void)0 : h_fail(__FILE__, __LINE__, "%s", #c))
#define CHECKF(c, ...) ((c) ? (void)0 : h_fail(__FILE__, __LINE__, __VA_ARGS__))
#define CHECK_EQ_INT(a, b)                                                                        \
    do {                                                                                          \
        long long _a = (long long)(a), _b = (long long)(b);                                       \
        if (_a != _b)                                                                             \
            h_fail(__FILE__, __LINE__, "%s == %lld, expected %lld", #a, _a, _b);                  \
    } while (0)
#define CHECK_EQ_STR(a, b)                                                                        \
    do {                                                                                          \
        const char *_a = (a), *_b = (b);                                                          \
        if (!_a || !_b || strcmp(_a, _b))                                                         \
            h_fail(__FILE__, __LINE__, "%s == \"%s\", expected \"%s\"", #a, _a ? _a : "(null)",   \
                   _b ? _b : "(null)");                                                           \
    } while (0)
#define RUN(fn) h_run(#fn, fn)

#endif
