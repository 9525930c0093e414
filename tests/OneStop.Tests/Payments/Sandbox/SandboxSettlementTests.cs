using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneStop.Payments;
using OneStop.Payments.Providers;
using OneStop.Payments.Sandbox;

namespace OneStop.Tests.Payments.Sandbox;

/// <summary>The daily settlement file a merchant downloads, and reconciliation's reading of it.</summary>
public abstract class SandboxSettlementTests(Provider provider)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SettlementFile_PaymentAndPartRefund_DownloadedWithKeyIsWhatTheAdapterReconciles()
    {
        await using var app = await SandboxSteps.AppAsync(provider);
        var payer = await app.PayerAtGatewayAsync();
        using var paid = await payer.Client.PayByCardAsync(payer.Hosted);
        var payment = await app.PaymentAsync(payer.PaymentId);
        RefundResult refund;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var gateway = scope.ServiceProvider.GetServices<IPaymentProvider>().Single(p => p.Name == SandboxGateway.ProviderName);
            refund = await gateway.RefundAsync(new RefundRequest(Guid.NewGuid(), payer.CheckoutId(), 50m, "HKD", "refund-test-1"), Cancel);
        }
        var day = SandboxSettlements.HongKongDay(app.Clock.GetUtcNow().UtcDateTime);

        using var response = await Download(app, $"/sandbox-gateway/settlements/{day:yyyy-MM-dd}.csv", Key(app));
        var csv = await response.ReadBodyAsync();
        IReadOnlyList<SettlementLine> reconciled;
        await using (var scope = app.Services.CreateAsyncScope())
            reconciled = await scope.ServiceProvider.GetServices<IPaymentProvider>().Single(p => p.Name == SandboxGateway.ProviderName).SettlementAsync(day, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("settled_at,type,checkout,refund,merchant_payment_id,merchant_reference,method,currency,amount,fee\r\n", csv);
        var rows = SandboxSettlementFile.Read(csv);
        Assert.Equal(2, rows.Count);
        Assert.Equal(("payment", payer.CheckoutId(), (string?)null, payment.Id, payment.Reference, "card", "HKD", 300.00m, 0m),
            (rows[0].Type, rows[0].Checkout, rows[0].Refund, rows[0].MerchantPaymentId, rows[0].MerchantReference, rows[0].Method, rows[0].Currency, rows[0].Amount, rows[0].Fee));
        Assert.Equal(("refund", payer.CheckoutId(), refund.ProviderReference, -50.00m), (rows[1].Type, rows[1].Checkout, rows[1].Refund, rows[1].Amount));
        Assert.Contains($",{payment.Reference},card,HKD,-50.00,0.00\r\n", csv);
        Assert.Equal(rows.Select(r => r.ToLine()), reconciled);
        Assert.Equal([payer.CheckoutId(), refund.ProviderReference], reconciled.Select(l => l.ProviderReference));
    }

    [Fact]
    public async Task SettlementFile_WithoutOrWithWrongKey_401AndNothingShown()
    {
        await using var app = await SandboxSteps.AppAsync(provider);
        var day = $"{SandboxSettlements.HongKongDay(app.Clock.GetUtcNow().UtcDateTime):yyyy-MM-dd}";

        using var none = await Download(app, $"/sandbox-gateway/settlements/{day}.csv", null);
        using var wrong = await Download(app, $"/sandbox-gateway/settlements/{day}.csv", Key(app) + "x");
        using var badDay = await Download(app, "/sandbox-gateway/settlements/2026-02-30.csv", Key(app));
        using var empty = await Download(app, "/sandbox-gateway/settlements/2001-01-01.csv", Key(app));

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (none.StatusCode, wrong.StatusCode));
        Assert.Equal("Bearer", none.Headers.WwwAuthenticate.Single().Scheme);
        Assert.DoesNotContain("settled_at", await wrong.ReadBodyAsync());
        Assert.Equal(HttpStatusCode.NotFound, badDay.StatusCode);
        Assert.Equal(string.Join(',', SandboxSettlementFile.Columns) + "\r\n", await empty.ReadBodyAsync());
    }

    [Fact]
    public async Task SandboxDisabled_OnAnotherNode_HostedPageCallbacksAndSettlementFileAre404()
    {
        await using var app = await SandboxSteps.AppAsync(provider);
        var payer = await app.PayerAtGatewayAsync();
        await using var off = new OneStopApp(app)
        {
            Settings = { ["Payments:Sandbox:Enabled"] = "false", ["Payments:Sandbox:SigningSecret"] = "", ["Payments:Sandbox:SettlementKey"] = "" },
        };
        var browser = off.CreateClient(new() { AllowAutoRedirect = false });
        var body = await app.EventBodyAsync(payer, SandboxCallbacks.PaymentSucceeded, "paid", "sbx_evt_off");

        var (onStatus, _) = await payer.Client.GetPageAsync(payer.Hosted);
        var (offStatus, _) = await browser.GetPageAsync(payer.Hosted);
        using var callback = await app.PostCallbackAsync(off.CreateClient(), body);
        using var file = await Download(off, $"/sandbox-gateway/settlements/{SandboxSettlements.HongKongDay(app.Clock.GetUtcNow().UtcDateTime):yyyy-MM-dd}.csv", Key(app));

        Assert.Equal((200, 404), (onStatus, offStatus));
        Assert.Equal(HttpStatusCode.NotFound, callback.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, file.StatusCode);
        await using var scope = off.Services.CreateAsyncScope();
        Assert.DoesNotContain(scope.ServiceProvider.GetServices<IPaymentProvider>(), p => p.Name == SandboxGateway.ProviderName);
        Assert.Equal(PaymentState.Created, (await app.PaymentAsync(payer.PaymentId)).State);
    }

    private static string Key(OneStopApp app) => app.Services.GetRequiredService<IOptions<SandboxOptions>>().Value.SettlementKey;

    private static Task<HttpResponseMessage> Download(OneStopApp app, string path, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return app.CreateClient().SendAsync(request, Cancel);
    }
}

public sealed class SandboxSettlementSqliteTests() : SandboxSettlementTests(Provider.Sqlite);

public sealed class SandboxSettlementPostgresTests() : SandboxSettlementTests(Provider.Postgres);
