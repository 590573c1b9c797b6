-- A headless check: open a file with errors and wait for the server's diagnostics.
--   TIMELINE=/path/to/timeline FILE=/path/to/broken.timeline.yaml nvim --headless -u NONE -l? (0.7: -c "luafile headless.lua")
local here = debug.getinfo(1, 'S').source:sub(2):match('(.*/)')
local timeline = dofile(here .. '../timeline.lua')
timeline.setup({ cmd = { os.getenv('TIMELINE') or 'timeline', 'lsp' } })
vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('FILE')))
-- The file's own findings may be published before the project's (an unknown place): waited for until both are in.
local function has(code)
  for _, d in ipairs(vim.diagnostic.get(0)) do if d.code == code then return true end end
  return false
end
local ok = vim.wait(20000, function() return has('TL104') and has('TL201') end, 100)
local diags = vim.diagnostic.get(0)
local codes = {}
for _, d in ipairs(diags) do table.insert(codes, tostring(d.code or '?') .. '@' .. d.lnum .. ':' .. d.col) end
io.stdout:write(string.format('diagnostics: %d [%s]\n', #diags, table.concat(codes, ' ')))
for _, c in ipairs(vim.lsp.get_active_clients()) do c.stop() end
vim.cmd(ok and 'qall!' or 'cquit!')
