using OneStop.Platform.Localisation;

namespace OneStop.Cases.Applicants;

/// <summary>A document issued for an application, as its applicant sees it: its title in their language, number, and its page in the wallet.</summary>
public sealed record ApplicantDocument(string Title, string Number, string PagePath);

/// <summary>The documents issued for a person's application (made by Documents, which case processing does not otherwise know about).</summary>
public interface IApplicantDocuments
{
    /// <summary>The current version of each document issued for the case, when it is <paramref name="userId"/>'s.</summary>
    Task<IReadOnlyList<ApplicantDocument>> ForCaseAsync(Guid userId, Guid caseId, Language language, CancellationToken cancellationToken);
}
