using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using OneStop.Platform.Audit;
using OneStop.Platform.Localisation;
using OneStop.Platform.Web.Forms;

namespace OneStop.Identity.Factors;

/// <summary>
/// The person's passkeys: add one (the browser makes it, passkeys.js carries it into the form), give each a
/// name, rename or remove any. Without JavaScript the page lists and removes, and says why it cannot add.
/// </summary>
[Authorize]
public sealed class PasskeysModel(UserManager<OneStopUser> users, PasskeyCeremony ceremony, SessionMethods session,
    FactorRemoval removal, AuditLog audit, AccountMail mail, Text text) : FormPageModel
{
    public const int NameLength = 50;

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? NewName { get; set; }
    [BindProperty] public string? Credential { get; set; }
    [BindProperty] public string? State { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    /// <summary>The passkey whose name is being changed, by its id in base64url.</summary>
    [BindProperty(SupportsGet = true)] public string? Rename { get; set; }
    /// <summary>The passkey whose removal is being confirmed (with the password), by its id in base64url.</summary>
    [BindProperty(SupportsGet = true, Name = "remove")] public string? Removing { get; set; }
    [BindProperty] public string? ConfirmPassword { get; set; }
    [TempData] public string? Done { get; set; }

    public IReadOnlyList<UserPasskeyInfo> Passkeys { get; private set; } = [];
    public PasskeyCeremony.Begun? Creation { get; private set; }

    public static string IdOf(UserPasskeyInfo passkey) => WebEncoders.Base64UrlEncode(passkey.CredentialId);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        Name = Name?.Trim();
        if (string.IsNullOrEmpty(Name)) AddError(nameof(Name), text["factors.passkeys.error.nameMissing"]);
        else if (Name.Length > NameLength) AddError(nameof(Name), text["factors.passkeys.error.nameTooLong", NameLength]);
        else if (await ceremony.FinishCreationAsync(user, Credential, State) is not { } passkey) AddError(nameof(Name), text["factors.passkeys.error.notCreated"]);
        else
        {
            passkey.Name = Name;
            var added = await users.AddOrUpdatePasskeyAsync(user, passkey);
            if (added.Succeeded)
            {
                await audit.RecordNowAsync(FactorEvents.PasskeyAdded, user.Id, user.Id, cancellationToken: cancellationToken);
                await mail.SendSecurityNoticeAsync(user, "mail.factors.passkeyAdded", cancellationToken);
                // The browser checked the person (user verification) to make it: a use of the passkey in this session.
                await session.AddAsync(user, SessionMethods.ForPasskey(passkey));
                Done = "added";
                return Url.IsLocalUrl(ReturnUrl) ? LocalRedirect(ReturnUrl!) : RedirectToPage();
            }
            AddError(nameof(Name), text["factors.passkeys.error.notCreated"]);
        }
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostRenameAsync(string? id, CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (await FindAsync(user, id) is not { } passkey) return NotFound();
        NewName = NewName?.Trim();
        if (string.IsNullOrEmpty(NewName)) AddError(nameof(NewName), text["factors.passkeys.error.nameMissing"]);
        else if (NewName.Length > NameLength) AddError(nameof(NewName), text["factors.passkeys.error.nameTooLong", NameLength]);
        if (HasErrors)
        {
            Rename = id;
            await LoadAsync(user);
            return Page();
        }
        passkey.Name = NewName;
        await users.AddOrUpdatePasskeyAsync(user, passkey);
        await audit.RecordNowAsync(FactorEvents.PasskeyRenamed, user.Id, user.Id, cancellationToken: cancellationToken);
        Done = "renamed";
        return RedirectToPage(new { rename = (string?)null });
    }

    public async Task<IActionResult> OnPostRemoveAsync(string? id, CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (await FindAsync(user, id) is not { } passkey) return NotFound();
        if (!await removal.PasswordConfirmsAsync(user, ConfirmPassword))
        {
            AddError(FactorRemoval.Field, text[string.IsNullOrEmpty(ConfirmPassword) ? "account.error.passwordMissing" : "factors.remove.wrongPassword"]);
            Removing = id;
            await LoadAsync(user);
            return Page();
        }
        await users.RemovePasskeyAsync(user, passkey.CredentialId);
        await audit.RecordNowAsync(FactorEvents.PasskeyRemoved, user.Id, user.Id, cancellationToken: cancellationToken);
        await mail.SendSecurityNoticeAsync(user, "mail.factors.passkeyRemoved", cancellationToken);
        await session.AddAsync(user);
        Done = "removed";
        return RedirectToPage(new { rename = (string?)null, remove = (string?)null });
    }

    private async Task<UserPasskeyInfo?> FindAsync(OneStopUser user, string? id)
    {
        if (string.IsNullOrEmpty(id)) return null;
        byte[] credentialId;
        try { credentialId = WebEncoders.Base64UrlDecode(id); }
        catch (FormatException) { return null; }
        return await users.GetPasskeyAsync(user, credentialId);
    }

    private async Task LoadAsync(OneStopUser user)
    {
        Passkeys = (await users.GetPasskeysAsync(user)).OrderBy(p => p.CreatedAt).ToList();
        Creation = await ceremony.BeginCreationAsync(user);
    }
}
