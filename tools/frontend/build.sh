#!/usr/bin/env bash
# Builds OneStop's front-end assets into src/OneStop/wwwroot/assets.
#
#   bash tools/frontend/build.sh               # npm ci, then build
#   bash tools/frontend/build.sh --no-install  # build with the node_modules you have
#
# Needs Node.js and npm (only to rebuild; the built files are committed, so
# running the app needs the .NET SDK alone).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
out="$repo/src/OneStop/wwwroot/assets"
pkg="$here/node_modules/govuk-frontend"
dist="$pkg/dist/govuk"

cd "$here"

if [[ "${1:-}" != "--no-install" ]]; then
  # Exact versions from package-lock.json. No install scripts: none are needed
  # (sass is pure JavaScript; its optional file watcher is not used here).
  npm ci --ignore-scripts --no-audit --no-fund
fi

mkdir -p "$out"

# 1. CSS: compressed, no source map, stop on any Sass error.
npx --no-install sass \
  --no-source-map \
  --style=compressed \
  --load-path=node_modules \
  --quiet-deps \
  onestop.scss "$out/onestop.css"

# 2. GOV.UK Frontend's JavaScript (an ES module exporting initAll), unchanged,
#    with its source map so the sourceMappingURL comment resolves.
cp "$dist/govuk-frontend.min.js" "$out/govuk-frontend.min.js"
cp "$dist/govuk-frontend.min.js.map" "$out/govuk-frontend.min.js.map"

# 3. Our init script (ES module; replaces the template's inline script, which
#    our Content-Security-Policy forbids).
cp "$here/onestop.js" "$out/onestop.js"

# 4. Our favicon (never GOV.UK's crown/crest/favicons).
cp "$here/favicon.svg" "$out/favicon.svg"

# 5. GOV.UK Frontend's MIT licence must ship with the built files. The npm
#    package has no licence file of its own (package.json just says "MIT"), so
#    we keep a verbatim copy of the upstream repository's LICENSE.txt in
#    licences/. Prefer the package's own file if a later version ships one.
licence=""
for f in "$pkg"/LICEN[CS]E* "$pkg"/licen[cs]e*; do
  [[ -f "$f" ]] && { licence="$f"; break; }
done
cp "${licence:-$here/licences/govuk-frontend-LICENSE.txt}" "$out/LICENCE-govuk-frontend.txt"

# 6. Checks: no GOV.UK font, no crown/crest assets, every url() resolves.
css="$out/onestop.css"
fail=0
if grep -qi "GDS Transport\|\.woff" "$css"; then
  echo "build.sh: onestop.css still references the GDS Transport font" >&2; fail=1
fi
if grep -qiE "url\([^)]*(crown|crest|govuk-icon|favicon|opengraph)" "$css"; then
  echo "build.sh: onestop.css references a GOV.UK brand asset" >&2; fail=1
fi
while IFS= read -r u; do
  p="${u#url(}"; p="${p%)}"; p="${p//\"/}"; p="${p//\'/}"
  case "$p" in
    data:*) continue ;;
    /assets/*) [[ -f "$out/${p#/assets/}" ]] || { echo "build.sh: $u does not resolve under $out" >&2; fail=1; } ;;
    *) echo "build.sh: unexpected url in onestop.css: $u" >&2; fail=1 ;;
  esac
done < <(grep -o 'url([^)]*)' "$css" || true)
if [[ $(wc -l < "$css") -gt 2 ]]; then
  echo "build.sh: onestop.css does not look minified" >&2; fail=1
fi
[[ $fail -eq 0 ]] || exit 1

echo "Built $(cd "$out" && ls | tr '\n' ' ')into ${out#"$repo"/}"
