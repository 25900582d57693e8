#!/bin/sh
# web.sh — raw news in, as users feed it: web pages (plain and gzip), a WARC archive written by
# tests/data/web/mkwarc.py (gzip per record, the last one truncated), RSS and Atom feeds, JSON Lines
# with an "html" field; `vigie extract` shows the articles, `vigie code` and `vigie ingest` code
# them. Prints "ok NAME" / "FAIL NAME" lines and ends with "N passed, N failed, N skipped".
BUILD=${BUILD:-build}
V="$BUILD/vigie"
W=tests/data/web
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
pass=0; fail=0; skip=0
ok()   { echo "ok   $1"; pass=$((pass + 1)); }
bad()  { echo "FAIL $1${2:+: $2}"; fail=$((fail + 1)); }
check() { name=$1; shift; if "$@"; then ok "$name"; else bad "$name"; fi; }
# $JF FILE N NAME: field NAME of JSON Lines record N (from 1) of FILE
cat >"$T/jf.py" <<'EOF2'
import json, signal, sys
signal.signal(signal.SIGPIPE, signal.SIG_DFL)
r = [json.loads(l) for l in open(sys.argv[1])][int(sys.argv[2]) - 1]
v = r[sys.argv[3]]
print('' if v is None else v)
EOF2
JF="python3 $T/jf.py"

# ---- vigie extract on the project's pages ----
"$V" extract $W/*.html >"$T/x.jsonl" 2>"$T/x.err"; rc=$?
check "extract: 7 pages, exit 0, one JSON line each" sh -c "[ $rc = 0 ] && [ \$(wc -l <'$T/x.jsonl') = 7 ] && grep -q '7 read, 7 extracted, 0 skipped' '$T/x.err'"
check "extract: every line is JSON with id, url, title, date, lang, text" python3 -c "
import json,sys
for l in open('$T/x.jsonl'):
    r=json.loads(l); assert set(r)=={'id','url','title','date','lang','text'}, r.keys(); assert r['text']
"
n=$(grep -n 'fr-regional-1252' "$T/x.jsonl" | cut -d: -f1)
check "extract: a windows-1252 page comes out in UTF-8, its date from <time>" sh -c "[ \"\$($JF '$T/x.jsonl' $n date)\" = 2019-01-22 ] && $JF '$T/x.jsonl' $n text | grep -q 'Cinquante-six ans après le traité de l’Élysée'"
check "extract: the language is identified (fr, en)" sh -c "[ \"\$($JF '$T/x.jsonl' $n lang)\" = fr ] && [ \"\$($JF '$T/x.jsonl' 1 lang)\" = en ]"
gzip -c $W/fr-agence.html >"$T/agence.html.gz"
cp $W/fr-agence.html "$T/agence-no-extension"
"$V" extract "$T/agence.html.gz" "$T/agence-no-extension" >"$T/gz.jsonl" 2>"$T/gz.err"
check "extract: .html.gz is read, a page without extension is known by its content" sh -c "[ \$(wc -l <'$T/gz.jsonl') = 2 ] && [ \"\$($JF '$T/gz.jsonl' 1 text)\" = \"\$($JF '$T/gz.jsonl' 2 text)\" ] && [ \"\$($JF '$T/gz.jsonl' 1 date)\" = 2016-07-15 ]"
head -c 3000 "$T/agence.html.gz" >"$T/cut.html.gz"
"$V" extract "$T/cut.html.gz" "$T/agence.html.gz" >"$T/cut.jsonl" 2>"$T/cut.err"; rc=$?
check "extract: a truncated .html.gz is one message naming the file, the next file is read" sh -c "[ $rc = 1 ] && [ \$(wc -l <'$T/cut.jsonl') = 1 ] && grep -q 'cut.html.gz: skipped: damaged gzip' '$T/cut.err' && grep -q '2 read, 1 extracted, 1 skipped (1 damaged)' '$T/cut.err'"
printf '{"id":"z1","text":"Le ministre a rencontr\\u00e9 son homologue."}\n{"id":"z2","text":"The talks failed."}\n' | gzip -c >"$T/news.jsonl.gz"
"$V" extract "$T/news.jsonl.gz" >"$T/z.jsonl" 2>"$T/z.err"; rc=$?
check "extract: gzip JSON Lines are read line by line" sh -c "[ $rc = 0 ] && [ \$(wc -l <'$T/z.jsonl') = 2 ] && [ \"\$($JF '$T/z.jsonl' 2 id)\" = z2 ]"
# three copies: the same file named three times is read once (docs/input.md, directory walk)
for c in c1 c2 c3; do mkdir "$T/$c" && cp $W/*.html "$T/$c/"; done
timeout 60 "$V" extract -q -j 2 "$T/c1" "$T/c2" "$T/c3" >"$T/j2.jsonl"; rc=$?
"$V" extract -q "$T/c1" "$T/c2" "$T/c3" >"$T/j1.jsonl"
check "extract -j 2: the same bytes as -j 1, no hang (libxml2 set up once, before the threads)" sh -c "[ $rc = 0 ] && cmp -s '$T/j1.jsonl' '$T/j2.jsonl'"
check "extract --help" sh -c "'$V' extract --help | grep -q 'Usage: vigie extract'"

# ---- a WARC archive: gzip per record, the last member truncated ----
python3 $W/mkwarc.py >/dev/null 2>&1 "$T/crawl.warc.gz" --url https://www.quotidien.example/international/article/2016/07/15/mer-de-chine $W/fr-quotidien.html \
    --url https://www.courrier-rhenan.example/alsace/traite $W/fr-regional-1252.html --charset windows-1252 \
    --url https://news.albion.example/world-43545565 $W/en-broadcaster.html \
    --url https://www.meridian.example/world/abqaiq $W/en-wire.html --truncate-last
"$V" extract "$T/crawl.warc.gz" >"$T/w.jsonl" 2>"$T/w.err"; rc=$?
check "warc: 3 pages out, the truncated 4th reported, exit 1" sh -c "[ $rc = 1 ] && [ \$(wc -l <'$T/w.jsonl') = 3 ] && grep -q '4 read, 3 extracted, 1 skipped (1 damaged)' '$T/w.err'"
check "warc: the damage names the file, the record and the reason" grep -Eq "crawl.warc.gz(:[0-9]+)?: .*(record|byte).*(truncated|gzip)" "$T/w.err"
check "warc: request, warcinfo and metadata records are counted, not coded" grep -Eq 'WARC records not pages \((.*request.*warcinfo.*metadata|[0-9]+ request, 1 warcinfo, 1 metadata)' "$T/w.err"
check "warc: ids are the target URIs, the HTTP charset is used" sh -c "[ \"\$($JF '$T/w.jsonl' 2 id)\" = https://www.courrier-rhenan.example/alsace/traite ] && $JF '$T/w.jsonl' 2 text | grep -q 'l’Élysée'"
python3 $W/mkwarc.py >/dev/null 2>&1 "$T/plain.warc" --plain --url https://news.albion.example/world-43545565 $W/en-broadcaster.html
"$V" extract "$T/plain.warc" >"$T/p.jsonl" 2>"$T/p.err"; rc=$?
check "warc: an uncompressed WARC, exit 0" sh -c "[ $rc = 0 ] && [ \$(wc -l <'$T/p.jsonl') = 1 ] && [ \"\$($JF '$T/p.jsonl' 1 date)\" = 2018-03-26 ]"
printf 'WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\n<html>cut' >"$T/broken.warc"
"$V" extract "$T/broken.warc" "$T/plain.warc" >"$T/b.jsonl" 2>"$T/b.err"; rc=$?
check "warc: a record longer than its file is one message, the next file is read" sh -c "[ $rc = 1 ] && [ \$(wc -l <'$T/b.jsonl') = 1 ] && grep -q 'broken.warc' '$T/b.err' && grep -q '1 damaged' '$T/b.err'"

# ---- feeds ----
"$V" extract $W/feed-fr.rss $W/feed-en.atom >"$T/f.jsonl" 2>"$T/f.err"; rc=$?
nf=$(grep -c '<item>' $W/feed-fr.rss); na=$(grep -c '<entry>' $W/feed-en.atom)
check "feeds: one document per RSS item and Atom entry" sh -c "[ $rc = 0 ] && [ \$(wc -l <'$T/f.jsonl') = $((nf + na)) ]"
check "feeds: items keep their link, title and date" python3 -c "
import json
rs=[json.loads(l) for l in open('$T/f.jsonl')]
assert all(r['url'] and r['url'].startswith('http') and r['title'] and r['date'] and len(r['date'])==10 for r in rs), rs[0]
assert all(r['title'] in r['text'] for r in rs)
assert not any('<p>' in r['text'] or '&lt;' in r['text'] for r in rs)
"
"$V" code $W/feed-fr.rss >"$T/fc.jsonl" 2>"$T/fc.err"
check "feeds: French items are coded into events" sh -c "[ \$(wc -l <'$T/fc.jsonl') -ge 3 ]"

# ---- JSON Lines with an html field ----
python3 -c "
import json
print(json.dumps({'id': 'crawl-1', 'url': 'https://news.albion.example/x', 'html': open('$W/en-wire.html').read()}))
print(json.dumps({'id': 'crawl-2', 'html': '<html><body><nav>Menu only</nav></body></html>'}))
" >"$T/h.jsonl"
"$V" extract "$T/h.jsonl" >"$T/h.out" 2>"$T/h.err"; rc=$?
check "jsonl html: the page's article comes out, a page with no article is skipped with a reason" sh -c "[ $rc = 1 ] && [ \$(wc -l <'$T/h.out') = 1 ] && $JF '$T/h.out' 1 text | grep -q 'Reporting by' && grep -q 'crawl-2.*no article' '$T/h.err'"

# ---- coding and storing pages ----
"$V" code $W/en-broadcaster.html >"$T/c.jsonl" 2>"$T/c.err"
check "code: a page gives events with evidence from the article, dated by the page" python3 -c "
import json
ev=[json.loads(l) for l in open('$T/c.jsonl')]
assert len(ev) >= 3, len(ev)
assert any(e['code'].startswith('17') or e['code'].startswith('16') or e['code'].startswith('11') for e in ev), [e['code'] for e in ev]
assert all(e['date'].startswith('2018-03') for e in ev if e.get('date')), [e.get('date') for e in ev]
"
DB="$T/web.db"
"$V" ingest --db "$DB" "$T/crawl.warc.gz" $W/feed-en.atom 2>"$T/i.err"; rc=$?
check "ingest: a WARC and a feed into the store, sites from the URLs" sh -c "[ $rc = 1 ] && [ \"\$('$V' query --db '$DB' --sql 'SELECT count(*) FROM sites' -f tsv | tail -n 1)\" -ge 4 ]"
check "ingest: documents keep their page's title and date" sh -c "'$V' query --db '$DB' --sql \"SELECT day FROM documents WHERE url LIKE '%courrier-rhenan%'\" -f tsv | tail -n 1 | grep -q ."

echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
