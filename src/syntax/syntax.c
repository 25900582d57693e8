/* syntax.c — the clause layer's state and accessors: vg_syntax_parse() runs the chunker (chunk.c)
** and the linking pass (clause.c) over one sentence; the accessors read the result by token, as
** the coder asks for it (the subject of the verb at token i, its object, its obliques). The state's
** arrays are allocated once for VG_MAX_SENT_TOKENS: parsing allocates nothing. */
#include <string.h>

#include "syntax_int.h"

vg_status vg_syntax_new(const vg_mem *mem, vg_syntax **out)
{
    vg_syntax *s = vg_malloc(mem, sizeof *s);
    *out = s;
    if (!s)
        return VG_ENOMEM;
    memset(s, 0, sizeof *s);
    s->mem = mem;
    size_t n = VG_MAX_SENT_TOKENS + 1;
    s->k = vg_malloc(mem, n * sizeof *s->k);
    s->ch = vg_malloc(mem, n * sizeof *s->ch);
    s->v = vg_malloc(mem, n * sizeof *s->v);
    s->obl = vg_malloc(mem, n * 8 * sizeof *s->obl);
    if (!s->k || !s->ch || !s->v || !s->obl) {
        vg_syntax_free(s);
        *out = NULL;
        return VG_ENOMEM;
    }
    return VG_OK;
}

void vg_syntax_free(vg_syntax *s)
{
    if (!s)
        return;
    vg_free(s->mem, s->k);
    vg_free(s->mem, s->ch);
    vg_free(s->mem, s->v);
    vg_free(s->mem, s->obl);
    vg_free(s->mem, s);
}

vg_status vg_syntax_parse(vg_syntax *s, const vg_syngram *g, const char *text, const vg_token *t, size_t nt)
{
    if (!s || !g || nt > VG_MAX_SENT_TOKENS)
        return VG_EMISUSE;
    s->g = g;
    s->text = text;
    s->t = t;
    s->nt = nt;
    vg_syn_chunks(s);
    vg_syn_clauses(s);
    return VG_OK;
}

size_t vg_syn_nchunks(const vg_syntax *s) { return s->nch; }
const vg_chunk *vg_syn_chunk(const vg_syntax *s, size_t i) { return i < s->nch ? &s->ch[i] : NULL; }
size_t vg_syn_nverbs(const vg_syntax *s) { return s->nv; }
const vg_vgroup *vg_syn_verb(const vg_syntax *s, size_t i) { return i < s->nv ? &s->v[i] : NULL; }
int32_t vg_syn_tok_chunk(const vg_syntax *s, uint32_t tok) { return tok < s->nt ? s->k[tok].chunk : -1; }
int32_t vg_syn_tok_clause(const vg_syntax *s, uint32_t tok) { return tok < s->nt ? s->k[tok].clause : -1; }
int32_t vg_syn_verb_at(const vg_syntax *s, uint32_t tok) { return tok < s->nt ? s->k[tok].vg : -1; }
int vg_syn_tag(const vg_syntax *s, uint32_t tok) { return tok < s->nt ? s->k[tok].tag : VG_ST_X; }

int32_t vg_syn_subject(const vg_syntax *s, uint32_t verb_tok)
{
    int32_t v = vg_syn_verb_at(s, verb_tok);
    for (int depth = 0; v >= 0 && depth < 8; depth++) {
        const vg_vgroup *g = &s->v[v];
        if (g->subj < 0)
            return -1;
        if (g->kind == VG_CL_REL && g->ante >= 0 && s->k[g->subj].tag == VG_ST_REL)
            return g->ante; /* the relative acts for its antecedent */
        if (s->k[g->subj].tag == VG_ST_REL && s->k[g->subj].vg < 0) {
            int32_t w = vg_syn_verb_at(s, (uint32_t)g->subj);
            if (w < 0)
                return g->subj;
            v = w;
            continue;
        }
        return g->subj;
    }
    return -1;
}

int32_t vg_syn_object(const vg_syntax *s, uint32_t verb_tok)
{
    int32_t v = vg_syn_verb_at(s, verb_tok);
    if (v < 0)
        return -1;
    const vg_vgroup *g = &s->v[v];
    if (g->obj >= 0 && g->kind == VG_CL_REL && g->obj == g->cstart && g->ante >= 0)
        return g->ante; /* « le texte que X a voté »: X voted the text */
    return g->obj;
}

int vg_syn_clause_kind(const vg_syntax *s, uint32_t verb_tok)
{
    int32_t v = vg_syn_verb_at(s, verb_tok);
    return v < 0 ? VG_CL_MAIN : s->v[v].kind;
}

int vg_syn_passive(const vg_syntax *s, uint32_t verb_tok)
{
    int32_t v = vg_syn_verb_at(s, verb_tok);
    return v >= 0 && s->v[v].passive;
}

const vg_oblique *vg_syn_obliques(const vg_syntax *s, uint32_t verb_tok, size_t *n)
{
    int32_t v = vg_syn_verb_at(s, verb_tok);
    if (v < 0 || !s->v[v].nobl) {
        *n = 0;
        return NULL;
    }
    *n = s->v[v].nobl;
    return s->obl + s->v[v].obl;
}

const char *vg_syn_tag_name(int tag)
{
    static const char *const names[] = { "X", "DET", "NOUN", "PROPN", "PRON", "CLITIC", "VERB", "AUX", "NEG",
                                         "ADV", "PREP", "INF", "REL", "COMPL", "SUB", "COORD", "PUNCT", "NUM" };
    return tag >= 0 && (size_t)tag < sizeof names / sizeof names[0] ? names[tag] : "?";
}

const char *vg_syn_clause_name(int kind)
{
    static const char *const names[] = { "main", "relative", "participial", "gerund", "infinitival", "complement",
                                         "adverbial" };
    return kind >= 0 && (size_t)kind < sizeof names / sizeof names[0] ? names[kind] : "?";
}
