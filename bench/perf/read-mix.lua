-- wrk script for the read mix of issue 8: the builder page (programs of 10 exercises), the patient list (pages and
-- archived) and patient search (names with typos, MRNs, dates of birth), in equal parts. scripts/perf writes the
-- ids of the dataset into paths.lua next to it (one "return { ... }" table of paths per page) and passes the
-- signed-in cookie with -H. Set PAGE=builder|list|search to request one page only.
local here = debug.getinfo(1, "S").source:sub(2):match("(.*/)") or "./"
local all = dofile(here .. "paths.lua")
local page = os.getenv("PAGE")
-- One list per page kind; requests take the kinds in turn, so the mix is equal thirds whatever each list's length.
local kinds = {}
for _, name in ipairs({ "builder", "list", "search" }) do
  if page == nil or page == "" or page == name then kinds[#kinds + 1] = all[name] end
end
local counter = 0
local threads = {}
setup = function(thread)
  counter = counter + 1
  thread:set("offset", counter * 7919)
  threads[#threads + 1] = thread
end
local i = 0
request = function()
  i = i + 1
  local list = kinds[(i % #kinds) + 1]
  local n = math.floor(i / #kinds) + (offset or 0)
  return wrk.format("GET", list[(n % #list) + 1])
end
-- wrk counts only 4xx/5xx as errors; a 302 (an expired session sent to sign-in) must not pass as a fast page.
non200 = 0
response = function(status)
  if status ~= 200 then non200 = non200 + 1 end
end
done = function(summary, latency, requests)
  local others = 0
  for _, t in ipairs(threads) do others = others + (t:get("non200") or 0) end
  io.write(string.format("requests %d in %.1f s = %.0f req/s; not 200: %d; errors: timeout %d, connect %d, read %d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    others, summary.errors.timeout, summary.errors.connect, summary.errors.read))
  io.write(string.format("latency p50 %.2f ms  p90 %.2f ms  p95 %.2f ms  p99 %.2f ms  max %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
