using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Identity;

namespace OneStop.Forms.Filling;

/// <summary>My applications: drafts not yet sent (continue or delete) and applications sent.</summary>
[Authorize]
public sealed class ApplicationsModel(MyDrafts mine) : PageModel
{
    public List<DraftSummary> Drafts { get; private set; } = [];
    public List<SentSummary> Sent { get; private set; } = [];
    [BindProperty(SupportsGet = true)] public bool Deleted { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.UserId() is not { } userId) return Challenge();
        Drafts = await mine.UnsentAsync(userId, null, cancellationToken);
        Sent = await mine.SentAsync(userId, cancellationToken);
        return Page();
    }
}
