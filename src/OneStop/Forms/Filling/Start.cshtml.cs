using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Identity;
using OneStop.Identity.Factors;
using OneStop.Platform.Database;

namespace OneStop.Forms.Filling;

/// <summary>
/// <c>/services/{slug}/apply</c>: what applying involves, the person's drafts of this form to continue, and
/// "Start a new application". People without an account may apply only where the service allows guests;
/// account holders below the service's level go through step-up first.
/// </summary>
public sealed class StartModel(StartApplication start, MyDrafts drafts, OneStopDb db, TimeProvider clock) : PageModel
{
    public ApplyableService Applying { get; private set; } = null!;
    public List<DraftSummary> Drafts { get; private set; } = [];
    public bool SignedIn => User.Identity?.IsAuthenticated == true;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (await GateAsync(slug, cancellationToken) is { } refusal) return refusal;
        Drafts = SignedIn
            ? await drafts.UnsentAsync(User.UserId()!.Value, Applying.Form.FormId, cancellationToken)
            : await drafts.GuestUnsentAsync(Request, Applying.Form.FormId, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        if (await GateAsync(slug, cancellationToken) is { } refusal) return refusal;
        var draft = start.Create(Applying, User.UserId());
        if (!SignedIn) DraftAccess.GiveGuestSecret(HttpContext, draft);
        await db.SaveChangesAsync(cancellationToken);
        var journey = new Journey(draft, Applying.Form, [], Platform.Localisation.HongKongTime.Today(clock));
        var first = Prefill.Prefills.Offers(journey) ? Prefill.Prefills.PrefillPath(draft.Id) : journey.PagePath(journey.ShownPages[0]);
        return Redirect(Url.Content("~" + first));
    }

    private async Task<IActionResult?> GateAsync(string slug, CancellationToken cancellationToken)
    {
        if (await start.FindAsync(slug, cancellationToken) is not { } applying) return NotFound();
        Applying = applying;
        if (!SignedIn) return applying.Service.AllowsGuests ? null : Challenge();
        if (User.UserId() is null) return Challenge();
        if (Assurance.Of(User) < applying.RequiredLevel)
            return Redirect(Request.PathBase + StepUp.Url(applying.RequiredLevel, Request.PathBase + Request.Path + Request.QueryString));
        return null;
    }
}
