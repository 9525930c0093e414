using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStop.Platform.Database;
using OneStop.Platform.Outbox;

namespace OneStop.Payments.Sandbox;

/// <summary>FPS and PPS settle after a while: this makes a processing checkout paid and sends its callback.</summary>
public sealed class SettleSandboxCheckout(OneStopDb db, SandboxCallbacks callbacks, TimeProvider clock, IOptions<SandboxOptions> options) : IOutboxHandler
{
    /// <summary>How much later than "succeeded" the held-back "processing" callback is sent when <c>OutOfOrder</c> is on.</summary>
    public static readonly TimeSpan OutOfOrderLag = TimeSpan.FromSeconds(1);

    public const string TopicName = "payments.sandbox-settle";

    public sealed record Message(string CheckoutId);

    public string Topic => TopicName;

    public static void Queue(Outbox outbox, string checkoutId, DateTime at) =>
        outbox.Add(TopicName, new Message(checkoutId)).AvailableAt = at;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var settle = JsonSerializer.Deserialize<Message>(message.Payload, JsonSerializerOptions.Web) ?? throw new InvalidOperationException("The message has no payload.");
        var checkout = await db.Set<SandboxCheckout>().SingleAsync(c => c.Id == settle.CheckoutId, cancellationToken);
        if (checkout.State != SandboxCheckoutState.Processing) return;
        // Out of order: the "processing" callback held back at payment goes now, due a second after "succeeded".
        if (options.Value.OutOfOrder) callbacks.Queue(checkout, SandboxCallbacks.PaymentProcessing, after: OutOfOrderLag);
        checkout.State = SandboxCheckoutState.Paid;
        checkout.PaidAt = clock.GetUtcNow().UtcDateTime;
        checkout.Revision++;
        callbacks.Queue(checkout, SandboxCallbacks.PaymentSucceeded);
        await db.SaveChangesAsync(cancellationToken);
    }
}
