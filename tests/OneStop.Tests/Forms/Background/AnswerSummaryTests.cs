using System.Text.Json.Nodes;
using OneStop.Forms.Acknowledgement;
using OneStop.Forms.Definitions;
using OneStop.Platform.Localisation;
using static OneStop.Tests.Forms.TestForms;

namespace OneStop.Tests.Forms.Background;

/// <summary>Answers read back in words, per page shown, in each language.</summary>
public sealed class AnswerSummaryTests
{
    private static readonly AnswerSummary Summary = new(new Text());
    private static readonly DateOnly Today = new(2026, 11, 27);

    private static FormDefinition Form() => new()
    {
        Id = "td-summary",
        Department = "TD",
        Title = W("Summary"),
        Pages =
        [
            new PageDefinition
            {
                Id = "about",
                Title = W("About you"),
                Fields =
                [
                    Field("intro", FieldType.Guidance),
                    Field("born", FieldType.Date),
                    Field("fee", FieldType.Money),
                    Field("owner", FieldType.YesNo),
                    Field("colour", FieldType.Radios) with { Options = [new() { Value = "red", Label = W("Red") }, new() { Value = "blue", Label = W("Blue") }] },
                    Field("uses", FieldType.Checkboxes) with { Options = [new() { Value = "work", Label = W("Work") }, new() { Value = "home", Label = W("Home") }] },
                    Field("home", FieldType.Address),
                    Field("photos", FieldType.File),
                    Field("note", FieldType.Text, required: false),
                ],
            },
            new PageDefinition
            {
                Id = "drivers",
                Title = W("Drivers"),
                Fields =
                [
                    Field("drivers", FieldType.Group) with { ItemLabel = W("Driver"), Fields = [Field("name", FieldType.Text)] },
                    Field("agree", FieldType.Declaration),
                ],
            },
            new PageDefinition
            {
                Id = "business",
                Title = W("Business"),
                ShowIf = new FieldCondition("owner", Comparison.Equals, JsonValue.Create(false)),
                Fields = [Field("company", FieldType.Text)],
            },
        ],
    };

    private static JsonObject Answers() => new()
    {
        ["born"] = "1990-03-07",
        ["fee"] = 1234.5m,
        ["owner"] = true,
        ["colour"] = "blue",
        ["uses"] = new JsonArray("work", "home"),
        ["home"] = new JsonObject { ["flat"] = "Flat A", ["floor"] = "12/F", ["building"] = "Harbour Building", ["street"] = "1 Harbour Road", ["district"] = "wan-chai" },
        ["photos"] = new JsonArray(new JsonObject { ["id"] = "f1", ["name"] = "front.jpg", ["type"] = "jpeg", ["size"] = 10, ["sha256"] = "00" }),
        ["drivers"] = new JsonArray(new JsonObject { ["name"] = "Chan Tai Man" }, new JsonObject { ["name"] = "Wong Siu Ming" }),
        ["agree"] = true,
    };

    private static IReadOnlyDictionary<string, AnswerRow> Rows(Language language) =>
        Summary.Build(Form(), Answers(), language, Today).SelectMany(s => s.Rows).ToDictionary(r => r.Path);

    [Fact]
    public void Build_English_FormatsEachTypeInWords()
    {
        var rows = Rows(Language.En);

        Assert.Equal(["7 March 1990"], rows["born"].Lines);
        Assert.Equal(["HK$1,234.50"], rows["fee"].Lines);
        Assert.Equal(["Yes"], rows["owner"].Lines);
        Assert.Equal(["Blue"], rows["colour"].Lines);
        Assert.Equal(["Work", "Home"], rows["uses"].Lines);
        Assert.Equal(["Flat A, 12/F", "Harbour Building", "1 Harbour Road", "Wan Chai", "Hong Kong Island"], rows["home"].Lines);
        Assert.Equal(["front.jpg"], rows["photos"].Lines);
        Assert.Equal(["Not answered"], rows["note"].Lines);
        Assert.Equal(["Confirmed"], rows["agree"].Lines);
        Assert.False(rows.ContainsKey("intro"));
    }

    [Fact]
    public void Build_Group_ItemisesEachEntry()
    {
        var drivers = Rows(Language.En)["drivers"];

        Assert.Equal(["Driver 1", "Driver 2"], drivers.Items.Select(i => i.Title));
        Assert.Equal("drivers.1.name", drivers.Items[1].Rows.Single().Path);
        Assert.Equal(["Wong Siu Ming"], drivers.Items[1].Rows.Single().Lines);
    }

    [Fact]
    public void Build_PageNotShown_IsLeftOut()
    {
        var sections = Summary.Build(Form(), Answers(), Language.En, Today);

        Assert.Equal(["About you", "Drivers"], sections.Select(s => s.Title));
    }

    [Fact]
    public void Build_TraditionalChinese_UsesChineseDatesLabelsAndDistricts()
    {
        var rows = Rows(Language.ZhHk);

        Assert.Equal("born（繁）", rows["born"].Label);
        Assert.Equal(["1990年3月7日"], rows["born"].Lines);
        Assert.Equal(["是"], rows["owner"].Lines);
        Assert.Equal(["Blue（繁）"], rows["colour"].Lines);
        Assert.Contains("灣仔區", rows["home"].Lines);
        Assert.Equal(["HK$1,234.50"], rows["fee"].Lines);
    }
}
