#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# .danelint lookup and keys, inline suppressions and the json report.
. "$TESTS_DIR/lib/e2e.sh"
. "$TESTS_DIR/lib/pki.sh"

cd "$work" && git init -q . || exit 2
mkdir -p zones sub/dir keys/mx1 .pki
pki_cert .pki mx1 mx1.example.net - 365
cp .pki/mx1.pem keys/mx1/fullchain.pem
d=$(pki_tlsa_data 1 1 keys/mx1/fullchain.pem)
{
	zone_header example.net.
	printf '_25._tcp.mx1\tIN TLSA\t3 1 1 %s\n' "$d"
	printf '_25._tcp.mx2\tIN TLSA\t3 0 1 %s ; danelint: disable=tlsa-not-311\n' "$d"
	printf '; danelint: disable=tlsa-single-record\n'
	printf '_25._tcp.mx3\tIN TLSA\t3 1 1 %s\n' "$d"
	# mx2 and mx3 receive mail, so their RRsets are no orphans, and the
	# name server signs the zone with the published DNSKEY.
	printf '@\tIN MX\t20 mx2\n@\tIN MX\t30 mx3\n'
	zone_dnskey
} >zones/main.txt
cat >.danelint <<'CONF'
[danelint]
	zones = zones/*.txt
	certs = keys
	fail-on = warning
[zone "example.net"]
	file = zones/main.txt
[host "mx1.example.net"]
	certs = keys/mx1
[rule "next-key-missing"]
	severity = note
CONF

# Found from a subdirectory; paths are relative to the root.
cd sub/dir || exit 2
expect_status 1 "config from subdirectory" "$DANELINT" check --now 2026-12-04
cd "$work" || exit 2
expect_in "$work/out" "keys/mx1/fullchain.pem:1:1: note: " "severity override"
expect_in "$work/out" "[next-key-missing]" "host certs"
if grep -q "zones/main.txt:8:" "$work/out"; then
	fail "mx1 is covered by its certificate directory"
fi
if grep -q "tlsa-not-311" "$work/out"; then
	fail "same-line suppression did not apply"
fi
if grep -q "zones/main.txt:11:.*tlsa-single-record" "$work/out"; then
	fail "line-before suppression did not apply"
fi
expect_in "$work/out" "zones/main.txt:9:1: warning: " "mx2 single record"

# File-wide suppression.
sed -i '1i ; danelint: disable-file=tlsa-single-record' zones/main.txt
expect_status 0 "file-wide suppression" "$DANELINT" check
if grep -q "tlsa-single-record" "$work/out"; then
	fail "file-wide suppression did not apply"
fi

# --no-config ignores .danelint: the .txt file is then not a zone file.
expect_status 0 "--no-config" "$DANELINT" check --no-config
expect_in "$work/err" "no zone files found" "--no-config"

# --no-config still finds the root; --certs and paths are relative to the
# working directory, and options may follow paths.
mkdir -p alt/mx1.example.net && cp keys/mx1/fullchain.pem alt/mx1.example.net/
cd sub/dir || exit 2
expect_status 0 "--certs from a subdirectory" "$DANELINT" check --no-config \
	../../zones/main.txt --origin example.net --certs ../../alt
expect_in "$work/out" "alt/mx1.example.net/fullchain.pem:1:1: warning: " \
	"--certs relative"
cd "$work" || exit 2

# A hidden private key in the certificate directory is still found.
cp .pki/mx1.key keys/mx1/.privkey.pem
expect_status 1 "hidden private key" "$DANELINT" check
expect_in "$work/out" "keys/mx1/.privkey.pem:1:1: error: " "hidden private key"
rm keys/mx1/.privkey.pem

# A comment on a directive line suppresses that directive's finding.
printf '$BOGUS directive ; danelint: disable=zone-syntax\n' \
	>>zones/main.txt
expect_status 0 "directive suppression" "$DANELINT" check --fail-on error
if grep -q "zone-syntax" "$work/out"; then
	fail "suppression on a directive line did not apply"
fi

# The json report, read back with a JSON parser.
expect_status 0 "json" "$DANELINT" check --format json --fail-on error
if command -v python3 >/dev/null; then
	python3 - "$work/out" <<'PY' || fail "json report fields"
import json, sys
doc = json.load(open(sys.argv[1]))
f = [x for x in doc["findings"] if x["rule"] == "next-key-missing"][0]
assert f["severity"] == "note", f
assert f["file"] == "keys/mx1/fullchain.pem", f
assert f["line"] == 1, f
assert f["column"] == 1, f
assert f["host"] == "mx1.example.net", f
assert doc["summary"]["notes"] == 1, doc["summary"]
assert doc["summary"]["findings"] == len(doc["findings"])
PY
else
	echo "python3 not found: json fields not checked" >&2
fi
finish
