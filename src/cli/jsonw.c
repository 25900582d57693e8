/* jsonw.c — JSON string output for the commands. Everything vigie writes is valid UTF-8 JSON, even
** when the input was not: ill-formed bytes are written as U+FFFD (docs/text.md §1). */
#include <string.h>

#include "cli.h"
#include "unicode.h"

void json_str(FILE *f, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    putc_unlocked('"', f);
    size_t a = 0, i = 0, l;
    while (i < n) {
        unsigned char c = u[i];
        if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
            i++;
            continue;
        }
        if (c >= 0x80 && vg_utf8_decode(u + i, n - i, &l) != VG_CP_BAD) {
            i += l;
            continue;
        }
        fwrite(s + a, 1, i - a, f);
        if (c >= 0x80) {
            fputs("\xEF\xBF\xBD", f);
        } else if (c == '"' || c == '\\') {
            putc_unlocked('\\', f);
            putc_unlocked((char)c, f);
        } else if (c == '\n') {
            fputs("\\n", f);
        } else if (c == '\t') {
            fputs("\\t", f);
        } else if (c == '\r') {
            fputs("\\r", f);
        } else {
            fprintf(f, "\\u%04x", c);
        }
        a = ++i;
    }
    fwrite(s + a, 1, i - a, f);
    putc_unlocked('"', f);
}
