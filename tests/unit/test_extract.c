/* test_extract.c — finding the article in a web page: encodings, metadata, boilerplate removal,
** paragraphs; then the project's own news pages of tests/data/web/, each with a NAME.expect file
** saying what its article is (title, date, URL, language, phrases that must and must not be in
** the text, number of paragraphs). */
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "harness.h"
#include "page.h"

static vg_mem mem;
static vg_extractor *x;
static vg_article art;
static char err[256];

static const vg_article *ex(const char *html, const char *charset, const char *url)
{
    vg_status rc = vg_extract(x, html, strlen(html), charset, url, 0, &art, err, sizeof err);
    CHECKF(rc == VG_OK, "vg_extract: %s", err);
    return &art;
}

static int has(const char *s, const char *w) { return s && strstr(s, w) != NULL; }

static void charsets(void)
{
    char cs[32];
    vg_html_charset("<html><head><meta charset=\"ISO-8859-1\">", 40, NULL, cs, sizeof cs);
    CHECK_EQ_STR(cs, "windows-1252");
    const char *equiv = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">";
    vg_html_charset(equiv, strlen(equiv), NULL, cs, sizeof cs);
    CHECK_EQ_STR(cs, "windows-1252");
    vg_html_charset(equiv, strlen(equiv), "UTF-8", cs, sizeof cs); /* the transport wins */
    CHECK_EQ_STR(cs, "utf-8");
    const char *commented = "<!-- <meta charset=koi8-r> --><p>caf\xC3\xA9</p>";
    vg_html_charset(commented, strlen(commented), NULL, cs, sizeof cs);
    CHECK_EQ_STR(cs, "utf-8"); /* a commented-out meta does not count; valid UTF-8 is UTF-8 */
    vg_html_charset("<p>caf\xE9</p>", 11, NULL, cs, sizeof cs);
    CHECK_EQ_STR(cs, "windows-1252"); /* not UTF-8: what browsers read latin pages as */
    vg_html_charset("\xEF\xBB\xBF<meta charset=latin1>", 25, NULL, cs, sizeof cs);
    CHECK_EQ_STR(cs, "utf-8"); /* a byte-order mark wins */
    vg_html_charset("<meta charset=utf-16>", 21, NULL, cs, sizeof cs);
    CHECK_EQ_STR(cs, "utf-8"); /* a meta tag readable as ASCII is not UTF-16 */

    vg_iconv *c;
    CHECK_EQ_INT(vg_iconv_new(&mem, &c), VG_OK);
    vg_buf b;
    vg_buf_init(&b, &mem);
    bool unknown;
    CHECK_EQ_INT(vg_to_utf8(c, "windows-1252", "l\x92\xE9t\xE9 \x80 \xAB", 10, &b, &unknown), VG_OK);
    CHECK_EQ_STR(b.p, "l\xE2\x80\x99\xC3\xA9t\xC3\xA9 \xE2\x82\xAC \xC2\xAB");
    CHECK(!unknown);
    vg_buf_clear(&b);
    CHECK_EQ_INT(vg_to_utf8(c, "utf-8", "a\xFF" "b\xC3", 4, &b, &unknown), VG_OK);
    CHECK_EQ_STR(b.p, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD"); /* bad bytes become U+FFFD, never kept */
    vg_buf_clear(&b);
    CHECK_EQ_INT(vg_to_utf8(c, "x-no-such-charset", "caf\xE9", 4, &b, &unknown), VG_OK);
    CHECK(unknown);
    CHECK_EQ_STR(b.p, "caf\xC3\xA9");
    vg_buf_release(&b);
    vg_iconv_free(c);

    /* end to end: a windows-1252 page declared in a meta tag */
    ex("<html><head><meta charset=windows-1252><title>Accord</title></head><body><article><p>"
       "L\x92\xE9t\xE9 dernier, le ministre a sign\xE9 l\x92" "accord \xE0 Bamako, ce qui a co\xFBt\xE9 "
       "12 \x80 par habitant, selon le gouvernement, et les partis l\x92ont approuv\xE9.</p></article></body></html>",
       NULL, NULL);
    CHECK(has(art.text, "L\xE2\x80\x99\xC3\xA9t\xC3\xA9 dernier, le ministre a sign\xC3\xA9"));
    CHECK(has(art.text, "12 \xE2\x82\xAC par habitant"));
    CHECK_EQ_STR(art.charset, "windows-1252");
}

static void url_dates(void)
{
    CHECK(vg_page_selfcheck()); /* the tables bsearch reads are sorted */
    char d[11];
    CHECK(vg_url_date("https://example.org/monde/2016/07/15/kerry-a-moscou_123.html", d));
    CHECK_EQ_STR(d, "2016-07-15");
    CHECK(vg_url_date("https://example.org/news/2019-03-02-talks", d));
    CHECK_EQ_STR(d, "2019-03-02");
    CHECK(vg_url_date("https://example.org/a/20200131/story", d));
    CHECK_EQ_STR(d, "2020-01-31");
    CHECK(!vg_url_date("https://example.org/2016/02/30/impossible", d));
    CHECK(!vg_url_date("https://example.org/story/2016123456789", d)); /* an id, not a day */
    CHECK(!vg_url_date("https://2016.example.org/07/15/", d));          /* the host is not a path */
    CHECK(!vg_url_date("https://example.org/2016/07/", d));             /* no day */
}

static void metadata(void)
{
    ex("<html lang=\"fr-FR\"><head><title>Titre - Le Journal</title>"
       "<meta property=\"og:site_name\" content=\"Le Journal\">"
       "<meta property=\"article:published_time\" content=\"2017-05-06T09:00:00+02:00\">"
       "<link rel=\"canonical\" href=\"https://journal.example/politique/2017/05/07/x\">"
       "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":\"WebPage\"},"
       "{\"@type\":[\"NewsArticle\"],\"headline\":\"Le pr\\u00e9sident re\\u00e7oit son homologue\","
       "\"datePublished\":\"2017-05-05T18:30:00Z\",\"publisher\":{\"@type\":\"Organization\",\"name\":\"LJ\"}}]}</script>"
       "</head><body><p>Texte.</p></body></html>",
       NULL, "https://journal.example/feed-item");
    CHECK_EQ_STR(art.title, "Le pr\xC3\xA9sident re\xC3\xA7oit son homologue"); /* JSON-LD first */
    CHECK_EQ_STR(art.date, "2017-05-05");
    CHECK_EQ_STR(art.date_from, "json-ld");
    CHECK_EQ_STR(art.url, "https://journal.example/politique/2017/05/07/x");
    CHECK_EQ_STR(art.site, "Le Journal");
    CHECK_EQ_STR(art.lang, "fr-FR");

    /* no JSON-LD: the article: meta, and the <title> without its site tail */
    ex("<html><head><title>Talks resume in Geneva | The Daily Example</title>"
       "<meta name=\"pubdate\" content=\"20190412\"></head><body><p>Text.</p></body></html>",
       NULL, NULL);
    CHECK_EQ_STR(art.title, "Talks resume in Geneva");
    CHECK_EQ_STR(art.date, "2019-04-12");
    CHECK_EQ_STR(art.date_from, "meta");
    CHECK(art.url == NULL);

    /* a <time> element, and the <h1> as title */
    ex("<html><body><nav><time datetime=\"2001-01-01\">old</time></nav><article><h1>Sanctions votées</h1>"
       "<time datetime=\"2022-02-26T10:00\">26 février</time><p>Le Conseil a voté.</p></article></body></html>",
       NULL, NULL);
    CHECK_EQ_STR(art.title, "Sanctions vot\xC3\xA9" "es");
    CHECK_EQ_STR(art.date, "2022-02-26"); /* the one in navigation is page furniture */
    CHECK_EQ_STR(art.date_from, "time");

    /* only the URL says when */
    ex("<html><body><p>Rien.</p></body></html>", NULL, "https://ex.example/2015/11/14/attaques");
    CHECK_EQ_STR(art.date, "2015-11-14");
    CHECK_EQ_STR(art.date_from, "url");
    CHECK_EQ_STR(art.site, "ex.example");

    /* broken JSON-LD is read as far as it goes, and never past its end */
    ex("<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Cut"
       "</script></head><body><h1>Real title</h1><p>x</p></body></html>",
       NULL, NULL);
    CHECK_EQ_STR(art.title, "Real title");
}

/* A page in the shape of a news site, built from parts so each test can change one. */
static const char *news_page(const char *extra_body, const char *extra_page)
{
    static char page[16384];
    snprintf(page, sizeof page,
             "<!DOCTYPE html><html><head><title>T</title><style>p{color:red}</style></head><body>"
             "<header class=\"site-header\"><nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/world\">World news</a>"
             "</li><li><a href=\"/politics\">Politics section</a></li></ul></nav></header>"
             "<div id=\"cookie-banner\"><p>We use cookies to improve your experience on our site, and "
             "with your consent, to show you personalised advertising.</p><button>Accept</button></div>"
             "<main><article><h1>Ministers meet in Vienna</h1>"
             "<div class=\"article-body\">"
             "<p>The foreign ministers of Iran and France met in Vienna on Tuesday, officials said, "
             "in the first such meeting since the talks stalled in March.</p>"
             "<p>The two sides discussed the nuclear agreement, sanctions relief and the release of "
             "detained nationals, according to a statement issued after the meeting.</p>"
             "%s"
             "<p>A further round of talks is expected next month, the French ministry said, without "
             "giving a date or naming a venue for it.</p>"
             "</div></article>"
             "<section class=\"comments\"><h2>Comments</h2><p>Reader one: this meeting will change "
             "nothing at all, as usual, and everyone knows it, believe me.</p><p>Reader two: finally, "
             "some diplomacy, although I doubt it will last very long, sadly.</p></section>"
             "<aside><h3>Most read</h3><ul><li><a href=\"/a\">Storm hits coast</a></li>"
             "<li><a href=\"/b\">Election results in full</a></li></ul></aside></main>"
             "%s"
             "<footer><p>Copyright The Example Times. All rights reserved. Terms of use, privacy.</p></footer>"
             "<script>var article = 'this text is code, not article';</script></body></html>",
             extra_body, extra_page);
    return page;
}

static void boilerplate(void)
{
    ex(news_page("", ""), NULL, NULL);
    CHECK(has(art.text, "The foreign ministers of Iran and France met in Vienna on Tuesday"));
    CHECK(has(art.text, "A further round of talks is expected next month"));
    CHECK(!has(art.text, "Ministers meet in Vienna")); /* the title is not the body */
    CHECK(!has(art.text, "cookies"));
    CHECK(!has(art.text, "World news"));
    CHECK(!has(art.text, "Reader one"));
    CHECK(!has(art.text, "Storm hits coast"));
    CHECK(!has(art.text, "Copyright"));
    CHECK(!has(art.text, "this text is code"));
    CHECK(!has(art.text, "color:red"));
    /* paragraphs stay paragraphs */
    CHECK(has(art.text, "since the talks stalled in March.\n\nThe two sides discussed"));
    CHECK_EQ_STR(art.title, "Ministers meet in Vienna");

    /* in-body furniture: a "Read more" link line, an ad label, a hidden block, a share bar */
    ex(news_page("<p class=\"read-more\"><a href=\"/x\">Read more: Iran's economy under sanctions</a></p>"
                 "<div class=\"ad-slot\"><span>Advertisement</span></div>"
                 "<p style=\"display: none\">Hidden text that readers never see on the page.</p>"
                 "<div class=\"share-tools\"><a href=\"#\">Share on Facebook</a> <a href=\"#\">Share on X</a></div>"
                 "<p>Lire aussi : un autre article sur le sujet</p>"
                 "<p>The talks, which began in 2021, have been <a href=\"/t\">interrupted twice</a> since.</p>",
                 ""),
       NULL, NULL);
    CHECK(!has(art.text, "Read more"));
    CHECK(!has(art.text, "Advertisement"));
    CHECK(!has(art.text, "Hidden text"));
    CHECK(!has(art.text, "Share on"));
    CHECK(!has(art.text, "Lire aussi"));
    CHECK(has(art.text, "The talks, which began in 2021, have been interrupted twice since.")); /* inline link kept */

    /* "has-sidebar" is a state of the page, not a sidebar */
    const char *state = "<html><body class=\"page has-sidebar\"><div class=\"with-comments\"><p>The army said "
                        "on Sunday that its forces had retaken the town after three days of fighting, "
                        "and that civilians were returning.</p><p>Aid groups said the road remained closed "
                        "to convoys, and that food was running short in the area, according to them.</p></div>"
                        "</body></html>";
    ex(state, NULL, NULL);
    CHECK(has(art.text, "The army said on Sunday"));
}

static void paragraphs_and_breaks(void)
{
    /* an old page: paragraphs are <br><br> in one cell, with <font> */
    ex("<html><body><table><tr><td class=\"nav\"><a href=\"/\">Home</a><br><a href=\"/n\">News</a></td>"
       "<td><font size=2>The parliament voted on Monday to extend the state of emergency, by a wide "
       "margin, after a long debate.<br><br>The opposition said it would appeal to the constitutional "
       "court, calling the vote a threat to civil liberties.<br>It gave no date.<br><br>The government "
       "welcomed the result, saying that the threat remained high in the capital and elsewhere.</font>"
       "</td></tr></table></body></html>",
       NULL, NULL);
    CHECK(has(art.text, "after a long debate.\n\nThe opposition said"));
    CHECK(has(art.text, "civil liberties.\nIt gave no date.\n\nThe government welcomed"));
    CHECK(!has(art.text, "Home"));
    /* entities decoded, blanks collapsed, no-break spaces read as spaces */
    ex("<html><body><p>Le ministre a d&eacute;clar&eacute; &laquo;&nbsp;non&nbsp;&raquo; &amp; "
       "s&#8217;est retir&#xE9;   de\n\n la   r&eacute;union, selon son cabinet, mardi soir &agrave; Paris.</p></body></html>",
       NULL, NULL);
    CHECK_EQ_STR(art.text, "Le ministre a d\xC3\xA9" "clar\xC3\xA9 \xC2\xAB non \xC2\xBB & s\xE2\x80\x99" "est retir\xC3\xA9 "
                           "de la r\xC3\xA9union, selon son cabinet, mardi soir \xC3\xA0 Paris.");
}

static void fragments_and_damage(void)
{
    /* a feed item's description: all its text, no scoring */
    CHECK_EQ_INT(vg_extract(x, "<p>Short <b>item</b>.</p><p>Two</p>", 34, NULL, NULL, VG_EX_FRAGMENT, &art, err,
                            sizeof err),
                 VG_OK);
    CHECK_EQ_STR(art.text, "Short item.\n\nTwo");
    /* damage never crashes and never hangs: unclosed tags, stray ends, binary, empty, deep nesting */
    static const char *bad[] = { "", "<", "</p></div></body>", "<html><body><p>Unclosed <b><i>tags",
                                 "<p>x</p>\x00\x01\x02<div>", "<script>never closed", "<!-- only a comment",
                                 "<html><head><title>t</title><body><table><td>a<td>b</table>" };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        CHECK_EQ_INT(vg_extract(x, bad[i], strlen(bad[i]), NULL, NULL, 0, &art, err, sizeof err), VG_OK);
    /* a page with nothing in it after a real one: nothing comes out, not the last page's text */
    ex(news_page("", ""), NULL, NULL);
    CHECK(art.len > 0);
    CHECK_EQ_INT(vg_extract(x, "", 0, NULL, NULL, 0, &art, err, sizeof err), VG_OK);
    CHECK_EQ_INT(art.len, 0);
    CHECK_EQ_INT(vg_extract(x, "<!-- c -->", 10, NULL, NULL, 0, &art, err, sizeof err), VG_OK);
    CHECK_EQ_INT(art.len, 0);
    /* the same with pages that have elements but no candidate for an article: the text handed out
    ** is the empty string, not the previous article behind a length of 0 */
    static const char *none[] = { "<html><body></body></html>", "<div><span></span></div>", "",
                                  "<br>" };
    for (size_t i = 0; i < sizeof none / sizeof *none; i++) {
        ex(news_page("", ""), NULL, NULL);
        CHECK(art.len > 0 && strlen(art.text) == art.len);
        CHECK_EQ_INT(vg_extract(x, none[i], strlen(none[i]), NULL, NULL, 0, &art, err, sizeof err), VG_OK);
        CHECK_EQ_INT(art.len, 0);
        CHECKF(art.text && art.text[0] == 0, "page %zu: \"%.40s\" left from the page before", i,
               art.text ? art.text : "(null)");
    }
    size_t n = 200000;
    char *deep = malloc(n * 5 + 64);
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        memcpy(deep + k, "<div>", 5), k += 5;
    memcpy(deep + k, "text", 4);
    k += 4;
    CHECK_EQ_INT(vg_extract(x, deep, k, NULL, NULL, 0, &art, err, sizeof err), VG_OK);
    free(deep);
}

/* A page over VG_EXTRACT_KEEP_BYTES: its article's text is taken without a copy, the extractor lets
** go of its model of the page, and then reads the next page, and the huge one again, as before. */
static void huge_page_taken_and_trimmed(void)
{
    static const char para[] = "<p>The talks in Vienna went on for a third day, officials said, with no sign of a deal.</p>\n";
    size_t k = ((size_t)3 << 20) / (sizeof para - 1), n = 0;
    char *html = malloc(k * (sizeof para - 1) + 64);
    n += (size_t)sprintf(html, "<html><body><article>");
    for (size_t i = 0; i < k; i++)
        memcpy(html + n, para, sizeof para - 1), n += sizeof para - 1;
    n += (size_t)sprintf(html + n, "</article></body></html>");
    vg_buf body;
    vg_buf_init(&body, &mem);
    for (int round = 0; round < 2; round++) {
        CHECK_EQ_INT(vg_extract(x, html, n, NULL, NULL, 0, &art, err, sizeof err), VG_OK);
        size_t len = art.len;
        CHECK(len > ((size_t)2 << 20) && strlen(art.text) == len);
        const char *p = art.text;
        vg_extractor_take_text(x, &body);
        CHECK(body.p == p && body.n == len && body.p[len] == 0); /* the same bytes, handed over */
        CHECK(!strncmp(body.p, "The talks in Vienna went on", 27));
        vg_extractor_trim(x);
        ex(news_page("", ""), NULL, NULL); /* what the extractor reads next is unaffected */
        CHECK(has(art.text, "The foreign ministers of Iran and France") && !has(art.text, "Vienna went on"));
        CHECK(!strncmp(body.p, "The talks in Vienna went on", 27)); /* and the text taken stays */
        vg_extractor_trim(x);
    }
    vg_buf_release(&body);
    free(html);
}

/* ---- the project's pages, each with its .expect ---- */

static int paragraphs(const char *t)
{
    if (!t || !*t)
        return 0;
    int n = 1;
    for (const char *s = t; (s = strstr(s, "\n\n")) != NULL; s += 2)
        n++;
    return n;
}

static void pages(void)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/tests/data/web", h_root);
    static const char *names[] = { "fr-quotidien", "fr-regional-1252", "fr-agence", "en-broadcaster",
                                   "en-wire", "en-blog", "en-oldsite" };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        char path[1200];
        size_t hn, en;
        snprintf(path, sizeof path, "%s/%s.html", dir, names[i]);
        char *html = vg_read_file(path, &hn);
        snprintf(path, sizeof path, "%s/%s.expect", dir, names[i]);
        char *expect = vg_read_file(path, &en);
        CHECKF(html && expect, "cannot read %s", path);
        if (!html || !expect) {
            free(html);
            free(expect);
            continue;
        }
        CHECK_EQ_INT(vg_extract(x, html, hn, NULL, NULL, 0, &art, err, sizeof err), VG_OK);
        int want_date = 0, want_url = 0;
        for (char *line = strtok(expect, "\n"); line; line = strtok(NULL, "\n")) {
            char *tab = strchr(line, '\t');
            if (!tab)
                continue;
            *tab = 0;
            const char *k = line, *v = tab + 1;
            if (!strcmp(k, "title"))
                CHECKF(art.title && !strcmp(art.title, v), "%s: title \"%s\", expected \"%s\"", names[i],
                       art.title ? art.title : "(null)", v);
            else if (!strcmp(k, "date"))
                want_date = 1, CHECKF(art.date && !strcmp(art.date, v), "%s: date %s, expected %s", names[i],
                                      art.date ? art.date : "(null)", v);
            else if (!strcmp(k, "url"))
                want_url = 1, CHECKF(art.url && !strcmp(art.url, v), "%s: url %s, expected %s", names[i],
                                     art.url ? art.url : "(null)", v);
            else if (!strcmp(k, "lang")) /* the language the page declares, when it does */
                CHECKF(!art.lang || !strncmp(art.lang, v, 2), "%s: lang %s, expected %s", names[i],
                       art.lang ? art.lang : "(null)", v);
            else if (!strcmp(k, "has"))
                CHECKF(has(art.text, v), "%s: the text lacks \"%s\"", names[i], v);
            else if (!strcmp(k, "not"))
                CHECKF(!has(art.text, v), "%s: the text has furniture \"%s\"", names[i], v);
            else if (!strcmp(k, "paragraphs"))
                CHECKF(paragraphs(art.text) == atoi(v), "%s: %d paragraphs, expected %s", names[i],
                       paragraphs(art.text), v);
        }
        if (!want_date)
            CHECKF(!art.date, "%s: a date (%s) where the page has none", names[i], art.date);
        (void)want_url;
        free(html);
        free(expect);
    }
}

int main(int argc, char **argv)
{
    h_init(argc, argv);
    vg_mem_init(&mem, NULL);
    if (vg_extractor_new(&mem, &x) != VG_OK)
        return 2;
    RUN(charsets);
    RUN(url_dates);
    RUN(metadata);
    RUN(boilerplate);
    RUN(paragraphs_and_breaks);
    RUN(fragments_and_damage);
    RUN(huge_page_taken_and_trimmed);
    RUN(pages);
    vg_extractor_free(x);
    return h_report();
}
