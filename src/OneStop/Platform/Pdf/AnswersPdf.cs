using PdfSharp.Drawing;
using PdfSharp.Pdf;
using OneStop.Platform.Localisation;

namespace OneStop.Platform.Pdf;

/// <summary>
/// Renders an applicant's answers as an A4 PDF in their language: title, submission details, then each
/// section's questions with the answer under its question, page numbers and a footer on every page.
/// </summary>
/// <remarks>
/// Static and free of state: the font is embedded in the assembly and registered with PDFsharp on
/// first use, so there is nothing to inject. Text is written with a Unicode (Identity-H) font carrying a
/// ToUnicode map, and only the glyphs a document uses are embedded, so a one-page PDF stays small.
/// </remarks>
public static class AnswersPdf
{
    private static readonly XColor Ink = XColor.FromArgb(0x0b, 0x0c, 0x0c);
    private static readonly XColor Secondary = XColor.FromArgb(0x50, 0x5a, 0x5f);
    private static readonly XColor RuleColour = XColor.FromArgb(0xb1, 0xb4, 0xb6);

    // New fonts and brushes for every document: PDFsharp caches the font data itself, and nothing
    // drawn by one request is then shared with another rendering at the same time.
    private static Styles CreateStyles()
    {
        PdfFonts.EnsureRegistered();
        XBrush ink = new XSolidBrush(Ink), secondary = new XSolidBrush(Secondary);
        return new Styles(
            Title: new(PdfFonts.Bold(18), ink, 24),
            Header: new(PdfFonts.Regular(10), secondary, 14.5),
            Heading: new(PdfFonts.Bold(13.5), ink, 19),
            Label: new(PdfFonts.Bold(10), ink, 14.5),
            Value: new(PdfFonts.Regular(11), ink, 16),
            Footer: new(PdfFonts.Regular(8.5), secondary, 12));
    }

    private const double PageNumberWidth = 60;
    private const int MaxFooterLines = 3;

    public static byte[] Render(AnswersDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var style = CreateStyles();
        using var pdf = new PdfDocument();
        PdfFonts.MarkMissingCharacters(pdf);
        Describe(pdf, document);

        var footerLines = FooterLines(document.Footer, style.Footer);
        var footerHeight = 10 + Math.Max(1, footerLines.Count) * style.Footer.LineHeight;
        IReadOnlyList<PdfPage> pages;
        using (var flow = new PageFlow(pdf, footerHeight + 12))
        {
            flow.Lines(flow.Wrap(document.Title, style.Title.Font, PageFlow.Width), style.Title);
            flow.Space(6);
            foreach (var line in document.HeaderLines)
                flow.Lines(flow.Wrap(line, style.Header.Font, PageFlow.Width), style.Header);
            flow.Space(10);
            flow.Rule(RuleColour, 1.5);
            flow.Space(6);
            foreach (var section in document.Sections) WriteSection(flow, section, style);
            pages = flow.Pages;
        }
        DrawFooters(pages, footerLines, footerHeight, style.Footer);

        using var output = new MemoryStream();
        pdf.Save(output);
        return output.ToArray();
    }

    private static void Describe(PdfDocument pdf, AnswersDocument document)
    {
        // Small copies for email. Most of a one-page file (~45 KB) is the font subset, whose glyph index tables
        // PDFsharp keeps at full length.
        pdf.Options.CompressContentStreams = true;
        pdf.Options.FlateEncodeMode = PdfFlateEncodeMode.BestCompression;
        pdf.Info.Title = document.Title;
        pdf.Info.Creator = "OneStop";
        if (document.Created is { } created)
        {
            pdf.Info.CreationDate = created.UtcDateTime;
            pdf.Info.ModificationDate = created.UtcDateTime;
        }
        // Viewers show the title rather than the file name, and screen readers speak the right language.
        pdf.ViewerPreferences.DisplayDocTitle = true;
        pdf.Language = document.Language.Tag();
    }

    private static void WriteSection(PageFlow flow, AnswersSection section, Styles style)
    {
        var heading = flow.Wrap(section.Heading, style.Heading.Font, PageFlow.Width);
        var rows = section.Rows.Select(r => (
            Label: flow.Wrap(r.Label, style.Label.Font, PageFlow.Width),
            Value: flow.Wrap(r.Value, style.Value.Font, PageFlow.Width))).ToList();

        // The heading goes with the first question and the first line of its answer.
        var firstRow = rows.Count == 0 ? 0 : rows[0].Label.Count * style.Label.LineHeight + style.Value.LineHeight;
        flow.Space(14);
        flow.KeepTogether(heading.Count * style.Heading.LineHeight + 6 + firstRow);
        flow.Lines(heading, style.Heading);
        flow.Space(2);
        flow.Rule(RuleColour);
        flow.Space(8);
        foreach (var (label, value) in rows)
        {
            // A question is never parted from the start of its answer; a long answer may run onto the next page.
            flow.KeepTogether(label.Count * style.Label.LineHeight + style.Value.LineHeight);
            flow.Lines(label, style.Label);
            flow.Space(1);
            flow.Lines(value, style.Value);
            flow.Space(10);
        }
    }

    private static List<string> FooterLines(string footer, TextStyle style)
    {
        using var measure = XGraphics.CreateMeasureContext(PageFlow.A4, XGraphicsUnit.Point, XPageDirection.Downwards);
        var lines = LineBreaker.Wrap(footer, PageFlow.Width - PageNumberWidth - 12, s => measure.MeasureString(s, style.Font).Width);
        return lines.Count == 1 && lines[0].Length == 0 ? [] : lines.Take(MaxFooterLines).ToList();
    }

    /// <summary>Drawn after the body, when the number of pages is known.</summary>
    private static void DrawFooters(IReadOnlyList<PdfPage> pages, List<string> footerLines, double footerHeight, TextStyle style)
    {
        var top = PageFlow.A4.Height - PageFlow.Margin - footerHeight;
        for (var i = 0; i < pages.Count; i++)
        {
            using var graphics = XGraphics.FromPdfPage(pages[i], XGraphicsPdfPageOptions.Append);
            graphics.DrawLine(new XPen(RuleColour, 0.75), PageFlow.Margin, top, PageFlow.A4.Width - PageFlow.Margin, top);
            var y = top + 10;
            foreach (var line in footerLines)
            {
                PageFlow.DrawLine(graphics, line, style, new XRect(PageFlow.Margin, y, PageFlow.Width - PageNumberWidth, style.LineHeight), XStringFormats.TopLeft);
                y += style.LineHeight;
            }
            PageFlow.DrawLine(graphics, $"{i + 1} / {pages.Count}", style,
                new XRect(PageFlow.A4.Width - PageFlow.Margin - PageNumberWidth, top + 10, PageNumberWidth, style.LineHeight), XStringFormats.TopRight);
        }
    }

    private sealed record Styles(TextStyle Title, TextStyle Header, TextStyle Heading, TextStyle Label, TextStyle Value, TextStyle Footer);
}
