using Microsoft.EntityFrameworkCore;
using OneStop.Documents.Templates;
using OneStop.Platform.Database;

namespace OneStop.Documents.Pickup;

/// <summary>
/// One of the holder's documents with what its template offers and how the holder chose to receive it.
/// <see cref="DocumentTemplates.ForServiceAsync"/> gives the current template: a service that stops offering
/// a way stops offering it for documents already issued too (a choice already made stays as it is).
/// </summary>
public sealed record HolderDocument(IssuedDocument Document, IReadOnlyList<DeliveryMethod> Offers, IReadOnlyList<string> Counters, DocumentDelivery? Delivery)
{
    /// <summary>Only the current version of a document in force is sent or collected.</summary>
    public bool IsCurrent => Document.State == DocumentState.Valid;

    /// <summary>Posted or handed over: the choice is spent and can no longer change.</summary>
    public bool IsDone => Delivery is { PostedAt: not null } or { CollectedAt: not null };

    public bool MayChoose => IsCurrent && !IsDone;
}

/// <summary>Finds a document for its holder only: anyone else's (or an unknown id) is null, which pages answer with 404.</summary>
public sealed class HolderDocuments(OneStopDb db, DocumentTemplates templates)
{
    public async Task<HolderDocument?> FindAsync(Guid holderId, Guid documentId, CancellationToken cancellationToken = default)
    {
        var document = await db.Set<IssuedDocument>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == documentId && d.HolderId == holderId, cancellationToken);
        if (document is null) return null;
        var definition = await templates.ForServiceAsync(document.ServiceSlug, cancellationToken);
        var delivery = await db.Set<DocumentDelivery>().AsNoTracking().SingleOrDefaultAsync(d => d.DocumentId == documentId, cancellationToken);
        var offers = definition?.Delivery ?? [DeliveryMethod.Wallet];
        var counters = offers.Contains(DeliveryMethod.Counter) ? definition?.Counters ?? [] : [];
        return new HolderDocument(document, offers, counters, delivery);
    }
}
