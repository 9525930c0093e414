using OneStop.Cases.Engine;
using OneStop.Cases.Workflows;
using OneStop.Tests.Cases;
using OneStop.Tests.Cases.Applicants;
using OneStop.Tests.Notifications;
using OneStop.Tests.Office;

namespace OneStop.Tests.Payments.Receipts;

/// <summary>The payer's applications and their fees: "Payment needed" and "Pay" while due, the receipt once paid, the payments on the application's page.</summary>
public abstract class ApplicantPaymentsTests(Provider provider) : IAsyncLifetime
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private OneStopApp _app = null!;

    private const string LicenceOnApproval = """
        { "when": "approval", "items": [ { "id": "licence", "name": { "en": "Licence fee", "zh-HK": "牌照費", "zh-CN": "牌照费" }, "amount": 560 } ] }
        """;

    public ValueTask InitializeAsync()
    {
        if (provider == Provider.Postgres) PostgresServer.SkipIfUnavailable();
        _app = new OneStopApp(provider);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Theory]
    [InlineData("", "Payment needed", "Amount due: HK$200.00.", "Pay")]
    [InlineData("/zh-hk", "需要付款", "應付金額：HK$200.00。", "付款")]
    public async Task MyApplications_HeldForPayment_PaymentNeededWithPay(string prefix, string state, string next, string action)
    {
        await _app.SetFeesAsync(ReceiptTests.FleetFees);
        var (userId, email) = await _app.CitizenAsync();
        var client = await _app.SignedInAsync(email);
        var accepted = await _app.ApplyAsync(userId, vehicles: 2);

        var (_, page) = await client.GetPageAsync(prefix + "/applications");

        var row = page.QuerySelector($"[data-reference='{accepted.Reference}']")!;
        Assert.Equal(state, row.QuerySelector("[data-state]")!.TextContent.Trim());
        Assert.Contains(next, row.QuerySelector("[data-next]")!.TextContent);
        var pay = row.QuerySelector("a[data-action]")!;
        Assert.StartsWith(action, pay.TextContent.Trim());
        Assert.Equal($"{prefix}/payments/application/{accepted.SubmissionId}", pay.GetAttribute("href"));
        Assert.Null(row.QuerySelector("[data-receipt]"));
    }

    [Fact]
    public async Task MyApplicationsAndApplicationPage_Paid_ReceiptLinkAndThePaymentListed()
    {
        await _app.SetFeesAsync(ReceiptTests.FleetFees);
        var (userId, email) = await _app.CitizenAsync();
        var client = await _app.SignedInAsync(email);
        var accepted = await _app.ApplyAsync(userId, vehicles: 2);
        var payment = await _app.PaymentForAsync(accepted.SubmissionId);

        await _app.PaidAsync(payment.Id);
        await _app.RunOutboxAsync();

        var (_, list) = await client.GetPageAsync("/applications");
        var row = list.QuerySelector($"[data-reference='{accepted.Reference}']")!;
        Assert.NotEqual("Payment needed", row.QuerySelector("[data-state]")!.TextContent.Trim());
        Assert.Null(row.QuerySelector("a[data-action]"));
        Assert.Equal($"/payments/{payment.Id}/receipt.pdf", row.QuerySelector("a[data-receipt]")!.GetAttribute("href"));
        var (status, sent) = await client.GetPageAsync($"/applications/sent/{accepted.Reference}");
        Assert.Equal(200, status);
        var listed = sent.QuerySelector($"[data-payments] tr[data-payment='{payment.Reference}']")!;
        Assert.Contains("HK$200.00", listed.TextContent);
        Assert.Equal("Paid", listed.QuerySelector("[data-payment-state]")!.TextContent.Trim());
        Assert.Equal($"/payments/{payment.Id}/receipt.pdf", listed.QuerySelector("a[data-receipt]")!.GetAttribute("href"));
        Assert.Null(listed.QuerySelector("a[data-pay]"));
        await client.ReceiptAsync($"/payments/{payment.Id}/receipt.pdf");
    }

    [Fact]
    public async Task MyApplications_ApprovedCaseAwaitingPayment_AmountDueAndPay()
    {
        await _app.SetFeesAsync(LicenceOnApproval);
        var (client, _, c) = await _app.ApplicantWithCaseAsync();
        await _app.OfficerAsync((a, now) => a.TakeAsync(ApplicantSteps.Officer(), now.Id, new ActionInput("approve", now.Revision), Cancel), c);
        Assert.Equal(BuiltInStates.AwaitingPaymentId, (await _app.CaseAsync(c.Reference)).State);
        var payment = await _app.PaymentForAsync(c.SubmissionId);

        var (_, list) = await client.GetPageAsync("/applications");
        var (_, sent) = await client.GetPageAsync($"/applications/sent/{c.Reference}");

        var row = list.QuerySelector($"[data-reference='{c.Reference}']")!;
        Assert.Equal("Waiting for payment", row.QuerySelector("[data-state]")!.TextContent.Trim());
        Assert.Contains("Amount due: HK$560.00.", row.QuerySelector("[data-next]")!.TextContent);
        Assert.Equal($"/payments/{payment.Id}", row.QuerySelector("a[data-action]")!.GetAttribute("href"));
        var listed = sent.QuerySelector($"tr[data-payment='{payment.Reference}']")!;
        Assert.Equal("Not paid yet", listed.QuerySelector("[data-payment-state]")!.TextContent.Trim());
        Assert.Equal($"/payments/{payment.Id}", listed.QuerySelector("a[data-pay]")!.GetAttribute("href"));
        Assert.Null(listed.QuerySelector("a[data-receipt]"));
    }

    [Fact]
    public async Task ApplicationPage_NoFee_NoPaymentsSection()
    {
        var (client, _, c) = await _app.ApplicantWithCaseAsync();

        var (status, sent) = await client.GetPageAsync($"/applications/sent/{c.Reference}");

        Assert.Equal(200, status);
        Assert.Null(sent.QuerySelector("[data-payments]"));
    }
}

public sealed class ApplicantPaymentsSqliteTests() : ApplicantPaymentsTests(Provider.Sqlite);

public sealed class ApplicantPaymentsPostgresTests() : ApplicantPaymentsTests(Provider.Postgres);
