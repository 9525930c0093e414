using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OneStop.Payments.Engine;
using OneStop.Payments.Providers;
using OneStop.Payments.Stripe;

namespace OneStop.Tests.Payments.Stripe;

/// <summary>The adapter's calls that no page makes yet (refunds, expiry, settlement), against recorded Stripe answers.</summary>
public sealed class StripeGatewayTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private const string SessionPath = "/v1/checkout/sessions/" + StripeCheckoutTests.SessionId;
    private const string PaymentIntent = "pi_3QvT2aB7WZ01zgkW0n4bX8cY";

    private readonly StripeReplay _replay = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 7, 1, 2, 0, 0, TimeSpan.Zero));
    private readonly Guid _paymentId = Guid.CreateVersion7();
    private readonly Guid _refundId = Guid.CreateVersion7();

    public StripeGatewayTests()
    {
        _replay.Tokens["payment_id"] = _paymentId.ToString();
        _replay.Tokens["refund_id"] = _refundId.ToString();
        _replay.Tokens["reference"] = "PAY-2026-000042";
        _replay.Tokens["return_url"] = "https://onestop.example/payments/x/return";
    }

    [Fact]
    public async Task RefundAsync_PaidSession_RefundsItsPaymentIntentInCentsWithTheKey()
    {
        _replay.Answer("GET", SessionPath, "checkout-session-paid.json").Answer("POST", "/v1/refunds", "refund-created.json");

        var result = await Gateway().RefundAsync(new RefundRequest(_refundId, StripeCheckoutTests.SessionId, 100m, "HKD", "refund:" + _refundId), Cancel);

        Assert.Equal(new RefundResult(true, "re_3QvT2aB7WZ01zgkW0Qe9Rf3S", null), result);
        var refund = _replay.Calls[^1];
        Assert.Equal(("POST", "/v1/refunds"), (refund.Method, refund.Path));
        Assert.Equal(PaymentIntent, refund.Form["payment_intent"]);
        Assert.Equal("10000", refund.Form["amount"]);
        Assert.Equal("requested_by_customer", refund.Form["reason"]);
        Assert.Equal(_refundId.ToString(), refund.Form["metadata[refund_id]"]);
        Assert.Equal(_paymentId.ToString(), refund.Form["metadata[payment_id]"]);
        Assert.Equal("refund:" + _refundId, refund.Header("Idempotency-Key"));
        Assert.Equal(StripeCheckoutTests.RecordedApiVersion, refund.Header("Stripe-Version"));
    }

    [Fact]
    public async Task RefundAsync_StripeRefuses_FailureCodeIsStripes()
    {
        _replay.Answer("GET", SessionPath, "checkout-session-paid.json").Answer("POST", "/v1/refunds", "error-charge-already-refunded.json", HttpStatusCode.BadRequest);

        var result = await Gateway().RefundAsync(new RefundRequest(_refundId, StripeCheckoutTests.SessionId, 300m, "HKD", "refund:" + _refundId), Cancel);

        Assert.Equal(new RefundResult(false, null, "charge_already_refunded"), result);
    }

    [Fact]
    public async Task RefundAsync_SessionNotPaid_RefusedWithoutAskingStripeToRefund()
    {
        _replay.Answer("GET", SessionPath, "checkout-session-created.json");

        var result = await Gateway().RefundAsync(new RefundRequest(_refundId, StripeCheckoutTests.SessionId, 100m, "HKD", "refund:" + _refundId), Cancel);

        Assert.Equal(new RefundResult(false, null, "not_paid"), result);
        Assert.DoesNotContain(_replay.Calls, c => c.Path == "/v1/refunds");
    }

    [Fact]
    public async Task RefundAsync_StripeUnreachable_TryAgain()
    {
        _replay.Unreachable = true;

        var result = await Gateway().RefundAsync(new RefundRequest(_refundId, StripeCheckoutTests.SessionId, 100m, "HKD", "refund:" + _refundId), Cancel);

        Assert.Equal(new RefundResult(false, null, "try_again"), result);
        Assert.Single(_replay.Calls);
    }

    [Fact]
    public async Task ExpireAsync_OpenSession_ExpiresIt()
    {
        _replay.Answer("POST", SessionPath + "/expire", "checkout-session-expired.json");

        var status = await Gateway().ExpireAsync(StripeCheckoutTests.SessionId, Cancel);

        Assert.Equal(ProviderOutcome.Expired, status.Outcome);
        Assert.Equal(("POST", SessionPath + "/expire"), (_replay.Calls[0].Method, _replay.Calls[0].Path));
    }

    [Fact]
    public async Task ExpireAsync_PaidJustBefore_ReportsThePayment()
    {
        _replay.Answer("POST", SessionPath + "/expire", "error-session-not-expirable.json", HttpStatusCode.BadRequest)
            .Answer("GET", SessionPath, "checkout-session-paid.json");

        var status = await Gateway().ExpireAsync(StripeCheckoutTests.SessionId, Cancel);

        Assert.Equal(new ProviderStatus(ProviderOutcome.Succeeded, "card", 300m), status);
    }

    [Fact]
    public async Task StatusAsync_OpenSession_Pending()
    {
        _replay.Answer("GET", SessionPath, "checkout-session-created.json");

        Assert.Equal(ProviderOutcome.Pending, (await Gateway().StatusAsync(StripeCheckoutTests.SessionId, Cancel)).Outcome);
    }

    [Fact]
    public async Task SettlementAsync_HongKongDay_ListsItsChargesAndRefundsPageByPage()
    {
        _replay.Answer("GET", "/v1/balance_transactions", "balance-transactions-charge-page2.json", when: c => c.Query.GetValueOrDefault("type") == "charge" && c.Query.ContainsKey("starting_after"))
            .Answer("GET", "/v1/balance_transactions", "balance-transactions-charge-page1.json", when: c => c.Query.GetValueOrDefault("type") == "charge")
            .Answer("GET", "/v1/balance_transactions", "balance-transactions-refund.json", when: c => c.Query.GetValueOrDefault("type") == "refund");

        var lines = await Gateway().SettlementAsync(new DateOnly(2026, 7, 1), Cancel);

        // 1 July in Hong Kong is 30 June 16:00 UTC to 1 July 16:00 UTC.
        var from = new DateTimeOffset(2026, 6, 30, 16, 0, 0, TimeSpan.Zero);
        Assert.Equal(3, _replay.Calls.Count);
        Assert.All(_replay.Calls, c =>
        {
            Assert.Equal(from.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), c.Query["created[gte]"]);
            Assert.Equal(from.AddDays(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), c.Query["created[lt]"]);
            Assert.Equal("data.source", c.Query["expand[0]"]);
            Assert.Equal("data.source.payment_intent", c.Query["expand[1]"]);
        });
        Assert.Equal("txn_3QvT2aB7WZ01zgkW0jLm1Ab2", _replay.Calls[1].Query["starting_after"]);
        Assert.Equal(
        [
            new SettlementLine(PaymentIntent, _paymentId, "payment", 300m, "HKD", from.AddHours(1).UtcDateTime),
            new SettlementLine("pi_3QvW7cB7WZ01zgkW1aB2cD3e", null, "payment", 50m, "HKD", from.AddHours(2).UtcDateTime),
            new SettlementLine("re_3QvT2aB7WZ01zgkW0Qe9Rf3S", _paymentId, "refund", -100m, "HKD", from.AddSeconds(50000).UtcDateTime),
        ], lines);
    }

    [Fact]
    public async Task StartCheckoutAsync_FractionOfACent_RefusedBeforeCallingStripe()
    {
        var request = new CheckoutRequest(_paymentId, "PAY-2026-000042", 100.005m, "HKD", "Permit", "en", "https://onestop.example/r", "https://onestop.example/r",
            _clock.GetUtcNow().UtcDateTime.AddMinutes(30), _paymentId.ToString());

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Gateway().StartCheckoutAsync(request, Cancel));

        Assert.Empty(_replay.Calls);
    }

    [Fact]
    public void AddStripePayments_NoSecretKey_NoStripeProvider()
    {
        var services = new ServiceCollection().AddStripePayments(new ConfigurationBuilder().Build());

        Assert.DoesNotContain(services, d => d.ServiceType == typeof(IPaymentProvider));
    }

    [Fact]
    public async Task Start_SecretKeyWithoutWebhookSecret_RefusesToStart()
    {
        await using var app = new StripeApp(Provider.Sqlite) { ConfiguredWebhookSecret = "" };

        var error = Assert.Throws<OptionsValidationException>(() => app.Services);

        Assert.Contains("WebhookSecret", error.Message);
    }

    private StripeGateway Gateway() => new(new ReplayingFactory(_replay), Options.Create(new StripeOptions
    {
        SecretKey = StripeApp.SecretKey, WebhookSecret = StripeApp.WebhookSecret, NetworkRetries = 0,
    }), _clock, NullLogger<StripeGateway>.Instance);

    private sealed class ReplayingFactory(StripeReplay replay) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(replay.Handler());
    }
}
