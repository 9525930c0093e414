using System.ComponentModel.DataAnnotations;
using OneStop.Platform.Options;

namespace OneStop.Forms.Background;

/// <summary>Section <c>Forms:Drafts</c> (the keys of the reminder and expiry sweep): when to remind, how often to look.</summary>
public sealed class DraftSweepOptions
{
    public const string Section = "Forms:Drafts";

    /// <summary>False stops this node's loop (tests run passes themselves with <see cref="DraftSweep.RunOnceAsync"/>).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>A draft due to expire within this is sent one reminder.</summary>
    [TimeRange("01:00:00", "30.00:00:00")] public TimeSpan ReminderBefore { get; set; } = TimeSpan.FromDays(3);

    [TimeRange("00:00:01", "1.00:00:00")] public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Reminders and deletions per pass, each; a full pass is followed by another at once.</summary>
    [Range(1, 10_000)] public int BatchSize { get; set; } = 200;
}
