using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OneStop.Payments;
using OneStop.Payments.Engine;
using OneStop.Payments.Sandbox;
using OneStop.Platform.Outbox;
using OneStop.Tests.Cases;
using OneStop.Tests.Notifications;

namespace OneStop.Tests.Payments.Sandbox;

/// <summary>The gateway's callbacks as real gateways send them (late, twice, out of order, after failed deliveries) and as attackers would.</summary>
public abstract class SandboxCallbackTests(Provider provider)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DuplicateCallbacks_FourCopiesOfSuccess_OneTransition()
    {
        await using var app = await SandboxSteps.AppAsync(provider, ("Payments:Sandbox:DuplicateCallbacks", "3"));
        var payer = await app.PayerAtGatewayAsync();

        using var paid = await payer.Client.PayByCardAsync(payer.Hosted);
        await app.SettleAllAsync();

        var payment = await app.PaymentAsync(payer.PaymentId);
        Assert.Equal(PaymentState.Succeeded, payment.State);
        var callbacks = await app.CallbacksAsync();
        Assert.Equal(4, callbacks.Count);
        Assert.Single(callbacks.Select(c => c.EventId).Distinct());
        Assert.Equal(["applied", "unchanged", "unchanged", "unchanged"], callbacks.Select(c => c.Outcome).Order());
        Assert.Equal(1, await app.AuditCountAsync(PaymentAuditEvents.Succeeded, payment.Reference));
        Assert.Equal(1, await app.OutboxCountAsync(PaymentSucceeded.Topic, payment.Id));
    }

    [Fact]
    public async Task OutOfOrder_FpsSuccessArrivesBeforeProcessing_EndsSucceededWithOneTransition()
    {
        await using var app = await SandboxSteps.AppAsync(provider, ("Payments:Sandbox:OutOfOrder", "true"), ("Payments:Sandbox:DuplicateCallbacks", "3"));
        var payer = await app.PayerAtGatewayAsync();

        using var paid = await payer.Client.SubmitAsync(payer.Hosted, new Dictionary<string, string>(), "Fps");
        // Well past the settling (SettlementDelay 5 s): "processing" was held back, so nothing has been sent yet.
        await app.StepAsync(TimeSpan.FromSeconds(10));
        var beforeSuccess = await app.CallbacksAsync();
        await app.StepAsync(TimeSpan.FromSeconds(1));  // CallbackDelay: "succeeded" (4 copies)
        var afterSuccess = await app.PaymentAsync(payer.PaymentId);
        await app.StepAsync(SettleSandboxCheckout.OutOfOrderLag);  // then "processing" (4 copies)

        Assert.Empty(beforeSuccess);
        Assert.Equal(PaymentState.Succeeded, afterSuccess.State);
        var callbacks = await app.CallbacksAsync();
        Assert.Equal(8, callbacks.Count);
        Assert.All(callbacks.Take(4), c => Assert.Equal("payment.succeeded", c.EventType));
        Assert.All(callbacks.Skip(4), c => Assert.Equal(("checkout.processing", "unchanged"), (c.EventType, c.Outcome)));
        Assert.Single(callbacks, c => c.Outcome == "applied");
        var payment = await app.PaymentAsync(payer.PaymentId);
        Assert.Equal(PaymentState.Succeeded, payment.State);
        Assert.Equal(1, await app.AuditCountAsync(PaymentAuditEvents.Succeeded, payment.Reference));
    }

    [Fact]
    public async Task CallbackDelay_ThirtySeconds_NothingArrivesBeforeThen()
    {
        await using var app = await SandboxSteps.AppAsync(provider, ("Payments:Sandbox:CallbackDelay", "00:00:30"));
        var payer = await app.PayerAtGatewayAsync();
        using var paid = await payer.Client.PayByCardAsync(payer.Hosted);

        await app.StepAsync(TimeSpan.FromSeconds(29));
        var early = await app.CallbacksAsync();
        await app.StepAsync(TimeSpan.FromSeconds(1));

        Assert.Empty(early);
        Assert.Equal([("payment.succeeded", "applied")], (await app.CallbacksAsync()).Select(c => (c.EventType, c.Outcome)));
    }

    [Fact]
    public async Task FailFirstDeliveries_TwoFailures_RetriedByOutboxThenApplied()
    {
        await using var app = await SandboxSteps.AppAsync(provider, ("Payments:Sandbox:FailFirstDeliveries", "2"));
        var payer = await app.PayerAtGatewayAsync();
        using var paid = await payer.Client.PayByCardAsync(payer.Hosted);

        await app.StepAsync(TimeSpan.FromSeconds(1));   // first delivery: fails
        await app.StepAsync(TimeSpan.FromSeconds(30));  // outbox's first retry: fails
        var afterTwo = await app.PaymentAsync(payer.PaymentId);
        var message = await app.QueryCasesAsync(db => db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Topic == SandboxCallback.Topic, Cancel));
        await app.StepAsync(TimeSpan.FromSeconds(60));  // second retry: delivered

        Assert.Equal(PaymentState.Created, afterTwo.State);
        Assert.Equal(2, message.Attempts);
        Assert.Null(message.ProcessedAt);
        Assert.Contains("HttpRequestException", message.LastError);
        Assert.Equal(PaymentState.Succeeded, (await app.PaymentAsync(payer.PaymentId)).State);
        Assert.Equal([("payment.succeeded", "applied")], (await app.CallbacksAsync()).Select(c => (c.EventType, c.Outcome)));
    }

    [Fact]
    public async Task Callback_BadSignature_400ProblemRecordedAuditedNothingChanges()
    {
        await using var app = await SandboxSteps.AppAsync(provider);
        var payer = await app.PayerAtGatewayAsync();
        var body = await app.EventBodyAsync(payer, SandboxCallbacks.PaymentSucceeded, "paid", "sbx_evt_forged");
        var forged = SandboxSignature.Sign("not-the-sandbox-secret-at-all", app.Clock.GetUtcNow(), body);

        using var response = await app.PostCallbackAsync(app.CreateClient(), body, forged);

        await AssertRefusedAsync(app, payer, response, "badSignature");
    }

    [Theory]
    [InlineData(-6)]
    [InlineData(6)]
    public async Task Callback_SignedOutsideReplayWindow_400ProblemRecordedAuditedNothingChanges(int minutes)
    {
        await using var app = await SandboxSteps.AppAsync(provider);
        var payer = await app.PayerAtGatewayAsync();
        var body = await app.EventBodyAsync(payer, SandboxCallbacks.PaymentSucceeded, "paid", "sbx_evt_replayed");
        var stale = SandboxSignature.Sign(app.Secret(), app.Clock.GetUtcNow().AddMinutes(minutes), body);

        using var response = await app.PostCallbackAsync(app.CreateClient(), body, stale);

        await AssertRefusedAsync(app, payer, response, "outsideWindow");
    }

    [Fact]
    public async Task Callback_ValidlySignedWithAnotherAmount_AmountMismatchPaymentUnchanged()
    {
        await using var app = await SandboxSteps.AppAsync(provider);
        var payer = await app.PayerAtGatewayAsync();
        var body = await app.EventBodyAsync(payer, SandboxCallbacks.PaymentSucceeded, "paid", "sbx_evt_cheap", amount: 1.00m);

        using var response = await app.PostCallbackAsync(app.CreateClient(), body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var payment = await app.PaymentAsync(payer.PaymentId);
        Assert.Equal(PaymentState.Created, payment.State);
        Assert.Equal([(true, "amountMismatch")], (await app.CallbacksAsync()).Select(c => (c.Verified, c.Outcome)));
        Assert.Equal(0, await app.AuditCountAsync(PaymentAuditEvents.Succeeded, payment.Reference));
        Assert.True(await app.HeldAsync(payer.Application.SubmissionId));
    }

    [Fact]
    public async Task PaymentPage_AmountPostedWithStartAndAgain_ChargesTheServersAmount()
    {
        await using var app = await SandboxSteps.AppAsync(provider);
        var (userId, email) = await app.CitizenAsync();
        var client = await app.SignedInAsync(email);
        var accepted = await app.ApplyAsync(userId, vehicles: 3);
        using var toPayment = await client.GetAsync($"/payments/application/{accepted.SubmissionId}", Cancel);
        var paymentPath = toPayment.Location();
        var tampered = new Dictionary<string, string> { ["Amount"] = "1.00", ["Payment.Amount"] = "1.00", ["amount"] = "1" };

        var hosted = await client.PressPayAsync(paymentPath, tampered);
        var (_, hostedPage) = await client.GetPageAsync(hosted);
        using var cancelled = await client.SubmitAsync(hostedPage, hosted, new Dictionary<string, string>(), "Cancel");
        var page = await client.ReturnAsync(cancelled);
        using var again = await client.SubmitAsync(page, paymentPath, tampered, "Again");
        var second = await app.PaymentAsync(Guid.Parse(again.Location().Split('/')[2]));

        Assert.Equal("HK$300.00", hostedPage.QuerySelector("[data-amount]")!.TextContent.Trim());
        var checkout = await app.QueryCasesAsync(db => db.Set<SandboxCheckout>().AsNoTracking().SingleAsync(c => c.Id == hosted.Split('/').Last(), Cancel));
        Assert.Equal(300m, checkout.Amount);
        Assert.Equal(300m, (await app.PaymentForAsync(accepted.SubmissionId)).Amount);
        Assert.Equal((2, 300m), (second.Attempt, second.Amount));
    }

    private static async Task AssertRefusedAsync(OneStopApp app, Payer payer, HttpResponseMessage response, string code)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.ReadBodyAsync());
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(code, problem.RootElement.GetProperty("code").GetString());
        Assert.Equal([(false, code, (Guid?)null)], (await app.CallbacksAsync()).Select(c => (c.Verified, c.Outcome, c.PaymentId)));
        Assert.Equal(1, await app.AuditCountAsync(PaymentAuditEvents.CallbackRefused, SandboxGateway.ProviderName));
        var payment = await app.PaymentAsync(payer.PaymentId);
        Assert.Equal(PaymentState.Created, payment.State);
        Assert.Equal(0, await app.AuditCountAsync(PaymentAuditEvents.Succeeded, payment.Reference));
        Assert.Equal(0, await app.OutboxCountAsync(PaymentSucceeded.Topic, payment.Id));
        Assert.True(await app.HeldAsync(payer.Application.SubmissionId));
    }
}

public sealed class SandboxCallbackSqliteTests() : SandboxCallbackTests(Provider.Sqlite);

public sealed class SandboxCallbackPostgresTests() : SandboxCallbackTests(Provider.Postgres);
