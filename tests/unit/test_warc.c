/* test_warc.c — the gzip and WARC readers (gz.c, warc.c). Every file is built here, in memory, from
** made-up pages, then read back: fields and payloads as written, HTTP codings undone, offsets where
** the records and members start; and each kind of damage reported once, with the record number and
** offset, the reader going on with the next record, and never more than the input to read. */
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include "harness.h"
#include "ingest.h"

static vg_mem mem;

/* ---- building files ---- */

static void add(vg_buf *b, const char *s) { vg_buf_append(b, s, strlen(s)); }

/* One record: version line, the header fields (lines ending in CR LF), Content-Length, the block,
** the CR LF CR LF separator. */
static void record(vg_buf *out, const char *version, const char *fields, const void *block, size_t n)
{
    char cl[64];
    add(out, version);
    add(out, "\r\n");
    add(out, fields);
    snprintf(cl, sizeof cl, "Content-Length: %zu\r\n\r\n", n);
    add(out, cl);
    vg_buf_append(out, block, n);
    add(out, "\r\n\r\n");
}

/* Compress p[0..n) as one gzip member (wbits 31), a zlib stream (15) or raw deflate (-15). */
static void deflated(vg_buf *out, const void *p, size_t n, int wbits)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    if (deflateInit2(&z, 6, Z_DEFLATED, wbits, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        abort();
    size_t bound = deflateBound(&z, n) + 64;
    vg_buf_reserve(out, bound);
    z.next_in = (Bytef *)p;
    z.avail_in = (uInt)n;
    z.next_out = (Bytef *)out->p + out->n;
    z.avail_out = (uInt)bound;
    if (deflate(&z, Z_FINISH) != Z_STREAM_END)
        abort();
    out->n += bound - z.avail_out;
    deflateEnd(&z);
}

static FILE *file_of(const void *p, size_t n)
{
    FILE *f = tmpfile();
    if (!f || fwrite(p, 1, n, f) != n)
        abort();
    rewind(f);
    return f;
}

/* A pipe holding p[0..n) and then its end: a FILE that cannot seek. n must fit the pipe's buffer. */
static FILE *pipe_of(const void *p, size_t n)
{
    int fd[2];
    if (pipe(fd) || write(fd[1], p, n) != (ssize_t)n)
        abort();
    close(fd[1]);
    return fdopen(fd[0], "rb");
}

/* A pipe fed p[0..n) by a child process, for files larger than the pipe's buffer. */
static FILE *big_pipe_of(const void *p, size_t n, pid_t *child)
{
    int fd[2];
    if (pipe(fd))
        abort();
    fflush(NULL);
    if ((*child = fork()) == 0) {
        close(fd[0]);
        const char *s = p;
        while (n) {
            ssize_t k = write(fd[1], s, n);
            if (k <= 0)
                _exit(1);
            s += k;
            n -= (size_t)k;
        }
        _exit(0);
    }
    close(fd[1]);
    return fdopen(fd[0], "rb");
}

/* ---- reading them back ---- */

typedef struct {
    FILE *f;
    vg_warc *w;
    vg_warc_record r;
    char msg[256];
} reader;

static void open_file(reader *x, FILE *f)
{
    memset(x, 0, sizeof *x);
    x->f = f;
    if (vg_warc_open(&mem, f, "test.warc", &x->w) != VG_OK)
        abort();
}

static void open_bytes(reader *x, const vg_buf *b) { open_file(x, file_of(b->p, b->n)); }

static int next(reader *x)
{
    int rc = vg_warc_next(x->w, &x->r, x->msg, sizeof x->msg);
    if (rc != -1)
        CHECKF(x->msg[0] == 0, "a message without damage: %s", x->msg);
    return rc;
}

static void close_reader(reader *x)
{
    vg_warc_free(x->w);
    fclose(x->f);
}

static long file_size(FILE *f)
{
    long at = ftell(f);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, at, SEEK_SET);
    return n;
}

#define CHECK_MSG(x, want) CHECKF(strstr((x)->msg, want) != NULL, "message \"%s\" lacks \"%s\"", (x)->msg, want)
#define CHECK_PAYLOAD(x, s, n)                                                                    \
    CHECKF((x)->r.payload_len == (n) && (x)->r.payload && !memcmp((x)->r.payload, s, n),          \
           "payload of %zu bytes: \"%.*s\"", (x)->r.payload_len, (int)(x)->r.payload_len,          \
           (x)->r.payload ? (x)->r.payload : "")

/* ---- the test pages ---- */

static const char page_1252[] = "<html><head><title>Conseil municipal de Vernay</title></head><body>"
                                "<p>Le conseil a vot\xe9 le budget du pont de la Sarre apr\xe8s trois "
                                "heures de d\xe9""bat.</p></body></html>";
static const char page_en[] = "<!doctype html><html><head><meta charset=\"utf-8\"><title>Harbour strike"
                              "</title></head><body><p>Dock workers in Port Alden walked out on Tuesday "
                              "over the new shift rota, the union said.</p><p>The harbour authority "
                              "called the strike unlawful.</p></body></html>";
static const char note_fr[] = "Communiqu\xc3\xa9 : la pr\xc3\xa9""fecture de Vernay interdit la "
                              "manifestation pr\xc3\xa9vue samedi place du March\xc3\xa9.\n";
static const char warcinfo[] = "software: vigie-test/0.1\r\nformat: WARC File Format 1.0\r\n";
static const char request[] = "GET /conseil HTTP/1.1\r\nHost: vernay.example\r\nAccept: */*\r\n\r\n";

#define FIELDS(type, uri, ct)                                                                     \
    "WARC-Type: " type "\r\nWARC-Target-URI: " uri "\r\nWARC-Date: 2016-07-15T08:00:00Z\r\n"     \
    "WARC-Record-ID: <urn:uuid:6a1e0c52-0000-4000-8000-" type ">\r\nContent-Type: " ct    \
    "\r\n"
#define HTTP_RESPONSE "application/http; msgtype=response"

/* An HTTP response: status line, the header lines given, a blank line, the body. */
static void http(vg_buf *out, const char *headers, const void *body, size_t n)
{
    add(out, "HTTP/1.1 200 OK\r\nServer: test\r\n");
    add(out, headers);
    add(out, "\r\n");
    vg_buf_append(out, body, n);
}

/* A response record for body, with the HTTP header lines given. */
static void response(vg_buf *out, const char *uri, const char *headers, const void *body, size_t n)
{
    vg_buf blk;
    vg_buf_init(&blk, &mem);
    http(&blk, headers, body, n);
    char fields[512];
    snprintf(fields, sizeof fields,
             "WARC-Type: response\r\nWARC-Target-URI: %s\r\nWARC-Date: 2019-05-07T10:00:00Z\r\n"
             "Content-Type: " HTTP_RESPONSE "\r\n",
             uri);
    record(out, "WARC/1.0", fields, blk.p, blk.n);
    vg_buf_release(&blk);
}

/* The four records of the gzip tests, one member each; starts[i] is where member i begins and
** starts[4] the file's size. The members' text is kept in plain[] for comparison. */
static void four_members(vg_buf *gz, size_t starts[5])
{
    vg_buf one;
    vg_buf_init(&one, &mem);
    for (int i = 0; i < 4; i++) {
        vg_buf_clear(&one);
        if (i == 0)
            record(&one, "WARC/1.0", FIELDS("warcinfo", "", "application/warc-fields"), warcinfo,
                   sizeof warcinfo - 1);
        else if (i == 1)
            response(&one, "http://vernay.example/conseil", "Content-Type: text/html; charset=windows-1252\r\n",
                     page_1252, sizeof page_1252 - 1);
        else if (i == 2)
            response(&one, "http://alden.example/strike", "Content-Type: text/html\r\n", page_en,
                     sizeof page_en - 1);
        else
            record(&one, "WARC/1.0", FIELDS("resource", "file:///communique.txt", "text/plain"), note_fr,
                   sizeof note_fr - 1);
        starts[i] = gz->n;
        deflated(gz, one.p, one.n, 16 + MAX_WBITS);
    }
    starts[4] = gz->n;
    vg_buf_release(&one);
}

/* ---- plain WARC ---- */

static void plain_records(void)
{
    vg_buf b;
    vg_buf_init(&b, &mem);
    size_t off[3];
    off[0] = b.n;
    record(&b, "WARC/1.0",
           "WARC-Type: warcinfo\r\nWARC-Date: 2016-07-15T08:00:00Z\r\n"
           "WARC-Record-ID: <urn:uuid:0b0e2a55-1111-4000-8000-000000000001>\r\n"
           "Content-Type: application/warc-fields\r\n",
           warcinfo, sizeof warcinfo - 1);
    off[1] = b.n;
    record(&b, "WARC/1.0",
           "WARC-Type: request\r\nWARC-Target-URI: http://vernay.example/conseil\r\n"
           "WARC-Date: 2016-07-15T08:00:01Z\r\nContent-Type: application/http; msgtype=request\r\n",
           request, sizeof request - 1);
    off[2] = b.n;
    /* field names in odd case, blanks around values */
    vg_buf blk;
    vg_buf_init(&blk, &mem);
    http(&blk, "content-type:  text/html; Charset=Windows-1252 \r\nContent-Length: 160\r\n", page_1252,
         sizeof page_1252 - 1);
    record(&b, "WARC/1.0",
           "warc-type: response\r\nWARC-TARGET-URI:   http://vernay.example/conseil  \r\n"
           "WARC-Date: 2016-07-15T08:00:02Z\r\nWARC-Record-ID: <urn:uuid:0b0e2a55-1111-4000-8000-000000000003>\r\n"
           "WARC-Payload-Digest: sha1:AAAABBBBCCCCDDDDEEEEFFFFGGGGHHHH\r\n"
           "Content-Type: application/http; msgtype=response\r\n",
           blk.p, blk.n);

    reader x;
    open_bytes(&x, &b);
    CHECK_EQ_INT(next(&x), 1);
    CHECK_EQ_INT(x.r.number, 1);
    CHECK_EQ_INT(x.r.offset, off[0]);
    CHECK_EQ_STR(x.r.type, "warcinfo");
    CHECK(x.r.uri == NULL);
    CHECK_EQ_STR(x.r.date, "2016-07-15T08:00:00Z");
    CHECK_EQ_STR(x.r.id, "urn:uuid:0b0e2a55-1111-4000-8000-000000000001");
    CHECK_EQ_STR(x.r.content_type, "application/warc-fields");
    CHECK(x.r.charset == NULL);
    CHECK_EQ_INT(x.r.http_status, 0);
    CHECK_PAYLOAD(&x, warcinfo, sizeof warcinfo - 1);

    CHECK_EQ_INT(next(&x), 1);
    CHECK_EQ_INT(x.r.number, 2);
    CHECK_EQ_INT(x.r.offset, off[1]);
    CHECK_EQ_STR(x.r.type, "request");
    CHECK_EQ_STR(x.r.uri, "http://vernay.example/conseil");
    CHECK(x.r.id == NULL);
    CHECK_EQ_STR(x.r.content_type, "application/http; msgtype=request");
    CHECK_EQ_INT(x.r.http_status, 0); /* only responses are parsed as HTTP */
    CHECK_PAYLOAD(&x, request, sizeof request - 1);

    CHECK_EQ_INT(next(&x), 1);
    CHECK_EQ_INT(x.r.number, 3);
    CHECK_EQ_INT(x.r.offset, off[2]);
    CHECK_EQ_STR(x.r.type, "response");
    CHECK_EQ_STR(x.r.uri, "http://vernay.example/conseil");
    CHECK_EQ_STR(x.r.id, "urn:uuid:0b0e2a55-1111-4000-8000-000000000003");
    CHECK_EQ_INT(x.r.http_status, 200);
    CHECK_EQ_STR(x.r.content_type, "text/html; Charset=Windows-1252");
    CHECK_EQ_STR(x.r.charset, "windows-1252");
    CHECK_PAYLOAD(&x, page_1252, sizeof page_1252 - 1);

    CHECK_EQ_INT(next(&x), 0);
    CHECK_EQ_INT(next(&x), 0); /* and stays at the end */
    CHECK_EQ_INT(vg_warc_consumed(x.w), b.n);
    close_reader(&x);
    vg_buf_release(&blk);
    vg_buf_release(&b);
}

static void resource_and_other_records(void)
{
    vg_buf b;
    vg_buf_init(&b, &mem);
    record(&b, "WARC/1.0",
           "WARC-Type: resource\r\nWARC-Target-URI: file:///notes/communique.txt\r\n"
           "Content-Type: text/plain; format=flowed; charset=\"UTF-8\"\r\n",
           note_fr, sizeof note_fr - 1);
    /* a response that is not HTTP: its block is the payload */
    static const char dns[] = "20160715080000\r\nvernay.example. 300 IN A 192.0.2.7\r\n";
    record(&b, "WARC/1.0", "WARC-Type: response\r\nWARC-Target-URI: dns:vernay.example\r\nContent-Type: text/dns\r\n",
           dns, sizeof dns - 1);
    /* an empty block, and a record without WARC-Type */
    record(&b, "WARC/1.0", "WARC-Type: metadata\r\n", "", 0);
    record(&b, "WARC/1.0", "WARC-Date: 2016-07-15T08:00:00Z\r\n", "x", 1);

    reader x;
    open_bytes(&x, &b);
    CHECK_EQ_INT(next(&x), 1);
    CHECK_EQ_STR(x.r.type, "resource");
    CHECK_EQ_STR(x.r.content_type, "text/plain; format=flowed; charset=\"UTF-8\"");
    CHECK_EQ_STR(x.r.charset, "utf-8");
    CHECK_EQ_INT(x.r.http_status, 0);
    CHECK_PAYLOAD(&x, note_fr, sizeof note_fr - 1);
    CHECK_EQ_INT(next(&x), 1);
    CHECK_EQ_STR(x.r.type, "response");
    CHECK_EQ_STR(x.r.content_type, "text/dns");
    CHECK_EQ_INT(x.r.http_status, 0);
    CHECK_PAYLOAD(&x, dns, sizeof dns - 1);
    CHECK_EQ_INT(next(&x), 1);
    CHECK_EQ_STR(x.r.type, "metadata");
    CHECK(x.r.payload != NULL && x.r.payload_len == 0);
    CHECK(x.r.content_type == NULL && x.r.uri == NULL);
    CHECK_EQ_INT(next(&x), 1);
    CHECK_EQ_STR(x.r.type, ""); /* never NULL: the caller compares it */
    CHECK_EQ_INT(x.r.number, 4);
    CHECK_EQ_INT(next(&x), 0);
    close_reader(&x);
    vg_buf_release(&b);
}

static void chunked_transfer_encoding(void)
{
    static const char parts[][48] = { "<p>Dock workers in Port Alden", " walked out on Tuesday.</p>",
                                      "<p>The union said so.</p>" };
    vg_buf body, b, want;
    vg_buf_init(&body, &mem);
    vg_buf_init(&b, &mem);
    vg_buf_init(&want, &mem);
    for (int i = 0; i < 3; i++) {
        char size[32];
        snprintf(size, sizeof size, i == 1 ? "%zX;lang=en\r\n" : "%zx\r\n", strlen(parts[i]));
        add(&body, size);
        add(&body, parts[i]);
        add(&body, "\r\n");
        add(&want, parts[i]);
    }
    add(&body, "0\r\nX-Trailer: yes\r\n\r\n");
    response(&b, "http://alden.example/a", "Content-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked\r\n",
             body.p, body.n);
    /* declared chunked but not: the body is taken as it is */
    response(&b, "http://alden.example/b", "Transfer-Encoding: chunked\r\n", page_en, sizeof page_en - 1);
    /* cut short in the second chunk: the chunks read are kept */
    response(&b, "http://alden.example/c", "Transfer-Encoding: chunked\r\n", body.p, 55);

    reader x;
    open_bytes(&x, &b);
    CHECK_EQ_INT(next(&x), 1);
    CHECK_EQ_STR(x.r.charset, "utf-8");
    CHECK_PAYLOAD(&x, want.p, want.n);
    CHECK_EQ_INT(next(&x), 1);
    CHECK(x.r.content_type == NULL);
    CHECK_PAYLOAD(&x, page_en, sizeof page_en - 1);
    CHECK_EQ_INT(next(&x), 1);
    CHECKF(x.r.payload_len == strlen(parts[0]) + 8 &&
               !memcmp(x.r.payload, want.p, x.r.payload_len),
           "cut chunked body: %zu bytes", x.r.payload_len);
    CHECK_EQ_INT(next(&x), 0);
    close_reader(&x);
    vg_buf_release(&body);
    vg_buf_release(&b);
    vg_buf_release(&want);
}

static void content_encoding(void)
{
    vg_buf gz, zl, raw, chunked, bad, b;
    vg_buf_init(&gz, &mem);
    vg_buf_init(&zl, &mem);
    vg_buf_init(&raw, &mem);
    vg_buf_init(&chunked, &mem);
    vg_buf_init(&bad, &mem);
    vg_buf_init(&b, &mem);
    deflated(&gz, page_en, sizeof page_en - 1, 16 + MAX_WBITS);
    deflated(&zl, page_en, sizeof page_en - 1, MAX_WBITS);
    deflated(&raw, page_1252, sizeof page_1252 - 1, -MAX_WBITS);
    /* the gzip body sent chunked, in two chunks */
    char size[32];
    size_t half = gz.n / 2;
    snprintf(size, sizeof size, "%zx\r\n", half);
    add(&chunked, size);
    vg_buf_append(&chunked, gz.p, half);
    snprintf(size, sizeof size, "\r\n%zx\r\n", gz.n - half);
    add(&chunked, size);
    vg_buf_append(&chunked, gz.p + half, gz.n - half);
    add(&chunked, "\r\n0\r\n\r\n");
    /* a gzip body with its deflate data spoiled */
    vg_buf_append(&bad, gz.p, gz.n);
    for (size_t i = 12; i < 30; i++)
        bad.p[i] ^= 0x5a;

    response(&b, "http://alden.example/gz", "Content-Type: text/html\r\nContent-Encoding: gzip\r\n", gz.p, gz.n);
    response(&b, "http://alden.example/zlib", "Content-Encoding: deflate\r\n", zl.p, zl.n);
    response(&b, "http://vernay.example/raw", "Content-Type: text/html;charset=ISO-8859-1\r\nContent-Encoding: Deflate\r\n",
             raw.p, raw.n);
    response(&b, "http://alden.example/both", "Transfer-Encoding: chunked\r\nContent-Encoding: x-gzip\r\n", chunked.p,
             chunked.n);
    response(&b, "http://alden.example/bad", "Content-Encoding: gzip\r\n", bad.p, bad.n);
    response(&b, "http://alden.example/cut", "Content-Encoding: gzip\r\n", gz.p, gz.n - 20);
    response(&b, "http://alden.example/br", "Content-Encoding: br\r\n", "\x1b\x2c\x00", 3);
    response(&b, "http://alden.example/304", "Content-Encoding: gzip\r\n", "", 0);
    response(&b, "http://alden.example/odd", "Content-Encoding: UTF-8\r\n", page_en, sizeof page_en - 1);

    reader x;
    open_bytes(&x, &b);
    CHECK_EQ_INT(next(&x), 1);
    CHECK_EQ_STR(x.r.content_type, "text/html");
    CHECK_PAYLOAD(&x, page_en, sizeof page_en - 1);
    CHECK_EQ_INT(next(&x), 1);
    CHECK_PAYLOAD(&x, page_en, sizeof page_en - 1);
    CHECK_EQ_INT(next(&x), 1);
    CHECK_EQ_STR(x.r.charset, "iso-8859-1");
    CHECK_PAYLOAD(&x, page_1252, sizeof page_1252 - 1);
    CHECK_EQ_INT(next(&x), 1);
    CHECK_PAYLOAD(&x, page_en, sizeof page_en - 1);
    CHECK_EQ_INT(next(&x), -1);
    CHECK_MSG(&x, "record 5 at byte ");
    CHECK_MSG(&x, "cannot undo Content-Encoding gzip: ");
    CHECK_EQ_INT(x.r.number, 5);
    CHECK_EQ_INT(next(&x), -1); /* a body cut short cannot be inflated either */
    CHECK_MSG(&x, "record 6 at byte ");
    CHECK_MSG(&x, "truncated");
    CHECK_EQ_INT(next(&x), -1);
    CHECK_MSG(&x, "record 7 at byte ");
    CHECK_MSG(&x, "not supported");
    CHECK_EQ_INT(next(&x), 1); /* nothing to inflate */
    CHECK_EQ_INT(x.r.number, 8);
    CHECK_EQ_INT(x.r.payload_len, 0);
    CHECK_EQ_INT(next(&x), 1); /* not a compression: left as it is */
    CHECK_PAYLOAD(&x, page_en, sizeof page_en - 1);
    CHECK_EQ_INT(next(&x), 0);
    close_reader(&x);
    vg_buf_release(&gz);
    vg_buf_release(&zl);
    vg_buf_release(&raw);
    vg_buf_release(&chunked);
    vg_buf_release(&bad);
    vg_buf_release(&b);
}

static void warc_1_1_and_bare_lf(void)
{
    vg_buf b;
    vg_buf_init(&b, &mem);
    add(&b, "WARC/1.1\r\nWARC-Type: resource\r\nWARC-Date: 2016-07-15T08:00:00.123456Z\r\n"
            "Content-Type: text/plain\r\nContent-Length: 5\r\n\r\nabcde\r\n\r\n");
    size_t second = b.n;
    /* bare LF everywhere, a folded field, the separator a single LF pair */
    add(&b, "WARC/1.0\nWARC-Type: resource\nWARC-Target-URI: http://vernay.example/\n  mairie\n"
            "Content-Length: 4\n\nwxyz\n\n");
    size_t third = b.n;
    /* no separator at all; then blank lines after the last record */
    add(&b, "WARC/1.1\r\nWARC-Type: resource\r\nContent-Length: 3\r\n\r\n123");
    size_t fourth = b.n;
    add(&b, "WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: 2\r\n\r\nok\r\n\r\n\r\n\n\n");

    reader x;
    open_bytes(&x, &b);
    CHECK_EQ_INT(next(&x), 1);
    CHECK_EQ_STR(x.r.date, "2016-07-15T08:00:00.123456Z");
    CHECK_PAYLOAD(&x, "abcde", 5);
    CHECK_EQ_INT(next(&x), 1);
    CHECK_EQ_INT(x.r.offset, second);
    CHECK_EQ_STR(x.r.uri, "http://vernay.example/ mairie");
    CHECK_PAYLOAD(&x, "wxyz", 4);
    CHECK_EQ_INT(next(&x), 1);
    CHECK_EQ_INT(x.r.offset, third);
    CHECK_PAYLOAD(&x, "123", 3);
    CHECK_EQ_INT(next(&x), 1);
    CHECK_EQ_INT(x.r.offset, fourth);
    CHECK_PAYLOAD(&x, "ok", 2);
    CHECK_EQ_INT(next(&x), 0);
    CHECK_EQ_INT(vg_warc_consumed(x.w), b.n);
    close_reader(&x);
    vg_buf_release(&b);
}

/* A good record, a damaged one, a good one: the damage is reported once, for record 2 at its
** offset, and record 3 is read whole, numbered 3. */
static void one_damaged_between_good(const char *damaged_text, const char *why)
{
    vg_buf b;
    vg_buf_init(&b, &mem);
    record(&b, "WARC/1.0", "WARC-Type: resource\r\nContent-Type: text/plain\r\n", "first", 5);
    size_t at = b.n;
    add(&b, damaged_text);
    size_t third = b.n;
    record(&b, "WARC/1.0", "WARC-Type: resource\r\nContent-Type: text/plain\r\n", "third", 5);

    reader x;
    open_bytes(&x, &b);
    CHECK_EQ_INT(next(&x), 1);
    CHECK_PAYLOAD(&x, "first", 5);
    CHECK_EQ_INT(next(&x), -1);
    char want[64];
    snprintf(want, sizeof want, "record 2 at byte %zu: ", at);
    CHECK_MSG(&x, want);
    CHECK_MSG(&x, why);
    CHECK_EQ_INT(next(&x), 1);
    CHECK_EQ_INT(x.r.number, 3);
    CHECK_EQ_INT(x.r.offset, third);
    CHECK_PAYLOAD(&x, "third", 5);
    CHECK_EQ_INT(next(&x), 0);
    CHECK_EQ_INT(vg_warc_consumed(x.w), b.n);
    close_reader(&x);
    vg_buf_release(&b);
}

static void bad_headers(void)
{
    one_damaged_between_good("WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: 12x\r\n\r\n"
                             "twelve bytes\r\n\r\n",
                             "bad Content-Length");
    one_damaged_between_good("WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: -5\r\n\r\nabcde\r\n\r\n",
                             "bad Content-Length");
    one_damaged_between_good("WARC/1.0\r\nWARC-Type: resource\r\n\r\nno length here\r\n\r\n",
                             "no Content-Length");
    /* the version line lost: the header lines start with "WARC-", not "WARC/1." */
    one_damaged_between_good("WARC-Type: resource\r\nContent-Length: 5\r\n\r\nsecnd\r\n\r\n",
                             "no WARC version line");
    one_damaged_between_good("WARC/0.17\r\nWARC-Type: resource\r\nContent-Length: 5\r\n\r\nsecnd\r\n\r\n",
                             "WARC version");
    one_damaged_between_good("WARC/1.0\r\nWARC-Type resource\r\nContent-Length: 5\r\n\r\nsecnd\r\n\r\n",
                             "header line without a colon");
    /* a block whose lines look like WARC headers is still not a record start */
    one_damaged_between_good("WARC/1.0\r\nContent-Length: many\r\n\r\nWARC-Type: x\r\nWARC/2.0\r\n\r\n",
                             "bad Content-Length");
}

static void damage_at_the_end(void)
{
    vg_buf b;
    vg_buf_init(&b, &mem);
    record(&b, "WARC/1.0", "WARC-Type: resource\r\n", "first", 5);
    size_t at = b.n;
    add(&b, "WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: 5000\r\n\r\nonly a few bytes\r\n\r\n");
    reader x;
    open_bytes(&x, &b);
    CHECK_EQ_INT(next(&x), 1);
    CHECK_EQ_INT(next(&x), -1);
    char want[64];
    snprintf(want, sizeof want, "record 2 at byte %zu: ", at);
    CHECK_MSG(&x, want);
    CHECK_MSG(&x, "past the end of the file");
    CHECK_EQ_INT(next(&x), 0);
    CHECK_EQ_INT(next(&x), 0);
    CHECK_EQ_INT(vg_warc_consumed(x.w), b.n);
    close_reader(&x);

    /* garbage only, and an empty file */
    vg_buf_clear(&b);
    add(&b, "<html>not a warc</html>\n\x01\x02\x03");
    open_bytes(&x, &b);
    CHECK_EQ_INT(next(&x), -1);
    CHECK_MSG(&x, "record 1 at byte 0: no WARC version line");
    CHECK_EQ_INT(next(&x), 0);
    close_reader(&x);
    vg_buf_clear(&b);
    open_bytes(&x, &b);
    CHECK_EQ_INT(next(&x), 0);
    CHECK_EQ_INT(vg_warc_consumed(x.w), 0);
    close_reader(&x);
    vg_buf_release(&b);
}

/* Cut a plain file after every byte: the records whole before the cut are read, the one cut (if
** the cut is inside one) is reported once, then the end. */
static void every_cut_of_a_plain_file(void)
{
    vg_buf b;
    vg_buf_init(&b, &mem);
    size_t ends[3];
    record(&b, "WARC/1.0", "WARC-Type: resource\r\n", "one", 3);
    ends[0] = b.n - 4; /* the block's end: the separator is not needed */
    response(&b, "http://alden.example/", "Content-Type: text/html\r\n", page_en, 40);
    ends[1] = b.n - 4;
    record(&b, "WARC/1.1", "WARC-Type: resource\r\n", "three", 5);
    ends[2] = b.n - 4;
    for (size_t cut = 0; cut <= b.n; cut++) {
        int whole = (cut >= ends[0]) + (cut >= ends[1]) + (cut >= ends[2]);
        /* damage unless the cut is at the start, or between a block's end and the next record */
        bool in_one = !(cut == 0 || (cut >= ends[0] && cut <= ends[0] + 4) ||
                        (cut >= ends[1] && cut <= ends[1] + 4) || cut >= ends[2]);
        reader x;
        open_file(&x, file_of(b.p, cut));
        int good = 0, bad = 0, rc, calls = 0;
        while ((rc = next(&x)) != 0 && ++calls < 10)
            rc > 0 ? good++ : bad++;
        CHECKF(good == whole && bad == (in_one ? 1 : 0), "cut at %zu: %d records, %d damaged", cut, good, bad);
        CHECKF(vg_warc_consumed(x.w) == cut, "cut at %zu: consumed %llu", cut,
               (unsigned long long)vg_warc_consumed(x.w));
        close_reader(&x);
    }
    vg_buf_release(&b);
}

/* ---- gzip WARC ---- */

static void gzip_members_and_offsets(void)
{
    vg_buf gz;
    vg_buf_init(&gz, &mem);
    size_t m[5];
    four_members(&gz, m);
    reader x;
    open_bytes(&x, &gz);
    static const char *types[4] = { "warcinfo", "response", "response", "resource" };
    uint64_t before = 0;
    for (int i = 0; i < 4; i++) {
        CHECK_EQ_INT(next(&x), 1);
        CHECK_EQ_INT(x.r.number, i + 1);
        CHECKF(x.r.offset == m[i], "record %d at %llu, member at %zu", i + 1, (unsigned long long)x.r.offset, m[i]);
        CHECK_EQ_STR(x.r.type, types[i]);
        uint64_t now = vg_warc_consumed(x.w);
        CHECK(now >= before && now <= m[4]);
        before = now;
    }
    CHECK_EQ_INT(next(&x), 0);
    CHECK_EQ_INT(vg_warc_consumed(x.w), m[4]);
    close_reader(&x);

    /* the payloads come through inflation unchanged */
    open_bytes(&x, &gz);
    next(&x);
    next(&x);
    CHECK_EQ_STR(x.r.charset, "windows-1252");
    CHECK_PAYLOAD(&x, page_1252, sizeof page_1252 - 1);
    next(&x);
    CHECK_PAYLOAD(&x, page_en, sizeof page_en - 1);
    next(&x);
    CHECK_PAYLOAD(&x, note_fr, sizeof note_fr - 1);
    close_reader(&x);
    vg_buf_release(&gz);
}

/* One member for the whole file, as `gzip file.warc` makes: records inside it start at its offset. */
static void gzip_whole_file(void)
{
    vg_buf plain, gz;
    vg_buf_init(&plain, &mem);
    vg_buf_init(&gz, &mem);
    record(&plain, "WARC/1.0", "WARC-Type: resource\r\n", "one", 3);
    response(&plain, "http://alden.example/", "Content-Type: text/html\r\n", page_en, sizeof page_en - 1);
    record(&plain, "WARC/1.0", "WARC-Type: resource\r\n", "three", 5);
    deflated(&gz, plain.p, plain.n, 16 + MAX_WBITS);
    vg_buf_append(&gz, "\0\0\0\0", 4); /* padding after the last member is not damage */
    reader x;
    open_bytes(&x, &gz);
    for (int i = 1; i <= 3; i++) {
        CHECK_EQ_INT(next(&x), 1);
        CHECK_EQ_INT(x.r.number, i);
        CHECK_EQ_INT(x.r.offset, 0);
    }
    CHECK_PAYLOAD(&x, "three", 5);
    CHECK_EQ_INT(next(&x), 0);
    CHECK_EQ_INT(vg_warc_consumed(x.w), gz.n);
    close_reader(&x);
    vg_buf_release(&plain);
    vg_buf_release(&gz);
}

/* The file cut inside member 3, at every byte of it: records 1 and 2, then record 3 reported once
** as a truncated member at its offset, then the end. */
static void gzip_truncated_member(void)
{
    vg_buf gz;
    vg_buf_init(&gz, &mem);
    size_t m[5];
    four_members(&gz, m);
    char want[64];
    snprintf(want, sizeof want, "record 3 at byte %zu: truncated gzip member", m[2]);
    int wrong = 0;
    for (size_t cut = m[2] + 1; cut < m[3]; cut++) {
        reader x;
        open_file(&x, file_of(gz.p, cut));
        int r1 = next(&x), r2 = next(&x), r3 = next(&x);
        bool said = strstr(x.msg, want) != NULL;
        int r4 = next(&x), r5 = next(&x);
        if (r1 != 1 || r2 != 1 || r3 != -1 || !said || r4 != 0 || r5 != 0 || vg_warc_consumed(x.w) != cut) {
            if (wrong++ < 5)
                h_fail(__FILE__, __LINE__, "cut at %zu: %d %d %d (%s) %d %d", cut, r1, r2, r3, x.msg, r4, r5);
        }
        close_reader(&x);
    }
    CHECK_EQ_INT(wrong, 0);
    /* cut between members: no damage at all */
    reader x;
    open_file(&x, file_of(gz.p, m[3]));
    CHECK_EQ_INT(next(&x), 1);
    CHECK_EQ_INT(next(&x), 1);
    CHECK_EQ_INT(next(&x), 1);
    CHECK_EQ_INT(next(&x), 0);
    close_reader(&x);
    vg_buf_release(&gz);
}

/* Reads the four-member file with member 2 damaged by spoil(); expects records 1, 3 and 4 whole,
** record 2 reported once, with why. */
static void expect_member_2_damaged(const vg_buf *file, size_t m3, const char *why, bool through_pipe)
{
    reader x;
    open_file(&x, through_pipe ? pipe_of(file->p, file->n) : file_of(file->p, file->n));
    CHECK_EQ_INT(next(&x), 1);
    CHECK_EQ_INT(next(&x), -1);
    CHECK_EQ_INT(x.r.number, 2);
    CHECK_MSG(&x, why);
    CHECK_EQ_INT(next(&x), 1);
    CHECK_EQ_INT(x.r.number, 3);
    CHECK_EQ_INT(x.r.offset, m3);
    CHECK_PAYLOAD(&x, page_en, sizeof page_en - 1);
    CHECK_EQ_INT(next(&x), 1);
    CHECK_EQ_INT(x.r.number, 4);
    CHECK_PAYLOAD(&x, note_fr, sizeof note_fr - 1);
    CHECK_EQ_INT(next(&x), 0);
    if (!through_pipe)
        CHECK_EQ_INT(vg_warc_consumed(x.w), file->n);
    close_reader(&x);
}

static void gzip_corrupt_member(void)
{
    vg_buf gz, bad;
    vg_buf_init(&gz, &mem);
    vg_buf_init(&bad, &mem);
    size_t m[5];
    four_members(&gz, m);
    char want[64];
    snprintf(want, sizeof want, "record 2 at byte %zu: corrupt gzip member", m[1]);

    /* bytes spoiled in the middle of member 2 */
    vg_buf_append(&bad, gz.p, gz.n);
    size_t mid = (m[1] + m[2]) / 2;
    for (size_t i = mid; i < mid + 8; i++)
        bad.p[i] ^= 0xa5;
    expect_member_2_damaged(&bad, m[2], want, false);
    expect_member_2_damaged(&bad, m[2], want, true); /* no seeking back needed */

    /* one byte flipped, at every position after member 2's fixed header: each is caught (by the
    ** deflate format, the CRC or the length) and reported once. Not the last byte of deflate data,
    ** whose high bits may be padding that nothing checks. */
    int wrong = 0;
    for (size_t at = m[1] + 10; at < m[2]; at++) {
        if (at == m[2] - 9)
            continue;
        memcpy(bad.p, gz.p, gz.n);
        bad.p[at] ^= 0x10;
        reader x;
        open_file(&x, file_of(bad.p, bad.n));
        int r1 = next(&x), r2 = next(&x);
        bool said = strstr(x.msg, "record 2 at byte ") != NULL;
        int r3 = next(&x);
        uint64_t off3 = x.r.offset;
        int r4 = next(&x), r5 = next(&x);
        if (r1 != 1 || r2 != -1 || !said || r3 != 1 || off3 != m[2] || r4 != 1 || r5 != 0) {
            if (wrong++ < 5)
                h_fail(__FILE__, __LINE__, "flip at %zu: %d %d (%s) %d@%llu %d %d", at, r1, r2, x.msg, r3,
                       (unsigned long long)off3, r4, r5);
        }
        close_reader(&x);
    }
    CHECK_EQ_INT(wrong, 0);

    /* member 2 cut in half and member 3 right after it: inflating 2 runs into 3, and the reader
    ** goes back to find 3 where it starts */
    vg_buf_clear(&bad);
    size_t half = (m[2] - m[1]) / 2;
    vg_buf_append(&bad, gz.p, m[1] + half);
    vg_buf_append(&bad, gz.p + m[2], m[4] - m[2]);
    reader x;
    open_file(&x, file_of(bad.p, bad.n));
    CHECK_EQ_INT(next(&x), 1);
    CHECK_EQ_INT(next(&x), -1);
    snprintf(want, sizeof want, "record 2 at byte %zu: ", m[1]);
    CHECK_MSG(&x, want);
    CHECK_EQ_INT(next(&x), 1);
    CHECK_EQ_INT(x.r.number, 3);
    CHECK_EQ_INT(x.r.offset, m[1] + half);
    CHECK_PAYLOAD(&x, page_en, sizeof page_en - 1);
    CHECK_EQ_INT(next(&x), 1);
    CHECK_EQ_INT(next(&x), 0);
    CHECK_EQ_INT(vg_warc_consumed(x.w), bad.n);
    close_reader(&x);

    /* bytes that are no member between members 2 and 3 */
    vg_buf_clear(&bad);
    vg_buf_append(&bad, gz.p, m[2]);
    vg_buf_append(&bad, "garbage\n", 8);
    vg_buf_append(&bad, gz.p + m[2], m[4] - m[2]);
    open_file(&x, file_of(bad.p, bad.n));
    CHECK_EQ_INT(next(&x), 1);
    CHECK_EQ_INT(next(&x), 1);
    CHECK_EQ_INT(next(&x), -1);
    snprintf(want, sizeof want, "record 3 at byte %zu: bytes that are not a gzip member", m[2]);
    CHECK_MSG(&x, want);
    CHECK_EQ_INT(next(&x), 1);
    CHECK_EQ_INT(x.r.number, 4);
    CHECK_EQ_INT(x.r.offset, m[2] + 8);
    CHECK_PAYLOAD(&x, page_en, sizeof page_en - 1);
    CHECK_EQ_INT(next(&x), 1);
    CHECK_EQ_INT(next(&x), 0);
    close_reader(&x);
    vg_buf_release(&gz);
    vg_buf_release(&bad);
}

/* Members larger than a read of f (64 KiB): member 2 cut in half runs into member 3, and the damage
** shows only once member 2's start has left the buffer. A file is read again from there; a pipe
** cannot be, and loses member 3 (swallowed by the search) but still goes on to member 4. */
static void gzip_cut_member_larger_than_a_read(void)
{
    vg_buf gz, one, bad;
    vg_buf_init(&gz, &mem);
    vg_buf_init(&one, &mem);
    vg_buf_init(&bad, &mem);
    size_t m[5];
    char text[150000];
    uint32_t seed = 7;
    for (int i = 0; i < 4; i++) {
        for (size_t k = 0; k < sizeof text; k++) { /* letters that barely compress */
            seed = seed * 1103515245u + 12345u;
            text[k] = (char)('0' + (seed >> 16) % 64);
        }
        text[0] = (char)('A' + i);
        vg_buf_clear(&one);
        record(&one, "WARC/1.0", "WARC-Type: resource\r\n", text, sizeof text);
        m[i] = gz.n;
        deflated(&gz, one.p, one.n, 16 + MAX_WBITS);
    }
    m[4] = gz.n;
    CHECK(m[2] - m[1] > 100000);
    size_t half = (m[2] - m[1]) / 2;
    vg_buf_append(&bad, gz.p, m[1] + half);
    vg_buf_append(&bad, gz.p + m[2], m[4] - m[2]);

    reader x;
    open_file(&x, file_of(bad.p, bad.n));
    CHECK_EQ_INT(next(&x), 1);
    CHECK_EQ_INT(next(&x), -1);
    CHECK_EQ_INT(x.r.number, 2);
    CHECK_EQ_INT(next(&x), 1);
    CHECK_EQ_INT(x.r.offset, m[1] + half);
    CHECK(x.r.payload_len == sizeof text && x.r.payload[0] == 'C');
    CHECK_EQ_INT(next(&x), 1);
    CHECK(x.r.payload_len == sizeof text && x.r.payload[0] == 'D');
    CHECK_EQ_INT(next(&x), 0);
    CHECK_EQ_INT(vg_warc_consumed(x.w), bad.n);
    close_reader(&x);

    pid_t child;
    open_file(&x, big_pipe_of(bad.p, bad.n, &child));
    CHECK_EQ_INT(next(&x), 1);
    CHECK_EQ_INT(next(&x), -1);
    CHECK_EQ_INT(next(&x), 1);
    CHECK(x.r.payload_len == sizeof text && x.r.payload[0] == 'D');
    CHECK_EQ_INT(x.r.offset, m[1] + half + m[3] - m[2]);
    CHECK_EQ_INT(next(&x), 0);
    CHECK_EQ_INT(vg_warc_consumed(x.w), bad.n);
    close_reader(&x);
    int status;
    CHECK(waitpid(child, &status, 0) == child && WIFEXITED(status) && WEXITSTATUS(status) == 0);
    vg_buf_release(&gz);
    vg_buf_release(&one);
    vg_buf_release(&bad);
}

/* A bad header inside a sound member: the search for the next record stops at the next member. */
static void gzip_bad_header_in_member(void)
{
    vg_buf one, gz;
    vg_buf_init(&one, &mem);
    vg_buf_init(&gz, &mem);
    size_t m[3];
    m[0] = gz.n;
    record(&one, "WARC/1.0", "WARC-Type: resource\r\n", "one", 3);
    deflated(&gz, one.p, one.n, 16 + MAX_WBITS);
    vg_buf_clear(&one);
    add(&one, "WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: lots\r\n\r\nno newline at the end");
    m[1] = gz.n;
    deflated(&gz, one.p, one.n, 16 + MAX_WBITS);
    vg_buf_clear(&one);
    record(&one, "WARC/1.0", "WARC-Type: resource\r\n", "three", 5);
    m[2] = gz.n;
    deflated(&gz, one.p, one.n, 16 + MAX_WBITS);
    reader x;
    open_bytes(&x, &gz);
    CHECK_EQ_INT(next(&x), 1);
    CHECK_EQ_INT(next(&x), -1);
    char want[64];
    snprintf(want, sizeof want, "record 2 at byte %zu: bad Content-Length", m[1]);
    CHECK_MSG(&x, want);
    CHECK_EQ_INT(next(&x), 1);
    CHECK_EQ_INT(x.r.offset, m[2]);
    CHECK_PAYLOAD(&x, "three", 5);
    CHECK_EQ_INT(next(&x), 0);
    close_reader(&x);
    vg_buf_release(&one);
    vg_buf_release(&gz);
}

/* ---- memory ---- */

/* An allocator that counts calls and live bytes. */
static size_t live, peak, calls;
static void *cnt_malloc(void *ctx, size_t n)
{
    (void)ctx;
    size_t *p = malloc(n + sizeof(size_t) * 2);
    if (!p)
        return NULL;
    *p = n;
    live += n;
    calls++;
    if (live > peak)
        peak = live;
    return p + 2;
}
static void cnt_free(void *ctx, void *q)
{
    (void)ctx;
    size_t *p = (size_t *)q - 2;
    live -= *p;
    free(p);
}
static void *cnt_realloc(void *ctx, void *q, size_t n)
{
    if (!q)
        return cnt_malloc(ctx, n);
    void *r = cnt_malloc(ctx, n);
    if (r) {
        size_t old = *((size_t *)q - 2);
        memcpy(r, q, old < n ? old : n);
        cnt_free(ctx, q);
    }
    return r;
}

static void memory_is_bounded(void)
{
    static const vg_allocator counting = { cnt_malloc, cnt_realloc, cnt_free, NULL };
    vg_mem cm;
    vg_mem_init(&cm, &counting);

    /* many records: no allocation once the buffers have grown */
    vg_buf gz;
    vg_buf_init(&gz, &mem);
    vg_buf gzb, one;
    vg_buf_init(&gzb, &mem);
    vg_buf_init(&one, &mem);
    deflated(&gzb, page_en, sizeof page_en - 1, 16 + MAX_WBITS);
    for (int i = 0; i < 200; i++) {
        vg_buf_clear(&one);
        response(&one, "http://alden.example/", "Content-Type: text/html\r\nContent-Encoding: gzip\r\n", gzb.p,
                 gzb.n);
        deflated(&gz, one.p, one.n, 16 + MAX_WBITS);
    }
    FILE *f = file_of(gz.p, gz.n);
    vg_warc *w;
    CHECK_EQ_INT(vg_warc_open(&cm, f, "many", &w), VG_OK);
    vg_warc_record r;
    char msg[128];
    size_t after_first = 0;
    int n = 0;
    while (vg_warc_next(w, &r, msg, sizeof msg) == 1) {
        if (++n == 3)
            after_first = calls;
        CHECK(r.payload_len == sizeof page_en - 1);
    }
    CHECK_EQ_INT(n, 200);
    /* zlib allocates its 32 KiB window lazily, the first time a member spans two reads of f (here
    ** near record 155): one allocation, once; none per record */
    CHECKF(calls <= after_first + 1, "%zu allocations after record 3", calls - after_first);
    vg_warc_free(w);
    fclose(f);
    CHECK_EQ_INT(live, 0);

    /* a record over the limit is never held: the reader finds the next one after it (a sparse file
    ** of 256 MiB + 1) */
    f = tmpfile();
    size_t big = (size_t)VG_MAX_DOC_BYTES * 4 + 1;
    fprintf(f, "WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: %zu\r\n\r\n", big);
    long head = ftell(f);
    fseek(f, head + (long)big - 1, SEEK_SET);
    fputc('z', f);
    fputs("\r\n\r\nWARC/1.0\r\nWARC-Type: resource\r\nContent-Length: 4\r\n\r\nnext\r\n\r\n", f);
    rewind(f);
    peak = live = 0;
    CHECK_EQ_INT(vg_warc_open(&cm, f, "big", &w), VG_OK);
    CHECK_EQ_INT(vg_warc_next(w, &r, msg, sizeof msg), -1);
    CHECKF(strstr(msg, "record 1 at byte 0: Content-Length 268435457 over the record limit") != NULL, "%s", msg);
    CHECK_EQ_INT(vg_warc_next(w, &r, msg, sizeof msg), 1);
    CHECK(r.payload_len == 4 && !memcmp(r.payload, "next", 4));
    CHECK_EQ_INT(vg_warc_next(w, &r, msg, sizeof msg), 0);
    CHECKF(peak < (size_t)1 << 20, "peak %zu bytes", peak);
    CHECK_EQ_INT(vg_warc_consumed(w), file_size(f));
    vg_warc_free(w);
    fclose(f);
    vg_buf_release(&gz);
    vg_buf_release(&gzb);
    vg_buf_release(&one);
}

/* ---- vg_gunzip ---- */

static void gunzip(void)
{
    vg_buf gz, out;
    vg_buf_init(&gz, &mem);
    vg_buf_init(&out, &mem);
    char err[128];
    deflated(&gz, page_en, sizeof page_en - 1, 16 + MAX_WBITS);
    size_t second = gz.n;
    deflated(&gz, page_1252, sizeof page_1252 - 1, 16 + MAX_WBITS);
    CHECK(vg_is_gzip(gz.p, gz.n) && !vg_is_gzip(page_en, 10) && !vg_is_gzip(gz.p, 1));

    /* two members: both, end to end, appended to what out held */
    add(&out, ">");
    CHECK_EQ_INT(vg_gunzip(gz.p, gz.n, 1 << 20, &out, err, sizeof err), VG_OK);
    CHECK_EQ_STR(err, "");
    CHECK_EQ_INT(out.n, 1 + sizeof page_en - 1 + sizeof page_1252 - 1);
    CHECK(!memcmp(out.p + 1, page_en, sizeof page_en - 1));
    CHECK(!memcmp(out.p + sizeof page_en, page_1252, sizeof page_1252 - 1));
    CHECK_EQ_INT(out.p[out.n], 0);

    /* cut in the second member: the first kept, a prefix of the second at most, and why */
    vg_buf_clear(&out);
    CHECK_EQ_INT(vg_gunzip(gz.p, gz.n - 30, 1 << 20, &out, err, sizeof err), VG_EFORMAT);
    char want[64];
    snprintf(want, sizeof want, "truncated gzip member at byte %zu", second);
    CHECK_EQ_STR(err, want);
    CHECK(out.n >= sizeof page_en - 1 && out.n < sizeof page_en - 1 + sizeof page_1252 - 1);
    CHECK(!memcmp(out.p, page_en, sizeof page_en - 1));
    CHECK(!memcmp(out.p + sizeof page_en - 1, page_1252, out.n - (sizeof page_en - 1)));
    /* cut in the first: a prefix of it */
    vg_buf_clear(&out);
    CHECK_EQ_INT(vg_gunzip(gz.p, second / 2, 1 << 20, &out, err, sizeof err), VG_EFORMAT);
    CHECK_EQ_STR(err, "truncated gzip member at byte 0");
    CHECK(out.n < sizeof page_en - 1 && !memcmp(out.p, page_en, out.n));
    /* cut in the trailer: all the data, but no CRC to trust it by */
    vg_buf_clear(&out);
    CHECK_EQ_INT(vg_gunzip(gz.p, second - 3, 1 << 20, &out, err, sizeof err), VG_EFORMAT);
    CHECK_EQ_STR(err, "truncated gzip member at byte 0");

    /* over max: exactly max bytes kept */
    vg_buf_clear(&out);
    CHECK_EQ_INT(vg_gunzip(gz.p, gz.n, 100, &out, err, sizeof err), VG_EFORMAT);
    CHECK(strstr(err, "more than 100 bytes") != NULL);
    CHECK_EQ_INT(out.n, 100);
    CHECK(!memcmp(out.p, page_en, 100));
    vg_buf_clear(&out); /* exactly max is not over */
    CHECK_EQ_INT(vg_gunzip(gz.p, second, sizeof page_en - 1, &out, err, sizeof err), VG_OK);

    /* corrupt data, a bad header, trailing bytes, zero padding, not gzip */
    vg_buf bad;
    vg_buf_init(&bad, &mem);
    vg_buf_append(&bad, gz.p, gz.n);
    for (size_t i = 20; i < 40; i++)
        bad.p[i] ^= 0xff;
    vg_buf_clear(&out);
    CHECK_EQ_INT(vg_gunzip(bad.p, bad.n, 1 << 20, &out, err, sizeof err), VG_EFORMAT);
    CHECK(strstr(err, "corrupt gzip member at byte 0: ") != NULL);
    memcpy(bad.p, gz.p, gz.n);
    bad.p[second + 2] = 7; /* compression method 7 */
    vg_buf_clear(&out);
    CHECK_EQ_INT(vg_gunzip(bad.p, bad.n, 1 << 20, &out, err, sizeof err), VG_EFORMAT);
    snprintf(want, sizeof want, "corrupt gzip member at byte %zu: ", second);
    CHECK(strstr(err, want) != NULL);
    CHECK_EQ_INT(out.n, sizeof page_en - 1);
    vg_buf_clear(&bad);
    vg_buf_append(&bad, gz.p, second);
    vg_buf_append(&bad, "\0\0\0\0\0\0\0\0", 8);
    vg_buf_clear(&out);
    CHECK_EQ_INT(vg_gunzip(bad.p, bad.n, 1 << 20, &out, err, sizeof err), VG_OK);
    CHECK_EQ_INT(out.n, sizeof page_en - 1);
    add(&bad, "tail");
    vg_buf_clear(&out);
    CHECK_EQ_INT(vg_gunzip(bad.p, bad.n, 1 << 20, &out, err, sizeof err), VG_EFORMAT);
    snprintf(want, sizeof want, "not a gzip member at byte %zu", second);
    CHECK_EQ_STR(err, want);
    CHECK_EQ_INT(out.n, sizeof page_en - 1);
    vg_buf_clear(&out);
    CHECK_EQ_INT(vg_gunzip(page_en, sizeof page_en - 1, 1 << 20, &out, err, sizeof err), VG_EFORMAT);
    CHECK_EQ_INT(out.n, 0);
    CHECK_EQ_INT(vg_gunzip("", 0, 1 << 20, &out, err, sizeof err), VG_EFORMAT);
    CHECK(err[0] != 0);
    vg_buf_release(&bad);
    vg_buf_release(&gz);
    vg_buf_release(&out);
}

static void sniffing(void)
{
    CHECK(vg_is_warc("WARC/1.0\r\nWARC-Type: warcinfo\r\n", 30));
    CHECK(vg_is_warc("WARC/1.1\n", 9));
    CHECK(vg_is_warc("WARC/1.0", 8));
    CHECK(!vg_is_warc("WARC/1.", 7));
    CHECK(!vg_is_warc("WARC/1.2\r\n", 10));
    CHECK(!vg_is_warc("WARC/1.00\r\n", 11));
    CHECK(!vg_is_warc("<html>", 6));
    CHECK(vg_is_gzip("\x1f\x8b\x08", 3));
    CHECK(!vg_is_gzip("\x1f", 1));
}

int main(int argc, char **argv)
{
    h_init(argc, argv);
    vg_mem_init(&mem, NULL);
    RUN(plain_records);
    RUN(resource_and_other_records);
    RUN(chunked_transfer_encoding);
    RUN(content_encoding);
    RUN(warc_1_1_and_bare_lf);
    RUN(bad_headers);
    RUN(damage_at_the_end);
    RUN(every_cut_of_a_plain_file);
    RUN(gzip_members_and_offsets);
    RUN(gzip_whole_file);
    RUN(gzip_truncated_member);
    RUN(gzip_corrupt_member);
    RUN(gzip_cut_member_larger_than_a_read);
    RUN(gzip_bad_header_in_member);
    RUN(memory_is_bounded);
    RUN(gunzip);
    RUN(sniffing);
    return h_report();
}
