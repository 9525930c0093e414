using System.ComponentModel.DataAnnotations;
using OneStop.Platform.Options;

namespace OneStop.Platform.Outbox;

/// <summary>Section <c>Outbox</c>: how often each node looks for messages and how failures are retried.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>False stops this node's loop (tests run passes themselves with <see cref="OutboxDispatcher.RunOnceAsync"/>).</summary>
    public bool Enabled { get; set; } = true;

    [TimeRange("00:00:00.100", "01:00:00")] public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Messages claimed per pass; a full pass is followed by another at once.</summary>
    [Range(1, 1000)] public int BatchSize { get; set; } = 50;

    /// <summary>
    /// Claimed messages a node runs at the same time, on PostgreSQL. SQLite runs them one at a time: it has
    /// one writer, and a single node.
    /// </summary>
    [Range(1, 64)] public int Parallelism { get; set; } = 4;

    /// <summary>Attempts before a message is parked (see <see cref="OutboxMessage.ParkedAt"/>).</summary>
    [Range(1, 100)] public int MaxAttempts { get; set; } = 10;

    /// <summary>The wait after the first failure; it doubles with each further failure up to <see cref="MaxRetryDelay"/>.</summary>
    [TimeRange("00:00:01", "1.00:00:00")] public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    [TimeRange("00:00:01", "7.00:00:00")] public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(6);

    /// <summary>
    /// How long a claim holds. Longer than any handler should take: the handler is cancelled when it
    /// runs out, and another node may then take the message over.
    /// </summary>
    [TimeRange("00:00:10", "1.00:00:00")] public TimeSpan LockDuration { get; set; } = TimeSpan.FromMinutes(5);
}
