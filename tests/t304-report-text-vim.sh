#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# The text report as an editor reads it. Vim loads it into its quickfix
# list with :cgetfile and the errorformat of the Vim compiler file in
# docs/editors/, and every entry has the finding's file, line, column,
# type (e, w or n) and text. This runs on the demo repository and on
# findings that need escaping.
. "$TESTS_DIR/lib/e2e.sh"
. "$TESTS_DIR/lib/escape.sh"

if ! command -v python3 >/dev/null; then
	echo "not ok: python3 not found; the report checks need it" \
		"('make deps' installs it)" >&2
	exit 1
fi
if ! vim --version 2>/dev/null | grep -q '+quickfix'; then
	echo "not ok: no Vim with +quickfix found (vim-tiny lacks it);" \
		"install Debian's vim ('make deps' does)" >&2
	exit 1
fi
compiler=$TESTS_DIR/../docs/editors/vim/compiler/danelint.vim
efm=$(sed -n 's/^CompilerSet errorformat=//p' "$compiler")
if [ -z "$efm" ]; then
	echo "not ok: no 'CompilerSet errorformat=' line in $compiler" >&2
	exit 1
fi

# quickfix REPORT OUT: writes Vim's quickfix entries for REPORT to OUT as
# one JSON object per line.
cat >"$work/qf.vim" <<EOF
set encoding=utf-8
set errorformat=$efm
execute 'cgetfile' fnameescape(g:report)
call writefile(map(getqflist(), {_, e -> json_encode({
	\ 'file': bufname(e.bufnr), 'lnum': e.lnum, 'col': e.col,
	\ 'type': e.type, 'text': e.text, 'valid': e.valid})}), g:out)
qall!
EOF
quickfix() {
	rm -f "$2"
	vim -es -u NONE -i NONE -N --cmd "let g:report = '$1'" \
		--cmd "let g:out = '$2'" -S "$work/qf.vim" </dev/null \
		>"$work/vim.log" 2>&1
	if [ ! -s "$2" ]; then
		fail "Vim wrote no quickfix entries for $1"
		sed 's/^/  /' "$work/vim.log" >&2
	fi
}

cp -R "$TESTS_DIR/../testdata/demo" "$work/demo" && cd "$work/demo" || exit 2
for fmt in text json; do
	expect_status 1 "demo $fmt" "$DANELINT" check \
		--now 2026-12-04T12:00:00Z --format "$fmt" -o "$work/demo.$fmt"
done
quickfix "$work/demo.text" "$work/demo.qf"
python3 - "$work/demo.qf" "$work/demo.json" <<'PY' || fail "demo quickfix"
import json, sys
entries = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
findings = json.load(open(sys.argv[2]))["findings"]
assert len(entries) == len(findings), (len(entries), len(findings))
for e, f in zip(entries, findings):
    want = {"file": f["file"], "lnum": f["line"], "col": f["column"],
            "type": f["severity"][0],
            "text": f"{f['message']} [{f['rule']}]", "valid": 1}
    assert e == want, (e, want)
PY

# Control characters and the byte 0xff are \xNN in the text report, so
# each finding stays one entry.
escape_repo "$work/esc" && cd "$work/esc" || exit 2
expect_status 1 "escaping" "$DANELINT" check --now 2026-12-04T12:00:00Z \
	-o "$work/esc.text"
quickfix "$work/esc.text" "$work/esc.qf"
python3 - "$work/esc.qf" <<'PY' || fail "escaping quickfix"
import json, sys
entries = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert len(entries) == 3, entries
key = 'certs/mx1.example.net/next%25:a,b"q\\<&>\\x0a\\x0d\\xff.pem'
nk, stale, syntax = entries
assert (nk["file"], nk["lnum"], nk["col"], nk["type"], nk["valid"]) == \
    (key, 1, 1, "e", 1), nk
assert nk["text"].startswith(
    f"mx1.example.net: next key (ECDSA P-256, {key}) has no "), nk
assert nk["text"].endswith(" [next-key-unpublished]"), nk
assert (stale["file"], stale["lnum"], stale["type"]) == \
    ("example.net.zone", 8, "n"), stale
assert (syntax["file"], syntax["lnum"], syntax["col"], syntax["type"]) == \
    ("example.net.zone", 9, 1, "e"), syntax
assert syntax["text"].startswith(
    "invalid record 'bad%1\\\"q\\\\x\\xff<&> IN A 300.1.2.3 \"t\"' ("), syntax
assert syntax["text"].endswith(" [zone-syntax]"), syntax
PY
finish
