using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OneStop.Cases.Workflows;
using OneStop.Identity;
using OneStop.Identity.Staff;
using OneStop.Platform.Localisation;

namespace OneStop.Office.Workflows;

/// <summary>
/// Makes the draft the version new cases start on; cases already open keep the version they started on. Only a
/// draft without a single problem is published: the store checks again on the post, whatever the page showed.
/// </summary>
[Authorize(Policy = StaffPolicies.DepartmentAdmin)]
public sealed class PublishModel(WorkflowDrafts drafts, WorkflowStore store, Text text) : WorkflowPageModel(drafts, text)
{
    public async Task<IActionResult> OnGetAsync([FromRoute] string slug, CancellationToken cancellationToken) =>
        await LoadAsync(slug, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync([FromRoute] string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken)) return NotFound();
        if (!Copy.IsDraft) AddError("", T["office.workflows.publish.noDraft"]);
        else if (Problems.Count > 0) AddError("problems", T.Count("office.workflows.publish.hasProblems", Problems.Count));
        else Current();
        if (HasErrors) return Page();

        var refused = await store.PublishAsync(slug, User.UserId()!.Value, cancellationToken);
        if (refused.Count > 0)
        {
            // Another administrator changed the draft between our check and the store's: show what it has now.
            await LoadAsync(slug, cancellationToken);
            AddError("problems", T.Count("office.workflows.publish.hasProblems", refused.Count));
            return Page();
        }
        return RedirectTo(EditorPath(), "published");
    }
}
