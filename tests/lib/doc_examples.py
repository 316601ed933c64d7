#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Checks or rewrites the report examples of docs/formats.md.

usage: doc_examples.py check|fill DOC DIR

DIR contains one report per format, DIR/FORMAT, as danelint printed it. In
DOC, a line "<!-- output: FORMAT -->" before a fenced block marks the whole
report; "<!-- excerpt: FORMAT -->" marks an excerpt, whose lines "..."
separate parts that must each appear in the report, in order and without
gaps inside a part. "check" exits 1 when an example differs; "fill"
writes the whole reports into the "output" blocks and leaves excerpts
alone.
"""

import re
import sys

MARKER = re.compile(r"^<!-- (output|excerpt): ([a-z]+) -->$")


def blocks(lines):
    """Yields (kind, format, first line, end line) of each marked block;
    the block's text is lines[first:end]."""
    i = 0
    while i < len(lines):
        m = MARKER.match(lines[i])
        if m and i + 1 < len(lines) and lines[i + 1].startswith("```"):
            end = i + 2
            while end < len(lines) and lines[end] != "```":
                end += 1
            yield m[1], m[2], i + 2, end
            i = end
        i += 1


def has_excerpt(report, example):
    parts = [[]]
    for line in example:
        if line.strip() == "...":
            parts.append([])
        else:
            parts[-1].append(line)
    pos = 0
    for part in (p for p in parts if p):
        n = len(part)
        while pos + n <= len(report) and report[pos:pos + n] != part:
            pos += 1
        if pos + n > len(report):
            print(f"  not in the report: {part[0]!r}", file=sys.stderr)
            return False
        pos += n
    return True


def main(argv):
    mode, doc, directory = argv[1:4]
    lines = open(doc, encoding="utf-8").read().split("\n")
    out = []
    last = 0
    errors = 0
    for kind, fmt, first, end in blocks(lines):
        report = open(f"{directory}/{fmt}", encoding="utf-8").read()
        report = report.rstrip("\n").split("\n")
        example = lines[first:end]
        if kind == "output" and mode == "fill":
            out += lines[last:first] + report
            last = end
        elif kind == "output" and example != report:
            print(f"{doc}: the {fmt} example differs from the report",
                  file=sys.stderr)
            errors += 1
        elif kind == "excerpt" and not has_excerpt(report, example):
            print(f"{doc}: the {fmt} excerpt is not in the report",
                  file=sys.stderr)
            errors += 1
    if mode == "fill":
        out += lines[last:]
        open(doc, "w", encoding="utf-8").write("\n".join(out))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
