/* cmd_ingest.c — `vigie ingest`: code documents into the event store (src/store/, docs/store.md).
**
** The document loop is cli_run's: workers code, the main thread writes. A worker hands its events
** over as an array of fixed-size vg_store_event records (the "output" of its document); the main
** thread puts them in the store, committing every --batch documents. Documents already stored with
** the same content are not coded again, so an interrupted ingest run again picks up where it was. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "handover.h"
#include "sanitize.h"
#include "store.h"

static const char usage[] =
    "Usage: vigie ingest [options] [FILE|DIR|-]...\n"
    "Code documents into an event store (SQLite): events seen in many sentences and articles are\n"
    "stored once, with their counts of mentions, sources and articles (docs/store.md).\n"
    "Inputs as for 'vigie code' (JSON Lines records may also give \"source\", the publisher).\n"
    "A document already stored with the same id and content is left alone; one whose content\n"
    "changed has its events replaced.\n\n"
    "      --db FILE      the store (default: vigie.db; created when absent)\n"
    "      --batch N      documents a transaction (default 10000): a crash loses at most one batch,\n"
    "                     which the next run codes again\n"
    "      --no-evidence  do not keep the sentences events come from (a smaller store)\n"
    "      --no-progress  no progress line on stderr\n" CLI_COMMON_HELP
    "\nExit status: 0 all records stored, 1 some skipped (see the summary on stderr),\n"
    "2 usage error, 3 could not run (dictionaries, store).\n";

typedef struct {
    const char *path;
    unsigned flags;
    long batch, in_batch;
    vg_lang lang;   /* --lang */
    vg_store *s;
} ingest_ctx;

static uint64_t doc_hash(const ingest_ctx *c, const vg_input_doc *in)
{
    vg_lang l = c->lang != VG_LANG_UNKNOWN ? c->lang : in->lang;
    return vg_store_doc_hash(in->text, in->len, in->date, l == VG_LANG_UNKNOWN ? "" : vg_lang_name(l), in->url,
                             in->title, in->source);
}

static int ingest_open(void *ctx, const vg_engine *e)
{
    ingest_ctx *c = ctx;
    char version[17];
    if (vg_dict_version(vg_engine_data_dir(e), vg_engine_dict_dir(e), version) != VG_OK) {
        fprintf(stderr, "vigie ingest: cannot read the data directory %s\n", vg_engine_data_dir(e));
        return -1;
    }
    if (vg_store_set_dict(c->s, version) != VG_OK) {
        fprintf(stderr, "vigie ingest: %s\n", vg_store_errmsg(c->s));
        return -1;
    }
    return 0;
}

static int ingest_want(void *ctx, const vg_input_doc *in, uint64_t *tag)
{
    ingest_ctx *c = ctx;
    vg_doc_state st;
    *tag = doc_hash(c, in);
    if (vg_store_doc_state(c->s, in->id, *tag, &st) != VG_OK)
        return 1; /* the write will say what is wrong */
    return st != VG_DOC_SAME;
}

static long ingest_sink(void *ctx, const vg_input_doc *in, uint64_t tag, const char *out, size_t n)
{
    ingest_ctx *c = ctx;
    cli_handover h;
    const vg_store_event *ev = cli_handover_read(out, n, "ingest", in->id, &h);
    if (!ev)
        return -1;
    if (!c->in_batch && vg_store_begin(c->s) != VG_OK)
        goto fail;
    c->in_batch++;
    vg_store_doc d = { in->id, in->url, in->title, in->source, in->date, h.lang, in->text, in->len,
                       h.nsentences, tag };
    vg_doc_state st;
    if (vg_store_put(c->s, &d, ev, h.n, &st) != VG_OK)
        goto fail;
    if (c->in_batch >= c->batch) {
        if (vg_store_commit(c->s) != VG_OK)
            goto fail;
        c->in_batch = 0;
    }
    return (long)h.n;
fail:
    /* the id is the document's, anything at all: through the output rule (sanitize.h), cut at 80 bytes */
    fprintf(stderr, "vigie ingest: %s: record \"", in->file);
    vg_san_write(stderr, in->id, strnlen(in->id, 80), 0);
    fprintf(stderr, "\": %s\n", vg_store_errmsg(c->s));
    if (c->in_batch) { /* a document half-written is not kept: its batch goes, to be ingested again */
        fprintf(stderr, "vigie ingest: the last %ld documents were not stored; run again to store them\n",
                c->in_batch);
        vg_store_rollback(c->s);
        c->in_batch = 0;
    }
    return -1;
}

static int ingest_finish(void *ctx)
{
    ingest_ctx *c = ctx;
    if (c->in_batch) {
        if (vg_store_commit(c->s) != VG_OK) {
            fprintf(stderr, "vigie ingest: %s\n", vg_store_errmsg(c->s));
            vg_store_rollback(c->s);
            return -1;
        }
        c->in_batch = 0;
    }
    /* statistics for the query planner, sampled so that it stays fast on big stores */
    sqlite3_exec(vg_store_db(c->s), "PRAGMA analysis_limit = 1000; ANALYZE", NULL, NULL, NULL);
    return 0;
}

int cmd_ingest(int argc, char **argv)
{
    enum { OPT_DB = 1000, OPT_BATCH, OPT_NO_EVIDENCE, OPT_NO_PROGRESS };
    static const struct option longopts[] = { { "db", required_argument, 0, OPT_DB },
                                              { "batch", required_argument, 0, OPT_BATCH },
                                              { "no-evidence", no_argument, 0, OPT_NO_EVIDENCE },
                                              { "no-progress", no_argument, 0, OPT_NO_PROGRESS },
                                              CLI_COMMON_LONGOPTS,
                                              { 0, 0, 0, 0 } };
    cli_common c = { 0 };
    ingest_ctx x = { 0 };
    x.path = "vigie.db";
    x.batch = 10000;
    int opt, r, progress = 1;
    optind = 1;
    while ((opt = getopt_long(argc, argv, "i:l:D:qhj:", longopts, NULL)) != -1) {
        if ((r = cli_common_opt(&c, opt, optarg, "ingest")) != 0) {
            if (r < 0)
                return EXIT_USAGE;
            continue;
        }
        switch (opt) {
        case OPT_DB:
            x.path = optarg;
            break;
        case OPT_BATCH: {
            char *end;
            x.batch = strtol(optarg, &end, 10);
            if (*end || x.batch < 1)
                return cli_usage_error("ingest", "--batch needs a number of documents, not '%s'", optarg);
            break;
        }
        case OPT_NO_EVIDENCE:
            x.flags |= VG_STORE_NO_EVIDENCE;
            break;
        case OPT_NO_PROGRESS:
            progress = 0;
            break;
        case 'h':
            fputs(usage, stdout);
            return EXIT_ALL_OK;
        default:
            return cli_usage_error("ingest", "%s", "bad option");
        }
    }
    x.lang = c.lang;
    if (vg_store_open(x.path, x.flags, &x.s) != VG_OK) {
        fprintf(stderr, "vigie ingest: %s\n", vg_store_errmsg(x.s));
        vg_store_close(x.s);
        return EXIT_FAILED;
    }
    cli_job job = { .c = &c, .code = 1, .verb = "coded", .unit = "events", .fn = cli_handover_write, .ctx = &x,
                    .on_open = ingest_open, .want = ingest_want, .sink = ingest_sink, .finish = ingest_finish,
                    .progress = progress };
    int status = cli_run(&job, argv + optind, argc - optind);
    vg_store_counts n;
    if (!c.quiet && vg_store_count(x.s, &n) == VG_OK)
        fprintf(stderr, "vigie: %s: %lld documents, %lld events, %lld mentions\n", x.path, (long long)n.documents,
                (long long)n.events, (long long)n.mentions);
    vg_store_close(x.s);
    return status;
}
