#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Per-finding severities (cert-expiry) and how configuration overrides them.
. "$TESTS_DIR/lib/e2e.sh"
. "$TESTS_DIR/lib/pki.sh"

cd "$work" && git init -q . || exit 2
mkdir -p .pki
pki_ca_dated .pki root - 20200101000000Z 20400101000000Z &&
	pki_ca_dated .pki intermediate root 20200101000000Z 20400101000000Z ||
	exit 2
# mx1 and mx2 expired on 2026-12-01; mx3 expires on 2026-12-20.
for h in mx1:20261201000000Z mx2:20261201000000Z mx3:20261220000000Z; do
	name=${h%%:*}
	mkdir -p certs/$name.example.net
	pki_cert_dated .pki $name $name.example.net intermediate \
		20260901000000Z "${h#*:}" &&
		cat .pki/$name.pem .pki/intermediate.pem \
			>certs/$name.example.net/fullchain.pem || exit 2
done
ta=$(pki_tlsa_data 1 1 .pki/intermediate.pem)
{
	zone_header example.net.
	for name in mx1 mx2 mx3; do
		d=$(pki_tlsa_data 1 1 certs/$name.example.net/fullchain.pem)
		printf '_25._tcp.%s\tIN TLSA\t3 1 1 %s\n' "$name" "$d"
		# mx2 has DANE-EE records only, whose clients ignore dates.
		[ "$name" = mx2 ] ||
			printf '\tIN TLSA\t2 1 1 %s\n' "$ta"
	done
} >example.net.zone
now="--now 2026-12-04T12:00:00Z"

# expect_severity WHAT HOST SEVERITY: the cert-expiry finding of HOST in
# $work/out has SEVERITY.
expect_severity() {
	expect_in "$work/out" \
		"certs/$2.example.net/fullchain.pem:1:1: $3: $2.example.net:" \
		"$1"
}

# $now is split into words on purpose.
# shellcheck disable=SC2086
expect_status 1 "defaults" "$DANELINT" check $now
expect_severity "expired, DANE-TA" mx1 error
expect_severity "expired, DANE-EE only" mx2 note
expect_severity "expiring, DANE-TA" mx3 warning

printf '[rule "cert-expiry"]\n\tseverity = warning\n' >.danelint
# shellcheck disable=SC2086
expect_status 0 "severity set in .danelint" "$DANELINT" check $now
expect_severity "configured, expired" mx1 warning
expect_severity "configured, DANE-EE only" mx2 warning

# shellcheck disable=SC2086
expect_status 1 "--enable" "$DANELINT" check $now --enable cert-expiry
expect_severity "--enable, expired" mx1 error
expect_severity "--enable, DANE-EE only" mx2 note

# shellcheck disable=SC2086
expect_status 0 "--disable" "$DANELINT" check $now --disable cert-expiry
if grep -q "cert-expiry" "$work/out"; then
	fail "--disable left cert-expiry findings"
fi
finish
