using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OneStop.Documents;
using OneStop.Documents.Verifying;
using OneStop.Identity.Staff;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;

namespace OneStop.Office.Documents;

/// <summary>What the officer searched for: a document number or application reference (matched whole), and a state.</summary>
public sealed record DocumentFilter(string? Reference = null, VerifiedState? State = null);

public sealed record DocumentRow(Guid Id, string Number, int Version, LocalisedText Title, string? ApplicationReference, DocumentState State,
    DateOnly? ValidUntil, DateTime IssuedAt, string VerificationCode)
{
    /// <summary>As verification words it (<see cref="DocumentStatus.StateOf"/>): a valid document past its last day is expired.</summary>
    public VerifiedState StateOn(DateOnly today) => State switch
    {
        DocumentState.Revoked => VerifiedState.Revoked,
        DocumentState.Superseded => VerifiedState.Superseded,
        _ when ValidUntil is { } until && until < today => VerifiedState.Expired,
        _ => VerifiedState.Valid,
    };
}

/// <summary>One page of results and the cursors of the older and newer pages (null at either end).</summary>
public sealed record DocumentResults(IReadOnlyList<DocumentRow> Rows, string? Older, string? Newer);

/// <summary>
/// The department's documents (every version), newest first, keyset-paged on (issued, verification code) on the
/// (department, issued) index, as the payments list is. The department scope comes first: another department's
/// documents are never found. "Expired" is a valid document whose last day is before today (Hong Kong).
/// </summary>
public sealed class OfficeDocumentSearch(OneStopDb db, TimeProvider clock)
{
    public const int PageSize = 25;

    public async Task<DocumentResults> PageAsync(ClaimsPrincipal officer, DocumentFilter filter, string? older, string? newer, CancellationToken cancellationToken)
    {
        var query = Filtered(officer, filter);
        var cursor = Cursor.Parse(newer ?? older);
        var backwards = newer is not null && cursor is not null;
        if (cursor is { } k)
        {
            var (at, code) = (k.At, k.Code);
            query = backwards
                ? query.Where(d => d.IssuedAt > at || (d.IssuedAt == at && string.Compare(d.VerificationCode, code) > 0))
                : query.Where(d => d.IssuedAt < at || (d.IssuedAt == at && string.Compare(d.VerificationCode, code) < 0));
        }
        query = backwards
            ? query.OrderBy(d => d.IssuedAt).ThenBy(d => d.VerificationCode)
            : query.OrderByDescending(d => d.IssuedAt).ThenByDescending(d => d.VerificationCode);
        var rows = await query.Take(PageSize + 1)
            .Select(d => new DocumentRow(d.Id, d.Number, d.Version, d.Title, d.ApplicationReference, d.State, d.ValidUntil, d.IssuedAt, d.VerificationCode))
            .ToListAsync(cancellationToken);
        var more = rows.Count > PageSize;
        if (more) rows.RemoveAt(PageSize);
        if (backwards) rows.Reverse();
        if (rows.Count == 0) return new DocumentResults(rows, null, null);
        var olderCursor = backwards || more ? Cursor.Of(rows[^1]) : null;
        var newerCursor = cursor is not null && (!backwards || more) ? Cursor.Of(rows[0]) : null;
        return new DocumentResults(rows, olderCursor, newerCursor);
    }

    public IQueryable<IssuedDocument> Filtered(ClaimsPrincipal officer, DocumentFilter filter)
    {
        var query = db.Set<IssuedDocument>().AsNoTracking().InDepartmentOf(officer, d => d.DepartmentCode);
        if (Normalise(filter.Reference) is { } reference)
            query = query.Where(d => d.Number == reference || d.ApplicationReference == reference);
        var today = HongKongTime.Today(clock);
        query = filter.State switch
        {
            VerifiedState.Valid => query.Where(d => d.State == DocumentState.Valid && (d.ValidUntil == null || d.ValidUntil >= today)),
            VerifiedState.Expired => query.Where(d => d.State == DocumentState.Valid && d.ValidUntil < today),
            VerifiedState.Revoked => query.Where(d => d.State == DocumentState.Revoked),
            VerifiedState.Superseded => query.Where(d => d.State == DocumentState.Superseded),
            _ => query,
        };
        return query;
    }

    /// <summary>Numbers and references are stored in capitals; officers type them any way.</summary>
    private static string? Normalise(string? typed) => string.IsNullOrWhiteSpace(typed) ? null : typed.Trim().ToUpperInvariant();

    /// <summary>A position in the list, written into links as <c>ticks.code</c>.</summary>
    private sealed record Cursor(DateTime At, string Code)
    {
        public static string Of(DocumentRow row) => row.IssuedAt.Ticks.ToString(CultureInfo.InvariantCulture) + "." + row.VerificationCode;

        public static Cursor? Parse(string? text)
        {
            if (text?.Split('.', 2) is not [var ticks, var code] || code.Length is 0 or > 40) return null;
            return long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var t) && t >= DateTime.MinValue.Ticks && t <= DateTime.MaxValue.Ticks
                ? new Cursor(new DateTime(t, DateTimeKind.Utc), code)
                : null;
        }
    }
}
