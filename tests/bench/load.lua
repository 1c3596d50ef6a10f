-- wrk script for run-bench.sh: builds each request path from a template and
-- prints one JSON summary line ("RESULT {...}") when wrk is done.
--
-- Environment:
--   URL_TEMPLATE   path with placeholders {IMG} {W} {Q} {N}
--   IMG            file name for {IMG}
--   WMIN WMAX      width range   } request k gets the k-th (W, Q) of the grid
--   QMIN QMAX      quality range } WMIN..WMAX x QMIN..QMAX, visited in a
--                                  scattered order that repeats only after
--                                  every pair has been used once; for a fixed
--                                  transform set WMIN = WMAX and QMIN = QMAX
--   START          index of the first request (the warm-up uses another range)
--   TAG            {N} = TAG-k, unique per request
--   THREADS        = wrk -t

local function num(name, default) return tonumber(os.getenv(name) or "") or default end
local template = os.getenv("URL_TEMPLATE") or error("URL_TEMPLATE is not set")
local img      = os.getenv("IMG") or ""
local tag      = os.getenv("TAG") or "t"
local wmin, wmax = num("WMIN", 300), num("WMAX", 300)
local qmin, qmax = num("QMIN", 80), num("QMAX", 80)
local start, threads = num("START", 0), num("THREADS", 1)
local nw, nq = wmax - wmin + 1, qmax - qmin + 1
local size = nw * nq

-- a step coprime with the grid size: k -> (k * step) mod size is a permutation
local function gcd(a, b) while b > 0 do a, b = b, a % b end return a end
local step = math.floor(size * 0.382) + 1
while gcd(step, size) ~= 1 do step = step + 1 end

local next_thread_id = 0
function setup(thread)
  thread:set("thread_id", next_thread_id)
  next_thread_id = next_thread_id + 1
end

local k
function init(args)
  k = start + (tonumber(rawget(_G, "thread_id")) or 0)
end

function request()
  local cell = (k * step) % size
  local w, q = wmin + cell % nw, qmin + math.floor(cell / nw)
  local path = template:gsub("{IMG}", img):gsub("{W}", tostring(w)):gsub("{Q}", tostring(q))
                       :gsub("{N}", tag .. "-" .. k)
  k = k + threads
  return wrk.format("GET", path)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests": %d, "duration_us": %d, "bytes": %d, "err_connect": %d, "err_read": %d, ' ..
    '"err_write": %d, "err_status": %d, "err_timeout": %d, "lat_p50_us": %d, "lat_p99_us": %d, ' ..
    '"lat_max_us": %d}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(99), latency.max))
end
