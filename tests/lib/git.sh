# SPDX-License-Identifier: BSD-3-Clause
# Helpers for the git tests: a zone repository whose mail hosts roll keys.
# Source after tests/lib/e2e.sh and tests/lib/pki.sh, inside $work.
#
#   repo_init              git repository in the current directory, with
#                          keys k1..k6 (ECDSA P-256) made in .pki/
#   zone SERIAL REC...     writes example.net.zone with MX hosts mx1 and mx2
#                          and a DNSKEY, as in a zone the name server signs;
#                          each REC is "HOST:KEY" and becomes a "3 1 1"
#                          record for KEY at _25._tcp.HOST
#   deploy HOST CUR [NEXT] sets certs/HOST/fullchain.pem to key CUR and
#                          certs/HOST/next.pem to key NEXT (or removes it)
#   commit_at DATE MSG     commits everything with that committer date

repo_init() {
	git init -q . || return 1
	git config user.name "Test"
	git config user.email "test@example.net"
	mkdir -p .pki
	echo .pki >>.git/info/exclude
	for k in k1 k2 k3 k4 k5 k6; do
		pki_key .pki "$k" p256 &&
			pki_cert .pki "$k" mx.example.net - 3650 || return 1
		pki_tlsa_data 1 1 ".pki/$k.pem" >".pki/$k.digest"
	done
}

zone() {
	serial=$1
	shift
	{
		printf '%s\n' '$ORIGIN example.net.' '$TTL 3600' \
			"@	IN SOA	ns1 hostmaster ( $serial 7200 3600 1209600 300 )" \
			'	IN NS	ns1' '	IN MX	10 mx1' '	IN MX	20 mx2'
		zone_dnskey
		printf '%s\n' 'ns1	IN A	192.0.2.1' 'mx1	IN A	192.0.2.2' \
			'mx2	IN A	192.0.2.3'
		for rec in "$@"; do
			printf '_25._tcp.%s\tIN TLSA\t3 1 1 %s\n' "${rec%%:*}" \
				"$(cat ".pki/${rec#*:}.digest")"
		done
	} >example.net.zone
}

deploy() {
	mkdir -p "certs/$1.example.net"
	cp ".pki/$2.pem" "certs/$1.example.net/fullchain.pem"
	if [ -n "${3:-}" ]; then
		pki_pubkey ".pki/$3.key" >"certs/$1.example.net/next.pem"
	else
		rm -f "certs/$1.example.net/next.pem"
	fi
}

commit_at() {
	git add -A &&
		GIT_COMMITTER_DATE="$1" GIT_AUTHOR_DATE="$1" \
			git commit -q --no-verify -m "$2"
}

# rules_of FILE: the rule ids of the text report in FILE, sorted.
rules_of() {
	sed -n 's/.*\[\([a-z0-9-]*\)\]$/\1/p' "$1" | sort | tr '\n' ' '
}
