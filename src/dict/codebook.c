/* codebook.c — the CAMEO codebook compiled in: every event code with its QuadClass and Goldstein
** value, every actor role. The tables are generated at build time by tools/mktab.c from
** data/cameo/codes.tsv and roles.tsv (the .inc files of build/gen), so the data file stays the one source. */
#include <string.h>

#include "dict.h"

static const vg_cameo codes[] = {
#include "cameo_codes.inc"
};

static const vg_cameo_role roles[] = {
#include "cameo_roles.inc"
};

size_t vg_cameo_count(void) { return sizeof codes / sizeof codes[0]; }
const vg_cameo *vg_cameo_at(size_t i) { return i < vg_cameo_count() ? &codes[i] : NULL; }

/* The table is in byte order of the codes (tools/mktab.c checks it): a binary search, since the
** loader asks once a pattern. */
const vg_cameo *vg_cameo_find(const char *code, size_t n)
{
    size_t lo = 0, hi = vg_cameo_count();
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *c = codes[mid].code;
        int d = strncmp(c, code, n);
        if (!d)
            d = c[n] != 0; /* a longer code sorts after its prefix */
        if (!d)
            return &codes[mid];
        if (d < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

static const vg_plover plover[] = {
#include "cameo_plover.inc"
};

const vg_plover *vg_plover_find(const char *code)
{
    for (size_t i = 0; i < sizeof plover / sizeof plover[0]; i++)
        if (!strcmp(plover[i].code, code))
            return &plover[i];
    return NULL;
}

size_t vg_role_count(void) { return sizeof roles / sizeof roles[0]; }
const vg_cameo_role *vg_role_at(size_t i) { return i < vg_role_count() ? &roles[i] : NULL; }

const vg_cameo_role *vg_role_find(const char *code, size_t n)
{
    for (size_t i = 0; i < vg_role_count(); i++)
        if (strlen(roles[i].code) == n && !memcmp(roles[i].code, code, n))
            return &roles[i];
    return NULL;
}

const vg_code_info *vg_codebook(size_t i) { return vg_cameo_at(i); }
