using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Cases;
using OneStop.Cases.Workflows;
using OneStop.Identity.Staff;
using OneStop.Platform.Database;

namespace OneStop.Office.Workflows;

/// <summary>
/// One version of a service's workflow as a JSON file, exactly as stored (what an upload of it gives back);
/// version 0 is the built-in default, to start a first workflow from.
/// </summary>
[Authorize(Policy = StaffPolicies.DepartmentAdmin)]
public sealed class DownloadModel(WorkflowDrafts drafts, OneStopDb db) : PageModel
{
    public async Task<IActionResult> OnGetAsync([FromRoute] string slug, [FromRoute] int version, CancellationToken cancellationToken)
    {
        if (await drafts.ServiceAsync(User, slug, cancellationToken) is null) return NotFound();
        var json = version == DefaultWorkflow.Version
            ? WorkflowJson.Write(DefaultWorkflow.Definition)
            : await db.Set<WorkflowVersion>().AsNoTracking().Where(v => v.ServiceSlug == slug && v.Version == version).Select(v => v.Definition).SingleOrDefaultAsync(cancellationToken);
        if (json is null) return NotFound();
        return File(Encoding.UTF8.GetBytes(json), "application/json", $"{slug}-workflow-v{version}.json");
    }
}
