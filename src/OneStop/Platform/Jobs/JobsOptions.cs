using OneStop.Platform.Options;

namespace OneStop.Platform.Jobs;

/// <summary>Section <c>Jobs</c>: how recurring jobs share one schedule across nodes.</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>
    /// How long a node holds a recurring job's pass. Longer than any pass should take: the pass is cancelled
    /// when it runs out, and another node may then run the job (a node that died mid-pass is taken over then).
    /// </summary>
    [TimeRange("00:00:10", "1.00:00:00")] public TimeSpan PassLease { get; set; } = TimeSpan.FromMinutes(10);
}
