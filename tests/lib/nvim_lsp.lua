-- SPDX-License-Identifier: BSD-3-Clause
-- Neovim as a real LSP client of 'danelint lsp': loads the configuration
-- LSP_CONFIG (docs/editors/danelint.lua), opens LSP_ZONE, waits for
-- diagnostics, replaces the text with LSP_FIXED and waits for them to
-- clear, then writes what it saw to LSP_OUT as JSON. Every wait is
-- bounded, and any error exits Neovim with status 1.
local config = os.getenv("LSP_CONFIG")
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

local function run()
	dofile(config)
	vim.cmd("edit " .. vim.fn.fnameescape(zone))
	local buf = vim.api.nvim_get_current_buf()
	local result = {}

	result.opened = vim.wait(timeout_ms, function()
		return #vim.diagnostic.get(buf) > 0
	end, 50)
	-- The client is listed once it has initialized.
	local clients = vim.lsp.get_active_clients()
	local id = clients[1] and clients[1].id
	result.client = #clients == 1 and clients[1].name == "danelint"
	result.diagnostics = diagnostics_of(buf)

	local lines = vim.fn.readfile(fixed)
	vim.api.nvim_buf_set_lines(buf, 0, -1, false, lines)
	result.cleared = vim.wait(timeout_ms, function()
		return #vim.diagnostic.get(buf) == 0
	end, 50)

	if id then
		vim.lsp.stop_client(id)
		result.stopped = vim.wait(timeout_ms, function()
			return vim.lsp.get_client_by_id(id) == nil
		end, 50)
	end
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
