using Microsoft.Playwright;
using OneStop.BrowserTests.Infrastructure;
using OneStop.Identity.Staff;
using OneStop.Tests.Identity;
using OneStop.Tests.Identity.Staff;
using OneStop.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using OneStop.Tests.Cases;
using OneStop.Tests.Documents;
using OneStop.Tests.Office;
using OneStop.Tests.Office.Counters;

namespace OneStop.BrowserTests;

/// <summary>
/// An officer at the counter: from the back-office home to the counter's day list, a booking looked up (a
/// mistyped code first, then the code or the address its QR code carries), checked in and handed over. axe
/// checks every page on the way.
/// </summary>
public sealed class CounterDeskJourneyTests(Portal portal) : IClassFixture<Portal>
{
    [Theory]
    [InlineData("en", true, false, "LEE Ka Wai")]
    [InlineData("zh-HK", false, true, "CHEUNG Chi Keung")]
    public async Task Officer_ChecksInAndHandsOver_EveryPageAccessible(string language, bool javaScript, bool scanned, string resident)
    {
        var edition = Edition.Of(language);
        var document = await IssuedDocumentAsync(resident);
        var appointment = await portal.Server.AppointmentForAsync(document, portal.Server.Today(), new TimeOnly(10, 0));
        var holder = await portal.Server.HolderNameAsync(document);
        await using var session = await portal.OpenAsync(javaScript);
        var page = session.Page;
        await SignInAsStaffAsync(page, edition, await portal.Server.NewStaffAsync(StaffRole.Officer, "TD"));
        await session.AssertAccessibleAsync();

        await page.Locator($"main a[href='{edition.Path("/office/counters")}']").ClickAsync();
        await page.WaitForURLAsync(Citizens.EndsWith(edition.Path("/office/counters")));
        await page.AssertLanguageAsync(edition);
        await session.AssertAccessibleAsync();
        await page.Locator($"tr[data-counter='{CounterDeskSteps.TestCounter}'] a[data-day-list]").ClickAsync();
        var row = page.Locator($"tr[data-appointment='{appointment.Code}']");
        await Assertions.Expect(row.Locator("[data-holder]")).ToHaveTextAsync(holder);
        await session.AssertAccessibleAsync();

        await page.Locator("main a[data-look-up]").ClickAsync();
        await page.Locator("#Code").FillAsync("AP 0000");
        await page.Locator("form[data-look-up-form] button[type=submit]").ClickAsync();
        await page.AssertErrorSummaryAsync();
        Assert.Equal("AP 0000", await page.Locator("#Code").InputValueAsync());
        await session.AssertAccessibleAsync();
        // A scanner types the QR code's whole address; a person reads the code out.
        await page.Locator("#Code").FillAsync(scanned ? portal.BaseUrl + "/office/counters/check-in/" + appointment.Code : appointment.Code.ToLowerInvariant());
        await page.Locator("form[data-look-up-form] button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(Citizens.EndsWith(edition.Path("/office/counters/check-in/" + appointment.Code)));
        await Assertions.Expect(page.Locator("[data-holder]")).ToHaveTextAsync(holder);
        await session.AssertAccessibleAsync();

        await page.Locator("button[data-check-in]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-desk-banner='checkedIn']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-state='checkedin']")).ToBeVisibleAsync();
        await session.AssertAccessibleAsync();
        await page.Locator("button[data-collected]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-desk-banner='collected']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-state='collected']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("button[data-collected]")).ToHaveCountAsync(0);
        await session.AssertAccessibleAsync();

        await page.Locator("main a[data-day-list]").ClickAsync();
        await Assertions.Expect(row).ToHaveAttributeAsync("data-state", "collected");
        await session.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Officer_PostQueueAndCounterForm_EveryPageAccessible()
    {
        var edition = Edition.TraditionalChinese;
        var document = await IssuedDocumentAsync("NG Hoi Ting");
        await portal.Server.PostDeliveryForAsync(document, "Flat A, 3/F", "8 Nathan Road", "Tsim Sha Tsui, Kowloon");
        await using var session = await portal.OpenAsync();
        var page = session.Page;
        await SignInAsStaffAsync(page, edition, await portal.Server.NewStaffAsync(StaffRole.DepartmentAdmin, "TD"));

        await page.GotoAsync(edition.Path("/office/documents/post"));
        await session.AssertAccessibleAsync();
        await page.Locator($"tr[data-document='{document.Id}'] button[data-posted]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-desk-banner='posted']")).ToBeVisibleAsync();
        await session.AssertAccessibleAsync();

        await page.GotoAsync(edition.Path("/office/counters/new"));
        await session.AssertAccessibleAsync();
        await page.Locator("#hours-mon-1").FillAsync("9-13");
        await page.SubmitAsync();
        await page.AssertErrorSummaryAsync();
        Assert.Equal("9-13", await page.Locator("#hours-mon-1").InputValueAsync());
        await session.AssertAccessibleAsync();
    }

    /// <summary>A resident's application approved by an officer, and the document it issued (no browser needed for that part).</summary>
    private async Task<OneStop.Documents.IssuedDocument> IssuedDocumentAsync(string resident)
    {
        var holder = await portal.Server.CreateAsync(provedAs: Citizens.Resident(resident));
        if (!await portal.Server.QueryAsync(db => db.Set<OneStop.Documents.DocumentTemplate>().AnyAsync(t => t.ServiceSlug == DocumentSteps.Service)))
            await portal.Server.SetTemplateAsync();
        var approved = await portal.Server.ApproveAsync(await portal.Server.NewCaseAsync(holder.Id));
        return await portal.Server.DocumentOfCaseAsync(approved.Id);
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
