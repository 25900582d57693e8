/* page.h — the page model the extractor works on (page.c builds it from libxml2's SAX events).
**
** Elements are kept in document order (a parent always before its children) with what the
** scoring needs: tag, the hints of their class, id and role attributes, and counters filled later.
** Text is one buffer, whitespace already collapsed as a browser would, cut into runs: a run is
** text inside one innermost element, and block boundaries (<p>, <div>, <br>…) are runs of their
** own. Metadata (<meta>, <link rel=canonical>, <time>, JSON-LD) is collected on the way, as
** (kind, key, value) strings. No libxml2 tree is built: the page is read once, in one pass. */
#ifndef VG_PAGE_H
#define VG_PAGE_H

#include "core.h"

/* Tags the extractor tells apart; everything else is T_OTHER (an inline element). */
typedef enum {
    T_OTHER, T_A, T_ADDRESS, T_ARTICLE, T_ASIDE, T_B, T_BLOCKQUOTE, T_BODY, T_BR, T_BUTTON, T_CAPTION,
    T_CENTER, T_DD, T_DETAILS, T_DIALOG, T_DIV, T_DL, T_DT, T_EMBED, T_FIELDSET, T_FIGCAPTION,
    T_FIGURE, T_FOOTER, T_FORM, T_H1, T_H2, T_H3, T_H4, T_H5, T_H6, T_HEAD, T_HEADER, T_HGROUP, T_HR,
    T_HTML, T_I, T_IFRAME, T_IMG, T_INPUT, T_LI, T_LINK, T_MAIN, T_MENU, T_META, T_NAV, T_NOSCRIPT,
    T_OBJECT, T_OL, T_P, T_PICTURE, T_PRE, T_SCRIPT, T_SECTION, T_SELECT, T_STYLE, T_SUMMARY, T_SVG,
    T_TABLE, T_TBODY, T_TD, T_TEMPLATE, T_TEXTAREA, T_TFOOT, T_TH, T_THEAD, T_TIME, T_TITLE, T_TR,
    T_UL, T_VIDEO, T_AUDIO, T_CANVAS, T_MATH, T_LABEL, T_OPTION, T_SPAN, T_EM, T_STRONG, T_FONT,
    T_COUNT
} vg_tag;

/* Element flags. */
enum {
    N_BLOCK = 1 << 0,     /* a block-level tag: its start and end are paragraph boundaries */
    N_DROP = 1 << 1,      /* never article text: navigation, asides, forms controls, hidden */
    N_UNLIKELY = 1 << 2,  /* class/id/role says page furniture (comments, share, related…) */
    N_BLOCKKIDS = 1 << 3, /* has a block-level child */
    N_BODYPROP = 1 << 4,  /* itemprop="articleBody" or a role of the article's own body */
    N_SCORED = 1 << 5,    /* a candidate container: score is set */
    N_KEEP = 1 << 6,      /* article.c: inside the chosen content */
    N_CUT = 1 << 7,       /* article.c: removed by the cleaning of the chosen content */
    N_SKIPTEXT = 1 << 8,  /* script, style, …: its text is not visible */
    N_LINK = 1 << 9       /* an <a href> */
};

/* What article.c counts over a subtree: text bytes, of which in links, commas, and elements. */
typedef struct {
    uint32_t text, link, commas, np, nli, nimg, ninput, nembed, nhead;
} vg_counts;

typedef struct {
    int32_t parent, first, last, next; /* first and last child, next sibling; -1 for none */
    int32_t end;          /* one past the last node of the subtree (nodes are in document order) */
    int32_t lastrun;      /* article.c: the last text run in the subtree, or -1 */
    uint16_t tag, flags;
    int16_t weight;       /* class/id weight, readability's ±25 */
    uint32_t klass;       /* hash of the class attribute (siblings of one kind share it), 0 if none */
    vg_counts c;          /* counters over the subtree, filled by article.c */
    float score;
} vg_node;

enum { RUN_TEXT, RUN_BREAK, RUN_BR };

typedef struct {
    int32_t node;    /* innermost element */
    int32_t block;   /* nearest block-level element (or the body) */
    uint32_t off, len;
    uint8_t kind;
    uint8_t link;    /* inside an <a href> */
} vg_run;

/* Metadata collected while parsing. */
enum { M_META, M_CANONICAL, M_TIME, M_JSONLD, M_TITLE, M_LANG, M_ITEMPROP };

typedef struct {
    uint8_t kind;
    int32_t node;        /* element it was found on */
    uint32_t key, value; /* offsets into page.strs, NUL-terminated; key is "" when none */
} vg_meta;

typedef struct {
    const vg_mem *mem;
    vg_node *nodes;
    size_t nnodes, ncap;
    vg_run *runs;
    size_t nruns, rcap;
    vg_meta *meta;
    size_t nmeta, mcap;
    vg_buf text; /* all visible text, collapsed */
    vg_buf strs; /* metadata strings */
    /* parser state */
    int32_t *stack;
    size_t depth, scap;
    int32_t body;        /* the <body> element, or -1 */
    unsigned skip;       /* inside script, style, … (their text is not visible) */
    int capture;         /* collecting the text of <title> or a JSON-LD script into strs */
    uint32_t capture_off;
    int32_t capture_node;
    unsigned links;      /* open <a href> elements */
    int space;           /* a blank is pending */
    int line_start;      /* at the start of a block: leading blanks are dropped */
    int oom;
    void *parser; /* the libxml2 parser, stopped when memory runs out */
} vg_page;

void vg_page_init(vg_page *p, const vg_mem *mem);
void vg_page_release(vg_page *p);
/* Release the arrays and buffers of p that take over keep bytes (they grow again when needed). */
void vg_page_trim(vg_page *p, size_t keep);
/* Parse UTF-8 html[0..n) into p (cleared first). Returns VG_OK or VG_ENOMEM. */
vg_status vg_page_parse(vg_page *p, const char *html, size_t n);

/* ---- the page's metadata (meta.c) ---- */
typedef struct {
    vg_buf title, url, site, lang, scratch;
    char date[11];
    const char *date_from; /* NULL when no date was found */
} vg_pagemeta;

void vg_pagemeta_init(vg_pagemeta *m, const vg_mem *mem);
void vg_pagemeta_release(vg_pagemeta *m);
/* Title, date, canonical URL, site and language of a parsed page; url is where it came from (or
** NULL). Every field is set, empty when unknown. */
vg_status vg_page_metadata(const vg_page *p, const char *url, vg_pagemeta *m);
/* The day written in a URL's path (/2016/07/15/, /2016-07-15, /20160715/) into out[11]. */
bool vg_url_date(const char *url, char out[11]);

/* Are the extractor's lookup tables (tag names, class words) sorted, as bsearch needs? 1 if so. */
int vg_page_selfcheck(void);

static inline const char *vg_page_str(const vg_page *p, uint32_t off) { return p->strs.p + off; }

#endif
