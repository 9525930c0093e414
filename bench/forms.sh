#!/usr/bin/env bash
# OneStop e-forms benchmark: durable submissions per second through the whole HTTP path (bearer token
# validation, checks of the answers, encryption, reference number, insert with the outbox and audit rows)
# on SQLite and on PostgreSQL, each next to a bare insert of the same row through the same driver with the
# same durability in the same run (bench/BareInsert), and the time to import 3,500 forms with the CLI.
# Prints a Markdown table and writes it to bench/results/forms-latest.md. See bench/README.md.
#
# Settings (environment variables):
#   BENCH_CONNECTIONS  concurrency levels                       default "16 64"
#   BENCH_DURATION     seconds per measured run (HTTP and bare) default 10
#   BENCH_WARMUP       seconds of HTTP warm-up per provider     default 20 (until the JIT has tiered up the hot path)
#   BENCH_FORMS        generated forms to import                default 3500
#   BENCH_PROVIDERS    which databases                          default "sqlite postgres"
#   BENCH_BUDGET       seconds; a level that would end after this is skipped   default 450
#   BENCH_OUTBOX_DISPATCH  true to let the app's outbox dispatcher run (acknowledgements: PDF and mail)
#                      during the runs; default false: the outbox row is written in each submission's
#                      transaction as always, but not handed on, so background work does not compete with
#                      the requests (or with the bare insert that follows them)
#   BENCH_PG_OPTIONS   appended to the PostgreSQL connection string of the app and the bare insert alike,
#                      e.g. ";No Reset On Close=true" (default none: the app's production settings)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
bench="$root/bench"
started=$(date +%s)
load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")

connections=${BENCH_CONNECTIONS:-"16 64"}
duration=${BENCH_DURATION:-10}
warmup=${BENCH_WARMUP:-20}
form_count=${BENCH_FORMS:-3500}
providers=${BENCH_PROVIDERS:-"sqlite postgres"}
budget=${BENCH_BUDGET:-450}
form_id=bench-food-hygiene-report
client_id=bench-forms

say() { printf '\n==> %s\n' "$*" >&2; }
elapsed() { echo $(( $(date +%s) - started )); }
now_ms() { date +%s%3N; }
child=""
run() { "$@" & child=$!; local status=0; wait "$child" || status=$?; child=""; return "$status"; }
is_root() { [ "$(id -u)" = "0" ]; }

# --- tools: wrk, PostgreSQL, sqlite3 ---------------------------------------------------------------
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
missing=()
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
command -v sqlite3 >/dev/null 2>&1 || missing+=(sqlite3)
case " $providers " in *" postgres "*)
  { [ -n "$(pg_bin)" ] && [ -x "$(pg_bin)/initdb" ]; } || missing+=(postgresql)
  command -v psql >/dev/null 2>&1 || missing+=(postgresql-client) ;;
esac
if [ ${#missing[@]} -gt 0 ]; then
  is_root || { echo "Missing: ${missing[*]}; not root, so install them with 'sudo apt-get install ${missing[*]}'." >&2; exit 1; }
  say "Installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1 ||
    { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }
fi

# --- temp dir, processes and clean-up --------------------------------------------------------------
tmp=$(mktemp -d /tmp/onestop-forms-bench.XXXXXX)
results="$bench/results"
app_pid=""
pg_dir=""
run_as_pg() { if is_root; then runuser -u postgres -- "$@"; else "$@"; fi; }
stop_app() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill -TERM "$app_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  app_pid=""
}
cleanup() {
  local status=$?
  if [ -n "$child" ]; then kill -TERM "$child" 2>/dev/null || true; wait "$child" 2>/dev/null || true; fi
  stop_app
  if [ -n "$pg_dir" ]; then
    run_as_pg "$(pg_bin)/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
  fi
  for p in sqlite postgres; do [ -f "$tmp/app-$p.log" ] && [ -d "$results" ] && tail -c 5000000 "$tmp/app-$p.log" >"$results/forms-app-$p.log"; done
  rm -rf "$tmp"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
mkdir -p "$results/forms-raw"
rm -f "$results"/forms-raw/*

# --- build -------------------------------------------------------------------------------------------
say "Publishing the app in Release and building bench/BareInsert"
build_ok=""
for attempt in 1 2 3; do
  if run dotnet publish src/OneStop -c Release --nologo -v quiet -clp:ErrorsOnly --artifacts-path "$tmp/build" -o "$tmp/app" >"$tmp/build.log" 2>&1 &&
     run dotnet publish bench/BareInsert -c Release --nologo -v quiet -clp:ErrorsOnly --artifacts-path "$tmp/build-bare" -o "$tmp/bare" >>"$tmp/build.log" 2>&1; then
    build_ok=1; break
  fi
  cat "$tmp/build.log" >&2
  if [ "$attempt" -lt 3 ]; then say "Build failed (attempt $attempt); someone may be mid-edit. Retrying in 60 s"; run sleep 60; fi
done
[ -n "$build_ok" ] || { echo "The build failed three times; see above." >&2; exit 1; }

say "Generating $form_count form definitions"
run python3 "$bench/generate-forms.py" --out "$tmp/forms" --forms "$form_count" --seed 7 >&2
forms_mb=$(awk -v b="$(du -sb "$tmp/forms" | cut -f1)" 'BEGIN { printf "%.1f", b/1048576 }')
mkdir -p "$tmp/bench-form" && cp "$bench/form/$form_id.json" "$tmp/bench-form/"

# The answers: valid for the bench form today (the date must be within the last year, in Hong Kong).
hk_date() { TZ=Asia/Hong_Kong date -d "$1" +%F; }
python3 - "$tmp/body.json" "$(hk_date '3 days ago')" <<'EOF'
import json, sys
details = ("The kitchen at the back of the restaurant had open bins of food waste next to the cutting boards, "
           "raw chicken was kept above cooked rice in an open fridge, and staff handled money and food without washing "
           "their hands. Three of us had stomach pains the same evening after the set lunch.")
body = {"answers": {"problem": "illness", "peopleIll": 3, "when": sys.argv[2], "shopName": "Golden Harbour Restaurant",
                    "shopAddress": {"flat": "Shop 3", "floor": "G/F", "building": "Harbour View Mansion",
                                    "street": "123 Hennessy Road", "district": "wan-chai"},
                    "details": details, "wantsReply": True, "email": "chan.tai.man@example.com", "phone": "91234567"},
        "language": "en", "contactEmail": "chan.tai.man@example.com"}
json.dump(body, open(sys.argv[1], "w"), ensure_ascii=False)
EOF
body_bytes=$(stat -c %s "$tmp/body.json")

# --- PostgreSQL: a throwaway server with the default durability ----------------------------------------
pg_port=""
if [[ " $providers " == *" postgres "* ]]; then
  pg_dir=$(mktemp -d /tmp/onestop-forms-pg.XXXXXX)
  is_root && chown postgres "$pg_dir"
  pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  say "Starting a throwaway PostgreSQL on 127.0.0.1:$pg_port (fsync and synchronous_commit at their defaults: on)"
  run_as_pg "$(pg_bin)/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  # Unlike scripts/test.sh, durability stays on: commits wait for the WAL to reach the disk, as in production.
  run_as_pg "$(pg_bin)/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
    -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=250" start >/dev/null
  psql -q -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -c 'CREATE DATABASE onestop' >/dev/null
fi

# --- per-provider settings and CLI ---------------------------------------------------------------------
export ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production ASPNETCORE_FORWARDEDHEADERS_ENABLED=true
unset ASPNETCORE_URLS || true
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
connection_string() {
  if [ "$1" = sqlite ]; then echo "Data Source=$tmp/sqlite/onestop.db"
  else echo "Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=onestop${BENCH_PG_OPTIONS:-}"; fi
}
config_for() { # provider -> sets the config array (as run.sh: what Production needs to start; see README)
  config=(--ConnectionStrings:OneStop "$(connection_string "$1")" --Database:Provider "$1"
          --Demo:Seed false --Storage:Root "$tmp/files-$1" --Site:PublicOrigin "https://${base#http://}"
          --DataProtection:AllowUnprotectedKeys true --Mail:Delivery PickupFolder --Mail:PickupFolder "$tmp/mail-$1"
          --Identity:AttemptsPerMinute 100000 --Outbox:Enabled "${BENCH_OUTBOX_DISPATCH:-false}")
}
mkdir -p "$tmp/sqlite"
cli() { # provider args... (run in the publish folder, which is the content root)
  local p=$1; shift; config_for "$p"
  (cd "$tmp/app" && exec dotnet OneStop.dll "$@" "${config[@]}")
}
count_rows() { # provider SQL -> number
  if [ "$1" = sqlite ]; then sqlite3 "$tmp/sqlite/onestop.db" "$2"
  else psql -qAt -h 127.0.0.1 -p "$pg_port" -U postgres -d onestop -c "$2"; fi
}
submissions_table() { # provider -> "Submissions" or "Submission" (the first Forms migration names it after the entity)
  local q
  if [ "$1" = sqlite ]; then q="SELECT name FROM sqlite_master WHERE type='table' AND name IN ('Submissions','Submission') ORDER BY name DESC LIMIT 1"
  else q="SELECT table_name FROM information_schema.tables WHERE table_schema='public' AND table_name IN ('Submissions','Submission') ORDER BY table_name DESC LIMIT 1"; fi
  count_rows "$1" "$q"
}

# --- import ----------------------------------------------------------------------------------------------
declare -A import_ms import_line
for p in $providers; do
  say "$p: migrate, demo catalogue (departments), then forms import of $form_count forms"
  run cli "$p" migrate >"$tmp/migrate-$p.out" 2>&1 || { cat "$tmp/migrate-$p.out" >&2; exit 1; }
  run cli "$p" catalogue import "$root/src/OneStop/Catalogue/Demo/catalogue.json" >"$tmp/catalogue-$p.out" 2>&1 ||
    { cat "$tmp/catalogue-$p.out" >&2; echo "The demo catalogue import failed." >&2; exit 1; }
  t0=$(now_ms)
  run cli "$p" forms import "$tmp/forms" >"$tmp/import-$p.out" 2>"$tmp/import-$p.err" ||
    { tail -40 "$tmp/import-$p.err" >&2; cat "$tmp/import-$p.out" >&2; echo "The forms import failed on $p." >&2; exit 1; }
  import_ms[$p]=$(( $(now_ms) - t0 ))
  import_line[$p]=$(grep -m1 'file(s) in' "$tmp/import-$p.out" || true)
  echo "${import_line[$p]} (wall clock with the CLI's start: ${import_ms[$p]} ms)" >&2
  run cli "$p" forms import "$tmp/bench-form" >"$tmp/bench-form-$p.out" 2>&1 || { cat "$tmp/bench-form-$p.out" >&2; exit 1; }
done

# --- submissions -------------------------------------------------------------------------------------
clk_tck=$(getconf CLK_TCK 2>/dev/null || echo 100)
cpu_ticks() { # pids... -> utime+stime summed
  local total=0 t
  for pid in "$@"; do t=$(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo 0); total=$(( total + t )); done
  echo "$total"
}
# PostgreSQL's CPU: the postmaster's own and its reaped children's (cutime + cstime: backends that ended, e.g.
# the bare-insert client's connections when it exits) plus the backends alive now.
db_cpu() {
  [ "$1" = postgres ] && [ -f "$pg_dir/data/postmaster.pid" ] || { echo 0; return; }
  local main; main=$(head -1 "$pg_dir/data/postmaster.pid")
  echo $(( $(awk '{ print $14 + $15 + $16 + $17 }' "/proc/$main/stat" 2>/dev/null || echo 0) + $(cpu_ticks $(pgrep -P "$main")) ))
}
# Sum over the app's threads of time on a CPU and time runnable but waiting for one (ns): a busy machine shows
# up as wait, and then no number here says much about the app.
sched_ns() { cat /proc/"$1"/task/*/schedstat 2>/dev/null | awk '{ c += $1; w += $2 } END { printf "%.0f %.0f", c, w }'; }
per_item() { awk -v ticks="$1" -v n="$2" -v hz="$clk_tck" 'BEGIN { if (n <= 0) print "–"; else printf "%.2f", 1000 * ticks / hz / n }'; }
percent() { awk -v t="$1" -v s="$2" -v hz="$clk_tck" 'BEGIN { if (s <= 0) print "?"; else printf "%.0f", 100 * t / hz / s }'; }

declare -A durability_line rps p50 p99 created rows bare_rps bare_p50 bare_p99 app_cpu db_cpu_http db_cpu_bare durability_note failures
declare -A app_ms db_ms_http db_ms_bare app_wait statements
levels_run=()
levels_skipped=()
for p in $providers; do
  say "$p: registering the machine client $client_id with the scope onestop.forms.submit"
  run cli "$p" identity clients add "$client_id" type=machine name=BenchForms scopes=onestop.forms.submit >"$tmp/client.out" 2>"$tmp/client.err" ||
    { cat "$tmp/client.err" >&2; grep -v -i secret "$tmp/client.out" >&2 || true; exit 1; }
  secret=$(sed -nE 's/^Client secret \(shown once, store it now\): *([^ ]+) *$/\1/p' "$tmp/client.out")
  [[ "$secret" =~ ^[A-Za-z0-9_-]+$ ]] || { grep -v -i secret "$tmp/client.out" >&2 || true; echo "Could not read the client secret." >&2; exit 1; }
  (umask 077; printf 'grant_type=client_credentials&client_id=%s&client_secret=%s&scope=onestop.forms.submit' "$client_id" "$secret" >"$tmp/token-body")
  unset secret
  rm -f "$tmp/client.out"

  say "$p: starting the app (Release, Production) on $base"
  config_for "$p"
  (cd "$tmp/app" && exec dotnet OneStop.dll --urls "$base" "${config[@]}") >"$tmp/app-$p.log" 2>&1 &
  app_pid=$!
  ready=""
  for _ in $(seq 1 300); do
    kill -0 "$app_pid" 2>/dev/null || { tail -50 "$tmp/app-$p.log" >&2; echo "The app exited while starting." >&2; exit 1; }
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/health/ready" || true)" = "200" ] && { ready=1; break; }
    sleep 0.2
  done
  [ -n "$ready" ] || { tail -50 "$tmp/app-$p.log" >&2; echo "The app was not ready within 60 s." >&2; exit 1; }

  xfp=(-H 'X-Forwarded-Proto: https')
  curl -s "${xfp[@]}" -X POST -H 'Content-Type: application/x-www-form-urlencoded' --data-binary "@$tmp/token-body" "$base/connect/token" >"$tmp/token.json"
  (umask 077; python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["access_token"])' "$tmp/token.json" >"$tmp/token" 2>/dev/null) ||
    { echo "No access token from /connect/token." >&2; exit 1; }
  rm -f "$tmp/token.json"
  check=$(curl -s -o "$tmp/check.json" -w '%{http_code} %{time_total}' "${xfp[@]}" -X POST -H "Authorization: Bearer $(cat "$tmp/token")" \
    -H 'Content-Type: application/json' -H "Idempotency-Key: check-$p-$(date +%s)" --data-binary "@$tmp/body.json" "$base/api/v1/forms/$form_id/submissions")
  echo "One submission with curl: HTTP ${check% *} in ${check#* } s: $(head -c 300 "$tmp/check.json")" >&2
  [ "${check% *}" = "201" ] || { echo "The check submission was not accepted (201); see above." >&2; exit 1; }
  table=$(submissions_table "$p")

  wrk_run() { # connections seconds run-id -> wrk output
    local c=$1 threads=2; [ "$c" -lt 2 ] && threads=$c
    run wrk -t"$threads" -c"$c" -d"${2}s" --timeout 10s --latency -s "$bench/submissions.lua" "$base" -- "$form_id" "$tmp/body.json" "$tmp/token" "$3"
  }
  say "$p: warming up for ${warmup} s (16 connections)"
  wrk_run 16 "$warmup" "warm-$p-$(date +%s)" >"$results/forms-raw/$p-warmup.txt"

  for c in $connections; do
    if [ $(( $(elapsed) + 2 * duration + 8 )) -gt "$budget" ]; then
      say "Skipping $p at $c connections: it would pass the ${budget} s budget"; levels_skipped+=("$p/$c"); continue
    fi
    levels_run+=("$p/$c")
    id="w$c-$p-$(date +%s)"
    say "$p: wrk, $c connections, ${duration} s"
    a0=$(cpu_ticks "$app_pid"); d0=$(db_cpu "$p"); t0=$(now_ms); read -r _ w0 <<<"$(sched_ns "$app_pid")"
    wrk_run "$c" "$duration" "$id" >"$results/forms-raw/$p-c$c.txt"
    secs=$(awk -v ms=$(( $(now_ms) - t0 )) 'BEGIN { print ms/1000 }')
    a1=$(cpu_ticks "$app_pid"); d1=$(db_cpu "$p"); read -r _ w1 <<<"$(sched_ns "$app_pid")"
    app_cpu[$p,$c]=$(percent $(( a1 - a0 )) "$secs"); db_cpu_http[$p,$c]=$(percent $(( d1 - d0 )) "$secs")
    app_wait[$p,$c]=$(awk -v ns=$(( w1 - w0 )) -v s="$secs" 'BEGIN { printf "%.1f", ns / 1e9 / s }')
    line=$(grep -m1 '^BENCH ' "$results/forms-raw/$p-c$c.txt" || true)
    [ -n "$line" ] || { cat "$results/forms-raw/$p-c$c.txt" >&2; echo "wrk gave no result." >&2; exit 1; }
    get() { sed -nE "s/.* $1=([0-9.]+).*/\1/p" <<<"$2"; }
    rps[$p,$c]=$(get created_rps "$line"); p50[$p,$c]=$(get p50_us "$line"); p99[$p,$c]=$(get p99_us "$line")
    created[$p,$c]=$(get created "$line")
    app_ms[$p,$c]=$(per_item $(( a1 - a0 )) "${created[$p,$c]}"); [ "$p" = postgres ] && db_ms_http[$p,$c]=$(per_item $(( d1 - d0 )) "${created[$p,$c]}")
    failures[$p,$c]=$(( $(get failed "$line") + $(get other2xx "$line") + $(get connect "$line") + $(get read "$line") + $(get write "$line") + $(get timeout "$line") ))
    # Durability: every 201 must be a row. Requests still in flight when wrk stops may commit after it stopped
    # counting, so there may be up to one extra row per connection, never fewer rows than 201s.
    sleep 1
    rows[$p,$c]=$(count_rows "$p" "SELECT COUNT(*) FROM \"$table\" WHERE \"IdempotencyScope\" = 'client:$client_id' AND \"IdempotencyKey\" LIKE '$id-%'")
    extra=$(( ${rows[$p,$c]} - ${created[$p,$c]} ))
    if [ "$extra" -lt 0 ]; then durability_note[$p,$c]="FAILED: $(( -extra )) 201s without a row"
    elif [ "$extra" -le "$c" ]; then durability_note[$p,$c]="ok (+$extra in flight at the stop)"
    else durability_note[$p,$c]="?: $extra rows more than 201s (more than the $c in flight)"; fi
    printf '    %s submissions/s (201), p50 %s us, p99 %s us, failures %s; 201s %s, rows %s: %s; app CPU %s %% (%s ms a submission, waiting for a CPU %s s/s), PostgreSQL %s ms a submission\n' \
      "${rps[$p,$c]}" "${p50[$p,$c]}" "${p99[$p,$c]}" "${failures[$p,$c]}" "${created[$p,$c]}" "${rows[$p,$c]}" "${durability_note[$p,$c]}" \
      "${app_cpu[$p,$c]}" "${app_ms[$p,$c]}" "${app_wait[$p,$c]}" "${db_ms_http[$p,$c]:-–}" >&2
    grep '^FIRST_FAILURE' "$results/forms-raw/$p-c$c.txt" >&2 || true

    say "$p: bare insert, $c connections, ${duration} s"
    d0=$(db_cpu "$p"); t0=$(now_ms)
    run dotnet "$tmp/bare/BareInsert.dll" --provider "$p" --connection "$(connection_string "$p")" --connections "$c" \
      --seconds "$duration" --warmup 2 >"$results/forms-raw/$p-bare-c$c.txt" 2>&1 || { cat "$results/forms-raw/$p-bare-c$c.txt" >&2; echo "The bare insert failed." >&2; }
    secs=$(awk -v ms=$(( $(now_ms) - t0 )) 'BEGIN { print ms/1000 }')
    d1=$(db_cpu "$p")
    db_cpu_bare[$p,$c]=$(percent $(( d1 - d0 )) "$secs")
    bline=$(grep -m1 '^BARE ' "$results/forms-raw/$p-bare-c$c.txt" || true)
    [ "$p" = postgres ] && db_ms_bare[$p,$c]=$(per_item $(( d1 - d0 )) "$(get attempted "$bline")")
    bare_rps[$p,$c]=$(get rps "$bline"); bare_p50[$p,$c]=$(get p50_us "$bline"); bare_p99[$p,$c]=$(get p99_us "$bline")
    echo "    $bline" >&2
  done
  if [ "$p" = postgres ]; then
    # What one submission asks of the database: log every statement of one request (not measured, only counted).
    # One more goes first, so the logged one finds the token's entry and the form as they are during a run (the
    # app remembers them for 2 and 5 s); the first request after a pause adds two SELECTs.
    curl -s -o /dev/null "${xfp[@]}" -X POST -H "Authorization: Bearer $(cat "$tmp/token")" -H 'Content-Type: application/json' \
      -H "Idempotency-Key: statements-warm-$(date +%s)" --data-binary "@$tmp/body.json" "$base/api/v1/forms/$form_id/submissions"
    log_from=$(wc -l <"$pg_dir/server.log")
    psql -qAt -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -c "ALTER SYSTEM SET log_statement = 'all'" -c "SELECT pg_reload_conf()" >/dev/null
    sleep 0.5
    curl -s -o /dev/null "${xfp[@]}" -X POST -H "Authorization: Bearer $(cat "$tmp/token")" -H 'Content-Type: application/json' \
      -H "Idempotency-Key: statements-$(date +%s)" --data-binary "@$tmp/body.json" "$base/api/v1/forms/$form_id/submissions"
    sleep 0.5
    psql -qAt -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -c "ALTER SYSTEM RESET log_statement" -c "SELECT pg_reload_conf()" >/dev/null
    tail -n +"$(( log_from + 1 ))" "$pg_dir/server.log" | grep -E 'LOG:  (statement|execute)' | grep -vE 'ALTER SYSTEM|pg_reload_conf' |
      sed -E 's/^.*LOG:  (statement: |execute [^:]*: )//' | cut -c1-100 >"$results/forms-raw/statements-one-submission.txt" || true
    statements[all]=$(wc -l <"$results/forms-raw/statements-one-submission.txt")
    statements[discard]=$(grep -c '^DISCARD ALL' "$results/forms-raw/statements-one-submission.txt" || true)
    statements[select]=$(grep -c '^SELECT' "$results/forms-raw/statements-one-submission.txt" || true)
    statements[block]=$(grep -c 'ReferenceCounters' "$results/forms-raw/statements-one-submission.txt" || true)
    echo "One submission sent $(( statements[all] )) statements to PostgreSQL: ${statements[select]} SELECT, ${statements[discard]} DISCARD ALL (bench/results/forms-raw/statements-one-submission.txt)" >&2
  fi
  durability_line[$p]=$(grep -m1 '^BARE ' "$results"/forms-raw/$p-bare-c*.txt 2>/dev/null | head -1 | grep -oE '(journal_mode|synchronous|synchronous_commit|fsync|sqlite|server|driver)=[^ ]+' | tr '\n' ' ' || true)
  stop_app
done

# --- report ------------------------------------------------------------------------------------------
fmt_us() { awk -v us="$1" 'BEGIN { if (us == "") { print "–"; exit }
  if (us < 1000) printf "%.0f µs", us; else if (us < 10000) printf "%.2f ms", us/1000; else if (us < 1000000) printf "%.1f ms", us/1000; else printf "%.2f s", us/1000000 }'; }
fmt_rps() { awk -v r="$1" 'BEGIN { if (r == "") print "–"; else if (r < 100) printf "%.1f", r; else printf "%.0f", r }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "–"; else printf "%.2f", a/b }'; }
secs_of() { awk -v ms="$1" 'BEGIN { printf "%.1f s", ms/1000 }'; }

report="$results/forms-latest.md"
{
  echo "# OneStop e-forms benchmark – $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "- Machine: $(nproc) cores shared by wrk, the app, the database and the bare-insert client (load average before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg)); $(dotnet --version 2>/dev/null | sed 's/^/.NET SDK /')"
  echo "- HTTP: POST /api/v1/forms/$form_id/submissions, bearer token (client credentials, scope onestop.forms.submit; its entry read at most every 2 s per node), unique Idempotency-Key, ${body_bytes}-byte JSON body (9 answers of a 3-page form incl. an address); wrk ${duration} s per level after a ${warmup} s warm-up, 2 threads. \"submissions/s\" counts 201s only"
  echo "- Bare insert: bench/BareInsert, the same row shape (encrypted answers as random base64url of the same length) into the same table, one row per transaction, same driver and durability, ${duration} s after 2 s warm-up"
  for p in $providers; do echo "- $p: ${durability_line[$p]:-}"; done
  echo "- Outbox dispatcher: $([ "${BENCH_OUTBOX_DISPATCH:-false}" = true ] && echo "running (acknowledgements were made and mailed during the runs)" || echo "off (--Outbox:Enabled false): each submission writes its outbox message, nothing hands it on during the runs")"
  [ -z "${BENCH_PG_OPTIONS:-}" ] || echo "- PostgreSQL connection string options added (app and bare insert): \`${BENCH_PG_OPTIONS}\`"
  echo
  echo "| provider | connections | HTTP submissions/s | p50 | p99 | bare inserts/s | bare p50 | ratio (HTTP / bare) | 201s / rows | app CPU | app CPU per submission | PostgreSQL CPU per row (HTTP / bare) |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|"
  for pc in "${levels_run[@]}"; do
    p=${pc%/*}; c=${pc#*/}
    pg_cpu="–"; [ "$p" = postgres ] && pg_cpu="${db_ms_http[$p,$c]:-–} ms / ${db_ms_bare[$p,$c]:-–} ms"
    echo "| $p | $c | $(fmt_rps "${rps[$p,$c]}") | $(fmt_us "${p50[$p,$c]}") | $(fmt_us "${p99[$p,$c]}") | $(fmt_rps "${bare_rps[$p,$c]:-}") | $(fmt_us "${bare_p50[$p,$c]:-}") | $(ratio "${rps[$p,$c]}" "${bare_rps[$p,$c]:-}") | ${created[$p,$c]} / ${rows[$p,$c]} ${durability_note[$p,$c]}$([ "${failures[$p,$c]}" = 0 ] || echo ", ${failures[$p,$c]} failures") | ${app_cpu[$p,$c]} % (wait ${app_wait[$p,$c]} s/s) | ${app_ms[$p,$c]} ms | $pg_cpu |"
  done
  echo
  [ ${#levels_skipped[@]} -eq 0 ] || { echo "Skipped to stay within the ${budget} s budget: ${levels_skipped[*]}."; echo; }
  echo "| import | forms | time (CLI's own) | wall clock incl. CLI start |"
  echo "|---|---:|---:|---:|"
  for p in $providers; do
    own=$(grep -oE 'in [0-9.]+ s' <<<"${import_line[$p]}" | head -1 | sed 's/^in //')
    echo "| $p | $form_count (${forms_mb} MB) | ${own:-?} | $(secs_of "${import_ms[$p]}") |"
  done
  echo
  for p in $providers; do echo "- $p import: ${import_line[$p]}"; done
  echo "- app CPU: 100 % = one core, over the wrk run; \"wait\" = seconds per second the app's threads were runnable but waiting for a CPU (0 on an idle machine; much more than 0 means other work had the cores). CPU per submission / per row = CPU time over the run divided by 201s (app, PostgreSQL server processes) or by rows inserted (bare, PostgreSQL only)"
  [ -z "${statements[all]:-}" ] || echo "- One submission during a run (PostgreSQL, logged with log_statement = all, right after another with the same token): $(( statements[all] )) statements, of them ${statements[select]} SELECT and ${statements[discard]} DISCARD ALL (Npgsql resets each pooled connection it hands out again)$([ "${statements[block]}" = 0 ] || echo "; ${statements[block]} statements (and as many DISCARD ALL) took a new block of reference numbers, which happens once every 20 submissions"); the bare insert: DISCARD ALL, BEGIN, INSERT, COMMIT"
  echo
  echo "Total time: $(elapsed) s."
} >"$report"
echo
cat "$report"
