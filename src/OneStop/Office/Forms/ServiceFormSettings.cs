using Microsoft.EntityFrameworkCore;
using OneStop.Forms;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;
using OneStop.Platform.Web.Forms;

namespace OneStop.Office.Forms;

/// <summary>A form a service can start with: published, not retired, of the service's department.</summary>
public sealed record StartFormChoice(string Id, LocalisedText Title, bool Retired);

/// <summary>
/// The service editor's form settings (Office/Services/Edit): which form starts the service, the OneStop ID
/// assurance level it needs, and whether people without an account may apply.
/// </summary>
public static class ServiceFormSettings
{
    public static readonly string[] Levels = ["basic", "verified", "advanced"];

    /// <summary>The department's published forms that are not retired, plus <paramref name="current"/> whatever its state, so saving other changes never drops it.</summary>
    public static Task<List<StartFormChoice>> ChoicesAsync(OneStopDb db, string department, string? current, CancellationToken cancellationToken) =>
        db.Set<Form>().AsNoTracking()
            .Where(f => f.DepartmentCode == department && (f.PublishedVersion != null && f.RetiredAt == null || f.Id == current))
            .OrderBy(f => f.Id)
            .Select(f => new StartFormChoice(f.Id, f.Title, f.RetiredAt != null))
            .ToListAsync(cancellationToken);

    /// <summary>The problems with what was chosen, as (input name, string key).</summary>
    public static List<(string Field, string Key)> Check(string? startForm, string assurance, bool guests, IReadOnlyList<StartFormChoice> choices)
    {
        var errors = new List<(string, string)>();
        if (!string.IsNullOrEmpty(startForm) && choices.All(c => c.Id != startForm)) errors.Add(("StartFormId", "office.forms.service.error.form"));
        if (!Levels.Contains(assurance)) errors.Add(("RequiredAssurance", "office.forms.service.error.assurance"));
        // A guest has no account, so no level above basic can be checked for them.
        else if (guests && assurance != "basic") errors.Add(("AllowsGuests", "office.forms.service.error.guests"));
        return errors;
    }
}

/// <summary>The settings partial's model.</summary>
public sealed record ServiceFormSettingsView(FormPageModel Page, string? StartFormId, string? RequiredAssurance, bool AllowsGuests, IReadOnlyList<StartFormChoice> Choices);
