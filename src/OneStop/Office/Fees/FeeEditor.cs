using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OneStop.Catalogue;
using OneStop.Forms.Definitions;
using OneStop.Forms.Store;
using OneStop.Identity;
using OneStop.Identity.Staff;
using OneStop.Payments;
using OneStop.Payments.Fees;
using OneStop.Platform.Database;

namespace OneStop.Office.Fees;

/// <summary>
/// A service's fee schedule as the editor works on it: the schedule (null while the service charges nothing
/// online), the questions of the service's form the schedule may read, and the <see cref="Token"/> naming exactly
/// the stored text, so a save based on an outdated page is refused instead of overwriting another change.
/// </summary>
public sealed record FeeCopy(Service Service, FeeDefinition? Definition, IReadOnlyList<FieldDefinition> Fields, bool FormKnown, string Token)
{
    public string Slug => Service.Slug;
    public string DepartmentCode => Service.Department.Code;

    /// <summary>What FeeCheck checks references against; null when the service has no published form to check with.</summary>
    public IReadOnlySet<string>? FieldIds => FormKnown ? Fields.Select(f => f.Id).ToHashSet() : null;

    public FieldDefinition? Field(string id) => Fields.FirstOrDefault(f => f.Id == id);
}

/// <summary>Finds a service the caller may price, and saves the editor's changes through <see cref="FeeSchedules"/>.</summary>
public sealed partial class FeeEditor(OneStopDb db, FeeSchedules schedules, FormStore forms)
{
    /// <summary>
    /// The service's copy when the caller may edit it: a department administrator their own department's services
    /// (another's is not found), a platform administrator any service.
    /// </summary>
    public async Task<FeeCopy?> LoadAsync(ClaimsPrincipal user, string slug, CancellationToken cancellationToken)
    {
        var services = db.Services.AsNoTracking().Include(s => s.Department);
        var visible = user.StaffRole() == StaffRole.PlatformAdmin ? services : services.InDepartmentOf(user, s => s.Department.Code);
        if (await visible.SingleOrDefaultAsync(s => s.Slug == slug, cancellationToken) is not { } service) return null;
        var json = await db.Set<FeeSchedule>().AsNoTracking().Where(f => f.ServiceSlug == slug).Select(f => f.Definition).SingleOrDefaultAsync(cancellationToken);
        var form = service.StartFormId is null ? null : await forms.CurrentAsync(service.StartFormId, cancellationToken);
        var fields = form?.Definition.AllFields.Where(f => f.HasAnswer).ToList() ?? [];
        return new FeeCopy(service, json is null ? null : FeeJson.Parse(json, out _), fields, form is not null, TokenOf(json));
    }

    /// <summary>
    /// Saves <paramref name="changed"/> unless it brings in a problem; returns the problems it brings in. A problem the
    /// stored schedule already has (a question since taken off the form) does not block fixing something else, but
    /// every other problem does; <paramref name="strict"/> (a whole uploaded schedule) refuses any problem.
    /// </summary>
    public async Task<IReadOnlyList<FeeProblem>> SaveAsync(FeeCopy copy, FeeDefinition changed, Guid? actorId, bool strict, CancellationToken cancellationToken)
    {
        var problems = FeeCheck.Run(changed, copy.FieldIds);
        var before = strict || copy.Definition is null ? [] : FeeCheck.Run(copy.Definition, copy.FieldIds).Select(p => Key(copy.Definition, p)).ToHashSet();
        var brought = problems.Where(p => !before.Contains(Key(changed, p))).ToList();
        if (brought.Count > 0) return brought;
        await schedules.SaveAsync(copy.Slug, copy.DepartmentCode, changed, actorId, cancellationToken);
        return [];
    }

    public Task<bool> RemoveAsync(FeeCopy copy, Guid? actorId, CancellationToken cancellationToken) =>
        schedules.RemoveAsync(copy.Slug, actorId, cancellationToken);

    /// <summary>A problem named by the id of the item or concession it is on rather than its place, which an edit can shift.</summary>
    private static string Key(FeeDefinition fees, FeeProblem problem)
    {
        var path = Place().Replace(problem.Path, m =>
        {
            var index = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            var id = m.Groups[1].Value == "items" ? fees.Items.ElementAtOrDefault(index)?.Id : fees.Concessions.ElementAtOrDefault(index)?.Id;
            return $"{m.Groups[1].Value}[{id}]";
        });
        return $"{path}|{problem.Code}|{string.Join(",", problem.Arguments)}";
    }

    /// <summary>Where a problem's path points on the editor: the item's or concession's id, or null for the schedule itself.</summary>
    public static (string Kind, string Id, string? Part)? Locate(FeeDefinition fees, FeeProblem problem)
    {
        if (Place().Match(problem.Path) is not { Success: true } m) return null;
        var index = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        var id = m.Groups[1].Value == "items" ? fees.Items.ElementAtOrDefault(index)?.Id : fees.Concessions.ElementAtOrDefault(index)?.Id;
        var rest = problem.Path[m.Length..].TrimStart('.');
        return id is null ? null : (m.Groups[1].Value, id, rest.Length == 0 ? null : rest);
    }

    [GeneratedRegex(@"^(items|concessions)\[(\d+)\]")] private static partial Regex Place();

    private static string TokenOf(string? json) =>
        json is null ? "none" : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json)))[..16];
}
