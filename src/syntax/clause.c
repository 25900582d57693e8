/* clause.c — the clause layer's linking pass: for each verb group of a sentence, the kind of clause it
** heads (main, relative, participial, gerund, infinitival, complement, adverbial), its subject, object
** and obliques, its voice, and for clauses without a subject of their own the controller they take it
** from (the main clause's subject, the governing verb's subject or object, a coordinated verb's).
** Each search walks a bounded number of tokens (WINDOW) left or right of the verb group, jumping
** over prepositional groups, adverbs and time words, parentheses, incises between commas (« , a-t-il
** dit, », ", a former minister,") and subordinate clauses, so the whole pass is linear in the
** sentence. Not here: what the subject or object names (the coder's noun phrases). */
#include <string.h>

#include "syntax_int.h"

#define WINDOW 40 /* tokens a search walks at most: keeps the pass linear, and farther is rarely right */

static int is_punct(const vg_syntax *s, size_t i, char c)
{
    return i < s->nt && s->t[i].kind == VG_TOK_PUNCT && s->t[i].key[0] == c;
}

/* sentence punctuation and quotes end a search */
static int hard_stop(const vg_syntax *s, size_t i)
{
    if (i >= s->nt || s->t[i].kind != VG_TOK_PUNCT)
        return 0;
    char c = s->t[i].key[0];
    return c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || c == '[' || c == ']';
}

static const vg_chunk *chunk_at(const vg_syntax *s, size_t i)
{
    return i < s->nt && s->k[i].chunk >= 0 ? &s->ch[s->k[i].chunk] : NULL;
}

static int time_group(const vg_syntax *s, const vg_chunk *c)
{
    return c->head >= 0 && (s->k[c->head].wc >> W_TIME & 1);
}

static int32_t resolved_subject(const vg_syntax *s, int32_t v, int depth)
{
    if (v < 0 || depth > 8)
        return -1;
    const vg_vgroup *g = &s->v[v];
    if (g->subj >= 0 && g->subj_how != VG_SUBJ_SHARED && g->subj_how != VG_SUBJ_CTRL) {
        if (g->kind == VG_CL_REL && g->ante >= 0 && s->k[g->subj].tag == VG_ST_REL)
            return g->ante;
        return g->subj;
    }
    if (g->subj_how == VG_SUBJ_SHARED && g->coord >= 0)
        return resolved_subject(s, g->coord, depth + 1);
    return g->subj;
}

/* Matching bracket of ')' at i (to the left) or '(' at i (to the right), bounded; i when none. */
static size_t match_paren(const vg_syntax *s, size_t i, int left)
{
    for (size_t j = i, n = 0; n < WINDOW; n++) {
        if (left) {
            if (j == 0)
                break;
            j--;
        } else if (++j >= s->nt) {
            break;
        }
        if (is_punct(s, j, left ? '(' : ')'))
            return j;
        if (hard_stop(s, j))
            break;
    }
    return i;
}

/* The clause kind of verb group v, its opener (cstart), its antecedent and governor. */
static void clause_kind(vg_syntax *s, size_t vi)
{
    vg_vgroup *v = &s->v[vi];
    const stok *h = &s->k[v->head];
    int fr = s->g->fr;
    v->cstart = (int32_t)v->a;
    size_t p = v->a;
    while (p > 0 && (s->k[p - 1].tag == VG_ST_ADV || s->k[p - 1].tag == VG_ST_NEG))
        p--;
    int32_t prev_vg = vi > 0 ? (int32_t)vi - 1 : -1;
    if (p > 0 && s->k[p - 1].tag == VG_ST_INF) {
        v->kind = (fr && (s->k[p - 1].wc >> W_GERUND & 1) && (h->vf & VG_VF_PPRES)) ? VG_CL_GER : VG_CL_INF;
        v->cstart = (int32_t)p - 1;
        v->gov = prev_vg;
        return;
    }
    int has_aux = s->k[v->a].tag == VG_ST_AUX || (v->head > (int32_t)v->a && s->k[v->a].tag != VG_ST_NEG &&
                                                   s->k[v->a].tag != VG_ST_CLITIC);
    for (uint32_t j = v->a; j < v->b; j++)
        if (s->k[j].tag == VG_ST_AUX)
            has_aux = 1;
    int fin = v->finite;
    if (!fin && !has_aux && (h->vf & VG_VF_INF) && prev_vg >= 0 && s->v[prev_vg].b == p) {
        v->kind = VG_CL_INF; /* « veut partir », "helped build" */
        v->gov = prev_vg;
        return;
    }
    if (!fin && (h->vf & (VG_VF_PPRES | VG_VF_PPART)) && !has_aux) {
        v->kind = VG_CL_PART;
        return;
    }
    if (!fin && !has_aux && fr && (h->vf & VG_VF_INF)) {
        v->kind = VG_CL_INF;
        v->gov = prev_vg;
        return;
    }
    /* a finite clause: its opener, to the left over its subject */
    size_t j = p;
    for (size_t n = 0; j-- > 0 && n < WINDOW; n++) {
        const stok *k = &s->k[j];
        if (k->skip || hard_stop(s, j))
            break;
        if (k->tag == VG_ST_REL) {
            v->kind = VG_CL_REL;
            v->cstart = (int32_t)j;
            size_t a = j;
            if (a > 0 && s->k[a - 1].tag == VG_ST_PREP) /* « à qui », "of which" */
                a--;
            if (a > 0 && is_punct(s, a - 1, ','))
                a--;
            const vg_chunk *c = a > 0 ? chunk_at(s, a - 1) : NULL;
            if (c && (c->kind == VG_CH_NG || c->kind == VG_CH_PG))
                v->ante = c->head;
            v->gov = prev_vg;
            return;
        }
        if (k->tag == VG_ST_COMPL || k->tag == VG_ST_SUB) {
            v->kind = k->tag == VG_ST_COMPL ? VG_CL_COMPL : VG_CL_ADV;
            v->cstart = (int32_t)j;
            v->gov = prev_vg;
            return;
        }
        if (k->vg >= 0 && k->vg != (int32_t)vi)
            break;
        if (k->tag == VG_ST_COORD || is_punct(s, j, ','))
            continue;
        if (k->chunk >= 0)
            continue;
    }
}

static void add_obl(vg_syntax *s, vg_vgroup *v, const vg_chunk *c)
{
    if (v->nobl >= 8)
        return;
    vg_oblique *o = &s->obl[s->nobl++];
    o->tok = c->head;
    o->prep = c->prep;
    o->agent = (uint8_t)(v->passive && (s->k[c->prep].wc >> W_BY & 1));
    v->nobl++;
}

/* Is [a, b) (between two commas) an incise: no clause opener of its own but a relative, participle,
** or apposition; a speech verb with its inverted subject (« , a-t-il dit, »)? */
static int incise(const vg_syntax *s, size_t a, size_t b)
{
    if (a >= b)
        return 0;
    if (s->k[a].tag == VG_ST_REL) /* « , qui a dit que …, »: a relative incise, whatever it holds */
        return 1;
    for (size_t j = a; j < b; j++) {
        const stok *k = &s->k[j];
        if (k->tag == VG_ST_COMPL || k->tag == VG_ST_SUB || hard_stop(s, j))
            return 0;
        if (k->vg >= 0) {
            const vg_vgroup *w = &s->v[k->vg];
            if (w->kind == VG_CL_MAIN && w->finite && !(w->subj_how == VG_SUBJ_INV) &&
                !(s->k[w->head].vc >> V_SPEECH & 1) && s->k[a].tag != VG_ST_REL)
                return 0;
        }
    }
    return 1;
}

/* The verb group before vi whose object or predicate is token h, -1 if none. */
static int32_t owner_of(const vg_syntax *s, size_t vi, int32_t h)
{
    for (size_t w = vi, n = 0; w-- > 0 && n < 8; n++) /* the last few: a bounded look */
        if (s->v[w].obj == h || s->v[w].pred == h)
            return (int32_t)w;
    return -1;
}

static void subject(vg_syntax *s, size_t vi)
{
    vg_vgroup *v = &s->v[vi];
    /* an inverted clitic inside or right after the group: a-t-il dit, dit-elle */
    for (uint32_t j = v->a; j <= v->b && j < s->nt; j++)
        if (s->k[j].tag == VG_ST_PRON && s->t[j].key[0] == '-' && (s->k[j].wc >> W_PRONSUBJ & 1)) {
            v->subj = (int32_t)j;
            v->subj_how = VG_SUBJ_INV;
            return;
        }
    if (v->kind == VG_CL_INF || v->kind == VG_CL_PART || v->kind == VG_CL_GER)
        return;
    size_t j = v->a;
    int coord = 0;
    for (size_t n = 0; j-- > 0 && n < WINDOW; n++) {
        const stok *k = &s->k[j];
        if (k->skip || hard_stop(s, j))
            break;
        if (v->kind != VG_CL_MAIN && (int32_t)j < v->cstart)
            break;
        if (s->t[j].kind == VG_TOK_PUNCT && s->t[j].key[0] == '"') {
            if (n <= 1) /* "« … », a déclaré X": the quote is the object, the subject is inverted */
                break;
            continue;
        }
        if (k->tag == VG_ST_REL) {
            if (n == 0 || (n == 1 && tis(s, j + 1, VG_ST_CLITIC))) {
                /* « que guettent les photographes », « sur lequel passe l'Interstate »: inverted */
                const vg_chunk *c = chunk_at(s, v->b);
                if (c && c->kind == VG_CH_NG && c->head >= 0 && s->k[c->head].tag != VG_ST_PRON &&
                    (s->t[j].key[0] != 'q' || s->t[j].key[2] != 'i') && !(s->t[j].keylen == 3 && !memcmp(s->t[j].key, "who", 3)) &&
                    !(s->t[j].keylen == 4 && !memcmp(s->t[j].key, "that", 4)) && !(s->t[j].keylen == 5 && !memcmp(s->t[j].key, "which", 5))) {
                    v->subj = c->head;
                    v->subj_how = VG_SUBJ_INV;
                    return;
                }
            }
            if (!(s->t[j].key[0] == 'd' || s->t[j].key[0] == 'o' || (s->t[j].key[0] == 'w' && s->t[j].key[2] == 'e')) &&
                !(s->g->fr && s->t[j].key[0] == 'q' && s->t[j].key[2] == 'e') && !(s->t[j].key[0] == 'q' && s->t[j].key[1] == 'u' && s->t[j].key[2] == '\''))
            {
                v->subj = (int32_t)j;
                v->subj_how = VG_SUBJ_OWN;
            }
            return;
        }
        if (k->tag == VG_ST_COMPL || k->tag == VG_ST_SUB || k->tag == VG_ST_INF)
            break;
        if (is_punct(s, j, ')')) {
            size_t m = match_paren(s, j, 1);
            if (m != j) {
                j = m;
                continue;
            }
            break;
        }
        if (k->vg >= 0 && k->vg != (int32_t)vi) {
            const vg_vgroup *w = &s->v[k->vg];
            if (w->kind == VG_CL_REL || w->kind == VG_CL_PART || w->kind == VG_CL_GER || w->kind == VG_CL_INF ||
                (w->kind == VG_CL_ADV && w->cstart < (int32_t)v->a && 0)) {
                if (w->cstart > 0 && (size_t)w->cstart < j + 1) {
                    j = (size_t)w->cstart;
                    if (w->kind == VG_CL_REL && w->ante >= 0 && (s->k[j].tag == VG_ST_REL)) {
                        const vg_chunk *c = chunk_at(s, (size_t)w->ante);
                        if (c && c->kind == VG_CH_NG) {
                            v->subj = w->ante;
                            v->subj_how = VG_SUBJ_OWN;
                            return;
                        }
                    }
                    continue;
                }
            }
            if (coord && w->finite == v->finite) {
                v->coord = k->vg;
                v->subj_how = VG_SUBJ_SHARED;
                v->subj = resolved_subject(s, k->vg, 0);
            }
            return;
        }
        if (k->tag == VG_ST_COORD) {
            coord = 1;
            continue;
        }
        if (is_punct(s, j, ',')) {
            /* an incise before the verb: jump to the comma that opens it */
            size_t q = j;
            for (size_t m = 0; q-- > 0 && m < 25;) {
                if (hard_stop(s, q) || s->k[q].skip)
                    break;
                if (is_punct(s, q, ',')) {
                    if (incise(s, q + 1, j) && q > 0 && chunk_at(s, q - 1) &&
                        (chunk_at(s, q - 1)->kind == VG_CH_NG || chunk_at(s, q - 1)->kind == VG_CH_PG)) {
                        j = q;
                        goto next;
                    }
                    break;
                }
                m++;
            }
            coord = 1; /* "X attacked Y, killed Z": the verbs share a subject */
            continue;
        }
        {
            const vg_chunk *c = chunk_at(s, j);
            if (c && c->kind == VG_CH_NG && !time_group(s, c) && c->head >= 0) {
                int32_t h = c->head, w = owner_of(s, vi, h);
                if (w >= 0 && (s->v[w].kind == VG_CL_REL || s->v[w].kind == VG_CL_PART || s->v[w].kind == VG_CL_GER ||
                               s->v[w].kind == VG_CL_INF) && s->v[w].cstart > 0 && (size_t)s->v[w].cstart <= c->a) {
                    j = (size_t)s->v[w].cstart; /* the object of a relative or participle before the verb */
                    continue;
                }
                if (w >= 0 && coord) { /* "X took Y and burned Z": the verbs share a subject */
                    v->coord = w;
                    v->subj_how = VG_SUBJ_SHARED;
                    v->subj = resolved_subject(s, w, 0);
                    return;
                }
                /* the first of coordinated noun groups: X et Y ont signé */
                size_t a = c->a;
                while (a >= 2 && tis(s, a - 1, VG_ST_COORD) && chunk_at(s, a - 2) && chunk_at(s, a - 2)->kind == VG_CH_NG &&
                       chunk_at(s, a - 2)->conj == h) {
                    h = chunk_at(s, a - 2)->head;
                    a = chunk_at(s, a - 2)->a;
                }
                while (a >= 2 && is_punct(s, a - 1, ',') && chunk_at(s, a - 2) && chunk_at(s, a - 2)->kind == VG_CH_NG &&
                       chunk_at(s, a - 2)->appos == h) {
                    h = chunk_at(s, a - 2)->head;
                    a = chunk_at(s, a - 2)->a;
                }
                v->subj = h;
                v->subj_how = VG_SUBJ_OWN;
                return;
            }
            if (c && c->a < j)
                j = c->a;
        }
    next:;
    }
}

static void object(vg_syntax *s, size_t vi)
{
    vg_vgroup *v = &s->v[vi];
    v->obl = (uint32_t)s->nobl; /* its obliques follow the previous verb's */
    v->nobl = 0;
    const stok *h = &s->k[v->head];
    int copula = (h->vc >> V_BE & 1) && !v->passive;
    int attr = (h->vc >> V_ATTR & 1) != 0; /* « est restée célèbre »: an attribute, no object */
    if (s->g->fr)
        for (int32_t j = (int32_t)v->a; j < v->head; j++)
            if (s->k[j].tag == VG_ST_CLITIC && (s->k[j].wc >> W_PRONOBJ & 1) && !(s->k[j].wc >> W_REFL & 1) &&
                !(s->t[j].key[0] == 'l' && s->t[j].key[1] == 'u') && !(s->t[j].key[0] == 'l' && s->t[j].key[2] == 'u') &&
                s->t[j].keylen > 1 && !(s->t[j].key[0] == 'e' && s->t[j].key[1] == 'n')) {
                v->obj = (int32_t)j;
                break;
            }
    /* a relative pronoun object: « le texte que le parlement a voté », "the deal that he signed" */
    if (v->kind == VG_CL_REL && v->subj >= 0 && s->k[v->subj].tag != VG_ST_REL && v->cstart >= 0) {
        const vg_token *r = &s->t[v->cstart];
        if ((r->key[0] == 'q' && r->key[1] == 'u' && (r->keylen == 3 || r->key[2] == '\'')) ||
            (r->keylen == 4 && !memcmp(r->key, "that", 4)) || (r->keylen == 5 && !memcmp(r->key, "which", 5)) ||
            (r->keylen == 4 && !memcmp(r->key, "whom", 4)))
            if (!copula && !v->passive)
                v->obj = v->cstart;
    }
    int want_obj = !v->passive && v->obj < 0 && v->subj_how != VG_SUBJ_INV;
    size_t j = v->b;
    for (size_t n = 0; j < s->nt && n < WINDOW; n++) {
        const stok *k = &s->k[j];
        if (hard_stop(s, j) || k->skip)
            break;
        if (k->tag == VG_ST_ADV || k->tag == VG_ST_NEG || (k->tag == VG_ST_PRON && s->t[j].key[0] == '-') ||
            (k->tag == VG_ST_PREP && k->chunk < 0 && tis(s, j + 1, VG_ST_ADV))) { /* "on Tuesday" */
            j++;
            continue;
        }
        if (is_punct(s, j, '(')) {
            size_t m = match_paren(s, j, 0);
            if (m == j)
                break;
            j = m + 1;
            continue;
        }
        if (is_punct(s, j, ',')) {
            size_t q = j + 1, m = 0;
            for (; q < s->nt && m < 14 && !is_punct(s, q, ',') && !hard_stop(s, q); q++, m++)
                ;
            int ok = q < s->nt && is_punct(s, q, ',') && q > j + 1 && (want_obj || copula);
            for (size_t r = j + 1; ok && r < q; r++) {
                int tg = s->k[r].tag;
                if (!(tg == VG_ST_ADV || tg == VG_ST_NUM || tg == VG_ST_PREP || (s->k[r].chunk >= 0 && s->ch[s->k[r].chunk].kind == VG_CH_PG) ||
                      (s->k[r].chunk >= 0 && time_group(s, &s->ch[s->k[r].chunk])) ||
                      (tg == VG_ST_PRON && s->t[r].key[0] == '-') ||
                      (s->k[r].vg >= 0 && (s->k[s->v[s->k[r].vg].head].vc >> V_SPEECH & 1))))
                    ok = 0;
            }
            const vg_chunk *after = chunk_at(s, q + 1);
            if (ok && after && after->kind == VG_CH_NG) {
                j = q + 1;
                continue;
            }
            break;
        }
        const vg_chunk *c = chunk_at(s, j);
        if (!c || c->kind == VG_CH_VG || c->kind == VG_CH_DATELINE)
            break;
        if (c->kind == VG_CH_PG) {
            if ((s->k[c->prep].wc >> W_OF & 1) && c->a > 0 && chunk_at(s, c->a - 1) &&
                (chunk_at(s, c->a - 1)->kind == VG_CH_NG || chunk_at(s, c->a - 1)->kind == VG_CH_PG)) {
                j = c->b; /* « la décision du gouvernement »: the noun's complement */
                continue;
            }
            if (copula && v->pred < 0 && !(s->k[c->prep].wc >> W_BY & 1)) {
                v->pred = c->head;
                break;
            }
            add_obl(s, v, c);
            j = c->b;
            continue;
        }
        if (time_group(s, c)) {
            j = c->b;
            continue;
        }
        if (c->b < s->nt && s->k[c->b].vg >= 0 && s->v[s->k[c->b].vg].finite && s->k[c->head].tag != VG_ST_REL &&
            (v->kind != VG_CL_REL || (h->vc >> V_SPEECH & 1)))
            break; /* "said the attack was": the subject of a complement clause without that */
        if (copula) {
            if (v->pred < 0)
                v->pred = c->head;
            break;
        }
        if (!want_obj || attr)
            break;
        if ((s->k[c->head].wc >> W_LIGHT & 1) && c->a == (uint32_t)c->head)
            break; /* « a eu lieu », « fait partie »: one predicate */
        v->obj = c->head;
        want_obj = 0;
        j = c->b;
        /* "gave him the money": the second noun group is the object */
        const vg_chunk *d = chunk_at(s, j);
        if (d && d->kind == VG_CH_NG && s->k[c->head].tag == VG_ST_PRON && !s->g->fr)
            v->obj = d->head, j = d->b;
    }
}

static int32_t main_subject(const vg_syntax *s, size_t vi)
{
    /* the nearest main or complement clause with a subject, before (else after) the participle */
    for (size_t w = vi, n = 0; w-- > 0 && n < 16; n++)
        if ((s->v[w].kind == VG_CL_MAIN || s->v[w].kind == VG_CL_COMPL) && s->v[w].subj >= 0)
            return resolved_subject(s, (int32_t)w, 0);
    for (size_t w = vi + 1; w < s->nv && w < vi + 16; w++)
        if (s->v[w].kind == VG_CL_MAIN && s->v[w].subj >= 0)
            return resolved_subject(s, (int32_t)w, 0);
    return -1;
}

void vg_syn_clauses(vg_syntax *s)
{
    s->nv = 0;
    s->nobl = 0;
    for (size_t c = 0; c < s->nch; c++) {
        vg_chunk *ch = &s->ch[c];
        if (ch->kind != VG_CH_VG)
            continue;
        vg_vgroup *v = &s->v[s->nv];
        memset(v, 0, sizeof *v);
        v->a = ch->a;
        v->b = ch->b;
        v->head = ch->head;
        v->subj = v->obj = v->pred = v->ante = v->ctrl = v->gov = v->coord = -1;
        v->obl = (uint32_t)s->nobl;
        for (uint32_t j = ch->a; j < ch->b; j++) {
            s->k[j].vg = (int32_t)s->nv;
            if (s->k[j].tag == VG_ST_NEG)
                v->neg = 1;
            if ((s->k[j].tag == VG_ST_AUX || s->k[j].tag == VG_ST_VERB) && s->k[j].fin)
                v->finite = 1;
        }
        /* voice: être/be (or get) + past participle, not « est arrivé », not « s'est rendu » */
        const stok *h = &s->k[v->head];
        int refl = 0, be = 0;
        for (uint32_t j = ch->a; j < (uint32_t)ch->head; j++) {
            if (s->k[j].wc >> W_REFL & 1)
                refl = 1;
            if (s->k[j].tag == VG_ST_AUX && (s->k[j].vc & (1u << V_BE | 1u << V_GET)))
                be = 1;
            if (s->k[j].tag == VG_ST_AUX && !(s->k[j].vc & (1u << V_BE | 1u << V_GET)))
                be = 0;
        }
        if (be && !refl && (h->vf & VG_VF_PPART) && !(h->vc >> V_BE & 1) && !(s->g->fr && (h->vc >> V_ETRE & 1)))
            v->passive = 1;
        s->nv++;
    }
    for (size_t vi = 0; vi < s->nv; vi++) {
        vg_vgroup *v = &s->v[vi];
        clause_kind(s, vi);
        if (v->kind == VG_CL_PART && (s->k[v->head].vf & VG_VF_PPART) && !(s->k[v->head].vf & VG_VF_PPRES)) {
            const stok *h = &s->k[v->head];
            if (!(s->g->fr && (h->vc >> V_ETRE & 1)))
                v->passive = 1;
        }
        subject(s, vi);
        object(s, vi);
        if (v->subj >= 0 && s->t[v->subj].keylen == 2 && !memcmp(s->t[v->subj].key, "il", 2)) {
            int y = 0; /* « il faut », « il s'agit », « il y a »: an impersonal il is no subject */
            for (uint32_t j = v->a; j < v->b; j++)
                if (s->t[j].keylen == 1 && s->t[j].key[0] == 'y')
                    y = 1;
            if ((s->k[v->head].vc >> V_IMPERS & 1) || (y && (s->k[v->head].vc >> V_HAVE & 1))) {
                v->subj = -1;
                v->subj_how = VG_SUBJ_NONE;
            }
        }
        if (v->subj >= 0 && v->subj_how == VG_SUBJ_OWN && s->t[v->subj].keylen == 5 &&
            !memcmp(s->t[v->subj].key, "there", 5) && (s->k[v->head].vc >> V_BE & 1) && v->pred >= 0) {
            v->subj = v->pred; /* "there was a demonstration": the noun group is the subject */
            v->pred = -1;
        }
        /* an inverted subject after a speech verb: « …, a déclaré le ministre », "…, said the minister" */
        if (v->subj < 0 && v->finite && (s->k[v->head].vc >> V_SPEECH & 1) && v->kind == VG_CL_MAIN) {
            const vg_chunk *c = chunk_at(s, v->b);
            size_t before = v->a;
            if (c && c->kind == VG_CH_NG && before > 0 &&
                (is_punct(s, before - 1, ',') || s->t[before - 1].kind == VG_TOK_PUNCT)) {
                v->subj = c->head;
                v->subj_how = VG_SUBJ_INV;
                if (v->obj == c->head)
                    v->obj = -1;
            }
        }
    }
    /* controllers: infinitives from their governing verb, participles from the main clause */
    for (size_t vi = 0; vi < s->nv; vi++) {
        vg_vgroup *v = &s->v[vi];
        if (v->kind == VG_CL_INF && v->gov >= 0) {
            const vg_vgroup *g = &s->v[v->gov];
            int32_t c = -1;
            if (s->k[g->head].vc >> V_CTRLOBJ & 1) {
                c = g->obj;
                for (uint32_t o = 0; c < 0 && o < g->nobl; o++) /* « demande à X de » */
                    if (s->t[s->obl[g->obl + o].prep].keylen == 1 && s->t[s->obl[g->obl + o].prep].key[0] == 'a')
                        c = s->obl[g->obl + o].tok;
            }
            v->ctrl = c >= 0 ? c : (g->passive ? -1 : resolved_subject(s, v->gov, 0));
            if (g->passive && c < 0)
                v->ctrl = resolved_subject(s, v->gov, 0);
        } else if (v->kind == VG_CL_PART || v->kind == VG_CL_GER) {
            size_t p = v->a;
            const vg_chunk *c = p > 0 ? chunk_at(s, p - 1) : NULL;
            if (v->kind == VG_CL_PART && c && (c->kind == VG_CH_NG || c->kind == VG_CH_PG))
                v->ctrl = c->head; /* « les manœuvres conduites par la Libye » */
            else
                v->ctrl = main_subject(s, vi);
        }
        if (v->subj < 0 && v->ctrl >= 0) {
            v->subj = v->ctrl;
            v->subj_how = VG_SUBJ_CTRL;
        }
    }
    /* clauses of tokens: the latest clause opened at or before each token */
    size_t cur = 0;
    for (size_t i = 0; i < s->nt; i++) {
        int32_t best = s->nv ? 0 : -1;
        while (cur < s->nv && (size_t)s->v[cur].cstart <= i)
            cur++;
        if (cur > 0)
            best = (int32_t)cur - 1;
        s->k[i].clause = best;
    }
}
