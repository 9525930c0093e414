using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStop.Cases.Engine;
using OneStop.Platform.Audit;
using OneStop.Platform.Database;
using OneStop.Platform.Jobs;

namespace OneStop.Cases.Pledges;

/// <summary>
/// Flags open cases that have passed a target (their state's or the whole case's) and escalates each to
/// the department's supervisors, once per missed target. Each case is claimed by a conditional update of
/// <see cref="Case.EscalatedAt"/>, so two nodes running the same pass escalate it once.
/// </summary>
public sealed class EscalateOverdueCases(IServiceScopeFactory scopes, IOptions<CasesOptions> options, TimeProvider clock) : IRecurringJob
{
    public string Name => "cases-escalation";
    public bool Enabled => options.Value.BackgroundJobs;
    public TimeSpan Interval => options.Value.EscalationInterval;

    public async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        var batch = options.Value.EscalationBatchSize;
        var overdue = await db.Set<Case>().AsNoTracking()
            .Where(c => c.EscalatedAt == null && c.DueAt != null && c.DueAt < now)
            .OrderBy(c => c.DueAt)
            .Select(c => new { c.Id, c.DueAt })
            .Take(batch)
            .ToListAsync(cancellationToken);
        foreach (var candidate in overdue)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await using var caseScope = scopes.CreateAsyncScope();
            await EscalateAsync(caseScope.ServiceProvider, candidate.Id, candidate.DueAt!.Value, now, cancellationToken);
        }
        return overdue.Count == batch;
    }

    private static async Task EscalateAsync(IServiceProvider services, Guid caseId, DateTime dueAt, DateTime now, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<OneStopDb>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The claim: only one pass's update matches, and only while the case still has the target that was missed.
        var claimed = await db.Set<Case>()
            .Where(c => c.Id == caseId && c.EscalatedAt == null && c.DueAt == dueAt)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.EscalatedAt, now).SetProperty(c => c.BreachedAt, c => c.BreachedAt ?? now), cancellationToken);
        if (claimed == 0) return;
        var c = await db.Set<Case>().AsNoTracking().SingleAsync(x => x.Id == caseId, cancellationToken);
        var escalated = new CaseEvent
        {
            Id = Guid.CreateVersion7(new DateTimeOffset(now, TimeSpan.Zero)),
            CaseId = caseId, At = now, Kind = CaseEventKind.Escalated, Internal = true, FromState = c.State, ToState = c.State,
        };
        db.Add(escalated);
        services.GetRequiredService<AuditLog>().Record(CaseAuditEvents.Escalated, null, c.ApplicantId, "case", c.Reference, $"state={c.State}", c.DepartmentCode);
        await services.GetRequiredService<CaseNotices>().TellSupervisorsAsync(c, escalated, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
