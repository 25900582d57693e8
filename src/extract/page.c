/* page.c — a web page read into the page model of page.h, through libxml2's HTML parser.
**
** libxml2's parser is the one lxml wraps, so the one trafilatura and readability-lxml read pages
** with: error-tolerant in the ways real pages need, and fast. Its SAX interface is used rather than
** its tree: the extractor needs the text and a few facts per element, and building libxml2 nodes
** (a malloc each, strings copied) would cost as much as the parse itself. */
#include <stdio.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>

#include "extract.h"
#include "page.h"

static pthread_once_t xml_once = PTHREAD_ONCE_INIT;
static void xml_setup(void) { xmlInitParser(); }
void vg_xml_init(void) { pthread_once(&xml_once, xml_setup); }

/* ---- tags ---- */

enum { P_BLOCK = 1, P_SKIP = 2, P_DROP = 4 };
typedef struct {
    const char *name; /* first: by_name() compares it */
    uint8_t tag, props;
} tag_entry;
static const tag_entry tags[] = { /* sorted by name for bsearch */
    { "a", T_A, 0 },
    { "address", T_ADDRESS, P_BLOCK },
    { "article", T_ARTICLE, P_BLOCK },
    { "aside", T_ASIDE, P_BLOCK | P_DROP },
    { "audio", T_AUDIO, P_SKIP },
    { "b", T_B, 0 },
    { "blockquote", T_BLOCKQUOTE, P_BLOCK },
    { "body", T_BODY, P_BLOCK },
    { "br", T_BR, 0 },
    { "button", T_BUTTON, P_SKIP },
    { "canvas", T_CANVAS, P_SKIP },
    { "caption", T_CAPTION, P_BLOCK },
    { "center", T_CENTER, P_BLOCK },
    { "dd", T_DD, P_BLOCK },
    { "details", T_DETAILS, P_BLOCK },
    { "dialog", T_DIALOG, P_BLOCK | P_DROP },
    { "div", T_DIV, P_BLOCK },
    { "dl", T_DL, P_BLOCK },
    { "dt", T_DT, P_BLOCK },
    { "em", T_EM, 0 },
    { "embed", T_EMBED, P_SKIP },
    { "fieldset", T_FIELDSET, P_BLOCK },
    { "figcaption", T_FIGCAPTION, P_BLOCK | P_DROP },
    { "figure", T_FIGURE, P_BLOCK },
    { "font", T_FONT, 0 },
    { "footer", T_FOOTER, P_BLOCK | P_DROP },
    { "form", T_FORM, P_BLOCK },
    { "h1", T_H1, P_BLOCK },
    { "h2", T_H2, P_BLOCK },
    { "h3", T_H3, P_BLOCK },
    { "h4", T_H4, P_BLOCK },
    { "h5", T_H5, P_BLOCK },
    { "h6", T_H6, P_BLOCK },
    { "head", T_HEAD, P_BLOCK },
    { "header", T_HEADER, P_BLOCK },
    { "hgroup", T_HGROUP, P_BLOCK },
    { "hr", T_HR, P_BLOCK },
    { "html", T_HTML, P_BLOCK },
    { "i", T_I, 0 },
    { "iframe", T_IFRAME, P_SKIP },
    { "img", T_IMG, 0 },
    { "input", T_INPUT, P_SKIP },
    { "label", T_LABEL, 0 },
    { "li", T_LI, P_BLOCK },
    { "link", T_LINK, 0 },
    { "main", T_MAIN, P_BLOCK },
    { "math", T_MATH, P_SKIP },
    { "menu", T_MENU, P_BLOCK | P_DROP },
    { "meta", T_META, 0 },
    { "nav", T_NAV, P_BLOCK | P_DROP },
    { "noscript", T_NOSCRIPT, P_SKIP },
    { "object", T_OBJECT, P_SKIP },
    { "ol", T_OL, P_BLOCK },
    { "option", T_OPTION, P_SKIP },
    { "p", T_P, P_BLOCK },
    { "picture", T_PICTURE, 0 },
    { "pre", T_PRE, P_BLOCK },
    { "script", T_SCRIPT, P_SKIP },
    { "section", T_SECTION, P_BLOCK },
    { "select", T_SELECT, P_SKIP },
    { "span", T_SPAN, 0 },
    { "strong", T_STRONG, 0 },
    { "style", T_STYLE, P_SKIP },
    { "summary", T_SUMMARY, P_BLOCK },
    { "svg", T_SVG, P_SKIP },
    { "table", T_TABLE, P_BLOCK },
    { "tbody", T_TBODY, P_BLOCK },
    { "td", T_TD, P_BLOCK },
    { "template", T_TEMPLATE, P_SKIP },
    { "textarea", T_TEXTAREA, P_SKIP },
    { "tfoot", T_TFOOT, P_BLOCK },
    { "th", T_TH, P_BLOCK },
    { "thead", T_THEAD, P_BLOCK },
    { "time", T_TIME, 0 },
    { "title", T_TITLE, 0 },
    { "tr", T_TR, P_BLOCK },
    { "ul", T_UL, P_BLOCK },
    { "video", T_VIDEO, P_SKIP },
};
#define NTAGS (sizeof tags / sizeof *tags)

/* bsearch's comparison for the tables here, whose entries start with their name. */
static int by_name(const void *key, const void *entry) { return strcmp(key, *(const char *const *)entry); }

static int tag_of(const char *name, uint8_t *props)
{
    const tag_entry *t = bsearch(name, tags, NTAGS, sizeof tags[0], by_name);
    *props = t ? t->props : 0;
    return t ? t->tag : T_OTHER;
}

/* ---- what class, id and role attributes say ----
** The words of class and id names that sites use for their page furniture and for their article,
** in English and French (sites name their classes in English mostly, in French sometimes). A name
** is cut into words at every non-letter and at lower-to-upper case changes ("articleBody",
** "lire-aussi", "post__footer"). A state word (has-, with-, no-, is-…) hides the word after it:
** "has-sidebar" is a page with a sidebar, not a sidebar. */
enum { W_FURNITURE = 1, W_WEAK = 2, W_BODY = 4, W_HIDDEN = 8, W_STATE = 16 };
typedef struct {
    const char *w; /* first: by_name() compares it */
    uint8_t kind;
} word_entry;
static const word_entry name_words[] = { /* sorted for bsearch (test_extract checks) */
    { "abonnement", W_FURNITURE }, { "ad", W_FURNITURE }, { "ads", W_FURNITURE },
    { "adslot", W_FURNITURE }, { "advert", W_FURNITURE }, { "advertisement", W_FURNITURE },
    { "advertising", W_FURNITURE }, { "adverts", W_FURNITURE }, { "agegate", W_FURNITURE },
    { "allow", W_STATE }, { "article", W_BODY }, { "articlebody", W_BODY },
    { "aussi", W_FURNITURE }, { "author", W_WEAK }, { "banner", W_FURNITURE }, { "blog", W_BODY },
    { "body", W_BODY }, { "breadcrumb", W_FURNITURE }, { "breadcrumbs", W_FURNITURE },
    { "byline", W_FURNITURE }, { "can", W_STATE }, { "caption", W_FURNITURE }, { "chapo", W_BODY },
    { "comment", W_FURNITURE }, { "commentaire", W_FURNITURE }, { "commentaires", W_FURNITURE },
    { "comments", W_FURNITURE }, { "consent", W_FURNITURE }, { "content", W_BODY },
    { "contenu", W_BODY }, { "cookie", W_FURNITURE }, { "cookies", W_FURNITURE }, { "copyright", W_FURNITURE },
    { "corps", W_BODY }, { "credit", W_FURNITURE }, { "credits", W_FURNITURE }, { "date", W_WEAK },
    { "dfp", W_FURNITURE }, { "disable", W_STATE }, { "disqus", W_FURNITURE },
    { "enable", W_STATE }, { "entry", W_BODY }, { "extra", W_WEAK }, { "footer", W_FURNITURE },
    { "gdpr", W_FURNITURE }, { "has", W_STATE }, { "header", W_WEAK }, { "hide", W_STATE },
    { "info", W_WEAK }, { "is", W_STATE }, { "legend", W_FURNITURE }, { "legende", W_FURNITURE },
    { "main", W_BODY }, { "masthead", W_FURNITURE }, { "menu", W_FURNITURE }, { "meta", W_WEAK },
    { "modal", W_FURNITURE }, { "mostread", W_FURNITURE }, { "nav", W_FURNITURE },
    { "navbar", W_FURNITURE }, { "navigation", W_FURNITURE }, { "newsletter", W_FURNITURE },
    { "no", W_STATE }, { "not", W_STATE }, { "outbrain", W_FURNITURE }, { "overlay", W_FURNITURE },
    { "pager", W_FURNITURE }, { "pagination", W_FURNITURE }, { "partage", W_FURNITURE },
    { "partager", W_FURNITURE }, { "partner", W_FURNITURE }, { "partners", W_FURNITURE },
    { "popular", W_FURNITURE }, { "popup", W_FURNITURE }, { "post", W_BODY },
    { "print", W_FURNITURE }, { "promo", W_FURNITURE }, { "promoted", W_FURNITURE },
    { "prose", W_BODY }, { "pub", W_FURNITURE }, { "publicite", W_FURNITURE },
    { "recirc", W_FURNITURE }, { "recirculation", W_FURNITURE }, { "recommendations", W_FURNITURE },
    { "recommended", W_FURNITURE }, { "related", W_FURNITURE }, { "remark", W_WEAK },
    { "richtext", W_BODY }, { "rss", W_FURNITURE }, { "share", W_FURNITURE },
    { "sharing", W_FURNITURE }, { "shoutbox", W_FURNITURE }, { "show", W_STATE },
    { "sidebar", W_FURNITURE }, { "signup", W_FURNITURE }, { "skip", W_FURNITURE },
    { "skyscraper", W_FURNITURE }, { "social", W_FURNITURE }, { "sponsor", W_FURNITURE },
    { "sponsored", W_FURNITURE }, { "story", W_BODY }, { "subscribe", W_FURNITURE },
    { "subscription", W_FURNITURE }, { "taboola", W_FURNITURE }, { "tag", W_FURNITURE },
    { "tagcloud", W_FURNITURE }, { "tags", W_FURNITURE }, { "teaser", W_WEAK }, { "text", W_BODY },
    { "texte", W_BODY }, { "timestamp", W_WEAK }, { "toolbar", W_FURNITURE },
    { "trending", W_FURNITURE }, { "widget", W_FURNITURE }, { "widgets", W_FURNITURE },
    { "with", W_STATE }, { "without", W_STATE },
};
static const char *const hidden_words[] = { "sronly", "visuallyhidden" };

static int in_list(const char *w, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(w, list[i]))
            return 1;
    return 0;
}
#define IN(w, list) in_list(w, list, sizeof list / sizeof *list)

int vg_page_selfcheck(void)
{
    for (size_t i = 1; i < sizeof name_words / sizeof *name_words; i++)
        if (strcmp(name_words[i - 1].w, name_words[i].w) >= 0)
            return 0;
    for (size_t i = 1; i < NTAGS; i++)
        if (strcmp(tags[i - 1].name, tags[i].name) >= 0)
            return 0;
    return 1;
}

static unsigned word_kind(const char *w)
{
    const word_entry *e =
        bsearch(w, name_words, sizeof name_words / sizeof *name_words, sizeof name_words[0], by_name);
    return e ? e->kind : 0;
}

/* Hints from one class or id value: W_ bits. */
static unsigned name_hints(const char *v)
{
    unsigned h = 0;
    char w[32];
    size_t k = 0;
    int skip_next = 0, prev_lower = 0;
    /* "sr-only" and "visually-hidden" are one idea in two words: join the words of a run of
    ** '-'-separated parts for the hidden check */
    char joined[32];
    size_t jk = 0;
    for (const char *s = v;; s++) {
        unsigned char c = (unsigned char)*s;
        int alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
        int upper = c >= 'A' && c <= 'Z';
        if (!alpha || (upper && prev_lower)) {
            if (k) {
                w[k] = 0;
                unsigned kind = word_kind(w);
                if (skip_next)
                    skip_next = 0;
                else if (kind == W_STATE)
                    skip_next = 1;
                else
                    h |= kind;
                k = 0;
            }
            if (!alpha && c != '-') {
                joined[jk] = 0;
                if (jk && IN(joined, hidden_words))
                    h |= W_HIDDEN;
                jk = 0;
            }
        }
        if (!c)
            break;
        if (alpha) {
            char lc = (char)(upper ? c + 32 : c);
            if (k + 1 < sizeof w)
                w[k++] = lc;
            if (jk + 1 < sizeof joined)
                joined[jk++] = lc;
        }
        prev_lower = (c >= 'a' && c <= 'z');
    }
    return h;
}

/* ARIA landmark roles of page furniture. */
static int furniture_role(const char *r)
{
    static const char *const roles[] = { "alertdialog", "banner", "complementary", "contentinfo", "dialog",
                                         "menu", "menubar", "navigation", "search", "toolbar" };
    return IN(r, roles);
}

/* ---- building ---- */

void vg_page_init(vg_page *p, const vg_mem *mem)
{
    memset(p, 0, sizeof *p);
    p->mem = mem;
    vg_buf_init(&p->text, mem);
    vg_buf_init(&p->strs, mem);
}

void vg_page_release(vg_page *p)
{
    vg_free(p->mem, p->nodes);
    vg_free(p->mem, p->runs);
    vg_free(p->mem, p->meta);
    vg_free(p->mem, p->stack);
    vg_buf_release(&p->text);
    vg_buf_release(&p->strs);
}

void vg_page_trim(vg_page *p, size_t keep)
{
    if (p->ncap * sizeof *p->nodes > keep) {
        vg_free(p->mem, p->nodes);
        p->nodes = NULL;
        p->nnodes = p->ncap = 0;
    }
    if (p->rcap * sizeof *p->runs > keep) {
        vg_free(p->mem, p->runs);
        p->runs = NULL;
        p->nruns = p->rcap = 0;
    }
    if (p->mcap * sizeof *p->meta > keep) {
        vg_free(p->mem, p->meta);
        p->meta = NULL;
        p->nmeta = p->mcap = 0;
    }
    if (p->scap * sizeof *p->stack > keep) {
        vg_free(p->mem, p->stack);
        p->stack = NULL;
        p->depth = p->scap = 0;
    }
    if (p->text.cap > keep)
        vg_buf_release(&p->text);
    if (p->strs.cap > keep)
        vg_buf_release(&p->strs);
}

/* Out of memory: the page cannot be read; stop the parser rather than build a wrong model. */
static void oom(vg_page *p)
{
    p->oom = 1;
    if (p->parser)
        xmlStopParser(p->parser);
}

static uint32_t add_str(vg_page *p, const char *s, size_t n)
{
    uint32_t off = (uint32_t)p->strs.n;
    if (vg_buf_append(&p->strs, s, n) != VG_OK || vg_buf_putc(&p->strs, 0) != VG_OK)
        oom(p);
    return off;
}

static void add_meta(vg_page *p, int kind, int32_t node, const char *key, const char *value)
{
    if (!value)
        return;
    if (vg_grow(p->mem, (void **)&p->meta, &p->mcap, p->nmeta + 1, sizeof *p->meta) != VG_OK) {
        oom(p);
        return;
    }
    vg_meta *m = &p->meta[p->nmeta++];
    m->kind = (uint8_t)kind;
    m->node = node;
    m->key = add_str(p, key ? key : "", key ? strlen(key) : 0);
    m->value = add_str(p, value, strlen(value));
}

static int32_t top(const vg_page *p) { return p->depth ? p->stack[p->depth - 1] : -1; }

/* The nearest open block-level element. */
static int32_t open_block(const vg_page *p)
{
    for (size_t d = p->depth; d-- > 0;)
        if (p->nodes[p->stack[d]].flags & N_BLOCK)
            return p->stack[d];
    return -1;
}

static void add_run(vg_page *p, int kind, uint32_t off, uint32_t len)
{
    int32_t node = top(p), block = open_block(p);
    if (kind == RUN_TEXT && p->nruns) {
        vg_run *last = &p->runs[p->nruns - 1];
        if (last->kind == RUN_TEXT && last->node == node && last->link == (p->links > 0) &&
            last->off + last->len == off) {
            last->len += len;
            return;
        }
    }
    if (kind == RUN_BREAK && (!p->nruns || p->runs[p->nruns - 1].kind == RUN_BREAK))
        return; /* one boundary is enough */
    if (vg_grow(p->mem, (void **)&p->runs, &p->rcap, p->nruns + 1, sizeof *p->runs) != VG_OK) {
        oom(p);
        return;
    }
    p->runs[p->nruns++] = (vg_run){ node, block, off, len, (uint8_t)kind, (uint8_t)(p->links > 0) };
}

static void boundary(vg_page *p)
{
    add_run(p, RUN_BREAK, (uint32_t)p->text.n, 0);
    p->line_start = 1;
    p->space = 0;
}

/* The attributes the extractor reads, found in one pass over an element's attributes. */
typedef struct {
    const char *cls, *id, *role, *itemprop, *style, *hidden, *aria_hidden, *lang, *property, *name,
        *http_equiv, *content, *rel, *href, *datetime, *pubdate, *type;
} attrs;

static void read_attrs(const xmlChar **a, attrs *at)
{
    memset(at, 0, sizeof *at);
    for (; a && a[0]; a += 2) {
        const char *k = (const char *)a[0], *v = a[1] ? (const char *)a[1] : "";
        const char **slot = NULL;
        switch (k[0]) {
        case 'a': if (!strcmp(k, "aria-hidden")) slot = &at->aria_hidden; break;
        case 'c': if (!strcmp(k, "class")) slot = &at->cls; else if (!strcmp(k, "content")) slot = &at->content; break;
        case 'd': if (!strcmp(k, "datetime")) slot = &at->datetime; break;
        case 'h':
            if (!strcmp(k, "href")) slot = &at->href;
            else if (!strcmp(k, "hidden")) slot = &at->hidden;
            else if (!strcmp(k, "http-equiv")) slot = &at->http_equiv;
            break;
        case 'i': if (!strcmp(k, "id")) slot = &at->id; else if (!strcmp(k, "itemprop")) slot = &at->itemprop; break;
        case 'l': if (!strcmp(k, "lang")) slot = &at->lang; break;
        case 'n': if (!strcmp(k, "name")) slot = &at->name; break;
        case 'p': if (!strcmp(k, "property")) slot = &at->property; else if (!strcmp(k, "pubdate")) slot = &at->pubdate; break;
        case 'r': if (!strcmp(k, "role")) slot = &at->role; else if (!strcmp(k, "rel")) slot = &at->rel; break;
        case 's': if (!strcmp(k, "style")) slot = &at->style; break;
        case 't': if (!strcmp(k, "type")) slot = &at->type; break;
        case 'x': if (!strcmp(k, "xml:lang")) slot = &at->lang; break;
        default: break;
        }
        if (slot && !*slot)
            *slot = v;
    }
}

static int ci_contains(const char *s, const char *w)
{
    size_t n = strlen(w);
    for (; *s; s++)
        if (!strncasecmp(s, w, n))
            return 1;
    return 0;
}

/* display:none or visibility:hidden in a style attribute, blanks allowed around the colon */
static int hidden_style(const char *st)
{
    char c[64];
    size_t k = 0;
    for (const char *s = st; *s; s++) {
        if (*s == ' ' || *s == '\t' || *s == '\n')
            continue;
        if (k + 1 < sizeof c) {
            c[k++] = (char)((*s >= 'A' && *s <= 'Z') ? *s + 32 : *s);
            c[k] = 0;
        }
        if (*s == ';' || !s[1]) {
            if (strstr(c, "display:none") || strstr(c, "visibility:hidden"))
                return 1;
            k = 0;
        }
    }
    return 0;
}

static void on_start(void *ctx, const xmlChar *xname, const xmlChar **a)
{
    vg_page *p = ctx;
    if (p->oom)
        return;
    const char *name = (const char *)xname;
    uint8_t props;
    int tag = tag_of(name, &props);
    int32_t parent = top(p);
    if (vg_grow(p->mem, (void **)&p->nodes, &p->ncap, p->nnodes + 1, sizeof *p->nodes) != VG_OK ||
        vg_grow(p->mem, (void **)&p->stack, &p->scap, p->depth + 1, sizeof *p->stack) != VG_OK) {
        oom(p);
        return;
    }
    int32_t id = (int32_t)p->nnodes++;
    vg_node *n = &p->nodes[id];
    memset(n, 0, sizeof *n);
    n->parent = parent;
    n->first = n->last = n->next = -1;
    n->end = id + 1;
    n->tag = (uint16_t)tag;
    if (props & P_BLOCK)
        n->flags |= N_BLOCK;
    if (parent >= 0) {
        vg_node *pn = &p->nodes[parent];
        n->flags |= pn->flags & (N_DROP | N_UNLIKELY);
        if (props & P_BLOCK)
            pn->flags |= N_BLOCKKIDS;
        if (pn->first < 0)
            pn->first = id;
        else
            p->nodes[pn->last].next = id;
        pn->last = id;
    }
    if (tag == T_BODY)
        p->body = id;
    if (props & P_DROP)
        n->flags |= N_DROP;
    if (props & P_SKIP) {
        n->flags |= N_SKIPTEXT;
        p->skip++;
    }

    /* attributes */
    attrs at;
    read_attrs(a, &at);
    const char *cls = at.cls, *idv = at.id, *role = at.role;
    unsigned h = (cls ? name_hints(cls) : 0) | (idv ? name_hints(idv) : 0);
    if (cls && *cls)
        n->klass = (uint32_t)vg_hash64(cls, strlen(cls), 7) | 1;
    if (h & W_FURNITURE)
        n->weight -= 25;
    if ((h & W_WEAK) && !(h & W_FURNITURE))
        n->weight -= 25;
    if (h & W_BODY)
        n->weight += 25;
    const char *prop = at.itemprop;
    if (prop && (ci_contains(prop, "articleBody") || !strcmp(prop, "text"))) {
        n->flags |= N_BODYPROP;
        n->flags &= (uint16_t)~N_UNLIKELY;
    }
    if ((h & W_FURNITURE) && tag != T_BODY && tag != T_HTML && tag != T_MAIN && !(n->flags & N_BODYPROP))
        n->flags |= N_UNLIKELY;
    if (role && furniture_role(role))
        n->flags |= N_DROP;
    const char *st = at.style, *ah = at.aria_hidden;
    if ((h & W_HIDDEN) || at.hidden || (ah && !strcmp(ah, "true")) || (st && hidden_style(st)))
        n->flags |= N_DROP;

    /* metadata */
    switch (tag) {
    case T_HTML: {
        add_meta(p, M_LANG, id, NULL, at.lang);
        break;
    }
    case T_META: {
        const char *key = at.property ? at.property : at.name ? at.name : at.itemprop ? at.itemprop : at.http_equiv;
        if (key)
            add_meta(p, M_META, id, key, at.content);
        break;
    }
    case T_LINK: {
        if (at.rel && !strcasecmp(at.rel, "canonical"))
            add_meta(p, M_CANONICAL, id, NULL, at.href);
        break;
    }
    case T_TIME:
        add_meta(p, M_TIME, id, prop ? prop : (at.pubdate ? "pubdate" : cls), at.datetime);
        break;
    case T_SCRIPT: {
        if (at.type && ci_contains(at.type, "ld+json")) {
            p->capture = M_JSONLD;
            p->capture_off = (uint32_t)p->strs.n;
            p->capture_node = id;
        }
        break;
    }
    case T_TITLE:
        if (!p->capture) {
            p->capture = M_TITLE;
            p->capture_off = (uint32_t)p->strs.n;
            p->capture_node = id;
        }
        break;
    case T_A:
        if (at.href) {
            p->links++;
            n->flags |= N_LINK;
        } else
            n->tag = T_OTHER; /* an anchor without href is not a link */
        break;
    default:
        break;
    }
    if (prop && tag != T_META && tag != T_TIME && strstr(prop, "date")) {
        add_meta(p, M_ITEMPROP, id, prop, at.content ? at.content : at.datetime);
    }
    p->stack[p->depth++] = id;
    if (props & P_BLOCK)
        boundary(p);
    else if (tag == T_BR) {
        add_run(p, RUN_BR, (uint32_t)p->text.n, 0);
        p->line_start = 1;
        p->space = 0;
    }
}

static void end_capture(vg_page *p)
{
    if (p->capture) {
        uint32_t off = p->capture_off;
        if (vg_buf_putc(&p->strs, 0) != VG_OK) {
            oom(p);
        } else if (vg_grow(p->mem, (void **)&p->meta, &p->mcap, p->nmeta + 1, sizeof *p->meta) == VG_OK) {
            vg_meta *m = &p->meta[p->nmeta++];
            m->kind = (uint8_t)p->capture;
            m->node = p->capture_node;
            m->key = add_str(p, "", 0);
            m->value = off;
        } else {
            oom(p);
        }
        p->capture = 0;
    }
}

/* libxml2 closes the elements a page leaves open (or closes out of order) itself, with an end
** event for each, so the events are balanced and an end always closes the innermost element. */
static void on_end(void *ctx, const xmlChar *xname)
{
    vg_page *p = ctx;
    (void)xname;
    if (!p->depth || p->oom)
        return;
    int32_t id = p->stack[--p->depth];
    vg_node *n = &p->nodes[id];
    n->end = (int32_t)p->nnodes;
    if ((n->flags & N_SKIPTEXT) && p->skip)
        p->skip--;
    if ((n->flags & N_LINK) && p->links)
        p->links--;
    if (p->capture && p->capture_node == id)
        end_capture(p);
    if (n->flags & N_BLOCK)
        boundary(p);
}

static int is_blank(unsigned char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; }

static void on_text(void *ctx, const xmlChar *ch, int len)
{
    vg_page *p = ctx;
    if (len <= 0)
        return;
    if (p->capture) {
        if (vg_buf_append(&p->strs, ch, (size_t)len) != VG_OK)
            oom(p);
        if (p->capture == M_JSONLD || p->skip)
            return;
    }
    if (p->skip || p->depth == 0)
        return;
    if (vg_buf_reserve(&p->text, (size_t)len + 1) != VG_OK) {
        oom(p);
        return;
    }
    uint32_t off = (uint32_t)p->text.n;
    char *o = p->text.p + p->text.n;
    const unsigned char *s = ch;
    for (int i = 0; i < len; i++) {
        unsigned char c = s[i];
        /* no-break spaces (U+00A0, U+202F) are blanks too: French typography puts them inside « » */
        if (c == 0xC2 && i + 1 < len && s[i + 1] == 0xA0) {
            p->space = 1;
            i++;
            continue;
        }
        if (c == 0xE2 && i + 2 < len && s[i + 1] == 0x80 && s[i + 2] == 0xAF) {
            p->space = 1;
            i += 2;
            continue;
        }
        if (is_blank(c)) {
            p->space = 1;
            continue;
        }
        if (p->space && !p->line_start)
            *o++ = ' ';
        p->space = 0;
        p->line_start = 0;
        *o++ = (char)c;
    }
    size_t k = (size_t)(o - (p->text.p + p->text.n));
    if (!k)
        return;
    p->text.n += k;
    p->text.p[p->text.n] = 0;
    add_run(p, RUN_TEXT, off, (uint32_t)k);
}

/* libxml2 prints its parse errors through a global handler; a page's errors are not the user's
** concern (every page has some), so they go nowhere. */
static void quiet(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

vg_status vg_page_parse(vg_page *p, const char *html, size_t n)
{
    vg_xml_init();
    p->nnodes = p->nruns = p->nmeta = p->depth = 0;
    vg_buf_clear(&p->text);
    vg_buf_clear(&p->strs);
    p->body = -1;
    p->skip = 0;
    p->capture = 0;
    p->links = 0;
    p->space = 0;
    p->line_start = 1;
    p->oom = 0;
    if (vg_buf_reserve(&p->text, n / 4 + 64) != VG_OK || vg_buf_reserve(&p->strs, 1024) != VG_OK)
        return VG_ENOMEM;
    p->text.p[0] = 0;
    if (n > (size_t)INT32_MAX)
        return VG_ELIMIT;
    htmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.startElement = on_start;
    sax.endElement = on_end;
    sax.characters = on_text;
    sax.cdataBlock = on_text;
    sax.ignorableWhitespace = on_text;
    sax.error = quiet;
    sax.warning = quiet;
    htmlParserCtxtPtr c = htmlCreateMemoryParserCtxt(n ? html : " ", n ? (int)n : 1);
    if (!c)
        return VG_ENOMEM;
    /* our handlers replace the tree builder; the input is UTF-8 already (charset.c), and a
    ** <meta charset> in it must not make libxml2 decode it a second time */
    memcpy(c->sax, &sax, sizeof sax);
    c->userData = p;
    p->parser = c;
    htmlCtxtUseOptions(c, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                              HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC);
    xmlSwitchEncoding(c, XML_CHAR_ENCODING_UTF8);
    htmlParseDocument(c);
    htmlFreeParserCtxt(c);
    p->parser = NULL;
    while (p->depth) /* left open (the parser stopped): they end where the page ends */
        p->nodes[p->stack[--p->depth]].end = (int32_t)p->nnodes;
    end_capture(p);
    return p->oom ? VG_ENOMEM : VG_OK;
}
