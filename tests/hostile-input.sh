#!/bin/sh
# hostile-input.sh — inputs built to hang, swell or lose records (issue 17): directory loops made of
# symbolic links, a FIFO in a directory, \u0000 in ids and text, duplicate ids, feeds and WARC
# records lost to damage, gzip bombs. Every case builds its own small input in a temporary directory,
# runs vigie under timeout, and checks the exact messages, the exit status, and that the summary
# accounts for every record (read = done + skipped, skipped = the sum of its reasons).
# Prints "ok NAME" / "FAIL NAME" lines and ends with "N passed, N failed, N skipped".
BUILD=${BUILD:-build}
V=$(cd "$(dirname "$BUILD/vigie")" && pwd)/vigie
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
pass=0; fail=0; skip=0
ok()   { echo "ok   $1"; pass=$((pass + 1)); }
bad()  { echo "FAIL $1${2:+: $2}"; fail=$((fail + 1)); }
check() { name=$1; shift; if "$@"; then ok "$name"; else bad "$name"; fi; }
# run CMD ARGS…: vigie in $T under timeout (a hang is exit 124), stdout in $T/out, stderr in $T/err
run() { (cd "$T" && timeout 60 "$V" "$@" >out 2>err); echo $?; }
# exact NAME: the exit status was 1 and stderr is exactly the lines of $T/want (diff shown when not)
exact() {
    if [ "$rc" = 1 ] && diff -u "$T/want" "$T/err" >"$T/diff"; then ok "$1"; else bad "$1" "exit $rc"; cat "$T/diff"; fi
}
# adds_up: the summary's counts agree — read = done + skipped, skipped = the sum of its reasons
adds_up() {
    tail -n 1 "$T/err" | awk '{
        read = $2; done = $4; skipped = $6
        sum = 0; if (match($0, /skipped \([^)]*\)/)) { s = substr($0, RSTART + 9, RLENGTH - 10)
            n = split(s, parts, ", "); for (i = 1; i <= n; i++) { split(parts[i], w, " "); sum += w[1] } }
        ok = ($3 == "read,") && read == done + skipped && sum == skipped
        exit ok ? 0 : 1 }'
}
FR="Le ministre des Affaires étrangères a rencontré son homologue à Paris mardi."

# ---- 1. a directory walk with links back up the tree ----
mkdir -p "$T/d/sub"
printf '%s\n' "$FR" >"$T/d/a.txt"; printf '%s\n' "$FR" >"$T/d/sub/b.txt"
ln -s . "$T/d/s1"; ln -s . "$T/d/s2"      # each would make d/s1/s1/s1/… (two: endless, memory growing)
ln -s a.txt "$T/d/c.txt"; ln -s sub "$T/d/t"
rc=$(run segment d)
cat >"$T/want" <<'EOF'
vigie: d/c.txt: skipped: the same file as d/a.txt, read already
vigie: d/s1: skipped: a link back to d, which holds it (a loop): not followed
vigie: d/s2: skipped: a link back to d, which holds it (a loop): not followed
vigie: d/t: skipped: the same directory as d/sub, read already
vigie: 6 read, 2 segmented, 4 skipped (4 read already); 2 sentences
EOF
exact "walk: two links to . end, each reported once; a file and a directory met again are named; exit 1"
check "walk: the summary adds up (6 entries: 2 read, 4 skipped)" adds_up
check "walk: each file's sentences come out once" sh -c "[ \$(grep -c '\"doc\":\"d/a.txt\"' '$T/out') = 1 ] && [ \$(grep -c '\"doc\":\"d/sub/b.txt\"' '$T/out') = 1 ] && [ \$(wc -l <'$T/out') = 2 ]"
rm -rf "$T/d2"; mkdir "$T/d2"; printf '%s\n' "$FR" >"$T/d2/a.txt"; ln -s . "$T/d2/s1"
rc=$(run segment d2)
check "walk: one link to . no longer reads the file 32 times" sh -c "[ $rc = 1 ] && grep -qx 'vigie: 2 read, 1 segmented, 1 skipped (1 read already); 1 sentences' '$T/err'"
rc=$(run segment d2/a.txt d2)
check "walk: a file named and then met in a directory is read once" sh -c "[ $rc = 1 ] && grep -qx 'vigie: d2/a.txt: skipped: the same file as d2/a.txt, read already' '$T/err' && grep -q '^vigie: 3 read, 1 segmented, 2 skipped (2 read already)' '$T/err'"

# ---- 2. a FIFO in a directory; a FIFO named on the command line ----
mkdir "$T/f"; printf '%s\n' "$FR" >"$T/f/a.txt"; mkfifo "$T/f/p"
rc=$(run segment f)
cat >"$T/want" <<'EOF'
vigie: f/p: skipped: a FIFO: only regular files are read from a directory
vigie: 2 read, 1 segmented, 1 skipped (1 not a regular file); 1 sentences
EOF
exact "fifo: in a directory it is not opened (no hang), reported and counted, exit 1"
check "fifo: the summary adds up" adds_up
mkdir "$T/k"; printf '%s\n' "$FR" >"$T/k/a.txt"
python3 -c "import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])" "$T/k/sock"
rc=$(run segment k)
printf 'vigie: k/sock: skipped: a socket: only regular files are read from a directory\nvigie: 2 read, 1 segmented, 1 skipped (1 not a regular file); 1 sentences\n' >"$T/want"
exact "socket: in a directory it is not opened, reported and counted, exit 1"
mkfifo "$T/named"
(printf '%s\n' "$FR" >"$T/named" &)
rc=$(run segment named)
check "fifo: named on the command line it is read, as standard input is" sh -c "[ $rc = 0 ] && grep -qx 'vigie: 1 read, 1 segmented, 0 skipped; 1 sentences' '$T/err'"

# ---- 3. \u0000 in ids, other fields and the text ----
cat >"$T/nul.jsonl" <<EOF
{"id": "a\\u0000x", "text": "$FR"}
{"id": "a\\u0000y", "text": "$FR"}
{"id": "t", "text": "Le ministre a rencontré\\u0000son homologue à Paris mardi.", "lang": "fr"}
{"id": "u", "title": "x\\u0000", "text": "$FR"}
EOF
rc=$(run segment nul.jsonl)
cat >"$T/want" <<'EOF'
vigie: nul.jsonl:1: skipped: "id" holds \u0000 (U+0000) in the string at byte 8: only text and html may
vigie: nul.jsonl:2: skipped: "id" holds \u0000 (U+0000) in the string at byte 8: only text and html may
vigie: nul.jsonl:3: record "t": warning: 1 NUL character (U+0000) in the text, read as space
vigie: nul.jsonl:4: skipped: "title" holds \u0000 (U+0000) in the string at byte 22: only text and html may
vigie: 4 read, 1 segmented, 3 skipped (3 NUL in a field); 1 NUL character read as space; 1 sentences
EOF
exact "nul: ids a\\u0000x and a\\u0000y are refused, not merged; a NUL in the text is a space, said; exit 1"
check "nul: the summary adds up" adds_up
check "nul: the text with a NUL is segmented as one sentence, the NUL now a space" grep -q '"text":"Le ministre a rencontré son homologue à Paris mardi."' "$T/out"

printf 'Le ministre est parti\000 mardi.\n' >"$T/nul.txt"
rc=$(run segment --lang fr nul.txt)
check "nul: a NUL byte in a text file is a space, said, and the file is read (exit 0)" sh -c "[ $rc = 0 ] && grep -qx 'vigie: nul.txt: warning: 1 NUL character (U+0000) in the text, read as space' '$T/err' && grep -qx 'vigie: 1 read, 1 segmented, 0 skipped; 1 NUL character read as space; 1 sentences' '$T/err'"

# ---- 4. the same id twice in a run ----
cat >"$T/dup.jsonl" <<EOF
{"id": "x", "text": "$FR"}
{"id": 7, "text": "$FR"}
{"id": "x", "text": "Le ministre est parti."}
EOF
printf '{"id": "7", "text": "Le ministre est revenu."}\n' >"$T/dup2.jsonl"
rc=$(run segment dup.jsonl dup2.jsonl)
cat >"$T/want" <<'EOF'
vigie: dup.jsonl:3: record "x": skipped: duplicate id, first seen at dup.jsonl:1
vigie: dup2.jsonl:1: record "7": skipped: duplicate id, first seen at dup.jsonl:2
vigie: 4 read, 2 segmented, 2 skipped (2 duplicate id); 2 sentences
EOF
exact "duplicate id: the first keeps it, a later one is skipped naming where the first was; exit 1"
check "duplicate id: the summary adds up" adds_up
check "duplicate id: the first record's text is the one kept" sh -c "! grep -q 'est parti' '$T/out' && [ \$(grep -c '\"doc\":\"x\"' '$T/out') = 1 ]"

# ---- 5. feed items lost to damage ----
python3 - "$T" <<'EOF'
import sys
t = sys.argv[1]
ents = '<!ENTITY e0 "ha">' + ''.join('<!ENTITY e%d "%s">' % (i, ('&e%d;' % (i - 1)) * 10) for i in range(1, 10))
item = '<item><title>%s</title><link>https://feed.example/%d</link><description>%s</description></item>\n'
head = '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Flux</title>\n'
open(t + '/laughs.rss', 'w').write('<?xml version="1.0"?>\n<!DOCTYPE rss [' + ents + ']>\n'
    + '<rss version="2.0"><channel><title>Flux</title>\n'
    + item % ('Le ministre est parti', 1, '&e9;') + item % ('Le ministre est revenu', 2, 'Il est revenu mardi.')
    + '</channel></rss>\n')
open(t + '/cut.rss', 'w').write(head + item % ('Le ministre est parti', 1, 'Il est parti lundi.')
    + '<item><title>Le ministre est revenu</title><link>https://feed.example/2</link><description>Il est rev')
EOF
rc=$(run segment laughs.rss)
check "feed: an entity loop libxml2 stops loses 2 items, both counted and reported, exit 1" sh -c "[ $rc = 1 ] && grep -qx 'vigie: laughs.rss:1: skipped: feed item left unfinished by the damage, not read' '$T/err' && grep -qx 'vigie: laughs.rss:2: skipped: feed item after the point where the damage stopped the parser, not read' '$T/err' && grep -qx 'vigie: 2 read, 0 segmented, 2 skipped (2 damaged); 0 sentences' '$T/err' && grep -q '^vigie: laughs.rss: damaged feed, line [0-9]*: .*; kept 0 items, dropped 1 left unfinished and more not reached' '$T/err'"
check "feed: the summary adds up (entity loop)" adds_up
rc=$(run segment cut.rss)
check "feed: a feed cut inside its 2nd item keeps the 1st and counts the 2nd, exit 1" sh -c "[ $rc = 1 ] && grep -qx 'vigie: cut.rss:2: skipped: feed item left unfinished by the damage, not read' '$T/err' && grep -qx 'vigie: 2 read, 1 segmented, 1 skipped (1 damaged); 2 sentences' '$T/err'"
check "feed: the summary adds up (truncation)" adds_up

# ---- 6. WARC: a record with an absurd Content-Length, then a sound one ----
cat >"$T/mkwarc.py" <<'EOF'
import gzip, sys
# mkwarc.py OUT LENGTH: two response records, the first claiming LENGTH bytes of block
page = ('<html><head><title>T</title></head><body><article><p>Le ministre des Affaires étrangères a '
        'rencontré son homologue à Paris mardi pour parler de la crise.</p></article></body></html>')
def rec(uri, length=None):
    body = ('HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n' + page).encode()
    head = ('WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\nWARC-Date: 2016-07-15T08:00:00Z\r\n'
            'Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n'
            % (uri, len(body) if length is None else length)).encode()
    return head + body + b'\r\n\r\n'
recs = [rec('https://a.example/1', int(sys.argv[2])), rec('https://a.example/2')]
data = b''.join(gzip.compress(r) for r in recs) if sys.argv[1].endswith('.gz') else b''.join(recs)
open(sys.argv[1], 'wb').write(data)
EOF
for f in abs.warc abs.warc.gz; do
    python3 "$T/mkwarc.py" "$T/$f" 99999999999
    rc=$(run extract $f)
    case $f in *.gz) tail="; the rest of its gzip member is not read";; *) tail="";; esac
    printf 'vigie: %s: skipped: record 1 at byte 0: Content-Length 99999999999 over the record limit of 268435456 bytes%s\nvigie: 2 read, 1 extracted, 1 skipped (1 damaged); 1 documents\n' "$f" "$tail" >"$T/want"
    exact "warc ($f): an absurd Content-Length is reported and counted, exit 1"
    check "warc ($f): the sound record after it is read" sh -c "grep -q '\"id\": \"https://a.example/2\"' '$T/out'"
    check "warc ($f): the summary adds up" adds_up
done
python3 "$T/mkwarc.py" "$T/past.warc" 100000
rc=$(run extract past.warc)
check "warc: a Content-Length past the end of the file swallows no record" sh -c "[ $rc = 1 ] && grep -qx 'vigie: past.warc: skipped: record 1 at byte 0: Content-Length 100000 runs past the end of the file' '$T/err' && grep -qx 'vigie: 2 read, 1 extracted, 1 skipped (1 damaged); 1 documents' '$T/err'"
check "warc: the summary adds up (past the end)" adds_up
python3 "$T/mkwarc.py" "$T/past.warc.gz" 100000
rc=$(run extract past.warc.gz)
check "warc.gz: a Content-Length past its gzip member leaves the next member's record whole" sh -c "[ $rc = 1 ] && grep -qx \"vigie: past.warc.gz: skipped: record 1 at byte 0: Content-Length 100000 runs past the end of the record's gzip member\" '$T/err' && grep -qx 'vigie: 2 read, 1 extracted, 1 skipped (1 damaged); 1 documents' '$T/err'"

# ---- 7. gzip bombs: refused without inflating them whole ----
cat >"$T/mkbomb.py" <<'EOF'
import sys, zlib
# mkbomb.py OUT MB HEAD TAIL: gzip of HEAD, MB MiB of zeros, TAIL (one member); ~1 KB on disk a MiB
out, mb, head, tail = sys.argv[1], int(sys.argv[2]), sys.argv[3].encode(), sys.argv[4].encode()
c = zlib.compressobj(9, zlib.DEFLATED, 31)
parts = [c.compress(head)] + [c.compress(bytes(1 << 20)) for _ in range(mb)] + [c.compress(tail), c.flush()]
open(out, 'wb').write(b''.join(parts))
EOF
# JSON Lines: a line of 65 MiB of zeros (just over VG_MAX_DOC_BYTES, 64 MiB) stops the file there
python3 "$T/mkbomb.py" "$T/bomb.jsonl.gz" 65 "{\"id\": \"a\", \"text\": \"$FR\"}
{\"id\": \"b\", \"text\": \"" "\"}
{\"id\": \"c\", \"text\": \"$FR\"}
"
rc=$(run segment bomb.jsonl.gz)
cat >"$T/want" <<'EOF'
vigie: bomb.jsonl.gz:2: skipped: line over VG_MAX_DOC_BYTES (67108864 bytes) in gzip data: the rest of the file is not read (inflating on could be a decompression bomb's gigabytes)
vigie: 2 read, 1 segmented, 1 skipped (1 over a limit); 1 sentences
EOF
exact "bomb (.jsonl.gz, $(($(wc -c <"$T/bomb.jsonl.gz") / 1024)) KB): inflation stops past the limit, said, exit 1"
check "bomb (.jsonl.gz): the summary adds up" adds_up
# a line merely over VG_MAX_LINE_BYTES (16 MiB) in gzip is read through, as in a plain file
python3 "$T/mkbomb.py" "$T/long.jsonl.gz" 17 "{\"id\": \"a\", \"text\": \"$FR\"}
{\"id\": \"b\", \"text\": \"" "\"}
{\"id\": \"c\", \"text\": \"$FR\"}
"
rc=$(run segment long.jsonl.gz)
check "gzip: a 17 MiB line is skipped and the record after it read" sh -c "[ $rc = 1 ] && grep -qx 'vigie: long.jsonl.gz:2: skipped: line over VG_MAX_LINE_BYTES (16777216 bytes)' '$T/err' && grep -qx 'vigie: 3 read, 2 segmented, 1 skipped (1 over a limit); 2 sentences' '$T/err'"
# WARC: a member claiming 300 MB (over the 256 MiB record limit) and inflating to it; a sound
# record in the next member is still read, the bomb's member is passed over in its compressed bytes
python3 "$T/mkbomb.py" "$T/bomb.warc.gz" 260 "WARC/1.0
WARC-Type: resource
WARC-Target-URI: https://a.example/bomb
Content-Type: text/html
Content-Length: 300000000

" ""
python3 "$T/mkwarc.py" "$T/ok.warc.gz" 0 && python3 -c "
import gzip, sys
d = gzip.decompress(open(sys.argv[1], 'rb').read()); i = d.index(b'WARC/1.0', 1)
open(sys.argv[2], 'ab').write(gzip.compress(d[i:]))" "$T/ok.warc.gz" "$T/bomb.warc.gz"
rc=$(run extract bomb.warc.gz)
cat >"$T/want" <<'EOF'
vigie: bomb.warc.gz: skipped: record 1 at byte 0: Content-Length 300000000 over the record limit of 268435456 bytes; the rest of its gzip member is not read
vigie: 2 read, 1 extracted, 1 skipped (1 damaged); 1 documents
EOF
exact "bomb (.warc.gz, $(($(wc -c <"$T/bomb.warc.gz") / 1024)) KB): refused without inflating its member, said, exit 1"
check "bomb (.warc.gz): the sound record after it is read" grep -q '"id": "https://a.example/2"' "$T/out"
check "bomb (.warc.gz): the summary adds up" adds_up

echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
