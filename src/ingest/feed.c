/* feed.c — RSS 2.0, RSS 1.0 (RDF) and Atom 1.0 feeds read into items: title, link, id, day, body.
** libxml2 parses; this file only walks the tree. Real feeds are sloppy (undeclared prefixes, HTML
** pasted raw into <description>, a download cut in the middle), so the parser runs in recovery
** mode and the walk matches names loosely; what it cannot trust it drops (an item left unfinished
** by the damage) and says so in err as a warning.
** Security: the input is untrusted. Entities are never substituted by the parser and no DTD is
** loaded (no XML_PARSE_NOENT, XML_PARSE_DTDLOAD or XML_PARSE_DTDVALID), so a <!DOCTYPE> declaring
** <!ENTITY x SYSTEM "file:///etc/passwd"> reads nothing (XXE); XML_PARSE_NONET forbids the network
** besides. Internal entities (<!ENTITY nbsp "&#160;">) are expanded by this walk, within a budget,
** so nested ones cannot amplify a small feed into gigabytes ("billion laughs").
** libxml2 allocates with its own allocator; everything handed out is copied into one pool from
** the caller's vg_mem. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/tree.h>
#include <libxml/uri.h>
#include <libxml/xmlerror.h>

#include "extract.h"
#include "ingest.h"
#include "unicode.h"

#define NS_ATOM "http://www.w3.org/2005/Atom"
#define NS_CONTENT "http://purl.org/rss/1.0/modules/content/"
#define NS_DC "http://purl.org/dc/elements/1.1/"

/* vg_is_feed looks this far: a feed's root comes after at most an XML declaration, a stylesheet
** instruction and a comment; a page whose prolog is longer is read by the full parse instead. */
#define SNIFF_BYTES 1024

/* Nodes visited plus bytes written while expanding internal entities, for the whole feed. Real
** feeds use a handful of entities (&nbsp;, &eacute; declared in the internal subset); 1 M covers
** them and stops the exponential ones at once. */
#define ENTITY_BUDGET ((size_t)1 << 20)

/* Recursion bound of the walks: libxml2 already stops at 256 levels of elements; entities nest. */
#define MAX_DEPTH 300
#define MAX_ENTITY_DEPTH 8

/* Recovery mode reads damaged feeds; NONET and the absence of NOENT/DTDLOAD are the XXE guard
** (see above); NOERROR/NOWARNING keep libxml2 off stderr; NOCDATA turns CDATA into plain text. */
#define XML_OPTIONS                                                                               \
    (XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA)
#define HTML_OPTIONS                                                                              \
    (HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING)

#define NONE SIZE_MAX /* a field absent from its item */

enum { F_TITLE, F_LINK, F_ID, F_DATE, F_BODY, F_COUNT };

typedef struct { /* an item while the pool still moves: offsets, not pointers */
    size_t off[F_COUNT], body_len;
    bool html;
} slot;

struct vg_feed {
    vg_mem mem;
    char *pool; /* every string of the feed, each NUL-terminated */
    vg_feed_item *items;
    size_t nitems;
    const char *title;
    size_t unfinished, unreached; /* items lost to damage (vg_feed_lost) */
};

typedef enum { K_RSS, K_RDF, K_ATOM } feed_kind;

typedef struct {
    vg_mem mem;
    xmlDocPtr doc;
    vg_buf pool, tmp, tmp2; /* strings kept; scratch for a field's raw text and its stripped text */
    slot *slots;
    size_t nslots, cap, dropped;
    size_t budget;  /* ENTITY_BUDGET, spent */
    int edepth;     /* entities being expanded */
    vg_status rc;   /* the first allocation failure: the walk then stops adding */
} builder;

typedef struct { /* the first error libxml2 reports, for err */
    int n, line;
    char msg[160];
} xml_errors;


static char closed_mark; /* _private of every element whose end tag the parser saw */

static void say(char *err, size_t errcap, const char *fmt, ...)
{
    if (!errcap)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errcap, fmt, ap);
    va_end(ap);
}

/* ---- what libxml2 reports: kept, never printed ---- */

/* Warnings lose nothing, and neither does an undeclared prefix (XML_FROM_NAMESPACE: "content:encoded"
** without its xmlns), which the walk forgives: neither is damage worth a warning to the caller. */
static void on_xml_error(void *ctx, xmlErrorPtr e)
{
    xmlParserCtxtPtr c = ctx;
    xml_errors *x = c ? c->_private : NULL;
    if (!x || !e || e->level == XML_ERR_WARNING || e->domain == XML_FROM_NAMESPACE)
        return;
    if (x->n++ == 0) {
        x->line = e->line;
        const char *m = e->message ? e->message : "error";
        size_t k = 0;
        for (; m[k] && k + 1 < sizeof x->msg; k++)
            x->msg[k] = m[k] == '\n' ? ' ' : m[k];
        if (m[k]) /* cut: not inside a UTF-8 sequence (names in the message come from the feed) */
            while (k && ((unsigned char)m[k] & 0xC0) == 0x80)
                k--;
        while (k && x->msg[k - 1] == ' ')
            k--;
        x->msg[k] = 0;
    }
}

static void silent(void *ctx, xmlErrorPtr e) { (void)ctx, (void)e; }
static void silent_generic(void *ctx, const char *msg, ...) { (void)ctx, (void)msg; }

/* The end of an element: libxml2's own handler, then the mark that tells a finished item from
** one the damage cut short (recovery keeps both in the tree). */
static void on_end_element(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri)
{
    xmlParserCtxtPtr c = ctx;
    xmlNodePtr cur = c->node;
    xmlSAX2EndElementNs(ctx, localname, prefix, uri);
    if (cur && cur->type == XML_ELEMENT_NODE)
        cur->_private = &closed_mark;
}

/* ---- names ---- */

/* The local name; with an undeclared prefix libxml2 keeps "dc:date" whole and no namespace. */
static const char *local(const xmlNode *e)
{
    const char *name = (const char *)e->name;
    if (!e->ns) {
        const char *c = strrchr(name, ':');
        if (c)
            return c + 1;
    }
    return name;
}

/* Is e the element uri:name? An element without a namespace matches any uri: feeds forget to
** declare their prefixes, and RSS 2.0 has no namespace of its own. */
static bool is(const xmlNode *e, const char *uri, const char *name)
{
    if (e->type != XML_ELEMENT_NODE || strcmp(local(e), name))
        return false;
    return !e->ns || (uri && e->ns->href && !strcmp((const char *)e->ns->href, uri));
}

static const char *ns_of(const xmlNode *e) { return e->ns ? (const char *)e->ns->href : NULL; }

static const char *attr(const xmlNode *e, const char *name)
{
    for (const xmlAttr *a = e->properties; a; a = a->next)
        if (!strcmp((const char *)a->name, name) && a->children && a->children->type == XML_TEXT_NODE &&
            !a->children->next)
            return (const char *)a->children->content;
    return NULL;
}

static char lower(char c) { return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c; }

static bool ieq(const char *a, const char *b) /* ASCII, case-insensitive */
{
    while (*a && lower(*a) == lower(*b))
        a++, b++;
    return !*a && !*b;
}

/* ---- collecting text and markup ---- */

static void append(builder *b, vg_buf *out, const char *s, size_t n)
{
    if (b->rc == VG_OK) {
        if (out->n + n > VG_MAX_DOC_BYTES) /* a field that size is not news; keep the start */
            n = out->n < VG_MAX_DOC_BYTES ? VG_MAX_DOC_BYTES - out->n : 0;
        b->rc = vg_buf_append(out, s, n);
    }
    if (b->edepth)
        b->budget = n < b->budget ? b->budget - n : 0;
}

static void append_str(builder *b, vg_buf *out, const char *s) { append(b, out, s, strlen(s)); }

/* The declaration of an internal entity worth expanding, or NULL: external entities are never read
** (XXE), and expansion stops when the budget is spent or entities nest too deep. */
static const xmlEntity *expandable(builder *b, const xmlNode *ref)
{
    if (b->edepth >= MAX_ENTITY_DEPTH || !b->budget)
        return NULL;
    const xmlEntity *ent = xmlGetDocEntity(b->doc, ref->name);
    return ent && ent->etype == XML_INTERNAL_GENERAL_ENTITY ? ent : NULL;
}

/* The text of a node list: text and CDATA, inside elements, and inside internal entities. */
static void text_of(builder *b, vg_buf *out, const xmlNode *n, int depth)
{
    if (depth > MAX_DEPTH)
        return;
    for (; n && b->rc == VG_OK; n = n->next) {
        if (b->edepth && (!b->budget || !--b->budget))
            return;
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            if (n->content)
                append_str(b, out, (const char *)n->content);
        } else if (n->type == XML_ELEMENT_NODE) {
            text_of(b, out, n->children, depth + 1);
        } else if (n->type == XML_ENTITY_REF_NODE) {
            const xmlEntity *ent = expandable(b, n);
            if (ent) {
                b->edepth++;
                if (ent->children)
                    text_of(b, out, ent->children, depth + 1);
                else if (ent->content && !strpbrk((const char *)ent->content, "<&"))
                    append_str(b, out, (const char *)ent->content);
                b->edepth--;
            }
        }
    }
}

static void escaped(builder *b, vg_buf *out, const char *s, bool quote)
{
    for (const char *p = s;; p++) {
        const char *rep = *p == '&' ? "&amp;" : *p == '<' ? "&lt;" : *p == '>' ? "&gt;"
                        : *p == '"' && quote ? "&quot;" : NULL;
        if (rep || !*p) {
            append(b, out, s, (size_t)(p - s));
            if (!*p)
                return;
            append_str(b, out, rep);
            s = p + 1;
        }
    }
}

static bool void_element(const char *name)
{
    static const char *const v[] = { "area", "base", "br", "col", "embed", "hr", "img", "input",
                                     "link", "meta", "param", "source", "track", "wbr", NULL };
    for (int i = 0; v[i]; i++)
        if (ieq(name, v[i]))
            return true;
    return false;
}

/* A node list as HTML: markup pasted raw into a feed (Atom xhtml content, or a <description> with
** unescaped tags). Names lose their prefixes so the HTML extractor sees <p>, not <xhtml:p>. */
static void markup_of(builder *b, vg_buf *out, const xmlNode *n, int depth)
{
    if (depth > MAX_DEPTH)
        return;
    for (; n && b->rc == VG_OK; n = n->next) {
        if (b->edepth && (!b->budget || !--b->budget))
            return;
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            if (n->content)
                escaped(b, out, (const char *)n->content, false);
        } else if (n->type == XML_ELEMENT_NODE) {
            const char *name = local(n);
            append_str(b, out, "<");
            append_str(b, out, name);
            for (const xmlAttr *a = n->properties; a; a = a->next) {
                vg_buf *v = &b->tmp2; /* attribute values are short; tmp2 is free during markup */
                vg_buf_clear(v);
                text_of(b, v, a->children, depth + 1);
                append_str(b, out, " ");
                append_str(b, out, (const char *)a->name);
                append_str(b, out, "=\"");
                if (v->n)
                    escaped(b, out, v->p, true);
                append_str(b, out, "\"");
            }
            append_str(b, out, ">");
            if (!void_element(name)) {
                markup_of(b, out, n->children, depth + 1);
                append_str(b, out, "</");
                append_str(b, out, name);
                append_str(b, out, ">");
            }
        } else if (n->type == XML_ENTITY_REF_NODE) {
            const xmlEntity *ent = expandable(b, n);
            if (ent) {
                b->edepth++;
                if (ent->children)
                    markup_of(b, out, ent->children, depth + 1);
                else if (ent->content && !strpbrk((const char *)ent->content, "<&"))
                    escaped(b, out, (const char *)ent->content, false);
                b->edepth--;
            }
        }
    }
}

static bool has_elements(const xmlNode *e)
{
    for (const xmlNode *c = e->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            return true;
    return false;
}

/* The text of an HTML fragment s[0..n), markup dropped and entities decoded, into out. libxml2's
** HTML parser does the work a regular expression would get wrong (attributes holding '>',
** comments, entities without a ';'). Script and style hold no text; <br> separates words. */
static void html_text_of(builder *b, vg_buf *out, const xmlNode *n, int depth)
{
    if (depth > MAX_DEPTH)
        return;
    for (; n && b->rc == VG_OK; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            if (n->content)
                append_str(b, out, (const char *)n->content);
        } else if (n->type == XML_ELEMENT_NODE) {
            if (ieq((const char *)n->name, "script") || ieq((const char *)n->name, "style"))
                continue;
            if (ieq((const char *)n->name, "br"))
                append_str(b, out, " ");
            html_text_of(b, out, n->children, depth + 1);
        }
    }
}

static void strip_html(builder *b, const char *s, size_t n, vg_buf *out)
{
    vg_buf_clear(out);
    htmlParserCtxtPtr h = htmlNewParserCtxt();
    if (!h) {
        b->rc = VG_ENOMEM;
        return;
    }
    htmlDocPtr d = htmlCtxtReadMemory(h, s, (int)n, NULL, "UTF-8", HTML_OPTIONS);
    if (d)
        html_text_of(b, out, d->children, 0);
    xmlFreeDoc(d);
    htmlFreeParserCtxt(h);
}

static bool letter(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

/* Does plain text t look like it holds markup or entities: a tag ("<p", "</", "<!") or an entity
** ("&amp;", "&#233;")? RSS titles are text by the letter of the spec and escaped HTML in fact. */
static bool looks_html(const char *t)
{
    for (const char *p = t; (p = strpbrk(p, "<&")); p++) {
        if (*p == '<' && (letter(p[1]) || p[1] == '/' || p[1] == '!'))
            return true;
        if (*p == '&') {
            const char *q = p + 1 + (p[1] == '#');
            while (letter(*q) || (*q >= '0' && *q <= '9'))
                q++;
            if (*q == ';' && q > p + 1 + (p[1] == '#'))
                return true;
        }
    }
    return false;
}

/* ---- the pool ---- */

static bool ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/* Keep s[0..n) in the pool as valid UTF-8 (an ill-formed byte becomes U+FFFD: libxml2 checks its
** input, but a promise to the caller is kept here), trimmed, and with every run of blanks made one
** space when collapse is set. Returns its offset, or NONE for an empty string. */
static size_t keep(builder *b, const char *s, size_t n, bool collapse, size_t *len)
{
    while (n && ws(*s))
        s++, n--;
    while (n && ws(s[n - 1]))
        n--;
    if (!n || b->rc != VG_OK)
        return NONE;
    size_t start = b->pool.n;
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0, l; i < n && b->rc == VG_OK; i += l) {
        if (u[i] < 0x80) {
            l = 1;
            if (collapse && ws(s[i])) {
                while (i + l < n && ws(s[i + l]))
                    l++;
                b->rc = vg_buf_putc(&b->pool, ' ');
            } else {
                b->rc = vg_buf_putc(&b->pool, s[i]);
            }
        } else if (vg_utf8_decode(u + i, n - i, &l) == VG_CP_BAD) {
            b->rc = vg_buf_append(&b->pool, "\xEF\xBF\xBD", 3);
        } else {
            b->rc = vg_buf_append(&b->pool, s + i, l);
        }
    }
    if (b->rc == VG_OK)
        b->rc = vg_buf_putc(&b->pool, 0);
    if (b->rc != VG_OK)
        return NONE;
    if (len)
        *len = b->pool.n - 1 - start;
    return start;
}

static size_t keep_text(builder *b, const xmlNode *e, bool collapse)
{
    vg_buf_clear(&b->tmp);
    text_of(b, &b->tmp, e->children, 0);
    return keep(b, b->tmp.p, b->tmp.n, collapse, NULL);
}

/* A title that may hold markup: its text with the markup stripped, blanks collapsed. */
static size_t keep_title(builder *b, const xmlNode *e, bool html)
{
    vg_buf_clear(&b->tmp);
    text_of(b, &b->tmp, e->children, 0);
    if (!b->tmp.n || !(html || looks_html(b->tmp.p)))
        return keep(b, b->tmp.p, b->tmp.n, true, NULL);
    strip_html(b, b->tmp.p, b->tmp.n, &b->tmp2);
    return keep(b, b->tmp2.p, b->tmp2.n, true, NULL);
}

static size_t keep_date(builder *b, const xmlNode *e)
{
    vg_buf_clear(&b->tmp);
    text_of(b, &b->tmp, e->children, 0);
    char day[11];
    if (!b->tmp.n || !vg_date_parse(b->tmp.p, b->tmp.n, day))
        return NONE;
    return keep(b, day, 10, false, NULL);
}

/* ---- Atom text constructs ---- */

typedef enum { T_TEXT, T_HTML, T_XHTML, T_NONE } text_type;

/* type="text" (the default), "html", "xhtml", or for <content> a MIME type; T_NONE for content
** that is not inline text (src="…", base64 media). */
static text_type atom_type(const xmlNode *e)
{
    if (attr(e, "src"))
        return T_NONE;
    const char *v = attr(e, "type");
    if (!v)
        return T_TEXT;
    char t[64]; /* the type without blanks around it or MIME parameters ("text/html; charset=…") */
    size_t k = 0;
    while (ws(*v))
        v++;
    while (v[k] && v[k] != ';' && k + 1 < sizeof t)
        t[k] = v[k], k++;
    while (k && ws(t[k - 1]))
        k--;
    t[k] = 0;
    if (ieq(t, "text") || ieq(t, "text/plain"))
        return T_TEXT;
    if (ieq(t, "html") || ieq(t, "text/html"))
        return T_HTML;
    if (ieq(t, "xhtml") || (k > 4 && ieq(t + k - 4, "+xml")) || (k > 4 && ieq(t + k - 4, "/xml")))
        return T_XHTML;
    return strncmp(t, "text/", 5) ? T_NONE : T_TEXT;
}

/* xhtml: the content of the one <div> the construct must hold; a sloppy feed without it, all. */
static const xmlNode *xhtml_root(const xmlNode *e)
{
    for (const xmlNode *c = e->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            return strcmp(local(c), "div") ? e : c;
    return e;
}

/* ---- items ---- */

/* The body from e, read as type t. RSS passes T_HTML with rss set: its description and
** content:encoded are HTML by convention, but one holding neither '<' nor '&' is plain text either
** way and is said so. Elements inside an html or RSS body are markup the feed forgot to escape. */
static void body_from(builder *b, slot *s, const xmlNode *e, text_type t, bool rss)
{
    vg_buf_clear(&b->tmp);
    bool markup = t == T_XHTML || (t == T_HTML && has_elements(e));
    if (markup)
        markup_of(b, &b->tmp, (t == T_XHTML ? xhtml_root(e) : e)->children, 0);
    else
        text_of(b, &b->tmp, e->children, 0);
    size_t len = 0, off = keep(b, b->tmp.p, b->tmp.n, false, &len);
    if (off == NONE)
        return;
    s->off[F_BODY] = off;
    s->body_len = len;
    s->html = t != T_TEXT && (markup || !rss || strpbrk(b->pool.p + off, "<&"));
}

/* Element roles are taken from the first element that fills them. */
static void first(const xmlNode **role, const xmlNode *c, bool match)
{
    if (!*role && match)
        *role = c;
}

static slot *new_slot(builder *b)
{
    if (b->rc == VG_OK)
        b->rc = vg_grow(&b->mem, (void **)&b->slots, &b->cap, b->nslots + 1, sizeof *b->slots);
    if (b->rc != VG_OK)
        return NULL;
    slot *s = &b->slots[b->nslots++];
    for (int f = 0; f < F_COUNT; f++)
        s->off[f] = NONE;
    s->body_len = 0;
    s->html = false;
    return s;
}

/* RSS 2.0 and RSS 1.0 items: the same fields, RSS 1.0's in its namespace (the item's own). */
static void rss_item(builder *b, const xmlNode *item)
{
    const char *ns = ns_of(item);
    const xmlNode *title = NULL, *dctitle = NULL, *link = NULL, *guid = NULL, *desc = NULL, *encoded = NULL;
    const xmlNode *dates[4] = { NULL, NULL, NULL, NULL }; /* pubDate, dc:date, published, updated */
    for (const xmlNode *c = item->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        first(&title, c, is(c, ns, "title"));
        first(&dctitle, c, is(c, NS_DC, "title"));
        first(&link, c, is(c, ns, "link"));
        first(&guid, c, is(c, ns, "guid"));
        first(&desc, c, is(c, ns, "description"));
        first(&encoded, c, is(c, NS_CONTENT, "encoded"));
        first(&dates[0], c, is(c, ns, "pubDate"));
        first(&dates[1], c, is(c, NS_DC, "date"));
        first(&dates[2], c, is(c, NS_ATOM, "published")); /* a10:updated of .NET feeds */
        first(&dates[3], c, is(c, NS_ATOM, "updated"));
    }
    slot *s = new_slot(b);
    if (!s)
        return;
    if (title || dctitle)
        s->off[F_TITLE] = keep_title(b, title ? title : dctitle, false);
    if (link)
        s->off[F_LINK] = keep_text(b, link, false);
    if (guid) {
        s->off[F_ID] = keep_text(b, guid, false);
        /* isPermaLink defaults to true, but many feeds leave it out on guids that are not URLs */
        const char *perma = attr(guid, "isPermaLink");
        if (s->off[F_LINK] == NONE && s->off[F_ID] != NONE) {
            const char *id = b->pool.p + s->off[F_ID];
            if (perma ? ieq(perma, "true") : !strncmp(id, "http://", 7) || !strncmp(id, "https://", 8))
                s->off[F_LINK] = keep_text(b, guid, false); /* not keep(id): the pool may move */
        }
    } else {
        const char *about = NULL; /* RSS 1.0: the item's URI names it */
        for (const xmlAttr *a = item->properties; a && !about; a = a->next)
            if (!strcmp((const char *)a->name, "about") && a->children && a->children->content)
                about = (const char *)a->children->content;
        if (about)
            s->off[F_ID] = keep(b, about, strlen(about), false, NULL);
    }
    for (int i = 0; i < 4 && s->off[F_DATE] == NONE; i++)
        if (dates[i])
            s->off[F_DATE] = keep_date(b, dates[i]);
    if (encoded)
        body_from(b, s, encoded, T_HTML, true);
    if (s->off[F_BODY] == NONE && desc)
        body_from(b, s, desc, T_HTML, true);
}

/* The alternate link's href, made absolute against xml:base when there is one. */
static size_t atom_link(builder *b, const xmlNode *e)
{
    const char *href = attr(e, "href");
    if (!href)
        return NONE;
    xmlChar *base = xmlNodeGetBase(b->doc, e), *abs = base ? xmlBuildURI((const xmlChar *)href, base) : NULL;
    const char *u = abs ? (const char *)abs : href;
    size_t off = keep(b, u, strlen(u), false, NULL);
    xmlFree(abs);
    xmlFree(base);
    return off;
}

static void atom_entry(builder *b, const xmlNode *entry)
{
    const char *ns = ns_of(entry);
    const xmlNode *title = NULL, *link = NULL, *id = NULL, *content = NULL, *summary = NULL;
    const xmlNode *dates[5] = { NULL, NULL, NULL, NULL, NULL }; /* published, updated, dc:date, 0.3's */
    for (const xmlNode *c = entry->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        const char *rel = attr(c, "rel"); /* none: alternate */
        first(&title, c, is(c, ns, "title"));
        first(&link, c, is(c, ns, "link") && (!rel || ieq(rel, "alternate")) && attr(c, "href"));
        first(&id, c, is(c, ns, "id"));
        first(&content, c, is(c, ns, "content") && atom_type(c) != T_NONE);
        first(&summary, c, is(c, ns, "summary") && atom_type(c) != T_NONE);
        first(&dates[0], c, is(c, ns, "published"));
        first(&dates[1], c, is(c, ns, "updated"));
        first(&dates[2], c, is(c, NS_DC, "date"));
        first(&dates[3], c, is(c, ns, "issued")); /* Atom 0.3 */
        first(&dates[4], c, is(c, ns, "modified"));
    }
    slot *s = new_slot(b);
    if (!s)
        return;
    if (title) {
        text_type t = atom_type(title);
        if (t == T_XHTML) { /* the text of its markup */
            vg_buf_clear(&b->tmp);
            text_of(b, &b->tmp, xhtml_root(title)->children, 0);
            s->off[F_TITLE] = keep(b, b->tmp.p, b->tmp.n, true, NULL);
        } else if (t == T_HTML) {
            s->off[F_TITLE] = keep_title(b, title, true);
        } else {
            s->off[F_TITLE] = keep_text(b, title, true);
        }
    }
    if (link)
        s->off[F_LINK] = atom_link(b, link);
    if (id)
        s->off[F_ID] = keep_text(b, id, false);
    for (int i = 0; i < 5 && s->off[F_DATE] == NONE; i++)
        if (dates[i])
            s->off[F_DATE] = keep_date(b, dates[i]);
    if (content)
        body_from(b, s, content, atom_type(content), false);
    if (s->off[F_BODY] == NONE && summary)
        body_from(b, s, summary, atom_type(summary), false);
}

static feed_kind kind_of(const char *root)
{
    return !strcmp(root, "feed") ? K_ATOM : !strcmp(root, "RDF") ? K_RDF : K_RSS;
}

static bool feed_root(const char *localname)
{
    return !strcmp(localname, "rss") || !strcmp(localname, "RDF") || !strcmp(localname, "feed");
}

/* An item the damage cut short (no end tag) is dropped: its body would end mid-sentence. */
static void item(builder *b, const xmlNode *e, feed_kind k)
{
    if (e->_private != &closed_mark) {
        b->dropped++;
        return;
    }
    if (k == K_ATOM)
        atom_entry(b, e);
    else
        rss_item(b, e);
}

/* Items of a channel or of the root: RSS 2.0 puts them in <channel>, RSS 1.0 beside it; either
** is accepted for both, as feeds mix them up. */
static void walk(builder *b, const xmlNode *root, feed_kind k, size_t *title_off)
{
    const char *want = k == K_ATOM ? "entry" : "item";
    for (const xmlNode *c = root->children; c && b->rc == VG_OK; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (!strcmp(local(c), want)) {
            item(b, c, k);
        } else if (k == K_ATOM && *title_off == NONE && is(c, ns_of(root), "title")) {
            text_type t = atom_type(c);
            *title_off = t == T_HTML ? keep_title(b, c, true) : keep_text(b, c, true);
        } else if (k != K_ATOM && !strcmp(local(c), "channel")) {
            for (const xmlNode *i = c->children; i && b->rc == VG_OK; i = i->next) {
                if (i->type != XML_ELEMENT_NODE)
                    continue;
                if (!strcmp(local(i), "item"))
                    item(b, i, k);
                else if (*title_off == NONE && is(i, ns_of(c), "title"))
                    *title_off = keep_title(b, i, false);
            }
        }
    }
}

/* ---- sniffing ---- */

static bool name_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.' || c == ':' || c >= 0x80;
}

static const unsigned char *find(const unsigned char *p, const unsigned char *end, const char *s)
{
    size_t k = strlen(s);
    for (; (size_t)(end - p) >= k; p++)
        if (!memcmp(p, s, k))
            return p + k;
    return NULL;
}

/* The root element's name from the first SNIFF_BYTES, past a byte order mark, blanks, the XML
** declaration, processing instructions, comments and a DOCTYPE (its internal subset too).
** 1: the name was found and copied to name[cap]; 0: not found (not XML, or a prolog too long). */
static int root_name(const void *data, size_t n, char *name, size_t cap)
{
    const unsigned char *p = data, *end = p + (n < SNIFF_BYTES ? n : SNIFF_BYTES);
    unsigned char ascii[SNIFF_BYTES / 2];
    if (end - p >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
        p += 3;
    } else if (end - p >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF))) {
        /* UTF-16 with its mark: markup is ASCII, so the code units below 0x80 are enough; any
        ** other becomes a byte that is neither markup nor a name, and a name holding one is left
        ** to the full parse */
        size_t k = 0;
        for (const unsigned char *q = p + 2; end - q >= 2; q += 2) {
            unsigned c = p[0] == 0xFF ? q[0] | q[1] << 8 : q[0] << 8 | q[1];
            ascii[k++] = c < 0x80 ? (unsigned char)c : 1;
        }
        p = ascii;
        end = ascii + k;
    }
    for (;;) {
        while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
            p++;
        if (end - p < 2 || *p != '<')
            return 0;
        if (p[1] == '?') {
            p = find(p + 2, end, "?>");
        } else if (end - p >= 4 && !memcmp(p, "<!--", 4)) {
            p = find(p + 4, end, "-->");
        } else if (end - p >= 9 && !strncasecmp((const char *)p, "<!DOCTYPE", 9)) {
            unsigned char q = 0;
            int depth = 0;
            for (p += 9; p < end && (q || depth || *p != '>'); p++) {
                if (q)
                    q = *p == q ? 0 : q;
                else if (*p == '"' || *p == '\'')
                    q = *p;
                else
                    depth += (*p == '[') - (*p == ']');
            }
            p = p < end ? p + 1 : NULL;
        } else if (p[1] == '!') {
            return 0;
        } else {
            break;
        }
        if (!p)
            return 0;
    }
    const unsigned char *s = ++p;
    while (p < end && name_byte(*p))
        p++;
    if (p == s || p == end || !(*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n' || *p == '>' || *p == '/'))
        return 0;
    size_t k = (size_t)(p - s);
    if (k >= cap) /* a name that long is left to the full parse, which reports it whole */
        return 0;
    memcpy(name, s, k);
    name[k] = 0;
    return 1;
}

static const char *after_colon(const char *q)
{
    const char *c = strrchr(q, ':');
    return c ? c + 1 : q;
}

bool vg_is_feed(const void *p, size_t n)
{
    char name[64];
    return p && root_name(p, n, name, sizeof name) && feed_root(after_colon(name));
}

/* ---- the feed ---- */

static vg_status finish(builder *b, size_t title_off, vg_feed **out)
{
    vg_feed *f = vg_malloc(&b->mem, sizeof *f);
    vg_feed_item *items = b->nslots ? vg_malloc(&b->mem, b->nslots * sizeof *items) : NULL;
    if (!f || (b->nslots && !items)) {
        vg_free(&b->mem, f);
        vg_free(&b->mem, items);
        return VG_ENOMEM;
    }
    const char *pool = b->pool.p;
#define AT(off) ((off) == NONE ? NULL : pool + (off))
    for (size_t i = 0; i < b->nslots; i++) {
        const slot *s = &b->slots[i];
        items[i] = (vg_feed_item){ AT(s->off[F_TITLE]), AT(s->off[F_LINK]), AT(s->off[F_ID]),
                                   AT(s->off[F_DATE]), AT(s->off[F_BODY]), s->body_len, s->html };
    }
    f->mem = b->mem;
    f->pool = b->pool.p;
    f->items = items;
    f->nitems = b->nslots;
    f->unfinished = f->unreached = 0; /* set by the caller when the parse met damage */
    f->title = AT(title_off);
#undef AT
    b->pool.p = NULL; /* the feed owns it now */
    b->pool.n = b->pool.cap = 0;
    *out = f;
    return VG_OK;
}

/* Start tags of items (<item>, <entry>, or a prefixed <rss:item>) in the bytes, outside comments,
** CDATA sections, processing instructions and the DOCTYPE (whose entity values may hold markup).
** After a fatal error libxml2 stops (an entity loop halts it), and the items past that point are in
** no tree: counting their start tags in the bytes is how they are still counted as lost. */
static size_t count_item_tags(const char *xml, size_t n, const char *want)
{
    const unsigned char *p = (const unsigned char *)xml, *end = p + n, *q;
    size_t count = 0, wn = strlen(want);
    while ((p = memchr(p, '<', (size_t)(end - p))) != NULL) {
        size_t left = (size_t)(end - p);
        if (left >= 2 && (p[1] == '!' || p[1] == '?')) { /* not an element: skip it whole */
            const unsigned char *gt = memchr(p, '>', left), *br = memchr(p, '[', left);
            if (left >= 4 && !memcmp(p, "<!--", 4))
                q = find(p + 4, end, "-->");
            else if (left >= 9 && !memcmp(p, "<![CDATA[", 9))
                q = find(p + 9, end, "]]>");
            else if (br && (!gt || br < gt)) /* a DOCTYPE's internal subset */
                q = find(br, end, "]>");
            else
                q = gt ? gt + 1 : NULL;
            if (!q)
                break; /* runs to the end */
            p = q;
            continue;
        }
        const unsigned char *name = q = ++p;
        while (q < end && name_byte(*q))
            if (*q++ == ':')
                name = q;
        if ((size_t)(q - name) == wn && !memcmp(name, want, wn) && q < end &&
            (*q == '>' || *q == '/' || *q == ' ' || *q == '\t' || *q == '\n' || *q == '\r'))
            count++;
    }
    return count;
}

/* Parse with recovery into *doc (NULL, or without a root, when nothing could be read), errors
** captured in x. VG_ENOMEM when libxml2 could not start. */
static vg_status parse_xml(const char *xml, size_t n, xml_errors *x, xmlDocPtr *doc)
{
    xmlParserCtxtPtr c = xmlCreateMemoryParserCtxt(xml, (int)n);
    if (!c)
        return VG_ENOMEM;
    xmlCtxtUseOptions(c, XML_OPTIONS);
    /* The options already say so; set again in case another part of the process changed the
    ** defaults (xmlSubstituteEntitiesDefault, xmlLoadExtDtdDefaultValue): no entity substitution,
    ** no external subset, whatever the globals. */
    c->replaceEntities = 0;
    c->loadsubset = 0;
    c->validate = 0;
    c->_private = x;
    c->sax->serror = on_xml_error;
    c->sax->endElementNs = on_end_element;
    xmlParseDocument(c);
    *doc = c->myDoc;
    c->myDoc = NULL;
    xmlFreeParserCtxt(c);
    return VG_OK;
}

vg_status vg_feed_parse(const vg_mem *mem, const char *xml, size_t n, vg_feed **out, char *err, size_t errcap)
{
    if (errcap)
        err[0] = 0;
    if (!out)
        return VG_EMISUSE;
    *out = NULL;
    if (!mem || (!xml && n))
        return VG_EMISUSE;
    if (!n) {
        say(err, errcap, "not XML: the input is empty");
        return VG_EFORMAT;
    }
    char name[64];
    if (root_name(xml, n, name, sizeof name) && !feed_root(after_colon(name))) {
        say(err, errcap, "not a feed: root element is <%s>", name); /* no need to parse it all */
        return VG_EFORMAT;
    }
    if (n > INT32_MAX) { /* libxml2 takes the size as an int (<limits.h> is src/core's here) */
        say(err, errcap, "feed of %zu bytes: over the 2 GiB libxml2 reads", n);
        return VG_ELIMIT;
    }
    vg_xml_init(); /* libxml2's global set-up, once per process (extract.h) */

    /* libxml2 reports what has no parser context (memory, encodings) through per-thread handlers:
    ** silenced for this call and given back after, so nothing reaches stderr. */
    xmlStructuredErrorFunc old_s = xmlStructuredError;
    void *old_sctx = xmlStructuredErrorContext;
    xmlGenericErrorFunc old_g = xmlGenericError;
    void *old_gctx = xmlGenericErrorContext;
    xmlSetStructuredErrorFunc(NULL, silent);
    xmlSetGenericErrorFunc(NULL, silent_generic);

    xml_errors x = { 0, 0, "" };
    builder b = { .budget = ENTITY_BUDGET, .rc = VG_OK };
    b.mem = *mem;
    vg_buf_init(&b.pool, &b.mem);
    vg_buf_init(&b.tmp, &b.mem);
    vg_buf_init(&b.tmp2, &b.mem);
    vg_status rc = parse_xml(xml, n, &x, &b.doc);
    const xmlNode *root = b.doc ? xmlDocGetRootElement(b.doc) : NULL;
    if (rc != VG_OK) {
        /* said by the status */
    } else if (!root) {
        say(err, errcap, "not XML: line %d: %s", x.line, x.n ? x.msg : "no root element");
        rc = VG_EFORMAT;
    } else if (!feed_root(local(root))) {
        say(err, errcap, "not a feed: root element is <%s%s%s>", root->ns && root->ns->prefix ? (const char *)root->ns->prefix : "",
            root->ns && root->ns->prefix ? ":" : "", (const char *)root->name);
        rc = VG_EFORMAT;
    } else {
        size_t title_off = NONE;
        walk(&b, root, kind_of(local(root)), &title_off);
        rc = b.rc != VG_OK ? b.rc : finish(&b, title_off, out);
        if (rc == VG_OK && x.n) {
            size_t tags = count_item_tags(xml, n, kind_of(local(root)) == K_ATOM ? "entry" : "item");
            (*out)->unfinished = b.dropped;
            (*out)->unreached = tags > b.nslots + b.dropped ? tags - b.nslots - b.dropped : 0;
            say(err, errcap, "damaged feed, line %d: %s; kept %zu items, dropped %zu left unfinished%s", x.line,
                x.msg, b.nslots, b.dropped, (*out)->unreached ? " and more not reached" : "");
        }
    }
    xmlFreeDoc(b.doc);
    xmlSetStructuredErrorFunc(old_sctx, old_s);
    xmlSetGenericErrorFunc(old_gctx, old_g);
    vg_buf_release(&b.pool);
    vg_buf_release(&b.tmp);
    vg_buf_release(&b.tmp2);
    vg_free(&b.mem, b.slots);
    return rc;
}

size_t vg_feed_count(const vg_feed *f) { return f ? f->nitems : 0; }

void vg_feed_lost(const vg_feed *f, size_t *unfinished, size_t *unreached)
{
    *unfinished = f ? f->unfinished : 0;
    *unreached = f ? f->unreached : 0;
}

const vg_feed_item *vg_feed_item_at(const vg_feed *f, size_t i) { return f && i < f->nitems ? &f->items[i] : NULL; }

const char *vg_feed_title(const vg_feed *f) { return f ? f->title : NULL; }

void vg_feed_free(vg_feed *f)
{
    if (!f)
        return;
    vg_mem mem = f->mem;
    vg_free(&mem, f->pool);
    vg_free(&mem, f->items);
    vg_free(&mem, f);
}
