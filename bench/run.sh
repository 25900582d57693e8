#!/bin/sh
# run.sh — `make bench`: generate the corpora (once), then report the text pipeline's throughput
# and peak RSS, on 50 MB and on 10 MB of the same text (peak RSS must not grow with the input).
B=${1:-build}
mkdir -p "$B/bench"
[ -s "$B/bench/corpus-53.jsonl" ] || "$B/bench/mkcorpus" 53 >"$B/bench/corpus-53.jsonl"
[ -s "$B/bench/corpus-10.jsonl" ] || "$B/bench/mkcorpus" 10 >"$B/bench/corpus-10.jsonl"
echo "== 53 MB, French and English, language given"
"$B/bench/bench_text" "$B/bench/corpus-53.jsonl"
echo "== 53 MB, language identified (CLD2 + function words)"
"$B/bench/bench_text" --identify "$B/bench/corpus-53.jsonl"
echo "== 10 MB (peak RSS should match the 53 MB run)"
"$B/bench/bench_text" "$B/bench/corpus-10.jsonl" | grep -E 'docs|RSS'
echo "== end to end: vigie segment > /dev/null, 53 MB"
/usr/bin/time -f "  %e s, peak RSS %M KB" "$B/vigie" segment -q "$B/bench/corpus-53.jsonl" >/dev/null
