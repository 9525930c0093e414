using OneStop.Platform.Localisation;

namespace OneStop.Cases.Applicants;

/// <summary>
/// A payment for an application, as its applicant sees it, worded in their language: the state in words, the
/// page to pay on (<see cref="PayPath"/>, while <see cref="Open"/>) and the receipt once <see cref="Paid"/>.
/// Paths are app-relative.
/// </summary>
public sealed record ApplicantPayment(Guid Id, string Reference, decimal Amount, string State, bool Open, bool Paid, string PagePath, string PayPath, string? ReceiptPath);

/// <summary>The payments of a person's applications (made by Payments, which case processing does not otherwise know about).</summary>
public interface IApplicantPayments
{
    /// <summary>For each of <paramref name="submissionIds"/> of <paramref name="userId"/> with payments: all of them, newest first.</summary>
    Task<IReadOnlyDictionary<Guid, IReadOnlyList<ApplicantPayment>>> ForAsync(Guid userId, IReadOnlyCollection<Guid> submissionIds, Language language, CancellationToken cancellationToken);
}
