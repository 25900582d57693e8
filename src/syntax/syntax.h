/* syntax.h — the clause layer: chunks, clauses and the relations between them, for one sentence at
** a time, between the text pipeline (src/text/: tokens, sentences) and the coder (src/coder/:
** patterns). Internal to libvigie. docs/coder.md, "The clause layer", says what it finds and how.
**
** It is shallow and linear: one left-to-right pass tags tokens and cuts chunks (noun groups, verb
** groups, prepositional groups), then a linking pass gives each verb group its clause kind, its
** subject, object and obliques, walking a bounded number of tokens left and right and jumping over
** the clauses, incises and groups that stand between a verb and its arguments. It never calls the
** coder. Its grammar is data: word and verb classes of data/text/<lang>/syntax.txt, and the verb
** forms of every verb of the Verbiste (French) and WordNet (English) lexicons.
**
** Usage:
**   vg_syngram *g;  vg_syngram_load(&g, mem, data_dir, "fr", err, sizeof err);   (engine-owned)
**   vg_syntax *s;   vg_syntax_new(mem, &s);                                      (per doc/thread)
**   vg_syntax_parse(s, g, text, toks + sent->tok, sent->ntok);
**   for (size_t v = 0; v < vg_syn_nverbs(s); v++) { const vg_vgroup *g = vg_syn_verb(s, v); ... }
**   int32_t subj = vg_syn_subject(s, verb_tok);   (sentence token index, -1 when none)
** Token indexes are relative to the sentence (0 .. ntok-1). Results are owned by s and valid until
** the next vg_syntax_parse() on it. */
#ifndef VG_SYNTAX_H
#define VG_SYNTAX_H

#include "core.h"

/* The compiled grammar of one language: read-only after load, shared by threads. */
typedef struct vg_syngram vg_syngram;

/* CONSTRUCTOR. Reads data_dir/text/<lang>/syntax.txt and the verb lexicon of lang (Verbiste for
** "fr", WordNet's verb index and irregular forms for "en"). VG_EDICT with a reason in err. */
vg_status vg_syngram_load(vg_syngram **out, const vg_mem *mem, const char *data_dir, const char *lang, char *err,
                          size_t errcap);
/* DESTRUCTOR. NULL is a harmless no-op. */
void vg_syngram_free(vg_syngram *g);

/* Per-document parse state: buffers sized once for VG_MAX_SENT_TOKENS, reused for every sentence. */
typedef struct vg_syntax vg_syntax;
vg_status vg_syntax_new(const vg_mem *mem, vg_syntax **out);
void vg_syntax_free(vg_syntax *s); /* NULL: no-op */

/* METHOD. Parse one sentence: tokens t[0..nt) of text (nt <= VG_MAX_SENT_TOKENS). Linear in nt. */
vg_status vg_syntax_parse(vg_syntax *s, const vg_syngram *g, const char *text, const vg_token *t, size_t nt);

/* ---- results ---- */

typedef enum {
    VG_CH_NONE = 0,
    VG_CH_NG,      /* noun group: determiners, adjectives, nouns, names, a pronoun */
    VG_CH_VG,      /* verb group: negation, clitics, auxiliaries, adverbs, the main verb */
    VG_CH_PG,      /* prepositional group: the preposition and its noun group */
    VG_CH_DATELINE /* "PARIS (AFP) -": never a subject */
} vg_chkind;

typedef struct {
    uint8_t kind;    /* vg_chkind */
    uint32_t a, b;   /* tokens [a, b) */
    int32_t head;    /* head token: the noun of a group, the main verb of a verb group */
    int32_t prep;    /* VG_CH_PG: the preposition's token; else -1 */
    int32_t appos;   /* VG_CH_NG: the head of the noun group in apposition after it (« X, président
                     ** de Y, ») or -1 */
    int32_t conj;    /* the head of the next noun group coordinated with it (X et Y, A, B and C), -1 */
} vg_chunk;

typedef enum {
    VG_CL_MAIN = 0,
    VG_CL_REL,     /* relative: qui, que, dont, who, which, that after a noun group (ante) */
    VG_CL_PART,    /* participial: ", accusing X of", « , accusant X de »; a participle after a noun */
    VG_CL_GER,     /* gerund: « en accusant » */
    VG_CL_INF,     /* infinitival, governed by a verb (gov): « de partir », "to leave" */
    VG_CL_COMPL,   /* reported / complement: que, that, whether after a verb */
    VG_CL_ADV      /* adverbial: quand, lorsque, alors que, when, after, because… */
} vg_clkind;

typedef enum {
    VG_SUBJ_NONE = 0,
    VG_SUBJ_OWN,   /* a noun group or pronoun of its own clause (a relative pronoun included) */
    VG_SUBJ_INV,   /* inverted after the verb: -t-il, « a déclaré le ministre » */
    VG_SUBJ_SHARED,/* coordinated verbs share it: "X attacked and killed Y" */
    VG_SUBJ_CTRL   /* participial or infinitival clause: the controller's (see ctrl) */
} vg_subjhow;

typedef struct {
    int32_t tok;     /* head of the oblique's noun group */
    int32_t prep;    /* its preposition */
    uint8_t agent;   /* par / by after a passive verb */
} vg_oblique;

/* A verb group and the clause it heads. */
typedef struct {
    uint32_t a, b;     /* tokens [a, b) of the verb group */
    int32_t head;      /* the main verb (the copula when it has no other verb) */
    uint8_t kind;      /* vg_clkind */
    uint8_t passive;   /* être/be + past participle (not « est arrivé »): subj is nsubj:pass */
    uint8_t finite;    /* a finite verb (or auxiliary) heads it */
    uint8_t neg;       /* negation inside the group */
    uint8_t subj_how;  /* vg_subjhow */
    int32_t subj;      /* head token of the subject as written (a relative pronoun stays itself;
                       ** with SHARED or CTRL, the subject it takes from elsewhere) or -1 */
    int32_t obj;       /* head token of the direct object (a clitic, a relative « que »), -1 */
    int32_t pred;      /* copula: the predicate's head (UD makes it the clause's head), -1 */
    int32_t ante;      /* relative: the head of the antecedent noun group, -1 */
    int32_t ctrl;      /* participial / infinitival: the controller's head token (the main clause's
                       ** subject, or the governing verb's object under object control), -1 */
    int32_t gov;       /* the verb group governing this clause (infinitive, complement, relative's
                       ** verb…), index into the verb groups, -1 for a main clause */
    int32_t coord;     /* the verb group this one is coordinated with (it shares its subject), -1 */
    int32_t cstart;    /* first token of the clause (its opener: qui, que, to, de, the comma…) */
    uint32_t obl, nobl;/* obliques: [obl, obl + nobl) of vg_syn_obliques_all() */
} vg_vgroup;

size_t vg_syn_nchunks(const vg_syntax *s);
const vg_chunk *vg_syn_chunk(const vg_syntax *s, size_t i);
size_t vg_syn_nverbs(const vg_syntax *s);
const vg_vgroup *vg_syn_verb(const vg_syntax *s, size_t i);
/* The chunk covering token tok, -1 if none. */
int32_t vg_syn_tok_chunk(const vg_syntax *s, uint32_t tok);
/* The clause (verb group index) token tok belongs to, -1 before any verb of a verbless sentence. */
int32_t vg_syn_tok_clause(const vg_syntax *s, uint32_t tok);
/* The verb group whose main verb (or any token) is tok, -1 if tok is in no verb group. */
int32_t vg_syn_verb_at(const vg_syntax *s, uint32_t tok);

/* Cheap accessors for the coder, by any token of a verb group (-1 / VG_CL_MAIN when tok is none):
** the subject that acts — a relative pronoun gives its antecedent, a participial or infinitival
** clause its controller, a coordinated verb the first verb's subject, recursively; */
int32_t vg_syn_subject(const vg_syntax *s, uint32_t verb_tok);
int32_t vg_syn_object(const vg_syntax *s, uint32_t verb_tok);
int vg_syn_clause_kind(const vg_syntax *s, uint32_t verb_tok);
int vg_syn_passive(const vg_syntax *s, uint32_t verb_tok);
/* The obliques of the verb group at verb_tok, *n of them (NULL and 0 if none). */
const vg_oblique *vg_syn_obliques(const vg_syntax *s, uint32_t verb_tok, size_t *n);

/* A tag for each token, as the chunker read it (for debugging output and the eval). */
typedef enum {
    VG_ST_X = 0, VG_ST_DET, VG_ST_NOUN, VG_ST_PROPN, VG_ST_PRON, VG_ST_CLITIC, VG_ST_VERB, VG_ST_AUX,
    VG_ST_NEG, VG_ST_ADV, VG_ST_PREP, VG_ST_INF, VG_ST_REL, VG_ST_COMPL, VG_ST_SUB, VG_ST_COORD,
    VG_ST_PUNCT, VG_ST_NUM
} vg_stag;
int vg_syn_tag(const vg_syntax *s, uint32_t tok);
const char *vg_syn_tag_name(int tag);
const char *vg_syn_clause_name(int kind);

#endif
