#!/bin/sh
# demo.sh — `make demo`: run vigie on the bundled sample (examples/) and show what it finds.
# Until the event coder lands (issue 5), that is the text pipeline: each article's language,
# sentences with their byte offsets, and, for one article per language, the tokens.
set -e
B=${1:-build}
V="$B/vigie"
echo "== vigie $("$V" --version | cut -d' ' -f2): the bundled sample, examples/ (invented articles written for the project)"
echo
for f in examples/fr/2022-06-14-alger-rabat.txt examples/en/2017-10-24-helsinki-expels-diplomat.txt; do
    echo "-- $f: sentences and tokens"
    "$V" segment -f text --tokens -q "$f"
    echo
done
echo "-- every article: sentences (vigie segment -f text examples/)"
"$V" segment -f text examples/fr examples/en | grep -c '^examples' | sed 's/^/   sentences found: /'
echo
echo "-- JSON Lines, as tools read it (vigie segment examples/sample.jsonl | head -n 3)"
"$V" segment -q examples/sample.jsonl | head -n 3
echo
echo "The event coder is not built yet: 'vigie code' runs this same pipeline for now."
