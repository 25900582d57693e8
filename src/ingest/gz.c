/* gz.c — gzip data inflated in memory, member after member (RFC 1952 allows a file to be several
** members end to end, and `cat a.gz b.gz` makes one). A damaged member stops the inflation with a
** message saying which member and why; what came before it is kept, since a page cut short still
** has text worth reading. The streaming reader for .warc.gz files is in warc.c: it needs to keep
** going after damage, which this whole-buffer function does not. */
#include <stdio.h>
#include <string.h>
#include <zlib.h>

#include "ingest.h"

/* Output is grown by at least this much at a time: one inflate call fills it, and vg_grow doubles
** past it, so a large member costs a logarithmic number of reallocations. */
#define GZ_STEP ((size_t)64 << 10)

bool vg_is_gzip(const void *p, size_t n)
{
    const unsigned char *b = p;
    return n >= 2 && b[0] == 0x1f && b[1] == 0x8b;
}

/* zlib allocates through the output buffer's allocator, so a test that fails the Nth allocation
** reaches inflate's state and window too. */
static voidpf gz_alloc(voidpf opaque, uInt items, uInt size)
{
    return vg_malloc(opaque, (size_t)items * size);
}

static void gz_free(voidpf opaque, voidpf p) { vg_free(opaque, p); }

static vg_status fail(char *err, size_t errcap, vg_status rc, const char *fmt, size_t at, const char *why)
{
    if (err && errcap)
        snprintf(err, errcap, fmt, at, why ? why : "");
    return rc;
}

/* Only zero bytes from p on: the padding some writers leave after the last member (gzip(1) and
** zlib's gzread ignore it too). */
static bool all_zero(const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i])
            return false;
    return true;
}

vg_status vg_gunzip(const void *p, size_t n, size_t max, vg_buf *out, char *err, size_t errcap)
{
    const unsigned char *in = p;
    if (err && errcap)
        err[0] = 0;
    if (!vg_is_gzip(in, n))
        return fail(err, errcap, VG_EFORMAT,
                    n == 1 && in[0] == 0x1f ? "truncated gzip member at byte %zu%s" : "not gzip data at byte %zu%s",
                    0, NULL);

    z_stream z;
    memset(&z, 0, sizeof z);
    z.zalloc = gz_alloc;
    z.zfree = gz_free;
    z.opaque = (voidpf)out->mem;
    if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK)
        return fail(err, errcap, VG_ENOMEM, "out of memory inflating gzip data at byte %zu%s", 0, NULL);

    /* One byte more than max may be produced: that byte proves the data is over max (rather than
    ** exactly max long); it is then dropped. */
    const size_t start = out->n, lim = max < SIZE_MAX ? max + 1 : max;
    size_t pos = 0, member = 0;
    vg_status rc = VG_OK;
    for (;;) {
        member = pos;
        inflateReset(&z);
        int zr;
        do {
            if (out->n - start > max) {
                out->n = start + max;
                rc = fail(err, errcap, VG_EFORMAT, "gzip data inflates to more than %zu bytes%s", max, NULL);
                goto done;
            }
            size_t room = lim - (out->n - start);
            if (out->cap < out->n + 2) {
                if (vg_buf_reserve(out, room < GZ_STEP ? room : GZ_STEP) != VG_OK) {
                    rc = fail(err, errcap, VG_ENOMEM, "out of memory inflating the gzip member at byte %zu%s",
                              member, NULL);
                    goto done;
                }
            }
            size_t avail = out->cap - out->n - 1; /* the last byte is for the NUL */
            if (avail > room)
                avail = room;
            size_t left = n - pos;
            z.next_in = (Bytef *)(in + pos);
            z.avail_in = left > UINT32_MAX ? UINT32_MAX : (uInt)left;
            z.next_out = (Bytef *)out->p + out->n;
            z.avail_out = avail > UINT32_MAX ? UINT32_MAX : (uInt)avail;
            uInt had_in = z.avail_in, had_out = z.avail_out;
            zr = inflate(&z, Z_NO_FLUSH);
            pos += had_in - z.avail_in;
            out->n += had_out - z.avail_out;
            if (zr == Z_MEM_ERROR) {
                rc = fail(err, errcap, VG_ENOMEM, "out of memory inflating the gzip member at byte %zu%s", member,
                          NULL);
                goto done;
            }
            if (zr == Z_DATA_ERROR || zr == Z_NEED_DICT || zr == Z_STREAM_ERROR) {
                rc = fail(err, errcap, VG_EFORMAT, "corrupt gzip member at byte %zu: %s", member,
                          z.msg ? z.msg : "bad data");
                goto done;
            }
            /* Z_OK or Z_BUF_ERROR: inflate wants more. With all the input given and room left for
            ** output, that means the member stops before its end. */
            if (zr != Z_STREAM_END && pos == n && z.avail_out > 0) {
                rc = fail(err, errcap, VG_EFORMAT, "truncated gzip member at byte %zu%s", member, NULL);
                goto done;
            }
        } while (zr != Z_STREAM_END);
        if (out->n - start > max) {
            out->n = start + max;
            rc = fail(err, errcap, VG_EFORMAT, "gzip data inflates to more than %zu bytes%s", max, NULL);
            goto done;
        }
        if (pos == n || all_zero(in + pos, n - pos))
            break;
        if (!vg_is_gzip(in + pos, n - pos)) {
            rc = fail(err, errcap, VG_EFORMAT,
                      n - pos == 1 && in[pos] == 0x1f ? "truncated gzip member at byte %zu%s"
                                                      : "not a gzip member at byte %zu%s",
                      pos, NULL);
            goto done;
        }
    }
done:
    inflateEnd(&z);
    if (out->p)
        out->p[out->n] = 0;
    return rc;
}
