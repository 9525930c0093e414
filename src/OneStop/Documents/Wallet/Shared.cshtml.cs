using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Documents.Verifying;

namespace OneStop.Documents.Wallet;

/// <summary>
/// What a share link shows anyone who has it: the document's verification result (no more than the document
/// prints) and its PDF, while the link works. An expired, stopped or unknown link is one and the same 404 page.
/// </summary>
public sealed class SharedModel(DocumentShares shares, DocumentStatus status) : PageModel
{
    public VerifiedDocument? Document { get; private set; }
    public string Token { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        Token = token;
        // A link is private to whoever the holder gave it: not for search engines, not for caches (its answer changes when stopped).
        Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        Response.Headers.CacheControl = "no-store";
        if (await shares.OpenAsync(token, cancellationToken) is { } document) Document = await status.ByIdAsync(document.Id, cancellationToken);
        if (Document is null) Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
