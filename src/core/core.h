/* core.h — what every module of libvigie shares: the allocator, growable buffers, string sets.
** Internal: not part of the public API (include/vigie.h). */
#ifndef VG_CORE_H
#define VG_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "vigie.h"
#include "limits.h"

/* ---- allocator (alloc.c) ---- */
typedef struct {
    vg_allocator a; /* every member set */
} vg_mem;

void vg_mem_init(vg_mem *m, const vg_allocator *a); /* a NULL: C library */
void *vg_malloc(const vg_mem *m, size_t n);
void *vg_realloc(const vg_mem *m, void *p, size_t n);
void vg_free(const vg_mem *m, void *p);
char *vg_strndup(const vg_mem *m, const char *s, size_t n);

/* ---- growable byte buffer (buf.c) ----
** Kept between uses: vg_buf_clear() keeps the storage, so a warmed-up buffer never allocates. */
typedef struct {
    char *p;
    size_t n, cap;
    const vg_mem *mem;
} vg_buf;

void vg_buf_init(vg_buf *b, const vg_mem *mem);
void vg_buf_release(vg_buf *b);
vg_status vg_buf_reserve(vg_buf *b, size_t extra); /* room for n + extra (+1 for a NUL) */
vg_status vg_buf_append(vg_buf *b, const void *s, size_t n);
vg_status vg_buf_putc(vg_buf *b, char c);
/* A cleared buffer is the empty string, not a length of 0 before the last contents: callers hand
** b->p out as a C string (the extractor's article), so the NUL goes with the length. */
static inline void vg_buf_clear(vg_buf *b)
{
    b->n = 0;
    if (b->p)
        b->p[0] = 0;
}

/* Grow an array *pp of *cap elements of size sz to hold at least need; doubles. */
vg_status vg_grow(const vg_mem *mem, void **pp, size_t *cap, size_t need, size_t sz);

/* ---- string set (strset.c) ----
** A set of byte strings with dense ids (insertion order), built once and then only read: the word
** lists of data/text/ and the keys of the dictionaries. */
typedef struct vg_strset vg_strset;
vg_status vg_strset_new(const vg_mem *mem, vg_strset **out);
vg_status vg_strset_add(vg_strset *s, const char *w, size_t n);
bool vg_strset_has(const vg_strset *s, const char *w, size_t n);
/* Id of w (1 for the first string added, 2 for the next…), or 0 if absent. */
uint32_t vg_strset_id(const vg_strset *s, const char *w, size_t n);
/* The string of an id, NUL-terminated, owned by the set; NULL for a bad id. */
const char *vg_strset_get(const vg_strset *s, uint32_t id);
size_t vg_strset_count(const vg_strset *s);
void vg_strset_free(vg_strset *s);

/* The whole file at path, NUL-terminated, its length in *n; free() it. NULL with errno set when it
** cannot be opened, sized or allocated. Plain malloc: the callers are loaders, tests and replays. */
char *vg_read_file(const char *path, size_t *n);

/* ---- directory walk (walk.c) ----
** Files and directories met, by (device, inode), with the name each was met under first: what ends
** a walk of a tree with a link back up it, and reads a file once however many names lead to it. */
typedef struct vg_visited vg_visited;
vg_status vg_visited_new(const vg_mem *mem, vg_visited **out);
void vg_visited_free(vg_visited *v); /* NULL: no-op */
/* Record what path names (stat(2): links followed). 1: met for the first time; 0: met before, and
** *first is the name it was met under (owned by v); -1: stat failed or memory ran out (errno). */
int vg_visited_add(vg_visited *v, const char *path, const char **first);

/* What the walk found at an entry. */
typedef enum {
    VG_WALK_FILE,    /* a regular file, met for the first time: to read */
    VG_WALK_ERROR,   /* cannot be stat'ed or opened: detail is the reason (strerror) */
    VG_WALK_SPECIAL, /* a FIFO, socket or device, never opened (a FIFO blocks): detail says which */
    VG_WALK_AGAIN,   /* met before under another name (a link): detail is that name */
    VG_WALK_LOOP,    /* a directory that holds the entry itself (a link back up): detail names it */
} vg_walk_what;
typedef vg_status (*vg_walk_each_fn)(void *ctx, const char *path, vg_walk_what what, const char *detail);
/* Call fn for every entry under the directory dir, in byte order of the names at each level,
** subdirectories expanded in place, hidden names (a leading '.') skipped. Each directory is walked
** and each file passed as FILE once, as recorded in v (shared by the walks of one run; dir itself
** too). The walk stops at the first status fn returns other than VG_OK, and returns it. */
vg_status vg_walk_each(const vg_mem *mem, const char *dir, vg_visited *v, vg_walk_each_fn fn, void *ctx);

/* The simple form, for loaders: fn gets every regular file once, and what cannot be read (FILE and
** ERROR of vg_walk_each) for the caller to report; FIFOs, devices and links met again are passed
** over. */
typedef vg_status (*vg_walk_fn)(void *ctx, const char *path);
vg_status vg_walk(const vg_mem *mem, const char *dir, vg_walk_fn fn, void *ctx);

/* Load a word list: one entry a line, '#' comments, surrounding blanks trimmed. Entries go through
** key first when it is not NULL: it writes the key of s[0..n) into out[cap] and returns its length,
** cap or more when it was cut (vg_fold, which the text layer passes: core calls nothing above it).
** Returns VG_EIO with a message in err on failure. */
typedef size_t (*vg_key_fn)(const char *s, size_t n, char *out, size_t cap);
vg_status vg_strset_load(vg_strset *s, const char *path, vg_key_fn key, char *err, size_t errcap);

/* Is s one of the strings of list (NULL-terminated)? For the short word lists of rules. */
static inline int vg_str_in(const char *s, const char *const *list)
{
    for (; *list; list++)
        if (!strcmp(s, *list))
            return 1;
    return 0;
}

/* Copy at most n bytes of s, and at most cap-1 in all, NUL-terminated: the coder's snprintf(d, cap,
** "%.*s", n, s) without the formatting cost on its hot path. */
static inline void vg_copy(char *d, size_t cap, const char *s, size_t n)
{
    size_t k = 0;
    while (k < n && k + 1 < cap && s[k]) {
        d[k] = s[k];
        k++;
    }
    d[k] = 0;
}

/* ---- URLs (url.c) ---- */
/* The host of url without user, port and a leading "www.", as written (not lower-cased): a pointer
** into url and its length in *n. A string without "://" is read as starting with the host. */
const char *vg_url_host(const char *url, size_t *n);

/* ---- hashing (hash.c) ---- */
/* A 64-bit hash of p[0..n); chain fields by passing the previous hash as seed. */
uint64_t vg_hash64(const void *p, size_t n, uint64_t seed);

/* ---- dates (date.c): day numbers, days since 1970-01-01 ---- */
int32_t vg_days_from_civil(int y, int m, int d);
void vg_civil_from_days(int32_t z, int *y, int *m, int *d);
int vg_weekday(int32_t days); /* 0 Monday .. 6 Sunday */
#define VG_DAY_MIN INT32_MIN
#define VG_DAY_MAX INT32_MAX
/* Is s[0..n) a calendar date written YYYY-MM-DD? */
bool vg_date_valid(const char *s, size_t n);
/* The calendar day of a machine-written timestamp in s[0..n): ISO 8601 / RFC 3339 ("2016-07-15",
** "2016-07-15T08:30:00+02:00", "20160715"), RFC 822 / 1123 as in RSS and HTTP ("Fri, 15 Jul 2016
** 08:30:00 GMT", "15 Jul 16 08:30 +0200"), leading and trailing blanks allowed. Writes "YYYY-MM-DD"
** and a NUL into out[11] and returns true; false (out untouched) for anything else or an impossible
** date. The day is the one written: no time-zone shift. */
bool vg_date_parse(const char *s, size_t n, char out[11]);

#endif
