#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# check --stdin-filename NAME -: the zone text from standard input replaces
# the file NAME, and the rest of the repository comes from disk.
. "$TESTS_DIR/lib/e2e.sh"

digest=8f4e2f8d6a6c3b4e0c7f7d2f36a9b1c5e3d2a1f0e9d8c7b6a5f4e3d2c1b0a9f8
repo=$work/repo
mkdir -p "$repo/zones" "$work/elsewhere" && cd "$repo" && git init -q . ||
	exit 2

# mail.test has no MX, A or AAAA at its apex: a zone whose SOA RNAME is in
# mail.test gets soa-rname-undeliverable only when mail.test is loaded.
printf '%s\n' '$ORIGIN mail.test.' '$TTL 3600' \
	'@	IN SOA	ns1 hostmaster.other.test. ( 1 7200 3600 1209600 300 )' \
	'	IN NS	ns1' 'ns1	IN A	192.0.2.1' >zones/mail.test.zone
{
	zone_header example.net.
	printf '_25._tcp.mx1\tIN TLSA\t3 1 1 %s\n' "$digest"
} >zones/example.net.zone
cat >.danelint <<'CONF'
[rule "tlsa-single-record"]
	severity = error
CONF

# Usage errors: '-' needs --stdin-filename and must be the only path.
expect_status 2 "'-' alone" "$DANELINT" check - </dev/null
expect_in "$work/err" "needs --stdin-filename NAME" "'-' alone"
expect_status 2 "--stdin-filename without '-'" "$DANELINT" check \
	--stdin-filename zones/example.net.zone
expect_status 2 "'-' with another path" "$DANELINT" check \
	--stdin-filename zones/example.net.zone - zones/mail.test.zone </dev/null
expect_status 2 "NAME a directory" "$DANELINT" check \
	--stdin-filename zones - </dev/null
expect_in "$work/err" "is a directory" "NAME a directory"

# The buffer replaces the disk copy: the disk copy's record on line 8 is
# gone, the buffer's own problem on line 9 is reported under NAME, and
# nothing twice.
{
	zone_header example.net.
	printf 'www\tIN A\t192.0.2.3\n'
	printf '_25._tcp.mx1\tIN TLSA\t3 0 1 %s\n' "$digest"
} >"$work/buffer"
expect_status 1 "stdin with a disk copy" "$DANELINT" check --fail-on warning \
	--stdin-filename zones/example.net.zone - <"$work/buffer"
expect_in "$work/out" "zones/example.net.zone:9:1: warning: " \
	"buffer finding"
expect_in "$work/out" "[tlsa-not-311]" "buffer finding"
grep -q "zones/example.net.zone:8:" "$work/out" &&
	fail "a finding of the disk copy's line 8 was reported"
[ "$(grep -c 'tlsa-single-record' "$work/out")" -eq 1 ] ||
	fail "tlsa-single-record not reported exactly once"
expect_in "$work/err" "(1 zone file checked)" "summary counts NAME only"

# No disk copy, in a directory that does not exist: the origin comes from
# NAME's file name, and the zone is linted with the rest of the repository.
printf '%s\n' '$TTL 3600' \
	'@	IN SOA	ns1 hostmaster ( 1 7200 3600 1209600 300 )' \
	'	IN NS	ns1' '	IN MX	10 mx1' 'ns1	IN A	192.0.2.1' \
	'mx1	IN A	192.0.2.2' >"$work/new"
printf '_25._tcp.mx1\tIN TLSA\t3 1 1 %s\n' "$digest" >>"$work/new"
expect_status 1 "stdin without a disk copy" "$DANELINT" check \
	--stdin-filename new/dir/new.test.zone - <"$work/new"
expect_in "$work/out" "new/dir/new.test.zone:7:1: error: " "origin from NAME"
expect_in "$work/out" "at '_25._tcp.mx1.new.test'" "origin from NAME"
[ -e new ] && fail "linting a new buffer created its directory"

# Configuration and root come from NAME's directory, not the working
# directory, whose own .danelint turns the rule off.
printf '[rule "tlsa-single-record"]\n\tseverity = off\n' \
	>"$work/elsewhere/.danelint"
cd "$work/elsewhere" || exit 2
expect_status 1 "config from NAME's directory" "$DANELINT" check \
	--stdin-filename ../repo/zones/example.net.zone - \
	<"$repo/zones/example.net.zone"
expect_in "$work/out" "zones/example.net.zone:8:1: error: " \
	"root-relative NAME with NAME's .danelint"
cd "$repo" || exit 2

# A rule that looks across zones finds mail.test on disk.
{
	printf '%s\n' '$ORIGIN example.net.' '$TTL 3600'
	printf '@\tIN SOA\tns1 hostmaster.mail.test. ( 1 7200 3600 1209600 300 )\n'
	printf '%s\n' '	IN NS	ns1' 'ns1	IN A	192.0.2.1'
} >"$work/rname"
expect_status 0 "cross-zone rule" "$DANELINT" check \
	--stdin-filename zones/example.net.zone - <"$work/rname"
expect_in "$work/out" "zones/example.net.zone:3:1: warning: " \
	"cross-zone rule"
expect_in "$work/out" "[soa-rname-undeliverable]" "cross-zone rule"
grep -q "zones/mail.test.zone" "$work/out" &&
	fail "findings in other zone files were reported"

# The same buffer with mail.test given an MX on disk: the finding goes.
printf '@\tIN MX\t10 ns1\n' >>zones/mail.test.zone
expect_status 0 "cross-zone rule satisfied" "$DANELINT" check \
	--stdin-filename zones/example.net.zone - <"$work/rname"
grep -q "soa-rname-undeliverable" "$work/out" &&
	fail "soa-rname-undeliverable despite mail.test's MX on disk"

finish
