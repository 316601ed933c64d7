#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Command line: help, version, rules, usage errors and exit codes.
. "$TESTS_DIR/lib/e2e.sh"

expect_status 0 "--help" "$DANELINT" --help
expect_in "$work/out" "usage: danelint" "--help"
expect_status 0 "--version" "$DANELINT" --version
expect_in "$work/out" "danelint " "--version"
expect_status 2 "no command" "$DANELINT"
expect_status 2 "unknown command" "$DANELINT" frobnicate
expect_in "$work/err" "unknown command 'frobnicate'" "unknown command"
expect_in "$work/err" "try 'danelint --help'" "unknown command"

expect_status 0 "rules" "$DANELINT" rules
expect_in "$work/out" "tlsa-not-311" "rules list"
expect_in "$work/out" "warning" "rules list"
expect_status 0 "rules ID" "$DANELINT" rules tlsa-current-key-unmatched
expect_in "$work/out" "# tlsa-current-key-unmatched" "rules ID"
# "danelint rules ID" prints the rule's page of docs/rules/, built in.
for id in $("$DANELINT" rules | awk '{print $1}'); do
	"$DANELINT" rules "$id" >"$work/page"
	cmp -s "$work/page" "docs/rules/$id.md" ||
		fail "danelint rules $id differs from docs/rules/$id.md"
done
expect_status 2 "rules unknown" "$DANELINT" rules no-such-rule
expect_in "$work/err" "unknown rule 'no-such-rule'" "rules unknown"

cd "$work" && git init -q . || exit 2
zone_header example.net. >example.net.zone
expect_status 0 "check --help" "$DANELINT" check --help
expect_status 2 "bad option" "$DANELINT" check --no-such-option
expect_in "$work/err" "try 'danelint check --help'" "bad option"
expect_status 2 "bad format" "$DANELINT" check --format yaml
expect_status 2 "bad fail-on" "$DANELINT" check --fail-on fatal
expect_status 2 "bad now" "$DANELINT" check --now yesterday
expect_status 2 "unknown --disable" "$DANELINT" check --disable nope
expect_status 2 "--origin with two files" \
	"$DANELINT" check --origin example.net example.net.zone example.net.zone
expect_status 0 "clean zone" "$DANELINT" check
expect_in "$work/err" "0 errors, 0 warnings, 0 notes (1 zone file checked)" "summary"

# A warning: exit 0 by default, 1 with --fail-on warning, 0 with --exit-zero.
printf '_25._tcp.mx1\tIN TLSA\t3 1 1 %s\n' \
	8f4e2f8d6a6c3b4e0c7f7d2f36a9b1c5e3d2a1f0e9d8c7b6a5f4e3d2c1b0a9f8 \
	>>example.net.zone
expect_status 0 "warning only" "$DANELINT" check
expect_in "$work/out" "[tlsa-single-record]" "warning only"
expect_status 1 "--fail-on warning" "$DANELINT" check --fail-on warning
expect_status 0 "--exit-zero" "$DANELINT" check --fail-on note --exit-zero
expect_status 0 "--disable" "$DANELINT" check --fail-on warning \
	--disable tlsa-single-record
expect_status 0 "--quiet" "$DANELINT" check --quiet
[ -s "$work/err" ] && fail "--quiet still wrote to stderr"

# An error exits 1; -o writes the report to a file.
echo 'bad	IN A	300.1.1.1' >>example.net.zone
expect_status 1 "error" "$DANELINT" check -o report.txt
[ -s "$work/out" ] && fail "-o still wrote the report to stdout"
expect_in report.txt "example.net.zone:9:1: error: " "-o"
finish
