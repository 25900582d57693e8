/* reader.c — a stream of documents from files, directories, standard input and JSON Lines.
** Streaming: JSON Lines are read a line at a time, so memory does not grow with the input; a line
** over VG_MAX_LINE_BYTES is skipped without being held (the reader discards up to its newline).
** A text file is one document, read whole up to VG_MAX_DOC_BYTES.
** Every problem is reported for the one record it concerns and the stream goes on. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "ingest.h"

struct vg_reader {
    const vg_mem *mem;
    vg_input_kind kind;
    char **paths; /* queued inputs, in order */
    size_t npaths, cap, next;
    /* the input being read */
    FILE *f;
    const char *cur;
    int cur_jsonl;
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
                                                "bad date" };
    return s < VG_SKIP_COUNT ? names[s] : "?";
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
    vg_buf_init(&r->buf, mem);
    vg_buf_init(&r->idbuf, mem);
    vg_jrec_init(&r->rec, mem);
    return VG_OK;
}

void vg_reader_free(vg_reader *r)
{
    if (!r)
        return;
    if (r->f && r->f != stdin)
        fclose(r->f);
    for (size_t i = 0; i < r->npaths; i++)
        vg_free(r->mem, r->paths[i]);
    vg_free(r->mem, r->paths);
    vg_buf_release(&r->buf);
    vg_buf_release(&r->idbuf);
    vg_jrec_release(&r->rec);
    vg_free(r->mem, r);
}

static vg_status push_path(vg_reader *r, const char *p)
{
    vg_status rc = vg_grow(r->mem, (void **)&r->paths, &r->cap, r->npaths + 1, sizeof(char *));
    if (rc != VG_OK)
        return rc;
    if (!(r->paths[r->npaths] = vg_strndup(r->mem, p, strlen(p))))
        return VG_ENOMEM;
    struct stat st;
    if (strcmp(p, "-") != 0 && stat(p, &st) == 0 && S_ISREG(st.st_mode))
        r->total += (uint64_t)st.st_size;
    else
        r->size_unknown = 1;
    r->npaths++;
    return VG_OK;
}

static vg_status push_walked(void *r, const char *path) { return push_path(r, path); }

vg_status vg_reader_add(vg_reader *r, const char *path)
{
    struct stat st;
    if (strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        return vg_walk(r->mem, path, push_walked, r);
    return push_path(r, path);
}

static int ends_with(const char *s, const char *suf)
{
    size_t a = strlen(s), b = strlen(suf);
    return a >= b && !strcmp(s + a - b, suf);
}

/* Read until '\n' into r->buf, through a block buffer (memchr finds the newline). Returns 1 with a
** line, 0 at EOF, -1 when the line is over the limit (it has then been read through and dropped,
** never held whole). */
static int read_line(vg_reader *r)
{
    vg_buf_clear(&r->buf);
    int over = 0, any = 0;
    for (;;) {
        if (r->bpos == r->blen) {
            r->bpos = 0;
            r->blen = fread(r->blk, 1, sizeof r->blk, r->f);
            if (!r->blen)
                break;
        }
        any = 1;
        const char *s = r->blk + r->bpos, *nl = memchr(s, '\n', r->blen - r->bpos);
        size_t k = nl ? (size_t)(nl - s) : r->blen - r->bpos;
        r->bpos += k + (nl != NULL);
        r->consumed += k + (nl != NULL);
        if (!over && r->buf.n + k > VG_MAX_LINE_BYTES) {
            over = 1;
            vg_buf_release(&r->buf); /* do not keep a huge buffer for the rest of the run */
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

static int open_next(vg_reader *r, vg_input_doc *doc, vg_skip *why, char *msg, size_t msgcap)
{
    const char *p = r->paths[r->next++];
    r->cur = p;
    r->line = 0;
    r->bpos = r->blen = 0;
    doc->file = p;
    doc->line = 0;
    doc->id = p;
    if (!strcmp(p, "-")) {
        r->f = stdin;
    } else if (!(r->f = fopen(p, "rb"))) {
        *why = VG_SKIP_IO;
        snprintf(msg, msgcap, "cannot open: %s", strerror(errno));
        return -1;
    }
    if (r->kind != VG_IN_AUTO) {
        r->cur_jsonl = r->kind == VG_IN_JSONL;
    } else if (ends_with(p, ".jsonl") || ends_with(p, ".ndjson")) {
        r->cur_jsonl = 1;
    } else if (r->f == stdin) { /* sniff one byte: skipping more would shift every offset */
        int c = getc(r->f);
        r->cur_jsonl = c == '{';
        if (c != EOF)
            ungetc(c, r->f);
    } else { /* sniff: a news text never opens with '{' */
        int c;
        while ((c = getc(r->f)) == ' ' || c == '\n' || c == '\r' || c == '\t')
            ;
        r->cur_jsonl = c == '{';
        rewind(r->f);
    }
    return 1;
}

static void close_cur(vg_reader *r)
{
    if (r->f && r->f != stdin)
        fclose(r->f);
    r->f = NULL;
}

/* A text file: one document. */
static int next_text(vg_reader *r, vg_input_doc *doc, vg_skip *why, char *msg, size_t msgcap)
{
    vg_buf_clear(&r->buf);
    char chunk[65536];
    size_t k;
    int over = 0;
    while ((k = fread(chunk, 1, sizeof chunk, r->f)) > 0) {
        if (r->buf.n + k > VG_MAX_DOC_BYTES) {
            over = 1;
            break;
        }
        if (vg_buf_append(&r->buf, chunk, k) != VG_OK) {
            *why = VG_SKIP_LIMIT;
            snprintf(msg, msgcap, "out of memory reading the file");
            close_cur(r);
            return -1;
        }
    }
    int err = ferror(r->f);
    r->consumed += r->buf.n;
    close_cur(r);
    if (over) {
        *why = VG_SKIP_LIMIT;
        snprintf(msg, msgcap, "file over VG_MAX_DOC_BYTES (%zu bytes)", (size_t)VG_MAX_DOC_BYTES);
        return -1;
    }
    if (err) {
        *why = VG_SKIP_IO;
        snprintf(msg, msgcap, "read error");
        return -1;
    }
    doc->text = r->buf.p ? r->buf.p : "";
    doc->len = r->buf.n;
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

static int next_jsonl(vg_reader *r, vg_input_doc *doc, vg_skip *why, char *msg, size_t msgcap)
{
    for (;;) {
        int got = read_line(r);
        doc->line = r->line;
        if (got == 0) {
            close_cur(r);
            return 0;
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
            *why = rc == VG_EUTF8 ? VG_SKIP_UTF8 : VG_SKIP_JSON;
            return -1;
        }
        vg_jrec *j = &r->rec;
#define HAS(f) (j->has & (1u << (f)))
        if (HAS(VG_JF_ID)) {
            doc->id = j->f[VG_JF_ID].p;
            doc->id_given = true;
        } else { /* no id: file:line names the record */
            vg_buf_clear(&r->idbuf);
            char tmp[64];
            int k = snprintf(tmp, sizeof tmp, ":%llu", (unsigned long long)r->line);
            if (vg_buf_append(&r->idbuf, r->cur, strlen(r->cur)) != VG_OK ||
                vg_buf_append(&r->idbuf, tmp, (size_t)k) != VG_OK)
                doc->id = r->cur;
            else
                doc->id = r->idbuf.p;
        }
        if (!HAS(VG_JF_TEXT)) {
            *why = VG_SKIP_NOTEXT;
            snprintf(msg, msgcap, HAS(VG_JF_HTML) ? "no text (html records need the extractor)"
                                                  : "no \"text\" field");
            return -1;
        }
        doc->text = j->f[VG_JF_TEXT].p ? j->f[VG_JF_TEXT].p : "";
        doc->len = j->f[VG_JF_TEXT].n;
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
#undef HAS
        return 1;
    }
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
        if (!r->cur_jsonl)
            return next_text(r, doc, why, msg, msgcap);
        int got = next_jsonl(r, doc, why, msg, msgcap);
        if (got != 0)
            return got;
    }
}

void vg_reader_progress(const vg_reader *r, uint64_t *done, uint64_t *total)
{
    *done = r->consumed;
    *total = r->size_unknown ? 0 : r->total;
}
