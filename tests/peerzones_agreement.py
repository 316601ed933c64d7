#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Compares danelint's findings with the peer projects' verdicts.

usage: DANELINT=build/danelint python3 tests/peerzones_agreement.py [-v]

Runs danelint on every file that tests/peerzones-verdicts.txt gives a
verdict, reading the peer test suites from PEERZONES (default:
shared/peerzones beside the repository directory), and prints per
project:

- valid: files the peer accepts, and how many of them get no zone-syntax
  finding.
- invalid: files the peer rejects, how many of them get a finding of any
  rule, and how many a zone-syntax finding. Also how many get only
  findings of the soa-rname-* rules, which test zones trigger whatever
  the peer rejects them for.
- mixed: Knot's scanner tests, whose records from a '; OK' line on must
  parse and whose records from the first '; KO' line on must be rejected.
  Counted are the files without zone-syntax in the OK block and the files
  with a finding of any rule in the KO block.

Then it lists every disagreement with danelint's zone-syntax messages. -v
also lists the peer-invalid files that only agree through findings other
than zone-syntax, with their rules.

Exits 0 when the peer suites are absent (with a message). Exits 1 when
danelint crashed, hung or failed to run on a file, when a file has no
verdict line or a verdict line names no file, and 0 otherwise.
Disagreements do not change the exit status, and docs/limitations.md
explains them.
"""

import json
import os
import re
import subprocess
import sys
import tempfile
from collections import OrderedDict

TIMEOUT_SECONDS = 60
VERDICTS = ("valid", "invalid", "mixed", "data", "untested")
OK_MARKER = re.compile(rb"^;\s*OK\b")
KO_MARKER = re.compile(rb"^;\s*KO\b")


def read_verdicts(path):
    """Return {relative path: (verdict, origin or None)} in file order."""
    verdicts = OrderedDict()
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            fields = line.split()
            if len(fields) not in (2, 3) or fields[1] not in VERDICTS:
                sys.exit("%s:%d: expected 'PATH VERDICT [ORIGIN]' with "
                         "VERDICT one of %s, got: %s"
                         % (path, number, ", ".join(VERDICTS), line))
            origin = fields[2] if len(fields) == 3 else "-"
            verdicts[fields[0]] = (fields[1], None if origin == "-" else origin)
    return verdicts


def block_lines(path):
    """Return the line numbers of the first '; OK' and '; KO' lines."""
    ok = ko = None
    with open(path, "rb") as f:
        for number, line in enumerate(f, 1):
            if ok is None and OK_MARKER.match(line):
                ok = number
            if ko is None and KO_MARKER.match(line):
                ko = number
    return ok, ko


def run_danelint(danelint, path, origin, workdir):
    """Run danelint on one file and return (findings, problem or None)."""
    cmd = [danelint, "check", "--no-config", "--format", "json"]
    if origin:
        cmd += ["--origin", origin]
    cmd.append(path)
    try:
        proc = subprocess.run(cmd, cwd=workdir, capture_output=True,
                              timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        return [], "timed out after %d s" % TIMEOUT_SECONDS
    try:
        report = json.loads(proc.stdout.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        report = None
    if proc.returncode not in (0, 1) or report is None:
        stderr = proc.stderr.decode("utf-8", "replace").strip()
        return [], "exit status %d: %s" % (proc.returncode, stderr[-300:])
    return report["findings"], None


def describe(findings):
    """Return up to 6 indented 'line: message' lines, then a count."""
    lines = ["      %s: %s" % (f["line"], f["message"][:160])
             for f in findings]
    return lines[:6] + (["      ... %d more" % (len(lines) - 6)]
                        if len(lines) > 6 else [])


def main():
    verbose = "-v" in sys.argv[1:]
    danelint = os.environ.get("DANELINT")
    if not danelint:
        sys.exit("set DANELINT to the danelint binary")
    danelint = os.path.abspath(danelint)
    if not os.access(danelint, os.X_OK):
        sys.exit("%s is not an executable file; build danelint with 'make' "
                 "or set DANELINT to the binary" % danelint)
    tests_dir = os.path.dirname(os.path.abspath(__file__))
    peers = os.environ.get("PEERZONES") or os.path.join(
        os.path.dirname(os.path.dirname(tests_dir)), "shared", "peerzones")
    if not os.path.isdir(peers):
        print("skip: %s not present; set PEERZONES to the peer suites"
              % peers)
        return 0
    verdicts = read_verdicts(os.path.join(tests_dir,
                                          "peerzones-verdicts.txt"))
    status = 0

    on_disk = set()
    for dirpath, _, names in os.walk(peers):
        for name in names:
            rel = os.path.relpath(os.path.join(dirpath, name), peers)
            if rel != "INDEX.md":
                on_disk.add(rel)
    for rel in sorted(on_disk - set(verdicts)):
        print("error: %s has no line in peerzones-verdicts.txt" % rel,
              file=sys.stderr)
        status = 1
    for rel in sorted(set(verdicts) - on_disk):
        print("error: peerzones-verdicts.txt names %s, which is not in %s"
              % (rel, peers), file=sys.stderr)
        status = 1

    columns = ("valid", "valid_ok", "invalid", "invalid_any",
               "invalid_syntax", "invalid_rname", "mixed", "mixed_ok",
               "mixed_ko", "skipped")
    counts = OrderedDict()
    disagreements = []
    other_rules = []
    workdir = tempfile.mkdtemp(prefix="peerzones-")
    for rel, (verdict, origin) in verdicts.items():
        row = counts.setdefault(rel.split("/", 1)[0],
                                dict.fromkeys(columns, 0))
        path = os.path.join(peers, rel)
        if verdict in ("data", "untested") or not os.path.isfile(path):
            row["skipped"] += 1
            continue
        findings, problem = run_danelint(danelint, path, origin, workdir)
        if problem:
            print("error: %s: %s" % (rel, problem), file=sys.stderr)
            status = 1
        name = rel + (" (origin %s)" % origin if origin else "")
        syntax = [f for f in findings if f["rule"] == "zone-syntax"]
        rules = sorted({f["rule"] for f in findings})
        row[verdict] += 1
        if verdict == "valid":
            if syntax:
                disagreements.append(["peer-valid, zone-syntax: " + name]
                                     + describe(syntax))
            else:
                row["valid_ok"] += 1
        elif verdict == "invalid":
            if not findings:
                disagreements.append(["peer-invalid, no finding: " + name])
                continue
            row["invalid_any"] += 1
            if syntax:
                row["invalid_syntax"] += 1
                continue
            if all(r.startswith("soa-rname-") for r in rules):
                row["invalid_rname"] += 1
            other_rules.append("  %s: %s" % (rel, ", ".join(rules)))
        else:
            ok, ko = block_lines(path)
            if ok is None or ko is None or ko < ok:
                sys.exit("%s: a mixed file needs a '; OK' line and a "
                         "later '; KO' line" % path)
            in_file = [f for f in findings if f["file"] == path]
            ok_syntax = [f for f in syntax if f["file"] == path
                         and ok <= f["line"] < ko]
            if ok_syntax:
                disagreements.append(["mixed, zone-syntax in the accepted "
                                      "block (lines %d-%d): %s"
                                      % (ok, ko - 1, name)]
                                     + describe(ok_syntax))
            else:
                row["mixed_ok"] += 1
            if any(f["line"] >= ko for f in in_file):
                row["mixed_ko"] += 1
            else:
                disagreements.append(["mixed, no finding in the rejected "
                                      "block (from line %d): %s"
                                      % (ko, name)])
    os.rmdir(workdir)

    print("| project | peer-valid | without zone-syntax | peer-invalid "
          "| with a finding | with zone-syntax | only soa-rname-* findings "
          "| mixed | accepted block without zone-syntax "
          "| rejected block with a finding | skipped |")
    print("|---" * (len(columns) + 1) + "|")
    total = dict.fromkeys(columns, 0)
    for project, row in list(counts.items()) + [("all", total)]:
        print("| %s | %s |" % (project, " | ".join(str(row[key])
                                                    for key in columns)))
        if row is not total:
            for key in columns:
                total[key] += row[key]
    print("\nskipped: files marked data (not a zone file) or untested (no "
          "peer test checks them) in tests/peerzones-verdicts.txt")

    print("\n%d disagreements:" % len(disagreements))
    for lines in disagreements:
        print("\n".join(["  " + lines[0]] + lines[1:]))
    if verbose:
        print("\npeer-invalid files with findings, none of them "
              "zone-syntax:")
        print("\n".join(other_rules))
    return status


if __name__ == "__main__":
    sys.exit(main())
