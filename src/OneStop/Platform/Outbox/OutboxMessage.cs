using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Platform.Database;

namespace OneStop.Platform.Outbox;

/// <summary>
/// Something that must happen because a change committed (tell case processing, send an acknowledgement).
/// Written in the same transaction as the change, so the two never split; handled at least once
/// afterwards, so handlers are idempotent. Payloads carry identifiers only, never personal data.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public required string Topic { get; set; }
    public required string Payload { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Not before this time: now when written, later after a failure (backoff).</summary>
    public DateTime AvailableAt { get; set; }
    public DateTime? ProcessedAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    /// <summary>A node that claimed the message holds it until then; after that another may take it over.</summary>
    public DateTime? LockedUntil { get; set; }
    /// <summary>
    /// Set when the message failed <c>Outbox:MaxAttempts</c> times: it is left alone until an operator looks at
    /// <see cref="LastError"/>, fixes the cause and retries it at /office/jobs (see docs/platform/outbox.md).
    /// </summary>
    public DateTime? ParkedAt { get; set; }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> entity)
    {
        entity.ToTable("OutboxMessages");
        entity.Property(m => m.Topic).HasMaxLength(100);
        entity.Property(m => m.LastError).HasMaxLength(2000);
        entity.HasIndex(m => new { m.ProcessedAt, m.AvailableAt });
    }
}

/// <summary>Adds messages to the current unit of work; they commit with the change that caused them.</summary>
public sealed class Outbox(OneStopDb db, TimeProvider clock)
{
    public OutboxMessage Add<T>(string topic, T payload)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var message = new OutboxMessage
        {
            Topic = topic,
            Payload = System.Text.Json.JsonSerializer.Serialize(payload, System.Text.Json.JsonSerializerOptions.Web),
            CreatedAt = now,
            AvailableAt = now,
        };
        db.Add(message);
        return message;
    }
}
