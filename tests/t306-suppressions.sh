#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Suppression comments: each form covers exactly its record or file, the
# ids are explicit, and unused-suppression reports comments that suppress
# nothing, in check and in pre-commit.
. "$TESTS_DIR/lib/e2e.sh"

cd "$work" && git init -q . || exit 2
git config user.email test@example.org && git config user.name test
zone_header example.net. >example.net.zone
digest=8f4e2f8d6a6c3b4e0c7f7d2f36a9b1c5e3d2a1f0e9d8c7b6a5f4e3d2c1b0a9f8
{
	printf '_25._tcp.mx1\tIN TLSA\t3 0 1 %s ; danelint: disable=tlsa-not-311\n' "$digest"
	printf '\tIN TLSA\t3 0 1 1%s\n' "$(echo "$digest" | cut -c2-)"
	printf '; danelint: disable-next-line=tlsa-not-311\n'
	printf '\tIN TLSA\t3 0 2 %s%s\n' "$digest" "$digest"
	printf 'bad\tIN A\t300.1.2.3 ; danelint: disable-next-line=zone-syntax\n'
	printf 'bad2\tIN A\t300.1.2.4\n'
} >>example.net.zone
# Lines: 8 suppressed, 9 reported, 11 suppressed by line 10, 12 reported
# (its own comment covers line 13), 13 suppressed.
expect_status 1 "forms" "$DANELINT" check --fail-on warning
grep -c 'tlsa-not-311' "$work/out" | grep -qx 1 ||
	fail "expected one tlsa-not-311 finding"
expect_in "$work/out" "example.net.zone:9:1: warning: " "line 9 reported"
expect_in "$work/out" "example.net.zone:12:1: error: " "line 12 reported"
grep -q ':13:1: error' "$work/out" && fail "line 13 not suppressed"
grep -q 'unused-suppression' "$work/out" && fail "a used comment reported"

# A comment for another rule does not cover the finding, and is unused.
printf 'bad4\tIN A\t300.1.2.6 ; danelint: disable=tlsa-not-311\n' \
	>>example.net.zone
expect_status 1 "other rule" "$DANELINT" check
expect_in "$work/out" "example.net.zone:14:1: error: invalid record" \
	"other rule"
expect_in "$work/out" "example.net.zone:14:1: note: suppression of 'tlsa-not-311' matches no finding on line 14" \
	"unused comment"
expect_status 0 "--disable unused-suppression" "$DANELINT" check \
	--fail-on note --disable unused-suppression --disable zone-syntax \
	--disable tlsa-not-311 --disable tlsa-unsigned-zone
grep -q 'unused-suppression' "$work/out" &&
	fail "--disable unused-suppression still reports"

# Severity note: exit 1 only with --fail-on note.
git add -A && git commit -qm zone
zone_header example.net. >example.net.zone
printf 'mx2\tIN A\t192.0.2.3 ; danelint: disable=tlsa-stael\n' \
	>>example.net.zone
expect_status 0 "unknown id" "$DANELINT" check
expect_in "$work/out" "unknown rule 'tlsa-stael' in a danelint suppression (did you mean 'tlsa-stale'?)" \
	"unknown id"
expect_status 1 "unknown id, --fail-on note" "$DANELINT" check \
	--fail-on note

# pre-commit: change rules run there, but their comments are not
# reported, because they apply to the change that needs them.
printf 'mx3\tIN A\t192.0.2.4 ; danelint: disable=soa-serial-not-incremented\n' \
	>>example.net.zone
git add -A
expect_status 1 "pre-commit" "$DANELINT" pre-commit --fail-on note
expect_in "$work/out" "[soa-serial-not-incremented]" "pre-commit change rule"
grep -q "suppression of 'soa-serial" "$work/out" &&
	fail "pre-commit reported a change rule's comment"
expect_in "$work/out" "unknown rule 'tlsa-stael'" "pre-commit unknown id"
finish
