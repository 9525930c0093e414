using OneStop.Tests.Infrastructure;

namespace OneStop.Tests.Catalogue;

/// <summary>The citizen's pages, read as HTML the way a browser without JavaScript gets them.</summary>
public sealed class CataloguePagesTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    private HttpClient Client => fixture.Client();

    [Theory]
    [InlineData("/", "en")]
    [InlineData("/zh-hk/", "zh-HK")]
    [InlineData("/zh-cn/", "zh-CN")]
    [InlineData("/search?q=tax", "en")]
    [InlineData("/zh-hk/search?q=%E7%A8%85", "zh-HK")]
    [InlineData("/zh-cn/departments", "zh-CN")]
    [InlineData("/progress", "en")]
    [InlineData("/zh-hk/progress", "zh-HK")]
    public async Task Page_InEachLanguage_HasLangSkipLinkAndOneH1(string url, string lang)
    {
        var (status, page) = await Client.GetPageAsync(url);
        Assert.Equal(200, status);
        Assert.Equal(lang, page.DocumentElement.GetAttribute("lang"));
        Assert.Single(page.QuerySelectorAll("h1"));
        Assert.Equal("#main-content", page.QuerySelector("a.govuk-skip-link")?.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("main#main-content"));
    }

    [Fact]
    public async Task Home_InTraditionalChinese_ShowsChineseHeadingAndTopicLinksWithPrefix()
    {
        var (_, page) = await Client.GetPageAsync("/zh-hk/");
        Assert.Equal("尋找政府服務", page.QuerySelector("h1")!.TextContent.Trim());
        var browseLinks = page.QuerySelectorAll("a[href*='/browse/']").Select(a => a.GetAttribute("href")!).ToList();
        Assert.NotEmpty(browseLinks);
        Assert.All(browseLinks, href => Assert.StartsWith("/zh-hk/browse/", href));
    }

    [Fact]
    public async Task LanguageSwitcher_OnAServicePage_LinksToTheSamePageInTheOtherLanguages()
    {
        var slug = (await Client.GetJsonAsync("/api/v1/services?q=passport")).Slugs().First();
        var (_, page) = await Client.GetPageAsync($"/zh-cn/services/{slug}?x=1");
        var links = page.QuerySelectorAll(".govuk-language-navigation__link").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"/services/{slug}?x=1", $"/zh-hk/services/{slug}?x=1"], links);
        Assert.Equal("简体中文", page.QuerySelector(".govuk-language-navigation__text[aria-current='true']")?.TextContent);
    }

    [Fact]
    public async Task ServicePage_OnlineServiceWithItsOwnAddress_StartNowLeadsThere()
    {
        var details = await OnlineServicesAsync();
        var external = details.First(d => d.GetProperty("externalUrl").ValueKind == System.Text.Json.JsonValueKind.String);
        var (_, page) = await Client.GetPageAsync($"/services/{external.GetProperty("slug").GetString()}");
        Assert.Equal(external.GetProperty("externalUrl").GetString(), page.QuerySelector("a.govuk-button--start")?.GetAttribute("href"));
    }

    [Fact]
    public async Task ServicePage_OnlineServiceWithoutAnAddress_PointsToTheDepartmentWebsiteInsteadOfADeadEnd()
    {
        var details = await OnlineServicesAsync();
        var internalOnly = details.First(d => d.GetProperty("externalUrl").ValueKind == System.Text.Json.JsonValueKind.Null);
        var (_, page) = await Client.GetPageAsync($"/services/{internalOnly.GetProperty("slug").GetString()}");
        Assert.Null(page.QuerySelector("a.govuk-button--start"));
        Assert.Equal(internalOnly.GetProperty("department").GetProperty("website").GetString(),
            page.QuerySelector(".govuk-inset-text a")?.GetAttribute("href"));
    }

    private async Task<List<System.Text.Json.JsonElement>> OnlineServicesAsync()
    {
        var list = await Client.GetJsonAsync("/api/v1/services?channel=online-submission&pageSize=100");
        var details = new List<System.Text.Json.JsonElement>();
        foreach (var slug in list.Slugs()) details.Add(await Client.GetJsonAsync($"/api/v1/services/{slug}"));
        return details.Where(d => d.GetProperty("status").GetString() == "live").ToList();
    }

    [Fact]
    public async Task ServicePage_CounterOnlyService_HasNoStartNowAndSaysHowToApply()
    {
        var all = await Client.GetJsonAsync("/api/v1/services?pageSize=100");
        var counterOnly = all.GetProperty("items").EnumerateArray()
            .First(i => i.GetProperty("status").GetString() == "live" && i.GetProperty("channels").EnumerateArray().Select(c => c.GetString()).SequenceEqual(["counter"]));
        var (_, page) = await Client.GetPageAsync($"/services/{counterOnly.GetProperty("slug").GetString()}");
        Assert.Null(page.QuerySelector("a.govuk-button--start"));
        Assert.Contains("cannot use this service online yet", page.QuerySelector(".govuk-inset-text")!.TextContent);
    }

    [Fact]
    public async Task ServicePage_UnknownSlug_Answers404PageInTheRightLanguage()
    {
        var (status, page) = await Client.GetPageAsync("/zh-hk/services/no-such-service");
        Assert.Equal(404, status);
        Assert.Equal("找不到網頁", page.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task SearchPage_FacetLinks_KeepTheQueryAndAddTheFilter()
    {
        var (_, page) = await Client.GetPageAsync("/search?q=licence");
        var facet = page.QuerySelector(".onestop-facets a")!.GetAttribute("href")!;
        Assert.Contains("q=licence", facet);
        Assert.Contains("department=", facet);

        var (status, filtered) = await Client.GetPageAsync(facet);
        Assert.Equal(200, status);
        Assert.NotNull(filtered.QuerySelector(".onestop-facets a[aria-current='true']"));
    }

    [Fact]
    public async Task SearchPage_TooLongQuery_ShowsErrorSummaryAndKeepsWhatWasTyped()
    {
        var typed = new string('x', 250);
        var (status, page) = await Client.GetPageAsync($"/search?q={typed}");
        Assert.Equal(200, status);
        Assert.NotNull(page.QuerySelector(".govuk-error-summary"));
        Assert.StartsWith("Error: ", page.Title);
        var input = page.QuerySelector("input[name='q']")!;
        Assert.Equal(typed, input.GetAttribute("value"));
        Assert.Contains("govuk-input--error", input.ClassName);
        Assert.Equal("search-q-error", input.GetAttribute("aria-describedby"));
        Assert.Empty(page.QuerySelectorAll(".onestop-service-list__item"));
    }

    [Fact]
    public async Task SearchPage_WithAFilter_ShowsItInWordsWithALinkThatRemovesIt()
    {
        var (_, page) = await Client.GetPageAsync("/search?q=licence&channel=e-payment");
        var remove = page.QuerySelectorAll("main a").First(a => a.TextContent.StartsWith("Remove filter: Pay online"));
        Assert.Equal("/search?q=licence", remove.GetAttribute("href"));
    }

    [Fact]
    public async Task SearchPage_AnotherTopic_ReplacesTheChosenTopicButKeepsTheAudience()
    {
        var facets = (await Client.GetJsonAsync("/api/v1/services?pageSize=1")).GetProperty("facets").GetProperty("categories").EnumerateArray().ToList();
        var topics = facets.Where(c => c.GetProperty("facet").GetString() == "topic").Select(c => c.GetProperty("value").GetString()).ToList();
        var audience = facets.First(c => c.GetProperty("facet").GetString() == "audience").GetProperty("value").GetString();

        var (_, page) = await Client.GetPageAsync($"/search?category={topics[0]}&category={audience}");
        var links = page.QuerySelectorAll(".onestop-facets a").Select(a => a.GetAttribute("href")!).ToList();
        var toOtherTopic = links.First(l => l.Contains($"category={topics[1]}"));

        Assert.DoesNotContain($"category={topics[0]}", toOtherTopic);
        Assert.Contains($"category={audience}", toOtherTopic);
    }

    [Fact]
    public async Task SearchPage_Typo_ShowsWhatItSearchedFor()
    {
        var (_, page) = await Client.GetPageAsync("/search?q=pasport");
        Assert.Contains("Showing results for passport", page.QuerySelector("main")!.TextContent.Replace("\n", " ").Replace("  ", " "));
    }

    [Fact]
    public async Task SearchPage_PagePastTheEnd_SaysSoAndLinksToTheFirstPage()
    {
        var (status, page) = await Client.GetPageAsync("/search?q=licence&page=999");
        Assert.Equal(200, status);
        Assert.Contains("There is no page 999", page.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task NotFoundPage_LanguageSwitcher_LinksToTheRequestedAddressNotTheErrorPage()
    {
        var (_, page) = await Client.GetPageAsync("/zh-hk/no-such-page?x=1");
        var links = page.QuerySelectorAll(".govuk-language-navigation__link").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/no-such-page?x=1", "/zh-cn/no-such-page?x=1"], links);
    }

    [Fact]
    public async Task SearchPage_ManyResults_PaginatesWithNextLink()
    {
        var (_, page) = await Client.GetPageAsync("/search");
        var next = page.QuerySelector(".govuk-pagination__next a")!.GetAttribute("href")!;
        Assert.Contains("page=2", next);
        var (_, second) = await Client.GetPageAsync(next);
        Assert.Equal("2", second.QuerySelector(".govuk-pagination__item--current a")!.TextContent.Trim());
    }

    [Fact]
    public async Task CategoryPage_LifeEvent_ListsItsServices()
    {
        var facets = (await Client.GetJsonAsync("/api/v1/services?pageSize=1")).GetProperty("facets").GetProperty("categories").EnumerateArray();
        var link = "/browse/" + facets.First(c => c.GetProperty("facet").GetString() == "life-event").GetProperty("value").GetString();
        var (status, page) = await Client.GetPageAsync(link);
        Assert.Equal(200, status);
        Assert.NotEmpty(page.QuerySelectorAll(".onestop-service-list__item"));
    }

    [Fact]
    public async Task DepartmentPage_ShowsContactAndOnlyItsServices()
    {
        var (_, list) = await Client.GetPageAsync("/departments");
        var link = list.QuerySelector("main a[href^='/departments/']")!.GetAttribute("href")!;
        var (status, page) = await Client.GetPageAsync(link);
        Assert.Equal(200, status);
        var name = page.QuerySelector("h1")!.TextContent.Trim();
        Assert.NotNull(page.QuerySelector(".govuk-summary-list"));
        var slugs = page.QuerySelectorAll(".onestop-service-list__title a").Select(a => a.GetAttribute("href")!.Split('/').Last()).ToList();
        Assert.NotEmpty(slugs);
        foreach (var slug in slugs.Take(5))
            Assert.Equal(name, (await Client.GetJsonAsync($"/api/v1/services/{slug}")).GetProperty("department").GetProperty("name").GetString());
        // The page is the department's: its name is not repeated under every service.
        Assert.All(page.QuerySelectorAll(".onestop-service-list__meta"), m => Assert.DoesNotContain(name, m.TextContent));
    }

    [Fact]
    public async Task Pages_WithoutJavaScript_HaveNoInlineScriptsOrStyles()
    {
        foreach (var url in new[] { "/", "/search?q=tax", "/progress", "/departments" })
        {
            var (_, page) = await Client.GetPageAsync(url);
            Assert.All(page.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src")), $"inline script on {url}"));
            Assert.Empty(page.QuerySelectorAll("[style]"));
            Assert.Empty(page.QuerySelectorAll("style"));
        }
    }
}
