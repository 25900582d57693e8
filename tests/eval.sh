#!/bin/sh
# eval.sh — `vigie eval` agrees with ../shared/eval/score.py, number for number, on every shared gold
# file: for each file, `vigie eval --json` is compared with score.py run on `vigie code`'s output
# (every language, every level: tp, fp, fn, P, R, F1). Then the error listing, on the seed: every
# error named with its evidence and the dictionary line that fired. Skips with a message when
# ../shared is absent. Prints "ok NAME" / "FAIL NAME" / "skip NAME" and ends with the counts.
BUILD=${BUILD:-build}
SHARED=${SHARED:-../shared}
V="$BUILD/vigie"
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
pass=0; fail=0; skip=0
ok()   { echo "ok   $1"; pass=$((pass + 1)); }
bad()  { echo "FAIL $1${2:+: $2}"; fail=$((fail + 1)); }
check() { name=$1; shift; if "$@"; then ok "$name"; else bad "$name"; fi; }

check "eval --help" sh -c "'$V' eval --help | grep -q 'Usage: vigie eval'"
check "eval without a gold file is a usage error" sh -c "'$V' eval 2>/dev/null; [ \$? = 2 ]"
printf '{"id":"g1","lang":"fr","text":"Le ministre a accusé Moscou.","events":[{"source":"FRAGOV","target":"RUS","code":"112"},{"source":"FRA","target":"RUS","code":"040","optional":true}]}\n{"id":"g2","lang":"en","text":"Nothing happened.","events":[]}\n{"id":"g3","lang":"en","text":"x","events":[{"source":"A"' >"$T/bad.jsonl"
"$V" eval --json "$T/bad.jsonl" >"$T/bad.out" 2>"$T/bad.err"; rc=$?
check "eval: a damaged gold line is skipped with its reason, the others scored" sh -c "[ $rc = 1 ] && grep -q 'bad.jsonl:3' '$T/bad.err' && grep -q '\"passages\": 2' '$T/bad.out'"

# PLOVER output: one record per event, with the event type of its CAMEO code
"$V" code -q examples/web >"$T/ev.jsonl"
"$V" code -q -f plover examples/web >"$T/pl.jsonl"
check "code -f plover: one PLOVER record per event, types from the CAMEO code" python3 -c "
import json
ev = [json.loads(l) for l in open('$T/ev.jsonl')]; pl = [json.loads(l) for l in open('$T/pl.jsonl')]
assert len(ev) == len(pl) > 0
for e, p in zip(ev, pl):
    assert p['cameo'] == e['code'] and p['actor1'] == e['source'] and p['actor2'] == e['target']
    assert p['event'] in ('AGREE','CONSULT','SUPPORT','COOPERATE','AID','CONCEDE','RETREAT','ACCUSE','DEMAND','REJECT','THREATEN','PROTEST','MOBILIZE','SANCTION','COERCE','ASSAULT', None)
    if e['code'].startswith('19'): assert p['event'] == 'ASSAULT'
    if e['code'].startswith('11'): assert p['event'] == 'ACCUSE'
"
"$V" ingest -q --db "$T/p.db" examples/web
"$V" export -q --db "$T/p.db" -f plover >"$T/px.jsonl"
check "export -f plover: the store's events as PLOVER records" python3 -c "
import json
rs = [json.loads(l) for l in open('$T/px.jsonl')]
assert rs and all(r['cameo'] and 'event' in r and r['date'] for r in rs)
"

# the clause layer against the UD test treebanks: sane figures, not a timing
check "syntax --help" sh -c "'$V' syntax --help | grep -q 'Usage: vigie syntax'"
check "syntax --ud without a treebank is a usage error" sh -c "'$V' syntax --ud 2>/dev/null; [ \$? = 2 ]"
printf 'Le ministre a condamné l%sattaque.\n' "'" | "$V" syntax -l fr >"$T/syn.out"
check "syntax: subject and object of a French verb" grep -q "^verb condamné.*subj ministre (own).*obj attaque" "$T/syn.out"
ud=$(ls "$SHARED"/ud/*-test.conllu 2>/dev/null)
if [ -n "$ud" ]; then
    for u in $ud; do
        "$V" syntax --ud --json "$u" >"$T/ud.json" 2>"$T/ud.err"
        check "syntax --ud $(basename "$u"): subjects and objects recalled and right (> 0.3), words aligned" python3 -c "
import json
r = json.loads(open('$T/ud.json').read())
assert r['sentences'] > 100 and r['unaligned'] * 20 < r['sentences'], r
for rel in ('subj', 'obj'):
    assert r[rel]['r'] > 0.3 and r[rel]['p'] > 0.3, (rel, r[rel])
"
    done
else
    echo "skip syntax --ud: $SHARED/ud absent"; skip=$((skip + 1))
fi

if [ ! -f "$SHARED/eval/score.py" ]; then
    echo "skip eval agreement: $SHARED/eval not found"; skip=$((skip + 1))
    echo "$pass passed, $fail failed, $skip skipped"; [ "$fail" -eq 0 ]; exit
fi
cat >"$T/agree.py" <<'EOF'
import json, re, sys
mine = json.loads(open(sys.argv[1]).read())
theirs = {}
for line in open(sys.argv[2]):
    m = re.match(r"(\S+)\s+(dyad\+root|dyad\+code|full|root-only)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+(\d+)\s+(\d+)\s+(\d+)$", line.strip())
    if m:
        theirs[(m[1], m[2])] = (float(m[3]), float(m[4]), float(m[5]), int(m[6]), int(m[7]), int(m[8]))
assert theirs, "score.py printed no table"
seen = 0
for lang, levels in mine["scores"].items():
    for level, v in levels.items():
        t = theirs[(lang, level)]
        assert (v["tp"], v["fp"], v["fn"]) == t[3:], (lang, level, v, t)
        assert all(abs(a - b) < 0.0006 for a, b in zip((v["p"], v["r"], v["f1"]), t[:3])), (lang, level, v, t)
        seen += 1
assert seen == len(theirs), (seen, len(theirs))
EOF
for g in "$SHARED"/eval/*.jsonl "$SHARED"/eval/*/*.jsonl "$SHARED"/articles/*.jsonl; do
    [ -f "$g" ] || continue
    name=$(basename "$g")
    "$V" eval -q --json "$g" >"$T/mine.json"
    "$V" code -q "$g" >"$T/sys.jsonl"
    python3 "$SHARED/eval/score.py" "$g" "$T/sys.jsonl" >"$T/theirs.txt"
    check "eval agrees with score.py on $name" python3 "$T/agree.py" "$T/mine.json" "$T/theirs.txt"
done

# the error listing on the seed: each FP and FN, with evidence and the line of the dictionary
S="$SHARED/eval/seed-gold.jsonl"
"$V" eval -q --errors "$S" >"$T/err.txt"
"$V" eval -q --json "$S" >"$T/seed.json"
n_fp=$(python3 -c "import json; print(json.load(open('$T/seed.json'))['scores']['all']['dyad+root']['fp'])")
n_fn=$(python3 -c "import json; print(json.load(open('$T/seed.json'))['scores']['all']['dyad+root']['fn'])")
check "eval --errors: one FP line per false event, one FN line per missed one" sh -c "[ \$(grep -c '^FP ' '$T/err.txt') = $n_fp ] && [ \$(grep -c '^FN ' '$T/err.txt') = $n_fn ] && [ $((n_fp + n_fn)) -gt 0 ]"
"$V" eval -q --errors --level full "$S" >"$T/errfull.txt"
check "eval --errors --level full: false events name the dictionary file:line that fired, and their sentence" sh -c "[ \$(grep -c '^FP ' '$T/errfull.txt') -gt 0 ] && ! grep '^FP ' '$T/errfull.txt' | grep -vq 'fired: .*\.txt:[0-9]' && [ \$(grep -c '^   sentence: \"' '$T/errfull.txt') = \$(grep -c '^FP ' '$T/errfull.txt') ]"
check "eval --errors: missed events quote their passage" sh -c "[ \$(grep -c '^   passage: \"' '$T/err.txt') = $n_fn ]"
check "eval --errors: the report still ends with F1 dyad+root" sh -c "tail -n 1 '$T/err.txt' | grep -q '^F1 dyad+root 0\.[0-9][0-9][0-9]$'"

# PETRARCH's own validation dictionaries, imported, code PETRARCH's unit-test records: at least 40%
# of the records exactly right (every event, with its full codes, and none false), text only
P="$SHARED/eval/petrarch"
"$V" dict import --from petrarch -o "$T/petr" "$P"/PETR.Validate.actors.txt "$P"/PETR.Validate.agents.txt \
    "$P"/PETR.Validate.verbs.txt "$P"/PETR.Validate.discards.txt 2>"$T/import.err"; rc=$?
check "dict import --from petrarch: exit 1, each entry not converted reported with file:line, then a summary" sh -c "
    [ $rc = 1 ] && [ \$(grep -c 'PETR.Validate.[a-z]*.txt:[0-9]*: not converted: ' '$T/import.err') -gt 0 ] &&
    tail -n 1 '$T/import.err' | grep -q 'entries read, [0-9]* converted, [0-9]* not converted'"
"$V" eval -q --json --dict "$T/petr" "$P/petr-unittest.jsonl" >"$T/petr.json"
check "imported PETRARCH dictionaries code >= 40% of petr-unittest exactly right" python3 -c "
import json
r = json.load(open('$T/petr.json'))
share = r['exact']['full'] / r['passages']
print('   petr-unittest exactly right: %d of %d (%.1f%%)' % (r['exact']['full'], r['passages'], 100 * share))
assert r['passages'] == 284 and share >= 0.40
"
"$V" code -q --dict "$T/petr" "$P/petr-unittest.jsonl" >"$T/petr-sys.jsonl"
python3 "$SHARED/eval/score.py" "$P/petr-unittest.jsonl" "$T/petr-sys.jsonl" >"$T/petr-theirs.txt"
check "eval agrees with score.py with an imported dictionary" python3 "$T/agree.py" "$T/petr.json" "$T/petr-theirs.txt"

echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
