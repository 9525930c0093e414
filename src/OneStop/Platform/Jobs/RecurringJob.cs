using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OneStop.Platform.Jobs;

/// <summary>
/// Work done on a timer, one pass per <see cref="RunOnceAsync"/>. By default a pass runs on one node per
/// <see cref="Interval"/> (the node claims the job's <see cref="JobSchedule"/> row first). A pass must still
/// be safe beside the same pass on another node — a lease can run out mid-pass — so claim each row with a
/// conditional UPDATE (or, on PostgreSQL, <c>FOR UPDATE SKIP LOCKED</c>) before acting on it. Tests switch the
/// timer off (<see cref="Enabled"/>) and call <see cref="RunOnceAsync"/> themselves, with the fake clock.
/// </summary>
public interface IRecurringJob
{
    /// <summary>For logs and the schedule, e.g. <c>outbox</c>. Unique among jobs.</summary>
    string Name { get; }

    /// <summary>False keeps the loop off on this node (tests; a node that serves pages only).</summary>
    bool Enabled { get; }

    /// <summary>The pause between passes, counted on the injected clock.</summary>
    TimeSpan Interval { get; }

    /// <summary>
    /// True: every node runs its own passes, without the schedule (the outbox, whose row claims share the
    /// work between nodes). False (the default): one node per interval.
    /// </summary>
    bool EveryNode => false;

    /// <summary>One pass. Returns true when it stopped at its batch limit, so the next pass starts at once.</summary>
    Task<bool> RunOnceAsync(CancellationToken cancellationToken);
}

/// <summary>Runs one <see cref="IRecurringJob"/> in a loop for the life of the process.</summary>
internal sealed class RecurringJobHost<TJob>(TJob job, JobScheduler scheduler, TimeProvider clock, ILogger<RecurringJobHost<TJob>> logger) : BackgroundService
    where TJob : IRecurringJob
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!job.Enabled)
        {
            logger.LogInformation("Recurring job {Job} is switched off on this node", job.Name);
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = job.Interval;
            try
            {
                wait = job.EveryNode ? await RunHereAsync(stoppingToken) : await RunIfDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be down or not migrated yet; the next pass tries again.
                logger.LogError(e, "Recurring job {Job} failed; it runs again in {Interval}", job.Name, job.Interval);
            }
            if (wait <= TimeSpan.Zero) continue;
            try
            {
                await Task.Delay(wait, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<TimeSpan> RunHereAsync(CancellationToken stoppingToken)
    {
        try
        {
            return await job.RunOnceAsync(stoppingToken) ? TimeSpan.Zero : job.Interval;
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // Jobs keep personal data out of their exceptions (handlers' failures are caught and described inside the job).
            logger.LogError(e, "Recurring job {Job} failed; it runs again in {Interval}", job.Name, job.Interval);
            return job.Interval;
        }
    }

    /// <summary>Runs a pass if it is this node's turn; then waits until the job is due again, at most one interval (the schedule may change hands).</summary>
    private async Task<TimeSpan> RunIfDueAsync(CancellationToken stoppingToken)
    {
        var pass = await scheduler.RunIfDueAsync(job, stoppingToken);
        if (pass.Ran && pass.More) return TimeSpan.Zero;
        var untilDue = pass.NextRunAt - clock.GetUtcNow().UtcDateTime;
        // Due but not claimed: another node is running it now; look again after an interval.
        return untilDue <= TimeSpan.Zero ? job.Interval : TimeSpan.FromTicks(Math.Min(untilDue.Ticks, job.Interval.Ticks));
    }
}

public static class RecurringJobSetup
{
    /// <summary>
    /// Registers <typeparamref name="TJob"/> as a singleton (tests resolve it to run a pass), as an
    /// <see cref="IRecurringJob"/> (the jobs page lists them), and its loop.
    /// </summary>
    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services) where TJob : class, IRecurringJob
    {
        services.TryAddSingleton<JobScheduler>();
        services.AddSingleton<TJob>();
        services.AddSingleton<IRecurringJob>(sp => sp.GetRequiredService<TJob>());
        services.AddHostedService<RecurringJobHost<TJob>>();
        return services;
    }
}
