using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OneStop.BrowserTests.Infrastructure;
using OneStop.Platform.Localisation;

namespace OneStop.BrowserTests;

/// <summary>
/// Applying with the demo food-hygiene form in each language: start, answer, leave, sign in again, carry on
/// from My applications, check the answers and submit. axe checks every page on the way, errors included.
/// </summary>
public sealed class FormJourneyTests(Portal portal) : IClassFixture<Portal>
{
    private const string Service = "report-a-food-safety-or-hygiene-problem";

    [Theory]
    [InlineData("en", true)]
    [InlineData("zh-HK", true)]
    [InlineData("zh-CN", false)]
    public async Task Apply_LeaveAndResume_SubmitsWithReference(string tag, bool javaScript)
    {
        var edition = Edition.Of(tag);
        var citizen = await portal.Server.CreateAsync();
        await using var session = await portal.OpenAsync(javaScript);
        var page = session.Page;
        await page.SignInAsync(edition, citizen);

        // The service page's "Start now" opens the start page, which starts a new application.
        await page.GotoAsync(edition.Path($"/services/{Service}"));
        await page.Locator("main a.govuk-button--start").ClickAsync();
        await page.WaitForURLAsync(Citizens.EndsWith(edition.Path($"/services/{Service}/apply")));
        await page.AssertLanguageAsync(edition);
        await session.AssertAccessibleAsync();
        await page.Locator("main form button.govuk-button--start").ClickAsync();
        // The form can take the email and phone from the profile: this person fills them in themselves.
        await page.WaitForURLAsync(new Regex("/applications/[0-9a-f-]{36}/prefill$"));
        await session.AssertAccessibleAsync();
        await page.Locator("main form[action*='handler=Skip'] button").ClickAsync();
        await page.WaitForURLAsync(new Regex("/applications/[0-9a-f-]{36}/what$"));
        await session.AssertAccessibleAsync();

        // Nothing chosen: the error summary, in the page's language.
        await page.Locator("main button[value=continue]").ClickAsync();
        await page.AssertErrorSummaryAsync();
        await session.AssertAccessibleAsync();

        var when = HongKongTime.Today(portal.Server.Clock).AddDays(-2);
        await page.Locator("#problem-2").CheckAsync();
        await page.Locator("#when-day").FillAsync(when.Day.ToString(CultureInfo.InvariantCulture));
        await page.Locator("#when-month").FillAsync(when.Month.ToString(CultureInfo.InvariantCulture));
        await page.Locator("#when-year").FillAsync(when.Year.ToString(CultureInfo.InvariantCulture));
        await page.Locator("main button[value=continue]").ClickAsync();
        await page.WaitForURLAsync(new Regex("/where$"));
        await session.AssertAccessibleAsync();

        // Leaves half-way through a page, and signs out.
        await page.Locator("#shopName").FillAsync("Lucky Noodles");
        await page.Locator("main button[value=save-later]").ClickAsync();
        await page.WaitForURLAsync(Citizens.EndsWith(edition.Path("/applications")));
        await session.AssertAccessibleAsync();
        await page.SignOutAsync(edition);

        // Back another day: My applications carries on where it stopped.
        await page.SignInAsync(edition, citizen);
        await page.GotoAsync(edition.Path("/account"));
        await page.Locator("main a[href$='/applications']").ClickAsync();
        await page.Locator("main a[data-continue]").ClickAsync();
        await page.WaitForURLAsync(new Regex("/where$"));
        Assert.Equal("Lucky Noodles", await page.Locator("#shopName").InputValueAsync());
        await page.Locator("#shopAddress-building").FillAsync("Lucky Building");
        await page.Locator("#shopAddress-district").SelectOptionAsync("yau-tsim-mong");
        await page.Locator("#details").FillAsync("Rubbish by the kitchen door");
        await page.Locator("main button[value=continue]").ClickAsync();
        await page.WaitForURLAsync(new Regex("/contact$"));
        await session.AssertAccessibleAsync();
        await page.Locator("#wantsReply-2").CheckAsync();
        await page.Locator("main button[value=continue]").ClickAsync();

        await page.WaitForURLAsync(new Regex("/check$"));
        await Assertions.Expect(page.Locator("[data-field=shopName] .govuk-summary-list__value")).ToHaveTextAsync("Lucky Noodles");
        await session.AssertAccessibleAsync();
        await page.SubmitAsync();

        await page.WaitForURLAsync(new Regex("/sent$"));
        await Assertions.Expect(page.Locator("[data-reference]")).ToHaveTextAsync(new Regex(@"^FEHD-\d{4}-\d{6}$"));
        await page.AssertLanguageAsync(edition);
        await session.AssertAccessibleAsync();
        await page.GotoAsync(edition.Path("/applications"));
        await Assertions.Expect(page.Locator("main [data-reference]")).ToHaveCountAsync(1);
        await session.AssertAccessibleAsync();
    }

    [Fact]
    public async Task EveryFieldType_WithErrorsAndGroupItems_IsAccessible()
    {
        var slug = await OneStop.Tests.Forms.Filling.TestJourneys.PublishForServiceAsync(portal.Server, OneStop.Tests.Forms.Filling.TestJourneys.EveryType("td-every-type-browser"));
        var citizen = await portal.Server.CreateAsync();
        await using var session = await portal.OpenAsync();
        var page = session.Page;
        await page.SignInAsync(Edition.English, citizen);
        await page.GotoAsync($"/services/{slug}/apply");
        await page.Locator("main form button.govuk-button--start").ClickAsync();
        await page.WaitForURLAsync(new Regex("/simple$"));
        await session.AssertAccessibleAsync();

        await page.Locator("#count").FillAsync("twelve");
        await page.Locator("main button[value=continue]").ClickAsync();
        await page.AssertErrorSummaryAsync("must be a number");
        await session.AssertAccessibleAsync();

        await page.GotoAsync(page.Url.Replace("/simple", "/more"));
        await page.Locator("#people-0-pname").FillAsync("Ann");
        // Enter in a box continues (the page's first button is Continue, not a group's Remove).
        await page.Locator("#people-0-pname").PressAsync("Enter");
        await page.AssertErrorSummaryAsync();
        Assert.Equal("Ann", await page.Locator("#people-0-pname").InputValueAsync());
        await session.AssertAccessibleAsync();
        await page.Locator("#people-add").ClickAsync();
        await Assertions.Expect(page.Locator("#people-1-pname")).ToBeVisibleAsync();
        await session.AssertAccessibleAsync();
    }
}
