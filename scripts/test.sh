#!/usr/bin/env bash
# Runs every OneStop test: unit, HTTP integration (SQLite and PostgreSQL) and browser tests.
#
# What the tests need beyond the .NET SDK is installed here when it can be:
#   - PostgreSQL (Debian package "postgresql"): a throwaway server is started on a loopback port
#     for this run only and removed afterwards;
#   - Chromium (Debian package "chromium") and Chinese fonts ("fonts-noto-cjk") for the Playwright
#     browser tests;
#   - poppler-utils (pdftotext, pdfinfo, pdffonts), which read generated PDFs back in the PDF tests.
# As root, missing Debian packages are installed with apt-get. Otherwise the script says what is
# missing and those tests are skipped — except in CI (CI=true), where a missing piece fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

say() { printf '\n==> %s\n' "$*"; }
is_ci() { [ "${CI:-}" = "true" ]; }

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

missing=()
[ -n "$(pg_bin)" ] && [ -x "$(pg_bin)/initdb" ] || missing+=(postgresql)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
# Chinese glyphs for the browser tests' layout checks and screenshots (Chromium does not pull them in).
{ command -v fc-list >/dev/null 2>&1 && fc-list :lang=zh-hk | grep -q .; } || missing+=(fonts-noto-cjk)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    say "Installing Debian packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    say "Not installed (and not root, so not installing): ${missing[*]}"
    echo "    Install them with: sudo apt-get install ${missing[*]}"
    echo "    Until then the tests that need them are skipped."
  fi
fi

# A throwaway PostgreSQL for this run: its own data folder and port, trust auth on loopback only.
pg_dir=""
cleanup() {
  if [ -n "$pg_dir" ]; then
    run_as_pg "$(pg_bin)/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
  fi
}
trap cleanup EXIT
run_as_pg() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
if [ -n "$(pg_bin)" ] && [ -x "$(pg_bin)/initdb" ]; then
  pg_dir=$(mktemp -d /tmp/onestop-pg.XXXXXX)
  [ "$(id -u)" = "0" ] && chown postgres "$pg_dir"
  pg_port=${ONESTOP_TEST_PG_PORT:-$(( 20000 + RANDOM % 20000 ))}
  say "Starting a throwaway PostgreSQL on 127.0.0.1:$pg_port"
  run_as_pg "$(pg_bin)/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  # fsync off: this server's data is thrown away after the run, and it makes the suite faster.
  run_as_pg "$(pg_bin)/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
    -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=200" start >/dev/null
  export ONESTOP_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
fi

if is_ci; then
  # In CI nothing may be skipped silently.
  export ONESTOP_REQUIRE_POSTGRES=1 ONESTOP_REQUIRE_BROWSER=1
fi

say "Building"
dotnet build OneStop.slnx -c Release --nologo -v quiet -clp:ErrorsOnly

say "Running tests"
log=$(mktemp)
set +e
# One test module at a time: the browser tests measure page timings and layout, and should not share
# the two cores with the HTTP suite.
dotnet test --solution OneStop.slnx -c Release --no-build --max-parallel-test-modules 1 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One closing line for people and CI alike, summed over the test projects.
sum() { grep -oE "^ +$1: +[0-9]+" "$log" | grep -oE "[0-9]+" | awk "{s+=\$1} END {print s+0}"; }
passed=$(sum succeeded); failed=$(sum failed); skipped=$(sum skipped)
rm -f "$log"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo
echo "Tests: $passed passed, $failed failed, $skipped skipped"
exit "$status"
