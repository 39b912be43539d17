-- wrk script for bench/forum.sh: a logged-in professional reading the
-- forum (issue 19). BENCH_MODE=category: a category's page of threads,
-- categories BENCH_CATS (space-separated ids) and offsets 0..BENCH_PAGES-1
-- pages of 50; BENCH_MODE=search: /forum/szukaj with one to three words
-- people type, whole or begun. The session cookie comes in BENCH_COOKIE.
local mode = os.getenv("BENCH_MODE") or "category"
local cookie = os.getenv("BENCH_COOKIE")
local pages = tonumber(os.getenv("BENCH_PAGES") or "5")
local cats = {}
for c in string.gmatch(os.getenv("BENCH_CATS") or "1", "%d+") do
  cats[#cats + 1] = c
end
local words = {
  "przemoc", "procedura niebieska", "kurator", "zesp inter", "policja szkola",
  "asystent rodziny", "piecza", "terap", "mediacja senior", "dyzur telefon",
  "superwizja", "notatka wniosek", "swietlica", "interwencja kryzysowa",
  "diagnoza ryzyko dziecko", "alimenty", "schronienie", "psycholog",
  "plan pomocy", "gmina powiat",
}

local function enc(s)
  return (s:gsub("[^%w%-%._~]", function(c)
    return string.format("%%%02X", string.byte(c))
  end))
end

local paths = {}
for i = 1, 1000 do
  if mode == "search" then
    paths[i] = "/forum/szukaj?q=" .. enc(words[(i * 7) % #words + 1])
  else
    paths[i] = "/forum/kategoria/" .. cats[(i * 3) % #cats + 1] ..
      "?offset=" .. (((i * 13) % pages) * 50)
  end
end

local n = 0
request = function()
  n = n % #paths + 1
  return wrk.format("GET", paths[n], { ["Cookie"] = "rodzina_session=" .. cookie })
end
