-- wrk script for bench/directory.sh: GET /api/services (or /uslugi) with a
-- gmina from every part of the country and a varied free text, as
-- residents search. bench/directory.sh writes the gmina list beside it
-- (directory_gminas.lua, 400 codes drawn from the database) and sets the
-- path prefix through the environment of wrk's Lua (BENCH_PATH).
local words = {
  "", "", "", "pomoc", "przemoc", "osrodek", "ośrodek interwencji",
  "asystent rodziny", "terapia", "prawna", "seniora", "schronienie",
  "piecza", "mediacje", "telefon zaufania", "swietlica", "opieka",
  "wsparcie psychologiczne", "niebieskiej karty", "klub",
}
local categories = { "", "", "", "", "przemoc", "kryzys", "pomoc", "rodzina" }

local gminas = dofile(os.getenv("BENCH_GMINAS"))
local base = os.getenv("BENCH_PATH") or "/api/services"

local function enc(s)
  return (s:gsub("[^%w%-%._~]", function(c)
    return string.format("%%%02X", string.byte(c))
  end))
end

local paths = {}
for i = 1, 2000 do
  local g = gminas[(i * 7919) % #gminas + 1]
  local w = words[(i * 31) % #words + 1]
  local c = categories[(i * 17) % #categories + 1]
  local p = base .. "?gmina=" .. g
  if w ~= "" then p = p .. "&q=" .. enc(w) end
  if c ~= "" then p = p .. "&" .. (base == "/uslugi" and "kategoria" or "category") .. "=" .. c end
  paths[i] = p
end

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

local n = 0
function init(args)
  n = ((id or 1) - 1) * 997 % #paths
end

-- BENCH_NONCE=1 makes every request's URL its own (an argument the page
-- ignores), so that no answer is ever reused from the answer cache.
local nonce = os.getenv("BENCH_NONCE") == "1"
local seq = 0

function request()
  n = n % #paths + 1
  if nonce then
    seq = seq + 1
    return wrk.format("GET", paths[n] .. "&n=" .. id .. "-" .. seq)
  end
  return wrk.format("GET", paths[n])
end
