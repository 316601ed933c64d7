#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Seeds a fuzzing corpus from the test data: sh tests/fuzz/seed.sh KIND DIR
# KIND is zone, cert or config. Existing corpus files are kept.
# tests/fuzz/regressions contains inputs that once failed, named KIND-*.
# Each found a bug of danelint, or a leak of ldns that
# tests/fuzz/lsan.supp covers.
set -eu
kind=$1
dir=$2
mkdir -p "$dir"
n=0
case $kind in
zone)
	for f in $(find testdata -name '*.zone' -o -name '*.inc' | sort) \
		$(find tests/fuzz/regressions -name 'zone-*' | sort); do
		n=$((n + 1))
		cp "$f" "$dir/seed-$n"
	done ;;
cert)
	for f in $(find testdata/demo/certs -type f | sort); do
		n=$((n + 1))
		# The harness reads the first byte as the file-name choice.
		{ printf '\000'; cat "$f"; } >"$dir/seed-$n"
	done ;;
config)
	for f in $(find testdata -name .danelint | sort); do
		n=$((n + 1))
		cp "$f" "$dir/seed-$n"
	done
	printf '[danelint]\n\tzones = a\n[rule "x"]\n\tseverity = off\n' \
		>"$dir/seed-extra" ;;
esac
