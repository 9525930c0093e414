using Microsoft.AspNetCore.Mvc;
using OneStop.Platform.Audit;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;

namespace OneStop.Identity.Profile;

/// <summary>
/// The identity card number, checked with its check digit. Typing it here does not prove it: only
/// verification does, and only a verified number reserves the card for this account.
/// </summary>
public sealed class EditIdentityCardModel(ProfileStore profiles, AuditLog audit, OneStopDb db, Text text) : ProfilePage(profiles, audit, db, text)
{
    [BindProperty] public string? IdentityCard { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        IdentityCard = Details.IdentityCardNumber?.ToString();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (IsLocked(ProfileFields.IdentityCard)) return Page();
        HongKongId? card = null;
        if (!string.IsNullOrWhiteSpace(IdentityCard))
        {
            card = HongKongId.Parse(IdentityCard);
            if (card is null) AddError(nameof(IdentityCard), Text["profile.error.hkidInvalid"]);
        }
        if (HasErrors) return Page();
        Details.IdentityCard = card?.Compact;
        return await SaveAsync([ProfileFields.IdentityCard], cancellationToken);
    }
}
