using OneStop.Payments.Engine;

namespace OneStop.Payments.Providers;

/// <summary>What a checkout is for. <see cref="IdempotencyKey"/> is the payment's id: asking twice starts one checkout.</summary>
public sealed record CheckoutRequest(Guid PaymentId, string Reference, decimal Amount, string Currency, string Description,
    string Language, string ReturnUrl, string CancelUrl, DateTime ExpiresAt, string IdempotencyKey);

/// <summary>The provider's checkout: its id, and the hosted page to send the payer to.</summary>
public sealed record CheckoutSession(string ProviderReference, string RedirectUrl);

/// <summary>One piece of news in a verified callback. <see cref="PaymentId"/> is ours when the provider echoes it back.</summary>
public sealed record ProviderEvent(string EventId, string Type, Guid? PaymentId, string? ProviderReference, ProviderOutcome? Outcome,
    string? Method = null, decimal? Amount = null, string? Currency = null);

/// <summary>A callback read: verified events, or why it was refused (<c>badSignature</c>, <c>outsideWindow</c>, <c>unreadable</c>).</summary>
public sealed record CallbackReading(IReadOnlyList<ProviderEvent> Events, string? Refusal)
{
    public static CallbackReading Refused(string why) => new([], why);
}

/// <summary>What the provider says of a checkout now.</summary>
public sealed record ProviderStatus(ProviderOutcome Outcome, string? Method = null, decimal? Amount = null);

public sealed record RefundRequest(Guid RefundId, string ProviderReference, decimal Amount, string Currency, string IdempotencyKey);

/// <summary>A refund's result: done, or refused with the provider's code.</summary>
public sealed record RefundResult(bool Succeeded, string? ProviderReference, string? FailureCode);

/// <summary>One line of a provider's settlement file: money that moved for a payment (positive) or a refund (negative).</summary>
public sealed record SettlementLine(string ProviderReference, Guid? PaymentId, string Kind, decimal Amount, string Currency, DateTime SettledAt);

/// <summary>
/// A payment provider behind OneStop: the sandbox gateway (Payments/Sandbox) or Stripe (Payments/Stripe).
/// Every call that creates something carries an idempotency key, so a retry never makes a second one.
/// </summary>
public interface IPaymentProvider
{
    /// <summary>The name in routes and rows: <c>sandbox</c>, <c>stripe</c>.</summary>
    string Name { get; }

    Task<CheckoutSession> StartCheckoutAsync(CheckoutRequest request, CancellationToken cancellationToken);

    /// <summary>Verifies and reads a callback's raw body; never throws for a bad one.</summary>
    CallbackReading ReadCallback(IHeaderDictionary headers, byte[] body, DateTimeOffset now);

    /// <summary>Asks where a checkout stands, for the payer's return and for expiry (the callback may not have come yet).</summary>
    Task<ProviderStatus> StatusAsync(string providerReference, CancellationToken cancellationToken);

    /// <summary>Closes a checkout that ran out of time; returns where it stands afterwards (it may have been paid just before).</summary>
    Task<ProviderStatus> ExpireAsync(string providerReference, CancellationToken cancellationToken);

    Task<RefundResult> RefundAsync(RefundRequest request, CancellationToken cancellationToken);

    /// <summary>The provider's settlement file for a Hong Kong day.</summary>
    Task<IReadOnlyList<SettlementLine>> SettlementAsync(DateOnly day, CancellationToken cancellationToken);
}

/// <summary>The providers this node has, by name; <c>Payments:Provider</c> says which new payments use.</summary>
public sealed class PaymentProviders(IEnumerable<IPaymentProvider> providers, Microsoft.Extensions.Options.IOptions<PaymentsOptions> options)
{
    public IPaymentProvider? Find(string name) => providers.FirstOrDefault(p => p.Name == name);

    public IPaymentProvider Get(string name) => Find(name) ?? throw new InvalidOperationException($"No payment provider named {name} is configured.");

    public IPaymentProvider Default => Get(options.Value.Provider);

    public IEnumerable<IPaymentProvider> All => providers;
}
