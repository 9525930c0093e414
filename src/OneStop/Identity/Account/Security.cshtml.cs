using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OneStop.Platform.Audit;
using OneStop.Platform.Localisation;
using OneStop.Platform.Web.Forms;

namespace OneStop.Identity.Account;

/// <summary>
/// Password and sessions. Changing the password or signing out everywhere changes the security stamp:
/// every session on every device ends within Identity:SessionCheckInterval.
/// </summary>
[Authorize]
public sealed class SecurityModel(UserManager<OneStopUser> users, SignInManager<OneStopUser> signIn, AccountMail mail,
    AuditLog audit, Text text, IOptions<IdentityModuleOptions> options) : FormPageModel
{
    [BindProperty] public string? CurrentPassword { get; set; }
    [BindProperty] public string? NewPassword { get; set; }
    [BindProperty] public string? ConfirmPassword { get; set; }
    [TempData] public string? Done { get; set; }

    public int MinimumLength => options.Value.PasswordMinimumLength;

    public void OnGet() { }

    public async Task<IActionResult> OnPostPasswordAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (string.IsNullOrEmpty(CurrentPassword)) AddError(nameof(CurrentPassword), text["account.error.passwordMissing"]);
        var check = Passwords.PasswordRules.Check(NewPassword ?? "", user.Email, MinimumLength);
        if (string.IsNullOrEmpty(NewPassword)) AddError(nameof(NewPassword), text["account.error.passwordMissing"]);
        else if (!check.Succeeded) AddError(nameof(NewPassword), PasswordErrors.Describe(text, check, MinimumLength));
        else if (NewPassword != ConfirmPassword) AddError(nameof(ConfirmPassword), text["account.error.passwordsDiffer"]);
        if (HasErrors) return Page();

        var result = await users.ChangePasswordAsync(user, CurrentPassword!, NewPassword!);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
                AddError(nameof(CurrentPassword), text["account.error.currentPasswordWrong"]);
            else AddError(nameof(NewPassword), PasswordErrors.Describe(text, result, MinimumLength));
            return Page();
        }
        await audit.RecordNowAsync(AuditEvents.PasswordChanged, user.Id, user.Id, cancellationToken: cancellationToken);
        await mail.SendSecurityNoticeAsync(user, "mail.passwordChanged", cancellationToken);
        // Other devices are signed out by the new stamp; this one keeps going with a fresh cookie.
        await signIn.RefreshSignInAsync(user);
        Done = "password";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSignOutEverywhereAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        await users.UpdateSecurityStampAsync(user);
        await audit.RecordNowAsync(AuditEvents.SignedOutEverywhere, user.Id, user.Id, cancellationToken: cancellationToken);
        await signIn.SignOutAsync();
        return RedirectToPage("SignedOut");
    }
}
