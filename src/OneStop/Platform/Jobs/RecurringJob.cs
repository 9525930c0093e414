namespace OneStop.Platform.Jobs;

/// <summary>
/// Work a node does on a timer, one pass per <see cref="RunOnceAsync"/>. Every node runs every job, so a
/// pass must be safe beside the same pass on another node: claim each row with a conditional UPDATE
/// (or, on PostgreSQL, <c>FOR UPDATE SKIP LOCKED</c>) before acting on it. Tests switch the timer off
/// (<see cref="Enabled"/>) and call <see cref="RunOnceAsync"/> themselves, with the fake clock.
/// </summary>
public interface IRecurringJob
{
    /// <summary>For logs, e.g. <c>outbox</c>.</summary>
    string Name { get; }

    /// <summary>False keeps the loop off on this node (tests; a node that serves pages only).</summary>
    bool Enabled { get; }

    /// <summary>The pause between passes, counted on the injected clock.</summary>
    TimeSpan Interval { get; }

    /// <summary>One pass. Returns true when it stopped at its batch limit, so the next pass starts at once.</summary>
    Task<bool> RunOnceAsync(CancellationToken cancellationToken);
}

/// <summary>Runs one <see cref="IRecurringJob"/> in a loop for the life of the process.</summary>
internal sealed class RecurringJobHost<TJob>(TJob job, TimeProvider clock, ILogger<RecurringJobHost<TJob>> logger) : BackgroundService
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
            var more = false;
            try
            {
                more = await job.RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be down or not migrated yet; the next pass tries again. Jobs keep personal
                // data out of their exceptions (handlers' failures are caught and described inside the job).
                logger.LogError(e, "Recurring job {Job} failed; it runs again in {Interval}", job.Name, job.Interval);
            }
            if (more) continue;
            try
            {
                await Task.Delay(job.Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

public static class RecurringJobSetup
{
    /// <summary>Registers <typeparamref name="TJob"/> as a singleton (tests resolve it to run a pass) and its loop.</summary>
    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services) where TJob : class, IRecurringJob
    {
        services.AddSingleton<TJob>();
        services.AddHostedService<RecurringJobHost<TJob>>();
        return services;
    }
}
