/* limits.h — every hard limit of vigie, with the reason for its value (as SQLite's sqliteLimit.h).
** Past a limit the record is skipped with VG_ELIMIT and a message naming the limit; nothing crashes
** and nothing already read is lost. */
#ifndef VG_LIMITS_H
#define VG_LIMITS_H

/* One document's text. News articles are a few KB; a 64 MiB "document" is a mis-split dump. What
** one document may make vigie hold is bounded below (VG_DOC_MEM_RATIO, VG_WINDOW_BYTES). */
#define VG_MAX_DOC_BYTES ((size_t)64 << 20)

/* Memory the text pipeline and the coder may take for one document of n bytes: tokens with their
** keys VG_DOC_MEM_RATIO * n + VG_DOC_MEM_FLOOR bytes, sentences a quarter of that, events and
** their strings as much again (a news article makes an event every few hundred bytes). Past any of these the document is refused with VG_ELIMIT (docs/SECURITY.md),
** so that no input makes vigie take more than a few times its size however it tokenizes: a token
** takes 32 bytes and random bytes make one every 1.5 bytes, which held the whole 64 MiB of random
** input at 29x its size. The floor lets any document of a few MB through whatever it holds. */
#define VG_DOC_MEM_RATIO 2
#define VG_DOC_MEM_FLOOR ((size_t)32 << 20)

/* vg_code() reads a document over this size a window at a time, cut at a paragraph break (else a
** line break, else a blank): only one window's tokens are held (natural text makes 6x its size in
** tokens and keys, so a 60 MB page would need 400 MB at once), while the sentences and events of
** the whole document are kept. vg_doc_analyze() keeps every token and is bounded by the above. */
#define VG_WINDOW_BYTES ((size_t)1 << 20)

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
