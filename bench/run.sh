#!/bin/sh
# run.sh — `make bench`: generate the corpora (once), then report
#   1. the text pipeline alone: MB/s, sentences/s, peak RSS (53 MB and 10 MB of French and English);
#   2. the coder with the full dictionaries: start-up, sentences/s, peak RSS, on the English timing
#      corpus of ../shared/tools/make-speed-corpus.py (the input TABARI was timed on) and on French;
#   3. `vigie code` end to end with 1 and 2 threads;
#   4. `vigie ingest` of a 200,000-document feed into a fresh store: documents/s, events/s;
#   5. the store alone (bench_store): the insert path of coded events, bytes per event, and a grouped
#      query (one country, one year, by week and root) over 5 million events;
#   6. article extraction (bench/extract.sh, also `make bench-extract`): F1, pages/s, MB/s, RSS;
#   7. one huge record (bench/memory.sh, also `make bench-memory`): peak RSS on 64 MiB of random
#      bytes and on a 60 MiB page, -j 1 and -j 2, and its ratio to the input's size.
B=${1:-build}
SHARED=${SHARED:-../shared}
mkdir -p "$B/bench"
[ -s "$B/bench/corpus-53.jsonl" ] || "$B/bench/mkcorpus" 53 >"$B/bench/corpus-53.jsonl"
[ -s "$B/bench/corpus-10.jsonl" ] || "$B/bench/mkcorpus" 10 >"$B/bench/corpus-10.jsonl"
echo "== text pipeline, 53 MB, French and English, language given (3 runs: this machine is noisy)"
for i in 1 2 3; do "$B/bench/bench_text" "$B/bench/corpus-53.jsonl" | if [ $i = 1 ]; then cat; else grep -E 'analyse only'; fi; done
echo "== text pipeline, 53 MB, language identified (CLD2 + function words)"
"$B/bench/bench_text" --identify "$B/bench/corpus-53.jsonl"
echo "== text pipeline, 10 MB (peak RSS should match the 53 MB run)"
"$B/bench/bench_text" "$B/bench/corpus-10.jsonl" | grep -E 'docs|RSS'
echo "== vigie segment > /dev/null, 53 MB, end to end"
/usr/bin/time -f "  %e s, peak RSS %M KB" "$B/vigie" segment -q "$B/bench/corpus-53.jsonl" >/dev/null

if [ -f "$SHARED/tools/make-speed-corpus.py" ]; then
    [ -s "$B/bench/speed-en.jsonl" ] || python3 "$SHARED/tools/make-speed-corpus.py" -n 20000 -o "$B/bench/speed-en.jsonl"
    echo "== coder, English timing corpus (make-speed-corpus.py -n 20000)"
    "$B/bench/bench_code" "$B/bench/speed-en.jsonl"
    echo "== vigie code end to end, English timing corpus, -j 1 and -j 2"
    for j in 1 2; do
        /usr/bin/time -f "  -j $j: %e s wall, peak RSS %M KB" "$B/vigie" code -q -j $j "$B/bench/speed-en.jsonl" >/dev/null
    done
else
    echo "== coder, English timing corpus: skipped, ../shared absent"
fi
[ -s "$B/bench/corpus-fr-5.jsonl" ] || "$B/bench/mkcorpus" 10 | awk 'NR % 2 == 1' >"$B/bench/corpus-fr-5.jsonl"
echo "== coder, French (5 MB of generated French news)"
"$B/bench/bench_code" "$B/bench/corpus-fr-5.jsonl"

echo "== vigie ingest, a 200,000-document feed (mkcorpus -n 200000: dated, 40 sites), -j 2, fresh store"
[ -s "$B/bench/feed-200k.jsonl" ] || "$B/bench/mkcorpus" -n 200000 >"$B/bench/feed-200k.jsonl"
rm -f "$B/bench/ingest.db" "$B/bench/ingest.db-wal" "$B/bench/ingest.db-shm"
t0=$(date +%s.%N)
/usr/bin/time -f "  peak RSS %M KB" "$B/vigie" ingest --no-progress -j 2 --db "$B/bench/ingest.db" "$B/bench/feed-200k.jsonl" 2>"$B/bench/ingest.err"
t1=$(date +%s.%N)
cat "$B/bench/ingest.err"
awk -v t="$(echo "$t1 - $t0" | bc 2>/dev/null || python3 -c "print($t1 - $t0)")" '/ read, / { d = $4; e = $(NF-1) }
    END { printf "  %.1f s: %.0f documents/s, %.0f events/s (coding and storing)\n", t, d / t, e / t }' "$B/bench/ingest.err"
ls -l "$B/bench/ingest.db" | awk '{ printf "  store: %.1f MB with evidence sentences\n", $5 / 1e6 }'
rm -f "$B/bench/ingest.db" "$B/bench/ingest.db-wal" "$B/bench/ingest.db-shm"
echo "== the store alone: 7.6 million coded events (over 5 million event rows) through vg_store_put"
"$B/bench/bench_store" "$B/bench/store.db" 7600000 2>/dev/null
rm -f "$B/bench/store.db" "$B/bench/store.db-wal" "$B/bench/store.db-shm"
echo "== article extraction: F1 on the 181-page benchmark, pages/s, MB/s, peak RSS (bench/extract.sh)"
SHARED="$SHARED" sh bench/extract.sh "$B"
echo "== one huge record: peak RSS of vigie code, and its ratio to the input (bench/memory.sh)"
sh bench/memory.sh "$B"
