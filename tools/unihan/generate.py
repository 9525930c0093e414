#!/usr/bin/env python3
"""Builds the Traditional -> Simplified character table used by the search index.

Input: Unihan_Variants.txt (plain or .bz2) from the Unicode Character Database.
Output: one "TS" pair per line (Traditional char, then its Simplified char), after
a header comment naming the source and the Unicode version.

Rules (kept in sync with OneStop.Catalogue.Search.ChineseScript):
- a char's kSimplifiedVariant gives its mapping; where it lists several chars, the
  first one that differs from the char itself wins (Unihan lists the char itself
  first for chars such as U+88E1 that stay as they are in some words);
- a Simplified char's kTraditionalVariant fills in Traditional chars that have no
  kSimplifiedVariant of their own;
- chains are followed to their end so that folding is idempotent;
- only chars in the BMP CJK blocks (U+3400-4DBF, U+4E00-9FFF, U+F900-FAFF) on both
  sides, so the C# side can fold one UTF-16 unit at a time.
"""
import bz2
import re
import sys


def in_bmp_cjk(cp):
    return 0x3400 <= cp <= 0x4DBF or 0x4E00 <= cp <= 0x9FFF or 0xF900 <= cp <= 0xFAFF


def parse_cp(text):
    # Values may carry a source tag ("U+4E94<kMatthews"); only the code point matters.
    return int(text.split("<")[0][2:], 16)


def read_lines(path):
    opener = bz2.open if path.endswith(".bz2") else open
    with opener(path, "rt", encoding="utf-8") as f:
        return f.readlines()


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: generate.py Unihan_Variants.txt[.bz2] OUTPUT")
    source, output = sys.argv[1], sys.argv[2]
    version = "unknown"
    simplified = {}   # char -> list of kSimplifiedVariant values
    traditional = {}  # char -> list of kTraditionalVariant values
    for line in read_lines(source):
        m = re.match(r"#\s*Unicode version:\s*(\S+)", line)
        if m:
            version = m.group(1)
            continue
        if line.startswith("#") or not line.strip():
            continue
        cp, field, values = line.rstrip("\n").split("\t")
        if field == "kSimplifiedVariant":
            simplified[parse_cp(cp)] = [parse_cp(v) for v in values.split()]
        elif field == "kTraditionalVariant":
            traditional[parse_cp(cp)] = [parse_cp(v) for v in values.split()]

    mapping = {}
    for t, values in simplified.items():
        others = [s for s in values if s != t]
        if others:
            mapping[t] = others[0]
    for s, values in sorted(traditional.items()):
        for t in values:
            if t != s and t not in simplified and t not in mapping:
                mapping[t] = s

    resolved = {}
    for t in mapping:
        seen = {t}
        s = mapping[t]
        while s in mapping and mapping[s] not in seen:
            seen.add(s)
            s = mapping[s]
        if s in mapping:
            continue  # a cycle: leave the char alone rather than pick a side at random
        if s != t and in_bmp_cjk(t) and in_bmp_cjk(s):
            resolved[t] = s

    with open(output, "w", encoding="utf-8", newline="\n") as out:
        out.write(f"# Generated from Unicode {version} Unihan_Variants.txt "
                  "(kSimplifiedVariant/kTraditionalVariant) by tools/unihan/generate.sh. "
                  "Do not edit. Each line: a Traditional char, then the Simplified char it folds to.\n")
        for t in sorted(resolved):
            out.write(chr(t) + chr(resolved[t]) + "\n")
    print(f"wrote {len(resolved)} pairs (Unicode {version}) to {output}", file=sys.stderr)


if __name__ == "__main__":
    main()
