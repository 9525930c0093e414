using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using OneStop.Platform.Audit;
using OneStop.Platform.Localisation;
using OneStop.Platform.Web.Forms;

namespace OneStop.Identity.Account;

/// <summary>
/// Create an account with an email address and a password. Whether the address already has an
/// account is never shown on the page (that would tell anyone who has an account): its owner is
/// emailed instead, and the page reads the same either way.
/// </summary>
[EnableRateLimiting(IdentitySetup.AttemptsPolicy)]
public sealed class RegisterModel(UserManager<OneStopUser> users, AccountMail mail, AuditLog audit, Text text,
    IOptions<IdentityModuleOptions> options, TimeProvider clock) : FormPageModel
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? ConfirmPassword { get; set; }

    public int MinimumLength => options.Value.PasswordMinimumLength;

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Email = Email?.Trim();
        if (!EmailAddress.IsValid(Email)) AddError(nameof(Email), text[string.IsNullOrEmpty(Email) ? "account.error.emailMissing" : "account.error.emailInvalid"]);
        var passwordCheck = Passwords.PasswordRules.Check(Password ?? "", Email, MinimumLength);
        if (string.IsNullOrEmpty(Password)) AddError(nameof(Password), text["account.error.passwordMissing"]);
        else if (!passwordCheck.Succeeded) AddError(nameof(Password), PasswordErrors.Describe(text, passwordCheck, MinimumLength));
        else if (Password != ConfirmPassword) AddError(nameof(ConfirmPassword), text["account.error.passwordsDiffer"]);
        if (HasErrors) return Page();

        var existing = await users.FindByEmailAsync(Email!);
        if (existing is not null)
        {
            await mail.SendAlreadyRegisteredAsync(existing, cancellationToken);
            return RedirectToPage("CheckEmail");
        }

        var user = new OneStopUser
        {
            UserName = Email,
            Email = Email,
            PreferredLanguage = Languages.Current,
            CreatedAt = clock.GetUtcNow(),
        };
        var created = await users.CreateAsync(user, Password!);
        if (!created.Succeeded)
        {
            // A race with another registration for the same address lands here; treat it like the check above.
            if (created.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
                return RedirectToPage("CheckEmail");
            AddError(nameof(Password), PasswordErrors.Describe(text, created, MinimumLength));
            return Page();
        }
        await audit.RecordNowAsync(AuditEvents.Registered, user.Id, user.Id, cancellationToken: cancellationToken);
        await mail.SendConfirmationAsync(user, await users.GenerateEmailConfirmationTokenAsync(user), cancellationToken);
        return RedirectToPage("CheckEmail");
    }
}

internal static class EmailAddress
{
    public static bool IsValid(string? email) =>
        !string.IsNullOrEmpty(email) && email.Length <= 254 && System.Net.Mail.MailAddress.TryCreate(email, out var parsed) && parsed.Address == email
        && email.IndexOf('@') is > 0 and var at && email.IndexOf('.', at) > at + 1;
}

internal static class PasswordErrors
{
    public static string Describe(Text text, IdentityResult result, int minimumLength)
    {
        var code = result.Errors.FirstOrDefault()?.Code;
        return code switch
        {
            "password.tooShort" => text["account.error.passwordTooShort", minimumLength],
            "password.tooLong" => text["account.error.passwordTooLong", Passwords.PasswordRules.MaximumLength],
            "password.common" => text["account.error.passwordCommon"],
            "password.guessable" => text["account.error.passwordGuessable"],
            _ => text["account.error.passwordOther"],
        };
    }
}
