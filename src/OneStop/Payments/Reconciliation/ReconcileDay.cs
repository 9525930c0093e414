using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OneStop.Identity.Staff;
using OneStop.Notifications;
using OneStop.Notifications.Templates;
using OneStop.Payments.Providers;
using OneStop.Platform.Audit;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;

namespace OneStop.Payments.Reconciliation;

/// <summary>
/// Reconciles one Hong Kong day with one provider: asks for its settlement file, compares it with the payments
/// and refunds that succeeded in OneStop that day (<see cref="Matcher"/>), and stores the run and its items in
/// place of any earlier run of that day. Each department with mismatches has its supervisors and administrators
/// told once per run.
/// </summary>
public sealed class ReconcileDay(OneStopDb db, AuditLog audit, Notifier notifier, TimeProvider clock)
{
    public const string Event = "payment.reconciled";

    public async Task<ReconciliationRun> RunAsync(DateOnly day, IPaymentProvider provider, Guid? actorId, CancellationToken cancellationToken)
    {
        var (start, end) = HongKongDay.InUtc(day);
        var name = provider.Name;
        var payments = await db.Set<Payment>().AsNoTracking()
            .Where(p => p.Provider == name && p.SucceededAt >= start && p.SucceededAt < end)
            .Select(p => new OurMove(p.Id, p.Reference, p.DepartmentCode, null, p.ProviderReference, p.Amount, p.Currency))
            .ToListAsync(cancellationToken);
        var refunds = await (from r in db.Set<Refund>().AsNoTracking()
                             join p in db.Set<Payment>().AsNoTracking() on r.PaymentId equals p.Id
                             where p.Provider == name && r.State == RefundState.Succeeded && r.CompletedAt >= start && r.CompletedAt < end
                             select new OurMove(p.Id, p.Reference, p.DepartmentCode, r.Id, r.ProviderReference, r.Amount, p.Currency))
            .ToListAsync(cancellationToken);
        var ours = payments.Concat(refunds).ToList();
        var lines = await provider.SettlementAsync(day, cancellationToken);

        // The department of provider lines that match nothing of the day: the payment they name, if OneStop has it.
        var ids = lines.Where(l => l.PaymentId is not null).Select(l => l.PaymentId!.Value).Distinct().ToList();
        var references = lines.Where(l => l.Kind == "payment").Select(l => l.ProviderReference).Distinct().ToList();
        var known = await db.Set<Payment>().AsNoTracking()
            .Where(p => p.Provider == name && (ids.Contains(p.Id) || references.Contains(p.ProviderReference!)))
            .Select(p => new KnownPayment(p.Id, p.Reference, p.DepartmentCode, p.ProviderReference))
            .ToListAsync(cancellationToken);
        var results = Matcher.Run(ours, lines, known);

        var now = clock.GetUtcNow().UtcDateTime;
        var run = new ReconciliationRun
        {
            Id = Guid.CreateVersion7(new DateTimeOffset(now, TimeSpan.Zero)), Day = day, Provider = name, RanAt = now, RanBy = actorId,
            Matched = results.Count(r => r.Kind == MatchKind.Matched), Mismatched = results.Count(r => r.Kind != MatchKind.Matched),
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Set<ReconciliationItem>().Where(i => i.Day == day && i.Provider == name).ExecuteDeleteAsync(cancellationToken);
        await db.Set<ReconciliationRun>().Where(r => r.Day == day && r.Provider == name).ExecuteDeleteAsync(cancellationToken);
        db.Add(run);
        db.AddRange(results.Select(r => new ReconciliationItem
        {
            Id = Guid.NewGuid(), RunId = run.Id, Day = day, Provider = name, Kind = r.Kind, LineKind = r.LineKind, PaymentId = r.PaymentId,
            PaymentReference = r.PaymentReference, RefundId = r.RefundId, DepartmentCode = r.DepartmentCode, ProviderReference = r.ProviderReference,
            OneStopAmount = r.OneStopAmount, ProviderAmount = r.ProviderAmount, Currency = r.Currency,
        }));
        audit.Record(Event, actorId, null, "reconciliation", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "/" + name, $"matched={run.Matched};mismatched={run.Mismatched}");
        await FlagAsync(run, results, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return run;
    }

    /// <summary>Each department with mismatches: its supervisors and administrators, once per run (the key names the run).</summary>
    private async Task FlagAsync(ReconciliationRun run, IReadOnlyList<MatchResult> results, CancellationToken cancellationToken)
    {
        var day = run.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var department in results.Where(r => r.Kind != MatchKind.Matched && r.DepartmentCode is not null).GroupBy(r => r.DepartmentCode!))
        {
            var code = department.Key;
            var people = await db.Set<StaffMember>().AsNoTracking()
                .Where(s => s.DepartmentCode == code && (s.Role == StaffRole.Supervisor || s.Role == StaffRole.DepartmentAdmin))
                .Select(s => s.UserId).ToListAsync(cancellationToken);
            var values = new Dictionary<string, string>
            {
                ["day"] = day,
                ["count"] = department.Count().ToString(CultureInfo.InvariantCulture),
                ["link"] = ReconciliationPaths.Report(run.Day),
            };
            foreach (var person in people)
                await notifier.EnqueueAsync(new NotificationRequest(NotificationEvents.PaymentsMismatched, code, person, null, "en", null,
                    $"reconciliation:{run.Id}:{code}:{person}", values), cancellationToken);
        }
    }
}

/// <summary>A Hong Kong day as a UTC range, and the day before the current one.</summary>
public static class HongKongDay
{
    public static (DateTime From, DateTime To) InUtc(DateOnly day)
    {
        var start = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), HongKongTime.Zone);
        return (start, start.AddDays(1));
    }

    public static DateOnly Yesterday(TimeProvider clock) => HongKongTime.Today(clock).AddDays(-1);

    public static bool TryParse(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
}

public static class ReconciliationPaths
{
    public const string ReportPath = "/office/payments/reconciliation";

    public static string Report(DateOnly day) => ReportPath + "?day=" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
