/* grammar.c — load the clause layer's grammar of one language: the word and verb classes of
** data/text/<lang>/syntax.txt, and every form of every verb the lexicon knows (Verbiste's 7,000
** French verbs; WordNet's verb index for English, with regular spelling rules and verb.exc), each
** with the features of all its readings, so that the chunker can tell a verb form from any other
** word with one lookup. Read once when the engine opens; then only read, by every thread.
** Not here: telling a noun from a verb form in context (chunk.c does, from the words around). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dict.h"
#include "syntax_int.h"

static const char *const word_class[W_NCLASS] = {
    "det", "det-prep", "prep", "pron-subj", "pron-obj", "refl", "pron", "rel", "compl", "sub", "sub-que", "coord",
    "neg", "adv", "inf", "by", "gerund", "adj-pre", "time", "possessive", "modal", "of", "title", "plural", "coord-que", "light", "noun",
};
static const char *const verb_class[V_NCLASS] = {
    "v-be", "v-have", "v-do", "v-get", "v-etre", "v-ctrl-obj", "v-speech", "v-impers", "v-attr", "v-clause",
};

typedef struct {
    vg_syngram *g;
    unsigned cls;  /* V_* bits to add to every form, 0 while the lexicon is read */
    vg_status rc;
    /* the forms of the lemma being read: a verb writes one form for several persons and moods
    ** (« aime »: 1sg, 3sg, subjunctive, imperative), found here before the set is probed */
    char recent[64][32];
    uint32_t recent_id[64];
    int nrecent;
} form_ctx;

/* The id of key in g->keys, added if new, with room for it in the class arrays. */
static vg_status key_id(vg_syngram *g, const char *key, size_t k, uint32_t *id)
{
    vg_status rc = vg_strset_add(g->keys, key, k);
    if (rc != VG_OK)
        return rc;
    *id = vg_strset_id(g->keys, key, k);
    if (*id < g->cap)
        return VG_OK;
    size_t old = g->cap, c1 = old, c2 = old, c3 = old;
    void *p1 = g->wcls, *p2 = g->ffeat, *p3 = g->fcls;
    rc = vg_grow(g->mem, &p1, &c1, *id + 1, sizeof *g->wcls);
    g->wcls = p1;
    if (rc == VG_OK && (rc = vg_grow(g->mem, &p2, &c2, c1, sizeof *g->ffeat)) == VG_OK)
        g->ffeat = p2;
    if (rc == VG_OK && (rc = vg_grow(g->mem, &p3, &c3, c1, sizeof *g->fcls)) == VG_OK)
        g->fcls = p3;
    if (rc != VG_OK)
        return rc;
    memset(g->wcls + old, 0, (c1 - old) * sizeof *g->wcls);
    memset(g->ffeat + old, 0, (c1 - old) * sizeof *g->ffeat);
    memset(g->fcls + old, 0, (c1 - old) * sizeof *g->fcls);
    g->cap = c1;
    return VG_OK;
}

/* The key of a verb form as vg_fold() makes it, without utf8proc for the lower-case ASCII and Latin-1
** letters Verbiste writes (360,000 French forms are read at every engine open); anything
** else goes through vg_fold(). */
static size_t fold_form(const char *f, char *key, size_t cap)
{
    static const char latin1[64] = "aaaaaaaceeeeiiiidnooooo/ouuuuyty"; /* U+00E0..U+00FF, after C3 */
    size_t k = 0, n = strlen(f);
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)f[i];
        if (k + 3 >= cap)
            return vg_fold(f, n, key, cap);
        if (ch < 0x80 && !(ch >= 'A' && ch <= 'Z') && ch != '\'')
            key[k++] = (char)ch;
        else if (ch == 0xC3 && i + 1 < n && (unsigned char)f[i + 1] >= 0xA0 && (unsigned char)f[i + 1] <= 0xBF &&
                 (unsigned char)f[i + 1] != 0xA6 && (unsigned char)f[i + 1] != 0xB0 && (unsigned char)f[i + 1] != 0xB7 &&
                 (unsigned char)f[i + 1] != 0xB8 && (unsigned char)f[i + 1] != 0xBE && (unsigned char)f[i + 1] != 0xA5)
            key[k++] = latin1[(unsigned char)f[++i] - 0xA0];
        else
            return vg_fold(f, n, key, cap);
    }
    key[k] = 0;
    return k;
}

static void on_form(void *ctx, const char *form, unsigned feats)
{
    form_ctx *c = ctx;
    vg_syngram *g = c->g;
    char key[VG_MAX_KEY_BYTES];
    size_t k = fold_form(form, key, sizeof key);
    if (c->rc != VG_OK || k == 0 || k >= sizeof key)
        return;
    if (k < sizeof c->recent[0])
        for (int r = 0; r < c->nrecent; r++)
            if (!strcmp(c->recent[r], key)) {
                g->ffeat[c->recent_id[r]] |= (uint16_t)feats;
                g->fcls[c->recent_id[r]] |= (uint16_t)c->cls;
                return;
            }
    uint32_t id;
    if ((c->rc = key_id(g, key, k, &id)) != VG_OK)
        return;
    if (k < sizeof c->recent[0] && c->nrecent < 64) {
        memcpy(c->recent[c->nrecent], key, k + 1);
        c->recent_id[c->nrecent++] = id;
    }
    g->ffeat[id] |= (uint16_t)feats;
    g->fcls[id] |= (uint16_t)c->cls;
}

static vg_status add_word(vg_syngram *g, const char *w, size_t n, unsigned cls)
{
    char key[VG_MAX_KEY_BYTES];
    size_t k = vg_fold(w, n, key, sizeof key);
    if (k == 0 || k >= sizeof key)
        return VG_OK;
    uint32_t id;
    vg_status rc = key_id(g, key, k, &id);
    if (rc == VG_OK)
        g->wcls[id] |= 1u << cls;
    return rc;
}

/* English lemmas: the first field of each line of WordNet's index.verb (multi-word ones left out). */
static vg_status english_lemmas(vg_syngram *g, const vg_morph *m, char *err, size_t errcap)
{
    const char *env = getenv("VIGIE_WORDNET");
    char path[4096];
    snprintf(path, sizeof path, "%s/index.verb", env && *env ? env : "/usr/share/wordnet");
    size_t n;
    char *b = vg_read_file(path, &n);
    if (!b && env && *env) {
        snprintf(path, sizeof path, "/usr/share/wordnet/index.verb");
        b = vg_read_file(path, &n);
    }
    if (!b) {
        snprintf(err, errcap, "%s: cannot read the English verb index (install Debian's wordnet-base)", path);
        return VG_EDICT;
    }
    form_ctx c = { .g = g, .rc = VG_OK };
    for (char *line = b; c.rc == VG_OK && line < b + n;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = 0;
        char *sp = strchr(line, ' ');
        if (line[0] != ' ' && sp && sp > line && !memchr(line, '_', (size_t)(sp - line))) {
            *sp = 0;
            c.nrecent = 0;
            vg_morph_forms(m, line, on_form, &c);
        }
        line = nl ? nl + 1 : b + n;
    }
    free(b);
    return c.rc;
}

static vg_status load_classes(vg_syngram *g, const vg_morph *m, const char *path, char *err, size_t errcap)
{
    size_t n;
    char *b = vg_read_file(path, &n);
    if (!b) {
        snprintf(err, errcap, "%s: cannot open", path);
        return VG_EDICT;
    }
    vg_status rc = VG_OK;
    unsigned lineno = 0;
    for (char *line = b; rc == VG_OK && line < b + n;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = 0;
        lineno++;
        char *tab = strchr(line, '\t');
        if (line[0] && line[0] != '#') {
            if (!tab) {
                snprintf(err, errcap, "%s:%u: expected CLASS<TAB>words", path, lineno);
                rc = VG_EDICT;
                break;
            }
            *tab = 0;
            int wc = -1, vc = -1, form = -1;
            for (int i = 0; i < W_NCLASS; i++)
                if (!strcmp(line, word_class[i]))
                    wc = i;
            for (int i = 0; i < V_NCLASS; i++)
                if (!strcmp(line, verb_class[i]))
                    vc = i;
            if (!strcmp(line, "form-be"))
                form = V_BE;
            else if (!strcmp(line, "form-have"))
                form = V_HAVE;
            if (wc < 0 && vc < 0 && form < 0) {
                snprintf(err, errcap, "%s:%u: unknown class '%s'", path, lineno, line);
                rc = VG_EDICT;
                break;
            }
            for (char *p = tab + 1; rc == VG_OK && *p;) {
                char *bar = strstr(p, " | ");
                char *e = bar ? bar : p + strlen(p);
                while (*p == ' ')
                    p++;
                char *we = e;
                while (we > p && (we[-1] == ' ' || we[-1] == '\r'))
                    we--;
                if (we > p) {
                    char w[128];
                    size_t wl = (size_t)(we - p) < sizeof w - 1 ? (size_t)(we - p) : sizeof w - 1;
                    memcpy(w, p, wl);
                    w[wl] = 0;
                    if (wc >= 0) {
                        rc = add_word(g, w, wl, (unsigned)wc);
                    } else {
                        form_ctx c = { .g = g, .cls = 1u << (vc >= 0 ? vc : form), .rc = VG_OK };
                        if (form >= 0)
                            on_form(&c, w, VG_VF_PRES);
                        else
                            vg_morph_forms(m, w, on_form, &c);
                        rc = c.rc;
                    }
                }
                p = bar ? bar + 3 : e;
            }
        }
        line = nl ? nl + 1 : b + n;
    }
    free(b);
    return rc;
}

vg_status vg_syngram_load(vg_syngram **out, const vg_mem *mem, const char *data_dir, const char *lang, char *err,
                          size_t errcap)
{
    vg_syngram *g = vg_malloc(mem, sizeof *g);
    *out = g;
    if (!g)
        return VG_ENOMEM;
    memset(g, 0, sizeof *g);
    g->mem = mem;
    g->fr = !strcmp(lang, "fr");
    vg_morph *m = NULL;
    vg_status rc;
    if ((rc = vg_strset_new(mem, &g->keys)) != VG_OK || (rc = vg_morph_open(mem, lang, &m, err, errcap)) != VG_OK)
        goto done;
    if (g->fr) {
        form_ctx c = { .g = g, .rc = VG_OK };
        const char *l;
        for (size_t i = 0; c.rc == VG_OK && (l = vg_morph_lemma_at(m, i)) != NULL; i++) {
            c.nrecent = 0;
            vg_morph_forms(m, l, on_form, &c);
        }
        rc = c.rc;
    } else {
        rc = english_lemmas(g, m, err, errcap);
    }
    if (rc != VG_OK)
        goto done;
    char path[4096];
    snprintf(path, sizeof path, "%s/text/%s/syntax.txt", data_dir, lang);
    rc = load_classes(g, m, path, err, errcap);
done:
    vg_morph_close(m);
    return rc;
}

void vg_syngram_free(vg_syngram *g)
{
    if (!g)
        return;
    vg_strset_free(g->keys);
    vg_free(g->mem, g->wcls);
    vg_free(g->mem, g->ffeat);
    vg_free(g->mem, g->fcls);
    vg_free(g->mem, g);
}
