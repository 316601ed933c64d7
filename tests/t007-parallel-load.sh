#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# A large zone file is parsed on several threads, and its findings must be
# exactly those of one thread, whatever records lie where the file is
# cut: owners inherited from the line before (also by a line that starts
# with a parenthesis), bad owners, bad records,
# $TTL changes, comments and suppressions. The same goes for the rules,
# on one thread or two.
. "$TESTS_DIR/lib/e2e.sh"

cd "$work" || exit 2
awk 'BEGIN {
	print "$ORIGIN big.example."
	print "$TTL 3600"
	print "@\tIN SOA\tns1 hostmaster ( 2026120401 7200 3600 1209600 300 )"
	print "\tIN NS\tns1"
	print "\tIN MX\t10 mx1"
	print "ns1\tIN A\t192.0.2.1"
	for (i = 0; i < 60000; i++) {
		k = i % 9
		if (k == 0) printf "h%d\tIN A\t10.%d.%d.1\n", i, int(i / 256) % 256, i % 256
		if (k == 1) printf "\tIN AAAA\t2001:db8::%x\n", i
		if (k == 2) printf "\tIN TXT\t\"v=spf1 -all\"\n"
		if (k == 3) printf "_25._tcp.h%d\tIN TLSA\t3 1 1 %064x%s\n", i, i,
			i % 2 ? " ; danelint: disable=tlsa-orphan" : ""
		if (k == 4) printf "\tIN TLSA\t3 1 1 %064d\n", i
		# a line that starts with a parenthesis keeps the owner before
		if (k == 4) printf "(IN TLSA\t3 1 1 %064d)\n", i + 1
		if (k == 5) printf "m%d\tIN MX\t10 h%d\n", i, i - 5
		if (k == 6) printf "\tIN A\t192.0.2.%d\n", i % 250 + (i % 2000 == 6 ? 600 : 0)
		if (k == 6 && i % 2000 == 6) bad++
		# a bad owner, then a record that inherits the owner before it
		if (i % 3 == 0) { printf "bad..owner\tIN A\t192.0.2.9\n\tIN A\t192.0.2.10\n"; bad++ }
		if (k == 7 && i % 3000 == 7) printf "$TTL %d\n", 60 + i % 100
		if (k == 7) printf "w%d\t300\tIN CNAME\th%d ; danelint: disable=tlsa-orphan\n", i, i - 7
		if (k == 8) printf "out%d.elsewhere.example.\tIN A\t192.0.2.3\n", i
		# an owner alone on its line, which ldns does not take as the
		# owner the next records inherit
		if (i % 2 == 1) { printf "lone%d\n\tIN TXT \"x\"\n", i; bad++ }
	}
	print bad >"bad-count"
}' >big.example.zone
expect_status 1 "one thread" "$DANELINT" check --jobs 1 --no-config big.example.zone
mv "$work/out" "$work/one"
for jobs in 2 3 4 5 6 7 8; do
	expect_status 1 "$jobs threads" "$DANELINT" check --jobs "$jobs" \
		--no-config big.example.zone
	cmp -s "$work/one" "$work/out" ||
		fail "$jobs threads: findings differ from one thread"
done
# The cut places are hit: bad owners, bad addresses and stray records
# are all reported.
expect_in "$work/one" "zone-syntax" "bad records reported"
expect_in "$work/one" "record-out-of-zone" "out-of-zone records reported"
# Half the TLSA RRsets carry a suppression that is used, the CNAME
# records one that is not.
expect_in "$work/one" "[tlsa-orphan]" "unsuppressed orphans reported"
[ "$(grep -c 'unused-suppression' "$work/one")" -eq "$(grep -c CNAME big.example.zone)" ] ||
	fail "only the suppressions on CNAME records are unused"
[ "$(grep -c 'zone-syntax' "$work/one")" -eq "$(cat bad-count)" ] ||
	fail "expected $(cat bad-count) zone-syntax findings, got $(grep -c zone-syntax "$work/one")"
finish
