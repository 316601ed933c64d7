#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# danelint pre-commit on real repositories: rollover timing, removed
# records, serials, staged versus working-tree content.
# covers: rollover-too-early rollover-live-tlsa-removed
# covers: rollover-all-mx-at-once soa-serial-not-incremented
. "$TESTS_DIR/lib/e2e.sh"
. "$TESTS_DIR/lib/pki.sh"
. "$TESTS_DIR/lib/git.sh"

cd "$work" && repo_init || exit 2
DAY0=2026-11-01T00:00:00Z

# expect_rules DESCRIPTION "RULES " NOW: runs pre-commit at NOW and
# compares the rule ids it reports.
expect_rules() {
	"$DANELINT" pre-commit --now "$3" >"$work/out" 2>"$work/err"
	status=$?
	got=$(rules_of "$work/out")
	if [ "$got" != "$2" ]; then
		fail "$1: got '$got', expected '$2'"
		cat "$work/out" "$work/err" >&2
	fi
	if [ -z "$2" ] && [ "$status" -ne 0 ]; then
		fail "$1: exit status $status on a clean change"
	fi
}

# First commit: no HEAD yet, so only the snapshot rules run.
zone 1 mx1:k1 mx1:k2 mx2:k4 mx2:k5
deploy mx1 k1 k2
deploy mx2 k4 k5
git add -A
expect_rules "first commit" "" 2026-11-01T00:00:00Z
commit_at $DAY0 "publish current and next keys"

# Deploying the next key one TTL before the wait ends (wait = 2 x 3600 s
# + 7200 s refresh = 4 h): too early. After the full wait: safe.
deploy mx1 k2 k3
zone 2 mx1:k1 mx1:k2 mx1:k3 mx2:k4 mx2:k5
git add -A
# k1's record stays until k2 is in place, so it is stale meanwhile (a note).
expect_rules "deployed one TTL too early" "rollover-too-early tlsa-stale " \
	2026-11-01T03:00:00Z
expect_rules "deployed after the full wait" "tlsa-stale " 2026-11-01T04:00:00Z
commit_at 2026-11-01T04:00:00Z "deploy k2 on mx1"

# The old record goes once its key is gone: safe.
zone 3 mx1:k2 mx1:k3 mx2:k4 mx2:k5
git add -A
expect_rules "old record removed after the rollover" "" 2026-11-01T05:00:00Z
commit_at 2026-11-01T05:00:00Z "remove k1"

# Only the certificate changes: the record's age still comes from the
# history (k3 was first published at 04:00, so 06:00 is too early).
deploy mx1 k3 k2
git add -A
expect_rules "key change with the zone unchanged" "rollover-too-early " \
	2026-11-01T06:00:00Z
expect_rules "key change after the wait" "" 2026-11-01T08:00:00Z
git reset -q --hard

# A new key deployed in the same change as its record: age zero.
deploy mx2 k6 k5
zone 4 mx1:k2 mx1:k3 mx2:k4 mx2:k5 mx2:k6
git add -A
expect_rules "record added with its key" "rollover-too-early tlsa-stale " \
	2026-11-02T00:00:00Z
git reset -q --hard

# Removing the record of a key still deployed.
zone 4 mx1:k3 mx2:k4 mx2:k5
git add -A
expect_rules "live record removed" \
	"rollover-live-tlsa-removed tlsa-current-key-unmatched " \
	2026-11-02T00:00:00Z
git reset -q --hard

# Both MX hosts move to their published next keys at once.
deploy mx1 k3 k2
deploy mx2 k5 k4
git add -A
expect_rules "all MX at once" "rollover-all-mx-at-once " 2026-11-02T00:00:00Z
git reset -q --hard

# Serial: unchanged with new content, decreased, and across the 2^32 wrap.
zone 3 mx1:k2 mx1:k3 mx2:k4 mx2:k5 mx2:k6
git add -A
expect_rules "serial not incremented" \
	"soa-serial-not-incremented tlsa-stale " 2026-11-02T00:00:00Z
zone 2 mx1:k2 mx1:k3 mx2:k4 mx2:k5 mx2:k6
git add -A
expect_rules "serial decreased" "soa-serial-not-incremented tlsa-stale " \
	2026-11-02T00:00:00Z
zone 4294967295 mx1:k2 mx1:k3 mx2:k4 mx2:k5
commit_at 2026-11-02T00:00:00Z "serial at the top of the range"
zone 5 mx1:k2 mx1:k3 mx2:k4 mx2:k5 mx2:k6
git add -A
expect_rules "serial across the 2^32 wrap" "tlsa-stale " 2026-11-02T01:00:00Z
git reset -q --hard

# Only the staged content counts: a bad staged zone with a fixed working
# tree is blocked, and a good staged zone with a broken working tree passes.
zone 4294967295 mx1:k3 mx2:k4 mx2:k5
git add example.net.zone
zone 6 mx1:k2 mx1:k3 mx2:k4 mx2:k5
expect_rules "staged bad, working tree good" \
	"rollover-live-tlsa-removed soa-serial-not-incremented tlsa-current-key-unmatched " \
	2026-11-02T01:00:00Z
git reset -q --hard
zone 6 mx1:k2 mx1:k3 mx2:k4 mx2:k5 mx2:k6
git add example.net.zone
zone 7 mx1:k3
expect_rules "staged good, working tree bad" "tlsa-stale " \
	2026-11-02T01:00:00Z
git reset -q --hard

# From a subdirectory, paths stay relative to the root.
zone 4294967295 mx1:k2 mx1:k3 mx2:k4 mx2:k5
sed -i 's/^ns1\t/ns1\t1800\t/' example.net.zone
git add -A
mkdir -p sub && cd sub || exit 2
expect_rules "from a subdirectory" "soa-serial-not-incremented " \
	2026-11-02T01:00:00Z
expect_in "$work/out" "example.net.zone:3:1: error: " "root-relative path"
cd .. && git reset -q --hard
finish
