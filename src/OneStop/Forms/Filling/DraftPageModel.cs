using Microsoft.AspNetCore.Mvc;
using OneStop.Identity.Factors;
using OneStop.Platform.Web.Forms;

namespace OneStop.Forms.Filling;

/// <summary>
/// A page about one draft. Opening it answers 404 for a draft that does not exist or is another person's,
/// sends a signed-out person to sign in first, and a session below the service's level through step-up.
/// </summary>
public abstract class DraftPageModel(DraftAccess access) : FormPageModel
{
    public Journey Journey { get; private set; } = null!;

    /// <summary>Null when the page may go on with <see cref="Journey"/>; otherwise the answer to give instead.</summary>
    protected async Task<IActionResult?> OpenAsync(Guid draftId, bool forSent, CancellationToken cancellationToken)
    {
        switch (await access.OpenAsync(HttpContext, draftId, cancellationToken))
        {
            case DraftOpening.Found found:
                Journey = found.Journey;
                if (Journey.Sent != forSent) return GoTo(forSent ? Journey.ContinuePath : Journey.SentPath);
                return null;
            case DraftOpening.NeedsStepUp stepUp:
                return Redirect(Request.PathBase + StepUp.Url(stepUp.Level, Request.PathBase + Request.Path + Request.QueryString));
            default:
                return User.Identity?.IsAuthenticated == true ? NotFound() : Challenge();
        }
    }

    /// <summary>A redirect to an app path in the person's language.</summary>
    protected IActionResult GoTo(string path) => Redirect(Url.Content("~" + path));
}
