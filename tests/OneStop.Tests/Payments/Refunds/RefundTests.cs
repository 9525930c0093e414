using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Identity.Staff;
using OneStop.Payments;
using OneStop.Payments.Engine;
using OneStop.Payments.Sandbox;
using OneStop.Platform.Database;
using OneStop.Tests.Cases;
using OneStop.Tests.Notifications;
using OneStop.Tests.Office;
using OneStop.Tests.Office.Cases;
using OneStop.Tests.Office.Payments;

namespace OneStop.Tests.Payments.Refunds;

/// <summary>Refunds by supervisors and administrators from the payment page: in part or in full, never more than was paid, once per form.</summary>
public abstract class RefundTests(Provider provider) : IAsyncLifetime
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

    private Task<int> SandboxRefundsAsync(string checkout) =>
        _app.QueryCasesAsync(db => db.Set<SandboxRefund>().CountAsync(r => r.CheckoutId == checkout, Cancel));

    [Fact]
    public async Task Refund_PartThenRest_PaymentMovesOnAuditedAndPayerTold()
    {
        var (payment, email) = await _app.PaidByGuestAsync();
        var (supervisor, supervisorId, _) = await _app.OfficerAsync(StaffRole.Supervisor);

        using var part = await supervisor.RefundAsync(payment.Reference, "50", "One vehicle was withdrawn");
        var afterPart = await _app.PaymentAsync(payment.Id);
        await _app.RunOutboxAsync();
        var mail = Assert.Single(_app.To(email), m => (m.Subject ?? "").Contains("refunded", StringComparison.Ordinal));
        var (admin, _, _) = await _app.OfficerAsync(StaffRole.DepartmentAdmin);
        using var rest = await admin.RefundAsync(payment.Reference, "HK$150.00", "Application cancelled");
        var page = await admin.PageAsync(rest.Location());

        Assert.Equal("/office/payments/" + payment.Reference, part.Location());
        Assert.Equal((PaymentState.PartlyRefunded, 50m), (afterPart.State, afterPart.RefundedAmount));
        Assert.Contains("HK$50.00", mail.Subject);
        Assert.Contains("One vehicle was withdrawn", mail.TextBody);
        var done = await _app.PaymentAsync(payment.Id);
        Assert.Equal((PaymentState.Refunded, 200m), (done.State, done.RefundedAmount));
        var refunds = await _app.RefundsOfAsync(payment.Id);
        Assert.All(refunds, r => Assert.Equal(RefundState.Succeeded, r.State));
        Assert.Equal([50m, 150m], refunds.OrderBy(r => r.RequestedAt).Select(r => r.Amount));
        Assert.Contains(refunds, r => r.RequestedBy == supervisorId && !r.Automatic);
        Assert.Equal(2, (await _app.AuditOfAsync(PaymentAuditEvents.Refunded, payment.Reference)).Count);
        Assert.Equal(2, await SandboxRefundsAsync(payment.ProviderReference!));
        Assert.Equal(["One vehicle was withdrawn", "Application cancelled"], page.QuerySelectorAll("[data-refund-reason]").Select(r => r.TextContent.Trim()));
        Assert.Null(page.QuerySelector("[data-refund-form]"));
    }

    [Fact]
    public async Task Refund_MoreThanPaidOrNoReason_ErrorsAndNothingRefunded()
    {
        var (payment, _) = await _app.PaidByGuestAsync();
        var (supervisor, _, _) = await _app.OfficerAsync(StaffRole.Supervisor);

        using var tooMuch = await supervisor.RefundAsync(payment.Reference, "200.01", "Too much");
        var tooMuchPage = await tooMuch.ReadPageAsync();
        using var noReason = await supervisor.RefundAsync(payment.Reference, "20", " ");
        var noReasonPage = await noReason.ReadPageAsync();
        using var notAmount = await supervisor.RefundAsync(payment.Reference, "twenty", "Words");
        var notAmountPage = await notAmount.ReadPageAsync();

        Assert.Equal(["The amount must not be more than what is left to refund"], tooMuchPage.ErrorSummary());
        Assert.Equal("200.01", tooMuchPage.QuerySelector("#Amount")!.GetAttribute("value"));
        Assert.Equal(["Enter the reason for the refund"], noReasonPage.ErrorSummary());
        Assert.Equal(["Enter an amount in Hong Kong dollars, like 150.00"], notAmountPage.ErrorSummary());
        Assert.Empty(await _app.RefundsOfAsync(payment.Id));
        Assert.Equal(0, await SandboxRefundsAsync(payment.ProviderReference!));
    }

    [Fact]
    public async Task Refund_SameFormPostedTwice_OneRefund()
    {
        var (payment, _) = await _app.PaidByGuestAsync();
        var (supervisor, _, _) = await _app.OfficerAsync(StaffRole.Supervisor);
        var page = await supervisor.PageAsync("/office/payments/" + payment.Reference);

        using var first = await supervisor.RefundAsync(payment.Reference, "80", "Overcharged", page);
        using var second = await supervisor.RefundAsync(payment.Reference, "80", "Overcharged", page);

        Assert.Equal(first.Location(), second.Location());
        var refund = Assert.Single(await _app.RefundsOfAsync(payment.Id));
        Assert.Equal((80m, RefundState.Succeeded), (refund.Amount, refund.State));
        Assert.Equal(80m, (await _app.PaymentAsync(payment.Id)).RefundedAmount);
        Assert.Equal(1, await SandboxRefundsAsync(payment.ProviderReference!));
    }

    [Fact]
    public async Task Refund_TwoSupervisorsRefundInFullAtOnce_OneRefundsOtherRefused()
    {
        var (payment, _) = await _app.PaidByGuestAsync();
        var (one, _, _) = await _app.OfficerAsync(StaffRole.Supervisor);
        var (two, _, _) = await _app.OfficerAsync(StaffRole.DepartmentAdmin);
        var onePage = await one.PageAsync("/office/payments/" + payment.Reference);
        var twoPage = await two.PageAsync("/office/payments/" + payment.Reference);

        var responses = await Task.WhenAll(
            one.RefundAsync(payment.Reference, "200", "Duplicate application", onePage),
            two.RefundAsync(payment.Reference, "200", "Duplicate application", twoPage));

        var refused = Assert.Single(responses, r => (int)r.StatusCode == 200);
        Assert.Single(responses, r => r.Outcome() == "redirect");
        Assert.Single((await refused.ReadPageAsync()).ErrorSummary());
        var refund = Assert.Single(await _app.RefundsOfAsync(payment.Id));
        Assert.Equal(RefundState.Succeeded, refund.State);
        var done = await _app.PaymentAsync(payment.Id);
        Assert.Equal((PaymentState.Refunded, 200m), (done.State, done.RefundedAmount));
        Assert.Equal(1, await SandboxRefundsAsync(payment.ProviderReference!));
        foreach (var r in responses) r.Dispose();
    }

    [Fact]
    public async Task Refund_ProviderRefuses_RecordedAsFailedAndMoneyStillRefundable()
    {
        var (payment, _) = await _app.PaidByGuestAsync();
        var (supervisor, _, _) = await _app.OfficerAsync(StaffRole.Supervisor);
        // The provider's side no longer holds the payment as paid (a chargeback, say): it refuses.
        await _app.QueryCasesAsync(db => db.Set<SandboxCheckout>().Where(c => c.Id == payment.ProviderReference)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.State, SandboxCheckoutState.Cancelled), Cancel));

        using var response = await supervisor.RefundAsync(payment.Reference, "100", "Overcharged");
        var page = await supervisor.PageAsync(response.Location());

        var refund = Assert.Single(await _app.RefundsOfAsync(payment.Id));
        Assert.Equal((RefundState.Failed, "not_paid"), (refund.State, refund.FailureCode));
        var after = await _app.PaymentAsync(payment.Id);
        Assert.Equal((PaymentState.Succeeded, 0m), (after.State, after.RefundedAmount));
        Assert.Single(await _app.AuditOfAsync(PaymentAuditEvents.RefundFailed, payment.Reference));
        Assert.Equal("failed", page.QuerySelector("[data-refund-state]")!.GetAttribute("data-refund-state"));
        Assert.NotNull(page.QuerySelector("[data-refund-form]"));
    }
}

public sealed class RefundSqliteTests() : RefundTests(Provider.Sqlite);

public sealed class RefundPostgresTests() : RefundTests(Provider.Postgres);
