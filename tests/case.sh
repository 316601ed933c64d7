#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Runs one rule case: testdata/cases/RULE/CASE/.
#
# The case directory is copied to a temporary git repository. setup.sh, if
# present, runs there with tests/lib/pki.sh loaded to make keys and
# certificates. When the case cannot run on this machine, setup.sh calls
# case_skip REASON, and the case counts as passed. In zone files, @@SPKI256:FILE@@, @@SPKI512:FILE@@,
# @@CERT256:FILE@@ and @@CERT512:FILE@@ become the TLSA association data
# of FILE, computed with the openssl CLI. Each "; expect: RULE[,RULE]"
# comment marks a finding that must appear on its line; the file "expect"
# lists findings elsewhere as "PATH:LINE RULE". The file "args" holds extra
# arguments of "danelint check". The case fails on any missing or extra
# finding.
set -u

case_dir=$1
: "${DANELINT:?}" "${TESTS_DIR:?}"
. "$TESTS_DIR/lib/pki.sh"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -R "$case_dir". "$work/" || exit 2
cd "$work" || exit 2
git init -q . || exit 2

# Ends the case as passed, for setup.sh when something it needs is absent.
case_skip() {
	echo "skip: $case_dir: $*"
	exit 0
}

if [ -f setup.sh ]; then
	mkdir -p .pki
	if ! . ./setup.sh; then
		echo "setup.sh failed in $case_dir" >&2
		exit 2
	fi
	rm -f setup.sh
fi

# Replaces the digest placeholders in one file.
fill_placeholders() {
	while grep -q '@@[A-Z0-9]*:[^@]*@@' "$1"; do
		ph=$(grep -o '@@[A-Z0-9]*:[^@]*@@' "$1" | head -n 1)
		kind=${ph#@@}
		kind=${kind%%:*}
		file=${ph#@@*:}
		file=${file%@@}
		case $kind in
		SPKI256) data=$(pki_tlsa_data 1 1 "$file") ;;
		SPKI512) data=$(pki_tlsa_data 1 2 "$file") ;;
		CERT256) data=$(pki_tlsa_data 0 1 "$file") ;;
		CERT512) data=$(pki_tlsa_data 0 2 "$file") ;;
		*) echo "unknown placeholder $ph" >&2; exit 2 ;;
		esac
		[ -n "$data" ] || { echo "no digest for $ph" >&2; exit 2; }
		sed "s|$ph|$data|" "$1" >"$1.tmp" && mv "$1.tmp" "$1"
	done
}

find . -path ./.git -prune -o -type f -print | sort >.files
while read -r f; do
	case $f in
	./.files | ./expect | ./args) continue ;;
	esac
	grep -q '@@' "$f" 2>/dev/null && fill_placeholders "$f"
done <.files

# Expected findings: markers in files, then the expect list.
: >.expected
while read -r f; do
	case $f in
	./.files | ./expect | ./args | ./.expected) continue ;;
	esac
	grep -n 'expect:' "$f" 2>/dev/null |
		sed -n 's/^\([0-9]*\):.*expect: *\([a-z0-9, -]*\).*/\1 \2/p' |
		while read -r line rules; do
			for r in $(echo "$rules" | tr ',' ' '); do
				echo "${f#./}:$line $r"
			done
		done >>.expected
done <.files
[ -f expect ] && grep -v '^#' expect | sed '/^$/d' >>.expected
sort .expected -o .expected

args=""
[ -f args ] && args=$(cat args)
# args is split into words on purpose.
# shellcheck disable=SC2086
"$DANELINT" check --now 2026-12-04T12:00:00Z $args >.out 2>.err
status=$?
if [ "$status" -ge 2 ]; then
	echo "danelint exited with $status in $case_dir:" >&2
	cat .err >&2
	exit 1
fi
sed -n 's/^\([^:]*\):\([0-9]*\):[0-9]*: [a-z]*: .* \[\([a-z0-9-]*\)\]$/\1:\2 \3/p' \
	.out | sort >.actual
if ! diff -u .expected .actual >.diff; then
	echo "findings differ in $case_dir (- expected, + reported):" >&2
	tail -n +3 .diff >&2
	echo "output:" >&2
	cat .out >&2
	exit 1
fi
