# SPDX-License-Identifier: BSD-3-Clause
# escape_repo DIR: makes a git repository in DIR whose findings quote
# bytes that every report format must escape. The zone has an invalid
# record whose zone-syntax message quotes '%', '"', '\', '<', '&' and the
# byte 0xff, which is not UTF-8. The next key's file name, which the
# next-key-unpublished message and location carry, adds ':', ',', LF and
# CR. Needs the openssl CLI. Source it.

# The next key's file name, as printf(1) format.
ESCAPE_KEY_NAME='next%%25:a,b"q\\<&>\n\r\377.pem'

escape_repo() {
	mkdir -p "$1/certs/mx1.example.net" || return 1
	(
		cd "$1" || exit 1
		git init -q . || exit 1
		printf '%s\n' '$ORIGIN example.net.' '$TTL 3600' \
			'@	IN SOA	ns1 hostmaster ( 2026120401 7200 3600 1209600 300 )' \
			'	IN NS	ns1' '	IN MX	10 mx1' 'ns1	IN A	192.0.2.1' \
			'mx1	IN A	192.0.2.2' >example.net.zone
		printf '_25._tcp.mx1\tIN TLSA\t3 1 1 %s\n' \
			8f4e2f8d6a6c3b4e0c7f7d2f36a9b1c5e3d2a1f0e9d8c7b6a5f4e3d2c1b0a9f8 \
			>>example.net.zone
		printf 'bad%%1\\"q\\\\x\377<&>\tIN A 300.1.2.3 "t"\n' \
			>>example.net.zone
		# Signed by the name server, so tlsa-unsigned-zone stays quiet.
		zone_dnskey >>example.net.zone
		name=$(printf "certs/mx1.example.net/$ESCAPE_KEY_NAME")
		openssl genpkey -algorithm EC \
			-pkeyopt ec_paramgen_curve:P-256 2>/dev/null |
			openssl pkey -pubout >"$name"
	)
}
