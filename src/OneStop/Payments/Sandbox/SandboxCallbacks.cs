using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using OneStop.Platform.Outbox;

namespace OneStop.Payments.Sandbox;

/// <summary>One callback the sandbox will send: where, and the exact body (signed when sent).</summary>
public sealed record SandboxCallback(string Url, string Body)
{
    public const string Topic = "payments.sandbox-callback";
}

/// <summary>The body of a sandbox callback, as a real gateway's event: an id, a type and the checkout it concerns.</summary>
public sealed record SandboxEvent(string Id, string Type, long Created, SandboxEventData Data);

public sealed record SandboxEventData(string Checkout, Guid Payment, string Reference, decimal Amount, string Currency, string? Method, string Status,
    string? Refund = null, decimal? RefundAmount = null);

/// <summary>
/// Queues the sandbox's callbacks through the outbox, so they leave after the change that caused them and
/// are retried when delivery fails, with the configured delay, duplicates and order.
/// </summary>
public sealed class SandboxCallbacks(Outbox outbox, TimeProvider clock, IOptions<SandboxOptions> options)
{
    public const string PaymentProcessing = "checkout.processing";
    public const string PaymentSucceeded = "payment.succeeded";
    public const string PaymentFailed = "payment.failed";
    public const string CheckoutCancelled = "checkout.cancelled";
    public const string CheckoutExpired = "checkout.expired";
    public const string RefundSucceeded = "refund.succeeded";

    /// <summary>Queues <paramref name="type"/> for <paramref name="checkout"/>, <paramref name="after"/> the configured delay.</summary>
    public void Queue(SandboxCheckout checkout, string type, TimeSpan? after = null, SandboxRefund? refund = null)
    {
        var now = clock.GetUtcNow();
        var status = checkout.State.ToString().ToLowerInvariant();
        var body = JsonSerializer.Serialize(new SandboxEvent($"sbx_evt_{Guid.NewGuid():N}", type, now.ToUnixTimeSeconds(),
            new SandboxEventData(checkout.Id, checkout.MerchantPaymentId, checkout.MerchantReference, checkout.Amount, checkout.Currency,
                checkout.Method, status, refund?.Id, refund?.Amount)), JsonSerializerOptions.Web);
        var due = now.UtcDateTime + options.Value.CallbackDelay + (after ?? TimeSpan.Zero);
        // A real gateway may deliver an event more than once; each copy is the same event (same id).
        for (var copy = 0; copy <= options.Value.DuplicateCallbacks; copy++)
        {
            var message = outbox.Add(SandboxCallback.Topic, new SandboxCallback(checkout.CallbackUrl, body));
            message.AvailableAt = due;
        }
    }
}

/// <summary>Delivers a sandbox callback over HTTP, signed at the moment it is sent; a refused or failed delivery is retried by the outbox.</summary>
public sealed class SendSandboxCallback(IHttpClientFactory http, TimeProvider clock, IOptions<SandboxOptions> options) : IOutboxHandler
{
    public const string Client = "sandbox-gateway";

    public string Topic => SandboxCallback.Topic;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var callback = JsonSerializer.Deserialize<SandboxCallback>(message.Payload, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("The message has no payload.");
        // Attempts counts this one (the dispatcher counts a message when it claims it): 1 on the first delivery.
        if (message.Attempts <= options.Value.FailFirstDeliveries)
            throw new HttpRequestException("Sandbox: delivery failed on purpose (Payments:Sandbox:FailFirstDeliveries).");
        var body = Encoding.UTF8.GetBytes(callback.Body);
        using var request = new HttpRequestMessage(HttpMethod.Post, callback.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation(SandboxSignature.Header, SandboxSignature.Sign(options.Value.SigningSecret, clock.GetUtcNow(), body));
        using var response = await http.CreateClient(Client).SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"Sandbox: the callback was answered {(int)response.StatusCode}.");
    }
}
