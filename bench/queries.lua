-- wrk script for the OneStop benchmark (see bench/README.md).
--
--   wrk ... -s bench/queries.lua http://127.0.0.1:PORT -- search
--   wrk ... -s bench/queries.lua http://127.0.0.1:PORT -- pages FILE     (one path a line)
--   wrk ... -s bench/queries.lua http://127.0.0.1:PORT -- ping
--   wrk ... -s bench/queries.lua http://127.0.0.1:PORT -- token FILE     (FILE: the form body, e.g.
--       grant_type=client_credentials&client_id=…&client_secret=…&scope=onestop.api)
--   wrk ... -s bench/queries.lua http://127.0.0.1:PORT -- jwks [PATH]    (default /.well-known/jwks)
--   wrk ... -s bench/queries.lua http://127.0.0.1:PORT -- signin
--   add "dump FILE" after the mode (and its argument) to also write the request paths to FILE (for
--   checks with curl)
--
-- Every target goes through the same request() hook, so the client-side cost per request is the
-- same for the baseline as for the pages. Each thread starts at a different place in the list and
-- walks round it. done() prints one machine-readable line, "BENCH key=value ...", that run.sh reads.
--
-- Every request carries "X-Forwarded-Proto: https", as it would from the TLS-terminating load
-- balancer in production (run.sh starts the app with ASPNETCORE_FORWARDEDHEADERS_ENABLED=true): the
-- OpenID Connect endpoints (token, JWKS, discovery) answer 400 to plain HTTP in Production.
-- "token" is the only POST: grant_type=client_credentials with client_secret_post, form-encoded.

-- Search queries: English (British and American spelling, a typo), Traditional and Simplified
-- Chinese (2-4 characters), a few with filters or a second page. Encoded below, not here.
local searches = {
  { q = "driving licence" },
  { q = "renew driving licence" },
  { q = "license" },                    -- American spelling; the catalogue says "licence"
  { q = "pasport" },                    -- typo
  { q = "passport" },
  { q = "business registration" },
  { q = "food licence" },
  { q = "tax return" },
  { q = "vehicle" },
  { q = "housing" },
  { q = "permit" },
  { q = "renew" },
  { q = "salaries tax" },
  { q = "dog licence" },
  { q = "birth registration" },
  { q = "registraton" },                -- typo
  { q = "student visa" },
  { q = "water bill" },
  { q = "elderly allowance" },
  { q = "licence", channel = "online-submission" },
  { q = "permit", category = "business-and-trade" },
  { q = "renew", page = 2 },
  { q = "牌照", lang = "zh-HK" },
  { q = "護照", lang = "zh-HK" },
  { q = "續領護照", lang = "zh-HK" },
  { q = "稅務", lang = "zh-HK" },
  { q = "車輛牌照", lang = "zh-HK" },
  { q = "商業登記", lang = "zh-HK" },
  { q = "公共房屋", lang = "zh-HK" },
  { q = "食物", lang = "zh-HK" },
  { q = "出生登記", lang = "zh-HK" },
  { q = "簽證", lang = "zh-HK" },
  { q = "牌照", lang = "zh-HK", department = "FEHD" },
  { q = "护照", lang = "zh-CN" },
  { q = "续领护照", lang = "zh-CN" },
  { q = "税务", lang = "zh-CN" },
  { q = "车辆牌照", lang = "zh-CN" },
  { q = "驾驶执照", lang = "zh-CN" },
  { q = "商业登记", lang = "zh-CN" },
  { q = "出生登记", lang = "zh-CN" },
  { q = "长者", lang = "zh-CN" },
  { q = "差饷", lang = "zh-CN" },
  { q = "学生资助", lang = "zh-CN" },
}

local function urlencode(s)
  return (tostring(s):gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local function search_paths()
  local paths = {}
  for _, e in ipairs(searches) do
    local parts = { "q=" .. urlencode(e.q) }
    for _, key in ipairs({ "lang", "department", "category", "channel", "page" }) do
      if e[key] ~= nil then parts[#parts + 1] = key .. "=" .. urlencode(e[key]) end
    end
    paths[#paths + 1] = "/api/v1/services?" .. table.concat(parts, "&")
  end
  return paths
end

local function file_paths(name)
  local paths = {}
  local f = assert(io.open(name, "r"), "cannot read " .. tostring(name))
  for line in f:lines() do
    if line:match("^/") then paths[#paths + 1] = line end
  end
  f:close()
  assert(#paths > 0, "no paths in " .. name)
  return paths
end

-- setup() runs in wrk's main Lua state, once per thread, before that thread's init().
local threads_made = 0
function setup(thread)
  threads_made = threads_made + 1
  thread:set("thread_number", threads_made)
end

local requests = {}
local next_index = 1

-- The form body of the token request, already encoded (run.sh writes the file, so the client secret
-- stays off the command line).
local function file_body(name)
  local f = assert(io.open(name, "r"), "cannot read " .. tostring(name))
  local body = f:read("*a"):gsub("%s+$", "")
  f:close()
  assert(body:match("grant_type="), "no grant_type in " .. name)
  return body
end

function init(args)
  local mode = args[1] or "search"
  local paths
  local i = 2
  local method, body, accept = "GET", nil, "application/json"
  if mode == "search" then
    paths = search_paths()
  elseif mode == "pages" then
    paths = file_paths(args[2]); i = 3; accept = "text/html"
  elseif mode == "ping" then
    paths = { "/api/v1/ping" }
  elseif mode == "token" then
    paths = { "/connect/token" }; i = 3
    method, body = "POST", file_body(args[2])
  elseif mode == "jwks" then
    if args[2] and args[2]:match("^/") then
      paths = { args[2] }; i = 3
    else
      paths = { "/.well-known/jwks" }
    end
  elseif mode == "signin" then
    paths = { "/account/sign-in" }; accept = "text/html"
  else
    error("unknown mode '" .. mode .. "': use search, pages FILE, ping, token FILE, jwks [PATH] or signin")
  end
  if args[i] == "dump" and args[i + 1] then
    local f = assert(io.open(args[i + 1], "w"))
    for _, p in ipairs(paths) do f:write(p, "\n") end
    f:close()
  end
  local headers = { ["Accept"] = accept, ["X-Forwarded-Proto"] = "https" }
  if body then headers["Content-Type"] = "application/x-www-form-urlencoded" end
  for n, p in ipairs(paths) do
    requests[n] = wrk.format(method, p, headers, body)
  end
  -- Spread the threads over the list (thread_number was set by setup()).
  local t = thread_number or 1
  next_index = ((t - 1) * math.floor(#requests / 2)) % #requests + 1
end

function request()
  local r = requests[next_index]
  next_index = next_index % #requests + 1
  return r
end

function done(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "BENCH requests=%d duration_s=%.3f rps=%.2f p50_us=%d p90_us=%d p99_us=%d max_us=%d non2xx3xx=%d connect=%d read=%d write=%d timeout=%d bytes=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    e.status, e.connect, e.read, e.write, e.timeout, summary.bytes))
end
