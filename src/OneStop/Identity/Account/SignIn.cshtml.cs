using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using OneStop.Platform.Audit;
using OneStop.Platform.Localisation;
using OneStop.Platform.Web.Forms;

namespace OneStop.Identity.Account;

/// <summary>
/// Sign in with email and password. Wrong guesses count towards a lockout (per account) and a rate
/// limit (per address); an account with a second factor goes on to ask for it.
/// </summary>
[EnableRateLimiting(IdentitySetup.AttemptsPolicy)]
public sealed class SignInModel(SignInManager<OneStopUser> signIn, UserManager<OneStopUser> users, AccountMail mail,
    AuditLog audit, Text text, TimeProvider clock) : FormPageModel
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty(SupportsGet = true)] public bool Confirmed { get; set; }
    [BindProperty(SupportsGet = true)] public bool Reset { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Email = Email?.Trim();
        if (string.IsNullOrEmpty(Email)) AddError(nameof(Email), text["account.error.emailMissing"]);
        if (string.IsNullOrEmpty(Password)) AddError(nameof(Password), text["account.error.passwordMissing"]);
        if (HasErrors) return Page();

        var user = await users.FindByEmailAsync(Email!);
        if (user is null)
        {
            AddError(nameof(Email), text["account.error.wrongCredentials"]);
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.RecordNowAsync(AuditEvents.SignedIn, user.Id, user.Id, "pwd", cancellationToken);
            return SignedIn(user);
        }
        if (result.RequiresTwoFactor) return RedirectToPage("SignInSecondFactor", new { returnUrl = SafeReturnUrl });
        if (result.IsLockedOut)
        {
            await audit.RecordNowAsync(AuditEvents.LockedOut, null, user.Id, cancellationToken: cancellationToken);
            var minutes = user.LockoutEnd is { } end ? Math.Max(1, (int)Math.Ceiling((end - clock.GetUtcNow()).TotalMinutes)) : 15;
            AddError(nameof(Email), text.Count("account.error.lockedOut", minutes));
            return Page();
        }
        if (result.IsNotAllowed && !user.EmailConfirmed && await users.CheckPasswordAsync(user, Password!))
        {
            // Only the owner, who knows the password, learns the address is unconfirmed; they get a fresh link.
            await mail.SendConfirmationAsync(user, await users.GenerateEmailConfirmationTokenAsync(user), cancellationToken);
            AddError(nameof(Email), text["account.error.notConfirmed"]);
            return Page();
        }
        await audit.RecordNowAsync(AuditEvents.SignInFailed, null, user.Id, cancellationToken: cancellationToken);
        AddError(nameof(Email), text["account.error.wrongCredentials"]);
        return Page();
    }

    private string SafeReturnUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : Url.Content("~/account");

    private IActionResult SignedIn(OneStopUser user)
    {
        LanguageCookie.Set(Response, user.PreferredLanguage);
        return LocalRedirect(SafeReturnUrl);
    }
}

/// <summary>The API and un-prefixed links read this cookie; it follows the language the person chose for their account.</summary>
public static class LanguageCookie
{
    public static void Set(HttpResponse response, Language language) =>
        response.Cookies.Append(LanguagePrefixMiddleware.CookieName, language.Tag(), new CookieOptions
        {
            HttpOnly = false,
            SameSite = SameSiteMode.Lax,
            IsEssential = true,
            MaxAge = TimeSpan.FromDays(365),
        });
}
