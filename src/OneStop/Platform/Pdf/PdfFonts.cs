using System.Globalization;
using System.Reflection;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Events;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace OneStop.Platform.Pdf;

/// <summary>
/// The one font OneStop's PDFs use: WenQuanYi Micro Hei (Apache-2.0), cut down to Latin and Chinese
/// (tools/fonts/generate.sh), embedded in this assembly so that no machine needs fonts installed.
/// </summary>
/// <remarks>
/// PDFsharp takes one font resolver per process and refuses a second, so every module that writes PDFs
/// goes through <see cref="EnsureRegistered"/> and asks for <see cref="Family"/>. Bold and italic are
/// simulated: the face has no bold, and a second face would double the assembly's size.
/// </remarks>
public static class PdfFonts
{
    public const string Family = "OneStop Sans";

    private static readonly Lock Gate = new();

    /// <summary>Installs OneStop's font resolver, once per process; safe to call from any thread, any number of times.</summary>
    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            switch (GlobalFontSettings.FontResolver)
            {
                case EmbeddedFontResolver:
                    return;
                case null:
                    GlobalFontSettings.FontResolver = new EmbeddedFontResolver();
                    return;
                case var other:
                    throw new InvalidOperationException(
                        $"PDFsharp already has the font resolver {other.GetType().Name}; OneStop's PDFs need PdfFonts' own.");
            }
        }
    }

    /// <summary>Unicode encoding, so that PDFsharp writes a ToUnicode map and text can be copied and searched.</summary>
    public static XFont Regular(double size) => new(Family, size, XFontStyleEx.Regular, XPdfFontOptions.UnicodeDefault);

    public static XFont Bold(double size) => new(Family, size, XFontStyleEx.Bold, XPdfFontOptions.UnicodeDefault);

    /// <summary>
    /// Draws □ for a character the font lacks (an emoji, a rare Hong Kong character outside the basic CJK
    /// block) instead of nothing, so a reader sees that something is there; invisible marks the font
    /// lacks (variation selectors, joiners) are left out. Copying the text gives □ too.
    /// </summary>
    public static void MarkMissingCharacters(PdfDocument pdf) => pdf.RenderEvents.RenderTextEvent += MarkMissing;

    private const int MissingMark = 0x25A1; // □, the customary mark for a missing character in Chinese text

    private static void MarkMissing(object? sender, RenderTextEventArgs e)
    {
        if (e.CodePointGlyphIndexPairs.All(p => p.GlyphIndex != 0)) return;
        e.CodePointGlyphIndexPairs = e.CodePointGlyphIndexPairs
            .Where(p => p.GlyphIndex != 0 || !IsInvisible(p.CodePoint))
            .Select(p => p.GlyphIndex != 0 ? p : new CodePointGlyphIndexPair(MissingMark, 0))
            .ToArray();
        e.ReevaluateGlyphIndices = true;
    }

    private static bool IsInvisible(int codePoint) =>
        !Rune.IsValid(codePoint) || Rune.GetUnicodeCategory(new Rune(codePoint)) is UnicodeCategory.Format
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Control;

    private sealed class EmbeddedFontResolver : IFontResolver
    {
        private const string Face = "OneStopCjk";
        private const string Resource = "OneStop.Platform.Pdf.Fonts.OneStopCjk.ttf";

        private static readonly Lazy<byte[]> Bytes = new(() =>
        {
            using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(Resource)
                ?? throw new InvalidOperationException($"The embedded font {Resource} is missing from the build.");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });

        // Every family resolves to the one face: a PDF must never depend on what fonts a server has.
        public FontResolverInfo ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
            new(Face, isBold, isItalic);

        public byte[]? GetFont(string faceName) => faceName == Face ? Bytes.Value : null;
    }
}
