using Microsoft.EntityFrameworkCore;
using OneStop.Cases.Applicants;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;

namespace OneStop.Documents.Issuing;

/// <summary>What the application page shows of its documents: the newest version of each, linking to the wallet.</summary>
public sealed class ApplicantDocuments(OneStopDb db) : IApplicantDocuments
{
    public async Task<IReadOnlyList<ApplicantDocument>> ForCaseAsync(Guid userId, Guid caseId, Language language, CancellationToken cancellationToken)
    {
        var documents = await db.Set<IssuedDocument>().AsNoTracking()
            .Where(d => d.CaseId == caseId && d.HolderId == userId && d.SupersededById == null)
            .OrderBy(d => d.IssuedAt).ToListAsync(cancellationToken);
        return documents.Select(d => new ApplicantDocument(d.Title[language], d.Number, DocumentPaths.Document(d.Id))).ToList();
    }
}
