namespace OneStop.Notifications.Sms;

/// <summary>A text to one number (E.164). <see cref="IdempotencyKey"/> is the same for every attempt at one delivery.</summary>
public sealed record SmsMessage(string To, string Body, string IdempotencyKey);

public enum SmsOutcome { Sent, PermanentFailure, TransientFailure }

/// <summary>What the provider said: sent with its message id, or failed with a short code (never the provider's own words).</summary>
public sealed record SmsResult(SmsOutcome Outcome, string? ProviderMessageId, string? FailureCode)
{
    public static SmsResult Sent(string providerMessageId) => new(SmsOutcome.Sent, providerMessageId, null);
    public static SmsResult Permanent(string code) => new(SmsOutcome.PermanentFailure, null, code);
    public static SmsResult Transient(string code) => new(SmsOutcome.TransientFailure, null, code);
}

/// <summary>
/// Sends texts. Expected failures come back as a result, not an exception: a permanent one (bad number,
/// opted out) makes the sender fall back to email, a transient one is retried.
/// </summary>
public interface ISmsProvider
{
    Task<SmsResult> SendAsync(SmsMessage message, CancellationToken cancellationToken);
}
