#!/bin/sh
# demo.sh — `make demo`: vigie on the bundled sample (examples/: invented articles written for the
# project, in French and English): the events it codes, with the evidence sentence, then the same
# as JSON Lines and as the GDELT table, and the sentences of one article.
set -e
B=${1:-build}
V="$B/vigie"
echo "== vigie $("$V" --version | cut -d' ' -f2): events coded from the bundled sample (examples/)"
echo "   date        source    code target     what                                         [place]"
echo
"$V" code -f text examples/fr examples/en
echo
echo "== the same events as JSON Lines (vigie code examples/sample.jsonl | head -n 2)"
"$V" code -q examples/sample.jsonl | head -n 2
echo
echo "== and as the GDELT 2.0 event table (61 columns; first 12 shown)"
"$V" code -q -f gdelt examples/sample.jsonl | head -n 3 | cut -f1-12
echo
echo "== the text pipeline underneath: sentences of one article (vigie segment -f text)"
"$V" segment -q -f text examples/en/2017-10-24-helsinki-expels-diplomat.txt | head -n 8
