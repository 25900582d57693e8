/* ingest.h — reading documents from files, directories, standard input and JSON Lines.
** Internal to libvigie and the vigie command; docs/input.md describes the formats for users. */
#ifndef VG_INGEST_H
#define VG_INGEST_H

#include <stdio.h>

#include "core.h"

/* ---- one JSON Lines record (json.c) ---- */
enum { VG_JF_ID, VG_JF_TEXT, VG_JF_HTML, VG_JF_LANG, VG_JF_DATE, VG_JF_TITLE, VG_JF_URL, VG_JF_SOURCE,
       VG_JF_EVENTS, /* a gold record's "events" array, kept as its raw JSON (vg_json_events reads it) */
       VG_JF_COUNT };

typedef struct {
    vg_buf f[VG_JF_COUNT]; /* unescaped values, NUL-terminated, valid when has & (1 << field) */
    vg_buf key;            /* scratch: the member name being read */
    unsigned has;
    size_t nuls;           /* U+0000 in text and html, each replaced by a space */
    bool nul_refused;      /* the error is a U+0000 in another field */
    bool distinct;         /* a gold record's "distinct": true (a whole article: events compared as sets) */
} vg_jrec;

void vg_jrec_init(vg_jrec *r, const vg_mem *mem);
void vg_jrec_release(vg_jrec *r);
/* Parse s[0..n), one record. On error returns VG_EFORMAT or VG_EUTF8 with the reason in err;
** r->nul_refused then says the record is valid JSON refused for a U+0000 in a field other than
** text or html (docs/input.md § NUL): those are C strings downstream, where "a\u0000x" is "a". */
vg_status vg_json_record(const char *s, size_t n, vg_jrec *r, char *err, size_t errcap);

/* One event of a gold record's "events" array: {"source", "target", "code", "optional"}. */
typedef struct {
    const char *source, *target, *code; /* NUL-terminated, "" when absent or null */
    bool optional;
} vg_gold_event;
/* Call fn for each object of the JSON array raw[0..n) (as kept in VG_JF_EVENTS), in order; the
** strings are valid during the call. VG_EFORMAT with err set when raw is not an array of objects. */
vg_status vg_json_events(const char *raw, size_t n, void (*fn)(void *ctx, const vg_gold_event *ev), void *ctx,
                         char *err, size_t errcap);

/* ---- a stream of documents from many inputs (reader.c) ---- */
/* What an input is. AUTO looks at its content (docs/input.md §1): gzip is looked into, then a
** WARC record, a JSON object, a feed's root element or HTML markup say what it is; anything else is
** plain text. */
typedef enum { VG_IN_AUTO, VG_IN_TEXT, VG_IN_JSONL, VG_IN_HTML, VG_IN_WARC, VG_IN_FEED } vg_input_kind;
const char *vg_input_kind_name(vg_input_kind k); /* "text", "jsonl", "html", "warc", "feed" */

/* Why a record was skipped: the summary counts each. */
typedef enum {
    VG_SKIP_NONE,
    VG_SKIP_JSON,    /* bad JSON */
    VG_SKIP_NOTEXT,  /* no text field */
    VG_SKIP_UTF8,    /* invalid UTF-8 in a JSON record */
    VG_SKIP_LIMIT,   /* over VG_MAX_LINE_BYTES or VG_MAX_DOC_BYTES */
    VG_SKIP_IO,      /* unreadable file */
    VG_SKIP_LANG,    /* not French or English */
    VG_SKIP_DATE,    /* a date that is not YYYY-MM-DD */
    VG_SKIP_DAMAGED, /* a damaged WARC record, gzip member or feed */
    VG_SKIP_NOARTICLE, /* a web page with no article text in it */
    VG_SKIP_NOTREG,  /* a FIFO, socket or device in a directory: never opened */
    VG_SKIP_AGAIN,   /* a file or directory read already under another name (a link, a loop) */
    VG_SKIP_DUPID,   /* an id given to an earlier record of the run */
    VG_SKIP_NUL,     /* U+0000 in a field other than text and html (an id, a date…) */
    VG_SKIP_COUNT
} vg_skip;

const char *vg_skip_name(vg_skip s); /* "bad JSON", "no text", … */

typedef struct {
    const char *file;  /* input name as given ("-" for standard input) */
    uint64_t line;     /* JSON Lines: 1-based line; text files: 0 */
    const char *id;    /* record id, or the file name (JSON Lines without id: "file:line") */
    bool id_given;     /* the record had an "id" */
    const char *text;
    size_t len;
    vg_lang lang;      /* given by the record, or VG_LANG_UNKNOWN */
    const char *lang_tag; /* the record's "lang" as written ("fr", "fr-FR", "es"), or NULL */
    const char *date;  /* "YYYY-MM-DD" or NULL */
    const char *title, *url; /* or NULL */
    const char *source; /* the publisher ("source" field), or NULL */
    /* web inputs: text is HTML to extract the article from (vg_extract), a whole page or, for a
    ** feed item's description, a fragment */
    enum { VG_DOC_TEXT, VG_DOC_PAGE, VG_DOC_FRAGMENT } markup;
    const char *charset;   /* the transport's charset (a WARC response's HTTP header), or NULL */
    const char *fallback_date; /* "YYYY-MM-DD" to use when the page gives none (WARC-Date), or NULL */
    const char *events;    /* a gold record's "events" array as raw JSON (vg_json_events), or NULL */
    bool distinct;         /* the gold record lists each distinct event once (score.py's "distinct") */
    size_t nuls;           /* NUL characters in the text, read as spaces (a warning, not a skip) */
} vg_input_doc;

typedef struct vg_reader vg_reader;

vg_status vg_reader_new(const vg_mem *mem, vg_input_kind kind, vg_reader **out);
/* Queue an input: a file, a directory (its regular files, sorted, recursively; hidden ones skipped;
** each directory and file once, by device and inode, whatever the links) or "-". What a directory
** holds that is not read (a FIFO, a loop, a file met already) comes out of vg_reader_next as a
** skipped record saying so. A FIFO named here is read, like standard input. */
vg_status vg_reader_add(vg_reader *r, const char *path);
/* Next document. Returns 1 with *doc filled (valid until the next call), 0 at the end, or -1 for a
** skipped record, with *why and a message in msg (the file and line are in *doc). */
int vg_reader_next(vg_reader *r, vg_input_doc *doc, vg_skip *why, char *msg, size_t msgcap);
void vg_reader_free(vg_reader *r);
/* How far the run is: bytes of the inputs consumed so far, and their total size (0 when unknown:
** standard input, a pipe). For a progress line's ETA. */
void vg_reader_progress(const vg_reader *r, uint64_t *done, uint64_t *total);
/* Records read that are not documents and are not errors either: WARC request, metadata and
** warcinfo records, responses that are not HTML or not 200. Written into out as "N WARC records
** not pages (3 request, 1 warcinfo…)", or "" when there were none. */
void vg_reader_passed(const vg_reader *r, char *out, size_t cap);

/* ---- gzip (gz.c) ----
** A gzip stream read member by member from a FILE, so a multi-gigabyte .warc.gz or .html.gz never
** sits in memory whole, and a damaged member is reported for itself. */
bool vg_is_gzip(const void *p, size_t n); /* starts with the gzip magic 1f 8b */
/* Inflate every member of the gzip data p[0..n) into out (appended), at most max bytes of output.
** VG_OK, or VG_EFORMAT with the reason in err (truncated member, bad header, corrupt data, over
** max): out then holds what was inflated before the damage. */
vg_status vg_gunzip(const void *p, size_t n, size_t max, vg_buf *out, char *err, size_t errcap);

/* ---- WARC 1.0 / 1.1 (warc.c) ----
** Plain or gzip-compressed (one member per record, as Common Crawl writes them, or one member for
** the whole file). Streaming: memory is bounded by the largest record, never by the file. */
typedef struct vg_warc vg_warc;

typedef struct {
    uint64_t number;          /* 1-based record number in the file */
    uint64_t offset;          /* where the record starts in the file (in the compressed bytes for .gz) */
    const char *type;         /* WARC-Type: "response", "resource", "request", "warcinfo", … */
    const char *uri;          /* WARC-Target-URI, or NULL */
    const char *date;         /* WARC-Date as written ("2016-07-15T08:00:00Z"), or NULL */
    const char *id;           /* WARC-Record-ID without the angle brackets, or NULL */
    const char *content_type; /* of the payload: the HTTP Content-Type of a response, the record's
                              ** Content-Type of a resource; NULL when absent */
    const char *charset;      /* the charset= parameter of content_type, lower-cased, or NULL */
    int http_status;          /* response records: the HTTP status code; 0 otherwise */
    const char *payload;      /* response: the HTTP body (headers removed, chunked transfer-encoding
                              ** and gzip/deflate content-encoding undone); other types: the block */
    size_t payload_len;
} vg_warc_record;

/* Read from f (opened by the caller, who closes it after vg_warc_free); name is for messages. */
vg_status vg_warc_open(const vg_mem *mem, FILE *f, const char *name, vg_warc **out);
/* 1: *rec filled, valid until the next call. 0: end of file. -1: a damaged record (bad version
** line or header, Content-Length past the end, truncated or corrupt gzip member): msg names the
** record number and offset and says why; the reader has resynchronised on the next record or
** member, so the caller just calls again. Every record is returned (the caller skips and counts
** the types it does not want). */
int vg_warc_next(vg_warc *w, vg_warc_record *rec, char *msg, size_t msgcap);
uint64_t vg_warc_consumed(const vg_warc *w); /* bytes of f read so far, for progress */
void vg_warc_free(vg_warc *w);
/* Does p[0..n) look like the start of a WARC record ("WARC/1.0\r\n" or "WARC/1.1")? */
bool vg_is_warc(const void *p, size_t n);

/* ---- RSS 2.0, RSS 1.0 (RDF) and Atom 1.0 feeds (feed.c) ---- */
typedef struct {
    const char *title;  /* item title as text (entities decoded, markup removed), or NULL */
    const char *link;   /* RSS <link> (or <guid isPermaLink>), Atom <link rel="alternate" href>, or NULL */
    const char *id;     /* RSS <guid>, Atom <id>, or NULL */
    const char *date;   /* "YYYY-MM-DD" from pubDate / dc:date / published / updated, or NULL */
    const char *body;   /* content:encoded or Atom <content>, else description / summary; NULL if none */
    size_t body_len;
    bool body_html;     /* body is HTML (to be extracted as a fragment), not plain text */
} vg_feed_item;

typedef struct vg_feed vg_feed;
/* Parse a whole feed. VG_EFORMAT with err set when it is not a feed or not XML enough to read;
** a feed damaged after some items keeps the items read before the damage (and says so in err
** while returning VG_OK: err[0] != 0 is a warning). */
vg_status vg_feed_parse(const vg_mem *mem, const char *xml, size_t n, vg_feed **out, char *err, size_t errcap);
size_t vg_feed_count(const vg_feed *f);
/* Items the damage lost: unfinished (cut short, kept out of the items), and unreached (after the
** point where the parser stopped, counted from their start tags in the bytes). 0 for a sound feed. */
void vg_feed_lost(const vg_feed *f, size_t *unfinished, size_t *unreached);
const vg_feed_item *vg_feed_item_at(const vg_feed *f, size_t i);
const char *vg_feed_title(const vg_feed *f); /* channel / feed title, or NULL */
void vg_feed_free(vg_feed *f);
/* Does p[0..n) look like a feed: an XML document whose root is rss, rdf:RDF or feed? */
bool vg_is_feed(const void *p, size_t n);

#endif
