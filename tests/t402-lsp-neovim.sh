#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# danelint lsp with a real client: headless Neovim, set up with
# docs/editors/danelint.lua, opens a zone file, shows danelint's
# diagnostics, and clears them when the text is fixed.
. "$TESTS_DIR/lib/e2e.sh"

if ! command -v nvim >/dev/null; then
	fail "nvim not found; 'make check' installs the neovim package"
	finish
	exit
fi

repo=$work/repo
mkdir -p "$repo/zones" "$work/home" && cd "$repo" && git init -q . ||
	exit 2
zone_header example.net. >"$work/fixed.zone"
{
	cat "$work/fixed.zone"
	printf '_25._tcp.mx1\tIN TLSA\t3 0 1 %s\n' \
		8f4e2f8d6a6c3b4e0c7f7d2f36a9b1c5e3d2a1f0e9d8c7b6a5f4e3d2c1b0a9f8
	printf 'bad\tIN A\t300.1.1.1\n'
	# Signed by the name server, so tlsa-unsigned-zone stays quiet.
	zone_dnskey
} >zones/example.net.zone

# Neovim keeps its logs and state in the scratch directory.
HOME=$work/home XDG_CACHE_HOME=$work/home/cache \
XDG_STATE_HOME=$work/home/state XDG_DATA_HOME=$work/home/data \
XDG_CONFIG_HOME=$work/home/config \
PATH=$(dirname "$DANELINT"):$PATH \
LSP_CONFIG=$TESTS_DIR/../docs/editors/danelint.lua \
LSP_ZONE=$repo/zones/example.net.zone LSP_FIXED=$work/fixed.zone \
LSP_OUT=$work/result.json \
	timeout 120 nvim --headless -u NONE -i NONE -n \
	-c "luafile $TESTS_DIR/lib/nvim_lsp.lua" >"$work/nvim.out" 2>&1
status=$?
[ "$status" -eq 0 ] || fail "nvim exited with status $status"
if [ ! -s "$work/result.json" ]; then
	fail "nvim wrote no result"
	sed 's/^/  nvim: /' "$work/nvim.out" >&2
	find "$work/home" -name 'lsp.log' -exec sed 's/^/  lsp.log: /' {} + >&2
	finish
	exit
fi

python3 - "$work/result.json" <<'PY' || fail "diagnostics seen by Neovim"
import json
import sys

with open(sys.argv[1], encoding="utf-8") as f:
    result = json.load(f)
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print("not ok: %s: %r" % (what, result), file=sys.stderr)


check(result["client"], "client started")
check(result["opened"], "diagnostics arrived after opening")
seen = sorted((d["lnum"], d["code"], d["severity"], d["source"])
              for d in result.get("diagnostics", []))
check(seen == [(7, "tlsa-not-311", 2, "danelint"),
               (7, "tlsa-single-record", 2, "danelint"),
               (8, "zone-syntax", 1, "danelint")], "rule codes and lines")
check(result["cleared"], "diagnostics cleared after the fix")
check(result["stopped"], "server stopped")
sys.exit(1 if failures else 0)
PY

finish
