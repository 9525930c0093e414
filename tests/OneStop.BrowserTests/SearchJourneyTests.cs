using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OneStop.BrowserTests.Infrastructure;

namespace OneStop.BrowserTests;

/// <summary>
/// A person looks for the passport service in each language: home page, search box, results, service
/// page, with axe run on every page on the way; then switches language on the service page.
/// </summary>
public sealed class SearchJourneyTests(Portal portal) : IClassFixture<Portal>
{
    [Fact]
    public Task Search_InEnglish_FindsPassportAndOpensServicePage() => SearchForPassport(Edition.English);

    [Fact]
    public Task Search_InTraditionalChinese_FindsPassportAndOpensServicePage() => SearchForPassport(Edition.TraditionalChinese);

    [Fact]
    public Task Search_InSimplifiedChinese_FindsPassportAndOpensServicePage() => SearchForPassport(Edition.SimplifiedChinese);

    [Fact]
    public Task Search_InEnglishWithoutJavaScript_FindsPassportAndOpensServicePage() =>
        SearchForPassport(Edition.English, javaScript: false);

    [Fact]
    public Task LanguageSwitcher_OnServicePage_OpensSameServiceInEachLanguage() => SwitchLanguages(javaScript: true);

    [Fact]
    public Task LanguageSwitcher_WithoutJavaScript_OpensSameServiceInEachLanguage() => SwitchLanguages(javaScript: false);

    private async Task SearchForPassport(Edition edition, bool javaScript = true)
    {
        await using var session = await portal.OpenAsync(javaScript);
        var page = session.Page;

        await page.GotoAsync(edition.Home);
        await page.AssertLanguageAsync(edition);
        await session.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Searchbox, new() { Name = edition.SearchLabel }).FillAsync(edition.Passport);
        await page.GetByRole(AriaRole.Button, new() { Name = edition.SearchButton, Exact = true }).ClickAsync();

        await page.WaitForURLAsync(new Regex("/search\\?"));
        Assert.StartsWith(portal.BaseUrl + edition.Path("/search?"), page.Url);
        await page.AssertLanguageAsync(edition);
        // The box keeps the words, so the person can change them.
        Assert.Equal(edition.Passport, await page.Locator("#search-q").InputValueAsync());
        var results = page.Locator(".onestop-service-list__title a");
        Assert.True(await results.CountAsync() > 0, $"No results for \"{edition.Passport}\" at {page.Url}: {await page.Locator("#results-count").InnerTextAsync()}");
        await session.AssertAccessibleAsync();

        var firstResult = (await results.First.InnerTextAsync()).Trim();
        await results.First.ClickAsync();

        await page.WaitForURLAsync(new Regex("/services/"));
        Assert.StartsWith(portal.BaseUrl + edition.Path("/services/"), page.Url);
        var heading = await page.HeadingAsync();
        Assert.Equal(firstResult, heading);
        Assert.Contains(edition.Passport, heading, StringComparison.OrdinalIgnoreCase);
        await page.AssertLanguageAsync(edition);
        await session.AssertAccessibleAsync();
    }

    private async Task SwitchLanguages(bool javaScript)
    {
        await using var session = await portal.OpenAsync(javaScript);
        var page = session.Page;
        // The service the English search leads to, so the test does not depend on a slug.
        await page.GotoAsync("/search?q=passport");
        await page.Locator(".onestop-service-list__title a").First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/services/"));
        var servicePath = new Uri(page.Url).AbsolutePath;
        await session.AssertAccessibleAsync();

        foreach (var edition in new[] { Edition.TraditionalChinese, Edition.SimplifiedChinese, Edition.English })
        {
            var switcher = page.Locator("nav.govuk-language-navigation");
            await switcher.GetByRole(AriaRole.Link, new() { Name = edition.Endonym, Exact = true }).ClickAsync();

            await page.WaitForURLAsync(portal.BaseUrl + edition.Path(servicePath));
            await page.AssertLanguageAsync(edition);
            Assert.Contains(edition.Passport, await page.HeadingAsync(), StringComparison.OrdinalIgnoreCase);
            // The switcher marks the language being read, and does not link to it.
            Assert.Equal(edition.Endonym, (await switcher.Locator("[aria-current=true]").InnerTextAsync()).Trim());
            await session.AssertAccessibleAsync();
        }
    }
}
