#!/bin/sh
# extract.sh — `make bench-extract`: article-body F1 on the extraction benchmark of ../shared
# (181 real news pages, scrapinghub/article-extraction-benchmark), scored by its own evaluate.py,
# unchanged, in a scratch copy; then extraction speed (pages/s, MB/s) and peak RSS.
B=${1:-build}
SHARED=${SHARED:-../shared}
X="$SHARED/eval/extraction"
if [ ! -f "$X/evaluate.py" ]; then
    echo "bench-extract: $X not found; skipped"
    exit 0
fi
W="$B/bench/extraction"
rm -rf "$W" && mkdir -p "$W/output"
cp "$X/evaluate.py" "$X/ground-truth.json" "$W/"
"$B/bench/bench_extract" -r 5 -o "$W/output/vigie.json" "$X"/html/*.html.gz || exit 1
(cd "$W" && python3 evaluate.py --n-bootstrap 200)
