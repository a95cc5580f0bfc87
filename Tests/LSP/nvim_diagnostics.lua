-- Run by test_neovim.py in a headless Neovim: starts `mentor lsp` with the built-in client,
-- attaches it to the current buffer and, once the buffer has MENTOR_NVIM_EXPECT diagnostics,
-- writes them to MENTOR_NVIM_OUT (one per line: line:column severity code message) and quits.
-- Uses only what Neovim 0.7 (Debian 12) has: start_client, not vim.lsp.start.
local out = os.getenv("MENTOR_NVIM_OUT")
local expected = tonumber(os.getenv("MENTOR_NVIM_EXPECT"))
local bufnr = vim.api.nvim_get_current_buf()
local severities = { "error", "warning", "information", "hint" }

local function write_and_quit(lines, failed)
  vim.fn.writefile(lines, out)
  vim.cmd(failed and "cquit!" or "qall!")
end

local default_handler = vim.lsp.handlers["textDocument/publishDiagnostics"]
vim.lsp.handlers["textDocument/publishDiagnostics"] = function(err, result, ctx, config)
  default_handler(err, result, ctx, config)
  if vim.uri_to_bufnr(result.uri) ~= bufnr then return end
  local diagnostics = vim.diagnostic.get(bufnr)
  if #diagnostics ~= expected then return end
  table.sort(diagnostics, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
  local lines = {}
  for _, d in ipairs(diagnostics) do
    local lsp = d.user_data and d.user_data.lsp or {}
    local code = d.code or lsp.code or ""
    local message = vim.split(d.message, "\n")[1]
    table.insert(lines, string.format("%d:%d %s %s %s", d.lnum + 1, d.col + 1, severities[d.severity], code, message))
  end
  write_and_quit(lines, false)
end

local client = vim.lsp.start_client({
  name = "mentor",
  cmd = { os.getenv("MENTOR_BINARY"), "lsp", "--today", os.getenv("MENTOR_NVIM_TODAY") },
  root_dir = os.getenv("MENTOR_NVIM_ROOT"),
  workspace_folders = { { uri = vim.uri_from_fname(os.getenv("MENTOR_NVIM_ROOT")), name = "workspace" } },
})
if not client then write_and_quit({ "the client did not start" }, true) end
vim.lsp.buf_attach_client(bufnr, client)
vim.defer_fn(function() write_and_quit({ "timed out waiting for diagnostics" }, true) end, 30000)
