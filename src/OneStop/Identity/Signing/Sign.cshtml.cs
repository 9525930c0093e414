using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OneStop.Identity.Signing;

/// <summary>
/// The person sees what they are about to sign and confirms it. Advanced assurance only: a session below it is
/// sent to step up by the policy's handler. Another person's request answers 404, as a missing one does.
/// </summary>
[Authorize(Policy = AssurancePolicies.Advanced)]
public sealed class SignModel(DocumentSigning signing) : PageModel
{
    public SigningRequest Document { get; private set; } = null!;
    public bool Expired { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (User.UserId() is not { } me || await signing.FindAsync(id, me, cancellationToken) is not { } request) return NotFound();
        Document = request;
        Expired = signing.IsExpired(request);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (User.UserId() is not { } me) return NotFound();
        var outcome = await signing.SignAsync(id, me, cancellationToken);
        if (outcome == SignOutcome.NotFound) return NotFound();
        // Expired: show the page again, which says so. Signed, or signed by an earlier click: back to the caller.
        if (outcome == SignOutcome.Expired) return RedirectToPage(new { id });
        var request = (await signing.FindAsync(id, me, cancellationToken))!;
        return Redirect(Request.PathBase + request.ReturnUrl);
    }
}
