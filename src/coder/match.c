/* match.c — from triggers to events: match the dictionary's patterns at each verb form and trigger
** noun, read the verb group (voice, negation, mood, infinitive), find the source and the target, and
** write one event per (source, target) pair of the coordinated actors.
** Conventions (docs/coder.md): negated and hypothetical actions are not events (unless the pattern
** says neg=CODE); an infinitive or gerund governed by another verb is not an event of its own
** (« accuse Moscou de viser » codes the accusation only); attributions (selon X) name no actor;
** the passive voice swaps the roles. Not here: what counts as an actor (np.c), dates (when.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coder.h"

#define WINDOW 4      /* tokens allowed between two pattern elements */
#define GAP_WINDOW 10 /* after '*' */
#define SUBJ_REACH 30 /* how far left a subject is looked for */
#define OBJ_REACH 10  /* how far right an object is looked for */

typedef struct {
    int score;
    int recip;       /* a slot was filled by "each other" */
    int src, tgt;    /* NP indexes from the pattern's slots, -1 */
    size_t end;      /* token after the last matched element */
    size_t pre;      /* the first of the words the pattern writes before its verb, or SIZE_MAX */
} pmatch;

typedef struct {
    size_t start, end;  /* the verb group: auxiliaries, negation, reflexive … verb [clitic] */
    int passive, neg, hypo, governed, refl, clitic_subj;
    int intent; /* an announced intention: future, « va rencontrer », "agreed to meet" */
    int refused; /* « a refusé de négocier », "refused to meet": CAMEO's 12x */
    int threat;  /* « a menacé de rompre », "threatened to impose": CAMEO's 13x */
    int participial; /* « , accusant X de », ", accusing X of", « en accusant »: a clause whose
                     ** subject is the main clause's */
    size_t clitic_at; /* the subject clitic's token, when clitic_subj */
    size_t gov;       /* the verb of intention, decision or refusal that governs it, or SIZE_MAX */
} vgroup;

/* ---- small token predicates ---- */

size_t vg_gram_at(const sent_t *s, size_t i, vg_gclass c)
{
    const vg_lexicon *lx = s->lx;
    uint32_t w = i < s->nt ? s->ct[i].w : 0;
    if (!w || w >= lx->nword_base || !(lx->gfirst[w] >> c & 1))
        return 0; /* no phrase of the class starts with this word: the common case */
    for (uint32_t p = lx->gstart[c]; p < lx->gend[c];) {
        size_t k = 0;
        while (lx->gseq[p + k] && i + k < s->nt && s->ct[i + k].w == lx->gseq[p + k])
            k++;
        if (!lx->gseq[p + k])
            return k;
        while (lx->gseq[p])
            p++;
        p++;
    }
    return 0;
}

int vg_tok_lemma_in(const sent_t *s, size_t i, vg_gclass c)
{
    const ctok *t = &s->ct[i];
    for (uint16_t k = 0; k < t->nvf; k++)
        if (t->vf[k].lemma < s->lx->caplemcls && (s->lx->lemma_cls[t->vf[k].lemma] >> c & 1))
            return 1;
    return 0;
}

int vg_tok_aux(const sent_t *s, size_t i, int etre)
{
    return i < s->nt && vg_tok_lemma_in(s, i, etre ? VG_G_AUX_ETRE : VG_G_AUX_AVOIR);
}

static unsigned feats_of(const sent_t *s, size_t i, uint32_t lemma)
{
    const ctok *t = &s->ct[i];
    unsigned f = 0;
    for (uint16_t k = 0; k < t->nvf; k++)
        if (t->vf[k].lemma == lemma || lemma == UINT32_MAX)
            f |= t->vf[k].feats;
    return f & t->fmask;
}

/* Punctuation that ends a clause for role finding (commas do not: appositions, incises). */
static int hard_boundary(const sent_t *s, size_t i)
{
    const vg_token *t = &s->t[i];
    if (t->kind != VG_TOK_PUNCT)
        return 0;
    char c = s->text[t->start];
    return c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || c == '(' || c == ')' || t->key[0] == '"';
}

static int is_comma(const sent_t *s, size_t i) { return tok_c0(s, i) == ','; }

/* A word that opens another clause — except before an infinitive: « pour mettre fin », "to end"
** open no clause with a subject of its own. */
static int clause_word(const sent_t *s, size_t j)
{
    if (!tok_is(s, j, VG_G_BOUNDARY))
        return 0;
    if (!s->fr && !strcmp(s->t[j].key, "to") && j + 1 < s->nt && !s->ct[j + 1].nvf)
        return 0; /* "to" before a word that is no verb is a preposition: "shipped food to X" */
    size_t k = j + 1;
    if (k < s->nt && tok_is(s, k, VG_G_OF)) /* afin de, avant de */
        k++;
    return !(k < s->nt && (feats_of(s, k, UINT32_MAX) & VG_VF_INF) &&
             !(feats_of(s, k, UINT32_MAX) & (VG_VF_PRES | VG_VF_PAST)));
}

/* ---- the verb group ---- */

static void read_group(const sent_t *s, size_t v, uint32_t lemma, vgroup *g)
{
    const vg_lexicon *lx = s->lx;
    memset(g, 0, sizeof *g);
    g->gov = SIZE_MAX;
    g->start = v;
    g->end = v + 1;
    unsigned f = feats_of(s, v, lemma);
    int etre = 0, avoir = 0, ete = 0, modal = 0, to = 0;
    size_t anchor = v; /* where the walk left stands: the verb, or an auxiliary before an incise */
    for (size_t j = v; j > 0 && anchor - j < 6;) {
        j--;
        if (tok_c0(s, j) == ',' && j == anchor - 1) {
            /* « Le Maroc a, dans un communiqué, exprimé … »: an incise between the
            ** auxiliary and its participle */
            size_t k = j;
            while (k > 0 && j - k < 14 && tok_c0(s, k - 1) != ',' && !hard_boundary(s, k - 1))
                k--;
            if (k > 1 && tok_c0(s, k - 1) == ',' && (vg_tok_aux(s, k - 2, 0) || vg_tok_aux(s, k - 2, 1))) {
                j = anchor = k - 1; /* the walk goes on from the auxiliary, before the incise */
                continue;
            }
        }
        if (s->ct[j].np >= 0) { /* an actor ends the group: « IS accused », not "is accused" */
            j++;
            g->start = j;
            break;
        }
        if (vg_tok_aux(s, j, 1)) {
            etre = 1;
            ete |= (feats_of(s, j, lx->lemma_etre - 1) & VG_VF_PPART) != 0;
            if (feats_of(s, j, lx->lemma_etre - 1) & VG_VF_COND)
                g->hypo = 1;
        } else if (vg_tok_aux(s, j, 0)) {
            avoir = 1;
            if (feats_of(s, j, lx->lemma_avoir - 1) & VG_VF_COND)
                g->hypo = 1;
        } else if ((s->t[j].flags & VG_TOKF_CLITIC) && tok_is(s, j, VG_G_SUBJ)) {
            g->clitic_subj = 1; /* « a-t-il déclaré »: the pronoun sits inside the group */
            g->clitic_at = j;
        } else if (tok_is(s, j, VG_G_NEG_PRE) || tok_is(s, j, VG_G_NEG_POST)) {
            g->neg = 1;
        } else if (tok_is(s, j, VG_G_REFL)) {
            g->refl = 1;
        } else if (tok_is(s, j, VG_G_FUTURE) || vg_tok_lemma_in(s, j, VG_G_FUTURE)) {
            g->intent = 1; /* will meet, va rencontrer */
        } else if (tok_is(s, j, VG_G_COND) && !s->fr) {
            g->hypo = 1; /* would, could, might */
        } else if (tok_is(s, j, VG_G_MODAL) || vg_tok_lemma_in(s, j, VG_G_MODAL)) {
            modal = 1;
        } else if (!s->fr && !strcmp(s->t[j].key, "to") && j + 1 == v) {
            to = 1;
        } else if (tok_is(s, j, VG_G_ADVERB) ||
                   (s->t[j].kind == VG_TOK_WORD && !s->ct[j].w && !s->ct[j].vf && s->ct[j].np < 0 &&
                    j + 1 < v + 1 && (strstr(s->t[j].key, "ment") || strstr(s->t[j].key, "ly")))) {
            /* an adverb inside the group: a souvent critiqué, a encore opposé, has repeatedly accused */
        } else {
            j++;
            g->start = j;
            break;
        }
        g->start = j;
    }
    /* after the verb: pas, jamais (simple tenses), and an inverted subject clitic (a-t-il) */
    size_t k = v + 1;
    if (k < s->nt && (s->t[k].flags & VG_TOKF_CLITIC) && tok_is(s, k, VG_G_SUBJ)) {
        g->clitic_subj = 1;
        g->clitic_at = k;
        g->end = ++k;
    }
    if (k < s->nt && (tok_is(s, k, VG_G_NEG_POST) || (!s->fr && tok_is(s, k, VG_G_NEG_PRE))))
        g->neg = 1; /* « ne respecte pas », "respected not" */
    if (f & VG_VF_COND)
        g->hypo = 1;
    /* « a fait savoir qu'il déploierait »: a conditional after « que » is the future of reported
    ** speech, an announced intention, unless a « si » makes it a hypothesis */
    if (s->fr && g->hypo) {
        int si = 0;
        for (size_t j = g->start; j > 0 && g->start - j < 12;) {
            j--;
            if (hard_boundary(s, j))
                break;
            if (!strcmp(s->t[j].key, "si") || vg_gram_at(s, j, VG_G_COND) > 1)
                si = 1;
            if ((!strcmp(s->t[j].key, "que") || !strcmp(s->t[j].key, "qu'")) && !si && j > 0 &&
                s->t[j - 1].kind == VG_TOK_WORD && s->ct[j - 1].np < 0) { /* « a fait savoir qu' » */
                g->hypo = 0;
                g->intent = 1;
                break;
            }
        }
    }
    /* a clause opened by si / if is hypothetical */
    for (size_t j = g->start; j > 0 && g->start - j < 12;) {
        j--;
        if (hard_boundary(s, j))
            break;
        if (vg_gram_at(s, j, VG_G_COND) && (s->fr || j + 1 >= s->nt || !vg_tok_lemma_in(s, j + 1, VG_G_AUX_ETRE))) {
            size_t n = vg_gram_at(s, j, VG_G_COND);
            if (n > 1 || !s->fr || !strcmp(s->t[j].key, "si")) {
                g->hypo = 1;
                break;
            }
        }
    }
    int finite = f & (VG_VF_PRES | VG_VF_PAST | VG_VF_FUT | VG_VF_COND | VG_VF_SUBJ | VG_VF_IMPER);
    int ppart = (f & VG_VF_PPART) != 0;
    /* passive: être/be + participle (not « s'est entretenu », not « est arrivé »), or « a été » */
    if (ppart && (ete || (etre && !g->refl && !vg_tok_lemma_in(s, v, VG_G_MOTION))))
        g->passive = 1;
    if (ppart && !etre && !avoir && !finite) { /* a bare participle: « Moscou, accusé par … » */
        for (size_t j = v + 1; j < s->nt && j < v + 4; j++)
            if (tok_is(s, j, VG_G_BY))
                g->passive = 1;
        if (!g->passive) /* else an adjective: « la région contestée », « arrivé à Moscou, il … » */
            g->governed = 1;
    }
    /* governed: an infinitive or a gerund that is not the main verb of its clause */
    if (!etre && !avoir && !finite && !ppart) {
        if (s->fr)
            g->governed = (f & VG_VF_INF) != 0 || (f & VG_VF_PPRES) != 0;
        else
            g->governed = to || (f & VG_VF_PPRES) != 0 || modal;
    }
    if (s->fr && (f & VG_VF_INF) && !finite)
        g->governed = 1;
    /* a participial or gerund clause after a comma (« , accusant X de », ", accusing X of") or a
    ** French gerund (« en accusant ») is an act of the main clause's subject, not a governed verb */
    if (g->governed && (f & VG_VF_PPRES) && !etre && !avoir && !modal && !to && g->start == v && v > 0 &&
        (is_comma(s, v - 1) || (s->fr && !strcmp(s->t[v - 1].key, "en")))) {
        g->governed = 0;
        g->participial = 1;
    }
    if (!s->fr && to)
        g->governed = 1;
    if (modal && (f & VG_VF_INF)) /* « doit coopérer », "must cooperate": the English base form is
                                   ** also the present, and no fact after a modal */
        g->governed = 1;
    if (s->fr && (f & VG_VF_FUT) && !(f & (VG_VF_PRES | VG_VF_PAST)))
        g->intent = 1; /* rencontrera */
    if (g->intent && g->governed && !(f & VG_VF_PPRES))
        g->governed = 0; /* va rencontrer */
    /* an infinitive governed by a verb of intention is that intention: « a accepté de négocier »,
    ** "agreed to meet" — the subject, negation and mood are the governing verb's */
    if (g->governed && g->start > 0 && !(f & VG_VF_PPRES)) {
        size_t gv = g->start - 1;
        if (gv > 0 && (tok_is(s, gv, VG_G_OF) || !strcmp(s->t[gv].key, "a") || !strcmp(s->t[gv].key, "to")))
            gv--;
        while (gv > 0 && s->ct[gv].skip) /* "vowed on Friday to boycott": over the time expression */
            gv--;
        g->gov = gv;
        if (vg_tok_lemma_in(s, gv, VG_G_DECIDE) || tok_is(s, gv, VG_G_DECIDE)) {
            /* « a décidé de rompre », "announced its decision to sanction": a decision is the act */
            vgroup h;
            if (s->ct[gv].nvf) {
                read_group(s, gv, UINT32_MAX, &h);
                g->start = h.start;
                g->neg |= h.neg;
                g->hypo |= h.hypo;
                g->intent |= h.intent;
                g->governed = h.governed;
            } else {
                g->governed = 0;
                g->start = gv;
            }
        } else if (vg_tok_lemma_in(s, gv, VG_G_THREAT)) {
            vgroup h;
            read_group(s, gv, UINT32_MAX, &h);
            g->governed = h.governed;
            g->threat = !h.neg; /* « n'a pas menacé de » threatens nothing */
            g->neg |= h.neg;
            g->start = h.start;
            g->hypo |= h.hypo;
        } else if (vg_tok_lemma_in(s, gv, VG_G_REFUSE)) {
            vgroup h;
            read_group(s, gv, UINT32_MAX, &h);
            g->governed = h.governed;
            g->refused = !h.neg; /* « n'a pas refusé de » is no refusal */
            g->start = h.start;
            g->hypo |= h.hypo;
        } else if (vg_tok_lemma_in(s, gv, VG_G_INTENT)) {
            vgroup h;
            read_group(s, gv, UINT32_MAX, &h);
            g->governed = h.governed;
            g->intent = 1;
            g->start = h.start;
            g->neg |= h.neg;
            g->hypo |= h.hypo;
        }
    }
}

/* Is the form at v, read with group g, plainly a verb? For patterns marked `verbal`, whose verb
** shares its forms with a frequent noun (attaquer / l'attaque, aider / l'aide, visit / a visit):
** an auxiliary, a clitic, a negation or a reflexive inside its group, a subject right before it
** (an actor or a subject pronoun), or a French tense no noun has (future, past, conditional,
** subjunctive). A bare participle, an infinitive and a present-tense form after anything else
** stay nouns or adjectives. */
static int plainly_verb(const sent_t *s, size_t v, uint32_t lemma, const vgroup *g)
{
    if (g->start < v || g->clitic_subj || g->neg || g->refl)
        return 1;
    if (!s->fr && vg_sent_syn(s)) { /* "U.S. aid to Bosnia": the clause layer reads a noun */
        int tag = vg_syn_tag(s->syn, (uint32_t)v);
        if (tag == VG_ST_NOUN || tag == VG_ST_PROPN)
            return 0;
    }
    if (v == 0)
        return 0;
    unsigned f = feats_of(s, v, lemma);
    if (s->fr && (f & (VG_VF_FUT | VG_VF_PAST | VG_VF_COND | VG_VF_SUBJ)) && !(f & (VG_VF_PRES | VG_VF_PPART | VG_VF_INF)))
        return 1;
    if (!s->fr && (f & VG_VF_PAST) && !(f & VG_VF_PPART))
        return 1; /* "attacked" after its subject; the participle may be an adjective */
    if (f & (VG_VF_INF | VG_VF_PPRES) && !(f & VG_VF_PRES))
        return 0;
    if (s->ct[v - 1].np >= 0) {
        const np_t *np = &s->c->np[s->ct[v - 1].np];
        return !np->place && !np->attrib;
    }
    return tok_is(s, v - 1, VG_G_SUBJ);
}

/* An actor of two words or more, or a name, right before v: its subject, whatever the clause layer
** read ("Iranian police beat protesters", "Nigeria set up a commission"). A one-word agent noun
** may be a noun's modifier ("military aid", "general strike"). */
static int subject_np_before(const sent_t *s, size_t v)
{
    int n = v > 0 ? s->ct[v - 1].np : -1;
    if (n < 0)
        return 0;
    const np_t *np = &s->c->np[n];
    return np->b - np->a >= 2 || np->kind != NP_AGENT;
}

/* Codes an act takes under a governing verb: the first entry whose from is a prefix of the act's
** code gives its to; "=" keeps the act's own code; no entry: NULL. */
typedef struct {
    const char *from, *to;
} code_map;

static const char *map_code(const code_map *map, size_t n, const char *code)
{
    for (size_t i = 0; i < n; i++)
        if (!strncmp(code, map[i].from, strlen(map[i].from)))
            return strcmp(map[i].to, "=") ? map[i].to : code;
    return NULL;
}

/* The threat of an act (CAMEO 13x): "threatened to impose sanctions" → 1312, « a menacé de rompre
** les relations » → 1313; a threat pattern of its own (« menacer de frapper ») stays; NULL when the
** act is no harm to threaten with. */
static const char *threat_code(const char *code)
{
    static const code_map map[] = {
        { "161", "1313" }, { "162", "1311" }, { "163", "1312" }, { "164", "134" }, { "165", "135" },
        { "166", "136" }, { "16", "131" }, { "1721", "1323" }, { "1722", "1322" }, { "1723", "1324" },
        { "1724", "1321" }, { "172", "132" }, { "175", "137" }, { "17", "130" }, { "14", "133" },
        { "191", "1381" }, { "192", "1382" }, { "19", "1384" }, { "18", "1383" }, { "204", "1385" },
        { "20", "1383" }, { "13", "=" },
    };
    return map_code(map, sizeof map / sizeof map[0], code);
}

/* The refusal of an act (CAMEO 12x): "refused to meet" → 125, « a refusé de libérer » → 1243;
** NULL when CAMEO has no rejection for it. */
static const char *refusal_code(const char *code)
{
    static const code_map map[] = {
        { "061", "1211" }, { "062", "1212" }, { "063", "1213" }, { "064", "1214" }, { "06", "121" },
        { "071", "1221" }, { "072", "1222" }, { "073", "1223" }, { "074", "1224" }, { "07", "122" },
        { "081", "1241" }, { "082", "1242" }, { "084", "1243" }, { "085", "1244" }, { "086", "1245" },
        { "087", "1246" }, { "08", "124" }, { "04", "125" }, { "057", "127" }, { "05", "120" }, { "03", "120" },
    };
    return map_code(map, sizeof map / sizeof map[0], code);
}

/* The intention of an act (CAMEO 03x): « va rencontrer » → 036, "pledged to send aid" → 033. An
** announced rejection, threat, protest, show of force or cut in relations (12x-16x: "vowed to
** boycott", « déploiera des soldats », "will impose sanctions") is coded as the act, as news codes
** it; announced violence (17x-20x) is not coded here (threats are patterns of their own): NULL. */
static const char *intent_code(const char *code)
{
    static const code_map map[] = {
        { "061", "0311" }, { "062", "0312" }, { "063", "0313" }, { "064", "0314" }, { "06", "031" },
        { "071", "0331" }, { "072", "0332" }, { "073", "0333" }, { "074", "0334" }, { "07", "033" },
        { "0831", "0341" }, { "0832", "0342" }, { "0833", "0343" }, { "0834", "0344" }, { "083", "034" },
        { "081", "0351" }, { "082", "0352" }, { "084", "0353" }, { "085", "0354" }, { "086", "0355" },
        { "087", "0356" }, { "08", "035" }, { "057", "030" }, { "05", "032" }, { "04", "036" },
        { "03", "=" }, { "12", "=" }, { "13", "=" }, { "14", "=" }, { "15", "=" }, { "16", "=" },
    };
    return map_code(map, sizeof map / sizeof map[0], code);
}

/* ---- finding actors ---- */

/* Can an NP be a source or target? Places and attributions cannot. */
static int usable(const np_t *np) { return !np->place && !np->attrib; }

/* « des frappes d'artillerie », « des milliers de soldats »: an agent after a bare « de » names a
** kind of thing, not an actor that acts. */
/* Is the « de » / "of" at j that of a count (« des milliers de », "thousands of", "a group of")? */
static int kind_of_thing_word(const sent_t *s, size_t j)
{
    static const char *const many[] = { "milliers", "centaines", "dizaines", "millions", "foule", "groupe", "groupes",
                                        "thousands", "hundreds", "dozens", "millions", "scores", "group", "groups",
                                        "crowd", "crowds", "number", "members", "membres", NULL };
    return j > 0 && vg_str_in(s->t[j - 1].key, many);
}

static int kind_of_thing(const sent_t *s, const np_t *np)
{
    if (!s->fr || !np->needs_country || np->a == 0)
        return 0;
    const char *k = s->t[np->a - 1].key;
    if (strcmp(k, "de") && strcmp(k, "d'"))
        return 0;
    /* a crowd counted (« des milliers d'étudiants ont manifesté ») is the people themselves */
    return !(np->a >= 2 && kind_of_thing_word(s, np->a - 1));
}

/* « des tirs syriens »: a nationality adjective after another noun, in lower case, is that
** noun's, and no actor of its own. */
static int adjective_of_thing(const sent_t *s, const np_t *np)
{
    if (np->kind != NP_COUNTRY || np->b - np->a != 1 || (s->t[np->a].flags & VG_TOKF_CAP) || np->a == 0)
        return 0;
    size_t p = np->a - 1;
    return s->fr && s->t[p].kind == VG_TOK_WORD && s->ct[p].np < 0 && !tok_is(s, p, VG_G_DET) &&
           !tok_is(s, p, VG_G_OF) && !(s->t[p].flags & VG_TOKF_CAP);
}

/* An object may be a place named without a locative preposition: « a bombardé Alep », "shelled
** Donetsk" act on the place's country. */
static int usable_object(const np_t *np) { return !np->attrib && (!np->place || !np->loc); }

/* A pronoun's actor: il/she → the last person (else the last subject); ils/they → the last
** subject. Pushed as an NP of kind NP_PRONOUN. */
static int pronoun_np(sent_t *s, size_t i)
{
    vg_coder *c = s->c;
    const char *key = s->t[i].key;
    int plural = strchr(key, 's') && (strstr(key, "ils") || strstr(key, "elles") || !strcmp(key, "they"));
    const char *code = !plural && c->last_person[0] ? c->last_person : c->last_subject;
    char here[16] = "";
    /* « celle-ci », "the latter": the actor named last, whatever its role there */
    int demonstrative = strstr(key, "-ci") != NULL;
    if (demonstrative) {
        for (size_t k = 0; k < c->nnp; k++)
            if (c->np[k].b <= i && !c->np[k].place && c->np[k].code[0] && c->np[k].kind != NP_PRONOUN)
                vg_copy(here, sizeof here, c->np[k].code, SIZE_MAX);
        if (!here[0] && c->last_mention[0])
            code = c->last_mention;
    } else if (!plural) { /* an actor named earlier in the same sentence comes first: « M. Le Drian …, où il »,
                    ** « Le Pentagone a fait savoir qu'il … »; a person before any other */
        for (int pass = 0; pass < 2 && !here[0]; pass++)
            for (size_t k = 0; k < c->nnp; k++)
                if (c->np[k].b <= i && (pass || c->np[k].kind == NP_PERSON) && c->np[k].code[0] &&
                    usable(&c->np[k]) && c->np[k].kind != NP_PRONOUN)
                    vg_copy(here, sizeof here, c->np[k].code, SIZE_MAX);
    }
    if (here[0])
        code = here;
    if (!code[0])
        return -1;
    if (vg_grow(s->lx->mem, (void **)&c->np, &c->capnp, c->nnp + 1, sizeof(np_t)) != VG_OK)
        return -1;
    np_t *np = &c->np[c->nnp];
    memset(np, 0, sizeof *np);
    np->a = (uint32_t)i;
    np->b = (uint32_t)i + 1;
    np->kind = NP_PRONOUN;
    np->group = (int16_t)c->nnp;
    np->head_ph = UINT32_MAX;
    vg_copy(np->code, sizeof np->code, code, SIZE_MAX);
    return (int)c->nnp++;
}


static int is_quote(const sent_t *s, size_t i) { return s->t[i].kind == VG_TOK_PUNCT && s->t[i].key[0] == '"'; }

/* The opening quote of the quotation closed at token j, or j if none within reach. */
static size_t quote_open(const sent_t *s, size_t j)
{
    for (size_t k = j; k > 0 && j - k < 80;) {
        k--;
        if (is_quote(s, k))
            return k;
    }
    return j;
}

/* A first-person subject inside a quotation (« Nous condamnons … », a déclaré le président; "We
** condemn …", the minister said; X a déclaré : « Nous … ») is the quotation's speaker, named in the
** same sentence by the speech verb after or before it; elsewhere, nobody. */
static int find_object(sent_t *s, size_t from, int skip_by, int loc_ok);
static int find_subject(sent_t *s, size_t start);

static int quote_speaker(sent_t *s, size_t j)
{
    size_t o = SIZE_MAX, c = SIZE_MAX;
    for (size_t k = j; k > 0;) {
        k--;
        if (is_quote(s, k)) {
            o = k;
            break;
        }
    }
    for (size_t k = j + 1; k < s->nt; k++)
        if (is_quote(s, k)) {
            c = k;
            break;
        }
    if (o == SIZE_MAX || c == SIZE_MAX)
        return -1;
    size_t k = c + 1;
    while (k < s->nt && is_comma(s, k))
        k++;
    size_t v = k;
    while (v < s->nt && (vg_tok_aux(s, v, 0) || vg_tok_aux(s, v, 1)))
        v++;
    if (v < s->nt && vg_tok_lemma_in(s, v, VG_G_SPEECH) && s->ct[v].np < 0) /* », a déclaré X */
        return find_object(s, v + 1, 0, 0);
    while (k < s->nt && s->ct[k].np < 0 && (tok_is(s, k, VG_G_ARTICLE) || tok_is(s, k, VG_G_DET)))
        k++;
    if (k < s->nt && s->ct[k].np >= 0) { /* ", the minister said" */
        const np_t *np = &s->c->np[s->ct[k].np];
        size_t w = np->b;
        while (w < s->nt && (vg_tok_aux(s, w, 0) || vg_tok_aux(s, w, 1)))
            w++;
        if (w < s->nt && vg_tok_lemma_in(s, w, VG_G_SPEECH) && usable(np))
            return s->ct[k].np;
    }
    for (size_t q = o; q > 0 && o - q < 4;) { /* X a déclaré : « … » */
        q--;
        if (vg_tok_lemma_in(s, q, VG_G_SPEECH) && s->ct[q].np < 0) {
            vgroup g;
            read_group(s, q, UINT32_MAX, &g);
            return find_subject(s, g.start);
        }
    }
    return -1;
}

/* « Le président ghanéen, qui préside aussi l'Union africaine, a condamné … »: when the
** subject found sits in an incise closed by a comma just before the verb, the actor before the
** incise is the subject, and the incise only describes it. */
static int incise_head(const sent_t *s, size_t start, int n)
{
    const vg_coder *c = s->c;
    if (start == 0 || !is_comma(s, start - 1))
        return n;
    for (size_t j = c->np[n].a; j > 0 && c->np[n].a - j < 25;) {
        j--;
        if (hard_boundary(s, j) || is_quote(s, j))
            return n;
        if (is_comma(s, j)) {
            if (j > 0 && s->ct[j - 1].np >= 0 && usable(&c->np[s->ct[j - 1].np]))
                return s->ct[j - 1].np;
            return n;
        }
    }
    return n;
}

/* Prepositions that put an actor inside a phrase of another noun (keys: French accents dropped). */
static const char *const pp_preps[] = { "between", "with", "from", "against", "for", "among", "including", "over",
                                        "of", "entre", "avec", "contre", "pour", "parmi", "envers", "sur", "au", "aux",
                                        "de", "d'", NULL };

/* Does the actor n (with the actors coordinated before it) stand after a preposition that makes it
** the complement of another noun (« le conflit entre les rebelles et l'armée », "talks with the
** rebels")? Returns the preposition's token, SIZE_MAX when it does not. A crowd counted (« des
** milliers de soldats ») is the actor itself. */
static size_t pp_start(const sent_t *s, int n)
{
    const vg_coder *c = s->c;
    size_t j = c->np[n].a;
    while (j > 0) { /* over the coordination: « entre X, Y et Z » */
        size_t k = j - 1;
        if (is_comma(s, k) || tok_is(s, k, VG_G_COORD) || tok_is(s, k, VG_G_DET) || tok_is(s, k, VG_G_ARTICLE)) {
            j = k;
            continue;
        }
        if (s->ct[k].np >= 0 && c->np[s->ct[k].np].group == c->np[n].group) {
            j = c->np[s->ct[k].np].a;
            continue;
        }
        break;
    }
    if (j == 0)
        return SIZE_MAX;
    const char *k = s->t[j - 1].key;
    if (!vg_str_in(k, pp_preps) ||
        ((!strcmp(k, "de") || !strcmp(k, "d'") || !strcmp(k, "of")) && kind_of_thing_word(s, j - 1)))
        return SIZE_MAX;
    /* the preposition must follow a noun that is no actor: « avec X » after a verb is its
    ** complement, and then the actor before is the subject anyway */
    if (j - 1 == 0 || s->ct[j - 2].np >= 0 || is_comma(s, j - 2) ||
        (s->ct[j - 2].nvf && !s->ct[j - 2].w && !(j >= 3 && (tok_is(s, j - 3, VG_G_ARTICLE) || tok_is(s, j - 3, VG_G_DET)))))
        return SIZE_MAX; /* after a verb (not a noun after its article: "the conflict") */
    return j - 1;
}

/* The subject: walking left from the verb group over its clause. A quotation just before the verb
** is its object (« … », a déclaré X: the subject comes after); one further left is skipped whole. */
static int main_subject(sent_t *s, size_t start);

static int find_subject(sent_t *s, size_t start)
{
    vg_coder *c = s->c;
    /* « Nous condamnons … »: a « nous » read as the verb's reflexive that opens the clause is its
    ** subject */
    if (start < s->nt && tok_is(s, start, VG_G_FIRST) &&
        (start == 0 || is_quote(s, start - 1) || is_comma(s, start - 1) || hard_boundary(s, start - 1)))
        return quote_speaker(s, start);
    /* « X a condamné Y et a appelé Z », "X condemned Y and urged Z": a verb coordinated with an
    ** earlier one shares its subject */
    if (start > 1 && tok_is(s, start - 1, VG_G_COORD)) {
        size_t b = start - 1;
        if (b > 0 && is_comma(s, b - 1))
            b--;
        for (size_t j = b; j > 0 && b - j < 20;) {
            j--;
            if (hard_boundary(s, j) || clause_word(s, j) || is_quote(s, j))
                break;
            if (s->ct[j].np >= 0) {
                j = s->c->np[s->ct[j].np].a;
                continue;
            }
            if (s->ct[j].nvf && !s->ct[j].w && (feats_of(s, j, UINT32_MAX) & (VG_VF_PRES | VG_VF_PAST | VG_VF_PPART)) &&
                !(j > 0 && tok_is(s, j - 1, VG_G_ARTICLE)))
                return main_subject(s, b);
        }
    }
    int passed = 0; /* words crossed since the verb group */
    int commas = 0;
    for (size_t j = start, steps = 0; j > 0 && steps < SUBJ_REACH; steps++) {
        j--;
        if (is_quote(s, j)) {
            /* a quotation opened just before the verb belongs to its clause: `it "strongly
            ** denounces" …`; one closed just before is its object: « … », a déclaré X */
            int opens = (s->t[j].flags & VG_TOKF_SPACE) && j + 1 < s->nt && !(s->t[j + 1].flags & VG_TOKF_SPACE);
            if (!passed && opens)
                continue;
            if (!passed)
                return -1;
            j = quote_open(s, j);
            continue;
        }
        if (tok_c0(s, j) == ')') { /* a parenthesis is crossed whole: « la CEDEAO (…), a … » */
            size_t k = j;
            while (k > 0 && j - k < 12 && tok_c0(s, k) != '(')
                k--;
            if (tok_c0(s, k) == '(') {
                if (k > 0 && s->ct[k - 1].np >= 0 && usable(&c->np[s->ct[k - 1].np]) && !passed)
                    return s->ct[k - 1].np;
                j = k;
                passed = 1;
                continue;
            }
        }
        if (hard_boundary(s, j))
            return -1;
        if (!is_comma(s, j))
            passed = 1;
        else
            commas++;
        int n = s->ct[j].np;
        if (n >= 0) {
            /* « En représailles aux tirs syriens, un groupe armé a bombardé … »: an
            ** adjective of a fronted complement is not the subject */
            if (usable(&c->np[n]) && !kind_of_thing(s, &c->np[n]) && !(commas && adjective_of_thing(s, &c->np[n]))) {
                /* "The conflict between the rebels and the army has killed …": an actor inside a
                ** prepositional phrase is no subject; the phrase's head is, and it is no actor */
                size_t pa = pp_start(s, n);
                if (pa == SIZE_MAX)
                    return incise_head(s, start, n);
                j = pa;
                passed = 1;
                continue;
            }
            j = c->np[n].a;
            continue;
        }
        if (tok_is(s, j, VG_G_FIRST))
            return quote_speaker(s, j);
        if (tok_is(s, j, VG_G_SUBJ))
            return pronoun_np(s, j);
        if (clause_word(s, j)) {
            /* a subject relative: « X, qui a condamné … » → X */
            const char *k = s->t[j].key;
            if (!strcmp(k, "qui") || !strcmp(k, "who") || !strcmp(k, "which") || !strcmp(k, "that")) {
                size_t a = j; /* the antecedent: the nearest actor before, « le ministre iranien des
                               ** Affaires étrangères, qui » */
                if (a > 0 && is_comma(s, a - 1))
                    a--;
                for (size_t b = a; b > 0 && a - b < 6; b--) {
                    if (hard_boundary(s, b - 1) || is_comma(s, b - 1))
                        break;
                    if (s->ct[b - 1].np >= 0 && usable(&c->np[s->ct[b - 1].np]))
                        return s->ct[b - 1].np;
                }
            }
            return -1;
        }
    }
    return -1;
}

/* The subject of the clause a participial clause hangs on: that of the nearest finite verb to the
** left of start (« L'Algérie a fermé son espace aérien, accusant Rabat … » → l'Algérie). */
static int main_subject(sent_t *s, size_t start)
{
    for (size_t j = start; j > 0 && start - j < SUBJ_REACH;) {
        j--;
        if (hard_boundary(s, j))
            break;
        if (!s->ct[j].nvf || s->ct[j].np >= 0)
            continue;
        unsigned f = feats_of(s, j, UINT32_MAX);
        if (!(f & (VG_VF_PRES | VG_VF_PAST | VG_VF_FUT | VG_VF_PPART)))
            continue;
        vgroup h;
        read_group(s, j, UINT32_MAX, &h);
        if (h.governed || h.participial)
            continue;
        return find_subject(s, h.start);
    }
    return -1;
}

/* The subject the clause layer gives the verb at v: the actor whose noun phrase holds its head, -2
** when the head is a noun that names no actor ("The conflict … has killed"), -1 when the layer has
** none or it is a pronoun (resolved by the rules). */
static int syn_subject(const sent_t *s, size_t v)
{
    if (!vg_sent_syn(s))
        return -1;
    int32_t h = vg_syn_subject(s->syn, (uint32_t)v);
    if (h < 0 || (size_t)h >= s->nt)
        return -1;
    int n = s->ct[h].np;
    if (n >= 0) {
        const np_t *np = &s->c->np[n];
        if (np->kind == NP_PRONOUN || np->attrib)
            return -1;
        return np->place && np->loc ? -2 : n;
    }
    int tag = vg_syn_tag(s->syn, (uint32_t)h);
    return tag == VG_ST_NOUN || tag == VG_ST_PROPN || tag == VG_ST_NUM ? -2 : -1;
}

/* The source of a trigger noun without {S} (« des entretiens avec Poutine »): the subject of the
** verb that governs it, the nearest finite verb (or auxiliary) to its left; with none, the nearest
** actor on its left ("Kerry's talks with Lavrov"). */
static int noun_source(sent_t *s, size_t i, size_t *gov, vgroup *gg)
{
    *gov = SIZE_MAX;
    memset(gg, 0, sizeof *gg);
    for (size_t j = i; j > 0 && i - j < SUBJ_REACH;) {
        j--;
        if (is_quote(s, j)) {
            j = quote_open(s, j);
            continue;
        }
        if (hard_boundary(s, j) || clause_word(s, j))
            break;
        if (s->ct[j].np >= 0 || !s->ct[j].nvf || (j > 0 && tok_is(s, j - 1, VG_G_ARTICLE)))
            continue;
        unsigned f = feats_of(s, j, UINT32_MAX);
        int aux = vg_tok_aux(s, j, 0) || vg_tok_aux(s, j, 1);
        if (!(f & (VG_VF_PRES | VG_VF_PAST | VG_VF_FUT | VG_VF_COND | VG_VF_SUBJ)) && !aux &&
            !((f & VG_VF_PPART) && j > 0 && (vg_tok_aux(s, j - 1, 0) || vg_tok_aux(s, j - 1, 1))))
            continue;
        read_group(s, j, UINT32_MAX, gg);
        *gov = j;
        return gg->participial ? main_subject(s, gg->start) : find_subject(s, gg->start);
    }
    return find_subject(s, i);
}

/* A year before the publication's right before the noun ("the 2003 accord") or after it with « de »
** / "of" (« l'accord de 2015 »). */
static int past_year_near(const sent_t *s, size_t i)
{
    int py = 0, pm, pd;
    if (s->c->doc_day == VG_DAY_MIN)
        return 0;
    vg_civil_from_days(s->c->doc_day, &py, &pm, &pd);
    size_t cand[8] = { i > 0 ? i - 1 : SIZE_MAX, i > 1 && s->t[i - 1].kind == VG_TOK_WORD ? i - 2 : SIZE_MAX };
    int nc = 2;
    for (size_t j = i + 1; j + 1 < s->nt && j < i + 5 && nc < 8; j++) { /* « le traité de paix de 1994 » */
        if (s->ct[j].np >= 0 || hard_boundary(s, j) || is_comma(s, j))
            break;
        if (tok_is(s, j, VG_G_OF) || !strcmp(s->t[j].key, "en") || !strcmp(s->t[j].key, "in"))
            cand[nc++] = j + 1;
    }
    for (int k = 0; k < nc; k++) {
        size_t j = cand[k];
        if (j == SIZE_MAX || s->t[j].kind != VG_TOK_NUM || s->t[j].keylen != 4)
            continue;
        int y = atoi(s->t[j].key);
        if (y >= 1900 && y < py)
            return 1;
    }
    return 0;
}

/* Is the trigger noun at i inside an adjunct of time, place or circumstance (« tué dans la frappe
** turque », "killed in a Turkish strike", « lors de l'attaque »), not the object of the verb
** before it? Then it is an act of its own, stated as fact. */
static const char *const adjunct_preps[] = { "dans", "lors", "pendant", "durant", "apres", "avant", "sous", "in",
                                             "during", "after", "amid", "before", "since", "depuis", NULL };
/* ... and what may also open a phrase after a comma that ends a verb's object (« , à l'occasion de »,
** ", at the request of") without making a trigger noun an adjunct */
static const char *const comma_openers[] = { "a", "at", "on", NULL };

static int adjunct_prep(const sent_t *s, size_t j)
{
    return j < s->nt && (vg_str_in(s->t[j].key, adjunct_preps) || vg_str_in(s->t[j].key, comma_openers));
}

static int in_adjunct(const sent_t *s, size_t i)
{
    for (size_t j = i, n = 0; j > 0 && n < 4; n++) {
        j--;
        if (tok_is(s, j, VG_G_DET) || tok_is(s, j, VG_G_ARTICLE) || tok_is(s, j, VG_G_OF) ||
            (s->ct[j].np >= 0 && s->c->np[s->ct[j].np].kind == NP_COUNTRY))
            continue; /* « de la », "a Turkish" */
        /* after a verb, a comma or at the start: the clause's adjunct ("involvement in attacks" is a
        ** noun's complement) */
        return vg_str_in(s->t[j].key, adjunct_preps) &&
               (j == 0 || is_comma(s, j - 1) || s->ct[j - 1].skip ||
                (s->ct[j - 1].nvf && s->ct[j - 1].np < 0 && !s->ct[j - 1].w));
    }
    return 0;
}

/* An English actor right before a trigger noun, over at most two modifiers ("a Turkish strike",
** "Russian missile strikes", "Hamas rocket attacks"): the act's author. */
static int actor_before(const sent_t *s, size_t i)
{
    for (size_t j = i, n = 0; j > 0 && n < 3; n++) {
        j--;
        int k = s->ct[j].np;
        if (k >= 0) {
            const np_t *np = &s->c->np[k];
            return !np->place && !np->attrib && np->b == j + 1 ? k : -1;
        }
        if (s->t[j].kind != VG_TOK_WORD || tok_is(s, j, VG_G_DET) || tok_is(s, j, VG_G_ARTICLE) ||
            tok_is(s, j, VG_G_OF) || clause_word(s, j) || (s->ct[j].nvf && (feats_of(s, j, UINT32_MAX) & VG_VF_PAST)))
            return -1; /* a modifier ("air", "missile"), not a verb in the past */
    }
    return -1;
}

/* A trigger noun in a phrase fronted before the main clause (« Lors de sa rencontre avec X, le
** ministre a … », "During his visit to Kenya, the minister praised …"): its author is the main
** clause's subject, the subject of the first verb after the phrase's comma. */
static int fronted_source(sent_t *s, size_t i)
{
    size_t comma = SIZE_MAX;
    for (size_t j = i + 1; j < s->nt && j < i + SUBJ_REACH && comma == SIZE_MAX; j++) {
        if (hard_boundary(s, j) || is_quote(s, j))
            return -1;
        if (is_comma(s, j))
            comma = j;
        else if (s->ct[j].nvf && s->ct[j].np < 0 && (feats_of(s, j, UINT32_MAX) & (VG_VF_PRES | VG_VF_PAST | VG_VF_FUT)) &&
                 !tok_is(s, j - 1, VG_G_ARTICLE))
            return -1; /* a verb before any comma: the noun is inside a clause, not fronted */
    }
    for (size_t j = 0; j < i; j++) /* nothing but the phrase before it: no verb, no clause */
        if (hard_boundary(s, j) || clause_word(s, j) || (s->ct[j].nvf && s->ct[j].np < 0 && !s->ct[j].skip &&
                                                          (feats_of(s, j, UINT32_MAX) & (VG_VF_PRES | VG_VF_PAST | VG_VF_FUT))))
            return -1;
    if (comma == SIZE_MAX)
        return -1;
    for (size_t j = comma + 1; j < s->nt && j < comma + SUBJ_REACH; j++) {
        if (hard_boundary(s, j))
            break;
        if (!s->ct[j].nvf || s->ct[j].np >= 0)
            continue;
        unsigned f = feats_of(s, j, UINT32_MAX);
        if (!(f & (VG_VF_PRES | VG_VF_PAST | VG_VF_FUT | VG_VF_PPART)) && !vg_tok_aux(s, j, 0) && !vg_tok_aux(s, j, 1))
            continue;
        vgroup h;
        read_group(s, j, UINT32_MAX, &h);
        if (h.governed || h.start <= comma + 1)
            return -1; /* a participle or an infinitive, or no subject between the comma and it */
        int n = find_subject(s, h.start);
        return n >= 0 && s->c->np[n].a > comma ? n : -1;
    }
    return -1;
}

/* The object: the first actor after the verb group, within its clause. */
static int find_object(sent_t *s, size_t from, int skip_by, int loc_ok)
{
    vg_coder *c = s->c;
    size_t reach = OBJ_REACH;
    for (size_t j = from; j < s->nt && j < from + reach; j++) {
        if (is_comma(s, j)) { /* an incise: « a reçu, jeudi à Alger, le président … » */
            size_t k = j + 1;
            while (k < s->nt && k < j + 8 && !is_comma(s, k) && !hard_boundary(s, k) &&
                   (s->ct[k].np < 0 || c->np[s->ct[k].np].place))
                k++;
            if (j == from && k < s->nt && is_comma(s, k)) {
                reach += k - j;
                j = k;
                continue;
            }
            return -1;
        }
        if (tok_c0(s, j) == '(') { /* a parenthesis: « (Nov 13) », « (FACT) » */
            size_t k = j + 1;
            while (k < s->nt && k < j + 12 && tok_c0(s, k) != ')')
                k++;
            if (k < s->nt && tok_c0(s, k) == ')') {
                reach += k - j + 1;
                j = k;
                continue;
            }
        }
        if (is_quote(s, j)) { /* « a dénoncé "les manœuvres conduites par la Libye" » */
            reach++;
            continue;
        }
        if (hard_boundary(s, j) || clause_word(s, j))
            return -1;
        int n = s->ct[j].np;
        if (n >= 0) {
            /* « reçu par X » right after the verb is its agent; further on, « les manœuvres conduites
            ** par la Libye », "a resolution drafted by the US", the agent of the object is the target */
            size_t before = c->np[n].a - (c->np[n].a > 0);
            while (before > from && tok_is(s, before, VG_G_DET))
                before--;
            if ((usable_object(&c->np[n]) || (loc_ok && c->np[n].place && !c->np[n].attrib)) &&
                !(skip_by && before < from + 2 && tok_is(s, before, VG_G_BY)))
                return n;
            j = c->np[n].b - 1;
            continue;
        }
        if (j > from && s->ct[j].nvf && (feats_of(s, j, UINT32_MAX) & (VG_VF_PRES | VG_VF_PAST)) &&
            !s->ct[j].w && s->t[j - 1].kind != VG_TOK_NUM && !tok_is(s, j - 1, VG_G_DET))
            return -1; /* another finite verb: another clause (not after a number or a determiner:
                       ** "fired two shells at", « a tiré des obus sur ») */
    }
    return -1;
}

/* The agent of a passive: par X / by X after the verb. */
static int find_by(sent_t *s, size_t from)
{
    for (size_t j = from; j < s->nt && j < from + OBJ_REACH; j++) {
        if (hard_boundary(s, j))
            return -1;
        if (tok_is(s, j, VG_G_BY)) {
            for (size_t k = j + 1; k < s->nt && k < j + 4; k++) {
                int n = s->ct[k].np;
                if (n >= 0)
                    return usable(&s->c->np[n]) ? n : -1;
                if (!tok_is(s, k, VG_G_DET))
                    break;
            }
        }
    }
    return -1;
}

/* ---- patterns ---- */

/* Next NP starting within win tokens of pos (determiners and adjectives may precede it). A place
** (« à Alger ») fills a slot only right after a word of the pattern (`se rendre à {T}`). */
static int slot_at(const sent_t *s, size_t pos, size_t win, int after_word, int loc_ok, size_t *after)
{
    size_t first = pos; /* where the slot's words begin, after a time expression */
    for (size_t j = pos; j < s->nt && j <= pos + win; j++) {
        if (is_quote(s, j) || s->ct[j].skip) { /* « sa "pleine solidarité" avec la Turquie »: quotes stay in the phrase */
            win++;
            if (first == j)
                first++;
            continue;
        }
        /* right after the verb, or after its time adverb, "to" goes on with the verb's complement;
        ** « a menacé mercredi que … » opens a clause all the same */
        if (hard_boundary(s, j) || (j > pos && clause_word(s, j) && !(j == first && !strcmp(s->t[j].key, "to"))))
            return -1;
        size_t r = vg_gram_at(s, j, VG_G_RECIP);
        if (r) { /* "each other" fills the slot: the subjects act on one another */
            *after = j + r;
            return -2;
        }
        int n = s->ct[j].np;
        if (n >= 0) {
            const np_t *np = &s->c->np[n];
            if (np->attrib)
                return -1;
            if (np->place && np->loc && !loc_ok && !(after_word && j <= pos + 2)) {
                j = np->b - 1;
                continue;
            }
            *after = np->b;
            return n;
        }
    }
    return -1;
}

static int word_at(const sent_t *s, size_t pos, size_t win, const vg_pel *e, const vg_pel *next, size_t *after)
{
    for (size_t j = pos; j < s->nt && j <= pos + win; j++) {
        if (s->ct[j].skip) { /* a time expression */
            win++;
            continue;
        }
        if (hard_boundary(s, j) && !is_quote(s, j)) /* « un "cessez-le-feu unilatéral" » */
            return 0;
        if (j > pos && tok_is(s, j, VG_G_SUBJ) && !(s->t[j].flags & VG_TOKF_CLITIC))
            return 0; /* "said it had paid compensation to": a subject opens another clause */
        int verb = e->lemma != UINT32_MAX && s->ct[j].np < 0 &&
                   (feats_of(s, j, e->lemma) & (VG_VF_INF | VG_VF_FUT | VG_VF_COND | VG_VF_SUBJ));
        if (verb || (s->ct[j].w == e->id && (!e->cs || s->text[s->t[j].start] == s->lx->pool.p[e->surf]))) {
            /* "said to withdraw" is no "say to X": an English "to" before an infinitive is not the
            ** preposition a pattern asks for */
            if (!s->fr && !strcmp(s->t[j].key, "to") && j + 1 < s->nt && s->ct[j + 1].np < 0 &&
                (feats_of(s, j + 1, UINT32_MAX) & VG_VF_INF) && !(next && next->kind == VG_PE_WORD))
                continue; /* (unless the pattern itself goes on with a word: "threaten to impose") */
            *after = j + 1;
            return 1;
        }
    }
    return 0;
}

/* A word of the pattern found before the verb group: in the passive, the object is the subject
** (« la trêve n'a pas été respectée » for `{S} respecter trêve`). */
static int word_before(const sent_t *s, size_t gstart, const vg_pel *e)
{
    for (size_t j = gstart; j > 0 && gstart - j < 16;) {
        j--;
        if (hard_boundary(s, j))
            return 0;
        if (s->ct[j].w == e->id)
            return 1;
    }
    return 0;
}

/* An apposition after the actor that fills a slot: « la visite du ministre sénégalais, Awa X, au
** Mali », "the visit of Turkey's president, Recep Tayyip Erdogan, to Moscow" — a name between
** commas, known or not. Returns the token after the closing comma, or at when there is none. */
static size_t past_apposition(const sent_t *s, size_t at)
{
    if (!is_comma(s, at))
        return at;
    size_t j = at + 1;
    if (j < s->nt && s->ct[j].np >= 0 && !s->c->np[s->ct[j].np].place)
        j = s->c->np[s->ct[j].np].b;
    else
        while (j < s->nt && j < at + 6 && s->t[j].kind == VG_TOK_WORD && (s->t[j].flags & VG_TOKF_CAP) &&
               s->ct[j].np < 0 && !s->ct[j].nvf)
            j++;
    return j > at + 1 && j < s->nt && is_comma(s, j) ? j + 1 : at;
}

/* An incise between a verb and its complement (« ont signé, lors de la visite du président à Lomé,
** un accord », "signed, after months of talks, a deal"): a phrase between commas with no verb of its
** own. Returns the token after the closing comma, or at when there is no such incise. */
static size_t past_incise(const sent_t *s, size_t at)
{
    if (at >= s->nt || !is_comma(s, at))
        return at;
    for (size_t j = at + 1; j < s->nt && j < at + 16; j++) {
        if (hard_boundary(s, j) || is_quote(s, j) || (clause_word(s, j) && j != at + 1)) /* ", after …," */
            return at;
        if (is_comma(s, j))
            return j > at + 1 ? j + 1 : at;
        if (s->ct[j].nvf && s->ct[j].np < 0 && !s->ct[j].skip && !s->ct[j].w && !tok_is(s, j - 1, VG_G_ARTICLE) &&
            !tok_is(s, j - 1, VG_G_DET) &&
            (feats_of(s, j, UINT32_MAX) & (VG_VF_PRES | VG_VF_PAST | VG_VF_FUT | VG_VF_COND)))
            return at; /* a clause, not an incise */
    }
    return at;
}

static int try_pattern(const sent_t *s, size_t i, const vg_pattern *p, size_t gstart, int refl, int passive,
                       pmatch *m)
{
    const vg_pel *el = s->lx->pel + p->els;
    m->score = 1;
    m->recip = 0;
    m->src = m->tgt = -1;
    /* before the head: {S} (found by rule) and a reflexive pronoun; the loader makes the first word
    ** of a nominal pattern its head, so no word stands before it */
    m->pre = SIZE_MAX;
    for (int k = p->head; k-- > 0;) {
        if (el[k].kind == VG_PE_REFL && !refl)
            return 0;
        if (el[k].kind == VG_PE_REFL)
            m->score++;
        if (el[k].kind != VG_PE_WORD)
            continue;
        /* "indicated it would act", "did not ever clash": the pattern names the words around the
        ** verb itself, auxiliaries included, so they are looked for from the verb leftwards */
        size_t j = m->pre == SIZE_MAX ? i : m->pre, stop = j > 8 ? j - 8 : 0;
        while (j > stop && !hard_boundary(s, j - 1) && s->ct[j - 1].w != el[k].id)
            j--;
        if (j == stop || hard_boundary(s, j - 1))
            return 0;
        m->pre = j - 1;
        m->score++;
    }
    size_t pos = i + 1, win = WINDOW;
    for (int k = p->head + 1; k < p->nel; k++) {
        const vg_pel *e = &el[k];
        size_t after;
        if (e->kind != VG_PE_GAP)
            pos = past_incise(s, pos);
        switch (e->kind) {
        case VG_PE_GAP:
            win = GAP_WINDOW;
            continue;
        case VG_PE_WORD:
            if (!word_at(s, pos, win, e, k + 1 < p->nel ? &el[k + 1] : NULL, &after)) {
                int first = 1; /* only gaps between the verb and this word */
                for (int q = p->head + 1; q < k; q++)
                    first &= el[q].kind == VG_PE_GAP;
                if (!(passive && first && word_before(s, gstart, e)))
                    return 0;
                after = pos;
            }
            break;
        case VG_PE_SRC:
        case VG_PE_TGT: {
            /* a deployment or a visit acts on the place it goes to (« à la frontière mexicaine ») */
            int loc_ok = !strncmp(p->code, "15", 2) || !strncmp(p->code, "042", 3);
            int n = slot_at(s, pos, win, k > p->head + 1 && el[k - 1].kind == VG_PE_WORD, loc_ok, &after);
            if (n == -2) {
                m->recip = 1;
                break;
            }
            if (n < 0) {
                if (k == p->nel - 1)
                    goto done; /* a trailing slot may stay empty: role finding fills it */
                return 0;
            }
            if (e->kind == VG_PE_SRC && !p->verb && kind_of_thing(s, &s->c->np[n]))
                return 0;
            if (e->kind == VG_PE_SRC)
                m->src = n;
            else
                m->tgt = n;
            if (k + 1 < p->nel)
                after = past_apposition(s, after);
            break;
        }
        default:
            continue;
        }
        m->score++;
        pos = after;
        win = WINDOW;
    }
done:
    m->end = pos;
    return 1;
}

/* ---- events ---- */

static const np_t *NP(const sent_t *s, int n) { return &s->c->np[n]; }

/* The country an agent without one takes: a country coordinated with it (« le gouvernement du
** Tchad et trois factions rebelles »), else the place the sentence names (« les rebelles … à Alep »),
** else an agent with a country in the same sentence (« l'armée syrienne … les rebelles »), else the
** document's most frequent place, else the last country named. */
static int counterpart(const sent_t *s, const np_t *np)
{
    for (size_t i = np->a; i < np->b; i++)
        if (tok_is(s, i, VG_G_COUNTERPART))
            return 1;
    return 0;
}

/* Why an actor named without a country got one: the evidence says it (vg_event.implied). */
static const char *const implied_why[] = { "", "the country coordinated with it", "an actor of the same sentence",
                                           "the place of the event", "the document's main place",
                                           "the last country the document named" };

static void context_country(const sent_t *s, int self, char out[4], int *why)
{
    vg_coder *c = s->c;
    *why = 1;
    for (size_t k = 0; k < c->nnp; k++) /* the country coordinated with it: « Kiev et les séparatistes »;
                                         ** not a counterpart's ("X and his Japanese counterpart") */
        if (c->np[k].country[0] && !c->np[k].attrib && !c->np[k].place && c->np[k].group == c->np[self].group &&
            (c->np[k].kind == NP_COUNTRY || c->np[k].kind == NP_CAPITAL || c->np[k].kind == NP_SEAT ||
             (c->np[k].kind == NP_AGENT && !strcmp(c->np[k].role, "GOV"))) &&
            !counterpart(s, &c->np[k])) {
            vg_copy(out, 4, c->np[k].country, SIZE_MAX);
            return;
        }
    /* a minister or a spokesman travels: the government named beside him ("Seoul's foreign
    ** ministry said") tells his country better than the place he is in; rebels and police are
    ** local, and the place comes first for them */
    int gov = !strcmp(c->np[self].role, "GOV");
    for (int pass = 0; pass < 2; pass++)
        for (size_t k = 0; k < c->nnp; k++) {
            const np_t *np = &c->np[k];
            if (np->place && np->attrib) /* "Asia Pacific Economic Cooperation": no place at all */
                continue;
            if (np->country[0] && ((pass ^ gov) ? np->kind == NP_AGENT && !np->place && !counterpart(s, np)
                                                : np->place && (np->loc || np->kind == NP_COUNTRY))) {
                vg_copy(out, 4, np->country, SIZE_MAX);
                *why = (pass ^ gov) ? 2 : 3;
                return;
            }
        }
    int best = -1;
    for (int k = 0; k < c->nplaces; k++)
        if (best < 0 || c->place_n[k] > c->place_n[best])
            best = k;
    if (best >= 0) {
        vg_copy(out, 4, c->place_code[best], SIZE_MAX);
        *why = 4;
        return;
    }
    vg_copy(out, 4, c->last_country[0] ? c->last_country : c->first_country, SIZE_MAX);
    *why = 5;
}

static void code_of_why(const sent_t *s, int n, char out[16], int *why)
{
    const np_t *np = NP(s, n);
    *why = 0;
    if (np->needs_country && !np->code[0]) {
        char cc[4];
        context_country(s, n, cc, why);
        vg_copy(out, 16, cc, 3);
        if (cc[0])
            vg_copy(out + strlen(out), 4, np->role, 3);
        return;
    }
    vg_copy(out, 16, np->code, SIZE_MAX);
}

static void code_of(const sent_t *s, int n, char out[16])
{
    int why;
    code_of_why(s, n, out, &why);
}

static vg_status put_str(vg_coder *c, const char *str, size_t n, uint32_t *off)
{
    *off = (uint32_t)c->strs.n;
    vg_status rc = vg_buf_append(&c->strs, str, n);
    return rc == VG_OK ? vg_buf_putc(&c->strs, 0) : rc;
}

static int nearest_when(const sent_t *s, size_t i)
{
    const vg_coder *c = s->c;
    int best = -1;
    size_t bd = 0;
    for (size_t k = 0; k < c->nwhen; k++) {
        size_t d = c->when[k].a > i ? c->when[k].a - i : i - c->when[k].a;
        if (best < 0 || d < bd) {
            best = (int)k;
            bd = d;
        }
    }
    return best;
}

/* The place of an event: the nearest place named with a locative preposition (« à Moscou »,
** "near Aleppo"), else the nearest city named otherwise (« l'attentat de Nice »). */
static int nearest_place(const sent_t *s, size_t i)
{
    const vg_coder *c = s->c;
    int best = -1, bloc = 0;
    size_t bd = 0;
    for (size_t k = 0; k < c->nnp; k++) {
        if (!c->np[k].place || !c->np[k].country[0])
            continue;
        size_t d = c->np[k].a > i ? c->np[k].a - i : i - c->np[k].a;
        if (best < 0 || c->np[k].loc > bloc || (c->np[k].loc == bloc && d < bd)) {
            bloc = c->np[k].loc;
            best = (int)k;
            bd = d;
        }
    }
    return best;
}

/* Offsets stored in pointer fields until vg_coder_fix() (the string buffer may move). */
#define OFF(x) ((const char *)(uintptr_t)(x))

/* tgt < 0: the target is the actor whose code is in reply_to (a response, see below). */
static vg_status emit(sent_t *s, size_t sentence, size_t trig, const vg_pattern *p, const char *code,
                      int src, int tgt, const char *reply_to, float conf)
{
    vg_coder *c = s->c;
    char sc[16], tc[16];
    vg_status rc;
    int swhy, twhy = 0;
    code_of_why(s, src, sc, &swhy);
    if (tgt >= 0)
        code_of_why(s, tgt, tc, &twhy);
    else
        vg_copy(tc, sizeof tc, reply_to, SIZE_MAX);
    if (!sc[0] || !tc[0] || !strcmp(sc, tc))
        return VG_OK;
    /* what is said to the press ("told Reuters", « a déclaré à l'AFP ») is how news is reported, not
    ** an event between two actors */
    size_t tl = strlen(tc);
    if (!strncmp(code, "01", 2) && tl >= 6 && !strcmp(tc + tl - 3, "MED"))
        return VG_OK;
    /* a country's government acting on the country as a whole (USAGOV → USA, « Kerry prône une
    ** coopération entre Américains et Russes ») is no event between two actors */
    if (!strncmp(sc, tc, 3) && (strlen(tc) == 3 || strlen(sc) == 3) &&
        (strlen(sc) == 3 || !strcmp(sc + 3, "GOV")) && (strlen(tc) == 3 || !strcmp(tc + 3, "GOV")))
        return VG_OK;
    /* a state deploying or mobilising its own forces (« va envoyer 600 soldats ») acts on no one */
    if (!strncmp(code, "15", 2) && !strncmp(sc, tc, 3) && strlen(tc) == 6 &&
        (!strcmp(tc + 3, "MIL") || !strcmp(tc + 3, "COP")))
        return VG_OK;
    const vg_cameo *cm = vg_lex_code(s->lx, code, strlen(code));
    if (!cm)
        return VG_OK;
    size_t first = c->nev;
    while (first > 0 && c->ev[first - 1].sentence == sentence)
        first--;
    /* the same event twice in a sentence is one; so is one act named by neighbouring words of one
    ** root ("Russian missile strikes on Kharkiv": missile strike 194, strikes on 195): the first
    ** pattern, the longest at its word, stands */
    size_t near_a = s->t[trig >= 2 ? trig - 2 : 0].start, near_b = s->t[trig + 2 < s->nt ? trig + 2 : s->nt - 1].end;
    for (size_t k = first; k < c->nev; k++) {
        const vg_event *e = &c->ev[k];
        if (!strcmp(c->strs.p + (uintptr_t)e->source, sc) && !strcmp(c->strs.p + (uintptr_t)e->target, tc) &&
            (!strcmp(e->code, cm->code) || (!strncmp(e->code, cm->code, 2) && e->trigger_span.start >= near_a &&
                                             e->trigger_span.start < near_b)))
            return VG_OK;
    }
    if ((rc = vg_grow(s->lx->mem, (void **)&c->ev, &c->capev, c->nev + 1, sizeof(vg_event))) != VG_OK)
        return rc;
    vg_event *e = &c->ev[c->nev];
    memset(e, 0, sizeof *e);
    e->sentence = sentence;
    uint32_t o;
    if ((rc = put_str(c, sc, strlen(sc), &o)) != VG_OK)
        return rc;
    e->source = OFF(o);
    if ((rc = put_str(c, tc, strlen(tc), &o)) != VG_OK)
        return rc;
    e->target = OFF(o);
    const np_t *a = NP(s, src);
    e->source_span.start = s->t[a->a].start;
    e->source_span.end = s->t[a->b - 1].end;
    if (tgt >= 0) {
        const np_t *b = NP(s, tgt);
        e->target_span.start = s->t[b->a].start;
        e->target_span.end = s->t[b->b - 1].end;
    }
    e->trigger_span.start = s->t[trig].start;
    e->trigger_span.end = s->t[trig].end;
    e->code = cm->code; /* codebook strings are static, a dictionary's live as long as the engine */
    static const char *const roots[] = { "", "01", "02", "03", "04", "05", "06", "07", "08", "09", "10",
                                         "11", "12", "13", "14", "15", "16", "17", "18", "19", "20" };
    int r = (cm->code[0] - '0') * 10 + (cm->code[1] - '0');
    e->root = r >= 1 && r <= 20 ? roots[r] : "";
    e->quad = cm->quad;
    e->goldstein = cm->goldstein;
    int w = nearest_when(s, trig);
    int32_t day = w >= 0 ? (s->future && c->when[w].ahead != VG_DAY_MIN ? c->when[w].ahead : c->when[w].day) : c->doc_day;
    char date[16] = "";
    if (day != VG_DAY_MIN) {
        int y, mo, d;
        vg_civil_from_days(day, &y, &mo, &d);
        if (y >= 0 && y <= 9999) { /* YYYY-MM-DD, by hand: this runs for every event */
            const int v[3] = { y, mo, d }, width[3] = { 4, 2, 2 };
            char *dp = date;
            for (int k = 0; k < 3; k++) {
                for (int q = width[k] - 1, x = v[k]; q >= 0; q--, x /= 10)
                    dp[q] = (char)('0' + x % 10);
                dp += width[k];
                *dp++ = k < 2 ? '-' : 0;
            }
        }
    }
    if ((rc = put_str(c, date, strlen(date), &o)) != VG_OK)
        return rc;
    e->date = OFF(o);
    if (w >= 0) {
        e->date_span.start = s->t[c->when[w].a].start;
        e->date_span.end = s->t[c->when[w].b - 1].end;
    }
    int pl = nearest_place(s, trig);
    const char *pc = pl >= 0 ? NP(s, pl)->country : "";
    if ((rc = put_str(c, pc, strlen(pc), &o)) != VG_OK)
        return rc;
    e->place = OFF(o);
    if (pl >= 0) {
        const np_t *np = NP(s, pl);
        e->place_span.start = s->t[np->a].start;
        e->place_span.end = s->t[np->b - 1].end;
        e->has_geo = np->has_coord;
        e->lat = np->lat;
        e->lon = np->lon;
    }
    /* the rule's "file:line", made here rather than kept for every pattern: events are few */
    char rule[4200];
    const char *file = s->lx->files[p->file];
    size_t fl = strlen(file), rl = fl < sizeof rule - 16 ? fl : sizeof rule - 16;
    memcpy(rule, file, rl);
    rule[rl++] = ':';
    char digits[12];
    size_t nd = 0;
    for (uint32_t v = p->line; nd == 0 || v; v /= 10)
        digits[nd++] = (char)('0' + v % 10);
    while (nd)
        rule[rl++] = digits[--nd];
    if ((rc = put_str(c, rule, rl, &o)) != VG_OK)
        return rc;
    e->rule = OFF(o);
    /* an actor named without a country: which context gave it one (docs/coder.md § 1) */
    char why[160] = "";
    if (swhy)
        snprintf(why, sizeof why, "source %.3s from %s", sc, implied_why[swhy]);
    if (twhy)
        snprintf(why + strlen(why), sizeof why - strlen(why), "%starget %.3s from %s", swhy ? "; " : "", tc,
                 implied_why[twhy]);
    if ((rc = put_str(c, why, strlen(why), &o)) != VG_OK)
        return rc;
    e->implied = OFF(o);
    e->confidence = conf;
    c->nev++;
    return VG_OK;
}

/* Every (source, target) pair of the two coordination groups. */
static vg_status emit_groups(sent_t *s, size_t sentence, size_t trig, const vg_pattern *p, const char *code,
                             int src, int tgt, float conf)
{
    vg_coder *c = s->c;
    vg_status rc = VG_OK;
    int gs = NP(s, src)->group, gt = NP(s, tgt)->group;
    if (gs == gt) /* « la rencontre entre Kerry et Lavrov »: the pattern already split the pair */
        return emit(s, sentence, trig, p, code, src, tgt, NULL, conf);
    for (size_t a = 0; a < c->nnp && rc == VG_OK; a++) {
        if (c->np[a].group != gs || (!usable(&c->np[a]) && (int)a != src))
            continue;
        for (size_t b = 0; b < c->nnp && rc == VG_OK; b++) {
            if (c->np[b].group != gt || (!usable(&c->np[b]) && (int)b != tgt) || (int)a == (int)b)
                continue;
            rc = emit(s, sentence, trig, p, code, (int)a, (int)b, NULL, conf);
        }
    }
    return rc;
}

static int has_target_slot(const vg_lexicon *lx, const vg_pattern *p)
{
    for (int k = 0; k < p->nel; k++)
        if (lx->pel[p->els + k].kind == VG_PE_TGT)
            return 1;
    return 0;
}

/* The pattern ends in a partner slot (« avec {T} », "with {T}"): its word matched, so the partner is
** written, and when it names no actor the coordinated subjects are not each other's partners
** (« la France et l'Allemagne ont établi des relations avec le nouvel État »). */
static int partner_slot(const vg_lexicon *lx, const vg_pattern *p)
{
    if (p->nel < 2 || lx->pel[p->els + p->nel - 1].kind != VG_PE_TGT)
        return 0;
    const vg_pel *w = &lx->pel[p->els + p->nel - 2];
    return w->kind == VG_PE_WORD && w->id && (w->id == vg_lex_word(lx, "avec", 4) || w->id == vg_lex_word(lx, "with", 4));
}

/* Codes that answer someone: deny (016), reject (12x), reply/comment on (01x), concede (08x). */
static int responds(const char *code) { return !strncmp(code, "01", 2) || !strncmp(code, "12", 2); }

/* The source of the latest event, in this sentence or the document's earlier ones, whose target was
** the actor src (compared on the country and role part). */
static const char *replied(const sent_t *s, int src)
{
    const vg_coder *c = s->c;
    char sc[16];
    code_of(s, src, sc);
    if (!sc[0])
        return NULL;
    for (size_t k = c->nev; k-- > 0;) {
        const vg_event *e = &c->ev[k];
        const char *tgt = c->strs.p + (uintptr_t)e->target, *from = c->strs.p + (uintptr_t)e->source;
        if (!strncmp(tgt, sc, 3) && strncmp(from, sc, 3))
            return from;
    }
    return NULL;
}

/* The source of the latest act reported in the document (not a statement, an appeal, a demand,
** a criticism or a rejection: those answer acts) by another actor than src. */
static const char *last_act(const sent_t *s, int src)
{
    const vg_coder *c = s->c;
    char sc[16];
    code_of(s, src, sc);
    for (size_t k = c->nev; k-- > 0;) {
        const vg_event *e = &c->ev[k];
        const char *from = c->strs.p + (uintptr_t)e->source;
        int r = (e->code[0] - '0') * 10 + (e->code[1] - '0');
        if (r == 1 || r == 2 || r == 10 || r == 11 || r == 12 || !strncmp(from, sc, 3))
            continue;
        return from;
    }
    return NULL;
}

/* Codes whose actors, coordinated without a target, act on each other. */
static int reciprocal(const char *code)
{
    /* a visit (042) and its hosting (043) go from one side to a place: two visitors named together
    ** ("French and German ministers were visiting") do not visit each other */
    if (!strcmp(code, "042") || !strcmp(code, "043"))
        return 0;
    return !strncmp(code, "04", 2) || !strncmp(code, "06", 2) || !strncmp(code, "19", 2) || !strcmp(code, "057") ||
           !strncmp(code, "087", 3) || !strcmp(code, "030") || !strncmp(code, "031", 3) || !strcmp(code, "036") ||
           !strcmp(code, "050") || !strcmp(code, "054");
}

static vg_status emit_reciprocal(sent_t *s, size_t sentence, size_t trig, const vg_pattern *p, const char *code,
                                 int src)
{
    vg_coder *c = s->c;
    vg_status rc = VG_OK;
    int g = NP(s, src)->group;
    /* consult, phone, negotiate, sign (040 041 046 057) are symmetric: one event a pair, not two */
    int sym = !strncmp(code, "040", 3) || !strncmp(code, "041", 3) || !strncmp(code, "046", 3) ||
              !strncmp(code, "057", 3);
    for (size_t a = 0; a < c->nnp && rc == VG_OK; a++)
        for (size_t b = sym ? a + 1 : 0; b < c->nnp && rc == VG_OK; b++)
            if (a != b && c->np[a].group == g && c->np[b].group == g && usable(&c->np[a]) && usable(&c->np[b]))
                rc = emit(s, sentence, trig, p, code, (int)a, (int)b, NULL, 0.6f);
    return rc;
}

/* « Le dirigeant a appelé … », "the minister said": a subject agent without a country is the
** person last named in that role, if there is one. */
static void anaphor(sent_t *s, int n)
{
    np_t *np = &s->c->np[n];
    const char *p = s->c->last_person;
    if (np->kind != NP_AGENT || !np->needs_country || np->code[0] || strlen(p) < 6)
        return;
    if (!strncmp(p + 3, np->role, 3)) {
        vg_copy(np->code, sizeof np->code, p, SIZE_MAX);
        np->needs_country = 0;
    }
}

/* Is the NP the only one of its coordination group? */
static int alone(const sent_t *s, int n)
{
    for (size_t k = 0; k < s->c->nnp; k++)
        if ((int)k != n && s->c->np[k].group == s->c->np[n].group)
            return 0;
    return 1;
}

static int state_side(const char *code)
{
    size_t n = strlen(code);
    return n == 3 || (n >= 6 && (!strcmp(code + 3, "GOV") || !strcmp(code + 3, "MIL") || !strcmp(code + 3, "COP")));
}

/* "declared a unilateral ceasefire …, as rebel fighters entered Mekele": a truce is made with the
** other side, and when the sentence names no target the other side is the actor it names after
** the trigger (else before the source), outside the source's group, that is no news medium. */
static int truce_party(const sent_t *s, int src, size_t trig)
{
    const vg_coder *c = s->c;
    int best = -1;
    char sc[16], oc[16];
    code_of(s, src, sc);
    for (size_t k = 0; k < c->nnp; k++) {
        const np_t *np = &c->np[k];
        if ((int)k == src || np->group == c->np[src].group || !usable(np) || np->kind == NP_PRONOUN)
            continue;
        code_of(s, (int)k, oc);
        size_t n = strlen(oc);
        if (!oc[0] || !strcmp(oc, sc) || (n >= 6 && !strcmp(oc + n - 3, "MED")))
            continue;
        if (!strncmp(oc, sc, 3) && state_side(oc) && state_side(sc))
            continue; /* the army and the regime are one side */
        if (np->a > trig)
            return (int)k;
        if (best < 0)
            best = (int)k;
    }
    return best >= 0 && c->np[best].b <= c->np[src].a ? best : -1;
}

/* Did the trigger at token tok give an event in this sentence? */
static int gave_event(const sent_t *s, size_t sentence, size_t tok)
{
    const vg_coder *c = s->c;
    for (size_t k = c->nev; k-- > 0 && c->ev[k].sentence == sentence;)
        if (c->ev[k].trigger_span.start == s->t[tok].start)
            return 1;
    return 0;
}

/* « a menacé de suspendre sa coopération avec X »: the generic threat (130) coded at the governing
** verb gives way to the act threatened, which says more. Returns 1 when it did (and the events of
** that verb are gone), 0 when the verb's pattern was specific (`threaten to cut aid to`): it stays. */
static int drop_generic_threat(sent_t *s, size_t sentence, size_t tok)
{
    vg_coder *c = s->c;
    size_t k = c->nev;
    while (k > 0 && c->ev[k - 1].sentence == sentence)
        k--;
    for (size_t i = k; i < c->nev; i++)
        if (c->ev[i].trigger_span.start == s->t[tok].start && strcmp(c->ev[i].code, "130") && strcmp(c->ev[i].code, "13"))
            return 0;
    size_t o = k;
    for (size_t i = k; i < c->nev; i++)
        if (c->ev[i].trigger_span.start != s->t[tok].start)
            c->ev[o++] = c->ev[i];
    c->nev = o;
    return 1;
}

static void remember_subject(sent_t *s, int n)
{
    vg_coder *c = s->c;
    char code[16];
    code_of(s, n, code);
    if (!code[0])
        return;
    vg_copy(c->last_subject, sizeof c->last_subject, code, SIZE_MAX);
    const np_t *np = NP(s, n);
    const vg_token *lt = &s->t[np->b - 1]; /* a plural agent (« les ministres ») is no « il » */
    if (np->kind == NP_PERSON || (np->kind == NP_AGENT && lt->keylen && lt->key[lt->keylen - 1] != 's'))
        vg_copy(c->last_person, sizeof c->last_person, code, SIZE_MAX);
}

vg_status vg_match_sentence(sent_t *s, size_t sentence)
{
    const vg_lexicon *lx = s->lx;
    vg_status rc = VG_OK;
    /* per token: 1 a verb pattern matched there, 2 a claim of responsibility did */
    uint8_t fired[VG_MAX_SENT_TOKENS + 1] = { 0 };
    for (size_t i = 0; i < s->nt && rc == VG_OK; i++) {
        const ctok *t = &s->ct[i];
        const vg_pattern *best = NULL;
        pmatch bm = { 0, 0, -1, -1, 0, SIZE_MAX }, m;
        vgroup g = { 0 }, bg = { 0 };
        /* verb patterns, for each lemma this form may belong to; after an article the form is a
        ** noun (« une attaque », "the attack"), never a verb */
        int noun = (i > 0 && tok_is(s, i - 1, VG_G_ARTICLE)) || t->skip; /* "in March" is a date */
        if (!noun && i > 1 && tok_is(s, i - 2, VG_G_ARTICLE) && s->t[i - 1].kind == VG_TOK_WORD && !s->ct[i - 1].nvf &&
            s->ct[i - 1].np < 0 && !tok_is(s, i - 1, VG_G_NEG_PRE) && !tok_is(s, i - 1, VG_G_REFL))
            noun = 1; /* « une nouvelle attaque », "a bomb attack": an article, a modifier, a noun */
        /* "bought land", "held back": right after a verb in the past that is no auxiliary, a base
        ** or present form is that verb's object or particle, not a second verb */
        if (!noun && !s->fr && i > 0 && s->ct[i - 1].nvf && s->ct[i - 1].np < 0 && !vg_tok_aux(s, i - 1, 0) &&
            !vg_tok_aux(s, i - 1, 1) && !tok_is(s, i - 1, VG_G_MODAL) && !vg_tok_lemma_in(s, i - 1, VG_G_MODAL) &&
            (feats_of(s, i - 1, UINT32_MAX) & (VG_VF_PAST | VG_VF_PPART)) &&
            !(feats_of(s, i - 1, UINT32_MAX) & (VG_VF_PRES | VG_VF_INF)) &&
            !(feats_of(s, i, UINT32_MAX) & (VG_VF_PAST | VG_VF_PPART | VG_VF_PPRES)))
            noun = 1;
        /* "will hold talks", "to hold talks", "did not hold talks": after a verb that a modal, "to"
        ** or a negation makes a verb, a present form is its object */
        if (!noun && !s->fr && i > 1 && s->ct[i - 1].nvf && s->ct[i - 1].np < 0 && !vg_tok_aux(s, i - 1, 0) &&
            !vg_tok_aux(s, i - 1, 1) && (feats_of(s, i, UINT32_MAX) & VG_VF_PRES) &&
            !(feats_of(s, i, UINT32_MAX) & (VG_VF_PAST | VG_VF_PPART | VG_VF_PPRES)) &&
            (tok_is(s, i - 2, VG_G_MODAL) || vg_tok_lemma_in(s, i - 2, VG_G_MODAL) || tok_is(s, i - 2, VG_G_FUTURE) ||
             tok_is(s, i - 2, VG_G_NEG_PRE) || tok_is(s, i - 2, VG_G_COND) || !strcmp(s->t[i - 2].key, "to")))
            noun = 1;
        /* "carrying brand new guns", "the party's campaign rally": an English present or base form
        ** is a verb only with a subject before it (an actor, a pronoun, a relative), after a
        ** coordination or an adverb, or inside a verb group (to, will, did not) */
        if (!noun && !s->fr && i > 0 && t->nvf && !(feats_of(s, i, UINT32_MAX) & (VG_VF_PAST | VG_VF_PPART | VG_VF_PPRES)) &&
            s->ct[i - 1].np < 0 && !tok_is(s, i - 1, VG_G_SUBJ) && !tok_is(s, i - 1, VG_G_FIRST) && !clause_word(s, i - 1) &&
            !tok_is(s, i - 1, VG_G_COORD) &&
            !tok_is(s, i - 1, VG_G_ADVERB) && !tok_is(s, i - 1, VG_G_MODAL) && !vg_tok_lemma_in(s, i - 1, VG_G_MODAL) &&
            !tok_is(s, i - 1, VG_G_FUTURE) && !tok_is(s, i - 1, VG_G_NEG_PRE) && !tok_is(s, i - 1, VG_G_NEG_POST) &&
            !tok_is(s, i - 1, VG_G_COND) && !vg_tok_aux(s, i - 1, 0) && !vg_tok_aux(s, i - 1, 1) &&
            strcmp(s->t[i - 1].key, "to") && !is_comma(s, i - 1) && !is_quote(s, i - 1) && !s->ct[i - 1].skip &&
            !(s->t[i - 1].kind == VG_TOK_WORD && strlen(s->t[i - 1].key) > 3 &&
              !strcmp(s->t[i - 1].key + strlen(s->t[i - 1].key) - 2, "ly")))
            noun = 1;
        if (!noun && !s->fr && vg_sent_syn(s)) { /* the clause layer read a noun here ("the strike", "a
                                          ** campaign rally"); in French the rules above and the
                                          ** `verbal` patterns decide, which measured better */
            int tag = vg_syn_tag(s->syn, (uint32_t)i);
            noun = (tag == VG_ST_NOUN || tag == VG_ST_PROPN || tag == VG_ST_DET) &&
                   !(feats_of(s, i, UINT32_MAX) & (VG_VF_PAST | VG_VF_PPART)) && /* "beat", "put": past too */
                   !(i > 0 && (tok_is(s, i - 1, VG_G_SUBJ) || subject_np_before(s, i)));
        }
        for (uint16_t k = 0; k < t->nvf && !noun; k++) {
            uint32_t lemma = t->vf[k].lemma;
            if (lemma + 1 >= vg_strset_count(lx->lemmas) + 1 || lx->vp_off[lemma] == lx->vp_off[lemma + 1])
                continue;
            read_group(s, i, lemma, &g);
            /* a verb the dictionary lists as this very form (PETRARCH's LEFT beside LEAVE) wins a tie
            ** with the lemma the form inflects */
            int self = !strcmp(vg_lex_lemma(lx, lemma), s->t[i].key);
            int tie = self && best && strcmp(vg_lex_lemma(lx, lx->pel[best->els + best->head].id), s->t[i].key);
            for (uint32_t q = lx->vp_off[lemma]; q < lx->vp_off[lemma + 1]; q++) {
                const vg_pattern *p = &lx->pat[lx->vp[q]];
                if (p->verbal && !plainly_verb(s, i, lemma, &g))
                    continue;
                if (try_pattern(s, i, p, g.start, g.refl, g.passive, &m) && (m.score > bm.score || (tie && m.score == bm.score))) {
                    tie = 0;
                    bm = m;
                    best = p;
                    bg = g;
                }
            }
        }
        /* nominal patterns headed by this word */
        if (t->w && t->w < lx->nword_base) {
            for (uint32_t q = lx->np_off[t->w]; q < lx->np_off[t->w + 1]; q++) {
                const vg_pattern *p = &lx->pat[lx->np[q]];
                if (try_pattern(s, i, p, i, 0, 0, &m) && m.score > bm.score) {
                    bm = m;
                    best = p;
                    memset(&bg, 0, sizeof bg);
                    bg.start = i;
                    bg.end = i + 1;
                }
            }
        }
        if (!best)
            continue;
        /* a claim of responsibility (015) states the attack it claims as fact: « a revendiqué le tir
        ** de roquettes contre X » codes the claim and the firing, both by the claimant */
        if (best->verb && i < sizeof fired)
            fired[i] = strncmp(best->code, "015", 3) ? 1 : 2;
        const char *code = best->code;
        if (bm.pre != SIZE_MAX) {
            /* the pattern wrote the words before its verb (would, failed to, did not): they are its
            ** meaning, not a mood to read */
            bg.hypo = bg.governed = bg.neg = bg.intent = bg.refused = bg.threat = 0;
            bg.gov = SIZE_MAX;
            if (bm.pre < bg.start)
                bg.start = bm.pre;
        }
        if (!strcmp(code, "---") && !(bg.neg && best->negcode[0]))
            continue; /* a longer pattern that says "no event here" (TABARI's null code) */
        if (bg.hypo || bg.governed)
            continue;
        /* « sont convenus de renforcer leur coopération »: when the governing verb has a pattern of its
        ** own (`convenir * renforcer * coopération`), its event is the one */
        if (bg.gov != SIZE_MAX && bg.gov < sizeof fired && fired[bg.gov] == 1 && gave_event(s, sentence, bg.gov) &&
            !(bg.threat && threat_code(best->code) && drop_generic_threat(s, sentence, bg.gov)))
            continue;
        if (bg.threat) {
            if (!(code = threat_code(code)))
                continue;
        } else if (bg.refused) {
            if (!(code = refusal_code(code)))
                continue;
        } else if (bg.intent && !lx->intent_verb && !(code = intent_code(code))) {
            continue;
        }
        if (bg.neg) {
            if (!best->negcode[0])
                continue;
            code = best->negcode;
        }
        s->future = bg.intent;
        int src = bm.src, tgt = bm.tgt;
        if (best->verb) {
            int subj = bg.clitic_subj ? pronoun_np(s, bg.clitic_at)
                       : bg.participial ? main_subject(s, bg.start) : find_subject(s, bg.start);
            /* where the walk left finds no subject, the clause layer's (over relatives, incises,
            ** coordinated and controlled clauses); replacing the walk's own, or dropping it when the
            ** layer's subject is a noun that names no actor, measured worse on the dev sets */
            int ss = subj < 0 && !vg_tok_lemma_in(s, i, VG_G_SPEECH) ? syn_subject(s, i) : -1;
            if (ss >= 0 && pp_start(s, ss) != SIZE_MAX)
                ss = -1; /* inside a noun's prepositional phrase: the walk knew better */
            if (ss >= 0)
                subj = ss;
            if (bg.passive) {
                int by = find_by(s, bg.end);
                if (tgt >= 0 && by == tgt)
                    tgt = -1;
                src = by;
                tgt = subj;
            } else {
                src = subj;
                if (src < 0 && vg_tok_lemma_in(s, i, VG_G_SPEECH)) /* « … », a déclaré le porte-parole */
                    src = find_object(s, bg.end, 0, 0);
                /* a deployment or a visit acts on the place it goes to: « déploiera des soldats à la
                ** frontière mexicaine », "visited Moscow" */
                int loc_ok = !strncmp(best->code, "15", 2) || !strncmp(best->code, "042", 3) || lx->place_target;
                if (tgt < 0)
                    tgt = find_object(s, bg.end, 1, loc_ok);
                if (tgt < 0 && vg_sent_syn(s)) { /* the clause layer's object, over incises */
                    int32_t o = vg_syn_object(s->syn, (uint32_t)i);
                    if (o >= 0 && (size_t)o < s->nt && s->ct[o].np >= 0 && usable_object(&s->c->np[s->ct[o].np]))
                        tgt = s->ct[o].np;
                }
                if (tgt == src)
                    tgt = -1;
            }
        } else {
            /* a trigger noun that names a gathering (« une conférence de soutien à l'Ukraine », "a
            ** summit of support for X") is no act of the clause's subject */
            if (i >= 2 && tok_is(s, i - 1, VG_G_OF) && tok_is(s, i - 2, VG_G_GATHERING))
                continue;
            /* a trigger noun that is the object of a trigger verb (« condamne les frappes contre X »)
            ** is that verb's event, not one of its own */
            size_t gov = SIZE_MAX;
            vgroup gg;
            /* "the 2003 ceasefire accord", « l'accord de 2015 »: an act of a past year named as a
            ** reference, not an event of the story */
            if (past_year_near(s, i))
                continue;
            int adjunct = in_adjunct(s, i);
            if (src < 0)
                src = noun_source(s, i, &gov, &gg);
            if (!s->fr && bm.src < 0) { /* "a Turkish strike", "Russian missile strikes": the adjective or
                                         ** actor before the noun is its author */
                int pre = actor_before(s, i);
                if (pre >= 0)
                    src = pre;
                else if (adjunct && gg.passive)
                    src = -1; /* "was killed in a strike": the patient is no author */
            } else if (adjunct && gg.passive && bm.src < 0) {
                src = -1;
            }
            if (src < 0 && gov == SIZE_MAX)
                src = fronted_source(s, i);
            if (gov != SIZE_MAX && fired[gov] == 1 && i - gov < 8 && !adjunct)
                continue;
            /* the act a noun names has the mood of the verb that governs it: « n'a pas eu
            ** d'entretien avec », "would hold talks with" are no events, "will hold talks" an
            ** intention (03x) */
            if (gov != SIZE_MAX && (gg.neg || gg.hypo))
                continue;
            if (gov != SIZE_MAX && gg.intent && !lx->intent_verb && !(code = intent_code(code)))
                continue;
            s->future = gov != SIZE_MAX && gg.intent;
            int under = 0; /* "accused Iran of funding militia attacks": inside another trigger's object */
            for (size_t j = i; j > 0 && i - j < 20 && !under;) { /* its object, not a later adjunct */
                j--;
                if (hard_boundary(s, j) || (clause_word(s, j) && !is_comma(s, j)))
                    break;
                if (is_comma(s, j) && ((j > 0 && j - 1 < sizeof fired && fired[j - 1] == 1) || i - j >= 8 ||
                                       adjunct_prep(s, j + 1)))
                    break; /* an incise right after the verb (« a signé, lors de sa visite, »); far
                           ** from the verb, a comma ends its object */
                under = j < sizeof fired && fired[j] == 1 && !adjunct;
            }
            if (under)
                continue;
        }
        if (src >= 0 && tgt < 0 && best->verb && !bg.passive) {
            /* « a salué cette décision », "condemned the move": the act named is the last one
            ** reported, and its author is the target */
            size_t j = bg.end;
            if (j < s->nt && (tok_is(s, j, VG_G_OF) || tok_is(s, j, VG_G_BY)))
                j++;
            const char *author = vg_gram_at(s, j, VG_G_EVREF) ? last_act(s, src) : NULL;
            if (author) {
                remember_subject(s, src);
                rc = emit(s, sentence, i, best, code, src, -1, author, 0.5f);
                continue;
            }
        }
        if (src >= 0 && tgt < 0 && !has_target_slot(lx, best) && responds(code)) {
            /* a response without its object (« ce que la Russie dément », "Moscow denied it"): it
            ** answers the last event that had this actor as its target */
            const char *to = replied(s, src);
            if (to) {
                remember_subject(s, src);
                rc = emit(s, sentence, i, best, code, src, -1, to, 0.5f);
                continue;
            }
        }
        /* « s'accusent mutuellement », "accused each other": every actor of the subject acts on the
        ** others, whatever the code */
        int recip = bm.recip;
        for (size_t j = bg.end; j < s->nt && j < bg.end + 3 && !recip; j++)
            recip = vg_gram_at(s, j, VG_G_RECIP) != 0;
        if (src >= 0 && recip && !bg.passive) {
            rc = emit_reciprocal(s, sentence, i, best, code, src);
            continue;
        }
        if (src >= 0 && tgt < 0 && (!strcmp(code, "0871") || !strcmp(code, "0356")) && alone(s, src)) {
            int other = truce_party(s, src, i);
            if (other >= 0) /* that one actor, not its coordination group */
                rc = emit(s, sentence, i, best, code, src, other, NULL, 0.5f);
            continue;
        }
        if (src >= 0 && tgt < 0 && reciprocal(code) && !bg.passive && best->verb && !partner_slot(lx, best)) {
            /* « X et Y se sont affrontés », "X and Y signed a deal": each acts on the other */
            rc = emit_reciprocal(s, sentence, i, best, code, src);
            continue;
        }
        if (src >= 0 && tgt < 0 && best->owngov[0]) {
            /* target=ROLE: an act against one's own state (« boycotter les élections »); not for an
            ** organisation, whose first block is no country */
            char sc[16], own[8];
            anaphor(s, src);
            code_of(s, src, sc);
            if (strlen(sc) >= 3 && !vg_role_find(sc, 3) && strncmp(sc + 3, best->owngov, 3)) {
                memcpy(own, sc, 3);
                memcpy(own + 3, best->owngov, 4);
                remember_subject(s, src);
                rc = emit(s, sentence, i, best, code, src, -1, own, 0.5f);
            }
            continue;
        }
        if (src < 0 || tgt < 0)
            continue;
        anaphor(s, src);
        if (!bg.passive)
            remember_subject(s, src);
        float conf = 0.5f + 0.1f * (float)(bm.score > 4 ? 4 : bm.score);
        if (NP(s, src)->kind == NP_PRONOUN || NP(s, src)->needs_country || NP(s, tgt)->needs_country)
            conf -= 0.2f;
        rc = emit_groups(s, sentence, i, best, code, src, tgt, conf > 0.95f ? 0.95f : conf);
        if (rc == VG_OK && best->backcode[0] && code == best->code) /* arrive in X: X receives */
            rc = emit_groups(s, sentence, i, best, best->backcode, tgt, src, conf > 0.95f ? 0.95f : conf);
    }
    return rc;
}
