using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Forms;
using OneStop.Forms.Store;
using OneStop.Identity;
using OneStop.Identity.Staff;
using OneStop.Platform.Database;

namespace OneStop.Office.Forms;

/// <summary>Stops a form taking new applications, after a confirmation. Retiring a retired form changes nothing.</summary>
[Authorize(Policy = StaffPolicies.DepartmentAdmin)]
public sealed class RetireModel(FormDrafts drafts, FormVersions versions, OneStopDb db) : PageModel
{
    public Form Form { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromRoute] string id, CancellationToken cancellationToken)
    {
        if (await drafts.FindAsync(User, id, cancellationToken) is not { } form) return NotFound();
        Form = form;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] string id, CancellationToken cancellationToken)
    {
        if (await drafts.FindAsync(User, id, cancellationToken) is null) return NotFound();
        if (await versions.RetireAsync(id, User.UserId(), cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
            TempData["Done"] = "retired";
        }
        return Redirect(Url.Content($"~/office/forms/{id}"));
    }
}
