#!/bin/sh
# memory.sh — what one huge record makes vigie hold (also `make bench-memory`): peak RSS of
# `vigie code` on 64 MiB of random bytes and on a 60 MiB news page (bench/mkcorpus --page), with
# 1 and 2 threads, measured by /usr/bin/time -v, and its ratio to the input's size. The bound is
# the one of src/core/limits.h (VG_DOC_MEM_RATIO, VG_WINDOW_BYTES); the aim is under 6x the input.
# Reports, does not assert: a record over its bound is skipped, and the summary line says so.
B=${1:-build}
mkdir -p "$B/bench"
[ -s "$B/bench/random-64m.bin" ] || head -c 64M /dev/urandom >"$B/bench/random-64m.bin"
[ -s "$B/bench/page-60m.html" ] || "$B/bench/mkcorpus" --page 60 >"$B/bench/page-60m.html"
if ! [ -x /usr/bin/time ]; then
    echo "  skipped: /usr/bin/time absent (Debian package time)"
    exit 0
fi
for f in random-64m.bin page-60m.html; do
    size=$(wc -c <"$B/bench/$f")
    for j in 1 2; do
        /usr/bin/time -v "$B/vigie" code -j $j "$B/bench/$f" >/dev/null 2>"$B/bench/memory.err"
        kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$B/bench/memory.err")
        summary=$(grep '^vigie: .* read, ' "$B/bench/memory.err" | sed 's/^vigie: //')
        awk -v f="$f" -v j="$j" -v kb="$kb" -v size="$size" -v s="$summary" 'BEGIN {
            printf "  %-15s -j %d: peak RSS %6.0f MB, %.1fx the input (%.0f MB); %s\n",
                   f, j, kb / 1024, kb * 1024 / size, size / 1048576, s }'
    done
done
rm -f "$B/bench/memory.err"
