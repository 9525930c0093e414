#!/usr/bin/env bash
# Regenerates src/OneStop/Platform/Pdf/Fonts/OneStopCjk.ttf, the one font the PDF module embeds:
# WenQuanYi Micro Hei (Apache-2.0) from Debian's fonts-wqy-microhei, face 0 taken out of its .ttc
# and cut down to Latin, CJK ideographs, CJK punctuation and fullwidth forms (see subset.py).
#
# Usage: tools/fonts/generate.sh [wqy-microhei.ttc]
# Without an argument the Debian package is downloaded and unpacked into a temporary folder
# (nothing is installed system-wide). Needs Debian's python3-fonttools (apt-get install python3-fonttools).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
fonts="$repo/src/OneStop/Platform/Pdf/Fonts"
source="${1:-}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [[ -z "$source" ]]; then
  (cd "$work" && apt-get -o APT::Sandbox::User=root download fonts-wqy-microhei >/dev/null)
  dpkg -x "$work"/fonts-wqy-microhei_*.deb "$work/root"
  source="$work/root/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
  # The licence travels with the font: Debian's copyright file names the authors and the licences.
  cp "$work/root/usr/share/doc/fonts-wqy-microhei/copyright" "$fonts/OneStopCjk.copyright.txt"
  cp /usr/share/common-licenses/Apache-2.0 "$fonts/OneStopCjk.LICENSE-Apache-2.0.txt"
fi

# Debian's own Python: that is where python3-fonttools installs, whatever python3 is first on PATH.
python=/usr/bin/python3
[[ -x "$python" ]] || python=python3
"$python" "$here/subset.py" "$source" "$fonts/OneStopCjk.ttf"
