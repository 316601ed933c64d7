#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# The sarif report passes Microsoft's SARIF Multitool (validate, with its
# SARIF and GitHub rules) without errors, on the demo repository, on a
# clean zone and on findings whose files and messages need escaping. The
# Multitool comes from npm (tests/lib/sarif-multitool.sh); 'make check'
# installs it into build/.
. "$TESTS_DIR/lib/e2e.sh"
. "$TESTS_DIR/lib/escape.sh"

if ! command -v python3 >/dev/null; then
	echo "not ok: python3 not found; the report checks need it" \
		"('make deps' installs it)" >&2
	exit 1
fi
dir=${SARIF_MULTITOOL_DIR:-$TESTS_DIR/../build/sarif-multitool}
if ! multitool=$(sh "$TESTS_DIR/lib/sarif-multitool.sh" "$dir"); then
	echo "not ok: the SARIF Multitool is missing and could not be" \
		"installed, so the sarif report is not validated" >&2
	exit 1
fi
checker=$TESTS_DIR/lib/reports.py
now=2026-12-04T12:00:00Z
docs=https://docs.example.org/danelint/docs/
"$DANELINT" rules >"$work/rules" || exit 2

# validate NAME FILE ALLOWED: runs the Multitool on FILE; every result of
# level error fails, and so does each warning whose rule id is not in the
# space-separated list ALLOWED.
validate() {
	rm -f "$work/$1.validation"
	if ! "$multitool" validate --rule-kind "Sarif;Gh" \
		-o "$work/$1.validation" "$2" >"$work/$1.log" 2>&1 ||
		[ ! -s "$work/$1.validation" ]; then
		fail "$1: the SARIF Multitool failed"
		sed 's/^/  /' "$work/$1.log" >&2
		return
	fi
	python3 - "$work/$1.validation" "$3" <<'PY' || fail "$1: not valid"
import json, sys
log = json.load(open(sys.argv[1]))
allowed = sys.argv[2].split()
bad = 0
for run in log["runs"]:
    for inv in run.get("invocations", []):
        if not inv.get("executionSuccessful", False):
            print("  the Multitool did not run to the end", file=sys.stderr)
            bad += 1
    for r in run.get("results", []):
        level = r.get("level", "warning")
        if level == "error" or (level == "warning" and
                                r["ruleId"] not in allowed):
            print(f"  {level} {r['ruleId']}: {r['message']}",
                  file=sys.stderr)
            bad += 1
sys.exit(1 if bad else 0)
PY
}

# The Multitool does report problems: a log without driver.rules is an
# error for GitHub (GH1018).
printf '%s\n' '{"version": "2.1.0", "runs": [{"tool": {"driver":' \
	'{"name": "x"}}, "results": []}]}' >"$work/bad.sarif"
rm -f "$work/bad.validation"
"$multitool" validate --rule-kind "Sarif;Gh" -o "$work/bad.validation" \
	"$work/bad.sarif" >/dev/null 2>&1
grep -q '"GH1018"' "$work/bad.validation" 2>/dev/null ||
	fail "the SARIF Multitool reported no GH1018 for a log without rules"

cp -R "$TESTS_DIR/../testdata/demo" "$work/demo" && cd "$work/demo" || exit 2
expect_status 1 "demo" "$DANELINT" check --now "$now" --format sarif \
	--docs-url "$docs" -o "$work/demo.sarif"
validate demo "$work/demo.sarif" ""
expect_status 1 "demo json" "$DANELINT" check --now "$now" --format json \
	-o "$work/demo.json"
python3 "$checker" sarif "$work/demo.sarif" "$work/demo.json" \
	"$work/rules" "$docs" || fail "demo sarif fields"

# Without a docs URL there is no helpUri and no informationUri, which
# the Multitool only warns about (SARIF2005).
expect_status 1 "demo without URL" "$DANELINT" check --now "$now" \
	--format sarif -o "$work/nourl.sarif"
validate nourl "$work/nourl.sarif" SARIF2005
python3 "$checker" sarif "$work/nourl.sarif" "$work/demo.json" \
	"$work/rules" || fail "sarif fields without a docs URL"

# docs-url in .danelint, and invalid URLs.
printf '\tdocs-url = https://docs.example.org/danelint/docs\n' >>.danelint
expect_status 1 "docs-url setting" "$DANELINT" check --now "$now" \
	--format sarif -o "$work/setting.sarif"
cmp -s "$work/setting.sarif" "$work/demo.sarif" ||
	fail "docs-url in .danelint differs from --docs-url"
for url in docs.example.org "ftp://x.example/" "https://" "https://a b/"; do
	expect_status 2 "--docs-url $url" "$DANELINT" check --docs-url "$url"
	expect_in "$work/err" "invalid --docs-url" "--docs-url $url"
done
printf '\tdocs-url = file:///usr/share/doc\n' >>.danelint
expect_status 2 "invalid docs-url setting" "$DANELINT" check
expect_in "$work/err" "docs-url" "invalid docs-url setting"

# A clean zone: no results, every rule still described.
mkdir "$work/clean" && cd "$work/clean" && git init -q . || exit 2
zone_header example.net. >example.net.zone
expect_status 0 "clean" "$DANELINT" check --format sarif \
	--docs-url "$docs" -o "$work/clean.sarif"
validate clean "$work/clean.sarif" ""
python3 - "$work/clean.sarif" "$work/rules" <<'PY' || fail "clean sarif"
import json, sys
run = json.load(open(sys.argv[1]))["runs"][0]
assert run["results"] == [], run["results"]
ids = [l.split()[0] for l in open(sys.argv[2]) if l.strip()]
assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ids
PY

# Files and messages with bytes that need escaping.
escape_repo "$work/esc" && cd "$work/esc" || exit 2
expect_status 1 "escaping" "$DANELINT" check --now "$now" --format sarif \
	--docs-url "$docs" -o "$work/esc.sarif"
validate escaping "$work/esc.sarif" ""
expect_status 1 "escaping json" "$DANELINT" check --now "$now" \
	--format json -o "$work/esc.json"
python3 "$checker" sarif "$work/esc.sarif" "$work/esc.json" \
	"$work/rules" "$docs" || fail "escaping sarif fields"
finish
