/* fuzz_warc.c — libFuzzer target for the WARC and gzip readers: the input is read as a WARC file
** (plain or gzip, as its first bytes say) to the end, and inflated as gzip data; then it is
** compressed one member per record, as Common Crawl writes files, a byte of that spoiled or the
** file cut where the input's hash says, and read again, so that mutations of plain text reach the
** gzip damage paths. The readers must end, report every damaged record with a message, and hand
** out only what they hold. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "ingest.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The limit vg_warc_next holds payloads to (VG_WARC_MAX_RECORD in warc.c). */
#define MAX_PAYLOAD (VG_MAX_DOC_BYTES * 4)

static vg_mem mem;

/* Read data[0..size) as a WARC file to its end, checking what every call returns. */
static void read_all(const uint8_t *data, size_t size)
{
    if (size) { /* fmemopen refuses an empty buffer */
        FILE *f = fmemopen((void *)data, size, "rb");
        if (!f)
            abort();
        vg_warc *w;
        if (vg_warc_open(&mem, f, "fuzz", &w) != VG_OK)
            abort();
        vg_warc_record rec;
        char msg[256];
        uint64_t n = 0, last = 0, done = 0;
        int rc;
        while ((rc = vg_warc_next(w, &rec, msg, sizeof msg)) != 0) {
            if (++n > (uint64_t)size + 2)
                abort(); /* more records than bytes: the reader is not moving */
            if (rec.number != n || rec.number <= last)
                abort(); /* records are numbered 1, 2, 3…, damaged ones too */
            last = rec.number;
            if (rc == -1) {
                if (!msg[0] || !strstr(msg, "record "))
                    abort(); /* every damaged record is explained, and named */
            } else if (rc == 1) {
                if (msg[0] || !rec.type || rec.payload_len > MAX_PAYLOAD || (rec.payload_len && !rec.payload))
                    abort();
                /* the payload is readable to its end, and the strings to their NULs */
                volatile char sink = 0;
                for (size_t i = 0; i < rec.payload_len; i++)
                    sink ^= rec.payload[i];
                (void)sink;
                /* strings come from header lines, never inflated in a plain file; in a gzip one
                ** they can be longer than the compressed input */
                size_t most = vg_is_gzip(data, size) ? MAX_PAYLOAD : size;
                const char *s[] = { rec.type, rec.uri, rec.date, rec.id, rec.content_type, rec.charset };
                for (size_t i = 0; i < sizeof s / sizeof *s; i++)
                    if (s[i] && strlen(s[i]) > most)
                        abort();
                if (rec.http_status && (rec.http_status < 100 || rec.http_status > 999))
                    abort();
            } else {
                abort();
            }
            uint64_t now = vg_warc_consumed(w);
            if (now < done || now > size)
                abort(); /* progress only goes forward, within the file */
            done = now;
        }
        if (vg_warc_next(w, &rec, msg, sizeof msg) != 0)
            abort(); /* the end stays the end */
        if (vg_warc_consumed(w) != size)
            abort(); /* the whole file was read */
        vg_warc_free(w);
        fclose(f);
    }
}

/* Append p[0..n) to out as one gzip member. */
static void member(vg_buf *out, const uint8_t *p, size_t n)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    if (deflateInit2(&z, 1, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        abort();
    size_t bound = deflateBound(&z, n) + 32;
    if (vg_buf_reserve(out, bound) != VG_OK)
        abort();
    z.next_in = (Bytef *)p;
    z.avail_in = (uInt)n;
    z.next_out = (Bytef *)out->p + out->n;
    z.avail_out = (uInt)bound;
    if (deflate(&z, Z_FINISH) != Z_STREAM_END)
        abort();
    out->n += bound - z.avail_out;
    deflateEnd(&z);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    vg_mem_init(&mem, NULL);
    read_all(data, size);

    vg_buf gz;
    vg_buf_init(&gz, &mem);
    size_t start = 0;
    for (size_t i = 1; i + 7 <= size; i++) {
        if (!memcmp(data + i, "WARC/1.", 7)) {
            member(&gz, data + start, i - start);
            start = i;
        }
    }
    member(&gz, data + start, size - start);
    uint32_t h = (uint32_t)vg_hash64(data, size, 0);
    if (h % 3 == 1)
        gz.p[(h >> 2) % gz.n] ^= (char)((h >> 24) | 1);
    else if (h % 3 == 2)
        gz.n -= (h >> 2) % gz.n;
    read_all((const uint8_t *)gz.p, gz.n);
    vg_buf_release(&gz);

    vg_buf out;
    vg_buf_init(&out, &mem);
    char err[256];
    const size_t max = 1 << 20;
    vg_status st = vg_gunzip(data, size, max, &out, err, sizeof err);
    if (out.n > max || (st == VG_OK && err[0]) || (st != VG_OK && !err[0]) ||
        (st != VG_OK && st != VG_EFORMAT && st != VG_ENOMEM))
        abort();
    vg_buf_release(&out);
    return 0;
}
