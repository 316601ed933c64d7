#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# danelint tlsa: its records agree with ldns-dane and hash-slinger's tlsa,
# two independent implementations, on RSA 2048, ECDSA P-256 and Ed25519
# keys, for usages 3 and 2, selectors 0 and 1 and matching types 0, 1 and
# 2. Usage errors and bad input exit 2 and print no record.
. "$TESTS_DIR/lib/e2e.sh"
. "$TESTS_DIR/lib/pki.sh"

if ! command -v ldns-dane >/dev/null; then
	echo "ldns-dane not found; install ldnsutils" >&2
	exit 1
fi
if ! command -v tlsa >/dev/null; then
	echo "tlsa not found; install hash-slinger (apt-get install" \
		"hash-slinger, or 'make deps')" >&2
	exit 1
fi

# With --certificate, hash-slinger's tlsa reads the file and runs
# "openssl verify" on it, with no DNS lookup. It still runs in a network
# namespace of its own where the kernel allows one, so that it cannot
# reach the network whatever a later version does.
offline=
if unshare -n true 2>/dev/null; then
	offline="unshare -n"
elif unshare -rn true 2>/dev/null; then
	offline="unshare -rn"
fi

host=mx1.example.net
owner=_25._tcp.$host.
cd "$work" || exit 2
mkdir -p pki || exit 2

# A P-256 root, an RSA 2048 intermediate, and for each key type a leaf
# signed by the intermediate, with the same key as public key, CSR and DER.
pki_ca pki root || exit 2
pki_key pki intermediate rsa2048 && pki_ca pki intermediate root || exit 2
for type in rsa2048 p256 ed25519; do
	pki_key pki "leaf-$type" "$type" &&
		pki_cert pki "leaf-$type" "$host" intermediate &&
		cat "pki/leaf-$type.pem" pki/intermediate.pem \
			>"pki/fullchain-$type.pem" &&
		pki_pubkey "pki/leaf-$type.key" >"pki/pub-$type.pem" &&
		pki_csr pki "leaf-$type" "$host" &&
		openssl x509 -in "pki/leaf-$type.pem" -outform DER \
			-out "pki/leaf-$type.der" &&
		openssl pkey -in "pki/leaf-$type.key" -pubout -outform DER \
			-out "pki/pub-$type.der" || exit 2
done
cat pki/leaf-p256.pem pki/intermediate.pem pki/root.pem >pki/full3.pem

# Prints the records of "danelint tlsa ARGS...", without the comments;
# stderr goes to $work/dl.err.
dl_records() {
	"$DANELINT" tlsa "$@" 2>"$work/dl.err" | grep -v '^;'
}

# ldns_record CERT USAGE SELECTOR MTYPE [LDNS-DANE OPTION...]: the record
# ldns-dane creates for CERT, without its TTL, as danelint prints it.
ldns_record() {
	ldns__cert=$1 ldns__u=$2 ldns__s=$3 ldns__m=$4
	shift 4
	ldns-dane -n "$@" -c "$ldns__cert" create "$host" 25 \
		"$ldns__u" "$ldns__s" "$ldns__m" |
		awk '{ data = ""; for (i = 8; i <= NF; i++) data = data $i
		       print $1, $3, $4, $5, $6, $7, data }'
}

# hs_record CERT USAGE SELECTOR MTYPE [PORT [PROTO]]: the record that
# hash-slinger's tlsa creates for the first certificate of CERT.
hs_record() {
	# $offline is split into words on purpose.
	# shellcheck disable=SC2086
	$offline tlsa --create "$host" --certificate "$1" --usage "$2" \
		--selector "$3" --mtype "$4" --port "${5:-25}" \
		--protocol "${6:-tcp}" --output rfc --resolvconf "" 2>&1 |
		grep ' IN TLSA '
}

# same_record WHAT EXPECTED GOT: GOT is the one record EXPECTED.
same_record() {
	if [ -z "$2" ]; then
		fail "$1: the reference tool printed no record"
	elif [ "$2" != "$3" ]; then
		fail "$1: danelint printed '$3', expected '$2'"
		sed 's/^/  stderr: /' "$work/dl.err" >&2
	fi
}

# Usage 3, each key type, selectors 0 and 1, matching types 1 and 2.
for type in rsa2048 p256 ed25519; do
	for s in 0 1; do
		for m in 1 2; do
			what="3 $s $m $type"
			got=$(dl_records --selector "$s" --mtype "$m" \
				"$host" "pki/fullchain-$type.pem")
			same_record "$what, ldns-dane" \
				"$(ldns_record "pki/fullchain-$type.pem" 3 "$s" "$m")" \
				"$got"
			same_record "$what, hash-slinger" \
				"$(hs_record "pki/fullchain-$type.pem" 3 "$s" "$m")" \
				"$got"
		done
	done
done

# Matching type 0: the whole certificate, and the whole SPKI, in hex.
got=$(dl_records --selector 0 --mtype 0 "$host" pki/leaf-rsa2048.pem)
same_record "3 0 0 rsa2048, ldns-dane" \
	"$(ldns_record pki/leaf-rsa2048.pem 3 0 0)" "$got"
same_record "3 0 0 rsa2048, hash-slinger" \
	"$(hs_record pki/leaf-rsa2048.pem 3 0 0)" "$got"
got=$(dl_records --selector 1 --mtype 0 "$host" pki/leaf-ed25519.pem)
same_record "3 1 0 ed25519, ldns-dane" \
	"$(ldns_record pki/leaf-ed25519.pem 3 1 0)" "$got"
same_record "3 1 0 ed25519, hash-slinger" \
	"$(hs_record pki/leaf-ed25519.pem 3 1 0)" "$got"

# Usage 2 on a chain file: the RSA intermediate, not the leaf. ldns-dane
# -o 0 takes the last certificate of the chain; hash-slinger reads the
# intermediate alone, since on a chain it prompts for the certificate.
for s in 0 1; do
	for m in 1 2; do
		what="2 $s $m intermediate"
		got=$(dl_records --usage 2 --selector "$s" --mtype "$m" \
			"$host" pki/fullchain-p256.pem)
		same_record "$what, ldns-dane" \
			"$(ldns_record pki/fullchain-p256.pem 2 "$s" "$m" -o 0)" \
			"$got"
		same_record "$what, hash-slinger" \
			"$(hs_record pki/intermediate.pem 2 "$s" "$m")" "$got"
	done
done

# Usage 2 on a self-signed root, and on a chain with the root: one record
# per CA certificate, in file order.
got=$(dl_records --usage 2 "$host" pki/root.pem)
same_record "2 1 1 root, ldns-dane" "$(ldns_record pki/root.pem 2 1 1)" \
	"$got"
same_record "2 1 1 root, hash-slinger" "$(hs_record pki/root.pem 2 1 1)" \
	"$got"
got=$(dl_records --usage 2 --selector 0 --mtype 2 "$host" pki/full3.pem)
want=$(ldns_record pki/full3.pem 2 0 2 -o 1; ldns_record pki/full3.pem 2 0 2 -o 0)
[ "$(printf '%s\n' "$want" | wc -l)" -eq 2 ] ||
	fail "2 0 2 full3: ldns-dane printed no two records"
same_record "2 0 2 intermediate and root, ldns-dane" "$want" "$got"

# Another port and protocol, and HOST in upper case with a trailing dot.
got=$(dl_records --port 443 --proto udp MX1.Example.NET. \
	pki/leaf-p256.pem)
same_record "port 443 over UDP, hash-slinger" \
	"$(hs_record pki/leaf-p256.pem 3 1 1 443 udp)" "$got"
case $got in
"_443._udp.mx1.example.net. IN TLSA 3 1 1 "*) ;;
*) fail "owner of --port 443 --proto udp: got '$got'" ;;
esac

# Keys without their certificate have the SPKI of the certificate, so
# their "3 1 x" records equal ldns-dane's for the certificate. The
# openssl CLI computes the same data from the key file itself.
for type in rsa2048 p256 ed25519; do
	for m in 1 2; do
		want=$(ldns_record "pki/leaf-$type.pem" 3 1 "$m")
		for file in "pub-$type.pem" "pub-$type.der" "leaf-$type.csr" \
			"leaf-$type.der" "leaf-$type.key"; do
			got=$(dl_records --mtype "$m" "$host" "pki/$file")
			same_record "3 1 $m $file, ldns-dane" "$want" "$got"
			same_record "3 1 $m $file, openssl" \
				"$owner IN TLSA $(pki_tlsa 3 1 "$m" "pki/leaf-$type.key")" \
				"$got"
		done
	done
done
got=$(dl_records --selector 0 "$host" pki/leaf-p256.der)
same_record "3 0 1 DER certificate, ldns-dane" \
	"$(ldns_record pki/leaf-p256.pem 3 0 1)" "$got"

# The comment before each record: key type and size, file, subject.
expect_status 0 "comments" "$DANELINT" tlsa "$host" \
	pki/fullchain-rsa2048.pem pki/leaf-p256.pem pki/pub-ed25519.pem
cat >"$work/want" <<EOF
; RSA 2048, pki/fullchain-rsa2048.pem (CN=$host)
$(ldns_record pki/leaf-rsa2048.pem 3 1 1)
; ECDSA P-256, pki/leaf-p256.pem (CN=$host)
$(ldns_record pki/leaf-p256.pem 3 1 1)
; Ed25519, pki/pub-ed25519.pem
$(ldns_record pki/leaf-ed25519.pem 3 1 1)
EOF
cmp -s "$work/want" "$work/out" ||
	fail "comments: output differs from $(cat "$work/want")"
[ -s "$work/err" ] && fail "comments: unexpected stderr: $(cat "$work/err")"

# A key in several FILEs: one record after a comment per file, in the
# order of the FILEs. The private key adds no comment, only its warning.
expect_status 0 "same key twice" "$DANELINT" tlsa "$host" \
	pki/pub-ed25519.pem pki/fullchain-p256.pem pki/leaf-p256.pem \
	pki/leaf-p256.key
cat >"$work/want" <<EOF
; Ed25519, pki/pub-ed25519.pem
$(ldns_record pki/leaf-ed25519.pem 3 1 1)
; ECDSA P-256, pki/fullchain-p256.pem (CN=$host)
; ECDSA P-256, pki/leaf-p256.pem (CN=$host)
$(ldns_record pki/leaf-p256.pem 3 1 1)
EOF
cmp -s "$work/want" "$work/out" ||
	fail "same key twice: output differs: $(cat "$work/out")"
expect_in "$work/err" "'pki/leaf-p256.key' contains a private key" \
	"same key twice"

# A private key alone: the record of its public half and a warning.
expect_status 0 "private key" "$DANELINT" tlsa "$host" pki/leaf-rsa2048.key
expect_in "$work/out" "$(ldns_record pki/leaf-rsa2048.pem 3 1 1)" \
	"private key"
expect_in "$work/err" "private keys do not belong in the repository" \
	"private key"

# cert.pem with chain.pem: usage 3 names the leaf only, usage 2 the CA
# in chain.pem.
cp pki/leaf-p256.pem cert.pem && cp pki/intermediate.pem chain.pem
expect_status 0 "chain file, usage 3" "$DANELINT" tlsa "$host" cert.pem \
	chain.pem
[ "$(grep -c ' IN TLSA ' "$work/out")" -eq 1 ] ||
	fail "chain file, usage 3: expected one record: $(cat "$work/out")"
expect_in "$work/out" "$(ldns_record cert.pem 3 1 1)" "chain file, usage 3"
expect_in "$work/err" "'chain.pem' contains only the CA certificates" \
	"chain file, usage 3"
expect_status 0 "chain file, usage 2" "$DANELINT" tlsa --usage 2 "$host" \
	cert.pem chain.pem
expect_in "$work/out" "; RSA 2048, chain.pem (CN=intermediate)" \
	"chain file, usage 2"
expect_in "$work/out" "$(ldns_record pki/fullchain-p256.pem 2 1 1 -o 0)" \
	"chain file, usage 2"

# Selector 0 with a key whose certificate is in another FILE, as in
# certbot's fullchain.pem and privkey.pem: the certificate's record.
expect_status 0 "selector 0, key and certificate" "$DANELINT" tlsa \
	--selector 0 "$host" pki/fullchain-p256.pem pki/leaf-p256.key
expect_in "$work/out" "$(ldns_record pki/leaf-p256.pem 3 0 1)" \
	"selector 0, key and certificate"

# Usage 2 with a leaf and a root: the root only, and a note on the leaf.
expect_status 0 "usage 2, leaf and root" "$DANELINT" tlsa --usage 2 \
	"$host" pki/leaf-p256.pem pki/root.pem
expect_in "$work/out" "$(ldns_record pki/root.pem 2 1 1)" \
	"usage 2, leaf and root"
[ "$(grep -c ' IN TLSA ' "$work/out")" -eq 1 ] ||
	fail "usage 2, leaf and root: expected one record: $(cat "$work/out")"
expect_in "$work/err" "'pki/leaf-p256.pem' contains no CA certificate" \
	"usage 2, leaf and root"

# An intermediate alone with usage 3 is almost certainly the wrong file.
expect_status 0 "intermediate, usage 3" "$DANELINT" tlsa "$host" \
	pki/intermediate.pem
expect_in "$work/err" "is a CA certificate that another CA issued" \
	"intermediate, usage 3"

# Usages 0 and 1 on port 25 get a warning, as SMTP clients ignore them.
expect_status 0 "usage 1, port 25" "$DANELINT" tlsa --usage 1 "$host" \
	pki/leaf-p256.pem
expect_in "$work/err" "SMTP clients ignore usages 0 and 1" "usage 1, port 25"
expect_status 0 "usage 1, port 443" "$DANELINT" tlsa --usage PKIX-EE \
	--port 443 "$host" pki/leaf-p256.pem
expect_in "$work/out" "_443._tcp.$host. IN TLSA 1 1 1 " "usage 1, port 443"
[ -s "$work/err" ] && fail "usage 1, port 443: warned: $(cat "$work/err")"

# The records work: a zone made of danelint tlsa's output for the
# deployed and the next key passes danelint check.
mkdir -p repo/certs/$host && cd repo && git init -q . || exit 2
cp ../pki/fullchain-p256.pem "certs/$host/fullchain.pem"
pki_key ../pki next p256 && pki_pubkey ../pki/next.key >"certs/$host/next.pub"
{
	zone_header example.net.
	"$DANELINT" tlsa "$host" "certs/$host/fullchain.pem" \
		"certs/$host/next.pub"
} >example.net.zone
expect_status 0 "round trip" "$DANELINT" check
cd "$work" || exit 2

# Usage errors: exit 2, the reason and where to read more.
usage_error() {
	what=$1
	text=$2
	shift 2
	expect_status 2 "$what" "$DANELINT" tlsa "$@"
	expect_in "$work/err" "$text" "$what"
	expect_in "$work/err" "try 'danelint tlsa --help'" "$what"
	[ -s "$work/out" ] && fail "$what: printed on stdout: $(cat "$work/out")"
}
f=pki/leaf-p256.pem
usage_error "no arguments" "missing HOST and FILE"
usage_error "no FILE" "missing FILE" "$host"
usage_error "unknown option" "unknown option '--bogus'" --bogus "$host" "$f"
usage_error "option without value" "option '--port' needs a value" \
	"$host" "$f" --port
for port in 0 65536 -1 25x "" 99999999999999999999; do
	usage_error "--port '$port'" "invalid --port '$port'" \
		--port "$port" "$host" "$f"
done
usage_error "--proto quic" "invalid --proto 'quic'" --proto quic "$host" "$f"
for usage in 4 -1 DANE x 3.0; do
	usage_error "--usage '$usage'" "invalid --usage '$usage'" \
		--usage "$usage" "$host" "$f"
done
for selector in 2 -1 full; do
	usage_error "--selector '$selector'" "invalid --selector '$selector'" \
		--selector "$selector" "$host" "$f"
done
for mtype in 3 -1 sha256 " 1"; do
	usage_error "--mtype '$mtype'" "invalid --mtype '$mtype'" \
		--mtype "$mtype" "$host" "$f"
done
for bad in mx1 _25._tcp.mx1.example.net mx1..example.net .mx1.example.net \
	. "" mx_1.example.net "mx1.example.net.." -mx1.example.net \
	mx1-.example.net 192.0.2.1 '*.example.net' "mx1 .example.net" \
	"$(printf 'a%.0s' $(seq 64)).example.net"; do
	usage_error "HOST '$bad'" "invalid HOST '$bad'" -- "$bad" "$f"
done
long=$(printf 'abcdefghi.%.0s' $(seq 26))net
usage_error "HOST of 263 characters" "longer than 253 characters" \
	"$long" "$f"
expect_status 0 "--help" "$DANELINT" tlsa --help
expect_in "$work/out" "usage: danelint tlsa" "--help"

# Bad input: exit 2, the file and the reason, and no record at all.
bad_input() {
	what=$1
	text=$2
	shift 2
	expect_status 2 "$what" "$DANELINT" tlsa "$@"
	expect_in "$work/err" "$text" "$what"
	[ -s "$work/out" ] && fail "$what: printed on stdout: $(cat "$work/out")"
}
head -c 400 pki/leaf-p256.pem >truncated.pem
: >empty.pem
printf 'not a certificate\n' >junk.pem
openssl pkey -in pki/leaf-p256.key -aes256 -passout pass:test \
	-out encrypted.key || exit 2
bad_input "missing file" "cannot read 'missing.pem': No such file" \
	"$host" "$f" missing.pem
bad_input "directory" "cannot read 'pki': is a directory" "$host" pki
bad_input "truncated PEM" "'truncated.pem': PEM block 1 is truncated" \
	"$host" "$f" truncated.pem
bad_input "empty file" "'empty.pem': empty file" "$host" empty.pem
bad_input "not PEM or DER" "'junk.pem': no certificate, public key" \
	"$host" junk.pem
bad_input "encrypted private key" "'encrypted.key': no public key found" \
	"$host" encrypted.key
for file in pub-p256.pem pub-p256.der leaf-p256.csr leaf-p256.key; do
	bad_input "selector 0, $file" \
		"'pki/$file' contains a key (ECDSA P-256) without its certificate" \
		--selector 0 "$host" pki/leaf-rsa2048.pem "pki/$file"
done
bad_input "usage 2, leaf only" "no CA certificate in the FILEs" \
	--usage 2 "$host" pki/leaf-p256.pem
bad_input "usage 2, public key" \
	"'pki/pub-rsa2048.pem' contains a key (RSA 2048) without a certificate" \
	--usage 2 "$host" pki/root.pem pki/pub-rsa2048.pem
finish
