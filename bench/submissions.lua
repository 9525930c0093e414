-- wrk script for bench/forms.sh: machine-client submissions to the forms API (see bench/README.md).
--
--   wrk ... -s bench/submissions.lua http://127.0.0.1:PORT -- FORM_ID BODY_FILE TOKEN_FILE RUN
--
-- Each request is POST /api/v1/forms/FORM_ID/submissions with the JSON body read from BODY_FILE, the bearer
-- token read from TOKEN_FILE (so it stays off the command line) and a unique Idempotency-Key
-- "RUN-<thread>-<n>", so that every request is a new submission and the rows of one run can be counted in the
-- database afterwards (IdempotencyKey LIKE 'RUN-%'). response() counts 201s, other statuses and keeps the
-- first unexpected status and body; done() prints one "BENCH key=value ..." line that forms.sh reads.
-- Every request carries "X-Forwarded-Proto: https", as from the TLS-terminating load balancer (see run.sh).

local threads = {}
function setup(thread)
  threads[#threads + 1] = thread
  thread:set("thread_number", #threads)
end

local function read(name)
  local f = assert(io.open(name, "r"), "cannot read " .. tostring(name))
  local text = f:read("*a"):gsub("%s+$", "")
  f:close()
  return text
end

local path, body, token, run
local counter = 0
created, other2xx, failed = 0, 0, 0
first_failure = ""

function init(args)
  assert(#args >= 4, "usage: -- FORM_ID BODY_FILE TOKEN_FILE RUN")
  path = "/api/v1/forms/" .. args[1] .. "/submissions"
  body = read(args[2])
  token = read(args[3])
  run = args[4]
end

function request()
  counter = counter + 1
  return wrk.format("POST", path, {
    ["Accept"] = "application/json",
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. token,
    ["Idempotency-Key"] = run .. "-" .. thread_number .. "-" .. counter,
    ["X-Forwarded-Proto"] = "https",
  }, body)
end

function response(status, headers, response_body)
  if status == 201 then
    created = created + 1
  elseif status >= 200 and status < 300 then
    other2xx = other2xx + 1
  else
    failed = failed + 1
    if first_failure == "" then first_failure = status .. " " .. (response_body or ""):sub(1, 300):gsub("%s+", " ") end
  end
end

function done(summary, latency, requests)
  local c, o, f, first = 0, 0, 0, ""
  for _, t in ipairs(threads) do
    c = c + t:get("created"); o = o + t:get("other2xx"); f = f + t:get("failed")
    if first == "" then first = t:get("first_failure") or "" end
  end
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "BENCH requests=%d duration_s=%.3f rps=%.2f created=%d created_rps=%.2f other2xx=%d failed=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d non2xx3xx=%d connect=%d read=%d write=%d timeout=%d\n",
    summary.requests, seconds, summary.requests / seconds, c, c / seconds, o, f,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    e.status, e.connect, e.read, e.write, e.timeout))
  if first ~= "" then io.write("FIRST_FAILURE " .. first .. "\n") end
end
