using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OneStop.BrowserTests.Infrastructure;
using OneStop.Tests.Cases;
using OneStop.Tests.Cases.Applicants;

namespace OneStop.BrowserTests;

/// <summary>
/// The applicant's side of a case: My applications, the application's page with its history, a reply to the
/// department's request (an error first), and the withdraw page. axe checks every page on the way.
/// </summary>
public sealed class ApplicantJourneyTests(Portal portal) : IClassFixture<Portal>
{
    [Theory]
    [InlineData("en", true)]
    [InlineData("zh-HK", false)]
    public async Task Reply_ToARequest_FromMyApplications(string tag, bool javaScript)
    {
        var edition = Edition.Of(tag);
        var citizen = await portal.Server.CreateAsync();
        var c = await portal.Server.NewCaseAsync(citizen.Id, language: tag);
        await portal.Server.RequestInformationAsync(c, "Please tell us which car this is for.");
        await using var session = await portal.OpenAsync(javaScript);
        var page = session.Page;
        await page.SignInAsync(edition, citizen);

        await page.GotoAsync(edition.Path("/applications"));
        await page.AssertLanguageAsync(edition);
        await session.AssertAccessibleAsync();
        await page.Locator($"main [data-reference='{c.Reference}'] th a").ClickAsync();
        await page.WaitForURLAsync(Citizens.EndsWith(edition.Path($"/applications/sent/{c.Reference}")));
        await Assertions.Expect(page.Locator("[data-request]")).ToHaveTextAsync("Please tell us which car this is for.");
        await session.AssertAccessibleAsync();

        await page.Locator("main a[data-withdraw]").ClickAsync();
        await page.WaitForURLAsync(new Regex("/withdraw$"));
        await session.AssertAccessibleAsync();
        await page.GoBackAsync();

        await page.Locator("main a[data-reply]").ClickAsync();
        await page.WaitForURLAsync(new Regex("/reply$"));
        await session.AssertAccessibleAsync();
        await page.Locator("main button[data-send]").ClickAsync();
        await page.AssertErrorSummaryAsync();
        await session.AssertAccessibleAsync();

        await page.Locator("#Message").FillAsync("The red one, plate AB 1234.");
        await page.Locator("main button[data-send]").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"\?replied=true$"));
        await Assertions.Expect(page.Locator("[data-done=replied]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-timeline] [data-quote]").First).ToHaveTextAsync("The red one, plate AB 1234.");
        await session.AssertAccessibleAsync();
    }

    [Fact]
    public async Task ChangeAnswers_ThroughTheFormPages_SendsTheChanges()
    {
        var citizen = await portal.Server.CreateAsync();
        var c = await portal.Server.NewCaseAsync(citizen.Id);
        await portal.Server.RequestInformationAsync(c, "The plate number looks wrong.");
        await using var session = await portal.OpenAsync();
        var page = session.Page;
        await page.SignInAsync(Edition.English, citizen);

        await page.GotoAsync($"/applications/sent/{c.Reference}/reply");
        await page.Locator("#Message").FillAsync("Sorry, a typo.");
        await page.Locator("main button[data-amend]").ClickAsync();
        await page.WaitForURLAsync(new Regex("/applications/[0-9a-f-]{36}/check$"));
        await Assertions.Expect(page.Locator("[data-amendment-message]")).ToHaveTextAsync("Sorry, a typo.");
        await session.AssertAccessibleAsync();
        await page.Locator("[data-field=plate] a").ClickAsync();
        await page.WaitForURLAsync(new Regex("/main\\?change=1"));
        await session.AssertAccessibleAsync();
        await page.Locator("#plate").FillAsync("CD 5678");
        await page.Locator("main button[value=continue]").ClickAsync();
        // The browser keeps the Change link's #plate on the redirect.
        await page.WaitForURLAsync(new Regex("/check(#plate)?$"));
        await page.Locator("main button[data-send-changes]").ClickAsync();

        await page.WaitForURLAsync(new Regex(@"\?changed=true(#plate)?$"));
        await Assertions.Expect(page.Locator("[data-field=plate] dd")).ToHaveTextAsync("CD 5678");
        await session.AssertAccessibleAsync();
    }
}
