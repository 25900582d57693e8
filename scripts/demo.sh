#!/bin/sh
# demo.sh — `make demo`: vigie on the bundled sample (examples/: invented articles written for the
# project, in French and English): the events it codes, with the evidence sentence; the same
# ingested into a fresh store, deduplicated, and asked two questions; the GDELT table; and the
# sentences of one article.
set -e
B=${1:-build}
V="$B/vigie"
echo "== vigie $("$V" --version | cut -d' ' -f2): events coded from the bundled sample (examples/)"
echo "   date        source    code target     what                                         [place]"
echo
"$V" code -f text examples/fr examples/en
echo
DB="$B/demo.db"
rm -f "$DB" "$DB-wal" "$DB-shm"
echo "== into a store: vigie ingest --db $DB examples/fr examples/en examples/sample.jsonl"
echo "   (sample.jsonl carries the same articles again under other ids: their events are counted"
echo "   twice, as two articles reporting them, not stored twice)"
"$V" ingest --db "$DB" --no-progress examples/fr examples/en examples/sample.jsonl
echo
echo "== vigie query --db $DB --by root --order -events     (events by CAMEO root)"
"$V" query --db "$DB" --by root --order -events -f table
echo
echo "== vigie query --db $DB --between RUS,UKR             (one dyad's timeline, either way)"
"$V" query --db "$DB" --between RUS,UKR -f table
echo
echo "== vigie export --db $DB -f gdelt                     (the GDELT 2.0 event table: 61 columns, 12 shown)"
"$V" export -q --db "$DB" -f gdelt | head -n 3 | cut -f1-12
echo
P=examples/web/fr-conseil-securite.html
echo "== a web page in: vigie extract $P"
echo "   (the article found in the page, without its menus, banners, related links and comments;"
echo "   its date, from the page's metadata, is what « samedi » is read against)"
"$V" extract -q "$P" | python3 -c '
import json, sys, textwrap
for line in sys.stdin:
    r = json.loads(line)
    print("   title:", r["title"]); print("   date: ", r["date"], "  lang:", r["lang"]); print("   url:  ", r["url"])
    paras = r["text"].split("\n\n")
    for p in paras[:2]:
        print(textwrap.fill(p, 96, initial_indent="   | ", subsequent_indent="   | "))
    print("   | … (%d paragraphs in all)" % len(paras))'
echo
echo "== its events out: vigie code -f text $P"
"$V" code -q -f text "$P"
echo
echo "== the text pipeline underneath: sentences of one article (vigie segment -f text)"
"$V" segment -q -f text examples/en/2017-10-24-helsinki-expels-diplomat.txt | head -n 8
