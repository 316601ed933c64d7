#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Makes a zone repository for benchmarks: ZONES zones of about 30 records,
# each with two MX hosts whose TLSA records match keys in certs/, and
# COMMITS commits of history, each changing one zone (serial bumped).
#   sh tests/bench/gen-repo.sh DIR [ZONES] [COMMITS] [SEED]
# The same arguments give the same zone files and history shape; the keys
# are new on every run.
set -eu

dir=$1
zones=${2:-1000}
commits=${3:-500}
seed=${4:-1}
tests=$(cd "$(dirname "$0")/.." && pwd)
. "$tests/lib/pki.sh"

mkdir -p "$dir" && cd "$dir"
git init -q .
git config user.name bench
git config user.email bench@example.net
mkdir -p .pki zones
echo .pki >>.git/info/exclude

# Two shared keys: hosts of every zone deploy one and stage the other.
pki_key .pki cur p256 && pki_cert .pki cur mx.example.net - 3650
pki_key .pki nxt p256 && pki_cert .pki nxt mx.example.net - 3650
cur=$(pki_tlsa_data 1 1 .pki/cur.pem)
nxt=$(pki_tlsa_data 1 1 .pki/nxt.pem)

# write_zone INDEX SERIAL
write_zone() {
	awk -v i="$1" -v serial="$2" -v seed="$seed" -v cur="$cur" -v nxt="$nxt" '
	BEGIN {
		srand(seed * 100003 + i)
		o = "zone" i ".example"
		printf "$ORIGIN %s.\n$TTL 3600\n", o
		printf "@\tIN SOA\tns1 hostmaster ( %d 7200 3600 1209600 300 )\n", serial
		print "\tIN NS\tns1\n\tIN NS\tns2\n\tIN MX\t10 mx1\n\tIN MX\t20 mx2"
		print "ns1\tIN A\t192.0.2.1\nns2\tIN A\t192.0.2.2"
		print "mx1\tIN A\t192.0.2.3\nmx2\tIN A\t192.0.2.4"
		print "_25._tcp.mx1\tIN TLSA\t3 1 1 " cur
		print "_25._tcp.mx1\tIN TLSA\t3 1 1 " nxt
		print "_25._tcp.mx2\tIN TLSA\t3 1 1 " cur
		print "_25._tcp.mx2\tIN TLSA\t3 1 1 " nxt
		for (n = 0; n < 18; n++) {
			r = int(rand() * 4)
			if (r == 0) printf "h%d\tIN A\t198.51.100.%d\n", n, int(rand() * 250)
			if (r == 1) printf "h%d\tIN AAAA\t2001:db8::%x\n", n, int(rand() * 65535)
			if (r == 2) printf "h%d\tIN TXT\t\"v=spf1 -all %d\"\n", n, int(rand() * 1e6)
			if (r == 3) printf "h%d\tIN CNAME\tns1\n", n
		}
	}' >"zones/zone$1.example.zone"
}

i=0
while [ $i -lt "$zones" ]; do
	write_zone $i 1
	for h in mx1 mx2; do
		mkdir -p "certs/$h.zone$i.example"
		cp .pki/cur.pem "certs/$h.zone$i.example/fullchain.pem"
		pki_pubkey .pki/nxt.key >"certs/$h.zone$i.example/next.pem"
	done
	i=$((i + 1))
done
git add -A
GIT_COMMITTER_DATE=2026-01-01T00:00:00Z git commit -q -m initial

c=1
while [ $c -lt "$commits" ]; do
	z=$(( (c * 7919 + seed) % zones ))
	write_zone $z $((c + 1))
	git add "zones/zone$z.example.zone"
	GIT_COMMITTER_DATE="2026-01-01T00:00:00Z" \
		git commit -q -m "change zone$z" --date "@$((1767225600 + c * 600))"
	c=$((c + 1))
done
