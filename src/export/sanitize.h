/* sanitize.h — what vigie does with characters that must not reach a terminal or a spreadsheet as
** they are: one rule, used by every writer of text (JSON Lines, TSV, CSV, GDELT, tables, `code -f
** text`). docs/output.md § Control characters states it for users.
**
** A document's id, URL or text may carry terminal escape sequences ("\x1b]0;title\x07", "\x1b[2J")
** or bytes that are not UTF-8; printed raw they retitle or clear the reader's terminal, and an 8-bit
** byte 0x9B is CSI on some terminals. So every output is valid UTF-8 in which no control character
** reaches the reader raw, except a newline where the format allows it (CSV's quoted cells):
**   - JSON escapes them, losslessly: \n \t \r, and \u00XX for the other C0 controls, DEL and the C1
**     controls U+0080..U+009F;
**   - text formats replace them: tab, newline and CR by a space (a TSV or GDELT field never holds a
**     raw tab or line break), every other control by U+FFFD;
**   - everywhere a byte that is not UTF-8 is written as U+FFFD (as docs/text.md §1 reads input).
** Not here: CSV's quoting and its formula guard (csv.c), which build on this. */
#ifndef VG_SANITIZE_H
#define VG_SANITIZE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "unicode.h"

typedef enum {
    VG_CH_PLAIN,   /* printable, or any valid UTF-8 character outside the control ranges */
    VG_CH_SPACE,   /* tab, newline, carriage return */
    VG_CH_CONTROL, /* another C0 control, DEL, or a C1 control (U+0080..U+009F) */
    VG_CH_BAD      /* a byte that does not start a well-formed UTF-8 character */
} vg_ch;

/* The kind of the character at s (n >= 1 bytes left); *len its length in bytes, *cp its code
** point (the byte itself for VG_CH_BAD). Inline: JSON calls it for every non-ASCII character. */
static inline vg_ch vg_ch_class(const char *s, size_t n, size_t *len, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    *len = 1;
    *cp = u[0];
    if (u[0] >= 0x20 && u[0] < 0x7F)
        return VG_CH_PLAIN;
    if (u[0] == '\t' || u[0] == '\n' || u[0] == '\r')
        return VG_CH_SPACE;
    if (u[0] < 0x80)
        return VG_CH_CONTROL; /* C0, DEL */
    uint32_t c = vg_utf8_decode(u, n, len);
    if (c == VG_CP_BAD) {
        *len = 1;
        return VG_CH_BAD;
    }
    *cp = c;
    return c <= 0x9F ? VG_CH_CONTROL : VG_CH_PLAIN; /* C1: 0x9B is CSI to some terminals */
}

enum {
    VG_SAN_LINES = 1 /* keep tab, newline and CR as they are (inside CSV's quotes) */
};

/* Write s[0..n) with controls and ill-formed bytes as U+FFFD, and tab, newline, CR as a space
** unless flags has VG_SAN_LINES. */
void vg_san_write(FILE *f, const char *s, size_t n, unsigned flags);
/* The same, into a new NUL-terminated string the caller frees; NULL when out of memory. */
char *vg_san_dup(const char *s, size_t n, unsigned flags);

/* Write a CSV cell (csv.c): RFC 4180 quoting when it holds a comma, quote or line break; its
** characters through vg_san_write(…, VG_SAN_LINES). A text cell (text != 0) that a spreadsheet
** would read as a formula, one starting with =, +, -, @, tab or CR (OWASP's list), gets a leading
** apostrophe; number cells are left as they are, so that -2.0 stays a number. */
void vg_csv_str(FILE *f, const char *s, size_t n, int text);

#endif
