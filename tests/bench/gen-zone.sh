#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Writes a zone of about RECORDS records of A, AAAA, MX, TXT, CNAME and
# TLSA types, deterministic for a SEED:
#   sh tests/bench/gen-zone.sh RECORDS SEED >bench.example.zone
set -eu
records=$1
seed=${2:-1}
awk -v n="$records" -v seed="$seed" 'BEGIN {
	srand(seed)
	print "$ORIGIN bench.example."
	print "$TTL 3600"
	print "@\tIN SOA\tns1 hostmaster ( 2026120401 7200 3600 1209600 300 )"
	print "\tIN NS\tns1"
	print "\tIN NS\tns2"
	print "ns1\tIN A\t192.0.2.1"
	print "ns2\tIN A\t192.0.2.2"
	for (i = 7; i < n; i++) {
		r = int(rand() * 6)
		h = "h" i
		if (r == 0)
			printf "%s\tIN A\t10.%d.%d.%d\n", h, int(i / 65536) % 256,
				int(i / 256) % 256, i % 256
		else if (r == 1)
			printf "%s\tIN AAAA\t2001:db8::%x:%x\n", h,
				int(i / 65536), i % 65536
		else if (r == 2)
			printf "%s\tIN MX\t10 mx%d\n", h, i
		else if (r == 3)
			printf "%s\tIN TXT\t\"v=spf1 ip4:10.0.0.%d -all\"\n", h,
				i % 256
		else if (r == 4)
			printf "%s\tIN CNAME\th%d\n", h, i - 1
		else {
			printf "_25._tcp.%s\tIN TLSA\t3 1 1 ", h
			for (j = 0; j < 8; j++)
				printf "%08x", int(rand() * 4294967295)
			printf "\n"
		}
	}
}'
