-- wrk script for the handout download endpoint: rotates the stored handouts listed in downloads.lua (written by
-- scripts/perf from the versions the load driver issued through the app, so each is a real rendered PDF).
local here = debug.getinfo(1, "S").source:sub(2):match("(.*/)") or "./"
local paths = dofile(here .. "downloads.lua")
local threads = {}
setup = function(thread) threads[#threads + 1] = thread end
non200 = 0
response = function(status, headers, body)
  if status ~= 200 or body:sub(1, 4) ~= "%PDF" then non200 = non200 + 1 end
end
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
done = function(summary, latency, requests)
  local others = 0
  for _, t in ipairs(threads) do others = others + (t:get("non200") or 0) end
  io.write(string.format("handouts %d in %.1f s = %.0f/s, %.1f MB/s; not a 200 PDF: %d; timeouts %d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    summary.bytes / (summary.duration / 1e6) / 1e6, others, summary.errors.timeout))
  io.write(string.format("latency p50 %.2f ms  p95 %.2f ms  p99 %.2f ms  max %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
