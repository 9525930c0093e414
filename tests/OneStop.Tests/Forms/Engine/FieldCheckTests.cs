using System.Text.Json.Nodes;
using OneStop.Forms.Answers;
using OneStop.Forms.Definitions;
using OneStop.Identity.Profile;
using static OneStop.Tests.Forms.Engine.Engine;
using static OneStop.Tests.Forms.TestForms;

namespace OneStop.Tests.Forms.Engine;

/// <summary>One field's answer against its type and limits: the kind of error, or none.</summary>
public sealed class FieldCheckTests
{
    private static string? Kind(FieldDefinition field, string json) =>
        FieldCheck.Check(field, json == "missing" ? null : JsonNode.Parse(json), field.Id, Today)?.Kind;

    [Theory]
    [InlineData(FieldType.Text, "required")]
    [InlineData(FieldType.TextArea, "required")]
    [InlineData(FieldType.Number, "required")]
    [InlineData(FieldType.Date, "required")]
    [InlineData(FieldType.Email, "required")]
    [InlineData(FieldType.Address, "required")]
    [InlineData(FieldType.Radios, "requiredChoice")]
    [InlineData(FieldType.Checkboxes, "requiredChoice")]
    [InlineData(FieldType.YesNo, "requiredChoice")]
    [InlineData(FieldType.File, "requiredChoice")]
    [InlineData(FieldType.Declaration, "requiredChoice")]
    public void Check_RequiredAndUnanswered_AsksForAnAnswer(FieldType type, string kind)
    {
        var field = Field("f", type);

        Assert.Equal(kind, Kind(field, "missing"));
        Assert.Equal(kind, Kind(field, "null"));
        Assert.Null(Kind(field with { Required = false }, "missing"));
    }

    [Theory]
    [InlineData(FieldType.Guidance)]
    [InlineData(FieldType.Heading)]
    public void Check_ContentOnly_HasNoAnswerToCheck(FieldType type) => Assert.Null(Kind(Field("f", type), "\"anything\""));

    [Theory]
    [InlineData("\"Chan Tai Man\"", null)]
    [InlineData("\"C\"", "tooShort")]
    [InlineData("\"陳大文\"", null)]
    [InlineData("\"Chan Tai Man the Third of Kowloon\"", "tooLong")]
    [InlineData("\"Chan 42\"", "pattern")]
    [InlineData("42", "type")]
    public void Check_Text_LengthsAndPattern(string answer, string? kind)
    {
        var field = Field("name", FieldType.Text) with { MinLength = 2, MaxLength = 20, Pattern = @"[\p{L} ]+" };

        Assert.Equal(kind, Kind(field, answer));
    }

    [Fact]
    public void Check_Text_CountsCharactersAsPeopleSeeThem()
    {
        var field = Field("name", FieldType.Text) with { MaxLength = 2 };

        Assert.Null(Kind(field, "\"👩‍👩‍👧🇭🇰\""));
        Assert.Equal("tooLong", Kind(field, "\"abc\""));
    }

    [Fact]
    public void Check_TextWithoutLimits_HasDefaultMaximums()
    {
        Assert.Equal("tooLong", Kind(Field("t", FieldType.Text), $"\"{new string('a', 501)}\""));
        Assert.Null(Kind(Field("t", FieldType.TextArea), $"\"{new string('a', 5000)}\""));
        Assert.Equal("tooLong", Kind(Field("t", FieldType.TextArea), $"\"{new string('a', 5001)}\""));
    }

    [Theory]
    [InlineData("\"name@example.com\"", null)]
    [InlineData("\"name@example\"", "email")]
    [InlineData("\"name example.com\"", "email")]
    [InlineData("\"@example.com\"", "email")]
    public void Check_Email_NeedsAnAddressShape(string answer, string? kind) =>
        Assert.Equal(kind, Kind(Field("e", FieldType.Email), answer));

    [Theory]
    [InlineData("A123456(3)", null)]
    [InlineData("A123456(4)", "hkid")]
    [InlineData("A1234563", "hkid")]
    [InlineData("a123456(3)", "hkid")]
    [InlineData("G000000(A)", null)]
    [InlineData("G000000(0)", "hkid")]
    [InlineData("AB987654(3)", null)]
    [InlineData("AB987654(2)", "hkid")]
    [InlineData("AB987654(a)", "hkid")]
    [InlineData("123456(3)", "hkid")]
    public void Check_HongKongId_ChecksTheCheckDigitInTheCardsOwnFormat(string answer, string? kind) =>
        Assert.Equal(kind, Kind(Field("id", FieldType.HongKongId), $"\"{answer}\""));

    [Fact]
    public void Check_HongKongId_AcceptsEveryNumberWithItsComputedCheckDigit()
    {
        foreach (var body in new[] { "A000000", "Z999999", "CA182361", "WX123456", "M654321" })
        {
            var id = $"{body}({HongKongId.CheckDigit(body)})";
            Assert.Null(Kind(Field("id", FieldType.HongKongId), $"\"{id}\""));
        }
    }

    [Theory]
    [InlineData("hk", "21234567", null)]
    [InlineData("hk", "91234567", null)]
    [InlineData("hk", "11234567", "phoneHk")]
    [InlineData("hk", "2123 4567", "phoneHk")]
    [InlineData("hk", "+85221234567", "phoneHk")]
    [InlineData("international", "+442079460000", null)]
    [InlineData("international", "442079460000", "phoneInternational")]
    [InlineData("international", "+0442079460", "phoneInternational")]
    [InlineData("international", "+1234567890123456", "phoneInternational")]
    [InlineData("any", "21234567", null)]
    [InlineData("any", "+8613812345678", null)]
    [InlineData("any", "1234", "phoneAny")]
    public void Check_Phone_FollowsItsRegion(string region, string answer, string? kind) =>
        Assert.Equal(kind, Kind(Field("p", FieldType.Phone) with { PhoneRegion = region }, $"\"{answer}\""));

    [Fact]
    public void Check_PhoneWithoutRegion_IsAHongKongNumber() =>
        Assert.Equal("phoneHk", Kind(Field("p", FieldType.Phone), "\"+442079460000\""));

    [Theory]
    [InlineData(FieldType.Number, "12", null)]
    [InlineData(FieldType.Number, "12.0", null)]
    [InlineData(FieldType.Number, "12.5", "notWholeNumber")]
    [InlineData(FieldType.Number, "\"12\"", "notNumber")]
    [InlineData(FieldType.Number, "0", "tooSmall")]
    [InlineData(FieldType.Number, "501", "tooLarge")]
    [InlineData(FieldType.Decimal, "12.345", null)]
    [InlineData(FieldType.Decimal, "0.5", "tooSmall")]
    [InlineData(FieldType.Money, "120.50", null)]
    [InlineData(FieldType.Money, "120.5", null)]
    [InlineData(FieldType.Money, "120.500", null)]
    [InlineData(FieldType.Money, "120.505", "money")]
    [InlineData(FieldType.Money, "-1", "money")]
    [InlineData(FieldType.Money, "500.01", "tooLarge")]
    [InlineData(FieldType.Money, "true", "notNumber")]
    public void Check_Numbers_KindScaleAndLimits(FieldType type, string answer, string? kind) =>
        Assert.Equal(kind, Kind(Field("n", type) with { Min = 1, Max = 500 }, answer));

    [Theory]
    [InlineData("2026-03-15", null)]
    [InlineData("2026-03-14", "dateTooEarly")]
    [InlineData("2026-04-14", null)]
    [InlineData("2026-04-15", "dateTooLate")]
    [InlineData("2026-02-30", "notDate")]
    [InlineData("15/03/2026", "notDate")]
    [InlineData("2026-3-15", "notDate")]
    public void Check_Date_InsideItsWindow(string answer, string? kind) =>
        Assert.Equal(kind, Kind(Field("d", FieldType.Date) with { NotBefore = "today", NotAfter = "today+30d" }, $"\"{answer}\""));

    [Fact]
    public void Check_DateTooEarly_CarriesTheResolvedBound()
    {
        var error = FieldCheck.Check(Field("born", FieldType.Date) with { NotAfter = "today-18y" }, JsonValue.Create("2010-01-01"), "born", Today);

        Assert.Equal("dateTooLate", error?.Kind);
        Assert.Equal(new DateOnly(2008, 3, 15), Assert.Single(error!.Args));
    }

    [Theory]
    [InlineData("true", null)]
    [InlineData("false", null)]
    [InlineData("\"yes\"", "type")]
    public void Check_YesNo_IsABoolean(string answer, string? kind) => Assert.Equal(kind, Kind(Field("y", FieldType.YesNo), answer));

    [Theory]
    [InlineData("true", null)]
    [InlineData("false", "declaration")]
    [InlineData("1", "type")]
    public void Check_Declaration_MustBeConfirmed(string answer, string? kind) => Assert.Equal(kind, Kind(Field("d", FieldType.Declaration), answer));

    [Theory]
    [InlineData(FieldType.Radios, "\"b\"", null)]
    [InlineData(FieldType.Radios, "\"z\"", "notOption")]
    [InlineData(FieldType.Select, "\"c\"", null)]
    [InlineData(FieldType.Select, "[\"c\"]", "notOption")]
    public void Check_SingleChoice_IsOneOfTheOptions(FieldType type, string answer, string? kind) =>
        Assert.Equal(kind, Kind(Choice("c", type, "a", "b", "c"), answer));

    [Theory]
    [InlineData("[\"a\"]", "tooFewSelected")]
    [InlineData("[\"a\",\"b\"]", null)]
    [InlineData("[\"a\",\"b\",\"c\"]", null)]
    [InlineData("[\"a\",\"b\",\"c\",\"d\"]", "tooManySelected")]
    [InlineData("[\"a\",\"a\"]", "notOption")]
    [InlineData("[\"a\",\"z\"]", "notOption")]
    [InlineData("[\"a\",1]", "type")]
    [InlineData("\"a\"", "type")]
    public void Check_Checkboxes_OptionsAndLimits(string answer, string? kind) =>
        Assert.Equal(kind, Kind(Choice("c", FieldType.Checkboxes, "a", "b", "c", "d") with { MinSelected = 2, MaxSelected = 3 }, answer));

    [Theory]
    [InlineData("""{"flat":"A","floor":"12","building":"Wing On House","street":"71 Des Voeux Road Central","district":"central-and-western"}""", null)]
    [InlineData("""{"street":"1 Nathan Road","district":"yau-tsim-mong"}""", null)]
    [InlineData("""{"building":"Lung Poon Court","district":"wong-tai-sin","estate":null}""", null)]
    [InlineData("""{"street":"1 Nathan Road","district":"kowloon"}""", "addressDistrict")]
    [InlineData("""{"street":"1 Nathan Road"}""", "addressDistrict")]
    [InlineData("""{"flat":"A","district":"wan-chai"}""", "addressStreet")]
    [InlineData("""{"street":"1 Nathan Road","district":"yau-tsim-mong","country":"HK"}""", "type")]
    [InlineData("""{"street":1,"district":"yau-tsim-mong"}""", "type")]
    [InlineData("\"1 Nathan Road\"", "type")]
    public void Check_Address_HongKongStructure(string answer, string? kind) => Assert.Equal(kind, Kind(Field("a", FieldType.Address), answer));

    [Fact]
    public void Check_AddressPartTooLong_IsRefused() =>
        Assert.Equal("tooLong", Kind(Field("a", FieldType.Address), $$"""{"street":"{{new string('x', 201)}}","district":"islands"}"""));

    [Theory]
    [InlineData("""[{"id":"f1","name":"plan.pdf","type":"pdf","size":1000,"sha256":"ab"}]""", null)]
    [InlineData("""[{"id":"f1"},{"id":"f2"}]""", null)]
    [InlineData("""[{"id":"f1"},{"id":"f2"},{"id":"f3"}]""", "tooManyFiles")]
    [InlineData("""[{"name":"plan.pdf"}]""", "type")]
    [InlineData("""["f1"]""", "type")]
    public void Check_Files_ShapeAndCount(string answer, string? kind) =>
        Assert.Equal(kind, Kind(Field("f", FieldType.File) with { Accept = ["pdf"], MaxFiles = 2 }, answer));

    [Fact]
    public void Check_FileWithoutMaxFiles_TakesOne() =>
        Assert.Equal("tooManyFiles", Kind(Field("f", FieldType.File) with { Accept = ["pdf"] }, """[{"id":"f1"},{"id":"f2"}]"""));

    [Theory]
    [InlineData("[{}]", null)]
    [InlineData("[{},{},{}]", null)]
    [InlineData("[{},{},{},{}]", "tooManyItems")]
    [InlineData("[]", "requiredChoice")]
    [InlineData("[1]", "type")]
    [InlineData("{\"x\":\"a\"}", "type")]
    [InlineData("{}", "requiredChoice")]
    public void Check_Group_ItemCount(string answer, string? kind) =>
        Assert.Equal(kind, Kind(Field("g", FieldType.Group, required: false) with { MinItems = 1, MaxItems = 3, Fields = [Field("x", FieldType.Text)] }, answer));

    [Fact]
    public void Check_GroupBelowMinItems_SaysHowMany() =>
        Assert.Equal("tooFewItems", Kind(Field("g", FieldType.Group) with { MinItems = 2, MaxItems = 3, Fields = [Field("x", FieldType.Text)] }, "[{}]"));

    [Fact]
    public void Check_DepartmentWording_ComesWithTheError()
    {
        var field = Field("seats", FieldType.Number) with { Min = 1, Errors = new Dictionary<string, Words> { ["tooSmall"] = W("A restaurant has at least one seat") } };

        var error = FieldCheck.Check(field, JsonValue.Create(0), "seats", Today);

        Assert.Equal("A restaurant has at least one seat", error?.Custom?.En);
        Assert.Null(FieldCheck.Check(field, JsonValue.Create(1.5m), "seats", Today)?.Custom);
    }
}
