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
