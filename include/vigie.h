/* vigie.h — the public API of libvigie, a political event-data engine.
**
** This is the only public header. A function or type that is not declared here is not part of the
** published API and may change without notice.
**
** Objects are opaque and come in two kinds:
**   vg_engine  compiled language data (and, later, dictionaries); read-only once opened, so one engine
**              may be shared by any number of threads.
**   vg_doc     one document at a time: its sentences and tokens live in the doc's arena and are
**              valid until the next vg_doc_analyze() on the same doc, or vg_doc_free().
**              A doc is reused for many documents without freeing: that is how the pipeline
**              avoids any allocation per token once warmed up. A doc belongs to one thread.
**
** Errors are vg_status values. The library never prints and never exits: diagnostics go to the
** vg_options.on_diag callback.
**
**   vg_engine *e; vg_doc *d;
**   if (vg_engine_open(NULL, &e) != VG_OK) { fprintf(stderr, "%s\n", vg_engine_errmsg(e)); ... }
**   vg_doc_new(e, &d);
**   vg_doc_analyze(d, text, len, NULL);
**   for (size_t i = 0; i < vg_doc_nsentences(d); i++) { const vg_sentence *s = vg_doc_sentence(d, i); ... }
**   vg_doc_free(d); vg_engine_close(e);
*/
#ifndef VIGIE_H
#define VIGIE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define VG_VERSION "0.1.0"

#if defined(__GNUC__) && defined(VG_BUILDING)
#define VG_API __attribute__((visibility("default")))
#else
#define VG_API
#endif

typedef enum {
    VG_OK = 0,
    VG_ENOMEM,   /* an allocation failed */
    VG_EIO,      /* reading or writing a file failed (message says which and why) */
    VG_EUTF8,    /* text is not valid UTF-8 where it must be */
    VG_EFORMAT,  /* malformed input: bad JSON, missing field, bad date */
    VG_ELIMIT,   /* input over one of the limits of src/core/limits.h */
    VG_EDICT,    /* language data or dictionary could not be loaded */
    VG_ELANG,    /* document is not in a supported language */
    VG_EMISUSE   /* API called with bad arguments */
} vg_status;

/* A static English string for a status ("out of memory", …). Never NULL. */
VG_API const char *vg_strerror(vg_status rc);

typedef enum { VG_LANG_UNKNOWN = 0, VG_LANG_FR, VG_LANG_EN, VG_LANG_OTHER } vg_lang;

/* "fr", "en", "other", "und". */
VG_API const char *vg_lang_name(vg_lang l);
/* Parse "fr"/"en" (any case) → VG_LANG_FR/EN; any other non-empty code → VG_LANG_OTHER;
** NULL or "" → VG_LANG_UNKNOWN. */
VG_API vg_lang vg_lang_parse(const char *s, size_t n);

/* A diagnostic: where, and why. The library fills what it knows; fields may be NULL / 0. */
typedef struct {
    const char *file;    /* input name, or NULL */
    uint64_t line;       /* 1-based line (record) number, 0 if none */
    const char *record;  /* record id, or NULL */
    vg_status code;
    const char *message; /* human-readable reason */
} vg_diag;

/* Allocator, as cmark_mem: tests inject failures through it. NULL members use the C library's. */
typedef struct {
    void *(*malloc)(void *ctx, size_t n);
    void *(*realloc)(void *ctx, void *p, size_t n);
    void (*free)(void *ctx, void *p);
    void *ctx;
} vg_allocator;

enum {
    VG_OPT_TEXT_ONLY = 1 << 0 /* load the text pipeline's data only, not the dictionaries */
};

typedef struct {
    const char *data_dir;      /* language data directory; NULL: $VIGIE_DATA, else the built-in path */
    unsigned flags;            /* VG_OPT_* */
    const vg_allocator *alloc; /* NULL: malloc/realloc/free */
    void (*on_diag)(void *ctx, const vg_diag *d); /* NULL: diagnostics are dropped */
    void *diag_ctx;
    const char *dict_dir;      /* dictionary directory (docs/dictionaries.md); NULL: <data_dir>/dict */
} vg_options;

/* ---- engine ----------------------------------------------------------------------------------- */

typedef struct vg_engine vg_engine;

/* CONSTRUCTOR. Loads language data. *out is set even on failure (except VG_ENOMEM), so that
** vg_engine_errmsg() can say why; close it either way. opt may be NULL. */
VG_API vg_status vg_engine_open(const vg_options *opt, vg_engine **out);
/* Why open failed, or "" — owned by e, valid until vg_engine_close(e). e may be NULL. */
VG_API const char *vg_engine_errmsg(const vg_engine *e);
/* DESTRUCTOR. NULL is a harmless no-op. */
VG_API void vg_engine_close(vg_engine *e);
/* The data directory the engine was loaded from (the --data option, $VIGIE_DATA or the built-in one). */
VG_API const char *vg_engine_data_dir(const vg_engine *e);
/* The dictionary directory it was loaded from (the --dict option, else <data directory>/dict). */
VG_API const char *vg_engine_dict_dir(const vg_engine *e);

/* ---- documents -------------------------------------------------------------------------------- */

typedef struct vg_doc vg_doc;

/* What the caller knows of a document; every field optional. Strings are borrowed for the call. */
typedef struct {
    const char *id;
    vg_lang lang;     /* VG_LANG_UNKNOWN: identify */
    const char *date; /* "YYYY-MM-DD" or NULL */
} vg_docinfo;

typedef enum { VG_TOK_WORD = 0, VG_TOK_NUM, VG_TOK_DATE, VG_TOK_PUNCT, VG_TOK_SYM } vg_tokkind;

enum {
    VG_TOKF_CAP = 1 << 0,    /* word starting with an upper-case letter */
    VG_TOKF_ELIDED = 1 << 1, /* French elided article/pronoun: l’ d’ qu’ … */
    VG_TOKF_CLITIC = 1 << 2, /* inverted clitic: -t-il, -elle; or English 's n't */
    VG_TOKF_ABBREV = 1 << 3, /* abbreviation with its period: M. U.S. */
    VG_TOKF_SPACE = 1 << 4,  /* white space precedes the token */
    VG_TOKF_INVALID = 1 << 5 /* contains bytes that are not UTF-8 */
};

/* A token. Offsets are half-open [start, end) in bytes of the analysed text. key is the folded
** matching key (docs/text.md §2), NUL-terminated, owned by the doc. */
typedef struct {
    size_t start, end;
    const char *key;
    uint32_t keylen;
    uint8_t kind;  /* vg_tokkind */
    uint8_t flags; /* VG_TOKF_* */
} vg_token;

/* A sentence: bytes [start, end) of the text and tokens [tok, tok + ntok) of the doc. */
typedef struct {
    size_t start, end;
    size_t tok, ntok;
} vg_sentence;

/* CONSTRUCTOR: an empty doc bound to engine e (which must outlive it). */
VG_API vg_status vg_doc_new(const vg_engine *e, vg_doc **out);
/* DESTRUCTOR. NULL is a harmless no-op. */
VG_API void vg_doc_free(vg_doc *d);

/* METHOD. Analyse text[0..len): language, sentences, tokens. text is borrowed and must stay valid
** while the results are read. Replaces the previous document's results. Invalid UTF-8 is not an
** error here (docs/text.md §1); it is counted. Returns VG_ELIMIT past VG_MAX_DOC_BYTES. */
VG_API vg_status vg_doc_analyze(vg_doc *d, const char *text, size_t len, const vg_docinfo *info);

VG_API vg_lang vg_doc_lang(const vg_doc *d);
/* CLD2's language code when identification said "other" ("de", "es", …), else vg_lang_name(). */
VG_API const char *vg_doc_lang_code(const vg_doc *d);
VG_API size_t vg_doc_nsentences(const vg_doc *d);
/* Borrowed from d; i < vg_doc_nsentences(d). */
VG_API const vg_sentence *vg_doc_sentence(const vg_doc *d, size_t i);
VG_API size_t vg_doc_ntokens(const vg_doc *d);
VG_API const vg_token *vg_doc_token(const vg_doc *d, size_t i);
/* Bytes of the last analysed text that were not UTF-8 (each read as U+FFFD). */
VG_API size_t vg_doc_invalid_bytes(const vg_doc *d);

/* ---- events ---------------------------------------------------------------------------------- */

/* A half-open byte span [start, end) of the analysed text; start == end when absent. */
typedef struct {
    size_t start, end;
} vg_span;

/* One coded event. Strings are owned by the doc (or the engine's codebook) and live until the
** next vg_doc_analyze()/vg_code() on the doc or vg_doc_free(). */
typedef struct {
    size_t sentence;        /* index of the sentence (vg_doc_sentence) */
    const char *source;     /* CAMEO actor codes: "USAGOV", "RUS", "IMGMUSISI" */
    const char *target;
    vg_span source_span, target_span, trigger_span;
    const char *code;       /* CAMEO event code, "0871" (or one the dictionary's codes.txt declares) */
    const char *root;       /* its first two digits, "08" */
    int quad;               /* QuadClass 1..4 */
    float goldstein;
    const char *date;       /* "YYYY-MM-DD" or "" when neither text nor document gives one */
    vg_span date_span;      /* the words that gave the date (empty: the document's date) */
    const char *place;      /* country code of the place ("SYR"), or "" */
    vg_span place_span;
    double lat, lon;        /* of the place; has_geo says whether they are known */
    int has_geo;
    float confidence;       /* 0..1 */
    const char *rule;       /* "data/dict/fr/triggers.txt:112" — the pattern that fired */
    const char *implied;    /* how an actor named without a country got one ("source SEN from the
                            ** place of the event"), or "" */
} vg_event;

/* METHOD. Analyse text (as vg_doc_analyze) and code its events. The engine must have been opened
** with its dictionaries (not VG_OPT_TEXT_ONLY). info->date resolves relative dates and dated roles. */
VG_API vg_status vg_code(vg_doc *d, const char *text, size_t len, const vg_docinfo *info);
VG_API size_t vg_doc_nevents(const vg_doc *d);
/* Borrowed from d; i < vg_doc_nevents(d). */
VG_API const vg_event *vg_doc_event(const vg_doc *d, size_t i);

/* The CAMEO codebook compiled into the library: i from 0 while non-NULL. */
typedef struct {
    const char *code, *name;
    int quad;
    float goldstein;
} vg_code_info;
VG_API const vg_code_info *vg_codebook(size_t i);

/* ---- utilities -------------------------------------------------------------------------------- */

/* Number of bytes of s[0..n) that are not part of a well-formed UTF-8 sequence. */
VG_API size_t vg_utf8_invalid(const char *s, size_t n);

/* Fold s[0..n) into a matching key (docs/text.md §2), written to out (NUL-terminated, truncated to
** cap-1 bytes). Returns the key's full length, as snprintf does. */
VG_API size_t vg_fold(const char *s, size_t n, char *out, size_t cap);

#ifdef __cplusplus
}
#endif
#endif /* VIGIE_H */
