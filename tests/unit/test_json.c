/* test_json.c — the JSON Lines record reader: fields kept, unknown ones skipped, escapes decoded,
** and every kind of damage refused with a message saying where, never a crash. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "ingest.h"

static vg_mem mem;
static vg_jrec rec;
static char err[256];

static vg_status parse(const char *s) { return vg_json_record(s, strlen(s), &rec, err, sizeof err); }
#define HAS(f) ((rec.has >> (f)) & 1)

static void all_fields(void)
{
    CHECK_EQ_INT(parse("{\"id\": \"a-1\", \"text\": \"Paris a convoqu\xC3\xA9 l'ambassadeur.\", "
                       "\"lang\": \"fr\", \"date\": \"2020-02-29\", \"title\": \"T\", \"url\": \"http://x/y\"}"),
                 VG_OK);
    CHECK_EQ_STR(rec.f[VG_JF_ID].p, "a-1");
    CHECK_EQ_STR(rec.f[VG_JF_TEXT].p, "Paris a convoqu\xC3\xA9 l'ambassadeur.");
    CHECK_EQ_STR(rec.f[VG_JF_LANG].p, "fr");
    CHECK_EQ_STR(rec.f[VG_JF_DATE].p, "2020-02-29");
    CHECK_EQ_STR(rec.f[VG_JF_URL].p, "http://x/y");
    CHECK(HAS(VG_JF_TITLE) && !HAS(VG_JF_HTML));
}

static void escapes(void)
{
    CHECK_EQ_INT(parse("{\"text\": \"a\\\"b\\\\c\\/d\\n\\t\\u00e9\\u20AC\\ud83c\\uddeb\"}"), VG_OK);
    CHECK_EQ_STR(rec.f[VG_JF_TEXT].p, "a\"b\\c/d\n\t\xC3\xA9\xE2\x82\xAC\xF0\x9F\x87\xAB");
    CHECK_EQ_INT(parse("{\"text\": \"x\\u0000y\"}"), VG_OK); /* NUL is legal JSON */
    CHECK_EQ_INT(rec.f[VG_JF_TEXT].n, 3);
}

static void unknown_fields_skipped(void)
{
    CHECK_EQ_INT(parse("{\"events\": [{\"source\": \"USAGOV\", \"optional\": true, \"n\": -1.5e3}, "
                       "[], {}, null, false], \"meta\": {\"a\": {\"b\": [1, 2, {\"c\": \"d\"}]}}, "
                       "\"text\": \"ok\", \"id\": 42}"),
                 VG_OK);
    CHECK_EQ_STR(rec.f[VG_JF_TEXT].p, "ok");
    CHECK_EQ_STR(rec.f[VG_JF_ID].p, "42");
}

static void null_is_absent(void)
{
    CHECK_EQ_INT(parse("{\"text\": null, \"lang\": \"en\"}"), VG_OK);
    CHECK(!HAS(VG_JF_TEXT) && HAS(VG_JF_LANG));
    CHECK_EQ_INT(parse("{\"text\": \"a\", \"text\": 3}"), VG_OK); /* last one wins */
    CHECK(!HAS(VG_JF_TEXT));
    CHECK_EQ_INT(parse("  {}  "), VG_OK);
    CHECK_EQ_INT(rec.has, 0);
}

static void damage_is_refused(void)
{
    static const struct { const char *in; vg_status rc; const char *why; } bad[] = {
        { "", VG_EFORMAT, "must be a JSON object" },
        { "[1, 2]", VG_EFORMAT, "must be a JSON object" },
        { "{\"text\": \"a\"", VG_EFORMAT, "expected , or }" },
        { "{\"text\": \"a}", VG_EFORMAT, "unterminated string" },
        { "{\"text\": \"a\"} x", VG_EFORMAT, "after the record" },
        { "{\"text\" \"a\"}", VG_EFORMAT, "expected :" },
        { "{text: \"a\"}", VG_EFORMAT, "member name" },
        { "{\"text\": \"a\\q\"}", VG_EFORMAT, "bad escape" },
        { "{\"text\": \"\\u12\"}", VG_EFORMAT, "\\u escape" },
        { "{\"text\": \"\\ud800\"}", VG_EFORMAT, "surrogate" },
        { "{\"text\": \"\\udc00\\ud800\"}", VG_EFORMAT, "surrogate" },
        { "{\"text\": \"a\tb\"}", VG_EFORMAT, "control character" },
        { "{\"text\": \"caf\xE9\"}", VG_EUTF8, "invalid UTF-8 at byte 14" },
        { "{\"text\": \"\xC0\xAF\"}", VG_EUTF8, "invalid UTF-8" },
        { "{\"n\": 01}", VG_EFORMAT, "expected , or }" },
        { "{\"n\": 1.}", VG_EFORMAT, "bad number" },
        { "{\"n\": -}", VG_EFORMAT, "bad number" },
        { "{\"n\": tru}", VG_EFORMAT, "unexpected character" },
        { "{\"a\": [1, 2}", VG_EFORMAT, "expected , or ]" },
        { "{\"a\": {\"b\" 1}}", VG_EFORMAT, "expected :" },
        { "{\"a\": [1,]}", VG_EFORMAT, "unexpected character" },
        { "{,}", VG_EFORMAT, "member name" },
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        vg_status rc = parse(bad[i].in);
        CHECKF(rc == bad[i].rc, "case %zu (%s): status %d", i, bad[i].in, rc);
        CHECKF(strstr(err, bad[i].why) != NULL, "case %zu: message \"%s\" lacks \"%s\"", i, err, bad[i].why);
    }
}

static void deep_nesting_is_refused_not_recursed(void)
{
    size_t depth = 100000;
    char *s = malloc(depth * 2 + 32);
    size_t n = 0;
    n += (size_t)sprintf(s, "{\"a\": ");
    for (size_t i = 0; i < depth; i++)
        s[n++] = '[';
    for (size_t i = 0; i < depth; i++)
        s[n++] = ']';
    s[n++] = '}';
    CHECK_EQ_INT(vg_json_record(s, n, &rec, err, sizeof err), VG_EFORMAT);
    CHECK(strstr(err, "nesting too deep") != NULL);
    free(s);
}

/* issue 17: a \u0000 would cut a C string short without a word ("a\u0000x" and "a\u0000y" one id) */
static void nul_is_refused_in_fields_and_a_space_in_text(void)
{
    CHECK_EQ_INT(parse("{\"id\": \"a\\u0000x\", \"text\": \"t\"}"), VG_EFORMAT);
    CHECK(rec.nul_refused);
    CHECK_EQ_STR(err, "\"id\" holds \\u0000 (U+0000) in the string at byte 8: only text and html may");
    CHECK_EQ_INT(parse("{\"text\": \"t\", \"date\": \"2016-07-15\\u0000\"}"), VG_EFORMAT);
    CHECK(rec.nul_refused && strstr(err, "\"date\" holds") == err);
    CHECK_EQ_INT(parse("{\"id\": \"b\", \"text\": \"a\\u0000b\\u0000\", \"html\": \"\\u0000\"}"), VG_OK);
    CHECK(!rec.nul_refused);
    CHECK_EQ_INT(rec.f[VG_JF_TEXT].n, 4);
    CHECK_EQ_STR(rec.f[VG_JF_TEXT].p, "a b ");
    CHECK_EQ_STR(rec.f[VG_JF_HTML].p, " ");
    CHECK_EQ_INT(rec.nuls, 3);
    CHECK_EQ_INT(parse("{\"id\": \"c\", \"text\": \"ok\"}"), VG_OK); /* counts start again */
    CHECK_EQ_INT(rec.nuls, 0);
    /* bad JSON after a refusal is bad JSON again, not a NUL refusal */
    CHECK_EQ_INT(parse("{\"id\": \"a\\u0000x\"}"), VG_EFORMAT);
    CHECK_EQ_INT(parse("{\"id\": \"a\", \"text\": 1"), VG_EFORMAT);
    CHECK(!rec.nul_refused);
}

static void dates(void)
{
    CHECK(vg_date_valid("2016-07-15", 10));
    CHECK(vg_date_valid("2020-02-29", 10));
    CHECK(!vg_date_valid("2021-02-29", 10));
    CHECK(!vg_date_valid("1900-02-29", 10));
    CHECK(vg_date_valid("2000-02-29", 10));
    CHECK(!vg_date_valid("2016-13-01", 10));
    CHECK(!vg_date_valid("2016-7-15", 9));
    CHECK(!vg_date_valid("15/07/2016", 10));
}

int main(int argc, char **argv)
{
    h_init(argc, argv);
    vg_mem_init(&mem, NULL);
    vg_jrec_init(&rec, &mem);
    RUN(all_fields);
    RUN(escapes);
    RUN(unknown_fields_skipped);
    RUN(null_is_absent);
    RUN(damage_is_refused);
    RUN(deep_nesting_is_refused_not_recursed);
    RUN(nul_is_refused_in_fields_and_a_space_in_text);
    RUN(dates);
    vg_jrec_release(&rec);
    return h_report();
}
