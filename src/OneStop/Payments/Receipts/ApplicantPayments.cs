using Microsoft.EntityFrameworkCore;
using OneStop.Cases.Applicants;
using OneStop.Payments.Engine;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;

namespace OneStop.Payments.Receipts;

/// <summary>
/// The payments of a person's applications for "My applications" and the application's page: one read for
/// the whole list. Only payments the person made themselves (their account is the payer) are shown.
/// </summary>
public sealed class ApplicantPayments(OneStopDb db, Text text) : IApplicantPayments
{
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<ApplicantPayment>>> ForAsync(Guid userId, IReadOnlyCollection<Guid> submissionIds,
        Language language, CancellationToken cancellationToken)
    {
        var ids = submissionIds.Select(id => (Guid?)id).ToList();
        if (ids.Count == 0) return new Dictionary<Guid, IReadOnlyList<ApplicantPayment>>();
        var payments = await db.Set<Payment>().AsNoTracking()
            .Where(p => ids.Contains(p.SubmissionId) && p.PayerId == userId)
            .Select(p => new { p.Id, p.SubmissionId, p.Reference, p.Purpose, p.Amount, p.State, p.Attempt, p.CreatedAt })
            .ToListAsync(cancellationToken);
        return payments
            .GroupBy(p => p.SubmissionId!.Value)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ApplicantPayment>)g
                .OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Attempt)
                .Select(p => new ApplicantPayment(p.Id, p.Reference, p.Amount,
                    text.Get(language, "payments.receipts.state." + p.State.ToString().ToLowerInvariant()),
                    PaymentMoves.IsOpen(p.State), PaymentMoves.IsPaid(p.State),
                    PaymentPaths.Page(p.Id, null),
                    // An application's fee goes through its newest attempt; an approval's payment has its own page.
                    p.Purpose == PaymentPurpose.Application ? PaymentPaths.ForSubmission(g.Key) : PaymentPaths.Page(p.Id, null),
                    PaymentMoves.IsPaid(p.State) ? ReceiptPath(p.Id) : null))
                .ToList());
    }

    public static string ReceiptPath(Guid paymentId) => $"/payments/{paymentId}/receipt.pdf";
}
