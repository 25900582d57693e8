/* syntax_int.h — the inside of the clause layer, shared by its files: the compiled grammar
** (grammar.c) and the per-sentence parse state (chunk.c, clause.c). */
#ifndef VG_SYNTAX_INT_H
#define VG_SYNTAX_INT_H

#include "dict.h"
#include "syntax.h"

/* word classes of syntax.txt (bits of wcls[]) */
enum {
    W_DET, W_DETPREP, W_PREP, W_PRONSUBJ, W_PRONOBJ, W_REFL, W_PRON, W_REL, W_COMPL, W_SUB, W_SUBQUE, W_COORD,
    W_NEG, W_ADV, W_INF, W_BY, W_GERUND, W_ADJPRE, W_TIME, W_POSS, W_MODAL, W_OF, W_TITLE, W_PLURAL, W_COORDQUE, W_LIGHT, W_NOUN, W_NCLASS
};
/* verb classes of syntax.txt (bits of fcls[]), given by lemma */
enum { V_BE, V_HAVE, V_DO, V_GET, V_ETRE, V_CTRLOBJ, V_SPEECH, V_IMPERS, V_ATTR, V_CLAUSE, V_NCLASS };

struct vg_syngram {
    const vg_mem *mem;
    int fr;
    vg_strset *keys;   /* every word of a class and every verb form of the lexicon: one lookup a token */
    uint32_t *wcls;    /* [id] -> bit set of W_* */
    uint16_t *ffeat;   /* [id] -> VG_VF_* of every reading, 0 for no verb form */
    uint16_t *fcls;    /* [id] -> bit set of V_* */
    size_t cap;        /* of the three arrays */
};

/* What the parser knows of one token. */
typedef struct {
    uint32_t wc;     /* W_* bits */
    uint16_t vf;     /* VG_VF_* bits, 0: no verb form */
    uint16_t vc;     /* V_* bits */
    uint8_t tag;     /* vg_stag */
    uint8_t cap;     /* capitalised word (not the sentence's first) */
    uint8_t fin;     /* a verb read as finite */
    uint8_t skip;    /* dateline, parenthesis: outside the clause structure */
    int32_t chunk;
    int32_t clause;
    int32_t vg;      /* the verb group the token is in, -1 */
} stok;

struct vg_syntax {
    const vg_mem *mem;
    const vg_syngram *g;
    const char *text;
    const vg_token *t;
    size_t nt;
    stok *k;           /* [VG_MAX_SENT_TOKENS] */
    vg_chunk *ch;      /* chunks, at most one a token */
    size_t nch;
    vg_vgroup *v;      /* verb groups */
    size_t nv;
    vg_oblique *obl;   /* obliques of all verb groups */
    size_t nobl;
};

static inline int wis(const struct vg_syntax *s, size_t i, int c) { return i < s->nt && (s->k[i].wc >> c & 1); }
static inline int vis(const struct vg_syntax *s, size_t i, int c) { return i < s->nt && (s->k[i].vc >> c & 1); }
static inline int tis(const struct vg_syntax *s, size_t i, int tag) { return i < s->nt && s->k[i].tag == tag; }

/* chunk.c: tags and chunks (the left-to-right pass); clause.c: clauses and relations. */
void vg_syn_chunks(struct vg_syntax *s);
void vg_syn_clauses(struct vg_syntax *s);

#endif
