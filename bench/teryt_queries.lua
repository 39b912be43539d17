-- wrk script: GET /api/teryt/gminy?q=PREFIX cycling through gmina name
-- prefixes as people type them, with and without Polish letters.
-- bench/run also reads this list (one quoted prefix per line) to check
-- that each prefix finds something.
local prefixes = {
  "lodz", "łódź", "łod",
  "torun", "toruń", "toru",
  "wloc", "włoc", "wloclawek",
  "krak", "kraków",
  "gdan", "gdań", "gdyn",
  "pozn", "poznań",
  "wroc", "wrocł",
  "szcz", "bydg", "lubl",
  "bial", "biał",
  "kiel", "olsz", "rzes", "opol", "gorz", "ziel",
  "kato", "gliw", "zabr", "sosn", "czes", "rado",
  "ploc", "płoc", "elbl", "tarn", "kosz", "kali", "legn",
  "grud", "slup", "słup", "inow", "chelm", "chełm",
  "swie", "świe", "zako", "zyra", "żyra", "lowi", "łowi",
  "now", "bo",
}

local paths = {}
for i, p in ipairs(prefixes) do
  local q = p:gsub("[^%w%-%._~]", function(c)
    return string.format("%%%02X", string.byte(c))
  end)
  paths[i] = "/api/teryt/gminy?q=" .. q
end

-- Each wrk thread has its own Lua state; setup() runs in the main state
-- and numbers them, so that each starts at a different place in the list.
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

local n = 0
function init(args)
  n = ((id or 1) - 1) * 29 % #paths
end

function request()
  n = n % #paths + 1
  return wrk.format("GET", paths[n])
end
