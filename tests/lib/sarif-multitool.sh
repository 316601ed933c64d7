#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Installs Microsoft's SARIF Multitool, which tests/t302-report-sarif.sh
# validates the sarif report with, from the npm registry into DIR when it
# is not there yet, then prints the path of its Linux binary.
#   sh tests/lib/sarif-multitool.sh DIR
# Exits 1 with a message on stderr when npm is missing or the registry
# cannot be reached.
set -u

dir=${1:?usage: sarif-multitool.sh DIR}
package=@microsoft/sarif-multitool@5.7.0
bin=$dir/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool

if [ ! -f "$bin" ]; then
	if ! command -v npm >/dev/null; then
		echo "npm not found, so the SARIF Multitool cannot be" \
			"installed; install Node.js with npm ('make deps' does" \
			"on Debian when Node.js is missing)" >&2
		exit 1
	fi
	mkdir -p "$dir" || exit 1
	# Few retries and a short timeout, so that an offline machine fails
	# in about a minute instead of retrying for several.
	if ! npm install --prefix "$dir" --no-audit --no-fund \
		--fetch-retries=1 --fetch-timeout=30000 "$package" \
		>"$dir/npm.log" 2>&1 || [ ! -f "$bin" ]; then
		echo "cannot install $package from the npm registry into" \
			"$dir (offline, or the registry is unreachable);" \
			"npm's output is in $dir/npm.log" >&2
		exit 1
	fi
fi
# npm may skip the package's postinstall script, which sets this bit.
chmod u+x "$bin" || exit 1
echo "$bin"
