using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Forms;
using OneStop.Identity.Staff;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;

namespace OneStop.Office.Forms;

/// <summary>The caller's department's forms; officers see them, department administrators also change them.</summary>
[Authorize(Policy = StaffPolicies.Officer)]
public sealed class IndexModel(OneStopDb db) : PageModel
{
    public sealed record Row(string Id, LocalisedText Title, int? PublishedVersion, bool HasDraft, bool Retired);

    public IReadOnlyList<Row> Forms { get; private set; } = [];
    public bool CanEdit => User.StaffRole()?.Includes(StaffRole.DepartmentAdmin) == true;
    [TempData] public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Forms = await db.Set<Form>().AsNoTracking().InDepartmentOf(User, f => f.DepartmentCode)
            .OrderBy(f => f.Id)
            .Select(f => new Row(f.Id, f.Title, f.PublishedVersion,
                db.Set<FormVersion>().Any(v => v.FormId == f.Id && v.State == VersionState.Draft), f.RetiredAt != null))
            .ToListAsync(cancellationToken);
}
