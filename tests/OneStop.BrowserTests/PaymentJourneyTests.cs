using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OneStop.BrowserTests.Infrastructure;
using OneStop.Forms.Definitions;
using OneStop.Tests.Forms.Filling;
using OneStop.Tests.Payments;
using static OneStop.Tests.Forms.TestForms;

namespace OneStop.BrowserTests;

/// <summary>
/// A paid form in each language, paid in the sandbox with each method: answer, see the fee on the check page,
/// submit, pay on the gateway's hosted page, come back, and get the receipt. axe checks every page on the way,
/// the gateway's included.
/// </summary>
public sealed class PaymentJourneyTests(Portal portal) : IClassFixture<Portal>
{
    [Theory]
    [InlineData("en", "card", true)]
    [InlineData("zh-HK", "fps", true)]
    [InlineData("zh-CN", "pps", false)]
    public async Task PaidForm_PayInTheSandbox_GetsTheReceipt(string tag, string method, bool javaScript)
    {
        var edition = Edition.Of(tag);
        var form = OnePage($"td-paid-browser-{method}", Field("vehicles", FieldType.Number));
        var slug = await TestJourneys.PublishForServiceAsync(portal.Server, form);
        await portal.Server.SetFeesAsync(PaymentSteps.PerVehicleFees, slug);
        var citizen = await portal.Server.CreateAsync();
        await using var session = await portal.OpenAsync(javaScript);
        var page = session.Page;
        await page.SignInAsync(edition, citizen);

        // Fill in the form: two vehicles, and the check page says what it will cost.
        await page.GotoAsync(edition.Path($"/services/{slug}/apply"));
        await page.Locator("main form button.govuk-button--start").ClickAsync();
        await page.WaitForURLAsync(new Regex("/applications/[0-9a-f-]{36}/main$"));
        await page.Locator("#vehicles").FillAsync("2");
        await page.Locator("main button[value=continue]").ClickAsync();
        await page.WaitForURLAsync(new Regex("/check$"));
        await Assertions.Expect(page.Locator("[data-fee-total]")).ToHaveTextAsync("HK$200.00");
        await session.AssertAccessibleAsync();
        await page.SubmitAsync();

        // Not accepted until paid: the payment page, in the page's language.
        await page.WaitForURLAsync(new Regex("/payments/[0-9a-f-]{36}$"));
        await page.AssertLanguageAsync(edition);
        await Assertions.Expect(page.Locator("[data-total]")).ToHaveTextAsync("HK$200.00");
        await session.AssertAccessibleAsync();
        await page.Locator("main form[action*='handler=Start'] button").ClickAsync();

        // The sandbox's hosted page: a mistake first, then the method.
        await page.WaitForURLAsync(new Regex("/sandbox-gateway/checkout/sbx_cs_[0-9a-f]+$"));
        await session.AssertAccessibleAsync();
        await page.Locator("button[data-pay=card]").ClickAsync();
        await page.AssertErrorSummaryAsync();
        await session.AssertAccessibleAsync();
        switch (method)
        {
            case "card":
                await page.Locator("#CardNumber").FillAsync("4242 4242 4242 4242");
                await page.Locator("#Expiry").FillAsync("12/39");
                await page.Locator("#SecurityCode").FillAsync("123");
                await page.Locator("#NameOnCard").FillAsync("CHAN TAI MAN");
                await page.Locator("button[data-pay=card]").ClickAsync();
                break;
            case "fps":
                await page.Locator("button[data-pay=fps]").ClickAsync();
                break;
            default:
                await page.Locator("#PpsAccount").FillAsync("12345678");
                await page.Locator("#PpsPassword").FillAsync("internet1");
                await page.Locator("button[data-pay=pps]").ClickAsync();
                break;
        }

        // Back at OneStop. FPS and PPS settle later: the page says it is waiting, and "Check again" shows the outcome.
        await page.WaitForURLAsync(new Regex("/payments/[0-9a-f-]{36}$"));
        if (method != "card")
        {
            await Assertions.Expect(page.Locator("[data-payment-state]")).ToHaveAttributeAsync("data-payment-state", "pending");
            await session.AssertAccessibleAsync();
            await portal.Server.SettleAsync();
            await page.Locator("main a[data-check-again]").ClickAsync();
            await page.WaitForURLAsync(new Regex("/payments/[0-9a-f-]{36}$"));
        }
        await Assertions.Expect(page.Locator("[data-payment-state]")).ToHaveAttributeAsync("data-payment-state", "succeeded");
        await Assertions.Expect(page.Locator("[data-payment-reference]")).ToHaveTextAsync(new Regex(@"^PAY-\d{4}-\d{6}$"));
        await session.AssertAccessibleAsync();

        // The receipt: a PDF from the payment page.
        var receipt = await page.Locator("main a[data-receipt]").GetAttributeAsync("href");
        var pdf = await page.APIRequest.GetAsync(portal.BaseUrl + receipt);
        Assert.Equal(200, pdf.Status);
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(await pdf.BodyAsync(), 0, 5));

        // My applications shows the application with its receipt.
        await page.GotoAsync(edition.Path("/applications"));
        await Assertions.Expect(page.Locator("main a[href$='/receipt.pdf']")).ToHaveCountAsync(1);
        await session.AssertAccessibleAsync();
    }
}
