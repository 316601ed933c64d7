#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# The report examples of docs/formats.md are what danelint prints for
# testdata/demo (tests/lib/doc_examples.py). With FILL=1, rewrites the
# whole-report examples from danelint's output instead.
. "$TESTS_DIR/lib/e2e.sh"

if ! command -v python3 >/dev/null; then
	echo "not ok: python3 not found; the example check needs it" \
		"('make deps' installs it)" >&2
	exit 1
fi
doc=$TESTS_DIR/../docs/formats.md
docs_url=https://git.example.org/danelint/-/blob/v0.1.0/docs/
mkdir "$work/reports" || exit 2
cp -R "$TESTS_DIR/../testdata/demo" "$work/demo" && cd "$work/demo" || exit 2
for fmt in text json sarif github gitlab junit; do
	"$DANELINT" check --now 2026-12-04T12:00:00Z --format "$fmt" \
		--docs-url "$docs_url" -o "$work/reports/$fmt" 2>/dev/null
	[ $? -eq 1 ] || fail "--format $fmt: exit status is not 1"
done
# The page shows the repository root as /home/dns/zones.
sed "s|\"file://$work/demo/\"|\"file:///home/dns/zones/\"|" \
	"$work/reports/sarif" >"$work/sarif" && mv "$work/sarif" "$work/reports/sarif"

if [ "${FILL:-}" = 1 ]; then
	python3 "$TESTS_DIR/lib/doc_examples.py" fill "$doc" "$work/reports"
else
	python3 "$TESTS_DIR/lib/doc_examples.py" check "$doc" \
		"$work/reports" || fail "docs/formats.md examples"
fi
finish
