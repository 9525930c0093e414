using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OneStop.Documents.Lifecycle;
using OneStop.Identity.Staff;
using OneStop.Platform.Localisation;
using OneStop.Platform.Web.Forms;

namespace OneStop.Office.Documents;

/// <summary>
/// One document of the department: number and versions, the holder, state (expired included), dates, the signing
/// key, how the holder chose to receive it, its audit trail, and the forms the officer's role allows — re-issue for
/// every officer; revoke (with a reason) and renew for supervisors and department administrators. Each form posts
/// the revision the officer saw, so acting on a document that has just changed says so instead of acting twice.
/// </summary>
[Authorize(Policy = StaffPolicies.Officer)]
public sealed class ShowModel(OfficeDocumentReader reader, DocumentActions actions, Text text, TimeProvider clock) : FormPageModel
{
    /// <summary>Nullable: a form without it (not from this page) is treated as stale, never acted on.</summary>
    [BindProperty] public int? Revision { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [TempData] public string? Done { get; set; }

    public OfficeDocumentView View { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public bool MayRevoke => DocumentActions.MayRevoke(User);
    public bool MayRenew => DocumentActions.MayRenew(User);
    public bool MayReissue => DocumentActions.MayReissue(User);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => await ShowAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        // Officers see documents but do not revoke them: refused before anything is looked up.
        if (!MayRevoke) return Forbid();
        return await AfterAsync(id, await actions.RevokeAsync(User, id, Revision, Reason, cancellationToken), "revoked", cancellationToken);
    }

    public async Task<IActionResult> OnPostReissueAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!MayReissue) return Forbid();
        return await AfterAsync(id, await actions.ReissueAsync(User, id, Revision, cancellationToken), "reissued", cancellationToken);
    }

    public async Task<IActionResult> OnPostRenewAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!MayRenew) return Forbid();
        return await AfterAsync(id, await actions.RenewAsync(User, id, Revision, cancellationToken), "renewed", cancellationToken);
    }

    /// <summary>Done: to the document as it now is (the new version after a re-issue or renewal). Otherwise the page again with the reason, input kept.</summary>
    private async Task<IActionResult> AfterAsync(Guid id, LifecycleResult result, string done, CancellationToken cancellationToken)
    {
        switch (result)
        {
            case LifecycleResult.Done finished:
                Done = done;
                return Redirect(Url.Content("~/office/documents/" + finished.Document.Id));
            case LifecycleResult.NotFound:
                return NotFound();
            case LifecycleResult.Forbidden:
                return Forbid();
            case LifecycleResult.Stale:
                AddError("", text["lifecycle.office.stale"]);
                break;
            case LifecycleResult.Refused refused:
                AddError(refused.Field ?? "", text["lifecycle.refused." + refused.Code]);
                break;
        }
        return await ShowAsync(id, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await reader.LoadAsync(User, id, cancellationToken) is not { } view) return NotFound();
        View = view;
        Today = HongKongTime.Today(clock);
        // After a failed post the forms carry the document as it is now: a second try goes with the current revision.
        Revision = view.Document.Revision;
        ModelState.Remove(nameof(Revision));
        return Page();
    }

    /// <summary>The first day of the validity a renewal would give now, for the renew form's words.</summary>
    public DateOnly? RenewalStart => View.Document.ValidUntil is { } until ? DocumentActions.RenewalStart(until, Today) : null;
}
