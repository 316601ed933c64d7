#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Checks one danelint report field by field against the json report.

usage: reports.py FORMAT REPORT JSON_REPORT RULES [DOCS_URL]

FORMAT is json, text, sarif, github, gitlab or junit. JSON_REPORT is the
json report of the same run, RULES the output of "danelint rules" (id and
default severity of every rule, in registry order), DOCS_URL the
--docs-url of the sarif run, if any. For json, JSON_REPORT is checked on
its own and REPORT is the text report of the run. Prints each mismatch and
exits 1 when there is one.
"""

import json
import re
import sys
import urllib.parse
import xml.etree.ElementTree as ET

errors = []


def check(cond, what):
    if not cond:
        errors.append(what)
    return cond


def read_text(path):
    with open(path, "rb") as f:
        return f.read().decode("utf-8")


def load_findings(path):
    """The json report's findings, after checking its own shape."""
    doc = json.loads(read_text(path))
    findings = doc["findings"]
    counts = {"error": 0, "warning": 0, "note": 0}
    for i, f in enumerate(findings):
        where = f"json finding {i}"
        for key, kind in (("rule", str), ("severity", str), ("file", str),
                          ("line", int), ("column", int),
                          ("message", str)):
            check(isinstance(f.get(key), kind),
                  f"{where}: '{key}' missing or not {kind.__name__}")
        check(f.get("severity") in counts, f"{where}: severity {f}")
        counts[f.get("severity", "note")] = counts.get(
            f.get("severity", "note"), 0) + 1
        check(f.get("column", 0) >= 1, f"{where}: column < 1")
    summary = doc["summary"]
    check(summary["findings"] == len(findings), "json summary.findings")
    check(summary["errors"] == counts["error"], "json summary.errors")
    check(summary["warnings"] == counts["warning"], "json summary.warnings")
    check(summary["notes"] == counts["note"], "json summary.notes")
    return findings


def load_rules(path):
    rules = []
    for line in read_text(path).splitlines():
        parts = line.split()
        if len(parts) >= 2:
            rules.append((parts[0], parts[1]))
    return rules


TEXT_LINE = re.compile(r"^(.*?):(\d+):(\d+): (error|warning|note): (.*) "
                       r"\[([a-z0-9-]+)\]$")


def check_text(path, findings):
    """The text report of a run whose messages need no escaping."""
    lines = read_text(path).splitlines()
    check(len(lines) == len(findings),
          f"text: {len(lines)} lines for {len(findings)} findings")
    for line, f in zip(lines, findings):
        m = TEXT_LINE.match(line)
        if not check(m, f"text: line does not parse: {line!r}"):
            continue
        got = (m[1], int(m[2]), int(m[3]), m[4], m[5], m[6])
        want = (f["file"], f["line"], f["column"], f["severity"],
                f["message"], f["rule"])
        check(got == want, f"text: {got} != {want}")


GITLAB_SEVERITY = {"error": "major", "warning": "minor", "note": "info"}


def check_gitlab(path, findings):
    issues = json.loads(read_text(path))
    if not check(isinstance(issues, list), "gitlab: not an array"):
        return
    check(len(issues) == len(findings),
          f"gitlab: {len(issues)} issues for {len(findings)} findings")
    prints = set()
    for i, (issue, f) in enumerate(zip(issues, findings)):
        where = f"gitlab issue {i}"
        check(issue.get("description") == f["message"], f"{where}: "
              f"description {issue.get('description')!r}")
        check(issue.get("check_name") == f["rule"], f"{where}: check_name")
        check(issue.get("severity") == GITLAB_SEVERITY[f["severity"]],
              f"{where}: severity {issue.get('severity')}")
        fp = issue.get("fingerprint", "")
        check(re.fullmatch(r"[0-9a-f]{64}", fp), f"{where}: fingerprint")
        check(fp not in prints, f"{where}: fingerprint repeated")
        prints.add(fp)
        loc = issue.get("location", {})
        check(loc.get("path") == f["file"], f"{where}: location.path")
        check(loc.get("lines", {}).get("begin") == f["line"],
              f"{where}: location.lines.begin")


SARIF_LEVEL = {"error": "error", "warning": "warning", "note": "note"}


def sarif_uri_ok(uri, path):
    """uri is path percent-encoded: ASCII, with every byte but unreserved
    characters and '/' as %XX. The json report has U+FFFD where the path
    has a byte that is not UTF-8, and so does the decoded uri."""
    if not re.fullmatch(r"([A-Za-z0-9/._~-]|%[0-9A-F]{2})*", uri):
        return False
    return urllib.parse.unquote(uri, errors="replace") == path


def check_sarif_rules(driver, rules, docs_url):
    got = driver.get("rules", [])
    check([r.get("id") for r in got] == [r[0] for r in rules],
          "sarif: tool.driver.rules is not the registry in order")
    for rule, (rule_id, severity) in zip(got, rules):
        where = f"sarif rule {rule_id}"
        check(rule.get("name", "").isalnum(), f"{where}: name")
        check(rule.get("shortDescription", {}).get("text"),
              f"{where}: shortDescription")
        check(rule.get("fullDescription", {}).get("text"),
              f"{where}: fullDescription")
        help_md = rule.get("help", {}).get("markdown", "")
        check(help_md.startswith(f"# {rule_id}\n"), f"{where}: help")
        check(rule.get("help", {}).get("text") == help_md,
              f"{where}: help.text")
        level = rule.get("defaultConfiguration", {}).get("level")
        check(level == severity, f"{where}: level {level}")
        if docs_url:
            check(rule.get("helpUri") == f"{docs_url}rules/{rule_id}.md",
                  f"{where}: helpUri {rule.get('helpUri')}")
        else:
            check("helpUri" not in rule, f"{where}: helpUri without URL")


def check_sarif_result(i, res, f, rule_ids):
    where = f"sarif result {i}"
    check(res.get("ruleId") == f["rule"], f"{where}: ruleId")
    index = res.get("ruleIndex")
    check(isinstance(index, int) and 0 <= index < len(rule_ids)
          and rule_ids[index] == f["rule"], f"{where}: ruleIndex")
    check(res.get("level") == SARIF_LEVEL[f["severity"]], f"{where}: level")
    check(res.get("message", {}).get("text") == f["message"],
          f"{where}: message.text {res.get('message')!r}")
    check(re.fullmatch(r"[0-9a-f]{64}", res.get("partialFingerprints", {})
                       .get("danelint/v1", "")), f"{where}: fingerprint")
    locs = res.get("locations", [])
    if not check(len(locs) == 1, f"{where}: {len(locs)} locations"):
        return
    phys = locs[0]["physicalLocation"]
    art = phys["artifactLocation"]
    check(sarif_uri_ok(art.get("uri", ""), f["file"]),
          f"{where}: uri {art.get('uri')!r} for {f['file']!r}")
    check(art.get("uriBaseId") == "%SRCROOT%", f"{where}: uriBaseId")
    region = phys.get("region", {})
    check(region.get("startLine") == f["line"] and f["line"] >= 1,
          f"{where}: startLine")
    check(region.get("startColumn") == f["column"], f"{where}: startColumn")


def check_sarif(path, findings, rules, docs_url):
    log = json.loads(read_text(path))
    check(log.get("version") == "2.1.0", "sarif: version")
    check("sarif-schema-2.1.0.json" in log.get("$schema", ""),
          "sarif: $schema")
    runs = log.get("runs", [])
    if not check(len(runs) == 1, "sarif: one run"):
        return
    run = runs[0]
    driver = run["tool"]["driver"]
    check(driver.get("name") == "danelint", "sarif: driver.name")
    check(re.fullmatch(r"\d+\.\d+\.\d+", driver.get("version", "")),
          "sarif: driver.version")
    if docs_url:
        check(driver.get("informationUri") == docs_url,
              "sarif: informationUri")
    check_sarif_rules(driver, rules, docs_url)
    check(run.get("columnKind") == "unicodeCodePoints", "sarif: columnKind")
    root = run.get("originalUriBaseIds", {}).get("%SRCROOT%", {})
    check(root.get("uri", "").startswith("file:///")
          and root.get("uri", "").endswith("/"), "sarif: %SRCROOT%")
    results = run.get("results", [])
    check(len(results) == len(findings),
          f"sarif: {len(results)} results for {len(findings)} findings")
    rule_ids = [r[0] for r in rules]
    for i, (res, f) in enumerate(zip(results, findings)):
        check_sarif_result(i, res, f, rule_ids)


def xml_safe(s):
    """The message as the junit report can carry it: characters that XML
    1.0 cannot hold become U+FFFD."""
    return "".join(c if c in "\t\n\r" or " " <= c <= "\ud7ff"
                   or "\ue000" <= c <= "\ufffd" or c >= "\U00010000"
                   else "\ufffd" for c in s)


def check_junit(path, findings, rules):
    root = ET.parse(path).getroot()
    check(root.tag == "testsuites", f"junit: root <{root.tag}>")
    suites = root.findall("testsuite")
    if not check(len(suites) == 1, "junit: one testsuite"):
        return
    cases = suites[0].findall("testcase")
    check([c.get("name") for c in cases] == [r[0] for r in rules],
          "junit: one testcase per rule, in registry order")

    failed = 0
    failures = []
    for case in cases:
        mine = case.findall("failure")
        failed += bool(mine)
        failures += [(case.get("name"), x) for x in mine]
    for attr in ("tests", "failures", "skipped"):
        want = {"tests": len(cases), "failures": failed,
                "skipped": len(suites[0].findall("testcase/skipped"))}[attr]
        check(suites[0].get(attr) == str(want), f"junit: {attr}")
        check(root.get(attr) == str(want), f"junit: testsuites {attr}")

    # The test cases follow the registry, so compare as sorted lists.
    want = sorted((f["rule"], f["severity"], xml_safe(f["file"]),
                   f["line"], f["column"], xml_safe(f["message"]))
                  for f in findings)
    got = []
    for name, x in failures:
        m = re.match(r"^(.*):(\d+):(\d+): (.*)$", x.get("message"), re.S)
        if not check(m, f"junit: failure message {x.get('message')!r}"):
            continue
        got.append((name, x.get("type"), m[1], int(m[2]), int(m[3]), m[4]))
        check(x.text == f"{m[1]}:{m[2]}:{m[3]}: {x.get('type')}: {m[4]} "
              f"[{name}]", f"junit: failure text {x.text!r}")
    check(sorted(got) == want, f"junit: failures {sorted(got)} != {want}")


GITHUB_LINE = re.compile(r"^::(error|warning|notice) (.*?)::(.*)$")
GITHUB_COMMAND = {"error": "error", "warning": "warning", "note": "notice"}


def github_unescape(s, prop):
    pairs = [("%0D", "\r"), ("%0A", "\n")]
    if prop:
        pairs += [("%3A", ":"), ("%2C", ",")]
    for code, char in pairs:
        s = s.replace(code, char)
    return s.replace("%25", "%")


def github_safe(s):
    """Control characters other than tab, CR and LF become U+FFFD."""
    return "".join("\ufffd" if (ord(c) < 0x20 and c not in "\t\r\n")
                   or c == "\x7f" else c for c in s)


def check_github(path, findings):
    lines = read_text(path).splitlines()
    check(len(lines) == len(findings),
          f"github: {len(lines)} lines for {len(findings)} findings")
    for line, f in zip(lines, findings):
        m = GITHUB_LINE.match(line)
        if not check(m, f"github: line does not parse: {line!r}"):
            continue
        props = dict(p.split("=", 1) for p in m[2].split(","))
        props = {k: github_unescape(v, True) for k, v in props.items()}
        check(m[1] == GITHUB_COMMAND[f["severity"]], f"github: {m[1]}")
        check(props.get("file") == github_safe(f["file"]),
              f"github: file {props.get('file')!r}")
        check(props.get("line") == str(f["line"]), "github: line")
        check(props.get("col") == str(f["column"]), "github: col")
        check(props.get("title") == f["rule"], "github: title")
        check(github_unescape(m[3], False) == github_safe(f["message"]),
              f"github: message {m[3]!r}")


def main(argv):
    fmt, report, json_report, rules_file = argv[1:5]
    docs_url = argv[5] if len(argv) > 5 else ""
    findings = load_findings(json_report)
    rules = load_rules(rules_file)
    check(findings, "the json report has no findings to compare")
    if fmt == "json":
        check_text(report, findings)
    elif fmt == "gitlab":
        check_gitlab(report, findings)
    elif fmt == "sarif":
        check_sarif(report, findings, rules, docs_url)
    elif fmt == "junit":
        check_junit(report, findings, rules)
    elif fmt == "github":
        check_github(report, findings)
    else:
        errors.append(f"unknown format {fmt}")
    for e in errors:
        print(f"{fmt}: {e}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
