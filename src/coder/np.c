/* np.c — find the actors of a sentence: dictionary phrases (longest match), then noun phrases
** built from them the way news writes actors:
**   agent + adjective      l'armée syrienne, le haut responsable américain
**   adjective/name + agent the Syrian army, US Secretary of State
**   agent + de + name      le porte-parole du Kremlin, les jihadistes de l'EI
**   name + 's + agent      Turkey's Foreign Minister
**   agent/title + person   le secrétaire d'Etat américain John Kerry, President Putin, M. Kerry
** then places (a name after à, en, in, near…; cities always), attributions (selon X) and
** coordination (la Russie et l'Iran; ni par l'armée, ni par les milices).
** Not here: which NP is the source or target of an event (match.c). */
#include <stdio.h>
#include <string.h>

#include "coder.h"

typedef struct {
    uint32_t a, b, ph;
} mention;

static const vg_phrase *PH(const sent_t *s, uint32_t ph) { return &s->lx->ph[ph]; }


static int match_at(const sent_t *s, size_t i, uint32_t *ph_out)
{
    size_t n;
    const uint32_t *cand = vg_lex_phrases(s->lx, s->ct[i].w, &n);
    for (size_t k = 0; k < n; k++) {
        const vg_phrase *p = PH(s, cand[k]);
        if (i + p->nw > s->nt)
            continue;
        size_t j = 0;
        while (j < p->nw && vg_phrase_word(s->lx, p, j, s->ct[i + j].w, s->text, &s->t[i + j]))
            j++;
        if (j == p->nw) {
            *ph_out = cand[k];
            return p->nw;
        }
    }
    return 0;
}

static int kind_rank(int k)
{
    static const int rank[] = { [NP_PERSON] = 6, [NP_SEAT] = 5, [NP_AGENT] = 4, [NP_CAPITAL] = 3,
                                [NP_PEOPLE] = 2, [NP_COUNTRY] = 1, [NP_PRONOUN] = 0 };
    return rank[k];
}

static int np_kind_of(vg_phkind k)
{
    switch (k) {
    case VG_PH_ACTOR: return NP_PERSON;
    case VG_PH_SEAT: return NP_SEAT;
    case VG_PH_AGENT: return NP_AGENT;
    case VG_PH_CAPITAL: return NP_CAPITAL;
    case VG_PH_PEOPLE: return NP_PEOPLE;
    default: return NP_COUNTRY; /* name, adj, city */
    }
}

/* Fold a mention into an NP: the strongest kind names it; countries and roles accumulate. */
static void absorb(const sent_t *s, np_t *np, const mention *m)
{
    const vg_phrase *p = PH(s, m->ph);
    int k = np_kind_of((vg_phkind)p->kind);
    if (np->b < m->b)
        np->b = m->b;
    if (kind_rank(k) > kind_rank(np->kind) || np->head_ph == UINT32_MAX) {
        np->kind = (uint8_t)k;
        np->head_ph = m->ph;
    }
    if (p->kind == VG_PH_AGENT && !np->role[0])
        vg_copy(np->role, sizeof np->role, p->code, 3);
    else if (p->kind != VG_PH_AGENT && p->kind != VG_PH_ACTOR && !np->country[0])
        vg_copy(np->country, sizeof np->country, p->code, 3);
    if (p->has_coord && !np->has_coord) {
        np->lat = p->lat;
        np->lon = p->lon;
        np->has_coord = 1;
    }
}

/* Can mention m join the NP np that ends just before it (gap: the tokens between)? */
static int joins(const sent_t *s, const np_t *np, const mention *m, const mention *prev)
{
    const vg_phrase *p = PH(s, m->ph), *q = PH(s, prev->ph);
    size_t g = m->a - np->b; /* tokens between */
    int pk = p->kind, qk = q->kind;
    int has_agent = np->role[0] != 0 || np->kind == NP_PERSON;
    if (pk == VG_PH_CITY)
        return 0;
    if (g == 0) {
        if (pk == VG_PH_ADJ && (has_agent || qk == VG_PH_ADJ))
            return 1; /* l'armée syrienne; le régime syrien */
        if (pk == VG_PH_AGENT && (qk == VG_PH_ADJ || qk == VG_PH_AGENT || (!s->fr && qk == VG_PH_NAME)))
            return 1; /* Syrian army; US Secretary */
        if (!s->fr && pk == VG_PH_AGENT && qk == VG_PH_ACTOR)
            return 1; /* Houthi rebels, Hamas fighters: the organisation names them */
        if (pk == VG_PH_ACTOR && (qk == VG_PH_AGENT || qk == VG_PH_ADJ || qk == VG_PH_SEAT))
            return 1; /* le porte-parole du Kremlin Dmitri Peskov; President Putin */
        if (!s->fr && pk == VG_PH_NAME && qk == VG_PH_AGENT && (s->t[m->a].flags & VG_TOKF_CAP) &&
            (!np->country[0] || !strncmp(np->country, p->code, 3)))
            return 1; /* a person coded by country alone, after a title: Prime Minister Telemar */
        return 0;
    }
    /* one unknown word between an agent and its adjective: l'armée régulière syrienne */
    if (g == 1 && pk == VG_PH_ADJ && has_agent) {
        const ctok *c = &s->ct[np->b];
        return !c->w && !c->vf && s->t[np->b].kind == VG_TOK_WORD && !(s->t[np->b].flags & VG_TOKF_CAP);
    }
    /* agent + de (+ det) + name/capital/seat/organisation/agent: « le président du gouvernement
    ** espagnol », « le porte-parole du Kremlin » */
    if (has_agent && (pk == VG_PH_NAME || pk == VG_PH_CAPITAL || pk == VG_PH_SEAT || pk == VG_PH_AGENT ||
                      (pk == VG_PH_ACTOR && np->kind != NP_PERSON))) {
        size_t i = np->b;
        if (!tok_is(s, i, VG_G_OF))
            return 0;
        for (i++; i < m->a; i++)
            if (!tok_is(s, i, VG_G_DET))
                return 0;
        return 1;
    }
    /* Turkey's Foreign Minister, Chile's main opposition */
    if (!s->fr && g >= 1 && g <= 3 && pk == VG_PH_AGENT &&
        (qk == VG_PH_NAME || qk == VG_PH_CAPITAL || qk == VG_PH_ACTOR)) {
        const vg_token *t = &s->t[np->b];
        if (!((t->flags & VG_TOKF_CLITIC) && t->key[0] == '\'' && t->key[1] == 's'))
            return 0;
        for (size_t i = np->b + 1; i < m->a; i++) { /* adjectives between: no actor, no verb ("main") */
            uint32_t ph;
            if (s->t[i].kind != VG_TOK_WORD || s->ct[i].nvf || (s->ct[i].w && match_at(s, i, &ph)))
                return 0;
        }
        return 1;
    }
    return 0;
}

static vg_status push_np(sent_t *s, const mention *m)
{
    vg_coder *c = s->c;
    vg_status rc = vg_grow(s->lx->mem, (void **)&c->np, &c->capnp, c->nnp + 1, sizeof(np_t));
    if (rc != VG_OK)
        return rc;
    np_t *np = &c->np[c->nnp++];
    memset(np, 0, sizeof *np);
    np->a = m->a;
    np->b = m->b;
    np->head_ph = UINT32_MAX;
    np->group = (int16_t)(c->nnp - 1);
    absorb(s, np, m);
    return VG_OK;
}

/* Tokens that may stand between two coordinated NPs: , et and ni nor, determiners, and the
** preposition that introduced the first one (« ni par l'armée, ni par les milices »). */
static int coordinated(const sent_t *s, const np_t *x, const np_t *y)
{
    int coord = 0;
    size_t a = x->a;
    while (a > 0 && tok_is(s, a - 1, VG_G_DET))
        a--;
    uint32_t prep = a > 0 ? s->ct[a - 1].w : 0;
    for (size_t i = x->b; i < y->a; i++) {
        size_t g = vg_gram_at(s, i, VG_G_COORD);
        if (g) {
            coord = 1;
            i += g - 1;
            continue;
        }
        char c0 = tok_c0(s, i);
        const char *k = s->t[i].key;
        if (c0 == ',' || tok_is(s, i, VG_G_DET) || s->t[i].kind == VG_TOK_NUM ||
            (prep && s->ct[i].w == prep && !tok_is(s, i, VG_G_DET)))
            continue; /* « et 14 groupes armés » */
        if (!strcmp(k, "ni") || !strcmp(k, "nor") || !strcmp(k, "neither") || !strcmp(k, "both")) {
            coord = 1;
            continue;
        }
        if (coord && s->t[i].kind == VG_TOK_WORD && !s->ct[i].w && !s->ct[i].nvf && !(s->t[i].flags & VG_TOKF_CAP))
            continue; /* an adjective of the second: "the army and pro-Kremlin militias" */
        return 0;
    }
    return coord ? 1 : 2; /* 2: commas only, a list if a coordination follows */
}

/* An NP that is a nationality adjective alone (« malienne », "Romanian"). */
static int bare_adjective(const sent_t *s, const np_t *np)
{
    return np->kind == NP_COUNTRY && !np->role[0] && np->head_ph != UINT32_MAX &&
           PH(s, np->head_ph)->kind == VG_PH_ADJ && np->b - np->a == PH(s, np->head_ph)->nw;
}

/* The person whose full name, met earlier in the document, ends with word w; UINT32_MAX if none,
** or if two people share it. */
static uint32_t surname(const vg_coder *c, uint32_t w)
{
    for (int k = 0; k < c->nseen; k++)
        if (c->seen_last[k] == w)
            return c->seen_ph[k] ? c->seen_ph[k] - 1 : UINT32_MAX;
    return UINT32_MAX;
}

/* Remember the people of this sentence named in full (two words or more), for surname(). */
static void remember_names(sent_t *s)
{
    vg_coder *c = s->c;
    for (size_t k = 0; k < c->nnp; k++) {
        const np_t *np = &c->np[k];
        if (np->kind != NP_PERSON || np->head_ph == UINT32_MAX)
            continue;
        const vg_phrase *p = PH(s, np->head_ph);
        if (p->nw < 2 || p->org)
            continue;
        /* the last word (Iwaya), and the first (Cho, of Cho Tae-yul: family names come first in
        ** East Asian names) */
        for (int end = 0; end < 2; end++) {
            uint32_t w = s->lx->wseq[p->words + (end ? p->nw - 1 : 0)];
            const char *key = vg_strset_get(s->lx->words, w);
            if (!key || strlen(key) < 3 || vg_lex_is(s->lx, w, VG_G_TITLE) || vg_lex_is(s->lx, w, VG_G_DET))
                continue;
            int at = -1;
            for (int q = 0; q < c->nseen && at < 0; q++)
                if (c->seen_last[q] == w)
                    at = q;
            if (at >= 0) { /* the same word: the same person, or two people and then no one */
                uint32_t prev = c->seen_ph[at];
                if (prev && prev - 1 != np->head_ph &&
                    strcmp(PH(s, prev - 1)->code, p->code))
                    c->seen_ph[at] = 0;
                continue;
            }
            if (c->nseen == (int)(sizeof c->seen_last / sizeof *c->seen_last))
                break;
            c->seen_last[c->nseen] = w;
            c->seen_ph[c->nseen++] = np->head_ph + 1;
        }
    }
}

vg_status vg_np_find(sent_t *s)
{
    vg_coder *c = s->c;
    vg_status rc;
    c->nnp = 0;
    /* dictionary phrases, longest match, left to right */
    mention prev = { 0, 0, 0 };
    int have_prev = 0;
    for (size_t i = 0; i < s->nt;) {
        uint32_t ph;
        int n = s->ct[i].w ? match_at(s, i, &ph) : 0;
        if (!n && s->ct[i].w && (s->t[i].flags & VG_TOKF_CAP) && (ph = surname(c, s->ct[i].w)) != UINT32_MAX)
            n = 1; /* « M. Iwaya », "Kim said": a person named in full earlier in the document */
        if (!n) {
            i++;
            continue;
        }
        if (PH(s, ph)->kind == VG_PH_DISCARD) { /* not an actor: the news the dictionary was not made for */
            uint8_t level = PH(s, ph)->code[0] == 'S' && PH(s, ph)->code[1] == 'T' ? 2 : 1;
            if (level > c->discard)
                c->discard = level;
            i += (size_t)n;
            have_prev = 0;
            continue;
        }
        mention m = { (uint32_t)i, (uint32_t)(i + (size_t)n), ph };
        if (have_prev && c->nnp && joins(s, &c->np[c->nnp - 1], &m, &prev)) {
            absorb(s, &c->np[c->nnp - 1], &m);
        } else if ((rc = push_np(s, &m)) != VG_OK) {
            return rc;
        }
        prev = m;
        have_prev = 1;
        i += (size_t)n;
    }
    for (size_t k = 0; k < c->nnp; k++) {
        np_t *np = &c->np[k];
        const vg_phrase *head = PH(s, np->head_ph);
        /* titles before a person or agent belong to it: M. Kerry, President Putin */
        while (np->a > 0 && (np->kind == NP_PERSON || np->kind == NP_AGENT) && tok_is(s, np->a - 1, VG_G_TITLE) &&
               s->ct[np->a - 1].np < 0)
            np->a--;
        /* an agent followed by a name the dictionaries do not know: « le ministre Ahmed Attaf »,
        ** "Defence Minister Lee Sang-min" — the name belongs to the actor */
        if (np->kind == NP_AGENT)
            while (np->b < s->nt && (s->t[np->b].flags & VG_TOKF_CAP) && s->t[np->b].kind == VG_TOK_WORD &&
                   !s->ct[np->b].w && s->ct[np->b].np < 0 && (k + 1 >= c->nnp || np->b < c->np[k + 1].a))
                np->b++;
        for (size_t i = np->a; i < np->b; i++)
            s->ct[i].np = (int16_t)k;
        /* places: cities always; a country or capital after à, en, in, near… */
        size_t a = np->a;
        while (a > 0 && tok_is(s, a - 1, VG_G_DET))
            a--;
        int placeable = head->kind == VG_PH_CITY || ((np->kind == NP_COUNTRY || np->kind == NP_CAPITAL) && !np->role[0]);
        /* an English adjective before a common noun names no place: "in a Russian air strike" (but
        ** "in the Indian Ocean" does) */
        if (!s->fr && head->kind == VG_PH_ADJ && np->b < s->nt && s->t[np->b].kind == VG_TOK_WORD &&
            !(s->t[np->b].flags & VG_TOKF_CAP) && !tok_is(s, np->b, VG_G_COORD))
            placeable = 0;
        /* the locative may stand a few words before: « dans le nord du Mali », "in eastern Chad" —
        ** over words of an area (nord, frontière, outskirts) and, in English, adjectives; not over
        ** any noun: « (son veto) au texte des États-Unis » names no place */
        size_t lb = a;
        while (lb > 0 && a - lb < 4 && s->ct[lb - 1].np < 0 && !tok_is(s, lb - 1, VG_G_LOC) &&
               (tok_is(s, lb - 1, VG_G_DET) || tok_is(s, lb - 1, VG_G_OF) || tok_is(s, lb - 1, VG_G_AREA) ||
                (!s->fr && s->t[lb - 1].kind == VG_TOK_WORD && !s->ct[lb - 1].nvf &&
                 !(s->t[lb - 1].flags & VG_TOKF_CAP))))
            lb--;
        int det_loc = 0; /* « au Maroc », « aux États-Unis »: au and aux are determiners and locatives */
        for (size_t i = a; i < np->a; i++)
            det_loc |= tok_is(s, i, VG_G_LOC);
        if (placeable && (det_loc || (lb > 0 && tok_is(s, lb - 1, VG_G_LOC)) || (a > 0 && tok_is(s, a - 1, VG_G_LOC)) ||
                          (a > 1 && vg_gram_at(s, a - 2, VG_G_LOC) == 2) ||
                          (np->a > 1 && vg_gram_at(s, np->a - 2, VG_G_LOC) == 2))) /* « près de » before
                                                                                   ** the « de » taken as
                                                                                   ** a determiner */
            np->place = np->loc = 1; /* à Moscou, près de Gao */
        else if (head->kind == VG_PH_CITY)
            np->place = 1;
        /* attribution: selon X, according to X */
        for (size_t back = 1; back <= 3 && a >= back; back++)
            if (vg_gram_at(s, a - back, VG_G_ATTRIB) == back)
                np->attrib = 1;
        if (np->kind == NP_AGENT && !np->country[0])
            np->needs_country = 1;
        /* a name inside a longer proper name the dictionaries do not know: "Asia Pacific Economic
        ** Cooperation", « le Washington Post » name neither Asia nor Washington */
        if ((head->kind == VG_PH_NAME || head->kind == VG_PH_CAPITAL || head->kind == VG_PH_CITY) &&
            np->b - np->a == head->nw && np->b < s->nt && (s->t[np->b].flags & VG_TOKF_CAP) &&
            s->t[np->b].kind == VG_TOK_WORD && !s->ct[np->b].w && (s->t[np->b].flags & VG_TOKF_SPACE))
            np->place = np->attrib = 1;
        /* a lone agent word used as an adjective is no actor: after its noun in French
        ** (« coopération militaire »), before it in English ("military aid"); only the words of the
        ** adj-agent class, since « positions rebelles », "rebel positions" do name the rebels */
        if (np->kind == NP_AGENT && !np->country[0] && np->b - np->a == 1 && !(s->t[np->a].flags & VG_TOKF_CAP) &&
            tok_is(s, np->a, VG_G_ADJAGENT)) {
            size_t p = s->fr ? np->a - 1 : np->b;
            if ((s->fr ? np->a > 0 : np->b < s->nt) && s->t[p].kind == VG_TOK_WORD && s->ct[p].np < 0 &&
                !tok_is(s, p, VG_G_DET) && !tok_is(s, p, VG_G_OF) && !tok_is(s, p, VG_G_LOC) &&
                !tok_is(s, p, VG_G_BY) && !(s->t[p].flags & (VG_TOKF_ELIDED | VG_TOKF_CAP)) && !s->ct[p].nvf)
                np->place = np->attrib = 1; /* neither actor nor place: dropped from every role */
        }
    }
    /* coordination: consecutive NPs linked by et/and/ni, or by commas in a list ending so */
    for (size_t k = 1; k < c->nnp; k++) {
        np_t *x = &c->np[k - 1], *y = &c->np[k];
        if (x->place != y->place)
            continue;
        int how = coordinated(s, x, y), list = 0;
        for (size_t j = k + 1; how == 2 && j < c->nnp && !list; j++) { /* A, B, C and D */
            int h = coordinated(s, &c->np[j - 1], &c->np[j]);
            if (h != 2)
                list = h == 1;
            if (!h)
                break;
        }
        if (how == 1 || list)
            y->group = x->group;
        /* "Hungarian and Romanian officials", « les armées française et malienne »: coordinated
        ** adjectives share the agent noun */
        if (how == 1 && !x->place) {
            /* "US and British forces": an English country acronym used as a modifier, right before
            ** "and" and an agent with its adjective, shares the agent too */
            int modifier = !s->fr && x->kind == NP_COUNTRY && !x->role[0] && x->b - x->a == 1 && y->a == x->b + 1 &&
                           y->kind == NP_AGENT && y->role[0] && y->country[0] && s->t[x->a].end - s->t[x->a].start <= 3 &&
                           vg_token_caps(s->text, &s->t[x->a]);
            np_t *adj = (bare_adjective(s, x) || modifier) && y->kind == NP_AGENT && y->role[0] && y->country[0] ? x
                      : bare_adjective(s, y) && x->kind == NP_AGENT && x->role[0] && x->country[0] ? y : NULL;
            if (adj) {
                adj->kind = NP_AGENT;
                vg_copy(adj->role, sizeof adj->role, (adj == x ? y : x)->role, SIZE_MAX);
            }
        }
        if (x->attrib)
            y->attrib = y->group == x->group ? 1 : y->attrib;
    }
    remember_names(s);
    return VG_OK;
}

void vg_np_resolve(const sent_t *s, np_t *np, int32_t day)
{
    const vg_phrase *p = PH(s, np->head_ph);
    np->code[0] = 0;
    switch (np->kind) {
    case NP_PERSON: {
        const vg_role *r = &s->lx->roles[p->roles], *best = r;
        if (day != VG_DAY_MIN) {
            const vg_role *ended = NULL;
            best = NULL;
            for (uint16_t i = 0; i < p->nroles; i++) {
                if (r[i].from <= day && day <= r[i].to) {
                    best = &r[i];
                    break;
                }
                if (r[i].to < day && (!ended || r[i].to > ended->to))
                    ended = &r[i];
            }
            if (!best) /* no role on that day: the last one that ended, else the first */
                best = ended ? ended : r;
        }
        vg_copy(np->code, sizeof np->code, best->code, SIZE_MAX);
        break;
    }
    case NP_SEAT:
        vg_copy(np->code, sizeof np->code, p->code, SIZE_MAX);
        break;
    case NP_AGENT:
        if (np->country[0]) {
            vg_copy(np->code, sizeof np->code, np->country, 3);
            vg_copy(np->code + strlen(np->code), 4, np->role, 3);
        }
        break;
    case NP_CAPITAL:
        vg_copy(np->code, sizeof np->code, np->country, 3);
        if (!np->place)
            vg_copy(np->code + strlen(np->code), 4, "GOV", 3);
        break;
    default:
        vg_copy(np->code, sizeof np->code, np->country, 3);
        break;
    }
}
