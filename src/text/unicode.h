/* unicode.h — decoding UTF-8 in place and classifying code points, for the tokenizer's hot loop.
** Decoding follows the Unicode standard's table of well-formed sequences (3-7): an ill-formed byte is
** read as one invalid unit covering exactly that byte, so offsets never drift and nothing is copied.
** ASCII is answered from a table; other code points from utf8proc's character database. */
#ifndef VG_UNICODE_H
#define VG_UNICODE_H

#include <stddef.h>
#include <stdint.h>

#define VG_CP_BAD 0xFFFFFFFFu /* an ill-formed byte (shown as U+FFFD) */

static inline uint32_t vg_utf8_decode(const unsigned char *s, size_t n, size_t *len)
{
    unsigned c = s[0];
    *len = 1;
    if (c < 0x80)
        return c;
    if (c < 0xC2 || c > 0xF4)
        return VG_CP_BAD;
    if (c < 0xE0) {
        if (n < 2 || (s[1] & 0xC0) != 0x80)
            return VG_CP_BAD;
        *len = 2;
        return ((c & 0x1Fu) << 6) | (s[1] & 0x3Fu);
    }
    if (c < 0xF0) {
        if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
            return VG_CP_BAD;
        if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] > 0x9F))
            return VG_CP_BAD; /* overlong, surrogate */
        *len = 3;
        return ((c & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
    }
    if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80)
        return VG_CP_BAD;
    if ((c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] > 0x8F))
        return VG_CP_BAD; /* overlong, past U+10FFFF */
    *len = 4;
    return ((c & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) | ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3Fu);
}

/* Code point classes the tokenizer cares about. */
typedef enum {
    VG_CL_SPACE,  /* white space, controls, no-break spaces */
    VG_CL_LETTER, /* L* */
    VG_CL_DIGIT,  /* Nd */
    VG_CL_MARK,   /* M*: combining marks continue a word */
    VG_CL_IGNORE, /* Cf: soft hyphen, zero-width joiners, BOM: inside a word, skipped */
    VG_CL_PUNCT,  /* P* */
    VG_CL_SYM     /* everything else, and ill-formed bytes */
} vg_class;

vg_class vg_cp_class(uint32_t cp);
extern const unsigned char vg_ascii_class[128];
/* The hot-path form: ASCII from the table without a call. */
static inline vg_class vg_class_of(uint32_t cp)
{
    return cp < 128 ? (vg_class)vg_ascii_class[cp] : vg_cp_class(cp);
}
int vg_cp_isupper(uint32_t cp);
int vg_cp_islower(uint32_t cp);

/* Typographic families, folded together for matching (docs/text.md §2). */
static inline int vg_cp_isapos(uint32_t c)
{
    return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x201B || c == 0x2032;
}
static inline int vg_cp_ishyphen(uint32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }
static inline int vg_cp_isnbsp(uint32_t c) { return c == 0xA0 || c == 0x202F || c == 0x2007; }

/* Fold one code point into out (room for VG_FOLD_MAX bytes); returns the bytes written. */
#define VG_FOLD_MAX 80
size_t vg_fold_cp(uint32_t cp, char *out);

#endif
