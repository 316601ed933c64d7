#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Rebuilds the demo repository's certificates and zone files with new keys.
# Run from the repository root: sh testdata/demo/regenerate.sh
# Private keys stay in a temporary directory and are deleted.
set -eu

. tests/lib/pki.sh
demo=testdata/demo
pki=$(mktemp -d)
trap 'rm -rf "$pki"' EXIT
rm -rf "$demo/certs"

# deploy HOST NAME TYPE FILE: a self-signed leaf valid for 100 years.
deploy() {
	mkdir -p "$demo/certs/$1"
	pki_key "$pki" "$2" "$3"
	pki_cert "$pki" "$2" "$1" - 36500
	cp "$pki/$2.pem" "$demo/certs/$1/$4"
}

# stage HOST NAME TYPE FILE: a next key, as a PEM public key.
stage() {
	mkdir -p "$demo/certs/$1"
	pki_key "$pki" "$2" "$3"
	pki_pubkey "$pki/$2.key" >"$demo/certs/$1/$4"
}

digest() {
	pki_tlsa_data 1 1 "$1"
}

deploy mx1.example.net mx1 p256 fullchain.pem
stage mx1.example.net mx1next p256 next.pem
deploy mx2.example.net mx2rsa rsa2048 rsa-fullchain.pem
deploy mx2.example.net mx2ec p256 ecdsa-fullchain.pem
stage mx2.example.net mx2nextrsa rsa2048 next-rsa.pem
stage mx2.example.net mx2nextec p256 next-ecdsa.pem
deploy mail.example.org mail p384 fullchain.pem
pki_key "$pki" mailold p384
pki_cert "$pki" mailold mail.example.org - 36500

c=$demo/certs
sed -e "s/@MX1@/$(digest $c/mx1.example.net/fullchain.pem)/" \
    -e "s/@MX1NEXT@/$(digest $c/mx1.example.net/next.pem)/" \
    -e "s/@MX2RSA@/$(digest $c/mx2.example.net/rsa-fullchain.pem)/" \
    -e "s/@MX2EC@/$(digest $c/mx2.example.net/ecdsa-fullchain.pem)/" \
    -e "s/@MX2NEXTRSA@/$(digest $c/mx2.example.net/next-rsa.pem)/" \
    "$demo/example.net.zone.in" >"$demo/zones/example.net.zone"
sed -e "s/@MAILOLD@/$(digest "$pki/mailold.pem")/" \
    -e "s/@MAILCERT@/$(pki_tlsa_data 0 1 "$pki/mailold.pem")/" \
    "$demo/example.org.zone.in" >"$demo/zones/example.org.zone"
