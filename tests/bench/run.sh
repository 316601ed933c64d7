#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Times danelint against validns, kzonecheck and named-checkzone on the
# same generated zones, runs interleaved, and writes the medians, peak RSS
# and ratios to the file given (docs/benchmarks.md from "make bench").
#   DANELINT=build/danelint sh tests/bench/run.sh OUT [RUNS]
set -eu
out=$1
runs=${2:-5}
: "${DANELINT:?set DANELINT to the danelint binary}"
tests=$(cd "$(dirname "$0")/.." && pwd)
work=${BENCH_DIR:-build/bench}
mkdir -p "$work"
for tool in validns kzonecheck named-checkzone; do
	command -v $tool >/dev/null || {
		echo "$tool not found: apt-get install validns knot-dnssecutils bind9-utils" >&2
		exit 2
	}
done

# measure LABEL COMMAND...: one run; appends "LABEL SECONDS KB" to $work/times.
measure() {
	label=$1
	shift
	/usr/bin/time -f "$label %e %M" -a -o "$work/times" "$@" \
		>/dev/null 2>&1 || true
}

# median LABEL FIELD: the median of FIELD (2 time, 3 RSS) of LABEL's runs.
median() {
	awk -v l="$1" -v f="$2" '$1 == l { print $f }' "$work/times" | sort -n |
		awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

: >"$work/times"
for size in 10000 100000 1000000; do
	z=$work/mail-$size.zone
	[ -f "$z" ] || sh "$tests/bench/gen-zone.sh" $size 1 >"$z"
	i=0
	while [ $i -lt "$runs" ]; do
		measure "danelint-$size" "$DANELINT" check --no-config -q \
			--origin bench.example "$z"
		measure "validns-$size" validns -z bench.example -p all "$z"
		measure "kzonecheck-$size" kzonecheck -d off -o bench.example "$z"
		measure "named-checkzone-$size" named-checkzone -i none \
			bench.example "$z"
		i=$((i + 1))
	done
done

# The 1,000-zone repository: danelint once, each peer once per zone. Its
# twin with a key per host differs only in certificates and digests, so
# the peers run on the first one.
repo=$work/repo1k
keyed=$work/repo1k-keys
[ -d "$repo/.git" ] || sh "$tests/bench/gen-repo.sh" "$repo" 1000 500 1 >/dev/null
[ -d "$keyed/.git" ] ||
	KEYS=per-host sh "$tests/bench/gen-repo.sh" "$keyed" 1000 500 1 >/dev/null
peers_on_repo() {
	for f in "$repo"/zones/*.zone; do
		o=$(basename "$f" .zone)
		"$@" "$o" "$f" >/dev/null 2>&1 || true
	done
}
i=0
while [ $i -lt "$runs" ]; do
	measure danelint-repo sh -c "cd '$repo' && '$DANELINT' check -q"
	measure danelint-keyed sh -c "cd '$keyed' && '$DANELINT' check -q"
	measure validns-repo sh -c "for f in '$repo'/zones/*.zone; do validns -z \$(basename \$f .zone) -p all \$f; done"
	measure kzonecheck-repo sh -c "for f in '$repo'/zones/*.zone; do kzonecheck -d off -o \$(basename \$f .zone) \$f; done"
	measure named-checkzone-repo sh -c "for f in '$repo'/zones/*.zone; do named-checkzone -i none \$(basename \$f .zone) \$f; done"
	# pre-commit with one staged zone change
	(cd "$repo" && sed -i 's/^h0\t.*/h0\tIN A\t198.51.100.1/' zones/zone1.example.zone &&
		sed -i 's/( [0-9]* 7200/( 999999 7200/' zones/zone1.example.zone &&
		git add zones/zone1.example.zone)
	measure danelint-precommit sh -c "cd '$repo' && '$DANELINT' pre-commit -q"
	(cd "$keyed" && sed -i 's/^h0\t.*/h0\tIN A\t198.51.100.1/' zones/zone1.example.zone &&
		sed -i 's/( [0-9]* 7200/( 999999 7200/' zones/zone1.example.zone &&
		git add zones/zone1.example.zone)
	measure danelint-precommit-keyed sh -c "cd '$keyed' && '$DANELINT' pre-commit -q"
	measure danelint-ci sh -c "cd '$repo' && '$DANELINT' ci -q --base \$(git rev-list --max-parents=0 HEAD)"
	i=$((i + 1))
done

row() {
	# row TITLE SUFFIX [PEER_SUFFIX]: danelint against each peer for one
	# input; the peers' times come from PEER_SUFFIX when given.
	d=$(median "danelint-$2" 2)
	dm=$(median "danelint-$2" 3)
	set -- "$1" "$2" "${3:-$2}"
	best=""
	for p in validns kzonecheck named-checkzone; do
		t=$(median "$p-$3" 2)
		if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then
			best=$t
			bestname=$p
		fi
	done
	printf '| %s | %s s, %s MiB | %s s, %s MiB | %s s, %s MiB | %s s, %s MiB | %s (%s) |\n' \
		"$1" "$d" "$((dm / 1024))" \
		"$(median "validns-$3" 2)" "$(($(median "validns-$3" 3) / 1024))" \
		"$(median "kzonecheck-$3" 2)" "$(($(median "kzonecheck-$3" 3) / 1024))" \
		"$(median "named-checkzone-$3" 2)" "$(($(median "named-checkzone-$3" 3) / 1024))" \
		"$(awk -v a="$d" -v b="$best" 'BEGIN { printf "%.2f", a / b }')" "$bestname"
}

{
	echo "| input | danelint check | validns -p all | kzonecheck -d off | named-checkzone -i none | danelint / fastest peer |"
	echo "|---|---|---|---|---|---|"
	row "one zone, 10k records" 10000
	row "one zone, 100k records" 100000
	row "one zone, 1M records" 1000000
	row "1,000 zones, two keys shared by all hosts" repo
	row "1,000 zones, a key per host" keyed repo
	echo
	echo "danelint pre-commit on the 1,000-zone repository with 500 commits and one staged zone change: $(median danelint-precommit 2) s, $(($(median danelint-precommit 3) / 1024)) MiB with shared keys; $(median danelint-precommit-keyed 2) s, $(($(median danelint-precommit-keyed 3) / 1024)) MiB with a key per host (medians of $runs)."
	echo
	echo "danelint ci over the 499 commits of that history (shared keys): $(median danelint-ci 2) s, $(($(median danelint-ci 3) / 1024)) MiB (median of $runs)."
} >"$out"
cat "$out"
