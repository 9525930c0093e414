using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using OneStop.Forms.Filling;
using OneStop.Identity;
using OneStop.Platform.Localisation;

namespace OneStop.Forms.Guests;

/// <summary>
/// Where a resume link lands. Opening it (GET) only shows a button, so mail scanners that follow links
/// change nothing; the button (POST) gives this browser the draft's secret and carries on at the first
/// page with something to answer. A wrong, replaced or expired link, and a draft that is not there, all
/// get the same "link not valid" page.
/// </summary>
[EnableRateLimiting(IdentitySetup.AttemptsPolicy)]
public sealed class ResumeModel(ResumeLinks links) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Secret { get; set; }

    public Journey? Journey { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid draftId, CancellationToken cancellationToken)
    {
        Journey = await links.FindAsync(draftId, Secret, cancellationToken);
        return Answer();
    }

    public async Task<IActionResult> OnPostAsync(Guid draftId, CancellationToken cancellationToken)
    {
        Journey = await links.FindAsync(draftId, Secret, cancellationToken);
        if (Journey is null) return Answer();
        await links.ResumeAsync(HttpContext, Journey, Secret!, cancellationToken);
        return Redirect(Url.Content("~" + Journey.ContinuePath));
    }

    private PageResult Answer()
    {
        if (Journey is null) Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    public string Title(Text text) => Journey is null ? text["forms.guests.resume.invalidTitle"] : text["forms.guests.resume.title"];
}
