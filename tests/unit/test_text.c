/* test_text.c — the text pipeline's mechanisms, beyond the spec cases: UTF-8 damage, keys and
** normalisation, offsets, hard-wrapped lines, language identification, limits, allocation failure,
** and the promise that a warmed-up doc allocates nothing. Sentences are the project's own. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "vigie.h"

static const vg_options text_only = { .flags = VG_OPT_TEXT_ONLY };

static vg_engine *E;
static vg_doc *D;

static vg_status analyze(const char *s, vg_lang lang)
{
    vg_docinfo info = { "t", lang, NULL };
    return vg_doc_analyze(D, s, strlen(s), &info);
}

static const char *key_of(const char *word)
{
    static char out[256];
    vg_fold(word, strlen(word), out, sizeof out);
    return out;
}

/* ---- UTF-8 ---- */
static void utf8_invalid_counts(void)
{
    CHECK_EQ_INT(vg_utf8_invalid("abc", 3), 0);
    CHECK_EQ_INT(vg_utf8_invalid("\xC3\xA9t\xC3\xA9", 5), 0);          /* été */
    CHECK_EQ_INT(vg_utf8_invalid("\xF0\x9F\x87\xAB", 4), 0);           /* 4-byte */
    CHECK_EQ_INT(vg_utf8_invalid("\xC0\x80", 2), 2);                   /* overlong NUL */
    CHECK_EQ_INT(vg_utf8_invalid("\xED\xA0\x80", 3), 3);               /* surrogate */
    CHECK_EQ_INT(vg_utf8_invalid("\xF4\x90\x80\x80", 4), 4);           /* past U+10FFFF */
    CHECK_EQ_INT(vg_utf8_invalid("a\xE2\x82", 3), 2);                  /* truncated € */
    CHECK_EQ_INT(vg_utf8_invalid("\xFF\xFE", 2), 2);
}

static void invalid_bytes_do_not_shift_offsets(void)
{
    const char *s = "Le ministre \xFF\xFE" "a parl\xC3\xA9 \xE2\x82 lundi. Il est parti.";
    CHECK_EQ_INT(analyze(s, VG_LANG_FR), VG_OK);
    CHECK_EQ_INT(vg_doc_invalid_bytes(D), 4);
    CHECK_EQ_INT(vg_doc_nsentences(D), 2);
    size_t prev = 0;
    for (size_t i = 0; i < vg_doc_ntokens(D); i++) {
        const vg_token *t = vg_doc_token(D, i);
        CHECK(t->start >= prev && t->end > t->start && t->end <= strlen(s));
        prev = t->end;
    }
    const vg_sentence *s1 = vg_doc_sentence(D, 1);
    CHECK(s1 && !strncmp(s + s1->start, "Il est parti.", s1->end - s1->start));
}

/* ---- keys ---- */
static void keys_fold_case_accents_typography(void)
{
    CHECK_EQ_STR(key_of("\xC3\x89lys\xC3\xA9" "e"), "elysee");           /* Élysée, NFC */
    CHECK_EQ_STR(key_of("E\xCC\x81lyse\xCC\x81" "e"), "elysee");         /* Élysée, NFD */
    CHECK_EQ_STR(key_of("\xC5\x92uvre"), "oeuvre");                      /* Œuvre */
    CHECK_EQ_STR(key_of("Stra\xC3\x9F" "e"), "strasse");
    CHECK_EQ_STR(key_of("l\xE2\x80\x99"), "l'");                         /* l’ */
    CHECK_EQ_STR(key_of("\xC2\xAB"), "\"");                              /* « */
    CHECK_EQ_STR(key_of("\xE2\x80\x94"), "-");                           /* — */
    CHECK_EQ_STR(key_of("Serguei\xCC\x88"), "serguei");
    CHECK_EQ_STR(key_of("\xC4\xB0stanbul"), "istanbul");                 /* İstanbul */
    char small[4];
    CHECK_EQ_INT(vg_fold("ABCDEF", 6, small, sizeof small), 6);          /* full length, as snprintf */
    CHECK_EQ_STR(small, "abc");
}

static void nfc_and_nfd_tokenize_alike(void)
{
    const char *nfc = "Le d\xC3\xA9" "cret a \xC3\xA9t\xC3\xA9 sign\xC3\xA9.";
    const char *nfd = "Le de\xCC\x81" "cret a e\xCC\x81te\xCC\x81 signe\xCC\x81.";
    char keys[2][256];
    const char *in[2] = { nfc, nfd };
    for (int k = 0; k < 2; k++) {
        CHECK_EQ_INT(analyze(in[k], VG_LANG_FR), VG_OK);
        keys[k][0] = 0;
        for (size_t i = 0; i < vg_doc_ntokens(D); i++) {
            strcat(keys[k], vg_doc_token(D, i)->key);
            strcat(keys[k], "|");
        }
    }
    CHECK_EQ_STR(keys[0], keys[1]);
    CHECK_EQ_STR(keys[0], "le|decret|a|ete|signe|.|");
}

static void token_flags(void)
{
    CHECK_EQ_INT(analyze("M. Dupont a-t-il vu l\xE2\x80\x99" "arm\xC3\xA9" "e ?", VG_LANG_FR), VG_OK);
    CHECK(vg_doc_token(D, 0)->flags & VG_TOKF_ABBREV);
    CHECK(vg_doc_token(D, 1)->flags & VG_TOKF_CAP);
    CHECK(vg_doc_token(D, 3)->flags & VG_TOKF_CLITIC);
    CHECK_EQ_STR(vg_doc_token(D, 3)->key, "-t-il");
    CHECK(vg_doc_token(D, 5)->flags & VG_TOKF_ELIDED);
    CHECK(vg_doc_token(D, 1)->flags & VG_TOKF_SPACE);
    CHECK(!(vg_doc_token(D, 3)->flags & VG_TOKF_SPACE));
}

/* ---- sentences ---- */
static void hard_wrapped_lines_are_joined(void)
{
    const char *s = "Les ministres des Affaires etrangeres du G7 se sont reunis\n"
                    "mardi a Rome pour discuter des sanctions. Aucun accord n'a ete trouve.\n"
                    "\n"
                    "Bilan provisoire\n"
                    "Douze morts selon la police.";
    CHECK_EQ_INT(analyze(s, VG_LANG_FR), VG_OK);
    CHECK_EQ_INT(vg_doc_nsentences(D), 4);
    const vg_sentence *x = vg_doc_sentence(D, 0);
    CHECK(x && memchr(s + x->start, '\n', x->end - x->start)); /* one sentence across the wrap */
    x = vg_doc_sentence(D, 2);
    CHECK(x && x->end - x->start == strlen("Bilan provisoire"));
}

static void unbalanced_quote_does_not_swallow_paragraph(void)
{
    const char *s = "\xC2\xAB Nous ne c\xC3\xA9" "derons pas. Le peuple est avec nous. "
                    "Le ministre a quitt\xC3\xA9 la salle. La s\xC3\xA9" "ance a repris.";
    CHECK_EQ_INT(analyze(s, VG_LANG_FR), VG_OK);
    CHECK_EQ_INT(vg_doc_nsentences(D), 4);
}

static void long_run_is_cut(void)
{
    size_t words = 100000, n = words * 5;
    char *s = malloc(n + 1);
    for (size_t i = 0; i < words; i++)
        memcpy(s + i * 5, "abcd ", 5);
    s[n] = 0;
    vg_docinfo info = { "long", VG_LANG_EN, NULL };
    CHECK_EQ_INT(vg_doc_analyze(D, s, n, &info), VG_OK);
    CHECK_EQ_INT(vg_doc_ntokens(D), words);
    size_t ns = vg_doc_nsentences(D), total = 0;
    CHECK_EQ_INT(ns, (words + 511) / 512);
    for (size_t i = 0; i < ns; i++) {
        CHECK(vg_doc_sentence(D, i)->ntok <= 512);
        total += vg_doc_sentence(D, i)->ntok;
    }
    CHECK_EQ_INT(total, words); /* every token in exactly one sentence */
    free(s);
}

static void doc_over_limit_is_refused(void)
{
    size_t n = ((size_t)64 << 20) + 1;
    char *s = malloc(n);
    memset(s, 'a', n);
    vg_docinfo info = { "huge", VG_LANG_EN, NULL };
    CHECK_EQ_INT(vg_doc_analyze(D, s, n, &info), VG_ELIMIT);
    CHECK_EQ_INT(vg_doc_nsentences(D), 0);
    free(s);
}

static void empty_and_blank_documents(void)
{
    CHECK_EQ_INT(analyze("", VG_LANG_FR), VG_OK);
    CHECK_EQ_INT(vg_doc_nsentences(D), 0);
    CHECK_EQ_INT(analyze(" \n\n\t \xC2\xA0 \n", VG_LANG_EN), VG_OK);
    CHECK_EQ_INT(vg_doc_nsentences(D), 0);
    CHECK_EQ_INT(vg_doc_ntokens(D), 0);
}

/* ---- language ---- */
static void language_identification(void)
{
    static const struct { const char *text, *code; vg_lang lang; } cases[] = {
        { "Le gouvernement a annonc\xC3\xA9 mardi qu'il allait rappeler son ambassadeur \xC3\xA0 "
          "la suite des d\xC3\xA9" "clarations du ministre, que l'opposition juge inacceptables.",
          "fr", VG_LANG_FR },
        { "The government said on Tuesday that it would recall its ambassador after the minister's "
          "remarks, which the opposition called unacceptable.", "en", VG_LANG_EN },
        { "El gobierno anunci\xC3\xB3 el martes que llamar\xC3\xA1 a consultas a su embajador tras "
          "las declaraciones del ministro, que la oposici\xC3\xB3n considera inaceptables.",
          "es", VG_LANG_OTHER },
        { "Die Regierung hat am Dienstag angek\xC3\xBCndigt, ihren Botschafter nach den "
          "\xC3\x84u\xC3\x9f" "erungen des Ministers zur\xC3\xBC" "ckzurufen.", "de", VG_LANG_OTHER },
        { "Le ministre est parti.", "fr", VG_LANG_FR }, /* short: function words decide */
        { "The talks have failed.", "en", VG_LANG_EN },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        CHECK_EQ_INT(analyze(cases[i].text, VG_LANG_UNKNOWN), VG_OK);
        CHECKF(vg_doc_lang(D) == cases[i].lang, "case %zu: lang %s", i, vg_lang_name(vg_doc_lang(D)));
        CHECK_EQ_STR(vg_doc_lang_code(D), cases[i].code);
    }
    CHECK_EQ_INT(vg_lang_parse("FR", 2), VG_LANG_FR);
    CHECK_EQ_INT(vg_lang_parse("en-GB", 5), VG_LANG_EN);
    CHECK_EQ_INT(vg_lang_parse("de", 2), VG_LANG_OTHER);
    CHECK_EQ_INT(vg_lang_parse("", 0), VG_LANG_UNKNOWN);
}

/* ---- memory ---- */
typedef struct {
    long allocs, fail_at; /* fail the fail_at-th allocation (1-based); 0: never */
    long live;
} counting;

static void *c_malloc(void *ctx, size_t n)
{
    counting *c = ctx;
    if (c->fail_at && ++c->allocs == c->fail_at)
        return NULL;
    if (!c->fail_at)
        c->allocs++;
    void *p = malloc(n);
    c->live += p != NULL;
    return p;
}
static void *c_realloc(void *ctx, void *p, size_t n)
{
    counting *c = ctx;
    if (c->fail_at && ++c->allocs == c->fail_at)
        return NULL;
    if (!c->fail_at)
        c->allocs++;
    void *q = realloc(p, n);
    c->live += (p == NULL && q != NULL);
    return q;
}
static void c_free(void *ctx, void *p)
{
    counting *c = ctx;
    c->live -= p != NULL;
    free(p);
}

static const char *sample = "Le porte-parole du Kremlin, Dmitri Peskov, a d\xC3\xA9menti jeudi toute "
                            "implication. \xC2\xAB C'est absurde \xC2\xBB, a-t-il dit. M. Lavrov "
                            "doit se rendre \xC3\xA0 Ankara le 14/07/2016.";

static void warm_doc_allocates_nothing(void)
{
    counting c = { 0, 0, 0 };
    vg_allocator a = { 0 };
    a.malloc = c_malloc;
    a.realloc = c_realloc;
    a.free = c_free;
    a.ctx = &c;
    vg_options o = { 0 };
    o.alloc = &a;
    o.flags = VG_OPT_TEXT_ONLY;
    vg_engine *e;
    vg_doc *d;
    CHECK_EQ_INT(vg_engine_open(&o, &e), VG_OK);
    CHECK_EQ_INT(vg_doc_new(e, &d), VG_OK);
    vg_docinfo info = { "x", VG_LANG_UNKNOWN, NULL };
    CHECK_EQ_INT(vg_doc_analyze(d, sample, strlen(sample), &info), VG_OK);
    long before = c.allocs;
    for (int i = 0; i < 5; i++)
        CHECK_EQ_INT(vg_doc_analyze(d, sample, strlen(sample), &info), VG_OK);
    CHECK_EQ_INT(vg_doc_analyze(d, sample, 40, &info), VG_OK); /* a smaller document */
    CHECKF(c.allocs == before, "%ld allocations after warm-up", c.allocs - before);
    vg_doc_free(d);
    vg_engine_close(e);
    CHECK_EQ_INT(c.live, 0);
}

/* Fail each allocation in turn (SQLite's fault tests): ENOMEM comes back, nothing leaks. */
static void every_allocation_failure_is_clean(void)
{
    int completed = 0;
    for (long k = 1; k < 100000 && !completed; k++) {
        counting c = { 0, k, 0 };
        vg_allocator a = { c_malloc, c_realloc, c_free, &c };
        vg_options o = { 0 };
        o.alloc = &a;
        o.flags = VG_OPT_TEXT_ONLY;
        vg_engine *e = NULL;
        vg_doc *d = NULL;
        vg_status rc = vg_engine_open(&o, &e);
        if (rc == VG_OK)
            rc = vg_doc_new(e, &d);
        if (rc == VG_OK) {
            vg_docinfo info = { "x", VG_LANG_UNKNOWN, NULL };
            rc = vg_doc_analyze(d, sample, strlen(sample), &info);
        }
        CHECKF(rc == VG_OK || rc == VG_ENOMEM, "failing allocation %ld gave %s", k, vg_strerror(rc));
        if (rc == VG_OK && c.allocs < k)
            completed = 1; /* the whole run needed fewer than k allocations */
        vg_doc_free(d);
        vg_engine_close(e);
        CHECKF(c.live == 0, "failing allocation %ld leaked %ld blocks", k, c.live);
    }
    CHECK(completed);
}

static void bad_data_dir_is_explained(void)
{
    vg_options o = { 0 };
    o.data_dir = "/nonexistent/vigie-data";
    vg_engine *e = NULL;
    CHECK_EQ_INT(vg_engine_open(&o, &e), VG_EDICT);
    CHECK(e && strstr(vg_engine_errmsg(e), "/nonexistent/vigie-data"));
    vg_engine_close(e);
    vg_engine_close(NULL); /* harmless */
    vg_doc_free(NULL);
}

int main(int argc, char **argv)
{
    h_init(argc, argv);
    if (vg_engine_open(&text_only, &E) != VG_OK || vg_doc_new(E, &D) != VG_OK) {
        printf("cannot open engine: %s\n", vg_engine_errmsg(E));
        return 1;
    }
    RUN(utf8_invalid_counts);
    RUN(invalid_bytes_do_not_shift_offsets);
    RUN(keys_fold_case_accents_typography);
    RUN(nfc_and_nfd_tokenize_alike);
    RUN(token_flags);
    RUN(hard_wrapped_lines_are_joined);
    RUN(unbalanced_quote_does_not_swallow_paragraph);
    RUN(long_run_is_cut);
    RUN(doc_over_limit_is_refused);
    RUN(empty_and_blank_documents);
    RUN(language_identification);
    RUN(warm_doc_allocates_nothing);
    RUN(every_allocation_failure_is_clean);
    RUN(bad_data_dir_is_explained);
    vg_doc_free(D);
    vg_engine_close(E);
    return h_report();
}
