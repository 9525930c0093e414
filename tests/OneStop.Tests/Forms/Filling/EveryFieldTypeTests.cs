using OneStop.Forms.Definitions;
using OneStop.Tests.Identity;
using OneStop.Tests.Office;
using static OneStop.Tests.Forms.TestForms;

namespace OneStop.Tests.Forms.Filling;

/// <summary>Every field type rendered with its GOV.UK component, read back into canonical answers and shown for people on check your answers.</summary>
public sealed class EveryFieldTypeTests : IAsyncLifetime
{
    private readonly OneStopApp _app = new(Provider.Sqlite);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Pages_EveryFieldType_RoundTripToCheckYourAnswers()
    {
        var slug = await TestJourneys.PublishForServiceAsync(_app, TestJourneys.EveryType());
        var client = _app.NewBrowser();
        await client.SignedInAsync(_app);
        var first = await client.StartAsync(slug);
        var draft = FillingSteps.DraftPath(first);

        var (_, simple) = await client.GetPageAsync(first);
        Assert.NotNull(simple.QuerySelector("h2#intro"));
        Assert.Equal("200", simple.QuerySelector(".govuk-character-count")!.GetAttribute("data-maxlength"));
        Assert.Equal("numeric", simple.QuerySelector("input#count")!.GetAttribute("inputmode"));
        Assert.Equal("HK$", simple.QuerySelector("#fee")!.ParentElement!.QuerySelector(".govuk-input__prefix")!.TextContent);
        Assert.Equal(3, simple.QuerySelectorAll("#born input").Length);
        Assert.Equal(2, simple.QuerySelectorAll(".govuk-radios--inline input[name=agree]").Length);
        Assert.Equal(3, simple.QuerySelectorAll("input[type=checkbox][name=extras]").Length);
        Assert.Equal("email", simple.QuerySelector("input#mail")!.GetAttribute("type"));
        Assert.Equal("tel", simple.QuerySelector("input#tel")!.GetAttribute("type"));

        using (var page1 = await client.AnswerAsync(first, [("name", "Chan Tai Man"), ("story", "Line one\nLine two"), ("count", "1,200"), ("ratio", "2.5"),
                   ("fee", "HK$1234.5"), .. _app.DateBoxes("born", 400), ("agree", "true"), ("colour", "blue"), ("extras", "bell"), ("extras", "wheels"),
                   ("size", "large"), ("mail", "tai.man@example.com"), ("tel", "2123 4567"), ("card", "a1234563")]))
            Assert.Equal($"{draft}/more", page1.Location());

        var (_, more) = await client.GetPageAsync($"{draft}/more");
        Assert.NotNull(more.QuerySelector("select#home-district optgroup option[value=wan-chai]"));
        Assert.NotNull(more.QuerySelector("[data-file-field=photo]"));
        Assert.Equal("1", more.QuerySelector("input[name='people.items']")!.GetAttribute("value"));
        Assert.Equal("true", more.QuerySelector("input#truth[type=checkbox]")!.GetAttribute("value"));
        using (var page2 = await client.AnswerAsync($"{draft}/more", ("home.flat", "Flat 5"), ("home.floor", "3/F"), ("home.building", "Harbour Tower"),
                   ("home.street", "8 Gloucester Road"), ("home.district", "wan-chai"), ("people.0.pname", "Ann"), ("people.0.age", "30"), ("truth", "true")))
            Assert.Equal($"{draft}/check", page2.Location());

        var (_, check) = await client.GetPageAsync($"{draft}/check");
        Assert.Equal("Chan Tai Man", Value(check, "name"));
        Assert.Equal("Line one\nLine two", Lines(check, "story"));
        Assert.Equal("1,200", Value(check, "count"));
        Assert.Equal("2.5", Value(check, "ratio"));
        Assert.Equal("HK$1,234.50", Value(check, "fee"));
        Assert.Equal(OneStop.Forms.Answers.Dates.Long(OneStop.Platform.Localisation.HongKongTime.Today(_app.Clock).AddDays(-400), OneStop.Platform.Localisation.Language.En), Value(check, "born"));
        Assert.Equal("Yes", Value(check, "agree"));
        Assert.Equal("Blue", Value(check, "colour"));
        Assert.Equal(["Wheels", "Bell"], check.QuerySelectorAll("[data-field=extras] li").Select(li => li.TextContent.Trim()));
        Assert.Equal("Large", Value(check, "size"));
        Assert.Equal("21234567", Value(check, "tel"));
        Assert.Equal("A123456(3)", Value(check, "card"));
        Assert.Equal("Flat 5, 3/F\nHarbour Tower\n8 Gloucester Road\nWan Chai\nHong Kong Island",
            Lines(check, "home"));
        Assert.Equal("Not answered", Value(check, "photo"));
        Assert.Contains("Person 1", Value(check, "people"));
        Assert.Contains("pname: Ann", Value(check, "people"));
        Assert.Contains("age: 30", Value(check, "people"));
        Assert.Equal("Confirmed", Value(check, "truth"));
        Assert.Empty(check.ErrorSummary());

        // Each page shows the answers back in their boxes.
        var (_, again) = await client.GetPageAsync(first);
        Assert.Equal("1200", again.QuerySelector("input#count")!.GetAttribute("value"));
        Assert.Equal("1234.50", again.QuerySelector("input#fee")!.GetAttribute("value"));
        Assert.NotNull(again.QuerySelector("input[name=extras][value=bell][checked]"));
        Assert.Equal("large", again.QuerySelector("select#size option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Pages_WrongValues_ShowEachErrorLinkedToItsBox()
    {
        var slug = await TestJourneys.PublishForServiceAsync(_app, TestJourneys.EveryType());
        var client = _app.NewBrowser();
        await client.SignedInAsync(_app);
        var first = await client.StartAsync(slug);
        var more = FillingSteps.DraftPath(first) + "/more";

        using var response = await client.AnswerAsync(more, ("home.building", "Harbour Tower"), ("people.0.age", "old"));

        var page = await response.ReadPageAsync();
        var links = page.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#home-district", "#people-0-pname", "#people-0-age", "#truth"], links);
        Assert.Equal("old", page.QuerySelector("input#people-0-age")!.GetAttribute("value"));
        Assert.Equal("Harbour Tower", page.QuerySelector("input#home-building")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("select#home-district.govuk-select--error"));
    }

    [Fact]
    public async Task Group_AddAndRemove_StopsAtMaxItems()
    {
        var slug = await TestJourneys.PublishForServiceAsync(_app, OnePage("td-people", TestJourneys.People()));
        var client = _app.NewBrowser();
        await client.SignedInAsync(_app);
        var first = await client.StartAsync(slug);

        using (var add = await client.AnswerAsync(first, ("people.0.pname", "Ann"), ("intent", "add:people")))
            Assert.Equal($"{first}#people-1-item", add.Location());
        var (_, two) = await client.GetPageAsync(first);
        Assert.Equal("Ann", two.QuerySelector("input#people-0-pname")!.GetAttribute("value"));
        Assert.NotNull(two.QuerySelector("input#people-1-pname"));
        Assert.Null(two.QuerySelector("#people-add")); // maxItems is 2
        Assert.Equal("Remove Person 2", two.QuerySelectorAll("button[value^='remove:']")[1].TextContent.Trim().Replace("\n", "").Replace("  ", ""));

        using (var remove = await client.PostPageAsync(two, first, ("people.1.pname", "Bo"), ("intent", "remove:people.0")))
            Assert.Equal($"{first}#people", remove.Location());
        var (_, one) = await client.GetPageAsync(first);
        Assert.Equal("Bo", one.QuerySelector("input#people-0-pname")!.GetAttribute("value"));
        Assert.Null(one.QuerySelector("input#people-1-pname"));
        Assert.NotNull(one.QuerySelector("button#people-add"));

        using (var done = await client.AnswerAsync(first))
            Assert.Equal(FillingSteps.DraftPath(first) + "/check", done.Location());
    }

    [Fact]
    public async Task Group_EveryItemRemoved_AsksForOne()
    {
        var slug = await TestJourneys.PublishForServiceAsync(_app, OnePage("td-people", TestJourneys.People()));
        var client = _app.NewBrowser();
        await client.SignedInAsync(_app);
        var first = await client.StartAsync(slug);

        using var empty = await client.AnswerAsync(first);

        var page = await empty.ReadPageAsync();
        Assert.Equal(["Enter an answer to ‘pname’"], page.ErrorSummary());
        Assert.Equal("#people-0-pname", page.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
    }

    private static string Lines(AngleSharp.Dom.IDocument page, string field) =>
        string.Join("\n", page.QuerySelector($"[data-field={field}] .govuk-summary-list__value")!.InnerHtml.Split("<br>").Select(l => System.Net.WebUtility.HtmlDecode(l.Trim())));

    private static string Value(AngleSharp.Dom.IDocument page, string field) =>
        page.QuerySelector($"[data-field={field}] .govuk-summary-list__value")?.TextContent.Trim() ?? throw new Xunit.Sdk.XunitException($"No answer row for {field}");
}
