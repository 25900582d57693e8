#!/bin/sh
# layers.sh — layers call downward only (README, Layout). Two checks a layer, each an "ok"/"FAIL" line:
#   includes  every #include "x.h" of src/<layer>/ names a header of its own layer or of a lower one;
#   calls     every function an object of $BUILD/obj/src/<layer>/ uses from another layer is defined
#             by a lower one (nm), which catches what the public header lets through: vigie.h is
#             everyone's, but vg_fold is the text layer's and core must not call it.
# Layers of one rank (export=store) are peers: neither includes nor calls the other. A folder
# of src/ missing from ORDER fails: a new layer takes its place here and in README's Layout.
# Ends with "N passed, N failed, N skipped" (skipped: calls, before a build).
BUILD=${BUILD:-build}
ORDER="core text dict syntax coder export=store extract ingest engine eval cli"
pass=0; fail=0; skip=0
ok()  { echo "ok   $1"; pass=$((pass + 1)); }
bad() { echo "FAIL $1"; fail=$((fail + 1)); }
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT

# rank of every layer: "layer rank" lines
r=0
for group in $ORDER; do
    for l in $(echo "$group" | tr '=' ' '); do echo "$l $r"; done
    r=$((r + 1))
done > "$T/rank"
rank() { awk -v l="$1" '$1 == l { print $2 }' "$T/rank"; }

for d in src/*/; do
    l=$(basename "$d")
    [ -n "$(rank "$l")" ] || bad "src/$l/ is in no layer: give it its place in ORDER and README's Layout"
done

# headers: "name layer rank"; a name two layers share is ambiguous (the -I order would pick one)
for h in src/*/*.h; do
    l=$(basename "$(dirname "$h")")
    echo "$(basename "$h") $l $(rank "$l")"
done | sort > "$T/hdr"
awk '{ n[$1]++; w[$1] = w[$1] " " $2 } END { for (h in n) if (n[h] > 1) print h ":" w[h] }' "$T/hdr" |
    while read -r dup; do echo "FAIL header in two layers: $dup"; done > "$T/dup"
if [ -s "$T/dup" ]; then cat "$T/dup"; fail=$((fail + $(wc -l < "$T/dup"))); fi

# a use by layer a of layer b is wrong when b is above a, or a peer of it
upward() { # stdin: "where layer rank what owner orank" -> the wrong ones
    awk '$2 != $5 && $6 >= $3'
}

# report KIND FILE: one line a layer, FILE holding its wrong uses ("where layer rank what owner orank")
report() {
    for l in $(awk '{ print $1 }' "$T/rank"); do
        [ -d "src/$l" ] || continue
        if awk -v l="$l" '$2 == l { found = 1 } END { exit !found }' "$2"; then
            bad "$1: $l uses a layer above or beside it"
            awk -v l="$l" -v k="$1" '$2 == l { printf "     %s: %s %s of %s\n", $1, k, $4, $5 }' "$2"
        else
            ok "$1: $l uses only itself and the layers below it"
        fi
    done
}

# includes: "file:line layer rank header owner orank" for every #include "x" of src/
grep -n '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' src/*/*.c src/*/*.cc src/*/*.h 2>/dev/null |
    awk -v rf="$T/rank" -v hf="$T/hdr" '
        FILENAME == rf { rank[$1] = $2; next }
        FILENAME == hf { own[$1] = $2; orank[$1] = $3; next }
        { split($0, p, ":"); split(p[1], dir, "/"); l = dir[2]
          h = $0; sub(/^[^"]*"/, "", h); sub(/".*/, "", h); sub(/.*\//, "", h)
          if (h in own) print p[1] ":" p[2], l, rank[l], h, own[h], orank[h] }' "$T/rank" "$T/hdr" - |
    upward > "$T/inc"
report includes "$T/inc"

# calls: the objects of src/ (not one left behind by a source that moved), what each defines, uses
objs=$(for l in $(awk '{ print $1 }' "$T/rank"); do
           for o in "$BUILD/obj/src/$l"/*.o; do
               s="src/$l/$(basename "${o%.o}")"
               if [ -f "$s.c" ] || [ -f "$s.cc" ]; then echo "$o"; fi
           done
       done)
if [ -z "$objs" ]; then
    echo "skip calls: no objects under $BUILD/obj/src (build first)"; skip=$((skip + 1))
else
    # nm -A lines start "path/<layer>/<name>.o:"; out: "src/<layer>/<name> <layer> <symbol>"
    where='{ split($1, f, ":"); n = split(f[1], d, "/"); sub(/\.o$/, "", d[n])
             print "src/" d[n - 1] "/" d[n], d[n - 1], $NF }'
    nm -A -g --defined-only $objs | awk "$where" > "$T/def"
    nm -A -u $objs | awk "$where" > "$T/use"
    awk -v rf="$T/rank" -v df="$T/def" '
        FILENAME == rf { rank[$1] = $2; next }
        FILENAME == df { owner[$3] = $2; next }
        ($3 in owner) { print $1, $2, rank[$2], $3, owner[$3], rank[owner[$3]] }' "$T/rank" "$T/def" "$T/use" |
        upward | sort -u > "$T/calls"
    report calls "$T/calls"
fi
echo "$pass passed, $fail failed, $skip skipped"
