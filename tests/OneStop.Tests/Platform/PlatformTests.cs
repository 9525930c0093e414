using System.Text.Json;
using OneStop.Platform.Localisation;
using OneStop.Tests.Infrastructure;

namespace OneStop.Tests.Platform;

public sealed class PlatformTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    private HttpClient Client => fixture.Client();

    [Theory]
    [InlineData("/")]
    [InlineData("/api/v1/services")]
    [InlineData("/no-such-page")]
    public async Task AnyResponse_CarriesSecurityHeaders(string url)
    {
        using var response = await Client.GetAsync(url, TestContext.Current.CancellationToken);
        var csp = string.Join("", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(response.Headers.Contains("Referrer-Policy"));
    }

    [Fact]
    public async Task HealthReady_WithMigratedDatabase_AnswersHealthy()
    {
        var (status, body) = await Client.GetTextAsync("/health/ready");
        Assert.Equal(200, status);
        Assert.Equal("Healthy", body);
        Assert.Equal(200, (await Client.GetTextAsync("/health/live")).Status);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheCatalogueAndInsightsApis()
    {
        var document = await Client.GetJsonAsync("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/services", out _));
        Assert.True(paths.TryGetProperty("/api/v1/services/{slug}", out _));
        Assert.True(paths.TryGetProperty("/api/v1/insights/digitisation", out _));
        var get = paths.GetProperty("/api/v1/services/{slug}").GetProperty("get");
        Assert.True(get.GetProperty("responses").TryGetProperty("404", out _));
        var q = paths.GetProperty("/api/v1/services").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .First(p => p.GetProperty("name").GetString() == "q");
        Assert.Contains("Traditional", q.GetProperty("description").GetString());
    }

    [Fact]
    public async Task DeveloperPage_ListsEveryApiOperationFromTheOpenApiDocument()
    {
        var (status, page) = await Client.GetPageAsync("/developers");
        Assert.Equal(200, status);
        var text = page.QuerySelector("main")!.TextContent;
        Assert.Contains("/api/v1/services/{slug}", text);
        Assert.Contains("/api/v1/insights/digitisation", text);
        Assert.NotNull(page.QuerySelector("a[href='/openapi/v1.json']"));
    }

    [Fact]
    public async Task StaticAssets_AreServedWithTheirLicence()
    {
        Assert.Equal(200, (await Client.GetTextAsync("/assets/onestop.css")).Status);
        var (status, licence) = await Client.GetTextAsync("/assets/LICENCE-govuk-frontend.txt");
        Assert.Equal(200, status);
        Assert.Contains("MIT", licence);
    }
}

public sealed class ProductionTests : IAsyncLifetime
{
    private readonly OneStopApp _app = new(Provider.Sqlite, seed: false) { Environment = "Production" };

    [Fact]
    public async Task HttpsResponse_OutsideDevelopment_CarriesHsts()
    {
        var client = _app.CreateClient(new() { BaseAddress = new Uri("https://onestop.example") });
        using var response = await client.GetAsync("/", TestContext.Current.CancellationToken);
        Assert.Contains("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Fact]
    public async Task Production_ByDefault_DoesNotLoadTheDemoCatalogue()
    {
        var list = await _app.CreateClient().GetJsonAsync("/api/v1/services");
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}

public sealed class LocalisationTests
{
    [Fact]
    public void Strings_EveryKey_ExistsInAllThreeLanguagesAndIsNotEmpty()
    {
        var text = new Text();
        // English alone has singular forms ("1 service"); Chinese has none.
        var english = text.Keys(Language.En).Where(k => !k.EndsWith(".one", StringComparison.Ordinal)).ToHashSet();
        foreach (var language in new[] { Language.ZhHk, Language.ZhCn })
        {
            Assert.Equal(english.Order(), text.Keys(language).Order());
            Assert.All(english, key => Assert.False(string.IsNullOrWhiteSpace(text.Get(language, key)), $"{language} {key}"));
        }
    }

    [Theory]
    [InlineData("en", 1, "1 service")]
    [InlineData("en", 2, "2 services")]
    [InlineData("en", 0, "0 services")]
    [InlineData("zh-HK", 1, "1 項服務")]
    [InlineData("zh-CN", 3, "3 项服务")]
    public void Count_InEachLanguage_UsesTheSingularOnlyWhereTheLanguageHasOne(string culture, int count, string expected)
    {
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo(culture);
        try
        {
            Assert.Equal(expected, new Text().Count("search.count", count));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }
    }

    [Theory]
    [InlineData("en-GB", Language.En)]
    [InlineData("zh-HK", Language.ZhHk)]
    [InlineData("zh-Hant-TW", Language.ZhHk)]
    [InlineData("zh-CN", Language.ZhCn)]
    [InlineData("zh-Hans", Language.ZhCn)]
    [InlineData("fr", null)]
    public void FromCulture_CommonTags_MapToOurLanguages(string tag, Language? expected) =>
        Assert.Equal(expected, Languages.FromCulture(tag));

    [Fact]
    public async Task Api_WithoutLang_FollowsAcceptLanguage()
    {
        await using var app = new OneStopApp(Provider.Sqlite);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN,zh;q=0.9,en;q=0.5");
        var list = await client.GetJsonAsync("/api/v1/services?q=passport");
        Assert.Contains("护照", list.GetProperty("items")[0].GetProperty("name").GetString());
    }
}
