/* run.c — the document loop shared by segment and code: inputs in, documents analysed (or coded)
** on N threads, output written in input order, diagnostics on stderr naming file, line and reason,
** and a summary that accounts for every record: read = done + skipped, skipped by reason.
**
** Threads: the engine is read-only and shared; each worker owns a vg_doc. Documents are read in
** batches by the main thread (copied out of the reader's buffers), coded by the workers into
** per-document output buffers, then written by the main thread in input order — so `-j 4` writes the
** same bytes as `-j 1`. */
#define _GNU_SOURCE /* fopencookie */
#include <errno.h>
#include <stddef.h>
#include <getopt.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

int cli_usage_error(const char *cmd, const char *fmt, const char *arg)
{
    fprintf(stderr, "vigie %s: ", cmd);
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nTry 'vigie %s --help'.\n", cmd);
    return EXIT_USAGE;
}

int cli_common_opt(cli_common *c, int opt, const char *arg, const char *cmd)
{
    switch (opt) {
    case 'i':
        if (!strcmp(arg, "auto")) c->input = VG_IN_AUTO;
        else if (!strcmp(arg, "text")) c->input = VG_IN_TEXT;
        else if (!strcmp(arg, "jsonl")) c->input = VG_IN_JSONL;
        else if (!strcmp(arg, "html")) c->input = VG_IN_HTML;
        else if (!strcmp(arg, "warc")) c->input = VG_IN_WARC;
        else if (!strcmp(arg, "feed")) c->input = VG_IN_FEED;
        else return cli_usage_error(cmd, "unknown input kind '%s'", arg), -1;
        return 1;
    case 'l':
        c->lang = vg_lang_parse(arg, strlen(arg));
        if (c->lang != VG_LANG_FR && c->lang != VG_LANG_EN)
            return cli_usage_error(cmd, "--lang must be fr or en, not '%s'", arg), -1;
        return 1;
    case 'D':
        c->data_dir = arg;
        return 1;
    case 'K':
        c->dict_dir = arg;
        return 1;
    case 'q':
        c->quiet = 1;
        return 1;
    case 'j': {
        char *end;
        long n = strtol(arg, &end, 10);
        if (*end || n < 1 || n > 256)
            return cli_usage_error(cmd, "-j needs a number of threads from 1 to 256, not '%s'", arg), -1;
        c->jobs = (int)n;
        return 1;
    }
    }
    return 0;
}

/* vigie: FILE[:LINE]: [record "ID": ]skipped: REASON */
static void diag(const char *file, uint64_t line, const char *id, const char *why)
{
    fprintf(stderr, "vigie: %s", file);
    if (line)
        fprintf(stderr, ":%llu", (unsigned long long)line);
    if (id)
        fprintf(stderr, ": record \"%.80s\"", id);
    fprintf(stderr, ": skipped: %s\n", why);
}

/* vigie: FILE[:LINE]: [record "ID": ]warning: N NUL characters … — a record coded all the same */
static void warn(const char *file, uint64_t line, const char *id, size_t nuls)
{
    fprintf(stderr, "vigie: %s", file);
    if (line)
        fprintf(stderr, ":%llu", (unsigned long long)line);
    if (id)
        fprintf(stderr, ": record \"%.80s\"", id);
    fprintf(stderr, ": warning: %zu NUL character%s (U+0000) in the text, read as space%s\n", nuls, nuls == 1 ? "" : "s",
            nuls == 1 ? "" : "s");
}

/* The progress line of long runs: documents and items a second, and the time left when the
** inputs' size is known. On a terminal it rewrites itself every second; elsewhere (a log) it is a
** line every 10 s. Only runs over 2 s show one. */
typedef struct {
    struct timespec t0, last;
    int shown, tty;
} progress_state;

static double since(const struct timespec *a)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - a->tv_sec) + (double)(now.tv_nsec - a->tv_nsec) / 1e9;
}

static void progress_start(progress_state *p)
{
    clock_gettime(CLOCK_MONOTONIC, &p->t0);
    p->last = p->t0;
    p->tty = isatty(2);
}

static void progress(progress_state *p, const vg_reader *r, unsigned long long docs, unsigned long long items,
                     int last)
{
    double t = since(&p->t0);
    if (last ? !p->shown : t < 2 || since(&p->last) < (p->tty ? 1 : 10))
        return;
    clock_gettime(CLOCK_MONOTONIC, &p->last);
    uint64_t done, total;
    vg_reader_progress(r, &done, &total);
    fprintf(stderr, "%svigie: %llu documents (%.0f/s), %llu events (%.0f/s)", p->tty ? "\r" : "", docs,
            (double)docs / t, items, (double)items / t);
    if (total && done && !last) {
        double left = t * (double)(total - (done < total ? done : total)) / (double)done;
        fprintf(stderr, ", %.0f%%, %d:%02d left", 100.0 * (double)done / (double)total, (int)left / 60,
                (int)left % 60);
    }
    fputs(p->tty && !last ? "\033[K" : "\n", stderr);
    p->shown = 1;
}

/* Largest buffer a batch slot keeps between batches. */
#define SLOT_KEEP_BYTES ((size_t)256 << 10)

/* The strings of an input document a slot keeps its own copy of (the reader's are overwritten by
** the next document), by their place in vg_input_doc. */
enum { S_DATE, S_URL, S_TITLE, S_SOURCE, S_CHARSET, S_FALLBACK, S_EVENTS, S_LANG_TAG, S_COUNT };
static const size_t doc_strings[S_COUNT] = {
    offsetof(vg_input_doc, date),    offsetof(vg_input_doc, url),           offsetof(vg_input_doc, title),
    offsetof(vg_input_doc, source),  offsetof(vg_input_doc, charset),       offsetof(vg_input_doc, fallback_date),
    offsetof(vg_input_doc, events),  offsetof(vg_input_doc, lang_tag),
};

/* One document of a batch: its copy of the input, then what a worker made of it. */
typedef struct {
    vg_buf text, id, file, str[S_COUNT];
    vg_buf body;        /* a web page's article text, extracted by the worker */
    vg_input_doc in;
    uint64_t ordinal, tag;
    int unchanged;      /* the job did not want it coded */
    vg_skip why;        /* VG_SKIP_NONE: to code */
    char msg[512];
    char *out;          /* rendered output */
    size_t outn;
    size_t invalid;
    long items;         /* sentences or events written */
    int write_failed;
} slot;

typedef struct {
    const cli_job *job;
    const vg_engine *e;
    vg_doc *d;
    vg_extractor *x;
    slot *slots;
    size_t nslots, first, step;
} worker;

static const char *copy(vg_buf *b, const char *s)
{
    if (!s)
        return NULL;
    vg_buf_clear(b);
    if (vg_buf_append(b, s, strlen(s)) != VG_OK)
        return NULL;
    return b->p;
}

/* Every buffer of a slot, to initialise and release them together. */
static vg_buf *slot_buf(slot *s, size_t i)
{
    return i == 0 ? &s->text : i == 1 ? &s->id : i == 2 ? &s->file : i == 3 ? &s->body : &s->str[i - 4];
}
#define SLOT_BUFS (4 + S_COUNT)

/* A web page or a feed item's HTML: the article's text and metadata replace the markup. What the
** record itself gave (a JSON Lines date or title) wins over what the page says. */
static int extract(const worker *w, slot *s)
{
    vg_article a;
    char err[256];
    vg_status rc = vg_extract(w->x, s->in.text, s->in.len, s->in.charset, s->in.url,
                              s->in.markup == VG_DOC_FRAGMENT ? VG_EX_FRAGMENT : 0, &a, err, sizeof err);
    if (rc != VG_OK) {
        s->why = rc == VG_ELIMIT ? VG_SKIP_LIMIT : VG_SKIP_IO;
        snprintf(s->msg, sizeof s->msg, "%s", err);
        return 0;
    }
    if (!a.len) {
        s->why = VG_SKIP_NOARTICLE;
        snprintf(s->msg, sizeof s->msg, "no article text found in the page");
        return 0;
    }
    /* the article's text changes hands, not copied; then neither the page (the slot's copy of the
    ** input) nor the extractor's model of it stay held while the article is coded: a 60 MB page
    ** otherwise kept four times its size in memory through the coding (docs/SECURITY.md) */
    vg_extractor_take_text(w->x, &s->body);
    s->in.text = s->body.p;
    s->in.len = s->body.n;
    if (s->text.cap > SLOT_KEEP_BYTES)
        vg_buf_release(&s->text);
    /* copied into the slot: the extractor's buffers are the worker's, and the sink reads the slot
    ** after the worker has gone on to other pages */
    if (!s->in.date)
        s->in.date = a.date ? copy(&s->str[S_DATE], a.date) : s->in.fallback_date;
    if (!s->in.title)
        s->in.title = copy(&s->str[S_TITLE], a.title);
    if (a.url && s->in.markup == VG_DOC_PAGE)
        s->in.url = copy(&s->str[S_URL], a.url);
    s->in.markup = VG_DOC_TEXT;
    vg_extractor_trim(w->x); /* after the metadata is copied: it lives in the extractor */
    return 1;
}

/* A document's output, held until its turn to be written, in a buffer grown by realloc: a large
** block then moves (mremap) instead of being copied, where open_memstream's growth holds the old
** and the new buffer at once, twice the output of a large page at the moment it grows. */
typedef struct {
    char **p;
    size_t *n, cap;
} outbuf;

static ssize_t out_write(void *cookie, const char *buf, size_t n)
{
    outbuf *o = cookie;
    if (*o->n + n > o->cap) {
        size_t cap = o->cap ? o->cap : 4096;
        while (cap < *o->n + n)
            cap *= 2;
        char *p = realloc(*o->p, cap);
        if (!p)
            return -1;
        *o->p = p;
        o->cap = cap;
    }
    memcpy(*o->p + *o->n, buf, n);
    *o->n += n;
    return (ssize_t)n;
}

static void run_slot(const worker *w, slot *s)
{
    const cli_job *job = w->job;
    if (s->in.markup != VG_DOC_TEXT && !extract(w, s))
        return;
    vg_docinfo info = { s->in.id, job->c->lang != VG_LANG_UNKNOWN ? job->c->lang : s->in.lang, s->in.date };
    size_t len = job->lang_only && s->in.len > VG_LANGID_BYTES ? VG_LANGID_BYTES : s->in.len;
    vg_status rc = job->code ? vg_code(w->d, s->in.text, s->in.len, &info)
                             : vg_doc_analyze(w->d, s->in.text, len, &info);
    vg_lang l = vg_doc_lang(w->d);
    if (rc == VG_ELANG && job->any_lang)
        rc = VG_OK;
    if ((rc == VG_OK || rc == VG_ELANG) && l != VG_LANG_FR && l != VG_LANG_EN && !job->any_lang) {
        s->why = VG_SKIP_LANG;
        snprintf(s->msg, sizeof s->msg, "language: %s", vg_doc_lang_code(w->d));
        return;
    }
    if (rc != VG_OK) {
        s->why = rc == VG_ELIMIT ? VG_SKIP_LIMIT : VG_SKIP_IO;
        snprintf(s->msg, sizeof s->msg, "%s",
                 rc != VG_ELIMIT                ? vg_strerror(rc)
                 : s->in.len > VG_MAX_DOC_BYTES ? "document over VG_MAX_DOC_BYTES"
                                                : "document needs more memory than its bound (VG_DOC_MEM_RATIO)");
        return;
    }
    s->invalid = len < s->in.len ? vg_utf8_invalid(s->in.text, s->in.len) : vg_doc_invalid_bytes(w->d);
    outbuf ob = { &s->out, &s->outn, 0 };
    FILE *f = fopencookie(&ob, "w", (cookie_io_functions_t){ .write = out_write });
    if (!f) {
        s->write_failed = 1;
        return;
    }
    s->items = job->fn(job->ctx, f, &s->in, w->d, s->ordinal);
    if (s->items < 0)
        s->write_failed = 1;
    if (fclose(f) != 0)
        s->write_failed = 1;
}

static void *work(void *arg)
{
    const worker *w = arg;
    for (size_t k = w->first; k < w->nslots; k += w->step)
        if (w->slots[k].why == VG_SKIP_NONE && !w->slots[k].unchanged)
            run_slot(w, &w->slots[k]);
    return NULL;
}

/* Start the workers on a batch; returns how many threads started (a worker that could not start
** has its share done at join time). */
static int start_workers(worker *workers, pthread_t *tids, int jobs, slot *sl, size_t nb)
{
    int started = 0;
    if (!nb)
        return 0;
    for (int k = 0; k < jobs; k++) {
        workers[k].slots = sl;
        workers[k].nslots = nb;
    }
    for (int k = 0; k < jobs && pthread_create(&tids[k], NULL, work, &workers[k]) == 0; k++)
        started = k + 1;
    return started;
}

static void join_workers(worker *workers, pthread_t *tids, int jobs, int started)
{
    for (int k = started; k < jobs; k++)
        if (workers[k].slots)
            work(&workers[k]);
    for (int k = 0; k < started; k++)
        pthread_join(tids[k], NULL);
    for (int k = 0; k < jobs; k++)
        workers[k].slots = NULL; /* done: a second join does nothing */
}

/* Read up to batch documents into slots; clears *more at the end of the input. */
static size_t read_batch(const cli_job *job, vg_reader *r, slot *slots, size_t batch, unsigned long long *nread,
                         int *more)
{
    size_t nb = 0;
    while (nb < batch) {
        slot *s = &slots[nb];
        vg_input_doc in;
        int got = vg_reader_next(r, &in, &s->why, s->msg, sizeof s->msg);
        if (got == 0) {
            *more = 0;
            break;
        }
        s->ordinal = (*nread)++;
        s->in = in;
        s->in.file = copy(&s->file, in.file);
        s->in.id = copy(&s->id, in.id);
        s->out = NULL;
        s->outn = 0;
        s->write_failed = 0;
        s->invalid = 0;
        if (got > 0) {
            s->why = VG_SKIP_NONE;
            vg_buf_clear(&s->text);
            if (vg_buf_append(&s->text, in.text, in.len) != VG_OK) {
                s->why = VG_SKIP_LIMIT;
                snprintf(s->msg, sizeof s->msg, "out of memory");
            }
            s->in.text = s->text.p ? s->text.p : "";
            for (int k = 0; k < S_COUNT; k++) {
                const char **f = (const char **)(void *)((char *)&s->in + doc_strings[k]);
                *f = copy(&s->str[k], *f);
            }
        }
        s->unchanged = 0;
        s->tag = 0;
        if (got > 0 && s->why == VG_SKIP_NONE && job->want)
            s->unchanged = !job->want(job->ctx, &s->in, &s->tag);
        nb++;
    }
    return nb;
}

int cli_run(const cli_job *job, char **paths, int npaths)
{
    const cli_common *c = job->c;
    int jobs = c->jobs > 0 ? c->jobs : 1;
    vg_options opt = { 0 };
    opt.data_dir = c->data_dir;
    opt.dict_dir = c->dict_dir;
    opt.flags = job->code ? 0 : VG_OPT_TEXT_ONLY;
    vg_engine *e = NULL;
    vg_reader *r = NULL;
    vg_mem mem;
    vg_mem_init(&mem, NULL);
    int status = EXIT_FAILED;
    size_t batch = (size_t)jobs * 32;
    slot *all = calloc(2 * batch, sizeof *all), *slots[2] = { all, all ? all + batch : NULL };
    worker *workers = calloc((size_t)jobs, sizeof *workers);
    pthread_t *tids = calloc((size_t)jobs, sizeof *tids);
    if (!all || !workers || !tids) {
        fprintf(stderr, "vigie: out of memory\n");
        goto done;
    }
    for (size_t k = 0; k < 2 * batch; k++)
        for (size_t i = 0; i < SLOT_BUFS; i++)
            vg_buf_init(slot_buf(&all[k], i), &mem);
    vg_status rc = vg_engine_open(&opt, &e);
    if (rc != VG_OK) {
        fprintf(stderr, "vigie: cannot load %s: %s\n", job->code ? "dictionaries" : "language data",
                vg_engine_errmsg(e));
        goto done;
    }
    for (int k = 0; k < jobs; k++) {
        workers[k] = (worker){ job, e, NULL, NULL, NULL, 0, (size_t)k, (size_t)jobs };
        if (vg_doc_new(e, &workers[k].d) != VG_OK || vg_extractor_new(&mem, &workers[k].x) != VG_OK) {
            fprintf(stderr, "vigie: out of memory\n");
            goto done;
        }
    }
    if (vg_reader_new(&mem, c->input, &r) != VG_OK || (npaths == 0 && vg_reader_add(r, "-") != VG_OK))
        goto done;
    for (int i = 0; i < npaths; i++)
        if (vg_reader_add(r, paths[i]) != VG_OK) {
            fprintf(stderr, "vigie: out of memory\n");
            goto done;
        }
    if (job->on_open && job->on_open(job->ctx, e) < 0)
        goto done;
    unsigned long long nread = 0, ndone = 0, nsame = 0, nlost = 0, nskip[VG_SKIP_COUNT] = { 0 }, invalid = 0, items = 0,
                       nuls = 0;
    progress_state pg = { 0 };
    progress_start(&pg);
    /* Two batches in flight: while the workers code one, this thread writes the one before it and
    ** reads the one after (reading, gunzip, the store's lookups and writes are serial work). */
    int failed = 0, more = 1, cur = 0, started = 0;
    size_t nbs[2] = { 0, 0 };
    nbs[0] = read_batch(job, r, slots[0], batch, &nread, &more);
    started = start_workers(workers, tids, jobs, slots[0], nbs[0]);
    nbs[1] = more ? read_batch(job, r, slots[1], batch, &nread, &more) : 0;
    while (nbs[cur] && !failed) {
        slot *sl = slots[cur];
        size_t nb = nbs[cur];
        join_workers(workers, tids, jobs, started);
        started = nbs[!cur] ? start_workers(workers, tids, jobs, slots[!cur], nbs[!cur]) : 0;
        /* write it, in order */
        for (size_t k = 0; k < nb; k++) {
            slot *s = &sl[k];
            if (!failed && s->why == VG_SKIP_NONE && s->in.nuls) { /* coded all the same, but said */
                nuls += s->in.nuls;
                warn(s->in.file, s->in.line, s->in.id_given ? s->in.id : NULL, s->in.nuls);
            }
            if (failed) {
                nlost++; /* read, but the run stopped before it was written */
            } else if (s->why != VG_SKIP_NONE) {
                nskip[s->why]++;
                diag(s->in.file, s->in.line, s->in.id_given ? s->in.id : NULL, s->msg);
            } else if (s->unchanged) {
                nsame++;
            } else if (s->write_failed) {
                failed = 1;
            } else if (job->sink) {
                long got = job->sink(job->ctx, &s->in, s->tag, s->out, s->outn);
                if (got < 0) {
                    failed = 1;
                } else {
                    invalid += s->invalid;
                    items += (unsigned long long)got;
                    ndone++;
                }
            } else {
                if (s->outn && fwrite(s->out, 1, s->outn, stdout) != s->outn)
                    failed = 1;
                invalid += s->invalid;
                items += (unsigned long long)s->items;
                ndone++;
            }
            free(s->out);
            s->out = NULL;
            /* a slot keeps its buffers for the next batch, but not a huge page's: memory then
            ** stays that of a batch of ordinary documents, however many large ones go by */
            if (s->text.cap > SLOT_KEEP_BYTES)
                vg_buf_release(&s->text);
            if (s->body.cap > SLOT_KEEP_BYTES)
                vg_buf_release(&s->body);
        }
        if (!job->sink && (failed || ferror(stdout))) {
            fprintf(stderr, "vigie: writing output: %s\n", strerror(errno));
            failed = 1;
        }
        if (job->progress && !c->quiet)
            progress(&pg, r, nread, items, 0);
        /* this batch is written: its slots take the one after next */
        nbs[cur] = !failed && more ? read_batch(job, r, slots[cur], batch, &nread, &more) : 0;
        cur = !cur;
    }
    join_workers(workers, tids, jobs, started);
    if (failed) /* the batch coded ahead was never written */
        for (size_t k = 0; k < nbs[cur]; k++) {
            nlost++;
            free(slots[cur][k].out);
            slots[cur][k].out = NULL;
        }
    if (job->progress && !c->quiet)
        progress(&pg, r, nread, items, 1);
    if (job->finish && job->finish(job->ctx) < 0)
        failed = 1;
    if (!job->sink && fflush(stdout) != 0) {
        fprintf(stderr, "vigie: writing output: %s\n", strerror(errno));
        failed = 1;
    }
    unsigned long long skipped = 0;
    for (int k = 0; k < VG_SKIP_COUNT; k++)
        skipped += nskip[k];
    if (!c->quiet) {
        fprintf(stderr, "vigie: %llu read, %llu %s, ", nread, ndone, job->verb);
        if (job->want)
            fprintf(stderr, "%llu unchanged, ", nsame);
        fprintf(stderr, "%llu skipped", skipped);
        if (nlost)
            fprintf(stderr, ", %llu not written (the run stopped)", nlost);
        const char *sep = " (";
        for (int k = 1; k < VG_SKIP_COUNT; k++)
            if (nskip[k]) {
                fprintf(stderr, "%s%llu %s", sep, nskip[k], vg_skip_name((vg_skip)k));
                sep = ", ";
            }
        fprintf(stderr, "%s", skipped ? ")" : "");
        char passed[256];
        vg_reader_passed(r, passed, sizeof passed);
        if (passed[0])
            fprintf(stderr, ", %s", passed);
        if (invalid)
            fprintf(stderr, "; %llu invalid UTF-8 bytes read as U+FFFD", invalid);
        if (nuls)
            fprintf(stderr, "; %llu NUL character%s read as space%s", nuls, nuls == 1 ? "" : "s", nuls == 1 ? "" : "s");
        fprintf(stderr, "; %llu %s", items, job->unit);
        fprintf(stderr, "\n");
    }
    status = failed ? EXIT_FAILED : skipped ? EXIT_SKIPPED : EXIT_ALL_OK;
done:
    vg_reader_free(r);
    if (workers)
        for (int k = 0; k < jobs; k++)
            vg_doc_free(workers[k].d), vg_extractor_free(workers[k].x);
    vg_engine_close(e);
    if (all)
        for (size_t k = 0; k < 2 * batch; k++) {
            for (size_t i = 0; i < SLOT_BUFS; i++)
                vg_buf_release(slot_buf(&all[k], i));
            free(all[k].out);
        }
    free(all);
    free(workers);
    free(tids);
    return status;
}
