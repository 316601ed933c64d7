#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Runs every test: unit test programs, rule cases and end-to-end scripts.
# Needs DANELINT (the binary) and BUILD (the build directory) in the
# environment, as "make check" and "make asan" set them. UNIT_RUNNER, when
# set, is a program that runs each unit test program, as in
# "UNIT_RUNNER ./test_x" ("make valgrind" sets it). Each test runs with its
# name in TEST_NAME.
set -u

: "${DANELINT:?set DANELINT to the danelint binary}"
: "${BUILD:?set BUILD to the build directory}"
export DANELINT BUILD
TESTS_DIR=$(cd "$(dirname "$0")" && pwd)
export TESTS_DIR
TEST_NAME=
export TEST_NAME
cd "$TESTS_DIR/.." || exit 2

passed=0
failed=0
failures=""

record() {
	# record NAME STATUS
	if [ "$2" -eq 0 ]; then
		passed=$((passed + 1))
		echo "ok   $1"
	else
		failed=$((failed + 1))
		failures="$failures $1"
		echo "FAIL $1"
	fi
}

for t in "$BUILD"/tests/test_*; do
	[ -x "$t" ] || continue
	name=unit/$(basename "$t")
	TEST_NAME=$name
	if out=$(${UNIT_RUNNER:+"$UNIT_RUNNER"} "$t" 2>&1); then
		record "$name" 0
	else
		printf '%s\n' "$out"
		record "$name" 1
	fi
done

for case_dir in testdata/cases/*/*/; do
	[ -d "$case_dir" ] || continue
	name=case/${case_dir#testdata/cases/}
	name=${name%/}
	TEST_NAME=$name
	if out=$(sh "$TESTS_DIR/case.sh" "$case_dir" 2>&1); then
		record "$name" 0
	else
		printf '%s\n' "$out"
		record "$name" 1
	fi
done

for t in "$TESTS_DIR"/t[0-9]*.sh; do
	[ -f "$t" ] || continue
	name=e2e/$(basename "$t" .sh)
	TEST_NAME=$name
	if out=$(sh "$t" 2>&1); then
		record "$name" 0
	else
		printf '%s\n' "$out"
		record "$name" 1
	fi
done

[ -n "$failures" ] && echo "failed:$failures"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
