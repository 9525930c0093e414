using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Notifications.Templates;
using OneStop.Platform.Localisation;

namespace OneStop.Notifications.Office;

/// <summary>One event's row in the list: per language, whether this scope has its own wording.</summary>
public sealed record TemplateListRow(string Event, bool StaffFacing, IReadOnlyList<(Language Language, bool Own)> Languages);

/// <summary>
/// The events × languages of a scope (a department, or the platform's defaults), each marked with whether
/// the scope has its own wording or inherits it. Shared by the department's and the platform's list pages.
/// </summary>
public abstract class TemplateListModel(TemplateCatalogue templates) : PageModel
{
    public IReadOnlyList<TemplateListRow> Rows { get; private set; } = [];
    [Microsoft.AspNetCore.Mvc.TempData] public string? Done { get; set; }

    /// <summary>The department whose wording is listed; null for the platform's defaults.</summary>
    public abstract string? Scope { get; }

    /// <summary>Where the list's edit links go, e.g. <c>/office/notifications</c>.</summary>
    public abstract string BasePath { get; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var own = await templates.OverridesAsync(Scope, cancellationToken);
        Rows = DefaultTemplates.Events.Select(e => new TemplateListRow(e, DefaultTemplates.StaffFacing.Contains(e),
            Platform.Localisation.Languages.All.Select(l => (l, own.Contains((e, l.Tag())))).ToList())).ToList();
    }
}
