using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneStop.Platform.Jobs;

/// <summary>
/// When a recurring job (one that runs on one node per interval) runs next, and which node holds it now.
/// One row per job name, added by the first node that looks for it. Kept in the database so that the
/// schedule survives restarts and is shared by every node.
/// </summary>
public sealed class JobSchedule
{
    public required string Name { get; set; }
    public DateTime NextRunAt { get; set; }
    /// <summary>The pass's claim holds until then; a node that died mid-pass loses it when it runs out. Also the claim's token.</summary>
    public DateTime? LockedUntil { get; set; }
    /// <summary>The node running the pass now (machine/process), for operators.</summary>
    public string? LockedBy { get; set; }
    public DateTime? LastStartedAt { get; set; }
    public DateTime? LastFinishedAt { get; set; }
    /// <summary>False when the last pass threw; the node's log has the exception.</summary>
    public bool? LastSucceeded { get; set; }
    public string? LastRunBy { get; set; }
}

internal sealed class JobScheduleConfiguration : IEntityTypeConfiguration<JobSchedule>
{
    public void Configure(EntityTypeBuilder<JobSchedule> entity)
    {
        entity.ToTable("JobSchedules");
        entity.HasKey(j => j.Name);
        entity.Property(j => j.Name).HasMaxLength(100);
        entity.Property(j => j.LockedBy).HasMaxLength(200);
        entity.Property(j => j.LastRunBy).HasMaxLength(200);
    }
}
