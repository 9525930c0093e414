using System.ComponentModel.DataAnnotations;
using OneStop.Platform.Options;

namespace OneStop.Documents.Lifecycle;

/// <summary>Section <c>Documents:Reminders</c>: the expiry reminder job. See docs/documents/officers.md.</summary>
public sealed class RemindersOptions
{
    public const string Section = "Documents:Reminders";

    /// <summary>Run the job on this node (tests switch it off and run passes themselves).</summary>
    public bool BackgroundJobs { get; set; } = true;

    /// <summary>Time between passes. Reminders are by the day, so an hour is plenty.</summary>
    [TimeRange("00:00:05", "1.00:00:00")] public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Documents reminded per query; a full batch is followed by another pass at once.</summary>
    [Range(1, 10_000)] public int BatchSize { get; set; } = 200;
}
