/* ingest.h — reading documents from files, directories, standard input and JSON Lines.
** Internal to libvigie and the vigie command; docs/input.md describes the formats for users. */
#ifndef VG_INGEST_H
#define VG_INGEST_H

#include "core.h"

/* ---- one JSON Lines record (json.c) ---- */
enum { VG_JF_ID, VG_JF_TEXT, VG_JF_HTML, VG_JF_LANG, VG_JF_DATE, VG_JF_TITLE, VG_JF_URL, VG_JF_SOURCE, VG_JF_COUNT };

typedef struct {
    vg_buf f[VG_JF_COUNT]; /* unescaped values, NUL-terminated, valid when has & (1 << field) */
    vg_buf key;            /* scratch: the member name being read */
    unsigned has;
} vg_jrec;

void vg_jrec_init(vg_jrec *r, const vg_mem *mem);
void vg_jrec_release(vg_jrec *r);
/* Parse s[0..n), one record. On error returns VG_EFORMAT or VG_EUTF8 with the reason in err. */
vg_status vg_json_record(const char *s, size_t n, vg_jrec *r, char *err, size_t errcap);

/* ---- a stream of documents from many inputs (reader.c) ---- */
typedef enum { VG_IN_AUTO, VG_IN_TEXT, VG_IN_JSONL } vg_input_kind;

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
    const char *date;  /* "YYYY-MM-DD" or NULL */
    const char *title, *url; /* or NULL */
    const char *source; /* the publisher ("source" field), or NULL */
} vg_input_doc;

typedef struct vg_reader vg_reader;

vg_status vg_reader_new(const vg_mem *mem, vg_input_kind kind, vg_reader **out);
/* Queue an input: a file, a directory (its files, sorted, recursively; hidden ones skipped) or "-". */
vg_status vg_reader_add(vg_reader *r, const char *path);
/* Next document. Returns 1 with *doc filled (valid until the next call), 0 at the end, or -1 for a
** skipped record, with *why and a message in msg (the file and line are in *doc). */
int vg_reader_next(vg_reader *r, vg_input_doc *doc, vg_skip *why, char *msg, size_t msgcap);
void vg_reader_free(vg_reader *r);
/* How far the run is: bytes of the inputs consumed so far, and their total size (0 when unknown:
** standard input, a pipe). For a progress line's ETA. */
void vg_reader_progress(const vg_reader *r, uint64_t *done, uint64_t *total);


#endif
