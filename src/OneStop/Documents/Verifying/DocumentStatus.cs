using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;

namespace OneStop.Documents.Verifying;

/// <summary>What verification can say of a document. Expired is worked out from the validity and today's Hong Kong date.</summary>
public enum VerifiedState { Valid, Expired, Revoked, Superseded }

/// <summary>
/// Everything verification shows — no more than the document itself prints: its type, number, issuing
/// department, dates and the holder's name partly masked. Never the holder's account, the application's
/// answers, or a revocation's reason.
/// </summary>
public sealed record VerifiedDocument(
    string Code, string Number, int Version, DocumentKind Kind, LocalisedText Title, string DepartmentCode, LocalisedText Department,
    string MaskedHolderName, DateTime IssuedAt, DateOnly ValidFrom, DateOnly? ValidUntil, VerifiedState State,
    DateTime? RevokedAt, string? SupersededByCode);

/// <summary>Looks documents up for the public verification page, its API, shared links and the upload check.</summary>
public sealed class DocumentStatus(OneStopDb db, TimeProvider clock)
{
    public async Task<VerifiedDocument?> ByCodeAsync(string code, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > 40) return null;
        var normalised = code.Trim().ToUpperInvariant();
        var id = await db.Set<IssuedDocument>().AsNoTracking().Where(d => d.VerificationCode == normalised).Select(d => (Guid?)d.Id).SingleOrDefaultAsync(cancellationToken);
        return id is null ? null : await ByIdAsync(id.Value, cancellationToken);
    }

    /// <summary>An uploaded PDF's record, found by the SHA-256 (hex) of its bytes.</summary>
    public async Task<VerifiedDocument?> BySha256Async(string sha256Hex, CancellationToken cancellationToken = default)
    {
        var id = await db.Set<IssuedDocument>().AsNoTracking().Where(d => d.Sha256 == sha256Hex).Select(d => (Guid?)d.Id).FirstOrDefaultAsync(cancellationToken);
        return id is null ? null : await ByIdAsync(id.Value, cancellationToken);
    }

    public async Task<VerifiedDocument?> ByIdAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var d = await db.Set<IssuedDocument>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (d is null) return null;
        var department = await db.Departments.AsNoTracking().Where(x => x.Code == d.DepartmentCode).Select(x => x.Name).SingleOrDefaultAsync(cancellationToken)
            ?? new LocalisedText(d.DepartmentCode, d.DepartmentCode, d.DepartmentCode);
        var successor = d.SupersededById is { } next
            ? await db.Set<IssuedDocument>().AsNoTracking().Where(x => x.Id == next).Select(x => x.VerificationCode).SingleOrDefaultAsync(cancellationToken)
            : null;
        return new VerifiedDocument(d.VerificationCode, d.Number, d.Version, d.Kind, d.Title, d.DepartmentCode, department, d.MaskedHolderName,
            d.IssuedAt, d.ValidFrom, d.ValidUntil, StateOf(d, HongKongTime.Today(clock)), d.RevokedAt, successor);
    }

    public static VerifiedState StateOf(IssuedDocument d, DateOnly today) => d.State switch
    {
        DocumentState.Revoked => VerifiedState.Revoked,
        DocumentState.Superseded => VerifiedState.Superseded,
        _ when d.ValidUntil is { } until && until < today => VerifiedState.Expired,
        _ => VerifiedState.Valid,
    };
}
