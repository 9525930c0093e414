using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStop.Payments.Providers;
using OneStop.Platform.Database;
using OneStop.Platform.Jobs;

namespace OneStop.Payments.Reconciliation;

/// <summary>
/// The daily reconciliation (one node per pass): once a Hong Kong day is over, each provider's settlement for
/// it is compared with OneStop's payments. A day and provider already reconciled is left alone, so the job
/// does each once; days missed while no node ran (up to a week back) are caught up. A provider that fails is
/// logged and tried again on the next pass; the others go on.
/// </summary>
public sealed class ReconcilePayments(IServiceScopeFactory scopes, IOptions<PaymentsOptions> options, TimeProvider clock,
    ILogger<ReconcilePayments> logger) : IRecurringJob
{
    /// <summary>How many days back a pass looks for days not yet reconciled.</summary>
    public const int CatchUpDays = 7;

    public string Name => "payments-reconciliation";
    public bool Enabled => options.Value.BackgroundJobs;
    public TimeSpan Interval => options.Value.JobInterval;

    public async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        var yesterday = HongKongDay.Yesterday(clock);
        var first = yesterday.AddDays(1 - CatchUpDays);
        List<string> providers;
        HashSet<(DateOnly, string)> done;
        await using (var scope = scopes.CreateAsyncScope())
        {
            providers = scope.ServiceProvider.GetRequiredService<PaymentProviders>().All.Select(p => p.Name).ToList();
            var runs = await scope.ServiceProvider.GetRequiredService<OneStopDb>().Set<ReconciliationRun>().AsNoTracking()
                .Where(r => r.Day >= first && r.Day <= yesterday).Select(r => new { r.Day, r.Provider }).ToListAsync(cancellationToken);
            done = runs.Select(r => (r.Day, r.Provider)).ToHashSet();
        }
        for (var day = first; day <= yesterday; day = day.AddDays(1))
        {
            foreach (var name in providers.Where(n => !done.Contains((day, n))))
            {
                await using var scope = scopes.CreateAsyncScope();
                try
                {
                    var provider = scope.ServiceProvider.GetRequiredService<PaymentProviders>().Get(name);
                    await scope.ServiceProvider.GetRequiredService<ReconcileDay>().RunAsync(day, provider, null, cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Reconciliation of {Day} with {Provider} failed; the next pass tries again", day, name);
                }
            }
        }
        return false;
    }
}
