using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OneStop.Forms.Store;
using OneStop.Identity;
using OneStop.Identity.Staff;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;

namespace OneStop.Office.Forms;

/// <summary>
/// Makes the draft the version people fill in. Only a draft without a single problem is published: the check
/// runs again on the post, whatever the page showed.
/// </summary>
[Authorize(Policy = StaffPolicies.DepartmentAdmin)]
public sealed class PublishModel(FormDrafts drafts, FormVersions versions, OneStopDb db, Text text) : EditorPageModel(drafts, text)
{
    public async Task<IActionResult> OnGetAsync([FromRoute] string id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync([FromRoute] string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        if (!Copy.IsDraft) AddError("", T["office.forms.publish.noDraft"]);
        else if (Problems.Count > 0) AddError("problems", T.Count("office.forms.publish.hasProblems", Problems.Count));
        else Current();
        if (HasErrors) return Page();

        await versions.PublishAsync(id, User.UserId(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        Done = "published";
        return Redirect(Url.Content($"~/office/forms/{id}"));
    }
}
