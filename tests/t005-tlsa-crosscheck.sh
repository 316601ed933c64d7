#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# danelint's "3 1 1" digests and DANE verdicts agree with ldns-dane, an
# independent implementation, on RSA, ECDSA and Ed25519 keys.
. "$TESTS_DIR/lib/e2e.sh"
. "$TESTS_DIR/lib/pki.sh"

if ! command -v ldns-dane >/dev/null; then
	echo "ldns-dane not found; install ldnsutils" >&2
	exit 1
fi
cd "$work" && git init -q . || exit 2
mkdir -p .pki

for type in rsa2048 p256 p384 ed25519; do
	host=mx-$type.example.net
	mkdir -p "certs/$host"
	pki_key .pki "cur-$type" "$type"
	pki_cert .pki "cur-$type" "$host" - 30
	cp ".pki/cur-$type.pem" "certs/$host/fullchain.pem"
	pki_key .pki "next-$type" "$type"
	pki_cert .pki "next-$type" "$host" - 30
	cp ".pki/next-$type.pem" "certs/$host/next.pem"
done

# The zone publishes the current keys with records made by ldns-dane; the
# next keys stay unpublished, so danelint prints their digests.
{
	printf '%s\n' '$ORIGIN example.net.' '$TTL 3600' \
		'@	IN SOA	ns1 hostmaster ( 1 7200 3600 1209600 300 )' \
		'	IN NS	ns1' 'ns1	IN A	192.0.2.1'
	for type in rsa2048 p256 p384 ed25519; do
		host=mx-$type.example.net
		printf '\tIN MX\t10 %s.\n' "$host"
		ldns-dane -n -c "certs/$host/fullchain.pem" create "$host" 25 3 1 1
	done
} >example.net.zone

expect_status 1 "check" "$DANELINT" check --format json
for type in rsa2048 p256 p384 ed25519; do
	host=mx-$type.example.net
	want=$(ldns-dane -n -c "certs/$host/next.pem" create "$host" 25 3 1 1 |
		awk '{print $NF}')
	expect_in "$work/out" "\"digest\": \"$want\"" "next key digest ($type)"
done
if grep -q "tlsa-current-key-unmatched" "$work/out"; then
	fail "a key published by ldns-dane was reported unmatched"
	cat "$work/out" >&2
fi
[ "$(grep -c '"rule": "next-key-unpublished"' "$work/out")" -eq 4 ] ||
	fail "expected 4 next-key-unpublished findings"
finish
