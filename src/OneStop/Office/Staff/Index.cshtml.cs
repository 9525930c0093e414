using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Identity.Staff;

namespace OneStop.Office.Staff;

/// <summary>Everyone on the staff, for platform administrators.</summary>
[Authorize(Policy = StaffPolicies.PlatformAdmin)]
public sealed class IndexModel(StaffDirectory directory) : PageModel
{
    public IReadOnlyList<StaffListing> Staff { get; private set; } = [];

    /// <summary>What the last change was (added, invited, changed, removed), for the banner.</summary>
    [TempData] public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Staff = await directory.ListAsync(cancellationToken);
}
