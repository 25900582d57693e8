/* limits.h — every hard limit of vigie, with the reason for its value (as SQLite's sqliteLimit.h).
** Past a limit the record is skipped with VG_ELIMIT and a message naming the limit; nothing crashes
** and nothing already read is lost. */
#ifndef VG_LIMITS_H
#define VG_LIMITS_H

/* One document's text. News articles are a few KB; a 64 MiB "document" is a mis-split dump, and
** tokens, keys and sentences of one document are held in memory at once (about 5x its size). */
#define VG_MAX_DOC_BYTES ((size_t)64 << 20)

/* One JSON Lines record. Larger than a document because JSON escapes can double the text's size.
** A longer line is skipped without being held in memory: the reader discards to the next newline. */
#define VG_MAX_LINE_BYTES ((size_t)16 << 20)

/* Tokens in one sentence. Longer runs (tables, lists, text without punctuation) are cut into units
** of this size: the coder's pattern matching is linear but its role search is not, and no real
** sentence comes near it. */
#define VG_MAX_SENT_TOKENS 512

/* Bytes CLD2 reads to identify a document's language: enough for a reliable answer on any news
** article, and a bound on the work per document. */
#define VG_LANGID_BYTES 4096
/* below this many bytes, function words may overrule CLD2's "another language" (text/langid.c) */
#define VG_LANGID_SHORT 600

/* A quotation that suppresses sentence breaks must close within this many bytes (docs/text.md §4);
** an unbalanced quote mark then cannot swallow a whole paragraph. */
#define VG_MAX_QUOTE_BYTES 1000

/* Longest token key kept; longer keys (URLs, base64 garbage) are truncated, never matched. */
#define VG_MAX_KEY_BYTES 256

#endif
