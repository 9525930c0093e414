using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OneStop.Identity;
using OneStop.Identity.Staff;
using OneStop.Platform.Audit;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;

namespace OneStop.Documents.Desk;

/// <summary>A paper document waiting to be posted, with its address decrypted into lines.</summary>
public sealed record WaitingPost(Guid DocumentId, string Number, int Version, LocalisedText Title, string HolderName, IReadOnlyList<string> Address, DateTime ChosenAt);

public enum PostOutcome { Done, AlreadyPosted, NotFound }

/// <summary>What "Mark posted" did, and to which document number (for the banner).</summary>
public sealed record PostResult(PostOutcome Outcome, string Number);

/// <summary>
/// The department's post queue: documents whose holder chose post and that nobody has posted yet, oldest choice
/// first. Only valid documents wait: a revoked or superseded one is not sent (a re-issue has its own delivery).
/// </summary>
public sealed class PostQueue(OneStopDb db, DocumentText text, AuditLog audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<WaitingPost>> WaitingAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var rows = await Waiting(user).OrderBy(r => r.Delivery.ChosenAt).ThenBy(r => r.Document.Number)
            .Select(r => new { r.Delivery.DocumentId, r.Document.Number, r.Document.Version, r.Document.Title, r.Document.HolderName, r.Delivery.Address, r.Delivery.ChosenAt })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new WaitingPost(r.DocumentId, r.Number, r.Version, r.Title, text.UnprotectOrNull(r.HolderName) ?? "", Lines(r.Address), r.ChosenAt)).ToList();
    }

    /// <summary>Records that the document went in the post; a second press (or a document already posted) changes nothing.</summary>
    public async Task<PostResult> MarkPostedAsync(ClaimsPrincipal user, Guid documentId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var found = await (from d in db.Set<DocumentDelivery>()
                               join doc in db.Set<IssuedDocument>().InDepartmentOf(user, x => x.DepartmentCode) on d.DocumentId equals doc.Id
                               where d.DocumentId == documentId && d.Method == DeliveryMethod.Post
                               select new { Delivery = d, doc.Number, doc.Version, doc.HolderId, doc.DepartmentCode }).SingleOrDefaultAsync(cancellationToken);
            if (found is null) return new PostResult(PostOutcome.NotFound, "");
            if (found.Delivery.PostedAt is not null) return new PostResult(PostOutcome.AlreadyPosted, found.Number);
            found.Delivery.PostedAt = clock.GetUtcNow().UtcDateTime;
            found.Delivery.Revision++;
            audit.Record(DocumentAuditEvents.Posted, user.UserId(), found.HolderId, "document", $"{found.Number} v{found.Version}", null, found.DepartmentCode);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new PostResult(PostOutcome.Done, found.Number);
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                // Another press (or the holder changing their choice) saved first: drop this one and look again.
                db.ChangeTracker.Clear();
            }
        }
    }

    // Member initialisers (not a constructor), so that EF can still sort on its members.
    private sealed class Pair
    {
        public required DocumentDelivery Delivery { get; init; }
        public required IssuedDocument Document { get; init; }
    }

    private IQueryable<Pair> Waiting(ClaimsPrincipal user) =>
        from d in db.Set<DocumentDelivery>().AsNoTracking()
        join doc in db.Set<IssuedDocument>().AsNoTracking().InDepartmentOf(user, x => x.DepartmentCode) on d.DocumentId equals doc.Id
        where d.Method == DeliveryMethod.Post && d.PostedAt == null && doc.State == DocumentState.Valid
        select new Pair { Delivery = d, Document = doc };

    private IReadOnlyList<string> Lines(string? stored)
    {
        if (text.UnprotectOrNull(stored) is not { } json) return [];
        try { return JsonSerializer.Deserialize<string[]>(json) ?? []; }
        catch (JsonException) { return [json]; }
    }
}
