-- SPDX-License-Identifier: BSD-3-Clause
-- Neovim as a real LSP client of 'danelint lsp': opens LSP_ZONE, attaches
-- the server, waits for diagnostics, replaces the text with LSP_FIXED and
-- waits for them to clear, then writes what it saw to LSP_OUT as JSON.
-- Every wait is bounded, and any error exits Neovim with status 1.
local danelint = os.getenv("DANELINT")
local zone = os.getenv("LSP_ZONE")
local fixed = os.getenv("LSP_FIXED")
local out = os.getenv("LSP_OUT")
local timeout_ms = 20000

local function diagnostics_of(buf)
	local list = {}
	for _, d in ipairs(vim.diagnostic.get(buf)) do
		local lsp = d.user_data and d.user_data.lsp or {}
		table.insert(list, {
			lnum = d.lnum,
			col = d.col,
			end_col = d.end_col,
			severity = d.severity,
			code = d.code or lsp.code,
			source = d.source or lsp.source,
			message = d.message,
		})
	end
	return list
end

-- Starts the server for buf: vim.lsp.start from Neovim 0.8 on, else
-- start_client and buf_attach_client (Debian 12 ships Neovim 0.7).
local function start(buf)
	local config = {
		name = "danelint",
		cmd = { danelint, "lsp" },
		root_dir = vim.fn.fnamemodify(zone, ":h"),
	}
	if vim.lsp.start then
		return vim.lsp.start(config)
	end
	local id = vim.lsp.start_client(config)
	vim.lsp.buf_attach_client(buf, id)
	return id
end

local function run()
	vim.cmd("edit " .. vim.fn.fnameescape(zone))
	local buf = vim.api.nvim_get_current_buf()
	local id = start(buf)
	local result = { client = id ~= nil }

	result.opened = vim.wait(timeout_ms, function()
		return #vim.diagnostic.get(buf) > 0
	end, 50)
	result.diagnostics = diagnostics_of(buf)

	local lines = vim.fn.readfile(fixed)
	vim.api.nvim_buf_set_lines(buf, 0, -1, false, lines)
	result.cleared = vim.wait(timeout_ms, function()
		return #vim.diagnostic.get(buf) == 0
	end, 50)

	vim.lsp.stop_client(id)
	result.stopped = vim.wait(timeout_ms, function()
		return vim.lsp.get_client_by_id(id) == nil
	end, 50)
	local f = assert(io.open(out, "w"))
	f:write(vim.fn.json_encode(result))
	f:close()
end

local ok, err = pcall(run)
if not ok then
	io.stderr:write("nvim_lsp.lua: " .. tostring(err) .. "\n")
	vim.cmd("cquit 1")
end
vim.cmd("qall!")
