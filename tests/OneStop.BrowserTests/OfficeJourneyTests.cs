using Microsoft.Playwright;
using OneStop.BrowserTests.Infrastructure;
using OneStop.Identity.Staff;
using OneStop.Tests.Identity;
using OneStop.Tests.Identity.Staff;

namespace OneStop.BrowserTests;

/// <summary>
/// The back office as staff use it: password and authenticator code, then every /office page of the
/// role, with an error state on each form, checked with axe in each language.
/// </summary>
public sealed class OfficeJourneyTests(Portal portal) : IClassFixture<Portal>
{
    [Theory]
    [InlineData("en", true)]
    [InlineData("zh-HK", false)]
    [InlineData("zh-CN", true)]
    public async Task PlatformAdmin_EveryPage_IsAccessible(string language, bool javaScript)
    {
        var edition = Edition.Of(language);
        await using var session = await portal.OpenAsync(javaScript);
        var page = session.Page;
        await SignInAsStaffAsync(page, edition, await portal.Server.NewStaffAsync(StaffRole.PlatformAdmin, null));

        foreach (var path in new[] { "/office", "/office/departments", "/office/departments/TD/change", "/office/staff", "/office/clients" })
        {
            await page.GotoAsync(edition.Path(path));
            await page.AssertLanguageAsync(edition);
            await session.AssertAccessibleAsync();
        }
        await SubmitEmptyAsync(session, edition.Path("/office/departments/add"));
        await SubmitEmptyAsync(session, edition.Path("/office/staff/add"));
        await SubmitEmptyAsync(session, edition.Path("/office/clients/add"));
    }

    [Theory]
    [InlineData("en", false)]
    [InlineData("zh-HK", true)]
    [InlineData("zh-CN", true)]
    public async Task DepartmentAdmin_ServicesAndCounterPages_AreAccessible(string language, bool javaScript)
    {
        var edition = Edition.Of(language);
        await using var session = await portal.OpenAsync(javaScript);
        var page = session.Page;
        await SignInAsStaffAsync(page, edition, await portal.Server.NewStaffAsync(StaffRole.DepartmentAdmin, "TD"));

        await page.GotoAsync(edition.Path("/office/services"));
        await session.AssertAccessibleAsync();
        await page.Locator("main a[href*='/office/services/']:not([href$='/upload'])").First.ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.Contains("/office/services/", StringComparison.Ordinal));
        await session.AssertAccessibleAsync();
        await SubmitEmptyAsync(session, edition.Path("/office/services/upload"));
        await SubmitEmptyAsync(session, edition.Path("/office/verify-identity"));
    }

    [Fact]
    public async Task StaffList_OnAPhone_FitsWithoutSidewaysScrolling()
    {
        await using var session = await portal.OpenAsync(width: 320, height: 800);
        var page = session.Page;
        await SignInAsStaffAsync(page, Edition.TraditionalChinese, await portal.Server.NewStaffAsync(StaffRole.PlatformAdmin, null));

        await page.GotoAsync(Edition.TraditionalChinese.Path("/office/staff"));
        var (scrollWidth, viewport) = (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"),
            await page.EvaluateAsync<int>("() => window.innerWidth"));

        var widest = await page.EvaluateAsync<string>("() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 3).map(e => e.tagName + '.' + e.className).join(', ')");
        Assert.True(scrollWidth <= viewport, $"/zh-hk/office/staff is {scrollWidth}px wide in a {viewport}px viewport: {widest}");
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

    // The form's own button with nothing filled in: the page comes back with its error summary.
    private static async Task SubmitEmptyAsync(BrowserSession session, string path)
    {
        var page = session.Page;
        await page.GotoAsync(path);
        await session.AssertAccessibleAsync();
        await page.Locator("main form[method=post] button[type=submit]").First.ClickAsync();
        await page.AssertErrorSummaryAsync();
        await session.AssertAccessibleAsync();
    }
}
