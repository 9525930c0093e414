using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Platform.Storage;

namespace OneStop.Documents.Wallet;

/// <summary>The shared document's PDF, while the link works; 404 after.</summary>
public sealed class SharedDownloadModel(DocumentShares shares, IFileStore store) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        if (await shares.OpenAsync(token, cancellationToken) is not { } document) return NotFound();
        return await DocumentFiles.SendAsync(Response, store, document, cancellationToken);
    }
}
