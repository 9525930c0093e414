using System.Text;
using OneStop.Payments.Engine;
using OneStop.Payments.Providers;
using Stripe;
using Stripe.Checkout;

namespace OneStop.Payments.Stripe;

/// <summary>
/// Reads a Stripe webhook: the <c>Stripe-Signature</c> header is verified by Stripe.net against the endpoint's
/// secret and the tolerance, then the event is mapped to OneStop's news. Only Checkout Session events move a
/// payment; every other verified event is passed on with no outcome (recorded, changes nothing).
/// </summary>
public static class StripeWebhook
{
    public const string SignatureHeader = "Stripe-Signature";

    public const string Completed = "checkout.session.completed";
    public const string AsyncSucceeded = "checkout.session.async_payment_succeeded";
    public const string AsyncFailed = "checkout.session.async_payment_failed";
    public const string Expired = "checkout.session.expired";

    /// <summary>The events to send to the endpoint (docs/payments/stripe.md).</summary>
    public static readonly IReadOnlyList<string> Events = [Completed, AsyncSucceeded, AsyncFailed, Expired];

    public static CallbackReading Read(string? signature, byte[] body, DateTimeOffset now, string secret, TimeSpan tolerance)
    {
        if (string.IsNullOrWhiteSpace(signature)) return CallbackReading.Refused("badSignature");
        // Not valid UTF-8: decoding replaces the bad bytes, so the signature (over the bytes Stripe sent) cannot match.
        var json = Encoding.UTF8.GetString(body);
        Event e;
        try
        {
            // Our clock, not the machine's, so the window is the same in tests; the event's API version may differ
            // from Stripe.net's: only fields that every version has are read.
            e = EventUtility.ConstructEvent(json, signature, secret, (long)tolerance.TotalSeconds, now.ToUnixTimeSeconds(), throwOnApiVersionMismatch: false);
        }
        catch (StripeException ex)
        {
            // Stripe.net says which check failed only in its message; the signature is checked before the time,
            // so a forged body with a fresh timestamp is still badSignature.
            return CallbackReading.Refused(ex.Message.Contains("tolerance", StringComparison.OrdinalIgnoreCase) ? "outsideWindow" : "badSignature");
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or Newtonsoft.Json.JsonException or ArgumentException or InvalidOperationException or FormatException or OverflowException)
        {
            return CallbackReading.Refused("unreadable");
        }
        if (string.IsNullOrEmpty(e?.Id) || string.IsNullOrEmpty(e.Type)) return CallbackReading.Refused("unreadable");
        return new CallbackReading([Map(e)], null);
    }

    /// <summary>One verified event as OneStop's news.</summary>
    public static ProviderEvent Map(Event e)
    {
        if (e.Data?.Object is not Session session) return new ProviderEvent(e.Id, e.Type, null, null, null);
        ProviderOutcome? outcome = e.Type switch
        {
            // Paid by card at once; "unpaid" means an asynchronous method is still settling (its own event follows).
            Completed => session.PaymentStatus switch { "paid" => ProviderOutcome.Succeeded, "unpaid" => ProviderOutcome.Pending, _ => null },
            AsyncSucceeded => ProviderOutcome.Succeeded,
            AsyncFailed => ProviderOutcome.Failed,
            Expired => ProviderOutcome.Expired,
            _ => null,
        };
        return new ProviderEvent(e.Id, e.Type, StripeMapping.PaymentId(session), session.Id, outcome,
            StripeMapping.Method(session), StripeMapping.Amount(session), StripeMapping.Currency(session));
    }
}
