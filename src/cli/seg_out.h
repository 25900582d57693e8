/* seg_out.h — writing analysed documents (sentences, tokens): used by segment, and by code until
** the coder lands. */
#ifndef VG_SEG_OUT_H
#define VG_SEG_OUT_H
#include "cli.h"

typedef struct {
    int text;   /* text for people instead of JSON Lines */
    int tokens; /* include tokens */
} seg_out;

int seg_parse(int argc, char **argv, const char *cmd, const char *help, cli_common *c, seg_out *o);
long seg_write(void *ctx, FILE *f, const vg_input_doc *in, const vg_doc *d, uint64_t ordinal);
#endif
