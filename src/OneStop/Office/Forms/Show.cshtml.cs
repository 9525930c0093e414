using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Forms;
using OneStop.Identity.Staff;
using OneStop.Platform.Localisation;

namespace OneStop.Office.Forms;

/// <summary>One form: its versions, and (for department administrators) what can be done with it.</summary>
[Authorize(Policy = StaffPolicies.Officer)]
public sealed class ShowModel(FormDrafts drafts) : PageModel
{
    public Form Form { get; private set; } = null!;
    public IReadOnlyList<FormVersion> Versions { get; private set; } = [];
    public FormVersion? Draft => Versions.FirstOrDefault(v => v.State == VersionState.Draft);
    public bool CanEdit => User.StaffRole()?.Includes(StaffRole.DepartmentAdmin) == true;
    [TempData] public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] string id, CancellationToken cancellationToken)
    {
        if (await drafts.FindAsync(User, id, cancellationToken) is not { } form) return NotFound();
        Form = form;
        Versions = await drafts.VersionsAsync(id, cancellationToken);
        return Page();
    }

    public static string When(DateTime? utc) =>
        utc is { } at ? HongKongTime.Local(new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc))).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "";

    public static string StateName(VersionState state) => state.ToString().ToLowerInvariant();
}
