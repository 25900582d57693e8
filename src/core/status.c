/* status.c — names of statuses and languages. */
#include <string.h>
#include <strings.h>

#include "core.h"

const char *vg_strerror(vg_status rc)
{
    switch (rc) {
    case VG_OK: return "ok";
    case VG_ENOMEM: return "out of memory";
    case VG_EIO: return "input/output error";
    case VG_EUTF8: return "invalid UTF-8";
    case VG_EFORMAT: return "malformed input";
    case VG_ELIMIT: return "over a limit";
    case VG_EDICT: return "language data or dictionary error";
    case VG_ELANG: return "unsupported language";
    case VG_EMISUSE: return "API misuse";
    }
    return "unknown status";
}

const char *vg_lang_name(vg_lang l)
{
    switch (l) {
    case VG_LANG_FR: return "fr";
    case VG_LANG_EN: return "en";
    case VG_LANG_OTHER: return "other";
    default: return "und";
    }
}

vg_lang vg_lang_parse(const char *s, size_t n)
{
    if (!s || !n)
        return VG_LANG_UNKNOWN;
    if (n == 2 && !strncasecmp(s, "fr", 2))
        return VG_LANG_FR;
    if (n == 2 && !strncasecmp(s, "en", 2))
        return VG_LANG_EN;
    /* regional tags: fr-FR, en_GB */
    if (n > 2 && (s[2] == '-' || s[2] == '_'))
        return vg_lang_parse(s, 2);
    return VG_LANG_OTHER;
}
