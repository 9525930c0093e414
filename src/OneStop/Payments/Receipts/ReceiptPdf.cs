using PdfSharp.Drawing;
using PdfSharp.Pdf;
using OneStop.Platform.Localisation;
using OneStop.Platform.Pdf;

namespace OneStop.Payments.Receipts;

/// <summary>What a receipt says, already in the payer's language; <see cref="ReceiptPdf"/> lays it out.</summary>
/// <param name="Facts">Label and value pairs under the title: references, when paid, how.</param>
/// <param name="Lines">The fee lines as the payment page shows them.</param>
/// <param name="After">Pairs after the total: refunds so far.</param>
public sealed record ReceiptDocument(
    Language Language, string Department, string Title, IReadOnlyList<ReceiptPair> Facts,
    string ItemHeading, string AmountHeading, IReadOnlyList<ReceiptLine> Lines,
    string TotalLabel, string Total, IReadOnlyList<ReceiptPair> After, string Footer)
{
    /// <summary>The PDF's creation date (the injected clock's time, not the machine's).</summary>
    public DateTimeOffset? Created { get; init; }
}

public sealed record ReceiptPair(string Label, string Value);

/// <summary>One fee line: the item, the smaller lines under it (quantity × price, a concession), and its amount.</summary>
public sealed record ReceiptLine(string Name, IReadOnlyList<string> Details, string Amount);

/// <summary>
/// An A4 receipt in the payer's language, with OneStop's embedded font (<see cref="PdfFonts"/>) so Chinese
/// renders on any machine, and lines broken as <see cref="AnswersPdf"/> breaks them. Two columns where a
/// receipt needs them: labels beside values, items beside amounts (right-aligned).
/// </summary>
public static class ReceiptPdf
{
    private static readonly XColor Ink = XColor.FromArgb(0x0b, 0x0c, 0x0c);
    private static readonly XColor Secondary = XColor.FromArgb(0x50, 0x5a, 0x5f);
    private static readonly XColor RuleColour = XColor.FromArgb(0xb1, 0xb4, 0xb6);
    private const double LabelColumn = 170;
    private const double AmountColumn = 120;

    public static byte[] Render(ReceiptDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        PdfFonts.EnsureRegistered();
        XBrush ink = new XSolidBrush(Ink), secondary = new XSolidBrush(Secondary);
        var brand = new TextStyle(PdfFonts.Regular(10), secondary, 14);
        var department = new TextStyle(PdfFonts.Bold(12), ink, 17);
        var title = new TextStyle(PdfFonts.Bold(20), ink, 27);
        var label = new TextStyle(PdfFonts.Bold(10.5), ink, 15.5);
        var value = new TextStyle(PdfFonts.Regular(10.5), ink, 15.5);
        var detail = new TextStyle(PdfFonts.Regular(9.5), secondary, 14);
        var total = new TextStyle(PdfFonts.Bold(12), ink, 18);
        var footer = new TextStyle(PdfFonts.Regular(8.5), secondary, 12);

        using var pdf = new PdfDocument();
        PdfFonts.MarkMissingCharacters(pdf);
        pdf.Options.CompressContentStreams = true;
        pdf.Options.FlateEncodeMode = PdfFlateEncodeMode.BestCompression;
        pdf.Info.Title = $"{document.Title} {document.Facts.FirstOrDefault()?.Value}".Trim();
        pdf.Info.Creator = "OneStop";
        if (document.Created is { } created) pdf.Info.CreationDate = pdf.Info.ModificationDate = created.UtcDateTime;
        pdf.ViewerPreferences.DisplayDocTitle = true;
        pdf.Language = document.Language.Tag();

        var footerLines = Sheet.WrapAlone(document.Footer, footer.Font, PageFlow.Width);
        var footerHeight = 10 + Math.Max(1, footerLines.Count) * footer.LineHeight;
        IReadOnlyList<PdfPage> pages;
        using (var sheet = new Sheet(pdf, footerHeight + 12))
        {
            sheet.Row("OneStop 一站通", brand, PageFlow.Width, null, brand);
            sheet.Row(document.Department, department, PageFlow.Width, null, department);
            sheet.Space(10);
            sheet.Row(document.Title, title, PageFlow.Width, null, title);
            sheet.Space(6);
            sheet.Rule(RuleColour, 1.5);
            sheet.Space(8);
            foreach (var fact in document.Facts)
            {
                sheet.Row(fact.Label, label, LabelColumn, fact.Value, value);
                sheet.Space(3);
            }
            sheet.Space(14);
            sheet.Row(document.ItemHeading, label, PageFlow.Width - AmountColumn, document.AmountHeading, label, alignRight: true);
            sheet.Space(2);
            sheet.Rule(RuleColour);
            sheet.Space(6);
            foreach (var line in document.Lines)
            {
                sheet.Row(line.Name, value, PageFlow.Width - AmountColumn, line.Amount, value, alignRight: true);
                foreach (var d in line.Details) sheet.Row(d, detail, PageFlow.Width - AmountColumn, null, detail, indent: 12);
                sheet.Space(6);
            }
            sheet.Rule(RuleColour);
            sheet.Space(6);
            sheet.Row(document.TotalLabel, total, PageFlow.Width - AmountColumn, document.Total, total, alignRight: true);
            foreach (var after in document.After)
            {
                sheet.Space(4);
                sheet.Row(after.Label, value, PageFlow.Width - AmountColumn, after.Value, value, alignRight: true);
            }
            pages = sheet.Pages;
        }
        DrawFooters(pages, footerLines, footerHeight, footer);
        using var output = new MemoryStream();
        pdf.Save(output);
        return output.ToArray();
    }

    private static void DrawFooters(IReadOnlyList<PdfPage> pages, List<string> lines, double height, TextStyle style)
    {
        var top = PageFlow.A4.Height - PageFlow.Margin - height;
        for (var i = 0; i < pages.Count; i++)
        {
            using var graphics = XGraphics.FromPdfPage(pages[i], XGraphicsPdfPageOptions.Append);
            graphics.DrawLine(new XPen(RuleColour, 0.75), PageFlow.Margin, top, PageFlow.A4.Width - PageFlow.Margin, top);
            var y = top + 10;
            foreach (var line in lines)
            {
                PageFlow.DrawLine(graphics, line, style, new XRect(PageFlow.Margin, y, PageFlow.Width - 60, style.LineHeight), XStringFormats.TopLeft);
                y += style.LineHeight;
            }
            PageFlow.DrawLine(graphics, $"{i + 1} / {pages.Count}", style,
                new XRect(PageFlow.A4.Width - PageFlow.Margin - 60, top + 10, 60, style.LineHeight), XStringFormats.TopRight);
        }
    }

    /// <summary>
    /// Rows down A4 pages: a left column and an optional right one, each wrapped to its width, the row kept
    /// on one page. A receipt is nearly always one page; a long list of fee lines runs on to the next.
    /// </summary>
    private sealed class Sheet : IDisposable
    {
        private const double Gap = 12;
        private readonly PdfDocument _pdf;
        private readonly double _bottom;
        private readonly List<PdfPage> _pages = [];
        private XGraphics _graphics = null!;
        private double _y;

        public Sheet(PdfDocument pdf, double footerHeight)
        {
            _pdf = pdf;
            _bottom = PageFlow.A4.Height - PageFlow.Margin - footerHeight;
            NewPage();
        }

        public IReadOnlyList<PdfPage> Pages => _pages;

        public static List<string> WrapAlone(string text, XFont font, double width)
        {
            using var measure = XGraphics.CreateMeasureContext(PageFlow.A4, XGraphicsUnit.Point, XPageDirection.Downwards);
            var lines = LineBreaker.Wrap(text, width, s => s.Length == 0 ? 0 : measure.MeasureString(s, font).Width);
            return lines.Count == 1 && lines[0].Length == 0 ? [] : lines.Take(3).ToList();
        }

        public void Row(string left, TextStyle leftStyle, double leftWidth, string? right, TextStyle rightStyle, bool alignRight = false, double indent = 0)
        {
            var leftLines = Wrap(left, leftStyle.Font, leftWidth - indent - (right is null ? 0 : Gap));
            var rightWidth = PageFlow.Width - leftWidth;
            var rightLines = right is null ? [] : Wrap(right, rightStyle.Font, rightWidth);
            var height = Math.Max(leftLines.Count * leftStyle.LineHeight, rightLines.Count * rightStyle.LineHeight);
            if (_y + height > _bottom && _y > PageFlow.Margin) NewPage();
            for (var i = 0; i < leftLines.Count; i++)
                PageFlow.DrawLine(_graphics, leftLines[i], leftStyle,
                    new XRect(PageFlow.Margin + indent, _y + i * leftStyle.LineHeight, leftWidth - indent, leftStyle.LineHeight), XStringFormats.TopLeft);
            for (var i = 0; i < rightLines.Count; i++)
                PageFlow.DrawLine(_graphics, rightLines[i], rightStyle,
                    new XRect(PageFlow.Margin + leftWidth, _y + i * rightStyle.LineHeight, rightWidth, rightStyle.LineHeight),
                    alignRight ? XStringFormats.TopRight : XStringFormats.TopLeft);
            _y += height;
        }

        public void Space(double height)
        {
            if (_y > PageFlow.Margin) _y = Math.Min(_y + height, _bottom);
        }

        public void Rule(XColor colour, double thickness = 0.75)
        {
            _graphics.DrawLine(new XPen(colour, thickness), PageFlow.Margin, _y, PageFlow.A4.Width - PageFlow.Margin, _y);
            _y += thickness;
        }

        private List<string> Wrap(string text, XFont font, double width) =>
            LineBreaker.Wrap(text, width, piece => piece.Length == 0 ? 0 : _graphics.MeasureString(piece, font).Width);

        private void NewPage()
        {
            _graphics?.Dispose();
            var page = _pdf.AddPage();
            page.Width = XUnit.FromPoint(PageFlow.A4.Width);
            page.Height = XUnit.FromPoint(PageFlow.A4.Height);
            _pages.Add(page);
            _graphics = XGraphics.FromPdfPage(page);
            _y = PageFlow.Margin;
        }

        public void Dispose() => _graphics.Dispose();
    }
}
