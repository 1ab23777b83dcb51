-- wrk script for the library search page: rotates realistic searches and prints p50/p95/p99.
-- Used by page-bench.sh, which signs in and passes the auth cookie with -H.
local paths = {
  "/Library?q=brige", "/Library?q=hamstirng", "/Library?q=bridge", "/Library?q=side+plank", "/Library?q=clam",
  "/Library?q=knee+to+chest", "/Library?q=heels", "/Library", "/Library?region=Hip", "/Library?category=Stretching&position=Supine",
  "/Library?q=stretch&region=Lumbar", "/Library?q=bridge&p=3",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("requests %d in %.1f s (%.0f/s), errors: status %d, timeout %d, connect %d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    summary.errors.status, summary.errors.timeout, summary.errors.connect))
  io.write(string.format("latency p50 %.2f ms  p95 %.2f ms  p99 %.2f ms  max %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
