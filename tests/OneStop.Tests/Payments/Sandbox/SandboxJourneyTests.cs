using Microsoft.EntityFrameworkCore;
using OneStop.Cases;
using OneStop.Payments;
using OneStop.Payments.Engine;
using OneStop.Payments.Sandbox;
using OneStop.Platform.Jobs;
using OneStop.Tests.Cases;
using OneStop.Tests.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace OneStop.Tests.Payments.Sandbox;

/// <summary>The payer's journeys through the sandbox's hosted page: each way to pay, each way it goes wrong.</summary>
public abstract class SandboxJourneyTests(Provider provider)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PayByCard_CallbackBeforeReturn_PaymentSucceedsAndCaseOpens()
    {
        await using var app = await SandboxSteps.AppAsync(provider);
        var payer = await app.PayerAtGatewayAsync();

        using var paid = await payer.Client.PayByCardAsync(payer.Hosted);
        await app.SettleAllAsync();

        var payment = await app.PaymentAsync(payer.PaymentId);
        Assert.Equal((PaymentState.Succeeded, "card"), (payment.State, payment.Method));
        Assert.Equal([("payment.succeeded", "applied")], (await app.CallbacksAsync()).Select(c => (c.EventType, c.Outcome)));
        Assert.Equal("succeeded", (await payer.Client.ReturnAsync(paid)).State());
        Assert.True(await app.QueryCasesAsync(db => db.Set<Case>().AnyAsync(c => c.SubmissionId == payer.Application.SubmissionId, Cancel)));
    }

    [Fact]
    public async Task PayByCard_DeclinedThenGoodCardOnSameCheckout_PaymentFailsThenSucceeds()
    {
        await using var app = await SandboxSteps.AppAsync(provider);
        var payer = await app.PayerAtGatewayAsync();

        using var declined = await payer.Client.PayByCardAsync(payer.Hosted, SandboxCards.Declined);
        var declinedPage = await declined.ReadPageAsync();
        await app.SettleAllAsync();
        Assert.Equal(PaymentState.Failed, (await app.PaymentAsync(payer.PaymentId)).State);
        using var paid = await payer.Client.PayByCardAsync(payer.Hosted);
        var page = await payer.Client.ReturnAsync(paid);

        Assert.Equal(200, (int)declined.StatusCode);
        Assert.Contains("Your card was declined", declinedPage.ErrorSummary().Single());
        Assert.Equal("succeeded", page.State());
        var reference = (await app.PaymentAsync(payer.PaymentId)).Reference;
        Assert.Equal(1, await app.AuditCountAsync(PaymentAuditEvents.Failed, reference));
        Assert.Equal(1, await app.AuditCountAsync(PaymentAuditEvents.Succeeded, reference));
        Assert.False(await app.HeldAsync(payer.Application.SubmissionId));
    }

    [Fact]
    public async Task PayByCard_InsufficientFunds_SaysSoAndPaymentFailsWithApplicationHeld()
    {
        await using var app = await SandboxSteps.AppAsync(provider);
        var payer = await app.PayerAtGatewayAsync();

        using var declined = await payer.Client.PayByCardAsync(payer.Hosted, SandboxCards.InsufficientFunds);
        var hostedPage = await declined.ReadPageAsync();
        await app.SettleAllAsync();

        Assert.Contains("not enough money", hostedPage.ErrorSummary().Single());
        Assert.Equal(PaymentState.Failed, (await app.PaymentAsync(payer.PaymentId)).State);
        var (_, paymentPage) = await payer.Client.GetPageAsync(payer.PaymentPath);
        Assert.Equal("failed", paymentPage.State());
        Assert.NotNull(paymentPage.QuerySelector("form[action*='handler=Again']"));
        Assert.True(await app.HeldAsync(payer.Application.SubmissionId));
    }

    [Fact]
    public async Task PayByFps_ProcessingUntilSettlementDelay_ThenSucceeds()
    {
        await using var app = await SandboxSteps.AppAsync(provider, ("Payments:Sandbox:SettlementDelay", "00:00:30"));
        var payer = await app.PayerAtGatewayAsync();

        using var paid = await payer.Client.SubmitAsync(payer.Hosted, new Dictionary<string, string>(), "Fps");
        var pending = await payer.Client.ReturnAsync(paid);
        await app.StepAsync(TimeSpan.FromSeconds(20));
        var stillPending = await app.PaymentAsync(payer.PaymentId);
        await app.SettleAllAsync(TimeSpan.FromSeconds(15));

        Assert.Equal("pending", pending.State());
        Assert.NotNull(pending.QuerySelector("[data-check-again]"));
        Assert.Equal(PaymentState.Pending, stillPending.State);
        var settled = await app.PaymentAsync(payer.PaymentId);
        Assert.Equal((PaymentState.Succeeded, "fps"), (settled.State, settled.Method));
        Assert.Equal(["checkout.processing", "payment.succeeded"], (await app.CallbacksAsync()).Select(c => c.EventType));
        Assert.False(await app.HeldAsync(payer.Application.SubmissionId));
    }

    [Fact]
    public async Task PayByPps_SettlesAfterDelay_Succeeds()
    {
        await using var app = await SandboxSteps.AppAsync(provider);
        var payer = await app.PayerAtGatewayAsync();

        using var paid = await payer.Client.PayByPpsAsync(payer.Hosted);
        var pending = await payer.Client.ReturnAsync(paid);
        await app.SettleAllAsync();

        Assert.Equal("pending", pending.State());
        var settled = await app.PaymentAsync(payer.PaymentId);
        Assert.Equal((PaymentState.Succeeded, "pps"), (settled.State, settled.Method));
    }

    [Fact]
    public async Task PayByPps_DeclinedAccount_SaysSoAndPaymentFails()
    {
        await using var app = await SandboxSteps.AppAsync(provider);
        var payer = await app.PayerAtGatewayAsync();

        using var declined = await payer.Client.PayByPpsAsync(payer.Hosted, SandboxCards.DeclinedPps);
        var hostedPage = await declined.ReadPageAsync();
        await app.SettleAllAsync();

        Assert.Contains("PPS declined the payment", hostedPage.ErrorSummary().Single());
        var payment = await app.PaymentAsync(payer.PaymentId);
        Assert.Equal((PaymentState.Failed, "pps"), (payment.State, payment.Method));
    }

    [Fact]
    public async Task Cancel_OnHostedPage_PaymentCancelledAndTryAgainMakesSecondAttemptThatCanBePaid()
    {
        await using var app = await SandboxSteps.AppAsync(provider);
        var payer = await app.PayerAtGatewayAsync();

        using var cancelled = await payer.Client.SubmitAsync(payer.Hosted, new Dictionary<string, string>(), "Cancel");
        var page = await payer.Client.ReturnAsync(cancelled);
        using var again = await payer.Client.SubmitAsync(page, payer.PaymentPath, new Dictionary<string, string>(), "Again");
        var secondPath = again.Location();
        var hosted = await payer.Client.PressPayAsync(secondPath);
        using var paid = await payer.Client.PayByCardAsync(hosted);
        var outcome = await payer.Client.ReturnAsync(paid);

        Assert.Equal("cancelled", page.State());
        Assert.NotEqual(payer.PaymentPath, secondPath);
        Assert.NotEqual(payer.Hosted, hosted);
        var second = await app.PaymentAsync(Guid.Parse(secondPath.Split('/')[2]));
        var first = await app.PaymentAsync(payer.PaymentId);
        Assert.Equal((2, first.Reference + "/2", PaymentState.Succeeded), (second.Attempt, second.Reference, second.State));
        Assert.Equal(PaymentState.Cancelled, first.State);
        Assert.Equal("succeeded", outcome.State());
        Assert.False(await app.HeldAsync(payer.Application.SubmissionId));
    }

    [Fact]
    public async Task NeverCompleted_ExpiryJobAfterExpireAfter_PaymentExpiredPageSaysStartAgainApplicationHeld()
    {
        await using var app = await SandboxSteps.AppAsync(provider, ("Payments:ExpireAfter", "00:20:00"));
        var payer = await app.PayerAtGatewayAsync();
        var expiry = app.Services.GetServices<IRecurringJob>().OfType<ExpirePayments>().Single();

        app.Clock.Advance(TimeSpan.FromMinutes(19));
        await expiry.RunOnceAsync(Cancel);
        var beforeDue = await app.PaymentAsync(payer.PaymentId);
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await expiry.RunOnceAsync(Cancel);
        await app.SettleAllAsync();

        Assert.Equal(PaymentState.Created, beforeDue.State);
        Assert.Equal(PaymentState.Expired, (await app.PaymentAsync(payer.PaymentId)).State);
        var (_, page) = await payer.Client.GetPageAsync(payer.PaymentPath);
        Assert.Equal("expired", page.State());
        Assert.Contains("Start again to pay HK$300.00", page.QuerySelector("[data-payment-state]")!.TextContent);
        Assert.NotNull(page.QuerySelector("form[action*='handler=Again']"));
        Assert.True(await app.HeldAsync(payer.Application.SubmissionId));
        var (_, hostedPage) = await payer.Client.GetPageAsync(payer.Hosted);
        Assert.NotNull(hostedPage.QuerySelector("[data-closed]"));
        Assert.Equal([("checkout.expired", "unchanged")], (await app.CallbacksAsync()).Select(c => (c.EventType, c.Outcome)));
    }
}

public sealed class SandboxJourneySqliteTests() : SandboxJourneyTests(Provider.Sqlite);

public sealed class SandboxJourneyPostgresTests() : SandboxJourneyTests(Provider.Postgres);
