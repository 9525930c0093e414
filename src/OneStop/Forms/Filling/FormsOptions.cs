using OneStop.Platform.Options;

namespace OneStop.Forms.Filling;

/// <summary>Section <c>Forms</c>: how people fill in forms. See docs/configuration.md.</summary>
public sealed class FormsOptions
{
    public const string Section = "Forms";

    /// <summary>How long an unsent draft is kept after it was last saved (each save starts the time again).</summary>
    [TimeRange("1.00:00:00", "365.00:00:00")] public TimeSpan DraftLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// How long each node keeps what the submissions API knows of a form (published version, retired, the services
    /// it starts) before asking the database again; a change on another node is seen within this time. Zero turns it off.
    /// </summary>
    [TimeRange("00:00:00", "00:05:00")] public TimeSpan PublishedFormCache { get; set; } = TimeSpan.FromSeconds(5);
}
