using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Identity.Staff;

namespace OneStop.Office.Workflows;

/// <summary>The caller's department's services, each with the workflow its cases run on and any draft.</summary>
[Authorize(Policy = StaffPolicies.DepartmentAdmin)]
public sealed class IndexModel(WorkflowDrafts drafts) : PageModel
{
    public IReadOnlyList<WorkflowRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Rows = await drafts.ListAsync(User, cancellationToken);
}
