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

# A file whose origin cannot be told.
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
finish
