/* run.c — the document loop shared by segment and code: inputs in, one vg_doc reused for every
** document, diagnostics on stderr naming file, line and reason, and a summary that accounts for
** every record: read = done + skipped, skipped broken down by reason. */
#include <errno.h>
#include <getopt.h>
#include <string.h>

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
    case 'q':
        c->quiet = 1;
        return 1;
    }
    return 0;
}

/* vigie: FILE[:LINE]: [record "ID": ]skipped: REASON */
static void diag(const vg_input_doc *in, const char *why)
{
    fprintf(stderr, "vigie: %s", in->file);
    if (in->line)
        fprintf(stderr, ":%llu", (unsigned long long)in->line);
    if (in->id_given)
        fprintf(stderr, ": record \"%.80s\"", in->id);
    fprintf(stderr, ": skipped: %s\n", why);
}

int cli_run(const cli_common *c, char **paths, int npaths, const char *verb, cli_doc_fn fn, void *ctx)
{
    vg_options opt = { 0 };
    opt.data_dir = c->data_dir;
    vg_engine *e = NULL;
    vg_doc *d = NULL;
    vg_reader *r = NULL;
    vg_mem mem;
    vg_mem_init(&mem, NULL);
    int status = EXIT_FAILED;
    vg_status rc = vg_engine_open(&opt, &e);
    if (rc != VG_OK) {
        fprintf(stderr, "vigie: cannot load language data: %s\n", vg_engine_errmsg(e));
        goto done;
    }
    if (vg_doc_new(e, &d) != VG_OK || vg_reader_new(&mem, c->input, &r) != VG_OK) {
        fprintf(stderr, "vigie: out of memory\n");
        goto done;
    }
    if (npaths == 0 && vg_reader_add(r, "-") != VG_OK)
        goto done;
    for (int i = 0; i < npaths; i++)
        if (vg_reader_add(r, paths[i]) != VG_OK) {
            fprintf(stderr, "vigie: out of memory\n");
            goto done;
        }
    unsigned long long nread = 0, ndone = 0, nskip[VG_SKIP_COUNT] = { 0 }, invalid = 0;
    vg_input_doc in;
    vg_skip why;
    char msg[512], lmsg[600];
    int got, failed = 0;
    while ((got = vg_reader_next(r, &in, &why, msg, sizeof msg)) != 0) {
        nread++;
        if (got < 0) {
            nskip[why]++;
            diag(&in, msg);
            continue;
        }
        vg_docinfo info = { in.id, c->lang != VG_LANG_UNKNOWN ? c->lang : in.lang, in.date };
        rc = vg_doc_analyze(d, in.text, in.len, &info);
        if (rc == VG_OK && vg_doc_lang(d) != VG_LANG_FR && vg_doc_lang(d) != VG_LANG_EN) {
            nskip[VG_SKIP_LANG]++;
            snprintf(lmsg, sizeof lmsg, "language: %s", vg_doc_lang_code(d));
            diag(&in, lmsg);
            continue;
        }
        if (rc != VG_OK) {
            nskip[rc == VG_ELIMIT ? VG_SKIP_LIMIT : VG_SKIP_IO]++;
            snprintf(lmsg, sizeof lmsg, "%s", rc == VG_ELIMIT ? "document over VG_MAX_DOC_BYTES"
                                                                 : vg_strerror(rc));
            diag(&in, lmsg);
            if (rc == VG_ENOMEM)
                goto done;
            continue;
        }
        invalid += vg_doc_invalid_bytes(d);
        if (fn(ctx, &in, d) != 0 || ferror(stdout)) {
            fprintf(stderr, "vigie: writing output: %s\n", strerror(errno));
            failed = 1;
            break;
        }
        ndone++;
    }
    if (fflush(stdout) != 0) {
        fprintf(stderr, "vigie: writing output: %s\n", strerror(errno));
        failed = 1;
    }
    unsigned long long skipped = 0;
    for (int k = 0; k < VG_SKIP_COUNT; k++)
        skipped += nskip[k];
    if (!c->quiet) {
        fprintf(stderr, "vigie: %llu read, %llu %s, %llu skipped", nread, ndone, verb, skipped);
        const char *sep = " (";
        for (int k = 1; k < VG_SKIP_COUNT; k++)
            if (nskip[k]) {
                fprintf(stderr, "%s%llu %s", sep, nskip[k], vg_skip_name((vg_skip)k));
                sep = ", ";
            }
        fprintf(stderr, "%s", skipped ? ")" : "");
        if (invalid)
            fprintf(stderr, "; %llu invalid UTF-8 bytes read as U+FFFD", invalid);
        fprintf(stderr, "\n");
    }
    status = failed ? EXIT_FAILED : skipped ? EXIT_SKIPPED : EXIT_ALL_OK;
done:
    vg_reader_free(r);
    vg_doc_free(d);
    vg_engine_close(e);
    return status;
}
