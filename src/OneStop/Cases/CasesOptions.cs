using System.ComponentModel.DataAnnotations;
using OneStop.Platform.Options;

namespace OneStop.Cases;

/// <summary>Section <c>Cases</c>: case processing's background work and the work queue.</summary>
public sealed class CasesOptions
{
    public const string Section = "Cases";

    /// <summary>False keeps this node's escalation loop off (tests run passes themselves).</summary>
    public bool BackgroundJobs { get; set; } = true;

    /// <summary>How often overdue cases are looked for and escalated to supervisors.</summary>
    [TimeRange("00:00:01", "1.00:00:00")] public TimeSpan EscalationInterval { get; set; } = TimeSpan.FromMinutes(15);

    [Range(1, 10_000)] public int EscalationBatchSize { get; set; } = 200;

    /// <summary>How long a node reuses a department's queue figures (open per state, overdue, unassigned, waiting); zero counts every time.</summary>
    [TimeRange("00:00:00", "00:10:00")] public TimeSpan CountsCacheDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Cases per page of the work queue.</summary>
    [Range(5, 200)] public int QueuePageSize { get; set; } = 25;
}
