# SPDX-License-Identifier: BSD-3-Clause
# Test PKI helpers: keys, certificates, CSRs and TLSA digests, with the openssl CLI.
#
# Source this file, then call the functions. Every file goes into the
# directory given as first argument and is named after NAME:
#   NAME.key  private key (PKCS#8 PEM)
#   NAME.pem  certificate (PEM)
#   NAME.csr  certificate request (PEM)
# A function that needs NAME.key reuses it when it exists, so call pki_key
# first to choose the key type. Otherwise the function makes a P-256 key.
# Every function returns non-zero when openssl fails. Only the pki_pubkey
# and pki_tlsa* functions print to standard output.
#
#   pki_key DIR NAME [TYPE]            TYPE: rsa2048, p256 (default), p384,
#                                      p521, secp256k1, ed25519, ed448
#   pki_ca DIR NAME [ISSUER]           root CA, or intermediate CA signed by ISSUER
#   pki_cert DIR NAME DNSNAME ISSUER [DAYS]
#                                      leaf for DNSNAME (subject CN and
#                                      subjectAltName dNSName) valid from now
#                                      for DAYS (default 90), signed by ISSUER,
#                                      or self-signed when ISSUER is "-"
#   pki_cert_dated DIR NAME DNSNAME ISSUER START END
#                                      the same with explicit notBefore and
#                                      notAfter (YYYYMMDDHHMMSSZ), for expired
#                                      or not yet valid certificates
#   pki_ca_dated DIR NAME ISSUER START END
#                                      CA signed by ISSUER ("-": self-signed
#                                      root) with explicit notBefore and
#                                      notAfter (YYYYMMDDHHMMSSZ)
#   pki_chain DIR DNSNAME [DAYS]       root.pem, intermediate.pem (signed by
#                                      root), leaf.pem (signed by intermediate)
#                                      and fullchain.pem (leaf, intermediate)
#   pki_chain_dated DIR DNSNAME START END
#                                      the same with the leaf valid from START
#                                      to END and both CAs from 2020 to 2040,
#                                      for results that do not depend on the
#                                      day the test runs
#   pki_csr DIR NAME DNSNAME           certificate request for NAME.key
#   pki_pubkey FILE                    prints the SubjectPublicKeyInfo as PEM
#   pki_tlsa_data SELECTOR MTYPE FILE  prints TLSA association data in hex
#   pki_tlsa USAGE SELECTOR MTYPE FILE prints "USAGE SELECTOR MTYPE HEX"
#
# FILE is a PEM certificate, certificate request, public key or private key.
# Selector 0 (full certificate) needs a certificate.

pki_key() {
	case "${3:-p256}" in
	rsa2048) pki__alg="-algorithm RSA -pkeyopt rsa_keygen_bits:2048" ;;
	p256) pki__alg="-algorithm EC -pkeyopt ec_paramgen_curve:P-256" ;;
	p384) pki__alg="-algorithm EC -pkeyopt ec_paramgen_curve:P-384" ;;
	p521) pki__alg="-algorithm EC -pkeyopt ec_paramgen_curve:P-521" ;;
	secp256k1) pki__alg="-algorithm EC -pkeyopt ec_paramgen_curve:secp256k1" ;;
	ed25519) pki__alg="-algorithm ED25519" ;;
	ed448) pki__alg="-algorithm ED448" ;;
	*)
		echo "pki_key: unknown key type '$3'; use rsa2048, p256, p384, p521, secp256k1, ed25519 or ed448" >&2
		return 2 ;;
	esac
	# pki__alg is split into words on purpose.
	# shellcheck disable=SC2086
	openssl genpkey $pki__alg -out "$1/$2.key" 2>/dev/null
}

# Creates DIR/NAME.key with the default type unless it exists.
pki__ensure_key() {
	[ -f "$1/$2.key" ] || pki_key "$1" "$2"
}

pki__serial() {
	openssl rand -hex 8
}

# Writes the x509v3 extensions of a CA (empty DNSNAME) or a leaf to FILE.
# pki__extensions FILE DNSNAME ISSUER
pki__extensions() {
	if [ -z "$2" ]; then
		printf '%s\n' "basicConstraints = critical, CA:TRUE" \
			"keyUsage = critical, keyCertSign, cRLSign" >"$1"
	else
		printf '%s\n' "basicConstraints = critical, CA:FALSE" \
			"keyUsage = critical, digitalSignature" \
			"extendedKeyUsage = serverAuth" \
			"subjectAltName = DNS:$2" >"$1"
	fi
	echo "subjectKeyIdentifier = hash" >>"$1"
	[ "$3" = - ] || echo "authorityKeyIdentifier = keyid" >>"$1"
}

# pki__sign DIR NAME SUBJECT DNSNAME ISSUER DAYS [START END]
# Makes DIR/NAME.pem from DIR/NAME.key. An empty DNSNAME makes a CA.
pki__sign() {
	pki__ensure_key "$1" "$2" || return
	pki__extensions "$1/$2.ext" "$4" "$5"
	if ! openssl req -new -key "$1/$2.key" -subj "$3" -out "$1/$2.req"; then
		rm -f "$1/$2.ext"
		return 1
	fi
	if [ $# -ge 8 ]; then
		pki__sign_dated "$1" "$2" "$5" "$7" "$8"
	elif [ "$5" = - ]; then
		openssl x509 -req -in "$1/$2.req" -out "$1/$2.pem" -days "$6" \
			-set_serial "0x$(pki__serial)" -extfile "$1/$2.ext" \
			-signkey "$1/$2.key" 2>/dev/null
	else
		openssl x509 -req -in "$1/$2.req" -out "$1/$2.pem" -days "$6" \
			-set_serial "0x$(pki__serial)" -extfile "$1/$2.ext" \
			-CA "$1/$5.pem" -CAkey "$1/$5.key" 2>/dev/null
	fi
	pki__status=$?
	rm -f "$1/$2.req" "$1/$2.ext"
	return "$pki__status"
}

# pki__sign_dated DIR NAME ISSUER START END
# "openssl x509" (OpenSSL 3.0) cannot set notBefore, so this signs with
# "openssl ca", whose configuration and database live in DIR/NAME.ca until
# it returns.
pki__sign_dated() {
	pki__db=$1/$2.ca
	mkdir -p "$pki__db" || return
	: >"$pki__db/index.txt"
	pki__serial >"$pki__db/serial"
	printf '%s\n' "[ca]" "default_ca = pki" "[pki]" \
		"database = $pki__db/index.txt" "new_certs_dir = $pki__db" \
		"serial = $pki__db/serial" "default_md = sha256" \
		"policy = pki_policy" "unique_subject = no" \
		"[pki_policy]" "commonName = supplied" >"$pki__db/ca.cnf"
	if [ "$3" = - ]; then
		pki__signer="-selfsign -keyfile $1/$2.key"
	else
		pki__signer="-cert $1/$3.pem -keyfile $1/$3.key"
	fi
	# pki__signer is split into words on purpose.
	# shellcheck disable=SC2086
	openssl ca -batch -notext -config "$pki__db/ca.cnf" \
		-in "$1/$2.req" -out "$1/$2.pem" -extfile "$1/$2.ext" \
		-startdate "$4" -enddate "$5" $pki__signer 2>/dev/null
	pki__status=$?
	rm -rf "$pki__db"
	return "$pki__status"
}

pki_ca() {
	pki__sign "$1" "$2" "/CN=$2" "" "${3:--}" 3650
}

pki_cert() {
	pki__sign "$1" "$2" "/CN=$3" "$3" "$4" "${5:-90}"
}

pki_cert_dated() {
	pki__sign "$1" "$2" "/CN=$3" "$3" "$4" 0 "$5" "$6"
}

pki_ca_dated() {
	pki__sign "$1" "$2" "/CN=$2" "" "$3" 0 "$4" "$5"
}

pki_chain_dated() {
	pki_ca_dated "$1" root - 20200101000000Z 20400101000000Z &&
		pki_ca_dated "$1" intermediate root 20200101000000Z \
			20400101000000Z &&
		pki_cert_dated "$1" leaf "$2" intermediate "$3" "$4" &&
		cat "$1/leaf.pem" "$1/intermediate.pem" >"$1/fullchain.pem"
}

pki_chain() {
	pki_ca "$1" root &&
		pki_ca "$1" intermediate root &&
		pki_cert "$1" leaf "$2" intermediate "${3:-90}" &&
		cat "$1/leaf.pem" "$1/intermediate.pem" >"$1/fullchain.pem"
}

pki_csr() {
	pki__ensure_key "$1" "$2" &&
		openssl req -new -key "$1/$2.key" -subj "/CN=$3" \
			-addext "subjectAltName = DNS:$3" -out "$1/$2.csr"
}

pki_pubkey() {
	if grep -q -- '-----BEGIN .*CERTIFICATE REQUEST-----' "$1"; then
		openssl req -in "$1" -pubkey -noout
	elif grep -q -- '-----BEGIN .*CERTIFICATE-----' "$1"; then
		openssl x509 -in "$1" -pubkey -noout
	elif grep -q -- '-----BEGIN .*PUBLIC KEY-----' "$1"; then
		openssl pkey -pubin -in "$1"
	else
		openssl pkey -in "$1" -pubout
	fi
}

# Writes the DER that a TLSA selector (0 certificate, 1 SPKI) covers.
pki__selected_der() {
	case "$1" in
	0) openssl x509 -in "$2" -outform DER ;;
	1) pki_pubkey "$2" | openssl pkey -pubin -outform DER ;;
	*) echo "pki_tlsa_data: unknown selector '$1'" >&2; return 2 ;;
	esac
}

pki_tlsa_data() {
	case "$2" in
	0) pki__selected_der "$1" "$3" | od -An -v -tx1 | tr -d ' \n' ;;
	1) pki__selected_der "$1" "$3" | openssl dgst -sha256 -r | cut -d' ' -f1 ;;
	2) pki__selected_der "$1" "$3" | openssl dgst -sha512 -r | cut -d' ' -f1 ;;
	*) echo "pki_tlsa_data: unknown matching type '$2'" >&2; return 2 ;;
	esac
}

pki_tlsa() {
	pki__data=$(pki_tlsa_data "$2" "$3" "$4") || return
	echo "$1 $2 $3 $pki__data"
}
