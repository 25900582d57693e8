/* inflect.c — plurals and feminines of dictionary words, from the suffix rules of
** data/text/<lang>/inflect.txt, so an entry written `rebelle` or `syrien` matches `rebelles`,
** `syrienne`. Rules work on folded keys. A wrong form for an odd word (`grece`) is harmless: it
** never occurs in text. */
#include <stdio.h>
#include <string.h>

#include "dict.h"

vg_status vg_inflect_load(vg_inflect *in, const char *path, char *err, size_t errcap)
{
    memset(in, 0, sizeof *in);
    FILE *f = fopen(path, "r");
    if (!f) {
        snprintf(err, errcap, "%s: cannot open", path);
        return VG_EDICT;
    }
    char line[256];
    int lineno = 0;
    vg_rules *cur = NULL;
    vg_status rc = VG_OK;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        line[strcspn(line, "\r\n")] = 0;
        if (!line[0] || line[0] == '#')
            continue;
        if (!strcmp(line, "[plural]")) {
            cur = &in->plural;
            continue;
        }
        if (!strcmp(line, "[feminine]")) {
            cur = &in->feminine;
            continue;
        }
        char *tab = strchr(line, '\t');
        if (!cur || !tab || cur->n == (int)(sizeof cur->suf / sizeof cur->suf[0]) ||
            strlen(line) >= sizeof cur->suf[0] || strlen(tab + 1) >= sizeof cur->rep[0]) {
            snprintf(err, errcap, "%s:%d: expected SUFFIX<TAB>REPLACEMENT under [plural] or [feminine] "
                                  "(at most 24 rules each)", path, lineno);
            rc = VG_EDICT;
            break;
        }
        *tab = 0;
        snprintf(cur->suf[cur->n], sizeof cur->suf[0], "%.23s", strcmp(line, "*") ? line : "");
        snprintf(cur->rep[cur->n], sizeof cur->rep[0], "%.23s", tab + 1);
        cur->n++;
    }
    fclose(f);
    return rc;
}

int vg_inflect_apply(const vg_rules *r, const char *key, char *out, size_t cap)
{
    size_t n = strlen(key);
    for (int i = 0; i < r->n; i++) {
        size_t k = strlen(r->suf[i]);
        if (k <= n && !strcmp(key + n - k, r->suf[i])) {
            int w = snprintf(out, cap, "%.*s%s", (int)(n - k), key, r->rep[i]);
            return w > 0 && (size_t)w < cap;
        }
    }
    return 0;
}
