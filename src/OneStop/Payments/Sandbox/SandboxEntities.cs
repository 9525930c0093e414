using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneStop.Payments.Sandbox;

public enum SandboxCheckoutState { Open = 1, Processing = 2, Paid = 3, Cancelled = 4, Expired = 5 }

/// <summary>The sandbox gateway's own record of a checkout: what a real provider keeps on its side.</summary>
public sealed class SandboxCheckout
{
    /// <summary><c>sbx_cs_…</c>: the provider reference OneStop stores.</summary>
    public required string Id { get; set; }
    /// <summary>The merchant's (OneStop's) payment id, echoed back in callbacks.</summary>
    public Guid MerchantPaymentId { get; set; }
    public required string MerchantReference { get; set; }
    public decimal Amount { get; set; }
    public required string Currency { get; set; }
    public required string Description { get; set; }
    public required string Language { get; set; }
    public required string ReturnUrl { get; set; }
    public required string CancelUrl { get; set; }
    public required string CallbackUrl { get; set; }
    public required string IdempotencyKey { get; set; }
    public SandboxCheckoutState State { get; set; }
    /// <summary>card, fps or pps, once the payer chose.</summary>
    public string? Method { get; set; }
    /// <summary>The last decline, shown on the hosted page (e.g. card_declined).</summary>
    public string? DeclineCode { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? PaidAt { get; set; }
    public int Revision { get; set; }
}

/// <summary>Money the sandbox gave back for a checkout.</summary>
public sealed class SandboxRefund
{
    /// <summary><c>sbx_re_…</c>.</summary>
    public required string Id { get; set; }
    public required string CheckoutId { get; set; }
    public decimal Amount { get; set; }
    public required string IdempotencyKey { get; set; }
    public DateTime CreatedAt { get; set; }
}

internal sealed class SandboxCheckoutConfiguration : IEntityTypeConfiguration<SandboxCheckout>
{
    public void Configure(EntityTypeBuilder<SandboxCheckout> entity)
    {
        entity.ToTable("SandboxCheckouts");
        entity.Property(c => c.Id).HasMaxLength(60);
        entity.Property(c => c.MerchantReference).HasMaxLength(40);
        entity.Property(c => c.Amount).HasPrecision(12, 2);
        entity.Property(c => c.Currency).HasMaxLength(3);
        entity.Property(c => c.Description).HasMaxLength(300);
        entity.Property(c => c.Language).HasMaxLength(8);
        entity.Property(c => c.ReturnUrl).HasMaxLength(1000);
        entity.Property(c => c.CancelUrl).HasMaxLength(1000);
        entity.Property(c => c.CallbackUrl).HasMaxLength(1000);
        entity.Property(c => c.IdempotencyKey).HasMaxLength(200);
        entity.Property(c => c.Method).HasMaxLength(10);
        entity.Property(c => c.DeclineCode).HasMaxLength(40);
        entity.Property(c => c.Revision).IsConcurrencyToken();
        entity.HasIndex(c => c.IdempotencyKey).IsUnique();
        entity.HasIndex(c => c.PaidAt);
    }
}

internal sealed class SandboxRefundConfiguration : IEntityTypeConfiguration<SandboxRefund>
{
    public void Configure(EntityTypeBuilder<SandboxRefund> entity)
    {
        entity.ToTable("SandboxRefunds");
        entity.Property(r => r.Id).HasMaxLength(60);
        entity.Property(r => r.CheckoutId).HasMaxLength(60);
        entity.Property(r => r.Amount).HasPrecision(12, 2);
        entity.Property(r => r.IdempotencyKey).HasMaxLength(200);
        entity.HasIndex(r => r.IdempotencyKey).IsUnique();
        entity.HasIndex(r => new { r.CheckoutId, r.CreatedAt });
    }
}
