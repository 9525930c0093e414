using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Identity;

namespace OneStop.Documents.Wallet;

/// <summary>My documents: every document issued to the person, newest first.</summary>
[Authorize]
public sealed class WalletModel(MyDocuments mine) : PageModel
{
    public IReadOnlyList<WalletEntry> Documents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.UserId() is not { } userId) return Challenge();
        Documents = await mine.ListAsync(userId, cancellationToken);
        return Page();
    }
}
