/* extract.h — finding the article in a web page: its body as paragraphs, and its metadata.
** Internal to libvigie; `vigie extract` shows what it finds, docs/input.md describes it for users.
**
** A page goes through four steps, one file each:
**   charset.c  the page's encoding (HTTP header, byte-order mark, <meta charset>, else detection)
**              and its conversion to UTF-8 with iconv;
**   page.c     libxml2's HTML parser (SAX, no libxml2 tree) builds a compact page model: elements
**              with their class/id/role hints, and the text in runs, whitespace collapsed;
**   meta.c     title, publication date, canonical URL, site and language, from <meta>, JSON-LD,
**              <time>, <link rel=canonical> and the URL itself;
**   article.c  scores the blocks of text and their containers, picks the article's container,
**              removes what remains of the page furniture, and writes paragraphs. */
#ifndef VG_EXTRACT_H
#define VG_EXTRACT_H

#include "core.h"

typedef struct vg_extractor vg_extractor;

/* What was found in a page. Strings are NUL-terminated UTF-8 owned by the extractor, valid until
** its next call; NULL when not found. */
typedef struct {
    const char *text;     /* the article body: paragraphs separated by a blank line ("\n\n") */
    size_t len;
    const char *title;
    const char *date;     /* "YYYY-MM-DD", the publication day */
    const char *date_from; /* where the date came from: "json-ld", "meta", "time", "url" */
    const char *url;      /* canonical URL, else og:url, else the URL given */
    const char *site;     /* og:site_name, else the JSON-LD publisher, else the URL's host */
    const char *lang;     /* the page's declared language as written ("fr", "en-GB"), or NULL */
    const char *charset;  /* the encoding the page was read in ("utf-8", "windows-1252") */
} vg_article;

/* Options of vg_extract. */
enum {
    VG_EX_FRAGMENT = 1 /* an HTML fragment (a feed item's description): all its text, no scoring */
};

/* libxml2's global set-up, once per process (page.c). libxml2 2.9 sets itself up lazily, and two
** threads doing it at once deadlock in its random-number mutex: every user of libxml2 calls this
** first, and vg_extractor_new does, on the thread that starts the workers. */
void vg_xml_init(void);

vg_status vg_extractor_new(const vg_mem *mem, vg_extractor **out);
void vg_extractor_free(vg_extractor *x);

/* Extract the article of the page html[0..n). charset: the encoding the transport declared (the
** HTTP Content-Type of a WARC response), or NULL. url: where the page came from, or NULL. Returns
** VG_OK (an empty body is not an error: a page may have no article), or VG_ENOMEM, or VG_ELIMIT
** for a page over VG_MAX_DOC_BYTES, with the reason in err. */
vg_status vg_extract(vg_extractor *x, const char *html, size_t n, const char *charset, const char *url,
                     unsigned flags, vg_article *out, char *err, size_t errcap);

/* After vg_extract: the article's text goes to dst (NUL-terminated, dst->n its length), whose
** storage the extractor keeps in exchange; no copy. The other fields of the vg_article stay valid. */
void vg_extractor_take_text(vg_extractor *x, vg_buf *dst);

/* Release what the extractor keeps over VG_EXTRACT_KEEP_BYTES a buffer (the page model and text of
** a huge page), so that a worker does not hold a 60 MB page's model while it codes the article. */
void vg_extractor_trim(vg_extractor *x);
#define VG_EXTRACT_KEEP_BYTES ((size_t)1 << 20)

/* ---- encodings (charset.c) ---- */
/* The encoding of a page: the transport's if given, else a byte-order mark, else a <meta charset>
** or <meta http-equiv=Content-Type> within the first 1024 bytes (the HTML5 prescan), else
** "utf-8" when the bytes are valid UTF-8, else "windows-1252". Labels are normalised as WHATWG
** does (latin1, iso-8859-1 and us-ascii are read as windows-1252). Writes the name into out. */
void vg_html_charset(const char *p, size_t n, const char *declared, char *out, size_t cap);

/* iconv conversions to UTF-8, one converter kept open per encoding seen (iconv_open is costly). */
typedef struct vg_iconv vg_iconv;
vg_status vg_iconv_new(const vg_mem *mem, vg_iconv **out);
void vg_iconv_free(vg_iconv *c);
/* Append p[0..n), in charset, to out as UTF-8. Bytes that do not convert become U+FFFD, so the
** result is always valid UTF-8. An unknown charset is read as windows-1252 (what browsers do)
** and *unknown is set. */
vg_status vg_to_utf8(vg_iconv *c, const char *charset, const char *p, size_t n, vg_buf *out, bool *unknown);
/* p[0..n) as it is, without its byte-order mark, when it is valid UTF-8 (its length in *outn);
** NULL when it needs vg_to_utf8's copy. What spares a UTF-8 page a copy of itself. */
const char *vg_utf8_as_is(const char *p, size_t n, size_t *outn);

#endif
