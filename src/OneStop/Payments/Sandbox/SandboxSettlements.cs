using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;

namespace OneStop.Payments.Sandbox;

/// <summary>
/// The gateway's side of settlement: the day's file, as a real gateway publishes it for merchants to download
/// (<c>GET /sandbox-gateway/settlements/{yyyy-MM-dd}.csv</c> with the settlement key as a bearer token). A day
/// is a Hong Kong day; the sandbox charges no fee. A day not yet over gives the file so far.
/// </summary>
public sealed class SandboxSettlements(OneStopDb db)
{
    public const string RoutePattern = "/sandbox-gateway/settlements/{day}.csv";

    public async Task<string> CsvAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var (start, end) = SandboxGateway.DayInUtc(day);
        var paid = await db.Set<SandboxCheckout>().AsNoTracking()
            .Where(c => c.PaidAt >= start && c.PaidAt < end && c.State == SandboxCheckoutState.Paid)
            .Select(c => new { c.Id, c.MerchantPaymentId, c.MerchantReference, c.Method, c.Currency, c.Amount, PaidAt = c.PaidAt!.Value })
            .ToListAsync(cancellationToken);
        var refunds = await (from r in db.Set<SandboxRefund>().AsNoTracking()
                             join c in db.Set<SandboxCheckout>().AsNoTracking() on r.CheckoutId equals c.Id
                             where r.CreatedAt >= start && r.CreatedAt < end
                             select new { r.Id, CheckoutId = c.Id, c.MerchantPaymentId, c.MerchantReference, c.Method, c.Currency, r.Amount, r.CreatedAt })
            .ToListAsync(cancellationToken);
        var rows = paid.Select(c => new SandboxSettlementRow(c.PaidAt, SandboxSettlementRow.Payment, c.Id, null, c.MerchantPaymentId, c.MerchantReference, c.Method, c.Currency, c.Amount, 0m))
            .Concat(refunds.Select(r => new SandboxSettlementRow(r.CreatedAt, SandboxSettlementRow.RefundType, r.CheckoutId, r.Id, r.MerchantPaymentId, r.MerchantReference, r.Method, r.Currency, -r.Amount, 0m)))
            // Two queries, one order: by time, then by id so that the file is the same on every download.
            .OrderBy(r => r.SettledAt).ThenBy(r => r.Checkout, StringComparer.Ordinal).ThenBy(r => r.Refund, StringComparer.Ordinal);
        return SandboxSettlementFile.Write(rows);
    }

    /// <summary>The download. 401 without the right key; 404 for a malformed day. Never cached: a day in progress grows.</summary>
    public static IEndpointRouteBuilder MapSettlementFile(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(RoutePattern, async (string day, HttpContext http, SandboxSettlements settlements, IOptions<SandboxOptions> options, CancellationToken cancellationToken) =>
        {
            if (!Authorised(http.Request.Headers.Authorization.ToString(), options.Value.SettlementKey))
            {
                http.Response.Headers.WWWAuthenticate = "Bearer realm=\"sandbox-gateway\"";
                return Results.Problem(statusCode: 401, title: "Settlement key required", detail: "Send the settlement key as 'Authorization: Bearer <key>'.");
            }
            if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                return Results.Problem(statusCode: 404, title: "No such settlement file", detail: "Name the day as yyyy-MM-dd.");
            http.Response.Headers.CacheControl = "no-store";
            var csv = await settlements.CsvAsync(date, cancellationToken);
            return Results.File(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", $"sandbox-settlement-{date:yyyy-MM-dd}.csv");
        }).WithName("SandboxSettlementFile").DisableAntiforgery();
        return endpoints;
    }

    private static bool Authorised(string header, string key)
    {
        const string scheme = "Bearer ";
        if (key.Length == 0 || !header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return false;
        // Hashed first so the comparison takes the same time whatever the lengths.
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(header[scheme.Length..].Trim())), SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    /// <summary>The Hong Kong day a moment falls on.</summary>
    public static DateOnly HongKongDay(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), HongKongTime.Zone));
}
