using Microsoft.Playwright;
using OneStop.BrowserTests.Infrastructure;
using OneStop.Identity.Staff;
using OneStop.Tests.Cases;
using OneStop.Tests.Identity;
using OneStop.Tests.Identity.Staff;

namespace OneStop.BrowserTests;

/// <summary>
/// An officer at work: the queue, a case, asking the applicant for more information (with the error state
/// first), and the queue of cases waiting for applicants. axe checks every page on the way.
/// </summary>
public sealed class CaseOfficeJourneyTests(Portal portal) : IClassFixture<Portal>
{
    [Theory]
    [InlineData("en", true)]
    [InlineData("zh-HK", false)]
    [InlineData("zh-CN", true)]
    public async Task Officer_OpensACaseAndRequestsInformation_EveryPageAccessible(string language, bool javaScript)
    {
        var edition = Edition.Of(language);
        await using var session = await portal.OpenAsync(javaScript);
        var page = session.Page;
        var c = await portal.Server.NewCaseAsync(null, contactEmail: "guest@example.com");
        await SignInAsStaffAsync(page, edition, await portal.Server.NewStaffAsync(StaffRole.Officer, "TD"));

        await page.GotoAsync(edition.Path("/office/cases"));
        await page.AssertLanguageAsync(edition);
        await session.AssertAccessibleAsync();
        await page.Locator($"table[data-queue] a[href$='/office/cases/{c.Reference}']").ClickAsync();
        await page.WaitForURLAsync(Citizens.EndsWith(edition.Path($"/office/cases/{c.Reference}")));
        await session.AssertAccessibleAsync();

        // Nothing asked: the error summary, on the request form's field.
        await page.Locator("form[data-move=request-information] button[type=submit]").ClickAsync();
        await page.AssertErrorSummaryAsync();
        await session.AssertAccessibleAsync();
        await page.Locator("#question").FillAsync("Please send a copy of the vehicle's insurance note.");
        await page.Locator("form[data-move=request-information] button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-timeline] > li[data-event=ReturnedToApplicant]")).ToContainTextAsync("insurance note");
        await session.AssertAccessibleAsync();

        await page.GotoAsync(edition.Path("/office/cases?view=waiting"));
        await Assertions.Expect(page.Locator($"table[data-queue] tr[data-case='{c.Reference}']")).ToBeVisibleAsync();
        await session.AssertAccessibleAsync();
    }

    [Theory]
    [InlineData("en", true)]
    [InlineData("zh-HK", false)]
    public async Task Supervisor_TeamPageAndAssignment_AreAccessible(string language, bool javaScript)
    {
        var edition = Edition.Of(language);
        await using var session = await portal.OpenAsync(javaScript);
        var page = session.Page;
        var c = await portal.Server.NewCaseAsync(null);
        var officer = await portal.Server.NewStaffAsync(StaffRole.Officer, "TD");
        await SignInAsStaffAsync(page, edition, await portal.Server.NewStaffAsync(StaffRole.Supervisor, "TD"));

        await page.GotoAsync(edition.Path($"/office/cases/{c.Reference}"));
        // Nobody chosen: the error summary on the select.
        await page.Locator("form[data-assign] button[type=submit]").ClickAsync();
        await page.AssertErrorSummaryAsync();
        await session.AssertAccessibleAsync();
        await page.Locator("#assignee").SelectOptionAsync(new SelectOptionValue { Label = officer });
        await page.Locator("form[data-assign] button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-summary] [data-assignee]")).ToHaveTextAsync(officer);

        await page.GotoAsync(edition.Path("/office/cases/team"));
        await Assertions.Expect(page.Locator($"[data-load] tr[data-person='{officer}'] [data-open]")).ToHaveTextAsync("1");
        await session.AssertAccessibleAsync();
    }

    private async Task SignInAsStaffAsync(IPage page, Edition edition, string email)
    {
        await page.GotoAsync(edition.Path("/account/sign-in?returnUrl=" + Uri.EscapeDataString(edition.Path("/office"))));
        await page.Locator("#Email").FillAsync(email);
        await page.Locator("#Password").FillAsync(Accounts.Password);
        await page.Locator("form:has(#Password) button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.EndsWith("/account/sign-in/second-factor", StringComparison.Ordinal));
        await page.Locator("#Code").FillAsync(portal.Server.NextCode(await portal.Server.AuthenticatorKeyAsync(email)));
        await page.SubmitAsync();
        await page.WaitForURLAsync(Citizens.EndsWith(edition.Path("/office")));
    }
}
