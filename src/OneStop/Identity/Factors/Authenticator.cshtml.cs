using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using OneStop.Platform.Audit;
using OneStop.Platform.Localisation;
using OneStop.Platform.Web.Forms;

namespace OneStop.Identity.Factors;

/// <summary>
/// Set up an authenticator app: show a new key (and its QR code), take one code from the app to prove it
/// is set up, then ask for a code at every password sign-in. Or remove it.
/// </summary>
[Authorize]
public sealed class AuthenticatorModel(UserManager<OneStopUser> users, IUserStore<OneStopUser> store, SessionMethods session,
    FactorRemoval removal, AuditLog audit, AccountMail mail, Text text) : FormPageModel
{
    public const string Issuer = "OneStop";

    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? ConfirmPassword { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [TempData] public string? Done { get; set; }

    public bool Enabled { get; private set; }
    public string Key { get; private set; } = "";
    public string QrCode { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        await LoadAsync(user, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (await IsEnabledAsync(user)) return RedirectToPage();
        var code = FactorPages.Normalise(Code);
        if (code.Length == 0) AddError(nameof(Code), text["factors.error.codeMissing"]);
        else if (!FactorPages.IsAuthenticatorCode(code)) AddError(nameof(Code), text["factors.error.codeFormat"]);
        else if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            AddError(nameof(Code), text["factors.error.codeWrong"]);
        if (HasErrors)
        {
            await LoadAsync(user, cancellationToken);
            return Page();
        }

        // Enabling two-factor changes the security stamp: sessions elsewhere that never gave a code end.
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodesModel.Count) ?? [];
        audit.Record(FactorEvents.AuthenticatorAdded, user.Id, user.Id);
        await audit.RecordNowAsync(FactorEvents.RecoveryCodesCreated, user.Id, user.Id, cancellationToken: cancellationToken);
        await mail.SendSecurityNoticeAsync(user, "mail.factors.authenticatorAdded", cancellationToken);
        // The code just given is a use of the app in this session.
        await session.AddAsync(user, SessionMethods.OneTimePassword);
        RecoveryCodesModel.ShowOnce(TempData, codes);
        return RedirectToPage("RecoveryCodes", new { returnUrl = ReturnUrl });
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (!await IsEnabledAsync(user)) return RedirectToPage();
        if (!await removal.PasswordConfirmsAsync(user, ConfirmPassword))
        {
            AddError(FactorRemoval.Field, text[string.IsNullOrEmpty(ConfirmPassword) ? "account.error.passwordMissing" : "factors.remove.wrongPassword"]);
            await LoadAsync(user, cancellationToken);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await KeyStore.SetAuthenticatorKeyAsync(user, null!, cancellationToken);
        await ClockedAuthenticatorTokenProvider.ForgetAsync(users, user);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        await audit.RecordNowAsync(FactorEvents.AuthenticatorRemoved, user.Id, user.Id, cancellationToken: cancellationToken);
        await mail.SendSecurityNoticeAsync(user, "mail.factors.authenticatorRemoved", cancellationToken);
        await session.AddAsync(user);
        Done = "removed";
        return RedirectToPage();
    }

    private IUserAuthenticatorKeyStore<OneStopUser> KeyStore =>
        store as IUserAuthenticatorKeyStore<OneStopUser> ?? throw new InvalidOperationException("The user store keeps no authenticator keys.");

    private async Task<bool> IsEnabledAsync(OneStopUser user) =>
        await users.GetTwoFactorEnabledAsync(user) && !string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user));

    private async Task LoadAsync(OneStopUser user, CancellationToken cancellationToken)
    {
        FactorPages.NoStore(Response);
        Enabled = await IsEnabledAsync(user);
        if (Enabled) return;
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // Not ResetAuthenticatorKeyAsync: it also changes the security stamp, which would sign the
            // person out on their other devices for merely opening this page.
            key = users.GenerateNewAuthenticatorKey();
            await KeyStore.SetAuthenticatorKeyAsync(user, key, cancellationToken);
            await users.UpdateAsync(user);
        }
        Key = FactorPages.Grouped(key);
        QrCode = FactorPages.QrCodePng(FactorPages.OtpAuthUri(Issuer, user.Email!, key));
    }
}
