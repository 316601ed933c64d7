#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Makes a zone repository for benchmarks: ZONES zones of about 30 records,
# each with two MX hosts whose TLSA records match keys in certs/, and
# COMMITS commits of history, each changing one zone (serial bumped).
#   sh tests/bench/gen-repo.sh DIR [ZONES] [COMMITS] [SEED]
# The same arguments give the same zone files and history shape; the keys
# are new on every run. By default all hosts share two keys, which makes
# the repository quick to generate; KEYS=per-host gives every host a
# current certificate and a next key of its own (a few minutes).
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

keys=${KEYS:-shared}
# Two shared keys: hosts of every zone deploy one and stage the other.
pki_key .pki cur p256 && pki_cert .pki cur mx.example.net - 3650
pki_key .pki nxt p256 && pki_cert .pki nxt mx.example.net - 3650
cur=$(pki_tlsa_data 1 1 .pki/cur.pem)
nxt=$(pki_tlsa_data 1 1 .pki/nxt.pem)

# host_keys INDEX HOST: with KEYS=per-host, makes the host's own current
# certificate and next key and writes their digests to .pki/INDEX-HOST.
host_keys() {
	k=.pki/$1-$2
	pki_key .pki "$1-$2-cur" p256 &&
		pki_cert .pki "$1-$2-cur" "$2.zone$1.example" - 3650 &&
		pki_key .pki "$1-$2-nxt" p256 || exit 2
	pki_pubkey "$k-nxt.key" >"$k-nxt.pem"
	echo "$(pki_tlsa_data 1 1 "$k-cur.pem") $(pki_tlsa_data 1 1 "$k-nxt.pem")" >"$k"
}

# write_zone INDEX SERIAL
write_zone() {
	if [ "$keys" = per-host ]; then
		read -r c1 n1 <".pki/$1-mx1"
		read -r c2 n2 <".pki/$1-mx2"
	else
		c1=$cur n1=$nxt c2=$cur n2=$nxt
	fi
	awk -v i="$1" -v serial="$2" -v seed="$seed" -v c1="$c1" -v n1="$n1" \
		-v c2="$c2" -v n2="$n2" '
	BEGIN {
		srand(seed * 100003 + i)
		o = "zone" i ".example"
		printf "$ORIGIN %s.\n$TTL 3600\n", o
		printf "@\tIN SOA\tns1 hostmaster ( %d 7200 3600 1209600 300 )\n", serial
		print "\tIN NS\tns1\n\tIN NS\tns2\n\tIN MX\t10 mx1\n\tIN MX\t20 mx2"
		print "ns1\tIN A\t192.0.2.1\nns2\tIN A\t192.0.2.2"
		print "mx1\tIN A\t192.0.2.3\nmx2\tIN A\t192.0.2.4"
		print "_25._tcp.mx1\tIN TLSA\t3 1 1 " c1
		print "_25._tcp.mx1\tIN TLSA\t3 1 1 " n1
		print "_25._tcp.mx2\tIN TLSA\t3 1 1 " c2
		print "_25._tcp.mx2\tIN TLSA\t3 1 1 " n2
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
	for h in mx1 mx2; do
		mkdir -p "certs/$h.zone$i.example"
		if [ "$keys" = per-host ]; then
			host_keys $i $h
			cp ".pki/$i-$h-cur.pem" "certs/$h.zone$i.example/fullchain.pem"
			cp ".pki/$i-$h-nxt.pem" "certs/$h.zone$i.example/next.pem"
		else
			cp .pki/cur.pem "certs/$h.zone$i.example/fullchain.pem"
			pki_pubkey .pki/nxt.key >"certs/$h.zone$i.example/next.pem"
		fi
	done
	write_zone $i 1
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
