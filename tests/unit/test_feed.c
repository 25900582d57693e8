/* test_feed.c — timestamps read to the day (vg_date_parse) and RSS 2.0, RSS 1.0 and Atom feeds read
** into items: every field, the HTML conventions, sloppy namespaces, and every kind of damage (cut
** short, not a feed, not XML, an XXE attempt) refused or reported, never a crash, never a word on
** stderr. The news items are written for these tests, not taken from real articles. */
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "ingest.h"

static vg_mem mem;
static char err[256];

/* ---- vg_date_parse ---- */

static const char *day(const char *s)
{
    static char out[11];
    memcpy(out, "untouched", 10);
    return vg_date_parse(s, strlen(s), out) ? out : NULL;
}

#define DAY(s, want) CHECK_EQ_STR(day(s), want)
#define NODAY(s) CHECKF(day(s) == NULL, "\"%s\" read as %s", s, day(s))

static void date_iso(void)
{
    DAY("2016-07-15", "2016-07-15");
    DAY("2016-07-15T08:30:00Z", "2016-07-15");
    DAY("2016-07-15t08:30:00z", "2016-07-15");
    DAY("2016-07-15T08:30:00+02:00", "2016-07-15");
    DAY("2016-07-15T23:30:00-05:00", "2016-07-15"); /* the day written, not shifted to UTC */
    DAY("2016-07-15T08:30:00+0200", "2016-07-15");
    DAY("2016-07-15T08:30:00+02", "2016-07-15");
    DAY("2016-07-15T08:30:00.123456Z", "2016-07-15");
    DAY("2016-07-15T08:30:00,5+01:00", "2016-07-15");
    DAY("2016-07-15T08:30", "2016-07-15");
    DAY("2016-07-15T08:30:60Z", "2016-07-15"); /* leap second */
    DAY("2016-07-15 08:30:00", "2016-07-15");
    DAY("2016-07-15 08:30:00 +02:00", "2016-07-15");
    DAY("2016-07-15 08:30:00 UTC", "2016-07-15");
    DAY("  \t2016-07-15\r\n", "2016-07-15");
    DAY("20160715", "2016-07-15");
    DAY("20160715T083000Z", "2016-07-15");
    DAY("20160715T0830+0200", "2016-07-15");
    DAY("2016-02-29", "2016-02-29");
    DAY("2000-02-29", "2000-02-29");
    DAY("1900-01-01", "1900-01-01");
    DAY("2100-12-31", "2100-12-31");
}

static void date_rfc822(void)
{
    DAY("Fri, 15 Jul 2016 08:30:00 GMT", "2016-07-15");
    DAY("Fri, 15 Jul 2016 08:30:00 +0200", "2016-07-15");
    DAY("Fri, 15 Jul 2016 08:30:00 -0500", "2016-07-15");
    DAY("fri, 15 jul 2016 08:30:00 gmt", "2016-07-15");
    DAY("FRI, 15 JUL 2016 08:30 EDT", "2016-07-15");
    DAY("15 Jul 2016 08:30:00 +0200", "2016-07-15");
    DAY("15 Jul 16 08:30 +0200", "2016-07-15");
    DAY("5 Jul 2016", "2016-07-05");
    DAY("Tue, 5 Jul 2016 08:30:00 Z", "2016-07-05");
    DAY("Friday, 15 July 2016 08:30:00 GMT", "2016-07-15");
    DAY("Thu, 1 September 2016", "2016-09-01");
    DAY("Thu, 01 Sept 2016", "2016-09-01");
    DAY("Sat, 01 Oct 2016 10:00:00 +0200 (CEST)", "2016-10-01");
    DAY("Sat, 01 Oct 2016 10:00:00 CEST", "2016-10-01");
    DAY("Sat, 01 Oct 2016 10:00:00 GMT+02:00", "2016-10-01");
    DAY("Sat,01 Oct 2016", "2016-10-01");
    DAY("Fri,  15   Jul   2016   08:30:00   GMT  ", "2016-07-15");
    DAY("Friday, 15-Jul-16 08:30:00 GMT", "2016-07-15"); /* RFC 850, still an HTTP-date */
    DAY("Fri Jul 15 08:30:00 2016", "2016-07-15");       /* asctime */
    DAY("Fri Jul  5 08:30:00 2016", "2016-07-05");
    DAY("Fri Jul 15 08:30:00 CEST 2016", "2016-07-15");  /* date(1) */
    DAY("15 Jul 70", "1970-07-15");                       /* 70-99: 19xx */
    DAY("15 Jul 99", "1999-07-15");
    DAY("15 Jul 69", "2069-07-15");                       /* else 20xx */
    DAY("15 Jul 00", "2000-07-15");
    DAY("29 Feb 2016", "2016-02-29");
}

static void date_refused(void)
{
    static const char *const bad[] = {
        "", "   ", "2016", "2016-07", "2016-7-15", "2016-07-5", "16-07-15", "2016/07/15",
        "15/07/2016", "2016-02-30", "2015-02-29", "1900-02-29", "2016-13-01", "2016-00-10",
        "2016-07-00", "2016-07-32", "2016-04-31", "1899-12-31", "2101-01-01", "0000-01-01",
        "9999-12-31", "2016-07-15x", "2016-07-15 garbage", "2016-07-15T", "2016-07-15T08",
        "2016-07-15T8:30", "2016-07-15T0830", "2016-07-15T24:00", "2016-07-15T08:60",
        "2016-07-15T08:30:61", "2016-07-15T08:30:00.", "2016-07-15T08:30:00+2:00",
        "2016-07-15T08:30:00+24:00", "2016-07-15T08:30:00+02:60", "2016-07-15T08:30:00Zx",
        "2016-07-15T08:30:00+02:00garbage", "2016-07-15T08:30:00 XYZ", "2016-07-15Z",
        "2016-07-15T08:30:00 (unclosed", "201607", "2016071", "201607150",
        "201607150830", "20160715 0830", "20160715x", "20161315", "20160230", "18991231",
        "Fri, 30 Feb 2016", "Fri, 15 Jul 1899", "Fri, 15 Jul 2101", "Fri, 15 Jul 216",
        "Fri, 15 Jul 20160", "Fri, 32 Jul 2016", "Fri, 0 Jul 2016", "Fri, 015 Jul 2016",
        "Fri, 15 Jux 2016", "Fri, 15 Juillet 2016", "Fri, 15 Jul", "Fri, Jul 2016",
        "Fri", "Fri,", "Fri15 Jul 2016", "Fry, 15 Jul 2016", "Fri, 15 Jul 2016 GMT",
        "Fri, 15 Jul 2016 08:30:00 XYZ", "Fri, 15 Jul 2016 8:30", "Fri, 15 Jul 2016 08",
        "Fri, 15 Jul 2016 08:30:00.5 GMT", "Fri, 15 Jul 2016 08:30:00 +02000",
        "Fri, 15 Jul 2016 08:30:00 GMT tomorrow", "Fri, 15 Jul 2016 08:30:00 J",
        "15-Jul 2016", "15 Jul-2016", "Jul 15, 2016", "Fri Jul 15 2016", "Fri Jul 15 08:30:00",
        "Fri Jul 15 08:30:00 16", "July", "hier", "le 15 juillet 2016", "-2016-07-15", "+20160715",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        NODAY(bad[i]);
    /* a NUL inside the length is garbage too; and the length is honoured, not the NUL */
    char out[11] = "untouched";
    CHECK(!vg_date_parse("2016-07-15\0", 11, out));
    CHECK(vg_date_parse("2016-07-15T08:30 and more", 10, out));
    CHECK_EQ_STR(out, "2016-07-15");
    CHECK(!vg_date_parse(NULL, 0, out));
}

static void date_out_untouched_on_refusal(void)
{
    char out[11] = "abcdefghij";
    CHECK(!vg_date_parse("2016-02-30", 10, out));
    CHECK(!memcmp(out, "abcdefghij", 11));
    CHECK(vg_date_parse("2016-02-29", 10, out));
    CHECK(vg_date_valid(out, 10) && out[10] == 0);
}

/* ---- feeds ---- */

static vg_feed *feed;

static vg_status parse(const char *xml)
{
    vg_feed_free(feed);
    feed = NULL;
    memset(err, 'x', sizeof err); /* err must be reset by the call */
    return vg_feed_parse(&mem, xml, strlen(xml), &feed, err, sizeof err);
}

static const vg_feed_item *at(size_t i)
{
    const vg_feed_item *it = vg_feed_item_at(feed, i);
    static const vg_feed_item none;
    CHECKF(it != NULL, "no item %zu (of %zu)", i, vg_feed_count(feed));
    return it ? it : &none;
}

/* Every string valid UTF-8, body_len its length. */
static void check_items(void)
{
    for (size_t i = 0; i < vg_feed_count(feed); i++) {
        const vg_feed_item *it = vg_feed_item_at(feed, i);
        const char *f[] = { it->title, it->link, it->id, it->date, it->body };
        for (int k = 0; k < 5; k++)
            CHECKF(!f[k] || !vg_utf8_invalid(f[k], strlen(f[k])), "item %zu field %d: bad UTF-8", i, k);
        CHECK(it->body ? strlen(it->body) == it->body_len : it->body_len == 0);
        CHECK(!it->date || vg_date_valid(it->date, strlen(it->date)));
    }
}

static const char *rss_fr =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"\n"
    "     xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
    "<channel>\n"
    "  <title>Le Courrier du Sahel &#8211; Politique</title>\n"
    "  <link>https://courrier-sahel.example/politique</link>\n"
    "  <description>Actualit\xC3\xA9 politique</description>\n"
    "  <item>\n"
    "    <title>Le ministre tchadien de la D\xC3\xA9"
    "fense en visite \xC3\xA0 Niamey</title>\n"
    "    <link>https://courrier-sahel.example/politique/visite-niamey</link>\n"
    "    <guid isPermaLink=\"false\">cs-2017-0412</guid>\n"
    "    <pubDate>Tue, 14 Mar 2017 10:20:00 +0100</pubDate>\n"
    "    <description><![CDATA[<p>Le ministre tchadien de la D\xC3\xA9"
    "fense a rencontr\xC3\xA9 mardi son homologue nig\xC3\xA9rien \xC3\xA0 Niamey.</p>]]></description>\n"
    "  </item>\n"
    "  <item>\n"
    "    <title>  Violation du cessez-le-feu\n      dans le nord  </title>\n"
    "    <guid>https://courrier-sahel.example/politique/cessez-le-feu</guid>\n"
    "    <dc:date>2017-03-15T07:00:00+00:00</dc:date>\n"
    "    <description>&lt;p&gt;Le gouvernement a accus\xC3\xA9 les rebelles d&amp;#39;avoir viol\xC3\xA9 "
    "le cessez-le-feu.&lt;/p&gt;</description>\n"
    "  </item>\n"
    "  <item>\n"
    "    <title>Arrestation d&apos;un d\xC3\xA9put\xC3\xA9 d&#233;"
    "j\xC3\xA0 condamn\xC3\xA9 &amp; recherch\xC3\xA9</title>\n"
    "    <link>https://courrier-sahel.example/politique/arrestation</link>\n"
    "    <guid>cs-2017-0415</guid>\n"
    "    <pubDate>Thu, 16 Mar 2017 18:00:00 GMT</pubDate>\n"
    "    <description>La police a arr\xC3\xAAt\xC3\xA9 un d\xC3\xA9put\xC3\xA9 de l'opposition.</description>\n"
    "    <content:encoded><![CDATA[<p>La police a arr\xC3\xAAt\xC3\xA9 jeudi un d\xC3\xA9put\xC3\xA9 de "
    "l'opposition.</p><p>Le ministre de l'Int\xC3\xA9rieur a d\xC3\xA9"
    "fendu l'op\xC3\xA9ration.</p>]]></content:encoded>\n"
    "  </item>\n"
    "</channel>\n"
    "</rss>\n";

static void rss2_french(void)
{
    CHECK_EQ_INT(parse(rss_fr), VG_OK);
    CHECK_EQ_STR(err, "");
    CHECK_EQ_INT(vg_feed_count(feed), 3);
    CHECK_EQ_STR(vg_feed_title(feed), "Le Courrier du Sahel \xE2\x80\x93 Politique");
    const vg_feed_item *a = at(0), *b = at(1), *c = at(2);
    CHECK_EQ_STR(a->title, "Le ministre tchadien de la D\xC3\xA9"
                           "fense en visite \xC3\xA0 Niamey");
    CHECK_EQ_STR(a->link, "https://courrier-sahel.example/politique/visite-niamey");
    CHECK_EQ_STR(a->id, "cs-2017-0412");
    CHECK_EQ_STR(a->date, "2017-03-14");
    CHECK_EQ_STR(a->body, "<p>Le ministre tchadien de la D\xC3\xA9"
                          "fense a rencontr\xC3\xA9 mardi son homologue nig\xC3\xA9rien \xC3\xA0 Niamey.</p>");
    CHECK(a->body_html); /* CDATA holding HTML */
    /* blanks of a title collapsed; a guid that is a URL is the link; dc:date when no pubDate */
    CHECK_EQ_STR(b->title, "Violation du cessez-le-feu dans le nord");
    CHECK_EQ_STR(b->link, "https://courrier-sahel.example/politique/cessez-le-feu");
    CHECK_EQ_STR(b->id, "https://courrier-sahel.example/politique/cessez-le-feu");
    CHECK_EQ_STR(b->date, "2017-03-15");
    /* entity-encoded HTML: decoded once, left for the HTML extractor to decode the rest */
    CHECK_EQ_STR(b->body, "<p>Le gouvernement a accus\xC3\xA9 les rebelles d&#39;avoir viol\xC3\xA9 "
                          "le cessez-le-feu.</p>");
    CHECK(b->body_html);
    /* a title with entities but no markup is text; content:encoded preferred to description */
    CHECK_EQ_STR(c->title, "Arrestation d'un d\xC3\xA9put\xC3\xA9 d\xC3\xA9j\xC3\xA0 condamn\xC3\xA9 & recherch\xC3\xA9");
    CHECK(c->link && !strcmp(c->id, "cs-2017-0415"));
    CHECK(strstr(c->body, "<p>Le ministre de l'Int\xC3\xA9rieur") != NULL);
    CHECK(c->body_html);
    check_items();
    CHECK(vg_feed_item_at(feed, 3) == NULL);
}

static const char *atom_en =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:base=\"https://wire.example/\">\n"
    "  <title type=\"html\">Wire &lt;b&gt;World&lt;/b&gt;</title>\n"
    "  <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>\n"
    "  <updated>2018-02-02T10:00:00Z</updated>\n"
    "  <entry>\n"
    "    <title>Minister meets rebel envoys in Addis Ababa</title>\n"
    "    <link rel=\"self\" href=\"https://wire.example/api/1\"/>\n"
    "    <link rel=\"alternate\" type=\"text/html\" href=\"world/2018/02/01/talks\"/>\n"
    "    <id>tag:wire.example,2018:1</id>\n"
    "    <updated>2018-02-01T22:00:00Z</updated>\n"
    "    <published>2018-01-31T23:30:00-05:00</published>\n"
    "    <summary>Ethiopia's foreign minister met envoys of the rebel movement on Wednesday.</summary>\n"
    "    <content type=\"html\">&lt;p&gt;Ethiopia&amp;#8217;s foreign minister &lt;b&gt;met&lt;/b&gt; "
    "envoys of the rebel movement on Wednesday to negotiate a truce.&lt;/p&gt;</content>\n"
    "  </entry>\n"
    "  <entry>\n"
    "    <title type=\"html\">Sanctions on &lt;em&gt;three&lt;/em&gt; generals &amp;amp; a bank</title>\n"
    "    <link href=\"https://wire.example/world/2018/02/02/sanctions\"/>\n"
    "    <id>tag:wire.example,2018:2</id>\n"
    "    <updated>2018-02-02T09:00:00Z</updated>\n"
    "    <content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><p>The government "
    "<em>sanctioned</em> three generals &amp; a bank.</p><img src=\"a.png\" alt=\"x &lt; y\"/></div></content>\n"
    "  </entry>\n"
    "  <entry>\n"
    "    <title type=\"text\">AT&amp;T &lt;b&gt; is text</title>\n"
    "    <id>tag:wire.example,2018:3</id>\n"
    "    <updated>2018-02-02T11:00:00Z</updated>\n"
    "    <summary>Troops strike a camp.</summary>\n"
    "    <content src=\"https://wire.example/video.mp4\" type=\"video/mp4\"/>\n"
    "  </entry>\n"
    "</feed>\n";

static void atom_english(void)
{
    CHECK_EQ_INT(parse(atom_en), VG_OK);
    CHECK_EQ_STR(err, "");
    CHECK_EQ_INT(vg_feed_count(feed), 3);
    CHECK_EQ_STR(vg_feed_title(feed), "Wire World");
    const vg_feed_item *a = at(0), *b = at(1), *c = at(2);
    CHECK_EQ_STR(a->title, "Minister meets rebel envoys in Addis Ababa");
    CHECK_EQ_STR(a->link, "https://wire.example/world/2018/02/01/talks"); /* alternate, xml:base */
    CHECK_EQ_STR(a->id, "tag:wire.example,2018:1");
    CHECK_EQ_STR(a->date, "2018-01-31"); /* published before updated, the day as written */
    CHECK_EQ_STR(a->body, "<p>Ethiopia&#8217;s foreign minister <b>met</b> envoys of the rebel "
                          "movement on Wednesday to negotiate a truce.</p>");
    CHECK(a->body_html);
    CHECK_EQ_STR(b->title, "Sanctions on three generals & a bank");
    CHECK_EQ_STR(b->link, "https://wire.example/world/2018/02/02/sanctions");
    CHECK_EQ_STR(b->date, "2018-02-02");
    /* xhtml: the inner div's content, as HTML */
    CHECK_EQ_STR(b->body, "<p>The government <em>sanctioned</em> three generals &amp; a bank.</p>"
                          "<img src=\"a.png\" alt=\"x &lt; y\">");
    CHECK(b->body_html);
    CHECK_EQ_STR(c->title, "AT&T <b> is text"); /* type text: nothing stripped */
    CHECK_EQ_STR(c->id, "tag:wire.example,2018:3");
    CHECK(c->link == NULL);
    CHECK_EQ_STR(c->body, "Troops strike a camp."); /* out-of-line content: the summary */
    CHECK(!c->body_html);
    check_items();
}

/* Type attributes as feeds write them: any case, blanks, MIME types with parameters; what is not
** inline text (media) is no body. */
static void atom_odd_types(void)
{
    CHECK_EQ_INT(parse("<feed xmlns=\"http://www.w3.org/2005/Atom\">"
                       "<entry><title type=\"html \">&lt;b&gt;x&lt;/b&gt;</title>"
                       "<content type=\"HTML\">&lt;p&gt;y&lt;/p&gt;</content></entry>"
                       "<entry><title type=\"htm\">t</title><content type=\"image/png\">iVBO</content>"
                       "<summary type=\"application/octet-stream\">AAAA</summary></entry>"
                       "<entry><content type=\"application/xhtml+xml\"><p xmlns=\"http://www.w3.org/1999/xhtml\">w</p></content></entry>"
                       "<entry><content type=\"text/x-other\">plain</content></entry>"
                       "<entry><content type=\" text/html; charset=utf-8\">&lt;i&gt;m&lt;/i&gt;</content></entry>"
                       "</feed>"),
                 VG_OK);
    CHECK_EQ_INT(vg_feed_count(feed), 5);
    CHECK_EQ_STR(at(0)->title, "x");       /* blanks around a type forgiven */
    CHECK_EQ_STR(at(0)->body, "<p>y</p>"); /* types are case-insensitive */
    CHECK(at(0)->body_html);
    CHECK_EQ_STR(at(1)->title, "t");
    CHECK(at(1)->body == NULL); /* neither content nor summary is inline text */
    CHECK_EQ_STR(at(2)->body, "<p>w</p>");
    CHECK(at(2)->body_html);
    CHECK_EQ_STR(at(3)->body, "plain");
    CHECK(!at(3)->body_html);
    CHECK_EQ_STR(at(4)->body, "<i>m</i>"); /* MIME parameters ignored */
    CHECK(at(4)->body_html);
    check_items();
}

static void rss1_rdf(void)
{
    CHECK_EQ_INT(parse("<?xml version=\"1.0\"?>\n"
                       "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"\n"
                       "  xmlns=\"http://purl.org/rss/1.0/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
                       " <channel rdf:about=\"https://agence.example/\">\n"
                       "  <title>Agence</title><link>https://agence.example/</link>\n"
                       "  <items><rdf:Seq><rdf:li rdf:resource=\"https://agence.example/1\"/></rdf:Seq></items>\n"
                       " </channel>\n"
                       " <item rdf:about=\"https://agence.example/1\">\n"
                       "  <title>Le Premier ministre re\xC3\xA7oit les syndicats</title>\n"
                       "  <link>https://agence.example/1</link>\n"
                       "  <description>Le Premier ministre a re\xC3\xA7u les syndicats.</description>\n"
                       "  <dc:date>2016-10-04T09:00+02:00</dc:date>\n"
                       " </item>\n"
                       " <item rdf:about=\"https://agence.example/2\">\n"
                       "  <title>Sans date</title>\n"
                       " </item>\n"
                       "</rdf:RDF>\n"),
                 VG_OK);
    CHECK_EQ_INT(vg_feed_count(feed), 2);
    CHECK_EQ_STR(vg_feed_title(feed), "Agence");
    CHECK_EQ_STR(at(0)->title, "Le Premier ministre re\xC3\xA7oit les syndicats");
    CHECK_EQ_STR(at(0)->link, "https://agence.example/1");
    CHECK_EQ_STR(at(0)->id, "https://agence.example/1"); /* rdf:about */
    CHECK_EQ_STR(at(0)->date, "2016-10-04");
    CHECK_EQ_STR(at(0)->body, "Le Premier ministre a re\xC3\xA7u les syndicats.");
    CHECK(!at(0)->body_html); /* no '<', no '&': text */
    CHECK(at(1)->date == NULL && at(1)->body == NULL && at(1)->body_len == 0);
    check_items();
}

static void missing_fields(void)
{
    CHECK_EQ_INT(parse("<rss version=\"2.0\"><channel>"
                       "<item><description>Sans titre ni date.</description></item>"
                       "<item><title>Sans corps</title><pubDate>not a date</pubDate><link> </link></item>"
                       "<item/>"
                       "<item><title></title><pubDate>Fri, 30 Feb 2016 10:00:00 GMT</pubDate>"
                       "<dc:date>2016-02-28</dc:date></item>"
                       "</channel></rss>"),
                 VG_OK);
    CHECK_EQ_INT(vg_feed_count(feed), 4);
    CHECK(vg_feed_title(feed) == NULL);
    CHECK(at(0)->title == NULL && at(0)->date == NULL && at(0)->link == NULL && at(0)->id == NULL);
    CHECK_EQ_STR(at(0)->body, "Sans titre ni date.");
    CHECK_EQ_STR(at(1)->title, "Sans corps");
    CHECK(at(1)->date == NULL && at(1)->link == NULL && at(1)->body == NULL);
    CHECK(at(2)->title == NULL && at(2)->body == NULL);
    /* an impossible pubDate falls back on the next date; undeclared dc: prefix still read */
    CHECK(at(3)->title == NULL);
    CHECK_EQ_STR(at(3)->date, "2016-02-28");
    check_items();
}

/* Namespaces matched on their URI whatever the prefix, and forgotten declarations forgiven. */
static void sloppy_namespaces(void)
{
    CHECK_EQ_INT(parse("<rss version=\"2.0\" xmlns:c=\"http://purl.org/rss/1.0/modules/content/\"\n"
                       " xmlns:a10=\"http://www.w3.org/2005/Atom\" xmlns:m=\"http://search.yahoo.com/mrss/\">\n"
                       "<channel><item><title>Un</title><m:title>media</m:title>"
                       "<a10:updated>2019-05-06T10:00:00Z</a10:updated>"
                       "<c:encoded>&lt;p&gt;corps&lt;/p&gt;</c:encoded><description>r\xC3\xA9sum\xC3\xA9</description></item>"
                       "<item><title>Deux</title><content:encoded>&lt;p&gt;b&lt;/p&gt;</content:encoded>"
                       "<description><p>raw <b>html</b><br/>here</p></description></item>"
                       "<item><title>Trois</title><description><p>raw <b>html</b><br/>here</p></description></item>"
                       "</channel></rss>"),
                 VG_OK);
    CHECK_EQ_INT(vg_feed_count(feed), 3);
    CHECK_EQ_STR(at(0)->title, "Un");
    CHECK_EQ_STR(at(0)->date, "2019-05-06");
    CHECK_EQ_STR(at(0)->body, "<p>corps</p>");
    CHECK_EQ_STR(at(1)->body, "<p>b</p>"); /* undeclared content: prefix */
    CHECK_EQ_STR(err, "");                  /* forgiven without a warning: nothing was lost */
    CHECK_EQ_STR(at(2)->body, "<p>raw <b>html</b><br>here</p>"); /* unescaped markup kept as HTML */
    CHECK(at(2)->body_html);
    check_items();
}

static void truncated_keeps_items_before(void)
{
    char *x = strdup(rss_fr);
    char *cut = strstr(x, "<p>La police a arr");
    *cut = 0; /* in the middle of the third item's content:encoded */
    CHECK_EQ_INT(parse(x), VG_OK);
    CHECK_EQ_INT(vg_feed_count(feed), 2);
    CHECK(strstr(err, "damaged feed, line 2") == err); /* the CDATA opened on line 29 runs to the end */
    CHECK(strstr(err, "kept 2 items, dropped 1 left unfinished") != NULL);
    CHECK_EQ_STR(at(0)->id, "cs-2017-0412");
    CHECK_EQ_STR(at(1)->date, "2017-03-15");
    check_items();
    /* cut between two items: both kept, nothing dropped */
    strcpy(x, rss_fr);
    cut = strstr(x, "<item>\n    <title>Arrestation");
    *cut = 0;
    CHECK_EQ_INT(parse(x), VG_OK);
    CHECK_EQ_INT(vg_feed_count(feed), 2);
    CHECK(strstr(err, "dropped 0") != NULL);
    /* broken in the middle (a tag mismatch), the parser recovers and reads on */
    CHECK_EQ_INT(parse("<rss><channel><item><title>A</titel></item>"
                       "<item><title>B</title></item></channel></rss>"),
                 VG_OK);
    CHECK(strstr(err, "damaged feed, line 1") == err);
    CHECK(vg_feed_count(feed) >= 1);
    CHECK_EQ_STR(at(vg_feed_count(feed) - 1)->title, "B");
    check_items();
    free(x);
}

static void not_a_feed(void)
{
    CHECK_EQ_INT(parse("<?xml version=\"1.0\"?>\n<!DOCTYPE html>\n<html><body><p>x</p></body></html>"), VG_EFORMAT);
    CHECK_EQ_STR(err, "not a feed: root element is <html>");
    CHECK(feed == NULL);
    CHECK_EQ_INT(parse("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url/></urlset>"), VG_EFORMAT);
    CHECK_EQ_STR(err, "not a feed: root element is <urlset>");
    /* past the sniffed prolog the full parse decides, with the same message */
    char big[4096];
    snprintf(big, sizeof big, "<!-- %03000d -->\n<x:doc xmlns:x=\"urn:x\"/>", 0);
    CHECK_EQ_INT(parse(big), VG_EFORMAT);
    CHECK_EQ_STR(err, "not a feed: root element is <x:doc>");
    CHECK_EQ_INT(parse("<feedback/>"), VG_EFORMAT);
}

static void not_xml(void)
{
    CHECK_EQ_INT(parse("Le pr\xC3\xA9sident a d\xC3\xA9missionn\xC3\xA9."), VG_EFORMAT);
    CHECK(strstr(err, "not XML: line 1: ") == err);
    CHECK_EQ_INT(parse("\n\n   {\"text\": \"x\"}"), VG_EFORMAT);
    CHECK(strstr(err, "not XML: line 3: ") == err);
    CHECK_EQ_INT(parse(""), VG_EFORMAT);
    CHECK_EQ_STR(err, "not XML: the input is empty");
    vg_feed_free(feed);
    CHECK_EQ_INT(vg_feed_parse(&mem, "\x1f\x8b\x08\0\0\0\0\0", 8, &feed, err, sizeof err), VG_EFORMAT);
    CHECK(feed == NULL);
    CHECK(strstr(err, "not XML") == err);
    CHECK_EQ_INT(vg_feed_parse(&mem, NULL, 3, &feed, err, sizeof err), VG_EMISUSE);
    CHECK_EQ_INT(vg_feed_parse(&mem, "<rss/>", 6, &feed, NULL, 0), VG_OK); /* err optional */
    CHECK_EQ_INT(vg_feed_count(feed), 0);
}

/* An external entity is never read (XXE), a parameter entity never fetched, and nested internal
** entities cannot amplify. Internal entities used as HTML entities are expanded. */
static void xxe_refused(void)
{
    CHECK_EQ_INT(parse("<?xml version=\"1.0\"?>\n"
                       "<!DOCTYPE rss [\n"
                       "  <!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n"
                       "  <!ENTITY % remote SYSTEM \"http://127.0.0.1:9/evil.dtd\">\n"
                       "  %remote;\n"
                       "  <!ENTITY nbsp \"&#160;\">\n"
                       "]>\n"
                       "<rss version=\"2.0\"><channel><item>\n"
                       "  <title>Fuite&nbsp;: &xxe;</title>\n"
                       "  <description>avant &xxe; apr\xC3\xA8s</description>\n"
                       "  <link>&xxe;</link>\n"
                       "</item></channel></rss>\n"),
                 VG_OK);
    CHECK_EQ_INT(vg_feed_count(feed), 1);
    const vg_feed_item *it = at(0);
    CHECK_EQ_STR(it->title, "Fuite\xC2\xA0:");
    CHECK_EQ_STR(it->body, "avant  apr\xC3\xA8s");
    CHECK(it->link == NULL);
    for (size_t k = 0; k < 3; k++) {
        const char *f = k == 0 ? it->title : k == 1 ? it->body : vg_feed_title(feed);
        CHECK(!f || (!strstr(f, "root:") && !strstr(f, "/bin/")));
    }
    /* billion laughs: ten levels of ten */
    char doc[4096], *p = doc;
    p += sprintf(p, "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY l0 \"lol\">\n");
    for (int i = 1; i <= 9; i++) {
        p += sprintf(p, "<!ENTITY l%d \"", i);
        for (int j = 0; j < 10; j++)
            p += sprintf(p, "&l%d;", i - 1);
        p += sprintf(p, "\">\n");
    }
    sprintf(p, "]>\n<rss><channel><item><title>&l9;</title><description>&l9;</description></item>"
               "</channel></rss>");
    vg_status rc = parse(doc);
    CHECK(rc == VG_OK || rc == VG_EFORMAT);
    for (size_t i = 0; i < vg_feed_count(feed); i++)
        CHECK(!at(i)->body || at(i)->body_len <= (1u << 21));
}

static void encodings(void)
{
    /* declared Latin-1: converted to UTF-8 */
    CHECK_EQ_INT(parse("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"
                       "<rss><channel><item><title>D\xE9put\xE9 arr\xEAt\xE9</title></item></channel></rss>"),
                 VG_OK);
    CHECK_EQ_STR(at(0)->title, "D\xC3\xA9put\xC3\xA9 arr\xC3\xAAt\xC3\xA9");
    /* a byte order mark, and bytes that are not UTF-8 although the feed says so */
    vg_status rc = parse("\xEF\xBB\xBF<rss><channel><item><title>ok \xE9t\xE9 \xFF</title>"
                         "<description>\xC3\xA9t\xC3\xA9</description></item></channel></rss>");
    CHECK_EQ_INT(rc, VG_OK);
    CHECK_EQ_INT(vg_feed_count(feed), 1);
    check_items();
    /* UTF-16 with its byte order mark */
    static const char u16[] = "\xFF\xFE<\0r\0s\0s\0>\0<\0c\0h\0a\0n\0n\0e\0l\0>\0<\0i\0t\0e\0m\0>\0"
                              "<\0t\0i\0t\0l\0e\0>\0\xE9\0t\0\xE9\0<\0/\0t\0i\0t\0l\0e\0>\0"
                              "<\0/\0i\0t\0e\0m\0>\0<\0/\0c\0h\0a\0n\0n\0e\0l\0>\0<\0/\0r\0s\0s\0>\0";
    vg_feed_free(feed);
    CHECK_EQ_INT(vg_feed_parse(&mem, u16, sizeof u16 - 1, &feed, err, sizeof err), VG_OK);
    CHECK_EQ_STR(err, "");
    CHECK_EQ_INT(vg_feed_count(feed), 1);
    CHECK_EQ_STR(at(0)->title, "\xC3\xA9t\xC3\xA9");
}

static void sniffing(void)
{
    static const char *const yes[] = {
        "<rss version=\"2.0\">",
        "\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<rss>",
        "<?xml version=\"1.0\"?><?xml-stylesheet href=\"s.xsl\"?>\n<!-- c -- c -->\n<feed xmlns=\"x\">",
        "<?xml version=\"1.0\"?>\n<!DOCTYPE rss PUBLIC \"-//Netscape//DTD RSS 0.91//EN\" \"x.dtd\">\n<rss>",
        "<!DOCTYPE rss [ <!ENTITY a \"]>\"> ]><rss>",
        "  \r\n\t<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">",
        "<atom:feed xmlns:atom=\"http://www.w3.org/2005/Atom\">",
        "<rss/>",
    };
    static const char *const no[] = {
        "", "<", "<rss", "rss", "<html><body>", "<!DOCTYPE html><html>", "<feedback>", "<rssx>",
        "<?xml version=\"1.0\"?>", "<!-- unclosed <rss>", "{\"rss\": 1}", "\xFF\xFE<\0r\0s\0s\0",
        "<![CDATA[<rss>]]>",
    };
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
        CHECKF(vg_is_feed(yes[i], strlen(yes[i])), "not sniffed as a feed: %s", yes[i]);
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        CHECKF(!vg_is_feed(no[i], strlen(no[i])), "sniffed as a feed: %s", no[i]);
    CHECK(!vg_is_feed(NULL, 0));
    static const char u16le[] = "\xFF\xFE<\0?\0x\0m\0l\0?\0>\0\n\0<\0r\0s\0s\0>\0";
    static const char u16be[] = "\xFE\xFF\0<\0f\0e\0e\0d\0 ";
    static const char u16html[] = "\xFF\xFE<\0h\0t\0m\0l\0>\0";
    CHECK(vg_is_feed(u16le, sizeof u16le - 1));
    CHECK(vg_is_feed(u16be, sizeof u16be - 1));
    CHECK(!vg_is_feed(u16html, sizeof u16html - 1));
    char big[2048];
    snprintf(big, sizeof big, "<!-- %01200d --><rss>", 0); /* past the first KB */
    CHECK(!vg_is_feed(big, strlen(big)));
    CHECK(vg_is_feed(rss_fr, 10) == false); /* the root is past the 10 bytes given */
}

/* Nothing printed: the messages go to err, none to stderr. */
static void silent_on_stderr(void)
{
    fflush(stderr);
    int saved = dup(2);
    char path[] = "/tmp/vg_feed_stderr_XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0 && saved >= 0);
    if (fd < 0 || saved < 0)
        return;
    dup2(fd, 2);
    parse("<rss><channel><item><title>A</titel></item>");
    parse("not xml at all");
    parse("<?xml version=\"1.0\" encoding=\"x-unknown-charset\"?><rss/>");
    parse("<!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///nonexistent\">]><rss>&x;&undeclared;</rss>");
    parse("<rss><channel><item><title type=\"html\">&lt;b&gt;&lt;/i&gt;&lt;&lt;</title></item></channel></rss>");
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    off_t size = lseek(fd, 0, SEEK_END);
    close(fd);
    unlink(path);
    CHECK_EQ_INT(size, 0);
}

/* ---- the fixtures of tests/data/web ---- */

static char *fixture(const char *name, size_t *n)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/tests/data/web/%s", h_root, name);
    char *s = vg_read_file(path, n);
    CHECKF(s != NULL, "cannot read %s", path);
    return s;
}

static void fixture_french_rss(void)
{
    size_t n;
    char *s = fixture("feed-fr.rss", &n);
    if (!s)
        return;
    CHECK(vg_is_feed(s, n));
    vg_feed_free(feed);
    CHECK_EQ_INT(vg_feed_parse(&mem, s, n, &feed, err, sizeof err), VG_OK);
    CHECK_EQ_STR(err, "");
    CHECK_EQ_INT(vg_feed_count(feed), 5);
    CHECK_EQ_STR(vg_feed_title(feed), "Le Veilleur \xE2\x80\x94 International");
    static const char *const want[5][3] = {
        { "Le ministre des Affaires \xC3\xA9trang\xC3\xA8res en visite \xC3\xA0 Bamako",
          "https://www.le-veilleur.example/international/2016/11/14/visite-bamako", "2016-11-14" },
        { "Est de l'Ukraine : Kiev accuse les s\xC3\xA9paratistes de violer le cessez-le-feu",
          "https://www.le-veilleur.example/international/2017/03/07/ukraine-cessez-le-feu", "2017-03-07" },
        { "Niger : arrestation d'un chef pr\xC3\xA9sum\xC3\xA9 d'un groupe arm\xC3\xA9 \xC3\xA0 Niamey",
          "https://www.le-veilleur.example/international/2018/06/23/niger-arrestation", "2018-06-23" },
        { "L'Union europ\xC3\xA9"
          "enne sanctionne trois responsables de la police bi\xC3\xA9lorusse",
          "https://www.le-veilleur.example/international/2019/01/28/ue-sanctions", "2019-01-28" },
        { "Colombie : le gouvernement et l'ELN reprennent les n\xC3\xA9gociations \xC3\xA0 Quito",
          "https://www.le-veilleur.example/international/2020/09/16/colombie-eln", "2020-09-16" },
    };
    for (size_t i = 0; i < 5 && i < vg_feed_count(feed); i++) {
        CHECK_EQ_STR(at(i)->title, want[i][0]);
        CHECK_EQ_STR(at(i)->link, want[i][1]);
        CHECK_EQ_STR(at(i)->date, want[i][2]);
        CHECK(at(i)->body && at(i)->body_len > 80);
    }
    if (vg_feed_count(feed) == 5) {
        CHECK(strstr(at(2)->body, "<p>Le ministre de l'Int\xC3\xA9rieur a salu\xC3\xA9") != NULL); /* content:encoded */
        CHECK(at(2)->body_html && at(0)->body_html && at(1)->body_html);
        CHECK(!at(3)->body_html); /* plain description */
        CHECK_EQ_STR(at(0)->id, "veilleur-2016-11-14-0412");
    }
    check_items();
    free(s);
}

static void fixture_english_atom(void)
{
    size_t n;
    char *s = fixture("feed-en.atom", &n);
    if (!s)
        return;
    CHECK(vg_is_feed(s, n));
    vg_feed_free(feed);
    CHECK_EQ_INT(vg_feed_parse(&mem, s, n, &feed, err, sizeof err), VG_OK);
    CHECK_EQ_STR(err, "");
    CHECK_EQ_INT(vg_feed_count(feed), 5);
    CHECK_EQ_STR(vg_feed_title(feed), "The Daily Observer: World");
    static const char *const want[5][3] = {
        { "Foreign minister visits Nairobi for talks on Somalia",
          "https://observer.example/world/2016/07/15/nairobi-talks", "2016-07-15" },
        { "Government accuses rebels of shelling border town",
          "https://observer.example/world/2017/05/02/border-shelling", "2017-05-02" },
        { "Police arrest opposition leader ahead of protest",
          "https://observer.example/world/2018/11/20/opposition-arrest", "2018-11-20" },
        { "Washington imposes sanctions on militia commanders",
          "https://observer.example/world/2019/08/01/militia-sanctions", "2019-08-01" },
        { "Army strikes militant camp after attack on patrol",
          "https://observer.example/world/2021/04/09/army-strike", "2021-04-09" },
    };
    for (size_t i = 0; i < 5 && i < vg_feed_count(feed); i++) {
        CHECK_EQ_STR(at(i)->title, want[i][0]);
        CHECK_EQ_STR(at(i)->link, want[i][1]);
        CHECK_EQ_STR(at(i)->date, want[i][2]);
        CHECK(at(i)->body && at(i)->body_len > 80);
    }
    if (vg_feed_count(feed) == 5) {
        CHECK(!at(0)->body_html && !at(1)->body_html && !at(4)->body_html);
        CHECK(at(2)->body_html && !strncmp(at(2)->body, "<p>Police in Kampala arrested", 29));
        CHECK(at(3)->body_html && !strncmp(at(3)->body, "<p>The United States imposed", 28));
        CHECK_EQ_STR(at(1)->id, "tag:observer.example,2017-05-02:2210");
    }
    check_items();
    free(s);
}

/* ---- memory and threads ---- */

typedef struct {
    long allocs, fail_at, live; /* fail the fail_at-th allocation (1-based); 0: never */
} counting;

static void *c_malloc(void *ctx, size_t n)
{
    counting *c = ctx;
    if (c->fail_at && ++c->allocs == c->fail_at)
        return NULL;
    void *p = malloc(n);
    c->live += p != NULL;
    return p;
}
static void *c_realloc(void *ctx, void *p, size_t n)
{
    counting *c = ctx;
    if (c->fail_at && ++c->allocs == c->fail_at)
        return NULL;
    void *q = realloc(p, n);
    c->live += p == NULL && q != NULL;
    return q;
}
static void c_free(void *ctx, void *p)
{
    counting *c = ctx;
    c->live -= p != NULL;
    free(p);
}

/* Fail each allocation in turn: ENOMEM comes back, nothing leaks, no half-built feed. */
static void every_allocation_failure_is_clean(void)
{
    int completed = 0;
    for (long k = 1; k < 10000 && !completed; k++) {
        counting c = { 0, k, 0 };
        vg_allocator a = { c_malloc, c_realloc, c_free, &c };
        vg_mem m;
        vg_mem_init(&m, &a);
        vg_feed *f = NULL;
        vg_status rc = vg_feed_parse(&m, atom_en, strlen(atom_en), &f, err, sizeof err);
        CHECKF(rc == VG_OK || rc == VG_ENOMEM, "failing allocation %ld gave %d", k, (int)rc);
        CHECK(rc == VG_OK ? f != NULL : f == NULL);
        if (rc == VG_OK && c.allocs < k)
            completed = 1;
        vg_feed_free(f);
        CHECKF(c.live == 0, "failing allocation %ld leaked %ld blocks", k, c.live);
    }
    CHECK(completed);
}

static void *parse_many(void *arg)
{
    long bad = 0;
    for (int i = 0; i < 50; i++) {
        vg_feed *f = NULL;
        char e[256];
        const char *x = (i & 1) ? rss_fr : atom_en;
        if (vg_feed_parse(&mem, x, strlen(x), &f, e, sizeof e) != VG_OK || vg_feed_count(f) != 3 || e[0])
            bad++;
        vg_feed_free(f);
        if (vg_feed_parse(&mem, "<html/>", 7, &f, e, sizeof e) != VG_EFORMAT)
            bad++;
    }
    *(long *)arg = bad;
    return NULL;
}

static void threads(void)
{
    pthread_t t[4];
    long bad[4];
    for (int i = 0; i < 4; i++)
        CHECK(pthread_create(&t[i], NULL, parse_many, &bad[i]) == 0);
    for (int i = 0; i < 4; i++) {
        pthread_join(t[i], NULL);
        CHECK_EQ_INT(bad[i], 0);
    }
}

int main(int argc, char **argv)
{
    h_init(argc, argv);
    vg_mem_init(&mem, NULL);
    RUN(date_iso);
    RUN(date_rfc822);
    RUN(date_refused);
    RUN(date_out_untouched_on_refusal);
    RUN(rss2_french);
    RUN(atom_english);
    RUN(atom_odd_types);
    RUN(rss1_rdf);
    RUN(missing_fields);
    RUN(sloppy_namespaces);
    RUN(truncated_keeps_items_before);
    RUN(not_a_feed);
    RUN(not_xml);
    RUN(xxe_refused);
    RUN(encodings);
    RUN(sniffing);
    RUN(silent_on_stderr);
    RUN(fixture_french_rss);
    RUN(fixture_english_atom);
    RUN(every_allocation_failure_is_clean);
    RUN(threads);
    vg_feed_free(feed);
    return h_report();
}
