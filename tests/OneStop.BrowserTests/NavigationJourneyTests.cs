using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OneStop.BrowserTests.Infrastructure;

namespace OneStop.BrowserTests;

/// <summary>
/// Keyboard use, browsing by department, topic and progress, and the error page, with axe run on
/// every page on the way.
/// </summary>
public sealed class NavigationJourneyTests(Portal portal) : IClassFixture<Portal>
{
    [Fact]
    public async Task Keyboard_TabFromTopOfPage_ReachesSkipLinkFirstAndItMovesFocusToMain()
    {
        await using var session = await portal.OpenAsync();
        var page = session.Page;
        await page.GotoAsync("/");

        await page.Keyboard.PressAsync("Tab");
        var skipLink = page.Locator("a.govuk-skip-link");
        Assert.True(await page.IsFocusedAsync("a.govuk-skip-link"), $"The first Tab should reach the skip link, but focus is on {await page.FocusedAsync()}");
        Assert.Equal("Skip to main content", (await skipLink.InnerTextAsync()).Trim());
        Assert.True(await skipLink.IsVisibleAsync(), "The focused skip link should be visible");
        await session.AssertAccessibleAsync();

        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => document.activeElement && document.activeElement.id === 'main-content'",
            null, new() { Timeout = 5_000 });
        Assert.EndsWith("#main-content", page.Url);

        // Keyboard-only search from there: the next Tab is the search box inside main.
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.IsFocusedAsync("#search-q"), $"After the skip link, Tab should reach the search box, but focus is on {await page.FocusedAsync()}");
        await page.Keyboard.TypeAsync("passport");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("/search\\?q=passport"));
        Assert.True(await page.Locator(".onestop-service-list__title a").CountAsync() > 0, "Keyboard search found nothing");
    }

    [Fact]
    public async Task Keyboard_SkipLinkWithoutJavaScript_NextTabLandsInMain()
    {
        await using var session = await portal.OpenAsync(javaScript: false);
        var page = session.Page;
        await page.GotoAsync("/zh-hk/");
        await session.AssertAccessibleAsync();

        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.IsFocusedAsync("a.govuk-skip-link"), $"The first Tab should reach the skip link, but focus is on {await page.FocusedAsync()}");
        Assert.Equal("跳至主要內容", (await page.Locator("a.govuk-skip-link").InnerTextAsync()).Trim());

        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("#main-content$"));
        // Without script, focus is not moved, but sequential navigation continues from main.
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.IsFocusedAsync("#search-q"), $"After the skip link, Tab should reach the search box, but focus is on {await page.FocusedAsync()}");
    }

    [Fact]
    public Task Browse_InEnglish_ProgressDepartmentsAndCategoryPages() => Browse(Edition.English);

    [Fact]
    public Task Browse_InTraditionalChinese_ProgressDepartmentsAndCategoryPages() => Browse(Edition.TraditionalChinese);

    [Fact]
    public Task Browse_InSimplifiedChinese_ProgressDepartmentsAndCategoryPages() => Browse(Edition.SimplifiedChinese);

    [Fact]
    public async Task NotFound_UnknownPagesShowErrorPageInTheirLanguage()
    {
        await using var session = await portal.OpenAsync();
        var page = session.Page;
        foreach (var (edition, path) in new[]
                 {
                     (Edition.English, "/no-such-page"),
                     (Edition.TraditionalChinese, "/zh-hk/services/no-such-service"),
                     (Edition.SimplifiedChinese, "/zh-cn/browse/no-such-topic"),
                 })
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(404, response!.Status);
            Assert.Equal(edition.NotFoundTitle, await page.HeadingAsync());
            await page.AssertLanguageAsync(edition);
            await session.AssertAccessibleAsync();
        }
    }

    [Fact]
    public async Task Accessibility_Checker_NamesTheRuleAndElementThatFail()
    {
        // A green run means something only if the checker really fails a bad page.
        await using var session = await portal.OpenAsync();
        await session.Page.SetContentAsync(
            "<!DOCTYPE html><html lang=\"en\"><head><title>Bad page</title></head><body><main><h1>Bad</h1>" +
            "<img src=\"data:,\" class=\"unlabelled\"></main></body></html>");

        var failure = await Assert.ThrowsAnyAsync<Exception>(session.AssertAccessibleAsync);
        Assert.Contains("image-alt", failure.Message);
        Assert.Contains("at img", failure.Message);
        Assert.Contains("<img src=\"data:,\" class=\"unlabelled\">", failure.Message);
    }

    /// <summary>Home → progress (footer link) → departments → a department → home → a topic.</summary>
    private async Task Browse(Edition edition)
    {
        await using var session = await portal.OpenAsync();
        var page = session.Page;
        await page.GotoAsync(edition.Home);

        // Progress, from the footer.
        await page.Locator("footer a[href$='/progress']").ClickAsync();
        await page.WaitForURLAsync(portal.BaseUrl + edition.Path("/progress"));
        await page.AssertLanguageAsync(edition);
        Assert.True(await page.Locator("table.govuk-table").CountAsync() >= 2, "The progress page should show its figures as tables");
        Assert.True(await page.Locator(".onestop-chart__row").CountAsync() > 0, "The progress page should draw its charts");
        await session.AssertAccessibleAsync();

        // Departments, from the footer, then the first department.
        await page.Locator("footer a[href$='/departments']").ClickAsync();
        await page.WaitForURLAsync(portal.BaseUrl + edition.Path("/departments"));
        await page.AssertLanguageAsync(edition);
        var departments = page.Locator("main .onestop-service-list__item a");
        Assert.True(await departments.CountAsync() > 0, "No departments listed");
        await session.AssertAccessibleAsync();

        var departmentName = (await departments.First.InnerTextAsync()).Trim();
        await departments.First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/departments/[^/]+$"));
        Assert.Contains(departmentName, await page.HeadingAsync());
        await page.AssertLanguageAsync(edition);
        await session.AssertAccessibleAsync();

        // A topic, from the home page.
        await page.GotoAsync(edition.Home);
        var topic = page.Locator("main a[href*='/browse/']").First;
        var topicName = (await topic.InnerTextAsync()).Trim();
        await topic.ClickAsync();
        await page.WaitForURLAsync(new Regex("/browse/[^/]+$"));
        Assert.Equal(topicName, await page.HeadingAsync());
        Assert.True(await page.Locator(".onestop-service-list__title a").CountAsync() > 0, $"No services under {topicName}");
        await page.AssertLanguageAsync(edition);
        await session.AssertAccessibleAsync();
    }
}
