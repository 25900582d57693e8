/* meta.c — a page's title, publication date, canonical URL, site and language.
**
** Sources, best first, as news sites write them: JSON-LD (schema.org NewsArticle, which search
** engines ask publishers for and nearly all of them give), the Open Graph and article: <meta>
** tags, the other date <meta> names in use (Dublin Core, Parse.ly, Sailthru…), itemprop and
** <time> elements, and last the URL, whose path carries the day on many sites (/2016/07/15/).
** The date matters most: it is what « vendredi » and "on Friday" are resolved against. */
#include <stdio.h>
#include <string.h>

#include "page.h"

/* ---- a small JSON reader for JSON-LD: only what it needs, never more than the input ---- */

typedef struct {
    const char *p, *end;
} js;

typedef struct {
    const char *s;
    size_t n;
} jstr;

/* What one JSON-LD object says, and what the page's best one said. */
typedef struct {
    int article; /* @type is an Article kind */
    jstr date, headline, lang, name, pubname;
} jobj;

typedef struct {
    jobj best;     /* first Article object */
    jobj any;      /* first object with a datePublished, of any type */
    int have_best, have_any;
} jld;

static void ws(js *j)
{
    while (j->p < j->end && (*j->p == ' ' || *j->p == '\n' || *j->p == '\r' || *j->p == '\t'))
        j->p++;
}

static int jstring(js *j, jstr *out)
{
    if (j->p >= j->end || *j->p != '"')
        return 0;
    const char *s = ++j->p;
    while (j->p < j->end && *j->p != '"')
        j->p += *j->p == '\\' ? 2 : 1;
    if (j->p >= j->end)
        return 0;
    out->s = s;
    out->n = (size_t)(j->p - s);
    j->p++;
    return 1;
}

static int is_key(const jstr *k, const char *w) { return k->n == strlen(w) && !memcmp(k->s, w, k->n); }

static int article_type(const jstr *t)
{
    static const char *const kinds[] = { "Article", "BlogPosting", "Report", "LiveBlogPosting",
                                         "SocialMediaPosting" };
    for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++) {
        size_t k = strlen(kinds[i]);
        if (t->n >= k && !memcmp(t->s + t->n - k, kinds[i], k))
            return 1; /* NewsArticle, ReportageNewsArticle, "schema:Article"… */
    }
    return 0;
}

static int value(js *j, jld *out, int depth, jobj *parent, const jstr *key);

static int object(js *j, jld *out, int depth, jobj *o)
{
    j->p++; /* '{' */
    ws(j);
    if (j->p < j->end && *j->p == '}') {
        j->p++;
        return 1;
    }
    for (;;) {
        jstr k;
        ws(j);
        if (!jstring(j, &k))
            return 0;
        ws(j);
        if (j->p >= j->end || *j->p != ':')
            return 0;
        j->p++;
        ws(j);
        if (!value(j, out, depth + 1, o, &k))
            return 0;
        ws(j);
        if (j->p < j->end && *j->p == ',') {
            j->p++;
            continue;
        }
        if (j->p < j->end && *j->p == '}') {
            j->p++;
            return 1;
        }
        return 0;
    }
}

static int value(js *j, jld *out, int depth, jobj *parent, const jstr *key)
{
    if (depth > 64 || j->p >= j->end)
        return 0;
    char c = *j->p;
    if (c == '"') {
        jstr s;
        if (!jstring(j, &s))
            return 0;
        if (parent && key) {
            if (is_key(key, "@type") || is_key(key, "type"))
                parent->article |= article_type(&s);
            else if (is_key(key, "datePublished") && !parent->date.s)
                parent->date = s;
            else if (is_key(key, "headline") && !parent->headline.s)
                parent->headline = s;
            else if (is_key(key, "inLanguage") && !parent->lang.s)
                parent->lang = s;
            else if (is_key(key, "name") && !parent->name.s)
                parent->name = s;
        }
        return 1;
    }
    if (c == '{') {
        jobj o;
        memset(&o, 0, sizeof o);
        if (!object(j, out, depth, &o))
            return 0;
        if (parent && key && is_key(key, "publisher") && o.name.s)
            parent->pubname = o.name;
        if (o.article && !out->have_best) {
            out->best = o;
            out->have_best = 1;
        }
        if (o.date.s && !out->have_any) {
            out->any = o;
            out->have_any = 1;
        }
        return 1;
    }
    if (c == '[') {
        j->p++;
        ws(j);
        if (j->p < j->end && *j->p == ']') {
            j->p++;
            return 1;
        }
        for (;;) {
            ws(j);
            /* an array of @type values, or of objects (@graph): the key carries down */
            if (!value(j, out, depth + 1, parent, key))
                return 0;
            ws(j);
            if (j->p < j->end && *j->p == ',') {
                j->p++;
                continue;
            }
            if (j->p < j->end && *j->p == ']') {
                j->p++;
                return 1;
            }
            return 0;
        }
    }
    /* number, true, false, null */
    while (j->p < j->end && *j->p != ',' && *j->p != '}' && *j->p != ']' && *j->p != ' ' &&
           *j->p != '\n' && *j->p != '\r' && *j->p != '\t')
        j->p++;
    return 1;
}

static int hexval(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

static void put_utf8(vg_buf *b, uint32_t c)
{
    char u[4];
    size_t n;
    if (c < 0x80)
        u[0] = (char)c, n = 1;
    else if (c < 0x800)
        u[0] = (char)(0xC0 | (c >> 6)), u[1] = (char)(0x80 | (c & 0x3F)), n = 2;
    else if (c < 0x10000)
        u[0] = (char)(0xE0 | (c >> 12)), u[1] = (char)(0x80 | ((c >> 6) & 0x3F)), u[2] = (char)(0x80 | (c & 0x3F)), n = 3;
    else
        u[0] = (char)(0xF0 | (c >> 18)), u[1] = (char)(0x80 | ((c >> 12) & 0x3F)),
        u[2] = (char)(0x80 | ((c >> 6) & 0x3F)), u[3] = (char)(0x80 | (c & 0x3F)), n = 4;
    vg_buf_append(b, u, n);
}

/* A JSON string's text, escapes decoded (a lone or bad \u escape becomes U+FFFD). */
static void jdecode(const jstr *s, vg_buf *b)
{
    vg_buf_clear(b);
    for (size_t i = 0; i < s->n; i++) {
        char c = s->s[i];
        if (c != '\\' || i + 1 >= s->n) {
            vg_buf_putc(b, c);
            continue;
        }
        c = s->s[++i];
        switch (c) {
        case 'n': case 'r': case 't': case 'b': case 'f': vg_buf_putc(b, ' '); break;
        case 'u': {
            uint32_t u = 0;
            int ok = i + 4 < s->n;
            for (int k = 1; ok && k <= 4; k++) {
                int h = hexval(s->s[i + (size_t)k]);
                ok = h >= 0;
                u = u * 16 + (uint32_t)(h < 0 ? 0 : h);
            }
            if (!ok) {
                put_utf8(b, 0xFFFD);
                break;
            }
            i += 4;
            if (u >= 0xD800 && u < 0xDC00 && i + 6 < s->n + 0 && s->s[i + 1] == '\\' && s->s[i + 2] == 'u') {
                uint32_t lo = 0;
                int ok2 = 1;
                for (int k = 3; k <= 6; k++) {
                    int h = hexval(s->s[i + (size_t)k]);
                    ok2 &= h >= 0;
                    lo = lo * 16 + (uint32_t)(h < 0 ? 0 : h);
                }
                if (ok2 && lo >= 0xDC00 && lo < 0xE000) {
                    u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
                    i += 6;
                }
            }
            put_utf8(b, (u >= 0xD800 && u < 0xE000) || !u ? 0xFFFD : u);
            break;
        }
        default: vg_buf_putc(b, c); break;
        }
    }
    vg_buf_putc(b, 0);
    b->n--;
}

/* ---- the fields ---- */

void vg_pagemeta_init(vg_pagemeta *m, const vg_mem *mem)
{
    memset(m, 0, sizeof *m);
    vg_buf_init(&m->title, mem);
    vg_buf_init(&m->url, mem);
    vg_buf_init(&m->site, mem);
    vg_buf_init(&m->lang, mem);
    vg_buf_init(&m->scratch, mem);
}

void vg_pagemeta_release(vg_pagemeta *m)
{
    vg_buf_release(&m->title);
    vg_buf_release(&m->url);
    vg_buf_release(&m->site);
    vg_buf_release(&m->lang);
    vg_buf_release(&m->scratch);
}

/* b = s with blanks collapsed and trimmed (meta values and titles come with newlines in them) */
static void set_text(vg_buf *b, const char *s, size_t n)
{
    vg_buf_clear(b);
    int space = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            space = b->n > 0;
            continue;
        }
        if (space)
            vg_buf_putc(b, ' ');
        space = 0;
        vg_buf_putc(b, c);
    }
    vg_buf_putc(b, 0);
    b->n--;
}

static const char *meta_value(const vg_page *p, const char *const *keys, size_t nkeys)
{
    for (size_t k = 0; k < nkeys; k++)
        for (size_t i = 0; i < p->nmeta; i++) {
            const vg_meta *m = &p->meta[i];
            if (m->kind == M_META && !strcasecmp(vg_page_str(p, m->key), keys[k]) && *vg_page_str(p, m->value))
                return vg_page_str(p, m->value);
        }
    return NULL;
}
#define META(p, keys) meta_value(p, keys, sizeof keys / sizeof *keys)

bool vg_url_date(const char *url, char out[11])
{
    if (!url)
        return false;
    const char *s = strstr(url, "://");
    s = s ? strchr(s + 3, '/') : url;
    for (; s && *s; s++) {
        if (*s != '/' && *s != '-' && *s != '_')
            continue;
        const char *d = s + 1;
        int y = 0, m = 0, dd = 0, k = 0;
        while (k < 4 && d[k] >= '0' && d[k] <= '9')
            y = y * 10 + d[k++] - '0';
        if (k != 4 || y < 1990 || y > 2100)
            continue;
        d += 4;
        char sep = *d;
        if (sep == '/' || sep == '-' || sep == '_')
            d++;
        else if (sep >= '0' && sep <= '9')
            sep = 0; /* 20160715 */
        else
            continue;
        if (!(d[0] >= '0' && d[0] <= '9' && d[1] >= '0' && d[1] <= '9'))
            continue;
        m = (d[0] - '0') * 10 + d[1] - '0';
        d += 2;
        if (sep && *d != sep)
            continue;
        if (sep)
            d++;
        if (!(d[0] >= '0' && d[0] <= '9' && d[1] >= '0' && d[1] <= '9'))
            continue;
        dd = (d[0] - '0') * 10 + d[1] - '0';
        if (d[2] >= '0' && d[2] <= '9')
            continue; /* a longer number: an id, not a day */
        char tmp[11];
        snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", y, m % 100, dd % 100);
        if (vg_date_valid(tmp, 10)) {
            memcpy(out, tmp, 11);
            return true;
        }
    }
    return false;
}

static int set_date(vg_pagemeta *m, const char *s, size_t n, const char *from)
{
    if (!s || m->date_from)
        return 0;
    char d[11];
    if (!vg_date_parse(s, n, d))
        return 0;
    memcpy(m->date, d, 11);
    m->date_from = from;
    return 1;
}

/* Drop a " | Site" or " - Site" tail from a title: when it names the site, or when it is short
** beside the title (sites append their name; titles rarely end in a short dash-clause). */
static void strip_site(vg_buf *t, const char *site)
{
    static const char *const seps[] = { " | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " \xC2\xB7 " };
    for (size_t i = 0; i < sizeof seps / sizeof *seps; i++) {
        const char *hit = NULL, *s = t->p;
        while ((s = strstr(s, seps[i])) != NULL)
            hit = s++;
        if (!hit)
            continue;
        const char *tail = hit + strlen(seps[i]);
        size_t head = (size_t)(hit - t->p), tn = strlen(tail);
        int spaces = 0;
        for (const char *c = tail; *c; c++)
            spaces += *c == ' ';
        if ((site && *site && !strcasecmp(tail, site)) || (tn <= head && spaces <= 3)) {
            t->n = head;
            t->p[head] = 0;
            return;
        }
    }
}

static void host_of(const char *url, vg_buf *b)
{
    vg_buf_clear(b);
    if (!strstr(url, "://"))
        return;
    size_t n;
    const char *s = vg_url_host(url, &n);
    vg_buf_append(b, s, n);
    vg_buf_putc(b, 0);
    b->n--;
}

vg_status vg_page_metadata(const vg_page *p, const char *url, vg_pagemeta *m)
{
    vg_buf_clear(&m->title);
    vg_buf_clear(&m->url);
    vg_buf_clear(&m->site);
    vg_buf_clear(&m->lang);
    m->date[0] = 0;
    m->date_from = NULL;

    /* JSON-LD: the first Article object */
    jld ld;
    memset(&ld, 0, sizeof ld);
    for (size_t i = 0; i < p->nmeta; i++)
        if (p->meta[i].kind == M_JSONLD) {
            const char *s = vg_page_str(p, p->meta[i].value);
            js j = { s, s + strlen(s) };
            ws(&j);
            if (j.p < j.end)
                value(&j, &ld, 0, NULL, NULL);
        }
    const jobj *art = ld.have_best ? &ld.best : NULL;

    /* site and canonical URL first: the title's tail is compared with the site */
    static const char *const k_site[] = { "og:site_name", "application-name", "twitter:site" };
    const char *site = META(p, k_site);
    if (site)
        set_text(&m->site, site, strlen(site));
    else if (art && art->pubname.s) {
        jdecode(&art->pubname, &m->scratch);
        set_text(&m->site, m->scratch.p, m->scratch.n);
    }
    const char *canon = NULL;
    for (size_t i = 0; i < p->nmeta && !canon; i++)
        if (p->meta[i].kind == M_CANONICAL && strstr(vg_page_str(p, p->meta[i].value), "://"))
            canon = vg_page_str(p, p->meta[i].value);
    static const char *const k_url[] = { "og:url", "twitter:url" };
    if (!canon) {
        canon = META(p, k_url);
        if (canon && !strstr(canon, "://"))
            canon = NULL;
    }
    if (!canon)
        canon = url;
    if (canon)
        set_text(&m->url, canon, strlen(canon));
    if (!m->site.n && m->url.n)
        host_of(m->url.p, &m->site);

    /* title */
    static const char *const k_title[] = { "og:title", "twitter:title", "title", "dc.title" };
    const char *t = NULL;
    if (art && art->headline.s) {
        jdecode(&art->headline, &m->scratch);
        set_text(&m->title, m->scratch.p, m->scratch.n);
    }
    if (!m->title.n && (t = META(p, k_title)) != NULL)
        set_text(&m->title, t, strlen(t));
    if (!m->title.n) /* the first <h1> that is not page furniture */
        for (size_t i = 0; i < p->nruns; i++) {
            const vg_run *r = &p->runs[i];
            if (r->kind == RUN_TEXT && r->block >= 0 && p->nodes[r->block].tag == T_H1 &&
                !(p->nodes[r->block].flags & (N_DROP | N_UNLIKELY))) {
                size_t e = i;
                while (e < p->nruns && p->runs[e].kind != RUN_BREAK)
                    e++;
                const vg_run *last = &p->runs[e - 1];
                set_text(&m->title, p->text.p + r->off, last->off + last->len - r->off);
                break;
            }
        }
    for (size_t i = 0; i < p->nmeta && !m->title.n; i++)
        if (p->meta[i].kind == M_TITLE)
            set_text(&m->title, vg_page_str(p, p->meta[i].value), strlen(vg_page_str(p, p->meta[i].value)));
    if (m->title.n)
        strip_site(&m->title, m->site.p);

    /* date */
    if (art && art->date.s)
        set_date(m, art->date.s, art->date.n, "json-ld");
    static const char *const k_date[] = {
        "article:published_time", "og:article:published_time", "og:published_time", "datePublished",
        "article.published", "published_time", "publish-date", "publish_date", "publishdate",
        "publication_date", "pubdate", "date", "dc.date.issued", "dc.date", "dcterms.issued",
        "dcterms.created", "dcterms.date", "sailthru.date", "parsely-pub-date", "article:published",
        "citation_publication_date", "originalpublicationdate"
    };
    for (size_t k = 0; k < sizeof k_date / sizeof *k_date && !m->date_from; k++)
        for (size_t i = 0; i < p->nmeta && !m->date_from; i++) {
            const vg_meta *e = &p->meta[i];
            if (e->kind == M_META && !strcasecmp(vg_page_str(p, e->key), k_date[k])) {
                const char *v = vg_page_str(p, e->value);
                set_date(m, v, strlen(v), "meta");
            }
        }
    for (size_t i = 0; i < p->nmeta && !m->date_from; i++)
        if (p->meta[i].kind == M_ITEMPROP && strstr(vg_page_str(p, p->meta[i].key), "datePublished")) {
            const char *v = vg_page_str(p, p->meta[i].value);
            set_date(m, v, strlen(v), "meta");
        }
    if (ld.have_any && !m->date_from)
        set_date(m, ld.any.date.s, ld.any.date.n, "json-ld");
    /* <time>: one marked as the publication's, else the first outside page furniture, else the
    ** first in a byline or a box of "meta" (which are furniture for the text, not for the date) */
    for (int pass = 0; pass < 3 && !m->date_from; pass++)
        for (size_t i = 0; i < p->nmeta && !m->date_from; i++) {
            const vg_meta *e = &p->meta[i];
            if (e->kind != M_TIME)
                continue;
            const char *k = vg_page_str(p, e->key);
            int marked = strstr(k, "ublish") || strstr(k, "pubdate") || strstr(k, "ubli");
            if (pass == 0 && !marked)
                continue;
            if (pass == 1 && (p->nodes[e->node].flags & (N_DROP | N_UNLIKELY)))
                continue;
            if (pass == 2 && (p->nodes[e->node].flags & N_DROP))
                continue;
            const char *v = vg_page_str(p, e->value);
            set_date(m, v, strlen(v), "time");
        }
    if (!m->date_from && vg_url_date(m->url.n ? m->url.p : NULL, m->date))
        m->date_from = "url";
    if (!m->date_from && url && vg_url_date(url, m->date))
        m->date_from = "url";

    /* language */
    const char *l = NULL;
    for (size_t i = 0; i < p->nmeta && !l; i++)
        if (p->meta[i].kind == M_LANG && *vg_page_str(p, p->meta[i].value))
            l = vg_page_str(p, p->meta[i].value);
    static const char *const k_lang[] = { "content-language", "og:locale", "language", "dc.language" };
    if (!l)
        l = META(p, k_lang);
    if (l)
        set_text(&m->lang, l, strlen(l));
    else if (art && art->lang.s) {
        jdecode(&art->lang, &m->scratch);
        set_text(&m->lang, m->scratch.p, m->scratch.n);
    }
    return VG_OK;
}
