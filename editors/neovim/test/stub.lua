-- A headless check of timeline.showStub: the quick fix "Create a source from this URL" is applied as Neovim's
-- code_action applies one (the edit, then the command by vim.lsp.commands), and the new source's publisher must be
-- selected in the current window.
--   TIMELINE=/path/to/timeline FILE=/path/to/link.timeline.yaml nvim --headless -u NONE -c "luafile stub.lua"
local here = debug.getinfo(1, 'S').source:sub(2):match('(.*/)')
local timeline = dofile(here .. '../timeline.lua')
timeline.setup({ cmd = { os.getenv('TIMELINE') or 'timeline', 'lsp' } })
vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('FILE')))
local function done(ok, what)
  io.stdout:write(what .. '\n')
  for _, c in ipairs(vim.lsp.get_active_clients()) do c.stop() end
  vim.cmd(ok and 'qall!' or 'cquit!')
end
-- The link's finding (TL203) comes with the project's, which may be published after the file's own.
local function linked()
  for _, d in ipairs(vim.diagnostic.get(0)) do if d.code == 'TL203' then return true end end
  return false
end
if not vim.wait(20000, linked, 100) then return done(false, 'the link was not reported (TL203)') end
local link = vim.fn.search('https://')
local params = vim.lsp.util.make_range_params()
params.range = { start = { line = link - 1, character = 40 }, ['end'] = { line = link - 1, character = 40 } }
params.context = { diagnostics = {} }
local answers = vim.lsp.buf_request_sync(0, 'textDocument/codeAction', params, 10000) or {}
local action
for _, answer in pairs(answers) do
  for _, a in ipairs(answer.result or {}) do
    if a.title == 'Create a source from this URL' then action = a end
  end
end
if not action or not action.command then return done(false, 'no "Create a source from this URL" with a command') end
vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
local handler = vim.lsp.commands[action.command.command]
if not handler then return done(false, 'no handler for ' .. action.command.command) end
handler(action.command, {})
local mode = vim.api.nvim_get_mode().mode
vim.cmd('normal! "sy')
local selected = vim.fn.getreg('s')
done(mode == 'v' and selected == 'enabbaladi.net', string.format('mode %s, selected "%s"', mode, selected))
