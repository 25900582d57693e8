/* reader.c — a stream of documents from files, directories, standard input: plain text, JSON
** Lines, web pages, WARC archives and feeds, any of them gzip-compressed.
** Streaming: JSON Lines are read a line at a time and WARC files a record at a time, so memory does
** not grow with the input; a line over VG_MAX_LINE_BYTES is skipped without being held (the reader
** discards up to its newline). A text file, a page or a feed is read whole, up to VG_MAX_DOC_BYTES.
** What an input is comes from its first bytes (after gunzip), not only its name.
** Every problem is reported for the one record it concerns and the stream goes on, and nothing is
** dropped without a count (docs/input.md): what a directory walk does not read (a FIFO, a link loop,
** a file met again) and an id met again in the run come out as skipped records saying why. */
#include <errno.h>
#include <unistd.h>
#include <zlib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "ingest.h"

/* A queued input; one with a note is not opened, the note says why (a FIFO found in a directory,
** a link back up the tree) and comes out as a skipped record. */
typedef struct {
    char *path;
    char *note; /* NULL: to read */
    vg_skip why;
} queued;

/* An id met in this run, by two independent hashes of it (a false match of 96 bits is not a risk
** worth keeping every id's bytes for), with where it was met first. */
typedef struct {
    uint64_t h;
    uint32_t h2, file; /* file: index in paths, plus one (0: an empty slot) */
    uint64_t line;
} seen_id;

struct vg_reader {
    const vg_mem *mem;
    vg_input_kind kind;
    queued *paths; /* queued inputs, in order */
    size_t npaths, cap, next;
    vg_visited *visited; /* directories and files queued, by device and inode */
    seen_id *ids;        /* ids of the run's records (open addressing) */
    size_t nids, idcap;
    /* the input being read */
    FILE *f;
    gzFile gz;              /* a gzip input other than WARC: read through zlib */
    const char *cur;
    vg_input_kind cur_kind; /* what the current input is */
    int whole_done;         /* a one-document input (text, page) has been returned */
    int stopped;            /* the rest of the current input is not to be read (a gzip bomb) */
    vg_warc *warc;
    vg_feed *feed;
    size_t feed_next;
    uint64_t file_size;
    vg_buf fbuf, datebuf;   /* a feed item's text; a WARC record's day */
    uint64_t passed[6];     /* WARC records that are not pages, by kind (see passed_names) */
    uint64_t line;
    vg_buf buf, idbuf;
    vg_jrec rec;
    char blk[1 << 16]; /* JSON Lines read buffer */
    size_t bpos, blen;
    uint64_t consumed, total; /* bytes read, and the sum of the inputs' sizes */
    int size_unknown;         /* an input is not a regular file: no total */
};

const char *vg_skip_name(vg_skip s)
{
    static const char *names[VG_SKIP_COUNT] = { "ok", "bad JSON", "no text", "invalid UTF-8",
                                                "over a limit", "unreadable", "language",
                                                "bad date", "damaged", "no article",
                                                "not a regular file", "read already", "duplicate id",
                                                "NUL in a field" };
    return s < VG_SKIP_COUNT ? names[s] : "?";
}

static void close_cur(vg_reader *r);

const char *vg_input_kind_name(vg_input_kind k)
{
    static const char *names[] = { "auto", "text", "jsonl", "html", "warc", "feed" };
    return (unsigned)k < sizeof names / sizeof *names ? names[k] : "?";
}

vg_status vg_reader_new(const vg_mem *mem, vg_input_kind kind, vg_reader **out)
{
    vg_reader *r = vg_malloc(mem, sizeof *r);
    *out = r;
    if (!r)
        return VG_ENOMEM;
    memset(r, 0, sizeof *r);
    r->mem = mem;
    r->kind = kind;
    if (vg_visited_new(mem, &r->visited) != VG_OK) {
        vg_free(mem, r);
        *out = NULL;
        return VG_ENOMEM;
    }
    vg_buf_init(&r->buf, mem);
    vg_buf_init(&r->idbuf, mem);
    vg_buf_init(&r->fbuf, mem);
    vg_buf_init(&r->datebuf, mem);
    vg_jrec_init(&r->rec, mem);
    return VG_OK;
}

void vg_reader_free(vg_reader *r)
{
    if (!r)
        return;
    close_cur(r);
    for (size_t i = 0; i < r->npaths; i++) {
        vg_free(r->mem, r->paths[i].path);
        vg_free(r->mem, r->paths[i].note);
    }
    vg_free(r->mem, r->paths);
    vg_visited_free(r->visited);
    vg_free(r->mem, r->ids);
    vg_buf_release(&r->buf);
    vg_buf_release(&r->idbuf);
    vg_buf_release(&r->fbuf);
    vg_buf_release(&r->datebuf);
    vg_jrec_release(&r->rec);
    vg_free(r->mem, r);
}

/* Queue p; with a note (why it is not read, a printf format taking detail), as a skip. */
static vg_status push_path(vg_reader *r, const char *p, vg_skip why, const char *note, const char *detail)
{
    vg_status rc = vg_grow(r->mem, (void **)&r->paths, &r->cap, r->npaths + 1, sizeof *r->paths);
    if (rc != VG_OK)
        return rc;
    queued *q = &r->paths[r->npaths];
    memset(q, 0, sizeof *q);
    if (!(q->path = vg_strndup(r->mem, p, strlen(p))))
        return VG_ENOMEM;
    if (note) {
        char m[512];
        snprintf(m, sizeof m, note, detail ? detail : "");
        if (!(q->note = vg_strndup(r->mem, m, strlen(m)))) {
            vg_free(r->mem, q->path);
            return VG_ENOMEM;
        }
        q->why = why;
        r->npaths++;
        return VG_OK;
    }
    struct stat st;
    if (strcmp(p, "-") != 0 && stat(p, &st) == 0 && S_ISREG(st.st_mode))
        r->total += (uint64_t)st.st_size;
    else
        r->size_unknown = 1;
    r->npaths++;
    return VG_OK;
}

/* What the walk of a directory meets: regular files are queued to be read, the rest is queued as a
** skip that says why, so that the summary accounts for it and the exit status shows it. */
static vg_status push_walked(void *ctx, const char *path, vg_walk_what what, const char *detail)
{
    vg_reader *r = ctx;
    struct stat st;
    switch (what) {
    case VG_WALK_FILE:
        return push_path(r, path, VG_SKIP_NONE, NULL, NULL);
    case VG_WALK_SPECIAL:
        return push_path(r, path, VG_SKIP_NOTREG, "%s: only regular files are read from a directory", detail);
    case VG_WALK_LOOP:
        return push_path(r, path, VG_SKIP_AGAIN, "a link back to %s, which holds it (a loop): not followed", detail);
    case VG_WALK_AGAIN:
        return push_path(r, path, VG_SKIP_AGAIN,
                         stat(path, &st) == 0 && S_ISDIR(st.st_mode) ? "the same directory as %s, read already"
                                                                     : "the same file as %s, read already",
                         detail);
    case VG_WALK_ERROR:
    default:
        return push_path(r, path, VG_SKIP_IO, "cannot open: %s", detail);
    }
}

vg_status vg_reader_add(vg_reader *r, const char *path)
{
    struct stat st;
    if (!strcmp(path, "-") || stat(path, &st) != 0) /* a name that is not there: open says so */
        return push_path(r, path, VG_SKIP_NONE, NULL, NULL);
    if (S_ISDIR(st.st_mode))
        return vg_walk_each(r->mem, path, r->visited, push_walked, r);
    if (S_ISREG(st.st_mode)) { /* `vigie code d d/a.txt` reads a.txt once */
        const char *first = NULL;
        int k = vg_visited_add(r->visited, path, &first);
        if (k < 0 && errno == ENOMEM)
            return VG_ENOMEM;
        if (k == 0)
            return push_path(r, path, VG_SKIP_AGAIN, "the same file as %s, read already", first);
    }
    /* anything else named by the user (a FIFO, /dev/fd/63 from <(zcat …), a terminal) is read as
    ** standard input is: asked for, so blocking on it is what the user wants */
    return push_path(r, path, VG_SKIP_NONE, NULL, NULL);
}

static int ends_with(const char *s, const char *suf)
{
    size_t a = strlen(s), b = strlen(suf);
    return a >= b && !strcmp(s + a - b, suf);
}

/* Bytes of the current input, through zlib when it is gzip. */
static size_t rd(vg_reader *r, void *p, size_t n)
{
    if (r->gz) {
        int k = gzread(r->gz, p, (unsigned)n);
        return k > 0 ? (size_t)k : 0;
    }
    return fread(p, 1, n, r->f);
}

/* Read until '\n' into r->buf, through a block buffer (memchr finds the newline). Returns 1 with a
** line, 0 at EOF, -1 when the line is over the limit (it has then been read through and dropped,
** never held whole), -2 when it runs on past VG_MAX_DOC_BYTES in gzip data: reading through it
** to its end could mean inflating the gigabytes of a bomb's zeros, so the reading stops there. (A
** line a little over the limit is read through, as in a plain file, and the lines after it read.) */
static int read_line(vg_reader *r)
{
    vg_buf_clear(&r->buf);
    int over = 0, any = 0;
    size_t total = 0; /* bytes of the line so far, held or not */
    for (;;) {
        if (r->bpos == r->blen) {
            r->bpos = 0;
            r->blen = rd(r, r->blk, sizeof r->blk);
            if (!r->blen)
                break;
        }
        any = 1;
        const char *s = r->blk + r->bpos, *nl = memchr(s, '\n', r->blen - r->bpos);
        size_t k = nl ? (size_t)(nl - s) : r->blen - r->bpos;
        r->bpos += k + (nl != NULL);
        if (!r->gz)
            r->consumed += k + (nl != NULL);
        if (!over && r->buf.n + k > VG_MAX_LINE_BYTES) {
            over = 1;
            vg_buf_release(&r->buf); /* do not keep a huge buffer for the rest of the run */
        }
        total += k;
        if (over && total > VG_MAX_DOC_BYTES && r->gz && !gzdirect(r->gz)) {
            r->line++;
            return -2;
        }
        if (!over && vg_buf_append(&r->buf, s, k) != VG_OK)
            over = 1;
        if (nl)
            break;
    }
    if (!any)
        return 0;
    r->line++;
    return over ? -1 : 1;
}

static int lower_c(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

/* Does p[0..n) contain w, without regard to ASCII case? */
static int has_ci(const char *p, size_t n, const char *w)
{
    size_t k = strlen(w);
    for (size_t i = 0; i + k <= n; i++) {
        size_t j = 0;
        while (j < k && lower_c((unsigned char)p[i + j]) == w[j])
            j++;
        if (j == k)
            return 1;
    }
    return 0;
}

/* What the first bytes of an input say it is. */
static vg_input_kind sniff(const char *p, size_t n, const char *name)
{
    size_t i = 0;
    if (n >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3))
        i = 3;
    while (i < n && (p[i] == ' ' || p[i] == '\n' || p[i] == '\r' || p[i] == '\t'))
        i++;
    if (vg_is_warc(p + i, n - i))
        return VG_IN_WARC;
    if (i < n && p[i] == '{')
        return VG_IN_JSONL; /* a news text never opens with '{' */
    if (ends_with(name, ".jsonl") || ends_with(name, ".ndjson") || ends_with(name, ".jsonl.gz"))
        return VG_IN_JSONL;
    if (vg_is_feed(p, n))
        return VG_IN_FEED;
    if (i < n && p[i] == '<' &&
        (has_ci(p, n, "<html") || has_ci(p, n, "<!doctype html") || has_ci(p, n, "<head") ||
         has_ci(p, n, "<body") || has_ci(p, n, "<meta") || has_ci(p, n, "<div") || has_ci(p, n, "<p>") ||
         has_ci(p, n, "<p ") || has_ci(p, n, "<article")))
        return VG_IN_HTML;
    if (ends_with(name, ".html") || ends_with(name, ".htm") || ends_with(name, ".html.gz") ||
        ends_with(name, ".htm.gz") || ends_with(name, ".xhtml"))
        return VG_IN_HTML;
    return VG_IN_TEXT;
}

static void close_cur(vg_reader *r)
{
    if (r->gz)
        gzclose(r->gz);
    r->gz = NULL;
    if (r->warc) /* its bytes count as read once it is closed; vg_reader_progress adds them before */
        r->consumed += vg_warc_consumed(r->warc);
    vg_warc_free(r->warc);
    r->warc = NULL;
    vg_feed_free(r->feed);
    r->feed = NULL;
    if (r->f && r->f != stdin)
        fclose(r->f);
    r->f = NULL;
    if (r->buf.cap > ((size_t)1 << 20)) /* a whole file's text: not held for the rest of the run */
        vg_buf_release(&r->buf);
}

/* Open the next input and decide what it is: its first 4 KB (after gunzip) are read into the
** block buffer, where the JSON Lines reader and the whole-file readers find them. */
static int open_next(vg_reader *r, vg_input_doc *doc, vg_skip *why, char *msg, size_t msgcap)
{
    const queued *q = &r->paths[r->next++];
    const char *p = q->path;
    r->cur = p;
    r->line = 0;
    r->bpos = r->blen = 0;
    r->whole_done = 0;
    r->stopped = 0;
    r->feed_next = 0;
    doc->file = p;
    doc->line = 0;
    doc->id = p;
    struct stat st;
    r->file_size = 0;
    if (q->note) {
        *why = q->why;
        snprintf(msg, msgcap, "%s", q->note);
        return -1;
    }
    if (!strcmp(p, "-")) {
        r->f = stdin;
    } else if (!(r->f = fopen(p, "rb"))) {
        *why = VG_SKIP_IO;
        snprintf(msg, msgcap, "cannot open: %s", strerror(errno));
        return -1;
    } else if (fstat(fileno(r->f), &st) == 0) {
        r->file_size = (uint64_t)st.st_size;
    }
    r->blen = fread(r->blk, 1, 4096, r->f);
    int gz = vg_is_gzip(r->blk, r->blen);
    if (gz && r->f == stdin) {
        *why = VG_SKIP_IO;
        snprintf(msg, msgcap, "gzip on standard input: give the file's name instead (or gunzip it first)");
        close_cur(r);
        return -1;
    }
    if (gz) {
        int fd = dup(fileno(r->f));
        rewind(r->f);
        if (fd < 0 || !(r->gz = gzdopen(fd, "rb"))) {
            if (fd >= 0)
                close(fd);
            *why = VG_SKIP_IO;
            snprintf(msg, msgcap, "cannot read the gzip stream");
            close_cur(r);
            return -1;
        }
        gzbuffer(r->gz, 1 << 16);
        int k = gzread(r->gz, r->blk, 4096);
        r->blen = k > 0 ? (size_t)k : 0;
    }
    vg_input_kind k = r->kind != VG_IN_AUTO ? r->kind : sniff(r->blk, r->blen, p);
    r->cur_kind = k;
    if (k == VG_IN_WARC) {
        if (r->f == stdin) {
            *why = VG_SKIP_IO;
            snprintf(msg, msgcap, "WARC on standard input: give the file's name instead");
            close_cur(r);
            return -1;
        }
        if (r->gz) {
            gzclose(r->gz); /* the WARC reader reads gzip members itself, one per record */
            r->gz = NULL;
        }
        r->blen = 0;
        rewind(r->f);
        if (vg_warc_open(r->mem, r->f, p, &r->warc) != VG_OK) {
            *why = VG_SKIP_IO;
            snprintf(msg, msgcap, "out of memory");
            close_cur(r);
            return -1;
        }
    }
    return 1;
}

/* The rest of the input into r->buf, after the bytes already in the block buffer. Returns 1, or -1
** with the reason. */
static int read_whole(vg_reader *r, vg_skip *why, char *msg, size_t msgcap)
{
    vg_buf_clear(&r->buf);
    if (vg_buf_append(&r->buf, r->blk + r->bpos, r->blen - r->bpos) != VG_OK) {
        *why = VG_SKIP_LIMIT;
        snprintf(msg, msgcap, "out of memory reading the file");
        return -1;
    }
    r->bpos = r->blen = 0;
    char chunk[65536];
    size_t k;
    while ((k = rd(r, chunk, sizeof chunk)) > 0) {
        if (r->buf.n + k > VG_MAX_DOC_BYTES) {
            *why = VG_SKIP_LIMIT;
            snprintf(msg, msgcap, "file over VG_MAX_DOC_BYTES (%zu bytes)", (size_t)VG_MAX_DOC_BYTES);
            return -1;
        }
        if (vg_buf_append(&r->buf, chunk, k) != VG_OK) {
            *why = VG_SKIP_LIMIT;
            snprintf(msg, msgcap, "out of memory reading the file");
            return -1;
        }
    }
    int err = r->gz ? 0 : ferror(r->f);
    if (r->gz) {
        int zerr;
        const char *m = gzerror(r->gz, &zerr);
        if (zerr != Z_OK && zerr != Z_STREAM_END) {
            *why = VG_SKIP_DAMAGED;
            snprintf(msg, msgcap, "damaged gzip stream: %s", m);
            return -1;
        }
        if (!gzdirect(r->gz) && r->buf.n && gzeof(r->gz) == 0) {
            err = 1;
        }
    }
    if (err) {
        *why = VG_SKIP_IO;
        snprintf(msg, msgcap, "read error");
        return -1;
    }
    return 1;
}

/* A record's id: the one it gives, else the input's name, sep and the record's number
** ("news.jsonl:12", "feed.rss#3", "crawl.warc.gz#7"); the input's name alone if memory runs out. */
static void set_id(vg_reader *r, vg_input_doc *doc, const char *given, char sep, uint64_t n)
{
    doc->id_given = given != NULL;
    if (given) {
        doc->id = given;
        return;
    }
    char tmp[32];
    int k = snprintf(tmp, sizeof tmp, "%c%llu", sep, (unsigned long long)n);
    vg_buf_clear(&r->idbuf);
    if (vg_buf_append(&r->idbuf, r->cur, strlen(r->cur)) != VG_OK || vg_buf_append(&r->idbuf, tmp, (size_t)k) != VG_OK ||
        vg_buf_putc(&r->idbuf, 0) != VG_OK)
        doc->id = r->cur;
    else
        doc->id = r->idbuf.p;
}

/* A text file or a web page: one document. */
static int next_whole(vg_reader *r, vg_input_doc *doc, vg_skip *why, char *msg, size_t msgcap)
{
    r->whole_done = 1;
    int got = read_whole(r, why, msg, msgcap);
    r->consumed += r->file_size ? r->file_size : r->buf.n;
    if (got < 0)
        return -1;
    doc->text = r->buf.p ? r->buf.p : "";
    doc->len = r->buf.n;
    doc->markup = r->cur_kind == VG_IN_HTML ? VG_DOC_PAGE : VG_DOC_TEXT;
    if (doc->markup == VG_DOC_TEXT) /* as a JSON record's \u0000: a space, said as a warning */
        for (char *z = r->buf.n ? memchr(r->buf.p, 0, r->buf.n) : NULL; z; z = memchr(z, 0, (size_t)(r->buf.p + r->buf.n - z)))
            *z = ' ', doc->nuls++;
    /* a file named 2019-05-07-….txt carries its publication date */
    const char *base = strrchr(r->cur, '/');
    base = base ? base + 1 : r->cur;
    if (strlen(base) >= 10 && vg_date_valid(base, 10)) {
        vg_buf_clear(&r->idbuf);
        if (vg_buf_append(&r->idbuf, base, 10) == VG_OK)
            doc->date = r->idbuf.p;
    }
    return 1;
}

/* A feed: parsed whole on the first call, then one item a call. */
static int next_feed_item(vg_reader *r, vg_input_doc *doc, vg_skip *why, char *msg, size_t msgcap)
{
    if (!r->feed) {
        if (r->whole_done)
            return 0;
        r->whole_done = 1;
        int got = read_whole(r, why, msg, msgcap);
        r->consumed += r->file_size ? r->file_size : r->buf.n;
        if (got < 0)
            return -1;
        char err[256];
        err[0] = 0;
        if (vg_feed_parse(r->mem, r->buf.p ? r->buf.p : "", r->buf.n, &r->feed, err, sizeof err) != VG_OK) {
            *why = VG_SKIP_DAMAGED;
            snprintf(msg, msgcap, "not a readable feed: %s", err[0] ? err : "?");
            return -1;
        }
        if (err[0]) /* damaged after some items: say so once, keep the items */
            fprintf(stderr, "vigie: %s: %s (the items before the damage are read)\n", r->cur, err);
    }
    size_t nkept = vg_feed_count(r->feed), unfinished, unreached;
    vg_feed_lost(r->feed, &unfinished, &unreached);
    if (r->feed_next >= nkept) { /* the items the damage lost: one skipped record each */
        size_t j = r->feed_next - nkept;
        if (j >= unfinished + unreached)
            return 0;
        r->feed_next++;
        doc->line = r->feed_next; /* numbered after the items kept */
        *why = VG_SKIP_DAMAGED;
        snprintf(msg, msgcap, j < unfinished ? "feed item left unfinished by the damage, not read"
                                             : "feed item after the point where the damage stopped the parser, not read");
        return -1;
    }
    size_t k = r->feed_next++;
    const vg_feed_item *it = vg_feed_item_at(r->feed, k);
    doc->line = k + 1; /* the item's number, for messages */
    set_id(r, doc, it->link ? it->link : it->id, '#', k + 1);
    doc->title = it->title;
    doc->url = it->link;
    doc->date = it->date;
    /* the item's title opens its text: a feed's description is often one sentence, and the title
    ** is where the news is */
    vg_buf_clear(&r->fbuf);
    if (it->title && *it->title) {
        if (it->body_html) { /* the fragment is HTML: the title goes in as a paragraph of it */
            vg_buf_append(&r->fbuf, "<p>", 3);
            for (const char *c = it->title; *c; c++) {
                if (*c == '<')
                    vg_buf_append(&r->fbuf, "&lt;", 4);
                else if (*c == '&')
                    vg_buf_append(&r->fbuf, "&amp;", 5);
                else
                    vg_buf_putc(&r->fbuf, *c);
            }
            vg_buf_append(&r->fbuf, "</p>", 4);
        } else {
            vg_buf_append(&r->fbuf, it->title, strlen(it->title));
            vg_buf_append(&r->fbuf, "\n\n", 2);
        }
    }
    if (it->body)
        vg_buf_append(&r->fbuf, it->body, it->body_len);
    if (vg_buf_putc(&r->fbuf, 0) != VG_OK) {
        *why = VG_SKIP_LIMIT;
        snprintf(msg, msgcap, "out of memory");
        return -1;
    }
    r->fbuf.n--;
    doc->text = r->fbuf.p;
    doc->len = r->fbuf.n;
    doc->markup = it->body_html ? VG_DOC_FRAGMENT : VG_DOC_TEXT;
    if (!doc->len) {
        *why = VG_SKIP_NOTEXT;
        snprintf(msg, msgcap, "feed item with no title and no text");
        return -1;
    }
    return 1;
}

/* Kinds of WARC records that are not pages, counted for the summary. */
static const char *const passed_names[] = { "request", "warcinfo", "metadata", "revisit", "other record",
                                            "not HTML or not 200" };

static int html_type(const char *ct)
{
    if (!ct || !*ct)
        return 1; /* no type: the content decides */
    return !strncasecmp(ct, "text/html", 9) || !strncasecmp(ct, "application/xhtml", 17);
}

static int next_warc(vg_reader *r, vg_input_doc *doc, vg_skip *why, char *msg, size_t msgcap)
{
    for (;;) {
        vg_warc_record rec;
        int got = vg_warc_next(r->warc, &rec, msg, msgcap);
        if (got == 0)
            return 0;
        if (got < 0) {
            doc->line = 0;
            *why = VG_SKIP_DAMAGED;
            return -1;
        }
        doc->line = rec.number;
        int page = (!strcmp(rec.type, "response") || !strcmp(rec.type, "resource")) &&
                   (rec.http_status == 0 || rec.http_status == 200) && html_type(rec.content_type) &&
                   (rec.content_type || sniff(rec.payload, rec.payload_len < 1024 ? rec.payload_len : 1024, "") == VG_IN_HTML);
        if (!page) {
            int k = !strcmp(rec.type, "request") ? 0 : !strcmp(rec.type, "warcinfo") ? 1
                  : !strcmp(rec.type, "metadata") ? 2 : !strcmp(rec.type, "revisit") ? 3
                  : (!strcmp(rec.type, "response") || !strcmp(rec.type, "resource")) ? 5 : 4;
            r->passed[k]++;
            continue;
        }
        set_id(r, doc, rec.uri ? rec.uri : rec.id, '#', rec.number);
        doc->url = rec.uri;
        doc->charset = rec.charset;
        char day[11];
        if (rec.date && vg_date_parse(rec.date, strlen(rec.date), day)) {
            vg_buf_clear(&r->datebuf);
            vg_buf_append(&r->datebuf, day, 11);
            doc->fallback_date = r->datebuf.p;
        }
        doc->text = rec.payload ? rec.payload : "";
        doc->len = rec.payload_len;
        doc->markup = VG_DOC_PAGE;
        if (doc->len > VG_MAX_DOC_BYTES) {
            *why = VG_SKIP_LIMIT;
            snprintf(msg, msgcap, "page over VG_MAX_DOC_BYTES (%zu bytes)", (size_t)VG_MAX_DOC_BYTES);
            return -1;
        }
        return 1;
    }
}

void vg_reader_passed(const vg_reader *r, char *out, size_t cap)
{
    uint64_t all = 0;
    for (size_t k = 0; k < sizeof r->passed / sizeof *r->passed; k++)
        all += r->passed[k];
    out[0] = 0;
    if (!all)
        return;
    int n = snprintf(out, cap, "%llu WARC records not pages (", (unsigned long long)all);
    const char *sep = "";
    for (size_t k = 0; k < sizeof r->passed / sizeof *r->passed && n > 0 && (size_t)n < cap; k++)
        if (r->passed[k]) {
            n += snprintf(out + n, cap - (size_t)n, "%s%llu %s", sep, (unsigned long long)r->passed[k], passed_names[k]);
            sep = ", ";
        }
    if (n > 0 && (size_t)n < cap)
        snprintf(out + n, cap - (size_t)n, ")");
}

static int next_jsonl(vg_reader *r, vg_input_doc *doc, vg_skip *why, char *msg, size_t msgcap)
{
    for (;;) {
        if (r->stopped)
            return 0;
        int got = read_line(r);
        doc->line = r->line;
        if (got == 0)
            return 0;
        if (got == -2) {
            r->stopped = 1;
            *why = VG_SKIP_LIMIT;
            snprintf(msg, msgcap, "line over VG_MAX_DOC_BYTES (%zu bytes) in gzip data: the rest of the file is not "
                     "read (inflating on could be a decompression bomb's gigabytes)", (size_t)VG_MAX_DOC_BYTES);
            return -1;
        }
        if (got < 0) {
            *why = VG_SKIP_LIMIT;
            snprintf(msg, msgcap, "line over VG_MAX_LINE_BYTES (%zu bytes)", (size_t)VG_MAX_LINE_BYTES);
            return -1;
        }
        size_t i = 0;
        while (i < r->buf.n && strchr(" \t\r", r->buf.p[i]))
            i++;
        if (i == r->buf.n)
            continue; /* blank lines are not records */
        vg_status rc = vg_json_record(r->buf.p, r->buf.n, &r->rec, msg, msgcap);
        if (rc != VG_OK) {
            *why = rc == VG_EUTF8 ? VG_SKIP_UTF8 : r->rec.nul_refused ? VG_SKIP_NUL : VG_SKIP_JSON;
            return -1;
        }
        vg_jrec *j = &r->rec;
        doc->nuls = j->nuls;
#define HAS(f) (j->has & (1u << (f)))
        set_id(r, doc, HAS(VG_JF_ID) ? j->f[VG_JF_ID].p : NULL, ':', r->line); /* else file:line */
        if (HAS(VG_JF_TEXT)) {
            doc->text = j->f[VG_JF_TEXT].p ? j->f[VG_JF_TEXT].p : "";
            doc->len = j->f[VG_JF_TEXT].n;
        } else if (HAS(VG_JF_HTML)) { /* a crawler's record: the page, to extract the article from */
            doc->text = j->f[VG_JF_HTML].p ? j->f[VG_JF_HTML].p : "";
            doc->len = j->f[VG_JF_HTML].n;
            doc->markup = VG_DOC_PAGE;
        } else {
            *why = VG_SKIP_NOTEXT;
            snprintf(msg, msgcap, "no \"text\" or \"html\" field");
            return -1;
        }
        doc->lang = HAS(VG_JF_LANG) ? vg_lang_parse(j->f[VG_JF_LANG].p, j->f[VG_JF_LANG].n)
                                    : VG_LANG_UNKNOWN;
        if (HAS(VG_JF_DATE)) {
            /* "2016-07-15T10:00:00Z" is fine: the day is what dates resolve against */
            vg_buf *d = &j->f[VG_JF_DATE];
            if (d->n >= 10 && vg_date_valid(d->p, 10) && (d->n == 10 || d->p[10] == 'T' || d->p[10] == ' ')) {
                d->p[10] = 0;
                d->n = 10;
                doc->date = d->p;
            } else {
                *why = VG_SKIP_DATE;
                snprintf(msg, msgcap, "date \"%.40s\" is not YYYY-MM-DD", d->p);
                return -1;
            }
        }
        doc->title = HAS(VG_JF_TITLE) ? j->f[VG_JF_TITLE].p : NULL;
        doc->url = HAS(VG_JF_URL) ? j->f[VG_JF_URL].p : NULL;
        doc->source = HAS(VG_JF_SOURCE) ? j->f[VG_JF_SOURCE].p : NULL;
        doc->events = HAS(VG_JF_EVENTS) ? j->f[VG_JF_EVENTS].p : NULL;
        doc->distinct = j->distinct;
        doc->lang_tag = HAS(VG_JF_LANG) ? j->f[VG_JF_LANG].p : NULL;
#undef HAS
        return 1;
    }
}

/* Has an earlier record of the run had this document's id? An id is a document's key in the store
** and in every export: a second document under it would replace the first there, or make two
** documents one in an analysis. The first keeps the id; a later one is skipped, saying where the
** first was. Recorded only for records handed out, so a record skipped for bad JSON takes no id. */
static int dup_id(vg_reader *r, vg_input_doc *doc, vg_skip *why, char *msg, size_t msgcap)
{
    size_t n = strlen(doc->id);
    uint64_t h = vg_hash64(doc->id, n, 0x76696769ull);
    uint32_t h2 = (uint32_t)vg_hash64(doc->id, n, 0x5eedull);
    if (2 * (r->nids + 1) > r->idcap) {
        size_t cap = r->idcap ? 2 * r->idcap : 1024;
        seen_id *t = vg_malloc(r->mem, cap * sizeof *t);
        if (!t)
            return 0; /* no memory to remember ids: the record goes on, unchecked */
        memset(t, 0, cap * sizeof *t);
        for (size_t i = 0; i < r->idcap; i++)
            if (r->ids[i].file) {
                size_t k = (size_t)r->ids[i].h & (cap - 1);
                while (t[k].file)
                    k = (k + 1) & (cap - 1);
                t[k] = r->ids[i];
            }
        vg_free(r->mem, r->ids);
        r->ids = t;
        r->idcap = cap;
    }
    size_t k = (size_t)h & (r->idcap - 1);
    for (; r->ids[k].file; k = (k + 1) & (r->idcap - 1))
        if (r->ids[k].h == h && r->ids[k].h2 == h2) {
            const seen_id *e = &r->ids[k];
            *why = VG_SKIP_DUPID;
            char at[32] = "";
            if (e->line)
                snprintf(at, sizeof at, ":%llu", (unsigned long long)e->line);
            snprintf(msg, msgcap, "duplicate id, first seen at %s%s", r->paths[e->file - 1].path, at);
            doc->id_given = true; /* the message is about the id: show it */
            return 1;
        }
    r->ids[k] = (seen_id){ h, h2, (uint32_t)r->next, doc->line };
    r->nids++;
    return 0;
}

int vg_reader_next(vg_reader *r, vg_input_doc *doc, vg_skip *why, char *msg, size_t msgcap)
{
    for (;;) {
        memset(doc, 0, sizeof *doc);
        *why = VG_SKIP_NONE;
        msg[0] = 0;
        if (!r->f) {
            if (r->next >= r->npaths)
                return 0;
            int o = open_next(r, doc, why, msg, msgcap);
            if (o < 0)
                return o;
        }
        doc->file = r->cur;
        doc->id = r->cur;
        int got = 0;
        switch (r->cur_kind) {
        case VG_IN_JSONL: got = next_jsonl(r, doc, why, msg, msgcap); break;
        case VG_IN_WARC: got = next_warc(r, doc, why, msg, msgcap); break;
        case VG_IN_FEED: got = next_feed_item(r, doc, why, msg, msgcap); break;
        default: got = r->whole_done ? 0 : next_whole(r, doc, why, msg, msgcap); break;
        }
        if (got > 0 && dup_id(r, doc, why, msg, msgcap))
            return -1;
        if (got != 0)
            return got;
        if (r->cur_kind == VG_IN_JSONL && r->gz)
            r->consumed += r->file_size;
        close_cur(r);
    }
}

void vg_reader_progress(const vg_reader *r, uint64_t *done, uint64_t *total)
{
    *done = r->consumed + (r->warc ? vg_warc_consumed(r->warc) : 0);
    *total = r->size_unknown ? 0 : r->total;
}
