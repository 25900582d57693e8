/* export.h — coded events written out: JSON Lines, TSV, the GDELT 2.0 event table. One format a
** file (as cmark's renderers); docs/output.md describes every field. Internal to libvigie. */
#ifndef VG_EXPORT_H
#define VG_EXPORT_H

#include <stdio.h>

#include "vigie.h"

/* The document the events came from. */
typedef struct {
    const char *id, *url, *date; /* date: publication, "YYYY-MM-DD" or NULL */
    const char *text;            /* the analysed text (offsets point into it) */
    size_t len;
    uint64_t first_event_id;     /* GDELT GLOBALEVENTID of the doc's first event */
} vg_export_doc;

/* Each writes every event of d; 0, or -1 when the stream failed. */
int vg_export_jsonl(FILE *f, const vg_export_doc *x, const vg_doc *d);
int vg_export_tsv(FILE *f, const vg_export_doc *x, const vg_doc *d);
int vg_export_gdelt(FILE *f, const vg_export_doc *x, const vg_doc *d);
void vg_export_tsv_header(FILE *f);

/* One row of the GDELT 2.0 event table, from a document's event or the store's. Names are the
** actors' words in the text (upper-cased on output); place is the place's words. */
typedef struct {
    uint64_t id;
    int y, m, d;                        /* 0: undated */
    const char *source, *target;        /* CAMEO actor codes */
    const char *source_name, *target_name;
    size_t source_nlen, target_nlen;
    const char *code;
    int quad;
    double goldstein;
    long mentions, sources, articles;
    int is_root;
    const char *country, *place;        /* country code ("" none) and the place's words */
    size_t place_len;
    int has_geo;
    double lat, lon;
    const char *added;                  /* DATEADDED, YYYYMMDDHHMMSS; NULL: the event's date */
    const char *url;
} vg_gdelt_event;
void vg_gdelt_write(FILE *f, const vg_gdelt_event *g);

/* One event in the PLOVER ontology (plover.c), from a document's event or the store's. */
typedef struct {
    const char *id, *date, *code;
    int quad;
    double goldstein;
    const char *source, *source_text;
    size_t source_tlen;
    const char *target, *target_text;
    size_t target_tlen;
    const char *country, *place;
    size_t place_len;
    int has_geo;
    double lat, lon;
    const char *doc, *url, *text; /* text: the evidence sentence */
    size_t text_len;
} vg_plover_event;
void vg_plover_write(FILE *f, const vg_plover_event *e);
int vg_export_plover(FILE *f, const vg_export_doc *x, const vg_doc *d);

/* Shared by the writers: a JSON string; a TSV field (tabs and newlines become spaces). */
void vg_json_str(FILE *f, const char *s, size_t n); /* jsonl.c */
void vg_tsv_str(FILE *f, const char *s, size_t n);

#endif
