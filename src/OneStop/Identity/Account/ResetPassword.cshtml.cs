using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using OneStop.Platform.Audit;
using OneStop.Platform.Localisation;
using OneStop.Platform.Web.Forms;

namespace OneStop.Identity.Account;

/// <summary>
/// Choose a new password from the emailed link. Resetting changes the security stamp, which ends every
/// other session, and clears any lockout.
/// </summary>
[EnableRateLimiting(IdentitySetup.AttemptsPolicy)]
public sealed class ResetPasswordModel(UserManager<OneStopUser> users, AccountMail mail, AuditLog audit, Text text,
    IOptions<IdentityModuleOptions> options) : FormPageModel
{
    [BindProperty(SupportsGet = true, Name = "user")] public Guid UserId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? ConfirmPassword { get; set; }

    public int MinimumLength => options.Value.PasswordMinimumLength;
    public bool Invalid { get; private set; }

    public void OnGet() => Invalid = UserId == Guid.Empty || string.IsNullOrEmpty(Code);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = UserId == Guid.Empty ? null : await users.FindByIdAsync(UserId.ToString());
        if (user is null || string.IsNullOrEmpty(Code))
        {
            Invalid = true;
            return Page();
        }
        var check = Passwords.PasswordRules.Check(Password ?? "", user.Email, MinimumLength);
        if (string.IsNullOrEmpty(Password)) AddError(nameof(Password), text["account.error.passwordMissing"]);
        else if (!check.Succeeded) AddError(nameof(Password), PasswordErrors.Describe(text, check, MinimumLength));
        else if (Password != ConfirmPassword) AddError(nameof(ConfirmPassword), text["account.error.passwordsDiffer"]);
        if (HasErrors) return Page();

        var result = await users.ResetPasswordAsync(user, Code, Password!);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))) Invalid = true;
            else AddError(nameof(Password), PasswordErrors.Describe(text, result, MinimumLength));
            return Page();
        }
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await audit.RecordNowAsync(AuditEvents.PasswordReset, user.Id, user.Id, cancellationToken: cancellationToken);
        await mail.SendSecurityNoticeAsync(user, "mail.passwordChanged", cancellationToken);
        return RedirectToPage("SignIn", new { reset = true });
    }
}
