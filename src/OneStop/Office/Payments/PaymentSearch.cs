using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OneStop.Identity.Staff;
using OneStop.Payments;
using OneStop.Payments.Reconciliation;
using OneStop.Platform.Database;

namespace OneStop.Office.Payments;

public enum PaymentDateField { Created, Succeeded }

/// <summary>
/// What the officer searched for. References are matched whole (a payment reference also finds its later
/// attempts, <c>PAY-2026-000123/2</c>); days are Hong Kong days, both ends included.
/// </summary>
public sealed record PaymentFilter(string? Reference = null, string? Application = null, DateOnly? From = null, DateOnly? To = null,
    PaymentDateField On = PaymentDateField.Created, PaymentState? State = null);

public sealed record PaymentRow(Guid Id, string Reference, string? ApplicationReference, decimal Amount, PaymentState State, string? Method,
    DateTime CreatedAt, DateTime? SucceededAt);

/// <summary>One page of results and the cursors of the older and newer pages (null at either end).</summary>
public sealed record PaymentResults(IReadOnlyList<PaymentRow> Rows, string? Older, string? Newer);

/// <summary>
/// The department's payments, newest first, keyset-paged on (created, reference) — each page continues from the
/// last row, never an OFFSET, on the (department, created) index — so a deep page costs what the first does.
/// The department scope comes first: another department's payments are never found.
/// </summary>
public sealed class PaymentSearch(OneStopDb db)
{
    public const int PageSize = 25;

    public async Task<PaymentResults> PageAsync(ClaimsPrincipal officer, PaymentFilter filter, string? older, string? newer, CancellationToken cancellationToken)
    {
        var query = Filtered(officer, filter);
        var cursor = Cursor.Parse(newer ?? older);
        var backwards = newer is not null && cursor is not null;
        if (cursor is { } k)
        {
            var (at, reference) = (k.At, k.Reference);
            query = backwards
                ? query.Where(p => p.CreatedAt > at || (p.CreatedAt == at && string.Compare(p.Reference, reference) > 0))
                : query.Where(p => p.CreatedAt < at || (p.CreatedAt == at && string.Compare(p.Reference, reference) < 0));
        }
        query = backwards
            ? query.OrderBy(p => p.CreatedAt).ThenBy(p => p.Reference)
            : query.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Reference);
        var rows = await query.Take(PageSize + 1)
            .Select(p => new PaymentRow(p.Id, p.Reference, p.ApplicationReference, p.Amount, p.State, p.Method, p.CreatedAt, p.SucceededAt))
            .ToListAsync(cancellationToken);
        var more = rows.Count > PageSize;
        if (more) rows.RemoveAt(PageSize);
        if (backwards) rows.Reverse();
        if (rows.Count == 0) return new PaymentResults(rows, null, null);
        var olderCursor = backwards || more ? Cursor.Of(rows[^1]) : null;
        var newerCursor = cursor is not null && (!backwards || more) ? Cursor.Of(rows[0]) : null;
        return new PaymentResults(rows, olderCursor, newerCursor);
    }

    public IQueryable<Payment> Filtered(ClaimsPrincipal officer, PaymentFilter filter)
    {
        var query = db.Set<Payment>().AsNoTracking().InDepartmentOf(officer, p => p.DepartmentCode);
        if (Normalise(filter.Reference) is { } reference)
        {
            var attempts = reference + "/";
            query = query.Where(p => p.Reference == reference || p.Reference.StartsWith(attempts));
        }
        if (Normalise(filter.Application) is { } application) query = query.Where(p => p.ApplicationReference == application);
        if (filter.State is { } state) query = query.Where(p => p.State == state);
        var succeeded = filter.On == PaymentDateField.Succeeded;
        if (filter.From is { } first)
        {
            var from = HongKongDay.InUtc(first).From;
            query = succeeded ? query.Where(p => p.SucceededAt >= from) : query.Where(p => p.CreatedAt >= from);
        }
        if (filter.To is { } last)
        {
            var to = HongKongDay.InUtc(last).To;
            query = succeeded ? query.Where(p => p.SucceededAt < to) : query.Where(p => p.CreatedAt < to);
        }
        return query;
    }

    /// <summary>References are stored in capitals; officers type them any way.</summary>
    private static string? Normalise(string? typed) => string.IsNullOrWhiteSpace(typed) ? null : typed.Trim().ToUpperInvariant();

    /// <summary>A position in the list, written into links as <c>ticks.reference</c>.</summary>
    private sealed record Cursor(DateTime At, string Reference)
    {
        public static string Of(PaymentRow row) => row.CreatedAt.Ticks.ToString(CultureInfo.InvariantCulture) + "." + row.Reference;

        public static Cursor? Parse(string? text)
        {
            if (text?.Split('.', 2) is not [var ticks, var reference] || reference.Length is 0 or > 40) return null;
            return long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var t) && t >= DateTime.MinValue.Ticks && t <= DateTime.MaxValue.Ticks
                ? new Cursor(new DateTime(t, DateTimeKind.Utc), reference)
                : null;
        }
    }
}
