using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OneStop.Documents.Verifying;
using OneStop.Identity.Staff;
using OneStop.Platform.Web;
using OneStop.Platform.Web.Forms;

namespace OneStop.Office.Documents;

/// <summary>
/// The department's issued documents: a GET search (document number or application reference, state) and one
/// keyset page of results, newest first, with Older/Newer links that keep the search.
/// </summary>
[Authorize(Policy = StaffPolicies.Officer)]
public sealed class IndexModel(OfficeDocumentSearch search, TimeProvider clock) : FormPageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? State { get; set; }
    [BindProperty(SupportsGet = true)] public string? Older { get; set; }
    [BindProperty(SupportsGet = true)] public string? Newer { get; set; }

    public DocumentResults Results { get; private set; } = new([], null, null);
    public DateOnly Today { get; private set; }

    public static readonly VerifiedState[] States = Enum.GetValues<VerifiedState>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = OneStop.Platform.Localisation.HongKongTime.Today(clock);
        var state = Enum.TryParse<VerifiedState>(State, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : (VerifiedState?)null;
        Results = await search.PageAsync(User, new DocumentFilter(Q, state), Older, Newer, cancellationToken);
    }

    /// <summary>This search with the given cursors.</summary>
    public string Link(string? older, string? newer) => PageLinks.With(Url.Content("~/office/documents"),
        ("q", Q), ("state", State), ("older", older), ("newer", newer));

    public string DocumentLink(Guid id) => Url.Content("~/office/documents/" + id);

    public static string StateName(VerifiedState state) => VerificationResult.StateName(state);
}
