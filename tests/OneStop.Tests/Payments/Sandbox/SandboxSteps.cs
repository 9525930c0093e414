using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneStop.Forms.Submitting;
using OneStop.Payments;
using OneStop.Payments.Sandbox;
using OneStop.Platform.Audit;
using OneStop.Platform.Outbox;
using OneStop.Tests.Cases;
using OneStop.Tests.Notifications;

namespace OneStop.Tests.Payments.Sandbox;

/// <summary>A payer with an application held for HK$300 and the payment's page; <see cref="Hosted"/> once "Pay" was pressed.</summary>
public sealed record Payer(HttpClient Client, SubmitResult.Accepted Application, Guid PaymentId, string PaymentPath, string Hosted);

/// <summary>The sandbox journeys' steps: the payer's through the pages, the gateway's callbacks over HTTP.</summary>
public static class SandboxSteps
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public const string GoodCard = "4242 4242 4242 4242";

    /// <summary>A started app with the per-vehicle fees, and <paramref name="settings"/> (e.g. <c>Payments:Sandbox:DuplicateCallbacks</c>).</summary>
    public static async Task<OneStopApp> AppAsync(Provider provider, params (string Key, string Value)[] settings)
    {
        if (provider == Provider.Postgres) PostgresServer.SkipIfUnavailable();
        var app = new OneStopApp(provider) { Settings = settings.ToDictionary(s => s.Key, s => s.Value) };
        await app.SetFeesAsync(PaymentSteps.PerVehicleFees);
        return app;
    }

    /// <summary>A citizen applies (three vehicles: HK$300), opens the fee page and presses "Pay": they are on the sandbox's hosted page.</summary>
    public static async Task<Payer> PayerAtGatewayAsync(this OneStopApp app)
    {
        var (userId, email) = await app.CitizenAsync();
        var client = await app.SignedInAsync(email);
        var accepted = await app.ApplyAsync(userId, vehicles: 3);
        using var toPayment = await client.GetAsync($"/payments/application/{accepted.SubmissionId}", Cancel);
        var paymentPath = toPayment.Location();
        var hosted = await client.PressPayAsync(paymentPath);
        return new Payer(client, accepted, Guid.Parse(paymentPath.Split('/')[2]), paymentPath, hosted);
    }

    /// <summary>"Pay" on a payment's page; the hosted page's path.</summary>
    public static async Task<string> PressPayAsync(this HttpClient client, string paymentPath, IReadOnlyDictionary<string, string>? extra = null)
    {
        using var start = await client.SubmitAsync(paymentPath, extra ?? new Dictionary<string, string>(), "Start");
        var hosted = new Uri(start.Location()).PathAndQuery;
        Assert.StartsWith("/sandbox-gateway/checkout/sbx_cs_", hosted);
        return hosted;
    }

    public static Task<HttpResponseMessage> PayByCardAsync(this HttpClient client, string hosted, string number = GoodCard) =>
        client.SubmitAsync(hosted, new Dictionary<string, string>
        {
            ["CardNumber"] = number, ["Expiry"] = "12/39", ["SecurityCode"] = "123", ["NameOnCard"] = "CHAN TAI MAN",
        }, "Card");

    public static Task<HttpResponseMessage> PayByPpsAsync(this HttpClient client, string hosted, string account = "12345678") =>
        client.SubmitAsync(hosted, new Dictionary<string, string> { ["PpsAccount"] = account, ["PpsPassword"] = "password1" }, "Pps");

    /// <summary>Follows the gateway's redirect back to OneStop (the return asks the gateway) and reads the payment page.</summary>
    public static async Task<IDocument> ReturnAsync(this HttpClient client, HttpResponseMessage fromGateway)
    {
        var back = new Uri(new Uri("http://localhost"), fromGateway.Location()).PathAndQuery;
        Assert.Matches("^/payments/[0-9a-f-]+/return", back);
        using var returned = await client.GetAsync(back, Cancel);
        return await (await client.GetAsync(returned.Location(), Cancel)).ReadPageAsync();
    }

    public static string State(this IDocument paymentPage) => paymentPage.QuerySelector("[data-payment-state]")!.GetAttribute("data-payment-state")!;

    public static string CheckoutId(this Payer payer) => payer.Hosted.Split('/').Last();

    /// <summary>The body the gateway would send for <paramref name="type"/> about the payer's checkout (amount as charged unless given).</summary>
    public static async Task<byte[]> EventBodyAsync(this OneStopApp app, Payer payer, string type, string status, string eventId, decimal? amount = null)
    {
        var payment = await app.PaymentAsync(payer.PaymentId);
        var e = new SandboxEvent(eventId, type, app.Clock.GetUtcNow().ToUnixTimeSeconds(),
            new SandboxEventData(payer.CheckoutId(), payment.Id, payment.Reference, amount ?? payment.Amount, payment.Currency, "card", status));
        return JsonSerializer.SerializeToUtf8Bytes(e, JsonSerializerOptions.Web);
    }

    public static string Secret(this OneStopApp app) => app.Services.GetRequiredService<IOptions<SandboxOptions>>().Value.SigningSecret;

    /// <summary>POSTs a callback to the sandbox's endpoint with <paramref name="signature"/> (default: signed now with the app's secret).</summary>
    public static Task<HttpResponseMessage> PostCallbackAsync(this OneStopApp app, HttpClient client, byte[] body, string? signature = null)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, SandboxGateway.CallbackPath) { Content = content };
        request.Headers.TryAddWithoutValidation(SandboxSignature.Header, signature ?? SandboxSignature.Sign(app.Secret(), app.Clock.GetUtcNow(), body));
        return client.SendAsync(request, Cancel);
    }

    public static Task<int> AuditCountAsync(this OneStopApp app, string @event, string reference) =>
        app.QueryCasesAsync(db => db.Set<AuditEntry>().CountAsync(a => a.Event == @event && a.TargetId == reference, Cancel));

    /// <summary>Outbox messages of <paramref name="topic"/> whose payload names <paramref name="id"/>.</summary>
    public static Task<int> OutboxCountAsync(this OneStopApp app, string topic, Guid id)
    {
        var text = id.ToString();
        return app.QueryCasesAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.Topic == topic && m.Payload.Contains(text), Cancel));
    }

    public static Task<List<PaymentCallback>> CallbacksAsync(this OneStopApp app) =>
        app.QueryCasesAsync(db => db.Set<PaymentCallback>().AsNoTracking().OrderBy(c => c.ReceivedAt).ThenBy(c => c.Id).ToListAsync(Cancel));

    /// <summary>Moves the clock on by <paramref name="by"/> and runs one outbox pass.</summary>
    public static async Task StepAsync(this OneStopApp app, TimeSpan by)
    {
        app.Clock.Advance(by);
        await app.RunOutboxAsync();
    }

    /// <summary>
    /// Lets everything the gateway has in hand happen: settling (<c>SettlementDelay</c>), the callbacks it then
    /// sends (<c>CallbackDelay</c>), in steps of <paramref name="step"/> so that each thing falls due in turn.
    /// </summary>
    public static async Task SettleAllAsync(this OneStopApp app, TimeSpan? step = null)
    {
        for (var i = 0; i < 4; i++) await app.StepAsync(step ?? TimeSpan.FromSeconds(10));
    }

    public static Task<bool> HeldAsync(this OneStopApp app, Guid submissionId) =>
        app.QueryCasesAsync(db => db.Set<OneStop.Forms.Submission>().Where(s => s.Id == submissionId).Select(s => s.HeldForPayment).SingleAsync(Cancel));

    public static Task<string> ReadBodyAsync(this HttpResponseMessage response) => response.Content.ReadAsStringAsync(Cancel);

    public static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);
}
