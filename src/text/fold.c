/* fold.c — matching keys and code point classes (docs/text.md §2).
** A key is the text decomposed (compatibility), case-folded, stripped of combining marks, with
** typographic apostrophes, quotes and dashes folded to ASCII and ligatures spelled out, so that NFC
** and NFD spellings, « and ", ’ and ' all match the same dictionary entry. utf8proc does the Unicode
** part; the typographic families are ours because they are about news typography, not Unicode.
** The ASCII path never calls utf8proc: it is most of every text. */
#include <utf8proc.h>

#include "core.h"
#include "unicode.h"

/* ASCII classes, indexed by byte. */
const unsigned char vg_ascii_class[128] = {
#define S VG_CL_SPACE
#define L VG_CL_LETTER
#define D VG_CL_DIGIT
#define P VG_CL_PUNCT
#define Y VG_CL_SYM
    S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S,
    /*  ! " # $ % & ' ( ) * + , - . / */
    S, P, P, Y, Y, Y, Y, P, P, P, P, Y, P, P, P, P,
    D, D, D, D, D, D, D, D, D, D, P, P, Y, Y, Y, P, /* 0-9 : ; < = > ? */
    Y, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, /* @ A-O */
    L, L, L, L, L, L, L, L, L, L, L, P, P, P, Y, P, /* P-Z [ \ ] ^ _ */
    Y, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, /* ` a-o */
    L, L, L, L, L, L, L, L, L, L, L, P, Y, P, Y, S, /* p-z { | } ~ DEL */
#undef S
#undef L
#undef D
#undef P
#undef Y
};

vg_class vg_cp_class(uint32_t cp)
{
    if (cp < 128)
        return (vg_class)vg_ascii_class[cp];
    if (cp == VG_CP_BAD)
        return VG_CL_SYM;
    switch (utf8proc_category((utf8proc_int32_t)cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
        return VG_CL_LETTER;
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
        return VG_CL_MARK;
    case UTF8PROC_CATEGORY_ND:
        return VG_CL_DIGIT;
    case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC:
        return VG_CL_SPACE;
    case UTF8PROC_CATEGORY_CF:
        return VG_CL_IGNORE;
    case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PD: case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE: case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO:
        return VG_CL_PUNCT;
    default:
        return VG_CL_SYM;
    }
}

int vg_cp_isupper(uint32_t cp)
{
    if (cp < 128)
        return cp >= 'A' && cp <= 'Z';
    if (cp == VG_CP_BAD)
        return 0;
    utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

int vg_cp_islower(uint32_t cp)
{
    if (cp < 128)
        return cp >= 'a' && cp <= 'z';
    if (cp == VG_CP_BAD)
        return 0;
    return utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_LL;
}

static size_t put(char *out, const char *s)
{
    size_t n = 0;
    while (s[n]) {
        out[n] = s[n];
        n++;
    }
    return n;
}

size_t vg_fold_cp(uint32_t cp, char *out)
{
    if (cp < 128) {
        out[0] = (char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
        return 1;
    }
    switch (cp) {
    case VG_CP_BAD: return put(out, "\xEF\xBF\xBD");
    case 0x2018: case 0x2019: case 0x201B: case 0x2032: case 0x02BC: return put(out, "'");
    case 0x00AB: case 0x00BB: case 0x201C: case 0x201D: case 0x201E: case 0x201F:
    case 0x2033: case 0x2039: case 0x203A: return put(out, "\"");
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D: return put(out, "-");
    case 0x00A0: case 0x202F: case 0x2007: return put(out, " ");
    case 0x0153: case 0x0152: return put(out, "oe");
    case 0x00E6: case 0x00C6: return put(out, "ae");
    case 0x00F8: case 0x00D8: return put(out, "o");
    case 0x0142: case 0x0141: return put(out, "l");
    case 0x0111: case 0x0110: case 0x00F0: case 0x00D0: return put(out, "d");
    case 0x00FE: case 0x00DE: return put(out, "th");
    case 0x0131: return put(out, "i");
    }
    utf8proc_int32_t dst[VG_FOLD_MAX / 4];
    int last = 0;
    utf8proc_ssize_t k = utf8proc_decompose_char(
        (utf8proc_int32_t)cp, dst, (utf8proc_ssize_t)(sizeof dst / sizeof dst[0]),
        (utf8proc_option_t)(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
                            UTF8PROC_STRIPMARK | UTF8PROC_IGNORE),
        &last);
    if (k < 0 || (size_t)k > sizeof dst / sizeof dst[0]) /* unassigned or too long: keep as is */
        return (size_t)utf8proc_encode_char((utf8proc_int32_t)cp, (utf8proc_uint8_t *)out);
    size_t n = 0;
    for (utf8proc_ssize_t i = 0; i < k; i++) {
        uint32_t c = (uint32_t)dst[i];
        if (c < 128)
            out[n++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        else
            n += (size_t)utf8proc_encode_char(dst[i], (utf8proc_uint8_t *)out + n);
    }
    return n;
}

size_t vg_fold(const char *s, size_t n, char *out, size_t cap)
{
    const unsigned char *u = (const unsigned char *)s;
    char tmp[VG_FOLD_MAX];
    size_t total = 0;
    for (size_t i = 0, l; i < n; i += l) {
        uint32_t cp = vg_utf8_decode(u + i, n - i, &l);
        size_t k = vg_fold_cp(cp, tmp);
        for (size_t j = 0; j < k; j++, total++)
            if (cap && total < cap - 1)
                out[total] = tmp[j];
    }
    if (cap)
        out[total < cap ? total : cap - 1] = 0;
    return total;
}

size_t vg_utf8_invalid(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t bad = 0;
    for (size_t i = 0, l; i < n; i += l) {
        if (u[i] < 0x80) {
            l = 1;
            continue;
        }
        if (vg_utf8_decode(u + i, n - i, &l) == VG_CP_BAD)
            bad++;
    }
    return bad;
}
