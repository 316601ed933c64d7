#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Bad input gets a clear message naming the file, and the right exit code.
. "$TESTS_DIR/lib/e2e.sh"
. "$TESTS_DIR/lib/pki.sh"

cd "$work" && git init -q . || exit 2
run() {
	timeout 120 "$DANELINT" "$@"
}

# A missing file named on the command line is an error of danelint: 2.
expect_status 2 "missing file" run check missing.zone
expect_in "$work/err" "cannot open 'missing.zone': No such file or directory" \
	"missing file"

# Binary data instead of a zone: one zone-syntax finding, exit 1.
head -c 4096 /dev/urandom >db.random.test
printf '\0' >>db.random.test
expect_status 1 "binary zone" run check db.random.test
expect_in "$work/out" "db.random.test:1:1: error: binary data" "binary zone"
rm db.random.test

# An $INCLUDE loop is reported at the $INCLUDE line and loading ends.
zone_header example.net. >example.net.zone
echo '$INCLUDE example.net.zone' >>example.net.zone
expect_status 1 "include loop" run check example.net.zone
expect_in "$work/out" "example.net.zone:8:1: error: \$INCLUDE of 'example.net.zone' loops" \
	"include loop"

# A 1 MB line and a 10 MB line: a syntax finding each, no crash.
zone_header example.net. >example.net.zone
{
	printf 'long\tIN TXT\t"'
	head -c 1048576 /dev/zero | tr '\0' 'a'
	printf '"\nafter\tIN A\t192.0.2.9\n'
	printf 'longer\tIN TXT\t'
	head -c 10485760 /dev/zero | tr '\0' 'b'
	printf '\n'
} >>example.net.zone
expect_status 1 "long lines" run check example.net.zone
expect_in "$work/out" "example.net.zone:8:1: error: " "1 MB line"
expect_in "$work/out" "example.net.zone:10:1: error: " "10 MB line"

# A record of about 100 kB: longer than any record can be.
zone_header example.net. >example.net.zone
{
	printf 'big\tIN TXT\t'
	i=0
	while [ $i -lt 500 ]; do
		printf '"%0200d" ' 0
		i=$((i + 1))
	done
	printf '\n'
} >>example.net.zone
expect_status 1 "oversized record" run check example.net.zone
expect_in "$work/out" "example.net.zone:8:1: error: RDATA of the record is too long" \
	"oversized record"

# Lines ended by a lone CR, as in old Mac files.
zone_header example.net. | tr '\n' '\r' >example.net.zone
printf 'bad\tIN A\t300.1.1.1\r' >>example.net.zone
expect_status 1 "CR line ends" run check example.net.zone
expect_in "$work/out" "example.net.zone:8:1: error: invalid record" "CR line ends"

# An empty zone file and one without SOA record.
: >empty.example.zone
expect_status 1 "empty zone" run check empty.example.zone
expect_in "$work/out" "zone 'empty.example.' has no SOA record" "empty zone"
rm empty.example.zone

# A FIFO, or $INCLUDE of a device, must not block or read forever.
mkfifo fifo.example.zone
expect_status 2 "FIFO as zone" run check fifo.example.zone
expect_in "$work/err" "is not a regular file" "FIFO as zone"
rm fifo.example.zone
zone_header example.net. >example.net.zone
echo '$INCLUDE /dev/zero' >>example.net.zone
expect_status 1 "device include" run check example.net.zone
expect_in "$work/out" "cannot read \$INCLUDE file '/dev/zero': is not a regular file" \
	"device include"

# -o naming an input file would empty it.
zone_header example.net. >example.net.zone
expect_status 2 "-o input file" run check -o example.net.zone
[ -s example.net.zone ] || fail "-o emptied the zone file"
expect_status 2 "empty --certs" run check --certs ''
expect_status 2 "bad --origin" run check --origin 'a..b' example.net.zone

# A file with no origin that danelint can determine.
zone_header example.net. | sed 1d >zones.txt
expect_status 1 "no origin" run check zones.txt
expect_in "$work/out" "cannot tell the zone origin of 'zones.txt'" "no origin"
expect_status 0 "--origin" run check --origin example.net zones.txt
rm zones.txt

# Unusable files in the certificate directory are findings.
zone_header example.net. >example.net.zone
mkdir -p certs/mx1.example.net .pki
pki_cert .pki mx1 mx1.example.net - 30
head -c 200 .pki/mx1.pem >certs/mx1.example.net/fullchain.pem
expect_status 1 "truncated PEM" run check
expect_in "$work/out" "certs/mx1.example.net/fullchain.pem:1:1: error: " \
	"truncated PEM"
expect_in "$work/out" "[cert-unusable]" "truncated PEM"

# A symbolic link loop in the certificate directory.
cp .pki/mx1.pem certs/mx1.example.net/fullchain.pem
ln -s .. certs/mx1.example.net/loop
expect_status 2 "symlink loop" run check
expect_in "$work/err" "symbolic link loop" "symlink loop"
rm certs/mx1.example.net/loop

# An explicit certificate directory that does not exist.
expect_status 2 "missing --certs" run check --certs no-such-dir
expect_in "$work/err" "cannot read the certificate directory 'no-such-dir'" \
	"missing --certs"

# Configuration errors are exit 2 and name the file.
printf '[danelint]\n\tfail-on = sometimes\n' >.danelint
expect_status 2 "bad configuration value" run check
expect_in "$work/err" ".danelint: key 'danelint.fail-on' = 'sometimes'" \
	"bad configuration value"
printf '[danelint\n' >.danelint
expect_status 2 "configuration syntax" run check
expect_in "$work/err" ".danelint" "configuration syntax"
printf '[rule "no-such-rule"]\n\tseverity = off\n' >.danelint
expect_status 2 "unknown rule in configuration" run check
expect_in "$work/err" "unknown rule 'no-such-rule'" "unknown rule"
printf '[danelint]\n\tzones = nothing/*.zone\n' >.danelint
expect_status 2 "glob without match" run check
expect_in "$work/err" "zones = 'nothing/*.zone'" "glob without match"
rm .danelint
expect_status 2 "--config missing" run check --config nothing.conf
expect_in "$work/err" "cannot open 'nothing.conf'" "--config missing"

# The hint names the field at fault: the owner, the TTL or the RDATA.
zone_header example.net. >hints.example.net.zone
printf '%s\n' 'bad..owner	IN A	192.0.2.2' 'a 00000000000000000000001 IN A 192.0.2.3' \
	'b	IN A	1.2.3' >>hints.example.net.zone
expect_status 1 "hints" run check --no-config hints.example.net.zone
expect_in "$work/out" "hints.example.net.zone:8:1: error: invalid record 'bad..owner IN A 192.0.2.2' (Syntax error, could not parse the RR); the owner name is not a valid domain name" \
	"owner hint"
expect_in "$work/out" "hints.example.net.zone:9:1: error: invalid record 'a 00000000000000000000001 IN A 192.0.2.3' (Syntax error, could not parse the RR's TTL); write the TTL as seconds" \
	"TTL hint"
expect_in "$work/out" "; write an IPv4 address such as 192.0.2.1" "RDATA hint"
rm hints.example.net.zone

# A symbolic link loop or a dangling link in the certificate directory is
# a finding for that file. The rest of the directory is still read.
mkdir -p links/certs/mx1.example.net links/certs/mx2.example.net
zone_header example.net. >links/example.net.zone
ln -s loop2 links/certs/mx1.example.net/loop
ln -s loop links/certs/mx1.example.net/loop2
ln -s missing.pem links/certs/mx2.example.net/dangling.pem
pki_key links next p256 && pki_pubkey links/next.key \
	>links/certs/mx2.example.net/next.pem && rm links/next.key
expect_status 1 "symbolic link loop" run check --no-config \
	--certs links/certs links/example.net.zone
expect_in "$work/out" "links/certs/mx1.example.net/loop:1:1: error: cannot read the file: Too many levels of symbolic links" \
	"symbolic link loop"
expect_in "$work/out" "links/certs/mx2.example.net/dangling.pem:1:1: error: cannot read the file: No such file or directory" \
	"dangling link"
expect_in "$work/out" "links/certs/mx2.example.net/next.pem:1:1: warning" \
	"rest of the directory read"
finish
