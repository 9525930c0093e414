using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OneStop.Platform.Database;
using OneStop.Platform.Jobs;

namespace OneStop.Platform.Outbox;

/// <summary>
/// Hands outbox messages to their handlers. Each pass picks due messages of the topics that have a
/// handler, claims each with a conditional UPDATE of <see cref="OutboxMessage.LockedUntil"/> (only one
/// node's UPDATE matches, on SQLite and PostgreSQL alike), runs the handlers, and marks the message done,
/// or schedules a retry with exponential backoff, or parks it after <see cref="OutboxOptions.MaxAttempts"/>.
/// One message at a time per node: enough for acknowledgements; issue 5's job runner claims batches with
/// <c>FOR UPDATE SKIP LOCKED</c> on PostgreSQL and runs them in parallel.
/// </summary>
public sealed class OutboxDispatcher(IServiceScopeFactory scopes, IOptions<OutboxOptions> options, TimeProvider clock,
    ILogger<OutboxDispatcher> logger) : IRecurringJob
{
    private IReadOnlyDictionary<string, int>? _handlersPerTopic;

    public string Name => "outbox";
    public bool Enabled => options.Value.Enabled;
    public TimeSpan Interval => options.Value.PollInterval;

    /// <summary>One pass. True when the batch was full, so there may be more due already.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var handlers = HandlersPerTopic(scope.ServiceProvider);
        if (handlers.Count == 0) return false;
        var topics = handlers.Keys.ToArray();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDb>();
        var now = Now();
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
            await DispatchAsync(db, id, handlers, o, cancellationToken);
        }
        return due.Count == o.BatchSize;
    }

    private async Task DispatchAsync(OneStopDb db, long id, IReadOnlyDictionary<string, int> handlers, OutboxOptions o, CancellationToken cancellationToken)
    {
        var now = Now();
        // The claim's expiry doubles as its token: the outcome is written only while it still matches, so
        // a node whose claim ran out (and was taken over) cannot overwrite the new owner's result.
        var lockedUntil = Milliseconds(now + o.LockDuration);
        var claimed = await db.Set<OutboxMessage>()
            .Where(m => m.Id == id && m.ProcessedAt == null && m.ParkedAt == null && m.AvailableAt <= now
                && (m.LockedUntil == null || m.LockedUntil < now))
            // Counted when claimed, not when failed, so that a message which kills the process is parked too.
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, lockedUntil).SetProperty(m => m.Attempts, m => m.Attempts + 1), cancellationToken);
        if (claimed == 0) return;

        var message = await db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken);
        var failures = new List<string>();
        // On the same clock as the claim's expiry, which is what another node judges it by.
        using (var expiry = new CancellationTokenSource(o.LockDuration, clock))
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

        var mine = db.Set<OutboxMessage>().Where(m => m.Id == id && m.LockedUntil == lockedUntil);
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
                logger.LogWarning("Outbox message {MessageId} ({Topic}) parked after {Attempts} attempts; see its LastError", message.Id, message.Topic, message.Attempts);
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
    private static DateTime Milliseconds(DateTime t) => new(t.Ticks - t.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);

    // The registered handlers do not change while the process runs; resolved once to learn their topics.
    private IReadOnlyDictionary<string, int> HandlersPerTopic(IServiceProvider services) =>
        _handlersPerTopic ??= services.GetServices<IOutboxHandler>().GroupBy(h => h.Topic).ToDictionary(g => g.Key, g => g.Count());
}

public static class OutboxSetup
{
    /// <summary>The outbox writer, the dispatcher and its loop (section <c>Outbox</c>).</summary>
    public static IServiceCollection AddOutbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddScoped<Outbox>();
        services.AddRecurringJob<OutboxDispatcher>();
        return services;
    }

    /// <summary>Adds a handler (scoped: it may use the DbContext). Several may share a topic; see <see cref="IOutboxHandler"/>.</summary>
    public static IServiceCollection AddOutboxHandler<THandler>(this IServiceCollection services) where THandler : class, IOutboxHandler
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IOutboxHandler, THandler>());
        return services;
    }
}
