/* coder.c — vg_code(): a document in, its events out. Runs the text pipeline, then sentence by
** sentence: token facts from the dictionaries, noun phrases (np.c), dates (when.c), triggers and
** roles (match.c), carrying the discourse (last subject, last person, countries named, places) from
** one sentence to the next so that « il », "the minister" and « les rebelles » resolve.
** All state lives in the doc and is reused: a warm doc allocates nothing per document. The coder's
** state rides on the doc in the slot the text layer keeps for the layer above (doc_int.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coder.h"
#include "doc_int.h"

static void coder_free(void *state, const vg_mem *m)
{
    vg_coder *c = state;
    vg_free(m, c->ct);
    vg_free(m, c->np);
    vg_free(m, c->when);
    vg_free(m, c->ev);
    vg_syntax_free(c->syn);
    vg_buf_release(&c->strs);
    vg_free(m, c);
}

static void coder_reset(void *state) { ((vg_coder *)state)->nev = 0; }

static const vg_doc_hooks coder_hooks = { coder_reset, coder_free };

/* The coder's state on d, NULL before the first vg_code() on it. */
static vg_coder *coder_of(const vg_doc *d) { return d->upper_hooks == &coder_hooks ? d->upper : NULL; }

static void count_place(vg_coder *c, const char *cc)
{
    for (int k = 0; k < c->nplaces; k++)
        if (!strcmp(c->place_code[k], cc)) {
            c->place_n[k]++;
            return;
        }
    if (c->nplaces < (int)(sizeof c->place_n / sizeof c->place_n[0])) {
        vg_copy(c->place_code[c->nplaces], 4, cc, SIZE_MAX);
        c->place_n[c->nplaces++] = 1;
    }
}

/* French verb forms that end in é, ée, és, ées are past participles, and the forms of -er verbs
** that end in a bare e or es are not: the accent the key dropped tells « proposé » from
** « propose » (« soutenue », « prise » are participles of other verbs, without accent). */
static uint16_t participle_mask(const vg_lexicon *lx, const ctok *t, const char *w, size_t n)
{
    while (n > 0 && (w[n - 1] == 's' || w[n - 1] == 'S'))
        n--;
    if (n >= 3 && w[n - 1] == 'e' && (unsigned char)w[n - 2] == 0xA9 && (unsigned char)w[n - 3] == 0xC3)
        return VG_VF_PPART; /* -ée */
    if (n >= 2 && (unsigned char)w[n - 1] == 0xA9 && (unsigned char)w[n - 2] == 0xC3)
        return VG_VF_PPART; /* -é */
    if (n == 0 || (w[n - 1] != 'e' && w[n - 1] != 'E'))
        return 0xFFFF;
    for (uint16_t k = 0; k < t->nvf; k++) {
        const char *l = (t->vf[k].feats & VG_VF_PPART) ? vg_lex_lemma(lx, t->vf[k].lemma) : NULL;
        size_t ln = l ? strlen(l) : 0;
        if (l && !(ln > 2 && l[ln - 2] == 'e' && l[ln - 1] == 'r'))
            return 0xFFFF; /* a participle in -e of an -ir or -re verb */
    }
    return (uint16_t)~VG_VF_PPART;
}

/* The window of text after the one that ended at *b (limits.h VG_WINDOW_BYTES): its tokens replace
** the last window's, its sentences are appended; *b is moved to where it ends. */
static vg_status next_window(vg_doc *d, const char *text, size_t len, size_t *b)
{
    size_t a = *b;
    *b = vg_doc_window_end(text, len, a, VG_WINDOW_BYTES);
    return vg_doc_window(d, text, a, *b);
}

const vg_syntax *vg_sent_syn(const sent_t *cs)
{
    sent_t *s = (sent_t *)cs; /* the parse is a cache of the sentence's tokens */
    if (!s->syn && s->sg && s->nt <= VG_MAX_SENT_TOKENS && vg_syntax_parse(s->syn_state, s->sg, s->text, s->t, s->nt) == VG_OK)
        s->syn = s->syn_state;
    return s->syn;
}

vg_status vg_coder_run(vg_doc *d, const vg_lexicon *lex, vg_syngram_fn get_syn, void *ctx, const char *text,
                       size_t len, const vg_docinfo *info)
{
    /* a long document is read a window at a time: the discourse carries over from one window to the
    ** next as from one sentence to the next, and only one window's tokens are held */
    int windowed = len > VG_WINDOW_BYTES;
    vg_status rc = windowed ? vg_doc_begin(d, text, len, info) : vg_doc_analyze(d, text, len, info);
    if (rc != VG_OK)
        return rc;
    const vg_mem *m = d->mem;
    if (!lex)
        return VG_EMISUSE;
    const vg_lexicon *lx = d->lang == VG_LANG_FR ? &lex[0] : d->lang == VG_LANG_EN ? &lex[1] : NULL;
    if (!lx)
        return VG_ELANG;
    vg_coder *c = coder_of(d);
    if (!c) {
        if (!(c = vg_malloc(m, sizeof *c)))
            return VG_ENOMEM;
        memset(c, 0, sizeof *c);
        vg_buf_init(&c->strs, m);
        d->upper = c;
        d->upper_hooks = &coder_hooks;
    }
    const struct vg_syngram *sg = NULL;
    if (get_syn && (rc = get_syn(ctx, d->lang, &sg)) != VG_OK)
        return rc;
    if (sg && !c->syn && (rc = vg_syntax_new(m, &c->syn)) != VG_OK)
        return rc;
    c->nev = 0;
    vg_buf_clear(&c->strs);
    c->last_subject[0] = c->last_person[0] = c->last_mention[0] = c->last_country[0] = c->first_country[0] = 0;
    c->nplaces = 0;
    c->discard = 0;
    c->nseen = 0;
    c->doc_day = VG_DAY_MIN;
    if (info && info->date && vg_date_valid(info->date, strlen(info->date) < 10 ? strlen(info->date) : 10))
        c->doc_day = vg_days_from_civil(atoi(info->date), atoi(info->date + 5), atoi(info->date + 8));
    if ((rc = vg_grow(m, (void **)&c->ct, &c->capct, VG_MAX_SENT_TOKENS + 1, sizeof(ctok))) != VG_OK)
        return rc;
    size_t ev_budget = vg_doc_budget(len), b = windowed ? 0 : len; /* b: where the text read so far ends */
    for (size_t si = 0; rc == VG_OK; si++) {
        while (rc == VG_OK && si == d->sents.n && b < len && c->discard != 2) /* a window may hold none */
            rc = next_window(d, text, len, &b);
        if (rc != VG_OK || si == d->sents.n)
            break;
        if (c->nev * sizeof(vg_event) + c->strs.n > ev_budget) {
            rc = VG_ELIMIT; /* the document's bound (limits.h): a dump of one sentence repeated */
            break;
        }
        const vg_sentence *sn = &d->sents.v[si];
        sent_t s = { lx, d->toks.v + sn->tok, sn->ntok, text, c->ct, c, d->lang == VG_LANG_FR, 0, NULL, c->syn, sg };
        for (size_t i = 0; i < s.nt; i++) {
            ctok *t = &c->ct[i];
            const vg_token *k = &s.t[i];
            t->w = vg_lex_word(lx, k->key, k->keylen);
            t->nvf = (uint16_t)vg_lex_vforms(lx, k->key, k->keylen, &t->vf);
            t->np = -1;
            t->skip = 0;
            if (s.fr && k->keylen == 1 && k->key[0] == 'a' && (unsigned char)text[k->start] == 0xC3)
                t->nvf = 0; /* « à » is no form of avoir: keys drop the accent that tells them apart */
            t->fmask = 0xFFFF;
            if (s.fr && t->nvf)
                t->fmask = participle_mask(lx, t, text + k->start, k->end - k->start);
        }
        if ((rc = vg_np_find(&s)) != VG_OK)
            break;
        for (size_t k = 0; k < c->nnp; k++) {
            np_t *np = &c->np[k];
            vg_np_resolve(&s, np, c->doc_day);
            if (np->place && np->country[0])
                count_place(c, np->country);
        }
#ifdef VG_TRACE /* a build for dictionary work: make CFLAGS=-DVG_TRACE prints each sentence's actors */
        for (size_t k = 0; k < c->nnp; k++)
            fprintf(stderr, "np %zu [%u,%u) kind %d code '%s' role '%s' country '%s' place %d attrib %d group %d\n", k,
                    c->np[k].a, c->np[k].b, c->np[k].kind, c->np[k].code, c->np[k].role, c->np[k].country,
                    c->np[k].place, c->np[k].attrib, c->np[k].group);
#endif
        size_t nev0 = c->nev;
        if (c->discard == 2) { /* a story discard: the document codes nothing */
            c->nev = 0;
            break;
        }
        if ((rc = vg_when_find(&s)) != VG_OK || (!c->discard && (rc = vg_match_sentence(&s, si)) != VG_OK))
            break;
        c->discard = 0;
        if (c->nev == nev0) /* no event: the sentence's first actor is still who « il » may be */
            for (size_t k = 0; k < c->nnp; k++) {
                const np_t *np = &c->np[k];
                if (np->place || np->attrib || !np->code[0] || np->kind == NP_PRONOUN)
                    continue;
                vg_copy(c->last_subject, sizeof c->last_subject, np->code, SIZE_MAX);
                if (np->kind == NP_PERSON || np->kind == NP_AGENT)
                    vg_copy(c->last_person, sizeof c->last_person, np->code, SIZE_MAX);
                break;
            }
        for (size_t k = c->nnp; k-- > 0;) /* the last actor named, for « celle-ci » */
            if (!c->np[k].place && c->np[k].code[0] && c->np[k].kind != NP_PRONOUN) {
                vg_copy(c->last_mention, sizeof c->last_mention, c->np[k].code, SIZE_MAX);
                break;
            }
        for (size_t k = 0; k < c->nnp; k++) { /* countries named, for agents without one */
            const np_t *np = &c->np[k];
            if (!np->country[0])
                continue;
            if (!c->first_country[0])
                vg_copy(c->first_country, 4, np->country, SIZE_MAX);
            vg_copy(c->last_country, 4, np->country, SIZE_MAX);
        }
    }
    if (windowed) { /* only the last window's tokens are left: none are said to be kept */
        d->toks.n = 0;
        for (size_t i = 0; i < d->sents.n; i++)
            d->sents.v[i].tok = d->sents.v[i].ntok = 0;
    }
    if (rc != VG_OK)
        return rc;
    /* strings were stored as offsets: the buffer may have moved while it grew */
    for (size_t k = 0; k < c->nev; k++) {
        vg_event *ev = &c->ev[k];
        ev->source = c->strs.p + (uintptr_t)ev->source;
        ev->target = c->strs.p + (uintptr_t)ev->target;
        ev->date = c->strs.p + (uintptr_t)ev->date;
        ev->place = c->strs.p + (uintptr_t)ev->place;
        ev->rule = c->strs.p + (uintptr_t)ev->rule;
        ev->implied = c->strs.p + (uintptr_t)ev->implied;
    }
    return VG_OK;
}

size_t vg_doc_nevents(const vg_doc *d)
{
    const vg_coder *c = coder_of(d);
    return c ? c->nev : 0;
}

const vg_event *vg_doc_event(const vg_doc *d, size_t i)
{
    const vg_coder *c = coder_of(d);
    return c && i < c->nev ? &c->ev[i] : NULL;
}
