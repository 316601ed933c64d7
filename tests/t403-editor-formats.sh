#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# The editor setups of docs/editors/ read danelint's real output: the Vim
# compiler file and the buffer command in Neovim's quickfix list, the VS
# Code problem matcher's regexp in Node.js (Python when Node.js is
# missing), and the Helix file as TOML.
. "$TESTS_DIR/lib/e2e.sh"

editors=$TESTS_DIR/../docs/editors
repo=$work/repo
mkdir -p "$repo/zones" "$work/home" && cd "$repo" && git init -q . ||
	exit 2
# One finding of each severity: an error, a warning and a note.
printf '[rule "tlsa-single-record"]\n\tseverity = note\n' >.danelint
{
	zone_header example.net.
	printf '_25._tcp.mx1\tIN TLSA\t3 0 1 %s\n' \
		8f4e2f8d6a6c3b4e0c7f7d2f36a9b1c5e3d2a1f0e9d8c7b6a5f4e3d2c1b0a9f8
	printf 'bad\tIN A\t300.1.1.1\n'
	# Signed by the name server, so tlsa-unsigned-zone stays quiet.
	zone_dnskey
} >zones/example.net.zone
"$DANELINT" check -q >"$work/report" 2>"$work/err"
[ "$?" -eq 1 ] || fail "danelint check: expected exit status 1"
[ "$(wc -l <"$work/report")" -eq 3 ] || fail "expected three findings"

# Vim: ':compiler danelint' and ':make', then the buffer command of
# docs/editors.md on an unsaved change.
cat >"$work/qf.lua" <<'LUA'
local function dump(name)
	local items = {}
	for _, it in ipairs(vim.fn.getqflist()) do
		table.insert(items, { valid = it.valid, lnum = it.lnum,
			col = it.col, type = it.type, text = it.text,
			file = vim.fn.bufname(it.bufnr) })
	end
	local f = assert(io.open(os.getenv("QF_OUT") .. name, "w"))
	f:write(vim.fn.json_encode(items))
	f:close()
end
local ok, err = pcall(function()
	vim.opt.runtimepath:append(os.getenv("EDITORS") .. "/vim")
	vim.cmd("edit zones/example.net.zone")
	vim.cmd("compiler danelint")
	vim.cmd("silent make")
	dump(".make")
	vim.api.nvim_buf_set_lines(0, 8, 9, false, { "ok\tIN A\t192.0.2.9" })
	vim.cmd([[cexpr system('danelint check -q --stdin-filename ' . shellescape(expand('%')) . ' -', getline(1, '$'))]])
	dump(".buffer")
end)
if not ok then
	io.stderr:write(tostring(err) .. "\n")
	vim.cmd("cquit 1")
end
vim.cmd("qall!")
LUA
PATH=$(dirname "$DANELINT"):$PATH HOME=$work/home \
XDG_CACHE_HOME=$work/home/cache XDG_STATE_HOME=$work/home/state \
XDG_DATA_HOME=$work/home/data XDG_CONFIG_HOME=$work/home/config \
EDITORS=$editors QF_OUT=$work/qf \
	timeout 60 nvim --headless -u NONE -i NONE -n -c "luafile $work/qf.lua" \
	>"$work/nvim.out" 2>&1 || {
	fail "nvim exited with status $?"
	sed 's/^/  nvim: /' "$work/nvim.out" >&2
}

python3 - "$work" "$editors" <<'PY' || fail "editor formats"
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib

work, editors = sys.argv[1:3]
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print("not ok: " + what, file=sys.stderr)


with open(os.path.join(work, "report"), encoding="utf-8") as f:
    report = f.read().splitlines()
line_format = re.compile(r"^(.+?):(\d+):(\d+): (error|warning|note): (.*)$")
expected = [line_format.match(line).groups() for line in report]


def load(name):
    try:
        with open(os.path.join(work, name), encoding="utf-8") as f:
            return json.load(f)
    except OSError as e:
        check(False, "%s: %s" % (name, e))
        return []


made = load("qf.make")
check(len(made) == len(expected), "quickfix entries from :make: %r" % made)
for item, (path, line, column, severity, message) in zip(made, expected):
    check(item["valid"] == 1, "valid entry: %r" % item)
    check(item["file"] == path, "file: %r" % item)
    check((item["lnum"], item["col"]) == (int(line), int(column)),
          "line and column: %r" % item)
    check(item["type"] == severity[0], "type: %r" % item)
    check(item["text"] == message, "message: %r" % item)

buffer = load("qf.buffer")
lines = sorted(item["lnum"] for item in buffer if item["valid"])
check(lines == [8, 8], "buffer command sees the unsaved fix: %r" % buffer)

with open(os.path.join(editors, "vscode-tasks.json"), encoding="utf-8") as f:
    matcher = json.load(f)["tasks"][0]["problemMatcher"]
pattern = matcher["pattern"]
groups = [pattern[k] for k in ("file", "line", "column", "severity",
                               "message", "code")]
if shutil.which("node"):
    script = ("const [re, ...lines] = JSON.parse(require('fs')"
              ".readFileSync(0, 'utf8'));"
              "console.log(JSON.stringify(lines.map(l => {"
              "const m = new RegExp(re).exec(l); return m && [...m]; })));")
    out = subprocess.run(["node", "-e", script], check=True,
                         capture_output=True, text=True,
                         input=json.dumps([pattern["regexp"]] + report))
    matches = json.loads(out.stdout)
else:
    regexp = re.compile(pattern["regexp"])
    matches = [list(m.group(0, *range(1, 7))) if m else None
               for m in map(regexp.match, report)]
for line, m, (path, row, column, severity, message) in zip(
        report, matches, expected):
    check(m is not None, "problem matcher misses %r" % line)
    if m:
        got = [m[i] for i in groups]
        rule = message.rsplit(" [", 1)[1][:-1]
        text = message.rsplit(" [", 1)[0]
        check(got == [path, row, column, severity, text, rule],
              "problem matcher groups %r for %r" % (got, line))

with open(os.path.join(editors, "helix-languages.toml"), "rb") as f:
    helix = tomllib.load(f)
check(helix["language-server"]["danelint"]["args"] == ["lsp"], "helix")
sys.exit(1 if failures else 0)
PY

finish
