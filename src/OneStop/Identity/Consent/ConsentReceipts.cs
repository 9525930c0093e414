using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Audit;
using OneStop.Platform.Database;

namespace OneStop.Identity.Consent;

/// <summary>What a consent screen asks for. <paramref name="Duration"/> null means until revoked.</summary>
public sealed record ConsentRequest(
    ConsentRecipientType RecipientType, string RecipientId, string RecipientName,
    string PurposeCode, string Purpose, IReadOnlyCollection<string> Fields, TimeSpan? Duration);

/// <summary>
/// Grants, finds and revokes consent receipts. Every grant and revocation is audited with the receipt's
/// id and the field names (never their values).
/// </summary>
public sealed class ConsentReceipts(OneStopDb db, AuditLog audit, TimeProvider clock)
{
    public async Task<ConsentReceipt> GrantAsync(Guid userId, ConsentRequest request, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var receipt = new ConsentReceipt
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            RecipientType = request.RecipientType,
            RecipientId = request.RecipientId,
            RecipientName = request.RecipientName,
            PurposeCode = request.PurposeCode,
            Purpose = request.Purpose,
            Fields = string.Join(' ', request.Fields.Distinct().Order(StringComparer.Ordinal)),
            GrantedAt = now,
            ExpiresAt = request.Duration is { } d ? now + d : null,
        };
        db.Add(receipt);
        audit.Record(ConsentEvents.Granted, userId, userId, "consent", receipt.Id.ToString(), $"{request.RecipientId}: {receipt.Fields}");
        await db.SaveChangesAsync(cancellationToken);
        return receipt;
    }

    /// <summary>A receipt, valid now, for this recipient and purpose that covers every field asked for.</summary>
    public async Task<ConsentReceipt?> FindValidAsync(Guid userId, string recipientId, string purposeCode, IReadOnlyCollection<string> fields,
        CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var candidates = await db.Set<ConsentReceipt>().AsNoTracking()
            .Where(c => c.UserId == userId && c.RecipientId == recipientId && c.PurposeCode == purposeCode && c.RevokedAt == null)
            .ToListAsync(cancellationToken);
        return candidates
            .Where(c => c.IsValidAt(now) && fields.All(c.FieldList.Contains))
            .OrderByDescending(c => c.GrantedAt)
            .FirstOrDefault();
    }

    public async Task<IReadOnlyList<ConsentReceipt>> ListAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var receipts = await db.Set<ConsentReceipt>().AsNoTracking().Where(c => c.UserId == userId).ToListAsync(cancellationToken);
        return receipts.OrderByDescending(c => c.GrantedAt).ToList();
    }

    /// <summary>Revokes one of the person's own receipts; false when it is not theirs or already ended.</summary>
    public async Task<bool> RevokeAsync(Guid userId, Guid receiptId, CancellationToken cancellationToken = default)
    {
        var receipt = await db.Set<ConsentReceipt>().SingleOrDefaultAsync(c => c.Id == receiptId && c.UserId == userId, cancellationToken);
        if (receipt is null || receipt.RevokedAt is not null) return false;
        receipt.RevokedAt = clock.GetUtcNow();
        audit.Record(ConsentEvents.Revoked, userId, userId, "consent", receipt.Id.ToString(), receipt.RecipientId);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}

public static class ConsentEvents
{
    public const string Granted = "consent.granted";
    public const string Revoked = "consent.revoked";
}
