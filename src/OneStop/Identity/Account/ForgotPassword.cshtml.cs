using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using OneStop.Platform.Audit;
using OneStop.Platform.Localisation;
using OneStop.Platform.Web.Forms;

namespace OneStop.Identity.Account;

/// <summary>Ask for a reset link. The page reads the same whether or not the address has an account.</summary>
[EnableRateLimiting(IdentitySetup.AttemptsPolicy)]
public sealed class ForgotPasswordModel(UserManager<OneStopUser> users, AccountMail mail, AuditLog audit, Text text) : FormPageModel
{
    [BindProperty] public string? Email { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Email = Email?.Trim();
        if (!EmailAddress.IsValid(Email))
        {
            AddError(nameof(Email), text[string.IsNullOrEmpty(Email) ? "account.error.emailMissing" : "account.error.emailInvalid"]);
            return Page();
        }
        if (await users.FindByEmailAsync(Email!) is { EmailConfirmed: true } user)
        {
            await audit.RecordNowAsync(AuditEvents.PasswordResetRequested, null, user.Id, cancellationToken: cancellationToken);
            await mail.SendPasswordResetAsync(user, await users.GeneratePasswordResetTokenAsync(user), cancellationToken);
        }
        return RedirectToPage("CheckEmail");
    }
}
