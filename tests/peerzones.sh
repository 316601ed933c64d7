#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Runs danelint on every file of the peer projects' zone test suites
# (PEERZONES, default shared/peerzones beside the repository directory)
# and prints, per project, how many files it read, how many got a
# zone-syntax finding or any finding, and any crash or hang. For BIND's
# checkzone suite, whose file names carry the verdict (good*.db must
# load, bad*.db must fail), it also prints the agreement.
# tests/peerzones_agreement.py compares every file with the peer's verdict.
#   DANELINT=build/danelint sh tests/peerzones.sh
set -u
: "${DANELINT:?set DANELINT to the danelint binary}"
peers=${PEERZONES:-$(cd "$(dirname "$0")/../.." && pwd)/shared/peerzones}
if [ ! -d "$peers" ]; then
	echo "skip: $peers not present; set PEERZONES to the peer suites"
	exit 0
fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT
bad=0

echo "| project | files | zone-syntax | any finding | crashes or hangs |"
echo "|---|---|---|---|---|"
for dir in "$peers"/*/; do
	project=$(basename "$dir")
	files=0 syntax=0 any=0 broken=0
	for f in $(find "$dir" -type f ! -name '*.md' ! -name '*.pem' \
		! -name '*.key' ! -name '*.crt' | sort); do
		files=$((files + 1))
		# The file's own origin first; example.com for files that
		# name none (the peers' drivers pass one).
		timeout 60 "$DANELINT" check --no-config "$f" >"$out" 2>&1
		status=$?
		if grep -q "cannot tell the zone origin" "$out"; then
			timeout 60 "$DANELINT" check --no-config \
				--origin example.com "$f" >"$out" 2>&1
			status=$?
		fi
		if [ $status -ge 2 ] && ! grep -q "cannot read\|cannot open" "$out"; then
			broken=$((broken + 1))
			echo "  exit $status: $f" >&2
		fi
		grep -q "\[zone-syntax\]" "$out" && syntax=$((syntax + 1))
		grep -q "^[^ ]*:[0-9]*:[0-9]*: " "$out" && any=$((any + 1))
	done
	echo "| $project | $files | $syntax | $any | $broken |"
	bad=$((bad + broken))
done

good_ok=0 good_n=0 bad_ok=0 bad_n=0
for f in "$peers"/bind9/checkzone/good*.db "$peers"/bind9/checkzone/bad*.db; do
	[ -f "$f" ] || continue
	"$DANELINT" check --no-config --origin example "$f" >"$out" 2>&1
	case $(basename "$f") in
	good*)	good_n=$((good_n + 1))
		grep -q "\[zone-syntax\]" "$out" || good_ok=$((good_ok + 1)) ;;
	bad*)	bad_n=$((bad_n + 1))
		grep -q "^[^ ]*:[0-9]*:[0-9]*: " "$out" && bad_ok=$((bad_ok + 1)) ;;
	esac
done
echo
echo "BIND checkzone: $good_ok of $good_n good files without zone-syntax;" \
	"$bad_ok of $bad_n bad files with a finding"
[ "$bad" -eq 0 ]
