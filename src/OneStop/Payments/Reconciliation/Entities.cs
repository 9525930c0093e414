using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneStop.Payments.Reconciliation;

/// <summary>How one line came out of the comparison.</summary>
public enum MatchKind
{
    /// <summary>OneStop and the provider agree on the money.</summary>
    Matched = 1,
    /// <summary>OneStop has it (a payment or refund that succeeded that day); the provider's file does not.</summary>
    MissingAtProvider = 2,
    /// <summary>The provider's file has it; OneStop has no payment or refund that succeeded that day to match.</summary>
    MissingInOneStop = 3,
    /// <summary>Both have it, for different amounts (or currencies).</summary>
    AmountMismatch = 4,
}

/// <summary>
/// One reconciliation of one Hong Kong day with one provider. Running a day again replaces its run (and its
/// items), so there is at most one per day and provider; the unique index settles two runs started at once.
/// </summary>
public sealed class ReconciliationRun
{
    public Guid Id { get; set; }
    public DateOnly Day { get; set; }
    public required string Provider { get; set; }
    public DateTime RanAt { get; set; }
    /// <summary>The member of staff who asked for it; null for the daily job and the command line.</summary>
    public Guid? RanBy { get; set; }
    public int Matched { get; set; }
    public int Mismatched { get; set; }
}

/// <summary>
/// One payment or refund as the comparison found it. Amounts are positive (a refund's direction is in
/// <see cref="LineKind"/>); the department is the payment's, or null when the provider's line names no payment
/// OneStop knows (only platform administrators see those).
/// </summary>
public sealed class ReconciliationItem
{
    public Guid Id { get; set; }
    public Guid RunId { get; set; }
    public DateOnly Day { get; set; }
    public required string Provider { get; set; }
    public MatchKind Kind { get; set; }
    /// <summary><c>payment</c> or <c>refund</c>.</summary>
    public required string LineKind { get; set; }
    public Guid? PaymentId { get; set; }
    public string? PaymentReference { get; set; }
    public Guid? RefundId { get; set; }
    public string? DepartmentCode { get; set; }
    public string? ProviderReference { get; set; }
    public decimal? OneStopAmount { get; set; }
    public decimal? ProviderAmount { get; set; }
    public string? Currency { get; set; }
}

internal sealed class ReconciliationRunConfiguration : IEntityTypeConfiguration<ReconciliationRun>
{
    public void Configure(EntityTypeBuilder<ReconciliationRun> entity)
    {
        entity.ToTable("ReconciliationRuns");
        entity.Property(r => r.Provider).HasMaxLength(20);
        entity.HasIndex(r => new { r.Day, r.Provider }).IsUnique();
    }
}

internal sealed class ReconciliationItemConfiguration : IEntityTypeConfiguration<ReconciliationItem>
{
    public void Configure(EntityTypeBuilder<ReconciliationItem> entity)
    {
        entity.ToTable("ReconciliationItems");
        entity.Property(i => i.Provider).HasMaxLength(20);
        entity.Property(i => i.LineKind).HasMaxLength(10);
        entity.Property(i => i.PaymentReference).HasMaxLength(40);
        entity.Property(i => i.DepartmentCode).HasMaxLength(16);
        entity.Property(i => i.ProviderReference).HasMaxLength(200);
        entity.Property(i => i.OneStopAmount).HasPrecision(12, 2);
        entity.Property(i => i.ProviderAmount).HasPrecision(12, 2);
        entity.Property(i => i.Currency).HasMaxLength(3);
        entity.HasOne<ReconciliationRun>().WithMany().HasForeignKey(i => i.RunId).OnDelete(DeleteBehavior.Cascade);
        entity.HasIndex(i => new { i.Day, i.DepartmentCode });
    }
}
