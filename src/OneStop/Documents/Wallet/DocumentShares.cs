using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Audit;
using OneStop.Platform.Database;

namespace OneStop.Documents.Wallet;

/// <summary>A share link just made: the token is in the link and nowhere else; it is shown to the holder this once.</summary>
public sealed record ShareCreated(DocumentShare Share, string Token);

/// <summary>
/// Share links: whoever has one sees the document's verification result and may download its PDF, until the
/// link expires or the holder stops it. The token is 32 random bytes (base64url); only its SHA-256 is stored, so
/// the database cannot give links away.
/// </summary>
public sealed class DocumentShares(OneStopDb db, AuditLog audit, TimeProvider clock)
{
    /// <summary>43 characters: 32 bytes in base64url without padding.</summary>
    public const int TokenLength = 43;

    public static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));

    public async Task<ShareCreated> CreateAsync(IssuedDocument document, Guid holderId, DateTime expiresAt, CancellationToken cancellationToken = default)
    {
        var token = NewToken();
        var share = new DocumentShare
        {
            Id = Guid.NewGuid(),
            DocumentId = document.Id,
            HolderId = holderId,
            TokenHash = HashOf(token),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            ExpiresAt = expiresAt,
        };
        db.Add(share);
        audit.Record(DocumentAuditEvents.Shared, holderId, holderId, "document", $"{document.Number} v{document.Version}",
            $"share={share.Id};expires={expiresAt:O}", document.DepartmentCode);
        await db.SaveChangesAsync(cancellationToken);
        return new ShareCreated(share, token);
    }

    /// <summary>The holder's links to the document that still work, newest first.</summary>
    public async Task<IReadOnlyList<DocumentShare>> ActiveAsync(Guid documentId, Guid holderId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Set<DocumentShare>().AsNoTracking()
            .Where(s => s.DocumentId == documentId && s.HolderId == holderId && s.RevokedAt == null && s.ExpiresAt > now)
            .OrderByDescending(s => s.CreatedAt).ToListAsync(cancellationToken);
    }

    /// <summary>Stops one of the holder's links to the document; false when there is no such link (another person's, or already stopped).</summary>
    public async Task<bool> StopAsync(IssuedDocument document, Guid shareId, Guid holderId, CancellationToken cancellationToken = default)
    {
        var share = await db.Set<DocumentShare>()
            .SingleOrDefaultAsync(s => s.Id == shareId && s.DocumentId == document.Id && s.HolderId == holderId && s.RevokedAt == null, cancellationToken);
        if (share is null) return false;
        share.RevokedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(DocumentAuditEvents.ShareRevoked, holderId, holderId, "document", $"{document.Number} v{document.Version}",
            $"share={share.Id}", document.DepartmentCode);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The document a link opens while it works; null for a link unknown, expired or stopped (all answered alike).</summary>
    public async Task<IssuedDocument?> OpenAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (token is not { Length: TokenLength } || !Base64Url.IsValid(token)) return null;
        var hash = HashOf(token);
        var now = clock.GetUtcNow().UtcDateTime;
        var documentId = await db.Set<DocumentShare>().AsNoTracking()
            .Where(s => s.TokenHash == hash && s.RevokedAt == null && s.ExpiresAt > now)
            .Select(s => (Guid?)s.DocumentId).SingleOrDefaultAsync(cancellationToken);
        return documentId is null ? null : await db.Set<IssuedDocument>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == documentId, cancellationToken);
    }
}
