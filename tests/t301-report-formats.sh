#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# The report formats on the demo repository: json, text, sarif, github,
# gitlab and junit. Each is read back with a parser and compared field by
# field with the json report (tests/lib/reports.py). Also --format auto,
# and GitLab fingerprints that stay the same when lines move.
. "$TESTS_DIR/lib/e2e.sh"

if ! command -v python3 >/dev/null; then
	echo "not ok: python3 not found; the report checks need it" \
		"('make deps' installs it)" >&2
	exit 1
fi
checker=$TESTS_DIR/lib/reports.py
now=2026-12-04T12:00:00Z
"$DANELINT" rules >"$work/rules" || exit 2
cp -R "$TESTS_DIR/../testdata/demo" "$work/demo" || exit 2
cd "$work/demo" || exit 2

# report FORMAT [OPTION...]: writes $work/report.FORMAT with -o.
report() {
	fmt=$1
	shift
	expect_status 1 "--format $fmt" "$DANELINT" check --now "$now" \
		--format "$fmt" -o "$work/report.$fmt" "$@"
	[ -s "$work/out" ] && fail "--format $fmt -o wrote to stdout"
}

report json
report text
for fmt in json gitlab junit github; do
	[ "$fmt" = json ] || report "$fmt"
	[ "$fmt" = json ] && other=text || other=$fmt
	python3 "$checker" "$fmt" "$work/report.$other" "$work/report.json" \
		"$work/rules" || fail "$fmt report fields"
done
report sarif
python3 "$checker" sarif "$work/report.sarif" "$work/report.json" \
	"$work/rules" || fail "sarif report fields"

# auto is github under GitHub Actions, else text.
GITHUB_ACTIONS=true expect_status 1 "auto in Actions" "$DANELINT" check \
	--now "$now" --format auto
cmp -s "$work/out" "$work/report.github" ||
	fail "--format auto with GITHUB_ACTIONS=true is not the github report"
for value in false "" TRUE; do
	GITHUB_ACTIONS=$value expect_status 1 "auto with '$value'" \
		"$DANELINT" check --now "$now" --format auto
	cmp -s "$work/out" "$work/report.text" ||
		fail "--format auto with GITHUB_ACTIONS='$value' is not text"
done
expect_status 2 "unknown format" "$DANELINT" check --format yaml
expect_in "$work/err" "use text, json, sarif, github, gitlab, junit or auto" \
	"unknown format"

# A rule that is off, and the change rules that check does not run, are
# skipped test cases.
expect_status 1 "junit with a rule off" "$DANELINT" check --now "$now" \
	--format junit --disable tlsa-stale
python3 - "$work/out" <<'PY' || fail "junit skipped cases"
import sys
import xml.etree.ElementTree as ET
cases = {c.get("name"): c for c in ET.parse(sys.argv[1]).iter("testcase")}
off = cases["tlsa-stale"].find("skipped")
assert off is not None and off.get("message") == "the rule is off", off
assert cases["tlsa-stale"].find("failure") is None
change = cases["rollover-too-early"].find("skipped")
assert change is not None and "checks a change" in change.get("message")
assert cases["cert-unusable"].find("skipped") is None
PY

# Moving records to other lines keeps every GitLab fingerprint; a finding
# about another record gets another fingerprint.
cp "$work/report.gitlab" "$work/gitlab.before"
sed 's/^\$TTL 3600$/$TTL 3600\n\n; two more lines/' zones/example.org.zone \
	>"$work/zone" && cp "$work/zone" zones/example.org.zone
report gitlab
python3 - "$work/gitlab.before" "$work/report.gitlab" <<'PY' ||
import json, sys
before, after = (json.load(open(p)) for p in sys.argv[1:3])
old = {(i["check_name"], i["description"]): i for i in before}
moved = 0
for issue in after:
    was = old[(issue["check_name"], issue["description"])]
    assert issue["fingerprint"] == was["fingerprint"], issue
    moved += issue["location"] != was["location"]
assert moved >= 4, f"only {moved} findings moved"
PY
	fail "fingerprints changed when lines moved"
sed 's/3 1 1 179609a8695d/3 1 1 279609a8695d/' zones/example.org.zone \
	>"$work/zone" && cp "$work/zone" zones/example.org.zone
report gitlab
python3 - "$work/gitlab.before" "$work/report.gitlab" <<'PY' ||
import json, sys
before, after = (json.load(open(p)) for p in sys.argv[1:3])
old = {i["fingerprint"] for i in before}
stale = [i for i in after if "279609a8695d" in i["description"]]
assert len(stale) == 1, stale
assert stale[0]["fingerprint"] not in old, stale
assert len(old & {i["fingerprint"] for i in after}) == len(after) - 1
PY
	fail "a finding about another record kept its fingerprint"
finish
