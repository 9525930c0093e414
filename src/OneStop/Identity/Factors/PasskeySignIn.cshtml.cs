using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using OneStop.Identity.Account;
using OneStop.Platform.Audit;
using OneStop.Platform.Localisation;
using OneStop.Platform.Web.Forms;

namespace OneStop.Identity.Factors;

/// <summary>
/// Sign in with a passkey alone. A passkey is bound to OneStop's address (no phishing) and the browser
/// checks the person's PIN or biometric, so it is two factors in one and no password or code follows.
/// </summary>
[EnableRateLimiting(IdentitySetup.AttemptsPolicy)]
public sealed class PasskeySignInModel(SignInManager<OneStopUser> signIn, UserManager<OneStopUser> users, SessionMethods session,
    PasskeyCeremony ceremony, AuditLog audit, Text text, TimeProvider clock) : FormPageModel
{
    public const string Field = "passkey";

    [BindProperty] public string? Credential { get; set; }
    [BindProperty] public string? State { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public PasskeyCeremony.Begun? PasskeyRequest { get; private set; }

    public async Task OnGetAsync() => PasskeyRequest = await ceremony.BeginRequestAsync(null);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await ceremony.FinishRequestAsync(null, Credential, State) is not { } used)
        {
            AddError(Field, text["factors.passkey.failed"]);
        }
        else if (!await signIn.CanSignInAsync(used.User))
        {
            AddError(Field, text["factors.passkeySignIn.notAllowed"]);
        }
        else if (await users.IsLockedOutAsync(used.User))
        {
            var minutes = used.User.LockoutEnd is { } end ? Math.Max(1, (int)Math.Ceiling((end - clock.GetUtcNow()).TotalMinutes)) : 15;
            AddError(Field, text.Count("account.error.lockedOut", minutes));
        }
        else
        {
            var user = used.User;
            await users.AddOrUpdatePasskeyAsync(user, used.Passkey); // its new signature count
            await session.SignInAsync(user, SessionMethods.ForPasskey(used.Passkey), SessionMethods.MultiFactor);
            await audit.RecordNowAsync(AuditEvents.SignedIn, user.Id, user.Id, "passkey", cancellationToken);
            LanguageCookie.Set(Response, user.PreferredLanguage);
            return LocalRedirect(FactorPages.Local(Url, ReturnUrl, "~/account"));
        }
        PasskeyRequest = await ceremony.BeginRequestAsync(null);
        return Page();
    }
}
