using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Identity;
using OneStop.Platform.Storage;

namespace OneStop.Documents.Wallet;

/// <summary>The holder's document as its signed PDF. Another person's is 404.</summary>
[Authorize]
public sealed class DownloadModel(MyDocuments mine, IFileStore store) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (User.UserId() is not { } userId || await mine.FindAsync(userId, id, cancellationToken) is not { } document) return NotFound();
        return await DocumentFiles.SendAsync(Response, store, document, cancellationToken);
    }
}
