using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStop.Platform.Database;
using OneStop.Platform.Jobs;

namespace OneStop.Payments.Engine;

/// <summary>
/// Closes payments whose time ran out: the provider's checkout is expired first (a payment made at the last
/// moment is kept), then the payment. The application stays held; its page says how to pay again.
/// </summary>
public sealed class ExpirePayments(IServiceScopeFactory scopes, IOptions<PaymentsOptions> options, TimeProvider clock) : IRecurringJob
{
    private const int Batch = 200;

    public string Name => "payments-expiry";
    public bool Enabled => options.Value.BackgroundJobs;
    public TimeSpan Interval => options.Value.JobInterval;

    public async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            due = await scope.ServiceProvider.GetRequiredService<OneStopDb>().Set<Payment>().AsNoTracking()
                .Where(p => (p.State == PaymentState.Created || p.State == PaymentState.Pending) && p.ExpiresAt <= now)
                .OrderBy(p => p.ExpiresAt).Select(p => p.Id).Take(Batch).ToListAsync(cancellationToken);
        }
        foreach (var id in due)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OneStopDb>();
            if (await db.Set<Payment>().SingleOrDefaultAsync(p => p.Id == id, cancellationToken) is not { } payment || !PaymentMoves.IsOpen(payment.State)) continue;
            await scope.ServiceProvider.GetRequiredService<PaymentActions>().ExpireAsync(payment, cancellationToken);
        }
        return due.Count == Batch;
    }
}
