#!/bin/sh
# cli.sh — the vigie command as users run it: help and exit statuses, every input kind, diagnostics
# (tests/diag/*.stderr are exact), offsets that cut the original bytes, determinism.
# Prints "ok NAME" / "FAIL NAME" lines and ends with "N passed, N failed, N skipped".
BUILD=${BUILD:-build}
V="$BUILD/vigie"
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
pass=0; fail=0; skip=0
ok()   { echo "ok   $1"; pass=$((pass + 1)); }
bad()  { echo "FAIL $1${2:+: $2}"; fail=$((fail + 1)); }
check() { name=$1; shift; if "$@"; then ok "$name"; else bad "$name"; fi; }
status() { "$@" >"$T/out" 2>"$T/err"; echo $?; }

# ---- help, version, usage errors ----
check "help lists commands" sh -c "'$V' --help | grep -q '^  segment' && '$V' --help | grep -q '^  code'"
for c in segment code; do
    check "$c --help exits 0 on stdout" sh -c "'$V' $c --help >'$T/h' 2>'$T/e' && grep -q Usage '$T/h' && ! [ -s '$T/e' ]"
done
check "--version" sh -c "'$V' --version | grep -Eq '^vigie [0-9]+\.[0-9]+\.[0-9]+$'"
check "no command: usage, exit 2" [ "$(status "$V")" = 2 ]
check "unknown command: exit 2" [ "$(status "$V" frobnicate)" = 2 ]
check "bad option: exit 2 and a hint" sh -c "[ \$('$V' segment --nope 2>'$T/e' >/dev/null; echo \$?) = 2 ] && grep -q \"Try 'vigie segment --help'\" '$T/e'"
check "bad --lang: exit 2" [ "$(status "$V" segment --lang de examples/fr)" = 2 ]
check "missing data dir: exit 3" sh -c "[ \$('$V' segment --data /nonexistent examples/fr 2>'$T/e' >/dev/null; echo \$?) = 3 ] && grep -q 'language data' '$T/e'"

# ---- inputs ----
seg() { "$V" segment "$@" 2>"$T/err"; }
check "text file: exit 0, one summary" sh -c "'$V' segment examples/fr/2022-06-14-alger-rabat.txt >'$T/o' 2>'$T/e' && grep -q '1 read, 1 segmented, 0 skipped; 10 sentences' '$T/e' && [ \$(wc -l <'$T/e') = 1 ]"
check "directory: every file, sorted" sh -c "'$V' segment examples/en >'$T/o' 2>'$T/e' && grep -q '5 read, 5 segmented' '$T/e' && cut -d, -f1 '$T/o' | uniq | sort -c"
check "stdin text" sh -c "printf 'Le ministre est parti. Il reviendra.' | '$V' segment 2>/dev/null | grep -c '\"doc\":\"-\"' | grep -qx 2"
check "stdin JSON Lines sniffed" sh -c "printf '{\"id\":\"s1\",\"text\":\"The talks failed. Both sides left.\"}\n' | '$V' segment 2>/dev/null | grep -c '\"doc\":\"s1\"' | grep -qx 2"
check "--input jsonl on a .txt name" sh -c "printf '{\"id\":\"j\",\"text\":\"Ok.\"}\n' >'$T/x.txt' && '$V' segment --input jsonl '$T/x.txt' 2>/dev/null | grep -q '\"doc\":\"j\"'"
check "--input text keeps a { document" sh -c "printf '{not json} Le ministre est parti.' >'$T/y.jsonl' && '$V' segment --input text --lang fr '$T/y.jsonl' 2>/dev/null | grep -q 'not json'"

# ---- diagnostics: exact stderr, exit 1, good records kept ----
for f in tests/diag/*.jsonl; do
    name=$(basename "$f" .jsonl)
    rc=$(status "$V" segment "$f")
    if [ "$rc" = 1 ] && diff -u "tests/diag/$name.stderr" "$T/err" >"$T/diff"; then ok "diag $name"
    else bad "diag $name" "exit $rc"; cat "$T/diff"; fi
done
check "diag: good records still written" sh -c "'$V' segment tests/diag/mixed.jsonl 2>/dev/null | grep -c '\"sentence\"' | grep -qx 7"
check "missing file: named, run goes on, exit 1" sh -c "[ \$('$V' segment /nonexistent/a.txt examples/fr/2022-06-14-alger-rabat.txt >'$T/o' 2>'$T/e'; echo \$?) = 1 ] && grep -q '/nonexistent/a.txt: skipped: cannot open: No such file' '$T/e' && grep -q '2 read, 1 segmented, 1 skipped (1 unreadable)' '$T/e' && [ -s '$T/o' ]"

# a 50 MB line: skipped without holding it, the next record still read
python3 - "$T/big.jsonl" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write('{"id": "first", "text": "Le sommet a eu lieu."}\n')
    f.write('{"id": "big", "text": "' + "a" * (50 << 20) + '"}\n')
    f.write('{"id": "after", "text": "The summit ended."}\n')
PY
check "50 MB line skipped, run goes on" sh -c "[ \$('$V' segment '$T/big.jsonl' >'$T/o' 2>'$T/e'; echo \$?) = 1 ] && grep -q 'big.jsonl:2: skipped: line over VG_MAX_LINE_BYTES' '$T/e' && grep -q '\"doc\":\"after\"' '$T/o' && grep -q '3 read, 2 segmented, 1 skipped (1 over a limit)' '$T/e'"

# invalid UTF-8 in a text file: counted, not fatal; output stays valid UTF-8
printf 'Le pr\351sident a parl\351. Il est parti.' >"$T/latin1.txt"
check "invalid UTF-8 in text: counted, output valid" sh -c "'$V' segment --lang fr '$T/latin1.txt' >'$T/o' 2>'$T/e' && grep -q '2 invalid UTF-8 bytes' '$T/e' && python3 -c 'import sys; [__import__(\"json\").loads(l) for l in open(sys.argv[1], encoding=\"utf-8\")]' '$T/o'"

# ---- output ----
check "offsets cut the original bytes" python3 - "$V" <<'PY'
import json, subprocess, sys, glob
ok = True
for path in sorted(glob.glob("examples/*/*.txt")):
    raw = open(path, "rb").read()
    out = subprocess.run([sys.argv[1], "segment", "-t", path], capture_output=True, check=True).stdout
    for line in out.decode().splitlines():
        s = json.loads(line)
        assert list(s)[:6] == ["doc", "sentence", "start", "end", "text", "lang"], list(s)
        ok &= raw[s["start"]:s["end"]].decode() == s["text"]
        for a, b, key, kind in s["tokens"]:
            ok &= s["start"] <= a < b <= s["end"] and kind in ("word", "num", "date", "punct", "sym")
sys.exit(0 if ok else 1)
PY
check "same input, same bytes" sh -c "'$V' segment -t examples >'$T/a' 2>/dev/null; '$V' segment -t examples >'$T/b' 2>/dev/null; cmp -s '$T/a' '$T/b'"
check "text format for people" sh -c "'$V' segment -f text examples/fr/2022-06-14-alger-rabat.txt 2>/dev/null | grep -q '#0 fr \['"

# ---- coding ----
check "code --help" sh -c "'$V' code --help | grep -q -- '--format'"
check "codes lists the codebook" sh -c "'$V' codes | grep -q '^196	19	4	-9.5	Violate ceasefire$' && [ \$('$V' codes | wc -l) -gt 300 ]"
check "code: events as JSON Lines" sh -c "'$V' code examples/sample.jsonl >'$T/ev' 2>'$T/e' && grep -q '10 read, 10 coded, 0 skipped' '$T/e' && python3 -c 'import json,sys; ev=[json.loads(l) for l in open(sys.argv[1])]; assert ev and all(set(\"doc sentence source target code root quad goldstein date place country lat lon source_text target_text trigger_text\".split()) <= set(e) for e in ev)' '$T/ev'"
check "code -j 2 writes the same bytes as -j 1" sh -c "'$V' code -q -j 1 examples >'$T/j1' && '$V' code -q -j 2 examples >'$T/j2' && cmp -s '$T/j1' '$T/j2' && [ -s '$T/j1' ]"
check "code --format gdelt: 61 columns on every line" sh -c "'$V' code -q -f gdelt examples >'$T/g' && [ -s '$T/g' ] && awk -F'\t' 'NF != 61 { bad = 1 } END { exit bad }' '$T/g'"
check "code --format gdelt: names in upper case beyond ASCII" sh -c "printf '%s\\n' 'Le ministre turc Mevlüt Çavuşoğlu a rencontré Sergueï Lavrov à Moscou.' | '$V' code -q -l fr -f gdelt - | cut -f7 | grep -qx 'MINISTRE TURC MEVLÜT ÇAVUŞOĞLU'"
check "code --format tsv: a header and a constant column count" sh -c "'$V' code -q -f tsv examples >'$T/t' && head -1 '$T/t' | grep -q '^doc	sentence	source' && awk -F'\t' 'NR == 1 { n = NF } NF != n { bad = 1 } END { exit bad }' '$T/t'"
check "code: bad -j is a usage error" [ "$(status "$V" code -j 0 examples)" = 2 ]

# ---- dict stats: the dictionaries' contents, and the codes each language has no pattern for ----
"$V" dict stats >"$T/ds" 2>"$T/dse"; rc=$?
ncodes=$(( $("$V" codes | wc -l) - 1 ))
check "dict stats: both languages, with patterns, actors and countries" sh -c "[ $rc = 0 ] && grep -Eq '^fr	trigger_patterns	[1-9]' '$T/ds' && grep -Eq '^en	trigger_patterns	[1-9]' '$T/ds' && grep -Eq '^en	countries	[1-9][0-9][0-9]' '$T/ds' && grep -Eq '^fr	actors_with_dated_roles	[1-9]' '$T/ds' && grep -Eq '^fr	people_entries	[1-9]' '$T/ds'"
check "dict stats: codes with and without a pattern add up to the codebook, and the list says which" python3 -c "
rows = [l.rstrip('\n').split('\t') for l in open('$T/ds')][1:]
d = {(a, b): c for a, b, c in rows}
for lang in ('fr', 'en'):
    w, wo = int(d[(lang, 'cameo_codes_with_pattern')]), int(d[(lang, 'cameo_codes_without_pattern')])
    assert w + wo == $ncodes, (lang, w, wo)
    assert len(d[(lang, 'codes_without_pattern')].split()) == wo
"
# --exercised: the patterns no coded passage fires; a passage that fires one counts one fewer
printf '{"id":"n","lang":"en","text":"The weather was mild on Tuesday."}\n' >"$T/calm.jsonl"
printf 'example one condolence\n@date 2023-02-08\nThe Emir of Qatar offered his condolences to the Turkish president.\n.\nQATGOV TURGOV 018\nend\n' >"$T/code-one-en.txt"
unex() { "$V" dict stats --exercised "$@" 2>/dev/null | awk -F'\t' '$1 == "en" && $2 == "trigger_patterns_unexercised" { print $3 }'; }
n0=$(unex "$T/calm.jsonl"); n1=$(unex "$T/calm.jsonl" "$T/code-one-en.txt")
check "dict stats --exercised: a case that fires a pattern leaves one fewer unexercised" sh -c "[ -n '$n0' ] && [ \$(( $n0 - ${n1:-0} )) = 1 ]"
printf '{"id":"c","lang":"en","text":"The Emir of Qatar offered his condolences to the Turkish president."}\n' >"$T/one.jsonl"
check "dict stats --exercised: JSON Lines passages count as cases do" [ "$(unex "$T/one.jsonl")" = "$n1" ]
check "dict stats: no unexercised line without --exercised" sh -c "! grep -q unexercised '$T/ds'"
check "dict stats --exercised without a file: usage error" [ "$(status "$V" dict stats --exercised)" = 2 ]
check "dict stats: every ISO 3166-1 country of iso-codes named in both languages; people and organisations counted apart" python3 -c "
rows = [l.rstrip('\n').split('\t') for l in open('$T/ds')][1:]
m = {(r[0], r[1]): r[2] for r in rows}
for lang in ('fr', 'en'):
    assert int(m[(lang, 'iso3166_countries')]) >= 249, m[(lang, 'iso3166_countries')]
    assert m[(lang, 'iso3166_named')] == m[(lang, 'iso3166_countries')] and m[(lang, 'iso3166_without_name')] == ''
    assert int(m[(lang, 'people_entries')]) >= 3000 and int(m[(lang, 'organisations_entries')]) > 100
"
# ---- dict lint and lookup ----
"$V" dict lint >"$T/lint" 2>"$T/linte"; rc=$?
check "dict lint: the project's dictionaries are clean" sh -c "[ $rc = 0 ] && [ ! -s '$T/lint' ] && grep -q '0 findings' '$T/linte'"
mkdir -p "$T/ld" && cp -r data/dict/. "$T/ld/"
n_act=$(grep -c '' "$T/ld/actors.txt")
printf 'Zorglub Quux\tXQZGOV 2001-01-01..\nAnna Example\tFRAGOV 2010-01-01..2014-12-31, FRALEG 2012-01-01..2016-12-31\nSergueï Lavrov\tUKRGOV\n' >>"$T/ld/actors.txt"
n_trg=$(grep -c '' "$T/ld/en/triggers.txt")
printf '112\t{S} accuse {T}\n111\t{S} accuse {T}\n' >>"$T/ld/en/triggers.txt"
"$V" dict lint --dict "$T/ld" >"$T/lint2" 2>/dev/null; rc=$?
check "dict lint: unknown code, overlapping roles, a phrase and a pattern written twice, each at its file:line" sh -c "[ $rc = 1 ] &&
  grep -q 'actors.txt:$((n_act + 1)): unknown actor code XQZGOV' '$T/lint2' &&
  grep -q 'actors.txt:$((n_act + 2)): roles FRAGOV and FRALEG overlap (2012-01-01..2014-12-31)' '$T/lint2' &&
  grep -q 'actors.txt:$((n_act + 3)): \"Sergueï Lavrov\" is never matched: actors.txt:[0-9]* has it first, as RUSGOV' '$T/lint2' &&
  grep -q 'triggers.txt:$((n_trg + 1)): the pattern is written already at triggers.txt:[0-9]*' '$T/lint2' &&
  grep -q 'triggers.txt:$((n_trg + 2)): the pattern never codes 111: triggers.txt:[0-9]* has it first, as 112' '$T/lint2'"
printf 'RUS\tnom\tRussie\n' >>"$T/ld/fr/countries.txt"
"$V" dict lint --dict "$T/ld" >"$T/lint3" 2>/dev/null; rc=$?
check "dict lint: a line the loader refuses is a finding, with its file:line" sh -c "[ $rc = 1 ] && grep -q 'fr/countries.txt:[0-9]*: unknown kind' '$T/lint3'"
"$V" dict lookup -l fr "Le ministre Sergueï Lavrov a accusé Washington." >"$T/lk"; rc=$?
check "dict lookup: people, agents, capitals and verb patterns, with their entry and file:line" sh -c "[ $rc = 0 ] &&
  grep -q '^12	27	Sergueï Lavrov	person	RUSGOV	Sergueï Lavrov	.*/actors.txt:[0-9]*$' '$T/lk' &&
  grep -q '	ministre	agent	GOV	ministre	.*/fr/agents.txt:[0-9]*$' '$T/lk' &&
  grep -q '	Washington	capital	USA	' '$T/lk' &&
  grep -q '	accusé	verb pattern	112	{S} accuser {T}	.*/fr/triggers.txt:[0-9]*$' '$T/lk'"
check "dict lookup: text on standard input, a wrong --lang is a usage error" sh -c "echo 'Putin met Erdogan.' | '$V' dict lookup -l en | grep -q '	Putin	person	RUSGOV	' && '$V' dict lookup -l de x 2>/dev/null; [ \$? = 2 ]"
check "dict: an unknown subcommand is a usage error" [ "$(status "$V" dict frobnicate)" = 2 ]
check "dict --help" sh -c "'$V' dict --help | grep -q 'Usage: vigie dict stats'"
check "dict import --help" sh -c "'$V' dict import --help | grep -q 'vigie dict import --from petrarch'"
check "dict import: an unknown format is a usage error" [ "$(status "$V" dict import --from tabari -o "$T/x" tests/data/petrarch/demo.verbs.txt)" = 2 ]
check "dict import: a missing file is named" sh -c "'$V' dict import --from petrarch -o '$T/x' /nonexistent.verbs.txt 2>&1 >/dev/null | grep -q '/nonexistent.verbs.txt: cannot open'"
check "dict import: a missing file is exit 3" [ "$(status "$V" dict import --from petrarch -o "$T/x" /nonexistent.verbs.txt)" = 3 ]
"$V" dict import --from petrarch -o "$T/petr" tests/data/petrarch/*.txt 2>"$T/petr.err"; rc=$?
check "dict import: exit 1, the unconverted entries on stderr, a summary that counts them" sh -c "[ $rc = 1 ] && [ \$(grep -c ': not converted: ' '$T/petr.err') = 7 ] && tail -n 1 '$T/petr.err' | grep -q ', 6 not converted; written to '"
check "code --dict: the imported dictionary codes, dated roles by the document's date" sh -c "
  printf '{\"id\":\"a\",\"date\":\"1995-06-01\",\"text\":\"Rufus Firefly visited Sylvania.\"}\n' | '$V' code -q -l en --dict '$T/petr' -f tsv - | cut -f3-5 | tail -n +2 | sort | tr '\n' ' ' | grep -qx 'FREGOV	SYL	032 SYL	FREGOV	033 '"
check "code --dict: a directory that is not there is named, exit 3" sh -c "echo x | '$V' code --dict /nonexistent/d - 2>&1 | grep -q 'dictionary directory /nonexistent/d not found'; echo x | '$V' code --dict /nonexistent/d - 2>/dev/null; [ \$? = 3 ]"

# ---- issue 16: evidence of implied countries; short passages full of names keep their language ----
check "code: an actor named without a country says where its country came from" sh -c "
  printf '{\"id\":\"i\",\"lang\":\"en\",\"date\":\"2023-01-19\",\"text\":\"Hundreds of nurses marched in Accra.\"}\n' | '$V' code -q - | grep -q '\"implied\":\"source GHA from the place of the event\"'"
check "code -f text: the implied country is printed with the event" sh -c "
  printf '{\"id\":\"i\",\"lang\":\"en\",\"date\":\"2023-01-19\",\"text\":\"Hundreds of nurses marched in Accra.\"}\n' | '$V' code -q -f text - | grep -q 'country: source GHA from the place of the event'"
check "langid: a short English passage full of African names is coded, not skipped as another language" sh -c "
  printf '{\"id\":\"k\",\"text\":\"Malawi, Zambia and Mozambique signed a trade pact with Zimbabwe.\"}\n' | '$V' code -f tsv - 2>'$T/k.err' | cut -f3-5 | grep -q 'MWI	ZWE	057' && grep -q '1 read, 1 coded, 0 skipped' '$T/k.err'"
check "langid: a Spanish passage is still skipped, and said so" sh -c "
  printf '{\"id\":\"s\",\"text\":\"El gobierno de Chile y la oposición firmaron un acuerdo en Santiago con la Unión Europea.\"}\n' | '$V' code - 2>'$T/s.err' >/dev/null; [ \$? = 1 ] && grep -q 'record \"s\": skipped: language: es' '$T/s.err'"

echo "$pass passed, $fail failed, $skip skipped"
