#!/usr/bin/env bash
# OneStop work-queue benchmark: the officer's case queue (filtered, sorted by due date, first and deep pages, the
# counts) on PostgreSQL with 1,000,000 cases across 20 departments, p50/p99/max per query shape at 1 and 8
# concurrent clients, next to a `SELECT 1` baseline through the same DbContext in the same run. The queries are
# the app's own (bench/CaseQueue runs OneStop.Cases.Queue.WorkQueue). Prints a Markdown table and writes it to
# bench/results/cases-latest.md, with every shape's plans in bench/results/cases-raw/. See bench/README.md.
#
# Settings (environment variables):
#   BENCH_CASES        cases to load                                   default 1000000
#   BENCH_ITERATIONS   measured calls per shape and client count       default 500
#   BENCH_WARMUP       warm-up calls per shape and client count        default 50
#   BENCH_CLIENTS      concurrent clients                              default "1 8"
#   BENCH_DEEP_PAGES   pages to follow Next through for deep pages     default 2000
#   BENCH_DEPARTMENT   the officer's department                        default: the largest (TD)
#   BENCH_PG_PORT      the throwaway PostgreSQL's port                 default: a free port
#   BENCH_PG_SHARED_BUFFERS                                            default 1GB
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
bench="$root/bench"
started=$(date +%s)
load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")

cases=${BENCH_CASES:-1000000}
iterations=${BENCH_ITERATIONS:-500}
warmup=${BENCH_WARMUP:-50}
clients=${BENCH_CLIENTS:-"1 8"}
deep_pages=${BENCH_DEEP_PAGES:-2000}
shared_buffers=${BENCH_PG_SHARED_BUFFERS:-1GB}

say() { printf '\n==> %s\n' "$*" >&2; }
elapsed() { echo $(( $(date +%s) - started )); }
now_ms() { date +%s%3N; }
child=""
run() { "$@" & child=$!; local status=0; wait "$child" || status=$?; child=""; return "$status"; }
is_root() { [ "$(id -u)" = "0" ]; }

# --- tools: PostgreSQL -------------------------------------------------------------------------------
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
missing=()
{ [ -n "$(pg_bin)" ] && [ -x "$(pg_bin)/initdb" ]; } || missing+=(postgresql)
command -v psql >/dev/null 2>&1 || missing+=(postgresql-client)
if [ ${#missing[@]} -gt 0 ]; then
  is_root || { echo "Missing: ${missing[*]}; not root, so install them with 'sudo apt-get install ${missing[*]}'." >&2; exit 1; }
  say "Installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1 ||
    { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }
fi

# --- temp dir, processes and clean-up --------------------------------------------------------------
tmp=$(mktemp -d /tmp/onestop-cases-bench.XXXXXX)
results="$bench/results"
pg_dir=""
run_as_pg() { if is_root; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  local status=$?
  if [ -n "$child" ]; then kill -TERM "$child" 2>/dev/null || true; wait "$child" 2>/dev/null || true; fi
  if [ -n "$pg_dir" ]; then
    [ -f "$pg_dir/server.log" ] && [ -d "$results" ] && tail -c 2000000 "$pg_dir/server.log" >"$results/cases-postgres.log"
    run_as_pg "$(pg_bin)/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
  fi
  rm -rf "$tmp"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
mkdir -p "$results/cases-raw"
rm -f "$results"/cases-raw/*

# --- build -------------------------------------------------------------------------------------------
say "Publishing the app in Release and building bench/CaseQueue"
build_ok=""
for attempt in 1 2 3; do
  if run dotnet publish src/OneStop -c Release --nologo -v quiet -clp:ErrorsOnly --artifacts-path "$tmp/build" -o "$tmp/app" >"$tmp/build.log" 2>&1 &&
     run dotnet publish bench/CaseQueue -c Release --nologo -v quiet -clp:ErrorsOnly --artifacts-path "$tmp/build-queue" -o "$tmp/queue" >>"$tmp/build.log" 2>&1; then
    build_ok=1; break
  fi
  cat "$tmp/build.log" >&2
  if [ "$attempt" -lt 3 ]; then say "Build failed (attempt $attempt); someone may be mid-edit. Retrying in 60 s"; run sleep 60; fi
done
[ -n "$build_ok" ] || { echo "The build failed three times; see above." >&2; exit 1; }

# --- PostgreSQL: a throwaway server ---------------------------------------------------------------------
pg_dir=$(mktemp -d /tmp/onestop-cases-pg.XXXXXX)
is_root && chown postgres "$pg_dir"
pg_port=${BENCH_PG_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
say "Starting a throwaway PostgreSQL on 127.0.0.1:$pg_port (shared_buffers $shared_buffers, other settings at their defaults)"
run_as_pg "$(pg_bin)/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
run_as_pg "$(pg_bin)/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
  -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c shared_buffers=$shared_buffers" start >/dev/null
psql -q -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -c 'CREATE DATABASE onestop' >/dev/null
connection="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=onestop"
sql() { psql -qAt -h 127.0.0.1 -p "$pg_port" -U postgres -d onestop "$@"; }

# --- schema and data ------------------------------------------------------------------------------------
say "Creating the schema with the app's migrate command"
export ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production
# The settings Production needs to start (as forms.sh); migrate touches only the database.
(cd "$tmp/app" && exec dotnet OneStop.dll migrate --ConnectionStrings:OneStop "$connection" --Database:Provider postgres \
  --Demo:Seed false --Storage:Root "$tmp/files" --Site:PublicOrigin "https://127.0.0.1:1" --DataProtection:AllowUnprotectedKeys true \
  --Mail:Delivery PickupFolder --Mail:PickupFolder "$tmp/mail") >"$tmp/migrate.out" 2>&1 || { cat "$tmp/migrate.out" >&2; exit 1; }
migrations=$(sql -c "SELECT string_agg(\"MigrationId\", ', ' ORDER BY \"MigrationId\") FROM \"__EFMigrationsHistory\"")

say "Loading $cases cases (one INSERT … SELECT FROM generate_series: bench/CaseQueue/load-cases.sql)"
t0=$(now_ms)
run psql -q -h 127.0.0.1 -p "$pg_port" -U postgres -d onestop -v ON_ERROR_STOP=1 -v rows="$cases" -f "$bench/CaseQueue/load-cases.sql" >/dev/null
load_ms=$(( $(now_ms) - t0 ))
# A bulk load leaves the visibility map empty, so index-only scans (the counts) would visit the heap until
# autovacuum got round to the table; vacuum now so the run sees the table as it would be in steady state.
t0=$(now_ms)
sql -c 'VACUUM (ANALYZE) "Case"'
vacuum_ms=$(( $(now_ms) - t0 ))
echo "Loaded in $(( load_ms / 1000 )) s, VACUUM (ANALYZE) in $(( vacuum_ms / 1000 )) s" >&2
sql -F ' | ' -c "SELECT \"DepartmentCode\", COUNT(*), COUNT(*) FILTER (WHERE \"DueAt\" IS NOT NULL), COUNT(*) FILTER (WHERE \"DueAt\" < now()),
  COUNT(*) FILTER (WHERE \"DueAt\" IS NOT NULL AND \"AssigneeId\" IS NULL), COUNT(*) FILTER (WHERE \"ClosedAt\" IS NOT NULL),
  COUNT(*) FILTER (WHERE \"State\" = 'returned-to-applicant'), COUNT(DISTINCT \"ServiceSlug\"), COUNT(DISTINCT \"AssigneeId\"),
  (SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM \"Case\" t WHERE t.\"DepartmentCode\" = c.\"DepartmentCode\" AND t.\"DueAt\" IS NOT NULL GROUP BY t.\"DueAt\") g)
  FROM \"Case\" c GROUP BY 1 ORDER BY 2 DESC" >"$tmp/spread.txt"
sizes=$(sql -c "SELECT pg_size_pretty(pg_relation_size('\"Case\"')) || ' table, ' || pg_size_pretty(pg_indexes_size('\"Case\"')) || ' in '
  || (SELECT COUNT(*) FROM pg_indexes WHERE tablename = 'Case') || ' indexes'")
sql -c "SELECT indexname || ' ' || pg_size_pretty(pg_relation_size(quote_ident(indexname))) FROM pg_indexes WHERE tablename = 'Case' ORDER BY 1" >"$results/cases-raw/indexes.txt"
pg_version=$(sql -c 'SHOW server_version')

# --- the run ---------------------------------------------------------------------------------------------
say "Measuring: $iterations calls per shape at each of $clients client(s), after $warmup warm-up calls"
department_args=(); [ -z "${BENCH_DEPARTMENT:-}" ] || department_args=(--department "$BENCH_DEPARTMENT")
run dotnet "$tmp/queue/CaseQueue.dll" --connection "$connection" --iterations "$iterations" --warmup "$warmup" --clients "$clients" \
  --deep-pages "$deep_pages" --explain-dir "$results/cases-raw" "${department_args[@]}" >"$tmp/table.md" 2>"$results/cases-raw/run.log" ||
  { cat "$results/cases-raw/run.log" >&2; echo "The work-queue run failed." >&2; exit 1; }
line=$(grep -m1 '^CASEQUEUE ' "$tmp/table.md")
get() { sed -nE "s/.* $1=([^ ]+).*/\1/p" <<<"$line"; }

report="$results/cases-latest.md"
{
  echo "# OneStop work-queue benchmark – $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "- Machine: $(nproc) cores shared by the benchmark client and PostgreSQL (load average before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg)); $(dotnet --version 2>/dev/null | sed 's/^/.NET SDK /'); PostgreSQL $pg_version, shared_buffers $shared_buffers"
  echo "- Data: $cases cases in 20 departments ($sizes); loaded in $(awk -v ms="$load_ms" 'BEGIN { printf "%.0f", ms/1000 }') s, VACUUM (ANALYZE) in $(awk -v ms="$vacuum_ms" 'BEGIN { printf "%.0f", ms/1000 }') s. Schema from the app's migrations: $migrations"
  echo "- Officer of $(get department) ($(get department_cases) cases, $(get open) open; the officer has $(get mine) open cases assigned); the busiest state is $(get state) ($(get in_state) open), the busiest service $(get service) ($(get in_service) open)"
  echo "- $(get iterations) calls per shape and client count after $(get warmup) warm-up calls, each call in its own DI scope (a pooled DbContext), page size $(get page_size); following Next from the first page through $(get walk_pages) pages took $(get walk_ms_per_page) ms a page (1 client)"
  echo "- Times in ms, client side (includes the round trip and EF Core's materialisation). **Bold**: p99 at or over the 50 ms aim. The last column is from EXPLAIN (ANALYZE, BUFFERS) of the same statements (bench/results/cases-raw/)"
  echo
  sed '/^CASEQUEUE /d' "$tmp/table.md" | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}'
  echo
  echo "| department | cases | open | overdue | open unassigned | closed | waiting | services | assignees | most open cases due at one instant |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  sed 's/^/| /; s/$/ |/' "$tmp/spread.txt"
  echo
  echo "Total time: $(elapsed) s."
} >"$report"
echo
cat "$report"
