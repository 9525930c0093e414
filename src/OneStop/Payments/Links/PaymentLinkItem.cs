using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Catalogue;
using OneStop.Platform.Localisation;

namespace OneStop.Payments.Links;

/// <summary>
/// Something a department takes payment for without an application: a bill, a fixed penalty, a fee quoted
/// with a reference the payer types (checked against <see cref="ReferencePattern"/>). Paid at /pay/{code};
/// the amount is always this item's, never what a browser sends.
/// </summary>
public sealed class PaymentLinkItem
{
    public Guid Id { get; set; }
    /// <summary>Unique, in the address (/pay/{code}) and on the payment (<see cref="Payment.LinkCode"/>); never changes.</summary>
    public required string Code { get; set; }
    public required string DepartmentCode { get; set; }
    public required LocalisedText Title { get; set; }
    public required LocalisedText Description { get; set; }
    /// <summary>HKD, fixed.</summary>
    public decimal Amount { get; set; }
    /// <summary>What the payer is asked to type, e.g. "Account number" as printed on the bill.</summary>
    public required LocalisedText ReferenceLabel { get; set; }
    /// <summary>A .NET regular expression the whole reference must match (anchored when used); checked on save, run with a timeout.</summary>
    public required string ReferencePattern { get; set; }
    /// <summary>Inactive items are not listed and cannot be paid; payments already made keep their code.</summary>
    public bool Active { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid? UpdatedBy { get; set; }
}

internal sealed class PaymentLinkItemConfiguration : IEntityTypeConfiguration<PaymentLinkItem>
{
    public void Configure(EntityTypeBuilder<PaymentLinkItem> entity)
    {
        entity.ToTable("PaymentLinkItems");
        entity.Property(i => i.Code).HasMaxLength(LinkRules.CodeMaxLength);
        entity.Property(i => i.DepartmentCode).HasMaxLength(16);
        entity.Localised(i => i.Title, LinkRules.TitleMaxLength);
        entity.Localised(i => i.Description, LinkRules.DescriptionMaxLength);
        entity.Localised(i => i.ReferenceLabel, LinkRules.TitleMaxLength);
        entity.Property(i => i.Amount).HasPrecision(12, 2);
        entity.Property(i => i.ReferencePattern).HasMaxLength(LinkRules.PatternMaxLength);
        entity.HasIndex(i => i.Code).IsUnique();
        entity.HasIndex(i => new { i.DepartmentCode, i.Code });
    }
}
