/* chunk.c — the clause layer's left-to-right pass: a tag for each token from its word and verb
** classes (grammar.c) and the tags before it, then chunks: noun groups (with their head), verb groups
** (negation, clitics, auxiliaries, adverbs and the main verb) and prepositional groups (the
** preposition kept), and a news dateline ("PARIS (AFP) -") set aside.
** A verb form is a verb by its context: after a determiner or a preposition it is a noun (« les
** attaques », "the attacks"), after a subject pronoun, a clitic, ne, an auxiliary or an infinitive
** marker it is a verb, after a noun group it is the clause's verb when the clause has none yet.
** Not here: which noun group a verb takes as subject or object (clause.c). */
#include <string.h>

#include "syntax_int.h"

static int key_is(const vg_syntax *s, size_t i, const char *w)
{
    size_t n = strlen(w);
    return i < s->nt && s->t[i].keylen == n && !memcmp(s->t[i].key, w, n);
}

/* Does the surface of token i start with a non-ASCII letter where the key has an ASCII one (à, où, là, dès, dû)? */
static int accented(const vg_syntax *s, size_t i)
{
    const char *p = s->text + s->t[i].start;
    for (size_t k = s->t[i].start; k < s->t[i].end; k++, p++)
        if ((unsigned char)*p >= 0x80)
            return 1;
    return 0;
}

static int ends_with(const vg_token *t, const char *suf)
{
    size_t n = strlen(suf);
    return t->keylen > n + 2 && !memcmp(t->key + t->keylen - n, suf, n);
}

/* Is token i an acronym: two capitals or more and no lower-case letter (US, ONU; not M., L')? */
static int acronym(const vg_syntax *s, size_t i)
{
    size_t upper = 0;
    for (size_t b = s->t[i].start; b < s->t[i].end; b++) {
        char c = s->text[b];
        if (c >= 'a' && c <= 'z')
            return 0;
        upper += c >= 'A' && c <= 'Z';
    }
    return upper >= 2;
}

static void lookup(vg_syntax *s, size_t i)
{
    const vg_syngram *g = s->g;
    const vg_token *t = &s->t[i];
    stok *k = &s->k[i];
    memset(k, 0, sizeof *k);
    k->chunk = k->clause = k->vg = -1;
    if (t->kind != VG_TOK_WORD)
        return;
    uint32_t id = vg_strset_id(g->keys, t->key, t->keylen);
    if (id) {
        k->wc = g->wcls[id];
        k->vf = g->ffeat[id];
        k->vc = g->fcls[id];
    }
    k->cap = (t->flags & VG_TOKF_CAP) != 0;
    if (k->cap && acronym(s, i)) {
        k->wc = 0; /* an acronym: "US" is no pronoun, « ONU » no verb */
        k->vf = 0;
        k->vc = 0;
    }
    if (g->fr && k->vf && (k->vf & VG_VF_PPART)) {
        /* keys drop accents: « adopté » is a participle, « adopte » is not (nor « adoptes »); the
        ** participles in -e of other verbs end in -se, -te, -ue (prise, faite, venue) */
        const char *w = s->text + t->start;
        size_t n = t->end - t->start;
        if (n > 1 && w[n - 1] == 's')
            n--;
        if (n > 1 && w[n - 1] == 'e')
            n--;
        if (n >= 2 && (unsigned char)w[n - 2] == 0xC3 && (unsigned char)w[n - 1] == 0xA9)
            k->vf = VG_VF_PPART;
        else if (n < t->end - t->start && w[n] == 'e' && n > 0 && w[n - 1] != 's' && w[n - 1] != 't' && w[n - 1] != 'u')
            k->vf &= (uint16_t)~VG_VF_PPART;
    }
    if (g->fr && t->keylen <= 3) { /* keys drop accents: à/a, où/ou, là/la, dès/des, dû/du, sûr/sur */
        int acc = accented(s, i);
        if (key_is(s, i, "a")) {
            if (acc)
                k->vf = 0, k->vc = 0;
            else
                k->wc &= ~(1u << W_PREP | 1u << W_INF);
        } else if (key_is(s, i, "ou")) {
            k->wc = acc ? 1u << W_REL : 1u << W_COORD;
        } else if (key_is(s, i, "la") && acc) {
            k->wc = 1u << W_ADV;
        } else if (key_is(s, i, "des") && acc) {
            k->wc = 1u << W_PREP | 1u << W_SUBQUE;
        } else if (key_is(s, i, "du") && acc) {
            k->wc = 0;
        } else if (acc && (key_is(s, i, "sur") || key_is(s, i, "ca"))) {
            k->wc = key_is(s, i, "ca") ? 1u << W_PRONSUBJ : 0;
        }
    }
}

/* the tag of the last token before i that is not an adverb or a negation, and its index */
static int prev_core(const vg_syntax *s, size_t i, size_t *at)
{
    while (i-- > 0) {
        int tg = s->k[i].tag;
        if (tg != VG_ST_ADV && tg != VG_ST_NEG) {
            *at = i;
            return tg;
        }
    }
    *at = SIZE_MAX;
    return VG_ST_X;
}

static int finite(uint16_t vf)
{
    return (vf & (VG_VF_PRES | VG_VF_PAST | VG_VF_FUT | VG_VF_COND | VG_VF_SUBJ | VG_VF_IMPER)) != 0;
}

static int nounish(int tg) { return tg == VG_ST_NOUN || tg == VG_ST_PROPN || tg == VG_ST_NUM || tg == VG_ST_PRON; }

/* Could token i start or continue a noun group (a word that is no verb and no function word)? */
static int nounlike(const vg_syntax *s, size_t i)
{
    if (i >= s->nt)
        return 0;
    const stok *k = &s->k[i];
    if (s->t[i].kind == VG_TOK_NUM)
        return 1;
    if (s->t[i].kind != VG_TOK_WORD)
        return 0;
    return !(k->wc & (1u << W_PREP | 1u << W_REL | 1u << W_COMPL | 1u << W_COORD | 1u << W_SUB | 1u << W_NEG |
                      1u << W_PRONSUBJ | 1u << W_ADV | 1u << W_MODAL)) &&
           (!k->vf || k->cap);
}

/* Is there a finite verb already in the clause before i (back to a clause opener)? A relative
** clause's verb does not count: "the minister who condemned the attack called". */
static int clause_has_finite(const vg_syntax *s, size_t i)
{
    int found = 0;
    for (size_t n = 0; i-- > 0 && n < 40; n++) {
        const stok *k = &s->k[i];
        if (k->tag == VG_ST_REL) {
            found = 0;
            continue;
        }
        if (k->tag == VG_ST_COMPL || k->tag == VG_ST_SUB || k->tag == VG_ST_COORD || k->tag == VG_ST_PUNCT)
            return found;
        if ((k->tag == VG_ST_VERB || k->tag == VG_ST_AUX) && k->fin)
            found = 1;
    }
    return found;
}

/* Is there a finite verb anywhere before i in the sentence (a bounded look)? */
static int finite_before(const vg_syntax *s, size_t i)
{
    for (size_t n = 0; i-- > 0 && n < 40; n++)
        if ((s->k[i].tag == VG_ST_VERB || s->k[i].tag == VG_ST_AUX) && s->k[i].fin)
            return 1;
    return 0;
}

/* English: could the word at i be a verb that ends a noun group before it ("US troops fired",
** "people make")? A finite or auxiliary reading, and no function word. */
static int verbish_next(const vg_syntax *s, size_t i)
{
    while (i < s->nt && s->k[i].wc >> W_ADV & 1 && !s->k[i].vf)
        i++;
    if (i >= s->nt || s->t[i].kind != VG_TOK_WORD || s->k[i].cap)
        return 0;
    const stok *k = &s->k[i];
    if (k->wc & (1u << W_DET | 1u << W_PREP | 1u << W_PRONSUBJ | 1u << W_PRONOBJ | 1u << W_COORD | 1u << W_REL))
        return 0;
    return (k->wc >> W_MODAL & 1) || (k->vc & (1u << V_BE | 1u << V_HAVE)) || (k->vf & VG_VF_PAST);
}

/* English: a word after the determiner-or-pronoun at i-1 that is its noun ("this time", "this move") */
static int nominal_next(const vg_syntax *s, size_t i)
{
    if (i >= s->nt || s->t[i].kind != VG_TOK_WORD)
        return s->t[i < s->nt ? i : 0].kind == VG_TOK_NUM && i < s->nt;
    const stok *k = &s->k[i];
    if (k->wc & (1u << W_PREP | 1u << W_ADV | 1u << W_COORD | 1u << W_MODAL | 1u << W_REL | 1u << W_COMPL |
                 1u << W_PRONSUBJ | 1u << W_NEG))
        return 0;
    if (k->vc & (1u << V_BE | 1u << V_HAVE | 1u << V_DO))
        return 0;
    if (k->vf && (k->vf & VG_VF_PAST))
        return 0;
    return 1;
}

/* The tag of a verb form at i from the tags before it; sets fin. */
static int verb_tag(vg_syntax *s, size_t i)
{
    stok *k = &s->k[i];
    const vg_token *t = &s->t[i];
    size_t p;
    int pt = prev_core(s, i, &p);
    int aux = (k->vc & (1u << V_BE | 1u << V_HAVE | 1u << V_DO)) || (k->wc >> W_MODAL & 1);
    if (!s->g->fr && (k->vc & (1u << V_GET)) && i + 1 < s->nt && (s->k[i + 1].vf & VG_VF_PPART) &&
        !s->k[i + 1].cap)
        aux = 1;
    if (k->cap && i > 0 && !(k->wc >> W_MODAL & 1) && !(k->vc & (1u << V_BE | 1u << V_HAVE | 1u << V_DO)) &&
        pt != VG_ST_PUNCT)
        return VG_ST_PROPN;
    if (pt == VG_ST_DET || (p != SIZE_MAX && (s->k[p].wc >> W_POSS & 1) && pt == VG_ST_X))
        return aux ? VG_ST_AUX : VG_ST_NOUN;
    if (pt == VG_ST_PREP && !aux)
        return VG_ST_NOUN;
    if (s->g->fr && i > 1 && p == i - 1 && (s->k[p].wc >> W_ADJPRE & 1) && s->k[p - 1].tag == VG_ST_DET)
        return VG_ST_NOUN; /* « une première attaque » */
    if (pt == VG_ST_INF) {
        if (k->vf & (VG_VF_INF | VG_VF_PPRES))
            return aux ? VG_ST_AUX : VG_ST_VERB;
        return VG_ST_NOUN;
    }
    if (aux) {
        k->fin = (uint8_t)(finite(k->vf) || (k->wc >> W_MODAL & 1));
        if (pt == VG_ST_AUX && !finite(k->vf))
            k->fin = 0;
        return VG_ST_AUX;
    }
    if (pt == VG_ST_AUX) { /* a participle or infinitive the auxiliary takes */
        const stok *a = &s->k[p];
        int be = a->vc >> V_BE & 1, have = a->vc >> V_HAVE & 1;
        if (((be || have || (a->vc >> V_GET & 1)) && (k->vf & VG_VF_PPART)) || (be && (k->vf & VG_VF_PPRES)) ||
            (!be && !have && (k->vf & VG_VF_INF)) || (s->g->fr && (k->vf & VG_VF_INF)))
            return VG_ST_VERB;
        if (!s->g->fr && be && (k->vf & VG_VF_INF) && (k->vf & VG_VF_PRES))
            return VG_ST_NOUN;
        if (s->g->fr || !(k->vf & ~(VG_VF_INF | VG_VF_PRES)))
            return VG_ST_NOUN;
        return VG_ST_VERB;
    }
    if (pt == VG_ST_PRON || pt == VG_ST_CLITIC || pt == VG_ST_REL) {
        if (pt == VG_ST_PRON && p != SIZE_MAX && !(s->k[p].wc >> W_PRONSUBJ & 1) && !s->g->fr &&
            !finite(k->vf))
            return VG_ST_NOUN;
        k->fin = (uint8_t)finite(k->vf);
        if (s->g->fr && (k->vf & VG_VF_PPART) && !(k->vf & ~VG_VF_PPART))
            k->fin = 0;
        return VG_ST_VERB;
    }
    if (pt == VG_ST_NEG || pt == VG_ST_COMPL || pt == VG_ST_SUB) {
        k->fin = (uint8_t)finite(k->vf);
        return VG_ST_VERB;
    }
    if (pt == VG_ST_VERB) { /* a verb right after a verb */
        if (s->g->fr ? (k->vf & VG_VF_INF) != 0 : (k->vf & (VG_VF_PPRES)) != 0)
            return VG_ST_VERB;
        if (s->g->fr && finite(k->vf) && !clause_has_finite(s, i)) {
            k->fin = 1; /* « le texte que le parlement a voté prévoit » */
            return VG_ST_VERB;
        }
        return VG_ST_NOUN;
    }
    if (pt == VG_ST_NOUN || pt == VG_ST_PROPN || pt == VG_ST_NUM) {
        if ((k->vf & VG_VF_PPART) && i + 1 < s->nt && (s->k[i + 1].wc >> W_BY & 1) && !(k->vc >> V_BE & 1))
            return VG_ST_VERB; /* "rebels backed by Rwanda": a participle, not the clause's verb */
        if (!s->g->fr && !(k->vf & VG_VF_PAST)) {
            if (pt == VG_ST_NUM && !(k->vc & (1u << V_BE | 1u << V_HAVE)))
                return VG_ST_NOUN; /* "ten people" */
            if (verbish_next(s, i + 1))
                return VG_ST_NOUN; /* "US troops fired", "people make" */
            if ((k->vf & VG_VF_INF) && !(k->vf & ~(VG_VF_INF | VG_VF_PRES)) && !ends_with(&s->t[p], "s") && !(s->k[p].wc >> W_PLURAL & 1) &&
                s->t[p].keylen > 1 && !(s->t[p].keylen == 2 && s->t[p].key[1] == 's'))
                return VG_ST_NOUN; /* "the peace process": a base form after a singular noun */
        }
        if (finite(k->vf) && !clause_has_finite(s, i)) {
            if (!s->g->fr && (k->vf & VG_VF_PRES) && !(k->vf & VG_VF_PAST) && i + 1 < s->nt &&
                (s->k[i + 1].tag == VG_ST_X) && nounlike(s, i + 1) && !(s->k[i + 1].wc >> W_DET & 1) &&
                !(s->k[i + 1].wc >> W_PRONOBJ & 1) && !ends_with(t, "s"))
                return VG_ST_NOUN; /* "peace talks" */
            k->fin = 1;
            if (s->g->fr && (k->vf & VG_VF_PPART) && !(k->vf & VG_VF_PRES))
                k->fin = 0;
            return VG_ST_VERB;
        }
        if (!s->g->fr && (k->vf & VG_VF_PAST) && p != SIZE_MAX) {
            /* "said her family spent": the noun group after a verb of saying or thinking is the
            ** subject of a clause without "that" */
            size_t q = p;
            while (q > 0 && (nounish(s->k[q].tag) || s->k[q].tag == VG_ST_DET || (s->k[q].wc >> W_POSS & 1)) &&
                   s->k[q].tag != VG_ST_PRON)
                q--;
            if (q < p && (s->k[q].tag == VG_ST_VERB || s->k[q].tag == VG_ST_AUX) && (s->k[q].vc >> V_CLAUSE & 1) &&
                !(i + 1 < s->nt && (s->k[i + 1].wc >> W_BY & 1))) {
                k->fin = 1;
                return VG_ST_VERB;
            }
        }
        if (k->vf & (VG_VF_PPART | VG_VF_PPRES))
            return VG_ST_VERB;
        return VG_ST_NOUN;
    }
    if (pt == VG_ST_COORD && !s->g->fr && finite(k->vf) && finite_before(s, i) && i + 1 < s->nt &&
        ((s->k[i + 1].wc & (1u << W_DET | 1u << W_PRONOBJ)) || s->t[i + 1].kind == VG_TOK_NUM) &&
        !(s->k[i + 1].wc >> W_PREP & 1)) {
        k->fin = 1; /* "took the city but still face pockets of resistance" */
        return VG_ST_VERB;
    }
    if (pt == VG_ST_COORD) {
        /* "attacked and killed": a verb when the clause before has a finite verb of the same tense */
        for (size_t j = p, n = 0; j-- > 0 && n < 30; n++) {
            const stok *q = &s->k[j];
            if (q->tag == VG_ST_PUNCT && s->t[j].key[0] != ',')
                break;
            if (q->tag == VG_ST_VERB || q->tag == VG_ST_AUX) {
                if ((q->fin && finite(k->vf) && (q->vf & k->vf & (VG_VF_PAST | VG_VF_PRES | VG_VF_FUT | VG_VF_COND))) ||
                    (!q->fin && (q->vf & k->vf & (VG_VF_INF | VG_VF_PPART | VG_VF_PPRES)))) {
                    k->fin = q->fin;
                    return VG_ST_VERB;
                }
                break;
            }
        }
        return VG_ST_NOUN;
    }
    /* sentence start, a comma, a quote */
    if (p != SIZE_MAX && (k->vc >> V_SPEECH & 1) && finite(k->vf) && s->t[p].kind == VG_TOK_PUNCT &&
        (s->t[p].key[0] == ',' || s->t[p].key[0] == '"') && i + 1 < s->nt &&
        (s->k[i + 1].wc >> W_DET & 1 || s->k[i + 1].cap || s->k[i + 1].wc >> W_TITLE & 1)) {
        k->fin = 1; /* "…," said the minister */
        return VG_ST_VERB;
    }
    if (k->vf & (VG_VF_PPRES | VG_VF_PPART)) {
        if (p != SIZE_MAX && finite(k->vf) && !finite_before(s, i) && !(k->vf & VG_VF_PPRES)) {
            k->fin = 1; /* "The army, accusing X, shelled": the verb the subject waits for */
            return VG_ST_VERB;
        }
        if (!finite(k->vf) || p != SIZE_MAX)
            return VG_ST_VERB;
    }
    if (p != SIZE_MAX && s->t[p].key[0] == ',' && finite(k->vf) && i + 1 < s->nt &&
        ((s->k[i + 1].wc & (1u << W_DET | 1u << W_PREP | 1u << W_PRONOBJ | 1u << W_NEG | 1u << W_ADV)) ||
         s->t[i + 1].kind == VG_TOK_NUM || (s->g->fr && (s->k[i + 1].vf & VG_VF_INF)))) {
        k->fin = 1;
        return VG_ST_VERB;
    }
    if (p == SIZE_MAX && (k->vf & VG_VF_INF) && !s->g->fr && i + 1 < s->nt &&
        (s->k[i + 1].wc & (1u << W_DET | 1u << W_PRONOBJ))) {
        k->fin = 1;
        return VG_ST_VERB; /* an imperative */
    }
    return k->cap && i > 0 ? VG_ST_PROPN : VG_ST_NOUN;
}

static int tag_of(vg_syntax *s, size_t i)
{
    const vg_token *t = &s->t[i];
    stok *k = &s->k[i];
    int fr = s->g->fr;
    if (t->kind == VG_TOK_PUNCT)
        return VG_ST_PUNCT;
    if (t->kind == VG_TOK_NUM || t->kind == VG_TOK_DATE)
        return VG_ST_NUM;
    if (t->kind == VG_TOK_SYM)
        return t->key[0] == '%' || t->key[0] == '$' ? VG_ST_NUM : VG_ST_X;
    size_t p;
    int pt = prev_core(s, i, &p);
    uint32_t wc = k->wc;
    const stok *nx = i + 1 < s->nt ? &s->k[i + 1] : NULL;
    if ((wc >> W_PRONSUBJ & 1) && t->key[0] == '-')
        return VG_ST_PRON; /* inverted: -t-il */
    if (wc >> W_POSS & 1) {
        if ((k->vc & (1u << V_BE | 1u << V_HAVE)) && p != SIZE_MAX && (s->k[p].wc >> W_PRONSUBJ & 1 || key_is(s, p, "that")))
            return (k->fin = 1), VG_ST_AUX;
        return VG_ST_X; /* the possessive: the noun group goes on */
    }
    if (wc >> W_NEG & 1) {
        if (!(key_is(s, i, "plus") || key_is(s, i, "point")) || pt == VG_ST_VERB || pt == VG_ST_AUX ||
            (p != SIZE_MAX && (key_is(s, p, "ne") || key_is(s, p, "n'"))))
            return VG_ST_NEG;
        if (key_is(s, i, "point")) /* « le deuxième point » */
            return VG_ST_NOUN;
        return VG_ST_ADV;
    }
    if (fr && (wc >> W_GERUND & 1) && nx && (nx->vf & VG_VF_PPRES) && !(nx->wc >> W_DET & 1))
        return VG_ST_INF;
    if (wc >> W_REL & 1 && wc >> W_COMPL & 1) { /* que, that */
        if (i > 0 && (s->k[i - 1].wc >> W_COORDQUE & 1))
            return VG_ST_COORD; /* « ainsi que » */
        if (i > 0 && (s->k[i - 1].wc >> W_SUBQUE & 1))
            return VG_ST_SUB;
        if (!fr && nx && (nx->wc >> W_DET & 1) == 0 && nominal_next(s, i + 1) && !verbish_next(s, i + 2) &&
            pt != VG_ST_VERB && pt != VG_ST_AUX && pt != VG_ST_NOUN && pt != VG_ST_PROPN)
            return VG_ST_DET; /* "that man" */
        if (!fr && nx && (pt == VG_ST_X || pt == VG_ST_PREP || pt == VG_ST_PUNCT || pt == VG_ST_COORD) &&
            (nx->vf || nx->tag == VG_ST_PUNCT))
            return VG_ST_PRON; /* "that is", "of that." */
        if (pt == VG_ST_PUNCT && p != SIZE_MAX && s->t[p].key[0] == ',' && p > 0 && nounish(s->k[p - 1].tag))
            return VG_ST_REL; /* « son homologue, qu'il a félicité » */
        return pt == VG_ST_NOUN || pt == VG_ST_PROPN || pt == VG_ST_PRON || pt == VG_ST_NUM ? VG_ST_REL
                                                                                             : VG_ST_COMPL;
    }
    if (wc >> W_REL & 1) {
        if (!fr && key_is(s, i, "which") && nx && nounlike(s, i + 1) && pt != VG_ST_NOUN && pt != VG_ST_PROPN)
            return VG_ST_DET;
        if (!fr && key_is(s, i, "where") && pt != VG_ST_NOUN && pt != VG_ST_PROPN)
            return VG_ST_SUB;
        if (!fr && (key_is(s, i, "who") || key_is(s, i, "what")) && (pt == VG_ST_X || pt == VG_ST_PUNCT))
            return VG_ST_PRON; /* a question */
        return VG_ST_REL;
    }
    if (wc >> W_COMPL & 1) {
        if (key_is(s, i, "si") || key_is(s, i, "if"))
            return pt == VG_ST_VERB ? VG_ST_COMPL : VG_ST_SUB;
        return VG_ST_COMPL;
    }
    if ((wc >> W_SUB & 1) && !(wc >> W_PREP & 1) && !(wc >> W_ADV & 1))
        return VG_ST_SUB;
    if ((wc >> W_SUB & 1) && nx && (nx->wc >> W_PRONSUBJ & 1) && !fr)
        return VG_ST_SUB;
    if (wc >> W_COORD & 1)
        return VG_ST_COORD;
    if ((wc >> W_SUBQUE & 1) && i + 1 < s->nt && (key_is(s, i + 1, "que") || key_is(s, i + 1, "qu'")))
        return VG_ST_ADV;
    if (wc >> W_INF & 1 && nx) {
        size_t j = i + 1;
        while (j < s->nt && j < i + 4 &&
               (s->k[j].wc & (1u << W_REFL | 1u << W_PRONOBJ | 1u << W_NEG)) && !(s->k[j].wc >> W_DET & 1 && fr && 0))
            j++;
        if (j < s->nt && (s->k[j].vf & VG_VF_INF) && !(s->k[j].wc >> W_DET & 1) &&
            (fr || !(s->k[j].wc >> W_PREP & 1)) && !s->k[j].cap)
            return VG_ST_INF;
    }
    if (fr && (wc >> W_DETPREP & 1)) {
        if (key_is(s, i, "au") || key_is(s, i, "aux") || (nx && s->t[i + 1].kind == VG_TOK_NUM))
            return VG_ST_PREP; /* « du 3 au 6 juin » */
        return pt == VG_ST_NOUN || pt == VG_ST_PROPN || pt == VG_ST_NUM || (pt == VG_ST_PRON && p != SIZE_MAX && !(s->k[p].wc >> W_PRONSUBJ & 1)) ? VG_ST_PREP : VG_ST_DET;
    }
    if (fr && (wc >> W_PRONOBJ & 1) && nx) {
        int before = pt == VG_ST_PRON || pt == VG_ST_CLITIC || pt == VG_ST_NEG || pt == VG_ST_REL ||
                     pt == VG_ST_INF || (p != SIZE_MAX && s->k[p].wc >> W_PRONSUBJ & 1);
        int verb_next = nx->vf && !(nx->wc >> W_PREP & 1) &&
                        (before || (nx->vc & (1u << V_BE | 1u << V_HAVE)) || !(nx->vf & ~(VG_VF_PRES | VG_VF_PAST | VG_VF_FUT | VG_VF_COND | VG_VF_SUBJ)));
        int clit_next = (nx->wc & (1u << W_PRONOBJ | 1u << W_REFL)) && !(nx->wc >> W_DET & 1);
        if (!(wc >> W_DET & 1) && !(wc >> W_PRONSUBJ & 1)) {
            if ((verb_next || clit_next) && pt != VG_ST_PREP)
                return VG_ST_CLITIC;
            if (!(wc >> W_PREP & 1)) /* « en » otherwise is a preposition */
                return VG_ST_PRON;
        }
        if ((wc >> W_DET & 1) && (verb_next && before) && !(nx->cap))
            return VG_ST_CLITIC;
        if ((wc >> W_PRONSUBJ & 1) && (pt == VG_ST_PRON || pt == VG_ST_CLITIC || pt == VG_ST_NEG) && nx->vf)
            return VG_ST_CLITIC; /* il nous a dit */
    }
    if (wc >> W_REFL & 1)
        return VG_ST_CLITIC;
    if (fr && key_is(s, i, "en") && (pt == VG_ST_PRON || pt == VG_ST_CLITIC || pt == VG_ST_NEG) && nx && nx->vf)
        return VG_ST_CLITIC;
    if (wc >> W_PREP & 1) {
        if (!fr && nx && (key_is(s, i, "after") || key_is(s, i, "before") || key_is(s, i, "since") ||
                          key_is(s, i, "until") || key_is(s, i, "as")) &&
            (nx->wc >> W_PRONSUBJ & 1 || nx->wc >> W_DET & 1) && i + 2 < s->nt && s->k[i + 2].vf && 0)
            return VG_ST_SUB;
        if (!fr && key_is(s, i, "that"))
            return VG_ST_PRON;
        return VG_ST_PREP;
    }
    if (wc >> W_DET & 1) {
        if (!fr && nx && (wc >> W_PRONOBJ & 1 || wc >> W_PRON & 1) && !nominal_next(s, i + 1))
            return VG_ST_PRON; /* "her", "all", "some" alone */
        if (!nx || nx->tag == VG_ST_PUNCT || s->t[i + 1].kind == VG_TOK_PUNCT)
            return VG_ST_PRON;
        return VG_ST_DET;
    }
    if (wc >> W_MODAL & 1)
        return verb_tag(s, i);
    if (wc >> W_NOUN & 1)
        return k->cap && i > 0 ? VG_ST_PROPN : VG_ST_NOUN;
    if (wc & (1u << W_PRONSUBJ | 1u << W_PRONOBJ | 1u << W_PRON))
        return VG_ST_PRON;
    if ((wc >> W_ADV & 1) && pt != VG_ST_DET)
        return VG_ST_ADV;
    if ((wc >> W_ADV & 1) && !k->vf)
        return VG_ST_NOUN; /* "the right to", "his home" */
    if (wc >> W_TIME & 1)
        return pt == VG_ST_DET || pt == VG_ST_PREP ? VG_ST_NOUN : VG_ST_ADV;
    if (!k->vf && pt != VG_ST_DET && pt != VG_ST_PREP && !k->cap &&
        (fr ? ends_with(t, "ment") && !ends_with(t, "ement") : ends_with(t, "ly")))
        return VG_ST_ADV;
    if (fr && !k->vf && pt != VG_ST_DET && pt != VG_ST_PREP && !k->cap && ends_with(t, "ement") &&
        (pt == VG_ST_VERB || pt == VG_ST_AUX || pt == VG_ST_PUNCT || pt == VG_ST_X))
        return VG_ST_ADV;
    if (k->vf)
        return verb_tag(s, i);
    if (k->cap && i > 0 && pt != VG_ST_X)
        return VG_ST_PROPN;
    if (k->cap && i + 1 < s->nt && (s->t[i + 1].flags & VG_TOKF_CAP))
        return VG_ST_PROPN;
    return VG_ST_NOUN;
}

/* "PARIS (AFP) -", "WASHINGTON, March 3 (Reuters) —": tokens [0, end] set aside. */
static size_t dateline(vg_syntax *s)
{
    size_t n = s->nt < 16 ? s->nt : 16, agency = 0;
    if (n < 3 || !(s->t[0].flags & VG_TOKF_CAP))
        return 0;
    for (size_t i = 1; i < n; i++) {
        const vg_token *t = &s->t[i];
        if (t->kind == VG_TOK_PUNCT && t->key[0] == '(' && i + 2 < n && s->t[i + 2].key[0] == ')')
            agency = 1;
        if (t->kind == VG_TOK_PUNCT && t->key[0] == '-' && t->keylen <= 3) {
            int caps = 1;
            for (size_t k = s->t[0].start; k < s->t[0].end; k++)
                if (s->text[k] >= 'a' && s->text[k] <= 'z')
                    caps = 0;
            return agency || caps ? i + 1 : 0;
        }
        if (t->kind == VG_TOK_WORD && !(t->flags & VG_TOKF_CAP) && !agency && i > 0 &&
            !(s->g->fr ? 0 : 0) && t->keylen > 3)
            return 0;
    }
    return 0;
}

static vg_chunk *new_chunk(vg_syntax *s, int kind, size_t a, size_t b, size_t head)
{
    vg_chunk *c = &s->ch[s->nch];
    c->kind = (uint8_t)kind;
    c->a = (uint32_t)a;
    c->b = (uint32_t)b;
    c->head = (int32_t)head;
    c->prep = c->appos = c->conj = -1;
    for (size_t i = a; i < b; i++)
        s->k[i].chunk = (int32_t)s->nch;
    s->nch++;
    return c;
}

/* a noun group starting at i: its end and head */
static size_t noun_group(vg_syntax *s, size_t i, size_t *head)
{
    size_t j = i, first = SIZE_MAX, last = SIZE_MAX;
    int fr = s->g->fr;
    if (tis(s, i, VG_ST_PRON)) {
        *head = i;
        return i + 1;
    }
    for (; j < s->nt; j++) {
        int tg = s->k[j].tag;
        if (tg == VG_ST_DET) {
            if (last != SIZE_MAX && !(s->k[j - 1].wc >> W_POSS & 1) && s->k[j - 1].tag != VG_ST_DET)
                break; /* a new noun group: "gave the man the book" */
            continue;
        }
        if (tg == VG_ST_X && (s->k[j].wc >> W_POSS & 1) && last != SIZE_MAX) {
            first = last = SIZE_MAX; /* Turkey's foreign minister: the head comes after */
            continue;
        }
        if (tg == VG_ST_ADV && last == SIZE_MAX && j + 1 < s->nt && nounish(s->k[j + 1].tag))
            continue; /* "the very large", « les plus importants » */
        if (tg == VG_ST_NOUN || tg == VG_ST_PROPN || tg == VG_ST_NUM) {
            if (first == SIZE_MAX && !(fr && (s->k[j].wc >> W_ADJPRE & 1 || tg == VG_ST_NUM) && j + 1 < s->nt &&
                                       (s->k[j + 1].tag == VG_ST_NOUN || s->k[j + 1].tag == VG_ST_PROPN ||
                                        s->k[j + 1].tag == VG_ST_NUM)))
                first = j;
            last = j;
            continue;
        }
        if (!fr && s->t[j].kind == VG_TOK_PUNCT && s->t[j].key[0] == '-' && s->t[j].keylen == 1 && last != SIZE_MAX &&
            !(s->t[j].flags & VG_TOKF_SPACE) && j + 1 < s->nt && nounish(s->k[j + 1].tag))
            continue;
        break;
    }
    if (last == SIZE_MAX) {
        *head = SIZE_MAX;
        return i;
    }
    if (first == SIZE_MAX)
        first = last;
    if (fr) {
        *head = first;
    } else {
        size_t h = last;
        /* a person's name is headed by its first word, not by a title; an organisation's or a
        ** place's, which take an article ("the United States"), by its last */
        if (s->k[h].tag == VG_ST_PROPN && !(s->k[i].tag == VG_ST_DET))
            while (h > i && s->k[h - 1].tag == VG_ST_PROPN && !(s->k[h - 1].wc >> W_TITLE & 1) &&
                   !acronym(s, h - 1))
                h--; /* not onto an acronym either: "US Marines", "PM Allawi" */
        *head = h;
    }
    return last + 1;
}

void vg_syn_chunks(vg_syntax *s)
{
    s->nch = 0;
    for (size_t i = 0; i < s->nt; i++)
        lookup(s, i);
    size_t dl = dateline(s);
    for (size_t i = 0; i < s->nt; i++)
        s->k[i].tag = i < dl ? VG_ST_X : (uint8_t)tag_of(s, i);
    if (dl) {
        new_chunk(s, VG_CH_DATELINE, 0, dl, 0)->head = -1;
        for (size_t i = 0; i < dl; i++)
            s->k[i].skip = 1;
    }
    /* verb groups, noun groups, prepositional groups: left to right */
    for (size_t i = dl; i < s->nt;) {
        int tg = s->k[i].tag;
        if (tg == VG_ST_AUX || tg == VG_ST_VERB || tg == VG_ST_CLITIC ||
            (tg == VG_ST_NEG && (key_is(s, i, "ne") || key_is(s, i, "n'")))) {
            size_t a = i, j = i, head = SIZE_MAX;
            int in_verb = 0;
            for (; j < s->nt; j++) {
                int t2 = s->k[j].tag;
                if (t2 == VG_ST_CLITIC || (t2 == VG_ST_NEG && !in_verb) || (t2 == VG_ST_NEG && in_verb)) {
                    if (head != SIZE_MAX && s->k[head].tag == VG_ST_VERB && t2 == VG_ST_CLITIC)
                        break;
                    continue;
                }
                if (t2 == VG_ST_AUX) {
                    if (head != SIZE_MAX && s->k[head].tag == VG_ST_VERB)
                        break;
                    head = j, in_verb = 1;
                    continue;
                }
                if (t2 == VG_ST_VERB) {
                    if (head != SIZE_MAX && s->k[head].tag == VG_ST_VERB)
                        break;
                    head = j, in_verb = 1;
                    continue;
                }
                if ((t2 == VG_ST_ADV || (t2 == VG_ST_PRON && s->t[j].key[0] == '-')) && in_verb && j + 1 < s->nt &&
                    head != SIZE_MAX && s->k[head].tag == VG_ST_AUX) {
                    size_t q = j + 1;
                    while (q < s->nt && (s->k[q].tag == VG_ST_ADV || s->k[q].tag == VG_ST_NEG ||
                                         (s->k[q].tag == VG_ST_PRON && s->t[q].key[0] == '-')))
                        q++;
                    if (q < s->nt && (s->k[q].tag == VG_ST_VERB || s->k[q].tag == VG_ST_AUX)) {
                        j = q - 1;
                        continue;
                    }
                }
                break;
            }
            if (head == SIZE_MAX) { /* clitics and ne without a verb: leave them */
                s->k[i].tag = s->k[i].tag == VG_ST_CLITIC ? VG_ST_PRON : s->k[i].tag;
                if (s->k[i].tag == VG_ST_PRON) {
                    new_chunk(s, VG_CH_NG, i, i + 1, i);
                }
                i++;
                continue;
            }
            /* trailing negation/clitics after the head stay only if before the head's end */
            size_t b = j;
            while (b > head + 1 && s->k[b - 1].tag == VG_ST_CLITIC)
                b--;
            new_chunk(s, VG_CH_VG, a, b, head);
            i = b;
            continue;
        }
        if (tg == VG_ST_PREP) {
            size_t head, e = i + 1 < s->nt ? noun_group(s, i + 1, &head) : i + 1;
            if (e > i + 1 && head != SIZE_MAX) {
                vg_chunk *c = new_chunk(s, VG_CH_PG, i, e, head);
                c->prep = (int32_t)i;
                i = e;
                continue;
            }
            i++;
            continue;
        }
        if (tg == VG_ST_DET || nounish(tg) || (tg == VG_ST_ADV && i + 1 < s->nt && nounish(s->k[i + 1].tag) &&
                                                s->k[i + 1].tag != VG_ST_PRON)) {
            size_t head, e = noun_group(s, i, &head);
            if (e > i && head != SIZE_MAX) {
                new_chunk(s, VG_CH_NG, i, e, head);
                i = e;
                continue;
            }
        }
        i++;
    }
    /* appositions and coordinations of noun groups */
    for (size_t c = 0; c + 1 < s->nch; c++) {
        vg_chunk *x = &s->ch[c], *y = &s->ch[c + 1];
        if (x->kind != VG_CH_NG && x->kind != VG_CH_PG)
            continue;
        if (y->kind != VG_CH_NG || y->a != x->b + 1)
            continue;
        size_t m = x->b;
        if (tis(s, m, VG_ST_COORD) && !key_is(s, m, "mais") && !key_is(s, m, "but"))
            x->conj = y->head;
        else if (x->kind == VG_CH_NG && s->t[m].kind == VG_TOK_PUNCT && s->t[m].key[0] == ',' &&
                 s->k[y->head].tag != VG_ST_PRON) {
            size_t e = y->b; /* "X, the Department of State waived": no apposition, a subject */
            for (size_t d = c + 2; d < s->nch && d < c + 10 && s->ch[d].kind == VG_CH_PG && s->ch[d].a == e; d++)
                e = s->ch[d].b;
            if (!(e < s->nt && (tis(s, e, VG_ST_VERB) || tis(s, e, VG_ST_AUX))))
                x->appos = y->head;
        }
    }
}
