using OneStop.Tests.Infrastructure;

namespace OneStop.Tests.Insights;

public abstract class DigitisationTests(AppFixture fixture)
{
    private HttpClient Client => fixture.Client();

    [Fact]
    public async Task Digitisation_Totals_AgreeWithDepartmentsAndWithTheLiveCatalogue()
    {
        var figures = await Client.GetJsonAsync("/api/v1/insights/digitisation");
        var byDepartment = figures.GetProperty("byDepartment").EnumerateArray().ToList();
        foreach (var field in new[] { "services", "online", "eSubmission", "ePayment", "eDelivery", "signIn" })
            Assert.Equal(figures.GetProperty(field).GetInt32(), byDepartment.Sum(d => d.GetProperty(field).GetInt32()));

        var listed = new List<System.Text.Json.JsonElement>();
        for (var page = 1; ; page++)
        {
            var items = (await Client.GetJsonAsync($"/api/v1/services?pageSize=100&page={page}")).GetProperty("items").EnumerateArray().ToList();
            if (items.Count == 0) break;
            listed.AddRange(items);
        }
        var live = listed.Where(i => i.GetProperty("status").GetString() == "live").ToList();
        Assert.Equal(live.Count, figures.GetProperty("services").GetInt32());
        Assert.Equal(live.Count(i => i.GetProperty("channels").EnumerateArray().Any(c => c.GetString() == "e-payment")),
            figures.GetProperty("ePayment").GetInt32());
        var online = figures.GetProperty("online").GetInt32();
        Assert.InRange(online, 1, live.Count - 1); // the demo has both online and counter-only services
        Assert.Equal(1.0, figures.GetProperty("target").GetDouble());
    }

    [Fact]
    public async Task Digitisation_BadLang_Answers400LikeTheOtherApis()
    {
        var (status, body) = await Client.GetTextAsync("/api/v1/insights/digitisation?lang=fr");
        Assert.Equal(400, status);
        Assert.Contains("\"lang\"", body);
    }

    [Fact]
    public async Task ProgressPage_ChartAndTable_ShowTheSameShares()
    {
        var (status, page) = await Client.GetPageAsync("/progress");
        Assert.Equal(200, status);
        var chart = page.QuerySelectorAll("#chart-overall .onestop-chart__value").Select(v => v.TextContent.Trim()).ToList();
        var table = page.QuerySelectorAll("table")[0].QuerySelectorAll("tbody tr td:last-child").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(5, chart.Count);
        Assert.Equal(chart, table);
        Assert.All(page.QuerySelectorAll("svg"), svg => Assert.Equal("true", svg.GetAttribute("aria-hidden")));
        Assert.NotNull(page.QuerySelector("figure figcaption"));
    }
}

public sealed class DigitisationTests_Sqlite(SqliteFixture fixture) : DigitisationTests(fixture), IClassFixture<SqliteFixture>;

public sealed class DigitisationTests_Postgres(PostgresFixture fixture) : DigitisationTests(fixture), IClassFixture<PostgresFixture>;
