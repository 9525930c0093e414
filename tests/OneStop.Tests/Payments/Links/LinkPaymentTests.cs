using System.Net;
using Microsoft.EntityFrameworkCore;
using OneStop.Payments;
using OneStop.Platform.Localisation;
using OneStop.Tests.Notifications;
using OneStop.Tests.Office;
using OneStop.Tests.Payments.Receipts;
using OneStop.Tests.Platform.Pdf;

namespace OneStop.Tests.Payments.Links;

/// <summary>/pay and /pay/{code}: a bill paid with the reference the payer types, for the item's amount, once per form.</summary>
public abstract class LinkPaymentTests(Provider provider) : IAsyncLifetime
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private OneStopApp _app = null!;

    public ValueTask InitializeAsync()
    {
        if (provider == Provider.Postgres) PostgresServer.SkipIfUnavailable();
        _app = new OneStopApp(provider);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private Task<List<Payment>> PaymentsOfAsync(string code) =>
        _app.QueryAsync(db => db.Set<Payment>().AsNoTracking().Where(p => p.LinkCode == code).ToListAsync(Cancel));

    [Fact]
    public async Task PayIndex_ActiveItems_ListedUnderTheirDepartment_InactiveLeftOut()
    {
        var water = await _app.ItemAsync();
        var fine = await _app.ItemAsync(department: "TD", amount: 400m);
        var retired = await _app.ItemAsync(active: false);

        var (status, page) = await _app.NewBrowser().GetPageAsync("/zh-hk/pay");

        Assert.Equal(200, status);
        Assert.NotNull(page.QuerySelector($"[data-item='{water.Code}'] a[href='/zh-hk/pay/{water.Code}']"));
        Assert.Contains("HK$400.00", page.QuerySelector($"[data-item='{fine.Code}']")!.TextContent);
        Assert.Null(page.QuerySelector($"[data-item='{retired.Code}']"));
        Assert.Equal(["水務署", "運輸署"], page.QuerySelectorAll("h2.govuk-heading-m").Select(h => h.TextContent.Trim()).Where(t => t is "運輸署" or "水務署").Order());
    }

    [Fact]
    public async Task Pay_ReferenceBreaksThePattern_ErrorSummaryInPayersLanguage_KeepsWhatTheyTyped()
    {
        var item = await _app.ItemAsync();

        using var response = await _app.NewBrowser().SubmitAsync($"/zh-hk/pay/{item.Code}",
            new Dictionary<string, string> { ["Reference"] = "1234-5678", ["Email"] = "not an email" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.StartsWith("錯誤", page.Title);
        Assert.Equal(["請按賬單或通知書上所示準確輸入賬戶號碼", "請以正確格式輸入電郵地址，例如 name@example.com"], page.ErrorSummary());
        Assert.Equal("1234-5678", page.QuerySelector("input#Reference")!.GetAttribute("value"));
        Assert.Equal("not an email", page.QuerySelector("input#Email")!.GetAttribute("value"));
        Assert.Empty(await PaymentsOfAsync(item.Code));
    }

    [Fact]
    public async Task Pay_Guest_PostedAmountIgnored_PaymentOfTheItemsAmountWithTheEmailEncrypted()
    {
        var item = await _app.ItemAsync(amount: 286.40m);
        var browser = _app.NewBrowser();

        using var response = await browser.SubmitAsync($"/pay/{item.Code}",
            new Dictionary<string, string> { ["Reference"] = " 12345678901 ", ["Email"] = "payer@example.com", ["Amount"] = "1.00" });

        var payment = Assert.Single(await PaymentsOfAsync(item.Code));
        Assert.Equal(PaymentsPage(payment), response.Location());
        Assert.Equal((PaymentPurpose.Link, 286.40m, "12345678901", null, "WSD"), (payment.Purpose, payment.Amount, payment.PayerReference, payment.PayerId, payment.DepartmentCode));
        Assert.Equal($"link:{item.Code}:", payment.IdempotencyKey[..(item.Code.Length + 6)]);
        Assert.DoesNotContain("payer@example.com", payment.PayerEmail);
        var page = await (await browser.GetAsync(response.Location(), Cancel)).ReadPageAsync();
        Assert.Equal("HK$286.40", page.QuerySelector("[data-total]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Pay_SameFormSentTwice_OnePayment()
    {
        var item = await _app.ItemAsync();
        var browser = _app.NewBrowser();
        var (_, form) = await browser.GetPageAsync($"/pay/{item.Code}");
        var fields = new Dictionary<string, string> { ["Reference"] = "12345678901", ["Email"] = "payer@example.com" };

        using var first = await browser.SubmitAsync(form, $"/pay/{item.Code}", fields);
        using var second = await browser.SubmitAsync(form, $"/pay/{item.Code}", fields);
        // The same form, kept by the back button and changed: a payment of its own.
        using var changed = await browser.SubmitAsync(form, $"/pay/{item.Code}", new Dictionary<string, string>(fields) { ["Reference"] = "10987654321" });

        Assert.Equal(first.Location(), second.Location());
        Assert.NotEqual(first.Location(), changed.Location());
        Assert.Equal(["10987654321", "12345678901"], (await PaymentsOfAsync(item.Code)).Select(p => p.PayerReference).Order());
    }

    [Fact]
    public async Task Pay_SignedIn_NoEmailAsked_PaymentIsTheAccountsAndTheReceiptGoesToIt()
    {
        var item = await _app.ItemAsync();
        var (userId, email) = await _app.CitizenAsync();
        var client = await _app.SignedInAsync(email);
        var (_, form) = await client.GetPageAsync($"/pay/{item.Code}");

        using var response = await client.SubmitAsync(form, $"/pay/{item.Code}", new Dictionary<string, string> { ["Reference"] = "12345678901" });

        Assert.Null(form.QuerySelector("input#Email"));
        var payment = Assert.Single(await PaymentsOfAsync(item.Code));
        Assert.Equal($"/payments/{payment.Id}", response.Location());
        Assert.Equal((userId, (string?)null), (payment.PayerId, payment.PayerEmail));
        await _app.PaidAsync(payment.Id);
        await _app.RunOutboxAsync();
        Assert.Single(_app.To(email), m => m.Attachments.Any());
    }

    [Fact]
    public async Task Pay_GuestPaid_ReceiptEmailedToTheAddressGivenAndOpensWithTheKey()
    {
        var item = await _app.ItemAsync();
        var email = Identity.Accounts.NewEmail();
        var browser = _app.NewBrowser();
        using var response = await browser.SubmitAsync($"/zh-cn/pay/{item.Code}", new Dictionary<string, string> { ["Reference"] = "12345678901", ["Email"] = email });
        var payment = Assert.Single(await PaymentsOfAsync(item.Code));

        await _app.PaidAsync(payment.Id, "pps");
        await _app.RunOutboxAsync();

        var mail = Assert.Single(_app.To(email), m => m.Attachments.Any());
        Assert.Contains(payment.Reference, mail.Subject);
        Assert.Contains(payment.AccessKey, mail.TextBody);
        var text = await Poppler.TextAsync(await browser.ReceiptAsync($"/zh-cn/payments/{payment.Id}/receipt.pdf?key={Uri.EscapeDataString(payment.AccessKey)}"));
        foreach (var expected in new[] { "收据", "水务署", payment.Reference, "付款项目", "水费单", "账户号码", "12345678901", "缴费灵", "HK$286.40" })
            Assert.Contains(expected, text);
        using var withoutKey = await browser.GetAsync($"/payments/{payment.Id}/receipt.pdf", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, withoutKey.StatusCode);
    }

    [Fact]
    public async Task Pay_InactiveOrUnknownItem_Answers404()
    {
        var retired = await _app.ItemAsync(active: false);
        var browser = _app.NewBrowser();

        using var inactive = await browser.GetAsync($"/pay/{retired.Code}", Cancel);
        using var unknown = await browser.GetAsync("/pay/no-such-item", Cancel);

        Assert.Equal(HttpStatusCode.NotFound, inactive.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private static string PaymentsPage(Payment payment) => $"/payments/{payment.Id}?key={Uri.EscapeDataString(payment.AccessKey)}";
}

public sealed class LinkPaymentSqliteTests() : LinkPaymentTests(Provider.Sqlite);

public sealed class LinkPaymentPostgresTests() : LinkPaymentTests(Provider.Postgres);
