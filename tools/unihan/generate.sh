#!/usr/bin/env bash
# Regenerates src/OneStop/Catalogue/Search/chinese-variants.txt (Traditional -> Simplified
# character folding for search) from Unicode's Unihan_Variants.txt.
#
# Usage: tools/unihan/generate.sh [Unihan_Variants.txt[.bz2]]
# Without an argument it uses Debian's unicode-data package: the installed copy when
# present, otherwise the package is downloaded and unpacked into a temporary folder
# (nothing is installed system-wide).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
output="$repo/src/OneStop/Catalogue/Search/chinese-variants.txt"
source="${1:-}"

if [[ -z "$source" ]]; then
  installed=/usr/share/unicode/Unihan_Variants.txt.bz2
  if [[ -f "$installed" ]]; then
    source="$installed"
  else
    work="$(mktemp -d)"
    trap 'rm -rf "$work"' EXIT
    (cd "$work" && apt-get download unicode-data >/dev/null)
    dpkg -x "$work"/unicode-data_*.deb "$work/root"
    source="$work/root/usr/share/unicode/Unihan_Variants.txt.bz2"
  fi
fi

python3 "$here/generate.py" "$source" "$output"
