using Microsoft.EntityFrameworkCore;
using OneStop.Documents.Templates;
using OneStop.Documents.Verifying;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;

namespace OneStop.Documents.Wallet;

/// <summary>A line of "My documents": the current version of one document number.</summary>
public sealed record WalletEntry(
    Guid Id, string Number, int Version, LocalisedText Title, LocalisedText Department, VerifiedState State,
    DateTime IssuedAt, DateOnly? ValidUntil);

/// <summary>One of the holder's documents as its page shows it, with what the holder alone may read (their name, a revocation's reason).</summary>
public sealed record WalletDocument(
    IssuedDocument Document, LocalisedText Department, VerifiedState State, string HolderName, string? RevokedReason,
    Guid? CurrentId, bool OffersPaperCopy)
{
    public Guid Id => Document.Id;
}

/// <summary>
/// Reads a holder's documents. Only ever by the holder's own account id: another person's document is simply
/// not found, whoever asks (a member of staff too), so the pages answer 404.
/// </summary>
public sealed class MyDocuments(OneStopDb db, DocumentText protection, DocumentTemplates templates, TimeProvider clock)
{
    /// <summary>Every document issued to the holder, by any department, newest first; a re-issued or renewed number once, as its newest version.</summary>
    public async Task<IReadOnlyList<WalletEntry>> ListAsync(Guid holderId, CancellationToken cancellationToken = default)
    {
        var documents = db.Set<IssuedDocument>().AsNoTracking();
        var current = await documents
            .Where(d => d.HolderId == holderId && !documents.Any(n => n.HolderId == holderId && n.Number == d.Number && n.Version > d.Version))
            .OrderByDescending(d => d.IssuedAt).ThenBy(d => d.Number)
            .ToListAsync(cancellationToken);
        var departments = await DepartmentsAsync(current.Select(d => d.DepartmentCode), cancellationToken);
        var today = HongKongTime.Today(clock);
        return current.Select(d => new WalletEntry(d.Id, d.Number, d.Version, d.Title, departments.GetValueOrDefault(d.DepartmentCode) ?? Unnamed(d.DepartmentCode),
            DocumentStatus.StateOf(d, today), d.IssuedAt, d.ValidUntil)).ToList();
    }

    /// <summary>The holder's document (any version of it), or null when there is none or it is another person's.</summary>
    public async Task<IssuedDocument?> FindAsync(Guid holderId, Guid id, CancellationToken cancellationToken = default) =>
        await db.Set<IssuedDocument>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == id && d.HolderId == holderId, cancellationToken);

    /// <summary>The document's page: its facts, and whether the service also sends a paper copy (post or counter).</summary>
    public async Task<WalletDocument?> DetailsAsync(Guid holderId, Guid id, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(holderId, id, cancellationToken) is not { } document) return null;
        var departments = await DepartmentsAsync([document.DepartmentCode], cancellationToken);
        var state = DocumentStatus.StateOf(document, HongKongTime.Today(clock));
        var currentId = state == VerifiedState.Superseded
            ? await db.Set<IssuedDocument>().AsNoTracking().Where(d => d.HolderId == holderId && d.Number == document.Number)
                .OrderByDescending(d => d.Version).Select(d => (Guid?)d.Id).FirstOrDefaultAsync(cancellationToken)
            : null;
        var template = await templates.ForServiceAsync(document.ServiceSlug, cancellationToken);
        var paper = template is not null && template.Delivery.Any(m => m is DeliveryMethod.Post or DeliveryMethod.Counter);
        return new WalletDocument(document, departments.GetValueOrDefault(document.DepartmentCode) ?? Unnamed(document.DepartmentCode), state,
            protection.UnprotectOrNull(document.HolderName) ?? "", protection.UnprotectOrNull(document.RevokedReason), currentId, paper);
    }

    private async Task<Dictionary<string, LocalisedText>> DepartmentsAsync(IEnumerable<string> codes, CancellationToken cancellationToken)
    {
        var wanted = codes.Distinct().ToList();
        return await db.Departments.AsNoTracking().Where(d => wanted.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Name, cancellationToken);
    }

    private static LocalisedText Unnamed(string code) => new(code, code, code);
}
