/* engine.c — vg_engine: open, hold and close everything read-only that documents are analysed with:
** the language data of data/text/ and the dictionaries. Above the layers it ties (README, Layout). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "engine.h"
#include "syntax.h"

#ifndef VG_DATADIR
#define VG_DATADIR "data"
#endif

static const char *pick_data_dir(const vg_options *opt)
{
    if (opt && opt->data_dir)
        return opt->data_dir;
    const char *env = getenv("VIGIE_DATA");
    if (env && *env)
        return env;
    return VG_DATADIR;
}

vg_status vg_engine_open(const vg_options *opt, vg_engine **out)
{
    if (!out)
        return VG_EMISUSE;
    vg_mem mem;
    vg_mem_init(&mem, opt ? opt->alloc : NULL);
    vg_engine *e = vg_malloc(&mem, sizeof *e);
    *out = e;
    if (!e)
        return VG_ENOMEM;
    memset(e, 0, sizeof *e);
    pthread_mutex_init(&e->syn_lock, NULL);
    e->mem = mem;
    if (opt) {
        e->on_diag = opt->on_diag;
        e->diag_ctx = opt->diag_ctx;
    }
    const char *dir = pick_data_dir(opt);
    struct stat st;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        snprintf(e->errmsg, sizeof e->errmsg, "data directory %s not found (set --data or VIGIE_DATA)",
                 dir);
        return VG_EDICT;
    }
    if (!(e->data_dir = vg_strndup(&e->mem, dir, strlen(dir))))
        return VG_ENOMEM;
    static const char *langs[2] = { "fr", "en" };
    for (int i = 0; i < 2; i++) {
        vg_status rc = vg_langdata_load(&e->lang[i], &e->mem, dir, langs[i], e->errmsg,
                                        sizeof e->errmsg);
        if (rc != VG_OK) {
            if (rc == VG_ENOMEM)
                snprintf(e->errmsg, sizeof e->errmsg, "%s", vg_strerror(rc));
            return rc;
        }
    }
    if (opt && (opt->flags & VG_OPT_TEXT_ONLY))
        return VG_OK;
    char dd[4096];
    snprintf(dd, sizeof dd, "%s/dict", dir);
    const char *dict = opt && opt->dict_dir ? opt->dict_dir : dd;
    if (stat(dict, &st) != 0 || !S_ISDIR(st.st_mode)) {
        snprintf(e->errmsg, sizeof e->errmsg, "dictionary directory %s not found", dict);
        return VG_EDICT;
    }
    if (!(e->dict_dir = vg_strndup(&e->mem, dict, strlen(dict))))
        return VG_ENOMEM;
    for (int i = 0; i < 2; i++) {
        vg_status rc = vg_lexicon_load(&e->lex[i], &e->mem, dir, e->dict_dir, langs[i], &e->lang[i], e->errmsg,
                                       sizeof e->errmsg);
        if (rc != VG_OK)
            return rc;
    }
    e->has_dict = 1;
    return VG_OK;
}

vg_status vg_engine_syngram_get(void *engine, vg_lang l, const struct vg_syngram **out)
{
    vg_engine *e = engine; /* the grammar is a cache: loading it changes nothing the caller sees */
    int i = l == VG_LANG_FR ? 0 : l == VG_LANG_EN ? 1 : -1;
    *out = NULL;
    if (!e->has_dict || i < 0)
        return VG_OK;
    static const char *const langs[2] = { "fr", "en" };
    pthread_mutex_lock(&e->syn_lock);
    if (!e->syn_tried[i]) {
        char err[512];
        e->syn_rc[i] = vg_syngram_load(&e->syn[i], &e->mem, e->data_dir, langs[i], err, sizeof err);
        if (e->syn_rc[i] != VG_OK)
            snprintf(e->errmsg, sizeof e->errmsg, "%s", err);
        e->syn_tried[i] = 1;
    }
    vg_status rc = e->syn_rc[i];
    *out = e->syn[i];
    pthread_mutex_unlock(&e->syn_lock);
    return rc;
}

const struct vg_syngram *vg_engine_syngram(const vg_engine *e, vg_lang l)
{
    const struct vg_syngram *g;
    return vg_engine_syngram_get((void *)e, l, &g) == VG_OK ? g : NULL;
}

const char *vg_engine_errmsg(const vg_engine *e) { return e ? e->errmsg : "out of memory"; }

const char *vg_engine_data_dir(const vg_engine *e) { return e && e->data_dir ? e->data_dir : ""; }

const char *vg_engine_dict_dir(const vg_engine *e) { return e && e->dict_dir ? e->dict_dir : ""; }

void vg_engine_close(vg_engine *e)
{
    if (!e)
        return;
    for (int i = 0; i < 2; i++) {
        vg_langdata_free(&e->lang[i]);
        vg_lexicon_free(&e->lex[i]);
        vg_syngram_free(e->syn[i]);
    }
    vg_free(&e->mem, e->data_dir);
    vg_free(&e->mem, e->dict_dir);
    pthread_mutex_destroy(&e->syn_lock);
    vg_free(&e->mem, e);
}
