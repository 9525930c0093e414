"""Cuts WenQuanYi Micro Hei down to what OneStop's PDFs write: Latin, CJK, punctuation, fullwidth forms.

PDFsharp reads TrueType (glyf) outlines only, and one face, so face 0 of the .ttc is saved as a .ttf.
Layout tables (GSUB/GPOS) and hinting are dropped: PDFsharp does no shaping, and PDF viewers do not
use TrueType hints. PDFsharp subsets this font again when it saves a PDF, to the glyphs that PDF uses.
"""
import sys

from fontTools import subset
from fontTools.ttLib import TTCollection

# (first, last) code points, inclusive.
RANGES = [
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x024F),  # Latin-1 Supplement, Latin Extended-A and -B
    (0x02B0, 0x02FF),  # Spacing modifier letters
    (0x2000, 0x206F),  # General punctuation: dashes, quotes, ellipsis
    (0x20A0, 0x20CF),  # Currency symbols
    (0x2100, 0x214F),  # Letterlike symbols: No., TM
    (0x2190, 0x21FF),  # Arrows
    (0x2460, 0x24FF),  # Enclosed alphanumerics: circled numbers
    (0x25A0, 0x25FF),  # Geometric shapes: bullets, boxes
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0x3400, 0x4DBF),  # CJK Unified Ideographs Extension A
    (0x4E00, 0x9FFF),  # CJK Unified Ideographs
    (0xF900, 0xFAFF),  # CJK Compatibility Ideographs
    (0xFE30, 0xFE4F),  # CJK Compatibility Forms
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms
]


def main(source: str, target: str) -> None:
    font = TTCollection(source).fonts[0]
    if "glyf" not in font:
        sys.exit(f"{source}: face 0 has no TrueType outlines; PDFsharp cannot embed it")
    options = subset.Options()
    options.layout_features = []
    options.hinting = False
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "FFTM", "vhea", "vmtx"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[c for first, last in RANGES for c in range(first, last + 1)])
    subsetter.subset(font)
    # The Apache licence asks that changed files say so.
    for record in font["name"].names:
        if record.nameID == 5:
            record.string = record.toUnicode() + "; subset for OneStop PDFs"
    font.recalcTimestamp = False  # the same source gives the same bytes
    font.save(target)
    cmap = font.getBestCmap()
    ideographs = sum(1 for c in cmap if 0x4E00 <= c <= 0x9FFF)
    print(f"{target}: {len(cmap)} characters ({ideographs} CJK ideographs), {font['maxp'].numGlyphs} glyphs")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: subset.py SOURCE.ttc TARGET.ttf")
    main(sys.argv[1], sys.argv[2])
