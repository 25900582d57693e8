/* json.c — read one JSON Lines record: a strict RFC 8259 parser that keeps only the fields vigie
** uses (id, text, html, lang, date, title, url, source) and validates and skips everything else, so a gold
** file or a crawler's dump can be fed in as it is.
** Why not a JSON library: a record is read straight into the buffers the pipeline reuses, with one
** pass and no tree; the error says at which byte and why, which is what a user fixing a 2 GB dump
** needs. Strings must be valid UTF-8 (JSON requires it); \u escapes are decoded, surrogate pairs
** joined, lone surrogates rejected. Nesting deeper than JSON_MAX_DEPTH is rejected, not recursed. */
#include <stdio.h>
#include <string.h>

#include "ingest.h"
#include "unicode.h"

#define JSON_MAX_DEPTH 64

typedef struct {
    const unsigned char *s;
    size_t n, p;
    char *err;
    size_t errcap;
} jp;

static vg_status fail(jp *j, const char *what)
{
    snprintf(j->err, j->errcap, "bad JSON at byte %zu: %s", j->p + 1, what);
    return VG_EFORMAT;
}

static void ws(jp *j)
{
    while (j->p < j->n && (j->s[j->p] == ' ' || j->s[j->p] == '\t' || j->s[j->p] == '\n' ||
                           j->s[j->p] == '\r'))
        j->p++;
}

static int hex4(const unsigned char *s, uint32_t *v)
{
    *v = 0;
    for (int i = 0; i < 4; i++) {
        unsigned c = s[i], d;
        if (c >= '0' && c <= '9') d = c - '0';
        else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
        else return 0;
        *v = *v << 4 | d;
    }
    return 1;
}

static size_t utf8_put(uint32_t c, char *o)
{
    if (c < 0x80) { o[0] = (char)c; return 1; }
    if (c < 0x800) { o[0] = (char)(0xC0 | c >> 6); o[1] = (char)(0x80 | (c & 0x3F)); return 2; }
    if (c < 0x10000) {
        o[0] = (char)(0xE0 | c >> 12); o[1] = (char)(0x80 | (c >> 6 & 0x3F));
        o[2] = (char)(0x80 | (c & 0x3F)); return 3;
    }
    o[0] = (char)(0xF0 | c >> 18); o[1] = (char)(0x80 | (c >> 12 & 0x3F));
    o[2] = (char)(0x80 | (c >> 6 & 0x3F)); o[3] = (char)(0x80 | (c & 0x3F)); return 4;
}

/* A string at j->p (on its opening quote). Unescaped into out when out is not NULL. */
static vg_status string(jp *j, vg_buf *out)
{
    vg_status rc;
    j->p++; /* " */
    if (out)
        vg_buf_clear(out);
    while (j->p < j->n) {
        size_t a = j->p; /* a run with nothing to unescape is copied at once */
        for (;;) {
            while (j->p < j->n && j->s[j->p] >= 0x20 && j->s[j->p] < 0x80 && j->s[j->p] != '"' &&
                   j->s[j->p] != '\\')
                j->p++;
            if (j->p >= j->n || j->s[j->p] < 0x80)
                break;
            size_t l; /* UTF-8 stays in the run once checked */
            if (vg_utf8_decode(j->s + j->p, j->n - j->p, &l) == VG_CP_BAD) {
                snprintf(j->err, j->errcap, "invalid UTF-8 at byte %zu", j->p + 1);
                return VG_EUTF8;
            }
            j->p += l;
        }
        if (out && j->p > a && (rc = vg_buf_append(out, j->s + a, j->p - a)) != VG_OK)
            return rc;
        if (j->p >= j->n)
            break;
        unsigned c = j->s[j->p];
        if (c == '"') {
            j->p++;
            if (out && (rc = vg_buf_reserve(out, 0)) == VG_OK)
                out->p[out->n] = 0;
            return VG_OK;
        }
        if (c < 0x20)
            return fail(j, "control character in string");
        /* backslash */
        if (j->p + 1 >= j->n)
            break;
        char e = (char)j->s[j->p + 1], ch[4];
        size_t k = 1;
        switch (e) {
        case '"': ch[0] = '"'; break;
        case '\\': ch[0] = '\\'; break;
        case '/': ch[0] = '/'; break;
        case 'b': ch[0] = '\b'; break;
        case 'f': ch[0] = '\f'; break;
        case 'n': ch[0] = '\n'; break;
        case 'r': ch[0] = '\r'; break;
        case 't': ch[0] = '\t'; break;
        case 'u': {
            uint32_t u, lo;
            if (j->n - j->p < 6 || !hex4(j->s + j->p + 2, &u))
                return fail(j, "bad \\u escape");
            if (u >= 0xDC00 && u <= 0xDFFF)
                return fail(j, "lone low surrogate in \\u escape");
            if (u >= 0xD800 && u <= 0xDBFF) {
                if (j->n - j->p < 12 || j->s[j->p + 6] != '\\' || j->s[j->p + 7] != 'u' ||
                    !hex4(j->s + j->p + 8, &lo) || lo < 0xDC00 || lo > 0xDFFF)
                    return fail(j, "lone high surrogate in \\u escape");
                u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
                j->p += 6;
            }
            k = utf8_put(u, ch);
            j->p += 4;
            break;
        }
        default:
            return fail(j, "bad escape in string");
        }
        j->p += 2;
        if (out && (rc = vg_buf_append(out, ch, k)) != VG_OK)
            return rc;
    }
    return fail(j, "unterminated string");
}

static vg_status number(jp *j)
{
    size_t a = j->p;
    if (j->p < j->n && j->s[j->p] == '-')
        j->p++;
    if (j->p < j->n && j->s[j->p] == '0')
        j->p++;
    else if (j->p < j->n && j->s[j->p] >= '1' && j->s[j->p] <= '9')
        while (j->p < j->n && j->s[j->p] >= '0' && j->s[j->p] <= '9')
            j->p++;
    else
        return fail(j, "bad number");
    if (j->p < j->n && j->s[j->p] == '.') {
        j->p++;
        if (j->p >= j->n || j->s[j->p] < '0' || j->s[j->p] > '9')
            return fail(j, "bad number");
        while (j->p < j->n && j->s[j->p] >= '0' && j->s[j->p] <= '9')
            j->p++;
    }
    if (j->p < j->n && (j->s[j->p] == 'e' || j->s[j->p] == 'E')) {
        j->p++;
        if (j->p < j->n && (j->s[j->p] == '+' || j->s[j->p] == '-'))
            j->p++;
        if (j->p >= j->n || j->s[j->p] < '0' || j->s[j->p] > '9')
            return fail(j, "bad number");
        while (j->p < j->n && j->s[j->p] >= '0' && j->s[j->p] <= '9')
            j->p++;
    }
    (void)a;
    return VG_OK;
}

static vg_status literal(jp *j, const char *w)
{
    size_t k = strlen(w);
    if (j->n - j->p < k || memcmp(j->s + j->p, w, k))
        return fail(j, "unexpected character");
    j->p += k;
    return VG_OK;
}

/* Skip any value, validating it. Arrays and objects are walked with an explicit stack of
** open brackets, not recursion, so hostile nesting costs nothing. */
static vg_status skip_value(jp *j)
{
    char stack[JSON_MAX_DEPTH];
    int depth = 0;
    vg_status rc;
    for (;;) {
        ws(j);
        if (j->p >= j->n)
            return fail(j, "unexpected end of line");
        unsigned char c = j->s[j->p];
        if (c == '{' || c == '[') {
            if (depth == JSON_MAX_DEPTH)
                return fail(j, "nesting too deep");
            stack[depth++] = (char)c;
            j->p++;
            ws(j);
            if (j->p < j->n && j->s[j->p] == (c == '{' ? '}' : ']')) {
                j->p++;
                depth--;
                goto after_value;
            }
            if (c == '{')
                goto key;
            continue;
        }
        if (c == '"')
            rc = string(j, NULL);
        else if (c == '-' || (c >= '0' && c <= '9'))
            rc = number(j);
        else if (c == 't')
            rc = literal(j, "true");
        else if (c == 'f')
            rc = literal(j, "false");
        else if (c == 'n')
            rc = literal(j, "null");
        else
            return fail(j, "unexpected character");
        if (rc != VG_OK)
            return rc;
    after_value:
        for (;;) {
            if (!depth)
                return VG_OK;
            ws(j);
            if (j->p >= j->n)
                return fail(j, "unexpected end of line");
            char close = stack[depth - 1] == '{' ? '}' : ']';
            if (j->s[j->p] == close) {
                j->p++;
                depth--;
                continue;
            }
            if (j->s[j->p] != ',')
                return fail(j, stack[depth - 1] == '{' ? "expected , or }" : "expected , or ]");
            j->p++;
            if (stack[depth - 1] == '{')
                goto key;
            break;
        }
        continue;
    key:
        ws(j);
        if (j->p >= j->n || j->s[j->p] != '"')
            return fail(j, "expected a member name");
        if ((rc = string(j, NULL)) != VG_OK)
            return rc;
        ws(j);
        if (j->p >= j->n || j->s[j->p] != ':')
            return fail(j, "expected :");
        j->p++;
    }
}

static const char *const field_names[VG_JF_COUNT] = {
    [VG_JF_ID] = "id", [VG_JF_TEXT] = "text", [VG_JF_HTML] = "html", [VG_JF_LANG] = "lang",
    [VG_JF_DATE] = "date", [VG_JF_TITLE] = "title", [VG_JF_URL] = "url", [VG_JF_SOURCE] = "source",
    [VG_JF_EVENTS] = "events",
};

void vg_jrec_init(vg_jrec *r, const vg_mem *mem)
{
    for (int i = 0; i < VG_JF_COUNT; i++)
        vg_buf_init(&r->f[i], mem);
    vg_buf_init(&r->key, mem);
    r->has = 0;
}

void vg_jrec_release(vg_jrec *r)
{
    for (int i = 0; i < VG_JF_COUNT; i++)
        vg_buf_release(&r->f[i]);
    vg_buf_release(&r->key);
}

/* A \u0000 in a string field. Every field is used as a C string past this point, so the NUL
** would cut it short without a word: ids "a\u0000x" and "a\u0000y" would be one id. In the text
** (or html) a NUL is replaced by a space, one byte for one so offsets hold, and counted for the
** caller to warn about; in any other field the record is refused. */
static vg_status nul_check(jp *j, vg_jrec *r, int f, size_t at)
{
    vg_buf *b = &r->f[f];
    char *z = b->n ? memchr(b->p, 0, b->n) : NULL;
    if (!z)
        return VG_OK;
    if (f == VG_JF_TEXT || f == VG_JF_HTML) {
        for (size_t i = (size_t)(z - b->p); i < b->n; i++)
            if (!b->p[i]) {
                b->p[i] = ' ';
                r->nuls++;
            }
        return VG_OK;
    }
    r->nul_refused = true;
    snprintf(j->err, j->errcap, "\"%s\" holds \\u0000 (U+0000) in the string at byte %zu: only text and html may",
             field_names[f], at + 1);
    return VG_EFORMAT;
}

vg_status vg_json_record(const char *s, size_t n, vg_jrec *r, char *err, size_t errcap)
{
    jp j = { (const unsigned char *)s, n, 0, err, errcap };
    vg_status rc;
    r->has = 0;
    r->nuls = 0;
    r->nul_refused = false;
    r->distinct = false;
    ws(&j);
    if (j.p >= n || s[j.p] != '{')
        return fail(&j, "a record must be a JSON object");
    j.p++;
    ws(&j);
    if (j.p < n && s[j.p] == '}') {
        j.p++;
    } else {
        for (;;) {
            ws(&j);
            if (j.p >= n || s[j.p] != '"')
                return fail(&j, "expected a member name");
            if ((rc = string(&j, &r->key)) != VG_OK)
                return rc;
            ws(&j);
            if (j.p >= n || s[j.p] != ':')
                return fail(&j, "expected :");
            j.p++;
            ws(&j);
            int f = -1;
            for (int i = 0; i < VG_JF_COUNT; i++)
                if (r->key.n == strlen(field_names[i]) && !memcmp(r->key.p, field_names[i], r->key.n))
                    f = i;
            if (f == VG_JF_EVENTS && j.p < n && s[j.p] == '[') {
                size_t a = j.p; /* kept raw: only the evaluator reads it */
                if ((rc = skip_value(&j)) != VG_OK)
                    return rc;
                vg_buf_clear(&r->f[f]);
                if ((rc = vg_buf_append(&r->f[f], s + a, j.p - a)) != VG_OK || (rc = vg_buf_putc(&r->f[f], 0)) != VG_OK)
                    return rc;
                r->f[f].n--;
                r->has |= 1u << f;
            } else if (f >= 0 && f != VG_JF_EVENTS && j.p < n && s[j.p] == '"') {
                size_t at = j.p;
                if ((rc = string(&j, &r->f[f])) != VG_OK)
                    return rc;
                if ((rc = nul_check(&j, r, f, at)) != VG_OK)
                    return rc;
                r->has |= 1u << f;
            } else if (f == VG_JF_ID && j.p < n && (s[j.p] == '-' || (s[j.p] >= '0' && s[j.p] <= '9'))) {
                size_t a = j.p; /* numeric ids are kept as written */
                if ((rc = number(&j)) != VG_OK)
                    return rc;
                vg_buf_clear(&r->f[f]);
                if ((rc = vg_buf_append(&r->f[f], s + a, j.p - a)) != VG_OK)
                    return rc;
                r->has |= 1u << f;
            } else if (f < 0 && r->key.n == 8 && !memcmp(r->key.p, "distinct", 8) && j.p + 4 <= n &&
                       !memcmp(s + j.p, "true", 4)) {
                r->distinct = true; /* a gold record's sets-not-multisets flag (score.py) */
                j.p += 4;
            } else {
                if (f >= 0)
                    r->has &= ~(1u << f); /* null or another type: as if absent */
                if ((rc = skip_value(&j)) != VG_OK)
                    return rc;
            }
            ws(&j);
            if (j.p < n && s[j.p] == ',') {
                j.p++;
                continue;
            }
            if (j.p < n && s[j.p] == '}') {
                j.p++;
                break;
            }
            return fail(&j, "expected , or }");
        }
    }
    ws(&j);
    if (j.p != n)
        return fail(&j, "text after the record's closing }");
    return VG_OK;
}

vg_status vg_json_events(const char *raw, size_t n, void (*fn)(void *ctx, const vg_gold_event *ev), void *ctx,
                         char *err, size_t errcap)
{
    jp j = { (const unsigned char *)raw, n, 0, err, errcap };
    vg_mem mem;
    vg_mem_init(&mem, NULL);
    vg_buf key, val[3];
    vg_buf_init(&key, &mem);
    for (int i = 0; i < 3; i++)
        vg_buf_init(&val[i], &mem);
    static const char *const names[3] = { "source", "target", "code" };
    vg_status rc = VG_OK;
    ws(&j);
    if (j.p >= n || raw[j.p] != '[') {
        rc = fail(&j, "events must be an array");
        goto done;
    }
    j.p++;
    ws(&j);
    if (j.p < n && raw[j.p] == ']')
        goto done;
    for (;;) {
        ws(&j);
        if (j.p >= n || raw[j.p] != '{') {
            rc = fail(&j, "an event must be an object");
            goto done;
        }
        j.p++;
        vg_gold_event ev = { "", "", "", false };
        unsigned got = 0;
        ws(&j);
        if (j.p < n && raw[j.p] == '}') {
            j.p++;
        } else {
            for (;;) {
                ws(&j);
                if (j.p >= n || raw[j.p] != '"') {
                    rc = fail(&j, "expected a member name");
                    goto done;
                }
                if ((rc = string(&j, &key)) != VG_OK)
                    goto done;
                ws(&j);
                if (j.p >= n || raw[j.p] != ':') {
                    rc = fail(&j, "expected :");
                    goto done;
                }
                j.p++;
                ws(&j);
                int f = -1;
                for (int i = 0; i < 3; i++)
                    if (key.n == strlen(names[i]) && !memcmp(key.p, names[i], key.n))
                        f = i;
                size_t a = j.p;
                if (f >= 0 && j.p < n && raw[j.p] == '"') {
                    if ((rc = string(&j, &val[f])) != VG_OK)
                        goto done;
                    got |= 1u << f;
                } else if (f == 2 && j.p < n && raw[j.p] >= '0' && raw[j.p] <= '9') {
                    if ((rc = number(&j)) != VG_OK) /* a code written as a number, as score.py's str() */
                        goto done;
                    vg_buf_clear(&val[f]);
                    vg_buf_append(&val[f], raw + a, j.p - a);
                    vg_buf_putc(&val[f], 0);
                    got |= 1u << f;
                } else if (key.n == 8 && !memcmp(key.p, "optional", 8) && j.n - j.p >= 4 && !memcmp(raw + j.p, "true", 4)) {
                    j.p += 4;
                    ev.optional = true;
                } else if ((rc = skip_value(&j)) != VG_OK) {
                    goto done;
                }
                ws(&j);
                if (j.p < n && raw[j.p] == ',') {
                    j.p++;
                    continue;
                }
                if (j.p < n && raw[j.p] == '}') {
                    j.p++;
                    break;
                }
                rc = fail(&j, "expected , or }");
                goto done;
            }
        }
        if (got & 1) ev.source = val[0].p;
        if (got & 2) ev.target = val[1].p;
        if (got & 4) ev.code = val[2].p;
        fn(ctx, &ev);
        ws(&j);
        if (j.p < n && raw[j.p] == ',') {
            j.p++;
            continue;
        }
        if (j.p < n && raw[j.p] == ']')
            break;
        rc = fail(&j, "expected , or ]");
        goto done;
    }
done:
    vg_buf_release(&key);
    for (int i = 0; i < 3; i++)
        vg_buf_release(&val[i]);
    return rc;
}
