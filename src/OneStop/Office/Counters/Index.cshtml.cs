using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Documents;
using OneStop.Identity.Staff;
using OneStop.Platform.Database;

namespace OneStop.Office.Counters;

/// <summary>
/// The department's counters: officers go from here to a counter's day list; department administrators also add
/// and change counters. Another department's counters are never listed.
/// </summary>
[Authorize(Policy = StaffPolicies.Officer)]
public sealed class IndexModel(OneStopDb db) : PageModel
{
    public IReadOnlyList<Counter> Counters { get; private set; } = [];
    [TempData] public string? Done { get; set; }

    public bool CanAdminister => User.StaffRole() is { } role && role.Includes(StaffRole.DepartmentAdmin);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Counters = await db.Set<Counter>().AsNoTracking().InDepartmentOf(User, c => c.DepartmentCode)
            .OrderByDescending(c => c.Active).ThenBy(c => c.Code).ToListAsync(cancellationToken);
}
