-- End-to-end test of notelint's language server in Neovim's own LSP client,
-- run by scripts/nvim-e2e.sh after the configuration of docs/editors.md:
-- open a note with a mistake, wait for notelint's diagnostic, apply its
-- preferred quick fix through vim.lsp.buf.code_action, and check the text.
-- Writes "PASS" or "FAIL: why" to the file named by $NVIM_E2E_RESULT.

local result = assert(os.getenv("NVIM_E2E_RESULT"))
local note = assert(os.getenv("NVIM_E2E_NOTE"))
local want = assert(os.getenv("NVIM_E2E_WANT"))
local wait_ms = 30000 -- for a slow machine; the server answers in milliseconds

local function finish(msg)
  local f = assert(io.open(result, "w"))
  f:write(msg .. "\n")
  f:close()
  vim.cmd(msg == "PASS" and "qa!" or "cquit! 1")
end

local function check(ok, msg)
  if not ok then
    finish("FAIL: " .. msg)
  end
  return ok
end

local ok, err = pcall(function()
  vim.cmd("edit " .. vim.fn.fnameescape(note))
  local buf = vim.api.nvim_get_current_buf()
  if not check(vim.bo[buf].filetype == "markdown", "filetype " .. vim.bo[buf].filetype) then return end

  -- notelint's diagnostic for the mistake
  local function notelint_diagnostics()
    local out = {}
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.source == "notelint" then table.insert(out, d) end
    end
    return out
  end
  if not check(vim.wait(wait_ms, function() return #notelint_diagnostics() > 0 end, 20),
      "no diagnostic from notelint within " .. wait_ms .. " ms") then return end
  local d = notelint_diagnostics()[1]
  local line = vim.api.nvim_buf_get_lines(buf, d.lnum, d.lnum + 1, false)[1]
  -- vim.diagnostic columns are bytes: Neovim converted the server's UTF-16 ones
  if not check(d.code == "NL101" and line:sub(d.col + 1, d.end_col) == "craete",
      string.format("diagnostic %s at %d:%d-%d (%q) on %q", tostring(d.code), d.lnum, d.col, d.end_col,
        line:sub(d.col + 1, d.end_col), line)) then return end
  io.stdout:write(string.format("diagnostic: %d:%d %s %s\n", d.lnum + 1, d.col + 1, d.code, d.message))

  -- the quick fix, chosen as a user would (the preferred one) and applied by Neovim
  local offered = {}
  vim.ui.select = function(items, _, on_choice)
    for i, item in ipairs(items) do
      local action = item[2]
      table.insert(offered, action.title)
      if action.isPreferred and action.kind == "quickfix" then
        return on_choice(item, i)
      end
    end
    on_choice(nil, nil)
  end
  vim.api.nvim_win_set_cursor(0, { d.lnum + 1, d.col })
  vim.lsp.buf.code_action()
  local function text()
    return table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), "\n") .. "\n"
  end
  if not check(vim.wait(wait_ms, function() return text() == want end, 20),
      "after the quick fix the buffer is:\n" .. text() .. "offered: " .. table.concat(offered, " | ")) then return end
  io.stdout:write("quick fix applied: " .. table.concat(offered, " | ") .. "\n")

  -- the server sees the edit (incremental sync) and clears the diagnostic
  if not check(vim.wait(wait_ms, function() return #notelint_diagnostics() == 0 end, 20),
      "the diagnostic stayed after the fix") then return end

  -- fix on save (the documented BufWritePre): the mistake typed again, then :write
  vim.api.nvim_buf_set_text(buf, d.lnum, d.col, d.lnum, d.end_col, { "craete" })
  if not check(vim.wait(wait_ms, function() return #notelint_diagnostics() > 0 end, 20),
      "no diagnostic for the mistake typed again") then return end
  vim.cmd("silent write")
  local f = assert(io.open(note, "rb"))
  local saved = f:read("*a")
  f:close()
  if not check(saved == want, "saved with fix on save:\n" .. saved) then return end
  io.stdout:write("fixed on save\n")
  finish("PASS")
end)
if not ok then
  finish("FAIL: " .. tostring(err))
end
