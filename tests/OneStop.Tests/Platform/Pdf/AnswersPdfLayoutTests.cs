using System.Text.RegularExpressions;
using OneStop.Platform.Localisation;
using OneStop.Platform.Pdf;

namespace OneStop.Tests.Platform.Pdf;

/// <summary>Long answers wrap inside the margins; many answers flow over numbered pages, each once.</summary>
public sealed class AnswersPdfLayoutTests
{
    private const double PageWidth = 595.28;
    private const double Margin = 56.7;

    [Fact]
    public async Task Render_LongLatinAndChineseValues_WrapInsideTheMarginsAndKeepEveryCharacter()
    {
        var english = string.Join(' ', Enumerable.Range(1, 40).Select(i => $"word{i}"));
        var traditional = string.Concat(Enumerable.Repeat("申請人須於辦理續期手續時出示有效身份證明文件。", 6));
        var simplified = string.Concat(Enumerable.Repeat("申请人须于办理续期手续时出示有效身份证明文件。", 6));
        var unbroken = "https://www.onestop.gov.example/" + new string('x', 150);
        var document = AnswersPdfTests.Document(Language.ZhHk, "Wrapping", new AnswersSection("Long answers",
        [
            new AnswerRow("English", english),
            new AnswerRow("繁體", traditional),
            new AnswerRow("简体", simplified),
            new AnswerRow("Address", unbroken),
        ]));

        var pdf = AnswersPdf.Render(document);

        var words = await Poppler.WordsAsync(pdf);
        Assert.All(words, w => Assert.True(w.XMax <= PageWidth - Margin + 0.5, $"'{w.Text}' ends at {w.XMax}, past the right margin"));
        Assert.All(words, w => Assert.True(w.XMin >= Margin - 0.5, $"'{w.Text}' starts at {w.XMin}, before the left margin"));
        var text = await Poppler.TextAsync(pdf);
        // Wrapped Latin comes back with a line break where a space was; Chinese with a line break between characters.
        Assert.Contains(english, Regex.Replace(text, @"\s+", " "));
        var joined = Regex.Replace(text, @"\s+", "");
        Assert.Contains(traditional, joined);
        Assert.Contains(simplified, joined);
        Assert.Contains(unbroken, joined);
        Assert.True(LinesOf(words, "word1", "word40") > 1, "the English answer did not wrap");
        Assert.DoesNotMatch(@"(?m)^[，。、：；]", text); // closing punctuation never starts a line
    }

    [Fact]
    public async Task Render_ManySectionsOfAnswers_FlowsOverNumberedPagesWithEachAnswerOnce()
    {
        var sections = Enumerable.Range(1, 6).Select(s => new AnswersSection($"第{s}部 Section {s}",
            Enumerable.Range(1, 12).Select(r => new AnswerRow($"問題 Question {s}.{r}",
                $"答案 Answer {s}.{r}: " + string.Concat(Enumerable.Repeat("香港特別行政區政府 ", 4)))).ToList())).ToArray();
        var document = AnswersPdfTests.Document(Language.ZhHk, "多頁申請 Multi-page application", sections);

        var pdf = AnswersPdf.Render(document);

        var info = await Poppler.InfoAsync(pdf);
        var pages = int.Parse(info["Pages"]);
        Assert.InRange(pages, 3, 8);
        Assert.Equal("多頁申請 Multi-page application", info["Title"]);
        var pageTexts = new List<string>();
        for (var page = 1; page <= pages; page++)
        {
            var text = await Poppler.TextAsync(pdf, page);
            Assert.Matches(AnswersPdfTests.PageNumber(page, pages), text);
            Assert.Contains("OneStop – Transport Department 運輸署", text);
            pageTexts.Add(text);
        }
        var all = string.Concat(pageTexts);
        Assert.Single(Regex.Matches(all, "多頁申請 Multi-page application"));
        Assert.Single(Regex.Matches(all, "Reference: TD-2026-000123"));
        foreach (var section in sections)
        {
            var page = pageTexts.FindIndex(t => t.Contains(section.Heading));
            Assert.True(page >= 0, $"{section.Heading} is missing");
            // A heading is never left alone at the foot of a page: its first question is on the same page.
            Assert.Contains(section.Rows[0].Label, pageTexts[page]);
            foreach (var row in section.Rows)
            {
                Assert.Single(Regex.Matches(all, Regex.Escape(row.Label) + "\n"));
                Assert.Single(Regex.Matches(Regex.Replace(all, @"\s+", ""), Regex.Escape(Regex.Replace(row.Value, @"\s+", ""))));
            }
        }
    }

    private static int LinesOf(List<(string Text, double XMin, double YMin, double XMax)> words, string first, string last)
    {
        var start = words.FindIndex(w => w.Text == first);
        var end = words.FindIndex(w => w.Text == last);
        return words.Skip(start).Take(end - start + 1).Select(w => Math.Round(w.YMin)).Distinct().Count();
    }
}
