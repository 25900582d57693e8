/* text.h — the text pipeline's internal interface: language data, tokenizer, segmenter, langid.
** The public face of all this is vg_doc in include/vigie.h. */
#ifndef VG_TEXT_H
#define VG_TEXT_H

#include "core.h"

/* The word lists of one language, loaded from data/text/<lang>/ (docs/text.md). Keys are folded,
** except abbreviations and openers, which are matched on the text as written (case matters). */
typedef struct vg_langdata_s {
    vg_strset *abbrev;     /* abbrev.txt: words that keep their period and never end a sentence */
    vg_strset *abbrev_end; /* abbrev.txt entries marked '*': may end one before an opener */
    vg_strset *openers;    /* openers.txt: sentence openers */
    vg_strset *compounds;  /* compounds.txt: words never split (folded) */
    vg_strset *elision;    /* elision.txt: l' d' qu' … (folded) */
    vg_strset *clitics;    /* clitics.txt: -il -elle … or 's n't … (folded) */
    vg_strset *funcwords;  /* function-words.txt (folded) */
} vg_langdata;

vg_status vg_langdata_load(vg_langdata *ld, const vg_mem *mem, const char *dir, const char *lang,
                           char *err, size_t errcap);
void vg_langdata_free(vg_langdata *ld);

typedef struct {
    vg_token *v;
    size_t n, cap;
    size_t max_bytes; /* tokens and keys past this: VG_ELIMIT (limits.h VG_DOC_MEM_RATIO); 0: no bound */
} vg_tokvec;

typedef struct {
    vg_sentence *v;
    size_t n, cap;
    size_t max; /* sentences past this: VG_ELIMIT; 0: no bound */
} vg_sentvec;

/* Tokenize s[0..n) with the rules of language ld (NULL: no language-specific splits). Appends to
** toks; keys go to keys (token key fields are offsets into keys until vg_tok_fix_keys()). Counts
** ill-formed bytes into *invalid. */
vg_status vg_tokenize(const vg_mem *mem, const vg_langdata *ld, const char *s, size_t n,
                      vg_tokvec *toks, vg_buf *keys, size_t *invalid);
void vg_tok_fix_keys(vg_tokvec *toks, const vg_buf *keys);

/* Group tokens into sentences (docs/text.md §4). *ncut counts units cut at VG_MAX_SENT_TOKENS. */
vg_status vg_segment(const vg_mem *mem, const vg_langdata *ld, const char *s, size_t n,
                     const vg_token *t, size_t nt, vg_sentvec *out, size_t *ncut);

/* Language of s[0..n): VG_LANG_FR, VG_LANG_EN, or VG_LANG_OTHER with an ISO code in code[8]. */
vg_lang vg_langid(const vg_langdata *fr, const vg_langdata *en, const char *s, size_t n, char code[8]);

/* CLD2, behind a C shim (langid_cld2.cc): ISO code of the language and whether CLD2 is sure. */
int vg_cld2_detect(const char *s, size_t n, char code[8], int *reliable);

#endif
