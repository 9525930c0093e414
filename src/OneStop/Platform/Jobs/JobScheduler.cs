using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStop.Platform.Database;

namespace OneStop.Platform.Jobs;

/// <summary>What came of asking for a pass: whether this node ran it, whether it stopped at its batch limit, and when the job is due next.</summary>
public sealed record ScheduledPass(bool Ran, bool More, DateTime NextRunAt);

/// <summary>
/// Runs a recurring job's pass on one node per interval. Before a pass the node claims the job's
/// <see cref="JobSchedule"/> row with a conditional UPDATE (due, and not held by a live claim); only one
/// node's UPDATE matches, on SQLite and PostgreSQL alike. After the pass it writes the next run time, while
/// the claim is still its own. Each instance is one node.
/// </summary>
public sealed class JobScheduler(IServiceScopeFactory scopes, IOptions<JobsOptions> options, TimeProvider clock, ILogger<JobScheduler> logger)
{
    private readonly ConcurrentDictionary<string, bool> _rows = new();

    /// <summary>This node, as shown to operators: machine, process, and a random part for two nodes in one process (tests).</summary>
    public string Node { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>Runs <paramref name="job"/>'s pass here if it is due and no other node holds it.</summary>
    public async Task<ScheduledPass> RunIfDueAsync(IRecurringJob job, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDb>();
        var now = Now();
        await AddRowAsync(db, job.Name, now, cancellationToken);
        var lease = options.Value.PassLease;
        // Whole milliseconds, as it is compared for equality after a round trip (see OutboxDispatcher).
        var token = Outbox.OutboxDispatcher.Milliseconds(now + lease);
        var claimed = await db.Set<JobSchedule>()
            .Where(j => j.Name == job.Name && j.NextRunAt <= now && (j.LockedUntil == null || j.LockedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LockedUntil, token).SetProperty(j => j.LockedBy, Node).SetProperty(j => j.LastStartedAt, now), cancellationToken);
        if (claimed == 0)
        {
            var next = await db.Set<JobSchedule>().Where(j => j.Name == job.Name).Select(j => j.NextRunAt).SingleAsync(cancellationToken);
            return new ScheduledPass(false, false, next);
        }

        var mine = db.Set<JobSchedule>().Where(j => j.Name == job.Name && j.LockedUntil == token);
        bool more = false, succeeded = true;
        using (var expiry = new CancellationTokenSource(lease, clock))
        using (var pass = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, expiry.Token))
        {
            try
            {
                more = await job.RunOnceAsync(pass.Token);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The node is stopping: give the pass back, so that another node need not wait out the lease.
                await mine.ExecuteUpdateAsync(s => s.SetProperty(j => j.LockedUntil, (DateTime?)null).SetProperty(j => j.LockedBy, (string?)null), CancellationToken.None);
                throw;
            }
            catch (Exception e)
            {
                // Jobs keep personal data out of their exceptions (handlers' failures are caught and described inside the job).
                succeeded = false;
                logger.LogError(e, "Recurring job {Job} failed; it runs again in {Interval}", job.Name, job.Interval);
            }
        }
        var finished = Now();
        var nextRun = more && succeeded ? finished : finished + job.Interval;
        var written = await mine.ExecuteUpdateAsync(s => s
            .SetProperty(j => j.NextRunAt, nextRun)
            .SetProperty(j => j.LockedUntil, (DateTime?)null)
            .SetProperty(j => j.LockedBy, (string?)null)
            .SetProperty(j => j.LastFinishedAt, finished)
            .SetProperty(j => j.LastSucceeded, succeeded)
            .SetProperty(j => j.LastRunBy, Node), CancellationToken.None);
        if (written == 0)
            logger.LogWarning("Recurring job {Job} outlived its lease of {Lease}; another node may have run it meanwhile", job.Name, lease);
        return new ScheduledPass(true, more, nextRun);
    }

    /// <summary>The job's row, due at once, unless a node added it already (a plain INSERT would fail on the second node).</summary>
    private async Task AddRowAsync(OneStopDb db, string name, DateTime now, CancellationToken cancellationToken)
    {
        if (_rows.ContainsKey(name)) return;
        await db.Database.ExecuteSqlAsync($"""INSERT INTO "JobSchedules" ("Name", "NextRunAt") VALUES ({name}, {now}) ON CONFLICT ("Name") DO NOTHING""", cancellationToken);
        _rows[name] = true;
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
