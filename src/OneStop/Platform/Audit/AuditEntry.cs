using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneStop.Platform.Audit;

/// <summary>
/// One thing that happened to a person's account, application, payment, document or consent: who did
/// it, to whom, when, and a short machine-readable detail. Entries are only ever added.
/// Details never carry personal data, only identifiers and names of fields.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>An event name such as <c>account.signed-in</c>; see <see cref="AuditEvents"/>.</summary>
    public required string Event { get; set; }

    /// <summary>The account that acted; null for the public or the system.</summary>
    public Guid? ActorId { get; set; }

    /// <summary>The person the event is about; their own activity page lists these.</summary>
    public Guid? SubjectId { get; set; }

    /// <summary>The department whose data was touched, so officers' audits can be scoped.</summary>
    public string? DepartmentCode { get; set; }

    public string? TargetType { get; set; }
    public string? TargetId { get; set; }
    public string? Detail { get; set; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.Property(e => e.Event).HasMaxLength(64);
        builder.Property(e => e.DepartmentCode).HasMaxLength(16);
        builder.Property(e => e.TargetType).HasMaxLength(32);
        builder.Property(e => e.TargetId).HasMaxLength(128);
        builder.Property(e => e.Detail).HasMaxLength(1000);
        builder.HasIndex(e => new { e.SubjectId, e.Id });
        builder.HasIndex(e => new { e.TargetType, e.TargetId });
    }
}
