using Microsoft.EntityFrameworkCore;
using OneStop.Cases;
using OneStop.Forms;
using OneStop.Payments;
using OneStop.Tests.Cases;
using OneStop.Tests.Notifications;

namespace OneStop.Tests.Payments;

/// <summary>A service paid for on submission: the application waits for the fee, the payer pays in the sandbox, the case opens.</summary>
public abstract class PayOnSubmissionTests(Provider provider) : IAsyncLifetime
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private OneStopApp _app = null!;

    public async ValueTask InitializeAsync()
    {
        if (provider == Provider.Postgres) PostgresServer.SkipIfUnavailable();
        _app = new OneStopApp(provider);
        await _app.SetFeesAsync(PaymentSteps.PerVehicleFees);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Submit_FeeDue_ApplicationHeldUntilPaidByCardThenCaseOpens()
    {
        var (userId, email) = await _app.CitizenAsync();
        var client = await _app.SignedInAsync(email);
        var accepted = await _app.ApplyAsync(userId, vehicles: 3);
        await _app.RunOutboxAsync();
        Assert.False(await _app.QueryCasesAsync(db => db.Set<Case>().AnyAsync(c => c.SubmissionId == accepted.SubmissionId, Cancel)));

        // The payer opens the fee page: HK$300 worked out from three vehicles.
        using var toPayment = await client.GetAsync($"/payments/application/{accepted.SubmissionId}", Cancel);
        var paymentPath = toPayment.Location();
        var page = await (await client.GetAsync(paymentPath, Cancel)).ReadPageAsync();
        Assert.Equal("HK$300.00", page.QuerySelector("[data-total]")!.TextContent.Trim());
        Assert.Contains("3 × HK$100.00", page.QuerySelector("[data-fee-lines]")!.TextContent);

        // Pay: to the sandbox's hosted page, by card.
        using var start = await client.SubmitAsync(page, paymentPath, new Dictionary<string, string>(), "Start");
        var hosted = new Uri(start.Location()).PathAndQuery;
        Assert.StartsWith("/sandbox-gateway/checkout/sbx_cs_", hosted);
        using var paid = await client.SubmitAsync(hosted, new Dictionary<string, string>
        {
            ["CardNumber"] = "4242 4242 4242 4242", ["Expiry"] = "12/39", ["SecurityCode"] = "123", ["NameOnCard"] = "CHAN TAI MAN",
        }, "Card");
        var back = new Uri(paid.Location()).PathAndQuery;
        Assert.StartsWith(paymentPath + "/return", back);

        // Back before the callback: the return asks the gateway, and the page shows the success.
        using var returned = await client.GetAsync(back, Cancel);
        var outcome = await (await client.GetAsync(returned.Location(), Cancel)).ReadPageAsync();
        Assert.Equal("succeeded", outcome.QuerySelector("[data-payment-state]")!.GetAttribute("data-payment-state"));

        // The application is accepted in the same transaction; the case opens from the outbox, and the late callback changes nothing.
        await _app.SettleAsync();
        var c = await _app.QueryCasesAsync(db => db.Set<Case>().AsNoTracking().SingleAsync(x => x.SubmissionId == accepted.SubmissionId, Cancel));
        Assert.Equal(accepted.Reference, c.Reference);
        Assert.False(await _app.QueryCasesAsync(db => db.Set<Submission>().Where(s => s.Id == accepted.SubmissionId).Select(s => s.HeldForPayment).SingleAsync(Cancel)));
        var callbacks = await _app.QueryCasesAsync(db => db.Set<PaymentCallback>().AsNoTracking().ToListAsync(Cancel));
        Assert.Equal(["unchanged"], callbacks.Select(x => x.Outcome));
        Assert.True(callbacks.Single().Verified);
        var payment = await _app.PaymentForAsync(accepted.SubmissionId);
        Assert.Equal((PaymentState.Succeeded, "card", 300m), (payment.State, payment.Method, payment.Amount));
    }
}

public sealed class PayOnSubmissionSqliteTests() : PayOnSubmissionTests(Provider.Sqlite);

public sealed class PayOnSubmissionPostgresTests() : PayOnSubmissionTests(Provider.Postgres);

/// <summary>When the provider cannot start a checkout, the payer is told on the payment page and may try again.</summary>
public sealed class PaymentProviderUnavailableTests : IAsyncLifetime
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    // Stripe chosen, but no Stripe keys: the adapter is not there, as when a deployment is misconfigured.
    private readonly OneStopApp _app = new(Provider.Sqlite) { Settings = { ["Payments:Provider"] = "stripe" } };

    public async ValueTask InitializeAsync() => await _app.SetFeesAsync(PaymentSteps.PerVehicleFees);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Start_ProviderUnavailable_PageSaysSoAndPaymentStaysOpen()
    {
        var (userId, email) = await _app.CitizenAsync();
        var client = await _app.SignedInAsync(email);
        var accepted = await _app.ApplyAsync(userId);
        var payment = await _app.PaymentForAsync(accepted.SubmissionId);

        var path = $"/payments/{payment.Id}";
        using var start = await client.SubmitAsync(path, new Dictionary<string, string>(), "Start");
        Assert.Equal(path + "?unavailable=true", start.Location());
        var page = await (await client.GetAsync(start.Location(), Cancel)).ReadPageAsync();

        Assert.Contains("No money has been taken", page.QuerySelector("[data-unavailable]")!.TextContent);
        Assert.NotNull(page.QuerySelector("form[action*='handler=Start']"));
        Assert.Equal(PaymentState.Created, (await _app.PaymentAsync(payment.Id)).State);
    }
}
