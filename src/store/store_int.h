/* store_int.h — the inside of vg_store, shared by the files of src/store/. */
#ifndef VG_STORE_INT_H
#define VG_STORE_INT_H

#include "core.h"
#include "store.h"

enum {
    ST_DOC_GET, ST_DOC_INS, ST_DOC_UPD, ST_SITE, ST_RULE, ST_NEXT_MENTION, ST_EV_FIND, ST_EV_INS, ST_SITE_SEEN,
    ST_EV_INC, ST_MEN_INS, ST_SENT_INS, ST_DOC_EVENTS, ST_DOC_DEL_MEN, ST_DOC_DEL_SENT, ST_EV_RECOUNT,
    ST_EV_DROP, ST_COUNT
};

struct vg_store {
    sqlite3 *db;
    unsigned flags;
    sqlite3_stmt *st[ST_COUNT]; /* the write path's statements, prepared once (put.c) */
    int64_t dict_id;            /* 0: none recorded */
    int64_t next_mention;       /* the next mention's id; 0: ask the store */
    vg_mem mem;
    vg_strset *sites, *rules;   /* name → index into the rowid arrays below */
    int64_t *site_ids, *rule_ids;
    size_t site_cap, rule_cap;
    int64_t *seen;              /* events already mentioned by the document being put */
    size_t seen_cap;
    bool immutable;             /* read as an unchanging file (open_readonly() in schema.c) */
    double deadline;            /* CLOCK_MONOTONIC seconds after which statements stop; 0: none */
    bool timed_out;             /* the deadline stopped a statement */
    char path[1024];
    char err[1536];
};

/* Fill s->err with what failed and SQLite's reason; returns VG_EIO. */
vg_status vg_store_fail(vg_store *s, const char *what);
int vg_store_exec(vg_store *s, const char *sql);
void vg_store_put_finalize(vg_store *s);

#endif
