#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# The installed hook under real "git commit": it blocks an unsafe rollover
# and lets a safe one through; install and uninstall respect other hooks,
# core.hooksPath, "git commit -a" and worktrees.
. "$TESTS_DIR/lib/e2e.sh"
. "$TESTS_DIR/lib/pki.sh"
. "$TESTS_DIR/lib/git.sh"

mkdir -p "$work/bin" && ln -s "$DANELINT" "$work/bin/danelint"
PATH=$work/bin:$PATH
export PATH
mkdir -p "$work/repo" && cd "$work/repo" && repo_init || exit 2

two_days_ago=$(date -u -d '-2 days' +%Y-%m-%dT%H:%M:%SZ)
one_hour_ago=$(date -u -d '-1 hour' +%Y-%m-%dT%H:%M:%SZ)
zone 1 mx1:k1 mx1:k2 mx2:k4 mx2:k5
deploy mx1 k1 k2
deploy mx2 k4 k5
commit_at "$two_days_ago" "publish current and next keys"

expect_status 0 "hook install" danelint hook install
[ -x .git/hooks/pre-commit ] || fail "hook not executable"
expect_status 0 "hook install again" danelint hook install

# k3 published an hour ago; deploying it now is too early: blocked.
zone 2 mx1:k1 mx1:k2 mx2:k4 mx2:k5 mx2:k3
commit_at "$one_hour_ago" "publish k3"
deploy mx2 k3 k5
git add -A
expect_status 1 "commit blocked" git commit -q -m "deploy k3 on mx2"
expect_in "$work/err" "[rollover-too-early]" "commit blocked"
expect_in "$work/err" "the commit is blocked" "commit blocked"
[ "$(git log --oneline | wc -l)" -eq 2 ] || fail "blocked commit landed"
git reset -q --hard

# k2 has been published for two days: deploying it passes.
deploy mx1 k2 k6
zone 3 mx1:k1 mx1:k2 mx1:k6 mx2:k4 mx2:k5 mx2:k3
git add -A
expect_status 0 "commit allowed" git commit -q -m "deploy k2 on mx1"
[ "$(git log --oneline | wc -l)" -eq 3 ] || fail "safe commit did not land"

# "git commit -a" hands the hook a temporary index (GIT_INDEX_FILE).
zone 3 mx1:k2 mx1:k6 mx2:k4 mx2:k5 mx2:k3
expect_status 1 "commit -a checks the temporary index" \
	git commit -q -a -m "change without serial"
expect_in "$work/err" "[soa-serial-not-incremented]" "commit -a"
git reset -q --hard

# In a linked worktree the same hook runs on the worktree's index.
git worktree add -q "$work/wt" 2>/dev/null || fail "git worktree add"
cd "$work/wt" || exit 2
mkdir -p .pki && cp "$work/repo/.pki/"* .pki/
zone 3 mx1:k2 mx1:k6 mx2:k4 mx2:k5 mx2:k3
git add example.net.zone
expect_status 1 "worktree commit blocked" git commit -q -m "no serial"
expect_in "$work/err" "[soa-serial-not-incremented]" "worktree"
git reset -q --hard
cd "$work/repo" || exit 2

# Uninstall removes only danelint's hook.
expect_status 0 "hook uninstall" danelint hook uninstall
[ -e .git/hooks/pre-commit ] && fail "hook still present after uninstall"
printf '#!/bin/sh\nexit 0\n' >.git/hooks/pre-commit
chmod +x .git/hooks/pre-commit
expect_status 2 "install over a foreign hook" danelint hook install
expect_in "$work/err" "did not write" "foreign hook"
expect_status 0 "uninstall leaves a foreign hook" danelint hook uninstall
grep -q "exit 0" .git/hooks/pre-commit || fail "foreign hook changed"
expect_status 0 "install --force" danelint hook install --force
grep -q "exit 0" .git/hooks/pre-commit.orig || fail "foreign hook not kept"

# core.hooksPath is where git looks, so the hook goes there.
git config core.hooksPath .githooks
expect_status 0 "install with core.hooksPath" danelint hook install
[ -x .githooks/pre-commit ] || fail "hook not in core.hooksPath"
zone 3 mx1:k2 mx1:k6 mx2:k4 mx2:k5 mx2:k3
git add example.net.zone
expect_status 1 "core.hooksPath hook blocks" git commit -q -m "no serial"
finish
