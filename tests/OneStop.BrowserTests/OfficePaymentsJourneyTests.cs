using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OneStop.BrowserTests.Infrastructure;
using OneStop.Identity.Staff;
using OneStop.Tests.Identity;
using OneStop.Tests.Identity.Staff;
using OneStop.Tests.Infrastructure;
using OneStop.Tests.Payments;

namespace OneStop.BrowserTests;

/// <summary>
/// The payments back office: a supervisor finds a payment and refunds part of it (the error state first) and opens
/// the reconciliation report; a department administrator opens a service's fees and the payment items. axe checks
/// every page on the way.
/// </summary>
public sealed class OfficePaymentsJourneyTests(Portal portal) : IClassFixture<Portal>
{
    [Theory]
    [InlineData("en", true)]
    [InlineData("zh-HK", false)]
    public async Task Supervisor_RefundsPartOfAPayment_EveryPageAccessible(string language, bool javaScript)
    {
        var edition = Edition.Of(language);
        var payment = await PaidByGuestAsync();
        await using var session = await portal.OpenAsync(javaScript);
        var page = session.Page;
        await SignInAsStaffAsync(page, edition, await portal.Server.NewStaffAsync(StaffRole.Supervisor, "TD"));

        await page.GotoAsync(edition.Path("/office/payments"));
        await page.AssertLanguageAsync(edition);
        await session.AssertAccessibleAsync();
        await page.Locator($"table[data-payments] tr[data-payment='{payment.Reference}'] a").ClickAsync();
        await page.WaitForURLAsync(new Regex("/office/payments/PAY-"));
        await session.AssertAccessibleAsync();

        // No reason: the error summary, keeping the amount typed.
        await page.Locator("#Amount").FillAsync("50");
        await page.Locator("form[data-refund-form] button[type=submit]").ClickAsync();
        await page.AssertErrorSummaryAsync();
        Assert.Equal("50", await page.Locator("#Amount").InputValueAsync());
        await session.AssertAccessibleAsync();
        await page.Locator("#Reason").FillAsync("Charged for one vehicle too many.");
        await page.Locator("form[data-refund-form] button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("table[data-refunds] tr[data-refund-state]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-refunded]")).ToHaveTextAsync("HK$50.00");
        await session.AssertAccessibleAsync();

        await page.GotoAsync(edition.Path("/office/payments/reconciliation"));
        await session.AssertAccessibleAsync();
    }

    [Theory]
    [InlineData("zh-CN", true)]
    [InlineData("en", false)]
    public async Task DepartmentAdmin_OpensFeesAndPaymentItems_EveryPageAccessible(string language, bool javaScript)
    {
        var edition = Edition.Of(language);
        await using var session = await portal.OpenAsync(javaScript);
        var page = session.Page;
        await SignInAsStaffAsync(page, edition, await portal.Server.NewStaffAsync(StaffRole.DepartmentAdmin, "TD"));

        await page.GotoAsync(edition.Path("/office/services/renew-full-driving-licence/fees"));
        await page.AssertLanguageAsync(edition);
        await session.AssertAccessibleAsync();
        await page.GotoAsync(edition.Path("/office/services/renew-full-driving-licence/fees/items"));
        await session.AssertAccessibleAsync();
        await page.GotoAsync(edition.Path("/office/payments/links"));
        await session.AssertAccessibleAsync();
        await page.GotoAsync(edition.Path("/office/payments/links/add"));
        await session.AssertAccessibleAsync();
    }

    /// <summary>A guest's application for the TD test service, paid by card on the sandbox's hosted page over HTTP.</summary>
    private async Task<OneStop.Payments.Payment> PaidByGuestAsync()
    {
        await portal.Server.SetFeesAsync(PaymentSteps.PerVehicleFees);
        var accepted = await portal.Server.ApplyAsync(null, 2, contactEmail: Accounts.NewEmail());
        var payment = await portal.Server.PaymentForAsync(accepted.SubmissionId);
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(portal.BaseUrl) };
        var path = OneStop.Payments.Engine.PaymentPaths.Page(payment);
        using var start = await browser.SubmitAsync(path, new Dictionary<string, string>(), "Start");
        using var paid = await browser.SubmitAsync(new Uri(start.Location()).PathAndQuery, new Dictionary<string, string>
        {
            ["CardNumber"] = "4242 4242 4242 4242", ["Expiry"] = "12/39", ["SecurityCode"] = "123", ["NameOnCard"] = "CHAN TAI MAN",
        }, "Card");
        await portal.Server.SettleAsync();
        var settled = await portal.Server.PaymentAsync(payment.Id);
        Assert.Equal(OneStop.Payments.PaymentState.Succeeded, settled.State);
        return settled;
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
