#!/usr/bin/env bash
# Regenerates src/OneStop/Identity/Passwords/common-passwords.txt: passwords seen most often in
# breaches, as collected by zxcvbn-ts (@zxcvbn-ts/language-common, MIT licence, from npm). Only
# entries of 8 characters or more are kept, since shorter ones fail the length rule anyway.
set -euo pipefail
version=4.1.3
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../../src/OneStop/Identity/Passwords/common-passwords.txt"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack "@zxcvbn-ts/language-common@$version" >/dev/null && tar xzf ./*.tgz)
cp "$work/package/LICENSE.txt" "$(dirname "$out")/common-passwords.LICENSE.txt"
node -e '
  const list = require(process.argv[1]);
  const kept = [...new Set(list.map(p => p.normalize("NFKC").toLowerCase()).filter(p => [...p].length >= 8))];
  process.stdout.write("# Common and breached passwords, from @zxcvbn-ts/language-common " + process.argv[2] + " (MIT). Regenerate with tools/passwords/generate.sh.\n" + kept.join("\n") + "\n");
' "$work/package/src/passwords.json" "$version" > "$out"
echo "wrote $(($(wc -l < "$out") - 1)) passwords to $out"
