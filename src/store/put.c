/* put.c — writing documents and their events into the store, deduplicating as GDELT does.
**
** The rule (docs/store.md §Deduplication): two mentions are the same event when they have the same
** day, source, target, event code and place country. The event row counts
**   mentions  every sentence that mentions it (NumMentions),
**   articles  the distinct documents (NumArticles),
**   sources   the distinct sites those documents come from (NumSources); a document whose site is
**             unknown counts as a site of its own,
** and keeps its first mention as the root (first_mention). An undated mention is never merged:
** nothing says two undated reports are of one event.
**
** Why it is fast: every statement is prepared once; the dedup is one upsert on the events_key index
** probe of the events_key index, then an insert or an update by row id; the mention id is chosen before the event row is
** written, so a new event is written once; sites and rules are looked up in memory.
** Why it is deterministic: row ids depend only on the order documents arrive in, not on how they are
** batched into transactions, so an ingest interrupted and run again ends with the same rows. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store_int.h"

static const char *const sql[ST_COUNT] = {
    [ST_DOC_GET] = "SELECT id, hash, first_mention, events FROM documents WHERE ext_id = ?",
    [ST_DOC_INS] = "INSERT INTO documents (ext_id, url, title, site, day, lang, hash, bytes, sentences, events,"
                   " first_mention, dict, added) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?14, ?11, ?12)",
    [ST_DOC_UPD] = "UPDATE documents SET url = ?2, title = ?3, site = ?4, day = ?5, lang = ?6, hash = ?7,"
                   " bytes = ?8, sentences = ?9, events = ?10, first_mention = ?14, dict = ?11, added = ?12"
                   " WHERE id = ?13",
    [ST_SITE] = "INSERT INTO sites (name) VALUES (?) ON CONFLICT (name) DO UPDATE SET name = excluded.name"
                " RETURNING id",
    [ST_RULE] = "INSERT INTO rules (rule) VALUES (?) ON CONFLICT (rule) DO UPDATE SET rule = excluded.rule"
                " RETURNING id",
    [ST_NEXT_MENTION] = "SELECT coalesce(max(id), 0) + 1 FROM mentions",
    [ST_EV_FIND] = "SELECT id FROM events WHERE day = ?1 AND source = ?2 AND target = ?3 AND code = ?4"
                   " AND country = ?5",
    [ST_EV_INS] = "INSERT INTO events (day, source, target, code, country, root, quad, mentions, sources, articles,"
                  " langs, lead, first_mention) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1, 1, 1, ?8, ?9, ?10)",
    [ST_SITE_SEEN] = "SELECT 1 FROM mentions WHERE event = ? AND site = ? LIMIT 1",
    [ST_EV_INC] = "UPDATE events SET mentions = mentions + 1, sources = sources + ?1, articles = articles + ?2,"
                  " langs = langs | ?3 WHERE id = ?4",
    [ST_MEN_INS] = "INSERT INTO mentions VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,"
                   " ?16, ?17, ?18, ?19)",
    [ST_SENT_INS] = "INSERT OR IGNORE INTO sentences VALUES (?1, ?2, ?3, ?4)",
    [ST_DOC_EVENTS] = "SELECT DISTINCT event FROM mentions WHERE id BETWEEN ?1 AND ?2",
    [ST_DOC_DEL_MEN] = "DELETE FROM mentions WHERE id BETWEEN ?1 AND ?2",
    [ST_DOC_DEL_SENT] = "DELETE FROM sentences WHERE doc = ?",
    /* a changed document's old mentions are gone: count again what is left (rare: no hurry) */
    [ST_EV_RECOUNT] =
        "UPDATE events SET mentions = (SELECT count(*) FROM mentions WHERE event = ?1),"
        " articles = (SELECT count(DISTINCT doc) FROM mentions WHERE event = ?1),"
        " sources = (SELECT count(DISTINCT site) FROM mentions WHERE event = ?1),"
        " first_mention = coalesce((SELECT min(id) FROM mentions WHERE event = ?1), 0),"
        " lead = coalesce((SELECT sentence < 3 FROM mentions WHERE event = ?1 ORDER BY id LIMIT 1), 0),"
        " langs = coalesce((SELECT max(d.lang = 'fr') | (max(d.lang = 'en') << 1) FROM mentions m"
        "   JOIN documents d ON d.id = m.doc WHERE m.event = ?1), 0)"
        " WHERE id = ?1",
    [ST_EV_DROP] = "DELETE FROM events WHERE id = ? AND mentions = 0",
};

void vg_store_put_finalize(vg_store *s)
{
    for (int i = 0; i < ST_COUNT; i++) {
        sqlite3_finalize(s->st[i]);
        s->st[i] = NULL;
    }
    vg_strset_free(s->sites);
    vg_strset_free(s->rules);
    s->sites = s->rules = NULL;
    free(s->site_ids);
    free(s->rule_ids);
    free(s->seen);
    s->site_ids = s->rule_ids = s->seen = NULL;
}

static vg_status prepare(vg_store *s)
{
    if (s->st[0])
        return VG_OK;
    if (s->flags & VG_STORE_READONLY) {
        snprintf(s->err, sizeof s->err, "%s: opened read-only", s->path);
        return VG_EMISUSE;
    }
    for (int i = 0; i < ST_COUNT; i++)
        if (sqlite3_prepare_v3(s->db, sql[i], -1, SQLITE_PREPARE_PERSISTENT, &s->st[i], NULL) != SQLITE_OK) {
            vg_store_fail(s, "preparing the write path");
            vg_store_put_finalize(s);
            return VG_EIO;
        }
    vg_mem_init(&s->mem, NULL);
    if (vg_strset_new(&s->mem, &s->sites) != VG_OK || vg_strset_new(&s->mem, &s->rules) != VG_OK)
        return VG_ENOMEM;
    return VG_OK;
}

/* Run a statement that returns nothing (or whose rows do not matter); reset it either way. */
static int done(sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);
    while (rc == SQLITE_ROW)
        rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return rc == SQLITE_DONE ? 0 : -1;
}

static void bind_str(sqlite3_stmt *st, int i, const char *v)
{
    if (v && *v)
        sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, i);
}

vg_status vg_store_begin(vg_store *s)
{
    s->next_mention = 0;
    return vg_store_exec(s, "BEGIN IMMEDIATE") == SQLITE_OK ? VG_OK : vg_store_fail(s, "cannot start writing");
}

vg_status vg_store_commit(vg_store *s)
{
    return vg_store_exec(s, "COMMIT") == SQLITE_OK ? VG_OK : vg_store_fail(s, "cannot commit");
}

/* The rows of a transaction rolled back are gone, but the map would still name them: the caller
** rolls back through vg_store_rollback(), and the maps are emptied here for the next put. */
static void forget_ids(vg_store *s)
{
    if (s->site_ids)
        memset(s->site_ids, 0, s->site_cap * sizeof(int64_t));
    if (s->rule_ids)
        memset(s->rule_ids, 0, s->rule_cap * sizeof(int64_t));
}

vg_status vg_store_rollback(vg_store *s)
{
    forget_ids(s);
    s->next_mention = 0;
    return vg_store_exec(s, "ROLLBACK") == SQLITE_OK ? VG_OK : vg_store_fail(s, "cannot roll back");
}

vg_status vg_store_set_dict(vg_store *s, const char *version)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db,
                           "INSERT INTO dictionaries (version, vigie, first_used) VALUES (?1, ?2, ?3)"
                           " ON CONFLICT (version) DO UPDATE SET version = excluded.version RETURNING id",
                           -1, &st, NULL) != SQLITE_OK)
        return vg_store_fail(s, "recording the dictionaries");
    sqlite3_bind_text(st, 1, version, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, VG_VERSION, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 3, (sqlite3_int64)time(NULL));
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        s->dict_id = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? VG_OK : vg_store_fail(s, "recording the dictionaries");
}

/* ---- the dictionary version: a hash of the data directory ---- */

typedef struct {
    uint64_t h;
    size_t root; /* length of the data directory's path: names are hashed relative to it */
} dict_hash;

static vg_status hash_file(void *ctx, const char *path)
{
    dict_hash *d = ctx;
    size_t len;
    char *b = vg_read_file(path, &len);
    if (!b)
        return VG_EIO;
    d->h = vg_hash64(path + d->root, strlen(path + d->root) + 1, d->h);
    d->h = vg_hash64(b, len, d->h);
    free(b);
    return VG_OK;
}

vg_status vg_dict_version(const char *data_dir, const char *dict_dir, char out[17])
{
    dict_hash d = { vg_hash64(VG_VERSION, strlen(VG_VERSION), 0), strlen(data_dir) }; /* the coder's code is part of it */
    vg_mem mem;
    vg_mem_init(&mem, NULL);
    vg_status rc = vg_walk(&mem, data_dir, hash_file, &d);
    size_t n = strlen(data_dir);
    if (rc == VG_OK && dict_dir && *dict_dir && !(!strncmp(dict_dir, data_dir, n) && !strcmp(dict_dir + n, "/dict"))) {
        d.root = strlen(dict_dir); /* a dictionary of its own (--dict): its files count too */
        rc = vg_walk(&mem, dict_dir, hash_file, &d);
    }
    snprintf(out, 17, "%016llx", (unsigned long long)d.h);
    return rc;
}

/* ---- documents ---- */

uint64_t vg_store_doc_hash(const char *text, size_t len, const char *date, const char *lang, const char *url,
                           const char *title, const char *source)
{
    uint64_t h = vg_hash64(text, len, 0x766967696521ull);
    const char *f[5] = { date, lang, url, title, source };
    for (int i = 0; i < 5; i++) /* NUL-terminated, so that moving a byte between fields changes it */
        h = vg_hash64(f[i] ? f[i] : "", f[i] ? strlen(f[i]) + 1 : 0, h);
    return h;
}

/* Look a document up by id: its state against hash, and when stored its row and its run of
** mentions (first, n). */
typedef struct {
    int64_t row, first, n;
} stored_doc;

static vg_status lookup(vg_store *s, const char *id, uint64_t hash, vg_doc_state *state, stored_doc *old)
{
    sqlite3_stmt *st = s->st[ST_DOC_GET];
    sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    memset(old, 0, sizeof *old);
    int r = sqlite3_step(st);
    *state = VG_DOC_NEW;
    if (r == SQLITE_ROW) {
        old->row = sqlite3_column_int64(st, 0);
        old->first = sqlite3_column_int64(st, 2);
        old->n = sqlite3_column_type(st, 2) == SQLITE_NULL ? 0 : sqlite3_column_int64(st, 3);
        *state = (uint64_t)sqlite3_column_int64(st, 1) == hash ? VG_DOC_SAME : VG_DOC_CHANGED;
    }
    sqlite3_reset(st);
    return r == SQLITE_ROW || r == SQLITE_DONE ? VG_OK : vg_store_fail(s, "looking up a document");
}

vg_status vg_store_doc_state(vg_store *s, const char *id, uint64_t hash, vg_doc_state *state)
{
    stored_doc old;
    vg_status rc = prepare(s);
    return rc != VG_OK ? rc : lookup(s, id, hash, state, &old);
}

/* The site a document comes from: its source, else its URL's host without "www.", lower case. */
static size_t site_name(const vg_store_doc *d, char *out, size_t cap)
{
    const char *p = d->source;
    size_t n = 0;
    if (p && *p) {
        n = strlen(p);
    } else if (d->url && *d->url) {
        p = vg_url_host(d->url, &n);
    }
    if (n >= cap)
        n = cap - 1;
    for (size_t i = 0; i < n; i++)
        out[i] = (char)tolower((unsigned char)p[i]);
    out[n] = 0;
    return n;
}

/* name → rowid in table (sites or rules), through an in-memory map. */
static int64_t intern(vg_store *s, int which, const char *name, size_t n)
{
    vg_strset *set = which == ST_SITE ? s->sites : s->rules;
    int64_t **ids = which == ST_SITE ? &s->site_ids : &s->rule_ids;
    size_t *cap = which == ST_SITE ? &s->site_cap : &s->rule_cap;
    uint32_t k = vg_strset_id(set, name, n);
    if (k && k < *cap && (*ids)[k])
        return (*ids)[k];
    sqlite3_stmt *st = s->st[which];
    sqlite3_bind_text(st, 1, name, (int)n, SQLITE_STATIC);
    int64_t id = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    if (!id)
        return 0;
    if (!k && (vg_strset_add(set, name, n) != VG_OK || !(k = vg_strset_id(set, name, n))))
        return id;
    if (vg_grow(&s->mem, (void **)ids, cap, (size_t)k + 1, sizeof(int64_t)) == VG_OK)
        (*ids)[k] = id;
    return id;
}

/* Drop a changed document's mentions (ids first .. first + n - 1) and evidence; count its events
** again. */
static vg_status unput(vg_store *s, int64_t doc, int64_t first, int64_t nmen)
{
    sqlite3_stmt *st = s->st[ST_DOC_EVENTS];
    size_t n = 0;
    sqlite3_bind_int64(st, 1, first);
    sqlite3_bind_int64(st, 2, first + nmen - 1);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (vg_grow(&s->mem, (void **)&s->seen, &s->seen_cap, n + 1, sizeof(int64_t)) != VG_OK) {
            sqlite3_reset(st);
            return VG_ENOMEM;
        }
        s->seen[n++] = sqlite3_column_int64(st, 0);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return vg_store_fail(s, "reading a changed document's events");
    sqlite3_bind_int64(s->st[ST_DOC_DEL_MEN], 1, first);
    sqlite3_bind_int64(s->st[ST_DOC_DEL_MEN], 2, first + nmen - 1);
    sqlite3_bind_int64(s->st[ST_DOC_DEL_SENT], 1, doc);
    if (done(s->st[ST_DOC_DEL_MEN]) || done(s->st[ST_DOC_DEL_SENT]))
        return vg_store_fail(s, "removing a changed document's mentions");
    for (size_t i = 0; i < n; i++) {
        sqlite3_bind_int64(s->st[ST_EV_RECOUNT], 1, s->seen[i]);
        sqlite3_bind_int64(s->st[ST_EV_DROP], 1, s->seen[i]);
        if (done(s->st[ST_EV_RECOUNT]) || done(s->st[ST_EV_DROP]))
            return vg_store_fail(s, "counting a changed document's events again");
    }
    return VG_OK;
}

static vg_status put_doc_row(vg_store *s, const vg_store_doc *d, int64_t site, size_t n, int64_t mention,
                             int64_t existing, int64_t *doc)
{
    sqlite3_stmt *st = s->st[existing ? ST_DOC_UPD : ST_DOC_INS];
    sqlite3_bind_text(st, 1, d->id, -1, SQLITE_STATIC);
    bind_str(st, 2, d->url);
    bind_str(st, 3, d->title);
    if (site)
        sqlite3_bind_int64(st, 4, site);
    if (d->date && vg_date_valid(d->date, strlen(d->date)))
        sqlite3_bind_int(st, 5, vg_days_from_civil(atoi(d->date), atoi(d->date + 5), atoi(d->date + 8)));
    sqlite3_bind_text(st, 6, d->lang ? d->lang : "und", -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 7, (sqlite3_int64)d->hash);
    sqlite3_bind_int64(st, 8, (sqlite3_int64)d->len);
    sqlite3_bind_int64(st, 9, (sqlite3_int64)d->nsentences);
    sqlite3_bind_int64(st, 10, (sqlite3_int64)n);
    if (s->dict_id)
        sqlite3_bind_int64(st, 11, s->dict_id);
    sqlite3_bind_int64(st, 12, (sqlite3_int64)time(NULL));
    if (existing)
        sqlite3_bind_int64(st, 13, existing);
    if (n)
        sqlite3_bind_int64(st, 14, mention);
    if (done(st))
        return vg_store_fail(s, "writing a document");
    *doc = existing ? existing : sqlite3_last_insert_rowid(s->db);
    return VG_OK;
}

static vg_status put_event(vg_store *s, const vg_store_doc *d, int64_t doc, int64_t site, const vg_store_event *e,
                           int64_t mention, size_t *nseen)
{
    int lang = d->lang && !strcmp(d->lang, "fr") ? 1 : d->lang && !strcmp(d->lang, "en") ? 2 : 0;
    /* the dedup key: (day, source, target, code, country); undated events are never merged */
    int64_t ev = 0;
    sqlite3_stmt *st = s->st[ST_EV_FIND];
    for (int pass = e->has_day ? 0 : 1; pass < 2 && !ev; pass++) {
        if (pass == 1)
            st = s->st[ST_EV_INS];
        if (e->has_day)
            sqlite3_bind_int(st, 1, e->day);
        sqlite3_bind_text(st, 2, e->source, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, e->target, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 4, e->code, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 5, e->country, -1, SQLITE_STATIC);
        if (pass == 0) {
            int r = sqlite3_step(st);
            if (r == SQLITE_ROW)
                ev = sqlite3_column_int64(st, 0);
            sqlite3_reset(st);
            if (r != SQLITE_ROW && r != SQLITE_DONE)
                return vg_store_fail(s, "looking up an event");
            continue;
        }
        sqlite3_bind_int(st, 6, (e->code[0] - '0') * 10 + (e->code[1] - '0'));
        sqlite3_bind_int(st, 7, e->quad);
        sqlite3_bind_int(st, 8, lang);
        sqlite3_bind_int(st, 9, e->sentence < 3);
        sqlite3_bind_int64(st, 10, mention);
        if (done(st))
            return vg_store_fail(s, "writing an event");
        if (vg_grow(&s->mem, (void **)&s->seen, &s->seen_cap, *nseen + 1, sizeof(int64_t)) != VG_OK)
            return VG_ENOMEM;
        s->seen[(*nseen)++] = sqlite3_last_insert_rowid(s->db);
        ev = s->seen[*nseen - 1];
        goto mention;
    }
    /* an event seen before: by this document (one more mention), or by another one (one more
    ** article, and one more source unless its site reported it already) */
    int in_doc = 0, new_site = 0;
    for (size_t i = 0; i < *nseen && !in_doc; i++)
        in_doc = s->seen[i] == ev;
    if (!in_doc) {
        sqlite3_stmt *q = s->st[ST_SITE_SEEN];
        sqlite3_bind_int64(q, 1, ev);
        sqlite3_bind_int64(q, 2, site);
        int r = sqlite3_step(q);
        sqlite3_reset(q);
        if (r != SQLITE_ROW && r != SQLITE_DONE)
            return vg_store_fail(s, "counting sources");
        new_site = r == SQLITE_DONE;
        if (vg_grow(&s->mem, (void **)&s->seen, &s->seen_cap, *nseen + 1, sizeof(int64_t)) != VG_OK)
            return VG_ENOMEM;
        s->seen[(*nseen)++] = ev;
    }
    st = s->st[ST_EV_INC];
    sqlite3_bind_int(st, 1, new_site);
    sqlite3_bind_int(st, 2, !in_doc);
    sqlite3_bind_int(st, 3, lang);
    sqlite3_bind_int64(st, 4, ev);
    if (done(st))
        return vg_store_fail(s, "counting an event's mentions");
mention:;
    st = s->st[ST_MEN_INS];
    int64_t rule = e->rule[0] ? intern(s, ST_RULE, e->rule, strlen(e->rule)) : 0;
    sqlite3_bind_int64(st, 1, mention);
    sqlite3_bind_int64(st, 2, ev);
    sqlite3_bind_int64(st, 3, doc);
    sqlite3_bind_int64(st, 4, site);
    sqlite3_bind_int64(st, 5, e->sentence);
    for (int k = 0; k < 10; k += 2)
        if (e->span[k + 1] > e->span[k]) {
            sqlite3_bind_int64(st, 6 + k, e->span[k]);
            sqlite3_bind_int64(st, 7 + k, e->span[k + 1]);
        }
    if (e->has_geo) {
        sqlite3_bind_double(st, 16, round(e->lat * 1e4) / 1e4); /* 11 m: what a gazetteer knows */
        sqlite3_bind_double(st, 17, round(e->lon * 1e4) / 1e4);
    }
    sqlite3_bind_int(st, 18, (int)(e->confidence * 100.0f + 0.5f));
    sqlite3_bind_int64(st, 19, rule);
    if (done(st))
        return vg_store_fail(s, "writing a mention");
    if (!(s->flags & VG_STORE_NO_EVIDENCE) && d->text && e->sent_end <= d->len && e->sent_start < e->sent_end) {
        st = s->st[ST_SENT_INS];
        sqlite3_bind_int64(st, 1, doc);
        sqlite3_bind_int64(st, 2, e->sentence);
        sqlite3_bind_int64(st, 3, e->sent_start);
        sqlite3_bind_text(st, 4, d->text + e->sent_start, (int)(e->sent_end - e->sent_start), SQLITE_STATIC);
        if (done(st))
            return vg_store_fail(s, "writing evidence");
    }
    return VG_OK;
}

vg_status vg_store_put(vg_store *s, const vg_store_doc *d, const vg_store_event *ev, size_t n, vg_doc_state *state)
{
    vg_status rc = prepare(s);
    if (rc != VG_OK)
        return rc;
    if (sqlite3_get_autocommit(s->db)) {
        snprintf(s->err, sizeof s->err, "%s: vg_store_put outside a transaction", s->path);
        return VG_EMISUSE;
    }
    stored_doc old;
    if ((rc = lookup(s, d->id, d->hash, state, &old)) != VG_OK || *state == VG_DOC_SAME)
        return rc;
    int64_t existing = old.row;
    if (existing && (rc = unput(s, existing, old.first, old.n)) != VG_OK)
        return rc;
    /* max(id) + 1, asked once a transaction and again after a replacement deleted mentions: the
    ** same numbers as asking every time, so ids do not depend on how documents are batched */
    if (!s->next_mention || existing) {
        sqlite3_stmt *st = s->st[ST_NEXT_MENTION];
        s->next_mention = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
        sqlite3_reset(st);
        if (!s->next_mention)
            return vg_store_fail(s, "numbering mentions");
    }
    int64_t mention = s->next_mention;
    s->next_mention += (int64_t)n;
    char name[256];
    size_t nn = site_name(d, name, sizeof name);
    int64_t site = nn ? intern(s, ST_SITE, name, nn) : 0, doc = 0;
    if ((rc = put_doc_row(s, d, site, n, mention, existing, &doc)) != VG_OK)
        return rc;
    if (!site)
        site = -doc; /* a document of unknown origin is a source of its own */
    size_t nseen = 0;
    for (size_t i = 0; i < n; i++)
        if ((rc = put_event(s, d, doc, site, &ev[i], mention++, &nseen)) != VG_OK)
            return rc;
    return VG_OK;
}
