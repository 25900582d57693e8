/* handover.h — how a worker thread hands a document's events to the main thread, for the commands
** that keep events rather than print them (ingest stores them, eval scores them): a header, then
** the events as fixed-size vg_store_event records, read in place by the sink. */
#ifndef VG_HANDOVER_H
#define VG_HANDOVER_H

#include "cli.h"
#include "store.h"

typedef struct {
    uint32_t n, nsentences;
    char lang[8];
} cli_handover;

/* A cli_doc_fn: writes d's events to f as a handover; returns their count, or -1. */
long cli_handover_write(void *ctx, FILE *f, const vg_input_doc *in, const vg_doc *d, uint64_t ordinal);
/* The events of a worker's output out[0..n), header in *h; NULL, after a message on stderr naming
** cmd and the record, when the bytes are not a handover (an internal error). */
const vg_store_event *cli_handover_read(const char *out, size_t n, const char *cmd, const char *id, cli_handover *h);

#endif
