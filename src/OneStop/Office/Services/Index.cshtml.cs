using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Catalogue;
using OneStop.Identity.Staff;
using OneStop.Platform.Database;

namespace OneStop.Office.Services;

/// <summary>The caller's department's services; department administrators can edit them and upload a file.</summary>
[Authorize(Policy = StaffPolicies.Officer)]
public sealed class IndexModel(OneStopDb db) : PageModel
{
    public IReadOnlyList<Service> Services { get; private set; } = [];
    public bool CanEdit => User.StaffRole()?.Includes(StaffRole.DepartmentAdmin) == true;
    [Microsoft.AspNetCore.Mvc.TempData] public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Services = await db.Services.AsNoTracking().InDepartmentOf(User, s => s.Department.Code)
            .OrderBy(s => s.Slug).ToListAsync(cancellationToken);
}
