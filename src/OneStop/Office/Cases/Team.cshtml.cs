using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Identity.Staff;

namespace OneStop.Office.Cases;

/// <summary>Supervisors: the team's load and the department's pledge performance.</summary>
[Authorize(Policy = StaffPolicies.Supervisor)]
public sealed class TeamModel(TeamReport report) : PageModel
{
    public TeamFigures Figures { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Figures = await report.ReadAsync(User, cancellationToken);
}
