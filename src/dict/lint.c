/* lint.c — `vigie dict lint`: what a compiled dictionary holds that its loader accepts but that is
** wrong or dead. The loader already refuses malformed lines, unknown event codes and roles, bad
** dates; lint looks at what only the whole dictionary shows:
**   - actor codes whose blocks are neither a country the dictionary names, a role
**     (data/cameo/roles.tsv) nor a block of data/cameo/blocks.tsv (regions, religions, groups);
**   - an actor's roles whose periods overlap with different codes (the first listed always wins);
**   - a phrase written twice (the second is never matched: the first of equal length wins), with
**     the same meaning (a duplicate) or another (unreachable);
**   - a pattern written twice (the second never wins a tie): a duplicate, or, with another code,
**     unreachable.
** Each finding is reported with the file and line of the entry at fault. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dict.h"

typedef struct {
    const vg_lexicon *lx;
    const vg_strset *blocks;
    vg_strset *countries;
    vg_lint_fn fn;
    void *ctx;
    size_t n;
} lint;

static void report(lint *L, uint16_t file, uint32_t line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void report(lint *L, uint16_t file, uint32_t line, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    L->n++;
    L->fn(L->ctx, file < L->lx->nfiles ? L->lx->files[file] : "?", line, msg);
}

static const char *where(const lint *L, uint16_t file, uint32_t line, char *buf, size_t cap)
{
    const char *f = file < L->lx->nfiles ? L->lx->files[file] : "?", *slash = strrchr(f, '/');
    snprintf(buf, cap, "%s:%u", slash ? slash + 1 : f, line);
    return buf;
}

/* ---- actor codes ---- */

static int known_block(const lint *L, const char *b)
{
    return vg_role_find(b, 3) || vg_strset_id(L->blocks, b, 3) || vg_strset_id(L->countries, b, 3);
}

static void check_code(lint *L, const vg_phrase *p, const char *code)
{
    size_t n = strlen(code);
    for (size_t i = 0; i + 3 <= n; i += 3)
        if (!known_block(L, code + i)) {
            report(L, p->file, p->line, "unknown actor code %s: %.3s is no country the dictionary names, no role "
                                        "(data/cameo/roles.tsv) and no block of data/cameo/blocks.tsv",
                   code, code + i);
            return;
        }
}

static void fmt_day(int32_t d, char out[11])
{
    int y, m, dd;
    vg_civil_from_days(d, &y, &m, &dd);
    snprintf(out, 11, "%04d-%02d-%02d", y, m, dd);
}

static void check_actor(lint *L, const vg_phrase *p)
{
    const vg_role *r = &L->lx->roles[p->roles];
    for (uint16_t i = 0; i < p->nroles; i++) {
        check_code(L, p, r[i].code);
        for (uint16_t k = i + 1; k < p->nroles; k++) {
            int32_t from = r[i].from > r[k].from ? r[i].from : r[k].from, to = r[i].to < r[k].to ? r[i].to : r[k].to;
            if (from >= to || !strcmp(r[i].code, r[k].code))
                continue; /* a day shared at a change of office (one ends, the next starts) is no overlap */
            char a[11] = "", b[11] = "";
            if (from != VG_DAY_MIN)
                fmt_day(from, a);
            if (to != VG_DAY_MAX)
                fmt_day(to, b);
            report(L, p->file, p->line, "roles %s and %s overlap (%s..%s): %s, listed first, is always used then",
                   r[i].code, r[k].code, a, b, r[i].code);
        }
    }
}

/* ---- phrases and patterns written twice ---- */

static const lint *sort_ctx; /* qsort has no context argument */

static int same_phrase(const vg_lexicon *lx, const vg_phrase *x, const vg_phrase *y)
{
    return x->nw == y->nw && x->cs == y->cs && x->capw == y->capw &&
           !memcmp(lx->wseq + x->words, lx->wseq + y->words, x->nw * sizeof(uint32_t));
}

static int place_kind(int k)
{
    return k == VG_PH_NAME || k == VG_PH_ADJ || k == VG_PH_PEOPLE || k == VG_PH_CAPITAL || k == VG_PH_CITY;
}

static int cmp_phrase(const void *a, const void *b)
{
    const vg_lexicon *lx = sort_ctx->lx;
    const vg_phrase *x = &lx->ph[*(const uint32_t *)a], *y = &lx->ph[*(const uint32_t *)b];
    if (x->nw != y->nw)
        return x->nw < y->nw ? -1 : 1;
    int c = memcmp(lx->wseq + x->words, lx->wseq + y->words, x->nw * sizeof(uint32_t));
    if (c)
        return c;
    if (x->cs != y->cs || x->capw != y->capw)
        return x->cs != y->cs ? (x->cs < y->cs ? -1 : 1) : (x->capw < y->capw ? -1 : 1);
    return *(const uint32_t *)a < *(const uint32_t *)b ? -1 : 1; /* load order: the first one wins */
}

/* Do two phrases mean the same: the same code (an actor's is its first role's), and both actors,
** both discards, or both neither? */
static int same_meaning(const vg_phrase *a, const vg_phrase *b)
{
    return (a->kind == VG_PH_ACTOR) == (b->kind == VG_PH_ACTOR) &&
           (a->kind == VG_PH_DISCARD) == (b->kind == VG_PH_DISCARD) && !strcmp(a->code, b->code);
}

/* 0..n-1 in cmp's order, so that entries written alike stand together (first written first);
** NULL when out of memory. */
static uint32_t *sorted_index(const lint *L, size_t n, int (*cmp)(const void *, const void *))
{
    uint32_t *ix = malloc((n + 1) * sizeof *ix);
    if (!ix)
        return NULL;
    for (size_t i = 0; i < n; i++)
        ix[i] = (uint32_t)i;
    sort_ctx = L;
    qsort(ix, n, sizeof *ix, cmp);
    return ix;
}

static vg_status check_phrases(lint *L)
{
    const vg_lexicon *lx = L->lx;
    uint32_t *ix = sorted_index(L, lx->nph, cmp_phrase);
    if (!ix)
        return VG_ENOMEM;
    for (size_t i = 1, run = 0; i < lx->nph; i++) {
        const vg_phrase *first = &lx->ph[ix[run]], *p = &lx->ph[ix[i]];
        if (!same_phrase(lx, first, p)) {
            run = i;
            continue;
        }
        if (first->file == p->file && first->line == p->line)
            continue; /* one entry's spellings that fold alike (Etats-Unis, États-Unis) */
        char at[300];
        const char *text = lx->pool.p + p->surf;
        if (same_meaning(first, p)) {
            if (p->kind == first->kind)
                report(L, p->file, p->line, "\"%s\" is written already at %s, with the same meaning", text,
                       where(L, first->file, first->line, at, sizeof at));
            continue;
        }
        if (place_kind(p->kind) && place_kind(first->kind) && !strncmp(p->code, first->code, 3))
            continue; /* a country's name that is also its adjective (Qatar, Koweït): one country */
        report(L, p->file, p->line, "\"%s\" is never matched: %s has it first, as %s", text,
               where(L, first->file, first->line, at, sizeof at), first->code);
    }
    free(ix);
    return VG_OK;
}

static int cmp_pattern(const void *a, const void *b)
{
    const vg_lexicon *lx = sort_ctx->lx;
    const vg_pattern *x = &lx->pat[*(const uint32_t *)a], *y = &lx->pat[*(const uint32_t *)b];
    if (x->nel != y->nel)
        return x->nel < y->nel ? -1 : 1;
    for (int k = 0; k < x->nel; k++) {
        const vg_pel *e = &lx->pel[x->els + k], *f = &lx->pel[y->els + k];
        if (e->kind != f->kind)
            return e->kind < f->kind ? -1 : 1;
        if (e->id != f->id)
            return e->id < f->id ? -1 : 1;
    }
    return *(const uint32_t *)a < *(const uint32_t *)b ? -1 : 1;
}

static int same_pattern(const vg_lexicon *lx, const vg_pattern *x, const vg_pattern *y)
{
    if (x->nel != y->nel)
        return 0;
    for (int k = 0; k < x->nel; k++) {
        const vg_pel *e = &lx->pel[x->els + k], *f = &lx->pel[y->els + k];
        if (e->kind != f->kind || e->id != f->id)
            return 0;
    }
    return 1;
}

static vg_status check_patterns(lint *L)
{
    const vg_lexicon *lx = L->lx;
    uint32_t *ix = sorted_index(L, lx->npat, cmp_pattern);
    if (!ix)
        return VG_ENOMEM;
    for (size_t i = 1, first = 0; i < lx->npat; i++) {
        const vg_pattern *p = &lx->pat[ix[i]], *f = &lx->pat[ix[first]];
        if (!same_pattern(lx, f, p)) {
            first = i;
            continue;
        }
        char at[300];
        int same = !strcmp(f->code, p->code) && !strcmp(f->negcode, p->negcode) && !strcmp(f->backcode, p->backcode);
        if (same)
            report(L, p->file, p->line, "the pattern is written already at %s", where(L, f->file, f->line, at, sizeof at));
        else
            report(L, p->file, p->line, "the pattern never codes %s: %s has it first, as %s", p->code,
                   where(L, f->file, f->line, at, sizeof at), f->code);
    }
    free(ix);
    return VG_OK;
}

vg_status vg_dict_lint(const vg_lexicon *lx, const vg_strset *blocks, vg_lint_fn fn, void *ctx, size_t *nfound)
{
    lint L = { lx, blocks, NULL, fn, ctx, 0 };
    vg_mem mem;
    vg_mem_init(&mem, NULL);
    vg_status rc = vg_strset_new(&mem, &L.countries);
    for (size_t i = 0; rc == VG_OK && i < lx->nph; i++) {
        const vg_phrase *p = &lx->ph[i];
        if (p->kind == VG_PH_NAME || p->kind == VG_PH_ADJ || p->kind == VG_PH_CAPITAL || p->kind == VG_PH_CITY)
            rc = vg_strset_add(L.countries, p->code, strnlen(p->code, 3));
    }
    for (size_t i = 0; rc == VG_OK && i < lx->nph; i++) {
        const vg_phrase *p = &lx->ph[i];
        if (i > 0 && lx->ph[i - 1].file == p->file && lx->ph[i - 1].line == p->line)
            continue; /* an entry's codes once, not once per spelling */
        if (p->kind == VG_PH_ACTOR)
            check_actor(&L, p);
        else if (p->kind == VG_PH_SEAT)
            check_code(&L, p, p->code);
    }
    if (rc == VG_OK)
        rc = check_phrases(&L);
    if (rc == VG_OK)
        rc = check_patterns(&L);
    vg_strset_free(L.countries);
    *nfound = L.n;
    return rc;
}
