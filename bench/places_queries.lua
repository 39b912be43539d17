-- wrk script: GET /api/places?q=TEXT over the whole SIMC register (issue
-- 15), cycling through what residents type: villages and parts of towns
-- as they are typed, with and without Polish letters, "gmina X", "gm. X",
-- "m. X", postal codes, and misspellings (one or two wrong letters), which
-- take the bounded fuzzy pass over a whole first-letter group.
-- bench/run also reads this list (one quoted query per line) to check that
-- each query finds something.
local prefixes = {
  "rusinowo", "grębocin", "grebocin", "przysiek", "przys",
  "jaksice", "osielsko", "ciechocinek", "cekcyn", "gmina cekcyn",
  "gm. lubicz", "m. rypin", "torun", "toruń", "87-100",
  "87100", "30-001", "32-002", "lubic", "złotoria",
  "zlotoria", "papowo", "kowalewo", "brodnica", "golub",
  "chełmża", "chelmza", "wąbrzeźno", "lisewo", "zławieś",
  "nowa wieś", "stara", "dąbrowa", "kamień", "zalesie",
  "wola", "kraków", "nowy targ", "zakopane", "wieliczka",
  "cekcin", "grebocinn", "przysik", "rusinwo", "jaksyce",
  "ciechocnek", "osielko", "kowalewko", "brodnca", "zlawies wilka",
  "torn", "lubicz dolny",
}
local paths = {}
for i, p in ipairs(prefixes) do
  local q = p:gsub("[^%w%-%._~]", function(c)
    return string.format("%%%02X", string.byte(c))
  end)
  paths[i] = "/api/places?q=" .. q
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
