#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# danelint ci over a 200-commit history reports exactly the unsafe
# commits; shallow clones are refused with the fix; a private key that a
# later commit removes is still reported.
. "$TESTS_DIR/lib/e2e.sh"
. "$TESTS_DIR/lib/pki.sh"
. "$TESTS_DIR/lib/git.sh"

mkdir -p "$work/repo" && cd "$work/repo" && repo_init || exit 2
base=$(date -u -d 2026-01-01T00:00:00Z +%s)
at() {
	date -u -d "@$((base + $1 * 3600))" +%Y-%m-%dT%H:%M:%SZ
}

zone 1 mx1:k1 mx1:k2 mx2:k4 mx2:k5
deploy mx1 k1 k2
deploy mx2 k4 k5
commit_at "$(at 0)" "initial"
serial=1
unsafe=""
i=1
while [ $i -lt 200 ]; do
	serial=$((serial + 1))
	case $i in
	50)	# too early: k3's record and the key in one commit
		zone $serial mx1:k1 mx1:k2 mx2:k4 mx2:k5 mx2:k3
		deploy mx2 k3 k5 ;;
	51)	# back to k4, which is still published
		zone $serial mx1:k1 mx1:k2 mx2:k4 mx2:k5 mx2:k3
		deploy mx2 k4 k5 ;;
	100)	# content changes, serial does not
		serial=$((serial - 1))
		zone $serial mx1:k1 mx1:k2 mx2:k4 mx2:k5 ;;
	150)	# a private key committed ...
		cp .pki/k6.key certs/mx1.example.net/key.pem
		zone $serial mx1:k1 mx1:k2 mx2:k4 mx2:k5 ;;
	151)	# ... and removed again
		rm certs/mx1.example.net/key.pem
		zone $serial mx1:k1 mx1:k2 mx2:k4 mx2:k5 ;;
	*)	zone $serial mx1:k1 mx1:k2 mx2:k4 mx2:k5
		printf 'host%d\tIN A\t192.0.2.%d\n' $i $((i % 250)) \
			>>example.net.zone ;;
	esac
	commit_at "$(at $i)" "change $i"
	case $i in
	50 | 100 | 150) unsafe="$unsafe $(git rev-parse --short=7 HEAD)" ;;
	esac
	i=$((i + 1))
done
[ "$(git rev-list --count HEAD)" -eq 200 ] || fail "history is not 200 commits"

expect_status 1 "ci over 200 commits" "$DANELINT" ci --format json
reported=$(sed -n 's/.*"message": "commit \([0-9a-f]*\): .*/\1/p' \
	"$work/out" | sort -u | tr '\n' ' ')
want=$(echo $unsafe | tr ' ' '\n' | sort | tr '\n' ' ')
[ "$reported" = "$want" ] ||
	fail "ci reported commits '$reported', expected '$want'"
expect_in "$work/out" '"rule": "rollover-too-early"' "commit 50"
expect_in "$work/out" '"rule": "soa-serial-not-incremented"' "commit 100"
expect_in "$work/out" '"rule": "private-key-committed"' "commit 150"

# --base limits the range; a range without the unsafe commits is clean.
expect_status 0 "ci --base HEAD~20" "$DANELINT" ci --base HEAD~20
expect_in "$work/err" "checked the head tree and 20 commits" "--base"
expect_status 1 "ci --head HEAD~100" "$DANELINT" ci --base HEAD~160 \
	--head HEAD~100
expect_status 2 "ci unknown revision" "$DANELINT" ci --base no-such-rev
expect_in "$work/err" "unknown revision 'no-such-rev'" "unknown revision"

# GitLab merge requests name their base in the environment.
expect_status 0 "ci with a GitLab base" env \
	CI_MERGE_REQUEST_DIFF_BASE_SHA="$(git rev-parse HEAD~5)" "$DANELINT" ci
expect_in "$work/err" "5 commits" "GitLab base"

# A zone whose TLSA records sit in an $INCLUDE file: a commit that changes
# only the included file is read anew, not taken from an earlier commit
# with the same zone file.
mkdir -p "$work/inc" && cd "$work/inc" && repo_init || exit 2
zone 1
echo '$INCLUDE tlsa.inc' >>example.net.zone
printf '_25._tcp.mx1\tIN TLSA\t3 1 1 %s\n' "$(cat .pki/k1.digest)" \
	"$(cat .pki/k2.digest)" >tlsa.inc
printf '_25._tcp.mx2\tIN TLSA\t3 1 1 %s\n' "$(cat .pki/k4.digest)" \
	"$(cat .pki/k5.digest)" >>tlsa.inc
deploy mx1 k1 k2
deploy mx2 k4 k5
commit_at "$(at 0)" "initial"
grep -v "$(cat .pki/k1.digest)" tlsa.inc >tlsa.new && mv tlsa.new tlsa.inc
commit_at "$(at 2)" "drop the live record of mx1"
expect_status 1 "ci with an included file changed" "$DANELINT" ci
expect_in "$work/out" "[rollover-live-tlsa-removed]" "included file"
expect_in "$work/out" "[soa-serial-not-incremented]" "included file"
cd "$work/repo" || exit 2

# A zone file that is a symbolic link is read through the link in the
# commit, as on disk. A link that leads outside the repository is an
# error naming the file.
mkdir -p "$work/links/zones" "$work/links/data" && cd "$work/links" &&
	git init -q . && git config user.name Test &&
	git config user.email test@example.net || exit 2
zone_header example.net. >data/example.net.db
echo '@	IN A	bad' >>data/example.net.db
ln -s ../data/example.net.db zones/example.net.zone
commit_at "$(at 0)" "linked zone"
expect_status 1 "ci with a linked zone" "$DANELINT" ci --no-config
expect_in "$work/out" "zones/example.net.zone:8:1: error: invalid record '@ IN A bad'" \
	"linked zone"
ln -s ../../outside.zone zones/outside.zone
commit_at "$(at 1)" "link out of the repository"
expect_status 2 "ci with a link out of the repository" "$DANELINT" ci --no-config
expect_in "$work/err" "cannot read 'zones/outside.zone': symbolic link leads outside the repository" \
	"link out of the repository"
cd "$work/repo" || exit 2

# A shallow clone cannot date TLSA records: an error with the fix.
git clone -q --depth 3 "file://$work/repo" "$work/shallow" 2>/dev/null
cd "$work/shallow" || exit 2
expect_status 2 "shallow clone" "$DANELINT" ci
expect_in "$work/err" "fetch-depth: 0" "shallow clone"
finish
