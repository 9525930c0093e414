using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OneStop.Cases;
using OneStop.Documents;
using OneStop.Identity.Staff;
using OneStop.Platform.Audit;
using OneStop.Platform.Database;

namespace OneStop.Office.Documents;

/// <summary>Everything the officer's document page shows: the holder's name and a revocation's reason decrypted.</summary>
public sealed record OfficeDocumentView(IssuedDocument Document, string HolderName, string? RevokedReason, string? CaseReference,
    IReadOnlyList<IssuedDocument> Versions, string? Thumbprint, DocumentDelivery? Delivery, IReadOnlyList<AuditEntry> Audit,
    IReadOnlyDictionary<Guid, string> People)
{
    public string Person(Guid? id) => id is { } i && People.TryGetValue(i, out var email) ? email : "";
}

/// <summary>Loads one document of the officer's department; another department's is not found.</summary>
public sealed class OfficeDocumentReader(OneStopDb db, DocumentText protection)
{
    public Task<IssuedDocument?> FindAsync(ClaimsPrincipal officer, Guid id, CancellationToken cancellationToken) =>
        db.Set<IssuedDocument>().AsNoTracking().InDepartmentOf(officer, d => d.DepartmentCode).SingleOrDefaultAsync(d => d.Id == id, cancellationToken);

    public async Task<OfficeDocumentView?> LoadAsync(ClaimsPrincipal officer, Guid id, CancellationToken cancellationToken)
    {
        if (await FindAsync(officer, id, cancellationToken) is not { } d) return null;
        var versions = await db.Set<IssuedDocument>().AsNoTracking().InDepartmentOf(officer, x => x.DepartmentCode)
            .Where(x => x.Number == d.Number).OrderByDescending(x => x.Version).ToListAsync(cancellationToken);
        var caseReference = d.CaseId is { } caseId
            ? await db.Set<Case>().AsNoTracking().Where(c => c.Id == caseId).Select(c => c.Reference).FirstOrDefaultAsync(cancellationToken)
            : null;
        var thumbprint = await db.Set<DocumentSigningKey>().AsNoTracking().Where(k => k.Id == d.SigningKeyId).Select(k => k.Thumbprint).FirstOrDefaultAsync(cancellationToken);
        var delivery = await db.Set<DocumentDelivery>().AsNoTracking().SingleOrDefaultAsync(x => x.DocumentId == d.Id, cancellationToken);
        // Every version's entries ("TD-VT-2026-000123 v2"); audit times are offsets, which SQLite cannot order, so by id.
        var prefix = d.Number + " v";
        var audit = await db.AuditEntries.AsNoTracking().Where(e => e.TargetType == "document" && e.TargetId != null && e.TargetId.StartsWith(prefix))
            .OrderBy(e => e.Id).ToListAsync(cancellationToken);
        var ids = audit.Select(e => e.ActorId).Append(d.RevokedBy).Append(d.IssuedBy).OfType<Guid>().Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.Email })
            .ToDictionaryAsync(u => u.Id, u => u.Email ?? "", cancellationToken);
        return new OfficeDocumentView(d, protection.UnprotectOrNull(d.HolderName) ?? "-", protection.UnprotectOrNull(d.RevokedReason), caseReference,
            versions, thumbprint, delivery, audit, people);
    }
}
