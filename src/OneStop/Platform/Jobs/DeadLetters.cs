using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Audit;
using OneStop.Platform.Database;
using OneStop.Platform.Outbox;

namespace OneStop.Platform.Jobs;

/// <summary>How much outbox work is in each state, for the operators' page.</summary>
public sealed record OutboxCounts(int Due, int Running, int Waiting, int Parked, int DoneLastDay);

/// <summary>A parked message as operators see it: no payload, and an error that holds types and a stack only.</summary>
public sealed record ParkedMessage(long Id, string Topic, int Attempts, DateTime CreatedAt, DateTime ParkedAt, string? LastError);

/// <summary>
/// The dead-letter list: outbox messages parked after too many failures, and releasing them to run again.
/// Every release is audited, one entry per message, saved with the release.
/// </summary>
public sealed class DeadLetters(OneStopDb db, AuditLog audit, TimeProvider clock)
{
    /// <summary>At most this many messages are released by one "retry all", so that one click stays one short transaction.</summary>
    public const int RetryAllLimit = 500;

    public async Task<OutboxCounts> CountsAsync(CancellationToken cancellationToken)
    {
        var now = Now();
        var dayAgo = now.AddDays(-1);
        var open = db.Set<OutboxMessage>().Where(m => m.ProcessedAt == null && m.ParkedAt == null);
        var running = await open.CountAsync(m => m.LockedUntil != null && m.LockedUntil >= now, cancellationToken);
        var due = await open.CountAsync(m => m.AvailableAt <= now && (m.LockedUntil == null || m.LockedUntil < now), cancellationToken);
        var waiting = await open.CountAsync(m => m.AvailableAt > now && (m.LockedUntil == null || m.LockedUntil < now), cancellationToken);
        var parked = await db.Set<OutboxMessage>().CountAsync(m => m.ParkedAt != null, cancellationToken);
        var done = await db.Set<OutboxMessage>().CountAsync(m => m.ProcessedAt != null && m.ProcessedAt >= dayAgo, cancellationToken);
        return new OutboxCounts(due, running, waiting, parked, done);
    }

    /// <summary>The most recently parked first.</summary>
    public async Task<IReadOnlyList<ParkedMessage>> ParkedAsync(int take, CancellationToken cancellationToken) =>
        await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.ParkedAt != null)
            .OrderByDescending(m => m.ParkedAt).ThenByDescending(m => m.Id)
            .Select(m => new ParkedMessage(m.Id, m.Topic, m.Attempts, m.CreatedAt, m.ParkedAt!.Value, m.LastError))
            .Take(take)
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<JobSchedule>> SchedulesAsync(CancellationToken cancellationToken) =>
        await db.Set<JobSchedule>().AsNoTracking().OrderBy(j => j.Name).ToListAsync(cancellationToken);

    /// <summary>Releases one parked message: due now, its attempts counted afresh. False when it is not parked (any more).</summary>
    public async Task<bool> RetryAsync(long id, Guid? actorId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var released = await ReleaseAsync(id, actorId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return released;
    }

    /// <summary>Releases the parked messages, oldest first, up to <see cref="RetryAllLimit"/>; how many were released.</summary>
    public async Task<int> RetryAllAsync(Guid? actorId, CancellationToken cancellationToken)
    {
        var ids = await db.Set<OutboxMessage>().Where(m => m.ParkedAt != null).OrderBy(m => m.ParkedAt).ThenBy(m => m.Id)
            .Select(m => m.Id).Take(RetryAllLimit).ToListAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var released = 0;
        // One conditional UPDATE each: a message another operator released meanwhile is neither released nor audited twice.
        foreach (var id in ids)
            if (await ReleaseAsync(id, actorId, cancellationToken)) released++;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return released;
    }

    private async Task<bool> ReleaseAsync(long id, Guid? actorId, CancellationToken cancellationToken)
    {
        var now = Now();
        var topic = await db.Set<OutboxMessage>().Where(m => m.Id == id && m.ParkedAt != null).Select(m => m.Topic).FirstOrDefaultAsync(cancellationToken);
        if (topic is null) return false;
        var released = await db.Set<OutboxMessage>().Where(m => m.Id == id && m.ParkedAt != null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.ParkedAt, (DateTime?)null)
                .SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.AvailableAt, now)
                .SetProperty(m => m.LockedUntil, (DateTime?)null), cancellationToken);
        if (released == 0) return false;
        audit.Record(JobEvents.MessageRetried, actorId, null, "outbox-message", id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"topic={topic}");
        return true;
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
