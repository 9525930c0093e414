using System.Globalization;
using OneStop.Payments.Engine;
using OneStop.Payments.Providers;
using Stripe.Checkout;

namespace OneStop.Payments.Stripe;

/// <summary>
/// The pure part of the adapter: money in Stripe's minor units, the payer's language as a Checkout locale, the
/// expiry Stripe accepts, and what a Checkout Session says of a payment.
/// </summary>
public static class StripeMapping
{
    /// <summary>Stripe accepts expires_at from 30 minutes to 24 hours after the session is created.</summary>
    public static readonly TimeSpan ShortestExpiry = TimeSpan.FromMinutes(30), LongestExpiry = TimeSpan.FromHours(24);

    /// <summary>Kept off both ends of Stripe's window: its clock and the request's travel time are not ours.</summary>
    public static readonly TimeSpan ExpiryMargin = TimeSpan.FromMinutes(1);

    /// <summary>
    /// HKD is a two-decimal currency at Stripe: HK$300.50 is 30050. An amount with a fraction of a cent cannot be
    /// charged exactly, so it is refused rather than rounded.
    /// </summary>
    public static long ToCents(decimal amount)
    {
        var cents = amount * 100m;
        if (cents != decimal.Truncate(cents)) throw new ArgumentOutOfRangeException(nameof(amount), amount, "Stripe charges whole cents; the amount has a fraction of a cent.");
        if (cents <= 0 || cents > long.MaxValue) throw new ArgumentOutOfRangeException(nameof(amount), amount, "The amount must be positive.");
        return (long)cents;
    }

    public static decimal FromCents(long cents) => cents / 100m;

    /// <summary>Checkout in the payer's language: Stripe has en, zh-HK (Traditional, Hong Kong) and zh (Simplified).</summary>
    public static string Locale(string language) => language switch
    {
        "en" => "en",
        "zh-HK" => "zh-HK",
        "zh-CN" or "zh" => "zh",
        _ => "auto",
    };

    /// <summary>
    /// Stripe's own deadline for the session: the payment's deadline plus 31 minutes, so it is always inside Stripe's
    /// window (30 min to 24 h after creation) however late before the deadline the payer presses Pay; the expiry job
    /// closes the session at the payment's own deadline, so this is only a backstop. It depends on the payment alone,
    /// not on the moment of the request, because Stripe refuses a repeated idempotency key with other parameters (two
    /// clicks at once). Only a deadline more than 23 h 29 min away is capped to 24 h from now (less a minute).
    /// </summary>
    public static DateTime ExpiresAt(DateTime wanted, DateTime now)
    {
        var backstop = DateTime.SpecifyKind(wanted, DateTimeKind.Utc) + ShortestExpiry + ExpiryMargin;
        var latest = now + LongestExpiry - ExpiryMargin;
        return backstop <= latest ? backstop : new DateTime(latest.Ticks - latest.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc);
    }

    /// <summary>Our payment's id, as given when the session was created (metadata first, then client_reference_id).</summary>
    public static Guid? PaymentId(Session session) =>
        session.Metadata is { } metadata && metadata.TryGetValue(StripeGateway.PaymentIdKey, out var fromMetadata) && Guid.TryParse(fromMetadata, out var id) ? id
        : Guid.TryParse(session.ClientReferenceId, out var fromReference) ? fromReference
        : null;

    /// <summary>What a Checkout Session's state means for the payment now.</summary>
    public static ProviderOutcome Outcome(Session session) => (session.Status, session.PaymentStatus) switch
    {
        ("complete", "paid") => ProviderOutcome.Succeeded,
        ("expired", _) => ProviderOutcome.Expired,
        // Open (the payer may still pay), or complete but unpaid: an asynchronous payment is on its way.
        _ => ProviderOutcome.Pending,
    };

    /// <summary>
    /// The method paid with. Our sessions are created for cards only, so the session's payment_method_types is
    /// <c>["card"]</c>; a session that somehow offered more reports its first type (kept short for the column).
    /// </summary>
    public static string Method(Session session) =>
        session.PaymentMethodTypes is [var first, ..] && first.Length <= 20 ? first : "card";

    public static decimal? Amount(Session session) => session.AmountTotal is { } cents ? FromCents(cents) : null;

    public static string? Currency(Session session) => session.Currency?.ToUpper(CultureInfo.InvariantCulture);

    public static ProviderStatus Status(Session session) => new(Outcome(session), Method(session), Amount(session));
}
