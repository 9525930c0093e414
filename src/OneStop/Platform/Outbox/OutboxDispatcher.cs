using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStop.Platform.Database;
using OneStop.Platform.Jobs;

namespace OneStop.Platform.Outbox;

/// <summary>
/// Hands outbox messages to their handlers. Each pass claims due messages of the topics that have a handler
/// — on PostgreSQL a batch in one statement with <c>FOR UPDATE SKIP LOCKED</c>, run up to
/// <see cref="OutboxOptions.Parallelism"/> at a time; on SQLite (one node) one by one with a conditional
/// UPDATE — runs the handlers, and marks each message done, or schedules a retry with exponential backoff,
/// or parks it after <see cref="OutboxOptions.MaxAttempts"/>. Runs on every node: the claims share the work.
/// </summary>
public sealed class OutboxDispatcher(IServiceScopeFactory scopes, IOptions<OutboxOptions> options, TimeProvider clock,
    ILogger<OutboxDispatcher> logger) : IRecurringJob
{
    private IReadOnlyDictionary<string, int>? _handlersPerTopic;

    public string Name => "outbox";
    public bool Enabled => options.Value.Enabled;
    public TimeSpan Interval => options.Value.PollInterval;
    /// <summary>Every node polls: the claims, not a schedule, keep two nodes off the same message.</summary>
    public bool EveryNode => true;

    /// <summary>One pass. True when the batch was full, so there may be more due already.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var handlers = HandlersPerTopic(scope.ServiceProvider);
        if (handlers.Count == 0) return false;
        var db = scope.ServiceProvider.GetRequiredService<OneStopDb>();
        return db.Database.IsNpgsql()
            ? await RunBatchAsync(db, handlers, o, cancellationToken)
            : await RunOneByOneAsync(db, handlers, o, cancellationToken);
    }

    private async Task<bool> RunBatchAsync(OneStopDb db, IReadOnlyDictionary<string, int> handlers, OutboxOptions o, CancellationToken cancellationToken)
    {
        var now = Now();
        // The claim's expiry doubles as its token: the outcome is written only while it still matches, so
        // a node whose claim ran out (and was taken over) cannot overwrite the new owner's result.
        var lockedUntil = Milliseconds(now + o.LockDuration);
        var topics = handlers.Keys.ToArray();
        // Rows another node's claim has locked are skipped, not waited for; the outer UPDATE sees only rows
        // this statement locked. Attempts are counted when claimed, so a message that kills the process is parked too.
        var claimed = await db.Set<OutboxMessage>().FromSql($"""
            UPDATE "OutboxMessages" SET "LockedUntil" = {lockedUntil}, "Attempts" = "Attempts" + 1
            WHERE "Id" IN (
                SELECT "Id" FROM "OutboxMessages"
                WHERE "ProcessedAt" IS NULL AND "ParkedAt" IS NULL AND "AvailableAt" <= {now}
                  AND ("LockedUntil" IS NULL OR "LockedUntil" < {now}) AND "Topic" = ANY({topics})
                ORDER BY "AvailableAt", "Id"
                LIMIT {o.BatchSize}
                FOR UPDATE SKIP LOCKED)
            RETURNING *
            """).AsNoTracking().ToListAsync(cancellationToken);
        if (claimed.Count == 0) return false;

        var started = new HashSet<long>();
        try
        {
            await Parallel.ForEachAsync(claimed.OrderBy(m => m.AvailableAt).ThenBy(m => m.Id),
                new ParallelOptions { MaxDegreeOfParallelism = o.Parallelism, CancellationToken = cancellationToken },
                async (message, token) =>
                {
                    lock (started) started.Add(message.Id);
                    await RunAsync(message, lockedUntil, handlers, o, token);
                });
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The node is stopping: hand back what it claimed but never started, uncounted, so that another
            // node need not wait for the claim to run out.
            var unstarted = claimed.Select(m => m.Id).Where(id => !started.Contains(id)).ToList();
            if (unstarted.Count > 0)
                await db.Set<OutboxMessage>().Where(m => unstarted.Contains(m.Id) && m.LockedUntil == lockedUntil)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, (DateTime?)null).SetProperty(m => m.Attempts, m => m.Attempts - 1), CancellationToken.None);
            throw;
        }
        return claimed.Count == o.BatchSize;
    }

    private async Task<bool> RunOneByOneAsync(OneStopDb db, IReadOnlyDictionary<string, int> handlers, OutboxOptions o, CancellationToken cancellationToken)
    {
        var now = Now();
        var topics = handlers.Keys.ToArray();
        var due = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.ProcessedAt == null && m.ParkedAt == null && m.AvailableAt <= now
                && (m.LockedUntil == null || m.LockedUntil < now) && topics.Contains(m.Topic))
            .OrderBy(m => m.AvailableAt).ThenBy(m => m.Id)
            .Select(m => m.Id)
            .Take(o.BatchSize)
            .ToListAsync(cancellationToken);
        foreach (var id in due)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Claimed just before it runs, so that the claim's time is the handler's.
            now = Now();
            var lockedUntil = Milliseconds(now + o.LockDuration);
            var claimed = await db.Set<OutboxMessage>()
                .Where(m => m.Id == id && m.ProcessedAt == null && m.ParkedAt == null && m.AvailableAt <= now
                    && (m.LockedUntil == null || m.LockedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, lockedUntil).SetProperty(m => m.Attempts, m => m.Attempts + 1), cancellationToken);
            if (claimed == 0) continue;
            var message = await db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken);
            await RunAsync(message, lockedUntil, handlers, o, cancellationToken);
        }
        return due.Count == o.BatchSize;
    }

    /// <summary>Runs a claimed message's handlers and writes the outcome, while the claim <paramref name="lockedUntil"/> is still its own.</summary>
    private async Task RunAsync(OutboxMessage message, DateTime lockedUntil, IReadOnlyDictionary<string, int> handlers, OutboxOptions o, CancellationToken cancellationToken)
    {
        // On the same clock as the claim's expiry, which is what another node judges it by. A message that
        // waited in its batch until its claim ran out is left for the next pass.
        var left = lockedUntil - Now();
        if (left <= TimeSpan.Zero) return;
        var failures = new List<string>();
        using (var expiry = new CancellationTokenSource(left, clock))
        using (var claim = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, expiry.Token))
        {
            for (var i = 0; i < handlers.GetValueOrDefault(message.Topic); i++)
            {
                await using var scope = scopes.CreateAsyncScope();
                var handler = scope.ServiceProvider.GetServices<IOutboxHandler>().Where(h => h.Topic == message.Topic).ElementAt(i);
                try
                {
                    await handler.HandleAsync(message, claim.Token);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    // The node is stopping: the claim runs out and another pass takes the message again.
                    throw;
                }
                catch (Exception e)
                {
                    failures.Add(Describe(handler, e));
                    logger.LogWarning("Outbox message {MessageId} ({Topic}) failed in {Handler} with {Exception} (attempt {Attempt} of {MaxAttempts})",
                        message.Id, message.Topic, handler.GetType().Name, e.GetType().Name, message.Attempts, o.MaxAttempts);
                }
            }
        }

        await using var outcome = scopes.CreateAsyncScope();
        var mine = outcome.ServiceProvider.GetRequiredService<OneStopDb>().Set<OutboxMessage>().Where(m => m.Id == message.Id && m.LockedUntil == lockedUntil);
        var finished = Now();
        int written;
        if (failures.Count == 0)
        {
            written = await mine.ExecuteUpdateAsync(s => s
                .SetProperty(m => m.ProcessedAt, finished)
                .SetProperty(m => m.LockedUntil, (DateTime?)null)
                .SetProperty(m => m.LastError, (string?)null), CancellationToken.None);
        }
        else
        {
            var error = Truncate(string.Join("\n---\n", failures), 2000);
            if (message.Attempts >= o.MaxAttempts)
            {
                written = await mine.ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.ParkedAt, finished)
                    .SetProperty(m => m.LockedUntil, (DateTime?)null)
                    .SetProperty(m => m.LastError, error), CancellationToken.None);
                logger.LogWarning("Outbox message {MessageId} ({Topic}) parked after {Attempts} attempts; see /office/jobs", message.Id, message.Topic, message.Attempts);
            }
            else
            {
                var retryAt = finished + Backoff(message.Attempts, o);
                written = await mine.ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.AvailableAt, retryAt)
                    .SetProperty(m => m.LockedUntil, (DateTime?)null)
                    .SetProperty(m => m.LastError, error), CancellationToken.None);
            }
        }
        if (written == 0)
            logger.LogWarning("Outbox message {MessageId} ({Topic}) outlived its claim; another pass has taken it over", message.Id, message.Topic);
    }

    /// <summary>The wait after the <paramref name="attempts"/>th failure: the first delay, doubled each time, capped.</summary>
    public static TimeSpan Backoff(int attempts, OutboxOptions o)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 40));
        var ticks = Math.Min(o.FirstRetryDelay.Ticks * factor, o.MaxRetryDelay.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>Handler, exception types and stack: enough to find the fault; never the exception's message, which may quote personal data.</summary>
    private static string Describe(IOutboxHandler handler, Exception e)
    {
        var text = new StringBuilder(handler.GetType().FullName).Append(": ");
        for (var x = e; x is not null; x = x.InnerException)
            text.Append(x.GetType().FullName).Append(x.InnerException is null ? "" : " <- ");
        return text.Append('\n').Append(e.StackTrace).ToString();
    }

    private static string Truncate(string s, int length) => s.Length <= length ? s : s[..length];

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Whole milliseconds: PostgreSQL keeps microseconds and SQLite all seven digits, and the claim's expiry
    /// is compared for equality after a round trip, so it must survive both unchanged.
    /// </summary>
    internal static DateTime Milliseconds(DateTime t) => new(t.Ticks - t.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);

    // The registered handlers do not change while the process runs; resolved once to learn their topics.
    private IReadOnlyDictionary<string, int> HandlersPerTopic(IServiceProvider services) =>
        _handlersPerTopic ??= services.GetServices<IOutboxHandler>().GroupBy(h => h.Topic).ToDictionary(g => g.Key, g => g.Count());
}
