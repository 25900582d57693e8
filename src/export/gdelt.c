/* gdelt.c — events in the column order of the GDELT 2.0 event table (61 tab-separated columns, no
** header, as GDELT publishes it). Fields vigie does not know are left empty, as GDELT does.
** Mapping (docs/output.md): ActorNCode is the CAMEO code; CountryCode its first three letters when
** they are a country; KnownGroupCode the group for IGO/NGO/IMG codes; Type1..3 the role codes
** after the country. Geo columns carry vigie's place: its country as the CAMEO/ISO code (GDELT uses
** FIPS 10-4 there; vigie says so rather than convert), and coordinates when the gazetteer has them.
** Every field goes through vg_tsv_str(), the output rule of sanitize.h.
** NumMentions/NumSources/NumArticles are 1 per event from `vigie code`; `vigie export` writes the
** store's deduplicated counts through the same vg_gdelt_write(). */
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
static void geo(row_t r, int c, const vg_gdelt_event *g)
{
    if (!g->country || !g->country[0])
        return;
    snprintf(r[c], FLD, "1"); /* country level: vigie resolves places to their country */
    size_t n = g->place ? g->place_len : 0;
    if (n > FLD - 1) /* cut between characters, not inside one */
        for (n = FLD - 1; n > 0 && ((unsigned char)g->place[n] & 0xC0) == 0x80; n--)
            ;
    snprintf(r[c + 1], FLD, "%.*s", (int)n, n ? g->place : "");
    snprintf(r[c + 2], FLD, "%s", g->country);
    if (g->has_geo) {
        snprintf(r[c + 5], FLD, "%.4f", g->lat);
        snprintf(r[c + 6], FLD, "%.4f", g->lon);
    }
}

void vg_gdelt_write(FILE *f, const vg_gdelt_event *g)
{
    row_t r;
    memset(r, 0, sizeof r);
    snprintf(r[0], FLD, "%llu", (unsigned long long)g->id);
    if (g->y) {
        snprintf(r[1], FLD, "%04d%02d%02d", g->y, g->m, g->d);
        snprintf(r[2], FLD, "%04d%02d", g->y, g->m);
        snprintf(r[3], FLD, "%04d", g->y);
        snprintf(r[4], FLD, "%.4f", g->y + ((g->m - 1) * 30 + g->d) / 365.0);
    }
    actor(r, 5, g->source, g->source_name, g->source_nlen);
    actor(r, 15, g->target, g->target_name, g->target_nlen);
    snprintf(r[25], FLD, "%d", g->is_root);
    snprintf(r[26], FLD, "%s", g->code);
    snprintf(r[27], FLD, "%.3s", g->code);
    snprintf(r[28], FLD, "%.2s", g->code);
    snprintf(r[29], FLD, "%d", g->quad);
    snprintf(r[30], FLD, "%.1f", g->goldstein);
    snprintf(r[31], FLD, "%ld", g->mentions);
    snprintf(r[32], FLD, "%ld", g->sources);
    snprintf(r[33], FLD, "%ld", g->articles);
    geo(r, 51, g); /* ActionGeo; the actors' own geography is not known */
    if (g->added)
        snprintf(r[59], FLD, "%s", g->added);
    else if (g->y)
        snprintf(r[59], FLD, "%04d%02d%02d", g->y, g->m, g->d);
    /* every field through the output rule (sanitize.h): no tab or line break inside a field, so a
    ** row is always 61 columns on one line, and no control character reaches the reader; SOURCEURL
    ** is written whole, not cut to a field's FLD bytes */
    for (int c = 0; c < NCOL - 1; c++) {
        vg_tsv_str(f, r[c], strlen(r[c]));
        putc('\t', f);
    }
    if (g->url)
        vg_tsv_str(f, g->url, strlen(g->url));
    putc('\n', f);
}

/* A document's events, before the store: each counts one mention, one source, one article. */
int vg_export_gdelt(FILE *f, const vg_export_doc *x, const vg_doc *d)
{
    for (size_t i = 0; i < vg_doc_nevents(d); i++) {
        const vg_event *e = vg_doc_event(d, i);
        vg_gdelt_event g = { 0 };
        g.id = x->first_event_id + i;
        if (e->date[0])
            sscanf(e->date, "%d-%d-%d", &g.y, &g.m, &g.d);
        g.source = e->source;
        g.source_name = x->text + e->source_span.start;
        g.source_nlen = e->source_span.end - e->source_span.start;
        g.target = e->target;
        g.target_name = x->text + e->target_span.start;
        g.target_nlen = e->target_span.end - e->target_span.start;
        g.code = e->code;
        g.quad = e->quad;
        g.goldstein = (double)e->goldstein;
        g.mentions = g.sources = g.articles = 1;
        g.is_root = 1;
        g.country = e->place;
        g.place = x->text + e->place_span.start;
        g.place_len = e->place_span.end - e->place_span.start;
        g.has_geo = e->has_geo;
        g.lat = e->lat;
        g.lon = e->lon;
        g.url = x->url;
        vg_gdelt_write(f, &g);
    }
    return ferror(f) ? -1 : 0;
}
