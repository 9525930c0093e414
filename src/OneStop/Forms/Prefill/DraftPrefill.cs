using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneStop.Forms.Prefill;

/// <summary>How the prefill step of a draft ended. Any row at all means "do not ask again for this draft".</summary>
public enum PrefillOutcome { Skipped = 1, Declined = 2, Expired = 3, Applied = 4 }

/// <summary>
/// What happened to the prefill offer of one draft, and which answers are locked to the values proved by the
/// person's identity check. A table of its own (one row per draft, deleted with it) rather than columns on
/// <see cref="FormDraft"/>, so that the draft's shape stays the Forms core's. The locked values are kept
/// encrypted, like the answers, so the submission can be checked against them.
/// </summary>
public sealed class DraftPrefill
{
    public Guid DraftId { get; set; }
    public PrefillOutcome Outcome { get; set; }
    /// <summary>The receipt the values were read under (also on the draft as <see cref="FormDraft.ConsentReceiptId"/>).</summary>
    public Guid? ConsentReceiptId { get; set; }
    /// <summary>Field ids filled from the profile, space-separated.</summary>
    public string FilledFields { get; set; } = "";
    /// <summary>Field ids filled from verified values of fields marked <c>lockVerified</c>, space-separated: the person cannot change them.</summary>
    public string LockedFields { get; set; } = "";
    /// <summary>Encrypted JSON object (AnswerProtection) of the locked fields' answers; null when nothing is locked.</summary>
    public string? LockedValues { get; set; }
    public DateTime DecidedAt { get; set; }

    public IReadOnlyList<string> LockedList => LockedFields.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    public IReadOnlyList<string> FilledList => FilledFields.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}

internal sealed class DraftPrefillConfiguration : IEntityTypeConfiguration<DraftPrefill>
{
    public void Configure(EntityTypeBuilder<DraftPrefill> entity)
    {
        entity.ToTable("FormDraftPrefills");
        entity.HasKey(p => p.DraftId);
        entity.HasOne<FormDraft>().WithOne().HasForeignKey<DraftPrefill>(p => p.DraftId).OnDelete(DeleteBehavior.Cascade);
        entity.Property(p => p.Outcome).HasConversion<string>().HasMaxLength(16);
        entity.Property(p => p.FilledFields).HasMaxLength(2000);
        entity.Property(p => p.LockedFields).HasMaxLength(2000);
    }
}

/// <summary>Audit events of prefill (field ids only, never values).</summary>
public static class PrefillEvents
{
    public const string Applied = "forms.prefill-applied";
}
