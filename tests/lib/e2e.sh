# SPDX-License-Identifier: BSD-3-Clause
# Helpers for the end-to-end tests: a scratch directory and assertions.
# Source it; it sets $work (removed on exit) and counts failures in $fails.

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fails=0

fail() {
	echo "not ok: $*" >&2
	fails=$((fails + 1))
}

# expect_status WANT DESCRIPTION COMMAND...: runs COMMAND, output in
# $work/out and $work/err, and checks its exit status.
expect_status() {
	want=$1
	what=$2
	shift 2
	"$@" >"$work/out" 2>"$work/err"
	got=$?
	if [ "$got" -ne "$want" ]; then
		fail "$what: exit status $got, expected $want"
		sed 's/^/  stdout: /' "$work/out" >&2
		sed 's/^/  stderr: /' "$work/err" >&2
	fi
}

# expect_in FILE TEXT DESCRIPTION: FILE contains the fixed string TEXT.
expect_in() {
	if ! grep -qF -- "$2" "$1"; then
		fail "$3: '$2' not found in $(basename "$1")"
		sed 's/^/  /' "$1" >&2
	fi
}

finish() {
	[ "$fails" -eq 0 ]
}

# zone_dnskey: an apex DNSKEY record, for a zone that the name server signs
# when it loads it, so that tlsa-unsigned-zone has nothing to report.
zone_dnskey() {
	printf '@\tIN DNSKEY\t257 3 13 %s\n' \
		'6GfPDfkzFvmUX4w4K3b6Aw7yzky+6bOTG+TB2DQ/9qeghr721xmXBQFQs02QBoxc4qmXkRfUp8zqLTNEyZFv1A=='
}

# zone_header ORIGIN: the SOA, NS and MX of a small zone with host mx1.
zone_header() {
	printf '%s\n' "\$ORIGIN $1" '$TTL 3600' \
		'@	IN SOA	ns1 hostmaster ( 2026120401 7200 3600 1209600 300 )' \
		'	IN NS	ns1' '	IN MX	10 mx1' 'ns1	IN A	192.0.2.1' \
		'mx1	IN A	192.0.2.2'
}
