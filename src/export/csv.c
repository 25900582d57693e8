/* csv.c — one CSV cell, as R's read.csv, pandas and spreadsheets read it (RFC 4180).
**
** A cell is quoted when it holds a comma, a quote or a line break, quotes doubled inside. Its
** characters go through the output rule of sanitize.h (controls as U+FFFD; tab and line breaks
** kept, quoted). A text cell a spreadsheet would take for a formula (CSV injection: =HYPERLINK(…),
** +cmd|…, -2+3, @SUM(…), or a tab or CR before one) starts with an apostrophe, which spreadsheets
** read as "this is text" and hide; other readers see it, so docs/output.md says so. Numbers are
** never guarded: -2.0 must stay a number. */
#include <string.h>

#include "sanitize.h"

void vg_csv_str(FILE *f, const char *s, size_t n, int text)
{
    if (!s || !n)
        return;
    int formula = text && s[0] && strchr("=+-@\t\r", s[0]);
    int quote = memchr(s, ',', n) || memchr(s, '"', n) || memchr(s, '\n', n) || memchr(s, '\r', n);
    if (quote)
        putc('"', f);
    if (formula)
        putc('\'', f);
    for (const char *p = s, *end = s + n, *q; p < end; p = q + 1) {
        q = memchr(p, '"', (size_t)(end - p));
        vg_san_write(f, p, (q ? q : end) - p, VG_SAN_LINES);
        if (!q)
            break;
        fputs("\"\"", f);
    }
    if (quote)
        putc('"', f);
}
