/* deadline.c — a time limit on the statements of a connection (`vigie query --timeout`).
**
** A statement of the user's own (--sql) may never end: a recursive CTE without a bound counts
** forever. SQLite calls a progress handler every few thousand virtual-machine instructions; the
** handler compares a monotonic clock with the deadline and, once past it, makes the statement
** stop with SQLITE_INTERRUPT. The clock is read only every PROGRESS_STEP instructions, so its cost
** is far below the statement's own work; a statement may overrun by that much, never more. */
#include <time.h>

#include "store_int.h"

#define PROGRESS_STEP 10000 /* VM instructions between two looks at the clock: well under 1 ms */

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int progress(void *ctx)
{
    vg_store *s = ctx;
    if (now() < s->deadline)
        return 0;
    s->timed_out = true;
    return 1; /* non-zero: SQLite interrupts the statement */
}

void vg_store_set_timeout(vg_store *s, double seconds)
{
    s->timed_out = false;
    if (seconds <= 0) {
        s->deadline = 0;
        sqlite3_progress_handler(s->db, 0, NULL, NULL);
        return;
    }
    s->deadline = now() + seconds;
    sqlite3_progress_handler(s->db, PROGRESS_STEP, progress, s);
}

bool vg_store_timed_out(const vg_store *s) { return s->timed_out; }
