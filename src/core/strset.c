/* strset.c — a set of strings with dense ids, for word lists and dictionary keys.
** Open addressing with linear probing over FNV-1a hashes; each string is stored once in a pool and
** gets the id of its insertion order (1, 2, …), so tables elsewhere can be indexed by id.
** Built once when the engine opens, then only read, so threads may share it. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "core.h"

struct vg_strset {
    const vg_mem *mem;
    vg_buf pool;      /* entries, each NUL-terminated */
    uint32_t *slots;  /* id; 0 = empty */
    uint32_t *offs, *lens; /* [id - 1] */
    size_t nslots, count, cap;
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
    vg_free(s->mem, s->offs);
    vg_free(s->mem, s->lens);
    vg_free(s->mem, s);
}

size_t vg_strset_count(const vg_strset *s) { return s->count; }

static size_t find(const vg_strset *s, const char *w, size_t n, uint32_t *id)
{
    size_t mask = s->nslots - 1, i = fnv1a(w, n) & mask;
    for (;; i = (i + 1) & mask) {
        uint32_t k = s->slots[i];
        if (!k || (s->lens[k - 1] == n && !memcmp(s->pool.p + s->offs[k - 1], w, n))) {
            *id = k;
            return i;
        }
    }
}

static vg_status rehash(vg_strset *s, size_t nslots)
{
    uint32_t *slots = vg_malloc(s->mem, nslots * sizeof *slots);
    if (!slots)
        return VG_ENOMEM;
    memset(slots, 0, nslots * sizeof *slots);
    vg_free(s->mem, s->slots);
    s->slots = slots;
    s->nslots = nslots;
    for (uint32_t k = 1; k <= s->count; k++) {
        uint32_t id;
        size_t i = find(s, s->pool.p + s->offs[k - 1], s->lens[k - 1], &id);
        s->slots[i] = k;
    }
    return VG_OK;
}

vg_status vg_strset_add(vg_strset *s, const char *w, size_t n)
{
    vg_status rc;
    if ((s->count + 1) * 2 > s->nslots && (rc = rehash(s, s->nslots ? s->nslots * 2 : 64)) != VG_OK)
        return rc;
    uint32_t id;
    size_t i = find(s, w, n, &id);
    if (id)
        return VG_OK;
    if (s->pool.n + n + 2 > UINT32_MAX || s->count >= UINT32_MAX - 1)
        return VG_ELIMIT;
    if (s->count == s->cap) {
        size_t cap = s->cap;
        if ((rc = vg_grow(s->mem, (void **)&s->offs, &cap, s->count + 1, sizeof(uint32_t))) != VG_OK)
            return rc;
        cap = s->cap;
        if ((rc = vg_grow(s->mem, (void **)&s->lens, &cap, s->count + 1, sizeof(uint32_t))) != VG_OK)
            return rc;
        s->cap = cap;
    }
    uint32_t off = (uint32_t)s->pool.n;
    if ((rc = vg_buf_append(&s->pool, w, n)) != VG_OK || (rc = vg_buf_putc(&s->pool, 0)) != VG_OK)
        return rc;
    s->offs[s->count] = off;
    s->lens[s->count] = (uint32_t)n;
    s->slots[i] = (uint32_t)++s->count;
    return VG_OK;
}

uint32_t vg_strset_id(const vg_strset *s, const char *w, size_t n)
{
    if (!s->count)
        return 0;
    uint32_t id;
    find(s, w, n, &id);
    return id;
}

bool vg_strset_has(const vg_strset *s, const char *w, size_t n) { return vg_strset_id(s, w, n) != 0; }

const char *vg_strset_get(const vg_strset *s, uint32_t id)
{
    return id && id <= s->count ? s->pool.p + s->offs[id - 1] : NULL;
}

vg_status vg_strset_load(vg_strset *s, const char *path, vg_key_fn key, char *err, size_t errcap)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errcap, "%s: %s", path, strerror(errno));
        return VG_EIO;
    }
    char line[1024], k[VG_MAX_KEY_BYTES];
    vg_status rc = VG_OK;
    while (rc == VG_OK && fgets(line, sizeof line, f)) {
        char *p = line, *e = line + strlen(line);
        while (p < e && (*p == ' ' || *p == '\t'))
            p++;
        while (e > p && (e[-1] == '\n' || e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t'))
            e--;
        if (p == e || *p == '#')
            continue;
        if (key) {
            size_t n = key(p, (size_t)(e - p), k, sizeof k);
            rc = vg_strset_add(s, k, n < sizeof k ? n : sizeof k - 1);
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
