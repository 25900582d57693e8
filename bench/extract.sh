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
# Peak RSS must not grow with the number of pages: the same 181 pages, then five times over
# (905 pages through one `vigie extract` run).
# five real copies: vigie reads a directory (or a file) met again through a link only once
for k in 1 2 3 4 5; do rm -rf "$W/copy$k"; cp -r "$X/html" "$W/copy$k" && chmod -R u+w "$W/copy$k"; done
echo "== vigie extract, end to end (read, gunzip, extract, identify the language, write JSON Lines)"
/usr/bin/time -f "  181 pages: %e s, peak RSS %M KB" "$B/vigie" extract -q "$X/html" >/dev/null
/usr/bin/time -f "  905 pages: %e s, peak RSS %M KB" "$B/vigie" extract -q "$W"/copy1 "$W"/copy2 "$W"/copy3 "$W"/copy4 "$W"/copy5 >/dev/null
/usr/bin/time -f "  905 pages, -j 2: %e s, peak RSS %M KB" "$B/vigie" extract -q -j 2 "$W"/copy1 "$W"/copy2 "$W"/copy3 "$W"/copy4 "$W"/copy5 >/dev/null
