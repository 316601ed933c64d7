#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# danelint lsp driven over pipes: initialize, diagnostics on open, change
# and close, protocol errors, framing errors and the exit status.
. "$TESTS_DIR/lib/e2e.sh"

repo=$work/repo
mkdir -p "$repo/zones" "$repo/zone files" && cd "$repo" && git init -q . ||
	exit 2
digest=8f4e2f8d6a6c3b4e0c7f7d2f36a9b1c5e3d2a1f0e9d8c7b6a5f4e3d2c1b0a9f8

# mail.test on disk has no MX or address, so an SOA RNAME in it gets
# soa-rname-undeliverable, and its own broken record must not show up in
# another document's diagnostics.
printf '%s\n' '$ORIGIN mail.test.' '$TTL 3600' \
	'@	IN SOA	ns1 hostmaster.other.test. ( 1 7200 3600 1209600 300 )' \
	'	IN NS	ns1' 'ns1	IN A	192.0.2.1' 'broken	IN A	1.2.3' \
	>zones/mail.test.zone
printf '[rule "tlsa-not-311"]\n\tseverity = error\n' >.danelint
printf '[rule "tlsa-not-311"]\n\tseverity = note\n' >"zone files/.danelint"

zone_header example.net. >"$work/clean.zone"
{
	cat "$work/clean.zone"
	printf '_25._tcp.mx1\tIN TLSA\t3 0 1 %s\n' "$digest"
	printf 'bad\tIN A\t300.1.1.1 ; caf\303\251 \360\237\230\200\n'
	# Signed by the name server, so tlsa-unsigned-zone stays quiet.
	zone_dnskey
} >"$work/bad.zone"
{
	printf '%s\n' '$ORIGIN example.net.' '$TTL 3600'
	printf '@\tIN SOA\tns1 hostmaster.mail.test. ( 1 7200 3600 1209600 300 )\n'
	printf '%s\n' '	IN NS	ns1' 'ns1	IN A	192.0.2.1'
} >"$work/rname.zone"

if ! timeout 300 python3 - "$DANELINT" "$repo" "$work" <<'PY'; then
import json
import os
import random
import sys
import traceback

sys.path.insert(0, os.path.join(os.environ["TESTS_DIR"], "lib"))
from lsp_client import Server, ServerError  # noqa: E402

danelint, repo, work = sys.argv[1:4]
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print("not ok: " + what, file=sys.stderr)


def text(name):
    with open(os.path.join(work, name), encoding="utf-8") as f:
        return f.read()


def open_doc(server, uri, content, version=1):
    server.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "dns", "version": version,
        "text": content}})
    return server.diagnostics(uri)


def codes(params):
    return sorted(d.get("code", "") for d in params["diagnostics"])


def protocol_session():
    server = Server(danelint, os.path.join(work, "stderr1"))

    # Requests before initialize are rejected; initialize then works.
    early = server.response(server.request("shutdown"))
    check(early.get("error", {}).get("code") == -32002,
          "request before initialize: %r" % early)
    init = server.response(server.request("initialize", {
        "processId": None, "rootUri": None, "capabilities": {}}))
    sync = init["result"]["capabilities"]["textDocumentSync"]
    check(sync["change"] == 1, "full document sync: %r" % sync)
    check(sync["openClose"] is True, "openClose: %r" % sync)
    check(sync["save"], "save: %r" % sync)
    server.notify("initialized", {})

    # A zone with problems: diagnostics with rule codes and ranges.
    uri = "file://" + repo + "/zones/example.net.zone"
    bad = text("bad.zone")
    params = open_doc(server, uri, bad)
    check(params.get("version") == 1, "version: %r" % params)
    check(codes(params) == ["tlsa-not-311", "tlsa-single-record",
                            "zone-syntax"], "codes: %r" % codes(params))
    lines = bad.split("\n")
    for d in params["diagnostics"]:
        check(d["source"] == "danelint", "source: %r" % d)
        if d["code"] == "tlsa-not-311":
            check(d["severity"] == 1, ".danelint severity: %r" % d)
            check(d["range"] == {
                "start": {"line": 7, "character": 0},
                "end": {"line": 7, "character": len(lines[7])}},
                "TLSA range: %r" % d["range"])
        if d["code"] == "zone-syntax":
            width = len(lines[8].encode("utf-16-le")) // 2
            check(d["severity"] == 1, "zone-syntax severity: %r" % d)
            check(d["range"]["start"] == {"line": 8, "character": 0},
                  "syntax range start: %r" % d["range"])
            check(d["range"]["end"] == {"line": 8, "character": width},
                  "syntax range end in UTF-16 units: %r" % d["range"])
            check("300.1.1.1" in d["message"], "message: %r" % d)

    # A change that fixes the problems empties the list.
    server.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": 2},
        "contentChanges": [{"text": text("clean.zone")}]})
    params = server.diagnostics(uri)
    check(params["diagnostics"] == [], "after fix: %r" % params)
    check(params.get("version") == 2, "version after change: %r" % params)

    # Saving reports on the saved text.
    server.notify("textDocument/didSave", {
        "textDocument": {"uri": uri}, "text": bad})
    check(len(server.diagnostics(uri)["diagnostics"]) == 3, "didSave")

    # A cross-zone rule finds mail.test on disk; mail.test's own broken
    # record stays out of this document's diagnostics.
    params = open_doc(server, uri, text("rname.zone"), 3)
    check(codes(params) == ["soa-rname-undeliverable"],
          "cross-zone: %r" % params)
    check(params["diagnostics"] and
          params["diagnostics"][0]["range"]["start"]["line"] == 2,
          "cross-zone line: %r" % params)

    # A percent-encoded URI: "zone files" has its own .danelint.
    spaced = "file://" + repo + "/zone%20files/example.net.zone"
    params = open_doc(server, spaced, bad)
    severities = [d["severity"] for d in params["diagnostics"]
                  if d["code"] == "tlsa-not-311"]
    check(severities == [3], "config of the decoded directory: %r" % params)

    # didClose clears the diagnostics.
    server.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    check(server.diagnostics(uri)["diagnostics"] == [], "didClose")

    # Bad JSON: Parse Error with id null, and the server goes on.
    server.send_raw(b"Content-Length: 11\r\n\r\n{\"id\": 1,,}")
    reply = server.read()
    check(reply.get("id", 0) is None and
          reply.get("error", {}).get("code") == -32700,
          "parse error: %r" % reply)

    # Unknown requests: Method Not Found. Unknown notifications: nothing.
    server.notify("$/unknownNotification", {"x": 1})
    server.notify("workspace/didChangeConfiguration", {"settings": {}})
    hover = server.request("textDocument/hover", {})
    reply = server.read()
    check(reply.get("id") == hover, "unknown notifications answered: %r"
          % reply)
    check(reply.get("error", {}).get("code") == -32601,
          "unknown method: %r" % reply)

    # Invalid requests: not an object, a method that is not a string.
    server.send({"jsonrpc": "2.0", "id": 99, "method": 5})
    reply = server.read()
    check(reply.get("id") == 99 and
          reply.get("error", {}).get("code") == -32600,
          "method not a string: %r" % reply)
    server.send([1, 2])
    reply = server.read()
    check(reply.get("error", {}).get("code") == -32600,
          "batch array: %r" % reply)

    # Framing errors: each gets an error response, then the next message
    # is read.
    for bad_header in (b"Content-Length: abc\r\n\r\n{}",
                       b"Content-Length: 99999999999999999999\r\n\r\n",
                       b"Content-Type: text/plain\r\n\r\n{}",
                       b"X" * 5000 + b"\r\n\r\n"):
        server.send_raw(bad_header)
        reply = server.read()
        check(reply.get("error", {}).get("code") == -32600,
              "bad header %r: %r" % (bad_header[:30], reply))
        ping = server.request("textDocument/hover", {})
        reply = server.response(ping)
        check(reply.get("error", {}).get("code") == -32601,
              "resync after %r: %r" % (bad_header[:30], reply))

    # An oversized body is rejected and skipped.
    size = 64 * 1024 * 1024 + 1
    server.send_raw(b"Content-Length: %d\r\n\r\n" % size)
    reply = server.read()
    check(reply.get("error", {}).get("code") == -32600 and
          "larger than" in reply["error"]["message"],
          "oversized body: %r" % reply)
    chunk = b" " * (1024 * 1024)
    for _ in range(64):
        server.send_raw(chunk)
    server.send_raw(b" ")
    ping = server.request("textDocument/hover", {})
    check(server.response(ping).get("error", {}).get("code") == -32601,
          "request after the oversized body")

    # shutdown, then exit: status 0.
    reply = server.response(server.request("shutdown"))
    check("result" in reply and reply["result"] is None,
          "shutdown: %r" % reply)
    after = server.response(server.request("textDocument/hover", {}))
    check(after.get("error", {}).get("code") == -32600,
          "request after shutdown: %r" % after)
    server.notify("exit")
    check(server.wait() == 0, "exit after shutdown: status 0")


def exit_without_shutdown():
    server = Server(danelint, os.path.join(work, "stderr2"))
    server.response(server.request("initialize", {"capabilities": {}}))
    server.notify("exit")
    check(server.wait() == 1, "exit without shutdown: status 1")

    server = Server(danelint, os.path.join(work, "stderr3"))
    server.response(server.request("initialize", {"capabilities": {}}))
    check(server.wait() == 1, "end of input without exit: status 1")


def hostile_input():
    """Mutated headers and bodies: the server answers or skips each, and
    still answers a request afterwards."""
    server = Server(danelint, os.path.join(work, "stderr4"))
    server.response(server.request("initialize", {"capabilities": {}}))
    uri = "file://" + repo + "/zones/example.net.zone"
    seeds = [
        {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
            "textDocument": {"uri": uri, "languageId": "dns", "version": 1,
                             "text": text("bad.zone")}}},
        {"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [{"text": "$ORIGIN x.\n@ SOA \u00e9\n"}]}},
        {"jsonrpc": "2.0", "id": 7, "method": "textDocument/hover",
         "params": {"position": {"line": 1, "character": 2}}},
    ]
    seeds = [json.dumps(m).encode() for m in seeds]

    alphabet = b'{}[],:"\\u0123456789 \r\n\x00\x80\xc3\xff'
    rng = random.Random(4242)
    for _ in range(300):
        body = bytearray(rng.choice(seeds))
        frame = bytearray(b"Content-Length: %d\r\n\r\n" % len(body))
        target = frame if rng.random() < 0.1 else body
        for _ in range(rng.randint(1, 4)):
            target[rng.randrange(len(target))] = rng.choice(alphabet)
        server.send_raw(bytes(frame + body))

    # Whatever state the framing is in, an overlong header line ends it.
    server.send_raw(b"X" * 20000 + b"\r\n\r\n")
    server.send({"jsonrpc": "2.0", "id": "final", "method": "shutdown"})
    reply = server.response("final")
    check("result" in reply, "shutdown after hostile input: %r" % reply)
    server.notify("exit")
    check(server.wait() == 0, "exit after hostile input: status 0")


try:
    protocol_session()
    exit_without_shutdown()
    hostile_input()
except ServerError as e:
    traceback.print_exc()
    failures.append(str(e))
    print("not ok: " + str(e), file=sys.stderr)
sys.exit(1 if failures else 0)
PY
	fail "JSON-RPC exchange"
	for f in "$work"/stderr*; do
		[ -f "$f" ] && sed "s|^|  $(basename "$f"): |" "$f" >&2
	done
fi
grep -q "AddressSanitizer\|runtime error" "$work"/stderr* &&
	fail "sanitizer report in the server's standard error"

finish
