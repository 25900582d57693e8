#!/bin/sh
# eval.sh — `make eval`: vigie eval on every gold set of ../shared/eval, and docs/ACCURACY.md
# rewritten from the results: a table per set and language (four levels, precision, recall, F1),
# with the dictionary version and the date; then the clause layer's subjects and objects scored on the
# Universal Dependencies test treebanks of ../shared/ud (vigie syntax --ud). Skips with a message
# when ../shared is absent.
set -e
B=${1:-build}
SHARED=${SHARED:-../shared}
OUT=${OUT:-docs/ACCURACY.md}
if [ ! -f "$SHARED/eval/score.py" ]; then
    echo "make eval: $SHARED/eval not found; docs/ACCURACY.md left as it is"
    exit 0
fi
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
for g in "$SHARED"/eval/*.jsonl "$SHARED"/eval/*/*.jsonl "$SHARED"/articles/*.jsonl; do
    [ -f "$g" ] || continue
    "$B/vigie" eval -q --json "$g" >>"$T/all.json"
done
# PETRARCH's unit-test records again, coded with PETRARCH's own validation dictionaries, imported
P="$SHARED/eval/petrarch"
if [ -f "$P/PETR.Validate.verbs.txt" ]; then
    "$B/vigie" dict import --from petrarch -o "$T/petr" "$P"/PETR.Validate.actors.txt "$P"/PETR.Validate.agents.txt \
        "$P"/PETR.Validate.verbs.txt "$P"/PETR.Validate.discards.txt 2>"$T/import.err" || true
    "$B/vigie" eval -q --json --dict "$T/petr" "$P/petr-unittest.jsonl" |
        sed 's/^{/{"label": "with the PETRARCH validation dictionaries, imported (vigie dict import --from petrarch)", /' >>"$T/all.json"
fi
# the clause layer against the UD test treebanks (French Sequoia and GSD, English EWT)
: >"$T/ud.json"
for u in "$SHARED"/ud/*-test.conllu; do
    [ -f "$u" ] || continue
    "$B/vigie" syntax --ud --json "$u" >>"$T/ud.json"
done
python3 - "$T/all.json" "$OUT" "$("$B/vigie" --version)" "$T/ud.json" <<'PY'
import json, sys, datetime, os
rows = [json.loads(l) for l in open(sys.argv[1])]
out, version = sys.argv[2], sys.argv[3]
ud = [json.loads(l) for l in open(sys.argv[4])]
dictv = rows[0]["dict"] if rows else "?"
L = ["# Accuracy", "",
     "Written by `make eval` (scripts/eval.sh): `vigie eval` on every gold set of ../shared/eval, scored",
     "as ../shared/eval/score.py scores (tests/eval.sh checks the two agree on every set). Do not edit:",
     "run `make eval` again.", "",
     "- %s, dictionaries %s, %s" % (version, dictv, datetime.date.today().isoformat()),
     "- levels: dyad+root (source[:3], target[:3], code[:2]), dyad+code (code[:3]), full (exact codes),",
     "  root-only (code[:2]); 040, 046 and 057 compared in either direction; optional gold events",
     "  neither count nor cost.", ""]
for r in rows:
    name = r["file"].split("/eval/", 1)[-1] + (", " + r["label"] if "label" in r else "")
    ex = r.get("exact", {})
    L += ["## %s" % name, "",
          "%d passages, %d gold events (optional ones aside), %d coded events." % (r["passages"], r["gold_events"], r["system_events"]),
          "Passages exactly right (every event, none false): %d at the full level (%.1f%%), %d at dyad+root." % (
              ex.get("full", 0), 100.0 * ex.get("full", 0) / max(r["passages"], 1), ex.get("dyad+root", 0)), "",
          "| lang | level | P | R | F1 | tp | fp | fn |", "|---|---|---|---|---|---|---|---|"]
    for lang, levels in r["scores"].items():
        for level, v in levels.items():
            L.append("| %s | %s | %.3f | %.3f | **%.3f** | %d | %d | %d |" % (lang, level, v["p"], v["r"], v["f1"], v["tp"], v["fp"], v["fn"]) if level == "dyad+root" else
                     "| %s | %s | %.3f | %.3f | %.3f | %d | %d | %d |" % (lang, level, v["p"], v["r"], v["f1"], v["tp"], v["fp"], v["fn"]))
    L.append("")
if ud:
    L += ["## The clause layer on Universal Dependencies treebanks", "",
          "`vigie syntax --ud` (src/eval/ud.c): each test sentence's text through vigie's tokenizer and the clause",
          "layer (src/syntax/), vigie tokens aligned to the treebank's words by byte offsets; a (verb, relation,",
          "dependent) triple is right when the treebank has it. Subjects: `nsubj` and `nsubj:pass` (the head of a",
          "copular clause is its predicate, as UD has it); objects: `obj`. Controlled and shared subjects are not",
          "scored (UD's basic trees have none).", "",
          "| treebank | lang | sentences | verb groups | relation | P | R | F1 | tp | fp | fn |",
          "|---|---|---|---|---|---|---|---|---|---|---|"]
    for u in ud:
        for rel, name in (("subj", "nsubj, nsubj:pass"), ("obj", "obj")):
            v = u[rel]
            L.append("| %s | %s | %d | %d | %s | %.3f | %.3f | %.3f | %d | %d | %d |" % (u["file"], u["lang"], u["sentences"], u["verbs"], name,
                     v["p"], v["r"], v["f1"], v["tp"], v["fp"], v["fn"]))
    L.append("")
open(out, "w").write("\n".join(L))
print("make eval: wrote %s (%d gold sets)" % (out, len(rows)))
for r in rows:
    a = r["scores"]["all"]["dyad+root"]
    print("  %-28s dyad+root P %.3f R %.3f F1 %.3f, %d of %d passages exactly right%s" % (r["file"].split("/eval/", 1)[-1], a["p"], a["r"], a["f1"],
          r.get("exact", {}).get("full", 0), r["passages"], " (imported PETRARCH dictionaries)" if "label" in r else ""))
for u in ud:
    print("  %-28s subjects P %.3f R %.3f, objects P %.3f R %.3f (clause layer)" % (u["file"], u["subj"]["p"], u["subj"]["r"], u["obj"]["p"], u["obj"]["r"]))
PY
