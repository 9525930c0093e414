using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneStop.Payments;

/// <summary>A service's fees as data (<see cref="Fees.FeeDefinition"/> JSON). A service without one charges nothing.</summary>
public sealed class FeeSchedule
{
    public required string ServiceSlug { get; set; }
    public required string DepartmentCode { get; set; }
    public required string Definition { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid? UpdatedBy { get; set; }
}

public enum PaymentState { Created = 1, Pending = 2, Succeeded = 3, Failed = 4, Cancelled = 5, Expired = 6, PartlyRefunded = 7, Refunded = 8 }

/// <summary>What a payment is for: an application that waits for it, an approved case whose licence waits for it, or a payment link.</summary>
public enum PaymentPurpose { Application = 1, Approval = 2, Link = 3 }

/// <summary>
/// One attempt to take one amount. The amount and its lines are worked out by the server and never change;
/// paying again after a failure or expiry is a new payment (<see cref="Attempt"/> + 1) for the same purpose.
/// <see cref="Revision"/> makes concurrent callbacks and the payer's return settle on one transition.
/// </summary>
public sealed class Payment
{
    public Guid Id { get; set; }
    /// <summary>What the payer quotes and the receipt shows, e.g. <c>PAY-2026-000123</c>.</summary>
    public required string Reference { get; set; }
    public PaymentPurpose Purpose { get; set; }
    public required string DepartmentCode { get; set; }
    public string? ServiceSlug { get; set; }
    public Guid? SubmissionId { get; set; }
    /// <summary>The application's reference, for officers' searches and the receipt.</summary>
    public string? ApplicationReference { get; set; }
    public Guid? CaseId { get; set; }
    /// <summary>The payment link's item, and the bill or notice number the payer typed.</summary>
    public string? LinkCode { get; set; }
    public string? PayerReference { get; set; }
    public Guid? PayerId { get; set; }
    /// <summary>Encrypted (PaymentText): where a payer without an account gets the receipt.</summary>
    public string? PayerEmail { get; set; }
    public string Language { get; set; } = "en";
    public decimal Amount { get; set; }
    public string Currency { get; set; } = "HKD";
    /// <summary>JSON of the <see cref="Fees.FeeQuote"/> lines: how the amount was worked out.</summary>
    public required string Lines { get; set; }
    public PaymentState State { get; set; }
    public required string Provider { get; set; }
    /// <summary>The provider's checkout or payment id, once a checkout was started.</summary>
    public string? ProviderReference { get; set; }
    public string? CheckoutUrl { get; set; }
    /// <summary>card, fps or pps: how the payer paid, as the provider reports it.</summary>
    public string? Method { get; set; }
    public string? FailureCode { get; set; }
    /// <summary>Unique: <c>{purpose key}:{attempt}</c>, so a double click on "Pay" makes one payment.</summary>
    public required string IdempotencyKey { get; set; }
    public int Attempt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? SucceededAt { get; set; }
    public decimal RefundedAmount { get; set; }
    public DateTime? ReceiptSentAt { get; set; }
    /// <summary>
    /// A random capability for payers without an account (guests, payment links): the payment's pages open with
    /// <c>?key=</c> it, as a resume link does. Account holders' payments open only for them.
    /// </summary>
    public required string AccessKey { get; set; }
    public int Revision { get; set; }
}

/// <summary>Every callback that reached OneStop, kept for the audit and for support: verified or refused, and what it did. The body is not kept (it may hold personal data), only its hash.</summary>
public sealed class PaymentCallback
{
    public Guid Id { get; set; }
    public required string Provider { get; set; }
    public DateTime ReceivedAt { get; set; }
    public bool Verified { get; set; }
    /// <summary>Why it was refused (badSignature, outsideWindow, unreadable), or what it did (applied, unchanged, unknownPayment, amountMismatch).</summary>
    public required string Outcome { get; set; }
    public string? EventId { get; set; }
    public string? EventType { get; set; }
    public Guid? PaymentId { get; set; }
    public required string BodySha256 { get; set; }
}

public enum RefundState { Requested = 1, Succeeded = 2, Failed = 3 }

/// <summary>Money given back, in part or in full, by an officer with a reason or automatically on rejection.</summary>
public sealed class Refund
{
    public Guid Id { get; set; }
    public Guid PaymentId { get; set; }
    public decimal Amount { get; set; }
    /// <summary>Encrypted (PaymentText): the reason the payer is told.</summary>
    public required string Reason { get; set; }
    public RefundState State { get; set; }
    public string? ProviderReference { get; set; }
    public string? FailureCode { get; set; }
    public Guid? RequestedBy { get; set; }
    public bool Automatic { get; set; }
    public DateTime RequestedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
}

internal sealed class FeeScheduleConfiguration : IEntityTypeConfiguration<FeeSchedule>
{
    public void Configure(EntityTypeBuilder<FeeSchedule> entity)
    {
        entity.ToTable("FeeSchedules");
        entity.HasKey(f => f.ServiceSlug);
        entity.Property(f => f.ServiceSlug).HasMaxLength(200);
        entity.Property(f => f.DepartmentCode).HasMaxLength(16);
        entity.HasIndex(f => f.DepartmentCode);
    }
}

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> entity)
    {
        entity.ToTable("Payments");
        entity.Property(p => p.Reference).HasMaxLength(40);
        entity.Property(p => p.DepartmentCode).HasMaxLength(16);
        entity.Property(p => p.ServiceSlug).HasMaxLength(200);
        entity.Property(p => p.ApplicationReference).HasMaxLength(40);
        entity.Property(p => p.LinkCode).HasMaxLength(100);
        entity.Property(p => p.PayerReference).HasMaxLength(60);
        entity.Property(p => p.Language).HasMaxLength(8);
        entity.Property(p => p.Currency).HasMaxLength(3);
        entity.Property(p => p.Amount).HasPrecision(12, 2);
        entity.Property(p => p.RefundedAmount).HasPrecision(12, 2);
        entity.Property(p => p.Provider).HasMaxLength(20);
        entity.Property(p => p.ProviderReference).HasMaxLength(200);
        entity.Property(p => p.CheckoutUrl).HasMaxLength(1000);
        entity.Property(p => p.Method).HasMaxLength(20);
        entity.Property(p => p.FailureCode).HasMaxLength(60);
        entity.Property(p => p.IdempotencyKey).HasMaxLength(200);
        entity.Property(p => p.AccessKey).HasMaxLength(40);
        entity.Property(p => p.Revision).IsConcurrencyToken();
        entity.HasIndex(p => p.Reference).IsUnique();
        entity.HasIndex(p => p.IdempotencyKey).IsUnique();
        entity.HasIndex(p => new { p.Provider, p.ProviderReference });
        entity.HasIndex(p => p.SubmissionId);
        entity.HasIndex(p => new { p.DepartmentCode, p.CreatedAt });
        entity.HasIndex(p => new { p.State, p.ExpiresAt });
        entity.HasIndex(p => new { p.PayerId, p.CreatedAt });
    }
}

internal sealed class PaymentCallbackConfiguration : IEntityTypeConfiguration<PaymentCallback>
{
    public void Configure(EntityTypeBuilder<PaymentCallback> entity)
    {
        entity.ToTable("PaymentCallbacks");
        entity.Property(c => c.Provider).HasMaxLength(20);
        entity.Property(c => c.Outcome).HasMaxLength(40);
        entity.Property(c => c.EventId).HasMaxLength(200);
        entity.Property(c => c.EventType).HasMaxLength(100);
        entity.Property(c => c.BodySha256).HasMaxLength(64);
        entity.HasIndex(c => c.PaymentId);
        entity.HasIndex(c => c.ReceivedAt);
    }
}

internal sealed class RefundConfiguration : IEntityTypeConfiguration<Refund>
{
    public void Configure(EntityTypeBuilder<Refund> entity)
    {
        entity.ToTable("Refunds");
        entity.Property(r => r.Amount).HasPrecision(12, 2);
        entity.Property(r => r.ProviderReference).HasMaxLength(200);
        entity.Property(r => r.FailureCode).HasMaxLength(60);
        entity.HasIndex(r => r.PaymentId);
    }
}
