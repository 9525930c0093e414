using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Cases;
using OneStop.Cases.Engine;
using OneStop.Notifications;
using OneStop.Payments;
using OneStop.Payments.Engine;
using OneStop.Platform.Database;
using OneStop.Platform.Outbox;
using OneStop.Tests.Cases;
using OneStop.Tests.Notifications;
using OneStop.Tests.Office;
using OneStop.Tests.Office.Cases;
using OneStop.Tests.Office.Payments;

namespace OneStop.Tests.Payments.Refunds;

/// <summary>Refunds OneStop makes by itself from the outbox: a purpose paid twice, and a rejected application whose fees say so. Each once, however often the message comes.</summary>
public abstract class AutomaticRefundTests(Provider provider) : IAsyncLifetime
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

    /// <summary>Fees of HK$100 a vehicle that are given back when the application is rejected (or not, as asked).</summary>
    private Task FeesAsync(bool refundOnRejection) =>
        _app.SetFeesAsync(PaymentSteps.PerVehicleFees.Replace("\"when\": \"submission\",", $"\"when\": \"submission\", \"refundOnRejection\": {(refundOnRejection ? "true" : "false")},"));

    private async Task SendAsync<T>(string topic, T message)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Outbox>().Add(topic, message);
        await scope.ServiceProvider.GetRequiredService<OneStopDb>().SaveChangesAsync(Cancel);
    }

    private Task<Notification> RefundNotificationAsync(Guid refundId) =>
        _app.QueryCasesAsync(db => db.Set<Notification>().AsNoTracking().SingleAsync(n => n.IdempotencyKey == $"payment-refunded:{refundId}", Cancel));

    private async Task<IReadOnlyDictionary<string, string>> ValuesAsync(Notification notification)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return scope.ServiceProvider.GetRequiredService<NotificationProtection>().UnprotectValues(notification.Values);
    }

    [Fact]
    public async Task DuplicatePayment_DeliveredTwice_RefundedInFullOnceWithReasonInThreeLanguages()
    {
        var (payment, email) = await _app.PaidByGuestAsync();

        await SendAsync(DuplicatePayment.Topic, new DuplicatePayment(payment.Id));
        await SendAsync(DuplicatePayment.Topic, new DuplicatePayment(payment.Id));
        await _app.RunOutboxAsync();
        await _app.RunOutboxAsync();

        var refund = Assert.Single(await _app.RefundsOfAsync(payment.Id));
        Assert.Equal((200m, RefundState.Succeeded, true, (Guid?)null), (refund.Amount, refund.State, refund.Automatic, refund.RequestedBy));
        Assert.Equal(PaymentState.Refunded, (await _app.PaymentAsync(payment.Id)).State);
        var values = await ValuesAsync(await RefundNotificationAsync(refund.Id));
        Assert.Equal("You paid twice for the same thing", values["reason"]);
        Assert.Equal("你就同一項目付款了兩次", values["reason:zh-HK"]);
        Assert.Equal("你就同一项目付款了两次", values["reason:zh-CN"]);
        Assert.Equal("HK$200.00", values["refund"]);
        Assert.Contains(_app.To(email), m => (m.TextBody ?? "").Contains("You paid twice for the same thing", StringComparison.Ordinal));
        var (officer, _, _) = await _app.OfficerAsync();
        var page = await officer.PageAsync("/office/payments/" + payment.Reference);
        Assert.Equal("You paid twice for the same thing", page.QuerySelector("[data-refund-reason]")!.TextContent.Trim());
    }

    [Fact]
    public async Task CaseRejected_FeesRefundOnRejection_PaidFeeRefundedOnce()
    {
        await FeesAsync(refundOnRejection: true);
        var (payment, _) = await _app.PaidByGuestAsync();
        var (officer, _, _) = await _app.OfficerAsync();
        var (supervisor, _, _) = await _app.OfficerAsync(OneStop.Identity.Staff.StaffRole.Supervisor);
        // Part of it was already given back by hand: only the rest goes.
        using var part = await supervisor.RefundAsync(payment.Reference, "50", "One vehicle withdrawn");
        var c = await _app.QueryCasesAsync(db => db.Set<Case>().AsNoTracking().SingleAsync(x => x.SubmissionId == payment.SubmissionId, Cancel));

        using var rejected = await officer.PostCaseAsync(c.Reference, "Take&actionId=reject", ("Reason", "The vehicle is not registered"), ("Note", "Checked"));
        await _app.RunOutboxAsync();
        await SendAsync(CaseClosed.Topic, new CaseClosed(c.Id, c.SubmissionId, OneStop.Cases.Workflows.Outcome.Rejected));
        await _app.RunOutboxAsync();

        Assert.Equal("redirect", rejected.Outcome());
        var refunds = await _app.RefundsOfAsync(payment.Id);
        Assert.Equal(2, refunds.Count);
        var refund = Assert.Single(refunds, r => r.Automatic);
        Assert.Equal((150m, RefundState.Succeeded), (refund.Amount, refund.State));
        Assert.Equal(PaymentState.Refunded, (await _app.PaymentAsync(payment.Id)).State);
        var values = await ValuesAsync(await RefundNotificationAsync(refund.Id));
        Assert.Equal("你的申請不獲批准", values["reason:zh-HK"]);
    }

    [Fact]
    public async Task CaseRejected_FeesKeepTheFee_NothingRefunded()
    {
        await FeesAsync(refundOnRejection: false);
        var (payment, _) = await _app.PaidByGuestAsync();
        var (officer, _, _) = await _app.OfficerAsync();
        var c = await _app.QueryCasesAsync(db => db.Set<Case>().AsNoTracking().SingleAsync(x => x.SubmissionId == payment.SubmissionId, Cancel));

        using var rejected = await officer.PostCaseAsync(c.Reference, "Take&actionId=reject", ("Reason", "The vehicle is not registered"), ("Note", "Checked"));
        await _app.RunOutboxAsync();

        Assert.Equal("redirect", rejected.Outcome());
        Assert.Equal(OneStop.Cases.Workflows.Outcome.Rejected, (await _app.CaseAsync(c.Reference)).Outcome);
        Assert.Empty(await _app.RefundsOfAsync(payment.Id));
        Assert.Equal(PaymentState.Succeeded, (await _app.PaymentAsync(payment.Id)).State);
    }
}

public sealed class AutomaticRefundSqliteTests() : AutomaticRefundTests(Provider.Sqlite);

public sealed class AutomaticRefundPostgresTests() : AutomaticRefundTests(Provider.Postgres);
