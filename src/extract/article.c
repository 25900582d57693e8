/* article.c — which part of a page is the article, written out as paragraphs.
**
** The method is Readability's (Arc90, then Mozilla's readability.js), the one most extractors
** descend from, on vigie's page model:
**   1. paragraphs score points for their length and commas; the points go to their parent, half
**      to their grandparent, less to the ancestors above; a container's class and id words and
**      its tag add or take points, and its score is cut by its share of link text;
**   2. the best container, moved up when its parent holds several near-best ones, is the article;
**      its siblings join when they score well or read like paragraphs;
**   3. inside, lists, tables and boxes that look like page furniture (mostly links, images or
**      form fields, little text, few commas) are removed;
**   4. when what is left is too short, the page is read again with fewer rules (a page whose
**      article sits in a "sidebar-wrapper" must still give its article).
** vigie adds what news pages need: schema.org's itemprop="articleBody" as a strong hint, French
** class names, ARIA roles and hidden elements, and a last filter on paragraphs: one made mostly of
** link text, or a furniture line (« Lire aussi », « Vous avez repéré une erreur ? », "Advertisement")
** is not article text. The <h1> is the title, not the body. */
#include <stdio.h>
#include <string.h>

#include "extract.h"
#include "page.h"

struct vg_extractor {
    const vg_mem *mem;
    vg_iconv *ic;
    vg_buf utf8; /* the page in UTF-8 */
    vg_page page;
    vg_pagemeta meta;
    vg_buf out;  /* the body */
    char charset[32];
    int32_t *cand;
    size_t ncand, ccap;
    vg_counts *acc; /* clean(): what each node's descendants lost */
    size_t acap;
};

vg_status vg_extractor_new(const vg_mem *mem, vg_extractor **out)
{
    vg_xml_init();
    vg_extractor *x = vg_malloc(mem, sizeof *x);
    *out = x;
    if (!x)
        return VG_ENOMEM;
    memset(x, 0, sizeof *x);
    x->mem = mem;
    vg_buf_init(&x->utf8, mem);
    vg_buf_init(&x->out, mem);
    vg_page_init(&x->page, mem);
    vg_pagemeta_init(&x->meta, mem);
    if (vg_iconv_new(mem, &x->ic) != VG_OK) {
        vg_extractor_free(x);
        *out = NULL;
        return VG_ENOMEM;
    }
    return VG_OK;
}

void vg_extractor_free(vg_extractor *x)
{
    if (!x)
        return;
    vg_iconv_free(x->ic);
    vg_buf_release(&x->utf8);
    vg_buf_release(&x->out);
    vg_page_release(&x->page);
    vg_pagemeta_release(&x->meta);
    vg_free(x->mem, x->cand);
    vg_free(x->mem, x->acc);
    vg_free(x->mem, x);
}

/* ---- one reading of the page, with some rules on or off ---- */

enum { F_STRIP_UNLIKELY = 1, F_WEIGHT = 2, F_CLEAN = 4, F_ALL = 7 };

static int removed(const vg_node *n, unsigned f)
{
    return (n->flags & N_DROP) || ((f & F_STRIP_UNLIKELY) && (n->flags & N_UNLIKELY));
}

static int is_heading(int t) { return t >= T_H1 && t <= T_H6; }

static void counts_add(vg_counts *a, const vg_counts *b)
{
    a->text += b->text, a->link += b->link, a->commas += b->commas, a->np += b->np, a->nli += b->nli;
    a->nimg += b->nimg, a->ninput += b->ninput, a->nembed += b->nembed, a->nhead += b->nhead;
}

static void counts_sub(vg_counts *a, const vg_counts *b)
{
    a->text -= b->text, a->link -= b->link, a->commas -= b->commas, a->np -= b->np, a->nli -= b->nli;
    a->nimg -= b->nimg, a->ninput -= b->ninput, a->nembed -= b->nembed, a->nhead -= b->nhead;
}

/* Counters of every element over its subtree, leaving out what the rules remove; and the last
** text run of each subtree. */
static void count(vg_page *p, unsigned f)
{
    for (size_t i = 0; i < p->nnodes; i++) {
        vg_node *n = &p->nodes[i];
        vg_counts *c = &n->c;
        memset(c, 0, sizeof *c);
        c->np = n->tag == T_P;
        c->nli = n->tag == T_LI;
        c->nimg = n->tag == T_IMG;
        c->ninput = n->tag == T_INPUT || n->tag == T_SELECT || n->tag == T_TEXTAREA || n->tag == T_BUTTON;
        c->nembed = n->tag == T_EMBED || n->tag == T_OBJECT || n->tag == T_IFRAME;
        n->score = 0;
        n->lastrun = -1;
        n->flags &= (uint16_t)~(N_SCORED | N_KEEP | N_CUT);
    }
    for (size_t i = 0; i < p->nruns; i++) {
        const vg_run *r = &p->runs[i];
        if (r->kind != RUN_TEXT || r->node < 0)
            continue;
        vg_node *n = &p->nodes[r->node];
        n->c.text += r->len;
        if (r->link)
            n->c.link += r->len;
        if (r->block >= 0 && is_heading(p->nodes[r->block].tag))
            n->c.nhead += r->len;
        const char *s = p->text.p + r->off;
        for (uint32_t k = 0; k < r->len; k++)
            n->c.commas += s[k] == ',';
        n->lastrun = (int32_t)i;
    }
    for (size_t i = p->nnodes; i-- > 1;) {
        vg_node *n = &p->nodes[i];
        if (n->parent < 0 || removed(n, f))
            continue;
        vg_node *u = &p->nodes[n->parent];
        counts_add(&u->c, &n->c);
        if (n->lastrun > u->lastrun)
            u->lastrun = n->lastrun;
    }
}

static float link_density(const vg_node *n) { return n->c.text ? (float)n->c.link / (float)n->c.text : 0.0f; }

static void init_candidate(vg_page *p, int32_t id, unsigned f)
{
    vg_node *n = &p->nodes[id];
    if (n->flags & N_SCORED)
        return;
    n->flags |= N_SCORED;
    float s = 0;
    switch (n->tag) {
    case T_DIV: s = 5; break;
    case T_PRE: case T_TD: case T_BLOCKQUOTE: s = 3; break;
    case T_ADDRESS: case T_OL: case T_UL: case T_DL: case T_DD: case T_DT: case T_LI: case T_FORM: s = -3; break;
    case T_H1: case T_H2: case T_H3: case T_H4: case T_H5: case T_H6: case T_TH: s = -5; break;
    default: break;
    }
    if (f & F_WEIGHT)
        s += n->weight;
    if (n->flags & N_BODYPROP)
        s += 50; /* the publisher says this is the article body */
    n->score = s;
}

/* Is the text of block element n a paragraph of its own (readability's tags to score, and the
** divs it turns into paragraphs), rather than loose text inside a container? */
static int paragraph_like(const vg_node *n)
{
    switch (n->tag) {
    case T_P: case T_PRE: case T_TD: case T_SECTION: case T_H2: case T_H3: case T_H4: case T_H5: case T_H6:
        return 1;
    case T_LI: case T_DT: case T_DD: case T_TH: case T_H1: case T_CAPTION:
        return -1; /* not scored */
    default:
        return !(n->flags & N_BLOCKKIDS);
    }
}

static int push_cand(vg_extractor *x, int32_t id)
{
    if (vg_grow(x->mem, (void **)&x->cand, &x->ccap, x->ncand + 1, sizeof *x->cand) != VG_OK)
        return 0;
    x->cand[x->ncand++] = id;
    return 1;
}

/* Score paragraphs into their ancestors; returns 0 when out of memory. */
static int score(vg_extractor *x, unsigned f)
{
    vg_page *p = &x->page;
    x->ncand = 0;
    size_t i = 0;
    while (i < p->nruns) {
        /* one block: runs up to the next boundary */
        size_t j = i;
        uint32_t len = 0, commas = 0;
        int32_t owner = -1;
        while (j < p->nruns && p->runs[j].kind != RUN_BREAK) {
            const vg_run *r = &p->runs[j];
            if (r->kind == RUN_TEXT && r->node >= 0 && !removed(&p->nodes[r->node], f)) {
                len += r->len;
                const char *s = p->text.p + r->off;
                for (uint32_t k = 0; k < r->len; k++)
                    commas += s[k] == ',';
                owner = r->block;
            }
            j++;
        }
        i = j + 1;
        if (owner < 0 || len < 25)
            continue;
        const vg_node *o = &p->nodes[owner];
        int pl = paragraph_like(o);
        if (pl < 0)
            continue;
        float pts = 1.0f + (float)commas + (float)(len / 100 < 3 ? len / 100 : 3);
        int32_t a = pl ? o->parent : owner;
        for (int level = 0; a >= 0 && level < 5; level++, a = p->nodes[a].parent) {
            vg_node *an = &p->nodes[a];
            if (an->tag == T_HTML)
                break;
            if (!(an->flags & N_SCORED)) {
                init_candidate(p, a, f);
                if (!push_cand(x, a))
                    return 0;
            }
            an->score += pts / (level == 0 ? 1.0f : level == 1 ? 2.0f : (float)level * 3.0f);
        }
    }
    for (size_t k = 0; k < x->ncand; k++) {
        vg_node *n = &p->nodes[x->cand[k]];
        n->score *= 1.0f - link_density(n);
    }
    return 1;
}

/* Is a n or an ancestor of n? (A subtree is a run of nodes in document order.) */
static int is_ancestor(const vg_page *p, int32_t a, int32_t n) { return n >= a && n < p->nodes[a].end; }

static int element_children(const vg_page *p, int32_t id)
{
    int k = 0;
    for (int32_t c = p->nodes[id].first; c >= 0; c = p->nodes[c].next)
        k++;
    return k;
}

/* The article's container (readability's top candidate, with its moves up the tree). */
static int32_t top_candidate(vg_extractor *x, unsigned f)
{
    vg_page *p = &x->page;
    int32_t top5[5];
    int nt = 0;
    for (size_t k = 0; k < x->ncand; k++) {
        int32_t c = x->cand[k];
        float s = p->nodes[c].score;
        int at = nt;
        while (at > 0 && p->nodes[top5[at - 1]].score < s)
            at--;
        if (at < 5) {
            for (int m = (nt < 5 ? nt : 4); m > at; m--)
                top5[m] = top5[m - 1];
            top5[at] = c;
            if (nt < 5)
                nt++;
        }
    }
    int32_t body = p->body >= 0 ? p->body : 0;
    if (!nt || top5[0] == body)
        return p->nnodes ? body : -1;
    int32_t top = top5[0];
    float ts = p->nodes[top].score;
    /* several near-best candidates under one ancestor: the article is that ancestor */
    int alts = 0;
    for (int k = 1; k < nt; k++)
        if (ts > 0 && p->nodes[top5[k]].score / ts >= 0.75f)
            alts++;
    if (alts >= 3) {
        for (int32_t a = p->nodes[top].parent; a >= 0 && a != body; a = p->nodes[a].parent) {
            int holds = 0;
            for (int k = 1; k < nt; k++)
                if (ts > 0 && p->nodes[top5[k]].score / ts >= 0.75f && is_ancestor(p, a, top5[k]))
                    holds++;
            if (holds >= 3) {
                top = a;
                init_candidate(p, top, f);
                break;
            }
        }
    }
    /* a parent that scores better than the candidate is the better article */
    float last = p->nodes[top].score, threshold = last / 3;
    for (int32_t a = p->nodes[top].parent; a >= 0 && a != body; a = p->nodes[a].parent) {
        if (!(p->nodes[a].flags & N_SCORED))
            continue;
        float s = p->nodes[a].score;
        if (s < threshold)
            break;
        if (s > last) {
            top = a;
            break;
        }
        last = s;
    }
    /* an only child says nothing its parent does not */
    for (int32_t a = p->nodes[top].parent; a >= 0 && a != body && element_children(p, a) == 1; a = p->nodes[a].parent)
        top = a;
    init_candidate(p, top, f);
    return top;
}

/* Text of the subtree n as counted, does it end a sentence (readability's sibling test)? */
static int ends_sentence(const vg_page *p, int32_t n)
{
    if (p->nodes[n].lastrun < 0)
        return 0;
    const vg_run *r = &p->runs[p->nodes[n].lastrun];
    const char *s = p->text.p + r->off;
    for (uint32_t k = 0; k < r->len; k++)
        if (s[k] == '.' && (k + 1 == r->len || s[k + 1] == ' '))
            return 1;
    return 0;
}

/* Readability keeps a sibling <p> that reads like prose; a news page often puts such a paragraph
** one level down, in the article's <header> beside its body (the standfirst). Those <p> join too,
** on the same test. (Any box, not only headers, was tried: it let in teasers and notices, and
** cost precision on the extraction benchmark.) */
static void keep_paragraphs(vg_page *p, int32_t box)
{
    for (int32_t i = box + 1; i < p->nodes[box].end; i++) {
        vg_node *n = &p->nodes[i];
        if (n->tag == T_P && n->c.text > 80 && link_density(n) < 0.25f)
            n->flags |= N_KEEP;
    }
}

/* Mark the chosen container and the siblings that join it N_KEEP. */
static void gather(vg_page *p, int32_t top)
{
    int32_t parent = p->nodes[top].parent;
    if (parent < 0 || top == p->body) {
        p->nodes[top].flags |= N_KEEP;
        return;
    }
    const vg_node *t = &p->nodes[top];
    float threshold = t->score * 0.2f > 10 ? t->score * 0.2f : 10;
    for (int32_t c = p->nodes[parent].first; c >= 0; c = p->nodes[c].next) {
        vg_node *s = &p->nodes[c];
        int keep = c == top;
        if (!keep) {
            float bonus = (s->klass && s->klass == t->klass) ? t->score * 0.2f : 0;
            if ((s->flags & N_SCORED) && s->score + bonus >= threshold)
                keep = 1;
            else if (s->tag == T_P) {
                float ld = link_density(s);
                if (s->c.text > 80 && ld < 0.25f)
                    keep = 1;
                else if (s->c.text < 80 && s->c.text > 0 && ld == 0 && ends_sentence(p, c))
                    keep = 1;
            }
        }
        if (keep)
            s->flags |= N_KEEP;
        else if (s->tag == T_HEADER)
            keep_paragraphs(p, c);
    }
}

/* Remove inside the kept content what looks like furniture (readability's "clean conditionally"),
** innermost first, each removal taken off its ancestors' counters so the outer boxes are judged on
** what is left of them. Nodes are visited in reverse document order, so all of a node's
** descendants come before it: what they lost is carried up in acc, one step at a time, and the
** whole pass is linear however deep the page. */
static int clean(vg_extractor *x, unsigned f)
{
    vg_page *p = &x->page;
    /* kept: inherit N_KEEP down the tree (parents come before children) */
    for (size_t i = 0; i < p->nnodes; i++) {
        vg_node *n = &p->nodes[i];
        if (n->parent >= 0 && (p->nodes[n->parent].flags & N_KEEP))
            n->flags |= N_KEEP;
    }
    if (!(f & F_CLEAN))
        return 1;
    if (vg_grow(x->mem, (void **)&x->acc, &x->acap, p->nnodes, sizeof *x->acc) != VG_OK)
        return 0;
    memset(x->acc, 0, p->nnodes * sizeof *x->acc);
    for (size_t i = p->nnodes; i-- > 0;) {
        vg_node *n = &p->nodes[i];
        if (removed(n, f))
            continue;
        counts_sub(&n->c, &x->acc[i]);
        int t = n->tag, cut = 0;
        if ((n->flags & N_KEEP) && (t == T_FORM || t == T_FIELDSET || t == T_TABLE || t == T_UL || t == T_OL ||
                                    t == T_DIV || t == T_SECTION || t == T_HEADER)) {
            const vg_counts *c = &n->c;
            float weight = (f & F_WEIGHT) ? n->weight : 0;
            float cs = (n->flags & N_SCORED) ? n->score : 0;
            if (weight + cs < 0) {
                cut = 1;
            } else if (c->commas < 10) {
                int list = t == T_UL || t == T_OL;
                float ld = link_density(n);
                int p_ = (int)c->np, img = (int)c->nimg, li = (int)c->nli - 100;
                float hd = c->text ? (float)c->nhead / (float)c->text : 0;
                cut = (img > 1 && (float)p_ / (float)img < 0.5f) || (!list && li > p_) ||
                      ((int)c->ninput > p_ / 3) ||
                      (!list && hd < 0.9f && c->text < 25 && (img == 0 || img > 2)) ||
                      (!list && weight < 25 && ld > 0.2f) || (weight >= 25 && ld > 0.5f) ||
                      (c->nembed == 1 && c->text < 75) || c->nembed > 1;
            }
        }
        if (cut)
            n->flags |= N_CUT;
        if (n->parent >= 0) {
            vg_counts *up = &x->acc[n->parent];
            counts_add(up, &x->acc[i]);
            if (cut)
                counts_add(up, &n->c);
        }
    }
    /* what is under a cut is cut */
    for (size_t i = 0; i < p->nnodes; i++) {
        vg_node *n = &p->nodes[i];
        if (n->parent >= 0 && (p->nodes[n->parent].flags & N_CUT))
            n->flags |= N_CUT;
    }
    return 1;
}

/* ---- paragraphs out ---- */

/* Lines that are page furniture wherever they stand: a paragraph that starts with one of these
** and is short is not article text. Lower-case; compared without case. */
static const char *const furniture_lines[] = {
    "à lire aussi", "a lire aussi", "lire aussi", "lire la suite", "voir aussi", "vous avez repéré une erreur",
    "signalez-le", "contenu partenaire", "contenu sponsorisé", "publicité", "partager", "abonnez-vous",
    "réservé aux abonnés", "inscrivez-vous", "recevez notre newsletter", "suivez-nous", "newsletter",
    "advertisement", "scroll to continue", "read more", "read also", "see also", "related:", "share this",
    "share on", "sign up", "subscribe", "follow us", "click here", "continue reading", "sponsored",
    "most read", "les plus lus", "en savoir plus", "copyright", "\xC2\xA9", "tous droits réservés",
    "all rights reserved"
};

static int lower_eq_prefix(const char *s, size_t n, const char *w)
{
    size_t k = strlen(w);
    if (n < k)
        return 0;
    for (size_t i = 0; i < k; i++) {
        unsigned char a = (unsigned char)s[i], b = (unsigned char)w[i];
        if (a >= 'A' && a <= 'Z')
            a = (unsigned char)(a + 32);
        if (a == 0xC3 && b == 0xC3 && i + 1 < k) { /* À É Ê… vs à é ê: Latin-1 supplement capitals */
            unsigned char c = (unsigned char)s[i + 1], d = (unsigned char)w[i + 1];
            if (c >= 0x80 && c <= 0x9E)
                c = (unsigned char)(c + 0x20);
            if (c != d)
                return 0;
            i++;
            continue;
        }
        if (a != b)
            return 0;
    }
    /* a whole word: what follows is not a letter */
    unsigned char nx = k < n ? (unsigned char)s[k] : ' ';
    return !((nx >= 'a' && nx <= 'z') || (nx >= 'A' && nx <= 'Z'));
}

static int furniture_line(const char *s, size_t n)
{
    if (n > 160)
        return 0;
    for (size_t i = 0; i < sizeof furniture_lines / sizeof *furniture_lines; i++)
        if (lower_eq_prefix(s, n, furniture_lines[i]))
            return 1;
    return 0;
}

static int keep_run(const vg_page *p, const vg_run *r, unsigned f, int fragment)
{
    if (r->node < 0)
        return 0;
    if (fragment)
        return 1;
    const vg_node *n = &p->nodes[r->node];
    return (n->flags & N_KEEP) && !(n->flags & N_CUT) && !removed(n, f);
}

/* Write the kept blocks to out as paragraphs; returns the length of text written, -1 when out of
** memory. */
static long write_body(vg_extractor *x, unsigned f, int fragment)
{
    vg_page *p = &x->page;
    vg_buf *out = &x->out;
    vg_buf_clear(out);
    size_t i = 0;
    while (i < p->nruns) {
        /* a paragraph: runs up to a block boundary or two line breaks in a row */
        size_t j = i, brs = 0;
        uint32_t len = 0, link = 0;
        int32_t owner = -1;
        for (; j < p->nruns; j++) {
            const vg_run *r = &p->runs[j];
            if (r->kind == RUN_BREAK)
                break;
            if (r->kind == RUN_BR) {
                if (++brs >= 2 && len)
                    break;
                continue;
            }
            if (keep_run(p, r, f, fragment)) {
                brs = 0;
                len += r->len;
                link += r->link ? r->len : 0;
                owner = r->block;
            }
        }
        size_t next = j + 1;
        if (!len || owner < 0) {
            i = next;
            continue;
        }
        int drop = 0;
        if (!fragment) {
            const vg_node *o = &p->nodes[owner];
            drop = o->tag == T_H1 || (float)link > 0.5f * (float)len;
        }
        /* write it, then look at what was written (runs can be apart in the text buffer) */
        size_t start = out->n;
        if (start && vg_buf_append(out, "\n\n", 2) != VG_OK)
            return -1;
        size_t text_start = out->n;
        int line_open = 0;
        for (size_t k = i; k < j && !drop; k++) {
            const vg_run *r = &p->runs[k];
            if (r->kind == RUN_BR) {
                if (line_open) {
                    vg_buf_putc(out, '\n');
                    line_open = 0;
                }
                continue;
            }
            if (r->kind != RUN_TEXT || !keep_run(p, r, f, fragment))
                continue;
            const char *s = p->text.p + r->off;
            uint32_t n = r->len;
            if (!line_open || (out->n && out->p[out->n - 1] == '\n'))
                while (n && *s == ' ')
                    s++, n--;
            if (n && vg_buf_append(out, s, n) != VG_OK)
                return -1;
            line_open = line_open || n;
        }
        while (out->n > text_start && (out->p[out->n - 1] == ' ' || out->p[out->n - 1] == '\n'))
            out->n--;
        if (drop || out->n == text_start || (!fragment && furniture_line(out->p + text_start, out->n - text_start)))
            out->n = start;
        i = next;
    }
    if (vg_buf_putc(out, 0) != VG_OK)
        return -1;
    out->n--;
    return (long)out->n;
}

/* Readability's retries: each drops one rule, and the longest reading wins if none is long. */
#define ENOUGH_TEXT 500

/* One reading with rules f: the article's text in x->out, its length returned; -1 when out of
** memory. A page with no element at all has an empty article. */
static long read_once(vg_extractor *x, unsigned f)
{
    count(&x->page, f);
    if (!score(x, f))
        return -1;
    int32_t top = top_candidate(x, f);
    if (top < 0) {
        vg_buf_clear(&x->out);
        return 0;
    }
    gather(&x->page, top);
    if (!clean(x, f))
        return -1;
    return write_body(x, f, 0);
}

static vg_status find_article(vg_extractor *x)
{
    static const unsigned tries[] = { F_ALL, F_ALL & ~F_STRIP_UNLIKELY, F_CLEAN, 0 };
    long best_len = -1, n = 0;
    unsigned best = F_ALL;
    for (size_t t = 0; t < sizeof tries / sizeof *tries; t++) {
        if ((n = read_once(x, tries[t])) < 0)
            return VG_ENOMEM;
        if (n >= ENOUGH_TEXT)
            return VG_OK;
        if (n > best_len) {
            best_len = n;
            best = tries[t];
        }
    }
    /* none was long enough: the longest reading, read again unless it was the last */
    if (best != tries[sizeof tries / sizeof *tries - 1] && read_once(x, best) < 0)
        return VG_ENOMEM;
    return VG_OK;
}

void vg_extractor_take_text(vg_extractor *x, vg_buf *dst)
{
    vg_buf t = *dst;
    *dst = x->out;
    x->out = t;
    vg_buf_clear(&x->out);
}

void vg_extractor_trim(vg_extractor *x)
{
    vg_page_trim(&x->page, VG_EXTRACT_KEEP_BYTES);
    if (x->utf8.cap > VG_EXTRACT_KEEP_BYTES)
        vg_buf_release(&x->utf8);
    if (x->out.cap > VG_EXTRACT_KEEP_BYTES)
        vg_buf_release(&x->out);
    if (x->ccap * sizeof *x->cand > VG_EXTRACT_KEEP_BYTES) {
        vg_free(x->mem, x->cand);
        x->cand = NULL;
        x->ncand = x->ccap = 0;
    }
    if (x->acap * sizeof *x->acc > VG_EXTRACT_KEEP_BYTES) {
        vg_free(x->mem, x->acc);
        x->acc = NULL;
        x->acap = 0;
    }
}

vg_status vg_extract(vg_extractor *x, const char *html, size_t n, const char *charset, const char *url,
                     unsigned flags, vg_article *out, char *err, size_t errcap)
{
    memset(out, 0, sizeof *out);
    err[0] = 0;
    if (n > VG_MAX_DOC_BYTES) {
        snprintf(err, errcap, "page over VG_MAX_DOC_BYTES (%zu bytes)", (size_t)VG_MAX_DOC_BYTES);
        return VG_ELIMIT;
    }
    vg_html_charset(html, n, charset, x->charset, sizeof x->charset);
    vg_buf_clear(&x->utf8);
    bool unknown = false;
    size_t un = 0;
    /* a valid UTF-8 page (most of them) is parsed where it is: no copy of it */
    const char *u = strcmp(x->charset, "utf-8") ? NULL : vg_utf8_as_is(html, n, &un);
    if (!u) {
        if (vg_to_utf8(x->ic, x->charset, html, n, &x->utf8, &unknown) != VG_OK) {
            snprintf(err, errcap, "out of memory converting from %s", x->charset);
            return VG_ENOMEM;
        }
        if (unknown) /* read as windows-1252, which is what the note tells */
            snprintf(x->charset, sizeof x->charset, "windows-1252");
        u = x->utf8.p ? x->utf8.p : "";
        un = x->utf8.n;
    }
    vg_status rc = vg_page_parse(&x->page, u, un);
    if (rc != VG_OK) {
        snprintf(err, errcap, "%s parsing the page", vg_strerror(rc));
        return rc;
    }
    if (vg_page_metadata(&x->page, url, &x->meta) != VG_OK) {
        snprintf(err, errcap, "out of memory reading the page's metadata");
        return VG_ENOMEM;
    }
    if (flags & VG_EX_FRAGMENT) { /* every run is kept (keep_run) */
        if (write_body(x, 0, 1) < 0)
            rc = VG_ENOMEM;
    } else {
        rc = find_article(x);
    }
    if (rc != VG_OK) {
        snprintf(err, errcap, "out of memory scoring the page");
        return rc;
    }
    out->text = x->out.p ? x->out.p : "";
    out->len = x->out.n;
    vg_pagemeta *m = &x->meta;
    out->title = m->title.n ? m->title.p : NULL;
    out->date = m->date_from ? m->date : NULL;
    out->date_from = m->date_from;
    out->url = m->url.n ? m->url.p : NULL;
    out->site = m->site.n ? m->site.p : NULL;
    out->lang = m->lang.n ? m->lang.p : NULL;
    out->charset = x->charset;
    return VG_OK;
}
