using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OneStop.Cases;
using OneStop.Identity.Staff;
using OneStop.Payments;
using OneStop.Payments.Engine;
using OneStop.Payments.Fees;
using OneStop.Payments.Refunds;
using OneStop.Platform.Audit;
using OneStop.Platform.Database;

namespace OneStop.Office.Payments;

/// <summary>A refund as officers see it: the reason decrypted, or the strings key of an automatic one.</summary>
public sealed record RefundRow(Refund Refund, string? Reason, string? ReasonKey);

/// <summary>Everything the payment page shows.</summary>
public sealed record PaymentDetails(Payment Payment, IReadOnlyList<FeeLine> Lines, string? CaseReference, IReadOnlyList<PaymentCallback> Callbacks,
    IReadOnlyList<RefundRow> Refunds, IReadOnlyList<AuditEntry> Audit, IReadOnlyDictionary<Guid, string> People)
{
    public decimal Refundable => PaymentMoves.Refundable(Payment);

    public string Person(Guid? id) => id is { } i && People.TryGetValue(i, out var email) ? email : "";
}

/// <summary>Loads one payment of the officer's department by reference (<c>PAY-2026-000123</c> or <c>PAY-2026-000123/2</c>); another department's is not found.</summary>
public sealed class PaymentReader(OneStopDb db, PaymentText text)
{
    public static string Reference(string reference, int? attempt) => attempt is { } a ? $"{reference}/{a}" : reference;

    public Task<Payment?> FindAsync(ClaimsPrincipal officer, string reference, CancellationToken cancellationToken)
    {
        var wanted = reference.Trim().ToUpperInvariant();
        return db.Set<Payment>().AsNoTracking().InDepartmentOf(officer, p => p.DepartmentCode).SingleOrDefaultAsync(p => p.Reference == wanted, cancellationToken);
    }

    public async Task<PaymentDetails?> LoadAsync(ClaimsPrincipal officer, string reference, CancellationToken cancellationToken)
    {
        if (await FindAsync(officer, reference, cancellationToken) is not { } payment) return null;
        var caseReference = payment.CaseId is { } caseId
            ? await db.Set<Case>().AsNoTracking().Where(c => c.Id == caseId).Select(c => c.Reference).FirstOrDefaultAsync(cancellationToken)
            : payment.SubmissionId is { } submissionId
                ? await db.Set<Case>().AsNoTracking().Where(c => c.SubmissionId == submissionId).Select(c => c.Reference).FirstOrDefaultAsync(cancellationToken)
                : null;
        var callbacks = await db.Set<PaymentCallback>().AsNoTracking().Where(c => c.PaymentId == payment.Id).OrderBy(c => c.ReceivedAt).ToListAsync(cancellationToken);
        var refunds = await db.Set<Refund>().AsNoTracking().Where(r => r.PaymentId == payment.Id).OrderBy(r => r.RequestedAt).ToListAsync(cancellationToken);
        // Audit times are offsets, which SQLite cannot order: the entries' ids are in the order they were written.
        var audit = await db.AuditEntries.AsNoTracking().Where(e => e.TargetType == "payment" && e.TargetId == payment.Reference).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        var ids = refunds.Select(r => r.RequestedBy).Concat(audit.Select(e => e.ActorId)).OfType<Guid>().Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.Email }).ToDictionaryAsync(u => u.Id, u => u.Email ?? "", cancellationToken);
        var rows = refunds.Select(r =>
        {
            var reason = text.UnprotectOrNull(r.Reason);
            return AutomaticReasons.Key(reason ?? "") is { } key ? new RefundRow(r, null, key) : new RefundRow(r, reason, null);
        }).ToList();
        return new PaymentDetails(payment, FeeSchedules.ReadLines(payment.Lines), caseReference, callbacks, rows, audit, people);
    }
}
