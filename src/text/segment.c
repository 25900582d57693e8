/* segment.c — group a document's tokens into sentences, keeping byte offsets into the original.
** Rule-based, not statistical (docs/text.md §4): paragraphs and lines first, then terminal
** punctuation followed by a sentence start, with abbreviations, initials and dotted acronyms from the
** tokenizer, and quotations that hold their sentences together. The word lists come from
** data/text/<lang>/ so users can add theirs without a rebuild.
** Not here: quotations that span paragraphs (each paragraph is cut on its own). */
#include <string.h>

#include "text.h"
#include "unicode.h"

typedef struct {
    const char *s;
    size_t n;
    const vg_token *t;
    size_t nt;
    const vg_langdata *ld;
} sg;

static uint32_t first_cp(const sg *g, const vg_token *k)
{
    size_t l;
    return vg_utf8_decode((const unsigned char *)g->s + k->start, k->end - k->start, &l);
}

/* Newlines in the gap between tokens i and i+1 (2 means a blank line: a paragraph break). */
static int newlines(const sg *g, size_t i)
{
    int nl = 0;
    size_t a = g->t[i].end, b = i + 1 < g->nt ? g->t[i + 1].start : g->n;
    for (size_t p = a; p < b; p++) {
        char c = g->s[p];
        if ((c == '\n' || (c == '\r' && (p + 1 >= b || g->s[p + 1] != '\n'))) && ++nl >= 2)
            return 2;
    }
    return nl;
}

static int is_terminal(const sg *g, const vg_token *k)
{
    if (k->kind != VG_TOK_PUNCT)
        return 0;
    unsigned char c = (unsigned char)g->s[k->start];
    return c == '.' || c == '!' || c == '?' || first_cp(g, k) == 0x2026;
}

/* Quote marks: +1 opens, -1 closes, 0 neither. A straight " opens when white space (or the start,
** or an opening bracket) is on its left and none on its right; otherwise it closes. */
static int quote_dir(const sg *g, size_t i)
{
    const vg_token *k = &g->t[i];
    if (k->kind != VG_TOK_PUNCT)
        return 0;
    switch (first_cp(g, k)) {
    case 0x00AB: case 0x201C: case 0x201E: return 1;
    case 0x00BB: case 0x201D: return -1;
    case '"': {
        int left = i == 0 || (k->flags & VG_TOKF_SPACE) || g->s[g->t[i - 1].start] == '(' ||
                   g->s[g->t[i - 1].start] == '[';
        int right = i + 1 < g->nt && !(g->t[i + 1].flags & VG_TOKF_SPACE);
        return left && right ? 1 : -1;
    }
    }
    return 0;
}

/* A closing quote or bracket that stays with the sentence before it. French sets a no-break space
** before », so closing quotes may follow white space; brackets and ' may not. */
static int is_closer(const sg *g, size_t i)
{
    const vg_token *k = &g->t[i];
    if (k->kind != VG_TOK_PUNCT)
        return 0;
    if (quote_dir(g, i) < 0)
        return 1;
    unsigned char c = (unsigned char)g->s[k->start];
    return !(k->flags & VG_TOKF_SPACE) && (c == ')' || c == ']' || c == '\'' || first_cp(g, k) == 0x2019);
}

/* Can token k begin a sentence? */
static int starts_sentence(const sg *g, const vg_token *k)
{
    uint32_t c = first_cp(g, k);
    if (k->kind == VG_TOK_NUM || k->kind == VG_TOK_DATE)
        return 1;
    if (k->kind == VG_TOK_WORD)
        return vg_cp_isupper(c);
    if (k->kind == VG_TOK_PUNCT)
        return c == 0x00AB || c == 0x201C || c == 0x201E || c == '"' || c == '(' || c == '[' ||
               c == 0x2013 || c == 0x2014 || c == '-' || c == 0x2018 || c == 0x00BF || c == 0x00A1;
    return 0;
}

static int is_opener(const sg *g, const vg_token *k)
{
    return k->kind == VG_TOK_WORD && g->ld &&
           vg_strset_has(g->ld->openers, g->s + k->start, k->end - k->start);
}

/* An abbreviation that may end a sentence: a dotted acronym (U.S.) or one marked '*' (etc.). */
static int abbrev_can_end(const sg *g, const vg_token *k)
{
    if (!(k->flags & VG_TOKF_ABBREV))
        return 0;
    size_t n = k->end - k->start - 1; /* without its period */
    if (memchr(g->s + k->start, '.', n))
        return 1;
    return g->ld && vg_strset_has(g->ld->abbrev_end, g->s + k->start, n);
}

/* Length in bytes of the line that token i ends, up to its end. */
static size_t line_len(const sg *g, size_t i)
{
    size_t e = g->t[i].end, b = e;
    while (b > 0 && g->s[b - 1] != '\n')
        b--;
    return e - b;
}

/* A single line break is a sentence boundary unless the paragraph was hard-wrapped. */
static int line_break_ends(const sg *g, size_t i)
{
    const vg_token *k = &g->t[i], *nx = &g->t[i + 1];
    if (line_len(g, i) < 40)
        return 1;
    if (k->kind == VG_TOK_PUNCT) {
        unsigned char c = (unsigned char)g->s[k->start];
        uint32_t cp = first_cp(g, k);
        if (c == '.' || c == '!' || c == '?' || c == ':' || c == '"' || cp == 0x2026 ||
            cp == 0x00BB || cp == 0x201D)
            return 1;
    }
    uint32_t c = first_cp(g, nx);
    return !(vg_cp_islower(c) || (c >= '0' && c <= '9'));
}

/* Index of the token closing the quotation opened at i, if it closes within the paragraph and
** VG_MAX_QUOTE_BYTES; else 0. */
static size_t quote_end(const sg *g, size_t i)
{
    uint32_t open = first_cp(g, &g->t[i]);
    for (size_t j = i + 1; j < g->nt; j++) {
        if (g->t[j].end - g->t[i].start > VG_MAX_QUOTE_BYTES || newlines(g, j - 1) >= 2)
            return 0;
        if (quote_dir(g, j) < 0 || (open == '"' && first_cp(g, &g->t[j]) == '"'))
            return j;
        if (quote_dir(g, j) > 0 && first_cp(g, &g->t[j]) == open && open != '"')
            return 0; /* a second opening before any close: unbalanced */
    }
    return 0;
}

static vg_status push(const vg_mem *mem, vg_sentvec *out, const sg *g, size_t a, size_t b)
{
    vg_status rc;
    if (out->max && out->n >= out->max)
        return VG_ELIMIT; /* the document's bound (limits.h) */
    if (out->n == out->cap &&
        (rc = vg_grow(mem, (void **)&out->v, &out->cap, out->n + 1, sizeof(vg_sentence))) != VG_OK)
        return rc;
    vg_sentence *s = &out->v[out->n++];
    s->start = g->t[a].start;
    s->end = g->t[b].end;
    s->tok = a;
    s->ntok = b - a + 1;
    return VG_OK;
}

vg_status vg_segment(const vg_mem *mem, const vg_langdata *ld, const char *s, size_t n,
                     const vg_token *t, size_t nt, vg_sentvec *out, size_t *ncut)
{
    sg g = { s, n, t, nt, ld };
    vg_status rc = VG_OK;
    size_t start = 0, quote_until = 0; /* terminal punctuation before token quote_until is held */
    for (size_t i = 0; i < nt && rc == VG_OK; i++) {
        if (i >= quote_until && quote_dir(&g, i) > 0) {
            size_t e = quote_end(&g, i);
            if (e)
                quote_until = e;
        }
        size_t last = i; /* the sentence, if it ends here, ends with token last */
        int end = 0;
        if (i + 1 >= nt) {
            end = 1;
        } else {
            int nl = newlines(&g, i);
            if (nl >= 2 || (nl == 1 && line_break_ends(&g, i))) {
                end = 1;
                quote_until = 0;
            } else if (is_terminal(&g, &t[i]) || abbrev_can_end(&g, &t[i])) {
                size_t j = i + 1;
                while (j < nt && is_closer(&g, j) && newlines(&g, j - 1) == 0)
                    j++;
                int held = i + 1 < quote_until && j == i + 1; /* inside a quotation, not at its end */
                if (j < nt && j > i + 1 && newlines(&g, j - 1) >= 1)
                    ; /* closers then a line break: the break rule decides on the closer */
                else if (!held && j < nt && (t[j].flags & VG_TOKF_SPACE)) {
                    int ok = (t[i].flags & VG_TOKF_ABBREV) && !is_terminal(&g, &t[i])
                                 ? is_opener(&g, &t[j])
                                 : starts_sentence(&g, &t[j]);
                    if (ok) {
                        end = 1;
                        last = j - 1;
                    }
                }
            }
        }
        if (!end && i + 1 - start >= VG_MAX_SENT_TOKENS) {
            end = 1;
            (*ncut)++;
        }
        if (end) {
            if ((rc = push(mem, out, &g, start, last)) != VG_OK)
                break;
            i = last;
            start = last + 1;
            if (quote_until <= last)
                quote_until = 0;
        }
    }
    return rc;
}
