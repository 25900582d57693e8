/* warc.c — WARC 1.0 / 1.1 records (ISO 28500) read as a stream, plain or gzip-compressed.
**
** Three layers, bottom up:
**   bytes   fill() hands out the file's bytes, inflated when the file is gzip. Members are inflated
**           one after the other; the compressed offset where the current one starts is a record's
**           offset (what a Common Crawl index gives to fetch one record), and a gzip failure is
**           latched with the offset of its member rather than returned, so it is reported for the
**           record it spoils and not for the one before it.
**   records vg_warc_next(): version line, header lines, Content-Length bytes of block.
**   HTTP    a response's status line and headers, chunked transfer-encoding and gzip / deflate
**           content-encoding undone, leaving the body as the payload.
**
** Damage is reported once, as -1, for the record it concerns; then the reader finds the next
** record: after a damaged gzip member, at the next gzip magic in the compressed bytes; after a
** damaged header, at the next line that starts with "WARC/1." (or the next member). Every step of
** a search consumes input, so it ends, at worst at the end of the file.
**
** Memory: two I/O blocks, and buffers kept from record to record, sized by the largest record
** seen; nothing is allocated per record once they have grown. */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/types.h>
#include <zlib.h>

#include "ingest.h"

/* One record's block, and its payload once decoded. A WARC response holds a page with its markup,
** scripts and inline data around the text, often several times the text's size: four documents'
** worth. A larger record is read through and discarded without being held. */
#define VG_WARC_MAX_RECORD (VG_MAX_DOC_BYTES * 4)

/* One record's WARC header. Real headers are under 2 KB (a long URI, a few digests); a header that
** runs past this is not a header, and a line-less binary blob must not be buffered whole. */
#define VG_WARC_MAX_HEAD ((size_t)64 << 10)

/* Bytes read from f, and inflated, at a time. */
#define IO_BYTES ((size_t)64 << 10)

/* Where the gzip layer stands. */
enum { Z_BETWEEN, Z_MEMBER, Z_END };

/* A failure of the byte layer, latched until the record reader reports it. */
enum { E_NONE, E_TRUNC, E_CORRUPT, E_NOTGZ, E_IO, E_NOMEM };

/* Strings of the record being read, kept in w->vals (offsets: vals may move as it grows). The first
** six are WARC header fields, in the order of field_names. */
enum { S_TYPE, S_URI, S_DATE, S_ID, S_CTYPE, S_LENGTH, S_NFIELDS, S_HTTP_CTYPE = S_NFIELDS, S_CHARSET, S_COUNT };

static const char *const field_names[S_NFIELDS] = {
    "WARC-Type", "WARC-Target-URI", "WARC-Date", "WARC-Record-ID", "Content-Type", "Content-Length",
};

struct vg_warc {
    const vg_mem *mem;
    FILE *f;
    char *name;
    bool gz;
    /* raw bytes of f: in[ipos..ilen) not yet used; in[0] is at offset in_off (gzip files only) */
    unsigned char *in;
    size_t ipos, ilen;
    uint64_t in_off;
    off_t base;     /* ftello(f) when opened, -1 when f cannot seek (a pipe) */
    uint64_t high;  /* the furthest compressed offset reached, for progress across a seek back */
    /* bytes for the record reader: ob[opos..olen), ob[0] at offset obase (plain files) */
    unsigned char *ob;
    size_t opos, olen;
    uint64_t obase;
    int state;           /* Z_BETWEEN, Z_MEMBER, Z_END (plain files use Z_END for a read error) */
    z_stream z;          /* the file's gzip stream */
    bool zinit;
    uint64_t member;     /* compressed offset of the current member */
    uint64_t member_seq; /* counts members started, so a line can end where a member starts */
    bool probing;        /* current member was found by searching for the magic after damage, and
                         ** has produced nothing yet: it may be a false find */
    int err;             /* latched failure, E_*, with the offset of its member */
    uint64_t err_off;
    char zmsg[64];
    /* record reader */
    uint64_t nrec;
    bool have_line; /* the resynchronising search has already read the next version line */
    uint64_t line_off;
    vg_buf line, vals, block, body, dec;
    size_t off[S_COUNT], len[S_COUNT];
    z_stream cz; /* content-encoding: kept so a record costs no allocation */
    bool czinit;
    char why[128]; /* a composed reason for damage */
};

/* ---- bytes ---- */

static voidpf z_alloc(voidpf opaque, uInt items, uInt size) { return vg_malloc(opaque, (size_t)items * size); }
static void z_free(voidpf opaque, voidpf p) { vg_free(opaque, p); }

static void z_setup(vg_warc *w, z_stream *z)
{
    memset(z, 0, sizeof *z);
    z->zalloc = z_alloc;
    z->zfree = z_free;
    z->opaque = (voidpf)w->mem;
}

/* More raw bytes after in[ipos..ilen), which moves to the front. Returns how many were read. */
static size_t refill_in(vg_warc *w)
{
    if (w->ipos) {
        memmove(w->in, w->in + w->ipos, w->ilen - w->ipos);
        w->in_off += w->ipos;
        w->ilen -= w->ipos;
        w->ipos = 0;
    }
    size_t k = fread(w->in + w->ilen, 1, IO_BYTES - w->ilen, w->f);
    w->ilen += k;
    return k;
}

/* At least k (small) raw bytes ahead, unless f ends first; returns how many there are. */
static size_t ensure_in(vg_warc *w, size_t k)
{
    while (w->ilen - w->ipos < k && refill_in(w))
        ;
    return w->ilen - w->ipos;
}

static void start_member(vg_warc *w)
{
    w->member = w->in_off + w->ipos;
    inflateReset(&w->z);
    w->state = Z_MEMBER;
    w->member_seq++;
}

/* After damage: the next place from the compressed offset from on that starts like a member
** (1f 8b, method 8, no reserved flag bits), which becomes the current member. Bytes already read
** past are read again when f can seek, since a member cut short runs into the next one and the
** damage shows only some way into it; but not past the size of a record, for a member larger than
** that is a whole file compressed as one, and searching it again would mean reading it again. */
static void find_member(vg_warc *w, uint64_t from)
{
    if (from >= w->in_off && from <= w->in_off + w->ilen) {
        w->ipos = (size_t)(from - w->in_off);
    } else if (w->base >= 0 && from < w->in_off && w->in_off - from <= VG_WARC_MAX_RECORD &&
               fseeko(w->f, w->base + (off_t)from, SEEK_SET) == 0) {
        clearerr(w->f);
        w->in_off = from;
        w->ipos = w->ilen = 0;
    } /* else a pipe: search on from the bytes not read yet */
    for (;;) {
        if (ensure_in(w, 4) < 4) { /* too few bytes left for a member */
            w->ipos = w->ilen;
            w->state = Z_END;
            return;
        }
        const unsigned char *b = w->in + w->ipos;
        const unsigned char *m = memchr(b, 0x1f, w->ilen - w->ipos);
        if (!m) {
            w->ipos = w->ilen;
            continue;
        }
        w->ipos = (size_t)(m - w->in);
        if (ensure_in(w, 4) < 4)
            continue;
        b = w->in + w->ipos;
        if (b[1] == 0x8b && b[2] == 8 && (b[3] & 0xe0) == 0) {
            start_member(w);
            w->probing = true;
            return;
        }
        w->ipos++;
    }
}

/* A failure of the gzip layer at the member at off. A member being probed that fails before it
** produced anything was a false find (or a second damaged member in the same stretch, which the
** one report covers): search on, and return true for the caller to go on. Otherwise latch it. */
static bool zfail(vg_warc *w, int kind, uint64_t off, const char *why)
{
    if (w->probing && kind != E_IO && kind != E_NOMEM) {
        find_member(w, off + 1);
        return true;
    }
    w->err = kind;
    w->err_off = off;
    vg_copy(w->zmsg, sizeof w->zmsg, why ? why : "", why ? strlen(why) : 0);
    return false;
}

/* Between members: start the next one. Zero bytes are padding; anything else is not a member.
** Returns 1 when a member starts, 0 at the end, -1 on a failure (latched, or searched past). */
static int next_member(vg_warc *w)
{
    for (;;) {
        size_t avail = ensure_in(w, 2);
        if (avail == 0) {
            if (ferror(w->f))
                zfail(w, E_IO, w->in_off + w->ipos, NULL);
            w->state = Z_END;
            return 0;
        }
        const unsigned char *b = w->in + w->ipos;
        if (b[0] == 0x1f && (avail == 1 || b[1] == 0x8b)) { /* a lone 1f at the end: truncated */
            start_member(w);
            return 1;
        }
        if (b[0] == 0) {
            while (w->ipos < w->ilen && w->in[w->ipos] == 0)
                w->ipos++;
            continue;
        }
        if (zfail(w, E_NOTGZ, w->in_off + w->ipos, NULL)) /* searched on: a member, or the end */
            return w->state == Z_MEMBER ? 1 : 0;
        return -1;
    }
}

/* Inflate the next bytes into ob. Stops at a member's end (the next call starts the next member),
** so every byte in ob belongs to the member at w->member. */
static int fill_gz(vg_warc *w)
{
    for (;;) {
        if (w->state == Z_END)
            return 0;
        if (w->state == Z_BETWEEN && next_member(w) <= 0)
            return 0;
        if (w->ipos == w->ilen && !refill_in(w)) {
            if (zfail(w, ferror(w->f) ? E_IO : E_TRUNC, w->member, NULL))
                continue;
            return 0;
        }
        w->z.next_in = w->in + w->ipos;
        w->z.avail_in = (uInt)(w->ilen - w->ipos);
        w->z.next_out = w->ob;
        w->z.avail_out = (uInt)IO_BYTES;
        size_t had = w->ipos;
        int zr = inflate(&w->z, Z_NO_FLUSH);
        w->ipos = (size_t)(w->z.next_in - w->in);
        w->olen = IO_BYTES - w->z.avail_out;
        if (w->in_off + w->ipos > w->high)
            w->high = w->in_off + w->ipos;
        if (w->olen)
            w->probing = false;
        if (zr == Z_STREAM_END) {
            w->state = Z_BETWEEN;
            w->probing = false;
        } else if ((zr != Z_OK && zr != Z_BUF_ERROR) || (!w->olen && w->ipos == had)) {
            /* the last test is only a guard: with input and room, inflate always moves */
            bool again = zfail(w, zr == Z_MEM_ERROR ? E_NOMEM : E_CORRUPT, w->member,
                               w->z.msg ? w->z.msg : "no progress");
            if (w->olen) /* the bytes before the damage are still handed out */
                return 1;
            if (again)
                continue;
            return 0;
        }
        if (w->olen)
            return 1;
    }
}

/* At least one byte in ob[opos..olen): 1, or 0 at the end or on a latched failure. */
static int fill(vg_warc *w)
{
    if (w->opos < w->olen)
        return 1;
    if (w->err)
        return 0;
    w->obase += w->olen;
    w->opos = w->olen = 0;
    if (w->gz)
        return fill_gz(w);
    if (w->state == Z_END)
        return 0;
    w->olen = fread(w->ob, 1, IO_BYTES, w->f);
    if (w->olen)
        return 1;
    if (ferror(w->f)) {
        w->err = E_IO;
        w->err_off = w->obase;
    }
    w->state = Z_END;
    return 0;
}

/* Where the byte at ob[opos] belongs; ob must not be empty. */
static uint64_t here(const vg_warc *w) { return w->gz ? w->member : w->obase + w->opos; }

/* One line into w->line, at most cap bytes of it kept (the rest read through and dropped), the
** '\n' included. *used counts every byte read. Returns 1 for a line ended by '\n', 2 for one ended
** by the end of the data or (split) by the start of a gzip member, 3 for one cut after
** VG_WARC_MAX_HEAD bytes (no header line is that long, and reading on for its end would inflate
** all of a gzip bomb's zeros), 0 when there was nothing. */
static int read_line(vg_warc *w, size_t cap, bool split, uint64_t *used)
{
    vg_buf_clear(&w->line);
    *used = 0;
    uint64_t seq = w->member_seq;
    for (;;) {
        if (!fill(w))
            return *used ? 2 : 0;
        if (split && *used && w->member_seq != seq)
            return 2;
        seq = w->member_seq;
        const unsigned char *s = w->ob + w->opos;
        size_t avail = w->olen - w->opos;
        const unsigned char *nl = memchr(s, '\n', avail);
        size_t k = nl ? (size_t)(nl - s) + 1 : avail;
        if (*used + k > VG_WARC_MAX_HEAD) {
            k = (size_t)(VG_WARC_MAX_HEAD - *used);
            nl = NULL;
        }
        size_t keep = cap - w->line.n < k ? cap - w->line.n : k;
        if (keep && vg_buf_append(&w->line, s, keep) != VG_OK)
            cap = w->line.n; /* out of memory: keep what there is, the line is then refused */
        w->opos += k;
        *used += k;
        if (nl)
            return 1;
        if (*used >= VG_WARC_MAX_HEAD)
            return 3;
    }
}

/* w->line without its line end and trailing blanks. */
static size_t line_len(const vg_warc *w)
{
    size_t n = w->line.n;
    while (n && (w->line.p[n - 1] == '\n' || w->line.p[n - 1] == '\r' || w->line.p[n - 1] == ' ' ||
                 w->line.p[n - 1] == '\t'))
        n--;
    return n;
}

/* After a damaged header: read lines until one starts with "WARC/1.", and keep it for the next
** call as its version line. In a gzip file a member's start also starts a line, since members are
** records in the files that have several; and a search that has inflated more than a record's worth
** of one member gives up on that member and goes to the next one in the compressed bytes, so that a
** member of zeros inflating to gigabytes (a gzip bomb) is not inflated whole. */
static void resync(vg_warc *w)
{
    uint64_t seq = w->member_seq, spent = 0;
    for (;;) {
        if (!fill(w))
            return;
        if (w->member_seq != seq)
            seq = w->member_seq, spent = 0;
        if (w->gz && spent > VG_WARC_MAX_RECORD) {
            w->opos = w->olen = 0;
            find_member(w, w->member + 1);
            continue;
        }
        uint64_t off = here(w), used;
        if (!read_line(w, 64, true, &used))
            return;
        spent += used;
        if (w->line.n >= 7 && !memcmp(w->line.p, "WARC/1.", 7)) {
            w->have_line = true;
            w->line_off = off;
            return;
        }
    }
}

/* ---- records ---- */

enum { GO_ON, SCAN };

/* Report the record as damaged: msg says which and why, then find the next record. A latched gzip
** failure is the reason when there is one; so is one that the search after a bad header runs into
** in the same member, since the inflated garbage before it is what made the header bad. */
static int damaged(vg_warc *w, vg_warc_record *rec, char *msg, size_t msgcap, const char *why, int then)
{
    char zwhy[160];
    bool latched = w->err != E_NONE;
    if (!latched && then == SCAN)
        resync(w);
    if (w->err && (latched || w->err_off == rec->offset)) {
        const char *at = "";
        char where[48] = "";
        if (w->err_off != rec->offset) {
            snprintf(where, sizeof where, " at byte %" PRIu64, w->err_off);
            at = where;
        }
        switch (w->err) {
        case E_TRUNC: snprintf(zwhy, sizeof zwhy, "truncated gzip member%s", at); break;
        case E_CORRUPT: snprintf(zwhy, sizeof zwhy, "corrupt gzip member%s (%s)", at, w->zmsg); break;
        case E_NOTGZ: snprintf(zwhy, sizeof zwhy, "bytes that are not a gzip member%s", at); break;
        case E_NOMEM: snprintf(zwhy, sizeof zwhy, "out of memory inflating the gzip member%s", at); break;
        default: snprintf(zwhy, sizeof zwhy, "read error in %s", w->name); break;
        }
        why = zwhy;
        int kind = w->err;
        w->err = E_NONE;
        w->opos = w->olen = 0; /* inflated bytes of the damaged member are dropped */
        w->have_line = false;
        if (kind == E_TRUNC || kind == E_CORRUPT || kind == E_NOTGZ)
            find_member(w, w->err_off + 1); /* a member cut short may run into a sound one */
        else
            w->state = Z_END; /* nothing more can be read */
    }
    uint64_t number = rec->number, offset = rec->offset;
    memset(rec, 0, sizeof *rec); /* nothing half-read is handed out: only where the record was */
    rec->number = number;
    rec->offset = offset;
    if (msg && msgcap)
        snprintf(msg, msgcap, "record %" PRIu64 " at byte %" PRIu64 ": %s", number, offset, why);
    return -1;
}

static bool is_blank(char c) { return c == ' ' || c == '\t'; }

/* Trim blanks around s[0..*n). */
static const char *trim(const char *s, size_t *n)
{
    while (*n && is_blank(*s))
        s++, (*n)--;
    while (*n && is_blank(s[*n - 1]))
        (*n)--;
    return s;
}

/* Append s[0..n) and a NUL to vals as string slot i. */
static vg_status put(vg_warc *w, int i, const char *s, size_t n)
{
    w->off[i] = w->vals.n;
    w->len[i] = n;
    vg_status rc = vg_buf_append(&w->vals, s, n);
    return rc == VG_OK ? vg_buf_putc(&w->vals, 0) : rc;
}

static const char *str(const vg_warc *w, int i) { return w->off[i] == SIZE_MAX ? NULL : w->vals.p + w->off[i]; }

/* The header lines after the version line, through the blank line. NULL, or why the header is
** damaged. A line starting with a blank continues the previous field (WARC 1.0 §4, as in HTTP). */
static const char *read_header(vg_warc *w, uint64_t used)
{
    int last = -1;
    for (;;) {
        if (used >= VG_WARC_MAX_HEAD)
            return "header over 64 KiB";
        uint64_t k;
        int r = read_line(w, VG_WARC_MAX_HEAD, false, &k);
        used += k;
        if (r == 3)
            return "header over 64 KiB";
        if (r != 1)
            return "header cut short by the end of the file";
        size_t n = line_len(w);
        const char *s = w->line.p;
        if (n == 0) /* the blank line; one of blanks only is taken for it too */
            return NULL;
        if (is_blank(s[0])) {
            /* continuation: extend the last field if it is the last string in vals */
            if (last >= 0 && w->off[last] + w->len[last] + 1 == w->vals.n) {
                size_t cn = n;
                const char *c = trim(s, &cn);
                w->vals.n--; /* its NUL */
                if (vg_buf_putc(&w->vals, ' ') != VG_OK || vg_buf_append(&w->vals, c, cn) != VG_OK ||
                    vg_buf_putc(&w->vals, 0) != VG_OK)
                    return "out of memory";
                w->len[last] += 1 + cn;
            }
            continue;
        }
        const char *colon = memchr(s, ':', n);
        if (!colon)
            return "header line without a colon";
        size_t nn = (size_t)(colon - s), vn = n - nn - 1;
        const char *name = trim(s, &nn), *val = trim(colon + 1, &vn);
        if (!nn)
            return "header line without a field name";
        last = -1;
        for (int i = 0; i < S_NFIELDS; i++) {
            if (strlen(field_names[i]) == nn && !strncasecmp(name, field_names[i], nn)) {
                if (put(w, i, val, vn) != VG_OK)
                    return "out of memory";
                last = i;
                break;
            }
        }
    }
}

/* Content-Length: decimal digits only. */
static bool parse_length(const char *s, size_t n, uint64_t *v)
{
    if (!n || n > 18)
        return false;
    *v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        *v = *v * 10 + (uint64_t)(s[i] - '0');
    }
    return true;
}

/* len bytes of block into w->block (keep) or dropped. false when the data ends first, or in a gzip
** file the record's member does (a record is one member, or the whole file is; the next member's
** bytes are left for the next record, which a wrong Content-Length must not swallow). *nomem is
** set when the block could not be held; it is then read through all the same. */
static bool read_block(vg_warc *w, uint64_t len, bool keep, bool *nomem)
{
    vg_buf_clear(&w->block);
    uint64_t seq = w->member_seq;
    while (len) {
        if (!fill(w) || (w->gz && w->member_seq != seq))
            return false;
        size_t avail = w->olen - w->opos;
        size_t k = (uint64_t)avail < len ? avail : (size_t)len;
        if (keep && vg_buf_append(&w->block, w->ob + w->opos, k) != VG_OK) {
            keep = false;
            *nomem = true;
        }
        w->opos += k;
        len -= k;
    }
    return true;
}

/* ---- HTTP ---- */

/* The next line of s[*i..n), without its CR LF, in [*ls, *ls + *ln). false at the end. */
static bool next_line(const char *s, size_t n, size_t *i, const char **ls, size_t *ln)
{
    if (*i >= n)
        return false;
    const char *p = s + *i, *nl = memchr(p, '\n', n - *i);
    size_t k = nl ? (size_t)(nl - p) : n - *i;
    *i += k + (nl != NULL);
    if (k && p[k - 1] == '\r')
        k--;
    *ls = p;
    *ln = k;
    return true;
}

/* Does the comma-separated list v[0..n) hold the token t (case-insensitive)? */
static bool has_token(const char *v, size_t n, const char *t)
{
    size_t tn = strlen(t), i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && v[j] != ',')
            j++;
        size_t k = j - i;
        const char *s = trim(v + i, &k);
        if (k == tn && !strncasecmp(s, t, tn))
            return true;
        i = j + 1;
    }
    return false;
}

/* Undo chunked transfer-encoding of b[0..n) into w->body. A body that does not start with a chunk
** size was not chunked after all (a crawler that decoded it and kept the header): false, use it as
** it is. A body cut short keeps the chunks read, as a capture cut at a size limit would. */
static bool dechunk(vg_warc *w, const char *b, size_t n, const char **why)
{
    vg_buf_clear(&w->body);
    size_t i = 0;
    for (bool first = true;; first = false) {
        while (i < n && is_blank(b[i]))
            i++;
        uint64_t size = 0;
        size_t digits = 0;
        for (; i < n; i++, digits++) {
            char c = b[i];
            int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (d < 0)
                break;
            if (size > VG_WARC_MAX_RECORD) {
                *why = "chunked body over the record limit";
                return true;
            }
            size = size * 16 + (uint64_t)d;
        }
        size_t e = i;
        while (e < n && is_blank(b[e]))
            e++;
        if (!digits || (e < n && b[e] != ';' && b[e] != '\r' && b[e] != '\n'))
            return !first; /* not a chunk size line */
        const char *nl = memchr(b + i, '\n', n - i); /* past chunk extensions */
        if (!nl || size == 0)
            return true; /* the end, or cut short; trailers are not needed */
        i = (size_t)(nl - b) + 1;
        size_t take = size < n - i ? (size_t)size : n - i;
        if (w->body.n + take > VG_WARC_MAX_RECORD) {
            *why = "chunked body over the record limit";
            return true;
        }
        if (vg_buf_append(&w->body, b + i, take) != VG_OK) {
            *why = "out of memory";
            return true;
        }
        i += take;
        if (i < n && b[i] == '\r')
            i++;
        if (i < n && b[i] == '\n')
            i++;
    }
}

/* Inflate b[0..n) into w->dec: wbits as for inflateInit2 (31 gzip, 15 zlib, -15 raw deflate).
** NULL, or why not. Bytes after a complete stream (some servers pad) are ignored; a gzip body made
** of several members is read whole. */
static const char *inflate_body(vg_warc *w, const unsigned char *b, size_t n, int wbits)
{
    if (!w->czinit) {
        z_setup(w, &w->cz);
        if (inflateInit2(&w->cz, wbits) != Z_OK)
            return "out of memory";
        w->czinit = true;
    } else if (inflateReset2(&w->cz, wbits) != Z_OK) {
        return "out of memory";
    }
    vg_buf_clear(&w->dec);
    size_t pos = 0;
    for (;;) {
        if (w->dec.cap < w->dec.n + 2 && vg_buf_reserve(&w->dec, IO_BYTES) != VG_OK)
            return "out of memory";
        /* one byte past the limit may be written: it proves the body is over it */
        size_t room = w->dec.cap - w->dec.n - 1, left = n - pos, lim = VG_WARC_MAX_RECORD + 1 - w->dec.n;
        if (room > lim)
            room = lim;
        w->cz.next_in = (Bytef *)(b + pos);
        w->cz.avail_in = left > UINT32_MAX ? UINT32_MAX : (uInt)left;
        w->cz.next_out = (Bytef *)w->dec.p + w->dec.n;
        w->cz.avail_out = room > UINT32_MAX ? UINT32_MAX : (uInt)room;
        uInt had_in = w->cz.avail_in, had_out = w->cz.avail_out;
        int zr = inflate(&w->cz, Z_NO_FLUSH);
        pos += had_in - w->cz.avail_in;
        w->dec.n += had_out - w->cz.avail_out;
        w->dec.p[w->dec.n] = 0;
        if (w->dec.n > VG_WARC_MAX_RECORD)
            return "content-encoded body over the record limit";
        if (zr == Z_STREAM_END) {
            if (wbits > 16 && vg_is_gzip(b + pos, n - pos) && n - pos >= 10) {
                inflateReset(&w->cz);
                continue;
            }
            return NULL;
        }
        if (zr == Z_MEM_ERROR)
            return "out of memory";
        if (zr != Z_OK && zr != Z_BUF_ERROR)
            return w->cz.msg ? w->cz.msg : "corrupt data";
        if (pos == n && w->cz.avail_out > 0)
            return "truncated data";
        if (had_in == w->cz.avail_in && had_out == w->cz.avail_out)
            return "corrupt data"; /* no progress: a guard, inflate always moves */
    }
}

/* Undo the Content-Encoding v[0..n) of b[0..*len): *p and *len become the decoded body. NULL, or why
** the record is damaged. Codings that are not compression ("identity", and the charset names
** misconfigured servers send) leave the body as it is; compressions zlib cannot undo are damage,
** since their bytes are no text. */
static const char *decode(vg_warc *w, const char *v, size_t n, const char **p, size_t *len)
{
    const unsigned char *b = (const unsigned char *)*p;
    int wbits;
    if (*len == 0)
        return NULL; /* an empty body (HEAD, 304) has nothing to decode */
    if (has_token(v, n, "gzip") || has_token(v, n, "x-gzip"))
        wbits = 16 + MAX_WBITS;
    else if (has_token(v, n, "deflate")) /* zlib-wrapped as RFC 9110 says, or raw as IIS sent it */
        wbits = vg_is_gzip(b, *len) ? 16 + MAX_WBITS
                : *len >= 2 && (b[0] & 0x0f) == 8 && ((b[0] << 8) | b[1]) % 31 == 0 ? MAX_WBITS : -MAX_WBITS;
    else if (has_token(v, n, "br") || has_token(v, n, "zstd") || has_token(v, n, "compress") ||
             has_token(v, n, "x-compress"))
        return "Content-Encoding not supported (br, zstd or compress)";
    else
        return NULL;
    const char *why = inflate_body(w, b, *len, wbits);
    if (why) {
        snprintf(w->why, sizeof w->why, "cannot undo Content-Encoding %.*s: %s", (int)(n < 32 ? n : 32), v, why);
        return w->why;
    }
    *p = w->dec.p;
    *len = w->dec.n;
    return NULL;
}

/* The charset= parameter of the content type in slot ct, lower-cased and unquoted, into S_CHARSET. */
static vg_status find_charset(vg_warc *w, int ct)
{
    if (w->off[ct] == SIZE_MAX)
        return VG_OK;
    size_t n = w->len[ct];
    for (size_t i = 0; i < n; i++) {
        if (w->vals.p[w->off[ct] + i] != ';')
            continue;
        const char *s = w->vals.p + w->off[ct] + i + 1;
        size_t k = n - i - 1;
        s = trim(s, &k);
        if (k < 8 || strncasecmp(s, "charset", 7))
            continue;
        size_t j = 7;
        while (j < k && is_blank(s[j]))
            j++;
        if (j >= k || s[j] != '=')
            continue;
        j++;
        while (j < k && is_blank(s[j]))
            j++;
        size_t e = j;
        if (e < k && s[e] == '"') {
            j = ++e;
            while (e < k && s[e] != '"')
                e++;
        } else {
            while (e < k && s[e] != ';' && !is_blank(s[e]))
                e++;
        }
        if (e == j)
            return VG_OK;
        /* copy out first: appending may move vals, and s points into it */
        char cs[64];
        size_t cn = e - j < sizeof cs ? e - j : sizeof cs - 1;
        for (size_t q = 0; q < cn; q++)
            cs[q] = (s[j + q] >= 'A' && s[j + q] <= 'Z') ? (char)(s[j + q] + 32) : s[j + q];
        return put(w, S_CHARSET, cs, cn);
    }
    return VG_OK;
}

/* A response's HTTP message in the block: status, Content-Type, and the body with the transfer and
** content codings undone. NULL, or why the record is damaged. */
static const char *parse_http(vg_warc *w, vg_warc_record *rec, const char **body, size_t *blen)
{
    const char *b = w->block.p ? w->block.p : "";
    size_t n = w->block.n, i = 0, ln;
    const char *l;
    if (!next_line(b, n, &i, &l, &ln) || ln < 5 || memcmp(l, "HTTP/", 5))
        return "no HTTP status line";
    size_t j = 5;
    while (j < ln && !is_blank(l[j]))
        j++;
    while (j < ln && is_blank(l[j]))
        j++;
    if (j + 3 > ln || l[j] < '1' || l[j] > '9' || l[j + 1] < '0' || l[j + 1] > '9' || l[j + 2] < '0' ||
        l[j + 2] > '9' || (j + 3 < ln && !is_blank(l[j + 3])))
        return "bad HTTP status line";
    rec->http_status = (l[j] - '0') * 100 + (l[j + 1] - '0') * 10 + (l[j + 2] - '0');

    const char *te = NULL, *ce = NULL, *ct = NULL;
    size_t ten = 0, cen = 0, ctn = 0;
    size_t start = n; /* no blank line: headers only, an empty body */
    while (next_line(b, n, &i, &l, &ln)) {
        if (ln == 0) {
            start = i;
            break;
        }
        const char *colon = memchr(l, ':', ln);
        if (!colon || is_blank(l[0]))
            continue; /* folded or malformed lines carry nothing we use */
        size_t nn = (size_t)(colon - l), vn = ln - nn - 1;
        const char *name = trim(l, &nn), *val = trim(colon + 1, &vn);
        if (nn == 12 && !strncasecmp(name, "Content-Type", 12))
            ct = val, ctn = vn;
        else if (nn == 17 && !strncasecmp(name, "Transfer-Encoding", 17))
            te = val, ten = vn;
        else if (nn == 16 && !strncasecmp(name, "Content-Encoding", 16))
            ce = val, cen = vn;
    }
    if (ct && put(w, S_HTTP_CTYPE, ct, ctn) != VG_OK)
        return "out of memory";
    if (find_charset(w, S_HTTP_CTYPE) != VG_OK)
        return "out of memory";
    *body = b + start;
    *blen = n - start;
    if (te && has_token(te, ten, "chunked")) {
        const char *why = NULL;
        if (dechunk(w, *body, *blen, &why)) {
            if (why)
                return why;
            *body = w->body.p ? w->body.p : "";
            *blen = w->body.n;
        }
    }
    if (ce)
        return decode(w, ce, cen, body, blen);
    return NULL;
}

int vg_warc_next(vg_warc *w, vg_warc_record *rec, char *msg, size_t msgcap)
{
    memset(rec, 0, sizeof *rec);
    if (msg && msgcap)
        msg[0] = 0;
    uint64_t used = 0;
    if (w->have_line) { /* resync() read the version line already */
        w->have_line = false;
        rec->offset = w->line_off;
        used = w->line.n;
    } else {
        for (;;) { /* the CR LF CR LF after the last record, or stray line ends */
            if (!fill(w)) {
                if (!w->err)
                    return 0;
                rec->number = ++w->nrec;
                rec->offset = w->err_off;
                return damaged(w, rec, msg, msgcap, "", GO_ON);
            }
            char c = (char)w->ob[w->opos];
            if (c != '\r' && c != '\n')
                break;
            w->opos++;
        }
        rec->offset = here(w);
        read_line(w, 64, false, &used);
    }
    rec->number = ++w->nrec;

    size_t vn = line_len(w);
    if (vn < 5 || memcmp(w->line.p, "WARC/", 5))
        return damaged(w, rec, msg, msgcap, "no WARC version line", SCAN);
    if (vn != 8 || (memcmp(w->line.p, "WARC/1.0", 8) && memcmp(w->line.p, "WARC/1.1", 8)))
        return damaged(w, rec, msg, msgcap, "WARC version other than 1.0 and 1.1", SCAN);

    vg_buf_clear(&w->vals);
    for (int i = 0; i < S_COUNT; i++)
        w->off[i] = SIZE_MAX, w->len[i] = 0;
    const char *why = read_header(w, used);
    if (why)
        return damaged(w, rec, msg, msgcap, why, SCAN);
    uint64_t len;
    if (w->off[S_LENGTH] == SIZE_MAX)
        return damaged(w, rec, msg, msgcap, "no Content-Length", SCAN);
    if (!parse_length(str(w, S_LENGTH), w->len[S_LENGTH], &len))
        return damaged(w, rec, msg, msgcap, "bad Content-Length", SCAN);

    /* A length over the limit is not read through: the record is reported and the reader goes on
    ** from the next record, found as after a damaged header, or in a gzip file at the next member
    ** without inflating the rest of this one (which may be a bomb of zeros). A length that runs past
    ** the end of the data was wrong too: the next record, swallowed by it, is found the same way. */
    uint64_t block_at = w->gz ? 0 : w->obase + w->opos;
    char why_len[128];
    if (len > VG_WARC_MAX_RECORD) {
        snprintf(why_len, sizeof why_len, "Content-Length %" PRIu64 " over the record limit of %zu bytes%s", len,
                 (size_t)VG_WARC_MAX_RECORD, w->gz ? "; the rest of its gzip member is not read" : "");
        if (w->gz) {
            w->opos = w->olen = 0;
            find_member(w, w->member + 1);
            return damaged(w, rec, msg, msgcap, why_len, GO_ON);
        }
        return damaged(w, rec, msg, msgcap, why_len, SCAN);
    }
    bool nomem = false;
    if (!read_block(w, len, true, &nomem)) {
        snprintf(why_len, sizeof why_len, "Content-Length %" PRIu64 " runs past the end of the %s", len,
                 w->gz && w->state != Z_END ? "record's gzip member" : "file");
        if (w->gz || w->err || w->base < 0 || fseeko(w->f, w->base + (off_t)block_at, SEEK_SET) != 0)
            return damaged(w, rec, msg, msgcap, why_len, GO_ON);
        /* plain file: back to where the block began, to find the record it swallowed */
        clearerr(w->f);
        w->obase = block_at;
        w->opos = w->olen = 0;
        w->state = Z_MEMBER;
        return damaged(w, rec, msg, msgcap, why_len, SCAN);
    }
    /* The separator, and in a gzip file the end of the member: its CRC is checked there, and a
    ** member that fails it spoils the record just read. */
    while (fill(w) && (w->ob[w->opos] == '\r' || w->ob[w->opos] == '\n'))
        w->opos++;
    if (w->err && w->err_off == rec->offset)
        return damaged(w, rec, msg, msgcap, "", GO_ON);
    if (nomem)
        return damaged(w, rec, msg, msgcap, "out of memory", GO_ON);

    const char *payload = w->block.p ? w->block.p : "";
    size_t plen = w->block.n;
    int ct = S_CTYPE;
    const char *type = str(w, S_TYPE), *rct = str(w, S_CTYPE);
    if (type && !strcmp(type, "response") && rct && !strncasecmp(rct, "application/http", 16)) {
        /* (type and rct are not used past here: parse_http adds to vals, which may move) */
        ct = S_HTTP_CTYPE;
        if ((why = parse_http(w, rec, &payload, &plen)))
            return damaged(w, rec, msg, msgcap, why, GO_ON);
    } else if (find_charset(w, S_CTYPE) != VG_OK) {
        return damaged(w, rec, msg, msgcap, "out of memory", GO_ON);
    }

    /* vals is complete: its strings can be pointed at */
    if (w->off[S_ID] != SIZE_MAX && w->len[S_ID] >= 2 && w->vals.p[w->off[S_ID]] == '<' &&
        w->vals.p[w->off[S_ID] + w->len[S_ID] - 1] == '>') {
        w->vals.p[w->off[S_ID] + w->len[S_ID] - 1] = 0;
        w->off[S_ID]++;
    }
    rec->type = w->off[S_TYPE] != SIZE_MAX ? str(w, S_TYPE) : "";
    rec->uri = str(w, S_URI);
    rec->date = str(w, S_DATE);
    rec->id = str(w, S_ID);
    rec->content_type = str(w, ct);
    rec->charset = str(w, S_CHARSET);
    rec->payload = payload;
    rec->payload_len = plen;
    return 1;
}

/* ---- the reader ---- */

vg_status vg_warc_open(const vg_mem *mem, FILE *f, const char *name, vg_warc **out)
{
    *out = NULL;
    vg_warc *w = vg_malloc(mem, sizeof *w);
    if (!w)
        return VG_ENOMEM;
    memset(w, 0, sizeof *w);
    w->mem = mem;
    w->f = f;
    vg_buf_init(&w->line, mem);
    vg_buf_init(&w->vals, mem);
    vg_buf_init(&w->block, mem);
    vg_buf_init(&w->body, mem);
    vg_buf_init(&w->dec, mem);
    w->name = vg_strndup(mem, name ? name : "-", name ? strlen(name) : 1);
    w->in = vg_malloc(mem, IO_BYTES);
    if (!w->name || !w->in) {
        vg_warc_free(w);
        return VG_ENOMEM;
    }
    w->base = ftello(f);
    if (w->base < 0)
        errno = 0; /* a pipe: no seeking back after damage */
    w->ilen = fread(w->in, 1, IO_BYTES, f);
    if (!w->ilen && ferror(f)) {
        vg_warc_free(w);
        return VG_EIO;
    }
    w->gz = vg_is_gzip(w->in, w->ilen);
    if (w->gz) {
        z_setup(w, &w->z);
        if (!(w->ob = vg_malloc(mem, IO_BYTES)) || inflateInit2(&w->z, 16 + MAX_WBITS) != Z_OK) {
            vg_warc_free(w);
            return VG_ENOMEM;
        }
        w->zinit = true;
        w->state = Z_BETWEEN;
    } else {
        /* plain: the first block is the first bytes for the record reader */
        w->ob = w->in;
        w->in = NULL;
        w->olen = w->ilen;
        w->state = Z_MEMBER;
    }
    *out = w;
    return VG_OK;
}

uint64_t vg_warc_consumed(const vg_warc *w)
{
    if (!w)
        return 0;
    if (!w->gz)
        return w->obase + w->opos;
    uint64_t at = w->in_off + w->ipos;
    return at > w->high ? at : w->high;
}

void vg_warc_free(vg_warc *w)
{
    if (!w)
        return;
    if (w->zinit)
        inflateEnd(&w->z);
    if (w->czinit)
        inflateEnd(&w->cz);
    vg_buf_release(&w->line);
    vg_buf_release(&w->vals);
    vg_buf_release(&w->block);
    vg_buf_release(&w->body);
    vg_buf_release(&w->dec);
    vg_free(w->mem, w->in);
    vg_free(w->mem, w->ob);
    vg_free(w->mem, w->name);
    vg_free(w->mem, w);
}

bool vg_is_warc(const void *p, size_t n)
{
    const char *s = p;
    if (n < 8 || (memcmp(s, "WARC/1.0", 8) && memcmp(s, "WARC/1.1", 8)))
        return false;
    return n == 8 || s[8] == '\r' || s[8] == '\n';
}
