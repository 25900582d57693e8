/* lookup.c — `vigie dict lookup TEXT`: every dictionary entry a text's words can match, with its
** file and line: phrases (people, organisations, countries and their kinds, agents, discards) as
** the coder finds them (whole words, acronyms in capitals, proper names capitalised), verb forms with
** the patterns of their lemma, and the nominal patterns a word heads. It shows what could fire, not
** what does: `vigie code -f text` shows the events and the rule that made each. */
#include <string.h>

#include "dict.h"

static const char *kind_name(const vg_phrase *p)
{
    static const char *const names[] = { "person", "country", "adjective", "inhabitants", "capital",
                                         "seat of power", "city", "agent", "discard" };
    if (p->kind == VG_PH_ACTOR && p->org)
        return "organisation";
    return p->kind < sizeof names / sizeof *names ? names[p->kind] : "?";
}


/* A pattern as it was written, near enough: its elements' keys, the verb as its lemma. */
static const char *pattern_text(const vg_lexicon *lx, const vg_pattern *p, char *buf, size_t cap)
{
    size_t o = 0;
    buf[0] = 0;
    for (int k = 0; k < p->nel && o + 1 < cap; k++) {
        const vg_pel *e = &lx->pel[p->els + k];
        const char *w = e->kind == VG_PE_SRC ? "{S}" : e->kind == VG_PE_TGT ? "{T}" : e->kind == VG_PE_GAP ? "*"
                        : e->kind == VG_PE_REFL ? "se" : e->kind == VG_PE_VERB ? vg_lex_lemma(lx, e->id)
                                                                             : vg_strset_get(lx->words, e->id);
        int n = snprintf(buf + o, cap - o, "%s%s%s", k ? " " : "", e->kind == VG_PE_VERB && k > 0 && e[-1].kind == VG_PE_WORD ? "=" : "", w ? w : "?");
        if (n < 0)
            break;
        o += (size_t)n < cap - o ? (size_t)n : cap - o - 1;
    }
    return buf;
}

static const char *file_of(const vg_lexicon *lx, uint16_t f)
{
    return f < lx->nfiles ? lx->files[f] : "?";
}

void vg_dict_lookup(const vg_lexicon *lx, const char *text, const vg_token *tok, size_t ntok, vg_lookup_fn fn, void *ctx)
{
    char pt[512];
    for (size_t i = 0; i < ntok; i++) {
        const vg_token *t = &tok[i];
        uint32_t w = vg_lex_word(lx, t->key, t->keylen);
        /* phrases starting here, longest first, as the coder tries them */
        size_t n;
        const uint32_t *cand = vg_lex_phrases(lx, w, &n);
        for (size_t k = 0; k < n; k++) {
            const vg_phrase *p = &lx->ph[cand[k]];
            size_t j;
            for (j = 0; j < p->nw && i + j < ntok; j++) {
                const vg_token *u = &tok[i + j];
                if (!vg_phrase_word(lx, p, j, vg_lex_word(lx, u->key, u->keylen), text, u))
                    break;
            }
            if (j < p->nw)
                continue;
            fn(ctx, t->start, tok[i + p->nw - 1].end, kind_name(p), p->code, lx->pool.p + p->surf, file_of(lx, p->file),
               p->line);
        }
        /* verb forms: every pattern of each lemma the form may belong to */
        const vg_vform *vf;
        size_t nvf = vg_lex_vforms(lx, t->key, t->keylen, &vf);
        for (size_t k = 0; k < nvf; k++) {
            uint32_t lemma = vf[k].lemma;
            if (!lx->vp_off || lemma >= vg_strset_count(lx->lemmas))
                continue;
            for (uint32_t q = lx->vp_off[lemma]; q < lx->vp_off[lemma + 1]; q++) {
                const vg_pattern *p = &lx->pat[lx->vp[q]];
                fn(ctx, t->start, t->end, "verb pattern", p->code, pattern_text(lx, p, pt, sizeof pt), file_of(lx, p->file),
                   p->line);
            }
        }
        /* nominal patterns this word heads */
        if (w && w < lx->nword_base && lx->np_off)
            for (uint32_t q = lx->np_off[w]; q < lx->np_off[w + 1]; q++) {
                const vg_pattern *p = &lx->pat[lx->np[q]];
                fn(ctx, t->start, t->end, "noun pattern", p->code, pattern_text(lx, p, pt, sizeof pt), file_of(lx, p->file),
                   p->line);
            }
    }
}
