#!/bin/sh
# hostile-store.sh — the store, query and output layers against hostile files, values and text
# (issue 17): another program's database given as --db, a store on media that cannot be written,
# a --sql statement that never ends, empty or unknown option values, and document ids and text
# carrying terminal escapes or spreadsheet formulas. Each case makes its own inputs in a temporary
# directory, runs under `timeout`, asserts the exact message and exit status, and checks that
# nothing was lost or changed. Prints "ok NAME" / "FAIL NAME" lines and ends with
# "N passed, N failed, N skipped".
BUILD=${BUILD:-build}
case $BUILD in /*) V="$BUILD/vigie" ;; *) V="$(pwd)/$BUILD/vigie" ;; esac
T=$(mktemp -d); trap 'chmod -R u+w "$T" 2>/dev/null; rm -rf "$T"' EXIT
pass=0; fail=0; skip=0
ok()   { echo "ok   $1"; pass=$((pass + 1)); }
bad()  { echo "FAIL $1${2:+: $2}"; fail=$((fail + 1)); }
skipped() { echo "skip $1: $2"; skip=$((skip + 1)); }
check() { name=$1; shift; if "$@"; then ok "$name"; else bad "$name"; fi; }
# run CMD… under a time limit: stdout to $T/out, stderr to $T/err, exit status in $rc
run() { timeout 60 "$@" >"$T/out" 2>"$T/err"; rc=$?; }
# the exit status is $1 and stderr is exactly the lines that follow
expect() { want=$1; shift; printf '%s\n' "$@" >"$T/want"; [ "$rc" = "$want" ] && cmp -s "$T/want" "$T/err"; }
sha() { sha256sum "$1" | cut -d' ' -f1; }
R=$(printf '\357\277\275') # U+FFFD in UTF-8

# ---- 1. another program's SQLite file is refused before anything writes to it ----
python3 - "$T/other.db" <<'EOF'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("CREATE TABLE accounts (id INTEGER PRIMARY KEY, owner TEXT)")
c.execute("INSERT INTO accounts VALUES (1, 'Ada')")
c.commit()
EOF
printf 'Turkey accused Greece of sheltering coup plotters.\n' >"$T/2016-07-20-a.txt"
before=$(sha "$T/other.db")
run "$V" ingest --db "$T/other.db" "$T/2016-07-20-a.txt"
check "ingest refuses another program's database: exit 3, the reason" \
    expect 3 "vigie ingest: $T/other.db: an SQLite database, but not a vigie store"
check "ingest leaves another program's database byte for byte, journal mode included" \
    sh -c "[ '$before' = \"\$(sha256sum '$T/other.db' | cut -d' ' -f1)\" ] && [ \"\$(head -c 20 '$T/other.db' | tail -c 2 | od -An -tu1 | tr -d ' ')\" = 11 ]"
check "ingest leaves no -wal or -shm beside it" sh -c "! [ -e '$T/other.db-wal' ] && ! [ -e '$T/other.db-shm' ]"
for c in query export; do
    run "$V" $c --db "$T/other.db"
    check "$c refuses another program's database, unchanged" \
        sh -c "[ $rc = 3 ] && grep -qx 'vigie $c: $T/other.db: an SQLite database, but not a vigie store' '$T/err' && [ '$before' = \"\$(sha256sum '$T/other.db' | cut -d' ' -f1)\" ] && ! [ -e '$T/other.db-wal' ]"
done
# a program of its own may set user_version 1 too: vigie's tables are what make a store
python3 -c "
import sqlite3, sys
c = sqlite3.connect(sys.argv[1]); c.execute('CREATE TABLE t (x)'); c.execute('PRAGMA user_version = 1'); c.commit()
" "$T/uv.db"
before=$(sha "$T/uv.db")
run "$V" ingest --db "$T/uv.db" "$T/2016-07-20-a.txt"
check "ingest refuses a database whose user_version is 1 but which has no store's tables, unchanged" \
    sh -c "[ $rc = 3 ] && grep -qx 'vigie ingest: $T/uv.db: an SQLite database, but not a vigie store' '$T/err' && [ '$before' = \"\$(sha256sum '$T/uv.db' | cut -d' ' -f1)\" ] && ! [ -e '$T/uv.db-wal' ]"
printf 'my notes\n' >"$T/notes.txt"
run "$V" ingest --db "$T/notes.txt" "$T/2016-07-20-a.txt"
check "ingest refuses a file that is not SQLite at all, unchanged" \
    sh -c "[ $rc = 3 ] && grep -qx 'vigie ingest: $T/notes.txt: not an SQLite database' '$T/err' && [ \"\$(cat '$T/notes.txt')\" = 'my notes' ] && ! [ -e '$T/notes.txt-wal' ]"

# ---- 2. a store on media that cannot be written is still read ----
# The store's directory is made read-only. chmod does not stop root, so as root the reading
# commands run as nobody (setpriv); the directory path also holds the characters an SQLite URI
# gives a meaning to ('?', '#', '%', a blank), which must stay part of the file name.
"$V" ingest -q --db "$T/w.db" "$T/2016-07-20-a.txt"
"$V" query --db "$T/w.db" -f tsv >"$T/q-w.tsv"
"$V" export --db "$T/w.db" -q >"$T/x-w.jsonl"
RO="$T/r o?#%"
mkdir "$RO" && cp "$T/w.db" "$RO/s.db" && chmod 755 "$T" && chmod 444 "$RO/s.db" && chmod 555 "$RO"
before=$(sha "$RO/s.db")
as_reader=""
if [ "$(id -u)" = 0 ]; then
    command -v setpriv >/dev/null 2>&1 && as_reader="setpriv --reuid=65534 --regid=65534 --clear-groups"
fi
if [ "$(id -u)" = 0 ] && [ -z "$as_reader" ]; then
    skipped "a store in a read-only directory" "running as root without setpriv: nothing can stop root from writing"
elif $as_reader sh -c "touch '$RO/probe'" 2>/dev/null; then
    skipped "a store in a read-only directory" "the directory stayed writable"
else
    run $as_reader "$V" query --db "$RO/s.db" -f tsv
    check "query reads a store in a read-only directory: the same rows" sh -c "[ $rc = 0 ] && ! [ -s '$T/err' ] && [ -s '$T/out' ] && cmp -s '$T/out' '$T/q-w.tsv'"
    run $as_reader "$V" export --db "$RO/s.db" -q
    check "export reads it too: the same events" sh -c "[ $rc = 0 ] && [ -s '$T/out' ] && cmp -s '$T/out' '$T/x-w.jsonl'"
    check "the read-only store is unchanged, no -shm or -wal made" sh -c "[ '$before' = \"\$(sha256sum '$RO/s.db' | cut -d' ' -f1)\" ] && [ \"\$(ls -A '$RO')\" = s.db ]"
    # a -wal file beside it may hold committed changes that an immutable read would miss: refused
    chmod 755 "$RO" && : >"$RO/s.db-wal" && chmod 555 "$RO"
    run $as_reader "$V" query --db "$RO/s.db"
    check "a read-only store with a -wal file beside it is refused, with the way out" \
        expect 3 "vigie query: $RO/s.db: cannot read: a -wal file beside it may hold changes not yet in the store, and its directory cannot be written (copy both files somewhere writable)"
fi
chmod 755 "$RO"

# ---- 3. --sql statements that never end stop at --timeout ----
CTE='WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c)'
run "$V" query --db "$T/w.db" --timeout 0.5 --sql "$CTE SELECT count(*) FROM c"
check "query --timeout stops an endless recursive CTE: exit 3, the reason" \
    expect 3 "vigie query: stopped: the query ran longer than --timeout 0.5 s"
run "$V" query --db "$T/w.db" --timeout 0.5 -f tsv --sql "$CTE SELECT x FROM c"
check "query --timeout stops an endless stream of rows, each row whole" \
    sh -c "[ $rc = 3 ] && grep -qx 'vigie query: stopped: the query ran longer than --timeout 0.5 s' '$T/err' && [ \"\$(tail -c 1 '$T/out' | od -An -c | tr -d ' ')\" = '\\n' ] && [ \"\$(tail -n +2 '$T/out' | awk '\$0 != NR' | wc -l)\" = 0 ]"
# each row costs a 100 KB random blob, so the timeout always comes long before the table's row
# limit (a fast row would let the limit win on a quick machine)
SLOW='WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE length(hex(randomblob(100000))) > 0)'
run "$V" query --db "$T/w.db" --timeout 0.5 -f table --sql "$SLOW SELECT x FROM c"
check "query --timeout stops a table being gathered, nothing half-written" \
    sh -c "[ $rc = 3 ] && grep -qx 'vigie query: stopped: the query ran longer than --timeout 0.5 s' '$T/err' && ! [ -s '$T/out' ]"
run "$V" query --db "$T/w.db" -f table --sql "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 1000001) SELECT x FROM c"
check "query -f table holds at most 1,000,000 rows (a runaway table cannot fill memory first)" \
    expect 3 "vigie query: more than 1000000 rows for a table: use -f tsv, csv or jsonl (they stream), or --limit"
run "$V" query --db "$T/w.db" --timeout 0 --sql "SELECT count(*) AS n FROM events" -f tsv
check "query --timeout 0: no limit" sh -c "[ $rc = 0 ] && [ \"\$(tail -n 1 '$T/out')\" = 1 ]"
for v in x -1 '' nan 1e9; do
    run "$V" query --db "$T/w.db" --timeout "$v" --sql "SELECT 1"
    check "query --timeout '$v' is a usage error" \
        expect 2 "vigie query: --timeout needs a number of seconds (0: no limit), not '$v'" "Try 'vigie query --help'."
done
check "query --help gives --timeout and its default" sh -c "'$V' query --help | grep -q -- '--timeout SECONDS .*default 60'"

# ---- 4. usage errors are usage errors (2), naming the bad value, and never an empty filter ----
sha_w=$(sha "$T/w.db")
run "$V" query --db "$T/w.db" --by ,
check "query --by , : exit 2, the value named" expect 2 "vigie query: --by: an empty value in the list: ','" "Try 'vigie query --help'."
run "$V" query --db "$T/w.db" --by week,
check "query --by week, : exit 2" expect 2 "vigie query: --by: an empty value in the list: 'week,'" "Try 'vigie query --help'."
run "$V" query --db "$T/w.db" --by fortnight
check "query --by an unknown key: exit 2" \
    expect 2 "vigie query: cannot group by 'fortnight' (day, week, month, year, dyad, source, target, code, root, quad, country)" "Try 'vigie query --help'."
run "$V" query --db "$T/w.db" --order 'date; DROP TABLE events'
check "query --order an unknown column: exit 2, the value named" \
    expect 2 "vigie query: cannot order by 'date; DROP TABLE events' (one of: date, id, source, target, code, root, quad, goldstein, country, mentions, sources, articles; '-' before it for descending)" "Try 'vigie query --help'."
run "$V" query --db "$T/w.db" --by root --order -date
check "query --by root --order a column the groups lack: exit 2" \
    expect 2 "vigie query: cannot order by '-date' (one of: events, mentions, articles, goldstein, or a --by key; '-' before it for descending)" "Try 'vigie query --help'."
run "$V" export --db "$T/w.db" --order nope
check "export --order an unknown column: exit 2" \
    expect 2 "vigie export: cannot order by 'nope' (one of: date, id, source, target, code, root, quad, goldstein, country, mentions, sources, articles; '-' before it for descending)" "Try 'vigie export --help'."
run "$V" query --db "$T/absent.db" --order nope
check "a bad --order is a usage error before the store is opened (none created)" sh -c "[ $rc = 2 ] && ! [ -e '$T/absent.db' ]"
for o in source target actor between code root country quad lang; do
    for c in query export; do
        run "$V" $c --db "$T/w.db" --$o ''
        check "$c --$o '' (an empty list) is a usage error" \
            expect 2 "vigie $c: --$o: an empty value in the list: ''" "Try 'vigie $c --help'."
    done
done
run "$V" query --db "$T/w.db" --source 'TUR,'
check "query --source 'TUR,' (an empty value at the end) is a usage error" \
    expect 2 "vigie query: --source: an empty value in the list: 'TUR,'" "Try 'vigie query --help'."
run "$V" query --db "$T/w.db" --country 'TUR,,GRC'
check "query --country 'TUR,,GRC' is a usage error" \
    expect 2 "vigie query: --country: an empty value in the list: 'TUR,,GRC'" "Try 'vigie query --help'."
run "$V" query --db "$T/w.db" --doc ''
check "query --doc '' is a usage error" expect 2 "vigie query: --doc: an empty document id: ''" "Try 'vigie query --help'."
run "$V" export --db ''
check "export --db '' is a usage error" expect 2 "vigie export: --db: an empty file name: ''" "Try 'vigie export --help'."
check "usage errors changed nothing in the store" sh -c "[ '$sha_w' = \"\$(sha256sum '$T/w.db' | cut -d' ' -f1)\" ]"

# ---- 5. terminal escapes, C1 controls, bytes that are not UTF-8, spreadsheet formulas ----
# Ids, URLs and text carry ESC ] 0 ; … BEL (retitle the terminal), ESC [ 2 J (clear it), DEL,
# U+009B (CSI to some terminals), a tab; CSV cells that spreadsheets would run as formulas.
cat >"$T/h.jsonl" <<'EOF'
{"id":"evil\u001b]0;pwned\u0007\u001b[2J","url":"https://x.example/a\tb\u009b31m","date":"2016-07-20","lang":"en","text":"Turkey accused Greece\u001b[31m of sheltering coup plotters."}
{"id":"=HYPERLINK(\"http://e.example\",\"x\")","date":"2016-07-21","lang":"en","text":"Turkey accused Greece of sheltering coup plotters."}
{"id":"@SUM(1)\u007f","date":"2016-07-22","lang":"en","text":"Turkey accused Greece of sheltering coup plotters."}
{"id":"-2+3","url":"+cmd|' /C calc'!A0","date":"2016-07-23","lang":"en","text":"Turkey accused Greece of sheltering coup plotters."}
EOF
mkdir "$T/files" && printf 'Turkey accused Greece of sheltering coup plotters.\n' >"$T/files/2016-07-24-$(printf '\033[2J\233')x.txt"
"$V" ingest -q --db "$T/h.db" "$T/h.jsonl" "$T/files"
for f in tsv table csv jsonl; do "$V" query --db "$T/h.db" -f $f >"$T/q.$f"; done
for f in csv jsonl gdelt plover; do "$V" export -q --db "$T/h.db" -f $f >"$T/x.$f"; done
for f in text tsv gdelt jsonl plover; do "$V" code -q -f $f "$T/h.jsonl" "$T/files" >"$T/c.$f"; done
"$V" segment -q -f text "$T/h.jsonl" "$T/files" >"$T/s.text"
# no output holds a control character other than newline (and tab between TSV fields, inside CSV
# quotes), and every byte is UTF-8
clean() { # FILE ALLOWED-CONTROLS
    python3 - "$1" "$2" <<'EOF'
import sys
b = open(sys.argv[1], 'rb').read()
s = b.decode('utf-8')                      # raises on a byte that is not UTF-8
allowed = {'\n'} | ({'\t'} if 't' in sys.argv[2] else set())
bad = [hex(ord(c)) for c in s if (ord(c) < 0x20 or 0x7f <= ord(c) <= 0x9f) and c not in allowed]
assert not bad and b, (sys.argv[1], bad[:5])
EOF
}
for f in q.table c.text s.text; do check "$f: no control character, valid UTF-8" clean "$T/$f" n; done
for f in q.tsv q.csv q.jsonl x.csv x.jsonl x.gdelt x.plover c.tsv c.gdelt c.jsonl c.plover; do
    check "$f: no control character but tab and newline, valid UTF-8" clean "$T/$f" t
done
check "query -f table/tsv/csv, code and segment -f text: ESC and BEL shown as U+FFFD, the rest of the id kept" \
    sh -c "for f in q.table q.tsv q.csv c.text s.text; do grep -q 'evil${R}]0;pwned${R}${R}\[2J' '$T/'\$f || exit 1; done"
check "a file name with ESC and the byte 0x9B (not UTF-8): U+FFFD for each" \
    sh -c "grep -q '2016-07-24-${R}\[2J${R}x.txt' '$T/q.tsv' && grep -q '2016-07-24-${R}\[2J${R}x.txt' '$T/c.text'"
check "TSV (query, code): every row has the header's number of fields" \
    sh -c "for f in q.tsv c.tsv; do [ \"\$(awk -F'\t' 'NR == 1 { n = NF } NF != n' '$T/'\$f | wc -l)\" = 0 ] && [ \$(wc -l <'$T/'\$f) = 6 ] || exit 1; done"
check "GDELT (export, code): 61 columns on every line, SOURCEURL's tab a space" \
    sh -c "for f in x.gdelt c.gdelt; do [ \"\$(awk -F'\t' 'NF != 61' '$T/'\$f | wc -l)\" = 0 ] && [ \$(wc -l <'$T/'\$f) = 5 ] || exit 1; done; grep -q 'https://x.example/a b${R}31m' '$T/x.gdelt'"
check "JSON Lines escapes the controls (DEL and C1 too) and gives back the exact ids" python3 - "$T" <<'EOF'
import json, sys
t = sys.argv[1]
want = {"evil\x1b]0;pwned\x07\x1b[2J", '=HYPERLINK("http://e.example","x")', "@SUM(1)\x7f", "-2+3"}
for name, key in (("q.jsonl", "doc"), ("x.jsonl", "doc"), ("x.plover", "doc"), ("c.jsonl", "doc")):
    raw = open(f"{t}/{name}", encoding="utf-8").read()
    assert "\\u001b" in raw and "\\u007f" in raw and "\\u0007" in raw, name
    docs = {json.loads(l)[key] for l in raw.splitlines()}
    assert want <= docs, (name, docs)
x = [json.loads(l) for l in open(f"{t}/x.jsonl", encoding="utf-8")]
assert any(r["url"] == "https://x.example/a\tb\x9b31m" for r in x)
assert "\\u009b" in open(f"{t}/x.jsonl", encoding="utf-8").read()
assert any("Greece\x1b[31m of" in r["evidence"] for r in x)
EOF
check "CSV: formula cells get a leading apostrophe, numbers stay numbers" python3 - "$T" <<'EOF'
import csv, sys
t = sys.argv[1]
for name in ("q.csv", "x.csv"):
    rows = list(csv.DictReader(open(f"{t}/{name}", encoding="utf-8", newline="")))
    docs = {r["doc"] for r in rows}
    assert {"'=HYPERLINK(\"http://e.example\",\"x\")", "'@SUM(1)\ufffd", "'-2+3"} <= docs, (name, docs)
    assert all(r["goldstein"] == "-2.0" for r in rows), name
    assert not any(v and v[0] in "=+-@\t\r" for r in rows for k, v in r.items() if k != "goldstein"), name
x = list(csv.DictReader(open(f"{t}/x.csv", encoding="utf-8", newline="")))
assert any(r["url"] == "'+cmd|' /C calc'!A0" for r in x), [r["url"] for r in x]
assert any(r["url"] == "https://x.example/a\tb\ufffd31m" for r in x)
EOF
check "the store keeps what the documents said (output changes, data does not)" \
    sh -c "'$V' query --db '$T/h.db' --sql \"SELECT count(*) FROM documents WHERE ext_id = 'evil' || char(27) || ']0;pwned' || char(7) || char(27) || '[2J'\" -f tsv | tail -n 1 | grep -qx 1"
run "$V" query --db "$T/h.db" -f table --sql "SELECT 1 AS \"$(printf '\033[2J')\""
check "query -f table: a --sql column name is sanitised too" sh -c "[ $rc = 0 ] && head -n 1 '$T/out' | grep -qx '${R}\[2J'"

echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
