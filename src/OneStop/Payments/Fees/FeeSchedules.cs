using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OneStop.Identity.Profile;
using OneStop.Platform.Audit;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;

namespace OneStop.Payments.Fees;

/// <summary>Reads and saves services' fee schedules, and quotes a fee for a set of answers.</summary>
public sealed class FeeSchedules(OneStopDb db, IProfileReader profiles, AuditLog audit, TimeProvider clock)
{
    public async Task<FeeDefinition?> ForServiceAsync(string? serviceSlug, CancellationToken cancellationToken)
    {
        if (serviceSlug is null) return null;
        var json = await db.Set<FeeSchedule>().AsNoTracking().Where(f => f.ServiceSlug == serviceSlug).Select(f => f.Definition).SingleOrDefaultAsync(cancellationToken);
        return json is null ? null : FeeJson.Parse(json, out _);
    }

    /// <summary>Saves a checked schedule (the caller ran <see cref="FeeCheck"/>), audited.</summary>
    public async Task SaveAsync(string serviceSlug, string departmentCode, FeeDefinition fees, Guid? actorId, CancellationToken cancellationToken)
    {
        var row = await db.Set<FeeSchedule>().SingleOrDefaultAsync(f => f.ServiceSlug == serviceSlug, cancellationToken);
        if (row is null) db.Add(row = new FeeSchedule { ServiceSlug = serviceSlug, DepartmentCode = departmentCode, Definition = "" });
        row.Definition = FeeJson.Write(fees);
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        row.UpdatedBy = actorId;
        audit.Record(Engine.PaymentAuditEvents.FeesChanged, actorId, null, "service", serviceSlug, null, departmentCode);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Takes the service's schedule away (it charges nothing online from now on), audited; false when it had none.</summary>
    public async Task<bool> RemoveAsync(string serviceSlug, Guid? actorId, CancellationToken cancellationToken)
    {
        if (await db.Set<FeeSchedule>().SingleOrDefaultAsync(f => f.ServiceSlug == serviceSlug, cancellationToken) is not { } row) return false;
        db.Remove(row);
        audit.Record(FeeAuditEvents.Removed, actorId, null, "service", serviceSlug, null, row.DepartmentCode);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// The fee for <paramref name="answers"/>. The payer's age comes from their own verified date of birth and
    /// is used for nothing else: the department sees only which concession applied.
    /// </summary>
    public async Task<FeeQuote> QuoteAsync(FeeDefinition fees, JsonObject answers, Guid? payerId, CancellationToken cancellationToken)
    {
        var today = HongKongTime.Today(clock);
        var facts = PayerFacts.None;
        if (payerId is { } id && fees.Concessions.Any(c => c.When.Fields().Contains(FeeRules.ProfileAge)))
        {
            var values = await profiles.ReadAsync(id, [ProfileFields.DateOfBirth], cancellationToken);
            if (values.TryGetValue(ProfileFields.DateOfBirth, out var born) && born.Verified && DateOnly.TryParse(born.Value, out var date))
                facts = PayerFacts.Born(date, today);
        }
        return FeeRules.Quote(fees, answers, facts, today);
    }

    public static string LinesJson(FeeQuote quote) => JsonSerializer.Serialize(quote.Lines, JsonSerializerOptions.Web);

    public static IReadOnlyList<FeeLine> ReadLines(string json) => JsonSerializer.Deserialize<List<FeeLine>>(json, JsonSerializerOptions.Web) ?? [];
}

/// <summary>Fee schedule events beyond the core's <c>payment.fees-changed</c>.</summary>
public static class FeeAuditEvents
{
    public const string Removed = "payment.fees-removed";
}
