/* coder.h — the event coder's internal interface: per-sentence token facts, actor noun phrases,
** trigger matches, dates. The public face is vg_code() and vg_event in include/vigie.h.
**
** The coder is shallow on purpose: no parse tree, but the facts a parser would give that matter for
** who-did-what-to-whom — noun phrases that name actors, the verb group with its voice, tense,
** negation and mood, clause boundaries, the subject on the left (or after an inverted speech verb),
** the object on the right — computed with the function-word classes of data/text/<lang>/grammar.txt.
** docs/coder.md explains each rule and its limits. */
#ifndef VG_CODER_H
#define VG_CODER_H

#include "dict.h"
#include "syntax.h"
#include "text.h"

/* What the coder knows of one token. */
typedef struct {
    uint32_t w;           /* base word id in the lexicon, 0 if none */
    const vg_vform *vf;   /* verb forms, or NULL */
    uint16_t nvf;
    int16_t np;           /* index of the noun phrase covering it, -1 */
    uint8_t skip;         /* part of a time expression: patterns read through it */
    uint16_t fmask;       /* the verb features the surface allows: keys drop accents, and « proposé »
                          ** (participle) and « propose » (present) share one */
} ctok;

enum { /* noun phrase kinds, by what names the actor */
    NP_PERSON, /* a person or organisation from actors.txt */
    NP_SEAT,   /* Kremlin, White House */
    NP_AGENT,  /* a role noun, with or without a country */
    NP_COUNTRY,/* a country name or adjective alone */
    NP_PEOPLE, /* the inhabitants */
    NP_CAPITAL,/* a capital: the government, unless it is a place */
    NP_PRONOUN /* il, she: resolved to an earlier actor */
};

typedef struct {
    uint32_t a, b;        /* tokens [a, b) */
    char code[16];        /* the resolved actor code; "" when unresolved */
    uint8_t kind;
    uint8_t place;        /* after a locative preposition, or a city: a place, not an actor */
    uint8_t loc;          /* the place was introduced by a locative preposition (à, en, in, near) */
    uint8_t attrib;       /* inside "selon X" / "according to X" */
    uint8_t needs_country;/* an agent whose country must come from context */
    char role[4];         /* the agent's role (GOV, MIL…) when it has one */
    char country[4];      /* the country code it carries, "" if none */
    int16_t group;        /* coordination: NPs with the same group act together */
    uint32_t head_ph;     /* the dictionary phrase that named it (evidence) */
    float lat, lon;
    uint8_t has_coord;
} np_t;

/* A date found in a sentence: the day and the tokens that gave it. */
typedef struct {
    int32_t day;
    int32_t ahead;        /* a bare weekday: the same weekday on or after publication, which a
                          ** future or an announced act takes (« se rendra vendredi à Paris »);
                          ** VG_DAY_MIN otherwise */
    uint32_t a, b;
} when_t;

/* Per-document coder state, kept in the doc and reused. */
typedef struct vg_coder {
    ctok *ct;
    size_t capct;
    np_t *np;
    size_t nnp, capnp;
    when_t *when;
    size_t nwhen, capwhen;
    vg_event *ev;
    size_t nev, capev;
    vg_buf strs;          /* event strings: codes, dates, rules; offsets fixed at the end */
    /* discourse, across sentences */
    char last_subject[16];
    char last_person[16];
    char last_mention[16]; /* the last actor named, even as a source (« selon l'armée »): celle-ci */
    char last_country[4];
    char first_country[4];
    int32_t doc_day;      /* publication date, VG_DAY_MIN if unknown */
    char place_code[32][4]; /* countries of the places named so far, and how often */
    int place_n[32];
    int nplaces;
    uint8_t discard;      /* discards.txt phrases seen: 1 in this sentence, 2 in the document */
    /* people named in full so far in the document, by the last word of their name: "Mr Kim" or
    ** "Iwaya" alone later means them (0 in seen_ph: two people share the word) */
    uint32_t seen_last[32], seen_ph[32];
    int nseen;
    vg_syntax *syn;       /* the clause layer's parse of the current sentence (src/syntax/) */
} vg_coder;

typedef struct {
    const vg_lexicon *lx;
    const vg_token *t;     /* the sentence's tokens */
    size_t nt;
    const char *text;
    ctok *ct;
    vg_coder *c;
    int fr;
    int future;            /* the act being emitted is announced, not done: dates look ahead */
    const vg_syntax *syn;  /* the sentence's clauses, subjects and objects, once parsed; see sent_syn */
    vg_syntax *syn_state;  /* where to parse it, and with which grammar (NULL: no clause layer) */
    const struct vg_syngram *sg;
} sent_t;

/* The sentence's parse by the clause layer, made on first use (most sentences name no trigger and
** are never parsed), or NULL without a grammar. */
const vg_syntax *vg_sent_syn(const sent_t *s);

/* The clause layer's grammar for a language, from the layer above that owns it (the engine loads
** it on first use): VG_OK with *out NULL when there is none. */
typedef vg_status (*vg_syngram_fn)(void *ctx, vg_lang l, const struct vg_syngram **out);

/* coder.c: analyse text into d (vg_doc_analyze), then code its events with the dictionaries lex
** ([0] French, [1] English; NULL when none were opened: VG_EMISUSE) and the clause layer's grammar
** from get_syn(ctx, lang) (NULL: no clause layer). vg_code() in src/engine/. */
vg_status vg_coder_run(vg_doc *d, const vg_lexicon *lex, vg_syngram_fn get_syn, void *ctx, const char *text,
                       size_t len, const vg_docinfo *info);

/* np.c: dictionary phrases → noun phrases (with places and coordination). */
vg_status vg_np_find(sent_t *s);
/* The actor code of an NP at day (persons' dated roles), in out[16]. */
void vg_np_resolve(const sent_t *s, np_t *np, int32_t day);

/* match.c: triggers → events appended to c->ev. */
vg_status vg_match_sentence(sent_t *s, size_t sentence);

/* when.c: date expressions of the sentence, resolved against c->doc_day. */
vg_status vg_when_find(sent_t *s);

/* Token helpers shared by np.c and match.c. */
static inline int tok_is(const sent_t *s, size_t i, vg_gclass c)
{
    if (i >= s->nt || !vg_lex_is(s->lx, s->ct[i].w, c))
        return 0;
    /* keys drop accents, and French « à » (a place, a recipient) folds onto « a » (has): the
    ** locative needs its accent */
    if (c == VG_G_LOC && s->fr && s->t[i].keylen == 1 && s->t[i].key[0] == 'a')
        return (unsigned char)s->text[s->t[i].start] == 0xC3;
    return 1;
}
static inline char tok_c0(const sent_t *s, size_t i)
{
    return i < s->nt ? s->text[s->t[i].start] : 0;
}
/* Does a grammar phrase of class c (several words) start at token i? Returns its length or 0. */
size_t vg_gram_at(const sent_t *s, size_t i, vg_gclass c);
/* Is token i a form of the auxiliary être/be (etre) or avoir/have (avoir)? */
int vg_tok_aux(const sent_t *s, size_t i, int etre);
/* Is token i a form of a lemma in grammar class c (speech, modal, motion)? */
int vg_tok_lemma_in(const sent_t *s, size_t i, vg_gclass c);

#endif
