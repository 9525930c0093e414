using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OneStop.Identity.Staff;
using OneStop.Platform.Database;

namespace OneStop.Payments.Reconciliation;

/// <summary>A day's runs and the items the reader may see, mismatches first.</summary>
public sealed record ReconciliationView(DateOnly Day, IReadOnlyList<ReconciliationRun> Runs, IReadOnlyList<ReconciliationItem> Items)
{
    public int Count(MatchKind kind) => Items.Count(i => i.Kind == kind);
}

/// <summary>
/// What the report shows: platform administrators see every item; departmental staff only their department's
/// (items of payments OneStop does not know have no department, so only platform administrators see them).
/// </summary>
public sealed class ReconciliationReport(OneStopDb db)
{
    public static bool MayRun(ClaimsPrincipal user) => user.StaffRole() is StaffRole.DepartmentAdmin or StaffRole.PlatformAdmin;

    public async Task<ReconciliationView> ForAsync(ClaimsPrincipal user, DateOnly day, CancellationToken cancellationToken)
    {
        var runs = await db.Set<ReconciliationRun>().AsNoTracking().Where(r => r.Day == day).OrderBy(r => r.Provider).ToListAsync(cancellationToken);
        var items = db.Set<ReconciliationItem>().AsNoTracking().Where(i => i.Day == day);
        if (user.StaffRole() != StaffRole.PlatformAdmin) items = items.InDepartmentOf(user, i => i.DepartmentCode!);
        var list = await items.ToListAsync(cancellationToken);
        return new ReconciliationView(day, runs, list
            .OrderBy(i => i.Kind == MatchKind.Matched).ThenBy(i => i.Kind).ThenBy(i => i.PaymentReference ?? i.ProviderReference, StringComparer.Ordinal).ToList());
    }
}

/// <summary>
/// The report as CSV for Excel: RFC 4180 quoting, CRLF line ends, a UTF-8 byte order mark (without it Excel
/// reads the Chinese headers as another code page), and cells that Excel would take for a formula made text.
/// </summary>
public static class ReconciliationCsv
{
    public static readonly string[] Columns =
        ["day", "provider", "result", "kind", "paymentReference", "paymentId", "refundId", "department", "providerReference", "oneStopAmount", "providerAmount", "currency"];

    /// <param name="words">The column heading or result in the reader's language, by key (<c>column.day</c>, <c>result.amountMismatch</c>…).</param>
    public static byte[] Write(IEnumerable<ReconciliationItem> items, Func<string, string> words)
    {
        var csv = new StringBuilder();
        Row(csv, Columns.Select(c => words("column." + c)));
        foreach (var i in items)
        {
            Row(csv, [
                i.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), i.Provider, words("result." + Name(i.Kind)), i.LineKind, i.PaymentReference,
                i.PaymentId?.ToString(), i.RefundId?.ToString(), i.DepartmentCode, i.ProviderReference,
                i.OneStopAmount?.ToString("0.00", CultureInfo.InvariantCulture), i.ProviderAmount?.ToString("0.00", CultureInfo.InvariantCulture), i.Currency,
            ]);
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    /// <summary>The kind's name in strings keys, CSS hooks and the CSV: matched, missingAtProvider, missingInOneStop, amountMismatch.</summary>
    public static string Name(MatchKind kind) => kind switch
    {
        MatchKind.Matched => "matched",
        MatchKind.MissingAtProvider => "missingAtProvider",
        MatchKind.MissingInOneStop => "missingInOneStop",
        _ => "amountMismatch",
    };

    public static string Cell(string? value)
    {
        var text = value ?? "";
        // =, +, -, @ (and tab or CR) at the start make Excel evaluate the cell; a leading apostrophe keeps it text.
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r') text = "'" + text;
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }

    private static void Row(StringBuilder csv, IEnumerable<string?> cells) => csv.Append(string.Join(',', cells.Select(Cell))).Append("\r\n");
}
