using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace OneStop.Platform.Pdf;

/// <summary>How one kind of text looks: its font, colour and the height of each of its lines.</summary>
internal sealed record TextStyle(XFont Font, XBrush Brush, double LineHeight);

/// <summary>
/// Writes lines of text down A4 pages, starting a new page when the next line does not fit. Callers ask
/// for room first (<see cref="KeepTogether"/>) so that a heading is never left alone at the foot of a page.
/// </summary>
internal sealed class PageFlow : IDisposable
{
    public const double Margin = 56.7; // 20 mm
    private readonly PdfDocument _pdf;
    private readonly double _bottom;
    private readonly List<PdfPage> _pages = [];
    private XGraphics _graphics = null!;
    private double _y;

    /// <param name="footerHeight">Room kept free at the foot of every page for the footer drawn afterwards.</param>
    public PageFlow(PdfDocument pdf, double footerHeight)
    {
        _pdf = pdf;
        _bottom = A4.Height - Margin - footerHeight;
        NewPage();
    }

    public static XSize A4 { get; } = new(595.28, 841.89); // A4 in points
    public static double Width => A4.Width - 2 * Margin;
    public IReadOnlyList<PdfPage> Pages => _pages;
    private bool AtTopOfPage => _y <= Margin;

    public double Measure(string text, XFont font) => text.Length == 0 ? 0 : _graphics.MeasureString(text, font).Width;

    public List<string> Wrap(string text, XFont font, double width) =>
        LineBreaker.Wrap(text, width, piece => Measure(piece, font));

    /// <summary>Starts a new page unless <paramref name="height"/> points still fit on this one (or this one is empty).</summary>
    public void KeepTogether(double height)
    {
        if (_y + height > _bottom && !AtTopOfPage) NewPage();
    }

    /// <summary>Blank space; none at the top of a page, where it would only push the text down.</summary>
    public void Space(double height)
    {
        if (!AtTopOfPage) _y = Math.Min(_y + height, _bottom);
    }

    public void Lines(IEnumerable<string> lines, TextStyle style, double indent = 0)
    {
        foreach (var line in lines)
        {
            KeepTogether(style.LineHeight);
            if (line.Length > 0) DrawLine(_graphics, line, style, new XRect(Margin + indent, _y, Width - indent, style.LineHeight), XStringFormats.TopLeft);
            _y += style.LineHeight;
        }
    }

    public void Rule(XColor colour, double thickness = 0.75)
    {
        KeepTogether(thickness);
        _graphics.DrawLine(new XPen(colour, thickness), Margin, _y, A4.Width - Margin, _y);
        _y += thickness;
    }

    /// <summary>Draws one line with its top at <paramref name="top"/>, the leading shared above and below.</summary>
    public static void DrawLine(XGraphics graphics, string line, TextStyle style, XRect box, XStringFormat format)
    {
        var leading = (style.LineHeight - style.Font.GetHeight()) / 2;
        graphics.DrawString(line, style.Font, style.Brush,
            new XRect(box.X, box.Y + leading, box.Width, style.Font.GetHeight()), format);
    }

    private void NewPage()
    {
        _graphics?.Dispose();
        var page = _pdf.AddPage();
        page.Width = XUnit.FromPoint(A4.Width);
        page.Height = XUnit.FromPoint(A4.Height);
        _pages.Add(page);
        _graphics = XGraphics.FromPdfPage(page);
        _y = Margin;
    }

    public void Dispose() => _graphics.Dispose();
}
