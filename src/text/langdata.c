/* langdata.c — load a language's word lists from data/text/<lang>/. Read at engine open so users can
** extend them without a rebuild; each is small, and a missing optional file is an empty list. */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "text.h"

/* abbrev.txt entries may end in " *": "may end a sentence when an opener follows" (etc., U.S.). */
static vg_status load_abbrev(vg_langdata *ld, const char *path, char *err, size_t errcap)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errcap, "%s: cannot open", path);
        return VG_EDICT;
    }
    char line[512];
    vg_status rc = VG_OK;
    while (rc == VG_OK && fgets(line, sizeof line, f)) {
        char *p = line, *e = line + strlen(line);
        while (p < e && (*p == ' ' || *p == '\t'))
            p++;
        while (e > p && strchr("\r\n \t", e[-1]))
            e--;
        if (p == e || *p == '#')
            continue;
        int can_end = 0;
        if (e - p >= 2 && e[-1] == '*' && (e[-2] == ' ' || e[-2] == '\t')) {
            can_end = 1;
            e -= 2;
            while (e > p && (e[-1] == ' ' || e[-1] == '\t'))
                e--;
        }
        if (e > p && e[-1] == '.') /* tolerate "M." */
            e--;
        rc = vg_strset_add(can_end ? ld->abbrev_end : ld->abbrev, p, (size_t)(e - p));
    }
    fclose(f);
    return rc;
}

vg_status vg_langdata_load(vg_langdata *ld, const vg_mem *mem, const char *dir, const char *lang,
                           char *err, size_t errcap)
{
    static const struct {
        const char *file;
        size_t off;
        bool fold, required;
    } lists[] = {
        { "openers.txt", offsetof(vg_langdata, openers), false, true },
        { "compounds.txt", offsetof(vg_langdata, compounds), true, false },
        { "elision.txt", offsetof(vg_langdata, elision), true, false },
        { "clitics.txt", offsetof(vg_langdata, clitics), true, false },
        { "function-words.txt", offsetof(vg_langdata, funcwords), true, true },
    };
    vg_status rc;
    char path[4096];
    memset(ld, 0, sizeof *ld);
    if ((rc = vg_strset_new(mem, &ld->abbrev)) != VG_OK ||
        (rc = vg_strset_new(mem, &ld->abbrev_end)) != VG_OK)
        return rc;
    snprintf(path, sizeof path, "%s/text/%s/abbrev.txt", dir, lang);
    if ((rc = load_abbrev(ld, path, err, errcap)) != VG_OK)
        return rc;
    for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) {
        vg_strset **slot = (vg_strset **)((char *)ld + lists[i].off);
        if ((rc = vg_strset_new(mem, slot)) != VG_OK)
            return rc;
        snprintf(path, sizeof path, "%s/text/%s/%s", dir, lang, lists[i].file);
        struct stat st;
        if (!lists[i].required && stat(path, &st) != 0)
            continue;
        if ((rc = vg_strset_load(*slot, path, lists[i].fold ? vg_fold : NULL, err, errcap)) != VG_OK)
            return rc == VG_EIO ? VG_EDICT : rc;
    }
    return VG_OK;
}

void vg_langdata_free(vg_langdata *ld)
{
    vg_strset_free(ld->abbrev);
    vg_strset_free(ld->abbrev_end);
    vg_strset_free(ld->openers);
    vg_strset_free(ld->compounds);
    vg_strset_free(ld->elision);
    vg_strset_free(ld->clitics);
    vg_strset_free(ld->funcwords);
    memset(ld, 0, sizeof *ld);
}
