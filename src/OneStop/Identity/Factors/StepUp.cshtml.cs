using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using OneStop.Platform.Audit;
using OneStop.Platform.Localisation;
using OneStop.Platform.Web.Forms;

namespace OneStop.Identity.Factors;

/// <summary>
/// Raise this session to the level a page asked for, then go back to it. Verified needs the identity
/// proved (the verification pages do that); Advanced needs, on top, an authenticator code or a passkey used
/// now, which is added to the session's methods. With neither set up, the person sets one up and comes back.
/// </summary>
[Authorize]
public sealed class StepUpModel(UserManager<OneStopUser> users, SessionMethods session, PasskeyCeremony ceremony,
    AuditLog audit, Text text, TimeProvider clock) : FormPageModel
{
    [BindProperty(SupportsGet = true)] public string? Level { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Credential { get; set; }
    [BindProperty] public string? State { get; set; }

    public AssuranceLevel Target => Assurance.FromAcr(Level) ?? AssuranceLevel.Advanced;
    public AssuranceLevel Current => Assurance.Of(User);
    public bool HasAuthenticator { get; private set; }
    public PasskeyCeremony.Begun? PasskeyRequest { get; private set; }

    /// <summary>Where the person goes once the level is reached.</summary>
    public string Back => FactorPages.Local(Url, ReturnUrl, "~/account");

    /// <summary>This page again, for journeys (verification, setting up a factor) that must come back here.</summary>
    public string Here => Url.Content("~" + StepUp.Url(Target, Back));

    /// <summary>The verification pages (another slice) take a local returnUrl.</summary>
    public string VerifyUrl => Url.Content("~/account/verify") + "?returnUrl=" + Uri.EscapeDataString(Target == AssuranceLevel.Verified ? Back : Here);

    public bool NeedsVerification => Current < AssuranceLevel.Verified;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (Current >= Target) return LocalRedirect(Back);
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (Current >= Target || NeedsVerification) return RedirectToPage(new { level = Level, returnUrl = ReturnUrl });
        var code = FactorPages.Normalise(Code);
        if (code.Length == 0) AddError(nameof(Code), text["factors.error.codeMissing"]);
        else if (!FactorPages.IsAuthenticatorCode(code)) AddError(nameof(Code), text["factors.error.codeFormat"]);
        else if (await users.IsLockedOutAsync(user)) AddError(nameof(Code), LockedOutMessage(user));
        else if (await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            return await SteppedUpAsync(user, SessionMethods.OneTimePassword, cancellationToken);
        }
        else
        {
            // Guessing codes here counts as much as guessing them at sign-in.
            await users.AccessFailedAsync(user);
            await audit.RecordNowAsync(FactorEvents.SecondFactorFailed, user.Id, user.Id, "step-up", cancellationToken);
            AddError(nameof(Code), await users.IsLockedOutAsync(user) ? LockedOutMessage(user) : text["factors.error.codeWrong"]);
        }
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostPasskeyAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (Current >= Target || NeedsVerification) return RedirectToPage(new { level = Level, returnUrl = ReturnUrl });
        if (await ceremony.FinishRequestAsync(user.Id, Credential, State) is { } used)
        {
            await users.AddOrUpdatePasskeyAsync(user, used.Passkey);
            return await SteppedUpAsync(user, SessionMethods.ForPasskey(used.Passkey), cancellationToken);
        }
        await audit.RecordNowAsync(FactorEvents.SecondFactorFailed, user.Id, user.Id, "step-up passkey", cancellationToken);
        AddError(nameof(Code), text["factors.passkey.failed"]);
        await LoadAsync(user);
        return Page();
    }

    private async Task<IActionResult> SteppedUpAsync(OneStopUser user, string method, CancellationToken cancellationToken)
    {
        await users.ResetAccessFailedCountAsync(user);
        await session.AddAsync(user, method);
        await audit.RecordNowAsync(FactorEvents.SteppedUp, user.Id, user.Id, method, cancellationToken);
        return LocalRedirect(Back);
    }

    private string LockedOutMessage(OneStopUser user)
    {
        var minutes = user.LockoutEnd is { } end ? Math.Max(1, (int)Math.Ceiling((end - clock.GetUtcNow()).TotalMinutes)) : 15;
        return text.Count("account.error.lockedOut", minutes);
    }

    private async Task LoadAsync(OneStopUser user)
    {
        HasAuthenticator = await users.GetTwoFactorEnabledAsync(user) && !string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user));
        if ((await users.GetPasskeysAsync(user)).Count > 0) PasskeyRequest = await ceremony.BeginRequestAsync(user);
    }
}
