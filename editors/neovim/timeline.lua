-- Timeline for Neovim's built-in LSP client (Neovim 0.7 or later).
--
--   local timeline = dofile('/path/to/editors/neovim/timeline.lua')
--   timeline.setup({ cmd = { 'timeline', 'lsp' } })
--
-- Files named *.timeline.yaml, *.places.yaml, *.actors.yaml, *.sources.yaml and
-- timeline.config.yaml are checked by `timeline lsp`, started once per project root (the
-- nearest folder upwards with timeline.config.yaml, else the file's folder).
local M = {}

local patterns = { '%.timeline%.yaml$', '%.places%.yaml$', '%.actors%.yaml$', '%.sources%.yaml$', '/timeline%.config%.yaml$' }

local function is_timeline_file(name)
  for _, p in ipairs(patterns) do
    if name:match(p) then return true end
  end
  return false
end

local function root_of(name)
  local dir = vim.fn.fnamemodify(name, ':p:h')
  local found = vim.fn.findfile('timeline.config.yaml', dir .. ';')
  if found ~= '' then return vim.fn.fnamemodify(found, ':p:h') end
  return dir
end

local clients = {}

-- timeline.showStub, which a quick fix that writes a stub (a source, a place, an actor) runs once its edits are made:
-- the stub may have landed off screen or in another file, so its file is shown in the current window, centred on the
-- value the writer should check (a publisher, a name), which is selected. The server does not run this command: without
-- this handler Neovim would send it back to the server, which answers that it has no such command.
local function show_stub(command)
  local arg = command.arguments and command.arguments[1]
  if type(arg) ~= 'table' or type(arg.uri) ~= 'string' or type(arg.range) ~= 'table' then return end
  local bufnr = vim.uri_to_bufnr(arg.uri)
  vim.fn.bufload(bufnr)
  if not pcall(vim.api.nvim_win_set_buf, 0, bufnr) then return end
  -- The server counts characters in UTF-16; Neovim's columns are bytes.
  local function position(p)
    local line = vim.api.nvim_buf_get_lines(bufnr, p.line, p.line + 1, false)[1] or ''
    local ok, col = pcall(vim.str_byteindex, line, p.character, true)
    return { p.line + 1, ok and col or #line }
  end
  local first, last = position(arg.range.start), position(arg.range['end'])
  vim.cmd('normal! \27')
  vim.api.nvim_win_set_cursor(0, first)
  vim.cmd('normal! zz')
  if last[1] > first[1] or last[2] > first[2] then
    -- A charwise selection of the value, its last character included.
    vim.cmd('normal! v')
    vim.api.nvim_win_set_cursor(0, { last[1], math.max(last[2] - 1, 0) })
  end
end
vim.lsp.commands['timeline.showStub'] = show_stub

function M.attach(bufnr, opts)
  local name = vim.api.nvim_buf_get_name(bufnr)
  if name == '' or not is_timeline_file(name) then return end
  local root = root_of(name)
  local id = clients[root]
  if id == nil or vim.lsp.get_client_by_id(id) == nil then
    id = vim.lsp.start_client({
      name = 'timeline',
      cmd = opts.cmd or { 'timeline', 'lsp' },
      root_dir = root,
      workspace_folders = { { uri = vim.uri_from_fname(root), name = vim.fn.fnamemodify(root, ':t') } },
      settings = { timeline = opts.settings or {} },
      on_attach = opts.on_attach,
    })
    clients[root] = id
  end
  if id then vim.lsp.buf_attach_client(bufnr, id) end
end

function M.setup(opts)
  opts = opts or {}
  local group = vim.api.nvim_create_augroup('timeline-lsp', { clear = true })
  vim.api.nvim_create_autocmd({ 'BufReadPost', 'BufNewFile' }, {
    group = group,
    pattern = { '*.timeline.yaml', '*.places.yaml', '*.actors.yaml', '*.sources.yaml', 'timeline.config.yaml' },
    callback = function(args) M.attach(args.buf, opts) end,
  })
end

return M
