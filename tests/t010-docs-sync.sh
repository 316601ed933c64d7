#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# The rule registry, docs/rules/ and the tests agree: every rule that
# "danelint rules" prints has a page and a case that expects it (or, for
# the change rules, a git test script that covers it), every page belongs
# to a rule, and the registry is sorted by id.
set -u

: "${DANELINT:?set DANELINT to the danelint binary}"
cd "$(dirname "$0")/.." || exit 2

fails=0

fail() {
	echo "not ok: $*" >&2
	fails=$((fails + 1))
}

# Prints, one per line, the rule ids named by the "; expect: a, b" markers
# and the "expect" file lines ("PATH:LINE RULE") of one case directory.
expected_rules() {
	find "$1" -type f ! -name expect ! -name args \
		-exec grep -h 'expect:' {} + 2>/dev/null |
		sed -n 's/.*expect: *\([a-z0-9, -]*\).*/\1/p' |
		tr ',' ' ' | tr -s ' ' '\n' | sed '/^$/d'
	find "$1" -type f -name expect -exec grep -hv '^#' {} + 2>/dev/null |
		awk 'NF >= 2 { print $2 }'
}

if ! listing=$("$DANELINT" rules); then
	echo "not ok: '$DANELINT rules' failed" >&2
	exit 1
fi
ids=$(printf '%s\n' "$listing" | awk 'NF { print $1 }')
[ -n "$ids" ] || fail "'danelint rules' printed no rule"

# "danelint rules" prints the registry in its order.
sorted=$(printf '%s\n' "$ids" | LC_ALL=C sort)
if [ "$ids" != "$sorted" ]; then
	fail "the rule registry (rules/registry.c) is not sorted by id;" \
		"expected order: $(printf '%s\n' "$sorted" | tr '\n' ' ' | sed 's/ $//')"
fi
duplicates=$(printf '%s\n' "$ids" | LC_ALL=C sort | uniq -d)
[ -z "$duplicates" ] ||
	fail "rule ids listed more than once in the registry:" \
		"$(printf '%s\n' "$duplicates" | tr '\n' ' ' | sed 's/ $//')"

for id in $ids; do
	[ -f "docs/rules/$id.md" ] ||
		fail "rule '$id' has no page docs/rules/$id.md"

	# Change rules need a git history, so git test scripts cover them
	# and name them on a "# covers: RULE..." line.
	if grep -h '^# covers:' tests/t[0-9]*.sh 2>/dev/null |
		tr ' ' '\n' | grep -Fqx -- "$id"; then
		continue
	fi
	if [ ! -d "testdata/cases/$id" ]; then
		fail "rule '$id' has no case directory testdata/cases/$id/" \
			"and no '# covers: $id' line in a tests/t*.sh script"
		continue
	fi
	found=no
	for case_dir in "testdata/cases/$id"/*/; do
		[ -d "$case_dir" ] || continue
		if expected_rules "$case_dir" | grep -Fqx -- "$id"; then
			found=yes
			break
		fi
	done
	[ "$found" = yes ] ||
		fail "rule '$id': no case in testdata/cases/$id/ expects it;" \
			"add a case with a '; expect: $id' marker or an" \
			"'expect' file line 'PATH:LINE $id'"
done

for page in docs/rules/*.md; do
	[ -f "$page" ] || continue
	id=$(basename "$page" .md)
	printf '%s\n' "$ids" | grep -Fqx -- "$id" ||
		fail "$page documents '$id', which is not in the rule registry"
done

[ "$fails" -eq 0 ]
