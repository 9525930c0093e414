using OneStop.Tests.Identity;
using OneStop.Tests.Office;

namespace OneStop.Tests.Forms.Filling;

/// <summary>The demo food-hygiene report, page by page, as a signed-in person without JavaScript fills it in.</summary>
public sealed class DemoFormJourneyTests : IAsyncLifetime
{
    private readonly OneStopApp _app = new(Provider.Sqlite);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ServicePage_StartFormPublished_StartNowOpensTheStartPage()
    {
        var client = _app.NewBrowser();

        var (status, page) = await client.GetPageAsync($"/services/{FillingSteps.DemoService}");

        Assert.Equal(200, status);
        Assert.Equal($"/services/{FillingSteps.DemoService}/apply", page.QuerySelector("a.govuk-button--start")?.GetAttribute("href"));
    }

    [Fact]
    public async Task Journey_AnswersEveryPage_SubmitsWithReferenceAndAcknowledges()
    {
        var client = _app.NewBrowser();
        await client.SignedInAsync(_app);
        var first = await client.StartAsync();
        var draft = FillingSteps.DraftPath(first);

        // Choosing "illness" brings up the question it turns on, on the same page, before any error.
        using (var reveal = await client.AnswerAsync(first, [("problem", "illness"), .. _app.DateBoxes("when", 2)]))
            Assert.Equal($"{first}#peopleIll", reveal.Location());
        var (_, whatPage) = await client.GetPageAsync(first);
        Assert.NotNull(whatPage.QuerySelector("input#peopleIll"));
        Assert.Equal("Step 1 of 3", whatPage.QuerySelector("[data-step]")!.FirstChild!.TextContent.Trim());

        // A word in a number box: the error says so and the box still says "twelve".
        using var twelve = await client.AnswerAsync(first, ("peopleIll", "twelve"));
        var error = await twelve.ReadPageAsync();
        Assert.Equal(200, (int)twelve.StatusCode);
        Assert.StartsWith("Error: ", error.Title);
        Assert.Equal(["‘How many people became ill?’ must be a number"], error.ErrorSummary());
        Assert.Equal("#peopleIll", error.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
        Assert.Equal("twelve", error.QuerySelector("input#peopleIll")!.GetAttribute("value"));

        // A date that does not exist.
        using var badDate = await client.AnswerAsync(first, ("peopleIll", "12"), ("when.day", "31"), ("when.month", "2"), ("when.year", "2026"));
        var dateError = await badDate.ReadPageAsync();
        Assert.Equal(["‘When did it happen?’ must be a real date"], dateError.ErrorSummary());
        Assert.Equal("#when-day", dateError.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
        Assert.Equal("31", dateError.QuerySelector("input#when-day")!.GetAttribute("value"));

        using (var what = await client.AnswerAsync(first, [("peopleIll", "12"), .. _app.DateBoxes("when", 2)]))
            Assert.Equal($"{draft}/where", what.Location());
        using (var where = await client.AnswerAsync($"{draft}/where", ("shopName", "Lucky Noodles"), ("shopAddress.flat", "Shop 3"),
                   ("shopAddress.building", "Lucky Building"), ("shopAddress.street", "12 Nathan Road"), ("shopAddress.district", "yau-tsim-mong"),
                   ("details", "Twelve of us were ill")))
            Assert.Equal($"{draft}/contact", where.Location());
        using (var contact = await client.AnswerAsync($"{draft}/contact", ("wantsReply", "true")))
            Assert.Equal($"{draft}/contact#email", contact.Location());
        using (var contact = await client.AnswerAsync($"{draft}/contact", ("email", "ill@example.com")))
            Assert.Equal($"{draft}/check", contact.Location());

        var (status, check) = await client.GetPageAsync($"{draft}/check");
        Assert.Equal(200, status);
        Assert.Equal("Someone became ill after eating", Value(check, "problem"));
        Assert.Equal("12", Value(check, "peopleIll"));
        Assert.Equal("Yes", Value(check, "wantsReply"));
        Assert.Contains("Yau Tsim Mong", Value(check, "shopAddress"));
        Assert.Contains("Kowloon", Value(check, "shopAddress"));
        Assert.Equal($"{draft}/what?change=1#peopleIll", check.QuerySelector("[data-field=peopleIll] .govuk-summary-list__actions a")!.GetAttribute("href"));

        using var submit = await client.SubmitAsync(check, $"{draft}/check", new Dictionary<string, string>());
        Assert.Equal($"{draft}/sent", submit.Location());
        var (_, sent) = await client.GetPageAsync($"{draft}/sent");
        Assert.Matches(@"^FEHD-\d{4}-000001$", sent.QuerySelector("[data-reference]")!.TextContent.Trim());
        Assert.Equal("/applications", sent.QuerySelector("main a.govuk-link")!.GetAttribute("href"));

        // A sent draft's pages all lead to its acknowledgement.
        using var again = await client.GetAsync(first, TestContext.Current.CancellationToken);
        Assert.Equal($"{draft}/sent", again.Location());
        using var checkAgain = await client.GetAsync($"{draft}/check", TestContext.Current.CancellationToken);
        Assert.Equal($"{draft}/sent", checkAgain.Location());
    }

    [Fact]
    public async Task Journey_OtherAnswerChosen_SkipsTheConditionalQuestion()
    {
        var client = _app.NewBrowser();
        await client.SignedInAsync(_app);
        var first = await client.StartAsync();

        var check = await client.AnswerDemoFormAsync(_app, first);

        var (_, page) = await client.GetPageAsync(check);
        Assert.Null(page.QuerySelector("[data-field=peopleIll]"));
        Assert.Equal("Dirty premises", Value(page, "problem"));
        Assert.Null(page.QuerySelector("[data-field=email]"));
    }

    private static string Value(AngleSharp.Dom.IDocument page, string field) =>
        page.QuerySelector($"[data-field={field}] .govuk-summary-list__value")?.TextContent.Trim() ?? throw new Xunit.Sdk.XunitException($"No answer row for {field}");
}
