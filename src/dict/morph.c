/* morph.c — every inflected form of a verb, so that a dictionary entry written `accuser` or `strike`
** matches « ont accusé », « accusera », "struck", "striking".
** French: the Verbiste lexicon (Debian package verbiste: 7,000 verbs, each with a conjugation
** template of endings per mood and tense). English: regular spelling rules, plus WordNet's list of
** irregular forms (Debian package wordnet-base, verb.exc: "fought fight", "said say").
** Both are read when the dictionaries are compiled, for the lemmas the dictionaries use; the
** lexicons are not kept afterwards. Not here: noun and adjective inflection (inflect.c). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dict.h"

/* A template's endings: feats + ending, NUL-separated in one buffer. */
typedef struct {
    char name[48];
    const char *term;   /* the part of the name after ':', removed from the infinitive */
    uint32_t off, n;    /* into m->endings (pairs) */
} tmpl;

typedef struct {
    uint16_t feats;
    uint32_t s; /* offset into m->pool */
} ending;

struct vg_morph {
    const vg_mem *mem;
    int fr;
    vg_buf pool;
    tmpl *t;
    size_t nt, capt;
    ending *e;
    size_t ne, cape;
    vg_strset *verbs;   /* French lemmas (as written, with accents); id -> verb_tmpl[id-1] */
    uint32_t *verb_tmpl;
    size_t nverb, capverb;
    /* English irregulars: "form lemma" pairs from verb.exc */
    vg_strset *irr_lemmas; /* id -> irr_off */
    uint32_t *irr_first;   /* [id] first pair index, chained through irr_next */
    uint32_t *irr_next;
    uint32_t *irr_form;    /* pool offsets */
    size_t nirr, capirr, capfirst, capnext;
};

/* The whole file, NUL-terminated (free it), or NULL with the reason in err. */
static char *slurp_or_say(const char *path, size_t *n, char *err, size_t errcap)
{
    char *b = vg_read_file(path, n);
    if (!b)
        snprintf(err, errcap, "%s: %s", path, strerror(errno));
    return b;
}

static const char *find_file(const char *const *dirs, const char *name, char *buf, size_t cap)
{
    for (size_t i = 0; dirs[i]; i++) {
        if (!dirs[i][0])
            continue;
        snprintf(buf, cap, "%s/%s", dirs[i], name);
        FILE *f = fopen(buf, "rb");
        if (f) {
            fclose(f);
            return buf;
        }
    }
    return NULL;
}

static uint32_t pool_add(vg_morph *m, const char *s, size_t n)
{
    uint32_t off = (uint32_t)m->pool.n;
    if (vg_buf_append(&m->pool, s, n) != VG_OK || vg_buf_putc(&m->pool, 0) != VG_OK)
        return UINT32_MAX;
    return off;
}

/* ---- French: Verbiste ---------------------------------------------------------------------------
** conjugation-fr.xml: <template name="aim:er"> <indicative> <present> <p><i>e</i></p> … Only the
** tags matter; a small scanner reads them in order (the files are Debian's, but a damaged one is
** reported, never trusted blindly). */

static unsigned feats_of(const char *mood, const char *tense)
{
    if (!strcmp(tense, "infinitive-present")) return VG_VF_INF;
    if (!strcmp(tense, "present-participle")) return VG_VF_PPRES;
    if (!strcmp(tense, "past-participle")) return VG_VF_PPART;
    if (!strcmp(tense, "imperative-present")) return VG_VF_IMPER;
    if (!strcmp(mood, "conditional")) return VG_VF_COND;
    if (!strcmp(mood, "subjunctive")) return VG_VF_SUBJ;
    if (!strcmp(tense, "future")) return VG_VF_FUT;
    if (!strcmp(tense, "present")) return VG_VF_PRES;
    return VG_VF_PAST; /* imperfect, simple-past */
}

/* The first w in p[0..end), or NULL. Not strstr: the files are read whole, and strstr from the
** middle of one reads to its end on every call under a sanitizer (its interceptor takes the
** haystack's strlen first), which made loading the lexicon quadratic in the fuzzer and check-asan. */
static const char *find(const char *p, const char *end, const char *w)
{
    size_t n = strlen(w);
    while (p < end && (p = memchr(p, w[0], (size_t)(end - p))) != NULL) {
        if ((size_t)(end - p) < n)
            return NULL;
        if (!memcmp(p, w, n))
            return p;
        p++;
    }
    return NULL;
}

/* Next tag at or after *p: its name (without '<', '/'), whether it closes, and *p after '>'.
** Comments, declarations and the DOCTYPE with its internal subset are skipped. */
static int next_tag(const char **p, const char *end, char *name, size_t cap, int *closing,
                    const char **attrs)
{
    const char *s = *p;
    for (;;) {
        s = memchr(s, '<', (size_t)(end - s));
        if (!s)
            return 0;
        if (!strncmp(s, "<!--", 4)) {
            const char *e = find(s, end, "-->");
            if (!e)
                return 0;
            s = e + 3;
            continue;
        }
        if (s[1] == '!' || s[1] == '?') {
            const char *gt = memchr(s, '>', (size_t)(end - s)), *br = memchr(s, '[', (size_t)(end - s));
            if (br && gt && br < gt) /* internal subset */
                gt = find(br, end, "]>");
            if (!gt)
                return 0;
            s = gt + 1;
            continue;
        }
        break;
    }
    s++;
    *closing = *s == '/';
    if (*closing)
        s++;
    size_t k = 0;
    while (s < end && *s != '>' && *s != ' ' && *s != '/' && *s != '\t' && *s != '\n' && k + 1 < cap)
        name[k++] = *s++;
    name[k] = 0;
    *attrs = s;
    const char *gt = memchr(s, '>', (size_t)(end - s));
    if (!gt)
        return 0;
    if (gt > s && gt[-1] == '/') /* <p/> */
        *closing = 2;
    *p = gt + 1;
    return 1;
}

static vg_status load_conjugations(vg_morph *m, const char *path, char *err, size_t errcap)
{
    size_t n;
    char *b = slurp_or_say(path, &n, err, errcap);
    if (!b)
        return VG_EDICT;
    const char *p = b, *end = b + n, *attrs;
    char name[64], mood[64] = "", tense[64] = "";
    int closing, depth_tense = 0;
    vg_status rc = VG_OK;
    tmpl *cur = NULL;
    while (rc == VG_OK && next_tag(&p, end, name, sizeof name, &closing, &attrs)) {
        if (!strcmp(name, "template") && !closing) {
            const char *q = find(attrs, p, "name=\""); /* within the tag */
            if (!q || (rc = vg_grow(m->mem, (void **)&m->t, &m->capt, m->nt + 1, sizeof(tmpl))) != VG_OK)
                break;
            q += 6;
            const char *qe = strchr(q, '"');
            cur = &m->t[m->nt++];
            memset(cur, 0, sizeof *cur);
            snprintf(cur->name, sizeof cur->name, "%.*s", (int)(qe ? qe - q : 0), q);
            cur->off = (uint32_t)m->ne;
            continue;
        }
        if (!strcmp(name, "template") && closing) {
            if (cur)
                cur->n = (uint32_t)m->ne - cur->off;
            cur = NULL;
            continue;
        }
        if (!cur)
            continue;
        if (!strcmp(name, "infinitive") || !strcmp(name, "indicative") || !strcmp(name, "conditional") ||
            !strcmp(name, "subjunctive") || !strcmp(name, "imperative") || !strcmp(name, "participle")) {
            if (!closing)
                snprintf(mood, sizeof mood, "%s", name);
            depth_tense = 0;
            continue;
        }
        if (!strcmp(name, "p") || !strcmp(name, "i")) {
            if (!strcmp(name, "i") && !closing) {
                const char *e = find(p, end, "</i>");
                if (!e) {
                    rc = VG_EDICT;
                    break;
                }
                if ((rc = vg_grow(m->mem, (void **)&m->e, &m->cape, m->ne + 1, sizeof(ending))) != VG_OK)
                    break;
                ending *en = &m->e[m->ne++];
                en->feats = (uint16_t)feats_of(mood, tense);
                if ((en->s = pool_add(m, p, (size_t)(e - p))) == UINT32_MAX)
                    rc = VG_ENOMEM;
            }
            continue;
        }
        if (!closing) { /* a tense */
            snprintf(tense, sizeof tense, "%s", name);
            depth_tense = 1;
        }
    }
    (void)depth_tense;
    free(b);
    if (rc == VG_OK && !m->nt)
        rc = VG_EDICT;
    if (rc == VG_EDICT)
        snprintf(err, errcap, "%s: not a Verbiste conjugation file", path);
    for (size_t i = 0; i < m->nt; i++) {
        const char *c = strchr(m->t[i].name, ':');
        m->t[i].term = c ? c + 1 : "";
    }
    return rc;
}

static vg_status load_verbs(vg_morph *m, const char *path, char *err, size_t errcap)
{
    size_t n;
    char *b = slurp_or_say(path, &n, err, errcap);
    if (!b)
        return VG_EDICT;
    vg_status rc = VG_OK;
    const char *end = b + n;
    for (const char *p = b; rc == VG_OK && (p = find(p, end, "<v><i>"));) {
        p += 6;
        const char *ie = find(p, end, "</i>"), *t = ie ? find(ie, end, "<t>") : NULL;
        const char *te = t ? find(t, end, "</t>") : NULL;
        if (!te)
            break;
        t += 3;
        size_t ti;
        for (ti = 0; ti < m->nt; ti++)
            if (strlen(m->t[ti].name) == (size_t)(te - t) && !memcmp(m->t[ti].name, t, (size_t)(te - t)))
                break;
        if (ti < m->nt) {
            uint32_t id;
            if ((rc = vg_strset_add(m->verbs, p, (size_t)(ie - p))) != VG_OK)
                break;
            id = vg_strset_id(m->verbs, p, (size_t)(ie - p));
            if ((rc = vg_grow(m->mem, (void **)&m->verb_tmpl, &m->capverb, id, sizeof(uint32_t))) != VG_OK)
                break;
            m->verb_tmpl[id - 1] = (uint32_t)ti;
        }
        p = te;
    }
    free(b);
    if (rc == VG_OK && !vg_strset_count(m->verbs)) {
        snprintf(err, errcap, "%s: no verbs", path);
        rc = VG_EDICT;
    }
    return rc;
}

/* ---- English: WordNet's verb.exc ---------------------------------------------------------------- */

static vg_status load_exc(vg_morph *m, const char *path, char *err, size_t errcap)
{
    size_t n;
    char *b = slurp_or_say(path, &n, err, errcap);
    if (!b)
        return VG_EDICT;
    vg_status rc = VG_OK;
    for (char *line = b; rc == VG_OK && line < b + n;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = 0;
        char *sp = strchr(line, ' ');
        if (sp) {
            char *lemma = sp + 1, *e = lemma + strcspn(lemma, " \r");
            uint32_t id;
            size_t before = vg_strset_count(m->irr_lemmas);
            if ((rc = vg_strset_add(m->irr_lemmas, lemma, (size_t)(e - lemma))) != VG_OK)
                break;
            id = vg_strset_id(m->irr_lemmas, lemma, (size_t)(e - lemma));
            if ((rc = vg_grow(m->mem, (void **)&m->irr_first, &m->capfirst, id + 1, sizeof(uint32_t))) != VG_OK ||
                (rc = vg_grow(m->mem, (void **)&m->irr_next, &m->capnext, m->nirr + 1, sizeof(uint32_t))) != VG_OK ||
                (rc = vg_grow(m->mem, (void **)&m->irr_form, &m->capirr, m->nirr + 1, sizeof(uint32_t))) != VG_OK)
                break;
            if (vg_strset_count(m->irr_lemmas) > before) /* a new lemma: no chain yet */
                m->irr_first[id] = UINT32_MAX;
            m->irr_form[m->nirr] = pool_add(m, line, (size_t)(sp - line));
            m->irr_next[m->nirr] = m->irr_first[id];
            m->irr_first[id] = (uint32_t)m->nirr++;
        }
        line = nl ? nl + 1 : b + n;
    }
    free(b);
    return rc;
}
/* f = the first keep bytes of lemma l, then suffix (f holds 128 bytes; lemmas are at most 100) */
static void form(char *f, const char *l, size_t keep, const char *suffix)
{
    size_t k = strlen(suffix);
    memcpy(f, l, keep);
    memcpy(f + keep, suffix, k + 1);
}


static int is_vowel(char c) { return strchr("aeiou", c) != NULL; }

/* English regular forms; the doubled-consonant variants (stop → stopped) are made for every
** consonant-vowel-consonant ending: the wrong one (visitted) never occurs in text, so it is harmless. */
static void english_forms(const char *l, vg_form_cb cb, void *ctx)
{
    size_t n = strlen(l);
    char f[128];
    if (n == 0 || n > 100)
        return;
    cb(ctx, l, VG_VF_INF | VG_VF_PRES);
    char last = l[n - 1], prev = n > 1 ? l[n - 2] : 0;
    /* 3rd person singular */
    if (strchr("sxzo", last) || (n > 1 && (!strcmp(l + n - 2, "ch") || !strcmp(l + n - 2, "sh"))))
        form(f, l, n, "es");
    else if (last == 'y' && prev && !is_vowel(prev))
        form(f, l, n - 1, "ies");
    else
        form(f, l, n, "s");
    cb(ctx, f, VG_VF_PRES);
    /* past and participle */
    if (last == 'e')
        form(f, l, n, "d");
    else if (last == 'y' && prev && !is_vowel(prev))
        form(f, l, n - 1, "ied");
    else
        form(f, l, n, "ed");
    cb(ctx, f, VG_VF_PAST | VG_VF_PPART);
    /* -ing */
    if (n > 2 && !strcmp(l + n - 2, "ie"))
        form(f, l, n - 2, "ying");
    else if (last == 'e' && prev != 'e' && prev != 'y' && prev != 'o' && n > 2)
        form(f, l, n - 1, "ing");
    else
        form(f, l, n, "ing");
    cb(ctx, f, VG_VF_PPRES);
    int cvc = n >= 3 && !is_vowel(last) && !strchr("wxy", last) && is_vowel(prev) && !is_vowel(l[n - 3]);
    if (cvc) {
        form(f, l, n, (char[4]){ last, 'e', 'd', 0 });
        cb(ctx, f, VG_VF_PAST | VG_VF_PPART);
        form(f, l, n, (char[5]){ last, 'i', 'n', 'g', 0 });
        cb(ctx, f, VG_VF_PPRES);
    }
}

/* be and have are not in verb.exc as a whole (is, are, has…), and every coder needs them. */
static int english_aux(const char *l, vg_form_cb cb, void *ctx)
{
    static const struct { const char *lemma, *form; unsigned feats; } aux[] = {
        { "be", "be", VG_VF_INF }, { "be", "am", VG_VF_PRES }, { "be", "is", VG_VF_PRES },
        { "be", "are", VG_VF_PRES }, { "be", "was", VG_VF_PAST }, { "be", "were", VG_VF_PAST },
        { "be", "been", VG_VF_PPART }, { "be", "being", VG_VF_PPRES },
        { "have", "have", VG_VF_INF | VG_VF_PRES }, { "have", "has", VG_VF_PRES },
        { "have", "had", VG_VF_PAST | VG_VF_PPART }, { "have", "having", VG_VF_PPRES },
    };
    int any = 0;
    for (size_t i = 0; i < sizeof aux / sizeof aux[0]; i++)
        if (!strcmp(aux[i].lemma, l)) {
            cb(ctx, aux[i].form, aux[i].feats);
            any = 1;
        }
    return any;
}

/* ---- API -------------------------------------------------------------------------------------- */

vg_status vg_morph_open(const vg_mem *mem, const char *lang, vg_morph **out, char *err, size_t errcap)
{
    vg_morph *m = vg_malloc(mem, sizeof *m);
    *out = m;
    if (!m)
        return VG_ENOMEM;
    memset(m, 0, sizeof *m);
    m->mem = mem;
    vg_buf_init(&m->pool, mem);
    m->fr = !strcmp(lang, "fr");
    vg_status rc;
    char path[4096];
    if (m->fr) {
        const char *env = getenv("VIGIE_VERBISTE");
        const char *dirs[] = { env ? env : "", "/usr/share/verbiste-0.1", "/usr/share/verbiste", NULL };
        if ((rc = vg_strset_new(mem, &m->verbs)) != VG_OK)
            return rc;
        if (!find_file(dirs, "conjugation-fr.xml", path, sizeof path)) {
            snprintf(err, errcap, "French verb lexicon not found: install Debian's verbiste (scripts/deps.sh) "
                                  "or set VIGIE_VERBISTE");
            return VG_EDICT;
        }
        if ((rc = load_conjugations(m, path, err, errcap)) != VG_OK)
            return rc;
        find_file(dirs, "verbs-fr.xml", path, sizeof path);
        return load_verbs(m, path, err, errcap);
    }
    const char *env = getenv("VIGIE_WORDNET");
    const char *dirs[] = { env ? env : "", "/usr/share/wordnet", NULL };
    if ((rc = vg_strset_new(mem, &m->irr_lemmas)) != VG_OK)
        return rc;
    if (!find_file(dirs, "verb.exc", path, sizeof path)) {
        snprintf(err, errcap, "English irregular verbs not found: install Debian's wordnet-base "
                              "(scripts/deps.sh) or set VIGIE_WORDNET");
        return VG_EDICT;
    }
    return load_exc(m, path, err, errcap);
}

void vg_morph_close(vg_morph *m)
{
    if (!m)
        return;
    vg_buf_release(&m->pool);
    vg_free(m->mem, m->t);
    vg_free(m->mem, m->e);
    vg_strset_free(m->verbs);
    vg_free(m->mem, m->verb_tmpl);
    vg_strset_free(m->irr_lemmas);
    vg_free(m->mem, m->irr_first);
    vg_free(m->mem, m->irr_next);
    vg_free(m->mem, m->irr_form);
    vg_free(m->mem, m);
}

const char *vg_morph_lemma_at(const vg_morph *m, size_t i)
{
    return m->fr && i < vg_strset_count(m->verbs) ? vg_strset_get(m->verbs, (uint32_t)i + 1) : NULL;
}

int vg_morph_is_verb(const vg_morph *m, const char *lemma)
{
    return m->fr && vg_strset_id(m->verbs, lemma, strlen(lemma)) != 0;
}

int vg_morph_forms(const vg_morph *m, const char *lemma, vg_form_cb cb, void *ctx)
{
    size_t n = strlen(lemma);
    if (m->fr) {
        uint32_t id = vg_strset_id(m->verbs, lemma, n);
        if (!id)
            return 0;
        const tmpl *t = &m->t[m->verb_tmpl[id - 1]];
        size_t tl = strlen(t->term);
        if (tl > n)
            return 0;
        char f[160];
        for (uint32_t i = 0; i < t->n; i++) {
            const ending *e = &m->e[t->off + i];
            snprintf(f, sizeof f, "%.*s%s", (int)(n - tl), lemma, m->pool.p + e->s);
            cb(ctx, f, e->feats);
        }
        return 1;
    }
    if (english_aux(lemma, cb, ctx))
        return 1;
    english_forms(lemma, cb, ctx);
    uint32_t id = vg_strset_id(m->irr_lemmas, lemma, n);
    if (!id)
        return 0;
    for (uint32_t i = m->irr_first[id]; i != UINT32_MAX; i = m->irr_next[i]) {
        const char *f = m->pool.p + m->irr_form[i];
        size_t fl = strlen(f);
        cb(ctx, f, fl > 3 && !strcmp(f + fl - 3, "ing") ? VG_VF_PPRES : VG_VF_PAST | VG_VF_PPART);
    }
    return 1;
}
