using OneStop.Platform.Localisation;
using OneStop.Platform.Pdf;
using PdfSharp.Pdf.IO;

namespace OneStop.Tests.Platform.Pdf;

/// <summary>Answers PDFs read back with poppler: text, title, language, fonts, wrapping and pages.</summary>
public sealed class AnswersPdfTests
{
    private const string Traditional = "香港特別行政區運輸署：駕駛執照續期申請";
    private const string Simplified = "香港特别行政区运输署：驾驶执照续期申请";
    private const string Latin = "Chan Tai Man, Flat 12B, 8 Harbour Road";

    public static TheoryData<Language, string> Languages => new()
    {
        { Language.En, "Driving licence renewal" },
        { Language.ZhHk, "駕駛執照續期" },
        { Language.ZhCn, "驾驶执照续期" },
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Render_MixedScripts_TextTitleAndLanguageComeBack(Language language, string title)
    {
        var document = Document(language, title, new AnswersSection("Applicant 申請人 申请人",
        [
            new AnswerRow("Name", Latin),
            new AnswerRow("繁體", Traditional),
            new AnswerRow("简体", Simplified),
            new AnswerRow("Two lines", "First line\n第二行"),
        ]));

        var pdf = AnswersPdf.Render(document);

        var text = await Poppler.TextAsync(pdf);
        foreach (var expected in new[] { title, "Reference: TD-2026-000123", "Submitted: 27 November 2026 14:03",
                     "Applicant 申請人 申请人", "Name", Latin, "繁體", Traditional, "简体", Simplified, "First line\n第二行",
                     "OneStop – Transport Department 運輸署" })
            Assert.Contains(expected, text);
        Assert.Matches(PageNumber(1, 1), text);
        var info = await Poppler.InfoAsync(pdf);
        Assert.Equal(title, info["Title"]);
        Assert.Equal("1", info["Pages"]);
        Assert.StartsWith("595.28 x 841.89", info["Page size"]);
        using var read = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        Assert.Equal(language.Tag(), read.Internals.Catalog.Elements.GetString("/Lang"));
    }

    [Fact]
    public async Task Render_Any_EmbedsOnlyASubsetOfTheFontWithAToUnicodeMap()
    {
        var pdf = AnswersPdf.Render(Document(Language.ZhHk, "字型", new AnswersSection("Section", [new("Q", Traditional + Simplified)])));

        var fonts = await Poppler.FontsAsync(pdf);

        Assert.NotEmpty(fonts);
        // Columns: name, type…, encoding, emb, sub, uni, object, id.
        Assert.All(fonts, font => Assert.Equal(["yes", "yes", "yes"], font[^5..^2]));
        Assert.All(fonts, font => Assert.Contains("Identity-H", font));
        Assert.True(pdf.Length < 200_000, $"A one-page PDF of {pdf.Length} bytes embeds more than the glyphs it uses.");
    }

    [Fact]
    public async Task Render_ManyDocumentsAtOnce_EachComesBackWhole()
    {
        var documents = Enumerable.Range(1, 8).Select(i => Document(Language.ZhCn, $"申请 {i}",
            new AnswersSection($"第{i}部分", [new($"问题 {i}", $"{Simplified} {i}")]))).ToList();

        var pdfs = await Task.WhenAll(documents.Select(d => Task.Run(() => AnswersPdf.Render(d))));

        for (var i = 0; i < documents.Count; i++)
        {
            Assert.Equal(documents[i].Title, (await Poppler.InfoAsync(pdfs[i]))["Title"]);
            Assert.Contains($"{Simplified} {i + 1}", await Poppler.TextAsync(pdfs[i]));
        }
    }

    [Fact]
    public async Task Render_CharactersTheFontLacks_AreMarkedWithABoxAndTheRestKept()
    {
        // 𨋢 (lift) is Hong Kong usage outside the basic CJK block; the emoji carries an invisible variation selector.
        var document = Document(Language.ZhHk, "缺字", new AnswersSection("Section", [new("升降機", "𨋢 lift ❤️ ok")]));

        var pdf = AnswersPdf.Render(document);

        Assert.Contains("□ lift □ ok", await Poppler.TextAsync(pdf));
    }

    /// <summary>Drawn as "1 / 3"; pdftotext may drop the spaces around the slash, which it reads as separate words.</summary>
    internal static string PageNumber(int page, int pages) => $@"(?m)^{page} ?/ ?{pages}$";

    internal static AnswersDocument Document(Language language, string title, params AnswersSection[] sections) =>
        new(language, title, ["Reference: TD-2026-000123", "Submitted: 27 November 2026 14:03"], sections,
            "OneStop – Transport Department 運輸署");
}
