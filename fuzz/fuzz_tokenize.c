/* fuzz_tokenize.c — libFuzzer target for the text pipeline (UTF-8, langid, tokenizer, segmenter).
** The first byte picks the language (fr, en, or identify), the rest is the document. */
#include <stdint.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_init();
    if (size < 1)
        return 0;
    static const vg_lang langs[3] = { VG_LANG_FR, VG_LANG_EN, VG_LANG_UNKNOWN };
    vg_docinfo info = { "fuzz", langs[data[0] % 3], NULL };
    const char *text = (const char *)data + 1;
    if (vg_doc_analyze(fz_doc, text, size - 1, &info) == VG_OK)
        fz_check(text, size - 1);
    return 0;
}
