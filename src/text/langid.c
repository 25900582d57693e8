/* langid.c — one language per document: fr, en, or other (docs/text.md §3).
** CLD2 knows 80+ languages, so it is what says "this is Spanish, skip it"; but it is unreliable on
** a title or a single sentence, where counting each language's function words is the better judge
** between French and English. Reads at most VG_LANGID_BYTES. */
#include <string.h>

#include "text.h"
#include "unicode.h"

/* Valid UTF-8 prefix of s[0..n) cut at a character boundary, at most max bytes. */
static size_t clean_prefix(const char *s, size_t n, size_t max)
{
    size_t i = 0, l;
    if (n > max)
        n = max;
    while (i < n) {
        if (vg_utf8_decode((const unsigned char *)s + i, n - i, &l) == VG_CP_BAD)
            break;
        i += l;
    }
    return i;
}

static void count_function_words(const vg_langdata *fr, const vg_langdata *en, const char *s,
                                 size_t n, int *nfr, int *nen, int *nwords)
{
    const unsigned char *u = (const unsigned char *)s;
    char key[64];
    size_t i = 0, l;
    *nfr = *nen = *nwords = 0;
    while (i < n) {
        uint32_t c = vg_utf8_decode(u + i, n - i, &l);
        if (vg_cp_class(c) != VG_CL_LETTER) {
            i += l;
            continue;
        }
        size_t a = i;
        while (i < n && vg_cp_class(c = vg_utf8_decode(u + i, n - i, &l)) == VG_CL_LETTER)
            i += l;
        ++*nwords;
        if (i - a >= sizeof key)
            continue;
        size_t k = vg_fold(s + a, i - a, key, sizeof key);
        if (k >= sizeof key)
            continue; /* folding can lengthen a word (ligatures, compatibility forms) */
        *nfr += vg_strset_has(fr->funcwords, key, k);
        *nen += vg_strset_has(en->funcwords, key, k);
    }
}

/* Languages whose function words overlap ours: CLD2's verdict on them stands. */
static const char *const romance[] = { "es", "it", "pt", "ca", "gl", "ro", "oc", "la", "co", NULL };
static const char *const germanic[] = { "nl", "de", "da", "sv", "no", "nb", "nn", "af", "fy", "sco", "lb", NULL };

vg_lang vg_langid(const vg_langdata *fr, const vg_langdata *en, const char *s, size_t n, char code[8])
{
    size_t m = clean_prefix(s, n, VG_LANGID_BYTES);
    int reliable = 0;
    vg_cld2_detect(s, m, code, &reliable);
    if (reliable && !strcmp(code, "fr"))
        return VG_LANG_FR;
    if (reliable && !strcmp(code, "en"))
        return VG_LANG_EN;
    int nfr, nen, nw;
    count_function_words(fr, en, s, m, &nfr, &nen, &nw);
    if (reliable) {
        /* CLD2 judges a short passage full of proper names by the names ("Kenya, Uganda and
        ** Tanzania signed a pact with Rwanda" reads as Kinyarwanda). Where one of our languages
        ** is plain from its function words (a fifth of the words, a quarter in French, and twice the other's), the
        ** passage is that language; Spanish or Italian, which share « de », « la », « en » with
        ** French, can reach that share: a language close to the one the words suggest stays. */
        if (m < VG_LANGID_SHORT && nen >= 2 && 5 * nen >= nw && nen >= 2 * nfr && !vg_str_in(code, germanic)) {
            strcpy(code, "en");
            return VG_LANG_EN;
        }
        if (m < VG_LANGID_SHORT && nfr >= 3 && 4 * nfr >= nw && nfr >= 2 * nen && !vg_str_in(code, romance)) {
            strcpy(code, "fr");
            return VG_LANG_FR;
        }
        return VG_LANG_OTHER;
    }
    if (nfr > nen) {
        strcpy(code, "fr");
        return VG_LANG_FR;
    }
    if (nen > nfr) {
        strcpy(code, "en");
        return VG_LANG_EN;
    }
    /* no evidence either way: CLD2's unreliable guess, if it is one of ours */
    if (!strcmp(code, "fr"))
        return VG_LANG_FR;
    if (!strcmp(code, "en"))
        return VG_LANG_EN;
    if (!strcmp(code, "un"))
        strcpy(code, "und");
    return VG_LANG_OTHER;
}
