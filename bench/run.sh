#!/bin/sh
# run.sh — `make bench`: generate the corpora (once), then report
#   1. the text pipeline alone: MB/s, sentences/s, peak RSS (53 MB and 10 MB of French and English);
#   2. the coder with the full dictionaries: start-up, sentences/s, peak RSS, on the English timing
#      corpus of ../shared/tools/make-speed-corpus.py (the input TABARI was timed on) and on French;
#   3. `vigie code` end to end with 1 and 2 threads.
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
