using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OneStop.Platform.Localisation;
using OneStop.Platform.Web.Forms;

namespace OneStop.Identity.Signing;

/// <summary>
/// The person's signing certificates, and revocation of the current one. Any signed-in session may revoke:
/// someone who fears their account was misused must be able to stop it signing without a second factor.
/// </summary>
[Authorize]
public sealed class CertificatesModel(SigningCertificates certificates, TimeProvider clock, Text text) : FormPageModel
{
    public static readonly RevocationReason[] Reasons = [RevocationReason.KeyCompromise, RevocationReason.Superseded, RevocationReason.CessationOfOperation];

    public IReadOnlyList<SigningCertificate> All { get; private set; } = [];
    public SigningCertificate? Current { get; private set; }
    public DateTimeOffset Now { get; private set; }

    [BindProperty] public Guid CertificateId { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [TempData] public bool Revoked { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.UserId() is not { } me) return Challenge();
        await LoadAsync(me, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (User.UserId() is not { } me) return Challenge();
        var reason = Reasons.Where(r => SigningApi.Kebab(r) == Reason).Cast<RevocationReason?>().FirstOrDefault();
        if (reason is null)
        {
            AddError(nameof(Reason), text["signing.certificates.error.reason"]);
            await LoadAsync(me, cancellationToken);
            return Page();
        }
        // Not theirs, or already revoked (a second click): either way there is nothing more to do.
        await certificates.RevokeAsync(me, CertificateId, reason.Value, cancellationToken);
        Revoked = true;
        return RedirectToPage();
    }

    private async Task LoadAsync(Guid me, CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow();
        All = await certificates.ListAsync(me, cancellationToken);
        Current = All.FirstOrDefault(c => c.StatusAt(Now) == CertificateStatus.Good);
    }
}
