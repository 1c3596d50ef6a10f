-- wrk script for tests/bench/soak.sh: cycles over a fixed URL mix and, every
-- SOAK_UNIQUE_EVERY-th request, asks for a never-seen transform (distinct
-- width + cache-buster), so the run mixes cache hits with real transforms and
-- keeps the response cache growing.
--
--   SOAK_URLS          paths separated by "|" (required)
--   SOAK_UNIQUE_EVERY  0 = never (default 5)
--   SOAK_UNIQUE_TMPL   path with {W} and {N} (default a 1600x1200 resize)
--   SOAK_RUNID         unique string for {N}
--
-- done() prints one JSON line prefixed with "SOAKJSON ".

local env = os.getenv
local urls = {}
for u in string.gmatch(env("SOAK_URLS") or error("SOAK_URLS not set"), "[^|]+") do
  table.insert(urls, u)
end
local every = tonumber(env("SOAK_UNIQUE_EVERY") or "5")
local utmpl = env("SOAK_UNIQUE_TMPL") or "/bench/photo-1600x1200.jpg?operation=resize&width={W}&n={N}"
local runid = env("SOAK_RUNID") or "0"

local threads = {}
function setup(thread)
  thread:set("soak_tid", #threads)
  table.insert(threads, thread)
end

local k, tid = 0, 0
function init(args)
  tid = tonumber(rawget(_G, "soak_tid")) or 0
  k = tid * 7919
end

function request()
  k = k + 1
  local path
  if every > 0 and k % every == 0 then
    path = utmpl:gsub("{W}", tostring(200 + (k * 37) % 600)):gsub("{N}", runid .. "-" .. tid .. "-" .. k)
  else
    path = urls[(k % #urls) + 1]
  end
  return wrk.format("GET", path)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'SOAKJSON {"requests":%d,"duration_us":%d,"bytes":%d,"err_connect":%d,"err_read":%d,"err_write":%d,' ..
    '"err_status":%d,"err_timeout":%d,"lat_p50_us":%d,"lat_p90_us":%d,"lat_p99_us":%d,"lat_max_us":%d,' ..
    '"lat_mean_us":%.1f}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean))
end
