using Microsoft.AspNetCore.DataProtection;

namespace OneStop.Payments.Engine;

/// <summary>Encrypts what may identify a payer: a guest's email, a refund's reason.</summary>
public sealed class PaymentText(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("OneStop.Payments.Text.v1");

    public string Protect(string text) => _protector.Protect(text);

    public string? UnprotectOrNull(string? stored) => stored is null ? null : _protector.Unprotect(stored);
}

/// <summary>Audit event names of payments; the activity page words them as <c>audit.{event}</c>.</summary>
public static class PaymentAuditEvents
{
    public const string Created = "payment.created";
    public const string Started = "payment.started";
    public const string Succeeded = "payment.succeeded";
    public const string Failed = "payment.failed";
    public const string Cancelled = "payment.cancelled";
    public const string Expired = "payment.expired";
    public const string Refunded = "payment.refunded";
    public const string RefundFailed = "payment.refund-failed";
    public const string CallbackRefused = "payment.callback-refused";
    public const string FeesChanged = "payment.fees-changed";
}

/// <summary>Outbox messages of payments (identifiers only).</summary>
public sealed record PaymentSucceeded(Guid PaymentId)
{
    public const string Topic = "payments.payment-succeeded";
}

/// <summary>A payment succeeded for a purpose already paid (two checkouts both completed): it is refunded in full.</summary>
public sealed record DuplicatePayment(Guid PaymentId)
{
    public const string Topic = "payments.duplicate-payment";
}

/// <summary>Where payment pages live.</summary>
public static class PaymentPaths
{
    public static string Page(Payment payment) => Page(payment.Id, payment.PayerId is null ? payment.AccessKey : null);

    public static string Page(Guid id, string? key) => key is null ? $"/payments/{id}" : $"/payments/{id}?key={Uri.EscapeDataString(key)}";

    public static string Return(Payment payment) => $"/payments/{payment.Id}/return?key={Uri.EscapeDataString(payment.AccessKey)}";

    /// <summary>Where an application held for payment sends its payer: the newest payment for it.</summary>
    public static string ForSubmission(Guid submissionId) => $"/payments/application/{submissionId}";
}
