#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# danelint plan: keys, matching records, publication times from git, and
# the next step of the rollover with its earliest safe time.
. "$TESTS_DIR/lib/e2e.sh"
. "$TESTS_DIR/lib/pki.sh"
. "$TESTS_DIR/lib/git.sh"

cd "$work" && repo_init || exit 2
zone 1 mx1:k1 mx2:k4 mx2:k5
deploy mx1 k1 k2
deploy mx2 k4 k5
commit_at 2026-11-01T00:00:00Z "publish current keys"
zone 2 mx1:k1 mx1:k2 mx2:k4 mx2:k5
commit_at 2026-11-01T10:00:00Z "publish k2"

expect_status 0 "plan" "$DANELINT" plan --now 2026-11-01T12:00:00Z
expect_in "$work/out" "mx1.example.net: TLSA at _25._tcp.mx1.example.net, rollover wait 14400 s" \
	"plan header"
expect_in "$work/out" "published since 2026-11-01 00:00:00 UTC" "current record age"
expect_in "$work/out" "published since 2026-11-01 10:00:00 UTC" "next record age"
expect_in "$work/out" "next step: deploy the next key after 2026-11-01 14:00:00 UTC" \
	"earliest safe time"

# After the wait the next key can go; only the chosen host is shown.
expect_status 0 "plan one host" "$DANELINT" plan --now 2026-11-01T15:00:00Z \
	mx1.example.net
expect_in "$work/out" "next step: deploy the next key (safe now)" "safe now"
if grep -q "mx2.example.net" "$work/out"; then
	fail "plan showed a host that was not asked for"
fi

# A next key without a record, then a record not committed yet.
deploy mx2 k4 k6
expect_status 0 "plan unpublished" "$DANELINT" plan mx2.example.net
expect_in "$work/out" "next step: publish a '3 1 1' record for the next key" \
	"unpublished next key"
zone 3 mx1:k1 mx1:k2 mx2:k4 mx2:k5 mx2:k6
expect_status 0 "plan uncommitted" "$DANELINT" plan mx2.example.net
expect_in "$work/out" "published not committed yet" "uncommitted record"
expect_in "$work/out" "stale   record" "stale record"
finish
