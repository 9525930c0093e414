using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Identity.Staff;
using OneStop.Payments.Fees;

namespace OneStop.Office.Fees;

/// <summary>The service's fee schedule as a JSON file, as stored (what an upload of it gives back); none is not found.</summary>
[Authorize(Policy = FeeEditorModule.Policy)]
public sealed class DownloadModel(FeeEditor editor) : PageModel
{
    public async Task<IActionResult> OnGetAsync([FromRoute] string slug, CancellationToken cancellationToken)
    {
        if (await editor.LoadAsync(User, slug, cancellationToken) is not { Definition: { } fees }) return NotFound();
        return File(Encoding.UTF8.GetBytes(FeeJson.Write(fees)), "application/json", $"{slug}-fees.json");
    }
}
