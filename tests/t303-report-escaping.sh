#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Findings whose file and message hold '%', ':', ',', '"', '\', '<', '&',
# LF, CR and a byte that is not UTF-8 (tests/lib/escape.sh), in every
# format. The json report escapes them and has U+FFFD for the byte. The
# text report writes control characters and the byte as \xNN. The github,
# gitlab and junit reports read back to the json report's text
# (tests/lib/reports.py). t302 validates the sarif report of the same
# repository.
. "$TESTS_DIR/lib/e2e.sh"
. "$TESTS_DIR/lib/escape.sh"

if ! command -v python3 >/dev/null; then
	echo "not ok: python3 not found; the report checks need it" \
		"('make deps' installs it)" >&2
	exit 1
fi
checker=$TESTS_DIR/lib/reports.py
"$DANELINT" rules >"$work/rules" || exit 2
escape_repo "$work/esc" && cd "$work/esc" || exit 2

for fmt in json text github gitlab junit; do
	expect_status 1 "--format $fmt" "$DANELINT" check \
		--now 2026-12-04T12:00:00Z --format "$fmt" -o "$work/esc.$fmt"
done

# The json report: the exact text, with U+FFFD for the byte 0xff.
python3 - "$work/esc.json" <<'PY' || fail "json escaping"
import json, sys
findings = json.load(open(sys.argv[1], encoding="utf-8"))["findings"]
by_rule = {f["rule"]: f for f in findings}
key = 'certs/mx1.example.net/next%25:a,b"q\\<&>\n\r\ufffd.pem'
nk = by_rule["next-key-unpublished"]
assert nk["file"] == key, nk["file"]
assert nk["message"].startswith(
    f"mx1.example.net: next key (ECDSA P-256, {key}) has no '3 1 1' "), nk
zs = by_rule["zone-syntax"]
assert zs["message"].startswith(
    "invalid record 'bad%1\\\"q\\\\x\ufffd<&> IN A 300.1.2.3 \"t\"' ("), zs
PY

# The text report: one line per finding, control characters and the byte
# that is not UTF-8 as \xNN, everything else as it is.
python3 - "$work/esc.text" <<'PY' || fail "text escaping"
import sys
data = open(sys.argv[1], "rb").read()
text = data.decode("utf-8")
lines = text.split("\n")
assert len(lines) == 4, lines
assert lines[-1] == "", lines
for line in lines:
    assert not any(ord(c) < 0x20 or 0x7f <= ord(c) <= 0x9f for c in line)
key = 'certs/mx1.example.net/next%25:a,b"q\\<&>\\x0a\\x0d\\xff.pem'
assert lines[0].startswith(
    f"{key}:1:1: error: mx1.example.net: next key (ECDSA P-256, {key}) "
    "has no '3 1 1' "), lines[0]
assert lines[0].endswith(" [next-key-unpublished]"), lines[0]
assert lines[2].startswith(
    "example.net.zone:9:1: error: invalid record "
    "'bad%1\\\"q\\\\x\\xff<&> IN A 300.1.2.3 \"t\"' ("), lines[2]
PY

# The github report: no raw CR or LF inside a command, and the runner's
# escapes, including %3A and %2C in the file property.
python3 - "$work/esc.github" <<'PY' || fail "github escaping"
import sys
data = open(sys.argv[1], "rb").read()
assert b"\r" not in data, data
lines = data.decode("utf-8").split("\n")
assert len(lines) == 4, lines
assert lines[-1] == "", lines
prop = "next%2525%3Aa%2Cb\"q\\<&>%0A%0D\ufffd.pem,line=1,col=1,"
assert lines[0].startswith("::error file=certs/mx1.example.net/" + prop)
assert "(ECDSA P-256, certs/mx1.example.net/next%2525:a,b\"q\\<&>%0A%0D" \
    "\ufffd.pem)" in lines[0], lines[0]
assert "'bad%251\\\"q\\\\x\ufffd<&> IN A" in lines[2], lines[2]
PY

for fmt in github gitlab junit; do
	python3 "$checker" "$fmt" "$work/esc.$fmt" "$work/esc.json" \
		"$work/rules" || fail "$fmt report fields"
done
finish
