#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Output options: --color auto|always|never with NO_COLOR and FORCE_COLOR,
# no color in machine formats or with -o, --quiet, --exit-zero and
# --no-config.
. "$TESTS_DIR/lib/e2e.sh"

esc=$(printf '\033')
cp -R "$TESTS_DIR/../testdata/demo" "$work/demo" && cd "$work/demo" || exit 2
# Neither variable comes from the environment the tests run in.
unset NO_COLOR FORCE_COLOR

# colored DESCRIPTION yes|no: whether $work/out has an escape sequence.
colored() {
	if grep -q "$esc\[" "$work/out"; then
		[ "$2" = yes ] || fail "$1: colored, expected plain text"
	else
		[ "$2" = no ] || fail "$1: plain text, expected color"
	fi
}

# check_with DESCRIPTION [VAR=VALUE...] -- [OPTION...]: runs check with
# the variables set, stdout in $work/out.
check_with() {
	what=$1
	shift
	assignments=""
	while [ "$1" != "--" ]; do
		assignments="$assignments $1"
		shift
	done
	shift
	# The assignments are split into words on purpose.
	# shellcheck disable=SC2086
	expect_status 1 "$what" env $assignments "$DANELINT" check \
		--now 2026-12-04T12:00:00Z "$@"
}

check_with "pipe" -- ; colored "pipe" no
check_with "always" -- --color always; colored "always" yes
check_with "never" FORCE_COLOR=1 -- --color never; colored "never" no
check_with "FORCE_COLOR" FORCE_COLOR=1 --; colored "FORCE_COLOR=1" yes
check_with "FORCE_COLOR=0" FORCE_COLOR=0 --; colored "FORCE_COLOR=0" no
check_with "NO_COLOR wins" NO_COLOR=1 FORCE_COLOR=1 --
colored "NO_COLOR and FORCE_COLOR" no
check_with "always beats NO_COLOR" NO_COLOR=1 -- --color always
colored "--color always with NO_COLOR" yes
for fmt in json sarif github gitlab junit; do
	check_with "$fmt" FORCE_COLOR=1 -- --color always --format "$fmt"
	colored "--format $fmt" no
done
check_with "-o" FORCE_COLOR=1 -- --color always -o "$work/report.txt"
cp "$work/report.txt" "$work/out"
colored "-o" no
expect_status 2 "bad --color" "$DANELINT" check --color sometimes
expect_in "$work/err" "invalid --color 'sometimes'" "bad --color"

# auto follows the terminal: script(1) gives danelint one.
if command -v script >/dev/null; then
	cmd="'$DANELINT' check --now 2026-12-04T12:00:00Z"
	script -qec "$cmd" /dev/null >"$work/out" 2>&1
	colored "terminal" yes
	NO_COLOR= script -qec "$cmd" /dev/null >"$work/out" 2>&1
	colored "terminal, empty NO_COLOR" yes
	NO_COLOR=1 script -qec "$cmd" /dev/null >"$work/out" 2>&1
	colored "terminal, NO_COLOR=1" no
	script -qec "$cmd --format json" /dev/null >"$work/out" 2>&1
	colored "terminal, json" no
else
	fail "script(1) not found: --color auto on a terminal not tested"
fi

# --quiet hides the summary and notes, not the report or errors.
expect_status 1 "--quiet" "$DANELINT" check --quiet
[ -s "$work/err" ] && fail "--quiet wrote to stderr"
expect_in "$work/out" "[tlsa-current-key-unmatched]" "--quiet report"
expect_status 2 "--quiet error" "$DANELINT" check --quiet no-such.zone
expect_in "$work/err" "cannot open 'no-such.zone'" "--quiet error"
expect_status 0 "--quiet note" "$DANELINT" check --quiet --no-config \
	--certs certs certs
[ -s "$work/err" ] && fail "--quiet wrote the 'no zone files' note"

# --exit-zero: 0 with error findings, still 2 for usage errors.
expect_status 0 "--exit-zero" "$DANELINT" check --exit-zero
expect_in "$work/out" "error:" "--exit-zero report"
expect_status 2 "--exit-zero usage" "$DANELINT" check --exit-zero \
	--format yaml

# --no-config skips .danelint, and with it its zones and errors.
printf '\tfail-on = note\n[rule "tlsa-stale"]\n\tseverity = error\n' \
	>>.danelint
expect_status 1 "with config" "$DANELINT" check --now 2026-12-04T12:00:00Z
expect_in "$work/out" "error: '3 1 1 179609a8695d...'" "rule from .danelint"
expect_status 1 "--no-config" "$DANELINT" check --no-config \
	--now 2026-12-04T12:00:00Z
expect_in "$work/out" "note: '3 1 1 179609a8695d...'" "--no-config default"
printf '\tno-such-key = 1\n' >>.danelint
expect_status 2 "bad config" "$DANELINT" check
expect_in "$work/err" "no-such-key" "bad config"
expect_status 1 "--no-config ignores it" "$DANELINT" check --no-config
finish
