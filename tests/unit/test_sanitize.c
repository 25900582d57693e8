/* test_sanitize.c — the output rule of src/export/sanitize.h at the edges the shell tests cannot
** reach cheaply: every control range and its neighbours, truncated and overlong UTF-8, the JSON
** escapes, CSV quoting with the formula guard. Each writer's output is captured with
** open_memstream and compared byte for byte. */
#include <stdlib.h>
#include <string.h>

#include "export.h"
#include "harness.h"
#include "sanitize.h"

#define FFFD "\xEF\xBF\xBD"

static char *buf;
static size_t len;

/* What fn wrote for s[0..n), as a NUL-terminated string owned by this file. */
static const char *out(void (*fn)(FILE *, const char *, size_t), const char *s, size_t n)
{
    free(buf);
    buf = NULL;
    FILE *f = open_memstream(&buf, &len);
    fn(f, s, n);
    fclose(f);
    return buf;
}
#define OUT(fn, lit) out(fn, lit, sizeof lit - 1)

static void csv_text(FILE *f, const char *s, size_t n) { vg_csv_str(f, s, n, 1); }
static void csv_num(FILE *f, const char *s, size_t n) { vg_csv_str(f, s, n, 0); }

static void classes(void)
{
    size_t l;
    uint32_t cp;
    CHECK_EQ_INT(vg_ch_class(" ", 1, &l, &cp), VG_CH_PLAIN);
    CHECK_EQ_INT(vg_ch_class("~", 1, &l, &cp), VG_CH_PLAIN);
    CHECK_EQ_INT(vg_ch_class("\x7f", 1, &l, &cp), VG_CH_CONTROL);
    CHECK_EQ_INT(vg_ch_class("\x1f", 1, &l, &cp), VG_CH_CONTROL);
    CHECK_EQ_INT(vg_ch_class("\t", 1, &l, &cp), VG_CH_SPACE);
    CHECK_EQ_INT(vg_ch_class("\r", 1, &l, &cp), VG_CH_SPACE);
    CHECK_EQ_INT(vg_ch_class("\xC2\x80", 2, &l, &cp), VG_CH_CONTROL); /* U+0080, first C1 */
    CHECK(l == 2 && cp == 0x80);
    CHECK_EQ_INT(vg_ch_class("\xC2\x9F", 2, &l, &cp), VG_CH_CONTROL); /* U+009F, last C1 */
    CHECK_EQ_INT(vg_ch_class("\xC2\xA0", 2, &l, &cp), VG_CH_PLAIN);   /* U+00A0: a space, printable */
    CHECK_EQ_INT(vg_ch_class("\xC3\xA9", 2, &l, &cp), VG_CH_PLAIN);   /* é */
    CHECK_EQ_INT(vg_ch_class("\x9B", 1, &l, &cp), VG_CH_BAD);         /* 8-bit CSI, not UTF-8 */
    CHECK(l == 1 && cp == 0x9B);
    CHECK_EQ_INT(vg_ch_class("\xC2", 1, &l, &cp), VG_CH_BAD);         /* cut short */
    CHECK_EQ_INT(vg_ch_class("\xC0\x9B", 2, &l, &cp), VG_CH_BAD);     /* overlong ESC-like */
    CHECK(l == 1);
}

static void text_formats(void)
{
    CHECK_EQ_STR(OUT(vg_tsv_str, "a\x1b]0;t\x07\x1b[2Jb"), "a" FFFD "]0;t" FFFD FFFD "[2Jb");
    CHECK_EQ_STR(OUT(vg_tsv_str, "a\tb\nc\r\nd"), "a b c  d");
    CHECK_EQ_STR(OUT(vg_tsv_str, "x\x7fy\xC2\x9B" "31mz\x9B"), "x" FFFD "y" FFFD "31mz" FFFD);
    CHECK_EQ_STR(OUT(vg_tsv_str, "Alep \xC3\xA9t\xC3\xA9 \xE2\x80\x94 ok"), "Alep \xC3\xA9t\xC3\xA9 \xE2\x80\x94 ok");
    CHECK_EQ_STR(OUT(vg_tsv_str, "cut \xE2\x80"), "cut " FFFD FFFD);
    char *d = vg_san_dup("a\x1b" "b\tc", 5, 0);
    CHECK_EQ_STR(d, "a" FFFD "b c");
    free(d);
    d = vg_san_dup("a\tb\nc\x01", 6, VG_SAN_LINES);
    CHECK_EQ_STR(d, "a\tb\nc" FFFD);
    free(d);
    char nul[] = { 'a', 0, 'b' };
    CHECK_EQ_STR(out(vg_tsv_str, nul, 3), "a" FFFD "b"); /* NUL is a C0 control too */
}

static void json(void)
{
    CHECK_EQ_STR(OUT(vg_json_str, "e\x1b[2J\x07"), "\"e\\u001b[2J\\u0007\"");
    CHECK_EQ_STR(OUT(vg_json_str, "d\x7f" "c\xC2\x9B" "1"), "\"d\\u007fc\\u009b1\"");
    CHECK_EQ_STR(OUT(vg_json_str, "q\"b\\t\tn\n"), "\"q\\\"b\\\\t\\tn\\n\"");
    CHECK_EQ_STR(OUT(vg_json_str, "\xC2\xA0\xC3\xA9\x9B"), "\"\xC2\xA0\xC3\xA9" FFFD "\"");
}

static void csv(void)
{
    CHECK_EQ_STR(OUT(csv_text, "plain"), "plain");
    CHECK_EQ_STR(OUT(csv_text, "=1+2"), "'=1+2");
    CHECK_EQ_STR(OUT(csv_text, "+cmd|' /C calc'!A0"), "'+cmd|' /C calc'!A0");
    CHECK_EQ_STR(OUT(csv_text, "-2+3"), "'-2+3");
    CHECK_EQ_STR(OUT(csv_text, "@SUM(A1)"), "'@SUM(A1)");
    CHECK_EQ_STR(OUT(csv_text, "\t=1"), "'\t=1");
    CHECK_EQ_STR(OUT(csv_text, "\r=1"), "\"'\r=1\"");
    CHECK_EQ_STR(OUT(csv_text, "=HYPERLINK(\"http://e\",\"x\")"), "\"'=HYPERLINK(\"\"http://e\"\",\"\"x\"\")\"");
    CHECK_EQ_STR(OUT(csv_text, "a,b\nc\x1b"), "\"a,b\nc" FFFD "\"");
    CHECK_EQ_STR(OUT(csv_text, "a=1"), "a=1"); /* only a leading character makes a formula */
    CHECK_EQ_STR(OUT(csv_num, "-2.0"), "-2.0"); /* numbers stay numbers */
    CHECK_EQ_STR(OUT(csv_text, ""), "");
}

int main(int argc, char **argv)
{
    h_init(argc, argv);
    RUN(classes);
    RUN(text_formats);
    RUN(json);
    RUN(csv);
    free(buf);
    return h_report();
}
