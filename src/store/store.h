/* store.h — the event store: coded documents in, deduplicated events out, in one SQLite file.
** Internal to libvigie and the vigie command; docs/store.md describes the schema for users, who may
** read it with any SQLite client.
**
** Writing (put.c): one writer at a time. vg_store_put() records a document and the events coded in
** it; mentions of the same event (same day, source, target, code and place country) collapse into
** one event row that counts its mentions, sources and articles, as GDELT does.
** Reading (select.c): filters, grouping and ordering are turned into SQL from fixed fragments; every
** value a user gave is a bound parameter, never SQL text.
**
**   vg_store *s;
**   if (vg_store_open("vigie.db", 0, &s) != VG_OK) { fprintf(stderr, "%s\n", vg_store_errmsg(s)); ... }
**   vg_store_begin(s); vg_store_put(s, &doc, events, n, &result); vg_store_commit(s);
**   vg_store_close(s);
*/
#ifndef VG_STORE_H
#define VG_STORE_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>

#include "vigie.h"

/* The schema version this vigie writes (PRAGMA user_version; schema.c holds the migrations). */
#define VG_STORE_SCHEMA 1

typedef struct vg_store vg_store;

enum {
    VG_STORE_READONLY = 1 << 0, /* open an existing store for reading only (query, export) */
    VG_STORE_NO_EVIDENCE = 1 << 1 /* do not keep the sentences events were coded from */
};

/* CONSTRUCTOR. Opens (creating and migrating unless READONLY) the store at path. *out is set even
** on failure, so that vg_store_errmsg() can say why; close it either way. */
vg_status vg_store_open(const char *path, unsigned flags, vg_store **out);
/* READONLY opens of a store in a directory that cannot be written (read-only media) read it as
** an unchanging file, without the -shm file WAL readers need; true when that happened. */
bool vg_store_immutable(const vg_store *s);
/* DESTRUCTOR. Rolls back an open transaction. NULL is a harmless no-op. */
void vg_store_close(vg_store *s);
/* Why the last call failed, or "". Never NULL. */
const char *vg_store_errmsg(const vg_store *s);
/* Delete the store at path with its -wal and -shm files (tests, benchmarks, a fresh demo). */
void vg_store_remove(const char *path);
/* The connection, for read-only statements of the caller's own (vigie query --sql). */
sqlite3 *vg_store_db(vg_store *s);

/* Stop any statement of s still running `seconds` from now (0: no limit): sqlite3_step() then
** returns SQLITE_INTERRUPT and vg_store_timed_out() is true (deadline.c). */
void vg_store_set_timeout(vg_store *s, double seconds);
bool vg_store_timed_out(const vg_store *s);

/* ---- writing (put.c) ------------------------------------------------------------------------ */

/* Record which dictionaries code what follows: version is vg_dict_version()'s string. */
vg_status vg_store_set_dict(vg_store *s, const char *version);
/* Hash the files of a data directory (names and contents, in sorted order) into a version string
** "<16 hex digits>" that changes whenever a dictionary does. */
vg_status vg_dict_version(const char *data_dir, const char *dict_dir, char out[17]);

/* A write transaction (BEGIN IMMEDIATE … COMMIT). Ingest commits in batches: a crash loses at most
** the batch under way, and the store is never left half-written (SQLite's WAL journal). */
vg_status vg_store_begin(vg_store *s);
vg_status vg_store_commit(vg_store *s);
vg_status vg_store_rollback(vg_store *s);

/* One coded event as the store takes it: fixed-size so that a worker thread can hand it over as
** bytes. Offsets are bytes of the document's text, as in vg_event. */
#define VG_STORE_ACTOR 48
typedef struct {
    char source[VG_STORE_ACTOR], target[VG_STORE_ACTOR];
    char code[8], country[8];
    int32_t day;           /* days since 1970-01-01 */
    uint8_t has_day, quad, has_geo, pad_;
    uint32_t sentence, sent_start, sent_end;
    uint32_t span[10];     /* source, target, trigger, date, place: start, end */
    float confidence;
    double lat, lon;
    char rule[120];        /* the pattern that fired, "data/dict/fr/triggers.txt:112" */
} vg_store_event;

typedef struct {
    const char *id;        /* the record's id; documents are known by it */
    const char *url, *title, *source; /* each may be NULL; source: the publisher (else the URL's host) */
    const char *date;      /* "YYYY-MM-DD" or NULL */
    const char *lang;      /* "fr", "en" */
    const char *text;      /* the analysed text: evidence sentences are cut from it */
    size_t len, nsentences;
    uint64_t hash;         /* vg_store_doc_hash() */
} vg_store_doc;

/* The hash of everything that, when it changes, changes a document's events. */
uint64_t vg_store_doc_hash(const char *text, size_t len, const char *date, const char *lang,
                           const char *url, const char *title, const char *source);

typedef enum { VG_DOC_NEW, VG_DOC_SAME, VG_DOC_CHANGED } vg_doc_state;
/* Is a document with this id and hash already stored? */
vg_status vg_store_doc_state(vg_store *s, const char *id, uint64_t hash, vg_doc_state *st);

/* Store a document and its events inside the open transaction. A stored document with the same id
** and hash is left alone (*st = VG_DOC_SAME); one with another hash has its mentions replaced
** (VG_DOC_CHANGED), the counts of the events they belonged to recomputed, and events left without a
** mention deleted. */
vg_status vg_store_put(vg_store *s, const vg_store_doc *d, const vg_store_event *ev, size_t n, vg_doc_state *st);

/* Row counts, for summaries and tests. */
typedef struct {
    int64_t documents, events, mentions, sentences;
} vg_store_counts;
vg_status vg_store_count(vg_store *s, vg_store_counts *c);

/* ---- reading (select.c) --------------------------------------------------------------------- */

#define VG_FILTER_MAX 16 /* values of one list filter (--code 190,195,…) */

typedef struct {
    int32_t from, to;            /* days since 1970-01-01, inclusive */
    bool has_from, has_to;
    const char *source[VG_FILTER_MAX], *target[VG_FILTER_MAX], *actor[VG_FILTER_MAX];
    int nsource, ntarget, nactor; /* actor codes by prefix: "SYR" matches SYR, SYRGOV, SYRREB… */
    const char *between[2];      /* an interaction either way between two actor prefixes */
    const char *code[VG_FILTER_MAX]; /* event codes by prefix: "19" the root, "190" and its children */
    int ncode;
    const char *country[VG_FILTER_MAX]; /* the place's country code, exactly */
    int ncountry;
    unsigned quad;               /* bit q set: QuadClass q wanted; 0 all */
    unsigned langs;              /* bit 0 French, bit 1 English: an event reported in either */
    int64_t min_mentions;
    const char *doc;             /* events mentioned in the document with this id */
} vg_filter;

/* What vg_store_select() returns rows of. */
typedef enum {
    VG_SEL_EVENTS,   /* one row an event: id, date, source, target, code, … (docs/store.md) */
    VG_SEL_GROUPS,   /* one row a group: its keys, then events, mentions, articles, goldstein */
    VG_SEL_EXPORT    /* one row an event with its root mention and evidence (export.c) */
} vg_sel_kind;

/* Group keys (--by). */
typedef enum {
    VG_BY_DAY, VG_BY_WEEK, VG_BY_MONTH, VG_BY_YEAR, VG_BY_DYAD, VG_BY_SOURCE, VG_BY_TARGET,
    VG_BY_CODE, VG_BY_ROOT, VG_BY_QUAD, VG_BY_COUNTRY, VG_BY_COUNT
} vg_by;
/* "week" → VG_BY_WEEK; VG_BY_COUNT for an unknown name. */
vg_by vg_by_parse(const char *name);

typedef struct {
    vg_sel_kind kind;
    vg_by by[VG_BY_COUNT];
    int nby;
    const char *order; /* NULL: keys (groups) or date (events); else a column name, "-name" descending */
    int64_t limit;     /* 0: no limit */
} vg_select;

/* The columns of a VG_SEL_EXPORT row, in order. Offsets are bytes of the document; sent_start is
** where the evidence sentence (sent_text, NULL when not kept) starts in it. */
enum {
    VG_X_ID, VG_X_DAY, VG_X_SOURCE, VG_X_TARGET, VG_X_CODE, VG_X_ROOT, VG_X_QUAD, VG_X_GOLDSTEIN, VG_X_NAME,
    VG_X_COUNTRY, VG_X_MENTIONS, VG_X_SOURCES, VG_X_ARTICLES, VG_X_LEAD, VG_X_SENTENCE,
    VG_X_SPANS, /* 10 columns: source, target, trigger, date, place; start, end each */
    VG_X_LAT = VG_X_SPANS + 10, VG_X_LON, VG_X_CONFIDENCE, VG_X_RULE, VG_X_DOC, VG_X_URL, VG_X_LANG,
    VG_X_ADDED, VG_X_SENT_START, VG_X_SENT_TEXT, VG_X_COUNT
};

/* Is q one vg_store_select() can answer (a known order column, something to group by)? Checked
** before the store is opened, so that a bad --order is a usage error. VG_EMISUSE with the reason. */
vg_status vg_select_check(const vg_select *q, char *err, size_t cap);

/* Prepare the statement that answers f and q. On failure returns VG_EMISUSE (an unknown order
** column) or VG_EIO with the reason in vg_store_errmsg(s). Finalize *out. */
vg_status vg_store_select(vg_store *s, const vg_filter *f, const vg_select *q, sqlite3_stmt **out);

#endif
