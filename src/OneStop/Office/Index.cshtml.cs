using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Identity.Staff;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;

namespace OneStop.Office;

/// <summary>The back-office home: who you are here, your department, and what your role lets you do.</summary>
[Authorize(Policy = StaffPolicies.Staff)]
public sealed class IndexModel(OneStopDb db, Microsoft.Extensions.Options.IOptions<StaffOptions> options) : PageModel
{
    public StaffRole Role { get; private set; }
    public string? DepartmentCode { get; private set; }
    public LocalisedText? DepartmentName { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Role = User.StaffRole()!.Value;
        DepartmentCode = User.StaffDepartment();
        if (DepartmentCode is not null)
            DepartmentName = await db.Departments.AsNoTracking().Where(d => d.Code == DepartmentCode).Select(d => d.Name).FirstOrDefaultAsync(cancellationToken);
    }

    public int IdleMinutes => (int)options.Value.StaffIdleTimeout.TotalMinutes;

    public bool Can(StaffRole required) => Role.Includes(required);
}
