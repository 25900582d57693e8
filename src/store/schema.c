/* schema.c — opening the store: the file, its settings, and the schema, created and migrated.
**
** The schema version is SQLite's PRAGMA user_version. migrations[k] takes a store from version k to
** k + 1, inside one transaction, so a store is always at a version this file knows or refused: a
** store made by a newer vigie is never written by an older one. docs/store.md explains each table.
**
** Why these settings: WAL lets `vigie query` read while `vigie ingest` writes, and a crash leaves the
** last committed batch intact; synchronous=NORMAL is safe under WAL (a power cut may lose the last
** commit, never corrupt the file); the page cache (256 MiB) holds the pages being
** written, and reads go through mmap, so the indexes probed at random stay in the OS's cache.
**
** What is opened is looked at before it is changed: identify() only reads, and runs before the
** first pragma that writes (journal_mode = WAL rewrites the file's header), so another program's
** database is refused as it was. Readers of a store in a directory they cannot write read it as
** an immutable file (open_readonly()): docs/store.md §4 says when, and when not. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store_int.h"

/* Version 0 → 1: the first schema. */
static const char schema_v1[] =
    /* the CAMEO codebook of the vigie that wrote the store, so readers need no other file */
    "CREATE TABLE codes ("
    "  code TEXT PRIMARY KEY, name TEXT NOT NULL, quad INTEGER NOT NULL, goldstein REAL NOT NULL"
    ") WITHOUT ROWID;"
    "CREATE TABLE dictionaries ("
    "  id INTEGER PRIMARY KEY, version TEXT NOT NULL UNIQUE, vigie TEXT NOT NULL, first_used INTEGER NOT NULL);"
    "CREATE TABLE sites (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);"
    "CREATE TABLE rules (id INTEGER PRIMARY KEY, rule TEXT NOT NULL UNIQUE);"
    "CREATE TABLE documents ("
    "  id INTEGER PRIMARY KEY,"
    "  ext_id TEXT NOT NULL UNIQUE,"   /* the record's id */
    "  url TEXT, title TEXT,"
    "  site INTEGER REFERENCES sites,"  /* NULL: publisher unknown */
    "  day INTEGER,"                    /* publication date, days since 1970-01-01 */
    "  lang TEXT NOT NULL,"
    "  hash INTEGER NOT NULL,"          /* of text, date, lang, url, title, source */
    "  bytes INTEGER NOT NULL, sentences INTEGER NOT NULL,"
    "  events INTEGER NOT NULL,"        /* its mentions: ids first_mention .. first_mention + events - 1 */
    "  first_mention INTEGER,"
    "  dict INTEGER REFERENCES dictionaries,"
    "  added INTEGER NOT NULL"          /* unix time of the (last) ingest */
    ");"
    "CREATE TABLE events ("
    "  id INTEGER PRIMARY KEY,"         /* GDELT's GLOBALEVENTID */
    "  day INTEGER,"                    /* days since 1970-01-01; NULL: undated, never merged */
    "  source TEXT NOT NULL, target TEXT NOT NULL, code TEXT NOT NULL,"
    "  root INTEGER NOT NULL, quad INTEGER NOT NULL,"
    "  country TEXT NOT NULL,"          /* the place's country, '' when none was found */
    "  mentions INTEGER NOT NULL, sources INTEGER NOT NULL, articles INTEGER NOT NULL,"
    "  langs INTEGER NOT NULL,"         /* bit 1 French, bit 2 English */
    "  lead INTEGER NOT NULL,"          /* the first mention is in its document's first 3 sentences */
    "  first_mention INTEGER NOT NULL"  /* mentions.id of the root mention */
    ");"
    "CREATE UNIQUE INDEX events_key ON events(day, source, target, code, country);"
    "CREATE INDEX events_country ON events(country, day, root);"
    "CREATE INDEX events_source ON events(source, day);"
    "CREATE INDEX events_target ON events(target, day);"
    "CREATE TABLE mentions ("
    "  id INTEGER PRIMARY KEY,"
    "  event INTEGER NOT NULL, doc INTEGER NOT NULL,"
    "  site INTEGER NOT NULL,"          /* the document's site, or -doc when it has none */
    "  sentence INTEGER NOT NULL,"
    "  source_start INTEGER, source_end INTEGER, target_start INTEGER, target_end INTEGER,"
    "  trigger_start INTEGER, trigger_end INTEGER, date_start INTEGER, date_end INTEGER,"
    "  place_start INTEGER, place_end INTEGER,"
    "  lat REAL, lon REAL,"
    "  confidence INTEGER NOT NULL,"    /* percent, as GDELT's Mentions table */
    "  rule INTEGER NOT NULL"
    ");"
    /* no index on doc: a document's mentions are numbered in one run (documents.first_mention) */
    "CREATE INDEX mentions_event ON mentions(event, site, doc);"
    /* evidence: the sentences events were coded from (start: byte offset in the document) */
    "CREATE TABLE sentences ("
    "  doc INTEGER NOT NULL, idx INTEGER NOT NULL, start INTEGER NOT NULL, text TEXT NOT NULL,"
    "  PRIMARY KEY (doc, idx)) WITHOUT ROWID;"
    /* what most readers want: dates as text, Goldstein and the code's name joined */
    "CREATE VIEW event_view AS SELECT e.id, date(e.day * 86400, 'unixepoch') AS date, e.source, e.target,"
    "  e.code, c.name AS action, e.root, e.quad, c.goldstein, e.country, e.mentions, e.sources, e.articles,"
    "  d.ext_id AS doc, d.url, m.sentence, s.text AS evidence"
    "  FROM events e JOIN codes c ON c.code = e.code JOIN mentions m ON m.id = e.first_mention"
    "  JOIN documents d ON d.id = m.doc LEFT JOIN sentences s ON s.doc = m.doc AND s.idx = m.sentence;";

static const char *const migrations[VG_STORE_SCHEMA] = { schema_v1 };

vg_status vg_store_fail(vg_store *s, const char *what)
{
    snprintf(s->err, sizeof s->err, "%s: %s: %s", s->path, what, s->db ? sqlite3_errmsg(s->db) : "cannot open");
    return VG_EIO;
}

int vg_store_exec(vg_store *s, const char *sql)
{
    return sqlite3_exec(s->db, sql, NULL, NULL, NULL);
}

static vg_status fill_codes(vg_store *s)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, "INSERT OR REPLACE INTO codes VALUES (?, ?, ?, ?)", -1, &st, NULL) != SQLITE_OK)
        return vg_store_fail(s, "codes");
    const vg_code_info *ci;
    for (size_t i = 0; (ci = vg_codebook(i)); i++) {
        sqlite3_bind_text(st, 1, ci->code, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, ci->name, -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 3, ci->quad);
        sqlite3_bind_double(st, 4, round((double)ci->goldstein * 10) / 10); /* -0.3, not -0.300000011920929 */
        if (sqlite3_step(st) != SQLITE_DONE) {
            sqlite3_finalize(st);
            return vg_store_fail(s, "codes");
        }
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    return VG_OK;
}

/* The one integer a query returns, or -1 when it cannot be read. */
static int64_t int_query(vg_store *s, const char *sql)
{
    sqlite3_stmt *st;
    int64_t v = -1;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

static int user_version(vg_store *s) { return (int)int_query(s, "PRAGMA user_version"); }

static vg_status newer(vg_store *s, int version)
{
    snprintf(s->err, sizeof s->err, "%s: schema version %d is newer than this vigie's (%d): upgrade vigie", s->path,
             version, VG_STORE_SCHEMA);
    return VG_EFORMAT;
}

static vg_status migrate(vg_store *s)
{
    if (vg_store_exec(s, "BEGIN IMMEDIATE") != SQLITE_OK)
        return vg_store_fail(s, "cannot lock the store for writing");
    int version = user_version(s);
    if (version < 0 || version > VG_STORE_SCHEMA) {
        vg_store_exec(s, "ROLLBACK");
        return version < 0 ? vg_store_fail(s, "not a vigie store") : newer(s, version);
    }
    if (version == 0) { /* a new file, or an SQLite file that is not a store */
        if (int_query(s, "SELECT count(*) FROM sqlite_schema") != 0) {
            vg_store_exec(s, "ROLLBACK");
            snprintf(s->err, sizeof s->err, "%s: an SQLite database, but not a vigie store", s->path);
            return VG_EFORMAT;
        }
    }
    for (int v = version; v < VG_STORE_SCHEMA; v++) {
        char pragma[64];
        snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", v + 1);
        if (vg_store_exec(s, migrations[v]) != SQLITE_OK || vg_store_exec(s, pragma) != SQLITE_OK) {
            vg_store_fail(s, "migrating the schema");
            vg_store_exec(s, "ROLLBACK");
            return VG_EIO;
        }
    }
    vg_status rc = fill_codes(s);
    if (rc != VG_OK || vg_store_exec(s, "COMMIT") != SQLITE_OK) {
        if (rc == VG_OK)
            vg_store_fail(s, "creating the store");
        vg_store_exec(s, "ROLLBACK");
        return VG_EIO;
    }
    return VG_OK;
}

/* vg_month(day) → YYYYMM: months and years for grouping, without strftime() on every row. */
static void fn_month(sqlite3_context *cx, int argc, sqlite3_value **av)
{
    (void)argc;
    if (sqlite3_value_type(av[0]) == SQLITE_NULL) {
        sqlite3_result_null(cx);
        return;
    }
    int y, m, d;
    vg_civil_from_days((int32_t)sqlite3_value_int64(av[0]), &y, &m, &d);
    sqlite3_result_int(cx, y * 100 + m);
}

/* user_version, or -1 with SQLite's error code in *rc when the file cannot be read. */
static int read_version(vg_store *s, int *rc)
{
    sqlite3_stmt *st;
    int v = -1;
    *rc = sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL);
    if (*rc == SQLITE_OK && (*rc = sqlite3_step(st)) == SQLITE_ROW) {
        v = sqlite3_column_int(st, 0);
        *rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    if (v < 0 && *rc == SQLITE_OK)
        *rc = SQLITE_ERROR;
    return v;
}

/* Is the open file a vigie store (or an empty file that can become one)? Only reads: this runs
** before anything that changes a file (journal_mode = WAL rewrites the header, migrations create
** tables), so another program's database is refused untouched (docs/store.md §3). *rc is SQLite's
** code when the file could not be read at all. */
static vg_status identify(vg_store *s, int *version, int *rc)
{
    *version = read_version(s, rc);
    if (*version < 0) {
        if ((*rc & 0xff) == SQLITE_NOTADB) {
            snprintf(s->err, sizeof s->err, "%s: not an SQLite database", s->path);
            return VG_EFORMAT;
        }
        return vg_store_fail(s, "not a readable SQLite database");
    }
    if (*version > VG_STORE_SCHEMA)
        return newer(s, *version);
    /* version 0: a new, empty file, unless it holds another program's tables; 1 and later: a store
    ** holds vigie's tables (another program may have set user_version for its own reasons) */
    enum { STORE_TABLES = 7 }; /* the tables every schema version has, named below */
    int64_t ours = int_query(s, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN"
                                " ('codes', 'documents', 'events', 'mentions', 'sentences', 'sites', 'rules')");
    int64_t all = int_query(s, "SELECT count(*) FROM sqlite_schema");
    if (ours < 0 || all < 0)
        return vg_store_fail(s, "not a readable SQLite database");
    if (*version == 0 ? all != 0 : ours != STORE_TABLES) {
        snprintf(s->err, sizeof s->err, "%s: an SQLite database, but not a vigie store", s->path);
        return VG_EFORMAT;
    }
    return VG_OK;
}

/* Open name (a path, or a "file:" URI with SQLITE_OPEN_URI) with SQLite's flags and vigie's
** connection settings; returns sqlite3_open_v2's code. */
static int open_db(vg_store *s, const char *name, int flags)
{
    int rc = sqlite3_open_v2(name, &s->db, flags | SQLITE_OPEN_NOMUTEX, NULL);
    if (rc != SQLITE_OK)
        return rc;
    sqlite3_extended_result_codes(s->db, 1);
    sqlite3_create_function(s->db, "vg_month", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
                            fn_month, NULL, NULL);
    sqlite3_busy_timeout(s->db, 10000); /* another ingest holding the write lock: wait, then say so */
    vg_store_exec(s, "PRAGMA cache_size = -262144"); /* 256 MiB */
    vg_store_exec(s, "PRAGMA mmap_size = 1073741824");
    return SQLITE_OK;
}

/* "file:" URI of path with ?mode=ro&immutable=1: every byte outside [A-Za-z0-9/._~-] is %XX, so
** that '?', '#' or '%' in a file name stay part of the name. */
static int immutable_uri(const char *path, char *out, size_t cap)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t k = 0;
    const char *pre = "file:", *post = "?mode=ro&immutable=1";
    if (strlen(pre) + 3 * strlen(path) + strlen(post) + 1 > cap)
        return -1;
    k += (size_t)sprintf(out, "%s", pre);
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || strchr("/._~-", *p)) {
            out[k++] = (char)*p;
        } else {
            out[k++] = '%';
            out[k++] = hex[*p >> 4];
            out[k++] = hex[*p & 15];
        }
    }
    strcpy(out + k, post);
    return 0;
}

static int file_exists(const char *path, const char *suffix)
{
    char name[1100];
    snprintf(name, sizeof name, "%s%s", path, suffix);
    return access(name, F_OK) == 0;
}

/* Reading a store in WAL mode needs its -shm file, which SQLite creates beside the store: in a
** directory nobody may write (read-only media, another user's files) the first read fails. When no
** -wal file is there, nothing is waiting to be checkpointed and no ingest is writing, so the file as
** it is is the whole store: read it as immutable (no -shm, no locks). With a -wal file the changes
** it holds would be missed, so the store is refused with a message instead. */
static vg_status open_readonly(vg_store *s, int *version)
{
    int rc;
    if (open_db(s, s->path, SQLITE_OPEN_READONLY) != SQLITE_OK)
        return vg_store_fail(s, "cannot open");
    vg_status st = identify(s, version, &rc);
    int denied = (rc & 0xff) == SQLITE_READONLY || (rc & 0xff) == SQLITE_CANTOPEN;
    if (st == VG_OK || !denied || access(s->path, R_OK) != 0)
        return st;
    if (file_exists(s->path, "-wal")) {
        snprintf(s->err, sizeof s->err, "%s: cannot read: a -wal file beside it may hold changes not yet in the store,"
                 " and its directory cannot be written (copy both files somewhere writable)", s->path);
        return VG_EIO;
    }
    char uri[4200];
    sqlite3_close_v2(s->db);
    s->db = NULL;
    if (immutable_uri(s->path, uri, sizeof uri) < 0 || open_db(s, uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI) != SQLITE_OK)
        return vg_store_fail(s, "cannot open");
    s->immutable = true;
    return identify(s, version, &rc);
}

vg_status vg_store_open(const char *path, unsigned flags, vg_store **out)
{
    /* no allocation statistics: they take a global mutex on every malloc (fails harmlessly once
    ** SQLite is initialised) */
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    vg_store *s = calloc(1, sizeof *s);
    *out = s;
    if (!s)
        return VG_ENOMEM;
    s->flags = flags;
    snprintf(s->path, sizeof s->path, "%s", path);
    int version, rc;
    vg_status st;
    if (flags & VG_STORE_READONLY) {
        if ((st = open_readonly(s, &version)) != VG_OK)
            return st;
        if (version == 0) {
            snprintf(s->err, sizeof s->err, "%s: not a vigie store (no schema)", path);
            return VG_EFORMAT;
        }
        vg_store_exec(s, "PRAGMA query_only = 1");
        return VG_OK;
    }
    if (open_db(s, path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) != SQLITE_OK)
        return vg_store_fail(s, "cannot open");
    if ((st = identify(s, &version, &rc)) != VG_OK) /* before the first write: see identify() */
        return st;
    if (vg_store_exec(s, "PRAGMA journal_mode = WAL") != SQLITE_OK)
        return vg_store_fail(s, "cannot use a write-ahead log");
    vg_store_exec(s, "PRAGMA synchronous = NORMAL");
    vg_store_exec(s, "PRAGMA wal_autocheckpoint = 16384"); /* 64 MiB between checkpoints: fewer, larger writes */
    vg_store_exec(s, "PRAGMA temp_store = MEMORY");
    vg_store_exec(s, "PRAGMA foreign_keys = OFF"); /* documented references; the writer keeps them */
    return migrate(s);
}

void vg_store_close(vg_store *s)
{
    if (!s)
        return;
    vg_store_put_finalize(s);
    if (s->db) {
        if (!sqlite3_get_autocommit(s->db))
            vg_store_exec(s, "ROLLBACK");
        sqlite3_close_v2(s->db);
    }
    free(s);
}

const char *vg_store_errmsg(const vg_store *s) { return s ? s->err : "out of memory"; }

bool vg_store_immutable(const vg_store *s) { return s && s->immutable; }

sqlite3 *vg_store_db(vg_store *s) { return s->db; }

void vg_store_remove(const char *path)
{
    char aux[4096];
    unlink(path);
    snprintf(aux, sizeof aux, "%s-wal", path);
    unlink(aux);
    snprintf(aux, sizeof aux, "%s-shm", path);
    unlink(aux);
}

vg_status vg_store_count(vg_store *s, vg_store_counts *c)
{
    c->documents = int_query(s, "SELECT count(*) FROM documents");
    c->events = int_query(s, "SELECT count(*) FROM events");
    c->mentions = int_query(s, "SELECT count(*) FROM mentions");
    c->sentences = int_query(s, "SELECT count(*) FROM sentences");
    if (c->documents < 0 || c->events < 0 || c->mentions < 0 || c->sentences < 0)
        return vg_store_fail(s, "counting rows");
    return VG_OK;
}
