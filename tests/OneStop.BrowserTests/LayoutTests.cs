using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OneStop.BrowserTests.Infrastructure;

namespace OneStop.BrowserTests;

/// <summary>
/// The Traditional Chinese home, results and service pages on a 320px phone and a 1280px desktop.
/// Full-page screenshots go to /tmp/onestop-screens/ (or ONESTOP_SCREENSHOTS) for a person to look at;
/// the test itself checks that nothing needs scrolling sideways (WCAG 1.4.10 Reflow).
/// </summary>
public sealed class LayoutTests(Portal portal) : IClassFixture<Portal>
{
    private static string ScreenshotFolder =>
        Environment.GetEnvironmentVariable("ONESTOP_SCREENSHOTS") is { Length: > 0 } folder ? folder : "/tmp/onestop-screens";

    [Theory]
    [InlineData(320)]
    [InlineData(1280)]
    public async Task Layout_InTraditionalChinese_FitsWidthWithoutSidewaysScrolling(int width)
    {
        await using var session = await portal.OpenAsync(width: width, height: 800);
        var page = session.Page;
        Directory.CreateDirectory(ScreenshotFolder);
        var edition = Edition.TraditionalChinese;

        await page.GotoAsync(edition.Home);
        await Capture(page, $"zh-hk-home-{width}");

        await page.GetByRole(AriaRole.Searchbox, new() { Name = edition.SearchLabel }).FillAsync(edition.Passport);
        await page.GetByRole(AriaRole.Button, new() { Name = edition.SearchButton, Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/search\\?"));
        await Capture(page, $"zh-hk-search-{width}");

        await page.Locator(".onestop-service-list__title a").First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/services/"));
        await Capture(page, $"zh-hk-service-{width}");
    }

    private static async Task Capture(IPage page, string name)
    {
        // Web fonts and images settle before the picture is taken.
        await page.EvaluateAsync("() => document.fonts.ready");
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
        var (scrollWidth, viewport) = (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"),
            await page.EvaluateAsync<int>("() => window.innerWidth"));
        Assert.True(scrollWidth <= viewport,
            $"{page.Url} is {scrollWidth}px wide in a {viewport}px viewport, so it scrolls sideways; see {name}.png");
    }
}
