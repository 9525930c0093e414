using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OneStop.Identity.Consent;

/// <summary>Confirm, then withdraw one consent. Someone else's receipt is 404: its id tells nothing.</summary>
[Authorize]
public sealed class RevokeModel(ConsentReceipts receipts) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public ConsentReceipt Receipt { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var receipt = (await receipts.ListAsync(User.UserId()!.Value, cancellationToken)).FirstOrDefault(r => r.Id == Id);
        if (receipt is null) return NotFound();
        if (receipt.RevokedAt is not null) return RedirectToPage("Receipts");
        Receipt = receipt;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var me = User.UserId()!.Value;
        if (!await receipts.RevokeAsync(me, Id, cancellationToken))
        {
            // Already revoked is fine (a double click); not theirs is 404.
            return (await receipts.ListAsync(me, cancellationToken)).Any(r => r.Id == Id) ? RedirectToPage("Receipts") : NotFound();
        }
        TempData[ReceiptsModel.RevokedKey] = true;
        return RedirectToPage("Receipts");
    }
}
