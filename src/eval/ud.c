/* ud.c — score the clause layer (src/syntax/) against a Universal Dependencies treebank: each
** sentence's text (# text = …) goes through vigie's tokenizer and segmenter and the clause layer;
** vigie tokens are aligned to the treebank's words by byte offsets into that text (a multiword token,
** « du » = de + le, "cannot", covers all its words; a vigie token maps to the first of them that is
** not an adposition), and each (verb head, relation, dependent head) triple the layer gives is
** compared with the treebank's: subjects (nsubj, nsubj:pass) and objects (obj).
** UD makes the predicate the head of a copular clause (« il est président »: nsubj(président, il)):
** the layer's copula predicate is the head there. Controlled and shared subjects are not counted:
** UD's basic trees have none. Not here: printing (src/cli/cmd_syntax.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "eval.h"
#include "syntax.h"

#define UD_MAX_WORDS 512

typedef struct {
    size_t start, end;  /* bytes of the sentence text, SIZE_MAX when not aligned */
    int head;           /* 1-based, 0 root */
    char rel;           /* 's' subject, 'o' object, 0 other */
    int adp;            /* an adposition (UPOS ADP): a multiword token maps to the word after it */
    char form[64];
} udword;

typedef struct {
    int h, d;
    char rel;
} triple;

static int has_triple(const triple *t, size_t n, int h, int d, char rel)
{
    for (size_t i = 0; i < n; i++)
        if (t[i].h == h && t[i].d == d && t[i].rel == rel)
            return 1;
    return 0;
}

/* field k (0-based) of a tab-separated line, copied to out */
static void field(const char *line, int k, char *out, size_t cap)
{
    const char *p = line;
    for (int i = 0; i < k && p; i++)
        p = (p = strchr(p, '\t')) ? p + 1 : NULL;
    size_t n = 0;
    if (p)
        while (p[n] && p[n] != '\t' && p[n] != '\n' && n + 1 < cap)
            n++;
    if (p)
        memcpy(out, p, n);
    out[n] = 0;
}

typedef struct {
    const vg_engine *e;
    const vg_syngram *g;
    vg_lang lang;
    vg_doc *doc;
    vg_syntax *syn;
    vg_ud_scores *sc;
    vg_ud_listing list;
    void *list_ctx;
    udword w[UD_MAX_WORDS + 1];
    int nw;
} udrun;

static void tally(vg_counts3 *c, const triple *gold, size_t ng, const triple *sys, size_t ns, char rel)
{
    for (size_t i = 0; i < ns; i++)
        if (sys[i].rel == rel) {
            if (has_triple(gold, ng, sys[i].h, sys[i].d, rel))
                c->tp++;
            else
                c->fp++;
        }
    for (size_t i = 0; i < ng; i++)
        if (gold[i].rel == rel && !has_triple(sys, ns, gold[i].h, gold[i].d, rel))
            c->fn++;
}

/* Align the words to the text and score one sentence. */
static vg_status sentence(udrun *r, const char *text, size_t len)
{
    vg_ud_scores *sc = r->sc;
    sc->sentences++;
    sc->words += (uint64_t)r->nw;
    vg_docinfo info = { NULL, r->lang, NULL };
    vg_status rc = vg_doc_analyze(r->doc, text, len, &info);
    if (rc != VG_OK)
        return rc;
    triple gold[UD_MAX_WORDS], sys[UD_MAX_WORDS];
    size_t ng = 0, ns = 0;
    for (int i = 1; i <= r->nw; i++)
        if (r->w[i].rel && ng < UD_MAX_WORDS)
            gold[ng++] = (triple){ r->w[i].head, i, r->w[i].rel };
    for (size_t si = 0; si < vg_doc_nsentences(r->doc); si++) {
        const vg_sentence *sn = vg_doc_sentence(r->doc, si);
        const vg_token *t = vg_doc_token(r->doc, sn->tok);
        if ((rc = vg_syntax_parse(r->syn, r->g, text, t, sn->ntok)) != VG_OK)
            return rc;
        /* token -> word: the word whose span holds the token's first byte */
        int map[VG_MAX_SENT_TOKENS];
        for (size_t k = 0; k < sn->ntok; k++) {
            map[k] = 0;
            for (int i = 1; i <= r->nw; i++)
                if (r->w[i].start != SIZE_MAX && t[k].start >= r->w[i].start && t[k].start < r->w[i].end) {
                    map[k] = i;
                    if (!r->w[i].adp)
                        break;
                    if (i + 1 <= r->nw && r->w[i + 1].start != r->w[i].start)
                        break; /* a plain adposition */
                }
        }
        for (size_t v = 0; v < vg_syn_nverbs(r->syn); v++) {
            const vg_vgroup *g = vg_syn_verb(r->syn, v);
            sc->verbs++;
            int h = map[g->pred >= 0 ? g->pred : g->head];
            if (!h)
                continue;
            if (g->subj >= 0 && (g->subj_how == VG_SUBJ_OWN || g->subj_how == VG_SUBJ_INV) && map[g->subj] &&
                ns < UD_MAX_WORDS)
                sys[ns++] = (triple){ h, map[g->subj], 's' };
            if (g->obj >= 0 && map[g->obj] && ns < UD_MAX_WORDS)
                sys[ns++] = (triple){ map[g->head], map[g->obj], 'o' };
        }
    }
    tally(&sc->subj, gold, ng, sys, ns, 's');
    tally(&sc->obj, gold, ng, sys, ns, 'o');
    if (r->list) {
        for (size_t i = 0; i < ns; i++)
            if (!has_triple(gold, ng, sys[i].h, sys[i].d, sys[i].rel))
                r->list(r->list_ctx, text, len, "FP", sys[i].rel == 's' ? "subj" : "obj", r->w[sys[i].h].form,
                        r->w[sys[i].d].form);
        for (size_t i = 0; i < ng; i++)
            if (!has_triple(sys, ns, gold[i].h, gold[i].d, gold[i].rel))
                r->list(r->list_ctx, text, len, "FN", gold[i].rel == 's' ? "subj" : "obj",
                        gold[i].h ? r->w[gold[i].h].form : "ROOT", r->w[gold[i].d].form);
    }
    return VG_OK;
}

vg_status vg_ud_score(const vg_engine *e, vg_lang lang, const char *conllu, size_t n, vg_ud_scores *sc,
                      vg_ud_listing list, void *list_ctx)
{
    memset(sc, 0, sizeof *sc);
    const vg_syngram *g = vg_engine_syngram(e, lang);
    if (!g)
        return VG_EMISUSE;
    udrun *r = calloc(1, sizeof *r);
    if (!r)
        return VG_ENOMEM;
    r->e = e;
    r->g = g;
    r->lang = lang;
    r->sc = sc;
    r->list = list;
    r->list_ctx = list_ctx;
    vg_status rc = vg_doc_new(e, &r->doc);
    if (rc == VG_OK)
        rc = vg_syntax_new(&e->mem, &r->syn);
    char *text = NULL;
    size_t tlen = 0, cur = 0, mwt_end = 0, mwt_s = 0, mwt_e = 0;
    int ok = 1;
    for (const char *line = conllu; rc == VG_OK && line < conllu + n;) {
        const char *nl = memchr(line, '\n', (size_t)(conllu + n - line));
        size_t ll = nl ? (size_t)(nl - line) : (size_t)(conllu + n - line);
        if (ll == 0 || (ll == 1 && line[0] == '\r')) { /* end of a sentence */
            if (text && r->nw > 0 && ok)
                rc = sentence(r, text, tlen);
            else if (text && r->nw > 0)
                sc->unaligned++;
            free(text);
            text = NULL;
            r->nw = 0;
            cur = mwt_end = 0;
            ok = 1;
        } else if (line[0] == '#') {
            if (ll > 9 && !memcmp(line, "# text = ", 9)) {
                free(text);
                tlen = ll - 9;
                while (tlen && line[9 + tlen - 1] == '\r')
                    tlen--;
                if ((text = malloc(tlen + 1)) == NULL) {
                    rc = VG_ENOMEM;
                    break;
                }
                memcpy(text, line + 9, tlen);
                text[tlen] = 0;
            }
        } else if (text) {
            char buf[4096], id[32], form[256], upos[32], head[32], rel[64];
            size_t bl = ll < sizeof buf - 1 ? ll : sizeof buf - 1;
            memcpy(buf, line, bl);
            buf[bl] = 0;
            field(buf, 0, id, sizeof id);
            field(buf, 1, form, sizeof form);
            field(buf, 3, upos, sizeof upos);
            field(buf, 6, head, sizeof head);
            field(buf, 7, rel, sizeof rel);
            size_t fl = strlen(form);
            const char *dash = strchr(id, '-');
            if (strchr(id, '.')) {
                /* an empty node: no word of the text */
            } else {
                size_t s0 = SIZE_MAX, s1 = SIZE_MAX;
                int inside = atoi(id) <= (int)mwt_end;
                if (!inside || dash) {
                    while (cur < tlen && (text[cur] == ' ' || text[cur] == '\t'))
                        cur++;
                    if (fl && cur + fl <= tlen && !memcmp(text + cur, form, fl)) {
                        s0 = cur;
                        s1 = cur + fl;
                        cur += fl;
                    } else {
                        ok = 0;
                    }
                }
                if (dash) {
                    mwt_end = (size_t)atoi(dash + 1);
                    mwt_s = s0;
                    mwt_e = s1;
                } else if (r->nw < UD_MAX_WORDS) {
                    udword *w = &r->w[++r->nw];
                    w->start = inside ? mwt_s : s0;
                    w->end = inside ? mwt_e : s1;
                    w->head = atoi(head);
                    w->adp = inside && !strcmp(upos, "ADP");
                    w->rel = !strcmp(rel, "nsubj") || !strcmp(rel, "nsubj:pass") ? 's' : !strcmp(rel, "obj") ? 'o' : 0;
                    snprintf(w->form, sizeof w->form, "%s", form);
                } else {
                    ok = 0;
                }
            }
        }
        line = nl ? nl + 1 : conllu + n;
    }
    if (rc == VG_OK && text && r->nw > 0 && ok)
        rc = sentence(r, text, tlen);
    free(text);
    vg_syntax_free(r->syn);
    vg_doc_free(r->doc);
    free(r);
    return rc;
}
