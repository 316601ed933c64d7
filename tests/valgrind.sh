#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Runs the whole test suite with every danelint process and every unit
# test program under valgrind (memcheck), then lists what valgrind found.
#   sh tests/valgrind.sh BUILD
# BUILD is a build directory with BUILD/danelint and BUILD/tests/test_*,
# built without sanitizers ("make valgrind" uses build-valgrind). Each
# process writes its report to BUILD/valgrind/logs/PID.log, and PID.cmd
# next to it contains the test name and the command line. Valgrind reads
# extra options from VALGRIND_OPTS, e.g. VALGRIND_OPTS=--gen-suppressions=all.
# Prints the "N passed, N failed" line of tests/run.sh, then a line with
# the number of valgrind errors. Exits 1 when a test failed or valgrind
# reported an error, 2 when valgrind is missing.
set -u

build=$(cd "${1:?usage: sh tests/valgrind.sh BUILD}" && pwd) || exit 2
tests_dir=$(cd "$(dirname "$0")" && pwd)
if ! command -v valgrind >/dev/null; then
	echo "valgrind not found in PATH; install it (apt-get install valgrind)" >&2
	exit 2
fi

vg=$build/valgrind
logs=$vg/logs
rm -rf "$vg"
mkdir -p "$logs" "$vg/bin" || exit 2

# Runs its arguments under valgrind. exec keeps the process id, so PID.cmd
# describes the process whose report is PID.log. Only definite leaks count
# as errors, because a block still reachable at exit is freed by the exit,
# and a possibly lost block may be in use through a pointer into its middle.
# A process with an error exits with status 99, which fails its test. The
# unit tests fork to run the openssl CLI, and a child that execs another
# program would write an empty report, so children stay silent.
cat >"$vg/run" <<EOF || exit 2
#!/bin/sh
printf '%s\n' "\${TEST_NAME:-}" "\$*" >"$logs/\$\$.cmd"
exec valgrind --error-exitcode=99 --leak-check=full \\
	--show-leak-kinds=definite --errors-for-leak-kinds=definite \\
	--track-fds=no --child-silent-after-fork=yes --num-callers=30 \\
	--suppressions="$tests_dir/valgrind.supp" \\
	--log-file="$logs/%p.log" "\$@"
EOF

# The danelint that the tests run. It is called danelint and is alone in
# its directory, because some tests put that directory first in PATH.
cat >"$vg/bin/danelint" <<EOF || exit 2
#!/bin/sh
exec "$vg/run" "$build/danelint" "\$@"
EOF
chmod +x "$vg/run" "$vg/bin/danelint" || exit 2

# The language server tests wait 30 s for each reply by default, which is
# too short for a server under valgrind.
DANELINT=$vg/bin/danelint BUILD=$build UNIT_RUNNER=$vg/run \
	LSP_TEST_TIMEOUT=${LSP_TEST_TIMEOUT:-300} sh "$tests_dir/run.sh"
tests_status=$?

# Every report ends with "ERROR SUMMARY: N errors from M contexts". A
# report without that line belongs to a process that was killed, e.g. by
# a test's timeout.
errors=0
bad=0
unfinished=0
processes=0
for log in "$logs"/*.log; do
	[ -f "$log" ] || continue
	processes=$((processes + 1))
	n=$(sed -n 's/.*ERROR SUMMARY: \([0-9]*\) errors.*/\1/p' "$log")
	if [ -z "$n" ]; then
		unfinished=$((unfinished + 1))
		echo "valgrind: no error summary in $log; was the process killed?"
	elif [ "$n" -gt 0 ]; then
		errors=$((errors + n))
		bad=$((bad + 1))
		echo "valgrind: $n errors in $log"
	else
		continue
	fi
	sed -n '1s/^/  test: /p; 2s/^/  command: /p' "${log%.log}.cmd"
	sed 's/^/  /' "$log"
done

echo "valgrind: $errors errors in $bad of $processes processes," \
	"$unfinished without an error summary"
[ "$tests_status" -eq 0 ] && [ "$errors" -eq 0 ] && [ "$unfinished" -eq 0 ]
