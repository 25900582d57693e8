#!/usr/bin/env python3
"""Build a small, deterministic WARC/1.0 file from local HTML pages (test tool).

Usage:
    mkwarc.py OUT.warc.gz --url URL1 PAGE1 [--charset CS] --url URL2 PAGE2 ...
              [--truncate-last] [--plain] [--date ISO]

For every --url URL PAGE pair the file gets a `request` record followed by a
`response` record whose block is an HTTP/1.1 200 OK message carrying PAGE's
bytes unchanged.  An optional --charset right after a --url pair sets the
charset announced in that response's Content-Type header
("text/html; charset=CS"; default utf-8).  The page bytes are never re-encoded,
so a page and its announced charset can be made to disagree on purpose.

Record order:
    warcinfo
    request 1, response 1, metadata (refers to response 1)
    request 2, response 2
    ...

Output is one gzip member per record (the usual .warc.gz layout), or a plain
uncompressed WARC with --plain.  With --truncate-last the last record is cut
in half: its gzip member with the default layout, its raw bytes with --plain,
so that a reader must report a damaged record and still keep what came before.

Everything is deterministic: WARC-Record-IDs are urn:uuid values derived from
the record type and target URI with SHA-1, WARC-Dates start at --date
(default 2016-07-15T12:00:00Z) and advance by one second per record, and gzip
headers carry mtime 0.  Only the Python standard library is used.
"""

import argparse
import base64
import datetime
import gzip
import hashlib
import sys
from urllib.parse import urlsplit

CRLF = b"\r\n"
SOFTWARE = "vigie-tests-mkwarc/1.0"


def record_id(kind, uri):
    """Deterministic <urn:uuid:...> for a record of type KIND about URI."""
    h = bytearray(hashlib.sha1(("%s %s" % (kind, uri)).encode("utf-8")).digest()[:16])
    h[6] = (h[6] & 0x0F) | 0x50  # version 5 (name-based, SHA-1)
    h[8] = (h[8] & 0x3F) | 0x80  # RFC 4122 variant
    x = h.hex()
    return "<urn:uuid:%s-%s-%s-%s-%s>" % (x[:8], x[8:12], x[12:16], x[16:20], x[20:])


def sha1_digest(data):
    """WARC digest value: sha1:BASE32."""
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode("ascii")


def warc_date(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def http_date(t):
    days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    return "%s, %02d %s %04d %02d:%02d:%02d GMT" % (
        days[t.weekday()], t.day, months[t.month - 1], t.year,
        t.hour, t.minute, t.second)


def make_record(headers, block):
    """Serialise one WARC record: version line, headers, blank line, block, CRLFCRLF.

    HEADERS is a list of (name, value) pairs; Content-Length is appended here
    and is the exact byte length of BLOCK.
    """
    lines = [b"WARC/1.0"]
    for name, value in headers + [("Content-Length", str(len(block)))]:
        lines.append(("%s: %s" % (name, value)).encode("utf-8"))
    return CRLF.join(lines) + CRLF + CRLF + block + CRLF + CRLF


def warc_fields(pairs):
    """application/warc-fields body."""
    return b"".join(("%s: %s" % kv).encode("utf-8") + CRLF for kv in pairs)


def http_request(url):
    parts = urlsplit(url)
    target = parts.path or "/"
    if parts.query:
        target += "?" + parts.query
    lines = [
        "GET %s HTTP/1.1" % target,
        "Host: %s" % parts.netloc,
        "User-Agent: Mozilla/5.0 (compatible; %s)" % SOFTWARE,
        "Accept: text/html,application/xhtml+xml;q=0.9,*/*;q=0.8",
        "Accept-Language: fr,en;q=0.8",
        "Connection: close",
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("ascii")


def http_response(payload, charset, t):
    lines = [
        "HTTP/1.1 200 OK",
        "Date: %s" % http_date(t),
        "Server: nginx",
        "Content-Type: text/html; charset=%s" % charset,
        "Content-Length: %d" % len(payload),
        "Connection: close",
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("ascii") + payload


class AddPage(argparse.Action):
    """--url URL PAGE: append a page (charset defaults to utf-8)."""
    def __call__(self, parser, ns, values, option_string=None):
        ns.pages.append({"url": values[0], "path": values[1], "charset": "utf-8"})


class SetCharset(argparse.Action):
    """--charset CS: set the announced charset of the preceding --url page."""
    def __call__(self, parser, ns, values, option_string=None):
        if not ns.pages:
            parser.error("--charset must follow a --url URL PAGE pair")
        ns.pages[-1]["charset"] = values


def parse_args(argv):
    ap = argparse.ArgumentParser(
        description="Write a deterministic WARC/1.0 file (one gzip member per record) "
                    "from local HTML pages.")
    ap.add_argument("out", help="output file (e.g. OUT.warc.gz)")
    ap.add_argument("--url", nargs=2, metavar=("URL", "PAGE"), action=AddPage,
                    dest="pages", default=[], help="target URI and the local file served for it")
    ap.add_argument("--charset", action=SetCharset, metavar="CS",
                    help="charset announced for the preceding --url page (default utf-8)")
    ap.add_argument("--truncate-last", action="store_true",
                    help="cut the last record (gzip member) in half")
    ap.add_argument("--plain", action="store_true", help="write an uncompressed WARC")
    ap.add_argument("--date", default="2016-07-15T12:00:00Z",
                    help="WARC-Date of the first record, ISO form (default %(default)s)")
    ns = ap.parse_args(argv)
    if not ns.pages:
        ap.error("at least one --url URL PAGE is required")
    return ns


def build_records(pages, start, outname):
    """Return the list of serialised (uncompressed) records."""
    clock = [start]

    def tick():
        t = clock[0]
        clock[0] = t + datetime.timedelta(seconds=1)
        return t

    records = []
    info_block = warc_fields([
        ("software", SOFTWARE),
        ("format", "WARC File Format 1.0"),
        ("conformsTo", "http://bibnum.bnf.fr/WARC/WARC_ISO_28500_version1_latestdraft.pdf"),
        ("description", "vigie test fixture"),
        ("isPartOf", "vigie-tests"),
    ])
    records.append(make_record([
        ("WARC-Type", "warcinfo"),
        ("WARC-Date", warc_date(tick())),
        ("WARC-Filename", outname),
        ("WARC-Record-ID", record_id("warcinfo", outname)),
        ("Content-Type", "application/warc-fields"),
    ], info_block))

    for i, page in enumerate(pages):
        url = page["url"]
        with open(page["path"], "rb") as f:
            payload = f.read()
        req_id = record_id("request", url)
        resp_id = record_id("response", url)

        t = tick()
        req_block = http_request(url)
        records.append(make_record([
            ("WARC-Type", "request"),
            ("WARC-Target-URI", url),
            ("WARC-Date", warc_date(t)),
            ("WARC-Record-ID", req_id),
            ("WARC-Concurrent-To", resp_id),
            ("WARC-Warcinfo-ID", record_id("warcinfo", outname)),
            ("Content-Type", "application/http; msgtype=request"),
            ("WARC-Block-Digest", sha1_digest(req_block)),
        ], req_block))

        resp_block = http_response(payload, page["charset"], t)
        records.append(make_record([
            ("WARC-Type", "response"),
            ("WARC-Target-URI", url),
            ("WARC-Date", warc_date(tick())),
            ("WARC-Record-ID", resp_id),
            ("WARC-Concurrent-To", req_id),
            ("WARC-Warcinfo-ID", record_id("warcinfo", outname)),
            ("WARC-IP-Address", "192.0.2.%d" % (10 + i % 200)),
            ("Content-Type", "application/http; msgtype=response"),
            ("WARC-Block-Digest", sha1_digest(resp_block)),
            ("WARC-Payload-Digest", sha1_digest(payload)),
        ], resp_block))

        if i == 0:
            meta_block = warc_fields([
                ("via", "https://www.example.org/seeds"),
                ("hopsFromSeed", "L"),
                ("fetchTimeMs", "187"),
                ("outlinks", "0"),
            ])
            records.append(make_record([
                ("WARC-Type", "metadata"),
                ("WARC-Target-URI", url),
                ("WARC-Date", warc_date(tick())),
                ("WARC-Record-ID", record_id("metadata", url)),
                ("WARC-Refers-To", resp_id),
                ("WARC-Concurrent-To", resp_id),
                ("Content-Type", "application/warc-fields"),
            ], meta_block))
    return records


def main(argv=None):
    ns = parse_args(sys.argv[1:] if argv is None else argv)
    start = datetime.datetime.strptime(ns.date.replace("Z", ""), "%Y-%m-%dT%H:%M:%S")
    outname = ns.out.replace("\\", "/").rsplit("/", 1)[-1]
    records = build_records(ns.pages, start, outname)

    if ns.plain:
        chunks = list(records)
    else:
        chunks = [gzip.compress(r, compresslevel=9, mtime=0) for r in records]
    if ns.truncate_last:
        chunks[-1] = chunks[-1][:len(chunks[-1]) // 2]

    with open(ns.out, "wb") as f:
        for c in chunks:
            f.write(c)
    sys.stderr.write("%s: %d records, %d bytes%s\n" % (
        ns.out, len(records), sum(len(c) for c in chunks),
        " (last record truncated)" if ns.truncate_last else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
