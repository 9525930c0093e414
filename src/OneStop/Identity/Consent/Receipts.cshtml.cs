using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OneStop.Identity.Consent;

/// <summary>Who the person has let have their details: every receipt, valid or not, newest first.</summary>
[Authorize]
public sealed class ReceiptsModel(ConsentReceipts receipts, TimeProvider clock) : PageModel
{
    public const string RevokedKey = "ConsentRevoked";

    public IReadOnlyList<ConsentReceipt> Receipts { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }
    public bool Revoked { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Receipts = await receipts.ListAsync(User.UserId()!.Value, cancellationToken);
        Now = clock.GetUtcNow();
        Revoked = TempData[RevokedKey] is true;
    }

    /// <summary>active, expired or revoked: the status key in the strings files.</summary>
    public string Status(ConsentReceipt receipt) => receipt.RevokedAt is not null ? "revoked" : receipt.IsValidAt(Now) ? "active" : "expired";
}
