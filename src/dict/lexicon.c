/* lexicon.c — compile one language's dictionaries (docs/dictionaries.md) into the tables of
** dict.h: read every file, split its phrases with the text tokenizer (so `l'armée` is split as in
** text), intern each key, generate inflections and verb forms, check codes and dates, then build
** the indexes. Errors name the file and line; the engine refuses to open on any.
** Not here: the patterns' meaning (src/coder/) and the morphology lexicons (morph.c). */
#include <dirent.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dict.h"
#include "text.h"

typedef struct {
    uint32_t key;  /* offset into ld.vkeys */
    uint32_t base;
} variant;

typedef struct {
    uint32_t form; /* vform id */
    vg_vform v;
} formrec;

typedef struct {
    vg_lexicon *lx;
    const vg_langdata *text;
    vg_inflect infl;
    const vg_morph *morph;
    int fr;
    vg_tokvec toks;
    vg_buf keys;
    size_t invalid;
    vg_buf vkeys;          /* deferred inflection variants */
    variant *var;
    size_t nvar, capvar;
    formrec *fr_recs;
    size_t nfr, capfr;
    uint8_t *lemma_done;
    size_t caplemma;
    int date_lines[2];     /* month and weekday lines read so far */
    int org;               /* reading organisations.txt */
    const char *file;
    uint16_t file_ix;
    int line;
    char *err;
    size_t errcap;
} ld;

static vg_status fail(ld *d, const char *fmt, const char *arg)
{
    char msg[256];
    snprintf(msg, sizeof msg, fmt, arg);
    snprintf(d->err, d->errcap, "%s:%d: %s", d->file, d->line, msg);
    return VG_EDICT;
}

/* ---- words ---- */

static vg_status intern_base(ld *d, const char *key, size_t n, uint32_t *id)
{
    vg_lexicon *lx = d->lx;
    vg_status rc = vg_strset_add(lx->words, key, n);
    if (rc != VG_OK)
        return rc;
    *id = vg_strset_id(lx->words, key, n);
    size_t cap = lx->nword_base;
    if (*id + 1 > cap) {
        size_t newcap = cap;
        if ((rc = vg_grow(d->lx->mem, (void **)&lx->word_base, &newcap, *id + 1, sizeof(uint32_t))) != VG_OK)
            return rc;
        memset(lx->word_base + cap, 0, (newcap - cap) * sizeof(uint32_t));
        lx->nword_base = newcap;
    }
    lx->word_base[*id] = *id;
    return VG_OK;
}

static vg_status add_variant(ld *d, const char *key, uint32_t base)
{
    vg_status rc;
    if ((rc = vg_grow(d->lx->mem, (void **)&d->var, &d->capvar, d->nvar + 1, sizeof(variant))) != VG_OK)
        return rc;
    d->var[d->nvar].key = (uint32_t)d->vkeys.n;
    d->var[d->nvar].base = base;
    d->nvar++;
    if ((rc = vg_buf_append(&d->vkeys, key, strlen(key))) != VG_OK)
        return rc;
    return vg_buf_putc(&d->vkeys, 0);
}

/* Inflections of a word: plural; for adjectives also the feminine and its plural. */
static vg_status inflect(ld *d, const char *key, uint32_t base, int adj)
{
    char a[VG_MAX_KEY_BYTES], b[VG_MAX_KEY_BYTES];
    vg_status rc = VG_OK;
    if (vg_inflect_apply(&d->infl.plural, key, a, sizeof a) && strcmp(a, key))
        rc = add_variant(d, a, base);
    if (rc == VG_OK && adj && vg_inflect_apply(&d->infl.feminine, key, a, sizeof a) && strcmp(a, key)) {
        if ((rc = add_variant(d, a, base)) == VG_OK && vg_inflect_apply(&d->infl.plural, a, b, sizeof b))
            rc = add_variant(d, b, base);
    }
    return rc;
}

/* Split s[0..n) with the text tokenizer into d->toks (keys fixed). A word written alone with its
** elision (`s'`, `qu'`, as grammar lists do) is one token, as it is in text before a word. */
static vg_status tokenize(ld *d, const char *s, size_t n)
{
    d->toks.n = 0;
    vg_buf_clear(&d->keys);
    vg_status rc = vg_tokenize(d->lx->mem, d->text, s, n, &d->toks, &d->keys, &d->invalid);
    if (rc != VG_OK)
        return rc;
    for (size_t i = 0; i + 1 < d->toks.n; i++) {
        vg_token *a = &d->toks.v[i], *b = &d->toks.v[i + 1];
        if (a->kind != VG_TOK_WORD || b->kind != VG_TOK_PUNCT || b->start != a->end || b->keylen != 1 ||
            ((const char *)d->keys.p)[(uintptr_t)b->key] != '\'' || (i + 2 < d->toks.n && d->toks.v[i + 2].start == b->end))
            continue;
        /* key: the word's key and an apostrophe, appended to the key buffer */
        uint32_t off = (uint32_t)d->keys.n;
        if ((rc = vg_buf_append(&d->keys, d->keys.p + (uintptr_t)a->key, a->keylen)) != VG_OK ||
            (rc = vg_buf_append(&d->keys, "'", 2)) != VG_OK)
            return rc;
        a->key = (const char *)(uintptr_t)off;
        a->keylen++;
        a->end = b->end;
        a->flags |= VG_TOKF_ELIDED;
        memmove(b, b + 1, (d->toks.n - i - 2) * sizeof *b);
        d->toks.n--;
    }
    vg_tok_fix_keys(&d->toks, &d->keys);
    return VG_OK;
}

/* An acronym: 2-5 characters, all capitals (ASCII). */
static int acronym(const char *s, size_t n)
{
    if (n < 2 || n > 5)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] < 'A' || s[i] > 'Z')
            return 0;
    return 1;
}

static uint32_t pool_add(vg_lexicon *lx, const char *s, size_t n)
{
    uint32_t off = (uint32_t)lx->pool.n;
    if (vg_buf_append(&lx->pool, s, n) != VG_OK || vg_buf_putc(&lx->pool, 0) != VG_OK)
        return 0;
    return off;
}

/* ---- phrases ---- */

enum { INFL_NONE, INFL_PLURAL_LAST, INFL_PLURAL_FIRST, INFL_ADJ };

static vg_status add_phrase(ld *d, vg_phkind kind, const char *s, size_t n, const char *code,
                            int infl, vg_phrase **out)
{
    vg_lexicon *lx = d->lx;
    vg_status rc;
    *out = NULL;
    while (n && (*s == ' ' || *s == '\t'))
        s++, n--;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    if (!n)
        return fail(d, "%.120sempty phrase", "");
    if ((rc = tokenize(d, s, n)) != VG_OK)
        return rc;
    size_t nw = d->toks.n;
    if (nw > VG_MAX_PHRASE_WORDS)
        return fail(d, "phrase \"%.60s\" has too many words", s);
    if ((rc = vg_grow(lx->mem, (void **)&lx->ph, &lx->capph, lx->nph + 1, sizeof(vg_phrase))) != VG_OK ||
        (rc = vg_grow(lx->mem, (void **)&lx->wseq, &lx->capwseq, lx->nwseq + nw, sizeof(uint32_t))) != VG_OK)
        return rc;
    vg_phrase *p = &lx->ph[lx->nph];
    memset(p, 0, sizeof *p);
    p->kind = (uint8_t)kind;
    p->nw = (uint8_t)nw;
    p->words = (uint32_t)lx->nwseq;
    p->file = d->file_ix;
    p->line = (uint32_t)d->line;
    vg_copy(p->code, sizeof p->code, code, SIZE_MAX);
    p->surf = pool_add(lx, s, n);
    for (size_t i = 0; i < nw; i++) {
        const vg_token *t = &d->toks.v[i];
        uint32_t id;
        if ((rc = intern_base(d, t->key, t->keylen, &id)) != VG_OK)
            return rc;
        lx->wseq[lx->nwseq++] = id;
        if (acronym(s + t->start, t->end - t->start))
            p->cs |= (uint16_t)(1u << i);
        /* "Russia Today" is not "Russia today", "Chad" not "chad": names keep their capitals */
        if ((t->flags & VG_TOKF_CAP) && kind != VG_PH_AGENT && kind != VG_PH_ADJ && kind != VG_PH_PEOPLE)
            p->capw |= (uint16_t)(1u << i);
        int head = (infl == INFL_PLURAL_LAST || infl == INFL_ADJ) ? i == nw - 1
                   : infl == INFL_PLURAL_FIRST                    ? i == 0
                                                                  : 0;
        if (head && !(p->cs >> i & 1) && t->kind == VG_TOK_WORD &&
            (rc = inflect(d, t->key, id, infl == INFL_ADJ)) != VG_OK)
            return rc;
    }
    lx->nph++;
    *out = p;
    return VG_OK;
}

/* ---- verbs ---- */

typedef struct {
    ld *d;
    uint32_t lemma;
    vg_status rc;
} form_ctx;

static void on_form(void *ctx, const char *form, unsigned feats)
{
    form_ctx *c = ctx;
    ld *d = c->d;
    if (c->rc != VG_OK)
        return;
    char key[VG_MAX_KEY_BYTES];
    size_t k = vg_fold(form, strlen(form), key, sizeof key);
    if (k >= sizeof key)
        return;
    if ((c->rc = vg_strset_add(d->lx->vforms, key, k)) != VG_OK)
        return;
    if ((c->rc = vg_grow(d->lx->mem, (void **)&d->fr_recs, &d->capfr, d->nfr + 1, sizeof(formrec))) != VG_OK)
        return;
    formrec *r = &d->fr_recs[d->nfr++];
    r->form = vg_strset_id(d->lx->vforms, key, k);
    r->v.lemma = c->lemma;
    r->v.feats = (uint16_t)feats;
}

/* Register a lemma (written as in the dictionary) and all its forms; *lemma is its index. */
static vg_status add_lemma(ld *d, const char *word, size_t n, uint32_t *lemma)
{
    vg_lexicon *lx = d->lx;
    char low[128], key[128];
    if (n >= sizeof low)
        return fail(d, "verb \"%.40s\" too long", word);
    for (size_t i = 0; i < n; i++) /* Verbiste's infinitives are lower case, with accents */
        low[i] = (char)(word[i] >= 'A' && word[i] <= 'Z' ? word[i] + 32 : word[i]);
    low[n] = 0;
    size_t k = vg_fold(low, n, key, sizeof key);
    if (k >= sizeof key)
        return fail(d, "verb \"%.40s\" too long", word);
    vg_status rc = vg_strset_add(lx->lemmas, key, k);
    if (rc != VG_OK)
        return rc;
    *lemma = vg_strset_id(lx->lemmas, key, k) - 1;
    if ((rc = vg_grow(lx->mem, (void **)&d->lemma_done, &d->caplemma, *lemma + 1, 1)) != VG_OK)
        return rc;
    if (*lemma + 1 == vg_strset_count(lx->lemmas))
        d->lemma_done[*lemma] = 0;
    if (d->lemma_done[*lemma])
        return VG_OK;
    d->lemma_done[*lemma] = 1;
    form_ctx c = { d, *lemma, VG_OK };
    if (!vg_morph_forms(d->morph, low, on_form, &c) && d->fr)
        return fail(d, "unknown French verb \"%.120s\" (not in the Verbiste lexicon)", low);
    return c.rc;
}

/* ---- files ---- */

typedef vg_status (*line_fn)(ld *d, char **f, int nf);

static vg_status each_line(ld *d, const char *path, int required, int minf, int maxf, line_fn fn)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        if (!required)
            return VG_OK;
        snprintf(d->err, d->errcap, "%s: cannot open", path);
        return VG_EDICT;
    }
    vg_lexicon *lx = d->lx;
    if (lx->nfiles == sizeof lx->files / sizeof lx->files[0]) {
        fclose(fp);
        snprintf(d->err, d->errcap, "%s: more than %zu dictionary files", path, lx->nfiles);
        return VG_EDICT;
    }
    uint32_t off = pool_add(lx, path, strlen(path));
    lx->files[lx->nfiles] = (const char *)(uintptr_t)off; /* fixed up at the end */
    d->file_ix = (uint16_t)lx->nfiles++;
    d->file = path;
    d->line = 0;
    char buf[8192];
    vg_status rc = VG_OK;
    while (rc == VG_OK && fgets(buf, sizeof buf, fp)) {
        d->line++;
        size_t n = strcspn(buf, "\r\n");
        if (buf[n] == 0 && n == sizeof buf - 1) {
            rc = fail(d, "%sline too long", "");
            break;
        }
        buf[n] = 0;
        char *p = buf;
        while (*p == ' ')
            p++;
        if (!*p || *p == '#')
            continue;
        char *f[8];
        int nf = 0;
        for (char *q = p; nf < 8;) {
            f[nf++] = q;
            char *t = strchr(q, '\t');
            if (!t)
                break;
            *t = 0;
            q = t + 1;
        }
        if (nf < minf || nf > maxf) {
            char want[32];
            snprintf(want, sizeof want, "%d to %d", minf, maxf);
            rc = fail(d, "expected %s TAB-separated fields", want);
            break;
        }
        rc = fn(d, f, nf);
    }
    fclose(fp);
    return rc;
}

static int txt_file(const struct dirent *e)
{
    size_t n = strlen(e->d_name);
    return e->d_name[0] != '.' && n > 4 && !strcmp(e->d_name + n - 4, ".txt");
}

/* every *.txt of dir, in name order (so that load order, and file:line evidence, is stable); a
** missing directory is none */
static vg_status each_file(ld *d, const char *dir, int minf, int maxf, line_fn fn)
{
    struct dirent **names = NULL;
    int n = scandir(dir, &names, txt_file, alphasort);
    vg_status rc = VG_OK;
    for (int i = 0; i < n; i++) {
        char path[4096];
        if (rc == VG_OK) {
            if ((size_t)snprintf(path, sizeof path, "%s/%.255s", dir, names[i]->d_name) >= sizeof path) {
                snprintf(d->err, d->errcap, "%.200s: path too long", dir);
                rc = VG_EDICT;
            } else {
                rc = each_line(d, path, 1, minf, maxf, fn);
            }
        }
        free(names[i]);
    }
    free(names);
    return rc;
}

/* Call fn on each " | "-separated alternative of s. */
static vg_status each_alt(ld *d, char *s, vg_status (*fn)(ld *, const char *, size_t, void *), void *ctx)
{
    vg_status rc = VG_OK;
    for (char *p = s; rc == VG_OK && p;) {
        char *bar = strstr(p, " | ");
        size_t n = bar ? (size_t)(bar - p) : strlen(p);
        rc = fn(d, p, n, ctx);
        p = bar ? bar + 3 : NULL;
    }
    return rc;
}

static int valid_actor_code(const char *c)
{
    size_t n = strlen(c);
    if (n < 3 || n > 15 || n % 3)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!((c[i] >= 'A' && c[i] <= 'Z') || (c[i] >= 'a' && c[i] <= 'z') || (c[i] >= '0' && c[i] <= '9')))
            return 0;
    return 1;
}

static int parse_date(const char *s, size_t n, int32_t *out)
{
    if (n != 10 || !vg_date_valid(s, 10))
        return 0;
    *out = vg_days_from_civil(atoi(s), atoi(s + 5), atoi(s + 8));
    return 1;
}

/* ---- codes.txt: what a dictionary adds to the codebook ---- */

const vg_cameo *vg_lex_code(const vg_lexicon *lx, const char *code, size_t n)
{
    const vg_cameo *c = vg_cameo_find(code, n);
    for (size_t i = 0; !c && i < lx->nxcode; i++)
        if (strlen(lx->xcode[i].code) == n && !memcmp(lx->xcode[i].code, code, n))
            c = &lx->xcode[i];
    return c;
}

static int known_role(const vg_lexicon *lx, const char *r)
{
    if (vg_role_find(r, strlen(r)))
        return 1;
    for (size_t i = 0; i < lx->nxrole; i++)
        if (!strcmp(lx->xrole[i], r))
            return 1;
    return 0;
}

/* event CODE name [goldstein quad] | role CODE name: codes beyond CAMEO's, such as an imported
** dictionary's own (PETRARCH's validation set codes 903 or 174K), declared so that a typo in a
** pattern is still caught. */
static vg_status code_line(ld *d, char **f, int nf)
{
    vg_lexicon *lx = d->lx;
    vg_status rc;
    size_t n = strlen(f[1]);
    int ok = n >= 2 && n <= 4;
    for (size_t i = 0; i < n; i++)
        ok &= (f[1][i] >= '0' && f[1][i] <= '9') || (f[1][i] >= 'A' && f[1][i] <= 'Z');
    if (!strcmp(f[0], "role")) {
        if (nf != 3 || n != 3 || !ok)
            return fail(d, "expected role<TAB>CODE<TAB>name, CODE three capitals, not \"%.40s\"", f[1]);
        if (known_role(lx, f[1]))
            return fail(d, "role %.40s is already known", f[1]);
        if ((rc = vg_grow(lx->mem, (void **)&lx->xrole, &lx->capxrole, lx->nxrole + 1, sizeof *lx->xrole)) != VG_OK)
            return rc;
        memcpy(lx->xrole[lx->nxrole++], f[1], 4);
        return VG_OK;
    }
    if (strcmp(f[0], "event") || (nf != 3 && nf != 5) || !ok)
        return fail(d, "expected event<TAB>CODE<TAB>name[<TAB>goldstein<TAB>quad] (CODE: 2 to 4 digits or "
                       "capitals), not \"%.40s\"", f[0]);
    if (vg_lex_code(lx, f[1], n))
        return fail(d, "code %.40s is already known", f[1]);
    float gs = 0;
    int quad = 0;
    if (nf == 5) {
        char *e1, *e2;
        gs = strtof(f[3], &e1);
        quad = (int)strtol(f[4], &e2, 10);
        if (*e1 || *e2 || gs < -10 || gs > 10 || quad < 0 || quad > 4)
            return fail(d, "%sGoldstein must be in [-10, 10] and QuadClass in 0..4", "");
    }
    if ((rc = vg_grow(lx->mem, (void **)&lx->xcode, &lx->capxcode, lx->nxcode + 1, sizeof *lx->xcode)) != VG_OK)
        return rc;
    vg_cameo *c = &lx->xcode[lx->nxcode];
    if (!(c->code = vg_strndup(lx->mem, f[1], n)) || !(c->name = vg_strndup(lx->mem, f[2], strlen(f[2]))))
        return VG_ENOMEM;
    c->goldstein = gs;
    c->quad = quad;
    lx->nxcode++;
    return VG_OK;
}

/* options.txt: the coding conventions a dictionary was written for, where they differ from vigie's
** (PETRARCH's: the verb's code for a future, and any actor after a preposition may be a target). */
static vg_status option_line(ld *d, char **f, int nf)
{
    (void)nf;
    static const struct { const char *name, *on, *off; size_t at; } opts[] = {
        { "intent", "verb", "03x", offsetof(vg_lexicon, intent_verb) },
        { "place-target", "yes", "no", offsetof(vg_lexicon, place_target) },
    };
    for (size_t i = 0; i < sizeof opts / sizeof *opts; i++) {
        if (strcmp(f[0], opts[i].name))
            continue;
        if (strcmp(f[1], opts[i].on) && strcmp(f[1], opts[i].off)) {
            char msg[96];
            snprintf(msg, sizeof msg, "option %s takes %s or %s, not", opts[i].name, opts[i].on, opts[i].off);
            return fail(d, "%s", msg);
        }
        *((uint8_t *)d->lx + opts[i].at) = !strcmp(f[1], opts[i].on);
        return VG_OK;
    }
    return fail(d, "unknown option \"%.40s\" (intent, place-target)", f[0]);
}

/* countries.txt: CODE kind phrases [lat,lon] */
typedef struct {
    vg_phkind kind;
    const char *code;
    float lat, lon;
    int has, first;
} country_ctx;

static vg_status country_alt(ld *d, const char *s, size_t n, void *vctx)
{
    country_ctx *c = vctx;
    int infl = c->kind == VG_PH_ADJ ? (d->fr ? INFL_ADJ : INFL_NONE)
               : c->kind == VG_PH_PEOPLE ? INFL_PLURAL_LAST
                                         : INFL_NONE;
    vg_phrase *p;
    vg_status rc = add_phrase(d, c->kind, s, n, c->code, infl, &p);
    if (rc == VG_OK && c->has) { /* coordinates belong to the line: every spelling of one place */
        p->lat = c->lat;
        p->lon = c->lon;
        p->has_coord = 1;
    }
    c->first = 0;
    return rc;
}

static vg_status country_line(ld *d, char **f, int nf)
{
    static const struct { const char *name; vg_phkind kind; } kinds[] = {
        { "name", VG_PH_NAME }, { "adj", VG_PH_ADJ }, { "people", VG_PH_PEOPLE },
        { "capital", VG_PH_CAPITAL }, { "seat", VG_PH_SEAT }, { "city", VG_PH_CITY },
    };
    country_ctx c = { VG_PH_NAME, f[0], 0, 0, 0, 1 };
    size_t k;
    for (k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
        if (!strcmp(f[1], kinds[k].name))
            break;
    if (k == sizeof kinds / sizeof kinds[0])
        return fail(d, "unknown kind \"%.120s\" (name adj people capital seat city)", f[1]);
    c.kind = kinds[k].kind;
    if (!valid_actor_code(f[0]))
        return fail(d, "bad actor code \"%.120s\"", f[0]);
    if (nf == 4) {
        char *comma = strchr(f[3], ',');
        char *e1, *e2;
        if (!comma)
            return fail(d, "coordinates \"%.120s\" are not lat,lon", f[3]);
        c.lat = strtof(f[3], &e1);
        c.lon = strtof(comma + 1, &e2);
        if (e1 != comma || *e2 || c.lat < -90 || c.lat > 90 || c.lon < -180 || c.lon > 180)
            return fail(d, "coordinates \"%.120s\" are not lat,lon", f[3]);
        c.has = 1;
    }
    return each_alt(d, f[2], country_alt, &c);
}

/* actors.txt: phrases roles */
typedef struct {
    uint32_t roles;
    uint16_t nroles;
    const char *code;
} actor_ctx;

static vg_status actor_alt(ld *d, const char *s, size_t n, void *vctx)
{
    actor_ctx *c = vctx;
    vg_phrase *p;
    vg_status rc = add_phrase(d, VG_PH_ACTOR, s, n, c->code, INFL_NONE, &p);
    if (rc == VG_OK) {
        p->roles = c->roles;
        p->nroles = c->nroles;
        p->org = d->org;
    }
    return rc;
}

static vg_status actor_line(ld *d, char **f, int nf)
{
    (void)nf;
    vg_lexicon *lx = d->lx;
    actor_ctx c = { (uint32_t)lx->nroles, 0, NULL };
    vg_status rc;
    for (char *p = f[1]; p && *p;) {
        while (*p == ' ')
            p++;
        char *comma = strchr(p, ','), *end = comma ? comma : p + strlen(p);
        char *sp = memchr(p, ' ', (size_t)(end - p));
        size_t cl = sp ? (size_t)(sp - p) : (size_t)(end - p);
        if ((rc = vg_grow(lx->mem, (void **)&lx->roles, &lx->caproles, lx->nroles + 1, sizeof(vg_role))) != VG_OK)
            return rc;
        vg_role *r = &lx->roles[lx->nroles];
        if (cl >= sizeof r->code)
            return fail(d, "actor code too long in \"%.120s\"", f[1]);
        memcpy(r->code, p, cl);
        r->code[cl] = 0;
        if (!valid_actor_code(r->code))
            return fail(d, "bad actor code \"%.120s\"", r->code);
        r->from = VG_DAY_MIN;
        r->to = VG_DAY_MAX;
        if (sp) { /* FROM..TO */
            char *per = sp + 1, *dots = strstr(per, "..");
            while (end > per && end[-1] == ' ')
                end--;
            if (!dots || dots > end)
                return fail(d, "period \"%.120s\" is not FROM..TO", per);
            if ((dots > per && !parse_date(per, (size_t)(dots - per), &r->from)) ||
                (end > dots + 2 && !parse_date(dots + 2, (size_t)(end - dots - 2), &r->to)))
                return fail(d, "bad date in period \"%.120s\"", per);
            if (r->from > r->to)
                return fail(d, "period \"%.120s\" ends before it starts", per);
        }
        lx->nroles++;
        c.nroles++;
        p = comma ? comma + 1 : NULL;
    }
    if (!c.nroles)
        return fail(d, "%.120sno role", "");
    c.code = lx->roles[c.roles].code;
    return each_alt(d, f[0], actor_alt, &c);
}

/* agents.txt: ROLE phrases */
static vg_status agent_alt(ld *d, const char *s, size_t n, void *vctx)
{
    vg_phrase *p;
    return add_phrase(d, VG_PH_AGENT, s, n, vctx, d->fr ? INFL_PLURAL_FIRST : INFL_PLURAL_LAST, &p);
}

static vg_status agent_line(ld *d, char **f, int nf)
{
    (void)nf;
    if (!known_role(d->lx, f[0]))
        return fail(d, "unknown role \"%.120s\" (data/cameo/roles.tsv, or codes.txt)", f[0]);
    return each_alt(d, f[1], agent_alt, f[0]);
}

/* discards.txt: story|sentence <TAB> phrases — news a dictionary was not written for (sport,
** weather): a phrase of it drops the events of its sentence, or of the whole document. */
static vg_status discard_alt(ld *d, const char *s, size_t n, void *vctx)
{
    vg_phrase *p;
    return add_phrase(d, VG_PH_DISCARD, s, n, vctx, INFL_NONE, &p);
}

static vg_status discard_line(ld *d, char **f, int nf)
{
    (void)nf;
    int story = !strcmp(f[0], "story");
    if (!story && strcmp(f[0], "sentence"))
        return fail(d, "discard kind \"%.40s\" is neither story nor sentence", f[0]);
    return each_alt(d, f[1], discard_alt, story ? "STORY" : "SENT");
}

/* ---- grammar ---- */

static const char *const gclass_names[VG_G_COUNT] = {
    "det", "aux-etre", "aux-avoir", "neg-pre", "neg-post", "subj", "refl", "cond", "attrib",
    "coord", "boundary", "by", "of", "speech", "title", "modal", "loc", "motion", "first", "article", "recip", "adj-agent", "intent", "future", "decide", "counterpart", "refuse", "area", "adverb", "eventref", "gathering", "threat",
};

static int gclass_lemmas(const ld *d, int c)
{
    return c == VG_G_AUX_ETRE || c == VG_G_AUX_AVOIR || c == VG_G_SPEECH || c == VG_G_MOTION ||
           c == VG_G_INTENT || c == VG_G_REFUSE || c == VG_G_THREAT || (c == VG_G_MODAL && d->fr) || (c == VG_G_FUTURE && d->fr);
}

/* Classes whose words may be verbs (lemmas) or nouns: « décider », « décision ». Their verbs get their
** forms, their other words are words. */
static int gclass_mixed(int c)
{
    return c == VG_G_DECIDE;
}

typedef struct {
    int cls;
} gram_ctx;

/* In a mixed class, a word is a verb when the lexicon knows it (French) or ends like an English
** verb lemma listed as such (decide, order): nouns there end in -ion. */
static int mixed_is_verb(ld *d, const char *s, size_t n)
{
    char w[64];
    if (n >= sizeof w)
        return 0;
    memcpy(w, s, n);
    w[n] = 0;
    if (d->fr)
        return vg_morph_is_verb(d->morph, w);
    return n < 3 || strcmp(w + n - 3, "ion");
}

static vg_status gram_alt(ld *d, const char *s, size_t n, void *vctx)
{
    gram_ctx *c = vctx;
    vg_lexicon *lx = d->lx;
    vg_status rc;
    if (gclass_lemmas(d, c->cls) || (gclass_mixed(c->cls) &&
                                      mixed_is_verb(d, s, n))) {
        uint32_t lemma;
        if ((rc = add_lemma(d, s, n, &lemma)) != VG_OK)
            return rc;
        size_t cap = lx->caplemcls;
        if ((rc = vg_grow(lx->mem, (void **)&lx->lemma_cls, &lx->caplemcls, lemma + 1, sizeof(uint32_t))) != VG_OK)
            return rc;
        if (lx->caplemcls > cap)
            memset(lx->lemma_cls + cap, 0, (lx->caplemcls - cap) * sizeof(uint32_t));
        lx->lemma_cls[lemma] |= 1u << c->cls;
        if (c->cls == VG_G_AUX_ETRE)
            lx->lemma_etre = lemma + 1;
        if (c->cls == VG_G_AUX_AVOIR)
            lx->lemma_avoir = lemma + 1;
    }
    if (n > 1 && s[0] == '-' && !memchr(s, ' ', n)) {
        /* an inverted clitic (-t-il, -elle) is one token in text: the tokenizer splits it off its
        ** verb whole, so it is interned whole here */
        char key[64];
        size_t k = vg_fold(s, n, key, sizeof key);
        uint32_t id;
        if (k >= sizeof key || (rc = vg_grow(lx->mem, (void **)&lx->gseq, &lx->capgseq, lx->ngseq + 2, sizeof(uint32_t))) != VG_OK ||
            (rc = intern_base(d, key, k, &id)) != VG_OK)
            return k >= sizeof key ? fail(d, "%.60s: too long", s) : rc;
        lx->gseq[lx->ngseq++] = id;
        lx->gseq[lx->ngseq++] = 0;
        return VG_OK;
    }
    if ((rc = tokenize(d, s, n)) != VG_OK)
        return rc;
    if ((rc = vg_grow(lx->mem, (void **)&lx->gseq, &lx->capgseq, lx->ngseq + d->toks.n + 1, sizeof(uint32_t))) != VG_OK)
        return rc;
    for (size_t i = 0; i < d->toks.n; i++) {
        uint32_t id;
        if ((rc = intern_base(d, d->toks.v[i].key, d->toks.v[i].keylen, &id)) != VG_OK)
            return rc;
        lx->gseq[lx->ngseq++] = id;
    }
    lx->gseq[lx->ngseq++] = 0;
    return VG_OK;
}

static vg_status load_grammar(ld *d, const char *path)
{
    vg_lexicon *lx = d->lx;
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        snprintf(d->err, d->errcap, "%s: cannot open", path);
        return VG_EDICT;
    }
    d->file = path;
    d->line = 0;
    char buf[4096];
    vg_status rc = VG_OK;
    int seen[VG_G_COUNT] = { 0 };
    /* classes are stored in class order, whatever the file's order: read it once per class */
    for (int c = 0; c < VG_G_COUNT && rc == VG_OK; c++) {
        rewind(fp);
        d->line = 0;
        lx->gstart[c] = (uint32_t)lx->ngseq;
        while (rc == VG_OK && fgets(buf, sizeof buf, fp)) {
            d->line++;
            buf[strcspn(buf, "\r\n")] = 0;
            if (!buf[0] || buf[0] == '#')
                continue;
            char *tab = strchr(buf, '\t');
            if (!tab) {
                rc = fail(d, "%sexpected CLASS<TAB>words", "");
                break;
            }
            *tab = 0;
            int k;
            for (k = 0; k < VG_G_COUNT; k++)
                if (!strcmp(buf, gclass_names[k]))
                    break;
            if (k == VG_G_COUNT) {
                rc = fail(d, "unknown class \"%.60s\"", buf);
                break;
            }
            if (k != c)
                continue;
            seen[c] = 1;
            gram_ctx g = { c };
            rc = each_alt(d, tab + 1, gram_alt, &g);
        }
        lx->gend[c] = (uint32_t)lx->ngseq;
    }
    fclose(fp);
    for (int c = 0; c < VG_G_COUNT && rc == VG_OK; c++)
        if (!seen[c]) {
            snprintf(d->err, d->errcap, "%s: class \"%s\" missing", path, gclass_names[c]);
            rc = VG_EDICT;
        }
    return rc;
}

/* ---- dates ---- */

/* The alternatives of a dates.txt line as base word ids, ids[k * stride]; with offs, each
** alternative is "word OFFSET" (rel lines). Returns the count in *got. */
static vg_status date_ids(ld *d, char *alts, uint32_t *ids, int max, int stride, int *offs, int *got)
{
    int k = 0;
    vg_status rc;
    for (char *p = alts; p;) {
        char *bar = strstr(p, " | ");
        size_t n = bar ? (size_t)(bar - p) : strlen(p);
        char *sp = offs ? memchr(p, ' ', n) : NULL;
        size_t wn = sp ? (size_t)(sp - p) : n;
        if (k >= max)
            return fail(d, "%stoo many alternatives", "");
        if (offs && !sp)
            return fail(d, "\"%.40s\": expected a word and a day offset", p);
        if ((rc = tokenize(d, p, wn)) != VG_OK)
            return rc;
        if (d->toks.n == 2 && d->toks.v[1].key[0] == '.' && !d->toks.v[1].key[1])
            d->toks.n = 1; /* "Jun." where Jun is not an abbreviation: text has "Jun" then "." */
        if (d->toks.n != 1)
            return fail(d, "date word \"%.40s\" must be one token", p);
        uint32_t id;
        if ((rc = intern_base(d, d->toks.v[0].key, d->toks.v[0].keylen, &id)) != VG_OK)
            return rc;
        ids[k * stride] = id;
        if (offs)
            offs[k] = atoi(sp + 1);
        k++;
        p = bar ? bar + 3 : NULL;
    }
    *got = k;
    return VG_OK;
}

static vg_status dates_line(ld *d, char **f, int nf)
{
    (void)nf;
    vg_dates *dt = &d->lx->dates;
    int got;
    vg_status rc;
    if (!strcmp(f[0], "weekday") || !strcmp(f[0], "month")) {
        int wk = f[0][0] == 'w', want = wk ? 7 : 12, *alt = &d->date_lines[wk];
        if (*alt >= VG_DATE_ALTS)
            return fail(d, "at most 3 lines of %.20s", f[0]);
        uint32_t *base = wk ? &dt->weekday[0][*alt] : &dt->month[0][*alt];
        (*alt)++;
        if ((rc = date_ids(d, f[1], base, want, VG_DATE_ALTS, NULL, &got)) != VG_OK)
            return rc;
        return got == want ? VG_OK : fail(d, "expected %.20s alternatives", wk ? "7" : "12");
    }
    if (!strcmp(f[0], "rel"))
        return date_ids(d, f[1], dt->rel, 8, 1, dt->rel_off, &dt->nrel);
    uint32_t *slot = !strcmp(f[0], "last") ? dt->last : !strcmp(f[0], "next") ? dt->next
                     : !strcmp(f[0], "end") ? dt->end : !strcmp(f[0], "start") ? dt->start
                     : !strcmp(f[0], "at") ? dt->at : NULL;
    if (!slot)
        return fail(d, "unknown class \"%.40s\"", f[0]);
    return date_ids(d, f[1], slot, 4, 1, NULL, &got);
}

/* ---- triggers ---- */

static vg_status push_pel(ld *d, uint8_t kind, uint32_t id, uint32_t surf, uint8_t cs)
{
    vg_lexicon *lx = d->lx;
    vg_status rc = vg_grow(lx->mem, (void **)&lx->pel, &lx->cappel, lx->npel + 1, sizeof(vg_pel));
    if (rc != VG_OK)
        return rc;
    vg_pel *e = &lx->pel[lx->npel++];
    e->kind = kind;
    e->id = id;
    e->surf = surf;
    e->cs = cs;
    e->lemma = UINT32_MAX;
    return VG_OK;
}

/* Is id a word of some grammar class (de, par, the…)? Those are never inflected. */
static int grammar_word(const vg_lexicon *lx, uint32_t id)
{
    for (size_t i = 0; i < lx->ngseq; i++)
        if (lx->gseq[i] == id)
            return 1;
    return 0;
}

static int is_refl(const ld *d, const char *key)
{
    const vg_lexicon *lx = d->lx;
    uint32_t id = vg_strset_id(lx->words, key, strlen(key));
    for (uint32_t i = lx->gstart[VG_G_REFL]; id && i < lx->gend[VG_G_REFL]; i++)
        if (lx->gseq[i] == lx->word_base[id])
            return 1;
    return 0;
}

static vg_status trigger_line(ld *d, char **f, int nf)
{
    vg_lexicon *lx = d->lx;
    vg_status rc;
    if (strcmp(f[0], "---") && !vg_lex_code(lx, f[0], strlen(f[0]))) /* ---: matches, codes nothing */
        return fail(d, "unknown CAMEO code \"%.120s\" (data/cameo/codes.tsv, or codes.txt)", f[0]);
    if ((rc = vg_grow(lx->mem, (void **)&lx->pat, &lx->cappat, lx->npat + 1, sizeof(vg_pattern))) != VG_OK)
        return rc;
    vg_pattern *p = &lx->pat[lx->npat];
    memset(p, 0, sizeof *p);
    vg_copy(p->code, sizeof p->code, f[0], SIZE_MAX);
    p->file = d->file_ix;
    p->line = (uint32_t)d->line;
    p->els = (uint32_t)lx->npel;
    char *osave = NULL;
    for (char *o = nf == 3 ? strtok_r(f[2], " ", &osave) : NULL; o; o = strtok_r(NULL, " ", &osave)) {
        /* neg=CODE: the negated action is an event of its own; back=CODE: the target acts on the
        ** source too (arrive 032 / receive 033: TABARI's paired codes) */
        if (!strcmp(o, "verbal")) { /* attaquer: « l'attaque » is a noun, « a attaqué » a verb */
            p->verbal = 1;
            continue;
        }
        if (!strncmp(o, "target=", 7)) { /* boycotter les élections: against one's own government */
            if (strlen(o + 7) != 3 || !known_role(lx, o + 7))
                return fail(d, "bad option \"%.120s\" (target=ROLE, a role of data/cameo/roles.tsv)", o);
            vg_copy(p->owngov, sizeof p->owngov, o + 7, 3);
            continue;
        }
        char *dst = !strncmp(o, "neg=", 4) ? p->negcode : !strncmp(o, "back=", 5) ? p->backcode : NULL;
        const char *v = dst ? strchr(o, '=') + 1 : "";
        if (!dst || !vg_lex_code(lx, v, strlen(v)))
            return fail(d, "bad option \"%.120s\" (neg=CODE, back=CODE with a known code, target=ROLE, or verbal)", o);
        vg_copy(dst, 5, v, SIZE_MAX);
    }
    int nsrc = 0, ntgt = 0, nword = 0, state = 0; /* state: 0 start, 1 after {S}, 2 verb seen */
    /* `=verb`: words stand between {S} and the verb (`{S} indicated would =act`) */
    int marked_verb = !strncmp(f[1], "{S} ", 4) && strstr(f[1], " =") != NULL;
    char *save = NULL;
    for (char *w = strtok_r(f[1], " ", &save); w; w = strtok_r(NULL, " ", &save)) {
        int is_verb = 0;
        if (marked_verb && w[0] == '=' && w[1]) {
            if (state != 1)
                return fail(d, "%.120s: only one =verb, after {S}", w);
            w++;
            is_verb = 1;
        }
        if (!strcmp(w, "{S}") || !strcmp(w, "{T}") || !strcmp(w, "*")) {
            int src = w[1] == 'S';
            if (w[0] == '{' && (src ? nsrc++ : ntgt++))
                return fail(d, "%.120s appears twice", w);
            if (w[0] == '{' && src && lx->npel == p->els)
                state = 1; /* a verb pattern */
            else if (state == 1)
                return fail(d, "%.120s where the verb should be", w);
            if ((rc = push_pel(d, w[0] == '*' ? VG_PE_GAP : src ? VG_PE_SRC : VG_PE_TGT, 0, 0, 0)) != VG_OK)
                return rc;
            continue;
        }
        if ((rc = tokenize(d, w, strlen(w))) != VG_OK)
            return rc;
        for (size_t i = 0; i < d->toks.n; i++) {
            const vg_token *t = &d->toks.v[i];
            char key[VG_MAX_KEY_BYTES];
            vg_copy(key, sizeof key, t->key, SIZE_MAX);
            if (state == 1 && marked_verb && !is_verb) { /* a word before the verb */
                uint32_t id;
                if ((rc = intern_base(d, key, strlen(key), &id)) != VG_OK ||
                    (rc = push_pel(d, VG_PE_WORD, id, 0, 0)) != VG_OK)
                    return rc;
                continue;
            }
            is_verb = 0; /* the verb is the word's first token */
            if (state == 1 && is_refl(d, key) && !(lx->pel[lx->npel - 1].kind == VG_PE_REFL)) {
                if ((rc = push_pel(d, VG_PE_REFL, 0, 0, 0)) != VG_OK)
                    return rc;
                continue;
            }
            if (state == 1) { /* the verb */
                uint32_t lemma;
                if ((rc = add_lemma(d, w + t->start, t->end - t->start, &lemma)) != VG_OK)
                    return rc;
                p->verb = 1;
                p->head = (uint8_t)(lx->npel - p->els);
                if ((rc = push_pel(d, VG_PE_VERB, lemma, 0, 0)) != VG_OK)
                    return rc;
                state = 2;
                continue;
            }
            uint32_t id;
            if ((rc = intern_base(d, key, strlen(key), &id)) != VG_OK)
                return rc;
            int cs = acronym(w + t->start, t->end - t->start);
            if (!cs && t->kind == VG_TOK_WORD && !grammar_word(lx, id) && (rc = inflect(d, key, id, d->fr)) != VG_OK)
                return rc;
            if (!nword++ && !p->verb)
                p->head = (uint8_t)(lx->npel - p->els);
            if ((rc = push_pel(d, VG_PE_WORD, id, cs ? pool_add(lx, w + t->start, t->end - t->start) : 0,
                               (uint8_t)cs)) != VG_OK)
                return rc;
            if (d->fr && state == 2 && !cs && mixed_is_verb(d, w + t->start, t->end - t->start)) {
                uint32_t lemma; /* a verb inside the pattern: « menacer * frapper {T} » */
                if ((rc = add_lemma(d, w + t->start, t->end - t->start, &lemma)) != VG_OK)
                    return rc;
                lx->pel[lx->npel - 1].lemma = lemma;
            }
        }
    }
    p->nel = (uint8_t)(lx->npel - p->els);
    if (state == 1)
        return fail(d, "%.120sno verb after {S}", "");
    if (!p->verb && !nword)
        return fail(d, "%.120sa nominal pattern needs a word", "");
    if (lx->npel - p->els > 32)
        return fail(d, "%.120stoo many elements", "");
    lx->npat++;
    return VG_OK;
}

/* ---- indexes ---- */

/* Longest first, file order among equals: an insertion sort (a word starts few phrases). */
static void sort_by_length(const vg_lexicon *lx, uint32_t *v, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        uint32_t x = v[i];
        size_t j = i;
        while (j > 0 && lx->ph[v[j - 1]].nw < lx->ph[x].nw) {
            v[j] = v[j - 1];
            j--;
        }
        v[j] = x;
    }
}

/* CSR from n items keyed by key(i) in [0, nkeys). */
static vg_status csr(const vg_mem *mem, size_t nkeys, size_t n, uint32_t (*key)(const vg_lexicon *, size_t),
                     const vg_lexicon *lx, uint32_t **off, uint32_t **idx)
{
    *off = vg_malloc(mem, (nkeys + 2) * sizeof(uint32_t));
    *idx = vg_malloc(mem, (n + 1) * sizeof(uint32_t));
    if (!*off || !*idx)
        return VG_ENOMEM;
    memset(*off, 0, (nkeys + 2) * sizeof(uint32_t));
    for (size_t i = 0; i < n; i++) {
        uint32_t k = key(lx, i);
        if (k != UINT32_MAX)
            (*off)[k + 1]++;
    }
    for (size_t k = 0; k < nkeys + 1; k++)
        (*off)[k + 1] += (*off)[k];
    uint32_t *fill = vg_malloc(mem, (nkeys + 1) * sizeof(uint32_t));
    if (!fill)
        return VG_ENOMEM;
    memcpy(fill, *off, (nkeys + 1) * sizeof(uint32_t));
    for (size_t i = 0; i < n; i++) {
        uint32_t k = key(lx, i);
        if (k != UINT32_MAX)
            (*idx)[fill[k]++] = (uint32_t)i;
    }
    vg_free(mem, fill);
    return VG_OK;
}

static uint32_t ph_key(const vg_lexicon *lx, size_t i) { return lx->wseq[lx->ph[i].words]; }
static uint32_t vp_key(const vg_lexicon *lx, size_t i)
{
    const vg_pattern *p = &lx->pat[i];
    return p->verb ? lx->pel[p->els + p->head].id : UINT32_MAX;
}
static uint32_t np_key(const vg_lexicon *lx, size_t i)
{
    const vg_pattern *p = &lx->pat[i];
    return p->verb ? UINT32_MAX : lx->pel[p->els + p->head].id;
}

static int by_form(const void *a, const void *b)
{
    const formrec *x = a, *y = b;
    if (x->form != y->form)
        return x->form < y->form ? -1 : 1;
    if (x->v.lemma != y->v.lemma)
        return x->v.lemma < y->v.lemma ? -1 : 1;
    return 0;
}

static vg_status finish(ld *d)
{
    vg_lexicon *lx = d->lx;
    vg_status rc;
    /* variants: a word and its inflections become one class (union-find on ids), even when a
    ** dictionary also writes the inflected form as a word of its own (« rebelle | rebelles ») */
    for (size_t i = 0; i < d->nvar; i++) {
        const char *k = d->vkeys.p + d->var[i].key;
        uint32_t id = vg_strset_id(lx->words, k, strlen(k));
        if (!id && (rc = intern_base(d, k, strlen(k), &id)) != VG_OK)
            return rc;
        uint32_t a = id, b = d->var[i].base;
        while (lx->word_base[a] != a)
            a = lx->word_base[a];
        while (lx->word_base[b] != b)
            b = lx->word_base[b];
        if (a != b)
            lx->word_base[a > b ? a : b] = a > b ? b : a; /* the older id is the root */
    }
    for (uint32_t id = 1; id <= vg_strset_count(lx->words); id++) {
        uint32_t r = id;
        while (lx->word_base[r] != r)
            r = lx->word_base[r];
        lx->word_base[id] = r;
    }
    /* every stored word id now names its class */
    for (size_t i = 0; i < lx->nwseq; i++)
        lx->wseq[i] = lx->word_base[lx->wseq[i]];
    for (size_t i = 0; i < lx->ngseq; i++)
        lx->gseq[i] = lx->gseq[i] ? lx->word_base[lx->gseq[i]] : 0;
    for (size_t i = 0; i < lx->npel; i++)
        if (lx->pel[i].kind == VG_PE_WORD)
            lx->pel[i].id = lx->word_base[lx->pel[i].id];
    uint32_t *dates = (uint32_t *)&lx->dates;
    for (size_t i = 0; i < offsetof(vg_dates, rel_off) / sizeof(uint32_t); i++)
        dates[i] = dates[i] ? lx->word_base[dates[i]] : 0;
    size_t nw = vg_strset_count(lx->words);
    /* grammar: single-word members per base word */
    lx->gword = vg_malloc(lx->mem, (lx->nword_base + 1) * sizeof(uint32_t));
    if (!lx->gword)
        return VG_ENOMEM;
    memset(lx->gword, 0, (lx->nword_base + 1) * sizeof(uint32_t));
    lx->gfirst = vg_malloc(lx->mem, (lx->nword_base + 1) * sizeof(uint32_t));
    lx->wdate = vg_malloc(lx->mem, lx->nword_base + 1);
    if (!lx->gfirst || !lx->wdate)
        return VG_ENOMEM;
    memset(lx->gfirst, 0, (lx->nword_base + 1) * sizeof(uint32_t));
    memset(lx->wdate, 0, lx->nword_base + 1);
    for (int c = 0; c < VG_G_COUNT; c++)
        for (uint32_t i = lx->gstart[c]; i < lx->gend[c]; i++) {
            if (!lx->gseq[i] || !(i == lx->gstart[c] || !lx->gseq[i - 1]))
                continue;
            lx->gfirst[lx->gseq[i]] |= 1u << c;
            if (!lx->gseq[i + 1])
                lx->gword[lx->gseq[i]] |= 1u << c;
        }
    for (size_t i = 0; i < offsetof(vg_dates, rel_off) / sizeof(uint32_t); i++)
        if (dates[i] && dates[i] < lx->nword_base)
            lx->wdate[dates[i]] = 1;
    /* phrases by first word, longest first */
    if ((rc = csr(lx->mem, nw + 1, lx->nph, ph_key, lx, &lx->ph_first_off, &lx->ph_first)) != VG_OK)
        return rc;
    for (size_t w = 0; w <= nw; w++)
        sort_by_length(lx, lx->ph_first + lx->ph_first_off[w], lx->ph_first_off[w + 1] - lx->ph_first_off[w]);
    size_t nlem = vg_strset_count(lx->lemmas);
    if ((rc = csr(lx->mem, nlem + 1, lx->npat, vp_key, lx, &lx->vp_off, &lx->vp)) != VG_OK ||
        (rc = csr(lx->mem, nw + 1, lx->npat, np_key, lx, &lx->np_off, &lx->np)) != VG_OK)
        return rc;
    /* verb forms: sort the (form, lemma, feats) records, merge duplicates, index by form */
    qsort(d->fr_recs, d->nfr, sizeof(formrec), by_form);
    size_t nforms = vg_strset_count(lx->vforms);
    lx->vform_off = vg_malloc(lx->mem, (nforms + 2) * sizeof(uint32_t));
    lx->vf = vg_malloc(lx->mem, (d->nfr + 1) * sizeof(vg_vform));
    if (!lx->vform_off || !lx->vf)
        return VG_ENOMEM;
    memset(lx->vform_off, 0, (nforms + 2) * sizeof(uint32_t));
    size_t nv = 0;
    for (size_t i = 0; i < d->nfr; i++) {
        if (nv && d->fr_recs[i].form == d->fr_recs[i - 1].form && d->fr_recs[i].v.lemma == lx->vf[nv - 1].lemma) {
            lx->vf[nv - 1].feats |= d->fr_recs[i].v.feats;
            continue;
        }
        lx->vf[nv++] = d->fr_recs[i].v;
        lx->vform_off[d->fr_recs[i].form + 1]++;
    }
    for (size_t k = 0; k < nforms + 1; k++)
        lx->vform_off[k + 1] += lx->vform_off[k];
    for (size_t i = 0; i < lx->nfiles; i++)
        lx->files[i] = lx->pool.p + (uintptr_t)lx->files[i];
    return VG_OK;
}

vg_status vg_lexicon_load(vg_lexicon *lx, const vg_mem *mem, const char *data_dir, const char *dict_dir,
                          const char *lang,
                          const struct vg_langdata_s *text, char *err, size_t errcap)
{
    return vg_lexicon_load_with(lx, mem, data_dir, dict_dir, lang, text, NULL, err, errcap);
}

vg_status vg_lexicon_load_with(vg_lexicon *lx, const vg_mem *mem, const char *data_dir, const char *dict_dir,
                               const char *lang, const struct vg_langdata_s *text, const vg_morph *morph,
                               char *err, size_t errcap)
{
    vg_morph *own = NULL;
    memset(lx, 0, sizeof *lx);
    lx->mem = mem;
    vg_buf_init(&lx->pool, mem);
    vg_buf_putc(&lx->pool, 0); /* offset 0 means "none" */
    ld d;
    memset(&d, 0, sizeof d);
    d.lx = lx;
    d.text = text;
    d.fr = !strcmp(lang, "fr");
    d.err = err;
    d.errcap = errcap;
    vg_buf_init(&d.keys, mem);
    vg_buf_init(&d.vkeys, mem);
    char path[4096];
    vg_status rc;
    if ((rc = vg_strset_new(mem, &lx->words)) != VG_OK || (rc = vg_strset_new(mem, &lx->vforms)) != VG_OK ||
        (rc = vg_strset_new(mem, &lx->lemmas)) != VG_OK)
        goto done;
    snprintf(path, sizeof path, "%s/text/%s/inflect.txt", data_dir, lang);
    if ((rc = vg_inflect_load(&d.infl, path, err, errcap)) != VG_OK)
        goto done;
    if (!morph && (rc = vg_morph_open(mem, lang, &own, err, errcap)) != VG_OK)
        goto done;
    d.morph = morph ? morph : own;
    snprintf(path, sizeof path, "%s/text/%s/grammar.txt", data_dir, lang);
    if ((rc = load_grammar(&d, path)) != VG_OK)
        goto done;
    /* the dictionary files, in the order their words must be known: dates and places before the
    ** actors that use them, grammar (above) before the patterns that ask for reflexives */
    enum { FILE_ONE, FILE_OPTIONAL, FILE_DIR }; /* one required file, an optional one, every *.txt of a directory */
    static const struct {
        const char *fmt; /* %s: the directory, then the language where the file has one */
        uint8_t in_dict, how, org, minf, maxf;
        line_fn fn;
    } files[] = {
        { "%s/text/%s/dates.txt", 0, FILE_ONE, 0, 2, 2, dates_line },
        { "%s/codes.txt", 1, FILE_OPTIONAL, 0, 3, 5, code_line },
        { "%s/options.txt", 1, FILE_OPTIONAL, 0, 2, 2, option_line },
        { "%s/%s/countries.txt", 1, FILE_ONE, 0, 3, 4, country_line },
        { "%s/%s/countries-iso.txt", 1, FILE_OPTIONAL, 0, 3, 4, country_line }, /* made by tools/mkcountries.py */
        { "%s/actors.txt", 1, FILE_ONE, 0, 2, 2, actor_line },
        { "%s/organisations.txt", 1, FILE_OPTIONAL, 1, 2, 2, actor_line }, /* the same format */
        { "%s/actors", 1, FILE_DIR, 0, 2, 2, actor_line },
        { "%s/%s/agents.txt", 1, FILE_ONE, 0, 2, 2, agent_line },
        { "%s/%s/discards.txt", 1, FILE_OPTIONAL, 0, 2, 2, discard_line },
        { "%s/%s/triggers.txt", 1, FILE_ONE, 0, 2, 3, trigger_line },
        { "%s/%s/triggers", 1, FILE_DIR, 0, 2, 3, trigger_line }, /* families of patterns, a file each */
    };
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        snprintf(path, sizeof path, files[i].fmt, files[i].in_dict ? dict_dir : data_dir, lang);
        d.org = files[i].org;
        if (files[i].how == FILE_DIR)
            rc = each_file(&d, path, files[i].minf, files[i].maxf, files[i].fn);
        else
            rc = each_line(&d, path, files[i].how == FILE_ONE, files[i].minf, files[i].maxf, files[i].fn);
        if (rc != VG_OK)
            goto done;
    }
    rc = finish(&d);
done:
    vg_morph_close(own);
    vg_free(mem, d.toks.v);
    vg_buf_release(&d.keys);
    vg_buf_release(&d.vkeys);
    vg_free(mem, d.var);
    vg_free(mem, d.fr_recs);
    vg_free(mem, d.lemma_done);
    if (rc == VG_ENOMEM)
        snprintf(err, errcap, "out of memory loading the dictionaries");
    return rc;
}

void vg_lexicon_free(vg_lexicon *lx)
{
    const vg_mem *m = lx->mem;
    if (!m)
        return;
    vg_strset_free(lx->words);
    vg_strset_free(lx->vforms);
    vg_strset_free(lx->lemmas);
    vg_free(m, lx->word_base);
    vg_free(m, lx->vform_off);
    vg_free(m, lx->vf);
    vg_free(m, lx->ph);
    vg_free(m, lx->wseq);
    vg_free(m, lx->roles);
    vg_free(m, lx->ph_first_off);
    vg_free(m, lx->ph_first);
    vg_free(m, lx->pat);
    vg_free(m, lx->pel);
    vg_free(m, lx->vp_off);
    vg_free(m, lx->vp);
    vg_free(m, lx->np_off);
    vg_free(m, lx->np);
    vg_free(m, lx->gseq);
    vg_free(m, lx->gword);
    vg_free(m, lx->gfirst);
    vg_free(m, lx->wdate);
    vg_free(m, lx->lemma_cls);
    for (size_t i = 0; i < lx->nxcode; i++) {
        vg_free(m, (void *)lx->xcode[i].code);
        vg_free(m, (void *)lx->xcode[i].name);
    }
    vg_free(m, lx->xcode);
    vg_free(m, lx->xrole);
    vg_buf_release(&lx->pool);
    memset(lx, 0, sizeof *lx);
}

uint32_t vg_lex_word(const vg_lexicon *lx, const char *key, size_t n)
{
    uint32_t id = vg_strset_id(lx->words, key, n);
    return id ? lx->word_base[id] : 0;
}

size_t vg_lex_vforms(const vg_lexicon *lx, const char *key, size_t n, const vg_vform **out)
{
    uint32_t id = vg_strset_id(lx->vforms, key, n);
    if (!id) {
        *out = NULL;
        return 0;
    }
    *out = lx->vf + lx->vform_off[id];
    return lx->vform_off[id + 1] - lx->vform_off[id];
}

const char *vg_lex_lemma(const vg_lexicon *lx, uint32_t lemma) { return vg_strset_get(lx->lemmas, lemma + 1); }
