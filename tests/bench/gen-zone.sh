#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Writes a zone of about RECORDS records of A, AAAA, MX, TXT, CNAME and
# TLSA types, deterministic for a SEED:
#   sh tests/bench/gen-zone.sh RECORDS SEED >bench.example.zone
# The zone is laid out as a mail provider's would be, and danelint finds
# nothing wrong in it but the missing DNSSEC signature. Each mail domain
# dN has an MX record, an SPF record and a www alias. Its MX host mxN has
# an IPv4 and an IPv6 address and a TLSA RRset with the records of its
# current and its next key.
set -eu
records=$1
seed=${2:-1}
awk -v n="$records" -v seed="$seed" '
function hex64(   j, s) {
	s = ""
	for (j = 0; j < 8; j++)
		s = s sprintf("%08x", int(rand() * 4294967295))
	return s
}
BEGIN {
	srand(seed)
	print "$ORIGIN bench.example."
	print "$TTL 3600"
	print "@\tIN SOA\tns1 hostmaster ( 2026120401 7200 3600 1209600 300 )"
	print "\tIN NS\tns1"
	print "\tIN NS\tns2"
	print "\tIN MX\t10 mx0"
	print "ns1\tIN A\t192.0.2.1"
	print "ns2\tIN A\t192.0.2.2"
	written = 8
	for (i = 0; written < n; i++) {
		printf "mx%d\tIN A\t10.%d.%d.%d\n", i, int(i / 65536) % 256,
			int(i / 256) % 256, i % 256
		printf "\tIN AAAA\t2001:db8::%x:%x\n", int(i / 65536), i % 65536
		printf "_25._tcp.mx%d\tIN TLSA\t3 1 1 %s\n", i, hex64()
		printf "\tIN TLSA\t3 1 1 %s\n", hex64()
		printf "d%d\tIN MX\t10 mx%d\n", i, i
		printf "\tIN TXT\t\"v=spf1 ip4:10.%d.%d.%d -all\"\n",
			int(i / 65536) % 256, int(i / 256) % 256, i % 256
		printf "www.d%d\tIN CNAME\td%d\n", i, i
		written += 7
	}
}'
