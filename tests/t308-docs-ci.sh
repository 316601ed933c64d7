#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# The CI snippets of docs/ci.md. Each YAML block parses. The GitHub
# workflow uploads the SARIF file that its danelint step writes, and the
# GitLab job declares the Code Quality and JUnit files that its steps
# write. Every danelint command of the snippets runs on a git copy of the
# demo repository with the expected exit status and writes a report that
# parses.
. "$TESTS_DIR/lib/e2e.sh"

if ! python3 -c 'import yaml' 2>/dev/null; then
	echo "not ok: python3 with the yaml module not found; install" \
		"Debian's python3-yaml" >&2
	exit 1
fi
mkdir "$work/bin" && ln -s "$DANELINT" "$work/bin/danelint" || exit 2
cp -R "$TESTS_DIR/../testdata/demo" "$work/demo" && cd "$work/demo" || exit 2
git init -q . && git add -A &&
	git -c user.name=t -c user.email=t@example.org commit -qm demo &&
	git update-ref refs/remotes/origin/main HEAD || exit 2

PATH=$work/bin:$PATH python3 - "$TESTS_DIR/../docs/ci.md" <<'PY' ||
import json, os, re, shlex, subprocess, sys
import xml.etree.ElementTree as ET
import yaml

text = open(sys.argv[1], encoding="utf-8").read()
docs = [yaml.safe_load(b) for b in re.findall(r"```yaml\n(.*?)```", text, re.S)]
assert len(docs) == 2, f"{len(docs)} YAML blocks"
github, gitlab = docs
env = {k: v for k, v in os.environ.items()
       if not k.startswith(("GITHUB_", "CI_"))}


def output_of(line, fmt):
    """The -o file of a danelint command with --format fmt, or None."""
    words = shlex.split(line)
    if "--format" in words and words[words.index("--format") + 1] == fmt:
        return words[words.index("-o") + 1]
    return None


def run(line):
    want = 0 if "--exit-zero" in line else 1
    done = subprocess.run(["sh", "-c", line], env=env, capture_output=True)
    assert done.returncode == want, (line, done.returncode, done.stderr)
    for fmt, parse in (("sarif", json.load), ("gitlab", json.load),
                       ("junit", ET.parse)):
        out = output_of(line, fmt)
        if out:
            with open(out, "rb") as f:
                parse(f)
    return line


# GitHub Actions.
job = github["jobs"]["danelint"]
assert job["permissions"]["security-events"] == "write"
steps = job["steps"]
assert steps[0]["uses"].startswith("actions/checkout@")
assert steps[0]["with"]["fetch-depth"] == 0
commands = [l.strip() for s in steps for l in s.get("run", "").split("\n")
            if l.strip().startswith("danelint ")]
assert len(commands) == 2, commands
sarif = [output_of(c, "sarif") for c in commands if output_of(c, "sarif")]
upload = [s for s in steps
          if s.get("uses", "").startswith("github/codeql-action/upload-sarif@")]
assert len(upload) == 1, upload
assert upload[0]["if"] == "always()", upload
assert upload[0]["with"]["sarif_file"] == sarif[0], (upload, sarif)
for c in commands:
    run(c)

# GitLab CI.
job = gitlab["danelint"]
assert job["variables"]["GIT_DEPTH"] == 0
assert job["artifacts"]["when"] == "always"
reports = job["artifacts"]["reports"]
commands = [c for c in job["script"] if c.startswith("danelint ")]
assert len(commands) == 3, commands
outputs = {fmt: [output_of(c, fmt) for c in commands if output_of(c, fmt)]
           for fmt in ("gitlab", "junit")}
assert reports["codequality"] == outputs["gitlab"][0], (reports, outputs)
assert reports["junit"] == outputs["junit"][0], (reports, outputs)
for c in commands:
    run(c)
PY
	fail "docs/ci.md snippets"
finish
