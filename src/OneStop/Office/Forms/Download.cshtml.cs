using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Identity.Staff;

namespace OneStop.Office.Forms;

/// <summary>One version's definition as a JSON file, exactly as stored (what an upload of it would give back).</summary>
[Authorize(Policy = StaffPolicies.Officer)]
public sealed class DownloadModel(FormDrafts drafts) : PageModel
{
    public async Task<IActionResult> OnGetAsync([FromRoute] string id, [FromRoute] int version, CancellationToken cancellationToken)
    {
        if (await drafts.FindAsync(User, id, cancellationToken) is null) return NotFound();
        if (await drafts.VersionAsync(id, version, cancellationToken) is not { } found) return NotFound();
        return File(Encoding.UTF8.GetBytes(found.Row.Definition), "application/json", $"{id}-v{version}.json");
    }
}
