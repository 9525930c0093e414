using System.Net;
using Microsoft.EntityFrameworkCore;
using OneStop.Cases;
using OneStop.Forms.Submitting;
using OneStop.Notifications;
using OneStop.Payments;
using OneStop.Payments.Engine;
using OneStop.Payments.Sandbox;
using OneStop.Tests.Cases;
using OneStop.Tests.Notifications;

namespace OneStop.Tests.Payments.Sandbox;

/// <summary>
/// The guarantee: however many copies of the news arrive, in whatever order, racing the payer's own
/// return, a payment succeeds once and everything it sets off happens once.
/// </summary>
public abstract class SandboxConcurrencyTests(Provider provider)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ManyDuplicateCallbacksRacingTheReturn_ExactlyOneSuccessAndOneOfEverythingItSetsOff()
    {
        await using var app = await SandboxSteps.AppAsync(provider);
        var payer = await app.PayerAtGatewayAsync();
        using var paid = await payer.Client.PayByCardAsync(payer.Hosted);
        var succeeded = await app.EventBodyAsync(payer, SandboxCallbacks.PaymentSucceeded, "paid", "sbx_evt_race_paid");
        var processing = await app.EventBodyAsync(payer, SandboxCallbacks.PaymentProcessing, "processing", "sbx_evt_race_processing");
        var bodies = Enumerable.Repeat(succeeded, 20).Concat(Enumerable.Repeat(processing, 6)).ToArray();
        Random.Shared.Shuffle(bodies);
        var gateway = app.CreateClient();
        var back = new Uri(paid.Location()).PathAndQuery;

        var callbacks = bodies.Select(body => Task.Run(() => app.PostCallbackAsync(gateway, body), Cancel)).ToList();
        var returned = Task.Run(() => payer.Client.GetAsync(back, Cancel), Cancel);
        var responses = await Task.WhenAll(callbacks);
        using var returnResponse = await returned;

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(HttpStatusCode.Redirect, returnResponse.StatusCode);
        var payment = await app.PaymentAsync(payer.PaymentId);
        Assert.Equal(PaymentState.Succeeded, payment.State);
        Assert.Equal(1, await app.AuditCountAsync(PaymentAuditEvents.Succeeded, payment.Reference));
        Assert.Equal(1, await app.OutboxCountAsync(PaymentSucceeded.Topic, payment.Id));
        Assert.Equal(0, await app.OutboxCountAsync(DuplicatePayment.Topic, payment.Id));
        Assert.Equal(1, await app.OutboxCountAsync(ApplicationSubmitted.Topic, payer.Application.SubmissionId));
        var key = $"payment-succeeded:{payment.Id}";
        Assert.Equal(1, await app.QueryCasesAsync(db => db.Set<Notification>().CountAsync(n => n.IdempotencyKey == key, Cancel)));
        var recorded = await app.CallbacksAsync();
        Assert.Equal(26, recorded.Count);
        Assert.True(recorded.Count(c => c.EventType == SandboxCallbacks.PaymentSucceeded && c.Outcome == "applied") <= 1, "The return or one callback applies the success; the rest change nothing.");

        // The gateway's own (late) callbacks and the case that opens change nothing of that.
        foreach (var r in responses) r.Dispose();
        await app.SettleAllAsync();
        Assert.Equal(1, await app.QueryCasesAsync(db => db.Set<Case>().CountAsync(c => c.SubmissionId == payer.Application.SubmissionId, Cancel)));
        Assert.Equal(1, await app.AuditCountAsync(PaymentAuditEvents.Succeeded, payment.Reference));
        Assert.Equal(1, await app.OutboxCountAsync(ApplicationSubmitted.Topic, payer.Application.SubmissionId));
    }

    [Fact]
    public async Task TwoAttemptsOfOnePurposeBothPaid_SecondSuccessFlaggedAsDuplicatePayment()
    {
        await using var app = await SandboxSteps.AppAsync(provider);
        var payer = await app.PayerAtGatewayAsync();
        // The first card is declined; the payer tries again from OneStop and pays the second attempt...
        using var declined = await payer.Client.PayByCardAsync(payer.Hosted, SandboxCards.Declined);
        await app.SettleAllAsync();
        var (_, failedPage) = await payer.Client.GetPageAsync(payer.PaymentPath);
        using var again = await payer.Client.SubmitAsync(failedPage, payer.PaymentPath, new Dictionary<string, string>(), "Again");
        var secondId = Guid.Parse(again.Location().Split('/')[2]);
        var secondHosted = await payer.Client.PressPayAsync(again.Location());
        using var secondPaid = await payer.Client.PayByCardAsync(secondHosted);
        await app.SettleAllAsync();

        // ...then, in the first attempt's tab still open at the gateway, pays that too.
        using var firstPaid = await payer.Client.PayByCardAsync(payer.Hosted);
        await app.SettleAllAsync();

        var first = await app.PaymentAsync(payer.PaymentId);
        var second = await app.PaymentAsync(secondId);
        // The later success is the duplicate: flagged, and refunded in full by the automatic refund it sets off.
        Assert.Equal((PaymentState.Refunded, PaymentState.Succeeded), (first.State, second.State));
        Assert.True(first.SucceededAt > second.SucceededAt);
        Assert.Equal(first.Amount, first.RefundedAmount);
        Assert.Equal(1, await app.OutboxCountAsync(DuplicatePayment.Topic, first.Id));
        Assert.Equal(0, await app.OutboxCountAsync(DuplicatePayment.Topic, second.Id));
        Assert.Equal(1, await app.OutboxCountAsync(ApplicationSubmitted.Topic, payer.Application.SubmissionId));
        Assert.Equal(1, await app.QueryCasesAsync(db => db.Set<Case>().CountAsync(c => c.SubmissionId == payer.Application.SubmissionId, Cancel)));
    }
}

public sealed class SandboxConcurrencySqliteTests() : SandboxConcurrencyTests(Provider.Sqlite);

public sealed class SandboxConcurrencyPostgresTests() : SandboxConcurrencyTests(Provider.Postgres);
