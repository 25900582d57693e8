/* stats.c — what a compiled dictionary holds: entries per kind, trigger patterns, and the CAMEO
** codes it has no pattern for. `vigie dict stats` prints it (docs/dictionaries.md); it is how a
** dictionary writer sees how far one language is from the other. */
#include <stdio.h>
#include <string.h>

#include "dict.h"

/* Phrases of one entry (one line of a file) are loaded one after the other: an entry is a run of
** phrases with the same file, line and kind. */
void vg_dict_stats(const vg_lexicon *lx, vg_dict_counts *c)
{
    memset(c, 0, sizeof *c);
    uint32_t pfile = UINT32_MAX, pline = 0;
    int pkind = -1;
    for (size_t i = 0; i < lx->nph; i++) {
        const vg_phrase *p = &lx->ph[i];
        if (p->kind == VG_PH_DISCARD)
            continue;
        int kind = p->kind == VG_PH_ACTOR && p->org ? VG_PH_AGENT + 1 : p->kind;
        c->names[kind]++;
        if (p->file != pfile || p->line != pline || kind != pkind) {
            c->entries[kind]++;
            if (p->kind == VG_PH_ACTOR)
                for (uint16_t r = 0; r < p->nroles; r++) {
                    const vg_role *ro = &lx->roles[p->roles + r];
                    if (ro->from != VG_DAY_MIN || ro->to != VG_DAY_MAX) {
                        c->dated_actors++;
                        break;
                    }
                }
        }
        pfile = p->file, pline = p->line, pkind = kind;
    }
    /* countries: distinct codes named by a country name */
    vg_mem mem;
    vg_mem_init(&mem, NULL);
    vg_strset *codes = NULL;
    if (vg_strset_new(&mem, &codes) == VG_OK) {
        for (size_t i = 0; i < lx->nph; i++)
            if (lx->ph[i].kind == VG_PH_NAME)
                vg_strset_add(codes, lx->ph[i].code, strlen(lx->ph[i].code));
        c->countries = vg_strset_count(codes);
        vg_strset_free(codes);
    }
    for (size_t i = 0; i < lx->npat; i++) {
        const vg_pattern *p = &lx->pat[i];
        c->patterns++;
        c->verb_patterns += p->verb != 0;
    }
    /* codes of the codebook with no pattern */
    for (size_t k = 0; k < vg_cameo_count(); k++) {
        const char *code = vg_cameo_at(k)->code;
        int has = 0;
        for (size_t i = 0; i < lx->npat && !has; i++)
            has = !strcmp(lx->pat[i].code, code) || !strcmp(lx->pat[i].negcode, code);
        if (has)
            c->codes_covered++;
        else if (c->nmissing < sizeof c->missing / sizeof *c->missing)
            snprintf(c->missing[c->nmissing++], sizeof c->missing[0], "%s", code);
    }
}

size_t vg_dict_unexercised(const vg_lexicon *lx, const vg_strset *fired)
{
    size_t n = 0;
    char rule[4200];
    for (size_t i = 0; i < lx->npat; i++) {
        const vg_pattern *p = &lx->pat[i];
        if (!strcmp(p->code, "---") && !p->negcode[0])
            continue;
        int len = snprintf(rule, sizeof rule, "%s:%u", lx->files[p->file], (unsigned)p->line);
        if (len < 0 || (size_t)len >= sizeof rule || !vg_strset_has(fired, rule, (size_t)len))
            n++;
    }
    return n;
}

int vg_dict_names_place(const vg_lexicon *lx, const char *code)
{
    for (size_t i = 0; i < lx->nph; i++) {
        const vg_phrase *p = &lx->ph[i];
        if ((p->kind == VG_PH_NAME || p->kind == VG_PH_CAPITAL || p->kind == VG_PH_CITY) && !strncmp(p->code, code, 3) &&
            !p->code[3])
            return 1;
    }
    return 0;
}
