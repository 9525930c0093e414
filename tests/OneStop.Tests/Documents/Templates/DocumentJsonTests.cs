using OneStop.Documents.Templates;

namespace OneStop.Tests.Documents.Templates;

/// <summary>DocumentJson reads a template and names its first problem in English, one rule at a time.</summary>
public sealed class DocumentJsonTests
{
    private const string Valid = """
        {
          "kind": "permit",
          "title": { "en": "Permit", "zh-HK": "許可證", "zh-CN": "许可证" },
          "numberPrefix": "AFCD-SP",
          "validity": { "months": 6 },
          "holder": "answer:ownerName",
          "fields": [ { "label": { "en": "Animal", "zh-HK": "動物", "zh-CN": "动物" }, "from": "answer:species" } ],
          "reminderDays": [14],
          "delivery": ["wallet", "counter"],
          "counters": ["afcd-office"]
        }
        """;

    private static string With(string find, string replace)
    {
        Assert.Contains(find, Valid);
        return Valid.Replace(find, replace);
    }

    [Fact]
    public void Parse_ValidTemplate_ReadsEveryPart()
    {
        var definition = DocumentJson.Parse(Valid, out var error);

        Assert.Null(error);
        Assert.NotNull(definition);
        Assert.Equal((OneStop.Documents.DocumentKind.Permit, "AFCD-SP", 6, "answer:ownerName"), (definition.Kind, definition.NumberPrefix, definition.Validity!.Months, definition.Holder));
        Assert.Equal([OneStop.Documents.DeliveryMethod.Wallet, OneStop.Documents.DeliveryMethod.Counter], definition.Delivery);
        Assert.Equal(DocumentJson.Write(definition), DocumentJson.Write(DocumentJson.Parse(DocumentJson.Write(definition), out _)!));
    }

    [Fact]
    public void Parse_Defaults_ProfileHolderWalletOnlyLicence()
    {
        var definition = DocumentJson.Parse("""{ "title": { "en": "Letter", "zh-HK": "信", "zh-CN": "信" }, "numberPrefix": "X" }""", out var error);

        Assert.Null(error);
        Assert.Equal((OneStop.Documents.DocumentKind.Licence, "profile", null as Validity), (definition!.Kind, definition.Holder, definition.Validity));
        Assert.Equal([OneStop.Documents.DeliveryMethod.Wallet], definition.Delivery);
    }

    [Theory]
    [InlineData("\"AFCD-SP\"", "\"afcd-sp\"", "numberPrefix:")]
    [InlineData("\"AFCD-SP\"", "\"AFCD SP\"", "numberPrefix:")]
    [InlineData("\"AFCD-SP\"", "\"AFCD--SP\"", "numberPrefix:")]
    [InlineData("\"AFCD-SP\"", "\"ABCDEFGHIJKLM\"", "numberPrefix:")]
    [InlineData("{ \"months\": 6 }", "{ \"months\": 0 }", "validity:")]
    [InlineData("{ \"months\": 6 }", "{ \"months\": -1, \"years\": 1 }", "validity:")]
    [InlineData("{ \"months\": 6 }", "{ \"years\": 21 }", "validity:")]
    [InlineData("\"answer:ownerName\"", "\"applicant\"", "holder:")]
    [InlineData("\"answer:ownerName\"", "\"answer:\"", "holder:")]
    [InlineData("\"answer:species\"", "\"profile.age\"", "fields: \"profile.age\" is not a source")]
    [InlineData("\"answer:species\"", "\"answer:\"", "fields:")]
    [InlineData("[14]", "[0]", "reminderDays: each between 1 and 365.")]
    [InlineData("[14]", "[366]", "reminderDays: each between 1 and 365.")]
    [InlineData("\"validity\": { \"months\": 6 },", "", "reminderDays: a document that never expires")]
    [InlineData("[\"wallet\", \"counter\"]", "[]", "delivery:")]
    [InlineData("[\"afcd-office\"]", "[]", "counters:")]
    public void Check_OneRuleBroken_NamesIt(string find, string replace, string problem)
    {
        var definition = DocumentJson.Parse(With(find, replace), out var error);

        Assert.Null(definition);
        Assert.StartsWith(problem, error);
    }

    [Theory]
    [InlineData("\"delivery\": [\"wallet\", \"counter\"]", "\"delivery\": [\"wallet\", \"pigeon\"]")]
    [InlineData("\"kind\": \"permit\"", "\"kind\": \"passport\"")]
    [InlineData("\"reminderDays\"", "\"reminders\"")]
    public void Parse_UnknownValueOrKey_RefusedWithWhere(string find, string replace)
    {
        var definition = DocumentJson.Parse(With(find, replace), out var error);

        Assert.Null(definition);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void Parse_MissingTitle_Refused()
    {
        var definition = DocumentJson.Parse("""{ "numberPrefix": "X" }""", out var error);

        Assert.Null(definition);
        Assert.Contains("title", error);
    }

    [Fact]
    public void Parse_Null_TheFileIsEmpty()
    {
        Assert.Null(DocumentJson.Parse("null", out var error));
        Assert.Equal("The file is empty.", error);
    }

    [Fact]
    public void Check_TwentyYearsAndACounterless_WalletPostTemplate_Valid()
    {
        var definition = DocumentJson.Parse(With("{ \"months\": 6 }", "{ \"years\": 20 }").Replace("[\"wallet\", \"counter\"]", "[\"wallet\", \"post\"]").Replace("[\"afcd-office\"]", "[]"), out var error);

        Assert.Null(error);
        Assert.NotNull(definition);
    }
}
