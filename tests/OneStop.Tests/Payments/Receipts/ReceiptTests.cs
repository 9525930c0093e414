using System.Net;
using Microsoft.EntityFrameworkCore;
using OneStop.Payments;
using OneStop.Payments.Engine;
using OneStop.Platform.Localisation;
using OneStop.Tests.Cases;
using OneStop.Tests.Notifications;
using OneStop.Tests.Office;
using OneStop.Tests.Platform.Pdf;

namespace OneStop.Tests.Payments.Receipts;

/// <summary>The receipt of a paid application: the PDF from the payment page, who may have it, and the email that carries it once.</summary>
public abstract class ReceiptTests(Provider provider) : IAsyncLifetime
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private OneStopApp _app = null!;

    /// <summary>HK$100 per vehicle, 10% off for three or more: a line with a quantity and a concession.</summary>
    public const string FleetFees = """
        {
          "when": "submission",
          "items": [
            { "id": "permit", "name": { "en": "Permit fee", "zh-HK": "許可證費用", "zh-CN": "许可证费用" }, "unitAmount": 100, "quantityFrom": "vehicles" }
          ],
          "concessions": [
            { "id": "fleet", "name": { "en": "Fleet concession", "zh-HK": "車隊優惠", "zh-CN": "车队优惠" }, "when": { "field": "vehicles", "atLeast": 3 }, "percentOff": 10 }
          ]
        }
        """;

    public async ValueTask InitializeAsync()
    {
        if (provider == Provider.Postgres) PostgresServer.SkipIfUnavailable();
        _app = new OneStopApp(provider);
        await _app.SetFeesAsync(FleetFees);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task ReceiptPdf_PaidInTraditionalChinese_HasReferencesLinesConcessionAndTotalInChinese()
    {
        var (userId, email) = await _app.CitizenAsync(Language.ZhHk);
        var client = await _app.SignedInAsync(email);
        var accepted = await _app.ApplyAsync(userId, vehicles: 3, language: "zh-HK");
        var payment = await _app.PaymentForAsync(accepted.SubmissionId);
        await _app.PaidAsync(payment.Id, "fps");

        var pdf = await client.ReceiptAsync($"/zh-hk/payments/{payment.Id}/receipt.pdf");

        var text = await Poppler.TextAsync(pdf);
        foreach (var expected in new[] { "一站通", "運輸署", "收據", "付款編號", payment.Reference, "申請編號", accepted.Reference, "香港時間", "轉數快",
                     "許可證費用", "3 × HK$100.00", "車隊優惠：減免 HK$30.00", "HK$270.00" })
            Assert.Contains(expected, text);
        Assert.DoesNotContain("至今已退款", text);
        Assert.Equal(payment.Reference, (await Poppler.InfoAsync(pdf))["Title"].Split(' ').Last());
    }

    [Fact]
    public async Task PaymentPage_Paid_LinksToTheReceipt_NotBefore()
    {
        var (userId, email) = await _app.CitizenAsync();
        var client = await _app.SignedInAsync(email);
        var accepted = await _app.ApplyAsync(userId, vehicles: 1);
        var payment = await _app.PaymentForAsync(accepted.SubmissionId);
        var before = await (await client.GetAsync($"/payments/{payment.Id}", Cancel)).ReadPageAsync();

        await _app.PaidAsync(payment.Id);

        Assert.Null(before.QuerySelector("[data-receipt]"));
        var after = await (await client.GetAsync($"/payments/{payment.Id}", Cancel)).ReadPageAsync();
        var href = after.QuerySelector("a[data-receipt]")!.GetAttribute("href")!;
        Assert.Equal($"/payments/{payment.Id}/receipt.pdf", href);
        var text = await Poppler.TextAsync(await client.ReceiptAsync(href));
        Assert.Contains("Receipt", text);
        Assert.Contains("HK$100.00", text);
    }

    [Fact]
    public async Task ReceiptPdf_NotPaidOrSomeoneElses_Answers404_SignedOutIsAskedToSignIn()
    {
        var (userId, email) = await _app.CitizenAsync();
        var owner = await _app.SignedInAsync(email);
        var accepted = await _app.ApplyAsync(userId, vehicles: 1);
        var payment = await _app.PaymentForAsync(accepted.SubmissionId);
        var url = $"/payments/{payment.Id}/receipt.pdf";

        using var unpaid = await owner.GetAsync(url, Cancel);
        await _app.PaidAsync(payment.Id);
        var other = await _app.SignedInAsync((await _app.CitizenAsync()).Email);
        using var someoneElse = await other.GetAsync(url, Cancel);
        using var withWrongKey = await other.GetAsync(url + "?key=" + payment.AccessKey, Cancel);
        using var signedOut = await _app.NewBrowser().GetAsync(url, Cancel);
        using var unknown = await owner.GetAsync($"/payments/{Guid.NewGuid()}/receipt.pdf", Cancel);

        Assert.Equal(HttpStatusCode.NotFound, unpaid.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, someoneElse.StatusCode);
        // The key opens only a payment without an account: an account holder's payment is theirs alone.
        Assert.Equal(HttpStatusCode.NotFound, withWrongKey.StatusCode);
        Assert.StartsWith("/account/sign-in", new Uri(new Uri("http://x"), signedOut.Location()).AbsolutePath);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task ReceiptEmail_PaymentSucceeded_SentOnceInPayersLanguageWithThePdf()
    {
        var (userId, email) = await _app.CitizenAsync(Language.ZhCn);
        var accepted = await _app.ApplyAsync(userId, vehicles: 2, language: "zh-CN");
        var payment = await _app.PaymentForAsync(accepted.SubmissionId);

        await _app.PaidAsync(payment.Id, "card");
        await _app.RunOutboxAsync();
        await _app.RedeliverAsync(PaymentSucceeded.Topic);

        var receipts = _app.To(email).Where(m => (m.Subject ?? "").Contains(payment.Reference, StringComparison.Ordinal) && m.Attachments.Any()).ToList();
        var mail = Assert.Single(receipts);
        Assert.Equal($"付款 {payment.Reference} 的收据", mail.Subject);
        Assert.Contains("HK$200.00", mail.TextBody);
        Assert.Contains(accepted.Reference, mail.TextBody);
        var attachment = Assert.IsType<MimeKit.MimePart>(Assert.Single(mail.Attachments));
        Assert.Equal($"receipt-{payment.Reference}.pdf", attachment.FileName);
        using var content = new MemoryStream();
        await attachment.Content!.DecodeToAsync(content, Cancel);
        var text = await Poppler.TextAsync(content.ToArray());
        Assert.Contains("收据", text);
        Assert.Contains(payment.Reference, text);
        Assert.Contains("银行卡", text);
        Assert.NotNull((await _app.PaymentAsync(payment.Id)).ReceiptSentAt);
    }

    [Fact]
    public async Task ReceiptEmail_AlreadyClaimed_IsNotSentAgain()
    {
        var (userId, email) = await _app.CitizenAsync();
        var accepted = await _app.ApplyAsync(userId, vehicles: 1);
        var payment = await _app.PaymentForAsync(accepted.SubmissionId);
        // Another node claimed the receipt a moment ago (it is sending it).
        await _app.QueryAsync(db => db.Set<Payment>().Where(p => p.Id == payment.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ReceiptSentAt, _app.Clock.GetUtcNow().UtcDateTime), Cancel));

        await _app.PaidAsync(payment.Id);
        await _app.RunOutboxAsync();

        Assert.DoesNotContain(_app.To(email), m => m.Attachments.Any());
    }
}

public sealed class ReceiptSqliteTests() : ReceiptTests(Provider.Sqlite);

public sealed class ReceiptPostgresTests() : ReceiptTests(Provider.Postgres);
