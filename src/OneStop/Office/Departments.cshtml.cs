using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Catalogue;
using OneStop.Identity.Staff;
using OneStop.Platform.Database;

namespace OneStop.Office;

/// <summary>The catalogue's departments with their services and staff, for platform administrators, who add and edit them.</summary>
[Authorize(Policy = StaffPolicies.PlatformAdmin)]
public sealed class DepartmentsModel(OneStopDb db) : PageModel
{
    public sealed record Row(Department Department, int Services, int Staff);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    [Microsoft.AspNetCore.Mvc.TempData] public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Code).ToListAsync(cancellationToken);
        var services = await db.Services.GroupBy(s => s.DepartmentId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var staff = await db.Set<StaffMember>().Where(s => s.DepartmentCode != null).GroupBy(s => s.DepartmentCode!)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        Rows = departments.Select(d => new Row(d, services.GetValueOrDefault(d.Id), staff.GetValueOrDefault(d.Code))).ToList();
    }
}
