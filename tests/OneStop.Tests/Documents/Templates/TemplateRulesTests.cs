using OneStop.Documents.Templates;
using OneStop.Forms.Definitions;
using OneStop.Platform.Localisation;

namespace OneStop.Tests.Documents.Templates;

/// <summary>The pure rules of a document's words: how long it is valid, which languages it prints, what each line says.</summary>
public sealed class TemplateRulesTests
{
    private static Words W(string en, string zhHk, string zhCn) => new() { En = en, ZhHk = zhHk, ZhCn = zhCn };

    private static DocumentDefinition Licence(bool bilingual = true, Validity? validity = null) => new()
    {
        Title = W("Vehicle test licence", "車輛測試牌照", "车辆测试牌照"),
        Bilingual = bilingual,
        NumberPrefix = "TD-VT",
        Validity = validity ?? new Validity { Years = 1 },
        Fields =
        [
            new DocumentField { Label = W("Registration mark", "登記號碼", "登记号码"), From = "answer:plate" },
            new DocumentField { Label = W("Colour", "顏色", "颜色"), From = "answer:colour" },
            new DocumentField { Label = W("Reference", "參考編號", "参考编号"), From = DocumentSources.ApplicationReference },
            new DocumentField { Label = W("Decision", "決定", "决定"), From = DocumentSources.DecisionNote },
        ],
        Conditions = [W("Keep it in the vehicle.", "須存放於車內。", "须存放于车内。")],
    };

    /// <summary>Inputs whose every word names its key and language, so a test reads which language each part came from.</summary>
    private static DocumentInputs Inputs(Language language, int version = 1, string? note = null) => new(
        "TD-VT-2026-000001", version, "陳大文", language, new LocalisedText("Transport Department", "運輸署", "运输署"),
        new DateOnly(2026, 11, 28), new DateOnly(2026, 11, 28), "TD-2026-000042", note, "https://onestop.example/verify/ABC",
        (id, l) => id == "plate" ? $"AB 1234 ({l.Tag()})" : null,
        (l, key) => $"{key}@{l.Tag()}");

    [Theory]
    [InlineData(2026, 11, 28, 1, 0, 0, 2027, 11, 27)]
    [InlineData(2026, 1, 1, 0, 6, 0, 2026, 6, 30)]
    [InlineData(2026, 3, 15, 0, 0, 1, 2026, 3, 15)]
    [InlineData(2026, 3, 15, 0, 0, 30, 2026, 4, 13)]
    [InlineData(2026, 3, 15, 10, 0, 0, 2036, 3, 14)]
    public void ValidUntil_Period_TheDayBeforeItsEnd(int y, int m, int d, int years, int months, int days, int ey, int em, int ed)
    {
        var definition = Licence(validity: new Validity { Years = years, Months = months, Days = days });

        Assert.Equal(new DateOnly(ey, em, ed), TemplateRules.ValidUntil(definition, new DateOnly(y, m, d)));
    }

    [Theory]
    // A year from 29 February: there is no 29 February next year, so it runs to the end of the 28th (not a day short).
    [InlineData(2024, 2, 29, 1, 0, 2025, 2, 28)]
    // Four years from 29 February land on another 29 February.
    [InlineData(2024, 2, 29, 4, 0, 2028, 2, 28)]
    // A year from 1 March across a leap day.
    [InlineData(2027, 3, 1, 1, 0, 2028, 2, 29)]
    // A month from 31 January: February has no 31st, so the month runs to its end.
    [InlineData(2026, 1, 31, 0, 1, 2026, 2, 28)]
    [InlineData(2028, 1, 31, 0, 1, 2028, 2, 29)]
    [InlineData(2026, 1, 30, 0, 1, 2026, 2, 28)]
    // A month from the last day of a short month keeps its day in the longer one.
    [InlineData(2026, 2, 28, 0, 1, 2026, 3, 27)]
    // Six months from 31 August: 31 February does not exist either.
    [InlineData(2026, 8, 31, 0, 6, 2027, 2, 28)]
    [InlineData(2026, 5, 31, 0, 1, 2026, 6, 30)]
    public void ValidUntil_LeapYearsAndMonthEnds_NeverShortOfThePeriod(int y, int m, int d, int years, int months, int ey, int em, int ed)
    {
        var definition = Licence(validity: new Validity { Years = years, Months = months });

        Assert.Equal(new DateOnly(ey, em, ed), TemplateRules.ValidUntil(definition, new DateOnly(y, m, d)));
    }

    [Fact]
    public void ValidUntil_NoValidity_NeverExpires()
    {
        var letter = Licence() with { Validity = null };

        Assert.Null(TemplateRules.ValidUntil(letter, new DateOnly(2026, 1, 1)));
    }

    [Theory]
    [InlineData(false, Language.En, new[] { Language.En })]
    [InlineData(false, Language.ZhCn, new[] { Language.ZhCn })]
    [InlineData(true, Language.En, new[] { Language.En, Language.ZhHk })]
    [InlineData(true, Language.ZhHk, new[] { Language.ZhHk, Language.En })]
    [InlineData(true, Language.ZhCn, new[] { Language.ZhCn, Language.En })]
    public void LanguagesOf_HoldersLanguageFirst(bool bilingual, Language holder, Language[] expected)
    {
        Assert.Equal(expected, TemplateRules.LanguagesOf(Licence(bilingual), holder));
    }

    [Fact]
    public void Compose_Bilingual_LabelsInBothLanguagesValuesInTheHolders()
    {
        var content = TemplateRules.Compose(Licence(), Inputs(Language.ZhHk));

        Assert.Equal(Language.ZhHk, content.Language);
        Assert.Equal("車輛測試牌照 / Vehicle test licence", content.Title);
        Assert.Equal("運輸署 / Transport Department", content.Department);
        var plate = content.Lines.Single(l => l.Label == "登記號碼 / Registration mark");
        Assert.Equal("AB 1234 (zh-HK)", plate.Value);
        Assert.Equal("documents.pdf.holder@zh-HK / documents.pdf.holder@en", content.Lines[1].Label);
        Assert.Equal("陳大文", content.Lines[1].Value);
        Assert.Equal("2026年11月28日", content.Lines.Single(l => l.Label.StartsWith("documents.pdf.issued@", StringComparison.Ordinal)).Value);
        Assert.Equal(["須存放於車內。 / Keep it in the vehicle."], content.Conditions);
        Assert.Equal("documents.pdf.footer@zh-HK / documents.pdf.footer@en", content.Footer);
    }

    [Fact]
    public void Compose_EnglishOnly_OneLanguageThroughout()
    {
        var content = TemplateRules.Compose(Licence(bilingual: false), Inputs(Language.En));

        Assert.Equal("Vehicle test licence", content.Title);
        Assert.Equal("Transport Department", content.Department);
        Assert.Equal("AB 1234 (en)", content.Lines.Single(l => l.Label == "Registration mark").Value);
        Assert.Equal("28 November 2026", content.Lines.Single(l => l.Label == "documents.pdf.validFrom@en").Value);
        Assert.Equal("27 November 2027", content.Lines.Single(l => l.Label == "documents.pdf.validUntil@en").Value);
        Assert.DoesNotContain(content.Lines, l => l.Label.Contains('/', StringComparison.Ordinal));
    }

    [Fact]
    public void Compose_SameWordsInBothLanguages_WrittenOnce()
    {
        var definition = Licence() with { Title = W("OneStop", "OneStop", "OneStop") };

        var content = TemplateRules.Compose(definition, Inputs(Language.ZhCn));

        Assert.Equal("OneStop", content.Title);
    }

    [Fact]
    public void Compose_MissingAnswersAndNote_LinesLeftOut()
    {
        var content = TemplateRules.Compose(Licence(bilingual: false), Inputs(Language.En, note: null));

        Assert.DoesNotContain(content.Lines, l => l.Label is "Colour" or "Decision");
        Assert.Equal("TD-2026-000042", content.Lines.Single(l => l.Label == "Reference").Value);
    }

    [Fact]
    public void Compose_DecisionNoteAndLaterVersion_Printed()
    {
        var content = TemplateRules.Compose(Licence(bilingual: false), Inputs(Language.En, version: 2, note: "Approved with conditions"));

        Assert.Equal("Approved with conditions", content.Lines.Single(l => l.Label == "Decision").Value);
        Assert.Equal("TD-VT-2026-000001 (documents.pdf.version@en 2)", content.Lines[0].Value);
    }

    [Fact]
    public void Compose_NoValidity_NoValidUntilLine()
    {
        var content = TemplateRules.Compose(Licence(bilingual: false) with { Validity = null }, Inputs(Language.En));

        Assert.DoesNotContain(content.Lines, l => l.Label == "documents.pdf.validUntil@en");
    }
}
