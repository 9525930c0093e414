using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OneStop.Cases;
using OneStop.Forms;
using OneStop.Payments;
using OneStop.Tests.Cases;
using OneStop.Tests.Notifications;

namespace OneStop.Tests.Payments.Stripe;

/// <summary>
/// Paying through Stripe Checkout, against recorded Stripe payloads: the payer is sent to the session OneStop
/// created (and what it sent is checked field by field), comes back paid, and the application goes on.
/// </summary>
public abstract class StripeCheckoutTests(Provider provider) : IAsyncLifetime
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private StripeApp _app = null!;

    public const string SessionId = "cs_test_a1Kx7TQ4mZ8vHn2PqR5sW3yB6cD9eF0gJ2kL4mN6pQ8rS0tU2vW4xY6zA8";

    /// <summary>The API version the recorded payloads were written for: the one Stripe.net 53.1.0 pins.</summary>
    public const string RecordedApiVersion = "2026-10-28.endive";

    public async ValueTask InitializeAsync()
    {
        if (provider == Provider.Postgres) PostgresServer.SkipIfUnavailable();
        _app = new StripeApp(provider);
        await _app.SetFeesAsync(PaymentSteps.PerVehicleFees);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Pay_StripeProvider_RedirectsToTheCreatedSessionAndReturnsPaid()
    {
        var (userId, email) = await _app.CitizenAsync();
        var client = await _app.SignedInAsync(email);
        var accepted = await _app.ApplyAsync(userId, vehicles: 3);
        var payment = await _app.PaymentForAsync(accepted.SubmissionId);
        _app.Replay.Tokens["payment_id"] = payment.Id.ToString();
        _app.Replay.Tokens["reference"] = payment.Reference;
        _app.Replay.Tokens["return_url"] = "http://localhost" + OneStop.Payments.Engine.PaymentPaths.Return(payment);
        _app.Replay.Answer("POST", "/v1/checkout/sessions", "checkout-session-created.json")
            .Answer("GET", "/v1/checkout/sessions/" + SessionId, "checkout-session-paid.json");

        // Pay: to Stripe's hosted page for the session OneStop created.
        var paymentPath = $"/payments/{payment.Id}";
        var page = await (await client.GetAsync(paymentPath, Cancel)).ReadPageAsync();
        using var start = await client.SubmitAsync(page, paymentPath, new Dictionary<string, string>(), "Start");
        Assert.StartsWith("https://checkout.stripe.com/c/pay/" + SessionId + "#", start.Location());

        var create = Assert.Single(_app.Replay.Calls);
        Assert.Equal(("POST", "/v1/checkout/sessions"), (create.Method, create.Path));
        Assert.Equal("payment", create.Form["mode"]);
        Assert.Equal("hkd", create.Form["line_items[0][price_data][currency]"]);
        Assert.Equal("30000", create.Form["line_items[0][price_data][unit_amount]"]);
        Assert.Equal("1", create.Form["line_items[0][quantity]"]);
        Assert.Contains(accepted.Reference, create.Form["line_items[0][price_data][product_data][name]"]);
        Assert.Equal(payment.Id.ToString(), create.Form["client_reference_id"]);
        Assert.Equal(payment.Id.ToString(), create.Form["metadata[payment_id]"]);
        Assert.Equal(payment.Reference, create.Form["metadata[reference]"]);
        Assert.Equal(payment.Id.ToString(), create.Form["payment_intent_data[metadata][payment_id]"]);
        Assert.Equal("card", create.Form["allowed_payment_method_types[0]"]);
        Assert.DoesNotContain(create.Form.Keys, k => k.StartsWith("payment_method_types", StringComparison.Ordinal));
        Assert.Equal("en", create.Form["locale"]);
        Assert.Equal(_app.Replay.Tokens["return_url"], create.Form["success_url"]);
        Assert.Equal(_app.Replay.Tokens["return_url"], create.Form["cancel_url"]);
        var expiresAt = new DateTimeOffset(DateTime.SpecifyKind(payment.ExpiresAt, DateTimeKind.Utc)).AddMinutes(31).ToUnixTimeSeconds();
        Assert.Equal(expiresAt.ToString(System.Globalization.CultureInfo.InvariantCulture), create.Form["expires_at"]);
        Assert.Equal(payment.Id.ToString(), create.Header("Idempotency-Key"));
        Assert.Equal(RecordedApiVersion, create.Header("Stripe-Version"));
        Assert.Equal(global::Stripe.StripeConfiguration.ApiVersion, create.Header("Stripe-Version"));
        Assert.Equal("Bearer " + StripeApp.SecretKey, create.Header("Authorization"));
        Assert.Equal(SessionId, (await _app.PaymentAsync(payment.Id)).ProviderReference);

        // Back from Stripe before the webhook: the return asks Stripe, which says complete and paid.
        using var returned = await client.GetAsync(OneStop.Payments.Engine.PaymentPaths.Return(payment), Cancel);
        var outcome = await (await client.GetAsync(returned.Location(), Cancel)).ReadPageAsync();
        Assert.Equal("succeeded", outcome.QuerySelector("[data-payment-state]")!.GetAttribute("data-payment-state"));
        Assert.Equal(("GET", "/v1/checkout/sessions/" + SessionId), (_app.Replay.Calls[^1].Method, _app.Replay.Calls[^1].Path));
        var paid = await _app.PaymentAsync(payment.Id);
        Assert.Equal((PaymentState.Succeeded, "card", 300m), (paid.State, paid.Method, paid.Amount));
    }

    [Fact]
    public async Task Webhook_CompletedAndPaid_PaymentSucceedsAndCaseOpensAfterOutbox()
    {
        var (payment, accepted) = await AppliedAsync(vehicles: 3);

        using var response = await PostEventAsync("event-checkout-session-completed.json", payment);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paid = await _app.PaymentAsync(payment.Id);
        Assert.Equal((PaymentState.Succeeded, "card"), (paid.State, paid.Method));
        Assert.False(await _app.QueryCasesAsync(db => db.Set<Submission>().Where(s => s.Id == accepted.SubmissionId).Select(s => s.HeldForPayment).SingleAsync(Cancel)));
        Assert.False(await _app.QueryCasesAsync(db => db.Set<Case>().AnyAsync(c => c.SubmissionId == accepted.SubmissionId, Cancel)));
        await _app.SettleAsync();
        Assert.True(await _app.QueryCasesAsync(db => db.Set<Case>().AnyAsync(c => c.SubmissionId == accepted.SubmissionId, Cancel)));
        var callback = Assert.Single(await CallbacksAsync());
        Assert.Equal((true, "applied", "evt_1QvT3bB7WZ01zgkWcP4sL2mD", "checkout.session.completed"), (callback.Verified, callback.Outcome, callback.EventId, callback.EventType));
    }

    [Fact]
    public async Task Webhook_CompletedTwice_AppliedOnce()
    {
        var (payment, _) = await AppliedAsync(vehicles: 3);

        using var first = await PostEventAsync("event-checkout-session-completed.json", payment);
        // Stripe redelivers a little later (same event id).
        _app.Clock.Advance(TimeSpan.FromSeconds(30));
        using var again = await PostEventAsync("event-checkout-session-completed.json", payment);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        Assert.Equal(PaymentState.Succeeded, (await _app.PaymentAsync(payment.Id)).State);
        Assert.Equal(["applied", "unchanged"], (await CallbacksAsync()).OrderBy(c => c.ReceivedAt).Select(c => c.Outcome));
    }

    [Fact]
    public async Task Webhook_CompletedForAnotherAmount_LeftUnchanged()
    {
        // Two vehicles: HK$200 due, but the recorded session charged HK$300.
        var (payment, _) = await AppliedAsync(vehicles: 2);

        using var response = await PostEventAsync("event-checkout-session-completed.json", payment);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PaymentState.Created, (await _app.PaymentAsync(payment.Id)).State);
        Assert.Equal("amountMismatch", Assert.Single(await CallbacksAsync()).Outcome);
    }

    [Fact]
    public async Task Webhook_AsyncPaymentFailed_PaymentFails()
    {
        var (payment, _) = await AppliedAsync(vehicles: 3);

        using var response = await PostEventAsync("event-checkout-session-async-payment-failed.json", payment);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PaymentState.Failed, (await _app.PaymentAsync(payment.Id)).State);
    }

    [Fact]
    public async Task Webhook_SessionExpired_PaymentExpires()
    {
        var (payment, _) = await AppliedAsync(vehicles: 3);

        using var response = await PostEventAsync("event-checkout-session-expired.json", payment);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PaymentState.Expired, (await _app.PaymentAsync(payment.Id)).State);
    }

    [Fact]
    public async Task Webhook_OtherEvent_RecordedAndChangesNothing()
    {
        var (payment, _) = await AppliedAsync(vehicles: 3);

        using var response = await PostEventAsync("event-payment-intent-created.json", payment);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PaymentState.Created, (await _app.PaymentAsync(payment.Id)).State);
        var callback = Assert.Single(await CallbacksAsync());
        Assert.Equal(("unchanged", "payment_intent.created"), (callback.Outcome, callback.EventType));
    }

    [Fact]
    public async Task Webhook_SignedWithAnotherSecret_Refused400AndNothingChanges()
    {
        var (payment, _) = await AppliedAsync(vehicles: 3);

        using var response = await PostEventAsync("event-checkout-session-completed.json", payment, secret: "whsec_someone_else");

        await AssertRefusedAsync(response, "badSignature", payment);
    }

    [Fact]
    public async Task Webhook_BodyChangedAfterSigning_Refused400BadSignature()
    {
        var (payment, _) = await AppliedAsync(vehicles: 3);
        var body = StripeReplay.Recorded("event-checkout-session-completed.json", Tokens(payment));
        var signature = StripeReplay.Sign(StripeApp.WebhookSecret, _app.Clock.GetUtcNow(), body);

        using var response = await PostAsync(body.Replace("30000", "30001"), signature);

        await AssertRefusedAsync(response, "badSignature", payment);
    }

    [Fact]
    public async Task Webhook_SignedSixMinutesAgo_Refused400OutsideWindow()
    {
        var (payment, _) = await AppliedAsync(vehicles: 3);

        using var response = await PostEventAsync("event-checkout-session-completed.json", payment, signedAt: _app.Clock.GetUtcNow().AddMinutes(-6));

        await AssertRefusedAsync(response, "outsideWindow", payment);
    }

    [Fact]
    public async Task Webhook_SignedFourMinutesAgo_Accepted()
    {
        var (payment, _) = await AppliedAsync(vehicles: 3);

        using var response = await PostEventAsync("event-checkout-session-completed.json", payment, signedAt: _app.Clock.GetUtcNow().AddMinutes(-4));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PaymentState.Succeeded, (await _app.PaymentAsync(payment.Id)).State);
    }

    [Fact]
    public async Task Webhook_SignedButNotAnEvent_Refused400Unreadable()
    {
        var (payment, _) = await AppliedAsync(vehicles: 3);
        const string body = "{\"id\": \"evt_1\", \"object\": \"event\", \"data\": ";

        using var response = await PostAsync(body, StripeReplay.Sign(StripeApp.WebhookSecret, _app.Clock.GetUtcNow(), body));

        await AssertRefusedAsync(response, "unreadable", payment);
    }

    [Fact]
    public async Task Webhook_WithoutSignature_Refused400BadSignature()
    {
        var (payment, _) = await AppliedAsync(vehicles: 3);

        using var response = await PostAsync(StripeReplay.Recorded("event-checkout-session-completed.json", Tokens(payment)), signature: null);

        await AssertRefusedAsync(response, "badSignature", payment);
    }

    private async Task<(Payment Payment, OneStop.Forms.Submitting.SubmitResult.Accepted Accepted)> AppliedAsync(int vehicles)
    {
        var (userId, _) = await _app.CitizenAsync();
        var accepted = await _app.ApplyAsync(userId, vehicles);
        return (await _app.PaymentForAsync(accepted.SubmissionId), accepted);
    }

    private static Dictionary<string, string> Tokens(Payment payment) => new()
    {
        ["payment_id"] = payment.Id.ToString(), ["reference"] = payment.Reference, ["return_url"] = "http://localhost" + OneStop.Payments.Engine.PaymentPaths.Return(payment),
    };

    private Task<HttpResponseMessage> PostEventAsync(string file, Payment payment, string secret = StripeApp.WebhookSecret, DateTimeOffset? signedAt = null)
    {
        var body = StripeReplay.Recorded(file, Tokens(payment));
        return PostAsync(body, StripeReplay.Sign(secret, signedAt ?? _app.Clock.GetUtcNow(), body));
    }

    private async Task<HttpResponseMessage> PostAsync(string body, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/payments/callbacks/stripe") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signature is not null) request.Headers.Add("Stripe-Signature", signature);
        return await _app.CreateClient().SendAsync(request, Cancel);
    }

    private async Task AssertRefusedAsync(HttpResponseMessage response, string code, Payment payment)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(code, problem.RootElement.GetProperty("code").GetString());
        Assert.Equal(PaymentState.Created, (await _app.PaymentAsync(payment.Id)).State);
        var callback = Assert.Single(await CallbacksAsync());
        Assert.Equal((false, code), (callback.Verified, callback.Outcome));
    }

    private Task<List<PaymentCallback>> CallbacksAsync() =>
        _app.QueryCasesAsync(db => db.Set<PaymentCallback>().AsNoTracking().OrderBy(c => c.Id).ToListAsync(Cancel));
}

public sealed class StripeCheckoutSqliteTests() : StripeCheckoutTests(Provider.Sqlite);

public sealed class StripeCheckoutPostgresTests() : StripeCheckoutTests(Provider.Postgres);
