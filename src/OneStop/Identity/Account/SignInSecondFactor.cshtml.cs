using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using OneStop.Identity.Factors;
using OneStop.Platform.Audit;
using OneStop.Platform.Localisation;
using OneStop.Platform.Web.Forms;

namespace OneStop.Identity.Account;

/// <summary>
/// The second step of a password sign-in for an account with an authenticator app: a code from the app, a
/// recovery code, or (with JavaScript) a passkey. Wrong codes count towards the same lockout as wrong
/// passwords. Part of the factors slice (Identity/Factors); it lives here because SignIn redirects to it.
/// </summary>
[EnableRateLimiting(IdentitySetup.AttemptsPolicy)]
public sealed class SignInSecondFactorModel(SignInManager<OneStopUser> signIn, UserManager<OneStopUser> users, SessionMethods session,
    PasskeyCeremony ceremony, AuditLog audit, Text text, TimeProvider clock) : FormPageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Credential { get; set; }
    [BindProperty] public string? State { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public PasskeyCeremony.Begun? PasskeyRequest { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user) return StartAgain();
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user) return StartAgain();
        var code = FactorPages.Normalise(Code);
        if (code.Length == 0)
        {
            AddError(nameof(Code), text["factors.error.codeMissing"]);
        }
        else if (await users.IsLockedOutAsync(user))
        {
            AddError(nameof(Code), LockedOutMessage(user));
        }
        else
        {
            var isAppCode = FactorPages.IsAuthenticatorCode(code);
            var passed = isAppCode
                ? await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code)
                : (await users.RedeemTwoFactorRecoveryCodeAsync(user, FactorPages.RecoveryCode(code))).Succeeded;
            if (passed)
            {
                // A recovery code gets the person in, but is not the app: the session stays below Advanced.
                return await PassedAsync(user, isAppCode ? "otp" : "recovery-code", cancellationToken,
                    isAppCode ? [SessionMethods.OneTimePassword, SessionMethods.Password] : [SessionMethods.Password, SessionMethods.MultiFactor]);
            }
            await FailedAsync(user, isAppCode ? "otp" : "recovery-code", cancellationToken);
        }
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostPasskeyAsync(CancellationToken cancellationToken)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user) return StartAgain();
        if (await users.IsLockedOutAsync(user))
        {
            AddError(nameof(Code), LockedOutMessage(user));
        }
        else if (await ceremony.FinishRequestAsync(user.Id, Credential, State) is { } used)
        {
            await users.AddOrUpdatePasskeyAsync(user, used.Passkey); // its new signature count
            return await PassedAsync(user, "passkey", cancellationToken, SessionMethods.ForPasskey(used.Passkey), SessionMethods.Password);
        }
        else
        {
            await audit.RecordNowAsync(FactorEvents.SecondFactorFailed, null, user.Id, "passkey", cancellationToken);
            AddError(nameof(Code), text["factors.passkey.failed"]);
        }
        await LoadAsync(user);
        return Page();
    }

    private async Task<IActionResult> PassedAsync(OneStopUser user, string detail, CancellationToken cancellationToken, params string[] methods)
    {
        await users.ResetAccessFailedCountAsync(user);
        await HttpContext.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await session.SignInAsync(user, methods);
        audit.Record(FactorEvents.SecondFactorPassed, user.Id, user.Id, detail: detail);
        await audit.RecordNowAsync(AuditEvents.SignedIn, user.Id, user.Id, "pwd+" + detail, cancellationToken);
        LanguageCookie.Set(Response, user.PreferredLanguage);
        return LocalRedirect(FactorPages.Local(Url, ReturnUrl, "~/account"));
    }

    private async Task FailedAsync(OneStopUser user, string detail, CancellationToken cancellationToken)
    {
        await users.AccessFailedAsync(user);
        if (await users.IsLockedOutAsync(user))
        {
            audit.Record(FactorEvents.SecondFactorFailed, null, user.Id, detail: detail);
            await audit.RecordNowAsync(AuditEvents.LockedOut, null, user.Id, cancellationToken: cancellationToken);
            AddError(nameof(Code), LockedOutMessage(user));
            return;
        }
        await audit.RecordNowAsync(FactorEvents.SecondFactorFailed, null, user.Id, detail, cancellationToken);
        AddError(nameof(Code), text["factors.error.codeWrong"]);
    }

    private string LockedOutMessage(OneStopUser user)
    {
        var minutes = user.LockoutEnd is { } end ? Math.Max(1, (int)Math.Ceiling((end - clock.GetUtcNow()).TotalMinutes)) : 15;
        return text.Count("account.error.lockedOut", minutes);
    }

    private IActionResult StartAgain() => RedirectToPage("SignIn", new { returnUrl = ReturnUrl });

    private async Task LoadAsync(OneStopUser user)
    {
        if ((await users.GetPasskeysAsync(user)).Count > 0) PasskeyRequest = await ceremony.BeginRequestAsync(user);
    }
}
