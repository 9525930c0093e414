using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Documents.Desk;
using OneStop.Identity.Staff;
using OneStop.Platform.Localisation;

namespace OneStop.Office.Counters;

/// <summary>
/// The department's post queue: paper documents to send, oldest choice first, each with its address; "Mark posted"
/// takes one off the queue (once, however often it is pressed). Another department's document is not found.
/// </summary>
[Authorize(Policy = StaffPolicies.Officer)]
public sealed class PostModel(PostQueue queue, Text text) : PageModel
{
    [TempData] public string? Desk { get; set; }

    public IReadOnlyList<WaitingPost> Waiting { get; private set; } = [];
    public DeskBanner? Banner => DeskBanner.From(Desk, text);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Waiting = await queue.WaitingAsync(User, cancellationToken);

    public async Task<IActionResult> OnPostPostedAsync(Guid document, CancellationToken cancellationToken)
    {
        var result = await queue.MarkPostedAsync(User, document, cancellationToken);
        if (result.Outcome == PostOutcome.NotFound) return NotFound();
        Desk = DeskBanner.Carry(result.Outcome == PostOutcome.Done ? "posted" : "alreadyPosted", result.Number);
        return Redirect(Url.Content("~" + DeskPaths.PostQueue));
    }
}
