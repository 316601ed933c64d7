-- danelint's language server for DNS zone files in Neovim. Load it from
-- init.lua with dofile('/path/to/danelint.lua'), or copy it there.
-- danelint must be on PATH.
local patterns = { '*.zone', '*.zone.signed', 'db.*' }
local client_id = nil

local function start(args)
  local config = {
    name = 'danelint',
    cmd = { 'danelint', 'lsp' },
    root_dir = vim.fn.getcwd(),
  }
  if vim.lsp.start then
    -- Neovim 0.8 and later: starts the server or reuses a running one.
    vim.lsp.start(config, { bufnr = args.buf })
    return
  end
  -- Neovim 0.7 has no vim.lsp.start: one client serves every buffer.
  if not client_id or not vim.lsp.get_client_by_id(client_id) then
    client_id = vim.lsp.start_client(config)
  end
  vim.lsp.buf_attach_client(args.buf, client_id)
end

vim.api.nvim_create_autocmd({ 'BufReadPost', 'BufNewFile' }, {
  pattern = patterns,
  callback = start,
})
