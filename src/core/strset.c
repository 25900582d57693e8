/* strset.c — a read-only set of strings for the word lists under data/text/.
** Open addressing with linear probing over FNV-1a hashes; entries live in one string pool.
** Built once when the engine opens, then only read, so threads may share it. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "core.h"

struct vg_strset {
    const vg_mem *mem;
    vg_buf pool;      /* entries, each NUL-terminated */
    uint32_t *slots;  /* 1 + offset into pool; 0 = empty */
    uint32_t *lens;
    size_t nslots, count;
};

static uint32_t fnv1a(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

vg_status vg_strset_new(const vg_mem *mem, vg_strset **out)
{
    vg_strset *s = vg_malloc(mem, sizeof *s);
    *out = s;
    if (!s)
        return VG_ENOMEM;
    memset(s, 0, sizeof *s);
    s->mem = mem;
    vg_buf_init(&s->pool, mem);
    return VG_OK;
}

void vg_strset_free(vg_strset *s)
{
    if (!s)
        return;
    vg_buf_release(&s->pool);
    vg_free(s->mem, s->slots);
    vg_free(s->mem, s->lens);
    vg_free(s->mem, s);
}

size_t vg_strset_count(const vg_strset *s) { return s->count; }

static size_t find(const vg_strset *s, const char *w, size_t n, bool *found)
{
    size_t mask = s->nslots - 1, i = fnv1a(w, n) & mask;
    for (;; i = (i + 1) & mask) {
        uint32_t o = s->slots[i];
        if (!o) {
            *found = false;
            return i;
        }
        if (s->lens[i] == n && !memcmp(s->pool.p + o - 1, w, n)) {
            *found = true;
            return i;
        }
    }
}

static vg_status rehash(vg_strset *s, size_t nslots)
{
    uint32_t *slots = vg_malloc(s->mem, nslots * sizeof *slots);
    uint32_t *lens = vg_malloc(s->mem, nslots * sizeof *lens);
    if (!slots || !lens) {
        vg_free(s->mem, slots);
        vg_free(s->mem, lens);
        return VG_ENOMEM;
    }
    memset(slots, 0, nslots * sizeof *slots);
    vg_strset old = *s;
    s->slots = slots;
    s->lens = lens;
    s->nslots = nslots;
    for (size_t i = 0; i < old.nslots; i++) {
        if (!old.slots[i])
            continue;
        bool f;
        size_t j = find(s, s->pool.p + old.slots[i] - 1, old.lens[i], &f);
        s->slots[j] = old.slots[i];
        s->lens[j] = old.lens[i];
    }
    vg_free(s->mem, old.slots);
    vg_free(s->mem, old.lens);
    return VG_OK;
}

vg_status vg_strset_add(vg_strset *s, const char *w, size_t n)
{
    vg_status rc;
    if ((s->count + 1) * 2 > s->nslots && (rc = rehash(s, s->nslots ? s->nslots * 2 : 64)) != VG_OK)
        return rc;
    bool found;
    size_t i = find(s, w, n, &found);
    if (found)
        return VG_OK;
    if (s->pool.n + n + 2 > UINT32_MAX)
        return VG_ELIMIT;
    uint32_t off = (uint32_t)s->pool.n + 1;
    if ((rc = vg_buf_append(&s->pool, w, n)) != VG_OK || (rc = vg_buf_putc(&s->pool, 0)) != VG_OK)
        return rc;
    s->slots[i] = off;
    s->lens[i] = (uint32_t)n;
    s->count++;
    return VG_OK;
}

bool vg_strset_has(const vg_strset *s, const char *w, size_t n)
{
    if (!s->count)
        return false;
    bool found;
    find(s, w, n, &found);
    return found;
}

vg_status vg_strset_load(vg_strset *s, const char *path, bool fold, char *err, size_t errcap)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errcap, "%s: %s", path, strerror(errno));
        return VG_EIO;
    }
    char line[1024], key[VG_MAX_KEY_BYTES];
    vg_status rc = VG_OK;
    while (rc == VG_OK && fgets(line, sizeof line, f)) {
        char *p = line, *e = line + strlen(line);
        while (p < e && (*p == ' ' || *p == '\t'))
            p++;
        while (e > p && (e[-1] == '\n' || e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t'))
            e--;
        if (p == e || *p == '#')
            continue;
        if (fold) {
            size_t k = vg_fold(p, (size_t)(e - p), key, sizeof key);
            rc = vg_strset_add(s, key, k < sizeof key ? k : sizeof key - 1);
        } else {
            rc = vg_strset_add(s, p, (size_t)(e - p));
        }
    }
    if (ferror(f) && rc == VG_OK) {
        snprintf(err, errcap, "%s: read error", path);
        rc = VG_EIO;
    }
    fclose(f);
    return rc;
}
