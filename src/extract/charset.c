/* charset.c — which encoding a page is in, and its conversion to UTF-8.
**
** The order is the HTML5 one (WHATWG "determining the character encoding"): a byte-order mark,
** the transport's declaration, then a prescan of the first 1024 bytes for <meta charset>; then a
** guess. The guess is simple because news pages are in a handful of encodings: valid UTF-8 is
** UTF-8 (another encoding rarely produces valid multi-byte sequences by chance), and anything
** else is windows-1252, the superset of ISO-8859-1 that browsers read "latin1" pages as. */
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <string.h>

#include "extract.h"

/* Normalise a label into out: lower-case, trimmed, and the WHATWG aliases this code meets. */
static void normalise(const char *s, size_t n, char *out, size_t cap)
{
    while (n && (*s == ' ' || *s == '\t' || *s == '"' || *s == '\''))
        s++, n--;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '"' || s[n - 1] == '\''))
        n--;
    size_t k = 0;
    for (; k < n && k + 1 < cap; k++)
        out[k] = (char)((s[k] >= 'A' && s[k] <= 'Z') ? s[k] + 32 : s[k]);
    out[k] = 0;
    static const char *const latin1[] = { "latin1", "iso-8859-1", "iso8859-1", "iso_8859-1", "l1",
                                          "us-ascii", "ascii", "cp1252", "x-cp1252", "windows-1252",
                                          "cp819", "ibm819", "iso-ir-100" };
    for (size_t i = 0; i < sizeof latin1 / sizeof *latin1; i++)
        if (!strcmp(out, latin1[i])) {
            snprintf(out, cap, "windows-1252");
            return;
        }
    if (!strcmp(out, "utf8") || !strcmp(out, "unicode-1-1-utf-8"))
        snprintf(out, cap, "utf-8");
    else if (!strcmp(out, "latin9") || !strcmp(out, "iso8859-15"))
        snprintf(out, cap, "iso-8859-15");
}

static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

static int starts_ci(const char *p, const char *end, const char *w)
{
    for (; *w; w++, p++)
        if (p >= end || lower((unsigned char)*p) != *w)
            return 0;
    return 1;
}

/* The value of "charset=" inside s[0..n) (a Content-Type), or 0. */
static size_t charset_param(const char *s, size_t n, const char **val)
{
    const char *end = s + n;
    for (const char *p = s; p + 8 <= end; p++)
        if (starts_ci(p, end, "charset")) {
            const char *q = p + 7;
            while (q < end && (*q == ' ' || *q == '\t'))
                q++;
            if (q >= end || *q != '=')
                continue;
            q++;
            while (q < end && (*q == ' ' || *q == '\t' || *q == '"' || *q == '\''))
                q++;
            const char *v = q;
            while (q < end && *q != ';' && *q != '"' && *q != '\'' && *q != ' ' && *q != '>')
                q++;
            *val = v;
            return (size_t)(q - v);
        }
    return 0;
}

/* The HTML5 prescan, reduced to what matters: each <meta …> tag in the first 1024 bytes, its
** charset attribute, or the charset parameter of its content attribute when it has
** http-equiv="content-type". Comments are skipped so a commented-out meta does not count. */
static size_t prescan(const char *p, size_t n, const char **val)
{
    const char *end = p + (n < 1024 ? n : 1024);
    for (const char *s = p; s < end; s++) {
        if (*s != '<')
            continue;
        if (s + 4 <= end && !memcmp(s, "<!--", 4)) {
            const char *c = s + 4;
            while (c + 3 <= end && memcmp(c, "-->", 3))
                c++;
            s = c + 2;
            continue;
        }
        if (!starts_ci(s + 1, end, "meta") || s + 5 >= end ||
            !(s[5] == ' ' || s[5] == '\t' || s[5] == '\n' || s[5] == '\r' || s[5] == '/'))
            continue;
        const char *t = s + 5, *close = memchr(t, '>', (size_t)(end - t));
        if (!close)
            return 0;
        /* attributes of this tag: charset=…, or content=… with http-equiv */
        const char *cs = NULL, *content = NULL;
        size_t csn = 0, contentn = 0;
        int equiv = 0;
        while (t < close) {
            while (t < close && (*t == ' ' || *t == '\t' || *t == '\n' || *t == '\r' || *t == '/'))
                t++;
            const char *name = t;
            while (t < close && *t != '=' && *t != ' ' && *t != '\t' && *t != '\n' && *t != '\r')
                t++;
            size_t namen = (size_t)(t - name);
            while (t < close && (*t == ' ' || *t == '\t' || *t == '\n' || *t == '\r'))
                t++;
            const char *v = t;
            size_t vn = 0;
            if (t < close && *t == '=') {
                t++;
                while (t < close && (*t == ' ' || *t == '\t'))
                    t++;
                if (t < close && (*t == '"' || *t == '\'')) {
                    char q = *t++;
                    v = t;
                    while (t < close && *t != q)
                        t++;
                    vn = (size_t)(t - v);
                    if (t < close)
                        t++;
                } else {
                    v = t;
                    while (t < close && *t != ' ' && *t != '\t' && *t != '\n' && *t != '\r')
                        t++;
                    vn = (size_t)(t - v);
                }
            }
            if (!namen)
                break;
            if (namen == 7 && starts_ci(name, close, "charset"))
                cs = v, csn = vn;
            else if (namen == 7 && starts_ci(name, close, "content"))
                content = v, contentn = vn;
            else if (namen == 10 && starts_ci(name, close, "http-equiv"))
                equiv = vn == 12 && starts_ci(v, close, "content-type");
        }
        if (cs && csn) {
            *val = cs;
            return csn;
        }
        if (equiv && content) {
            size_t k = charset_param(content, contentn, val);
            if (k)
                return k;
        }
        s = close;
    }
    return 0;
}

void vg_html_charset(const char *p, size_t n, const char *declared, char *out, size_t cap)
{
    const unsigned char *u = (const unsigned char *)p;
    if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
        snprintf(out, cap, "utf-8");
        return;
    }
    if (n >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
        snprintf(out, cap, u[0] == 0xFF ? "utf-16le" : "utf-16be");
        return;
    }
    const char *v = NULL;
    size_t k = 0;
    if (declared && *declared)
        v = declared, k = strlen(declared);
    else
        k = prescan(p, n, &v);
    if (k) {
        normalise(v, k, out, cap);
        /* A page that says UTF-16 in a meta tag is not: the tag was readable as ASCII (WHATWG) */
        if (!strncmp(out, "utf-16", 6))
            snprintf(out, cap, "utf-8");
        if (out[0])
            return;
    }
    snprintf(out, cap, vg_utf8_invalid(p, n) ? "windows-1252" : "utf-8");
}

/* ---- conversion ---- */

#define NCONV 4
struct vg_iconv {
    const vg_mem *mem;
    struct {
        char name[32];
        iconv_t cd;
    } conv[NCONV];
    unsigned next; /* round-robin replacement */
};

vg_status vg_iconv_new(const vg_mem *mem, vg_iconv **out)
{
    vg_iconv *c = vg_malloc(mem, sizeof *c);
    *out = c;
    if (!c)
        return VG_ENOMEM;
    memset(c, 0, sizeof *c);
    c->mem = mem;
    for (int i = 0; i < NCONV; i++)
        c->conv[i].cd = (iconv_t)-1;
    return VG_OK;
}

void vg_iconv_free(vg_iconv *c)
{
    if (!c)
        return;
    for (int i = 0; i < NCONV; i++)
        if (c->conv[i].cd != (iconv_t)-1)
            iconv_close(c->conv[i].cd);
    vg_free(c->mem, c);
}

static iconv_t converter(vg_iconv *c, const char *name)
{
    for (int i = 0; i < NCONV; i++)
        if (c->conv[i].cd != (iconv_t)-1 && !strcmp(c->conv[i].name, name)) {
            iconv(c->conv[i].cd, NULL, NULL, NULL, NULL); /* reset the shift state */
            return c->conv[i].cd;
        }
    iconv_t cd = iconv_open("UTF-8", name);
    if (cd == (iconv_t)-1)
        return cd;
    unsigned k = c->next++ % NCONV;
    if (c->conv[k].cd != (iconv_t)-1)
        iconv_close(c->conv[k].cd);
    c->conv[k].cd = cd;
    snprintf(c->conv[k].name, sizeof c->conv[k].name, "%s", name);
    return cd;
}

/* Length of the valid UTF-8 sequence at s[0..n) (s[0] >= 0x80), or 0 (RFC 3629: no overlongs,
** no surrogates, nothing past U+10FFFF). */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
    size_t len;
    unsigned char lo = 0x80, hi = 0xBF;
    if (s[0] >= 0xC2 && s[0] <= 0xDF)
        len = 2;
    else if (s[0] >= 0xE0 && s[0] <= 0xEF)
        len = 3, lo = s[0] == 0xE0 ? 0xA0 : 0x80, hi = s[0] == 0xED ? 0x9F : 0xBF;
    else if (s[0] >= 0xF0 && s[0] <= 0xF4)
        len = 4, lo = s[0] == 0xF0 ? 0x90 : 0x80, hi = s[0] == 0xF4 ? 0x8F : 0xBF;
    else
        return 0;
    if (n < len || s[1] < lo || s[1] > hi)
        return 0;
    for (size_t k = 2; k < len; k++)
        if (s[k] < 0x80 || s[k] > 0xBF)
            return 0;
    return len;
}

/* UTF-8 input: copied, each invalid byte replaced by U+FFFD, so the parser never sees bad UTF-8
** (libxml2 would otherwise switch the whole page to ISO-8859-1). A byte-order mark is dropped. */
static vg_status copy_utf8(const char *p, size_t n, vg_buf *out)
{
    const unsigned char *s = (const unsigned char *)p;
    size_t i = 0;
    if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
        i = 3;
    size_t from = i;
    vg_status rc = vg_buf_reserve(out, n - i);
    while (rc == VG_OK && i < n) {
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        size_t len = utf8_seq(s + i, n - i);
        if (len) {
            i += len;
            continue;
        }
        rc = vg_buf_append(out, p + from, i - from);
        if (rc == VG_OK)
            rc = vg_buf_append(out, "\xEF\xBF\xBD", 3);
        from = ++i;
    }
    if (rc == VG_OK)
        rc = vg_buf_append(out, p + from, n - from);
    if (rc == VG_OK && out->p)
        out->p[out->n] = 0;
    return rc;
}

const char *vg_utf8_as_is(const char *p, size_t n, size_t *outn)
{
    const unsigned char *s = (const unsigned char *)p;
    size_t i = n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF ? 3 : 0, from = i;
    while (i < n) {
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        size_t len = utf8_seq(s + i, n - i);
        if (!len)
            return NULL;
        i += len;
    }
    *outn = n - from;
    return p + from;
}

vg_status vg_to_utf8(vg_iconv *c, const char *charset, const char *p, size_t n, vg_buf *out, bool *unknown)
{
    *unknown = false;
    if (!strcmp(charset, "utf-8"))
        return copy_utf8(p, n, out);
    iconv_t cd = converter(c, charset);
    if (cd == (iconv_t)-1) {
        *unknown = true;
        cd = converter(c, "windows-1252");
        if (cd == (iconv_t)-1)
            return copy_utf8(p, n, out);
    }
    char *in = (char *)p;
    size_t left = n;
    while (left) {
        if (vg_buf_reserve(out, left * 3 + 16) != VG_OK)
            return VG_ENOMEM;
        char *o = out->p + out->n;
        size_t room = out->cap - out->n - 1, before = room;
        size_t r = iconv(cd, &in, &left, &o, &room);
        out->n += before - room;
        if (r == (size_t)-1) {
            if (errno == E2BIG)
                continue;
            /* EILSEQ: a byte with no character (0x81 in windows-1252); EINVAL: a sequence cut at
            ** the end. Either way one U+FFFD, one byte skipped, and on. */
            if (vg_buf_append(out, "\xEF\xBF\xBD", 3) != VG_OK)
                return VG_ENOMEM;
            in++;
            left--;
            iconv(cd, NULL, NULL, NULL, NULL);
        }
    }
    if (out->p)
        out->p[out->n] = 0;
    return VG_OK;
}
