/* gdelt.c — events in the column order of the GDELT 2.0 event table (61 tab-separated columns, no
** header, as GDELT publishes it). Fields vigie does not know are left empty, as GDELT does.
** Mapping (docs/output.md): ActorNCode is the CAMEO code; CountryCode its first three letters when
** they are a country; KnownGroupCode the group for IGO/NGO/IMG codes; Type1..3 the role codes
** after the country. Geo columns carry vigie's place: its country as the CAMEO/ISO code (GDELT uses
** FIPS 10-4 there; vigie says so rather than convert), and coordinates when the gazetteer has them.
** NumMentions/NumSources/NumArticles are 1 per event until the store deduplicates. */
#include <ctype.h>
#include <string.h>
#include <utf8proc.h>

#include "export.h"

#define NCOL 61
#define FLD 160

typedef char row_t[NCOL][FLD];

static int is_group(const char *c) { return !strncmp(c, "IGO", 3) || !strncmp(c, "NGO", 3) || !strncmp(c, "IMG", 3); }

/* GDELT's names are upper case, in every script: « Çavuşoğlu » → ÇAVUŞOĞLU (utf8proc's simple case
** mapping, a code point for a code point); tabs and newlines become spaces. */
static void text_upper(char *out, const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t len = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
        utf8proc_uint8_t buf[4];
        utf8proc_ssize_t m;
        if (len <= 0) { /* not UTF-8 (the text was checked; be safe): the byte, as is */
            buf[0] = (utf8proc_uint8_t)s[i];
            len = m = 1;
        } else if (cp < 0x80) {
            buf[0] = cp == '\t' || cp == '\n' || cp == '\r' ? ' ' : (utf8proc_uint8_t)toupper(cp);
            m = 1;
        } else {
            m = utf8proc_encode_char(utf8proc_toupper(cp), buf);
        }
        i += (size_t)len;
        if (k + (size_t)m + 1 > FLD)
            break;
        memcpy(out + k, buf, (size_t)m);
        k += (size_t)m;
    }
    out[k] = 0;
}

/* Columns c .. c+9: Code, Name, CountryCode, KnownGroupCode, EthnicCode, Religion1, Religion2, Type1..3 */
static void actor(row_t r, int c, const char *code, const char *text, size_t n)
{
    size_t len = strlen(code);
    int grp = is_group(code);
    snprintf(r[c], FLD, "%s", code);
    text_upper(r[c + 1], text, n);
    if (!grp)
        snprintf(r[c + 2], FLD, "%.3s", code);
    else if (len >= 6)
        snprintf(r[c + 3], FLD, "%.3s", code + 3);
    size_t at = grp ? (len >= 6 ? 6 : len) : 3;
    for (int k = 0; k < 3 && at + 3 <= len; k++, at += 3)
        snprintf(r[c + 7 + k], FLD, "%.3s", code + at);
}

/* Columns c .. c+7: Type, FullName, CountryCode, ADM1, ADM2, Lat, Long, FeatureID */
static void geo(row_t r, int c, const vg_export_doc *x, const vg_event *e)
{
    if (!e->place[0])
        return;
    snprintf(r[c], FLD, "1"); /* country level: vigie resolves places to their country */
    size_t n = e->place_span.end - e->place_span.start;
    snprintf(r[c + 1], FLD, "%.*s", (int)(n < FLD - 1 ? n : FLD - 1), x->text + e->place_span.start);
    snprintf(r[c + 2], FLD, "%s", e->place);
    if (e->has_geo) {
        snprintf(r[c + 5], FLD, "%.4f", e->lat);
        snprintf(r[c + 6], FLD, "%.4f", e->lon);
    }
}

int vg_export_gdelt(FILE *f, const vg_export_doc *x, const vg_doc *d)
{
    row_t r;
    for (size_t i = 0; i < vg_doc_nevents(d); i++) {
        const vg_event *e = vg_doc_event(d, i);
        memset(r, 0, sizeof r);
        snprintf(r[0], FLD, "%llu", (unsigned long long)(x->first_event_id + i));
        if (e->date[0]) {
            int y = 0, m = 0, dd = 0;
            sscanf(e->date, "%d-%d-%d", &y, &m, &dd);
            snprintf(r[1], FLD, "%04d%02d%02d", y, m, dd);
            snprintf(r[2], FLD, "%04d%02d", y, m);
            snprintf(r[3], FLD, "%04d", y);
            snprintf(r[4], FLD, "%.4f", y + ((m - 1) * 30 + dd) / 365.0);
            snprintf(r[59], FLD, "%04d%02d%02d", y, m, dd);
        }
        actor(r, 5, e->source, x->text + e->source_span.start, e->source_span.end - e->source_span.start);
        actor(r, 15, e->target, x->text + e->target_span.start, e->target_span.end - e->target_span.start);
        snprintf(r[25], FLD, "1");
        snprintf(r[26], FLD, "%s", e->code);
        snprintf(r[27], FLD, "%.3s", e->code);
        snprintf(r[28], FLD, "%s", e->root);
        snprintf(r[29], FLD, "%d", e->quad);
        snprintf(r[30], FLD, "%.1f", (double)e->goldstein);
        snprintf(r[31], FLD, "1");
        snprintf(r[32], FLD, "1");
        snprintf(r[33], FLD, "1");
        geo(r, 51, x, e); /* ActionGeo; the actors' own geography is not known */
        if (x->url)
            snprintf(r[60], FLD, "%.*s", FLD - 1, x->url);
        for (int c = 0; c < NCOL; c++) {
            vg_tsv_str(f, r[c], strlen(r[c]));
            putc(c + 1 < NCOL ? '\t' : '\n', f);
        }
    }
    return ferror(f) ? -1 : 0;
}
