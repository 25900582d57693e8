#!/bin/sh
# store.sh — the event store as users run it: vigie ingest, query and export on real coded text.
# Idempotent ingest, replacement of a changed document, dedup counts on a crafted corpus, every
# output format read back by a real reader (python3's csv and json), malformed input, read-only
# --sql, and a SIGKILL in the middle of a run. Prints "ok NAME" / "FAIL NAME" lines and ends with
# "N passed, N failed, N skipped".
BUILD=${BUILD:-build}
V="$BUILD/vigie"
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
pass=0; fail=0; skip=0
ok()   { echo "ok   $1"; pass=$((pass + 1)); }
bad()  { echo "FAIL $1${2:+: $2}"; fail=$((fail + 1)); }
check() { name=$1; shift; if "$@"; then ok "$name"; else bad "$name"; fi; }
sql()  { "$V" query --db "$1" --sql "$2" -f tsv | tail -n +2; }
# every table's rows, without the columns that hold the time of the run
dump() {
    for q in "SELECT id, ext_id, url, title, site, day, lang, hash, bytes, sentences, events, dict FROM documents ORDER BY id" \
             "SELECT * FROM events ORDER BY id" "SELECT * FROM mentions ORDER BY id" \
             "SELECT * FROM sentences ORDER BY doc, idx" "SELECT * FROM sites ORDER BY id" \
             "SELECT * FROM rules ORDER BY id" "SELECT id, version, vigie FROM dictionaries ORDER BY id"; do
        sql "$1" "$q"
    done
}

# ---- ingest is idempotent ----
DB="$T/a.db"
"$V" ingest --db "$DB" examples/fr examples/en 2>"$T/e1"; rc1=$?
dump "$DB" >"$T/d1"
"$V" ingest --db "$DB" examples/fr examples/en 2>"$T/e2"; rc2=$?
dump "$DB" >"$T/d2"
check "ingest: exit 0, a summary with the store's counts" sh -c "[ $rc1 = 0 ] && grep -q '10 read, 10 coded, 0 unchanged, 0 skipped' '$T/e1' && grep -Eq 'a.db: 10 documents, [1-9][0-9]* events' '$T/e1'"
check "ingest twice: the same rows" sh -c "[ $rc2 = 0 ] && [ -s '$T/d1' ] && cmp -s '$T/d1' '$T/d2'"
check "ingest twice: the second run codes nothing" grep -q '10 read, 0 coded, 10 unchanged' "$T/e2"
check "the store passes integrity_check" sh -c "[ \"\$('$V' query --db '$DB' --sql 'PRAGMA integrity_check' -f tsv | tail -n 1)\" = ok ]"
for c in ingest query export; do
    check "$c --help exits 0 on stdout" sh -c "'$V' $c --help >'$T/h' 2>'$T/e' && grep -q 'Usage: vigie $c' '$T/h' && grep -q -- '--db FILE' '$T/h' && ! [ -s '$T/e' ]"
done
check "--help lists the store's commands" sh -c "'$V' --help | grep -q '^  ingest' && '$V' --help | grep -q '^  query' && '$V' --help | grep -q '^  export'"

# ---- dedup on a crafted corpus (counts known by hand: docs/store.md) ----
cat >"$T/dd.jsonl" <<'EOF'
{"id":"w1","url":"https://www.wire-one.example/a/1","date":"2016-07-20","lang":"en","text":"Turkey accused Greece of sheltering coup plotters on Wednesday. Ankara also accused Athens of stalling. Turkey accused Greece of lying about it."}
{"id":"w2","url":"https://wire-one.example/a/2","date":"2016-07-20","lang":"en","text":"Turkey accused Greece of sheltering coup plotters."}
{"id":"p1","source":"Le Quotidien","date":"2016-07-20","lang":"fr","text":"La Turquie a accusé la Grèce d'abriter des putschistes."}
{"id":"x1","date":"2016-07-20","lang":"en","text":"Turkey accused Greece of sheltering coup plotters."}
{"id":"x2","date":"2016-07-21","lang":"en","text":"Turkey accused Greece of sheltering coup plotters."}
EOF
DD="$T/dd.db"
"$V" ingest -q --db "$DD" "$T/dd.jsonl"
# TUR→GRC 112 on 07-20: w1 twice, w2, p1, x1 = 5 mentions in 4 articles from 3 sources
# (wire-one.example, Le Quotidien, x1 of unknown origin); on 07-21 another event
check "dedup: mentions, sources, articles" sh -c "[ \"\$('$V' query --db '$DD' --source TUR --target GRC --code 112 -f tsv | awk -F'\t' '\$3 == \"TUR\"' | cut -f2,9-11 | tr '\t\n' ' ')\" = '2016-07-20 5 3 4 2016-07-21 1 1 1 ' ]"
check "dedup: the root mention is the first" sh -c "'$V' query --db '$DD' --source TUR --from 2016-07-20 --to 2016-07-20 -f tsv | tail -n +2 | cut -f12 | grep -qx w1"
check "dedup: --min-mentions" sh -c "[ \$('$V' query --db '$DD' --min-mentions 2 -f tsv | tail -n +2 | wc -l) = 1 ]"
check "dedup: --lang fr finds the event the French article reported" sh -c "[ \$('$V' query --db '$DD' --lang fr -f tsv | tail -n +2 | wc -l) = 1 ]"

# ---- a changed document replaces its events ----
sed 's/Turkey accused Greece of lying about it\./Greece denied it./' "$T/dd.jsonl" >"$T/dd2.jsonl"
"$V" ingest --db "$DD" "$T/dd2.jsonl" 2>"$T/e"
check "changed document: coded again, the others unchanged" grep -q '5 read, 1 coded, 4 unchanged' "$T/e"
check "changed document: its old mention is gone" sh -c "[ \"\$('$V' query --db '$DD' --source TUR --target GRC --code 112 --from 2016-07-20 --to 2016-07-20 -f tsv | awk -F'\t' '\$3 == \"TUR\"' | cut -f9-11 | tr '\t' ' ')\" = '4 3 4' ]"
check "changed document: its new event is there" sh -c "[ \$('$V' query --db '$DD' --doc w1 -f tsv | tail -n +2 | wc -l) = 3 ] && '$V' query --db '$DD' --doc w1 --source GRC -f tsv | grep -q GRC"
check "changed document: no orphan rows" sh -c "[ \"\$(sql() { '$V' query --db '$DD' --sql \"\$1\" -f tsv | tail -n 1; }; sql 'SELECT count(*) FROM mentions m LEFT JOIN events e ON e.id = m.event WHERE e.id IS NULL')\" = 0 ]"

# ---- queries: filters, grouping, formats ----
check "query: table on request, with a header" sh -c "'$V' query --db '$DB' --by root -f table | head -n 1 | grep -Eq '^root +events +mentions +articles +goldstein$'"
check "query: --by week, one country, one code" sh -c "'$V' query --db '$DB' --by week --country UKR -f tsv | tail -n +2 | grep -q '^2016-06-20	'"
check "query: --between either way" sh -c "[ \$('$V' query --db '$DB' --between RUS,FIN -f tsv | tail -n +2 | wc -l) -ge 2 ]"
check "query: csv read by python's csv module" sh -c "'$V' query --db '$DB' -f csv >'$T/q.csv' && python3 -c \"
import csv, sys
rows = list(csv.DictReader(open('$T/q.csv', encoding='utf-8')))
assert rows and all(r['code'] and r['source'] for r in rows), rows
assert {r['doc'] for r in rows}
\""
check "query: jsonl, one object a line" sh -c "'$V' query --db '$DB' --by dyad -f jsonl | python3 -c \"
import json, sys
rows = [json.loads(l) for l in sys.stdin]
assert rows and all(isinstance(r['events'], int) and r['source'] for r in rows)
\""
check "query: a bad date is a usage error" sh -c "'$V' query --db '$DB' --from 2016-13 >/dev/null 2>'$T/e'; [ \$? = 2 ] && grep -q 'YYYY-MM' '$T/e'"
check "query: a bad order column is a usage error" sh -c "'$V' query --db '$DB' --order 'date; DROP TABLE events' >/dev/null 2>'$T/e'; [ \$? = 2 ] && grep -q 'cannot order by' '$T/e'"
check "query: a missing store is an error, not created" sh -c "'$V' query --db '$T/none.db' >/dev/null 2>&1; [ \$? = 3 ] && ! [ -e '$T/none.db' ]"
check "query --sql reads" sh -c "[ \"\$('$V' query --db '$DB' --sql 'SELECT count(*) AS n FROM documents' -f tsv | tail -n 1)\" = 10 ]"
check "query --sql cannot write" sh -c "'$V' query --db '$DB' --sql 'DELETE FROM events' >/dev/null 2>'$T/e'; [ \$? = 3 ] && [ \"\$('$V' query --db '$DB' --sql 'SELECT count(*) FROM events' -f tsv | tail -n 1)\" -gt 0 ]"
check "query --sql: one statement" sh -c "'$V' query --db '$DB' --sql 'SELECT 1; DROP TABLE events' >/dev/null 2>'$T/e'; [ \$? = 3 ] && grep -q 'one statement' '$T/e'"

# ---- export ----
"$V" export -q --db "$DB" -f gdelt >"$T/g.tsv"
"$V" export -q --db "$DB" -f jsonl >"$T/x.jsonl"
check "export gdelt: 61 columns on every line" sh -c "[ -s '$T/g.tsv' ] && awk -F'\t' 'NF != 61 { bad = 1 } END { exit bad }' '$T/g.tsv'"
check "export gdelt: round-trips through a TSV reader" python3 -c "
import csv, json
g = list(csv.reader(open('$T/g.tsv', encoding='utf-8'), delimiter='\t', quoting=csv.QUOTE_NONE))
j = [json.loads(l) for l in open('$T/x.jsonl', encoding='utf-8')]
assert len(g) == len(j) > 0
for row, e in zip(g, j):
    assert len(row) == 61
    assert int(row[0]) == e['id'] and row[1] == e['date'].replace('-', '')
    assert (row[5], row[15], row[26], row[28]) == (e['source'], e['target'], e['code'], e['root'])
    assert (int(row[31]), int(row[32]), int(row[33])) == (e['mentions'], e['sources'], e['articles'])
    assert float(row[30]) == e['goldstein'] and int(row[29]) == e['quad']
    assert row[53] == e['country'] and len(row[59]) == 14
"
check "export csv: the jsonl fields, read by python's csv module" python3 -c "
import csv, json, subprocess
out = subprocess.run(['$V', 'export', '-q', '--db', '$DB', '-f', 'csv'], capture_output=True, text=True).stdout
rows = list(csv.DictReader(out.splitlines()))
j = [json.loads(l) for l in open('$T/x.jsonl', encoding='utf-8')]
assert len(rows) == len(j) and list(rows[0].keys()) == list(j[0].keys())
assert all(r['evidence'] == e['evidence'] and r['code'] == e['code'] for r, e in zip(rows, j))
"
check "export jsonl: the evidence cuts the actor's words" python3 -c "
import json
for l in open('$T/x.jsonl', encoding='utf-8'):
    e = json.loads(l)
    assert e['evidence'] and e['trigger_text'], e
    assert e['trigger_text'] in e['evidence']
"
check "export: filters as query" sh -c "[ \$('$V' export -q --db '$DB' --country UKR | wc -l) = \$('$V' query --db '$DB' --country UKR -f tsv | tail -n +2 | wc -l) ]"

# ---- malformed input: skipped with a message; what was stored stays ----
mbefore=$(sql "$DB" 'SELECT count(*) FROM mentions')
printf '%s\n' '{"id":"bad1","text":"Unterminated' '{"id":"ok1","lang":"en","date":"2020-01-02","text":"Egypt condemned Ethiopia on Thursday."}' '{"id":"fr/2019-05-07-idleb-frappes.txt"}' >"$T/mixed.jsonl"
"$V" ingest --db "$DB" "$T/mixed.jsonl" >/dev/null 2>"$T/e"; rc=$?
check "malformed: exit 1, file:line and reason on stderr" sh -c "[ $rc = 1 ] && grep -q 'mixed.jsonl:1: skipped: bad JSON' '$T/e' && grep -q 'mixed.jsonl:3' '$T/e'"
check "malformed: the good record is stored, the summary counts all" sh -c "grep -q '3 read, 1 coded, 0 unchanged, 2 skipped' '$T/e' && '$V' query --db '$DB' --doc ok1 -f tsv | grep -q EGY"
mafter=$(sql "$DB" 'SELECT count(*) FROM mentions')
new=$(printf '%s\n' '{"id":"ok1","lang":"en","date":"2020-01-02","text":"Egypt condemned Ethiopia on Thursday."}' | "$V" code -q | wc -l)
check "malformed: nothing stored before is lost" sh -c "[ \"\$(sql() { '$V' query --db '$DB' --sql \"\$1\" -f tsv | tail -n 1; }; sql 'SELECT count(*) FROM documents')\" = 11 ] && [ $new -ge 1 ] && [ $mafter = \$(($mbefore + $new)) ]"
printf 'just text\n' >"$T/plain.db"
check "ingest refuses a file that is not a store" sh -c "'$V' ingest -q --db '$T/plain.db' examples/fr 2>'$T/e'; [ \$? = 3 ] && grep -q 'plain.db' '$T/e' && [ \"\$(cat '$T/plain.db')\" = 'just text' ]"

# ---- crash safety: SIGKILL in the middle of a run, then run again ----
# The corpus: the examples, many times over under new ids and dates (so that dedup has work). The
# first run is fed through a pipe, so that it is still running, waiting for input with a transaction
# open (--batch 100), when it is killed: some batches are committed, one is in flight.
python3 - "$T/big.jsonl" <<'EOF'
import json, sys
docs = [json.loads(l) for l in open('examples/sample.jsonl', encoding='utf-8')]
with open(sys.argv[1], 'w', encoding='utf-8') as f:
    for k in range(400):
        for d in docs:
            d = dict(d, id='%s-%d' % (d['id'], k), date='2019-%02d-%02d' % (1 + k % 12, 1 + k % 28))
            f.write(json.dumps(d, ensure_ascii=False) + '\n')
EOF
total=$(wc -l <"$T/big.jsonl")
"$V" ingest -q --db "$T/whole.db" --batch 100 "$T/big.jsonl"
mkfifo "$T/feed"
"$V" ingest -q --db "$T/crash.db" --batch 100 --no-progress - <"$T/feed" 2>/dev/null &
pid=$!
exec 3>"$T/feed"
head -n 1050 "$T/big.jsonl" >&3
count() { "$V" query --db "$T/crash.db" --sql 'SELECT count(*) FROM documents' -f tsv 2>/dev/null | tail -n 1; }
i=0
while [ $i -lt 600 ] && [ "$(count)" -lt 500 ] 2>/dev/null; do sleep 0.1; i=$((i + 1)); done
sleep 0.5 # let it code what it was given, into the open transaction
alive=0; kill -0 $pid 2>/dev/null && alive=1
kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
exec 3>&-
n=$(count)
check "crash: killed mid-run, $n of $total documents committed" sh -c "[ $alive = 1 ] && [ '$n' -ge 500 ] && [ '$n' -lt 1050 ]"
"$V" ingest --db "$T/crash.db" --batch 100 --no-progress "$T/big.jsonl" 2>"$T/e"; rc=$?
check "crash: the rerun codes only what was lost" sh -c "[ $rc = 0 ] && grep -q '$total read, $((total - n)) coded, $n unchanged' '$T/e'"
check "crash: integrity_check ok" sh -c "[ \"\$('$V' query --db '$T/crash.db' --sql 'PRAGMA integrity_check' -f tsv | tail -n 1)\" = ok ]"
dump "$T/whole.db" >"$T/dw"; dump "$T/crash.db" >"$T/dc"
check "crash: exactly the rows of an uninterrupted run" sh -c "[ \$(wc -l <'$T/dw') -gt $total ] && cmp -s '$T/dw' '$T/dc'"

echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
