/* tokenize.c — split a document into tokens with byte offsets into the original and folded keys.
** The rules are those of docs/text.md §5. Language-specific behaviour (French elision and inverted
** clitics, English 's and n't) comes from the word lists of data/text/<lang>/, not from code: a
** language with no elision.txt simply splits nothing.
**
** Speed: one pass over the bytes, ASCII classified from a table, keys appended to one buffer that
** the doc keeps between documents; nothing is allocated per token. Not here: sentence boundaries
** (segment.c), which are decided over the tokens this file produces. */
#include <string.h>

#include "text.h"
#include "unicode.h"

typedef struct {
    const vg_mem *mem;
    const vg_langdata *ld;
    const unsigned char *s;
    size_t n;
    vg_tokvec *toks;
    vg_buf *keys;
    size_t *invalid;
    uint8_t space; /* white space seen before the next token */
} tk;

static inline uint32_t cp_at(const tk *t, size_t i, size_t *len)
{
    if (i >= t->n) {
        *len = 0;
        return 0;
    }
    if (t->s[i] < 0x80) {
        *len = 1;
        return t->s[i];
    }
    return vg_utf8_decode(t->s + i, t->n - i, len);
}

static inline vg_class cl_at(const tk *t, size_t i)
{
    size_t l;
    if (i >= t->n)
        return VG_CL_SPACE;
    return vg_class_of(cp_at(t, i, &l));
}

static inline int wordish(vg_class c) { return c == VG_CL_LETTER || c == VG_CL_DIGIT; }

/* Fold s[a..b) onto the key buffer; returns the key's length. Keys are capped at VG_MAX_KEY_BYTES. */
static vg_status put_key(tk *t, size_t a, size_t b, uint32_t *klen)
{
    vg_status rc;
    if (t->keys->cap - t->keys->n < (b - a) * 4 + VG_FOLD_MAX + 2 &&
        (rc = vg_buf_reserve(t->keys, (b - a) * 4 + VG_FOLD_MAX + 1)) != VG_OK)
        return rc;
    char *o = t->keys->p + t->keys->n, *o0 = o;
    size_t i = a, l;
    while (i < b) {
        while (i < b && t->s[i] < 0x80) { /* the common case: no decoding, no table */
            unsigned char c = t->s[i++];
            *o++ = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
        if (i >= b)
            break;
        uint32_t cp = vg_utf8_decode(t->s + i, b - i, &l);
        size_t need = (size_t)(o - o0) + VG_FOLD_MAX + 1;
        if (need > (b - a) * 4 + VG_FOLD_MAX + 1) { /* a long expansion (ligatures, compat forms) */
            size_t used = (size_t)(o - o0);
            if ((rc = vg_buf_reserve(t->keys, used + VG_FOLD_MAX * 2)) != VG_OK)
                return rc;
            o0 = t->keys->p + t->keys->n;
            o = o0 + used;
        }
        o += vg_fold_cp(cp, o);
        i += l;
    }
    size_t k = (size_t)(o - o0);
    if (k > VG_MAX_KEY_BYTES)
        k = VG_MAX_KEY_BYTES;
    o0[k] = 0;
    *klen = (uint32_t)k;
    return VG_OK;
}

static vg_status emit(tk *t, size_t a, size_t b, vg_tokkind kind, uint8_t flags)
{
    vg_status rc;
    if (t->toks->max_bytes && (t->toks->n + 1) * sizeof(vg_token) + t->keys->n > t->toks->max_bytes)
        return VG_ELIMIT; /* the document's bound (limits.h), checked before anything grows */
    if (t->toks->n == t->toks->cap &&
        (rc = vg_grow(t->mem, (void **)&t->toks->v, &t->toks->cap, t->toks->n + 1,
                      sizeof(vg_token))) != VG_OK)
        return rc;
    size_t koff = t->keys->n;
    uint32_t klen;
    if ((rc = put_key(t, a, b, &klen)) != VG_OK)
        return rc;
    t->keys->n += klen + 1;
    vg_token *k = &t->toks->v[t->toks->n++];
    k->start = a;
    k->end = b;
    k->key = (const char *)(uintptr_t)koff; /* an offset until vg_tok_fix_keys(): keys may move */
    k->keylen = klen;
    k->kind = (uint8_t)kind;
    if (kind == VG_TOK_WORD) {
        unsigned char b0 = t->s[a];
        size_t l;
        if (b0 < 0x80 ? (b0 >= 'A' && b0 <= 'Z') : vg_cp_isupper(cp_at(t, a, &l)))
            flags |= VG_TOKF_CAP;
    }
    k->flags = flags | t->space;
    t->space = 0;
    return VG_OK;
}

void vg_tok_fix_keys(vg_tokvec *toks, const vg_buf *keys)
{
    for (size_t i = 0; i < toks->n; i++)
        toks->v[i].key = keys->p + (uintptr_t)toks->v[i].key;
}

/* Is the folded text of s[a..b) in set? */
static bool in_set(const tk *t, const vg_strset *set, size_t a, size_t b)
{
    char key[VG_MAX_KEY_BYTES];
    if (!set || !vg_strset_count(set) || b - a >= sizeof key)
        return false;
    size_t k = vg_fold((const char *)t->s + a, b - a, key, sizeof key);
    return k < sizeof key && vg_strset_has(set, key, k);
}

/* ---- scanners: each returns the end of what it recognises at p, or p ---------------------------- */

/* U.S.  U.N.  J.-C.  e.g.  a.m. : two or more groups of one or two letters, each closed by a period. */
static size_t scan_dotted(const tk *t, size_t p)
{
    size_t q = p, groups = 0, l;
    for (;;) {
        size_t g = q, nl = 0;
        while (nl < 3 && vg_class_of(cp_at(t, g, &l)) == VG_CL_LETTER && l)
            g += l, nl++;
        if (nl == 0 || nl > 2 || g >= t->n || t->s[g] != '.')
            break;
        q = g + 1;
        groups++;
        if (q < t->n && t->s[q] == '-' && cl_at(t, q + 1) == VG_CL_LETTER)
            q++;
    }
    if (groups < 2 || wordish(cl_at(t, q)))
        return p;
    return q;
}

static size_t scan_url(const tk *t, size_t p)
{
    static const char *pre[] = { "https://", "http://", "www." };
    size_t q = p;
    for (size_t i = 0; i < 3; i++) {
        size_t k = strlen(pre[i]);
        if (t->n - p > k && !memcmp(t->s + p, pre[i], k) && cl_at(t, p + k) != VG_CL_SPACE) {
            q = p + k;
            break;
        }
    }
    if (q == p)
        return p;
    while (q < t->n && t->s[q] > ' ' && !strchr("\"<>«»", t->s[q]) &&
           !(t->s[q] >= 0x80 && cl_at(t, q) == VG_CL_SPACE))
        q++;
    while (q > p && strchr(".,;:!?)]'", t->s[q - 1])) /* sentence punctuation is not the URL's */
        q--;
    return q;
}

/* A run of letters and digits, with the inner joiners of docs/text.md §5. *joined tells whether a
** hyphen or apostrophe was taken in: only such words can hold an elision or a clitic. */
static size_t scan_word(const tk *t, size_t p, int numeric, int *joined)
{
    size_t q = p, l, l2;
    *joined = 0;
    for (;;) {
        while (q < t->n && t->s[q] < 0x80 &&
               (vg_ascii_class[t->s[q]] == VG_CL_LETTER || vg_ascii_class[t->s[q]] == VG_CL_DIGIT))
            q++; /* the common case, a byte at a time */
        uint32_t c = cp_at(t, q, &l);
        if (!l)
            break;
        vg_class k = vg_class_of(c);
        if (k == VG_CL_LETTER || k == VG_CL_DIGIT || k == VG_CL_MARK || k == VG_CL_IGNORE) {
            q += l;
            continue;
        }
        if (k == VG_CL_SPACE && !(numeric && vg_cp_isnbsp(c)))
            break;
        uint32_t nx = cp_at(t, q + l, &l2);
        vg_class nk = l2 ? vg_class_of(nx) : VG_CL_SPACE;
        if (vg_cp_ishyphen(c) && wordish(nk)) {
            q += l;
            *joined = 1;
            continue;
        }
        if (vg_cp_isapos(c) && !numeric && nk == VG_CL_LETTER && q > p) {
            q += l;
            *joined = 1;
            continue;
        }
        if (numeric && nk == VG_CL_DIGIT && (c == '.' || c == ',' || c == ':' || c == '/')) {
            q += l;
            continue;
        }
        /* 10 000: a no-break space before exactly three digits */
        if (numeric && vg_cp_isnbsp(c) && nk == VG_CL_DIGIT) {
            size_t d = q + l, nd = 0;
            while (d < t->n && t->s[d] >= '0' && t->s[d] <= '9')
                d++, nd++;
            if (nd == 3 && !wordish(cl_at(t, d))) {
                q = d;
                continue;
            }
        }
        break;
    }
    return q;
}

static int digits(const unsigned char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

/* 14/07/2016, 2016-07-15, 15.07.2016 */
static int is_date(const unsigned char *s, size_t n)
{
    if (n == 10 && s[4] == '-' && s[7] == '-')
        return digits(s, 4) && digits(s + 5, 2) && digits(s + 8, 2);
    for (size_t a = 1; a <= 2; a++) {
        if (n < a + 1 || (s[a] != '/' && s[a] != '.'))
            continue;
        for (size_t b = 1; b <= 2; b++) {
            size_t y = a + 1 + b;
            if (n <= y || s[y] != s[a] || (n - y - 1 != 2 && n - y - 1 != 4))
                continue;
            if (digits(s, a) && digits(s + a + 1, b) && digits(s + y + 1, n - y - 1))
                return 1;
        }
    }
    return 0;
}

static int ascii(const tk *t, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if (t->s[i] >= 0x80)
            return 0;
    return 1;
}

/* ---- words: elision, clitics, abbreviations --------------------------------------------------- */

/* Emit the word s[a..b) with its French elided prefixes and inverted clitics split off, or its
** English enclitic ('s, n't) split off, as the language's lists say. */
static vg_status emit_word(tk *t, size_t a, size_t b, int joined)
{
    const vg_langdata *ld = t->ld;
    vg_status rc;
    size_t l;
    if (joined && ld && !in_set(t, ld->compounds, a, b)) {
        /* elision: l’ d’ qu’ … (possibly repeated: qu’aujourd’hui keeps its second apostrophe) */
        while (vg_strset_count(ld->elision)) {
            size_t i = a;
            while (i < b && !vg_cp_isapos(cp_at(t, i, &l)))
                i += l;
            if (i >= b || i + l >= b || !in_set(t, ld->elision, a, i + l))
                break;
            if ((rc = emit(t, a, i + l, VG_TOK_WORD, VG_TOKF_ELIDED)) != VG_OK)
                return rc;
            a = i + l;
            if (in_set(t, ld->compounds, a, b))
                return emit(t, a, b, VG_TOK_WORD, 0);
        }
        /* clitics after the host, found from the end: -t-il -elle -moi ; 's n't */
        size_t cut[8], ncut = 0, e = b;
        while (ncut < 8 && vg_strset_count(ld->clitics)) {
            size_t h = e;
            while (h > a) { /* the last hyphen or apostrophe before e */
                size_t k = h - 1;
                while (k > a && (t->s[k] & 0xC0) == 0x80)
                    k--;
                uint32_t c = cp_at(t, k, &l);
                if (vg_cp_ishyphen(c) || vg_cp_isapos(c)) {
                    h = k;
                    break;
                }
                h = k;
            }
            if (h <= a)
                break;
            uint32_t c = cp_at(t, h, &l);
            size_t start = h;
            if (vg_cp_isapos(c)) { /* 's or n't */
                if (h > a + 1 && t->s[h - 1] == 'n' && in_set(t, ld->clitics, h - 1, e))
                    start = h - 1;
                else if (!in_set(t, ld->clitics, h, e))
                    break;
            } else {
                size_t l2;
                if (!vg_cp_islower(cp_at(t, h + l, &l2)) || !ascii(t, h, e) ||
                    !in_set(t, ld->clitics, h, e))
                    break; /* pronouns are plain ASCII: jour-là is not jour + -la */
                if (h >= a + 3 && t->s[h - 1] == 't' && vg_cp_ishyphen(cp_at(t, h - 2, &l2)) &&
                    h - 2 > a)
                    start = h - 2; /* euphonic -t-: a-t-il */
            }
            if (start <= a)
                break;
            cut[ncut++] = start;
            e = start;
        }
        if (ncut) {
            if ((rc = emit(t, a, e, VG_TOK_WORD, 0)) != VG_OK)
                return rc;
            for (size_t i = ncut; i-- > 0;) {
                size_t end = i ? cut[i - 1] : b;
                if ((rc = emit(t, cut[i], end, VG_TOK_WORD, VG_TOKF_CLITIC)) != VG_OK)
                    return rc;
            }
            return VG_OK;
        }
    }
    return emit(t, a, b, VG_TOK_WORD, 0);
}

/* M.  Mme.  Gen. : a listed abbreviation, or a single capital (an initial), keeps its period. */
static int takes_period(const tk *t, size_t a, size_t b)
{
    if (b >= t->n || t->s[b] != '.')
        return 0;
    size_t l;
    uint32_t c = cp_at(t, a, &l);
    if (a + l == b && vg_cp_isupper(c))
        return 1;
    if (!t->ld)
        return 0;
    return vg_strset_has(t->ld->abbrev, (const char *)t->s + a, b - a) ||
           vg_strset_has(t->ld->abbrev_end, (const char *)t->s + a, b - a);
}

/* ---- punctuation ------------------------------------------------------------------------------ */

static size_t scan_punct(const tk *t, size_t p, uint32_t c, size_t l)
{
    size_t q = p + l, l2;
    if (c == '.' || c == '!' || c == '?' || c == 0x2026) { /* ... ?! !!! …  */
        for (;;) {
            uint32_t d = cp_at(t, q, &l2);
            if (!l2 || !(d == '.' || d == '!' || d == '?' || d == 0x2026))
                break;
            if (c == '.' && d != '.')
                break;
            q += l2;
        }
    } else if (c == '-' && q < t->n && t->s[q] == '-') {
        while (q < t->n && t->s[q] == '-')
            q++;
    }
    return q;
}

vg_status vg_tokenize(const vg_mem *mem, const vg_langdata *ld, const char *s, size_t n,
                      vg_tokvec *toks, vg_buf *keys, size_t *invalid)
{
    tk t = { mem, ld, (const unsigned char *)s, n, toks, keys, invalid, 0 };
    vg_status rc = VG_OK;
    size_t p = 0, l;
    while (p < n && rc == VG_OK) {
        unsigned char b = t.s[p];
        if (b == ' ' || b == '\n' || b == '\t' || b == '\r') { /* fast path */
            t.space = VG_TOKF_SPACE;
            p++;
            continue;
        }
        uint32_t c = cp_at(&t, p, &l);
        vg_class k = vg_class_of(c);
        if (c == VG_CP_BAD) {
            (*invalid)++;
            rc = emit(&t, p, p + 1, VG_TOK_SYM, VG_TOKF_INVALID);
            p++;
            continue;
        }
        if (k == VG_CL_SPACE || k == VG_CL_IGNORE || k == VG_CL_MARK) {
            t.space = VG_TOKF_SPACE;
            p += l;
            continue;
        }
        size_t q;
        int joined;
        if (k == VG_CL_LETTER) {
            if ((b == 'h' || b == 'w') && (q = scan_url(&t, p)) > p) {
                rc = emit(&t, p, q, VG_TOK_SYM, 0);
            } else if ((q = scan_dotted(&t, p)) > p) {
                rc = emit(&t, p, q, VG_TOK_WORD, VG_TOKF_ABBREV);
            } else {
                q = scan_word(&t, p, 0, &joined);
                if (q < n && t.s[q] == '@' && cl_at(&t, q + 1) == VG_CL_LETTER) { /* e-mail */
                    q++;
                    while (q < n && (wordish(cl_at(&t, q)) || t.s[q] == '.' || t.s[q] == '-'))
                        q++;
                    while (t.s[q - 1] == '.')
                        q--;
                    rc = emit(&t, p, q, VG_TOK_SYM, 0);
                } else if (takes_period(&t, p, q)) {
                    q++;
                    rc = emit(&t, p, q, VG_TOK_WORD, VG_TOKF_ABBREV);
                } else {
                    rc = emit_word(&t, p, q, joined);
                }
            }
        } else if (k == VG_CL_DIGIT) {
            q = scan_word(&t, p, 1, &joined);
            rc = emit(&t, p, q, is_date(t.s + p, q - p) ? VG_TOK_DATE : VG_TOK_NUM, 0);
        } else if (k == VG_CL_PUNCT) {
            q = scan_punct(&t, p, c, l);
            rc = emit(&t, p, q, VG_TOK_PUNCT, 0);
        } else {
            q = p + l;
            rc = emit(&t, p, q, VG_TOK_SYM, 0);
        }
        p = q;
    }
    return rc;
}
