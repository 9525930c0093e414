#!/usr/bin/env bash
# OneStop benchmark: builds the app in Release, imports a generated 10,000-service catalogue into a
# fresh SQLite database, registers a machine client for OneStop ID, starts the app (Production) on
# 127.0.0.1 and measures with wrk the search API, a service page, the OpenID Connect token endpoint
# (client credentials), the JWKS, the sign-in page and the /api/v1/ping baseline at several
# concurrency levels.
# Prints a Markdown table and writes it to bench/results/latest.md. See bench/README.md.
#
# Settings (environment variables):
#   BENCH_CONNECTIONS  concurrency levels                 default "1 16 64 128"
#   BENCH_DURATION     seconds per measured wrk run       default 10
#   BENCH_WARMUP       seconds of warm-up per target      default 5
#   BENCH_SERVICES     services in the generated file     default 10000
#   BENCH_BUDGET       seconds; a level that would end after this is skipped   default 420
#   BENCH_PORT         port for the app                   default: a free one
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
bench="$root/bench"
started=$(date +%s)
# Other work on this machine skews the numbers: note how busy it was when we began.
load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")

connections=${BENCH_CONNECTIONS:-"1 16 64 128"}
duration=${BENCH_DURATION:-10}
warmup=${BENCH_WARMUP:-5}
service_count=${BENCH_SERVICES:-10000}
budget=${BENCH_BUDGET:-420}
wrk_timeout=10s

say() { printf '\n==> %s\n' "$*" >&2; }
elapsed() { echo $(( $(date +%s) - started )); }
now_ms() { date +%s%3N; }
# Runs a command in the background and waits for it, so that a signal sent to this script alone
# (kill -INT/-TERM PID) is handled at once rather than after the command ends; cleanup stops it.
child=""
run() { "$@" & child=$!; local status=0; wait "$child" || status=$?; child=""; return "$status"; }

# --- wrk -------------------------------------------------------------------------------------------
if ! command -v wrk >/dev/null 2>&1; then
  say "Installing wrk (Debian package)"
  if [ "$(id -u)" != "0" ]; then
    echo "wrk is not installed and this is not root: install it with 'sudo apt-get install wrk'." >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends wrk >/dev/null 2>&1 ||
    { apt-get update -qq && apt-get install -y -qq --no-install-recommends wrk >/dev/null; }
fi

# --- temp dir, app process and clean-up ----------------------------------------------------------
tmp=$(mktemp -d /tmp/onestop-bench.XXXXXX)
app_pid=""
results="$bench/results"
cleanup() {
  local status=$?
  if [ -n "$child" ]; then kill -TERM "$child" 2>/dev/null || true; wait "$child" 2>/dev/null || true; fi
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill -TERM "$app_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  # Keep the app's log for a look afterwards (bench/results/ is git-ignored): all of it up to 20 MB,
  # else its start (start-up messages and warnings) and its end.
  if [ -f "$tmp/app.log" ] && [ -d "$results" ]; then
    local size; size=$(stat -c %s "$tmp/app.log")
    if [ "$size" -le 20000000 ]; then cp "$tmp/app.log" "$results/app.log"
    else { head -c 2000000 "$tmp/app.log"; printf '\n[... %d bytes left out ...]\n' $(( size - 20000000 )); tail -c 18000000 "$tmp/app.log"; } >"$results/app.log"
    fi
  fi
  rm -rf "$tmp"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -p "$results"
rm -rf "$results/raw"
mkdir -p "$results/raw"

# --- build ---------------------------------------------------------------------------------------
# The search engine is being replaced: record which one this build contains.
which_engine() {
  if [ -f src/OneStop/Catalogue/TempSearch.cs ]; then
    echo "naive temporary search (src/OneStop/Catalogue/TempSearch.cs present)"
  else
    echo "new engine in src/OneStop/Catalogue/Search/ (TempSearch.cs absent; $(ls src/OneStop/Catalogue/Search/*.cs 2>/dev/null | wc -l) .cs files)"
  fi
}
engine=$(which_engine)

say "Building the app in Release (search engine: $engine)"
# Own bin/obj under the temp dir, so the build never trips over someone else's build of src/.
build_ok=""
for attempt in 1 2 3; do
  if run dotnet publish src/OneStop -c Release --nologo -v quiet -clp:ErrorsOnly \
      --artifacts-path "$tmp/build" -o "$tmp/app" >"$tmp/build.log" 2>&1; then
    build_ok=1; break
  fi
  cat "$tmp/build.log" >&2
  if [ "$attempt" -lt 3 ]; then say "Build failed (attempt $attempt); someone may be mid-edit. Retrying in 60 s"; run sleep 60; fi
done
[ -n "$build_ok" ] || { echo "The build failed three times; see above." >&2; exit 1; }
# Re-check: the engine may have changed during the build or while we waited between attempts.
engine_after=$(which_engine)
[ "$engine_after" = "$engine" ] || engine="$engine_after (changed during the build; before it: $engine)"

# --- catalogue and database ----------------------------------------------------------------------
say "Generating a catalogue with $service_count services"
run python3 "$bench/generate-catalogue.py" --out "$tmp/catalogue.json" --services "$service_count" \
  --page-paths "$tmp/pages.txt" --pages 300 --seed 42 >&2
catalogue_mb=$(( $(stat -c %s "$tmp/catalogue.json") / 1024 / 1024 ))

mkdir -p "$tmp/db" "$tmp/files" "$tmp/mail"
port=${BENCH_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
base="http://127.0.0.1:$port"
export ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production
unset ASPNETCORE_URLS || true
# As behind production's TLS-terminating load balancer: the app believes X-Forwarded-Proto, which every
# request below sends ("https"). In Production the OpenID Connect endpoints (discovery, JWKS, token)
# answer 400 "This server only accepts HTTPS requests" to anything else.
export ASPNETCORE_FORWARDEDHEADERS_ENABLED=true
# Production refuses to start without these (docs/configuration.md). The public origin is https, as the
# forwarded scheme says, so the OIDC issuer and its endpoints agree. AllowUnprotectedKeys is for test
# rigs only: there is no certificate here, and it also lets the signing CA be generated (Signing:).
# Mail goes to .eml files in the temp dir, not to an SMTP server. AttemptsPerMinute (the per-address
# limit on sign-in, registration and reset posts) at its maximum, so it can never throttle the run.
config=(--ConnectionStrings:OneStop "Data Source=$tmp/db/onestop.db" --Database:Provider sqlite
        --Demo:Seed false --Storage:Root "$tmp/files"
        --Site:PublicOrigin "https://${base#http://}"
        --DataProtection:AllowUnprotectedKeys true
        --Mail:Delivery PickupFolder --Mail:PickupFolder "$tmp/mail"
        --Identity:AttemptsPerMinute 100000)

# Both the CLI and the server run from the publish folder: the content root (where appsettings*.json
# are read from) is the current directory. Everything they write goes to the temp dir.
say "Importing it into a fresh SQLite database with the CLI"
t0=$(now_ms)
run_import() { cd "$tmp/app" && exec dotnet OneStop.dll catalogue import "$tmp/catalogue.json" "${config[@]}"; }
run run_import >"$tmp/import.out" 2>"$tmp/import.err" || { cat "$tmp/import.out" "$tmp/import.err" >&2; echo "The import failed." >&2; exit 1; }
import_ms=$(( $(now_ms) - t0 ))
import_line=$(grep -m1 '^Imported' "$tmp/import.out" || true)
echo "$import_line (${import_ms} ms)" >&2
db_mb=$(( $(du -sb "$tmp/db" | cut -f1) / 1024 / 1024 ))

# --- a machine client for the token endpoint -----------------------------------------------------
# Registered with the real CLI before the server starts; it prints the secret once. The secret only
# ever goes to files in the temp dir (the token request's body), never to the command line or results.
say "Registering the machine client bench-service with the CLI"
client_id=bench-service
run_client_add() {
  cd "$tmp/app" && exec dotnet OneStop.dll identity clients add "$client_id" type=machine name=Bench scopes=onestop.api "${config[@]}"
}
run run_client_add >"$tmp/client.out" 2>"$tmp/client.err" || { cat "$tmp/client.err" >&2; grep -v -i secret "$tmp/client.out" >&2 || true; echo "Registering the client failed." >&2; exit 1; }
client_secret=$(sed -nE 's/^Client secret \(shown once, store it now\): *([^ ]+) *$/\1/p' "$tmp/client.out")
# The CLI makes it base64url; anything else would need URL-encoding below.
[[ "$client_secret" =~ ^[A-Za-z0-9_-]+$ ]] || { grep -v -i secret "$tmp/client.out" >&2 || true; echo "Could not read the client secret from the CLI's output." >&2; exit 1; }
(umask 077; printf 'grant_type=client_credentials&client_id=%s&client_secret=%s&scope=onestop.api' "$client_id" "$client_secret" >"$tmp/token-body")
unset client_secret
echo "$(head -1 "$tmp/client.out")" >&2

# --- start the app -------------------------------------------------------------------------------
say "Starting the app on $base"
t0=$(now_ms)
(cd "$tmp/app" && exec dotnet OneStop.dll --urls "$base" "${config[@]}") >"$tmp/app.log" 2>&1 &
app_pid=$!
ready=""
for _ in $(seq 1 300); do
  kill -0 "$app_pid" 2>/dev/null || { cat "$tmp/app.log" >&2; echo "The app exited while starting." >&2; exit 1; }
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/health/ready" || true)" = "200" ]; then ready=1; break; fi
  sleep 0.2
done
[ -n "$ready" ] || { tail -50 "$tmp/app.log" >&2; echo "The app was not ready within 60 s." >&2; exit 1; }
ready_ms=$(( $(now_ms) - t0 ))
echo "Ready after ${ready_ms} ms" >&2

# --- check every request once (status and time) --------------------------------------------------
wrk_run() { # target connections seconds -> wrk output
  local target=$1 c=$2 secs=$3 threads=2
  [ "$c" -lt "$threads" ] && threads=$c
  local args=(search)
  case $target in
    search) args=(search) ;;
    page) args=(pages "$tmp/pages.txt") ;;
    token) args=(token "$tmp/token-body") ;;
    jwks) args=(jwks "$jwks_path") ;;
    signin-page) args=(signin) ;;
    ping) args=(ping) ;;
  esac
  run wrk -t"$threads" -c"$c" -d"${secs}s" --timeout "$wrk_timeout" --latency -s "$bench/queries.lua" "$base" -- "${args[@]}" "${@:4}"
}

say "Checking each request once with curl"
t0=$(now_ms)
xfp=(-H 'X-Forwarded-Proto: https')  # as wrk sends it (see queries.lua)
first_search=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' "${xfp[@]}" "$base/api/v1/services?q=licence")
echo "First search after start (catalogue snapshot may still be building): $first_search s" >&2
wrk_run search 1 1 dump "$tmp/search-paths.txt" >/dev/null
wrk_run ping 1 1 dump "$tmp/ping-paths.txt" >/dev/null
check_file="$results/raw/check.tsv"
# detail: the result count (search), or what the body must contain; "missing …" fails the check.
printf 'target\tstatus\tseconds\tdetail\tpath\n' >"$check_file"
check() { # target path [curl options...]
  local target=$1 path=$2 out code secs detail=""
  out=$(curl -s -o "$tmp/body" -w '%{http_code} %{time_total}' -H 'Accept: text/html,application/json' "${xfp[@]}" "${@:3}" "$base$path" || echo "000 0")
  code=${out% *}; secs=${out#* }
  case $target in
    search) detail=$(grep -oE '^\{"total":[0-9]+' "$tmp/body" | grep -oE '[0-9]+$' || true) ;;
    discovery) grep -q '"jwks_uri"' "$tmp/body" && detail="jwks_uri" || detail="missing jwks_uri" ;;
    jwks) detail="keys: $(grep -o '"kid"' "$tmp/body" | wc -l)"; [ "$detail" != "keys: 0" ] || detail="missing keys" ;;
    token) grep -q '"access_token"' "$tmp/body" && detail="access_token" || detail="missing access_token" ;;
    signin-page) grep -q 'name="__RequestVerificationToken"' "$tmp/body" && detail="antiforgery token" || detail="missing antiforgery token" ;;
  esac
  printf '%s\t%s\t%s\t%s\t%s\n' "$target" "$code" "$secs" "$detail" "$path" >>"$check_file"
}
while read -r p; do check search "$p"; done <"$tmp/search-paths.txt"
while read -r p; do check page "$p"; done < <(head -n 40 "$tmp/pages.txt")
# OneStop ID: the JWKS is wherever the discovery document says (its path; the host is ours).
check discovery /.well-known/openid-configuration
jwks_path=$(python3 -c 'import json, sys, urllib.parse; print(urllib.parse.urlsplit(json.load(open(sys.argv[1]))["jwks_uri"]).path)' "$tmp/body" 2>/dev/null || true)
[[ "$jwks_path" == /* ]] || { jwks_path=/.well-known/jwks; echo "No jwks_uri in the discovery document; using $jwks_path" >&2; }
check jwks "$jwks_path"
check token /connect/token -X POST -H 'Content-Type: application/x-www-form-urlencoded' --data-binary "@$tmp/token-body"
# The token works: the example API for machine clients accepts it (not measured, only checked).
access_token=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["access_token"])' "$tmp/body" 2>/dev/null || true)
check whoami /api/v1/identity/whoami -H "Authorization: Bearer $access_token"
check signin-page /account/sign-in
check ping /api/v1/ping
bad=$(awk -F'\t' 'NR>1 && ($2 !~ /^2/ || $4 ~ /^missing/)' "$check_file")
slow=$(awk -F'\t' 'NR>1 && $3 > 0.5' "$check_file")
echo "Checked $(( $(wc -l <"$check_file") - 1 )) requests in $(( $(now_ms) - t0 )) ms; non-2xx or incomplete: $(printf '%s' "$bad" | grep -c . || true); slower than 0.5 s: $(printf '%s' "$slow" | grep -c . || true)" >&2

# --- measure -------------------------------------------------------------------------------------
targets=(search page token jwks signin-page ping)
declare -A label=([search]="search API" [page]="service page" [token]="token (client credentials)" [jwks]="JWKS"
                  [signin-page]="sign-in page" [ping]="ping (baseline)")
declare -A rps p50 p99 errs
levels_run=()
levels_skipped=()

# utime + stime of the app, in clock ticks (fields 14 and 15 of /proc/PID/stat).
clk_tck=$(getconf CLK_TCK 2>/dev/null || echo 100)
app_cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$app_pid/stat" 2>/dev/null || echo 0; }

say "Warming up each target for ${warmup} s"
for t in "${targets[@]}"; do wrk_run "$t" 16 "$warmup" >"$results/raw/warmup-$t.txt"; done

for c in $connections; do
  need=$(( ${#targets[@]} * (duration + 2) ))
  if [ $(( $(elapsed) + need )) -gt "$budget" ]; then
    say "Skipping $c connections: it would pass the ${budget} s budget"
    levels_skipped+=("$c"); continue
  fi
  levels_run+=("$c")
  for t in "${targets[@]}"; do
    say "wrk: ${label[$t]}, $c connection(s), ${duration} s"
    out="$results/raw/$t-c$c.txt"
    cpu0=$(app_cpu_ticks); ms0=$(now_ms)
    wrk_run "$t" "$c" "$duration" >"$out" 2>&1 || true
    # The app's CPU over the run (100 % = one core of the $(nproc)): tells a CPU-bound target from one that waits.
    app_cpu=$(awk -v t=$(( $(app_cpu_ticks) - cpu0 )) -v hz="$clk_tck" -v ms=$(( $(now_ms) - ms0 )) 'BEGIN { if (ms > 0) printf "%.0f", t / hz / (ms / 1000) * 100 }')
    echo "APP cpu_percent=$app_cpu" >>"$out"
    line=$(grep -m1 '^BENCH ' "$out" || true)
    if [ -z "$line" ]; then cat "$out" >&2; echo "wrk gave no result for $t at $c connections." >&2; continue; fi
    get() { sed -nE "s/.* $1=([0-9.]+).*/\1/p" <<<"$line"; }
    rps[$t,$c]=$(get rps); p50[$t,$c]=$(get p50_us); p99[$t,$c]=$(get p99_us)
    errs[$t,$c]=$(( $(get non2xx3xx) + $(get connect) + $(get read) + $(get write) + $(get timeout) ))
    printf '    %s req/s, p50 %s us, p99 %s us, errors %s, app CPU %s %%\n' "${rps[$t,$c]}" "${p50[$t,$c]}" "${p99[$t,$c]}" "${errs[$t,$c]}" "$app_cpu" >&2
  done
done

# --- report --------------------------------------------------------------------------------------
fmt_us() { awk -v us="$1" 'BEGIN {
  if (us == "") { print "–"; exit }
  if (us < 1000) printf "%.0f µs", us; else if (us < 10000) printf "%.2f ms", us/1000;
  else if (us < 1000000) printf "%.1f ms", us/1000; else printf "%.2f s", us/1000000 }'; }
fmt_rps() { awk -v r="$1" 'BEGIN { if (r == "") print "–"; else if (r < 100) printf "%.1f", r; else printf "%.0f", r }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "–"; else if (a/b >= 0.1) printf "%.2f", a/b; else printf "%.2g", a/b }'; }

# JSON console logs (appsettings.json); "fail:"/"crit:"/"warn:" if the simple formatter is in use.
error_pattern='"LogLevel":"(Error|Critical)"|^(fail|crit): '
app_errors=$(grep -cE "$error_pattern" "$tmp/app.log" || true)
app_warnings=$(grep -cE '"LogLevel":"Warning"|^warn: ' "$tmp/app.log" || true)
app_log_mb=$(( $(stat -c %s "$tmp/app.log") / 1024 / 1024 ))
app_alive=$(kill -0 "$app_pid" 2>/dev/null && echo yes || echo "NO – it exited during the run")
app_rss_mb=$(awk '/^VmHWM/ { printf "%d", $2/1024 }' "/proc/$app_pid/status" 2>/dev/null || true)

# Log lines (JSON console format) -> "count category: message – first line of the exception".
summarise_log() {
  python3 -c '
import json, re, sys
for line in sys.stdin:
    try:
        entry = json.loads(line)
    except ValueError:
        print(line.strip()[:200]); continue
    text = entry.get("Category", "?") + ": " + entry.get("Message", "")[:200]
    if entry.get("Exception"): text += " – " + entry["Exception"].splitlines()[0][:200]
    print(re.sub(r"[{]?[0-9a-f]{8}-[0-9a-f-]{27}[}]?", "{id}", text))' | sort | uniq -c | sort -rn
}

report="$results/latest.md"
{
  echo "# OneStop benchmark – $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "- Search engine: $engine"
  echo "- Catalogue: $service_count services, ${catalogue_mb} MB JSON; $import_line"
  echo "- Import with the CLI into a fresh SQLite database: **$(awk -v ms="$import_ms" 'BEGIN { printf "%.1f s", ms/1000 }')** (database ${db_mb} MB)"
  echo "- App (Release, Production) ready after $(awk -v ms="$ready_ms" 'BEGIN { printf "%.1f s", ms/1000 }'); first search: ${first_search#* } s (HTTP ${first_search% *})"
  echo "- Machine: $(nproc) cores shared by wrk and the app (load average before the run: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)); $(dotnet --version 2>/dev/null | sed 's/^/.NET SDK /'); wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}')"
  echo "- wrk: ${duration} s per run after a ${warmup} s warm-up per target, threads = min(2, connections), timeout ${wrk_timeout}"
  echo "- Targets: search = GET /api/v1/services?q=… rotating over $(wc -l <"$tmp/search-paths.txt") queries (en, zh-HK, zh-CN); page = GET /services/{slug} (HTML) over $(wc -l <"$tmp/pages.txt") slugs in the three languages; token = POST /connect/token, grant_type=client_credentials for one machine client (client_secret_post, scope onestop.api); JWKS = GET $jwks_path (from the discovery document); sign-in page = GET /account/sign-in (HTML, new antiforgery cookie and token each time); ping = GET /api/v1/ping. Every request carries X-Forwarded-Proto: https (the app runs as behind a TLS-terminating load balancer)"
  echo
  echo "| target | connections | req/s | p50 | p99 | ratio to ping | errors |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  for c in "${levels_run[@]}"; do
    for t in "${targets[@]}"; do
      echo "| ${label[$t]} | $c | $(fmt_rps "${rps[$t,$c]:-}") | $(fmt_us "${p50[$t,$c]:-}") | $(fmt_us "${p99[$t,$c]:-}") | $(ratio "${rps[$t,$c]:-}" "${rps[ping,$c]:-}") | ${errs[$t,$c]:-–} |"
    done
  done
  echo
  [ ${#levels_skipped[@]} -eq 0 ] || echo "Skipped to stay within the ${budget} s budget: ${levels_skipped[*]} connections."
  echo "\"errors\" = non-2xx/3xx responses plus socket errors and timeouts, as wrk counts them."
  echo
  echo "## Checks"
  echo
  echo "- Each request once with curl: $(( $(wc -l <"$check_file") - 1 )) requests, non-2xx or incomplete: $(printf '%s' "$bad" | grep -c . || true), slower than 0.5 s: $(printf '%s' "$slow" | grep -c . || true) (details: bench/results/raw/check.tsv)"
  if [ -n "$bad" ]; then echo; echo '```'; echo "$bad"; echo '```'; fi
  echo "- Slowest search queries (one request each, idle server):"
  echo
  echo '```'
  awk -F'\t' 'NR>1 && $1=="search"' "$check_file" | sort -t$'\t' -k3,3 -gr | head -5 | awk -F'\t' '{ printf "%.3f s  %s results  %s\n", $3, $4, $5 }' || true
  echo '```'
  echo "- OneStop ID, one request each: $(awk -F'\t' 'NR>1 && $1 ~ /^(discovery|jwks|token|whoami|signin-page)$/ { printf "%s%s HTTP %s in %.3f s", (n++ ? "; " : ""), $1, $2, $3 }' "$check_file")"
  echo "- App log: $app_errors error/critical and $app_warnings warning entries in ${app_log_mb} MB of log (bench/results/app.log); app still running at the end: $app_alive; peak memory (VmHWM): ${app_rss_mb:-?} MB"
  # (head closes the pipe early: "|| true" keeps set -o pipefail from ending the script there.)
  if [ "$app_errors" != "0" ]; then
    echo; echo "  Errors (category: message – exception; the first 50, counted):"; echo; echo '```'
    grep -E "$error_pattern" "$tmp/app.log" | head -50 | summarise_log || true
    echo '```'
  fi
  if [ "$app_warnings" != "0" ]; then
    echo; echo "  Warnings (category: message; the first 20, counted):"; echo; echo '```'
    grep -E '"LogLevel":"Warning"|^warn: ' "$tmp/app.log" | head -20 | summarise_log || true
    echo '```'
  fi
  echo
  echo "Total time: $(elapsed) s."
} >"$report"

echo
cat "$report"
