using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Signatures;
using OneStop.Platform.Localisation;
using OneStop.Platform.Pdf;
using QRCoder;

namespace OneStop.Documents.Templates;

/// <summary>
/// Lays out an issued document on A4 — the department, the title, each line as a label over its value, the
/// conditions, and a QR code of the verification link beside the title — and signs it with the department's
/// key as a PDF signature (adbe.pkcs7.detached over the whole file but the signature itself), which readers
/// and <c>pdfsig</c> check. Stacked label/value lines rather than columns: they wrap cleanly in both scripts.
/// </summary>
public static class LicencePdf
{
    private static readonly XColor Ink = XColor.FromArgb(0x0b, 0x0c, 0x0c);
    private static readonly XColor Secondary = XColor.FromArgb(0x50, 0x5a, 0x5f);
    private static readonly XColor RuleColour = XColor.FromArgb(0xb1, 0xb4, 0xb6);
    private const double QrSize = 96;

    public static async Task<byte[]> RenderSignedAsync(DocumentContent content, IDigitalSigner signer, DateTimeOffset created, string reason)
    {
        ArgumentNullException.ThrowIfNull(content);
        PdfFonts.EnsureRegistered();
        XBrush ink = new XSolidBrush(Ink), secondary = new XSolidBrush(Secondary);
        var brand = new TextStyle(PdfFonts.Regular(10), secondary, 14);
        var department = new TextStyle(PdfFonts.Bold(12), ink, 17);
        var title = new TextStyle(PdfFonts.Bold(20), ink, 27);
        var label = new TextStyle(PdfFonts.Regular(9.5), secondary, 13.5);
        var value = new TextStyle(PdfFonts.Bold(12), ink, 17);
        var body = new TextStyle(PdfFonts.Regular(10.5), ink, 15.5);
        var heading = new TextStyle(PdfFonts.Bold(12), ink, 18);
        var footer = new TextStyle(PdfFonts.Regular(8.5), secondary, 12);

        using var pdf = new PdfDocument();
        PdfFonts.MarkMissingCharacters(pdf);
        pdf.Options.CompressContentStreams = true;
        pdf.Info.Title = $"{content.Title} {content.Lines.FirstOrDefault()?.Value}".Trim();
        pdf.Info.Creator = "OneStop";
        pdf.Info.CreationDate = pdf.Info.ModificationDate = created.UtcDateTime;
        pdf.ViewerPreferences.DisplayDocTitle = true;
        pdf.Language = content.Language.Tag();

        IReadOnlyList<PdfPage> pages;
        using (var flow = new PageFlow(pdf, footerHeight: 40))
        {
            var textWidth = PageFlow.Width - QrSize - 16;
            flow.Lines(flow.Wrap(content.Brand, brand.Font, textWidth), brand);
            flow.Lines(flow.Wrap(content.Department, department.Font, textWidth), department);
            flow.Space(8);
            flow.Lines(flow.Wrap(content.Title, title.Font, textWidth), title);
            flow.Space(QrSize > 60 ? 30 : 6);
            flow.Rule(RuleColour, 1.5);
            flow.Space(10);
            foreach (var line in content.Lines)
            {
                var labels = flow.Wrap(line.Label, label.Font, PageFlow.Width);
                var values = flow.Wrap(line.Value, value.Font, PageFlow.Width);
                flow.KeepTogether(labels.Count * label.LineHeight + values.Count * value.LineHeight);
                flow.Lines(labels, label);
                flow.Lines(values, value);
                flow.Space(8);
            }
            if (content.Conditions.Count > 0)
            {
                flow.Space(6);
                flow.KeepTogether(heading.LineHeight * 2);
                flow.Lines([content.ConditionsHeading], heading);
                var n = 0;
                foreach (var condition in content.Conditions)
                    flow.Lines(flow.Wrap($"{++n}. {condition}", body.Font, PageFlow.Width - 12), body, 12);
            }
            flow.Space(14);
            flow.Rule(RuleColour);
            flow.Space(8);
            flow.Lines(flow.Wrap(content.VerifyHeading, body.Font, PageFlow.Width), body);
            flow.Lines(flow.Wrap(content.VerifyUrl, value.Font, PageFlow.Width), value);
            pages = flow.Pages;
        }
        // Drawn once the flow has let go of its pages: PDFsharp allows one XGraphics per page at a time.
        DrawQr(pages[0], content.VerifyUrl);
        foreach (var page in pages) DrawFooter(page, content.Footer, footer);

        DigitalSignatureHandler.ForDocument(pdf, signer, new DigitalSignatureOptions
        {
            Reason = reason,
            Location = "Hong Kong",
            AppName = "OneStop",
            Rectangle = new XRect(0, 0, 0, 0),
            PageIndex = 0,
        });
        using var output = new MemoryStream();
        await pdf.SaveAsync(output);
        return output.ToArray();
    }

    /// <summary>The QR code drawn module by module, as vector squares: sharp at any zoom and when printed.</summary>
    private static void DrawQr(PdfPage page, string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var size = matrix.Count;
        var module = QrSize / size;
        var left = PageFlow.A4.Width - PageFlow.Margin - QrSize;
        var top = PageFlow.Margin;
        using var graphics = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
        for (var y = 0; y < size; y++)
            for (var x = 0; x < size; x++)
                if (matrix[y][x])
                    graphics.DrawRectangle(XBrushes.Black, left + x * module, top + y * module, module + 0.05, module + 0.05);
    }

    private static void DrawFooter(PdfPage page, string text, TextStyle style)
    {
        var top = PageFlow.A4.Height - PageFlow.Margin - 32;
        using var graphics = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
        graphics.DrawLine(new XPen(RuleColour, 0.75), PageFlow.Margin, top, PageFlow.A4.Width - PageFlow.Margin, top);
        var y = top + 6;
        foreach (var line in LineBreaker.Wrap(text, PageFlow.Width, piece => graphics.MeasureString(piece, style.Font).Width).Take(2))
        {
            PageFlow.DrawLine(graphics, line, style, new XRect(PageFlow.Margin, y, PageFlow.Width, style.LineHeight), XStringFormats.TopLeft);
            y += style.LineHeight;
        }
    }
}
